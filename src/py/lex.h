/* lex.h — the one Python tokenizer, for model files and Python sources alike.
 * Python 3.11's tokens (NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT,
 * ENDMARKER) and its tokenizer errors, word for word, at Python's position. A
 * tokenizer error ends the stream with a PY_T_ERROR token that the parser
 * reports when it reaches it, as Python does. */
#ifndef CNNC_PY_LEX_H
#define CNNC_PY_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "cnnc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum py_tok_kind {
    PY_T_EOF = 0, PY_T_NEWLINE, PY_T_INDENT, PY_T_DEDENT, PY_T_NAME, PY_T_NUMBER, PY_T_STRING, PY_T_OP, PY_T_ERROR
} py_tok_kind;

/* Operators and delimiters (PY_T_OP), and keywords (PY_T_NAME with kw != 0). */
typedef enum py_op {
    PY_OP_NONE = 0,
    PY_OP_LPAR, PY_OP_RPAR, PY_OP_LSQB, PY_OP_RSQB, PY_OP_LBRACE, PY_OP_RBRACE,
    PY_OP_COMMA, PY_OP_COLON, PY_OP_SEMI, PY_OP_DOT, PY_OP_ELLIPSIS, PY_OP_ARROW, PY_OP_WALRUS,
    PY_OP_ASSIGN, PY_OP_PLUS_EQ, PY_OP_MINUS_EQ, PY_OP_STAR_EQ, PY_OP_SLASH_EQ, PY_OP_DSLASH_EQ,
    PY_OP_PERCENT_EQ, PY_OP_AT_EQ, PY_OP_AMP_EQ, PY_OP_PIPE_EQ, PY_OP_CARET_EQ, PY_OP_RSHIFT_EQ,
    PY_OP_LSHIFT_EQ, PY_OP_DSTAR_EQ,
    PY_OP_PLUS, PY_OP_MINUS, PY_OP_STAR, PY_OP_SLASH, PY_OP_DSLASH, PY_OP_PERCENT, PY_OP_AT, PY_OP_DSTAR,
    PY_OP_LSHIFT, PY_OP_RSHIFT, PY_OP_AMP, PY_OP_PIPE, PY_OP_CARET, PY_OP_TILDE,
    PY_OP_LT, PY_OP_GT, PY_OP_LE, PY_OP_GE, PY_OP_EQ, PY_OP_NE, PY_OP_BANG,
    PY_OP_COUNT
} py_op;

typedef enum py_kw {
    PY_KW_NONE_ = 0,
    PY_KW_FALSE, PY_KW_NONE, PY_KW_TRUE, PY_KW_AND, PY_KW_AS, PY_KW_ASSERT, PY_KW_ASYNC, PY_KW_AWAIT,
    PY_KW_BREAK, PY_KW_CLASS, PY_KW_CONTINUE, PY_KW_DEF, PY_KW_DEL, PY_KW_ELIF, PY_KW_ELSE, PY_KW_EXCEPT,
    PY_KW_FINALLY, PY_KW_FOR, PY_KW_FROM, PY_KW_GLOBAL, PY_KW_IF, PY_KW_IMPORT, PY_KW_IN, PY_KW_IS,
    PY_KW_LAMBDA, PY_KW_NONLOCAL, PY_KW_NOT, PY_KW_OR, PY_KW_PASS, PY_KW_RAISE, PY_KW_RETURN, PY_KW_TRY,
    PY_KW_WHILE, PY_KW_WITH, PY_KW_YIELD,
    PY_KW_COUNT
} py_kw;

/* String token flags. */
#define PY_STR_BYTES  0x1u
#define PY_STR_RAW    0x2u
#define PY_STR_F      0x4u
#define PY_STR_TRIPLE 0x8u

typedef struct py_token {
    uint8_t kind;          /* py_tok_kind */
    uint8_t op;            /* py_op (PY_T_OP) */
    uint8_t kw;            /* py_kw (PY_T_NAME that is a keyword) */
    uint8_t flags;         /* PY_T_STRING: PY_STR_*; PY_T_NUMBER: 1 float, 2 imaginary, 4 int too big for int64 */
    int32_t begin, end;    /* byte offsets into the text */
    int32_t line, col;     /* 1-based; col counts characters */
    int32_t quote;         /* PY_T_STRING: bytes of prefix + opening quotes */
    union { int64_t i; double f; } v;
} py_token;

#define PY_NUM_FLOAT 1u
#define PY_NUM_IMAG  2u
#define PY_NUM_BIG   4u

typedef struct py_lexed {
    const char *src;
    int32_t len;
    py_token *t;           /* ends with PY_T_EOF or PY_T_ERROR */
    int32_t n;
    /* The tokenizer's error, for the PY_T_ERROR token. */
    char err_type[32];
    char err_message[256];
    int32_t err_line, err_col;
} py_lexed;

/* Tokenize. path names the file in Python's non-UTF-8 message. Fails only on
 * memory (CNNC_ERR_NOMEM); Python's errors become a PY_T_ERROR token. Text
 * checks Python makes before tokenizing (NUL bytes, bad UTF-8, overlong
 * lines) come back as CNNC_ERR_PARSE with err set. */
cnnc_status py_lex(py_lexed *lx, const char *src, size_t len, const char *path, cnnc_error *err);

/* Python reads source with universal newlines: a lone "\r" ends a line as "\n"
 * does. Rewrites each lone "\r" of text[0..len) to "\n" in place (same length, so
 * offsets and spans stay valid; "\r\n" is left for the lexer). */
void py_universal_newlines(char *text, size_t len);
void py_lex_free(py_lexed *lx);

/* Source line/col (1-based, characters) of a byte offset (slow: for messages). */
void py_lex_pos(const py_lexed *lx, int32_t at, int32_t *line, int32_t *col);

/* "Python's name of the operator": "+=", "(" ... */
const char *py_op_text(py_op op);
const char *py_kw_text(py_kw kw);

#ifdef __cplusplus
}
#endif
#endif
