/* cos.c — cos on the CPU: cosf forward; backward g * -sin(x). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void cos_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = cosf(in[i]);
}

void cos_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        din[i] = dout[i] * (-sinf(x));
    }
}

CNNC_CPU_ELEMENTWISE_ENTRY(cos)
