/* cdist.cu — torch.cdist has no CUDA kernel yet: check only, and the engine refuses it. */
#include "backend_cuda.h"

static const char *cdist_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no cdist kernels yet (check and summary follow it)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_cdist = {{cdist_unsupported, NULL, NULL, NULL}, NULL, NULL};
