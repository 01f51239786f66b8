/* cnnc/io.h — data sets (IDX, raw or .gz), safetensors, checkpoints, images,
 * metrics CSV and SVG plots. Every reader bounds-checks everything it reads
 * and names the file in its error. */
#ifndef CNNC_IO_H
#define CNNC_IO_H

#include "cnnc/engine.h"
#include "cnnc/sched.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- IDX (MNIST file format) ---- */
typedef struct cnnc_idx_set {
    uint8_t *images;             /* n * rows * cols */
    uint8_t *labels;             /* n */
    int64_t n;
    int32_t rows, cols;
} cnnc_idx_set;

/* Load an images/labels pair (each raw or gzip). Checks magic numbers (2051,
 * 2049), dimensions, count agreement and truncation. */
cnnc_status cnnc_idx_load_pair(const char *images_path, const char *labels_path,
                               cnnc_idx_set *out, cnnc_error *err);
/* A folder with train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
 * t10k-labels-idx1-ubyte, each optionally ending in .gz (torchvision's MNIST/raw,
 * Debian's /usr/share/datasets/fashion-mnist). Either split may be NULL and is then
 * not read (eval reads only the split it evaluates). Each pair's two headers and
 * counts are checked before either payload is read or inflated. */
cnnc_status cnnc_data_load_dir(const char *dir, cnnc_idx_set *train, cnnc_idx_set *test, cnnc_error *err);
void cnnc_idx_set_free(cnnc_idx_set *set);
/* View as an engine data set (no copy). */
cnnc_dataset cnnc_idx_as_dataset(const cnnc_idx_set *set);
/* Write an IDX pair uncompressed (used by scripts/tests to make data). */
cnnc_status cnnc_idx_save_pair(const char *images_path, const char *labels_path,
                               const cnnc_idx_set *set, cnnc_error *err);

/* ---- data sets: IDX or torchvision's ImageFolder layout ---- */
/* The most classes an ImageFolder set may have (labels are uint8). */
#define CNNC_DATA_MAX_CLASSES 256
typedef struct cnnc_data_set {
    uint8_t *images;             /* n x channels x height x width, each image CHW */
    uint8_t *labels;             /* n */
    int64_t n;
    int32_t channels, height, width;
    char **classes;              /* ImageFolder: class names in label order (the folders'
                                  * names, sorted); IDX: NULL */
    int32_t n_classes;
} cnnc_data_set;
/* DIR in either layout: an ImageFolder when DIR/train or DIR/test is a folder
 * (cnnc_imagefolder_load), else IDX files (cnnc_data_load_dir). Either split may
 * be NULL and is then not read. */
cnnc_status cnnc_data_load(const char *dir, cnnc_data_set *train, cnnc_data_set *test, cnnc_error *err);
/* torchvision's ImageFolder under DIR/train and DIR/test: DIR/SPLIT/<class>/ (any depth) *.png|jpg|jpeg
 * (any depth below the class folder), classes and files in torchvision's order
 * (sorted names; files by folder, then name). PNG (libpng) and JPEG (libjpeg),
 * 8-bit gray or colour: a set whose every image is gray has 1 channel, else 3
 * (gray images replicated, alpha dropped, as PIL's convert("RGB")). Every header is
 * read and checked (one size per set, the same classes in both splits) before the
 * pixels are allocated. */
cnnc_status cnnc_imagefolder_load(const char *dir, cnnc_data_set *train, cnnc_data_set *test, cnnc_error *err);
void cnnc_data_set_free(cnnc_data_set *set);
/* View as an engine data set (no copy). */
cnnc_dataset cnnc_data_as_dataset(const cnnc_data_set *set);
/* train --val-split: hold out `count` training images (1..n-1) as a validation
 * set. Which ones: the first `count` positions of a Fisher-Yates shuffle seeded by
 * `seed` alone (not the epoch), so a seed always holds out the same images. The set
 * is rearranged in place, kept images first and held-out ones after, each in their
 * original order; train->n becomes n - count and *val views the tail (valid while
 * train is). */
cnnc_status cnnc_data_hold_out(cnnc_data_set *train, int64_t count, uint64_t seed, cnnc_dataset *val,
                               cnnc_error *err);
/* Class names as checkpoint metadata ("classes": a JSON list of strings, as
 * torchvision's dataset.classes) and back. The string is malloc'ed. */
char *cnnc_classes_to_json(char *const *classes, int32_t n);
/* The class names a checkpoint records (*n = 0, *classes NULL when none). */
cnnc_status cnnc_ckpt_read_classes(const char *path, char ***classes, int32_t *n, cnnc_error *err);
void cnnc_classes_free(char **classes, int32_t n);

/* ---- streamed training sets: read from disk a sample at a time ---- */
typedef struct cnnc_stream_set cnnc_stream_set;
/* DIR's training split opened for streaming (cnnc_engine_set_stream), in either
 * layout: its labels are read, no pixel is. IDX: the uncompressed images file is
 * read at each sample's offset (pread); a gzip one is refused, naming it (gzip
 * cannot be read at an offset: gunzip it once). ImageFolder: every header is
 * checked now, and each file is decoded when its sample is read. test (may be
 * NULL) receives the test split loaded whole, as cnnc_data_load would load it. */
cnnc_status cnnc_data_open_stream(const char *dir, cnnc_stream_set **train, cnnc_data_set *test, cnnc_error *err);
/* The engine's view of it (valid while the set is). */
const cnnc_sample_source *cnnc_stream_source(const cnnc_stream_set *s);
/* ImageFolder: the class names (NULL, *n = 0 for IDX). */
char *const *cnnc_stream_classes(const cnnc_stream_set *s, int32_t *n);
void cnnc_stream_set_free(cnnc_stream_set *s);
/* The bytes DIR's training split takes decoded (n x C x H x W), from headers
 * alone: IDX's header; for an ImageFolder the file count and image headers up to
 * the first colour one (every image is loaded as colour if one of either split
 * is), so a gray set reads every header once. */
cnnc_status cnnc_data_train_bytes(const char *dir, uint64_t *bytes, cnnc_error *err);

/* ---- safetensors ---- */
typedef struct cnnc_st_tensor {
    char name[160];
    cnnc_dtype dtype;            /* F32, I64, I32, U8 */
    int32_t ndim;
    int64_t shape[CNNC_MAX_DIMS];
    int64_t numel;
    const void *data;            /* points into the file's buffer (little-endian, may be unaligned-safe copy) */
    size_t nbytes;
} cnnc_st_tensor;

typedef struct cnnc_st_file cnnc_st_file;

cnnc_status cnnc_st_read(const char *path, cnnc_st_file **out, cnnc_error *err);
void cnnc_st_free(cnnc_st_file *f);
int32_t cnnc_st_count(const cnnc_st_file *f);
const cnnc_st_tensor *cnnc_st_at(const cnnc_st_file *f, int32_t i);
const cnnc_st_tensor *cnnc_st_find(const cnnc_st_file *f, const char *name);
const char *cnnc_st_meta(const cnnc_st_file *f, const char *key);  /* "__metadata__" string values */

typedef struct cnnc_st_writer cnnc_st_writer;
cnnc_st_writer *cnnc_st_writer_new(void);
/* Data is copied. Returns CNNC_ERR_NOMEM / CNNC_ERR_USAGE (duplicate name). */
cnnc_status cnnc_st_writer_add(cnnc_st_writer *w, const char *name, cnnc_dtype dtype, int32_t ndim,
                               const int64_t *shape, const void *data, cnnc_error *err);
cnnc_status cnnc_st_writer_meta(cnnc_st_writer *w, const char *key, const char *value, cnnc_error *err);
/* Atomic: write PATH.tmp.PID, fsync, rename over PATH, fsync the folder. On any
 * failure the old PATH is untouched and the temporary is removed. */
cnnc_status cnnc_st_writer_save(cnnc_st_writer *w, const char *path, cnnc_error *err);
void cnnc_st_writer_free(cnnc_st_writer *w);

/* ---- checkpoints: engine state as a PyTorch state_dict in safetensors ---- */
/* The most epochs a run or a checkpoint may count (cnnc train --epochs, metadata "epoch"). */
#define CNNC_CKPT_MAX_EPOCHS 1000000
typedef struct cnnc_ckpt_meta {
    int64_t epoch;               /* epochs completed, 0..CNNC_CKPT_MAX_EPOCHS */
    uint64_t seed;
    int with_optim;              /* also store optimizer state ("optim.m", "optim.v", "optim.step") in
                                  * the sidecar cnnc_ckpt_optim_path(path), so that the checkpoint
                                  * itself stays a plain state_dict PyTorch loads strictly */
    uint64_t run_id;             /* save: the run's id, written into both files ("run_id"; 0: a fresh
                                  * random one for this save); load: the weights' (0 if none) */
    int has_optim_config;        /* load: the sidecar recorded its optimizer ... */
    cnnc_optim_config optim;     /* ... kind and hyperparameters (lr, momentum, betas, ...) */
    int has_sched;               /* save: record `sched` in the sidecar; load: the sidecar recorded one */
    cnnc_sched_config sched;     /* the run's resolved learning-rate schedule (T_max, total_steps set),
                                  * as a scheduler's state_dict keeps its arguments */
    const char *classes;         /* save: the data's class names as JSON (cnnc_classes_to_json), written as
                                  * metadata "classes" (NULL: none); load: not set (cnnc_ckpt_read_classes) */
} cnnc_ckpt_meta;
/* The optimizer sidecar of a checkpoint: X.safetensors -> X.optim.safetensors.
 * The two files are one unit: both carry the run id and the optimizer step, the
 * sidecar also the optimizer's kind and hyperparameters. A save stages both
 * files, then keeps the old sidecar as SIDECAR.prev while it renames the new
 * sidecar and then the new weights into place, and removes .prev last: a crash
 * at any point leaves a consistent old or new pair, which loading finds. */
void cnnc_ckpt_optim_path(const char *path, char *out, size_t cap);
/* A random nonzero run id (/dev/urandom). */
uint64_t cnnc_ckpt_new_run_id(void);
/* Whether a checkpoint (and, with with_optim, its sidecar) can be saved at PATH,
 * checked before training: PATH (after its symlinks) is a regular file or new,
 * and its folder exists and takes a new file. The error is the one the save
 * would give. */
cnnc_status cnnc_ckpt_check_save_path(const char *path, int with_optim, cnnc_error *err);
cnnc_status cnnc_ckpt_save(cnnc_engine *e, const cnnc_model *model, const char *path,
                           const cnnc_ckpt_meta *meta, cnnc_error *err);
/* Loads weights (and optimizer state when present and wanted). Mismatches are
 * reported in load_state_dict's words ("Error(s) in loading state_dict for ...",
 * "Missing key(s) in state_dict: ...", "size mismatch for ..."). With want_optim,
 * a sidecar that does not belong with the weights (another run id or step) or
 * that holds another optimizer kind than the engine's is refused, naming what
 * differs; nothing is loaded then. */
cnnc_status cnnc_ckpt_load(cnnc_engine *e, const char *path, int want_optim,
                           cnnc_ckpt_meta *meta, cnnc_error *err);
/* Mid-epoch checkpoints (interrupted training): also record how many steps of
 * epoch meta->epoch were done ("step_in_epoch" metadata; 0 = at an epoch
 * boundary). Every checkpoint records the dropout RNG counter ("rng_counter"). */
cnnc_status cnnc_ckpt_save_at(cnnc_engine *e, const cnnc_model *model, const char *path,
                              const cnnc_ckpt_meta *meta, int64_t step_in_epoch, cnnc_error *err);
cnnc_status cnnc_ckpt_load_at(cnnc_engine *e, const char *path, int want_optim, cnnc_ckpt_meta *meta,
                              int64_t *step_in_epoch, cnnc_error *err);

/* ---- files ---- */
/* Write `n` bytes to `path` whole or not at all (PATH.tmp.PID, fsync, rename over
 * PATH, fsync of the folder): on failure the previous file is unchanged and err
 * names the path as Python's OSError would (cnnc convert -o). */
cnnc_status cnnc_io_write_atomic(const char *path, const void *data, size_t n, cnnc_error *err);

/* ---- images: 8-bit grayscale PGM (P2/P5) or PNG (any colour type, converted) ---- */
cnnc_status cnnc_image_load_gray(const char *path, uint8_t **pixels, int32_t *width,
                                 int32_t *height, cnnc_error *err);
/* The same, for an image that must be want_w x want_h: the size in the header is
 * checked before any pixel is decoded ("ValueError: PATH: image is 16384x16384
 * but the model takes 28x28"). */
cnnc_status cnnc_image_load_gray_sized(const char *path, int32_t want_w, int32_t want_h, uint8_t **pixels,
                                       int32_t *width, int32_t *height, cnnc_error *err);

/* A PNG or JPEG of want_w x want_h (checked in its header before any pixel is
 * decoded) as `channels` 8-bit planes (1 or 3, CHW), as the ImageFolder reader
 * decodes it: gray replicated into 3 planes; a colour image into 1 plane is refused. */
cnnc_status cnnc_image_load_planes(const char *path, int32_t want_w, int32_t want_h, int32_t channels,
                                   uint8_t **pixels, cnnc_error *err);

/* ---- metrics ---- */
typedef struct cnnc_metrics_row {
    int64_t epoch, step;
    double train_loss, test_loss, test_acc, images_per_s, seconds;
} cnnc_metrics_row;
/* Header "epoch,step,train_loss,test_loss,test_acc,images_per_s,seconds" then rows. */
cnnc_status cnnc_metrics_write_csv(const char *path, const cnnc_metrics_row *rows, int64_t n, cnnc_error *err);
/* Loss curves (train, test) and test accuracy against epoch, self-contained SVG. */
cnnc_status cnnc_metrics_write_svg(const char *path, const cnnc_metrics_row *rows, int64_t n,
                                   const char *title, cnnc_error *err);

#ifdef __cplusplus
}
#endif
#endif
