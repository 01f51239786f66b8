/* hardtanh.c — nn.Hardtanh(min_val, max_val): its constructor's checks as
 * Python runs them (the deprecated min_value/max_value replace the bounds,
 * then `assert max_val > min_val` with Python's comparison rules), then the
 * op's "must be Number" checks, which PyTorch makes at the first forward.
 * Backward reads its input (hardtanh_backward). */
#include "layers/layer_util.h"

#include <string.h>

/* Python's `a == b` for the values a model file holds (numbers, str, None,
 * tuples and lists of them); anything else compares unequal. */
static int py_eq(const cnnc_arg *a, const cnnc_arg *b) {
    if (cnnc_arg_is_num(a) && cnnc_arg_is_num(b))
        return cnnc_arg_is_int(a) && cnnc_arg_is_int(b) ? a->i == b->i : cnnc_arg_num(a) == cnnc_arg_num(b);
    if (a->kind != b->kind) return 0;
    switch (a->kind) {
    case CNNC_ARG_NONE: return 1;
    case CNNC_ARG_STR: case CNNC_ARG_DTYPE: return a->slen == b->slen && memcmp(a->s, b->s, (size_t)a->slen) == 0;
    case CNNC_ARG_TUPLE: case CNNC_ARG_LIST:
        if (a->n != b->n) return 0;
        for (int32_t k = 0; k < a->n; k++)
            if (!py_eq(&a->items[k], &b->items[k])) return 0;
        return 1;
    default: return 0;
    }
}

/* Python's `a > b`: 1 or 0, or -1 when the types do not order (*ta, *tb: the
 * pair the TypeError names; inside sequences, the first differing items). */
static int py_gt(const cnnc_arg *a, const cnnc_arg *b, const cnnc_arg **ta, const cnnc_arg **tb) {
    if (cnnc_arg_is_num(a) && cnnc_arg_is_num(b))
        return cnnc_arg_is_int(a) && cnnc_arg_is_int(b) ? a->i > b->i : cnnc_arg_num(a) > cnnc_arg_num(b);
    if (a->kind == CNNC_ARG_STR && b->kind == CNNC_ARG_STR) {
        int32_t n = a->slen < b->slen ? a->slen : b->slen;
        int c = memcmp(a->s, b->s, (size_t)n);   /* UTF-8 byte order is code point order */
        return c != 0 ? c > 0 : a->slen > b->slen;
    }
    if ((a->kind == CNNC_ARG_TUPLE || a->kind == CNNC_ARG_LIST) && a->kind == b->kind) {
        int32_t n = a->n < b->n ? a->n : b->n;
        for (int32_t k = 0; k < n; k++)
            if (!py_eq(&a->items[k], &b->items[k])) return py_gt(&a->items[k], &b->items[k], ta, tb);
        return a->n > b->n;
    }
    *ta = a;
    *tb = b;
    return -1;
}

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_hardtanh_params *q = &l->p.hardtanh;
    cnnc_arg lo_default = {.kind = CNNC_ARG_FLOAT, .f = -1.0}, hi_default = {.kind = CNNC_ARG_FLOAT, .f = 1.0};
    const cnnc_arg *lo = a[0] ? a[0] : &lo_default, *hi = a[1] ? a[1] : &hi_default;
    if (a[3] && a[3]->kind != CNNC_ARG_NONE) lo = a[3];   /* min_value (deprecated, with a warning) */
    if (a[4] && a[4]->kind != CNNC_ARG_NONE) hi = a[4];   /* max_value */
    const cnnc_arg *ta = NULL, *tb = NULL;
    int gt = py_gt(hi, lo, &ta, &tb);
    /* The assertion's line is the constructor call. */
    const cnnc_arg *at = call ? call : hi;
    if (gt < 0)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, at, "TypeError", "'>' not supported between instances of '%s' and '%s'",
                             cnnc_arg_type_name(ta), cnnc_arg_type_name(tb));
    if (!gt) return cnnc_arg_fail(err, CNNC_ERR_PARSE, at, "AssertionError", "%s", "");
    cnnc_status st;
    if ((st = cnnc_number_arg(lo, "hardtanh", "min_val", 2, &q->min_val, err))) return st;
    if ((st = cnnc_number_arg(hi, "hardtanh", "max_val", 3, &q->max_val, err))) return st;
    q->inplace = a[2] ? cnnc_arg_truthy(a[2]) : 0;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_hardtanh_params *q = &L->p.hardtanh;
    const char *sep = "";
    if (q->min_val != -1.0) { cnnc_render_float(sb, sep, "min_val", q->min_val); sep = ", "; }
    if (q->max_val != 1.0) { cnnc_render_float(sb, sep, "max_val", q->max_val); sep = ", "; }
    if (q->inplace) cnnc_sb_printf(sb, "%sinplace=True", sep);
}

const cnnc_layer_def cnnc_layer_hardtanh = {
    .kind = CNNC_HARDTANH,
    .name = "Hardtanh",
    .qualname = "Hardtanh",
    .module = "activation",
    .signature = "min_val=-1.0, max_val=1.0, inplace=False, min_value=None, max_value=None",
    .functional = "hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
