/* hardsigmoid.c — Hardsigmoid on the CPU, as PyTorch's kernel: forward
 * min(max(x + 3, 0), 6) / 6 with NaN passing, backward g / 6 strictly inside
 * (-3, 3) and 0 elsewhere (0 at NaN). */
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void hardsigmoid_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        float c = in[i] + 3.0f;
        c = c < 0.0f ? 0.0f : c;   /* comparisons, not fmaxf/fminf: NaN stays NaN */
        c = c > 6.0f ? 6.0f : c;
        out[i] = c / 6.0f;
    }
}

void hardsigmoid_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], g = dout[i];
        din[i] = x > -3.0f && x < 3.0f ? g * (1.0f / 6.0f) : 0.0f;
    }
}

CNNC_CPU_ELEMENTWISE_ENTRY(hardsigmoid)
