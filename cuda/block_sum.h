/* block_sum.h — the fixed-order sum over a block of cnnc_launch::kBlock threads
 * that the per-channel reductions share (bias gradient in float, BatchNorm
 * statistics in double): warp shuffle trees, then the warp sums in warp order,
 * so a result is bitwise reproducible. Every thread gets the result. CUDA only. */
#ifndef CNNC_CUDA_BLOCK_SUM_H
#define CNNC_CUDA_BLOCK_SUM_H

#include "launch.h"

namespace cnnc_launch {

/* smem holds kBlock/32 values of T; it may be reused by the caller afterwards. */
template <typename T>
__device__ T block_sum(T v, T *smem) {
    for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) smem[warp] = v;
    __syncthreads();
    if (warp == 0) {
        v = lane < kBlock / 32 ? smem[lane] : T(0);
        for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
        if (lane == 0) smem[0] = v;
    }
    __syncthreads();
    v = smem[0];
    __syncthreads();
    return v;
}

}  // namespace cnnc_launch

#endif
