// cuda_kernels_test.cpp — every CUDA launcher of cuda/cuda_kernels.h against
// its CPU twin (src/cpu/cpu_kernels.h) on random inputs over several
// geometries. Floats compare by relative L2 error <= 1e-5; argmax, masks,
// labels and correct counts compare exactly. Every device output sits between
// guard zones filled with 0xFF bytes (a NaN pattern for floats), which must be
// untouched afterwards; outputs that a kernel must fully overwrite start as
// the same NaN pattern, so a missed element shows as NaN. Without a usable
// GPU each test skips and says why.
#ifdef CNNC_HAVE_CUDA

#include <gtest/gtest.h>
#include <cuda_runtime_api.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "conv_direct_ref.h"
#include "../cuda/cuda_kernels.h"
#include "cpu/cpu_kernels.h"
#include "engine/augment.h"
#include "cnnc/status.h"

namespace {

// Empty when a GPU is usable, else the reason to skip.
std::string gpu_unusable_reason() {
    int count = 0;
    const cudaError_t rc = cudaGetDeviceCount(&count);
    if (rc != cudaSuccess)
        return std::string("no usable CUDA device (cudaGetDeviceCount: ") + cudaGetErrorString(rc) + ")";
    if (count == 0) return "no CUDA device present";
    return "";
}

#define SKIP_WITHOUT_GPU()                                \
    do {                                                  \
        const std::string why_ = gpu_unusable_reason();   \
        if (!why_.empty()) GTEST_SKIP() << why_;          \
    } while (0)

constexpr size_t kGuard = 64;  // elements of guard on each side (keeps 256-byte alignment for floats)
constexpr double kTol = 1e-5;

// A device array of n elements with kGuard guard elements on both sides, all
// bytes initially 0xFF.
template <typename T>
class DevBuf {
public:
    explicit DevBuf(size_t n) : n_(n) {
        const size_t bytes = (n_ + 2 * kGuard) * sizeof(T);
        if (cudaMalloc(reinterpret_cast<void **>(&raw_), bytes) != cudaSuccess) {
            ADD_FAILURE() << "cudaMalloc of " << bytes << " bytes failed";
            raw_ = nullptr;
            return;
        }
        if (cudaMemset(raw_, 0xFF, bytes) != cudaSuccess) ADD_FAILURE() << "cudaMemset failed";
    }
    ~DevBuf() {
        if (raw_) cudaFree(raw_);
    }
    DevBuf(const DevBuf &) = delete;
    DevBuf &operator=(const DevBuf &) = delete;

    T *get() { return raw_ ? raw_ + kGuard : nullptr; }
    size_t size() const { return n_; }

    void upload(const std::vector<T> &host) {
        ASSERT_EQ(host.size(), n_);
        ASSERT_EQ(cudaSuccess, cudaMemcpy(get(), host.data(), n_ * sizeof(T), cudaMemcpyHostToDevice));
    }
    std::vector<T> download() {
        std::vector<T> host(n_);
        EXPECT_EQ(cudaSuccess, cudaMemcpy(host.data(), get(), n_ * sizeof(T), cudaMemcpyDeviceToHost));
        return host;
    }
    // Both guard zones still hold 0xFF bytes.
    ::testing::AssertionResult guards_intact() {
        std::vector<unsigned char> bytes((n_ + 2 * kGuard) * sizeof(T));
        if (cudaMemcpy(bytes.data(), raw_, bytes.size(), cudaMemcpyDeviceToHost) != cudaSuccess)
            return ::testing::AssertionFailure() << "cudaMemcpy of the guarded buffer failed";
        const size_t guard_bytes = kGuard * sizeof(T);
        for (size_t i = 0; i < guard_bytes; ++i)
            if (bytes[i] != 0xFF)
                return ::testing::AssertionFailure() << "write before the start, byte " << i << " of the guard";
        for (size_t i = bytes.size() - guard_bytes; i < bytes.size(); ++i)
            if (bytes[i] != 0xFF)
                return ::testing::AssertionFailure()
                       << "write past the end, byte " << (i - (bytes.size() - guard_bytes)) << " of the guard";
        return ::testing::AssertionSuccess();
    }

private:
    size_t n_;
    T *raw_ = nullptr;
};

std::vector<float> random_floats(size_t n, uint32_t seed, float lo = -1.0f, float hi = 1.0f) {
    std::mt19937 gen(seed);
    std::uniform_real_distribution<float> dist(lo, hi);
    std::vector<float> v(n);
    for (auto &x : v) x = dist(gen);
    return v;
}

// ||got - want|| / max(||want||, floor) <= tol. The floor is for outputs that
// cancel to (near) zero, such as BatchNorm's input gradient when each channel
// holds two values: there both sides are rounding noise, so they are compared
// against the scale of what went in.
double l2_norm(const std::vector<float> &v) {
    double s = 0.0;
    for (float x : v) s += (double)x * x;
    return std::sqrt(s);
}

::testing::AssertionResult rel_l2_close(const std::vector<float> &got, const std::vector<float> &want,
                                        double tol = kTol, double floor = 0.0) {
    if (got.size() != want.size())
        return ::testing::AssertionFailure() << "size " << got.size() << " != " << want.size();
    double diff = 0.0, ref = 0.0;
    size_t worst = 0;
    double worst_abs = -1.0;
    for (size_t i = 0; i < got.size(); ++i) {
        const double d = (double)got[i] - (double)want[i];
        diff += d * d;
        ref += (double)want[i] * (double)want[i];
        const double a = std::isnan(d) ? INFINITY : std::fabs(d);
        if (a > worst_abs) {
            worst_abs = a;
            worst = i;
        }
    }
    const double denom = std::max(std::sqrt(ref), floor);
    const double err = denom > 0.0 ? std::sqrt(diff) / denom : std::sqrt(diff);
    if (!(err <= tol))
        return ::testing::AssertionFailure() << "relative L2 error " << err << " > " << tol << "; worst at [" << worst
                                             << "]: got " << got[worst] << ", want " << want[worst];
    return ::testing::AssertionSuccess();
}

template <typename T>
::testing::AssertionResult exactly_equal(const std::vector<T> &got, const std::vector<T> &want) {
    if (got.size() != want.size())
        return ::testing::AssertionFailure() << "size " << got.size() << " != " << want.size();
    for (size_t i = 0; i < got.size(); ++i)
        if (got[i] != want[i])
            return ::testing::AssertionFailure() << "first difference at [" << i << "]: got " << (int64_t)got[i]
                                                 << ", want " << (int64_t)want[i];
    return ::testing::AssertionSuccess();
}

// Run a launcher on the default stream, check its status and the device.
#define LAUNCH_OK(call)                                                                       \
    do {                                                                                      \
        cnnc_error err_;                                                                      \
        cnnc_error_clear(&err_);                                                              \
        const cnnc_status st_ = (call);                                                       \
        ASSERT_EQ(CNNC_OK, st_) << #call << ": " << err_.message;                             \
        const cudaError_t sync_ = cudaDeviceSynchronize();                                    \
        ASSERT_EQ(cudaSuccess, sync_) << #call << ": " << cudaGetErrorString(sync_);          \
    } while (0)

// ---------------------------------------------------------------- conv geometry

cnnc_conv_geom conv_geom(int64_t N, int64_t C, int64_t H, int64_t W, int64_t KH, int64_t KW, int64_t SH,
                         int64_t SW, int64_t PH, int64_t PW, int64_t DH, int64_t DW, int64_t groups) {
    cnnc_conv_geom g{};
    g.N = N; g.C = C; g.H = H; g.W = W; g.OC = 2 * groups;
    g.KH = KH; g.KW = KW; g.SH = SH; g.SW = SW; g.PH = PH; g.PW = PW; g.DH = DH; g.DW = DW;
    g.groups = groups;
    g.OH = (H + 2 * PH - DH * (KH - 1) - 1) / SH + 1;
    g.OW = (W + 2 * PW - DW * (KW - 1) - 1) / SW + 1;
    return g;
}

std::vector<cnnc_conv_geom> conv_geoms() {
    return {
        conv_geom(2, 1, 28, 28, 5, 5, 1, 1, 2, 2, 1, 1, 1),   // the seed net's first conv
        conv_geom(3, 4, 9, 7, 3, 2, 2, 1, 1, 0, 1, 1, 2),     // rectangular kernel, groups=2
        conv_geom(2, 6, 11, 13, 3, 3, 3, 2, 2, 1, 2, 3, 3),   // dilation, stride 3, odd sizes, groups=3
        conv_geom(1, 5, 8, 6, 1, 1, 2, 2, 0, 0, 1, 1, 5),     // 1x1 stride 2, depthwise
        conv_geom(2, 3, 5, 4, 5, 4, 1, 1, 0, 0, 1, 1, 1),     // kernel covers the whole image
        conv_geom(1, 2, 7, 7, 2, 3, 4, 3, 1, 1, 1, 1, 1),     // stride larger than kernel: skipped pixels
    };
}

// The CPU twins work on one sample and one group; rows of the groups are
// contiguous, so one call with all C channels (groups = 1) gives the same layout.
cnnc_conv_geom as_one_group(cnnc_conv_geom g) {
    g.groups = 1;
    g.OC = 1;
    return g;
}

TEST(CudaKernels, Im2colMatchesCpuForEveryConvGeometry) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 1;
    for (const cnnc_conv_geom &g : conv_geoms()) {
        SCOPED_TRACE("N=" + std::to_string(g.N) + " C=" + std::to_string(g.C) + " H=" + std::to_string(g.H) +
                     " W=" + std::to_string(g.W) + " groups=" + std::to_string(g.groups));
        const int64_t img_n = g.C * g.H * g.W, col_n = g.C * g.KH * g.KW * g.OH * g.OW;
        const std::vector<float> img = random_floats((size_t)(g.N * img_n), seed++);
        std::vector<float> want((size_t)(g.N * col_n), 0.0f);
        const cnnc_conv_geom g1 = as_one_group(g);
        for (int64_t s = 0; s < g.N; ++s) im2col_cpu(want.data() + s * col_n, img.data() + s * img_n, g.C, &g1);

        DevBuf<float> d_img(img.size()), d_col(want.size());
        d_img.upload(img);
        LAUNCH_OK(im2col_cuda(d_col.get(), d_img.get(), g.N, &g, nullptr, &err_));
        EXPECT_TRUE(rel_l2_close(d_col.download(), want));
        EXPECT_TRUE(d_col.guards_intact());
        EXPECT_TRUE(d_img.guards_intact());
    }
}

// The k-major columns (the weight gradient's single GEMM) are the same values as
// im2col's, each tap's row of every sample side by side: [C*KH*KW][N][OH*OW].
// Copies, so exact; every element is written (the buffer starts as NaN).
TEST(CudaKernels, Im2colKMajorHoldsTheCpuColumnsWithEveryTapsSamplesSideBySide) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 50;
    for (const cnnc_conv_geom &g : conv_geoms()) {
        SCOPED_TRACE("N=" + std::to_string(g.N) + " C=" + std::to_string(g.C) + " groups=" + std::to_string(g.groups));
        const int64_t img_n = g.C * g.H * g.W, rows = g.C * g.KH * g.KW, P = g.OH * g.OW, col_n = rows * P;
        const std::vector<float> img = random_floats((size_t)(g.N * img_n), seed++);
        std::vector<float> per_sample((size_t)(g.N * col_n)), want(per_sample.size());
        const cnnc_conv_geom g1 = as_one_group(g);
        for (int64_t s = 0; s < g.N; ++s) im2col_cpu(per_sample.data() + s * col_n, img.data() + s * img_n, g.C, &g1);
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t s = 0; s < g.N; ++s)
                for (int64_t p = 0; p < P; ++p)
                    want[(size_t)((r * g.N + s) * P + p)] = per_sample[(size_t)(s * col_n + r * P + p)];
        DevBuf<float> d_img(img.size()), d_col(want.size());
        d_img.upload(img);
        LAUNCH_OK(im2col_kmajor_cuda(d_col.get(), d_img.get(), g.N, &g, nullptr, &err_));
        EXPECT_TRUE(exactly_equal(d_col.download(), want));
        EXPECT_TRUE(d_col.guards_intact());
    }
}

// dst[c][s][p] = src[s][c][p], exactly, every element written.
TEST(CudaKernels, ChannelsOuterTransposesSamplesAndChannelsOfPlanes) {
    SKIP_WITHOUT_GPU();
    for (auto [n, C, P] : {std::array<int64_t, 3>{3, 5, 7}, {1, 16, 784}, {64, 32, 1}}) {
        const std::vector<float> src = random_floats((size_t)(n * C * P), 77);
        std::vector<float> want(src.size());
        for (int64_t s = 0; s < n; ++s)
            for (int64_t c = 0; c < C; ++c)
                for (int64_t p = 0; p < P; ++p) want[(size_t)((c * n + s) * P + p)] = src[(size_t)((s * C + c) * P + p)];
        DevBuf<float> d_src(src.size()), d_dst(want.size());
        d_src.upload(src);
        LAUNCH_OK(channels_outer_cuda(d_dst.get(), d_src.get(), n, C, P, nullptr, &err_));
        EXPECT_TRUE(exactly_equal(d_dst.download(), want));
        EXPECT_TRUE(d_dst.guards_intact());
    }
}

TEST(CudaKernels, Col2imGathersTheSameSumsAsTheCpuScatter) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 100;
    for (const cnnc_conv_geom &g : conv_geoms()) {
        SCOPED_TRACE("N=" + std::to_string(g.N) + " C=" + std::to_string(g.C) + " H=" + std::to_string(g.H) +
                     " W=" + std::to_string(g.W) + " groups=" + std::to_string(g.groups));
        const int64_t img_n = g.C * g.H * g.W, col_n = g.C * g.KH * g.KW * g.OH * g.OW;
        const std::vector<float> col = random_floats((size_t)(g.N * col_n), seed++);
        std::vector<float> want((size_t)(g.N * img_n), 0.0f);
        const cnnc_conv_geom g1 = as_one_group(g);
        for (int64_t s = 0; s < g.N; ++s) col2im_cpu(want.data() + s * img_n, col.data() + s * col_n, g.C, &g1);

        DevBuf<float> d_col(col.size()), d_img(want.size());  // d_img starts as NaN: col2im must write every pixel
        d_col.upload(col);
        LAUNCH_OK(col2im_cuda(d_img.get(), d_col.get(), g.N, &g, nullptr, &err_));
        EXPECT_TRUE(rel_l2_close(d_img.download(), want));
        EXPECT_TRUE(d_img.guards_intact());
    }
}

// ---------------------------------------------------------------- bias, ReLU

struct BiasCase {
    int64_t N, C, HW;
    int relu;
    bool with_bias;
};

TEST(CudaKernels, BiasActAddsBiasPerChannelThenAppliesRelu) {
    SKIP_WITHOUT_GPU();
    const BiasCase cases[] = {{4, 16, 784, 1, true}, {64, 10, 1, 0, true}, {3, 5, 7, 1, false},
                              {2, 40, 33, 0, true},  {5, 3, 1, 1, true}};
    uint32_t seed = 200;
    for (const BiasCase &c : cases) {
        SCOPED_TRACE("N=" + std::to_string(c.N) + " C=" + std::to_string(c.C) + " HW=" + std::to_string(c.HW));
        const size_t n = (size_t)(c.N * c.C * c.HW);
        const std::vector<float> out0 = random_floats(n, seed++);
        const std::vector<float> bias = random_floats((size_t)c.C, seed++);
        // Reference: the definition, then relu_forward_cpu.
        std::vector<float> want(out0);
        if (c.with_bias)
            for (size_t i = 0; i < n; ++i) want[i] += bias[(i / (size_t)c.HW) % (size_t)c.C];
        if (c.relu) relu_forward_cpu(want.data(), want.data(), (int64_t)n);

        DevBuf<float> d_out(n), d_bias((size_t)c.C);
        d_out.upload(out0);
        d_bias.upload(bias);
        LAUNCH_OK(bias_act_forward_cuda(d_out.get(), c.with_bias ? d_bias.get() : nullptr, c.N, c.C, c.HW, c.relu,
                                        nullptr, &err_));
        EXPECT_TRUE(rel_l2_close(d_out.download(), want));
        EXPECT_TRUE(d_out.guards_intact());
    }
}

TEST(CudaKernels, BiasBackwardSumsEachChannelOverBatchAndPixels) {
    SKIP_WITHOUT_GPU();
    const BiasCase cases[] = {{4, 16, 784, 0, true}, {64, 10, 1, 0, true}, {300, 37, 1, 0, true},
                              {3, 5, 7, 0, true},    {2, 70, 31, 0, true}, {2, 3, 32, 0, true}};
    uint32_t seed = 300;
    for (const BiasCase &c : cases) {
        SCOPED_TRACE("N=" + std::to_string(c.N) + " C=" + std::to_string(c.C) + " HW=" + std::to_string(c.HW));
        const std::vector<float> dout = random_floats((size_t)(c.N * c.C * c.HW), seed++);
        std::vector<double> sum((size_t)c.C, 0.0);
        for (int64_t n = 0; n < c.N; ++n)
            for (int64_t ch = 0; ch < c.C; ++ch)
                for (int64_t hw = 0; hw < c.HW; ++hw) sum[(size_t)ch] += dout[(size_t)((n * c.C + ch) * c.HW + hw)];
        const std::vector<float> want(sum.begin(), sum.end());

        DevBuf<float> d_dout(dout.size()), d_dbias((size_t)c.C);
        d_dout.upload(dout);
        LAUNCH_OK(bias_backward_cuda(d_dbias.get(), d_dout.get(), c.N, c.C, c.HW, nullptr, &err_));
        const std::vector<float> got = d_dbias.download();
        EXPECT_TRUE(rel_l2_close(got, want));
        EXPECT_TRUE(d_dbias.guards_intact());
        // Deterministic: a second run gives the same bits.
        LAUNCH_OK(bias_backward_cuda(d_dbias.get(), d_dout.get(), c.N, c.C, c.HW, nullptr, &err_));
        EXPECT_EQ(0, std::memcmp(got.data(), d_dbias.download().data(), got.size() * sizeof(float)));
    }
}

TEST(CudaKernels, ReluForwardAndBackwardMatchCpuIncludingInPlace) {
    SKIP_WITHOUT_GPU();
    for (const size_t n : {size_t(1), size_t(1000), size_t(100003)}) {
        SCOPED_TRACE("n=" + std::to_string(n));
        const std::vector<float> in = random_floats(n, (uint32_t)n);
        const std::vector<float> dout = random_floats(n, (uint32_t)n + 1);
        std::vector<float> out_want(n), din_want(n);
        relu_forward_cpu(out_want.data(), in.data(), (int64_t)n);
        relu_backward_cpu(din_want.data(), dout.data(), out_want.data(), (int64_t)n);

        DevBuf<float> d_in(n), d_out(n), d_dout(n), d_din(n);
        d_in.upload(in);
        d_dout.upload(dout);
        LAUNCH_OK(relu_forward_cuda(d_out.get(), d_in.get(), (int64_t)n, nullptr, &err_));
        EXPECT_TRUE(exactly_equal(d_out.download(), out_want));
        LAUNCH_OK(relu_backward_cuda(d_din.get(), d_dout.get(), d_out.get(), (int64_t)n, nullptr, &err_));
        EXPECT_TRUE(exactly_equal(d_din.download(), din_want));
        // din aliasing dout.
        LAUNCH_OK(relu_backward_cuda(d_dout.get(), d_dout.get(), d_out.get(), (int64_t)n, nullptr, &err_));
        EXPECT_TRUE(exactly_equal(d_dout.download(), din_want));
        EXPECT_TRUE(d_out.guards_intact());
        EXPECT_TRUE(d_din.guards_intact());
        EXPECT_TRUE(d_dout.guards_intact());
    }
}

// ---------------------------------------------------------------- pooling

// PyTorch's pooling output size (with its ceil_mode rule: the last window
// must start inside the input or the left padding).
int64_t pool_out(int64_t in, int64_t k, int64_t s, int64_t p, int64_t d, bool ceil_mode) {
    const int64_t span = in + 2 * p - d * (k - 1) - 1;
    int64_t out = (ceil_mode ? (span + s - 1) / s : span / s) + 1;
    if (ceil_mode && (out - 1) * s >= in + p) --out;
    return out;
}

cnnc_pool_geom pool_geom(int64_t N, int64_t C, int64_t H, int64_t W, int64_t KH, int64_t KW, int64_t SH, int64_t SW,
                         int64_t PH, int64_t PW, int64_t DH, int64_t DW, bool ceil_mode, int count_include_pad = 1,
                         int64_t divisor_override = 0) {
    cnnc_pool_geom g{};
    g.N = N; g.C = C; g.H = H; g.W = W;
    g.KH = KH; g.KW = KW; g.SH = SH; g.SW = SW; g.PH = PH; g.PW = PW; g.DH = DH; g.DW = DW;
    g.OH = pool_out(H, KH, SH, PH, DH, ceil_mode);
    g.OW = pool_out(W, KW, SW, PW, DW, ceil_mode);
    g.count_include_pad = count_include_pad;
    g.divisor_override = divisor_override;
    return g;
}

std::string pool_trace(const cnnc_pool_geom &g) {
    return "N=" + std::to_string(g.N) + " C=" + std::to_string(g.C) + " H=" + std::to_string(g.H) +
           " W=" + std::to_string(g.W) + " K=" + std::to_string(g.KH) + "x" + std::to_string(g.KW) +
           " S=" + std::to_string(g.SH) + "x" + std::to_string(g.SW) + " P=" + std::to_string(g.PH) + "x" +
           std::to_string(g.PW) + " D=" + std::to_string(g.DH) + "x" + std::to_string(g.DW) +
           " O=" + std::to_string(g.OH) + "x" + std::to_string(g.OW);
}

std::vector<cnnc_pool_geom> maxpool_geoms() {
    return {
        pool_geom(2, 3, 28, 28, 2, 2, 2, 2, 0, 0, 1, 1, false),  // the seed net's MaxPool2d(2)
        pool_geom(2, 3, 9, 11, 3, 3, 2, 2, 1, 1, 1, 1, true),    // ceil_mode with padding
        pool_geom(1, 4, 10, 7, 3, 2, 3, 1, 1, 0, 2, 1, true),    // dilation, rectangular, ceil_mode
        pool_geom(3, 2, 5, 5, 5, 5, 1, 1, 2, 2, 1, 1, false),    // overlapping windows, every pixel in many
        pool_geom(2, 2, 8, 9, 2, 3, 3, 2, 1, 1, 3, 2, false),    // dilation > stride
    };
}

void check_maxpool(const cnnc_pool_geom &g, const std::vector<float> &in, uint32_t seed) {
    const size_t in_n = (size_t)(g.N * g.C * g.H * g.W), out_n = (size_t)(g.N * g.C * g.OH * g.OW);
    std::vector<float> out_want(out_n);
    std::vector<int32_t> arg_want(out_n);
    maxpool2d_forward_cpu(out_want.data(), arg_want.data(), in.data(), &g);
    const std::vector<float> dout = random_floats(out_n, seed);
    std::vector<float> din_want(in_n, 0.0f);
    maxpool2d_backward_cpu(din_want.data(), dout.data(), arg_want.data(), &g);

    DevBuf<float> d_in(in_n), d_out(out_n), d_dout(out_n), d_din(in_n);
    DevBuf<int32_t> d_arg(out_n), d_arg_cpu(out_n);
    d_in.upload(in);
    d_dout.upload(dout);
    d_arg_cpu.upload(arg_want);
    LAUNCH_OK(maxpool2d_forward_cuda(d_out.get(), d_arg.get(), d_in.get(), &g, nullptr, &err_));
    EXPECT_TRUE(exactly_equal(d_out.download(), out_want));
    EXPECT_TRUE(exactly_equal(d_arg.download(), arg_want));
    // Backward from the CPU's argmax, so it is tested on its own.
    LAUNCH_OK(maxpool2d_backward_cuda(d_din.get(), d_dout.get(), d_arg_cpu.get(), &g, nullptr, &err_));
    EXPECT_TRUE(rel_l2_close(d_din.download(), din_want));
    EXPECT_TRUE(d_out.guards_intact());
    EXPECT_TRUE(d_arg.guards_intact());
    EXPECT_TRUE(d_din.guards_intact());
}

TEST(CudaKernels, MaxPoolForwardAndBackwardMatchCpu) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 400;
    for (const cnnc_pool_geom &g : maxpool_geoms()) {
        SCOPED_TRACE(pool_trace(g));
        const std::vector<float> in = random_floats((size_t)(g.N * g.C * g.H * g.W), seed++);
        check_maxpool(g, in, seed++);
    }
}

TEST(CudaKernels, MaxPoolBreaksTiesLikeTheCpu) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 450;
    for (const cnnc_pool_geom &g : maxpool_geoms()) {
        SCOPED_TRACE(pool_trace(g));
        // Values in {-1, 0, 1}: many equal maxima inside a window.
        std::vector<float> in = random_floats((size_t)(g.N * g.C * g.H * g.W), seed++);
        for (auto &x : in) x = std::round(x);
        check_maxpool(g, in, seed++);
    }
}

// The fused Conv2d -> ReLU -> MaxPool2d tail equals bias add, relu and max-pool
// run one after another on the CPU, bit for bit, forward and backward.
TEST(CudaKernels, FusedBiasReluMaxPoolEqualsTheThreeLayersBitForBit) {
    SKIP_WITHOUT_GPU();
    const cnnc_pool_geom geoms[] = {
        pool_geom(3, 16, 28, 28, 2, 2, 2, 2, 0, 0, 1, 1, false),  // the seed net's first block
        pool_geom(2, 5, 9, 11, 2, 2, 2, 2, 0, 0, 1, 1, false),    // odd sizes: last row/column dropped
        pool_geom(2, 3, 9, 11, 2, 3, 2, 3, 0, 0, 1, 1, true),     // ceil_mode: clipped last windows
        pool_geom(1, 4, 6, 6, 3, 3, 3, 3, 0, 0, 1, 1, false),     // 3x3 windows
    };
    uint32_t seed = 470;
    for (const cnnc_pool_geom &g : geoms) {
        for (const bool with_bias : {true, false}) {
            for (const bool ties : {false, true}) {
                SCOPED_TRACE(pool_trace(g) + (with_bias ? " bias" : " no bias") + (ties ? " ties" : ""));
                ASSERT_TRUE(bias_relu_maxpool_fusable(&g));
                const size_t in_n = (size_t)(g.N * g.C * g.H * g.W), out_n = (size_t)(g.N * g.C * g.OH * g.OW);
                std::vector<float> conv = random_floats(in_n, seed++);
                if (ties)
                    for (auto &x : conv) x = std::round(x);  // many equal maxima, many zeros after ReLU
                const std::vector<float> bias = random_floats((size_t)g.C, seed++, -0.3f, 0.3f);
                const std::vector<float> dout = random_floats(out_n, seed++);
                // The three layers on the CPU.
                std::vector<float> act(conv);
                if (with_bias)
                    for (size_t i = 0; i < in_n; ++i) act[i] += bias[(i / (size_t)(g.H * g.W)) % (size_t)g.C];
                relu_forward_cpu(act.data(), act.data(), (int64_t)in_n);
                std::vector<float> out_want(out_n), dact(in_n, 0.0f), dconv_want(in_n);
                std::vector<int32_t> arg_want(out_n);
                maxpool2d_forward_cpu(out_want.data(), arg_want.data(), act.data(), &g);
                maxpool2d_backward_cpu(dact.data(), dout.data(), arg_want.data(), &g);
                relu_backward_cpu(dconv_want.data(), dact.data(), act.data(), (int64_t)in_n);

                DevBuf<float> d_conv(in_n), d_bias((size_t)g.C), d_out(out_n), d_dout(out_n), d_dconv(in_n);
                DevBuf<int32_t> d_arg(out_n);
                d_conv.upload(conv);
                d_bias.upload(bias);
                d_dout.upload(dout);
                LAUNCH_OK(bias_relu_maxpool_forward_cuda(d_out.get(), d_arg.get(), d_conv.get(),
                                                         with_bias ? d_bias.get() : nullptr, &g, nullptr, &err_));
                EXPECT_TRUE(exactly_equal(d_out.download(), out_want));
                EXPECT_TRUE(exactly_equal(d_arg.download(), arg_want));
                LAUNCH_OK(bias_relu_maxpool_backward_cuda(d_dconv.get(), d_dout.get(), d_out.get(), d_arg.get(), &g,
                                                          nullptr, &err_));
                EXPECT_TRUE(exactly_equal(d_dconv.download(), dconv_want));
                EXPECT_TRUE(d_out.guards_intact());
                EXPECT_TRUE(d_arg.guards_intact());
                EXPECT_TRUE(d_dconv.guards_intact());
            }
        }
    }
}

TEST(CudaKernels, FusedBiasReluMaxPoolRefusesOverlappingOrPaddedPools) {
    const cnnc_pool_geom refused[] = {
        pool_geom(1, 1, 8, 8, 3, 3, 2, 2, 0, 0, 1, 1, false),  // overlapping windows
        pool_geom(1, 1, 8, 8, 2, 2, 2, 2, 1, 1, 1, 1, false),  // padding
        pool_geom(1, 1, 8, 8, 2, 2, 2, 2, 0, 0, 2, 2, false),  // dilation
    };
    for (const cnnc_pool_geom &g : refused) {
        SCOPED_TRACE(pool_trace(g));
        EXPECT_FALSE(bias_relu_maxpool_fusable(&g));
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(bias_relu_maxpool_forward_cuda(nullptr, nullptr, nullptr, nullptr, &g, nullptr, &err),
                  CNNC_ERR_UNSUPPORTED);
        EXPECT_NE(std::string(err.message).find("kernel == stride"), std::string::npos) << err.message;
    }
}

TEST(CudaKernels, AvgPoolForwardAndBackwardMatchCpu) {
    SKIP_WITHOUT_GPU();
    const cnnc_pool_geom geoms[] = {
        pool_geom(2, 3, 28, 28, 2, 2, 2, 2, 0, 0, 1, 1, false),
        pool_geom(2, 3, 9, 11, 3, 3, 2, 2, 1, 1, 1, 1, true, 1),       // ceil_mode, pad counted
        pool_geom(2, 3, 9, 11, 3, 3, 2, 2, 1, 1, 1, 1, true, 0),       // ceil_mode, pad not counted
        pool_geom(1, 4, 10, 7, 3, 2, 3, 1, 1, 1, 1, 1, false, 0),      // rectangular
        pool_geom(3, 2, 6, 5, 4, 4, 1, 1, 2, 2, 1, 1, true, 1, 0),     // overlapping, big padding
        pool_geom(2, 2, 7, 8, 3, 3, 2, 3, 1, 0, 1, 1, false, 1, 5),    // divisor_override
        pool_geom(1, 3, 5, 5, 2, 2, 3, 3, 1, 1, 1, 1, true, 0),        // stride > kernel, ceil_mode
    };
    uint32_t seed = 500;
    for (const cnnc_pool_geom &g : geoms) {
        SCOPED_TRACE(pool_trace(g) + " count_include_pad=" + std::to_string(g.count_include_pad) +
                     " divisor_override=" + std::to_string(g.divisor_override));
        const size_t in_n = (size_t)(g.N * g.C * g.H * g.W), out_n = (size_t)(g.N * g.C * g.OH * g.OW);
        const std::vector<float> in = random_floats(in_n, seed++);
        const std::vector<float> dout = random_floats(out_n, seed++);
        std::vector<float> out_want(out_n), din_want(in_n, 0.0f);
        avgpool2d_forward_cpu(out_want.data(), in.data(), &g);
        avgpool2d_backward_cpu(din_want.data(), dout.data(), &g);

        DevBuf<float> d_in(in_n), d_out(out_n), d_dout(out_n), d_din(in_n);
        d_in.upload(in);
        d_dout.upload(dout);
        LAUNCH_OK(avgpool2d_forward_cuda(d_out.get(), d_in.get(), &g, nullptr, &err_));
        EXPECT_TRUE(rel_l2_close(d_out.download(), out_want));
        LAUNCH_OK(avgpool2d_backward_cuda(d_din.get(), d_dout.get(), &g, nullptr, &err_));
        EXPECT_TRUE(rel_l2_close(d_din.download(), din_want));
        EXPECT_TRUE(d_out.guards_intact());
        EXPECT_TRUE(d_din.guards_intact());
    }
}

// ---------------------------------------------------------------- batchnorm

struct BnCase {
    int64_t N, C, HW;
    bool affine, running;
};

// The last two have few channels of many values: with a workspace they take the
// sliced path (each channel over several blocks), which every test below runs
// beside the one-block-per-channel path.
const BnCase kBnCases[] = {
    {4, 16, 196, true, true}, {2, 3, 1, true, true},    {7, 5, 33, false, true},
    {64, 8, 49, true, false}, {3, 300, 2, true, true},  {1, 2, 4097, false, false},
    {32, 8, 784, true, true}, {1, 3, 20001, false, true},
};

// The ways a BatchNorm launch can run for this case: no workspace (one block per
// channel), and, where cnnc_bn_workspace_bytes asks for one, the sliced path.
std::vector<size_t> bn_workspaces(const BnCase &c) {
    std::vector<size_t> ws = {0};
    if (cnnc_bn_workspace_bytes(c.N, c.C, c.HW) > 0) ws.push_back(cnnc_bn_workspace_bytes(c.N, c.C, c.HW));
    return ws;
}

TEST(CudaKernels, BatchNormTakesTheSlicedPathOnlyForFewChannelsOfManyValues) {
    EXPECT_EQ(cnnc_bn_workspace_bytes(4, 16, 196), 0u);      // 784 values a channel
    EXPECT_EQ(cnnc_bn_workspace_bytes(64, 300, 784), 0u);    // many channels: one block each fills the GPU
    EXPECT_GT(cnnc_bn_workspace_bytes(1024, 8, 784), 0u);    // parity_all's stem at batch 1024
    EXPECT_GT(cnnc_bn_workspace_bytes(32, 8, 784), 0u);
}

std::string bn_trace(const BnCase &c) {
    return "N=" + std::to_string(c.N) + " C=" + std::to_string(c.C) + " HW=" + std::to_string(c.HW) +
           " affine=" + std::to_string(c.affine) + " running=" + std::to_string(c.running);
}

TEST(CudaKernels, BatchNormTrainingMatchesCpuStatsOutputAndRunningStats) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 600;
    for (const BnCase &c : kBnCases) {
        SCOPED_TRACE(bn_trace(c));
        const size_t n = (size_t)(c.N * c.C * c.HW), C = (size_t)c.C;
        const std::vector<float> in = random_floats(n, seed++, -2.0f, 3.0f);  // non-zero mean
        const std::vector<float> gamma = random_floats(C, seed++, 0.5f, 1.5f);
        const std::vector<float> beta = random_floats(C, seed++);
        const std::vector<float> rm0 = random_floats(C, seed++), rv0 = random_floats(C, seed++, 0.5f, 2.0f);
        std::vector<float> out_want(n), mean_want(C), invstd_want(C), rm_want(rm0), rv_want(rv0);
        batchnorm2d_forward_train_cpu(out_want.data(), mean_want.data(), invstd_want.data(),
                                      c.running ? rm_want.data() : nullptr, c.running ? rv_want.data() : nullptr,
                                      in.data(), c.affine ? gamma.data() : nullptr, c.affine ? beta.data() : nullptr,
                                      c.N, c.C, c.HW, 1e-5f, 0.1f);

        for (size_t ws : bn_workspaces(c)) {
            SCOPED_TRACE(ws ? "sliced" : "one block per channel");
            DevBuf<float> d_in(n), d_out(n), d_mean(C), d_invstd(C), d_rm(C), d_rv(C), d_gamma(C), d_beta(C);
            DevBuf<double> d_ws(ws / sizeof(double) + 1);
            d_in.upload(in);
            d_gamma.upload(gamma);
            d_beta.upload(beta);
            d_rm.upload(rm0);
            d_rv.upload(rv0);
            LAUNCH_OK(batchnorm2d_forward_train_cuda(d_out.get(), d_mean.get(), d_invstd.get(),
                                                     c.running ? d_rm.get() : nullptr, c.running ? d_rv.get() : nullptr,
                                                     d_in.get(), c.affine ? d_gamma.get() : nullptr,
                                                     c.affine ? d_beta.get() : nullptr, c.N, c.C, c.HW, 1e-5f, 0.1f,
                                                     ws ? d_ws.get() : nullptr, ws, nullptr, &err_));
            EXPECT_TRUE(rel_l2_close(d_out.download(), out_want));
            EXPECT_TRUE(rel_l2_close(d_mean.download(), mean_want));
            EXPECT_TRUE(rel_l2_close(d_invstd.download(), invstd_want));
            EXPECT_TRUE(rel_l2_close(d_rm.download(), rm_want));
            EXPECT_TRUE(rel_l2_close(d_rv.download(), rv_want));
            for (DevBuf<float> *b : {&d_out, &d_mean, &d_invstd, &d_rm, &d_rv}) EXPECT_TRUE(b->guards_intact());
            EXPECT_TRUE(d_ws.guards_intact());
        }
    }
}

TEST(CudaKernels, BatchNormEvalUsesRunningStatsLikeCpu) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 700;
    for (const BnCase &c : kBnCases) {
        SCOPED_TRACE(bn_trace(c));
        const size_t n = (size_t)(c.N * c.C * c.HW), C = (size_t)c.C;
        const std::vector<float> in = random_floats(n, seed++, -2.0f, 3.0f);
        const std::vector<float> gamma = random_floats(C, seed++, 0.5f, 1.5f);
        const std::vector<float> beta = random_floats(C, seed++);
        const std::vector<float> rm = random_floats(C, seed++), rv = random_floats(C, seed++, 0.5f, 2.0f);
        std::vector<float> want(n);
        batchnorm2d_forward_eval_cpu(want.data(), in.data(), c.affine ? gamma.data() : nullptr,
                                     c.affine ? beta.data() : nullptr, rm.data(), rv.data(), c.N, c.C, c.HW, 1e-5f);

        DevBuf<float> d_in(n), d_out(n), d_rm(C), d_rv(C), d_gamma(C), d_beta(C);
        d_in.upload(in);
        d_gamma.upload(gamma);
        d_beta.upload(beta);
        d_rm.upload(rm);
        d_rv.upload(rv);
        LAUNCH_OK(batchnorm2d_forward_eval_cuda(d_out.get(), d_in.get(), c.affine ? d_gamma.get() : nullptr,
                                                c.affine ? d_beta.get() : nullptr, d_rm.get(), d_rv.get(), c.N, c.C,
                                                c.HW, 1e-5f, nullptr, &err_));
        EXPECT_TRUE(rel_l2_close(d_out.download(), want));
        EXPECT_TRUE(d_out.guards_intact());
    }
}

TEST(CudaKernels, BatchNormBackwardMatchesCpuWithAndWithoutOptionalGradients) {
    SKIP_WITHOUT_GPU();
    uint32_t seed = 800;
    for (const BnCase &c : kBnCases) {
        SCOPED_TRACE(bn_trace(c));
        const size_t n = (size_t)(c.N * c.C * c.HW), C = (size_t)c.C;
        const std::vector<float> in = random_floats(n, seed++, -2.0f, 3.0f);
        const std::vector<float> dout = random_floats(n, seed++);
        const std::vector<float> gamma = random_floats(C, seed++, 0.5f, 1.5f);
        const std::vector<float> beta(C, 0.0f);
        // Saved statistics from the CPU forward, shared by both backwards.
        std::vector<float> tmp(n), mean(C), invstd(C);
        batchnorm2d_forward_train_cpu(tmp.data(), mean.data(), invstd.data(), nullptr, nullptr, in.data(),
                                      gamma.data(), beta.data(), c.N, c.C, c.HW, 1e-5f, 0.1f);
        const float *gamma_p = c.affine ? gamma.data() : nullptr;
        std::vector<float> din_want(n), dgamma_want(C), dbeta_want(C);
        batchnorm2d_backward_cpu(din_want.data(), dgamma_want.data(), dbeta_want.data(), dout.data(), in.data(),
                                 mean.data(), invstd.data(), gamma_p, c.N, c.C, c.HW);

        for (size_t ws : bn_workspaces(c)) {
            SCOPED_TRACE(ws ? "sliced" : "one block per channel");
            DevBuf<float> d_in(n), d_dout(n), d_din(n), d_dgamma(C), d_dbeta(C), d_mean(C), d_invstd(C), d_gamma(C);
            DevBuf<double> d_ws(ws / sizeof(double) + 1);
            double *wsp = ws ? d_ws.get() : nullptr;
            d_in.upload(in);
            d_dout.upload(dout);
            d_mean.upload(mean);
            d_invstd.upload(invstd);
            d_gamma.upload(gamma);
            LAUNCH_OK(batchnorm2d_backward_cuda(d_din.get(), d_dgamma.get(), d_dbeta.get(), d_dout.get(), d_in.get(),
                                                d_mean.get(), d_invstd.get(), c.affine ? d_gamma.get() : nullptr, c.N,
                                                c.C, c.HW, wsp, ws, nullptr, &err_));
            const double dout_norm = l2_norm(dout);
            EXPECT_TRUE(rel_l2_close(d_din.download(), din_want, kTol, dout_norm));
            EXPECT_TRUE(rel_l2_close(d_dgamma.download(), dgamma_want));
            EXPECT_TRUE(rel_l2_close(d_dbeta.download(), dbeta_want));
            for (DevBuf<float> *b : {&d_din, &d_dgamma, &d_dbeta}) EXPECT_TRUE(b->guards_intact());

            // NULL gradients are skipped: first without din, then with only din.
            DevBuf<float> d_dgamma2(C), d_dbeta2(C);
            LAUNCH_OK(batchnorm2d_backward_cuda(nullptr, d_dgamma2.get(), d_dbeta2.get(), d_dout.get(), d_in.get(),
                                                d_mean.get(), d_invstd.get(), c.affine ? d_gamma.get() : nullptr, c.N,
                                                c.C, c.HW, wsp, ws, nullptr, &err_));
            EXPECT_TRUE(rel_l2_close(d_dgamma2.download(), dgamma_want));
            EXPECT_TRUE(rel_l2_close(d_dbeta2.download(), dbeta_want));
            DevBuf<float> d_din2(n);
            LAUNCH_OK(batchnorm2d_backward_cuda(d_din2.get(), nullptr, nullptr, d_dout.get(), d_in.get(), d_mean.get(),
                                                d_invstd.get(), c.affine ? d_gamma.get() : nullptr, c.N, c.C, c.HW,
                                                wsp, ws, nullptr, &err_));
            EXPECT_TRUE(rel_l2_close(d_din2.download(), din_want, kTol, dout_norm));
            EXPECT_TRUE(d_din2.guards_intact());
            EXPECT_TRUE(d_ws.guards_intact());
        }
    }
}

// ---------------------------------------------------------------- dropout

TEST(CudaKernels, DropoutMasksAreIdenticalToCpuAndScaleTheKeptValues) {
    SKIP_WITHOUT_GPU();
    struct Case {
        size_t n;
        float p;
        uint64_t seed, offset;
    };
    const Case cases[] = {{1000003, 0.3f, 42, 0}, {4097, 0.5f, 7, 123456789}, {100, 0.0f, 1, 5},
                          {100, 1.0f, 1, 5},      {31, 0.9f, 99, 1}};
    for (const Case &c : cases) {
        SCOPED_TRACE("n=" + std::to_string(c.n) + " p=" + std::to_string(c.p));
        const std::vector<float> in = random_floats(c.n, (uint32_t)c.n);
        const std::vector<float> dout = random_floats(c.n, (uint32_t)c.n + 1);
        std::vector<float> out_want(c.n), din_want(c.n);
        std::vector<uint8_t> mask_want(c.n);
        dropout_forward_cpu(out_want.data(), mask_want.data(), in.data(), (int64_t)c.n, c.p, c.seed, c.offset);
        dropout_backward_cpu(din_want.data(), dout.data(), mask_want.data(), (int64_t)c.n, c.p);

        DevBuf<float> d_in(c.n), d_out(c.n), d_dout(c.n), d_din(c.n);
        DevBuf<uint8_t> d_mask(c.n);
        d_in.upload(in);
        d_dout.upload(dout);
        LAUNCH_OK(dropout_forward_cuda(d_out.get(), d_mask.get(), d_in.get(), (int64_t)c.n, c.p, c.seed, c.offset,
                                       nullptr, &err_));
        EXPECT_TRUE(exactly_equal(d_mask.download(), mask_want));
        EXPECT_TRUE(rel_l2_close(d_out.download(), out_want));
        LAUNCH_OK(dropout_backward_cuda(d_din.get(), d_dout.get(), d_mask.get(), (int64_t)c.n, c.p, nullptr, &err_));
        EXPECT_TRUE(rel_l2_close(d_din.download(), din_want));
        EXPECT_TRUE(d_out.guards_intact());
        EXPECT_TRUE(d_mask.guards_intact());
        EXPECT_TRUE(d_din.guards_intact());
    }
}

// ---------------------------------------------------------------- loss

TEST(CudaKernels, CrossEntropyMatchesCpuLossGradientCorrectCountAndMetrics) {
    SKIP_WITHOUT_GPU();
    struct Case {
        int64_t N, C;
        bool grad;
    };
    const Case cases[] = {{1, 10, true}, {7, 3, true}, {256, 10, true}, {65536, 10, true}, {1000, 37, false},
                          {2048, 2, true}};
    uint32_t seed = 900;
    for (const Case &c : cases) {
        SCOPED_TRACE("N=" + std::to_string(c.N) + " C=" + std::to_string(c.C));
        const size_t n = (size_t)(c.N * c.C);
        const std::vector<float> logits = random_floats(n, seed++, -4.0f, 4.0f);
        std::vector<int32_t> targets((size_t)c.N);
        std::mt19937 gen(seed++);
        for (auto &t : targets) t = (int32_t)(gen() % (uint32_t)c.C);
        std::vector<float> dl_want(n);
        int64_t correct = 0;
        const float loss = cross_entropy_cpu(c.grad ? dl_want.data() : nullptr, &correct, logits.data(),
                                             targets.data(), c.N, c.C);

        DevBuf<float> d_logits(n), d_dl(n), d_metrics(4);
        DevBuf<int32_t> d_targets((size_t)c.N);
        d_logits.upload(logits);
        d_targets.upload(targets);
        const std::vector<float> metrics0 = {1.5f, 2.0f, 3.0f, 4.0f};
        d_metrics.upload(metrics0);
        LAUNCH_OK(cross_entropy_cuda(c.grad ? d_dl.get() : nullptr, d_metrics.get(), d_logits.get(),
                                     d_targets.get(), c.N, c.C, nullptr, &err_));
        const std::vector<float> m = d_metrics.download();
        EXPECT_NEAR(m[3], loss, 1e-5 * std::fabs(loss)) << "metrics[3] is the mean loss";
        EXPECT_NEAR(m[0], 1.5f + loss * (float)c.N, 1e-5 * (1.5 + std::fabs(loss) * (double)c.N))
            << "metrics[0] accumulates loss*N";
        EXPECT_EQ(m[1], 2.0f + (float)correct) << "metrics[1] accumulates the correct count";
        EXPECT_EQ(m[2], 3.0f + (float)c.N) << "metrics[2] accumulates N";
        if (c.grad) {
            EXPECT_TRUE(rel_l2_close(d_dl.download(), dl_want));
            EXPECT_TRUE(d_dl.guards_intact());
        } else {
            EXPECT_TRUE(d_dl.guards_intact());
        }
        EXPECT_TRUE(d_metrics.guards_intact());
    }
}

// ---------------------------------------------------------------- optimizers

struct SgdCase {
    float lr, momentum, dampening, weight_decay;
    int nesterov;
};

// Three steps on both sides with fresh gradients each step; offset shifts the
// pointers off 16-byte alignment to cover the scalar path.
TEST(CudaKernels, SgdStepsMatchCpuForEveryOptionAndAlignment) {
    SKIP_WITHOUT_GPU();
    const SgdCase cases[] = {{0.1f, 0.0f, 0.0f, 0.0f, 0},  {0.05f, 0.9f, 0.0f, 0.0f, 0}, {0.05f, 0.9f, 0.1f, 1e-4f, 0},
                             {0.01f, 0.9f, 0.0f, 5e-4f, 1}, {0.1f, 0.0f, 0.0f, 1e-2f, 0}};
    uint32_t seed = 1000;
    for (const SgdCase &c : cases) {
        for (const size_t offset : {size_t(0), size_t(1)}) {
            SCOPED_TRACE("momentum=" + std::to_string(c.momentum) + " nesterov=" + std::to_string(c.nesterov) +
                         " offset=" + std::to_string(offset));
            const size_t n = 1027;
            std::vector<float> p_want = random_floats(n, seed++), buf_want(n, 0.0f);
            DevBuf<float> d_p(n + offset), d_g(n + offset), d_buf(n + offset);
            std::vector<float> p_init(n + offset, 0.0f);
            std::copy(p_want.begin(), p_want.end(), p_init.begin() + (long)offset);
            d_p.upload(p_init);
            for (int64_t step = 1; step <= 3; ++step) {
                const std::vector<float> g = random_floats(n, seed++);
                std::vector<float> g_pad(n + offset, 0.0f);
                std::copy(g.begin(), g.end(), g_pad.begin() + (long)offset);
                d_g.upload(g_pad);
                sgd_step_cpu(p_want.data(), g.data(), buf_want.data(), (int64_t)n, c.lr, c.momentum, c.dampening,
                             c.weight_decay, c.nesterov, step);
                LAUNCH_OK(sgd_step_cuda(d_p.get() + offset, d_g.get() + offset, d_buf.get() + offset, (int64_t)n,
                                        c.lr, c.momentum, c.dampening, c.weight_decay, c.nesterov, step, nullptr,
                                        &err_));
            }
            std::vector<float> p_got = d_p.download();
            p_got.erase(p_got.begin(), p_got.begin() + (long)offset);
            EXPECT_TRUE(rel_l2_close(p_got, p_want));
            if (c.momentum != 0.0f) {
                std::vector<float> buf_got = d_buf.download();
                buf_got.erase(buf_got.begin(), buf_got.begin() + (long)offset);
                EXPECT_TRUE(rel_l2_close(buf_got, buf_want));
            }
            EXPECT_TRUE(d_p.guards_intact());
            EXPECT_TRUE(d_buf.guards_intact());
        }
    }
}

TEST(CudaKernels, AdamAndAdamWStepsMatchCpuForEveryOptionAndAlignment) {
    SKIP_WITHOUT_GPU();
    struct Case {
        float lr, beta1, beta2, eps, weight_decay;
        int adamw;
    };
    const Case cases[] = {{1e-3f, 0.9f, 0.999f, 1e-8f, 0.0f, 0},
                          {1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, 0},
                          {1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, 1},
                          {5e-2f, 0.5f, 0.9f, 1e-6f, 0.0f, 1}};
    uint32_t seed = 1100;
    for (const Case &c : cases) {
        for (const size_t offset : {size_t(0), size_t(2)}) {
            SCOPED_TRACE("adamw=" + std::to_string(c.adamw) + " wd=" + std::to_string(c.weight_decay) +
                         " offset=" + std::to_string(offset));
            const size_t n = 2051;
            std::vector<float> p_want = random_floats(n, seed++), m_want(n, 0.0f), v_want(n, 0.0f);
            DevBuf<float> d_p(n + offset), d_g(n + offset), d_m(n + offset), d_v(n + offset);
            std::vector<float> init(n + offset, 0.0f);
            d_m.upload(init);
            d_v.upload(init);
            std::copy(p_want.begin(), p_want.end(), init.begin() + (long)offset);
            d_p.upload(init);
            for (int64_t step = 1; step <= 3; ++step) {
                const std::vector<float> g = random_floats(n, seed++);
                std::vector<float> g_pad(n + offset, 0.0f);
                std::copy(g.begin(), g.end(), g_pad.begin() + (long)offset);
                d_g.upload(g_pad);
                adam_step_cpu(p_want.data(), g.data(), m_want.data(), v_want.data(), (int64_t)n, c.lr, c.beta1,
                              c.beta2, c.eps, c.weight_decay, step, c.adamw);
                LAUNCH_OK(adam_step_cuda(d_p.get() + offset, d_g.get() + offset, d_m.get() + offset,
                                         d_v.get() + offset, (int64_t)n, c.lr, c.beta1, c.beta2, c.eps,
                                         c.weight_decay, step, c.adamw, nullptr, &err_));
            }
            for (auto *pair : {&d_p, &d_m, &d_v}) EXPECT_TRUE(pair->guards_intact());
            auto strip = [offset](std::vector<float> v) {
                v.erase(v.begin(), v.begin() + (long)offset);
                return v;
            };
            EXPECT_TRUE(rel_l2_close(strip(d_p.download()), p_want));
            EXPECT_TRUE(rel_l2_close(strip(d_m.download()), m_want));
            EXPECT_TRUE(rel_l2_close(strip(d_v.download()), v_want));
        }
    }
}

// ---------------------------------------------------------------- data

TEST(CudaKernels, GatherBatchNormalisesAndPicksLabelsThroughTheOrder) {
    SKIP_WITHOUT_GPU();
    const int64_t images_n = 50, pixels = 784, start = 7, n = 21;
    std::mt19937 gen(1200);
    std::vector<uint8_t> images((size_t)(images_n * pixels)), labels((size_t)images_n);
    for (auto &b : images) b = (uint8_t)(gen() & 0xFF);
    for (auto &b : labels) b = (uint8_t)(gen() % 10);
    std::vector<int32_t> order((size_t)images_n);
    for (int64_t i = 0; i < images_n; ++i) order[(size_t)i] = (int32_t)i;
    std::shuffle(order.begin(), order.end(), gen);
    std::vector<float> x_want((size_t)(n * pixels));
    std::vector<int32_t> y_want((size_t)n);
    gather_batch_cpu(x_want.data(), y_want.data(), images.data(), labels.data(), order.data() + start, n, pixels,
                     0.1307f, 0.3081f);

    DevBuf<uint8_t> d_images(images.size()), d_labels(labels.size());
    DevBuf<int32_t> d_order(order.size()), d_y((size_t)n);
    DevBuf<float> d_x(x_want.size());
    d_images.upload(images);
    d_labels.upload(labels);
    d_order.upload(order);
    LAUNCH_OK(gather_batch_cuda(d_x.get(), d_y.get(), d_images.get(), d_labels.get(), d_order.get(), start, n,
                                pixels, 0.1307f, 0.3081f, nullptr, &err_));
    EXPECT_TRUE(rel_l2_close(d_x.download(), x_want));
    EXPECT_TRUE(exactly_equal(d_y.download(), y_want));
    EXPECT_TRUE(d_x.guards_intact());
    EXPECT_TRUE(d_y.guards_intact());
}

// --augment: the kernel crops and flips by the same codes as the CPU gather, to
// the bit (the same float operations on the same byte), from a host or device start.
TEST(CudaKernels, AugmentedGatherEqualsTheCpuGatherBitForBit) {
    SKIP_WITHOUT_GPU();
    const int64_t images_n = 40, C = 3, H = 9, W = 7, pixels = C * H * W, start = 5, n = 17;
    const int32_t pad = 3;
    std::mt19937 gen(77);
    std::vector<uint8_t> images((size_t)(images_n * pixels)), labels((size_t)images_n);
    for (auto &b : images) b = (uint8_t)(gen() & 0xFF);
    for (auto &b : labels) b = (uint8_t)(gen() % 10);
    std::vector<int32_t> order((size_t)images_n), codes((size_t)images_n);
    for (int64_t i = 0; i < images_n; ++i) order[(size_t)i] = (int32_t)i;
    std::shuffle(order.begin(), order.end(), gen);
    cnnc_augment_codes(codes.data(), order.data(), images_n, 11, 2, pad, 1);
    std::vector<float> x_want((size_t)(n * pixels));
    std::vector<int32_t> y_want((size_t)n);
    gather_batch_aug_cpu(x_want.data(), y_want.data(), images.data(), labels.data(), order.data() + start,
                         codes.data() + start, n, C, H, W, pad, 0.5f, 0.25f);
    DevBuf<uint8_t> d_images(images.size()), d_labels(labels.size());
    DevBuf<int32_t> d_order(order.size()), d_codes(codes.size()), d_y((size_t)n);
    DevBuf<int64_t> d_start(1);
    DevBuf<float> d_x(x_want.size());
    d_images.upload(images);
    d_labels.upload(labels);
    d_order.upload(order);
    d_codes.upload(codes);
    d_start.upload(std::vector<int64_t>{start});
    LAUNCH_OK(gather_batch_aug_cuda(d_x.get(), d_y.get(), d_images.get(), d_labels.get(), d_order.get(), d_codes.get(),
                                    start, nullptr, n, C, H, W, pad, 0.5f, 0.25f, nullptr, &err_));
    EXPECT_TRUE(exactly_equal(d_x.download(), x_want));
    EXPECT_TRUE(exactly_equal(d_y.download(), y_want));
    LAUNCH_OK(gather_batch_aug_cuda(d_x.get(), d_y.get(), d_images.get(), d_labels.get(), d_order.get(), d_codes.get(),
                                    0, d_start.get(), n, C, H, W, pad, 0.5f, 0.25f, nullptr, &err_));
    EXPECT_TRUE(exactly_equal(d_x.download(), x_want));
    EXPECT_TRUE(exactly_equal(d_y.download(), y_want));
    EXPECT_TRUE(d_x.guards_intact());
    EXPECT_TRUE(d_y.guards_intact());
}

// ---------------------------------------------------------------- direct conv

// The direct conv engine runs conv_direct.h's per-point arithmetic: the forward
// and the input gradient are one fixed chain of fused multiply-adds per value,
// so the device must give the host's bits exactly; the weight gradient sums in
// slices and warps, so it is held to 1e-5 of the CPU conv's; the bias gradient
// is bias_backward_cuda's. conv1 of the seed net, and a grouped, strided,
// dilated case; a workspace one float short is refused, not overrun.
TEST(CudaKernels, DirectConvGivesTheHostArithmeticsBitsAndTheCpuConvsGradients) {
    SKIP_WITHOUT_GPU();
    cnnc_conv_geom seed = conv_geom(5, 1, 28, 28, 5, 5, 1, 1, 2, 2, 1, 1, 1);
    seed.OC = 16;
    const cnnc_conv_geom grouped = conv_geom(3, 4, 11, 9, 3, 3, 2, 1, 2, 1, 2, 1, 2);
    for (const cnnc_conv_geom &g : {seed, grouped}) {
        SCOPED_TRACE("C " + std::to_string(g.C) + " groups " + std::to_string(g.groups));
        ASSERT_EQ(cnnc_direct_conv_supported(&g), 1);
        const cnnc_direct::Dims d = cnnc_direct::dims_of(&g);
        const int plane = d.OH * d.OW;
        const size_t in_n = (size_t)(g.N * g.C * g.H * g.W), out_n = (size_t)(g.N * g.OC * plane);
        const size_t w_n = (size_t)(g.OC * d.Kc);
        const auto in = random_floats(in_n, 31), w = random_floats(w_n, 32), b = random_floats((size_t)g.OC, 33);
        const auto dout = random_floats(out_n, 34);
        std::vector<float> out_want(out_n), din_want(in_n);
        DirectForwardOnHost(out_want.data(), in.data(), w.data(), b.data(), d);
        DirectDgradOnHost(din_want.data(), dout.data(), w.data(), d);
        std::vector<float> ws_cpu(conv2d_workspace_floats_cpu(&g, cpu_get_threads()));
        std::vector<float> dx_cpu(in_n), dw_want(w_n), db_want((size_t)g.OC);
        conv2d_backward_cpu(dx_cpu.data(), dw_want.data(), db_want.data(), dout.data(), in.data(), w.data(), &g,
                            ws_cpu.data());
        EXPECT_TRUE(rel_l2_close(din_want, dx_cpu));  // the host arithmetic is the CPU conv's too

        const size_t ws = cnnc_direct_conv_workspace_bytes(&g);
        ASSERT_GT(ws, 0u);
        DevBuf<float> d_in(in_n), d_w(w_n), d_b((size_t)g.OC), d_out(out_n), d_dout(out_n), d_din(in_n), d_dw(w_n),
            d_db((size_t)g.OC), d_ws(ws / sizeof(float));
        d_in.upload(in);
        d_w.upload(w);
        d_b.upload(b);
        d_dout.upload(dout);
        LAUNCH_OK(cnnc_direct_conv_forward(d_out.get(), d_in.get(), d_w.get(), d_b.get(), &g, nullptr, &err_));
        LAUNCH_OK(cnnc_direct_conv_backward(d_din.get(), d_dw.get(), d_db.get(), d_dout.get(), d_in.get(), d_w.get(),
                                            &g, d_ws.get(), ws, nullptr, &err_));
        EXPECT_TRUE(exactly_equal(d_out.download(), out_want)) << "forward: not the host's bits";
        EXPECT_TRUE(exactly_equal(d_din.download(), din_want)) << "input gradient: not the host's bits";
        EXPECT_TRUE(rel_l2_close(d_dw.download(), dw_want));
        EXPECT_TRUE(rel_l2_close(d_db.download(), db_want));
        for (DevBuf<float> *buf : {&d_out, &d_din, &d_dw, &d_db, &d_ws}) EXPECT_TRUE(buf->guards_intact());
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_direct_conv_backward(nullptr, d_dw.get(), nullptr, d_dout.get(), d_in.get(), d_w.get(), &g,
                                            d_ws.get(), ws - sizeof(float), nullptr, &err),
                  CNNC_ERR_DEVICE);
        EXPECT_NE(std::string(err.message).find("direct conv needs"), std::string::npos) << err.message;
    }
}

}  // namespace

#endif  // CNNC_HAVE_CUDA
