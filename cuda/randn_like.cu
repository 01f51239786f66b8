/* randn_like.cu — torch.randn_like on CUDA: cnnc_randn of src/engine/rng.h,
 * a pure function of (seed, offset, i), so the values equal the CPU's whatever
 * the launch shape (Box-Muller in double: libm differences stay below float
 * rounding). The offset is taken on the device from the counter Dropout uses,
 * so a replayed CUDA graph draws new values each step. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"
#include "engine/rng.h"

namespace {

using namespace cnnc_launch;

__global__ void __launch_bounds__(kBlock)
randn_kernel(float *out, int64_t n, uint64_t seed, uint64_t offset_arg, const uint64_t *__restrict__ offset_dev) {
    const uint64_t offset = offset_dev ? *offset_dev : offset_arg;
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
        out[i] = cnnc_randn(seed, offset, (uint64_t)i);
}

} /* namespace */

extern "C" cnnc_status randn_forward_cuda(float *out, int64_t n, uint64_t seed, uint64_t offset, cudaStream_t stream,
                                          cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    randn_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, n, seed, offset, nullptr);
    CNNC_LAUNCH_CHECK(randn_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status randn_forward_devoffset_cuda(float *out, int64_t n, uint64_t seed, const uint64_t *offset_dev,
                                                    cudaStream_t stream, cnnc_error *err) {
    if (n <= 0) return CNNC_OK;
    randn_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, n, seed, 0, offset_dev);
    CNNC_LAUNCH_CHECK(randn_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry: one RNG offset per forward, train or eval (the CPU takes the same) ---- */

static cnnc_status randn_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const int32_t i = r->index;
    cnnc_status s = cnnc_cuda_ensure_counter(st, (int64_t *)&st->ctr->dropout_calls, (int64_t *)&st->mirror.dropout_calls,
                                             (int64_t)e->dropout_calls, err);
    if (s) return s;
    (void)cnnc_engine_dropout_offset(e);
    if ((s = cnnc_cuda_dropout_take_offset(&st->ctr->dropout_calls, st->ctr_dropout_offset + i, st->stream, err))) return s;
    st->mirror.dropout_calls = e->dropout_calls;
    return randn_forward_devoffset_cuda(r->out, r->shape->out_numel, e->cfg.seed, st->ctr_dropout_offset + i, st->stream,
                                        err);
}

/* No gradient flows through the noise: the input's share is zero. */
static cnnc_status randn_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (r->din[0] && r->shape->out_numel > 0)
        CNNC_CUDA_CHECK(cudaMemsetAsync(r->din[0], 0, (size_t)r->shape->out_numel * sizeof(float), st->stream));
    return CNNC_OK;
}

/* A replayed training step took one offset for this node. */
static void randn_replayed(cnnc_engine *e, cnnc_cuda_state *st, int32_t node) {
    (void)st; (void)node;
    (void)cnnc_engine_dropout_offset(e);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_randn_like = {{NULL, NULL, randn_fwd, randn_bwd}, NULL, randn_replayed};
