/* linear.c — Linear layers. Forward is a row of dot products per sample
 * (N is small: 10 classes); the backward products are plain GEMMs split over
 * threads by output columns, so each element has one fixed summation order. */
#include <string.h>
#include <omp.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

/* Below this many multiply-adds one thread is faster than waking others. */
#define LINEAR_PARALLEL_MIN 200000

static float dot(const float *a, const float *b, int64_t n) {
    float s = 0.0f;
#pragma omp simd reduction(+ : s)
    for (int64_t i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

void linear_forward_cpu(float *out, const float *in, const float *weight, const float *bias,
                        int64_t M, int64_t K, int64_t N) {
    /* out[M,N] = in[M,K] * weight[N,K]^T (+ bias broadcast over rows) */
    const int T = M * N * K >= LINEAR_PARALLEL_MIN ? cpu_threads_for(M) : 1;
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t m = 0; m < M; m++) {
        const float *x = in + m * K;
        for (int64_t j = 0; j < N; j++) out[m * N + j] = dot(x, weight + j * K, K) + (bias ? bias[j] : 0.0f);
    }
}

/* C[M,N] = A * B (A(m,k) = A[m*rsa + k*csa], B row-major), threads over
 * column blocks of C (multiples of 32 columns, the GEMM kernel's width). */
static void gemm_split_columns(int64_t M, int64_t N, int64_t K, const float *A, int64_t rsa,
                               int64_t csa, const float *B, float *C) {
    const int64_t blocks = (N + 31) / 32;
    const int T = M * N * K >= LINEAR_PARALLEL_MIN ? cpu_threads_for(blocks) : 1;
    (void)cpu_gemm_uses_avx512(); /* probe outside the parallel region */
    const int old = cpu_gemm_uses_avx512() ? -1 : cpu_blas_threads_push(T > 1 ? 1 : cpu_get_threads());
#pragma omp parallel num_threads(T)
    {
        const int t = omp_get_thread_num(), nt = omp_get_num_threads();
        const int64_t b0 = blocks * t / nt, b1 = blocks * (t + 1) / nt;
        const int64_t n0 = b0 * 32, n1 = b1 * 32 < N ? b1 * 32 : N;
        if (n1 > n0) cpu_gemm(M, n1 - n0, K, A, rsa, csa, B + n0, N, C + n0, N, 0);
    }
    if (old >= 0) cpu_blas_threads_pop(old);
}

void linear_backward_cpu(float *din, float *dweight, float *dbias, const float *dout,
                         const float *in, const float *weight, int64_t M, int64_t K, int64_t N) {
    linear_backward_chunked_cpu(din, dweight, dbias, dout, in, weight, M, K, N, 1, NULL);
}

/* The weight and bias gradients of samples [m0, m1) into dw, db. */
static void linear_param_grads(float *dw, float *db, const float *dout, const float *in, int64_t m0, int64_t m1,
                               int64_t K, int64_t N) {
    if (dw) /* dw[N,K] = dout[m0:m1, N]^T * in[m0:m1, K] */
        gemm_split_columns(N, K, m1 - m0, dout + m0 * N, 1, N, in + m0 * K, dw);
    if (db) {
        for (int64_t j = 0; j < N; j++) db[j] = 0.0f;
        for (int64_t m = m0; m < m1; m++)
            for (int64_t j = 0; j < N; j++) db[j] += dout[m * N + j];
    }
}

void linear_backward_chunked_cpu(float *din, float *dweight, float *dbias, const float *dout, const float *in,
                                 const float *weight, int64_t M, int64_t K, int64_t N, int chunks, float *partial) {
    if (din) /* din[M,K] = dout[M,N] * weight[N,K] */
        gemm_split_columns(M, K, N, dout, N, 1, weight, din);
    if (chunks < 1 || !partial) chunks = 1;
    /* Chunk c: OpenMP's static split of M over `chunks` (the first M % chunks one more). */
    const int64_t q = M / chunks, extra = M % chunks;
    int64_t m0 = 0;
    for (int c = 0; c < chunks; c++) {
        const int64_t m1 = m0 + q + (c < extra ? 1 : 0);
        if (c == 0) {
            linear_param_grads(dweight, dbias, dout, in, m0, m1, K, N);
        } else {
            float *pw = dweight ? partial : NULL, *pb = dbias ? partial + N * K : NULL;
            linear_param_grads(pw, pb, dout, in, m0, m1, K, N);
            if (pw) add_inplace_cpu(dweight, pw, N * K);
            if (pb) add_inplace_cpu(dbias, pb, N);
        }
        m0 = m1;
    }
}

/* The chunks the engine sums the parameter gradients over: one per thread
 * that runs the batch, as the conv kernels do, so that T threads and T
 * single-thread data-parallel ranks (summed in rank order) give the same bits. */
static int linear_chunks(const cnnc_engine *e, int64_t M) {
    int64_t t = e->cfg.threads > 0 ? e->cfg.threads : cpu_get_threads();
    return (int)(t > M ? (M > 0 ? M : 1) : t);
}

/* ---- the engine's entry ---- */

static size_t linear_ws(const cnnc_engine *e, int32_t node, const cnnc_layer_shape *s) {
    const cnnc_linear_geom *g = &s->g.linear;
    (void)node;
    const size_t partial = linear_chunks(e, g->M) > 1 ? (size_t)(g->N * g->K + g->N) : 0;
    return (cpu_bf16_operand_floats(e, g->M * g->K, g->N * g->K, s->out_numel) + partial) * sizeof(float);
}

static cnnc_status linear_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    const cnnc_linear_geom *g = &r->shape->g.linear;
    (void)train; (void)err;
    const cpu_gemm_operands o =
        cpu_gemm_operands_of(e, r->in[0], g->M * g->K, r->weight, g->N * g->K, NULL, 0, cpu_workspace(e));
    linear_forward_cpu(r->out, o.in, o.weight, r->bias, g->M, g->K, g->N);
    return CNNC_OK;
}

static cnnc_status linear_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    const cnnc_linear_geom *g = &r->shape->g.linear;
    (void)err;
    const cpu_gemm_operands o = cpu_gemm_operands_of(e, r->in[0], g->M * g->K, r->weight, g->N * g->K, r->dout,
                                                     r->shape->out_numel, cpu_workspace(e));
    const int chunks = linear_chunks(e, g->M);
    linear_backward_chunked_cpu(r->din[0], r->dweight, e->cfg.bf16 ? NULL : r->dbias, o.dout, o.in, o.weight, g->M,
                                g->K, g->N, chunks, o.rest);
    if (e->cfg.bf16 && r->dbias)
        linear_backward_chunked_cpu(NULL, NULL, r->dbias, r->dout, r->in[0], r->weight, g->M, g->K, g->N, chunks,
                                    o.rest);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_linear = {NULL, linear_ws, linear_fwd, linear_bwd};
