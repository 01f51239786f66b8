/* model.c — the layer graph's life cycle (load, free), its state_dict
 * parameter list, and rendering layers back to constructor calls for
 * `cnnc check --fix`. Parsing itself is in parse.c. */
#include "cnnc/model.h"
#include "model_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cnnc_layer_kind_name(cnnc_layer_kind kind) {
    switch (kind) {
    case CNNC_CONV2D: return "Conv2d";
    case CNNC_MAXPOOL2D: return "MaxPool2d";
    case CNNC_AVGPOOL2D: return "AvgPool2d";
    case CNNC_RELU: return "ReLU";
    case CNNC_FLATTEN: return "Flatten";
    case CNNC_LINEAR: return "Linear";
    case CNNC_DROPOUT: return "Dropout";
    case CNNC_BATCHNORM2D: return "BatchNorm2d";
    case CNNC_LAYER_KIND_COUNT: break;
    }
    return "Unknown";
}

void cnnc_model_free(cnnc_model *model) {
    if (!model) return;
    free(model->text);
    free(model->layers);
    free(model->stmts);
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
    FILE *f = fopen(path, "rb");
    if (!f) return os_error(err, errno, path);
    size_t cap = 8192, len = 0;
    char *buf = (char *)malloc(cap);
    cnnc_status st = CNNC_OK;
    while (buf) {
        if (len == cap) {
            if (cap > max_bytes) { st = CNNC_ERR_PARSE; break; }
            char *nb = (char *)realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) break;
    }
    int ferr = ferror(f), e = errno;
    fclose(f);
    if (!buf) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading '%s'", path);
    if (st == CNNC_OK && ferr) st = os_error(err, e, path);
    if (st != CNNC_OK) {
        free(buf);
        if (st == CNNC_ERR_PARSE && err) snprintf(err->file, sizeof err->file, "%s", path);
        return st;
    }
    *out = buf;
    *out_len = len;
    return CNNC_OK;
}

cnnc_status cnnc_model_load(const char *path, cnnc_model **out, cnnc_error *err) {
    if (out) *out = NULL;
    if (!path || !out) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_model_load: NULL argument");
    char *buf;
    size_t len;
    cnnc_status st = cnnc_read_file(path, (size_t)1 << 30, &buf, &len, err);
    if (st == CNNC_ERR_PARSE)
        return cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "model file is too large (over 1 GiB)");
    if (st != CNNC_OK) return st;
    st = cnnc_model_parse(buf, len, path, out, err);
    free(buf);
    return st;
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

static void put_param(cnnc_param_info *out, int32_t cap, int32_t *count, const cnnc_layer *l, int32_t li,
                      const char *suffix, cnnc_param_role role, cnnc_dtype dtype, int32_t ndim, int64_t d0, int64_t d1,
                      int64_t d2, int64_t d3) {
    if (*count < cap) {
        cnnc_param_info *p = &out[*count];
        memset(p, 0, sizeof *p);
        snprintf(p->name, sizeof p->name, "%s.%s", l->name, suffix);
        p->layer_index = li;
        p->role = role;
        p->dtype = dtype;
        p->trainable = role == CNNC_P_WEIGHT || role == CNNC_P_BIAS;
        p->ndim = ndim;
        int64_t dims[4] = {d0, d1, d2, d3};
        for (int32_t k = 0; k < ndim; k++) p->shape[k] = dims[k];
        p->numel = numel_of(p->shape, ndim);
    }
    (*count)++;
}

int32_t cnnc_model_params(const cnnc_model *model, cnnc_param_info *out, int32_t cap) {
    if (!model) return 0;
    if (!out) cap = 0;
    int32_t count = 0;
    for (int32_t li = 0; li < model->n_layers; li++) {
        const cnnc_layer *l = &model->layers[li];
        switch (l->kind) {
        case CNNC_CONV2D: {
            const cnnc_conv2d_params *c = &l->p.conv;
            int64_t g = c->groups > 0 ? c->groups : 1;
            put_param(out, cap, &count, l, li, "weight", CNNC_P_WEIGHT, CNNC_F32, 4, c->out_channels, c->in_channels / g,
                      c->kernel_size[0], c->kernel_size[1]);
            if (c->bias) put_param(out, cap, &count, l, li, "bias", CNNC_P_BIAS, CNNC_F32, 1, c->out_channels, 0, 0, 0);
            break;
        }
        case CNNC_LINEAR: {
            const cnnc_linear_params *q = &l->p.linear;
            put_param(out, cap, &count, l, li, "weight", CNNC_P_WEIGHT, CNNC_F32, 2, q->out_features, q->in_features, 0, 0);
            if (q->bias) put_param(out, cap, &count, l, li, "bias", CNNC_P_BIAS, CNNC_F32, 1, q->out_features, 0, 0, 0);
            break;
        }
        case CNNC_BATCHNORM2D: {
            const cnnc_batchnorm2d_params *q = &l->p.bn;
            int64_t c = q->num_features;
            if (q->affine) {
                put_param(out, cap, &count, l, li, "weight", CNNC_P_WEIGHT, CNNC_F32, 1, c, 0, 0, 0);
                put_param(out, cap, &count, l, li, "bias", CNNC_P_BIAS, CNNC_F32, 1, c, 0, 0, 0);
            }
            if (q->track_running_stats) {
                put_param(out, cap, &count, l, li, "running_mean", CNNC_P_RUNNING_MEAN, CNNC_F32, 1, c, 0, 0, 0);
                put_param(out, cap, &count, l, li, "running_var", CNNC_P_RUNNING_VAR, CNNC_F32, 1, c, 0, 0, 0);
                put_param(out, cap, &count, l, li, "num_batches_tracked", CNNC_P_NUM_BATCHES, CNNC_I64, 0, 0, 0, 0, 0);
            }
            break;
        }
        default: break;
        }
    }
    return count;
}

/* --------------------------------------------------------------- render */

size_t cnnc_py_float_repr(double v, char *buf, size_t cap) {
    if (!buf || cap == 0) return 0;
    if (isnan(v)) return (size_t)snprintf(buf, cap, "nan");
    if (isinf(v)) return (size_t)snprintf(buf, cap, "%s", v < 0 ? "-inf" : "inf");
    char tmp[64];
    int prec = 1;
    for (; prec <= 17; prec++) { /* fewest significant digits that read back exactly */
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    const char *e = strchr(tmp, 'e');
    int exp10 = e ? atoi(e + 1) : 0;
    int n;
    if (v != 0.0 && (exp10 < -4 || exp10 >= 16)) {
        n = snprintf(buf, cap, "%s", tmp); /* C's %e matches Python's repr here: 1e-05, 1.5e+16 */
    } else {
        int decimals = prec - 1 - exp10;
        if (decimals < 1) decimals = 1;
        snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
        /* trim trailing zeros but keep one digit after the point */
        size_t len = strlen(tmp);
        while (len > 2 && tmp[len - 1] == '0' && tmp[len - 2] != '.') tmp[--len] = '\0';
        n = snprintf(buf, cap, "%s", tmp);
    }
    return n < 0 ? 0 : (size_t)n;
}

typedef struct sbuf { char *buf; size_t cap, len; } sbuf;

static void put(sbuf *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void put(sbuf *s, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t room = s->len < s->cap ? s->cap - s->len : 0;
    int n = vsnprintf(room ? s->buf + s->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0) s->len += (size_t)n;
}

static void put_pair(sbuf *s, const char *sep, const char *name, const int64_t v[2]) {
    if (v[0] == v[1]) put(s, "%s%s=%lld", sep, name, (long long)v[0]);
    else put(s, "%s%s=(%lld, %lld)", sep, name, (long long)v[0], (long long)v[1]);
}

static void put_float(sbuf *s, const char *sep, const char *name, double v) {
    char f[64];
    cnnc_py_float_repr(v, f, sizeof f);
    put(s, "%s%s=%s", sep, name, f);
}

/* Canonical form, close to PyTorch's repr(): required sizes positional,
 * kernel_size/stride spelled out for conv and pool, other arguments only when
 * they differ from the default. */
size_t cnnc_layer_render(const cnnc_layer *layer, char *buf, size_t cap) {
    sbuf s = {buf, cap, 0};
    if (buf && cap) buf[0] = '\0';
    if (!layer) return 0;
    put(&s, "%s(", cnnc_layer_kind_name(layer->kind));
    switch (layer->kind) {
    case CNNC_CONV2D: {
        const cnnc_conv2d_params *c = &layer->p.conv;
        put(&s, "%lld, %lld", (long long)c->in_channels, (long long)c->out_channels);
        put_pair(&s, ", ", "kernel_size", c->kernel_size);
        put_pair(&s, ", ", "stride", c->stride);
        if (c->pad_mode == CNNC_PAD_SAME) put(&s, ", padding='same'");
        else if (c->pad_mode == CNNC_PAD_VALID) put(&s, ", padding='valid'");
        else if (c->padding[0] || c->padding[1]) put_pair(&s, ", ", "padding", c->padding);
        if (c->dilation[0] != 1 || c->dilation[1] != 1) put_pair(&s, ", ", "dilation", c->dilation);
        if (c->groups != 1) put(&s, ", groups=%lld", (long long)c->groups);
        if (!c->bias) put(&s, ", bias=False");
        break;
    }
    case CNNC_MAXPOOL2D:
    case CNNC_AVGPOOL2D: {
        const cnnc_pool2d_params *q = &layer->p.pool;
        put_pair(&s, "", "kernel_size", q->kernel_size);
        if (q->stride[0] != q->kernel_size[0] || q->stride[1] != q->kernel_size[1]) put_pair(&s, ", ", "stride", q->stride);
        if (q->padding[0] || q->padding[1]) put_pair(&s, ", ", "padding", q->padding);
        if (layer->kind == CNNC_MAXPOOL2D && (q->dilation[0] != 1 || q->dilation[1] != 1)) put_pair(&s, ", ", "dilation", q->dilation);
        if (q->ceil_mode) put(&s, ", ceil_mode=True");
        if (layer->kind == CNNC_AVGPOOL2D) {
            if (!q->count_include_pad) put(&s, ", count_include_pad=False");
            if (q->divisor_override) put(&s, ", divisor_override=%lld", (long long)q->divisor_override);
        }
        break;
    }
    case CNNC_RELU:
        if (layer->p.relu.inplace) put(&s, "inplace=True");
        break;
    case CNNC_FLATTEN: {
        const char *sep = "";
        if (layer->p.flatten.start_dim != 1) { put(&s, "start_dim=%lld", (long long)layer->p.flatten.start_dim); sep = ", "; }
        if (layer->p.flatten.end_dim != -1) put(&s, "%send_dim=%lld", sep, (long long)layer->p.flatten.end_dim);
        break;
    }
    case CNNC_LINEAR:
        put(&s, "%lld, %lld", (long long)layer->p.linear.in_features, (long long)layer->p.linear.out_features);
        if (!layer->p.linear.bias) put(&s, ", bias=False");
        break;
    case CNNC_DROPOUT: {
        const char *sep = "";
        if (layer->p.dropout.p != 0.5) { put_float(&s, "", "p", layer->p.dropout.p); sep = ", "; }
        if (layer->p.dropout.inplace) put(&s, "%sinplace=True", sep);
        break;
    }
    case CNNC_BATCHNORM2D: {
        const cnnc_batchnorm2d_params *q = &layer->p.bn;
        put(&s, "%lld", (long long)q->num_features);
        if (q->eps != 1e-5) put_float(&s, ", ", "eps", q->eps);
        if (q->momentum_none) put(&s, ", momentum=None");
        else if (q->momentum != 0.1) put_float(&s, ", ", "momentum", q->momentum);
        if (!q->affine) put(&s, ", affine=False");
        if (!q->track_running_stats) put(&s, ", track_running_stats=False");
        break;
    }
    default: break;
    }
    put(&s, ")");
    if (buf && cap && s.len >= cap) buf[cap - 1] = '\0';
    return s.len;
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
