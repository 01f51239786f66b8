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

CNNC_CPU_ELEMENTWISE_ENTRY(hardswish)
