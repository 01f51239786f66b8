// io_checkpoint_test.cpp — checkpoints: engine state <-> PyTorch state_dict in
// safetensors, load_state_dict's mismatch messages, optimizer state, and
// interchange with PyTorch through tests/python/st.py.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#include "cnnc/io.h"
#include "test_paths.h"

namespace {

const char *kSeedNet =
    "input = (1, 28, 28)\n"
    "conv1 = nn.Sequential(nn.Conv2d(1, 16, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))\n"
    "conv2 = Sequential(Conv2d(16, 32, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
    "flatten = Flatten()\n"
    "out = Linear(32 * 7 * 7, 10)\n";

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/cnnc_ckpt_test_XXXXXX";
        if (mkdtemp(tmpl)) path = tmpl;
    }
    ~TempDir() {
        if (!path.empty() && system(("rm -rf '" + path + "'").c_str()) != 0) {}
    }
    std::string operator/(const std::string &name) const { return path + "/" + name; }
};

std::string line_of(const cnnc_error &err) {
    char buf[1200];
    cnnc_error_line(&err, buf, sizeof buf);
    return buf;
}

struct Net {
    cnnc_model *model = nullptr;
    cnnc_engine *e = nullptr;
    Net(const char *text, uint64_t seed, cnnc_optim_kind optim = CNNC_OPTIM_SGD) {
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text, strlen(text), "test.cnn", &model, &err), CNNC_OK) << line_of(err);
        if (!model) return;
        cnnc_engine_config cfg = cnnc_engine_config_default(model);
        cfg.max_batch = 2;
        cfg.seed = seed;
        cfg.optim = cnnc_optim_default(optim);
        EXPECT_EQ(cnnc_engine_create(model, &cfg, &e, nullptr, 0, &err), CNNC_OK) << line_of(err);
    }
    ~Net() {
        cnnc_engine_free(e);
        cnnc_model_free(model);
    }
    // Every parameter and buffer, flattened to doubles, in state_dict order.
    std::vector<double> state() const {
        std::vector<double> all;
        cnnc_error err;
        for (int32_t i = 0; i < cnnc_engine_param_count(e); i++) {
            const cnnc_param_info *pi = cnnc_engine_param(e, i);
            if (pi->dtype == CNNC_I64) {
                std::vector<int64_t> v((size_t)pi->numel);
                EXPECT_EQ(cnnc_engine_read_param(e, i, v.data(), &err), CNNC_OK);
                all.insert(all.end(), v.begin(), v.end());
            } else {
                std::vector<float> v((size_t)pi->numel);
                EXPECT_EQ(cnnc_engine_read_param(e, i, v.data(), &err), CNNC_OK);
                all.insert(all.end(), v.begin(), v.end());
            }
        }
        return all;
    }
};

std::vector<float> images(int64_t n, uint64_t seed) {
    std::vector<float> x((size_t)(n * 784));
    uint64_t s = seed * 2654435761u + 1;
    for (auto &v : x) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        v = (float)((s >> 40) & 0xFFFF) / 65535.0f;
    }
    return x;
}

cnnc_shape batch_shape(int64_t n) {
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 4;
    s.d[0] = n;
    s.d[1] = 1;
    s.d[2] = 28;
    s.d[3] = 28;
    return s;
}

TEST(Checkpoint, SaveThenLoadRestoresEveryParameterAndTheMetadata) {
    TempDir d;
    Net a(kSeedNet, 1), b(kSeedNet, 2);
    ASSERT_TRUE(a.e && b.e);
    ASSERT_NE(a.state(), b.state());
    cnnc_ckpt_meta meta = {3, 1, 0, 0, 0, {}, 0, {}, nullptr};
    cnnc_error err;
    cnnc_error_clear(&err);
    std::string path = d / "a.safetensors";
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.model, path.c_str(), &meta, &err), CNNC_OK) << line_of(err);

    cnnc_st_file *f = nullptr;
    ASSERT_EQ(cnnc_st_read(path.c_str(), &f, &err), CNNC_OK) << line_of(err);
    ASSERT_EQ(cnnc_st_count(f), 6);
    const char *names[6] = {"conv1.0.weight", "conv1.0.bias", "conv2.0.weight", "conv2.0.bias", "out.weight", "out.bias"};
    for (int i = 0; i < 6; i++) {
        EXPECT_STREQ(cnnc_st_at(f, i)->name, names[i]);
        EXPECT_EQ(cnnc_st_at(f, i)->dtype, CNNC_F32);
    }
    EXPECT_EQ(cnnc_st_find(f, "out.weight")->shape[1], 1568);
    EXPECT_STREQ(cnnc_st_meta(f, "format"), "cnnc");
    EXPECT_STREQ(cnnc_st_meta(f, "model"), kSeedNet);
    EXPECT_STREQ(cnnc_st_meta(f, "epoch"), "3");
    EXPECT_STREQ(cnnc_st_meta(f, "seed"), "1");
    EXPECT_EQ(cnnc_st_find(f, "optim.m"), nullptr);
    cnnc_st_free(f);

    cnnc_ckpt_meta got = {-1, 0, -1, 0, 0, {}, 0, {}, nullptr};
    ASSERT_EQ(cnnc_ckpt_load(b.e, path.c_str(), 1, &got, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(b.state(), a.state());
    EXPECT_EQ(got.epoch, 3);
    EXPECT_EQ(got.seed, 1u);
    EXPECT_EQ(got.with_optim, 0);
}

// Metadata is input: a negative, huge or non-numeric epoch, step or RNG counter is refused
// naming the file and the key, before anything is loaded (a negative epoch once crashed
// `train --resume`). The weights of the engine stay what they were.
TEST(Checkpoint, BadMetadataNumbersAreRefusedBeforeAnythingLoads) {
    TempDir d;
    Net a(kSeedNet, 1), b(kSeedNet, 2);
    ASSERT_TRUE(a.e && b.e);
    cnnc_ckpt_meta meta = {3, 1, 0, 0, 0, {}, 0, {}, nullptr};
    cnnc_error err;
    cnnc_error_clear(&err);
    std::string good = d / "good.safetensors";
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.model, good.c_str(), &meta, &err), CNNC_OK) << line_of(err);
    cnnc_st_file *f = nullptr;
    ASSERT_EQ(cnnc_st_read(good.c_str(), &f, &err), CNNC_OK) << line_of(err);
    const std::vector<double> before = b.state();
    const struct { const char *key, *value; } bad[] = {
        {"epoch", "-5"}, {"epoch", "9223372036854775807"}, {"epoch", "1000001"}, {"epoch", "3x"}, {"epoch", ""},
        {"step_in_epoch", "-1"}, {"rng_counter", "18446744073709551616"}, {"seed", "0x10"},
    };
    for (const auto &c : bad) {
        SCOPED_TRACE(std::string(c.key) + "=" + c.value);
        cnnc_st_writer *w = cnnc_st_writer_new();
        ASSERT_NE(w, nullptr);
        for (int32_t i = 0; i < cnnc_st_count(f); i++) {
            const cnnc_st_tensor *t = cnnc_st_at(f, i);
            ASSERT_EQ(cnnc_st_writer_add(w, t->name, t->dtype, t->ndim, t->shape, t->data, &err), CNNC_OK);
        }
        ASSERT_EQ(cnnc_st_writer_meta(w, c.key, c.value, &err), CNNC_OK);
        std::string path = d / "bad.safetensors";
        ASSERT_EQ(cnnc_st_writer_save(w, path.c_str(), &err), CNNC_OK) << line_of(err);
        cnnc_st_writer_free(w);
        cnnc_ckpt_meta got = {0, 0, 0, 0, 0, {}, 0, {}, nullptr};
        int64_t step = 0;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_ckpt_load_at(b.e, path.c_str(), 1, &got, &step, &err), CNNC_ERR_IO);
        const std::string max = !std::strcmp(c.key, "epoch") ? "1000000" : !std::strcmp(c.key, "step_in_epoch") ? "1099511627776"
                                                                                                                : "18446744073709551615";
        EXPECT_EQ(line_of(err), "ValueError: " + path + ": checkpoint metadata \"" + c.key + "\" is '" + c.value +
                                    "', not an integer in 0.." + max);
        EXPECT_EQ(b.state(), before) << "nothing may load from a refused file";
    }
    cnnc_st_free(f);
}

TEST(Checkpoint, BatchNormBuffersAreSavedWithNumBatchesTrackedAsI64Scalar) {
    const char *bn_net =
        "input = (1, 28, 28)\n"
        "features = Sequential(Conv2d(1, 4, 3), BatchNorm2d(4), ReLU(), MaxPool2d(2))\n"
        "flatten = Flatten()\n"
        "out = Linear(4 * 13 * 13, 10)\n";
    TempDir d;
    Net a(bn_net, 5), b(bn_net, 6);
    ASSERT_TRUE(a.e && b.e);
    std::vector<float> x = images(2, 3);
    cnnc_shape xs = batch_shape(2);
    int64_t labels[2] = {1, 7};
    cnnc_error err;
    float loss = 0;
    ASSERT_EQ(cnnc_engine_set_batch(a.e, x.data(), &xs, labels, &err), CNNC_OK) << line_of(err);
    ASSERT_EQ(cnnc_engine_train_step(a.e, &loss, &err), CNNC_OK) << line_of(err);   // moves running stats
    std::string path = d / "bn.safetensors";
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.model, path.c_str(), nullptr, &err), CNNC_OK) << line_of(err);
    cnnc_st_file *f = nullptr;
    ASSERT_EQ(cnnc_st_read(path.c_str(), &f, &err), CNNC_OK);
    const cnnc_st_tensor *t = cnnc_st_find(f, "features.1.num_batches_tracked");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->dtype, CNNC_I64);
    EXPECT_EQ(t->ndim, 0);
    int64_t nbt = 0;
    memcpy(&nbt, t->data, 8);
    EXPECT_EQ(nbt, 1);
    EXPECT_NE(cnnc_st_find(f, "features.1.running_var"), nullptr);
    cnnc_st_free(f);
    ASSERT_EQ(cnnc_ckpt_load(b.e, path.c_str(), 0, nullptr, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(b.state(), a.state());
}

TEST(Checkpoint, OptimizerStateRoundTripsOnlyWhenWanted) {
    TempDir d;
    Net a(kSeedNet, 1, CNNC_OPTIM_ADAM), b(kSeedNet, 1, CNNC_OPTIM_ADAM), c(kSeedNet, 1, CNNC_OPTIM_ADAM);
    ASSERT_TRUE(a.e && b.e && c.e);
    std::vector<float> x = images(2, 9);
    cnnc_shape xs = batch_shape(2);
    int64_t labels[2] = {3, 4};
    cnnc_error err;
    float loss = 0;
    ASSERT_EQ(cnnc_engine_set_batch(a.e, x.data(), &xs, labels, &err), CNNC_OK) << line_of(err);
    for (int i = 0; i < 2; i++) ASSERT_EQ(cnnc_engine_train_step(a.e, &loss, &err), CNNC_OK) << line_of(err);
    cnnc_ckpt_meta meta = {1, 1, 1, 0, 0, {}, 0, {}, nullptr};
    std::string path = d / "adam.safetensors";
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.model, path.c_str(), &meta, &err), CNNC_OK) << line_of(err);

    int64_t n = cnnc_engine_trainable_floats(a.e);
    ASSERT_GT(n, 0);
    std::vector<float> ma(n), va(n), mb(n), vb(n);
    int64_t sa = 0, sb = 0;
    ASSERT_EQ(cnnc_engine_read_optim_state(a.e, ma.data(), va.data(), &sa, &err), CNNC_OK);
    EXPECT_EQ(sa, 2);

    cnnc_ckpt_meta got;
    ASSERT_EQ(cnnc_ckpt_load(b.e, path.c_str(), 1, &got, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(got.with_optim, 1);
    ASSERT_EQ(cnnc_engine_read_optim_state(b.e, mb.data(), vb.data(), &sb, &err), CNNC_OK);
    EXPECT_EQ(sb, 2);
    EXPECT_EQ(ma, mb);
    EXPECT_EQ(va, vb);

    // Resumed training continues exactly as the original would.
    float loss_a = 0, loss_b = 0;
    ASSERT_EQ(cnnc_engine_set_batch(b.e, x.data(), &xs, labels, &err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_train_step(a.e, &loss_a, &err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_train_step(b.e, &loss_b, &err), CNNC_OK);
    EXPECT_EQ(loss_a, loss_b);
    EXPECT_EQ(a.state(), b.state());

    ASSERT_EQ(cnnc_ckpt_load(c.e, path.c_str(), 0, &got, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(got.with_optim, 0);
    ASSERT_EQ(cnnc_engine_read_optim_state(c.e, nullptr, nullptr, &sb, &err), CNNC_OK);
    EXPECT_EQ(sb, 0) << "optimizer state not loaded when not wanted";
}

TEST(Checkpoint, MismatchesAreListedAllAtOnceInLoadStateDictsWords) {
    // Expected text verified with torch 1.13: an OrderedDict Sequential whose conv1 is
    // renamed features and whose out has 12 classes, loading the seed net's state_dict.
    const char *other =
        "input = (1, 28, 28)\n"
        "features = nn.Sequential(nn.Conv2d(1, 16, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))\n"
        "conv2 = Sequential(Conv2d(16, 32, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
        "flatten = Flatten()\n"
        "out = Linear(32 * 7 * 7, 12)\n";
    TempDir d;
    Net a(kSeedNet, 1), b(other, 2);
    ASSERT_TRUE(a.e && b.e);
    cnnc_ckpt_meta meta = {1, 1, 1, 0, 0, {}, 0, {}, nullptr};
    cnnc_error err;
    cnnc_error_clear(&err);
    std::string path = d / "seed.safetensors";
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.model, path.c_str(), &meta, &err), CNNC_OK) << line_of(err);
    std::vector<double> before = b.state();
    EXPECT_EQ(cnnc_ckpt_load(b.e, path.c_str(), 1, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(line_of(err),
              "RuntimeError: Error(s) in loading state_dict for Sequential:\n"
              "\tMissing key(s) in state_dict: \"features.0.weight\", \"features.0.bias\". \n"
              "\tUnexpected key(s) in state_dict: \"conv1.0.weight\", \"conv1.0.bias\". \n"
              "\tsize mismatch for out.weight: copying a param with shape torch.Size([10, 1568]) from checkpoint, "
              "the shape in current model is torch.Size([12, 1568]).\n"
              "\tsize mismatch for out.bias: copying a param with shape torch.Size([10]) from checkpoint, the shape "
              "in current model is torch.Size([12]).");
    EXPECT_STREQ(err.file, path.c_str());
    EXPECT_NE(std::string(err.hint).find("\"model\" metadata"), std::string::npos);
    EXPECT_EQ(b.state(), before) << "a refused checkpoint changes nothing";
}

TEST(Checkpoint, UnreadableFileIsAnIoErrorNamingIt) {
    TempDir d;
    Net a(kSeedNet, 1);
    ASSERT_TRUE(a.e);
    std::string path = d / "none.safetensors";
    cnnc_error err;
    EXPECT_EQ(cnnc_ckpt_load(a.e, path.c_str(), 0, nullptr, &err), CNNC_ERR_IO);
    EXPECT_EQ(line_of(err), "FileNotFoundError: [Errno 2] No such file or directory: '" + path + "'");
}

TEST(Checkpoint, InterchangesWithPyTorchStateDicts) {
    if (system((python_exe() + " -c 'import torch' >/dev/null 2>&1").c_str()) != 0)
        GTEST_FAIL() << python_exe() << " has no torch";
    TempDir d;
    Net a(kSeedNet, 4);
    ASSERT_TRUE(a.e);
    cnnc_error err;
    cnnc_ckpt_meta meta = {2, 4, 1, 0, 0, {}, 0, {}, nullptr};
    std::string from_c = d / "c.safetensors", from_py = d / "py.safetensors", io = d / "io.safetensors";
    ASSERT_EQ(cnnc_ckpt_save(a.e, a.model, from_c.c_str(), &meta, &err), CNNC_OK) << line_of(err);
    std::string script =
        "import sys, torch, torch.nn as nn\n"
        "from collections import OrderedDict as OD\n"
        "sys.path.insert(0, '" + source_path("tests/python") + "'); import st\n"
        "def net():\n"
        "    return nn.Sequential(OD([('conv1', nn.Sequential(nn.Conv2d(1,16,5,1,2), nn.ReLU(), nn.MaxPool2d(2))),\n"
        "        ('conv2', nn.Sequential(nn.Conv2d(16,32,5,1,2), nn.ReLU(), nn.MaxPool2d(2))),\n"
        "        ('flatten', nn.Flatten()), ('out', nn.Linear(1568, 10))]))\n"
        "m = net()\n"
        "sd = {k: v for k, v in st.load_file('" + from_c + "').items() if not k.startswith('optim.')}\n"
        "m.load_state_dict(sd, strict=True)\n"
        "assert st.load_metadata('" + from_c + "')['format'] == 'cnnc'\n"
        "torch.manual_seed(123)\n"
        "p = net().eval()\n"
        "st.save_file(p.state_dict(), '" + from_py + "')\n"
        "x = torch.rand(2, 1, 28, 28)\n"
        "with torch.no_grad(): y = p(x)\n"
        "st.save_file({'x': x, 'y': y}, '" + io + "')\n";
    std::string py = d / "t.py";
    {
        std::ofstream out(py);
        out << script;
    }
    ASSERT_EQ(system((python_exe() + " '" + py + "'").c_str()), 0) << "PyTorch refused cnnc's checkpoint";

    // PyTorch's weights in cnnc give PyTorch's outputs.
    Net b(kSeedNet, 99);
    ASSERT_TRUE(b.e);
    ASSERT_EQ(cnnc_ckpt_load(b.e, from_py.c_str(), 1, &meta, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(meta.with_optim, 0);
    cnnc_st_file *f = nullptr;
    ASSERT_EQ(cnnc_st_read(io.c_str(), &f, &err), CNNC_OK) << line_of(err);
    const cnnc_st_tensor *tx = cnnc_st_find(f, "x"), *ty = cnnc_st_find(f, "y");
    ASSERT_TRUE(tx && ty);
    std::vector<float> x(2 * 784), y(20), out(20);
    memcpy(x.data(), tx->data, x.size() * 4);
    memcpy(y.data(), ty->data, y.size() * 4);
    cnnc_st_free(f);
    cnnc_shape xs = batch_shape(2);
    ASSERT_EQ(cnnc_engine_set_batch(b.e, x.data(), &xs, nullptr, &err), CNNC_OK) << line_of(err);
    ASSERT_EQ(cnnc_engine_forward(b.e, 0, &err), CNNC_OK) << line_of(err);
    ASSERT_EQ(cnnc_engine_read_output(b.e, out.data(), &err), CNNC_OK) << line_of(err);
    for (int i = 0; i < 20; i++) EXPECT_NEAR(out[i], y[i], 1e-4) << "logit " << i;
}

}  // namespace
