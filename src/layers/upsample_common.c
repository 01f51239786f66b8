/* upsample_common.c — Upsample's family (upsample_common.h). The module
 * stores its arguments (scale_factor through float(), a falsy one as None) and
 * calls F.interpolate at forward, which checks them against the input; so the
 * constructor's own errors come from build, F.interpolate's from the shape
 * rule, in PyTorch 1.13's order. */
#include "layers/upsample_common.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Modes PyTorch runs and cnnc does not: refused when the layer is built. */
static const char *const OTHER_MODES[] = {"area", "nearest-exact"};

/* Python's float(v) for Upsample's scale_factor. */
static cnnc_status py_float(const cnnc_arg *v, const cnnc_arg *at, double *out, cnnc_error *err) {
    if (cnnc_arg_is_num(v)) { *out = cnnc_arg_num(v); return CNNC_OK; }
    if (v->kind == CNNC_ARG_STR) {
        char buf[64], r[256];
        cnnc_strbuf sb;
        if (v->slen > 0 && v->slen < (int32_t)sizeof buf) {  /* float(' 2.5 '): surrounding blanks are fine */
            memcpy(buf, v->s, (size_t)v->slen);
            buf[v->slen] = '\0';
            const char *b = buf;
            while (isspace((unsigned char)*b)) b++;
            char *end = NULL;
            double d = strtod(b, &end);
            while (end && isspace((unsigned char)*end)) end++;
            if (end && end != b && *end == '\0') { *out = d; return CNNC_OK; }
        }
        cnnc_sb_fixed(&sb, r, sizeof r);
        cnnc_arg_repr(v, &sb);
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, at, "ValueError", "could not convert string to float: %s", r);
    }
    return cnnc_arg_fail(err, CNNC_ERR_PARSE, at, "TypeError", "float() argument must be a string or a real number, not '%s'",
                         cnnc_arg_type_name(v));
}

cnnc_status cnnc_upsample_build(cnnc_layer *l, const cnnc_arg *const *a, int functional, int fixed_mode, cnnc_error *err) {
    cnnc_upsample_params *q = &l->p.upsample;
    cnnc_status st;
    memset(q, 0, sizeof *q);
    q->functional = functional;
    q->align_corners = -1;
    q->recompute_scale_factor = -1;
    /* size: kept as given; its entries are checked by the op at forward */
    const cnnc_arg *sz = a[0];
    if (sz && sz->kind != CNNC_ARG_NONE) {
        if (sz->kind == CNNC_ARG_TUPLE || sz->kind == CNNC_ARG_LIST) {
            q->size_n = sz->n;
            if (sz->kind == CNNC_ARG_LIST) q->seq_flags |= CNNC_UPSAMPLE_SIZE_LIST;
            if (sz->kind == CNNC_ARG_TUPLE && sz->s && !strcmp(sz->s, "torch.Size")) q->seq_flags |= CNNC_UPSAMPLE_SIZE_TORCH_SIZE;
            if (sz->n == 0) q->seq_flags |= CNNC_UPSAMPLE_EMPTY_SIZE;
            for (int32_t k = 0; k < sz->n; k++) {
                const cnnc_arg *it = &sz->items[k];
                if (it->kind == CNNC_ARG_INT) {
                    if (k < 4) q->size[k] = it->i;
                } else if (!q->size_bad_pos) {
                    q->size_bad_pos = k + 1;
                    q->size_bad_kind = (int32_t)it->kind;
                }
            }
        } else if (sz->kind == CNNC_ARG_INT) {
            q->size_n = -1;
            q->size[0] = sz->i;
        } else {
            /* [size] * dim: a list whose first entry the op refuses */
            q->size_n = -1;
            q->size_bad_pos = 1;
            q->size_bad_kind = (int32_t)sz->kind;
        }
    }
    /* scale_factor */
    const cnnc_arg *sf = a[1];
    if (sf && sf->kind != CNNC_ARG_NONE) {
        if (sf->kind == CNNC_ARG_TUPLE || (functional && sf->kind == CNNC_ARG_LIST)) {
            q->scale_n = sf->n;
            if (sf->n == 0) q->seq_flags |= CNNC_UPSAMPLE_EMPTY_SCALE;
            for (int32_t k = 0; k < sf->n; k++) {
                double d = 0.0;
                if (functional) {
                    if (!cnnc_arg_is_num(&sf->items[k]))
                        return cnnc_arg_fail(err, CNNC_ERR_PARSE, sf, "TypeError",
                                             "interpolate(): scale_factor must be a float or a sequence of floats, but "
                                             "found element of type %s at pos %d",
                                             cnnc_arg_type_name(&sf->items[k]), (int)k + 1);
                    d = cnnc_arg_num(&sf->items[k]);
                } else if ((st = py_float(&sf->items[k], sf, &d, err))) {
                    return st;
                }
                if (k < 4) {
                    q->scale[k] = d;
                    q->scale_is_int[k] = functional && cnnc_arg_is_int(&sf->items[k]);
                }
            }
        } else if (functional) {
            if (!cnnc_arg_is_num(sf))
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, sf, "TypeError",
                                     "interpolate(): scale_factor must be a float or a sequence of floats, not %s",
                                     cnnc_arg_type_name(sf));
            q->scale_n = -1;
            q->scale[0] = cnnc_arg_num(sf);
            q->scale_is_int[0] = cnnc_arg_is_int(sf);
        } else if (cnnc_arg_truthy(sf)) {   /* float(scale_factor) if scale_factor else None */
            if ((st = py_float(sf, sf, &q->scale[0], err))) return st;
            q->scale_n = -1;
        }
    }
    if (fixed_mode >= 0) {
        q->mode = (cnnc_upsample_mode)fixed_mode;
        if (fixed_mode == CNNC_UPSAMPLE_BILINEAR) { q->align_corners = 1; q->align_corners_given = 1; }
        return CNNC_OK;
    }
    const cnnc_arg *md = a[2];
    if (md && !cnnc_arg_str_is(md, "nearest")) {
        if (cnnc_arg_str_is(md, "bilinear")) {
            q->mode = CNNC_UPSAMPLE_BILINEAR;
        } else if (cnnc_arg_str_is(md, "bicubic")) {
            q->mode = CNNC_UPSAMPLE_BICUBIC;
        } else if (cnnc_arg_str_is(md, "trilinear")) {
            q->mode = CNNC_UPSAMPLE_TRILINEAR;
        } else if (cnnc_arg_str_is(md, "linear")) {
            q->mode = CNNC_UPSAMPLE_LINEAR;
        } else {
            for (size_t k = 0; k < sizeof OTHER_MODES / sizeof OTHER_MODES[0]; k++)
                if (cnnc_arg_str_is(md, OTHER_MODES[k]))
                    return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, md, "NotImplementedError",
                                         "cnnc does not support %s(mode='%s'): it runs the modes 'nearest', 'bilinear' and "
                                         "'bicubic' (and checks 'linear' and 'trilinear')",
                                         functional ? "interpolate" : "Upsample", OTHER_MODES[k]);
            /* F.interpolate refuses it at forward, naming str(mode) */
            cnnc_strbuf sb;
            q->mode = CNNC_UPSAMPLE_UNKNOWN;
            cnnc_sb_fixed(&sb, q->mode_text, sizeof q->mode_text);
            if (md->kind == CNNC_ARG_STR) cnnc_sb_printf(&sb, "%.*s", (int)md->slen, md->s);
            else cnnc_arg_repr(md, &sb);
        }
    }
    const cnnc_arg *ac = a[3];
    if (ac && ac->kind != CNNC_ARG_NONE) {
        q->align_corners_given = 1;
        q->align_corners = cnnc_arg_truthy(ac);
        if (ac->kind != CNNC_ARG_BOOL) q->align_corners_bad = 1 + (int32_t)ac->kind;  /* the op takes a bool */
    }
    const cnnc_arg *rs = a[4];
    if (rs && rs->kind != CNNC_ARG_NONE) q->recompute_scale_factor = cnnc_arg_truthy(rs);
    if (functional && a[5]) q->antialias = cnnc_arg_truthy(a[5]);
    return CNNC_OK;
}

/* Python's repr of the stored size or scale_factor. */
static void repr_size(const cnnc_upsample_params *q, cnnc_strbuf *sb) {
    int list = q->seq_flags & CNNC_UPSAMPLE_SIZE_LIST, size = q->seq_flags & CNNC_UPSAMPLE_SIZE_TORCH_SIZE;
    cnnc_sb_puts(sb, size ? "torch.Size([" : list ? "[" : "(");
    for (int32_t k = 0; k < q->size_n && k < 4; k++) cnnc_sb_printf(sb, "%s%lld", k ? ", " : "", (long long)q->size[k]);
    if (q->size_n > 4) cnnc_sb_puts(sb, ", ...");
    cnnc_sb_puts(sb, size ? "])" : list ? "]" : q->size_n == 1 ? ",)" : ")");
}

static void repr_scale(const cnnc_upsample_params *q, int k, cnnc_strbuf *sb) {
    char f[64];
    if (q->scale_is_int[k]) cnnc_sb_printf(sb, "%lld", (long long)q->scale[k]);
    else { cnnc_py_float_repr(q->scale[k], f, sizeof f); cnnc_sb_puts(sb, f); }
}

static void repr_scales(const cnnc_upsample_params *q, cnnc_strbuf *sb) {
    cnnc_sb_puts(sb, "(");
    for (int32_t k = 0; k < q->scale_n && k < 4; k++) {
        if (k) cnnc_sb_puts(sb, ", ");
        repr_scale(q, k, sb);
    }
    if (q->scale_n > 4) cnnc_sb_puts(sb, ", ...");
    cnnc_sb_puts(sb, q->scale_n == 1 ? ",)" : ")");
}

/* "[5, 5]": list(input.shape[2:]). */
static void spatial_dims(const cnnc_shape *in, cnnc_strbuf *sb) {
    cnnc_sb_puts(sb, "[");
    for (int32_t k = 2; k < in->ndim; k++) cnnc_sb_printf(sb, "%s%lld", k > 2 ? ", " : "", (long long)in->d[k]);
    cnnc_sb_puts(sb, "]");
}

cnnc_status cnnc_upsample_shape(const cnnc_layer *L, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_upsample_params *q = &L->p.upsample;
    const int32_t nd = in->ndim, dim = nd - 2;
    const int has_size = q->size_n != 0 || (q->seq_flags & CNNC_UPSAMPLE_EMPTY_SIZE);
    const int has_scale = q->scale_n != 0 || (q->seq_flags & CNNC_UPSAMPLE_EMPTY_SCALE);
    char a[256], b[256];
    cnnc_strbuf sa, sbb;
    cnnc_sb_fixed(&sa, a, sizeof a);
    cnnc_sb_fixed(&sbb, b, sizeof b);
    /* ---- F.interpolate (torch/nn/functional.py) ---- */
    if (q->mode == CNNC_UPSAMPLE_NEAREST && q->align_corners_given)
        return cnnc_shape_fail(err, "ValueError",
                               "align_corners option can only be set with the interpolating modes: linear | bilinear | "
                               "bicubic | trilinear");
    if (has_size && has_scale) return cnnc_shape_fail(err, "ValueError", "only one of size or scale_factor should be defined");
    int64_t os[3] = {0, 0, 0};
    double sc[3] = {0.0, 0.0, 0.0};
    if (has_size) {
        if (q->size_n >= 0 && q->size_n != dim) {
            spatial_dims(in, &sa);
            repr_size(q, &sbb);
            return cnnc_shape_fail(err, "ValueError",
                                   "Input and output must have the same number of spatial dimensions, but got input with "
                                   "spatial dimensions of %s and output size of %s. Please provide input tensor in (N, C, "
                                   "d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.",
                                   a, b);
        }
        for (int32_t k = 0; k < dim && k < 3; k++) os[k] = q->size[q->size_n < 0 ? 0 : k];
    } else if (has_scale) {
        if (q->scale_n >= 0 && q->scale_n != dim) {
            spatial_dims(in, &sa);
            repr_scales(q, &sbb);
            return cnnc_shape_fail(err, "ValueError",
                                   "Input and scale_factor must have the same number of spatial dimensions, but got input "
                                   "with spatial dimensions of %s and scale_factor of shape %s. Please provide input tensor "
                                   "in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.",
                                   a, b);
        }
        for (int32_t k = 0; k < dim && k < 3; k++) sc[k] = q->scale[q->scale_n < 0 ? 0 : k];
    } else {
        return cnnc_shape_fail(err, "ValueError", "either size or scale_factor should be defined");
    }
    int use_scales = has_scale;
    if (q->recompute_scale_factor == 1) {
        if (has_size) return cnnc_shape_fail(err, "ValueError", "recompute_scale_factor is not meaningful with an explicit size.");
        for (int32_t k = 0; k < dim && k < 3; k++) os[k] = (int64_t)floor((double)in->d[k + 2] * sc[k]);
        use_scales = 0;
    }
    const int cubic = q->mode == CNNC_UPSAMPLE_BICUBIC, tri = q->mode == CNNC_UPSAMPLE_TRILINEAR;
    const int lin = q->mode == CNNC_UPSAMPLE_LINEAR;
    const int interp = q->mode == CNNC_UPSAMPLE_BILINEAR || cubic || tri || lin;
    if (q->antialias && !((q->mode == CNNC_UPSAMPLE_BILINEAR || cubic) && nd == 4))
        return cnnc_shape_fail(err, "ValueError", "Anti-alias option is only supported for bilinear and bicubic modes");
    const char *op = NULL;
    if (q->mode == CNNC_UPSAMPLE_NEAREST && nd == 3) op = "upsample_nearest1d";
    else if (q->mode == CNNC_UPSAMPLE_NEAREST && nd == 4) op = "upsample_nearest2d";
    else if (q->mode == CNNC_UPSAMPLE_NEAREST && nd == 5) op = "upsample_nearest3d";   /* followed, not run */
    else if (tri && nd == 5) op = "upsample_trilinear3d";
    else if (lin && nd == 3) op = "upsample_linear1d";
    else if (lin && (nd == 4 || nd == 5))
        return cnnc_shape_fail(err, "NotImplementedError", "Got %dD input, but linear mode needs 3D input", (int)nd);
    else if (tri && (nd == 3 || nd == 4))
        return cnnc_shape_fail(err, "NotImplementedError", "Got %dD input, but trilinear mode needs 5D input", (int)nd);
    else if (q->mode == CNNC_UPSAMPLE_BILINEAR && nd == 4) op = "upsample_bilinear2d";
    else if (q->mode == CNNC_UPSAMPLE_BILINEAR && (nd == 3 || nd == 5))
        return cnnc_shape_fail(err, "NotImplementedError", "Got %dD input, but bilinear mode needs 4D input", (int)nd);
    else if (cubic && nd == 4) op = "upsample_bicubic2d";   /* 3-D and 5-D: the message below, as F.interpolate */
    else
        return cnnc_shape_fail(err, "NotImplementedError",
                               "Input Error: Only 3D, 4D and 5D input Tensors supported (got %dD) for the modes: nearest | "
                               "linear | bilinear | bicubic | trilinear | area | nearest-exact (got %s)",
                               (int)nd, q->mode == CNNC_UPSAMPLE_UNKNOWN ? q->mode_text
                                        : q->mode == CNNC_UPSAMPLE_BILINEAR ? "bilinear" : cubic ? "bicubic"
                                        : tri ? "trilinear" : lin ? "linear" : "nearest");
    if (q->antialias) return cnnc_shape_unsupported(err, "cnnc does not support interpolate(antialias=True)");
    /* ---- the op (ATen: the argument parser, then upsample_*_common_check) ---- */
    cnnc_arg tmp;
    memset(&tmp, 0, sizeof tmp);
    if (interp && q->align_corners_bad) {
        tmp.kind = (cnnc_arg_kind)(q->align_corners_bad - 1);
        return cnnc_shape_fail(err, "TypeError",
                               "%s() received an invalid combination of arguments - got (Tensor, %s, %s, %s), but expected "
                               "one of:",
                               op, use_scales ? "NoneType" : "list", cnnc_arg_type_name(&tmp), use_scales ? "list" : "NoneType");
    }
    if (has_size && q->size_bad_pos) {
        if (q->size_bad_pos == 1 || q->size_n < 0)
            return cnnc_shape_fail(err, "TypeError",
                                   "%s() received an invalid combination of arguments - got (Tensor, list, %sNoneType), but "
                                   "expected one of:",
                                   op, interp ? "bool, " : "");
        tmp.kind = (cnnc_arg_kind)q->size_bad_kind;
        return cnnc_shape_fail(err, "TypeError",
                               "%s(): argument 'output_size' must be tuple of SymInts, but found element of type %s at pos %d", op,
                               cnnc_arg_type_name(&tmp), (int)q->size_bad_pos);
    }
    if (use_scales)   /* compute_output_size: double product, truncated to int64 */
        for (int32_t k = 0; k < dim; k++) os[k] = (int64_t)((double)in->d[k + 2] * sc[k]);
    CNNC_FMT_SHAPE(s, in);
    cnnc_upsample_geom *g = &ls->g.upsample;
    memset(g, 0, sizeof *g);
    if (nd == 3) {
        if (!(in->d[2] > 0 && os[0] > 0))
            return cnnc_shape_fail(err, "RuntimeError",
                                   "Input and output sizes should be greater than 0, but got input (W: %lld) and output (W: %lld)",
                                   (long long)in->d[2], (long long)os[0]);
        if (in->d[1] * in->d[2] == 0)
            return cnnc_shape_fail(err, "RuntimeError", "Non-empty 3D data tensor expected but got a tensor with sizes %s", s);
        g->planes = in->d[0] * in->d[1];
        g->H = 1; g->OH = 1;
        g->W = in->d[2]; g->OW = os[0];
        g->scale_w = use_scales ? sc[0] : 0.0;
    } else if (nd == 5) {   /* shapes only: the engines refuse 3-d upsampling */
        if (!(in->d[2] > 0 && in->d[3] > 0 && in->d[4] > 0 && os[0] > 0 && os[1] > 0 && os[2] > 0))
            return cnnc_shape_fail(err, "RuntimeError",
                                   "Input and output sizes should be greater than 0, but got input (D: %lld, H: %lld, W: %lld) "
                                   "output (D: %lld, H: %lld, W: %lld)",
                                   (long long)in->d[2], (long long)in->d[3], (long long)in->d[4], (long long)os[0],
                                   (long long)os[1], (long long)os[2]);
        if (in->d[1] * in->d[2] * in->d[3] * in->d[4] == 0)
            return cnnc_shape_fail(err, "RuntimeError", "Non-empty 5D data tensor expected but got a tensor with sizes %s", s);
        g->planes = in->d[0] * in->d[1];
    } else {
        if (!(in->d[2] > 0 && in->d[3] > 0 && os[0] > 0 && os[1] > 0))
            return cnnc_shape_fail(err, "RuntimeError",
                                   "Input and output sizes should be greater than 0, but got input (H: %lld, W: %lld) output (H: "
                                   "%lld, W: %lld)",
                                   (long long)in->d[2], (long long)in->d[3], (long long)os[0], (long long)os[1]);
        if (in->d[1] * in->d[2] * in->d[3] == 0)
            return cnnc_shape_fail(err, "RuntimeError", "Non-empty 4D data tensor expected but got a tensor with sizes %s", s);
        g->planes = in->d[0] * in->d[1];
        g->H = in->d[2]; g->OH = os[0];
        g->W = in->d[3]; g->OW = os[1];
        g->scale_h = use_scales ? sc[0] : 0.0;
        g->scale_w = use_scales ? sc[1] : 0.0;
        g->fwd_shortcuts = q->mode == CNNC_UPSAMPLE_NEAREST && (in->d[1] == 1 || in->d[2] * in->d[3] == 1);
    }
    g->bilinear = q->mode == CNNC_UPSAMPLE_BILINEAR;
    g->bicubic = cubic;
    g->align_corners = interp && q->align_corners == 1;
    ls->out = *in;
    for (int32_t k = 0; k < dim; k++) ls->out.d[k + 2] = os[k];
    ls->unbatched = 0;
    return CNNC_OK;
}

void cnnc_upsample_render(const cnnc_layer *L, int fixed, cnnc_strbuf *sb) {
    const cnnc_upsample_params *q = &L->p.upsample;
    const char *sep = "";
    if (q->size_n != 0 || (q->seq_flags & CNNC_UPSAMPLE_EMPTY_SIZE)) {
        cnnc_sb_puts(sb, "size=");
        if (q->size_n < 0) cnnc_sb_printf(sb, "%lld", (long long)q->size[0]);
        else repr_size(q, sb);
        sep = ", ";
    }
    if (q->scale_n != 0 || (q->seq_flags & CNNC_UPSAMPLE_EMPTY_SCALE)) {
        cnnc_sb_printf(sb, "%sscale_factor=", sep);
        if (q->scale_n < 0) repr_scale(q, 0, sb);
        else repr_scales(q, sb);
        sep = ", ";
    }
    if (fixed) return;
    if (q->mode == CNNC_UPSAMPLE_BILINEAR) { cnnc_sb_printf(sb, "%smode='bilinear'", sep); sep = ", "; }
    else if (q->mode == CNNC_UPSAMPLE_BICUBIC) { cnnc_sb_printf(sb, "%smode='bicubic'", sep); sep = ", "; }
    else if (q->mode == CNNC_UPSAMPLE_TRILINEAR) { cnnc_sb_printf(sb, "%smode='trilinear'", sep); sep = ", "; }
    else if (q->mode == CNNC_UPSAMPLE_LINEAR) { cnnc_sb_printf(sb, "%smode='linear'", sep); sep = ", "; }
    else if (q->mode == CNNC_UPSAMPLE_UNKNOWN) { cnnc_sb_printf(sb, "%smode='%s'", sep, q->mode_text); sep = ", "; }
    if (q->align_corners_given) { cnnc_sb_printf(sb, "%salign_corners=%s", sep, q->align_corners ? "True" : "False"); sep = ", "; }
    if (q->recompute_scale_factor >= 0) {
        cnnc_sb_printf(sb, "%srecompute_scale_factor=%s", sep, q->recompute_scale_factor ? "True" : "False");
        sep = ", ";
    }
    if (q->antialias) cnnc_sb_printf(sb, "%santialias=True", sep);
}
