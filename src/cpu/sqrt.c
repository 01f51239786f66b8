/* sqrt.c — sqrt on the CPU: sqrtf forward; backward g / (2 * sqrt(x)), as
 * PyTorch divides by twice the result (inf at +0, -inf at -0). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void sqrt_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = sqrtf(in[i]);
}

void sqrt_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) din[i] = dout[i] / (2.0f * sqrtf(in[i]));
}

CNNC_CPU_ELEMENTWISE_ENTRY(sqrt)
