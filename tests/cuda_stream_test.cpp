// cuda_stream_test.cpp — a training set streamed to the CUDA backend (pinned host
// buffers, asynchronous copies, the resident gather kernel on a staging set)
// trains to the resident set's weights bit for bit, with augmentation and the
// replayed step graph. Runs on a GPU or the emulator; skips without either.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "cnnc/cnnc.h"

namespace {

const char *kNet = "input = (1, 8, 8)\n"
                   "features = Sequential(Conv2d(1, 4, 3, 1, 1), BatchNorm2d(4), ReLU(), MaxPool2d(2))\n"
                   "flatten = Flatten()\n"
                   "out = Linear(64, 10)\n";

struct Data {
    std::vector<uint8_t> images, labels;
    explicit Data(int64_t n) : images((size_t)n * 64), labels((size_t)n) {
        for (int64_t i = 0; i < n; i++) {
            labels[(size_t)i] = (uint8_t)(i % 10);
            for (int k = 0; k < 64; k++) images[(size_t)(i * 64 + k)] = (uint8_t)((i * 37 + k * 11) & 255);
        }
    }
};

cnnc_status read_sample(void *ctx, int64_t index, uint8_t *px, cnnc_error *) {
    const Data *d = static_cast<const Data *>(ctx);
    std::memcpy(px, d->images.data() + index * 64, 64);
    return CNNC_OK;
}

// The weights after two epochs, resident (stream = false) or streamed by 2 workers.
std::vector<float> train(const cnnc_model *m, Data &d, bool stream, cnnc_error *err) {
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.device = CNNC_DEVICE_CUDA;
    cfg.max_batch = 16;
    cfg.augment.crop_pad = 1;
    cfg.augment.hflip = 1;
    cnnc_engine *e = nullptr;
    char note[256];
    std::vector<float> w;
    if (cnnc_engine_create(m, &cfg, &e, note, sizeof note, err) != CNNC_OK) return w;
    const int64_t n = (int64_t)d.labels.size();
    cnnc_dataset ds = {d.images.data(), d.labels.data(), n, 1, 8, 8};
    cnnc_sample_source src = {&d, n, 1, 8, 8, d.labels.data(), read_sample};
    cnnc_status st = stream ? cnnc_engine_set_stream(e, &src, 2, 2, err) : cnnc_engine_set_dataset(e, 0, &ds, err);
    cnnc_epoch_stats s;
    for (int ep = 0; ep < 2 && st == CNNC_OK; ep++)
        st = cnnc_engine_train_epoch(e, 16, 5, ep, nullptr, nullptr, 4, &s, err);
    const int64_t numel = 4 * 9;   // features.0.weight
    w.resize((size_t)numel + 10 * 64);
    if (st == CNNC_OK) st = cnnc_engine_read_param(e, 0, w.data(), err);
    const int32_t out_w = cnnc_engine_param_find(e, "out.weight");
    if (st == CNNC_OK && out_w >= 0) st = cnnc_engine_read_param(e, out_w, w.data() + numel, err);
    cnnc_engine_free(e);
    if (st != CNNC_OK) w.clear();
    return w;
}

TEST(CudaStream, AStreamedSetTrainsToTheResidentWeightsBitForBit) {
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_cuda_device_count(&err) <= 0) GTEST_SKIP() << err.message;
    cnnc_model *m = nullptr;
    ASSERT_EQ(cnnc_model_parse(kNet, std::strlen(kNet), "net.cnn", &m, &err), CNNC_OK) << err.message;
    Data d(200);   // 13 steps, the last partial
    std::vector<float> a = train(m, d, false, &err);
    ASSERT_FALSE(a.empty()) << err.message;
    std::vector<float> b = train(m, d, true, &err);
    ASSERT_FALSE(b.empty()) << err.message;
    EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0);
    cnnc_model_free(m);
}

}  // namespace
