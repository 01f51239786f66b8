/* relu.cu — ReLU on CUDA, and its place in a fused Conv2d -> ReLU -> MaxPool2d
 * (where the pool's pass does its work). */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: the engine may run ReLU in place (out == in). */
__global__ void __launch_bounds__(kBlock)
relu_forward_kernel(float *out, const float *in, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float v = in[j];
        out[j] = v < 0.0f ? 0.0f : v;  /* NaN and -0.0 pass, as torch.relu (clamp_min) */
    }
}

/* No __restrict__: din may alias dout (each element is read before it is written by the same thread). */
__global__ void __launch_bounds__(kBlock)
relu_backward_kernel(float *din, const float *dout, const float *__restrict__ out, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride)
        din[j] = out[j] <= 0.0f ? 0.0f : dout[j];  /* threshold_backward: a NaN output passes */
}

} /* namespace */

extern "C" cnnc_status relu_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    relu_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n);
    CNNC_LAUNCH_CHECK(relu_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status relu_backward_cuda(float *din, const float *dout, const float *out, int64_t n,
                                          cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    relu_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, out, n);
    CNNC_LAUNCH_CHECK(relu_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry: a ReLU fused into the max-pool after it does nothing itself ---- */
#include "backend_cuda.h"

static cnnc_status relu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    if (st->layers[r->index].fuse == CNNC_FUSE_RELU) return CNNC_OK;  /* the pool after it does the work */
    return relu_forward_cuda(r->out, r->in[0], r->shape->out_numel, st->stream, err);
}

static cnnc_status relu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (st->layers[r->index].fuse == CNNC_FUSE_RELU) return CNNC_OK;  /* the pool's backward wrote the conv's */
    return r->din[0] ? relu_backward_cuda(r->din[0], r->dout, r->out, r->shape->out_numel, st->stream, err) : CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_relu = {{NULL, NULL, relu_fwd, relu_bwd}, NULL, NULL};
