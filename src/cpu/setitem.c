/* setitem.c — item assignment into a computed tensor (src/layers/setitem.c): the
 * node does not keep its index, so the CPU engine refuses it. */
#include "cpu/cpu_backend.h"

static const char *setitem_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "its output is written by item assignment (x[...] = value), whose index the graph does not keep (check and "
           "summary follow it)";
}
const cnnc_kernel cnnc_cpu_setitem = {setitem_unsupported, NULL, NULL, NULL};
