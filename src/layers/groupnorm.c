/* groupnorm.c — nn.GroupNorm: statistics per (sample, group of C/G channels)
 * over the group's channels and all spatial positions, the affine per
 * channel; any input of 2 or more dims. F.group_norm's and ATen's checks. */
#include "layers/layer_util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_groupnorm_params *q = &l->p.gn;
    const cnnc_arg *G = a[0], *C = a[1];
    cnnc_status st;
    (void)call;
    /* `if num_channels % num_groups != 0` */
    if (C->kind == CNNC_ARG_STR)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, C, "TypeError", "not all arguments converted during string formatting");
    if (!cnnc_arg_is_num(C) || !cnnc_arg_is_num(G))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, cnnc_arg_is_num(C) ? G : C, "TypeError",
                             "unsupported operand type(s) for %%: '%s' and '%s'", cnnc_arg_type_name(C),
                             cnnc_arg_type_name(G));
    if (cnnc_arg_num(G) == 0.0)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, G, "ZeroDivisionError", "%s",
                             cnnc_arg_is_int(C) && cnnc_arg_is_int(G) ? "integer modulo by zero" : "float modulo");
    if (fmod(cnnc_arg_num(C), cnnc_arg_num(G)) != 0.0)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, C, "ValueError", "num_channels must be divisible by num_groups");
    q->affine = a[3] ? cnnc_arg_truthy(a[3]) : 1;
    if (q->affine) {   /* weight = empty(num_channels) */
        if (C->kind != CNNC_ARG_INT) return cnnc_factory_overload_fail(C, "empty", cnnc_arg_type_name(C), a[4], a[5], err);
        int64_t dims[1] = {C->i};
        if ((st = cnnc_negative_dim(C, dims, 1, err))) return st;
    }
    q->num_channels = cnnc_arg_is_int(C) ? C->i : (int64_t)cnnc_arg_num(C);
    if ((st = cnnc_device_dtype_args(a[4], a[5], err))) return st;
    /* group_norm(input, num_groups, weight, bias, eps) checks these at the first forward */
    if (G->kind != CNNC_ARG_INT)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, G, "TypeError", "group_norm(): argument 'num_groups' (position 2) must be "
                             "int, not %s", cnnc_arg_type_name(G));
    q->num_groups = G->i;
    q->eps = 1e-5;
    if (a[2] && (st = cnnc_float_arg_at(a[2], "group_norm", "eps", 5, &q->eps, err))) return st;
    return CNNC_OK;
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_groupnorm_params *q = &l->p.gn;
    if (!q->affine) return 0;
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 1, {q->num_channels}, CNNC_INIT_FILL, 1.0f};
    out[1] = (cnnc_param_desc){"bias", CNNC_P_BIAS, CNNC_F32, 1, {q->num_channels}, CNNC_INIT_FILL, 0.0f};
    return 2;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_groupnorm_params *p = &L->p.gn;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    /* F.group_norm reads input.size(0) and size(1) first */
    if (in->ndim == 0) return cnnc_shape_fail(err, "IndexError", "Dimension specified as 0 but tensor has no dimensions");
    if (in->ndim == 1)
        return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
    const int64_t N = in->d[0], C = in->d[1], G = p->num_groups;
    int64_t HW = 1;
    for (int32_t k = 2; k < in->ndim; k++) HW *= in->d[k];
    /* _verify_batch_size([N*C // G, G] + spatial), in training and eval alike */
    cnnc_shape v = *in;
    v.d[0] = G != 0 ? cnnc_div_floor(N * C, G) : 0;
    v.d[1] = G;
    if (v.d[0] * HW == 1) {
        CNNC_FMT_SHAPE(s, &v);
        return cnnc_shape_fail(err, "ValueError", "Expected more than 1 value per channel when training, got input size %s", s);
    }
    if (G <= 0) return cnnc_shape_fail(err, "RuntimeError", "Expected num groups to be greater than 0, got %lld", (long long)G);
    if (C % G != 0) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected number of channels in input to be divisible by num_groups, but got input of shape "
                               "%s and num_groups=%lld", s, (long long)G);
    }
    if (p->affine && C != p->num_channels) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected weight to be a vector of size equal to the number of channels in input, but got "
                               "weight of shape [%lld] and input of shape %s", (long long)p->num_channels, s);
    }
    cnnc_norm_geom *g = &ls->g.norm;
    g->N = N; g->C = C; g->HW = HW; g->G = G;
    ls->out = *in;
    return CNNC_OK;
}

/* mean and rstd per (n, g) */
static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) {
    (void)L;
    const int64_t per = s->g.norm.N * s->g.norm.G;
    return 2 * (size_t)(per > 0 ? per : 0) * sizeof(float);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_groupnorm_params *q = &L->p.gn;
    cnnc_sb_printf(sb, "%lld, %lld", (long long)q->num_groups, (long long)q->num_channels);
    if (q->eps != 1e-5) cnnc_render_float(sb, ", ", "eps", q->eps);
    if (!q->affine) cnnc_sb_puts(sb, ", affine=False");
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)s;
    if (L->p.gn.affine) cnnc_sb_printf(sb, "[%lld]", (long long)L->p.gn.num_channels);
    else cnnc_sb_puts(sb, "-");
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    (void)env;
    if (in->ndim < 2) return 0;
    const int64_t C = in->d[1];
    if (strstr(err->message, "more than 1 value per channel")) {
        snprintf(err->hint, sizeof err->hint, "each group has a single value here: use fewer groups or a larger input");
        return 1;
    }
    if (strstr(err->message, "divisible by num_groups")) {
        snprintf(err->hint, sizeof err->hint, "the input has %lld channels: num_groups must divide it", (long long)C);
        return 1;
    }
    if (strstr(err->message, "Expected weight to be a vector")) {
        snprintf(err->hint, sizeof err->hint, "the input has %lld channels: set num_channels=%lld (num_groups=%lld must "
                                              "divide it)", (long long)C, (long long)C, (long long)L->p.gn.num_groups);
        return 1;
    }
    return 0;
}

const cnnc_layer_def cnnc_layer_groupnorm = {
    .kind = CNNC_GROUPNORM,
    .name = "GroupNorm",
    .qualname = "GroupNorm",
    .module = "normalization",
    .signature = "num_groups, num_channels, eps=1e-05, affine=True, device=None, dtype=None",
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .params = params,
    .shape = shape,
    .aux_bytes = aux_bytes,
    .render = render,
    .kernel_shape = kernel_shape,
    .hint = hint,
};
