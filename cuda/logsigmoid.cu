/* logsigmoid.cu — LogSigmoid on CUDA with the CPU's formulas (src/cpu/logsigmoid.c):
 * min(x, 0) - log1p(e^-|x|) forward, g / (1 + e^x) backward. */
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
__global__ void __launch_bounds__(kBlock) logsigmoid_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = fminf(x, 0.0f) - log1pf(expf(-fabsf(x)));
    }
}

__global__ void __launch_bounds__(kBlock)
logsigmoid_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        const float e = expf(-fabsf(x));
        din[j] = dout[j] * (x > 0.0f ? e / (1.0f + e) : 1.0f / (1.0f + e));
    }
}

} /* namespace */

extern "C" cnnc_status logsigmoid_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    logsigmoid_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(logsigmoid_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status logsigmoid_backward_cuda(float *din, const float *dout, const float *in, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    logsigmoid_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
    CNNC_LAUNCH_CHECK(logsigmoid_backward_kernel);
    return CNNC_OK;
}

CNNC_CUDA_ELEMENTWISE_ENTRY(logsigmoid)
