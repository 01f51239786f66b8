/* log.cu — log on CUDA with the CPU's formulas (src/cpu/log.c). */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"
#include "elementwise_entry.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock) log_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) out[j] = logf(in[j]);
}

__global__ void __launch_bounds__(kBlock)
log_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) din[j] = dout[j] / in[j];
}

} /* namespace */

extern "C" cnnc_status log_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    log_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(log_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status log_backward_cuda(float *din, const float *dout, const float *in, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    log_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
    CNNC_LAUNCH_CHECK(log_backward_kernel);
    return CNNC_OK;
}

CNNC_CUDA_ELEMENTWISE_ENTRY(log)
