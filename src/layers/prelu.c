/* prelu.c — nn.PReLU(num_parameters=1, init=0.25): x > 0 ? x : w * x with a
 * learnt weight [num_parameters], one for all values or one per channel
 * (dim 1). The constructor is torch.empty(num_parameters).fill_(init), with
 * their messages; the channel check is PyTorch's at forward. Backward reads
 * its input; the weight's gradient sums over all but the channel dim. */
#include "layers/layer_util.h"

#include <stdio.h>
#include <string.h>

/* fill_(init) with a value that is neither a Number nor a Tensor. */
static cnnc_status fill_overload_fail(const cnnc_arg *v, cnnc_error *err) {
    const char *t = v->kind == CNNC_ARG_DTYPE ? "torch.dtype" : cnnc_arg_type_name(v);
    return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                         "fill_() received an invalid combination of arguments - got (%s), but expected one of:\n"
                         " * (Tensor value)\n"
                         "      didn't match because some of the arguments have invalid types: (!%s!)\n"
                         " * (Number value)\n"
                         "      didn't match because some of the arguments have invalid types: (!%s!)\n",
                         t, t, t);
}

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_prelu_params *q = &l->p.prelu;
    cnnc_status st;
    (void)call;
    q->num_parameters = 1;
    q->init = 0.25;
    /* torch.empty(num_parameters): one size, so a bool or float matches no overload */
    if (a[0]) {
        if (a[0]->kind != CNNC_ARG_INT) return cnnc_factory_overload_fail(a[0], "empty", cnnc_arg_type_name(a[0]), a[2], a[3], err);
        q->num_parameters = a[0]->i;
        if ((st = cnnc_negative_dim(a[0], &q->num_parameters, 1, err))) return st;
    }
    if ((st = cnnc_device_dtype_args(a[2], a[3], err))) return st;
    if (a[1]) {
        if (!cnnc_arg_is_num(a[1])) return fill_overload_fail(a[1], err);
        q->init = cnnc_arg_num(a[1]);
    }
    return CNNC_OK;
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_prelu_params *q = &l->p.prelu;
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 1, {q->num_parameters}, CNNC_INIT_FILL, (float)q->init};
    return 1;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const int64_t w = L->p.prelu.num_parameters;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    cnnc_bn_geom *g = &ls->g.channel;
    if (w == 1) {   /* one weight for every value, any rank */
        g->N = 1;
        g->C = 1;
        g->HW = cnnc_shape_numel(in);
    } else {
        if (in->ndim == 0) return cnnc_shape_fail(err, "RuntimeError", "Not allow zero-dim input tensor.");
        const int64_t channels = in->ndim > 1 ? in->d[1] : 1;
        if (channels != w)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "Mismatch of parameter numbers and input channel size. Found parameter numbers = %lld and "
                                   "channel size = %lld.", (long long)w, (long long)channels);
        g->N = in->d[0];
        g->C = channels;
        g->HW = cnnc_dims_product(in, 2, in->ndim);
    }
    ls->out = *in;
    return CNNC_OK;
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel;
    (void)L;
    c->fwd_flops = n;
    c->bwd_flops = (has_din ? 2.0 : 1.0) * n;
    c->fwd_bytes = 8.0 * n;
    c->bwd_bytes = (has_din ? 12.0 : 8.0) * n;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_prelu_params *q = &L->p.prelu;
    const char *sep = "";
    if (q->num_parameters != 1) { cnnc_sb_printf(sb, "num_parameters=%lld", (long long)q->num_parameters); sep = ", "; }
    if (q->init != 0.25) cnnc_render_number(sb, sep, "init", q->init);
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)s;
    cnnc_sb_printf(sb, "[%lld]", (long long)L->p.prelu.num_parameters);
}

/* A channel mismatch: num_parameters = the input's channels. */
static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    if (in->ndim < 2 || strncmp(err->message, "Mismatch of parameter numbers", 29) != 0) return 0;
    cnnc_layer copy = *L;
    copy.p.prelu.num_parameters = in->d[1];
    return cnnc_hint_set_number(&copy, "PReLU's weights are per channel (dim 1): ", "num_parameters", in->d[1], CNNC_FIX_NONE,
                                env, err);
}

const cnnc_layer_def cnnc_layer_prelu = {
    .kind = CNNC_PRELU,
    .name = "PReLU",
    .qualname = "PReLU",
    .module = "activation",
    .signature = "num_parameters=1, init=0.25, device=None, dtype=None",
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .params = params,
    .shape = shape,
    .cost = cost,
    .render = render,
    .kernel_shape = kernel_shape,
    .hint = hint,
};
