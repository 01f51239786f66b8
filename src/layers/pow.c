/* pow.c — torch.pow / Tensor.pow / x ** e with a number for the exponent: a
 * function with no module class (a tensor exponent, or a number raised to a
 * tensor, is refused by the reader). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    const cnnc_arg *e = a[0];
    if (!e || !cnnc_arg_is_num(e))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, e ? e : call, "NotImplementedError",
                             "cnnc cannot follow pow() with an exponent of type %s (it follows a Python number)",
                             e ? cnnc_arg_type_name(e) : "nothing");
    L->p.pow.exponent = cnnc_arg_num(e);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_render_float(sb, "", "exponent", L->p.pow.exponent); }

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    cnnc_sb_printf(sb, "torch.pow(%s, ", in[0]);
    render(L, sb);
    cnnc_sb_puts(sb, ")");
}

const cnnc_layer_def cnnc_layer_pow = {
    .kind = CNNC_POW,
    .name = "pow",
    .functional = "pow(input, exponent)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
    .expr = expr,
};
