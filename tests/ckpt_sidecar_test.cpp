// ckpt_sidecar_test.cpp — the optimizer state lives beside the checkpoint, so
// the checkpoint stays a plain state_dict; resuming pairs them by run id and
// step (tests/ckpt_pair_test.cpp has the rest of the pairing).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

#include "cnnc/cnnc.h"
#include "test_paths.h"

namespace {

const char *kNet = "input = (1, 8, 8)\nc = Conv2d(1, 2, 3)\nf = Flatten()\nout = Linear(72, 3)\n";

struct Trained {
    cnnc_model *m = nullptr;
    cnnc_engine *e = nullptr;
    cnnc_error err;
    Trained() {
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(kNet, strlen(kNet), "net.cnn", &m, &err), CNNC_OK);
        cnnc_engine_config cfg = cnnc_engine_config_default(m);
        cfg.max_batch = 4;
        EXPECT_EQ(cnnc_engine_create(m, &cfg, &e, nullptr, 0, &err), CNNC_OK) << err.message;
    }
    void train(int steps) {
        std::vector<float> x(4 * 64);
        for (size_t i = 0; i < x.size(); i++) x[i] = (float)((i * 37) % 11) / 11.0f;
        std::vector<int64_t> y = {0, 1, 2, 1};
        cnnc_shape s = {4, {4, 1, 8, 8}};
        ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &s, y.data(), &err), CNNC_OK);
        for (int k = 0; k < steps; k++) ASSERT_EQ(cnnc_engine_train_step(e, nullptr, &err), CNNC_OK);
    }
    ~Trained() {
        cnnc_engine_free(e);
        cnnc_model_free(m);
    }
};

std::string scratch(const char *name) {
    return scratch_dir() + "/cnnc_sidecar_" + std::to_string(getpid()) + "_" + name;
}

TEST(CheckpointSidecar, OptimizerStateGoesToTheSidecarAndTheCheckpointHoldsOnlyTheStateDict) {
    Trained a;
    a.train(3);
    std::string path = scratch("a.safetensors");
    char opath[1024];
    cnnc_ckpt_optim_path(path.c_str(), opath, sizeof opath);
    EXPECT_EQ(std::string(opath), scratch("a.optim.safetensors"));
    cnnc_ckpt_meta meta = {1, 7, 1, 0, 0, {}, 0, {}, nullptr};
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.m, path.c_str(), &meta, &a.err), CNNC_OK) << a.err.message;

    cnnc_st_file *f = nullptr;
    ASSERT_EQ(cnnc_st_read(path.c_str(), &f, &a.err), CNNC_OK);
    EXPECT_EQ(cnnc_st_count(f), 4);  // c.weight, c.bias, out.weight, out.bias
    EXPECT_EQ(cnnc_st_find(f, "optim.m"), nullptr);
    EXPECT_STREQ(cnnc_st_meta(f, "step"), "3");
    cnnc_st_free(f);
    ASSERT_EQ(cnnc_st_read(opath, &f, &a.err), CNNC_OK);
    EXPECT_NE(cnnc_st_find(f, "optim.m"), nullptr);
    EXPECT_STREQ(cnnc_st_meta(f, "step"), "3");
    cnnc_st_free(f);

    // Resuming restores the optimizer: the next steps match the original run's.
    Trained b;
    cnnc_ckpt_meta got;
    memset(&got, 0, sizeof got);
    ASSERT_EQ(cnnc_ckpt_load(b.e, path.c_str(), 1, &got, &b.err), CNNC_OK) << b.err.message;
    EXPECT_EQ(got.with_optim, 1);
    EXPECT_EQ(got.epoch, 1);
    EXPECT_EQ(cnnc_engine_steps(b.e), 3);
    a.train(2);
    b.train(2);
    std::vector<float> wa(72 * 3), wb(72 * 3);
    ASSERT_EQ(cnnc_engine_read_param(a.e, 2, wa.data(), &a.err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_read_param(b.e, 2, wb.data(), &b.err), CNNC_OK);
    EXPECT_EQ(memcmp(wa.data(), wb.data(), wa.size() * sizeof(float)), 0);
    std::remove(path.c_str());
    std::remove(opath);
}

TEST(CheckpointSidecar, ASidecarFromAnotherStepIsRefusedWithBothSteps) {
    Trained a;
    a.train(2);
    std::string path = scratch("b.safetensors");
    char opath[1024];
    cnnc_ckpt_optim_path(path.c_str(), opath, sizeof opath);
    cnnc_ckpt_meta meta = {0, 0, 1, 0, 0, {}, 0, {}, nullptr};
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.m, path.c_str(), &meta, &a.err), CNNC_OK);
    // A newer optimizer state beside older weights: what a save killed between its two files leaves.
    std::string keep = scratch("b.keep");
    ASSERT_EQ(std::rename(path.c_str(), keep.c_str()), 0);
    a.train(1);
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.m, path.c_str(), &meta, &a.err), CNNC_OK);
    ASSERT_EQ(std::rename(keep.c_str(), path.c_str()), 0);

    Trained b;
    EXPECT_EQ(cnnc_ckpt_load(b.e, path.c_str(), 1, nullptr, &b.err), CNNC_ERR_IO);
    EXPECT_NE(std::string(b.err.message).find("it is from optimizer step 3, the weights from step 2"), std::string::npos)
        << b.err.message;
    // Weights alone still load (eval, predict).
    EXPECT_EQ(cnnc_ckpt_load(b.e, path.c_str(), 0, nullptr, &b.err), CNNC_OK) << b.err.message;
    std::remove(path.c_str());
    std::remove(opath);
}

}  // namespace
