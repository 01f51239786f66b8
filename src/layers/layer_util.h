/* layer_util.h — helpers the layer definitions share: PyTorch-style failures
 * for shape checks and constructor arguments, and the argument converters
 * whose TypeErrors read as torch.empty()'s and the ops' own. */
#ifndef CNNC_LAYER_UTIL_H
#define CNNC_LAYER_UTIL_H

#include "layers/layer_def.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A shape check failed: status CNNC_ERR_SHAPE with Python's type and message. */
cnnc_status cnnc_shape_fail(cnnc_error *err, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The input is valid for PyTorch but not for cnnc: status CNNC_ERR_UNSUPPORTED,
 * type NotImplementedError (the shape pass adds no trail or hint). */
cnnc_status cnnc_shape_unsupported(cnnc_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* A constructor argument is wrong: `status` (CNNC_ERR_PARSE, or UNSUPPORTED
 * for valid PyTorch cnnc does not run) at the argument's position. */
cnnc_status cnnc_arg_fail(cnnc_error *err, cnnc_status status, const cnnc_arg *at, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#define CNNC_FMT_SHAPE(name, shp) char name[24 * CNNC_MAX_DIMS]; cnnc_shape_format((shp), name, sizeof name)

/* Python's floor division (ATen's div_rtn). */
int64_t cnnc_div_floor(int64_t a, int64_t b);
/* dim in [-ndim, ndim) wrapped to [0, ndim); 0 if out of range. */
int cnnc_wrap_dim(int64_t dim, int32_t ndim, int64_t *out);

/* maybe_wrap_dim: dim in [-n, n) wrapped to [0, n) (n = 0 counts as 1, as a
 * 0-d tensor does), else PyTorch's IndexError "Dimension out of range ...". */
cnnc_status cnnc_wrap_dim_or_fail(int64_t dim, int64_t n, int64_t *out, cnnc_error *err);
/* PyTorch's infer_size: a and b broadcast right to left; the first clash is its RuntimeError
 * ("The size of tensor a (X) must match the size of tensor b (Y) at non-singleton dimension Z"). */
cnnc_status cnnc_broadcast_shapes(const cnnc_shape *a, const cnnc_shape *b, cnnc_shape *out, cnnc_error *err);
/* The permute geometry of `in` read in the order perm[0..ndim) (wrapped dims):
 * output dims with the input's strides, size-1 dims dropped, neighbours that
 * are contiguous in the input merged. */
void cnnc_permute_geometry(const cnnc_shape *in, const int64_t *perm, cnnc_permute_geom *g);
/* Product of d[from, to) of a shape. */
int64_t cnnc_dims_product(const cnnc_shape *s, int32_t from, int32_t to);
/* A hint that one number of a layer is wrong: "<prefix>set <field>=<value>: <the edited
 * line>", with the --fix (fix_field; CNNC_FIX_NONE: none). `edited` is the layer with the
 * number changed. Returns 1 (the hint is set). */
int cnnc_hint_set_number(const cnnc_layer *edited, const char *prefix, const char *field, int64_t value,
                         cnnc_fix_field fix_field, const cnnc_hint_env *env, cnnc_error *err);
/* Renders dims as a Python list: "[0, 2, 1]". */
void cnnc_render_dims(cnnc_strbuf *sb, const int64_t *dims, int32_t n);

/* An int argument that becomes a tensor dimension, torch.empty's messages: pos is its 1-based
 * place in the size tuple, 0 when the size is that one int (BatchNorm's num_features). */
cnnc_status cnnc_size_arg(const cnnc_arg *v, int pos, int64_t *out, cnnc_error *err);
/* An int-or-pair argument of op `fn` (conv2d, max_pool2d ...) as the op checks it. */
cnnc_status cnnc_pair_arg(const cnnc_arg *v, const char *fn, const char *arg, int position, int64_t out[2], cnnc_error *err);
/* _single(x) of a 1-d kind (Conv1d, MaxPool1d ...): an int, or a tuple or list of one
 * int, into *out; anything else is refused as code cnnc does not follow, naming it. */
cnnc_status cnnc_single_arg(const cnnc_arg *a, const char *kind, const char *name, int64_t *out, cnnc_error *err);
cnnc_status cnnc_int_arg(const cnnc_arg *v, const char *fn, const char *arg, int position, int64_t *out, cnnc_error *err);
cnnc_status cnnc_float_arg(const cnnc_arg *v, const char *fn, const char *arg, double *out, cnnc_error *err);
/* A Scalar argument of op `fn` (elu's alpha, hardtanh's bounds): int, bool or
 * float, else the op's "must be Number" TypeError (pos is 1-based, the input first). */
cnnc_status cnnc_number_arg(const cnnc_arg *v, const char *fn, const char *arg, int position, double *out, cnnc_error *err);
/* device=None/'cpu' and dtype=None/torch.float32: what cnnc runs. */
cnnc_status cnnc_device_dtype_args(const cnnc_arg *dev, const cnnc_arg *dt, cnnc_error *err);
/* torch.empty's refusal of a negative dimension, reported at `at`. */
cnnc_status cnnc_negative_dim(const cnnc_arg *at, const int64_t *dims, int n, cnnc_error *err);

/* The constructor and rendering of a kind whose only argument is `inplace`
 * (p.inplace_only: Hardswish, Hardsigmoid, Mish, SELU). */
cnnc_status cnnc_build_inplace_only(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err);
void cnnc_render_inplace_only(const cnnc_layer *L, cnnc_strbuf *sb);
/* The shape rule of an elementwise layer: the output is the input's shape. */
cnnc_status cnnc_shape_same(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                            cnnc_error *err);
/* torch.empty / torch.zeros (fn) given a size whose first element is not an
 * int (a float, bool, str or None): no overload matches and Python lists
 * them all. `got` is the size as passed: "tuple", or a bare value's type;
 * dev/dt are the device= and dtype= arguments (NULL: None). */
cnnc_status cnnc_factory_overload_fail(const cnnc_arg *at, const char *fn, const char *got, const cnnc_arg *dev,
                                       const cnnc_arg *dt, cnnc_error *err);
/* A float argument the op's Python binding checks at the first forward:
 * "<fn>(): argument '<arg>' (position <p>) must be float, not <type>". */
cnnc_status cnnc_float_arg_at(const cnnc_arg *v, const char *fn, const char *arg, int position, double *out,
                              cnnc_error *err);

/* ", name=v" or ", name=(a, b)" */
void cnnc_render_pair(cnnc_strbuf *sb, const char *sep, const char *name, const int64_t v[2]);
void cnnc_render_float(cnnc_strbuf *sb, const char *sep, const char *name, double v);
/* As cnnc_render_float, but an infinity as 1e999 / -1e999: a literal that reads
 * back (Python's repr "inf" is not one). For Number arguments that take any float. */
void cnnc_render_number(cnnc_strbuf *sb, const char *sep, const char *name, double v);

/* Python's repr() of a float: shortest text that reads back to the same
 * double, "1.0" not "1", "1e-05" not "1e-5". Returns chars written. */
size_t cnnc_py_float_repr(double v, char *buf, size_t cap);

/* The cost of a kind that only moves data (views, permutes, concatenation, pixel
 * shuffles): no arithmetic, each output read and written once each way. */
void cnnc_copy_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c);

#ifdef __cplusplus
}
#endif
#endif
