/* torch_internal.h — what the tensor files share (not public API): torch.c
 * (the graph, arguments, functional forms), torch_tensor.c (a tensor's sizes,
 * views, arithmetic, indexing and attributes) and torch_functions.c (torch.*
 * functions and the setup). */
#ifndef CNNC_PY_TORCH_INTERNAL_H
#define CNNC_PY_TORCH_INTERNAL_H

#include "py/interp.h"
#include "py/real_names.h"

#define ARGS interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out
#define UNUSED (void)self; (void)kw; (void)kwv; (void)n_kw

/* How a functional is called: an operator's scalar on the left (2 - x) or in place (x += y),
 * and whose binder words its argument errors (F's boolean_dispatch wrappers name their target). */
typedef struct call_form {
    int scalar_left, inplace;
    py_binder binder;
    int bool_dispatch;
} call_form;

/* nn_bad_input.c: 1.13's error for a layer module called on a non-tensor v (a tuple, a list,
 * None), or a refusal for a class whose words are not known; -1 always. */
int nn_nontensor_input(interp *I, const cnnc_layer_def *def, const py_nn *module, const py_val *v);

/* torch.c */
int torch_call_functional(interp *I, const cnnc_layer_def *def, const char *where, const py_val *a, int32_t n,
                          const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int torch_call_functional_as(interp *I, const cnnc_layer_def *def, const char *where, const py_val *a, int32_t n,
                             const py_sym *kw, const py_val *kwv, int32_t n_kw, const call_form *form, py_val *out);
const cnnc_layer_def *torch_functional_def(const char *name, unsigned where);
/* Raise a RuntimeError/IndexError of the call as a shape error (status CNNC_ERR_SHAPE); returns -1. */
int torch_raise_shape(interp *I, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A torch function's builtin: data is its layer definition; data2 this flag for
 * F's boolean_dispatch wrappers (F.max_pool2d calls _max_pool2d). */
#define TORCH_FN_BOOL_DISPATCH 1
#define TORCH_FN_CPP 2           /* bound by PyTorch's C++ argument parser: F.X that are torch's (one form) */
#define TORCH_FN_CPP_OVERLOADED 3 /* the same, maybe with several forms: torch.X, Tensor.X */
int torch_fn_native(ARGS);

/* torch_tensor.c */
int tensor_chunk(ARGS);
/* torch.max/min and Tensor.max/min (torch_extremum.c) */
int torch_extremum(ARGS);
int torch_topk(ARGS);   /* torch_extremum.c: torch.topk and Tensor.topk */
/* torch_reorder.c: torch.flip, fliplr, flipud, rot90 and the methods */
int torch_flip(ARGS);
int torch_flip_lr_ud(ARGS);
int torch_rot90(ARGS);
int torch_prod(ARGS);   /* torch_prod.c: torch.prod and Tensor.prod */
/* torch_tensor.c: torch.stack, argmax/argmin, and square/rsqrt/neg as pow and mul */
int torch_stack(ARGS);
int torch_argextremum(ARGS);
int torch_pow_alias(ARGS);
/* torch_tensor.c: torch.floor/ceil/round/trunc/fix and the methods */
int torch_round(ARGS);
/* torch_norm.c: torch.norm / Tensor.norm, F.normalize, F.pairwise_distance */
int torch_norm(ARGS);
int torch_normalize(ARGS);
int torch_f_layer_norm(ARGS);
int torch_f_group_norm(ARGS);
int torch_renorm(ARGS);
int torch_f_lp_pool(ARGS);   /* torch_pool.c: F.lp_pool2d and F.lp_pool1d (constants of avg_pool's shape) */   /* torch_norm.c: torch.renorm and Tensor.renorm (a constant of input's shape) */   /* F.group_norm: the GroupNorm kind, then weight and bias per channel */   /* F.layer_norm: the LayerNorm kind, then weight and bias as ops */
int torch_pairwise_distance(ARGS);
int torch_moment(ARGS);   /* torch.var / std and the methods */
/* torch_pool.c: F.max_unpool2d (the module's forward and the pool's indices: interp.h) */
int torch_max_unpool2d(ARGS);
/* torch_values.c: torch.tensor, torch.arange, Tensor.item, and a known value's rounding */
int torch_tensor_data(ARGS);
int torch_as_tensor(ARGS);   /* torch.as_tensor: a tensor itself, else torch.tensor's */
int torch_arange(ARGS);
int torch_range(ARGS);   /* torch.range: end inclusive */
int torch_linspace(ARGS);
int torch_normal(ARGS);
int torch_item(ARGS);
void torch_round_known(const py_tensor *in, py_tensor *res, int mode);
int torch_is_const_unary(const char *name);   /* sin, cos, ...: followed on constants only */
int torch_const_unary(ARGS);
int torch_is_const_binary(const char *name);   /* logaddexp, atan2, fmod, ...: a constant of the broadcast shape */
int torch_const_binary(ARGS);
int torch_triangle(ARGS);   /* torch.triu / torch.tril of a constant */
int torch_addc(ARGS);       /* torch.addcmul / addcdiv and the Tensor methods */

/* The size along an already checked dim (negative: from the end), 1 for a 0-d tensor: the
 * bound on the indices argmax/argmin/max(x, dim) take along it (py_tensor.index_bound). */
static inline int64_t torch_dim_size(const cnnc_shape *s, int64_t dim) {
    return s->ndim == 0 ? 1 : s->d[dim < 0 ? dim + s->ndim : dim];
}
/* torch.c: PyTorch's infer_size of a and b (layers' cnnc_broadcast_shapes), its error raised */
int torch_broadcast_shapes(interp *I, const cnnc_shape *a, const cnnc_shape *b, cnnc_shape *out);
/* torch_tensor.c: dim in [-ndim, ndim) (a 0-d tensor takes -1 and 0) wrapped to [0, ndim), else
 * PyTorch's IndexError as the forward's shape error */
int torch_wrap_dim(interp *I, int64_t dim, int32_t ndim, int32_t *out);
/* torch_conv.c: F.batch_norm, with a batch norm module's own statistics (its node) or others
 * (check only) */
int torch_f_batch_norm(ARGS);
/* F.conv_transpose2d: a ConvTranspose2d's own weight, or any tensor (check only). */
int torch_f_conv3d(ARGS);   /* F.conv3d: a Conv3d's own weight, or any tensor (check only, as Conv3d) */
int torch_f_conv_transpose2d(ARGS);
/* torch_functions.c: torch.bernoulli and Tensor.bernoulli (a constant of the input's shape) */
int torch_bernoulli(ARGS);
int torch_roll(ARGS);   /* torch_tensor.c: torch.roll and Tensor.roll */
int torch_clamp_one(ARGS);
int torch_stack_along(ARGS);   /* torch_tensor.c: torch.vstack / hstack */   /* torch_tensor.c: torch.clamp_min / clamp_max and the methods */
int torch_diag(ARGS);   /* torch_functions.c: torch.diag and Tensor.diag */
/* dtype= among the keywords: PV_FLOAT, PV_INT, PV_BOOL, or 0 (none, or one cnnc does not model) (torch_values.c) */
int torch_dtype_kind(interp *I, const py_sym *kw, const py_val *kwv, int32_t n_kw);
int torch_dtype_is_int64(interp *I, const py_sym *kw, const py_val *kwv, int32_t n_kw);
/* t is int64 now: indices, below its largest known value + 1 where its values are known ints >= 0 */
void torch_indices_of_known(py_tensor *t);
int torch_compare(ARGS);   /* torch_functions.c: torch.eq ... and Tensor.eq ... */
int torch_pow(ARGS);       /* torch_tensor.c: torch.pow and Tensor.pow */
/* torch_linalg.c: torch.qr, slogdet, det, logdet, inverse and torch.linalg's (constants of their shapes) */
int py_torch_linalg_init(interp *I);
/* torch_linalg.c: tuple t becomes a torch.return_types.<name> with those field names (sort.values, qr.Q) */
int torch_return_type(interp *I, const char *name, const char *const *fields, int32_t n, py_val t);
/* torch_sort.c: torch.sort, torch.argsort and the methods */
int torch_sort(ARGS);
int torch_argsort(ARGS);
/* torch_diagonal.c: torch.diagonal, diag_embed, block_diag and the methods */
int torch_diagonal(ARGS);
int torch_diag_embed(ARGS);
int torch_block_diag(ARGS);
/* torch_prod.c: torch.cumprod and Tensor.cumprod */
int torch_cumprod(ARGS);
/* torch_tensor.c: a constant of shape s made from tensor `from`, its values not followed
 * (torch.fft's and torch.linalg's results); from a tensor of the graph, the trace holds at
 * this input only. -1 raised. */
int torch_const_of(interp *I, py_val from, const cnnc_shape *s, int is_complex, py_val *out);
/* ... of from's dtype (its indices, mask or float flags): sort's values, a diagonal */
int torch_const_like(interp *I, py_val from, const cnnc_shape *s, py_val *out);
/* a method's arguments with self first, as the torch.X form takes them (x.diag(k) is diag(x, k)) */
int torch_args_with_self(interp *I, py_val self, const py_val **a, int32_t *n);
/* torch_fft.c: the torch.fft module (made once), and torch.view_as_real/view_as_complex/complex */
py_module_ns *py_torch_fft(interp *I);
int py_torch_complex_init(interp *I);
/* torch_index.c: index_select, gather, scatter(_)/scatter_add(_), F.one_hot on known indices;
 * torch.where on a mask and lerp, with their broadcasts */
int torch_index_select(ARGS);
int torch_gather(ARGS);
int torch_scatter(ARGS);
int torch_one_hot(ARGS);
int torch_where(ARGS);
int torch_lerp(ARGS);
/* torch_loss.c: F.mse_loss, F.l1_loss as sub, pow/abs and mean/sum nodes */
int torch_f_loss(ARGS);
/* torch_finite.c: torch.isnan / isinf / isfinite ... and torch.any / all of their masks */
int torch_isnan_like(ARGS);
/* torch_norm.c: torch.linalg.norm and torch.linalg.vector_norm where they are vector norms */
int torch_linalg_norm(ARGS);
int torch_any_all(ARGS);
/* torch_einsum.c: torch.einsum onto the einsum kind */
int torch_einsum(ARGS);
/* at::einsum's result strides for `out` (1), or 0 where cnnc takes it as contiguous */
int torch_einsum_strides(const char *eq, const py_val *ops, int32_t n_ops, const cnnc_shape *out, int64_t *st);
/* torch_grid.c: torch.meshgrid, repeat_interleave by an int count */
int torch_meshgrid(ARGS);
int torch_repeat_interleave(ARGS);
/* torch_sampling.c: F.grid_sample (a check-only kind), F.affine_grid (bmm of a base grid) */
int torch_grid_sample(ARGS);
int torch_affine_grid(ARGS);

#endif
