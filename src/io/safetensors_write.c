/* safetensors_write.c — the writer of the safetensors format: tensors and
 * metadata staged in memory, the JSON header written with cJSON, and the file
 * saved atomically (PATH.tmp.PID, fsync, rename, fsync of the folder). */
#include "cnnc/io.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/vec.h"
#include "io/io_util.h"
#include "io/safetensors_internal.h"

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
    if (cnnc_st_dtype_size(dtype) == 0 || ndim < 0 || ndim > CNNC_MAX_DIMS)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "tensor '%s': bad dtype or ndim %d", name, ndim);
    for (int32_t i = 0; i < w->n; i++)
        if (strcmp(w->entries[i].name, name) == 0)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "tensor '%s' added twice", name);
    uint64_t numel = 1;
    for (int32_t d = 0; d < ndim; d++) {
        if (shape[d] < 0 || shape[d] > ((int64_t)1 << 40) ||   /* what the reader takes back */
            (shape[d] > 0 && numel > ((uint64_t)1 << 40) / (uint64_t)shape[d]))
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "tensor '%s': bad shape", name);
        numel *= (uint64_t)shape[d];
    }
    size_t nbytes = (size_t)numel * cnnc_st_dtype_size(dtype);
    if (nbytes > 0 && !data)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "tensor '%s': NULL data", name);
    if (w->n == w->cap && !cnnc_vec_reserve((void **)&w->entries, &w->cap, (int64_t)w->n + 1, sizeof *w->entries))
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
    if (w->n_meta == w->cap_meta && !cnnc_vec_reserve((void **)&w->meta, &w->cap_meta, (int64_t)w->n_meta + 1, sizeof *w->meta))
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

static int add_const(cJSON *obj, const char *key, cJSON *item) {
    if (item && cJSON_AddItemToObjectCS(obj, key, item)) return 1;
    cJSON_Delete(item);
    return 0;
}

/* The header as compact JSON (Python's json.dumps with separators=(",", ":")):
 * metadata first, then the tensors in the order they were added, with
 * contiguous data_offsets. cJSON prints integers below 10^15 as plain digits
 * (%1.15g); cnnc_st_writer_save keeps every number below that. NULL when out
 * of memory; the text is cJSON's (cJSON_free). */
static char *header_json(const cnnc_st_writer *w) {
    cJSON *root = cJSON_CreateObject(), *meta = NULL;
    int ok = root != NULL;
    if (ok && w->n_meta > 0) ok = (meta = cJSON_AddObjectToObject(root, "__metadata__")) != NULL;
    for (int32_t i = 0; ok && i < w->n_meta; i++)
        ok = cJSON_AddStringToObject(meta, w->meta[i].key, w->meta[i].value) != NULL;
    uint64_t offset = 0;
    for (int32_t i = 0; ok && i < w->n; i++) {
        const st_entry *e = &w->entries[i];
        double dims[CNNC_MAX_DIMS], offs[2] = {(double)offset, (double)(offset + e->nbytes)};
        for (int32_t d = 0; d < e->ndim; d++) dims[d] = (double)e->shape[d];
        cJSON *t = cJSON_AddObjectToObject(root, e->name);
        ok = t && cJSON_AddStringToObject(t, "dtype", cnnc_st_dtype_name(e->dtype)) &&
             add_const(t, "shape", cJSON_CreateDoubleArray(dims, e->ndim)) &&
             add_const(t, "data_offsets", cJSON_CreateDoubleArray(offs, 2));
        offset += e->nbytes;
    }
    char *text = ok ? cJSON_PrintUnformatted(root) : NULL;
    cJSON_Delete(root);
    return text;
}

cnnc_status cnnc_st_writer_stage(cnnc_st_writer *w, const char *path, cnnc_io_staged *staged, cnnc_error *err) {
    memset(staged, 0, sizeof *staged);
    if (!w || !path) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_st_writer_save: NULL argument");
    uint64_t total = 0;
    for (int32_t i = 0; i < w->n; i++) total += w->entries[i].nbytes;
    if (total >= (uint64_t)1000000000000000)   /* 10^15: see header_json */
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "%llu bytes of tensors are too many for one file",
                              (unsigned long long)total);
    char *hdr = header_json(w);
    if (!hdr)
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory building the header for %s", path);
    size_t hdr_len = strlen(hdr), pad = (8 - hdr_len % 8) % 8;   /* data starts 8-byte aligned */

    unsigned char len8[8];
    for (int k = 0; k < 8; k++) len8[k] = (unsigned char)((uint64_t)(hdr_len + pad) >> (8 * k));
    /* the length and the header, then the tensors: the crash tests pause after the first part */
    cnnc_io_part *parts = (cnnc_io_part *)malloc((size_t)(w->n + 1) * sizeof *parts);
    char *head = (char *)malloc(8 + hdr_len + pad);
    if (!parts || !head) {
        free(parts);
        free(head);
        cJSON_free(hdr);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory saving %s", path);
    }
    memcpy(head, len8, 8);
    memcpy(head + 8, hdr, hdr_len);
    memset(head + 8 + hdr_len, ' ', pad);
    cJSON_free(hdr);
    parts[0].data = head;
    parts[0].len = 8 + hdr_len + pad;
    for (int32_t i = 0; i < w->n; i++) {
        parts[i + 1].data = w->entries[i].data;
        parts[i + 1].len = w->entries[i].nbytes;
    }
    cnnc_status st = cnnc_io_stage_parts(path, parts, w->n + 1, staged, err);
    free(parts);
    free(head);
    return st;
}

cnnc_status cnnc_st_writer_save(cnnc_st_writer *w, const char *path, cnnc_error *err) {
    cnnc_io_staged staged;
    cnnc_status st = cnnc_st_writer_stage(w, path, &staged, err);
    if (st != CNNC_OK) return st;
    return cnnc_io_commit(&staged, err);
}
