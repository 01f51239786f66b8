/* imagefolder.c — torchvision's ImageFolder layout, DIR/train/<class>/... and
 * DIR/test/<class>/..., read whole into a cnnc_data_set.
 *
 * Order, as torchvision.datasets.ImageFolder: classes are the sorted names of the
 * folders in the split (os.scandir, symlinks followed, hidden ones included);
 * each class's files come from sorted(os.walk(class_dir, followlinks=True)), and
 * sorted(fnames) in each folder. Names compare by bytes (Python's str order for
 * UTF-8). Files with .png, .jpg or .jpeg (any case) are read; torchvision's other
 * image extensions are refused (cnnc cannot decode them, and skipping would train
 * on another set); anything else is skipped, as torchvision skips it.
 *
 * Memory: every file's header is read and checked first (one size per set, at
 * most CNNC_DATA_MAX_CLASSES classes, the same classes in both splits), then the
 * pixels are allocated once and decoded into place. */
#include "cnnc/io.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "io/image_codec.h"
#include "io/io_util.h"
#include "io/stream_internal.h"

#define FOLDER_MAX_DEPTH 32          /* below a class folder (symlink loops stop here) */
#define FOLDER_MAX_FILES ((int64_t)INT32_MAX)

typedef struct file_entry {
    char *path;                      /* DIR/split/class/.../name */
    size_t root_len;                 /* length of the folder part (before the last '/') */
    int32_t label;
} file_entry;

typedef struct name_list { char **v; int32_t n, cap; } name_list;
typedef struct file_list { file_entry *v; int64_t n, cap; } file_list;

static void names_free(name_list *l) {
    for (int32_t i = 0; i < l->n; i++) free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static void files_free(file_list *l) {
    for (int64_t i = 0; i < l->n; i++) free(l->v[i].path);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static cnnc_status nomem(cnnc_error *err, const char *what) {
    return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %s", what);
}

static char *join(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 2);
    if (!s) return NULL;
    memcpy(s, a, la);
    s[la] = '/';
    memcpy(s + la + 1, b, lb + 1);
    return s;
}

static int is_dir(const char *path) {
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* sorted(os.walk(...)) then sorted(fnames): by folder path, then by name. */
static int cmp_entry(const void *pa, const void *pb) {
    const file_entry *a = pa, *b = pb;
    size_t n = a->root_len < b->root_len ? a->root_len : b->root_len;
    int c = memcmp(a->path, b->path, n);
    if (c) return c;
    if (a->root_len != b->root_len) return a->root_len < b->root_len ? -1 : 1;
    return strcmp(a->path + a->root_len + 1, b->path + b->root_len + 1);
}

/* 1: read it; 0: skip it; -1: an image torchvision would load that cnnc cannot. */
static int wanted(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot) return 0;
    static const char *ok[] = {".png", ".jpg", ".jpeg"};
    static const char *other[] = {".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"};
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++)
        if (!strcasecmp(dot, ok[k])) return 1;
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++)
        if (!strcasecmp(dot, other[k])) return -1;
    return 0;
}

/* The folders in `dir`, sorted (torchvision's find_classes). */
static cnnc_status list_classes(const char *dir, name_list *out, cnnc_error *err) {
    DIR *d = opendir(dir);
    if (!d) return cnnc_io_os_error(err, errno, dir);
    cnnc_status st = CNNC_OK;
    struct dirent *de;
    while (st == CNNC_OK && (de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        char *full = join(dir, de->d_name);
        if (!full) { st = nomem(err, "a path"); break; }
        int dir_here = is_dir(full);
        free(full);
        if (!dir_here) continue;
        if (out->n == CNNC_DATA_MAX_CLASSES) {
            st = cnnc_io_format_error(err, dir, "more than %d class folders (cnnc's labels are bytes)",
                                      CNNC_DATA_MAX_CLASSES);
            break;
        }
        if (out->n == out->cap) {
            int32_t cap = out->cap ? out->cap * 2 : 16;
            char **v = realloc(out->v, (size_t)cap * sizeof *v);
            if (!v) { st = nomem(err, "the class list"); break; }
            out->v = v;
            out->cap = cap;
        }
        if (!(out->v[out->n] = strdup(de->d_name))) { st = nomem(err, "a class name"); break; }
        out->n++;
    }
    closedir(d);
    if (st != CNNC_OK) return st;
    if (out->n == 0)
        return cnnc_error_set(err, CNNC_ERR_IO, "FileNotFoundError", "Couldn't find any class folder in %s.", dir);
    qsort(out->v, (size_t)out->n, sizeof *out->v, cmp_str);
    return CNNC_OK;
}

static cnnc_status walk(const char *dir, int depth, int32_t label, file_list *out, cnnc_error *err) {
    if (depth > FOLDER_MAX_DEPTH)
        return cnnc_io_format_error(err, dir, "folders nested deeper than %d below the class folder (a symlink loop?)",
                                    FOLDER_MAX_DEPTH);
    DIR *d = opendir(dir);
    if (!d) return cnnc_io_os_error(err, errno, dir);
    cnnc_status st = CNNC_OK;
    struct dirent *de;
    while (st == CNNC_OK && (de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        char *full = join(dir, de->d_name);
        if (!full) { st = nomem(err, "a path"); break; }
        if (is_dir(full)) {
            st = walk(full, depth + 1, label, out, err);
            free(full);
            continue;
        }
        int w = wanted(de->d_name);
        if (w <= 0) {
            if (w < 0)
                st = cnnc_io_format_error(err, full, "%s images are not supported: cnnc reads .png, .jpg and .jpeg",
                                          strrchr(de->d_name, '.'));
            free(full);
            continue;
        }
        if (out->n == FOLDER_MAX_FILES) {
            free(full);
            st = cnnc_io_format_error(err, dir, "more than %lld images in one set", (long long)FOLDER_MAX_FILES);
            break;
        }
        if (out->n == out->cap) {
            int64_t cap = out->cap ? out->cap * 2 : 1024;
            file_entry *v = realloc(out->v, (size_t)cap * sizeof *v);
            if (!v) { free(full); st = nomem(err, "the file list"); break; }
            out->v = v;
            out->cap = cap;
        }
        out->v[out->n].path = full;
        out->v[out->n].root_len = strlen(dir);
        out->v[out->n].label = label;
        out->n++;
    }
    closedir(d);
    return st;
}

/* One split: its classes and files in torchvision's order, every header checked. */
typedef struct split_scan {
    name_list classes;
    file_list files;
    cnnc_image_info info;            /* the set's size; channels 3 if any image is colour */
} split_scan;

static void scan_free(split_scan *s) {
    names_free(&s->classes);
    files_free(&s->files);
}

static cnnc_status scan_split(const char *split_dir, split_scan *s, cnnc_error *err) {
    memset(s, 0, sizeof *s);
    cnnc_status st = list_classes(split_dir, &s->classes, err);
    if (st != CNNC_OK) return st;
    char empty[CNNC_ERR_TEXT];
    size_t used = 0;
    empty[0] = '\0';
    for (int32_t c = 0; c < s->classes.n && st == CNNC_OK; c++) {
        char *cdir = join(split_dir, s->classes.v[c]);
        if (!cdir) return nomem(err, "a path");
        int64_t before = s->files.n;
        st = walk(cdir, 0, c, &s->files, err);
        free(cdir);
        if (st == CNNC_OK && s->files.n == before && used + 1 < sizeof empty) {
            int k = snprintf(empty + used, sizeof empty - used, "%s%s", used ? ", " : "", s->classes.v[c]);
            used = k < 0 ? sizeof empty : used + (size_t)k;
            if (used >= sizeof empty) used = sizeof empty - 1;
        }
    }
    if (st != CNNC_OK) return st;
    if (empty[0])
        return cnnc_error_set(err, CNNC_ERR_IO, "FileNotFoundError",
                              "%s: Found no valid file for the classes %s. Supported extensions are: .png, .jpg, .jpeg",
                              split_dir, empty);
    /* walk() sees each folder's entries in readdir order; order them as torchvision does */
    int64_t start = 0;
    for (int64_t i = 1; i <= s->files.n; i++)
        if (i == s->files.n || s->files.v[i].label != s->files.v[start].label) {
            qsort(s->files.v + start, (size_t)(i - start), sizeof *s->files.v, cmp_entry);
            start = i;
        }
    const char *first = NULL;
    for (int64_t i = 0; i < s->files.n; i++) {
        cnnc_image_info info;
        if ((st = cnnc_image_probe(s->files.v[i].path, &info, err)) != CNNC_OK) return st;
        if (!first) {
            first = s->files.v[i].path;
            s->info = info;
        } else if (info.width != s->info.width || info.height != s->info.height) {
            return cnnc_io_format_error(err, s->files.v[i].path,
                                        "image is %dx%d but %s is %dx%d: every image of a set must have one size "
                                        "(torchvision's ImageFolder would need a Resize)",
                                        info.width, info.height, first, s->info.width, s->info.height);
        }
        if (info.channels > s->info.channels) s->info.channels = info.channels;
    }
    return CNNC_OK;
}

static cnnc_status same_classes(const char *train_dir, const split_scan *a, const char *test_dir,
                                const split_scan *b, cnnc_error *err) {
    for (int32_t c = 0; c < a->classes.n || c < b->classes.n; c++) {
        const char *x = c < a->classes.n ? a->classes.v[c] : NULL, *y = c < b->classes.n ? b->classes.v[c] : NULL;
        if (x && y && !strcmp(x, y)) continue;
        return cnnc_io_format_error(err, test_dir,
                                    "its classes differ from %s's: class %d is '%s' there and '%s' here (both "
                                    "splits need the same class folders, or the labels disagree)",
                                    train_dir, c, x ? x : "(none)", y ? y : "(none)");
    }
    return CNNC_OK;
}

static cnnc_status fill_set(const split_scan *s, int32_t channels, cnnc_data_set *out, cnnc_error *err) {
    memset(out, 0, sizeof *out);
    const size_t per = (size_t)channels * (size_t)s->info.height * (size_t)s->info.width;
    const size_t n = (size_t)s->files.n;
    if (per && n > SIZE_MAX / per) return nomem(err, "the images");
    out->images = malloc(n * per);
    out->labels = malloc(n);
    out->classes = calloc((size_t)s->classes.n, sizeof *out->classes);
    if (!out->images || !out->labels || !out->classes) {
        cnnc_data_set_free(out);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %zu bytes for %lld images of %dx%dx%d",
                              n * per, (long long)n, channels, s->info.height, s->info.width);
    }
    out->n = (int64_t)n;
    out->channels = channels;
    out->height = s->info.height;
    out->width = s->info.width;
    out->n_classes = s->classes.n;
    for (int32_t c = 0; c < s->classes.n; c++)
        if (!(out->classes[c] = strdup(s->classes.v[c]))) {
            cnnc_data_set_free(out);
            return nomem(err, "a class name");
        }
    for (size_t i = 0; i < n; i++) {
        cnnc_status st = cnnc_image_decode(s->files.v[i].path, &s->info, channels, out->images + i * per, err);
        if (st != CNNC_OK) {
            cnnc_data_set_free(out);
            return st;
        }
        out->labels[i] = (uint8_t)s->files.v[i].label;
    }
    return CNNC_OK;
}

/* The training split's scan handed over as a file list (streamed), with the
 * channels the loaded splits use. */
static cnnc_status hand_over(split_scan *s, int32_t channels, cnnc_folder_files *out, cnnc_error *err) {
    memset(out, 0, sizeof *out);
    out->labels = malloc((size_t)s->files.n);
    out->paths = calloc((size_t)s->files.n, sizeof *out->paths);
    out->classes = calloc((size_t)s->classes.n, sizeof *out->classes);
    if (!out->labels || !out->paths || !out->classes) {
        cnnc_folder_files_free(out);
        return nomem(err, "the file list");
    }
    for (int64_t i = 0; i < s->files.n; i++) {
        out->paths[i] = s->files.v[i].path;   /* moved */
        s->files.v[i].path = NULL;
        out->labels[i] = (uint8_t)s->files.v[i].label;
    }
    out->n = s->files.n;
    for (int32_t c = 0; c < s->classes.n; c++) {
        out->classes[c] = s->classes.v[c];
        s->classes.v[c] = NULL;
    }
    out->n_classes = s->classes.n;
    out->info = s->info;
    out->channels = channels;
    return CNNC_OK;
}

void cnnc_folder_files_free(cnnc_folder_files *f) {
    if (!f) return;
    for (int64_t i = 0; f->paths && i < f->n; i++) free(f->paths[i]);
    free(f->paths);
    free(f->labels);
    cnnc_classes_free(f->classes, f->n_classes);
    memset(f, 0, sizeof *f);
}

/* Load the wanted splits; with `listed`, the training split is scanned (every
 * header) but handed over as a file list instead of decoded. */
static cnnc_status load_splits(const char *dir, cnnc_data_set *train, cnnc_data_set *test, cnnc_folder_files *listed,
                               cnnc_error *err) {
    if (!dir || (!train && !test && !listed))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_imagefolder_load: no folder or no split asked for");
    if (train) memset(train, 0, sizeof *train);
    if (test) memset(test, 0, sizeof *test);
    char *dirs[2] = {join(dir, "train"), join(dir, "test")};
    split_scan scans[2];
    memset(scans, 0, sizeof scans);
    cnnc_data_set *outs[2] = {train, test};
    int wants[2] = {train != NULL || listed != NULL, test != NULL};
    cnnc_status st = dirs[0] && dirs[1] ? CNNC_OK : nomem(err, "a path");
    for (int k = 0; k < 2 && st == CNNC_OK; k++) {
        if (!wants[k]) continue;
        if (!is_dir(dirs[k])) {
            st = cnnc_error_set(err, CNNC_ERR_IO, "FileNotFoundError",
                                "%s: no %s/ folder (an ImageFolder data set has DIR/train/<class>/ and "
                                "DIR/test/<class>/)",
                                dir, k ? "test" : "train");
            break;
        }
        st = scan_split(dirs[k], &scans[k], err);
    }
    int32_t channels = 1;
    if (st == CNNC_OK && wants[0] && wants[1]) {
        st = same_classes(dirs[0], &scans[0], dirs[1], &scans[1], err);
        if (st == CNNC_OK && (scans[0].info.width != scans[1].info.width ||
                              scans[0].info.height != scans[1].info.height))
            st = cnnc_io_format_error(err, dirs[1], "test images are %dx%d but training images are %dx%d",
                                      scans[1].info.width, scans[1].info.height, scans[0].info.width,
                                      scans[0].info.height);
    }
    for (int k = 0; k < 2; k++)
        if (wants[k] && scans[k].info.channels == 3) channels = 3;
    for (int k = 0; k < 2 && st == CNNC_OK; k++)
        if (outs[k]) st = fill_set(&scans[k], channels, outs[k], err);
    if (st == CNNC_OK && listed) st = hand_over(&scans[0], channels, listed, err);
    for (int k = 0; k < 2; k++) {
        scan_free(&scans[k]);
        free(dirs[k]);
    }
    if (st != CNNC_OK) {
        cnnc_data_set_free(train);
        cnnc_data_set_free(test);
    }
    return st;
}

cnnc_status cnnc_imagefolder_load(const char *dir, cnnc_data_set *train, cnnc_data_set *test, cnnc_error *err) {
    if (!train && !test)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_imagefolder_load: no folder or no split asked for");
    return load_splits(dir, train, test, NULL, err);
}

cnnc_status cnnc_imagefolder_open(const char *dir, cnnc_folder_files *train, cnnc_data_set *test, cnnc_error *err) {
    memset(train, 0, sizeof *train);
    return load_splits(dir, NULL, test, train, err);
}

/* The files of DIR/<split>/<class>/ (none when the split has no folder and may lack one). */
static cnnc_status split_files(const char *dir, const char *split, int optional, file_list *files, cnnc_error *err) {
    char *sdir = join(dir, split);
    if (!sdir) return nomem(err, "a path");
    if (optional && !is_dir(sdir)) {
        free(sdir);
        return CNNC_OK;
    }
    name_list classes;
    memset(&classes, 0, sizeof classes);
    cnnc_status st = list_classes(sdir, &classes, err);
    for (int32_t c = 0; c < classes.n && st == CNNC_OK; c++) {
        char *cdir = join(sdir, classes.v[c]);
        st = cdir ? walk(cdir, 0, c, files, err) : nomem(err, "a path");
        free(cdir);
    }
    names_free(&classes);
    free(sdir);
    return st;
}

cnnc_status cnnc_imagefolder_count(const char *dir, int64_t *n, cnnc_image_info *first, cnnc_error *err) {
    *n = 0;
    memset(first, 0, sizeof *first);
    file_list train, test;
    memset(&train, 0, sizeof train);
    memset(&test, 0, sizeof test);
    cnnc_status st = split_files(dir, "train", 0, &train, err);
    if (st == CNNC_OK) st = split_files(dir, "test", 1, &test, err);
    if (st == CNNC_OK && train.n > 0) st = cnnc_image_probe(train.v[0].path, first, err);
    /* The loader makes every image colour if one of either split is (load_splits):
     * read headers until one is, so a gray first image does not undercount 3x. */
    for (int64_t i = 1; st == CNNC_OK && first->channels == 1 && i < train.n + test.n; i++) {
        cnnc_image_info info;
        st = cnnc_image_probe(i < train.n ? train.v[i].path : test.v[i - train.n].path, &info, err);
        if (st == CNNC_OK && info.channels == 3) first->channels = 3;
    }
    if (st == CNNC_OK) *n = train.n;
    files_free(&train);
    files_free(&test);
    return st;
}
