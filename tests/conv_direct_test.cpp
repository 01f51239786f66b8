// conv_direct_test.cpp — the direct conv engine's per-point arithmetic
// (cuda/conv_direct.h) run on the host against the CPU backend's conv, for
// the geometries it takes: strides, padding (asymmetric 'same' too),
// dilation, groups, and the 32-tap / 32-channel limits. The CUDA kernels add
// only the thread mapping and the block sums; tests/cuda_backend_test.cpp
// checks those against the CPU on a GPU. Runs on any machine.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "conv_direct_ref.h"
#include "cpu/cpu_kernels.h"

namespace {

struct Geo {
    const char *name;
    int64_t N, C, H, W, OC, KH, KW, SH, SW, PH, PW, DH, DW, G;
    int64_t OH = -1, OW = -1;  // -1: the symmetric-padding formula
};

// gtest prints parameters in test listings; show the case's name, not its bytes.
void PrintTo(const Geo &g, std::ostream *os) { *os << g.name; }

cnnc_conv_geom make_geom(const Geo &s) {
    cnnc_conv_geom g;
    g.N = s.N; g.C = s.C; g.H = s.H; g.W = s.W; g.OC = s.OC;
    g.KH = s.KH; g.KW = s.KW; g.SH = s.SH; g.SW = s.SW; g.PH = s.PH; g.PW = s.PW; g.DH = s.DH; g.DW = s.DW;
    g.groups = s.G;
    g.OH = s.OH >= 0 ? s.OH : (s.H + 2 * s.PH - s.DH * (s.KH - 1) - 1) / s.SH + 1;
    g.OW = s.OW >= 0 ? s.OW : (s.W + 2 * s.PW - s.DW * (s.KW - 1) - 1) / s.SW + 1;
    return g;
}

std::vector<float> random_vec(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    std::vector<float> v(n);
    for (auto &x : v) x = u(rng);
    return v;
}

double rel_l2(const std::vector<float> &got, const std::vector<float> &want) {
    double d = 0, w = 0;
    for (size_t i = 0; i < want.size(); i++) {
        d += (double)(got[i] - want[i]) * (got[i] - want[i]);
        w += (double)want[i] * want[i];
    }
    return w > 0 ? std::sqrt(d / w) : std::sqrt(d);
}

const Geo kGeos[] = {
    {"SeedConv1", 3, 1, 28, 28, 16, 5, 5, 1, 1, 2, 2, 1, 1, 1},
    {"StridedPadded", 2, 3, 10, 9, 6, 3, 3, 2, 2, 1, 1, 1, 1, 1},
    {"GroupedDilated", 2, 4, 11, 9, 6, 3, 3, 1, 1, 2, 2, 2, 2, 2},
    // padding='same' with an even kernel: PyTorch pads 1 top/left and 2 bottom/right.
    {"SameEvenKernelAsymmetric", 2, 2, 7, 7, 3, 4, 4, 1, 1, 1, 1, 1, 1, 1, 7, 7},
    {"StrideThreeRectangular", 2, 2, 13, 8, 5, 2, 4, 3, 2, 0, 1, 1, 1, 1},
    {"PointwiseGroups", 2, 8, 5, 6, 8, 1, 1, 1, 1, 0, 0, 1, 1, 4},
    {"AtTheLimits32Taps32Outputs", 2, 2, 6, 6, 32, 4, 4, 1, 1, 1, 1, 1, 1, 1},
    {"OutputsPerGroupNotAPowerOfTwo", 2, 3, 6, 5, 27, 3, 3, 1, 1, 1, 1, 1, 1, 3},
};

class ConvDirectHost : public ::testing::TestWithParam<Geo> {};

TEST_P(ConvDirectHost, ForwardWeightAndInputGradientsMatchTheCpuConv) {
    const cnnc_conv_geom g = make_geom(GetParam());
    ASSERT_TRUE(cnnc_direct::supported(&g));
    const cnnc_direct::Dims d = cnnc_direct::dims_of(&g);
    const size_t in_n = (size_t)(g.N * g.C * g.H * g.W), out_n = (size_t)(g.N * g.OC * g.OH * g.OW);
    const size_t w_n = (size_t)(g.OC * d.Kc);
    const auto in = random_vec(in_n, 1), w = random_vec(w_n, 2), b = random_vec((size_t)g.OC, 3);
    const auto dout = random_vec(out_n, 4);

    std::vector<float> ws(conv2d_workspace_floats_cpu(&g, cpu_get_threads()));
    std::vector<float> out_cpu(out_n), din_cpu(in_n), dw_cpu(w_n), db_cpu((size_t)g.OC);
    conv2d_forward_cpu(out_cpu.data(), in.data(), w.data(), b.data(), &g, ws.data());
    conv2d_backward_cpu(din_cpu.data(), dw_cpu.data(), db_cpu.data(), dout.data(), in.data(), w.data(), &g, ws.data());

    const std::vector<cnnc_direct::Tap> taps = DirectTaps(d);
    const int plane = d.OH * d.OW;

    // Forward: every output pixel of every group, as the kernel's threads do.
    std::vector<float> out(out_n, NAN);
    DirectForwardOnHost(out.data(), in.data(), w.data(), b.data(), d);
    EXPECT_LE(rel_l2(out, out_cpu), 1e-6) << "forward";
    // The 16-channel instantiation agrees where it applies.
    if (d.OCg <= 16) {
        std::vector<float> out16(out_n, NAN);
        DirectForwardOnHost<16>(out16.data(), in.data(), w.data(), b.data(), d);
        EXPECT_EQ(out16, out);
    }

    // Weight gradient: per (slice, output channel) sums over the slice's pixels,
    // then the slices added in order, as the kernel and column_sums_cuda do.
    const int slices = cnnc_direct::wgrad_slices(g.N, g.OC);
    std::vector<float> dw(w_n, 0.0f);
    for (int s = 0; s < slices; s++) {
        int n0, n1;
        cnnc_direct::slice_range(d.N, slices, s, &n0, &n1);
        for (int oc = 0; oc < d.OC; oc++) {
            const int grp = oc / d.OCg;
            float acc[cnnc_direct::kMaxTaps] = {0};
            for (int n = n0; n < n1; n++)
                for (int p = 0; p < plane; p++)
                    cnnc_direct::wgrad_point(acc, dout[(size_t)((n * d.OC + oc) * plane + p)],
                                             in.data() + (n * d.C + grp * d.Cg) * d.H * d.W, taps.data(), d,
                                             p / d.OW, p % d.OW);
            for (int k = 0; k < d.Kc; k++) dw[(size_t)(oc * d.Kc + k)] += acc[k];
        }
    }
    EXPECT_LE(rel_l2(dw, dw_cpu), 1e-5) << "weight gradient";

    // Input gradient: every input pixel gathers from the outputs that read it.
    std::vector<float> din(in_n, NAN);
    DirectDgradOnHost(din.data(), dout.data(), w.data(), d);
    EXPECT_LE(rel_l2(din, din_cpu), 1e-6) << "input gradient";
}

INSTANTIATE_TEST_SUITE_P(Geometries, ConvDirectHost, ::testing::ValuesIn(kGeos),
                         [](const ::testing::TestParamInfo<Geo> &i) { return std::string(i.param.name); });

TEST(ConvDirect, TakesAtMost32TapsAnd32OutputsPerGroupAndIndicesThatFitInt32) {
    auto geo = [](int64_t C, int64_t OC, int64_t K, int64_t G, int64_t N = 2) {
        return make_geom(Geo{"", N, C, 8, 8, OC, K, K, 1, 1, 0, 0, 1, 1, G});
    };
    cnnc_conv_geom g = geo(2, 32, 4, 1);
    EXPECT_TRUE(cnnc_direct::supported(&g));   // 32 taps, 32 outputs
    g = geo(3, 16, 4, 1);
    EXPECT_FALSE(cnnc_direct::supported(&g));  // 48 taps
    g = geo(1, 33, 3, 1);
    EXPECT_FALSE(cnnc_direct::supported(&g));  // 33 outputs per group
    g = geo(2, 64, 3, 2);
    EXPECT_TRUE(cnnc_direct::supported(&g));   // 9 taps, 32 outputs per group
    g = geo(16, 32, 5, 1);
    EXPECT_FALSE(cnnc_direct::supported(&g));  // the seed net's conv2: 400 taps
    g = geo(1, 16, 5, 1, (int64_t)1 << 25);
    EXPECT_FALSE(cnnc_direct::supported(&g));  // 2^25 samples: output indices past int32
}

TEST(ConvDirect, SlicesCoverEverySampleOnceInOrder) {
    for (int N : {1, 2, 7, 64, 100, 1024, 1025})
        for (int64_t OC : {1, 3, 16, 32, 64}) {
            const int slices = cnnc_direct::wgrad_slices(N, OC);
            ASSERT_GE(slices, 1);
            ASSERT_LE(slices, N);
            int next = 0;
            for (int s = 0; s < slices; s++) {
                int n0, n1;
                cnnc_direct::slice_range(N, slices, s, &n0, &n1);
                ASSERT_EQ(n0, next) << N << " " << OC << " " << s;
                ASSERT_GE(n1, n0 + 1);
                next = n1;
            }
            EXPECT_EQ(next, N);
        }
}

}  // namespace
