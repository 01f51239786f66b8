/* fold_common.h — what nn.Unfold (im2col) and nn.Fold (col2im) share: their pair
 * arguments as the ops bind them, the checks both ops make in 1.13's words and
 * order, text, and the convolution geometry the im2col/col2im kernels run. */
#ifndef CNNC_FOLD_COMMON_H
#define CNNC_FOLD_COMMON_H

#include "layers/layer_util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* a[0..n) are (output_size,) kernel_size, dilation, padding, stride; first is 1 for
 * Fold (output_size first), 0 for Unfold. fn: "im2col" or "col2im". */
cnnc_status cnnc_fold_build(cnnc_layer *L, const cnnc_arg *const *a, int with_output, const char *fn, cnnc_error *err);
/* kernel > 0, dilation > 0, padding >= 0, stride > 0: the checks both ops start with. */
cnnc_status cnnc_fold_check_args(const cnnc_fold_params *p, cnnc_error *err);
/* Sliding blocks along (H, W) of a plane of H x W (div_rtn, as ATen). */
void cnnc_fold_blocks(const cnnc_fold_params *p, int64_t H, int64_t W, int64_t *bh, int64_t *bw);
/* The convolution geometry the kernels take: C channels of H x W, blocks OH x OW. */
void cnnc_fold_geom(const cnnc_fold_params *p, int64_t N, int64_t C, int64_t H, int64_t W, int64_t OH, int64_t OW,
                    cnnc_conv_geom *g);
void cnnc_fold_render(const cnnc_layer *L, int with_output, cnnc_strbuf *sb);

#ifdef __cplusplus
}
#endif
#endif
