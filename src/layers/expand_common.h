/* expand_common.h — what expand, expand_as and repeat share: their size lists
 * as PyTorch's argument parser reads them, the sizes that name another
 * input's dim, and the broadcast geometry their kernels (the reduce kernels)
 * walk. */
#ifndef CNNC_EXPAND_COMMON_H
#define CNNC_EXPAND_COMMON_H

#include "layers/layer_util.h"

/* build() of expand(*size) / repeat(*repeats): a[0] is the varargs tuple
 * (one tuple, list or torch.Size in it is the list), `what` the parameter's
 * name for messages ("size", "repeats"). */
cnnc_status cnnc_expand_sizes_build(cnnc_layer *L, const cnnc_arg *vararg, const char *fn, const char *what,
                                    const cnnc_arg *call, cnnc_error *err);
/* The node's sizes with the ones that name an input's dim read from its inputs. */
cnnc_status cnnc_expand_resolve(const cnnc_expand_params *p, const cnnc_shape *const *in, int32_t n_in, int64_t *sizes,
                                cnnc_error *err);
/* The geometry of out-dims `out` of which `bcast` (bit k) are broadcast: size-1
 * dims dropped, alike neighbours merged; 0 when that needs more than
 * CNNC_MAX_DIMS dims. */
int cnnc_expand_geometry(const int64_t *out, const uint8_t *bcast, int32_t n, cnnc_reduce_geom *g);
/* Cost: a gather forward, a sum backward. */
void cnnc_expand_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c);
/* The sizes as Python arguments ("2, -1, x.size(0)" with `in` naming inputs; NULL: "in1.size(0)"). */
void cnnc_expand_render_sizes(const cnnc_expand_params *p, const char *const *in, int32_t n_in, cnnc_strbuf *sb);
/* x.expand(sizes[0..n)) with PyTorch's checks in its order (inferExpandGeometry,
 * then the new tensor's numel): sets ls->out and the geometry. */
cnnc_status cnnc_expand_to(const cnnc_shape *x, const int64_t *sizes, int32_t n, cnnc_layer_shape *ls, cnnc_error *err);

#endif
