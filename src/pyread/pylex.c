/* pylex.c — Python tokenizer for pyread: names, numbers, strings (incl.
 * triple-quoted and prefixed), operators, comments, bracket continuation and
 * backslash continuation. Logical lines carry their indentation; INDENT and
 * DEDENT are left to the reader, which only needs block extents. */
#include "pylex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PY_MAX_NEST 200

static cnnc_status lex_fail(cnnc_error *err, const char *path, int32_t line, int32_t col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
#include <stdarg.h>
static cnnc_status lex_fail(cnnc_error *err, const char *path, int32_t line, int32_t col, const char *fmt, ...) {
    if (!err) return CNNC_ERR_PARSE;
    cnnc_error_clear(err);
    va_list ap;
    va_start(ap, fmt);
    cnnc_error_setv(err, CNNC_ERR_PARSE, "SyntaxError", fmt, ap);
    va_end(ap);
    snprintf(err->file, sizeof err->file, "%s", path);
    err->line = line;
    err->col = col;
    return CNNC_ERR_PARSE;
}

static int push_tok(pylex *lx, ptok t) {
    if (lx->nt == lx->cap_t) {
        int32_t cap = lx->cap_t ? lx->cap_t * 2 : 256;
        ptok *n = (ptok *)realloc(lx->t, (size_t)cap * sizeof *n);
        if (!n) return 0;
        lx->t = n;
        lx->cap_t = cap;
    }
    lx->t[lx->nt++] = t;
    return 1;
}

static int push_line(pylex *lx, pline l) {
    if (lx->nl == lx->cap_l) {
        int32_t cap = lx->cap_l ? lx->cap_l * 2 : 64;
        pline *n = (pline *)realloc(lx->l, (size_t)cap * sizeof *n);
        if (!n) return 0;
        lx->l = n;
        lx->cap_l = cap;
    }
    lx->l[lx->nl++] = l;
    return 1;
}

static int push_ls(pylex *lx, int32_t off) {
    if (lx->n_lines == lx->cap_ls) {
        int32_t cap = lx->cap_ls ? lx->cap_ls * 2 : 256;
        int32_t *n = (int32_t *)realloc(lx->line_start, (size_t)cap * sizeof *n);
        if (!n) return 0;
        lx->line_start = n;
        lx->cap_ls = cap;
    }
    lx->line_start[lx->n_lines++] = off;
    return 1;
}

void pylex_free(pylex *lx) {
    if (!lx) return;
    free(lx->t);
    free(lx->l);
    free(lx->line_start);
    memset(lx, 0, sizeof *lx);
}

int pylex_is(const pylex *lx, int32_t i, const char *s) {
    if (i < 0 || i >= lx->nt) return 0;
    size_t n = (size_t)(lx->t[i].end - lx->t[i].begin);
    return strlen(s) == n && memcmp(lx->src + lx->t[i].begin, s, n) == 0;
}

void pylex_pos(const pylex *lx, int32_t off, int32_t *line, int32_t *col) {
    int32_t lo = 0, hi = lx->n_lines - 1;
    while (lo < hi) {
        int32_t mid = (lo + hi + 1) / 2;
        if (lx->line_start[mid] <= off) lo = mid;
        else hi = mid - 1;
    }
    *line = lo + 1;
    *col = off - (lx->n_lines ? lx->line_start[lo] : 0) + 1;
}

static int name_start(unsigned char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
static int digit(unsigned char c) { return c >= '0' && c <= '9'; }

cnnc_status pylex_run(pylex *lx, const char *src, size_t len, const char *path, cnnc_error *err) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    if (len > CNNC_PY_LEX_MAX) {
        cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "source is too large for a model (%zu bytes)", len);
        if (err) snprintf(err->file, sizeof err->file, "%s", path);
        return CNNC_ERR_PARSE;
    }
    lx->len = (int32_t)len;
    if (memchr(src, 0, len)) return lex_fail(err, path, 1, 1, "source code string cannot contain null bytes");
    const unsigned char *s = (const unsigned char *)src;
    int32_t i = 0, line = 1, ls = 0, depth = 0;
    char stack[PY_MAX_NEST];
    int at_line_start = 1, continued = 0;
    pline cur = {0, 0, 0, 0};
    int in_line = 0;
    if (!push_ls(lx, 0)) goto nomem;
    while (i < lx->len) {
        unsigned char c = s[i];
        if (at_line_start && depth == 0 && !continued) {
            /* measure indentation of a new logical line */
            int32_t ind = 0, j = i;
            while (j < lx->len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\f')) { ind = s[j] == '\t' ? (ind / 8 + 1) * 8 : ind + 1; j++; }
            i = j;
            if (i >= lx->len) break;
            c = s[i];
            if (c == '#' || c == '\n' || c == '\r') { /* blank or comment-only line */
                while (i < lx->len && s[i] != '\n') i++;
                if (i < lx->len) {
                    i++;
                    line++;
                    ls = i;
                    if (!push_ls(lx, i)) goto nomem;
                }
                continue;
            }
            cur.first = lx->nt; cur.n = 0; cur.indent = ind; cur.line = line;
            in_line = 1;
            at_line_start = 0;
        }
        continued = 0;
        if (c == '\n') {
            i++;
            line++;
            ls = i;
            if (!push_ls(lx, i)) goto nomem;
            if (depth == 0) {
                if (in_line) { cur.n = lx->nt - cur.first; if (!push_line(lx, cur)) goto nomem; in_line = 0; }
                at_line_start = 1;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f') { i++; continue; }
        if (c == '#') { while (i < lx->len && s[i] != '\n') i++; continue; }
        if (c == '\\') {
            int32_t j = i + 1;
            if (j < lx->len && s[j] == '\r') j++;
            if (j < lx->len && s[j] == '\n') {
                i = j + 1; line++; ls = i;
                if (!push_ls(lx, i)) goto nomem;
                continued = 1;
                continue;
            }
            return lex_fail(err, path, line, i - ls + 1, "unexpected character after line continuation character");
        }
        ptok t;
        memset(&t, 0, sizeof t);
        t.begin = i; t.line = line; t.col = i - ls + 1;
        /* string, with optional prefix */
        int32_t q = i;
        while (q < lx->len && q - i < 2 && strchr("rRbBuUfF", s[q]) && s[q]) q++;
        if (q < lx->len && (s[q] == '\'' || s[q] == '"') && (q == i || name_start(c))) {
            char quote = (char)s[q];
            int triple = q + 2 < lx->len && s[q + 1] == quote && s[q + 2] == quote;
            int32_t start_line = line;
            int32_t j = q + (triple ? 3 : 1);
            for (;;) {
                if (j >= lx->len) {
                    if (triple) return lex_fail(err, path, start_line, t.col, "unterminated triple-quoted string literal (detected at line %d)", line);
                    return lex_fail(err, path, start_line, t.col, "unterminated string literal (detected at line %d)", line);
                }
                if (s[j] == '\\' && j + 1 < lx->len) {
                    if (s[j + 1] == '\n') { line++; if (!push_ls(lx, j + 2)) goto nomem; ls = j + 2; }
                    j += 2;
                    continue;
                }
                if (s[j] == '\n') {
                    if (!triple) return lex_fail(err, path, start_line, t.col, "unterminated string literal (detected at line %d)", line);
                    line++; if (!push_ls(lx, j + 1)) goto nomem; ls = j + 1;
                }
                if (s[j] == (unsigned char)quote) {
                    if (!triple) { j++; break; }
                    if (j + 2 < lx->len && s[j + 1] == quote && s[j + 2] == quote) { j += 3; break; }
                }
                j++;
            }
            t.kind = PT_STR;
            t.end = j;
            i = j;
            if (!push_tok(lx, t)) goto nomem;
            continue;
        }
        if (name_start(c)) {
            int32_t j = i + 1;
            while (j < lx->len && (name_start(s[j]) || digit(s[j]))) j++;
            t.kind = PT_NAME; t.end = j; i = j;
            if (!push_tok(lx, t)) goto nomem;
            continue;
        }
        if (digit(c) || (c == '.' && i + 1 < lx->len && digit(s[i + 1]))) {
            int32_t j = i;
            char num[64];
            size_t o = 0;
            int is_float = 0, radix = 10;
            if (c == '0' && j + 1 < lx->len && strchr("xXoObB", s[j + 1]) && s[j + 1]) {
                radix = (s[j + 1] | 32) == 'x' ? 16 : (s[j + 1] | 32) == 'o' ? 8 : 2;
                j += 2;
            }
            while (j < lx->len) {
                unsigned char d = s[j];
                if (d == '_') { j++; continue; }
                int ok = radix == 16 ? (digit(d) || ((d | 32) >= 'a' && (d | 32) <= 'f')) : digit(d);
                if (radix == 10 && (d == '.' || d == 'e' || d == 'E')) { ok = 1; is_float = 1; }
                if (radix == 10 && (d == '+' || d == '-') && o && (num[o - 1] == 'e' || num[o - 1] == 'E')) ok = 1;
                if (!ok) break;
                if (o + 1 < sizeof num) num[o++] = (char)d;
                j++;
            }
            num[o] = '\0';
            if (j < lx->len && (s[j] == 'j' || s[j] == 'J')) { j++; is_float = 1; }
            if (j < lx->len && name_start(s[j])) return lex_fail(err, path, line, t.col, "invalid decimal literal");
            t.kind = PT_NUM; t.end = j; t.is_float = is_float;
            if (is_float) t.f = strtod(num, NULL);
            else t.i = (int64_t)strtoll(num, NULL, radix);
            i = j;
            if (!push_tok(lx, t)) goto nomem;
            continue;
        }
        static const char *const OPS3[] = {"**=", "//=", ">>=", "<<=", "..."};
        static const char *const OPS2[] = {"**", "//", "==", "!=", "<=", ">=", "->", "+=", "-=", "*=", "/=", "%=",
                                           "&=", "|=", "^=", ":=", "<<", ">>", "@="};
        int32_t w = 0;
        for (size_t k = 0; !w && k < sizeof OPS3 / sizeof OPS3[0]; k++)
            if (i + 3 <= lx->len && !memcmp(s + i, OPS3[k], 3)) w = 3;
        for (size_t k = 0; !w && k < sizeof OPS2 / sizeof OPS2[0]; k++)
            if (i + 2 <= lx->len && !memcmp(s + i, OPS2[k], 2)) w = 2;
        if (!w) {
            if (!strchr("+-*/%@&|^~<>()[]{},:;.=!", c))
                return lex_fail(err, path, line, t.col, "invalid character '%c' (U+%04X)", c >= 0x20 && c < 0x7f ? c : '?', c);
            w = 1;
            if (c == '(' || c == '[' || c == '{') {
                if (depth >= PY_MAX_NEST) return lex_fail(err, path, line, t.col, "too many nested parentheses");
                stack[depth++] = (char)c;
            } else if (c == ')' || c == ']' || c == '}') {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (depth == 0) return lex_fail(err, path, line, t.col, "unmatched '%c'", c);
                if (stack[depth - 1] != open)
                    return lex_fail(err, path, line, t.col, "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                                    stack[depth - 1]);
                depth--;
            }
        }
        t.kind = PT_OP; t.end = i + w; i += w;
        if (!push_tok(lx, t)) goto nomem;
    }
    if (depth > 0) return lex_fail(err, path, line, 1, "'%c' was never closed", stack[depth - 1]);
    if (in_line) { cur.n = lx->nt - cur.first; if (!push_line(lx, cur)) goto nomem; }
    return CNNC_OK;
nomem:
    return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading %s", path);
}
