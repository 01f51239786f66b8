// cuda_act_test.cpp — the CUDA kernels of the activation kinds, Softmax,
// LogSoftmax, Dropout2d and NLLLoss against their CPU twins (the reference,
// itself checked against PyTorch in act_kernels_test.cpp), on random inputs
// with NaN, +-inf and +-0 sprinkled in, odd sizes, and in place; then whole
// training steps through the CUDA engine (CUDA graphs included) against the CPU
// engine on a model holding every new kind.
//
// Tolerances: NaN exactly where the CPU has NaN and the same infinities; the
// finite values within relative L2 1e-5 (the CUDA math library's expf, tanhf,
// erff and logf may differ from glibc's by an ulp or two; on the emulator they
// are glibc's and the results are bit for bit). Masks, the NLL gradient and
// correct counts compare exactly. Device outputs sit between 0xFF guard zones
// that must stay untouched. Without a usable GPU each test skips and says why.
#ifdef CNNC_HAVE_CUDA

#include <gtest/gtest.h>
#include <cuda_runtime_api.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "../cuda/cuda_kernels.h"
#include "cnnc/cnnc.h"
#include "cpu/cpu_kernels.h"
#include "engine/rng.h"

namespace {

#define SKIP_WITHOUT_GPU()                                                                         \
    do {                                                                                           \
        cnnc_error e_;                                                                             \
        cnnc_error_clear(&e_);                                                                     \
        if (cnnc_cuda_device_count(&e_) == 0) GTEST_SKIP() << "no usable GPU: " << e_.message;     \
    } while (0)

constexpr double kTol = 1e-5;
constexpr size_t kGuard = 64;

// A device array with kGuard elements of 0xFF bytes on both sides.
template <typename T>
class DevBuf {
public:
    explicit DevBuf(size_t n) : n_(n) {
        const size_t bytes = (n_ + 2 * kGuard) * sizeof(T);
        if (cudaMalloc(reinterpret_cast<void **>(&raw_), bytes) != cudaSuccess || cudaMemset(raw_, 0xFF, bytes) != cudaSuccess) {
            ADD_FAILURE() << "cudaMalloc/cudaMemset of " << bytes << " bytes failed";
            raw_ = nullptr;
        }
    }
    ~DevBuf() {
        if (raw_) cudaFree(raw_);
    }
    DevBuf(const DevBuf &) = delete;
    DevBuf &operator=(const DevBuf &) = delete;
    T *get() { return raw_ ? raw_ + kGuard : nullptr; }
    void upload(const std::vector<T> &h) {
        ASSERT_EQ(h.size(), n_);
        ASSERT_EQ(cudaMemcpy(get(), h.data(), n_ * sizeof(T), cudaMemcpyHostToDevice), cudaSuccess);
    }
    std::vector<T> download() {
        std::vector<T> h(n_);
        EXPECT_EQ(cudaMemcpy(h.data(), get(), n_ * sizeof(T), cudaMemcpyDeviceToHost), cudaSuccess);
        return h;
    }
    bool guards_intact() {
        std::vector<unsigned char> b((n_ + 2 * kGuard) * sizeof(T));
        if (cudaMemcpy(b.data(), raw_, b.size(), cudaMemcpyDeviceToHost) != cudaSuccess) return false;
        for (size_t i = 0; i < kGuard * sizeof(T); i++)
            if (b[i] != 0xFF || b[b.size() - 1 - i] != 0xFF) return false;
        return true;
    }

private:
    size_t n_;
    T *raw_ = nullptr;
};

// NaN where `want` has NaN, equal infinities, relative L2 <= tol over the finite values.
::testing::AssertionResult close(const std::vector<float> &got, const std::vector<float> &want, double tol = kTol) {
    if (got.size() != want.size()) return ::testing::AssertionFailure() << "size " << got.size() << " != " << want.size();
    double diff = 0, ref = 0;
    for (size_t i = 0; i < got.size(); i++) {
        const float g = got[i], w = want[i];
        if (!std::isfinite(w) || !std::isfinite(g)) {
            if (!((std::isnan(w) && std::isnan(g)) || (!std::isnan(w) && g == w)))
                return ::testing::AssertionFailure() << "[" << i << "] " << g << " where the CPU has " << w;
            continue;
        }
        diff += ((double)g - w) * ((double)g - w);
        ref += (double)w * w;
    }
    const double err = ref > 0 ? std::sqrt(diff / ref) : std::sqrt(diff);
    if (!(err <= tol)) return ::testing::AssertionFailure() << "relative L2 error " << err << " > " << tol;
    return ::testing::AssertionSuccess();
}

std::vector<float> sprinkled(size_t n, uint32_t seed, float scale = 3.0f) {
    std::mt19937 gen(seed);
    std::normal_distribution<float> d(0.0f, scale);
    std::vector<float> v(n);
    for (auto &x : v) x = d(gen);
    const float special[] = {NAN, INFINITY, -INFINITY, 0.0f, -0.0f, -0.5f, 0.75f, 6.0f, 1e-8f, -90.0f, 90.0f};
    for (size_t k = 0; k < sizeof special / sizeof special[0] && k * 37 < n; k++) v[k * 37] = special[k];
    return v;
}

// The elementwise kinds (Hardtanh at (-0.5, 0.75), ReLU6 as Hardtanh(0, 6), ELU alpha 0.7
// with its backward from the input or from the output).
enum Act { kRelu, kSigmoid, kTanh, kHardtanh, kRelu6, kElu, kEluFromOutput, kGelu, kGeluTanh, kSilu, kLeaky,
           kLeakyFromOutput, kActCount };
const char *const kActNames[kActCount] = {"relu", "sigmoid", "tanh", "hardtanh", "relu6", "elu", "elu_from_output",
                                          "gelu", "gelu_tanh", "silu", "leaky_relu", "leaky_relu_from_output"};

void cpu_forward(Act a, float *y, const float *x, int64_t n) {
    switch (a) {
    case kRelu: relu_forward_cpu(y, x, n); break;
    case kSigmoid: sigmoid_forward_cpu(y, x, n); break;
    case kTanh: tanh_forward_cpu(y, x, n); break;
    case kHardtanh: hardtanh_forward_cpu(y, x, n, -0.5f, 0.75f); break;
    case kRelu6: hardtanh_forward_cpu(y, x, n, 0.0f, 6.0f); break;
    case kElu: case kEluFromOutput: elu_forward_cpu(y, x, n, 0.7f); break;
    case kGelu: case kGeluTanh: gelu_forward_cpu(y, x, n, a == kGeluTanh); break;
    case kSilu: silu_forward_cpu(y, x, n); break;
    case kLeaky: case kLeakyFromOutput: leaky_relu_forward_cpu(y, x, n, 0.2f); break;
    default: break;
    }
}

void cpu_backward(Act a, float *dx, const float *dy, const float *x, const float *y, int64_t n) {
    switch (a) {
    case kRelu: relu_backward_cpu(dx, dy, y, n); break;
    case kSigmoid: sigmoid_backward_cpu(dx, dy, y, n); break;
    case kTanh: tanh_backward_cpu(dx, dy, y, n); break;
    case kHardtanh: hardtanh_backward_cpu(dx, dy, x, n, -0.5f, 0.75f); break;
    case kRelu6: hardtanh_backward_cpu(dx, dy, x, n, 0.0f, 6.0f); break;
    case kElu: case kEluFromOutput: elu_backward_cpu(dx, dy, x, y, n, 0.7f, a == kEluFromOutput); break;
    case kLeaky: case kLeakyFromOutput: leaky_relu_backward_cpu(dx, dy, a == kLeaky ? x : y, n, 0.2f); break;
    case kGelu: case kGeluTanh: gelu_backward_cpu(dx, dy, x, n, a == kGeluTanh); break;
    case kSilu: silu_backward_cpu(dx, dy, x, n); break;
    default: break;
    }
}

cnnc_status cuda_forward(Act a, float *y, const float *x, int64_t n, cnnc_error *err) {
    switch (a) {
    case kRelu: return relu_forward_cuda(y, x, n, nullptr, err);
    case kSigmoid: return sigmoid_forward_cuda(y, x, n, nullptr, err);
    case kTanh: return tanh_forward_cuda(y, x, n, nullptr, err);
    case kHardtanh: return hardtanh_forward_cuda(y, x, n, -0.5f, 0.75f, nullptr, err);
    case kRelu6: return hardtanh_forward_cuda(y, x, n, 0.0f, 6.0f, nullptr, err);
    case kElu: case kEluFromOutput: return elu_forward_cuda(y, x, n, 0.7f, nullptr, err);
    case kLeaky: case kLeakyFromOutput: return leaky_relu_forward_cuda(y, x, n, 0.2f, nullptr, err);
    case kGelu: case kGeluTanh: return gelu_forward_cuda(y, x, n, a == kGeluTanh, nullptr, err);
    case kSilu: return silu_forward_cuda(y, x, n, nullptr, err);
    default: return CNNC_ERR_USAGE;
    }
}

cnnc_status cuda_backward(Act a, float *dx, const float *dy, const float *x, const float *y, int64_t n, cnnc_error *err) {
    switch (a) {
    case kRelu: return relu_backward_cuda(dx, dy, y, n, nullptr, err);
    case kSigmoid: return sigmoid_backward_cuda(dx, dy, y, n, nullptr, err);
    case kTanh: return tanh_backward_cuda(dx, dy, y, n, nullptr, err);
    case kHardtanh: return hardtanh_backward_cuda(dx, dy, x, n, -0.5f, 0.75f, nullptr, err);
    case kRelu6: return hardtanh_backward_cuda(dx, dy, x, n, 0.0f, 6.0f, nullptr, err);
    case kElu: case kEluFromOutput: return elu_backward_cuda(dx, dy, x, y, n, 0.7f, a == kEluFromOutput, nullptr, err);
    case kLeaky: case kLeakyFromOutput: return leaky_relu_backward_cuda(dx, dy, a == kLeaky ? x : y, n, 0.2f, nullptr, err);
    case kGelu: case kGeluTanh: return gelu_backward_cuda(dx, dy, x, n, a == kGeluTanh, nullptr, err);
    case kSilu: return silu_backward_cuda(dx, dy, x, n, nullptr, err);
    default: return CNNC_ERR_USAGE;
    }
}

TEST(CudaActKernels, EveryActivationMatchesTheCpuForwardAndBackwardWithNanAndInfinities) {
    SKIP_WITHOUT_GPU();
    const size_t n = 40009;  // odd, several blocks
    const auto x = sprinkled(n, 3), dy = sprinkled(n, 4, 1.0f);
    for (int k = 0; k < kActCount; k++) {
        const Act a = (Act)k;
        SCOPED_TRACE(kActNames[k]);
        std::vector<float> y(n), dx(n);
        cpu_forward(a, y.data(), x.data(), (int64_t)n);
        cpu_backward(a, dx.data(), dy.data(), x.data(), y.data(), (int64_t)n);
        DevBuf<float> d_x(n), d_y(n), d_dy(n), d_dx(n);
        d_x.upload(x);
        d_dy.upload(dy);
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(cuda_forward(a, d_y.get(), d_x.get(), (int64_t)n, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cuda_backward(a, d_dx.get(), d_dy.get(), d_x.get(), d_y.get(), (int64_t)n, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(close(d_y.download(), y)) << "forward";
        EXPECT_TRUE(close(d_dx.download(), dx)) << "backward";
        EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact());
        // In place: the forward over its input, the backward over the output gradient
        // (y standing in for the input too, on both sides).
        ASSERT_EQ(cuda_forward(a, d_x.get(), d_x.get(), (int64_t)n, &err), CNNC_OK);
        ASSERT_EQ(cuda_backward(a, d_dy.get(), d_dy.get(), d_y.get(), d_y.get(), (int64_t)n, &err), CNNC_OK);
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(close(d_x.download(), y)) << "forward in place";
        std::vector<float> dx_inplace(n);
        cpu_backward(a, dx_inplace.data(), dy.data(), y.data(), y.data(), (int64_t)n);
        EXPECT_TRUE(close(d_dy.download(), dx_inplace)) << "backward in place";
    }
}

TEST(CudaActKernels, ReluLetsNanThroughAndPassesItsGradientLikeTheCpu) {
    SKIP_WITHOUT_GPU();
    const std::vector<float> x = {NAN, -0.0f, -INFINITY, INFINITY, -1.0f, 2.0f, 0.0f};
    const std::vector<float> dy = {1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 6.0f, 7.0f};
    DevBuf<float> d_x(7), d_y(7), d_dy(7), d_dx(7);
    d_x.upload(x);
    d_dy.upload(dy);
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(relu_forward_cuda(d_y.get(), d_x.get(), 7, nullptr, &err), CNNC_OK);
    ASSERT_EQ(relu_backward_cuda(d_dx.get(), d_dy.get(), d_y.get(), 7, nullptr, &err), CNNC_OK);
    const auto y = d_y.download(), dx = d_dx.download();
    EXPECT_TRUE(std::isnan(y[0]));
    EXPECT_TRUE(y[1] == 0.0f && std::signbit(y[1]));
    EXPECT_EQ(y[2], 0.0f);
    EXPECT_EQ(y[3], INFINITY);
    EXPECT_EQ(dx, (std::vector<float>{1.0f, 0.0f, 0.0f, 4.0f, 0.0f, 6.0f, 0.0f}));
}

// The fused Conv2d -> ReLU -> MaxPool2d pass lets NaN through as the three layers do on the CPU.
TEST(CudaActKernels, FusedBiasReluMaxPoolPropagatesNanLikeReluThenMaxPool) {
    SKIP_WITHOUT_GPU();
    cnnc_pool_geom g;
    std::memset(&g, 0, sizeof g);
    g.N = 2; g.C = 3; g.H = 8; g.W = 10; g.OH = 4; g.OW = 5;
    g.KH = g.KW = g.SH = g.SW = 2; g.DH = g.DW = 1; g.count_include_pad = 1;
    ASSERT_TRUE(bias_relu_maxpool_fusable(&g));
    const size_t in_n = (size_t)(g.N * g.C * g.H * g.W), out_n = (size_t)(g.N * g.C * g.OH * g.OW);
    auto conv = sprinkled(in_n, 31, 1.0f);
    conv[100] = NAN;  // a window whose other values are finite
    conv[213] = -0.0f;
    const std::vector<float> bias = {0.1f, -0.2f, 0.0f};
    const auto dout = sprinkled(out_n, 32, 1.0f);
    std::vector<float> act(conv);
    for (size_t i = 0; i < in_n; ++i) act[i] += bias[(i / (size_t)(g.H * g.W)) % (size_t)g.C];
    relu_forward_cpu(act.data(), act.data(), (int64_t)in_n);
    std::vector<float> out_want(out_n), dact(in_n, 0.0f), dconv_want(in_n);
    std::vector<int32_t> arg_want(out_n);
    maxpool2d_forward_cpu(out_want.data(), arg_want.data(), act.data(), &g);
    maxpool2d_backward_cpu(dact.data(), dout.data(), arg_want.data(), &g);
    relu_backward_cpu(dconv_want.data(), dact.data(), act.data(), (int64_t)in_n);
    size_t nan_out = 0;
    for (float v : out_want) nan_out += std::isnan(v);
    ASSERT_GE(nan_out, 2u);
    DevBuf<float> d_conv(in_n), d_bias(3), d_out(out_n), d_dout(out_n), d_dconv(in_n);
    DevBuf<int32_t> d_arg(out_n);
    d_conv.upload(conv);
    d_bias.upload(bias);
    d_dout.upload(dout);
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(bias_relu_maxpool_forward_cuda(d_out.get(), d_arg.get(), d_conv.get(), d_bias.get(), &g, nullptr, &err), CNNC_OK);
    ASSERT_EQ(bias_relu_maxpool_backward_cuda(d_dconv.get(), d_dout.get(), d_out.get(), d_arg.get(), &g, nullptr, &err),
              CNNC_OK);
    ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
    EXPECT_TRUE(close(d_out.download(), out_want, 0.0));
    EXPECT_EQ(d_arg.download(), arg_want);
    EXPECT_TRUE(close(d_dconv.download(), dconv_want, 0.0));
}

TEST(CudaActKernels, SoftmaxAndLogSoftmaxMatchTheCpuOverEveryDimPositionIncludingSpecialRows) {
    SKIP_WITHOUT_GPU();
    // [outer, size, inner]: a middle dim, the last dim, the first dim, long rows, a single element per row
    const cnnc_axis_geom geoms[] = {{3, 5, 28}, {60, 7, 1}, {1, 3, 140}, {7, 1000, 1}, {33, 1, 5}};
    for (const cnnc_axis_geom &g : geoms) {
        const size_t n = (size_t)(g.outer * g.size * g.inner);
        auto x = sprinkled(n, 7, 2.0f);
        const auto dy = sprinkled(n, 8, 1.0f);
        for (bool log : {false, true}) {
            SCOPED_TRACE(std::string(log ? "log_softmax" : "softmax") + " [" + std::to_string(g.outer) + ", " +
                         std::to_string(g.size) + ", " + std::to_string(g.inner) + "]");
            std::vector<float> y(n), dx(n);
            (log ? log_softmax_forward_cpu : softmax_forward_cpu)(y.data(), x.data(), &g);
            (log ? log_softmax_backward_cpu : softmax_backward_cpu)(dx.data(), dy.data(), y.data(), &g);
            DevBuf<float> d_x(n), d_y(n), d_dy(n), d_dx(n);
            d_x.upload(x);
            d_dy.upload(dy);
            cnnc_error err;
            cnnc_error_clear(&err);
            ASSERT_EQ((log ? log_softmax_forward_cuda : softmax_forward_cuda)(d_y.get(), d_x.get(), &g, nullptr, &err), CNNC_OK);
            ASSERT_EQ((log ? log_softmax_backward_cuda : softmax_backward_cuda)(d_dx.get(), d_dy.get(), d_y.get(), &g, nullptr, &err),
                      CNNC_OK);
            ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
            EXPECT_TRUE(close(d_y.download(), y)) << "forward";
            EXPECT_TRUE(close(d_dx.download(), dx)) << "backward";
            EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact());
            size_t nan_rows = 0;
            for (float v : y) nan_rows += std::isnan(v);
            if (g.size > 1) {
                EXPECT_GT(nan_rows, 0u) << "no row met a NaN or +inf";
            }
        }
    }
}

TEST(CudaActKernels, Dropout2dMasksAreTheCpusAndWholePlanesAreKeptOrZeroed) {
    SKIP_WITHOUT_GPU();
    for (float p : {0.0f, 0.3f, 1.0f}) {
        SCOPED_TRACE("p = " + std::to_string(p));
        const int64_t planes = 2003, inner = 13;
        const size_t n = (size_t)(planes * inner);
        const auto x = sprinkled(n, 11), dy = sprinkled(n, 12, 1.0f);
        std::vector<float> y(n), dx(n);
        std::vector<uint8_t> mask((size_t)planes);
        dropout2d_forward_cpu(y.data(), mask.data(), x.data(), planes, inner, p, 42, 3ull << 40);
        dropout2d_backward_cpu(dx.data(), dy.data(), mask.data(), planes, inner, p);
        DevBuf<float> d_x(n), d_y(n), d_dy(n), d_dx(n);
        DevBuf<uint8_t> d_mask((size_t)planes);
        d_x.upload(x);
        d_dy.upload(dy);
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(dropout2d_forward_cuda(d_y.get(), d_mask.get(), d_x.get(), planes, inner, p, 42, 3ull << 40, nullptr, &err),
                  CNNC_OK);
        ASSERT_EQ(dropout2d_backward_cuda(d_dx.get(), d_dy.get(), d_mask.get(), planes, inner, p, nullptr, &err), CNNC_OK);
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_EQ(d_mask.download(), mask);
        EXPECT_TRUE(close(d_y.download(), y, 0.0)) << "forward, exactly";
        EXPECT_TRUE(close(d_dx.download(), dx, 0.0)) << "backward, exactly";
        EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact() && d_mask.guards_intact());
    }
}

TEST(CudaActKernels, NllLossMatchesTheCpuLossGradientCorrectCountAndMetrics) {
    SKIP_WITHOUT_GPU();
    for (int64_t N : {1, 37, 2500}) {  // 2500 rows: more than one per thread
        SCOPED_TRACE("N = " + std::to_string(N));
        const int64_t C = 10;
        auto logits = sprinkled((size_t)(N * C), 21, 2.0f);
        for (auto &v : logits) v = std::isfinite(v) ? v : 0.5f;
        const cnnc_axis_geom g = {N, C, 1};
        std::vector<float> logp((size_t)(N * C)), dlogp((size_t)(N * C));
        log_softmax_forward_cpu(logp.data(), logits.data(), &g);
        std::vector<int32_t> t((size_t)N);
        for (int64_t i = 0; i < N; i++) t[(size_t)i] = (int32_t)((i * 7 + 3) % C);
        int64_t correct = 0;
        const float loss = nll_loss_cpu(dlogp.data(), &correct, logp.data(), t.data(), N, C);
        DevBuf<float> d_logp((size_t)(N * C)), d_dlogp((size_t)(N * C)), d_metrics(4);
        DevBuf<int32_t> d_t((size_t)N);
        d_logp.upload(logp);
        d_t.upload(t);
        d_metrics.upload({10.0f, 2.0f, 4.0f, -1.0f});  // running sums from an earlier batch
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(nll_loss_cuda(d_dlogp.get(), d_metrics.get(), d_logp.get(), d_t.get(), N, C, nullptr, &err), CNNC_OK);
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_EQ(d_dlogp.download(), dlogp) << "-1/N at the targets, 0 elsewhere";
        const auto m = d_metrics.download();
        EXPECT_NEAR(m[3], loss, 1e-6 * std::fabs(loss));
        EXPECT_NEAR(m[0], 10.0f + loss * (float)N, 1e-5 * std::fabs(10.0f + loss * N));
        EXPECT_EQ(m[1], 2.0f + (float)correct);
        EXPECT_EQ(m[2], 4.0f + (float)N);
        EXPECT_TRUE(d_dlogp.guards_intact() && d_metrics.guards_intact());
    }
}

// ---- whole training steps: CUDA engine (captured graphs) against the CPU engine ----

struct Model {
    cnnc_model *m = nullptr;
    explicit Model(const char *text) {
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text, std::strlen(text), "<act>", &m, &err), CNNC_OK) << err.message;
    }
    ~Model() { cnnc_model_free(m); }
};

struct Engine {
    cnnc_engine *e = nullptr;
    ~Engine() { cnnc_engine_free(e); }
};

cnnc_status make_engine(const cnnc_model *m, cnnc_device_kind dev, int no_graph, Engine *out, cnnc_error *err) {
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.device = dev;
    cfg.max_batch = 8;
    cfg.seed = 99;
    cfg.no_graph = no_graph;
    cfg.optim = cnnc_optim_default(CNNC_OPTIM_ADAM);
    return cnnc_engine_create(m, &cfg, &out->e, nullptr, 0, err);
}

double rel_l2(const std::vector<float> &a, const std::vector<float> &b) {
    double d = 0, r = 0;
    for (size_t i = 0; i < a.size(); i++) {
        d += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        r += (double)b[i] * b[i];
    }
    return r > 0 ? std::sqrt(d / r) : std::sqrt(d);
}

const char *kActNet = "input = (2, 8, 8)\n"
                      "c1 = Sequential(Conv2d(2, 4, 3, padding=1), Sigmoid(), Dropout2d(0.3), Tanh())\n"
                      "c2 = Sequential(Conv2d(4, 4, 3, padding=1), ReLU6(), Hardtanh(-0.5, 2.0), ELU(0.5, inplace=True), Identity())\n"
                      "c3 = Sequential(Conv2d(4, 4, 3, padding=1), GELU(approximate='tanh'), SiLU(), Softmax(dim=1), ReLU())\n"
                      "flat = Flatten()\n"
                      "fc = Sequential(Linear(256, 12), GELU(), Linear(12, 5), LogSoftmax(dim=1))\n";

void train_steps_match(int no_graph) {
    Model model(kActNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine cpu, gpu;
    ASSERT_EQ(make_engine(model.m, CNNC_DEVICE_CPU, 0, &cpu, &err), CNNC_OK) << err.message;
    ASSERT_EQ(make_engine(model.m, CNNC_DEVICE_CUDA, no_graph, &gpu, &err), CNNC_OK) << err.message;
    EXPECT_STREQ(cnnc_engine_loss_name(gpu.e), "NLLLoss");
    for (int32_t i = 0; i < cnnc_engine_param_count(cpu.e); i++) {
        std::vector<float> w((size_t)cnnc_engine_param(cpu.e, i)->numel);
        ASSERT_EQ(cnnc_engine_read_param(cpu.e, i, w.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_write_param(gpu.e, i, w.data(), &err), CNNC_OK);
    }
    const int64_t N = 8;
    std::vector<float> x((size_t)(N * 128));
    for (size_t i = 0; i < x.size(); i++) x[i] = std::sin(0.31f * (float)i) * 2.0f;
    x[5] = 30.0f;
    int64_t labels[N];
    for (int64_t i = 0; i < N; i++) labels[i] = (i * 3) % 5;
    cnnc_shape xs;
    std::memset(&xs, 0, sizeof xs);
    xs.ndim = 4; xs.d[0] = N; xs.d[1] = 2; xs.d[2] = 8; xs.d[3] = 8;
    for (int step = 0; step < 3; step++) {
        float lc = 0, lg = 0;
        ASSERT_EQ(cnnc_engine_set_batch(cpu.e, x.data(), &xs, labels, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cnnc_engine_set_batch(gpu.e, x.data(), &xs, labels, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cnnc_engine_train_step(cpu.e, &lc, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cnnc_engine_train_step(gpu.e, &lg, &err), CNNC_OK) << err.message;
        EXPECT_NEAR(lg, lc, 1e-5 * std::fabs(lc) + 1e-6) << "step " << step;
        EXPECT_EQ(cnnc_engine_rng_counter(gpu.e), cnnc_engine_rng_counter(cpu.e)) << "step " << step;
    }
    // Adam's first steps are ~lr * sign(grad): parameters compare at 1e-4.
    for (int32_t i = 0; i < cnnc_engine_param_count(cpu.e); i++) {
        const cnnc_param_info *p = cnnc_engine_param(cpu.e, i);
        std::vector<float> a((size_t)p->numel), b((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_param(cpu.e, i, a.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_read_param(gpu.e, i, b.data(), &err), CNNC_OK);
        EXPECT_LE(rel_l2(b, a), 1e-4) << p->name;
    }
}

TEST(CudaActTraining, StepsThroughEveryNewKindMatchTheCpuWithCudaGraphs) {
    SKIP_WITHOUT_GPU();
    train_steps_match(0);
}

TEST(CudaActTraining, StepsThroughEveryNewKindMatchTheCpuOpByOp) {
    SKIP_WITHOUT_GPU();
    train_steps_match(1);
}

}  // namespace

#endif  // CNNC_HAVE_CUDA
