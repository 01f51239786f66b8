// docs_claims_test.cpp — claims in README.md and docs/ that are cheap to
// check run with the tests, so that they cannot drift again: the README's
// seed example is what the CLI prints, docs/parity.md's corpus count is the
// corpus's, and its gtest filter selects tests.
#include <gtest/gtest.h>

#include <fnmatch.h>

#include <regex>

#include "reliability_util.h"

namespace {

TEST(DocsClaims, TheReadmesSeedExampleIsWhatTheCliPrints) {
    std::string readme = rel::slurp(source_path("README.md"));
    const std::string cmd = "$ build/cnnc check models/mnist_cnn_broken.cnn --input 2x1x28x28\n";
    size_t at = readme.find(cmd);
    ASSERT_NE(at, std::string::npos) << "README.md lost its seed example";
    size_t end = readme.find("```", at);
    ASSERT_NE(end, std::string::npos);
    std::string shown = readme.substr(at + cmd.size(), end - at - cmd.size());
    std::string out = scratch_dir() + "/docs_seed_" + std::to_string(::getpid()) + ".txt";
    std::string run = "cd '" + source_dir() + "' && '" + cnnc_exe() +
                      "' check models/mnist_cnn_broken.cnn --input 2x1x28x28 >'" + out + "' 2>&1";
    int st = std::system(run.c_str());
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 1);
    EXPECT_EQ(rel::slurp(out), shown);
    std::remove(out.c_str());
}

TEST(DocsClaims, TheParityDocsCorpusCountIsTheCorpus) {
    std::string doc = rel::slurp(source_path("docs/parity.md"));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(doc, m, std::regex("`tests/shapes/\\*\\.cnn` holds ([0-9]+) small models")));
    std::string list = scratch_dir() + "/docs_shapes_" + std::to_string(::getpid()) + ".txt";
    std::string cmd = "ls '" + source_path("tests/shapes") + "' | grep -c '\\.cnn$' >'" + list + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    EXPECT_EQ(std::stoi(rel::slurp(list)), std::stoi(m[1].str()));
    std::remove(list.c_str());
}

TEST(DocsClaims, TheParityDocsGtestFilterSelectsTestsForEachPattern) {
    std::string doc = rel::slurp(source_path("docs/parity.md"));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(doc, m, std::regex("cnnc_tests --gtest_filter='([^']+)'")));
    std::stringstream patterns(m[1].str());
    const ::testing::UnitTest *u = ::testing::UnitTest::GetInstance();
    for (std::string pat; std::getline(patterns, pat, ':');) {
        int hits = 0;
        for (int i = 0; i < u->total_test_suite_count(); i++) {
            const ::testing::TestSuite *s = u->GetTestSuite(i);
            for (int j = 0; j < s->total_test_count(); j++) {
                std::string full = std::string(s->name()) + "." + s->GetTestInfo(j)->name();
                if (fnmatch(pat.c_str(), full.c_str(), 0) == 0) hits++;
            }
        }
        EXPECT_GT(hits, 0) << "docs/parity.md's filter pattern '" << pat << "' selects no test";
    }
}

}  // namespace
