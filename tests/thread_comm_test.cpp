// thread_comm_test.cpp — a data-parallel world of threads in one process (the
// engine under `cnnc train --gpus`, cnnc_comm_open_thread), through the C API on
// cpu engines: N ranks of one thread each end with the bits of one engine of N
// threads (the same reductions in the same order as over MPI), the sharded
// evaluation sums to the whole one, and a rank that aborts stops the others
// with an error naming it instead of leaving them waiting.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cnnc/cnnc.h"

namespace {

std::string msg(const cnnc_error &e) { return std::string(e.type) + ": " + e.message; }

// No BatchNorm (its per-rank statistics, as DDP's, differ from one engine's over
// the whole batch by design) and no dropout.
const char *kNet = "input = (1, 12, 12)\nconv = Conv2d(1, 4, 3, padding=1)\nrelu = ReLU()\npool = MaxPool2d(2)\n"
                   "flat = Flatten()\nfc = Linear(144, 10)\n";

struct Data {
    cnnc_model *m = nullptr;
    std::vector<uint8_t> images, labels;
    cnnc_dataset ds;
    // 90 samples in batches of 16: the last batch of 10 splits unevenly over 3 ranks
    Data() {
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(kNet, strlen(kNet), "<thread_comm>", &m, &err), CNNC_OK) << msg(err);
        const int64_t N = 90;
        std::mt19937 gen(11);
        images.resize((size_t)N * 144);
        labels.resize((size_t)N);
        for (auto &v : images) v = (uint8_t)(gen() & 255);
        for (auto &v : labels) v = (uint8_t)(gen() % 10);
        ds = {images.data(), labels.data(), N, 1, 12, 12};
    }
    ~Data() { cnnc_model_free(m); }
    cnnc_engine *engine(int threads, cnnc_error *err) const {
        cnnc_engine_config cfg = cnnc_engine_config_default(m);
        cfg.device = CNNC_DEVICE_CPU;
        cfg.threads = threads;
        cfg.max_batch = 16;
        cfg.seed = 5;
        cfg.optim = cnnc_optim_default(CNNC_OPTIM_ADAM);
        cnnc_engine *e = nullptr;
        if (cnnc_engine_create(m, &cfg, &e, nullptr, 0, err) != CNNC_OK) return nullptr;
        if (cnnc_engine_set_dataset(e, 0, &ds, err) != CNNC_OK || cnnc_engine_set_dataset(e, 1, &ds, err) != CNNC_OK) {
            cnnc_engine_free(e);
            return nullptr;
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

struct RankResult {
    cnnc_status status = CNNC_OK;
    std::string error;
    std::vector<std::vector<unsigned char>> params;
    cnnc_epoch_stats eval{};
};

// Rank r of a world of n threads: two epochs, then the test set.
void run_rank(const Data *d, cnnc_thread_world *w, int r, RankResult *out) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_comm *c = nullptr;
    cnnc_engine *e = nullptr;
    cnnc_status st = cnnc_comm_open_thread(w, r, &c, &err);
    if (st == CNNC_OK && !(e = d->engine(1, &err))) st = err.status ? err.status : CNNC_ERR_USAGE;
    if (st == CNNC_OK) st = cnnc_engine_set_comm(e, c, 0, &err);
    cnnc_epoch_stats s;
    for (int64_t ep = 0; st == CNNC_OK && ep < 2; ep++) st = cnnc_engine_train_epoch(e, 16, 9, ep, nullptr, nullptr, 1, &s, &err);
    if (st == CNNC_OK) st = cnnc_engine_evaluate(e, 1, 16, &out->eval, nullptr, &err);
    if (st == CNNC_OK) out->params = params_of(e);
    out->status = st;
    if (st != CNNC_OK) out->error = msg(err);
    cnnc_engine_free(e);
    if (st != CNNC_OK) cnnc_comm_abort(c, 1);
    cnnc_error close_err;
    cnnc_error_clear(&close_err);
    if (c) (void)cnnc_comm_close(c, &close_err);
}

}  // namespace

TEST(ThreadComm, RanksOfOneThreadEndWithTheBitsOfOneEngineOfAsManyThreads) {
    Data d;
    for (int n : {2, 3}) {
        SCOPED_TRACE(std::to_string(n) + " ranks");
        cnnc_error err;
        cnnc_error_clear(&err);
        cnnc_engine *one = d.engine(n, &err);
        ASSERT_NE(one, nullptr) << msg(err);
        cnnc_epoch_stats s, eval_one;
        for (int64_t ep = 0; ep < 2; ep++)
            ASSERT_EQ(cnnc_engine_train_epoch(one, 16, 9, ep, nullptr, nullptr, 1, &s, &err), CNNC_OK) << msg(err);
        ASSERT_EQ(cnnc_engine_evaluate(one, 1, 16, &eval_one, nullptr, &err), CNNC_OK) << msg(err);
        const auto want = params_of(one);
        cnnc_engine_free(one);

        cnnc_thread_world *w = nullptr;
        ASSERT_EQ(cnnc_thread_world_create(n, &w, &err), CNNC_OK) << msg(err);
        std::vector<RankResult> res((size_t)n);
        std::vector<std::thread> threads;
        for (int r = 0; r < n; r++) threads.emplace_back(run_rank, &d, w, r, &res[(size_t)r]);
        for (auto &t : threads) t.join();
        cnnc_thread_world_free(w);
        for (int r = 0; r < n; r++) {
            ASSERT_EQ(res[(size_t)r].status, CNNC_OK) << "rank " << r << ": " << res[(size_t)r].error;
            // every rank holds the same weights: one engine's, bit for bit
            EXPECT_TRUE(res[(size_t)r].params == want) << "rank " << r;
            EXPECT_EQ(res[(size_t)r].eval.samples, 90) << "rank " << r;
            EXPECT_EQ(res[(size_t)r].eval.accuracy, eval_one.accuracy) << "rank " << r;
        }
    }
}

TEST(ThreadComm, ARankThatAbortsStopsTheOthersWithAnErrorNamingIt) {
    Data d;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_thread_world *w = nullptr;
    ASSERT_EQ(cnnc_thread_world_create(2, &w, &err), CNNC_OK) << msg(err);
    RankResult r0;
    std::thread t0(run_rank, &d, w, 0, &r0);
    std::thread t1([w]() {
        cnnc_error e1;
        cnnc_error_clear(&e1);
        cnnc_comm *c = nullptr;
        if (cnnc_comm_open_thread(w, 1, &c, &e1) != CNNC_OK) return;
        cnnc_comm_abort(c, 3);
        (void)cnnc_comm_close(c, &e1);
    });
    t0.join();
    t1.join();
    EXPECT_EQ(cnnc_thread_world_aborted(w), 3);
    cnnc_thread_world_free(w);
    EXPECT_EQ(r0.status, CNNC_ERR_DEVICE);
    EXPECT_NE(r0.error.find("rank 1 (a thread of this process) stopped, so rank 0 cannot go on"), std::string::npos)
        << r0.error;
}

TEST(ThreadComm, AWorldOutOfRangeAndARankOutsideItAreValueErrors) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_thread_world *w = nullptr;
    EXPECT_EQ(cnnc_thread_world_create(0, &w, &err), CNNC_ERR_USAGE);
    EXPECT_EQ(msg(err), "ValueError: a world of 0 threads: 1 to 64");
    EXPECT_EQ(cnnc_thread_world_create(65, &w, &err), CNNC_ERR_USAGE);
    ASSERT_EQ(cnnc_thread_world_create(2, &w, &err), CNNC_OK) << msg(err);
    cnnc_comm *c = nullptr;
    EXPECT_EQ(cnnc_comm_open_thread(w, 2, &c, &err), CNNC_ERR_USAGE);
    EXPECT_EQ(msg(err), "ValueError: rank 2 of a world of 2 threads");
    EXPECT_EQ(c, nullptr);
    cnnc_thread_world_free(w);
}
