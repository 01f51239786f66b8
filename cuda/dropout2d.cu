/* dropout2d.cu — Dropout2d on CUDA: the keep draw of plane c is
 * cnnc_dropout_keep(seed, offset, c, p) from src/engine/rng.h, a pure function,
 * so masks equal the CPU's bit for bit whatever the launch shape. Each element
 * is in * noise (noise 0 or 1/(1-p)), PyTorch's feature dropout; the first
 * element of each plane records its mask byte. The RNG offset is taken on the
 * device from the Dropout counter, as dropout.cu does, so a replayed CUDA
 * graph draws new masks. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "backend_cuda.h"
#include "engine/rng.h"

namespace {

using namespace cnnc_launch;

/* No __restrict__ on out/in: Dropout2d may run in place. */
__global__ void __launch_bounds__(kBlock)
dropout2d_forward_kernel(float *out, uint8_t *__restrict__ mask, const float *in, int64_t n, int64_t inner, float p,
                         float scale, uint64_t seed, uint64_t offset_arg, const uint64_t *__restrict__ offset_dev) {
    const uint64_t offset = offset_dev ? *offset_dev : offset_arg;
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const int64_t plane = i / inner;
        const int keep = cnnc_dropout_keep(seed, offset, (uint64_t)plane, p);
        out[i] = in[i] * (keep ? scale : 0.0f);
        if (mask && i == plane * inner) mask[plane] = (uint8_t)keep;
    }
}

__global__ void __launch_bounds__(kBlock)
dropout2d_backward_kernel(float *din, const float *dout, const uint8_t *__restrict__ mask, int64_t n, int64_t inner,
                          float scale) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
        din[i] = dout[i] * (mask[i / inner] ? scale : 0.0f);
}

/* 1/(1-p); p == 1 drops every plane: noise 0. */
float keep_scale(float p) { return p < 1.0f ? 1.0f / (1.0f - p) : 0.0f; }

} /* namespace */

extern "C" cnnc_status dropout2d_forward_cuda(float *out, uint8_t *mask, const float *in, int64_t planes, int64_t inner,
                                              float p, uint64_t seed, uint64_t offset, cudaStream_t stream,
                                              cnnc_error *err) {
    const int64_t n = planes * inner;
    if (n <= 0) return CNNC_OK;
    dropout2d_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, mask, in, n, inner, p, keep_scale(p), seed, offset,
                                                                  nullptr);
    CNNC_LAUNCH_CHECK(dropout2d_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status dropout2d_forward_devoffset_cuda(float *out, uint8_t *mask, const float *in, int64_t planes,
                                                        int64_t inner, float p, uint64_t seed,
                                                        const uint64_t *offset_dev, cudaStream_t stream,
                                                        cnnc_error *err) {
    const int64_t n = planes * inner;
    if (n <= 0) return CNNC_OK;
    dropout2d_forward_kernel<<<grid_for(n), kBlock, 0, stream>>>(out, mask, in, n, inner, p, keep_scale(p), seed, 0,
                                                                  offset_dev);
    CNNC_LAUNCH_CHECK(dropout2d_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status dropout2d_backward_cuda(float *din, const float *dout, const uint8_t *mask, int64_t planes,
                                               int64_t inner, float p, cudaStream_t stream, cnnc_error *err) {
    const int64_t n = planes * inner;
    if (n <= 0 || !din) return CNNC_OK;
    dropout2d_backward_kernel<<<grid_for(n), kBlock, 0, stream>>>(din, dout, mask, n, inner, keep_scale(p));
    CNNC_LAUNCH_CHECK(dropout2d_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry: offsets as dropout.cu takes them (one per training
 * forward, from the device counter; eval forwards copy and take none) ---- */

static cnnc_status copy_d2d(float *dst, const float *src, int64_t numel, cudaStream_t stream, cnnc_error *err) {
    if (dst == src || numel == 0) return CNNC_OK;
    CNNC_CUDA_CHECK(cudaMemcpyAsync(dst, src, (size_t)numel * sizeof(float), cudaMemcpyDeviceToDevice, stream));
    return CNNC_OK;
}

static cnnc_status dropout2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const int32_t i = r->index;
    const cnnc_axis_geom *g = &r->shape->g.axis;
    if (!train) return copy_d2d(r->out, r->in[0], r->shape->out_numel, st->stream, err);
    cnnc_status s = cnnc_cuda_ensure_counter(st, (int64_t *)&st->ctr->dropout_calls, (int64_t *)&st->mirror.dropout_calls,
                                             (int64_t)e->dropout_calls, err);
    if (s) return s;
    (void)cnnc_engine_dropout_offset(e);
    if ((s = cnnc_cuda_dropout_take_offset(&st->ctr->dropout_calls, st->ctr_dropout_offset + i, st->stream, err))) return s;
    st->mirror.dropout_calls = e->dropout_calls;
    return dropout2d_forward_devoffset_cuda(r->out, (uint8_t *)r->aux, r->in[0], g->outer * g->size, g->inner,
                                            (float)r->layer->p.dropout.p, e->cfg.seed, st->ctr_dropout_offset + i,
                                            st->stream, err);
}

static cnnc_status dropout2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_axis_geom *g = &r->shape->g.axis;
    if (!r->din[0]) return CNNC_OK;
    if (!e->last_forward_train) return copy_d2d(r->din[0], r->dout, r->shape->out_numel, st->stream, err);
    return dropout2d_backward_cuda(r->din[0], r->dout, (const uint8_t *)r->aux, g->outer * g->size, g->inner,
                                   (float)r->layer->p.dropout.p, st->stream, err);
}

/* A replayed training forward took one offset per Dropout2d node. */
static void dropout2d_replayed(cnnc_engine *e, cnnc_cuda_state *st, int32_t node) {
    (void)st; (void)node;
    (void)cnnc_engine_dropout_offset(e);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_dropout2d = {{NULL, NULL, dropout2d_fwd, dropout2d_bwd}, NULL,
                                                         dropout2d_replayed};
/* Dropout3d: the same draws per (sample, channel) over a D*H*W plane (src/layers/dropout3d.c). */
extern "C" const cnnc_cuda_kernel cnnc_cuda_dropout3d = {{NULL, NULL, dropout2d_fwd, dropout2d_bwd}, NULL,
                                                         dropout2d_replayed};
/* Dropout1d: the same draws per (sample, channel) over a plane of L (src/layers/dropout1d.c). */
extern "C" const cnnc_cuda_kernel cnnc_cuda_dropout1d = {{NULL, NULL, dropout2d_fwd, dropout2d_bwd}, NULL,
                                                         dropout2d_replayed};
