/* setitem.cu — item assignment into a computed tensor (src/layers/setitem.c): the
 * node does not keep its index, so the CUDA engine refuses it, as the CPU's. */
#include "backend_cuda.h"

static const char *setitem_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "its output is written by item assignment (x[...] = value), whose index the graph does not keep (check and "
           "summary follow it)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_setitem = {{setitem_unsupported, NULL, NULL, NULL}, NULL, NULL};
