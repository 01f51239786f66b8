/* model.c — the layer graph's life cycle (load, free), its state_dict
 * parameter list, and rendering layers back to constructor calls for
 * `cnnc check --fix`. Parsing itself is in parse.c. */
#include "cnnc/model.h"
#include "model_internal.h"
#include "layers/layer_def.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cnnc_model_free(cnnc_model *model) {
    if (!model) return;
    free(model->text);
    free(model->layers);
    free(model->stmts);
    free(model->edges);
    free(model);
}

static cnnc_status os_error(cnnc_error *err, int e, const char *path) {
    const char *type = e == ENOENT ? "FileNotFoundError" : e == EACCES ? "PermissionError"
                     : e == EISDIR ? "IsADirectoryError" : "OSError";
    cnnc_status st = cnnc_error_set(err, CNNC_ERR_IO, type, "[Errno %d] %s: '%s'", e, strerror(e), path);
    if (err) snprintf(err->file, sizeof err->file, "%s", path);
    return st;
}

cnnc_status cnnc_read_file(const char *path, size_t max_bytes, char **out, size_t *out_len, cnnc_error *err) {
    *out = NULL;
    *out_len = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) return os_error(err, errno, path);
    /* a regular file's size is known: one buffer, one read (a pipe grows by doubling) */
    struct stat sb;
    size_t cap = 8192, len = 0;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >= 0 && (uint64_t)sb.st_size < max_bytes)
        cap = (size_t)sb.st_size + 1;
    char *buf = (char *)malloc(cap);
    cnnc_status st = CNNC_OK;
    int e = 0;
    while (buf) {
        if (len == cap) {
            if (cap > max_bytes) { st = CNNC_ERR_PARSE; break; }
            char *nb = (char *)realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) { e = errno; break; }
        if (n == 0) break;
        len += (size_t)n;
    }
    close(fd);
    if (!buf) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading '%s'", path);
    if (st == CNNC_OK && e) st = os_error(err, e, path);
    if (st != CNNC_OK) {
        free(buf);
        if (st == CNNC_ERR_PARSE && err) snprintf(err->file, sizeof err->file, "%s", path);
        return st;
    }
    *out = buf;
    *out_len = len;
    return CNNC_OK;
}

/* ------------------------------------------------------------ parameters */

static int64_t numel_of(const int64_t *shape, int32_t ndim) {
    int64_t n = 1;
    for (int32_t k = 0; k < ndim; k++) {
        int64_t d = shape[k] < 0 ? 0 : shape[k];
        if (__builtin_mul_overflow(n, d, &n)) return INT64_MAX; /* saturate: the engine refuses it */
    }
    return n;
}

int32_t cnnc_model_params(const cnnc_model *model, cnnc_param_info *out, int32_t cap) {
    if (!model) return 0;
    if (!out) cap = 0;
    int32_t count = 0;
    for (int32_t li = 0; li < model->n_layers; li++) {
        const cnnc_layer *l = &model->layers[li];
        const cnnc_layer_def *def = cnnc_layer_def_of(l->kind);
        if (!def || !def->params || cnnc_layer_owner(model, li) != li) continue;   /* a reused module's parameters are its first call's */
        cnnc_param_desc d[CNNC_LAYER_MAX_PARAMS];
        int32_t n = def->params(l, d);
        for (int32_t k = 0; k < n; k++, count++) {
            if (count >= cap) continue;
            cnnc_param_info *p = &out[count];
            memset(p, 0, sizeof *p);
            snprintf(p->name, sizeof p->name, "%s.%s", l->name, d[k].suffix);
            p->layer_index = li;
            p->role = d[k].role;
            p->dtype = d[k].dtype;
            p->trainable = d[k].role == CNNC_P_WEIGHT || d[k].role == CNNC_P_BIAS;
            p->ndim = d[k].ndim;
            for (int32_t j = 0; j < d[k].ndim; j++) p->shape[j] = d[k].shape[j];
            p->numel = numel_of(p->shape, p->ndim);
        }
    }
    return count;
}

cnnc_status cnnc_model_link_chain(cnnc_model *model, cnnc_error *err) {
    int32_t n = model->n_layers;
    int32_t *edges = (int32_t *)malloc((size_t)(n > 0 ? n : 1) * sizeof *edges);
    if (!edges) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory linking %d layers", (int)n);
    for (int32_t i = 0; i < n; i++) {
        edges[i] = i == 0 ? CNNC_INPUT_REF(0) : i - 1;
        model->layers[i].n_in = 1;
        model->layers[i].in_first = i;
        model->layers[i].owner = i;
    }
    free(model->edges);
    model->edges = edges;
    model->n_edges = n;
    model->n_inputs = 1;
    model->output = n - 1;
    return CNNC_OK;
}

/* --------------------------------------------------------------- render */

/* Canonical form, close to PyTorch's repr(): required sizes positional,
 * kernel_size/stride spelled out for conv and pool, other arguments only when
 * they differ from the default. */
size_t cnnc_layer_render(const cnnc_layer *layer, char *buf, size_t cap) {
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, buf, cap);
    if (!layer) return 0;
    const cnnc_layer_def *def = cnnc_layer_def_of(layer->kind);
    cnnc_sb_printf(&sb, "%s(", def ? def->name : "Unknown");
    if (def && def->render) def->render(layer, &sb);
    cnnc_sb_puts(&sb, ")");
    return sb.len;
}

char *cnnc_model_text_with_layer(const cnnc_model *model, int32_t layer_index) {
    if (!model || !model->text || layer_index < 0 || layer_index >= model->n_layers) return NULL;
    const cnnc_layer *l = &model->layers[layer_index];
    size_t begin = (size_t)l->span.begin, end = (size_t)l->span.end;
    if (begin > end || end > model->text_len) return NULL;
    size_t rlen = cnnc_layer_render(l, NULL, 0);
    size_t total = begin + rlen + (model->text_len - end);
    char *out = (char *)malloc(total + 1);
    if (!out) return NULL;
    memcpy(out, model->text, begin);
    cnnc_layer_render(l, out + begin, rlen + 1);
    memcpy(out + begin + rlen, model->text + end, model->text_len - end);
    out[total] = '\0';
    return out;
}

void cnnc_layer_display(const cnnc_layer *L, char *buf, size_t cap) {
    if (L->node_flags & CNNC_NODE_FUNCTIONAL) snprintf(buf, cap, "%s", L->name);
    else snprintf(buf, cap, "%s (%s)", L->name, cnnc_layer_kind_name(L->kind));
}
