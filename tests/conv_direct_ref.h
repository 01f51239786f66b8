// conv_direct_ref.h — the direct conv engine's per-point arithmetic
// (cuda/conv_direct.h) over whole tensors on the host, as its kernels apply
// it: the reference of ConvDirectHost.* (against the CPU conv) and of
// CudaKernels.DirectConv* (the kernels against it, bit for bit).
#ifndef CNNC_TESTS_CONV_DIRECT_REF_H
#define CNNC_TESTS_CONV_DIRECT_REF_H

#include <vector>

#include "../cuda/conv_direct.h"

inline std::vector<cnnc_direct::Tap> DirectTaps(const cnnc_direct::Dims &d) {
    std::vector<cnnc_direct::Tap> taps((size_t)d.Kc);
    for (int k = 0; k < d.Kc; k++) taps[(size_t)k] = cnnc_direct::tap_of(d, k);
    return taps;
}

// out[N][OC][OH][OW] from every output pixel of every group; bias may be NULL.
template <int OCMAX = cnnc_direct::kMaxOut>
void DirectForwardOnHost(float *out, const float *in, const float *w, const float *bias, const cnnc_direct::Dims &d) {
    const std::vector<cnnc_direct::Tap> taps = DirectTaps(d);
    const int plane = d.OH * d.OW;
    for (int n = 0; n < d.N; n++)
        for (int grp = 0; grp < d.G; grp++)
            for (int p = 0; p < plane; p++)
                cnnc_direct::forward_point<OCMAX>(out + (n * d.OC + grp * d.OCg) * plane,
                                                  in + (n * d.C + grp * d.Cg) * d.H * d.W, w + grp * d.OCg * d.Kc,
                                                  bias ? bias + grp * d.OCg : nullptr, taps.data(), d, p / d.OW,
                                                  p % d.OW);
}

// din[N][C][H][W]: every input pixel gathers from the output pixels that read it.
inline void DirectDgradOnHost(float *din, const float *dout, const float *w, const cnnc_direct::Dims &d) {
    const int plane = d.OH * d.OW, hw = d.H * d.W;
    for (int n = 0; n < d.N; n++)
        for (int c = 0; c < d.C; c++)
            for (int q = 0; q < hw; q++) {
                const int grp = c / d.Cg;
                din[(n * d.C + c) * hw + q] = cnnc_direct::dgrad_point(
                    dout + (n * d.OC + grp * d.OCg) * plane, w + grp * d.OCg * d.Kc, d, c - grp * d.Cg, q / d.W,
                    q % d.W);
            }
}

#endif
