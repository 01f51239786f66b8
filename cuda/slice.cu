/* slice.cu — slice with a step on CUDA, as src/cpu/slice.c: forward gathers
 * every step-th element along the dim; backward is a gather too (each din
 * element reads its dout element or writes 0), so no memset and no atomics. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

__global__ void __launch_bounds__(kBlock)
step_slice_forward_kernel(float *__restrict__ out, const float *__restrict__ in, cnnc_step_slice_geom g, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const int64_t i = j % g.inner, row = j / g.inner, p = row % g.part, o = row / g.part;
        out[j] = in[(o * g.whole + g.start + p * g.step) * g.inner + i];
    }
}

__global__ void __launch_bounds__(kBlock)
step_slice_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, cnnc_step_slice_geom g, int64_t n) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const int64_t i = j % g.inner, row = j / g.inner, w = row % g.whole, o = row / g.whole, q = w - g.start;
        din[j] = q >= 0 && q % g.step == 0 && q / g.step < g.part ? dout[(o * g.part + q / g.step) * g.inner + i] : 0.0f;
    }
}

} /* namespace */

extern "C" cnnc_status step_slice_forward_cuda(float *out, const float *in, const cnnc_step_slice_geom *g, cudaStream_t stream,
                                               cnnc_error *err) {
    const int64_t n = g->outer * g->part * g->inner;
    if (n <= 0) return CNNC_OK;
    step_slice_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, *g, n);
    CNNC_LAUNCH_CHECK(step_slice_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status step_slice_backward_cuda(float *din, const float *dout, const cnnc_step_slice_geom *g,
                                                cudaStream_t stream, cnnc_error *err) {
    const int64_t n = g->outer * g->whole * g->inner;
    if (n <= 0 || !din) return CNNC_OK;
    step_slice_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, *g, n);
    CNNC_LAUNCH_CHECK(step_slice_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status slice_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return step_slice_forward_cuda(r->out, r->in[0], &r->shape->g.step_slice, st->stream, err);
}

static cnnc_status slice_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return step_slice_backward_cuda(r->din[0], r->dout, &r->shape->g.step_slice, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_slice = {{NULL, NULL, slice_fwd, slice_bwd}, NULL, NULL};
