/* parse_internal.h — what the chain model-file reader's files share (not
 * public API): tokens, values, the layer classes and the reader's state;
 * parse.c (errors, statements, the file), parse_lex.c (text checks, the
 * tokenizer, token access), parse_expr.c (the expression evaluator) and
 * parse_layers.c (the layer classes and their construction). */
#ifndef CNNC_MODEL_PARSE_INTERNAL_H
#define CNNC_MODEL_PARSE_INTERNAL_H

#include "cnnc/model.h"
#include "model_internal.h"
#include "layers/layer_def.h"

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
/* A set of names (byte ranges of the text), so duplicate checks stay linear
 * on hostile files with a hundred thousand statements or keywords. */
typedef struct name_set { int32_t *slots; uint32_t cap, count; } name_set; /* slot: token index + 1 */

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

#define FAIL_TOK(p, t, type, ...) chain_fail_at((p), CNNC_ERR_PARSE, (t)->line, (t)->col, (type), __VA_ARGS__)
#define FAIL_VAL(p, v, type, ...) chain_fail_at((p), CNNC_ERR_PARSE, (v)->line, (v)->col, (type), __VA_ARGS__)

/* parse.c */
cnnc_status chain_fail_at(parser *p, cnnc_status st, int32_t line, int32_t col, const char *type,
                          const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* parse_lex.c */
cnnc_status chain_check_text(parser *p);
cnnc_status chain_tokenize(parser *p);
cnnc_status chain_syntax_error(parser *p, const token *t);
cnnc_status chain_expect(parser *p, const char *op);
int32_t chain_name_set_add(parser *p, name_set *set, int32_t ti);

/* parse_expr.c */
const char *chain_vname(const value *v);
int chain_is_intlike(vkind k);
void chain_repr_value(const parser *p, const value *v, char *buf, size_t cap);
int chain_starts_expr(const parser *p, const token *t);
cnnc_status chain_parse_expr(parser *p, value *out);

/* parse_layers.c */
const class_spec *chain_classes(void);
cnnc_status chain_parse_call(parser *p, int cls, const token *name_tok, int32_t span_begin, value *out);

/* ------------------------------------------------------------- token access */

static inline const token *peek(const parser *p) { return &p->toks[p->pos]; }
static inline const token *peek2(const parser *p) {
    return p->toks[p->pos].kind == T_EOF || p->toks[p->pos].kind == T_ERROR ? &p->toks[p->pos] : &p->toks[p->pos + 1];
}
static inline const token *advance(parser *p) {
    const token *t = &p->toks[p->pos];
    if (t->kind != T_EOF && t->kind != T_ERROR) p->pos++;
    return t;
}
static inline int tok_is(const parser *p, const token *t, const char *text) {
    size_t n = strlen(text);
    return (t->kind == T_OP || t->kind == T_NAME) && (size_t)(t->end - t->begin) == n &&
           memcmp(p->src + t->begin, text, n) == 0;
}
static inline int tok_len(const token *t) { return (int)(t->end - t->begin); }

#endif
