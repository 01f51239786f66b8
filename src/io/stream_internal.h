/* stream_internal.h — what the streamed training sets (stream_set.c) take from the
 * IDX and ImageFolder readers (internal). */
#ifndef CNNC_IO_STREAM_INTERNAL_H
#define CNNC_IO_STREAM_INTERNAL_H

#include <stdint.h>

#include "cnnc/io.h"
#include "io/image_codec.h"

/* ---- IDX (idx.c) ---- */
typedef struct cnnc_idx_paths {
    char train_images[1100], train_labels[1100], test_images[1100], test_labels[1100];
} cnnc_idx_paths;
/* The files of DIR's wanted splits, as cnnc_data_load_dir finds them. */
cnnc_status cnnc_idx_locate(const char *dir, int train, int test, cnnc_idx_paths *out, cnnc_error *err);
/* An IDX file's checked header (labels: rows = cols = 1); *gz when it is gzip.
 * Raw files are also checked for truncation and trailing bytes. */
cnnc_status cnnc_idx_head(const char *path, int images, uint32_t *n, uint32_t *rows, uint32_t *cols, int *gz,
                          cnnc_error *err);
/* A labels file read whole. */
cnnc_status cnnc_idx_read_labels(const char *path, uint8_t **labels, int64_t *n, cnnc_error *err);

/* ---- ImageFolder (imagefolder.c) ---- */
typedef struct cnnc_folder_files {
    char **paths;                /* n files in torchvision's order */
    uint8_t *labels;             /* n */
    int64_t n;
    cnnc_image_info info;        /* the set's size (every header checked) */
    int32_t channels;            /* 1, or 3 when any image of either split is colour */
    char **classes;
    int32_t n_classes;
} cnnc_folder_files;
/* cnnc_imagefolder_load with the training split listed and its headers checked
 * but not decoded (into *train); test (may be NULL) is loaded whole, with the
 * channels both splits share. */
cnnc_status cnnc_imagefolder_open(const char *dir, cnnc_folder_files *train, cnnc_data_set *test, cnnc_error *err);
/* The training split's file count and the first image's header, its channels 3
 * if any image of either split is colour (headers read up to the first that is). */
cnnc_status cnnc_imagefolder_count(const char *dir, int64_t *n, cnnc_image_info *first, cnnc_error *err);
void cnnc_folder_files_free(cnnc_folder_files *f);

#endif
