// cuda_perf_test.cpp — the speed paths must compute what the plain paths do:
// replayed CUDA graphs against the op-by-op CUDA path (bit for bit: the same
// kernels with the same inputs), the chunked GEMM weight gradient against a
// direct sum, the CLI's precision and engine flags, the refusal of profile
// without a GPU, and the PyTorch baseline harness on the CPU, which run on any
// machine. GPU tests skip with the reason cnnc_cuda_device_count gives.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "cnnc/cnnc.h"
#include "test_paths.h"
#if defined(CNNC_HAVE_CUDA)
#include <cublas_v2.h>
#include <cuda_runtime_api.h>
#include "../cuda/backend_cuda.h"
#include "engine/engine_internal.h"
#endif

namespace {

// Runs a shell command, returns its exit code and stdout+stderr.
int RunShell(const std::string &cmd, std::string *out) {
    out->clear();
    FILE *p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return -1;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
    int rc = pclose(p);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace

TEST(PerfCli, PrecisionTakesFp32Tf32OrBf16AndRefusesAnythingElse) {
    std::string out;
    const std::string bench = cnnc_exe() + " bench " + source_path("models/mnist_cnn.cnn") +
                              " --device cpu --batch 2 --steps 1 --warmup 0";
    for (const char *p : {"fp32", "tf32", "bf16"}) {
        int rc = RunShell(bench + " --precision " + p, &out);
        EXPECT_EQ(rc, 0) << p << ": " << out;
        EXPECT_NE(out.find(std::string("\"precision\": \"") + p + "\"}"), std::string::npos) << out;
    }
    int rc = RunShell(bench + " --precision fp16", &out);
    EXPECT_EQ(rc, 2) << out;
    EXPECT_NE(out.find("--precision (fp32|tf32|bf16)"), std::string::npos) << out;
}

// bench/pytorch_gpu.py is the baseline gpu-bench.sh compares against; on a
// machine without a GPU it still runs eager mode on the CPU, and the modes that
// cannot run there say why in their rows instead of failing the whole run.
TEST(PerfHarness, PytorchBaselineRunsEagerOnTheCpuAndNamesWhatNeedsCudaOrPytorch2) {
    std::string out;
    if (RunShell("/usr/bin/python3 -c 'import torch'", &out) != 0) GTEST_FAIL() << "no torch for /usr/bin/python3";
    int rc = RunShell("/usr/bin/python3 " + source_path("bench/pytorch_gpu.py") +
                          " --device cpu --batches 4,8 --steps 2 --warmup 1 --modes eager,graph,compile",
                      &out);
    ASSERT_EQ(rc, 0) << out;
    for (const char *b : {"4", "8"})
        EXPECT_NE(out.find(std::string("{\"mode\": \"eager\", \"batch\": ") + b + ", \"step_ms_median\": "),
                  std::string::npos)
            << out;
    EXPECT_NE(out.find("\"mode\": \"graph\", \"batch\": 4, \"error\": \"RuntimeError: graph mode needs CUDA"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("\"device\": \"cpu\""), std::string::npos) << out;
    const bool torch2 = RunShell("/usr/bin/python3 -c 'import torch, sys; sys.exit(0 if hasattr(torch, \"compile\") else 1)'",
                                 &out) == 0;
    if (!torch2) {
        RunShell("/usr/bin/python3 " + source_path("bench/pytorch_gpu.py") +
                     " --device cpu --batches 4,8 --steps 1 --warmup 1 --modes compile",
                 &out);
        EXPECT_NE(out.find("\"batch\": 4, \"error\": \"RuntimeError: torch.compile needs PyTorch 2"), std::string::npos)
            << out;
        EXPECT_NE(out.find("\"batch\": 8, \"skipped\": \"compile failed at a smaller batch\""), std::string::npos)
            << out;
    }
    // Without --device cpu and without a GPU it refuses, exit 1, with the reason.
    std::string probe;
    if (RunShell("/usr/bin/python3 -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)'", &probe) != 0) {
        rc = RunShell("/usr/bin/python3 " + source_path("bench/pytorch_gpu.py") + " --batches 4 --steps 1", &out);
        EXPECT_EQ(rc, 1) << out;
        EXPECT_NE(out.find("pytorch_gpu.py: no CUDA device visible to PyTorch"), std::string::npos) << out;
    }
}

TEST(PerfCli, ConvAlgoTakesExactOrFastAndNoFuseIsAcceptedEverywhere) {
    std::string out;
    const std::string bench = cnnc_exe() + " bench " + source_path("models/mnist_cnn.cnn") +
                              " --device cpu --batch 2 --steps 1 --warmup 0";
    int rc = RunShell(bench + " --conv-algo bogus", &out);
    EXPECT_EQ(rc, 2) << out;
    EXPECT_NE(out.find("bad or missing value for --conv-algo (exact|fast): bogus"), std::string::npos) << out;
    rc = RunShell(bench + " --conv-algo", &out);
    EXPECT_EQ(rc, 2) << out;
    // CUDA-only options are accepted (and have nothing to do) on the CPU backend.
    rc = RunShell(bench + " --conv fft", &out);
    EXPECT_EQ(rc, 2) << out;
    EXPECT_NE(out.find("bad or missing value for --conv (gemm|cudnn|direct|auto): fft"), std::string::npos) << out;
    for (const char *flags : {" --conv-algo exact", " --conv-algo fast --no-fuse", " --conv direct", " --conv gemm"}) {
        rc = RunShell(bench + flags, &out);
        EXPECT_EQ(rc, 0) << flags << ": " << out;
        EXPECT_NE(out.find("\"images_per_s\""), std::string::npos) << flags << ": " << out;
        EXPECT_NE(out.find("\"conv\": \"\","), std::string::npos) << "no conv engines on the CPU: " << out;
    }
}

TEST(PerfCli, ProfileOnTheCpuFailsWithAMessageSayingItNeedsCuda) {
    std::string out;
    int rc = RunShell(cnnc_exe() + " profile " + source_path("models/mnist_cnn.cnn") + " --device cpu --batch 8", &out);
    EXPECT_NE(rc, 0) << out;
    EXPECT_NE(out.find("cnnc profile needs a CUDA device"), std::string::npos) << out;
}

#if defined(CNNC_HAVE_CUDA)
namespace {

std::string ErrText(const cnnc_error &err) {
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(&err, line, sizeof line);
    return line;
}

#define SKIP_WITHOUT_GPU()                                                                       \
    do {                                                                                         \
        cnnc_error e_;                                                                           \
        cnnc_error_clear(&e_);                                                                   \
        if (cnnc_cuda_device_count(&e_) == 0) GTEST_SKIP() << "no usable GPU: " << e_.message;   \
    } while (0)

const char *kSeedNet = "input = (1, 28, 28)\nconv1 = Sequential(Conv2d(1, 16, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
                       "conv2 = Sequential(Conv2d(16, 32, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
                       "flat = Flatten()\nfc = Linear(1568, 10)\n";
// Every device counter in use: BatchNorm with momentum=None (1/t), a tracked
// BatchNorm with momentum, and Dropout (RNG offsets).
const char *kCounterNet = "input = (1, 28, 28)\nconv = Conv2d(1, 4, 3, padding=1)\n"
                          "bn = BatchNorm2d(4, momentum=None)\nrelu = ReLU()\npool = MaxPool2d(2)\n"
                          "bn2 = BatchNorm2d(4)\ndrop = Dropout(0.3)\nflat = Flatten()\nfc = Linear(784, 10)\n";

struct Model {
    cnnc_model *m = nullptr;
    explicit Model(const char *text) {
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text, strlen(text), "<test>", &m, &err), CNNC_OK) << ErrText(err);
    }
    ~Model() { cnnc_model_free(m); }
};

struct Engine {
    cnnc_engine *e = nullptr;
    ~Engine() { cnnc_engine_free(e); }
};

cnnc_status MakeEngine(const cnnc_model *m, cnnc_optim_config o, cnnc_conv_engine conv, int no_graph, int64_t max_batch,
                       Engine *out, cnnc_error *err, int no_fuse = 0, cnnc_augment aug = cnnc_augment()) {
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.augment = aug;
    cfg.device = CNNC_DEVICE_CUDA;
    cfg.conv = conv;
    cfg.max_batch = max_batch;
    cfg.seed = 77;
    cfg.optim = o;
    cfg.no_graph = no_graph;
    cfg.no_fuse = no_fuse;
    return cnnc_engine_create(m, &cfg, &out->e, nullptr, 0, err);
}

// Parameters, buffers (num_batches_tracked included), optimizer state, step.
void ExpectIdenticalState(cnnc_engine *a, cnnc_engine *b) {
    cnnc_error err;
    cnnc_error_clear(&err);
    for (int32_t i = 0; i < cnnc_engine_param_count(a); i++) {
        const cnnc_param_info *pi = cnnc_engine_param(a, i);
        const size_t bytes = (size_t)pi->numel * 8;
        std::vector<unsigned char> va(bytes), vb(bytes);
        ASSERT_EQ(cnnc_engine_read_param(a, i, va.data(), &err), CNNC_OK) << ErrText(err);
        ASSERT_EQ(cnnc_engine_read_param(b, i, vb.data(), &err), CNNC_OK) << ErrText(err);
        const size_t used = (size_t)pi->numel * (pi->dtype == CNNC_I64 ? 8 : 4);
        EXPECT_EQ(memcmp(va.data(), vb.data(), used), 0) << pi->name << " differs";
    }
    const size_t n = (size_t)cnnc_engine_trainable_floats(a);
    std::vector<float> m1(n), v1(n), m2(n), v2(n);
    int64_t s1 = -1, s2 = -2;
    ASSERT_EQ(cnnc_engine_read_optim_state(a, m1.data(), v1.data(), &s1, &err), CNNC_OK) << ErrText(err);
    ASSERT_EQ(cnnc_engine_read_optim_state(b, m2.data(), v2.data(), &s2, &err), CNNC_OK) << ErrText(err);
    EXPECT_EQ(s1, s2);
    EXPECT_EQ(memcmp(m1.data(), m2.data(), n * 4), 0) << "first moment / momentum differs";
    EXPECT_EQ(memcmp(v1.data(), v2.data(), n * 4), 0) << "second moment differs";
}

// cudnnFind* times algorithms on each engine, and --conv auto times the conv
// engines per layer (cuDNN, GEMM, direct: with or without cuDNN built in);
// comparing two engines bit for bit needs them to run the same ones, so b
// takes a's choices.
void SameCudnnAlgorithms(cnnc_engine *a, cnnc_engine *b) {
    const cnnc_cuda_state *sa = (const cnnc_cuda_state *)a->backend;
    cnnc_cuda_state *sb = (cnnc_cuda_state *)b->backend;
    for (int32_t l = 0; l < a->model->n_layers; l++) {
#if defined(CNNC_HAVE_CUDNN)
        if (sa->layers[l].cudnn && sb->layers[l].cudnn) cnnc_cudnn_conv_copy_algos(sb->layers[l].cudnn, sa->layers[l].cudnn);
#endif
        sb->layers[l].conv_kind = sa->layers[l].conv_kind;
    }
}

int CapturedGraphs(const cnnc_engine *e, std::string *why) {
    const cnnc_cuda_state *st = (const cnnc_cuda_state *)e->backend;
    *why = st->graphs_off ? st->graphs_off_why : "";
    int k = 0;
    for (const cnnc_cuda_graph &g : st->graphs) k += g.exec != nullptr;
    return k;
}

void EpochsMatch(const char *net, cnnc_optim_config o, cnnc_conv_engine conv, cnnc_augment aug = cnnc_augment()) {
    Model model(net);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine g, p;
    ASSERT_EQ(MakeEngine(model.m, o, conv, 0, 64, &g, &err, 0, aug), CNNC_OK) << ErrText(err);
    ASSERT_EQ(MakeEngine(model.m, o, conv, 1, 64, &p, &err, 0, aug), CNNC_OK) << ErrText(err);
    SameCudnnAlgorithms(g.e, p.e);
    // 200 samples at batch 64: three full batches and a last one of 8 (its own graph).
    const int64_t N = 200;
    std::mt19937 rng(5);
    std::vector<uint8_t> images((size_t)N * 784), labels((size_t)N);
    for (auto &v : images) v = (uint8_t)(rng() & 255);
    for (auto &v : labels) v = (uint8_t)(rng() % 10);
    cnnc_dataset ds = {images.data(), labels.data(), N, 1, 28, 28};
    for (cnnc_engine *e : {g.e, p.e}) ASSERT_EQ(cnnc_engine_set_dataset(e, 0, &ds, &err), CNNC_OK) << ErrText(err);
    for (int64_t epoch = 0; epoch < 3; epoch++) {
        cnnc_epoch_stats sg, sp;
        ASSERT_EQ(cnnc_engine_train_epoch(g.e, 64, 9, epoch, nullptr, nullptr, 0, &sg, &err), CNNC_OK) << ErrText(err);
        ASSERT_EQ(cnnc_engine_train_epoch(p.e, 64, 9, epoch, nullptr, nullptr, 0, &sp, &err), CNNC_OK) << ErrText(err);
        EXPECT_EQ(sg.loss, sp.loss) << "epoch " << epoch;
        EXPECT_EQ(sg.accuracy, sp.accuracy) << "epoch " << epoch;
        if (epoch == 1) {
            // A resumed checkpoint moves the step counter: the next replay must see it.
            const size_t n = (size_t)cnnc_engine_trainable_floats(g.e);
            std::vector<float> m(n), v(n);
            int64_t step = 0;
            ASSERT_EQ(cnnc_engine_read_optim_state(p.e, m.data(), v.data(), &step, &err), CNNC_OK);
            for (cnnc_engine *e : {g.e, p.e})
                ASSERT_EQ(cnnc_engine_write_optim_state(e, m.data(), v.data(), step + 1000, &err), CNNC_OK);
        }
    }
    std::string why;
    EXPECT_EQ(CapturedGraphs(g.e, &why), 2) << "graphs were not used: " << why;
    ExpectIdenticalState(g.e, p.e);
}

}  // namespace

TEST(CudaGraph, ReplayedAdamEpochsOfTheSeedNetEqualTheOpByOpPathBitForBit) {
    SKIP_WITHOUT_GPU();
    EpochsMatch(kSeedNet, cnnc_optim_default(CNNC_OPTIM_ADAM), CNNC_CONV_GEMM);
}

// --augment: the codes go up with each epoch's order, so replayed steps crop and
// flip exactly as the op-by-op gathers do.
TEST(CudaGraph, ReplayedAugmentedEpochsEqualTheOpByOpPathBitForBit) {
    SKIP_WITHOUT_GPU();
    cnnc_augment aug;
    aug.crop_pad = 4;
    aug.hflip = 1;
    EpochsMatch(kSeedNet, cnnc_optim_default(CNNC_OPTIM_ADAM), CNNC_CONV_GEMM, aug);
    // and the replayed gathers do augment: an epoch without it trains otherwise
    Model model(kSeedNet);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine a, plain;
    ASSERT_EQ(MakeEngine(model.m, cnnc_optim_default(CNNC_OPTIM_ADAM), CNNC_CONV_GEMM, 0, 64, &a, &err, 0, aug),
              CNNC_OK) << ErrText(err);
    ASSERT_EQ(MakeEngine(model.m, cnnc_optim_default(CNNC_OPTIM_ADAM), CNNC_CONV_GEMM, 0, 64, &plain, &err), CNNC_OK)
        << ErrText(err);
    std::mt19937 rng(5);
    std::vector<uint8_t> images((size_t)128 * 784), labels(128);
    for (auto &v : images) v = (uint8_t)(rng() & 255);
    for (auto &v : labels) v = (uint8_t)(rng() % 10);
    cnnc_dataset ds = {images.data(), labels.data(), 128, 1, 28, 28};
    cnnc_epoch_stats sa, sp;
    for (cnnc_engine *e : {a.e, plain.e}) ASSERT_EQ(cnnc_engine_set_dataset(e, 0, &ds, &err), CNNC_OK) << ErrText(err);
    ASSERT_EQ(cnnc_engine_train_epoch(a.e, 64, 9, 0, nullptr, nullptr, 0, &sa, &err), CNNC_OK) << ErrText(err);
    ASSERT_EQ(cnnc_engine_train_epoch(plain.e, 64, 9, 0, nullptr, nullptr, 0, &sp, &err), CNNC_OK) << ErrText(err);
    std::string why;
    EXPECT_EQ(CapturedGraphs(a.e, &why), 1) << "graphs were not used: " << why;
    EXPECT_NE(sa.loss, sp.loss);
}

TEST(CudaGraph, ReplayedEpochsWithTheCudnnEngineEqualTheOpByOpPathBitForBit) {
    SKIP_WITHOUT_GPU();
    EpochsMatch(kSeedNet, cnnc_optim_default(CNNC_OPTIM_ADAMW), CNNC_CONV_AUTO);
}

TEST(CudaGraph, BatchNormOneOverTAndDropoutOffsetsAdvanceOnTheDeviceExactlyAsWithoutGraphs) {
    SKIP_WITHOUT_GPU();
    cnnc_optim_config o = cnnc_optim_default(CNNC_OPTIM_SGD);
    o.momentum = 0.9f;
    o.nesterov = 1;
    o.weight_decay = 1e-4f;
    EpochsMatch(kCounterNet, o, CNNC_CONV_GEMM);
}

// The fused Conv2d -> ReLU -> MaxPool2d pass (pool.cu) against the same
// net run as three layers (--no-fuse): identical losses, parameters, gradients'
// effects and optimizer state after several steps, batch sizes and both conv engines.
void FusedMatchesUnfused(const char *net, cnnc_shape sample, int64_t classes, cnnc_conv_engine conv, int fused_layers) {
    Model model(net);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine f, u;
    ASSERT_EQ(MakeEngine(model.m, cnnc_optim_default(CNNC_OPTIM_ADAM), conv, 0, 16, &f, &err, 0), CNNC_OK) << ErrText(err);
    ASSERT_EQ(MakeEngine(model.m, cnnc_optim_default(CNNC_OPTIM_ADAM), conv, 0, 16, &u, &err, 1), CNNC_OK) << ErrText(err);
    SameCudnnAlgorithms(f.e, u.e);
    const cnnc_cuda_state *sf = (const cnnc_cuda_state *)f.e->backend, *su = (const cnnc_cuda_state *)u.e->backend;
    int n_fused = 0;
    for (int32_t l = 0; l < model.m->n_layers; l++) {
        n_fused += sf->layers[l].fuse == CNNC_FUSE_POOL;
        EXPECT_EQ(su->layers[l].fuse, CNNC_FUSE_NONE) << "--no-fuse still fused layer " << l;
    }
    EXPECT_EQ(n_fused, fused_layers);
    std::mt19937 rng(11);
    int64_t per = 1;
    for (int d = 0; d < sample.ndim; d++) per *= sample.d[d];
    for (int64_t n : {int64_t(16), int64_t(16), int64_t(5), int64_t(16)}) {
        std::vector<float> x((size_t)(n * per));
        std::vector<int64_t> y((size_t)n);
        for (auto &v : x) v = (float)(rng() % 1000) / 500.0f - 1.0f;
        for (auto &v : y) v = (int64_t)(rng() % (uint32_t)classes);
        cnnc_shape s = {sample.ndim + 1, {n}};
        for (int d = 0; d < sample.ndim; d++) s.d[d + 1] = sample.d[d];
        float lf = -1, lu = -2;
        for (cnnc_engine *e : {f.e, u.e}) ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &s, y.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_train_step(f.e, &lf, &err), CNNC_OK) << ErrText(err);
        ASSERT_EQ(cnnc_engine_train_step(u.e, &lu, &err), CNNC_OK) << ErrText(err);
        EXPECT_EQ(lf, lu) << "batch " << n;
    }
    ExpectIdenticalState(f.e, u.e);
}

TEST(CudaFusion, FusedConvReluMaxPoolTrainsTheSeedNetBitForBitLikeTheThreeLayers) {
    SKIP_WITHOUT_GPU();
    FusedMatchesUnfused(kSeedNet, cnnc_shape{3, {1, 28, 28}}, 10, CNNC_CONV_GEMM, 2);
    FusedMatchesUnfused(kSeedNet, cnnc_shape{3, {1, 28, 28}}, 10, CNNC_CONV_AUTO, 2);
}

TEST(CudaFusion, CeilModeAndOddSizesFuseAndOverlappingPoolsDoNot) {
    SKIP_WITHOUT_GPU();
    // ceil_mode with odd sizes fuses; the second block's pool overlaps (3 over stride 2) and stays unfused.
    const char *net = "input = (3, 9, 11)\nconv = Conv2d(3, 4, 3, padding=1)\nrelu = ReLU()\n"
                      "pool = MaxPool2d(2, ceil_mode=True)\nconv2 = Conv2d(4, 6, 3, padding=1)\nrelu2 = ReLU()\n"
                      "pool2 = MaxPool2d(3, stride=2)\nflat = Flatten()\nfc = Linear(24, 3)\n";
    FusedMatchesUnfused(net, cnnc_shape{3, {3, 9, 11}}, 3, CNNC_CONV_GEMM, 1);
}

TEST(CudaGraph, HostBatchTrainingStepsEqualTheOpByOpPathAndReportTheSameLoss) {
    SKIP_WITHOUT_GPU();
    Model model(kCounterNet);
    ASSERT_NE(model.m, nullptr);
    cnnc_error err;
    cnnc_error_clear(&err);
    Engine g, p;
    ASSERT_EQ(MakeEngine(model.m, cnnc_optim_default(CNNC_OPTIM_ADAM), CNNC_CONV_AUTO, 0, 16, &g, &err), CNNC_OK) << ErrText(err);
    ASSERT_EQ(MakeEngine(model.m, cnnc_optim_default(CNNC_OPTIM_ADAM), CNNC_CONV_AUTO, 1, 16, &p, &err), CNNC_OK) << ErrText(err);
    SameCudnnAlgorithms(g.e, p.e);
    std::mt19937 rng(3);
    for (int64_t n : {int64_t(16), int64_t(16), int64_t(5), int64_t(16), int64_t(5)}) {
        std::vector<float> x((size_t)n * 784);
        std::vector<int64_t> y((size_t)n);
        for (auto &v : x) v = (float)(rng() % 1000) / 500.0f - 1.0f;
        for (auto &v : y) v = (int64_t)(rng() % 10);
        cnnc_shape s = {4, {n, 1, 28, 28}};
        float lg = -1, lp = -2;
        for (cnnc_engine *e : {g.e, p.e}) ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &s, y.data(), &err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_train_step(g.e, &lg, &err), CNNC_OK) << ErrText(err);
        ASSERT_EQ(cnnc_engine_train_step(p.e, &lp, &err), CNNC_OK) << ErrText(err);
        EXPECT_EQ(lg, lp) << "batch " << n;
    }
    std::string why;
    EXPECT_EQ(CapturedGraphs(g.e, &why), 2) << why;
    ExpectIdenticalState(g.e, p.e);
}

// dW over a batch in chunks of 3 (partials reduced, then accumulated across
// chunks) against a direct double-precision sum.
TEST(CudaGemmConv, WeightGradientOverSeveralChunksMatchesADirectSum) {
    SKIP_WITHOUT_GPU();
    cnnc_conv_geom g;
    memset(&g, 0, sizeof g);
    g.N = 8, g.C = 3, g.H = 9, g.W = 7, g.OC = 4, g.KH = 3, g.KW = 2, g.SH = 2, g.SW = 1, g.PH = 1, g.PW = 1;
    g.DH = 1, g.DW = 1, g.groups = 1;
    g.OH = (g.H + 2 * g.PH - g.DH * (g.KH - 1) - 1) / g.SH + 1;
    g.OW = (g.W + 2 * g.PW - g.DW * (g.KW - 1) - 1) / g.SW + 1;
    const int64_t in_n = g.N * g.C * g.H * g.W, out_n = g.N * g.OC * g.OH * g.OW, w_n = g.OC * g.C * g.KH * g.KW;
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> U(-1, 1);
    std::vector<float> in(in_n), dout(out_n), w(w_n);
    for (auto &v : in) v = U(rng);
    for (auto &v : dout) v = U(rng);
    for (auto &v : w) v = U(rng);
    std::vector<double> want(w_n, 0.0);
    for (int64_t n = 0; n < g.N; n++)
        for (int64_t oc = 0; oc < g.OC; oc++)
            for (int64_t c = 0; c < g.C; c++)
                for (int64_t kh = 0; kh < g.KH; kh++)
                    for (int64_t kw = 0; kw < g.KW; kw++)
                        for (int64_t oh = 0; oh < g.OH; oh++)
                            for (int64_t ow = 0; ow < g.OW; ow++) {
                                const int64_t ih = oh * g.SH - g.PH + kh, iw = ow * g.SW - g.PW + kw;
                                if (ih < 0 || ih >= g.H || iw < 0 || iw >= g.W) continue;
                                want[((oc * g.C + c) * g.KH + kh) * g.KW + kw] +=
                                    (double)dout[((n * g.OC + oc) * g.OH + oh) * g.OW + ow] *
                                    in[((n * g.C + c) * g.H + ih) * g.W + iw];
                            }
    cnnc_error err;
    cnnc_error_clear(&err);
    cublasHandle_t h = nullptr;
    ASSERT_EQ(cublasCreate(&h), CUBLAS_STATUS_SUCCESS);
    cublasSetMathMode(h, CUBLAS_DEFAULT_MATH);
    float *d_in = nullptr, *d_dout = nullptr, *d_w = nullptr, *d_dw = nullptr, *d_ws = nullptr;
    const size_t ws = cnnc_gemm_conv_workspace_bytes(&g);
    ASSERT_EQ(cudaMalloc((void **)&d_in, in_n * 4), cudaSuccess);
    ASSERT_EQ(cudaMalloc((void **)&d_dout, out_n * 4), cudaSuccess);
    ASSERT_EQ(cudaMalloc((void **)&d_w, w_n * 4), cudaSuccess);
    ASSERT_EQ(cudaMalloc((void **)&d_dw, w_n * 4), cudaSuccess);
    ASSERT_EQ(cudaMalloc((void **)&d_ws, ws), cudaSuccess);
    cudaMemcpy(d_in, in.data(), in_n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(d_dout, dout.data(), out_n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(d_w, w.data(), w_n * 4, cudaMemcpyHostToDevice);
    for (int64_t chunk : {int64_t(8), int64_t(3), int64_t(1)}) {
        SCOPED_TRACE("chunk " + std::to_string(chunk));
        ASSERT_LE((size_t)chunk * (ws / (size_t)cnnc_gemm_conv_chunk(&g)), ws);
        cudaMemset(d_dw, 0xFF, w_n * 4);  // garbage: dW must be overwritten, not added to
        ASSERT_EQ(cnnc_gemm_conv_backward(h, nullptr, 0, nullptr, d_dw, nullptr, d_dout, d_in, d_w, &g, chunk, d_ws, &err),
                  CNNC_OK)
            << ErrText(err);
        std::vector<float> got(w_n);
        ASSERT_EQ(cudaMemcpy(got.data(), d_dw, w_n * 4, cudaMemcpyDeviceToHost), cudaSuccess);
        for (int64_t i = 0; i < w_n; i++) EXPECT_NEAR(got[i], want[i], 1e-4 * (1.0 + std::fabs(want[i]))) << i;
    }
    cudaFree(d_in), cudaFree(d_dout), cudaFree(d_w), cudaFree(d_dw), cudaFree(d_ws);
    cublasDestroy(h);
}

#endif
