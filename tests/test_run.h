// test_run.h — running commands from tests: a scratch folder per test, shell
// quoting, captured stdout/stderr and exit code, and whether PyTorch is there.
#ifndef CNNC_TEST_RUN_H
#define CNNC_TEST_RUN_H

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_paths.h"

namespace fs = std::filesystem;

struct RunResult {
    int rc = -1;      // the exit status; -1 when the command did not exit (see signal)
    int signal = 0;   // the signal that ended it, if one did (an OOM kill is 9)
    std::string out, err;
};

inline std::string read_text(const fs::path &p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline std::string quote(const std::string &s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    return q + "'";
}

// A fresh folder for one test's files, under CNNC_TEST_TMP or TMPDIR, unique to
// this process (other checkouts may run the same tests at the same time). Kept
// after a failure for inspection; removed otherwise.
struct WorkDir {
    fs::path path;
    explicit WorkDir(const std::string &name)
        : path(fs::path(scratch_dir()) / ("cnnc_tests_" + std::to_string(getpid())) / name) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~WorkDir() {
        std::error_code ec;
        if (::testing::Test::HasFailure()) return;
        fs::remove_all(path, ec);
        fs::remove(path.parent_path(), ec);  // the per-process folder, once empty
    }
    operator const fs::path &() const { return path; }
    fs::path operator/(const char *leaf) const { return path / leaf; }
    std::string string() const { return path.string(); }
};

// Runs `cmd` through the shell with stdout/stderr captured in files under `dir`.
inline RunResult run(const std::string &cmd, const fs::path &dir) {
    fs::path out = dir / "cmd.stdout", err = dir / "cmd.stderr";
    std::string full = cmd + " >" + quote(out.string()) + " 2>" + quote(err.string());
    int st = std::system(full.c_str());
    RunResult r;
    r.rc = (st != -1 && WIFEXITED(st)) ? WEXITSTATUS(st) : -1;
    r.signal = (st != -1 && WIFSIGNALED(st)) ? WTERMSIG(st) : 0;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

// How a command ended, for a failure message: "exit 0", "exit 1", "signal 9".
inline std::string how_it_ended(const RunResult &r) {
    return r.signal ? "signal " + std::to_string(r.signal) : "exit " + std::to_string(r.rc);
}

// The lines where `got` and the committed table `path` differ (at most 20, each
// with its line number), empty when they are the same: an oracle table's failure
// says which rows moved, not two 10 KB strings.
inline std::string table_diff(const std::string &got, const fs::path &path) {
    std::istringstream a(read_text(path)), b(got);
    std::string la, lb, diff;
    int line = 0, shown = 0, differing = 0;
    for (;;) {
        const bool more_a = (bool)std::getline(a, la), more_b = (bool)std::getline(b, lb);
        if (!more_a && !more_b) break;
        line++;
        if (more_a && more_b && la == lb) continue;
        differing++;
        if (shown++ < 20)
            diff += "  line " + std::to_string(line) + ":\n    table:  " + (more_a ? la : "(none)") +
                    "\n    oracle: " + (more_b ? lb : "(none)") + "\n";
    }
    if (differing > shown) diff += "  ... and " + std::to_string(differing - shown) + " more lines\n";
    return diff;
}

// Runs an oracle script that prints a table and expects exactly the committed
// table: a failure names how the script ended, its stderr and the rows that moved.
// One CI run saw such a test fail once where dozens of runs before and since
// passed (the log kept no reason), so a failed first run is printed and the
// script run once more: a stale table fails both times, a one-off does not.
inline void expect_oracle_table(const std::string &cmd, const fs::path &dir, const char *table, const char *regen) {
    const fs::path path = source_path(table);
    RunResult r;
    std::string diff;
    for (int attempt = 1; attempt <= 2; attempt++) {
        r = run(cmd, dir);
        diff = r.rc == 0 ? table_diff(r.out, path) : "";
        if (r.rc == 0 && diff.empty()) return;
        if (attempt == 1)
            std::fprintf(stderr, "first oracle run (%s), %zu bytes of stdout, stderr:\n%s\nrows that moved:\n%s"
                                 "running it once more\n", how_it_ended(r).c_str(), r.out.size(), r.err.c_str(), diff.c_str());
    }
    ASSERT_EQ(r.rc, 0) << "the PyTorch oracle did not run (" << how_it_ended(r) << "; " << python_exe()
                       << " with torch 1.13 is required):\n" << r.err << "\nstdout had " << r.out.size() << " bytes";
    EXPECT_EQ(diff, "") << table << " is not what PyTorch prints now: regenerate it with `" << regen
                        << "` if PyTorch changed\n(oracle stderr: " << r.err << ")";
}

// Whether python_exe() can import torch (checked once); why not in *why.
inline bool torch_available(std::string *why) {
    static int cached = -1;
    if (cached < 0) {
        std::string cmd = python_exe() + " -c 'import torch' >/dev/null 2>&1";
        int st = std::system(cmd.c_str());
        cached = (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0) ? 1 : 0;
    }
    *why = python_exe() + " cannot `import torch` (install python3-torch); the PyTorch oracle is unavailable";
    return cached == 1;
}

// A quoted path to a script under tests/python/.
inline std::string script(const char *name) { return quote(source_path(std::string("tests/python/") + name)); }

#endif
