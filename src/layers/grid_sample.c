/* grid_sample.c — F.grid_sample(input, grid, mode, padding_mode, align_corners): input
 * [N, C, H, W] sampled at grid [N, Ho, Wo, 2] gives [N, C, Ho, Wo] (and the 5-d form).
 * torch.grid_sampler's checks in its order (batch, the grid's last size, non-empty
 * spatial dims, then the 2-d or 3-d form's rank and bicubic's); the mode and
 * padding_mode names are checked by F.grid_sample itself (src/py/torch_sampling.c).
 * Check only: the engines refuse it. */
#include "layers/layer_util.h"

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)train;
    if (n_in != 2) return cnnc_shape_fail(err, "RuntimeError", "grid_sample takes an input and a grid, but the node has %d inputs", (int)n_in);
    const cnnc_shape *x = in[0], *g = in[1];
    if (x->ndim < 3 || g->ndim < 1)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError", "cnnc follows grid_sample of a batched input and grid");
    CNNC_FMT_SHAPE(xs, x);
    CNNC_FMT_SHAPE(gs, g);
    if (x->d[0] != g->d[0])
        return cnnc_shape_fail(err, "RuntimeError",
                               "grid_sampler(): expected grid and input to have same batch size, but got input with sizes %s and "
                               "grid with sizes %s", xs, gs);
    if (g->d[g->ndim - 1] != x->ndim - 2)
        return cnnc_shape_fail(err, "RuntimeError", "grid_sampler(): expected grid to have size %d in last dimension, but got grid with sizes %s",
                               (int)x->ndim - 2, gs);
    for (int32_t k = 2; k < x->ndim; k++)
        if (x->d[k] <= 0)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes %s with "
                                   "dimension %d being empty", xs, (int)k);
    if (x->ndim == 4) {
        if (g->ndim != 4)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "grid_sampler(): expected 4D input and grid with same number of dimensions, but got input with "
                                   "sizes %s and grid with sizes %s", xs, gs);
    } else {
        if (x->ndim != 5 || g->ndim != 5)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "grid_sampler(): expected 5D input and grid with same number of dimensions, but got input with "
                                   "sizes %s and grid with sizes %s", xs, gs);
        if (L->p.grid_sample.mode == 2)
            return cnnc_shape_fail(err, "RuntimeError", "grid_sampler(): bicubic interpolation only supports 4D input");
    }
    cnnc_shape *o = &ls->out;
    o->ndim = x->ndim;
    o->d[0] = x->d[0];
    o->d[1] = x->d[1];
    for (int32_t k = 2; k < x->ndim; k++) o->d[k] = g->d[k - 1];
    return CNNC_OK;
}

static const char *const modes[] = {"bilinear", "nearest", "bicubic"};
static const char *const paddings[] = {"zeros", "border", "reflection"};

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const int m = L->p.grid_sample.mode, p = L->p.grid_sample.padding_mode;
    cnnc_sb_printf(sb, "mode='%s', padding_mode='%s', align_corners=%s", modes[m >= 0 && m < 3 ? m : 0],
                   paddings[p >= 0 && p < 3 ? p : 0], L->p.grid_sample.align_corners ? "True" : "False");
}

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    cnnc_sb_printf(sb, "F.grid_sample(%s, %s, ", in[0], in[1]);
    render(L, sb);
    cnnc_sb_puts(sb, ")");
}

const cnnc_layer_def cnnc_layer_grid_sample = {
    .kind = CNNC_GRID_SAMPLE,
    .name = "grid_sample",
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .shape = shape,
    .render = render,
    .expr = expr,
};
