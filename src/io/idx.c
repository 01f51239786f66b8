/* idx.c — MNIST's IDX files (images magic 2051, labels magic 2049), raw or
 * gzip. Gzip is recognised by its magic bytes 1f 8b, never by the name.
 * Headers are checked before anything is allocated, and the payload buffer
 * only grows as real bytes arrive, so a lying header cannot make us allocate
 * more than the file actually holds. */
#include "cnnc/io.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "io/io_util.h"
#include "io/stream_internal.h"

#define IDX_IMAGES_MAGIC 2051u
#define IDX_LABELS_MAGIC 2049u
#define IDX_MAX_SIDE 4096u          /* rows/cols: MNIST is 28; anything past this is a corrupt header */
#define IDX_CHUNK ((size_t)1 << 22) /* gzip payload grows by at most this much at a time */

/* One open IDX file, raw (stdio) or gzip (zlib). */
typedef struct idx_stream {
    const char *path;
    FILE *raw;
    gzFile gz;
    int64_t raw_size;   /* file size in bytes (raw only) */
} idx_stream;

static cnnc_status stream_open(idx_stream *s, const char *path, cnnc_error *err) {
    memset(s, 0, sizeof *s);
    s->path = path;
    FILE *f = fopen(path, "rb");
    if (!f) return cnnc_io_os_error(err, errno, path);
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        int e = errno;
        fclose(f);
        return cnnc_io_os_error(err, e, path);
    }
    if (S_ISDIR(st.st_mode)) {
        fclose(f);
        return cnnc_io_os_error(err, EISDIR, path);
    }
    unsigned char magic[2] = {0, 0};
    size_t got = fread(magic, 1, 2, f);
    if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        fclose(f);
        s->gz = gzopen(path, "rb");
        if (!s->gz) return cnnc_io_os_error(err, errno ? errno : ENOMEM, path);
        gzbuffer(s->gz, 1 << 17);
        return CNNC_OK;
    }
    rewind(f);
    s->raw = f;
    s->raw_size = (int64_t)st.st_size;
    return CNNC_OK;
}

static void stream_close(idx_stream *s) {
    if (s->raw) fclose(s->raw);
    if (s->gz) gzclose(s->gz);
    s->raw = NULL;
    s->gz = NULL;
}

/* Read up to n bytes; *got is how many arrived. A gzip stream that is corrupt
 * fails here; one that merely ends early is reported by the caller as
 * truncation (with counts), so Z_BUF_ERROR is not an error at this level. */
static cnnc_status stream_read(idx_stream *s, void *dst, size_t n, size_t *got, cnnc_error *err) {
    *got = 0;
    if (s->raw) {
        *got = fread(dst, 1, n, s->raw);
        if (*got < n && ferror(s->raw)) return cnnc_io_os_error(err, errno ? errno : EIO, s->path);
        return CNNC_OK;
    }
    unsigned char *p = dst;
    while (*got < n) {
        size_t want = n - *got;
        if (want > (1u << 30)) want = 1u << 30;
        int r = gzread(s->gz, p + *got, (unsigned)want);
        int zerr = Z_OK;
        const char *zmsg = gzerror(s->gz, &zerr);
        if (r < 0 || (zerr != Z_OK && zerr != Z_BUF_ERROR)) {
            if (zerr == Z_ERRNO) return cnnc_io_os_error(err, errno ? errno : EIO, s->path);
            /* zlib prefixes its message with "PATH: " */
            size_t plen = strlen(s->path);
            if (zmsg && strncmp(zmsg, s->path, plen) == 0 && strncmp(zmsg + plen, ": ", 2) == 0) zmsg += plen + 2;
            return cnnc_io_format_error(err, s->path, "corrupt gzip data: %s", zmsg ? zmsg : "unknown error");
        }
        if (r == 0) break;
        *got += (size_t)r;
    }
    return CNNC_OK;
}

/* Whether the gzip stream ended before its trailer (CRC and length). */
static int stream_gz_cut_short(idx_stream *s) {
    if (!s->gz) return 0;
    int zerr = Z_OK;
    gzerror(s->gz, &zerr);
    return zerr == Z_BUF_ERROR;
}

static uint32_t be32(const unsigned char *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static void put_be32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

#define IDX_MAX_TRAILING ((uint64_t)1 << 20)   /* inflated bytes read past the payload before giving up counting */

/* One IDX file with its header read and checked, its payload not yet read. */
typedef struct idx_head {
    const char *path;
    int images;
    idx_stream s;
    uint32_t n, rows, cols;
    size_t item;
    uint64_t total;     /* payload bytes the header announces */
} idx_head;

/* Open an IDX file and check its header: magic, counts, sizes, and for raw
 * files the payload length against the file size. Nothing is inflated past the
 * header and nothing is allocated. */
static cnnc_status idx_open(const char *path, int images, idx_head *h, cnnc_error *err) {
    memset(h, 0, sizeof *h);
    h->path = path;
    h->images = images;
    const char *what = images ? "images" : "labels";
    const uint32_t want_magic = images ? IDX_IMAGES_MAGIC : IDX_LABELS_MAGIC;
    const size_t header_bytes = images ? 16 : 8;

    cnnc_status st = stream_open(&h->s, path, err);
    if (st != CNNC_OK) return st;
    unsigned char hdr[16];
    size_t got = 0;
    st = stream_read(&h->s, hdr, header_bytes, &got, err);
    if (st != CNNC_OK) goto fail;
    if (got == 0) {
        st = cnnc_io_format_error(err, path, "empty file: expected an IDX %s header (magic %u)", what, want_magic);
        goto fail;
    }
    if (got < 4) {
        st = cnnc_io_format_error(err, path, "truncated header: expected %zu bytes, got %zu", header_bytes, got);
        goto fail;
    }
    uint32_t magic = be32(hdr);
    if (magic != want_magic) {
        const char *looks = magic == IDX_IMAGES_MAGIC ? " (that is an images file)"
                          : magic == IDX_LABELS_MAGIC ? " (that is a labels file)" : "";
        st = cnnc_io_format_error(err, path, "bad magic number %u (0x%08x): expected %u for IDX %s%s", magic,
                                  magic, want_magic, what, looks);
        goto fail;
    }
    if (got < header_bytes) {
        st = cnnc_io_format_error(err, path, "truncated header: expected %zu bytes, got %zu", header_bytes, got);
        goto fail;
    }
    uint32_t n = be32(hdr + 4);
    uint32_t rows = images ? be32(hdr + 8) : 1, cols = images ? be32(hdr + 12) : 1;
    if (n == 0) {
        st = cnnc_io_format_error(err, path, "bad header: contains 0 %s", what);
        goto fail;
    }
    if (images && (rows == 0 || cols == 0 || rows > IDX_MAX_SIDE || cols > IDX_MAX_SIDE)) {
        st = cnnc_io_format_error(err, path, "bad header: images of %u x %u (rows and cols must be 1..%u)", rows,
                                  cols, IDX_MAX_SIDE);
        goto fail;
    }
    const size_t item = (size_t)rows * cols;        /* <= 2^24 */
    const uint64_t total = (uint64_t)n * item;      /* <= 2^56: fits */

    /* Raw files: the size is known, so truncation and trailing bytes are
     * decided before allocating anything. */
    if (h->s.raw) {
        uint64_t have = (uint64_t)h->s.raw_size - header_bytes;
        if (have < total) {
            st = images ? cnnc_io_format_error(err, path, "truncated: expected %u images of %ux%u, got %llu", n,
                                               rows, cols, (unsigned long long)(have / item))
                        : cnnc_io_format_error(err, path, "truncated: expected %u labels, got %llu", n,
                                               (unsigned long long)have);
            goto fail;
        }
        if (have > total) {
            st = cnnc_io_format_error(err, path, "trailing garbage: %llu bytes after the %u %s",
                                      (unsigned long long)(have - total), n, what);
            goto fail;
        }
    }
    if (total > (uint64_t)SIZE_MAX / 2) {
        st = cnnc_io_format_error(err, path, "bad header: %u %s of %zu bytes do not fit in memory", n, what, item);
        goto fail;
    }
    h->n = n;
    h->rows = rows;
    h->cols = cols;
    h->item = item;
    h->total = total;
    return CNNC_OK;
fail:
    stream_close(&h->s);
    return st;
}

/* The payload of an opened file: raw in one go (its size already verified);
 * gzip in growing chunks, never past what the header announces (a stream that
 * holds more is trailing garbage, counted up to IDX_MAX_TRAILING). Closes it. */
static cnnc_status idx_payload(idx_head *h, uint8_t **out, cnnc_error *err) {
    *out = NULL;
    const char *path = h->path, *what = h->images ? "images" : "labels";
    const uint64_t total = h->total;
    const uint32_t n = h->n;
    cnnc_status st = CNNC_OK;
    size_t cap = h->s.raw ? (size_t)total : (size_t)(total < IDX_CHUNK ? total : IDX_CHUNK);
    uint8_t *buf = malloc(cap);
    if (!buf) {
        st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %zu bytes for %s", cap, path);
        goto fail;
    }
    size_t filled = 0;
    for (;;) {
        size_t chunk = 0;
        st = stream_read(&h->s, buf + filled, cap - filled, &chunk, err);
        if (st != CNNC_OK) goto fail;
        filled += chunk;
        if (filled < cap || cap == (size_t)total) break;
        size_t next = cap * 2 < (size_t)total ? cap * 2 : (size_t)total;
        uint8_t *grown = realloc(buf, next);
        if (!grown) {
            st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %zu bytes for %s", next, path);
            goto fail;
        }
        buf = grown;
        cap = next;
    }
    if ((uint64_t)filled < total) {
        st = h->images ? cnnc_io_format_error(err, path, "truncated: expected %u images of %ux%u, got %zu", n, h->rows,
                                              h->cols, filled / h->item)
                       : cnnc_io_format_error(err, path, "truncated: expected %u labels, got %zu", n, filled);
        goto fail;
    }
    if (h->s.gz) {
        /* Anything after the payload is an error; so is a stream cut before its trailer. */
        unsigned char extra[4096];
        uint64_t trailing = 0;
        size_t more = 0;
        do {
            st = stream_read(&h->s, extra, sizeof extra, &more, err);
            if (st != CNNC_OK) goto fail;
            trailing += more;
        } while (more == sizeof extra && trailing < IDX_MAX_TRAILING);
        if (trailing > 0) {
            st = cnnc_io_format_error(err, path, "trailing garbage: %s%llu bytes after the %u %s",
                                      trailing >= IDX_MAX_TRAILING ? "more than " : "", (unsigned long long)trailing,
                                      n, what);
            goto fail;
        }
        if (stream_gz_cut_short(&h->s)) {
            st = cnnc_io_format_error(err, path, "truncated gzip stream: it ends before its CRC trailer");
            goto fail;
        }
    }
    stream_close(&h->s);
    *out = buf;
    return CNNC_OK;
fail:
    free(buf);
    stream_close(&h->s);
    return st;
}

cnnc_status cnnc_idx_load_pair(const char *images_path, const char *labels_path, cnnc_idx_set *out,
                               cnnc_error *err) {
    if (!images_path || !labels_path || !out)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_idx_load_pair: NULL argument");
    memset(out, 0, sizeof *out);
    /* Both headers, and the counts they announce, before either payload is read
     * (a gzip payload can inflate to gigabytes). */
    idx_head hi, hl;
    cnnc_status st = idx_open(images_path, 1, &hi, err);
    if (st != CNNC_OK) return st;
    if ((st = idx_open(labels_path, 0, &hl, err)) != CNNC_OK) {
        stream_close(&hi.s);
        return st;
    }
    if (hi.n != hl.n) {
        stream_close(&hi.s);
        stream_close(&hl.s);
        return cnnc_io_format_error(err, images_path, "count mismatch: %lld images but %s has %lld labels",
                                    (long long)hi.n, labels_path, (long long)hl.n);
    }
    uint8_t *images = NULL, *labels = NULL;
    if ((st = idx_payload(&hl, &labels, err)) != CNNC_OK) {
        stream_close(&hi.s);
        return st;
    }
    if ((st = idx_payload(&hi, &images, err)) != CNNC_OK) {
        free(labels);
        return st;
    }
    out->images = images;
    out->labels = labels;
    out->n = hi.n;
    out->rows = (int32_t)hi.rows;
    out->cols = (int32_t)hi.cols;
    return CNNC_OK;
}

void cnnc_idx_set_free(cnnc_idx_set *set) {
    if (!set) return;
    free(set->images);
    free(set->labels);
    memset(set, 0, sizeof *set);
}

cnnc_dataset cnnc_idx_as_dataset(const cnnc_idx_set *set) {
    cnnc_dataset ds;
    memset(&ds, 0, sizeof ds);
    if (!set) return ds;
    ds.images = set->images;
    ds.labels = set->labels;
    ds.n = set->n;
    ds.channels = 1;
    ds.height = set->rows;
    ds.width = set->cols;
    return ds;
}

/* ---- finding a data set in a folder ---- */

cnnc_status cnnc_idx_head(const char *path, int images, uint32_t *n, uint32_t *rows, uint32_t *cols, int *gz,
                          cnnc_error *err) {
    idx_head h;
    cnnc_status st = idx_open(path, images, &h, err);
    if (st != CNNC_OK) return st;
    *n = h.n;
    *rows = h.rows;
    *cols = h.cols;
    *gz = h.s.gz != NULL;
    stream_close(&h.s);
    return CNNC_OK;
}

cnnc_status cnnc_idx_read_labels(const char *path, uint8_t **labels, int64_t *n, cnnc_error *err) {
    *labels = NULL;
    *n = 0;
    idx_head h;
    cnnc_status st = idx_open(path, 0, &h, err);
    if (st == CNNC_OK) st = idx_payload(&h, labels, err);
    if (st == CNNC_OK) *n = h.n;
    return st;
}

static int is_regular_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* DIR/STEM or DIR/STEM.gz, whichever exists (raw preferred: no inflate). */
static int find_idx(const char *dir, const char *stem, char *path, size_t cap) {
    snprintf(path, cap, "%s/%s", dir, stem);
    if (is_regular_file(path)) return 1;
    snprintf(path, cap, "%s/%s.gz", dir, stem);
    return is_regular_file(path);
}

/* The IDX files of DIR's splits (either may be unwanted): DIR itself, then
 * torchvision's layouts; each path is STEM or STEM.gz, whichever exists. */
cnnc_status cnnc_idx_locate(const char *dir, int train, int test, cnnc_idx_paths *out, cnnc_error *err) {
    memset(out, 0, sizeof *out);
    char *const train_images = out->train_images, *const train_labels = out->train_labels;
    char *const test_images = out->test_images, *const test_labels = out->test_labels;
    struct stat st;
    if (stat(dir, &st) != 0) return cnnc_io_os_error(err, errno, dir);
    if (!S_ISDIR(st.st_mode)) return cnnc_io_os_error(err, ENOTDIR, dir);

    /* The folder itself, then torchvision's layouts. */
    static const char *const layouts[] = {"", "/MNIST/raw", "/FashionMNIST/raw", "/raw"};
    char base[1024];
    int found = 0;
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0] && !found; i++) {
        int len = snprintf(base, sizeof base, "%s%s", dir, layouts[i]);
        if (len < 0 || (size_t)len >= sizeof base) continue;
        found = train ? find_idx(base, "train-images-idx3-ubyte", train_images, sizeof out->train_images)
                      : find_idx(base, "t10k-images-idx3-ubyte", test_images, sizeof out->test_images);
    }
    if (!found) {
        if (err) snprintf(err->file, sizeof err->file, "%s", dir);
        return cnnc_error_set(err, CNNC_ERR_IO, "FileNotFoundError",
                              "no IDX data set in '%s': looked for %s-images-idx3-ubyte[.gz] in it and in its "
                              "MNIST/raw, FashionMNIST/raw and raw folders (run scripts/get-data.sh)",
                              dir, train ? "train" : "t10k");
    }
    const char *missing = NULL;
    if (train && !find_idx(base, "train-labels-idx1-ubyte", train_labels, sizeof out->train_labels))
        missing = "train-labels-idx1-ubyte[.gz]";
    else if (test && !find_idx(base, "t10k-images-idx3-ubyte", test_images, sizeof out->test_images))
        missing = "t10k-images-idx3-ubyte[.gz]";
    else if (test && !find_idx(base, "t10k-labels-idx1-ubyte", test_labels, sizeof out->test_labels))
        missing = "t10k-labels-idx1-ubyte[.gz]";
    if (missing) {
        if (err) snprintf(err->file, sizeof err->file, "%.255s", base);
        return cnnc_error_set(err, CNNC_ERR_IO, "FileNotFoundError", "incomplete IDX data set in '%s': %s is missing",
                              base, missing);
    }
    return CNNC_OK;
}

cnnc_status cnnc_data_load_dir(const char *dir, cnnc_idx_set *train, cnnc_idx_set *test, cnnc_error *err) {
    if (!dir || (!train && !test))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_data_load_dir: NULL argument");
    if (train) memset(train, 0, sizeof *train);
    if (test) memset(test, 0, sizeof *test);
    cnnc_idx_paths paths;
    cnnc_status ls = cnnc_idx_locate(dir, train != NULL, test != NULL, &paths, err);
    if (ls != CNNC_OK) return ls;
    const char *train_images = paths.train_images, *train_labels = paths.train_labels;
    const char *test_images = paths.test_images, *test_labels = paths.test_labels;
    cnnc_status s = train ? cnnc_idx_load_pair(train_images, train_labels, train, err) : CNNC_OK;
    if (s != CNNC_OK) return s;
    if (test) {
        s = cnnc_idx_load_pair(test_images, test_labels, test, err);
        if (s != CNNC_OK) {
            cnnc_idx_set_free(train);
            return s;
        }
        if (train && (test->rows != train->rows || test->cols != train->cols)) {
            cnnc_status m = cnnc_io_format_error(err, test_images, "test images are %dx%d but training images are %dx%d",
                                                 test->rows, test->cols, train->rows, train->cols);
            cnnc_idx_set_free(train);
            cnnc_idx_set_free(test);
            return m;
        }
    }
    return CNNC_OK;
}

/* ---- writing ---- */

static cnnc_status write_idx(const char *path, const unsigned char *hdr, size_t hdr_len, const uint8_t *data,
                             size_t len, cnnc_error *err) {
    FILE *f = fopen(path, "wb");
    if (!f) return cnnc_io_os_error(err, errno, path);
    int ok = fwrite(hdr, 1, hdr_len, f) == hdr_len && (len == 0 || fwrite(data, 1, len, f) == len);
    int e = errno;
    if (fclose(f) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        remove(path);
        return cnnc_io_os_error(err, e ? e : EIO, path);
    }
    return CNNC_OK;
}

cnnc_status cnnc_idx_save_pair(const char *images_path, const char *labels_path, const cnnc_idx_set *set,
                               cnnc_error *err) {
    if (!images_path || !labels_path || !set || (set->n > 0 && (!set->images || !set->labels)))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_idx_save_pair: NULL argument");
    if (set->n <= 0 || set->n > UINT32_MAX || set->rows <= 0 || set->cols <= 0 || set->rows > (int32_t)IDX_MAX_SIDE ||
        set->cols > (int32_t)IDX_MAX_SIDE)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "cnnc_idx_save_pair: cannot write %lld images of %dx%d as IDX", (long long)set->n,
                              set->rows, set->cols);
    unsigned char hdr[16];
    put_be32(hdr, IDX_IMAGES_MAGIC);
    put_be32(hdr + 4, (uint32_t)set->n);
    put_be32(hdr + 8, (uint32_t)set->rows);
    put_be32(hdr + 12, (uint32_t)set->cols);
    cnnc_status st = write_idx(images_path, hdr, 16, set->images, (size_t)set->n * set->rows * set->cols, err);
    if (st != CNNC_OK) return st;
    put_be32(hdr, IDX_LABELS_MAGIC);
    return write_idx(labels_path, hdr, 8, set->labels, (size_t)set->n, err);
}
