/* pow.cu — x ** e (a number e) on CUDA with the CPU's special exponents and
 * formulas (src/cpu/pow.c). */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

__device__ __forceinline__ float pow_scalar(float x, float e) {
    if (e == 2.0f) return x * x;
    if (e == 0.5f) return sqrtf(x);
    if (e == 3.0f) return x * x * x;
    if (e == 1.0f) return x;
    if (e == 0.0f) return 1.0f;
    if (e == -0.5f) return 1.0f / sqrtf(x);
    if (e == -1.0f) return 1.0f / x;
    if (e == -2.0f) return 1.0f / (x * x);
    return powf(x, e);
}

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock) pow_forward_kernel(float *out, const float *in, int64_t n, float e) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) out[j] = pow_scalar(in[j], e);
}

__global__ void __launch_bounds__(kBlock)
pow_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n, float e) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride)
        din[j] = e == 0.0f ? 0.0f : dout[j] * e * pow_scalar(in[j], e - 1.0f);
}

} /* namespace */

extern "C" cnnc_status pow_forward_cuda(float *out, const float *in, int64_t n, float e, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    pow_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n, e);
    CNNC_LAUNCH_CHECK(pow_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status pow_backward_cuda(float *din, const float *dout, const float *in, int64_t n, float e, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    pow_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n, e);
    CNNC_LAUNCH_CHECK(pow_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status pow_fwd(cnnc_engine *eng, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(eng, st);
    return pow_forward_cuda(r->out, r->in[0], r->shape->out_numel, (float)r->layer->p.pow.exponent, st->stream, err);
}

static cnnc_status pow_bwd(cnnc_engine *eng, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(eng, st);
    return pow_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel, (float)r->layer->p.pow.exponent, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_pow = {{NULL, NULL, pow_fwd, pow_bwd}, NULL, NULL};
