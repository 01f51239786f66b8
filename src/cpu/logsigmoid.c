/* logsigmoid.c — LogSigmoid on the CPU: min(x, 0) - log1p(e^-|x|) forward; backward
 * g / (1 + e^x), written without overflow on either side. */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void logsigmoid_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = fminf(x, 0.0f) - log1pf(expf(-fabsf(x)));
    }
}

void logsigmoid_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], e = expf(-fabsf(x));
        din[i] = dout[i] * (x > 0.0f ? e / (1.0f + e) : 1.0f / (1.0f + e));
    }
}

CNNC_CPU_ELEMENTWISE_ENTRY(logsigmoid)
