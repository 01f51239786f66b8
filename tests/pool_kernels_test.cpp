// pool_kernels_test.cpp — the CPU kernels of the adaptive pools, upsampling
// and padding against PyTorch 1.13: forward values and input gradients on
// seeded random inputs (tests/python/pool_kernel_ref.py computes PyTorch's, in
// one interpreter for all cases), relative L2 <= 1e-5 over the finite values,
// and the same NaN/+inf/-inf positions exactly. The cases cover uneven and
// overlapping windows, the index rules PyTorch's kernels differ on (nearest's
// out == 2*in and out == in shortcuts, bilinear's half-pixel and
// align_corners sources, output size 1, bicubic's unclamped taps and its
// same-size output, which weighs every tap), negative (cropping) padding, 1-D
// forms, and NaN/inf inputs. Padding is held tighter: exact in constant mode
// (a copy both ways), relative L2 <= 1e-6 where reflect and replicate sum
// gradients. Every output buffer has sentinels on both sides.
// Without torch the tests fail: CI installs it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "test_run.h"

extern "C" {
#include "cnnc/io.h"
#include "cnnc/model.h"
#include "cnnc/shape.h"
#include "cpu/cpu_kernels.h"
}

namespace {

struct Case {
    const char *name, *call, *input, *special;
};

const Case kCases[] = {
    // adaptive average: uneven overlapping windows, growing, global (any rank), NaN/inf
    {"aavg_uneven", "AdaptiveAvgPool2d((3, 4))", "2x3x10x9", "-"},
    {"aavg_grow", "AdaptiveAvgPool2d(7)", "1x2x5x5", "-"},
    {"aavg_odd", "AdaptiveAvgPool2d((5, None))", "3x13x7", "-"},
    {"aavg_global_5d", "AdaptiveAvgPool2d(1)", "2x2x3x4x5", "-"},
    {"aavg_nan", "AdaptiveAvgPool2d((2, 3))", "2x2x7x8", "nan"},
    // adaptive max: first maximum in scan order, NaN wins, windows overlap
    {"amax_overlap", "AdaptiveMaxPool2d((5, 3))", "2x3x7x7", "ties"},
    {"amax_grow", "AdaptiveMaxPool2d((6, 9))", "1x2x4x5", "-"},
    {"amax_nan", "AdaptiveMaxPool2d(3)", "2x2x8x7", "nan"},
    // nearest
    {"near_x2", "Upsample(scale_factor=2)", "2x3x5x6", "-"},
    {"near_scale_1_1_c3", "Upsample(scale_factor=1.1)", "2x3x5x5", "-"},   // out == in: forward floors, backward copies
    {"near_scale_1_1_c1", "Upsample(scale_factor=1.1)", "2x1x5x5", "-"},   // C == 1: forward copies too
    {"near_2_001", "Upsample(scale_factor=(1.0, 2.001))", "1x2x3x300", "-"},  // out == 2*in, scale not 2
    {"near_size", "Upsample(size=(7, 3))", "2x2x5x5", "-"},
    {"near_down", "Upsample(scale_factor=0.6)", "1x3x9x11", "-"},
    {"near_recompute", "Upsample(scale_factor=1.7, recompute_scale_factor=True)", "1x2x5x7", "-"},
    {"near_1d", "Upsample(scale_factor=2.5)", "2x3x7", "-"},
    {"near_1d_2_001", "Upsample(scale_factor=2.001)", "1x2x300", "-"},
    {"near_class", "UpsamplingNearest2d(size=(4, 9))", "1x2x3x5", "nan"},
    // bilinear
    {"bil_x2", "Upsample(scale_factor=2, mode='bilinear')", "2x3x5x6", "-"},
    {"bil_x2_ac", "Upsample(scale_factor=2, mode='bilinear', align_corners=True)", "2x3x5x6", "-"},
    {"bil_1_5", "Upsample(scale_factor=1.5, mode='bilinear')", "1x2x7x5", "-"},
    {"bil_down", "Upsample(size=(4, 3), mode='bilinear')", "1x2x9x8", "-"},
    {"bil_down_ac", "Upsample(size=(4, 3), mode='bilinear', align_corners=True)", "1x2x9x8", "-"},
    {"bil_to_one", "Upsample(size=(1, 5), mode='bilinear')", "1x2x6x5", "-"},
    {"bil_to_one_ac", "Upsample(size=(1, 1), mode='bilinear', align_corners=True)", "1x2x6x5", "-"},
    {"bil_nan", "Upsample(scale_factor=(1.7, 2.3), mode='bilinear')", "2x2x6x5", "nan"},
    {"bil_same_size_nan", "Upsample(size=(5, 6), mode='bilinear')", "1x2x5x6", "nan"},
    {"bil_class", "UpsamplingBilinear2d(scale_factor=3)", "1x3x4x3", "-"},
    // bicubic: unclamped sources (taps before 0 and past the end clamp to the border)
    {"bic_x2", "Upsample(scale_factor=2, mode='bicubic')", "2x3x5x6", "-"},
    {"bic_x4_ac", "Upsample(scale_factor=4, mode='bicubic', align_corners=True)", "1x2x4x3", "-"},
    {"bic_1_7", "Upsample(scale_factor=(1.7, 2.3), mode='bicubic')", "2x2x6x5", "-"},
    {"bic_down", "Upsample(size=(4, 3), mode='bicubic')", "1x2x9x8", "-"},
    {"bic_down_ac", "Upsample(size=(4, 3), mode='bicubic', align_corners=True)", "1x2x9x8", "-"},
    {"bic_tiny", "Upsample(size=(5, 7), mode='bicubic')", "1x2x1x2", "-"},
    {"bic_same_size", "Upsample(size=(5, 6), mode='bicubic')", "1x2x5x6", "nan"},
    // padding
    {"zero_asym", "ZeroPad2d((1, 2, 0, 3))", "2x3x5x4", "nan"},
    {"zero_crop", "ZeroPad2d((-2, 3, 1, -1))", "2x3x5x5", "-"},
    {"zero_2d", "ZeroPad2d(2)", "5x4", "-"},
    {"const_value", "ConstantPad2d((2, 1, 1, 2), -1.5)", "1x2x3x4", "-"},
    {"reflect", "ReflectionPad2d((4, 3, 2, 4))", "2x2x5x6", "-"},
    {"reflect_crop", "ReflectionPad2d((-2, 3, 1, -1))", "2x3x5x5", "-"},
    {"reflect_1d", "ReflectionPad2d((2, 3))", "3x4x5", "nan"},
    {"replicate", "ReplicationPad2d((7, 1, 0, 6))", "2x2x5x5", "-"},
    {"replicate_crop", "ReplicationPad2d((-1, 2, -2, 1))", "1x3x6x5", "-"},
    {"replicate_1px", "ReplicationPad2d(3)", "1x2x1x1", "-"},
    // six numbers: dim -3 too (the CIFAR ResNet "option A" shortcut pads the channels)
    {"zero_channels", "ZeroPad2d((0, 0, 0, 0, 2, 2))", "2x4x3x3", "nan"},
    {"const_6_crop", "ConstantPad2d((-1, 2, 1, -2, 2, -1), 0.5)", "2x3x5x5", "-"},
    {"zero_6_5d", "ZeroPad2d((1, 0, 0, 1, -1, 1))", "1x2x3x4x5", "-"},
    {"zero_6_3d", "ZeroPad2d((1, 1, 0, 0, 1, 1))", "3x4x5", "-"},
    {"reflect_6", "ReflectionPad2d((2, 1, 1, 2, 2, 1))", "2x3x4x5", "-"},
    {"reflect_6_crop", "ReflectionPad2d((-1, 2, 1, -1, 1, -1))", "1x2x4x5x5", "nan"},
    {"replicate_6", "ReplicationPad2d((3, 0, 1, 2, 2, 3))", "1x2x3x4x5", "-"},
};

constexpr float kSentinel = -12345.678f;
constexpr size_t kGuard = 16;

struct Guarded {
    std::vector<float> buf;
    size_t n;
    explicit Guarded(size_t count) : buf(count + 2 * kGuard, kSentinel), n(count) {
        for (size_t i = 0; i < n; i++) buf[kGuard + i] = std::nanf("");  // a missed element shows as NaN
    }
    float *data() { return buf.data() + kGuard; }
    std::vector<float> vec() const { return std::vector<float>(buf.begin() + kGuard, buf.begin() + kGuard + n); }
    bool guards_intact() const {
        for (size_t i = 0; i < kGuard; i++)
            if (buf[i] != kSentinel || buf[kGuard + n + i] != kSentinel) return false;
        return true;
    }
};

// The same NaN and infinity positions, and relative L2 of the finite rest <= tol.
::testing::AssertionResult close(const std::vector<float> &got, const std::vector<float> &want, double tol = 1e-5) {
    if (got.size() != want.size()) return ::testing::AssertionFailure() << "size " << got.size() << " vs " << want.size();
    double num = 0, den = 0;
    for (size_t i = 0; i < got.size(); i++) {
        if (std::isnan(want[i]) != std::isnan(got[i]) || (std::isinf(want[i]) && got[i] != want[i]))
            return ::testing::AssertionFailure() << "element " << i << ": " << got[i] << ", PyTorch " << want[i];
        if (!std::isfinite(want[i])) continue;
        if (!std::isfinite(got[i])) return ::testing::AssertionFailure() << "element " << i << ": " << got[i] << ", PyTorch " << want[i];
        num += ((double)got[i] - want[i]) * ((double)got[i] - want[i]);
        den += (double)want[i] * want[i];
    }
    const double e = den > 0 ? std::sqrt(num / den) : std::sqrt(num);
    if (!(e <= tol)) return ::testing::AssertionFailure() << "relative L2 " << e << " > " << tol;
    return ::testing::AssertionSuccess();
}

cnnc_shape parse_shape(const char *text) {
    cnnc_shape s;
    cnnc_error err;
    EXPECT_EQ(cnnc_shape_parse(text, &s, &err), CNNC_OK) << text;
    return s;
}

std::vector<float> tensor(const cnnc_st_file *ref, const std::string &name) {
    const cnnc_st_tensor *t = cnnc_st_find(ref, name.c_str());
    if (!t) { ADD_FAILURE() << "no " << name << " in the references"; return {}; }
    std::vector<float> v((size_t)t->numel);
    std::memcpy(v.data(), t->data, v.size() * sizeof(float));
    return v;
}

// Runs the case's CPU kernels: forward of x into y, backward of g into dx.
void run_kernels(const cnnc_layer &L, const cnnc_layer_shape &ls, const float *x, const float *g, Guarded *y,
                 Guarded *dx) {
    switch (L.kind) {
    case CNNC_ADAPTIVEAVGPOOL2D:
        adaptive_avgpool2d_forward_cpu(y->data(), x, &ls.g.plane);
        adaptive_avgpool2d_backward_cpu(dx->data(), g, &ls.g.plane);
        break;
    case CNNC_ADAPTIVEMAXPOOL2D: {
        std::vector<int32_t> argmax(y->n);
        adaptive_maxpool2d_forward_cpu(y->data(), argmax.data(), x, &ls.g.plane);
        adaptive_maxpool2d_backward_cpu(dx->data(), g, argmax.data(), &ls.g.plane);
        break;
    }
    case CNNC_UPSAMPLE: case CNNC_UPSAMPLINGNEAREST2D: case CNNC_UPSAMPLINGBILINEAR2D: case CNNC_INTERPOLATE:
        upsample2d_forward_cpu(y->data(), x, &ls.g.upsample);
        upsample2d_backward_cpu(dx->data(), g, &ls.g.upsample);
        break;
    default:
        pad2d_forward_cpu(y->data(), x, &ls.g.pad2d);
        pad2d_backward_cpu(dx->data(), g, &ls.g.pad2d);
        break;
    }
}

void check_case(const Case &c, const cnnc_st_file *ref) {
    SCOPED_TRACE(std::string(c.name) + ": " + c.call + " on " + c.input);
    std::string text = std::string("m = ") + c.call + "\n";
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err), CNNC_OK) << err.message;
    cnnc_shape in = parse_shape(c.input);
    cnnc_layer_shape ls;
    cnnc_status st = cnnc_shape_pass(m, &in, &ls, nullptr, &err);
    const cnnc_layer L = m->layers[0];
    cnnc_model_free(m);
    ASSERT_EQ(st, CNNC_OK) << err.message;
    const std::string n = c.name;
    std::vector<float> x = tensor(ref, n + ".x"), g = tensor(ref, n + ".g"), y_ref = tensor(ref, n + ".y"),
                       dx_ref = tensor(ref, n + ".dx");
    ASSERT_EQ(x.size(), (size_t)cnnc_shape_numel(&in));
    ASSERT_EQ(y_ref.size(), (size_t)ls.out_numel);
    const bool pad = L.kind == CNNC_ZEROPAD2D || L.kind == CNNC_CONSTANTPAD2D || L.kind == CNNC_REFLECTIONPAD2D ||
                     L.kind == CNNC_REPLICATIONPAD2D || L.kind == CNNC_PAD;
    const double tol = !pad ? 1e-5 : L.p.pad2d.mode == CNNC_PAD2D_CONSTANT ? 0.0 : 1e-6;
    for (int threads : {1, 2}) {
        SCOPED_TRACE("threads " + std::to_string(threads));
        Guarded y(y_ref.size()), dx(x.size());
        const int saved = cpu_get_threads();
        cpu_set_threads(threads);
        run_kernels(L, ls, x.data(), g.data(), &y, &dx);
        cpu_set_threads(saved);
        EXPECT_TRUE(close(y.vec(), y_ref, tol)) << "forward";
        EXPECT_TRUE(close(dx.vec(), dx_ref, tol)) << "input gradient";
        EXPECT_TRUE(y.guards_intact());
        EXPECT_TRUE(dx.guards_intact());
    }
}

// One test, so PyTorch computes every case's answer in one interpreter.
TEST(PoolKernels, ForwardAndInputGradientMatchPyTorchForEveryCase) {
    std::string why;
    ASSERT_TRUE(torch_available(&why)) << why;  // the oracle must run: CI installs torch
    WorkDir dir("pool_kernels");
    {
        std::ofstream rows(dir / "cases.tsv");
        for (const Case &c : kCases) rows << c.name << "\t" << c.call << "\t" << c.input << "\t" << c.special << "\n";
    }
    const std::string ref_path = (dir / "ref.safetensors").string();
    RunResult r = run(python_exe() + " " + script("pool_kernel_ref.py") + " " + quote(ref_path) + " < " +
                          quote((dir / "cases.tsv").string()),
                      dir);
    ASSERT_EQ(r.rc, 0) << "pool_kernel_ref.py failed:\n" << r.out << r.err;
    cnnc_st_file *ref = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_st_read(ref_path.c_str(), &ref, &err), CNNC_OK) << err.message;
    for (const Case &c : kCases) check_case(c, ref);
    cnnc_st_free(ref);
}

// Cases PyTorch shows by construction, without the oracle.
TEST(PoolKernels, NearestBackwardOfAnOddScaleSumsEveryOutputIntoItsSource) {
    // in 5 -> out 5 at scale 1.1 with C > 1: the forward reads floor(dst / 1.1)
    // (0, 0, 1, 2, 3) while PyTorch's backward copies (dst -> dst).
    cnnc_upsample_geom g{};
    g.planes = 1; g.H = 1; g.W = 5; g.OH = 1; g.OW = 5; g.scale_h = 1.0; g.scale_w = 1.1;
    const float x[5] = {10, 11, 12, 13, 14}, go[5] = {1, 2, 3, 4, 5};
    float y[5], dx[5];
    upsample2d_forward_cpu(y, x, &g);
    upsample2d_backward_cpu(dx, go, &g);
    EXPECT_EQ(std::vector<float>(y, y + 5), (std::vector<float>{10, 10, 11, 12, 13}));
    EXPECT_EQ(std::vector<float>(dx, dx + 5), (std::vector<float>{1, 2, 3, 4, 5}));
    g.fwd_shortcuts = 1;
    upsample2d_forward_cpu(y, x, &g);
    EXPECT_EQ(std::vector<float>(y, y + 5), (std::vector<float>{10, 11, 12, 13, 14}));
}

TEST(PoolKernels, ReflectPadMirrorsWithoutTheEdgeAndItsGradientFoldsBack) {
    cnnc_pad2d_geom g{};
    g.planes = 1; g.D = 1; g.H = 1; g.W = 4; g.OD = 1; g.OH = 1; g.OW = 9; g.left = 3; g.mode = CNNC_PAD2D_REFLECT;
    const float x[4] = {1, 2, 3, 4};
    float y[9], dx[4];
    pad2d_forward_cpu(y, x, &g);
    EXPECT_EQ(std::vector<float>(y, y + 9), (std::vector<float>{4, 3, 2, 1, 2, 3, 4, 3, 2}));
    const float go[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    pad2d_backward_cpu(dx, go, &g);
    EXPECT_EQ(std::vector<float>(dx, dx + 4), (std::vector<float>{1, 3, 3, 2}));
}

TEST(PoolKernels, ChannelPaddingAddsValuePlanesAndItsGradientKeepsTheMiddle) {
    // F.pad(x, (0, 0, 0, 0, 1, 1), value=-1) on 1x2x1x2: a plane of -1 before and after
    cnnc_pad2d_geom g{};
    g.planes = 1; g.D = 2; g.H = 1; g.W = 2; g.OD = 4; g.OH = 1; g.OW = 2; g.front = 1; g.value = -1.0f;
    const float x[4] = {1, 2, 3, 4}, go[8] = {10, 20, 30, 40, 50, 60, 70, 80};
    float y[8], dx[4];
    pad2d_forward_cpu(y, x, &g);
    EXPECT_EQ(std::vector<float>(y, y + 8), (std::vector<float>{-1, -1, 1, 2, 3, 4, -1, -1}));
    pad2d_backward_cpu(dx, go, &g);
    EXPECT_EQ(std::vector<float>(dx, dx + 4), (std::vector<float>{30, 40, 50, 60}));
    // cropping the first channel (front = -1, OD = 1): its gradient is zero
    g.OD = 1; g.front = -1;
    pad2d_forward_cpu(y, x, &g);
    EXPECT_EQ(std::vector<float>(y, y + 2), (std::vector<float>{3, 4}));
    pad2d_backward_cpu(dx, go, &g);
    EXPECT_EQ(std::vector<float>(dx, dx + 4), (std::vector<float>{0, 0, 10, 20}));
}

}  // namespace
