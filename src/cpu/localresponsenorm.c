/* localresponsenorm.c — LocalResponseNorm has no CPU kernel yet: the engine refuses it. */
#include "cpu/cpu_backend.h"

static const char *lrn_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no LocalResponseNorm kernels yet (check and summary follow it)";
}
const cnnc_kernel cnnc_cpu_localresponsenorm = {lrn_unsupported, NULL, NULL, NULL};

