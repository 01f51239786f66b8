/* loss.cu — the engine's losses, each in ONE launch: CrossEntropyLoss (mean)
 * on logits (stable log-softmax, NLL, dlogits = (softmax - onehot) / N) and
 * NLLLoss (mean) on log-probabilities (dlogp = -1/N at the target), with the
 * correct count and the running metrics. A single block of kThreads covers all
 * N rows (thread per row, C is small), so the batch sums need no second launch,
 * no scratch and no atomics: each thread accumulates its rows in order
 * (double) and the block adds the partial sums in a fixed tree.
 * Deterministic, and cheap next to the layers. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"

namespace {

constexpr int kThreads = 1024;

/* The block's partial sums in a fixed order (a shuffle tree per warp, then the
 * warps in order); thread 0 adds the batch into the running metrics. */
__device__ void add_to_metrics(double loss, long long correct, int64_t N, float *__restrict__ metrics) {
    __shared__ double loss_part[kThreads / 32];
    __shared__ long long correct_part[kThreads / 32];
    for (int off = 16; off > 0; off >>= 1) {
        loss += __shfl_down_sync(0xffffffffu, loss, off);
        correct += __shfl_down_sync(0xffffffffu, correct, off);
    }
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) {
        loss_part[warp] = loss;
        correct_part[warp] = correct;
    }
    __syncthreads();
    if (warp == 0) {
        loss = loss_part[lane];
        correct = correct_part[lane];
        for (int off = 16; off > 0; off >>= 1) {
            loss += __shfl_down_sync(0xffffffffu, loss, off);
            correct += __shfl_down_sync(0xffffffffu, correct, off);
        }
        if (lane == 0) {
            const float mean_loss = (float)(loss / (double)N);
            metrics[0] += mean_loss * (float)N;
            metrics[1] += (float)correct;
            metrics[2] += (float)N;
            metrics[3] = mean_loss;
        }
    }
}

__global__ void __launch_bounds__(kThreads)
cross_entropy_kernel(float *__restrict__ dlogits, float *__restrict__ metrics, const float *__restrict__ logits,
                     const int32_t *__restrict__ targets, int64_t N, int64_t C, float eps, int64_t over) {
    const float inv_n = 1.0f / (float)over;
    double loss = 0.0;
    long long correct = 0;
    for (int64_t i = threadIdx.x; i < N; i += kThreads) {
        const float *row = logits + i * C;
        float mx = row[0];
        int64_t arg = 0;
        for (int64_t k = 1; k < C; ++k) {
            const float v = row[k];
            if (v > mx) {
                mx = v;
                arg = k;
            }
        }
        float sum = 0.0f;
        for (int64_t k = 0; k < C; ++k) sum += expf(row[k] - mx);
        const float lse = mx + logf(sum);
        const int64_t t = targets[i];
        const bool valid = t >= 0 && t < C; /* the engine checks; never read out of bounds */
        double row_loss = valid ? (double)(lse - row[t]) : (double)NAN;
        if (eps != 0.0f) {   /* label smoothing: (1 - eps) * nll + eps / C * the sum of -logp */
            double all = 0.0;
            for (int64_t k = 0; k < C; ++k) all += (double)(lse - row[k]);
            row_loss = (1.0 - (double)eps) * row_loss + (double)eps / (double)C * all;
        }
        loss += row_loss;
        correct += (valid && arg == t) ? 1 : 0;
        if (dlogits) {
            float *d = dlogits + i * C;
            const float inv_sum = 1.0f / sum;
            const float off = eps / (float)C, on = 1.0f - eps + off;
            for (int64_t k = 0; k < C; ++k) {
                const float softmax = expf(row[k] - mx) * inv_sum;
                d[k] = (softmax - (k == t ? on : off)) * inv_n;
            }
        }
    }
    add_to_metrics(loss, correct, N, metrics);
}

/* NLLLoss: one thread per row reads logp[i, target] and the row's argmax. */
__global__ void __launch_bounds__(kThreads)
nll_loss_kernel(float *__restrict__ dlogp, float *__restrict__ metrics, const float *__restrict__ logp,
                const int32_t *__restrict__ targets, int64_t N, int64_t C, int64_t over) {
    const float inv_n = 1.0f / (float)over;
    double loss = 0.0;
    long long correct = 0;
    for (int64_t i = threadIdx.x; i < N; i += kThreads) {
        const float *row = logp + i * C;
        int64_t arg = 0;
        for (int64_t k = 1; k < C; ++k)
            if (row[k] > row[arg]) arg = k;
        const int64_t t = targets[i];
        const bool valid = t >= 0 && t < C; /* the engine checks; never read out of bounds */
        loss -= valid ? (double)row[t] : (double)NAN;
        correct += (valid && arg == t) ? 1 : 0;
        if (dlogp) {
            float *d = dlogp + i * C;
            for (int64_t k = 0; k < C; ++k) d[k] = k == t ? -inv_n : 0.0f;
        }
    }
    add_to_metrics(loss, correct, N, metrics);
}

} /* namespace */

extern "C" cnnc_status cross_entropy_cuda(float *dlogits, float *metrics, const float *logits,
                                          const int32_t *targets, int64_t N, int64_t C, cudaStream_t stream,
                                          cnnc_error *err) {
    return cross_entropy_over_cuda(dlogits, metrics, logits, targets, N, C, 0.0f, N, stream, err);
}

extern "C" cnnc_status cross_entropy_over_cuda(float *dlogits, float *metrics, const float *logits,
                                               const int32_t *targets, int64_t N, int64_t C, float eps, int64_t over,
                                               cudaStream_t stream, cnnc_error *err) {
    if (N <= 0 || C <= 0) return CNNC_OK;
    cross_entropy_kernel<<<1, kThreads, 0, stream>>>(dlogits, metrics, logits, targets, N, C, eps, over);
    CNNC_LAUNCH_CHECK(cross_entropy_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status nll_loss_cuda(float *dlogp, float *metrics, const float *logp, const int32_t *targets, int64_t N,
                                     int64_t C, cudaStream_t stream, cnnc_error *err) {
    return nll_loss_over_cuda(dlogp, metrics, logp, targets, N, C, N, stream, err);
}

extern "C" cnnc_status nll_loss_over_cuda(float *dlogp, float *metrics, const float *logp, const int32_t *targets,
                                          int64_t N, int64_t C, int64_t over, cudaStream_t stream, cnnc_error *err) {
    if (N <= 0 || C <= 0) return CNNC_OK;
    nll_loss_kernel<<<1, kThreads, 0, stream>>>(dlogp, metrics, logp, targets, N, C, over);
    CNNC_LAUNCH_CHECK(nll_loss_kernel);
    return CNNC_OK;
}
