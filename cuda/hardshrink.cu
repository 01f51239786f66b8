/* hardshrink.cu — Hardshrink on CUDA, as src/cpu/hardshrink.c: 0 inside
 * [-lambd, lambd], else x (NaN passes); backward g outside, else 0 (0 at NaN). */
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
hardshrink_forward_kernel(float *out, const float *in, int64_t n, float lambd) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = x >= -lambd && x <= lambd ? 0.0f : x;
    }
}

__global__ void __launch_bounds__(kBlock)
hardshrink_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n, float lambd) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j], g = dout[j];
        din[j] = x < -lambd || x > lambd ? g : 0.0f;
    }
}

} /* namespace */

extern "C" cnnc_status hardshrink_forward_cuda(float *out, const float *in, int64_t n, float lambd, cudaStream_t stream,
                                         cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    hardshrink_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n, lambd);
    CNNC_LAUNCH_CHECK(hardshrink_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status hardshrink_backward_cuda(float *din, const float *dout, const float *in, int64_t n, float lambd,
                                          cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    hardshrink_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n, lambd);
    CNNC_LAUNCH_CHECK(hardshrink_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status hardshrink_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return hardshrink_forward_cuda(r->out, r->in[0], r->shape->out_numel, (float)r->layer->p.hardshrink.lambd, st->stream, err);
}

static cnnc_status hardshrink_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return hardshrink_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel, (float)r->layer->p.hardshrink.lambd, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_hardshrink = {{NULL, NULL, hardshrink_fwd, hardshrink_bwd}, NULL, NULL};
