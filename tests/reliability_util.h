// reliability_util.h — helpers shared by the reliability and fault tests:
// a fresh scratch folder, tiny generated IDX data, a small model with every
// kind of training state (BatchNorm buffers, Dropout RNG, Adam moments), and
// running `cnnc` with extra environment.
#ifndef CNNC_RELIABILITY_UTIL_H
#define CNNC_RELIABILITY_UTIL_H

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#include <gtest/gtest.h>

#include "cnnc/cnnc.h"
#include "test_paths.h"

namespace rel {

// A new empty folder under scratch_dir(), unique per process and call.
inline std::string fresh_dir(const std::string &tag) {
    static int n = 0;
    std::string d = scratch_dir() + "/cnnc_" + tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
    std::string cmd = "rm -rf '" + d + "' && mkdir -p '" + d + "'";
    if (std::system(cmd.c_str()) != 0) return "";
    return d;
}

inline void remove_tree(const std::string &d) {
    if (!d.empty()) { std::string cmd = "rm -rf '" + d + "'"; if (std::system(cmd.c_str()) != 0) {} }
}

inline std::string slurp(const std::string &p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

inline bool exists(const std::string &p) { struct stat sb; return ::stat(p.c_str(), &sb) == 0; }

// Deterministic 8x8 images whose class is visible (a bright row at 2*label/3),
// train and t10k pairs in `dir`, uncompressed.
inline bool write_tiny_data(const std::string &dir, int64_t n_train, int64_t n_test) {
    for (int split = 0; split < 2; split++) {
        int64_t n = split ? n_test : n_train;
        std::vector<uint8_t> img((size_t)(n * 64)), lab((size_t)n);
        uint32_t r = 12345u + (uint32_t)split;
        for (int64_t i = 0; i < n; i++) {
            lab[(size_t)i] = (uint8_t)(i % 10);
            for (int k = 0; k < 64; k++) {
                r = r * 1664525u + 1013904223u;
                img[(size_t)(i * 64 + k)] = (uint8_t)((r >> 24) & 63);
            }
            int row = (int)(lab[(size_t)i] * 7 / 10);
            for (int c = 0; c < 8; c++) img[(size_t)(i * 64 + row * 8 + c)] = 255;
        }
        cnnc_idx_set s;
        s.images = img.data();
        s.labels = lab.data();
        s.n = n;
        s.rows = 8;
        s.cols = 8;
        std::string pre = dir + (split ? "/t10k" : "/train");
        cnnc_error err;
        cnnc_error_clear(&err);
        if (cnnc_idx_save_pair((pre + "-images-idx3-ubyte").c_str(), (pre + "-labels-idx1-ubyte").c_str(), &s, &err) !=
            CNNC_OK)
            return false;
    }
    return true;
}

// Conv, BatchNorm (running stats and num_batches_tracked), Dropout (RNG), Linear.
inline const char *tiny_model_text() {
    return "input = (1, 8, 8)\n"
           "features = Sequential(Conv2d(1, 4, 3, 1, 1), BatchNorm2d(4), ReLU(), MaxPool2d(2))\n"
           "flatten = Flatten()\n"
           "drop = Dropout(0.3)\n"
           "out = Linear(64, 10)\n";
}

inline std::string write_text(const std::string &path, const std::string &text) {
    std::ofstream(path) << text;
    return path;
}

struct Run { int code; int signal; std::string out, err; };

// Run `cnnc ARGS` with `env` (e.g. "A=1 B=2") prepended, capturing output.
// A CNNC_FAULT_* variable in `env` runs the hooked build, which reads it.
inline Run run_cnnc(const std::string &args, const std::string &env = "") {
    static int n = 0;
    std::string base = scratch_dir() + "/cnnc_rel_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
    std::string exe = env.find("CNNC_FAULT_") != std::string::npos ? cnnc_hooked_exe() : cnnc_exe();
    std::string cmd = "env " + env + " '" + exe + "' " + args + " >'" + base + ".out' 2>'" + base + ".err'";
    int st = std::system(cmd.c_str());
    Run r;
    r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.signal = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    std::remove((base + ".out").c_str());
    std::remove((base + ".err").c_str());
    return r;
}

// A metadata value of a safetensors file: "<unreadable>" when it does not read, "<none>" when absent.
inline std::string meta_of(const std::string &file, const char *key) {
    cnnc_st_file *f = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_st_read(file.c_str(), &f, &err) != CNNC_OK) return "<unreadable>";
    const char *v = cnnc_st_meta(f, key);
    std::string out = v ? v : "<none>";
    cnnc_st_free(f);
    return out;
}

// Tensors of two safetensors files compared byte for byte (metadata ignored).
// Returns "" when identical, else what differs.
inline std::string compare_tensors(const std::string &a, const std::string &b) {
    cnnc_st_file *fa = nullptr, *fb = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_st_read(a.c_str(), &fa, &err) != CNNC_OK) return "cannot read " + a + ": " + err.message;
    if (cnnc_st_read(b.c_str(), &fb, &err) != CNNC_OK) { cnnc_st_free(fa); return "cannot read " + b + ": " + err.message; }
    std::string diff;
    if (cnnc_st_count(fa) != cnnc_st_count(fb)) diff = "tensor counts differ";
    for (int32_t k = 0; diff.empty() && k < cnnc_st_count(fa); k++) {
        const cnnc_st_tensor *t = cnnc_st_at(fa, k), *u = cnnc_st_find(fb, t->name);
        if (!u) { diff = std::string("missing ") + t->name; break; }
        if (t->nbytes != u->nbytes || std::memcmp(t->data, u->data, (size_t)t->nbytes) != 0)
            diff = std::string(t->name) + " differs";
    }
    cnnc_st_free(fa);
    cnnc_st_free(fb);
    return diff;
}

// A scratch folder with tiny IDX data and the tiny model, and `cnnc train` arguments over it.
struct TrainDir {
    std::string dir, model;
    explicit TrainDir(const char *tag, int64_t n_train = 200, int64_t n_test = 50) {
        dir = fresh_dir(tag);
        EXPECT_TRUE(write_tiny_data(dir, n_train, n_test));
        model = write_text(dir + "/tiny.cnn", tiny_model_text());
    }
    ~TrainDir() { remove_tree(dir); }
    // Deterministic: fixed seed and thread count, 200/16 -> 13 steps per epoch.
    std::string train(const std::string &extra) const {
        return "train '" + model + "' --data '" + dir + "' --device cpu --threads 2 --seed 7 --batch 16 --quiet " +
               extra;
    }
    std::string path(const std::string &name) const { return dir + "/" + name; }
};

}  // namespace rel

#endif
