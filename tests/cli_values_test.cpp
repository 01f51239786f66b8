// cli_values_test.cpp — flag values PyTorch would refuse are refused with
// PyTorch's exact words (the optimizer's constructor checks, asked of torch
// itself through /usr/bin/python3), and counts past cnnc's limits with the
// limit; none of them after work has started.
#include <gtest/gtest.h>

#include <map>

#include "reliability_util.h"

namespace {

struct Case {
    const char *flags;   // cnnc train flags
    const char *torch;   // the same optimizer in Python (p: a parameter list)
};

const Case kOptimCases[] = {
    {"--eps -1", "torch.optim.Adam(p, eps=-1.0)"},
    {"--betas 2,2", "torch.optim.Adam(p, betas=(2.0, 2.0))"},
    {"--betas 0.5,1", "torch.optim.Adam(p, betas=(0.5, 1.0))"},
    {"--lr -0.1", "torch.optim.Adam(p, lr=-0.1)"},
    {"--weight-decay -1e-5", "torch.optim.Adam(p, weight_decay=-1e-5)"},
    {"--optim adamw --eps -1e-20", "torch.optim.AdamW(p, eps=-1e-20)"},
    {"--optim sgd --lr -1", "torch.optim.SGD(p, lr=-1.0)"},
    {"--optim sgd --momentum -1", "torch.optim.SGD(p, lr=0.01, momentum=-1.0)"},
    {"--optim sgd --weight-decay -2", "torch.optim.SGD(p, lr=0.01, weight_decay=-2.0)"},
    {"--optim sgd --nesterov", "torch.optim.SGD(p, lr=0.01, nesterov=True)"},
};

// torch's message for each case, one line each ("Type: message"); the oracle
// must run: a missing torch fails the test.
std::vector<std::string> torch_messages(const std::string &dir) {
    std::string py = "import torch\np = [torch.nn.Parameter(torch.zeros(1))]\n";
    for (const Case &c : kOptimCases)
        py += std::string("try:\n    ") + c.torch + "\n    print('accepted')\nexcept Exception as e:\n"
              "    print(type(e).__name__ + ': ' + str(e))\n";
    std::string script = rel::write_text(dir + "/oracle.py", py);
    std::string out = dir + "/oracle.txt";
    int st = std::system(("'" + python_exe() + "' '" + script + "' >'" + out + "' 2>/dev/null").c_str());
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << "the PyTorch oracle did not run: " << python_exe();
    std::vector<std::string> lines;
    std::stringstream text(rel::slurp(out));
    for (std::string line; std::getline(text, line);) lines.push_back(line);
    return lines;
}

TEST(CliValues, OptimizerValuesPyTorchRefusesGetItsExactMessageAndExitTwo) {
    std::string d = rel::fresh_dir("optvals");
    ASSERT_TRUE(rel::write_tiny_data(d, 16, 16));
    std::string model = rel::write_text(d + "/tiny.cnn", rel::tiny_model_text());
    std::vector<std::string> want = torch_messages(d);
    ASSERT_EQ(want.size(), sizeof kOptimCases / sizeof kOptimCases[0]);
    for (size_t k = 0; k < want.size(); k++) {
        SCOPED_TRACE(kOptimCases[k].flags);
        EXPECT_NE(want[k], "accepted");
        rel::Run r = rel::run_cnnc("train '" + model + "' --data '" + d + "' --device cpu --threads 1 --epochs 1 " +
                                   kOptimCases[k].flags);
        EXPECT_EQ(r.code, 2);
        EXPECT_EQ(r.err, want[k] + "\n");
        EXPECT_EQ(r.out, "") << "training started";
    }
    // The two from the issue, as literal text too.
    EXPECT_EQ(want[0], "ValueError: Invalid epsilon value: -1.0");
    EXPECT_EQ(want[1], "ValueError: Invalid beta parameter at index 0: 2.0");
    rel::remove_tree(d);
}

TEST(CliValues, CountsPastTheLimitsNameTheFlagTheRangeAndTheValue) {
    std::string d = rel::fresh_dir("countvals");
    std::string model = rel::write_text(d + "/tiny.cnn", rel::tiny_model_text());
    rel::Run r = rel::run_cnnc("train '" + model + "' --epochs 1e12");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "cnnc train: --epochs wants a whole number from 0 to 1000000, got '1e12'\n");
    r = rel::run_cnnc("train '" + model + "' --epochs 1000001");
    EXPECT_EQ(r.err, "cnnc train: --epochs wants a whole number from 0 to 1000000, got '1000001'\n");
    r = rel::run_cnnc("bench '" + model + "' --device cpu --steps 1e11");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "cnnc bench: --steps wants a whole number from 1 to 1000000, got '1e11'\n");
    r = rel::run_cnnc("bench '" + model + "' --device cpu --steps 100000000000");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "cnnc bench: --steps wants a whole number from 1 to 1000000, got '100000000000'\n");
    // An empty per-sample shape is a usage error, not a shape error of the first layer.
    r = rel::run_cnnc("train '" + model + "' --device cpu --input 0x0x0");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "cnnc train: --input wants sizes of at least 1, like 1x28x28, got '0x0x0'\n");
    rel::remove_tree(d);
}

}  // namespace
