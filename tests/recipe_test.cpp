// recipe_test.cpp — training recipes as `cnnc train` runs them, against torch 1.13:
// the learning rate and momentum of every step of a run whose schedule steps per
// epoch (StepLR, MultiStepLR, CosineAnnealingLR) or per step (OneCycleLR, the
// LinearLR warmup), from tests/python/sched_oracle.py; a scheduled run that is
// interrupted and resumed ends bit-identical to one that was not; and the flags
// PyTorch would refuse are refused with its words. The per-step parity of every
// schedule, optimizer, label smoothing and clipping is in parity_test.cpp.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#include "reliability_util.h"
#include "test_run.h"

namespace {

struct Table {
    std::vector<double> lr, momentum;
};

Table oracle(const std::string &args) {
    WorkDir dir("sched_oracle");
    RunResult r = run(python_exe() + " " + script("sched_oracle.py") + " " + args, dir);
    EXPECT_EQ(r.rc, 0) << r.err;
    Table t;
    std::istringstream in(r.out);
    double a, b;
    while (in >> a >> b) {
        t.lr.push_back(a);
        t.momentum.push_back(b);
    }
    return t;
}

Table cnnc_table(const cnnc_sched_config &cfg_in, const cnnc_optim_config &o, int64_t spe, int64_t epochs) {
    cnnc_sched_config cfg = cfg_in;
    cnnc_sched_resolve(&cfg, spe, epochs);
    Table t;
    t.lr.resize((size_t)(spe * epochs));
    t.momentum.resize(t.lr.size());
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_sched_table(&cfg, &o, spe, epochs, t.lr.data(), t.momentum.data(), &err), CNNC_OK) << err.message;
    return t;
}

// cycled: the momentum comes from the schedule (OneCycleLR), in double on both sides; otherwise it is
// the optimizer's own, which cnnc keeps as float32 (Adam's default beta1 0.9 is 0.89999998 there).
void expect_same(const Table &got, const Table &want, const std::string &what, bool cycled = false) {
    ASSERT_EQ(got.lr.size(), want.lr.size()) << what;
    ASSERT_GT(want.lr.size(), 0u) << what;
    for (size_t k = 0; k < want.lr.size(); k++) {
        // Both sides evaluate PyTorch's recursive formulas in double with the same libm.
        EXPECT_DOUBLE_EQ(got.lr[k], want.lr[k]) << what << ": lr of step " << k + 1;
        if (cycled)
            EXPECT_DOUBLE_EQ(got.momentum[k], want.momentum[k]) << what << ": momentum of step " << k + 1;
        else
            EXPECT_FLOAT_EQ((float)got.momentum[k], (float)want.momentum[k]) << what << ": momentum of step " << k + 1;
    }
}

#define REQUIRE_TORCH()                                    \
    do {                                                   \
        std::string why_;                                  \
        if (!torch_available(&why_)) GTEST_FAIL() << why_; \
    } while (0)

TEST(RecipeSchedule, StepLrPerEpochAfterAPerStepWarmupIsPyTorchs) {
    REQUIRE_TORCH();
    cnnc_optim_config o = cnnc_optim_default(CNNC_OPTIM_SGD);
    o.lr = 0.125f;   // exact in float and double
    o.momentum = 0.5f;
    cnnc_sched_config s = cnnc_sched_default(CNNC_SCHED_STEP);
    s.step_size = 1;
    s.gamma = 0.7;
    s.warmup_steps = 4;
    expect_same(cnnc_table(s, o, 3, 5),
                oracle("sgd 3 5 0.125 --momentum 0.5 --sched step --step-size 1 --gamma 0.7 --warmup-steps 4"),
                "StepLR + LinearLR");
}

TEST(RecipeSchedule, MultiStepAndCosinePerEpochArePyTorchs) {
    REQUIRE_TORCH();
    cnnc_optim_config o = cnnc_optim_default(CNNC_OPTIM_ADAM);
    o.lr = 0.25f;
    cnnc_sched_config m = cnnc_sched_default(CNNC_SCHED_MULTISTEP);
    m.n_milestones = 3;
    m.milestones[0] = 2;
    m.milestones[1] = 4;
    m.milestones[2] = 4;
    m.gamma = 0.5;
    expect_same(cnnc_table(m, o, 4, 7), oracle("adam 4 7 0.25 --sched multistep --milestones 2,4,4 --gamma 0.5"),
                "MultiStepLR");
    cnnc_sched_config c = cnnc_sched_default(CNNC_SCHED_COSINE);
    c.eta_min = 0.001;
    c.warmup_steps = 5;
    c.warmup_start_factor = 0.1;
    expect_same(cnnc_table(c, o, 4, 15),
                oracle("adam 4 15 0.25 --sched cosine --eta-min 0.001 --warmup-steps 5 --warmup-start-factor 0.1"),
                "CosineAnnealingLR + LinearLR");
}

TEST(RecipeSchedule, OneCycleCyclesTheLrAndSgdsMomentumOrAdamsBeta1PerStepAsPyTorchDoes) {
    REQUIRE_TORCH();
    cnnc_sched_config s = cnnc_sched_default(CNNC_SCHED_ONECYCLE);
    s.max_lr = 0.4;
    s.pct_start = 0.25;
    cnnc_optim_config sgd = cnnc_optim_default(CNNC_OPTIM_SGD);
    sgd.lr = 0.125f;
    sgd.momentum = 0.5f;
    Table t = cnnc_table(s, sgd, 10, 3);
    expect_same(t, oracle("sgd 10 3 0.125 --momentum 0.5 --sched onecycle --max-lr 0.4 --pct-start 0.25"),
                "OneCycleLR on SGD", true);
    // the cycle really runs: from max_lr/25 up to max_lr and down, momentum 0.95 -> 0.85 -> 0.95
    EXPECT_DOUBLE_EQ(t.lr.front(), 0.4 / 25);
    EXPECT_DOUBLE_EQ(t.momentum.front(), 0.95);
    EXPECT_LT(t.momentum[7], 0.86);
    cnnc_optim_config adam = cnnc_optim_default(CNNC_OPTIM_ADAM);
    adam.lr = 0.125f;
    expect_same(cnnc_table(s, adam, 10, 3), oracle("adam 10 3 0.125 --sched onecycle --max-lr 0.4 --pct-start 0.25"),
                "OneCycleLR on Adam (beta1)", true);
}

TEST(RecipeSchedule, OneCycleRefusesAnOptimizerWithoutMomentumInPyTorchsWords) {
    cnnc_sched_config s = cnnc_sched_default(CNNC_SCHED_ONECYCLE);
    s.max_lr = 0.1;
    cnnc_optim_config o = cnnc_optim_default(CNNC_OPTIM_ADADELTA);
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_sched_check(&s, &o, &err), CNNC_ERR_USAGE);
    EXPECT_STREQ(err.type, "ValueError");
    EXPECT_STREQ(err.message, "optimizer must support momentum with `cycle_momentum` option enabled");
    s.cycle_momentum = 0;
    EXPECT_EQ(cnnc_sched_check(&s, &o, &err), CNNC_OK);
    s.pct_start = 1.5;
    EXPECT_EQ(cnnc_sched_check(&s, &o, &err), CNNC_ERR_USAGE);
    EXPECT_STREQ(err.message, "Expected float between 0 and 1 pct_start, but got 1.5");
}

// ---- the command line ----


TEST(RecipeTrain, AScheduledRunInterruptedAndResumedEndsBitIdenticalAndTheSidecarKeepsTheSchedule) {
    rel::TrainDir t("recipe_resume");
    // OneCycle per step with SGD's momentum cycled, clipping and label smoothing; 13 steps per epoch.
    const std::string recipe = "--epochs 2 --optim sgd --momentum 0.9 --sched onecycle --max-lr 0.2 "
                               "--label-smoothing 0.1 --clip-grad-norm 1 ";
    rel::Run full = rel::run_cnnc(t.train(recipe + "--save '" + t.path("full.st") + "'"));
    ASSERT_EQ(full.code, 0) << full.err;
    rel::Run cut = rel::run_cnnc(t.train(recipe + "--save '" + t.path("cut.st") + "'"), "CNNC_FAULT_INTERRUPT_AT_STEP=17");
    ASSERT_EQ(cut.code, 143) << cut.err;
    EXPECT_EQ(rel::meta_of(t.path("cut.st.optim"), "sched"), "onecycle");
    EXPECT_EQ(rel::meta_of(t.path("cut.st.optim"), "sched.total_steps"), "26");
    // Resumed with other schedule flags: the saved schedule continues, and that is said.
    rel::Run rest = rel::run_cnnc(t.train("--epochs 2 --optim sgd --momentum 0.9 --sched cosine --label-smoothing 0.1 "
                                          "--clip-grad-norm 1 --resume '" + t.path("cut.st") + "' --save '" +
                                          t.path("cut.st") + "'"));
    ASSERT_EQ(rest.code, 0) << rest.err;
    EXPECT_NE(rest.err.find("was saved with its own --sched onecycle schedule; it continues"), std::string::npos)
        << rest.err;
    EXPECT_EQ(rel::compare_tensors(t.path("full.st"), t.path("cut.st")), "");
    EXPECT_EQ(rel::compare_tensors(t.path("full.st.optim"), t.path("cut.st.optim")), "");
    // and the schedule did move the weights: a constant-lr run ends elsewhere
    rel::Run flat = rel::run_cnnc(t.train("--epochs 2 --optim sgd --momentum 0.9 --label-smoothing 0.1 "
                                          "--clip-grad-norm 1 --save '" + t.path("flat.st") + "'"));
    ASSERT_EQ(flat.code, 0) << flat.err;
    EXPECT_NE(rel::compare_tensors(t.path("full.st"), t.path("flat.st")), "");
}

struct Refusal {
    const char *flags, *message;
};

TEST(RecipeTrain, FlagsPyTorchWouldRefuseAreRefusedBeforeTrainingWithItsWords) {
    rel::TrainDir t("recipe_refuse");
    const Refusal cases[] = {
        {"--sched step", "cnnc train: --sched step needs --step-size N (StepLR's step_size has no default)"},
        {"--sched onecycle", "cnnc train: --sched onecycle needs --max-lr X (OneCycleLR's max_lr has no default)"},
        {"--sched cosine --gamma 0.5",
         "cnnc train: --gamma is an argument of StepLR and MultiStepLR, but --sched is cosine (TypeError: __init__() "
         "got an unexpected keyword argument)"},
        {"--optim sgd --rho 0.9",
         "cnnc train: --rho: SGD takes no rho (TypeError: __init__() got an unexpected keyword argument 'rho')"},
        {"--optim adam --momentum 0.9",
         "cnnc train: --momentum: Adam takes no momentum (TypeError: __init__() got an unexpected keyword argument "
         "'momentum')"},
        {"--optim adadelta --sched onecycle --max-lr 1",
         "ValueError: optimizer must support momentum with `cycle_momentum` option enabled"},
        {"--sched onecycle --max-lr 0.1 --pct-start 1.5", "ValueError: Expected float between 0 and 1 pct_start, but got 1.5"},
        {"--label-smoothing 1.5", "RuntimeError: label_smoothing must be between 0.0 and 1.0. Got: 1.5"},
        {"--optim rmsprop --alpha -1", "ValueError: Invalid alpha value: -1.0"},
        {"--optim adagrad --lr-decay -0.5", "ValueError: Invalid lr_decay value: -0.5"},
        {"--optim adadelta --rho 1.5", "ValueError: Invalid rho value: 1.5"},
        {"--clip-grad-norm -1", "cnnc train: --clip-grad-norm wants a positive, finite max_norm, got '-1'"},
        {"--sched onecycle --max-lr 0.1 --warmup-steps 3",
         "ValueError: OneCycleLR sets the learning rate of every step itself"},
    };
    for (const Refusal &c : cases) {
        rel::Run r = rel::run_cnnc(t.train(std::string("--epochs 1 ") + c.flags + " --save '" + t.path("x.st") + "'"));
        EXPECT_NE(r.code, 0) << c.flags;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << c.flags << "\n" << r.err;
        EXPECT_FALSE(rel::exists(t.path("x.st"))) << c.flags << ": nothing may be trained or saved";
    }
}

TEST(RecipeTrain, LabelSmoothingOnAModelThatEndsInLogSoftmaxIsNllLossesTypeError) {
    rel::TrainDir t("recipe_nll");
    std::string model = rel::write_text(t.path("nll.cnn"), std::string(rel::tiny_model_text()) + "sm = nn.LogSoftmax(dim=1)\n");
    rel::Run r = rel::run_cnnc("train '" + model + "' --data '" + t.dir + "' --device cpu --quiet --label-smoothing 0.1");
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("TypeError: __init__() got an unexpected keyword argument 'label_smoothing'"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("NLLLoss, which has no label_smoothing"), std::string::npos) << r.err;
}

}  // namespace
