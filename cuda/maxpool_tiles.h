/* maxpool_tiles.h — the max-pool backward for pools whose windows tile the
 * image (kernel == stride, no padding, no dilation: every pool the engine
 * fuses after Conv2d -> ReLU, and the seed net's). Each input pixel lies in at
 * most one window, so one thread per window can write its pixels: the
 * gradient at the argmax, zero elsewhere. The gather (pool.cu's general
 * backward) reads the window's argmax and gradient once per pixel instead.
 * Shared by pool.cu and the host test (tests/maxpool_tiles_test.cpp). */
#ifndef CNNC_CUDA_MAXPOOL_TILES_H
#define CNNC_CUDA_MAXPOOL_TILES_H

#include <stdint.h>
#include "hd.h"

namespace cnnc_pool_tiles {

struct Dims {
    int H, W, OH, OW, KH, KW; /* a plane's input and output sizes; window = stride */
};

/* The input rectangle window (oh, ow) writes, rows [*r0, *r1) x cols [*c0, *c1):
 * its own pixels clipped to the image (ceil_mode's last window may be cut),
 * and for the last window row / column also the pixels below / right of it
 * that no window covers (without ceil_mode), which get zero. Together the
 * rectangles cover the plane exactly once. */
CNNC_HD void owned(const Dims &d, int oh, int ow, int *r0, int *r1, int *c0, int *c1) {
    *r0 = oh * d.KH;
    *c0 = ow * d.KW;
    *r1 = oh == d.OH - 1 ? d.H : (oh + 1) * d.KH;
    *c1 = ow == d.OW - 1 ? d.W : (ow + 1) * d.KW;
}

/* One window's backward into its plane of din: din = 0 + g at the argmax
 * (the sum the gather forms, so -0.0 comes out as +0.0 there too) and 0
 * elsewhere. kReluMask: under a fused ReLU, pass g only if the pooled value
 * is not <= 0 (at the argmax, ReLU's output is the pooled value; NaN passes,
 * as in PyTorch's threshold_backward). */
template <bool kReluMask>
CNNC_HD void window_backward(float *din_plane, float g, int32_t argmax, float pooled, const Dims &d, int oh,
                             int ow) {
    int r0, r1, c0, c1;
    owned(d, oh, ow, &r0, &r1, &c0, &c1);
    const bool pass = !kReluMask || !(pooled <= 0.0f);
    for (int h = r0; h < r1; ++h)
        for (int w = c0; w < c1; ++w) {
            const int idx = h * d.W + w;
            din_plane[idx] = (pass && idx == argmax) ? 0.0f + g : 0.0f;
        }
}

}  // namespace cnnc_pool_tiles

#endif
