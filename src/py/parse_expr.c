/* parse_expr.c — the parser's operator levels, from ** up to conditional
 * expressions, lambdas, walrus and starred lists, and the checks that an
 * expression can be assigned to or deleted (Python's "cannot assign to"). */
#include "py/parse_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static py_node *factor(parser *p);

static py_node *power(parser *p) {
    py_node *a = parser_await_primary(p);
    if (!a) return NULL;
    if (is_op(peek(p), PY_OP_DSTAR)) {
        const py_token *op = advance(p);
        py_node *b = factor(p);
        if (!b) return NULL;
        py_node *n = parser_node(p, PY_E_BINOP, op);
        if (!n) return NULL;
        n->op = PY_OP_DSTAR;
        n->x.pos.line = op->line;
        n->x.pos.col = op->col;
        n->a = a;
        n->b = b;
        parser_span_from(n, a, p);
        return n;
    }
    return a;
}

static py_node *factor(parser *p) {
    const py_token *t = peek(p);
    if (is_op(t, PY_OP_PLUS) || is_op(t, PY_OP_MINUS) || is_op(t, PY_OP_TILDE)) {
        if (!parser_enter(p)) return NULL;
        advance(p);
        py_node *v = factor(p);
        parser_leave(p);
        if (!v) return NULL;
        py_node *n = parser_node(p, PY_E_UNARY, t);
        if (!n) return NULL;
        n->op = t->op;
        n->a = v;
        n->end = prev_end(p);
        return n;
    }
    return power(p);
}

typedef py_node *(*subparser)(parser *);

/* The binding level of a binary operator between unary factors, as Python's
 * grammar nests them (term over sum over shift over & over ^ over |); 0 when
 * the token is none of them. */
static int binary_level(const py_token *t) {
    if (t->kind != PY_T_OP) return 0;
    switch (t->op) {
    case PY_OP_STAR: case PY_OP_SLASH: case PY_OP_DSLASH: case PY_OP_PERCENT: case PY_OP_AT: return 6;
    case PY_OP_PLUS: case PY_OP_MINUS: return 5;
    case PY_OP_LSHIFT: case PY_OP_RSHIFT: return 4;
    case PY_OP_AMP: return 3;
    case PY_OP_CARET: return 2;
    case PY_OP_PIPE: return 1;
    default: return 0;
    }
}

/* Left-associative chains of the operators of level min and above after `a`,
 * by precedence climbing: one call per operator rather than one per grammar
 * level per operand (the same tree as the grammar's nesting). */
static py_node *binary_from(parser *p, py_node *a, int min) {
    for (;;) {
        const py_token *t = peek(p);
        const int level = binary_level(t);
        if (level == 0 || level < min) return a;
        advance(p);
        py_node *b = factor(p);
        if (!b) return NULL;
        while (binary_level(peek(p)) > level)
            if (!(b = binary_from(p, b, level + 1))) return NULL;
        py_node *n = parser_node(p, PY_E_BINOP, t);
        if (!n) return NULL;
        n->op = t->op;
        n->a = a;
        n->b = b;
        n->x.pos.line = t->line;
        n->x.pos.col = t->col;
        parser_span_from(n, a, p);
        a = n;
    }
}

py_node *parser_bitwise_or(parser *p) {
    py_node *a = factor(p);
    return a ? binary_from(p, a, 1) : NULL;
}

static int compare_op(parser *p, uint8_t *op) {
    const py_token *t = peek(p);
    if (t->kind == PY_T_OP) {
        switch (t->op) {
        case PY_OP_LT: *op = PY_CMP_LT; break;
        case PY_OP_GT: *op = PY_CMP_GT; break;
        case PY_OP_LE: *op = PY_CMP_LE; break;
        case PY_OP_GE: *op = PY_CMP_GE; break;
        case PY_OP_EQ: *op = PY_CMP_EQ; break;
        case PY_OP_NE: *op = PY_CMP_NE; break;
        default: return 0;
        }
        advance(p);
        return 1;
    }
    if (is_kw(t, PY_KW_IN)) { advance(p); *op = PY_CMP_IN; return 1; }
    if (is_kw(t, PY_KW_NOT) && is_kw(peek_at(p, 1), PY_KW_IN)) { advance(p); advance(p); *op = PY_CMP_NOT_IN; return 1; }
    if (is_kw(t, PY_KW_IS)) {
        advance(p);
        if (accept_kw(p, PY_KW_NOT)) *op = PY_CMP_IS_NOT;
        else *op = PY_CMP_IS;
        return 1;
    }
    return 0;
}

static py_node *comparison(parser *p) {
    py_node *a = parser_bitwise_or(p);
    if (!a) return NULL;
    uint8_t op;
    if (!compare_op(p, &op)) return a;
    nlist rest = {0};
    uint8_t ops[64];
    int n = 0;
    do {
        if (n == 64) return parser_fail_at(p, CNNC_ERR_UNSUPPORTED, a->line, a->col, "NotImplementedError",
                                    "cnnc cannot follow a chain of more than 64 comparisons");
        ops[n++] = op;
        py_node *b = parser_bitwise_or(p);
        if (!b || !parser_nl_push(p, &rest, b)) return NULL;
    } while (compare_op(p, &op));
    py_node *c = parser_node(p, PY_E_COMPARE, peek(p));
    if (!c) return NULL;
    c->a = a;
    c->list = rest.v;
    c->n = rest.n;
    c->x.cmp.ops = (uint8_t *)py_alloc(&p->m->arena, (size_t)n);
    if (!c->x.cmp.ops) return parser_nomem(p);
    memcpy(c->x.cmp.ops, ops, (size_t)n);
    parser_span_from(c, a, p);
    return c;
}

static py_node *inversion(parser *p) {
    const py_token *t = peek(p);
    if (is_kw(t, PY_KW_NOT)) {
        if (!parser_enter(p)) return NULL;
        advance(p);
        py_node *v = inversion(p);
        parser_leave(p);
        if (!v) return NULL;
        py_node *n = parser_node(p, PY_E_NOT, t);
        if (n) { n->a = v; n->end = prev_end(p); }
        return n;
    }
    return comparison(p);
}

static py_node *bool_chain(parser *p, subparser sub, py_kw kw, py_node_kind kind) {
    py_node *a = sub(p);
    if (!a || !is_kw(peek(p), kw)) return a;
    nlist items = {0};
    if (!parser_nl_push(p, &items, a)) return NULL;
    while (accept_kw(p, kw)) {
        py_node *b = sub(p);
        if (!b || !parser_nl_push(p, &items, b)) return NULL;
    }
    py_node *n = parser_node(p, kind, peek(p));
    if (!n) return NULL;
    n->list = items.v;
    n->n = items.n;
    parser_span_from(n, a, p);
    return n;
}

static py_node *conjunction(parser *p) { return bool_chain(p, inversion, PY_KW_AND, PY_E_AND); }
py_node *parser_disjunction(parser *p) { return bool_chain(p, conjunction, PY_KW_OR, PY_E_OR); }

py_node *parser_expression(parser *p) {
    if (!parser_enter(p)) return NULL;
    const py_token *t = peek(p);
    py_node *r;
    if (is_kw(t, PY_KW_LAMBDA)) {
        r = parser_lambda_def(p);
    } else {
        r = parser_disjunction(p);
        if (r && is_kw(peek(p), PY_KW_IF)) {
            const py_token *ift = advance(p);
            py_node *cond = parser_disjunction(p);
            if (!cond) { parser_leave(p); return NULL; }
            if (!accept_kw(p, PY_KW_ELSE)) {
                parser_leave(p);
                return parser_fail_at(p, CNNC_ERR_PARSE, r->line, r->col, "SyntaxError", "expected 'else' after 'if' expression");
            }
            py_node *orelse = parser_expression(p);
            if (!orelse) { parser_leave(p); return NULL; }
            py_node *n = parser_node(p, PY_E_IFEXP, ift);
            if (!n) { parser_leave(p); return NULL; }
            n->a = cond;
            n->b = r;
            n->c = orelse;
            parser_span_from(n, r, p);
            r = n;
        }
    }
    parser_leave(p);
    return r;
}

py_node *parser_named_expression(parser *p) {
    const py_token *t = peek(p);
    if (t->kind == PY_T_NAME && !t->kw && is_op(peek_at(p, 1), PY_OP_WALRUS)) {
        advance(p);
        advance(p);
        py_node *v = parser_expression(p);
        if (!v) return NULL;
        py_node *target = parser_node(p, PY_E_NAME, t);
        py_node *n = parser_node(p, PY_E_WALRUS, t);
        if (!target || !n) return NULL;
        target->v.sym = parser_sym_of(p, t);
        n->a = target;
        n->b = v;
        n->end = prev_end(p);
        return n;
    }
    return parser_expression(p);
}

py_node *parser_lambda_def(parser *p) {
    const py_token *t = advance(p);  /* lambda */
    py_node *fn = parser_node(p, PY_E_LAMBDA, t);
    if (!fn) return NULL;
    if (!parser_params(p, 1, fn)) return NULL;
    if (!expect_op(p, PY_OP_COLON)) return NULL;
    int saved = p->fn_depth, saved_loop = p->loop_depth;
    p->fn_depth++;
    p->loop_depth = 0;
    fn->a = parser_expression(p);
    p->fn_depth = saved;
    p->loop_depth = saved_loop;
    if (!fn->a) return NULL;
    fn->end = prev_end(p);
    return fn;
}

/* star_expression: '*' bitwise_or | expression */
static py_node *star_expression(parser *p) {
    const py_token *t = peek(p);
    if (is_op(t, PY_OP_STAR)) {
        advance(p);
        py_node *v = parser_bitwise_or(p);
        if (!v) return NULL;
        py_node *n = parser_node(p, PY_E_STARRED, t);
        if (n) { n->a = v; n->end = prev_end(p); }
        return n;
    }
    return parser_expression(p);
}

/* Tokens that end an expression list. */
int parser_ends_list(const py_token *t) {
    if (t->kind == PY_T_NEWLINE || t->kind == PY_T_EOF || t->kind == PY_T_ERROR) return 1;
    if (t->kind == PY_T_OP)
        return t->op == PY_OP_ASSIGN || t->op == PY_OP_RPAR || t->op == PY_OP_RSQB || t->op == PY_OP_RBRACE ||
               t->op == PY_OP_SEMI || t->op == PY_OP_COLON || (t->op >= PY_OP_PLUS_EQ && t->op <= PY_OP_DSTAR_EQ);
    return is_kw(t, PY_KW_IN) || is_kw(t, PY_KW_FOR) || is_kw(t, PY_KW_IF);
}

/* star_expressions: a tuple when there is a comma; yield expressions too. */
py_node *parser_star_expressions(parser *p) {
    const py_token *t = peek(p);
    if (is_kw(t, PY_KW_YIELD)) {
        advance(p);
        py_node *y = parser_node(p, PY_E_YIELD, t);
        if (!y) return NULL;
        if (accept_kw(p, PY_KW_FROM)) {
            if (!(y->a = parser_expression(p))) return NULL;
            y->flags |= 1;
        } else if (!parser_ends_list(peek(p))) {
            if (!(y->a = parser_star_expressions(p))) return NULL;
        }
        y->end = prev_end(p);
        return y;
    }
    py_node *a = star_expression(p);
    if (!a || !is_op(peek(p), PY_OP_COMMA)) return a;
    nlist items = {0};
    if (!parser_nl_push(p, &items, a)) return NULL;
    while (accept_op(p, PY_OP_COMMA)) {
        if (parser_ends_list(peek(p))) break;
        py_node *b = star_expression(p);
        if (!b || !parser_nl_push(p, &items, b)) return NULL;
    }
    py_node *tup = parser_node(p, PY_E_TUPLE, t);
    if (!tup) return NULL;
    tup->list = items.v;
    tup->n = items.n;
    parser_span_from(tup, a, p);
    return tup;
}

/* Targets of `for ... in` and comprehensions: star_targets without `in`. */
py_node *parser_star_targets_list(parser *p) {
    const py_token *t = peek(p);
    nlist items = {0};
    int comma = 0;
    for (;;) {
        const py_token *s = peek(p);
        py_node *e;
        if (is_op(s, PY_OP_STAR)) {
            advance(p);
            py_node *v = parser_bitwise_or(p);
            if (!v || !(e = parser_node(p, PY_E_STARRED, s))) return NULL;
            e->a = v;
        } else if (!(e = parser_bitwise_or(p))) {
            return NULL;
        }
        if (!parser_nl_push(p, &items, e)) return NULL;
        if (!accept_op(p, PY_OP_COMMA)) break;
        comma = 1;
        if (is_kw(peek(p), PY_KW_IN) || is_op(peek(p), PY_OP_ASSIGN)) break;
    }
    if (!comma) return items.v[0];
    py_node *tup = parser_node(p, PY_E_TUPLE, t);
    if (!tup) return NULL;
    tup->list = items.v;
    tup->n = items.n;
    parser_span_from(tup, items.v[0], p);
    return tup;
}

/* ------------------------------------------------------------- targets */

/* The name Python uses for an expression that cannot be assigned to. */
static const char *target_kind_name(const py_node *e) {
    switch (e->kind) {
    case PY_E_CALL: return "function call";
    case PY_E_INT: case PY_E_FLOAT: case PY_E_IMAG: case PY_E_STR: case PY_E_BYTES: case PY_E_ELLIPSIS: return "literal";
    case PY_E_FSTR: return "f-string expression";
    case PY_E_NONE: return "None";
    case PY_E_TRUE: return "True";
    case PY_E_FALSE: return "False";
    case PY_E_BINOP: case PY_E_UNARY: return "expression";
    case PY_E_AND: case PY_E_OR: case PY_E_NOT: return "expression";
    case PY_E_COMPARE: return "comparison";
    case PY_E_IFEXP: return "conditional expression";
    case PY_E_LAMBDA: return "lambda";
    case PY_E_DICT: return "dict literal";
    case PY_E_SET: return "set display";
    case PY_E_LISTCOMP: return "list comprehension";
    case PY_E_SETCOMP: return "set comprehension";
    case PY_E_DICTCOMP: return "dict comprehension";
    case PY_E_GENEXP: return "generator expression";
    case PY_E_YIELD: return "yield expression";
    case PY_E_AWAIT: return "await expression";
    case PY_E_WALRUS: return "named expression";
    default: return "expression";
    }
}

/* Check an assignment target; `aug` for augmented assignment. */
int parser_check_target(parser *p, const py_node *e, int aug, int del) {
    switch (e->kind) {
    case PY_E_NAME: case PY_E_ATTR: case PY_E_SUBSCRIPT: return 1;
    case PY_E_TUPLE: case PY_E_LIST:
        if (aug) {
            parser_fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "'%s' is an illegal expression for augmented assignment",
                    e->kind == PY_E_TUPLE ? "tuple" : "list");
            return 0;
        }
        for (int32_t k = 0; k < e->n; k++)
            if (!parser_check_target(p, e->list[k], 0, del)) return 0;
        return 1;
    case PY_E_STARRED:
        if (aug || del) break;
        return parser_check_target(p, e->a, 0, del);
    default: break;
    }
    if (aug) {
        parser_fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "'%s' is an illegal expression for augmented assignment",
                target_kind_name(e));
    } else if (del) {
        parser_fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "cannot delete %s", target_kind_name(e));
    } else {
        parser_fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError",
                "cannot assign to %s here. Maybe you meant '==' instead of '='?", target_kind_name(e));
    }
    return 0;
}
