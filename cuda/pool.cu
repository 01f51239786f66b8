/* pool.cu — MaxPool2d / AvgPool2d forward and backward, and the max-pool
 * fused after Conv2d -> ReLU (bias and ReLU applied as values are read, ReLU's
 * mask applied in the backward gather), all with PyTorch's CPU
 * semantics (window clipping, ceil_mode via OH/OW, dilation for max,
 * count_include_pad and divisor_override for avg; max takes the first
 * maximum and lets NaN win). Backward passes are gathers: each input pixel
 * sums the outputs whose windows cover it, in (oh, ow) order — the order the
 * CPU scatter adds them — so no atomics and identical sums. Max pools whose
 * windows tile the image (kernel == stride, no padding or dilation) run their
 * backward per window instead (maxpool_tiles.h), with the same values. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "maxpool_tiles.h"

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

/* kBiasRelu: the input is a bias-less conv output; each value read gets the
 * conv's bias (if any) and ReLU first, exactly as bias_act and relu_forward
 * compute them (v + b, then v > 0 ? v : 0): the fused Conv2d -> ReLU ->
 * MaxPool2d pass, which then never writes the ReLU's output. */
template <typename I, bool kBiasRelu>
__global__ void __launch_bounds__(kBlock)
maxpool_forward_kernel(float *__restrict__ out, int32_t *__restrict__ argmax, const float *__restrict__ in,
                       const float *__restrict__ bias, I C, I total, PoolDims<I> d) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I ow = j % d.OW;
        const I t = j / d.OW;
        const I oh = t % d.OH;
        const I plane = t / d.OH;
        const float *src = in + plane * d.H * d.W;
        const float b = kBiasRelu && bias ? bias[plane % C] : 0.0f;
        const I hs = oh * d.SH - d.PH, ws = ow * d.SW - d.PW;
        const I he = min(hs + (d.KH - 1) * d.DH + 1, d.H);
        const I we = min(ws + (d.KW - 1) * d.DW + 1, d.W);
        const I h0 = first_inside(hs, d.DH), w0 = first_inside(ws, d.DW);
        I best_idx = h0 * d.W + w0;
        float best = -INFINITY;
        for (I h = h0; h < he; h += d.DH) {
            for (I w = w0; w < we; w += d.DW) {
                const I idx = h * d.W + w;
                float v = src[idx];
                if (kBiasRelu) {
                    if (bias) v += b;
                    v = v > 0.0f ? v : 0.0f;
                }
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

/* kReluMask: din is the gradient of the bias-less conv under a fused ReLU,
 * so a window passes its gradient only where its pooled value is > 0 (at the
 * argmax, the ReLU's output is the pooled value: ReLU's own mask, exactly). */
template <typename I, bool kReluMask>
__global__ void __launch_bounds__(kBlock)
maxpool_backward_kernel(float *__restrict__ din, const float *__restrict__ dout,
                        const int32_t *__restrict__ argmax, const float *__restrict__ out, I total, PoolDims<I> d) {
    const I ohw = d.OH * d.OW;
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I w = j % d.W;
        const I t = j / d.W;
        const I h = t % d.H;
        const I plane = t / d.H;
        const float *g = dout + plane * ohw;
        const float *o = kReluMask ? out + plane * ohw : nullptr;
        const int32_t *am = argmax + plane * ohw;
        const int32_t target = (int32_t)(h * d.W + w);
        I oh_lo, oh_hi, ow_lo, ow_hi;
        covering_range(h, d.SH, d.PH, (d.KH - 1) * d.DH + 1, d.OH, &oh_lo, &oh_hi);
        covering_range(w, d.SW, d.PW, (d.KW - 1) * d.DW + 1, d.OW, &ow_lo, &ow_hi);
        float acc = 0.0f;
        for (I oh = oh_lo; oh <= oh_hi; ++oh)
            for (I ow = ow_lo; ow <= ow_hi; ++ow)
                if (am[oh * d.OW + ow] == target && (!kReluMask || o[oh * d.OW + ow] > 0.0f))
                    acc += g[oh * d.OW + ow];
        din[j] = acc;
    }
}

/* The backward for pools whose windows tile the image (maxpool_tiles.h): one
 * thread per window writes every pixel it owns, reading the window's gradient,
 * argmax (and pooled value) once instead of once per pixel. Same values as the
 * gather: each pixel has at most one window. int32 indices (small_pool). */
template <bool kReluMask>
__global__ void __launch_bounds__(kBlock)
maxpool_backward_tiles_kernel(float *__restrict__ din, const float *__restrict__ dout,
                              const int32_t *__restrict__ argmax, const float *__restrict__ out, int total,
                              cnnc_pool_tiles::Dims d) {
    const int ohw = d.OH * d.OW, hw = d.H * d.W;
    for (int j = blockIdx.x * blockDim.x + threadIdx.x; j < total; j += blockDim.x * gridDim.x) {
        const int plane = j / ohw, p = j - plane * ohw, oh = p / d.OW, ow = p - oh * d.OW;
        cnnc_pool_tiles::window_backward<kReluMask>(din + plane * hw, dout[j], argmax[j], kReluMask ? out[j] : 0.0f,
                                                    d, oh, ow);
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

/* The max-pool forward, plain (bias NULL, relu 0) or fused over a bias-less conv (relu 1). */
static cnnc_status maxpool_forward(float *out, int32_t *argmax, const float *in, const float *bias, int relu,
                                   const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    const bool small = small_pool(g);
    if (relu && small)
        maxpool_forward_kernel<int32_t, true><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, in, bias, (int32_t)g->C, (int32_t)total, pool_dims<int32_t>(g));
    else if (relu)
        maxpool_forward_kernel<int64_t, true><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, in, bias, g->C, total, pool_dims<int64_t>(g));
    else if (small)
        maxpool_forward_kernel<int32_t, false><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, in, nullptr, (int32_t)g->C, (int32_t)total, pool_dims<int32_t>(g));
    else
        maxpool_forward_kernel<int64_t, false><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, in, nullptr, g->C, total, pool_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(maxpool_forward_kernel);
    return CNNC_OK;
}

/* The max-pool backward, plain (out NULL) or under a fused ReLU (out: the pooled values). */
static cnnc_status maxpool_backward(float *din, const float *dout, const int32_t *argmax, const float *out,
                                    const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->N * g->C * g->H * g->W;
    if (total <= 0 || !din) return CNNC_OK;
    const bool small = small_pool(g);
    if (small && bias_relu_maxpool_fusable(g)) {
        const int windows = (int)(g->N * g->C * g->OH * g->OW);
        const cnnc_pool_tiles::Dims d = {(int)g->H, (int)g->W, (int)g->OH, (int)g->OW, (int)g->KH, (int)g->KW};
        if (out)
            maxpool_backward_tiles_kernel<true><<<grid_for(windows), kBlock, 0, stream>>>(din, dout, argmax, out,
                                                                                         windows, d);
        else
            maxpool_backward_tiles_kernel<false><<<grid_for(windows), kBlock, 0, stream>>>(din, dout, argmax, nullptr,
                                                                                          windows, d);
        CNNC_LAUNCH_CHECK(maxpool_backward_tiles_kernel);
        return CNNC_OK;
    }
    if (out && small)
        maxpool_backward_kernel<int32_t, true><<<grid_for(total), kBlock, 0, stream>>>(
            din, dout, argmax, out, (int32_t)total, pool_dims<int32_t>(g));
    else if (out)
        maxpool_backward_kernel<int64_t, true><<<grid_for(total), kBlock, 0, stream>>>(
            din, dout, argmax, out, total, pool_dims<int64_t>(g));
    else if (small)
        maxpool_backward_kernel<int32_t, false><<<grid_for(total), kBlock, 0, stream>>>(
            din, dout, argmax, nullptr, (int32_t)total, pool_dims<int32_t>(g));
    else
        maxpool_backward_kernel<int64_t, false><<<grid_for(total), kBlock, 0, stream>>>(
            din, dout, argmax, nullptr, total, pool_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(maxpool_backward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status maxpool2d_forward_cuda(float *out, int32_t *argmax, const float *in, const cnnc_pool_geom *g,
                                              cudaStream_t stream, cnnc_error *err) {
    return maxpool_forward(out, argmax, in, nullptr, 0, g, stream, err);
}

extern "C" cnnc_status maxpool2d_backward_cuda(float *din, const float *dout, const int32_t *argmax,
                                               const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err) {
    return maxpool_backward(din, dout, argmax, nullptr, g, stream, err);
}

/* ---- Conv2d -> ReLU -> MaxPool2d fused (the engine fuses only non-overlapping pools) ---- */

extern "C" int bias_relu_maxpool_fusable(const cnnc_pool_geom *g) {
    const int64_t dh = g->DH > 0 ? g->DH : 1, dw = g->DW > 0 ? g->DW : 1;
    return g->KH == g->SH && g->KW == g->SW && g->PH == 0 && g->PW == 0 && dh == 1 && dw == 1 && g->KH > 0 &&
           g->KW > 0 && g->H * g->W <= INT32_MAX;
}

static cnnc_status refuse_unfusable(cnnc_error *err) {
    return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                          "fused bias+ReLU+max-pool needs kernel == stride, no padding and no dilation");
}

extern "C" cnnc_status bias_relu_maxpool_forward_cuda(float *out, int32_t *argmax, const float *conv,
                                                      const float *bias, const cnnc_pool_geom *g,
                                                      cudaStream_t stream, cnnc_error *err) {
    if (!bias_relu_maxpool_fusable(g)) return refuse_unfusable(err);
    return maxpool_forward(out, argmax, conv, bias, 1, g, stream, err);
}

extern "C" cnnc_status bias_relu_maxpool_backward_cuda(float *dconv, const float *dout, const float *out,
                                                       const int32_t *argmax, const cnnc_pool_geom *g,
                                                       cudaStream_t stream, cnnc_error *err) {
    if (!bias_relu_maxpool_fusable(g)) return refuse_unfusable(err);
    return maxpool_backward(dconv, dout, argmax, out, g, stream, err);
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
