/* pow.c — x ** e (a number e) on the CPU, with PyTorch's special exponents
 * (pow_tensor_scalar: 0.5 is sqrt, -0.5 rsqrt, 2 and 3 products, -1 and -2
 * reciprocals; so sqrt(-inf) is NaN, not powf's inf). Backward
 * g * e * x ** (e - 1) through the same function, and 0 for e = 0. */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

static inline float pow_scalar(float x, float e) {
    if (e == 2.0f) return x * x;
    if (e == 0.5f) return sqrtf(x);
    if (e == 3.0f) return x * x * x;
    if (e == 1.0f) return x;
    if (e == 0.0f) return 1.0f;
    if (e == -0.5f) return 1.0f / sqrtf(x);
    if (e == -1.0f) return 1.0f / x;
    if (e == -2.0f) return 1.0f / (x * x);
    return powf(x, e);
}

void pow_forward_cpu(float *out, const float *in, int64_t n, float e) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = pow_scalar(in[i], e);
}

void pow_backward_cpu(float *din, const float *dout, const float *in, int64_t n, float e) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) din[i] = e == 0.0f ? 0.0f : dout[i] * e * pow_scalar(in[i], e - 1.0f);
}

static cnnc_status pow_fwd(cnnc_engine *eng, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)eng; (void)train; (void)err;
    pow_forward_cpu(r->out, r->in[0], r->shape->out_numel, (float)r->layer->p.pow.exponent);
    return CNNC_OK;
}

static cnnc_status pow_bwd(cnnc_engine *eng, const cnnc_node_run *r, cnnc_error *err) {
    (void)eng; (void)err;
    if (r->din[0]) pow_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel, (float)r->layer->p.pow.exponent);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_pow = {NULL, NULL, pow_fwd, pow_bwd};
