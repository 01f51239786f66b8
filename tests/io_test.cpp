// io_test.cpp — IDX, safetensors, images and metrics: good files, every kind of
// malformed file with its exact message, atomic saves, and the Python helper.
#include <gtest/gtest.h>

#include <png.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cnnc/io.h"
#include "test_paths.h"

namespace {

using Bytes = std::vector<unsigned char>;

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/cnnc_io_test_XXXXXX";
        char *p = mkdtemp(tmpl);
        if (p) path = p;
    }
    ~TempDir() {
        if (!path.empty()) {
            std::string cmd = "rm -rf '" + path + "'";
            if (system(cmd.c_str()) != 0) {}
        }
    }
    std::string operator/(const std::string &name) const { return path + "/" + name; }
};

void write_file(const std::string &path, const Bytes &data) {
    FILE *f = fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr) << path;
    if (!data.empty()) {
        ASSERT_EQ(fwrite(data.data(), 1, data.size(), f), data.size());
    }
    fclose(f);
}

void write_gz(const std::string &path, const Bytes &data) {
    gzFile g = gzopen(path.c_str(), "wb");
    ASSERT_NE(g, nullptr);
    if (!data.empty()) {
        ASSERT_EQ(gzwrite(g, data.data(), (unsigned)data.size()), (int)data.size());
    }
    gzclose(g);
}

Bytes read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void put_be32(Bytes &b, uint32_t v) {
    b.push_back((unsigned char)(v >> 24));
    b.push_back((unsigned char)(v >> 16));
    b.push_back((unsigned char)(v >> 8));
    b.push_back((unsigned char)v);
}

// n images of rows x cols: pixel (i, k) = (i * 7 + k) % 256; label i = i % 10.
Bytes idx_images(uint32_t n, uint32_t rows, uint32_t cols, uint32_t magic = 2051) {
    Bytes b;
    put_be32(b, magic);
    put_be32(b, n);
    put_be32(b, rows);
    put_be32(b, cols);
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < rows * cols; k++) b.push_back((unsigned char)((i * 7 + k) % 256));
    return b;
}

Bytes idx_labels(uint32_t n, uint32_t magic = 2049) {
    Bytes b;
    put_be32(b, magic);
    put_be32(b, n);
    for (uint32_t i = 0; i < n; i++) b.push_back((unsigned char)(i % 10));
    return b;
}

std::string line_of(const cnnc_error &err) {
    char buf[1200];
    cnnc_error_line(&err, buf, sizeof buf);
    return buf;
}

// A format error reads "ValueError: FULL_PATH: what" with err.file the full
// path, like the CLI's other errors; checked here, then shortened to
// "BASENAME: what" so that the cases below read as the message they test.
std::string format_line(const cnnc_error &err) {
    std::string line = line_of(err), file = err.file, pre = "ValueError: " + file + ": ";
    if (line.rfind("ValueError: ", 0) != 0) return line;   // an OSError and the like: as it is
    EXPECT_EQ(line.rfind(pre, 0), 0u) << "not the full path: " << line;
    EXPECT_EQ(file.rfind("/", 0), 0u) << "err.file is not the full path: " << file;
    if (line.rfind(pre, 0) != 0) return line;
    return file.substr(file.rfind('/') + 1) + ": " + line.substr(pre.size());
}

// Load a pair and return the error line ("" on success).
std::string load_pair_error(const std::string &images, const std::string &labels, cnnc_idx_set *out = nullptr) {
    cnnc_idx_set set;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_idx_load_pair(images.c_str(), labels.c_str(), &set, &err);
    if (st == CNNC_OK) {
        if (out) *out = set;
        else cnnc_idx_set_free(&set);
        return "";
    }
    EXPECT_EQ(st, CNNC_ERR_IO) << line_of(err);
    EXPECT_NE(err.file[0], '\0');
    return format_line(err);
}

// ---------------------------------------------------------------- IDX

TEST(IdxReader, LoadsRawAndGzipPairsWithIdenticalContent) {
    TempDir d;
    write_file(d / "img", idx_images(12, 28, 28));
    write_file(d / "lab", idx_labels(12));
    write_gz(d / "img.gz", idx_images(12, 28, 28));
    write_gz(d / "lab.gz", idx_labels(12));
    cnnc_idx_set raw, gz;
    ASSERT_EQ(load_pair_error(d / "img", d / "lab", &raw), "");
    ASSERT_EQ(load_pair_error(d / "img.gz", d / "lab.gz", &gz), "");
    EXPECT_EQ(raw.n, 12);
    EXPECT_EQ(raw.rows, 28);
    EXPECT_EQ(raw.cols, 28);
    EXPECT_EQ(raw.images[5 * 784 + 3], (unsigned char)((5 * 7 + 3) % 256));
    EXPECT_EQ(raw.labels[11], 1);
    EXPECT_EQ(0, memcmp(raw.images, gz.images, 12 * 784));
    EXPECT_EQ(0, memcmp(raw.labels, gz.labels, 12));
    cnnc_dataset ds = cnnc_idx_as_dataset(&raw);
    EXPECT_EQ(ds.images, raw.images);
    EXPECT_EQ(ds.n, 12);
    EXPECT_EQ(ds.channels, 1);
    EXPECT_EQ(ds.height, 28);
    EXPECT_EQ(ds.width, 28);
    cnnc_idx_set_free(&raw);
    cnnc_idx_set_free(&gz);
    EXPECT_EQ(raw.images, nullptr);
}

TEST(IdxReader, DetectsGzipByMagicNotByName) {
    TempDir d;
    write_gz(d / "images-but-no-gz-suffix", idx_images(3, 4, 5));
    write_file(d / "labels.gz", idx_labels(3));   // raw content, .gz name
    cnnc_idx_set set;
    ASSERT_EQ(load_pair_error(d / "images-but-no-gz-suffix", d / "labels.gz", &set), "");
    EXPECT_EQ(set.rows, 4);
    EXPECT_EQ(set.cols, 5);
    cnnc_idx_set_free(&set);
}

TEST(IdxReader, SavePairWritesFilesTheReaderLoadsBack) {
    TempDir d;
    std::vector<uint8_t> px(2 * 3 * 4), lab = {7, 9};
    for (size_t i = 0; i < px.size(); i++) px[i] = (uint8_t)(i * 11);
    cnnc_idx_set set = {px.data(), lab.data(), 2, 3, 4};
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_idx_save_pair((d / "i").c_str(), (d / "l").c_str(), &set, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(read_file(d / "i").size(), 16u + 24u);
    cnnc_idx_set back;
    ASSERT_EQ(load_pair_error(d / "i", d / "l", &back), "");
    EXPECT_EQ(0, memcmp(back.images, px.data(), px.size()));
    EXPECT_EQ(back.labels[1], 9);
    cnnc_idx_set_free(&back);
}

TEST(IdxReader, BadImagesMagicIsReportedWithTheFileName) {
    TempDir d;
    write_file(d / "train-images-idx3-ubyte", idx_images(2, 2, 2, 2049));
    write_file(d / "train-labels-idx1-ubyte", idx_labels(2));
    EXPECT_EQ(load_pair_error(d / "train-images-idx3-ubyte", d / "train-labels-idx1-ubyte"),
              "train-images-idx3-ubyte: bad magic number 2049 (0x00000801): expected 2051 for IDX images "
              "(that is a labels file)");
}

TEST(IdxReader, BadLabelsMagicIsReported) {
    TempDir d;
    write_file(d / "i", idx_images(2, 2, 2));
    write_file(d / "l", idx_labels(2, 0x12345678));
    EXPECT_EQ(load_pair_error(d / "i", d / "l"),
              "l: bad magic number 305419896 (0x12345678): expected 2049 for IDX labels");
}

TEST(IdxReader, ZeroRowsOrHugeColsAreRefusedBeforeAllocating) {
    TempDir d;
    write_file(d / "l", idx_labels(2));
    write_file(d / "zero", idx_images(2, 0, 28));
    EXPECT_EQ(load_pair_error(d / "zero", d / "l"),
              "zero: bad header: images of 0 x 28 (rows and cols must be 1..4096)");
    Bytes huge;
    put_be32(huge, 2051);
    put_be32(huge, 0xFFFFFFFFu);
    put_be32(huge, 4096);
    put_be32(huge, 4096);
    write_file(d / "huge", huge);   // claims 2^32 * 16 MiB with no data: must not allocate
    EXPECT_EQ(load_pair_error(d / "huge", d / "l"),
              "huge: truncated: expected 4294967295 images of 4096x4096, got 0");
    write_gz(d / "huge.gz", huge);
    // gzip: the two headers' counts disagree, found before anything is inflated
    EXPECT_EQ(load_pair_error(d / "huge.gz", d / "l"),
              "huge.gz: count mismatch: 4294967295 images but " + (d / "l") + " has 2 labels");
}

TEST(IdxReader, ZeroImagesIsRefused) {
    TempDir d;
    write_file(d / "i", idx_images(0, 28, 28));
    write_file(d / "l", idx_labels(0));
    EXPECT_EQ(load_pair_error(d / "i", d / "l"), "i: bad header: contains 0 images");
}

TEST(IdxReader, CountMismatchNamesBothFiles) {
    TempDir d;
    write_file(d / "t10k-images-idx3-ubyte", idx_images(10, 2, 2));
    write_file(d / "t10k-labels-idx1-ubyte", idx_labels(9));
    EXPECT_EQ(load_pair_error(d / "t10k-images-idx3-ubyte", d / "t10k-labels-idx1-ubyte"),
              "t10k-images-idx3-ubyte: count mismatch: 10 images but " + (d / "t10k-labels-idx1-ubyte") +
                  " has 9 labels");
}

TEST(IdxReader, TruncatedLabelsReportExpectedAndActualCounts) {
    TempDir d;
    write_file(d / "i", idx_images(10000, 1, 1));
    Bytes lab = idx_labels(10000);
    lab.resize(8 + 9000);
    write_gz(d / "t10k-labels-idx1-ubyte.gz", lab);
    EXPECT_EQ(load_pair_error(d / "i", d / "t10k-labels-idx1-ubyte.gz"),
              "t10k-labels-idx1-ubyte.gz: truncated: expected 10000 labels, got 9000");
    write_file(d / "raw-labels", lab);
    EXPECT_EQ(load_pair_error(d / "i", d / "raw-labels"), "raw-labels: truncated: expected 10000 labels, got 9000");
}

TEST(IdxReader, TruncatedImageDataCountsWholeImages) {
    TempDir d;
    Bytes img = idx_images(5, 28, 28);
    img.resize(16 + 3 * 784 + 100);
    write_file(d / "i", img);
    write_file(d / "l", idx_labels(5));
    EXPECT_EQ(load_pair_error(d / "i", d / "l"), "i: truncated: expected 5 images of 28x28, got 3");
}

TEST(IdxReader, TruncatedGzipStreamIsReported) {
    TempDir d;
    write_gz(d / "full.gz", idx_images(50, 28, 28));
    Bytes gz = read_file(d / "full.gz");
    write_file(d / "l", idx_labels(50));
    // Cut in the middle of the deflate data: fewer images arrive.
    Bytes half(gz.begin(), gz.begin() + gz.size() / 2);
    write_file(d / "half.gz", half);
    std::string msg = load_pair_error(d / "half.gz", d / "l");
    EXPECT_EQ(msg.rfind("half.gz: truncated: expected 50 images of 28x28, got ", 0), 0u) << msg;
    // Cut only the 8-byte CRC/size trailer: all data arrives, the stream is still incomplete.
    Bytes no_trailer(gz.begin(), gz.end() - 8);
    write_file(d / "notrailer.gz", no_trailer);
    EXPECT_EQ(load_pair_error(d / "notrailer.gz", d / "l"),
              "notrailer.gz: truncated gzip stream: it ends before its CRC trailer");
    // A corrupt CRC is corruption, not truncation.
    Bytes bad_crc = gz;
    bad_crc[bad_crc.size() - 8] ^= 0xFF;
    write_file(d / "badcrc.gz", bad_crc);
    EXPECT_EQ(load_pair_error(d / "badcrc.gz", d / "l"), "badcrc.gz: corrupt gzip data: incorrect data check");
}

TEST(IdxReader, EmptyAndShortFilesAreReported) {
    TempDir d;
    write_file(d / "empty", {});
    write_file(d / "l", idx_labels(1));
    EXPECT_EQ(load_pair_error(d / "empty", d / "l"), "empty: empty file: expected an IDX images header (magic 2051)");
    Bytes shorthdr = idx_images(1, 2, 2);
    shorthdr.resize(10);
    write_file(d / "short", shorthdr);
    EXPECT_EQ(load_pair_error(d / "short", d / "l"), "short: truncated header: expected 16 bytes, got 10");
    write_gz(d / "empty.gz", {});
    EXPECT_EQ(load_pair_error(d / "empty.gz", d / "l"),
              "empty.gz: empty file: expected an IDX images header (magic 2051)");
}

TEST(IdxReader, TrailingGarbageIsRefusedRawAndGzip) {
    TempDir d;
    Bytes img = idx_images(2, 2, 2);
    img.push_back(0);
    img.push_back(1);
    write_file(d / "i", img);
    write_gz(d / "i.gz", img);
    write_file(d / "l", idx_labels(2));
    EXPECT_EQ(load_pair_error(d / "i", d / "l"), "i: trailing garbage: 2 bytes after the 2 images");
    EXPECT_EQ(load_pair_error(d / "i.gz", d / "l"), "i.gz: trailing garbage: 2 bytes after the 2 images");
}

TEST(IdxReader, MissingFileReadsLikePythonsFileNotFoundError) {
    TempDir d;
    std::string missing = d / "nope";
    EXPECT_EQ(load_pair_error(missing, missing),
              "FileNotFoundError: [Errno 2] No such file or directory: '" + missing + "'");
}

TEST(IdxDataDir, FindsFilesInTorchvisionRawLayout) {
    TempDir d;
    std::string raw = d / "MNIST";
    ASSERT_EQ(mkdir(raw.c_str(), 0755), 0);
    raw += "/raw";
    ASSERT_EQ(mkdir(raw.c_str(), 0755), 0);
    write_gz(raw + "/train-images-idx3-ubyte.gz", idx_images(6, 28, 28));
    write_gz(raw + "/train-labels-idx1-ubyte.gz", idx_labels(6));
    write_file(raw + "/t10k-images-idx3-ubyte", idx_images(4, 28, 28));
    write_file(raw + "/t10k-labels-idx1-ubyte", idx_labels(4));
    cnnc_idx_set train, test;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_data_load_dir(d.path.c_str(), &train, &test, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(train.n, 6);
    EXPECT_EQ(test.n, 4);
    cnnc_idx_set_free(&train);
    cnnc_idx_set_free(&test);
    ASSERT_EQ(cnnc_data_load_dir(raw.c_str(), &train, nullptr, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(train.n, 6);
    cnnc_idx_set_free(&train);
}

TEST(IdxDataDir, EmptyFolderSaysWhereItLookedAndHowToGetData) {
    TempDir d;
    cnnc_idx_set train, test;
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_data_load_dir(d.path.c_str(), &train, &test, &err), CNNC_ERR_IO);
    EXPECT_EQ(line_of(err), "FileNotFoundError: no IDX data set in '" + d.path +
                                "': looked for train-images-idx3-ubyte[.gz] in it and in its MNIST/raw, "
                                "FashionMNIST/raw and raw folders (run scripts/get-data.sh)");
    write_file(d / "train-images-idx3-ubyte", idx_images(1, 1, 1));
    write_file(d / "train-labels-idx1-ubyte", idx_labels(1));
    EXPECT_EQ(cnnc_data_load_dir(d.path.c_str(), &train, &test, &err), CNNC_ERR_IO);
    EXPECT_EQ(line_of(err), "FileNotFoundError: incomplete IDX data set in '" + d.path +
                                "': t10k-images-idx3-ubyte[.gz] is missing");
}

TEST(IdxDataDir, LoadsDebianFashionMnist60000And10000) {
    const char *dir = "/usr/share/datasets/fashion-mnist";
    struct stat st;
    if (stat((std::string(dir) + "/train-images-idx3-ubyte.gz").c_str(), &st) != 0)
        GTEST_FAIL() << "Debian's dataset-fashion-mnist is not installed (apt-get install dataset-fashion-mnist)";
    cnnc_idx_set train, test;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_data_load_dir(dir, &train, &test, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(train.n, 60000);
    EXPECT_EQ(test.n, 10000);
    EXPECT_EQ(train.rows, 28);
    EXPECT_EQ(train.cols, 28);
    int64_t per_class[10] = {0};
    for (int64_t i = 0; i < test.n; i++) {
        ASSERT_LT(test.labels[i], 10);
        per_class[test.labels[i]]++;
    }
    for (int c = 0; c < 10; c++) EXPECT_EQ(per_class[c], 1000) << "class " << c;
    cnnc_idx_set_free(&train);
    cnnc_idx_set_free(&test);
}

TEST(IdxDataDir, LoadsTheConvertedNpmMnistWhenPresent) {
    std::string dir = source_path("data/mnist");
    struct stat st;
    if (stat((dir + "/train-images-idx3-ubyte").c_str(), &st) != 0)
        GTEST_FAIL() << "data/mnist not generated (run scripts/get-data.sh)";
    cnnc_idx_set train, test;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_data_load_dir(dir.c_str(), &train, &test, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(train.n, 7996);
    EXPECT_EQ(test.n, 2004);
    cnnc_idx_set_free(&train);
    cnnc_idx_set_free(&test);
}

// ---------------------------------------------------------------- safetensors

// A safetensors file from a literal header and data.
Bytes st_bytes(const std::string &header, const Bytes &data) {
    Bytes b;
    b.reserve(8 + header.size() + data.size());
    uint64_t n = header.size();
    for (int k = 0; k < 8; k++) b.push_back((unsigned char)(n >> (8 * k)));
    for (char c : header) b.push_back((unsigned char)c);
    for (unsigned char c : data) b.push_back(c);
    return b;
}

std::string st_error(const std::string &path) {
    cnnc_st_file *f = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_status st = cnnc_st_read(path.c_str(), &f, &err);
    if (st == CNNC_OK) {
        cnnc_st_free(f);
        return "";
    }
    EXPECT_EQ(f, nullptr);
    EXPECT_EQ(st, CNNC_ERR_IO) << line_of(err);
    return format_line(err);
}

std::string st_error_for(const TempDir &d, const std::string &header, const Bytes &data) {
    write_file(d / "x.safetensors", st_bytes(header, data));
    return st_error(d / "x.safetensors");
}

TEST(Safetensors, RoundTripsTensorsDtypesAndMetadata) {
    TempDir d;
    std::vector<float> w = {1.5f, -2.0f, 3.25f, 0.0f, 1e-30f, -7.0f};
    int64_t w_shape[2] = {2, 3};
    int64_t step = 42;
    std::vector<int32_t> i32 = {-1, 2};
    std::vector<uint8_t> u8 = {0, 255, 7};
    int64_t one[1] = {2}, three[1] = {3};
    cnnc_st_writer *wr = cnnc_st_writer_new();
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_st_writer_add(wr, "conv1.0.weight", CNNC_F32, 2, w_shape, w.data(), &err), CNNC_OK);
    ASSERT_EQ(cnnc_st_writer_add(wr, "bn.num_batches_tracked", CNNC_I64, 0, nullptr, &step, &err), CNNC_OK);
    ASSERT_EQ(cnnc_st_writer_add(wr, "ints", CNNC_I32, 1, one, i32.data(), &err), CNNC_OK);
    ASSERT_EQ(cnnc_st_writer_add(wr, "bytes", CNNC_U8, 1, three, u8.data(), &err), CNNC_OK);
    EXPECT_EQ(cnnc_st_writer_add(wr, "ints", CNNC_I32, 1, one, i32.data(), &err), CNNC_ERR_USAGE);
    EXPECT_EQ(line_of(err), "ValueError: tensor 'ints' added twice");
    ASSERT_EQ(cnnc_st_writer_meta(wr, "model", "net = Sequential(\n  Linear(4, 2),\n)\n# \"quoted\" \\ tab\t", &err),
              CNNC_OK);
    ASSERT_EQ(cnnc_st_writer_meta(wr, "format", "cnnc", &err), CNNC_OK);
    std::string path = d / "m.safetensors";
    ASSERT_EQ(cnnc_st_writer_save(wr, path.c_str(), &err), CNNC_OK) << line_of(err);
    cnnc_st_writer_free(wr);

    Bytes raw = read_file(path);
    uint64_t hlen = 0;
    for (int k = 7; k >= 0; k--) hlen = (hlen << 8) | raw[k];
    EXPECT_EQ(hlen % 8, 0u) << "header padded to a multiple of 8";
    EXPECT_EQ(raw.size(), 8 + hlen + 24 + 8 + 8 + 3);

    cnnc_st_file *f = nullptr;
    ASSERT_EQ(cnnc_st_read(path.c_str(), &f, &err), CNNC_OK) << line_of(err);
    ASSERT_EQ(cnnc_st_count(f), 4);
    const cnnc_st_tensor *t = cnnc_st_find(f, "conv1.0.weight");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->dtype, CNNC_F32);
    EXPECT_EQ(t->ndim, 2);
    EXPECT_EQ(t->shape[1], 3);
    EXPECT_EQ(t->numel, 6);
    ASSERT_EQ(t->nbytes, 24u);
    std::vector<float> back(6);
    memcpy(back.data(), t->data, 24);
    EXPECT_EQ(back, w);
    t = cnnc_st_find(f, "bn.num_batches_tracked");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->ndim, 0);
    EXPECT_EQ(t->numel, 1);
    int64_t s = 0;
    memcpy(&s, t->data, 8);
    EXPECT_EQ(s, 42);
    EXPECT_EQ(cnnc_st_at(f, 0), cnnc_st_find(f, "conv1.0.weight")) << "insertion order kept";
    EXPECT_EQ(0, memcmp(cnnc_st_find(f, "bytes")->data, u8.data(), 3));
    EXPECT_STREQ(cnnc_st_meta(f, "model"), "net = Sequential(\n  Linear(4, 2),\n)\n# \"quoted\" \\ tab\t");
    EXPECT_STREQ(cnnc_st_meta(f, "format"), "cnnc");
    EXPECT_EQ(cnnc_st_meta(f, "epoch"), nullptr);
    EXPECT_EQ(cnnc_st_find(f, "missing"), nullptr);
    EXPECT_EQ(cnnc_st_at(f, 4), nullptr);
    cnnc_st_free(f);
}

TEST(Safetensors, ReadsEscapesAndEmptyFiles) {
    TempDir d;
    EXPECT_EQ(st_error_for(d, "{}      ", {}), "");
    // fuzz regression: no tensors at all (qsort on a NULL array was UB)
    EXPECT_EQ(st_error_for(d, "{\"__metadata__\":{\"k\":\"v\"}}", {}), "");
    EXPECT_EQ(st_error_for(d, "{\"a\\u00e9\\n\\ud83d\\ude00\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}",
                           {9}),
              "");
    cnnc_st_file *f = nullptr;
    cnnc_error err;
    ASSERT_EQ(cnnc_st_read((d / "x.safetensors").c_str(), &f, &err), CNNC_OK);
    EXPECT_STREQ(cnnc_st_at(f, 0)->name, "a\xc3\xa9\n\xf0\x9f\x98\x80");
    cnnc_st_free(f);
}

TEST(Safetensors, TruncatedFilesAreRefused) {
    TempDir d;
    write_file(d / "x.safetensors", {1, 2, 3});
    EXPECT_EQ(st_error(d / "x.safetensors"), "x.safetensors: truncated: 3 bytes, too short for the 8-byte header length");
    write_file(d / "x.safetensors", {});
    EXPECT_EQ(st_error(d / "x.safetensors"),
              "x.safetensors: truncated: 0 bytes, too short for the 8-byte header length (empty file)");
    Bytes good = st_bytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", Bytes(8, 0));
    Bytes cut(good.begin(), good.end() - 3);
    write_file(d / "x.safetensors", cut);
    EXPECT_EQ(st_error(d / "x.safetensors"),
              "x.safetensors: tensor 'w': data_offsets [0, 8] run past the end of the data (5 bytes; is the file "
              "truncated?)");
    Bytes cut_header(good.begin(), good.begin() + 20);
    write_file(d / "x.safetensors", cut_header);
    EXPECT_EQ(st_error(d / "x.safetensors"),
              "x.safetensors: header length 54 runs past the end of the file (20 bytes; is it truncated?)");
}

TEST(Safetensors, AbsurdHeaderLengthIsRefusedWithoutAllocating) {
    TempDir d;
    Bytes b = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, '{', '}'};
    write_file(d / "x.safetensors", b);
    EXPECT_EQ(st_error(d / "x.safetensors"),
              "x.safetensors: header length 9223372036854775807 exceeds the limit of 100000000 bytes (not a "
              "safetensors file?)");
    EXPECT_EQ(st_error_for(d, "{", {}), "x.safetensors: header length 1 is too small for a JSON object");
}

TEST(Safetensors, OverlappingOffsetsAreRefused) {
    TempDir d;
    EXPECT_EQ(st_error_for(d,
                           "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                           "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
                           Bytes(12, 0)),
              "x.safetensors: tensor 'b': data_offsets [4, 12] overlap tensor 'a'");
}

TEST(Safetensors, HolesAndTrailingBytesAreRefusedLikeTheReference) {
    TempDir d;
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[2,4]}}", Bytes(4, 0)),
              "x.safetensors: tensor 'a': 2 unused bytes before its data_offsets [2, 4]");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]}}", Bytes(5, 0)),
              "x.safetensors: trailing garbage: 3 bytes after the last tensor's data");
}

TEST(Safetensors, UnsupportedDtypeNamesTheTensor) {
    TempDir d;
    EXPECT_EQ(st_error_for(d, "{\"fc.weight\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", Bytes(4, 0)),
              "x.safetensors: tensor 'fc.weight' has dtype BF16, which cnnc does not read (supported: F32, F64, "
              "I64, I32, U8)");
}

TEST(Safetensors, OffsetsPastTheEndOrInconsistentWithShapeAreRefused) {
    TempDir d;
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", Bytes(8, 0)),
              "x.safetensors: tensor 'a': data_offsets [0, 16] run past the end of the data (8 bytes; is the file "
              "truncated?)");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", Bytes(8, 0)),
              "x.safetensors: tensor 'a': data_offsets [0, 8] hold 8 bytes but F32 [3] needs 12");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", Bytes(8, 0)),
              "x.safetensors: tensor 'a': data_offsets [8, 0] are reversed");
    EXPECT_EQ(st_error_for(d,
                           "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[9007199254740991,8]}}",
                           Bytes(8, 0)),
              "x.safetensors: tensor 'a': data_offsets [9007199254740991, 8] are reversed");
    // cJSON's numbers are doubles: integers stop at 2^53 - 1, where they are still exact.
    EXPECT_EQ(st_error_for(d,
                           "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[18446744073709551615,8]}}",
                           Bytes(8, 0)),
              "x.safetensors: invalid safetensors header: integer larger than 2^53 - 1 at byte 64 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":[1099511627776,1099511627776],\"data_offsets\":[0,8]}}",
                           Bytes(8, 0)),
              "x.safetensors: invalid safetensors header: shape too large in tensor 'a'");
}

TEST(Safetensors, MalformedJsonAndDuplicatesAreRefused) {
    TempDir d;
    const Bytes data(4, 0);
    const std::string ok_entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
    EXPECT_EQ(st_error_for(d, "{\"a\":" + ok_entry + ",\"a\":" + ok_entry + "}", Bytes(8, 0)),
              "x.safetensors: invalid safetensors header: tensor 'a' appears twice");
    EXPECT_EQ(st_error_for(d, "{\"a\":" + ok_entry, data),
              "x.safetensors: invalid safetensors header: expected ',' or '}' at byte 53 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\":" + ok_entry + "} x", data),
              "x.safetensors: invalid safetensors header: unexpected text after the JSON object at byte 55 of the "
              "JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", data),
              "x.safetensors: invalid safetensors header: unexpected or repeated key \"x\" in tensor 'a'");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":[01],\"data_offsets\":[0,4]}}", data),
              "x.safetensors: invalid safetensors header: leading zero in integer at byte 29 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", data),
              "x.safetensors: invalid safetensors header: expected a non-negative integer at byte 29 of the JSON "
              "header");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", data),
              "x.safetensors: invalid safetensors header: tensor 'a' lacks \"data_offsets\"");
    EXPECT_EQ(st_error_for(d, "{\"__metadata__\":{\"k\":1}}", {}),
              "x.safetensors: invalid safetensors header: __metadata__ values must be strings (key 'k')");
    EXPECT_EQ(st_error_for(d, "{\"__metadata__\":{\"k\":\"v\",\"k\":\"w\"}}", {}),
              "x.safetensors: invalid safetensors header: metadata key 'k' appears twice");
    EXPECT_EQ(st_error_for(d, "{\"a\\u0000b\":" + ok_entry + "}", data),
              "x.safetensors: invalid safetensors header: NUL character in string at byte 9 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\\ud800\":" + ok_entry + "}", data),
              "x.safetensors: invalid safetensors header: unpaired surrogate in \\u escape at byte 9 of the JSON header");
    EXPECT_EQ(st_error_for(d, "[1, 2]", {}),
              "x.safetensors: invalid safetensors header: expected '{' at the start at byte 0 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"unterminated}", {}),
              "x.safetensors: invalid safetensors header: unterminated string at byte 2 of the JSON header");
}

// cJSON (the header's parser) is laxer than safetensors: what it would let through is refused all the same.
TEST(Safetensors, WhatCJsonAloneWouldAcceptIsRefused) {
    TempDir d;
    const Bytes data(4, 0);
    const std::string ok_entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
    const std::string pre = "x.safetensors: invalid safetensors header: ";
    auto with_shape = [&](const std::string &shape) {
        return st_error_for(d, "{\"a\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":[0,4]}}", data);
    };
    EXPECT_EQ(st_error_for(d, "{\"a\tb\":" + ok_entry + "}", data), pre + "control character in string at byte 3 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\x01\"a\":" + ok_entry + "}", data),
              pre + "control character outside a string at byte 1 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\\uZZZZ\":" + ok_entry + "}", data), pre + "bad \\u escape at byte 5 of the JSON header");
    EXPECT_EQ(st_error_for(d, "\xEF\xBB\xBF{}", {}), pre + "expected '{' at the start at byte 0 of the JSON header");
    EXPECT_EQ(with_shape("[1.0]"), pre + "expected an integer at byte 30 of the JSON header");
    EXPECT_EQ(with_shape("[1e0]"), pre + "expected an integer at byte 30 of the JSON header");
    EXPECT_EQ(with_shape("[-0]"), pre + "expected a non-negative integer at byte 29 of the JSON header");
    EXPECT_EQ(with_shape("[9007199254740993]"), pre + "integer larger than 2^53 - 1 at byte 44 of the JSON header");
    EXPECT_EQ(with_shape("[[1]]"), pre + "nested deeper than a safetensors header (3 levels) at byte 29 of the JSON header");
    EXPECT_EQ(with_shape("[1,\"1\"]"), pre + "shape must hold non-negative integers in tensor 'a'");
    EXPECT_EQ(with_shape("[1,1,1,1,1,1,1,1,1]"), pre + "shape has more than 8 entries in tensor 'a'");
    EXPECT_EQ(with_shape("null"), pre + "shape must be an array of integers in tensor 'a'");
    EXPECT_EQ(st_error_for(d, "{\"a\":{\"dtype\":7,\"shape\":[1],\"data_offsets\":[0,4]}}", data),
              pre + "\"dtype\" must be a string in tensor 'a'");
    EXPECT_EQ(st_error_for(d, "{\"a\":true}", data), pre + "expected an object for tensor 'a'");
    EXPECT_EQ(st_error_for(d, "{\"a\":{}}", data), pre + "empty tensor entry for tensor 'a'");
    EXPECT_EQ(st_error_for(d, "{\"a\" " + ok_entry + "}", data), pre + "not valid JSON near byte 5 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\"", {}), pre + "expected ':' at byte 4 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\":[}", {}), pre + "expected ',' or ']' at byte 6 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"a\":", {}), pre + "unexpected end of input at byte 5 of the JSON header");
    EXPECT_EQ(st_error_for(d, "{\"__metadata__\":{},\"__metadata__\":{}}", {}), pre + "repeated \"__metadata__\"");
    EXPECT_EQ(st_error_for(d, "{\"__metadata__\":[]}", {}), pre + "__metadata__ must be an object of strings");
}

TEST(Safetensors, MissingFileAndDirectoryReadLikePython) {
    TempDir d;
    EXPECT_EQ(st_error(d / "none.safetensors"),
              "FileNotFoundError: [Errno 2] No such file or directory: '" + (d / "none.safetensors") + "'");
    EXPECT_EQ(st_error(d.path), "IsADirectoryError: [Errno 21] Is a directory: '" + d.path + "'");
}

cnnc_st_writer *small_writer(float value) {
    cnnc_st_writer *w = cnnc_st_writer_new();
    int64_t shape[1] = {4};
    float v[4] = {value, value, value, value};
    cnnc_st_writer_add(w, "w", CNNC_F32, 1, shape, v, nullptr);
    return w;
}

float first_float(const std::string &path) {
    cnnc_st_file *f = nullptr;
    cnnc_error err;
    if (cnnc_st_read(path.c_str(), &f, &err) != CNNC_OK) return NAN;
    float v;
    memcpy(&v, cnnc_st_find(f, "w")->data, 4);
    cnnc_st_free(f);
    return v;
}

bool has_temp_files(const std::string &dir) {
    std::string cmd = "ls -a '" + dir + "' | grep -q '\\.tmp\\.'";
    return system(cmd.c_str()) == 0;
}

TEST(SafetensorsAtomicSave, ReplacesTheOldFileWholeAndLeavesNoTemporary) {
    TempDir d;
    std::string path = d / "ckpt.safetensors";
    cnnc_error err;
    cnnc_st_writer *w = small_writer(1.0f);
    ASSERT_EQ(cnnc_st_writer_save(w, path.c_str(), &err), CNNC_OK) << line_of(err);
    cnnc_st_writer_free(w);
    w = small_writer(2.0f);
    ASSERT_EQ(cnnc_st_writer_save(w, path.c_str(), &err), CNNC_OK) << line_of(err);
    cnnc_st_writer_free(w);
    EXPECT_EQ(first_float(path), 2.0f);
    EXPECT_FALSE(has_temp_files(d.path));
}

TEST(SafetensorsAtomicSave, TargetThatIsADirectoryFailsCleanly) {
    TempDir d;
    std::string path = d / "isdir";
    ASSERT_EQ(mkdir(path.c_str(), 0755), 0);
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_st_writer *w = small_writer(1.0f);
    EXPECT_EQ(cnnc_st_writer_save(w, path.c_str(), &err), CNNC_ERR_IO);
    cnnc_st_writer_free(w);
    EXPECT_EQ(line_of(err), "IsADirectoryError: [Errno 21] Is a directory: '" + path +
                                "' (nothing was saved, any previous file is unchanged)");
    struct stat st;
    EXPECT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_TRUE(S_ISDIR(st.st_mode));
    EXPECT_FALSE(has_temp_files(d.path));
}

TEST(SafetensorsAtomicSave, MissingFolderFailsWithPythonsMessage) {
    TempDir d;
    std::string path = d / "no/such/dir/x.safetensors";
    cnnc_error err;
    cnnc_st_writer *w = small_writer(1.0f);
    EXPECT_EQ(cnnc_st_writer_save(w, path.c_str(), &err), CNNC_ERR_IO);
    cnnc_st_writer_free(w);
    EXPECT_EQ(line_of(err), "FileNotFoundError: [Errno 2] No such file or directory: '" + path +
                                "' (nothing was saved, any previous file is unchanged)");
}

// A file-size limit makes write() fail part-way, as a full disk would.
TEST(SafetensorsAtomicSave, WriteFailingMidwayKeepsTheOldFileAndRemovesTheTemporary) {
    TempDir d;
    std::string path = d / "ckpt.safetensors";
    cnnc_error err;
    cnnc_st_writer *w = small_writer(1.0f);
    ASSERT_EQ(cnnc_st_writer_save(w, path.c_str(), &err), CNNC_OK);
    cnnc_st_writer_free(w);
    Bytes before = read_file(path);

    w = cnnc_st_writer_new();
    std::vector<float> big(1 << 16, 3.0f);
    int64_t shape[1] = {(int64_t)big.size()};
    ASSERT_EQ(cnnc_st_writer_add(w, "w", CNNC_F32, 1, shape, big.data(), &err), CNNC_OK);
    struct rlimit old_limit, small;
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old_limit), 0);
    small = old_limit;
    small.rlim_cur = 4096;
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    cnnc_status st = cnnc_st_writer_save(w, path.c_str(), &err);
    setrlimit(RLIMIT_FSIZE, &old_limit);
    signal(SIGXFSZ, old_handler);
    cnnc_st_writer_free(w);
    EXPECT_EQ(st, CNNC_ERR_IO);
    EXPECT_EQ(line_of(err), "OSError: [Errno 27] File too large: '" + path +
                                "' (nothing was saved, any previous file is unchanged)");
    EXPECT_EQ(read_file(path), before);
    EXPECT_FALSE(has_temp_files(d.path));
}

// ---------------------------------------------------------------- images

TEST(Images, ReadsBinaryAndAsciiPgmWithComments) {
    TempDir d;
    std::string p5 = "P5\n# a comment\n3 2 # another\n255\n";
    Bytes b(p5.begin(), p5.end());
    for (int i = 0; i < 6; i++) b.push_back((unsigned char)(i * 40));
    write_file(d / "a.pgm", b);
    uint8_t *px = nullptr;
    int32_t w = 0, h = 0;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_image_load_gray((d / "a.pgm").c_str(), &px, &w, &h, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(w, 3);
    EXPECT_EQ(h, 2);
    EXPECT_EQ(px[5], 200);
    free(px);
    std::string p2 = "P2\n2 2\n# max 15\n15\n0 15\n7 8\n";
    write_file(d / "b.pgm", Bytes(p2.begin(), p2.end()));
    ASSERT_EQ(cnnc_image_load_gray((d / "b.pgm").c_str(), &px, &w, &h, &err), CNNC_OK) << line_of(err);
    EXPECT_EQ(px[0], 0);
    EXPECT_EQ(px[1], 255);
    EXPECT_EQ(px[2], 119);   // round(7 * 255 / 15)
    free(px);
}

TEST(Images, MalformedPgmErrorsNameTheFile) {
    TempDir d;
    auto err_of = [&](const std::string &text) {
        write_file(d / "bad.pgm", Bytes(text.begin(), text.end()));
        uint8_t *px = nullptr;
        int32_t w, h;
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_image_load_gray((d / "bad.pgm").c_str(), &px, &w, &h, &err), CNNC_ERR_IO);
        EXPECT_EQ(px, nullptr);
        return format_line(err);
    };
    EXPECT_EQ(err_of("P5\n2 2\n65535\n"), "bad.pgm: PGM maxval 65535 is not supported (only 8-bit gray: 1..255)");
    EXPECT_EQ(err_of("P5\n2 2\n255\nabc"), "bad.pgm: truncated: expected 4 pixels, got 3");
    EXPECT_EQ(err_of("P2\n2 2\n255\n1 2 3"), "bad.pgm: truncated or bad P2 data: expected 4 pixels, got 3");
    EXPECT_EQ(err_of("P2\n1 1\n10\n11"), "bad.pgm: pixel 0 is 11, above maxval 10");
    EXPECT_EQ(err_of("P6\n1 1\n255\nabc"),
              "bad.pgm: Netpbm type P6 is not supported: use an 8-bit grayscale PGM (P2 or P5) or a PNG");
    EXPECT_EQ(err_of("GIF89a"), "bad.pgm: unknown image format: expected a PNG or an 8-bit grayscale PGM (P2/P5)");
    EXPECT_EQ(err_of("P5\n0 2\n255\n"), "bad.pgm: bad PGM header: size 0x2 (each side must be 1..16384)");
}

// Write a PNG with libpng's low-level API so every colour type can be made.
void write_png(const std::string &path, int w, int h, int color_type, int bit_depth, const Bytes &rows,
               const std::vector<png_color> &palette = {}, const Bytes &trns = {}) {
    FILE *f = fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        fclose(f);
        FAIL() << "libpng write failed";
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, bit_depth, color_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (!palette.empty()) png_set_PLTE(png, info, palette.data(), (int)palette.size());
    if (!trns.empty()) png_set_tRNS(png, info, trns.data(), (int)trns.size(), nullptr);
    png_write_info(png, info);
    size_t stride = rows.size() / (size_t)h;
    for (int y = 0; y < h; y++) png_write_row(png, rows.data() + stride * (size_t)y);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    fclose(f);
}

std::vector<uint8_t> load_png_gray(const std::string &path, int32_t *w, int32_t *h) {
    uint8_t *px = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_image_load_gray(path.c_str(), &px, w, h, &err), CNNC_OK) << line_of(err);
    if (!px) return {};
    std::vector<uint8_t> out(px, px + (size_t)(*w) * (*h));
    free(px);
    return out;
}

TEST(Images, ReadsPngInEveryColourTypeAsGray) {
    TempDir d;
    int32_t w = 0, h = 0;
    // 8-bit gray: exact.
    write_png(d / "g8.png", 3, 1, PNG_COLOR_TYPE_GRAY, 8, {0, 128, 255});
    EXPECT_EQ(load_png_gray(d / "g8.png", &w, &h), (std::vector<uint8_t>{0, 128, 255}));
    EXPECT_EQ(w, 3);
    EXPECT_EQ(h, 1);
    // 16-bit gray: stripped to the high byte (0x80ff -> 128 or 129 after rounding).
    write_png(d / "g16.png", 2, 1, PNG_COLOR_TYPE_GRAY, 16, {0x00, 0x00, 0xff, 0xff});
    EXPECT_EQ(load_png_gray(d / "g16.png", &w, &h), (std::vector<uint8_t>{0, 255}));
    // RGB: white, black, pure gray stay as they are.
    write_png(d / "rgb.png", 3, 1, PNG_COLOR_TYPE_RGB, 8, {255, 255, 255, 0, 0, 0, 100, 100, 100});
    EXPECT_EQ(load_png_gray(d / "rgb.png", &w, &h), (std::vector<uint8_t>{255, 0, 100}));
    // Gray + alpha: a transparent pixel composites onto black.
    write_png(d / "ga.png", 2, 1, PNG_COLOR_TYPE_GRAY_ALPHA, 8, {200, 255, 200, 0});
    EXPECT_EQ(load_png_gray(d / "ga.png", &w, &h), (std::vector<uint8_t>{200, 0}));
    // Palette with tRNS.
    std::vector<png_color> pal = {{0, 0, 0}, {255, 255, 255}, {50, 50, 50}};
    write_png(d / "pal.png", 3, 1, PNG_COLOR_TYPE_PALETTE, 8, {1, 2, 0}, pal);
    EXPECT_EQ(load_png_gray(d / "pal.png", &w, &h), (std::vector<uint8_t>{255, 50, 0}));
    // RGBA, 28x28 like a digit.
    Bytes rgba(28 * 28 * 4, 255);
    write_png(d / "rgba.png", 28, 28, PNG_COLOR_TYPE_RGB_ALPHA, 8, rgba);
    auto px = load_png_gray(d / "rgba.png", &w, &h);
    EXPECT_EQ(w, 28);
    EXPECT_EQ(h, 28);
    ASSERT_EQ(px.size(), 784u);
    EXPECT_EQ(px[400], 255);
}

TEST(Images, CorruptPngNamesTheFile) {
    TempDir d;
    write_png(d / "g.png", 4, 4, PNG_COLOR_TYPE_GRAY, 8, Bytes(16, 9));
    Bytes b = read_file(d / "g.png");
    b.resize(40);
    write_file(d / "cut.png", b);
    uint8_t *px = nullptr;
    int32_t w, h;
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_image_load_gray((d / "cut.png").c_str(), &px, &w, &h, &err), CNNC_ERR_IO);
    EXPECT_EQ(line_of(err).rfind("ValueError: " + (d / "cut.png") + ": bad PNG: ", 0), 0u) << line_of(err);
    EXPECT_STREQ(err.file, (d / "cut.png").c_str());
}

// ---------------------------------------------------------------- metrics

TEST(Metrics, CsvHasTheExactHeaderAndOneRowPerEpoch) {
    TempDir d;
    cnnc_metrics_row rows[2] = {{1, 469, 0.25, 0.125, 0.9625, 12345.6, 4.5},
                                {2, 938, 0.0625, 0.0500, 0.985, 13000.04, 9.25}};
    cnnc_error err;
    ASSERT_EQ(cnnc_metrics_write_csv((d / "m.csv").c_str(), rows, 2, &err), CNNC_OK);
    Bytes b = read_file(d / "m.csv");
    EXPECT_EQ(std::string(b.begin(), b.end()),
              "epoch,step,train_loss,test_loss,test_acc,images_per_s,seconds\n"
              "1,469,0.25,0.125,0.9625,12345.6,4.500\n"
              "2,938,0.0625,0.05,0.985,13000.0,9.250\n");
}

TEST(Metrics, SvgPlotsLossAndAccuracyEvenForOneEpoch) {
    TempDir d;
    cnnc_metrics_row one = {1, 100, 0.5, 0.4, 0.9, 1000, 1};
    cnnc_error err;
    ASSERT_EQ(cnnc_metrics_write_svg((d / "one.svg").c_str(), &one, 1, "seed <net> & co", &err), CNNC_OK);
    Bytes b = read_file(d / "one.svg");
    std::string svg(b.begin(), b.end());
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
    EXPECT_NE(svg.find("seed &lt;net&gt; &amp; co"), std::string::npos);
    EXPECT_NE(svg.find(">train loss<"), std::string::npos);
    EXPECT_NE(svg.find(">test loss<"), std::string::npos);
    EXPECT_NE(svg.find(">test accuracy<"), std::string::npos);
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(svg.find("inf"), std::string::npos);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    // the one epoch sits mid-axis: x = 70 + 0.5 * 620
    EXPECT_NE(svg.find("<circle cx=\"380.0\""), std::string::npos);
    EXPECT_EQ(cnnc_metrics_write_svg((d / "none.svg").c_str(), &one, 0, "x", &err), CNNC_ERR_USAGE);
}

// ---------------------------------------------------------------- Python helper

TEST(PythonSafetensorsHelper, RoundTripsWithTheCReader) {
    if (system((python_exe() + " -c 'import torch' >/dev/null 2>&1").c_str()) != 0)
        GTEST_FAIL() << python_exe() << " has no torch";
    TempDir d;
    std::string from_py = d / "py.safetensors", from_c = d / "c.safetensors", out = d / "out.txt";
    // Python writes; C reads.
    std::string script =
        "import sys, torch; sys.path.insert(0, '" + source_path("tests/python") + "'); import st\n"
        "st.save_file({'fc.weight': torch.arange(6, dtype=torch.float32).reshape(2, 3) / 4,"
        " 'bn.num_batches_tracked': torch.tensor(7), 'u': torch.tensor([1, 200], dtype=torch.uint8),"
        " 'i': torch.tensor([-3], dtype=torch.int32)}, '" + from_py + "', metadata={'model': 'x = Linear(3, 2)'})\n"
        "t = st.load_file('" + from_c + "')\n"
        "open('" + out + "', 'w').write(repr(sorted((k, v.dtype, tuple(v.shape), v.flatten().tolist()) for k, v in t.items())))\n";
    std::string py = d / "t.py";
    write_file(py, Bytes(script.begin(), script.end()));

    // C writes first (Python reads it).
    cnnc_st_writer *w = cnnc_st_writer_new();
    float wv[4] = {0.5f, -1.0f, 2.0f, 3.0f};
    int64_t shape[2] = {2, 2};
    int64_t nb = 3;
    cnnc_error err;
    ASSERT_EQ(cnnc_st_writer_add(w, "conv.weight", CNNC_F32, 2, shape, wv, &err), CNNC_OK);
    ASSERT_EQ(cnnc_st_writer_add(w, "n", CNNC_I64, 0, nullptr, &nb, &err), CNNC_OK);
    ASSERT_EQ(cnnc_st_writer_save(w, from_c.c_str(), &err), CNNC_OK);
    cnnc_st_writer_free(w);
    ASSERT_EQ(system((python_exe() + " '" + py + "'").c_str()), 0);

    Bytes o = read_file(out);
    EXPECT_EQ(std::string(o.begin(), o.end()),
              "[('conv.weight', torch.float32, (2, 2), [0.5, -1.0, 2.0, 3.0]), ('n', torch.int64, (), [3])]");

    cnnc_st_file *f = nullptr;
    ASSERT_EQ(cnnc_st_read(from_py.c_str(), &f, &err), CNNC_OK) << line_of(err);
    const cnnc_st_tensor *t = cnnc_st_find(f, "fc.weight");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->dtype, CNNC_F32);
    EXPECT_EQ(t->shape[0], 2);
    EXPECT_EQ(t->shape[1], 3);
    float fw[6];
    memcpy(fw, t->data, sizeof fw);
    EXPECT_EQ(fw[5], 1.25f);
    t = cnnc_st_find(f, "bn.num_batches_tracked");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->dtype, CNNC_I64);
    EXPECT_EQ(t->ndim, 0);
    int64_t v;
    memcpy(&v, t->data, 8);
    EXPECT_EQ(v, 7);
    EXPECT_EQ(cnnc_st_find(f, "u")->dtype, CNNC_U8);
    EXPECT_EQ(((const uint8_t *)cnnc_st_find(f, "u")->data)[1], 200);
    EXPECT_EQ(cnnc_st_find(f, "i")->dtype, CNNC_I32);
    EXPECT_STREQ(cnnc_st_meta(f, "model"), "x = Linear(3, 2)");
    cnnc_st_free(f);
}

}  // namespace
