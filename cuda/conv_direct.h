/* conv_direct.h — the direct convolution engine's arithmetic at one point,
 * shared by its CUDA kernels (conv_direct.cu) and the host tests
 * (tests/conv_direct_test.cpp), which run it against the CPU backend on a
 * machine without a GPU. The kernels only add the thread mapping, the shared
 * memory copies of the weights and taps, and the block reduction.
 *
 * The engine is for convolutions with few taps per output (Kc = C/groups *
 * KH * KW <= 32) and few output channels per group (<= 32): the seed net's
 * first layer (1 -> 16, 5x5). im2col would write Kc floats per output pixel
 * there and the GEMM would read them back; a direct sum reads the input
 * (tiny, cached) and writes the output once. Every index fits int32 (the
 * engine declines larger tensors). */
#ifndef CNNC_CUDA_CONV_DIRECT_H
#define CNNC_CUDA_CONV_DIRECT_H

#include <math.h>
#include <stdint.h>
#include "cnnc/shape.h"
#include "hd.h"

namespace cnnc_direct {

constexpr int kMaxTaps = 32; /* Kc = C/groups * KH * KW */
constexpr int kMaxOut = 32;  /* output channels per group */

struct Dims {
    int N, C, H, W, OC, OH, OW, KH, KW, SH, SW, PH, PW, DH, DW;
    int G, Cg, OCg, Kc;
};

/* Tap k of a group's Kc, in weight order k = (c*KH + kh)*KW + kw: its channel
 * within the group and its offsets from the window's top-left corner. */
struct Tap {
    int c, dh, dw;
};

/* Whether the engine takes this geometry: few taps and outputs per group,
 * every index in int32. */
inline bool supported(const cnnc_conv_geom *g) {
    if (g->groups < 1 || g->C % g->groups || g->OC % g->groups) return false;
    const int64_t Kc = g->C / g->groups * g->KH * g->KW, OCg = g->OC / g->groups;
    const int64_t in_numel = g->N * g->C * g->H * g->W, out_numel = g->N * g->OC * g->OH * g->OW;
    return Kc >= 1 && Kc <= kMaxTaps && OCg >= 1 && OCg <= kMaxOut && in_numel < ((int64_t)1 << 30) &&
           out_numel < ((int64_t)1 << 30);
}

inline Dims dims_of(const cnnc_conv_geom *g) {
    Dims d;
    d.N = (int)g->N; d.C = (int)g->C; d.H = (int)g->H; d.W = (int)g->W;
    d.OC = (int)g->OC; d.OH = (int)g->OH; d.OW = (int)g->OW;
    d.KH = (int)g->KH; d.KW = (int)g->KW; d.SH = (int)g->SH; d.SW = (int)g->SW;
    d.PH = (int)g->PH; d.PW = (int)g->PW; d.DH = (int)g->DH; d.DW = (int)g->DW;
    d.G = (int)g->groups; d.Cg = d.C / d.G; d.OCg = d.OC / d.G; d.Kc = d.Cg * d.KH * d.KW;
    return d;
}

CNNC_HD Tap tap_of(const Dims &d, int k) {
    const int kw = k % d.KW, t = k / d.KW;
    Tap tap;
    tap.c = t / d.KH;
    tap.dh = (t % d.KH) * d.DH;
    tap.dw = kw * d.DW;
    return tap;
}

/* Forward at output pixel (oh, ow) of one sample and group: out[oc * OH*OW]
 * for oc < OCg = bias + sum over taps k in order of w[oc][k] * x_k (fused
 * multiply-adds, so host and device give the same bits). in_g points at the
 * group's first input channel of the sample, w_g at the group's weights
 * [OCg][Kc], bias_g at its biases (NULL: none), out_g at its first output plane. */
template <int OCMAX>
CNNC_HD void forward_point(float *out_g, const float *in_g, const float *w_g, const float *bias_g, const Tap *taps,
                           const Dims &d, int oh, int ow) {
    float acc[OCMAX];
CNNC_UNROLL
    for (int oc = 0; oc < OCMAX; ++oc) acc[oc] = 0.0f;
    const int h0 = oh * d.SH - d.PH, w0 = ow * d.SW - d.PW;
    for (int k = 0; k < d.Kc; ++k) {
        const int h = h0 + taps[k].dh, w = w0 + taps[k].dw;
        const float x = (h >= 0 && h < d.H && w >= 0 && w < d.W) ? in_g[(taps[k].c * d.H + h) * d.W + w] : 0.0f;
CNNC_UNROLL
        for (int oc = 0; oc < OCMAX; ++oc)
            if (oc < d.OCg) acc[oc] = fmaf(w_g[oc * d.Kc + k], x, acc[oc]);
    }
    const int plane = d.OH * d.OW, p = oh * d.OW + ow;
CNNC_UNROLL
    for (int oc = 0; oc < OCMAX; ++oc)
        if (oc < d.OCg) out_g[oc * plane + p] = bias_g ? acc[oc] + bias_g[oc] : acc[oc];
}

/* Weight gradient: adds output pixel (oh, ow)'s contribution g * x_k to acc[k]
 * for k < Kc (g: the output gradient there for one output channel). */
CNNC_HD void wgrad_point(float *acc, float g, const float *in_g, const Tap *taps, const Dims &d, int oh, int ow) {
    const int h0 = oh * d.SH - d.PH, w0 = ow * d.SW - d.PW;
CNNC_UNROLL
    for (int k = 0; k < kMaxTaps; ++k) {
        if (k < d.Kc) {
            const int h = h0 + taps[k].dh, w = w0 + taps[k].dw;
            const float x = (h >= 0 && h < d.H && w >= 0 && w < d.W) ? in_g[(taps[k].c * d.H + h) * d.W + w] : 0.0f;
            acc[k] = fmaf(g, x, acc[k]);
        }
    }
}

/* Input gradient at input pixel (ih, iw) of channel cl (within the group) of
 * one sample: the sum over (kh, kw, oc) of w[oc][cl, kh, kw] * dout[oc] at the
 * output pixel whose window puts tap (kh, kw) on (ih, iw). dout_g points at the
 * group's first output-gradient plane of the sample. */
CNNC_HD float dgrad_point(const float *dout_g, const float *w_g, const Dims &d, int cl, int ih, int iw) {
    float s = 0.0f;
    for (int kh = 0; kh < d.KH; ++kh) {
        const int th = ih + d.PH - kh * d.DH;
        if (th < 0 || th % d.SH) continue;
        const int oh = th / d.SH;
        if (oh >= d.OH) continue;
        for (int kw = 0; kw < d.KW; ++kw) {
            const int tw = iw + d.PW - kw * d.DW;
            if (tw < 0 || tw % d.SW) continue;
            const int ow = tw / d.SW;
            if (ow >= d.OW) continue;
            const int k = (cl * d.KH + kh) * d.KW + kw;
            for (int oc = 0; oc < d.OCg; ++oc)
                s = fmaf(w_g[oc * d.Kc + k], dout_g[(oc * d.OH + oh) * d.OW + ow], s);
        }
    }
    return s;
}

/* Weight-gradient partial sums: the samples are cut into `slices` runs, one
 * block per (slice, output channel), and a fixed-order column sum adds the
 * slices. About 1024 blocks (a few waves of 128-thread blocks on a large GPU),
 * never more slices than samples. */
inline int wgrad_slices(int64_t N, int64_t OC) {
    int64_t s = (1024 + OC - 1) / OC;
    if (s > N) s = N;
    return s < 1 ? 1 : (int)s;
}

/* Samples per slice: the first slices take one more when N does not divide. */
CNNC_HD void slice_range(int N, int slices, int slice, int *n0, int *n1) {
    const int base = N / slices, extra = N % slices;
    *n0 = slice * base + (slice < extra ? slice : extra);
    *n1 = *n0 + base + (slice < extra ? 1 : 0);
}

}  // namespace cnnc_direct

#endif
