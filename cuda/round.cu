/* round.cu — floor, ceil, round (half to even) and trunc on CUDA, as src/cpu/round.c;
 * the backward writes zeros. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__: in and out may be the same buffer. */
__global__ void __launch_bounds__(kBlock) round_forward_kernel(float *out, const float *in, int64_t n, int mode) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n; j += stride) {
        const float x = in[j];
        out[j] = mode == CNNC_ROUND_FLOOR ? floorf(x) : mode == CNNC_ROUND_CEIL ? ceilf(x)
               : mode == CNNC_ROUND_NEAREST ? rintf(x) : truncf(x);
    }
}

} /* namespace */

extern "C" cnnc_status round_forward_cuda(float *out, const float *in, int64_t n, int mode, cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    round_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, in, n, mode);
    CNNC_LAUNCH_CHECK(round_forward_kernel);
    return CNNC_OK;
}

static cnnc_status round_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return round_forward_cuda(r->out, r->in[0], r->shape->out_numel, (int)r->layer->p.round.mode, st->stream, err);
}

static cnnc_status round_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (!r->din[0]) return CNNC_OK;
    CNNC_CUDA_CHECK(cudaMemsetAsync(r->din[0], 0, (size_t)cnnc_shape_numel(&r->shape->in) * sizeof(float), st->stream));
    return CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_round = {{NULL, NULL, round_fwd, round_bwd}, NULL, NULL};
