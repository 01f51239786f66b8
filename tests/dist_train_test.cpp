// dist_train_test.cpp — data-parallel training over MPI (issue 16, docs/scaling.md):
// `mpirun -np 2 cnnc train` against one process, the flags it refuses, a rank
// killed mid-epoch, SIGTERM on the job, and resuming with another rank count.
// The harness adds Open MPI's --allow-run-as-root and --oversubscribe (CI runs
// as root on few cores); a user's command needs neither. Without mpirun these
// tests fail: CI installs it (scripts/setup.sh).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cnnc/cnnc.h"
#include "dist_util.h"
#include "test_run.h"

namespace {

const char *kSeedNet = "models/mnist_cnn.cnn";

std::string write_text_file(const fs::path &path, const std::string &text) {
    std::ofstream(path) << text;
    return path.string();
}

// The seed net with BatchNorm after each conv (conv biases off, as ResNets do:
// before a BatchNorm they get no gradient but rounding noise).
const char *kBatchNormNet =
    "input = (1, 28, 28)\n"
    "conv1 = Sequential(Conv2d(1, 16, 5, 1, 2, bias=False), BatchNorm2d(16), ReLU(), MaxPool2d(2))\n"
    "conv2 = Sequential(Conv2d(16, 32, 5, 1, 2, bias=False), BatchNorm2d(32), ReLU(), MaxPool2d(2))\n"
    "flatten = Flatten()\n"
    "out = Linear(32 * 7 * 7, 10)\n";

}  // namespace

// 961 = 15 * 64 + 1 samples: the last global batch has one sample, so rank 1's
// slice is empty there and it adds zeros.
TEST(DistTrain, TwoRanksOfOneThreadEndWithTheBitsOfOneProcessOfTwoThreads) {
    REQUIRE_MPIRUN();
    WorkDir dir("dist_parity");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 961, 200, &why)) << why;
    const std::string common = quote(source_path(kSeedNet)) + " --data " + quote(dir.string()) +
                               " --epochs 1 --batch 64 --seed 7 --optim adam --lr 2e-3 --save ";
    RunResult one = run(quote(cnnc_exe()) + " train " + common + quote((dir / "one.safetensors").string()) +
                            " --device cpu --threads 2 --quiet",
                        dir);
    ASSERT_EQ(one.rc, 0) << one.err;
    // Not quiet: rank 0's start lines say how the job runs.
    RunResult two = run(mpirun(2, "train " + common + quote((dir / "two.safetensors").string()) + " --threads 1"), dir);
    ASSERT_EQ(two.rc, 0) << two.out << two.err;
    EXPECT_NE(two.out.find("data-parallel over 2 ranks"), std::string::npos) << two.out;
    // Rank 0 alone prints the epoch line.
    const std::string line = "epoch 1/1:";
    EXPECT_EQ(two.out.find(line), two.out.rfind(line)) << two.out;
    EXPECT_NE(two.out.find(line), std::string::npos) << two.out;
    bool identical = false;
    std::string report;
    const double worst = worst_rel_l2(read_f32(dir / "one.safetensors"), read_f32(dir / "two.safetensors"),
                                      &identical, &report);
    EXPECT_LE(worst, 1e-5) << report;
    EXPECT_TRUE(identical) << "2 ranks x 1 thread should give the bits of 1 process x 2 threads:\n" << report;
    // The test-set figures are the same too (sharded evaluation, counts summed).
    const size_t a = one.out.find("test acc"), b = two.out.find("test acc");
    ASSERT_NE(a, std::string::npos);
    ASSERT_NE(b, std::string::npos);
    EXPECT_EQ(one.out.substr(a, 16), two.out.substr(b, 16));
}

TEST(DistTrain, SyncBatchNormOnTwoRanksMatchesOneProcessWithinTheTolerance) {
    REQUIRE_MPIRUN();
    WorkDir dir("dist_syncbn");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 640, 100, &why)) << why;
    const std::string model = write_text_file(dir / "bn.cnn", kBatchNormNet);
    const std::string common = quote(model) + " --data " + quote(dir.string()) +
                               " --epochs 1 --batch 64 --seed 3 --optim adam --lr 2e-3 --save ";
    RunResult one = run(quote(cnnc_exe()) + " train " + common + quote((dir / "one.safetensors").string()) +
                            " --device cpu --threads 2 --quiet",
                        dir);
    ASSERT_EQ(one.rc, 0) << one.err;
    RunResult two = run(mpirun(2, "train " + common + quote((dir / "two.safetensors").string()) +
                                      " --threads 1 --sync-bn"),
                        dir);
    ASSERT_EQ(two.rc, 0) << two.out << two.err;
    EXPECT_NE(two.out.find("BatchNorm synchronised"), std::string::npos) << two.out;
    bool identical = false;
    std::string report;
    const double worst = worst_rel_l2(read_f32(dir / "one.safetensors"), read_f32(dir / "two.safetensors"),
                                      &identical, &report);
    EXPECT_LE(worst, 1e-5) << report;
    // Per-rank statistics (the default) are a different model of the batch: far from it.
    RunResult per_rank = run(mpirun(2, "train " + common + quote((dir / "per_rank.safetensors").string()) +
                                           " --threads 1"),
                             dir);
    ASSERT_EQ(per_rank.rc, 0) << per_rank.err;
    std::string report2;
    EXPECT_GT(worst_rel_l2(read_f32(dir / "one.safetensors"), read_f32(dir / "per_rank.safetensors"), &identical,
                           &report2),
              1e-4)
        << report2;
}

TEST(DistTrain, SyncBnWithoutALauncherIsAUsageErrorNamingMpirun) {
    WorkDir dir("dist_usage");
    RunResult r = run("env -u OMPI_COMM_WORLD_SIZE -u PMI_SIZE -u PMIX_RANK -u SLURM_STEP_NUM_TASKS " +
                          quote(cnnc_exe()) + " train " + quote(source_path(kSeedNet)) + " --sync-bn --epochs 0",
                      dir);
    EXPECT_EQ(r.rc, 2) << r.err;
    EXPECT_NE(r.err.find("--sync-bn"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("mpirun -np N"), std::string::npos) << r.err;
}

// --gpus (one thread per GPU, a rank each): values that name no set of GPUs,
// and flags that contradict it, are usage errors naming the flag; on a machine
// without a GPU it says so. (It trains: cuda_dist_test.cpp.)
TEST(DistTrain, GpusWithABadListOrAContradictingDeviceIsAUsageError) {
    WorkDir dir("dist_gpus");
    const std::string env = "env -u OMPI_COMM_WORLD_SIZE -u PMI_SIZE -u PMIX_RANK -u SLURM_STEP_NUM_TASKS ";
    const std::string train = env + quote(cnnc_exe()) + " train " + quote(source_path(kSeedNet)) + " --epochs 0 ";
    const std::pair<const char *, const char *> cases[] = {
        {"--gpus 0,0", "--gpus 0,0 names GPU 0 twice: NCCL takes one rank per GPU"},
        {"--gpus 0,", "bad value for --gpus: 0,: a trailing comma"},
        {"--gpus a", "bad value for --gpus: a: CUDA device ordinals separated by commas, e.g. 0,1"},
        {"--gpus -1", "bad value for --gpus: -1"},
        {"--gpus ''", "--gpus needs CUDA device ordinals, e.g. --gpus 0,1"},
        {"--gpus", "--gpus needs CUDA device ordinals, e.g. --gpus 0,1"},
        {"--gpus 0 --device cpu", "--gpus puts rank k on the k-th GPU it lists: drop --device (or give --device cuda)"},
        {"--gpus 0 --device cuda:1", "--gpus puts rank k on the k-th GPU it lists: drop --device"},
    };
    for (const auto &c : cases) {
        RunResult r = run(train + c.first, dir);
        EXPECT_EQ(r.rc, 2) << c.first << ": " << r.err;
        EXPECT_NE(r.err.find(c.second), std::string::npos) << c.first << ": " << r.err;
    }
    cnnc_error err;
    cnnc_error_clear(&err);
    const int gpus = cnnc_cuda_device_count(&err);
    RunResult r = run(train + "--gpus " + std::to_string(gpus > 0 ? gpus : 0), dir);
    EXPECT_NE(r.rc, 0) << r.err;
    if (gpus > 0)
        EXPECT_NE(r.err.find("--gpus: GPU " + std::to_string(gpus) + " does not exist: this machine has " +
                             std::to_string(gpus) + " CUDA device"),
                  std::string::npos)
            << r.err;
    else
        EXPECT_NE(r.err.find("--gpus needs CUDA devices, and this machine has none usable"), std::string::npos)
            << r.err;
    REQUIRE_MPIRUN();
    r = run(mpirun(1, "train " + quote(source_path(kSeedNet)) + " --epochs 0 --gpus 0"), dir);
    EXPECT_NE(r.rc, 0);
    EXPECT_NE(r.err.find("--gpus runs one process with a thread per GPU; under mpirun each rank is a process"),
              std::string::npos)
        << r.err;
}

// DistributedDataParallel's bucket_cap_mb sizes NCCL's buckets: a value out of
// range, a run without a launcher, and a run whose gradients MPI sums are each
// told so rather than left to ignore the flag.
TEST(DistTrain, BucketCapMbOutOfRangeOrWithoutNcclIsAUsageErrorNamingTheFlag) {
    WorkDir dir("dist_bucket_usage");
    const std::string env = "env -u OMPI_COMM_WORLD_SIZE -u PMI_SIZE -u PMIX_RANK -u SLURM_STEP_NUM_TASKS ";
    const std::string train = quote(cnnc_exe()) + " train " + quote(source_path(kSeedNet));
    for (const char *bad : {"0", "-1", "nan", "2e6", "25MB", ""}) {
        RunResult r = run(env + train + " --epochs 0 --bucket-cap-mb " + quote(bad), dir);
        EXPECT_EQ(r.rc, 2) << bad << ": " << r.err;
        EXPECT_NE(r.err.find("bad or missing value for --bucket-cap-mb"), std::string::npos) << bad << ": " << r.err;
    }
    RunResult r = run(env + train + " --epochs 0 --bucket-cap-mb 25", dir);
    EXPECT_EQ(r.rc, 2) << r.err;
    EXPECT_NE(r.err.find("--bucket-cap-mb sizes the gradient buckets NCCL sums in a data-parallel run (mpirun -np N "
                         "cnnc train ... --device cuda); this process was not started by a launcher"),
              std::string::npos)
        << r.err;
    REQUIRE_MPIRUN();
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 128, 64, &why)) << why;
    r = run(mpirun(2, "train " + quote(source_path(kSeedNet)) + " --data " + quote(dir.string()) +
                          " --device cpu --bucket-cap-mb 1 --epochs 1 --threads 1"),
            dir);
    EXPECT_NE(r.rc, 0);
    EXPECT_NE(r.err.find("--bucket-cap-mb sizes the gradient buckets NCCL sums; this run sums its gradients with MPI "
                         "(the cpu backend)"),
              std::string::npos)
        << r.err;
}

// NCCL reduces GPU memory: the cpu backend under mpirun is refused it, by name.
TEST(DistTrain, DistBackendNcclOnTheCpuIsRefusedNamingTheCudaBackend) {
    REQUIRE_MPIRUN();
    WorkDir dir("dist_nccl_cpu");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 128, 64, &why)) << why;
    RunResult r = run(mpirun(2, "train " + quote(source_path(kSeedNet)) + " --data " + quote(dir.string()) +
                                    " --device cpu --dist-backend nccl --epochs 1 --threads 1"),
                      dir);
    EXPECT_NE(r.rc, 0);
    EXPECT_NE(r.err.find("RuntimeError: --dist-backend nccl needs the cuda backend built with NCCL; this engine is cpu"),
              std::string::npos)
        << r.err;
}

TEST(DistTrain, DistBackendWithoutALauncherOrWithABadValueIsAUsageError) {
    WorkDir dir("dist_backend_usage");
    const std::string env = "env -u OMPI_COMM_WORLD_SIZE -u PMI_SIZE -u PMIX_RANK -u SLURM_STEP_NUM_TASKS ";
    RunResult r = run(env + quote(cnnc_exe()) + " train " + quote(source_path(kSeedNet)) + " --dist-backend mpi --epochs 0",
                      dir);
    EXPECT_EQ(r.rc, 2) << r.err;
    EXPECT_NE(r.err.find("this process was not started by a launcher"), std::string::npos) << r.err;
    r = run(env + quote(cnnc_exe()) + " train " + quote(source_path(kSeedNet)) + " --dist-backend gloo --epochs 0", dir);
    EXPECT_EQ(r.rc, 2) << r.err;
    EXPECT_NE(r.err.find("bad or missing value for --dist-backend: gloo: nccl, mpi or auto"), std::string::npos) << r.err;
    r = run(env + quote(cnnc_exe()) + " train " + quote(source_path(kSeedNet)) + " --device cuda:x --epochs 0", dir);
    EXPECT_EQ(r.rc, 2) << r.err;
    EXPECT_NE(r.err.find("--device (cuda:N, N a GPU ordinal)"), std::string::npos) << r.err;
}

TEST(DistTrain, TheProgramDoesNotLinkMpiAndItsModuleDoes) {
    WorkDir dir("dist_layout");
    RunResult r = run("readelf -d " + quote(cnnc_exe()), dir);
    ASSERT_EQ(r.rc, 0) << "readelf is not available: " << r.err;
    EXPECT_EQ(r.out.find("libmpi"), std::string::npos) << r.out;
    const fs::path module = fs::path(cnnc_exe()).parent_path() / "libcnnc-mpi.so";
    ASSERT_TRUE(fs::exists(module)) << module << " was not built (is libopenmpi-dev installed?)";
    RunResult m = run("readelf -d " + quote(module.string()), dir);
    EXPECT_NE(m.out.find("libmpi"), std::string::npos) << m.out;
}

namespace {

// Start `cmd` in the background (its own process group); its pid.
pid_t spawn(const std::string &cmd, const fs::path &dir) {
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        std::string full = "exec " + cmd + " >" + quote((dir / "bg.out").string()) + " 2>" +
                           quote((dir / "bg.err").string());
        execl("/bin/sh", "sh", "-c", full.c_str(), (char *)nullptr);
        _exit(127);
    }
    return pid;
}

// The pids whose parent is `parent` (mpirun starts the local ranks itself).
std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> kids;
    for (const auto &e : fs::directory_iterator("/proc")) {
        const std::string name = e.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::string stat = read_text(e.path() / "stat");
        size_t close = stat.rfind(')');
        if (close == std::string::npos) continue;
        int ppid = 0;
        char state = 0;
        if (sscanf(stat.c_str() + close + 1, " %c %d", &state, &ppid) == 2 && ppid == parent)
            kids.push_back((pid_t)std::stoi(name));
    }
    return kids;
}

// Wait for `pid` up to `limit`; its wait status, or -1 if it still runs.
int wait_for(pid_t pid, std::chrono::milliseconds limit) {
    auto t0 = std::chrono::steady_clock::now();
    int st = 0;
    while (std::chrono::steady_clock::now() - t0 < limit) {
        if (waitpid(pid, &st, WNOHANG) == pid) return st;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
}

bool wait_for_file(const fs::path &p, std::chrono::milliseconds limit) {
    auto t0 = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - t0 < limit) {
        if (fs::exists(p)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

}  // namespace

TEST(DistTrain, AKilledRankStopsTheJobWithinTenSecondsAndTheLastCheckpointResumes) {
    REQUIRE_MPIRUN();
    WorkDir dir("dist_kill");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 1024, 64, &why)) << why;
    const fs::path ckpt = dir / "ck.safetensors";
    pid_t job = spawn(mpirun(2, "train " + quote(source_path(kSeedNet)) + " --data " + quote(dir.string()) +
                                    " --epochs 1000 --batch 64 --threads 1 --save " + quote(ckpt.string())),
                      dir);
    ASSERT_GT(job, 0);
    // After the first epoch's checkpoint, kill rank 1 mid-epoch.
    bool saved = wait_for_file(ckpt, std::chrono::seconds(120));
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    std::vector<pid_t> ranks = children_of(job);
    if (!saved || ranks.size() != 2) {
        kill(-job, SIGKILL);
        waitpid(job, nullptr, 0);
        FAIL() << "no checkpoint after the first epoch, or not 2 ranks (" << ranks.size()
               << ") under mpirun:\n" << read_text(dir / "bg.err");
    }
    const auto t0 = std::chrono::steady_clock::now();
    kill(ranks[1], SIGKILL);
    int st = wait_for(job, std::chrono::seconds(10));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (st == -1) {
        kill(-job, SIGKILL);
        waitpid(job, nullptr, 0);
    }
    ASSERT_NE(st, -1) << "the job still ran 10 s after a rank was killed";
    EXPECT_LT(seconds, 10.0);
    EXPECT_FALSE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << "the job ended as if nothing happened";
    const std::string err = read_text(dir / "bg.err");
    EXPECT_NE(err.find("signal 9"), std::string::npos) << "no message naming the killed rank:\n" << err;
    // No temporary file is left beside the checkpoint, and it resumes.
    for (const auto &e : fs::directory_iterator(dir.path))
        EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
    // The last epoch line rank 0 printed: the checkpoint holds it (or the one
    // before, if the kill came between the line and the save).
    const std::string out = read_text(dir / "bg.out");
    const size_t at = out.rfind("epoch ");
    ASSERT_NE(at, std::string::npos) << out;
    const long done = std::strtol(out.c_str() + at + 6, nullptr, 10);
    RunResult resumed = run(quote(cnnc_exe()) + " train " + quote(source_path(kSeedNet)) + " --data " +
                                quote(dir.string()) + " --device cpu --threads 1 --quiet --batch 64 --resume " +
                                quote(ckpt.string()) + " --epochs " + std::to_string(done + 1),
                            dir);
    EXPECT_EQ(resumed.rc, 0) << resumed.out << resumed.err;
}

TEST(DistTrain, SigtermOnTheJobSavesOnceAndResumesOnAnotherNumberOfRanks) {
    REQUIRE_MPIRUN();
    WorkDir dir("dist_term");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 1024, 64, &why)) << why;
    const fs::path ckpt = dir / "ck.safetensors";
    const std::string args = quote(source_path(kSeedNet)) + " --data " + quote(dir.string()) + " --batch 64 --seed 5";
    pid_t job = spawn(mpirun(2, "train " + args + " --epochs 1000 --threads 1 --save " + quote(ckpt.string())), dir);
    ASSERT_GT(job, 0);
    bool saved = wait_for_file(ckpt, std::chrono::seconds(120));
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    kill(job, SIGTERM);   // mpirun passes it on to every rank
    int st = wait_for(job, std::chrono::seconds(20));
    if (st == -1) {
        kill(-job, SIGKILL);
        waitpid(job, nullptr, 0);
    }
    ASSERT_TRUE(saved);
    ASSERT_NE(st, -1) << "the job did not stop on SIGTERM";
    const std::string err = read_text(dir / "bg.err");
    const std::string said = "interrupted (SIGTERM)";
    ASSERT_NE(err.find(said), std::string::npos) << err;
    EXPECT_EQ(err.find(said), err.rfind(said)) << "saved more than once:\n" << err;
    // One process resumes the 2-rank checkpoint and finishes the epoch.
    const size_t at = err.find(" in epoch ");
    ASSERT_NE(at, std::string::npos) << err;
    const long epoch = std::strtol(err.c_str() + at + 10, nullptr, 10);
    RunResult resumed = run(quote(cnnc_exe()) + " train " + args + " --device cpu --threads 1 --resume " +
                                quote(ckpt.string()) + " --epochs " + std::to_string(epoch),
                            dir);
    EXPECT_EQ(resumed.rc, 0) << resumed.err;
    EXPECT_NE(resumed.err.find("resumed from"), std::string::npos) << resumed.err;
    EXPECT_NE(resumed.out.find("epoch " + std::to_string(epoch) + "/"), std::string::npos) << resumed.out;
}

// The hooked build raises SIGTERM in every rank after 40 optimizer steps (step 9
// of the second epoch of 32 steps): the 2-rank checkpoint, resumed by one
// process of 2 threads, ends with the bits of that process's uninterrupted run.
TEST(DistTrain, ATwoRankCheckpointResumedInOneProcessEndsWithTheBitsOfAnUninterruptedRun) {
    REQUIRE_MPIRUN();
    WorkDir dir("dist_resume");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 2000, 100, &why)) << why;
    const std::string args = quote(source_path(kSeedNet)) + " --data " + quote(dir.string()) +
                             " --batch 64 --seed 4 --optim adam --lr 2e-3 --device cpu --epochs 2 --save ";
    RunResult full = run(quote(cnnc_exe()) + " train " + args + quote((dir / "full.safetensors").string()) +
                             " --threads 2 --quiet",
                         dir);
    ASSERT_EQ(full.rc, 0) << full.err;
    const fs::path ckpt = dir / "ck.safetensors";
    RunResult cut = run("env CNNC_FAULT_INTERRUPT_AT_STEP=40 " +
                            mpirun(2, "train " + args + quote(ckpt.string()) + " --threads 1", cnnc_hooked_exe()),
                        dir);
    EXPECT_NE(cut.rc, 0);
    ASSERT_NE(cut.err.find("interrupted (SIGTERM) in epoch 2 after step 8"), std::string::npos) << cut.err;
    RunResult resumed = run(quote(cnnc_exe()) + " train " + args + quote((dir / "resumed.safetensors").string()) +
                                " --threads 2 --quiet --resume " + quote(ckpt.string()),
                            dir);
    ASSERT_EQ(resumed.rc, 0) << resumed.err;
    bool identical = false;
    std::string report;
    worst_rel_l2(read_f32(dir / "full.safetensors"), read_f32(dir / "resumed.safetensors"), &identical, &report);
    EXPECT_TRUE(identical) << report;
}

// --ema over 2 ranks: the average is updated on every rank after the same step and
// broadcast from rank 0 at a resume. A 2-rank run of a BatchNorm net interrupted
// after 20 steps and resumed on 2 ranks ends with the bits of the uninterrupted
// 2-rank run: average (running statistics included), trained weights, optimizer
// state and the sharded evaluation. --sync-bn: with per-rank statistics (DDP's
// default) rank 1's would be its own in one run and rank 0's after a resume.
TEST(DistTrain, AnEmaRunInterruptedAndResumedOnTwoRanksEndsWithTheBitsOfAnUninterruptedOne) {
    REQUIRE_MPIRUN();
    WorkDir dir("dist_ema");
    std::string why;
    ASSERT_TRUE(write_fashion_prefix(dir.path, 1000, 100, &why)) << why;
    const std::string args = quote(write_text_file(dir / "bn.cnn", kBatchNormNet)) + " --data " + quote(dir.string()) +
                             " --batch 64 --seed 4 --optim sgd --lr 0.05 --momentum 0.9 --ema 0.9 --sync-bn --device cpu "
                             "--epochs 2 --save ";
    RunResult full = run(mpirun(2, "train " + args + quote((dir / "full.safetensors").string()) + " --threads 1 --quiet"),
                         dir);
    ASSERT_EQ(full.rc, 0) << full.out << full.err;
    const fs::path ckpt = dir / "ck.safetensors";
    RunResult cut = run("env CNNC_FAULT_INTERRUPT_AT_STEP=20 " +
                            mpirun(2, "train " + args + quote(ckpt.string()) + " --threads 1", cnnc_hooked_exe()),
                        dir);
    EXPECT_NE(cut.rc, 0);
    ASSERT_NE(cut.err.find("interrupted (SIGTERM) in epoch 2 after step 4"), std::string::npos) << cut.err;
    RunResult resumed = run(mpirun(2, "train " + args + quote(ckpt.string()) + " --threads 1 --quiet --resume " +
                                          quote(ckpt.string())),
                            dir);
    ASSERT_EQ(resumed.rc, 0) << resumed.out << resumed.err;
    EXPECT_NE(resumed.err.find("its EMA continued"), std::string::npos) << resumed.err;
    // The sharded evaluation reads every rank's average: rank 1's came from rank 0 at the resume.
    const size_t a = full.out.rfind("test loss"), b = resumed.out.rfind("test loss");   // epoch 2's
    ASSERT_NE(a, std::string::npos) << full.out;
    ASSERT_NE(b, std::string::npos) << resumed.out;
    EXPECT_EQ(full.out.substr(a, 34), resumed.out.substr(b, 34));
    for (const char *file : {".safetensors", ".optim.safetensors"}) {
        bool identical = false;
        std::string report;
        worst_rel_l2(read_f32(dir.path / (std::string("full") + file)), read_f32(dir.path / (std::string("ck") + file)),
                     &identical, &report);
        EXPECT_TRUE(identical) << file << ":\n" << report;
    }
}
