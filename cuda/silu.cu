/* silu.cu — SiLU on CUDA: x / (1 + exp(-x)) and g * s * (1 + x * (1 - s)),
 * as src/cpu/silu.c. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock) silu_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = x / (1.0f + expf(-x));
    }
}

__global__ void __launch_bounds__(kBlock)
silu_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j], s = 1.0f / (1.0f + expf(-x));
        din[j] = dout[j] * s * (1.0f + x * (1.0f - s));
    }
}

} /* namespace */

extern "C" cnnc_status silu_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    silu_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(silu_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status silu_backward_cuda(float *din, const float *dout, const float *in, int64_t n, cudaStream_t stream,
                                          cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    silu_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n);
    CNNC_LAUNCH_CHECK(silu_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status silu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return silu_forward_cuda(r->out, r->in[0], r->shape->out_numel, st->stream, err);
}

static cnnc_status silu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return silu_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_silu = {{NULL, NULL, silu_fwd, silu_bwd}, NULL, NULL};
