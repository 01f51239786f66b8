// cuda_backend_test.cpp — the CUDA backend: why no GPU is usable (runs on any
// machine), and on a GPU, every layer's forward and backward against the CPU
// backend through the engine API, both conv engines, whole training steps,
// shape errors before anything runs, and out-of-memory reports.
// GPU tests skip with the reason cnnc_cuda_device_count gives.
#include <gtest/gtest.h>

#include <dlfcn.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#if defined(CNNC_HAVE_CUDA)
#include <cuda_runtime_api.h>
#endif

// The engine tests need the shared engine (src/engine/engine.c); the CUDA
// backend branch builds before it lands, so they compile in once it exists.
#if defined(CNNC_HAVE_CUDA) && (defined(CNNC_TEST_FORCE_ENGINE) || __has_include("engine/engine.c"))
#define CNNC_TEST_ENGINE 1
#endif

namespace {

#if defined(CNNC_HAVE_CUDA)
bool LibcudaLoads() {
    void *h = dlopen("libcuda.so.1", RTLD_LAZY | RTLD_LOCAL);
    if (!h) return false;
    dlclose(h);
    return true;
}
#endif

bool Contains(const std::string &s, const std::string &part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST(CudaDevices, CountIsZeroWithTheCauseNamedWhenNoGpuIsUsable) {
    cnnc_error err;
    cnnc_error_clear(&err);
    int n = cnnc_cuda_device_count(&err);
    if (n > 0) GTEST_SKIP() << n << " GPU(s) visible: the no-GPU reasons cannot be observed here";
    EXPECT_EQ(n, 0);
    EXPECT_EQ(err.status, CNNC_ERR_DEVICE);
    EXPECT_STREQ(err.type, "RuntimeError");
    const std::string msg = err.message;
    RecordProperty("reason", msg);
#if !defined(CNNC_HAVE_CUDA)
    EXPECT_TRUE(Contains(msg, "built without CUDA")) << msg;
#else
    if (!LibcudaLoads()) {
        // PyTorch's words, then ours.
        EXPECT_EQ(msg.rfind("Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU "
                            "and installed a driver from http://www.nvidia.com/Download/index.aspx",
                            0),
                  0u)
            << msg;
        EXPECT_TRUE(Contains(msg, "no driver: libcuda.so could not be loaded")) << msg;
        const std::string built = "CUDA runtime " + std::to_string(CUDART_VERSION / 1000) + "." +
                                  std::to_string(CUDART_VERSION % 1000 / 10);
        EXPECT_TRUE(Contains(msg, built)) << msg;
    } else {
        EXPECT_TRUE(Contains(msg, "no device") || Contains(msg, "driver too old") ||
                    Contains(msg, "CUDA initialization failed"))
            << msg;
    }
#endif
}

TEST(CudaDevices, CountingTwiceGivesTheSameAnswerAndLeavesNoStickyError) {
    cnnc_error a, b;
    cnnc_error_clear(&a);
    cnnc_error_clear(&b);
    int n1 = cnnc_cuda_device_count(&a);
    int n2 = cnnc_cuda_device_count(&b);
    EXPECT_EQ(n1, n2);
    EXPECT_STREQ(a.message, b.message);
#if defined(CNNC_HAVE_CUDA)
    // Without a driver every runtime call re-reports the init failure; with
    // GPUs, counting must not leave an error for the next CUDA call to find.
    if (n1 > 0) {
        EXPECT_EQ(cudaPeekAtLastError(), cudaSuccess);
    }
#endif
}

TEST(CudaDevices, InfoForADeviceThatDoesNotExistIsAnErrorNotACrash) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_device_info info;
    std::memset(&info, 0x5a, sizeof info);
    EXPECT_EQ(cnnc_cuda_device_info(99, &info, &err), CNNC_ERR_DEVICE);
    EXPECT_NE(err.message[0], '\0');
    cnnc_error probe;
    cnnc_error_clear(&probe);
    if (cnnc_cuda_device_count(&probe) > 0) {
        EXPECT_TRUE(Contains(err.message, "invalid device ordinal (device 99 requested;")) << err.message;
    }
}

TEST(CudaDevices, VersionsNameTheRuntimeDriverCublasAndCudnn) {
    char buf[256];
    cnnc_cuda_versions(buf, sizeof buf);
    const std::string v = buf;
#if !defined(CNNC_HAVE_CUDA)
    EXPECT_EQ(v, "built without CUDA");
#else
    const std::string rt = "CUDA runtime " + std::to_string(CUDART_VERSION / 1000) + "." +
                           std::to_string(CUDART_VERSION % 1000 / 10) + ", driver ";
    EXPECT_EQ(v.rfind(rt, 0), 0u) << v;
    if (!LibcudaLoads()) {
        EXPECT_TRUE(Contains(v, ", driver none, ")) << v;
    }
    // cuBLAS reports its own version with no GPU: 13.x.y with CUDA 13.
    EXPECT_TRUE(Contains(v, ", cuBLAS " + std::to_string(CUDART_VERSION / 1000) + ".")) << v;
#if defined(CNNC_HAVE_CUDNN)
    EXPECT_TRUE(Contains(v, ", cuDNN 9.")) << v;
#else
    EXPECT_TRUE(Contains(v, ", cuDNN not built in")) << v;
#endif
#endif
}

TEST(CudaDevices, VersionsNeverWritePastTheBuffer) {
    char buf[16];
    std::memset(buf, 'x', sizeof buf);
    cnnc_cuda_versions(buf, 8);
    EXPECT_EQ(std::strlen(buf), 7u);
    EXPECT_EQ(buf[8], 'x');
}

#if defined(CNNC_TEST_ENGINE)
namespace {

constexpr double kTolFp32 = 1e-5;   // rel L2, fp32 GEMMs vs OpenBLAS
constexpr double kTolTf32 = 1e-3;   // rel L2 with TF32 tensor cores
// cuDNN may time-pick FFT or Winograd algorithms, whose fp32 rounding differs
// more from a direct sum than im2col+SGEMM does; index bugs show as O(1).
constexpr double kTolCudnn = 1e-4;
// --precision bf16, GPU against the CPU's emulation: both round the same
// operands to bf16 (nearest even) and sum in fp32 in different orders, so an
// operand one fp32 ulp apart sometimes rounds to the other bf16 neighbour.
// Rounding toward zero instead would bias every product by ~2^-8 and fail this.
constexpr double kTolBf16 = 1e-3;
// ...while bf16 itself moves results from fp32 by ~1e-3 to 1e-2 (logits, grads).
constexpr double kBf16MovesAtLeast = 1e-4;

#define SKIP_WITHOUT_GPU()                                                        \
    do {                                                                          \
        cnnc_error e_;                                                            \
        cnnc_error_clear(&e_);                                                    \
        if (cnnc_cuda_device_count(&e_) == 0) GTEST_SKIP() << "no usable GPU: " << e_.message; \
    } while (0)

// ||got - want|| / max(||want||, floor). The floor lets a tensor that is
// mathematically zero (a conv bias gradient ahead of a training-mode BatchNorm:
// BatchNorm's input gradient has zero mean per channel) be compared against the
// scale of the whole gradient instead of its own rounding noise.
double RelL2(const std::vector<float> &got, const std::vector<float> &want, double floor = 0.0) {
    double d = 0, w = 0;
    for (size_t i = 0; i < want.size(); i++) {
        d += (double)(got[i] - want[i]) * (got[i] - want[i]);
        w += (double)want[i] * want[i];
    }
    const double denom = std::max(std::sqrt(w), floor);
    return denom > 0 ? std::sqrt(d) / denom : std::sqrt(d);
}

std::string ErrLine(const cnnc_error &err) {
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(&err, line, sizeof line);
    return line;
}

struct Model {
    cnnc_model *m = nullptr;
    explicit Model(const std::string &text) {
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text.c_str(), text.size(), "<test>", &m, &err), CNNC_OK) << ErrLine(err);
    }
    ~Model() { cnnc_model_free(m); }
};

struct Engine {
    cnnc_engine *e = nullptr;
    ~Engine() { cnnc_engine_free(e); }
};

enum Precision { kFp32 = 0, kTf32 = 1, kBf16 = 2 };

cnnc_status MakeEngine(const cnnc_model *m, cnnc_device_kind dev, cnnc_conv_engine conv, int64_t max_batch,
                       cnnc_optim_config optim, int precision, Engine *out, cnnc_error *err) {
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.device = dev;
    cfg.conv = conv;
    cfg.max_batch = max_batch;
    cfg.seed = 1234;
    cfg.optim = optim;
    cfg.tf32 = precision == kTf32;
    cfg.bf16 = precision == kBf16;
    char note[256] = "";
    return cnnc_engine_create(m, &cfg, &out->e, note, sizeof note, err);
}

// Same parameters and buffers on both engines (init need not agree across backends).
void CopyParams(cnnc_engine *from, cnnc_engine *to) {
    cnnc_error err;
    cnnc_error_clear(&err);
    for (int32_t i = 0; i < cnnc_engine_param_count(from); i++) {
        const cnnc_param_info *p = cnnc_engine_param(from, i);
        std::vector<int64_t> buf((size_t)p->numel + 1);
        ASSERT_EQ(cnnc_engine_read_param(from, i, buf.data(), &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_write_param(to, i, buf.data(), &err), CNNC_OK) << ErrLine(err);
    }
}

// Deterministic inputs: an LCG in [-1, 1), labels in [0, classes).
void MakeBatch(int64_t n, const std::vector<int64_t> &sample, int64_t classes, std::vector<float> *x,
               std::vector<int64_t> *y, cnnc_shape *shape) {
    shape->ndim = (int32_t)sample.size() + 1;
    shape->d[0] = n;
    int64_t numel = n;
    for (size_t i = 0; i < sample.size(); i++) {
        shape->d[i + 1] = sample[i];
        numel *= sample[i];
    }
    uint64_t s = 0x9e3779b97f4a7c15ull;
    x->resize((size_t)numel);
    for (auto &v : *x) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        v = (float)((s >> 40) * (1.0 / 16777216.0)) * 2.0f - 1.0f;
    }
    y->resize((size_t)n);
    for (int64_t i = 0; i < n; i++) (*y)[(size_t)i] = (i * 7 + 3) % classes;
}

std::vector<float> Output(cnnc_engine *e, size_t count) {
    cnnc_error err;
    cnnc_error_clear(&err);
    std::vector<float> out(count);
    EXPECT_EQ(cnnc_engine_read_output(e, out.data(), &err), CNNC_OK) << ErrLine(err);
    return out;
}

// Compare every F32 parameter/buffer (and with grads, every gradient).
void ExpectSameState(cnnc_engine *gpu, cnnc_engine *cpu, bool grads, double tol, const char *when) {
    cnnc_error err;
    cnnc_error_clear(&err);
    double grad_norm = 0;  // of the CPU's whole gradient, the floor for near-zero gradient tensors
    for (int32_t i = 0; grads && i < cnnc_engine_param_count(cpu); i++) {
        const cnnc_param_info *p = cnnc_engine_param(cpu, i);
        if (!p->trainable) continue;
        std::vector<float> g((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_grad(cpu, i, g.data(), &err), CNNC_OK) << ErrLine(err);
        for (float v : g) grad_norm += (double)v * v;
    }
    grad_norm = std::sqrt(grad_norm);
    for (int32_t i = 0; i < cnnc_engine_param_count(cpu); i++) {
        const cnnc_param_info *p = cnnc_engine_param(cpu, i);
        if (p->dtype == CNNC_I64) {
            int64_t a = -1, b = -2;
            ASSERT_EQ(cnnc_engine_read_param(gpu, i, &a, &err), CNNC_OK) << ErrLine(err);
            ASSERT_EQ(cnnc_engine_read_param(cpu, i, &b, &err), CNNC_OK) << ErrLine(err);
            EXPECT_EQ(a, b) << p->name << " " << when;
            continue;
        }
        std::vector<float> a((size_t)p->numel), b((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_param(gpu, i, a.data(), &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_read_param(cpu, i, b.data(), &err), CNNC_OK) << ErrLine(err);
        EXPECT_LE(RelL2(a, b), tol) << p->name << " " << when;
        if (grads && p->trainable) {
            ASSERT_EQ(cnnc_engine_read_grad(gpu, i, a.data(), &err), CNNC_OK) << ErrLine(err);
            ASSERT_EQ(cnnc_engine_read_grad(cpu, i, b.data(), &err), CNNC_OK) << ErrLine(err);
            EXPECT_LE(RelL2(a, b, grad_norm), tol) << "grad of " << p->name << " " << when;
        }
    }
}

struct LayerCase {
    const char *name;
    const char *model;
    std::vector<int64_t> sample;
    int64_t classes;
};

const LayerCase kLayerCases[] = {
    {"ConvStridedPadded", "input = (3, 10, 10)\nconv = Conv2d(3, 6, 3, stride=2, padding=1)\nflat = Flatten()\n"
                          "fc = Linear(150, 4)\n", {3, 10, 10}, 4},
    {"ConvGroupedDilated", "input = (4, 11, 9)\nconv = Conv2d(4, 6, kernel_size=3, padding=2, dilation=2, groups=2)\n"
                           "flat = Flatten()\nfc = Linear(594, 3)\n", {4, 11, 9}, 3},
    {"ConvSameEvenKernelNoBias", "input = (2, 7, 7)\nconv = Conv2d(2, 3, kernel_size=4, padding='same', bias=False)\n"
                                 "flat = Flatten()\nfc = Linear(147, 5)\n", {2, 7, 7}, 5},
    {"ReluMaxPoolCeilAvgPool", "input = (3, 9, 9)\nconv = Conv2d(3, 4, 3)\nrelu = ReLU()\n"
                               "pool = MaxPool2d(2, ceil_mode=True)\n"
                               "avg = AvgPool2d(3, stride=1, padding=1, count_include_pad=False)\n"
                               "flat = Flatten()\nfc = Linear(64, 3)\n", {3, 9, 9}, 3},
    {"BatchNormDropout", "input = (3, 6, 6)\nconv = Conv2d(3, 5, 3, padding=1)\nbn = BatchNorm2d(5)\nrelu = ReLU()\n"
                         "drop = Dropout(0.3)\nflat = Flatten()\nfc = Linear(180, 4)\n", {3, 6, 6}, 4},
    {"BatchNormCumulativeNoAffine", "input = (3, 6, 6)\nconv = Conv2d(3, 5, 3, padding=1)\n"
                                    "bn = BatchNorm2d(5, momentum=None, affine=False)\nflat = Flatten()\n"
                                    "fc = Linear(180, 4)\n", {3, 6, 6}, 4},
    {"BatchNormWithoutRunningStats", "input = (3, 6, 6)\nconv = Conv2d(3, 5, 3, padding=1)\n"
                                     "bn = BatchNorm2d(5, track_running_stats=False)\nflat = Flatten()\n"
                                     "fc = Linear(180, 4)\n", {3, 6, 6}, 4},
    // 8 x 48 x 48 = 18432 values a channel at batch 8: BatchNorm's sliced path (5: one block per channel).
    {"BatchNormFewChannelsManyValues", "input = (1, 48, 48)\nconv = Conv2d(1, 4, 3, padding=1)\nbn = BatchNorm2d(4)\n"
                                       "relu = ReLU()\npool = MaxPool2d(4)\nflat = Flatten()\nfc = Linear(576, 3)\n",
     {1, 48, 48}, 3},
    // ConvTranspose2d on the GEMM engine as a transposed convolution: DCGAN's 1x1 -> 4x4 and stride-2
    // layers, UNet's kernel-2 up-sampling; then groups, dilation and output_padding together.
    {"ConvTransposeDcganUnet", "input = (16, 1, 1)\nup1 = ConvTranspose2d(16, 8, 4, 1, 0, bias=False)\nbn = BatchNorm2d(8)\n"
                               "relu = ReLU()\nup2 = ConvTranspose2d(8, 4, 4, 2, 1)\nunet = ConvTranspose2d(4, 2, 2, stride=2)\n"
                               "flat = Flatten()\nfc = Linear(512, 3)\n", {16, 1, 1}, 3},
    {"ConvTransposeGroupsDilationOutputPadding",
     "input = (4, 5, 6)\nup = ConvTranspose2d(4, 6, (3, 2), stride=(2, 3), padding=(1, 0), output_padding=(1, 2), "
     "groups=2, dilation=(2, 1))\nflat = Flatten()\nfc = Linear(1368, 3)\n", {4, 5, 6}, 3},
    // InstanceNorm2d with running statistics (eval normalises with them) and GroupNorm.
    {"InstanceNormGroupNorm", "input = (3, 6, 6)\nconv = Conv2d(3, 4, 3, padding=1)\n"
                              "inorm = InstanceNorm2d(4, momentum=0.2, affine=True, track_running_stats=True)\n"
                              "relu = ReLU()\ngn = GroupNorm(2, 4)\nflat = Flatten()\nfc = Linear(144, 3)\n", {3, 6, 6}, 3},
    // BatchNorm1d on [N, C, L] and [N, C] (cumulative), LayerNorm over two dims.
    {"BatchNorm1dLayerNorm", "input = (3, 6, 6)\nconv = Conv2d(3, 4, 3, padding=1)\nrows = Flatten(start_dim=2)\n"
                             "bn = BatchNorm1d(4, momentum=None)\nln = LayerNorm((4, 36))\nflat = Flatten()\n"
                             "fc = Linear(144, 8, bias=False)\nbn2 = BatchNorm1d(8)\nrelu = ReLU()\nout = Linear(8, 3)\n",
     {3, 6, 6}, 3},
    {"SeedNet", "input = (1, 28, 28)\nconv1 = Sequential(Conv2d(1, 16, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
                "conv2 = Sequential(Conv2d(16, 32, 5, 1, 2), ReLU(), MaxPool2d(2))\nflat = Flatten()\n"
                "out = Linear(32 * 7 * 7, 10)\n", {1, 28, 28}, 10},
    // The activation kinds, in-place ELU (backward from its output) and Identity.
    {"Activations", "input = (2, 6, 6)\nconv = Sequential(Conv2d(2, 4, 3, padding=1), Sigmoid(), Tanh(), ReLU6())\n"
                    "clip = Sequential(Conv2d(4, 4, 1), Hardtanh(-0.5, 0.5), ELU(0.7, inplace=True), Identity())\n"
                    "smooth = Sequential(Conv2d(4, 4, 3, padding=1), GELU(), GELU(approximate='tanh'), SiLU())\n"
                    "flat = Flatten()\nfc = Linear(144, 3)\n", {2, 6, 6}, 3},
    // Softmax over the channels (a dim before the last), Dropout2d's plane masks in training.
    {"SoftmaxChannelsDropout2d", "input = (3, 5, 5)\nconv = Conv2d(3, 4, 3)\nmix = Softmax(dim=1)\n"
                                 "drop = Dropout2d(0.4)\nflat = Flatten()\nfc = Linear(36, 4)\n", {3, 5, 5}, 4},
    // A LogSoftmax output: the loss is NLLLoss on both backends.
    {"LogSoftmaxNll", "input = (1, 6, 6)\nconv = Sequential(Conv2d(1, 3, 3), ELU())\nflat = Flatten()\n"
                      "fc = Linear(48, 5)\nout = LogSoftmax(dim=1)\n", {1, 6, 6}, 5},
    {"AdaptivePoolsBilinear", "input = (3, 9, 8)\nconv = Conv2d(3, 4, 3, padding=1)\namax = AdaptiveMaxPool2d((5, None))\n"
                              "up = Upsample(scale_factor=1.5, mode='bilinear')\n"
                              "upac = UpsamplingBilinear2d(size=(9, 7))\naavg = AdaptiveAvgPool2d((3, 4))\n"
                              "flat = Flatten()\nfc = Linear(48, 4)\n", {3, 9, 8}, 4},
    {"PaddingNearestUnflatten", "input = (2, 6, 7)\nrefl = ReflectionPad2d((2, 1, 1, 2))\nconv = Conv2d(2, 3, 3)\n"
                                "crop = ZeroPad2d((-1, 1, 0, 1))\nrep = ReplicationPad2d(2)\n"
                                "near = Upsample(scale_factor=(1.3, 2.0))\nflat = Flatten()\nfc = Linear(1080, 12)\n"
                                "unflat = Unflatten(1, (3, 4))\ncut = ConstantPad2d((0, 0, 0, -1), 0.5)\n"
                                "flat2 = Flatten()\nout = Linear(8, 3)\n", {2, 6, 7}, 3},
    // Hardswish, PReLU (per channel, then one weight), the sub-pixel shuffles, Hardsigmoid,
    // Softplus, Mish and Hardshrink in a chain.
    {"MobileActivationsShuffles", "input = (2, 6, 6)\nconv = Conv2d(2, 4, 3, padding=1)\n"
                                  "act = Sequential(Hardswish(), PReLU(4), PixelUnshuffle(2), Hardsigmoid())\n"
                                  "conv2 = Conv2d(16, 8, 1)\nup = Sequential(PixelShuffle(2), Softplus(2, 3), Mish(), "
                                  "PReLU(init=0.1), Hardshrink(0.05))\nflat = Flatten()\nfc = Linear(72, 3)\n",
     {2, 6, 6}, 3},
    // expand, expand_as, repeat and strided slices in a graph model file.
    {"ExpandRepeatSlices", "import torch\ninput = (2, 6, 6)\nconv = Conv2d(2, 4, 3, padding=1)\n"
                           "fc = Linear(4 * 3 * 6 * 2, 3)\n\n\ndef forward(x):\n    h = conv(x)\n"
                           "    g = h.mean((2, 3), keepdim=True)\n"
                           "    h = h * g.expand_as(h) + g.expand(-1, -1, 6, 6)\n"
                           "    h = torch.slice_copy(h, 2, 1, None, 2).repeat(1, 1, 1, 2)\n"
                           "    return fc(torch.slice_copy(h, 3, 0, None, 1).flatten(1))\n",
     {2, 6, 6}, 3},
};

const char *kSeedNet = "input = (1, 28, 28)\nconv1 = Sequential(Conv2d(1, 16, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
                       "conv2 = Sequential(Conv2d(16, 32, 5, 1, 2), ReLU(), MaxPool2d(2))\nflat = Flatten()\n"
                       "out = Linear(32 * 7 * 7, 10)\n";

class CudaLayerParity : public ::testing::TestWithParam<std::tuple<int, cnnc_conv_engine>> {};

// Forward (train and eval), loss and backward of a batch smaller than
// max_batch (so cuDNN re-describes its tensors) agree with the CPU backend.
TEST_P(CudaLayerParity, ForwardAndBackwardMatchTheCpuBackend) {
    SKIP_WITHOUT_GPU();
    const LayerCase &c = kLayerCases[std::get<0>(GetParam())];
    const cnnc_conv_engine conv = std::get<1>(GetParam());
#if !defined(CNNC_HAVE_CUDNN)
    if (conv == CNNC_CONV_CUDNN) GTEST_SKIP() << "built without cuDNN";
#endif
    const double tol = conv == CNNC_CONV_CUDNN ? kTolCudnn : kTolFp32;  // direct: fp32 sums, like GEMM
    Model model(c.model);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine cpu, gpu;
    const cnnc_optim_config sgd = cnnc_optim_default(CNNC_OPTIM_SGD);
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CPU, CNNC_CONV_AUTO, 8, sgd, 0, &cpu, &err), CNNC_OK) << ErrLine(err);
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, conv, 8, sgd, 0, &gpu, &err), CNNC_OK) << ErrLine(err);
    ASSERT_STREQ(cnnc_engine_backend_name(gpu.e), "cuda");
    CopyParams(cpu.e, gpu.e);

    for (int64_t n : {int64_t(5), int64_t(8)}) {
        SCOPED_TRACE("batch " + std::to_string(n));
        std::vector<float> x;
        std::vector<int64_t> y;
        cnnc_shape shape;
        MakeBatch(n, c.sample, c.classes, &x, &y, &shape);
        for (cnnc_engine *e : {cpu.e, gpu.e}) ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &shape, y.data(), &err), CNNC_OK) << ErrLine(err);
        for (cnnc_engine *e : {cpu.e, gpu.e}) ASSERT_EQ(cnnc_engine_forward(e, 1, &err), CNNC_OK) << ErrLine(err);
        const size_t count = (size_t)(n * c.classes);
        EXPECT_LE(RelL2(Output(gpu.e, count), Output(cpu.e, count)), tol) << "train forward";
        float lg = 0, lc = 0;
        ASSERT_EQ(cnnc_engine_loss(gpu.e, 1, &lg, &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_loss(cpu.e, 1, &lc, &err), CNNC_OK) << ErrLine(err);
        EXPECT_NEAR(lg, lc, 1e-5 * std::fabs(lc) + 1e-6);
        ExpectSameState(gpu.e, cpu.e, true, tol, "after backward");
        for (cnnc_engine *e : {cpu.e, gpu.e}) ASSERT_EQ(cnnc_engine_forward(e, 0, &err), CNNC_OK) << ErrLine(err);
        EXPECT_LE(RelL2(Output(gpu.e, count), Output(cpu.e, count)), tol) << "eval forward";
    }
}

INSTANTIATE_TEST_SUITE_P(
    Layers, CudaLayerParity,
    ::testing::Combine(::testing::Range(0, (int)(sizeof kLayerCases / sizeof kLayerCases[0])),
                       ::testing::Values(CNNC_CONV_GEMM, CNNC_CONV_CUDNN, CNNC_CONV_DIRECT)),
    [](const ::testing::TestParamInfo<std::tuple<int, cnnc_conv_engine>> &info) {
        const cnnc_conv_engine c = std::get<1>(info.param);
        return std::string(kLayerCases[std::get<0>(info.param)].name) +
               (c == CNNC_CONV_GEMM ? "_Gemm" : c == CNNC_CONV_CUDNN ? "_Cudnn" : "_Direct");
    });

// Whole training steps (forward, loss, backward, optimizer) on the seed net.
void TrainStepsMatchCpu(cnnc_optim_kind kind, int steps, double tol, cnnc_conv_engine conv, int precision = kFp32,
                        double loss_tol = 1e-5) {
    Model model(kSeedNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_optim_config o = cnnc_optim_default(kind);
    if (kind == CNNC_OPTIM_SGD) o.momentum = 0.9f, o.weight_decay = 1e-4f;
    Engine cpu, gpu;
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CPU, CNNC_CONV_AUTO, 16, o, precision, &cpu, &err), CNNC_OK) << ErrLine(err);
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, conv, 16, o, precision, &gpu, &err), CNNC_OK) << ErrLine(err);
    CopyParams(cpu.e, gpu.e);
    std::vector<float> x;
    std::vector<int64_t> y;
    cnnc_shape shape;
    MakeBatch(16, {1, 28, 28}, 10, &x, &y, &shape);
    for (int s = 0; s < steps; s++) {
        float lg = 0, lc = 0;
        ASSERT_EQ(cnnc_engine_set_batch(gpu.e, x.data(), &shape, y.data(), &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_set_batch(cpu.e, x.data(), &shape, y.data(), &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_train_step(gpu.e, &lg, &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_train_step(cpu.e, &lc, &err), CNNC_OK) << ErrLine(err);
        EXPECT_NEAR(lg, lc, loss_tol * std::fabs(lc) + 1e-6) << "step " << s;
    }
    ExpectSameState(gpu.e, cpu.e, false, tol, "after the optimizer steps");
    std::vector<float> m1((size_t)cnnc_engine_trainable_floats(cpu.e)), v1(m1.size()), m2(m1.size()), v2(m1.size());
    int64_t st1 = 0, st2 = 0;
    ASSERT_EQ(cnnc_engine_read_optim_state(gpu.e, m1.data(), v1.data(), &st1, &err), CNNC_OK) << ErrLine(err);
    ASSERT_EQ(cnnc_engine_read_optim_state(cpu.e, m2.data(), v2.data(), &st2, &err), CNNC_OK) << ErrLine(err);
    EXPECT_EQ(st1, st2);
    EXPECT_LE(RelL2(m1, m2), tol) << "optimizer first moment / momentum";
}

TEST(CudaTraining, TwoSgdMomentumStepsMatchTheCpuWithTheGemmEngine) {
    SKIP_WITHOUT_GPU();
    TrainStepsMatchCpu(CNNC_OPTIM_SGD, 2, kTolFp32, CNNC_CONV_GEMM);
}

// conv1 on the direct engine (conv2 stays on GEMM: 400 taps).
TEST(CudaTraining, TwoSgdMomentumStepsMatchTheCpuWithTheDirectEngine) {
    SKIP_WITHOUT_GPU();
    TrainStepsMatchCpu(CNNC_OPTIM_SGD, 2, kTolFp32, CNNC_CONV_DIRECT);
}

// Adam's first step is ~lr*sign(grad): a gradient near zero whose rounding
// differs moves by up to 2*lr, hence the looser bound on parameters.
TEST(CudaTraining, AnAdamStepMatchesTheCpuWithEitherConvEngine) {
    SKIP_WITHOUT_GPU();
    TrainStepsMatchCpu(CNNC_OPTIM_ADAM, 1, 1e-4, CNNC_CONV_GEMM);
#if defined(CNNC_HAVE_CUDNN)
    TrainStepsMatchCpu(CNNC_OPTIM_ADAM, 1, 1e-4, CNNC_CONV_CUDNN);
#endif
}

TEST(CudaTraining, Tf32ForwardStaysWithinTf32ToleranceOfTheCpu) {
    SKIP_WITHOUT_GPU();
    Model model(kSeedNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine cpu, gpu;
    const cnnc_optim_config sgd = cnnc_optim_default(CNNC_OPTIM_SGD);
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CPU, CNNC_CONV_AUTO, 32, sgd, 0, &cpu, &err), CNNC_OK) << ErrLine(err);
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_AUTO, 32, sgd, 1, &gpu, &err), CNNC_OK) << ErrLine(err);
    CopyParams(cpu.e, gpu.e);
    std::vector<float> x;
    std::vector<int64_t> y;
    cnnc_shape shape;
    MakeBatch(32, {1, 28, 28}, 10, &x, &y, &shape);
    for (cnnc_engine *e : {cpu.e, gpu.e}) {
        ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &shape, y.data(), &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_forward(e, 1, &err), CNNC_OK) << ErrLine(err);
    }
    EXPECT_LE(RelL2(Output(gpu.e, 320), Output(cpu.e, 320)), kTolTf32);
}

// How the backend runs conv layer i ("gemm", "direct (auto at batch ...)").
std::string ConvEngineOf(cnnc_engine *e, int32_t i) {
    char what[256] = "";
    if (cnnc_engine_describe_layer(e, i, what, sizeof what) == CNNC_HOW_PLAIN) return "(not described)";
    return what;
}

// Every layer case: forward, loss and backward under cuBLAS's FAST_16BF match
// the CPU's bf16 emulation, and are visibly not fp32.
TEST(CudaBf16, EveryLayerCaseMatchesTheCpusBf16EmulationAndDiffersFromFp32) {
    SKIP_WITHOUT_GPU();
    for (const LayerCase &c : kLayerCases) {
        SCOPED_TRACE(c.name);
        Model model(c.model);
        ASSERT_NE(model.m, nullptr);
        cnnc_error err;
        cnnc_error_clear(&err);
        Engine cpu, gpu, cpu32;
        const cnnc_optim_config sgd = cnnc_optim_default(CNNC_OPTIM_SGD);
        ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CPU, CNNC_CONV_AUTO, 8, sgd, kBf16, &cpu, &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_AUTO, 8, sgd, kBf16, &gpu, &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CPU, CNNC_CONV_AUTO, 8, sgd, kFp32, &cpu32, &err), CNNC_OK) << ErrLine(err);
        CopyParams(cpu.e, gpu.e);
        CopyParams(cpu.e, cpu32.e);
        std::vector<float> x;
        std::vector<int64_t> y;
        cnnc_shape shape;
        MakeBatch(8, c.sample, c.classes, &x, &y, &shape);
        for (cnnc_engine *e : {cpu.e, gpu.e, cpu32.e}) {
            ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &shape, y.data(), &err), CNNC_OK) << ErrLine(err);
            ASSERT_EQ(cnnc_engine_forward(e, 1, &err), CNNC_OK) << ErrLine(err);
        }
        const size_t count = (size_t)(8 * c.classes);
        const std::vector<float> out_gpu = Output(gpu.e, count);
        const double vs_emulation = RelL2(out_gpu, Output(cpu.e, count));
        const double vs_fp32 = RelL2(out_gpu, Output(cpu32.e, count));
        std::printf("[ bf16     ] %s: output rel L2 %.3e against the CPU's bf16 emulation, %.3e against fp32\n", c.name,
                    vs_emulation, vs_fp32);
        EXPECT_LE(vs_emulation, kTolBf16) << "train forward";
        EXPECT_GT(vs_fp32, kBf16MovesAtLeast) << "the GPU's bf16 output looks like fp32";
        float lg = 0, lc = 0;
        ASSERT_EQ(cnnc_engine_loss(gpu.e, 1, &lg, &err), CNNC_OK) << ErrLine(err);
        ASSERT_EQ(cnnc_engine_loss(cpu.e, 1, &lc, &err), CNNC_OK) << ErrLine(err);
        EXPECT_NEAR(lg, lc, kTolBf16 * std::fabs(lc));
        ExpectSameState(gpu.e, cpu.e, true, kTolBf16, "after backward");
    }
}

// Training steps of the seed net stay with the CPU's emulation: three SGD
// momentum steps within the bf16 bound, and one Adam step within 10x of it
// (Adam's first step is ~lr*sign(grad): a near-zero gradient that rounds the
// other way moves its parameter by up to 2*lr).
TEST(CudaBf16, SeedNetTrainingStepsStayWithTheCpusBf16Emulation) {
    SKIP_WITHOUT_GPU();
    TrainStepsMatchCpu(CNNC_OPTIM_SGD, 3, kTolBf16, CNNC_CONV_AUTO, kBf16, kTolBf16);
    TrainStepsMatchCpu(CNNC_OPTIM_ADAM, 1, 10 * kTolBf16, CNNC_CONV_AUTO, kBf16, kTolBf16);
}

TEST(CudaBf16, TheCudnnEngineIsRefusedWithTheReasonAndAutoUsesGemm) {
    SKIP_WITHOUT_GPU();
    Model model(kSeedNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine gpu;
    const cnnc_optim_config sgd = cnnc_optim_default(CNNC_OPTIM_SGD);
    EXPECT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_CUDNN, 8, sgd, kBf16, &gpu, &err), CNNC_ERR_USAGE);
    EXPECT_NE(std::string(err.message).find("cuDNN has no bf16 compute for float32 tensors: use --conv gemm or auto"),
              std::string::npos)
        << ErrLine(err);
    Engine autod;
    cnnc_error_clear(&err);
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_AUTO, 8, sgd, kBf16, &autod, &err), CNNC_OK) << ErrLine(err);
    EXPECT_EQ(ConvEngineOf(autod.e, 0).rfind("gemm (bf16 operands", 0), 0u) << ConvEngineOf(autod.e, 0);
}

// --conv direct puts conv1 (25 taps) on the direct engine and leaves conv2 (400)
// on GEMM; auto times direct beside GEMM and cuDNN on conv1 only.
TEST(CudaDirect, ItRunsWhereItFitsAndAutoTimesItBesideTheOtherEngines) {
    SKIP_WITHOUT_GPU();
    Model model(kSeedNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    const cnnc_optim_config sgd = cnnc_optim_default(CNNC_OPTIM_SGD);
    Engine direct, autod;
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_DIRECT, 64, sgd, kFp32, &direct, &err), CNNC_OK)
        << ErrLine(err);
    EXPECT_EQ(ConvEngineOf(direct.e, 0), "direct");
    EXPECT_EQ(ConvEngineOf(direct.e, 3), "gemm");
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_AUTO, 64, sgd, kFp32, &autod, &err), CNNC_OK)
        << ErrLine(err);
    EXPECT_NE(ConvEngineOf(autod.e, 0).find(" ms, direct "), std::string::npos) << ConvEngineOf(autod.e, 0);
    EXPECT_EQ(ConvEngineOf(autod.e, 3).find("direct"), std::string::npos) << ConvEngineOf(autod.e, 3);
}

// A wrong batch is refused with PyTorch's message before any kernel runs;
// the engine then trains the next, good batch.
TEST(CudaTraining, ABadBatchIsRefusedWithPytorchsMessageThenAGoodBatchTrains) {
    SKIP_WITHOUT_GPU();
    Model model(kSeedNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine gpu;
    ASSERT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_AUTO, 4, cnnc_optim_default(CNNC_OPTIM_ADAM), 0, &gpu,
                         &err),
              CNNC_OK)
        << ErrLine(err);
    std::vector<float> x;
    std::vector<int64_t> y;
    cnnc_shape shape;
    MakeBatch(2, {3, 28, 28}, 10, &x, &y, &shape);
    EXPECT_EQ(cnnc_engine_set_batch(gpu.e, x.data(), &shape, y.data(), &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(ErrLine(err), "RuntimeError: Given groups=1, weight of size [16, 1, 5, 5], expected input[2, 3, 28, 28] "
                            "to have 1 channels, but got 3 channels instead");
    cnnc_error_clear(&err);
    MakeBatch(2, {1, 28, 28}, 10, &x, &y, &shape);
    ASSERT_EQ(cnnc_engine_set_batch(gpu.e, x.data(), &shape, y.data(), &err), CNNC_OK) << ErrLine(err);
    float first = 0, later = 0;
    ASSERT_EQ(cnnc_engine_train_step(gpu.e, &first, &err), CNNC_OK) << ErrLine(err);
    for (int i = 0; i < 20; i++) ASSERT_EQ(cnnc_engine_train_step(gpu.e, &later, &err), CNNC_OK) << ErrLine(err);
    EXPECT_TRUE(std::isfinite(first));
    EXPECT_LT(later, first) << "20 Adam steps on one batch should lower its loss";
}

TEST(CudaMemory, AnAbsurdMaxBatchIsADeviceOutOfMemoryErrorNamingNeededAndFreeBytes) {
    SKIP_WITHOUT_GPU();
    Model model(kSeedNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine gpu;
    // ~1.6 TB of activations and gradients at 2^22 samples: more than any GPU has.
    cnnc_status s = MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_GEMM, int64_t(1) << 22,
                               cnnc_optim_default(CNNC_OPTIM_SGD), 0, &gpu, &err);
    ASSERT_EQ(s, CNNC_ERR_DEVICE_OOM) << ErrLine(err);
    EXPECT_EQ(gpu.e, nullptr);
    const std::string msg = err.message;
    EXPECT_EQ(msg.rfind("CUDA out of memory. Tried to allocate ", 0), 0u) << msg;
    EXPECT_TRUE(Contains(msg, "for the arena")) << msg;
    EXPECT_TRUE(Contains(msg, " bytes needed, ")) << msg;
    EXPECT_TRUE(Contains(msg, " bytes free")) << msg;
    EXPECT_STREQ(err.type, "OutOfMemoryError");
    EXPECT_TRUE(Contains(err.hint, "lower --batch")) << err.hint;
    // The device is still usable afterwards.
    Engine ok;
    cnnc_error_clear(&err);
    EXPECT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_GEMM, 8, cnnc_optim_default(CNNC_OPTIM_SGD), 0, &ok,
                         &err),
              CNNC_OK)
        << ErrLine(err);
}

}  // namespace

TEST(CudaEngine, AskingForCudaWithoutAGpuFailsWithTheReasonAndAutoFallsBackToTheCpu) {
    cnnc_error probe;
    cnnc_error_clear(&probe);
    if (cnnc_cuda_device_count(&probe) > 0) GTEST_SKIP() << "a GPU is visible";
    Model model(kSeedNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine gpu;
    EXPECT_EQ(MakeEngine(model.m, CNNC_DEVICE_CUDA, CNNC_CONV_AUTO, 4, cnnc_optim_default(CNNC_OPTIM_SGD), 0, &gpu,
                         &err),
              CNNC_ERR_DEVICE);
    EXPECT_EQ(std::string(err.message), std::string("--device cuda: no usable GPU: ") + probe.message);
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.device = CNNC_DEVICE_AUTO;
    cfg.max_batch = 4;
    char note[512] = "";
    cnnc_engine *e = nullptr;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_engine_create(model.m, &cfg, &e, note, sizeof note, &err), CNNC_OK) << ErrLine(err);
    EXPECT_STREQ(cnnc_engine_backend_name(e), "cpu");
    EXPECT_NE(note[0], '\0');
    cnnc_engine_free(e);
}
#endif  // CNNC_TEST_ENGINE
