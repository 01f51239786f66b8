/* pool_dims.h — what the max- and avg-pool kernels share: the geometry in
 * the index type of the launch (int32 when everything fits), and which outputs
 * cover an input pixel (the backward gathers). */
#ifndef CNNC_CUDA_POOL_DIMS_H
#define CNNC_CUDA_POOL_DIMS_H

#include "cnnc/shape.h"
#include "launch.h"

namespace cnnc_pool {

template <typename I>
struct PoolDims {
    I H, W, OH, OW, KH, KW, SH, SW, PH, PW, DH, DW;
    int count_include_pad;
    I divisor_override;
};

template <typename I>
inline PoolDims<I> pool_dims(const cnnc_pool_geom *g) {
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

inline bool small_pool(const cnnc_pool_geom *g) {
    const int64_t planes = g->N * g->C;
    return planes * g->H * g->W < cnnc_launch::kSmallIndex && planes * g->OH * g->OW < cnnc_launch::kSmallIndex;
}


}  // namespace cnnc_pool

#endif
