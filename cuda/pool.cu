/* pool.cu — MaxPool2d / AvgPool2d forward and backward, PyTorch's CPU
 * semantics (window clipping, ceil_mode via OH/OW, dilation for max,
 * count_include_pad and divisor_override for avg; max takes the first
 * maximum and lets NaN win). Backward passes are gathers: each input pixel
 * sums the outputs whose windows cover it, in (oh, ow) order — the order the
 * CPU scatter adds them — so no atomics and identical sums. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;

template <typename I>
struct PoolDims {
    I H, W, OH, OW, KH, KW, SH, SW, PH, PW, DH, DW;
    int count_include_pad;
    I divisor_override;
};

template <typename I>
PoolDims<I> pool_dims(const cnnc_pool_geom *g) {
    PoolDims<I> d;
    d.H = (I)g->H; d.W = (I)g->W; d.OH = (I)g->OH; d.OW = (I)g->OW;
    d.KH = (I)g->KH; d.KW = (I)g->KW; d.SH = (I)g->SH; d.SW = (I)g->SW;
    d.PH = (I)g->PH; d.PW = (I)g->PW;
    d.DH = g->DH > 0 ? (I)g->DH : 1; d.DW = g->DW > 0 ? (I)g->DW : 1;
    d.count_include_pad = g->count_include_pad;
    d.divisor_override = (I)g->divisor_override;
    return d;
}

/* First window index >= 0 on the grid start + k*step. */
template <typename I>
__device__ __forceinline__ I first_inside(I start, I step) {
    return start >= 0 ? start : start + ((-start + step - 1) / step) * step;
}

/* Outputs o in [lo, hi] whose window [o*S - P, o*S - P + span - 1] covers x. */
template <typename I>
__device__ __forceinline__ void covering_range(I x, I S, I P, I span, I O, I *lo, I *hi) {
    const I a = x + P - (span - 1);
    *lo = a <= 0 ? 0 : (a + S - 1) / S;
    const I h = (x + P) / S;
    *hi = h < O - 1 ? h : O - 1;
}

template <typename I>
__global__ void __launch_bounds__(kBlock)
maxpool_forward_kernel(float *__restrict__ out, int32_t *__restrict__ argmax, const float *__restrict__ in,
                       I total, PoolDims<I> d) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I ow = j % d.OW;
        const I t = j / d.OW;
        const I oh = t % d.OH;
        const I plane = t / d.OH;
        const float *src = in + plane * d.H * d.W;
        const I hs = oh * d.SH - d.PH, ws = ow * d.SW - d.PW;
        const I he = min(hs + (d.KH - 1) * d.DH + 1, d.H);
        const I we = min(ws + (d.KW - 1) * d.DW + 1, d.W);
        const I h0 = first_inside(hs, d.DH), w0 = first_inside(ws, d.DW);
        I best_idx = h0 * d.W + w0;
        float best = -INFINITY;
        for (I h = h0; h < he; h += d.DH) {
            for (I w = w0; w < we; w += d.DW) {
                const I idx = h * d.W + w;
                const float v = src[idx];
                if (v > best || isnan(v)) {
                    best = v;
                    best_idx = idx;
                }
            }
        }
        out[j] = best;
        if (argmax) argmax[j] = (int32_t)best_idx;
    }
}

template <typename I>
__global__ void __launch_bounds__(kBlock)
maxpool_backward_kernel(float *__restrict__ din, const float *__restrict__ dout,
                        const int32_t *__restrict__ argmax, I total, PoolDims<I> d) {
    const I ohw = d.OH * d.OW;
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I w = j % d.W;
        const I t = j / d.W;
        const I h = t % d.H;
        const I plane = t / d.H;
        const float *g = dout + plane * ohw;
        const int32_t *am = argmax + plane * ohw;
        const int32_t target = (int32_t)(h * d.W + w);
        I oh_lo, oh_hi, ow_lo, ow_hi;
        covering_range(h, d.SH, d.PH, (d.KH - 1) * d.DH + 1, d.OH, &oh_lo, &oh_hi);
        covering_range(w, d.SW, d.PW, (d.KW - 1) * d.DW + 1, d.OW, &ow_lo, &ow_hi);
        float acc = 0.0f;
        for (I oh = oh_lo; oh <= oh_hi; ++oh)
            for (I ow = ow_lo; ow <= ow_hi; ++ow)
                if (am[oh * d.OW + ow] == target) acc += g[oh * d.OW + ow];
        din[j] = acc;
    }
}

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

bool small_pool(const cnnc_pool_geom *g) {
    const int64_t planes = g->N * g->C;
    return planes * g->H * g->W < kSmallIndex && planes * g->OH * g->OW < kSmallIndex;
}

} /* namespace */

extern "C" cnnc_status maxpool2d_forward_cuda(float *out, int32_t *argmax, const float *in, const cnnc_pool_geom *g,
                                              cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    if (small_pool(g))
        maxpool_forward_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(out, argmax, in, (int32_t)total,
                                                                               pool_dims<int32_t>(g));
    else
        maxpool_forward_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(out, argmax, in, total,
                                                                               pool_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(maxpool_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status maxpool2d_backward_cuda(float *din, const float *dout, const int32_t *argmax,
                                               const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->H * g->W;
    if (total <= 0 || !din) return CNNC_OK;
    if (small_pool(g))
        maxpool_backward_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(din, dout, argmax, (int32_t)total,
                                                                                pool_dims<int32_t>(g));
    else
        maxpool_backward_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(din, dout, argmax, total,
                                                                                pool_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(maxpool_backward_kernel);
    return CNNC_OK;
}

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
