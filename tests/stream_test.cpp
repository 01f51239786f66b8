// stream_test.cpp — train --stream: a training set read from disk through the
// bounded prefetch pool gives the resident run's weights bit for bit (IDX and
// ImageFolder, with augmentation, across --resume), holds no more than its pool,
// stops on a corrupt file mid-epoch naming it and leaves the checkpoint alone,
// and refuses absurd flags.
#include <gtest/gtest.h>
#include <png.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <unistd.h>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#include "reliability_util.h"

namespace {

bool has(const std::string &s, const std::string &what) { return s.find(what) != std::string::npos; }

// 2 epochs of the tiny net (BatchNorm, Dropout, Adam) with crops and flips.
const char *kRecipe = "--epochs 2 --augment crop=1,hflip";

TEST(Stream, StreamedRunGivesTheResidentRunsWeightsBitForBit) {
    rel::TrainDir t("stream_same");
    rel::Run whole = rel::run_cnnc(t.train(std::string(kRecipe) + " --save '" + t.path("whole.st") + "'"));
    ASSERT_EQ(whole.code, 0) << whole.err;
    for (const char *flags : {"--stream", "--stream --workers 3", "--stream --workers 2 --prefetch-factor 1"}) {
        SCOPED_TRACE(flags);
        rel::Run s = rel::run_cnnc(t.train(std::string(kRecipe) + " " + flags + " --save '" + t.path("s.st") + "'"));
        ASSERT_EQ(s.code, 0) << s.err;
        EXPECT_EQ(rel::compare_tensors(t.path("whole.st"), t.path("s.st")), "");
    }
    // and the check can fail: another seed's weights differ
    rel::Run other = rel::run_cnnc(t.train(std::string(kRecipe) + " --stream --seed 8 --save '" + t.path("o.st") + "'"));
    ASSERT_EQ(other.code, 0) << other.err;
    EXPECT_NE(rel::compare_tensors(t.path("whole.st"), t.path("o.st")), "");
}

TEST(Stream, ResumeMidEpochWhileStreamingContinuesTheSameRun) {
    rel::TrainDir t("stream_resume");
    rel::Run whole = rel::run_cnnc(t.train(std::string(kRecipe) + " --save '" + t.path("whole.st") + "'"));
    ASSERT_EQ(whole.code, 0) << whole.err;
    const std::string cut = t.path("cut.st");
    rel::Run first = rel::run_cnnc(t.train(std::string(kRecipe) + " --stream --workers 2 --save '" + cut + "'"),
                                   "CNNC_FAULT_INTERRUPT_AT_STEP=5");
    ASSERT_EQ(first.code, 143) << first.err;
    EXPECT_EQ(rel::meta_of(cut, "step_in_epoch"), "5");
    rel::Run rest = rel::run_cnnc(
        t.train(std::string(kRecipe) + " --stream --workers 2 --resume '" + cut + "' --save '" + cut + "'"));
    ASSERT_EQ(rest.code, 0) << rest.err;
    EXPECT_EQ(rel::compare_tensors(t.path("whole.st"), cut), "");
}

TEST(Stream, ASetLargerThanMaxResidentMbStreamsAndSaysSo) {
    rel::TrainDir t("stream_auto", 17000, 50);   // 17000 x 64 bytes = 1.04 MiB
    const std::string base = "train '" + t.model + "' --data '" + t.dir + "' --device cpu --threads 2 --batch 500 ";
    rel::Run big = rel::run_cnnc(base + "--max-resident-mb 1 --save '" + t.path("a.st") + "'");
    ASSERT_EQ(big.code, 0) << big.err;
    EXPECT_TRUE(has(big.out, "data: streamed from disk (1.0 MiB decoded > --max-resident-mb, 1 MiB)")) << big.out;
    rel::Run small = rel::run_cnnc(base + "--max-resident-mb 2 --save '" + t.path("b.st") + "'");
    ASSERT_EQ(small.code, 0) << small.err;
    EXPECT_TRUE(has(small.out, "data: loaded whole (1.0 MiB decoded <= --max-resident-mb, 2 MiB)")) << small.out;
    EXPECT_EQ(rel::compare_tensors(t.path("a.st"), t.path("b.st")), "");
}

// ---- the pool's bound, through the engine API ----

struct Counting {
    std::vector<uint8_t> labels;
    std::atomic<int64_t> reads{0};
    int64_t consumed = 0;          // samples of the steps done (progress callback)
    int64_t max_ahead = 0;         // reads beyond them, at worst
};

cnnc_status counting_read(void *ctx, int64_t index, uint8_t *px, cnnc_error *) {
    auto *c = static_cast<Counting *>(ctx);
    for (int k = 0; k < 64; k++) px[k] = (uint8_t)(index * 7 + k);
    c->reads++;
    return CNNC_OK;
}

int on_step(void *user, int64_t step, int64_t, double, double) {
    auto *c = static_cast<Counting *>(user);
    c->consumed = step * 16;
    // a slow consumer: the workers fill every free buffer meanwhile
    ::usleep(2000);
    c->max_ahead = std::max(c->max_ahead, c->reads.load() - c->consumed);
    return 0;
}

TEST(Stream, ThePoolHoldsWorkersTimesPrefetchBatchesAndReadsNoFurtherAhead) {
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    const char *text = rel::tiny_model_text();
    ASSERT_EQ(cnnc_model_parse(text, strlen(text), "tiny.cnn", &m, &err), CNNC_OK) << err.message;
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.device = CNNC_DEVICE_CPU;
    cfg.max_batch = 16;
    cnnc_engine *e = nullptr;
    char note[256];
    ASSERT_EQ(cnnc_engine_create(m, &cfg, &e, note, sizeof note, &err), CNNC_OK) << err.message;
    Counting c;
    const int64_t n = 1600;   // 100 steps
    for (int64_t i = 0; i < n; i++) c.labels.push_back((uint8_t)(i % 10));
    cnnc_sample_source src = {&c, n, 1, 8, 8, c.labels.data(), counting_read};
    ASSERT_EQ(cnnc_engine_set_stream(e, &src, 3, 2, &err), CNNC_OK) << err.message;
    // 6 buffers of 16 images of 64 bytes, 16 labels and 16 int32 codes
    EXPECT_EQ(cnnc_engine_stream_bytes(e), (size_t)6 * (16 * 64 + 16 + 16 * 4));
    cnnc_epoch_stats stats;
    ASSERT_EQ(cnnc_engine_train_epoch(e, 16, 1, 0, on_step, &c, 1, &stats, &err), CNNC_OK) << err.message;
    EXPECT_EQ(c.reads.load(), n);
    EXPECT_GT(c.max_ahead, 16);        // it did read ahead ...
    EXPECT_LE(c.max_ahead, 6 * 16);    // ... never past the pool
    EXPECT_EQ(stats.samples, n);
    cnnc_engine_free(e);
    cnnc_model_free(m);
}

// ---- errors ----

void write_png(const std::string &p, int w, int h, const std::vector<uint8_t> &px) {
    png_image img;
    std::memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)w;
    img.height = (png_uint_32)h;
    img.format = PNG_FORMAT_GRAY;
    ASSERT_NE(png_image_write_to_file(&img, p.c_str(), 0, px.data(), 0, nullptr), 0) << img.message;
}

// An ImageFolder of 8x8 PNGs, 2 classes of 40, and a 10-image test split.
void write_folder(const std::string &dir) {
    for (const char *split : {"train", "test"})
        for (int c = 0; c < 2; c++) {
            std::string d = dir + "/" + split + "/c" + std::to_string(c);
            ASSERT_EQ(std::system(("mkdir -p '" + d + "'").c_str()), 0);
            for (int i = 0; i < (split[1] == 'r' ? 40 : 5); i++) {
                std::vector<uint8_t> px(64);
                for (int k = 0; k < 64; k++) px[(size_t)k] = (uint8_t)((i * 31 + k * 7 + c * 100) & 255);
                char name[32];
                std::snprintf(name, sizeof name, "/%03d.png", i);
                write_png(d + name, 8, 8, px);
            }
        }
}

TEST(Stream, AnImageFolderStreamsToTheResidentWeights) {
    rel::TrainDir t("stream_folder");
    const std::string data = t.path("folder");
    write_folder(data);
    const std::string base = "train '" + t.model + "' --data '" + data + "' --device cpu --threads 2 --seed 3 --batch 16 "
                             "--quiet --epochs 2 --augment hflip ";
    rel::Run whole = rel::run_cnnc(base + "--save '" + t.path("w.st") + "'");
    ASSERT_EQ(whole.code, 0) << whole.err;
    rel::Run s = rel::run_cnnc(base + "--stream --workers 2 --save '" + t.path("s.st") + "'");
    ASSERT_EQ(s.code, 0) << s.err;
    EXPECT_EQ(rel::compare_tensors(t.path("w.st"), t.path("s.st")), "");
    EXPECT_EQ(rel::meta_of(t.path("s.st"), "classes"), "[\"c0\",\"c1\"]");
}

TEST(Stream, ACorruptImageMidEpochStopsNamingItAndKeepsTheCheckpoint) {
    rel::TrainDir t("stream_corrupt");
    const std::string data = t.path("folder");
    write_folder(data);
    const std::string ck = t.path("ck.st");
    const std::string base = "train '" + t.model + "' --data '" + data + "' --device cpu --threads 2 --seed 3 --batch 16 "
                             "--quiet --stream ";
    rel::Run first = rel::run_cnnc(base + "--epochs 1 --save '" + ck + "'");
    ASSERT_EQ(first.code, 0) << first.err;
    const std::string before = rel::slurp(ck);
    // keep the headers up to the pixel data (the scan at start reads them) but cut the pixels short
    const std::string bad = data + "/train/c1/017.png";
    std::string png = rel::slurp(bad);
    ASSERT_GT(png.size(), 60u);
    rel::write_text(bad, png.substr(0, png.size() - 20));   // IEND (12) and the end of IDAT
    for (const char *workers : {"0", "3"}) {
        SCOPED_TRACE(workers);
        rel::Run r = rel::run_cnnc(base + "--workers " + std::string(workers) + " --epochs 3 --resume '" + ck +
                                   "' --save '" + ck + "'");
        EXPECT_NE(r.code, 0);
        EXPECT_NE(r.code, 2);
        EXPECT_EQ(r.signal, 0);
        EXPECT_TRUE(has(r.err, bad)) << r.err;
        EXPECT_TRUE(has(r.err, "sample 57 of the training set")) << r.err;   // c0's 40, then c1's 017
        EXPECT_TRUE(has(r.err, "streamed training sample 57")) << r.err;
        EXPECT_EQ(rel::slurp(ck), before);
    }
}

// An IDX images file shorter than its header says: refused when the stream opens (as the
// whole-set loader refuses it), and, cut after it opened, at the first sample past the end,
// naming the file and the sample; the checkpoint saved before stays as it was.
TEST(Stream, ATruncatedIdxFileIsRefusedAtOpenOrAtTheSampleItLacks) {
    rel::TrainDir t("stream_truncated");
    const std::string images = t.path("train-images-idx3-ubyte");
    const std::string ck = t.path("ck.st");
    ASSERT_EQ(rel::run_cnnc(t.train("--stream --epochs 1 --save '" + ck + "'")).code, 0);
    const std::string before = rel::slurp(ck), whole = rel::slurp(images);
    const size_t item = 8 * 8;   // the tiny set's 200 training images are 8x8
    ASSERT_EQ(whole.size(), 16 + 200 * item);
    rel::write_text(images, whole.substr(0, 16 + 150 * item + item / 2));
    rel::Run r = rel::run_cnnc(t.train("--stream --epochs 2 --resume '" + ck + "' --save '" + ck + "'"));
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(r.signal, 0);
    EXPECT_TRUE(has(r.err, images + ": truncated: expected 200 images of 8x8, got 150")) << r.err;
    EXPECT_EQ(rel::slurp(ck), before);

    // cut after the stream opened: the reader's own check, sample by sample
    rel::write_text(images, whole);
    cnnc_stream_set *set = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_data_open_stream(t.dir.c_str(), &set, nullptr, &err), CNNC_OK) << err.message;
    ASSERT_EQ(truncate(images.c_str(), (off_t)(16 + 150 * item + item / 2)), 0);
    const cnnc_sample_source *src = cnnc_stream_source(set);
    std::vector<uint8_t> px(item);
    EXPECT_EQ(src->read(src->ctx, 149, px.data(), &err), CNNC_OK) << err.message;
    EXPECT_EQ(std::vector<uint8_t>(px.begin(), px.end()),
              std::vector<uint8_t>(whole.begin() + 16 + 149 * item, whole.begin() + 16 + 150 * item));
    cnnc_error_clear(&err);
    EXPECT_NE(src->read(src->ctx, 150, px.data(), &err), CNNC_OK);
    EXPECT_TRUE(has(err.message, images + ": truncated: sample 150 ends at byte")) << err.message;
    EXPECT_TRUE(has(err.message, "changed after it was opened")) << err.message;
    cnnc_stream_set_free(set);
}

TEST(Stream, AGzipIdxSetIsRefusedNamingTheFile) {
    rel::TrainDir t("stream_gz");
    ASSERT_EQ(std::system(("gzip '" + t.path("train-images-idx3-ubyte") + "'").c_str()), 0);
    rel::Run r = rel::run_cnnc(t.train("--stream"));
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(has(r.err, t.path("train-images-idx3-ubyte.gz") + ": a gzip file cannot be streamed")) << r.err;
    EXPECT_TRUE(has(r.err, "gunzip -k")) << r.err;
    // loaded whole it trains
    rel::Run whole = rel::run_cnnc(t.train(""));
    EXPECT_EQ(whole.code, 0) << whole.err;
}

TEST(Stream, AbsurdFlagsAreRefusedNamingTheFlag) {
    rel::TrainDir t("stream_flags");
    struct { const char *flags, *says; } cases[] = {
        {"--stream --workers -1", "--workers"},
        {"--stream --workers 65", "--workers"},
        {"--stream --workers 2 --prefetch-factor 0", "--prefetch-factor"},
        {"--stream --workers 2 --prefetch-factor 1000", "--prefetch-factor"},
        {"--stream --prefetch-factor 2", "--prefetch-factor needs --workers > 0"},
        {"--max-resident-mb 0", "--max-resident-mb"},
        {"--max-resident-mb lots", "--max-resident-mb"},
        {"--stream --val-split 20", "--val-split"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.flags);
        rel::Run r = rel::run_cnnc(t.train(c.flags));
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_TRUE(has(r.err, c.says)) << r.err;
    }
}

}  // namespace
