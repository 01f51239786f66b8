/* gelu.c — nn.GELU(approximate='none'|'tanh'). The argument must be a str
 * (gelu()'s check); which str is checked only when PyTorch runs the layer, so
 * here in the shape pass, with its message. Backward reads its input. */
#include "layers/layer_util.h"

#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_gelu_params *q = &l->p.gelu;
    (void)call;
    q->approximate = CNNC_GELU_NONE;
    snprintf(q->text, sizeof q->text, "none");
    const cnnc_arg *v = a[0];
    if (!v) return CNNC_OK;
    if (v->kind != CNNC_ARG_STR)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "gelu(): argument 'approximate' must be str, not %s",
                             cnnc_arg_type_name(v));
    q->approximate = cnnc_arg_str_is(v, "none") ? CNNC_GELU_NONE : cnnc_arg_str_is(v, "tanh") ? CNNC_GELU_TANH : CNNC_GELU_UNKNOWN;
    /* An unknown string is only ever rendered back; a longer one is cut there. */
    snprintf(q->text, sizeof q->text, "%.*s", (int)v->slen, v->s);
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    if (L->p.gelu.approximate == CNNC_GELU_UNKNOWN)
        return cnnc_shape_fail(err, "RuntimeError", "approximate argument must be either none or tanh.");
    ls->out = *in[0];
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.gelu.approximate != CNNC_GELU_NONE) cnnc_sb_printf(sb, "approximate='%s'", L->p.gelu.text);
}

const cnnc_layer_def cnnc_layer_gelu = {
    .kind = CNNC_GELU,
    .name = "GELU",
    .qualname = "GELU",
    .module = "activation",
    .signature = "approximate='none'",
    .functional = "gelu(input, *, approximate='none')",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .render = render,
};
