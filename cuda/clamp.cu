/* clamp.cu — clamp on CUDA with the CPU's rules (src/cpu/clamp.c). */
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
clamp_forward_kernel(float *out, const float *in, int64_t n, float lo, float hi, int has_lo, int has_hi) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        float y = in[j];
        if (!isnan(y)) {
            if (has_lo && y < lo) y = lo;
            if (has_hi && y > hi) y = hi;
        }
        out[j] = y;
    }
}

__global__ void __launch_bounds__(kBlock)
clamp_backward_kernel(float *din, const float *dout, const float *__restrict__ in, int64_t n, float lo, float hi, int has_lo,
                      int has_hi) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        const bool pass = (!has_lo || x >= lo) && (!has_hi || x <= hi) && !isnan(x);
        din[j] = pass ? dout[j] : 0.0f;
    }
}

} /* namespace */

extern "C" cnnc_status clamp_forward_cuda(float *out, const float *in, int64_t n, const cnnc_clamp_params *p, cudaStream_t stream,
                                          cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    clamp_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n, (float)p->min, (float)p->max, p->has_min, p->has_max);
    CNNC_LAUNCH_CHECK(clamp_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status clamp_backward_cuda(float *din, const float *dout, const float *in, int64_t n, const cnnc_clamp_params *p,
                                           cudaStream_t stream, cnnc_error *err) {
    if (n <= 0 || !din) return CNNC_OK;
    clamp_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, in, n, (float)p->min, (float)p->max, p->has_min,
                                                              p->has_max);
    CNNC_LAUNCH_CHECK(clamp_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status clamp_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return clamp_forward_cuda(r->out, r->in[0], r->shape->out_numel, &r->layer->p.clamp, st->stream, err);
}

static cnnc_status clamp_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return clamp_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel, &r->layer->p.clamp, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_clamp = {{NULL, NULL, clamp_fwd, clamp_bwd}, NULL, NULL};
