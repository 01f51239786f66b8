/* hardswish.c — Hardswish on the CPU, as PyTorch's vectorised kernel: forward
 * x * min(max(x + 3, 0), 6) / 6 (hardswish(-inf) is NaN there too), backward
 * 0 below -3, g from 3 on, g * (x / 3 + 0.5) between and at NaN. */
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void hardswish_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        float c = x + 3.0f;
        c = c < 0.0f ? 0.0f : c;   /* comparisons, not fmaxf/fminf: NaN stays NaN */
        c = c > 6.0f ? 6.0f : c;
        out[i] = x * c / 6.0f;
    }
}

void hardswish_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], g = dout[i];
        din[i] = x < -3.0f ? 0.0f : x >= 3.0f ? g : g * (x / 3.0f + 0.5f);
    }
}

/* ---- the engine's entry ---- */

static cnnc_status hardswish_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    hardswish_forward_cpu(r->out, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

static cnnc_status hardswish_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) hardswish_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_hardswish = {NULL, NULL, hardswish_fwd, hardswish_bwd};
