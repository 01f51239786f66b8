/* silu.c — SiLU on the CPU: PyTorch's x / (1 + exp(-x)) (so silu(-inf) is
 * NaN, as there), backward g * s * (1 + x * (1 - s)) with s = sigmoid(x). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void silu_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = in[i] / (1.0f + expf(-in[i]));
}

void silu_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], s = 1.0f / (1.0f + expf(-x));
        din[i] = dout[i] * s * (1.0f + x * (1.0f - s));
    }
}

/* ---- the engine's entry ---- */

static cnnc_status silu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    silu_forward_cpu(r->out, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

static cnnc_status silu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) silu_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_silu = {NULL, NULL, silu_fwd, silu_bwd};
