/* cpu_internal.h — helpers shared by the CPU kernel files (not a contract). */
#ifndef CNNC_CPU_INTERNAL_H
#define CNNC_CPU_INTERNAL_H

#include <stdint.h>
#include "cpu/cpu_kernels.h"

/* OpenBLAS thread count for GEMMs issued from inside an OpenMP loop over
 * samples: each thread runs its own single-threaded GEMM. Returns the old
 * count so the caller can restore it. */
int cpu_blas_threads_push(int threads);
void cpu_blas_threads_pop(int old_threads);

/* How many threads a loop over `items` independent work items should use:
 * never more than the items, never less than 1. */
static inline int cpu_threads_for(int64_t items) {
    int t = cpu_get_threads();
    if ((int64_t)t > items) t = (int)items;
    return t < 1 ? 1 : t;
}

#endif
