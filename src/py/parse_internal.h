/* parse_internal.h — the parser's state and the helpers shared by its files
 * (not public API): parse_support.c (errors, nodes, lists), parse_atom.c
 * (atoms, primaries, displays), parse_expr.c (operators up to expressions,
 * targets), parse_args.c (call arguments, comprehensions, parameters),
 * parse_scope.c (a function's locals) and parse.c (statements, the module). */
#ifndef CNNC_PY_PARSE_INTERNAL_H
#define CNNC_PY_PARSE_INTERNAL_H

#include "py/ast.h"

typedef struct parser {
    py_module *m;
    const py_token *t;
    int32_t pos, n;
    const char *src;
    cnnc_error *err;
    int failed;
    int depth;
    int in_brackets;       /* > 0 inside ( [ { : "Perhaps you forgot a comma?" applies */
    int fn_depth, loop_depth;
    int lexer_error;       /* the error being raised is the tokenizer's own (or a generic unexpected indent) */
} parser;

/* A growable node list in the arena. */
typedef struct nlist { py_node **v; int32_t n, cap; } nlist;

/* parse_support.c */
void *parser_fail_at(parser *p, cnnc_status st, int32_t line, int32_t col, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
void *parser_nomem(parser *p);
void *parser_syntax_error(parser *p, const py_token *t);
py_node *parser_node(parser *p, py_node_kind kind, const py_token *at);
void parser_span_from(py_node *n, const py_node *first, const parser *p);
int parser_nl_push(parser *p, nlist *l, py_node *x);
py_sym parser_sym_of(parser *p, const py_token *t);
int parser_enter(parser *p);
void parser_leave(parser *p);

/* parse_atom.c */
int parser_starts_atom(const py_token *t);
int parser_missing_comma(parser *p, const py_node *elem);
py_node *parser_paren(parser *p, const py_token *lpar);
py_node *parser_await_primary(parser *p);

/* parse_args.c */
py_node *parser_call_args(parser *p, py_node *fn, const py_token *lpar);
py_comp *parser_comprehension_clauses(parser *p, int32_t *n_out);
int parser_params(parser *p, int is_lambda, py_node *fn);

/* parse_expr.c */
py_node *parser_bitwise_or(parser *p);
py_node *parser_disjunction(parser *p);
py_node *parser_expression(parser *p);
py_node *parser_named_expression(parser *p);
py_node *parser_lambda_def(parser *p);
int parser_ends_list(const py_token *t);
py_node *parser_star_expressions(parser *p);
py_node *parser_star_targets_list(parser *p);
int parser_check_target(parser *p, const py_node *e, int aug, int del);

/* parse_scope.c */
void parser_find_scope(parser *p, py_node *fn);

/* ------------------------------------------------------------------ tokens */

static inline const py_token *peek(const parser *p) { return &p->t[p->pos]; }
static inline const py_token *peek_at(const parser *p, int k) {
    int32_t i = p->pos;
    for (int j = 0; j < k; j++)
        if (p->t[i].kind != PY_T_EOF && p->t[i].kind != PY_T_ERROR) i++;
    return &p->t[i];
}
static inline const py_token *advance(parser *p) {
    const py_token *t = &p->t[p->pos];
    if (t->kind != PY_T_EOF && t->kind != PY_T_ERROR) p->pos++;
    return t;
}
static inline int is_op(const py_token *t, py_op op) { return t->kind == PY_T_OP && t->op == op; }
static inline int is_kw(const py_token *t, py_kw kw) { return t->kind == PY_T_NAME && t->kw == kw; }
static inline int accept_op(parser *p, py_op op) {
    if (!is_op(peek(p), op)) return 0;
    advance(p);
    return 1;
}
static inline int accept_kw(parser *p, py_kw kw) {
    if (!is_kw(peek(p), kw)) return 0;
    advance(p);
    return 1;
}
static inline const py_token *expect_op(parser *p, py_op op) {
    const py_token *t = peek(p);
    if (!is_op(t, op)) return parser_syntax_error(p, t);
    return advance(p);
}
static inline int32_t prev_end(const parser *p) { return p->pos > 0 ? p->t[p->pos - 1].end : 0; }

#endif
