/* data_set.c — a data set in either layout (IDX files or an ImageFolder), and the
 * class names a checkpoint records ("classes" metadata: a JSON list). */
#include "cnnc/io.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/io_util.h"

static int has_folder(const char *dir, const char *name) {
    char path[4096];
    struct stat sb;
    int k = snprintf(path, sizeof path, "%s/%s", dir, name);
    return k > 0 && (size_t)k < sizeof path && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int cnnc_data_is_folder_set(const char *dir) { return dir && (has_folder(dir, "train") || has_folder(dir, "test")); }

static void from_idx(cnnc_idx_set *idx, cnnc_data_set *out) {
    memset(out, 0, sizeof *out);
    out->images = idx->images;
    out->labels = idx->labels;
    out->n = idx->n;
    out->channels = 1;
    out->height = idx->rows;
    out->width = idx->cols;
    memset(idx, 0, sizeof *idx);
}

cnnc_status cnnc_data_load(const char *dir, cnnc_data_set *train, cnnc_data_set *test, cnnc_error *err) {
    if (train) memset(train, 0, sizeof *train);
    if (test) memset(test, 0, sizeof *test);
    if (cnnc_data_is_folder_set(dir))
        return cnnc_imagefolder_load(dir, train, test, err);
    cnnc_idx_set a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    cnnc_status st = cnnc_data_load_dir(dir, train ? &a : NULL, test ? &b : NULL, err);
    if (st != CNNC_OK) return st;
    if (train) from_idx(&a, train);
    if (test) from_idx(&b, test);
    return CNNC_OK;
}

void cnnc_data_set_free(cnnc_data_set *set) {
    if (!set) return;
    free(set->images);
    free(set->labels);
    cnnc_classes_free(set->classes, set->n_classes);
    memset(set, 0, sizeof *set);
}

cnnc_dataset cnnc_data_as_dataset(const cnnc_data_set *set) {
    cnnc_dataset ds;
    memset(&ds, 0, sizeof ds);
    if (!set) return ds;
    ds.images = set->images;
    ds.labels = set->labels;
    ds.n = set->n;
    ds.channels = set->channels;
    ds.height = set->height;
    ds.width = set->width;
    return ds;
}

void cnnc_classes_free(char **classes, int32_t n) {
    if (!classes) return;
    for (int32_t i = 0; i < n; i++) free(classes[i]);
    free(classes);
}

char *cnnc_classes_to_json(char *const *classes, int32_t n) {
    if (!classes || n <= 0) return NULL;
    cJSON *a = cJSON_CreateArray();
    if (!a) return NULL;
    for (int32_t i = 0; i < n; i++) {
        cJSON *s = cJSON_CreateString(classes[i]);
        if (!s || !cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            cJSON_Delete(a);
            return NULL;
        }
    }
    char *text = cJSON_PrintUnformatted(a);
    cJSON_Delete(a);
    return text;
}

cnnc_status cnnc_ckpt_read_classes(const char *path, char ***classes, int32_t *n, cnnc_error *err) {
    *classes = NULL;
    *n = 0;
    cnnc_st_file *f = NULL;
    cnnc_status st = cnnc_st_read(path, &f, err);
    if (st != CNNC_OK) return st;
    const char *text = cnnc_st_meta(f, "classes");
    if (!text) {
        cnnc_st_free(f);
        return CNNC_OK;
    }
    cJSON *a = cJSON_Parse(text);
    int count = a && cJSON_IsArray(a) ? cJSON_GetArraySize(a) : -1;
    if (count < 1 || count > CNNC_DATA_MAX_CLASSES) {
        cJSON_Delete(a);
        cnnc_st_free(f);
        return cnnc_io_format_error(err, path, "metadata \"classes\" is not a list of 1..%d names",
                                    CNNC_DATA_MAX_CLASSES);
    }
    char **v = calloc((size_t)count, sizeof *v);
    st = v ? CNNC_OK : cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate class names");
    for (int i = 0; i < count && st == CNNC_OK; i++) {
        const cJSON *s = cJSON_GetArrayItem(a, i);
        if (!cJSON_IsString(s)) st = cnnc_io_format_error(err, path, "metadata \"classes\": item %d is not a string", i);
        else if (!(v[i] = strdup(s->valuestring)))
            st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate class names");
    }
    cJSON_Delete(a);
    cnnc_st_free(f);
    if (st != CNNC_OK) {
        cnnc_classes_free(v, count);
        return st;
    }
    *classes = v;
    *n = count;
    return CNNC_OK;
}
