/* plane_index.h — where an output element of an adaptive pool, an upsampling
 * or a padding reads its input: PyTorch 1.13's index rules, shared by the CPU
 * and CUDA kernels so both backends pick the same elements and weights. The
 * float steps are written as PyTorch's CPU kernels compute them (single
 * roundings, no fused multiply-add: the CUDA side uses the _rn intrinsics). */
#ifndef CNNC_PLANE_INDEX_H
#define CNNC_PLANE_INDEX_H
#include <math.h>
#include <stdint.h>

#include "cnnc/layers.h"

#if defined(__CUDACC__)
#define CNNC_PLANE_FN __host__ __device__ __forceinline__
#else
#define CNNC_PLANE_FN static inline
#endif

#if defined(__CUDA_ARCH__)
#define CNNC_FMUL(a, b) __fmul_rn((a), (b))
#define CNNC_FADD(a, b) __fadd_rn((a), (b))
#define CNNC_DMUL(a, b) __dmul_rn((a), (b))
#else
#define CNNC_FMUL(a, b) ((a) * (b))
#define CNNC_FADD(a, b) ((a) + (b))
#define CNNC_DMUL(a, b) ((a) * (b))
#endif

/* ---- adaptive pooling: the window of output o (ATen's start_index/end_index:
 * floor(o*in/out) and ceil((o+1)*in/out), in integers) ---- */
CNNC_PLANE_FN int64_t cnnc_adaptive_start(int64_t o, int64_t out, int64_t in) { return (o / out) * in + ((o % out) * in) / out; }
CNNC_PLANE_FN int64_t cnnc_adaptive_end(int64_t o, int64_t out, int64_t in) { return 1 + ((o + 1) * in - 1) / out; }

/* ---- upsampling ---- */
/* compute_scales_value: 1/scale_factor when one was given, else in/out (float). */
CNNC_PLANE_FN float cnnc_upsample_scale(double scale, int64_t in, int64_t out) {
    return scale > 0.0 ? (float)(1.0 / scale) : (float)in / (float)out;
}

/* nearest: floor(dst * scale) capped at in-1; `shortcuts`: out == in copies,
 * out == 2*in halves (ATen's nearest_idx). */
CNNC_PLANE_FN int64_t cnnc_nearest_src(int64_t dst, int64_t in, int64_t out, float scale, int shortcuts) {
    if (shortcuts) {
        if (out == in) return dst;
        if (out == 2 * in) return dst >> 1;
    }
    const int64_t s = (int64_t)floorf(CNNC_FMUL((float)dst, scale));
    return s < in - 1 ? s : in - 1;
}

/* bilinear: area_pixel_compute_scale. */
CNNC_PLANE_FN float cnnc_linear_scale(int64_t in, int64_t out, int align_corners, double scale) {
    if (align_corners) return out > 1 ? (float)(in - 1) / (float)(out - 1) : 0.0f;
    return cnnc_upsample_scale(scale, in, out);
}

/* bilinear: compute_source_index_and_lambda (out == in copies). */
typedef struct cnnc_linear_tap { int64_t i0, i1; float l0, l1; } cnnc_linear_tap;
CNNC_PLANE_FN cnnc_linear_tap cnnc_linear_src(int64_t dst, int64_t in, int64_t out, float scale, int align_corners) {
    cnnc_linear_tap t;
    if (out == in) {
        t.i0 = t.i1 = dst;
        t.l0 = 1.0f;
        t.l1 = 0.0f;
        return t;
    }
    float real;
    if (align_corners) {
        real = CNNC_FMUL(scale, (float)dst);
    } else {
        /* float scale times a double: computed in double, rounded once to float */
        real = (float)(CNNC_DMUL((double)scale, (double)dst + 0.5) - 0.5);
        if (real < 0.0f) real = 0.0f;
    }
    t.i0 = (int64_t)real < in - 1 ? (int64_t)real : in - 1;
    t.i1 = t.i0 + (t.i0 < in - 1 ? 1 : 0);
    float l1 = real - (float)t.i0;
    l1 = l1 < 0.0f ? 0.0f : l1 > 1.0f ? 1.0f : l1;
    t.l1 = l1;
    t.l0 = 1.0f - l1;
    return t;
}

/* bicubic: upsample_bicubic2d's taps of output dst: the source index (not
 * clamped below 0, unlike bilinear's), its floor, and the coefficients of
 * get_cubic_upsample_coefficients with A = -0.75; tap k reads input index
 * i0 - 1 + k clamped to [0, in - 1] (upsample_get_value_bounded). */
typedef struct cnnc_cubic_tap { int64_t i0; float w[4]; } cnnc_cubic_tap;
CNNC_PLANE_FN float cnnc_cubic_near(float x) {   /* cubic_convolution1, |x| <= 1 */
    const float A = -0.75f;
    return CNNC_FADD(CNNC_FMUL(CNNC_FMUL(CNNC_FADD(CNNC_FMUL(A + 2.0f, x), -(A + 3.0f)), x), x), 1.0f);
}
CNNC_PLANE_FN float cnnc_cubic_far(float x) {    /* cubic_convolution2, 1 <= |x| <= 2 */
    const float A = -0.75f;
    return CNNC_FADD(CNNC_FMUL(CNNC_FADD(CNNC_FMUL(CNNC_FADD(CNNC_FMUL(A, x), -5.0f * A), x), 8.0f * A), x), -4.0f * A);
}
CNNC_PLANE_FN cnnc_cubic_tap cnnc_cubic_src(int64_t dst, float scale, int align_corners) {
    cnnc_cubic_tap t;
    const float real = align_corners ? CNNC_FMUL(scale, (float)dst) : (float)(CNNC_DMUL((double)scale, (double)dst + 0.5) - 0.5);
    const float fl = floorf(real);
    const float x = CNNC_FADD(real, -fl);
    t.i0 = (int64_t)fl;
    t.w[0] = cnnc_cubic_far(CNNC_FADD(x, 1.0f));
    t.w[1] = cnnc_cubic_near(x);
    t.w[2] = cnnc_cubic_near(CNNC_FADD(1.0f, -x));
    t.w[3] = cnnc_cubic_far(CNNC_FADD(CNNC_FADD(1.0f, -x), 1.0f));
    return t;
}
CNNC_PLANE_FN int64_t cnnc_cubic_index(int64_t i, int64_t in) { return i < 0 ? 0 : i > in - 1 ? in - 1 : i; }

/* ---- padding: the input index output index o reads along one dim of size
 * `in` padded to `out` with `lo` before (negative: cropped), or -1 for the
 * constant fill ---- */
CNNC_PLANE_FN int64_t cnnc_pad_src(int64_t o, int64_t in, int64_t out, int64_t lo, cnnc_pad2d_mode mode) {
    if (mode == CNNC_PAD2D_CONSTANT) {
        const int64_t i = o - lo;
        return i >= 0 && i < in ? i : -1;
    }
    if (mode == CNNC_PAD2D_REPLICATE) {
        const int64_t i = o - lo;
        return i < 0 ? 0 : i >= in ? in - 1 : i;
    }
    if (mode == CNNC_PAD2D_CIRCULAR) {
        /* _pad_circular: the input cropped by the negative paddings is the period, and the
         * positive ones wrap it once at most (the shape rule refuses more) */
        const int64_t hi = out - in - lo, cl = lo < 0 ? -lo : 0, cr = hi < 0 ? -hi : 0, pl = lo > 0 ? lo : 0;
        const int64_t period = in - cl - cr;
        if (period <= 0) return -1;
        const int64_t j = (o - pl) % period;
        return cl + (j < 0 ? j + period : j);
    }
    /* reflect, as ATen's reflection_pad kernels write it */
    const int64_t i_start = lo < 0 ? -lo : 0, o_start = lo > 0 ? lo : 0;
    int64_t i;
    if (o < lo) i = lo * 2 - o;
    else if (o < in + lo) i = o;
    else i = (in + lo - 1) * 2 - o;
    return i - o_start + i_start;
}

#endif
