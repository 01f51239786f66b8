/* gelu.c — GELU on the CPU with PyTorch's float formulas: 'none' is
 * x * 0.5 * (1 + erf(x / sqrt 2)), 'tanh' 0.5 * x * (1 + tanh(sqrt(2/pi) *
 * (x + 0.044715 x^3))); backward the derivative of each as ATen writes it. */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

#define GELU_SQRT1_2 0.70710678118654752440f   /* 1/sqrt(2) */
#define GELU_INV_SQRT_2PI 0.39894228040143267794f /* 1/sqrt(2 pi): M_2_SQRTPI * M_SQRT1_2 * 0.5 */
#define GELU_SQRT_2_PI 0.79788456080286535588f /* sqrt(2/pi): M_SQRT2 * M_2_SQRTPI * 0.5 */
#define GELU_KAPPA 0.044715f

void gelu_forward_cpu(float *out, const float *in, int64_t n, int tanh_approx) {
    if (tanh_approx) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
        for (int64_t i = 0; i < n; i++) {
            const float x = in[i], inner = GELU_SQRT_2_PI * (x + GELU_KAPPA * (x * x * x));
            out[i] = 0.5f * x * (1.0f + tanhf(inner));
        }
        return;
    }
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x * 0.5f * (1.0f + erff(x * GELU_SQRT1_2));
    }
}

void gelu_backward_cpu(float *din, const float *dout, const float *in, int64_t n, int tanh_approx) {
    if (tanh_approx) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
        for (int64_t i = 0; i < n; i++) {
            const float x = in[i], x_sq = x * x;
            const float t = tanhf(GELU_SQRT_2_PI * (x + GELU_KAPPA * (x_sq * x)));
            const float left = 0.5f * x, left_derivative = 0.5f * (1.0f + t);
            const float inner_derivative = GELU_SQRT_2_PI * (1.0f + 3.0f * GELU_KAPPA * x_sq);
            const float right_derivative = left * (1.0f - t * t) * inner_derivative;
            din[i] = dout[i] * (left_derivative + right_derivative);
        }
        return;
    }
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        const float cdf = 0.5f * (1.0f + erff(x * GELU_SQRT1_2));
        const float pdf = GELU_INV_SQRT_2PI * expf(x * x * -0.5f);
        din[i] = dout[i] * (cdf + x * pdf);
    }
}

/* ---- the engine's entry (the shape pass refuses an unknown approximation) ---- */

static cnnc_status gelu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    gelu_forward_cpu(r->out, r->in[0], r->shape->out_numel, r->layer->p.gelu.approximate == CNNC_GELU_TANH);
    return CNNC_OK;
}

static cnnc_status gelu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0])
        gelu_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel, r->layer->p.gelu.approximate == CNNC_GELU_TANH);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_gelu = {NULL, NULL, gelu_fwd, gelu_bwd};
