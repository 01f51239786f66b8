// cuda_more_test.cpp — the CUDA kernels of Hardswish, Hardsigmoid, Softplus,
// Mish, Hardshrink, PReLU, PixelShuffle/Unshuffle, expand/expand_as/repeat and
// slice with a step against their CPU twins (the reference, checked against
// PyTorch in more_kernels_test.cpp), on random inputs with NaN, +-inf and +-0
// sprinkled in, odd sizes, in place where the engine may run them so; then
// whole training steps through the CUDA engine (CUDA graphs and op by op)
// against the CPU engine on models/parity_graphops.cnn.
//
// Tolerances: NaN exactly where the CPU has NaN and the same infinities; the
// finite values within relative L2 1e-5 (the CUDA math library's expf, log1pf
// and tanhf may differ from glibc's by an ulp or two; on the emulator they are
// glibc's). The permutations, gathers and slices must be bit for bit; so must
// the sums over fewer than CNNC_CUDA_BLOCK_REDUCE_MIN values (the CPU's order),
// and PReLU's weight gradient comes within 1e-6 (double sums in another
// order). Device outputs sit between 0xFF guard zones that must stay
// untouched. Without a usable GPU each test skips and says why.
#ifdef CNNC_HAVE_CUDA

#include <gtest/gtest.h>
#include <cuda_runtime_api.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <cublas_v2.h>

#include "../cuda/backend_cuda.h"
#include "../cuda/cuda_kernels.h"
#include "cnnc/cnnc.h"
#include "cpu/cpu_kernels.h"
#include "graphops_util.h"
#include "test_paths.h"

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
class DevBuf {
public:
    explicit DevBuf(size_t n) : n_(n) {
        const size_t bytes = (n_ + 2 * kGuard) * sizeof(float);
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
    float *get() { return raw_ ? raw_ + kGuard : nullptr; }
    void upload(const std::vector<float> &h) {
        ASSERT_EQ(h.size(), n_);
        ASSERT_EQ(cudaMemcpy(get(), h.data(), n_ * sizeof(float), cudaMemcpyHostToDevice), cudaSuccess);
    }
    std::vector<float> download() {
        std::vector<float> h(n_);
        EXPECT_EQ(cudaMemcpy(h.data(), get(), n_ * sizeof(float), cudaMemcpyDeviceToHost), cudaSuccess);
        return h;
    }
    bool guards_intact() {
        std::vector<unsigned char> b((n_ + 2 * kGuard) * sizeof(float));
        if (cudaMemcpy(b.data(), raw_, b.size(), cudaMemcpyDeviceToHost) != cudaSuccess) return false;
        for (size_t i = 0; i < kGuard * sizeof(float); i++)
            if (b[i] != 0xFF || b[b.size() - 1 - i] != 0xFF) return false;
        return true;
    }

private:
    size_t n_;
    float *raw_ = nullptr;
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

// Bit for bit, NaN matching NaN.
::testing::AssertionResult same(const std::vector<float> &got, const std::vector<float> &want) {
    if (got.size() != want.size()) return ::testing::AssertionFailure() << "size " << got.size() << " != " << want.size();
    for (size_t i = 0; i < got.size(); i++)
        if (!(std::isnan(got[i]) && std::isnan(want[i])) && std::memcmp(&got[i], &want[i], sizeof(float)) != 0)
            return ::testing::AssertionFailure() << "[" << i << "] " << got[i] << " where the CPU has " << want[i];
    return ::testing::AssertionSuccess();
}

std::vector<float> sprinkled(size_t n, uint32_t seed, float scale = 3.0f) {
    std::mt19937 gen(seed);
    std::normal_distribution<float> d(0.0f, scale);
    std::vector<float> v(n);
    for (auto &x : v) x = d(gen);
    const float special[] = {NAN, INFINITY, -INFINITY, 0.0f, -0.0f, 3.0f, -3.0f, 0.5f, -0.5f, 20.0f, 1e-8f, -90.0f, 90.0f};
    for (size_t k = 0; k < sizeof special / sizeof special[0] && k * 37 < n; k++) v[k * 37] = special[k];
    return v;
}

// ------------------------------------------------------------ elementwise

struct Elementwise {
    const char *name;
    std::function<void(float *, const float *, int64_t)> cpu_fwd;
    std::function<void(float *, const float *, const float *, int64_t)> cpu_bwd;
    std::function<cnnc_status(float *, const float *, int64_t, cnnc_error *)> gpu_fwd;
    std::function<cnnc_status(float *, const float *, const float *, int64_t, cnnc_error *)> gpu_bwd;
};

std::vector<Elementwise> elementwise_kinds() {
    return {
        {"hardswish", hardswish_forward_cpu, hardswish_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return hardswish_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return hardswish_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"hardsigmoid", hardsigmoid_forward_cpu, hardsigmoid_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return hardsigmoid_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return hardsigmoid_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"softplus", [](float *y, const float *x, int64_t n) { softplus_forward_cpu(y, x, n, 1.0f, 20.0f); },
         [](float *dx, const float *dy, const float *x, int64_t n) { softplus_backward_cpu(dx, dy, x, n, 1.0f, 20.0f); },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return softplus_forward_cuda(y, x, n, 1.0f, 20.0f, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return softplus_backward_cuda(dx, dy, x, n, 1.0f, 20.0f, nullptr, e); }},
        {"softplus_b2_t5", [](float *y, const float *x, int64_t n) { softplus_forward_cpu(y, x, n, 2.0f, 5.0f); },
         [](float *dx, const float *dy, const float *x, int64_t n) { softplus_backward_cpu(dx, dy, x, n, 2.0f, 5.0f); },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return softplus_forward_cuda(y, x, n, 2.0f, 5.0f, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return softplus_backward_cuda(dx, dy, x, n, 2.0f, 5.0f, nullptr, e); }},
        {"selu", selu_forward_cpu, selu_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return selu_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return selu_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"mish", mish_forward_cpu, mish_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return mish_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return mish_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"hardshrink", [](float *y, const float *x, int64_t n) { hardshrink_forward_cpu(y, x, n, 0.5f); },
         [](float *dx, const float *dy, const float *x, int64_t n) { hardshrink_backward_cpu(dx, dy, x, n, 0.5f); },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return hardshrink_forward_cuda(y, x, n, 0.5f, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return hardshrink_backward_cuda(dx, dy, x, n, 0.5f, nullptr, e); }},
        {"abs", abs_forward_cpu, abs_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return abs_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return abs_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"logsigmoid", logsigmoid_forward_cpu, logsigmoid_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return logsigmoid_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return logsigmoid_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"sin", sin_forward_cpu, sin_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return sin_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return sin_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"cos", cos_forward_cpu, cos_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return cos_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return cos_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"sqrt", sqrt_forward_cpu, sqrt_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return sqrt_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return sqrt_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"log", log_forward_cpu, log_backward_cpu,
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return log_forward_cuda(y, x, n, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return log_backward_cuda(dx, dy, x, n, nullptr, e); }},
        {"clamp", [](float *y, const float *x, int64_t n) { const cnnc_clamp_params p{-1.0, 2.0, 1, 1}; clamp_forward_cpu(y, x, n, &p); },
         [](float *dx, const float *dy, const float *x, int64_t n) { const cnnc_clamp_params p{-1.0, 2.0, 1, 1}; clamp_backward_cpu(dx, dy, x, n, &p); },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { const cnnc_clamp_params p{-1.0, 2.0, 1, 1}; return clamp_forward_cuda(y, x, n, &p, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { const cnnc_clamp_params p{-1.0, 2.0, 1, 1}; return clamp_backward_cuda(dx, dy, x, n, &p, nullptr, e); }},
        {"round", [](float *y, const float *x, int64_t n) { round_forward_cpu(y, x, n, CNNC_ROUND_NEAREST); },
         [](float *dx, const float *dy, const float *x, int64_t n) { (void)dy; (void)x; for (int64_t i = 0; i < n; i++) dx[i] = 0.0f; },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return round_forward_cuda(y, x, n, CNNC_ROUND_NEAREST, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) {
             (void)dy; (void)x; (void)e;
             return cudaMemset(dx, 0, (size_t)n * sizeof(float)) == cudaSuccess ? CNNC_OK : CNNC_ERR_DEVICE; }},
        {"floor", [](float *y, const float *x, int64_t n) { round_forward_cpu(y, x, n, CNNC_ROUND_FLOOR); },
         [](float *dx, const float *dy, const float *x, int64_t n) { (void)dy; (void)x; for (int64_t i = 0; i < n; i++) dx[i] = 0.0f; },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return round_forward_cuda(y, x, n, CNNC_ROUND_FLOOR, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) {
             (void)dy; (void)x; (void)e;
             return cudaMemset(dx, 0, (size_t)n * sizeof(float)) == cudaSuccess ? CNNC_OK : CNNC_ERR_DEVICE; }},
        {"pow_2", [](float *y, const float *x, int64_t n) { pow_forward_cpu(y, x, n, 2.0f); },
         [](float *dx, const float *dy, const float *x, int64_t n) { pow_backward_cpu(dx, dy, x, n, 2.0f); },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return pow_forward_cuda(y, x, n, 2.0f, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return pow_backward_cuda(dx, dy, x, n, 2.0f, nullptr, e); }},
        {"pow_m0p5", [](float *y, const float *x, int64_t n) { pow_forward_cpu(y, x, n, -0.5f); },
         [](float *dx, const float *dy, const float *x, int64_t n) { pow_backward_cpu(dx, dy, x, n, -0.5f); },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return pow_forward_cuda(y, x, n, -0.5f, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return pow_backward_cuda(dx, dy, x, n, -0.5f, nullptr, e); }},
        {"pow_2p5", [](float *y, const float *x, int64_t n) { pow_forward_cpu(y, x, n, 2.5f); },
         [](float *dx, const float *dy, const float *x, int64_t n) { pow_backward_cpu(dx, dy, x, n, 2.5f); },
         [](float *y, const float *x, int64_t n, cnnc_error *e) { return pow_forward_cuda(y, x, n, 2.5f, nullptr, e); },
         [](float *dx, const float *dy, const float *x, int64_t n, cnnc_error *e) { return pow_backward_cuda(dx, dy, x, n, 2.5f, nullptr, e); }},
    };
}

TEST(CudaMoreKernels, ElementwiseKindsMatchTheCpuWithNanInfinitiesAndInPlace) {
    SKIP_WITHOUT_GPU();
    const size_t n = 40009;  // odd, several blocks
    const auto x = sprinkled(n, 3), dy = sprinkled(n, 4, 1.0f);
    for (const Elementwise &k : elementwise_kinds()) {
        SCOPED_TRACE(k.name);
        std::vector<float> y(n), dx(n);
        k.cpu_fwd(y.data(), x.data(), (int64_t)n);
        k.cpu_bwd(dx.data(), dy.data(), x.data(), (int64_t)n);
        DevBuf d_x(n), d_y(n), d_dy(n), d_dx(n);
        d_x.upload(x);
        d_dy.upload(dy);
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(k.gpu_fwd(d_y.get(), d_x.get(), (int64_t)n, &err), CNNC_OK) << err.message;
        ASSERT_EQ(k.gpu_bwd(d_dx.get(), d_dy.get(), d_x.get(), (int64_t)n, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(close(d_y.download(), y)) << "forward";
        EXPECT_TRUE(close(d_dx.download(), dx)) << "backward";
        EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact());
        // the backward over its output gradient, the forward over its input
        ASSERT_EQ(k.gpu_bwd(d_dy.get(), d_dy.get(), d_x.get(), (int64_t)n, &err), CNNC_OK);
        ASSERT_EQ(k.gpu_fwd(d_x.get(), d_x.get(), (int64_t)n, &err), CNNC_OK);
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(close(d_x.download(), y)) << "forward in place";
        EXPECT_TRUE(close(d_dy.download(), dx)) << "backward in place";
    }
}

// ------------------------------------------------------------------ PReLU

// Per channel of [N, C, HW], one weight over everything (one block sums 30k
// values), and [N, C]; either gradient alone.
TEST(CudaMoreKernels, PreluMatchesTheCpuForwardAndBothGradients) {
    SKIP_WITHOUT_GPU();
    const cnnc_bn_geom geoms[] = {{3, 5, 77}, {1, 1, 3 * 100 * 101}, {9, 4, 1}, {2, 300, 3}};
    for (const cnnc_bn_geom &g : geoms) {
        SCOPED_TRACE("N " + std::to_string(g.N) + " C " + std::to_string(g.C) + " HW " + std::to_string(g.HW));
        const size_t n = (size_t)(g.N * g.C * g.HW), c = (size_t)g.C;
        const auto x = sprinkled(n, 11), dy = sprinkled(n, 12, 1.0f);
        std::vector<float> w(c);
        for (size_t k = 0; k < c; k++) w[k] = 0.25f - 0.05f * (float)k;
        std::vector<float> y(n), dx(n), dw(c);
        prelu_forward_cpu(y.data(), x.data(), w.data(), &g);
        prelu_backward_cpu(dx.data(), dw.data(), dy.data(), x.data(), w.data(), &g);
        DevBuf d_x(n), d_w(c), d_dy(n), d_y(n), d_dx(n), d_dw(c), d_dw2(c), d_dx2(n);
        d_x.upload(x);
        d_w.upload(w);
        d_dy.upload(dy);
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(prelu_forward_cuda(d_y.get(), d_x.get(), d_w.get(), &g, nullptr, &err), CNNC_OK) << err.message;
        ASSERT_EQ(prelu_backward_cuda(d_dx.get(), d_dw.get(), d_dy.get(), d_x.get(), d_w.get(), &g, nullptr, &err), CNNC_OK);
        ASSERT_EQ(prelu_backward_cuda(nullptr, d_dw2.get(), d_dy.get(), d_x.get(), d_w.get(), &g, nullptr, &err), CNNC_OK);
        ASSERT_EQ(prelu_backward_cuda(d_dx2.get(), nullptr, d_dy.get(), d_x.get(), d_w.get(), &g, nullptr, &err), CNNC_OK);
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(same(d_y.download(), y)) << "forward";
        EXPECT_TRUE(same(d_dx.download(), dx)) << "input gradient";
        EXPECT_TRUE(close(d_dw.download(), dw, 1e-6)) << "weight gradient";
        EXPECT_TRUE(same(d_dw2.download(), d_dw.download())) << "weight gradient alone";
        EXPECT_TRUE(same(d_dx2.download(), dx)) << "input gradient alone";
        EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact() && d_dw.guards_intact() && d_dw2.guards_intact());
    }
}

// ------------------------------------------- permutations, broadcasts, slices

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

struct ShapedCase {
    const char *name;
    cnnc_layer layer;
    std::vector<std::vector<int64_t>> inputs;
};

enum Family { kPermute, kExpand, kSlice };

Family family_of(cnnc_layer_kind k) {
    return k == CNNC_PIXELSHUFFLE || k == CNNC_PIXELUNSHUFFLE ? kPermute : k == CNNC_SLICE ? kSlice : kExpand;
}

void cpu_run(const cnnc_layer_shape &ls, Family f, float *y, const float *x, float *dx, const float *dy) {
    switch (f) {
    case kPermute: permute_forward_cpu(y, x, &ls.g.permute); permute_backward_cpu(dx, dy, &ls.g.permute); break;
    case kExpand: reduce_backward_cpu(y, x, &ls.g.expand, 0); reduce_forward_cpu(dx, dy, &ls.g.expand, 0); break;
    case kSlice: step_slice_forward_cpu(y, x, &ls.g.step_slice); step_slice_backward_cpu(dx, dy, &ls.g.step_slice); break;
    }
}

cnnc_status gpu_run(const cnnc_layer_shape &ls, Family f, float *y, const float *x, float *dx, const float *dy, cnnc_error *err) {
    cnnc_status st = CNNC_OK;
    switch (f) {
    case kPermute:
        if (!(st = permute_forward_cuda(y, x, &ls.g.permute, nullptr, err))) st = permute_backward_cuda(dx, dy, &ls.g.permute, nullptr, err);
        break;
    case kExpand:
        if (!(st = reduce_backward_cuda(y, x, &ls.g.expand, 0, nullptr, err))) st = reduce_forward_cuda(dx, dy, &ls.g.expand, 0, nullptr, err);
        break;
    case kSlice:
        if (!(st = step_slice_forward_cuda(y, x, &ls.g.step_slice, nullptr, err)))
            st = step_slice_backward_cuda(dx, dy, &ls.g.step_slice, nullptr, err);
        break;
    }
    return st;
}

// Gathers and scatters move values: bit for bit. A broadcast gradient summing
// fewer than CNNC_CUDA_BLOCK_REDUCE_MIN copies sums in the CPU's order (bit for
// bit); more, with a block's tree (1e-6).
TEST(CudaMoreKernels, PermutationsBroadcastsAndStepSlicesMatchTheCpu) {
    SKIP_WITHOUT_GPU();
    const ShapedCase cases[] = {
        {"pixel_shuffle", factor(CNNC_PIXELSHUFFLE, 3), {{2, 3, 18, 5, 7}}},
        {"pixel_unshuffle", factor(CNNC_PIXELUNSHUFFLE, 2), {{3, 5, 6, 10}}},
        {"expand", sized(CNNC_EXPAND, {2, 3, 4, 5}), {{3, 1, 5}}},
        {"expand_wide", sized(CNNC_EXPAND, {-1, 3001}), {{4, 1}}},   // 3001 copies each: the block path
        {"expand_as", graphops::Node(CNNC_EXPAND_AS), {{1, 3, 1, 1}, {5, 3, 4, 6}}},
        {"repeat", sized(CNNC_REPEAT, {2, 2, 3, 1}), {{3, 1, 2}}},
        {"repeat_channels", sized(CNNC_REPEAT, {1, 3, 1, 1}), {{4, 5, 7, 7}}},
        {"slice_dim1", step_slice(1, 1, 1, 0, 0, 3), {{3, 10, 7}}},
        {"slice_last", step_slice(-1, 1, -6, 1, -1, 2), {{3, 10, 7}}},
        {"slice_first", step_slice(0, 0, 0, 0, 0, 2), {{9, 4}}},
    };
    for (const ShapedCase &c : cases) {
        SCOPED_TRACE(c.name);
        const cnnc_layer_shape ls = shape_pass(c.layer, c.inputs);
        const Family f = family_of(c.layer.kind);
        const size_t n_in = (size_t)graphops::NumelOf(c.inputs[0]), n_out = (size_t)ls.out_numel;
        const auto x = sprinkled(n_in, 21), dy = sprinkled(n_out, 22, 1.0f);
        std::vector<float> y(n_out), dx(n_in);
        cpu_run(ls, f, y.data(), x.data(), dx.data(), dy.data());
        DevBuf d_x(n_in), d_y(n_out), d_dy(n_out), d_dx(n_in);
        d_x.upload(x);
        d_dy.upload(dy);
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(gpu_run(ls, f, d_y.get(), d_x.get(), d_dx.get(), d_dy.get(), &err), CNNC_OK) << err.message;
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(same(d_y.download(), y)) << "forward";
        int64_t copies = 1;
        if (f == kExpand)
            for (int32_t k = 0; k < ls.g.expand.ndim; k++)
                if ((ls.g.expand.reduced >> k) & 1u) copies *= ls.g.expand.size[k];
        if (copies < CNNC_CUDA_BLOCK_REDUCE_MIN) EXPECT_TRUE(same(d_dx.download(), dx)) << "backward";
        else EXPECT_TRUE(close(d_dx.download(), dx, 1e-6)) << "backward";
        EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact());
    }
}

// amax/amin in their three forms: one thread per output in the CPU's order, bit for bit,
// ties (small integers) and a NaN included.
TEST(CudaMoreKernels, AmaxAminAndMaxMinMatchTheCpuBitForBit) {
    SKIP_WITHOUT_GPU();
    struct { const char *name; cnnc_layer_kind kind; cnnc_extremum_form form; std::vector<int64_t> dims, in; } cases[] = {
        {"amax_d1", CNNC_AMAX, CNNC_EXTREMUM_AMAX, {1}, {3, 5, 7}},
        {"amin_d02", CNNC_AMIN, CNNC_EXTREMUM_AMAX, {0, 2}, {4, 3, 5}},
        {"max_dim", CNNC_AMAX, CNNC_EXTREMUM_DIM, {2}, {3, 5, 7}},
        {"min_all", CNNC_AMIN, CNNC_EXTREMUM_ALL, {}, {4, 5}},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        cnnc_layer L = graphops::Reduce(c.kind, c.dims, 1);
        L.p.reduce.form = c.form;
        const cnnc_layer_shape ls = shape_pass(L, {c.in});
        const size_t n_in = (size_t)graphops::NumelOf(c.in), n_out = (size_t)ls.out_numel;
        std::vector<float> x(n_in);
        std::mt19937 rng(7);
        for (float &v : x) v = (float)((int)(rng() % 5) - 2);
        x[1] = NAN;
        const auto dy = sprinkled(n_out, 23, 1.0f);
        std::vector<float> y(n_out), dx(n_in);
        extremum_forward_cpu(y.data(), x.data(), &ls.g.reduce, c.kind == CNNC_AMAX);
        extremum_backward_cpu(dx.data(), dy.data(), x.data(), y.data(), &ls.g.reduce, c.form);
        DevBuf d_x(n_in), d_y(n_out), d_dy(n_out), d_dx(n_in);
        d_x.upload(x);
        d_dy.upload(dy);
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(extremum_forward_cuda(d_y.get(), d_x.get(), &ls.g.reduce, c.kind == CNNC_AMAX, nullptr, &err), CNNC_OK);
        ASSERT_EQ(extremum_backward_cuda(d_dx.get(), d_dy.get(), d_x.get(), d_y.get(), &ls.g.reduce, c.form, nullptr, &err), CNNC_OK);
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(same(d_y.download(), y)) << "forward";
        EXPECT_TRUE(same(d_dx.download(), dx)) << "backward";
        EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact());
    }
}

// matmul/bmm/mm through cuBLAS against the CPU's cblas: each path, a broadcast operand's summed gradient.
TEST(CudaMoreKernels, MatmulBmmAndMmMatchTheCpu) {
    SKIP_WITHOUT_GPU();
    cublasHandle_t h = nullptr;
    ASSERT_EQ(cublasCreate(&h), CUBLAS_STATUS_SUCCESS);
    cublasSetMathMode(h, CUBLAS_DEFAULT_MATH);
    struct { const char *name; cnnc_layer_kind kind; std::vector<int64_t> a, b; } cases[] = {
        {"bcast", CNNC_MATMUL, {2, 1, 3, 4}, {5, 4, 6}}, {"fold", CNNC_MATMUL, {2, 3, 4}, {4, 5}},
        {"fold_t", CNNC_MATMUL, {3, 4}, {2, 4, 5}}, {"vec", CNNC_MATMUL, {4}, {2, 4, 5}},
        {"dot", CNNC_MATMUL, {7}, {7}}, {"bmm", CNNC_BMM, {3, 4, 5}, {3, 5, 2}}, {"mm", CNNC_MM, {3, 4}, {4, 6}},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        const cnnc_layer_shape ls = shape_pass(graphops::Node(c.kind), {c.a, c.b});
        const cnnc_matmul_geom &g = ls.g.matmul;
        const size_t na = (size_t)g.na, nb = (size_t)g.nb, no = (size_t)ls.out_numel;
        auto normal = [](size_t n, uint32_t seed) {   // finite: cuBLAS and cblas sum in different orders
            std::mt19937 gen(seed);
            std::normal_distribution<float> d(0.0f, 1.0f);
            std::vector<float> v(n);
            for (auto &x : v) x = d(gen);
            return v;
        };
        const auto a = normal(na, 31), b = normal(nb, 32), dy = normal(no, 33);
        std::vector<float> y(no), da(na), db(nb);
        matmul_forward_cpu(y.data(), a.data(), b.data(), &g);
        matmul_backward_cpu(da.data(), db.data(), dy.data(), a.data(), b.data(), &g);
        DevBuf d_a(na), d_b(nb), d_dy(no), d_y(no), d_da(na), d_db(nb);
        d_a.upload(a);
        d_b.upload(b);
        d_dy.upload(dy);
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(cnnc_gemm_matmul_forward(h, nullptr, 0, d_y.get(), d_a.get(), d_b.get(), &g, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cnnc_gemm_matmul_backward(h, nullptr, 0, d_da.get(), d_db.get(), d_dy.get(), d_a.get(), d_b.get(), &g, &err),
                  CNNC_OK) << err.message;
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(close(d_y.download(), y, 1e-5)) << "forward";
        EXPECT_TRUE(close(d_da.download(), da, 1e-5)) << "da";
        EXPECT_TRUE(close(d_db.download(), db, 1e-5)) << "db";
    }
    cublasDestroy(h);
}

// cumsum (a double running sum each way: bit for bit), unfold/fold (conv's im2col/col2im)
// and circular padding (the wraps' gradients summed in output order: bit for bit).
TEST(CudaMoreKernels, CumsumUnfoldFoldAndCircularPaddingMatchTheCpu) {
    SKIP_WITHOUT_GPU();
    auto values = [](size_t n, uint32_t seed) {
        std::mt19937 gen(seed);
        std::normal_distribution<float> d(0.0f, 3.0f);
        std::vector<float> v(n);
        for (auto &x : v) x = d(gen);
        return v;
    };
    cnnc_error err;
    cnnc_error_clear(&err);
    for (int64_t dim : {0, 1, -1}) {   // cumsum along the first, a middle and the last dim
        SCOPED_TRACE("cumsum dim " + std::to_string(dim));
        cnnc_layer L = graphops::Node(CNNC_CUMSUM);
        L.p.softmax.dim_kind = CNNC_DIM_INT;
        L.p.softmax.dim = dim;
        const cnnc_layer_shape ls = shape_pass(L, {{5, 7, 33}});
        const size_t n = (size_t)ls.out_numel;
        auto x = values(n, 41), dy = values(n, 42);
        x[3] = NAN;
        std::vector<float> y(n), dx(n);
        cumsum_forward_cpu(y.data(), x.data(), &ls.g.axis);
        cumsum_backward_cpu(dx.data(), dy.data(), &ls.g.axis);
        DevBuf d_x(n), d_dy(n), d_y(n), d_dx(n);
        d_x.upload(x);
        d_dy.upload(dy);
        ASSERT_EQ(cumsum_forward_cuda(d_y.get(), d_x.get(), &ls.g.axis, nullptr, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cumsum_backward_cuda(d_dx.get(), d_dy.get(), &ls.g.axis, nullptr, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(same(d_y.download(), y)) << "forward";
        EXPECT_TRUE(same(d_dx.download(), dx)) << "backward";
        EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact());
    }
    struct FoldCase { const char *name; cnnc_layer_kind kind; cnnc_fold_params p; std::vector<int64_t> in; };
    const FoldCase folds[] = {
        {"unfold", CNNC_UNFOLD, {{0, 0}, {2, 3}, {1, 2}, {1, 1}, {2, 1}, 0, 0, 0}, {2, 3, 7, 8}},
        {"fold", CNNC_FOLD, {{6, 6}, {3, 3}, {1, 1}, {1, 1}, {1, 1}, 0, 0, 0}, {2, 18, 36}},
    };
    for (const FoldCase &c : folds) {
        SCOPED_TRACE(c.name);
        cnnc_layer L = graphops::Node(c.kind);
        L.p.fold = c.p;
        const cnnc_layer_shape ls = shape_pass(L, {c.in});
        const cnnc_conv_geom *g = &ls.g.conv;
        size_t nin = 1;
        for (int64_t d : c.in) nin *= (size_t)d;
        const size_t nout = (size_t)ls.out_numel;
        const auto x = values(nin, 43), dy = values(nout, 44);
        std::vector<float> y(nout), dx(nin);
        DevBuf d_x(nin), d_dy(nout), d_y(nout), d_dx(nin);
        d_x.upload(x);
        d_dy.upload(dy);
        if (c.kind == CNNC_UNFOLD) {
            unfold_forward_cpu(y.data(), x.data(), g);
            unfold_backward_cpu(dx.data(), dy.data(), g);
            ASSERT_EQ(im2col_cuda(d_y.get(), d_x.get(), g->N, g, nullptr, &err), CNNC_OK) << err.message;
            ASSERT_EQ(col2im_cuda(d_dx.get(), d_dy.get(), g->N, g, nullptr, &err), CNNC_OK) << err.message;
        } else {
            fold_forward_cpu(y.data(), x.data(), g);
            fold_backward_cpu(dx.data(), dy.data(), g);
            ASSERT_EQ(col2im_cuda(d_y.get(), d_x.get(), g->N, g, nullptr, &err), CNNC_OK) << err.message;
            ASSERT_EQ(im2col_cuda(d_dx.get(), d_dy.get(), g->N, g, nullptr, &err), CNNC_OK) << err.message;
        }
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(close(d_y.download(), y)) << "forward";
        EXPECT_TRUE(close(d_dx.download(), dx)) << "backward";
        EXPECT_TRUE(d_y.guards_intact() && d_dx.guards_intact());
    }
    struct PadCase { const char *name; std::vector<int64_t> pad, in; };
    const PadCase pads[] = {{"circular", {2, 1, 3, 0}, {2, 3, 5, 6}}, {"circular_crop", {-1, 2, 1, -2}, {2, 3, 5, 6}},
                            {"circular_full_1d", {5, 5}, {3, 4, 5}}, {"circular_3d", {1, 1, 2, 0, 3, 3}, {1, 2, 3, 4, 5}}};
    for (const PadCase &c : pads) {
        SCOPED_TRACE(c.name);
        cnnc_layer L = graphops::Node(CNNC_PAD);
        L.p.pad2d.mode = CNNC_PAD2D_CIRCULAR;
        L.p.pad2d.n = (int32_t)c.pad.size();
        for (size_t k = 0; k < c.pad.size(); k++) L.p.pad2d.pad[k] = c.pad[k];
        const cnnc_layer_shape ls = shape_pass(L, {c.in});
        size_t nin = 1;
        for (int64_t d : c.in) nin *= (size_t)d;
        const size_t nout = (size_t)ls.out_numel;
        auto x = values(nin, 45);
        const auto dy = values(nout, 46);
        x[0] = NAN;
        std::vector<float> y(nout), dx(nin);
        pad2d_forward_cpu(y.data(), x.data(), &ls.g.pad2d);
        pad2d_backward_cpu(dx.data(), dy.data(), &ls.g.pad2d);
        DevBuf d_x(nin), d_dy(nout), d_y(nout), d_dx(nin);
        d_x.upload(x);
        d_dy.upload(dy);
        ASSERT_EQ(pad2d_forward_cuda(d_y.get(), d_x.get(), &ls.g.pad2d, nullptr, &err), CNNC_OK) << err.message;
        ASSERT_EQ(pad2d_backward_cuda(d_dx.get(), d_dy.get(), &ls.g.pad2d, nullptr, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
        EXPECT_TRUE(same(d_y.download(), y)) << "forward";
        EXPECT_TRUE(same(d_dx.download(), dx)) << "backward";
    }
}

// ---- whole training steps: the CUDA engine (captured graphs, op by op) against the CPU ----

struct Engine {
    cnnc_engine *e = nullptr;
    ~Engine() { cnnc_engine_free(e); }
};

double rel_l2(const std::vector<float> &a, const std::vector<float> &b) {
    double d = 0, r = 0;
    for (size_t i = 0; i < a.size(); i++) {
        d += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        r += (double)b[i] * b[i];
    }
    return r > 0 ? std::sqrt(d / r) : std::sqrt(d);
}

// ema: with --ema's average (cfg.ema_decay), compared too, and restarted once so that the
// copy of a first update happens inside an already captured graph.
void train_steps_match(int no_graph, double ema = 0.0) {
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_load(source_path("models/parity_graphops.cnn").c_str(), &m, &err), CNNC_OK) << err.message;
    Engine cpu, gpu;
    for (int dev = 0; dev < 2; dev++) {
        cnnc_engine_config cfg = cnnc_engine_config_default(m);
        cfg.device = dev ? CNNC_DEVICE_CUDA : CNNC_DEVICE_CPU;
        cfg.max_batch = 6;
        cfg.seed = 7;
        cfg.no_graph = no_graph;
        cfg.ema_decay = ema;
        cfg.optim = cnnc_optim_default(CNNC_OPTIM_ADAM);
        ASSERT_EQ(cnnc_engine_create(m, &cfg, dev ? &gpu.e : &cpu.e, nullptr, 0, &err), CNNC_OK) << err.message;
    }
    for (int32_t i = 0; i < cnnc_engine_param_count(cpu.e); i++) {
        std::vector<float> w((size_t)cnnc_engine_param(cpu.e, i)->numel);
        ASSERT_EQ(cnnc_engine_read_param(cpu.e, i, w.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_write_param(gpu.e, i, w.data(), &err), CNNC_OK);
    }
    for (int64_t N : {6, 5}) {   // a second batch size: the graph replays at any batch
        std::vector<float> x((size_t)(N * 784));
        for (size_t i = 0; i < x.size(); i++) x[i] = std::sin(0.37f * (float)i) * 1.5f;
        int64_t labels[6];
        for (int64_t i = 0; i < N; i++) labels[i] = (i * 7) % 10;
        cnnc_shape xs;
        std::memset(&xs, 0, sizeof xs);
        xs.ndim = 4; xs.d[0] = N; xs.d[1] = 1; xs.d[2] = 28; xs.d[3] = 28;
        for (int step = 0; step < 2; step++) {
            float lc = 0, lg = 0;
            ASSERT_EQ(cnnc_engine_set_batch(cpu.e, x.data(), &xs, labels, &err), CNNC_OK) << err.message;
            ASSERT_EQ(cnnc_engine_set_batch(gpu.e, x.data(), &xs, labels, &err), CNNC_OK) << err.message;
            ASSERT_EQ(cnnc_engine_train_step(cpu.e, &lc, &err), CNNC_OK) << err.message;
            ASSERT_EQ(cnnc_engine_train_step(gpu.e, &lg, &err), CNNC_OK) << err.message;
            EXPECT_NEAR(lg, lc, 1e-5 * std::fabs(lc) + 1e-6) << "batch " << N << " step " << step;
            if (ema != 0.0 && N == 6 && step == 0) {   // a new average: the next step, a replay, copies
                cnnc_engine_set_ema_count(cpu.e, 0);
                cnnc_engine_set_ema_count(gpu.e, 0);
            }
        }
    }
    if (ema != 0.0) {
        EXPECT_EQ(cnnc_engine_ema_count(gpu.e), 3);
        int averaged = 0, floats = 0;
        for (int32_t i = 0; i < cnnc_engine_param_count(cpu.e); i++) {
            const cnnc_param_info *p = cnnc_engine_param(cpu.e, i);
            if (p->dtype == CNNC_I64) continue;
            std::vector<float> a((size_t)p->numel), b((size_t)p->numel), w((size_t)p->numel);
            ASSERT_EQ(cnnc_engine_read_ema(cpu.e, i, a.data(), &err), CNNC_OK) << err.message;
            ASSERT_EQ(cnnc_engine_read_ema(gpu.e, i, b.data(), &err), CNNC_OK) << err.message;
            ASSERT_EQ(cnnc_engine_read_param(gpu.e, i, w.data(), &err), CNNC_OK) << err.message;
            EXPECT_LE(rel_l2(b, a), 1e-4) << "ema." << p->name;
            floats++;
            averaged += rel_l2(b, w) > 0.0;   // a parameter without gradient (a PReLU slope here) stays put
        }
        EXPECT_GT(averaged, floats / 2) << "the averages are the weights: nothing was averaged";
        // The swap puts the average where evaluation reads, and back.
        const cnnc_param_info *p0 = cnnc_engine_param(gpu.e, 0);
        std::vector<float> avg((size_t)p0->numel), w((size_t)p0->numel), now((size_t)p0->numel);
        ASSERT_EQ(cnnc_engine_read_ema(gpu.e, 0, avg.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_read_param(gpu.e, 0, w.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_swap_ema(gpu.e, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cnnc_engine_read_param(gpu.e, 0, now.data(), &err), CNNC_OK);
        EXPECT_EQ(now, avg);
        ASSERT_EQ(cnnc_engine_swap_ema(gpu.e, &err), CNNC_OK) << err.message;
        ASSERT_EQ(cnnc_engine_read_param(gpu.e, 0, now.data(), &err), CNNC_OK);
        EXPECT_EQ(now, w);
    }
    // Adam's first steps are ~lr * sign(grad): parameters compare at 1e-4.
    for (int32_t i = 0; i < cnnc_engine_param_count(cpu.e); i++) {
        const cnnc_param_info *p = cnnc_engine_param(cpu.e, i);
        std::vector<float> a((size_t)p->numel), b((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_param(cpu.e, i, a.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_read_param(gpu.e, i, b.data(), &err), CNNC_OK);
        EXPECT_LE(rel_l2(b, a), 1e-4) << p->name;
    }
    cnnc_engine_free(cpu.e);
    cnnc_engine_free(gpu.e);
    cpu.e = gpu.e = nullptr;
    cnnc_model_free(m);
}

TEST(CudaMoreTraining, StepsThroughTheGraphModelMatchTheCpuWithCudaGraphs) {
    SKIP_WITHOUT_GPU();
    train_steps_match(0);
}

TEST(CudaMoreTraining, StepsThroughTheGraphModelMatchTheCpuOpByOp) {
    SKIP_WITHOUT_GPU();
    train_steps_match(1);
}

TEST(CudaMoreTraining, TheWeightsAverageInsideCapturedGraphsMatchesTheCpu) {
    SKIP_WITHOUT_GPU();
    train_steps_match(0, 0.7);
}

TEST(CudaMoreTraining, TheWeightsAverageOpByOpMatchesTheCpu) {
    SKIP_WITHOUT_GPU();
    train_steps_match(1, 0.7);
}

}  // namespace

#endif  // CNNC_HAVE_CUDA
