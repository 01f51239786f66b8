// reliability_train_test.cpp — crash-safe training as a user meets it:
// SIGINT/SIGTERM write a resumable checkpoint (exit 130/143) and --resume
// continues bit-identically; kill -9 in the middle of a checkpoint write and a
// full disk leave the previous checkpoint intact; a NaN loss stops training,
// --detect-anomaly names the layer and pass; models too big for memory are
// refused before anything is allocated.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <csignal>
#include <dirent.h>
#include <regex>
#include <sys/wait.h>
#include <unistd.h>

#include "reliability_util.h"

namespace {


int count_temporaries(const std::string &dir) {
    int n = 0;
    if (DIR *d = opendir(dir.c_str())) {
        while (struct dirent *ent = readdir(d))
            if (std::strstr(ent->d_name, ".tmp.")) n++;
        closedir(d);
    }
    return n;
}

TEST(ReliabilityTrain, SigtermMidEpochSavesAResumableCheckpointAndResumeIsBitIdentical) {
    rel::TrainDir t("resume");
    rel::Run full = rel::run_cnnc(t.train("--epochs 2 --save '" + t.path("full.st") + "'"));
    ASSERT_EQ(full.code, 0) << full.err;

    // SIGTERM (raised by the handler's own process after 5 optimizer steps).
    rel::Run cut = rel::run_cnnc(t.train("--epochs 2 --save '" + t.path("cut.st") + "'"), "CNNC_FAULT_INTERRUPT_AT_STEP=5");
    EXPECT_EQ(cut.code, 143) << cut.err;
    EXPECT_NE(cut.err.find("interrupted (SIGTERM) in epoch 1 after step 5: saved"), std::string::npos) << cut.err;
    EXPECT_EQ(rel::meta_of(t.path("cut.st"), "epoch"), "0");
    EXPECT_EQ(rel::meta_of(t.path("cut.st"), "step_in_epoch"), "5");
    EXPECT_NE(rel::compare_tensors(t.path("full.st"), t.path("cut.st")), "") << "the cut run must not be finished yet";

    // Resume, interrupted again in the second epoch (5 + 10 = step 2 of epoch 2), then resume to the end.
    rel::Run again = rel::run_cnnc(t.train("--epochs 2 --resume '" + t.path("cut.st") + "' --save '" + t.path("cut.st") + "'"),
                                   "CNNC_FAULT_INTERRUPT_AT_STEP=10");
    EXPECT_EQ(again.code, 143) << again.err;
    EXPECT_EQ(rel::meta_of(t.path("cut.st"), "epoch"), "1");
    EXPECT_EQ(rel::meta_of(t.path("cut.st"), "step_in_epoch"), "2");
    rel::Run rest = rel::run_cnnc(t.train("--epochs 2 --resume '" + t.path("cut.st") + "' --save '" + t.path("cut.st") + "'"));
    ASSERT_EQ(rest.code, 0) << rest.err;
    EXPECT_NE(rest.err.find("resumed from"), std::string::npos);
    // Weights, BatchNorm buffers (num_batches_tracked included), Adam moments and step: all bit-identical.
    EXPECT_EQ(rel::compare_tensors(t.path("full.st"), t.path("cut.st")), "");
    EXPECT_EQ(rel::meta_of(t.path("cut.st"), "rng_counter"), rel::meta_of(t.path("full.st"), "rng_counter"));
}

TEST(ReliabilityTrain, RealSigintWhileTrainingExits130WithALoadableCheckpoint) {
    rel::TrainDir t("sigint", 400, 20);
    std::string ck = t.path("int.st");
    // SIGINT once training has started: its first line is on stdout (on a loaded
    // machine the process can take seconds to get there, so a fixed delay is not used).
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        if (!freopen(t.path("out.txt").c_str(), "w", stdout) || !freopen(t.path("err.txt").c_str(), "w", stderr)) _exit(99);
        std::string exe = cnnc_exe(), data = t.dir;
        execl(exe.c_str(), exe.c_str(), "train", t.model.c_str(), "--data", data.c_str(), "--device", "cpu", "--threads",
              "2", "--seed", "7", "--batch", "16", "--epochs", "100000", "--every", "1000000", "--save", ck.c_str(),
              (char *)nullptr);
        _exit(98);
    }
    int waited_ms = 0;
    while (rel::slurp(t.path("out.txt")).find("training ") == std::string::npos && waited_ms < 60000) {
        usleep(10000);
        waited_ms += 10;
    }
    usleep(300000);   // into the epochs
    kill(pid, SIGINT);
    int st = 0;
    waitpid(pid, &st, 0);
    ASSERT_TRUE(WIFEXITED(st));
    EXPECT_EQ(WEXITSTATUS(st), 130) << rel::slurp(t.path("err.txt"));
    EXPECT_NE(rel::slurp(t.path("err.txt")).find("interrupted (SIGINT)"), std::string::npos);
    EXPECT_NE(rel::meta_of(ck, "rng_counter"), "<unreadable>");
    // And it resumes: one more epoch from wherever it stopped.
    std::string ep = rel::meta_of(ck, "epoch");
    rel::Run rest = rel::run_cnnc(t.train("--epochs " + std::to_string(std::stoll(ep) + 1) + " --resume '" + ck + "'"));
    EXPECT_EQ(rest.code, 0) << rest.err;
    EXPECT_EQ(count_temporaries(t.dir), 0);
}

TEST(ReliabilityTrain, KillNineDuringACheckpointWriteLeavesThePreviousCheckpointIntact) {
    rel::TrainDir t("kill9");
    std::string ck = t.path("ck.st");
    ASSERT_EQ(rel::run_cnnc(t.train("--epochs 1 --save '" + ck + "'")).code, 0);
    const std::string before = rel::slurp(ck);
    ASSERT_GT(before.size(), 1000u);

    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        // The save pauses after the header with the temporary half written.
        setenv("CNNC_FAULT_SAVE_PAUSE_MS", "20000", 1);
        if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(99);
        std::string exe = cnnc_hooked_exe(), data = t.dir;
        execl(exe.c_str(), exe.c_str(), "train", t.model.c_str(), "--data", data.c_str(), "--device", "cpu", "--threads",
              "2", "--seed", "7", "--batch", "16", "--quiet", "--epochs", "2", "--resume", ck.c_str(), "--save",
              ck.c_str(), (char *)nullptr);
        _exit(98);
    }
    int waited_ms = 0;
    while (count_temporaries(t.dir) == 0 && waited_ms < 20000) {
        usleep(10000);
        waited_ms += 10;
    }
    EXPECT_EQ(count_temporaries(t.dir), 1) << "the save never started";
    kill(pid, SIGKILL);
    int st = 0;
    waitpid(pid, &st, 0);
    EXPECT_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    EXPECT_EQ(rel::slurp(ck), before) << "the previous checkpoint changed";
    EXPECT_EQ(rel::meta_of(ck, "epoch"), "1");
    // The old checkpoint still resumes.
    EXPECT_EQ(rel::run_cnnc(t.train("--epochs 2 --resume '" + ck + "'")).code, 0);
}

TEST(ReliabilityTrain, DiskFullDuringASaveIsAClearErrorAndTheOldFileSurvives) {
    rel::TrainDir t("diskfull");
    std::string ck = t.path("ck.st");
    ASSERT_EQ(rel::run_cnnc(t.train("--epochs 1 --save '" + ck + "'")).code, 0);
    const std::string before = rel::slurp(ck);
    // RLIMIT_FSIZE of 4 KiB (the checkpoint is ~11 KiB): write() fails with EFBIG
    // part-way through, as it would with ENOSPC; SIGXFSZ is ignored so the error reaches cnnc.
    std::string cmd = "bash -c \"ulimit -f 4; trap '' XFSZ; exec '" + cnnc_exe() + "' " +
                      t.train("--epochs 2 --resume '" + ck + "' --save '" + ck + "'") + "\" >/dev/null 2>'" + t.path("err.txt") + "'";
    int st = std::system(cmd.c_str());
    std::string err = rel::slurp(t.path("err.txt"));
    ASSERT_TRUE(WIFEXITED(st));
    EXPECT_EQ(WEXITSTATUS(st), 3) << err;
    EXPECT_NE(err.find("File too large"), std::string::npos) << err;
    EXPECT_NE(err.find("nothing was saved, any previous file is unchanged"), std::string::npos) << err;
    EXPECT_EQ(rel::slurp(ck), before);
    EXPECT_EQ(count_temporaries(t.dir), 0) << "the failed temporary must be removed";
}

TEST(ReliabilityTrain, NanLossWithoutDetectAnomalyStopsWithAClearMessage) {
    rel::TrainDir t("nan");
    rel::Run r = rel::run_cnnc(t.train("--epochs 1 --optim sgd --lr 1e30 --every 1"));
    EXPECT_EQ(r.code, 5);
    EXPECT_TRUE(std::regex_search(r.err, std::regex("RuntimeError: loss is (nan|inf) at epoch 1 step [0-9]+: training "
                                                    "diverged \\(try a lower --lr\\)")))
        << r.err;
}

TEST(ReliabilityTrain, DetectAnomalyNamesTheLayerAndPassOfTheFirstNonFiniteValue) {
    rel::TrainDir t("anomaly");
    rel::Run r = rel::run_cnnc(t.train("--epochs 1 --optim sgd --lr 1e30 --detect-anomaly"));
    EXPECT_EQ(r.code, 5);
    EXPECT_TRUE(std::regex_search(r.err, std::regex("RuntimeError: Function '[A-Za-z0-9]+' returned (nan|inf) values in "
                                                    "its .* \\(layer [a-z0-9.]+, (forward|backward) pass, epoch 1 step [0-9]+\\)")))
        << r.err;
}

// In-process: exact layer and pass for a forward and a backward anomaly.
struct AnomalyEngine {
    cnnc_model *model = nullptr;
    cnnc_engine *e = nullptr;
    std::vector<uint8_t> images = std::vector<uint8_t>(64, 0), labels = std::vector<uint8_t>(1, 0);
    AnomalyEngine() {
        const char *text = "input = (1, 8, 8)\nflatten = Flatten()\nhidden = Linear(64, 2)\nout = Linear(2, 3)\n";
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text, std::strlen(text), "<anomaly>", &model, &err), CNNC_OK) << err.message;
        cnnc_engine_config cfg = cnnc_engine_config_default(model);
        cfg.max_batch = 1;
        cfg.threads = 1;
        cfg.detect_anomaly = 1;
        EXPECT_EQ(cnnc_engine_create(model, &cfg, &e, nullptr, 0, &err), CNNC_OK) << err.message;
        cnnc_dataset ds = {images.data(), labels.data(), 1, 1, 8, 8};
        EXPECT_EQ(cnnc_engine_set_dataset(e, 0, &ds, &err), CNNC_OK) << err.message;
    }
    ~AnomalyEngine() { cnnc_engine_free(e); cnnc_model_free(model); }
    void set(const char *name, const std::vector<float> &v) {
        cnnc_error err;
        int32_t i = cnnc_engine_param_find(e, name);
        ASSERT_GE(i, 0);
        ASSERT_EQ(cnnc_engine_write_param(e, i, v.data(), &err), CNNC_OK);
    }
};

TEST(ReliabilityTrain, DetectAnomalyReportsAForwardNanAtTheLayerThatProducedIt) {
    AnomalyEngine a;
    a.set("hidden.bias", {NAN, 0.0f});
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_engine_train_epoch(a.e, 1, 1, 0, nullptr, nullptr, 1, nullptr, &err), CNNC_ERR_NUMERIC);
    EXPECT_STREQ(err.message,
                 "Function 'Linear' returned nan values in its output (layer hidden, forward pass, epoch 1 step 1)");
}

TEST(ReliabilityTrain, DetectAnomalyReportsABackwardOverflowAtTheLayerThatProducedIt) {
    AnomalyEngine a;
    // h = 0, so the forward is finite (logits = 0); dlogits = (-2/3, 1/3, 1/3)
    // and column 0 of out.weight at +-FLT_MAX makes dh[0] = 4/3 * FLT_MAX = inf.
    a.set("hidden.weight", std::vector<float>(128, 0.0f));
    a.set("hidden.bias", {0.0f, 0.0f});
    a.set("out.weight", {-FLT_MAX, 0.0f, FLT_MAX, 0.0f, FLT_MAX, 0.0f});
    a.set("out.bias", {0.0f, 0.0f, 0.0f});
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_engine_train_epoch(a.e, 1, 1, 0, nullptr, nullptr, 1, nullptr, &err), CNNC_ERR_NUMERIC);
    EXPECT_STREQ(err.message, "Function 'LinearBackward' returned inf values in its 0th output (the input's gradient) "
                              "(layer out, backward pass, epoch 1 step 1)");
}

TEST(ReliabilityTrain, WithoutDetectAnomalyTheSameBackwardOverflowIsNotReportedAsAnAnomaly) {
    AnomalyEngine a;
    cnnc_engine_free(a.e);
    a.e = nullptr;
    cnnc_engine_config cfg = cnnc_engine_config_default(a.model);
    cfg.max_batch = 1;
    cfg.threads = 1;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_engine_create(a.model, &cfg, &a.e, nullptr, 0, &err), CNNC_OK);
    cnnc_dataset ds = {a.images.data(), a.labels.data(), 1, 1, 8, 8};
    ASSERT_EQ(cnnc_engine_set_dataset(a.e, 0, &ds, &err), CNNC_OK);
    a.set("hidden.bias", {NAN, 0.0f});
    // The loss itself is nan: the plain check still stops, with its own message.
    EXPECT_EQ(cnnc_engine_train_epoch(a.e, 1, 1, 0, nullptr, nullptr, 1, nullptr, &err), CNNC_ERR_NUMERIC);
    EXPECT_STREQ(err.message, "loss is nan at epoch 1 step 1: training diverged (try a lower --lr)");
}

TEST(ReliabilityTrain, AModelTooBigForMemoryIsRefusedBeforeAllocatingWithNeedsAndAvailable) {
    rel::TrainDir t("bigmodel");
    std::string big = rel::write_text(t.path("big.cnn"), "input = (1, 8, 8)\nflatten = Flatten()\n"
                                                         "big = Linear(64, 268435456)\nout = Linear(268435456, 10)\n");
    rel::Run r = rel::run_cnnc("train '" + big + "' --data '" + t.dir + "' --device cpu --epochs 1");
    EXPECT_EQ(r.code, 3);
    EXPECT_TRUE(std::regex_search(r.err, std::regex("RuntimeError: DefaultCPUAllocator: not enough memory: .*big.cnn needs "
                                                    "428\\.00 GiB at batch 64 \\(.*\\), [0-9.]+ GiB available")))
        << r.err;
    // The tiny model fits, until the host says only 1 KiB is free.
    rel::Run small = rel::run_cnnc(t.train("--epochs 1"), "CNNC_FAULT_MEM_AVAILABLE=1024");
    EXPECT_EQ(small.code, 3);
    EXPECT_NE(small.err.find("GiB at batch 16"), std::string::npos) << small.err;
    EXPECT_NE(small.err.find("0.00 GiB available"), std::string::npos) << small.err;
}

// The fault hooks live only in the test build: the release binary reads no
// CNNC_FAULT_* variable, so setting one there changes nothing.
TEST(ReliabilityTrain, TheReleaseBinaryHasNoFaultHooks) {
    std::string bin = rel::slurp(cnnc_exe());
    ASSERT_GT(bin.size(), 10000u);
    EXPECT_EQ(bin.find("CNNC_FAULT_"), std::string::npos) << cnnc_exe() << " still reads a CNNC_FAULT_* variable";
    std::string hooked = rel::slurp(cnnc_hooked_exe());
    EXPECT_NE(hooked.find("CNNC_FAULT_MEM_AVAILABLE"), std::string::npos) << cnnc_hooked_exe();
    rel::TrainDir t("nohooks");
    std::string cmd = "env CNNC_FAULT_MEM_AVAILABLE=1024 '" + cnnc_exe() + "' " + t.train("--epochs 1") + " >/dev/null 2>&1";
    int st = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << "the release binary obeyed CNNC_FAULT_MEM_AVAILABLE";
}

// The plan is told before the arena is allocated (and zeroed): the CLI prints a
// note when it is 1 GiB or more (20,000 ReLU lines planned 8 GB in silence).
TEST(ReliabilityTrain, ThePlanIsToldBeforeTheArenaIsAllocated) {
    const char *text = "input = (1, 8, 8)\nr1 = ReLU()\nr2 = ReLU()\nflatten = Flatten()\nout = Linear(64, 10)\n";
    cnnc_model *model = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_parse(text, std::strlen(text), "plan.cnn", &model, &err), CNNC_OK) << err.message;
    struct Seen { int calls = 0; cnnc_plan_summary s; } seen;
    cnnc_engine_config cfg = cnnc_engine_config_default(model);
    cfg.max_batch = 16;
    cfg.on_plan_user = &seen;
    cfg.on_plan = [](void *user, const cnnc_plan_summary *p) {
        Seen *s = static_cast<Seen *>(user);
        s->calls++;
        s->s = *p;
    };
    cnnc_engine *e = nullptr;
    ASSERT_EQ(cnnc_engine_create(model, &cfg, &e, nullptr, 0, &err), CNNC_OK) << err.message;
    EXPECT_EQ(seen.calls, 1);
    EXPECT_EQ(seen.s.total_bytes, cnnc_engine_arena_bytes(e));
    EXPECT_EQ(seen.s.param_bytes, (size_t)(64 * 10 + 10) * 4 * sizeof(float));   // params, grads, m, v
    EXPECT_EQ(seen.s.param_bytes + seen.s.workspace_bytes + seen.s.activation_bytes, seen.s.total_bytes);
    EXPECT_EQ(seen.s.max_batch, 16);
    EXPECT_EQ(seen.s.layers, 4);
    EXPECT_STREQ(seen.s.device, "cpu");
    cnnc_engine_free(e);
    // A refused plan is not told.
    seen.calls = 0;
    cfg.max_batch = (int64_t)1 << 40;
    EXPECT_NE(cnnc_engine_create(model, &cfg, &e, nullptr, 0, &err), CNNC_OK);
    EXPECT_EQ(seen.calls, 0);
    cnnc_model_free(model);
}

TEST(ReliabilityTrain, HugeDimsAndOverflowingProductsAreRejectedByTheShapePass) {
    rel::TrainDir t("hugedims");
    struct Case { const char *text, *want; } cases[] = {
        {"input = (1, 8, 8)\nflatten = Flatten()\nbig = Linear(64, 9223372036854775807)\n",
         "RuntimeError: tensor of shape [2, 9223372036854775807] is too large: cnnc supports at most 2^56 elements per tensor"},
        {"input = (1, 8, 8)\nc = Conv2d(1, 4611686018427387904, 3)\n",
         "RuntimeError: tensor of shape [2, 4611686018427387904, 6, 6] is too large"},
        {"input = (1, 3037000500, 3037000500)\nc = Conv2d(1, 4, 1)\n",
         "RuntimeError: tensor of shape [2, 1, 3037000500, 3037000500] is too large"},
    };
    for (const Case &c : cases) {
        std::string m = rel::write_text(t.path("huge.cnn"), c.text);
        rel::Run r = rel::run_cnnc("check '" + m + "'");
        EXPECT_EQ(r.code, 1) << c.text;
        EXPECT_EQ(r.err.rfind(c.want, 0), 0u) << r.err;
    }
}

}  // namespace
