/* adaptive_pool2d_common.c — AdaptiveAvgPool2d and AdaptiveMaxPool2d's shared
 * rules (adaptive_pool2d_common.h). PyTorch's constructors store output_size
 * as given; F.adaptive_*_pool2d checks it against the input at forward, so the
 * shape rule does too. Type errors that do not depend on the input are raised
 * here, at the constructor (PyTorch raises them at the first forward). */
#include "layers/adaptive_pool2d_common.h"

#include <string.h>

cnnc_status cnnc_adaptive_build(cnnc_layer *l, const cnnc_arg *const *a, int is_max, cnnc_error *err) {
    cnnc_adaptive_pool2d_params *q = &l->p.adaptive;
    const char *fn = is_max ? "adaptive_max_pool2d" : "adaptive_avg_pool2d";
    const char *ints = is_max ? "ints" : "SymInts";  /* the argument parser's words differ */
    const cnnc_arg *v = a[0];
    memset(q, 0, sizeof *q);
    if (v->kind == CNNC_ARG_INT) {
        q->n = -1;
        q->size[0] = q->size[1] = v->i;
    } else if (v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST) {
        q->n = v->n;
        for (int32_t k = 0; k < v->n; k++) {
            const cnnc_arg *it = &v->items[k];
            int64_t s = CNNC_SIZE_KEEP;
            if (it->kind == CNNC_ARG_INT || (it->kind == CNNC_ARG_BOOL && k > 0)) s = it->i;
            else if (it->kind != CNNC_ARG_NONE) {
                /* the first item decides whether the list can be an int list at all */
                if (k == 0)
                    return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                                         "%s(): argument 'output_size' (position 2) must be tuple of %s, not list", fn, ints);
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                                     "%s(): argument 'output_size' must be tuple of %s, but found element of type %s at pos %d",
                                     fn, ints, cnnc_arg_type_name(it), (int)k + 1);
            }
            if (k < 2) q->size[k] = s;
        }
    } else if (v->kind == CNNC_ARG_BOOL) {
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument 'output_size' (position 2) must be tuple of %s, not bool",
                             fn, ints);
    } else if (v->kind == CNNC_ARG_STR) {  /* becomes a list of one-character strings */
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument 'output_size' (position 2) must be tuple of %s, not list",
                             fn, ints);
    } else {
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "object of type '%s' has no len()", cnnc_arg_type_name(v));
    }
    if (is_max && a[1] && cnnc_arg_truthy(a[1]))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[1], "NotImplementedError",
                             "cnnc does not support AdaptiveMaxPool2d(return_indices=True): its output is a tuple, which the "
                             "next layer cannot take");
    return CNNC_OK;
}

cnnc_status cnnc_adaptive_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls,
                                cnnc_error *err) {
    const cnnc_adaptive_pool2d_params *q = &L->p.adaptive;
    const int32_t nd = in->ndim;
    int64_t os[2] = {q->size[0], q->size[1]};
    if (q->n >= 0) {
        /* torch.nn.modules.utils._list_with_default: None takes the input's size */
        if (nd <= q->n) return cnnc_shape_fail(err, "ValueError", "Input dimension should be at least %d", (int)q->n + 1);
        for (int32_t k = 0; k < 2 && k < q->n; k++)
            if (os[k] == CNNC_SIZE_KEEP) os[k] = in->d[nd - q->n + k];
        if (q->n != 2)
            return is_max ? cnnc_shape_fail(err, "RuntimeError", "adaptive_max_pool2d(): internal error: output_size.size() must be 2")
                          : cnnc_shape_fail(err, "RuntimeError", "adaptive_avg_pool2d: output_size must be 2");
    }
    CNNC_FMT_SHAPE(s, in);
    int64_t planes = 1;
    if (!is_max) {
        if (os[0] < 0 || os[1] < 0)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but "
                                   "received {%lld, %lld}",
                                   (long long)os[0], (long long)os[1]);
        if (os[0] == 1 && os[1] == 1) {
            /* ATen computes this as input.mean({-1, -2}, keepdim=True): any rank >= 2, empty planes give NaN */
            if (nd < 2)
                return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [-1, 0], but got -2)");
        } else {
            if (nd != 3 && nd != 4)
                return cnnc_shape_fail(err, "RuntimeError", "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got %s", s);
            for (int32_t i = nd - 2; i < nd; i++)
                if (in->d[i] <= 0)
                    return cnnc_shape_fail(err, "RuntimeError",
                                           "adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch "
                                           "dimensions, but input has sizes %s with dimension %d being empty",
                                           s, (int)i);
        }
    } else {
        if (nd != 3 && nd != 4)
            return cnnc_shape_fail(err, "RuntimeError", "adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: %s", s);
        for (int32_t i = 1; i < nd; i++)
            if (in->d[i] <= 0)
                return cnnc_shape_fail(err, "RuntimeError",
                                       "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch "
                                       "dimensions, but input has sizes %s with dimension %d being empty",
                                       s, (int)i);
        /* a negative size is refused when the output is made: the shape pass says so in PyTorch's words */
    }
    for (int32_t i = 0; i < nd - 2; i++) planes *= in->d[i];
    ls->out = *in;
    ls->out.d[nd - 2] = os[0];
    ls->out.d[nd - 1] = os[1];
    cnnc_plane_geom *g = &ls->g.plane;
    g->planes = planes;
    g->H = in->d[nd - 2];
    g->W = in->d[nd - 1];
    g->OH = os[0];
    g->OW = os[1];
    ls->unbatched = nd == 3;
    return CNNC_OK;
}

void cnnc_adaptive_render(const cnnc_layer *L, int is_max, cnnc_strbuf *sb) {
    const cnnc_adaptive_pool2d_params *q = &L->p.adaptive;
    if (q->n < 0) {
        cnnc_sb_printf(sb, "%lld", (long long)q->size[0]);
    } else {
        cnnc_sb_puts(sb, "(");
        for (int32_t k = 0; k < q->n && k < 2; k++) {
            if (k) cnnc_sb_puts(sb, ", ");
            if (q->size[k] == CNNC_SIZE_KEEP) cnnc_sb_puts(sb, "None");
            else cnnc_sb_printf(sb, "%lld", (long long)q->size[k]);
        }
        if (q->n > 2) cnnc_sb_puts(sb, ", ...");
        cnnc_sb_puts(sb, q->n == 1 ? ",)" : ")");
    }
    (void)is_max;
}
