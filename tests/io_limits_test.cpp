// io_limits_test.cpp — readers bound their work by what headers announce:
// an IDX pair's two headers and counts are checked before either payload is
// inflated, inflation stops at what the header announced, `eval` reads only
// the split it evaluates, and an image's size is checked from its header
// before a pixel is decoded.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#include "reliability_util.h"

namespace {

using Bytes = std::vector<unsigned char>;

void put_be32(Bytes &b, uint32_t v) {
    for (int k = 3; k >= 0; k--) b.push_back((unsigned char)(v >> (8 * k)));
}

Bytes idx_header(uint32_t magic, uint32_t n, uint32_t rows = 0, uint32_t cols = 0) {
    Bytes b;
    put_be32(b, magic);
    put_be32(b, n);
    if (magic == 2051) {
        put_be32(b, rows);
        put_be32(b, cols);
    }
    return b;
}

bool write_bytes(const std::string &path, const Bytes &b, bool gz) {
    if (gz) {
        gzFile g = gzopen(path.c_str(), "wb9");
        if (!g) return false;
        bool ok = b.empty() || gzwrite(g, b.data(), (unsigned)b.size()) == (int)b.size();
        return gzclose(g) == Z_OK && ok;
    }
    FILE *f = fopen(path.c_str(), "wb");
    if (!f) return false;
    bool ok = b.empty() || fwrite(b.data(), 1, b.size(), f) == b.size();
    return fclose(f) == 0 && ok;
}

std::string line_of(const cnnc_error &err) {
    char buf[1600];
    cnnc_error_line(&err, buf, sizeof buf);
    return buf;
}

std::string load_pair(const std::string &images, const std::string &labels) {
    cnnc_idx_set set;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_idx_load_pair(images.c_str(), labels.c_str(), &set, &err) == CNNC_OK) {
        cnnc_idx_set_free(&set);
        return "";
    }
    return line_of(err);
}

TEST(IdxLimits, ACountMismatchIsFoundFromTheHeadersBeforeTheImagesAreInflated) {
    std::string d = rel::fresh_dir("idxcount");
    // 2,000 images of 128x128 (33 MB inflated, a few dozen KB of gzip) against 1,999 labels
    Bytes img = idx_header(2051, 2000, 128, 128);
    img.resize(img.size() + (size_t)2000 * 128 * 128, 0);
    ASSERT_TRUE(write_bytes(d + "/i.gz", img, true));
    img.clear();
    img.shrink_to_fit();
    Bytes lab = idx_header(2049, 1999);
    lab.resize(lab.size() + 1999, 1);
    ASSERT_TRUE(write_bytes(d + "/l", lab, false));
    // A label file cut short is found before the images are read, too.
    Bytes cut = idx_header(2049, 2000);
    cut.resize(cut.size() + 10, 1);
    ASSERT_TRUE(write_bytes(d + "/cut", cut, false));
    EXPECT_EQ(load_pair(d + "/i.gz", d + "/l"),
              "ValueError: " + d + "/i.gz: count mismatch: 2000 images but " + d + "/l has 1999 labels");
    EXPECT_EQ(load_pair(d + "/i.gz", d + "/cut"), "ValueError: " + d + "/cut: truncated: expected 2000 labels, got 10");
    rel::remove_tree(d);
}

TEST(IdxLimits, InflationStopsPastWhatTheHeaderAnnounces) {
    std::string d = rel::fresh_dir("idxtrail");
    Bytes img = idx_header(2051, 2, 2, 2);
    img.resize(img.size() + 8 + ((size_t)8 << 20), 0);   // 8 bytes of images, then 8 MiB more
    ASSERT_TRUE(write_bytes(d + "/i.gz", img, true));
    Bytes lab = idx_header(2049, 2);
    lab.resize(lab.size() + 2, 1);
    ASSERT_TRUE(write_bytes(d + "/l", lab, false));
    EXPECT_EQ(load_pair(d + "/i.gz", d + "/l"),
              "ValueError: " + d + "/i.gz: trailing garbage: more than 1048576 bytes after the 2 images");
    rel::remove_tree(d);
}

TEST(IdxLimits, EvalReadsOnlyTheTestSplit) {
    std::string d = rel::fresh_dir("evalsplit");
    ASSERT_TRUE(rel::write_tiny_data(d, 32, 16));
    std::string model = rel::write_text(d + "/tiny.cnn", rel::tiny_model_text());
    std::string ck = d + "/ck.st";
    rel::Run r = rel::run_cnnc("train '" + model + "' --data '" + d +
                               "' --device cpu --threads 1 --batch 16 --quiet --epochs 1 --save '" + ck + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    // A broken training split does not concern eval.
    ASSERT_TRUE(write_bytes(d + "/train-images-idx3-ubyte", Bytes{1, 2, 3}, false));
    r = rel::run_cnnc("eval '" + model + "' --weights '" + ck + "' --data '" + d + "' --device cpu --threads 1");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("(test split, 16 images"), std::string::npos) << r.out;
    rel::remove_tree(d);
}

// A PNG that announces 16384x16384 and carries almost no pixel data: the size
// is refused from the header; decoding it would fail differently (or, whole,
// cost 268 MB).
TEST(ImageLimits, ThePngSizeIsCheckedFromTheHeaderBeforeDecoding) {
    std::string d = rel::fresh_dir("pnghdr");
    Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    auto chunk = [&](const char *type, const Bytes &data) {
        put_be32(png, (uint32_t)data.size());
        Bytes body(type, type + 4);
        body.insert(body.end(), data.begin(), data.end());
        png.insert(png.end(), body.begin(), body.end());
        put_be32(png, (uint32_t)crc32(0, body.data(), (uInt)body.size()));
    };
    Bytes ihdr;
    put_be32(ihdr, 16384);
    put_be32(ihdr, 16384);
    ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});   // 8-bit gray
    chunk("IHDR", ihdr);
    Bytes zeros(64, 0), idat(128);
    uLongf n = (uLongf)idat.size();
    ASSERT_EQ(compress(idat.data(), &n, zeros.data(), (uLong)zeros.size()), Z_OK);
    idat.resize(n);
    chunk("IDAT", idat);
    chunk("IEND", {});
    std::string path = d + "/big.png";
    ASSERT_TRUE(write_bytes(path, png, false));
    uint8_t *px = nullptr;
    int32_t w = 0, h = 0;
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_image_load_gray_sized(path.c_str(), 28, 28, &px, &w, &h, &err), CNNC_ERR_SHAPE);
    EXPECT_EQ(line_of(err), "ValueError: " + path + ": image is 16384x16384 but the model takes 28x28");
    EXPECT_EQ(px, nullptr);
    rel::remove_tree(d);
}

}  // namespace
