// dist_util.h — what the data-parallel tests share (dist_train_test.cpp on the
// cpu, cuda_dist_test.cpp on the emulated GPU): `mpirun -np N` as the harness
// starts it, a Fashion-MNIST prefix on disk, and safetensors compared per tensor.
#ifndef CNNC_TESTS_DIST_UTIL_H
#define CNNC_TESTS_DIST_UTIL_H

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#include "test_run.h"

inline std::string mpirun_path() {
    const char *env = std::getenv("CNNC_MPIRUN");
    if (env && *env) return env;
    for (const char *p : {"/usr/bin/mpirun", "/usr/local/bin/mpirun"})
        if (access(p, X_OK) == 0) return p;
    return "";
}

// `mpirun -np N cnnc ARGS` as the harness starts it. For the sanitizer build
// (scripts/sanitize.sh), Open MPI keeps its components loaded at exit and
// LeakSanitizer unwinds allocations fully, so that what Open MPI keeps is
// named by its library and suppressed (scripts/sanitize.supp); both are
// ignored by a build without sanitizers.
inline std::string mpirun(int np, const std::string &args, const std::string &exe = cnnc_exe()) {
    const char *asan = std::getenv("ASAN_OPTIONS");
    return "env OMPI_MCA_mca_base_component_disable_dlclose=1 ASAN_OPTIONS=" +
           quote(std::string(asan ? asan : "") + ":fast_unwind_on_malloc=0") + " " + quote(mpirun_path()) +
           " --allow-run-as-root --oversubscribe -np " + std::to_string(np) + " " + quote(exe) + " " + args;
}

#define REQUIRE_MPIRUN()                                                                              \
    do {                                                                                              \
        if (mpirun_path().empty())                                                                    \
            GTEST_FAIL() << "mpirun is not installed: apt-get install openmpi-bin libopenmpi-dev "    \
                            "(scripts/setup.sh test), or set CNNC_MPIRUN";                            \
    } while (0)

// The Fashion-MNIST that training defaults to (scripts/setup.sh installs Debian's).
inline std::string fashion_dir() {
    for (std::string d : {source_path("data/fashion-mnist"), std::string("/usr/share/datasets/fashion-mnist")})
        if (fs::exists(d)) return d;
    return "";
}

// The first n_train / n_test samples of Fashion-MNIST, written to dir.
inline bool write_fashion_prefix(const fs::path &dir, int64_t n_train, int64_t n_test, std::string *why) {
    const std::string src = fashion_dir();
    if (src.empty()) {
        *why = "no Fashion-MNIST (data/fashion-mnist or /usr/share/datasets/fashion-mnist; scripts/setup.sh)";
        return false;
    }
    cnnc_idx_set train, test;
    std::memset(&train, 0, sizeof train);
    std::memset(&test, 0, sizeof test);
    cnnc_error err;
    cnnc_error_clear(&err);
    bool ok = cnnc_data_load_dir(src.c_str(), &train, &test, &err) == CNNC_OK;
    for (int split = 0; ok && split < 2; split++) {
        cnnc_idx_set s = split ? test : train;
        s.n = split ? n_test : n_train;
        const std::string pre = (dir / (split ? "t10k" : "train")).string();
        ok = cnnc_idx_save_pair((pre + "-images-idx3-ubyte").c_str(), (pre + "-labels-idx1-ubyte").c_str(), &s,
                                &err) == CNNC_OK;
    }
    if (!ok) *why = err.message;
    cnnc_idx_set_free(&train);
    cnnc_idx_set_free(&test);
    return ok;
}

struct Tensors {
    std::vector<std::string> names;
    std::vector<std::vector<float>> values;
};

inline Tensors read_f32(const fs::path &path) {
    Tensors t;
    cnnc_st_file *f = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_st_read(path.c_str(), &f, &err), CNNC_OK) << path << ": " << err.message;
    if (!f) return t;
    for (int32_t i = 0; i < cnnc_st_count(f); i++) {
        const cnnc_st_tensor *x = cnnc_st_at(f, i);
        if (x->dtype != CNNC_F32) continue;
        std::vector<float> v((size_t)x->numel);
        std::memcpy(v.data(), x->data, v.size() * sizeof(float));
        t.names.push_back(x->name);
        t.values.push_back(std::move(v));
    }
    cnnc_st_free(f);
    return t;
}

// Relative L2 error per tensor of `got` against `want`; the worst, and whether every bit agrees.
inline double worst_rel_l2(const Tensors &want, const Tensors &got, bool *identical, std::string *report) {
    double worst = 0;
    *identical = want.names == got.names;
    EXPECT_EQ(want.names, got.names);
    EXPECT_FALSE(want.names.empty());
    for (size_t i = 0; i < want.names.size() && i < got.names.size(); i++) {
        const auto &a = want.values[i], &b = got.values[i];
        double num = 0, den = 0;
        for (size_t k = 0; k < a.size() && k < b.size(); k++) {
            num += ((double)a[k] - b[k]) * ((double)a[k] - b[k]);
            den += (double)a[k] * a[k];
        }
        const double rel = std::sqrt(num) / (den > 0 ? std::sqrt(den) : 1.0);
        *identical = *identical && a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * 4) == 0;
        *report += want.names[i] + ": " + std::to_string(rel) + "\n";
        worst = rel > worst ? rel : worst;
    }
    return worst;
}

#endif
