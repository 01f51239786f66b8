/* reduce_common.h — what mean, sum, amax and amin share: dims and keepdim from the
 * functional's arguments, PyTorch's dim checks (dim_list_to_bitset) and the
 * kernels' reduction geometry. */
#ifndef CNNC_REDUCE_COMMON_H
#define CNNC_REDUCE_COMMON_H

#include "layers/layer_util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* args: dim (an int, a tuple/list of ints, or None), keepdim. */
cnnc_status cnnc_reduce_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err);
cnnc_status cnnc_reduce_shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train,
                              cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_reduce_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c);
void cnnc_reduce_render(const cnnc_layer *L, cnnc_strbuf *sb);

/* amax/amin (params.reduce.form says which of torch.amax, torch.max(input, dim)
 * and torch.max(input) made the node): dim a tuple/list of ints or an int. */
cnnc_status cnnc_extremum_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err);
cnnc_status cnnc_extremum_shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train,
                                cnnc_layer_shape *ls, cnnc_error *err);
/* torch.amax(x, dim=[1], keepdim=True), torch.max(x, dim=1)[0], torch.max(x) */
void cnnc_extremum_expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb);

/* var/std: torch.var(x, dim=[1], correction=1, keepdim=True) */
void cnnc_moment_expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb);

#ifdef __cplusplus
}
#endif
#endif
