/* mish.c — Mish on the CPU, PyTorch's formulas in float: x * tanh(log1p(exp(x)))
 * (mish(-inf) is NaN there too), backward g * (t + x * s * (1 - t * t)) with
 * t = tanh(softplus(x)), s = sigmoid(x). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void mish_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x * tanhf(log1pf(expf(x)));
    }
}

void mish_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], s = 1.0f / (1.0f + expf(-x)), t = tanhf(log1pf(expf(x)));
        din[i] = dout[i] * (t + x * s * (1.0f - t * t));
    }
}

CNNC_CPU_ELEMENTWISE_ENTRY(mish)
