/* elu.c — ELU on the CPU, PyTorch's formulas: x > 0 ? x : (exp(x) - 1) * alpha
 * (exp - 1, not expm1: elu(-1e-8) is 0 in PyTorch too); backward from the input
 * g * alpha * exp(x) unless x > 0, or after an in-place ELU from the output
 * g * (y + alpha) unless y > 0 (elu_backward's is_result). Both branch on
 * `> 0` as PyTorch's vectorised CPU kernel does, so a NaN takes the negative
 * branch and its gradient is NaN (PyTorch's scalar tail and CUDA kernel test
 * `<= 0` and pass g there). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void elu_forward_cpu(float *out, const float *in, int64_t n, float alpha) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x > 0.0f ? x : (expf(x) - 1.0f) * alpha;
    }
}

void elu_backward_cpu(float *din, const float *dout, const float *in, const float *out, int64_t n, float alpha,
                      int from_output) {
    if (from_output) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
        for (int64_t i = 0; i < n; i++) {
            const float d = dout[i], y = out[i];
            din[i] = y > 0.0f ? d : d * (y + alpha);
        }
        return;
    }
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float d = dout[i], x = in[i];
        din[i] = x > 0.0f ? d : d * alpha * expf(x);
    }
}

/* ---- the engine's entry ---- */

static cnnc_status elu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    elu_forward_cpu(r->out, r->in[0], r->shape->out_numel, (float)r->layer->p.elu.alpha);
    return CNNC_OK;
}

static cnnc_status elu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    const cnnc_elu_params *q = &r->layer->p.elu;
    if (r->din[0]) elu_backward_cpu(r->din[0], r->dout, r->in[0], r->out, r->shape->out_numel, (float)q->alpha, q->inplace);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_elu = {NULL, NULL, elu_fwd, elu_bwd};
