/* softplus.cu — Softplus on CUDA, as src/cpu/softplus.c: x where x * beta >
 * threshold, else log1p(exp(x * beta)) / beta; backward g there, else g * z /
 * (z + 1), z = exp(x * beta). */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock)
softplus_forward_kernel(float *out, const float *in, int64_t n, float beta, float threshold) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        const float xb = x * beta;
        out[j] = xb > threshold ? x : log1pf(expf(xb)) / beta;
    }
}

__global__ void __launch_bounds__(kBlock)
softplus_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n, float beta, float threshold) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j], g = dout[j];
        const float xb = x * beta, z = expf(xb);
        din[j] = xb > threshold ? g : g * z / (z + 1.0f);
    }
}

} /* namespace */

extern "C" cnnc_status softplus_forward_cuda(float *out, const float *in, int64_t n, float beta, float threshold, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    softplus_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n, beta, threshold);
    CNNC_LAUNCH_CHECK(softplus_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status softplus_backward_cuda(float *din, const float *dout, const float *in, int64_t n, float beta, float threshold,
                                          cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    softplus_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n, beta, threshold);
    CNNC_LAUNCH_CHECK(softplus_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status softplus_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const cnnc_softplus_params *q = &r->layer->p.softplus;
    return softplus_forward_cuda(r->out, r->in[0], r->shape->out_numel, (float)q->beta, (float)q->threshold, st->stream, err);
}

static cnnc_status softplus_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_softplus_params *q = &r->layer->p.softplus;
    return softplus_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel, (float)q->beta, (float)q->threshold, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_softplus = {{NULL, NULL, softplus_fwd, softplus_bwd}, NULL, NULL};
