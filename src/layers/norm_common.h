/* norm_common.h — what BatchNorm1d and InstanceNorm1d/2d share: _NormBase's
 * constructor (the tensors it creates and their refusals), the float
 * arguments their functional checks at the first forward, and text. */
#ifndef CNNC_NORM_COMMON_H
#define CNNC_NORM_COMMON_H

#include "layers/layer_util.h"

/* _NormBase(num_features, eps, momentum, affine, track_running_stats, device,
 * dtype) into q, with affine/track defaults as the subclass declares them. fn
 * is the functional the forward calls ("batch_norm", "instance_norm"): its
 * binding refuses a non-float momentum (position 7; None only where
 * momentum_none_ok) or eps (position 8). */
cnnc_status cnnc_norm_base_build(cnnc_batchnorm2d_params *q, const cnnc_arg *const *a, int affine_default,
                                 int track_default, const char *fn, int momentum_none_ok, cnnc_error *err);
/* "8, eps=0.001, affine=True": the arguments that differ from the defaults. */
void cnnc_norm_base_render(const cnnc_batchnorm2d_params *q, int affine_default, int track_default, cnnc_strbuf *sb);
/* save_mean and save_invstd: `per` floats each. */
size_t cnnc_norm_stats_bytes(int64_t per);
/* InstanceNorm1d/2d's shape rule (`spatial` dims after N and C; unbatched input
 * lacks N): statistics per (sample, channel), as torch.instance_norm checks them. */
cnnc_status cnnc_instance_norm_shape(const cnnc_batchnorm2d_params *p, const cnnc_shape *in, int32_t spatial, int train,
                                     cnnc_layer_shape *ls, cnnc_error *err);
/* What InstanceNorm1d and InstanceNorm2d share besides the shape rule: _NormBase's
 * constructor and entries with affine and tracking off by default, text, the "Kernel
 * Shape" cell, the num_features hint for an input of C channels, and its --fix. */
cnnc_status cnnc_instance_norm_build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err);
int32_t cnnc_instance_norm_params(const cnnc_layer *l, cnnc_param_desc *out);
void cnnc_instance_norm_render(const cnnc_layer *L, cnnc_strbuf *sb);
void cnnc_instance_norm_kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb);
int cnnc_instance_norm_channels_hint(const cnnc_layer *L, int64_t C, const cnnc_hint_env *env, cnnc_error *err);
int cnnc_instance_norm_apply_fix(cnnc_layer *L, const cnnc_fix *fix);
/* save_mean and save_invstd per (n, c), and with running statistics each
 * instance's unbiased variance for their update. */
size_t cnnc_instance_norm_aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s);

#endif
