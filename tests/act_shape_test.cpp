// act_shape_test.cpp — the constructors and shape rules of Sigmoid, Tanh, ReLU6,
// Hardtanh, ELU, GELU, SiLU, Softmax, LogSoftmax, Identity and Dropout2d against
// PyTorch 1.13, row by row.
//
// tests/act_shape_cases.tsv holds what PyTorch did with each case (written by
// `/usr/bin/python3 tests/python/act_oracle.py shapes`): the constructor text,
// the input shape, the mode, where an exception was raised (ctor / forward / -)
// and the output size or exception line. cnnc must give the same: a constructor
// error from cnnc_model_parse (CNNC_ERR_PARSE), a forward error from the shape
// pass (CNNC_ERR_SHAPE) — except that an op's argument TypeErrors (elu()'s
// alpha, gelu()'s approximate ...) come from the parser, as cnnc reports every
// argument's type at its position (layer_util.h) — and otherwise the same
// output size. One test regenerates the table with live PyTorch and fails
// (never skips) when that cannot run or the table is stale.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_paths.h"
#include "test_run.h"

extern "C" {
#include "cnnc/model.h"
#include "cnnc/shape.h"
}

namespace {

struct Row {
    std::string ctor, input, mode, when, result;
    int line;
};

std::string unescape(const std::string &s) {
    std::string o;
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            i++;
            o += s[i] == 'n' ? '\n' : s[i];
        } else {
            o += s[i];
        }
    }
    return o;
}

std::vector<Row> load_rows(const std::string &text) {
    std::vector<Row> rows;
    std::istringstream in(text);
    int ln = 0;
    for (std::string l; std::getline(in, l);) {
        ln++;
        if (l.empty()) continue;
        std::vector<std::string> f;
        size_t a = 0;
        for (size_t b; (b = l.find('\t', a)) != std::string::npos; a = b + 1) f.push_back(l.substr(a, b - a));
        f.push_back(l.substr(a));
        if (f.size() != 5) {
            ADD_FAILURE() << "act_shape_cases.tsv:" << ln << ": " << f.size() << " fields, want 5";
            continue;
        }
        rows.push_back({f[0], f[1], f[2], f[3], unescape(f[4]), ln});
    }
    return rows;
}

std::string table_text() { return read_text(source_path("tests/act_shape_cases.tsv")); }

cnnc_shape shape_of(const std::string &text) {
    cnnc_shape s;
    std::memset(&s, 0, sizeof s);
    std::istringstream in(text);
    for (std::string d; std::getline(in, d, 'x');) s.d[s.ndim++] = std::stoll(d);
    return s;
}

std::string error_line(const cnnc_error &e) {
    char buf[sizeof e.message + 64];
    cnnc_error_line(&e, buf, sizeof buf);
    return buf;
}

// What cnnc does with one row: "-" and the output list, or where it failed and the line.
struct Outcome {
    std::string when, result;
};

Outcome run_row(const Row &r) {
    const std::string text = "a = " + r.ctor + "\n";
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_model_parse(text.c_str(), text.size(), "act.cnn", &m, &err);
    if (st != CNNC_OK) return {st == CNNC_ERR_PARSE ? "parse" : "parse-" + std::to_string((int)st), error_line(err)};
    cnnc_shape in = shape_of(r.input), out;
    std::memset(&out, 0, sizeof out);
    st = cnnc_shape_pass_mode(m, &in, r.mode == "train", nullptr, &out, &err);
    cnnc_model_free(m);
    if (st != CNNC_OK) return {st == CNNC_ERR_SHAPE ? "shape" : "shape-" + std::to_string((int)st), error_line(err)};
    char buf[256];
    cnnc_shape_format(&out, buf, sizeof buf);
    return {"-", buf};
}

TEST(ActShapes, TableCoversEveryNewKindWithValidAndBrokenInputs) {
    const auto rows = load_rows(table_text());
    ASSERT_GE(rows.size(), 100u);
    for (const char *kind : {"Sigmoid(", "Tanh(", "ReLU6(", "Hardtanh(", "ELU(", "GELU(", "SiLU(", "Softmax(", "LogSoftmax(",
                             "Identity(", "Dropout2d("}) {
        int ok = 0, bad = 0;
        for (const auto &r : rows)
            if (r.ctor.rfind(kind, 0) == 0) (r.when == "-" ? ok : bad)++;
        EXPECT_GE(ok, 1) << kind;
        if (std::strcmp(kind, "Identity(") != 0) {
            EXPECT_GE(bad, 1) << kind << " has no breaking input";
        }
    }
}

TEST(ActShapes, EveryRowGivesPyTorchsOutputSizeOrItsExceptionLine) {
    int compared = 0;
    for (const auto &r : load_rows(table_text())) {
        SCOPED_TRACE("act_shape_cases.tsv:" + std::to_string(r.line) + ": " + r.ctor + " on [" + r.input + "] (" + r.mode + ")");
        const Outcome got = run_row(r);
        EXPECT_EQ(got.result, r.result);
        if (r.when == "-") {
            EXPECT_EQ(got.when, "-");
        } else if (r.when == "ctor") {
            EXPECT_EQ(got.when, "parse");
        } else {
            ASSERT_EQ(r.when, "forward");
            // An argument's type is reported where the argument is; everything else at the forward.
            const bool argument_type = r.result.rfind("TypeError: ", 0) == 0;
            EXPECT_EQ(got.when, argument_type ? "parse" : "shape");
        }
        compared++;
    }
    EXPECT_GE(compared, 100);
}

// Every valid row renders to constructor text that parses back to the same parameters.
TEST(ActShapes, ValidLayersRenderToTextThatReadsBackToTheSameLayer) {
    int rendered = 0;
    for (const auto &r : load_rows(table_text())) {
        if (r.when != "-") continue;
        const std::string text = "a = " + r.ctor + "\n";
        cnnc_model *m = nullptr, *m2 = nullptr;
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(cnnc_model_parse(text.c_str(), text.size(), "a.cnn", &m, &err), CNNC_OK) << r.ctor;
        char buf[512];
        cnnc_layer_render(&m->layers[0], buf, sizeof buf);
        const std::string again = std::string("a = ") + buf + "\n";
        ASSERT_EQ(cnnc_model_parse(again.c_str(), again.size(), "b.cnn", &m2, &err), CNNC_OK) << buf << ": " << error_line(err);
        EXPECT_EQ(m2->layers[0].kind, m->layers[0].kind) << buf;
        EXPECT_EQ(std::memcmp(&m2->layers[0].p, &m->layers[0].p, sizeof m->layers[0].p), 0)
            << r.ctor << " rendered as " << buf << " reads back differently";
        cnnc_model_free(m);
        cnnc_model_free(m2);
        rendered++;
    }
    EXPECT_GE(rendered, 40);
}

// The oracle itself: PyTorch must still say what the table says (no skipping:
// CI installs torch, and a table nobody can check is not a test).
TEST(ActShapes, TableIsWhatPyTorchSaysNow) {
    WorkDir dir("act_oracle_shapes");
    expect_oracle_table(python_exe() + " " + script("act_oracle.py") + " shapes", dir, "tests/act_shape_cases.tsv",
                        "/usr/bin/python3 tests/python/act_oracle.py shapes > tests/act_shape_cases.tsv");
}

}  // namespace
