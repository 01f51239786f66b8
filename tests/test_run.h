// test_run.h — running commands from tests: a scratch folder per test, shell
// quoting, captured stdout/stderr and exit code, and whether PyTorch is there.
#ifndef CNNC_TEST_RUN_H
#define CNNC_TEST_RUN_H

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_paths.h"

namespace fs = std::filesystem;

struct RunResult {
    int rc = -1;
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
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
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
