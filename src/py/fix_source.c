/* fix_source.c — the --fix loop (cnnc/fix.h): check, apply the suggested fix
 * to the failing layer, splice its re-rendered constructor call into the text,
 * read the new text again, and repeat until every input validates. */
#include <stdlib.h>
#include <string.h>

#include "cnnc/fix.h"
#include "cnnc/pyread.h"

#define MAX_ROUNDS 64

/* Replace span [b, e) of text with `with`. */
static char *splice(const char *text, size_t len, size_t b, size_t e, const char *with) {
    size_t wl = strlen(with), n = len - (e - b) + wl;
    char *out = (char *)malloc(n + 1);
    if (!out) return NULL;
    memcpy(out, text, b);
    memcpy(out + b, with, wl);
    memcpy(out + b + wl, text + e, len - e);
    out[n] = '\0';
    return out;
}

/* The text and the check of one version of the source. */
typedef struct version {
    char *text;
    size_t len;
    cnnc_model *model;        /* model file: the parsed model; .py: the last trace's graph */
    cnnc_source *src;         /* .py */
    cnnc_trace *trace;
} version;

static void version_free(version *v) {
    cnnc_trace_free(v->trace);
    cnnc_source_free(v->src);
    if (!v->trace) cnnc_model_free(v->model);
    free(v->text);
    memset(v, 0, sizeof *v);
}

static cnnc_status out_of_memory(cnnc_error *err, const char *path, const char *what) {
    return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cnnc check --fix: cannot allocate %s for %s", what, path);
}

/* Take ownership of `text` (malloc'd, NUL-terminated) and read it. */
static cnnc_status version_read(version *v, char *text, size_t len, const char *path, int py, cnnc_error *err) {
    memset(v, 0, sizeof *v);
    v->text = text;
    v->len = len;
    cnnc_status st = py ? cnnc_source_parse(text, len, path, &v->src, err) : cnnc_model_parse(text, len, path, &v->model, err);
    if (st) version_free(v);   /* the caller has nothing to free on failure */
    return st;
}

/* Check one input: CNNC_OK, or the error (with its fix) over v->model. */
static cnnc_status version_check(version *v, const cnnc_fix_options *o, const cnnc_shape *in, cnnc_error *err) {
    if (!o->is_py) return cnnc_shape_pass(v->model, in, NULL, NULL, err);
    cnnc_trace_free(v->trace);
    v->trace = NULL;
    v->model = NULL;
    cnnc_status st = cnnc_source_trace(v->src, o->class_name, o->args, in, 1, 1, &v->trace, err);
    if (v->trace) v->model = v->trace->model;
    return st;
}

/* Input k, or the default one. */
static cnnc_status input_for(version *v, const cnnc_fix_options *o, const char *path, int k, cnnc_shape *in,
                             cnnc_error *err) {
    if (o->n_inputs) { *in = o->inputs[k]; return CNNC_OK; }
    if (o->is_py) return cnnc_source_default_input(v->src, o->class_name, o->args, in, err);
    const cnnc_model *m = v->model;
    if (!m->has_input || m->input_ndim + 1 > CNNC_MAX_DIMS)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "%s has no `input = (C, H, W)`; pass an input shape", path);
    in->ndim = m->input_ndim + 1;
    in->d[0] = o->batch > 0 ? o->batch : 2;
    for (int32_t i = 0; i < m->input_ndim; i++) in->d[i + 1] = m->input[i];
    return CNNC_OK;
}

/* The failing layer's new constructor call, keeping the source's own module
 * prefix ("nn." or any other) before the class name. NULL: out of memory. */
static char *rendered_call(const version *v, const cnnc_layer *L) {
    char r[512];
    cnnc_layer_render(L, r, sizeof r);
    const char *old_call = v->text + L->span.begin;
    size_t span_len = (size_t)(L->span.end - L->span.begin);
    const char *paren = (const char *)memchr(old_call, '(', span_len);
    size_t prefix = 0;
    if (paren && paren > old_call) {
        const char *name_start = paren;
        while (name_start > old_call && name_start[-1] != '.') name_start--;
        prefix = (size_t)(name_start - old_call);
    }
    char *with = (char *)malloc(prefix + strlen(r) + 1);
    if (!with) return NULL;
    memcpy(with, old_call, prefix);
    strcpy(with + prefix, r);
    return with;
}

/* One round: check every input; fix and re-read at the first error.
 * *changed says whether the text changed. */
static cnnc_status fix_round(version *v, const cnnc_fix_options *o, const char *path, int *changed, cnnc_error *err) {
    *changed = 0;
    int32_t n_in = o->n_inputs ? o->n_inputs : 1;
    for (int32_t k = 0; k < n_in; k++) {
        cnnc_shape in;
        cnnc_status st = input_for(v, o, path, k, &in, err);
        if (st) return st;
        st = version_check(v, o, &in, err);
        if (st == CNNC_OK) continue;
        if (st != CNNC_ERR_SHAPE || !v->model || !cnnc_fix_apply(v->model, &err->fix)) return st;
        const cnnc_layer *L = &v->model->layers[err->fix.layer_index];
        if (L->span.begin < 0 || (size_t)L->span.end > v->len || L->span.begin > L->span.end)
            return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                                  "cnnc check --fix: %s is built in another file; fix it there", L->name);
        char *with = rendered_call(v, L);
        if (!with) return out_of_memory(err, path, "the fixed call");
        char *next = splice(v->text, v->len, (size_t)L->span.begin, (size_t)L->span.end, with);
        free(with);
        if (!next) return out_of_memory(err, path, "the fixed source");
        version nv;
        st = version_read(&nv, next, strlen(next), path, o->is_py, err);
        if (st) return st;
        version_free(v);
        *v = nv;
        *changed = 1;
        return CNNC_OK;
    }
    return CNNC_OK;
}

cnnc_status cnnc_fix_text(const char *text, size_t len, const char *path, const cnnc_fix_options *opts, char **fixed,
                          size_t *fixed_len, cnnc_error *err) {
    *fixed = NULL;
    *fixed_len = 0;
    char *copy = (char *)malloc(len + 1);
    if (!copy) return out_of_memory(err, path, "a copy of the source");
    memcpy(copy, text, len);
    copy[len] = '\0';
    version v;
    cnnc_status st = version_read(&v, copy, len, path, opts->is_py, err);
    if (st) return st;
    for (int round = 0; round < MAX_ROUNDS; round++) {
        int changed = 0;
        st = fix_round(&v, opts, path, &changed, err);
        if (st) break;
        if (!changed) {
            *fixed = v.text;
            *fixed_len = v.len;
            v.text = NULL;
            version_free(&v);
            return CNNC_OK;
        }
    }
    if (st == CNNC_OK) st = cnnc_error_set(err, CNNC_ERR_SHAPE, "RuntimeError", "cnnc check --fix: fixes did not converge");
    version_free(&v);
    return st;
}
