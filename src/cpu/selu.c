/* selu.c — SELU on the CPU, as PyTorch's vectorised ELU kernel with SELU's
 * constants, in float: x > 0 ? x * scale : (exp(x) - 1) * alpha * scale;
 * backward x > 0 ? g * scale : g * alpha * scale * exp(x). Both branch on
 * `> 0` as the vectorised kernel does, so a NaN's gradient is NaN (PyTorch's
 * scalar tail, for the last few elements, tests `<= 0` and gives g * scale). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

/* PyTorch passes alpha and scale as floats and multiplies them in float. */
#define SELU_SCALE 1.0507009873554804934193349852946f
#define SELU_NEGCOEF (1.6732632423543772848170429916717f * SELU_SCALE)

void selu_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x > 0.0f ? x * SELU_SCALE : (expf(x) - 1.0f) * SELU_NEGCOEF;
    }
}

void selu_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], g = dout[i];
        din[i] = x > 0.0f ? g * SELU_SCALE : g * SELU_NEGCOEF * expf(x);
    }
}

CNNC_CPU_ELEMENTWISE_ENTRY(selu)
