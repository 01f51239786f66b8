/* conv_im2col.cu — im2col / col2im for the GEMM convolution engine.
 * col is [n][C*KH*KW][OH*OW] with row (c*KH + kh)*KW + kw, so the rows of
 * group k (channels k*C/groups ...) are contiguous and the layout does not
 * depend on groups at all. col2im is a gather: each image pixel sums the
 * columns that read it, in (kh, kw) order, so it needs no atomics and gives
 * the same bits as the CPU scatter. Index math runs in 32 bits when every
 * buffer is small enough (64-bit division is emulated and slow). */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;

template <typename I>
struct ConvDims {
    I H, W, OH, OW, KH, KW, SH, SW, PH, PW, DH, DW;
};

template <typename I>
ConvDims<I> conv_dims(const cnnc_conv_geom *g) {
    ConvDims<I> d;
    d.H = (I)g->H; d.W = (I)g->W; d.OH = (I)g->OH; d.OW = (I)g->OW;
    d.KH = (I)g->KH; d.KW = (I)g->KW; d.SH = (I)g->SH; d.SW = (I)g->SW;
    d.PH = (I)g->PH; d.PW = (I)g->PW; d.DH = (I)g->DH; d.DW = (I)g->DW;
    return d;
}

/* One thread per (sample*channel, oh, ow): writes the KH*KW column entries of
 * that output position (consecutive threads write consecutive ow: coalesced).
 * kKMajor: the columns of all n samples side by side, [C*KH*KW][n][OH*OW], so
 * that one GEMM with K = n*OH*OW takes the weight gradient of the whole chunk. */
template <typename I, bool kKMajor>
__global__ void __launch_bounds__(kBlock)
im2col_kernel(float *__restrict__ col, const float *__restrict__ img, I total, I C, I n, ConvDims<I> d) {
    const I ohw = d.OH * d.OW;
    const I kk = d.KH * d.KW;
    const I step = kKMajor ? n * ohw : ohw; /* from one tap's row to the next */
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I ow = j % d.OW;
        const I t = j / d.OW;
        const I oh = t % d.OH;
        const I plane = t / d.OH; /* sample*C + channel */
        const float *src = img + plane * d.H * d.W;
        float *dst = kKMajor ? col + ((plane % C) * kk * n + plane / C) * ohw + oh * d.OW + ow
                             : col + plane * kk * ohw + oh * d.OW + ow;
        const I h0 = oh * d.SH - d.PH;
        const I w0 = ow * d.SW - d.PW;
        for (I kh = 0; kh < d.KH; ++kh) {
            const I h = h0 + kh * d.DH;
            const bool row_in = h >= 0 && h < d.H;
            for (I kw = 0; kw < d.KW; ++kw) {
                const I w = w0 + kw * d.DW;
                *dst = (row_in && w >= 0 && w < d.W) ? src[h * d.W + w] : 0.0f;
                dst += step;
            }
        }
    }
}

/* One thread per image pixel: sums col[(c*KH+kh)*KW+kw][oh*OW+ow] over every
 * (kh, kw) with h = oh*SH - PH + kh*DH, w = ow*SW - PW + kw*DW. */
template <typename I>
__global__ void __launch_bounds__(kBlock)
col2im_kernel(float *__restrict__ img, const float *__restrict__ col, I total, ConvDims<I> d) {
    const I ohw = d.OH * d.OW;
    const I kk = d.KH * d.KW;
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I w = j % d.W;
        const I t = j / d.W;
        const I h = t % d.H;
        const I plane = t / d.H;
        const float *src = col + plane * kk * ohw;
        float acc = 0.0f;
        for (I kh = 0; kh < d.KH; ++kh) {
            const I th = h + d.PH - kh * d.DH;
            if (th < 0) break; /* th only decreases with kh */
            if (th % d.SH != 0) continue;
            const I oh = th / d.SH;
            if (oh >= d.OH) continue;
            for (I kw = 0; kw < d.KW; ++kw) {
                const I tw = w + d.PW - kw * d.DW;
                if (tw < 0) break;
                if (tw % d.SW != 0) continue;
                const I ow = tw / d.SW;
                if (ow >= d.OW) continue;
                acc += src[(kh * d.KW + kw) * ohw + oh * d.OW + ow];
            }
        }
        img[j] = acc;
    }
}

/* dst[c][s][p] = src[s][c][p] for s < n, c < C, p < P: a chunk's output
 * gradient with its channels outermost, the other operand of the one-GEMM
 * weight gradient. One thread per element; reads and writes run along p. */
template <typename I>
__global__ void __launch_bounds__(kBlock)
channels_outer_kernel(float *__restrict__ dst, const float *__restrict__ src, I total, I n, I C, I P) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I p = j % P;
        const I t = j / P;
        const I c = t % C;
        const I s = t / C;
        dst[(c * n + s) * P + p] = src[j];
    }
}

} /* namespace */

template <typename I>
static void launch_im2col(float *col, const float *img, I total, I C, I n, const cnnc_conv_geom *g, bool k_major,
                          cudaStream_t stream) {
    const ConvDims<I> d = conv_dims<I>(g);
    if (k_major)
        im2col_kernel<I, true><<<grid_for(total), kBlock, 0, stream>>>(col, img, total, C, n, d);
    else
        im2col_kernel<I, false><<<grid_for(total), kBlock, 0, stream>>>(col, img, total, C, n, d);
}

static cnnc_status im2col_any(float *col, const float *img, int64_t n, const cnnc_conv_geom *g, bool k_major,
                              cudaStream_t stream, cnnc_error *err) {
    const int64_t planes = n * g->C;
    const int64_t total = planes * g->OH * g->OW;
    const int64_t col_numel = total * g->KH * g->KW;
    const int64_t img_numel = planes * g->H * g->W;
    if (total <= 0) return CNNC_OK;
    if (col_numel < kSmallIndex && img_numel < kSmallIndex)
        launch_im2col<int32_t>(col, img, (int32_t)total, (int32_t)g->C, (int32_t)n, g, k_major, stream);
    else
        launch_im2col<int64_t>(col, img, total, g->C, n, g, k_major, stream);
    CNNC_LAUNCH_CHECK(im2col_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status im2col_cuda(float *col, const float *img, int64_t n, const cnnc_conv_geom *g,
                                   cudaStream_t stream, cnnc_error *err) {
    return im2col_any(col, img, n, g, false, stream, err);
}

extern "C" cnnc_status im2col_kmajor_cuda(float *col, const float *img, int64_t n, const cnnc_conv_geom *g,
                                          cudaStream_t stream, cnnc_error *err) {
    return im2col_any(col, img, n, g, true, stream, err);
}

extern "C" cnnc_status channels_outer_cuda(float *dst, const float *src, int64_t n, int64_t C, int64_t P,
                                           cudaStream_t stream, cnnc_error *err) {
    const int64_t total = n * C * P;
    if (total <= 0) return CNNC_OK;
    if (total < kSmallIndex)
        channels_outer_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(dst, src, (int32_t)total, (int32_t)n,
                                                                             (int32_t)C, (int32_t)P);
    else
        channels_outer_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(dst, src, total, n, C, P);
    CNNC_LAUNCH_CHECK(channels_outer_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status col2im_cuda(float *img, const float *col, int64_t n, const cnnc_conv_geom *g,
                                   cudaStream_t stream, cnnc_error *err) {
    const int64_t planes = n * g->C;
    const int64_t total = planes * g->H * g->W;
    const int64_t col_numel = planes * g->KH * g->KW * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    if (col_numel < kSmallIndex && total < kSmallIndex)
        col2im_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(img, col, (int32_t)total,
                                                                      conv_dims<int32_t>(g));
    else
        col2im_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(img, col, total, conv_dims<int64_t>(g));
    CNNC_LAUNCH_CHECK(col2im_kernel);
    return CNNC_OK;
}
