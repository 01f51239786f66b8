/* selu.cu — SELU on CUDA with the CPU's formulas (src/cpu/selu.c):
 * x > 0 ? x * scale : (exp(x) - 1) * alpha * scale, backward from the input
 * (a NaN's gradient is NaN, as on the CPU). */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"
#include "elementwise_entry.h"

namespace {

using namespace cnnc_launch;

/* PyTorch passes alpha and scale as floats and multiplies them in float. */
constexpr float kSeluScale = 1.0507009873554804934193349852946f;
constexpr float kSeluNegcoef = 1.6732632423543772848170429916717f * kSeluScale;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock) selu_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = x > 0.0f ? x * kSeluScale : (expf(x) - 1.0f) * kSeluNegcoef;
    }
}

__global__ void __launch_bounds__(kBlock)
selu_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j], g = dout[j];
        din[j] = x > 0.0f ? g * kSeluScale : g * kSeluNegcoef * expf(x);
    }
}

} /* namespace */

extern "C" cnnc_status selu_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    selu_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(selu_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status selu_backward_cuda(float *din, const float *dout, const float *in, int64_t n,
                                          cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    selu_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
    CNNC_LAUNCH_CHECK(selu_backward_kernel);
    return CNNC_OK;
}

CNNC_CUDA_ELEMENTWISE_ENTRY(selu)
