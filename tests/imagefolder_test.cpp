// imagefolder_test.cpp — torchvision's ImageFolder layout as a data set: the order
// of classes and files (against torchvision's own logic in tests/python/
// imagefolder_order.py), pixels of PNG and JPEG, gray and colour, the errors, and
// training on a PNG copy of a Fashion-MNIST subset giving exactly the IDX run.
#include <gtest/gtest.h>
#include <png.h>
#include <stdio.h>
#include <jpeglib.h>
#include <sys/stat.h>

#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cnnc/io.h"
#include "test_paths.h"
#include "test_run.h"

namespace {

std::string msg(const cnnc_error &e) { return std::string(e.type) + ": " + e.message; }

void write_png(const fs::path &p, int w, int h, int channels, const std::vector<uint8_t> &px) {
    fs::create_directories(p.parent_path());
    png_image img;
    std::memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)w;
    img.height = (png_uint_32)h;
    img.format = channels == 1 ? PNG_FORMAT_GRAY : channels == 2 ? PNG_FORMAT_GA : channels == 3 ? PNG_FORMAT_RGB
                                                                                                  : PNG_FORMAT_RGBA;
    ASSERT_EQ((int)px.size(), w * h * channels);
    ASSERT_NE(png_image_write_to_file(&img, p.c_str(), 0, px.data(), 0, nullptr), 0) << img.message;
}

void write_jpeg(const fs::path &p, int w, int h, int channels, const std::vector<uint8_t> &px, int quality) {
    fs::create_directories(p.parent_path());
    FILE *f = fopen(p.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    jpeg_compress_struct c;
    jpeg_error_mgr jerr;
    c.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, f);
    c.image_width = (JDIMENSION)w;
    c.image_height = (JDIMENSION)h;
    c.input_components = channels;
    c.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, quality, TRUE);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = const_cast<uint8_t *>(px.data()) + (size_t)c.next_scanline * (size_t)w * (size_t)channels;
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    fclose(f);
}

// A 4x3 gray image whose every pixel is v.
void gray_png(const fs::path &p, uint8_t v, int w = 4, int h = 3) {
    write_png(p, w, h, 1, std::vector<uint8_t>((size_t)w * h, v));
}

void write_file(const fs::path &p, const std::string &bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

struct Loaded {
    cnnc_status st;
    std::string err;
    cnnc_data_set train, test;
    Loaded() : st(CNNC_OK), train(), test() {}
    ~Loaded() {
        cnnc_data_set_free(&train);
        cnnc_data_set_free(&test);
    }
};

void load(const fs::path &dir, Loaded *l, bool want_train = true, bool want_test = true) {
    cnnc_error err;
    cnnc_error_clear(&err);
    l->st = cnnc_data_load(dir.c_str(), want_train ? &l->train : nullptr, want_test ? &l->test : nullptr, &err);
    if (l->st != CNNC_OK) l->err = msg(err);
}

}  // namespace

TEST(ImageFolder, ClassesAndFilesComeInTorchvisionsOrder) {
    WorkDir d("if_order");
    // Names whose byte order differs from a naive or case-folded order, a nested
    // folder whose path sorts between files, a hidden class, non-image files.
    const char *files[] = {"train/b/2.png",      "train/b/10.png",     "train/b/sub/a.png", "train/b/sub b/z.png",
                           "train/b/sub.png",    "train/a/x.PNG",      "train/a/y.jpg",     "train/A/0.jpeg",
                           "train/.hid/q.png",   "train/a b/k.png",    "train/B/c.png"};
    uint8_t v = 10;
    std::map<std::string, uint8_t> value;
    for (const char *f : files) {
        fs::path p = d.path / f;
        if (p.extension() == ".jpg" || p.extension() == ".jpeg") {
            write_jpeg(p, 4, 3, 1, std::vector<uint8_t>(12, v), 100);
        } else {
            gray_png(p, v);
        }
        value[p.string()] = v;
        v = (uint8_t)(v + 20);
    }
    write_file(d.path / "train/a/notes.txt", "not an image");
    write_file(d.path / "train/README", "a file beside the classes");
    for (const char *c : {"a", "b"}) gray_png(d.path / "test" / c / "t.png", 1);
    for (const char *c : {".hid", "A", "B", "a b"}) gray_png(d.path / "test" / c / "t.png", 1);

    RunResult r = run(python_exe() + " " + script("imagefolder_order.py") + " " + quote((d.path / "train").string()), d);
    ASSERT_EQ(r.rc, 0) << r.err;
    std::vector<std::pair<int, std::string>> want;
    std::string want_classes;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        size_t tab = line.find('\t');
        ASSERT_NE(tab, std::string::npos) << line;
        if (line.compare(0, tab, "classes") == 0) want_classes = line.substr(tab + 1);
        else want.emplace_back(std::stoi(line.substr(0, tab)), line.substr(tab + 1));
    }
    ASSERT_EQ(want.size(), 11u) << r.out;

    Loaded l;
    load(d.path, &l);
    ASSERT_EQ(l.st, CNNC_OK) << l.err;
    std::string classes;
    for (int32_t c = 0; c < l.train.n_classes; c++) classes += (c ? "," : "") + std::string(l.train.classes[c]);
    EXPECT_EQ(classes, want_classes);
    EXPECT_EQ(classes, ".hid,A,B,a,a b,b");
    ASSERT_EQ(l.train.n, (int64_t)want.size());
    EXPECT_EQ(l.train.channels, 1);
    EXPECT_EQ(l.train.height, 3);
    EXPECT_EQ(l.train.width, 4);
    for (size_t i = 0; i < want.size(); i++) {
        EXPECT_EQ(l.train.labels[i], want[i].first) << i;
        // the JPEGs are flat gray at quality 100: decoded exactly
        EXPECT_EQ(l.train.images[i * 12], value[want[i].second]) << i << " " << want[i].second;
        EXPECT_EQ(l.train.images[i * 12 + 11], value[want[i].second]) << i << " " << want[i].second;
    }
    EXPECT_EQ(l.test.n, 6);
}

TEST(ImageFolder, AColourImageMakesTheSetRgbWithGrayReplicatedAndAlphaDropped) {
    WorkDir d("if_rgb");
    // 2x1 RGB: (1,2,3) (4,5,6); 2x1 gray+alpha: (7,a) (8,a); 2x1 RGBA.
    write_png(d.path / "train/c0/rgb.png", 2, 1, 3, {1, 2, 3, 4, 5, 6});
    write_png(d.path / "train/c1/ga.png", 2, 1, 2, {7, 0, 8, 255});
    write_png(d.path / "test/c0/rgba.png", 2, 1, 4, {9, 10, 11, 0, 12, 13, 14, 128});
    write_png(d.path / "test/c1/g.png", 2, 1, 1, {15, 16});
    Loaded l;
    load(d.path, &l);
    ASSERT_EQ(l.st, CNNC_OK) << l.err;
    ASSERT_EQ(l.train.channels, 3);
    ASSERT_EQ(l.test.channels, 3);
    const std::vector<uint8_t> train(l.train.images, l.train.images + 12), test(l.test.images, l.test.images + 12);
    EXPECT_EQ(train, (std::vector<uint8_t>{1, 4, 2, 5, 3, 6, 7, 8, 7, 8, 7, 8}));   // CHW planes
    EXPECT_EQ(test, (std::vector<uint8_t>{9, 12, 10, 13, 11, 14, 15, 16, 15, 16, 15, 16}));
    EXPECT_EQ(std::vector<uint8_t>(l.train.labels, l.train.labels + 2), (std::vector<uint8_t>{0, 1}));
}

// The size estimate that decides between loading whole and streaming counts what the
// loader will make: a gray first image with a colour one later (here in the test split)
// is 3 channels, not 1 (which would undercount the decoded set 3x).
TEST(ImageFolder, TheDecodedSizeEstimateCountsAColourImageAfterAGrayFirstOne) {
    WorkDir d("if_estimate");
    gray_png(d.path / "train/a/0.png", 1);
    gray_png(d.path / "train/b/1.png", 2);
    gray_png(d.path / "test/a/2.png", 3);
    write_png(d.path / "test/b/3.png", 4, 3, 3, std::vector<uint8_t>(36, 9));
    cnnc_error err;
    cnnc_error_clear(&err);
    uint64_t bytes = 0;
    ASSERT_EQ(cnnc_data_train_bytes(d.path.c_str(), &bytes, &err), CNNC_OK) << msg(err);
    EXPECT_EQ(bytes, 2u * 3u * 4u * 3u);   // 2 training images, 3 x 3 x 4 each
    Loaded l;
    load(d.path, &l);
    ASSERT_EQ(l.st, CNNC_OK) << l.err;
    EXPECT_EQ((uint64_t)l.train.n * (uint64_t)l.train.channels * 12u, bytes);   // what loading takes
    // all gray: 1 channel, every header read once
    fs::remove(d.path / "test/b/3.png");
    gray_png(d.path / "test/b/3.png", 5);
    ASSERT_EQ(cnnc_data_train_bytes(d.path.c_str(), &bytes, &err), CNNC_OK) << msg(err);
    EXPECT_EQ(bytes, 2u * 1u * 4u * 3u);
    // no test split: the training split alone decides
    fs::remove_all(d.path / "test");
    write_png(d.path / "train/b/9.png", 4, 3, 3, std::vector<uint8_t>(36, 9));
    ASSERT_EQ(cnnc_data_train_bytes(d.path.c_str(), &bytes, &err), CNNC_OK) << msg(err);
    EXPECT_EQ(bytes, 3u * 3u * 4u * 3u);
}

TEST(ImageFolder, ColourJpegDecodesCloseToItsPixels) {
    WorkDir d("if_jpeg");
    std::vector<uint8_t> px(16 * 16 * 3);
    for (size_t i = 0; i < px.size(); i++) px[i] = (uint8_t)(i % 3 == 0 ? 200 : i % 3 == 1 ? 100 : 50);
    write_jpeg(d.path / "train/x/a.jpg", 16, 16, 3, px, 100);
    write_jpeg(d.path / "test/x/a.jpg", 16, 16, 3, px, 100);
    Loaded l;
    load(d.path, &l);
    ASSERT_EQ(l.st, CNNC_OK) << l.err;
    ASSERT_EQ(l.train.channels, 3);
    for (int c = 0; c < 3; c++)
        for (int p = 0; p < 256; p++)
            EXPECT_NEAR(l.train.images[c * 256 + p], c == 0 ? 200 : c == 1 ? 100 : 50, 2) << c << " " << p;
}

TEST(ImageFolder, OneSplitIsReadAlone) {
    WorkDir d("if_one");
    gray_png(d.path / "test/a/1.png", 3);
    Loaded l;
    load(d.path, &l, false, true);
    ASSERT_EQ(l.st, CNNC_OK) << l.err;
    EXPECT_EQ(l.test.n, 1);
    Loaded m;
    load(d.path, &m, true, false);
    EXPECT_EQ(m.st, CNNC_ERR_IO);
    EXPECT_EQ(m.err, "FileNotFoundError: " + d.string() +
                         ": no train/ folder (an ImageFolder data set has DIR/train/<class>/ and DIR/test/<class>/)");
}

TEST(ImageFolder, BadInputIsRefusedNamingTheFile) {
    WorkDir d("if_bad");
    auto expect_error = [&](const char *what, const std::string &want) {
        Loaded l;
        load(d.path, &l);
        EXPECT_NE(l.st, CNNC_OK) << what;
        EXPECT_EQ(l.err, want) << what;
        EXPECT_EQ(l.train.images, nullptr) << what;
    };
    const std::string root = d.string();
    // one size per set
    gray_png(d.path / "train/a/1.png", 1);
    gray_png(d.path / "train/b/2.png", 1, 5, 3);
    gray_png(d.path / "test/a/1.png", 1);
    gray_png(d.path / "test/b/1.png", 1);
    expect_error("sizes", "ValueError: " + root + "/train/b/2.png: image is 5x3 but " + root +
                              "/train/a/1.png is 4x3: every image of a set must have one size (torchvision's "
                              "ImageFolder would need a Resize)");
    gray_png(d.path / "train/b/2.png", 1);
    // test images of another size than the training ones
    gray_png(d.path / "test/b/1.png", 1, 6, 6);
    gray_png(d.path / "test/a/1.png", 1, 6, 6);
    expect_error("split sizes", "ValueError: " + root + "/test: test images are 6x6 but training images are 4x3");
    gray_png(d.path / "test/b/1.png", 1);
    gray_png(d.path / "test/a/1.png", 1);
    // a truncated PNG
    {
        std::ifstream f(d.path / "train/a/1.png", std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        write_file(d.path / "train/a/0.png", bytes.substr(0, bytes.size() - 20));
    }
    {
        Loaded l;
        load(d.path, &l);
        EXPECT_EQ(l.st, CNNC_ERR_IO);
        EXPECT_EQ(l.err.rfind("ValueError: " + root + "/train/a/0.png: bad PNG: ", 0), 0u) << l.err;
    }
    fs::remove(d.path / "train/a/0.png");
    // a truncated JPEG
    {
        write_jpeg(d.path / "train/a/j.jpg", 4, 3, 1, std::vector<uint8_t>(12, 9), 90);
        std::ifstream f(d.path / "train/a/j.jpg", std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        write_file(d.path / "train/a/j.jpg", bytes.substr(0, bytes.size() / 2));
        Loaded l;
        load(d.path, &l);
        EXPECT_EQ(l.st, CNNC_ERR_IO);
        EXPECT_EQ(l.err.rfind("ValueError: " + root + "/train/a/j.jpg: bad JPEG: ", 0), 0u) << l.err;
        fs::remove(d.path / "train/a/j.jpg");
    }
    // not an image at all, under an image's name
    write_file(d.path / "train/a/t.png", "hello");
    expect_error("garbage", "ValueError: " + root + "/train/a/t.png: unknown image format: expected a PNG or a JPEG");
    fs::remove(d.path / "train/a/t.png");
    // an image torchvision would read and cnnc cannot
    write_file(d.path / "train/a/x.bmp", "BM");
    expect_error("bmp", "ValueError: " + root + "/train/a/x.bmp: .bmp images are not supported: cnnc reads .png, .jpg and .jpeg");
    fs::remove(d.path / "train/a/x.bmp");
    // an empty class folder, as torchvision says it
    fs::create_directories(d.path / "train/c");
    fs::create_directories(d.path / "train/d");
    write_file(d.path / "train/d/x.txt", "");
    expect_error("empty", "FileNotFoundError: " + root +
                              "/train: Found no valid file for the classes c, d. Supported extensions are: .png, .jpg, .jpeg");
    fs::remove_all(d.path / "train/c");
    fs::remove_all(d.path / "train/d");
    // other classes in test/ than in train/
    gray_png(d.path / "test/c/1.png", 1);
    expect_error("classes", "ValueError: " + root + "/test: its classes differ from " + root +
                                "/train's: class 2 is '(none)' there and 'c' here (both splits need the same class "
                                "folders, or the labels disagree)");
    fs::remove_all(d.path / "test/c");
    // no class folder
    fs::remove_all(d.path / "test");
    fs::create_directories(d.path / "test");
    expect_error("no class", "FileNotFoundError: Couldn't find any class folder in " + root + "/test.");
}

// A Fashion-MNIST subset written as PNGs in the ImageFolder layout trains exactly as
// the same subset as IDX files: same pixels, same labels, same order, so the same
// seed gives the same losses and accuracy to the last digit.
TEST(ImageFolder, APngCopyOfFashionMnistTrainsExactlyAsItsIdxFiles) {
    const char *fm = "/usr/share/datasets/fashion-mnist";
    struct stat sb;
    if (stat((std::string(fm) + "/train-images-idx3-ubyte.gz").c_str(), &sb) != 0)
        GTEST_FAIL() << "Debian's dataset-fashion-mnist is not installed (apt-get install dataset-fashion-mnist)";
    WorkDir d("if_fmnist");
    cnnc_idx_set train, test;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_data_load_dir(fm, &train, &test, &err), CNNC_OK) << msg(err);
    // The subset in the folder's order: by class, then by file name (a zero-padded index).
    const char *names[10] = {"0_T-shirt", "1_Trouser", "2_Pullover", "3_Dress", "4_Coat",
                             "5_Sandal",  "6_Shirt",   "7_Sneaker",  "8_Bag",   "9_Ankle boot"};
    auto subset = [&](const cnnc_idx_set &s, int64_t count, const char *split, const fs::path &idx_dir) {
        std::vector<uint8_t> px, lab;
        for (int c = 0; c < 10; c++)
            for (int64_t i = 0; i < count; i++) {
                if (s.labels[i] != c) continue;
                const uint8_t *img = s.images + i * 784;
                px.insert(px.end(), img, img + 784);
                lab.push_back((uint8_t)c);
                char name[32];
                snprintf(name, sizeof name, "%05lld.png", (long long)i);
                write_png(d.path / "folder" / split / names[c] / name, 28, 28, 1, std::vector<uint8_t>(img, img + 784));
            }
        cnnc_idx_set out = {px.data(), lab.data(), (int64_t)lab.size(), 28, 28};
        fs::create_directories(idx_dir);
        std::string pre = std::string(split) == "train" ? "train" : "t10k";
        cnnc_error e2;
        cnnc_error_clear(&e2);
        ASSERT_EQ(cnnc_idx_save_pair((idx_dir / (pre + "-images-idx3-ubyte")).c_str(),
                                     (idx_dir / (pre + "-labels-idx1-ubyte")).c_str(), &out, &e2),
                  CNNC_OK)
            << msg(e2);
    };
    subset(train, 1200, "train", d.path / "idx");
    subset(test, 400, "test", d.path / "idx");
    cnnc_idx_set_free(&train);
    cnnc_idx_set_free(&test);

    const std::string common = " train " + quote(source_path("models/mnist_cnn.cnn")) +
                               " --device cpu --epochs 2 --batch 50 --seed 7 --quiet --data ";
    RunResult a = run(quote(cnnc_exe()) + common + quote((d.path / "idx").string()) + " --save " +
                          quote((d.path / "a.safetensors").string()), d);
    ASSERT_EQ(a.rc, 0) << a.err;
    RunResult b = run(quote(cnnc_exe()) + common + quote((d.path / "folder").string()) + " --save " +
                          quote((d.path / "b.safetensors").string()), d);
    ASSERT_EQ(b.rc, 0) << b.err;
    // "epoch 1/2: train loss L, test loss T, test acc A, S s, N img/s": all but the timings
    std::regex timing(", [0-9.]+ s, [0-9]+ img/s");
    std::string la = std::regex_replace(a.out, timing, ""), lb = std::regex_replace(b.out, timing, "");
    EXPECT_NE(la.find("epoch 2/2: train loss"), std::string::npos) << a.out;
    EXPECT_EQ(la, lb);
    // the weights too, tensor by tensor; the folder's checkpoint also names the classes
    cnnc_st_file *fa = nullptr, *fb = nullptr;
    ASSERT_EQ(cnnc_st_read((d.path / "a.safetensors").c_str(), &fa, &err), CNNC_OK) << msg(err);
    ASSERT_EQ(cnnc_st_read((d.path / "b.safetensors").c_str(), &fb, &err), CNNC_OK) << msg(err);
    ASSERT_EQ(cnnc_st_count(fa), cnnc_st_count(fb));
    for (int32_t i = 0; i < cnnc_st_count(fa); i++) {
        const cnnc_st_tensor *ta = cnnc_st_at(fa, i), *tb = cnnc_st_find(fb, ta->name);
        ASSERT_NE(tb, nullptr) << ta->name;
        ASSERT_EQ(ta->nbytes, tb->nbytes) << ta->name;
        EXPECT_EQ(std::memcmp(ta->data, tb->data, ta->nbytes), 0) << ta->name;
    }
    EXPECT_EQ(cnnc_st_meta(fa, "classes"), nullptr);
    ASSERT_NE(cnnc_st_meta(fb, "classes"), nullptr);
    EXPECT_STREQ(cnnc_st_meta(fb, "classes"),
                 "[\"0_T-shirt\",\"1_Trouser\",\"2_Pullover\",\"3_Dress\",\"4_Coat\",\"5_Sandal\",\"6_Shirt\","
                 "\"7_Sneaker\",\"8_Bag\",\"9_Ankle boot\"]");
    cnnc_st_free(fa);
    cnnc_st_free(fb);

    // predict names the class; eval on the folder takes the checkpoint; eval of the IDX
    // checkpoint on the folder passes (it records no names)
    RunResult p = run(quote(cnnc_exe()) + " predict " + quote(source_path("models/mnist_cnn.cnn")) + " --weights " +
                          quote((d.path / "b.safetensors").string()) + " --top 1 " +
                          quote((d.path / "folder/test/1_Trouser/00002.png").string()), d);
    ASSERT_EQ(p.rc, 0) << p.err;
    EXPECT_TRUE(std::regex_match(p.out, std::regex(".*00002\\.png: [0-9]_[A-Za-z -]+ \\(0\\.[0-9]{4}\\)\n"))) << p.out;
    RunResult e = run(quote(cnnc_exe()) + " eval " + quote(source_path("models/mnist_cnn.cnn")) + " --weights " +
                          quote((d.path / "b.safetensors").string()) + " --data " + quote((d.path / "folder").string()),
                      d);
    ASSERT_EQ(e.rc, 0) << e.err;
    EXPECT_NE(e.out.find("(test split, 400 images, cpu)"), std::string::npos) << e.out;
}

TEST(ImageFolder, TrainTakesTheInputShapeFromTheDataAndEvalChecksTheClasses) {
    WorkDir d("if_shape");
    for (int i = 0; i < 4; i++) {
        std::vector<uint8_t> px(6 * 5 * 3, (uint8_t)(i * 40));
        write_png(d.path / "data/train" / (i % 2 ? "dog" : "cat") / (std::to_string(i) + ".png"), 6, 5, 3, px);
        write_png(d.path / "data/test" / (i % 2 ? "dog" : "cat") / (std::to_string(i) + ".png"), 6, 5, 3, px);
    }
    write_file(d.path / "m.cnn", "flatten = Flatten()\nout = Linear(3 * 5 * 6, 2)\n");
    RunResult t = run(quote(cnnc_exe()) + " train " + quote((d.path / "m.cnn").string()) +
                          " --device cpu --batch 2 --data " + quote((d.path / "data").string()) + " --save " +
                          quote((d.path / "m.safetensors").string()), d);
    ASSERT_EQ(t.rc, 0) << t.err;
    EXPECT_NE(t.out.find("(4 train / 4 test images)"), std::string::npos) << t.out;
    // predict reads an RGB image for the 3-channel model and names its class
    RunResult p = run(quote(cnnc_exe()) + " predict " + quote((d.path / "m.cnn").string()) + " --input 3x5x6 --weights " +
                          quote((d.path / "m.safetensors").string()) + " --top 2 " +
                          quote((d.path / "data/test/cat/0.png").string()), d);
    ASSERT_EQ(p.rc, 0) << p.err;
    EXPECT_TRUE(std::regex_match(p.out, std::regex(".*0\\.png: (cat|dog) \\(0\\.[0-9]{4}\\) (cat|dog) \\(0\\.[0-9]{4}\\)\n")))
        << p.out;
    // eval with other class names than the checkpoint's is refused, naming both
    fs::rename(d.path / "data/test/dog", d.path / "data/test/wolf");
    RunResult e = run(quote(cnnc_exe()) + " eval " + quote((d.path / "m.cnn").string()) + " --weights " +
                          quote((d.path / "m.safetensors").string()) + " --data " + quote((d.path / "data").string()),
                      d);
    EXPECT_EQ(e.rc, 1) << e.out;
    EXPECT_NE(e.err.find("ValueError: " + (d.path / "m.safetensors").string() + " was trained on other classes than " +
                         (d.path / "data").string() + " has: class 1 is 'dog' there and 'wolf' here"),
              std::string::npos)
        << e.err;
}
