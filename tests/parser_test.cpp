// parser_test.cpp — the model-file reader: every layer and argument form,
// defaults, names, the state_dict parameter list, rendering and the --fix
// rewrite, and each error with Python's exact type, message, line and col.
// Error texts were checked against Python 3.11 + PyTorch 1.13 (/usr/bin/python3).
#include <gtest/gtest.h>

#include "test_paths.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "cnnc/model.h"

namespace {

struct Parsed {
    cnnc_model *m = nullptr;
    cnnc_error err{};
    cnnc_status st = CNNC_OK;
    explicit Parsed(const std::string &text) {
        cnnc_error_clear(&err);
        st = cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err);
    }
    ~Parsed() { cnnc_model_free(m); }
    Parsed(const Parsed &) = delete;
    Parsed &operator=(const Parsed &) = delete;
    std::string line() const {
        char buf[1024];
        cnnc_error_line(&err, buf, sizeof buf);
        return buf;
    }
};

std::string render(const cnnc_layer &l) {
    char buf[512];
    size_t n = cnnc_layer_render(&l, buf, sizeof buf);
    EXPECT_EQ(n, std::string(buf).size());
    return buf;
}

// All layers as "name=Render" joined by "; ".
std::string describe(const cnnc_model *m) {
    std::string s;
    for (int32_t k = 0; k < m->n_layers; k++) {
        if (k) s += "; ";
        s += std::string(m->layers[k].name) + "=" + render(m->layers[k]);
    }
    return s;
}

// ---------------------------------------------------------------- accepted

struct OkCase { const char *text; const char *layers; };

const OkCase kOk[] = {
    // every layer, positional and keyword, with defaults filled in
    {"fc = Linear(784, 10)", "fc=Linear(784, 10)"},
    {"fc = Linear(in_features=3, out_features=4, bias=False)", "fc=Linear(3, 4, bias=False)"},
    {"fc = Linear(3, 4, False, None, None)", "fc=Linear(3, 4, bias=False)"},
    {"fc = Linear(1, 2, device='cpu', dtype=torch.float32)", "fc=Linear(1, 2)"},
    {"fc = Linear(True, 3)", "fc=Linear(1, 3)"},
    {"fc = Linear(1, 2, bias=None)", "fc=Linear(1, 2, bias=False)"},
    {"fc = Linear(0, 0)", "fc=Linear(0, 0)"},
    {"c = Conv2d(1, 16, 5, 1, 2)", "c=Conv2d(1, 16, kernel_size=5, stride=1, padding=2)"},
    {"c = Conv2d(4, 8, (3, 5), stride=(2, 1), padding=(1, 2), dilation=2, groups=4, bias=False)",
     "c=Conv2d(4, 8, kernel_size=(3, 5), stride=(2, 1), padding=(1, 2), dilation=2, groups=4, bias=False)"},
    {"c = Conv2d(4, 8, 3, 1, 0, 1, 1, True, 'zeros', None, None)", "c=Conv2d(4, 8, kernel_size=3, stride=1)"},
    {"c = Conv2d(4, 8, 3, padding='same', dilation=(1, 2))",
     "c=Conv2d(4, 8, kernel_size=3, stride=1, padding='same', dilation=(1, 2))"},
    {"c = Conv2d(4, 8, 3, padding=\"valid\")", "c=Conv2d(4, 8, kernel_size=3, stride=1, padding='valid')"},
    {"c = Conv2d(1, 2, 0, stride=0, padding=-1, dilation=0)",  // PyTorch accepts these until forward
     "c=Conv2d(1, 2, kernel_size=0, stride=0, padding=-1, dilation=0)"},
    {"c = Conv2d(1, 2, (3,))", "c=Conv2d(1, 2, kernel_size=3, stride=1)"},
    {"p = MaxPool2d(2)", "p=MaxPool2d(kernel_size=2)"},
    {"p = MaxPool2d(3, None, 1, 1, False, True)", "p=MaxPool2d(kernel_size=3, padding=1, ceil_mode=True)"},
    {"p = MaxPool2d(kernel_size=(2, 3), stride=1, dilation=2)",
     "p=MaxPool2d(kernel_size=(2, 3), stride=1, dilation=2)"},
    {"p = AvgPool2d(2)", "p=AvgPool2d(kernel_size=2)"},
    {"p = AvgPool2d(3, 2, 1, True, False, 5)",
     "p=AvgPool2d(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False, divisor_override=5)"},
    {"p = AvgPool2d(2, divisor_override=None)", "p=AvgPool2d(kernel_size=2)"},
    {"r = ReLU()", "r=ReLU()"},
    {"r = ReLU(True)", "r=ReLU(inplace=True)"},
    {"f = Flatten()", "f=Flatten()"},
    {"f = Flatten(0, -2)", "f=Flatten(start_dim=0, end_dim=-2)"},
    {"f = Flatten(end_dim=2)", "f=Flatten(end_dim=2)"},
    {"d = Dropout()", "d=Dropout()"},
    {"d = Dropout(0.25, True)", "d=Dropout(p=0.25, inplace=True)"},
    {"d = Dropout(p=1)", "d=Dropout(p=1.0)"},
    {"d = Dropout(1 / 4)", "d=Dropout(p=0.25)"},
    {"b = BatchNorm2d(8)", "b=BatchNorm2d(8)"},
    {"b = BatchNorm2d(8, 1e-3, None, False, False)",
     "b=BatchNorm2d(8, eps=0.001, momentum=None, affine=False, track_running_stats=False)"},
    {"b = BatchNorm2d(num_features=3, eps=1e-05, momentum=0.01)", "b=BatchNorm2d(3, momentum=0.01)"},
    // arithmetic with Python's semantics (floor division rounds down)
    {"fc = Linear(32 * 7 * 7, 10)", "fc=Linear(1568, 10)"},
    {"fc = Linear(-3 * -4 + (2 ** 3) // 2 - 1, 7 % 4 * 2)", "fc=Linear(15, 6)"},
    {"fc = Linear(-7 // 2 + 10, +1)", "fc=Linear(6, 1)"},
    {"fc = Linear(1_000, 2)", "fc=Linear(1000, 2)"},
    // names: nn. prefix optional, nested Sequential, ';' and line continuations, comments
    {"a = nn.Sequential(nn.ReLU(), Sequential(ReLU(), nn.Linear(1, 2)), ReLU())",
     "a.0=ReLU(); a.1.0=ReLU(); a.1.1=Linear(1, 2); a.2=ReLU()"},
    {"a = ReLU() ; b = nn.ReLU(inplace=True)\n", "a=ReLU(); b=ReLU(inplace=True)"},
    {"a = \\\n  Linear(1, 2)  # trailing comment\n\n# only a comment\n", "a=Linear(1, 2)"},
    {"import torch\nimport torch.nn as nn\nfrom torch import nn\nfrom torch.nn import *\nimport torch.nn\nr = ReLU()",
     "r=ReLU()"},
    {"e = Sequential()\nr = ReLU()", "r=ReLU()"},
    {"\xEF\xBB\xBFr = ReLU()\r\n", "r=ReLU()"},
    {"a = Linear(1,2,bias=True,)", "a=Linear(1, 2)"},
    {"a = Sequential(\n    ReLU(),\n    # comment in brackets\n    Linear(\n        1,\n        2),\n)", "a.0=ReLU(); a.1=Linear(1, 2)"},
};

TEST(Parser, AcceptsEveryLayerAndArgumentFormWithPyTorchDefaults) {
    for (const OkCase &c : kOk) {
        if (!c.layers) continue;
        Parsed p(c.text);
        ASSERT_EQ(p.st, CNNC_OK) << c.text << " -> " << p.line() << " @" << p.err.line << ":" << p.err.col;
        EXPECT_EQ(describe(p.m), c.layers) << c.text;
    }
}

TEST(Parser, FillsEveryFieldOfAConv2dWithItsDefaults) {
    Parsed p("c = Conv2d(3, 6, 5)");
    ASSERT_EQ(p.st, CNNC_OK);
    const cnnc_conv2d_params &c = p.m->layers[0].p.conv;
    EXPECT_EQ(c.in_channels, 3);
    EXPECT_EQ(c.out_channels, 6);
    EXPECT_EQ(c.kernel_size[0], 5);
    EXPECT_EQ(c.kernel_size[1], 5);
    EXPECT_EQ(c.stride[0], 1);
    EXPECT_EQ(c.stride[1], 1);
    EXPECT_EQ(c.padding[0], 0);
    EXPECT_EQ(c.padding[1], 0);
    EXPECT_EQ(c.dilation[0], 1);
    EXPECT_EQ(c.dilation[1], 1);
    EXPECT_EQ(c.groups, 1);
    EXPECT_EQ(c.bias, 1);
    EXPECT_EQ(c.pad_mode, CNNC_PAD_EXPLICIT);
}

TEST(Parser, MaxPoolStrideDefaultsToKernelSizeAndAvgPoolCountsPadding) {
    Parsed p("a = MaxPool2d((2, 3))\nb = AvgPool2d(3, padding=1)");
    ASSERT_EQ(p.st, CNNC_OK);
    const cnnc_pool2d_params &a = p.m->layers[0].p.pool;
    EXPECT_EQ(a.stride[0], 2);
    EXPECT_EQ(a.stride[1], 3);
    EXPECT_EQ(a.dilation[0], 1);
    EXPECT_EQ(a.ceil_mode, 0);
    const cnnc_pool2d_params &b = p.m->layers[1].p.pool;
    EXPECT_EQ(b.stride[0], 3);
    EXPECT_EQ(b.padding[1], 1);
    EXPECT_EQ(b.count_include_pad, 1);
    EXPECT_EQ(b.divisor_override, 0);
}

TEST(Parser, KeepsBatchNormAndDropoutFloatsExactly) {
    Parsed p("b = BatchNorm2d(4, eps=1e-3, momentum=None)\nd = Dropout(0.3)\nc = BatchNorm2d(2)");
    ASSERT_EQ(p.st, CNNC_OK);
    EXPECT_DOUBLE_EQ(p.m->layers[0].p.bn.eps, 1e-3);
    EXPECT_EQ(p.m->layers[0].p.bn.momentum_none, 1);
    EXPECT_DOUBLE_EQ(p.m->layers[1].p.dropout.p, 0.3);
    EXPECT_DOUBLE_EQ(p.m->layers[2].p.bn.eps, 1e-5);
    EXPECT_DOUBLE_EQ(p.m->layers[2].p.bn.momentum, 0.1);
    EXPECT_EQ(p.m->layers[2].p.bn.momentum_none, 0);
    EXPECT_EQ(p.m->layers[2].p.bn.affine, 1);
    EXPECT_EQ(p.m->layers[2].p.bn.track_running_stats, 1);
}

TEST(Parser, ReadsTheSeedModelWithNamesStatementsSpansAndInput) {
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_load(source_path("models/mnist_cnn.cnn").c_str(), &m, &err), CNNC_OK) << err.message;
    EXPECT_EQ(describe(m),
              "conv1.0=Conv2d(1, 16, kernel_size=5, stride=1, padding=2); conv1.1=ReLU(); conv1.2=MaxPool2d(kernel_size=2); "
              "conv2.0=Conv2d(16, 32, kernel_size=5, stride=1, padding=2); conv2.1=ReLU(); conv2.2=MaxPool2d(kernel_size=2); "
              "flatten=Flatten(); out=Linear(1568, 10)");
    ASSERT_EQ(m->has_input, 1);
    ASSERT_EQ(m->input_ndim, 3);
    EXPECT_EQ(m->input[0], 1);
    EXPECT_EQ(m->input[1], 28);
    EXPECT_EQ(m->input[2], 28);
    ASSERT_EQ(m->n_stmts, 4);
    EXPECT_STREQ(m->stmts[0].name, "conv1");
    EXPECT_EQ(m->stmts[0].is_sequential, 1);
    EXPECT_EQ(m->stmts[0].first_layer, 0);
    EXPECT_EQ(m->stmts[0].n_layers, 3);
    EXPECT_EQ(m->stmts[0].span.line, 3);
    EXPECT_STREQ(m->stmts[3].name, "out");
    EXPECT_EQ(m->stmts[3].is_sequential, 0);
    EXPECT_EQ(m->stmts[3].first_layer, 7);
    EXPECT_EQ(m->layers[7].stmt_index, 3);
    EXPECT_EQ(m->layers[4].stmt_index, 1);
    // the span is the constructor call without its nn. prefix
    const cnnc_span &s = m->layers[0].span;
    EXPECT_EQ(s.line, 4);
    EXPECT_EQ(s.col, 8);
    EXPECT_EQ(std::string(m->text + s.begin, m->text + s.end),
              "Conv2d(in_channels=1, out_channels=16, kernel_size=5, stride=1, padding=2)");
    const cnnc_span &o = m->layers[7].span;
    EXPECT_EQ(std::string(m->text + o.begin, m->text + o.end), "Linear(32 * 7 * 7, 10)");
    EXPECT_STREQ(m->path, source_path("models/mnist_cnn.cnn").c_str());
    cnnc_model_free(m);
}

TEST(Parser, BrokenSeedModelDiffersOnlyInTheLinearInFeatures) {
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_load(source_path("models/mnist_cnn_broken.cnn").c_str(), &m, &err), CNNC_OK) << err.message;
    ASSERT_EQ(m->n_layers, 8);
    EXPECT_EQ(m->layers[7].p.linear.in_features, 1050);
    EXPECT_EQ(m->layers[7].p.linear.out_features, 10);
    cnnc_model_free(m);
}

TEST(Parser, NamesLayersByTheirPyTorchStateDictPrefix) {
    Parsed p("enc = Sequential(Sequential(Conv2d(1, 2, 3), ReLU()), Sequential(Sequential(Linear(2, 3))))\nhead = Linear(3, 1)");
    ASSERT_EQ(p.st, CNNC_OK) << p.line();
    ASSERT_EQ(p.m->n_layers, 4);
    EXPECT_STREQ(p.m->layers[0].name, "enc.0.0");
    EXPECT_STREQ(p.m->layers[1].name, "enc.0.1");
    EXPECT_STREQ(p.m->layers[2].name, "enc.1.0.0");
    EXPECT_STREQ(p.m->layers[3].name, "head");
}

TEST(Parser, LayerKindNamesArePyTorchClassNames) {
    // Kinds that are functions, not modules, are named as PyTorch's messages name the function.
    const char *want[] = {"Conv2d", "MaxPool2d", "AvgPool2d", "ReLU", "Flatten", "Linear", "Dropout", "BatchNorm2d",
                          "Sigmoid", "Tanh", "ReLU6", "Hardtanh", "ELU", "GELU", "SiLU", "Softmax", "LogSoftmax",
                          "Identity", "Dropout2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "Upsample",
                          "UpsamplingNearest2d", "UpsamplingBilinear2d", "interpolate", "ZeroPad2d", "ConstantPad2d",
                          "ReflectionPad2d", "ReplicationPad2d", "pad", "Unflatten", "ConvTranspose2d", "BatchNorm1d",
                          "InstanceNorm2d", "LayerNorm", "GroupNorm", "add", "sub", "mul", "div", "cat", "exp",
                          "randn_like", "mean", "sum", "narrow", "permute", "transpose", "LeakyReLU", "Hardswish",
                          "Hardsigmoid", "PReLU", "PixelShuffle", "PixelUnshuffle", "Softplus", "Mish", "Hardshrink",
                          "expand", "expand_as", "repeat", "slice", "SELU", "Conv1d", "MaxPool1d", "AvgPool1d",
                          "AdaptiveAvgPool1d", "AdaptiveMaxPool1d", "amax", "amin", "matmul", "bmm", "mm", "abs", "sqrt", "pow", "log", "clamp",
                          "ConvTranspose1d", "InstanceNorm1d", "ReflectionPad1d", "ReplicationPad1d", "ConstantPad1d",
                          "linalg_vector_norm", "round", "MaxUnpool2d", "var", "std", "maximum", "minimum",
                          "__setitem__", "RNN", "LSTM", "GRU", "rnn_state", "Conv3d", "ConvTranspose3d",
                          "MaxPool3d", "AvgPool3d", "AdaptiveAvgPool3d", "AdaptiveMaxPool3d", "BatchNorm3d",
                          "InstanceNorm3d", "Dropout3d", "RNNCell", "LSTMCell", "GRUCell", "Softmax2d",
                          "LocalResponseNorm", "sin", "cos", "Embedding", "LogSigmoid", "mv", "dot", "cumsum", "Unfold", "Fold", "cdist", "einsum", "grid_sample",
                          "Dropout1d"};
    ASSERT_EQ(sizeof want / sizeof want[0], (size_t)CNNC_LAYER_KIND_COUNT) << "a kind without its name here";
    for (int k = 0; k < CNNC_LAYER_KIND_COUNT; k++) EXPECT_STREQ(cnnc_layer_kind_name((cnnc_layer_kind)k), want[k]);
}

// ------------------------------------------------------------------ params

// Expected from PyTorch: net.state_dict() of models/every_layer.cnn (name, shape, dtype).
struct ParamCase { const char *name; std::vector<int64_t> shape; cnnc_dtype dtype; };

TEST(Parser, ParamsFollowPyTorchStateDictOrderNamesAndShapes) {
    const ParamCase want[] = {
        {"stem.0.weight", {8, 1, 3, 3}, CNNC_F32},          {"stem.1.weight", {8}, CNNC_F32},
        {"stem.1.bias", {8}, CNNC_F32},                     {"stem.1.running_mean", {8}, CNNC_F32},
        {"stem.1.running_var", {8}, CNNC_F32},              {"stem.1.num_batches_tracked", {}, CNNC_I64},
        {"down.0.weight", {16, 8, 3, 5}, CNNC_F32},         {"down.0.bias", {16}, CNNC_F32},
        {"down.1.running_mean", {16}, CNNC_F32},            {"down.1.running_var", {16}, CNNC_F32},
        {"down.1.num_batches_tracked", {}, CNNC_I64},       {"grouped.weight", {32, 4, 3, 3}, CNNC_F32},
        {"grouped.bias", {32}, CNNC_F32},                   {"valid.weight", {32, 1, 1, 1}, CNNC_F32},
        {"valid.bias", {32}, CNNC_F32},                     {"head.0.weight", {64, 1280}, CNNC_F32},
        {"head.0.bias", {64}, CNNC_F32},                    {"head.3.weight", {10, 64}, CNNC_F32},
        {"head.3.bias", {10}, CNNC_F32},
    };
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_load(source_path("models/every_layer.cnn").c_str(), &m, &err), CNNC_OK) << err.message;
    const int32_t n = cnnc_model_params(m, nullptr, 0);
    ASSERT_EQ(n, (int32_t)(sizeof want / sizeof want[0]));
    std::vector<cnnc_param_info> info(n);
    ASSERT_EQ(cnnc_model_params(m, info.data(), n), n);
    for (int32_t k = 0; k < n; k++) {
        SCOPED_TRACE(want[k].name);
        EXPECT_STREQ(info[k].name, want[k].name);
        EXPECT_EQ(info[k].dtype, want[k].dtype);
        ASSERT_EQ(info[k].ndim, (int32_t)want[k].shape.size());
        int64_t numel = 1;
        for (int32_t d = 0; d < info[k].ndim; d++) {
            EXPECT_EQ(info[k].shape[d], want[k].shape[d]);
            numel *= want[k].shape[d];
        }
        EXPECT_EQ(info[k].numel, numel);
        const bool buffer = std::string(want[k].name).find("running") != std::string::npos ||
                            std::string(want[k].name).find("num_batches") != std::string::npos;
        EXPECT_EQ(info[k].trainable, buffer ? 0 : 1);
        EXPECT_EQ(m->layers[info[k].layer_index].name,
                  std::string(want[k].name).substr(0, std::string(want[k].name).rfind('.')));
    }
    EXPECT_EQ(info[0].role, CNNC_P_WEIGHT);
    EXPECT_EQ(info[2].role, CNNC_P_BIAS);
    EXPECT_EQ(info[3].role, CNNC_P_RUNNING_MEAN);
    EXPECT_EQ(info[4].role, CNNC_P_RUNNING_VAR);
    EXPECT_EQ(info[5].role, CNNC_P_NUM_BATCHES);
    // a short array is filled up to its capacity and the total still comes back
    cnnc_param_info two[2];
    EXPECT_EQ(cnnc_model_params(m, two, 2), n);
    EXPECT_STREQ(two[1].name, "stem.1.weight");
    cnnc_model_free(m);
}

TEST(Parser, SeedModelHasFourTrainableTensorsPerConvAndLinearPair) {
    Parsed p("c = Conv2d(1, 16, 5)\nl = Linear(1568, 10, bias=False)\nb = BatchNorm2d(3, affine=False, track_running_stats=False)");
    ASSERT_EQ(p.st, CNNC_OK);
    cnnc_param_info info[8];
    ASSERT_EQ(cnnc_model_params(p.m, info, 8), 3);
    EXPECT_STREQ(info[0].name, "c.weight");
    EXPECT_EQ(info[0].numel, 16 * 25);
    EXPECT_STREQ(info[1].name, "c.bias");
    EXPECT_STREQ(info[2].name, "l.weight");
    EXPECT_EQ(info[2].shape[0], 10);
    EXPECT_EQ(info[2].shape[1], 1568);
}

// ------------------------------------------------------- render and --fix

TEST(Parser, FixRewriteReplacesOnlyTheEditedLayerAndReparsesToTheEdit) {
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_load(source_path("models/mnist_cnn_broken.cnn").c_str(), &m, &err), CNNC_OK);
    m->layers[7].p.linear.in_features = 1568;
    char *text = cnnc_model_text_with_layer(m, 7);
    ASSERT_NE(text, nullptr);
    std::string s(text);
    std::string orig(m->text, m->text_len);
    size_t at = orig.find("Linear(1050, 10)");
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(s, orig.substr(0, at) + "Linear(1568, 10)" + orig.substr(at + 16));
    Parsed again(s);
    ASSERT_EQ(again.st, CNNC_OK);
    EXPECT_EQ(again.m->layers[7].p.linear.in_features, 1568);
    std::free(text);
    cnnc_model_free(m);
}

TEST(Parser, FixRewriteKeepsTheNnPrefixAndRendersKeywordForm) {
    Parsed p("x = nn.Sequential(\n    nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3),  # first\n    nn.ReLU(),\n)\n");
    ASSERT_EQ(p.st, CNNC_OK);
    p.m->layers[0].p.conv.in_channels = 1;
    char *text = cnnc_model_text_with_layer(p.m, 0);
    ASSERT_NE(text, nullptr);
    EXPECT_STREQ(text, "x = nn.Sequential(\n    nn.Conv2d(1, 8, kernel_size=3, stride=1),  # first\n    nn.ReLU(),\n)\n");
    std::free(text);
    EXPECT_EQ(cnnc_model_text_with_layer(p.m, 2), nullptr);
    EXPECT_EQ(cnnc_model_text_with_layer(p.m, -1), nullptr);
}

TEST(Parser, EveryRenderingReparsesToTheSameLayer) {
    for (const OkCase &c : kOk) {
        if (!c.layers) continue;
        Parsed p(c.text);
        ASSERT_EQ(p.st, CNNC_OK) << c.text;
        for (int32_t k = 0; k < p.m->n_layers; k++) {
            char *text = cnnc_model_text_with_layer(p.m, k);
            ASSERT_NE(text, nullptr);
            Parsed q(text);
            ASSERT_EQ(q.st, CNNC_OK) << text << " -> " << q.line();
            EXPECT_EQ(describe(q.m), describe(p.m)) << text;
            ASSERT_EQ(q.m->n_layers, p.m->n_layers);
            const cnnc_layer &a = p.m->layers[k], &b = q.m->layers[k];
            EXPECT_EQ(a.kind, b.kind);
            if (a.kind == CNNC_DROPOUT) {
                EXPECT_EQ(a.p.dropout.p, b.p.dropout.p);
            }
            if (a.kind == CNNC_BATCHNORM2D) {
                EXPECT_EQ(a.p.bn.eps, b.p.bn.eps);
                EXPECT_EQ(a.p.bn.momentum, b.p.bn.momentum);
            }
            std::free(text);
        }
    }
}

TEST(Parser, RenderTruncatesSafelyAndReportsTheFullLength) {
    Parsed p("c = Conv2d(1, 16, 5, 1, 2)");
    ASSERT_EQ(p.st, CNNC_OK);
    char small[8];
    size_t n = cnnc_layer_render(&p.m->layers[0], small, sizeof small);
    EXPECT_EQ(n, std::string("Conv2d(1, 16, kernel_size=5, stride=1, padding=2)").size());
    EXPECT_STREQ(small, "Conv2d(");
    EXPECT_EQ(cnnc_layer_render(&p.m->layers[0], nullptr, 0), n);
}

TEST(Parser, RendersFloatsAsPythonReprDoes) {
    Parsed p("a = Dropout(0.1)\nb = BatchNorm2d(1, eps=1e-05, momentum=1e-7)\nc = BatchNorm2d(1, eps=2.5e-3, momentum=0.3)\n"
             "d = Dropout(1/3)");
    ASSERT_EQ(p.st, CNNC_OK) << p.line();
    EXPECT_EQ(describe(p.m), "a=Dropout(p=0.1); b=BatchNorm2d(1, momentum=1e-07); c=BatchNorm2d(1, eps=0.0025, momentum=0.3); "
                             "d=Dropout(p=0.3333333333333333)");
}

// ------------------------------------------------------------------ errors

struct ErrCase {
    const char *text;
    cnnc_status status;
    const char *line;  // "Type: message" as Python prints it
    int32_t row, col;
};

const ErrCase kErr[] = {
    // syntax (Python's SyntaxError texts and positions)
    {"a = Linear(1, 2", CNNC_ERR_PARSE, "SyntaxError: '(' was never closed", 1, 11},
    {"a = Linear(1, 2))", CNNC_ERR_PARSE, "SyntaxError: unmatched ')'", 1, 17},
    {"a = Linear(1, 2]", CNNC_ERR_PARSE, "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('", 1, 16},
    {"a = Linear(1,\n 2]", CNNC_ERR_PARSE,
     "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 3},
    {"a = Linear(1 2)", CNNC_ERR_PARSE, "SyntaxError: invalid syntax. Perhaps you forgot a comma?", 1, 12},
    {"a = Linear(a=1, 2)", CNNC_ERR_PARSE, "SyntaxError: positional argument follows keyword argument", 1, 17},
    {"a = Linear(1, 2, bias=1, bias=2)", CNNC_ERR_PARSE, "SyntaxError: keyword argument repeated: bias", 1, 26},
    {"a = Linear('x", CNNC_ERR_PARSE, "SyntaxError: unterminated string literal (detected at line 1)", 1, 12},
    {"a = Linear(1,,2)", CNNC_ERR_PARSE, "SyntaxError: invalid syntax", 1, 14},
    {"a = Linear(1, 2)  b = ReLU()", CNNC_ERR_PARSE, "SyntaxError: invalid syntax", 1, 19},
    {"a = 1 +", CNNC_ERR_PARSE, "SyntaxError: invalid syntax", 1, 8},
    {"a = 3 $ 4", CNNC_ERR_PARSE, "SyntaxError: invalid syntax", 1, 7},
    {"a = 01", CNNC_ERR_PARSE,
     "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
    {"a = 1a", CNNC_ERR_PARSE, "SyntaxError: invalid decimal literal", 1, 5},
    {"  a = ReLU()", CNNC_ERR_PARSE, "IndentationError: unexpected indent", 1, 3},
    {"a = ReLU() \\ x", CNNC_ERR_PARSE, "SyntaxError: unexpected character after line continuation character", 1, 13},
    {"a = ReLU(\u20ac)", CNNC_ERR_PARSE, "SyntaxError: invalid character '\u20ac' (U+20AC)", 1, 10},
    // a syntax error anywhere wins over a construction error earlier, as in Python
    {"a = Linear(1)\nb = (", CNNC_ERR_PARSE, "SyntaxError: '(' was never closed", 2, 5},
    // bytes Python refuses
    {"a = ReLU() # \xff\n", CNNC_ERR_PARSE,
     "SyntaxError: Non-UTF-8 code starting with '\\xff' in file m.cnn on line 1, but no encoding declared; see "
     "https://peps.python.org/pep-0263/ for details", 1, 14},
    {"r = ReLU()\n\xc3\x28", CNNC_ERR_PARSE,
     "SyntaxError: Non-UTF-8 code starting with '\\xc3' in file m.cnn on line 2, but no encoding declared; see "
     "https://peps.python.org/pep-0263/ for details", 2, 1},
    // names
    {"a = Foo(1)", CNNC_ERR_PARSE, "NameError: name 'Foo' is not defined", 1, 5},
    {"a = nn.Foo(1)", CNNC_ERR_PARSE, "AttributeError: module 'torch.nn' has no attribute 'Foo'", 1, 8},
    {"a = foo", CNNC_ERR_PARSE, "NameError: name 'foo' is not defined", 1, 5},
    {"a = ReLU()\nb = ReLU()\na = Linear(1, 2)", CNNC_ERR_PARSE,
     "NameError: duplicate layer name 'a' (first assigned on line 1)", 3, 1},
    {"# nothing\n\n", CNNC_ERR_PARSE,
     "ValueError: model file defines no layers (expected lines such as `fc = Linear(784, 10)`)", 3, 1},
    {"", CNNC_ERR_PARSE, "ValueError: model file defines no layers (expected lines such as `fc = Linear(784, 10)`)", 1, 1},
    {"a = 5", CNNC_ERR_PARSE, "TypeError: 'a' must be a layer such as Linear(...) or Sequential(...), not int", 1, 5},
    // binding arguments (CPython's messages, PyTorch's __init__ qualnames)
    {"a = Linear(1)", CNNC_ERR_PARSE, "TypeError: Linear.__init__() missing 1 required positional argument: 'out_features'", 1, 5},
    {"a = Linear()", CNNC_ERR_PARSE,
     "TypeError: Linear.__init__() missing 2 required positional arguments: 'in_features' and 'out_features'", 1, 5},
    {"a = Conv2d()", CNNC_ERR_PARSE,
     "TypeError: Conv2d.__init__() missing 3 required positional arguments: 'in_channels', 'out_channels', and 'kernel_size'", 1, 5},
    {"a = MaxPool2d()", CNNC_ERR_PARSE, "TypeError: _MaxPoolNd.__init__() missing 1 required positional argument: 'kernel_size'", 1, 5},
    {"a = AvgPool2d()", CNNC_ERR_PARSE, "TypeError: AvgPool2d.__init__() missing 1 required positional argument: 'kernel_size'", 1, 5},
    {"a = BatchNorm2d()", CNNC_ERR_PARSE, "TypeError: _BatchNorm.__init__() missing 1 required positional argument: 'num_features'", 1, 5},
    {"a = Linear(1,2,3,4,5,6)", CNNC_ERR_PARSE, "TypeError: Linear.__init__() takes from 3 to 6 positional arguments but 7 were given", 1, 22},
    {"a = ReLU(1,2)", CNNC_ERR_PARSE, "TypeError: ReLU.__init__() takes from 1 to 2 positional arguments but 3 were given", 1, 12},
    {"a = Dropout(1,2,3)", CNNC_ERR_PARSE, "TypeError: _DropoutNd.__init__() takes from 1 to 3 positional arguments but 4 were given", 1, 17},
    {"a = Flatten(1,2,3)", CNNC_ERR_PARSE, "TypeError: Flatten.__init__() takes from 1 to 3 positional arguments but 4 were given", 1, 17},
    {"a = Conv2d(1,2,3,foo=1)", CNNC_ERR_PARSE, "TypeError: Conv2d.__init__() got an unexpected keyword argument 'foo'", 1, 18},
    {"a = Linear(1,2,3,4,5,6,foo=1)", CNNC_ERR_PARSE, "TypeError: Linear.__init__() got an unexpected keyword argument 'foo'", 1, 24},
    {"a = Linear(1,2,in_features=1)", CNNC_ERR_PARSE, "TypeError: Linear.__init__() got multiple values for argument 'in_features'", 1, 16},
    {"a = Sequential(a=ReLU())", CNNC_ERR_PARSE, "TypeError: Sequential.__init__() got an unexpected keyword argument 'a'", 1, 16},
    {"a = Sequential(ReLU(), 2)", CNNC_ERR_PARSE, "TypeError: int is not a Module subclass", 1, 24},
    {"a = Sequential(Linear)", CNNC_ERR_PARSE, "TypeError: torch.nn.modules.linear.Linear is not a Module subclass", 1, 16},
    // wrong types (PyTorch's torch.empty / operator messages)
    {"a = Linear(10.5, 3)", CNNC_ERR_PARSE,
     "TypeError: empty(): argument 'size' must be tuple of SymInts, but found element of type float at pos 2", 1, 12},
    {"a = Linear('a', 3)", CNNC_ERR_PARSE,
     "TypeError: empty(): argument 'size' must be tuple of SymInts, but found element of type str at pos 2", 1, 12},
    {"a = Linear(None, 3)", CNNC_ERR_PARSE,
     "TypeError: empty(): argument 'size' must be tuple of SymInts, but found element of type NoneType at pos 2", 1, 12},
    {"a = Conv2d(1,2,3.5)", CNNC_ERR_PARSE,
     "TypeError: empty(): argument 'size' must be tuple of SymInts, but found element of type float at pos 3", 1, 16},
    {"a = Conv2d(4, 4, 3, groups=2.0)", CNNC_ERR_PARSE,
     "TypeError: empty(): argument 'size' must be tuple of SymInts, but found element of type float at pos 2", 1, 28},
    {"a = Conv2d(\"a\", 2, 3)", CNNC_ERR_PARSE, "TypeError: not all arguments converted during string formatting", 1, 12},
    {"a = Conv2d(None, 2, 3)", CNNC_ERR_PARSE, "TypeError: unsupported operand type(s) for %: 'NoneType' and 'int'", 1, 12},
    {"a = Conv2d(2, 2, 3, groups='a')", CNNC_ERR_PARSE, "TypeError: '<=' not supported between instances of 'str' and 'int'", 1, 28},
    {"a = Dropout('x')", CNNC_ERR_PARSE, "TypeError: '<' not supported between instances of 'str' and 'int'", 1, 13},
    {"a = Dropout(None)", CNNC_ERR_PARSE, "TypeError: '<' not supported between instances of 'NoneType' and 'int'", 1, 13},
    {"a = Linear(1, 2) + 1", CNNC_ERR_PARSE, "TypeError: unsupported operand type(s) for +: 'Linear' and 'int'", 1, 18},
    // (a float stride is kept by Conv2d and refused by its forward: tests/pysrc/float_conv_args.py)
    {"a = Conv2d(1, 2, 3, padding=(1, 'a'))", CNNC_ERR_PARSE,
     "TypeError: conv2d(): argument 'padding' must be tuple of ints, but found element of type str at pos 2", 1, 29},
    {"a = MaxPool2d(2.5)", CNNC_ERR_PARSE,
     "TypeError: max_pool2d(): argument 'kernel_size' (position 2) must be tuple of ints, not float", 1, 15},
    {"a = Flatten(1.5)", CNNC_ERR_PARSE, "TypeError: flatten(): argument 'start_dim' (position 2) must be int, not float", 1, 13},
    {"a = Conv2d(1, 2, (1, 2, 3))", CNNC_ERR_PARSE,
     "ValueError: Conv2d kernel_size must be an int or a tuple of 2 ints, but got a tuple of 3", 1, 18},
    // PyTorch's construction-time checks, verbatim
    {"a = Conv2d(3, 2, 3, groups=2)", CNNC_ERR_PARSE, "ValueError: in_channels must be divisible by groups", 1, 12},
    {"a = Conv2d(2, 3, 3, groups=2)", CNNC_ERR_PARSE, "ValueError: out_channels must be divisible by groups", 1, 15},
    {"a = Conv2d(2, 2, 3, groups=0)", CNNC_ERR_PARSE, "ValueError: groups must be a positive integer", 1, 28},
    {"a = Conv2d(2, 2, 3, groups=-1)", CNNC_ERR_PARSE, "ValueError: groups must be a positive integer", 1, 28},
    {"a = Conv2d(1, 2, 3, padding='foo')", CNNC_ERR_PARSE,
     "ValueError: Invalid padding string 'foo', should be one of {'valid', 'same'}", 1, 29},
    {"a = Conv2d(1, 2, 3, stride=2, padding='same')", CNNC_ERR_PARSE,
     "ValueError: padding='same' is not supported for strided convolutions", 1, 39},
    {"a = Conv2d(2,2,3,padding_mode='foo')", CNNC_ERR_PARSE,
     "ValueError: padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got padding_mode='foo'", 1, 31},
    {"a = Dropout(1.5)", CNNC_ERR_PARSE, "ValueError: dropout probability has to be between 0 and 1, but got 1.5", 1, 13},
    {"a = Dropout(p=-0.1)", CNNC_ERR_PARSE, "ValueError: dropout probability has to be between 0 and 1, but got -0.1", 1, 15},
    {"a = Dropout(p=2)", CNNC_ERR_PARSE, "ValueError: dropout probability has to be between 0 and 1, but got 2", 1, 15},
    {"a = Linear(10, -5)", CNNC_ERR_PARSE, "RuntimeError: Trying to create tensor with negative dimension -5: [-5, 10]", 1, 16},
    {"a = Conv2d(-1, 2, 3)", CNNC_ERR_PARSE, "RuntimeError: Trying to create tensor with negative dimension -1: [2, -1, 3, 3]", 1, 12},
    {"a = Conv2d(1, -2, 3)", CNNC_ERR_PARSE, "RuntimeError: Trying to create tensor with negative dimension -2: [-2, 1, 3, 3]", 1, 15},
    {"a = Conv2d(1, 2, -3)", CNNC_ERR_PARSE, "RuntimeError: Trying to create tensor with negative dimension -3: [2, 1, -3, -3]", 1, 18},
    {"a = BatchNorm2d(-3)", CNNC_ERR_PARSE, "RuntimeError: Trying to create tensor with negative dimension -3: [-3]", 1, 17},
    {"a = AvgPool2d(2, divisor_override=0)", CNNC_ERR_PARSE, "RuntimeError: divisor must be not zero", 1, 35},
    // arithmetic
    {"a = Linear(1 // 0, 2)", CNNC_ERR_PARSE, "ZeroDivisionError: integer division or modulo by zero", 1, 14},
    {"a = Dropout(1 / 0)", CNNC_ERR_PARSE, "ZeroDivisionError: division by zero", 1, 15},
    {"a = Linear(2**70, 3)", CNNC_ERR_PARSE, "OverflowError: Python int too large to convert to C long", 1, 13},
    {"a = Linear(99999999999999999999, 3)", CNNC_ERR_PARSE, "OverflowError: Python int too large to convert to C long", 1, 12},
    {"a = Linear(4611686018427387904 * 2, 3)", CNNC_ERR_PARSE, "OverflowError: Python int too large to convert to C long", 1, 32},
    {"a = Linear(-'a', 3)", CNNC_ERR_PARSE, "TypeError: bad operand type for unary -: 'str'", 1, 12},
    // input statement
    {"input = (3, 0)\nb = ReLU()", CNNC_ERR_PARSE,
     "ValueError: input must be a tuple of 1 to 3 positive ints, e.g. input = (1, 28, 28); got (3, 0)", 1, 9},
    {"input = (1, 2, 3, 4)\nb = ReLU()", CNNC_ERR_PARSE,
     "ValueError: input must be a tuple of 1 to 3 positive ints, e.g. input = (1, 28, 28); got (1, 2, 3, 4)", 1, 9},
    // valid PyTorch that cnnc does not run
    {"a = TransformerEncoderLayer(8, 2)", CNNC_ERR_UNSUPPORTED,
     "NotImplementedError: cnnc does not support nn.TransformerEncoderLayer (it runs Conv2d, MaxPool2d, AvgPool2d, ReLU, Flatten, Linear, "
     "Dropout, BatchNorm2d, Sigmoid, Tanh, ReLU6, Hardtanh, ELU, GELU, SiLU, Softmax, LogSoftmax, Identity, Dropout2d, "
     "AdaptiveAvgPool2d, AdaptiveMaxPool2d, Upsample, UpsamplingNearest2d, UpsamplingBilinear2d, ZeroPad2d, ConstantPad2d, "
     "ReflectionPad2d, ReplicationPad2d, Unflatten, ConvTranspose2d, BatchNorm1d, InstanceNorm2d, LayerNorm, GroupNorm, "
     "LeakyReLU, Hardswish, Hardsigmoid, PReLU, PixelShuffle, PixelUnshuffle, Softplus, Mish, Hardshrink, SELU, "
     "Conv1d, MaxPool1d, AvgPool1d, AdaptiveAvgPool1d, AdaptiveMaxPool1d, ConvTranspose1d, InstanceNorm1d, "
     "ReflectionPad1d, ReplicationPad1d, ConstantPad1d, MaxUnpool2d, RNN, LSTM, GRU, Conv3d, ConvTranspose3d, "
     "MaxPool3d, AvgPool3d, AdaptiveAvgPool3d, AdaptiveMaxPool3d, BatchNorm3d, InstanceNorm3d, Dropout3d, RNNCell, LSTMCell, "
     "GRUCell, Softmax2d, LocalResponseNorm, Embedding, LogSigmoid, Unfold, Fold, Dropout1d and Sequential)", 1, 5},
    {"a = LSTM(4, 8)", CNNC_ERR_UNSUPPORTED,
     "NotImplementedError: cnnc does not support LSTM in a chain: its output is a tuple (output, h_n), which the next layer "
     "cannot take (a .py forward() can unpack it)", 1, 5},
    {"a = MaxPool2d(2, return_indices=True)", CNNC_ERR_UNSUPPORTED,
     "NotImplementedError: cnnc does not support MaxPool2d(return_indices=True): its output is a tuple, which the next "
     "layer cannot take", 1, 33},
    {"a = Linear(1, 2, device='cuda')", CNNC_ERR_UNSUPPORTED,
     "NotImplementedError: cnnc places layers itself and does not support device='cuda' (use None or 'cpu'; pick the GPU "
     "with --device)", 1, 25},
    {"a = Linear(1, 2, dtype=torch.float64)", CNNC_ERR_UNSUPPORTED,
     "NotImplementedError: cnnc does not support dtype=torch.float64 (only torch.float32)", 1, 30},
    {"import numpy\nb = ReLU()", CNNC_ERR_UNSUPPORTED,
     "NotImplementedError: cnnc model files may only import torch.nn (`import torch.nn as nn` or `from torch.nn import *`)", 1, 1},
    {"a = ReLU()\nb = Sequential(a)", CNNC_ERR_UNSUPPORTED,
     "NotImplementedError: cnnc does not reuse layers by name ('a'); write the constructor call here", 2, 16},
};

void check_error(const std::string &text, const ErrCase &c) {
    SCOPED_TRACE(text);
    Parsed p(text);
    EXPECT_EQ(p.st, c.status);
    EXPECT_EQ(p.m, nullptr);
    EXPECT_EQ(p.err.status, c.status);
    EXPECT_EQ(p.line(), c.line);
    EXPECT_STREQ(p.err.file, "m.cnn");
    EXPECT_EQ(p.err.line, c.row);
    EXPECT_EQ(p.err.col, c.col);
}

TEST(Parser, ReportsEachErrorWithPythonsTypeMessageLineAndColumn) {
    for (const ErrCase &c : kErr) {
        if (!c.line[0]) continue;
        check_error(c.text, c);
    }
}

TEST(Parser, RefusesNulBytesWithPython312sMessage) {
    const std::string text("a = ReLU()\n\0b = ReLU()\n", 23);
    check_error(text, {"", CNNC_ERR_PARSE, "SyntaxError: source code cannot contain null bytes", 2, 1});
}

TEST(Parser, RefusesAMegabyteLineCleanly) {
    std::string text = "a = Linear(1, " + std::string(1 << 20, '1') + ")\n";
    check_error(text, {"", CNNC_ERR_PARSE, "SyntaxError: line 1 is longer than 65536 characters (cnnc's limit for model files)", 1, 1});
    std::string ok = "a = Linear(1, 2)" + std::string(65536 - 16, ' ');
    Parsed p(ok);
    EXPECT_EQ(p.st, CNNC_OK) << p.line();
}

TEST(Parser, RefusesDeepNestingLikePython) {
    std::string text = "a = Linear(" + std::string(250, '(') + "1" + std::string(250, ')') + ", 2)";
    check_error(text, {"", CNNC_ERR_PARSE, "SyntaxError: too many nested parentheses", 1, 211});
    std::string ok = "a = Linear(" + std::string(150, '(') + "1" + std::string(150, ')') + ", 2)";
    Parsed p(ok);
    EXPECT_EQ(p.st, CNNC_OK) << p.line();
}

TEST(Parser, LoadReportsAMissingFileAsPythonDoes) {
    cnnc_model *m = reinterpret_cast<cnnc_model *>(1);
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_model_load("/nonexistent/x.cnn", &m, &err), CNNC_ERR_IO);
    EXPECT_EQ(m, nullptr);
    char buf[512];
    cnnc_error_line(&err, buf, sizeof buf);
    EXPECT_STREQ(buf, "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/x.cnn'");
    EXPECT_STREQ(err.file, "/nonexistent/x.cnn");
}

TEST(Parser, ToleratesANullErrorRecordAndFreeOfNull) {
    cnnc_model *m = nullptr;
    EXPECT_EQ(cnnc_model_parse("a = Linear(1)", 13, "m.cnn", &m, nullptr), CNNC_ERR_PARSE);
    EXPECT_EQ(m, nullptr);
    cnnc_model_free(nullptr);
}

TEST(Parser, LongNestedNamesAreRefusedNotTruncated) {
    const std::string name(56, 'n');  // "n...n.0.0.0" is 62 characters: fits
    Parsed ok(name + " = Sequential(Sequential(Sequential(ReLU())))");
    ASSERT_EQ(ok.st, CNNC_OK) << ok.line();
    EXPECT_EQ(std::string(ok.m->layers[0].name), name + ".0.0.0");
    check_error(name + " = Sequential(Sequential(Sequential(Sequential(ReLU()))))",
                {"", CNNC_ERR_PARSE, ("ValueError: layer name '" + name + ".0.0.0.0' is longer than 63 characters").c_str(), 1, 104});
    check_error(std::string(64, 'x') + " = ReLU()",
                {"", CNNC_ERR_PARSE, ("ValueError: layer name '" + std::string(64, 'x') + "' is longer than 63 characters").c_str(), 1, 1});
}

TEST(Parser, HostileFilesStayLinearAndBounded) {
    // 100k statements and 200k keywords: duplicate checks are hashed, not quadratic
    std::string stmts;
    for (int k = 0; k < 100000; k++) stmts += "a" + std::to_string(k) + " = ReLU()\n";
    stmts += "a77 = ReLU()\n";
    check_error(stmts, {"", CNNC_ERR_PARSE, "NameError: duplicate layer name 'a77' (first assigned on line 78)", 100001, 1});
    std::string kws = "a = Linear(";
    for (int k = 0; k < 200000; k++) kws += "k" + std::to_string(k) + "=1,\n";
    kws += "k5=2)";
    check_error(kws, {"", CNNC_ERR_PARSE, "SyntaxError: keyword argument repeated: k5", 200001, 1});
    // a `**` chain nests without brackets: refused before it can exhaust the stack
    std::string pow = "a = Linear(1";
    for (int k = 0; k < 100000; k++) pow += "**1\n";
    pow += ", 2)";
    check_error(pow, {"", CNNC_ERR_PARSE, "RecursionError: maximum recursion depth exceeded during compilation", 399, 3});
    // a wide Sequential is fine
    std::string wide = "s = Sequential(";
    for (int k = 0; k < 50000; k++) wide += "ReLU(),\n";
    wide += ")";
    Parsed p(wide);
    ASSERT_EQ(p.st, CNNC_OK) << p.line();
    EXPECT_EQ(p.m->n_layers, 50000);
    EXPECT_STREQ(p.m->layers[49999].name, "s.49999");
}

TEST(Parser, PowerAndUnaryMinusBindAsInPython) {
    Parsed p("a = Linear(2**3**2 // 64, -2**2 + 5)");  // Python: 8, 1
    ASSERT_EQ(p.st, CNNC_OK) << p.line();
    EXPECT_EQ(describe(p.m), "a=Linear(8, 1)");
}

}  // namespace
