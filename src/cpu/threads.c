/* threads.c — one knob for OpenMP's and OpenBLAS's thread counts, so the
 * kernels and the GEMMs they call agree on how many cores they own. */
#include <omp.h>
#include "cpu/cpu_kernels.h"
#include "cpu/cpu_internal.h"

void cpu_set_threads(int threads) {
    if (threads <= 0) return;
    omp_set_num_threads(threads);
    cpu_blas_set_threads(threads);
}

int cpu_get_threads(void) {
    int t = omp_get_max_threads();
    return t < 1 ? 1 : t;
}

int cpu_blas_threads_push(int threads) {
    int old = cpu_blas_get_threads();
    if (old != threads) cpu_blas_set_threads(threads);
    return old;
}

void cpu_blas_threads_pop(int old_threads) {
    if (cpu_blas_get_threads() != old_threads) cpu_blas_set_threads(old_threads);
}
