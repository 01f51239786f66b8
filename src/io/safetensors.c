/* safetensors.c — reader and writer for the safetensors format:
 *   u64 little-endian header length N | N bytes of JSON | raw tensor data
 * The JSON header is parsed by a small strict parser (only what safetensors
 * uses: objects, arrays, strings, unsigned integers). Every offset is checked
 * against the file before any tensor is exposed, and tensors must tile the data
 * area exactly (no overlaps, no holes), as the reference implementation demands.
 * Saving is atomic: PATH.tmp.PID, fsync, rename, fsync of the folder. */
#include "cnnc/io.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/io_util.h"

#define ST_MAX_HEADER ((uint64_t)100000000) /* the reference implementation's limit */
#define ST_NAME_CAP ((size_t)sizeof(((cnnc_st_tensor *)0)->name))

typedef struct st_meta { char *key, *value; } st_meta;

struct cnnc_st_file {
    unsigned char *buf;          /* the whole file */
    size_t size;
    cnnc_st_tensor *tensors;
    int32_t n_tensors, cap_tensors;
    st_meta *meta;
    int32_t n_meta, cap_meta;
};

static size_t dtype_size(cnnc_dtype d) {
    switch (d) {
    case CNNC_F32: return 4;
    case CNNC_I64: return 8;
    case CNNC_I32: return 4;
    case CNNC_U8: return 1;
    }
    return 0;
}

static const char *dtype_name(cnnc_dtype d) {
    switch (d) {
    case CNNC_F32: return "F32";
    case CNNC_I64: return "I64";
    case CNNC_I32: return "I32";
    case CNNC_U8: return "U8";
    }
    return "?";
}

/* ---- a strict JSON parser for the header ---- */

typedef struct json {
    const char *s;
    size_t n, i;
    const char *path;
    cnnc_error *err;
} json;

static cnnc_status jfail(json *j, const char *what) {
    return cnnc_io_format_error(j->err, j->path, "invalid safetensors header: %s at byte %zu of the JSON header", what,
                                j->i);
}

static void jws(json *j) {
    while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' || j->s[j->i] == '\r'))
        j->i++;
}

/* Consume `c` after optional whitespace. */
static int jeat(json *j, char c) {
    jws(j);
    if (j->i < j->n && j->s[j->i] == c) {
        j->i++;
        return 1;
    }
    return 0;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int read_u16hex(json *j, unsigned *out) {
    if (j->n - j->i < 4) return 0;
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(j->s[j->i + k]);
        if (h < 0) return 0;
        v = v * 16 + (unsigned)h;
    }
    j->i += 4;
    *out = v;
    return 1;
}

/* A JSON string, decoded to UTF-8 in a fresh malloc'd buffer. NUL characters
 * (\u0000) are refused: names and metadata are C strings. */
static cnnc_status jstring(json *j, char **out, size_t *len_out) {
    *out = NULL;
    jws(j);
    if (j->i >= j->n || j->s[j->i] != '"') return jfail(j, "expected a string");
    j->i++;
    size_t start = j->i, end = start;
    while (end < j->n && j->s[end] != '"') end += (j->s[end] == '\\') ? 2 : 1;
    if (end >= j->n) return jfail(j, "unterminated string");
    char *buf = malloc(end - start + 1);   /* decoding never grows the text */
    if (!buf) return cnnc_error_set(j->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory parsing %s", j->path);
    size_t o = 0;
    while (j->s[j->i] != '"') {
        unsigned char c = (unsigned char)j->s[j->i];
        if (c < 0x20) {
            free(buf);
            return jfail(j, "control character in string");
        }
        if (c != '\\') {
            buf[o++] = (char)c;
            j->i++;
            continue;
        }
        j->i++;
        char e = j->s[j->i++];
        unsigned cp = 0;
        switch (e) {
        case '"': buf[o++] = '"'; continue;
        case '\\': buf[o++] = '\\'; continue;
        case '/': buf[o++] = '/'; continue;
        case 'b': buf[o++] = '\b'; continue;
        case 'f': buf[o++] = '\f'; continue;
        case 'n': buf[o++] = '\n'; continue;
        case 'r': buf[o++] = '\r'; continue;
        case 't': buf[o++] = '\t'; continue;
        case 'u':
            if (!read_u16hex(j, &cp)) {
                free(buf);
                return jfail(j, "bad \\u escape");
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {   /* surrogate pair */
                unsigned lo = 0;
                if (j->n - j->i < 2 || j->s[j->i] != '\\' || j->s[j->i + 1] != 'u') {
                    free(buf);
                    return jfail(j, "unpaired surrogate in \\u escape");
                }
                j->i += 2;
                if (!read_u16hex(j, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
                    free(buf);
                    return jfail(j, "unpaired surrogate in \\u escape");
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                free(buf);
                return jfail(j, "unpaired surrogate in \\u escape");
            }
            if (cp == 0) {
                free(buf);
                return jfail(j, "NUL character in string");
            }
            /* 6 escape chars (12 for a pair) always cover the <= 4 UTF-8 bytes. */
            if (cp < 0x80) {
                buf[o++] = (char)cp;
            } else if (cp < 0x800) {
                buf[o++] = (char)(0xC0 | (cp >> 6));
                buf[o++] = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                buf[o++] = (char)(0xE0 | (cp >> 12));
                buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                buf[o++] = (char)(0x80 | (cp & 0x3F));
            } else {
                buf[o++] = (char)(0xF0 | (cp >> 18));
                buf[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                buf[o++] = (char)(0x80 | (cp & 0x3F));
            }
            continue;
        default:
            free(buf);
            return jfail(j, "bad escape in string");
        }
    }
    j->i++;   /* closing quote */
    buf[o] = '\0';
    *out = buf;
    if (len_out) *len_out = o;
    return CNNC_OK;
}

/* A non-negative integer without sign, fraction, exponent or leading zeros. */
static cnnc_status juint(json *j, uint64_t *out) {
    jws(j);
    if (j->i >= j->n || j->s[j->i] < '0' || j->s[j->i] > '9') return jfail(j, "expected a non-negative integer");
    if (j->s[j->i] == '0' && j->i + 1 < j->n && j->s[j->i + 1] >= '0' && j->s[j->i + 1] <= '9')
        return jfail(j, "leading zero in integer");
    uint64_t v = 0;
    while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9') {
        unsigned d = (unsigned)(j->s[j->i] - '0');
        if (v > (UINT64_MAX - d) / 10) return jfail(j, "integer too large");
        v = v * 10 + d;
        j->i++;
    }
    if (j->i < j->n && (j->s[j->i] == '.' || j->s[j->i] == 'e' || j->s[j->i] == 'E'))
        return jfail(j, "expected an integer");
    *out = v;
    return CNNC_OK;
}

/* [u, u, ...] with at most `cap` entries. */
static cnnc_status juint_array(json *j, uint64_t *vals, int32_t cap, int32_t *count, const char *what) {
    *count = 0;
    if (!jeat(j, '[')) return jfail(j, "expected '['");
    if (jeat(j, ']')) return CNNC_OK;
    for (;;) {
        if (*count >= cap) {
            char m[96];
            snprintf(m, sizeof m, "%s has more than %d entries", what, cap);
            return jfail(j, m);
        }
        cnnc_status st = juint(j, &vals[*count]);
        if (st != CNNC_OK) return st;
        (*count)++;
        if (jeat(j, ']')) return CNNC_OK;
        if (!jeat(j, ',')) return jfail(j, "expected ',' or ']'");
    }
}

/* {"dtype": "F32", "shape": [...], "data_offsets": [b, e]} */
static cnnc_status jtensor(json *j, cnnc_st_tensor *t, uint64_t off[2]) {
    int have_dtype = 0, have_shape = 0, have_offsets = 0;
    if (!jeat(j, '{')) return jfail(j, "expected '{' for a tensor entry");
    if (jeat(j, '}')) return jfail(j, "empty tensor entry");
    for (;;) {
        char *key = NULL;
        cnnc_status st = jstring(j, &key, NULL);
        if (st != CNNC_OK) return st;
        if (!jeat(j, ':')) {
            free(key);
            return jfail(j, "expected ':'");
        }
        if (strcmp(key, "dtype") == 0 && !have_dtype) {
            free(key);
            char *dt = NULL;
            if ((st = jstring(j, &dt, NULL)) != CNNC_OK) return st;
            if (strcmp(dt, "F32") == 0) t->dtype = CNNC_F32;
            else if (strcmp(dt, "I64") == 0) t->dtype = CNNC_I64;
            else if (strcmp(dt, "I32") == 0) t->dtype = CNNC_I32;
            else if (strcmp(dt, "U8") == 0) t->dtype = CNNC_U8;
            else {
                cnnc_status r = cnnc_io_format_error(j->err, j->path,
                                                     "tensor '%s' has dtype %.32s, which cnnc does not read "
                                                     "(supported: F32, I64, I32, U8)",
                                                     t->name, dt);
                free(dt);
                return r;
            }
            free(dt);
            have_dtype = 1;
        } else if (strcmp(key, "shape") == 0 && !have_shape) {
            free(key);
            uint64_t dims[CNNC_MAX_DIMS];
            int32_t nd = 0;
            if ((st = juint_array(j, dims, CNNC_MAX_DIMS, &nd, "shape")) != CNNC_OK) return st;
            t->ndim = nd;
            t->numel = 1;
            for (int32_t d = 0; d < nd; d++) {
                if (dims[d] > ((uint64_t)1 << 40) || (dims[d] && (uint64_t)t->numel > ((uint64_t)1 << 40) / dims[d]))
                    return jfail(j, "shape too large");
                t->shape[d] = (int64_t)dims[d];
                t->numel *= (int64_t)dims[d];
            }
            have_shape = 1;
        } else if (strcmp(key, "data_offsets") == 0 && !have_offsets) {
            free(key);
            int32_t no = 0;
            if ((st = juint_array(j, off, 2, &no, "data_offsets")) != CNNC_OK) return st;
            if (no != 2) return jfail(j, "data_offsets must hold exactly 2 integers");
            have_offsets = 1;
        } else {
            char m[96];
            snprintf(m, sizeof m, "unexpected or repeated key \"%.40s\" in a tensor entry", key);
            free(key);
            return jfail(j, m);
        }
        if (jeat(j, '}')) break;
        if (!jeat(j, ',')) return jfail(j, "expected ',' or '}'");
    }
    if (!have_dtype || !have_shape || !have_offsets) {
        return cnnc_io_format_error(j->err, j->path, "invalid safetensors header: tensor '%s' lacks %s", t->name,
                                    !have_dtype ? "\"dtype\"" : !have_shape ? "\"shape\"" : "\"data_offsets\"");
    }
    return CNNC_OK;
}

static int grow(void **arr, int32_t *cap, size_t elem) {
    int32_t next = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, (size_t)next * elem);
    if (!p) return 0;
    *arr = p;
    *cap = next;
    return 1;
}

static cnnc_status jmetadata(json *j, cnnc_st_file *f) {
    if (!jeat(j, '{')) return jfail(j, "__metadata__ must be an object of strings");
    if (jeat(j, '}')) return CNNC_OK;
    for (;;) {
        char *key = NULL, *value = NULL;
        cnnc_status st = jstring(j, &key, NULL);
        if (st != CNNC_OK) return st;
        if (!jeat(j, ':')) {
            free(key);
            return jfail(j, "expected ':'");
        }
        jws(j);
        if (j->i >= j->n || j->s[j->i] != '"') {
            free(key);
            return jfail(j, "__metadata__ values must be strings");
        }
        if ((st = jstring(j, &value, NULL)) != CNNC_OK) {
            free(key);
            return st;
        }
        if (f->n_meta == f->cap_meta && !grow((void **)&f->meta, &f->cap_meta, sizeof *f->meta)) {
            free(key);
            free(value);
            return cnnc_error_set(j->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory parsing %s", j->path);
        }
        f->meta[f->n_meta].key = key;
        f->meta[f->n_meta].value = value;
        f->n_meta++;
        if (jeat(j, '}')) return CNNC_OK;
        if (!jeat(j, ',')) return jfail(j, "expected ',' or '}'");
    }
}

/* ---- checks after parsing ---- */

static int cmp_str_ptr(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first name that appears twice, or NULL. */
static const char *first_duplicate(const char **names, int32_t n) {
    if (n < 2) return NULL;
    qsort(names, (size_t)n, sizeof *names, cmp_str_ptr);
    for (int32_t i = 1; i < n; i++)
        if (strcmp(names[i - 1], names[i]) == 0) return names[i];
    return NULL;
}

typedef struct st_span { uint64_t begin, end; int32_t index; } st_span;

static int cmp_span(const void *a, const void *b) {
    const st_span *x = a, *y = b;
    if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end) return x->end < y->end ? -1 : 1;
    return 0;
}

static cnnc_status check_layout(cnnc_st_file *f, const char *path, st_span *spans, uint64_t data_len, cnnc_error *err) {
    for (int32_t i = 0; i < f->n_tensors; i++) {
        cnnc_st_tensor *t = &f->tensors[i];
        uint64_t b = spans[i].begin, e = spans[i].end;
        if (b > e)
            return cnnc_io_format_error(err, path, "tensor '%s': data_offsets [%llu, %llu] are reversed", t->name,
                                        (unsigned long long)b, (unsigned long long)e);
        if (e > data_len)
            return cnnc_io_format_error(err, path,
                                        "tensor '%s': data_offsets [%llu, %llu] run past the end of the data "
                                        "(%llu bytes; is the file truncated?)",
                                        t->name, (unsigned long long)b, (unsigned long long)e,
                                        (unsigned long long)data_len);
        uint64_t want = (uint64_t)t->numel * dtype_size(t->dtype);
        if (e - b != want) {
            char shape[160];
            size_t o = 0;
            o += (size_t)snprintf(shape + o, sizeof shape - o, "[");
            for (int32_t d = 0; d < t->ndim && o < sizeof shape; d++)
                o += (size_t)snprintf(shape + o, sizeof shape - o, "%s%lld", d ? ", " : "", (long long)t->shape[d]);
            if (o < sizeof shape) snprintf(shape + o, sizeof shape - o, "]");
            return cnnc_io_format_error(err, path,
                                        "tensor '%s': data_offsets [%llu, %llu] hold %llu bytes but %s %s needs %llu",
                                        t->name, (unsigned long long)b, (unsigned long long)e,
                                        (unsigned long long)(e - b), dtype_name(t->dtype), shape,
                                        (unsigned long long)want);
        }
    }
    if (f->n_tensors > 1) qsort(spans, (size_t)f->n_tensors, sizeof *spans, cmp_span);
    uint64_t at = 0;
    for (int32_t i = 0; i < f->n_tensors; i++) {
        if (spans[i].begin < at) {
            return cnnc_io_format_error(err, path, "tensor '%s': data_offsets [%llu, %llu] overlap tensor '%s'",
                                        f->tensors[spans[i].index].name, (unsigned long long)spans[i].begin,
                                        (unsigned long long)spans[i].end, f->tensors[spans[i - 1].index].name);
        }
        if (spans[i].begin > at)
            return cnnc_io_format_error(err, path, "tensor '%s': %llu unused bytes before its data_offsets [%llu, %llu]",
                                        f->tensors[spans[i].index].name, (unsigned long long)(spans[i].begin - at),
                                        (unsigned long long)spans[i].begin, (unsigned long long)spans[i].end);
        at = spans[i].end;
    }
    if (at != data_len)
        return cnnc_io_format_error(err, path, "trailing garbage: %llu bytes after the last tensor's data",
                                    (unsigned long long)(data_len - at));
    return CNNC_OK;
}

static cnnc_status parse_header(cnnc_st_file *f, const char *path, const char *hdr, size_t hdr_len, cnnc_error *err) {
    json j = {hdr, hdr_len, 0, path, err};
    uint64_t data_len = (uint64_t)(f->size - 8 - hdr_len);
    st_span *spans = NULL;
    int32_t cap_spans = 0;
    int have_meta = 0;
    cnnc_status st = CNNC_OK;
    if (!jeat(&j, '{')) return jfail(&j, "expected '{' at the start");
    if (!jeat(&j, '}')) {
        for (;;) {
            char *name = NULL;
            size_t name_len = 0;
            if ((st = jstring(&j, &name, &name_len)) != CNNC_OK) goto done;
            if (!jeat(&j, ':')) {
                free(name);
                st = jfail(&j, "expected ':'");
                goto done;
            }
            if (strcmp(name, "__metadata__") == 0) {
                free(name);
                if (have_meta) {
                    st = jfail(&j, "repeated \"__metadata__\"");
                    goto done;
                }
                have_meta = 1;
                if ((st = jmetadata(&j, f)) != CNNC_OK) goto done;
            } else {
                if (name_len == 0 || name_len >= ST_NAME_CAP) {
                    st = cnnc_io_format_error(err, path, "tensor name '%.60s%s' must be 1..%zu bytes long", name,
                                              name_len > 60 ? "..." : "", ST_NAME_CAP - 1);
                    free(name);
                    goto done;
                }
                if ((f->n_tensors == f->cap_tensors &&
                     !grow((void **)&f->tensors, &f->cap_tensors, sizeof *f->tensors)) ||
                    (f->n_tensors == cap_spans && !grow((void **)&spans, &cap_spans, sizeof *spans))) {
                    free(name);
                    st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory parsing %s", path);
                    goto done;
                }
                cnnc_st_tensor *t = &f->tensors[f->n_tensors];
                memset(t, 0, sizeof *t);
                memcpy(t->name, name, name_len + 1);
                free(name);
                uint64_t off[2] = {0, 0};
                if ((st = jtensor(&j, t, off)) != CNNC_OK) goto done;
                spans[f->n_tensors].begin = off[0];
                spans[f->n_tensors].end = off[1];
                spans[f->n_tensors].index = f->n_tensors;
                f->n_tensors++;
            }
            if (jeat(&j, '}')) break;
            if (!jeat(&j, ',')) {
                st = jfail(&j, "expected ',' or '}'");
                goto done;
            }
        }
    }
    jws(&j);
    if (j.i != j.n) {
        st = jfail(&j, "unexpected text after the JSON object");
        goto done;
    }
    /* Duplicates: JSON allows them, safetensors must not. */
    if (f->n_tensors > 1 || f->n_meta > 1) {
        int32_t most = f->n_tensors > f->n_meta ? f->n_tensors : f->n_meta;
        const char **names = malloc((size_t)most * sizeof *names);
        if (!names) {
            st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory parsing %s", path);
            goto done;
        }
        for (int32_t i = 0; i < f->n_tensors; i++) names[i] = f->tensors[i].name;
        const char *dup = first_duplicate(names, f->n_tensors);
        if (dup) {
            st = cnnc_io_format_error(err, path, "invalid safetensors header: tensor '%s' appears twice", dup);
            free(names);
            goto done;
        }
        for (int32_t i = 0; i < f->n_meta; i++) names[i] = f->meta[i].key;
        dup = first_duplicate(names, f->n_meta);
        if (dup) {
            st = cnnc_io_format_error(err, path, "invalid safetensors header: metadata key '%.100s' appears twice", dup);
            free(names);
            goto done;
        }
        free(names);
    }
    if ((st = check_layout(f, path, spans, data_len, err)) != CNNC_OK) goto done;
    const unsigned char *data = f->buf + 8 + hdr_len;
    for (int32_t i = 0; i < f->n_tensors; i++) {
        /* spans were sorted; index maps back to the tensor */
        cnnc_st_tensor *t = &f->tensors[spans[i].index];
        t->data = data + spans[i].begin;
        t->nbytes = (size_t)(spans[i].end - spans[i].begin);
    }
done:
    free(spans);
    return st;
}

void cnnc_st_free(cnnc_st_file *f) {
    if (!f) return;
    for (int32_t i = 0; i < f->n_meta; i++) {
        free(f->meta[i].key);
        free(f->meta[i].value);
    }
    free(f->meta);
    free(f->tensors);
    free(f->buf);
    free(f);
}

cnnc_status cnnc_st_read(const char *path, cnnc_st_file **out, cnnc_error *err) {
    if (!path || !out) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_st_read: NULL argument");
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp) return cnnc_io_os_error(err, errno, path);
    struct stat sb;
    if (fstat(fileno(fp), &sb) != 0 || S_ISDIR(sb.st_mode)) {
        int e = S_ISDIR(sb.st_mode) ? EISDIR : errno;
        fclose(fp);
        return cnnc_io_os_error(err, e, path);
    }
    uint64_t size = (uint64_t)sb.st_size;
    if (size < 8) {
        fclose(fp);
        return cnnc_io_format_error(err, path, "truncated: %llu bytes, too short for the 8-byte header length%s",
                                    (unsigned long long)size, size == 0 ? " (empty file)" : "");
    }
    unsigned char len8[8];
    if (fread(len8, 1, 8, fp) != 8) {
        int e = errno ? errno : EIO;
        fclose(fp);
        return cnnc_io_os_error(err, e, path);
    }
    uint64_t hdr_len = 0;
    for (int k = 7; k >= 0; k--) hdr_len = (hdr_len << 8) | len8[k];
    if (hdr_len > ST_MAX_HEADER) {
        fclose(fp);
        return cnnc_io_format_error(err, path, "header length %llu exceeds the limit of %llu bytes (not a safetensors file?)",
                                    (unsigned long long)hdr_len, (unsigned long long)ST_MAX_HEADER);
    }
    if (hdr_len > size - 8) {
        fclose(fp);
        return cnnc_io_format_error(err, path,
                                    "header length %llu runs past the end of the file (%llu bytes; is it truncated?)",
                                    (unsigned long long)hdr_len, (unsigned long long)size);
    }
    if (hdr_len < 2) {
        fclose(fp);
        return cnnc_io_format_error(err, path, "header length %llu is too small for a JSON object",
                                    (unsigned long long)hdr_len);
    }
    if (size > (uint64_t)SIZE_MAX / 2) {
        fclose(fp);
        return cnnc_io_format_error(err, path, "file of %llu bytes does not fit in memory", (unsigned long long)size);
    }
    cnnc_st_file *f = calloc(1, sizeof *f);
    unsigned char *buf = malloc((size_t)size);
    if (!f || !buf) {
        free(f);
        free(buf);
        fclose(fp);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %llu bytes for %s",
                              (unsigned long long)size, path);
    }
    memcpy(buf, len8, 8);
    size_t rest = (size_t)size - 8;
    size_t got = fread(buf + 8, 1, rest, fp);
    int e = errno;
    fclose(fp);
    if (got != rest) {
        free(f);
        free(buf);
        if (e) return cnnc_io_os_error(err, e, path);
        return cnnc_io_format_error(err, path, "file shrank while being read");
    }
    f->buf = buf;
    f->size = (size_t)size;
    cnnc_status st = parse_header(f, path, (const char *)buf + 8, (size_t)hdr_len, err);
    if (st != CNNC_OK) {
        cnnc_st_free(f);
        return st;
    }
    *out = f;
    return CNNC_OK;
}

int32_t cnnc_st_count(const cnnc_st_file *f) { return f ? f->n_tensors : 0; }

const cnnc_st_tensor *cnnc_st_at(const cnnc_st_file *f, int32_t i) {
    return (f && i >= 0 && i < f->n_tensors) ? &f->tensors[i] : NULL;
}

const cnnc_st_tensor *cnnc_st_find(const cnnc_st_file *f, const char *name) {
    if (!f || !name) return NULL;
    for (int32_t i = 0; i < f->n_tensors; i++)
        if (strcmp(f->tensors[i].name, name) == 0) return &f->tensors[i];
    return NULL;
}

const char *cnnc_st_meta(const cnnc_st_file *f, const char *key) {
    if (!f || !key) return NULL;
    for (int32_t i = 0; i < f->n_meta; i++)
        if (strcmp(f->meta[i].key, key) == 0) return f->meta[i].value;
    return NULL;
}

/* ---- writer ---- */

typedef struct st_entry {
    char name[ST_NAME_CAP];
    cnnc_dtype dtype;
    int32_t ndim;
    int64_t shape[CNNC_MAX_DIMS];
    void *data;
    size_t nbytes;
} st_entry;

struct cnnc_st_writer {
    st_entry *entries;
    int32_t n, cap;
    st_meta *meta;
    int32_t n_meta, cap_meta;
};

cnnc_st_writer *cnnc_st_writer_new(void) { return calloc(1, sizeof(cnnc_st_writer)); }

void cnnc_st_writer_free(cnnc_st_writer *w) {
    if (!w) return;
    for (int32_t i = 0; i < w->n; i++) free(w->entries[i].data);
    for (int32_t i = 0; i < w->n_meta; i++) {
        free(w->meta[i].key);
        free(w->meta[i].value);
    }
    free(w->entries);
    free(w->meta);
    free(w);
}

cnnc_status cnnc_st_writer_add(cnnc_st_writer *w, const char *name, cnnc_dtype dtype, int32_t ndim,
                               const int64_t *shape, const void *data, cnnc_error *err) {
    if (!w || !name || (ndim > 0 && !shape))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_st_writer_add: NULL argument");
    size_t len = strlen(name);
    if (len == 0 || len >= ST_NAME_CAP || strcmp(name, "__metadata__") == 0)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "bad tensor name '%.60s' (1..%zu bytes, not __metadata__)",
                              name, ST_NAME_CAP - 1);
    if (dtype_size(dtype) == 0 || ndim < 0 || ndim > CNNC_MAX_DIMS)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "tensor '%s': bad dtype or ndim %d", name, ndim);
    for (int32_t i = 0; i < w->n; i++)
        if (strcmp(w->entries[i].name, name) == 0)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "tensor '%s' added twice", name);
    uint64_t numel = 1;
    for (int32_t d = 0; d < ndim; d++) {
        if (shape[d] < 0 || (shape[d] > 0 && numel > ((uint64_t)1 << 40) / (uint64_t)shape[d]))
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "tensor '%s': bad shape", name);
        numel *= (uint64_t)shape[d];
    }
    size_t nbytes = (size_t)numel * dtype_size(dtype);
    if (nbytes > 0 && !data)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "tensor '%s': NULL data", name);
    if (w->n == w->cap && !grow((void **)&w->entries, &w->cap, sizeof *w->entries))
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory adding tensor '%s'", name);
    st_entry *e = &w->entries[w->n];
    memset(e, 0, sizeof *e);
    e->data = malloc(nbytes ? nbytes : 1);
    if (!e->data) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot copy tensor '%s' (%zu bytes)", name, nbytes);
    if (nbytes) memcpy(e->data, data, nbytes);
    memcpy(e->name, name, len + 1);
    e->dtype = dtype;
    e->ndim = ndim;
    for (int32_t d = 0; d < ndim; d++) e->shape[d] = shape[d];
    e->nbytes = nbytes;
    w->n++;
    return CNNC_OK;
}

cnnc_status cnnc_st_writer_meta(cnnc_st_writer *w, const char *key, const char *value, cnnc_error *err) {
    if (!w || !key || !value)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_st_writer_meta: NULL argument");
    for (int32_t i = 0; i < w->n_meta; i++) {
        if (strcmp(w->meta[i].key, key) == 0) {   /* replace: later value wins */
            char *v = strdup(value);
            if (!v) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
            free(w->meta[i].value);
            w->meta[i].value = v;
            return CNNC_OK;
        }
    }
    if (w->n_meta == w->cap_meta && !grow((void **)&w->meta, &w->cap_meta, sizeof *w->meta))
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
    char *k = strdup(key), *v = strdup(value);
    if (!k || !v) {
        free(k);
        free(v);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
    }
    w->meta[w->n_meta].key = k;
    w->meta[w->n_meta].value = v;
    w->n_meta++;
    return CNNC_OK;
}

/* A growing text buffer for the header. */
typedef struct sbuf { char *p; size_t n, cap; int oom; } sbuf;

static void sb_put(sbuf *b, const char *s, size_t len) {
    if (b->oom) return;
    if (b->n + len + 1 > b->cap) {
        size_t next = b->cap ? b->cap : 256;
        while (next < b->n + len + 1) next *= 2;
        char *p = realloc(b->p, next);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = next;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_json_string(sbuf *b, const char *s) {
    sb_put(b, "\"", 1);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[8];
        if (c == '"') sb_put(b, "\\\"", 2);
        else if (c == '\\') sb_put(b, "\\\\", 2);
        else if (c == '\n') sb_put(b, "\\n", 2);
        else if (c == '\t') sb_put(b, "\\t", 2);
        else if (c == '\r') sb_put(b, "\\r", 2);
        else if (c < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            sb_put(b, esc, 6);
        } else sb_put(b, (const char *)&c, 1);
    }
    sb_put(b, "\"", 1);
}

static int write_all(int fd, const void *data, size_t len) {
    const unsigned char *p = data;
    while (len > 0) {
        size_t chunk = len > ((size_t)1 << 30) ? ((size_t)1 << 30) : len;
        ssize_t w = write(fd, p, chunk);
        if (w < 0) {
            if (errno == EINTR) continue;
            return 0;
        }
        if (w == 0) {
            errno = ENOSPC;
            return 0;
        }
        p += w;
        len -= (size_t)w;
    }
    return 1;
}

/* "[Errno 28] No space left on device: 'PATH'" plus what became of the old file. */
static cnnc_status save_error(cnnc_error *err, int errnum, const char *path) {
    cnnc_io_os_error(err, errnum, path);
    if (err) {
        size_t len = strlen(err->message);
        snprintf(err->message + len, sizeof err->message - len, "%s",
                 errnum == ENOSPC ? " (disk full: nothing was saved, any previous file is unchanged)"
                                  : " (nothing was saved, any previous file is unchanged)");
    }
    return CNNC_ERR_IO;
}

cnnc_status cnnc_st_writer_save(cnnc_st_writer *w, const char *path, cnnc_error *err) {
    if (!w || !path) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_st_writer_save: NULL argument");
    /* Header: metadata first, then tensors in the order they were added, with
     * contiguous data_offsets. */
    sbuf h = {0};
    char num[96];
    sb_str(&h, "{");
    int first = 1;
    if (w->n_meta > 0) {
        sb_str(&h, "\"__metadata__\":{");
        for (int32_t i = 0; i < w->n_meta; i++) {
            if (i) sb_str(&h, ",");
            sb_json_string(&h, w->meta[i].key);
            sb_str(&h, ":");
            sb_json_string(&h, w->meta[i].value);
        }
        sb_str(&h, "}");
        first = 0;
    }
    uint64_t offset = 0;
    for (int32_t i = 0; i < w->n; i++) {
        const st_entry *e = &w->entries[i];
        if (!first) sb_str(&h, ",");
        first = 0;
        sb_json_string(&h, e->name);
        sb_str(&h, ":{\"dtype\":\"");
        sb_str(&h, dtype_name(e->dtype));
        sb_str(&h, "\",\"shape\":[");
        for (int32_t d = 0; d < e->ndim; d++) {
            snprintf(num, sizeof num, "%s%lld", d ? "," : "", (long long)e->shape[d]);
            sb_str(&h, num);
        }
        snprintf(num, sizeof num, "],\"data_offsets\":[%llu,%llu]}", (unsigned long long)offset,
                 (unsigned long long)(offset + e->nbytes));
        sb_str(&h, num);
        offset += e->nbytes;
    }
    sb_str(&h, "}");
    while (!h.oom && (h.n % 8) != 0) sb_str(&h, " ");   /* data starts 8-byte aligned */
    if (h.oom) {
        free(h.p);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory building the header for %s", path);
    }

    char tmp[1200];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= sizeof tmp) {
        free(h.p);
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "path too long: '%.200s'", path);
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        int e = errno;
        free(h.p);
        return save_error(err, e, path);
    }
    unsigned char len8[8];
    for (int k = 0; k < 8; k++) len8[k] = (unsigned char)((uint64_t)h.n >> (8 * k));
    int ok = write_all(fd, len8, 8) && write_all(fd, h.p, h.n);
    /* Fault-injection hook for the crash-safety tests: pause with a
     * half-written temporary so a test can kill -9 the process there. */
    const char *pause_ms = getenv("CNNC_FAULT_SAVE_PAUSE_MS");
    if (pause_ms) {
        long ms = strtol(pause_ms, NULL, 10);
        struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    for (int32_t i = 0; ok && i < w->n; i++) ok = write_all(fd, w->entries[i].data, w->entries[i].nbytes);
    int e = errno;
    free(h.p);
    if (ok && fsync(fd) != 0) {
        ok = 0;
        e = errno;
    }
    if (close(fd) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        unlink(tmp);
        return save_error(err, e ? e : EIO, path);
    }
    /* Make the rename itself durable. */
    char dir[1200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == dir) dir[1] = '\0';
    else *slash = '\0';
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);   /* best effort: some file systems refuse fsync on folders */
        close(dfd);
    }
    return CNNC_OK;
}
