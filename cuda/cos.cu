/* cos.cu — cos on CUDA with the CPU's formulas (src/cpu/cos.c): cosf forward,
 * backward g * -sin(x). */
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
__global__ void __launch_bounds__(kBlock) cos_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) out[j] = cosf(in[j]);
}

__global__ void __launch_bounds__(kBlock)
cos_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        din[j] = dout[j] * (-sinf(x));
    }
}

} /* namespace */

extern "C" cnnc_status cos_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    cos_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(cos_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status cos_backward_cuda(float *din, const float *dout, const float *in, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    cos_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
    CNNC_LAUNCH_CHECK(cos_backward_kernel);
    return CNNC_OK;
}

CNNC_CUDA_ELEMENTWISE_ENTRY(cos)
