/* grid_sample.c — F.grid_sample has no CPU kernel yet: check only, and the engine refuses it. */
#include "cpu/cpu_backend.h"

static const char *grid_sample_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no grid_sample kernels yet (check and summary follow it)";
}
const cnnc_kernel cnnc_cpu_grid_sample = {grid_sample_unsupported, NULL, NULL, NULL};
