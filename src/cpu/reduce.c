/* reduce.c — mean and sum over dims on the CPU: each output sums its inputs
 * in double, in index order (deterministic, and the order of the CUDA
 * kernels' one-thread-per-output path). */
#include "cpu/cpu_backend.h"

/* Below this much work a parallel region costs more than it saves. */
#define RED_PARALLEL_MIN 32768

void reduce_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, int mean) {
    const int32_t nd = g->ndim;
    int64_t istride[CNNC_MAX_DIMS], s = 1, n_out = 1, R = 1;
    for (int32_t k = nd - 1; k >= 0; k--) {
        istride[k] = s;
        s *= g->size[k];
        if ((g->reduced >> k) & 1u) R *= g->size[k];
        else n_out *= g->size[k];
    }
    const double count = (double)g->count;
#pragma omp parallel for schedule(static) if (n_out * R >= RED_PARALLEL_MIN)
    for (int64_t o = 0; o < n_out; o++) {
        int64_t rem = o, base = 0;
        for (int32_t k = nd - 1; k >= 0; k--) {
            if ((g->reduced >> k) & 1u) continue;
            base += rem % g->size[k] * istride[k];
            rem /= g->size[k];
        }
        double acc = 0.0;
        for (int64_t r = 0; r < R; r++) {
            int64_t rr = r, off = base;
            for (int32_t k = nd - 1; k >= 0; k--) {
                if (!((g->reduced >> k) & 1u)) continue;
                off += rr % g->size[k] * istride[k];
                rr /= g->size[k];
            }
            acc += (double)in[off];
        }
        out[o] = (float)(mean ? acc / count : acc);   /* an empty mean: 0/0 = nan, as PyTorch */
    }
}

void reduce_backward_cpu(float *din, const float *dout, const cnnc_reduce_geom *g, int mean) {
    const int32_t nd = g->ndim;
    int64_t ostride[CNNC_MAX_DIMS], s = 1, n_in = 1;
    for (int32_t k = nd - 1; k >= 0; k--) {   /* the output's strides along the kept dims */
        n_in *= g->size[k];
        ostride[k] = 0;
        if ((g->reduced >> k) & 1u) continue;
        ostride[k] = s;
        s *= g->size[k];
    }
    const float count = (float)g->count;
#pragma omp parallel for schedule(static) if (n_in >= RED_PARALLEL_MIN)
    for (int64_t j = 0; j < n_in; j++) {
        int64_t rem = j, o = 0;
        for (int32_t k = nd - 1; k >= 0; k--) {
            o += rem % g->size[k] * ostride[k];
            rem /= g->size[k];
        }
        din[j] = mean ? dout[o] / count : dout[o];
    }
}

/* ---- the engine's entries ---- */

static cnnc_status reduce_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    reduce_forward_cpu(r->out, r->in[0], &r->shape->g.reduce, r->layer->kind == CNNC_MEAN);
    return CNNC_OK;
}

static cnnc_status reduce_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) reduce_backward_cpu(r->din[0], r->dout, &r->shape->g.reduce, r->layer->kind == CNNC_MEAN);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_mean = {NULL, NULL, reduce_fwd, reduce_bwd};
const cnnc_kernel cnnc_cpu_sum = {NULL, NULL, reduce_fwd, reduce_bwd};
