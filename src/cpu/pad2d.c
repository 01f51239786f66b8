/* pad2d.c — constant, reflect, replicate and circular padding of the last three dims
 * (D = 1 unless 6 numbers pad dim -3) on the CPU (negative padding crops),
 * with PyTorch's index rules (layers/plane_index.h); the backward scatters in
 * output order, as PyTorch's does. The engine entries of ZeroPad2d,
 * ConstantPad2d, ReflectionPad2d, ReplicationPad2d and F.pad. Parallel over
 * planes. */
#include <string.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"
#include "layers/plane_index.h"

void pad2d_forward_cpu(float *out, const float *in, const cnnc_pad2d_geom *g) {
    const int64_t D = g->D, H = g->H, W = g->W, OD = g->OD, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        const float *src = in + p * D * H * W;
        float *dst = out + p * OD * OH * OW;
        for (int64_t od = 0; od < OD; od++) {
            const int64_t id = cnnc_pad_src(od, D, OD, g->front, g->mode);
            for (int64_t oh = 0; oh < OH; oh++) {
                const int64_t ih = cnnc_pad_src(oh, H, OH, g->top, g->mode);
                float *row = dst + (od * OH + oh) * OW;
                for (int64_t ow = 0; ow < OW; ow++) {
                    const int64_t iw = cnnc_pad_src(ow, W, OW, g->left, g->mode);
                    row[ow] = id < 0 || ih < 0 || iw < 0 ? g->value : src[(id * H + ih) * W + iw];
                }
            }
        }
    }
}

void pad2d_backward_cpu(float *din, const float *dout, const cnnc_pad2d_geom *g) {
    const int64_t D = g->D, H = g->H, W = g->W, OD = g->OD, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        float *d = din + p * D * H * W;
        const float *go = dout + p * OD * OH * OW;
        memset(d, 0, (size_t)(D * H * W) * sizeof(float));
        for (int64_t od = 0; od < OD; od++) {
            const int64_t id = cnnc_pad_src(od, D, OD, g->front, g->mode);
            if (id < 0) continue;
            for (int64_t oh = 0; oh < OH; oh++) {
                const int64_t ih = cnnc_pad_src(oh, H, OH, g->top, g->mode);
                if (ih < 0) continue;
                const float *row = go + (od * OH + oh) * OW;
                for (int64_t ow = 0; ow < OW; ow++) {
                    const int64_t iw = cnnc_pad_src(ow, W, OW, g->left, g->mode);
                    if (iw >= 0) d[(id * H + ih) * W + iw] += row[ow];
                }
            }
        }
    }
}

/* ---- the engine's entries (one per kind, the same kernels) ---- */

static cnnc_status pad_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    pad2d_forward_cpu(r->out, r->in[0], &r->shape->g.pad2d);
    return CNNC_OK;
}

static cnnc_status pad_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) pad2d_backward_cpu(r->din[0], r->dout, &r->shape->g.pad2d);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_zeropad2d = {NULL, NULL, pad_fwd, pad_bwd};
const cnnc_kernel cnnc_cpu_constantpad2d = {NULL, NULL, pad_fwd, pad_bwd};
const cnnc_kernel cnnc_cpu_reflectionpad2d = {NULL, NULL, pad_fwd, pad_bwd};
const cnnc_kernel cnnc_cpu_replicationpad2d = {NULL, NULL, pad_fwd, pad_bwd};
const cnnc_kernel cnnc_cpu_pad = {NULL, NULL, pad_fwd, pad_bwd};
const cnnc_kernel cnnc_cpu_reflectionpad1d = {NULL, NULL, pad_fwd, pad_bwd};
const cnnc_kernel cnnc_cpu_replicationpad1d = {NULL, NULL, pad_fwd, pad_bwd};
const cnnc_kernel cnnc_cpu_constantpad1d = {NULL, NULL, pad_fwd, pad_bwd};
