/* pool1d_common.c — the 1-d pools' shared rules (pool1d_common.h). */
#include "layers/pool1d_common.h"

cnnc_status cnnc_pool1d_rank(const cnnc_shape *in, const char *fn, cnnc_error *err) {
    if (in->ndim == 2 || in->ndim == 3) return CNNC_OK;
    return cnnc_shape_fail(err, "RuntimeError",
                           "Expected 2 to 3 dimensions, but got %d-dimensional tensor for argument #1 'self' (while "
                           "checking arguments for %s)",
                           (int)in->ndim, fn);
}

cnnc_shape cnnc_pool1d_unsqueeze(const cnnc_shape *in) {
    cnnc_shape u = *in;
    u.ndim = in->ndim + 1;
    u.d[in->ndim] = in->d[in->ndim - 1];
    u.d[in->ndim - 1] = 1;
    return u;
}

void cnnc_pool1d_squeeze(cnnc_layer_shape *ls, const cnnc_shape *in) {
    const cnnc_shape o = ls->out;
    ls->in = *in;
    ls->out = *in;
    ls->out.d[in->ndim - 2] = o.d[o.ndim - 3];
    ls->out.d[in->ndim - 1] = o.d[o.ndim - 1];
}
