/* linear.c — nn.Linear: constructor, state_dict, shape rule (matmul's
 * message), cost, text, and the in_features fix. */
#include "layers/layer_util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_linear_params *q = &l->p.linear;
    cnnc_status st;
    (void)call;
    /* weight = empty((out_features, in_features)) */
    if ((st = cnnc_size_arg(a[1], 1, &q->out_features, err))) return st;
    if ((st = cnnc_size_arg(a[0], 2, &q->in_features, err))) return st;
    int64_t dims[2] = {q->out_features, q->in_features};
    if ((st = cnnc_negative_dim(q->out_features < 0 ? a[1] : a[0], dims, 2, err))) return st;
    q->bias = a[2] ? cnnc_arg_truthy(a[2]) : 1;
    return cnnc_device_dtype_args(a[3], a[4], err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_linear_params *q = &l->p.linear;
    float bound = q->in_features > 0 ? 1.0f / sqrtf((float)q->in_features) : 0.0f;
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 2, {q->out_features, q->in_features}, CNNC_INIT_UNIFORM, bound};
    if (!q->bias) return 1;
    out[1] = (cnnc_param_desc){"bias", CNNC_P_BIAS, CNNC_F32, 1, {q->out_features}, CNNC_INIT_UNIFORM, bound};
    return 2;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_linear_params *p = &L->p.linear;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (in->ndim == 0)
        return cnnc_shape_fail(err, "RuntimeError", "both arguments to matmul need to be at least 1D, but they are 0D and 2D");
    int64_t M = 1;
    for (int32_t i = 0; i + 1 < in->ndim; i++) M *= in->d[i];  /* bounded by the numel check */
    int64_t K = in->d[in->ndim - 1];
    if (K != p->in_features)
        return cnnc_shape_fail(err, "RuntimeError", "mat1 and mat2 shapes cannot be multiplied (%lldx%lld and %lldx%lld)",
                               (long long)M, (long long)K, (long long)p->in_features, (long long)p->out_features);
    ls->g.linear.M = M; ls->g.linear.K = K; ls->g.linear.N = p->out_features;
    ls->out = *in;
    ls->out.d[in->ndim - 1] = p->out_features;
    return CNNC_OK;
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const cnnc_linear_geom *g = &s->g.linear;
    const double macs = (double)g->M * g->N * g->K;
    const double w = (double)g->N * g->K + (L->p.linear.bias ? g->N : 0);
    const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
    c->fwd_flops = 2.0 * macs;
    c->bwd_flops = 2.0 * macs * (has_din ? 2.0 : 1.0);
    c->fwd_bytes = 4.0 * (in + w + out);
    c->bwd_bytes = 4.0 * (out + in + 2.0 * w + (has_din ? in : 0.0));
    c->macs_per_sample = (s->in.ndim > 0 && s->in.d[0] > 0 ? g->M / s->in.d[0] : g->M) * g->K * g->N;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%lld, %lld", (long long)L->p.linear.in_features, (long long)L->p.linear.out_features);
    if (!L->p.linear.bias) cnnc_sb_puts(sb, ", bias=False");
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)L;
    cnnc_sb_printf(sb, "[%lld, %lld]", (long long)s->g.linear.N, (long long)s->g.linear.K);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    int nd = in->ndim;
    if (nd < 1 || strncmp(err->message, "mat1", 4) != 0) return 0;
    const cnnc_model *m = env->model;
    const cnnc_shape *mi = env->model_input;
    int64_t K = in->d[nd - 1];
    if (mi->ndim == 3 && m->n_layers > 0 &&
        (m->layers[0].kind == CNNC_CONV2D || m->layers[0].kind == CNNC_MAXPOOL2D || m->layers[0].kind == CNNC_AVGPOOL2D)) {
        /* unbatched input: Flatten() keeps dim 0 (channels) as if it were the batch */
        CNNC_FMT_SHAPE(s, mi);
        snprintf(err->hint, sizeof err->hint,
                 "the input %s is unbatched, so Flatten() keeps its first dim; give a batch instead, e.g. 1x%lldx%lldx%lld", s,
                 (long long)mi->d[0], (long long)mi->d[1], (long long)mi->d[2]);
        return 1;
    }
    if (nd > 2) {
        int64_t f = 1;
        for (int i = 1; i < nd; i++) f *= in->d[i];
        CNNC_FMT_SHAPE(s, in);
        snprintf(err->hint, sizeof err->hint,
                 "add nn.Flatten() before %s: Linear multiplies only the last dim (%lld) of %s; flattened, each sample has "
                 "%lld features",
                 L->name, (long long)K, s, (long long)f);
        return 1;
    }
    cnnc_layer copy = *L;
    copy.p.linear.in_features = K;
    return cnnc_hint_set_number(&copy, "", "in_features", K, CNNC_FIX_IN_FEATURES, env, err);
}

static int apply_fix(cnnc_layer *L, const cnnc_fix *fix) {
    if (fix->field != CNNC_FIX_IN_FEATURES || L->p.linear.in_features == fix->value) return 0;
    L->p.linear.in_features = fix->value;
    return 1;
}

const cnnc_layer_def cnnc_layer_linear = {
    .kind = CNNC_LINEAR,
    .name = "Linear",
    .qualname = "Linear",
    .module = "linear",
    .signature = "in_features, out_features, bias=True, device=None, dtype=None",
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .params = params,
    .shape = shape,
    .cost = cost,
    .render = render,
    .kernel_shape = kernel_shape,
    .hint = hint,
    .apply_fix = apply_fix,
};
