/* threads.c — one knob for OpenMP's and OpenBLAS's thread counts, so the
 * kernels and the GEMMs they call agree on how many cores they own. */
#include <cblas.h>
#include <omp.h>
#include "cpu/cpu_kernels.h"
#include "cpu/cpu_internal.h"

void cpu_set_threads(int threads) {
    if (threads <= 0) return;
    omp_set_num_threads(threads);
    openblas_set_num_threads(threads);
}

int cpu_get_threads(void) {
    int t = omp_get_max_threads();
    return t < 1 ? 1 : t;
}

int cpu_blas_threads_push(int threads) {
    int old = openblas_get_num_threads();
    if (old != threads) openblas_set_num_threads(threads);
    return old;
}

void cpu_blas_threads_pop(int old_threads) {
    if (openblas_get_num_threads() != old_threads) openblas_set_num_threads(old_threads);
}
