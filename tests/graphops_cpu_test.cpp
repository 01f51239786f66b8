// graphops_cpu_test.cpp — the CPU kernels of the graph's tensor operations
// against PyTorch 1.13: forward values and the autograd gradients of every
// input on random tensors (odd sizes, broadcasting, empty tensors, NaN and inf
// where PyTorch propagates them), relative L2 error <= 1e-5 over the finite
// values with NaN and inf in the same places; then small graphs (a residual
// block, a cat of branches, every op at once, a VAE's reparameterisation)
// trained through the engine for three SGD steps against the same graphs in
// PyTorch. References come live from tests/python/graphops_ref.py; without
// PyTorch these tests fail rather than skip.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graphops_util.h"
#include "test_run.h"

extern "C" {
#include "cnnc/engine.h"
#include "engine/rng.h"
}

namespace {

using namespace graphops;

constexpr double kTol = 1e-5;   // relative L2, float32 kernels against PyTorch's

const ValueCase kCases[] = {
    {"add_bcast", "a + b", Binary(CNNC_ADD), {{2, 3, 4, 5}, {3, 1, 5}}, "uu", {}},
    {"add_alpha", "torch.add(a, b, alpha=-1.5)", Binary(CNNC_ADD, -1.5), {{4, 1}, {3}}, "uu", {}},
    {"add_0d", "a + b", Binary(CNNC_ADD), {{}, {3, 2}}, "uu", {}},
    {"add_inf", "a + b", Binary(CNNC_ADD), {{5}, {5}}, "uu", {"+-+n", "-+n"}},
    {"sub_bcast", "a - b", Binary(CNNC_SUB), {{5, 1, 3}, {4, 1}}, "uu", {}},
    {"sub_alpha", "torch.sub(a, b, alpha=0.5)", Binary(CNNC_SUB, 0.5), {{2, 3}, {2, 3}}, "uu", {}},
    {"mul_se", "a * b", Binary(CNNC_MUL), {{2, 3, 4, 5}, {2, 3, 1, 1}}, "uu", {}},
    {"mul_nan_inf", "a * b", Binary(CNNC_MUL), {{7}, {7}}, "uu", {"n+0-.", "..+0+"}},
    {"mul_outer", "a * b", Binary(CNNC_MUL), {{4, 1, 5}, {1, 6, 1}}, "uu", {}},
    {"mul_wide_bcast", "a * b", Binary(CNNC_MUL), {{8, 1}, {8, 1100}}, "uu", {}},
    {"mul_empty", "a * b", Binary(CNNC_MUL), {{3}, {2, 0, 1}}, "uu", {}},
    {"div_bcast", "a / b", Binary(CNNC_DIV), {{3, 4}, {4}}, "up", {}},
    {"div_zero", "a / b", Binary(CNNC_DIV), {{6}, {6}}, "up", {"10.0n", "0+0.-"}},
    {"scalar_mul", "a * 0.5", Scalar(CNNC_MUL, 0.5), {{3, 7}}, "u", {"n+"}},
    {"scalar_rsub", "1 - a", Scalar(CNNC_SUB, 1.0, CNNC_SCALAR_LEFT), {{2, 5}}, "u", {}},
    {"scalar_rdiv", "2 / a", Scalar(CNNC_DIV, 2.0, CNNC_SCALAR_LEFT), {{9}}, "p", {"0+-"}},
    {"scalar_add", "a + 1", Scalar(CNNC_ADD, 1.0), {{4, 3}}, "u", {}},
    {"scalar_sub_alpha", "torch.sub(a, 2, alpha=3)", Scalar(CNNC_SUB, 2.0, CNNC_SCALAR_RIGHT, 3.0), {{2, 2}}, "u", {}},
    {"scalar_div", "a / 4", Scalar(CNNC_DIV, 4.0), {{5}}, "u", {}},
    {"cat3", "torch.cat([a, b, c], 1)", Cat(1), {{2, 3, 4}, {2, 1, 4}, {2, 2, 4}}, "uuu", {}},
    {"cat_skip_empty", "torch.cat([a, b], 0)", Cat(0), {{0}, {3, 2}}, "uu", {}},
    {"cat_last", "torch.cat([a, b], -1)", Cat(-1), {{3, 2}, {3, 5}}, "uu", {"n", ".+"}},
    {"exp", "a.exp()", Node(CNNC_EXP), {{3, 5}}, "u", {"+-n0"}},
    {"exp_overflow", "a.exp()", Node(CNNC_EXP), {{40}}, "b", {}},
    {"mean_hw", "a.mean([2, 3])", Reduce(CNNC_MEAN, {2, 3}), {{2, 3, 4, 5}}, "u", {}},
    {"mean_all", "a.mean()", Reduce(CNNC_MEAN, {}), {{3, 4}}, "u", {}},
    {"sum_keepdim", "a.sum(1, keepdim=True)", Reduce(CNNC_SUM, {1}, 1), {{2, 3, 4}}, "u", {}},
    {"mean_empty", "a.mean(0)", Reduce(CNNC_MEAN, {0}), {{0, 3}}, "u", {}},
    {"sum_empty", "a.sum(0)", Reduce(CNNC_SUM, {0}), {{0, 3}}, "u", {}},
    {"sum_two_dims", "a.sum((0, 2))", Reduce(CNNC_SUM, {0, 2}), {{3, 4, 5, 6}}, "u", {}},
    {"mean_wide", "a.mean(-1)", Reduce(CNNC_MEAN, {-1}), {{4, 1100}}, "u", {"n"}},
    {"sum_0d", "a.sum(0)", Reduce(CNNC_SUM, {0}), {{}}, "u", {}},
    {"narrow_mid", "a.narrow(1, 2, 3)", Narrow(1, 2, 3), {{2, 7, 3}}, "u", {}},
    {"narrow_first", "a.narrow(0, 1, 1)", Narrow(0, 1, 1), {{3, 4}}, "u", {}},
    {"narrow_none", "a.narrow(-1, 0, 0)", Narrow(-1, 0, 0), {{2, 3}}, "u", {}},
    {"permute3", "a.permute(2, 0, 1)", Permute({2, 0, 1}), {{2, 3, 4}}, "u", {}},
    {"permute4", "a.permute(0, 3, 1, 2)", Permute({0, 3, 1, 2}), {{2, 3, 4, 5}}, "u", {"n+"}},
    {"permute_unit", "a.permute(1, 0)", Permute({1, 0}), {{1, 5}}, "u", {}},
    {"transpose", "a.transpose(1, 2)", Transpose(1, 2), {{2, 3, 4}}, "u", {}},
    {"transpose_ends", "a.transpose(0, -1)", Transpose(0, -1), {{3, 1, 2, 5}}, "u", {}},
};

std::string Names(size_t k) { return std::string(1, "abcdefgh"[k]); }

struct Reference {
    TextTensor out;
    std::vector<TextTensor> grads;
};

// Every case through graphops_ref.py at once.
std::vector<Reference> TorchReferences(const std::vector<ValueRun> &runs, const WorkDir &dir) {
    std::ofstream f((dir / "cases.txt").string());
    for (size_t i = 0; i < runs.size(); i++) {
        const ValueCase &c = kCases[i];
        f << "case " << c.name << "\nexpr " << c.expr << "\n";
        for (size_t k = 0; k < runs[i].in.size(); k++) {
            WriteTensor(f, "tensor " + Names(k), c.shapes[k], runs[i].in[k].data());
        }
        std::vector<int64_t> od(runs[i].ls.out.d, runs[i].ls.out.d + runs[i].ls.out.ndim);
        WriteTensor(f, "dout", od, runs[i].dout.data());
        f << "end\n";
    }
    f.close();
    std::vector<Reference> refs;
    RunResult res = run(python_exe() + " " + script("graphops_ref.py") + " values " + quote((dir / "cases.txt").string()) +
                            " " + quote((dir / "ref.txt").string()),
                        dir);
    EXPECT_EQ(res.rc, 0) << res.err;
    std::istringstream in(read_text(dir / "ref.txt"));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string tag;
        ls >> tag;
        if (tag == "case") refs.emplace_back();
        else if (tag == "out") refs.back().out = ReadTensor(ls);
        else if (tag == "grad") {
            std::string name;
            ls >> name;
            refs.back().grads.push_back(ReadTensor(ls));
        }
    }
    return refs;
}

TEST(GraphOpsCpu, ForwardAndBackwardMatchPyTorchValuesAndGradients) {
    std::string why;
    ASSERT_TRUE(torch_available(&why)) << why;
    const size_t n = sizeof kCases / sizeof kCases[0];
    std::vector<ValueRun> runs;
    for (size_t i = 0; i < n; i++) {
        runs.push_back(PrepareCase(kCases[i], 1000u + (uint32_t)i));
        ASSERT_TRUE(runs.back().ok);
    }
    WorkDir dir("graphops_cpu_values");
    std::vector<Reference> refs = TorchReferences(runs, dir);
    ASSERT_EQ(refs.size(), n);
    for (size_t i = 0; i < n; i++) {
        const ValueCase &c = kCases[i];
        ValueRun &r = runs[i];
        SCOPED_TRACE(std::string(c.name) + ": " + c.expr);
        std::vector<float> out((size_t)r.ls.out_numel + 1, -7.0f);
        CpuForward(c.layer, r.ls, Ptrs(r.in), r.in_numel, out.data());
        ASSERT_EQ(refs[i].out.v.size(), (size_t)r.ls.out_numel);
        EXPECT_TRUE(SameValues(out.data(), refs[i].out.v, kTol)) << "forward";
        EXPECT_EQ(out.back(), -7.0f) << "wrote past the output";
        std::vector<std::vector<float>> din;
        std::vector<float *> dptr;
        for (size_t k = 0; k < r.in.size(); k++) din.emplace_back(r.in[k].size() + 1, -7.0f);
        for (auto &d : din) dptr.push_back(d.data());
        CpuBackward(c.layer, r.ls, Ptrs(r.in), r.in_numel, out.data(), r.dout.data(), dptr);
        ASSERT_EQ(refs[i].grads.size(), r.in.size());
        for (size_t k = 0; k < r.in.size(); k++) {
            const TextTensor &g = refs[i].grads[k];
            std::vector<float> want = g.none ? std::vector<float>(r.in[k].size(), 0.0f) : g.v;
            ASSERT_EQ(want.size(), r.in[k].size());
            EXPECT_TRUE(SameValues(din[k].data(), want, kTol)) << "gradient of " << Names(k);
            EXPECT_EQ(din[k].back(), -7.0f) << "wrote past the gradient of " << Names(k);
        }
    }
}

TEST(GraphOpsCpu, RandnIsAStandardNormalFromTheCounterRng) {
    const int64_t n = 200000;
    std::vector<float> z(n), again(n), other(n);
    randn_forward_cpu(z.data(), n, 1234, 5ull << 40);
    randn_forward_cpu(again.data(), n, 1234, 5ull << 40);
    randn_forward_cpu(other.data(), n, 1234, 6ull << 40);
    double s = 0, s2 = 0, s4 = 0;
    int64_t within1 = 0, same = 0;
    for (int64_t i = 0; i < n; i++) {
        ASSERT_TRUE(std::isfinite(z[i]));
        s += z[i];
        s2 += (double)z[i] * z[i];
        s4 += (double)z[i] * z[i] * z[i] * z[i];
        within1 += std::fabs(z[i]) < 1.0f;
        same += z[i] == other[i];
        ASSERT_EQ(z[i], again[i]);   // a pure function of (seed, offset, i)
    }
    const double mean = s / n, var = s2 / n - mean * mean;
    EXPECT_NEAR(mean, 0.0, 0.01);
    EXPECT_NEAR(var, 1.0, 0.015);
    EXPECT_NEAR(s4 / n, 3.0, 0.1);                      // a normal's fourth moment
    EXPECT_NEAR((double)within1 / n, 0.6827, 0.005);    // and its mass within one sigma
    EXPECT_LT(same, 10) << "another offset must draw other values";
    EXPECT_EQ(z[7], cnnc_randn(1234, 5ull << 40, 7));
}

// ---- graphs through the engine against the same graphs in PyTorch ----

struct Engine {
    cnnc_engine *e = nullptr;
    ~Engine() { cnnc_engine_free(e); }
};

std::string ErrLine(const cnnc_error &err) {
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(&err, line, sizeof line);
    return line;
}

class GraphOpsEngineParity : public ::testing::TestWithParam<const char *> {};

TEST_P(GraphOpsEngineParity, ThreeSgdStepsMatchPyTorch) {
    std::string why;
    ASSERT_TRUE(torch_available(&why)) << why;
    const std::string name = GetParam();
    Graph g;
    BuildGraph(name, &g);
    cnnc_model *m = g.finish();
    const int64_t N = 4, steps = 3;
    const float lr = 0.1f, momentum = 0.9f;
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.device = CNNC_DEVICE_CPU;
    cfg.max_batch = N;
    cfg.sample = ShapeOf({1, 28, 28});
    cfg.seed = 1234;
    cfg.optim = cnnc_optim_default(CNNC_OPTIM_SGD);
    cfg.optim.lr = lr;
    cfg.optim.momentum = momentum;
    Engine eng;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_engine_create(m, &cfg, &eng.e, nullptr, 0, &err), CNNC_OK) << ErrLine(err);

    std::vector<float> x((size_t)(N * 784));
    uint64_t s = 0x9e3779b97f4a7c15ull;
    for (auto &v : x) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        v = (float)((s >> 40) * (1.0 / 16777216.0)) * 2.0f - 1.0f;
    }
    std::vector<int64_t> y((size_t)N);
    for (int64_t i = 0; i < N; i++) y[(size_t)i] = (i * 7 + 3) % 10;

    WorkDir dir(("graphops_engine_" + name).c_str());
    std::ofstream f((dir / "graph.txt").string());
    f << "graph " << name << "\nlr " << lr << "\nmomentum " << momentum << "\nsteps " << steps << "\n";
    const int32_t np = cnnc_engine_param_count(eng.e);
    for (int32_t i = 0; i < np; i++) {
        const cnnc_param_info *p = cnnc_engine_param(eng.e, i);
        std::vector<float> v((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_param(eng.e, i, v.data(), &err), CNNC_OK);
        WriteTensor(f, std::string("param ") + p->name, std::vector<int64_t>(p->shape, p->shape + p->ndim), v.data());
    }
    WriteTensor(f, "x", {N, 1, 28, 28}, x.data());
    f << "labels";
    for (int64_t v : y) f << " " << v;
    f << "\n";
    if (name == "vae") {   // the noise cnnc draws: one RNG offset per randn_like forward, from 0
        std::vector<float> eps((size_t)(N * 2 * 14 * 14));
        for (int64_t k = 0; k < steps; k++) {
            randn_forward_cpu(eps.data(), (int64_t)eps.size(), cfg.seed, (uint64_t)k << 40);
            WriteTensor(f, "eps " + std::to_string(k), {N, 2, 14, 14}, eps.data());
        }
    }
    f.close();
    RunResult res = run(python_exe() + " " + script("graphops_ref.py") + " graph " + quote((dir / "graph.txt").string()) +
                            " " + quote((dir / "ref.txt").string()),
                        dir);
    ASSERT_EQ(res.rc, 0) << res.err;
    std::map<std::string, TextTensor> ref;
    std::vector<double> ref_loss;
    {
        std::istringstream in(read_text(dir / "ref.txt"));
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream ls(line);
            std::string tag, key;
            ls >> tag;
            if (tag == "loss") {
                int k;
                double v;
                ls >> k >> v;
                ref_loss.push_back(v);
                continue;
            }
            if (tag != "logits") ls >> key;
            ref[tag + (key.empty() ? "" : " " + key)] = ReadTensor(ls);
        }
    }
    ASSERT_EQ(ref_loss.size(), (size_t)steps);

    cnnc_shape xs = ShapeOf({N, 1, 28, 28});
    ASSERT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &xs, y.data(), &err), CNNC_OK) << ErrLine(err);
    for (int64_t k = 0; k < steps; k++) {
        float loss = 0;
        ASSERT_EQ(cnnc_engine_forward(eng.e, 1, &err), CNNC_OK) << ErrLine(err);
        if (k == 0) {
            std::vector<float> logits((size_t)(N * 10));
            ASSERT_EQ(cnnc_engine_read_output(eng.e, logits.data(), &err), CNNC_OK);
            EXPECT_TRUE(SameValues(logits.data(), ref["logits"].v, kTol)) << "logits";
        }
        ASSERT_EQ(cnnc_engine_loss(eng.e, 1, &loss, &err), CNNC_OK) << ErrLine(err);
        EXPECT_NEAR(loss, ref_loss[(size_t)k], 1e-5 * std::fabs(ref_loss[(size_t)k]) + 1e-6) << "loss of step " << k;
        if (k == 0)
            for (int32_t i = 0; i < np; i++) {
                const cnnc_param_info *p = cnnc_engine_param(eng.e, i);
                std::vector<float> gr((size_t)p->numel);
                ASSERT_EQ(cnnc_engine_read_grad(eng.e, i, gr.data(), &err), CNNC_OK);
                ASSERT_EQ(ref[std::string("grad ") + p->name].v.size(), gr.size()) << p->name;
                EXPECT_TRUE(SameValues(gr.data(), ref[std::string("grad ") + p->name].v, kTol)) << "grad of " << p->name;
            }
        ASSERT_EQ(cnnc_engine_optim_step(eng.e, &err), CNNC_OK) << ErrLine(err);
    }
    for (int32_t i = 0; i < np; i++) {
        const cnnc_param_info *p = cnnc_engine_param(eng.e, i);
        std::vector<float> v((size_t)p->numel);
        ASSERT_EQ(cnnc_engine_read_param(eng.e, i, v.data(), &err), CNNC_OK);
        EXPECT_TRUE(SameValues(v.data(), ref[std::string("param ") + p->name].v, kTol)) << p->name << " after the steps";
    }
    EXPECT_EQ(cnnc_engine_rng_counter(eng.e), name == "vae" ? (uint64_t)steps : 0u);
}

INSTANTIATE_TEST_SUITE_P(Graphs, GraphOpsEngineParity, ::testing::Values("residual", "cat", "ops", "vae"),
                         [](const ::testing::TestParamInfo<const char *> &i) { return std::string(i.param); });

// randn_like draws fresh noise on every forward (train or eval, as PyTorch),
// from the engine's RNG counter, so rewinding the counter replays it.
TEST(GraphOpsEngine, RandnLikeDrawsOnEveryForwardFromTheRngCounter) {
    Graph g;
    BuildGraph("vae", &g);
    cnnc_model *m = g.finish();
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.max_batch = 2;
    cfg.sample = ShapeOf({1, 28, 28});
    Engine eng;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_engine_create(m, &cfg, &eng.e, nullptr, 0, &err), CNNC_OK) << ErrLine(err);
    std::vector<float> x(2 * 784, 0.25f), a(20), b(20), c(20);
    cnnc_shape xs = ShapeOf({2, 1, 28, 28});
    ASSERT_EQ(cnnc_engine_set_batch(eng.e, x.data(), &xs, nullptr, &err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_forward(eng.e, 0, &err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_read_output(eng.e, a.data(), &err), CNNC_OK);
    EXPECT_EQ(cnnc_engine_rng_counter(eng.e), 1u);
    ASSERT_EQ(cnnc_engine_forward(eng.e, 1, &err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_read_output(eng.e, b.data(), &err), CNNC_OK);
    EXPECT_EQ(cnnc_engine_rng_counter(eng.e), 2u);
    EXPECT_NE(a, b) << "a second forward must draw new noise";
    cnnc_engine_set_rng_counter(eng.e, 0);
    ASSERT_EQ(cnnc_engine_forward(eng.e, 0, &err), CNNC_OK);
    ASSERT_EQ(cnnc_engine_read_output(eng.e, c.data(), &err), CNNC_OK);
    EXPECT_EQ(a, c) << "the same counter must draw the same noise";
}

}  // namespace
