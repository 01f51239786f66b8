/* softmax_common.h — what Softmax and LogSoftmax share: the dim argument as
 * Tensor.softmax / log_softmax check it, and the shape rule with PyTorch's
 * implicit dim for dim=None. */
#ifndef CNNC_SOFTMAX_COMMON_H
#define CNNC_SOFTMAX_COMMON_H

#include "layers/layer_util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* dim: an int, None or a dimension name; anything else is the op's (`fn`:
 * "softmax", "log_softmax") invalid-combination TypeError. */
cnnc_status cnnc_softmax_build(cnnc_layer *l, const cnnc_arg *dim, const char *fn, cnnc_error *err);
/* Output = input; geometry [outer, size, inner] around the dim. dim=None picks
 * 0 for 0-, 1- and 3-d inputs, else 1 (torch.nn.functional._get_softmax_dim). */
cnnc_status cnnc_softmax_shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train,
                               cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_softmax_render(const cnnc_layer *L, cnnc_strbuf *sb);

#ifdef __cplusplus
}
#endif
#endif
