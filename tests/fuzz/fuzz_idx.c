/* fuzz_idx.c — libFuzzer target for the IDX reader (raw and gzip).
 * Input: 2 bytes little-endian L, then L bytes of the images file (clamped to
 * what is there), the rest is the labels file. Both go to temporary files so
 * the real path-based reader (stdio and zlib) is exercised. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cnnc/io.h"

static char images_path[64], labels_path[64];

static int write_bytes(const char *path, const uint8_t *data, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    size_t w = n ? fwrite(data, 1, n, f) : 0;
    fclose(f);
    return w == n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!images_path[0]) {
        snprintf(images_path, sizeof images_path, "/tmp/cnnc_fuzz_idx_%ld_images", (long)getpid());
        snprintf(labels_path, sizeof labels_path, "/tmp/cnnc_fuzz_idx_%ld_labels", (long)getpid());
    }
    if (size < 2) return 0;
    size_t split = (size_t)data[0] | ((size_t)data[1] << 8);
    data += 2;
    size -= 2;
    if (split > size) split = size;
    if (!write_bytes(images_path, data, split) || !write_bytes(labels_path, data + split, size - split)) return 0;
    cnnc_idx_set set;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_idx_load_pair(images_path, labels_path, &set, &err) == CNNC_OK) {
        /* Touch every byte the reader claims to own. */
        unsigned sum = 0;
        size_t n = (size_t)set.n * (size_t)set.rows * (size_t)set.cols;
        for (size_t i = 0; i < n; i++) sum += set.images[i];
        for (int64_t i = 0; i < set.n; i++) sum += set.labels[i];
        if (set.n <= 0 || set.rows <= 0 || set.cols <= 0) abort();
        (void)sum;
        cnnc_idx_set_free(&set);
    } else if (err.status != CNNC_ERR_IO || err.message[0] == '\0' || err.file[0] == '\0') {
        abort();   /* every failure must be an I/O error that names its file */
    }
    return 0;
}
