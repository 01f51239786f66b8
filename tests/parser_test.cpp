// parser_test.cpp — the model-file reader: layers, arguments, names, params, render, errors.
#include <gtest/gtest.h>

#include <string>

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
    std::string line() const {
        char buf[1024];
        cnnc_error_line(&err, buf, sizeof buf);
        return buf;
    }
};

TEST(Parser, ReadsTheSeedModelFile) {
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_load(CNNC_SOURCE_DIR "/models/mnist_cnn.cnn", &m, &err), CNNC_OK) << err.message;
    ASSERT_EQ(m->n_layers, 8);
    EXPECT_STREQ(m->layers[0].name, "conv1.0");
    EXPECT_STREQ(m->layers[7].name, "out");
    EXPECT_EQ(m->layers[7].p.linear.in_features, 1568);
    cnnc_model_free(m);
}

}  // namespace
