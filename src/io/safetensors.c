/* safetensors.c — the reader of the safetensors format (the writer is
 * safetensors_write.c):
 *   u64 little-endian header length N | N bytes of JSON | raw tensor data
 * The JSON header is read and written with cJSON (Debian's libcjson), behind a
 * lexical pass that keeps the header as strict as safetensors wants (see
 * lex_check). Every offset is checked against the file before any tensor is
 * exposed, and tensors must tile the data area exactly (no overlaps, no holes),
 * as the reference implementation demands. */
#include "cnnc/io.h"

#include <cjson/cJSON.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/io_util.h"
#include "io/safetensors_internal.h"

#define ST_MAX_HEADER ((uint64_t)100000000) /* the reference implementation's limit */
#define ST_MAX_INT (((uint64_t)1 << 53) - 1)   /* cJSON's numbers are doubles: exact up to here */
#define ST_MAX_DEPTH 3                          /* header { tensor { "shape": [ */

struct cnnc_st_file {
    unsigned char *buf;          /* the whole file */
    size_t size;
    cnnc_st_tensor *tensors;
    int32_t n_tensors;
    st_meta *meta;
    int32_t n_meta;
};

size_t cnnc_st_dtype_size(cnnc_dtype d) {
    switch (d) {
    case CNNC_F32: return 4;
    case CNNC_I64: return 8;
    case CNNC_I32: return 4;
    case CNNC_U8: return 1;
    case CNNC_F64: return 8;
    }
    return 0;
}

const char *cnnc_st_dtype_name(cnnc_dtype d) {
    switch (d) {
    case CNNC_F32: return "F32";
    case CNNC_I64: return "I64";
    case CNNC_I32: return "I32";
    case CNNC_U8: return "U8";
    case CNNC_F64: return "F64";
    }
    return "?";
}

/* ---- the header, lexically: what cJSON lets through ----
 * cJSON 1.7.15 is lax where a safetensors header must be strict: it takes every
 * byte below 0x20 for whitespace and keeps raw control characters in strings,
 * turns \u0000 and malformed \u escapes into NUL (cutting a name short without a
 * word), and reads numbers with strtod (leading zeros, signs, fractions,
 * exponents, and integers beyond a double's 2^53). This pass refuses all of that
 * with the byte it happened at, and ends of input or closing brackets in the
 * wrong place; cJSON then checks the grammar and builds the tree. */

typedef struct lex {
    const char *s;
    size_t n, i;
    const char *path;
    cnnc_error *err;
} lex;

static cnnc_status lfail(const lex *x, const char *what) {
    return cnnc_io_format_error(x->err, x->path, "invalid safetensors header: %s at byte %zu of the JSON header", what,
                                x->i);
}

static void lex_ws(lex *x) {
    while (x->i < x->n && (x->s[x->i] == ' ' || x->s[x->i] == '\t' || x->s[x->i] == '\n' || x->s[x->i] == '\r'))
        x->i++;
}

static int hex4(lex *x, unsigned *out) {
    if (x->n - x->i < 4) return 0;
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = x->s[x->i + k];
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0) return 0;
        v = v * 16 + (unsigned)h;
    }
    x->i += 4;
    *out = v;
    return 1;
}

/* A string from its opening quote to past its closing one. Names and metadata
 * are C strings: \u0000 is refused. */
static cnnc_status lex_string(lex *x) {
    const char *s = x->s;
    size_t end = ++x->i;
    while (end < x->n && s[end] != '"') end += (s[end] == '\\') ? 2 : 1;
    if (end >= x->n) return lfail(x, "unterminated string");
    while (x->i < end) {
        unsigned char c = (unsigned char)s[x->i];
        if (c < 0x20) return lfail(x, "control character in string");
        x->i++;
        if (c != '\\') continue;
        char e = s[x->i++];
        unsigned cp = 0, lo = 0;
        if (e && strchr("\"\\/bfnrt", e)) continue;
        if (e != 'u') return lfail(x, "bad escape in string");
        if (!hex4(x, &cp)) return lfail(x, "bad \\u escape");
        if (cp >= 0xDC00 && cp <= 0xDFFF) return lfail(x, "unpaired surrogate in \\u escape");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (x->n - x->i < 2 || s[x->i] != '\\' || s[x->i + 1] != 'u') return lfail(x, "unpaired surrogate in \\u escape");
            x->i += 2;
            if (!hex4(x, &lo) || lo < 0xDC00 || lo > 0xDFFF) return lfail(x, "unpaired surrogate in \\u escape");
        }
        if (cp == 0) return lfail(x, "NUL character in string");
    }
    x->i++;   /* closing quote */
    return CNNC_OK;
}

/* A non-negative integer without sign, fraction, exponent or leading zeros, below 2^53. */
static cnnc_status lex_uint(lex *x) {
    const char *s = x->s;
    if (s[x->i] == '0' && x->i + 1 < x->n && s[x->i + 1] >= '0' && s[x->i + 1] <= '9')
        return lfail(x, "leading zero in integer");
    uint64_t v = 0;
    while (x->i < x->n && s[x->i] >= '0' && s[x->i] <= '9') {
        v = v * 10 + (uint64_t)(s[x->i] - '0');
        if (v > ST_MAX_INT) return lfail(x, "integer larger than 2^53 - 1");
        x->i++;
    }
    if (x->i < x->n && (s[x->i] == '.' || s[x->i] == 'e' || s[x->i] == 'E')) return lfail(x, "expected an integer");
    return CNNC_OK;
}

static cnnc_status lex_check(lex *x) {
    char open[ST_MAX_DEPTH];
    int depth = 0, after_key = 0;
    char last = 0;   /* the last token's first byte */
    cnnc_status st;
    lex_ws(x);
    if (x->i >= x->n || x->s[x->i] != '{') return lfail(x, "expected '{' at the start");
    for (;;) {
        lex_ws(x);
        if (x->i >= x->n) break;
        char c = x->s[x->i];
        if (last && depth == 0) return lfail(x, "unexpected text after the JSON object");
        if (c == '"') {
            after_key = open[depth - 1] == '{' && (last == '{' || last == ',');
            if ((st = lex_string(x)) != CNNC_OK) return st;
        } else if (c == '{' || c == '[') {
            if (depth == ST_MAX_DEPTH) return lfail(x, "nested deeper than a safetensors header (3 levels)");
            open[depth++] = c;
            x->i++;
        } else if (c == '}' || c == ']') {
            if (open[depth - 1] != (c == '}' ? '{' : '['))
                return lfail(x, open[depth - 1] == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
            depth--;
            x->i++;
        } else if (c == '-') {
            return lfail(x, "expected a non-negative integer");
        } else if (c >= '0' && c <= '9') {
            if ((st = lex_uint(x)) != CNNC_OK) return st;
        } else if ((unsigned char)c < 0x20) {
            return lfail(x, "control character outside a string");
        } else {
            x->i++;   /* ':', ',', literals and stray bytes: cJSON judges them */
        }
        last = c;
    }
    if (depth == 0) return CNNC_OK;
    if (after_key && last == '"') return lfail(x, "expected ':'");
    if (strchr("{[,:", last)) return lfail(x, "unexpected end of input");
    return lfail(x, open[depth - 1] == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
}

/* ---- the header, as a tree ---- */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static cnnc_status bad(cnnc_error *err, const char *path, const char *fmt, ...) {
    char what[CNNC_ERR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return cnnc_io_format_error(err, path, "invalid safetensors header: %s", what);
}

static cnnc_status nomem(cnnc_error *err, const char *path) {
    return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory parsing %s", path);
}

/* [u, u, ...] with at most `cap` entries. lex_check let only integers below
 * 2^53 through, which cJSON's doubles hold exactly; checked again all the same. */
static cnnc_status read_uints(const cJSON *a, uint64_t *vals, int32_t cap, int32_t *count, const char *what,
                              const char *tensor, const char *path, cnnc_error *err) {
    *count = 0;
    if (!cJSON_IsArray(a)) return bad(err, path, "%s must be an array of integers in tensor '%s'", what, tensor);
    for (const cJSON *v = a->child; v; v = v->next) {
        if (*count >= cap) return bad(err, path, "%s has more than %d entries in tensor '%s'", what, cap, tensor);
        double d = v->valuedouble;
        if (!cJSON_IsNumber(v) || !(d >= 0 && d <= (double)ST_MAX_INT) || d != (double)(uint64_t)d)
            return bad(err, path, "%s must hold non-negative integers in tensor '%s'", what, tensor);
        vals[(*count)++] = (uint64_t)d;
    }
    return CNNC_OK;
}

/* {"dtype": "F32", "shape": [...], "data_offsets": [b, e]} */
static cnnc_status read_tensor(const cJSON *entry, cnnc_st_tensor *t, uint64_t off[2], const char *path,
                               cnnc_error *err) {
    int have_dtype = 0, have_shape = 0, have_offsets = 0;
    int32_t n = 0;
    cnnc_status st;
    if (!cJSON_IsObject(entry)) return bad(err, path, "expected an object for tensor '%s'", t->name);
    if (!entry->child) return bad(err, path, "empty tensor entry for tensor '%s'", t->name);
    for (const cJSON *v = entry->child; v; v = v->next) {
        if (strcmp(v->string, "dtype") == 0 && !have_dtype) {
            const char *dt = cJSON_GetStringValue(v);
            if (!dt) return bad(err, path, "\"dtype\" must be a string in tensor '%s'", t->name);
            if (strcmp(dt, "F32") == 0) t->dtype = CNNC_F32;
            else if (strcmp(dt, "I64") == 0) t->dtype = CNNC_I64;
            else if (strcmp(dt, "I32") == 0) t->dtype = CNNC_I32;
            else if (strcmp(dt, "U8") == 0) t->dtype = CNNC_U8;
            else if (strcmp(dt, "F64") == 0) t->dtype = CNNC_F64;
            else
                return cnnc_io_format_error(err, path,
                                            "tensor '%s' has dtype %.32s, which cnnc does not read "
                                            "(supported: F32, F64, I64, I32, U8)",
                                            t->name, dt);
            have_dtype = 1;
        } else if (strcmp(v->string, "shape") == 0 && !have_shape) {
            uint64_t dims[CNNC_MAX_DIMS];
            if ((st = read_uints(v, dims, CNNC_MAX_DIMS, &n, "shape", t->name, path, err)) != CNNC_OK) return st;
            t->ndim = n;
            t->numel = 1;
            for (int32_t d = 0; d < n; d++) {
                if (dims[d] > ((uint64_t)1 << 40) || (dims[d] && (uint64_t)t->numel > ((uint64_t)1 << 40) / dims[d]))
                    return bad(err, path, "shape too large in tensor '%s'", t->name);
                t->shape[d] = (int64_t)dims[d];
                t->numel *= (int64_t)dims[d];
            }
            have_shape = 1;
        } else if (strcmp(v->string, "data_offsets") == 0 && !have_offsets) {
            if ((st = read_uints(v, off, 2, &n, "data_offsets", t->name, path, err)) != CNNC_OK) return st;
            if (n != 2) return bad(err, path, "data_offsets must hold exactly 2 integers in tensor '%s'", t->name);
            have_offsets = 1;
        } else {
            return bad(err, path, "unexpected or repeated key \"%.40s\" in tensor '%s'", v->string, t->name);
        }
    }
    if (!have_dtype || !have_shape || !have_offsets)
        return bad(err, path, "tensor '%s' lacks %s", t->name,
                   !have_dtype ? "\"dtype\"" : !have_shape ? "\"shape\"" : "\"data_offsets\"");
    return CNNC_OK;
}

static cnnc_status read_metadata(const cJSON *m, cnnc_st_file *f, const char *path, cnnc_error *err) {
    if (!cJSON_IsObject(m)) return bad(err, path, "__metadata__ must be an object of strings");
    int n = cJSON_GetArraySize(m);
    if (n == 0) return CNNC_OK;
    if (!(f->meta = calloc((size_t)n, sizeof *f->meta))) return nomem(err, path);
    for (const cJSON *v = m->child; v; v = v->next) {
        if (!cJSON_IsString(v)) return bad(err, path, "__metadata__ values must be strings (key '%.100s')", v->string);
        st_meta *e = &f->meta[f->n_meta];
        if (!(e->key = strdup(v->string)) || !(e->value = strdup(v->valuestring))) {
            free(e->key);
            return nomem(err, path);
        }
        f->n_meta++;
    }
    return CNNC_OK;
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
        uint64_t want = (uint64_t)t->numel * cnnc_st_dtype_size(t->dtype);
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
                                        (unsigned long long)(e - b), cnnc_st_dtype_name(t->dtype), shape,
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
    lex x = {hdr, hdr_len, 0, path, err};
    uint64_t data_len = (uint64_t)(f->size - 8 - hdr_len);
    st_span *spans = NULL;
    int have_meta = 0;
    cnnc_status st = lex_check(&x);
    if (st != CNNC_OK) return st;
    const char *end = NULL;
    errno = 0;
    cJSON *root = cJSON_ParseWithLengthOpts(hdr, hdr_len, &end, 0);
    if (!root) {
        if (errno == ENOMEM) return nomem(err, path);
        return bad(err, path, "not valid JSON near byte %zu of the JSON header", end ? (size_t)(end - hdr) : (size_t)0);
    }
    /* lex_check saw only whitespace after the object; cJSON must have stopped there too. */
    while (end < hdr + hdr_len && (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')) end++;
    if (!cJSON_IsObject(root) || end != hdr + hdr_len) {
        st = bad(err, path, "not valid JSON near byte %zu of the JSON header", (size_t)(end - hdr));
        goto done;
    }
    int n = cJSON_GetArraySize(root);
    f->tensors = calloc(n ? (size_t)n : 1, sizeof *f->tensors);
    spans = malloc((n ? (size_t)n : 1) * sizeof *spans);
    if (!f->tensors || !spans) {
        st = nomem(err, path);
        goto done;
    }
    for (const cJSON *v = root->child; v; v = v->next) {
        const char *name = v->string;
        size_t name_len = strlen(name);
        if (strcmp(name, "__metadata__") == 0) {
            if (have_meta) {
                st = bad(err, path, "repeated \"__metadata__\"");
                goto done;
            }
            have_meta = 1;
            if ((st = read_metadata(v, f, path, err)) != CNNC_OK) goto done;
            continue;
        }
        if (name_len == 0 || name_len >= ST_NAME_CAP) {
            st = cnnc_io_format_error(err, path, "tensor name '%.60s%s' must be 1..%zu bytes long", name,
                                      name_len > 60 ? "..." : "", ST_NAME_CAP - 1);
            goto done;
        }
        cnnc_st_tensor *t = &f->tensors[f->n_tensors];
        memcpy(t->name, name, name_len + 1);
        uint64_t off[2] = {0, 0};
        if ((st = read_tensor(v, t, off, path, err)) != CNNC_OK) goto done;
        spans[f->n_tensors].begin = off[0];
        spans[f->n_tensors].end = off[1];
        spans[f->n_tensors].index = f->n_tensors;
        f->n_tensors++;
    }
    cJSON_Delete(root);
    root = NULL;
    /* Duplicates: JSON allows them, safetensors must not. */
    if (f->n_tensors > 1 || f->n_meta > 1) {
        int32_t most = f->n_tensors > f->n_meta ? f->n_tensors : f->n_meta;
        const char **names = malloc((size_t)most * sizeof *names);
        if (!names) {
            st = nomem(err, path);
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
    cJSON_Delete(root);
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
