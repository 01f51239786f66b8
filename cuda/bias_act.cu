/* bias_act.cu — bias add + ReLU (the epilogue of conv and linear GEMMs), the
 * bias gradient as a deterministic per-channel reduction, and ReLU on its own.
 * Reductions use a fixed partition and a fixed shuffle/shared-memory tree, so
 * results are bitwise reproducible run to run (no float atomics). */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;

template <typename I>
__global__ void __launch_bounds__(kBlock)
bias_act_kernel(float *__restrict__ out, const float *__restrict__ bias, I total, I C, I HW, int relu) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        float v = out[j];
        if (bias) v += bias[(j / HW) % C];
        if (relu) v = v > 0.0f ? v : 0.0f;
        out[j] = v;
    }
}

/* Sum over a block of kBlock threads in a fixed order (warp shuffles, then
 * the warp sums in warp order). Every thread gets the result. */
__device__ float block_sum(float v, float *smem /* [kBlock/32] */) {
    for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) smem[warp] = v;
    __syncthreads();
    if (warp == 0) {
        v = lane < kBlock / 32 ? smem[lane] : 0.0f;
        for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
        if (lane == 0) smem[0] = v;
    }
    __syncthreads();
    v = smem[0];
    __syncthreads(); /* smem may be reused by the caller's next round */
    return v;
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

/* Small planes (Linear: HW == 1): a block covers 32 channels; threadIdx.x
 * picks the channel (coalesced reads along C), threadIdx.y strides over the
 * batch; the kRows partial sums are then added in y order. */
constexpr int kRows = 8, kRowUnroll = 4;
__global__ void __launch_bounds__(32 * kRows)
bias_grad_rows_kernel(float *__restrict__ dbias, const float *__restrict__ dout, int64_t N, int64_t C,
                      int64_t HW) {
    __shared__ float part[kRows][33];
    const int64_t c = (int64_t)blockIdx.x * 32 + threadIdx.x;
    /* Row y sums samples y, y + kRows, ...: kRowUnroll of them in flight, one accumulator each. */
    float acc[kRowUnroll];
#pragma unroll
    for (int u = 0; u < kRowUnroll; ++u) acc[u] = 0.0f;
    if (c < C) {
        for (int64_t n0 = threadIdx.y; n0 < N; n0 += (int64_t)kRows * kRowUnroll) {
#pragma unroll
            for (int u = 0; u < kRowUnroll; ++u) {
                const int64_t n = n0 + (int64_t)u * kRows;
                if (n < N) {
                    const float *p = dout + (n * C + c) * HW;
                    for (int64_t hw = 0; hw < HW; ++hw) acc[u] += p[hw];
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
        dbias[c] = s;
    }
}

/* No __restrict__: the engine may run ReLU in place (out == in). */
__global__ void __launch_bounds__(kBlock)
relu_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float v = in[j];
        out[j] = v > 0.0f ? v : 0.0f;
    }
}

/* No __restrict__: din may alias dout (each element is read before it is written by the same thread). */
__global__ void __launch_bounds__(kBlock)
relu_backward_kernel(float *din, const float *dout, const float *__restrict__ out, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride)
        din[j] = out[j] > 0.0f ? dout[j] : 0.0f;
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

extern "C" cnnc_status bias_backward_cuda(float *dbias, const float *dout, int64_t N, int64_t C, int64_t HW,
                                          cudaStream_t stream, cnnc_error *err) {
    if (!dbias || C <= 0) return CNNC_OK;
    if (HW < 32) {
        const unsigned blocks = (unsigned)((C + 31) / 32);
        bias_grad_rows_kernel<<<blocks, dim3(32, kRows), 0, stream>>>(dbias, dout, N, C, HW);
        CNNC_LAUNCH_CHECK(bias_grad_rows_kernel);
    } else {
        const unsigned blocks = (unsigned)(C < 65535 ? C : 65535);
        /* float4 loads when every plane starts on a 16-byte boundary. */
        if (HW % 4 == 0 && reinterpret_cast<uintptr_t>(dout) % 16 == 0)
            bias_grad_plane_kernel<true><<<blocks, kBlock, 0, stream>>>(dbias, dout, N, C, HW);
        else
            bias_grad_plane_kernel<false><<<blocks, kBlock, 0, stream>>>(dbias, dout, N, C, HW);
        CNNC_LAUNCH_CHECK(bias_grad_plane_kernel);
    }
    return CNNC_OK;
}

extern "C" cnnc_status relu_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    relu_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(relu_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status relu_backward_cuda(float *din, const float *dout, const float *out, int64_t n,
                                          cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    relu_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, out, n);
    CNNC_LAUNCH_CHECK(relu_backward_kernel);
    return CNNC_OK;
}
