/* expand.c — Tensor.expand(*size): size-1 dims (and new leading ones) repeated
 * without copying in PyTorch, a gather here; -1 keeps a dim. A size may be
 * another input's dim (cnnc_expand_params), so y.expand(x.size(0), -1, h, w)
 * follows the batch; those inputs get no gradient. Backward sums over the
 * broadcast dims. */
#include "layers/expand_common.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_status st = cnnc_expand_sizes_build(L, a[0], "expand", "size", call, err);
    if (st) return st;
    if (a[1] && a[1]->kind != CNNC_ARG_BOOL)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[1], "TypeError", "expand(): argument 'implicit' must be bool, not %s",
                             cnnc_arg_type_name(a[1]));
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    int64_t sizes[CNNC_MAX_DIMS];
    (void)train;
    cnnc_status st = cnnc_expand_resolve(&L->p.expand, in, n_in, sizes, err);
    return st ? st : cnnc_expand_to(in[0], sizes, L->p.expand.n, ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_expand_render_sizes(&L->p.expand, NULL, 0, sb); }

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%s.expand(", in[0]);
    cnnc_expand_render_sizes(&L->p.expand, in, n_in, sb);
    cnnc_sb_puts(sb, ")");
}

const cnnc_layer_def cnnc_layer_expand = {
    .kind = CNNC_EXPAND,
    .name = "expand",
    .functional = "expand(input, *size, implicit=False)",
    .functional_in = CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_SIZES_FROM_INPUTS,
    .build = build,
    .shape = shape,
    .cost = cnnc_expand_cost,
    .render = render,
    .expr = expr,
};
