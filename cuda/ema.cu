/* ema.cu — the weights' moving average (--ema), as ema_update_cpu: after each
 * optimizer step avg = decay * avg + (1 - decay) * param, each product rounded
 * to float before the add (no fused multiply-add, as the CPU and PyTorch's two
 * tensor ops), the first update a copy. Whether this step is the first comes
 * from the device step counter, so a replayed CUDA graph decides it each time. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "mul_rn.h"

namespace {

using namespace cnnc_launch;

__global__ void __launch_bounds__(kBlock)
ema_kernel(float *__restrict__ avg, const float *__restrict__ src, int64_t n, float keep, float take,
           const int64_t *__restrict__ step_dev, const int64_t *__restrict__ first_dev) {
    const bool copy = *step_dev == *first_dev;
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
        avg[i] = copy ? src[i] : mul_rn(keep, avg[i]) + mul_rn(take, src[i]);
}

__global__ void __launch_bounds__(kBlock)
swap_kernel(float *__restrict__ a, float *__restrict__ b, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const float t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

} /* namespace */

extern "C" cnnc_status ema_update_cuda(float *avg, const float *src, int64_t n, double decay, const int64_t *step_dev,
                                       const int64_t *first_dev, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    ema_kernel<<<grid_for(n), kBlock, 0, stream>>>(avg, src, n, (float)decay, (float)(1.0 - decay), step_dev,
                                                   first_dev);
    CNNC_LAUNCH_CHECK(ema_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status swap_cuda(float *a, float *b, int64_t n, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    swap_kernel<<<grid_for(n), kBlock, 0, stream>>>(a, b, n);
    CNNC_LAUNCH_CHECK(swap_kernel);
    return CNNC_OK;
}
