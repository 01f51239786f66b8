/* einsum.c — torch.einsum has no CPU kernel yet: check only, and the engine refuses it. */
#include "cpu/cpu_backend.h"

static const char *einsum_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no einsum kernels yet (check and summary follow it)";
}
const cnnc_kernel cnnc_cpu_einsum = {einsum_unsupported, NULL, NULL, NULL};
