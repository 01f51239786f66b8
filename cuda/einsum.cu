/* einsum.cu — torch.einsum has no CUDA kernel yet: check only, and the engine refuses it. */
#include "backend_cuda.h"

static const char *einsum_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no einsum kernels yet (check and summary follow it)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_einsum = {{einsum_unsupported, NULL, NULL, NULL}, NULL, NULL};
