/* softmax.cu — Softmax on CUDA over the [outer, size, inner] view of its dim:
 * one thread per row (outer, inner), the max, the float sum of exp(x - max)
 * in index order and the scaling exactly as src/cpu/softmax.c, so no
 * reduction order differs from the CPU's. Adjacent threads take adjacent
 * inner positions, so a dim before the last reads coalesced. Backward:
 * y * (g - sum(g * y)). */
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
softmax_forward_kernel(float *out, const float *in, int64_t rows, int64_t D, int64_t inner) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t r = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; r < rows; r += stride) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        const float *x = in + base;
        float *y = out + base;
        float mx = -INFINITY;
        for (int64_t k = 0; k < D; ++k) {
            const float v = x[k * inner];
            mx = (v > mx || isnan(v)) ? v : mx;
        }
        float sum = 0.0f;
        for (int64_t k = 0; k < D; ++k) {
            const float ev = expf(x[k * inner] - mx);
            y[k * inner] = ev;
            sum += ev;
        }
        const float inv = 1.0f / sum;
        for (int64_t k = 0; k < D; ++k) y[k * inner] *= inv;
    }
}

__global__ void __launch_bounds__(kBlock)
softmax_backward_kernel(float *din, const float *dout, const float *__restrict__ out, int64_t rows, int64_t D,
                        int64_t inner) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t r = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; r < rows; r += stride) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        float dot = 0.0f;
        for (int64_t k = 0; k < D; ++k) dot += dout[base + k * inner] * out[base + k * inner];
        for (int64_t k = 0; k < D; ++k) {
            const int64_t j = base + k * inner;
            din[j] = out[j] * (dout[j] - dot);
        }
    }
}

} /* namespace */

extern "C" cnnc_status softmax_forward_cuda(float *out, const float *in, const cnnc_axis_geom *g, cudaStream_t stream,
                                            cnnc_error *err) {
    const int64_t rows = g->outer * g->inner;
    if (rows <= 0 || g->size <= 0) return CNNC_OK;
    softmax_forward_kernel<<<grid_for(rows), kBlock, 0, stream>>>(out, in, rows, g->size, g->inner);
    CNNC_LAUNCH_CHECK(softmax_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status softmax_backward_cuda(float *din, const float *dout, const float *out, const cnnc_axis_geom *g,
                                             cudaStream_t stream, cnnc_error *err) {
    const int64_t rows = g->outer * g->inner;
    if (!din || rows <= 0 || g->size <= 0) return CNNC_OK;
    softmax_backward_kernel<<<grid_for(rows), kBlock, 0, stream>>>(din, dout, out, rows, g->size, g->inner);
    CNNC_LAUNCH_CHECK(softmax_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

static cnnc_status softmax_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return softmax_forward_cuda(r->out, r->in[0], &r->shape->g.axis, st->stream, err);
}

static cnnc_status softmax_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return softmax_backward_cuda(r->din[0], r->dout, r->out, &r->shape->g.axis, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_softmax = {{NULL, NULL, softmax_fwd, softmax_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_softmax2d = {{NULL, NULL, softmax_fwd, softmax_bwd}, NULL, NULL};   /* dim -3 */
