// shape_test.cpp — THE shape pass against PyTorch: one row per message template
// and per output-size formula. Every expected text was produced by
// /usr/bin/python3 (torch 1.13) unless the row says "2.x": there the text is
// PyTorch 2.x's (aten/src/ATen/native/Pool.h), and the 1.13 text is noted.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

extern "C" {
#include "cnnc/shape.h"
#include "cnnc/summary.h"
}

namespace {

cnnc_layer make(cnnc_layer_kind kind) {
    cnnc_layer L;
    std::memset(&L, 0, sizeof L);
    L.kind = kind;
    return L;
}
cnnc_layer ConvFull(int64_t in, int64_t out, int64_t kh, int64_t kw, int64_t sh = 1, int64_t sw = 1, int64_t ph = 0,
                int64_t pw = 0, int64_t dh = 1, int64_t dw = 1, int64_t groups = 1, cnnc_pad_mode mode = CNNC_PAD_EXPLICIT) {
    cnnc_layer L = make(CNNC_CONV2D);
    auto &c = L.p.conv;
    c.in_channels = in; c.out_channels = out;
    c.kernel_size[0] = kh; c.kernel_size[1] = kw; c.stride[0] = sh; c.stride[1] = sw;
    c.padding[0] = ph; c.padding[1] = pw; c.dilation[0] = dh; c.dilation[1] = dw;
    c.groups = groups; c.pad_mode = mode; c.bias = 1;
    return L;
}
cnnc_layer Conv(int64_t in, int64_t out, int64_t k, int64_t s = 1, int64_t p = 0, int64_t d = 1, int64_t g = 1) {
    return ConvFull(in, out, k, k, s, s, p, p, d, d, g);
}
cnnc_layer ConvSame(int64_t in, int64_t out, int64_t k, int64_t d = 1) {
    return ConvFull(in, out, k, k, 1, 1, 0, 0, d, d, 1, CNNC_PAD_SAME);
}
cnnc_layer Pool(cnnc_layer_kind kind, int64_t kh, int64_t kw, int64_t sh, int64_t sw, int64_t ph, int64_t pw,
                int64_t d = 1, int ceil = 0) {
    cnnc_layer L = make(kind);
    auto &p = L.p.pool;
    p.kernel_size[0] = kh; p.kernel_size[1] = kw; p.stride[0] = sh; p.stride[1] = sw;
    p.padding[0] = ph; p.padding[1] = pw; p.dilation[0] = d; p.dilation[1] = d;
    p.ceil_mode = ceil; p.count_include_pad = 1;
    return L;
}
// MaxPool2d(k, stride=None -> k, padding, dilation, ceil_mode)
cnnc_layer MaxPool(int64_t k, int64_t s = -999, int64_t p = 0, int64_t d = 1, int ceil = 0) {
    if (s == -999) s = k;
    return Pool(CNNC_MAXPOOL2D, k, k, s, s, p, p, d, ceil);
}
cnnc_layer AvgPool(int64_t k, int64_t s = -999, int64_t p = 0, int ceil = 0) {
    if (s == -999) s = k;
    return Pool(CNNC_AVGPOOL2D, k, k, s, s, p, p, 1, ceil);
}
cnnc_layer Linear(int64_t in, int64_t out) {
    cnnc_layer L = make(CNNC_LINEAR);
    L.p.linear.in_features = in; L.p.linear.out_features = out; L.p.linear.bias = 1;
    return L;
}
cnnc_layer BN(int64_t c, int affine = 1, int track = 1) {
    cnnc_layer L = make(CNNC_BATCHNORM2D);
    L.p.bn.num_features = c; L.p.bn.eps = 1e-5; L.p.bn.momentum = 0.1; L.p.bn.affine = affine;
    L.p.bn.track_running_stats = track;
    return L;
}
cnnc_layer Flatten(int64_t s = 1, int64_t e = -1) {
    cnnc_layer L = make(CNNC_FLATTEN);
    L.p.flatten.start_dim = s; L.p.flatten.end_dim = e;
    return L;
}
cnnc_layer ReLU() { return make(CNNC_RELU); }
cnnc_layer Dropout() { cnnc_layer L = make(CNNC_DROPOUT); L.p.dropout.p = 0.5; return L; }

// A model built directly as structs; each layer is its own top-level statement
// named as given, on line i + 2 (line 1 is `input = ...`).
struct TestModel {
    std::vector<cnnc_layer> layers;
    std::vector<cnnc_stmt> stmts;
    cnnc_model m;
    TestModel(std::vector<cnnc_layer> ls, std::vector<std::string> names = {}) : layers(std::move(ls)) {
        std::memset(&m, 0, sizeof m);
        std::snprintf(m.path, sizeof m.path, "models/x.cnn");
        for (size_t i = 0; i < layers.size(); i++) {
            std::string n = i < names.size() ? names[i] : "l" + std::to_string(i);
            std::snprintf(layers[i].name, sizeof layers[i].name, "%s", n.c_str());
            layers[i].stmt_index = (int32_t)i;
            layers[i].span.line = (int32_t)i + 2;
            layers[i].span.col = 7;
            cnnc_stmt s;
            std::memset(&s, 0, sizeof s);
            std::snprintf(s.name, sizeof s.name, "%s", n.c_str());
            s.first_layer = (int32_t)i; s.n_layers = 1;
            stmts.push_back(s);
        }
        repoint();
    }
    TestModel(const TestModel &o) : layers(o.layers), stmts(o.stmts), m(o.m) { repoint(); }
    TestModel &operator=(const TestModel &) = delete;
    void repoint() {
        m.layers = layers.data(); m.n_layers = (int32_t)layers.size();
        m.stmts = stmts.data(); m.n_stmts = (int32_t)stmts.size();
    }
};

cnnc_shape S(std::vector<int64_t> d) {
    cnnc_shape s;
    std::memset(&s, 0, sizeof s);
    s.ndim = (int32_t)d.size();
    for (size_t i = 0; i < d.size(); i++) s.d[i] = d[i];
    return s;
}
std::string fmt(const cnnc_shape &s) {
    char b[256];
    cnnc_shape_format(&s, b, sizeof b);
    return b;
}
std::string line(const cnnc_error &e) {
    char b[1024];
    cnnc_error_line(&e, b, sizeof b);
    return b;
}

// The seed net as the parser would produce it (Sequential members named conv1.0 ...).
TestModel Seed(int64_t linear_in = 1568) {
    TestModel t({Conv(1, 16, 5, 1, 2), ReLU(), MaxPool(2), Conv(16, 32, 5, 1, 2), ReLU(), MaxPool(2), Flatten(),
                 Linear(linear_in, 10)},
                {"conv1.0", "conv1.1", "conv1.2", "conv2.0", "conv2.1", "conv2.2", "flatten", "out"});
    return t;
}

struct Row {
    const char *what;
    cnnc_layer layer;
    std::vector<int64_t> input;
    const char *expect;  // error line, or the output shape "[..]"
    int train;
};

// One layer, one input: the error line Python prints, or the output shape.
const Row kRows[] = {
    // Linear (addmm / matmul folding leading dims)
    {"linear in_features mismatch", Linear(1050, 10), {2, 1568}, "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)", 1},
    {"linear on 4-D folds leading dims", Linear(1568, 10), {2, 32, 7, 7}, "RuntimeError: mat1 and mat2 shapes cannot be multiplied (448x7 and 1568x10)", 1},
    {"linear on 1-D is 1xK (same in 2.x: unsqueeze(0).mm)", Linear(1568, 10), {7}, "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x7 and 1568x10)", 1},
    {"linear on 3-D", Linear(5, 10), {3, 4, 7}, "RuntimeError: mat1 and mat2 shapes cannot be multiplied (12x7 and 5x10)", 1},
    {"linear on 0-D", Linear(5, 10), {}, "RuntimeError: both arguments to matmul need to be at least 1D, but they are 0D and 2D", 1},
    {"linear 1-D ok", Linear(7, 10), {7}, "[10]", 1},
    {"linear empty batch ok", Linear(3, 4), {0, 3}, "[0, 4]", 1},
    {"linear keeps leading dims", Linear(7, 5), {3, 4, 7}, "[3, 4, 5]", 1},
    // Conv2d
    {"conv channels", Conv(8, 32, 5), {2, 16, 14, 14}, "RuntimeError: Given groups=1, weight of size [32, 8, 5, 5], expected input[2, 16, 14, 14] to have 8 channels, but got 16 channels instead", 1},
    {"conv channels unbatched prints N=1", Conv(8, 32, 5), {16, 14, 14}, "RuntimeError: Given groups=1, weight of size [32, 8, 5, 5], expected input[1, 16, 14, 14] to have 8 channels, but got 16 channels instead", 1},
    {"conv channels with groups", Conv(8, 32, 5, 1, 0, 1, 2), {2, 16, 14, 14}, "RuntimeError: Given groups=2, weight of size [32, 4, 5, 5], expected input[2, 16, 14, 14] to have 8 channels, but got 16 channels instead", 1},
    {"conv zero channels", Conv(1, 16, 3), {2, 0, 6, 6}, "RuntimeError: Given groups=1, weight of size [16, 1, 3, 3], expected input[2, 0, 6, 6] to have 1 channels, but got 0 channels instead", 1},
    {"conv kernel larger than input", Conv(8, 32, 5), {2, 8, 4, 4}, "RuntimeError: Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size", 1},
    {"conv kernel larger than padded input", Conv(8, 32, 5, 1, 1), {2, 8, 2, 2}, "RuntimeError: Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size", 1},
    {"conv dilated kernel", Conv(1, 16, 3, 1, 0, 3), {2, 1, 6, 6}, "RuntimeError: Calculated padded input size per channel: (6 x 6). Kernel size: (7 x 7). Kernel size can't be greater than actual input size", 1},
    {"conv rank 2", Conv(1, 16, 5), {2, 784}, "RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 784]", 1},
    {"conv rank 5", Conv(1, 16, 5), {2, 1, 1, 28, 28}, "RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 1, 1, 28, 28]", 1},
    {"conv zero stride", Conv(1, 16, 5, 0), {2, 1, 28, 28}, "RuntimeError: non-positive stride is not supported", 1},
    {"conv negative stride", Conv(1, 16, 5, -1), {2, 1, 28, 28}, "RuntimeError: non-positive stride is not supported", 1},
    {"conv zero dilation", Conv(1, 16, 3, 1, 0, 0), {2, 1, 28, 28}, "RuntimeError: non-positive dilation is not supported", 1},
    {"conv negative dilation", Conv(1, 16, 3, 1, 0, -1), {2, 1, 28, 28}, "RuntimeError: non-positive dilation is not supported", 1},
    {"conv negative padding", Conv(1, 16, 3, 1, -1), {2, 1, 28, 28}, "RuntimeError: negative padding is not supported", 1},
    {"conv zero kernel (oneDNN's text on CPU)", Conv(1, 16, 0), {2, 1, 28, 28}, "RuntimeError: could not create a descriptor for a dilated convolution forward propagation primitive", 1},
    {"conv negative kernel fails creating the weight", Conv(1, 16, -1), {2, 1, 28, 28}, "RuntimeError: Trying to create tensor with negative dimension -1: [16, 1, -1, -1]", 1},
    {"conv formula stride/pad/dilation", Conv(3, 8, 3, 2, 1, 2), {2, 3, 11, 11}, "[2, 8, 5, 5]", 1},
    {"conv rectangular", ConvFull(1, 4, 3, 1, 2, 1, 1, 0), {1, 1, 9, 5}, "[1, 4, 5, 5]", 1},
    {"conv same even kernel", ConvSame(1, 16, 4), {2, 1, 6, 6}, "[2, 16, 6, 6]", 1},
    {"conv same on 1x1", ConvSame(1, 16, 5), {2, 1, 1, 1}, "[2, 16, 1, 1]", 1},
    {"conv same dilated", ConvSame(1, 4, 4, 3), {1, 1, 3, 3}, "[1, 4, 3, 3]", 1},
    {"conv empty batch", Conv(1, 16, 3), {0, 1, 6, 6}, "[0, 16, 4, 4]", 1},
    {"conv unbatched stays 3-D", Conv(1, 16, 5, 1, 2), {1, 28, 28}, "[16, 28, 28]", 1},
    // MaxPool2d
    {"maxpool output too small", MaxPool(2), {2, 32, 1, 1}, "RuntimeError: Given input size: (32x1x1). Calculated output size: (32x0x0). Output size is too small", 1},
    {"maxpool output too small unbatched", MaxPool(2), {32, 1, 1}, "RuntimeError: Given input size: (32x1x1). Calculated output size: (32x0x0). Output size is too small", 1},
    // 2.x; 1.13: "pad should be at most half of kernel size, but got pad=2 and kernel_size=2"
    {"maxpool pad over half kernel (2.x)", MaxPool(2, 2, 2), {2, 32, 8, 8}, "RuntimeError: pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1", 1},
    {"maxpool zero stride", MaxPool(2, 0), {2, 32, 8, 8}, "RuntimeError: stride should not be zero", 1},
    {"maxpool zero kernel (stride defaults to it)", MaxPool(0), {2, 32, 8, 8}, "RuntimeError: stride should not be zero", 1},
    {"maxpool negative pad", MaxPool(2, 2, -1), {2, 32, 8, 8}, "RuntimeError: pad must be non-negative, but got pad: -1", 1},
    {"maxpool zero dilation", MaxPool(2, 2, 0, 0), {2, 32, 8, 8}, "RuntimeError: dilation should be greater than zero, but got dilationH: 0 dilationW: 0", 1},
    {"maxpool negative kernel", MaxPool(-1), {2, 1, 8, 8}, "RuntimeError: kernel size should be greater than zero, but got kH: -1 kW: -1", 1},
    {"maxpool negative stride", MaxPool(2, -1), {2, 1, 8, 8}, "RuntimeError: stride should be greater than zero, but got dH: -1 dW: -1", 1},
    {"maxpool rank 2", MaxPool(2), {2, 784}, "RuntimeError: non-empty 3D or 4D (batch mode) tensor expected for input", 1},
    {"maxpool zero channels", MaxPool(2), {2, 0, 4, 4}, "RuntimeError: Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[2, 0, 4, 4]", 1},
    {"maxpool empty batch", MaxPool(2), {0, 2, 4, 4}, "[0, 2, 2, 2]", 1},
    {"maxpool ceil_mode rounds up", MaxPool(2, 2, 0, 1, 1), {2, 3, 5, 5}, "[2, 3, 3, 3]", 1},
    {"maxpool ceil_mode with padding", MaxPool(3, 2, 1, 1, 1), {2, 3, 6, 6}, "[2, 3, 4, 4]", 1},
    {"maxpool ceil_mode last window must start inside", MaxPool(2, 2, 1, 1, 1), {1, 1, 5, 5}, "[1, 1, 3, 3]", 1},
    {"maxpool dilated", MaxPool(2, 2, 0, 2), {1, 1, 7, 7}, "[1, 1, 3, 3]", 1},
    {"maxpool rectangular", Pool(CNNC_MAXPOOL2D, 2, 3, 1, 2, 0, 0), {1, 1, 5, 9}, "[1, 1, 4, 4]", 1},
    // AvgPool2d
    {"avgpool output too small", AvgPool(2), {2, 32, 1, 1}, "RuntimeError: Given input size: (32x1x1). Calculated output size: (32x0x0). Output size is too small", 1},
    // Seen on torch 2.11.0 (2026-11-26): within the effective kernel, but over half the kernel itself.
    {"maxpool dilated pad over half kernel (2.x)", MaxPool(3, 3, 2, 2), {2, 1, 28, 28}, "RuntimeError: pad should be smaller than or equal to half of kernel size, but got padW = 2, padH = 2, kW = 3, kH = 3", 1},
    {"avgpool pad over half kernel (2.x)", AvgPool(2, 2, 2), {2, 32, 8, 8}, "RuntimeError: pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1", 1},
    {"avgpool zero stride", AvgPool(2, 0), {2, 32, 8, 8}, "RuntimeError: stride should not be zero", 1},
    {"avgpool negative pad", AvgPool(2, 2, -1), {2, 32, 8, 8}, "RuntimeError: pad must be non-negative, but got pad: -1", 1},
    {"avgpool rank 2 reads size(-3)", AvgPool(2), {2, 784}, "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got -3)", 1},
    {"avgpool rank 0", AvgPool(2), {}, "IndexError: Dimension specified as -3 but tensor has no dimensions", 1},
    {"avgpool rank 5", AvgPool(2), {2, 1, 1, 8, 8}, "RuntimeError: Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[2, 1, 1, 8, 8]", 1},
    {"avgpool ceil_mode with padding", AvgPool(3, 2, 1, 1), {1, 2, 6, 6}, "[1, 2, 4, 4]", 1},
    // BatchNorm2d
    {"batchnorm feature count", BN(32), {2, 16, 4, 4}, "RuntimeError: running_mean should contain 16 elements not 32", 1},
    {"batchnorm feature count in eval", BN(32), {2, 16, 4, 4}, "RuntimeError: running_mean should contain 16 elements not 32", 0},
    {"batchnorm without running stats checks weight", BN(32, 1, 0), {2, 16, 4, 4}, "RuntimeError: weight should contain 16 elements not 32", 1},
    {"batchnorm with nothing to check", BN(32, 0, 0), {2, 16, 4, 4}, "[2, 16, 4, 4]", 1},
    {"batchnorm rank 2", BN(16), {2, 16}, "ValueError: expected 4D input (got 2D input)", 1},
    {"batchnorm rank 3", BN(16), {16, 4, 4}, "ValueError: expected 4D input (got 3D input)", 1},
    {"batchnorm one value per channel in training", BN(16), {1, 16, 1, 1}, "ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, 16, 1, 1])", 1},
    {"batchnorm one value per channel in eval is fine", BN(16), {1, 16, 1, 1}, "[1, 16, 1, 1]", 0},
    {"batchnorm empty input skips the feature check", BN(32), {0, 16, 4, 4}, "[0, 16, 4, 4]", 1},
    // Flatten
    {"flatten start out of range", Flatten(2), {2, 784}, "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)", 1},
    {"flatten negative start out of range", Flatten(-3), {2, 784}, "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got -3)", 1},
    {"flatten start after end", Flatten(2, 1), {2, 3, 4, 5}, "RuntimeError: flatten() has invalid args: start_dim cannot come after end_dim", 1},
    {"flatten start after end, negative", Flatten(-1, 1), {2, 3, 4, 5}, "RuntimeError: flatten() has invalid args: start_dim cannot come after end_dim", 1},
    {"flatten 1-D", Flatten(), {7}, "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)", 1},
    {"flatten 0-D wraps like 1-D", Flatten(), {}, "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)", 1},
    {"flatten unbatched gives [C, H*W]", Flatten(), {32, 7, 7}, "[32, 49]", 1},
    {"flatten default", Flatten(), {2, 32, 7, 7}, "[2, 1568]", 1},
    {"flatten middle dims", Flatten(1, 2), {2, 3, 4, 5}, "[2, 12, 5]", 1},
    // absurd shapes
    {"negative input dim", ReLU(), {-1, 1, 28, 28}, "RuntimeError: Trying to create tensor with negative dimension -1: [-1, 1, 28, 28]", 1},
    {"absurd numel is refused", ReLU(), {1 << 30, 1 << 30, 1 << 30}, "RuntimeError: tensor of shape [1073741824, 1073741824, 1073741824] is too large: cnnc supports at most 2^56 elements per tensor", 1},
    {"conv output overflow is refused", Conv(1, 1 << 30, 1), {1 << 20, 1, 1 << 10, 1}, "RuntimeError: tensor of shape [1048576, 1073741824, 1024, 1] is too large: cnnc supports at most 2^56 elements per tensor", 1},
};

class ShapeRow : public ::testing::TestWithParam<Row> {};

TEST_P(ShapeRow, GivesPyTorchsMessageOrOutputShape) {
    const Row &r = GetParam();
    TestModel t({r.layer}, {"layer"});
    cnnc_shape in = S(r.input), out;
    cnnc_layer_shape ls;
    cnnc_error err;
    cnnc_status st = cnnc_shape_pass_mode(&t.m, &in, r.train, &ls, &out, &err);
    if (r.expect[0] == '[') {
        ASSERT_EQ(st, CNNC_OK) << r.what << ": " << line(err);
        EXPECT_EQ(fmt(out), r.expect) << r.what;
        EXPECT_EQ(fmt(ls.out), r.expect);
        EXPECT_EQ(ls.out_numel, cnnc_shape_numel(&out));
    } else {
        ASSERT_EQ(st, CNNC_ERR_SHAPE) << r.what << " gave " << fmt(out);
        EXPECT_EQ(line(err), r.expect) << r.what;
        // rows on a bare ReLU fail on the input itself, before any layer
        EXPECT_EQ(err.layer_index, r.layer.kind == CNNC_RELU ? -1 : 0);
    }
}

INSTANTIATE_TEST_SUITE_P(PyTorchTable, ShapeRow, ::testing::ValuesIn(kRows),
                         [](const ::testing::TestParamInfo<Row> &i) { return "row" + std::to_string(i.index); });

TEST(ShapePass, SeedNetGivesLogitsAndGeometry) {
    TestModel t = Seed();
    cnnc_shape in = S({2, 1, 28, 28}), out;
    cnnc_layer_shape ls[8];
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_pass(&t.m, &in, ls, &out, &err), CNNC_OK) << line(err);
    EXPECT_EQ(fmt(out), "[2, 10]");
    EXPECT_EQ(fmt(ls[2].out), "[2, 16, 14, 14]");
    EXPECT_EQ(fmt(ls[6].out), "[2, 1568]");
    const cnnc_conv_geom &g = ls[3].g.conv;
    EXPECT_EQ(g.N, 2); EXPECT_EQ(g.C, 16); EXPECT_EQ(g.H, 14); EXPECT_EQ(g.OC, 32); EXPECT_EQ(g.OH, 14);
    EXPECT_EQ(g.KH, 5); EXPECT_EQ(g.PH, 2); EXPECT_EQ(g.SH, 1); EXPECT_EQ(g.groups, 1);
    EXPECT_EQ(ls[5].g.pool.OH, 7); EXPECT_EQ(ls[5].g.pool.KH, 2); EXPECT_EQ(ls[5].g.pool.SH, 2);
    EXPECT_EQ(ls[7].g.linear.M, 2); EXPECT_EQ(ls[7].g.linear.K, 1568); EXPECT_EQ(ls[7].g.linear.N, 10);
    EXPECT_EQ(ls[7].out_numel, 20);
}

TEST(ShapePass, SamePaddingUsesPyTorchsLeftPad) {
    TestModel t({ConvSame(1, 2, 4, 3)});   // total = 3*(4-1) = 9, left = 4
    cnnc_shape in = S({1, 1, 10, 10});
    cnnc_layer_shape ls;
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_pass(&t.m, &in, &ls, nullptr, &err), CNNC_OK);
    EXPECT_EQ(ls.g.conv.PH, 4);
    EXPECT_EQ(ls.g.conv.PW, 4);
    EXPECT_EQ(ls.g.conv.OH, 10);
}

TEST(ShapePass, UnbatchedInputRunsAsBatchOfOneAndFlattenGivesCByHW) {
    TestModel t = Seed();
    cnnc_shape in = S({1, 28, 28}), out;
    cnnc_layer_shape ls[8];
    cnnc_error err;
    // Flatten() on [32, 7, 7] gives [32, 49]; Linear then folds: PyTorch says so too.
    ASSERT_EQ(cnnc_shape_pass(&t.m, &in, ls, &out, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(line(err), "RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x49 and 1568x10)");
    EXPECT_EQ(ls[0].unbatched, 1);
    EXPECT_EQ(ls[0].g.conv.N, 1);
    EXPECT_EQ(fmt(ls[5].out), "[32, 7, 7]");
}

TEST(ShapePass, LinearMismatchCarriesLocationTrailHintAndFix) {
    TestModel t = Seed(1050);
    cnnc_shape in = S({2, 1, 28, 28});
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(line(err), "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)");
    EXPECT_STREQ(err.layer, "out (Linear)");
    EXPECT_STREQ(err.file, "models/x.cnn");
    EXPECT_EQ(err.line, 9);
    EXPECT_EQ(err.layer_index, 7);
    EXPECT_STREQ(err.trail, "flatten of [2, 32, 7, 7] = 32*7*7 = 1568 features (flatten (Flatten))");
    EXPECT_STREQ(err.hint, "set in_features=1568: out = nn.Linear(1568, 10)");
    EXPECT_EQ(err.fix.field, CNNC_FIX_IN_FEATURES);
    EXPECT_EQ(err.fix.layer_index, 7);
    EXPECT_EQ(err.fix.value, 1568);
    EXPECT_EQ(cnnc_fix_apply(&t.m, &err.fix), 1);
    EXPECT_EQ(cnnc_fix_apply(&t.m, &err.fix), 0);  // already applied
    EXPECT_EQ(cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err), CNNC_OK);
}

TEST(ShapePass, ForgottenFlattenHintsAtFlattenNotAtInFeatures) {
    TestModel t({Conv(1, 32, 3, 1, 1), Linear(1568, 10)}, {"conv", "out"});
    cnnc_shape in = S({2, 1, 7, 7});
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(line(err), "RuntimeError: mat1 and mat2 shapes cannot be multiplied (448x7 and 1568x10)");
    EXPECT_NE(std::string(err.hint).find("add nn.Flatten() before out"), std::string::npos) << err.hint;
    EXPECT_EQ(err.fix.field, CNNC_FIX_NONE);
    EXPECT_NE(std::string(err.trail).find("conv (Conv2d) made [2, 32, 7, 7] from [2, 1, 7, 7]"), std::string::npos) << err.trail;
}

TEST(ShapePass, ConvChannelMismatchOffersInChannelsFix) {
    TestModel t({Conv(1, 16, 5, 1, 2), Conv(8, 32, 5, 1, 2)}, {"c1", "c2"});
    cnnc_shape in = S({2, 1, 14, 14});
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(err.fix.field, CNNC_FIX_IN_CHANNELS);
    EXPECT_EQ(err.fix.value, 16);
    EXPECT_EQ(std::string(err.hint).rfind("set in_channels=16: c2 = nn.Conv2d(16, 32", 0), 0u) << err.hint;
    ASSERT_EQ(cnnc_fix_apply(&t.m, &err.fix), 1);
    EXPECT_EQ(cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err), CNNC_OK);
}

TEST(ShapePass, BatchNormFeatureMismatchOffersNumFeaturesFix) {
    TestModel t({Conv(1, 16, 3), BN(32)}, {"c", "bn"});
    cnnc_shape in = S({2, 1, 8, 8});
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(line(err), "RuntimeError: running_mean should contain 16 elements not 32");
    EXPECT_EQ(err.fix.field, CNNC_FIX_NUM_FEATURES);
    EXPECT_EQ(err.fix.value, 16);
    EXPECT_STREQ(err.hint, "set num_features=16: bn = nn.BatchNorm2d(16)");
}

TEST(ShapePass, TooSmallInputHintsTheSmallestSquareThatGetsThrough) {
    TestModel t = Seed();
    cnnc_shape in = S({2, 1, 3, 3});
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(line(err), "RuntimeError: Given input size: (32x1x1). Calculated output size: (32x0x0). Output size is too small");
    EXPECT_STREQ(err.layer, "conv2.2 (MaxPool2d)");
    EXPECT_STREQ(err.hint, "input must be at least 4x4");
    EXPECT_EQ(err.fix.field, CNNC_FIX_INPUT_HW);
    EXPECT_EQ(err.fix.value, 4);
    EXPECT_EQ(cnnc_fix_apply(&t.m, &err.fix), 0);  // not a model edit

    TestModel k({Conv(1, 4, 5)}, {"c"});
    cnnc_shape small = S({1, 1, 2, 3});
    ASSERT_EQ(cnnc_shape_pass(&k.m, &small, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_STREQ(err.hint, "input must be at least 5x5");
}

TEST(ShapePass, TrainingOnlyBatchNormCheckFollowsMode) {
    TestModel t({BN(4)}, {"bn"});
    cnnc_shape in = S({1, 4, 1, 1});
    cnnc_error err;
    EXPECT_EQ(cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(cnnc_shape_pass_mode(&t.m, &in, 0, nullptr, nullptr, &err), CNNC_OK);
}

TEST(ShapeFormat, ParsesAndPrintsLikeTorchSize) {
    cnnc_shape s;
    cnnc_error err;
    ASSERT_EQ(cnnc_shape_parse("2x1x28x28", &s, &err), CNNC_OK);
    EXPECT_EQ(fmt(s), "[2, 1, 28, 28]");
    ASSERT_EQ(cnnc_shape_parse("1x28x28", &s, &err), CNNC_OK);
    EXPECT_EQ(s.ndim, 3);
    EXPECT_EQ(cnnc_shape_parse("2xx3", &s, &err), CNNC_ERR_USAGE);
    EXPECT_EQ(cnnc_shape_parse("", &s, &err), CNNC_ERR_USAGE);
    EXPECT_EQ(cnnc_shape_parse("-1x3", &s, &err), CNNC_ERR_USAGE);
    EXPECT_EQ(cnnc_shape_parse("99999999999999999999x3", &s, &err), CNNC_ERR_USAGE);
    EXPECT_EQ(cnnc_shape_parse("1x2x3x4x5x6x7x8x9", &s, &err), CNNC_ERR_USAGE);
    cnnc_shape big = S({INT64_MAX, 2});
    EXPECT_EQ(cnnc_shape_numel(&big), -1);
    cnnc_shape e = S({});
    EXPECT_EQ(fmt(e), "[]");
    EXPECT_EQ(cnnc_shape_numel(&e), 1);
}

// torchsummary 1.5.1 (sksq96/pytorch-summary) output for the equivalent
// nn.Sequential, produced with torch 1.13 by the library's own code.
TEST(Summary, SeedNetMatchesTorchsummaryLineForLine) {
    TestModel t = Seed();
    cnnc_shape sample = S({1, 28, 28});
    cnnc_error err;
    char *s = cnnc_summary(&t.m, &sample, 0, &err);
    ASSERT_NE(s, nullptr) << line(err);
    EXPECT_EQ(std::string(s),
              "----------------------------------------------------------------\n"
              "        Layer (type)               Output Shape         Param #\n"
              "================================================================\n"
              "            Conv2d-1           [-1, 16, 28, 28]             416\n"
              "              ReLU-2           [-1, 16, 28, 28]               0\n"
              "         MaxPool2d-3           [-1, 16, 14, 14]               0\n"
              "            Conv2d-4           [-1, 32, 14, 14]          12,832\n"
              "              ReLU-5           [-1, 32, 14, 14]               0\n"
              "         MaxPool2d-6             [-1, 32, 7, 7]               0\n"
              "           Flatten-7                 [-1, 1568]               0\n"
              "            Linear-8                   [-1, 10]          15,690\n"
              "================================================================\n"
              "Total params: 28,938\n"
              "Trainable params: 28,938\n"
              "Non-trainable params: 0\n"
              "----------------------------------------------------------------\n"
              "Input size (MB): 0.00\n"
              "Forward/backward pass size (MB): 0.34\n"
              "Params size (MB): 0.11\n"
              "Estimated Total Size (MB): 0.45\n"
              "----------------------------------------------------------------\n"
              "\n");
    std::free(s);
}

TEST(Summary, BatchNormCountsAffineOnlyAndLargeNumbersGetSeparators) {
    cnnc_layer c = Conv(3, 64, 3, 1, 1);
    c.p.conv.bias = 0;
    TestModel t({c, BN(64), ReLU(), MaxPool(2), Dropout(), Flatten(), Linear(64 * 112 * 112, 1000)});
    cnnc_shape sample = S({3, 224, 224});
    cnnc_error err;
    char *s = cnnc_summary(&t.m, &sample, 1, &err);
    ASSERT_NE(s, nullptr) << line(err);
    std::string out(s);
    std::free(s);
    const char *expect =
        "----------------------------------------------------------------\n"
        "        Layer (type)               Output Shape         Param #\n"
        "================================================================\n"
        "            Conv2d-1         [-1, 64, 224, 224]           1,728\n"
        "       BatchNorm2d-2         [-1, 64, 224, 224]             128\n"
        "              ReLU-3         [-1, 64, 224, 224]               0\n"
        "         MaxPool2d-4         [-1, 64, 112, 112]               0\n"
        "           Dropout-5         [-1, 64, 112, 112]               0\n"
        "           Flatten-6               [-1, 802816]               0\n"
        "            Linear-7                 [-1, 1000]     802,817,000\n"
        "================================================================\n"
        "Total params: 802,818,856\n"
        "Trainable params: 802,818,856\n"
        "Non-trainable params: 0\n"
        "----------------------------------------------------------------\n"
        "Input size (MB): 0.57\n"
        "Forward/backward pass size (MB): 91.88\n"
        "Params size (MB): 3062.51\n"
        "Estimated Total Size (MB): 3154.97\n"
        "----------------------------------------------------------------\n"
        "\n";
    ASSERT_EQ(out.substr(0, std::strlen(expect)), expect);
    // the optional second table: weight shapes and per-sample MACs
    EXPECT_NE(out.find("            Conv2d-1              [64, 3, 3, 3]      86,704,128\n"), std::string::npos) << out;
    EXPECT_NE(out.find("            Linear-7             [1000, 802816]     802,816,000\n"), std::string::npos) << out;
}

TEST(Summary, ShapeErrorReturnsNullWithTheError) {
    TestModel t = Seed(1050);
    cnnc_shape sample = S({1, 28, 28});
    cnnc_error err;
    EXPECT_EQ(cnnc_summary(&t.m, &sample, 0, &err), nullptr);
    EXPECT_EQ(line(err), "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)");
}

// ---- randomized: the pass equals an independent composition of the formulas ----

int64_t floordiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

int64_t ref_pool(int64_t in, int64_t k, int64_t s, int64_t p, int64_t d, bool ceil) {
    int64_t num = in + 2 * p - d * (k - 1) - 1;
    int64_t o = (ceil ? -floordiv(-num, s) : floordiv(num, s)) + 1;
    if (ceil && (o - 1) * s >= in + p) o -= 1;
    return o;
}

TEST(ShapeRandom, ValidStacksMatchTheComposedFormulasAndFixesMoveTheErrorOn) {
    std::mt19937_64 rng(20240611);
    auto U = [&](int64_t lo, int64_t hi) { return (int64_t)(rng() % (uint64_t)(hi - lo + 1)) + lo; };
    int valid = 0, fixed = 0;
    for (int iter = 0; iter < 3000; iter++) {
        int64_t N = U(1, 4), C = U(1, 4), H = U(1, 40), W = U(1, 40);
        std::vector<cnnc_layer> ls;
        int64_t c = C, h = H, w = W;
        bool ok = true;  // expected validity, computed independently
        int n = (int)U(1, 5);
        for (int i = 0; i < n; i++) {
            int kind = (int)U(0, 3);
            if (kind == 0) {
                int64_t oc = U(1, 6), k = U(1, 5), s = U(1, 3), d = U(1, 2);
                bool same = U(0, 3) == 0;
                int64_t p = same ? 0 : U(0, 2);
                int64_t ic = U(0, 4) == 0 ? U(1, 6) : c;  // sometimes wrong on purpose
                cnnc_layer L = same ? ConvSame(ic, oc, k, d) : Conv(ic, oc, k, s, p, d);
                ls.push_back(L);
                if (!ok) continue;
                if (ic != c) { ok = false; continue; }
                int64_t ek = d * (k - 1) + 1;
                int64_t hp = same ? h + d * (k - 1) : h + 2 * p, wp = same ? w + d * (k - 1) : w + 2 * p;
                if (hp < ek || wp < ek) { ok = false; continue; }
                int64_t st = same ? 1 : s;
                h = (hp - ek) / st + 1; w = (wp - ek) / st + 1; c = oc;
            } else if (kind == 1) {
                // Padding valid for both of PyTorch's pool checks: pad <= k/2 (pool2d_shape_check) also
                // satisfies pad <= effective kernel/2 (pooling_output_shape).
                int64_t k = U(1, 4), s = U(1, 3), d = U(1, 2), p = U(0, k / 2);
                bool ceil = U(0, 1);
                bool avg = U(0, 2) == 0;
                if (avg) d = 1, p = U(0, k / 2);
                ls.push_back(avg ? AvgPool(k, s, p, ceil) : MaxPool(k, s, p, d, ceil));
                if (!ok) continue;
                int64_t oh = ref_pool(h, k, s, p, d, ceil), ow = ref_pool(w, k, s, p, d, ceil);
                if (oh < 1 || ow < 1) { ok = false; continue; }
                h = oh; w = ow;
            } else if (kind == 2) {
                int64_t nf = U(0, 4) == 0 ? U(1, 6) : c;
                ls.push_back(BN(nf));
                if (ok && (nf != c || N * h * w == 1)) ok = false;
            } else {
                ls.push_back(ReLU());
            }
        }
        ls.push_back(Flatten());
        int64_t feat = U(0, 3) == 0 ? U(1, 100) : c * h * w;
        ls.push_back(Linear(feat, 3));
        if (ok && feat != c * h * w) ok = false;
        TestModel t(ls);
        cnnc_shape in = S({N, C, H, W}), out;
        std::vector<cnnc_layer_shape> shapes(ls.size());
        cnnc_error err;
        cnnc_status st = cnnc_shape_pass(&t.m, &in, shapes.data(), &out, &err);
        ASSERT_EQ(st == CNNC_OK, ok) << "iter " << iter << ": " << line(err);
        if (ok) {
            valid++;
            ASSERT_EQ(fmt(out), "[" + std::to_string(N) + ", 3]");
            ASSERT_EQ(fmt(shapes[ls.size() - 2].out), "[" + std::to_string(N) + ", " + std::to_string(c * h * w) + "]");
            continue;
        }
        // Apply offered model fixes until valid or none is offered: each fix
        // must move the error past the layer it edited.
        for (int round = 0; round < 32 && st == CNNC_ERR_SHAPE && err.fix.field != CNNC_FIX_NONE &&
                            err.fix.field != CNNC_FIX_INPUT_HW; round++) {
            int32_t at = err.layer_index;
            std::string was = line(err);
            ASSERT_EQ(cnnc_fix_apply(&t.m, &err.fix), 1);
            st = cnnc_shape_pass(&t.m, &in, nullptr, nullptr, &err);
            if (st == CNNC_ERR_SHAPE) {  // the next error is later, or a different check of the same layer
                ASSERT_GE(err.layer_index, at) << line(err);
                if (err.layer_index == at) { ASSERT_NE(line(err), was); }
            }
            if (st == CNNC_OK) fixed++;
        }
        if (st == CNNC_ERR_SHAPE && err.fix.field == CNNC_FIX_INPUT_HW) {
            cnnc_shape bigger = in;
            bigger.d[2] = bigger.d[3] = err.fix.value;
            int32_t at = err.layer_index;
            std::string before = line(err) + " | " + err.hint;
            cnnc_status st2 = cnnc_shape_pass(&t.m, &bigger, nullptr, nullptr, &err);
            if (st2 == CNNC_ERR_SHAPE) {
                ASSERT_GT(err.layer_index, at) << before << " -> " << fmt(bigger) << ": " << line(err);
            }
        }
    }
    EXPECT_GT(valid, 300);
    EXPECT_GT(fixed, 100);
}

}  // namespace
