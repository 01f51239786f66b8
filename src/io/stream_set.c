/* stream_set.c — a training split read from disk one sample at a time, for the
 * engine's prefetch workers (cnnc_data_open_stream). Reads are thread-safe:
 * IDX samples by pread at their offset, ImageFolder files decoded each on its
 * own. Every error names the file and the sample. */
#include "cnnc/io.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/io_util.h"
#include "io/stream_internal.h"

#define IDX_IMAGES_HEADER 16

struct cnnc_stream_set {
    cnnc_sample_source src;
    /* IDX */
    int fd;                      /* the images file, -1: ImageFolder */
    char images_path[1100];
    uint8_t *idx_labels;
    /* ImageFolder */
    cnnc_folder_files files;
};

static cnnc_status read_idx(void *ctx, int64_t index, uint8_t *pixels, cnnc_error *err) {
    const cnnc_stream_set *s = ctx;
    const size_t item = (size_t)s->src.height * (size_t)s->src.width;
    off_t off = (off_t)IDX_IMAGES_HEADER + (off_t)index * (off_t)item;
    size_t got = 0;
    while (got < item) {
        ssize_t r = pread(s->fd, pixels + got, item - got, off + (off_t)got);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            cnnc_io_os_error(err, e, s->images_path);
            if (err)
                snprintf(err->message + strlen(err->message), sizeof err->message - strlen(err->message),
                     " (reading sample %lld)", (long long)index);
            return CNNC_ERR_IO;
        }
        if (r == 0)
            return cnnc_io_format_error(err, s->images_path,
                                        "truncated: sample %lld ends at byte %lld but the file has only %lld (it "
                                        "changed after it was opened?)",
                                        (long long)index, (long long)(off + (off_t)item), (long long)(off + (off_t)got));
        got += (size_t)r;
    }
    return CNNC_OK;
}

static cnnc_status read_folder(void *ctx, int64_t index, uint8_t *pixels, cnnc_error *err) {
    const cnnc_stream_set *s = ctx;
    cnnc_status st = cnnc_image_decode(s->files.paths[index], &s->files.info, s->files.channels, pixels, err);
    if (st != CNNC_OK && err) {
        size_t len = strlen(err->message);
        snprintf(err->message + len, sizeof err->message - len, " (sample %lld of the training set)", (long long)index);
    }
    return st;
}

static cnnc_status open_idx(const char *dir, cnnc_stream_set *s, cnnc_data_set *test, cnnc_error *err) {
    cnnc_idx_paths paths;
    cnnc_status st = cnnc_idx_locate(dir, 1, 0, &paths, err);
    if (st != CNNC_OK) return st;
    uint32_t n, rows, cols, ln, lr, lc;
    int gz = 0, lgz = 0;
    if ((st = cnnc_idx_head(paths.train_images, 1, &n, &rows, &cols, &gz, err)) != CNNC_OK) return st;
    if (gz)
        return cnnc_io_format_error(err, paths.train_images,
                                    "a gzip file cannot be streamed (a sample cannot be read at its offset without "
                                    "inflating everything before it): gunzip it once (gunzip -k %s) and stream the "
                                    "uncompressed file, or load the set whole",
                                    paths.train_images);
    if ((st = cnnc_idx_head(paths.train_labels, 0, &ln, &lr, &lc, &lgz, err)) != CNNC_OK) return st;
    if (ln != n)
        return cnnc_io_format_error(err, paths.train_labels, "%u labels but %s has %u images", ln, paths.train_images, n);
    int64_t got = 0;
    if ((st = cnnc_idx_read_labels(paths.train_labels, &s->idx_labels, &got, err)) != CNNC_OK) return st;
    snprintf(s->images_path, sizeof s->images_path, "%s", paths.train_images);
    s->fd = open(paths.train_images, O_RDONLY | O_CLOEXEC);
    if (s->fd < 0) return cnnc_io_os_error(err, errno, paths.train_images);
    s->src.n = n;
    s->src.channels = 1;
    s->src.height = (int32_t)rows;
    s->src.width = (int32_t)cols;
    s->src.labels = s->idx_labels;
    s->src.read = read_idx;
    if (!test) return CNNC_OK;
    /* the test split whole, as cnnc_data_load gives it */
    st = cnnc_data_load(dir, NULL, test, err);
    if (st == CNNC_OK && (test->height != s->src.height || test->width != s->src.width))
        st = cnnc_io_format_error(err, paths.train_images, "training images are %dx%d but test images are %dx%d",
                                  s->src.height, s->src.width, test->height, test->width);
    return st;
}

cnnc_status cnnc_data_open_stream(const char *dir, cnnc_stream_set **train, cnnc_data_set *test, cnnc_error *err) {
    *train = NULL;
    if (test) memset(test, 0, sizeof *test);
    if (!dir) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_data_open_stream: no folder");
    cnnc_stream_set *s = calloc(1, sizeof *s);
    if (!s) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate a streamed data set");
    s->fd = -1;
    s->src.ctx = s;
    cnnc_status st;
    if (cnnc_data_is_folder_set(dir)) {
        st = cnnc_imagefolder_open(dir, &s->files, test, err);
        if (st == CNNC_OK) {
            s->src.n = s->files.n;
            s->src.channels = s->files.channels;
            s->src.height = s->files.info.height;
            s->src.width = s->files.info.width;
            s->src.labels = s->files.labels;
            s->src.read = read_folder;
        }
    } else {
        st = open_idx(dir, s, test, err);
    }
    if (st != CNNC_OK) {
        cnnc_stream_set_free(s);
        if (test) cnnc_data_set_free(test);
        return st;
    }
    *train = s;
    return CNNC_OK;
}

const cnnc_sample_source *cnnc_stream_source(const cnnc_stream_set *s) { return s ? &s->src : NULL; }

char *const *cnnc_stream_classes(const cnnc_stream_set *s, int32_t *n) {
    *n = s ? s->files.n_classes : 0;
    return s ? s->files.classes : NULL;
}

void cnnc_stream_set_free(cnnc_stream_set *s) {
    if (!s) return;
    if (s->fd >= 0) close(s->fd);
    free(s->idx_labels);
    cnnc_folder_files_free(&s->files);
    free(s);
}

cnnc_status cnnc_data_train_bytes(const char *dir, uint64_t *bytes, cnnc_error *err) {
    *bytes = 0;
    if (cnnc_data_is_folder_set(dir)) {
        int64_t n = 0;
        cnnc_image_info first;
        cnnc_status st = cnnc_imagefolder_count(dir, &n, &first, err);
        if (st == CNNC_OK) *bytes = (uint64_t)n * (uint64_t)first.channels * (uint64_t)first.height * (uint64_t)first.width;
        return st;
    }
    cnnc_idx_paths paths;
    cnnc_status st = dir ? cnnc_idx_locate(dir, 1, 0, &paths, err)
                         : cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_data_train_bytes: no folder");
    uint32_t n, rows, cols;
    int gz;
    if (st == CNNC_OK) st = cnnc_idx_head(paths.train_images, 1, &n, &rows, &cols, &gz, err);
    if (st == CNNC_OK) *bytes = (uint64_t)n * rows * cols;
    return st;
}
