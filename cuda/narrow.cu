/* narrow.cu — narrow on CUDA, and the slice copy cat shares, as
 * slice_copy_cpu / narrow_backward_cpu on [outer, whole, inner] views. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;

__global__ void __launch_bounds__(kBlock)
slice_copy_kernel(float *__restrict__ dst, int64_t dst_whole, int64_t dst_start, const float *__restrict__ src,
                  int64_t src_whole, int64_t src_start, int64_t part, int64_t inner, int64_t n) {
    const int64_t row = part * inner, stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const int64_t o = i / row, k = i - o * row;
        dst[(o * dst_whole + dst_start) * inner + k] = src[(o * src_whole + src_start) * inner + k];
    }
}

__global__ void __launch_bounds__(kBlock)
narrow_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, cnnc_slice_geom g, int64_t n) {
    const int64_t row = g.whole * g.inner, stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const int64_t o = i / row, k = i - o * row, d = k / g.inner;
        din[i] = d >= g.start && d < g.start + g.part ? dout[(o * g.part + d - g.start) * g.inner + (k - d * g.inner)] : 0.0f;
    }
}

} /* namespace */

extern "C" cnnc_status slice_copy_cuda(float *dst, int64_t dst_whole, int64_t dst_start, const float *src,
                                       int64_t src_whole, int64_t src_start, int64_t outer, int64_t part, int64_t inner,
                                       cudaStream_t stream, cnnc_error *err) {
    const int64_t n = outer * part * inner;
    if (n <= 0) return CNNC_OK;
    slice_copy_kernel<<<grid_for(n), kBlock, 0, stream>>>(dst, dst_whole, dst_start, src, src_whole, src_start, part,
                                                           inner, n);
    CNNC_LAUNCH_CHECK(slice_copy_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status narrow_backward_cuda(float *din, const float *dout, const cnnc_slice_geom *g, cudaStream_t stream,
                                            cnnc_error *err) {
    const int64_t n = g->outer * g->whole * g->inner;
    if (n <= 0 || !din) return CNNC_OK;
    narrow_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, *g, n);
    CNNC_LAUNCH_CHECK(narrow_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */
#include "backend_cuda.h"

static cnnc_status narrow_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const cnnc_slice_geom *g = &r->shape->g.slice;
    return slice_copy_cuda(r->out, g->part, 0, r->in[0], g->whole, g->start, g->outer, g->part, g->inner, st->stream, err);
}

static cnnc_status narrow_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return narrow_backward_cuda(r->din[0], r->dout, &r->shape->g.slice, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_narrow = {{NULL, NULL, narrow_fwd, narrow_bwd}, NULL, NULL};
