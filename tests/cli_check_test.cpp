// cli_check_test.cpp — `cnnc check` and `cnnc summary` as a user runs them:
// exit codes (0 valid, 1 shape error, 2 usage/parse), the first line exactly as
// Python prints PyTorch's exception, --fix round trips and --json.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "test_paths.h"

namespace {

struct CliRun { int code; std::string out, err; };

// Run cnnc with `args` (already shell-quoted), capturing stdout and stderr.
CliRun cnnc(const std::string &args) {
    static int n = 0;
    std::string base = scratch_dir() + "/cli_check_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
    std::string cmd = "cd '" + source_dir() + "' && '" + cnnc_exe() + "' " + args + " >'" + base + ".out' 2>'" + base + ".err'";
    int st = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    auto slurp = [](const std::string &p) { std::ifstream f(p); std::stringstream s; s << f.rdbuf(); return s.str(); };
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    std::remove((base + ".out").c_str());
    std::remove((base + ".err").c_str());
    return r;
}

std::string write_model(const std::string &name, const std::string &text) {
    std::string p = scratch_dir() + "/" + name;
    std::ofstream(p) << text;
    return p;
}

std::string first_line(const std::string &s) { return s.substr(0, s.find('\n')); }

TEST(CliCheck, ValidModelPrintsTheOutputShapeAndExitsZero) {
    CliRun r = cnnc("check models/mnist_cnn.cnn");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "[2, 10]\n");
    r = cnnc("check models/mnist_cnn.cnn --input 64x1x28x28 --input 1x1x28x28");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "[64, 10]\n[1, 10]\n");
}

TEST(CliCheck, BrokenLinearPrintsPythonsLineThenLocationTrailAndHint) {
    CliRun r = cnnc("check models/mnist_cnn_broken.cnn");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)\n"
              "  at models/mnist_cnn_broken.cnn:10: out (Linear)\n"
              "  shape: flatten of [2, 32, 7, 7] = 32*7*7 = 1568 features (flatten (Flatten))\n"
              "  hint: set in_features=1568: out = nn.Linear(1568, 10)\n");
}

TEST(CliCheck, UnbatchedInputFollowsPyTorchAndSaysWhy) {
    CliRun r = cnnc("check models/mnist_cnn.cnn --input 1x28x28");
    EXPECT_EQ(r.code, 1);
    // torch 1.13: seed(torch.zeros(1, 28, 28)) raises exactly this
    EXPECT_EQ(first_line(r.err), "RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x49 and 1568x10)");
    EXPECT_NE(r.err.find("unbatched"), std::string::npos) << r.err;
}

TEST(CliCheck, TooSmallInputHintsTheSmallestSize) {
    CliRun r = cnnc("check models/mnist_cnn.cnn --input 2x1x3x3");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(first_line(r.err),
              "RuntimeError: Given input size: (32x1x1). Calculated output size: (32x0x0). Output size is too small");
    EXPECT_NE(r.err.find("  at models/mnist_cnn.cnn:8: conv2.2 (MaxPool2d)\n"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("  hint: input must be at least 4x4\n"), std::string::npos) << r.err;
}

TEST(CliCheck, FixRepairsTheModelAndItsOutputValidates) {
    CliRun r = cnnc("check models/mnist_cnn_broken.cnn --fix");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\nout = Linear(1568, 10)\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("1050, 10)"), std::string::npos);
    std::string fixed = write_model("cli_fixed.cnn", r.out);
    CliRun again = cnnc("check '" + fixed + "'");
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(again.out, "[2, 10]\n");
}

TEST(CliCheck, FixRepairsSeveralLayersInOnePass) {
    std::string m = write_model("cli_multi.cnn",
                                "input = (3, 16, 16)\n"
                                "body = nn.Sequential(\n"
                                "    nn.Conv2d(1, 8, 3, padding=1),\n"
                                "    nn.BatchNorm2d(4),\n"
                                "    nn.ReLU(),\n"
                                "    nn.Conv2d(5, 8, 3),\n"
                                ")\n"
                                "flat = nn.Flatten()\n"
                                "head = nn.Linear(10, 2)\n");
    CliRun r = cnnc("check '" + m + "' --fix");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("nn.Conv2d(3, 8, kernel_size=3, stride=1, padding=1),\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("nn.BatchNorm2d(8),\n    nn.ReLU(),\n    nn.Conv2d(8, 8, kernel_size=3, stride=1),\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Linear(1568, 2)"), std::string::npos) << r.out;  // 8 * 14 * 14
    std::string fixed = write_model("cli_multi_fixed.cnn", r.out);
    CliRun again = cnnc("check '" + fixed + "'");
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(again.out, "[2, 2]\n");
}

TEST(CliCheck, FixThatNeedsABiggerInputFailsWithExitOne) {
    CliRun r = cnnc("check models/mnist_cnn.cnn --input 2x1x3x3 --fix");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.out, "");
}

TEST(CliCheck, JsonGivesOneObjectPerInput) {
    CliRun r = cnnc("check models/mnist_cnn_broken.cnn --input 2x1x28x28 --json");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.out,
              "{\"file\": \"models/mnist_cnn_broken.cnn\", \"class\": null, \"input\": [2, 1, 28, 28], \"status\": \"shape\", "
              "\"ok\": false, \"type\": \"RuntimeError\", \"message\": \"mat1 and mat2 shapes cannot be multiplied (2x1568 and "
              "1050x10)\", \"at\": \"models/mnist_cnn_broken.cnn\", \"line\": 10, \"col\": 7, \"layer\": \"out\", \"kind\": "
              "\"Linear\", \"trail\": \"flatten of [2, 32, 7, 7] = 32*7*7 = 1568 features (flatten (Flatten))\", \"hint\": "
              "\"set in_features=1568: out = nn.Linear(1568, 10)\", \"fix\": {\"field\": \"in_features\", \"layer\": \"out\", "
              "\"value\": 1568}}\n");
    r = cnnc("check models/mnist_cnn.cnn --input 3x1x28x28 --input 1x28x28 --json");
    EXPECT_EQ(r.code, 1);
    std::string l1 = first_line(r.out);
    EXPECT_EQ(l1, "{\"file\": \"models/mnist_cnn.cnn\", \"class\": null, \"input\": [3, 1, 28, 28], \"status\": \"ok\", "
                  "\"ok\": true, \"output\": [3, 10]}");
    EXPECT_NE(r.out.find("\n{\"file\": \"models/mnist_cnn.cnn\", \"class\": null, \"input\": [1, 28, 28], \"status\": \"shape\", "
                         "\"ok\": false"), std::string::npos) << r.out;
}

// What forward returns when it is not one tensor, as PyTorch returns it (checked
// with torch 1.13 on tests/pysrc/forward_values.py): a tuple of every tensor, and
// None for a forward without `return`; and, with --class, a forward of two inputs
// given one --input gets forward's own TypeError, not the shape copied into both.
TEST(CliCheck, TuplesNoneAndMissingForwardInputsAreWhatPyTorchReturnsOrRaises) {
    const std::string f = "check tests/pysrc/forward_values.py ";
    CliRun r = cnnc(f + "--class VAE --input 2x1x28x28");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "VAE: ([2, 784], [2, 20], [2, 20])\n");
    r = cnnc(f + "--class NoReturn --input 2x3x16x16");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "NoReturn: None\n");
    r = cnnc(f + "--class NoReturn --input 2x3x16x16 --format json");
    EXPECT_EQ(r.out, "{\"file\": \"tests/pysrc/forward_values.py\", \"class\": \"NoReturn\", \"input\": [2, 3, 16, "
                     "16], \"status\": \"ok\", \"ok\": true, \"output\": null, \"outputs\": [], \"result\": \"None\"}\n");
    // a Siamese net's forward(self, input1, input2) (checked with torch 1.13 likewise)
    const std::string siamese = write_model("siamese.py",
        "import torch.nn as nn\n\n\nclass Siamese(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.cnn = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())\n\n"
        "    def forward(self, input1, input2):\n        return self.cnn(input1), self.cnn(input2)\n");
    const std::string g = "check '" + siamese + "' ";
    r = cnnc(g + "--class Siamese --input 2x1x9x9 --input 2x1x9x9 --format json");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\"output\": null, \"outputs\": [[2, 4], [2, 4]], \"result\": \"([2, 4], [2, 4])\"}"),
              std::string::npos)
        << r.out;
    r = cnnc(g + "--class Siamese --input 2x1x9x9");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err.substr(0, r.err.find('\n', r.err.find('\n') + 1)),
              "Siamese:\nTypeError: Siamese.forward() missing 1 required positional argument: 'input2'");
    r = cnnc(g + "--class Siamese --input 2x1x9x9 --input 2x1x9x9 --input 2x1x9x9");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("TypeError: Siamese.forward() takes 3 positional arguments but 4 were given"), std::string::npos)
        << r.err;
    // 'A;B' is one forward(a, b) whatever forward takes: two shapes into a one-input forward are
    // its TypeError (checked with torch 1.13), where two --input flags are two sizes to check
    r = cnnc(g + "--class Siamese --input '2x1x9x9;2x1x12x12'");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "Siamese: ([2, 4], [2, 4])\n");
    r = cnnc(f + "--class VAE --input '2x1x28x28;2x1x28x28'");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("TypeError: VAE.forward() takes 2 positional arguments but 3 were given"), std::string::npos)
        << r.err;
    r = cnnc(f + "--class VAE --input 2x1x28x28 --input 1x1x28x28");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "VAE: ([2, 784], [2, 20], [2, 20])\nVAE: ([1, 784], [1, 20], [1, 20])\n");
    r = cnnc(f + "--class VAE --input '2x1x28x28;'");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--input needs a shape like 2x1x28x28, or shapes joined by ';'"), std::string::npos) << r.err;
}

// spectral_norm, torch.autograd.Function and MaxUnpool2d: check follows them with PyTorch 1.13's
// answers (checked by hand against it); train and convert refuse them, saying why.
TEST(CliCheck, SpectralNormAndAutogradFunctionsAreCheckedButNotTrained) {
    const std::string f = "tests/pysrc/check_only.py";
    struct { const char *cls, *args, *input, *want; } cases[] = {
        {"SN", nullptr, "2x1x28x28", "[2, 10]\n"},
        {"Sw", nullptr, "2x1x28x28", "[2, 10]\n"},
        {"SN", nullptr, "2x3x28x28",
         "RuntimeError: Given groups=1, weight of size [8, 1, 3, 3], expected input[2, 3, 28, 28] to have 1 channels, but "
         "got 3 channels instead\n"},
        {"SN", "k=0", "2x1x28x28", "ValueError: Expected n_power_iterations to be positive, but got n_power_iterations=0\n"},
        {"Twice", nullptr, "2x1x8x8", "RuntimeError: Cannot register two spectral_norm hooks on the same parameter weight\n"},
        {"NoWeight", nullptr, "2x1x8x8", "KeyError: 'weight'\n"},
        {"Unpool", nullptr, "2x1x28x28", "[2, 10]\n"},
        {"Written", nullptr, "2x1x28x28", "[2, 10]\n"},
        {"WN", nullptr, "2x1x28", "[2, 10]\n"},
        {"WN", "dim=-1", "2x1x28", "[2, 10]\n"},
        {"WN", "dim=3", "2x1x28", "IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)\n"},
        {"WN", "twice=True", "2x1x28", "RuntimeError: Cannot register two weight_norm hooks on the same parameter weight\n"},
        {"WN2", nullptr, "2x1x28x28", "[2, 10]\n"},
        {"WNRelu", nullptr, "2x1x28", "AttributeError: 'ReLU' object has no attribute 'weight'\n"},
        {"Gathered", nullptr, "2x1x28x28", "[2, 10]\n"},
        {"Contracted", nullptr, "2x1x28x28", "[2, 10]\n"},
        {"Contracted", nullptr, "2x3x28x28",
         "RuntimeError: Given groups=1, weight of size [4, 1, 3, 3], expected input[2, 3, 28, 28] to have 1 channels, but "
         "got 3 channels instead\n"},
        {"Quantized", nullptr, "2x1x28x28", "[2, 10]\n"},
        {"Gathered", "width=5", "2x1x28x28",
         "RuntimeError: The expanded size of the tensor (3) must match the existing size (4) at non-singleton dimension 1.  "
         "Target sizes: [2, 3, 28, 28].  Tensor sizes: [2, 4, 28, 28]\n"},
    };
    for (const auto &c : cases) {
        std::string args = "check " + f + " --class " + c.cls + " --input " + c.input;
        if (c.args) args += std::string(" --args '") + c.args + "'";
        CliRun r = cnnc(args);
        if (c.want[0] == '[') {
            EXPECT_EQ(r.code, 0) << args;
            EXPECT_EQ(r.out, std::string(c.cls) + ": " + c.want) << args;
        } else {   /* PyTorch's exception line on a line of its own, after the class */
            EXPECT_NE(r.code, 0) << args;
            EXPECT_EQ(r.err.substr(0, std::strlen(c.cls) + 2 + std::strlen(c.want)), std::string(c.cls) + ":\n" + c.want) << args;
        }
    }
    CliRun t = cnnc("train " + f + " --class SN --input 1x28x28 --data data/fashion-mnist --epochs 1 --device cpu");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("the cpu backend cannot run c (Conv2d): its weight is spectral-normalised (nn.utils.spectral_norm)"),
              std::string::npos) << t.err;
    t = cnnc("train " + f + " --class Sw --input 1x28x28 --data data/fashion-mnist --epochs 1 --device cpu");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("it is computed inside a torch.autograd.Function, whose backward cnnc does not run"), std::string::npos)
        << t.err;
    t = cnnc("train " + f + " --class Unpool --input 1x28x28 --data data/fashion-mnist --epochs 1 --device cpu");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("the cpu backend cannot run unpool (MaxUnpool2d): MaxUnpool2d scatters by its MaxPool2d's indices"),
              std::string::npos) << t.err;
    t = cnnc("train " + f + " --class WN2 --input 1x28x28 --data data/fashion-mnist --epochs 1 --device cpu");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("the cpu backend cannot run c (Conv2d): its weight is weight-normalised (nn.utils.weight_norm)"),
              std::string::npos) << t.err;
    t = cnnc("train " + f + " --class Written --input 1x28x28 --data data/fashion-mnist --epochs 1 --device cpu");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("the cpu backend cannot run __setitem__ (line 83) (__setitem__): its output is written by item assignment"),
              std::string::npos) << t.err;
    t = cnnc("train " + f + " --class Contracted --input 1x28x28 --data data/fashion-mnist --epochs 1 --device cpu");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("cannot run einsum (line 142) (einsum): cnnc has no einsum kernels yet"), std::string::npos) << t.err;
    t = cnnc("train " + f + " --class Quantized --input 1x28x28 --data data/fashion-mnist --epochs 1 --device cpu");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("forward() at line 156 computes with a tensor not made from its input"), std::string::npos) << t.err;
    t = cnnc("train tests/pysrc/spatial_transformer.py --class Net --input 1x28x28 --data data/fashion-mnist --epochs 1 --device cpu");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("forward() at line 38 computes with a tensor not made from its input"), std::string::npos) << t.err;
    const std::string out = scratch_dir() + "/check_only.cnn";
    t = cnnc("convert " + f + " --class SN --input 2x1x28x28 -o '" + out + "'");
    EXPECT_EQ(t.code, 6);
    EXPECT_NE(t.err.find("cnnc cannot write c as a model file: its weight is spectral-normalised"), std::string::npos) << t.err;
}

TEST(CliCheck, UsageAndParseErrorsExitTwo) {
    EXPECT_EQ(cnnc("check").code, 2);
    EXPECT_EQ(cnnc("check models/mnist_cnn.cnn --input 2xx1").code, 2);
    EXPECT_EQ(cnnc("check models/mnist_cnn.cnn --bogus").code, 2);
    EXPECT_EQ(cnnc("check models/mnist_cnn.cnn --input").code, 2);
    std::string bad = write_model("cli_bad.cnn", "input = (1, 28, 28)\nout = Linear(10\n");
    CliRun r = cnnc("check '" + bad + "'");
    EXPECT_EQ(r.code, 2);
    // Python's exception line, then where
    EXPECT_EQ(r.err, "SyntaxError: '(' was never closed\n  at " + bad + ":2:13\n");
    std::string noinput = write_model("cli_noinput.cnn", "out = Linear(10, 2)\n");
    r = cnnc("check '" + noinput + "'");
    EXPECT_EQ(r.code, 2);
    r = cnnc("check '" + noinput + "' --input 4x10");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "[4, 2]\n");
}

TEST(CliSummary, SeedNetPrintsTorchsummarysTable) {
    CliRun r = cnnc("summary models/mnist_cnn.cnn");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("            Conv2d-1           [-1, 16, 28, 28]             416\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Total params: 28,938\n"), std::string::npos);
    EXPECT_NE(r.out.find("Estimated Total Size (MB): 0.45\n"), std::string::npos);
    r = cnnc("summary models/mnist_cnn.cnn --input 1x20x20");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(first_line(r.err), "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x800 and 1568x10)");
    EXPECT_EQ(cnnc("summary").code, 2);
}

// Every layer kind with non-default arguments; the expected lines are what
// torchsummary 1.5.1's code printed for the same nn.Sequential under torch 1.13.
TEST(CliSummary, EveryLayerModelMatchesTorchsummary) {
    CliRun r = cnnc("summary models/every_layer.cnn");
    ASSERT_EQ(r.code, 0) << r.err;
    for (const char *line : {"       BatchNorm2d-5           [-1, 16, 14, 28]               0\n",
                             "         MaxPool2d-7            [-1, 16, 8, 15]               0\n",
                             "            Conv2d-8            [-1, 32, 8, 15]           1,184\n",
                             "         AvgPool2d-9             [-1, 32, 5, 8]               0\n",
                             "           Linear-13                   [-1, 64]          81,984\n",
                             "Total params: 85,906\n", "Forward/backward pass size (MB): 0.37\n",
                             "Estimated Total Size (MB): 0.70\n"})
        EXPECT_NE(r.out.find(line), std::string::npos) << line << r.out;
}

}  // namespace

// .pre-commit-hooks.yaml: each hook's entry run as pre-commit runs it (the entry's
// words, then the staged files), with cnnc on PATH.
TEST(PreCommitHooks, EachHookPassesCleanFilesAndStopsAShapeError) {
    std::ifstream f(source_dir() + "/.pre-commit-hooks.yaml");
    ASSERT_TRUE(f) << "no .pre-commit-hooks.yaml";
    std::map<std::string, std::string> entry;
    std::string id;
    for (std::string l; std::getline(f, l);) {
        if (l.rfind("- id: ", 0) == 0) id = l.substr(6);
        else if (l.rfind("  entry: ", 0) == 0) entry[id] = l.substr(9);
    }
    ASSERT_EQ(entry.size(), 2u);
    std::string dir = cnnc_exe().substr(0, cnnc_exe().rfind('/'));
    std::string plain = write_model("precommit_plain.py", "import os\nprint(os.sep)\n");
    auto run = [&](const std::string &hook, const std::string &files) {
        // the entry itself holds single quotes: run it through a file instead of nesting them
        std::string script = scratch_dir() + "/precommit_" + std::to_string(::getpid()) + ".sh";
        std::ofstream(script) << "cd '" << source_dir() << "' && PATH='" << dir << "':\"$PATH\" " << entry[hook] << " " << files << "\n";
        int st = std::system(("sh '" + script + "' >/dev/null 2>&1").c_str());
        std::remove(script.c_str());
        return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    };
    for (const char *hook : {"cnnc-check", "cnnc-check-shapes"}) {
        SCOPED_TRACE(hook);
        ASSERT_TRUE(entry.count(hook));
        EXPECT_EQ(run(hook, "'" + plain + "'"), 0) << "a file without models";
        EXPECT_EQ(run(hook, "tests/pysrc/seed_cnn_fixed.py '" + plain + "'"), 0);
        EXPECT_EQ(run(hook, "tests/pysrc/seed_cnn.py"), 1) << "the seed's mat1 error";
        EXPECT_EQ(run(hook, "tests/pysrc/seed_cnn_fixed.py tests/pysrc/seed_cnn.py"), 1);
        EXPECT_EQ(run(hook, "tests/pysrc/syntax_error.py"), 2);
    }
    EXPECT_EQ(run("cnnc-check", "tests/pysrc/branch_on_data.py"), 6) << "code cnnc cannot follow";
    EXPECT_EQ(run("cnnc-check-shapes", "tests/pysrc/branch_on_data.py"), 0);
    std::remove(plain.c_str());
}

// --format: one JSON schema in every mode, GitHub workflow commands on one line each,
// SARIF 2.1.0 that a JSON parser reads, with the rule, message and location.
TEST(CliCheckFormats, JsonIsOneSchemaForOneFileAndForMany) {
    const std::string keys[] = {"\"file\"", "\"class\"", "\"input\"", "\"status\"", "\"ok\"", "\"type\"", "\"message\"",
                                "\"at\"", "\"line\"", "\"col\"", "\"layer\"", "\"kind\"", "\"trail\"", "\"hint\""};
    CliRun one = cnnc("check tests/pysrc/seed_cnn.py --format json");
    CliRun many = cnnc("check tests/pysrc/seed_cnn.py tests/pysrc/seed_cnn_fixed.py --format json");
    EXPECT_EQ(one.code, 1);
    EXPECT_EQ(many.code, 1);
    std::string line1 = first_line(one.out);
    EXPECT_NE(line1.find("\"status\": \"shape\""), std::string::npos) << line1;
    EXPECT_NE(line1.find("\"message\": \"mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)\""), std::string::npos);
    EXPECT_NE(line1.find("\"line\": 32"), std::string::npos) << line1;
    EXPECT_NE(line1.find("\"fix\": {\"field\": \"in_features\", \"layer\": \"out\", \"value\": 1568}"), std::string::npos) << line1;
    EXPECT_NE(many.out.find(line1), std::string::npos) << "the same object in a many-file check:\n" << many.out;
    EXPECT_NE(many.out.find("\"status\": \"ok\", \"ok\": true"), std::string::npos) << many.out;
    for (const std::string &k : keys) EXPECT_NE(line1.find(k), std::string::npos) << k;
}

TEST(CliCheckFormats, GithubAnnotationsAreOneLineEach) {
    CliRun r = cnnc("check tests/pysrc/seed_cnn.py tests/pysrc/lenet_32.py --format github");
    EXPECT_EQ(r.code, 1);
    std::istringstream s(r.out);
    int errors = 0;
    for (std::string l; std::getline(s, l);) {
        if (l.rfind("::error ", 0) == 0) errors++;
        else EXPECT_EQ(l.rfind("::", 0), 0u) << "a line that is not a workflow command: " << l;
    }
    EXPECT_EQ(errors, 2) << r.out;
    EXPECT_NE(r.out.find("::error file=tests/pysrc/seed_cnn.py,line=32,col=18,title=cnnc check CNN::RuntimeError: mat1 and mat2 "
                         "shapes cannot be multiplied (2x1568 and 1050x10)%0Ashape: view (line 31) made [2, 1568] from [2, 32, 7, 7]"
                         "%0Ahint: set in_features=1568: self.out = nn.Linear(1568, 10)\n"),
              std::string::npos) << r.out;
}

TEST(CliCheckFormats, SarifIsValidJsonWithRuleMessageAndLocation) {
    std::string out = scratch_dir() + "/check_" + std::to_string(::getpid()) + ".sarif";
    CliRun r = cnnc("check tests/pysrc/seed_cnn.py tests/pysrc/branch_on_data.py --format sarif");
    EXPECT_EQ(r.code, 1);
    std::ofstream(out) << r.out;
    std::string py = "import json,sys; d=json.load(open(sys.argv[1])); rs=d['runs'][0]['results'];"
                     "print(d['version'], len(rs));"
                     "[print(*r) for r in sorted((x['ruleId'], x['level'], x['locations'][0]['physicalLocation']['artifactLocation']['uri'],"
                     " x['locations'][0]['physicalLocation']['region']['startLine'], x['message']['text'].splitlines()[0]) for x in rs)]";
    std::string cmd = "python3 -c \"" + py + "\" '" + out + "' > '" + out + ".txt' 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << "not valid JSON: " << cmd;
    std::ifstream f(out + ".txt");
    std::stringstream got;
    got << f.rdbuf();
    EXPECT_EQ(got.str(),
              "2.1.0 2\n"
              "cannot-follow warning tests/pysrc/branch_on_data.py 15 Branchy: NotImplementedError: cnnc cannot follow a branch on a tensor's value (it reads shapes, not data)\n"
              "shape-error error tests/pysrc/seed_cnn.py 32 CNN: RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)\n");
    std::remove(out.c_str());
    std::remove((out + ".txt").c_str());
}

// A folder with `self -> .` and `up -> ..` links and a FIFO named like a model: the walk
// does not follow folder links, visits each file once, and passes the FIFO over with a line
// (reading it would block forever). Issue #19's probe hung here.
TEST(CliCheckWalk, FolderLinksAreNotFollowedAndAFifoIsPassedOver) {
    std::string dir = scratch_dir() + "/walk_" + std::to_string(::getpid());
    std::string setup = "rm -rf '" + dir + "' && mkdir -p '" + dir + "/sub' && cp '" + source_dir() +
                        "/tests/pysrc/seed_cnn_fixed.py' '" + dir + "/sub/' && ln -s . '" + dir + "/sub/self' && ln -s .. '" +
                        dir + "/sub/up' && ln -s seed_cnn_fixed.py '" + dir + "/sub/again.py' && mkfifo '" + dir + "/pipe.cnn'";
    ASSERT_EQ(std::system(setup.c_str()), 0);
    CliRun r = cnnc("check '" + dir + "' --jobs 2");
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("1 model in 1 file: 1 ok"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find(dir + "/pipe.cnn: skipped (not a regular file)"), std::string::npos) << r.err;
    std::system(("rm -rf '" + dir + "'").c_str());
}

// ---- sweeps are bounded; --fix does not silently go with --sweep ----

TEST(CliCheckSweep, ASweepPastTheLimitsIsRefusedUpFrontWithTheLimitAndWhy) {
    CliRun r = cnnc("check models/mnist_cnn.cnn --sweep HW=1..100000000");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "cnnc check: --sweep HW=1..100000000 has 100000000 values of H; the limit is 100000 (the sweep "
                     "keeps a row of results per H value in memory): narrow the range\n");
    r = cnnc("check models/mnist_cnn.cnn --sweep H=1..100000,W=1..100000");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "cnnc check: --sweep H=1..100000,W=1..100000 has 10000000000 sizes; the limit is 100000000 "
                     "(about 10 s of shape passes): narrow the ranges\n");
}

TEST(CliCheckSweep, FixWithSweepIsAUsageError) {
    CliRun r = cnnc("check models/mnist_cnn_broken.cnn --sweep H=20..40 --fix");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "cnnc check: --fix and --sweep do not combine: a sweep reports sizes, --fix edits the model for "
                     "one input (use --fix with --input)\n");
}

// `cnnc check <(cat m.cnn)`: the path is /dev/fd/N, a pipe; it is read, by content, as a model file.
TEST(CliCheck, AModelFileFromAPipeIsReadByContent) {
    std::string out = scratch_dir() + "/cli_pipe_" + std::to_string(::getpid()) + ".txt";
    std::string cmd = "cd '" + source_dir() + "' && bash -c \"'" + cnnc_exe() +
                      "' check <(cat models/mnist_cnn_broken.cnn)\" >'" + out + "' 2>&1";
    int st = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(st));
    EXPECT_EQ(WEXITSTATUS(st), 1);
    std::ifstream f(out);
    std::stringstream text;
    text << f.rdbuf();
    std::remove(out.c_str());
    EXPECT_EQ(first_line(text.str()), "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)");
    EXPECT_NE(text.str().find(":10: out (Linear)\n"), std::string::npos) << text.str();
}

// Valid Python whose work inside one statement grows without end (quadratic sets and
// dicts, a list shifted each turn, comparisons of shared or deep nests) or whose values
// outgrow memory: cnnc counts that work against its step bound, and the values against
// its arena, and refuses, naming the line, rather than running for hours. Python would
// run each (slowly, or until its MemoryError); so cnnc raises no Python error.
// `cnnc check` of a Net whose __init__ runs `body` before its Linear: exit 6 (refused), the refusal
// as the first line, placed at `line` of the model file. The whole output, for more checks.
static std::string check_init_refusal(const std::string &stem, const char *body, int line, const char *msg) {
    std::string p = write_model(stem + "_" + std::to_string(::getpid()) + ".py",
                                std::string("import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n"
                                            "        super().__init__()\n") +
                                    body + "        self.fc = nn.Linear(4, 2)\n\n    def forward(self, x):\n"
                                           "        return self.fc(x)\n");
    CliRun r = cnnc("check '" + p + "' --input 2x4");
    std::remove(p.c_str());
    EXPECT_EQ(r.code, 6) << r.out << r.err;
    const std::string all = r.out + r.err;
    EXPECT_EQ(first_line(all), msg) << all;
    EXPECT_NE(all.find(".py:" + std::to_string(line) + ":"), std::string::npos) << all;
    return all;
}

TEST(CliCheck, WorkInsideOneStatementIsBoundedAndRefusedNamingTheLine) {
    struct Case { const char *name, *body; int line; const char *msg; };
    const char *steps = "NotImplementedError: cnnc stopped following this code after 20000000 steps (an endless loop?)";
    const Case cases[] = {
        {"setcomp", "        s = {i for i in range(10000000)}\n", 6, steps},
        {"setbuiltin", "        s = set(list(range(10000000)))\n", 6, steps},
        {"dictgrow", "        d = {}\n        for i in range(10000000):\n            d[i] = i\n", 8, steps},
        {"shared", "        a = [1]\n        for i in range(80):\n            a = [a, a]\n        b = [1]\n"
                   "        for i in range(80):\n            b = [b, b]\n        c = a == b\n", 12, steps},
        {"deep", "        a = []\n        b = []\n        for i in range(100000):\n            a = [a]\n"
                 "            b = [b]\n        c = a == b\n", 11,
         "NotImplementedError: cnnc cannot compare values nested more than 900 deep"},
        {"shift", "        l = list(range(10000000))\n        while True:\n            l.pop(0)\n            l.append(1)\n",
         8, steps},
        {"count", "        l = list(range(10000000))\n        while True:\n            c = l.count(5)\n", 8, steps},
        {"copy", "        import copy\n        l = [[i] for i in range(1000000)]\n        m = copy.deepcopy(l)\n", 8, steps},
        // memory: the values of one source are bounded too, and passing the bound is cnnc's refusal, not Python's
        // MemoryError
        {"modules", "        for i in range(6000000):\n            d = nn.Linear(4, 2)\n", 7,
         "NotImplementedError: cnnc stopped following this code: its values passed the 1024 MiB cnnc gives one source"},
        {"join", "        s = 'x' * 10000\n        t = s.join([s] * 30000)\n", 7,
         "NotImplementedError: cnnc cannot follow building a string of 599990000 bytes (its bound is 268435456)"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        check_init_refusal(std::string("work_") + c.name, c.body, c.line, c.msg);
    }
}

// namedtuple's own checks of its names, with Python 3.11's messages (checked against
// /usr/bin/python3 running each file): a bad field name once reached a binding that
// misread it and crashed (a fuzzer's find).
TEST(CliCheck, NamedtupleNamesGetPythonsValueErrors) {
    const std::pair<const char *, const char *> cases[] = {
        {"'se_ra|=tio'", "ValueError: Type names and field names must be valid identifiers: 'se_ra|=tio'"},
        {"'class'", "ValueError: Type names and field names cannot be a keyword: 'class'"},
        {"'_x'", "ValueError: Field names cannot start with an underscore: '_x'"},
        {"'a', 'a'", "ValueError: Encountered duplicate field name: 'a'"},
        {"1", "ValueError: Type names and field names must be valid identifiers: '1'"},
        {"'b c'", "ValueError: Type names and field names must be valid identifiers: 'b c'"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.first);
        std::string p = write_model("nt_names_" + std::to_string(::getpid()) + ".py",
                                    std::string("import collections\nimport torch.nn as nn\n\nT = collections.namedtuple('T', ['a', ") +
                                        c.first + "])\n\n\nclass Net(nn.Module):\n    def __init__(self):\n"
                                                  "        super().__init__()\n        self.fc = nn.Linear(4, 2)\n\n"
                                                  "    def forward(self, x):\n        return self.fc(x)\n");
        CliRun r = cnnc("check '" + p + "' --input 2x4");
        std::remove(p.c_str());
        EXPECT_EQ(r.code, 2) << r.out << r.err;
        EXPECT_EQ(first_line(r.out + r.err), c.second) << r.out << r.err;
        EXPECT_NE((r.out + r.err).find(".py:4:5"), std::string::npos) << r.out << r.err;
    }
    // field names split on any whitespace, as str.split()
    std::string p = write_model("nt_split_" + std::to_string(::getpid()) + ".py",
                                "import collections\nimport torch.nn as nn\n\nT = collections.namedtuple('T', 'a\\tb,\\nc')\n\n\n"
                                "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                                "        self.fc = nn.Linear(T(1, 2, 3).c + 1, 2)\n\n    def forward(self, x):\n"
                                "        return self.fc(x)\n");
    CliRun r = cnnc("check '" + p + "' --input 2x4");
    std::remove(p.c_str());
    EXPECT_EQ(r.code, 0) << r.out << r.err;
}

// A refusal raised inside cnnc's own Python (re, dataclasses: src/py/prelude.c) is placed at the
// model's line that called into it, not at a line of "<cnnc>/re.py".
TEST(CliCheck, RefusalsInsideCnncsOwnPythonNameTheModelsLine) {
    struct Case { const char *name, *body; int line; const char *msg; };
    const Case cases[] = {
        {"re_lookahead", "        import re\n        self.m = re.match('(?=x)', 'x')\n", 7,
         "NotImplementedError: cnnc cannot follow the regular expression (?=x)"},
        {"dataclass_order", "        from dataclasses import dataclass\n\n        @dataclass(order=True)\n"
                            "        class Config:\n            width: int = 4\n", 8,
         "NotImplementedError: cnnc follows dataclass() without order=True"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        const std::string all = check_init_refusal(std::string("prelude_") + c.name, c.body, c.line, c.msg);
        EXPECT_EQ(all.find("<cnnc>"), std::string::npos) << all;
    }
}

// A class whose metaclass is its own (fastai's PrePostInitMeta runs __pre_init__ around
// __init__) or that derives from dict or type is defined, and refused where it is built, naming
// that line; a subclass through any base inherits the refusal. It was a false TypeError ("function()
// argument 'code' must be code") for the whole file, and a metaclass was silently ignored.
TEST(CliCheck, ClassesOfBuiltinTypesAndOwnMetaclassesAreRefusedWhereBuilt) {
    std::string p = write_model("meta_" + std::to_string(::getpid()) + ".py",
                                "import torch.nn as nn\n\n\nclass Meta(type):\n    pass\n\n\n"                        // 1-7
                                "class Base(nn.Module, metaclass=Meta):\n    pass\n\n\nclass Mixin:\n    pass\n\n\n"  // 8-15
                                "class Child(Mixin, Base):\n    def forward(self, x):\n        return x\n\n\n"         // 16-20
                                "class Cfg(dict):\n    pass\n\n\n"                                                      // 21-24
                                "class UsesCfg(nn.Module):\n    def __init__(self):\n        super().__init__()\n"    // 25-27
                                "        self.c = Cfg(width=4)\n\n    def forward(self, x):\n        return x\n\n\n"   // 28-33
                                "class Plain(nn.Module):\n    def forward(self, x):\n        return x\n");
    CliRun r = cnnc("check '" + p + "' --input 2x3");
    std::remove(p.c_str());
    EXPECT_EQ(r.code, 6) << r.out << r.err;
    const std::string all = r.out + r.err;
    EXPECT_NE(all.find("Plain: [2, 3]"), std::string::npos) << all;
    EXPECT_NE(all.find("NotImplementedError: cnnc cannot follow class Base: it derives from a class made by metaclass Meta, "
                       "which cnnc does not model"), std::string::npos) << all;
    EXPECT_NE(all.find("NotImplementedError: cnnc cannot follow class Child: it derives from a class made by metaclass Meta"),
              std::string::npos) << all;
    EXPECT_NE(all.find("NotImplementedError: cnnc cannot follow class Cfg: it derives from dict, which cnnc does not model\n"
                       "  at " + p + ":28:"), std::string::npos) << all;
    EXPECT_EQ(all.find("TypeError"), std::string::npos) << all;
}

// `from .x import` inside a package's __init__.py looks in that package's folder (it looked
// beside the checked file: a false NameError for what the star import brought); a star import
// cnnc cannot follow makes the names it may have bound refusals, not NameErrors.
TEST(CliCheck, RelativeImportsResolveFromTheImportingFileAndAFailedStarImportRefuses) {
    std::string dir = scratch_dir() + "/pkg_" + std::to_string(::getpid());
    std::string setup = "rm -rf '" + dir + "' && mkdir -p '" + dir + "/net/bb' && printf 'from .wrap import *\\n\\n"
                        "TABLE = {\"a\": Backbone}\\n' > '" + dir + "/net/bb/__init__.py' && printf 'import torch.nn as nn\\n\\n\\n"
                        "class Backbone(nn.Module):\\n    def forward(self, x):\\n        return x * 2\\n' > '" + dir +
                        "/net/bb/wrap.py' && printf 'import torch.nn as nn\\nfrom .bb import TABLE\\n\\n\\nclass M(nn.Module):\\n"
                        "    def __init__(self, k=\"a\"):\\n        super().__init__()\\n        self.b = TABLE[k]()\\n\\n"
                        "    def forward(self, x):\\n        return self.b(x)\\n' > '" + dir + "/net/m.py'";
    ASSERT_EQ(std::system(setup.c_str()), 0);
    CliRun r = cnnc("check '" + dir + "/net/m.py' --class M --input 2x3");
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_EQ(first_line(r.out), "M: [2, 3]") << r.out << r.err;
    // *-unpacking and **-merging in --args, as Python passes them
    r = cnnc("check '" + dir + "/net/m.py' --class M --args \"*['a']\" --input 2x3");
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    r = cnnc("check '" + dir + "/net/m.py' --class M --args \"**{'k': 'b'}\" --input 2x3");
    EXPECT_NE(r.err.find("KeyError: 'b'\n  at " + dir + "/net/m.py:8:"), std::string::npos) << r.out << r.err;
    ASSERT_EQ(std::system(("mv '" + dir + "/net/bb/wrap.py' '" + dir + "/net/bb/gone.py'").c_str()), 0);
    r = cnnc("check '" + dir + "/net/m.py' --class M --input 2x3");
    EXPECT_EQ(r.code, 6) << r.out << r.err;
    EXPECT_EQ(r.err.find("NameError"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cnnc cannot follow Backbone (maybe bound by line 1 of __init__.py, which cnnc cannot follow"),
              std::string::npos) << r.err;
    std::system(("rm -rf '" + dir + "'").c_str());
}

// An enum mixed with int or str (IntEnum, `class Mode(str, Enum)`) compares and formats by its
// values, which cnnc does not model: a member is refused where it is used, here as a layer's
// argument (a value cnnc does not model reached nn.Linear as a false TypeError).
TEST(CliCheck, MembersOfMixedEnumsAreRefusedWhereUsed) {
    check_init_refusal("intenum", "        from enum import IntEnum\n\n        class Width(IntEnum):\n            WIDE = 4\n\n"
                                  "        self.head = nn.Linear(Width.WIDE, 2)\n",
                       11, "NotImplementedError: cnnc cannot follow Width.WIDE (a member of an enum mixed with str or int, a Flag, or one with its own __str__) "
                           "(cnnc does not model it)");
    check_init_refusal("strenum", "        import enum\n\n        class Mode(str, enum.Enum):\n            TRAIN = 'train'\n\n"
                                  "        self.mode = Mode.TRAIN == 'train'\n",
                       11, "NotImplementedError: cnnc cannot follow Mode.TRAIN (a member of an enum mixed with str or int, a Flag, or one with its own __str__) "
                           "(cnnc does not model it)");
}

// `match` followed, on its logical line, by a lexer error (an unterminated string inside brackets):
// deciding whether `match` starts a statement scanned for the line's end and never met it (a
// fuzzer's find, tests/fuzz/corpus/model/match-soft-keyword-*). Python's SyntaxError, at once.
TEST(CliCheck, AMatchLineEndingInALexerErrorIsPythonsSyntaxError) {
    std::string p = write_model("match_lex_" + std::to_string(::getpid()) + ".py", "match F (\n    'u\n");
    CliRun r = cnnc("check '" + p + "'");
    std::remove(p.c_str());
    EXPECT_EQ(r.code, 2) << r.out << r.err;
    EXPECT_EQ(first_line(r.out + r.err), "SyntaxError: unterminated string literal (detected at line 2)") << r.out << r.err;
}
