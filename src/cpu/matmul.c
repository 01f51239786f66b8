/* matmul.c — matmul, bmm, mm, mv and dot on the CPU: one cblas_sgemm per product of
 * the batch (row-major [M, K] x [K, N]); backward sums the products of an
 * operand that was broadcast along the batch into its one gradient. */
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

#include <string.h>

/* Element offsets of product t's operands. */
static void offsets(const cnnc_matmul_geom *g, int64_t t, int64_t *oa, int64_t *ob) {
    *oa = *ob = 0;
    for (int32_t k = g->nbatch - 1; k >= 0; k--) {
        const int64_t i = t % g->batch[k];
        t /= g->batch[k];
        *oa += i * g->sa[k];
        *ob += i * g->sb[k];
    }
}

static int64_t products(const cnnc_matmul_geom *g) {
    int64_t n = 1;
    for (int32_t k = 0; k < g->nbatch; k++) n *= g->batch[k];
    return n;
}

void matmul_forward_cpu(float *out, const float *a, const float *b, const cnnc_matmul_geom *g) {
    const int64_t T = products(g), M = g->M, K = g->K, N = g->N;
    for (int64_t t = 0; t < T; t++) {
        int64_t oa, ob;
        offsets(g, t, &oa, &ob);
        cpu_blas_sgemm_tt(0, 0, (int)M, (int)N, (int)K, a + oa, (int)K, b + ob, (int)N, 0, out + t * M * N, (int)N);
    }
}

void matmul_backward_cpu(float *da, float *db, const float *dout, const float *a, const float *b, const cnnc_matmul_geom *g) {
    const int64_t T = products(g), M = g->M, K = g->K, N = g->N;
    if (da) memset(da, 0, (size_t)g->na * sizeof *da);
    if (db) memset(db, 0, (size_t)g->nb * sizeof *db);
    for (int64_t t = 0; t < T; t++) {
        int64_t oa, ob;
        offsets(g, t, &oa, &ob);
        const float *d = dout + t * M * N;
        /* da[M, K] += dout[M, N] b[K, N]^T;  db[K, N] += a[M, K]^T dout[M, N] */
        if (da) cpu_blas_sgemm_tt(0, 1, (int)M, (int)K, (int)N, d, (int)N, b + ob, (int)N, 1, da + oa, (int)K);
        if (db) cpu_blas_sgemm_tt(1, 0, (int)K, (int)N, (int)M, a + oa, (int)K, d, (int)N, 1, db + ob, (int)N);
    }
}

/* ---- the engine's entries ---- */

static cnnc_status matmul_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    matmul_forward_cpu(r->out, r->in[0], r->in[1], &r->shape->g.matmul);
    return CNNC_OK;
}

static cnnc_status matmul_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    matmul_backward_cpu(r->din[0], r->din[1], r->dout, r->in[0], r->in[1], &r->shape->g.matmul);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_matmul = {NULL, NULL, matmul_fwd, matmul_bwd};
const cnnc_kernel cnnc_cpu_bmm = {NULL, NULL, matmul_fwd, matmul_bwd};
const cnnc_kernel cnnc_cpu_mm = {NULL, NULL, matmul_fwd, matmul_bwd};
const cnnc_kernel cnnc_cpu_mv = {NULL, NULL, matmul_fwd, matmul_bwd};
const cnnc_kernel cnnc_cpu_dot = {NULL, NULL, matmul_fwd, matmul_bwd};
