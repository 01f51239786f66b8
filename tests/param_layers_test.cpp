// param_layers_test.cpp — ConvTranspose2d, BatchNorm1d, InstanceNorm2d,
// LayerNorm and GroupNorm as the model-file reader and the shape pass see
// them, against PyTorch 1.13: every constructor call and input shape of
// tests/param_layers_expected.tsv (written by tests/python/param_layers_oracle.py
// with /usr/bin/python3) must give PyTorch's output size or its exception line,
// and every accepted constructor PyTorch's state_dict names, shapes and init.
// A PyTorch error raised at the first forward (an argument of the functional)
// may come from cnnc's parse already, as for Conv2d; the text is the same.
// One test regenerates the table with PyTorch and fails if it differs (or if
// PyTorch cannot run): the table is PyTorch's, not a copy of cnnc's output.
#include <gtest/gtest.h>

#include "test_run.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "cnnc/model.h"
#include "cnnc/shape.h"
#include "layers/layer_def.h"

namespace {

struct Row {
    std::string ctor, input, mode, expect;
};

std::vector<std::string> split_tabs(const std::string &line) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string part;
    while (std::getline(ss, part, '\t')) f.push_back(part);
    return f;
}

std::string unescape(const std::string &s) {
    std::string r;
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            r += s[i + 1] == 'n' ? '\n' : s[i + 1];
            i++;
        } else {
            r += s[i];
        }
    }
    return r;
}

const fs::path kTable = "tests/param_layers_expected.tsv";

// The table's rows; *params gets the "#params" rows (ctor, entries).
std::vector<Row> load_rows(std::vector<std::pair<std::string, std::string>> *params = nullptr) {
    std::vector<Row> rows;
    std::stringstream in(read_text(source_path(kTable.string())));
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f = split_tabs(line);
        if ((f.size() == 2 || f.size() == 3) && f[0] == "#params") {   // no entries: no third field
            if (params) params->push_back({f[1], f.size() == 3 ? f[2] : std::string()});
        } else if (f.size() == 4) {
            rows.push_back({f[0], f[1], f[2], unescape(f[3])});
        } else {
            ADD_FAILURE() << "malformed row: " << line;
        }
    }
    return rows;
}

struct Parsed {
    cnnc_model *m = nullptr;
    cnnc_error err{};
    cnnc_status st = CNNC_OK;
    explicit Parsed(const std::string &ctor) {
        cnnc_error_clear(&err);
        const std::string text = "layer = " + ctor + "\n";
        st = cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err);
    }
    ~Parsed() { cnnc_model_free(m); }
    Parsed(const Parsed &) = delete;
    Parsed &operator=(const Parsed &) = delete;
};

std::string err_line(const cnnc_error &e) {
    char b[CNNC_ERR_TEXT + 64];
    cnnc_error_line(&e, b, sizeof b);
    return b;
}

cnnc_shape shape_of(const std::string &text) {
    cnnc_shape s;
    std::memset(&s, 0, sizeof s);
    if (text == "()") return s;
    std::stringstream ss(text);
    std::string d;
    while (std::getline(ss, d, 'x')) s.d[s.ndim++] = std::stoll(d);
    return s;
}

std::string fmt(const cnnc_shape &s) {
    char b[256];
    cnnc_shape_format(&s, b, sizeof b);
    return b;
}

// What cnnc says about `ctor` on `input`: the output size or the first error line.
std::string verdict(const Row &r, cnnc_status *status) {
    Parsed p(r.ctor);
    *status = p.st;
    if (p.st != CNNC_OK) return err_line(p.err);
    if (r.input == "-") return "(parsed)";
    cnnc_shape in = shape_of(r.input), out;
    cnnc_error err;
    cnnc_error_clear(&err);
    *status = cnnc_shape_pass_mode(p.m, &in, r.mode == "train", nullptr, &out, &err);
    return *status == CNNC_OK ? fmt(out) : err_line(err);
}

TEST(ParamLayersOracle, EveryConstructorAndInputGivesPyTorchsOutputSizeOrExceptionLine) {
    const std::vector<Row> rows = load_rows();
    ASSERT_GT(rows.size(), 300u);
    int shape_rows = 0, error_rows = 0;
    for (const Row &r : rows) {
        cnnc_status st;
        const std::string got = verdict(r, &st);
        EXPECT_EQ(got, r.expect) << r.ctor << " on " << r.input << " (" << r.mode << ")";
        if (r.expect[0] == '[') {
            shape_rows++;
        } else {
            error_rows++;
            // constructor errors at parse; forward errors at parse (argument types) or in the shape pass
            EXPECT_TRUE(st == CNNC_ERR_PARSE || (st == CNNC_ERR_SHAPE && r.input != "-"))
                << r.ctor << " on " << r.input << ": status " << cnnc_status_name(st);
        }
    }
    EXPECT_GT(shape_rows, 100);
    EXPECT_GT(error_rows, 150);
}

// "weight[4, 6, 3, 3]U0.136083" for one state_dict entry as cnnc describes it.
std::string describe(const cnnc_param_desc &d, const std::string &expect_init) {
    std::ostringstream s;
    s << d.suffix << "[";
    for (int32_t k = 0; k < d.ndim; k++) s << (k ? ", " : "") << d.shape[k];
    s << "]";
    if (d.dtype == CNNC_I64) {
        s << "=" << (long long)d.init_value;
    } else if (d.init == CNNC_INIT_UNIFORM) {
        // the bound as a float must round to PyTorch's double printed with 6 digits
        const double want = expect_init.size() > 1 && expect_init[0] == 'U' ? std::stod(expect_init.substr(1)) : -1;
        char buf[32];
        std::snprintf(buf, sizeof buf, "U%.6g", std::fabs(d.init_value - want) <= 1e-6 * want ? want : (double)d.init_value);
        s << buf;
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "=%g", (double)d.init_value);
        s << buf;
    }
    return s.str();
}

TEST(ParamLayersOracle, StateDictEntriesShapesAndInitAreTorchs) {
    std::vector<std::pair<std::string, std::string>> params;
    load_rows(&params);
    ASSERT_GT(params.size(), 60u);
    int compared = 0;
    for (const auto &[ctor, entries] : params) {
        Parsed p(ctor);
        if (p.st != CNNC_OK) continue;  // refused at parse for a forward-time error: the rows check the message
        ASSERT_EQ(p.m->n_layers, 1) << ctor;
        const cnnc_layer_def *def = cnnc_layer_def_of(p.m->layers[0].kind);
        ASSERT_NE(def, nullptr);
        cnnc_param_desc d[CNNC_LAYER_MAX_PARAMS];
        const int32_t n = def->params ? def->params(&p.m->layers[0], d) : 0;
        std::vector<std::string> want;
        std::stringstream ss(entries);
        std::string e;
        while (ss >> e) {
            // "weight[4," "6," ... "3]U0.1": rejoin at the closing bracket
            while (e.find(']') == std::string::npos && ss) {
                std::string more;
                ss >> more;
                e += " " + more;
            }
            want.push_back(e);
        }
        std::string got_all, want_all;
        for (size_t k = 0; k < want.size(); k++) want_all += (k ? " " : "") + want[k];
        for (int32_t k = 0; k < n; k++) {
            const std::string &w = k < (int32_t)want.size() ? want[(size_t)k] : std::string();
            const size_t close = w.find(']');
            const std::string init = close == std::string::npos ? "" : w.substr(close + 1);
            std::string mine = describe(d[k], init);
            if (init == "=*") mine = mine.substr(0, mine.find(']') + 1) + "=*";   // empty: any fill
            got_all += (k ? " " : "") + mine;
        }
        EXPECT_EQ(got_all, want_all) << ctor;
        // and the model's own list agrees on the names and the count
        EXPECT_EQ(cnnc_model_params(p.m, nullptr, 0), n) << ctor;
        compared++;
    }
    EXPECT_GT(compared, 50);
}

TEST(ParamLayersOracle, TheCheckedInTableIsWhatPyTorchSaysToday) {
    std::string why;
    ASSERT_TRUE(torch_available(&why)) << why;   // the oracle must run: fail, do not skip
    WorkDir dir("param_layers_oracle");
    const fs::path out = dir / "expected.tsv";
    RunResult r = run(python_exe() + " " + script("param_layers_oracle.py") + " " + quote(out.string()), dir);
    ASSERT_EQ(r.rc, 0) << r.out << r.err;
    EXPECT_EQ(read_text(out), read_text(source_path(kTable.string())))
        << "regenerate with: /usr/bin/python3 tests/python/param_layers_oracle.py " << kTable.string();
}

// ---- reading back what cnnc writes ----

std::string render(const cnnc_layer &l) {
    char buf[512];
    cnnc_layer_render(&l, buf, sizeof buf);
    return buf;
}

TEST(ParamLayers, EveryRenderingReadsBackAsTheSameLayer) {
    const char *ctors[] = {
        "ConvTranspose2d(4, 6, 3)",
        "ConvTranspose2d(4, 6, (3, 2), stride=(2, 3), padding=(1, 0), output_padding=(1, 2), groups=2, bias=False, "
        "dilation=(2, 1))",
        "ConvTranspose2d(100, 512, 4, 1, 0, bias=False)",
        "BatchNorm1d(8)",
        "BatchNorm1d(8, 1e-3, None, False, False)",
        "BatchNorm1d(3, momentum=0.01)",
        "InstanceNorm2d(4)",
        "InstanceNorm2d(4, eps=1e-3, momentum=0.2, affine=True, track_running_stats=True)",
        "LayerNorm(8)",
        "LayerNorm((3, 4), eps=1e-6, elementwise_affine=False)",
        "LayerNorm((5,))",
        "GroupNorm(2, 8)",
        "GroupNorm(4, 8, eps=0.001, affine=False)",
    };
    const char *expect[] = {
        "ConvTranspose2d(4, 6, kernel_size=3, stride=1)",
        "ConvTranspose2d(4, 6, kernel_size=(3, 2), stride=(2, 3), padding=(1, 0), output_padding=(1, 2), groups=2, "
        "bias=False, dilation=(2, 1))",
        "ConvTranspose2d(100, 512, kernel_size=4, stride=1, bias=False)",
        "BatchNorm1d(8)",
        "BatchNorm1d(8, eps=0.001, momentum=None, affine=False, track_running_stats=False)",
        "BatchNorm1d(3, momentum=0.01)",
        "InstanceNorm2d(4)",
        "InstanceNorm2d(4, eps=0.001, momentum=0.2, affine=True, track_running_stats=True)",
        "LayerNorm(8)",
        "LayerNorm((3, 4), eps=1e-06, elementwise_affine=False)",
        "LayerNorm(5)",
        "GroupNorm(2, 8)",
        "GroupNorm(4, 8, eps=0.001, affine=False)",
    };
    for (size_t k = 0; k < sizeof ctors / sizeof *ctors; k++) {
        Parsed a(ctors[k]);
        ASSERT_EQ(a.st, CNNC_OK) << ctors[k] << ": " << err_line(a.err);
        const std::string text = render(a.m->layers[0]);
        EXPECT_EQ(text, expect[k]);
        Parsed b(text);
        ASSERT_EQ(b.st, CNNC_OK) << text << ": " << err_line(b.err);
        EXPECT_EQ(std::memcmp(&a.m->layers[0].p, &b.m->layers[0].p, sizeof a.m->layers[0].p), 0) << text;
        EXPECT_EQ(a.m->layers[0].kind, b.m->layers[0].kind);
    }
}

TEST(ParamLayers, AKernelSizeThatIsNotAPairIsRefusedAsUnsupportedWhenPyTorchWouldFailLater) {
    // PyTorch builds a 5-D weight here and refuses it at the first forward; cnnc says so at once.
    Parsed p("ConvTranspose2d(4, 6, (3, 4, 5), stride=(1,), padding=(0,), dilation=(1,), output_padding=(0,))");
    EXPECT_EQ(p.st, CNNC_ERR_UNSUPPORTED) << err_line(p.err);
    EXPECT_NE(err_line(p.err).find("3-element kernel_size"), std::string::npos) << err_line(p.err);
}

// ---- hints and fixes ----

struct Failed {
    cnnc_model *m = nullptr;
    cnnc_error err{};
    cnnc_status st = CNNC_OK;
    Failed(const std::string &text, const std::string &input, int train = 1) {
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err), CNNC_OK) << err_line(err);
        cnnc_shape in = shape_of(input);
        if (m) st = cnnc_shape_pass_mode(m, &in, train, nullptr, nullptr, &err);
    }
    ~Failed() { cnnc_model_free(m); }
};

TEST(ParamLayers, ATransposedConvWithTheWrongInChannelsGetsAFixThatValidates) {
    Failed f("up = ConvTranspose2d(8, 4, 2, stride=2)\n", "2x6x7x7");
    ASSERT_EQ(f.st, CNNC_ERR_SHAPE);
    EXPECT_EQ(f.err.fix.field, CNNC_FIX_IN_CHANNELS);
    EXPECT_EQ(f.err.fix.value, 6);
    EXPECT_NE(std::string(f.err.hint).find("ConvTranspose2d(6, 4, kernel_size=2, stride=2)"), std::string::npos)
        << f.err.hint;
    ASSERT_EQ(cnnc_fix_apply(f.m, &f.err.fix), 1);
    cnnc_shape in = shape_of("2x6x7x7"), out;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_shape_pass(f.m, &in, nullptr, &out, &err), CNNC_OK) << err_line(err);
    EXPECT_EQ(fmt(out), "[2, 4, 14, 14]");
}

TEST(ParamLayers, NormFeatureMismatchesGetANumFeaturesFixAndTheWrongRankAHint) {
    {
        Failed f("bn = BatchNorm1d(16)\n", "4x32x10");
        ASSERT_EQ(f.st, CNNC_ERR_SHAPE);
        EXPECT_EQ(err_line(f.err), "RuntimeError: running_mean should contain 32 elements not 16");
        EXPECT_EQ(f.err.fix.field, CNNC_FIX_NUM_FEATURES);
        EXPECT_EQ(f.err.fix.value, 32);
    }
    {
        Failed f("bn = BatchNorm1d(16)\n", "4x16x5x5");
        ASSERT_EQ(f.st, CNNC_ERR_SHAPE);
        EXPECT_NE(std::string(f.err.hint).find("use BatchNorm2d(16)"), std::string::npos) << f.err.hint;
    }
    {
        // the message counts N*C (the input viewed as [1, N*C, H, W]); the fix is per channel
        Failed f("inorm = InstanceNorm2d(4, affine=True)\n", "3x6x5x5");
        ASSERT_EQ(f.st, CNNC_ERR_SHAPE);
        EXPECT_EQ(err_line(f.err), "RuntimeError: weight should contain 18 elements not 12");
        EXPECT_EQ(f.err.fix.field, CNNC_FIX_NUM_FEATURES);
        EXPECT_EQ(f.err.fix.value, 6);
        ASSERT_EQ(cnnc_fix_apply(f.m, &f.err.fix), 1);
        cnnc_shape in = shape_of("3x6x5x5");
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_shape_pass(f.m, &in, nullptr, nullptr, &err), CNNC_OK) << err_line(err);
    }
    {
        Failed f("ln = LayerNorm(10)\n", "4x3x12");
        ASSERT_EQ(f.st, CNNC_ERR_SHAPE);
        EXPECT_NE(std::string(f.err.hint).find("LayerNorm(12)"), std::string::npos) << f.err.hint;
    }
}

TEST(ParamLayers, ADcganGeneratorChainGivesImagesFromNoise) {
    const std::string text =
        "input = (100, 1, 1)\n"
        "g = Sequential(ConvTranspose2d(100, 64, 4, 1, 0, bias=False), BatchNorm2d(64), ReLU(),\n"
        "               ConvTranspose2d(64, 32, 4, 2, 1, bias=False), BatchNorm2d(32), ReLU(),\n"
        "               ConvTranspose2d(32, 1, 4, 2, 1, bias=False))\n";
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_parse(text.data(), text.size(), "gen.cnn", &m, &err), CNNC_OK) << err_line(err);
    cnnc_shape in = shape_of("8x100x1x1"), out;
    std::vector<cnnc_layer_shape> ls((size_t)m->n_layers);
    EXPECT_EQ(cnnc_shape_pass(m, &in, ls.data(), &out, &err), CNNC_OK) << err_line(err);
    EXPECT_EQ(fmt(out), "[8, 1, 16, 16]");
    // the first layer's geometry is the convolution it transposes: 4x4 -> 1x1
    const cnnc_conv_geom &g = ls[0].g.convt;
    EXPECT_EQ(g.C, 64); EXPECT_EQ(g.H, 4); EXPECT_EQ(g.OC, 100); EXPECT_EQ(g.OH, 1); EXPECT_EQ(g.KH, 4);
    cnnc_model_free(m);
}

}  // namespace
