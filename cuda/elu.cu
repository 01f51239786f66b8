/* elu.cu — ELU on CUDA with the CPU's formulas (src/cpu/elu.c): exp(x) - 1
 * for x <= 0, and the backward from the input, or from the output after an
 * in-place ELU (PyTorch's is_result). */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock) elu_forward_kernel(float *out, const float *in, int64_t n, float alpha) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = x > 0.0f ? x : (expf(x) - 1.0f) * alpha;
    }
}

/* from_output: g * (y + alpha) unless y > 0; else g * alpha * exp(x) unless x > 0 (NaN: NaN, as src/cpu/elu.c). */
__global__ void __launch_bounds__(kBlock)
elu_backward_kernel(float *din, const float *dout, const float *__restrict__ src, int64_t n, float alpha,
                    int from_output) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float d = dout[j], v = src[j];
        if (from_output) din[j] = v > 0.0f ? d : d * (v + alpha);
        else din[j] = v > 0.0f ? d : d * alpha * expf(v);
    }
}

} /* namespace */

extern "C" cnnc_status elu_forward_cuda(float *out, const float *in, int64_t n, float alpha, cudaStream_t stream,
                                        cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    elu_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n, alpha);
    CNNC_LAUNCH_CHECK(elu_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status elu_backward_cuda(float *din, const float *dout, const float *in, const float *out, int64_t n,
                                         float alpha, int from_output, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    const float *src = from_output ? out : in;
    elu_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, src, n, alpha, from_output);
    CNNC_LAUNCH_CHECK(elu_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status elu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return elu_forward_cuda(r->out, r->in[0], r->shape->out_numel, (float)r->layer->p.elu.alpha, st->stream, err);
}

static cnnc_status elu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_elu_params *q = &r->layer->p.elu;
    return elu_backward_cuda(r->din[0], r->dout, r->in[0], r->out, r->shape->out_numel, (float)q->alpha, q->inplace,
                             st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_elu = {{NULL, NULL, elu_fwd, elu_bwd}, NULL, NULL};
