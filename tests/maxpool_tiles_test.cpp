// maxpool_tiles_test.cpp — the per-window max-pool backward (cuda/maxpool_tiles.h)
// run on the host against the CPU backend's max-pool backward, plain and under
// a fused ReLU, for pools whose windows tile the image: with and without
// ceil_mode, sizes that leave rows and columns uncovered, rectangular windows,
// ties and zeros. Runs on any machine; the CUDA kernel around it is checked
// bit for bit against the gather on a GPU (CudaFusion.*, CudaLayerParity.*).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "../cuda/maxpool_tiles.h"
#include "cpu/cpu_kernels.h"

namespace {

struct TileCase {
    const char *name;
    int64_t H, W, KH, KW;
    bool ceil;
};

void PrintTo(const TileCase &c, std::ostream *os) { *os << c.name; }

int64_t out_size(int64_t in, int64_t k, bool ceil) {
    int64_t o = ceil ? (in - k + k - 1) / k + 1 : (in - k) / k + 1;
    if (ceil && (o - 1) * k >= in) o--;  // PyTorch: the last window must start inside the input
    return o;
}

const TileCase kCases[] = {
    {"SeedPool1_28x28_k2", 28, 28, 2, 2, false},
    {"SeedPool2_14x14_k2", 14, 14, 2, 2, false},
    {"Odd7x7_k2_LeavesARowAndColumnUncovered", 7, 7, 2, 2, false},
    {"Odd7x7_k2_CeilModeCutsTheLastWindows", 7, 7, 2, 2, true},
    {"9x11_k3_LeavesTwoColumns", 9, 11, 3, 3, false},
    {"5x7_k2x3_CeilMode", 5, 7, 2, 3, true},
    {"6x4_k3x1", 6, 4, 3, 1, false},
    {"1x1_k1", 1, 1, 1, 1, false},
};

class MaxPoolTiles : public ::testing::TestWithParam<TileCase> {};

TEST_P(MaxPoolTiles, PerWindowBackwardEqualsTheCpuScatterPlainAndUnderAFusedRelu) {
    const TileCase &c = GetParam();
    cnnc_pool_geom g;
    memset(&g, 0, sizeof g);
    g.N = 2, g.C = 3, g.H = c.H, g.W = c.W, g.KH = c.KH, g.KW = c.KW, g.SH = c.KH, g.SW = c.KW, g.DH = 1, g.DW = 1;
    g.OH = out_size(c.H, c.KH, c.ceil), g.OW = out_size(c.W, c.KW, c.ceil);
    const size_t in_n = (size_t)(g.N * g.C * g.H * g.W), out_n = (size_t)(g.N * g.C * g.OH * g.OW);
    std::mt19937 rng(7);
    std::vector<float> x(in_n), dout(out_n);
    // Values on a coarse grid, about a third negative: ties and ReLU zeros happen.
    for (auto &v : x) v = (float)((int)(rng() % 9) - 3) * 0.25f;
    for (auto &v : dout) v = (float)((int)(rng() % 2001) - 1000) * 1e-3f;
    dout[0] = -0.0f;
    const cnnc_pool_tiles::Dims d = {(int)g.H, (int)g.W, (int)g.OH, (int)g.OW, (int)g.KH, (int)g.KW};
    const int ohw = d.OH * d.OW, hw = d.H * d.W;

    for (int relu = 0; relu < 2; relu++) {
        SCOPED_TRACE(relu ? "under a fused ReLU" : "plain");
        std::vector<float> y(in_n), pooled(out_n), want(in_n);
        std::vector<int32_t> argmax(out_n);
        for (size_t i = 0; i < in_n; i++) y[i] = relu ? (x[i] > 0.0f ? x[i] : 0.0f) : x[i];
        maxpool2d_forward_cpu(pooled.data(), argmax.data(), y.data(), &g);
        maxpool2d_backward_cpu(want.data(), dout.data(), argmax.data(), &g);
        if (relu)
            for (size_t i = 0; i < in_n; i++) want[i] = y[i] > 0.0f ? want[i] : 0.0f;
        std::vector<float> got(in_n, 12345.0f);  // every pixel must be written
        for (int plane = 0; plane < (int)(g.N * g.C); plane++)
            for (int p = 0; p < ohw; p++) {
                const size_t j = (size_t)(plane * ohw + p);
                if (relu)
                    cnnc_pool_tiles::window_backward<true>(got.data() + plane * hw, dout[j], argmax[j], pooled[j], d,
                                                           p / d.OW, p % d.OW);
                else
                    cnnc_pool_tiles::window_backward<false>(got.data() + plane * hw, dout[j], argmax[j], 0.0f, d,
                                                            p / d.OW, p % d.OW);
            }
        for (size_t i = 0; i < in_n; i++) {
            ASSERT_EQ(got[i], want[i]) << "pixel " << i;
            ASSERT_EQ(std::signbit(got[i]), std::signbit(want[i])) << "pixel " << i;  // -0.0 comes out as the CPU's
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Pools, MaxPoolTiles, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<TileCase> &i) { return std::string(i.param.name); });

TEST(MaxPoolTilesOwned, TheWindowsRectanglesCoverEveryPixelExactlyOnce) {
    for (int H : {1, 2, 5, 7, 28})
        for (int W : {1, 3, 8})
            for (int K : {1, 2, 3})
                for (bool ceil : {false, true}) {
                    if (K > H || K > W) continue;
                    const cnnc_pool_tiles::Dims d = {H, W, (int)out_size(H, K, ceil), (int)out_size(W, K, ceil), K, K};
                    std::vector<int> seen((size_t)(H * W), 0);
                    for (int oh = 0; oh < d.OH; oh++)
                        for (int ow = 0; ow < d.OW; ow++) {
                            int r0, r1, c0, c1;
                            cnnc_pool_tiles::owned(d, oh, ow, &r0, &r1, &c0, &c1);
                            for (int h = r0; h < r1; h++)
                                for (int w = c0; w < c1; w++) seen[(size_t)(h * W + w)]++;
                        }
                    for (int v : seen) ASSERT_EQ(v, 1) << H << "x" << W << " k" << K << (ceil ? " ceil" : "");
                }
}

}  // namespace
