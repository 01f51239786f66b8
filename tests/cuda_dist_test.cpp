// cuda_dist_test.cpp — data-parallel training of a CUDA engine (issue 16,
// docs/scaling.md) on the emulated GPU (cnnc_emu): MPI with the gradients
// staged through host memory against one process, one rank through NCCL
// against no launcher, and what is refused. The emulator's NCCL has one rank
// (tests/emu/nccl_emu.cpp): several GPUs through NCCL need a lent machine. In
// cnnc_tests (the real plugin) they run on a GPU when there is one, with the
// real NCCL, and are skipped without one: cnnc_emu_tests runs them here.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "dist_util.h"
#include "test_run.h"

#define REQUIRE_GPU()                                                          \
    do {                                                                       \
        cnnc_error gpu_err;                                                    \
        cnnc_error_clear(&gpu_err);                                            \
        if (cnnc_cuda_device_count(&gpu_err) <= 0) GTEST_SKIP() << gpu_err.message; \
    } while (0)

namespace {

const char *kSeedNet = "models/mnist_cnn.cnn";

// The seed net's training command on the data in dir, saving to `save`. The GEMM conv
// engine in every run: `--conv auto` times the engines and may pick another on a real GPU
// from one run to the next.
std::string seed_train(const WorkDir &dir, const std::string &save) {
    return "train " + quote(source_path(kSeedNet)) + " --data " + quote(dir.string()) +
           " --epochs 1 --batch 64 --seed 3 --optim adam --lr 2e-3 --conv gemm --save " +
           quote((dir.path / save).string());
}

// The first n_train Fashion-MNIST images in dir, and the run without a launcher
// saved as one.safetensors: the reference the data-parallel runs are held to.
void train_reference(const WorkDir &dir, int64_t n_train) {
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, n_train, 100, &why)) << why;
    RunResult one = run(quote(cnnc_exe()) + " " + seed_train(dir, "one.safetensors") + " --device cuda --quiet", dir);
    ASSERT_EQ(one.rc, 0) << one.err;
}

}  // namespace

// 641 = 10 * 64 + 1: the last global batch leaves rank 1 an empty slice. One
// process sums a batch's gradient in one pass; two ranks sum two halves and
// add them, so the bits differ by rounding: within 1e-5 relative L2 per tensor.
TEST(CudaDist, TwoRanksOverMpiEndWithinTheToleranceOfOneProcess) {
    REQUIRE_MPIRUN();
    REQUIRE_GPU();
    WorkDir dir("cuda_dist_mpi");
    ASSERT_NO_FATAL_FAILURE(train_reference(dir, 641));
    RunResult two = run(mpirun(2, seed_train(dir, "two.safetensors") + " --device cuda:0 --dist-backend mpi"), dir);
    ASSERT_EQ(two.rc, 0) << two.out << two.err;
    EXPECT_NE(two.out.find("data-parallel over 2 ranks"), std::string::npos) << two.out;
    EXPECT_NE(two.out.find("gradients summed by mpi"), std::string::npos) << two.out;
    bool identical = false;
    std::string report;
    const double worst = worst_rel_l2(read_f32(dir / "one.safetensors"), read_f32(dir / "two.safetensors"), &identical,
                                      &report);
    EXPECT_LE(worst, 1e-5) << report;
    char figure[32];
    std::snprintf(figure, sizeof figure, "%.3g", worst);
    RecordProperty("worst_relative_l2", figure);   // 2026-12-06: 1.77e-07 (docs/scaling.md)
}

// What the issue asks of a one-GPU machine: one rank through NCCL (its
// communicator, the all-reduce in place, rank 0's state broadcast) ends where
// the run without a launcher ends.
TEST(CudaDist, OneRankThroughNcclEndsWithTheBitsOfTheRunWithoutMpirun) {
    REQUIRE_MPIRUN();
    REQUIRE_GPU();
    WorkDir dir("cuda_dist_nccl");
    ASSERT_NO_FATAL_FAILURE(train_reference(dir, 321));
    const fs::path log = dir / "nccl.log";
    RunResult nccl = run("env CNNC_EMU_NCCL_LOG=" + quote(log.string()) + " " +
                             mpirun(1, seed_train(dir, "nccl.safetensors") + " --device cuda --dist-backend nccl"),
                         dir);
    ASSERT_EQ(nccl.rc, 0) << nccl.out << nccl.err;
    EXPECT_NE(nccl.out.find("gradients summed by nccl"), std::string::npos) << nccl.out;
    // 321 samples in batches of 64: 6 sums of the 28,938 gradients; rank 0's parameters and
    // Adam's two moments broadcast once (the seed net has no buffers): 3 x 115,752 bytes.
#if defined(CNNC_EMU)
    EXPECT_EQ(read_text(log), "all_reduce calls=6 floats=28938..28938; broadcast calls=3 bytes=347256\n");
#endif
    bool identical = false;
    std::string report;
    const double worst = worst_rel_l2(read_f32(dir / "one.safetensors"), read_f32(dir / "nccl.safetensors"),
                                      &identical, &report);
    EXPECT_TRUE(identical) << "worst relative L2 " << worst << "\n" << report;
}

// The bucketed sums (DistributedDataParallel's buckets, each begun on NCCL's
// stream as soon as backward has written it) cover every gradient once, after
// backward wrote it, in a replayed graph and op by op. The emulator's NCCL
// returns 2x its input (CNNC_EMU_NCCL_COPIES=2, two ranks with the same
// gradients): with plain SGD that is the run without a launcher at twice the
// learning rate, bit for bit. A bucket begun too early, missed, or summed twice
// would leave some tensor's update at 1x or 4x. --bucket-cap-mb 0.04 (41,943
// bytes) makes three buckets of the seed net's gradients, the last layers' first:
// out (15,690 floats), conv2 (12,832), conv1 (416).
// Built into the emulator's tests only: the doubled sum is the emulator's NCCL
// (CNNC_EMU_NCCL_COPIES); a real one sums real ranks.
#if defined(CNNC_EMU)
TEST(CudaDist, BucketedNcclSumsCoverEveryGradientOnceAfterBackwardWroteIt) {
    REQUIRE_MPIRUN();
    REQUIRE_GPU();
    WorkDir dir("cuda_dist_buckets");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 321, 100, &why)) << why;
    auto sgd = [&](const std::string &lr, const std::string &save) {
        return "train " + quote(source_path(kSeedNet)) + " --data " + quote(dir.string()) +
               " --epochs 1 --batch 64 --seed 3 --optim sgd --lr " + lr + " --conv gemm --device cuda --save " +
               quote((dir.path / save).string());
    };
    RunResult ref = run(quote(cnnc_exe()) + " " + sgd("0.02", "ref.safetensors") + " --quiet", dir);
    ASSERT_EQ(ref.rc, 0) << ref.err;
    for (const char *mode : {"", " --no-graph"}) {
        SCOPED_TRACE(*mode ? "op by op" : "replayed graphs");
        const fs::path log = dir.path / (std::string("nccl") + mode + ".log");
        RunResult r = run("env CNNC_EMU_NCCL_COPIES=2 CNNC_EMU_NCCL_LOG=" + quote(log.string()) + " " +
                              mpirun(1, sgd("0.01", "nccl.safetensors") + " --dist-backend nccl --bucket-cap-mb 0.04" +
                                            mode),
                          dir);
        ASSERT_EQ(r.rc, 0) << r.out << r.err;
        // 6 steps (321 samples in batches of 64) of 3 buckets each
        // and rank 0's parameters and the two optimizer-state regions broadcast once (3 x 115,752 bytes)
        EXPECT_EQ(read_text(log), "all_reduce calls=18 floats=416..15690; broadcast calls=3 bytes=347256\n");
        bool identical = false;
        std::string report;
        const double worst = worst_rel_l2(read_f32(dir / "ref.safetensors"), read_f32(dir / "nccl.safetensors"),
                                          &identical, &report);
        EXPECT_TRUE(identical) << "worst relative L2 " << worst << "\n" << report;
    }
}
#endif

// --gpus: one process, a thread per listed GPU, each a rank over one NCCL
// communicator (the emulator has one GPU, so one rank here: the threads' world,
// its communicator and the NCCL path of a thread rank), with the bits of the
// run without it.
TEST(CudaDist, GpusZeroTrainsOneThreadRankThroughNcclWithTheBitsOfThePlainRun) {
    REQUIRE_GPU();
    WorkDir dir("cuda_dist_gpus");
    ASSERT_NO_FATAL_FAILURE(train_reference(dir, 321));
    const fs::path log = dir / "nccl.log";
    RunResult r = run("env -u OMPI_COMM_WORLD_SIZE -u PMI_SIZE -u PMIX_RANK -u SLURM_STEP_NUM_TASKS CNNC_EMU_NCCL_LOG=" +
                          quote(log.string()) + " " + quote(cnnc_exe()) + " " + seed_train(dir, "gpus.safetensors") +
                          " --gpus 0",
                      dir);
    ASSERT_EQ(r.rc, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("data-parallel over 1 ranks (1 threads of one process; gradients summed by nccl)"),
              std::string::npos)
        << r.out;
#if defined(CNNC_EMU)
    EXPECT_EQ(read_text(log), "all_reduce calls=6 floats=28938..28938; broadcast calls=3 bytes=347256\n");
#endif
    bool identical = false;
    std::string report;
    const double worst = worst_rel_l2(read_f32(dir / "one.safetensors"), read_f32(dir / "gpus.safetensors"),
                                      &identical, &report);
    EXPECT_TRUE(identical) << "worst relative L2 " << worst << "\n" << report;
}

// An NCCL communicator that cannot form stops every rank with NCCL's own
// message, not a hang: the emulator's has one rank; a real one refuses two
// ranks on one GPU (cuda:0 for both).
TEST(CudaDist, ANcclCommunicatorThatCannotFormStopsTheJobWithNcclsError) {
    REQUIRE_MPIRUN();
    REQUIRE_GPU();
    WorkDir dir("cuda_dist_nccl_two");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 128, 64, &why)) << why;
    RunResult r = run("timeout 120 " + mpirun(2, seed_train(dir, "x.safetensors") + " --device cuda:0 --dist-backend nccl"),
                      dir);
    EXPECT_NE(r.rc, 0);
    EXPECT_NE(r.rc, 124) << "the job hung: " << r.err;
    EXPECT_NE(r.err.find("NCCL error in api->comm_init_rank(&comm, size, u, rank): invalid usage"), std::string::npos)
        << r.err;
#if defined(CNNC_EMU)
    EXPECT_NE(r.err.find("the CUDA emulator's NCCL has one rank (asked for rank"), std::string::npos) << r.err;
#endif
    EXPECT_FALSE(fs::exists(dir / "x.safetensors"));
}

TEST(CudaDist, SyncBatchNormOnACudaEngineIsRefusedNamingTheCpuBackend) {
    REQUIRE_MPIRUN();
    REQUIRE_GPU();
    WorkDir dir("cuda_dist_syncbn");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 128, 64, &why)) << why;
    RunResult r = run(mpirun(2, seed_train(dir, "x.safetensors") + " --device cuda:0 --sync-bn"), dir);
    EXPECT_NE(r.rc, 0);
    EXPECT_NE(r.err.find("NotImplementedError: --sync-bn (SyncBatchNorm's statistics over the global batch) runs on "
                         "the cpu backend only; this engine is cuda"),
              std::string::npos)
        << r.err;
}
