/* bias_act.cu — bias add + ReLU (the epilogue of conv and linear GEMMs), the
 * bias gradient as a deterministic per-channel reduction, and ReLU on its own.
 * Reductions use a fixed partition and a fixed shuffle/shared-memory tree, so
 * results are bitwise reproducible run to run (no float atomics). */
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

/* One block per channel (grid-stride over channels): for planes of HW >= 32. */
__global__ void __launch_bounds__(kBlock)
bias_grad_plane_kernel(float *__restrict__ dbias, const float *__restrict__ dout, int64_t N, int64_t C,
                       int64_t HW) {
    __shared__ float smem[kBlock / 32];
    const int64_t m = N * HW;
    for (int64_t c = blockIdx.x; c < C; c += gridDim.x) {
        /* j = n*HW + hw advances by kBlock: step (n, hw) without dividing. */
        const int64_t step_n = kBlock / HW, step_hw = kBlock - step_n * HW;
        int64_t n = threadIdx.x / HW, hw = threadIdx.x - n * HW;
        float acc = 0.0f;
        for (int64_t j = threadIdx.x; j < m; j += kBlock) {
            acc += dout[(n * C + c) * HW + hw];
            n += step_n;
            hw += step_hw;
            if (hw >= HW) {
                hw -= HW;
                ++n;
            }
        }
        acc = block_sum(acc, smem);
        if (threadIdx.x == 0) dbias[c] = acc;
    }
}

/* Small planes (Linear: HW == 1): a block covers 32 channels; threadIdx.x
 * picks the channel (coalesced reads along C), threadIdx.y strides over the
 * batch; the kRows partial sums are then added in y order. */
constexpr int kRows = 8;
__global__ void __launch_bounds__(32 * kRows)
bias_grad_rows_kernel(float *__restrict__ dbias, const float *__restrict__ dout, int64_t N, int64_t C,
                      int64_t HW) {
    __shared__ float part[kRows][33];
    const int64_t c = (int64_t)blockIdx.x * 32 + threadIdx.x;
    float acc = 0.0f;
    if (c < C) {
        for (int64_t n = threadIdx.y; n < N; n += kRows) {
            const float *p = dout + (n * C + c) * HW;
            for (int64_t hw = 0; hw < HW; ++hw) acc += p[hw];
        }
    }
    part[threadIdx.y][threadIdx.x] = acc;
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
        bias_grad_plane_kernel<<<blocks, kBlock, 0, stream>>>(dbias, dout, N, C, HW);
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
