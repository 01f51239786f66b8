/* hardswish.cu — Hardswish on CUDA, as src/cpu/hardswish.c: x * min(max(x + 3,
 * 0), 6) / 6 with NaN passing; backward 0 below -3, g from 3 on, g * (x / 3 +
 * 0.5) between and at NaN. */
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
hardswish_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        float c = x + 3.0f;
        c = c < 0.0f ? 0.0f : c;   /* comparisons, not fmaxf/fminf: NaN stays NaN */
        c = c > 6.0f ? 6.0f : c;
        out[j] = x * c / 6.0f;
    }
}

__global__ void __launch_bounds__(kBlock)
hardswish_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j], g = dout[j];
        din[j] = x < -3.0f ? 0.0f : x >= 3.0f ? g : g * (x / 3.0f + 0.5f);
    }
}

} /* namespace */

extern "C" cnnc_status hardswish_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    hardswish_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(hardswish_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status hardswish_backward_cuda(float *din, const float *dout, const float *in, int64_t n,
                                          cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    hardswish_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
    CNNC_LAUNCH_CHECK(hardswish_backward_kernel);
    return CNNC_OK;
}

CNNC_CUDA_ELEMENTWISE_ENTRY(hardswish)
