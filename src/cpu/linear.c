/* linear.c — Linear layers. Forward is a row of dot products per sample
 * (N is small: 10 classes); the backward products are plain GEMMs split over
 * threads by output columns, so each element has one fixed summation order. */
#include <string.h>
#include <omp.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

/* Below this many multiply-adds one thread is faster than waking others. */
#define LINEAR_PARALLEL_MIN 200000
/* Rows of a weight-gradient tile (its columns: 32, the GEMM kernel's width). */
#define LINEAR_TILE_ROWS 64

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

/* Chunk c of M samples: OpenMP's static split over `chunks` (the first M % chunks one more). */
static void chunk_range(int64_t M, int chunks, int c, int64_t *m0, int64_t *m1) {
    const int64_t q = M / chunks, extra = M % chunks;
    *m0 = c * q + (c < extra ? c : extra);
    *m1 = *m0 + q + (c < extra ? 1 : 0);
}

/* dweight[N,K] = sum over chunks, in order, of dout[chunk, N]^T * in[chunk, K],
 * each chunk's product from zero, tile by tile (at most LINEAR_TILE_ROWS x 32,
 * the GEMM kernel's width), threads over tiles. A tile's chunk products are the
 * same calls whatever else runs, so the sum is the same bits as data-parallel
 * ranks' gradients (one chunk each) added in rank order. */
static void linear_dweight_chunked(float *dweight, const float *dout, const float *in, int64_t M, int64_t K,
                                   int64_t N, int chunks, float *scratch) {
    const int64_t col_tiles = (K + 31) / 32, row_tiles = (N + LINEAR_TILE_ROWS - 1) / LINEAR_TILE_ROWS;
    const int64_t tiles = col_tiles * row_tiles;
    const int T = M * N * K >= LINEAR_PARALLEL_MIN ? cpu_threads_for(tiles) : 1;
    (void)cpu_gemm_uses_avx512(); /* probe outside the parallel region */
    const int old = cpu_gemm_uses_avx512() ? -1 : cpu_blas_threads_push(T > 1 ? 1 : cpu_get_threads());
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t t = 0; t < tiles; t++) {
        float *tmp = scratch ? scratch + (size_t)omp_get_thread_num() * LINEAR_TILE_ROWS * 32 : NULL;
        const int64_t r0 = (t / col_tiles) * LINEAR_TILE_ROWS, k0 = (t % col_tiles) * 32;
        const int64_t rows = N - r0 < LINEAR_TILE_ROWS ? N - r0 : LINEAR_TILE_ROWS, cols = K - k0 < 32 ? K - k0 : 32;
        float *dst = dweight + r0 * K + k0;
        for (int c = 0; c < chunks; c++) {
            int64_t m0, m1;
            chunk_range(M, chunks, c, &m0, &m1);
            /* A(r, m) = dout[m * N + r]: the tile's rows of dout^T over the chunk */
            if (c == 0) {
                cpu_gemm(rows, cols, m1 - m0, dout + m0 * N + r0, 1, N, in + m0 * K + k0, K, dst, K, 0);
            } else {
                cpu_gemm(rows, cols, m1 - m0, dout + m0 * N + r0, 1, N, in + m0 * K + k0, K, tmp, 32, 0);
                for (int64_t r = 0; r < rows; r++)
                    for (int64_t k = 0; k < cols; k++) dst[r * K + k] += tmp[r * 32 + k];
            }
        }
    }
    if (old >= 0) cpu_blas_threads_pop(old);
}

void linear_backward_chunked_cpu(float *din, float *dweight, float *dbias, const float *dout, const float *in,
                                 const float *weight, int64_t M, int64_t K, int64_t N, int chunks, float *scratch) {
    if (din) /* din[M,K] = dout[M,N] * weight[N,K] */
        gemm_split_columns(M, K, N, dout, N, 1, weight, din);
    if (chunks < 1 || !scratch) chunks = 1;
    if (dweight) linear_dweight_chunked(dweight, dout, in, M, K, N, chunks, scratch);
    if (dbias) {
        /* each chunk's sum from zero, added in chunk order */
        for (int64_t j = 0; j < N; j++) dbias[j] = 0.0f;
        for (int c = 0; c < chunks; c++) {
            int64_t m0, m1;
            chunk_range(M, chunks, c, &m0, &m1);
            for (int64_t j = 0; j < N; j++) {
                float s = 0.0f;
                for (int64_t m = m0; m < m1; m++) s += dout[m * N + j];
                dbias[j] = c == 0 ? s : dbias[j] + s;
            }
        }
    }
}

/* The chunks the engine sums the parameter gradients over: one per thread
 * that runs the batch, as the conv kernels do, so that T threads and T
 * single-thread data-parallel ranks (summed in rank order) give the same bits. */
static int linear_chunks(const cnnc_engine *e, int64_t M) {
    int64_t t = e->cfg.threads > 0 ? e->cfg.threads : cpu_get_threads();
    return (int)(t > M ? (M > 0 ? M : 1) : t);
}

/* Scratch floats for linear_backward_chunked_cpu: one tile per thread. */
static size_t linear_scratch_floats(const cnnc_engine *e) {
    int64_t t = e->cfg.threads > 0 ? e->cfg.threads : cpu_get_threads();
    return (size_t)t * LINEAR_TILE_ROWS * 32;
}

/* ---- the engine's entry ---- */

static size_t linear_ws(const cnnc_engine *e, int32_t node, const cnnc_layer_shape *s) {
    const cnnc_linear_geom *g = &s->g.linear;
    (void)node;
    return (cpu_bf16_operand_floats(e, g->M * g->K, g->N * g->K, s->out_numel) + linear_scratch_floats(e)) *
           sizeof(float);
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

static const char *linear_unsupported(const struct cnnc_engine *e, int32_t node) {
    return cnnc_tensor_weight_unsupported(&e->model->layers[node]);
}

const cnnc_kernel cnnc_cpu_linear = {linear_unsupported, linear_ws, linear_fwd, linear_bwd};
