/* lex.c — the one Python tokenizer (lex.h). Linear in the text: columns are
 * counted incrementally, indentation is a stack, brackets are a stack. */
#include "py/lex.h"

#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/vec.h"

#define LINE_MAX_CHARS 65536 /* longer lines are refused: no model needs them */
#define MAX_NEST 200         /* Python's own bracket-nesting limit */
#define MAX_INDENT 100       /* Python's limit on indentation levels */

static const char *const OP_TEXT[PY_OP_COUNT] = {
    "", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "...", "->", ":=",
    "=", "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=",
    "+", "-", "*", "/", "//", "%", "@", "**", "<<", ">>", "&", "|", "^", "~",
    "<", ">", "<=", ">=", "==", "!=", "!",
};

static const char *const KW_TEXT[PY_KW_COUNT] = {
    "", "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

const char *py_op_text(py_op op) { return op < PY_OP_COUNT ? OP_TEXT[op] : ""; }
const char *py_kw_text(py_kw kw) { return kw < PY_KW_COUNT ? KW_TEXT[kw] : ""; }

typedef struct lexer {
    py_lexed *out;
    int32_t cap;
    const char *s;
    int32_t n;
    int32_t i, line, ls;          /* position, line number, byte offset of the line's start */
    int32_t cc_at, cc_col;        /* col_of's cache on the current line */
    int32_t brackets[MAX_NEST];   /* token index of each open bracket */
    int depth;
    int32_t indents[MAX_INDENT + 1], alt[MAX_INDENT + 1];
    int n_indents;
    cnnc_error *err;
} lexer;

static int is_name_start(unsigned char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_name_char(unsigned char c) { return is_name_start(c) || is_digit(c); }

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

static uint32_t utf8_cp(const unsigned char *u, int k) {
    return k == 1 ? u[0]
         : k == 2 ? ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu)
         : k == 3 ? ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu)
                  : ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu);
}

/* Letters of the scripts people name variables in: Python takes them in
 * identifiers (XID_Start/XID_Continue); symbols and punctuation it refuses. */
static int is_unicode_letter(uint32_t cp) {
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x3FF && cp != 0x37E) ||
           (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF);
}

/* Whether s[0, n) is ASCII without a null byte: such a line needs no
 * per-character look. */
static int plain_ascii(const unsigned char *s, int32_t n) {
    unsigned acc = 0, zero = 1;
    for (int32_t k = 0; k < n; k++) {
        acc |= s[k];
        zero &= s[k] != 0;
    }
    return acc < 0x80 && zero;
}

/* PEP 263's encoding declaration on line 1, or on line 2 after a comment or blank line:
 * `# -*- coding: latin-1 -*-`. Returns its name's length (0: none) into name[cap]. */
static int32_t declared_encoding(const char *s, int32_t len, char *name, int32_t cap) {
    int32_t i = 0;
    for (int line = 1; line <= 2 && i < len; line++) {
        int32_t end = i;
        while (end < len && s[end] != '\n') end++;
        int32_t p = i;
        while (p < end && (s[p] == ' ' || s[p] == '\t' || s[p] == '\f')) p++;
        if (p < end && s[p] == '#') {
            for (int32_t q = p; q + 6 < end; q++) {
                if (memcmp(s + q, "coding", 6) || (s[q + 6] != ':' && s[q + 6] != '=')) continue;
                int32_t b = q + 7, n = 0;
                while (b < end && (s[b] == ' ' || s[b] == '\t')) b++;
                while (b + n < end && n + 1 < cap && (isalnum((unsigned char)s[b + n]) || strchr("-_.", s[b + n]))) {
                    name[n] = (char)tolower((unsigned char)s[b + n]) == '_' ? '-' : (char)tolower((unsigned char)s[b + n]);
                    n++;
                }
                name[n] = '\0';
                return n;
            }
        } else if (p < end) {
            return 0;   /* code on line 1: line 2 is not read for a declaration */
        }
        i = end + 1;
    }
    return 0;
}

/* ASCII-compatible encodings whose bytes the tokenizer may take as they are: comments and
 * strings are all such files put outside ASCII. */
static int ascii_compatible_encoding(const char *e) {
    static const char *const names[] = {"latin-1", "latin1", "l1", "iso-8859-1", "iso8859-1", "iso-8859-15", "latin-9",
                                        "cp1252", "windows-1252", "cp1251", "windows-1251", "koi8-r", "gb2312", "gbk",
                                        "cp936", "gb18030", "euc-jp", "euc-kr", "cp949", "euc-cn", "iso-8859-2", "cp1250"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (!strcmp(e, names[k])) return 1;
    return 0;
}

/* The lexical state the tokenizer is in at a byte, enough to tell a comment: code, a
 * comment (to the line's end), a one-line string, or a triple-quoted one. Advanced
 * from `at` to `to` (both in s[0..len)). */
typedef struct text_state { int32_t at; int kind; char quote; } text_state;
enum { TS_CODE = 0, TS_COMMENT, TS_STRING, TS_TRIPLE };

static void advance_state(const char *s, int32_t len, int32_t to, text_state *st) {
    for (int32_t i = st->at; i < to; i++) {
        const char c = s[i];
        switch (st->kind) {
        case TS_CODE:
            if (c == '#') st->kind = TS_COMMENT;
            else if (c == '\'' || c == '"') {
                if (i + 2 < len && s[i + 1] == c && s[i + 2] == c) { st->kind = TS_TRIPLE; i += 2; }
                else st->kind = TS_STRING;
                st->quote = c;
            }
            break;
        case TS_COMMENT:
            if (c == '\n') st->kind = TS_CODE;
            break;
        case TS_STRING:
            if (c == '\\') i++;
            else if (c == st->quote || c == '\n') st->kind = TS_CODE;
            break;
        default:   /* TS_TRIPLE */
            if (c == '\\') i++;
            else if (c == st->quote && i + 2 < len && s[i + 1] == c && s[i + 2] == c) { st->kind = TS_CODE; i += 2; }
            break;
        }
    }
    st->at = to > st->at ? to : st->at;
}

/* Refuse what Python refuses before tokenising (NUL bytes, bad UTF-8), plus
 * absurdly long lines, so the tokenizer only ever sees clean text. A file that
 * declares an ASCII-compatible encoding other than UTF-8 is read byte by byte. */
static cnnc_status check_text(const char *src, int32_t len, const char *path, cnnc_error *err) {
    char enc[48];
    int opaque = 0;
    text_state state = {0, TS_CODE, 0};
    if (declared_encoding(src, len, enc, (int32_t)sizeof enc) > 0 && strcmp(enc, "utf-8") && strcmp(enc, "utf8") &&
        strncmp(enc, "utf-8-", 6)) {
        if (!ascii_compatible_encoding(enc)) {
            cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                           "cnnc reads sources in UTF-8 and ASCII-compatible encodings such as latin-1 and gbk, not %s", enc);
            if (err) { err->line = 1; err->col = 1; }
            return CNNC_ERR_UNSUPPORTED;
        }
        opaque = 1;
    }
    const unsigned char *s = (const unsigned char *)src;
    int32_t line = 1, col = 1;
    for (int32_t i = 0; i < len;) {
        /* a whole line at once when it is short plain ASCII (its bytes are its characters) */
        if (col == 1) {
            const unsigned char *nl = (const unsigned char *)memchr(s + i, '\n', (size_t)(len - i));
            int32_t end = nl ? (int32_t)(nl - s) : len;
            if (end - i <= LINE_MAX_CHARS && plain_ascii(s + i, end - i)) {
                if (!nl) break;
                line++;
                i = end + 1;
                continue;
            }
        }
        unsigned char c = s[i];
        if (c == 0) {
            cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "source code cannot contain null bytes");
            if (err) { err->line = line; err->col = col; }
            return CNNC_ERR_PARSE;
        }
        if (c == '\n') { line++; col = 1; i++; continue; }
        int n = c < 0x80 || opaque ? 1 : utf8_len(s + i, len - i);
        if (n == 0) {
            /* importing a module does not decode its comments: a byte there passes, as in
             * the `import model` that runs it (python3 model.py would refuse it) */
            advance_state(src, len, i, &state);
            if (state.kind == TS_COMMENT) {
                i++;
                col++;
                continue;
            }
            cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError",
                           "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see "
                           "https://peps.python.org/pep-0263/ for details",
                           c, path, (int)line);
            if (err) { err->line = line; err->col = col; }
            return CNNC_ERR_PARSE;
        }
        i += n;
        col++;
        if (col - 1 > LINE_MAX_CHARS) {
            cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "line %d is longer than %d characters (cnnc's limit for model files)",
                           (int)line, LINE_MAX_CHARS);
            if (err) { err->line = line; err->col = 1; }
            return CNNC_ERR_PARSE;
        }
    }
    return CNNC_OK;
}

static py_token *push(lexer *L, py_tok_kind kind, int32_t begin, int32_t end, int32_t line, int32_t col) {
    py_lexed *o = L->out;
    py_token *t = CNNC_VEC_PUSH(o->t, o->n, L->cap);
    if (!t) return NULL;
    t->kind = (uint8_t)kind;
    t->begin = begin;
    t->end = end;
    t->line = line;
    t->col = col;
    return t;
}

/* Column (1-based, in characters) of byte offset `at` on the current line;
 * continues from the previous answer, so a long line costs linear time. */
static int32_t col_of(lexer *L, int32_t at) {
    int32_t k = L->ls, col = 1;
    if (L->cc_at >= L->ls && L->cc_at <= at) { k = L->cc_at; col = L->cc_col; }
    for (; k < at; k++)
        if (((unsigned char)L->s[k] & 0xC0) != 0x80) col++;
    L->cc_at = at;
    L->cc_col = col;
    return col;
}

static void new_line(lexer *L, int32_t start) {
    L->line++;
    L->ls = start;
    L->cc_at = start;
    L->cc_col = 1;
}

/* End the stream with Python's error (a PY_T_ERROR token). Returns 1, or -1 on no memory. */
static int lex_error(lexer *L, int32_t line, int32_t col, int32_t at, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
static int lex_error(lexer *L, int32_t line, int32_t col, int32_t at, const char *type, const char *fmt, ...) {
    py_lexed *o = L->out;
    snprintf(o->err_type, sizeof o->err_type, "%s", type);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->err_message, sizeof o->err_message, fmt, ap);
    va_end(ap);
    o->err_line = line;
    o->err_col = col;
    return push(L, PY_T_ERROR, at, at, line, col) ? 1 : -1;
}

/* Keywords and one-character operators by table, made once: names are a
 * third of the tokens, and a keyword is one probe. KW_BY_HASH is 0 (binary
 * search instead) if the keywords ever collide under kw_hash. */
static uint8_t KW_BY_HASH[128];
static uint8_t KW_LEN[PY_KW_COUNT];
static uint8_t OP_BY_CHAR[128];
static uint8_t NAME_CHAR[256];    /* ASCII letters, digits and '_' */
static uint8_t STRING_STOP[256];  /* what a string's scan must look at: \\, newline, quotes */
static int kw_hash_ok;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static unsigned kw_hash(const char *s, int32_t n) {
    return ((unsigned char)s[0] + 7u * (unsigned char)s[1] + 16u * (unsigned char)s[n - 1] + (unsigned)n) & 127u;
}

static void tables_init(void) {
    kw_hash_ok = 1;
    for (int k = 1; k < PY_KW_COUNT; k++) {
        KW_LEN[k] = (uint8_t)strlen(KW_TEXT[k]);
        unsigned h = kw_hash(KW_TEXT[k], KW_LEN[k]);
        if (KW_BY_HASH[h]) kw_hash_ok = 0;
        KW_BY_HASH[h] = (uint8_t)k;
    }
    for (int k = 1; k < PY_OP_COUNT; k++)
        if (OP_TEXT[k][1] == '\0' && (unsigned char)OP_TEXT[k][0] < 128) OP_BY_CHAR[(unsigned char)OP_TEXT[k][0]] = (uint8_t)k;
    for (int c = 0; c < 256; c++) NAME_CHAR[c] = (uint8_t)is_name_char((unsigned char)c);
    STRING_STOP['\\'] = STRING_STOP['\n'] = STRING_STOP['\''] = STRING_STOP['"'] = 1;
}

static py_kw keyword_of(const char *s, int32_t n) {
    if (n < 2 || n > 8) return PY_KW_NONE_;
    if (kw_hash_ok) {
        int k = KW_BY_HASH[kw_hash(s, n)];
        return k && KW_LEN[k] == n && memcmp(KW_TEXT[k], s, (size_t)n) == 0 ? (py_kw)k : PY_KW_NONE_;
    }
    /* KW_TEXT[1..] is in byte order: a binary search */
    int lo = 1, hi = PY_KW_COUNT - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strncmp(KW_TEXT[mid], s, (size_t)n);
        if (c == 0) c = KW_TEXT[mid][n] != '\0';   /* a longer keyword sorts after */
        if (c == 0) return (py_kw)mid;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return PY_KW_NONE_;
}

/* Digits of base `base` with single underscores between them; returns the end. */
static int32_t scan_digits(const char *s, int32_t i, int32_t n, int base, int *bad_underscore) {
    int last_us = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int ok = base == 16 ? (is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
               : base == 8 ? (c >= '0' && c <= '7') : base == 2 ? (c == '0' || c == '1') : is_digit(c);
        if (c == '_') {
            if (last_us) *bad_underscore = 1;
            last_us = 1;
            i++;
            continue;
        }
        if (!ok) break;
        last_us = 0;
        i++;
    }
    if (last_us) *bad_underscore = 1;
    return i;
}

/* A number at L->i. Returns 0, 1 (error token pushed) or -1 (no memory). */
static int lex_number(lexer *L, int32_t col) {
    const char *s = L->s;
    int32_t i = L->i, start = i, n = L->n;
    int bad_us = 0, is_float = 0, imag = 0, base = 10;
    if (s[i] == '0' && i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X' || s[i + 1] == 'o' || s[i + 1] == 'O' ||
                                     s[i + 1] == 'b' || s[i + 1] == 'B')) {
        char p = (char)(s[i + 1] | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        i += 2;
        if (i < n && s[i] == '_') i++;
        int32_t d = scan_digits(s, i, n, base, &bad_us);
        const char *what = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        if (d == i || bad_us || (d < n && (is_name_char((unsigned char)s[d]))))
            return lex_error(L, L->line, col_of(L, d < n && d > i ? d : i), start, "SyntaxError", "invalid %s literal", what);
        i = d;
    } else {
        i = scan_digits(s, i, n, 10, &bad_us);
        if (i < n && s[i] == '.') {
            is_float = 1;
            i++;
            if (i < n && is_digit((unsigned char)s[i])) i = scan_digits(s, i, n, 10, &bad_us);
        }
        if (i < n && (s[i] == 'e' || s[i] == 'E')) {
            int32_t j = i + 1;
            if (j < n && (s[j] == '+' || s[j] == '-')) j++;
            if (j < n && is_digit((unsigned char)s[j])) {
                is_float = 1;
                i = scan_digits(s, j, n, 10, &bad_us);
            }
        }
        if (i < n && (s[i] == 'j' || s[i] == 'J')) { imag = 1; i++; }
        if (bad_us || (i < n && is_name_char((unsigned char)s[i])))
            return lex_error(L, L->line, col_of(L, bad_us ? i : i), start, "SyntaxError", "invalid decimal literal") < 0 ? -1 : 1;
    }
    py_token *t = push(L, PY_T_NUMBER, start, i, L->line, col);
    if (!t) return -1;
    char buf[128];
    int32_t len = 0;
    for (int32_t k = start; k < i && len < (int32_t)sizeof buf - 1; k++)
        if (s[k] != '_') buf[len++] = s[k];
    buf[len] = '\0';
    if (imag) {
        t->flags = PY_NUM_IMAG;
        t->v.f = strtod(buf, NULL);
    } else if (is_float) {
        t->flags = PY_NUM_FLOAT;
        t->v.f = strtod(buf, NULL);
    } else {
        if (base == 10 && len > 1 && buf[0] == '0') {
            for (int32_t k = 0; k < len; k++)
                if (buf[k] != '0') {
                    L->out->n--;  /* drop the number token: the error replaces it */
                    return lex_error(L, L->line, col, start, "SyntaxError",
                                     "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                                     "for octal integers") < 0 ? -1 : 1;
                }
        }
        uint64_t v = 0;
        int big = i - start >= (int32_t)sizeof buf - 1;
        for (int32_t k = base == 10 ? 0 : 2; k < len && !big; k++) {
            unsigned c = (unsigned char)buf[k], d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            if (v > (UINT64_MAX - d) / (unsigned)base) big = 1;
            else v = v * (unsigned)base + d;
        }
        if (v > (uint64_t)INT64_MAX) big = 1;
        if (big) t->flags = PY_NUM_BIG;
        t->v.i = (int64_t)v;
    }
    L->i = i;
    return 0;
}

/* A string (with its prefix of `plen` bytes) at L->i. 0, 1 (error pushed) or -1. */
static int lex_string(lexer *L, int32_t plen, unsigned flags, int32_t col) {
    const char *s = L->s;
    int32_t n = L->n, i = L->i + plen;
    char q = s[i];
    int triple = i + 2 < n && s[i + 1] == q && s[i + 2] == q;
    int32_t j = i + (triple ? 3 : 1), sline = L->line, sls = L->ls;
    int32_t scol = col;
    int closed = 0;
    while (j < n) {
        if (!STRING_STOP[(unsigned char)s[j]]) { j++; continue; }
        if (s[j] == '\\' && j + 1 < n) {
            if (s[j + 1] == '\n') new_line(L, j + 2);
            j += 2;
            continue;
        }
        if (s[j] == '\n') {
            if (!triple) break;
            new_line(L, j + 1);
        }
        if (s[j] == q && (!triple || (j + 2 < n && s[j + 1] == q && s[j + 2] == q))) {
            j += triple ? 3 : 1;
            closed = 1;
            break;
        }
        j++;
    }
    if (!closed) {
        (void)sls;
        if (triple)
            return lex_error(L, sline, scol, L->i, "SyntaxError",
                             "unterminated triple-quoted string literal (detected at line %d)", (int)L->line) < 0 ? -1 : 1;
        return lex_error(L, sline, scol, L->i, "SyntaxError", "unterminated string literal (detected at line %d)",
                         (int)L->line) < 0 ? -1 : 1;
    }
    py_token *t = push(L, PY_T_STRING, L->i, j, sline, scol);
    if (!t) return -1;
    t->flags = (uint8_t)(flags | (triple ? PY_STR_TRIPLE : 0));
    t->quote = plen + (triple ? 3 : 1);
    L->i = j;
    return 0;
}

/* The prefix of a string literal at i (r, b, u, f, combinations): its length
 * and flags, or 0 when no string starts here. */
static int32_t string_prefix(const char *s, int32_t i, int32_t n, unsigned *flags) {
    int32_t k = 0;
    unsigned f = 0;
    while (k < 2 && i + k < n) {
        char c = (char)(s[i + k] | 0x20);
        if (c == 'r' && !(f & PY_STR_RAW)) f |= PY_STR_RAW;
        else if (c == 'b' && !(f & (PY_STR_BYTES | PY_STR_F))) f |= PY_STR_BYTES;
        else if (c == 'f' && !(f & (PY_STR_BYTES | PY_STR_F))) f |= PY_STR_F;
        else if (c == 'u' && k == 0 && i + 1 < n && (s[i + 1] == '\'' || s[i + 1] == '"')) { k++; break; }
        else break;
        k++;
    }
    if (i + k < n && (s[i + k] == '\'' || s[i + k] == '"')) { *flags = f; return k; }
    return -1;
}

static py_op op_at(const char *s, int32_t i, int32_t n, int32_t *len) {
    /* longest match first */
    static const py_op three[] = {PY_OP_ELLIPSIS, PY_OP_DSLASH_EQ, PY_OP_RSHIFT_EQ, PY_OP_LSHIFT_EQ, PY_OP_DSTAR_EQ};
    static const py_op two[] = {PY_OP_ARROW, PY_OP_WALRUS, PY_OP_PLUS_EQ, PY_OP_MINUS_EQ, PY_OP_STAR_EQ, PY_OP_SLASH_EQ,
                                PY_OP_PERCENT_EQ, PY_OP_AT_EQ, PY_OP_AMP_EQ, PY_OP_PIPE_EQ, PY_OP_CARET_EQ, PY_OP_DSLASH,
                                PY_OP_DSTAR, PY_OP_LSHIFT, PY_OP_RSHIFT, PY_OP_LE, PY_OP_GE, PY_OP_EQ, PY_OP_NE};
    /* every two- and three-character operator ends its second character in one of these */
    const char c2 = i + 1 < n ? s[i + 1] : '\0';
    int longer = c2 == '=' || c2 == '>' || c2 == '*' || c2 == '/' || c2 == '<' || c2 == '.';
    for (size_t k = 0; longer && k < sizeof three / sizeof three[0]; k++)
        if (i + 3 <= n && memcmp(s + i, OP_TEXT[three[k]], 3) == 0) { *len = 3; return three[k]; }
    for (size_t k = 0; longer && k < sizeof two / sizeof two[0]; k++)
        if (i + 2 <= n && memcmp(s + i, OP_TEXT[two[k]], 2) == 0) { *len = 2; return two[k]; }
    unsigned char c = (unsigned char)s[i];
    if (c < 128 && OP_BY_CHAR[c]) { *len = 1; return (py_op)OP_BY_CHAR[c]; }
    return PY_OP_NONE;
}

/* The indentation at the start of a line: Python's column (tabs to multiples
 * of 8) and its alternative (tabs as 1) for the TabError check. */
static int32_t measure_indent(lexer *L, int32_t *alt, int32_t *end) {
    int32_t col = 0, a = 0, i = L->i;
    for (; i < L->n; i++) {
        char c = L->s[i];
        if (c == ' ') { col++; a++; }
        else if (c == '\t') { col = (col / 8 + 1) * 8; a++; }
        else if (c == '\f') { col = a = 0; }
        else break;
    }
    *alt = a;
    *end = i;
    return col;
}

/* Returns 0, 1 (error token pushed: stop) or -1 (no memory). */
static int at_line_start(lexer *L) {
    int32_t alt, end;
    int32_t col = measure_indent(L, &alt, &end);
    /* blank lines and comment-only lines do not count */
    if (end >= L->n) { L->i = end; return 0; }
    char c = L->s[end];
    if (c == '\n' || c == '#' || c == '\r' || (c == '\\' && end + 1 < L->n && L->s[end + 1] == '\n')) {
        L->i = end;
        return 0;
    }
    int32_t top = L->indents[L->n_indents - 1], top_alt = L->alt[L->n_indents - 1];
    int32_t at_col = col_of(L, end);
    if (col == top) {
        if (alt != top_alt) return lex_error(L, L->line, 1, end, "TabError", "inconsistent use of tabs and spaces in indentation");
    } else if (col > top) {
        if (alt <= top_alt) return lex_error(L, L->line, 1, end, "TabError", "inconsistent use of tabs and spaces in indentation");
        if (L->n_indents > MAX_INDENT)
            return lex_error(L, L->line, at_col, end, "IndentationError", "too many levels of indentation");
        L->indents[L->n_indents] = col;
        L->alt[L->n_indents] = alt;
        L->n_indents++;
        if (!push(L, PY_T_INDENT, end, end, L->line, at_col)) return -1;
    } else {
        while (L->n_indents > 1 && col < L->indents[L->n_indents - 1]) {
            L->n_indents--;
            if (!push(L, PY_T_DEDENT, end, end, L->line, at_col)) return -1;
        }
        if (col != L->indents[L->n_indents - 1]) {
            int32_t eol = end;
            while (eol < L->n && L->s[eol] != '\n') eol++;
            return lex_error(L, L->line, col_of(L, eol) , end, "IndentationError",
                             "unindent does not match any outer indentation level");
        }
        if (alt != L->alt[L->n_indents - 1])
            return lex_error(L, L->line, 1, end, "TabError", "inconsistent use of tabs and spaces in indentation");
    }
    L->i = end;
    return 0;
}

static int tokenize(lexer *L) {
    const char *s = L->s;
    int32_t n = L->n;
    int line_start = 1, r;
    int last_significant = 0;   /* a token on the current logical line */
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        L->i = L->ls = L->cc_at = 3; /* UTF-8 byte-order mark, as Python accepts */
    while (L->i < n) {
        if (line_start && L->depth == 0) {
            line_start = 0;
            if ((r = at_line_start(L))) return r;
            if (L->i >= n) break;
        }
        int32_t i = L->i;
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { L->i++; continue; }
        if (c == '#') {
            const char *nl = (const char *)memchr(s + L->i, '\n', (size_t)(n - L->i));
            L->i = nl ? (int32_t)(nl - s) : n;
            continue;
        }
        if (c == '\n') {
            if (L->depth == 0 && last_significant) {
                if (!push(L, PY_T_NEWLINE, i, i + 1, L->line, col_of(L, i))) return -1;
                last_significant = 0;
            }
            L->i++;
            new_line(L, L->i);
            if (L->depth == 0) line_start = 1;
            continue;
        }
        int32_t col = col_of(L, i);
        if (c == '\\') {
            if (i + 1 < n && s[i + 1] == '\n') { L->i += 2; new_line(L, L->i); continue; }
            if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') { L->i += 3; new_line(L, L->i); continue; }
            return lex_error(L, L->line, col + 1, i, "SyntaxError", "unexpected character after line continuation character");
        }
        unsigned char uc = (unsigned char)c;
        unsigned sflags = 0;
        int32_t plen = is_name_start(uc) || c == '\'' || c == '"' ? string_prefix(s, i, n, &sflags) : -1;
        last_significant = 1;
        if (plen >= 0) {
            if ((r = lex_string(L, plen, sflags, col))) return r;
        } else if (is_name_start(uc) || uc >= 0x80) {
            int32_t j = i;
            while (j < n) {
                unsigned char d = (unsigned char)s[j];
                if (NAME_CHAR[d]) { j++; continue; }
                if (d >= 0x80) {
                    int k = utf8_len((const unsigned char *)s + j, n - j);
                    /* not UTF-8: only a file declaring another encoding gets here (check_text) */
                    if (k == 0)
                        return lex_error(L, L->line, col_of(L, j), j, "NotImplementedError",
                                         "cnnc cannot read a name with the byte 0x%02X: it reads names outside ASCII "
                                         "only in UTF-8 files",
                                         d);
                    uint32_t cp = utf8_cp((const unsigned char *)s + j, k);
                    if (is_unicode_letter(cp)) { j += k; continue; }
                    if (j == i)
                        return lex_error(L, L->line, col, i, "SyntaxError", "invalid character '%.*s' (U+%04X)", k, s + i,
                                         (unsigned)cp);
                }
                break;
            }
            py_token *t = push(L, PY_T_NAME, i, j, L->line, col);
            if (!t) return -1;
            t->kw = (uint8_t)keyword_of(s + i, j - i);
            L->i = j;
        } else if (is_digit(uc) || (c == '.' && i + 1 < n && is_digit((unsigned char)s[i + 1]))) {
            if ((r = lex_number(L, col))) return r;
        } else {
            int32_t len = 0;
            py_op op = op_at(s, i, n, &len);
            if (op == PY_OP_NONE || op == PY_OP_BANG)
                return lex_error(L, L->line, col, i, "SyntaxError", "invalid syntax");
            if (op == PY_OP_LPAR || op == PY_OP_LSQB || op == PY_OP_LBRACE) {
                if (L->depth >= MAX_NEST) return lex_error(L, L->line, col, i, "SyntaxError", "too many nested parentheses");
                L->brackets[L->depth++] = L->out->n;
            } else if (op == PY_OP_RPAR || op == PY_OP_RSQB || op == PY_OP_RBRACE) {
                if (L->depth == 0) return lex_error(L, L->line, col, i, "SyntaxError", "unmatched '%c'", c);
                const py_token *o = &L->out->t[L->brackets[L->depth - 1]];
                char oc = s[o->begin];
                if ((oc == '(' && c != ')') || (oc == '[' && c != ']') || (oc == '{' && c != '}')) {
                    if (o->line != L->line)
                        return lex_error(L, L->line, col, i, "SyntaxError",
                                         "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c,
                                         oc, (int)o->line);
                    return lex_error(L, L->line, col, i, "SyntaxError",
                                     "closing parenthesis '%c' does not match opening parenthesis '%c'", c, oc);
                }
                L->depth--;
            }
            py_token *t = push(L, PY_T_OP, i, i + len, L->line, col);
            if (!t) return -1;
            t->op = (uint8_t)op;
            L->i = i + len;
        }
    }
    if (L->depth > 0) {
        const py_token *o = &L->out->t[L->brackets[L->depth - 1]];
        return lex_error(L, o->line, o->col, o->begin, "SyntaxError", "'%c' was never closed", s[o->begin]);
    }
    int32_t ecol = col_of(L, n);
    if (last_significant && !push(L, PY_T_NEWLINE, n, n, L->line, ecol)) return -1;
    for (; L->n_indents > 1; L->n_indents--)
        if (!push(L, PY_T_DEDENT, n, n, L->line + 1, 1)) return -1;
    return push(L, PY_T_EOF, n, n, last_significant ? L->line + (n > 0 && s[n - 1] == '\n' ? 0 : 0) : L->line, ecol) ? 0 : -1;
}

cnnc_status py_lex(py_lexed *lx, const char *src, size_t len, const char *path, cnnc_error *err) {
    memset(lx, 0, sizeof *lx);
    if (len > (size_t)INT32_MAX / 2) {
        cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "source is too large (%zu bytes)", len);
        return CNNC_ERR_PARSE;
    }
    lx->src = src;
    lx->len = (int32_t)len;
    cnnc_status st = check_text(src, (int32_t)len, path ? path : "<string>", err);
    if (st != CNNC_OK) return st;
    lexer L;
    memset(&L, 0, sizeof L);
    (void)pthread_once(&tables_once, tables_init);   /* cannot fail with a valid once control */
    L.out = lx;
    L.s = src;
    L.n = (int32_t)len;
    L.line = 1;
    L.n_indents = 1;
    L.err = err;
    if (tokenize(&L) < 0) {
        py_lex_free(lx);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading %s", path ? path : "<string>");
    }
    return CNNC_OK;
}

void py_lex_free(py_lexed *lx) {
    free(lx->t);
    lx->t = NULL;
    lx->n = 0;
}

void py_lex_pos(const py_lexed *lx, int32_t at, int32_t *line, int32_t *col) {
    int32_t l = 1, c = 1;
    for (int32_t k = 0; k < at && k < lx->len; k++) {
        if (lx->src[k] == '\n') { l++; c = 1; }
        else if (((unsigned char)lx->src[k] & 0xC0) != 0x80) c++;
    }
    *line = l;
    *col = c;
}

void py_universal_newlines(char *text, size_t len) {
    char *end = text + len;
    for (char *p = text; (p = (char *)memchr(p, '\r', (size_t)(end - p))) != NULL; p++)
        if (p + 1 == end || p[1] != '\n') *p = '\n';
}
