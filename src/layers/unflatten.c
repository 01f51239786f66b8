/* unflatten.c — nn.Unflatten(dim, unflattened_size): the constructor's type
 * checks, then Tensor.unflatten's at forward (one -1 inferred, the sizes must
 * multiply to the dimension's size). Named dims (dim a str) are refused. */
#include "layers/layer_util.h"

#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_unflatten_params *q = &l->p.unflatten;
    const cnnc_arg *dim = a[0], *us = a[1];
    (void)call;
    memset(q, 0, sizeof *q);
    if (dim->kind == CNNC_ARG_STR) {
        /* _require_tuple_tuple: a named shape */
        if (us->kind != CNNC_ARG_TUPLE)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, us, "TypeError", "unflattened_size must be a tuple of tuples, but found type %s",
                                 cnnc_arg_type_name(us));
        for (int32_t k = 0; k < us->n; k++)
            if (us->items[k].kind != CNNC_ARG_TUPLE)
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, us, "TypeError",
                                     "unflattened_size must be tuple of tuples, but found element of type %s at pos %d",
                                     cnnc_arg_type_name(&us->items[k]), (int)k);
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dim, "NotImplementedError",
                             "cnnc does not support named dimensions: Unflatten(dim=%.*s, ...) needs an int dim", (int)dim->slen, dim->s);
    }
    if (!cnnc_arg_is_int(dim)) return cnnc_arg_fail(err, CNNC_ERR_PARSE, dim, "TypeError", "invalid argument type for dim parameter");
    /* _require_tuple_int */
    if (us->kind != CNNC_ARG_TUPLE && us->kind != CNNC_ARG_LIST)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, us, "TypeError", "unflattened_size must be a tuple of ints, but found type %s",
                             cnnc_arg_type_name(us));
    for (int32_t k = 0; k < us->n; k++) {
        const cnnc_arg *it = &us->items[k];
        if (!cnnc_arg_is_int(it))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, us, "TypeError",
                                 "unflattened_size must be tuple of ints, but found element of type %s at pos %d",
                                 cnnc_arg_type_name(it), (int)k);
        q->sizes_have_bool |= it->kind == CNNC_ARG_BOOL;
        if (k < CNNC_MAX_DIMS) q->sizes[k] = it->i;
    }
    if (us->n > CNNC_MAX_DIMS)
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, us, "NotImplementedError",
                             "cnnc supports tensors of at most %d dimensions; unflattened_size has %d", CNNC_MAX_DIMS, (int)us->n);
    q->n = us->n;
    q->dim = dim->i;
    q->dim_is_bool = dim->kind == CNNC_ARG_BOOL;
    return CNNC_OK;
}

/* Tensor.unflatten(dim, sizes) (ATen's unflatten, then view's infer_size). */
static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_unflatten_params *q = &L->p.unflatten;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    /* the argument parser: a bool is not an int here */
    if (q->dim_is_bool) return cnnc_shape_fail(err, "TypeError", "unflatten(): argument 'dim' (position 1) must be int, not bool");
    if (q->sizes_have_bool)
        return cnnc_shape_fail(err, "TypeError", "unflatten(): argument 'sizes' (position 2) must be tuple of ints, not tuple");
    int64_t d;
    if (in->ndim == 0)
        return cnnc_shape_fail(err, "IndexError", "Dimension specified as %lld but tensor has no dimensions", (long long)q->dim);
    if (!cnnc_wrap_dim(q->dim, in->ndim, &d))
        return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %lld)",
                               -(int)in->ndim, (int)in->ndim - 1, (long long)q->dim);
    if (q->n == 0) return cnnc_shape_fail(err, "RuntimeError", "unflatten: sizes must be non-empty");
    if (in->ndim - 1 + q->n > CNNC_MAX_DIMS)
        return cnnc_shape_unsupported(err, "cnnc supports tensors of at most %d dimensions; Unflatten would make %d",
                                      CNNC_MAX_DIMS, (int)(in->ndim - 1 + q->n));
    const int64_t size = in->d[d];
    cnnc_shape sizes;
    sizes.ndim = q->n;
    int64_t prod = 1;
    int32_t infer = -1;
    for (int32_t k = 0; k < q->n; k++) {
        sizes.d[k] = q->sizes[k];
        if (q->sizes[k] == -1) {
            if (infer >= 0)  /* view's error, wrapped by unflatten */
                return cnnc_shape_fail(err, "RuntimeError", "unflatten got an unexpected error:\nonly one dimension can be inferred");
            infer = k;
        } else if (q->sizes[k] < 0) {
            return cnnc_shape_fail(err, "RuntimeError", "invalid shape dimension %lld", (long long)q->sizes[k]);
        } else if (__builtin_mul_overflow(prod, q->sizes[k], &prod)) {
            prod = -1;
        }
    }
    CNNC_FMT_SHAPE(st, &sizes);
    int ok = prod >= 0;
    if (ok && infer >= 0) {
        if (prod == 0 && size == 0)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "cannot reshape tensor of 0 elements into shape %s because the unspecified dimension size -1 "
                                   "can be any value and is ambiguous",
                                   st);
        ok = prod != 0 && size % prod == 0;
        if (ok) sizes.d[infer] = size / prod;
    } else if (ok) {
        ok = prod == size;
    }
    if (!ok)
        return cnnc_shape_fail(err, "RuntimeError",
                               "unflatten: Provided sizes %s don't multiply up to the size of dim %lld (%lld) in the input tensor",
                               st, (long long)d, (long long)size);
    cnnc_shape o;
    o.ndim = 0;
    for (int32_t k = 0; k < d; k++) o.d[o.ndim++] = in->d[k];
    for (int32_t k = 0; k < q->n; k++) o.d[o.ndim++] = sizes.d[k];
    for (int32_t k = (int32_t)d + 1; k < in->ndim; k++) o.d[o.ndim++] = in->d[k];
    ls->out = o;
    return CNNC_OK;
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    const cnnc_unflatten_params *q = &L->p.unflatten;
    int64_t d;
    (void)env;
    if (!strstr(err->message, "don't multiply up to") || !cnnc_wrap_dim(q->dim, in->ndim, &d)) return 0;
    snprintf(err->hint, sizeof err->hint,
             "unflattened_size must multiply to %lld, the size of dim %lld; one entry may be -1 to take the rest",
             (long long)in->d[d], (long long)q->dim);
    return 1;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_unflatten_params *q = &L->p.unflatten;
    cnnc_sb_printf(sb, "%lld, (", (long long)q->dim);
    for (int32_t k = 0; k < q->n; k++) cnnc_sb_printf(sb, "%s%lld", k ? ", " : "", (long long)q->sizes[k]);
    cnnc_sb_puts(sb, q->n == 1 ? ",)" : ")");
}

const cnnc_layer_def cnnc_layer_unflatten = {
    .kind = CNNC_UNFLATTEN,
    .name = "Unflatten",
    .qualname = "Unflatten",
    .module = "flatten",
    .signature = "dim, unflattened_size",
    /* Tensor.unflatten(dim, sizes): `sizes` is not the constructor's name, so no functional form */
    .functional = NULL,
    .flags = 0,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
    .hint = hint,
};
