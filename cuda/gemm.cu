/* gemm.cu — the cuBLAS half of the backend: convolution as im2col + SGEMM
 * (Caffe's scheme, chunked over the batch so scratch stays bounded) and
 * Linear. Everything is row-major NCHW; cuBLAS is column-major, so each GEMM
 * below computes the transposed product (C^T = B^T A^T) — the comment over
 * each call states the row-major product it performs. */
#include "backend_cuda.h"
#include "cuda_check.h"
#include "cuda_kernels.h"

/* Floats of im2col output per sample: [C*KH*KW][OH*OW]. */
static int64_t col_floats_per_sample(const cnnc_conv_geom *g) {
    return g->C * g->KH * g->KW * g->OH * g->OW;
}

int64_t cnnc_gemm_conv_chunk(const cnnc_conv_geom *g_max) {
    int64_t per = col_floats_per_sample(g_max) * (int64_t)sizeof(float);
    int64_t chunk = per > 0 ? (int64_t)CNNC_GEMM_COL_CAP_BYTES / per : g_max->N;
    if (chunk < 1) chunk = 1;
    if (chunk > g_max->N) chunk = g_max->N;
    return chunk;
}

/* Floats of one sample's output gradient: [OC][OH*OW]. */
static int64_t dout_floats_per_sample(const cnnc_conv_geom *g) { return g->OC * g->OH * g->OW; }

/* Scratch per chunk: the columns, then the chunk's output gradient with its
 * channels outermost (the weight gradient's single GEMM reads both). */
size_t cnnc_gemm_conv_workspace_bytes(const cnnc_conv_geom *g_max) {
    return (size_t)cnnc_gemm_conv_chunk(g_max) *
           (size_t)(col_floats_per_sample(g_max) + dout_floats_per_sample(g_max)) * sizeof(float);
}

int64_t cnnc_gemm_conv_chunk_in(const cnnc_conv_geom *g, size_t ws_bytes) {
    const size_t per = (size_t)(col_floats_per_sample(g) + dout_floats_per_sample(g)) * sizeof(float);
    int64_t chunk = per > 0 ? (int64_t)(ws_bytes / per) : g->N;
    if (chunk > g->N) chunk = g->N;
    return chunk;
}

/* cuBLAS takes int sizes; the shape pass keeps single tensors far below 2^31
 * elements per GEMM operand for any model we run, but check rather than wrap. */
static cnnc_status check_int(int64_t v, const char *what, cnnc_error *err) {
    if (v < 0 || v > INT32_MAX)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "cuBLAS GEMM dimension %s = %lld does not fit in int", what, (long long)v);
    return CNNC_OK;
}

/* The two GEMM shapes used below, row-major products as stated at each call.
 * fp32/tf32: cublasSgemm*, under the handle's math mode. bf16: the same
 * product with both operands rounded to bf16 and fp32 accumulation and
 * output (CUBLAS_COMPUTE_32F_FAST_16BF); the CPU backend rounds the same
 * operands, so it stays the reference. */
static cublasStatus_t gemm_batched(cublasHandle_t h, int bf16, cublasOperation_t ta, cublasOperation_t tb, int m,
                                   int n, int k, const float *A, int lda, long long sa, const float *B, int ldb,
                                   long long sb, float *C, int ldc, long long sc, int batch) {
    const float one = 1.0f, zero = 0.0f;
    if (!bf16) return cublasSgemmStridedBatched(h, ta, tb, m, n, k, &one, A, lda, sa, B, ldb, sb, &zero, C, ldc, sc, batch);
    return cublasGemmStridedBatchedEx(h, ta, tb, m, n, k, &one, A, CUDA_R_32F, lda, sa, B, CUDA_R_32F, ldb, sb, &zero,
                                      C, CUDA_R_32F, ldc, sc, batch, CUBLAS_COMPUTE_32F_FAST_16BF, CUBLAS_GEMM_DEFAULT);
}

/* C = op(A) op(B) + beta * C (beta 0 or 1: accumulate across chunks). */
static cublasStatus_t gemm_one(cublasHandle_t h, int bf16, cublasOperation_t ta, cublasOperation_t tb, int m, int n,
                               int k, const float *A, int lda, const float *B, int ldb, float beta, float *C, int ldc) {
    const float one = 1.0f;
    if (!bf16) return cublasSgemm(h, ta, tb, m, n, k, &one, A, lda, B, ldb, &beta, C, ldc);
    return cublasGemmEx(h, ta, tb, m, n, k, &one, A, CUDA_R_32F, lda, B, CUDA_R_32F, ldb, &beta, C, CUDA_R_32F, ldc,
                        CUBLAS_COMPUTE_32F_FAST_16BF, CUBLAS_GEMM_DEFAULT);
}

cnnc_status cnnc_gemm_conv_forward(cublasHandle_t h, cudaStream_t stream, int bf16, float *out, const float *in,
                                   const float *weight, const float *bias, const cnnc_conv_geom *g,
                                   int64_t chunk, float *col, cnnc_error *err) {
    const int64_t G = g->groups, OCg = g->OC / G, Cg = g->C / G;
    const int64_t Kc = Cg * g->KH * g->KW;          /* rows of one group's column block */
    const int64_t P = g->OH * g->OW;                /* output pixels per plane */
    const int64_t col_per = col_floats_per_sample(g);
    const int64_t in_per = g->C * g->H * g->W, out_per = g->OC * P;
    cnnc_status st;
    if ((st = check_int(P, "OH*OW", err)) || (st = check_int(Kc, "C/groups*KH*KW", err)) ||
        (st = check_int(col_per, "im2col stride", err)) || (st = check_int(out_per, "output stride", err)))
        return st;
    for (int64_t s0 = 0; s0 < g->N; s0 += chunk) {
        const int64_t ns = g->N - s0 < chunk ? g->N - s0 : chunk;
        if ((st = im2col_cuda(col, in + s0 * in_per, ns, g, stream, err))) return st;
        for (int64_t k = 0; k < G; k++) {
            /* out_s[k*OCg.., P] = W_k[OCg, Kc] x col_s[k*Kc.., P] for each sample s of the chunk. */
            CNNC_CUBLAS_CHECK(gemm_batched(
                h, bf16, CUBLAS_OP_N, CUBLAS_OP_N, (int)P, (int)OCg, (int)Kc,
                col + k * Kc * P, (int)P, (long long)col_per,
                weight + k * OCg * Kc, (int)Kc, 0LL,
                out + s0 * out_per + k * OCg * P, (int)P, (long long)out_per, (int)ns));
        }
    }
    if (bias) return bias_act_forward_cuda(out, bias, g->N, g->OC, P, 0, stream, err);
    return CNNC_OK;
}

cnnc_status cnnc_gemm_conv_backward(cublasHandle_t h, cudaStream_t stream, int bf16, float *din, float *dweight,
                                    float *dbias, const float *dout, const float *in, const float *weight,
                                    const cnnc_conv_geom *g, int64_t chunk, float *col, cnnc_error *err) {
    const int64_t G = g->groups, OCg = g->OC / G, Cg = g->C / G;
    const int64_t Kc = Cg * g->KH * g->KW;
    const int64_t P = g->OH * g->OW;
    const int64_t col_per = col_floats_per_sample(g);
    const int64_t in_per = g->C * g->H * g->W, out_per = g->OC * P;
    cnnc_status st;
    if ((st = check_int(P, "OH*OW", err)) || (st = check_int(Kc, "C/groups*KH*KW", err)) ||
        (st = check_int(col_per, "im2col stride", err)) || (st = check_int(out_per, "output stride", err)) ||
        (st = check_int(chunk * P, "chunk*OH*OW", err)))
        return st;
    if (dbias && (st = bias_backward_cuda(dbias, dout, g->N, g->OC, P, stream, err))) return st;
    for (int64_t s0 = 0; s0 < g->N; s0 += chunk) {
        const int64_t ns = g->N - s0 < chunk ? g->N - s0 : chunk;
        if (dweight) {
            /* One GEMM per group for the whole chunk, K = ns*P: the columns of every
             * sample side by side (k-major) against the output gradient with its
             * channels outermost. A batched GEMM per sample (K = P) was slow at small
             * P, and its per-sample partials needed a reduction of their own.
             * dW_k[OCg, Kc] (+)= doutT_k[OCg, ns*P] x colT_k[Kc, ns*P]^T, accumulating
             * across chunks in chunk order (deterministic). */
            const int64_t L = ns * P;
            float *doutT = col + ns * col_per;
            if ((st = im2col_kmajor_cuda(col, in + s0 * in_per, ns, g, stream, err)) ||
                (st = channels_outer_cuda(doutT, dout + s0 * out_per, ns, g->OC, P, stream, err)))
                return st;
            for (int64_t k = 0; k < G; k++) {
                CNNC_CUBLAS_CHECK(gemm_one(h, bf16, CUBLAS_OP_T, CUBLAS_OP_N, (int)Kc, (int)OCg, (int)L,
                                           col + k * Kc * L, (int)L, doutT + k * OCg * L, (int)L,
                                           s0 > 0 ? 1.0f : 0.0f, dweight + k * OCg * Kc, (int)Kc));
            }
        }
        if (din) {
            for (int64_t k = 0; k < G; k++) {
                /* dcol_s[k*Kc.., P] = W_k[OCg, Kc]^T x dout_s[k*OCg.., P] for each sample of the chunk. */
                CNNC_CUBLAS_CHECK(gemm_batched(
                    h, bf16, CUBLAS_OP_N, CUBLAS_OP_T, (int)P, (int)Kc, (int)OCg,
                    dout + s0 * out_per + k * OCg * P, (int)P, (long long)out_per,
                    weight + k * OCg * Kc, (int)Kc, 0LL,
                    col + k * Kc * P, (int)P, (long long)col_per, (int)ns));
            }
            if ((st = col2im_cuda(din + s0 * in_per, col, ns, g, stream, err))) return st;
        }
    }
    return CNNC_OK;
}

cnnc_status cnnc_gemm_linear_forward(cublasHandle_t h, cudaStream_t stream, int bf16, float *out, const float *in,
                                     const float *weight, const float *bias, const cnnc_linear_geom *g,
                                     cnnc_error *err) {
    cnnc_status st;
    if ((st = check_int(g->M, "M", err)) || (st = check_int(g->K, "K", err)) || (st = check_int(g->N, "N", err)))
        return st;
    /* out[M, N] = in[M, K] x W[N, K]^T */
    CNNC_CUBLAS_CHECK(gemm_one(h, bf16, CUBLAS_OP_T, CUBLAS_OP_N, (int)g->N, (int)g->M, (int)g->K, weight, (int)g->K,
                               in, (int)g->K, 0.0f, out, (int)g->N));
    if (bias) return bias_act_forward_cuda(out, bias, g->M, g->N, 1, 0, stream, err);
    return CNNC_OK;
}

cnnc_status cnnc_gemm_linear_backward(cublasHandle_t h, cudaStream_t stream, int bf16, float *din, float *dweight,
                                      float *dbias, const float *dout, const float *in, const float *weight,
                                      const cnnc_linear_geom *g, cnnc_error *err) {
    cnnc_status st;
    if ((st = check_int(g->M, "M", err)) || (st = check_int(g->K, "K", err)) || (st = check_int(g->N, "N", err)))
        return st;
    if (din) {
        /* din[M, K] = dout[M, N] x W[N, K] */
        CNNC_CUBLAS_CHECK(gemm_one(h, bf16, CUBLAS_OP_N, CUBLAS_OP_N, (int)g->K, (int)g->M, (int)g->N, weight,
                                   (int)g->K, dout, (int)g->N, 0.0f, din, (int)g->K));
    }
    if (dweight) {
        /* dW[N, K] = dout[M, N]^T x in[M, K] */
        CNNC_CUBLAS_CHECK(gemm_one(h, bf16, CUBLAS_OP_N, CUBLAS_OP_T, (int)g->K, (int)g->N, (int)g->M, in, (int)g->K,
                                   dout, (int)g->N, 0.0f, dweight, (int)g->K));
    }
    if (dbias) return bias_backward_cuda(dbias, dout, g->M, g->N, 1, stream, err);
    return CNNC_OK;
}

/* matmul/bmm/mm: one GEMM per product of the batch, row-major [M, K] x [K, N]
 * written as the column-major product out^T = b^T a^T. Backward zeroes the
 * operands' gradients and sums every product into them (beta 1), so an operand
 * broadcast along the batch gets the sum, as matmul_backward_cpu. */
static void matmul_offsets(const cnnc_matmul_geom *g, int64_t t, int64_t *oa, int64_t *ob) {
    *oa = *ob = 0;
    for (int32_t k = g->nbatch - 1; k >= 0; k--) {
        const int64_t i = t % g->batch[k];
        t /= g->batch[k];
        *oa += i * g->sa[k];
        *ob += i * g->sb[k];
    }
}

static cnnc_status matmul_sizes(const cnnc_matmul_geom *g, int64_t *T, cnnc_error *err) {
    cnnc_status st;
    if ((st = check_int(g->M, "M", err)) || (st = check_int(g->K, "K", err)) || (st = check_int(g->N, "N", err))) return st;
    *T = 1;
    for (int32_t k = 0; k < g->nbatch; k++) *T *= g->batch[k];
    return CNNC_OK;
}

cnnc_status cnnc_gemm_matmul_forward(cublasHandle_t h, cudaStream_t stream, int bf16, float *out, const float *a,
                                     const float *b, const cnnc_matmul_geom *g, cnnc_error *err) {
    (void)stream;
    int64_t T;
    cnnc_status st = matmul_sizes(g, &T, err);
    if (st) return st;
    const int M = (int)g->M, K = (int)g->K, N = (int)g->N;
    for (int64_t t = 0; t < T; t++) {
        int64_t oa, ob;
        matmul_offsets(g, t, &oa, &ob);
        CNNC_CUBLAS_CHECK(gemm_one(h, bf16, CUBLAS_OP_N, CUBLAS_OP_N, N, M, K, b + ob, N, a + oa, K, 0.0f,
                                   out + t * g->M * g->N, N));
    }
    return CNNC_OK;
}

cnnc_status cnnc_gemm_matmul_backward(cublasHandle_t h, cudaStream_t stream, int bf16, float *da, float *db, const float *dout,
                                      const float *a, const float *b, const cnnc_matmul_geom *g, cnnc_error *err) {
    int64_t T;
    cnnc_status st = matmul_sizes(g, &T, err);
    if (st) return st;
    if (da) CNNC_CUDA_CHECK(cudaMemsetAsync(da, 0, (size_t)g->na * sizeof(float), stream));
    if (db) CNNC_CUDA_CHECK(cudaMemsetAsync(db, 0, (size_t)g->nb * sizeof(float), stream));
    const int M = (int)g->M, K = (int)g->K, N = (int)g->N;
    for (int64_t t = 0; t < T; t++) {
        int64_t oa, ob;
        matmul_offsets(g, t, &oa, &ob);
        const float *d = dout + t * g->M * g->N;
        /* da[M, K] += dout[M, N] b[K, N]^T:  da^T = b dout^T (column-major) */
        if (da) CNNC_CUBLAS_CHECK(gemm_one(h, bf16, CUBLAS_OP_T, CUBLAS_OP_N, K, M, N, b + ob, N, d, N, 1.0f, da + oa, K));
        /* db[K, N] += a[M, K]^T dout[M, N]:  db^T = dout^T a */
        if (db) CNNC_CUBLAS_CHECK(gemm_one(h, bf16, CUBLAS_OP_N, CUBLAS_OP_T, N, K, M, d, N, a + oa, K, 1.0f, db + ob, N));
    }
    return CNNC_OK;
}
