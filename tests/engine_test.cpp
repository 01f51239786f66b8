// engine_test.cpp — the engine API on the CPU backend: validation before every
// batch, backend choice without a GPU, init, determinism, training progress.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"

namespace {

const char *kSeedNet =
    "input = (1, 28, 28)\n"
    "conv1 = nn.Sequential(nn.Conv2d(1, 16, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))\n"
    "conv2 = Sequential(Conv2d(16, 32, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
    "flatten = Flatten()\n"
    "out = Linear(32 * 7 * 7, 10)\n";

struct Model {
    cnnc_model *m = nullptr;
    explicit Model(const char *text) {
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text, strlen(text), "test.cnn", &m, &err), CNNC_OK) << err.message;
    }
    ~Model() { cnnc_model_free(m); }
};

struct Engine {
    cnnc_engine *e = nullptr;
    cnnc_error err;
    char note[256] = {0};
    cnnc_status create(const cnnc_model *m, cnnc_engine_config cfg) {
        cnnc_error_clear(&err);
        return cnnc_engine_create(m, &cfg, &e, note, sizeof note, &err);
    }
    ~Engine() { cnnc_engine_free(e); }
};

std::vector<float> random_images(int64_t n, int64_t pixels, uint64_t seed) {
    std::vector<float> x((size_t)(n * pixels));
    uint64_t s = seed * 2654435761u + 1;
    for (auto &v : x) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        v = (float)((s >> 40) & 0xFFFF) / 65535.0f;
    }
    return x;
}

cnnc_shape shape4(int64_t n, int64_t c, int64_t h, int64_t w) {
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 4;
    s.d[0] = n; s.d[1] = c; s.d[2] = h; s.d[3] = w;
    return s;
}

TEST(Engine, CpuEngineHasTheSeedNetsParametersInStateDictOrder) {
    Model model(kSeedNet);
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    ASSERT_EQ(eng.create(model.m, cfg), CNNC_OK) << eng.err.message;
    EXPECT_STREQ(cnnc_engine_backend_name(eng.e), "cpu");
    ASSERT_EQ(cnnc_engine_param_count(eng.e), 6);
    const char *names[] = {"conv1.0.weight", "conv1.0.bias", "conv2.0.weight", "conv2.0.bias", "out.weight", "out.bias"};
    for (int i = 0; i < 6; i++) EXPECT_STREQ(cnnc_engine_param(eng.e, i)->name, names[i]);
    EXPECT_EQ(cnnc_engine_trainable_floats(eng.e), 28938);
    EXPECT_EQ(cnnc_engine_classes(eng.e), 10);
}

TEST(Engine, InitialisesLikePyTorchWithinKaimingBounds) {
    Model model(kSeedNet);
    Engine eng;
    ASSERT_EQ(eng.create(model.m, cnnc_engine_config_default(model.m)), CNNC_OK);
    // conv2.0.weight: fan_in = 16*5*5 = 400, bound 1/20; out.weight: fan_in 1568.
    std::vector<float> w(32 * 16 * 25);
    ASSERT_EQ(cnnc_engine_read_param(eng.e, 2, w.data(), &eng.err), CNNC_OK);
    float lo = 1, hi = -1;
    double mean = 0, sq = 0;
    for (float v : w) { lo = std::min(lo, v); hi = std::max(hi, v); mean += v; sq += (double)v * v; }
    mean /= w.size();
    EXPECT_GE(lo, -0.05f);
    EXPECT_LE(hi, 0.05f);
    EXPECT_LT(lo, -0.045f);  // the uniform range is actually used
    EXPECT_GT(hi, 0.045f);
    EXPECT_NEAR(mean, 0.0, 0.003);
    EXPECT_NEAR(std::sqrt(sq / w.size()), 0.05 / std::sqrt(3.0), 0.002);  // std of U(-b, b)
}

TEST(Engine, AutoDeviceWithoutAGpuFallsBackToTheCpuWithANote) {
    cnnc_error why;
    cnnc_error_clear(&why);
    if (cnnc_cuda_device_count(&why) > 0) GTEST_SKIP() << "a GPU is present: the fallback path cannot be seen";
    Model model(kSeedNet);
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.device = CNNC_DEVICE_AUTO;
    ASSERT_EQ(eng.create(model.m, cfg), CNNC_OK);
    EXPECT_STREQ(cnnc_engine_backend_name(eng.e), "cpu");
    EXPECT_NE(std::string(eng.note).find("note: using the CPU: "), std::string::npos) << eng.note;
    EXPECT_GT(strlen(why.message), 0u);
}

TEST(Engine, CudaDeviceWithoutAGpuIsAClearDeviceError) {
    cnnc_error why;
    cnnc_error_clear(&why);
    if (cnnc_cuda_device_count(&why) > 0) GTEST_SKIP() << "a GPU is present";
    Model model(kSeedNet);
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.device = CNNC_DEVICE_CUDA;
    EXPECT_EQ(eng.create(model.m, cfg), CNNC_ERR_DEVICE);
    EXPECT_EQ(eng.e, nullptr);
    EXPECT_NE(std::string(eng.err.message).find("--device cuda: no usable GPU: "), std::string::npos)
        << eng.err.message;
}

TEST(Engine, BrokenSeedNetIsRefusedAtCreateWithPyTorchsMessage) {
    std::string text(kSeedNet);
    text.replace(text.find("32 * 7 * 7"), 10, "1050");
    Model model(text.c_str());
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.max_batch = 2;
    EXPECT_EQ(eng.create(model.m, cfg), CNNC_ERR_SHAPE);
    EXPECT_STREQ(eng.err.type, "RuntimeError");
    EXPECT_STREQ(eng.err.message, "mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)");
}

// What the shape pass takes but the CPU kernels cannot run is refused when the
// engine is created, before any allocation, with the reason.
TEST(Engine, LayersTheCpuCannotRunAreRefusedAtCreateNamingTheLayer) {
    const struct {
        const char *text, *message;
    } cases[] = {
        {"input = (1, 8, 8)\npad = Conv2d(1, 2, 3, padding=1, padding_mode='reflect')\nflat = Flatten()\nfc = Linear(128, 10)\n",
         "the cpu backend cannot run pad (Conv2d): it runs Conv2d with padding_mode='zeros' only (the shape pass and "
         "check take 'reflect' and 'replicate')"},
        {"input = (1, 8, 8)\nconv = Conv2d(1, 2, 3)\nact = LeakyReLU(-0.5, inplace=True)\nflat = Flatten()\nfc = Linear(72, 10)\n",
         "the cpu backend cannot run act (LeakyReLU): "},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.text);
        Model model(c.text);
        ASSERT_NE(model.m, nullptr);
        Engine eng;
        cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
        cfg.device = CNNC_DEVICE_CPU;
        EXPECT_EQ(eng.create(model.m, cfg), CNNC_ERR_UNSUPPORTED);
        EXPECT_EQ(eng.e, nullptr);
        EXPECT_STREQ(eng.err.type, "NotImplementedError");
        EXPECT_EQ(std::string(eng.err.message).rfind(c.message, 0), 0u) << eng.err.message;
    }
}

TEST(Engine, BadBatchIsRefusedThenAGoodBatchStillTrains) {
    Model model(kSeedNet);
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.max_batch = 8;
    ASSERT_EQ(eng.create(model.m, cfg), CNNC_OK);
    std::vector<float> bad = random_images(4, 3 * 28 * 28, 1);
    cnnc_shape bs = shape4(4, 3, 28, 28);
    std::vector<int64_t> y = {1, 2, 3, 4, 5, 6, 7, 8};
    EXPECT_EQ(cnnc_engine_set_batch(eng.e, bad.data(), &bs, y.data(), &eng.err), CNNC_ERR_SHAPE);
    EXPECT_STREQ(eng.err.type, "RuntimeError");
    EXPECT_STREQ(eng.err.message,
                 "Given groups=1, weight of size [16, 1, 5, 5], expected input[4, 3, 28, 28] to have 1 channels, "
                 "but got 3 channels instead");
    // Nothing ran: a forward now has no batch.
    EXPECT_EQ(cnnc_engine_forward(eng.e, 1, &eng.err), CNNC_ERR_USAGE);

    std::vector<float> x = random_images(8, 28 * 28, 2);
    cnnc_shape gs = shape4(8, 1, 28, 28);
    ASSERT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &gs, y.data(), &eng.err), CNNC_OK) << eng.err.message;
    float first = 0, loss = 0;
    ASSERT_EQ(cnnc_engine_train_step(eng.e, &first, &eng.err), CNNC_OK);
    for (int k = 0; k < 30; k++) ASSERT_EQ(cnnc_engine_train_step(eng.e, &loss, &eng.err), CNNC_OK);
    EXPECT_TRUE(std::isfinite(first));
    EXPECT_LT(loss, first * 0.2f) << "30 Adam steps on one batch should memorise it";
}

TEST(Engine, Tf32AndBf16TogetherAreRefusedAsTwoPrecisions) {
    Model model(kSeedNet);
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.max_batch = 4;
    cfg.tf32 = 1;
    cfg.bf16 = 1;
    Engine e;
    EXPECT_EQ(e.create(model.m, cfg), CNNC_ERR_USAGE);
    EXPECT_EQ(e.e, nullptr);
    EXPECT_STREQ(e.err.message, "choose one precision: tf32 and bf16 are both set (--precision fp32|tf32|bf16)");
}

// On the CPU, bf16 rounds each Conv2d/Linear operand: the same init and batch
// give a loss a little off fp32's, and the same loss every time.
TEST(Engine, Bf16OnTheCpuMovesTheLossSlightlyAndIsDeterministic) {
    Model model(kSeedNet);
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.max_batch = 8;
    const std::vector<float> x = random_images(8, 784, 5);
    const cnnc_shape s = shape4(8, 1, 28, 28);
    const std::vector<int64_t> y = {0, 1, 2, 3, 4, 5, 6, 7};
    float loss[3] = {0, 0, 0};
    for (int run = 0; run < 3; run++) {
        cfg.bf16 = run > 0;
        Engine e;
        ASSERT_EQ(e.create(model.m, cfg), CNNC_OK) << e.err.message;
        ASSERT_EQ(cnnc_engine_set_batch(e.e, x.data(), &s, y.data(), &e.err), CNNC_OK) << e.err.message;
        for (int step = 0; step < 3; step++)
            ASSERT_EQ(cnnc_engine_train_step(e.e, &loss[run], &e.err), CNNC_OK) << e.err.message;
    }
    EXPECT_EQ(loss[1], loss[2]);
    EXPECT_NE(loss[0], loss[1]);
    EXPECT_NEAR(loss[0], loss[1], 1e-2 * loss[0]);
}

TEST(Engine, BatchLargerThanPlannedIsRefused) {
    Model model(kSeedNet);
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.max_batch = 4;
    ASSERT_EQ(eng.create(model.m, cfg), CNNC_OK);
    std::vector<float> x = random_images(5, 28 * 28, 3);
    cnnc_shape s = shape4(5, 1, 28, 28);
    EXPECT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &s, nullptr, &eng.err), CNNC_ERR_SHAPE);
    EXPECT_STREQ(eng.err.message, "batch of 5 samples does not fit the engine (1 to 4)");
}

TEST(Engine, OtherInputSizeThanPlannedIsRefusedEvenWhenPyTorchWouldAcceptIt) {
    // A net without Linear accepts any size in PyTorch, but the arena was sized for 28x28.
    Model model("input = (1, 28, 28)\nc = Conv2d(1, 4, 3)\nf = Flatten()\n");
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.max_batch = 2;
    ASSERT_EQ(eng.create(model.m, cfg), CNNC_OK);
    std::vector<float> x = random_images(2, 32 * 32, 3);
    cnnc_shape s = shape4(2, 1, 32, 32);
    EXPECT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &s, nullptr, &eng.err), CNNC_ERR_SHAPE);
    EXPECT_STREQ(eng.err.message, "the engine was set up for input [2, 1, 28, 28], got a batch of shape [2, 1, 32, 32]");
}

TEST(Engine, TargetOutOfRangeIsPyTorchsIndexError) {
    Model model(kSeedNet);
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.max_batch = 2;
    ASSERT_EQ(eng.create(model.m, cfg), CNNC_OK);
    std::vector<float> x = random_images(2, 28 * 28, 4);
    cnnc_shape s = shape4(2, 1, 28, 28);
    std::vector<int64_t> y = {3, 12};
    EXPECT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &s, y.data(), &eng.err), CNNC_ERR_SHAPE);
    EXPECT_STREQ(eng.err.type, "IndexError");
    EXPECT_STREQ(eng.err.message, "Target 12 is out of bounds.");
}

TEST(Engine, SameSeedGivesBitIdenticalTrainingAndOtherSeedsDiffer) {
    Model model(kSeedNet);
    auto run = [&](uint64_t seed) {
        Engine eng;
        cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
        cfg.max_batch = 16;
        cfg.seed = seed;
        cfg.threads = 2;
        EXPECT_EQ(eng.create(model.m, cfg), CNNC_OK);
        std::vector<float> x = random_images(16, 28 * 28, 7);
        std::vector<int64_t> y(16);
        for (int i = 0; i < 16; i++) y[i] = i % 10;
        cnnc_shape s = shape4(16, 1, 28, 28);
        EXPECT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &s, y.data(), &eng.err), CNNC_OK);
        for (int k = 0; k < 3; k++) EXPECT_EQ(cnnc_engine_train_step(eng.e, nullptr, &eng.err), CNNC_OK);
        std::vector<float> w(10 * 1568);
        EXPECT_EQ(cnnc_engine_read_param(eng.e, 4, w.data(), &eng.err), CNNC_OK);
        return w;
    };
    std::vector<float> a = run(1), b = run(1), c = run(2);
    EXPECT_EQ(memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0);
    EXPECT_NE(memcmp(a.data(), c.data(), a.size() * sizeof(float)), 0);
}

TEST(Engine, EpochOverAResidentDataSetLearnsASimpleRule) {
    // Class = which quadrant is bright: learnable in one epoch.
    Model model("input = (1, 8, 8)\nc = Sequential(Conv2d(1, 4, 3, padding=1), ReLU(), MaxPool2d(2))\n"
                "f = Flatten()\nout = Linear(64, 4)\n");
    const int64_t n = 512;
    std::vector<uint8_t> images((size_t)n * 64), labels((size_t)n);
    for (int64_t i = 0; i < n; i++) {
        int q = (int)(i * 7 % 4);
        labels[i] = (uint8_t)q;
        for (int p = 0; p < 64; p++) {
            int r = p / 8, c = p % 8;
            int inq = (r < 4 ? 0 : 2) + (c < 4 ? 0 : 1);
            images[i * 64 + p] = (uint8_t)(inq == q ? 200 + (i + p) % 50 : (i * 13 + p * 7) % 60);
        }
    }
    Engine eng;
    cnnc_engine_config cfg = cnnc_engine_config_default(model.m);
    cfg.max_batch = 32;
    cfg.optim.lr = 0.01f;
    ASSERT_EQ(eng.create(model.m, cfg), CNNC_OK);
    cnnc_dataset ds = {images.data(), labels.data(), n, 1, 8, 8};
    ASSERT_EQ(cnnc_engine_set_dataset(eng.e, 0, &ds, &eng.err), CNNC_OK) << eng.err.message;
    ASSERT_EQ(cnnc_engine_set_dataset(eng.e, 1, &ds, &eng.err), CNNC_OK);
    cnnc_epoch_stats tr, te;
    for (int ep = 0; ep < 3; ep++)
        ASSERT_EQ(cnnc_engine_train_epoch(eng.e, 32, 5, ep, nullptr, nullptr, 4, &tr, &eng.err), CNNC_OK);
    EXPECT_EQ(tr.samples, n);
    EXPECT_EQ(cnnc_engine_steps(eng.e), 3 * 16);
    std::vector<int64_t> confusion(16);
    ASSERT_EQ(cnnc_engine_evaluate(eng.e, 1, 100, &te, confusion.data(), &eng.err), CNNC_OK);
    EXPECT_GT(te.accuracy, 0.95);
    int64_t total = 0, diag = 0;
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++) { total += confusion[r * 4 + c]; if (r == c) diag += confusion[r * 4 + c]; }
    EXPECT_EQ(total, n);
    EXPECT_NEAR((double)diag / n, te.accuracy, 1e-9);
}

TEST(Engine, DataSetWithTheWrongImageSizeIsRefused) {
    Model model(kSeedNet);
    Engine eng;
    ASSERT_EQ(eng.create(model.m, cnnc_engine_config_default(model.m)), CNNC_OK);
    std::vector<uint8_t> images(10 * 32 * 32), labels(10);
    cnnc_dataset ds = {images.data(), labels.data(), 10, 1, 32, 32};
    EXPECT_EQ(cnnc_engine_set_dataset(eng.e, 0, &ds, &eng.err), CNNC_ERR_SHAPE);
    EXPECT_STREQ(eng.err.message, "data set samples are 1x32x32 but the model takes input [1, 28, 28] per sample");
}

}  // namespace
