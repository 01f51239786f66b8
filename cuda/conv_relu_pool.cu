/* conv_relu_pool.cu — the fused tail of Conv2d -> ReLU -> MaxPool2d for
 * non-overlapping pools (kernel == stride, no padding, no dilation; ceil_mode
 * allowed), the seed net's pattern.
 *
 * Unfused, the conv output crosses memory four times more than it must: bias
 * add (read + write), ReLU (read + write), pool (read). Fused, the forward
 * reads the bias-less conv output once and writes the pooled values and their
 * argmax; the backward writes the conv output gradient once from the pooled
 * gradient, the argmax and the pooled values.
 *
 * Bit for bit what the three layers compute: v = conv + bias (one rounding, as
 * bias_act), relu as relu_forward (v > 0 ? v : 0, so NaN -> 0), the first
 * maximum of the window in (h, w) order as maxpool_forward. Backward: the
 * pool routes dout to the argmax, and ReLU passes it where relu(v) > 0; at
 * the argmax relu(v) is the pooled value, so the mask is out > 0. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;

template <typename I>
struct FuseDims {
    I C, H, W, OH, OW, KH, KW;  /* stride == kernel, no padding */
};

template <typename I>
__global__ void __launch_bounds__(kBlock)
bias_relu_maxpool_forward_kernel(float *__restrict__ out, int32_t *__restrict__ argmax,
                                 const float *__restrict__ conv, const float *__restrict__ bias, I total,
                                 FuseDims<I> d) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I ow = j % d.OW;
        const I t = j / d.OW;
        const I oh = t % d.OH;
        const I plane = t / d.OH;
        const float b = bias ? bias[plane % d.C] : 0.0f;
        const float *src = conv + plane * d.H * d.W;
        const I h0 = oh * d.KH, w0 = ow * d.KW;
        const I he = min(h0 + d.KH, d.H), we = min(w0 + d.KW, d.W);
        I best_idx = h0 * d.W + w0;
        float best = -INFINITY;
        for (I h = h0; h < he; ++h)
            for (I w = w0; w < we; ++w) {
                const I idx = h * d.W + w;
                float v = src[idx];
                if (bias) v += b;
                v = v > 0.0f ? v : 0.0f;
                if (v > best) {  /* v is never NaN after the ReLU above */
                    best = v;
                    best_idx = idx;
                }
            }
        out[j] = best;
        argmax[j] = (int32_t)best_idx;
    }
}

template <typename I>
__global__ void __launch_bounds__(kBlock)
bias_relu_maxpool_backward_kernel(float *__restrict__ dconv, const float *__restrict__ dout,
                                  const float *__restrict__ out, const int32_t *__restrict__ argmax, I total,
                                  FuseDims<I> d) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I w = j % d.W;
        const I t = j / d.W;
        const I h = t % d.H;
        const I plane = t / d.H;
        const I oh = h / d.KH, ow = w / d.KW;
        float g = 0.0f;
        if (oh < d.OH && ow < d.OW) {  /* floor mode drops the last rows/columns */
            const I o = (plane * d.OH + oh) * d.OW + ow;
            if (argmax[o] == (int32_t)(h * d.W + w) && out[o] > 0.0f) g = dout[o];
        }
        dconv[j] = g;
    }
}

template <typename I>
FuseDims<I> fuse_dims(const cnnc_pool_geom *g) {
    FuseDims<I> d;
    d.C = (I)g->C; d.H = (I)g->H; d.W = (I)g->W; d.OH = (I)g->OH; d.OW = (I)g->OW;
    d.KH = (I)g->KH; d.KW = (I)g->KW;
    return d;
}

bool small(const cnnc_pool_geom *g) { return g->N * g->C * g->H * g->W < kSmallIndex; }

}  // namespace

extern "C" int bias_relu_maxpool_fusable(const cnnc_pool_geom *g) {
    const int64_t dh = g->DH > 0 ? g->DH : 1, dw = g->DW > 0 ? g->DW : 1;
    return g->KH == g->SH && g->KW == g->SW && g->PH == 0 && g->PW == 0 && dh == 1 && dw == 1 && g->KH > 0 &&
           g->KW > 0 && g->H * g->W <= INT32_MAX;
}

extern "C" cnnc_status bias_relu_maxpool_forward_cuda(float *out, int32_t *argmax, const float *conv,
                                                      const float *bias, const cnnc_pool_geom *g,
                                                      cudaStream_t stream, cnnc_error *err) {
    if (!bias_relu_maxpool_fusable(g))
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "fused bias+ReLU+max-pool needs kernel == stride, no padding and no dilation");
    const int64_t total = g->N * g->C * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    if (small(g))
        bias_relu_maxpool_forward_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, conv, bias, (int32_t)total, fuse_dims<int32_t>(g));
    else
        bias_relu_maxpool_forward_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(
            out, argmax, conv, bias, total, fuse_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(bias_relu_maxpool_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status bias_relu_maxpool_backward_cuda(float *dconv, const float *dout, const float *out,
                                                       const int32_t *argmax, const cnnc_pool_geom *g,
                                                       cudaStream_t stream, cnnc_error *err) {
    if (!bias_relu_maxpool_fusable(g))
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "fused bias+ReLU+max-pool needs kernel == stride, no padding and no dilation");
    const int64_t total = g->N * g->C * g->H * g->W;
    if (total <= 0 || !dconv) return CNNC_OK;
    if (small(g))
        bias_relu_maxpool_backward_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(
            dconv, dout, out, argmax, (int32_t)total, fuse_dims<int32_t>(g));
    else
        bias_relu_maxpool_backward_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(
            dconv, dout, out, argmax, total, fuse_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(bias_relu_maxpool_backward_kernel);
    return CNNC_OK;
}
