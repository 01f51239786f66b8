/* parse.c — the model-file reader. A model file is a strict subset of Python
 * that runs unchanged after `import torch.nn as nn; from torch.nn import *`,
 * so every error reads as Python/PyTorch would print it.
 *
 * Like Python, it works in two passes over one token array: pass 1 checks the
 * syntax of the whole file (Python reports any SyntaxError before running a
 * line), pass 2 evaluates the statements in order and builds the layers. */
#include "cnnc/model.h"
#include "model_internal.h"
#include "layers/layer_def.h"

#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_CHARS 65536 /* longer lines are refused: no model needs them */
#define MAX_NEST 200         /* Python's own bracket-nesting limit */
#define MAX_TUPLE 8

/* ------------------------------------------------------------------ tokens */

typedef enum { T_EOF, T_NEWLINE, T_NAME, T_INT, T_FLOAT, T_STRING, T_OP, T_ERROR } tok_kind;

typedef struct token {
    tok_kind kind;
    int32_t begin, end;  /* byte offsets into the text */
    int32_t line, col;   /* 1-based; col counts characters */
    int64_t i;           /* T_INT value */
    double f;            /* T_FLOAT value */
    int too_big;         /* T_INT that does not fit in int64 */
} token;

typedef struct pending_error { /* a lexer error, reported when the parser reaches it */
    char type[32];
    char message[CNNC_ERR_TEXT];
    int32_t line, col;
} pending_error;

/* ------------------------------------------------------------------ values */

typedef enum { V_INT, V_FLOAT, V_BOOL, V_NONE, V_STR, V_TUPLE, V_MODULE, V_CLASS, V_DTYPE } vkind;

typedef struct item { vkind kind; int64_t i; double f; int32_t sbeg, send; int cls; } item;

typedef struct value {
    vkind kind;
    int32_t line, col;         /* where the expression starts */
    int64_t i;                 /* V_INT, V_BOOL */
    double f;                  /* V_FLOAT */
    int32_t sbeg, send;        /* V_STR: the characters between the quotes */
    int cls;                   /* V_MODULE, V_CLASS: index into CLASSES; V_DTYPE: dtype id */
    int32_t n;                 /* V_TUPLE: item count (only the first MAX_TUPLE kept) */
    item items[MAX_TUPLE];
} value;

/* --------------------------------------------------------------- classes */

/* The classes a model file may call: every registered layer kind with a
 * constructor (its parameter names and how many are required come from the
 * registry's signature), then Sequential. */
#define MAX_PARAMS 16
typedef struct class_spec {
    const char *name, *qualname, *module;
    int kind;                  /* cnnc_layer_kind, or -1 for Sequential */
    int n_params, n_required;
    int var_pos, var_kw;       /* *args / **kwargs: extra positionals / unknown keywords are taken */
    char params[MAX_PARAMS][32];
} class_spec;

#define SEQ_CLASS ((int)CNNC_LAYER_KIND_COUNT)
#define N_CLASSES (SEQ_CLASS + 1)
static class_spec CLASSES[N_CLASSES];
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static void build_classes(void) {
    for (int k = 0; k < SEQ_CLASS; k++) {
        const cnnc_layer_def *d = cnnc_layer_def_of((cnnc_layer_kind)k);
        class_spec *c = &CLASSES[k];
        c->kind = -2;   /* no constructor: not callable from a model file */
        if (!d || !d->signature) continue;
        c->name = d->name; c->qualname = d->qualname; c->module = d->module; c->kind = k;
        int seen_default = 0;
        for (const char *q = d->signature; *q && c->n_params < MAX_PARAMS;) {
            while (*q == ' ' || *q == ',') q++;
            size_t n = strcspn(q, "=,");
            if (!n) break;
            if (q[0] == '*') {   /* *args, **kwargs (nn.Identity): not a named parameter */
                if (n > 1 && q[1] == '*') c->var_kw = 1; else c->var_pos = 1;
                q += n;
                continue;
            }
            snprintf(c->params[c->n_params], sizeof c->params[0], "%.*s", (int)n, q);
            q += n;
            if (*q == '=') seen_default = 1;
            if (!seen_default) c->n_required++;
            c->n_params++;
            /* skip the default (no commas inside the defaults the registry uses) */
            q += strcspn(q, ",");
        }
    }
    class_spec *seq = &CLASSES[SEQ_CLASS];
    seq->name = "Sequential"; seq->qualname = "Sequential"; seq->module = "container"; seq->kind = -1;
}

static const class_spec *classes(void) {
    pthread_once(&classes_once, build_classes);
    return CLASSES;
}

/* Real torch.nn modules that cnnc does not run: named so the error says so
 * instead of pretending the name does not exist. */
static const char *const UNSUPPORTED_MODULES[] = {
    "Conv1d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "MaxPool1d", "MaxPool3d",
    "AvgPool1d", "AvgPool3d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "AdaptiveAvgPool1d", "BatchNorm1d",
    "BatchNorm3d", "LayerNorm", "GroupNorm", "InstanceNorm2d", "Dropout2d", "Dropout1d", "Dropout3d",
    "Sigmoid", "Tanh", "LeakyReLU", "ReLU6", "ELU", "SELU", "GELU", "SiLU", "Mish", "PReLU", "Softmax",
    "LogSoftmax", "Softplus", "Hardtanh", "Hardswish", "Identity", "Unflatten", "Embedding", "LSTM", "GRU",
    "RNN", "Transformer", "MultiheadAttention", "ModuleList", "ModuleDict", "ZeroPad2d", "Upsample",
    "PixelShuffle", "Bilinear", "CrossEntropyLoss", "MSELoss", "NLLLoss",
};

static const char *const PY_KEYWORDS[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

/* A set of names (byte ranges of the text), so duplicate checks stay linear
 * on hostile files with a hundred thousand statements or keywords. */
typedef struct name_set { int32_t *slots; uint32_t cap, count; } name_set; /* slot: token index + 1 */

static uint32_t hash_bytes(const char *s, int32_t n) {
    uint32_t h = 2166136261u;
    for (int32_t k = 0; k < n; k++) h = (h ^ (unsigned char)s[k]) * 16777619u;
    return h;
}

/* ------------------------------------------------------------------ parser */

typedef struct parser {
    const char *src;
    int32_t len;
    const char *path;
    token *toks;
    int32_t ntok, tok_cap;
    int32_t pos;
    pending_error lex_err;
    int eval;                  /* 0: pass 1 (syntax only), 1: pass 2 (build the model) */
    cnnc_model *m;
    int32_t layer_cap, stmt_cap;
    char pending_name[CNNC_NAME_MAX]; /* name the next module call takes (Sequential child) */
    int has_pending_name;
    int32_t cc_ls, cc_at, cc_col; /* col_of's cache */
    int expr_depth;               /* recursion guard */
    name_set stmt_names;          /* pass 2: statement names seen, for duplicates */
    cnnc_error *err;
} parser;

/* Fill the error record; every failure path ends here. */
static cnnc_status fail_at(parser *p, cnnc_status st, int32_t line, int32_t col, const char *type,
                           const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
static cnnc_status fail_at(parser *p, cnnc_status st, int32_t line, int32_t col, const char *type,
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

#define FAIL_TOK(p, t, type, ...) fail_at((p), CNNC_ERR_PARSE, (t)->line, (t)->col, (type), __VA_ARGS__)
#define FAIL_VAL(p, v, type, ...) fail_at((p), CNNC_ERR_PARSE, (v)->line, (v)->col, (type), __VA_ARGS__)

/* ---------------------------------------------------------- text checks */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static int utf8_len(const unsigned char *s, int32_t avail) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    int n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else return 0;
    if (avail < n) return 0;
    if (s[1] < lo || s[1] > hi) return 0;
    for (int k = 2; k < n; k++)
        if (s[k] < 0x80 || s[k] > 0xBF) return 0;
    return n;
}

/* Refuse what Python refuses before tokenising (NUL bytes, bad UTF-8), plus
 * absurdly long lines, so the lexer only ever sees clean text. */
static cnnc_status check_text(parser *p) {
    const unsigned char *s = (const unsigned char *)p->src;
    int32_t line = 1, col = 1;
    for (int32_t i = 0; i < p->len;) {
        unsigned char c = s[i];
        if (c == 0)
            return fail_at(p, CNNC_ERR_PARSE, line, col, "SyntaxError", "source code cannot contain null bytes");
        if (c == '\n') {
            line++; col = 1; i++;
            continue;
        }
        int n = utf8_len(s + i, p->len - i);
        if (n == 0)
            return fail_at(p, CNNC_ERR_PARSE, line, col, "SyntaxError",
                           "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
                           "declared; see https://peps.python.org/pep-0263/ for details",
                           c, p->path, (int)line);
        i += n;
        col++;
        if (col - 1 > LINE_MAX_CHARS)
            return fail_at(p, CNNC_ERR_PARSE, line, 1, "SyntaxError",
                           "line %d is longer than %d characters (cnnc's limit for model files)", (int)line,
                           LINE_MAX_CHARS);
    }
    return CNNC_OK;
}

/* ------------------------------------------------------------------ lexer */

static cnnc_status push_tok(parser *p, token t) {
    if (p->ntok == p->tok_cap) {
        int32_t cap = p->tok_cap ? p->tok_cap * 2 : 256;
        token *nt = (token *)realloc(p->toks, (size_t)cap * sizeof *nt);
        if (!nt) return cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading %s", p->path);
        p->toks = nt;
        p->tok_cap = cap;
    }
    p->toks[p->ntok++] = t;
    return CNNC_OK;
}

static int is_name_start(unsigned char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_name_char(unsigned char c) { return is_name_start(c) || is_digit(c); }

/* Record a lexer error and end the token stream with a T_ERROR token. */
static cnnc_status lex_error(parser *p, int32_t line, int32_t col, int32_t at, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
static cnnc_status lex_error(parser *p, int32_t line, int32_t col, int32_t at, const char *type, const char *fmt, ...) {
    snprintf(p->lex_err.type, sizeof p->lex_err.type, "%s", type);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->lex_err.message, sizeof p->lex_err.message, fmt, ap);
    va_end(ap);
    p->lex_err.line = line;
    p->lex_err.col = col;
    token t = {T_ERROR, at, at, line, col, 0, 0.0, 0};
    return push_tok(p, t);
}

/* Column (1-based, in characters) of byte offset `at` on a line starting at
 * `ls`. Continues from the previous answer on the same line, so a long line
 * costs linear time, not quadratic. */
static int32_t col_of(parser *p, int32_t ls, int32_t at) {
    int32_t k = ls, col = 1;
    if (p->cc_ls == ls && p->cc_at <= at && p->cc_at >= ls) { k = p->cc_at; col = p->cc_col; }
    for (; k < at; k++)
        if (((unsigned char)p->src[k] & 0xC0) != 0x80) col++;
    p->cc_ls = ls;
    p->cc_at = at;
    p->cc_col = col;
    return col;
}

static cnnc_status lex_number(parser *p, int32_t *ip, token *t) {
    const char *s = p->src;
    int32_t i = *ip, start = i, n = p->len;
    int is_float = 0;
    while (i < n && (is_digit((unsigned char)s[i]) || s[i] == '_')) i++;
    if (i < n && s[i] == '.') { is_float = 1; i++; while (i < n && is_digit((unsigned char)s[i])) i++; }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int32_t j = i + 1;
        if (j < n && (s[j] == '+' || s[j] == '-')) j++;
        if (j < n && is_digit((unsigned char)s[j])) {
            is_float = 1;
            i = j;
            while (i < n && is_digit((unsigned char)s[i])) i++;
        }
    }
    if (i < n && is_name_char((unsigned char)s[i]))
        return lex_error(p, t->line, t->col, start, "SyntaxError", "invalid decimal literal");
    t->end = i;
    char buf[128];
    int32_t len = 0;
    for (int32_t k = start; k < i && len < (int32_t)sizeof buf - 1; k++)
        if (s[k] != '_') buf[len++] = s[k];
    buf[len] = '\0';
    if (is_float) {
        t->kind = T_FLOAT;
        t->f = strtod(buf, NULL);
    } else {
        if (len > 1 && buf[0] == '0') {
            for (int32_t k = 0; k < len; k++)
                if (buf[k] != '0')
                    return lex_error(p, t->line, t->col, start, "SyntaxError",
                                     "leading zeros in decimal integer literals are not permitted; use an 0o "
                                     "prefix for octal integers");
        }
        t->kind = T_INT;
        int64_t v = 0;
        for (int32_t k = 0; k < len; k++) {
            if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, buf[k] - '0', &v)) {
                t->too_big = 1;
                break;
            }
        }
        if (i - start >= (int32_t)sizeof buf - 1) t->too_big = 1;
        t->i = v;
    }
    *ip = i;
    return CNNC_OK;
}

static cnnc_status tokenize(parser *p) {
    const char *s = p->src;
    int32_t n = p->len, i = 0, line = 1, ls = 0;
    int at_line_start = 1;
    int32_t stack[MAX_NEST]; /* token index of each open bracket */
    int depth = 0;
    cnnc_status st;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        i = ls = 3; /* UTF-8 byte-order mark, as Python accepts */
    while (i < n) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { i++; continue; }
        if (c == '#') { while (i < n && s[i] != '\n') i++; continue; }
        if (c == '\n') {
            if (depth == 0 && p->ntok > 0 && p->toks[p->ntok - 1].kind != T_NEWLINE) {
                token t = {T_NEWLINE, i, i + 1, line, col_of(p, ls, i), 0, 0.0, 0};
                if ((st = push_tok(p, t))) return st;
            }
            i++; line++; ls = i;
            if (depth == 0) at_line_start = 1;
            continue;
        }
        int32_t col = col_of(p, ls, i);
        if (c == '\\') {
            if (i + 1 < n && s[i + 1] == '\n') { i += 2; line++; ls = i; continue; }
            if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') { i += 3; line++; ls = i; continue; }
            return lex_error(p, line, col + 1, i, "SyntaxError", "unexpected character after line continuation character");
        }
        if (at_line_start && depth == 0 && i != ls) {
            /* a statement that does not start in column 1 */
            int only_ws = 1;
            for (int32_t k = ls; k < i; k++)
                if (s[k] != ' ' && s[k] != '\t' && s[k] != '\f' && s[k] != '\r') only_ws = 0;
            if (only_ws && !(ls == 3 && i == 3))
                return lex_error(p, line, col, i, "IndentationError", "unexpected indent");
        }
        at_line_start = 0;
        token t = {T_OP, i, i + 1, line, col, 0, 0.0, 0};
        unsigned char uc = (unsigned char)c;
        if (is_name_start(uc)) {
            t.kind = T_NAME;
            while (t.end < n && is_name_char((unsigned char)s[t.end])) t.end++;
            i = t.end;
        } else if (is_digit(uc) || (c == '.' && i + 1 < n && is_digit((unsigned char)s[i + 1]))) {
            if ((st = lex_number(p, &i, &t))) return st;
            if (p->ntok && p->toks[p->ntok - 1].kind == T_ERROR) return CNNC_OK;
        } else if (c == '\'' || c == '"') {
            int triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            int32_t j = i + (triple ? 3 : 1), sline = line, sls = ls;
            int closed = 0;
            while (j < n) {
                if (s[j] == '\\' && j + 1 < n) {
                    if (s[j + 1] == '\n') { line++; ls = j + 2; }
                    j += 2;
                    continue;
                }
                if (s[j] == '\n') {
                    if (!triple) break;
                    line++; ls = j + 1;
                }
                if (s[j] == c && (!triple || (j + 2 < n && s[j + 1] == c && s[j + 2] == c))) {
                    j += triple ? 3 : 1;
                    closed = 1;
                    break;
                }
                j++;
            }
            if (!closed) {
                if (triple)
                    return lex_error(p, sline, col_of(p, sls, i), i, "SyntaxError",
                                     "unterminated triple-quoted string literal (detected at line %d)", (int)line);
                return lex_error(p, sline, col, i, "SyntaxError", "unterminated string literal (detected at line %d)",
                                 (int)line);
            }
            t.kind = T_STRING;
            t.end = j;
            i = j;
        } else if (uc >= 0x80) {
            int k = utf8_len((const unsigned char *)s + i, n - i);
            const unsigned char *u = (const unsigned char *)s + i;
            uint32_t cp = k == 2 ? ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu)
                        : k == 3 ? ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu)
                                 : ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu);
            return lex_error(p, line, col, i, "SyntaxError", "invalid character '%.*s' (U+%04X)", k, s + i,
                             (unsigned)cp);
        } else {
            if ((c == '/' || c == '*') && i + 1 < n && s[i + 1] == c) t.end = i + 2;
            i = t.end;
            if (c == '(' || c == '[' || c == '{') {
                if (depth >= MAX_NEST)
                    return lex_error(p, line, col, t.begin, "SyntaxError", "too many nested parentheses");
                stack[depth++] = p->ntok;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) return lex_error(p, line, col, t.begin, "SyntaxError", "unmatched '%c'", c);
                const token *o = &p->toks[stack[depth - 1]];
                char oc = s[o->begin];
                if ((oc == '(' && c != ')') || (oc == '[' && c != ']') || (oc == '{' && c != '}')) {
                    if (o->line != line)
                        return lex_error(p, line, col, t.begin, "SyntaxError",
                                         "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                                         c, oc, (int)o->line);
                    return lex_error(p, line, col, t.begin, "SyntaxError",
                                     "closing parenthesis '%c' does not match opening parenthesis '%c'", c, oc);
                }
                depth--;
            }
        }
        if ((st = push_tok(p, t))) return st;
    }
    if (depth > 0) {
        const token *o = &p->toks[stack[depth - 1]];
        return lex_error(p, o->line, o->col, o->begin, "SyntaxError", "'%c' was never closed", s[o->begin]);
    }
    int32_t ecol = col_of(p, ls, n);
    if (p->ntok > 0 && p->toks[p->ntok - 1].kind != T_NEWLINE) {
        token t = {T_NEWLINE, n, n, line, ecol, 0, 0.0, 0};
        if ((st = push_tok(p, t))) return st;
    }
    token e = {T_EOF, n, n, line, ecol, 0, 0.0, 0};
    return push_tok(p, e);
}

/* ------------------------------------------------------------- token access */

static const token *peek(const parser *p) { return &p->toks[p->pos]; }
static const token *peek2(const parser *p) {
    return p->toks[p->pos].kind == T_EOF || p->toks[p->pos].kind == T_ERROR ? &p->toks[p->pos] : &p->toks[p->pos + 1];
}
static const token *advance(parser *p) {
    const token *t = &p->toks[p->pos];
    if (t->kind != T_EOF && t->kind != T_ERROR) p->pos++;
    return t;
}
static int tok_is(const parser *p, const token *t, const char *text) {
    size_t n = strlen(text);
    return (t->kind == T_OP || t->kind == T_NAME) && (size_t)(t->end - t->begin) == n &&
           memcmp(p->src + t->begin, text, n) == 0;
}
static int tok_len(const token *t) { return (int)(t->end - t->begin); }

/* The SyntaxError for an unexpected token (or the lexer's error, if that is what we hit). */
static cnnc_status syntax_error(parser *p, const token *t) {
    if (t->kind == T_ERROR)
        return fail_at(p, CNNC_ERR_PARSE, p->lex_err.line, p->lex_err.col, p->lex_err.type, "%s", p->lex_err.message);
    return FAIL_TOK(p, t, "SyntaxError", "invalid syntax");
}

static cnnc_status expect(parser *p, const char *op) {
    const token *t = peek(p);
    if (!tok_is(p, t, op)) return syntax_error(p, t);
    advance(p);
    return CNNC_OK;
}

/* Add token `ti` to the set; returns its earlier token index if already there,
 * -1 if added, -2 when out of memory. */
static int32_t name_set_add(parser *p, name_set *set, int32_t ti) {
    if (set->count * 2 >= set->cap) {
        uint32_t cap = set->cap ? set->cap * 2 : 16;
        int32_t *slots = (int32_t *)calloc(cap, sizeof *slots);
        if (!slots) return -2;
        for (uint32_t k = 0; k < set->cap; k++) {
            if (!set->slots[k]) continue;
            const token *t = &p->toks[set->slots[k] - 1];
            uint32_t h = hash_bytes(p->src + t->begin, t->end - t->begin) & (cap - 1);
            while (slots[h]) h = (h + 1) & (cap - 1);
            slots[h] = set->slots[k];
        }
        free(set->slots);
        set->slots = slots;
        set->cap = cap;
    }
    const token *t = &p->toks[ti];
    int32_t n = t->end - t->begin;
    uint32_t h = hash_bytes(p->src + t->begin, n) & (set->cap - 1);
    while (set->slots[h]) {
        const token *o = &p->toks[set->slots[h] - 1];
        if (o->end - o->begin == n && memcmp(p->src + o->begin, p->src + t->begin, (size_t)n) == 0) return set->slots[h] - 1;
        h = (h + 1) & (set->cap - 1);
    }
    set->slots[h] = ti + 1;
    set->count++;
    return -1;
}

/* ------------------------------------------------------------ value helpers */

static const char *vkind_name(vkind k, int cls) {
    switch (k) {
    case V_INT: return "int";
    case V_FLOAT: return "float";
    case V_BOOL: return "bool";
    case V_NONE: return "NoneType";
    case V_STR: return "str";
    case V_TUPLE: return "tuple";
    case V_MODULE: return cls >= 0 && cls < N_CLASSES ? classes()[cls].name : "Module";
    case V_CLASS: return "type";
    case V_DTYPE: return "dtype";
    }
    return "object";
}
static const char *vname(const value *v) { return vkind_name(v->kind, v->cls); }
static int is_num(vkind k) { return k == V_INT || k == V_BOOL || k == V_FLOAT; }
static int is_intlike(vkind k) { return k == V_INT || k == V_BOOL; }
static double num_f(const value *v) { return v->kind == V_FLOAT ? v->f : (double)v->i; }

/* Python repr of a value, for messages. */
static void repr_value(const parser *p, const value *v, char *buf, size_t cap) {
    switch (v->kind) {
    case V_INT: snprintf(buf, cap, "%lld", (long long)v->i); break;
    case V_BOOL: snprintf(buf, cap, "%s", v->i ? "True" : "False"); break;
    case V_FLOAT: cnnc_py_float_repr(v->f, buf, cap); break;
    case V_NONE: snprintf(buf, cap, "None"); break;
    case V_STR: snprintf(buf, cap, "'%.*s'", (int)(v->send - v->sbeg > 200 ? 200 : v->send - v->sbeg), p->src + v->sbeg); break;
    case V_TUPLE: {
        size_t o = (size_t)snprintf(buf, cap, "(");
        for (int32_t k = 0; k < v->n && k < MAX_TUPLE && o < cap; k++) {
            const item *it = &v->items[k];
            value tmp = {it->kind, 0, 0, it->i, it->f, it->sbeg, it->send, it->cls, 0, {{0}}};
            char b[64];
            if (it->kind == V_TUPLE) snprintf(b, sizeof b, "(...)");
            else repr_value(p, &tmp, b, sizeof b);
            o += (size_t)snprintf(buf + o, cap - o, "%s%s", k ? ", " : "", b);
        }
        if (o < cap) snprintf(buf + o, cap - o, "%s)", v->n == 1 ? "," : "");
        break;
    }
    default: snprintf(buf, cap, "%s()", vname(v)); break;
    }
}

/* ------------------------------------------------------------- expressions */

static cnnc_status parse_expr(parser *p, value *out);

static int class_index(const parser *p, const token *t) {
    const class_spec *cs = classes();
    for (int k = 0; k < N_CLASSES; k++)
        if (cs[k].kind != -2 && tok_is(p, t, cs[k].name)) return k;
    return -1;
}

static int is_unsupported_module(const parser *p, const token *t) {
    for (size_t k = 0; k < sizeof UNSUPPORTED_MODULES / sizeof UNSUPPORTED_MODULES[0]; k++)
        if (tok_is(p, t, UNSUPPORTED_MODULES[k])) return 1;
    return 0;
}

static cnnc_status parse_call(parser *p, int cls, const token *name_tok, int32_t span_begin, value *out);

static cnnc_status overflow_error(parser *p, const value *v) {
    return FAIL_VAL(p, v, "OverflowError", "Python int too large to convert to C long");
}

/* Names: True/False/None, nn.X, torch.nn.X, torch.float32, or a class. */
static cnnc_status parse_name(parser *p, value *out) {
    const token *t = advance(p);
    out->line = t->line;
    out->col = t->col;
    if (tok_is(p, t, "True") || tok_is(p, t, "False")) { out->kind = V_BOOL; out->i = tok_is(p, t, "True"); return CNNC_OK; }
    if (tok_is(p, t, "None")) { out->kind = V_NONE; return CNNC_OK; }
    const token *cls_tok = t;
    int via_module = 0;
    if (tok_is(p, t, "nn") || tok_is(p, t, "torch")) {
        int is_torch = tok_is(p, t, "torch");
        if (!tok_is(p, peek(p), ".")) {
            if (!p->eval) return CNNC_OK;
            return FAIL_TOK(p, t, "TypeError", "'%.*s' is a module, not a layer", tok_len(t), p->src + t->begin);
        }
        advance(p);
        const token *a = peek(p);
        if (a->kind != T_NAME) return syntax_error(p, a);
        advance(p);
        if (is_torch && tok_is(p, a, "nn") && tok_is(p, peek(p), ".")) {
            advance(p);
            a = peek(p);
            if (a->kind != T_NAME) return syntax_error(p, a);
            advance(p);
            is_torch = 0;
        }
        if (is_torch) {
            if (tok_is(p, a, "float32") || tok_is(p, a, "float")) { out->kind = V_DTYPE; out->cls = 0; return CNNC_OK; }
            if (!p->eval) return CNNC_OK;
            if (tok_is(p, a, "float64") || tok_is(p, a, "double") || tok_is(p, a, "float16") ||
                tok_is(p, a, "half") || tok_is(p, a, "bfloat16")) {
                return fail_at(p, CNNC_ERR_UNSUPPORTED, a->line, a->col, "NotImplementedError",
                               "cnnc does not support dtype=torch.%.*s (only torch.float32)", tok_len(a), p->src + a->begin);
            }
            return FAIL_TOK(p, a, "AttributeError", "module 'torch' has no attribute '%.*s'", tok_len(a), p->src + a->begin);
        }
        cls_tok = a;
        via_module = 1;
    }
    int cls = class_index(p, cls_tok);
    if (cls < 0) {
        /* still consume a call's arguments so pass 1 checks their syntax */
        if (tok_is(p, peek(p), "(")) {
            value dummy;
            int save = p->eval;
            p->eval = 0;
            cnnc_status st = parse_call(p, SEQ_CLASS, cls_tok, cls_tok->begin, &dummy);
            p->eval = save;
            if (st) return st;
        }
        if (!p->eval) return CNNC_OK;
        if (is_unsupported_module(p, cls_tok)) {
            char runs[1024];
            cnnc_strbuf sb;
            cnnc_sb_fixed(&sb, runs, sizeof runs);
            const class_spec *cs = classes();
            for (int k = 0; k < SEQ_CLASS; k++)
                if (cs[k].kind >= 0) cnnc_sb_printf(&sb, "%s, ", cs[k].name);
            if (sb.len >= 2 && sb.len < sizeof runs) runs[sb.len - 2] = '\0';
            return fail_at(p, CNNC_ERR_UNSUPPORTED, cls_tok->line, cls_tok->col, "NotImplementedError",
                           "cnnc does not support nn.%.*s (it runs %s and Sequential)", tok_len(cls_tok),
                           p->src + cls_tok->begin, runs);
        }
        if (via_module)
            return FAIL_TOK(p, cls_tok, "AttributeError", "module 'torch.nn' has no attribute '%.*s'",
                            tok_len(cls_tok), p->src + cls_tok->begin);
        for (int32_t k = 0; k < p->m->n_stmts; k++)
            if ((size_t)tok_len(cls_tok) == strlen(p->m->stmts[k].name) &&
                memcmp(p->src + cls_tok->begin, p->m->stmts[k].name, (size_t)tok_len(cls_tok)) == 0)
                return fail_at(p, CNNC_ERR_UNSUPPORTED, cls_tok->line, cls_tok->col, "NotImplementedError",
                               "cnnc does not reuse layers by name ('%s'); write the constructor call here",
                               p->m->stmts[k].name);
        return FAIL_TOK(p, cls_tok, "NameError", "name '%.*s' is not defined", tok_len(cls_tok), p->src + cls_tok->begin);
    }
    if (tok_is(p, peek(p), "(")) return parse_call(p, cls, cls_tok, cls_tok->begin, out);
    out->kind = V_CLASS;
    out->cls = cls;
    out->line = cls_tok->line;
    out->col = cls_tok->col;
    return CNNC_OK;
}

static int starts_expr(const parser *p, const token *t) {
    return t->kind == T_NAME || t->kind == T_INT || t->kind == T_FLOAT || t->kind == T_STRING ||
           tok_is(p, t, "(") || tok_is(p, t, "-") || tok_is(p, t, "+");
}

static cnnc_status parse_primary(parser *p, value *out) {
    const token *t = peek(p);
    memset(out, 0, sizeof *out);
    out->line = t->line;
    out->col = t->col;
    out->cls = -1;
    switch (t->kind) {
    case T_INT:
        advance(p);
        if (t->too_big && p->eval) return overflow_error(p, out);
        out->kind = V_INT;
        out->i = t->i;
        return CNNC_OK;
    case T_FLOAT:
        advance(p);
        out->kind = V_FLOAT;
        out->f = t->f;
        return CNNC_OK;
    case T_STRING: {
        advance(p);
        const char *s = p->src;
        int32_t b = t->begin, e = t->end;
        int q = (e - b >= 6 && s[b + 1] == s[b] && s[b + 2] == s[b]) ? 3 : 1;
        out->kind = V_STR;
        out->sbeg = b + q;
        out->send = e - q;
        /* adjacent literals concatenate in Python; keep it simple and refuse that */
        if (peek(p)->kind == T_STRING) return syntax_error(p, peek(p));
        return CNNC_OK;
    }
    case T_NAME:
        return parse_name(p, out);
    case T_OP:
        if (tok_is(p, t, "(")) {
            advance(p);
            if (tok_is(p, peek(p), ")")) { advance(p); out->kind = V_TUPLE; out->n = 0; return CNNC_OK; }
            value first;
            cnnc_status st = parse_expr(p, &first);
            if (st) return st;
            if (tok_is(p, peek(p), ")")) { advance(p); first.line = out->line; first.col = out->col; *out = first; return CNNC_OK; }
            out->kind = V_TUPLE;
            out->n = 0;
            value cur = first;
            for (;;) {
                if (out->n < MAX_TUPLE) {
                    item *it = &out->items[out->n];
                    it->kind = cur.kind; it->i = cur.i; it->f = cur.f; it->sbeg = cur.sbeg; it->send = cur.send; it->cls = cur.cls;
                }
                if (out->n < INT32_MAX) out->n++;
                const token *sep = peek(p);
                if (tok_is(p, sep, ")")) { advance(p); return CNNC_OK; }
                if (!tok_is(p, sep, ",")) {
                    if (starts_expr(p, sep))
                        return fail_at(p, CNNC_ERR_PARSE, cur.line, cur.col, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?");
                    return syntax_error(p, sep);
                }
                advance(p);
                if (tok_is(p, peek(p), ")")) { advance(p); return CNNC_OK; }
                if ((st = parse_expr(p, &cur))) return st;
            }
        }
        return syntax_error(p, t);
    default:
        return syntax_error(p, t);
    }
}

static cnnc_status binop_type_error(parser *p, const value *at, const char *op, const value *a, const value *b) {
    return FAIL_VAL(p, at, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op, vname(a), vname(b));
}

/* a OP b for + - * / // ** with Python's int/float rules and 64-bit overflow checks. */
static cnnc_status apply_binop(parser *p, const char *op, const value *at, value *a, const value *b) {
    if (!p->eval) return CNNC_OK;
    if (!is_num(a->kind) || !is_num(b->kind)) {
        if (op[0] == '*' && op[1] == 0 && ((a->kind == V_STR && is_intlike(b->kind)) || (b->kind == V_STR && is_intlike(a->kind))))
            return fail_at(p, CNNC_ERR_UNSUPPORTED, at->line, at->col, "NotImplementedError", "cnnc does not repeat strings");
        if (op[0] == '+' && a->kind == V_STR && b->kind == V_STR)
            return fail_at(p, CNNC_ERR_UNSUPPORTED, at->line, at->col, "NotImplementedError", "cnnc does not concatenate strings");
        return binop_type_error(p, at, op, a, b);
    }
    int ints = is_intlike(a->kind) && is_intlike(b->kind);
    if (ints && strcmp(op, "/") != 0 && !(strcmp(op, "**") == 0 && b->i < 0)) {
        int64_t x = a->i, y = b->i, r = 0;
        int ovf = 0;
        if (!strcmp(op, "+")) ovf = __builtin_add_overflow(x, y, &r);
        else if (!strcmp(op, "-")) ovf = __builtin_sub_overflow(x, y, &r);
        else if (!strcmp(op, "*")) ovf = __builtin_mul_overflow(x, y, &r);
        else if (!strcmp(op, "//") || !strcmp(op, "%")) {
            if (y == 0) return FAIL_VAL(p, at, "ZeroDivisionError", "integer division or modulo by zero");
            if (x == INT64_MIN && y == -1) ovf = 1;
            else {
                int64_t q = x / y, m = x % y;
                if (m != 0 && ((m < 0) != (y < 0))) { q--; m += y; }
                r = op[0] == '/' ? q : m;
            }
        } else { /* ** with y >= 0 */
            r = 1;
            int64_t base = x, e = y;
            while (e > 0 && !ovf) {
                if (e & 1) ovf |= __builtin_mul_overflow(r, base, &r);
                e >>= 1;
                if (e > 0) ovf |= __builtin_mul_overflow(base, base, &base);
            }
        }
        if (ovf) return overflow_error(p, at);
        a->kind = V_INT;
        a->i = r;
        return CNNC_OK;
    }
    double x = num_f(a), y = num_f(b), r;
    if (!strcmp(op, "+")) r = x + y;
    else if (!strcmp(op, "-")) r = x - y;
    else if (!strcmp(op, "*")) r = x * y;
    else if (!strcmp(op, "/")) {
        if (y == 0.0) return FAIL_VAL(p, at, "ZeroDivisionError", "division by zero");
        r = x / y;
    } else if (!strcmp(op, "//")) {
        if (y == 0.0) return FAIL_VAL(p, at, "ZeroDivisionError", "float floor division by zero");
        r = floor(x / y);
    } else if (!strcmp(op, "%")) {
        if (y == 0.0) return FAIL_VAL(p, at, "ZeroDivisionError", "float modulo");
        r = fmod(x, y);
        if (r != 0.0 && ((r < 0) != (y < 0))) r += y;
    } else {
        if (x == 0.0 && y < 0)
            return FAIL_VAL(p, at, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
        r = pow(x, y);
    }
    if (isinf(r) && !isinf(x) && !isinf(y))
        return FAIL_VAL(p, at, "OverflowError", "(34, 'Numerical result out of range')");
    a->kind = V_FLOAT;
    a->f = r;
    return CNNC_OK;
}

/* unary := ('-' | '+')* power ; power := primary ['**' unary] */
static cnnc_status parse_unary_inner(parser *p, value *out);
static cnnc_status parse_unary(parser *p, value *out) {
    /* `**` chains nest without brackets; bound the recursion like Python's compiler */
    if (p->expr_depth >= 2 * MAX_NEST) {
        const token *t = peek(p);
        return FAIL_TOK(p, t, "RecursionError", "maximum recursion depth exceeded during compilation");
    }
    p->expr_depth++;
    cnnc_status st = parse_unary_inner(p, out);
    p->expr_depth--;
    return st;
}

static cnnc_status parse_unary_inner(parser *p, value *out) {
    int neg = 0;
    const token *first = peek(p);
    while (tok_is(p, peek(p), "-") || tok_is(p, peek(p), "+")) {
        if (tok_is(p, peek(p), "-")) neg ^= 1;
        advance(p);
    }
    int had_sign = first != peek(p);
    cnnc_status st = parse_primary(p, out);
    if (st) return st;
    if (tok_is(p, peek(p), "**")) {
        const token *op = advance(p);
        value rhs;
        if ((st = parse_unary(p, &rhs))) return st;
        value at = *out;
        at.line = op->line; at.col = op->col;
        if ((st = apply_binop(p, "**", &at, out, &rhs))) return st;
    }
    if (had_sign) {
        out->line = first->line;
        out->col = first->col;
        if (neg && p->eval) {
            if (is_intlike(out->kind)) {
                if (out->i == INT64_MIN) return overflow_error(p, out);
                out->kind = V_INT;
                out->i = -out->i;
            } else if (out->kind == V_FLOAT) {
                out->f = -out->f;
            } else {
                return FAIL_VAL(p, out, "TypeError", "bad operand type for unary -: '%s'", vname(out));
            }
        } else if (p->eval && !is_num(out->kind)) {
            return FAIL_VAL(p, out, "TypeError", "bad operand type for unary +: '%s'", vname(out));
        }
    }
    return CNNC_OK;
}

static cnnc_status parse_term(parser *p, value *out) {
    cnnc_status st = parse_unary(p, out);
    while (!st) {
        const token *t = peek(p);
        const char *op = tok_is(p, t, "*") ? "*" : tok_is(p, t, "//") ? "//" : tok_is(p, t, "/") ? "/"
                       : tok_is(p, t, "%") ? "%" : NULL;
        if (!op) break;
        advance(p);
        value rhs;
        if ((st = parse_unary(p, &rhs))) break;
        value at = *out;
        at.line = t->line; at.col = t->col;
        st = apply_binop(p, op, &at, out, &rhs);
    }
    return st;
}

static cnnc_status parse_expr(parser *p, value *out) {
    cnnc_status st = parse_term(p, out);
    while (!st) {
        const token *t = peek(p);
        const char *op = tok_is(p, t, "+") ? "+" : tok_is(p, t, "-") ? "-" : NULL;
        if (!op) break;
        advance(p);
        value rhs;
        if ((st = parse_term(p, &rhs))) break;
        value at = *out;
        at.line = t->line; at.col = t->col;
        st = apply_binop(p, op, &at, out, &rhs);
    }
    return st;
}

/* ------------------------------------------------------- layer construction */

typedef struct bound { const value *v[MAX_PARAMS]; } bound;

static cnnc_layer *new_layer(parser *p, cnnc_layer_kind kind, const char *name) {
    cnnc_model *m = p->m;
    if (m->n_layers == p->layer_cap) {
        int32_t cap = p->layer_cap ? p->layer_cap * 2 : 16;
        cnnc_layer *nl = (cnnc_layer *)realloc(m->layers, (size_t)cap * sizeof *nl);
        if (!nl) return NULL;
        m->layers = nl;
        p->layer_cap = cap;
    }
    cnnc_layer *l = &m->layers[m->n_layers++];
    memset(l, 0, sizeof *l);
    l->kind = kind;
    snprintf(l->name, sizeof l->name, "%s", name);
    l->stmt_index = m->n_stmts;
    return l;
}

/* A bound argument as the layer definitions take it. */
static void to_arg(const parser *p, const value *v, cnnc_arg *a, cnnc_arg *items) {
    memset(a, 0, sizeof *a);
    a->line = v->line;
    a->col = v->col;
    a->i = v->i;
    a->f = v->f;
    switch (v->kind) {
    case V_INT: a->kind = CNNC_ARG_INT; break;
    case V_BOOL: a->kind = CNNC_ARG_BOOL; break;
    case V_FLOAT: a->kind = CNNC_ARG_FLOAT; break;
    case V_NONE: a->kind = CNNC_ARG_NONE; break;
    case V_STR: a->kind = CNNC_ARG_STR; a->s = p->src + v->sbeg; a->slen = v->send - v->sbeg; break;
    case V_DTYPE: a->kind = CNNC_ARG_DTYPE; a->s = "float32"; a->slen = 7; break;
    case V_TUPLE:
        a->kind = CNNC_ARG_TUPLE;
        a->n = v->n < MAX_TUPLE ? v->n : MAX_TUPLE;
        a->items = items;
        for (int32_t k = 0; k < a->n; k++) {
            const item *it = &v->items[k];
            value tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.kind = it->kind; tmp.i = it->i; tmp.f = it->f; tmp.sbeg = it->sbeg; tmp.send = it->send; tmp.cls = it->cls;
            tmp.line = v->line; tmp.col = v->col;
            to_arg(p, &tmp, &items[k], NULL);
            if (it->kind == V_TUPLE) { items[k].kind = CNNC_ARG_TUPLE; items[k].n = 0; }
        }
        break;
    default: a->kind = CNNC_ARG_OTHER; a->s = vname(v); break;
    }
}

/* Build a layer through its registry definition. */
static cnnc_status build_layer(parser *p, cnnc_layer *l, const bound *b, const value *call) {
    const cnnc_layer_def *def = cnnc_layer_def_of(l->kind);
    cnnc_arg args[MAX_PARAMS], items[MAX_PARAMS][MAX_TUPLE], at;
    const cnnc_arg *bound_args[MAX_PARAMS];
    for (int k = 0; k < MAX_PARAMS; k++) {
        bound_args[k] = NULL;
        if (b->v[k]) { to_arg(p, b->v[k], &args[k], items[k]); bound_args[k] = &args[k]; }
    }
    to_arg(p, call, &at, NULL);
    cnnc_status st = def->build(l, bound_args, &at, p->err);
    if (st && p->err) snprintf(p->err->file, sizeof p->err->file, "%s", p->path);
    return st;
}

static const char *missing_list(const class_spec *c, const bound *b, char *buf, size_t cap, int *count) {
    int idx[MAX_PARAMS], n = 0;
    for (int k = 0; k < c->n_required; k++)
        if (!b->v[k]) idx[n++] = k;
    size_t o = 0;
    buf[0] = '\0';
    for (int k = 0; k < n && o < cap; k++) {
        const char *sep = k == 0 ? "" : (n == 2 ? " and " : (k == n - 1 ? ", and " : ", "));
        o += (size_t)snprintf(buf + o, cap - o, "%s'%s'", sep, c->params[idx[k]]);
    }
    *count = n;
    return buf;
}

/* One call argument as written. */
typedef struct arg { int is_kw; const token *kw; value v; } arg;

/* Class(args...): check the syntax (pass 1) or bind and build the layer(s) (pass 2). */
static cnnc_status parse_call(parser *p, int cls, const token *name_tok, int32_t span_begin, value *out) {
    const class_spec *c = &classes()[cls];
    char my_name[CNNC_NAME_MAX] = "?";
    if (p->has_pending_name) { memcpy(my_name, p->pending_name, sizeof my_name); p->has_pending_name = 0; }
    memset(out, 0, sizeof *out);
    out->line = name_tok->line;
    out->col = name_tok->col;
    out->kind = V_MODULE;
    out->cls = cls;
    cnnc_status st = expect(p, "(");
    if (st) return st;

    int is_seq = c->kind < 0;
    int32_t first_layer = p->eval ? p->m->n_layers : 0;
    int32_t layer_slot = -1;
    if (p->eval && !is_seq) {
        /* reserve the slot now: children of a layer's arguments (always an error) come after */
        if (!new_layer(p, (cnnc_layer_kind)c->kind, my_name))
            return cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        layer_slot = p->m->n_layers - 1;
    }

    arg *args = NULL;
    name_set kw_names = {NULL, 0, 0};
    int32_t nargs = 0, cap = 0, npos = 0;
    int seen_kw = 0;
    while (!tok_is(p, peek(p), ")")) {
        if (nargs == cap) {
            int32_t nc = cap ? cap * 2 : 8;
            arg *na = (arg *)realloc(args, (size_t)nc * sizeof *na);
            if (!na) { st = cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); break; }
            args = na;
            cap = nc;
        }
        arg *a = &args[nargs];
        memset(a, 0, sizeof *a);
        const token *t = peek(p), *t2 = peek2(p);
        if (tok_is(p, t, "*") || tok_is(p, t, "**")) { st = syntax_error(p, t); break; }
        if (t->kind == T_NAME && tok_is(p, t2, "=")) {
            a->is_kw = 1;
            a->kw = t;
            int32_t dup = name_set_add(p, &kw_names, (int32_t)(t - p->toks));
            if (dup == -2) { st = cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); break; }
            if (dup >= 0) {
                st = FAIL_TOK(p, t, "SyntaxError", "keyword argument repeated: %.*s", tok_len(t), p->src + t->begin);
                break;
            }
            advance(p);
            advance(p);
            seen_kw = 1;
            if ((st = parse_expr(p, &a->v))) break;
        } else {
            if (is_seq && p->eval) {
                char child[CNNC_NAME_MAX + 16];
                int n = snprintf(child, sizeof child, "%s.%d", my_name, (int)npos);
                if (n < 0 || n >= CNNC_NAME_MAX) {
                    st = FAIL_TOK(p, t, "ValueError", "layer name '%s' is longer than %d characters", child, CNNC_NAME_MAX - 1);
                    break;
                }
                memcpy(p->pending_name, child, (size_t)n + 1);
                p->has_pending_name = 1;
            }
            if ((st = parse_expr(p, &a->v))) break;
            p->has_pending_name = 0;
            if (seen_kw) {
                /* Python points at the end of the offending argument; its start is clearer */
                st = FAIL_VAL(p, &a->v, "SyntaxError", "positional argument follows keyword argument");
                break;
            }
            npos++;
            if (is_seq && p->eval && a->v.kind != V_MODULE) {
                if (a->v.kind == V_CLASS)
                    st = FAIL_VAL(p, &a->v, "TypeError", "torch.nn.modules.%s.%s is not a Module subclass",
                                  classes()[a->v.cls].module, classes()[a->v.cls].name);
                else
                    st = FAIL_VAL(p, &a->v, "TypeError", "%s is not a Module subclass", vname(&a->v));
                nargs++;
                break;
            }
        }
        nargs++;
        const token *sep = peek(p);
        if (tok_is(p, sep, ",")) { advance(p); continue; }
        if (tok_is(p, sep, ")")) break;
        if (starts_expr(p, sep))
            st = fail_at(p, CNNC_ERR_PARSE, a->v.line, a->v.col, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?");
        else
            st = syntax_error(p, sep);
        break;
    }
    p->has_pending_name = 0;
    free(kw_names.slots);
    if (st) { free(args); return st; }
    const token *close = advance(p); /* ')' */
    if (!p->eval) { free(args); return CNNC_OK; }

    value call = *out;
    if (is_seq) {
        for (int32_t k = 0; k < nargs; k++)
            if (args[k].is_kw) {
                st = FAIL_TOK(p, args[k].kw, "TypeError", "Sequential.__init__() got an unexpected keyword argument '%.*s'",
                              tok_len(args[k].kw), p->src + args[k].kw->begin);
                free(args);
                return st;
            }
        free(args);
        out->i = first_layer;                      /* first layer of the block */
        out->n = p->m->n_layers - first_layer;     /* how many */
        return CNNC_OK;
    }

    /* Bind like CPython: keywords first (unknown / duplicate), then too many positionals, then missing. */
    bound b;
    memset(&b, 0, sizeof b);
    for (int32_t k = 0, pi = 0; k < nargs; k++)
        if (!args[k].is_kw) { if (pi < c->n_params) b.v[pi] = &args[k].v; pi++; }
    for (int32_t k = 0; k < nargs && !st; k++) {
        if (!args[k].is_kw) continue;
        const token *kw = args[k].kw;
        int idx = -1;
        for (int j = 0; j < c->n_params; j++)
            if ((size_t)tok_len(kw) == strlen(c->params[j]) && memcmp(p->src + kw->begin, c->params[j], (size_t)tok_len(kw)) == 0)
                idx = j;
        if (idx < 0 && c->var_kw)
            continue;
        if (idx < 0)
            st = FAIL_TOK(p, kw, "TypeError", "%s.__init__() got an unexpected keyword argument '%.*s'", c->qualname,
                          tok_len(kw), p->src + kw->begin);
        else if (b.v[idx])
            st = FAIL_TOK(p, kw, "TypeError", "%s.__init__() got multiple values for argument '%s'", c->qualname, c->params[idx]);
        else
            b.v[idx] = &args[k].v;
    }
    if (!st && npos > c->n_params && !c->var_pos) {
        const value *extra = NULL;
        for (int32_t k = 0, pi = 0; k < nargs; k++)
            if (!args[k].is_kw && pi++ == c->n_params) { extra = &args[k].v; break; }
        if (c->n_required == c->n_params)
            st = FAIL_VAL(p, extra, "TypeError", "%s.__init__() takes %d positional argument%s but %d were given", c->qualname,
                          c->n_params + 1, c->n_params == 0 ? "" : "s", (int)npos + 1);
        else
            st = FAIL_VAL(p, extra, "TypeError", "%s.__init__() takes from %d to %d positional arguments but %d were given",
                          c->qualname, c->n_required + 1, c->n_params + 1, (int)npos + 1);
    }
    if (!st) {
        char miss[256];
        int nmiss;
        missing_list(c, &b, miss, sizeof miss, &nmiss);
        if (nmiss)
            st = FAIL_TOK(p, name_tok, "TypeError", "%s.__init__() missing %d required positional argument%s: %s", c->qualname,
                          nmiss, nmiss == 1 ? "" : "s", miss);
    }
    if (!st) {
        cnnc_layer *l = &p->m->layers[layer_slot];
        l->span.line = name_tok->line;
        l->span.col = name_tok->col;
        l->span.begin = span_begin;
        l->span.end = close->end;
        st = build_layer(p, l, &b, &call);
        /* a module nested in a layer's arguments is a type error above; drop any stray children */
        if (!st && p->m->n_layers != layer_slot + 1) {
            const cnnc_layer *child = &p->m->layers[layer_slot + 1];
            st = fail_at(p, CNNC_ERR_PARSE, child->span.line, child->span.col, "TypeError",
                         "a %s layer cannot be an argument of %s()", cnnc_layer_kind_name(child->kind), c->name);
        }
    }
    free(args);
    out->i = layer_slot;
    out->n = 1;
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
        if (t->kind == T_EOF || t->kind == T_ERROR) return syntax_error(p, t);
        if (t->kind != T_NAME && !tok_is(p, t, ".") && !tok_is(p, t, "*") && !tok_is(p, t, ",")) return syntax_error(p, t);
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
    return fail_at(p, CNNC_ERR_UNSUPPORTED, first->line, first->col, "NotImplementedError",
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
    if (name->kind != T_NAME || is_keyword(p, name)) return syntax_error(p, name);
    advance(p);
    if (!tok_is(p, peek(p), "=")) return syntax_error(p, peek(p));
    advance(p);
    const token *rhs = peek(p);
    int is_input = tok_is(p, name, "input");
    int32_t first = p->eval ? p->m->n_layers : 0;
    if (p->eval) {
        if (tok_len(name) >= CNNC_NAME_MAX)
            return FAIL_TOK(p, name, "ValueError", "layer name '%.*s' is longer than %d characters", tok_len(name) > 100 ? 100 : tok_len(name),
                            p->src + name->begin, CNNC_NAME_MAX - 1);
        int32_t dup = name_set_add(p, &p->stmt_names, (int32_t)(name - p->toks));
        if (dup == -2) return cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        if (dup >= 0)
            return FAIL_TOK(p, name, "NameError", "duplicate %s '%.*s' (first assigned on line %d)", is_input ? "statement" : "layer name",
                            tok_len(name), p->src + name->begin, (int)p->toks[dup].line);
        snprintf(p->pending_name, sizeof p->pending_name, "%.*s", tok_len(name), p->src + name->begin);
        p->has_pending_name = !is_input;
    }
    value v;
    cnnc_status st = parse_expr(p, &v);
    p->has_pending_name = 0;
    if (st) return st;
    const token *end = peek(p);
    if (end->kind != T_NEWLINE && !tok_is(p, end, ";")) return syntax_error(p, end);
    int32_t stmt_end = p->toks[p->pos - 1].end;
    if (!p->eval) return CNNC_OK;
    if (is_input) {
        int ok = v.kind == V_TUPLE && v.n >= 1 && v.n <= 3;
        for (int32_t k = 0; ok && k < v.n; k++) ok = is_intlike(v.items[k].kind) && v.items[k].i > 0;
        if (is_intlike(v.kind) && v.i > 0) { ok = 1; v.n = 1; v.items[0].i = v.i; }
        if (!ok) {
            char r[256];
            repr_value(p, &v, r, sizeof r);
            return FAIL_VAL(p, &v, "ValueError", "input must be a tuple of 1 to 3 positive ints, e.g. input = (1, 28, 28); got %s", r);
        }
        p->m->has_input = 1;
        p->m->input_ndim = v.n;
        for (int32_t k = 0; k < v.n; k++) p->m->input[k] = v.items[k].i;
        return CNNC_OK;
    }
    if (v.kind != V_MODULE) {
        char r[64];
        if (v.kind == V_CLASS) snprintf(r, sizeof r, "the class %s itself (call it: %s(...))", classes()[v.cls].name, classes()[v.cls].name);
        else snprintf(r, sizeof r, "%s", vname(&v));
        return fail_at(p, CNNC_ERR_PARSE, rhs->line, rhs->col, "TypeError",
                       "'%.*s' must be a layer such as Linear(...) or Sequential(...), not %s", tok_len(name) > 60 ? 60 : tok_len(name),
                       p->src + name->begin, r);
    }
    return add_stmt(p, name, classes()[v.cls].kind < 0, first, p->m->n_layers - first, name->begin, stmt_end);
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

    cnnc_status st = check_text(&ps);
    if (!st) st = tokenize(&ps);
    if (!st) { ps.eval = 0; st = parse_file(&ps); }
    if (!st) { ps.eval = 1; st = parse_file(&ps); }
    if (!st && m->n_layers == 0) {
        const token *e = &ps.toks[ps.ntok - 1];
        st = fail_at(&ps, CNNC_ERR_PARSE, e->line, e->col, "ValueError",
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
