/* mish.cu — Mish on CUDA, as src/cpu/mish.c: x * tanh(log1p(exp(x))); backward
 * g * (t + x * s * (1 - t * t)), t = tanh(softplus(x)), s = sigmoid(x). */
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
__global__ void __launch_bounds__(kBlock)
mish_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = x * tanhf(log1pf(expf(x)));
    }
}

__global__ void __launch_bounds__(kBlock)
mish_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j], g = dout[j];
        const float s = 1.0f / (1.0f + expf(-x)), t = tanhf(log1pf(expf(x)));
        din[j] = g * (t + x * s * (1.0f - t * t));
    }
}

} /* namespace */

extern "C" cnnc_status mish_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    mish_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(mish_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status mish_backward_cuda(float *din, const float *dout, const float *in, int64_t n,
                                          cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    mish_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
    CNNC_LAUNCH_CHECK(mish_backward_kernel);
    return CNNC_OK;
}

CNNC_CUDA_ELEMENTWISE_ENTRY(mish)
