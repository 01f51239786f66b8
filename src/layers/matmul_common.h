/* matmul_common.h — what matmul, bmm and mm share: PyTorch 1.13's shape rules
 * and messages for each (matmul's 1-d, 2-d, folded and batched paths), and the
 * batched-product geometry their kernels run. */
#ifndef CNNC_MATMUL_COMMON_H
#define CNNC_MATMUL_COMMON_H

#include "layers/layer_util.h"

#ifdef __cplusplus
extern "C" {
#endif

cnnc_status cnnc_matmul_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err);
/* By L->kind: torch.matmul, torch.bmm or torch.mm of in[0] and in[1]. */
cnnc_status cnnc_matmul_shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train,
                              cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_matmul_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c);
void cnnc_matmul_render(const cnnc_layer *L, cnnc_strbuf *sb);
/* "torch.matmul(a, b)" ... */
void cnnc_matmul_expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb);

#ifdef __cplusplus
}
#endif
#endif
