// graphops_util.h — what the graph tensor-operation tests share: the nodes as
// structs (the model-file reader cannot express a graph), a graph builder, the
// four graphs tests/python/graphops_ref.py builds in PyTorch, text tensors to
// and from that script, and comparisons that tell NaN and inf apart.
#ifndef CNNC_GRAPHOPS_UTIL_H
#define CNNC_GRAPHOPS_UTIL_H

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
#include "cnnc/shape.h"
#include "cpu/cpu_kernels.h"
}

namespace graphops {

inline cnnc_layer Node(cnnc_layer_kind kind) {
    cnnc_layer L;
    std::memset(&L, 0, sizeof L);
    L.kind = kind;
    return L;
}
// Two tensors (alpha: add/sub), or with `side` a scalar operand.
inline cnnc_layer Binary(cnnc_layer_kind kind, double alpha = 1.0, cnnc_scalar_side side = CNNC_SCALAR_NONE,
                         double value = 0.0, int inplace = 0) {
    cnnc_layer L = Node(kind);
    L.p.binary.alpha = alpha;
    L.p.binary.scalar = side;
    L.p.binary.value = value;
    L.p.binary.inplace = inplace;
    return L;
}
inline cnnc_layer Scalar(cnnc_layer_kind kind, double value, cnnc_scalar_side side = CNNC_SCALAR_RIGHT, double alpha = 1.0) {
    return Binary(kind, alpha, side, value);
}
inline cnnc_layer Cat(int64_t dim) {
    cnnc_layer L = Node(CNNC_CAT);
    L.p.cat.dim = dim;
    return L;
}
inline cnnc_layer Reduce(cnnc_layer_kind kind, std::vector<int64_t> dims, int keepdim = 0) {
    cnnc_layer L = Node(kind);
    L.p.reduce.n_dims = (int32_t)dims.size();
    for (size_t k = 0; k < dims.size(); k++) L.p.reduce.dims[k] = dims[k];
    L.p.reduce.keepdim = keepdim;
    return L;
}
inline cnnc_layer Narrow(int64_t dim, int64_t start, int64_t length) {
    cnnc_layer L = Node(CNNC_NARROW);
    L.p.narrow.dim = dim;
    L.p.narrow.start = start;
    L.p.narrow.length = length;
    return L;
}
inline cnnc_layer Permute(std::vector<int64_t> dims) {
    cnnc_layer L = Node(CNNC_PERMUTE);
    L.p.permute.ndim = (int32_t)dims.size();
    for (size_t k = 0; k < dims.size(); k++) L.p.permute.dims[k] = dims[k];
    return L;
}
inline cnnc_layer Transpose(int64_t d0, int64_t d1) {
    cnnc_layer L = Node(CNNC_TRANSPOSE);
    L.p.transpose.dim0 = d0;
    L.p.transpose.dim1 = d1;
    return L;
}
inline cnnc_layer Conv(int64_t in, int64_t out, int64_t k, int64_t s = 1, int64_t p = 0) {
    cnnc_layer L = Node(CNNC_CONV2D);
    auto &c = L.p.conv;
    c.in_channels = in;
    c.out_channels = out;
    c.kernel_size[0] = c.kernel_size[1] = k;
    c.stride[0] = c.stride[1] = s;
    c.padding[0] = c.padding[1] = p;
    c.dilation[0] = c.dilation[1] = 1;
    c.groups = 1;
    c.bias = 1;
    return L;
}
inline cnnc_layer Linear(int64_t in, int64_t out) {
    cnnc_layer L = Node(CNNC_LINEAR);
    L.p.linear.in_features = in;
    L.p.linear.out_features = out;
    L.p.linear.bias = 1;
    return L;
}
inline cnnc_layer Flatten() {
    cnnc_layer L = Node(CNNC_FLATTEN);
    L.p.flatten.start_dim = 1;
    L.p.flatten.end_dim = -1;
    return L;
}
// Tensor.view(sizes...): the view node; CNNC_VIEW_DIM(k) entries are "the input's size k".
inline cnnc_layer View(std::vector<int64_t> sizes) {
    cnnc_layer L = Flatten();
    L.p.flatten.view_ndim = (int32_t)sizes.size();
    for (size_t k = 0; k < sizes.size(); k++) L.p.flatten.view[k] = sizes[k];
    return L;
}
// Tensor.view(x.size(0), dims...): the view node (CNNC_VIEW_DIM(0) keeps any batch).
inline cnnc_layer ViewKeepBatch(std::vector<int64_t> rest) {
    cnnc_layer L = Flatten();
    L.p.flatten.view_ndim = (int32_t)rest.size() + 1;
    L.p.flatten.view[0] = CNNC_VIEW_DIM(0);
    for (size_t k = 0; k < rest.size(); k++) L.p.flatten.view[k + 1] = rest[k];
    return L;
}

constexpr int32_t kIn0 = CNNC_INPUT_REF(0);

// A node graph built by hand: add() nodes in forward order, then finish().
struct Graph {
    std::vector<cnnc_layer> layers;
    std::vector<int32_t> edges;
    cnnc_model m;
    Graph() { std::memset(&m, 0, sizeof m); }
    Graph(const Graph &) = delete;
    Graph &operator=(const Graph &) = delete;
    int32_t add(cnnc_layer L, std::vector<int32_t> inputs, const std::string &name = "") {
        L.n_in = (int32_t)inputs.size();
        L.in_first = (int32_t)edges.size();
        L.owner = (int32_t)layers.size();
        L.stmt_index = -1;
        L.span.line = (int32_t)layers.size() + 1;
        std::snprintf(L.name, sizeof L.name, "%s", name.empty() ? ("n" + std::to_string(layers.size())).c_str() : name.c_str());
        if (L.kind >= CNNC_ADD) L.node_flags |= CNNC_NODE_FUNCTIONAL;   // the graph's functions
        for (int32_t s : inputs) edges.push_back(s);
        layers.push_back(L);
        return (int32_t)layers.size() - 1;
    }
    cnnc_model *finish(int32_t output = -1, int32_t n_inputs = 1) {
        std::snprintf(m.path, sizeof m.path, "<graph>");
        m.layers = layers.data();
        m.n_layers = (int32_t)layers.size();
        m.edges = edges.empty() ? nullptr : edges.data();
        static int32_t no_edge = 0;   // a graph of nodes without inputs still has edges
        if (!m.edges) m.edges = &no_edge;
        m.n_edges = (int32_t)edges.size();
        m.n_inputs = n_inputs;
        m.output = output >= 0 ? output : (int32_t)layers.size() - 1;
        return &m;
    }
};

// The graphs of graphops_ref.py's GRAPHS, on [N, 1, 28, 28] input, ending in Linear(..., 10).
inline void BuildGraph(const std::string &name, Graph *g) {
    if (name == "residual") {
        const int32_t c1 = g->add(Conv(1, 4, 3, 2, 1), {kIn0}, "c1");
        const int32_t r = g->add(Node(CNNC_RELU), {c1}, "relu");
        const int32_t c2 = g->add(Conv(4, 4, 3, 1, 1), {r}, "c2");
        const int32_t s = g->add(Binary(CNNC_ADD), {c2, c1}, "skip");
        const int32_t f = g->add(Flatten(), {s}, "flat");
        g->add(Linear(784, 10), {f}, "fc");
    } else if (name == "cat") {
        const int32_t c1 = g->add(Conv(1, 3, 3, 2, 1), {kIn0}, "c1");
        const int32_t b1 = g->add(Conv(3, 2, 1), {c1}, "b1");
        const int32_t b2 = g->add(Conv(3, 3, 3, 1, 1), {c1}, "b2");
        const int32_t c = g->add(Cat(1), {b1, c1, b2}, "cat");
        const int32_t r = g->add(Node(CNNC_RELU), {c}, "relu");
        const int32_t f = g->add(Flatten(), {r}, "flat");
        g->add(Linear(8 * 14 * 14, 10), {f}, "fc");
    } else if (name == "ops") {
        const int32_t c = g->add(Conv(1, 4, 3, 2, 1), {kIn0}, "c1");
        const int32_t v1 = g->add(ViewKeepBatch({2, 2, 14, 14}), {c}, "view1");
        const int32_t tr = g->add(Transpose(1, 2), {v1}, "shuffle");
        const int32_t v2 = g->add(ViewKeepBatch({4, 14, 14}), {tr}, "view2");
        const int32_t bm = g->add(Reduce(CNNC_MEAN, {0}), {c}, "batch_mean");
        const int32_t u = g->add(Binary(CNNC_ADD), {v2, bm}, "u");
        const int32_t a = g->add(Narrow(1, 0, 2), {u}, "a");
        const int32_t b = g->add(Narrow(1, 2, 2), {u}, "b");
        const int32_t m = g->add(Binary(CNNC_MUL), {a, b}, "m");
        const int32_t h = g->add(Scalar(CNNC_MUL, 0.5), {b}, "half");
        const int32_t e = g->add(Node(CNNC_EXP), {h}, "exp");
        const int32_t e1 = g->add(Scalar(CNNC_ADD, 1.0), {e}, "e1");
        const int32_t d = g->add(Binary(CNNC_DIV), {m, e1}, "d");
        const int32_t s = g->add(Scalar(CNNC_SUB, 1.0, CNNC_SCALAR_LEFT), {d}, "s");
        const int32_t gm = g->add(Reduce(CNNC_MEAN, {2, 3}, 1), {c}, "gap");
        const int32_t gn = g->add(Narrow(1, 0, 2), {gm}, "gap2");
        const int32_t w = g->add(Binary(CNNC_MUL), {s, gn}, "w");
        const int32_t p = g->add(Permute({0, 1, 3, 2}), {w}, "perm");
        const int32_t t = g->add(Transpose(2, 3), {p}, "t");
        const int32_t v = g->add(Binary(CNNC_SUB, 0.5), {t, a}, "v");
        const int32_t q = g->add(Scalar(CNNC_DIV, 2.0), {v}, "q");
        const int32_t rr = g->add(Scalar(CNNC_DIV, 2.0, CNNC_SCALAR_LEFT), {e1}, "r");
        const int32_t z = g->add(Binary(CNNC_ADD, -1.5), {q, rr}, "z");
        const int32_t y = g->add(Reduce(CNNC_SUM, {3}), {z}, "y");
        const int32_t f = g->add(Flatten(), {y}, "flat");
        g->add(Linear(28, 10), {f}, "fc");
    } else if (name == "vae") {
        const int32_t c = g->add(Conv(1, 4, 3, 2, 1), {kIn0}, "c1");
        const int32_t mu = g->add(Narrow(1, 0, 2), {c}, "mu");
        const int32_t lv = g->add(Narrow(1, 2, 2), {c}, "logvar");
        const int32_t h = g->add(Scalar(CNNC_MUL, 0.5), {lv}, "half");
        const int32_t sd = g->add(Node(CNNC_EXP), {h}, "std");
        const int32_t eps = g->add(Node(CNNC_RANDN_LIKE), {sd}, "eps");
        const int32_t es = g->add(Binary(CNNC_MUL), {eps, sd}, "eps_std");
        const int32_t z = g->add(Binary(CNNC_ADD), {mu, es}, "z");
        const int32_t f = g->add(Flatten(), {z}, "flat");
        g->add(Linear(2 * 14 * 14, 10), {f}, "fc");
    } else {
        ADD_FAILURE() << "no graph " << name;
    }
}

// ---- text tensors for graphops_ref.py: NAME NDIM D.. V.. ----

inline void WriteTensor(std::ostream &os, const std::string &name, const std::vector<int64_t> &dims, const float *v) {
    int64_t n = 1;
    for (int64_t d : dims) n *= d;
    os << name << " " << dims.size();
    for (int64_t d : dims) os << " " << d;
    char buf[32];
    for (int64_t i = 0; i < n; i++) {
        std::snprintf(buf, sizeof buf, " %.9g", (double)v[i]);
        os << buf;
    }
    os << "\n";
}

struct TextTensor {
    std::vector<int64_t> dims;
    std::vector<float> v;
    bool none = false;
};

// Reads NDIM D.. V.. from `in` (after the name fields); "none" marks no tensor.
inline TextTensor ReadTensor(std::istringstream &in) {
    TextTensor t;
    std::string first;
    in >> first;
    if (first == "none") {
        t.none = true;
        return t;
    }
    const int nd = std::stoi(first);
    int64_t n = 1;
    for (int k = 0; k < nd; k++) {
        int64_t d;
        in >> d;
        t.dims.push_back(d);
        n *= d;
    }
    for (int64_t i = 0; i < n; i++) {
        std::string s;
        in >> s;
        t.v.push_back(std::strtof(s.c_str(), nullptr));   // strtof reads nan, inf, -inf
    }
    return t;
}

// NaN and inf where the reference has them (same signs), and relative L2 error
// <= tol over the finite values.
inline ::testing::AssertionResult SameValues(const float *got, const std::vector<float> &want, double tol) {
    double d = 0, w = 0;
    for (size_t i = 0; i < want.size(); i++) {
        const float g = got[i], e = want[i];
        if (std::isnan(e) || std::isnan(g)) {
            if (std::isnan(e) != std::isnan(g))
                return ::testing::AssertionFailure() << "element " << i << ": " << g << " where PyTorch has " << e;
            continue;
        }
        if (std::isinf(e) || std::isinf(g)) {
            if (g != e) return ::testing::AssertionFailure() << "element " << i << ": " << g << " where PyTorch has " << e;
            continue;
        }
        d += ((double)g - e) * ((double)g - e);
        w += (double)e * e;
    }
    const double rel = w > 0 ? std::sqrt(d / w) : std::sqrt(d);
    if (!(rel <= tol)) return ::testing::AssertionFailure() << "relative L2 error " << rel << " > " << tol;
    return ::testing::AssertionSuccess();
}

// ---- one node on the CPU kernels, as the engine's adapters call them ----

// The operands of add/sub/mul/div: tensors, or the scalar on its side.
struct Operands {
    const float *a = nullptr, *b = nullptr;
    float a_s = 0, b_s = 0;
    int da = -1, db = -1;   // which input's gradient each operand's is (-1: a scalar)
};
inline Operands OperandsOf(const cnnc_layer &L, const std::vector<const float *> &in) {
    Operands o;
    const cnnc_binary_params &p = L.p.binary;
    if (p.scalar == CNNC_SCALAR_NONE) {
        o.a = in[0], o.b = in[1], o.da = 0, o.db = 1;
    } else if (p.scalar == CNNC_SCALAR_RIGHT) {
        o.a = in[0], o.b_s = (float)p.value, o.da = 0;
    } else {
        o.b = in[0], o.a_s = (float)p.value, o.db = 0;
    }
    return o;
}

// Input k's length along cat's dim.
inline int64_t CatPart(const cnnc_layer_shape &ls, int64_t numel) {
    const int64_t rows = ls.g.slice.outer * ls.g.slice.inner;
    return rows > 0 ? numel / rows : 0;
}

inline void CpuForward(const cnnc_layer &L, const cnnc_layer_shape &ls, const std::vector<const float *> &in,
                       const std::vector<int64_t> &in_numel, float *out) {
    switch (L.kind) {
    case CNNC_ADD: case CNNC_SUB: case CNNC_MUL: case CNNC_DIV: {
        const Operands o = OperandsOf(L, in);
        binary_forward_cpu(out, o.a, o.b, o.a_s, o.b_s, (float)L.p.binary.alpha, L.kind, &ls.g.bcast);
        break;
    }
    case CNNC_CAT: {
        int64_t at = 0;
        for (size_t k = 0; k < in.size(); k++) {
            const int64_t part = CatPart(ls, in_numel[k]);
            slice_copy_cpu(out, ls.g.slice.whole, at, in[k], part, 0, ls.g.slice.outer, part, ls.g.slice.inner);
            at += part;
        }
        break;
    }
    case CNNC_EXP: exp_forward_cpu(out, in[0], ls.out_numel); break;
    case CNNC_MEAN: case CNNC_SUM: reduce_forward_cpu(out, in[0], &ls.g.reduce, L.kind == CNNC_MEAN); break;
    case CNNC_NARROW: {
        const cnnc_slice_geom &g = ls.g.slice;
        slice_copy_cpu(out, g.part, 0, in[0], g.whole, g.start, g.outer, g.part, g.inner);
        break;
    }
    case CNNC_PERMUTE: case CNNC_TRANSPOSE: permute_forward_cpu(out, in[0], &ls.g.permute); break;
    default: ADD_FAILURE() << "no kernel for kind " << (int)L.kind;
    }
}

// din[k] may be nullptr (not wanted).
inline void CpuBackward(const cnnc_layer &L, const cnnc_layer_shape &ls, const std::vector<const float *> &in,
                        const std::vector<int64_t> &in_numel, const float *out, const float *dout,
                        const std::vector<float *> &din) {
    switch (L.kind) {
    case CNNC_ADD: case CNNC_SUB: case CNNC_MUL: case CNNC_DIV: {
        const Operands o = OperandsOf(L, in);
        float *da = o.da >= 0 ? din[o.da] : nullptr, *db = o.db >= 0 ? din[o.db] : nullptr;
        binary_backward_cpu(da, o.da >= 0 ? in_numel[o.da] : 0, db, o.db >= 0 ? in_numel[o.db] : 0, dout, o.a, o.b, o.a_s,
                            o.b_s, (float)L.p.binary.alpha, L.kind, &ls.g.bcast);
        break;
    }
    case CNNC_CAT: {
        int64_t at = 0;
        for (size_t k = 0; k < in.size(); k++) {
            const int64_t part = CatPart(ls, in_numel[k]);
            if (din[k]) slice_copy_cpu(din[k], part, 0, dout, ls.g.slice.whole, at, ls.g.slice.outer, part, ls.g.slice.inner);
            at += part;
        }
        break;
    }
    case CNNC_EXP: exp_backward_cpu(din[0], dout, out, ls.out_numel); break;
    case CNNC_MEAN: case CNNC_SUM: reduce_backward_cpu(din[0], dout, &ls.g.reduce, L.kind == CNNC_MEAN); break;
    case CNNC_NARROW: narrow_backward_cpu(din[0], dout, &ls.g.slice); break;
    case CNNC_PERMUTE: case CNNC_TRANSPOSE: permute_backward_cpu(din[0], dout, &ls.g.permute); break;
    default: ADD_FAILURE() << "no kernel for kind " << (int)L.kind;
    }
}

inline cnnc_shape ShapeOf(const std::vector<int64_t> &d) {
    cnnc_shape s;
    std::memset(&s, 0, sizeof s);
    s.ndim = (int32_t)d.size();
    for (size_t i = 0; i < d.size(); i++) s.d[i] = d[i];
    return s;
}

inline int64_t NumelOf(const std::vector<int64_t> &d) {
    int64_t n = 1;
    for (int64_t v : d) n *= v;
    return n;
}

// A kernel-level case: one node on tensors a, b, ... (values from `seed`).
// fill[k] picks tensor k's values: 'u' U(-1, 1), 'p' +-U(0.5, 2) (a divisor), 'b' U(-100, 100);
// special[k] overwrites its first elements: 'n' NaN, '+' inf, '-' -inf, '0' zero, '.' keep.
struct ValueCase {
    const char *name, *expr;
    cnnc_layer layer;
    std::vector<std::vector<int64_t>> shapes;
    std::string fill, special[4];
};

// The node's shape pass (it reads model inputs 0..k-1), its inputs and an upstream gradient.
struct ValueRun {
    cnnc_layer_shape ls;
    std::vector<std::vector<float>> in;
    std::vector<int64_t> in_numel;
    std::vector<float> dout;
    bool ok = false;
};

inline ValueRun PrepareCase(const ValueCase &c, uint32_t seed) {
    ValueRun r;
    Graph g;
    std::vector<int32_t> refs;
    std::vector<cnnc_shape> shapes;
    std::mt19937 gen(seed);
    for (size_t k = 0; k < c.shapes.size(); k++) {
        refs.push_back(CNNC_INPUT_REF((int32_t)k));
        shapes.push_back(ShapeOf(c.shapes[k]));
        std::vector<float> v((size_t)NumelOf(c.shapes[k]));
        std::uniform_real_distribution<float> u(-1.0f, 1.0f), mag(0.5f, 2.0f), big(-100.0f, 100.0f);
        const char f = k < c.fill.size() ? c.fill[k] : 'u';
        for (auto &x : v) x = f == 'p' ? (gen() & 1 ? 1.0f : -1.0f) * mag(gen) : f == 'b' ? big(gen) : u(gen);
        const std::string &sp = c.special[k];
        for (size_t i = 0; i < sp.size() && i < v.size(); i++) {
            if (sp[i] == 'n') v[i] = NAN;
            if (sp[i] == '+') v[i] = INFINITY;
            if (sp[i] == '-') v[i] = -INFINITY;
            if (sp[i] == '0') v[i] = 0.0f;
        }
        r.in.push_back(v);
        r.in_numel.push_back((int64_t)v.size());
    }
    g.add(c.layer, refs, "op");
    g.finish(0, (int32_t)shapes.size());
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_shape_pass_inputs(&g.m, shapes.data(), (int32_t)shapes.size(), 1, &r.ls, nullptr, &err) != CNNC_OK) {
        ADD_FAILURE() << c.name << ": " << err.message;
        return r;
    }
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    r.dout.resize((size_t)r.ls.out_numel);
    for (auto &x : r.dout) x = u(gen);
    r.ok = true;
    return r;
}

inline std::vector<const float *> Ptrs(const std::vector<std::vector<float>> &v) {
    std::vector<const float *> p;
    for (auto &x : v) p.push_back(x.data());
    return p;
}

}  // namespace graphops

#endif
