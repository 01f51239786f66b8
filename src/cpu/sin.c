/* sin.c — sin on the CPU: sinf forward; backward g * cos(x). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void sin_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = sinf(in[i]);
}

void sin_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        din[i] = dout[i] * (cosf(x));
    }
}

CNNC_CPU_ELEMENTWISE_ENTRY(sin)
