/* counters.cu — the per-step counters the CUDA backend keeps in device memory
 * so a captured CUDA graph can be replayed unchanged: each step's kernels read
 * the optimizer step, BatchNorm's num_batches_tracked, the dropout RNG offset
 * and the gather position from there, and tiny one-thread kernels advance
 * them inside the step. The non-graph path launches the very same kernels, so
 * a replayed graph computes exactly what the op-by-op path computes. */
#include <cuda_runtime.h>
#include "cuda_check.h"
#include "backend_cuda.h"

namespace {

__global__ void counter_set_kernel(int64_t *p, int64_t v) {
    if (blockIdx.x == 0 && threadIdx.x == 0) *p = v;
}

__global__ void counter_add_kernel(int64_t *p, int64_t v) {
    if (blockIdx.x == 0 && threadIdx.x == 0) *p += v;
}

/* t = ++num_batches_tracked; factor = 1/t (BatchNorm momentum=None), the
 * float division cnnc_engine_bn_factor does on the host. */
__global__ void bn_cumulative_factor_kernel(int64_t *nbt, float *factor) {
    if (blockIdx.x == 0 && threadIdx.x == 0) {
        const int64_t t = ++*nbt;
        *factor = 1.0f / (float)t;
    }
}

/* offset = calls++ << 40, as cnnc_engine_dropout_offset. */
__global__ void dropout_take_offset_kernel(uint64_t *calls, uint64_t *offset) {
    if (blockIdx.x == 0 && threadIdx.x == 0) *offset = (*calls)++ << 40;
}

} /* namespace */

extern "C" cnnc_status cnnc_cuda_counter_set(int64_t *p, int64_t v, cudaStream_t stream, cnnc_error *err) {
    counter_set_kernel<<<1, 1, 0, stream>>>(p, v);
    CNNC_LAUNCH_CHECK(counter_set_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status cnnc_cuda_counter_add(int64_t *p, int64_t v, cudaStream_t stream, cnnc_error *err) {
    counter_add_kernel<<<1, 1, 0, stream>>>(p, v);
    CNNC_LAUNCH_CHECK(counter_add_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status cnnc_cuda_bn_cumulative_factor(int64_t *nbt, float *factor, cudaStream_t stream,
                                                      cnnc_error *err) {
    bn_cumulative_factor_kernel<<<1, 1, 0, stream>>>(nbt, factor);
    CNNC_LAUNCH_CHECK(bn_cumulative_factor_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status cnnc_cuda_dropout_take_offset(uint64_t *calls, uint64_t *offset, cudaStream_t stream,
                                                     cnnc_error *err) {
    dropout_take_offset_kernel<<<1, 1, 0, stream>>>(calls, offset);
    CNNC_LAUNCH_CHECK(dropout_take_offset_kernel);
    return CNNC_OK;
}
