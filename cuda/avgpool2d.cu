/* avgpool2d.cu — AvgPool2d forward and backward with PyTorch's CPU semantics
 * (window clipping, ceil_mode via OH/OW, count_include_pad, divisor_override).
 * The backward is a gather in (oh, ow) order, as the CPU scatter adds. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "pool_dims.h"

namespace {

using namespace cnnc_launch;
using namespace cnnc_pool;

/* PyTorch's avg window: clipped to [-P, size+P) for the pool size, then to
 * the image for the sum. Returns the divisor; *h0.. get the clipped bounds. */
template <typename I>
__device__ __forceinline__ I avg_window(const PoolDims<I> &d, I oh, I ow, I *h0, I *h1, I *w0, I *w1) {
    I hs = oh * d.SH - d.PH, ws = ow * d.SW - d.PW;
    I he = min(hs + d.KH, d.H + d.PH), we = min(ws + d.KW, d.W + d.PW);
    const I pool_size = (he - hs) * (we - ws);
    hs = max(hs, (I)0); ws = max(ws, (I)0);
    he = min(he, d.H); we = min(we, d.W);
    *h0 = hs; *h1 = he; *w0 = ws; *w1 = we;
    if (d.divisor_override) return d.divisor_override;
    return d.count_include_pad ? pool_size : (he - hs) * (we - ws);
}

template <typename I>
__global__ void __launch_bounds__(kBlock)
avgpool_forward_kernel(float *__restrict__ out, const float *__restrict__ in, I total, PoolDims<I> d) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I ow = j % d.OW;
        const I t = j / d.OW;
        const I oh = t % d.OH;
        const I plane = t / d.OH;
        const float *src = in + plane * d.H * d.W;
        I h0, h1, w0, w1;
        const I div = avg_window(d, oh, ow, &h0, &h1, &w0, &w1);
        if (h0 >= h1 || w0 >= w1) {
            out[j] = 0.0f;
            continue;
        }
        float sum = 0.0f;
        for (I h = h0; h < h1; ++h)
            for (I w = w0; w < w1; ++w) sum += src[h * d.W + w];
        out[j] = sum / (float)div;
    }
}

template <typename I>
__global__ void __launch_bounds__(kBlock)
avgpool_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, I total, PoolDims<I> d) {
    const I ohw = d.OH * d.OW;
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I w = j % d.W;
        const I t = j / d.W;
        const I h = t % d.H;
        const I plane = t / d.H;
        const float *g = dout + plane * ohw;
        I oh_lo, oh_hi, ow_lo, ow_hi;
        covering_range(h, d.SH, d.PH, d.KH, d.OH, &oh_lo, &oh_hi);
        covering_range(w, d.SW, d.PW, d.KW, d.OW, &ow_lo, &ow_hi);
        float acc = 0.0f;
        for (I oh = oh_lo; oh <= oh_hi; ++oh) {
            for (I ow = ow_lo; ow <= ow_hi; ++ow) {
                I h0, h1, w0, w1;
                const I div = avg_window(d, oh, ow, &h0, &h1, &w0, &w1);
                /* (h, w) lies in the clipped window whenever it is in the raw one. */
                acc += g[oh * d.OW + ow] / (float)div;
            }
        }
        din[j] = acc;
    }
}

} /* namespace */

extern "C" cnnc_status avgpool2d_forward_cuda(float *out, const float *in, const cnnc_pool_geom *g,
                                              cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    if (small_pool(g))
        avgpool_forward_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(out, in, (int32_t)total,
                                                                               pool_dims<int32_t>(g));
    else
        avgpool_forward_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(out, in, total,
                                                                               pool_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(avgpool_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status avgpool2d_backward_cuda(float *din, const float *dout, const cnnc_pool_geom *g,
                                               cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->H * g->W;
    if (total <= 0 || !din) return CNNC_OK;
    if (small_pool(g))
        avgpool_backward_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(din, dout, (int32_t)total,
                                                                                pool_dims<int32_t>(g));
    else
        avgpool_backward_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(din, dout, total,
                                                                                pool_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(avgpool_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */
#include "backend_cuda.h"

static cnnc_status avgpool2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return avgpool2d_forward_cuda(r->out, r->in[0], &r->shape->g.pool, st->stream, err);
}

static cnnc_status avgpool2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return r->din[0] ? avgpool2d_backward_cuda(r->din[0], r->dout, &r->shape->g.pool, st->stream, err) : CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_avgpool2d = {{NULL, NULL, avgpool2d_fwd, avgpool2d_bwd}, NULL, NULL};

/* The 1-d forms (a pool at height 1) run on the cpu backend: Conv1d, which feeds
 * them in real nets, has no CUDA engine yet (conv2d.cu). */
static const char *avgpool1d_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "AvgPool1d runs on the cpu backend only (--device cpu)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_avgpool1d = {{avgpool1d_unsupported, NULL, avgpool2d_fwd, avgpool2d_bwd}, NULL, NULL};
