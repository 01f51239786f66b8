/* conv_common.h — what Conv1d and Conv2d share (both keep cnnc_conv2d_params,
 * Conv1d at height 1 with the first entry of each pair neutral): the
 * constructor's group and padding-string checks, the forward's checks before
 * the sizes, the cost, and the in_channels hint and fix. */
#ifndef CNNC_CONV_COMMON_H
#define CNNC_CONV_COMMON_H

#include "layers/layer_util.h"

/* _ConvNd.__init__'s groups (a[6]) and in/out_channels (a[0], a[1]) checks. */
cnnc_status cnnc_conv_groups(const cnnc_arg *const *a, int64_t *groups, cnnc_error *err);
/* A Conv module's stride, padding or dilation (n = 2: _pair, 1: _single) into out, as
 * cnnc_pair_arg / cnnc_single_arg; a float in it is kept (truncated) and sets
 * *float_args, since the module accepts it and only its forward fails. */
cnnc_status cnnc_conv_size_arg(const cnnc_arg *v, int n, const char *fn, const char *arg, int position, int64_t *out,
                               int *float_args, cnnc_error *err);   /* position 4, 5, 6: stride, padding, dilation */
/* The forward's F.convNd refusing a float kept by the constructor: PyTorch's overload error. */
cnnc_status cnnc_conv_float_args_fail(const cnnc_layer *L, const char *fn, cnnc_error *err);
/* padding='same'|'valid' into *mode ('same' with a stride other than 1 is a ValueError). */
cnnc_status cnnc_conv_padding_string(const cnnc_arg *pd, int strided, cnnc_pad_mode *mode, cnnc_error *err);
/* The forward's checks before the sizes, in PyTorch's order and words: sizes cnnc does
 * not follow, 'same' with a stride, padding, stride, dilation, groups, the weight's
 * groups and the input's channels. dims 1 (Conv1d) or 2; in_b the input with its
 * batch (an unbatched input as N = 1), channels at d[1]. */
cnnc_status cnnc_conv_checks(const cnnc_layer *L, int dims, const cnnc_shape *in_b, cnnc_error *err);
/* padding='same' with an odd total pad (an even kernel): PyTorch pads the extra element
 * into the input before at::convolution, whose messages print that input. in_b's last
 * `dims` sizes grow by it; kernel and dilation hold those dims' values (Conv1d, 2d, 3d). */
void cnnc_conv_same_extra(int same, int dims, const int64_t *kernel, const int64_t *dilation, cnnc_shape *in_b);
void cnnc_conv_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c);
/* A channel mismatch (input of C channels): "set in_channels=C" with the edited line, and the fix. */
int cnnc_conv_channels_hint(const cnnc_layer *L, int64_t C, const cnnc_hint_env *env, cnnc_error *err);
int cnnc_conv_apply_fix(cnnc_layer *L, const cnnc_fix *fix);

#endif
