// oracle_test.cpp — cnnc's shape pass and summary against PyTorch as the oracle.
//
// Shapes: every tests/shapes/*.cnn model is run in PyTorch by
// tests/python/shape_oracle.py (train mode, input from the file's `# input:` line),
// which prints the output size `[2, 10]` or the exception line Python prints
// (torch 1.13 texts rewritten to 2.x's where they differ; see the script).
// `cnnc check FILE --input SHAPE` must agree: exit 0 with that list as the last
// shape list on stdout, or exit 1 with that exception line first on stdout or stderr.
//
// Summary: tests/python/torchsummary_ref.py prints torchsummary.summary()'s table
// for the PyTorch module; `cnnc summary MODEL --input CxHxW` must print the same
// lines (trailing blank lines aside).
#include <gtest/gtest.h>

#include "test_paths.h"
#include "test_run.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {



// Skips while the CLI does not know COMMAND yet (a cheap probe: the C binary, no Python).
#define REQUIRE_CLI(command)                                                                        \
    do {                                                                                            \
        WorkDir probe_dir_("probe");                                                                \
        RunResult probe_ = run(quote(cnnc_exe()) + " " + (command), probe_dir_);                     \
        if (cli_lacks(probe_)) GTEST_FAIL() << "`cnnc " << (command) << "` is not in the CLI yet: " << probe_.err; \
    } while (0)

#define REQUIRE_TORCH()                                    \
    do {                                                   \
        std::string why_;                                  \
        if (!torch_available(&why_)) GTEST_FAIL() << why_; \
    } while (0)

std::string source(const char *rel) { return source_path(rel); }

bool cli_lacks(const RunResult &r) {
    return r.rc == 2 && r.err.find("unknown command") != std::string::npos;
}

std::vector<std::string> lines_of(const std::string &text) {
    std::vector<std::string> v;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    while (!v.empty() && v.back().empty()) v.pop_back();
    return v;
}

std::string first_line(const std::string &text) {
    auto v = lines_of(text);
    return v.empty() ? "" : v.front();
}

// The last "[2, 10]"-style list in `text` (how torch.Size prints as a list).
std::string last_shape_list(const std::string &text) {
    static const std::regex list(R"(\[-?\d+(, -?\d+)*\])");
    std::string last;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), list); it != std::sregex_iterator(); ++it)
        last = it->str();
    return last;
}

struct OracleRow {
    std::string file, input, result;
};

// One interpreter for the whole corpus: shape_oracle.py --tsv.
std::vector<OracleRow> oracle_rows(const std::vector<fs::path> &files, const fs::path &dir, std::string *err) {
    std::string cmd = python_exe() + " " + script("shape_oracle.py") + " --tsv";
    for (const auto &f : files) cmd += " " + quote(f.string());
    RunResult r = run(cmd, dir);
    std::vector<OracleRow> rows;
    if (r.rc != 0) { *err = "shape_oracle.py failed: " + r.out + r.err; return rows; }
    for (const auto &l : lines_of(r.out)) {
        size_t a = l.find('\t'), b = l.find('\t', a + 1);
        if (a == std::string::npos || b == std::string::npos) { *err = "bad oracle line: " + l; return {}; }
        rows.push_back({l.substr(0, a), l.substr(a + 1, b - a - 1), l.substr(b + 1)});
    }
    return rows;
}

std::vector<fs::path> corpus() {
    std::vector<fs::path> files;
    for (const auto &e : fs::directory_iterator(fs::path(source_path("tests/shapes"))))
        if (e.path().extension() == ".cnn") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// ---- the oracle checks itself (runs with torch alone) ----

TEST(ShapeOracle, CorpusHasThirtyModelsAndEveryOneHasAnAnswerValidForPyTorch2) {
    REQUIRE_TORCH();
    auto files = corpus();
    ASSERT_GE(files.size(), 30u);
    std::string err;
    auto rows = oracle_rows(files, WorkDir("oracle_corpus"), &err);
    ASSERT_EQ(rows.size(), files.size()) << err;
    int valid = 0, errors = 0;
    for (const auto &r : rows) {
        EXPECT_EQ(r.result.rfind("UNSUPPORTED", 0), std::string::npos) << r.file << ": " << r.result;
        if (r.result.rfind("[", 0) == 0) valid++;
        else errors++;
    }
    EXPECT_GE(valid, 10);
    EXPECT_GE(errors, 20);
}

TEST(ShapeOracle, ReportsTheSeedNetsLinearMismatchInPyTorchsWords) {
    REQUIRE_TORCH();
    WorkDir dir("oracle_seed");
    RunResult r = run(python_exe() + " " + script("shape_oracle.py") + " " +
                          quote(source("tests/shapes/linear_mismatch_after_flatten.cnn")),
                      dir);
    ASSERT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(first_line(r.out), "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)");
}

TEST(ShapeOracle, RewritesTorch113PoolPaddingTextToWhatPyTorch2Says) {
    REQUIRE_TORCH();
    WorkDir dir("oracle_rewrite");
    std::ofstream(dir / "pad.cnn") << "# input: 2x1x28x28\npool = MaxPool2d(2, padding=2)\n";
    std::ofstream(dir / "dilated.cnn") << "# input: 2x1x28x28\npool = MaxPool2d(3, padding=2, dilation=2)\n";
    RunResult r = run(python_exe() + " " + script("shape_oracle.py") + " " + quote((dir / "pad.cnn").string()), dir);
    EXPECT_EQ(first_line(r.out),
              "RuntimeError: pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1");
    // torch 1.13 rejects pad 2 > 3/2 in pooling_output_shape; 2.x passes that check (2 <= effective
    // kernel 5 / 2) and then fails pool2d_shape_check's rule on the kernel itself (torch 2.11.0, H200 run).
    r = run(python_exe() + " " + script("shape_oracle.py") + " " + quote((dir / "dilated.cnn").string()), dir);
    EXPECT_EQ(first_line(r.out),
              "RuntimeError: pad should be smaller than or equal to half of kernel size, but got padW = 2, padH = 2, "
              "kW = 3, kH = 3");
}

// ---- cnnc check against the oracle ----

TEST(ShapeOracle, CnncCheckAgreesWithPyTorchOnEveryCorpusModel) {
    REQUIRE_TORCH();
    REQUIRE_CLI("check");
    auto files = corpus();
    std::string err;
    WorkDir dir("check");
    auto rows = oracle_rows(files, dir, &err);
    ASSERT_EQ(rows.size(), files.size()) << err;
    int compared = 0;
    for (const auto &row : rows) {
        SCOPED_TRACE(row.file);
        std::string cmd = quote(cnnc_exe()) + " check " + quote(row.file) + " --input " + row.input;
        RunResult r = run(cmd, dir);
        if (cli_lacks(r)) GTEST_FAIL() << "`cnnc check` is not in the CLI yet: " << r.err;
        compared++;
        if (row.result.rfind("[", 0) == 0) {
            EXPECT_EQ(r.rc, 0) << cmd << "\nPyTorch gives " << row.result << "\n" << r.out << r.err;
            EXPECT_EQ(last_shape_list(r.out), row.result) << cmd << "\nstdout:\n" << r.out;
        } else {
            EXPECT_EQ(r.rc, 1) << cmd << "\nPyTorch raises " << row.result << "\n" << r.out << r.err;
            std::string o = first_line(r.out), e = first_line(r.err);
            EXPECT_TRUE(o == row.result || e == row.result)
                << cmd << "\nPyTorch: " << row.result << "\ncnnc stdout: " << o << "\ncnnc stderr: " << e;
        }
    }
    EXPECT_EQ(compared, static_cast<int>(rows.size()));
}

// ---- summary ----

TEST(SummaryOracle, TorchsummaryReferenceGivesTheSeedNetsKnownTotals) {
    REQUIRE_TORCH();
    WorkDir dir("summary_ref");
    RunResult r = run(python_exe() + " " + script("torchsummary_ref.py") + " " +
                          quote(source("tests/shapes/valid_seed_net.cnn")) + " --input 1x28x28",
                      dir);
    ASSERT_EQ(r.rc, 0) << r.err;
    auto v = lines_of(r.out);
    ASSERT_EQ(v.size(), 21u) << r.out;
    EXPECT_EQ(v[1], "        Layer (type)               Output Shape         Param #");
    EXPECT_EQ(v[3], "            Conv2d-1           [-1, 16, 28, 28]             416");
    EXPECT_EQ(v[10], "            Linear-8                   [-1, 10]          15,690");
    EXPECT_EQ(v[12], "Total params: 28,938");
    EXPECT_EQ(v[17], "Forward/backward pass size (MB): 0.34");
    EXPECT_EQ(v[19], "Estimated Total Size (MB): 0.45");
}

void expect_summary_matches(const char *model) {
    REQUIRE_TORCH();
    REQUIRE_CLI("summary");
    WorkDir dir(std::string("summary_") + fs::path(model).stem().string());
    RunResult ref = run(python_exe() + " " + script("torchsummary_ref.py") + " " + quote(source(model)) +
                            " --input 1x28x28",
                        dir);
    ASSERT_EQ(ref.rc, 0) << ref.err;
    std::string cmd = quote(cnnc_exe()) + " summary " + quote(source(model)) + " --input 1x28x28";
    RunResult r = run(cmd, dir);
    if (cli_lacks(r)) GTEST_FAIL() << "`cnnc summary` is not in the CLI yet: " << r.err;
    ASSERT_EQ(r.rc, 0) << cmd << "\n" << r.out << r.err;
    auto want = lines_of(ref.out), got = lines_of(r.out);
    for (size_t i = 0; i < std::max(want.size(), got.size()); i++) {
        std::string w = i < want.size() ? want[i] : "<none>", g = i < got.size() ? got[i] : "<none>";
        EXPECT_EQ(g, w) << "line " << i + 1 << " of " << cmd << "\n--- torchsummary:\n" << ref.out << "--- cnnc:\n" << r.out;
        if (g != w) break;  // one line is enough to see the drift
    }
}

TEST(SummaryOracle, CnncSummaryPrintsTorchsummarysTableForTheSeedNet) { expect_summary_matches("models/mnist_cnn.cnn"); }

TEST(SummaryOracle, CnncSummaryPrintsTorchsummarysTableForEveryLayerKind) {
    expect_summary_matches("models/parity_all.cnn");
}

TEST(SummaryOracle, CnncSummaryPrintsTorchsummarysTableForTheActivationKinds) {
    expect_summary_matches("models/parity_act.cnn");
}

TEST(SummaryOracle, CnncSummaryPrintsTorchsummarysTableForThePoolingUpsamplingAndPaddingLayers) {
    expect_summary_matches("models/parity_pool.cnn");
}

}  // namespace

// `cnnc summary FILE.py` against torchsummary 1.5.1's logic run on the real class:
// the seed tutorial's fixed class, the ResNet in models/, and real corpus classes.
void expect_py_summary_matches(const std::string &file, const std::string &cls, const std::string &args,
                               const std::string &input) {
    REQUIRE_TORCH();
    SCOPED_TRACE(file + " " + cls + "(" + args + ")");
    WorkDir dir("summary_py");
    std::string opts = (cls.empty() ? "" : " --class " + quote(cls)) + (args.empty() ? "" : " --args " + quote(args)) +
                       " --input " + input;
    RunResult ref = run(python_exe() + " " + script("torchsummary_ref.py") + " " + quote(source(file.c_str())) + opts, dir);
    ASSERT_EQ(ref.rc, 0) << ref.out << ref.err;
    RunResult r = run(quote(cnnc_exe()) + " summary " + quote(source(file.c_str())) + opts, dir);
    ASSERT_EQ(r.rc, 0) << r.out << r.err;
    EXPECT_EQ(r.out, ref.out) << "--- torchsummary:\n" << ref.out << "--- cnnc:\n" << r.out;
}

TEST(SummaryOracle, PySourcesPrintTorchsummarysTable) {
    expect_py_summary_matches("tests/pysrc/seed_cnn_fixed.py", "", "", "1x28x28");
    expect_py_summary_matches("models/resnet_fmnist.py", "ResNet", "", "1x28x28");
    expect_py_summary_matches("models/resnet_fmnist.py", "ResNet", "width=32", "1x28x28");   // the wider record net
    expect_py_summary_matches("tests/pysrc/residual_add.py", "", "", "1x28x28");
    const std::string real = "tests/corpus/real/";
    expect_py_summary_matches(real + "aladdinpersson__Machine-Learning-Collection/ML__Pytorch__CNN_architectures__lenet5_pytorch.py",
                              "LeNet", "", "1x32x32");
    expect_py_summary_matches(real + "aladdinpersson__Machine-Learning-Collection/ML__Pytorch__GANs__CycleGAN__generator_model.py",
                              "Generator", "3, num_residuals=9", "3x256x256");
    // a module made inside forward (nn.ReLU(inplace=True)(...)) is not hooked: no row
    expect_py_summary_matches(real + "weiaicunzai__pytorch-cifar100/models__resnet.py", "BasicBlock", "64, 128, stride=2",
                              "64x32x32");
    expect_py_summary_matches(real + "chenyaofo__pytorch-cifar-models/pytorch_cifar_models__vgg.py", "VGG",
                              "make_layers(cfgs['D'], batch_norm=True)", "3x32x32");
    expect_py_summary_matches(real + "akamaster__pytorch_resnet_cifar10/resnet.py", "ResNet", "BasicBlock, [3, 3, 3]", "3x32x32");
    // nn.MultiheadAttention's row: a tuple of two shapes, and no weight attribute to count
    expect_py_summary_matches("tests/pysrc/attention.py", "SelfAttention2d", "", "3x32x32");
}

// A hooked module that returns a tuple holding None (nn.MultiheadAttention with need_weights=False,
// inside TransformerEncoderLayer): torchsummary's hook calls .size() on it and the summary fails.
TEST(SummaryOracle, AHookOnATupleWithNoneFailsAsTorchsummarysDoes) {
    REQUIRE_TORCH();
    WorkDir dir("summary_py_none");
    const std::string f = quote(source("tests/pysrc/attention.py")) + " --class ViT --input 3x32x32";
    RunResult ref = run(python_exe() + " " + script("torchsummary_ref.py") + " " + f, dir);
    EXPECT_EQ(ref.rc, 1);
    EXPECT_EQ(ref.out, "AttributeError: 'NoneType' object has no attribute 'size'\n");
    RunResult r = run(quote(cnnc_exe()) + " summary " + f, dir);
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(lines_of(r.err).at(0) + "\n", ref.out);
    // a row of two shapes of different lengths: numpy's np.prod of them raises
    const std::string g = quote(source("tests/pysrc/attention.py")) + " --class CrossAttention --input 3x32x32";
    ref = run(python_exe() + " " + script("torchsummary_ref.py") + " " + g, dir);
    EXPECT_EQ(ref.rc, 1);
    EXPECT_EQ(ref.out.rfind("ValueError: setting an array element with a sequence.", 0), 0u) << ref.out;
    r = run(quote(cnnc_exe()) + " summary " + g, dir);
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(lines_of(r.err).at(0) + "\n", ref.out);
}

// When forward raises, torchsummary's traceback ends with PyTorch's line: cnnc prints it first.
TEST(SummaryOracle, PySourceWhoseForwardFailsPrintsPyTorchsLine) {
    REQUIRE_TORCH();
    WorkDir dir("summary_py_fail");
    const std::string f = quote(source("tests/pysrc/seed_cnn.py"));
    RunResult ref = run(python_exe() + " " + script("torchsummary_ref.py") + " " + f + " --input 1x28x28", dir);
    EXPECT_EQ(ref.rc, 1);
    RunResult r = run(quote(cnnc_exe()) + " summary " + f + " --input 1x28x28", dir);
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(lines_of(r.err).at(0) + "\n", ref.out);
    EXPECT_EQ(ref.out, "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)\n");
}
