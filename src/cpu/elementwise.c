/* elementwise.c — the engine's plain elementwise helpers on the CPU. */
#include "cpu/cpu_kernels.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ADD_PARALLEL_MIN 32768

void add_inplace_cpu(float *dst, const float *src, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ADD_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) dst[i] += src[i];
}
