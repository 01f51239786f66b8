// more_kernels_test.cpp — the CPU kernels of Hardswish, Hardsigmoid, Softplus,
// Mish, Hardshrink, PReLU (input and weight gradients), PixelShuffle,
// PixelUnshuffle, expand, expand_as, repeat, slice with a step, amax/amin (and
// torch.max/min's reductions), matmul, bmm, mm, mv, dot, cumsum, circular padding,
// unfold and fold against PyTorch 1.13.
//
// The references come from `tests/python/more_oracle.py kernels`, run with
// /usr/bin/python3 once per version of the script: seeded random inputs (odd
// sizes) with NaN, +-inf, +-0, tiny and huge values and each kind's kinks
// appended, PyTorch's outputs and its autograd gradients. The shaped kinds run
// with the geometry their shape rule computes, as the engine runs them. A test
// FAILS when the oracle cannot run. Agreement: NaN exactly where PyTorch has
// NaN, the same infinities, and relative L2 error <= 1e-5 over the finite
// values (forward and backward). Outputs carry sentinels on both sides.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "graphops_util.h"
#include "test_paths.h"
#include "test_run.h"

extern "C" {
#include "cnnc/io.h"
#include "cpu/cpu_kernels.h"
}

namespace {

constexpr double kTol = 1e-5;
constexpr float kSentinel = -12345.678f;
constexpr size_t kGuard = 16;

struct Guarded {
    std::vector<float> buf;
    size_t n;
    explicit Guarded(size_t count) : buf(count + 2 * kGuard, kSentinel), n(count) {}
    float *data() { return buf.data() + kGuard; }
    std::vector<float> vec() const { return std::vector<float>(buf.begin() + kGuard, buf.begin() + kGuard + n); }
    bool guards_intact() const {
        for (size_t i = 0; i < kGuard; i++)
            if (buf[i] != kSentinel || buf[kGuard + n + i] != kSentinel) return false;
        return true;
    }
};

// NaN where `want` has NaN, the same infinities, relative L2 <= tol over the rest.
::testing::AssertionResult matches(const std::vector<float> &got, const std::vector<float> &want, double tol = kTol) {
    if (got.size() != want.size()) return ::testing::AssertionFailure() << "size " << got.size() << " != " << want.size();
    double diff = 0, ref = 0;
    for (size_t i = 0; i < got.size(); i++) {
        const float g = got[i], w = want[i];
        if (std::isnan(w) || std::isinf(w) || !std::isfinite(g)) {
            const bool same = (std::isnan(w) && std::isnan(g)) || (!std::isnan(w) && g == w);
            if (!same) return ::testing::AssertionFailure() << "[" << i << "] " << g << " where PyTorch has " << w;
            continue;
        }
        diff += ((double)g - w) * ((double)g - w);
        ref += (double)w * w;
    }
    const double err = ref > 0 ? std::sqrt(diff / ref) : std::sqrt(diff);
    if (!(err <= tol)) return ::testing::AssertionFailure() << "relative L2 error " << err << " > " << tol;
    return ::testing::AssertionSuccess() << "relative L2 error " << err;
}

class MoreKernels : public ::testing::Test {
protected:
    static cnnc_st_file *refs_;
    static std::string why_;

    // Made once per version of the script (its text hashed into the name) in the
    // build folder, written under a temporary name and renamed (ctest runs tests in parallel).
    static void SetUpTestSuite() {
        const std::string script_text = read_text(source_path("tests/python/more_oracle.py"));
        if (script_text.empty()) {
            why_ = "cannot read tests/python/more_oracle.py";
            return;
        }
        fs::path dir = fs::path(CNNC_BINARY_DIR) / "more_oracle";
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) dir = fs::path(scratch_dir());
        char key[32];
        std::snprintf(key, sizeof key, "%016zx", std::hash<std::string>{}(script_text));
        const fs::path file = dir / ("kernels-" + std::string(key) + ".safetensors");
        if (!fs::exists(file)) {
            const fs::path tmp = dir / ("kernels-" + std::string(key) + "." + std::to_string(getpid()) + ".tmp");
            const fs::path logs = dir / ("run-" + std::to_string(getpid()));
            fs::create_directories(logs, ec);
            RunResult r = run(python_exe() + " " + script("more_oracle.py") + " kernels " + quote(tmp.string()), logs);
            fs::remove_all(logs, ec);
            if (r.rc != 0) {
                why_ = "the PyTorch oracle did not run (" + python_exe() + " with torch 1.13 is required):\n" + r.out + r.err;
                return;
            }
            fs::rename(tmp, file, ec);
            if (ec) {
                why_ = "cannot rename " + tmp.string() + ": " + ec.message();
                return;
            }
        }
        cnnc_error err;
        cnnc_error_clear(&err);
        if (cnnc_st_read(file.string().c_str(), &refs_, &err) != CNNC_OK)
            why_ = std::string("cannot read ") + file.string() + ": " + err.message;
    }
    static void TearDownTestSuite() {
        cnnc_st_free(refs_);
        refs_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(refs_, nullptr) << why_; }

    static std::vector<float> ref(const std::string &name, std::vector<int64_t> *shape = nullptr) {
        const cnnc_st_tensor *t = cnnc_st_find(refs_, name.c_str());
        EXPECT_NE(t, nullptr) << "no " << name << " in the oracle's file";
        if (!t || t->dtype != CNNC_F32) return {};
        if (shape) shape->assign(t->shape, t->shape + t->ndim);
        std::vector<float> v((size_t)t->numel);
        std::memcpy(v.data(), t->data, v.size() * sizeof(float));
        return v;
    }
};
cnnc_st_file *MoreKernels::refs_ = nullptr;
std::string MoreKernels::why_;

// ------------------------------------------------------------ elementwise

template <typename Fwd, typename Bwd>
void check_elementwise(const std::string &name, const std::vector<float> &x, const std::vector<float> &dy,
                       const std::vector<float> &y_want, const std::vector<float> &dx_want, Fwd fwd, Bwd bwd) {
    SCOPED_TRACE(name);
    ASSERT_FALSE(x.empty());
    const size_t n = x.size();
    Guarded y(n), dx(n);
    fwd(y.data(), x.data(), (int64_t)n);
    bwd(dx.data(), dy.data(), x.data(), (int64_t)n);
    EXPECT_TRUE(matches(y.vec(), y_want)) << "forward";
    EXPECT_TRUE(matches(dx.vec(), dx_want)) << "backward";
    EXPECT_TRUE(y.guards_intact() && dx.guards_intact());
    size_t nan_in = 0;
    for (float v : x) nan_in += std::isnan(v);
    EXPECT_GE(nan_in, 1u) << "the case has no NaN input";
}

#define ELEMENTWISE(name, fwd_body, bwd_body)                                                                     \
    check_elementwise(name, ref(name ".x"), ref(name ".dy"), ref(name ".y"), ref(name ".dx"),                   \
                      [&](float *y, const float *x, int64_t n) { fwd_body; },                                    \
                      [&](float *dx, const float *dy, const float *x, int64_t n) { bwd_body; })

// hardswish(-inf) is NaN (-inf * 0); the gradient is g from 3 on, NaN at NaN.
TEST_F(MoreKernels, HardswishMatchesPyTorchAtTheKinksInfinitiesAndNanAlsoInPlace) {
    ELEMENTWISE("hardswish", hardswish_forward_cpu(y, x, n), hardswish_backward_cpu(dx, dy, x, n));
    ELEMENTWISE("hardswish_inplace", hardswish_forward_cpu(y, x, n), hardswish_backward_cpu(dx, dy, x, n));
    float x[4] = {3.0f, -3.0f, NAN, -INFINITY}, y[4], g[4] = {1, 1, 1, 1}, dx[4];
    hardswish_forward_cpu(y, x, 4);
    hardswish_backward_cpu(dx, g, x, 4);
    EXPECT_EQ(dx[0], 1.0f) << "at 3 the gradient is g, not 1.5 g";
    EXPECT_EQ(dx[1], -0.5f) << "at -3 the middle formula";
    EXPECT_TRUE(std::isnan(y[2]) && std::isnan(dx[2]));
    EXPECT_TRUE(std::isnan(y[3])) << "-inf * 0";
    EXPECT_EQ(dx[3], 0.0f);
}

TEST_F(MoreKernels, HardsigmoidLetsNanThroughAndPassesGradientsOnlyStrictlyInside) {
    ELEMENTWISE("hardsigmoid", hardsigmoid_forward_cpu(y, x, n), hardsigmoid_backward_cpu(dx, dy, x, n));
}

TEST_F(MoreKernels, SoftplusMatchesPyTorchAroundItsThresholdForSeveralBetas) {
    ELEMENTWISE("softplus", softplus_forward_cpu(y, x, n, 1.0f, 20.0f), softplus_backward_cpu(dx, dy, x, n, 1.0f, 20.0f));
    ELEMENTWISE("softplus_b2_t10", softplus_forward_cpu(y, x, n, 2.0f, 10.0f),
                softplus_backward_cpu(dx, dy, x, n, 2.0f, 10.0f));
    ELEMENTWISE("softplus_b05_t1", softplus_forward_cpu(y, x, n, 0.5f, 1.0f), softplus_backward_cpu(dx, dy, x, n, 0.5f, 1.0f));
}

TEST_F(MoreKernels, MishMatchesPyTorchWithNanAtBothInfinitiesInTheGradient) {
    ELEMENTWISE("mish", mish_forward_cpu(y, x, n), mish_backward_cpu(dx, dy, x, n));
    ELEMENTWISE("mish_inplace", mish_forward_cpu(y, x, n), mish_backward_cpu(dx, dy, x, n));
}

// SELU: a NaN's gradient is NaN, as PyTorch's vectorised kernel gives it; in place
// PyTorch's gradient reads the output, which agrees within the rounding of alpha * scale.
TEST_F(MoreKernels, SeluMatchesPyTorchWithItsNanGradientAlsoInPlace) {
    ELEMENTWISE("selu", selu_forward_cpu(y, x, n), selu_backward_cpu(dx, dy, x, n));
    ELEMENTWISE("selu_inplace", selu_forward_cpu(y, x, n), selu_backward_cpu(dx, dy, x, n));
    float x[2] = {NAN, -INFINITY}, y[2], g[2] = {1, 1}, dx[2];
    selu_forward_cpu(y, x, 2);
    selu_backward_cpu(dx, g, x, 2);
    EXPECT_TRUE(std::isnan(y[0]));
    EXPECT_TRUE(std::isnan(dx[0])) << "NaN > 0 is false: the exp branch";
    EXPECT_EQ(y[1], -1.6732632423543772848f * 1.0507009873554804934f);
    EXPECT_EQ(dx[1], 0.0f);
}

// |x|: the gradient is g * sign(x), 0 at +-0 and at NaN (PyTorch's sign of NaN is 0).
TEST_F(MoreKernels, AbsGivesZeroGradientAtZeroAndNan) {
    ELEMENTWISE("abs", abs_forward_cpu(y, x, n), abs_backward_cpu(dx, dy, x, n));
}

// sin and cos (time embeddings): NaN at +-inf and NaN, gradients g cos(x) and -g sin(x).
TEST_F(MoreKernels, SinAndCosMatchPyTorchIncludingInfinitiesAndLargeArguments) {
    ELEMENTWISE("sin", sin_forward_cpu(y, x, n), sin_backward_cpu(dx, dy, x, n));
    ELEMENTWISE("cos", cos_forward_cpu(y, x, n), cos_backward_cpu(dx, dy, x, n));
}

// logsigmoid: stable on both sides (-100 gives -100, 100 gives -0), gradient g / (1 + e^x).
TEST_F(MoreKernels, LogSigmoidMatchesPyTorchFarOutOnBothSides) {
    ELEMENTWISE("logsigmoid", logsigmoid_forward_cpu(y, x, n), logsigmoid_backward_cpu(dx, dy, x, n));
}

// sqrt's gradient is g / (2 sqrt(x)): inf at +0, -inf at -0, NaN below 0.
TEST_F(MoreKernels, SqrtMatchesPyTorchAtZerosInfinitiesAndNegatives) {
    ELEMENTWISE("sqrt", sqrt_forward_cpu(y, x, n), sqrt_backward_cpu(dx, dy, x, n));
}

// x ** e through PyTorch's special exponents and powf; e = 0 has no gradient, e = 1 a gradient of g even at NaN.
TEST_F(MoreKernels, PowMatchesPyTorchForItsSpecialExponentsAndAGeneralOne) {
    const struct { const char *name; float e; } cases[] = {{"pow_2", 2}, {"pow_0p5", 0.5f}, {"pow_3", 3}, {"pow_m1", -1},
                                                           {"pow_m2", -2}, {"pow_m0p5", -0.5f}, {"pow_0", 0}, {"pow_1", 1},
                                                           {"pow_2p5", 2.5f}, {"pow_m1p5", -1.5f}};
    for (const auto &c : cases) {
        const std::string n = c.name;
        check_elementwise(n, ref(n + ".x"), ref(n + ".dy"), ref(n + ".y"), ref(n + ".dx"),
                          [&](float *y, const float *x, int64_t m) { pow_forward_cpu(y, x, m, c.e); },
                          [&](float *dx, const float *dy, const float *x, int64_t m) { pow_backward_cpu(dx, dy, x, m, c.e); });
    }
}

TEST_F(MoreKernels, LogMatchesPyTorchAtZerosAndNegatives) {
    ELEMENTWISE("log", log_forward_cpu(y, x, n), log_backward_cpu(dx, dy, x, n));
}

// clamp: NaN passes with no gradient; the gradient flows at the bounds themselves; min > max gives max.
TEST_F(MoreKernels, ClampMatchesPyTorchAtItsBoundsNanAndInvertedBounds) {
    const struct { const char *name; cnnc_clamp_params p; } cases[] = {
        {"clamp_m1_1", {-1.0, 1.0, 1, 1}}, {"clamp_min0", {0.0, 0.0, 1, 0}}, {"clamp_max05", {0.0, 0.5, 0, 1}},
        {"clamp_inverted", {1.0, 0.0, 1, 1}}};
    for (const auto &c : cases) {
        const std::string n = c.name;
        check_elementwise(n, ref(n + ".x"), ref(n + ".dy"), ref(n + ".y"), ref(n + ".dx"),
                          [&](float *y, const float *x, int64_t m) { clamp_forward_cpu(y, x, m, &c.p); },
                          [&](float *dx, const float *dy, const float *x, int64_t m) { clamp_backward_cpu(dx, dy, x, m, &c.p); });
    }
}

// floor / ceil / round (halves to even) / trunc, with inf and NaN; the gradient is zero everywhere.
TEST_F(MoreKernels, RoundingMatchesPyTorchIncludingHalvesAndGivesNoGradient) {
    const struct { const char *name; cnnc_round_mode mode; } cases[] = {
        {"floor", CNNC_ROUND_FLOOR}, {"ceil", CNNC_ROUND_CEIL}, {"round", CNNC_ROUND_NEAREST}, {"trunc", CNNC_ROUND_TRUNC}};
    for (const auto &c : cases) {
        const std::string n = c.name;
        check_elementwise(n, ref(n + ".x"), ref(n + ".dy"), ref(n + ".y"), ref(n + ".dx"),
                          [&](float *y, const float *x, int64_t m) { round_forward_cpu(y, x, m, c.mode); },
                          [&](float *dx, const float *dy, const float *x, int64_t m) {
                              (void)dy; (void)x;
                              for (int64_t i = 0; i < m; i++) dx[i] = 0.0f;   /* the engine's backward: zeros */
                          });
    }
}

TEST_F(MoreKernels, HardshrinkKeepsNanForwardButGivesItNoGradient) {
    ELEMENTWISE("hardshrink", hardshrink_forward_cpu(y, x, n, 0.5f), hardshrink_backward_cpu(dx, dy, x, n, 0.5f));
    ELEMENTWISE("hardshrink_l2", hardshrink_forward_cpu(y, x, n, 2.0f), hardshrink_backward_cpu(dx, dy, x, n, 2.0f));
}

// ------------------------------------------------------------ shaped kinds

// The node alone on model inputs of `shapes`: its geometry from the shape pass.
cnnc_layer_shape shape_pass(const cnnc_layer &L, const std::vector<std::vector<int64_t>> &shapes) {
    graphops::Graph g;
    std::vector<int32_t> refs;
    std::vector<cnnc_shape> in;
    for (size_t k = 0; k < shapes.size(); k++) {
        refs.push_back(CNNC_INPUT_REF((int32_t)k));
        in.push_back(graphops::ShapeOf(shapes[k]));
    }
    g.add(L, refs, "op");
    g.finish(0, (int32_t)in.size());
    cnnc_layer_shape ls;
    std::memset(&ls, 0, sizeof ls);
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_shape_pass_inputs(&g.m, in.data(), (int32_t)in.size(), 1, &ls, nullptr, &err), CNNC_OK) << err.message;
    return ls;
}

cnnc_layer sized(cnnc_layer_kind kind, std::vector<int64_t> sizes) {
    cnnc_layer L = graphops::Node(kind);
    L.p.expand.n = (int32_t)sizes.size();
    for (size_t k = 0; k < sizes.size(); k++) L.p.expand.size[k] = sizes[k];
    return L;
}

cnnc_layer factor(cnnc_layer_kind kind, int64_t r) {
    cnnc_layer L = graphops::Node(kind);
    L.p.pixel_shuffle.factor = r;
    return L;
}

cnnc_layer step_slice(int64_t dim, int has_start, int64_t start, int has_end, int64_t end, int64_t step) {
    cnnc_layer L = graphops::Node(CNNC_SLICE);
    L.p.slice = {dim, start, end, step, has_start, has_end};
    return L;
}

// A case of the oracle's through `fwd` and `bwd`, which run the kernels the engine runs for the node.
void check_shaped(const std::string &name, const std::vector<float> &x, const std::vector<float> &dy,
                  const std::vector<float> &y_want, const std::vector<float> &dx_want,
                  const std::function<void(float *, const float *)> &fwd, const std::function<void(float *, const float *)> &bwd) {
    SCOPED_TRACE(name);
    ASSERT_FALSE(x.empty());
    Guarded y(y_want.size()), dx(x.size());
    fwd(y.data(), x.data());
    bwd(dx.data(), dy.data());
    EXPECT_TRUE(matches(y.vec(), y_want)) << "forward";
    EXPECT_TRUE(matches(dx.vec(), dx_want)) << "backward";
    EXPECT_TRUE(y.guards_intact() && dx.guards_intact());
    EXPECT_TRUE(std::isnan(x[0])) << "the case starts with a NaN";
}

struct ShapedCase {
    const char *name;
    cnnc_layer layer;
    std::vector<std::vector<int64_t>> extra_inputs;   // expand_as's other
};

// PixelShuffle/Unshuffle are exact permutations: equal, not just close.
TEST_F(MoreKernels, PixelShuffleAndUnshufflePermuteExactlyAsPyTorch) {
    for (const ShapedCase &c : {ShapedCase{"pixel_shuffle", factor(CNNC_PIXELSHUFFLE, 2), {}},
                                ShapedCase{"pixel_unshuffle", factor(CNNC_PIXELUNSHUFFLE, 3), {}}}) {
        const std::string n = c.name;
        std::vector<int64_t> xs;
        const auto x = ref(n + ".x", &xs), dy = ref(n + ".dy"), y = ref(n + ".y"), dx = ref(n + ".dx");
        const cnnc_layer_shape ls = shape_pass(c.layer, {xs});
        check_shaped(n, x, dy, y, dx, [&](float *o, const float *i) { permute_forward_cpu(o, i, &ls.g.permute); },
                     [&](float *o, const float *i) { permute_backward_cpu(o, i, &ls.g.permute); });
        Guarded out(y.size());
        permute_forward_cpu(out.data(), x.data(), &ls.g.permute);
        for (size_t i = 1; i < y.size(); i++) ASSERT_EQ(out.vec()[i], y[i]) << n << " [" << i << "]";
    }
}

// Forward is a gather, backward sums the broadcast copies (tiles) of each input element.
TEST_F(MoreKernels, ExpandExpandAsAndRepeatGatherForwardAndSumTheCopiesBackward) {
    const ShapedCase cases[] = {
        {"expand", sized(CNNC_EXPAND, {2, 3, 4, 5}), {}},
        {"expand_keep", sized(CNNC_EXPAND, {-1, 9}), {}},
        {"expand_as", graphops::Node(CNNC_EXPAND_AS), {{5, 3, 4, 6}}},
        {"repeat", sized(CNNC_REPEAT, {2, 1, 3}), {}},
        {"repeat_tiles", sized(CNNC_REPEAT, {2, 2, 3, 1}), {}},
    };
    for (const ShapedCase &c : cases) {
        const std::string n = c.name;
        std::vector<int64_t> xs;
        const auto x = ref(n + ".x", &xs), dy = ref(n + ".dy"), y = ref(n + ".y"), dx = ref(n + ".dx");
        std::vector<std::vector<int64_t>> shapes = {xs};
        for (auto &s : c.extra_inputs) shapes.push_back(s);
        const cnnc_layer_shape ls = shape_pass(c.layer, shapes);
        ASSERT_EQ((size_t)ls.out_numel, y.size()) << n;
        check_shaped(n, x, dy, y, dx, [&](float *o, const float *i) { reduce_backward_cpu(o, i, &ls.g.expand, 0); },
                     [&](float *o, const float *i) { reduce_forward_cpu(o, i, &ls.g.expand, 0); });
    }
}

// Every din element is written: dout where the slice took it, 0 elsewhere.
TEST_F(MoreKernels, StepSlicesGatherForwardAndWriteEveryGradientElementBackward) {
    const ShapedCase cases[] = {
        {"slice_dim1", step_slice(1, 1, 1, 0, 0, 3), {}},
        {"slice_last", step_slice(-1, 1, -6, 1, -1, 2), {}},
        {"slice_first", step_slice(0, 0, 0, 0, 0, 2), {}},
    };
    for (const ShapedCase &c : cases) {
        const std::string n = c.name;
        std::vector<int64_t> xs;
        const auto x = ref(n + ".x", &xs), dy = ref(n + ".dy"), y = ref(n + ".y"), dx = ref(n + ".dx");
        const cnnc_layer_shape ls = shape_pass(c.layer, {xs});
        ASSERT_EQ((size_t)ls.out_numel, y.size()) << n;
        check_shaped(n, x, dy, y, dx, [&](float *o, const float *i) { step_slice_forward_cpu(o, i, &ls.g.step_slice); },
                     [&](float *o, const float *i) { step_slice_backward_cpu(o, i, &ls.g.step_slice); });
        Guarded g(x.size());
        step_slice_backward_cpu(g.data(), dy.data(), &ls.g.step_slice);
        for (float v : g.vec()) ASSERT_NE(v, kSentinel) << n << ": a din element left unwritten";
    }
}

// ------------------------------------------------------------------ PReLU

// Per channel of [N, C, ...], of [N, C], one weight for all, and NaN/inf in
// the input (the weight's gradient of that channel is NaN, as in PyTorch).
TEST_F(MoreKernels, PreluMatchesPyTorchsOutputAndBothGradients) {
    for (const char *name : {"prelu_nchw", "prelu_nc", "prelu_ncl", "prelu_one", "prelu_special"}) {
        SCOPED_TRACE(name);
        const std::string n = name;
        std::vector<int64_t> xs;
        const auto x = ref(n + ".x", &xs), w = ref(n + ".w"), dy = ref(n + ".dy"), y = ref(n + ".y"), dx = ref(n + ".dx"),
                   dw = ref(n + ".dw");
        cnnc_layer L = graphops::Node(CNNC_PRELU);
        L.p.prelu.num_parameters = (int64_t)w.size();
        L.p.prelu.init = 0.25;
        const cnnc_layer_shape ls = shape_pass(L, {xs});
        Guarded yo(y.size()), dxo(x.size()), dwo(w.size());
        prelu_forward_cpu(yo.data(), x.data(), w.data(), &ls.g.channel);
        prelu_backward_cpu(dxo.data(), dwo.data(), dy.data(), x.data(), w.data(), &ls.g.channel);
        EXPECT_TRUE(matches(yo.vec(), y)) << "forward";
        EXPECT_TRUE(matches(dxo.vec(), dx)) << "input gradient";
        EXPECT_TRUE(matches(dwo.vec(), dw)) << "weight gradient";
        EXPECT_TRUE(yo.guards_intact() && dxo.guards_intact() && dwo.guards_intact());
        // either gradient alone
        Guarded dw2(w.size()), dx2(x.size());
        prelu_backward_cpu(nullptr, dw2.data(), dy.data(), x.data(), w.data(), &ls.g.channel);
        prelu_backward_cpu(dx2.data(), nullptr, dy.data(), x.data(), w.data(), &ls.g.channel);
        EXPECT_TRUE(matches(dw2.vec(), dw) && matches(dx2.vec(), dx));
        EXPECT_TRUE(dw2.guards_intact() && dx2.guards_intact());
    }
    std::vector<int64_t> s;
    const auto dw = ref("prelu_special.dw", &s);
    ASSERT_EQ(dw.size(), 4u);
    EXPECT_TRUE(std::isnan(dw[0])) << "the special values are in channel 0";
    EXPECT_TRUE(std::isfinite(dw[1]));
}


// ------------------------------------------------- amax, amin, max, min

cnnc_layer extremum(cnnc_layer_kind kind, cnnc_extremum_form form, std::vector<int64_t> dims, int keepdim = 0) {
    cnnc_layer L = graphops::Reduce(kind, dims, keepdim);
    L.p.reduce.form = form;
    return L;
}

// Ties among small integers: amax and the full max() share the gradient evenly,
// max(input, dim) gives it to the first; a NaN is the result, and amax's
// gradient of that slice is NaN ((g / 0) * 0) where max() gives g to the NaN.
TEST_F(MoreKernels, AmaxAminAndMaxMinSplitOrPlaceTheGradientAsPyTorch) {
    const ShapedCase cases[] = {
        {"amax_d1", extremum(CNNC_AMAX, CNNC_EXTREMUM_AMAX, {1}, 1), {}},
        {"amin_d02", extremum(CNNC_AMIN, CNNC_EXTREMUM_AMAX, {0, 2}), {}},
        {"max_dim", extremum(CNNC_AMAX, CNNC_EXTREMUM_DIM, {2}), {}},
        {"min_dim_keep", extremum(CNNC_AMIN, CNNC_EXTREMUM_DIM, {0}, 1), {}},
        {"max_all", extremum(CNNC_AMAX, CNNC_EXTREMUM_ALL, {}), {}},
        {"min_all", extremum(CNNC_AMIN, CNNC_EXTREMUM_ALL, {}), {}},
    };
    for (const ShapedCase &c : cases) {
        const std::string n = c.name;
        std::vector<int64_t> xs;
        const auto x = ref(n + ".x", &xs), dy = ref(n + ".dy"), y = ref(n + ".y"), dx = ref(n + ".dx");
        const cnnc_layer_shape ls = shape_pass(c.layer, {xs});
        ASSERT_EQ((size_t)ls.out_numel, y.size()) << n;
        const int is_max = c.layer.kind == CNNC_AMAX;
        const auto form = (cnnc_extremum_form)c.layer.p.reduce.form;
        Guarded out(y.size());
        extremum_forward_cpu(out.data(), x.data(), &ls.g.reduce, is_max);
        const std::vector<float> yv = out.vec();
        check_shaped(n, x, dy, y, dx, [&](float *o, const float *i) { extremum_forward_cpu(o, i, &ls.g.reduce, is_max); },
                     [&](float *o, const float *i) { extremum_backward_cpu(o, i, x.data(), yv.data(), &ls.g.reduce, form); });
        size_t ties = 0;
        for (size_t i = 1; i < x.size(); i++) ties += x[i] == 2.0f || x[i] == -2.0f;
        EXPECT_GT(ties, 2u) << n << ": the case has no ties";
    }
}

// ------------------------------------------------------- matmul, bmm, mm

TEST_F(MoreKernels, MatmulBmmMmMvAndDotMatchPyTorchWithBothGradientsOnEveryPath) {
    const struct { const char *name; cnnc_layer_kind kind; } cases[] = {
        {"matmul_bcast", CNNC_MATMUL}, {"matmul_fold", CNNC_MATMUL}, {"matmul_fold_t", CNNC_MATMUL},
        {"matmul_vec", CNNC_MATMUL}, {"matmul_mv", CNNC_MATMUL}, {"matmul_dot", CNNC_MATMUL},
        {"bmm", CNNC_BMM}, {"mm", CNNC_MM}, {"mv", CNNC_MV}, {"dot", CNNC_DOT},
    };
    for (const auto &c : cases) {
        const std::string n = c.name;
        SCOPED_TRACE(n);
        std::vector<int64_t> as, bs;
        const auto a = ref(n + ".a", &as), b = ref(n + ".b", &bs), dy = ref(n + ".dy"), y = ref(n + ".y"),
                   da = ref(n + ".da"), db = ref(n + ".db");
        const cnnc_layer_shape ls = shape_pass(graphops::Node(c.kind), {as, bs});
        ASSERT_EQ((size_t)ls.out_numel, y.size());
        Guarded out(y.size()), ga(a.size()), gb(b.size());
        // the gradients are written, not added to: start them dirty
        std::fill(ga.data(), ga.data() + a.size(), 7.0f);
        std::fill(gb.data(), gb.data() + b.size(), 7.0f);
        matmul_forward_cpu(out.data(), a.data(), b.data(), &ls.g.matmul);
        matmul_backward_cpu(ga.data(), gb.data(), dy.data(), a.data(), b.data(), &ls.g.matmul);
        EXPECT_TRUE(matches(out.vec(), y)) << "forward";
        EXPECT_TRUE(matches(ga.vec(), da)) << "da";
        EXPECT_TRUE(matches(gb.vec(), db)) << "db";
        EXPECT_TRUE(out.guards_intact() && ga.guards_intact() && gb.guards_intact());
        Guarded only_b(b.size());
        matmul_backward_cpu(nullptr, only_b.data(), dy.data(), a.data(), b.data(), &ls.g.matmul);
        EXPECT_TRUE(matches(only_b.vec(), db)) << "db alone";
    }
}

// ------------------------------------------------------------------ cumsum

// A double running sum, as ATen's CPU kernel keeps one: a 1001-long row matches within
// the table's tolerance, where a float sum would drift; the NaN spreads to every later
// element forward, and backward to every earlier one.
TEST_F(MoreKernels, CumsumMatchesPyTorchAlongFirstMiddleAndLastDims) {
    const struct { const char *name; int64_t dim; } cases[] = {{"cumsum_d0", 0}, {"cumsum_d1", 1}, {"cumsum_last", -1}};
    for (const auto &c : cases) {
        const std::string n = c.name;
        std::vector<int64_t> xs;
        const auto x = ref(n + ".x", &xs), dy = ref(n + ".dy"), y = ref(n + ".y"), dx = ref(n + ".dx");
        cnnc_layer L = graphops::Node(CNNC_CUMSUM);
        L.p.softmax.dim_kind = CNNC_DIM_INT;
        L.p.softmax.dim = c.dim;
        const cnnc_layer_shape ls = shape_pass(L, {xs});
        ASSERT_EQ((size_t)ls.out_numel, y.size()) << n;
        check_shaped(n, x, dy, y, dx, [&](float *o, const float *i) { cumsum_forward_cpu(o, i, &ls.g.axis); },
                     [&](float *o, const float *i) { cumsum_backward_cpu(o, i, &ls.g.axis); });
    }
}

// ---------------------------------------------------------- circular padding

// Each output reads (o - left) mod size: a copy forward, and backward the sum over the
// up to three outputs (the element and its wraps) that read each input, in output order.
TEST_F(MoreKernels, CircularPaddingWrapsAndSumsItsGradientsAsPyTorch) {
    const struct { const char *name; std::vector<int64_t> pad; } cases[] = {
        {"pad_circular", {2, 1, 3, 0}}, {"pad_circular_crop", {-1, 2, 1, -2}},
        {"pad_circular_full", {5, 5}}, {"pad_circular_3d", {1, 1, 2, 0, 3, 3}}};
    for (const auto &c : cases) {
        const std::string n = c.name;
        std::vector<int64_t> xs;
        const auto x = ref(n + ".x", &xs), dy = ref(n + ".dy"), y = ref(n + ".y"), dx = ref(n + ".dx");
        cnnc_layer L = graphops::Node(CNNC_PAD);
        L.p.pad2d.mode = CNNC_PAD2D_CIRCULAR;
        L.p.pad2d.n = (int32_t)c.pad.size();
        for (size_t k = 0; k < c.pad.size(); k++) L.p.pad2d.pad[k] = c.pad[k];
        const cnnc_layer_shape ls = shape_pass(L, {xs});
        ASSERT_EQ((size_t)ls.out_numel, y.size()) << n;
        check_shaped(n, x, dy, y, dx, [&](float *o, const float *i) { pad2d_forward_cpu(o, i, &ls.g.pad2d); },
                     [&](float *o, const float *i) { pad2d_backward_cpu(o, i, &ls.g.pad2d); });
    }
}

// ------------------------------------------------------------ unfold, fold

// im2col and col2im per sample: unfold copies (its backward sums overlapping blocks),
// fold sums overlapping blocks (its backward copies), with strides, padding and dilation.
TEST_F(MoreKernels, UnfoldAndFoldMatchPyTorchForwardAndBackward) {
    struct FoldCase { const char *name; cnnc_layer_kind kind; cnnc_fold_params p; };
    const FoldCase cases[] = {
        {"unfold", CNNC_UNFOLD, {{0, 0}, {2, 3}, {1, 2}, {1, 1}, {2, 1}, 0, 0, 0}},
        {"unfold_unbatched", CNNC_UNFOLD, {{0, 0}, {3, 3}, {1, 1}, {0, 0}, {1, 1}, 0, 0, 0}},
        {"fold", CNNC_FOLD, {{7, 8}, {2, 2}, {1, 1}, {1, 0}, {1, 2}, 0, 0, 0}},
        {"fold_overlap", CNNC_FOLD, {{6, 6}, {3, 3}, {1, 1}, {1, 1}, {1, 1}, 0, 0, 0}},
    };
    for (const FoldCase &c : cases) {
        const std::string n = c.name;
        std::vector<int64_t> xs;
        const auto x = ref(n + ".x", &xs), dy = ref(n + ".dy"), y = ref(n + ".y"), dx = ref(n + ".dx");
        cnnc_layer L = graphops::Node(c.kind);
        L.p.fold = c.p;
        const cnnc_layer_shape ls = shape_pass(L, {xs});
        ASSERT_EQ((size_t)ls.out_numel, y.size()) << n;
        if (c.kind == CNNC_UNFOLD)
            check_shaped(n, x, dy, y, dx, [&](float *o, const float *i) { unfold_forward_cpu(o, i, &ls.g.conv); },
                         [&](float *o, const float *i) { unfold_backward_cpu(o, i, &ls.g.conv); });
        else
            check_shaped(n, x, dy, y, dx, [&](float *o, const float *i) { fold_forward_cpu(o, i, &ls.g.conv); },
                         [&](float *o, const float *i) { fold_backward_cpu(o, i, &ls.g.conv); });
    }
}

}  // namespace
