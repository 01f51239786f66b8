// cuda_pool_test.cpp — the CUDA launchers of the adaptive pools, upsampling
// and padding (cuda/adaptive_pool2d.cu, upsample2d.cu, pad2d.cu) against their
// CPU twins (src/cpu/), on random inputs with NaN and +-inf sprinkled in, over
// the geometries the shape pass makes for each call. They are written to agree
// bit for bit (the same index rules, products and sums rounded one at a time,
// backwards that gather in the CPU scatter's order), so floats compare exactly
// (any NaN equals any NaN: a NaN's payload is not specified) and argmax
// indices too. Device outputs sit between 0xFF guard zones that must stay
// untouched and start as NaN, so a skipped element shows. Suite CudaKernels:
// the emulator also runs it with each block's threads in reverse order.
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
#include "cnnc/model.h"
#include "cnnc/shape.h"
#include "cpu/cpu_kernels.h"

namespace {

std::string gpu_unusable_reason() {
    int count = 0;
    const cudaError_t rc = cudaGetDeviceCount(&count);
    if (rc != cudaSuccess) return std::string("no usable CUDA device (cudaGetDeviceCount: ") + cudaGetErrorString(rc) + ")";
    return count == 0 ? "no CUDA device present" : "";
}

#define SKIP_WITHOUT_GPU()                                \
    do {                                                  \
        const std::string why_ = gpu_unusable_reason();   \
        if (!why_.empty()) GTEST_SKIP() << why_;          \
    } while (0)

constexpr size_t kGuard = 64;

// n elements between two guard zones, all bytes 0xFF at first (NaN for floats).
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
    ~DevBuf() { if (raw_) cudaFree(raw_); }
    DevBuf(const DevBuf &) = delete;
    DevBuf &operator=(const DevBuf &) = delete;
    T *get() { return raw_ ? raw_ + kGuard : nullptr; }
    void upload(const std::vector<T> &h) {
        ASSERT_EQ(h.size(), n_);
        ASSERT_EQ(cudaSuccess, cudaMemcpy(get(), h.data(), n_ * sizeof(T), cudaMemcpyHostToDevice));
    }
    std::vector<T> download() {
        std::vector<T> h(n_);
        EXPECT_EQ(cudaSuccess, cudaMemcpy(h.data(), get(), n_ * sizeof(T), cudaMemcpyDeviceToHost));
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

#define LAUNCH_OK(call)                                                              \
    do {                                                                             \
        cnnc_error err_;                                                             \
        cnnc_error_clear(&err_);                                                     \
        const cnnc_status st_ = (call);                                              \
        ASSERT_EQ(CNNC_OK, st_) << #call << ": " << err_.message;                    \
        const cudaError_t sync_ = cudaDeviceSynchronize();                           \
        ASSERT_EQ(cudaSuccess, sync_) << #call << ": " << cudaGetErrorString(sync_); \
    } while (0)

// Bit for bit, except that any NaN matches any NaN.
::testing::AssertionResult same_floats(const std::vector<float> &got, const std::vector<float> &want) {
    if (got.size() != want.size()) return ::testing::AssertionFailure() << "size " << got.size() << " vs " << want.size();
    for (size_t i = 0; i < got.size(); i++) {
        if (std::isnan(got[i]) && std::isnan(want[i])) continue;
        if (std::memcmp(&got[i], &want[i], sizeof(float)) != 0)
            return ::testing::AssertionFailure() << "first difference at [" << i << "]: CUDA " << got[i] << ", CPU " << want[i];
    }
    return ::testing::AssertionSuccess();
}

std::vector<float> random_with_specials(size_t n, uint32_t seed) {
    std::mt19937 gen(seed);
    std::normal_distribution<float> d;
    std::vector<float> v(n);
    for (auto &x : v) x = d(gen);
    for (size_t k = 0; n > 8 && k < n / 17; k++) {
        const float s[3] = {NAN, INFINITY, -INFINITY};
        v[gen() % n] = s[k % 3];
    }
    return v;
}

// The geometry the shape pass makes for `call` on `input`.
bool shape_of(const char *call, const char *input, cnnc_layer *L, cnnc_layer_shape *ls) {
    std::string text = std::string("m = ") + call + "\n";
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err) != CNNC_OK) {
        ADD_FAILURE() << call << ": " << err.message;
        return false;
    }
    cnnc_shape in;
    bool ok = cnnc_shape_parse(input, &in, &err) == CNNC_OK && cnnc_shape_pass(m, &in, ls, nullptr, &err) == CNNC_OK;
    if (!ok) ADD_FAILURE() << call << " on " << input << ": " << err.message;
    else *L = m->layers[0];
    cnnc_model_free(m);
    return ok;
}

struct Case { const char *call, *input; };

// Forward into y, backward of a random gradient into dx, on both backends.
void check_case(const Case &c, uint32_t seed) {
    SCOPED_TRACE(std::string(c.call) + " on " + c.input);
    cnnc_layer L;
    cnnc_layer_shape ls;
    if (!shape_of(c.call, c.input, &L, &ls)) return;
    const size_t n_in = (size_t)cnnc_shape_numel(&ls.in), n_out = (size_t)ls.out_numel;
    const std::vector<float> x = random_with_specials(n_in, seed), g = random_with_specials(n_out, seed + 1);
    std::vector<float> y(n_out), dx(n_in);
    std::vector<int32_t> argmax(n_out);
    DevBuf<float> dx_d(n_in), x_d(n_in), y_d(n_out), g_d(n_out);
    DevBuf<int32_t> argmax_d(n_out);
    x_d.upload(x);
    g_d.upload(g);
    switch (L.kind) {
    case CNNC_ADAPTIVEAVGPOOL2D:
        adaptive_avgpool2d_forward_cpu(y.data(), x.data(), &ls.g.plane);
        adaptive_avgpool2d_backward_cpu(dx.data(), g.data(), &ls.g.plane);
        LAUNCH_OK(adaptive_avgpool2d_forward_cuda(y_d.get(), x_d.get(), &ls.g.plane, 0, &err_));
        LAUNCH_OK(adaptive_avgpool2d_backward_cuda(dx_d.get(), g_d.get(), &ls.g.plane, 0, &err_));
        break;
    case CNNC_ADAPTIVEMAXPOOL2D:
        adaptive_maxpool2d_forward_cpu(y.data(), argmax.data(), x.data(), &ls.g.plane);
        adaptive_maxpool2d_backward_cpu(dx.data(), g.data(), argmax.data(), &ls.g.plane);
        LAUNCH_OK(adaptive_maxpool2d_forward_cuda(y_d.get(), argmax_d.get(), x_d.get(), &ls.g.plane, 0, &err_));
        LAUNCH_OK(adaptive_maxpool2d_backward_cuda(dx_d.get(), g_d.get(), argmax_d.get(), &ls.g.plane, 0, &err_));
        EXPECT_EQ(argmax_d.download(), argmax);
        EXPECT_TRUE(argmax_d.guards_intact());
        break;
    case CNNC_UPSAMPLE: case CNNC_UPSAMPLINGNEAREST2D: case CNNC_UPSAMPLINGBILINEAR2D:
        upsample2d_forward_cpu(y.data(), x.data(), &ls.g.upsample);
        upsample2d_backward_cpu(dx.data(), g.data(), &ls.g.upsample);
        LAUNCH_OK(upsample2d_forward_cuda(y_d.get(), x_d.get(), &ls.g.upsample, 0, &err_));
        LAUNCH_OK(upsample2d_backward_cuda(dx_d.get(), g_d.get(), &ls.g.upsample, 0, &err_));
        break;
    default:
        pad2d_forward_cpu(y.data(), x.data(), &ls.g.pad2d);
        pad2d_backward_cpu(dx.data(), g.data(), &ls.g.pad2d);
        LAUNCH_OK(pad2d_forward_cuda(y_d.get(), x_d.get(), &ls.g.pad2d, 0, &err_));
        LAUNCH_OK(pad2d_backward_cuda(dx_d.get(), g_d.get(), &ls.g.pad2d, 0, &err_));
        break;
    }
    EXPECT_TRUE(same_floats(y_d.download(), y)) << "forward";
    EXPECT_TRUE(same_floats(dx_d.download(), dx)) << "input gradient";
    EXPECT_TRUE(y_d.guards_intact());
    EXPECT_TRUE(dx_d.guards_intact());
}

TEST(CudaKernels, AdaptivePoolsMatchTheCpuBitForBit) {
    SKIP_WITHOUT_GPU();
    const Case cases[] = {
        {"AdaptiveAvgPool2d((3, 4))", "2x3x10x9"},  {"AdaptiveAvgPool2d(7)", "1x2x5x5"},
        {"AdaptiveAvgPool2d((5, None))", "3x13x7"}, {"AdaptiveAvgPool2d(1)", "2x2x3x4x5"},
        {"AdaptiveAvgPool2d((1, 1))", "2x3x0x4"},   {"AdaptiveMaxPool2d((5, 3))", "2x3x7x7"},
        {"AdaptiveMaxPool2d((6, 9))", "1x2x4x5"},   {"AdaptiveMaxPool2d((2, 1))", "3x9x8"},
    };
    uint32_t seed = 11;
    for (const Case &c : cases) check_case(c, seed += 2);
}

TEST(CudaKernels, UpsamplingMatchesTheCpuBitForBit) {
    SKIP_WITHOUT_GPU();
    const Case cases[] = {
        {"Upsample(scale_factor=2)", "2x3x5x6"},
        {"Upsample(scale_factor=1.1)", "2x3x5x5"},          // forward floors, backward copies
        {"Upsample(scale_factor=1.1)", "2x1x5x5"},          // C == 1: forward copies too
        {"Upsample(scale_factor=(1.0, 2.001))", "1x2x3x300"},
        {"Upsample(scale_factor=0.6)", "1x3x9x11"},
        {"Upsample(scale_factor=2.5)", "2x3x7"},
        {"UpsamplingNearest2d(size=(4, 9))", "1x2x3x5"},
        {"Upsample(scale_factor=2, mode='bilinear')", "2x3x5x6"},
        {"Upsample(scale_factor=2, mode='bilinear', align_corners=True)", "2x3x5x6"},
        {"Upsample(scale_factor=(1.7, 2.3), mode='bilinear')", "2x2x6x5"},
        {"Upsample(size=(4, 3), mode='bilinear')", "1x2x9x8"},
        {"Upsample(size=(4, 3), mode='bilinear', align_corners=True)", "1x2x9x8"},
        {"Upsample(size=(1, 5), mode='bilinear')", "1x2x6x5"},
        {"Upsample(size=(5, 6), mode='bilinear')", "1x2x5x6"},
        {"UpsamplingBilinear2d(scale_factor=3)", "1x3x4x3"},
        {"Upsample(size=(33, 1), mode='bilinear')", "1x1x4x7"},
        {"Upsample(scale_factor=2, mode='bicubic')", "2x3x5x6"},
        {"Upsample(scale_factor=(1.7, 2.3), mode='bicubic', align_corners=True)", "2x2x6x5"},
        {"Upsample(size=(4, 3), mode='bicubic')", "1x2x9x8"},
        {"Upsample(size=(5, 7), mode='bicubic')", "1x2x1x2"},
    };
    uint32_t seed = 101;
    for (const Case &c : cases) check_case(c, seed += 2);
}

TEST(CudaKernels, PaddingMatchesTheCpuBitForBit) {
    SKIP_WITHOUT_GPU();
    const Case cases[] = {
        {"ZeroPad2d((1, 2, 0, 3))", "2x3x5x4"},           {"ZeroPad2d((-2, 3, 1, -1))", "2x3x5x5"},
        {"ZeroPad2d(2)", "5x4"},                          {"ConstantPad2d((2, 1, 1, 2), -1.5)", "1x2x3x4"},
        {"ReflectionPad2d((4, 3, 2, 4))", "2x2x5x6"},     {"ReflectionPad2d((-2, 3, 1, -1))", "2x3x5x5"},
        {"ReflectionPad2d((2, 3))", "3x4x5"},             {"ReflectionPad2d(1)", "1x1x2x2"},
        {"ReplicationPad2d((7, 1, 0, 6))", "2x2x5x5"},    {"ReplicationPad2d((-1, 2, -2, 1))", "1x3x6x5"},
        {"ReplicationPad2d(3)", "1x2x1x1"},               {"ZeroPad2d((0, 0, -5, 0))", "2x3x5x5"},
        {"ZeroPad2d((0, 0, 0, 0, 2, 2))", "2x4x3x3"},     {"ConstantPad2d((-1, 2, 1, -2, 2, -1), 0.5)", "2x3x5x5"},
        {"ZeroPad2d((1, 0, 0, 1, -1, 1))", "1x2x3x4x5"},  {"ZeroPad2d((1, 1, 0, 0, 1, 1))", "3x4x5"},
        {"ReflectionPad2d((2, 1, 1, 2, 2, 1))", "2x3x4x5"}, {"ReflectionPad2d((-1, 2, 1, -1, 1, -1))", "1x2x4x5x5"},
        {"ReplicationPad2d((3, 0, 1, 2, 2, 3))", "1x2x3x4x5"}, {"ReflectionPad2d((1, 1, 1, 1, 2, 2))", "1x1x3x2x2"},
    };
    uint32_t seed = 201;
    for (const Case &c : cases) check_case(c, seed += 2);
}

}  // namespace

#endif  // CNNC_HAVE_CUDA
