/* sigmoid.c — Sigmoid on the CPU: PyTorch's 1 / (1 + exp(-x)), and
 * sigmoid_backward's g * (1 - y) * y. */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void sigmoid_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = 1.0f / (1.0f + expf(-in[i]));
}

void sigmoid_backward_cpu(float *din, const float *dout, const float *out, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) din[i] = dout[i] * (1.0f - out[i]) * out[i];
}

/* ---- the engine's entry ---- */

static cnnc_status sigmoid_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    sigmoid_forward_cpu(r->out, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

static cnnc_status sigmoid_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) sigmoid_backward_cpu(r->din[0], r->dout, r->out, r->shape->out_numel);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_sigmoid = {NULL, NULL, sigmoid_fwd, sigmoid_bwd};
