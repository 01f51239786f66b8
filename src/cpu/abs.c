/* abs.c — abs on the CPU: fabsf forward; backward g * sign(x), where PyTorch's
 * sign is 0 at 0 and at NaN. */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void abs_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = fabsf(in[i]);
}

void abs_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        din[i] = dout[i] * (x > 0.0f ? 1.0f : x < 0.0f ? -1.0f : 0.0f);
    }
}

CNNC_CPU_ELEMENTWISE_ENTRY(abs)
