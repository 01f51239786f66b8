/* pad2d_common.c — the padding family's shared rules (pad2d_common.h), after
 * ATen's _pad_enum, constant_pad_nd (negative padding narrows the input
 * first, dimension by dimension), reflection_pad1d/2d/3d and
 * replication_pad1d/2d/3d as PyTorch 1.13 words their checks. */
#include "layers/pad2d_common.h"

#include <stdio.h>
#include <string.h>

cnnc_status cnnc_pad2d_padding_arg(const cnnc_arg *v, int functional, cnnc_pad2d_params *q, cnnc_error *err) {
    q->n = 0;
    memset(q->pad, 0, sizeof q->pad);
    if (v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST) {
        for (int32_t k = 0; k < v->n; k++) {
            const cnnc_arg *it = &v->items[k];
            /* the first item decides whether the argument can be an int list at all */
            if (!(it->kind == CNNC_ARG_INT || (it->kind == CNNC_ARG_BOOL && k > 0))) {
                if (k == 0)
                    return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                                         "pad(): argument 'pad' (position 2) must be tuple of ints, not %s",
                                         functional ? cnnc_arg_type_name(v) : "tuple");
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                                     "pad(): argument 'pad' must be tuple of ints, but found element of type %s at pos %d",
                                     cnnc_arg_type_name(it), (int)k + 1);
            }
            if (k < 6) q->pad[k] = it->i;
        }
        q->n = v->n;
    } else if (functional) {
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "pad(): argument 'pad' (position 2) must be tuple of ints, not %s",
                             cnnc_arg_type_name(v));
    } else if (v->kind == CNNC_ARG_INT) {
        q->n = 4;
        for (int k = 0; k < 4; k++) q->pad[k] = v->i;
    } else {
        /* _quadruple repeats it (a str becomes its characters): F.pad refuses the first item */
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "pad(): argument 'pad' (position 2) must be tuple of ints, not tuple");
    }
    /* an odd count is PyTorch's own error at forward (the shape pass) */
    if (q->n > 6 && q->n % 2 == 0)
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, v, "NotImplementedError",
                             "cnnc pads the last three dimensions at most (a padding of 2, 4 or 6 numbers), not %d", (int)q->n);
    return CNNC_OK;
}

cnnc_status cnnc_pad1d_padding_arg(const cnnc_arg *v, cnnc_pad2d_params *q, cnnc_error *err) {
    cnnc_status st = cnnc_pad2d_padding_arg(v, 0, q, err);
    if (!st && v->kind == CNNC_ARG_INT) {   /* _pair: an int repeats twice */
        q->n = 2;
        q->pad[2] = q->pad[3] = 0;
    }
    return st;
}

cnnc_status cnnc_pad2d_value_arg(const cnnc_arg *v, int positional, cnnc_pad2d_params *q, cnnc_error *err) {
    q->value = 0.0;
    q->value_given = 0;
    if (!v || v->kind == CNNC_ARG_NONE) return CNNC_OK;
    if (!cnnc_arg_is_num(v))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "pad(): argument 'value'%s must be float, not %s",
                             positional ? " (position 4)" : "", cnnc_arg_type_name(v));
    q->value = cnnc_arg_num(v);
    q->value_given = 1;
    return CNNC_OK;
}

/* "[ torch.FloatTensor{2,0,5,5} ]": how 1.13's reflection pad prints its input. */
static void tensor_text(const cnnc_shape *in, char *buf, size_t cap) {
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, buf, cap);
    cnnc_sb_puts(&sb, "[ torch.FloatTensor{");
    for (int32_t k = 0; k < in->ndim; k++) cnnc_sb_printf(&sb, "%s%lld", k ? "," : "", (long long)in->d[k]);
    cnnc_sb_puts(&sb, "} ]");
}

/* constant_pad_nd: negative padding narrows first (Tensor.narrow's checks), then
 * a dimension that gets positive padding must come out non-empty. */
static cnnc_status constant_shape(const cnnc_pad2d_params *q, const cnnc_shape *in, cnnc_shape *out, cnnc_error *err) {
    const int32_t nd = in->ndim, l_pad = q->n / 2, l_diff = nd - l_pad;
    int all_non_positive = 1;
    *out = *in;
    for (int32_t i = l_diff; i < nd; i++) {
        const int32_t idx = 2 * (nd - i - 1);
        const int64_t lo = q->pad[idx], hi = q->pad[idx + 1];
        if (lo < 0) {
            int64_t cur = out->d[i], start = -lo, len = in->d[i] + lo;
            if (start != cur && start >= (cur > 0 ? cur : 1))  /* maybe_wrap_dim(start, cur) */
                return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%lld, %lld], but got %lld)",
                                       (long long)-(cur > 0 ? cur : 1), (long long)((cur > 0 ? cur : 1) - 1), (long long)start);
            if (!(len >= 0 && start <= cur - len))
                return cnnc_shape_fail(err, "RuntimeError", "start (%lld) + length (%lld) exceeds dimension size (%lld).",
                                       (long long)start, (long long)len, (long long)cur);
            out->d[i] = len;
        } else if (lo != 0) {
            all_non_positive = 0;
        }
        if (hi < 0) {
            int64_t cur = out->d[i], len = cur + hi;
            if (!(len >= 0 && 0 <= cur - len))
                return cnnc_shape_fail(err, "RuntimeError", "start (0) + length (%lld) exceeds dimension size (%lld).",
                                       (long long)len, (long long)cur);
            out->d[i] = len;
        } else if (hi != 0) {
            all_non_positive = 0;
        }
    }
    if (all_non_positive) return CNNC_OK;   /* the narrowed input itself */
    for (int32_t i = 0; i < l_pad; i++) {
        const int32_t idx = q->n - (i + 1) * 2, d = l_diff + i;
        const int64_t nd_size = in->d[d] + q->pad[idx] + q->pad[idx + 1];
        if (nd_size <= 0)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "The input size %lld, plus negative padding %lld and %lld resulted in a negative output "
                                   "size, which is invalid. Check dimension %d of your input.",
                                   (long long)in->d[d], (long long)q->pad[idx], (long long)q->pad[idx + 1], (int)d);
        out->d[d] = nd_size;
    }
    return CNNC_OK;
}

static cnnc_status reflect_shape(const cnnc_pad2d_params *q, const cnnc_shape *in, int two_d, cnnc_shape *out, cnnc_error *err) {
    const int32_t nd = in->ndim;
    char t[256];
    CNNC_FMT_SHAPE(s, in);
    const int64_t l = q->pad[0], r = q->pad[1];
    const int64_t W = in->d[nd - 1], OW = W + l + r;
    *out = *in;
    if (!two_d) {
        int ok = (nd == 2 && in->d[1] != 0) || (nd == 3 && in->d[1] != 0 && in->d[2] != 0);
        if (!ok) {
            tensor_text(in, t, sizeof t);
            return cnnc_shape_fail(err, "RuntimeError", "2D or 3D (batch mode) tensor expected for input, but got: %s", t);
        }
        if (!(l < W && r < W))
            return cnnc_shape_fail(err, "RuntimeError",
                                   "Argument #4: Padding size should be less than the corresponding input dimension, but got: "
                                   "padding (%lld, %lld) at dimension %d of input %s",
                                   (long long)l, (long long)r, (int)nd - 1, s);
        if (OW < 1)  /* sic: 1.13's message starts with the "2" */
            return cnnc_shape_fail(err, "RuntimeError", "2input (W: %lld)is too small. Calculated output W: %lld", (long long)W,
                                   (long long)OW);
        out->d[nd - 1] = OW;
        return CNNC_OK;
    }
    /* unbatched input may have no channels here, unlike replication's rule */
    int valid = in->d[1] != 0 && in->d[2] != 0;
    if (!((nd == 3 && valid) || (nd == 4 && valid && in->d[3] != 0))) {
        tensor_text(in, t, sizeof t);
        return cnnc_shape_fail(err, "RuntimeError", "3D or 4D (batch mode) tensor expected for input, but got: %s", t);
    }
    const int64_t tp = q->pad[2], bt = q->pad[3], H = in->d[nd - 2], OH = H + tp + bt;
    if (!(l < W && r < W))
        return cnnc_shape_fail(err, "RuntimeError",
                               "Argument #4: Padding size should be less than the corresponding input dimension, but got: "
                               "padding (%lld, %lld) at dimension %d of input %d",
                               (long long)l, (long long)r, (int)nd - 1, (int)nd);
    if (!(tp < H && bt < H))
        return cnnc_shape_fail(err, "RuntimeError",
                               "Argument #6: Padding size should be less than the corresponding input dimension, but got: "
                               "padding (%lld, %lld) at dimension %d of input %d",
                               (long long)tp, (long long)bt, (int)nd - 2, (int)nd);
    if (!(OW >= 1 || OH >= 1))
        return cnnc_shape_fail(err, "RuntimeError", "input (H: %lld, W: %lld)is too small. Calculated output H: %lld W: %lld",
                               (long long)H, (long long)W, (long long)OH, (long long)OW);
    if (OW < 0 || OH < 0)  /* 1.13 resizes to the negative size and fails there */
        return cnnc_shape_fail(err, "RuntimeError", "numel: integer multiplication overflow");
    out->d[nd - 2] = OH;
    out->d[nd - 1] = OW;
    return CNNC_OK;
}

/* _pad_circular: batched input only (two dims before the padded ones), each
 * padding at most its dim's size (one wrap), no negative output. */
static cnnc_status circular_shape(const cnnc_pad2d_params *q, const cnnc_shape *in, cnnc_shape *out, cnnc_error *err) {
    const int32_t nd = in->ndim, padded = nd - 2;
    if (q->n + 4 != 2 * nd)
        return cnnc_shape_fail(err, "RuntimeError", "Invalid padding size, expected %d but got %d", (int)(2 * padded), (int)q->n);
    *out = *in;
    for (int32_t i = 0; i < padded; i++) {   /* dim 2 + i: its pair is the (padded - 1 - i)-th */
        const int64_t l = q->pad[2 * (padded - i - 1)], r = q->pad[2 * (padded - i - 1) + 1], size = in->d[2 + i];
        out->d[2 + i] = size + l + r;
        if (!(l <= size && r <= size))
            return cnnc_shape_fail(err, "RuntimeError", "Padding value causes wrapping around more than once.");
        if (out->d[2 + i] < 0)
            return cnnc_shape_fail(err, "RuntimeError", "Negative padding value is resulting in an empty dimension");
        /* a crop on one side leaves a shorter period: PyTorch's copies then overlap */
        const int64_t period = size - (l < 0 ? -l : 0) - (r < 0 ? -r : 0);
        if (out->d[2 + i] > 0 && (l > period || r > period))
            return cnnc_shape_unsupported(err, "cnnc follows circular padding that wraps the cropped input at most once");
    }
    return CNNC_OK;
}

static cnnc_status replicate_shape(const cnnc_pad2d_params *q, const cnnc_shape *in, int two_d, cnnc_shape *out, cnnc_error *err) {
    const int32_t nd = in->ndim;
    CNNC_FMT_SHAPE(s, in);
    const int64_t W = in->d[nd - 1], OW = W + q->pad[0] + q->pad[1];
    *out = *in;
    if (!two_d) {
        int ok = (nd == 2 && in->d[0] != 0 && in->d[1] != 0) || (nd == 3 && in->d[1] != 0 && in->d[2] != 0);
        if (!ok)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and other non-zero "
                                   "dimensions for input, but got: %s",
                                   s);
        if (OW < 1)
            return cnnc_shape_fail(err, "RuntimeError", "input (W: %lld) is too small. Calculated output W: %lld", (long long)W,
                                   (long long)OW);
        out->d[nd - 1] = OW;
        return CNNC_OK;
    }
    int valid = in->d[1] != 0 && in->d[2] != 0;
    if (!((nd == 3 && in->d[0] != 0 && valid) || (nd == 4 && valid && in->d[3] != 0)))
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions "
                               "for input, but got: %s",
                               s);
    const int64_t H = in->d[nd - 2], OH = H + q->pad[2] + q->pad[3];
    if (!(OW >= 1 || OH >= 1))
        return cnnc_shape_fail(err, "RuntimeError", "input (H: %lld, W: %lld ) is too small. Calculated output H: %lld W: %lld",
                               (long long)H, (long long)W, (long long)OH, (long long)OW);
    out->d[nd - 2] = OH;   /* a negative size is refused when the output is made (the shape pass) */
    out->d[nd - 1] = OW;
    return CNNC_OK;
}

/* reflection_pad3d and replication_pad3d (6 numbers on 4D or 5D input): the
 * same input rule (check_valid_input<3>), reflection's padding bounds, then
 * the size check both share. A negative output size is refused when the
 * output is made (the shape pass), as 1.13's meta function does. */
static cnnc_status pad3d_shape(const cnnc_pad2d_params *q, const cnnc_shape *in, cnnc_shape *out, cnnc_error *err) {
    const int32_t nd = in->ndim, first = nd == 5 ? 1 : 0;
    CNNC_FMT_SHAPE(s, in);
    int valid = 1;
    for (int32_t k = first; k < nd; k++) valid = valid && in->d[k] != 0;
    if (!valid)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected 4D or 5D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions "
                               "for input, but got: %s",
                               s);
    const int64_t D = in->d[nd - 3], H = in->d[nd - 2], W = in->d[nd - 1];
    if (q->mode == CNNC_PAD2D_REFLECT) {
        static const char *const argno[3] = {"4", "6", "8"};
        const int64_t size[3] = {W, H, D};
        for (int k = 0; k < 3; k++)
            if (!(q->pad[2 * k] < size[k] && q->pad[2 * k + 1] < size[k]))
                return cnnc_shape_fail(err, "RuntimeError",
                                       "Argument #%s: Padding size should be less than the corresponding input dimension, "
                                       "but got: padding (%lld, %lld) at dimension %d of input %s",
                                       argno[k], (long long)q->pad[2 * k], (long long)q->pad[2 * k + 1], (int)(nd - 1 - k), s);
    }
    const int64_t OW = W + q->pad[0] + q->pad[1], OH = H + q->pad[2] + q->pad[3], OD = D + q->pad[4] + q->pad[5];
    if (!(OW >= 1 || OH >= 1 || OD >= 1))
        return cnnc_shape_fail(err, "RuntimeError",
                               "input (D: %lld H: %lld, W: %lld) is too small. Calculated output D: %lld H: %lld W: %lld",
                               (long long)D, (long long)H, (long long)W, (long long)OD, (long long)OH, (long long)OW);
    *out = *in;
    out->d[nd - 3] = OD;
    out->d[nd - 2] = OH;
    out->d[nd - 1] = OW;
    return CNNC_OK;
}

const char *cnnc_pad2d_mode_name(cnnc_pad2d_mode mode) {
    return mode == CNNC_PAD2D_REFLECT ? "reflect" : mode == CNNC_PAD2D_REPLICATE ? "replicate"
         : mode == CNNC_PAD2D_CIRCULAR ? "circular" : "constant";
}

cnnc_status cnnc_pad2d_shape(const cnnc_layer *L, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_pad2d_params *q = &L->p.pad2d;
    const int32_t nd = in->ndim;
    cnnc_status st;
    /* _pad_enum */
    if (q->n % 2 != 0) return cnnc_shape_fail(err, "RuntimeError", "Padding length must be divisible by 2");
    if (q->n > 2 * nd) return cnnc_shape_fail(err, "RuntimeError", "Padding length too large");
    if (q->mode == CNNC_PAD2D_CONSTANT) {
        st = constant_shape(q, in, &ls->out, err);
    } else {
        const char *mode = cnnc_pad2d_mode_name(q->mode);
        if (q->value_given && q->value != 0.0)
            return cnnc_shape_fail(err, "RuntimeError", "Padding mode \"%s\" doesn't take in value argument", mode);
        int two_d = 0;
        if (q->n == 2 && (nd == 2 || nd == 3)) two_d = 0;
        else if (q->n == 4 && (nd == 3 || nd == 4)) two_d = 1;
        else if (!(q->n == 6 && (nd == 4 || nd == 5)))
            return cnnc_shape_fail(err, "NotImplementedError",
                                   "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
        if (q->mode == CNNC_PAD2D_CIRCULAR) st = circular_shape(q, in, &ls->out, err);
        else if (q->n == 6) st = pad3d_shape(q, in, &ls->out, err);
        else st = q->mode == CNNC_PAD2D_REFLECT ? reflect_shape(q, in, two_d, &ls->out, err)
                                                : replicate_shape(q, in, two_d, &ls->out, err);
    }
    if (st) return st;
    /* The kernels' view: planes of D x H x W, the padding of the last three
     * dims; a dim the input lacks counts as 1 (with no padding) */
    cnnc_pad2d_geom *g = &ls->g.pad2d;
    memset(g, 0, sizeof *g);
    const cnnc_shape *o = &ls->out;
    int64_t *const ins[3] = {&g->W, &g->H, &g->D}, *const outs[3] = {&g->OW, &g->OH, &g->OD};
    int64_t *const los[3] = {&g->left, &g->top, &g->front};
    g->planes = 1;
    for (int32_t k = 0; k < nd - 3; k++) g->planes *= in->d[k];
    for (int32_t k = 0; k < 3; k++) {
        const int32_t d = nd - 1 - k;
        *ins[k] = d >= 0 ? in->d[d] : 1;
        *outs[k] = d >= 0 ? o->d[d] : 1;
        *los[k] = q->n >= 2 * (k + 1) ? q->pad[2 * k] : 0;
    }
    g->mode = q->mode;
    g->value = (float)q->value;
    ls->unbatched = 0;
    return CNNC_OK;
}

int cnnc_pad2d_hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    (void)env;
    if (L->p.pad2d.mode != CNNC_PAD2D_REFLECT || !strstr(err->message, "Padding size should be less than") || in->ndim < 2)
        return 0;
    const int64_t H = in->d[in->ndim - 2], W = in->d[in->ndim - 1];
    if (L->p.pad2d.n == 6 && in->ndim >= 3)
        snprintf(err->hint, sizeof err->hint,
                 "reflection mirrors the input without its edge, so each padding must be below the input's size (D=%lld, "
                 "H=%lld, W=%lld); pad less, or use replication padding (ReplicationPad2d, mode='replicate'), which has "
                 "no such limit",
                 (long long)in->d[in->ndim - 3], (long long)H, (long long)W);
    else
        snprintf(err->hint, sizeof err->hint,
                 "reflection mirrors the input without its edge, so each padding must be below the input's size (H=%lld, "
                 "W=%lld); pad less, or use ReplicationPad2d, which has no such limit",
                 (long long)H, (long long)W);
    return 1;
}

void cnnc_pad2d_render_padding(const cnnc_pad2d_params *q, const char *name, cnnc_strbuf *sb) {
    int same = q->n == 4 && q->pad[0] == q->pad[1] && q->pad[1] == q->pad[2] && q->pad[2] == q->pad[3];
    cnnc_sb_printf(sb, "%s=", name);
    if (same) { cnnc_sb_printf(sb, "%lld", (long long)q->pad[0]); return; }
    cnnc_sb_puts(sb, "(");
    for (int32_t k = 0; k < q->n && k < 6; k++) cnnc_sb_printf(sb, "%s%lld", k ? ", " : "", (long long)q->pad[k]);
    if (q->n > 6) cnnc_sb_puts(sb, ", ...");  /* an odd count PyTorch refuses at forward */
    cnnc_sb_puts(sb, q->n == 1 ? ",)" : ")");
}
