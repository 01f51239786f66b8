// fault_injection_test.cpp — the whole train/check path under allocation
// failure. The allocator shim (tests/fault/alloc_shim.c, wrapped in at link
// time) fails allocation number N; the test walks N = 1, 2, 3, ... until a run
// completes with no injected failure. Every failure must end in a clean error
// (nonzero exit code and a "Type: message" line on stderr, no crash), free
// everything it allocated (the shim's live count returns to its baseline;
// the sanitizer build runs this binary under LeakSanitizer too), and leave no
// half-written file (checkpoints absent or readable, no temporaries).
#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <regex>
#include <unistd.h>
#include <vector>

#include "alloc_shim.h"
#include "reliability_util.h"

extern "C" {
int cmd_train(int argc, char **argv);
int cmd_check(int argc, char **argv);
extern volatile int cli_interrupted_signal;
}

namespace {

struct Captured { int code; std::string out, err; };

// Run a CLI command in-process with stdout/stderr captured into files.
Captured run_in_process(int (*cmd)(int, char **), std::vector<std::string> args, const std::string &dir) {
    std::vector<char *> argv;
    for (std::string &a : args) argv.push_back(&a[0]);
    argv.push_back(nullptr);
    std::string out_path = dir + "/stdout.txt", err_path = dir + "/stderr.txt";
    fflush(stdout);
    fflush(stderr);
    int saved_out = dup(1), saved_err = dup(2);
    int fo = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int fe = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fo, 1);
    dup2(fe, 2);
    close(fo);
    close(fe);
    Captured c;
    c.code = cmd((int)args.size(), argv.data());
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    cli_interrupted_signal = 0;   // the interrupt stage's SIGTERM must not leak into the next stage
    c.out = rel::slurp(out_path);
    c.err = rel::slurp(err_path);
    return c;
}

int count_temporaries(const std::string &dir) {
    int n = 0;
    if (DIR *d = opendir(dir.c_str())) {
        while (struct dirent *ent = readdir(d))
            if (std::strstr(ent->d_name, ".tmp.")) n++;
        closedir(d);
    }
    return n;
}

// A checkpoint that exists must be complete.
bool absent_or_readable(const std::string &path) {
    if (!rel::exists(path)) return true;
    cnnc_st_file *f = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_st_read(path.c_str(), &f, &err) != CNNC_OK) return false;
    cnnc_st_free(f);
    return true;
}

struct Scenario {
    std::string dir, model, broken, ck, ck2;
    Scenario() {
        dir = rel::fresh_dir("fault");
        EXPECT_TRUE(rel::write_tiny_data(dir, 48, 16));
        model = rel::write_text(dir + "/tiny.cnn", rel::tiny_model_text());
        broken = rel::write_text(dir + "/broken.cnn", "input = (1, 8, 8)\nc = Conv2d(1, 4, 3)\nf = Flatten()\n"
                                                      "out = Linear(100, 10)\n");
        ck = dir + "/ck.st";
        ck2 = dir + "/ck2.st";
    }
    ~Scenario() { rel::remove_tree(dir); }
    std::vector<std::string> train(const std::string &epochs) const {
        return {"train", model, "--data", dir, "--device", "cpu", "--threads", "1", "--seed", "3",
                "--batch", "16", "--quiet", "--epochs", epochs};
    }
    // parse, shape pass, engine, data load, train steps, save; resume (load) and
    // an interrupted save; resume of that; check --fix. Returns each stage's result.
    std::vector<Captured> walk() const {
        std::remove(ck.c_str());
        std::remove(ck2.c_str());
        std::vector<Captured> r;
        std::vector<std::string> a = train("1");
        a.insert(a.end(), {"--save", ck});
        r.push_back(run_in_process(cmd_train, a, dir));
        a = train("2");   // the resumes keep --ema's average too: its save and load paths
        a.insert(a.end(), {"--resume", ck, "--save", ck2, "--ema", "0.9"});
        setenv("CNNC_FAULT_INTERRUPT_AT_STEP", "2", 1);
        r.push_back(run_in_process(cmd_train, a, dir));
        unsetenv("CNNC_FAULT_INTERRUPT_AT_STEP");
        a = train("2");
        a.insert(a.end(), {"--resume", ck2, "--save", ck2, "--ema", "0.9"});
        r.push_back(run_in_process(cmd_train, a, dir));
        r.push_back(run_in_process(cmd_check, {"check", broken, "--fix"}, dir));
        return r;
    }
};

TEST(FaultInjection, EveryAllocationFailureOnTheTrainAndCheckPathIsACleanErrorWithNoLeakAndNoHalfWrittenFile) {
    Scenario s;
    // The uninjected run: what each stage must produce.
    long base_live = shim_live();
    shim_arm(0);
    std::vector<Captured> want = s.walk();
    long total = shim_count();
    ASSERT_EQ(want.size(), 4u);
    ASSERT_EQ(want[0].code, 0) << want[0].err;
    ASSERT_EQ(want[1].code, 143) << want[1].err;
    ASSERT_EQ(want[2].code, 0) << want[2].err;
    ASSERT_EQ(want[3].code, 0) << want[3].err;
    ASSERT_NE(want[3].out.find("Linear(144, 10)"), std::string::npos) << want[3].out;
    ASSERT_EQ(shim_live(), base_live) << "the uninjected walk leaks";
    ASSERT_GT(total, 50) << "the shim is not wrapping cnnc's allocations";

    const std::regex error_line("(^|\n)[A-Za-z]*(Error|Interrupt|Exception): [^\n]+");
    long failures = 0, tolerated = 0, n = 1;
    for (;; n++) {
        shim_arm(n);
        std::vector<Captured> got = s.walk();
        int injected = shim_injected();
        shim_disarm();
        if (!injected) break;
        ASSERT_LT(n, 100000) << "the walk never completes";
        SCOPED_TRACE("allocation " + std::to_string(n) + " of " + std::to_string(total) + " failed");
        bool any_error = false;
        for (size_t k = 0; k < got.size(); k++) {
            if (got[k].code == want[k].code) continue;
            any_error = true;
            EXPECT_NE(got[k].code, 0) << "stage " << k;
            EXPECT_TRUE(std::regex_search(got[k].err, error_line)) << "stage " << k << " exit " << got[k].code
                                                                   << " without a message:\n" << got[k].err;
        }
        // A tolerated failure (an allocation with a fallback) must still give the same results.
        if (!any_error) {
            tolerated++;
            EXPECT_EQ(got[3].out, want[3].out);
        } else {
            failures++;
        }
        EXPECT_EQ(shim_live(), base_live) << "leak after a failure at allocation " << n;
        EXPECT_TRUE(absent_or_readable(s.ck)) << "half-written " << s.ck;
        EXPECT_TRUE(absent_or_readable(s.ck2)) << "half-written " << s.ck2;
        EXPECT_EQ(count_temporaries(s.dir), 0);
        if (HasFailure()) break;   // one diagnosis at a time
    }
    RecordProperty("allocations", std::to_string(total));
    RecordProperty("failures", std::to_string(failures));
    std::printf("fault injection: %ld allocations on the path; %ld injected failures -> %ld clean errors, %ld tolerated\n",
                total, failures + tolerated, failures, tolerated);
    EXPECT_EQ(n - 1, total) << "every allocation of the uninjected walk was failed once";
}

}  // namespace
