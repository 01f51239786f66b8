/* convtranspose_common.h — what ConvTranspose1d and ConvTranspose2d share:
 * _ConvTransposeNd's constructor with F.conv_transpose<n>d's argument checks,
 * and ATen's shape checks in their order. ConvTranspose1d is stored as a
 * ConvTranspose2d of height 1 (kernel, stride and dilation 1, no padding along
 * it), as ATen views a 1-d transposed convolution, so its later messages speak
 * of a height of 1 as PyTorch's do, and the backends run it with the 2-d kernels. */
#ifndef CNNC_CONVTRANSPOSE_COMMON_H
#define CNNC_CONVTRANSPOSE_COMMON_H

#include "layers/layer_util.h"

/* The constructor of class `cls` with `nd` spatial dims (1 or 2); `fn` is the
 * functional its forward calls ("conv_transpose1d"). */
cnnc_status cnnc_convt_build(cnnc_layer *l, const cnnc_arg *const *a, int32_t nd, const char *cls, const char *fn,
                             cnnc_error *err);
/* The shape rule for an input of nd + 1 (unbatched) or nd + 2 dims. */
cnnc_status cnnc_convt_shape(const cnnc_layer *L, const cnnc_shape *in, int32_t nd, cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_convt_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c);
/* state_dict: weight [in, out / groups, (kH,) kW] and bias [out], kaiming_uniform_'s init. */
int32_t cnnc_convt_params(const cnnc_layer *l, int32_t nd, cnnc_param_desc *out);
/* The hints of a failed shape check; `C` is the input's channel count (-1: unknown). */
int cnnc_convt_hint(const cnnc_layer *L, int64_t C, const cnnc_hint_env *env, cnnc_error *err);
int cnnc_convt_apply_fix(cnnc_layer *L, const cnnc_fix *fix);

#endif
