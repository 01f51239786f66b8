/* check_fix.c — `cnnc check --fix`: apply the suggested edits until every
 * input validates. Each fix is written back into the source text (the
 * layer's constructor call re-rendered at its span) and the text read
 * again, so the result is exactly what a user gets from the printed file.
 * A model file is printed whole; a .py source as a unified diff. */
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"

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

static int count_lines(const char *s, size_t n) { int c = 0; for (size_t i = 0; i < n; i++) c += s[i] == '\n'; return c; }

/* A unified diff with one hunk covering the changed lines (plus 3 of context). */
static void print_diff(const char *path, const char *a, size_t al, const char *b, size_t bl) {
    size_t p = 0;
    while (p < al && p < bl && a[p] == b[p]) p++;
    while (p > 0 && a[p - 1] != '\n') p--;        /* start of the first changed line */
    size_t sa = al, sb = bl;
    while (sa > p && sb > p && a[sa - 1] == b[sb - 1]) { sa--; sb--; }
    while (sa < al && a[sa] != '\n') { sa++; sb++; }  /* end of the last changed line */
    if (sa < al) { sa++; sb++; }
    int first = count_lines(a, p);                 /* 0-based line of the change */
    int ctx_before = first < 3 ? first : 3;
    size_t cb = p;
    for (int k = 0; k < ctx_before; k++) { cb--; while (cb > 0 && a[cb - 1] != '\n') cb--; }
    size_t ca = sa;
    int ctx_after = 0;
    while (ca < al && ctx_after < 3) { while (ca < al && a[ca] != '\n') ca++; if (ca < al) ca++; ctx_after++; }
    int old_n = count_lines(a + p, sa - p), new_n = count_lines(b + p, sb - p);
    printf("--- %s\n+++ %s\n@@ -%d,%d +%d,%d @@\n", path, path, first - ctx_before + 1, old_n + ctx_before + ctx_after,
           first - ctx_before + 1, new_n + ctx_before + ctx_after);
    const char *parts[4] = {a + cb, a + p, b + p, a + sa};
    size_t lens[4] = {p - cb, sa - p, sb - p, ca - sa};
    const char *marks = " -+ ";
    for (int k = 0; k < 4; k++) {
        const char *s = parts[k];
        size_t n = lens[k], i = 0;
        while (i < n) {
            size_t j = i;
            while (j < n && s[j] != '\n') j++;
            printf("%c%.*s\n", marks[k], (int)(j - i), s + i);
            i = j + 1;
        }
    }
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

static cnnc_status version_read(version *v, const char *text, size_t len, const char *path, int py, cnnc_error *err) {
    memset(v, 0, sizeof *v);
    v->text = (char *)malloc(len + 1);
    if (!v->text) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory copying %s", path);
    memcpy(v->text, text, len);
    v->text[len] = '\0';
    v->len = len;
    cnnc_status st = py ? cnnc_source_parse(text, len, path, &v->src, err) : cnnc_model_parse(text, len, path, &v->model, err);
    if (st) version_free(v);   /* the caller has nothing to free on failure */
    return st;
}

/* Check one input: CNNC_OK, or the error (with its fix) over v->model. */
static cnnc_status version_check(version *v, const check_opts *o, int py, const cnnc_shape *in, cnnc_error *err) {
    if (!py) return cnnc_shape_pass(v->model, in, NULL, NULL, err);
    cnnc_trace_free(v->trace);
    v->trace = NULL;
    v->model = NULL;
    cnnc_status st = cnnc_source_trace(v->src, o->class_name, o->args, in, 1, 1, &v->trace, err);
    if (v->trace) v->model = v->trace->model;
    return st;
}

int check_fix(const check_opts *o, const char *path) {
    int py = cli_is_py(path);
    cnnc_error err;
    cnnc_error_clear(&err);
    char *orig = NULL;
    size_t orig_len = 0;
    version v;
    memset(&v, 0, sizeof v);
    {
        /* read through the library, which bounds the size and words errors */
        cnnc_source *s = NULL;
        cnnc_model *m = NULL;
        cnnc_status st = py ? cnnc_source_load(path, &s, &err) : cnnc_model_load(path, &m, &err);
        if (st) return cli_fail(&err);
        size_t len = 0;
        const char *t = py ? cnnc_source_text(s, &len) : m->text;
        if (!py) len = m->text_len;
        orig = (char *)malloc(len + 1);
        if (orig) { memcpy(orig, t, len); orig[len] = '\0'; orig_len = len; }
        cnnc_source_free(s);
        cnnc_model_free(m);
        if (!orig) return cli_out_of_memory("check", "a copy of the source");
    }
    cnnc_status st = version_read(&v, orig, orig_len, path, py, &err);
    if (st) { free(orig); return cli_fail(&err); }
    int rc = 0;
    int n_in = o->n_inputs ? o->n_inputs : 1;
    for (int round = 0; round < MAX_ROUNDS; round++) {
        int changed = 0;
        for (int k = 0; k < n_in && !changed; k++) {
            cnnc_shape in;
            if (o->n_inputs) in = o->inputs[k];
            else if (py && (st = cnnc_source_default_input(v.src, o->class_name, o->args, &in, &err)) != CNNC_OK) { rc = cli_fail(&err); goto done; }
            else if (!py) {
                if (!v.model->has_input) { rc = cli_usage("check", "%s has no `input = (C, H, W)`; pass --input SHAPE", path); goto done; }
                check_input_for(o, 0, v.model, &in);
            }
            st = version_check(&v, o, py, &in, &err);
            if (st == CNNC_OK) continue;
            if (st != CNNC_ERR_SHAPE || !v.model || !cnnc_fix_apply(v.model, &err.fix)) { rc = cli_fail(&err); goto done; }
            const cnnc_layer *L = &v.model->layers[err.fix.layer_index];
            if (L->span.begin < 0 || (size_t)L->span.end > v.len || L->span.begin > L->span.end) {
                cnnc_error_set(&err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                               "cnnc check --fix: %s is built in another file; fix it there", L->name);
                rc = cli_fail(&err);
                goto done;
            }
            char r[512];
            cnnc_layer_render(L, r, sizeof r);
            /* a .py may spell the class nn.Linear or Linear: keep its own prefix */
            char *next = splice(v.text, v.len, (size_t)L->span.begin, (size_t)L->span.end, r);
            if (!next) { rc = cli_out_of_memory("check", "the fixed source"); goto done; }
            size_t span_len = (size_t)(L->span.end - L->span.begin);
            const char *old_call = v.text + L->span.begin;
            const char *paren = (const char *)memchr(old_call, '(', span_len);
            if (paren && paren > old_call) {
                /* keep "nn." (or any module prefix) before the class name */
                const char *name_start = paren;
                while (name_start > old_call && name_start[-1] != '.') name_start--;
                size_t prefix = (size_t)(name_start - old_call);
                if (prefix) {
                    free(next);
                    char *with = (char *)malloc(prefix + strlen(r) + 1);
                    if (!with) { rc = cli_out_of_memory("check", "the fixed call"); goto done; }
                    memcpy(with, old_call, prefix);
                    strcpy(with + prefix, r);
                    next = splice(v.text, v.len, (size_t)L->span.begin, (size_t)L->span.end, with);
                    free(with);
                    if (!next) { rc = cli_out_of_memory("check", "the fixed source"); goto done; }
                }
            }
            version nv;
            st = version_read(&nv, next, strlen(next), path, py, &err);
            free(next);
            if (st) { version_free(&nv); rc = cli_fail(&err); goto done; }
            version_free(&v);
            v = nv;
            changed = 1;
        }
        if (!changed) {
            if (!py) fwrite(v.text, 1, v.len, stdout);
            else if (orig_len == v.len && !memcmp(orig, v.text, orig_len)) fprintf(stderr, "%s: nothing to fix\n", path);
            else print_diff(path, orig, orig_len, v.text, v.len);
            goto done;
        }
    }
    cnnc_error_set(&err, CNNC_ERR_SHAPE, "RuntimeError", "cnnc check --fix: fixes did not converge");
    rc = cli_fail(&err);
done:
    free(orig);
    version_free(&v);
    return rc;
}
