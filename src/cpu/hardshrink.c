/* hardshrink.c — Hardshrink on the CPU, as PyTorch's kernel: forward 0 inside
 * [-lambd, lambd] and x elsewhere (NaN passes), backward g outside and 0
 * inside (0 at NaN, as PyTorch's vectorised backward). */
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void hardshrink_forward_cpu(float *out, const float *in, int64_t n, float lambd) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x >= -lambd && x <= lambd ? 0.0f : x;
    }
}

void hardshrink_backward_cpu(float *din, const float *dout, const float *in, int64_t n, float lambd) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], g = dout[i];
        din[i] = x < -lambd || x > lambd ? g : 0.0f;
    }
}

/* ---- the engine's entry ---- */

static cnnc_status hardshrink_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    hardshrink_forward_cpu(r->out, r->in[0], r->shape->out_numel, (float)r->layer->p.hardshrink.lambd);
    return CNNC_OK;
}

static cnnc_status hardshrink_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) hardshrink_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel, (float)r->layer->p.hardshrink.lambd);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_hardshrink = {NULL, NULL, hardshrink_fwd, hardshrink_bwd};
