/* hardtanh.cu — Hardtanh on CUDA (and ReLU6's kernels, relu6.cu): the clamp
 * that lets NaN through and hardtanh_backward's strict-interior mask, as
 * src/cpu/hardtanh.c (so a NaN input gets gradient 0, as PyTorch's vectorised
 * CPU kernel gives, not its CUDA kernel's g). */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock)
hardtanh_forward_kernel(float *out, const float *in, int64_t n, float lo, float hi) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = x < lo ? lo : x > hi ? hi : x;
    }
}

__global__ void __launch_bounds__(kBlock)
hardtanh_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n, float lo, float hi) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float d = dout[j], x = in[j];
        din[j] = (x > lo && x < hi) ? d : 0.0f;
    }
}

} /* namespace */

extern "C" cnnc_status hardtanh_forward_cuda(float *out, const float *in, int64_t n, float min_val, float max_val,
                                             cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    hardtanh_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n, min_val, max_val);
    CNNC_LAUNCH_CHECK(hardtanh_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status hardtanh_backward_cuda(float *din, const float *dout, const float *in, int64_t n, float min_val,
                                              float max_val, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    hardtanh_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n, min_val, max_val);
    CNNC_LAUNCH_CHECK(hardtanh_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status hardtanh_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const cnnc_hardtanh_params *q = &r->layer->p.hardtanh;
    return hardtanh_forward_cuda(r->out, r->in[0], r->shape->out_numel, (float)q->min_val, (float)q->max_val, st->stream,
                                 err);
}

static cnnc_status hardtanh_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_hardtanh_params *q = &r->layer->p.hardtanh;
    return hardtanh_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel, (float)q->min_val,
                                  (float)q->max_val, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_hardtanh = {{NULL, NULL, hardtanh_fwd, hardtanh_bwd}, NULL, NULL};
