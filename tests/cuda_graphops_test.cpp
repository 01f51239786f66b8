// cuda_graphops_test.cpp — the CUDA kernels of the graph's tensor operations
// against their CPU twins (the CPU is checked against PyTorch in
// graphops_cpu_test.cpp), then the four test graphs through the CUDA engine
// against the CPU engine: forward (train and eval), backward, and three
// training steps replayed from a captured CUDA graph (randn_like must draw the
// CPU's fresh noise on every replay). On the emulator (tests/emu) the kernels
// agree bit for bit; the bound is relative L2 <= 1e-6 for a real GPU, whose
// expf and double-precision libm may round differently (broadcast and
// reduction sums are the CPU's order there too, except the one-block-per-
// output path, which sums in block_sum's fixed tree), and 1e-5 through the
// engine, where cuBLAS and OpenBLAS order the conv and linear sums differently.
// NaN and inf must land where the CPU has them. Skips without a usable GPU.
#ifdef CNNC_HAVE_CUDA

#include <gtest/gtest.h>
#include <cuda_runtime_api.h>

#include <cmath>
#include <string>
#include <vector>

#include "graphops_util.h"
#include "../cuda/cuda_kernels.h"

extern "C" {
#include "cnnc/engine.h"
}

namespace {

using namespace graphops;

constexpr double kTolKernel = 1e-6;
constexpr double kTolEngine = 1e-5;
constexpr size_t kGuard = 64;

std::string GpuUnusable() {
    int count = 0;
    const cudaError_t rc = cudaGetDeviceCount(&count);
    if (rc != cudaSuccess) return std::string("no usable CUDA device (") + cudaGetErrorString(rc) + ")";
    return count == 0 ? "no CUDA device present" : "";
}

#define SKIP_WITHOUT_GPU()                                \
    do {                                                  \
        const std::string why_ = GpuUnusable();           \
        if (!why_.empty()) GTEST_SKIP() << why_;          \
    } while (0)

// A device float array between guard zones of 0xFF bytes (a NaN pattern, so an
// element a kernel should have written but did not shows as NaN).
class Dev {
public:
    explicit Dev(size_t n) : n_(n) {
        const size_t bytes = (n + 2 * kGuard) * sizeof(float);
        EXPECT_EQ(cudaMalloc(reinterpret_cast<void **>(&raw_), bytes), cudaSuccess);
        EXPECT_EQ(cudaMemset(raw_, 0xFF, bytes), cudaSuccess);
    }
    Dev(const std::vector<float> &host) : Dev(host.size()) {
        if (!host.empty()) {
            EXPECT_EQ(cudaMemcpy(get(), host.data(), n_ * sizeof(float), cudaMemcpyHostToDevice), cudaSuccess);
        }
    }
    ~Dev() { cudaFree(raw_); }
    Dev(const Dev &) = delete;
    Dev &operator=(const Dev &) = delete;
    Dev(Dev &&o) noexcept : n_(o.n_), raw_(o.raw_) { o.raw_ = nullptr; }
    float *get() { return raw_ + kGuard; }
    std::vector<float> host() {
        std::vector<float> h(n_);
        if (n_) {
            EXPECT_EQ(cudaMemcpy(h.data(), get(), n_ * sizeof(float), cudaMemcpyDeviceToHost), cudaSuccess);
        }
        return h;
    }
    bool guards_intact() {
        std::vector<unsigned char> b((n_ + 2 * kGuard) * sizeof(float));
        EXPECT_EQ(cudaMemcpy(b.data(), raw_, b.size(), cudaMemcpyDeviceToHost), cudaSuccess);
        const size_t g = kGuard * sizeof(float);
        for (size_t i = 0; i < g; i++)
            if (b[i] != 0xFF || b[b.size() - 1 - i] != 0xFF) return false;
        return true;
    }

private:
    size_t n_;
    float *raw_ = nullptr;
};

#define LAUNCH_OK(call)                                                              \
    do {                                                                             \
        cnnc_error err_;                                                             \
        cnnc_error_clear(&err_);                                                     \
        ASSERT_EQ((call), CNNC_OK) << #call << ": " << err_.message;                 \
        ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess) << #call;                    \
    } while (0)

void CudaForward(const cnnc_layer &L, const cnnc_layer_shape &ls, std::vector<Dev> &in,
                 const std::vector<int64_t> &in_numel, float *out) {
    cudaStream_t s = 0;
    switch (L.kind) {
    case CNNC_ADD: case CNNC_SUB: case CNNC_MUL: case CNNC_DIV: {
        const cnnc_binary_params &p = L.p.binary;
        const float *a = p.scalar == CNNC_SCALAR_LEFT ? nullptr : in[0].get();
        const float *b = p.scalar == CNNC_SCALAR_NONE ? in[1].get() : p.scalar == CNNC_SCALAR_LEFT ? in[0].get() : nullptr;
        const float a_s = p.scalar == CNNC_SCALAR_LEFT ? (float)p.value : 0.0f, b_s = p.scalar == CNNC_SCALAR_RIGHT ? (float)p.value : 0.0f;
        LAUNCH_OK(binary_forward_cuda(out, a, b, a_s, b_s, (float)p.alpha, L.kind, &ls.g.bcast, s, &err_));
        break;
    }
    case CNNC_CAT: {
        int64_t at = 0;
        for (size_t k = 0; k < in.size(); k++) {
            const int64_t part = CatPart(ls, in_numel[k]);
            LAUNCH_OK(slice_copy_cuda(out, ls.g.slice.whole, at, in[k].get(), part, 0, ls.g.slice.outer, part,
                                      ls.g.slice.inner, s, &err_));
            at += part;
        }
        break;
    }
    case CNNC_EXP: LAUNCH_OK(exp_forward_cuda(out, in[0].get(), ls.out_numel, s, &err_)); break;
    case CNNC_MEAN: case CNNC_SUM:
        LAUNCH_OK(reduce_forward_cuda(out, in[0].get(), &ls.g.reduce, L.kind == CNNC_MEAN, s, &err_));
        break;
    case CNNC_NARROW: {
        const cnnc_slice_geom &g = ls.g.slice;
        LAUNCH_OK(slice_copy_cuda(out, g.part, 0, in[0].get(), g.whole, g.start, g.outer, g.part, g.inner, s, &err_));
        break;
    }
    case CNNC_PERMUTE: case CNNC_TRANSPOSE: LAUNCH_OK(permute_forward_cuda(out, in[0].get(), &ls.g.permute, s, &err_)); break;
    default: FAIL() << "no kernel for kind " << (int)L.kind;
    }
}

void CudaBackward(const cnnc_layer &L, const cnnc_layer_shape &ls, std::vector<Dev> &in, const std::vector<int64_t> &in_numel,
                  float *out, float *dout, std::vector<Dev> &din) {
    cudaStream_t s = 0;
    switch (L.kind) {
    case CNNC_ADD: case CNNC_SUB: case CNNC_MUL: case CNNC_DIV: {
        const cnnc_binary_params &p = L.p.binary;
        const bool left = p.scalar == CNNC_SCALAR_LEFT, two = p.scalar == CNNC_SCALAR_NONE;
        const float *a = left ? nullptr : in[0].get(), *b = two ? in[1].get() : left ? in[0].get() : nullptr;
        float *da = left ? nullptr : din[0].get(), *db = two ? din[1].get() : left ? din[0].get() : nullptr;
        const int64_t na = left ? 0 : in_numel[0], nb = two ? in_numel[1] : left ? in_numel[0] : 0;
        const float a_s = left ? (float)p.value : 0.0f, b_s = p.scalar == CNNC_SCALAR_RIGHT ? (float)p.value : 0.0f;
        LAUNCH_OK(binary_backward_cuda(da, na, db, nb, dout, a, b, a_s, b_s, (float)p.alpha, L.kind, &ls.g.bcast, s, &err_));
        break;
    }
    case CNNC_CAT: {
        int64_t at = 0;
        for (size_t k = 0; k < in.size(); k++) {
            const int64_t part = CatPart(ls, in_numel[k]);
            LAUNCH_OK(slice_copy_cuda(din[k].get(), part, 0, dout, ls.g.slice.whole, at, ls.g.slice.outer, part,
                                      ls.g.slice.inner, s, &err_));
            at += part;
        }
        break;
    }
    case CNNC_EXP: LAUNCH_OK(exp_backward_cuda(din[0].get(), dout, out, ls.out_numel, s, &err_)); break;
    case CNNC_MEAN: case CNNC_SUM:
        LAUNCH_OK(reduce_backward_cuda(din[0].get(), dout, &ls.g.reduce, L.kind == CNNC_MEAN, s, &err_));
        break;
    case CNNC_NARROW: LAUNCH_OK(narrow_backward_cuda(din[0].get(), dout, &ls.g.slice, s, &err_)); break;
    case CNNC_PERMUTE: case CNNC_TRANSPOSE: LAUNCH_OK(permute_backward_cuda(din[0].get(), dout, &ls.g.permute, s, &err_)); break;
    default: FAIL() << "no kernel for kind " << (int)L.kind;
    }
}

// Odd sizes, broadcasting every way, empty tensors, NaN and inf, and sums long
// enough (>= CNNC_CUDA_BLOCK_REDUCE_MIN) to take the one-block-per-output path.
const ValueCase kCases[] = {
    {"add_bcast", "a + b", Binary(CNNC_ADD), {{2, 3, 4, 5}, {3, 1, 5}}, "uu", {}},
    {"add_alpha_0d", "torch.add(a, b, alpha=-1.5)", Binary(CNNC_ADD, -1.5), {{}, {3, 7}}, "uu", {}},
    {"sub_both_bcast", "a - b", Binary(CNNC_SUB, 0.5), {{5, 1, 3}, {4, 1}}, "uu", {"n"}},
    {"mul_se", "a * b", Binary(CNNC_MUL), {{3, 5, 7, 9}, {3, 5, 1, 1}}, "uu", {"+0-"}},
    {"mul_block_path", "a * b", Binary(CNNC_MUL), {{6, 1}, {6, 1300}}, "uu", {}},
    {"mul_rows", "a * b", Binary(CNNC_MUL), {{1, 700}, {3, 700}}, "uu", {}},
    {"mul_empty", "a * b", Binary(CNNC_MUL), {{3}, {2, 0, 1}}, "uu", {}},
    {"div_nan_inf", "a / b", Binary(CNNC_DIV), {{6, 4}, {4}}, "up", {"0n+", "0+.-"}},
    {"scalar_rsub", "1 - a", Scalar(CNNC_SUB, 1.0, CNNC_SCALAR_LEFT, 2.0), {{11}}, "u", {}},
    {"scalar_rdiv", "2 / a", Scalar(CNNC_DIV, 2.0, CNNC_SCALAR_LEFT), {{3, 3}}, "p", {"0+"}},
    {"scalar_mul", "a * 0.5", Scalar(CNNC_MUL, 0.5), {{1000}}, "u", {}},
    {"scalar_add", "a + 1", Scalar(CNNC_ADD, 1.0, CNNC_SCALAR_RIGHT, 3.0), {{4, 3}}, "u", {}},
    {"cat3", "torch.cat([a, b, c], 1)", Cat(1), {{2, 3, 4}, {2, 1, 4}, {2, 2, 4}}, "uuu", {}},
    {"cat_skip", "torch.cat([a, b, c], 0)", Cat(0), {{2, 5}, {0}, {1, 5}}, "uuu", {}},
    {"exp", "a.exp()", Node(CNNC_EXP), {{37}}, "b", {"+-n0"}},
    {"mean_hw", "a.mean([2, 3])", Reduce(CNNC_MEAN, {2, 3}), {{2, 3, 5, 7}}, "u", {"n"}},
    {"mean_block_path", "a.mean([2, 3])", Reduce(CNNC_MEAN, {2, 3}), {{2, 3, 32, 33}}, "u", {}},
    {"sum_mixed", "a.sum((0, 2))", Reduce(CNNC_SUM, {0, 2}), {{3, 4, 5, 6}}, "u", {}},
    {"sum_all_block", "a.sum()", Reduce(CNNC_SUM, {}), {{40, 51}}, "u", {}},
    {"mean_empty", "a.mean(0)", Reduce(CNNC_MEAN, {0}), {{0, 3}}, "u", {}},
    {"narrow", "a.narrow(1, 2, 3)", Narrow(1, 2, 3), {{2, 7, 3}}, "u", {}},
    {"narrow_last", "a.narrow(-1, 4, 1)", Narrow(-1, 4, 1), {{3, 5}}, "u", {}},
    {"permute", "a.permute(0, 3, 1, 2)", Permute({0, 3, 1, 2}), {{2, 3, 4, 5}}, "u", {"n+"}},
    {"transpose", "a.transpose(0, -1)", Transpose(0, -1), {{3, 1, 2, 5}}, "u", {}},
};

class CudaGraphOpsKernels : public ::testing::TestWithParam<int> {};

TEST_P(CudaGraphOpsKernels, ForwardAndBackwardMatchTheCpuKernels) {
    SKIP_WITHOUT_GPU();
    const ValueCase &c = kCases[GetParam()];
    SCOPED_TRACE(std::string(c.name) + ": " + c.expr);
    ValueRun r = PrepareCase(c, 2000u + (uint32_t)GetParam());
    ASSERT_TRUE(r.ok);
    // The CPU reference.
    std::vector<float> out((size_t)r.ls.out_numel);
    CpuForward(c.layer, r.ls, Ptrs(r.in), r.in_numel, out.data());
    std::vector<std::vector<float>> din;
    std::vector<float *> dptr;
    for (auto &v : r.in) din.emplace_back(v.size());
    for (auto &d : din) dptr.push_back(d.data());
    CpuBackward(c.layer, r.ls, Ptrs(r.in), r.in_numel, out.data(), r.dout.data(), dptr);
    // The same on the device.
    std::vector<Dev> in, dd;
    for (auto &v : r.in) in.emplace_back(v);
    for (auto &v : r.in) dd.emplace_back(v.size());
    Dev dout(r.dout), dev_out((size_t)r.ls.out_numel);
    CudaForward(c.layer, r.ls, in, r.in_numel, dev_out.get());
    EXPECT_TRUE(SameValues(dev_out.host().data(), out, kTolKernel)) << "forward";
    EXPECT_TRUE(dev_out.guards_intact()) << "forward wrote outside the output";
    CudaBackward(c.layer, r.ls, in, r.in_numel, dev_out.get(), dout.get(), dd);
    for (size_t k = 0; k < r.in.size(); k++) {
        if (c.layer.kind >= CNNC_ADD && c.layer.kind <= CNNC_DIV && c.layer.p.binary.scalar != CNNC_SCALAR_NONE && k > 0) continue;
        EXPECT_TRUE(SameValues(dd[k].host().data(), din[k], kTolKernel)) << "gradient of input " << k;
        EXPECT_TRUE(dd[k].guards_intact()) << "backward wrote outside the gradient of input " << k;
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, CudaGraphOpsKernels, ::testing::Range(0, (int)(sizeof kCases / sizeof kCases[0])),
                         [](const ::testing::TestParamInfo<int> &i) { return std::string(kCases[i.param].name); });

TEST(CudaGraphOpsRandn, TheDeviceDrawsTheCpusValuesFromAnOffsetGivenOrInDeviceMemory) {
    SKIP_WITHOUT_GPU();
    const int64_t n = 5000;
    std::vector<float> cpu((size_t)n);
    randn_forward_cpu(cpu.data(), n, 77, 3ull << 40);
    Dev a((size_t)n), b((size_t)n);
    uint64_t *off = nullptr;
    ASSERT_EQ(cudaMalloc(reinterpret_cast<void **>(&off), sizeof *off), cudaSuccess);
    const uint64_t o = 3ull << 40;
    ASSERT_EQ(cudaMemcpy(off, &o, sizeof o, cudaMemcpyHostToDevice), cudaSuccess);
    LAUNCH_OK(randn_forward_cuda(a.get(), n, 77, 3ull << 40, 0, &err_));
    LAUNCH_OK(randn_forward_devoffset_cuda(b.get(), n, 77, off, 0, &err_));
    cudaFree(off);
    EXPECT_TRUE(SameValues(a.host().data(), cpu, kTolKernel));
    EXPECT_EQ(a.host(), b.host());
    EXPECT_TRUE(a.guards_intact());
}

// ---- the graphs through the CUDA engine against the CPU engine ----

struct Engine {
    cnnc_engine *e = nullptr;
    ~Engine() { cnnc_engine_free(e); }
};

std::string ErrLine(const cnnc_error &err) {
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(&err, line, sizeof line);
    return line;
}

cnnc_status Make(cnnc_model *m, cnnc_device_kind dev, int no_graph, Engine *out, cnnc_error *err) {
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.device = dev;
    cfg.conv = CNNC_CONV_GEMM;
    cfg.max_batch = 6;
    cfg.sample = ShapeOf({1, 28, 28});
    cfg.seed = 99;
    cfg.no_graph = no_graph;
    cfg.optim = cnnc_optim_default(CNNC_OPTIM_SGD);
    cfg.optim.lr = 0.1f;
    cfg.optim.momentum = 0.9f;
    return cnnc_engine_create(m, &cfg, &out->e, nullptr, 0, err);
}

std::vector<float> Params(cnnc_engine *e, bool grads) {
    std::vector<float> all;
    cnnc_error err;
    cnnc_error_clear(&err);
    for (int32_t i = 0; i < cnnc_engine_param_count(e); i++) {
        const cnnc_param_info *p = cnnc_engine_param(e, i);
        std::vector<float> v((size_t)p->numel);
        EXPECT_EQ(grads ? cnnc_engine_read_grad(e, i, v.data(), &err) : cnnc_engine_read_param(e, i, v.data(), &err), CNNC_OK);
        all.insert(all.end(), v.begin(), v.end());
    }
    return all;
}

std::vector<float> Output(cnnc_engine *e, size_t n) {
    std::vector<float> o(n);
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_engine_read_output(e, o.data(), &err), CNNC_OK) << ErrLine(err);
    return o;
}

class CudaGraphOpsEngine : public ::testing::TestWithParam<const char *> {};

TEST_P(CudaGraphOpsEngine, ForwardBackwardAndReplayedStepsMatchTheCpuEngine) {
    SKIP_WITHOUT_GPU();
    Graph g;
    BuildGraph(GetParam(), &g);
    cnnc_model *m = g.finish();
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine cpu, gpu;
    ASSERT_EQ(Make(m, CNNC_DEVICE_CPU, 0, &cpu, &err), CNNC_OK) << ErrLine(err);
    ASSERT_EQ(Make(m, CNNC_DEVICE_CUDA, 0, &gpu, &err), CNNC_OK) << ErrLine(err);
    ASSERT_STREQ(cnnc_engine_backend_name(gpu.e), "cuda");
    for (int32_t i = 0; i < cnnc_engine_param_count(cpu.e); i++) {   // the same start (init is per backend)
        const cnnc_param_info *p = cnnc_engine_param(cpu.e, i);
        std::vector<float> v((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_param(cpu.e, i, v.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_write_param(gpu.e, i, v.data(), &err), CNNC_OK);
    }
    const int64_t N = 5;   // below max_batch
    std::vector<float> x((size_t)(N * 784));
    std::vector<int64_t> y((size_t)N);
    uint64_t s = 42;
    for (auto &v : x) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        v = (float)((s >> 40) * (1.0 / 16777216.0)) * 2.0f - 1.0f;
    }
    for (int64_t i = 0; i < N; i++) y[(size_t)i] = (i * 3 + 1) % 10;
    cnnc_shape xs = ShapeOf({N, 1, 28, 28});
    for (cnnc_engine *e : {cpu.e, gpu.e}) ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &xs, y.data(), &err), CNNC_OK) << ErrLine(err);
    for (cnnc_engine *e : {cpu.e, gpu.e}) ASSERT_EQ(cnnc_engine_forward(e, 1, &err), CNNC_OK) << ErrLine(err);
    EXPECT_TRUE(SameValues(Output(gpu.e, N * 10).data(), Output(cpu.e, N * 10), kTolEngine)) << "train forward";
    float lg = 0, lc = 0;
    ASSERT_EQ(cnnc_engine_loss(gpu.e, 1, &lg, &err), CNNC_OK) << ErrLine(err);
    ASSERT_EQ(cnnc_engine_loss(cpu.e, 1, &lc, &err), CNNC_OK) << ErrLine(err);
    EXPECT_NEAR(lg, lc, 1e-5 * std::fabs(lc) + 1e-6);
    EXPECT_TRUE(SameValues(Params(gpu.e, true).data(), Params(cpu.e, true), kTolEngine)) << "gradients";
    for (cnnc_engine *e : {cpu.e, gpu.e}) ASSERT_EQ(cnnc_engine_forward(e, 0, &err), CNNC_OK) << ErrLine(err);
    EXPECT_TRUE(SameValues(Output(gpu.e, N * 10).data(), Output(cpu.e, N * 10), kTolEngine)) << "eval forward";
    // Whole steps: the CUDA engine captures the first as a graph and replays it.
    for (int k = 0; k < 3; k++) {
        ASSERT_EQ(cnnc_engine_train_step(gpu.e, &lg, &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_train_step(cpu.e, &lc, &err), CNNC_OK) << ErrLine(err);
        EXPECT_NEAR(lg, lc, 1e-5 * std::fabs(lc) + 1e-6) << "step " << k;
    }
    EXPECT_TRUE(SameValues(Params(gpu.e, false).data(), Params(cpu.e, false), kTolEngine)) << "after the steps";
    EXPECT_EQ(cnnc_engine_rng_counter(gpu.e), cnnc_engine_rng_counter(cpu.e));
}

INSTANTIATE_TEST_SUITE_P(Graphs, CudaGraphOpsEngine, ::testing::Values("residual", "cat", "ops", "vae"),
                         [](const ::testing::TestParamInfo<const char *> &i) { return std::string(i.param); });

// A replayed graph reads its RNG offset from device memory: each replay draws
// new noise, exactly what the step-by-step path (--no-graph) draws.
TEST(CudaGraphOpsEngineRandn, ReplayedStepsDrawWhatTheStepByStepPathDraws) {
    SKIP_WITHOUT_GPU();
    Graph g;
    BuildGraph("vae", &g);
    cnnc_model *m = g.finish();
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine replayed, stepped;
    ASSERT_EQ(Make(m, CNNC_DEVICE_CUDA, 0, &replayed, &err), CNNC_OK) << ErrLine(err);
    ASSERT_EQ(Make(m, CNNC_DEVICE_CUDA, 1, &stepped, &err), CNNC_OK) << ErrLine(err);
    for (int32_t i = 0; i < cnnc_engine_param_count(replayed.e); i++) {
        const cnnc_param_info *p = cnnc_engine_param(replayed.e, i);
        std::vector<float> v((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_param(replayed.e, i, v.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_write_param(stepped.e, i, v.data(), &err), CNNC_OK);
    }
    std::vector<float> x(3 * 784, 0.5f);
    std::vector<int64_t> y = {1, 2, 3};
    cnnc_shape xs = ShapeOf({3, 1, 28, 28});
    std::vector<float> losses[2];
    for (int which = 0; which < 2; which++) {
        cnnc_engine *e = which ? stepped.e : replayed.e;
        ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &xs, y.data(), &err), CNNC_OK);
        for (int k = 0; k < 4; k++) {
            float l = 0;
            ASSERT_EQ(cnnc_engine_train_step(e, &l, &err), CNNC_OK) << ErrLine(err);
            losses[which].push_back(l);
        }
        EXPECT_EQ(cnnc_engine_rng_counter(e), 4u);
    }
    EXPECT_EQ(losses[0], losses[1]);
    EXPECT_EQ(Params(replayed.e, false), Params(stepped.e, false));
}

}  // namespace

#endif  // CNNC_HAVE_CUDA
