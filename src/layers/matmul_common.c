/* matmul_common.c — torch.matmul, torch.bmm, torch.mm, torch.mv and torch.dot: the output shape
 * with PyTorch 1.13's checks and words, path by path as at::matmul takes them
 * (dot, mv, mm, the folds of [..., M, K] x [K, N] and of [M, K] x [..., K, N]
 * (through b.mT, hence its words), and the batched product over
 * broadcast batch dims), and one geometry for all: a batch of [M, K] x [K, N]
 * products whose operands may be broadcast along the batch. */
#include "layers/matmul_common.h"

#include <string.h>

cnnc_status cnnc_matmul_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)L; (void)a; (void)call; (void)err;
    return CNNC_OK;
}

static const char *fn_name(const cnnc_layer *L) {
    return L->kind == CNNC_BMM ? "bmm" : L->kind == CNNC_MM ? "mm" : L->kind == CNNC_MV ? "mv" : L->kind == CNNC_DOT ? "dot" : "matmul";
}

/* Row-major strides of the batch dims of a [batch..., rows, cols] operand, right-aligned on nb out
 * dims, 0 where the operand lacks the dim or has size 1 (broadcast). */
static void batch_strides(const int64_t *dims, int32_t nd, int64_t matrix, int32_t nb, const int64_t *out, int64_t *s) {
    int64_t stride = matrix;
    for (int32_t k = nb - 1, j = nd - 1; k >= 0; k--, j--) {
        if (j < 0 || dims[j] == 1 || out[k] == 1) { s[k] = 0; if (j >= 0) stride *= dims[j]; continue; }
        s[k] = stride;
        stride *= dims[j];
    }
}

/* The geometry of a product over batch dims `bo` (nb of them) of operands whose own
 * batch dims are ba (na) and bb (nbb), and out = bo + [M] + [N] (1-d operands drop theirs). */
static void set_geom(cnnc_matmul_geom *g, const int64_t *bo, int32_t nb, const int64_t *ba, int32_t na,
                     const int64_t *bb, int32_t nbb, int64_t M, int64_t K, int64_t N) {
    memset(g, 0, sizeof *g);
    g->nbatch = nb;
    for (int32_t k = 0; k < nb; k++) g->batch[k] = bo[k];
    batch_strides(ba, na, M * K, nb, bo, g->sa);
    batch_strides(bb, nbb, K * N, nb, bo, g->sb);
    g->M = M;
    g->K = K;
    g->N = N;
}

static cnnc_status mm_mismatch(cnnc_error *err, int64_t m, int64_t k, int64_t k2, int64_t n) {
    return cnnc_shape_fail(err, "RuntimeError", "mat1 and mat2 shapes cannot be multiplied (%lldx%lld and %lldx%lld)",
                           (long long)m, (long long)k, (long long)k2, (long long)n);
}

static cnnc_status bmm_mismatch(cnnc_error *err, int64_t b, int64_t k, int64_t b2, int64_t k2) {
    return cnnc_shape_fail(err, "RuntimeError",
                           "Expected size for first two dimensions of batch2 tensor to be: [%lld, %lld] but got: [%lld, %lld].",
                           (long long)b, (long long)k, (long long)b2, (long long)k2);
}

static cnnc_status bmm_shape(const cnnc_shape *a, const cnnc_shape *b, cnnc_layer_shape *ls, cnnc_error *err) {
    if (a->ndim != 3) return cnnc_shape_fail(err, "RuntimeError", "batch1 must be a 3D tensor");
    if (b->ndim != 3) return cnnc_shape_fail(err, "RuntimeError", "batch2 must be a 3D tensor");
    if (b->d[0] != a->d[0] || b->d[1] != a->d[2]) return bmm_mismatch(err, a->d[0], a->d[2], b->d[0], b->d[1]);
    ls->out.ndim = 3;
    ls->out.d[0] = a->d[0];
    ls->out.d[1] = a->d[1];
    ls->out.d[2] = b->d[2];
    set_geom(&ls->g.matmul, a->d, 1, a->d, 1, b->d, 1, a->d[1], a->d[2], b->d[2]);
    return CNNC_OK;
}

static cnnc_status mm_shape(const cnnc_shape *a, const cnnc_shape *b, cnnc_layer_shape *ls, cnnc_error *err) {
    if (a->ndim != 2) return cnnc_shape_fail(err, "RuntimeError", "self must be a matrix");
    if (b->ndim != 2) return cnnc_shape_fail(err, "RuntimeError", "mat2 must be a matrix");
    if (a->d[1] != b->d[0]) return mm_mismatch(err, a->d[0], a->d[1], b->d[0], b->d[1]);
    ls->out.ndim = 2;
    ls->out.d[0] = a->d[0];
    ls->out.d[1] = b->d[1];
    set_geom(&ls->g.matmul, NULL, 0, NULL, 0, NULL, 0, a->d[0], a->d[1], b->d[1]);
    return CNNC_OK;
}

/* torch.mv: a matrix times a vector (addmv's checks: ranks first, then sizes). */
static cnnc_status mv_shape(const cnnc_shape *a, const cnnc_shape *b, cnnc_layer_shape *ls, cnnc_error *err) {
    if (a->ndim != 2 || b->ndim != 1)
        return cnnc_shape_fail(err, "RuntimeError", "vector + matrix @ vector expected, got 1, %d, %d", (int)a->ndim, (int)b->ndim);
    if (a->d[1] != b->d[0])
        return cnnc_shape_fail(err, "RuntimeError", "size mismatch, got %lld, %lldx%lld,%lld", (long long)a->d[0],
                               (long long)a->d[0], (long long)a->d[1], (long long)b->d[0]);
    ls->out.ndim = 1;
    ls->out.d[0] = a->d[0];
    set_geom(&ls->g.matmul, NULL, 0, NULL, 0, NULL, 0, a->d[0], a->d[1], 1);
    return CNNC_OK;
}

/* torch.dot: two vectors of one length, a 0-d result. */
static cnnc_status dot_shape(const cnnc_shape *a, const cnnc_shape *b, cnnc_layer_shape *ls, cnnc_error *err) {
    if (a->ndim != 1 || b->ndim != 1)
        return cnnc_shape_fail(err, "RuntimeError", "1D tensors expected, but got %dD and %dD tensors", (int)a->ndim, (int)b->ndim);
    if (a->d[0] != b->d[0])
        return cnnc_shape_fail(err, "RuntimeError",
                               "inconsistent tensor size, expected tensor [%lld] and src [%lld] to have the same number of "
                               "elements, but got %lld and %lld elements respectively",
                               (long long)a->d[0], (long long)b->d[0], (long long)a->d[0], (long long)b->d[0]);
    ls->out.ndim = 0;
    set_geom(&ls->g.matmul, NULL, 0, NULL, 0, NULL, 0, 1, a->d[0], 1);
    return CNNC_OK;
}

static cnnc_status matmul_shape(const cnnc_shape *a, const cnnc_shape *b, cnnc_layer_shape *ls, cnnc_error *err) {
    const int32_t da = a->ndim, db = b->ndim;
    cnnc_shape *o = &ls->out;
    if (da == 0 || db == 0)
        return cnnc_shape_fail(err, "RuntimeError", "both arguments to matmul need to be at least 1D, but they are %dD and %dD",
                               (int)da, (int)db);
    if (da == 1 && db == 1) {   /* dot */
        if (a->d[0] != b->d[0])
            return cnnc_shape_fail(err, "RuntimeError",
                                   "inconsistent tensor size, expected tensor [%lld] and src [%lld] to have the same number of "
                                   "elements, but got %lld and %lld elements respectively",
                                   (long long)a->d[0], (long long)b->d[0], (long long)a->d[0], (long long)b->d[0]);
        o->ndim = 0;
        set_geom(&ls->g.matmul, NULL, 0, NULL, 0, NULL, 0, 1, a->d[0], 1);
        return CNNC_OK;
    }
    if (db <= 2 && (da == 2 || (da >= 3))) {
        /* mv / mm, or the fold of [..., M, K] into [(...) * M, K] */
        int64_t rows = 1;
        for (int32_t k = 0; k < da - 1; k++) rows *= a->d[k];
        const int64_t K = a->d[da - 1];
        if (db == 1) {
            if (b->d[0] != K)
                return cnnc_shape_fail(err, "RuntimeError", "size mismatch, got %lld, %lldx%lld,%lld", (long long)rows,
                                       (long long)rows, (long long)K, (long long)b->d[0]);
        } else if (b->d[0] != K) {
            return mm_mismatch(err, rows, K, b->d[0], b->d[1]);
        }
        o->ndim = 0;
        for (int32_t k = 0; k < da - 1; k++) o->d[o->ndim++] = a->d[k];
        if (db == 2) o->d[o->ndim++] = b->d[1];
        set_geom(&ls->g.matmul, NULL, 0, NULL, 0, NULL, 0, rows, K, db == 2 ? b->d[1] : 1);
        return CNNC_OK;
    }
    if (db >= 3 && da <= 2) {
        /* the fold of b: b.mT [..., N, K2] into [(...) * N, K2], times a.t() (or a) */
        const int64_t K2 = b->d[db - 2], N = b->d[db - 1], K = a->d[da - 1];
        int64_t rows = N;
        for (int32_t k = 0; k < db - 2; k++) rows *= b->d[k];
        if (K2 != K) {
            if (da == 1)
                return cnnc_shape_fail(err, "RuntimeError", "size mismatch, got %lld, %lldx%lld,%lld", (long long)rows,
                                       (long long)rows, (long long)K2, (long long)K);
            return mm_mismatch(err, rows, K2, K, a->d[0]);
        }
        o->ndim = 0;
        for (int32_t k = 0; k < db - 2; k++) o->d[o->ndim++] = b->d[k];
        if (da == 2) o->d[o->ndim++] = a->d[0];
        o->d[o->ndim++] = N;
        set_geom(&ls->g.matmul, b->d, db - 2, NULL, 0, b->d, db - 2, da == 2 ? a->d[0] : 1, K, N);
        return CNNC_OK;
    }
    if (da == 1 && db == 2) {   /* unsqueeze(0).mm(b).squeeze_(0) */
        if (b->d[0] != a->d[0]) return mm_mismatch(err, 1, a->d[0], b->d[0], b->d[1]);
        o->ndim = 1;
        o->d[0] = b->d[1];
        set_geom(&ls->g.matmul, NULL, 0, NULL, 0, NULL, 0, 1, a->d[0], b->d[1]);
        return CNNC_OK;
    }
    /* batched: the batch dims broadcast (infer_size's message), then bmm over their product */
    const int64_t M = da >= 2 ? a->d[da - 2] : 1, K = a->d[da - 1];
    const int64_t K2 = db >= 2 ? b->d[db - 2] : b->d[0], N = db >= 2 ? b->d[db - 1] : 1;
    const int32_t na = da >= 2 ? da - 2 : 0, nbb = db >= 2 ? db - 2 : 0;
    const int32_t nb = na > nbb ? na : nbb;
    int64_t bo[CNNC_MAX_DIMS];
    for (int32_t i = nb - 1; i >= 0; i--) {
        const int32_t off = nb - 1 - i, ia = na - 1 - off, ib = nbb - 1 - off;
        const int64_t sa = ia >= 0 ? a->d[ia] : 1, sb = ib >= 0 ? b->d[ib] : 1;
        if (sa != sb && sa != 1 && sb != 1)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "The size of tensor a (%lld) must match the size of tensor b (%lld) at non-singleton dimension %d",
                                   (long long)sa, (long long)sb, (int)i);
        bo[i] = sa == 1 ? sb : sa;
    }
    int64_t B = 1;
    for (int32_t i = 0; i < nb; i++) B *= bo[i];
    if (K2 != K) return bmm_mismatch(err, B, K, B, K2);
    if (nb + 2 > CNNC_MAX_DIMS) return cnnc_shape_unsupported(err, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
    o->ndim = 0;
    for (int32_t i = 0; i < nb; i++) o->d[o->ndim++] = bo[i];
    if (da >= 2) o->d[o->ndim++] = M;
    if (db >= 2) o->d[o->ndim++] = N;
    set_geom(&ls->g.matmul, bo, nb, a->d, na, b->d, nbb, M, K, N);
    return CNNC_OK;
}

cnnc_status cnnc_matmul_shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train,
                              cnnc_layer_shape *ls, cnnc_error *err) {
    (void)train;
    if (n_in != 2)
        return cnnc_shape_fail(err, "RuntimeError", "%s() takes two tensors, but the node has %d inputs", fn_name(L), (int)n_in);
    cnnc_status st = L->kind == CNNC_BMM ? bmm_shape(in[0], in[1], ls, err)
                   : L->kind == CNNC_MM  ? mm_shape(in[0], in[1], ls, err)
                   : L->kind == CNNC_MV  ? mv_shape(in[0], in[1], ls, err)
                   : L->kind == CNNC_DOT ? dot_shape(in[0], in[1], ls, err)
                                         : matmul_shape(in[0], in[1], ls, err);
    if (st != CNNC_OK) return st;
    ls->g.matmul.na = cnnc_shape_numel(in[0]);
    ls->g.matmul.nb = cnnc_shape_numel(in[1]);
    return CNNC_OK;
}

void cnnc_matmul_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const cnnc_matmul_geom *g = &s->g.matmul;
    (void)L;
    double B = 1.0;
    for (int32_t k = 0; k < g->nbatch; k++) B *= (double)g->batch[k];
    const double macs = B * (double)g->M * (double)g->K * (double)g->N;
    c->fwd_flops = 2.0 * macs;
    c->bwd_flops = has_din ? 4.0 * macs : 0.0;
    c->fwd_bytes = 4.0 * B * ((double)g->M * g->K + (double)g->K * g->N + (double)g->M * g->N);
    c->bwd_bytes = has_din ? 2.0 * c->fwd_bytes : 0.0;
}

void cnnc_matmul_render(const cnnc_layer *L, cnnc_strbuf *sb) { (void)L; (void)sb; }

void cnnc_matmul_expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    cnnc_sb_printf(sb, "torch.%s(%s, %s)", fn_name(L), in[0], in[1]);
}
