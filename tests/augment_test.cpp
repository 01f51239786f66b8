// augment_test.cpp — --augment crop=P,hflip in the training gather: the CPU gather
// against torchvision's transforms written in torch (tests/python/augment_oracle.py)
// and against a plain pad-crop-flip, the draws, evaluation without augmentation,
// and a resumed augmented epoch equal to an uninterrupted one, bit for bit.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#include "cpu/cpu_kernels.h"
#include "engine/augment.h"
#include "test_paths.h"
#include "test_run.h"

namespace {

std::string msg(const cnnc_error &e) { return std::string(e.type) + ": " + e.message; }

// Pad with zeros, crop at (top oy, left ox), flip, normalise: each step on its own array.
std::vector<float> reference(const std::vector<uint8_t> &img, int C, int H, int W, int P, int32_t code, float mean,
                             float std) {
    const int PH = H + 2 * P, PW = W + 2 * P;
    std::vector<uint8_t> padded((size_t)(C * PH * PW), 0), crop((size_t)(C * H * W)), flipped(crop.size());
    for (int c = 0; c < C; c++)
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) padded[(size_t)((c * PH + y + P) * PW + x + P)] = img[(size_t)((c * H + y) * W + x)];
    const int ox = CNNC_AUG_OX(code), oy = CNNC_AUG_OY(code);
    for (int c = 0; c < C; c++)
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) crop[(size_t)((c * H + y) * W + x)] = padded[(size_t)((c * PH + y + oy) * PW + x + ox)];
    for (int c = 0; c < C; c++)
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                flipped[(size_t)((c * H + y) * W + x)] =
                    crop[(size_t)((c * H + y) * W + (CNNC_AUG_FLIP(code) ? W - 1 - x : x))];
    std::vector<float> out(flipped.size());
    for (size_t k = 0; k < out.size(); k++) out[k] = ((float)flipped[k] / 255.0f - mean) / std;
    return out;
}

}  // namespace

TEST(Augment, CpuGatherEqualsTorchvisionsCropAndFlipAndAPlainPadCropFlip) {
    const int n = 24, C = 3, H = 7, W = 5, P = 4;   // P near the sides: whole rows and columns of padding
    const float mean = 0.2860f, std = 0.3530f;
    std::mt19937 gen(3);
    std::vector<uint8_t> images((size_t)(n * C * H * W)), labels((size_t)n);
    for (auto &b : images) b = (uint8_t)(gen() & 0xFF);
    for (int i = 0; i < n; i++) labels[(size_t)i] = (uint8_t)(i % 10);
    std::vector<int32_t> order((size_t)n), codes((size_t)n);
    for (int i = 0; i < n; i++) order[(size_t)i] = (n - 1 - i) ^ 1;
    cnnc_augment_codes(codes.data(), order.data(), n, 5, 0, P, 1);
    // the extremes of the offsets and both flips, whatever the draws
    codes[0] = CNNC_AUG_CODE(0, 0, 0);
    codes[1] = CNNC_AUG_CODE(2 * P, 2 * P, 1);
    codes[2] = CNNC_AUG_CODE(0, 2 * P, 1);
    std::vector<float> x((size_t)(n * C * H * W));
    std::vector<int32_t> y((size_t)n);
    gather_batch_aug_cpu(x.data(), y.data(), images.data(), labels.data(), order.data(), codes.data(), n, C, H, W, P,
                         mean, std);
    for (int i = 0; i < n; i++) {
        const uint8_t *img = images.data() + (size_t)order[(size_t)i] * C * H * W;
        std::vector<float> want = reference(std::vector<uint8_t>(img, img + C * H * W), C, H, W, P, codes[(size_t)i],
                                            mean, std);
        EXPECT_EQ(std::memcmp(x.data() + (size_t)i * C * H * W, want.data(), want.size() * 4), 0) << "sample " << i;
        EXPECT_EQ(y[(size_t)i], labels[(size_t)order[(size_t)i]]);
    }

    // torch: the same draws through torchvision's operations
    WorkDir d("augment_oracle");
    std::vector<uint8_t> in_images;
    for (int i = 0; i < n; i++) {
        const uint8_t *img = images.data() + (size_t)order[(size_t)i] * C * H * W;
        in_images.insert(in_images.end(), img, img + C * H * W);
    }
    {
        std::ofstream f(d.path / "in.bin", std::ios::binary);
        const int32_t head[5] = {n, C, H, W, P};
        const float ms[2] = {mean, std};
        f.write((const char *)head, sizeof head);
        f.write((const char *)ms, sizeof ms);
        f.write((const char *)in_images.data(), (std::streamsize)in_images.size());
        f.write((const char *)codes.data(), (std::streamsize)(codes.size() * 4));
    }
    RunResult r = run(python_exe() + " " + script("augment_oracle.py") + " " + quote((d.path / "in.bin").string()) +
                          " " + quote((d.path / "out.bin").string()),
                      d);
    ASSERT_EQ(r.rc, 0) << "the torch oracle failed (it needs python3 with torch: " << python_exe() << "): " << r.err;
    std::ifstream f(d.path / "out.bin", std::ios::binary);
    std::vector<float> want(x.size());
    f.read((char *)want.data(), (std::streamsize)(want.size() * 4));
    ASSERT_EQ(f.gcount(), (std::streamsize)(want.size() * 4));
    for (size_t k = 0; k < x.size(); k++) ASSERT_EQ(x[k], want[k]) << "value " << k;
}

TEST(Augment, DrawsComeFromSeedEpochAndSampleAndCoverEveryOffsetAndBothFlips) {
    const int64_t n = 4000;
    const int32_t P = 2;
    std::vector<int32_t> order((size_t)n), reversed((size_t)n), a((size_t)n), b((size_t)n), c((size_t)n);
    for (int64_t i = 0; i < n; i++) order[(size_t)i] = (int32_t)i, reversed[(size_t)i] = (int32_t)(n - 1 - i);
    cnnc_augment_codes(a.data(), order.data(), n, 9, 3, P, 1);
    cnnc_augment_codes(b.data(), reversed.data(), n, 9, 3, P, 1);
    for (int64_t i = 0; i < n; i++) ASSERT_EQ(a[(size_t)i], b[(size_t)(n - 1 - i)]) << "sample " << i;
    cnnc_augment_codes(c.data(), order.data(), n, 9, 4, P, 1);
    int64_t same = 0, flips = 0;
    std::set<int> ox, oy;
    for (int64_t i = 0; i < n; i++) {
        same += a[(size_t)i] == c[(size_t)i];
        flips += CNNC_AUG_FLIP(a[(size_t)i]);
        ox.insert(CNNC_AUG_OX(a[(size_t)i]));
        oy.insert(CNNC_AUG_OY(a[(size_t)i]));
    }
    EXPECT_LT(same, n / 10) << "another epoch draws again";
    EXPECT_NEAR((double)flips / (double)n, 0.5, 0.04);
    EXPECT_EQ(ox, (std::set<int>{0, 1, 2, 3, 4}));
    EXPECT_EQ(oy, (std::set<int>{0, 1, 2, 3, 4}));
    cnnc_augment_codes(c.data(), order.data(), n, 9, 3, P, 0);
    for (int64_t i = 0; i < n; i++) ASSERT_EQ(CNNC_AUG_FLIP(c[(size_t)i]), 0);
}

namespace {

const char *kNet = "input = (1, 12, 12)\nconv = Conv2d(1, 4, 3, padding=1)\nrelu = ReLU()\npool = MaxPool2d(2)\n"
                   "flat = Flatten()\nfc = Linear(144, 10)\n";

struct Fixture {
    cnnc_model *m = nullptr;
    std::vector<uint8_t> images, labels;
    cnnc_dataset ds;
    Fixture() {
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(kNet, strlen(kNet), "<augment>", &m, &err), CNNC_OK) << msg(err);
        const int64_t N = 90;
        std::mt19937 gen(8);
        images.resize((size_t)N * 144);
        labels.resize((size_t)N);
        for (auto &v : images) v = (uint8_t)(gen() & 255);
        for (auto &v : labels) v = (uint8_t)(gen() % 10);
        ds = {images.data(), labels.data(), N, 1, 12, 12};
    }
    ~Fixture() { cnnc_model_free(m); }
    cnnc_engine *engine(cnnc_augment aug) {
        cnnc_engine_config cfg = cnnc_engine_config_default(m);
        cfg.device = CNNC_DEVICE_CPU;
        cfg.max_batch = 16;
        cfg.seed = 21;
        cfg.optim = cnnc_optim_default(CNNC_OPTIM_ADAM);
        cfg.augment = aug;
        cnnc_engine *e = nullptr;
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_engine_create(m, &cfg, &e, nullptr, 0, &err), CNNC_OK) << msg(err);
        if (e) {
            EXPECT_EQ(cnnc_engine_set_dataset(e, 0, &ds, &err), CNNC_OK) << msg(err);
            EXPECT_EQ(cnnc_engine_set_dataset(e, 1, &ds, &err), CNNC_OK) << msg(err);
        }
        return e;
    }
};

std::vector<std::vector<unsigned char>> params_of(cnnc_engine *e) {
    std::vector<std::vector<unsigned char>> out;
    cnnc_error err;
    cnnc_error_clear(&err);
    for (int32_t i = 0; i < cnnc_engine_param_count(e); i++) {
        std::vector<unsigned char> v((size_t)cnnc_engine_param(e, i)->numel * 8);
        EXPECT_EQ(cnnc_engine_read_param(e, i, v.data(), &err), CNNC_OK) << msg(err);
        out.push_back(v);
    }
    return out;
}

int stop_at_4(void *, int64_t step, int64_t, double, double) { return step == 4; }

}  // namespace

TEST(Augment, AResumedAugmentedEpochEqualsAnUninterruptedOneBitForBit) {
    Fixture fx;
    cnnc_augment aug = {3, 1};
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_engine *a = fx.engine(aug), *b = fx.engine(aug), *plain = fx.engine(cnnc_augment());
    ASSERT_TRUE(a && b && plain);
    cnnc_epoch_stats s;
    for (int64_t ep = 0; ep < 2; ep++) {
        ASSERT_EQ(cnnc_engine_train_epoch(a, 16, 5, ep, nullptr, nullptr, 1, &s, &err), CNNC_OK) << msg(err);
        ASSERT_EQ(cnnc_engine_train_epoch(plain, 16, 5, ep, nullptr, nullptr, 1, &s, &err), CNNC_OK) << msg(err);
    }
    // b: epoch 0, then epoch 1 stopped after 4 steps, saved, and resumed in a new engine
    ASSERT_EQ(cnnc_engine_train_epoch(b, 16, 5, 0, nullptr, nullptr, 1, &s, &err), CNNC_OK) << msg(err);
    ASSERT_EQ(cnnc_engine_train_epoch(b, 16, 5, 1, stop_at_4, nullptr, 1, &s, &err), CNNC_ERR_INTERRUPTED);
    WorkDir d("augment_resume");
    const std::string path = (d.path / "b.safetensors").string();
    cnnc_ckpt_meta meta = {1, 5, 1, 0, 0, cnnc_optim_default(CNNC_OPTIM_ADAM), 0, {}, nullptr};
    ASSERT_EQ(cnnc_ckpt_save_at(b, fx.m, path.c_str(), &meta, 4, &err), CNNC_OK) << msg(err);
    cnnc_engine_free(b);
    cnnc_engine *c = fx.engine(aug);
    int64_t step_in_epoch = -1;
    ASSERT_EQ(cnnc_ckpt_load_at(c, path.c_str(), 1, &meta, &step_in_epoch, &err), CNNC_OK) << msg(err);
    ASSERT_EQ(step_in_epoch, 4);
    ASSERT_EQ(cnnc_engine_train_epoch_from(c, 16, 5, 1, 4, nullptr, nullptr, 1, &s, &err), CNNC_OK) << msg(err);
    EXPECT_EQ(params_of(c), params_of(a));
    EXPECT_NE(params_of(plain), params_of(a)) << "the augmentation changed nothing";
    cnnc_engine_free(a);
    cnnc_engine_free(c);
    cnnc_engine_free(plain);
}

TEST(Augment, EvaluationNeverAugments) {
    Fixture fx;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_engine *a = fx.engine(cnnc_augment{4, 1}), *plain = fx.engine(cnnc_augment());
    ASSERT_TRUE(a && plain);
    cnnc_epoch_stats s, ea, ep;
    ASSERT_EQ(cnnc_engine_train_epoch(a, 16, 5, 0, nullptr, nullptr, 1, &s, &err), CNNC_OK) << msg(err);
    // the same weights in an engine that never augments
    WorkDir d("augment_eval");
    const std::string path = (d.path / "a.safetensors").string();
    cnnc_ckpt_meta meta = {1, 5, 0, 0, 0, cnnc_optim_default(CNNC_OPTIM_ADAM), 0, {}, nullptr};
    ASSERT_EQ(cnnc_ckpt_save(a, fx.m, path.c_str(), &meta, &err), CNNC_OK) << msg(err);
    ASSERT_EQ(cnnc_ckpt_load(plain, path.c_str(), 0, nullptr, &err), CNNC_OK) << msg(err);
    for (int slot : {0, 1}) {
        ASSERT_EQ(cnnc_engine_evaluate(a, slot, 16, &ea, nullptr, &err), CNNC_OK) << msg(err);
        ASSERT_EQ(cnnc_engine_evaluate(plain, slot, 16, &ep, nullptr, &err), CNNC_OK) << msg(err);
        EXPECT_EQ(ea.loss, ep.loss) << "slot " << slot;
        EXPECT_EQ(ea.accuracy, ep.accuracy) << "slot " << slot;
    }
    cnnc_engine_free(a);
    cnnc_engine_free(plain);
}

TEST(Augment, AConfigurationTheInputCannotTakeIsRefusedAtCreation) {
    Fixture fx;
    cnnc_engine_config cfg = cnnc_engine_config_default(fx.m);
    cfg.max_batch = 4;
    cfg.augment.crop_pad = 13;
    cnnc_engine *e = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_engine_create(fx.m, &cfg, &e, nullptr, 0, &err), CNNC_ERR_USAGE);
    EXPECT_EQ(msg(err), "ValueError: --augment crop=13 pads more than the 12x12 image's side");
    EXPECT_EQ(e, nullptr);
}

TEST(Augment, TrainRefusesAMalformedAugmentFlagNamingIt) {
    WorkDir d("augment_cli");
    for (const char *bad : {"crop", "crop=x", "flip", "crop=2,crop=3", "hflip,"}) {
        RunResult r = run(quote(cnnc_exe()) + " train " + quote(source_path("models/mnist_cnn.cnn")) + " --augment " +
                              quote(bad), d);
        EXPECT_EQ(r.rc, 2) << bad;
        EXPECT_EQ(r.err, std::string("cnnc train: --augment wants crop=P and/or hflip, comma-separated (as crop=4,hflip), "
                                     "got '") + bad + "'\n") << bad;
    }
    RunResult r = run(quote(cnnc_exe()) + " train " + quote(source_path("models/mnist_cnn.cnn")) + " --augment crop=0", d);
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err, "cnnc train: --augment crop=P wants a padding of 1 to 2047 pixels, got 0\n");
}
