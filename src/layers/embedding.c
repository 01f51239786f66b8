/* embedding.c — nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, ...): its
 * constructor's checks and weight [num, dim]; the output is the indices' shape plus dim.
 * Indices are integers, which a float input is not: the front end raises F.embedding's
 * dtype error there (src/py/nn_layers.c). Check only: the engines refuse it. */
#include "layers/layer_util.h"

#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    memset(&l->p.embedding, 0, sizeof l->p.embedding);
    l->p.embedding.padding_idx = -1;
    cnnc_status st;
    /* padding_idx is checked against num_embeddings before the weight is made */
    if (a[2] && a[2]->kind != CNNC_ARG_NONE) {
        if (!cnnc_arg_is_int(a[2]) || !cnnc_arg_is_int(a[0]))
            return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[2], "NotImplementedError", "cnnc follows an int padding_idx");
        const int64_t p = a[2]->i, num = a[0]->i;
        if ((p > 0 && p >= num) || (p < 0 && p < -num))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[2], "AssertionError", "Padding_idx must be within num_embeddings");
        l->p.embedding.padding_idx = p < 0 ? num + p : p;
    }
    if (a[7] && a[7]->kind != CNNC_ARG_NONE)
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[7], "NotImplementedError", "cnnc does not follow Embedding(_weight=...)");
    if ((st = cnnc_size_arg(a[0], 1, &l->p.embedding.num, err))) return st;
    if ((st = cnnc_size_arg(a[1], 2, &l->p.embedding.dim, err))) return st;
    int64_t dims[2] = {l->p.embedding.num, l->p.embedding.dim};
    if ((st = cnnc_negative_dim(l->p.embedding.num < 0 ? a[0] : a[1], dims, 2, err))) return st;
    return cnnc_device_dtype_args(a[8], a[9], err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    /* init.normal_: cnnc only checks this kind, so a unit uniform stands in for it */
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 2, {l->p.embedding.num, l->p.embedding.dim}, CNNC_INIT_UNIFORM, 1.0f};
    return 1;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    if (ins[0]->ndim >= CNNC_MAX_DIMS) return cnnc_shape_unsupported(err, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
    ls->out = *ins[0];
    ls->out.d[ls->out.ndim++] = L->p.embedding.dim;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%lld, %lld", (long long)L->p.embedding.num, (long long)L->p.embedding.dim);
    if (L->p.embedding.padding_idx >= 0) cnnc_sb_printf(sb, ", padding_idx=%lld", (long long)L->p.embedding.padding_idx);
}

const cnnc_layer_def cnnc_layer_embedding = {
    .kind = CNNC_EMBEDDING,
    .name = "Embedding",
    .qualname = "Embedding",
    .module = "sparse",
    .signature = "num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, "
                 "sparse=False, _weight=None, device=None, dtype=None",
    .functional = NULL,
    .flags = 0,
    .build = build,
    .params = params,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
};
