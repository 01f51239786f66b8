/* cdist.c — torch.cdist has no CPU kernel yet: check only, and the engine refuses it. */
#include "cpu/cpu_backend.h"

static const char *cdist_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no cdist kernels yet (check and summary follow it)";
}
const cnnc_kernel cnnc_cpu_cdist = {cdist_unsupported, NULL, NULL, NULL};
