/* sigmoid.cu — Sigmoid on CUDA: the CPU's formulas (src/cpu/sigmoid.c),
 * 1 / (1 + exp(-x)) and g * (1 - y) * y, one grid-stride loop each. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock) sigmoid_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride)
        out[j] = 1.0f / (1.0f + expf(-in[j]));
}

__global__ void __launch_bounds__(kBlock)
sigmoid_backward_kernel(float *din, const float *dout, const float *__restrict__ out, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride)
        din[j] = dout[j] * (1.0f - out[j]) * out[j];
}

} /* namespace */

extern "C" cnnc_status sigmoid_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    sigmoid_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(sigmoid_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status sigmoid_backward_cuda(float *din, const float *dout, const float *out, int64_t n,
                                             cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    sigmoid_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, out, n);
    CNNC_LAUNCH_CHECK(sigmoid_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status sigmoid_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return sigmoid_forward_cuda(r->out, r->in[0], r->shape->out_numel, st->stream, err);
}

static cnnc_status sigmoid_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return sigmoid_backward_cuda(r->din[0], r->dout, r->out, r->shape->out_numel, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_sigmoid = {{NULL, NULL, sigmoid_fwd, sigmoid_bwd}, NULL, NULL};
