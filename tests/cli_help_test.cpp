// cli_help_test.cpp — `cnnc COMMAND --help` for every command: exit 0, the
// usage line first, every option the command's parser accepts listed (read
// from its source, so a new flag without a help line fails here), no other
// argument needed; unknown options still exit 2 naming the option.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "test_run.h"

namespace {

RunResult cnnc(const WorkDir &dir, const std::string &args) {
    return run("cd " + quote(source_dir()) + " && " + quote(cnnc_exe()) + " " + args, dir);
}

// The commands `cnnc --help` lists (main.c's table), each once.
std::vector<std::string> listed_commands(const std::string &help) {
    std::vector<std::string> names;
    std::regex line("\n  cnnc ([a-z]+)");
    for (std::sregex_iterator m(help.begin(), help.end(), line), end; m != end; ++m)
        if (std::find(names.begin(), names.end(), (*m)[1].str()) == names.end()) names.push_back((*m)[1]);
    return names;
}

// The options a parser matches in `file`: the flag names passed to cli_flag,
// compared with strcmp(argv[i], ...) or given to a *FLAG(...) macro.
std::set<std::string> parsed_options(const std::string &file) {
    std::string text = read_text(source_path(file));
    std::set<std::string> names;
    std::regex flag(R"re((?:cli_flag\(argc, argv, &?i, |strcmp\(argv\[\*?i\], |FLAG\()"(-[-a-z0-9]*)")re");
    for (std::sregex_iterator m(text.begin(), text.end(), flag), end; m != end; ++m) names.insert((*m)[1]);
    return names;
}

// `name` appears in help as an option: at a line's start, alone or before a
// value, or as the second spelling of one ("-o, --out").
bool lists(const std::string &help, const std::string &name) {
    std::regex opt("\n  (?:-[a-z], )?" + name + "[ ,\n]");
    return std::regex_search(help, opt);
}

TEST(CliHelp, TopLevelHelpStillListsTheCommands) {
    WorkDir dir("cli_help_top");
    for (const char *flag : {"--help", "-h", "help"}) {
        RunResult r = cnnc(dir, flag);
        EXPECT_EQ(r.rc, 0) << flag << r.err;
        EXPECT_EQ(r.out.rfind("usage: cnnc COMMAND", 0), 0u) << r.out;
        EXPECT_NE(r.out.find("--device"), std::string::npos) << r.out;   // the engine options, from their table
    }
    RunResult r = cnnc(dir, "");
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err.rfind("usage: cnnc COMMAND", 0), 0u) << r.err;
}

TEST(CliHelp, EveryCommandPrintsUsageAndAllItsOptionsWithoutOtherArguments) {
    WorkDir dir("cli_help_each");
    const std::vector<std::string> commands = listed_commands(cnnc(dir, "--help").out);
    // A few options each help must show, by command; a command missing here fails the test.
    const std::map<std::string, std::vector<std::string>> known = {
        {"check", {"--input", "--class", "--format", "--fix", "--sweep", "--as-list"}},
        {"convert", {"--out", "--class", "--input"}},
        {"summary", {"--input", "--details"}},
        {"train", {"--epochs", "--save", "--resume", "--data", "--device", "--lr"}},
        {"eval", {"--weights", "--train-split", "--device"}},
        {"predict", {"--weights", "--top", "--invert", "--threads"}},
        {"step", {"--weights", "--batch", "--out", "--steps", "--optim"}},
        {"bench", {"--batch", "--steps", "--warmup", "--device"}},
        {"profile", {"--batch", "--warmup", "--precision"}},
        {"devices", {}},
    };
    ASSERT_EQ(commands.size(), known.size()) << "cnnc --help lists a command this test does not know";
    const std::set<std::string> engine = parsed_options("src/cli/cli_common.c");
    ASSERT_TRUE(engine.count("--device") && engine.count("--nesterov"));
    for (const std::string &cmd : commands) {
        SCOPED_TRACE(cmd);
        ASSERT_TRUE(known.count(cmd));
        for (const char *flag : {"--help", "-h"}) {
            RunResult r = cnnc(dir, cmd + " " + flag);
            EXPECT_EQ(r.rc, 0) << r.err;
            EXPECT_EQ(r.err, "");
            EXPECT_EQ(r.out.rfind("usage: cnnc " + cmd, 0), 0u) << r.out;
            EXPECT_TRUE(lists(r.out, "--help")) << r.out;
        }
        const std::string help = cnnc(dir, cmd + " --help").out;
        for (const std::string &name : known.at(cmd)) EXPECT_TRUE(lists(help, name)) << name << "\n" << help;
        // Every option the parser matches is listed, and the engine options where it takes them.
        const std::string source = "src/cli/cmd_" + cmd + ".c";
        std::set<std::string> parsed = parsed_options(source);
        const bool takes_engine = read_text(source_path(source)).find("cli_engine_opt(") != std::string::npos;
        if (takes_engine) parsed.insert(engine.begin(), engine.end());
        EXPECT_EQ(help.find("engine options:") != std::string::npos, takes_engine) << help;
        for (const std::string &name : parsed) EXPECT_TRUE(lists(help, name)) << name << " is parsed but not listed\n" << help;
    }
}

TEST(CliHelp, HelpAfterOtherArgumentsButNotAsAnOptionsValue) {
    WorkDir dir("cli_help_value");
    RunResult r = cnnc(dir, "train models/mnist_cnn.cnn --device cuda --epochs 3 -h");
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out.rfind("usage: cnnc train", 0), 0u) << r.out;
    // "-h" here is --class's value: no help, the missing model is the error
    r = cnnc(dir, "summary --class -h");
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("no model file"), std::string::npos) << r.err;
}

TEST(CliHelp, UnknownOptionStillExitsTwoNamingIt) {
    WorkDir dir("cli_help_unknown");
    for (const std::string &cmd : listed_commands(cnnc(dir, "--help").out)) {
        RunResult r = cnnc(dir, cmd + " --no-such-option");
        EXPECT_EQ(r.rc, 2) << cmd;
        EXPECT_EQ(r.out, "") << cmd;
        EXPECT_NE(r.err.find("cnnc " + cmd + ": unknown option '--no-such-option'"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("usage: cnnc " + cmd), std::string::npos) << r.err;
    }
}

}  // namespace
