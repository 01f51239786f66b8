/* leaky_relu.cu — LeakyReLU on CUDA with the CPU's formulas (src/cpu/leaky_relu.c). */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer (in place). */
__global__ void __launch_bounds__(kBlock) leaky_relu_forward_kernel(float *out, const float *in, int64_t n, float slope) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = x > 0.0f ? x : x * slope;
    }
}

__global__ void __launch_bounds__(kBlock)
leaky_relu_backward_kernel(float *din, const float *dout, const float *src, int64_t n, float slope) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride)
        din[j] = src[j] > 0.0f ? dout[j] : dout[j] * slope;
}

} /* namespace */

extern "C" cnnc_status leaky_relu_forward_cuda(float *out, const float *in, int64_t n, float slope, cudaStream_t stream,
                                               cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    leaky_relu_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n, slope);
    CNNC_LAUNCH_CHECK(leaky_relu_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status leaky_relu_backward_cuda(float *din, const float *dout, const float *src, int64_t n, float slope,
                                                cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    leaky_relu_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, src, n, slope);
    CNNC_LAUNCH_CHECK(leaky_relu_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status leaky_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return leaky_relu_forward_cuda(r->out, r->in[0], r->shape->out_numel, (float)r->layer->p.leaky.negative_slope,
                                   st->stream, err);
}

static cnnc_status leaky_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_leaky_relu_params *q = &r->layer->p.leaky;
    return leaky_relu_backward_cuda(r->din[0], r->dout, q->inplace ? r->out : r->in[0], r->shape->out_numel,
                                    (float)q->negative_slope, st->stream, err);
}

/* PyTorch's in-place backward cannot recover the input's sign from a negative slope. */
static const char *leaky_unsupported(const struct cnnc_engine *e, int32_t node) {
    const cnnc_leaky_relu_params *q = &e->model->layers[node].p.leaky;
    return q->inplace && q->negative_slope < 0.0
               ? "In-place leakyReLu backward calculation is triggered with a negative slope which is not supported. "
                 "This is caused by calling in-place forward function with a negative slope, please call out-of-place "
                 "version instead."
               : NULL;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_leaky_relu = {{leaky_unsupported, NULL, leaky_fwd, leaky_bwd}, NULL, NULL};
