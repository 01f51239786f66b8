/* pylex.h — a tokenizer for the Python subset pyread reads: tokens plus
 * logical lines with their indentation (not public API). */
#ifndef CNNC_PYLEX_H
#define CNNC_PYLEX_H

#include <stdint.h>
#include <stddef.h>
#include "cnnc/status.h"

#define CNNC_PY_LEX_MAX ((size_t)8 << 20) /* == CNNC_PY_MAX_BYTES */

typedef enum { PT_NAME, PT_NUM, PT_STR, PT_OP } pt_kind;

typedef struct ptok {
    pt_kind kind;
    int32_t begin, end;   /* byte offsets */
    int32_t line, col;    /* 1-based */
    int is_float;         /* PT_NUM */
    int64_t i;
    double f;
} ptok;

typedef struct pline { int32_t first, n, indent, line; } pline;

typedef struct pylex {
    const char *src;
    int32_t len;
    ptok *t;
    int32_t nt, cap_t;
    pline *l;
    int32_t nl, cap_l;
    int32_t *line_start;  /* byte offset of each physical line (index line-1) */
    int32_t n_lines, cap_ls;
} pylex;

/* Tokenize; on a SyntaxError returns CNNC_ERR_PARSE with err at the place. */
cnnc_status pylex_run(pylex *lx, const char *src, size_t len, const char *path, cnnc_error *err);
void pylex_free(pylex *lx);
/* 1 if token i's text is exactly s. */
int pylex_is(const pylex *lx, int32_t i, const char *s);
/* line/col of a byte offset. */
void pylex_pos(const pylex *lx, int32_t off, int32_t *line, int32_t *col);

#endif
