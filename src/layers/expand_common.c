/* expand_common.c — the size lists of expand and repeat, and the broadcast
 * geometry the two (and expand_as) run with. */
#include "layers/expand_common.h"

#include <string.h>

cnnc_status cnnc_expand_sizes_build(cnnc_layer *L, const cnnc_arg *vararg, const char *fn, const char *what,
                                    const cnnc_arg *call, cnnc_error *err) {
    cnnc_expand_params *p = &L->p.expand;
    memset(p, 0, sizeof *p);
    if (!vararg || vararg->n == 0)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, call, "TypeError", "%s() missing 1 required positional arguments: \"%s\"", fn,
                             what);
    /* x.expand((2, 3)) is x.expand(2, 3); the first item decides, and a tuple whose
     * first item is not an int is reported as the tuple */
    const cnnc_arg *list = vararg;
    if (vararg->n == 1 && (vararg->items[0].kind == CNNC_ARG_TUPLE || vararg->items[0].kind == CNNC_ARG_LIST))
        list = &vararg->items[0];
    if (list->n > 0 && list->items[0].kind != CNNC_ARG_INT)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, &list->items[0], "TypeError",
                             "%s(): argument '%s' (position 1) must be tuple of SymInts, not %s", fn, what,
                             cnnc_arg_type_name(list == vararg ? &list->items[0] : list));
    for (int32_t k = 1; k < list->n; k++)
        if (!cnnc_arg_is_int(&list->items[k]))   /* after the first, a bool counts as an int */
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, &list->items[k], "TypeError",
                                 "%s(): argument '%s' must be tuple of SymInts, but found element of type %s at pos %d", fn,
                                 what, cnnc_arg_type_name(&list->items[k]), (int)k + 1);
    if (list->n > CNNC_MAX_DIMS)
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, list, "NotImplementedError",
                             "cnnc tensors have at most %d dims; %s() was given %d %s", CNNC_MAX_DIMS, fn, (int)list->n, what);
    p->n = list->n;
    for (int32_t k = 0; k < list->n; k++) p->size[k] = list->items[k].i;
    return CNNC_OK;
}

cnnc_status cnnc_expand_resolve(const cnnc_expand_params *p, const cnnc_shape *const *in, int32_t n_in, int64_t *sizes,
                                cnnc_error *err) {
    for (int32_t k = 0; k < p->n; k++) {
        sizes[k] = p->size[k];
        if (!p->of_input[k]) continue;
        const int32_t j = p->of_input[k] - 1;
        if (j >= n_in || p->size[k] < 0 || p->size[k] >= in[j]->ndim)
            return cnnc_shape_unsupported(err, "size %d names dim %lld of input %d, which the node does not have", (int)k,
                                          (long long)p->size[k], (int)j);
        sizes[k] = in[j]->d[p->size[k]];
    }
    return CNNC_OK;
}

int cnnc_expand_geometry(const int64_t *out, const uint8_t *bcast, int32_t n, cnnc_reduce_geom *g) {
    memset(g, 0, sizeof *g);
    g->count = 1;
    for (int32_t k = 0; k < n; k++) {
        const int64_t size = out[k];
        const uint32_t b = bcast[k] ? 1u : 0u;
        if (b) g->count *= size;
        if (size == 1) continue;
        if (g->ndim > 0 && ((g->reduced >> (g->ndim - 1)) & 1u) == b) {
            g->size[g->ndim - 1] *= size;
            continue;
        }
        if (g->ndim == CNNC_MAX_DIMS) return 0;
        g->size[g->ndim] = size;
        g->reduced |= b << g->ndim;
        g->ndim++;
    }
    return 1;
}

void cnnc_expand_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
    (void)L;
    c->fwd_flops = 0.0;
    c->bwd_flops = has_din ? out : 0.0;
    c->fwd_bytes = 4.0 * (in + out);
    c->bwd_bytes = has_din ? 4.0 * (in + out) : 0.0;
}

void cnnc_expand_render_sizes(const cnnc_expand_params *p, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    for (int32_t k = 0; k < p->n; k++) {
        if (k) cnnc_sb_puts(sb, ", ");
        const int32_t j = p->of_input[k] - 1;
        if (!p->of_input[k]) cnnc_sb_printf(sb, "%lld", (long long)p->size[k]);
        else if (in && j < n_in) cnnc_sb_printf(sb, "%s.size(%lld)", in[j], (long long)p->size[k]);
        else cnnc_sb_printf(sb, "in%d.size(%lld)", (int)j, (long long)p->size[k]);
    }
}

static void format_list(char *buf, size_t cap, const int64_t *v, int32_t n) {
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, buf, cap);
    cnnc_render_dims(&sb, v, n);
}

cnnc_status cnnc_expand_to(const cnnc_shape *x, const int64_t *sizes, int32_t n, cnnc_layer_shape *ls, cnnc_error *err) {
    char target[24 * CNNC_MAX_DIMS], tensor[24 * CNNC_MAX_DIMS];
    format_list(target, sizeof target, sizes, n);
    format_list(tensor, sizeof tensor, x->d, x->ndim);
    if (n < x->ndim)
        return cnnc_shape_fail(err, "RuntimeError",
                               "expand(torch.FloatTensor{%s}, size=%s): the number of sizes provided (%d) must be greater or "
                               "equal to the number of dimensions in the tensor (%d)",
                               tensor, target, (int)n, (int)x->ndim);
    cnnc_shape out;
    memset(&out, 0, sizeof out);
    out.ndim = n;
    uint8_t bcast[CNNC_MAX_DIMS] = {0};
    /* from the last dim back, as PyTorch checks them; a 0-d tensor takes the sizes as given */
    for (int32_t i = n - 1; i >= 0; i--) {
        const int32_t dim = i - (n - x->ndim);
        int64_t size = dim >= 0 ? x->d[dim] : 1, want = sizes[i];
        if (x->ndim == 0) { out.d[i] = want; bcast[i] = 1; continue; }
        if (want == -1) {
            if (dim < 0)
                return cnnc_shape_fail(err, "RuntimeError",
                                       "The expanded size of the tensor (%lld) isn't allowed in a leading, non-existing "
                                       "dimension %d", (long long)want, (int)i);
            want = size;
        }
        if (size != want) {
            if (size != 1)
                return cnnc_shape_fail(err, "RuntimeError",
                                       "The expanded size of the tensor (%lld) must match the existing size (%lld) at "
                                       "non-singleton dimension %d.  Target sizes: %s.  Tensor sizes: %s",
                                       (long long)want, (long long)size, (int)i, target, tensor);
            bcast[i] = 1;
        }
        if (dim < 0) bcast[i] = 1;
        out.d[i] = want;
    }
    /* the new tensor's numel as c10 computes it: unsigned, overflow or beyond int64 refused */
    uint64_t numel = 1;
    int overflow = 0, negative = 0;
    for (int32_t i = 0; i < n; i++) {
        overflow |= __builtin_mul_overflow(numel, (uint64_t)out.d[i], &numel);
        negative |= out.d[i] < 0;
    }
    if (overflow || numel > (uint64_t)INT64_MAX)
        return cnnc_shape_fail(err, "RuntimeError", "numel: integer multiplication overflow");
    if (negative)   /* PyTorch makes an empty tensor with a negative size here */
        return cnnc_shape_unsupported(err, "cnnc cannot follow expand() to a negative size (%s)", target);
    ls->out = out;
    if (!cnnc_expand_geometry(out.d, bcast, n, &ls->g.expand))
        return cnnc_shape_unsupported(err, "cnnc cannot follow this expand(): its broadcast needs more than %d dims", CNNC_MAX_DIMS);
    return CNNC_OK;
}
