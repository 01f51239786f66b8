/* vol3d_common.h — what the volume kinds share (p.vol): _triple's arguments, the
 * batched view of an unbatched [C, D, H, W] input, the output over it, and the
 * 3-d pools' and adaptive pools' rules (ATen's checks and words). */
#ifndef CNNC_VOL3D_COMMON_H
#define CNNC_VOL3D_COMMON_H

#include "layers/layer_util.h"
#include "layers/pool2d_common.h"

/* An int or a tuple of 3 ints into out; anything else is refused naming it. */
cnnc_status cnnc_triple_arg(const cnnc_arg *v, const char *kind, const char *name, int64_t out[3], cnnc_error *err);
/* [C, D, H, W] as [1, C, D, H, W] (the messages print the batched shape); 5-d as it is. */
void cnnc_vol3d_batched(const cnnc_shape *in, cnnc_shape *b);
/* The output: the input's batch (if any), C channels, the sizes o. */
void cnnc_vol3d_out(const cnnc_shape *in, int64_t C, const int64_t o[3], cnnc_layer_shape *ls);
void cnnc_render_triple(cnnc_strbuf *sb, const char *sep, const char *name, const int64_t v[3]);
cnnc_status cnnc_pool3d_build(cnnc_layer *l, const cnnc_arg *const *a, int is_max, cnnc_error *err);
cnnc_status cnnc_pool3d_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_pool3d_render(const cnnc_layer *L, int is_max, cnnc_strbuf *sb);
cnnc_status cnnc_adaptive3d_build(cnnc_layer *l, const cnnc_arg *const *a, const char *kind, cnnc_error *err);
cnnc_status cnnc_adaptive3d_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_adaptive3d_render(const cnnc_layer *L, cnnc_strbuf *sb);

#endif
