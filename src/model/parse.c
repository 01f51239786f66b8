/* parse.c — the model-file reader. A model file is a strict subset of Python
 * that runs unchanged after `import torch.nn as nn; from torch.nn import *`,
 * so every error reads as Python/PyTorch would print it.
 *
 * Like Python, it works in two passes over one token array: pass 1 checks the
 * syntax of the whole file (Python reports any SyntaxError before running a
 * line), pass 2 evaluates the statements in order and builds the layers.
 * This file: errors, statements and the file; the tokenizer is parse_lex.c's,
 * expressions parse_expr.c's, layer construction parse_layers.c's. */
#include "model/parse_internal.h"

#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const PY_KEYWORDS[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

/* Fill the error record; every failure path ends here. */
cnnc_status chain_fail_at(parser *p, cnnc_status st, int32_t line, int32_t col, const char *type,
                          const char *fmt, ...) {
    if (!p->err) return st;
    char msg[CNNC_ERR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cnnc_error_set(p->err, st, type, "%s", msg);
    snprintf(p->err->file, sizeof p->err->file, "%s", p->path);
    p->err->line = line;
    p->err->col = col;
    return st;
}

/* ------------------------------------------------------------- statements */

static cnnc_status add_stmt(parser *p, const token *name, int is_seq, int32_t first, int32_t n, int32_t begin, int32_t end) {
    cnnc_model *m = p->m;
    if (m->n_stmts == p->stmt_cap) {
        int32_t cap = p->stmt_cap ? p->stmt_cap * 2 : 16;
        cnnc_stmt *ns = (cnnc_stmt *)realloc(m->stmts, (size_t)cap * sizeof *ns);
        if (!ns) return cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        m->stmts = ns;
        p->stmt_cap = cap;
    }
    cnnc_stmt *s = &m->stmts[m->n_stmts++];
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%.*s", tok_len(name), p->src + name->begin);
    s->is_sequential = is_seq;
    s->first_layer = first;
    s->n_layers = n;
    s->span.line = name->line;
    s->span.col = name->col;
    s->span.begin = begin;
    s->span.end = end;
    return CNNC_OK;
}

/* import lines: only the two spellings that make the file runnable are allowed. */
static cnnc_status parse_import(parser *p) {
    const token *first = peek(p);
    char norm[128];
    size_t o = 0;
    int too_long = 0;
    while (peek(p)->kind != T_NEWLINE && !tok_is(p, peek(p), ";")) {
        const token *t = peek(p);
        if (t->kind == T_EOF || t->kind == T_ERROR) return chain_syntax_error(p, t);
        if (t->kind != T_NAME && !tok_is(p, t, ".") && !tok_is(p, t, "*") && !tok_is(p, t, ",")) return chain_syntax_error(p, t);
        advance(p);
        if (o + (size_t)tok_len(t) + 2 >= sizeof norm) too_long = 1;
        else o += (size_t)snprintf(norm + o, sizeof norm - o, "%s%.*s", o && (t->kind == T_NAME || tok_is(p, t, "*")) && norm[o - 1] != '.' ? " " : "",
                                   tok_len(t), p->src + t->begin);
    }
    if (!p->eval) return CNNC_OK;
    static const char *const OK[] = {"import torch", "import torch.nn as nn", "from torch import nn", "from torch.nn import *",
                                     "import torch.nn"};
    if (!too_long)
        for (size_t k = 0; k < sizeof OK / sizeof OK[0]; k++)
            if (!strcmp(norm, OK[k])) return CNNC_OK;
    return chain_fail_at(p, CNNC_ERR_UNSUPPORTED, first->line, first->col, "NotImplementedError",
                   "cnnc model files may only import torch.nn (`import torch.nn as nn` or `from torch.nn import *`)");
}

static int is_keyword(const parser *p, const token *t) {
    for (size_t k = 0; k < sizeof PY_KEYWORDS / sizeof PY_KEYWORDS[0]; k++)
        if (tok_is(p, t, PY_KEYWORDS[k])) return 1;
    return 0;
}

static cnnc_status parse_stmt(parser *p) {
    const token *name = peek(p);
    if (tok_is(p, name, "import") || tok_is(p, name, "from")) return parse_import(p);
    if (name->kind != T_NAME || is_keyword(p, name)) return chain_syntax_error(p, name);
    advance(p);
    if (!tok_is(p, peek(p), "=")) return chain_syntax_error(p, peek(p));
    advance(p);
    const token *rhs = peek(p);
    int is_input = tok_is(p, name, "input");
    int32_t first = p->eval ? p->m->n_layers : 0;
    if (p->eval) {
        if (tok_len(name) >= CNNC_NAME_MAX)
            return FAIL_TOK(p, name, "ValueError", "layer name '%.*s' is longer than %d characters", tok_len(name) > 100 ? 100 : tok_len(name),
                            p->src + name->begin, CNNC_NAME_MAX - 1);
        int32_t dup = chain_name_set_add(p, &p->stmt_names, (int32_t)(name - p->toks));
        if (dup == -2) return cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        if (dup >= 0)
            return FAIL_TOK(p, name, "NameError", "duplicate %s '%.*s' (first assigned on line %d)", is_input ? "statement" : "layer name",
                            tok_len(name), p->src + name->begin, (int)p->toks[dup].line);
        snprintf(p->pending_name, sizeof p->pending_name, "%.*s", tok_len(name), p->src + name->begin);
        p->has_pending_name = !is_input;
    }
    value v;
    cnnc_status st = chain_parse_expr(p, &v);
    p->has_pending_name = 0;
    if (st) return st;
    const token *end = peek(p);
    if (end->kind != T_NEWLINE && !tok_is(p, end, ";")) return chain_syntax_error(p, end);
    int32_t stmt_end = p->toks[p->pos - 1].end;
    if (!p->eval) return CNNC_OK;
    if (is_input) {
        int ok = v.kind == V_TUPLE && v.n >= 1 && v.n <= 3;
        for (int32_t k = 0; ok && k < v.n; k++) ok = chain_is_intlike(v.items[k].kind) && v.items[k].i > 0;
        if (chain_is_intlike(v.kind) && v.i > 0) { ok = 1; v.n = 1; v.items[0].i = v.i; }
        if (!ok) {
            char r[256];
            chain_repr_value(p, &v, r, sizeof r);
            return FAIL_VAL(p, &v, "ValueError", "input must be a tuple of 1 to 3 positive ints, e.g. input = (1, 28, 28); got %s", r);
        }
        p->m->has_input = 1;
        p->m->input_ndim = v.n;
        for (int32_t k = 0; k < v.n; k++) p->m->input[k] = v.items[k].i;
        return CNNC_OK;
    }
    if (v.kind != V_MODULE) {
        char r[64];
        if (v.kind == V_CLASS) snprintf(r, sizeof r, "the class %s itself (call it: %s(...))", chain_classes()[v.cls].name, chain_classes()[v.cls].name);
        else snprintf(r, sizeof r, "%s", chain_vname(&v));
        return chain_fail_at(p, CNNC_ERR_PARSE, rhs->line, rhs->col, "TypeError",
                       "'%.*s' must be a layer such as Linear(...) or Sequential(...), not %s", tok_len(name) > 60 ? 60 : tok_len(name),
                       p->src + name->begin, r);
    }
    return add_stmt(p, name, chain_classes()[v.cls].kind < 0, first, p->m->n_layers - first, name->begin, stmt_end);
}

static cnnc_status parse_file(parser *p) {
    p->pos = 0;
    for (;;) {
        const token *t = peek(p);
        if (t->kind == T_EOF) return CNNC_OK;
        if (t->kind == T_NEWLINE || tok_is(p, t, ";")) { advance(p); continue; }
        cnnc_status st = parse_stmt(p);
        if (st) return st;
    }
}

cnnc_status cnnc_model_parse_chain(const char *text, size_t len, const char *path, cnnc_model **out, cnnc_error *err) {
    if (out) *out = NULL;
    if (!path) path = "<string>";
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.path = path;
    ps.err = err;
    ps.cc_ls = -1;
    if (!out || (!text && len)) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_model_parse: NULL argument");
    if (len > (size_t)INT32_MAX / 2) {
        cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "model file is too large (%zu bytes)", len);
        if (err) snprintf(err->file, sizeof err->file, "%s", path);
        return CNNC_ERR_PARSE;
    }
    cnnc_model *m = (cnnc_model *)calloc(1, sizeof *m);
    char *copy = (char *)malloc(len + 1);
    if (!m || !copy) {
        free(m);
        free(copy);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading %s", path);
    }
    if (len) memcpy(copy, text, len);
    copy[len] = '\0';
    m->text = copy;
    m->text_len = len;
    snprintf(m->path, sizeof m->path, "%s", path);
    ps.m = m;
    ps.src = copy;
    ps.len = (int32_t)len;

    cnnc_status st = chain_check_text(&ps);
    if (!st) st = chain_tokenize(&ps);
    if (!st) { ps.eval = 0; st = parse_file(&ps); }
    if (!st) { ps.eval = 1; st = parse_file(&ps); }
    if (!st && m->n_layers == 0) {
        const token *e = &ps.toks[ps.ntok - 1];
        st = chain_fail_at(&ps, CNNC_ERR_PARSE, e->line, e->col, "ValueError",
                     "model file defines no layers (expected lines such as `fc = Linear(784, 10)`)");
    }
    free(ps.toks);
    free(ps.stmt_names.slots);
    if (!st) st = cnnc_model_link_chain(m, err);
    if (st) {
        cnnc_model_free(m);
        return st;
    }
    *out = m;
    return CNNC_OK;
}
