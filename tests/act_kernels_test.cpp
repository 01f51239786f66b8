// act_kernels_test.cpp — the CPU kernels of ReLU, Sigmoid, Tanh, Hardtanh,
// ReLU6, ELU (both backward forms), GELU (erf and tanh), SiLU, Softmax,
// LogSoftmax and NLLLoss against PyTorch 1.13, and Dropout2d against the
// shared counter RNG.
//
// The references come from `tests/python/act_oracle.py kernels`, run with
// /usr/bin/python3 once per version of the script: seeded random inputs (odd sizes) with NaN,
// +-inf, +-0, tiny and huge values and each kind's kinks appended, PyTorch's
// outputs and its autograd input gradients. A test FAILS when the oracle cannot
// run. Agreement: NaN exactly where PyTorch has NaN, the same infinities, and
// relative L2 error <= 1e-5 over the finite values (forward and backward).
// Output buffers carry sentinels on both sides against stray writes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "test_paths.h"
#include "test_run.h"

extern "C" {
#include "cnnc/io.h"
#include "cpu/cpu_kernels.h"
#include "engine/rng.h"
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

class ActKernels : public ::testing::Test {
protected:
    static cnnc_st_file *refs_;
    static std::string why_;

    // ctest runs each test in its own process: the oracle's file is made once per
    // version of the script (its text hashed into the name) in the build folder,
    // written under a temporary name and renamed, so parallel tests never see half a file.
    static void SetUpTestSuite() {
        const std::string script_text = read_text(source_path("tests/python/act_oracle.py"));
        if (script_text.empty()) {
            why_ = "cannot read tests/python/act_oracle.py";
            return;
        }
        fs::path dir = fs::path(CNNC_BINARY_DIR) / "act_oracle";
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) dir = fs::path(scratch_dir());
        char key[32];
        std::snprintf(key, sizeof key, "%016zx", std::hash<std::string>{}(script_text));
        const fs::path file = dir / ("kernels-" + std::string(key) + ".safetensors");
        if (!fs::exists(file)) {
            const fs::path tmp = dir / ("kernels-" + std::string(key) + "." + std::to_string(getpid()) + ".tmp");
            const fs::path logs = dir / ("run-" + std::to_string(getpid()));  // this process's stdout/stderr
            fs::create_directories(logs, ec);
            RunResult r = run(python_exe() + " " + script("act_oracle.py") + " kernels " + quote(tmp.string()), logs);
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

    static std::vector<float> ref(const std::string &name) {
        const cnnc_st_tensor *t = cnnc_st_find(refs_, name.c_str());
        EXPECT_NE(t, nullptr) << "no " << name << " in the oracle's file";
        if (!t || t->dtype != CNNC_F32) return {};
        std::vector<float> v((size_t)t->numel);
        std::memcpy(v.data(), t->data, v.size() * sizeof(float));
        return v;
    }
    static std::vector<int32_t> ref_targets(const std::string &name) {
        const cnnc_st_tensor *t = cnnc_st_find(refs_, name.c_str());
        EXPECT_TRUE(t && t->dtype == CNNC_I64) << name;
        std::vector<int32_t> v;
        if (!t || t->dtype != CNNC_I64) return v;
        for (int64_t i = 0; i < t->numel; i++) {
            int64_t x;
            std::memcpy(&x, (const char *)t->data + 8 * i, 8);
            v.push_back((int32_t)x);
        }
        return v;
    }
};
cnnc_st_file *ActKernels::refs_ = nullptr;
std::string ActKernels::why_;

// An elementwise case: forward(y, x, n) and backward(dx, dy, x, y, n) against PyTorch.
template <typename Fwd, typename Bwd>
void check_elementwise(const std::string &name, const std::vector<float> &x, const std::vector<float> &dy,
                       const std::vector<float> &y_want, const std::vector<float> &dx_want, Fwd fwd, Bwd bwd) {
    SCOPED_TRACE(name);
    ASSERT_FALSE(x.empty());
    const size_t n = x.size();
    Guarded y(n), dx(n);
    fwd(y.data(), x.data(), (int64_t)n);
    bwd(dx.data(), dy.data(), x.data(), y.data(), (int64_t)n);
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
                      [&](float *dx, const float *dy, const float *x, const float *y, int64_t n) { bwd_body; })

TEST_F(ActKernels, ReluPropagatesNanAndItsGradientPassesWhereTheOutputIsNotAtMostZero) {
    ELEMENTWISE("relu", relu_forward_cpu(y, x, n), ((void)x, relu_backward_cpu(dx, dy, y, n)));
    // the point of the fix: NaN in, NaN out, and the gradient at NaN passes (threshold_backward)
    float x[3] = {NAN, -0.0f, -INFINITY}, y[3], dy[3] = {2.0f, 3.0f, 4.0f}, dx[3];
    relu_forward_cpu(y, x, 3);
    relu_backward_cpu(dx, dy, y, 3);
    EXPECT_TRUE(std::isnan(y[0]));
    EXPECT_TRUE(y[1] == 0.0f && std::signbit(y[1])) << "relu(-0.0) is -0.0 in PyTorch";
    EXPECT_EQ(y[2], 0.0f);
    EXPECT_EQ(dx[0], 2.0f);
    EXPECT_EQ(dx[1], 0.0f);
    EXPECT_EQ(dx[2], 0.0f);
}

TEST_F(ActKernels, SigmoidAndTanhMatchPyTorchWithBackwardFromTheOutput) {
    ELEMENTWISE("sigmoid", sigmoid_forward_cpu(y, x, n), ((void)x, sigmoid_backward_cpu(dx, dy, y, n)));
    ELEMENTWISE("tanh", tanh_forward_cpu(y, x, n), ((void)x, tanh_backward_cpu(dx, dy, y, n)));
}

// At NaN PyTorch's vectorised CPU backward gives 0 (its scalar tail would pass the
// gradient): the oracle's NaN sits in the vectorised part, as almost every element does.
TEST_F(ActKernels, HardtanhAndRelu6ClampLetNanThroughAndPassGradientsOnlyStrictlyInside) {
    ELEMENTWISE("hardtanh", hardtanh_forward_cpu(y, x, n, -0.5f, 0.75f),
                ((void)y, hardtanh_backward_cpu(dx, dy, x, n, -0.5f, 0.75f)));
    ELEMENTWISE("relu6", hardtanh_forward_cpu(y, x, n, 0.0f, 6.0f), ((void)y, hardtanh_backward_cpu(dx, dy, x, n, 0.0f, 6.0f)));
}

// NaN takes the negative branch in PyTorch's vectorised CPU backward: its gradient is NaN.
TEST_F(ActKernels, EluMatchesPyTorchWithBackwardFromTheInputOrAfterInPlaceFromTheOutput) {
    ELEMENTWISE("elu", elu_forward_cpu(y, x, n, 0.7f), elu_backward_cpu(dx, dy, x, y, n, 0.7f, 0));
    ELEMENTWISE("elu_inplace", elu_forward_cpu(y, x, n, 0.7f), elu_backward_cpu(dx, dy, x, y, n, 0.7f, 1));
}

TEST_F(ActKernels, LeakyReluKeepsNanGivesItsGradientTheSlopeAndReadsTheResultInPlace) {
    ELEMENTWISE("leaky_relu", leaky_relu_forward_cpu(y, x, n, 0.2f), ((void)y, leaky_relu_backward_cpu(dx, dy, x, n, 0.2f)));
    ELEMENTWISE("leaky_relu_inplace", leaky_relu_forward_cpu(y, x, n, 0.2f),
                ((void)x, leaky_relu_backward_cpu(dx, dy, y, n, 0.2f)));
}

TEST_F(ActKernels, GeluMatchesPyTorchForTheErfAndTheTanhApproximation) {
    ELEMENTWISE("gelu", gelu_forward_cpu(y, x, n, 0), ((void)y, gelu_backward_cpu(dx, dy, x, n, 0)));
    ELEMENTWISE("gelu_tanh", gelu_forward_cpu(y, x, n, 1), ((void)y, gelu_backward_cpu(dx, dy, x, n, 1)));
}

TEST_F(ActKernels, SiluMatchesPyTorchIncludingNanAtMinusInfinity) {
    ELEMENTWISE("silu", silu_forward_cpu(y, x, n), ((void)y, silu_backward_cpu(dx, dy, x, n)));
}

void check_softmax(const std::string &name, const std::vector<float> &x, const std::vector<float> &dy,
                   const std::vector<float> &y_want, const std::vector<float> &dx_want, const cnnc_axis_geom &g, bool log) {
    SCOPED_TRACE(name);
    const size_t n = x.size();
    ASSERT_EQ((int64_t)n, g.outer * g.size * g.inner);
    Guarded y(n), dx(n);
    if (log) {
        log_softmax_forward_cpu(y.data(), x.data(), &g);
        log_softmax_backward_cpu(dx.data(), dy.data(), y.data(), &g);
    } else {
        softmax_forward_cpu(y.data(), x.data(), &g);
        softmax_backward_cpu(dx.data(), dy.data(), y.data(), &g);
    }
    EXPECT_TRUE(matches(y.vec(), y_want)) << "forward";
    EXPECT_TRUE(matches(dx.vec(), dx_want)) << "backward";
    EXPECT_TRUE(y.guards_intact() && dx.guards_intact());
}

TEST_F(ActKernels, SoftmaxAndLogSoftmaxMatchPyTorchOverAMiddleTheLastAndTheFirstDim) {
    // [3, 5, 4, 7] seen around dim 1, 3 and 0
    for (int dim : {1, 3, 0}) {
        const cnnc_axis_geom g = dim == 1 ? cnnc_axis_geom{3, 5, 28} : dim == 3 ? cnnc_axis_geom{60, 7, 1} : cnnc_axis_geom{1, 3, 140};
        for (bool log : {false, true}) {
            const std::string name = std::string(log ? "log_softmax" : "softmax") + "_dim" + std::to_string(dim);
            check_softmax(name, ref(name + ".x"), ref(name + ".dy"), ref(name + ".y"), ref(name + ".dx"), g, log);
        }
    }
}

TEST_F(ActKernels, SoftmaxRowsWithNanOrPlusInfinityOrOnlyMinusInfinityBecomeNanAsInPyTorch) {
    const cnnc_axis_geom g = {6, 3, 1};
    for (bool log : {false, true}) {
        const std::string name = log ? "log_softmax_special" : "softmax_special";
        check_softmax(name, ref(name + ".x"), ref(name + ".dy"), ref(name + ".y"), ref(name + ".dx"), g, log);
    }
}

TEST_F(ActKernels, NllLossIsTheMeanNegativeLogProbabilityOfTheTargetWithGradientMinusOneOverN) {
    const auto logp = ref("nll.x"), dx_want = ref("nll.dx"), loss_want = ref("nll.loss");
    const auto targets = ref_targets("nll.target");
    const int64_t N = (int64_t)targets.size(), C = (int64_t)logp.size() / N;
    ASSERT_EQ(N, 7);
    ASSERT_EQ(loss_want.size(), 1u);
    Guarded dx((size_t)(N * C));
    int64_t correct = 5;  // accumulates
    const float loss = nll_loss_cpu(dx.data(), &correct, logp.data(), targets.data(), N, C);
    EXPECT_NEAR(loss, loss_want[0], 1e-6 * std::fabs(loss_want[0]));
    EXPECT_TRUE(matches(dx.vec(), dx_want));
    for (size_t i = 0; i < dx.n; i++) EXPECT_EQ(dx.vec()[i], dx_want[i]) << i << ": -1/N exactly, 0 elsewhere";
    int64_t hits = 0;
    for (int64_t i = 0; i < N; i++) {
        int64_t arg = 0;
        for (int64_t c = 1; c < C; c++)
            if (logp[i * C + c] > logp[i * C + arg]) arg = c;
        hits += arg == targets[i];
    }
    EXPECT_EQ(correct, 5 + hits);
    EXPECT_TRUE(dx.guards_intact());
    // no gradient asked: only the loss; a -inf log-probability at the target gives inf, as F.nll_loss
    std::vector<float> lp = {-INFINITY, 0.0f};
    const int32_t t0 = 0;
    EXPECT_EQ(nll_loss_cpu(nullptr, nullptr, lp.data(), &t0, 1, 2), INFINITY);
}

TEST(ActKernelsRng, Dropout2dDrawsOncePerPlaneKeepsNanAndScalesTheKeptPlanes) {
    const int64_t planes = 4001, inner = 7;  // odd sizes
    const size_t n = (size_t)(planes * inner);
    std::mt19937 gen(5);
    std::uniform_real_distribution<float> d(-1.0f, 1.0f);
    std::vector<float> x(n), dy(n);
    for (auto &v : x) v = d(gen);
    for (auto &v : dy) v = d(gen);
    x[3] = NAN;  // plane 0
    const float p = 0.3f, scale = 1.0f / (1.0f - p);
    Guarded y(n), dx(n);
    std::vector<uint8_t> mask((size_t)planes, 7);
    dropout2d_forward_cpu(y.data(), mask.data(), x.data(), planes, inner, p, 99, 5ull << 40);
    dropout2d_backward_cpu(dx.data(), dy.data(), mask.data(), planes, inner, p);
    int64_t kept = 0;
    for (int64_t c = 0; c < planes; c++) {
        const int keep = cnnc_dropout_keep(99, 5ull << 40, (uint64_t)c, p);
        ASSERT_EQ(mask[c], keep) << "plane " << c;
        kept += keep;
        for (int64_t j = 0; j < inner; j++) {
            const size_t i = (size_t)(c * inner + j);
            const float want = x[i] * (keep ? scale : 0.0f);
            if (std::isnan(x[i])) ASSERT_TRUE(std::isnan(y.data()[i])) << "NaN * 0 stays NaN in PyTorch's feature dropout";
            else ASSERT_EQ(y.data()[i], want) << i;
            ASSERT_EQ(dx.data()[i], dy[i] * (keep ? scale : 0.0f)) << i;
        }
    }
    EXPECT_NEAR((double)kept / planes, 0.7, 0.03);
    EXPECT_TRUE(y.guards_intact() && dx.guards_intact());
    // p = 1 multiplies by zero (NaN stays NaN, as input * 0 in ATen); p = 0 is the identity
    dropout2d_forward_cpu(y.data(), mask.data(), x.data(), planes, inner, 1.0f, 1, 0);
    for (size_t i = 0; i < n; i++) ASSERT_TRUE(std::isnan(x[i]) ? std::isnan(y.data()[i]) : y.data()[i] == 0.0f) << i;
    for (int64_t c = 0; c < planes; c++) ASSERT_EQ(mask[c], 0);
    dropout2d_forward_cpu(y.data(), mask.data(), x.data(), planes, inner, 0.0f, 1, 0);
    for (size_t i = 0; i < n; i++) ASSERT_TRUE(std::isnan(x[i]) ? std::isnan(y.data()[i]) : y.data()[i] == x[i]) << i;
}

}  // namespace
