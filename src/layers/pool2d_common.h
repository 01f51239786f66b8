/* pool2d_common.h — what MaxPool2d and AvgPool2d share: argument handling,
 * ATen's pooling_output_shape and pool2d_shape_check, text and trail. */
#ifndef CNNC_POOL2D_COMMON_H
#define CNNC_POOL2D_COMMON_H

#include "layers/layer_util.h"

/* pooling_output_shape (ATen Pool.h) for one dim, without its checks (s > 0). */
int64_t cnnc_pool_output_size(int64_t in, int64_t k, int64_t pad, int64_t s, int64_t d, int ceil);
/* The aux bytes of a max pool: the int32 argmax of every output, a flat index in its plane. */
size_t cnnc_pool_argmax_bytes(const cnnc_layer *L, const cnnc_layer_shape *s);
cnnc_status cnnc_pool2d_build(cnnc_layer *l, const cnnc_arg *const *a, int is_max, cnnc_error *err);
cnnc_status cnnc_pool2d_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_pool2d_render(const cnnc_layer *L, int is_max, cnnc_strbuf *sb);
void cnnc_pool2d_kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb);
void cnnc_pool2d_trail(const cnnc_layer *L, int is_max, const char *who, const cnnc_shape *in, const cnnc_shape *out,
                       cnnc_strbuf *sb);
int cnnc_pool2d_hint(const cnnc_layer *L, int is_max, cnnc_error *err);

#endif
