// ema_test.cpp — `cnnc train --ema DECAY` end to end: the weights file holds the
// average and evaluation reads it (train's last reported accuracy is `cnnc eval`'s
// of the saved file); the sidecar keeps the trained weights and n_averaged, so an
// interrupted and resumed run ends bit-identical; resuming with and without --ema
// says what happens to the average; bad decays and a sidecar whose count cannot be
// right are refused naming the flag or the file. The per-step numbers of the
// average against torch.optim.swa_utils.AveragedModel are StepParity's *_ema cases.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "cnnc/cnnc.h"
#include "reliability_util.h"
#include "test_run.h"

namespace {

// The accuracy on the last "epoch E/E: ..." line of train's output.
std::string last_accuracy(const std::string &out) {
    size_t at = out.rfind("test acc ");
    if (at == std::string::npos) return "<none>";
    return out.substr(at + 9, 6);
}

// One tensor of a safetensors file as bytes ("" when absent or unreadable).
std::string tensor_bytes(const std::string &file, const char *name) {
    cnnc_st_file *f = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_st_read(file.c_str(), &f, &err) != CNNC_OK) return "";
    const cnnc_st_tensor *t = cnnc_st_find(f, name);
    std::string out = t ? std::string((const char *)t->data, (size_t)t->nbytes) : "";
    cnnc_st_free(f);
    return out;
}

int64_t tensor_i64(const std::string &file, const char *name) {
    std::string b = tensor_bytes(file, name);
    int64_t v = -1;
    if (b.size() == 8) std::memcpy(&v, b.data(), 8);
    return v;
}

TEST(Ema, TheSavedAverageIsWhatTrainEvaluatedAndTheSidecarKeepsTheTrainedWeights) {
    rel::TrainDir t("ema_saved");
    rel::Run r = rel::run_cnnc(t.train("--epochs 2 --optim sgd --lr 0.1 --momentum 0.9 --ema 0.9 --save '" +
                                       t.path("m.st") + "'"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(rel::meta_of(t.path("m.st"), "ema_decay"), "0.90000000000000002");
    // 13 steps an epoch: the average took all 26 updates, the first a copy.
    EXPECT_EQ(tensor_i64(t.path("m.st.optim"), "ema.n_averaged"), 26);
    // The weights file's tensors are the average, not the trained weights the sidecar keeps ...
    const std::string avg = tensor_bytes(t.path("m.st"), "features.0.weight");
    const std::string trained = tensor_bytes(t.path("m.st.optim"), "model.features.0.weight");
    ASSERT_FALSE(avg.empty());
    ASSERT_EQ(avg.size(), trained.size());
    EXPECT_NE(avg, trained);
    EXPECT_NE(tensor_bytes(t.path("m.st"), "features.1.running_mean"),
              tensor_bytes(t.path("m.st.optim"), "model.features.1.running_mean"));
    // ... and the same run without --ema saves exactly those trained weights.
    rel::Run plain = rel::run_cnnc(t.train("--epochs 2 --optim sgd --lr 0.1 --momentum 0.9 --save '" +
                                           t.path("p.st") + "'"));
    ASSERT_EQ(plain.code, 0) << plain.err;
    EXPECT_EQ(tensor_bytes(t.path("p.st"), "features.0.weight"), trained);
    // What train reported for its last epoch is the average's accuracy: eval of the saved file.
    rel::Run ev = rel::run_cnnc("eval '" + t.model + "' --weights '" + t.path("m.st") + "' --data '" + t.dir +
                                "' --device cpu --threads 2 --batch 16");
    ASSERT_EQ(ev.code, 0) << ev.err;
    size_t at = ev.out.find("acc");
    ASSERT_NE(at, std::string::npos) << ev.out;
    EXPECT_NE(ev.out.find(last_accuracy(r.out)), std::string::npos)
        << "train said " << last_accuracy(r.out) << ", eval says:\n" << ev.out;
}

TEST(Ema, AnInterruptedRunResumesItsAverageBitIdentically) {
    rel::TrainDir t("ema_resume");
    const std::string recipe = "--epochs 2 --optim adam --lr 0.01 --ema 0.8 ";
    rel::Run full = rel::run_cnnc(t.train(recipe + "--save '" + t.path("full.st") + "'"));
    ASSERT_EQ(full.code, 0) << full.err;
    rel::Run cut = rel::run_cnnc(t.train(recipe + "--save '" + t.path("cut.st") + "'"), "CNNC_FAULT_INTERRUPT_AT_STEP=17");
    ASSERT_EQ(cut.code, 143) << cut.err;
    EXPECT_EQ(tensor_i64(t.path("cut.st.optim"), "ema.n_averaged"), 17);
    rel::Run rest = rel::run_cnnc(t.train(recipe + "--resume '" + t.path("cut.st") + "' --save '" + t.path("cut.st") + "'"));
    ASSERT_EQ(rest.code, 0) << rest.err;
    EXPECT_NE(rest.err.find("its EMA continued"), std::string::npos) << rest.err;
    EXPECT_EQ(rel::compare_tensors(t.path("full.st"), t.path("cut.st")), "");
    EXPECT_EQ(rel::compare_tensors(t.path("full.st.optim"), t.path("cut.st.optim")), "");
}

TEST(Ema, ResumingWithoutAnAverageOrIntoANewOneSaysWhatHappens) {
    rel::TrainDir t("ema_switch");
    rel::Run a = rel::run_cnnc(t.train("--epochs 1 --optim sgd --lr 0.1 --save '" + t.path("plain.st") + "'"));
    ASSERT_EQ(a.code, 0) << a.err;
    // A checkpoint without an average, resumed with --ema: a new average, from the next step.
    rel::Run b = rel::run_cnnc(t.train("--epochs 2 --optim sgd --lr 0.1 --ema 0.9 --resume '" + t.path("plain.st") +
                                       "' --save '" + t.path("new.st") + "'"));
    ASSERT_EQ(b.code, 0) << b.err;
    EXPECT_NE(b.err.find("a new EMA: the checkpoint has none"), std::string::npos) << b.err;
    EXPECT_EQ(tensor_i64(t.path("new.st.optim"), "ema.n_averaged"), 13);
    // A checkpoint with one, resumed without --ema: training goes on from the trained weights.
    rel::Run c = rel::run_cnnc(t.train("--epochs 3 --optim sgd --lr 0.1 --resume '" + t.path("new.st") + "' --save '" +
                                       t.path("on.st") + "'"));
    ASSERT_EQ(c.code, 0) << c.err;
    rel::Run d = rel::run_cnnc(t.train("--epochs 3 --optim sgd --lr 0.1 --ema 0.9 --resume '" + t.path("new.st") +
                                       "' --save '" + t.path("both.st") + "'"));
    ASSERT_EQ(d.code, 0) << d.err;
    // Both trained the same weights from the sidecar's: the trained weights agree bit for bit.
    EXPECT_EQ(tensor_bytes(t.path("on.st"), "out.weight"), tensor_bytes(t.path("both.st.optim"), "model.out.weight"));
}

TEST(Ema, BadDecaysAndACountThatCannotBeRightAreRefused) {
    rel::TrainDir t("ema_bad");
    for (const char *v : {"0", "1", "1.5", "-0.1", "nan", "x"}) {
        rel::Run r = rel::run_cnnc(t.train(std::string("--epochs 1 --ema ") + v + " --save '" + t.path("x.st") + "'"));
        EXPECT_EQ(r.code, 2) << v;
        EXPECT_NE(r.err.find(std::string("cnnc train: --ema wants a decay between 0 and 1, e.g. 0.999, got '") + v + "'"),
                  std::string::npos)
            << r.err;
        EXPECT_FALSE(rel::exists(t.path("x.st")));
    }
    // A sidecar whose n_averaged exceeds the steps taken: refused, naming the file.
    rel::Run a = rel::run_cnnc(t.train("--epochs 1 --optim sgd --lr 0.1 --ema 0.9 --save '" + t.path("m.st") + "'"));
    ASSERT_EQ(a.code, 0) << a.err;
    cnnc_st_file *f = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_st_read(t.path("m.st.optim").c_str(), &f, &err), CNNC_OK) << err.message;
    const cnnc_st_tensor *tn = cnnc_st_find(f, "ema.n_averaged");
    ASSERT_NE(tn, nullptr);
    cnnc_st_free(f);
    // Patch the count in place: find its 8 bytes (13) in the file and make them 999.
    std::string bytes = rel::slurp(t.path("m.st.optim"));
    int64_t thirteen = 13, big = 999;
    std::string needle((const char *)&thirteen, 8);
    size_t at = bytes.rfind(needle);
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 8, std::string((const char *)&big, 8));
    FILE *o = std::fopen(t.path("m.st.optim").c_str(), "wb");
    ASSERT_NE(o, nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), o);
    std::fclose(o);
    ASSERT_EQ(tensor_i64(t.path("m.st.optim"), "ema.n_averaged"), 999);
    rel::Run r = rel::run_cnnc(t.train("--epochs 2 --optim sgd --lr 0.1 --ema 0.9 --resume '" + t.path("m.st") + "'"));
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("m.st.optim: ema.n_averaged is 999, outside 0 to the 13 optimizer steps taken"),
              std::string::npos)
        << r.err;
}

}  // namespace
