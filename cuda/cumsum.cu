/* cumsum.cu — cumsum on CUDA over the [outer, size, inner] view of its dim: one
 * thread per row (outer, inner), the running sum in double in index order exactly
 * as src/cpu/cumsum.c, so the results equal the CPU's. Adjacent threads take
 * adjacent inner positions (coalesced for a dim before the last). Backward: the
 * running sum of the gradient from the end. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock)
cumsum_forward_kernel(float *out, const float *in, int64_t rows, int64_t D, int64_t inner) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t r = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; r < rows; r += stride) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        double acc = 0.0;
        for (int64_t k = 0; k < D; ++k) {
            acc += (double)in[base + k * inner];
            out[base + k * inner] = (float)acc;
        }
    }
}

__global__ void __launch_bounds__(kBlock)
cumsum_backward_kernel(float *din, const float *dout, int64_t rows, int64_t D, int64_t inner) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t r = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; r < rows; r += stride) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        double acc = 0.0;
        for (int64_t k = D - 1; k >= 0; --k) {
            acc += (double)dout[base + k * inner];
            din[base + k * inner] = (float)acc;
        }
    }
}

} /* namespace */

extern "C" cnnc_status cumsum_forward_cuda(float *out, const float *in, const cnnc_axis_geom *g, cudaStream_t stream,
                                           cnnc_error *err) {
    const int64_t rows = g->outer * g->inner;
    if (rows <= 0 || g->size <= 0) return CNNC_OK;
    cumsum_forward_kernel<<<grid_for(rows), kBlock, 0, stream>>>(out, in, rows, g->size, g->inner);
    CNNC_LAUNCH_CHECK(cumsum_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status cumsum_backward_cuda(float *din, const float *dout, const cnnc_axis_geom *g, cudaStream_t stream,
                                            cnnc_error *err) {
    const int64_t rows = g->outer * g->inner;
    if (!din || rows <= 0 || g->size <= 0) return CNNC_OK;
    cumsum_backward_kernel<<<grid_for(rows), kBlock, 0, stream>>>(din, dout, rows, g->size, g->inner);
    CNNC_LAUNCH_CHECK(cumsum_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status cumsum_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return cumsum_forward_cuda(r->out, r->in[0], &r->shape->g.axis, st->stream, err);
}

static cnnc_status cumsum_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return cumsum_backward_cuda(r->din[0], r->dout, &r->shape->g.axis, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_cumsum = {{NULL, NULL, cumsum_fwd, cumsum_bwd}, NULL, NULL};
