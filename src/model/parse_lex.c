/* parse_lex.c — the model-file reader's text checks (UTF-8, line length),
 * its tokenizer (Python's tokens and tokenizer errors) and the token-level
 * helpers: expected tokens, SyntaxError, sets of names. */
#include "model/parse_internal.h"

#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash_bytes(const char *s, int32_t n) {
    uint32_t h = 2166136261u;
    for (int32_t k = 0; k < n; k++) h = (h ^ (unsigned char)s[k]) * 16777619u;
    return h;
}

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
cnnc_status chain_check_text(parser *p) {
    const unsigned char *s = (const unsigned char *)p->src;
    int32_t line = 1, col = 1;
    for (int32_t i = 0; i < p->len;) {
        unsigned char c = s[i];
        if (c == 0)
            return chain_fail_at(p, CNNC_ERR_PARSE, line, col, "SyntaxError", "source code cannot contain null bytes");
        if (c == '\n') {
            line++; col = 1; i++;
            continue;
        }
        int n = utf8_len(s + i, p->len - i);
        if (n == 0)
            return chain_fail_at(p, CNNC_ERR_PARSE, line, col, "SyntaxError",
                           "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
                           "declared; see https://peps.python.org/pep-0263/ for details",
                           c, p->path, (int)line);
        i += n;
        col++;
        if (col - 1 > LINE_MAX_CHARS)
            return chain_fail_at(p, CNNC_ERR_PARSE, line, 1, "SyntaxError",
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

cnnc_status chain_tokenize(parser *p) {
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

/* The SyntaxError for an unexpected token (or the lexer's error, if that is what we hit). */
cnnc_status chain_syntax_error(parser *p, const token *t) {
    if (t->kind == T_ERROR)
        return chain_fail_at(p, CNNC_ERR_PARSE, p->lex_err.line, p->lex_err.col, p->lex_err.type, "%s", p->lex_err.message);
    return FAIL_TOK(p, t, "SyntaxError", "invalid syntax");
}

cnnc_status chain_expect(parser *p, const char *op) {
    const token *t = peek(p);
    if (!tok_is(p, t, op)) return chain_syntax_error(p, t);
    advance(p);
    return CNNC_OK;
}

/* Add token `ti` to the set; returns its earlier token index if already there,
 * -1 if added, -2 when out of memory. */
int32_t chain_name_set_add(parser *p, name_set *set, int32_t ti) {
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

