/* localresponsenorm.cu — LocalResponseNorm has no CUDA kernel yet: the engine refuses it. */
#include "backend_cuda.h"

static const char *lrn_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no LocalResponseNorm kernels yet (check and summary follow it)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_localresponsenorm = {{lrn_unsupported, NULL, NULL, NULL}, NULL, NULL};
