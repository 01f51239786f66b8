// fix_api_test.cpp — `check --fix` as the library call cnnc_fix_text: the
// seed's broken Linear(1050, 10) becomes Linear(1568, 10) in both a model file
// and the tutorial's .py, the rest of the text untouched; what has no fix comes
// back as its own error.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cnnc/cnnc.h"
#include "test_paths.h"

namespace {

std::string read_all(const std::string &p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

struct Fixed {
    cnnc_status st;
    std::string text;
    cnnc_error err;
};

Fixed fix(const std::string &text, const char *path, const cnnc_fix_options &o) {
    Fixed r;
    cnnc_error_clear(&r.err);
    char *out = nullptr;
    size_t n = 0;
    r.st = cnnc_fix_text(text.data(), text.size(), path, &o, &out, &n, &r.err);
    if (out) r.text.assign(out, n);
    std::free(out);
    return r;
}

std::string replace_once(std::string s, const std::string &a, const std::string &b) {
    size_t at = s.find(a);
    if (at != std::string::npos) s.replace(at, a.size(), b);
    return s;
}

TEST(FixApi, TheBrokenSeedModelFileGetsInFeatures1568AndNothingElseChanges) {
    std::string path = source_path("models/mnist_cnn_broken.cnn"), text = read_all(path);
    ASSERT_NE(text.find("out = Linear(1050, 10)"), std::string::npos);
    cnnc_fix_options o = {};
    Fixed r = fix(text, path.c_str(), o);
    ASSERT_EQ(r.st, CNNC_OK) << r.err.message;
    EXPECT_EQ(r.text, replace_once(text, "out = Linear(1050, 10)", "out = Linear(1568, 10)"));
    // The fixed text is a fixed point.
    Fixed again = fix(r.text, path.c_str(), o);
    ASSERT_EQ(again.st, CNNC_OK);
    EXPECT_EQ(again.text, r.text);
}

TEST(FixApi, TheSeedPySourceKeepsItsNnPrefixAndOnlyTheLinearLineChanges) {
    std::string path = source_path("tests/pysrc/seed_cnn.py"), text = read_all(path);
    cnnc_fix_options o = {};
    o.is_py = 1;
    o.class_name = "CNN";
    Fixed r = fix(text, path.c_str(), o);
    ASSERT_EQ(r.st, CNNC_OK) << r.err.message;
    EXPECT_EQ(r.text, replace_once(text, "nn.Linear(1050, 10)", "nn.Linear(1568, 10)"));
}

TEST(FixApi, EveryGivenInputIsCheckedAndATooSmallOneHasNoLayerFix) {
    std::string path = source_path("models/mnist_cnn.cnn"), text = read_all(path);
    cnnc_shape in[2] = {};
    in[0].ndim = 4; in[0].d[0] = 2; in[0].d[1] = 1; in[0].d[2] = 28; in[0].d[3] = 28;
    in[1] = in[0];
    in[1].d[2] = in[1].d[3] = 2;    // the second conv's 5x5 window no longer fits after two pools
    cnnc_fix_options o = {};
    o.inputs = in;
    o.n_inputs = 1;
    Fixed ok = fix(text, path.c_str(), o);
    ASSERT_EQ(ok.st, CNNC_OK) << ok.err.message;
    EXPECT_EQ(ok.text, text);
    o.n_inputs = 2;
    Fixed bad = fix(text, path.c_str(), o);
    EXPECT_EQ(bad.st, CNNC_ERR_SHAPE);
    EXPECT_TRUE(bad.text.empty());
    EXPECT_STREQ(bad.err.type, "RuntimeError");
}

TEST(FixApi, AModelFileWithoutAnInputLineAndNoInputIsAUsageError) {
    cnnc_fix_options o = {};
    Fixed r = fix("flatten = Flatten()\nout = Linear(10, 2)\n", "noinput.cnn", o);
    EXPECT_EQ(r.st, CNNC_ERR_USAGE);
    EXPECT_NE(std::string(r.err.message).find("noinput.cnn has no `input = (C, H, W)`"), std::string::npos)
        << r.err.message;
}

TEST(FixApi, ATextThatDoesNotParseComesBackAsItsSyntaxError) {
    cnnc_fix_options o = {};
    o.is_py = 1;
    Fixed r = fix("class A(nn.Module:\n    pass\n", "bad.py", o);
    EXPECT_EQ(r.st, CNNC_ERR_PARSE);
    EXPECT_STREQ(r.err.type, "SyntaxError");
}

}  // namespace
