/* exp.cu — exp on CUDA (expf, not the fast __expf); backward reads the output. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;

__global__ void __launch_bounds__(kBlock) exp_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) out[i] = expf(in[i]);
}

__global__ void __launch_bounds__(kBlock)
exp_backward_kernel(float *din, const float *dout, const float *__restrict__ out, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) din[i] = dout[i] * out[i];
}

} /* namespace */

extern "C" cnnc_status exp_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    exp_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(exp_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status exp_backward_cuda(float *din, const float *dout, const float *out, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    exp_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, out, n);
    CNNC_LAUNCH_CHECK(exp_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */
#include "backend_cuda.h"

static cnnc_status exp_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return exp_forward_cuda(r->out, r->in[0], r->shape->out_numel, st->stream, err);
}

static cnnc_status exp_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return r->din[0] ? exp_backward_cuda(r->din[0], r->dout, r->out, r->shape->out_numel, st->stream, err) : CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_exp = {{NULL, NULL, exp_fwd, exp_bwd}, NULL, NULL};
