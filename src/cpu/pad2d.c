/* pad2d.c — constant, reflect and replicate padding of the last two dims on
 * the CPU (negative padding crops), with PyTorch's index rules
 * (layers/plane_index.h); the backward scatters in output order, as PyTorch's
 * does. The engine entries of ZeroPad2d, ConstantPad2d, ReflectionPad2d,
 * ReplicationPad2d and F.pad. Parallel over planes. */
#include <string.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"
#include "layers/plane_index.h"

void pad2d_forward_cpu(float *out, const float *in, const cnnc_pad2d_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        const float *src = in + p * H * W;
        float *dst = out + p * OH * OW;
        for (int64_t oh = 0; oh < OH; oh++) {
            const int64_t ih = cnnc_pad_src(oh, H, g->top, g->mode);
            for (int64_t ow = 0; ow < OW; ow++) {
                const int64_t iw = cnnc_pad_src(ow, W, g->left, g->mode);
                dst[oh * OW + ow] = ih < 0 || iw < 0 ? g->value : src[ih * W + iw];
            }
        }
    }
}

void pad2d_backward_cpu(float *din, const float *dout, const cnnc_pad2d_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        float *d = din + p * H * W;
        const float *go = dout + p * OH * OW;
        memset(d, 0, (size_t)(H * W) * sizeof(float));
        for (int64_t oh = 0; oh < OH; oh++) {
            const int64_t ih = cnnc_pad_src(oh, H, g->top, g->mode);
            if (ih < 0) continue;
            for (int64_t ow = 0; ow < OW; ow++) {
                const int64_t iw = cnnc_pad_src(ow, W, g->left, g->mode);
                if (iw >= 0) d[ih * W + iw] += go[oh * OW + ow];
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
