/* check_fix.c — `cnnc check --fix`: the library fixes the text
 * (cnnc_fix_text); a model file is printed whole, a .py source as a unified
 * diff. */
#include <stdlib.h>
#include <string.h>

#include "cli/check.h"

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

int check_fix(const check_opts *o, const char *path) {
    int py = cli_is_py(path);
    cnnc_error err;
    cnnc_error_clear(&err);
    /* read through the library, which bounds the size and words errors */
    cnnc_source *s = NULL;
    cnnc_model *m = NULL;
    cnnc_status st = py ? cnnc_source_load(path, &s, &err) : cnnc_model_load(path, &m, &err);
    if (st) return cli_fail(&err);
    if (!py && !o->n_inputs && !m->has_input) {
        cnnc_model_free(m);
        return cli_usage("check", "%s has no `input = (C, H, W)`; pass --input SHAPE", path);
    }
    size_t len = py ? 0 : m->text_len, fixed_len = 0;
    const char *orig = py ? cnnc_source_text(s, &len) : m->text;
    cnnc_fix_options fo = {py, o->class_name, o->args, o->n_inputs ? o->inputs : NULL, o->n_inputs, o->batch};
    char *fixed = NULL;
    st = cnnc_fix_text(orig, len, path, &fo, &fixed, &fixed_len, &err);
    int rc = 0;
    if (st) rc = cli_fail(&err);
    else if (!py) fwrite(fixed, 1, fixed_len, stdout);
    else if (len == fixed_len && !memcmp(orig, fixed, len)) fprintf(stderr, "%s: nothing to fix\n", path);
    else print_diff(path, orig, len, fixed, fixed_len);
    free(fixed);
    cnnc_source_free(s);
    cnnc_model_free(m);
    return rc;
}
