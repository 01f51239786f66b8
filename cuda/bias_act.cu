/* bias_act.cu — bias add + ReLU (the epilogue of conv and linear GEMMs), the
 * bias gradient as a deterministic per-channel reduction, and an in-place add
 * (gradients of a tensor read by several nodes).
 * Reductions use a fixed partition and a fixed shuffle/shared-memory tree, so
 * results are bitwise reproducible run to run (no float atomics). */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "block_sum.h"

namespace {

using namespace cnnc_launch;

template <typename I>
__global__ void __launch_bounds__(kBlock)
bias_act_kernel(float *__restrict__ out, const float *__restrict__ bias, I total, I C, I HW, int relu) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        float v = out[j];
        if (bias) v += bias[(j / HW) % C];
        if (relu) v = v < 0.0f ? 0.0f : v;  /* as relu.cu: NaN and -0.0 pass */
        out[j] = v;
    }
}

/* One block per channel (grid-stride over channels), for planes of HW >= 32.
 * The channel's N planes are read as one sequence of N*L loads (L per plane:
 * HW floats, or HW/4 float4 when the planes are 16-byte aligned); thread t
 * takes loads t, t + kBlock, ... and keeps kUnroll of them in flight, each
 * into its own accumulator. (The first version issued one load per loop
 * iteration and waited for it: on the H100 that held a channel to a few GB/s,
 * and conv1's bias gradient to most of its 0.57 ms backward at batch 1024.)
 * Fixed order: acc[u] sums loads u*kBlock + t + j*kBlock*kUnroll; the thread
 * adds acc[0..kUnroll) in order, then block_sum. */
constexpr int kUnroll = 8;

template <bool kVec>
__global__ void __launch_bounds__(kBlock)
bias_grad_plane_kernel(float *__restrict__ dbias, const float *__restrict__ dout, int64_t N, int64_t C,
                       int64_t HW) {
    __shared__ float smem[kBlock / 32];
    const int64_t L = kVec ? HW / 4 : HW;
    const int64_t step = (int64_t)kBlock * kUnroll;
    const int64_t step_n = step / L, step_i = step - step_n * L;
    for (int64_t c = blockIdx.x; c < C; c += gridDim.x) {
        /* (n, i) of each in-flight load, advanced by `step` loads without dividing. */
        int64_t n[kUnroll], i[kUnroll];
        float acc[kUnroll];
#pragma unroll
        for (int u = 0; u < kUnroll; ++u) {
            const int64_t k = (int64_t)threadIdx.x + (int64_t)u * kBlock;
            n[u] = k / L;
            i[u] = k - n[u] * L;
            acc[u] = 0.0f;
        }
        while (n[0] < N) {
#pragma unroll
            for (int u = 0; u < kUnroll; ++u) {
                if (n[u] < N) {
                    const float *plane = dout + (n[u] * C + c) * HW;
                    if (kVec) {
                        const float4 v = __ldg(reinterpret_cast<const float4 *>(plane) + i[u]);
                        acc[u] += (v.x + v.y) + (v.z + v.w);
                    } else {
                        acc[u] += __ldg(plane + i[u]);
                    }
                }
                n[u] += step_n;
                i[u] += step_i;
                if (i[u] >= L) {
                    i[u] -= L;
                    ++n[u];
                }
            }
        }
        float t = 0.0f;
#pragma unroll
        for (int u = 0; u < kUnroll; ++u) t += acc[u];
        t = block_sum(t, smem);
        if (threadIdx.x == 0) dbias[c] = t;
    }
}

/* Column sums: out[c] = (accumulate ? out[c] : 0) + sum over r < R, k < K of
 * in[(r*C + c)*K + k]. The bias gradient of small planes (Linear: K == 1) and
 * the direct conv engine's weight-gradient partials (R slices of C weights)
 * both come here. A block covers 32 columns (a warp reads 32 adjacent
 * columns of a row) and kRows rows of threads; row y sums rows y, y + kRows,
 * ..., kRowUnroll of them in flight in separate accumulators, and row 0 adds
 * the rows in order: deterministic, no atomics. (One thread walking all rows
 * one dependent load at a time was latency-bound on the H100.) */
constexpr int kRows = 8, kRowUnroll = 4;
__global__ void __launch_bounds__(32 * kRows)
column_sums_kernel(float *__restrict__ out, const float *__restrict__ in, int64_t R, int64_t C, int64_t K,
                   int accumulate) {
    __shared__ float part[kRows][33];
    for (int64_t c0 = (int64_t)blockIdx.x * 32; c0 < C; c0 += (int64_t)gridDim.x * 32) {
        const int64_t c = c0 + threadIdx.x;
        float acc[kRowUnroll];
#pragma unroll
        for (int u = 0; u < kRowUnroll; ++u) acc[u] = 0.0f;
        if (c < C) {
            for (int64_t r0 = threadIdx.y; r0 < R; r0 += (int64_t)kRows * kRowUnroll) {
#pragma unroll
                for (int u = 0; u < kRowUnroll; ++u) {
                    const int64_t r = r0 + (int64_t)u * kRows;
                    if (r < R) {
                        const float *p = in + (r * C + c) * K;
                        for (int64_t k = 0; k < K; ++k) acc[u] += p[k];
                    }
                }
            }
        }
        float t = 0.0f;
#pragma unroll
        for (int u = 0; u < kRowUnroll; ++u) t += acc[u];
        part[threadIdx.y][threadIdx.x] = t;
        __syncthreads();
        if (threadIdx.y == 0 && c < C) {
            float s = part[0][threadIdx.x];
            for (int r = 1; r < kRows; ++r) s += part[r][threadIdx.x];
            out[c] = accumulate ? out[c] + s : s;
        }
        __syncthreads();  /* part is reused by the next c0 */
    }
}

} /* namespace */

extern "C" cnnc_status bias_act_forward_cuda(float *out, const float *bias, int64_t N, int64_t C, int64_t HW,
                                             int relu, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = N * C * HW;
    if (total <= 0 || (!bias && !relu)) return CNNC_OK;
    if (total < kSmallIndex)
        bias_act_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(out, bias, (int32_t)total, (int32_t)C,
                                                                        (int32_t)HW, relu);
    else
        bias_act_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(out, bias, total, C, HW, relu);
    CNNC_LAUNCH_CHECK(bias_act_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status column_sums_cuda(float *out, const float *in, int64_t R, int64_t C, int64_t K, int accumulate,
                                        cudaStream_t stream, cnnc_error *err) {
    if (C <= 0) return CNNC_OK;
    column_sums_kernel<<<grid_units((C + 31) / 32), dim3(32, kRows), 0, stream>>>(out, in, R, C, K, accumulate);
    CNNC_LAUNCH_CHECK(column_sums_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status bias_backward_cuda(float *dbias, const float *dout, int64_t N, int64_t C, int64_t HW,
                                          cudaStream_t stream, cnnc_error *err) {
    if (!dbias || C <= 0) return CNNC_OK;
    if (HW < 32) return column_sums_cuda(dbias, dout, N, C, HW, 0, stream, err);
    /* float4 loads when every plane starts on a 16-byte boundary. */
    if (HW % 4 == 0 && reinterpret_cast<uintptr_t>(dout) % 16 == 0)
        bias_grad_plane_kernel<true><<<grid_units(C), kBlock, 0, stream>>>(dbias, dout, N, C, HW);
    else
        bias_grad_plane_kernel<false><<<grid_units(C), kBlock, 0, stream>>>(dbias, dout, N, C, HW);
    CNNC_LAUNCH_CHECK(bias_grad_plane_kernel);
    return CNNC_OK;
}

namespace {
__global__ void __launch_bounds__(cnnc_launch::kBlock) add_inplace_kernel(float *dst, const float *src, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) dst[j] += src[j];
}
}  // namespace

extern "C" cnnc_status add_inplace_cuda(float *dst, const float *src, int64_t n, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    add_inplace_kernel<<<cnnc_launch::grid_for(n), cnnc_launch::kBlock, 0, stream>>>(dst, src, n);
    CNNC_LAUNCH_CHECK(add_inplace_kernel);
    return CNNC_OK;
}
