// cuda_param_test.cpp — the CUDA kernels of ConvTranspose2d (the GEMM conv
// engine run as a transposed convolution), GroupNorm and what InstanceNorm2d
// and LayerNorm run of it, against their CPU twins on random inputs, and a
// few training steps of models/parity_param.cnn through both engines (CUDA
// graphs included). Floats compare by relative L2 error <= 1e-5 (GEMMs in
// another order; statistics in double on both sides, summed in another
// order); InstanceNorm2d's running-statistics update does the CPU's exact
// arithmetic and must match bit for bit. Device outputs sit between 0xFF
// guards (a NaN pattern: an output left unwritten shows). Runs on a GPU, and
// everywhere on the emulator (cnnc_emu_tests); skips with the reason when no
// GPU is usable.
#ifdef CNNC_HAVE_CUDA

#include <gtest/gtest.h>
#include <cublas_v2.h>
#include <cuda_runtime_api.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "../cuda/backend_cuda.h"
#include "../cuda/cuda_kernels.h"
#include "cnnc/cnnc.h"
#include "cpu/cpu_kernels.h"
#include "test_paths.h"

namespace {

std::string gpu_unusable_reason() {
    int count = 0;
    const cudaError_t rc = cudaGetDeviceCount(&count);
    if (rc != cudaSuccess) return std::string("no usable CUDA device (") + cudaGetErrorString(rc) + ")";
    return count == 0 ? "no CUDA device present" : "";
}

#define SKIP_WITHOUT_GPU()                              \
    do {                                                \
        const std::string why_ = gpu_unusable_reason(); \
        if (!why_.empty()) GTEST_SKIP() << why_;        \
    } while (0)

constexpr size_t kGuard = 64;
constexpr double kTol = 1e-5;

// n floats on the device between guards of 0xFF bytes.
class Dev {
public:
    explicit Dev(size_t n) : n_(n) {
        const size_t bytes = (n_ + 2 * kGuard) * sizeof(float);
        if (cudaMalloc(reinterpret_cast<void **>(&raw_), bytes) != cudaSuccess) {
            ADD_FAILURE() << "cudaMalloc of " << bytes << " bytes failed";
            raw_ = nullptr;
            return;
        }
        cudaMemset(raw_, 0xFF, bytes);
    }
    explicit Dev(const std::vector<float> &host) : Dev(host.size()) {
        cudaMemcpy(get(), host.data(), n_ * sizeof(float), cudaMemcpyHostToDevice);
    }
    ~Dev() { if (raw_) cudaFree(raw_); }
    Dev(const Dev &) = delete;
    Dev &operator=(const Dev &) = delete;
    float *get() { return raw_ ? raw_ + kGuard : nullptr; }
    std::vector<float> down() {
        std::vector<float> h(n_);
        EXPECT_EQ(cudaSuccess, cudaMemcpy(h.data(), get(), n_ * sizeof(float), cudaMemcpyDeviceToHost));
        return h;
    }
    bool guards_intact() {
        std::vector<unsigned char> b((n_ + 2 * kGuard) * sizeof(float));
        cudaMemcpy(b.data(), raw_, b.size(), cudaMemcpyDeviceToHost);
        for (size_t i = 0; i < kGuard * sizeof(float); i++)
            if (b[i] != 0xFF || b[b.size() - 1 - i] != 0xFF) return false;
        return true;
    }

private:
    size_t n_;
    float *raw_ = nullptr;
};

std::vector<float> random_floats(size_t n, uint32_t seed, float lo = -1.0f, float hi = 1.0f) {
    std::mt19937 gen(seed);
    std::uniform_real_distribution<float> d(lo, hi);
    std::vector<float> v(n);
    for (auto &x : v) x = d(gen);
    return v;
}

// rel L2 <= tol over finite values; NaN and inf exactly where `want` has them.
::testing::AssertionResult close(const std::vector<float> &got, const std::vector<float> &want, double tol = kTol) {
    if (got.size() != want.size()) return ::testing::AssertionFailure() << "size " << got.size() << " != " << want.size();
    double num = 0, den = 0;
    for (size_t i = 0; i < want.size(); i++) {
        if (std::isnan(got[i]) != std::isnan(want[i]))
            return ::testing::AssertionFailure() << "[" << i << "]: got " << got[i] << ", want " << want[i];
        if (std::isnan(want[i])) continue;
        if (std::isinf(want[i]) || std::isinf(got[i])) {
            if (got[i] != want[i]) return ::testing::AssertionFailure() << "[" << i << "]: got " << got[i] << ", want " << want[i];
            continue;
        }
        num += ((double)got[i] - want[i]) * ((double)got[i] - want[i]);
        den += (double)want[i] * want[i];
    }
    const double e = den > 0 ? std::sqrt(num / den) : std::sqrt(num);
    if (!(e <= tol)) return ::testing::AssertionFailure() << "relative L2 error " << e << " > " << tol;
    return ::testing::AssertionSuccess();
}

#define OK(call)                                                                        \
    do {                                                                                \
        cnnc_error err_;                                                                \
        cnnc_error_clear(&err_);                                                        \
        const cnnc_status st_ = (call);                                                 \
        ASSERT_EQ(CNNC_OK, st_) << #call << ": " << err_.message;                       \
        ASSERT_EQ(cudaSuccess, cudaDeviceSynchronize()) << #call;                       \
    } while (0)

// ------------------------------------------------------------ ConvTranspose2d

struct ConvT {
    const char *what;
    int64_t N, IC, OC, H, W, KH, KW, SH, SW, PH, PW, OPH, OPW, DH, DW, G;
};

const ConvT kConvT[] = {
    {"DCGAN first layer (1x1 noise to 4x4)", 2, 20, 16, 1, 1, 4, 4, 1, 1, 0, 0, 0, 0, 1, 1, 1},
    {"DCGAN stride 2 padding 1", 3, 16, 8, 4, 4, 4, 4, 2, 2, 1, 1, 0, 0, 1, 1, 1},
    {"UNet kernel 2 stride 2, odd size", 2, 8, 4, 7, 5, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1},
    {"groups, dilation, output padding, rectangular", 3, 4, 6, 5, 6, 3, 2, 2, 3, 1, 0, 1, 2, 2, 1, 2},
    {"output padding below the dilation at stride 1", 2, 4, 6, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1, 2, 2, 1},
    {"depthwise, stride 3", 1, 6, 6, 3, 4, 5, 5, 3, 3, 2, 2, 2, 2, 1, 1, 6},
};

cnnc_conv_geom geom_of(const ConvT &c) {
    cnnc_conv_geom g{};
    g.N = c.N; g.C = c.OC; g.OC = c.IC; g.OH = c.H; g.OW = c.W;
    g.H = (c.H - 1) * c.SH - 2 * c.PH + c.DH * (c.KH - 1) + c.OPH + 1;
    g.W = (c.W - 1) * c.SW - 2 * c.PW + c.DW * (c.KW - 1) + c.OPW + 1;
    g.KH = c.KH; g.KW = c.KW; g.SH = c.SH; g.SW = c.SW; g.PH = c.PH; g.PW = c.PW; g.DH = c.DH; g.DW = c.DW;
    g.groups = c.G;
    return g;
}

TEST(CudaParamKernels, ConvTransposeForwardAndGradientsMatchTheCpuInEveryChunking) {
    SKIP_WITHOUT_GPU();
    cublasHandle_t h = nullptr;
    ASSERT_EQ(cublasCreate(&h), CUBLAS_STATUS_SUCCESS);
    cublasSetMathMode(h, CUBLAS_DEFAULT_MATH);
    uint32_t seed = 100;
    for (const ConvT &c : kConvT) {
        SCOPED_TRACE(c.what);
        const cnnc_conv_geom g = geom_of(c);
        const size_t nx = (size_t)(g.N * g.OC * g.OH * g.OW), ny = (size_t)(g.N * g.C * g.H * g.W);
        const size_t nw = (size_t)(g.OC * (g.C / g.groups) * g.KH * g.KW), nb = (size_t)g.C;
        const std::vector<float> x = random_floats(nx, seed++), w = random_floats(nw, seed++);
        const std::vector<float> b = random_floats(nb, seed++), dy = random_floats(ny, seed++);
        std::vector<float> cws(conv2d_workspace_floats_cpu(&g, cpu_get_threads()) + 1);
        std::vector<float> y(ny), dx(nx), dw(nw), db(nb);
        convtranspose2d_forward_cpu(y.data(), x.data(), w.data(), b.data(), &g, cws.data());
        convtranspose2d_backward_cpu(dx.data(), dw.data(), db.data(), dy.data(), x.data(), w.data(), &g, cws.data());
        for (int64_t chunk : {cnnc_gemm_conv_chunk(&g), int64_t(1)}) {
            SCOPED_TRACE("chunk " + std::to_string(chunk));
            Dev d_x(x), d_w(w), d_b(b), d_dy(dy), d_y(ny), d_dx(nx), d_dw(nw), d_db(nb);
            Dev d_ws(cnnc_gemm_conv_workspace_bytes(&g) / sizeof(float) + 1);
            OK(cnnc_gemm_convt_forward(h, nullptr, 0, d_y.get(), d_x.get(), d_w.get(), d_b.get(), &g, chunk, d_ws.get(),
                                       &err_));
            OK(cnnc_gemm_convt_backward(h, nullptr, 0, d_dx.get(), d_dw.get(), d_db.get(), d_dy.get(), d_x.get(),
                                        d_w.get(), &g, chunk, d_ws.get(), &err_));
            EXPECT_TRUE(close(d_y.down(), y)) << "output";
            EXPECT_TRUE(close(d_dx.down(), dx)) << "input gradient";
            EXPECT_TRUE(close(d_dw.down(), dw)) << "weight gradient";
            EXPECT_TRUE(close(d_db.down(), db)) << "bias gradient";
            for (Dev *d : {&d_y, &d_dx, &d_dw, &d_db, &d_ws}) EXPECT_TRUE(d->guards_intact());
            // only what was asked: no weight or bias gradient written when they are NULL
            Dev d_dx2(nx), d_dw2(nw);
            OK(cnnc_gemm_convt_backward(h, nullptr, 0, d_dx2.get(), nullptr, nullptr, d_dy.get(), d_x.get(), d_w.get(), &g,
                                        chunk, d_ws.get(), &err_));
            EXPECT_TRUE(close(d_dx2.down(), dx));
            std::vector<float> untouched = d_dw2.down();
            EXPECT_TRUE(std::all_of(untouched.begin(), untouched.end(), [](float v) { return std::isnan(v); }));
        }
    }
    cublasDestroy(h);
}

// ---------------------------------------------------------- GroupNorm family

struct Norm {
    const char *what;
    int64_t N, C, HW, G;
    bool affine, nan;
};

const Norm kNorm[] = {
    {"GroupNorm 2 groups", 3, 6, 25, 2, true, false},
    {"GroupNorm on [N, C]: two values a group", 4, 6, 1, 3, true, false},
    {"InstanceNorm2d (G = C)", 3, 4, 30, 4, true, false},
    {"InstanceNorm2d without affine, big planes", 2, 3, 700, 3, false, false},
    {"LayerNorm rows (one group, HW = 1)", 15, 40, 1, 1, true, false},
    {"LayerNorm wider than a block", 3, 700, 1, 1, true, false},
    {"NaN and inf poison their group only", 2, 6, 9, 3, true, true},
};

TEST(CudaParamKernels, GroupNormFamilyForwardAndBackwardMatchTheCpu) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 300;
    for (const Norm &c : kNorm) {
        SCOPED_TRACE(c.what);
        const size_t n = (size_t)(c.N * c.C * c.HW), C = (size_t)c.C, groups = (size_t)(c.N * c.G);
        std::vector<float> x = random_floats(n, seed++, -2.0f, 3.0f);
        if (c.nan) x[4] = NAN, x[n - 3] = INFINITY;
        const std::vector<float> w = random_floats(C, seed++, 0.5f, 1.5f), b = random_floats(C, seed++);
        const std::vector<float> dy = random_floats(n, seed++);
        const float *pw = c.affine ? w.data() : nullptr, *pb = c.affine ? b.data() : nullptr;
        std::vector<float> y(n), mean(groups), rstd(groups), var(groups), dx(n), dw(C), db(C);
        groupnorm_forward_cpu(y.data(), mean.data(), rstd.data(), var.data(), x.data(), pw, pb, c.N, c.C, c.HW, c.G, 1e-5f);
        groupnorm_backward_cpu(dx.data(), dw.data(), db.data(), dy.data(), x.data(), mean.data(), rstd.data(), pw, c.N, c.C,
                               c.HW, c.G);
        Dev d_x(x), d_w(w), d_b(b), d_dy(dy), d_y(n), d_mean(groups), d_rstd(groups), d_var(groups), d_dx(n), d_dw(C),
            d_db(C);
        OK(groupnorm_forward_cuda(d_y.get(), d_mean.get(), d_rstd.get(), d_var.get(), d_x.get(),
                                  c.affine ? d_w.get() : nullptr, c.affine ? d_b.get() : nullptr, c.N, c.C, c.HW, c.G,
                                  1e-5f, nullptr, &err_));
        OK(groupnorm_backward_cuda(d_dx.get(), d_dw.get(), d_db.get(), d_dy.get(), d_x.get(), d_mean.get(), d_rstd.get(),
                                   c.affine ? d_w.get() : nullptr, c.N, c.C, c.HW, c.G, nullptr, &err_));
        EXPECT_TRUE(close(d_y.down(), y)) << "output";
        EXPECT_TRUE(close(d_mean.down(), mean)) << "mean";
        EXPECT_TRUE(close(d_rstd.down(), rstd)) << "rstd";
        EXPECT_TRUE(close(d_var.down(), var)) << "unbiased variance";
        EXPECT_TRUE(close(d_dx.down(), dx)) << "input gradient";
        EXPECT_TRUE(close(d_dw.down(), dw)) << "weight gradient";
        EXPECT_TRUE(close(d_db.down(), db)) << "bias gradient";
        for (Dev *d : {&d_y, &d_mean, &d_rstd, &d_var, &d_dx, &d_dw, &d_db}) EXPECT_TRUE(d->guards_intact());
        if (c.nan) {
            const std::vector<float> got = d_y.down();
            const size_t bad = (size_t)std::count_if(got.begin(), got.end(), [](float v) { return std::isnan(v); });
            EXPECT_EQ(bad, 2 * n / groups) << "the two groups holding NaN / inf, nothing else";
        }
    }
}

TEST(CudaParamKernels, InstanceNormRunningStatisticsAreTheCpusBitForBit) {
    SKIP_WITHOUT_GPU();
    const int64_t N = 5, C = 7;
    const std::vector<float> mean = random_floats((size_t)(N * C), 1), var = random_floats((size_t)(N * C), 2, 0.1f, 3.0f);
    std::vector<float> rm = random_floats((size_t)C, 3), rv = random_floats((size_t)C, 4, 0.5f, 2.0f);
    Dev d_rm(rm), d_rv(rv), d_mean(mean), d_var(var);
    instancenorm2d_update_running_cpu(rm.data(), rv.data(), mean.data(), var.data(), N, C, 0.2f);
    OK(instancenorm2d_update_running_cuda(d_rm.get(), d_rv.get(), d_mean.get(), d_var.get(), N, C, 0.2f, nullptr, &err_));
    EXPECT_EQ(d_rm.down(), rm);
    EXPECT_EQ(d_rv.down(), rv);
    EXPECT_TRUE(d_rm.guards_intact() && d_rv.guards_intact());
}

// ------------------------------------------------------------------- engine

std::string err_line(const cnnc_error &e) {
    char b[CNNC_ERR_TEXT + 64];
    cnnc_error_line(&e, b, sizeof b);
    return b;
}

double rel_l2(const std::vector<float> &a, const std::vector<float> &b) {
    double n = 0, d = 0;
    for (size_t i = 0; i < b.size(); i++) n += ((double)a[i] - b[i]) * ((double)a[i] - b[i]), d += (double)b[i] * b[i];
    return d > 0 ? std::sqrt(n / d) : std::sqrt(n);
}

// Three Adam steps of models/parity_param.cnn on both backends (the CUDA one as
// captured graphs after the first): losses, parameters, running statistics and
// num_batches_tracked agree, as do the eval outputs with the running statistics.
TEST(CudaParamTraining, ThreeAdamStepsOfTheParityModelMatchTheCpuIncludingRunningStatistics) {
    SKIP_WITHOUT_GPU();
    const std::string path = source_path("models/parity_param.cnn");
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_load(path.c_str(), &m, &err), CNNC_OK) << err_line(err);
    cnnc_engine *eng[2] = {nullptr, nullptr};
    for (int k = 0; k < 2; k++) {
        cnnc_engine_config cfg = cnnc_engine_config_default(m);
        cfg.device = k ? CNNC_DEVICE_CUDA : CNNC_DEVICE_CPU;
        cfg.max_batch = 6;
        cfg.seed = 7;
        cfg.optim = cnnc_optim_default(CNNC_OPTIM_ADAM);
        char note[256] = "";
        ASSERT_EQ(cnnc_engine_create(m, &cfg, &eng[k], note, sizeof note, &err), CNNC_OK) << err_line(err);
    }
    for (int32_t i = 0; i < cnnc_engine_param_count(eng[0]); i++) {   // the same start
        const cnnc_param_info *p = cnnc_engine_param(eng[0], i);
        std::vector<int64_t> buf((size_t)p->numel + 1);
        ASSERT_EQ(cnnc_engine_read_param(eng[0], i, buf.data(), &err), CNNC_OK) << err_line(err);
        ASSERT_EQ(cnnc_engine_write_param(eng[1], i, buf.data(), &err), CNNC_OK) << err_line(err);
    }
    const int64_t n = 6;
    std::vector<float> x = random_floats((size_t)(n * 28 * 28), 11, 0.0f, 1.0f);
    std::vector<int64_t> y = {3, 1, 4, 1, 5, 9};
    cnnc_shape shape{};
    shape.ndim = 4; shape.d[0] = n; shape.d[1] = 1; shape.d[2] = 28; shape.d[3] = 28;
    for (int s = 0; s < 3; s++) {
        float loss[2];
        for (int k = 0; k < 2; k++) {
            ASSERT_EQ(cnnc_engine_set_batch(eng[k], x.data(), &shape, y.data(), &err), CNNC_OK) << err_line(err);
            ASSERT_EQ(cnnc_engine_train_step(eng[k], &loss[k], &err), CNNC_OK) << err_line(err);
        }
        EXPECT_NEAR(loss[1], loss[0], 1e-5 * std::fabs(loss[0])) << "step " << s;
    }
    for (int32_t i = 0; i < cnnc_engine_param_count(eng[0]); i++) {
        const cnnc_param_info *p = cnnc_engine_param(eng[0], i);
        if (p->dtype == CNNC_I64) {
            int64_t a = -1, b = -2;
            ASSERT_EQ(cnnc_engine_read_param(eng[0], i, &a, &err), CNNC_OK);
            ASSERT_EQ(cnnc_engine_read_param(eng[1], i, &b, &err), CNNC_OK);
            EXPECT_EQ(b, a) << p->name;   // InstanceNorm2d's stays 0, BatchNorm1d's counts 3
            continue;
        }
        std::vector<float> a((size_t)p->numel), b((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_param(eng[0], i, a.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_read_param(eng[1], i, b.data(), &err), CNNC_OK);
        EXPECT_LE(rel_l2(b, a), 1e-4) << p->name;   // three steps of Adam on 1e-6-level gradient differences
    }
    std::vector<float> out[2] = {std::vector<float>((size_t)(n * 10)), std::vector<float>((size_t)(n * 10))};
    for (int k = 0; k < 2; k++) {
        ASSERT_EQ(cnnc_engine_forward(eng[k], 0, &err), CNNC_OK) << err_line(err);
        ASSERT_EQ(cnnc_engine_read_output(eng[k], out[k].data(), &err), CNNC_OK) << err_line(err);
    }
    EXPECT_LE(rel_l2(out[1], out[0]), 1e-4) << "eval forward (running statistics)";
    for (cnnc_engine *e : eng) cnnc_engine_free(e);
    cnnc_model_free(m);
}

}  // namespace

#endif
