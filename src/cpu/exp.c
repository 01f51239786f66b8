/* exp.c — exp on the CPU; backward reads the output (d exp(x) = exp(x)). */
#include "cpu/cpu_backend.h"

#include <math.h>

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void exp_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = expf(in[i]);
}

void exp_backward_cpu(float *din, const float *dout, const float *out, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) din[i] = dout[i] * out[i];
}

/* ---- the engine's entry ---- */

static cnnc_status exp_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    exp_forward_cpu(r->out, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

static cnnc_status exp_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) exp_backward_cpu(r->din[0], r->dout, r->out, r->shape->out_numel);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_exp = {NULL, NULL, exp_fwd, exp_bwd};
