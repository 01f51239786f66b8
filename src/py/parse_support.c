/* parse_support.c — what every part of the parser uses: its errors (Python's
 * texts, the tokenizer's error winning as in CPython), nodes and node lists in
 * the module's arena, names interned, and the recursion guard. */
#include "py/parse_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 400   /* recursion guard: nested expressions and blocks */

/* ------------------------------------------------------------------ errors */

/* The tokenizer's errors are Python's SyntaxErrors, or cnnc's refusals (NotImplementedError). */
static cnnc_status lexer_status(const py_lexed *lx) {
    return strcmp(lx->err_type, "NotImplementedError") ? CNNC_ERR_PARSE : CNNC_ERR_UNSUPPORTED;
}

/* CPython tokenizes the rest of the file after a parser's SyntaxError: a
 * tokenizer error there wins, and an unclosed bracket wins when it opened on
 * an earlier line than the parser's error. 1 if the lexer's error replaced it. */
static int tokenizer_wins(parser *p, int32_t line) {
    const py_lexed *lx = &p->m->lex;
    if (lx->n <= 0 || lx->t[lx->n - 1].kind != PY_T_ERROR) return 0;
    size_t ml = strlen(lx->err_message);
    static const char unclosed[] = "was never closed";
    if (ml >= sizeof unclosed - 1 && !strcmp(lx->err_message + ml - (sizeof unclosed - 1), unclosed) && line <= lx->err_line)
        return 0;
    p->failed = 1;
    cnnc_error_set(p->err, lexer_status(lx), lx->err_type, "%s", lx->err_message);
    snprintf(p->err->file, sizeof p->err->file, "%s", p->m->path ? p->m->path : "<string>");
    p->err->line = lx->err_line;
    p->err->col = lx->err_col;
    return 1;
}

void *parser_fail_at(parser *p, cnnc_status st, int32_t line, int32_t col, const char *type, const char *fmt, ...) {
    if (p->failed) return NULL;
    if (p->err && st == CNNC_ERR_PARSE && !p->lexer_error && (!strcmp(type, "SyntaxError") || !strcmp(type, "IndentationError")) &&
        tokenizer_wins(p, line))
        return NULL;
    p->failed = 1;
    if (!p->err) return NULL;
    char msg[CNNC_ERR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cnnc_error_set(p->err, st, type, "%s", msg);
    snprintf(p->err->file, sizeof p->err->file, "%s", p->m->path ? p->m->path : "<string>");
    p->err->line = line;
    p->err->col = col;
    return NULL;
}

void *parser_nomem(parser *p) {
    if (p->failed) return NULL;
    p->failed = 1;
    cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory parsing %s", p->m->path ? p->m->path : "<string>");
    return NULL;
}

/* The error for an unexpected token: the tokenizer's, when that is what we hit. */
void *parser_syntax_error(parser *p, const py_token *t) {
    if (t->kind == PY_T_ERROR) {
        p->lexer_error = 1;
        return parser_fail_at(p, lexer_status(&p->m->lex), p->m->lex.err_line, p->m->lex.err_col, p->m->lex.err_type, "%s",
                              p->m->lex.err_message);
    }
    if (t->kind == PY_T_INDENT) {
        p->lexer_error = 1;   /* CPython reports it without tokenizing further */
        return parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "IndentationError", "unexpected indent");
    }
    return parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "invalid syntax");
}

/* ------------------------------------------------------------------- nodes */

py_node *parser_node(parser *p, py_node_kind kind, const py_token *at) {
    py_node *n = (py_node *)py_alloc(&p->m->arena, sizeof *n);
    if (!n) return parser_nomem(p);
    n->kind = (uint8_t)kind;
    n->line = at->line;
    n->col = at->col;
    n->begin = at->begin;
    n->end = at->end;
    return n;
}

void parser_span_from(py_node *n, const py_node *first, const parser *p) {
    n->line = first->line;
    n->col = first->col;
    n->begin = first->begin;
    n->end = prev_end(p);
}

int parser_nl_push(parser *p, nlist *l, py_node *x) {
    if (l->n == l->cap) {
        int32_t cap = l->cap ? l->cap * 2 : 4;
        py_node **v = (py_node **)py_alloc(&p->m->arena, (size_t)cap * sizeof *v);
        if (!v) { parser_nomem(p); return 0; }
        if (l->n) memcpy(v, l->v, (size_t)l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = x;
    return 1;
}

py_sym parser_sym_of(parser *p, const py_token *t) {
    py_sym s = py_intern(p->m->syms, p->src + t->begin, (size_t)(t->end - t->begin));
    if (s < 0) parser_nomem(p);
    return s;
}

int parser_enter(parser *p) {
    if (++p->depth > MAX_DEPTH) {
        const py_token *t = peek(p);
        parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "RecursionError", "maximum recursion depth exceeded during compilation");
        return 0;
    }
    return 1;
}
void parser_leave(parser *p) { p->depth--; }

