// val_split_test.cpp — train --val-split N and --save-best: which images are held
// out, that the sets partition the training set, and that the kept checkpoint is
// the epoch with the best validation accuracy.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#include "test_paths.h"
#include "test_run.h"

namespace {

std::string msg(const cnnc_error &e) { return std::string(e.type) + ": " + e.message; }

// n images of 2x2 whose first pixel is their index (mod 256) and second its index / 256.
cnnc_data_set numbered(int64_t n) {
    cnnc_data_set s;
    std::memset(&s, 0, sizeof s);
    s.images = (uint8_t *)malloc((size_t)n * 4);
    s.labels = (uint8_t *)malloc((size_t)n);
    s.n = n;
    s.channels = 1;
    s.height = s.width = 2;
    for (int64_t i = 0; i < n; i++) {
        s.images[i * 4] = (uint8_t)(i % 256);
        s.images[i * 4 + 1] = (uint8_t)(i / 256);
        s.images[i * 4 + 2] = s.images[i * 4 + 3] = 7;
        s.labels[i] = (uint8_t)(i % 10);
    }
    return s;
}

int64_t index_of(const uint8_t *img) { return img[0] + 256 * img[1]; }

}  // namespace

TEST(ValSplit, HoldsOutTheSameSeededImagesAndPartitionsTheSetInOrder) {
    const int64_t n = 1000, count = 150;
    std::vector<int64_t> first_val;
    for (int rep = 0; rep < 2; rep++) {
        cnnc_data_set s = numbered(n);
        cnnc_dataset val;
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(cnnc_data_hold_out(&s, count, 42, &val, &err), CNNC_OK) << msg(err);
        ASSERT_EQ(s.n, n - count);
        ASSERT_EQ(val.n, count);
        std::vector<int64_t> kept, held;
        for (int64_t i = 0; i < s.n; i++) {
            kept.push_back(index_of(s.images + i * 4));
            EXPECT_EQ(s.labels[i], kept.back() % 10);
        }
        for (int64_t i = 0; i < val.n; i++) {
            held.push_back(index_of(val.images + i * 4));
            EXPECT_EQ(val.labels[i], held.back() % 10);
        }
        EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end()));
        EXPECT_TRUE(std::is_sorted(held.begin(), held.end()));
        std::vector<int64_t> all(kept);
        all.insert(all.end(), held.begin(), held.end());
        std::sort(all.begin(), all.end());
        for (int64_t i = 0; i < n; i++) ASSERT_EQ(all[(size_t)i], i);
        // spread over the set, not a block
        EXPECT_LT(held.front(), 100);
        EXPECT_GT(held.back(), 900);
        if (rep == 0) first_val = held;
        else EXPECT_EQ(held, first_val) << "the same seed holds out the same images";
        cnnc_data_set_free(&s);
    }
    cnnc_data_set s = numbered(n);
    cnnc_dataset val;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_data_hold_out(&s, count, 43, &val, &err), CNNC_OK) << msg(err);
    std::vector<int64_t> other;
    for (int64_t i = 0; i < val.n; i++) other.push_back(index_of(val.images + i * 4));
    EXPECT_NE(other, first_val) << "another seed, other images";
    EXPECT_EQ(cnnc_data_hold_out(&s, s.n, 43, &val, &err), CNNC_ERR_USAGE);
    EXPECT_EQ(msg(err), "ValueError: --val-split 850: hold out 1 to 849 of the 850 training images");
    cnnc_data_set_free(&s);
}

TEST(ValSplit, SaveBestKeepsTheEpochWithTheBestValidationAccuracy) {
    WorkDir d("val_split");
    // 400 random 28x28 images with labels from their mean brightness (learnable, noisily)
    std::mt19937 gen(4);
    std::vector<uint8_t> px(400 * 784), lab(400);
    for (int i = 0; i < 400; i++) {
        int level = (int)(gen() % 10);
        lab[(size_t)i] = (uint8_t)level;
        for (int p = 0; p < 784; p++) px[(size_t)(i * 784 + p)] = (uint8_t)std::min(255, level * 25 + (int)(gen() % 40));
    }
    cnnc_idx_set set = {px.data(), lab.data(), 400, 28, 28};
    cnnc_error err;
    cnnc_error_clear(&err);
    for (const char *pre : {"train", "t10k"})
        ASSERT_EQ(cnnc_idx_save_pair((d.path / (std::string(pre) + "-images-idx3-ubyte")).c_str(),
                                     (d.path / (std::string(pre) + "-labels-idx1-ubyte")).c_str(), &set, &err),
                  CNNC_OK)
            << msg(err);
    const std::string best = (d.path / "best.safetensors").string();
    RunResult r = run(quote(cnnc_exe()) + " train " + quote(source_path("models/mnist_cnn.cnn")) +
                          " --device cpu --epochs 4 --batch 32 --lr 0.01 --seed 3 --val-split 100 --save-best " +
                          quote(best) + " --data " + quote(d.string()),
                      d);
    ASSERT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(r.out.find("(300 train + held-out val / 400 test images)"), std::string::npos) << r.out;
    std::regex line("epoch ([0-9]+)/4: train loss [0-9.]+, val loss [0-9.]+, val acc ([0-9.]+),");
    double best_acc = -1;
    int best_epoch = 0, epochs = 0;
    for (std::sregex_iterator m(r.out.begin(), r.out.end(), line), end; m != end; ++m) {
        epochs++;
        double acc = std::stod((*m)[2]);
        if (acc > best_acc) best_acc = acc, best_epoch = std::stoi((*m)[1]);
    }
    ASSERT_EQ(epochs, 4) << r.out;
    cnnc_st_file *f = nullptr;
    ASSERT_EQ(cnnc_st_read(best.c_str(), &f, &err), CNNC_OK) << msg(err);
    ASSERT_NE(cnnc_st_meta(f, "epoch"), nullptr);
    EXPECT_EQ(std::string(cnnc_st_meta(f, "epoch")), std::to_string(best_epoch)) << r.out;
    cnnc_st_free(f);
    char want[96];
    snprintf(want, sizeof want, "test (best epoch %d, val acc %.4f, ", best_epoch, best_acc);
    EXPECT_NE(r.out.find(want), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("test (last epoch's weights): loss "), std::string::npos) << r.out;

    RunResult no_val = run(quote(cnnc_exe()) + " train " + quote(source_path("models/mnist_cnn.cnn")) +
                               " --save-best " + quote(best) + " --data " + quote(d.string()),
                           d);
    EXPECT_EQ(no_val.rc, 2);
    EXPECT_EQ(no_val.err, "cnnc train: --save-best keeps the best validation accuracy: pass --val-split N too "
                          "(selecting on the test split would report a biased test accuracy)\n");
}
