// layout_test.cpp — the boundaries the build keeps: the command-line program
// includes only the public headers (cnnc/) and its own (cli/), and links no CUDA
// library (the CUDA backend is the plugin libcnnc-cuda.so, loaded on demand).
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "test_run.h"

TEST(Layout, TheCliIncludesOnlyPublicHeadersAndItsOwn) {
    std::regex include(R"re(#include\s+"([^"]+)")re");
    int files = 0;
    for (const auto &entry : fs::directory_iterator(source_path("src/cli"))) {
        const std::string text = read_text(entry.path());
        files++;
        for (std::sregex_iterator m(text.begin(), text.end(), include), end; m != end; ++m) {
            const std::string h = (*m)[1];
            EXPECT_TRUE(h.rfind("cnnc/", 0) == 0 || h.rfind("cli/", 0) == 0)
                << entry.path().filename().string() << " includes \"" << h << "\"";
        }
    }
    EXPECT_GT(files, 10);
}

TEST(Layout, TheProgramLinksNoCudaLibrary) {
    WorkDir dir("layout");
    RunResult r = run("readelf -d " + quote(cnnc_exe()), dir);
    if (r.rc != 0) GTEST_FAIL() << "readelf is not available: " << r.err;
    EXPECT_NE(r.out.find("(NEEDED)"), std::string::npos) << r.out;
    for (const char *lib : {"libcudart", "libcublas", "libcudnn", "libcuda.so"})
        EXPECT_EQ(r.out.find(lib), std::string::npos) << "cnnc links " << lib << ":\n" << r.out;
}
