/* hardtanh.c — Hardtanh (and ReLU6, relu6.c) on the CPU: PyTorch's clamp,
 * which lets NaN through, and hardtanh_backward, which passes the gradient
 * only strictly inside (min_val, max_val). At a NaN input PyTorch disagrees
 * with itself: its vectorised CPU kernel, (x > min) & (x < max), gives 0; its
 * scalar tail and CUDA kernel, (x <= min || x >= max) ? 0 : g, pass g. cnnc
 * follows the vectorised kernel, what PyTorch does for all but the last few
 * elements of a CPU tensor. */
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void hardtanh_forward_cpu(float *out, const float *in, int64_t n, float min_val, float max_val) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x < min_val ? min_val : x > max_val ? max_val : x;  /* NaN and -0.0 pass unchanged */
    }
}

void hardtanh_backward_cpu(float *din, const float *dout, const float *in, int64_t n, float min_val, float max_val) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float d = dout[i], x = in[i];
        din[i] = (x > min_val && x < max_val) ? d : 0.0f;
    }
}

/* ---- the engine's entry ---- */

static cnnc_status hardtanh_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    const cnnc_hardtanh_params *q = &r->layer->p.hardtanh;
    hardtanh_forward_cpu(r->out, r->in[0], r->shape->out_numel, (float)q->min_val, (float)q->max_val);
    return CNNC_OK;
}

static cnnc_status hardtanh_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    const cnnc_hardtanh_params *q = &r->layer->p.hardtanh;
    if (r->din[0])
        hardtanh_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel, (float)q->min_val, (float)q->max_val);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_hardtanh = {NULL, NULL, hardtanh_fwd, hardtanh_bwd};
