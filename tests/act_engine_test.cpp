// act_engine_test.cpp — the new kinds inside the engine on the CPU backend: the
// loss chosen from the output node (NLLLoss after LogSoftmax, as F.nll_loss;
// CrossEntropyLoss otherwise), Dropout2d's whole-plane masks and its place in
// the RNG sequence, and a chain of every activation training without NaN.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"

namespace {

struct Model {
    cnnc_model *m = nullptr;
    explicit Model(const char *text) {
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text, strlen(text), "act.cnn", &m, &err), CNNC_OK) << err.message;
    }
    ~Model() { cnnc_model_free(m); }
};

struct Engine {
    cnnc_engine *e = nullptr;
    cnnc_error err;
    cnnc_status create(const cnnc_model *m, uint64_t seed = 1, cnnc_optim_kind optim = CNNC_OPTIM_SGD) {
        cnnc_error_clear(&err);
        cnnc_engine_config cfg = cnnc_engine_config_default(m);
        cfg.max_batch = 8;
        cfg.seed = seed;
        cfg.optim = cnnc_optim_default(optim);
        return cnnc_engine_create(m, &cfg, &e, nullptr, 0, &err);
    }
    ~Engine() { cnnc_engine_free(e); }
};

cnnc_shape batch_shape(int64_t n, std::vector<int64_t> sample) {
    cnnc_shape s;
    std::memset(&s, 0, sizeof s);
    s.d[s.ndim++] = n;
    for (int64_t d : sample) s.d[s.ndim++] = d;
    return s;
}

std::vector<float> wave(size_t n, float phase) {
    std::vector<float> v(n);
    for (size_t i = 0; i < n; i++) v[i] = std::sin(0.37f * (float)i + phase) * 1.5f;
    return v;
}

TEST(ActEngine, TheLossIsNllAfterALogSoftmaxOutputAndCrossEntropyOtherwise) {
    Model logits("input = (6,)\nfc = Linear(6, 4)\n");
    Model logp("input = (6,)\nfc = Linear(6, 4)\nout = LogSoftmax(dim=1)\n");
    Model middle("input = (6,)\nfc = Linear(6, 4)\nlsm = LogSoftmax(dim=1)\nfc2 = Linear(4, 3)\n");
    Engine a, b, c;
    ASSERT_EQ(a.create(logits.m), CNNC_OK) << a.err.message;
    ASSERT_EQ(b.create(logp.m), CNNC_OK) << b.err.message;
    ASSERT_EQ(c.create(middle.m), CNNC_OK) << c.err.message;
    EXPECT_STREQ(cnnc_engine_loss_name(a.e), "CrossEntropyLoss");
    EXPECT_STREQ(cnnc_engine_loss_name(b.e), "NLLLoss");
    EXPECT_STREQ(cnnc_engine_loss_name(c.e), "CrossEntropyLoss") << "only the output node decides";
}

// On LogSoftmax(dim=1) NLL and cross-entropy agree (log_softmax is idempotent),
// so the loss is checked where they differ: log-probabilities over the batch dim.
// Loss and weight gradient against a double-precision NLL of the same forward.
TEST(ActEngine, NllLossOnLogProbabilitiesOverTheBatchIsTheMeanNegativeTargetEntryNotCrossEntropy) {
    Model model("input = (5,)\nfc = Linear(5, 3)\nout = LogSoftmax(dim=0)\n");
    Engine eng;
    ASSERT_EQ(eng.create(model.m), CNNC_OK) << eng.err.message;
    const int64_t N = 4, K = 5, C = 3;
    const auto x = wave((size_t)(N * K), 0.3f);
    const int64_t labels[N] = {2, 0, 1, 2};
    const cnnc_shape xs = batch_shape(N, {K});
    ASSERT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &xs, labels, &eng.err), CNNC_OK) << eng.err.message;
    ASSERT_EQ(cnnc_engine_forward(eng.e, 1, &eng.err), CNNC_OK) << eng.err.message;
    std::vector<float> z((size_t)(N * C)), W((size_t)(C * K)), dW((size_t)(C * K));
    ASSERT_EQ(cnnc_engine_read_output(eng.e, z.data(), &eng.err), CNNC_OK);
    float loss = 0;
    ASSERT_EQ(cnnc_engine_loss(eng.e, 1, &loss, &eng.err), CNNC_OK) << eng.err.message;
    double nll = 0, ce = 0;
    for (int64_t i = 0; i < N; i++) {
        double lse = 0;
        for (int64_t c = 0; c < C; c++) lse += std::exp((double)z[i * C + c]);
        nll -= z[i * C + labels[i]] / (double)N;
        ce += (std::log(lse) - z[i * C + labels[i]]) / (double)N;
    }
    EXPECT_NEAR(loss, nll, 1e-6 * std::fabs(nll));
    EXPECT_GT(std::fabs(ce - nll), 0.05) << "the case does not tell NLL from cross-entropy";
    // dL/dz = -1/N at the targets; through log_softmax over dim 0: g - softmax0(z) * colsum(g)
    // (softmax0 = exp(z), z being log-probabilities); dW = dy^T x.
    ASSERT_EQ(cnnc_engine_read_param(eng.e, 0, W.data(), &eng.err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_read_grad(eng.e, 0, dW.data(), &eng.err), CNNC_OK);
    std::vector<double> dy((size_t)(N * C), 0.0);
    for (int64_t c = 0; c < C; c++) {
        double colsum = 0;
        for (int64_t i = 0; i < N; i++) colsum += labels[i] == c ? -1.0 / N : 0.0;
        for (int64_t i = 0; i < N; i++)
            dy[i * C + c] = (labels[i] == c ? -1.0 / N : 0.0) - std::exp((double)z[i * C + c]) * colsum;
    }
    double diff = 0, ref = 0;
    for (int64_t c = 0; c < C; c++)
        for (int64_t k = 0; k < K; k++) {
            double w = 0;
            for (int64_t i = 0; i < N; i++) w += dy[i * C + c] * x[i * K + k];
            diff += (w - dW[c * K + k]) * (w - dW[c * K + k]);
            ref += w * w;
        }
    EXPECT_LE(std::sqrt(diff / ref), 1e-5) << "fc.weight gradient";
}

// Identity weights make the output the Dropout2d output itself: each (sample,
// channel) plane is either all zero or all scaled by 1/(1-p).
TEST(ActEngine, Dropout2dZeroesWholeChannelsInTrainingAndIsTheIdentityInEval) {
    Model model("input = (6, 2, 2)\ndrop = Dropout2d(0.5)\nflat = Flatten()\nfc = Linear(24, 24)\n");
    Engine eng;
    ASSERT_EQ(eng.create(model.m, 7), CNNC_OK) << eng.err.message;
    std::vector<float> eye(24 * 24, 0.0f), zero(24, 0.0f);
    for (int i = 0; i < 24; i++) eye[i * 24 + i] = 1.0f;
    ASSERT_EQ(cnnc_engine_write_param(eng.e, 0, eye.data(), &eng.err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_write_param(eng.e, 1, zero.data(), &eng.err), CNNC_OK);
    const int64_t N = 8;
    std::vector<float> x((size_t)(N * 24));
    for (size_t i = 0; i < x.size(); i++) x[i] = 1.0f + (float)i;  // never zero
    const cnnc_shape xs = batch_shape(N, {6, 2, 2});
    ASSERT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &xs, nullptr, &eng.err), CNNC_OK) << eng.err.message;
    std::vector<float> y(x.size());
    int dropped = 0, kept = 0;
    for (int rep = 0; rep < 3; rep++) {
        const uint64_t before = cnnc_engine_rng_counter(eng.e);
        ASSERT_EQ(cnnc_engine_forward(eng.e, 1, &eng.err), CNNC_OK) << eng.err.message;
        EXPECT_EQ(cnnc_engine_rng_counter(eng.e), before + 1) << "one RNG offset per Dropout2d training forward";
        ASSERT_EQ(cnnc_engine_read_output(eng.e, y.data(), &eng.err), CNNC_OK);
        for (int64_t plane = 0; plane < N * 6; plane++) {
            const bool zero_plane = y[plane * 4] == 0.0f;
            (zero_plane ? dropped : kept)++;
            for (int j = 0; j < 4; j++)
                ASSERT_EQ(y[plane * 4 + j], zero_plane ? 0.0f : 2.0f * x[plane * 4 + j]) << "plane " << plane;
        }
    }
    EXPECT_GT(dropped, 20);
    EXPECT_GT(kept, 20);
    const uint64_t before = cnnc_engine_rng_counter(eng.e);
    ASSERT_EQ(cnnc_engine_forward(eng.e, 0, &eng.err), CNNC_OK);
    EXPECT_EQ(cnnc_engine_rng_counter(eng.e), before) << "eval takes no RNG offset";
    ASSERT_EQ(cnnc_engine_read_output(eng.e, y.data(), &eng.err), CNNC_OK);
    EXPECT_EQ(y, x);
}

// Dropout1d on [N, C, L] drops whole (sample, channel) rows of L; on a 2-d [N, F] it reads
// the input as one unbatched [C, L] (as F.dropout1d unsqueezes it), so whole rows go.
TEST(ActEngine, Dropout1dZeroesWholeRowsOfItsPlanes) {
    const struct { const char *text; int64_t plane; std::vector<int64_t> dims; } cases[] = {
        {"input = (6, 4)\ndrop = Dropout1d(0.5)\nflat = Flatten()\nfc = Linear(24, 24)\n", 4, {6, 4}},
        {"input = (24,)\ndrop = Dropout1d(0.5)\nfc = Linear(24, 24)\n", 24, {24}},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.text);
        Model model(c.text);
        Engine eng;
        ASSERT_EQ(eng.create(model.m, 7), CNNC_OK) << eng.err.message;
        std::vector<float> eye(24 * 24, 0.0f), zero(24, 0.0f);
        for (int i = 0; i < 24; i++) eye[i * 24 + i] = 1.0f;
        ASSERT_EQ(cnnc_engine_write_param(eng.e, 0, eye.data(), &eng.err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_write_param(eng.e, 1, zero.data(), &eng.err), CNNC_OK);
        const int64_t N = 8;
        std::vector<float> x((size_t)(N * 24));
        for (size_t i = 0; i < x.size(); i++) x[i] = 1.0f + (float)i;
        const cnnc_shape xs = batch_shape(N, c.dims);
        ASSERT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &xs, nullptr, &eng.err), CNNC_OK) << eng.err.message;
        std::vector<float> y(x.size());
        int dropped = 0, kept = 0;
        for (int rep = 0; rep < 4; rep++) {
            ASSERT_EQ(cnnc_engine_forward(eng.e, 1, &eng.err), CNNC_OK) << eng.err.message;
            ASSERT_EQ(cnnc_engine_read_output(eng.e, y.data(), &eng.err), CNNC_OK);
            for (int64_t row = 0; row < N * 24 / c.plane; row++) {
                const bool zero_row = y[row * c.plane] == 0.0f;
                (zero_row ? dropped : kept)++;
                for (int64_t j = 0; j < c.plane; j++)
                    ASSERT_EQ(y[row * c.plane + j], zero_row ? 0.0f : 2.0f * x[row * c.plane + j]) << "row " << row;
            }
        }
        EXPECT_GT(dropped, 3);
        EXPECT_GT(kept, 3);
        ASSERT_EQ(cnnc_engine_forward(eng.e, 0, &eng.err), CNNC_OK);
        ASSERT_EQ(cnnc_engine_read_output(eng.e, y.data(), &eng.err), CNNC_OK);
        EXPECT_EQ(y, x);
    }
}

TEST(ActEngine, EveryActivationTrainsInOneChainWithoutNanAndTheLossFalls) {
    Model model("input = (1, 8, 8)\n"
                "c1 = Sequential(Conv2d(1, 4, 3, padding=1), Sigmoid(), Tanh(), Dropout2d(0.2))\n"
                "c2 = Sequential(Conv2d(4, 4, 3, padding=1), ReLU6(), Hardtanh(-0.5, 2.0), ELU(0.5), Identity(4))\n"
                "c3 = Sequential(Conv2d(4, 4, 3, padding=1), GELU(), GELU('tanh'), SiLU(), Softmax(dim=1))\n"
                "flat = Flatten()\n"
                "fc = Sequential(Linear(256, 16), ELU(inplace=True), Linear(16, 5), LogSoftmax(dim=1))\n");
    Engine eng;
    ASSERT_EQ(eng.create(model.m, 3, CNNC_OPTIM_ADAM), CNNC_OK) << eng.err.message;
    EXPECT_STREQ(cnnc_engine_loss_name(eng.e), "NLLLoss");
    const int64_t N = 8;
    const auto x = wave((size_t)(N * 64), 0.1f);
    int64_t labels[N];
    for (int64_t i = 0; i < N; i++) labels[i] = i % 5;
    const cnnc_shape xs = batch_shape(N, {1, 8, 8});
    float first = 0, last = 0;
    for (int step = 0; step < 30; step++) {
        float loss = 0;
        ASSERT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &xs, labels, &eng.err), CNNC_OK) << eng.err.message;
        ASSERT_EQ(cnnc_engine_train_step(eng.e, &loss, &eng.err), CNNC_OK) << eng.err.message;
        ASSERT_TRUE(std::isfinite(loss)) << "step " << step;
        if (step == 0) first = loss;
        last = loss;
    }
    EXPECT_LT(last, first);
}

}  // namespace
