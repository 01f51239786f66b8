/* zeropad2d.c — nn.ZeroPad2d(padding): ConstantPad2d(padding, 0.0); the rules
 * live in pad2d_common.c. */
#include "layers/pad2d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    l->p.pad2d.mode = CNNC_PAD2D_CONSTANT;
    l->p.pad2d.value = 0.0;
    return cnnc_pad2d_padding_arg(a[0], 0, &l->p.pad2d, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_pad2d_shape(L, in[0], ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_pad2d_render_padding(&L->p.pad2d, "padding", sb); }

const cnnc_layer_def cnnc_layer_zeropad2d = {
    .kind = CNNC_ZEROPAD2D,
    .name = "ZeroPad2d",
    .qualname = "ZeroPad2d",
    .module = "padding",
    .signature = "padding",
    .functional = NULL,   /* F.pad has other parameter names: its own kind (pad.c) */
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .render = render,
};
