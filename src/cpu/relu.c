/* relu.c — ReLU on the CPU. */
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void relu_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = in[i] < 0.0f ? 0.0f : in[i];  /* NaN and -0.0 pass, as torch.relu */
}

void relu_backward_cpu(float *din, const float *dout, const float *out, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float d = dout[i]; /* unconditional load: lets the loop vectorise */
        din[i] = out[i] <= 0.0f ? 0.0f : d;  /* threshold_backward: a NaN output passes the gradient */
    }
}


/* ---- the engine's entry ---- */

static cnnc_status relu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    relu_forward_cpu(r->out, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

static cnnc_status relu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) relu_backward_cpu(r->din[0], r->dout, r->out, r->shape->out_numel);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_relu = {NULL, NULL, relu_fwd, relu_bwd};
