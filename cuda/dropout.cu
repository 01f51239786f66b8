/* dropout.cu — Dropout with the counter-based RNG of src/engine/rng.h: the
 * keep decision for element i is a pure function of (seed, offset + i), so
 * masks equal the CPU's bit for bit, whatever the launch shape. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"
#include "engine/rng.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__ on out/in: dropout may run in place. */
__global__ void __launch_bounds__(kBlock)
dropout_forward_kernel(float *out, uint8_t *__restrict__ mask, const float *in, int64_t n, float p,
                       float scale, uint64_t seed, uint64_t offset_arg, const uint64_t *__restrict__ offset_dev) {
    const uint64_t offset = offset_dev ? *offset_dev : offset_arg;
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const int keep = cnnc_dropout_keep(seed, offset, (uint64_t)i, p);
        out[i] = keep ? in[i] * scale : 0.0f;
        if (mask) mask[i] = (uint8_t)keep;
    }
}

__global__ void __launch_bounds__(kBlock)
dropout_backward_kernel(float *din, const float *dout, const uint8_t *__restrict__ mask, int64_t n, float scale) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
        din[i] = mask[i] ? dout[i] * scale : 0.0f;
}

/* 1/(1-p); p == 1 drops everything, so the scale is never used. */
float keep_scale(float p) { return p < 1.0f ? 1.0f / (1.0f - p) : 0.0f; }

} /* namespace */

extern "C" cnnc_status dropout_forward_cuda(float *out, uint8_t *mask, const float *in, int64_t n, float p,
                                            uint64_t seed, uint64_t offset, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    dropout_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, mask, in, n, p, keep_scale(p), seed, offset,
                                                                nullptr);
    CNNC_LAUNCH_CHECK(dropout_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status dropout_forward_devoffset_cuda(float *out, uint8_t *mask, const float *in, int64_t n, float p,
                                                      uint64_t seed, const uint64_t *offset_dev, cudaStream_t stream,
                                                      cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    dropout_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, mask, in, n, p, keep_scale(p), seed, 0,
                                                                offset_dev);
    CNNC_LAUNCH_CHECK(dropout_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status dropout_backward_cuda(float *din, const float *dout, const uint8_t *mask, int64_t n, float p,
                                             cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    dropout_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, mask, n, keep_scale(p));
    CNNC_LAUNCH_CHECK(dropout_backward_kernel);
    return CNNC_OK;
}
