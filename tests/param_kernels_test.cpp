// param_kernels_test.cpp — the CPU kernels of ConvTranspose2d, BatchNorm1d,
// InstanceNorm2d, GroupNorm and LayerNorm against PyTorch 1.13: outputs,
// input/weight/bias gradients and running statistics on seeded random inputs
// that tests/python/param_kernels_oracle.py computes live with /usr/bin/python3
// (the test fails, not skips, when PyTorch cannot run). Tolerance: relative L2
// error <= 1e-5 per tensor; where the input holds NaN or inf, the NaN
// positions must be PyTorch's exactly and the finite values within the same
// tolerance. Where PyTorch's float32 input gradient is itself farther than
// that from its float64 one (two-value groups cancel), the float64 one is the
// reference. Outputs sit between sentinel guards.
#include <gtest/gtest.h>

#include "test_run.h"

#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cnnc/io.h"
#include "cpu/cpu_kernels.h"

namespace {

constexpr double kTol = 1e-5;
constexpr float kSentinel = -12345.678f;
constexpr size_t kGuard = 16;

struct Guarded {
    std::vector<float> buf;
    size_t n;
    explicit Guarded(size_t count, float fill = NAN) : buf(count + 2 * kGuard, kSentinel), n(count) {
        for (size_t i = 0; i < n; i++) buf[kGuard + i] = fill;
    }
    float *data() { return buf.data() + kGuard; }
    std::vector<float> vec() const { return std::vector<float>(buf.begin() + kGuard, buf.begin() + kGuard + (long)n); }
    bool intact() const {
        for (size_t i = 0; i < kGuard; i++)
            if (buf[i] != kSentinel || buf[kGuard + n + i] != kSentinel) return false;
        return true;
    }
};

// PyTorch's tensors for every case, read once.
class Oracle {
public:
    static Oracle &get() {
        static Oracle o;
        return o;
    }
    std::string error;
    bool has(const std::string &name) const { return f_ && cnnc_st_find(f_, name.c_str()); }
    std::vector<float> at(const std::string &name) const {
        const cnnc_st_tensor *t = f_ ? cnnc_st_find(f_, name.c_str()) : nullptr;
        EXPECT_NE(t, nullptr) << name << " is not in the oracle's output";
        if (!t) return {};
        std::vector<float> v((size_t)t->numel);
        std::memcpy(v.data(), t->data, v.size() * sizeof(float));
        return v;
    }
    ~Oracle() { cnnc_st_free(f_); }

private:
    Oracle() : dir_("param_kernels_oracle") {
        std::string why;
        if (!torch_available(&why)) { error = why; return; }
        const fs::path out = dir_ / "oracle.safetensors";
        RunResult r = run(python_exe() + " " + script("param_kernels_oracle.py") + " " + quote(out.string()), dir_);
        if (r.rc != 0) { error = "param_kernels_oracle.py failed:\n" + r.out + r.err; return; }
        cnnc_error err;
        cnnc_error_clear(&err);
        if (cnnc_st_read(out.c_str(), &f_, &err) != CNNC_OK) error = std::string("reading the oracle: ") + err.message;
    }
    WorkDir dir_;
    cnnc_st_file *f_ = nullptr;
};

#define REQUIRE_ORACLE()                                         \
    Oracle &o = Oracle::get();                                   \
    ASSERT_TRUE(o.error.empty()) << o.error   /* fail, not skip */

// rel L2 over the finite expectations; NaN exactly where PyTorch has NaN.
::testing::AssertionResult close_to(const std::vector<float> &got, const std::vector<float> &want, const char *what) {
    if (got.size() != want.size())
        return ::testing::AssertionFailure() << what << ": size " << got.size() << " != " << want.size();
    double num = 0, den = 0;
    for (size_t i = 0; i < want.size(); i++) {
        if (std::isnan(want[i]) != std::isnan(got[i]))
            return ::testing::AssertionFailure() << what << "[" << i << "]: cnnc " << got[i] << ", PyTorch " << want[i];
        if (std::isinf(want[i]) || std::isinf(got[i])) {
            if (got[i] != want[i])
                return ::testing::AssertionFailure() << what << "[" << i << "]: cnnc " << got[i] << ", PyTorch " << want[i];
            continue;
        }
        if (std::isnan(want[i])) continue;
        num += ((double)got[i] - want[i]) * ((double)got[i] - want[i]);
        den += (double)want[i] * want[i];
    }
    const double e = den > 0 ? std::sqrt(num / den) : std::sqrt(num);
    if (!(e <= kTol)) return ::testing::AssertionFailure() << what << ": relative L2 error " << e << " > " << kTol;
    return ::testing::AssertionSuccess();
}

size_t count_nan(const std::vector<float> &v) {
    size_t n = 0;
    for (float x : v) n += std::isnan(x);
    return n;
}

// ---------------------------------------------------------- ConvTranspose2d

struct ConvTCase {
    const char *name;
    int64_t N, IC, OC, H, W, KH, KW, SH, SW, PH, PW, OPH, OPW, DH, DW, G;
    bool bias;
};

// The same modules as param_kernels_oracle.py's CASES.
const ConvTCase kConvT[] = {
    {"ct_dcgan_first", 2, 100, 32, 1, 1, 4, 4, 1, 1, 0, 0, 0, 0, 1, 1, 1, false},
    {"ct_dcgan_up", 2, 32, 16, 4, 4, 4, 4, 2, 2, 1, 1, 0, 0, 1, 1, 1, false},
    {"ct_unet", 2, 16, 8, 7, 7, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, true},
    {"ct_full", 3, 4, 6, 5, 6, 3, 2, 2, 3, 1, 0, 1, 2, 2, 1, 2, true},
    {"ct_outpad_dilation", 2, 4, 6, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1, 2, 2, 1, true},
    {"ct_depthwise", 1, 6, 6, 3, 4, 5, 5, 3, 3, 2, 2, 2, 2, 1, 1, 6, true},
    {"ct_nan", 2, 3, 2, 4, 4, 3, 3, 2, 2, 0, 0, 0, 0, 1, 1, 1, true},
};

// The convolution a transposed conv is the transpose of (cnnc_layer_geom.convt).
cnnc_conv_geom convt_geom(const ConvTCase &c) {
    cnnc_conv_geom g{};
    g.N = c.N; g.C = c.OC; g.OC = c.IC; g.OH = c.H; g.OW = c.W;
    g.H = (c.H - 1) * c.SH - 2 * c.PH + c.DH * (c.KH - 1) + c.OPH + 1;
    g.W = (c.W - 1) * c.SW - 2 * c.PW + c.DW * (c.KW - 1) + c.OPW + 1;
    g.KH = c.KH; g.KW = c.KW; g.SH = c.SH; g.SW = c.SW; g.PH = c.PH; g.PW = c.PW; g.DH = c.DH; g.DW = c.DW;
    g.groups = c.G;
    return g;
}

void check_convt(Oracle &o, const ConvTCase &c) {
    const std::string n = c.name;
    const cnnc_conv_geom g = convt_geom(c);
    const std::vector<float> x = o.at(n + ".x"), w = o.at(n + ".w"), dy = o.at(n + ".dy");
    const std::vector<float> b = c.bias ? o.at(n + ".b") : std::vector<float>();
    ASSERT_EQ(x.size(), (size_t)(g.N * g.OC * g.OH * g.OW));
    ASSERT_EQ(dy.size(), (size_t)(g.N * g.C * g.H * g.W)) << "output size formula";
    std::vector<float> ws(conv2d_workspace_floats_cpu(&g, cpu_get_threads()) + 1);
    Guarded y(dy.size()), dx(x.size()), dw(w.size()), db((size_t)g.C);
    convtranspose2d_forward_cpu(y.data(), x.data(), w.data(), c.bias ? b.data() : nullptr, &g, ws.data());
    convtranspose2d_backward_cpu(dx.data(), dw.data(), c.bias ? db.data() : nullptr, dy.data(), x.data(), w.data(), &g,
                                 ws.data());
    EXPECT_TRUE(close_to(y.vec(), o.at(n + ".y"), "output"));
    EXPECT_TRUE(close_to(dx.vec(), o.at(n + ".dx"), "input gradient"));
    EXPECT_TRUE(close_to(dw.vec(), o.at(n + ".dw"), "weight gradient"));
    if (c.bias) {
        EXPECT_TRUE(close_to(db.vec(), o.at(n + ".db"), "bias gradient"));
    }
    EXPECT_TRUE(y.intact() && dx.intact() && dw.intact() && db.intact());
    if (n == "ct_nan") {
        EXPECT_GT(count_nan(y.vec()), 0u) << "the NaN input must reach the output";
        EXPECT_LT(count_nan(y.vec()), y.n) << "only the outputs the NaN reaches";
    }
}

// One test for all cases: the oracle runs once per test process.
TEST(ParamKernelsAgainstPyTorch, ConvTranspose2dForwardAndAllThreeGradientsMatchForEveryGeometry) {
    REQUIRE_ORACLE();
    for (const ConvTCase &c : kConvT) {
        SCOPED_TRACE(c.name);
        ASSERT_TRUE(o.has(std::string(c.name) + ".y")) << "the oracle has no case " << c.name;
        check_convt(o, c);
    }
}

// ---------------------------------------------------------- normalisation

enum NormKind { kBatch1d, kInstance, kGroup, kLayer };

struct NormCase {
    const char *name;
    NormKind kind;
    int64_t N, C, HW, G;   // LayerNorm: N rows of C normalized elements
    bool train, affine, track;
    float eps, momentum;
};

const NormCase kNorm[] = {
    {"bn1d_2d", kBatch1d, 8, 5, 1, 0, true, true, true, 1e-5f, 0.3f},
    {"bn1d_3d", kBatch1d, 4, 3, 7, 0, true, true, true, 1e-3f, 0.1f},
    {"bn1d_eval", kBatch1d, 4, 3, 7, 0, false, true, true, 1e-5f, 0.1f},
    {"bn1d_nan", kBatch1d, 4, 3, 5, 0, true, true, true, 1e-5f, 0.1f},
    {"in_affine_track", kInstance, 3, 4, 30, 4, true, true, true, 1e-5f, 0.2f},
    {"in_plain", kInstance, 2, 3, 16, 3, true, false, false, 1e-5f, 0.1f},
    {"in_eval", kInstance, 3, 4, 30, 4, false, true, true, 1e-5f, 0.1f},
    {"in_nan", kInstance, 2, 3, 20, 3, true, true, false, 1e-5f, 0.1f},
    {"gn", kGroup, 3, 6, 25, 2, true, true, false, 1e-5f, 0},
    {"gn_2d", kGroup, 4, 6, 1, 3, true, true, false, 1e-3f, 0},
    {"gn_3d_noaffine", kGroup, 2, 4, 9, 4, true, false, false, 1e-5f, 0},
    {"ln_last", kLayer, 15, 8, 1, 1, true, true, false, 1e-5f, 0},
    {"ln_two_noaffine", kLayer, 2, 12, 1, 1, true, false, false, 1e-5f, 0},
    {"ln_nan", kLayer, 4, 6, 1, 1, true, true, false, 1e-5f, 0},
};

void check_norm(Oracle &o, const NormCase &c) {
    const std::string n = c.name;
    const size_t numel = (size_t)(c.N * c.C * c.HW);
    const std::vector<float> x = o.at(n + ".x"), dy = o.at(n + ".dy");
    ASSERT_EQ(x.size(), numel);
    std::vector<float> w, b, rm, rv;
    if (c.affine) w = o.at(n + ".w"), b = o.at(n + ".b");
    if (c.track) rm = o.at(n + ".rm0"), rv = o.at(n + ".rv0");
    const float *pw = c.affine ? w.data() : nullptr, *pb = c.affine ? b.data() : nullptr;
    const int64_t groups = c.kind == kBatch1d ? c.C : c.N * c.G;
    Guarded y(numel), dx(numel), dw((size_t)c.C), db((size_t)c.C);
    Guarded mean((size_t)groups), rstd((size_t)groups), var((size_t)groups);
    bool grads = c.train;   // PyTorch's eval backward uses the running statistics: compare the forward only
    switch (c.kind) {
    case kBatch1d:
        if (c.train)
            batchnorm2d_forward_train_cpu(y.data(), mean.data(), rstd.data(), rm.data(), rv.data(), x.data(), pw, pb, c.N,
                                          c.C, c.HW, c.eps, c.momentum);
        else
            batchnorm2d_forward_eval_cpu(y.data(), x.data(), pw, pb, rm.data(), rv.data(), c.N, c.C, c.HW, c.eps);
        if (grads)
            batchnorm2d_backward_cpu(dx.data(), dw.data(), db.data(), dy.data(), x.data(), mean.data(), rstd.data(), pw,
                                     c.N, c.C, c.HW);
        break;
    case kInstance:
        if (!c.train && c.track) {
            batchnorm2d_forward_eval_cpu(y.data(), x.data(), pw, pb, rm.data(), rv.data(), c.N, c.C, c.HW, c.eps);
            grads = false;
            break;
        }
        groupnorm_forward_cpu(y.data(), mean.data(), rstd.data(), c.track ? var.data() : nullptr, x.data(), pw, pb, c.N,
                              c.C, c.HW, c.C, c.eps);
        if (c.track) instancenorm2d_update_running_cpu(rm.data(), rv.data(), mean.data(), var.data(), c.N, c.C, c.momentum);
        groupnorm_backward_cpu(dx.data(), c.affine ? dw.data() : nullptr, c.affine ? db.data() : nullptr, dy.data(),
                               x.data(), mean.data(), rstd.data(), pw, c.N, c.C, c.HW, c.C);
        break;
    case kGroup:
    case kLayer:
        groupnorm_forward_cpu(y.data(), mean.data(), rstd.data(), nullptr, x.data(), pw, pb, c.N, c.C, c.HW, c.G, c.eps);
        groupnorm_backward_cpu(dx.data(), c.affine ? dw.data() : nullptr, c.affine ? db.data() : nullptr, dy.data(),
                               x.data(), mean.data(), rstd.data(), pw, c.N, c.C, c.HW, c.G);
        break;
    }
    EXPECT_TRUE(close_to(y.vec(), o.at(n + ".y"), "output"));
    if (grads) {
        // Groups of two values (gn_2d) make the input gradient cancel: PyTorch's own float32
        // result is then 3e-5 from its float64 one, and cnnc (double sums) is held to the latter.
        const std::vector<float> dx32 = o.at(n + ".dx"), dx64 = o.at(n + ".dx64");
        const bool fp32_off = !close_to(dx32, dx64, "PyTorch float32 vs float64");
        EXPECT_TRUE(close_to(dx.vec(), fp32_off ? dx64 : dx32, fp32_off ? "input gradient (vs float64)" : "input gradient"));
        if (c.affine) {
            EXPECT_TRUE(close_to(dw.vec(), o.at(n + ".dw"), "weight gradient"));
            EXPECT_TRUE(close_to(db.vec(), o.at(n + ".db"), "bias gradient"));
        }
    }
    if (c.track) {
        EXPECT_TRUE(close_to(rm, o.at(n + ".rm"), "running_mean"));
        EXPECT_TRUE(close_to(rv, o.at(n + ".rv"), "running_var"));
    }
    EXPECT_TRUE(y.intact() && dx.intact() && dw.intact() && db.intact() && mean.intact() && rstd.intact() && var.intact());
    if (n.find("_nan") != std::string::npos) {
        // a NaN/inf poisons its own statistics group (a channel, an instance, a row) and nothing else
        const size_t bad = count_nan(y.vec());
        EXPECT_GT(bad, 0u);
        EXPECT_LT(bad, numel);
    }
}

TEST(ParamKernelsAgainstPyTorch, NormOutputsGradientsAndRunningStatisticsMatchForEveryCase) {
    REQUIRE_ORACLE();
    for (const NormCase &c : kNorm) {
        SCOPED_TRACE(c.name);
        ASSERT_TRUE(o.has(std::string(c.name) + ".y")) << "the oracle has no case " << c.name;
        check_norm(o, c);
    }
}

}  // namespace
