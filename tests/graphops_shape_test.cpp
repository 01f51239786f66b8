// graphops_shape_test.cpp — the graph's tensor operations (add, sub, mul, div,
// cat, exp, randn_like, mean, sum, narrow, permute, transpose) against PyTorch
// 1.13: one row per message template, broadcasting rule and output-size
// formula, each node reading the model's inputs. Every expected text is what
// /usr/bin/python3 (torch 1.13) printed for the row's expression; the oracle
// test below re-runs them all through tests/python/graphops_ref.py and fails
// (it does not skip) when PyTorch cannot be run.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "graphops_util.h"
#include "test_run.h"

extern "C" {
#include "layers/layer_def.h"
}

namespace {

using namespace graphops;

struct Row {
    const char *expr;   // the PyTorch expression on tensors a, b, c, d
    cnnc_layer layer;
    std::vector<std::vector<int64_t>> inputs;
    const char *expect; // the error line, or the output shape "[..]"
};

const Row kRows[] = {
    {"a + b", Binary(CNNC_ADD), {{2, 3, 4, 8}, {2, 3, 4, 7}}, "RuntimeError: The size of tensor a (8) must match the size of tensor b (7) at non-singleton dimension 3"},
    {"a + b", Binary(CNNC_ADD), {{2, 3, 1, 8}, {5, 1, 7, 1}}, "RuntimeError: The size of tensor a (2) must match the size of tensor b (5) at non-singleton dimension 0"},
    {"a + b", Binary(CNNC_ADD), {{2, 3, 1, 8}, {3, 7, 1}}, "[2, 3, 7, 8]"},
    {"a - b", Binary(CNNC_SUB), {{3}, {2, 0, 1}}, "[2, 0, 3]"},
    {"a * b", Binary(CNNC_MUL), {{2, 1}, {2, 0}}, "[2, 0]"},
    {"a / b", Binary(CNNC_DIV), {{}, {2, 3}}, "[2, 3]"},
    {"a * b", Binary(CNNC_MUL), {{4, 1, 5}, {1, 6, 1}}, "[4, 6, 5]"},
    {"a / b", Binary(CNNC_DIV), {{2, 3}, {4, 2, 3}}, "[4, 2, 3]"},
    {"a - b", Binary(CNNC_SUB), {{8}, {8, 1}}, "[8, 8]"},
    {"a * b", Binary(CNNC_MUL), {{2, 3, 5}, {7, 1, 1, 1}}, "[7, 2, 3, 5]"},
    {"torch.add(a, b, alpha=2)", Binary(CNNC_ADD, 2.0), {{2, 1}, {2, 3}}, "[2, 3]"},
    {"torch.sub(a, b, alpha=0.5)", Binary(CNNC_SUB, 0.5), {{6, 1, 4}, {6, 5, 1}}, "[6, 5, 4]"},
    {"a.add_(b)", Binary(CNNC_ADD, 1.0, CNNC_SCALAR_NONE, 0.0, 1), {{2, 1}, {2, 3}}, "RuntimeError: output with shape [2, 1] doesn't match the broadcast shape [2, 3]"},
    {"a.add_(b)", Binary(CNNC_ADD, 1.0, CNNC_SCALAR_NONE, 0.0, 1), {{2, 3}, {3}}, "[2, 3]"},
    {"a.mul_(b)", Binary(CNNC_MUL, 1.0, CNNC_SCALAR_NONE, 0.0, 1), {{3}, {2, 3}}, "RuntimeError: output with shape [3] doesn't match the broadcast shape [2, 3]"},
    {"a.sub_(b)", Binary(CNNC_SUB, 1.0, CNNC_SCALAR_NONE, 0.0, 1), {{2, 3, 8}, {2, 1, 7}}, "RuntimeError: The size of tensor a (8) must match the size of tensor b (7) at non-singleton dimension 2"},
    {"a.div_(b)", Binary(CNNC_DIV, 1.0, CNNC_SCALAR_NONE, 0.0, 1), {{1, 3}, {2, 1}}, "RuntimeError: output with shape [1, 3] doesn't match the broadcast shape [2, 3]"},
    {"a * 0.5", Scalar(CNNC_MUL, 0.5), {{2, 3}}, "[2, 3]"},
    {"1 - a", Scalar(CNNC_SUB, 1.0, CNNC_SCALAR_LEFT), {{}}, "[]"},
    {"2 / a", Scalar(CNNC_DIV, 2.0, CNNC_SCALAR_LEFT), {{0, 3}}, "[0, 3]"},
    {"a + 1", Scalar(CNNC_ADD, 1.0), {{5}}, "[5]"},
    {"torch.sub(a, 2, alpha=3)", Scalar(CNNC_SUB, 2.0, CNNC_SCALAR_RIGHT, 3.0), {{2, 2}}, "[2, 2]"},
    {"a / 4", Scalar(CNNC_DIV, 4.0), {{1, 1, 1, 1, 1, 1, 1, 1}}, "[1, 1, 1, 1, 1, 1, 1, 1]"},
    {"torch.cat([a, b], 1)", Cat(1), {{2, 3, 8}, {2, 4, 7}}, "RuntimeError: Sizes of tensors must match except in dimension 1. Expected size 8 but got size 7 for tensor number 1 in the list."},
    {"torch.cat([a, b], 1)", Cat(1), {{2, 3, 8, 8}, {2, 4, 7}}, "RuntimeError: Tensors must have same number of dimensions: got 4 and 3"},
    {"torch.cat([a, b], 1)", Cat(1), {{2, 3, 8, 8}, {2, 4, 8, 8}}, "[2, 7, 8, 8]"},
    {"torch.cat([a, b], 4)", Cat(4), {{2, 3, 8, 8}, {2, 4, 8, 8}}, "IndexError: Dimension out of range (expected to be in range of [-4, 3], but got 4)"},
    {"torch.cat([a, b], -5)", Cat(-5), {{2, 3, 8, 8}, {2, 4, 8, 8}}, "IndexError: Dimension out of range (expected to be in range of [-4, 3], but got -5)"},
    {"torch.cat([], 0)", Cat(0), {}, "RuntimeError: torch.cat(): expected a non-empty list of Tensors"},
    {"torch.cat([a, b], 0)", Cat(0), {{}, {}}, "RuntimeError: zero-dimensional tensor (at position 0) cannot be concatenated"},
    {"torch.cat([a, b], 0)", Cat(0), {{0}, {2, 3}}, "[2, 3]"},
    {"torch.cat([a, b], 2)", Cat(2), {{2, 3}, {0}}, "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)"},
    {"torch.cat([a, b, c], 1)", Cat(1), {{2, 3}, {2, 5}, {3, 5}}, "RuntimeError: Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 2 in the list."},
    {"torch.cat([a, b], 0)", Cat(0), {{0, 3}, {2, 4}}, "RuntimeError: Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list."},
    {"torch.cat([a, b], 3)", Cat(3), {{0}, {0}}, "[0]"},
    {"torch.cat([a, b], -1)", Cat(-1), {{2, 3}, {2, 5}}, "[2, 8]"},
    {"torch.concat([a], dim=0)", Cat(0), {{4, 2}}, "[4, 2]"},
    {"torch.cat([a, b], 1)", Cat(1), {{2, 0, 3}, {2, 4}}, "RuntimeError: Tensors must have same number of dimensions: got 3 and 2"},
    {"torch.cat([a, b, c], 0)", Cat(0), {{1, 2}, {0}, {3, 2}}, "[4, 2]"},
    {"torch.cat([a, b], 0)", Cat(0), {{0}, {}}, "RuntimeError: zero-dimensional tensor (at position 1) cannot be concatenated"},
    {"torch.cat([a, b, c, d], 2)", Cat(2), {{2, 1, 3}, {2, 1, 0}, {2, 1, 5}, {2, 1, 1}}, "[2, 1, 9]"},
    {"a.exp()", Node(CNNC_EXP), {{2, 0, 3}}, "[2, 0, 3]"},
    {"torch.exp(a)", Node(CNNC_EXP), {{}}, "[]"},
    {"torch.randn_like(a)", Node(CNNC_RANDN_LIKE), {{}}, "[]"},
    {"torch.randn_like(a)", Node(CNNC_RANDN_LIKE), {{3, 0, 2}}, "[3, 0, 2]"},
    {"a.mean([2, 3])", Reduce(CNNC_MEAN, {2, 3}), {{2, 8, 3, 3}}, "[2, 8]"},
    {"a.mean([2, 2])", Reduce(CNNC_MEAN, {2, 2}), {{2, 8, 3, 3}}, "RuntimeError: dim 2 appears multiple times in the list of dims"},
    {"a.mean([2, -2])", Reduce(CNNC_MEAN, {2, -2}), {{2, 8, 3, 3}}, "RuntimeError: dim 2 appears multiple times in the list of dims"},
    {"a.mean([4])", Reduce(CNNC_MEAN, {4}), {{2, 8, 3, 3}}, "IndexError: Dimension out of range (expected to be in range of [-4, 3], but got 4)"},
    {"a.mean([1, 5])", Reduce(CNNC_MEAN, {1, 5}), {{2, 8, 3, 3}}, "IndexError: Dimension out of range (expected to be in range of [-4, 3], but got 5)"},
    {"a.mean([4, 4])", Reduce(CNNC_MEAN, {4, 4}), {{2, 8, 3, 3}}, "IndexError: Dimension out of range (expected to be in range of [-4, 3], but got 4)"},
    {"a.mean(dim=(2, 3), keepdim=True)", Reduce(CNNC_MEAN, {2, 3}, 1), {{2, 8, 3, 3}}, "[2, 8, 1, 1]"},
    {"a.mean()", Reduce(CNNC_MEAN, {}), {{2, 8, 3, 3}}, "[]"},
    {"a.mean([])", Reduce(CNNC_MEAN, {}), {{2, 8, 3, 3}}, "[]"},
    {"a.sum(dim=None, keepdim=True)", Reduce(CNNC_SUM, {}, 1), {{2, 8, 3, 3}}, "[1, 1, 1, 1]"},
    {"a.mean(0)", Reduce(CNNC_MEAN, {0}), {{}}, "[]"},
    {"a.mean(1)", Reduce(CNNC_MEAN, {1}), {{}}, "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)"},
    {"a.sum([0, -1])", Reduce(CNNC_SUM, {0, -1}), {{}}, "RuntimeError: dim 0 appears multiple times in the list of dims"},
    {"a.sum(0, keepdim=True)", Reduce(CNNC_SUM, {0}, 1), {{}}, "[]"},
    {"torch.sum(a, 1)", Reduce(CNNC_SUM, {1}), {{2, 0, 3}}, "[2, 3]"},
    {"torch.mean(a, -1, True)", Reduce(CNNC_MEAN, {-1}, 1), {{5}}, "[1]"},
    {"a.sum((0, 2))", Reduce(CNNC_SUM, {0, 2}), {{3, 4, 5, 6}}, "[4, 6]"},
    {"a.sum(-3)", Reduce(CNNC_SUM, {-3}), {{3, 4}}, "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got -3)"},
    {"a.narrow(1, 5, 4)", Narrow(1, 5, 4), {{2, 8}}, "RuntimeError: start (5) + length (4) exceeds dimension size (8)."},
    {"a.narrow(1, 9, 0)", Narrow(1, 9, 0), {{2, 8}}, "IndexError: Dimension out of range (expected to be in range of [-8, 7], but got 9)"},
    {"a.narrow(1, 8, 0)", Narrow(1, 8, 0), {{2, 8}}, "[2, 0]"},
    {"a.narrow(1, -9, 1)", Narrow(1, -9, 1), {{2, 8}}, "IndexError: Dimension out of range (expected to be in range of [-8, 7], but got -9)"},
    {"a.narrow(1, -8, 1)", Narrow(1, -8, 1), {{2, 8}}, "[2, 1]"},
    {"a.narrow(1, 2, -1)", Narrow(1, 2, -1), {{2, 8}}, "RuntimeError: start (2) + length (-1) exceeds dimension size (8)."},
    {"a.narrow(0, 0, 1)", Narrow(0, 0, 1), {{}}, "RuntimeError: narrow() cannot be applied to a 0-dim tensor."},
    {"a.narrow(2, 0, 1)", Narrow(2, 0, 1), {{2, 8}}, "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)"},
    {"a.narrow(1, -3, 5)", Narrow(1, -3, 5), {{2, 8}}, "RuntimeError: start (5) + length (5) exceeds dimension size (8)."},
    {"a.narrow(1, 1, 0)", Narrow(1, 1, 0), {{2, 0}}, "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)"},
    {"a.narrow(1, 0, 0)", Narrow(1, 0, 0), {{2, 0}}, "[2, 0]"},
    {"a.narrow(-1, 1, 2)", Narrow(-1, 1, 2), {{2, 3, 4}}, "[2, 3, 2]"},
    {"a.chunk(3, 1)[2]", Narrow(1, 6, 2), {{2, 8}}, "[2, 2]"},
    {"a.split(3, 0)[1]", Narrow(0, 3, 3), {{7, 2}}, "[3, 2]"},
    {"a[:, 2:5]", Narrow(1, 2, 3), {{4, 7, 3}}, "[4, 3, 3]"},
    {"a.permute(0, 2, 1)", Permute({0, 2, 1}), {{2, 8}}, "RuntimeError: permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 3"},
    {"a.permute(0, 1, 1)", Permute({0, 1, 1}), {{2, 8, 3}}, "RuntimeError: permute(): duplicate dims are not allowed."},
    {"a.permute(0, 1, 3)", Permute({0, 1, 3}), {{2, 8, 3}}, "IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)"},
    {"a.permute(0, -1, 1)", Permute({0, -1, 1}), {{2, 8, 3}}, "[2, 3, 8]"},
    {"a.permute(1, 1, 5)", Permute({1, 1, 5}), {{2, 8, 3}}, "RuntimeError: permute(): duplicate dims are not allowed."},
    {"torch.permute(a, ())", Permute({}), {{}}, "[]"},
    {"a.permute(0)", Permute({0}), {{}}, "RuntimeError: permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 0 is not equal to len(dims) = 1"},
    {"a.permute(3, 0, 2, 1)", Permute({3, 0, 2, 1}), {{2, 3, 4, 5}}, "[5, 2, 4, 3]"},
    {"a.transpose(1, 3)", Transpose(1, 3), {{2, 8, 3}}, "IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)"},
    {"a.transpose(1, 2)", Transpose(1, 2), {{2, 8, 3}}, "[2, 3, 8]"},
    {"a.transpose(0, 0)", Transpose(0, 0), {{}}, "[]"},
    {"a.transpose(0, -1)", Transpose(0, -1), {{}}, "[]"},
    {"a.transpose(0, 1)", Transpose(0, 1), {{}}, "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)"},
    {"a.transpose(-1, 0)", Transpose(-1, 0), {{2, 3, 5}}, "[5, 3, 2]"},
    {"a.transpose(-5, 0)", Transpose(-5, 0), {{2, 8, 3, 3}}, "IndexError: Dimension out of range (expected to be in range of [-4, 3], but got -5)"},
    // squeeze/unsqueeze need no kind of their own: the view node with "the input's size k" entries.
    {"a.unsqueeze(1)", View({CNNC_VIEW_DIM(0), 1, CNNC_VIEW_DIM(1)}), {{2, 3}}, "[2, 1, 3]"},
    {"a.squeeze(1)", View({CNNC_VIEW_DIM(0), CNNC_VIEW_DIM(2)}), {{4, 1, 5}}, "[4, 5]"},
    {"a.unsqueeze(-1)", View({1}), {{}}, "[1]"},
};

std::string Line(const cnnc_error &e) {
    char b[CNNC_ERR_TEXT + 64];
    cnnc_error_line(&e, b, sizeof b);
    return b;
}

std::string Fmt(const cnnc_shape &s) {
    char b[256];
    cnnc_shape_format(&s, b, sizeof b);
    return b;
}

cnnc_shape S(const std::vector<int64_t> &d) {
    cnnc_shape s;
    std::memset(&s, 0, sizeof s);
    s.ndim = (int32_t)d.size();
    for (size_t i = 0; i < d.size(); i++) s.d[i] = d[i];
    return s;
}

// The node alone, reading model inputs 0..k-1 (torch.cat([]) reads none).
struct OneNode {
    Graph g;
    std::vector<cnnc_shape> inputs;
    explicit OneNode(const Row &r) {
        std::vector<int32_t> refs;
        for (size_t k = 0; k < r.inputs.size(); k++) {
            refs.push_back(CNNC_INPUT_REF((int32_t)k));
            inputs.push_back(S(r.inputs[k]));
        }
        g.add(r.layer, refs, "op");
        if (inputs.empty()) inputs.push_back(S({2}));   // the pass needs a model input
        g.finish(0, (int32_t)inputs.size());
    }
};

class GraphOpsShapeRow : public ::testing::TestWithParam<Row> {};

TEST_P(GraphOpsShapeRow, GivesPyTorchsMessageOrOutputShape) {
    const Row &r = GetParam();
    OneNode n(r);
    std::vector<cnnc_layer_shape> ls(1);
    cnnc_shape out;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_shape_pass_inputs(&n.g.m, n.inputs.data(), (int32_t)n.inputs.size(), 1, ls.data(), &out, &err);
    if (r.expect[0] == '[') {
        ASSERT_EQ(st, CNNC_OK) << r.expr << ": " << Line(err);
        EXPECT_EQ(Fmt(out), r.expect) << r.expr;
        EXPECT_EQ(ls[0].out_numel, cnnc_shape_numel(&out)) << r.expr;
    } else {
        ASSERT_EQ(st, CNNC_ERR_SHAPE) << r.expr << " gave " << Fmt(out);
        EXPECT_EQ(Line(err), r.expect) << r.expr;
        EXPECT_EQ(err.layer_index, 0) << r.expr;
        // a function in forward is named as the reader named its node ("add (line 31)"), no kind appended
        EXPECT_STREQ(err.layer, "op");
    }
}

INSTANTIATE_TEST_SUITE_P(PyTorchTable, GraphOpsShapeRow, ::testing::ValuesIn(kRows),
                         [](const ::testing::TestParamInfo<Row> &i) { return "row" + std::to_string(i.index); });

// ---- the functional's arguments: build() as a reader would call it ----

cnnc_arg Int(int64_t v) {
    cnnc_arg a;
    std::memset(&a, 0, sizeof a);
    a.kind = CNNC_ARG_INT;
    a.i = v;
    return a;
}
cnnc_arg Bool(bool v) {
    cnnc_arg a = Int(v);
    a.kind = CNNC_ARG_BOOL;
    return a;
}
cnnc_arg Float(double v) {
    cnnc_arg a;
    std::memset(&a, 0, sizeof a);
    a.kind = CNNC_ARG_FLOAT;
    a.f = v;
    return a;
}
cnnc_arg Str(const char *s) {
    cnnc_arg a;
    std::memset(&a, 0, sizeof a);
    a.kind = CNNC_ARG_STR;
    a.s = s;
    a.slen = (int32_t)std::strlen(s);
    return a;
}
cnnc_arg None() {
    cnnc_arg a;
    std::memset(&a, 0, sizeof a);
    a.kind = CNNC_ARG_NONE;
    return a;
}
cnnc_arg Tuple(const std::vector<cnnc_arg> &items) {
    cnnc_arg a;
    std::memset(&a, 0, sizeof a);
    a.kind = CNNC_ARG_TUPLE;
    a.n = (int32_t)items.size();
    a.items = items.data();
    return a;
}

// What PyTorch says for a bad argument of the functional (a is [2, 3]); "" where it accepts it.
struct BuildExpect {
    const char *expr;
    const char *expect;
};

const BuildExpect kBuild[] = {
    {"torch.add(a, 'x')", "TypeError: add(): argument 'other' (position 2) must be Tensor, not str"},
    {"torch.mul(a, None)", "TypeError: mul(): argument 'other' (position 2) must be Tensor, not NoneType"},
    {"torch.add(a, a, alpha='x')", "TypeError: add(): argument 'alpha' must be Number, not str"},
    {"torch.add(a, a, alpha=None)", "TypeError: add(): argument 'alpha' must be Number, not NoneType"},
    {"torch.sub(a, a, alpha=True)", "RuntimeError: Boolean alpha only supported for Boolean results."},
    {"torch.div(a, a, rounding_mode='x')",
     "RuntimeError: div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'x'"},
    {"a.mean(1.5)",
     "TypeError: mean() received an invalid combination of arguments - got (float), but expected one of:\n"
     " * (*, torch.dtype dtype)\n * (tuple of ints dim, bool keepdim, *, torch.dtype dtype)\n"
     " * (tuple of names dim, bool keepdim, *, torch.dtype dtype)\n"},
    {"a.sum(True)",
     "TypeError: sum() received an invalid combination of arguments - got (bool), but expected one of:\n"
     " * (*, torch.dtype dtype)\n * (tuple of ints dim, bool keepdim, *, torch.dtype dtype)\n"
     " * (tuple of names dim, bool keepdim, *, torch.dtype dtype)\n"},
    {"a.mean((1, 1.5))", "TypeError: mean(): argument 'dim' must be tuple of ints, but found element of type float at pos 2"},
    {"a.permute(0, 1.0)", "TypeError: permute(): argument 'dims' must be tuple of ints, but found element of type float at pos 2"},
};

// build() of `kind` on the functional's arguments after the tensors (nullptr: not given).
std::string Build(cnnc_layer_kind kind, std::vector<const cnnc_arg *> args, cnnc_layer *L) {
    std::memset(L, 0, sizeof *L);
    L->kind = kind;
    const cnnc_arg *a[8] = {nullptr};
    for (size_t k = 0; k < args.size(); k++) a[k] = args[k];
    cnnc_arg call = Str("call");
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_layer_def_of(kind)->build(L, a, &call, &err);
    return st == CNNC_OK ? "" : Line(err);
}

TEST(GraphOpsBuild, BadArgumentsOfTheFunctionalGetPyTorchsMessages) {
    cnnc_layer L;
    const cnnc_arg x = Str("x"), none = None(), yes = Bool(true), f15 = Float(1.5);
    const std::vector<cnnc_arg> dims_f = {Int(1), Float(1.5)}, perm_f = {Int(0), Float(1.0)};
    const cnnc_arg dim_tuple = Tuple(dims_f), perm_tuple = Tuple(perm_f);
    const std::string got[] = {
        Build(CNNC_ADD, {&x}, &L),
        Build(CNNC_MUL, {&none}, &L),
        Build(CNNC_ADD, {nullptr, &x}, &L),
        Build(CNNC_ADD, {nullptr, &none}, &L),
        Build(CNNC_SUB, {nullptr, &yes}, &L),
        Build(CNNC_DIV, {nullptr, &x}, &L),
        Build(CNNC_MEAN, {&f15}, &L),
        Build(CNNC_SUM, {&yes}, &L),
        Build(CNNC_MEAN, {&dim_tuple}, &L),
        Build(CNNC_PERMUTE, {&perm_tuple}, &L),
    };
    static_assert(sizeof got / sizeof got[0] == sizeof kBuild / sizeof kBuild[0], "one call per row");
    for (size_t k = 0; k < sizeof kBuild / sizeof kBuild[0]; k++) EXPECT_EQ(got[k], kBuild[k].expect) << kBuild[k].expr;
}

TEST(GraphOpsBuild, GoodArgumentsFillTheParameters) {
    cnnc_layer L;
    const cnnc_arg two = Int(2), three = Int(3), half = Float(0.5), one = Int(1), zero = Int(0), yes = Bool(true);
    const cnnc_arg floor_mode = Str("floor"), f64 = [] {
        cnnc_arg a;
        std::memset(&a, 0, sizeof a);
        a.kind = CNNC_ARG_DTYPE;
        a.s = "float64";
        a.slen = 7;
        return a;
    }();
    ASSERT_EQ(Build(CNNC_ADD, {&two, &three}, &L), "");   // torch.add(a, 2, alpha=3)
    EXPECT_EQ(L.p.binary.scalar, CNNC_SCALAR_RIGHT);
    EXPECT_EQ(L.p.binary.value, 2.0);
    EXPECT_EQ(L.p.binary.alpha, 3.0);
    ASSERT_EQ(Build(CNNC_MUL, {&half}, &L), "");         // a * 0.5
    EXPECT_EQ(L.p.binary.scalar, CNNC_SCALAR_RIGHT);
    EXPECT_EQ(L.p.binary.value, 0.5);
    EXPECT_EQ(L.p.binary.alpha, 1.0);
    ASSERT_EQ(Build(CNNC_SUB, {}, &L), "");              // a - b
    EXPECT_EQ(L.p.binary.scalar, CNNC_SCALAR_NONE);
    EXPECT_EQ(L.p.binary.alpha, 1.0);
    EXPECT_EQ(Build(CNNC_DIV, {nullptr, &floor_mode}, &L),
              "NotImplementedError: cnnc does not run div(..., rounding_mode='floor') (only true division)");
    const std::vector<cnnc_arg> dims = {Int(2), Int(-1)};
    const cnnc_arg dim_tuple = Tuple(dims);
    ASSERT_EQ(Build(CNNC_MEAN, {&dim_tuple, &yes}, &L), "");   // x.mean((2, -1), True)
    EXPECT_EQ(L.p.reduce.n_dims, 2);
    EXPECT_EQ(L.p.reduce.dims[1], -1);
    EXPECT_EQ(L.p.reduce.keepdim, 1);
    ASSERT_EQ(Build(CNNC_SUM, {&one}, &L), "");
    EXPECT_EQ(L.p.reduce.n_dims, 1);
    EXPECT_EQ(L.p.reduce.keepdim, 0);
    ASSERT_EQ(Build(CNNC_NARROW, {&one, &zero, &two}, &L), "");
    EXPECT_EQ(L.p.narrow.length, 2);
    EXPECT_EQ(Build(CNNC_NARROW, {&one, &half, &two}, &L), "TypeError: narrow(): argument 'start' (position 2) must be int, not float");
    ASSERT_EQ(Build(CNNC_TRANSPOSE, {&one, &zero}, &L), "");
    EXPECT_EQ(L.p.transpose.dim0, 1);
    ASSERT_EQ(Build(CNNC_CAT, {&one}, &L), "");
    EXPECT_EQ(L.p.cat.dim, 1);
    ASSERT_EQ(Build(CNNC_PERMUTE, {&one}, &L), "");   // x.permute(1) on a 1-D tensor
    EXPECT_EQ(L.p.permute.ndim, 1);
    EXPECT_EQ(Build(CNNC_RANDN_LIKE, {&f64}, &L), "NotImplementedError: cnnc does not support dtype=torch.float64 (only torch.float32)");
    EXPECT_EQ(Build(CNNC_EXP, {}, &L), "");
}

TEST(GraphOpsRender, NodesRenderAsTheFunctionalsArguments) {
    auto text = [](const cnnc_layer &L) {
        char b[256];
        cnnc_layer_render(&L, b, sizeof b);
        return std::string(b);
    };
    EXPECT_EQ(text(Binary(CNNC_ADD)), "add()");
    EXPECT_EQ(text(Binary(CNNC_SUB, 0.5)), "sub(alpha=0.5)");
    EXPECT_EQ(text(Scalar(CNNC_MUL, 0.5)), "mul(other=0.5)");
    EXPECT_EQ(text(Scalar(CNNC_SUB, 1.0, CNNC_SCALAR_LEFT)), "sub(other=1.0, reflected=True)");
    EXPECT_EQ(text(Cat(1)), "cat(dim=1)");
    EXPECT_EQ(text(Reduce(CNNC_MEAN, {2, 3}, 1)), "mean(dim=[2, 3], keepdim=True)");
    EXPECT_EQ(text(Reduce(CNNC_SUM, {})), "sum()");
    EXPECT_EQ(text(Narrow(1, 0, 2)), "narrow(1, 0, 2)");
    EXPECT_EQ(text(Permute({0, 2, 1})), "permute([0, 2, 1])");
    EXPECT_EQ(text(Transpose(1, 2)), "transpose(1, 2)");
    EXPECT_EQ(text(Node(CNNC_EXP)), "exp()");
}

// ---- the oracle: every row's text is what PyTorch 1.13 prints now ----

std::string EscapeNewlines(const std::string &s) {
    std::string o;
    for (char c : s) o += c == '\n' ? std::string("\\n") : std::string(1, c);
    return o;
}

std::string ShapeList(const std::vector<std::vector<int64_t>> &inputs) {
    std::string s;
    for (size_t k = 0; k < inputs.size(); k++) {
        if (k) s += ";";
        if (inputs[k].empty()) s += "-";
        for (size_t j = 0; j < inputs[k].size(); j++) s += (j ? "x" : "") + std::to_string(inputs[k][j]);
    }
    return s;
}

TEST(GraphOpsOracle, EveryExpectedTextIsWhatPyTorchPrints) {
    std::string why;
    ASSERT_TRUE(torch_available(&why)) << why;   // the expectations must stay checkable: fail, do not skip
    WorkDir dir("graphops_oracle");
    std::ofstream tsv((dir / "rows.tsv").string());
    std::vector<std::string> want, what;
    for (const Row &r : kRows) {
        tsv << r.expr << "\t" << ShapeList(r.inputs) << "\n";
        want.push_back(r.expect);
        what.push_back(r.expr);
    }
    for (const BuildExpect &b : kBuild) {
        tsv << b.expr << "\t2x3\n";
        want.push_back(EscapeNewlines(b.expect));
        what.push_back(b.expr);
    }
    tsv.close();
    RunResult res = run(python_exe() + " " + script("graphops_ref.py") + " shapes " + quote((dir / "rows.tsv").string()) + " " +
                            quote((dir / "out.txt").string()),
                        dir);
    ASSERT_EQ(res.rc, 0) << res.err;
    std::istringstream got(read_text(dir / "out.txt"));
    std::string line;
    size_t k = 0;
    for (; std::getline(got, line) && k < want.size(); k++) EXPECT_EQ(want[k], line) << what[k];
    EXPECT_EQ(k, want.size());
}

// ---- graphs ----

TEST(GraphOpsGraph, TheTestGraphsGiveLogitsAndAMismatchNamesItsNode) {
    for (const char *name : {"residual", "cat", "ops", "vae"}) {
        Graph g;
        BuildGraph(name, &g);
        g.finish();
        cnnc_shape in = S({3, 1, 28, 28}), out;
        std::vector<cnnc_layer_shape> ls(g.layers.size());
        cnnc_error err;
        cnnc_error_clear(&err);
        ASSERT_EQ(cnnc_shape_pass(&g.m, &in, ls.data(), &out, &err), CNNC_OK) << name << ": " << Line(err);
        EXPECT_EQ(Fmt(out), "[3, 10]") << name;
    }
    // The skip of a residual block whose second conv lost its padding.
    Graph g;
    const int32_t c1 = g.add(Conv(1, 4, 3, 2, 1), {kIn0}, "c1");
    const int32_t r = g.add(Node(CNNC_RELU), {c1}, "relu");
    const int32_t c2 = g.add(Conv(4, 4, 3), {r}, "c2");
    g.add(Binary(CNNC_ADD), {c2, c1}, "skip");
    g.finish();
    cnnc_shape in = S({2, 1, 28, 28});
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_shape_pass(&g.m, &in, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(Line(err), "RuntimeError: The size of tensor a (12) must match the size of tensor b (14) at non-singleton dimension 3");
    EXPECT_EQ(err.layer_index, 3);
    EXPECT_STREQ(err.layer, "skip");
    EXPECT_EQ(std::string(err.trail), "c2 (Conv2d) made [2, 4, 12, 12] from [2, 4, 14, 14]; H = (14 + 2*0 - 1*(3-1) - 1)/1 + 1 = 12");
}

// cat's geometry: the output's outer/inner around the dim; each input's part is its own.
TEST(GraphOpsGraph, GeometryMergesWhatTheKernelsCanWalkAsOne) {
    Row same = {"a + b", Binary(CNNC_ADD), {{2, 3, 4}, {2, 3, 4}}, ""};
    OneNode n(same);
    cnnc_layer_shape ls;
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_pass_inputs(&n.g.m, n.inputs.data(), 2, 1, &ls, nullptr, &err), CNNC_OK);
    EXPECT_EQ(ls.g.bcast.ndim, 1);   // no broadcast: one flat dim
    EXPECT_EQ(ls.g.bcast.size[0], 24);
    Row se = {"a * b", Binary(CNNC_MUL), {{2, 3, 4, 5}, {2, 3, 1, 1}}, ""};   // a squeeze-excite scale
    OneNode m(se);
    ASSERT_EQ(cnnc_shape_pass_inputs(&m.g.m, m.inputs.data(), 2, 1, &ls, nullptr, &err), CNNC_OK);
    ASSERT_EQ(ls.g.bcast.ndim, 2);
    EXPECT_EQ(ls.g.bcast.size[0], 6);
    EXPECT_EQ(ls.g.bcast.size[1], 20);
    EXPECT_EQ(ls.g.bcast.sb[0], 1);
    EXPECT_EQ(ls.g.bcast.sb[1], 0);
    Row gap = {"a.mean([2, 3])", Reduce(CNNC_MEAN, {2, 3}), {{2, 3, 4, 5}}, ""};
    OneNode p(gap);
    ASSERT_EQ(cnnc_shape_pass_inputs(&p.g.m, p.inputs.data(), 1, 1, &ls, nullptr, &err), CNNC_OK);
    ASSERT_EQ(ls.g.reduce.ndim, 2);
    EXPECT_EQ(ls.g.reduce.reduced, 2u);
    EXPECT_EQ(ls.g.reduce.count, 20);
    Row cat = {"torch.cat([a, b], 1)", Cat(1), {{2, 3, 4}, {2, 5, 4}}, ""};
    OneNode q(cat);
    ASSERT_EQ(cnnc_shape_pass_inputs(&q.g.m, q.inputs.data(), 2, 1, &ls, nullptr, &err), CNNC_OK);
    EXPECT_EQ(ls.g.slice.outer, 2);
    EXPECT_EQ(ls.g.slice.whole, 8);
    EXPECT_EQ(ls.g.slice.inner, 4);
}

}  // namespace
