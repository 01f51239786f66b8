/* pad.c — F.pad(input, pad, mode='constant', value=None) as a kind of its
 * own: its parameter names are not the padding modules' (pad, not padding),
 * and one kind covers the three modes. A kind with no module class: build's
 * a[] follows the functional's parameters after input. The rules live in
 * pad2d_common.c. */
#include "layers/pad2d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_pad2d_params *q = &l->p.pad2d;
    cnnc_status st;
    (void)call;
    if ((st = cnnc_pad2d_padding_arg(a[0], 1, q, err))) return st;
    q->mode = CNNC_PAD2D_CONSTANT;
    const cnnc_arg *m = a[1];
    if (m) {
        if (m->kind != CNNC_ARG_STR)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, m, "TypeError", "pad(): argument 'mode' must be str, not %s",
                                 cnnc_arg_type_name(m));
        if (cnnc_arg_str_is(m, "reflect")) q->mode = CNNC_PAD2D_REFLECT;
        else if (cnnc_arg_str_is(m, "replicate")) q->mode = CNNC_PAD2D_REPLICATE;
        else if (cnnc_arg_str_is(m, "circular")) q->mode = CNNC_PAD2D_CIRCULAR;
        else if (!cnnc_arg_str_is(m, "constant"))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, m, "NotImplementedError", "Unrecognised padding mode %.*s", (int)m->slen, m->s);
    }
    return cnnc_pad2d_value_arg(a[2], 0, q, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_pad2d_shape(L, in[0], ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_pad2d_params *q = &L->p.pad2d;
    cnnc_sb_puts(sb, "pad=(");
    for (int32_t k = 0; k < q->n && k < 6; k++) cnnc_sb_printf(sb, "%s%lld", k ? ", " : "", (long long)q->pad[k]);
    if (q->n > 6) cnnc_sb_puts(sb, ", ...");  /* an odd count PyTorch refuses at forward */
    cnnc_sb_puts(sb, q->n == 1 ? ",)" : ")");
    if (q->mode != CNNC_PAD2D_CONSTANT) cnnc_sb_printf(sb, ", mode='%s'", cnnc_pad2d_mode_name(q->mode));
    if (q->value_given) cnnc_render_float(sb, ", ", "value", q->value);
}

const cnnc_layer_def cnnc_layer_pad = {
    .kind = CNNC_PAD,
    .name = "pad",
    .qualname = "pad",
    .module = NULL,
    .signature = NULL,
    .functional = "pad(input, pad, mode='constant', value=None)",
    .functional_in = CNNC_FN_NN_F,
    .flags = 0,
    .build = build,
    .shape = shape,
    .render = render,
    .hint = cnnc_pad2d_hint,
};
