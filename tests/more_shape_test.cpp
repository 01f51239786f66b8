// more_shape_test.cpp — the constructors and shape rules of Hardswish,
// Hardsigmoid, PReLU, PixelShuffle, PixelUnshuffle, Softplus, Mish, Hardshrink
// and of expand, expand_as, repeat and slice_copy against PyTorch 1.13.
//
// tests/more_module_cases.tsv (`more_oracle.py modules`) holds what PyTorch did
// with each module case, as act_shape_cases.tsv: cnnc must give the same from a
// model file (a constructor error from cnnc_model_parse, CNNC_ERR_PARSE; a
// forward error from the shape pass, CNNC_ERR_SHAPE, except the op's argument
// TypeErrors, which cnnc reports at the argument, from the parser) or the same
// output size. tests/more_op_cases.tsv (`more_oracle.py ops`) holds the
// function-only kinds and the modules' functional forms as model code writes
// them (`a.expand(2, -1)`, `torch.slice_copy(a, 1, 0, None, 2)`): cnnc traces
// the same forward() with its evaluator and must raise PyTorch's exception line
// or give its output size. Two tests regenerate the tables with live PyTorch
// and fail (never skip) when that cannot run or a table is stale.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graphops_util.h"
#include "test_paths.h"
#include "test_run.h"

extern "C" {
#include "cnnc/model.h"
#include "cnnc/pyread.h"
#include "cnnc/shape.h"
#include "layers/layer_def.h"
}

namespace {

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

struct Line {
    std::vector<std::string> f;
    int number;
};

// The table's lines split at tabs; a line without `fields` fields fails the test.
std::vector<Line> load_table(const char *file, size_t fields) {
    std::vector<Line> rows;
    std::istringstream in(read_text(source_path(std::string("tests/") + file)));
    int ln = 0;
    for (std::string l; std::getline(in, l);) {
        ln++;
        if (l.empty()) continue;
        Line r{{}, ln};
        size_t a = 0;
        for (size_t b; (b = l.find('\t', a)) != std::string::npos; a = b + 1) r.f.push_back(l.substr(a, b - a));
        r.f.push_back(l.substr(a));
        if (r.f.size() != fields) {
            ADD_FAILURE() << file << ":" << ln << ": " << r.f.size() << " fields, want " << fields;
            continue;
        }
        r.f.back() = unescape(r.f.back());
        rows.push_back(r);
    }
    return rows;
}

cnnc_shape shape_of(const std::string &text) {
    cnnc_shape s;
    std::memset(&s, 0, sizeof s);
    if (text == "-") return s;
    std::istringstream in(text);
    for (std::string d; std::getline(in, d, 'x');) s.d[s.ndim++] = std::stoll(d);
    return s;
}

std::string error_line(const cnnc_error &e) {
    char buf[sizeof e.message + 64];
    cnnc_error_line(&e, buf, sizeof buf);
    return buf;
}

std::string fmt(const cnnc_shape &s) {
    char buf[256];
    cnnc_shape_format(&s, buf, sizeof buf);
    return buf;
}

struct Outcome {
    std::string when, result;
};

// ---------------------------------------------------------------- modules

Outcome run_module(const std::string &ctor, const std::string &input, const std::string &mode) {
    const std::string text = "a = " + ctor + "\n";
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_model_parse(text.c_str(), text.size(), "more.cnn", &m, &err);
    if (st != CNNC_OK) return {st == CNNC_ERR_PARSE ? "parse" : "parse-" + std::to_string((int)st), error_line(err)};
    cnnc_shape in = input.empty() ? shape_of("-") : shape_of(input), out;
    std::memset(&out, 0, sizeof out);
    st = cnnc_shape_pass_mode(m, &in, mode == "train", nullptr, &out, &err);
    cnnc_model_free(m);
    if (st != CNNC_OK) return {st == CNNC_ERR_SHAPE ? "shape" : "shape-" + std::to_string((int)st), error_line(err)};
    return {"-", fmt(out)};
}

const char *const kModules[] = {"Hardswish(", "Hardsigmoid(", "PReLU(", "PixelShuffle(", "PixelUnshuffle(",
                                "Softplus(", "Mish(", "Hardshrink(", "SELU(", "Conv1d(", "ConvTranspose1d(", "InstanceNorm1d(", "ReflectionPad1d(", "ReplicationPad1d(", "ConstantPad1d(",
                                "MaxPool1d(", "AvgPool1d(", "AdaptiveAvgPool1d(", "AdaptiveMaxPool1d("};

TEST(MoreModules, TableCoversEveryNewModuleWithValidAndBrokenInputs) {
    const auto rows = load_table("more_module_cases.tsv", 5);
    ASSERT_GE(rows.size(), 90u);
    for (const char *kind : kModules) {
        int ok = 0, bad = 0;
        for (const auto &r : rows)
            if (r.f[0].rfind(kind, 0) == 0) (r.f[3] == "-" ? ok : bad)++;
        EXPECT_GE(ok, 1) << kind;
        EXPECT_GE(bad, 1) << kind << " has no breaking input";
    }
}

TEST(MoreModules, EveryRowGivesPyTorchsOutputSizeOrItsExceptionLine) {
    int compared = 0;
    for (const auto &r : load_table("more_module_cases.tsv", 5)) {
        SCOPED_TRACE("more_module_cases.tsv:" + std::to_string(r.number) + ": " + r.f[0] + " on [" + r.f[1] + "] (" + r.f[2] + ")");
        const Outcome got = run_module(r.f[0], r.f[1], r.f[2]);
        EXPECT_EQ(got.result, r.f[4]);
        if (r.f[3] == "-") {
            EXPECT_EQ(got.when, "-");
        } else if (r.f[3] == "ctor") {
            EXPECT_EQ(got.when, "parse");
        } else {
            ASSERT_EQ(r.f[3], "forward");
            // An argument's type is reported where the argument is; everything else at the forward.
            EXPECT_EQ(got.when, r.f[4].rfind("TypeError: ", 0) == 0 ? "parse" : "shape");
        }
        compared++;
    }
    EXPECT_GE(compared, 90);
}

// Every valid row renders to constructor text that parses back to the same parameters.
TEST(MoreModules, ValidLayersRenderToTextThatReadsBackToTheSameLayer) {
    int rendered = 0;
    for (const auto &r : load_table("more_module_cases.tsv", 5)) {
        if (r.f[3] != "-") continue;
        const std::string text = "a = " + r.f[0] + "\n";
        cnnc_model *m = nullptr, *m2 = nullptr;
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(cnnc_model_parse(text.c_str(), text.size(), "a.cnn", &m, &err), CNNC_OK) << r.f[0];
        char buf[512];
        cnnc_layer_render(&m->layers[0], buf, sizeof buf);
        const std::string again = std::string("a = ") + buf + "\n";
        ASSERT_EQ(cnnc_model_parse(again.c_str(), again.size(), "b.cnn", &m2, &err), CNNC_OK) << buf << ": " << error_line(err);
        EXPECT_EQ(m2->layers[0].kind, m->layers[0].kind) << buf;
        EXPECT_EQ(std::memcmp(&m2->layers[0].p, &m->layers[0].p, sizeof m->layers[0].p), 0)
            << r.f[0] << " rendered as " << buf << " reads back differently";
        cnnc_model_free(m);
        cnnc_model_free(m2);
        rendered++;
    }
    EXPECT_GE(rendered, 40);
}

// PReLU's weight is a state_dict entry of [num_parameters] filled with init; a
// channel mismatch suggests the channel count.
TEST(MoreModules, PreluHasOneWeightPerParameterFilledWithInitAndItsMismatchHintsTheChannels) {
    const std::string text = "input = (6, 5, 5)\nconv = Conv2d(6, 4, 3)\nact = PReLU(3, init=0.1)\n";
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_parse(text.c_str(), text.size(), "p.cnn", &m, &err), CNNC_OK) << error_line(err);
    cnnc_param_desc d[CNNC_LAYER_MAX_PARAMS];
    const cnnc_layer_def *def = cnnc_layer_def_of(CNNC_PRELU);
    ASSERT_EQ(def->params(&m->layers[1], d), 1);
    EXPECT_STREQ(d[0].suffix, "weight");
    EXPECT_EQ(d[0].role, CNNC_P_WEIGHT);
    EXPECT_EQ(d[0].ndim, 1);
    EXPECT_EQ(d[0].shape[0], 3);
    EXPECT_EQ(d[0].init, CNNC_INIT_FILL);
    EXPECT_FLOAT_EQ(d[0].init_value, 0.1f);
    cnnc_shape in = shape_of("2x6x5x5");
    ASSERT_EQ(cnnc_shape_pass(m, &in, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(error_line(err), "RuntimeError: Mismatch of parameter numbers and input channel size. Found parameter numbers = 3 "
                               "and channel size = 4.");
    EXPECT_NE(std::string(err.hint).find("num_parameters=4"), std::string::npos) << err.hint;
    cnnc_model_free(m);
}

// The oracle itself: PyTorch must still say what the table says.
TEST(MoreModules, TableIsWhatPyTorchSaysNow) {
    WorkDir dir("more_oracle_modules");
    expect_oracle_table(python_exe() + " " + script("more_oracle.py") + " modules", dir, "tests/more_module_cases.tsv",
                        "/usr/bin/python3 tests/python/more_oracle.py modules > tests/more_module_cases.tsv");
}

// ------------------------------------------------------------------- ops

// The module more_oracle.py's op_source() writes, traced by cnnc's evaluator. A row with
// statements ("a[0] = 1; return a") is the forward's body as it stands.
std::string op_source(const std::string &expr, size_t n_inputs) {
    const bool body = expr.find("return ") != std::string::npos;
    return std::string("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n\n"
                       "class M(nn.Module):\n    def forward(self, ") +
           (n_inputs == 1 ? "a" : "a, b") + "):\n        " + (body ? "" : "return ") + expr + "\n";
}

std::vector<cnnc_shape> inputs_of(const std::string &text) {
    std::vector<cnnc_shape> v;
    std::istringstream in(text);
    for (std::string s; std::getline(in, s, ';');) v.push_back(shape_of(s));
    return v;
}

Outcome run_op(const std::string &expr, const std::string &inputs) {
    const std::vector<cnnc_shape> in = inputs_of(inputs);
    const std::string src = op_source(expr, in.size());
    cnnc_source *s = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_source_parse(src.c_str(), src.size(), "ops.py", &s, &err);
    if (st != CNNC_OK) return {"load-" + std::to_string((int)st), error_line(err)};
    cnnc_trace *t = nullptr;
    st = cnnc_source_trace(s, "M", nullptr, in.data(), (int32_t)in.size(), 1, &t, &err);
    Outcome o;
    if (st == CNNC_OK) o = {"-", t->n_outputs == 1 ? fmt(t->outputs[0]) : std::string(t->result)};
    else o = {st == CNNC_ERR_SHAPE ? "shape" : st == CNNC_ERR_PARSE ? "parse" : "status-" + std::to_string((int)st), error_line(err)};
    cnnc_trace_free(t);
    cnnc_source_free(s);
    return o;
}

TEST(MoreOps, TableCoversEveryFunctionOnlyKindWithValidAndBrokenInputs) {
    const auto rows = load_table("more_op_cases.tsv", 4);
    ASSERT_GE(rows.size(), 100u);
    for (const char *form : {".expand(", ".expand_as(", ".repeat(", "torch.slice_copy(", "F.pixel_shuffle(", "F.softplus("}) {
        int ok = 0, bad = 0;
        for (const auto &r : rows)
            if (r.f[0].find(form) != std::string::npos) (r.f[2] == "-" ? ok : bad)++;
        EXPECT_GE(ok, 1) << form;
        EXPECT_GE(bad, 1) << form << " has no breaking input";
    }
}

// A shape error comes from the shape rule (CNNC_ERR_SHAPE), an argument's from build() (CNNC_ERR_PARSE).
TEST(MoreOps, EveryRowGivesPyTorchsOutputSizeOrItsExceptionLine) {
    int compared = 0;
    for (const auto &r : load_table("more_op_cases.tsv", 4)) {
        SCOPED_TRACE("more_op_cases.tsv:" + std::to_string(r.number) + ": " + r.f[0] + " on " + r.f[1]);
        const Outcome got = run_op(r.f[0], r.f[1]);
        EXPECT_EQ(got.result, r.f[3]);
        if (r.f[2] == "-") EXPECT_EQ(got.when, "-");
        else EXPECT_EQ(got.when, r.f[3].rfind("TypeError: ", 0) == 0 ? "parse" : "shape");
        compared++;
    }
    EXPECT_GE(compared, 100);
}

// Not in the table: torch 1.13 reads an omitted step uninitialised, so its answer changes from
// run to run. cnnc takes the declared default, 1, as later PyTorch releases do.
TEST(MoreOps, AnOmittedStepIsOne) {
    EXPECT_EQ(run_op("torch.slice_copy(a, 1)", "2x3").result, "[2, 3]");
    EXPECT_EQ(run_op("torch.slice_copy(a, 1, 0, 2)", "2x3").result, "[2, 2]");
    EXPECT_EQ(run_op("torch.slice_copy(a, 1, 1)", "2x5").result, "[2, 4]");
    EXPECT_EQ(run_op("torch.slice_copy(a, 1, 0, None, 0)", "2x3").result, "RuntimeError: slice step must be positive");
}

// Python's own errors from the index ops, losses and einsum (torch 1.13's lines, /usr/bin/python3),
// and the refusals where PyTorch's answer hangs on the values: argmin's indices over 7
// codes may or may not pass a dim of 5, and one_hot without num_classes sizes by the data.
TEST(MoreOps, IndexOpsAndLossesGivePythonsErrorsAndRefuseWhatTheDataDecides) {
    const std::string unsupported = "status-" + std::to_string((int)CNNC_ERR_UNSUPPORTED);
    EXPECT_EQ(run_op("F.mse_loss(a, b, reduction='x')", "2x3;2x3").result, "ValueError: x is not a valid value for reduction");
    EXPECT_EQ(run_op("F.mse_loss(a)", "2x3").result, "TypeError: mse_loss() missing 1 required positional argument: 'target'");
    EXPECT_EQ(run_op("F.l1_loss(a, 1.0)", "2x3").result, "AttributeError: 'float' object has no attribute 'size'");
    EXPECT_EQ(run_op("F.batch_norm(a, None, None, training=True)", "1x3x1x1").result,
              "ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, 3, 1, 1])");
    EXPECT_EQ(run_op("torch.distributions.Normal(0, -1).sample(a.shape)", "2x3").result,
              "ValueError: Expected parameter scale (Tensor of shape ()) of distribution Normal(loc: 0.0, scale: -1.0) to satisfy "
              "the constraint GreaterThan(lower_bound=0.0), but found invalid values:\n-1.0");
    EXPECT_EQ(run_op("torch.distributions.Normal(a, 1.).log_prob(b)", "2x3;3x3").result,
              "ValueError: Value is not broadcastable with batch_shape+event_shape: torch.Size([3, 3]) vs torch.Size([2, 3]).");
    EXPECT_EQ(run_op("torch.einsum('ij->ji')", "3x4").result,
              "ValueError: einsum(): must specify the equation string and at least one operand, or at least one operand and its "
              "subscripts list");
    EXPECT_EQ(run_op("F.one_hot(a.argmin(1), 5.0)", "6x5").result,
              "TypeError: one_hot(): argument 'num_classes' (position 2) must be int, not float");
    for (const char *expr : {"torch.index_select(b, 0, a.argmin(1))", "F.one_hot(a.argmin(1), 4)", "F.one_hot(a.argmin(1))",
                             "torch.zeros(6, 4).scatter_(1, a.argmin(1, keepdim=True), 1)", "b.gather(1, a[:4].argmin(1, keepdim=True))"}) {
        const Outcome o = run_op(expr, "6x7;4x4");
        EXPECT_EQ(o.when, unsupported) << expr << ": " << o.result;
        EXPECT_NE(o.result.find("NotImplementedError: cnnc cannot follow"), std::string::npos) << expr << ": " << o.result;
    }
    EXPECT_NE(run_op("F.one_hot(a.argmin(1), 4)", "6x7").result.find("its indices go up to 6 and num_classes is 4"), std::string::npos);
    // indices whose values cnnc knows (torch.tensor of ints, .long() of known ones) are followed
    // (torch 1.13's answers); one past the dim is refused: 1.13 words it as an IndexError or a
    // RuntimeError by which kernel runs
    EXPECT_EQ(run_op("b.index_select(0, torch.tensor([0, 1]))", "6x7;4x4").result, "[2, 4]");
    EXPECT_EQ(run_op("F.one_hot(torch.ones(3).long(), 5)", "6x7;4x4").result, "[3, 5]");
    const Outcome past = run_op("b.index_select(0, torch.tensor([0, 4]))", "6x7;4x4");
    EXPECT_EQ(past.when, unsupported) << past.result;
}

TEST(MoreOps, TableIsWhatPyTorchSaysNow) {
    WorkDir dir("more_oracle_ops");
    expect_oracle_table(python_exe() + " " + script("more_oracle.py") + " ops", dir, "tests/more_op_cases.tsv",
                        "/usr/bin/python3 tests/python/more_oracle.py ops > tests/more_op_cases.tsv");
}

// ------------------------------------------------ graphs the front end builds

using graphops::Graph;

cnnc_layer Expand(std::vector<int64_t> sizes, std::vector<uint8_t> of_input = {}) {
    cnnc_layer L = graphops::Node(CNNC_EXPAND);
    L.p.expand.n = (int32_t)sizes.size();
    for (size_t k = 0; k < sizes.size(); k++) {
        L.p.expand.size[k] = sizes[k];
        L.p.expand.of_input[k] = k < of_input.size() ? of_input[k] : 0;
    }
    return L;
}

// y.expand(x.size(0), -1, x.size(2), 5) as a node reading y and x: the sizes follow x.
TEST(MoreGraph, ExpandSizesThatNameAnotherInputsDimFollowItAtEveryBatchSize) {
    for (int64_t n : {1, 2, 7}) {
        Graph g;
        g.add(Expand({0, -1, 2, 5}, {2, 0, 2, 0}), {CNNC_INPUT_REF(1), CNNC_INPUT_REF(0)}, "e");
        g.finish(0, 2);
        cnnc_shape in[2] = {shape_of(std::to_string(n) + "x3x4x1"), shape_of("1x3x1x1")};
        cnnc_layer_shape ls;
        cnnc_shape out;
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(cnnc_shape_pass_inputs(&g.m, in, 2, 1, &ls, &out, &err), CNNC_OK) << error_line(err);
        EXPECT_EQ(fmt(out), "[" + std::to_string(n) + ", 3, 4, 5]");
        // broadcast dims: n (unless 1), 4 and 5 (merged); 3 kept
        EXPECT_EQ(ls.g.expand.count, n * 20);
    }
    // a size naming a dim the input does not have is refused, not guessed
    Graph g;
    g.add(Expand({5, -1}, {1, 0}), {CNNC_INPUT_REF(0)}, "e");
    g.finish(0, 1);
    cnnc_shape in = shape_of("2x3");
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_shape_pass_inputs(&g.m, &in, 1, 1, nullptr, nullptr, &err), CNNC_ERR_UNSUPPORTED);
}

TEST(MoreGraph, ExpandAsReadsTheOtherInputsShape) {
    Graph g;
    g.add(graphops::Node(CNNC_EXPAND_AS), {CNNC_INPUT_REF(0), CNNC_INPUT_REF(1)}, "e");
    g.finish(0, 2);
    cnnc_shape in[2] = {shape_of("1x3x1"), shape_of("6x2x3x5")};
    cnnc_layer_shape ls;
    cnnc_shape out;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_shape_pass_inputs(&g.m, in, 2, 1, &ls, &out, &err), CNNC_OK) << error_line(err);
    EXPECT_EQ(fmt(out), "[6, 2, 3, 5]");
    ASSERT_EQ(ls.g.expand.ndim, 3);   // [12 broadcast, 3 kept, 5 broadcast]
    EXPECT_EQ(ls.g.expand.size[0], 12);
    EXPECT_EQ(ls.g.expand.size[1], 3);
    EXPECT_EQ(ls.g.expand.size[2], 5);
    EXPECT_EQ(ls.g.expand.reduced, 5u);
}

// repeat's tiles are broadcast dims of [r0, s0, r1, s1, ...]; more than cnnc's
// 8 after merging is refused (PyTorch has no such limit).
TEST(MoreGraph, RepeatTilesAreBroadcastDimsAndTooManyAreRefused) {
    cnnc_layer L = graphops::Node(CNNC_REPEAT);
    L.p.expand.n = 4;
    const int64_t reps[4] = {2, 3, 1, 2};
    for (int k = 0; k < 4; k++) L.p.expand.size[k] = reps[k];
    Graph g;
    g.add(L, {CNNC_INPUT_REF(0)}, "r");
    g.finish(0, 1);
    cnnc_shape in = shape_of("5x4x3");
    cnnc_layer_shape ls;
    cnnc_shape out;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_shape_pass_inputs(&g.m, &in, 1, 1, &ls, &out, &err), CNNC_OK) << error_line(err);
    EXPECT_EQ(fmt(out), "[2, 15, 4, 6]");
    // [2 r, 3 r, 5 s, 4 s, 2 r, 3 s] -> [6 r, 20 s, 2 r, 3 s]
    ASSERT_EQ(ls.g.expand.ndim, 4);
    EXPECT_EQ(ls.g.expand.size[0], 6);
    EXPECT_EQ(ls.g.expand.size[1], 20);
    EXPECT_EQ(ls.g.expand.reduced, 5u);
    cnnc_layer W = graphops::Node(CNNC_REPEAT);
    W.p.expand.n = 5;
    for (int k = 0; k < 5; k++) W.p.expand.size[k] = 2;
    Graph h;
    h.add(W, {CNNC_INPUT_REF(0)}, "r");
    h.finish(0, 1);
    cnnc_shape wide = shape_of("3x3x3x3x3");
    EXPECT_EQ(cnnc_shape_pass_inputs(&h.m, &wide, 1, 1, nullptr, nullptr, &err), CNNC_ERR_UNSUPPORTED);
    EXPECT_NE(std::string(err.message).find("more than 8 dims"), std::string::npos) << err.message;
}

// Nine sizes: a valid PyTorch call cnnc's 8-dim tensors cannot hold.
TEST(MoreGraph, NineSizesAreRefusedAsUnsupported) {
    const Outcome o = run_op("a.expand(2, 3, 4, 5, 6, 7, 8, 9, 10)", "1");
    EXPECT_EQ(o.when, "status-" + std::to_string((int)CNNC_ERR_UNSUPPORTED)) << o.result;
}

// The function-only kinds write themselves back as the Python model code they came from.
TEST(MoreGraph, FunctionOnlyKindsWriteThemselvesAsPython) {
    auto expr = [](const cnnc_layer &L, std::vector<const char *> in) {
        cnnc_strbuf sb;
        char buf[256];
        cnnc_sb_fixed(&sb, buf, sizeof buf);
        cnnc_layer_def_of(L.kind)->expr(&L, in.data(), (int32_t)in.size(), &sb);
        return std::string(buf);
    };
    EXPECT_EQ(expr(Expand({0, -1, 4}, {2, 0, 0}), {"h1", "x"}), "h1.expand(x.size(0), -1, 4)");
    EXPECT_EQ(expr(graphops::Node(CNNC_EXPAND_AS), {"h1", "x"}), "h1.expand_as(x)");
    cnnc_layer R = graphops::Node(CNNC_REPEAT);
    R.p.expand.n = 2;
    R.p.expand.size[0] = 1;
    R.p.expand.size[1] = 3;
    EXPECT_EQ(expr(R, {"h2"}), "h2.repeat(1, 3)");
    cnnc_layer S = graphops::Node(CNNC_SLICE);
    S.p.slice = {2, 1, 0, 2, 1, 0};
    EXPECT_EQ(expr(S, {"h3"}), "torch.slice_copy(h3, 2, 1, None, 2)");
}

// The step-parity model file: every new kind, and a graph that holds at any batch size.
TEST(MoreGraph, TheParityModelFileHoldsAtEveryBatchSize) {
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_load(source_path("models/parity_graphops.cnn").c_str(), &m, &err), CNNC_OK) << error_line(err);
    for (cnnc_layer_kind k : {CNNC_HARDSWISH, CNNC_HARDSIGMOID, CNNC_PRELU, CNNC_PIXELSHUFFLE, CNNC_PIXELUNSHUFFLE, CNNC_SOFTPLUS,
                              CNNC_MISH, CNNC_HARDSHRINK, CNNC_EXPAND, CNNC_EXPAND_AS, CNNC_REPEAT, CNNC_SLICE, CNNC_SELU}) {
        bool found = false;
        for (int32_t i = 0; i < m->n_layers; i++) found |= m->layers[i].kind == k;
        EXPECT_TRUE(found) << cnnc_layer_kind_name(k) << " is not in models/parity_graphops.cnn";
    }
    for (int64_t n : {1, 3, 16}) {
        cnnc_shape in = shape_of(std::to_string(n) + "x1x28x28"), out;
        ASSERT_EQ(cnnc_shape_pass(m, &in, nullptr, &out, &err), CNNC_OK) << "batch " << n << ": " << error_line(err);
        EXPECT_EQ(fmt(out), "[" + std::to_string(n) + ", 10]");
    }
    cnnc_model_free(m);
}

}  // namespace
