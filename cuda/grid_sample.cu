/* grid_sample.cu — F.grid_sample has no CUDA kernel yet: check only, and the engine refuses it. */
#include "backend_cuda.h"

static const char *grid_sample_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no grid_sample kernels yet (check and summary follow it)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_grid_sample = {{grid_sample_unsupported, NULL, NULL, NULL}, NULL, NULL};
