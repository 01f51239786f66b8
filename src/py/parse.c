/* parse.c — Python 3.11's grammar into ast.h's tree, by recursive descent over
 * lex.c's tokens, with Python's SyntaxError and IndentationError texts and
 * positions for the mistakes people make; any other failure is Python's plain
 * "invalid syntax" at the token. Like Python, the whole file is parsed before
 * anything runs, so a syntax error anywhere wins. This file: statements and
 * the module; expressions are parse_expr.c's and parse_atom.c's. */
#include "py/parse_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- statements */

static int block(parser *p, const char *what, int32_t head_line, nlist *out);
static int statement(parser *p, nlist *out);

static int end_simple(parser *p) {
    const py_token *t = peek(p);
    if (t->kind == PY_T_NEWLINE || is_op(t, PY_OP_SEMI) || t->kind == PY_T_EOF) return 1;
    parser_syntax_error(p, t);
    return 0;
}

static py_node *dotted_name(parser *p, const char **path) {
    const py_token *first = peek(p);
    if (first->kind != PY_T_NAME || first->kw) return parser_syntax_error(p, first);
    int32_t begin = first->begin;
    advance(p);
    while (is_op(peek(p), PY_OP_DOT)) {
        advance(p);
        const py_token *t = peek(p);
        if (t->kind != PY_T_NAME || t->kw) return parser_syntax_error(p, t);
        advance(p);
    }
    /* the text without spaces around dots */
    int32_t end = prev_end(p);
    char *buf = (char *)py_alloc(&p->m->arena, (size_t)(end - begin) + 1);
    if (!buf) return parser_nomem(p);
    int32_t k = 0;
    for (int32_t i = begin; i < end; i++)
        if (p->src[i] != ' ' && p->src[i] != '\t' && p->src[i] != '\\' && p->src[i] != '\n' && p->src[i] != '\r') buf[k++] = p->src[i];
    buf[k] = '\0';
    *path = buf;
    return (py_node *)buf;  /* non-NULL marker */
}

static py_node *import_stmt(parser *p, const py_token *t) {
    py_node *s = parser_node(p, PY_S_IMPORT, t);
    if (!s) return NULL;
    py_alias *names = NULL;
    int32_t n = 0, cap = 0;
    do {
        const py_token *at = peek(p);
        const char *path;
        if (!dotted_name(p, &path)) return NULL;
        py_sym as = -1;
        if (accept_kw(p, PY_KW_AS)) {
            const py_token *a = peek(p);
            if (a->kind != PY_T_NAME || a->kw) return parser_syntax_error(p, a);
            advance(p);
            as = parser_sym_of(p, a);
        }
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            py_alias *v = (py_alias *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) return parser_nomem(p);
            if (n) memcpy(v, names, (size_t)n * sizeof *v);
            names = v;
            cap = nc;
        }
        names[n++] = (py_alias){path, as, at->line, at->col};
    } while (accept_op(p, PY_OP_COMMA));
    s->x.imp.names = names;
    s->x.imp.n_names = n;
    s->end = prev_end(p);
    return s;
}

static py_node *from_stmt(parser *p, const py_token *t) {
    py_node *s = parser_node(p, PY_S_FROM, t);
    if (!s) return NULL;
    int32_t level = 0;
    for (;;) {
        if (accept_op(p, PY_OP_DOT)) level++;
        else if (accept_op(p, PY_OP_ELLIPSIS)) level += 3;
        else break;
    }
    const char *module = "";
    if (!is_kw(peek(p), PY_KW_IMPORT) && !dotted_name(p, &module)) return NULL;
    if (!accept_kw(p, PY_KW_IMPORT)) return parser_syntax_error(p, peek(p));
    s->x.imp.module = module;
    s->x.imp.level = level;
    if (accept_op(p, PY_OP_STAR)) {
        s->flags |= PY_F_IMPORT_STAR;
        s->end = prev_end(p);
        return s;
    }
    int paren = accept_op(p, PY_OP_LPAR);
    py_alias *names = NULL;
    int32_t n = 0, cap = 0;
    for (;;) {
        const py_token *a = peek(p);
        if (paren && is_op(a, PY_OP_RPAR) && n) break;
        if (a->kind != PY_T_NAME || a->kw) return parser_syntax_error(p, a);
        advance(p);
        py_sym as = -1;
        if (accept_kw(p, PY_KW_AS)) {
            const py_token *b = peek(p);
            if (b->kind != PY_T_NAME || b->kw) return parser_syntax_error(p, b);
            advance(p);
            as = parser_sym_of(p, b);
        }
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            py_alias *v = (py_alias *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) return parser_nomem(p);
            if (n) memcpy(v, names, (size_t)n * sizeof *v);
            names = v;
            cap = nc;
        }
        names[n++] = (py_alias){py_strndup(&p->m->arena, p->src + a->begin, (size_t)(a->end - a->begin)), as, a->line, a->col};
        if (!accept_op(p, PY_OP_COMMA)) break;
        if (!paren && !(peek(p)->kind == PY_T_NAME)) return parser_syntax_error(p, peek(p));
    }
    if (paren && !expect_op(p, PY_OP_RPAR)) return NULL;
    s->x.imp.names = names;
    s->x.imp.n_names = n;
    s->end = prev_end(p);
    return s;
}

static py_node *name_list_stmt(parser *p, const py_token *t, py_node_kind kind) {
    py_node *s = parser_node(p, kind, t);
    if (!s) return NULL;
    py_sym *names = NULL;
    int32_t n = 0, cap = 0;
    do {
        const py_token *a = peek(p);
        if (a->kind != PY_T_NAME || a->kw) return parser_syntax_error(p, a);
        advance(p);
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            py_sym *v = (py_sym *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) return parser_nomem(p);
            if (n) memcpy(v, names, (size_t)n * sizeof *v);
            names = v;
            cap = nc;
        }
        names[n++] = parser_sym_of(p, a);
    } while (accept_op(p, PY_OP_COMMA));
    s->x.glob.names = names;
    s->x.glob.n_names = n;
    return s;
}

static py_node *expr_statement(parser *p) {
    const py_token *t = peek(p);
    py_node *e = parser_star_expressions(p);
    if (!e) return NULL;
    const py_token *nt = peek(p);
    /* annotated assignment: target: annotation [= value] */
    if (is_op(nt, PY_OP_COLON)) {
        if (e->kind != PY_E_NAME && e->kind != PY_E_ATTR && e->kind != PY_E_SUBSCRIPT) {
            if (e->kind == PY_E_TUPLE)
                return parser_fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "only single target (not tuple) can be annotated");
            return parser_fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "illegal target for annotation");
        }
        advance(p);
        py_node *ann = parser_expression(p);
        if (!ann) return NULL;
        py_node *s = parser_node(p, PY_S_ANNASSIGN, t);
        if (!s) return NULL;
        s->a = e;
        s->c = ann;
        if (accept_op(p, PY_OP_ASSIGN)) {
            if (!(s->b = parser_star_expressions(p))) return NULL;
        }
        s->end = prev_end(p);
        return s;
    }
    if (nt->kind == PY_T_OP && nt->op >= PY_OP_PLUS_EQ && nt->op <= PY_OP_DSTAR_EQ) {
        if (!parser_check_target(p, e, 1, 0)) return NULL;
        advance(p);
        py_node *v = parser_star_expressions(p);
        if (!v) return NULL;
        py_node *s = parser_node(p, PY_S_AUGASSIGN, t);
        if (!s) return NULL;
        /* the binary operator of `x op= y` */
        static const uint8_t base[] = {PY_OP_PLUS, PY_OP_MINUS, PY_OP_STAR, PY_OP_SLASH, PY_OP_DSLASH, PY_OP_PERCENT,
                                       PY_OP_AT, PY_OP_AMP, PY_OP_PIPE, PY_OP_CARET, PY_OP_RSHIFT, PY_OP_LSHIFT, PY_OP_DSTAR};
        s->op = base[nt->op - PY_OP_PLUS_EQ];
        s->a = e;
        s->b = v;
        s->end = prev_end(p);
        return s;
    }
    if (is_op(nt, PY_OP_ASSIGN)) {
        nlist targets = {0};
        py_node *value = e;
        while (accept_op(p, PY_OP_ASSIGN)) {
            if (!parser_check_target(p, value, 0, 0)) return NULL;
            if (!parser_nl_push(p, &targets, value)) return NULL;
            if (!(value = parser_star_expressions(p))) return NULL;
        }
        py_node *s = parser_node(p, PY_S_ASSIGN, t);
        if (!s) return NULL;
        s->list = targets.v;
        s->n = targets.n;
        s->b = value;
        s->end = prev_end(p);
        return s;
    }
    /* Python 2's print statement */
    if (e->kind == PY_E_NAME && !strcmp(py_sym_name(p->m->syms, e->v.sym), "print") && parser_starts_atom(nt))
        return parser_fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError",
                       "Missing parentheses in call to 'print'. Did you mean print(...)?");
    py_node *s = parser_node(p, PY_S_EXPR, t);
    if (!s) return NULL;
    s->a = e;
    s->end = prev_end(p);
    return s;
}

static py_node *simple_statement(parser *p) {
    const py_token *t = peek(p);
    if (t->kind == PY_T_NAME) {
        switch (t->kw) {
        case PY_KW_PASS: advance(p); return parser_node(p, PY_S_PASS, t);
        case PY_KW_BREAK:
            advance(p);
            if (!p->loop_depth) return parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "'break' outside loop");
            return parser_node(p, PY_S_BREAK, t);
        case PY_KW_CONTINUE:
            advance(p);
            if (!p->loop_depth)
                return parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "'continue' not properly in loop");
            return parser_node(p, PY_S_CONTINUE, t);
        case PY_KW_RETURN: {
            advance(p);
            if (!p->fn_depth) return parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "'return' outside function");
            py_node *s = parser_node(p, PY_S_RETURN, t);
            if (!s) return NULL;
            if (!parser_ends_list(peek(p)) && !(s->a = parser_star_expressions(p))) return NULL;
            s->end = prev_end(p);
            return s;
        }
        case PY_KW_RAISE: {
            advance(p);
            py_node *s = parser_node(p, PY_S_RAISE, t);
            if (!s) return NULL;
            if (!parser_ends_list(peek(p))) {
                if (!(s->a = parser_expression(p))) return NULL;
                if (accept_kw(p, PY_KW_FROM) && !(s->b = parser_expression(p))) return NULL;
            }
            s->end = prev_end(p);
            return s;
        }
        case PY_KW_GLOBAL: advance(p); return name_list_stmt(p, t, PY_S_GLOBAL);
        case PY_KW_NONLOCAL: advance(p); return name_list_stmt(p, t, PY_S_NONLOCAL);
        case PY_KW_DEL: {
            advance(p);
            py_node *s = parser_node(p, PY_S_DEL, t);
            if (!s) return NULL;
            py_node *targets = parser_star_expressions(p);
            if (!targets || !parser_check_target(p, targets, 0, 1)) return NULL;
            s->a = targets;
            return s;
        }
        case PY_KW_ASSERT: {
            advance(p);
            py_node *s = parser_node(p, PY_S_ASSERT, t);
            if (!s || !(s->a = parser_expression(p))) return NULL;
            if (accept_op(p, PY_OP_COMMA) && !(s->b = parser_expression(p))) return NULL;
            s->end = prev_end(p);
            return s;
        }
        case PY_KW_IMPORT: advance(p); return import_stmt(p, t);
        case PY_KW_FROM: advance(p); return from_stmt(p, t);
        default: break;
        }
    }
    return expr_statement(p);
}

/* simple_stmts: simple (';' simple)* [';'] NEWLINE */
static int simple_statements(parser *p, nlist *out) {
    for (;;) {
        py_node *s = simple_statement(p);
        if (!s || !end_simple(p) || !parser_nl_push(p, out, s)) return 0;
        if (!accept_op(p, PY_OP_SEMI)) break;
        if (peek(p)->kind == PY_T_NEWLINE || peek(p)->kind == PY_T_EOF) break;
    }
    const py_token *t = peek(p);
    if (t->kind == PY_T_NEWLINE) advance(p);
    else if (t->kind != PY_T_EOF) { parser_syntax_error(p, t); return 0; }
    return 1;
}

/* ':' then a body, Python's IndentationError when the body is missing. */
static int block(parser *p, const char *what, int32_t head_line, nlist *out) {
    if (!is_op(peek(p), PY_OP_COLON)) {
        const py_token *t = peek(p);
        if (t->kind == PY_T_NEWLINE || t->kind == PY_T_EOF) {
            const py_token *prev = &p->t[p->pos - 1];
            parser_fail_at(p, CNNC_ERR_PARSE, prev->line, prev->col + (int32_t)(prev->end - prev->begin), "SyntaxError",
                    "expected ':'");
            return 0;
        }
        parser_syntax_error(p, t);
        return 0;
    }
    advance(p);
    if (peek(p)->kind != PY_T_NEWLINE) return simple_statements(p, out);
    advance(p);
    const py_token *t = peek(p);
    if (t->kind != PY_T_INDENT) {
        if (t->kind == PY_T_ERROR) { parser_syntax_error(p, t); return 0; }
        int32_t line = t->line, col = t->col;
        if (t->kind == PY_T_EOF || t->kind == PY_T_DEDENT) {
            /* Python points at the end of the header line when the file ends */
            const py_token *colon = &p->t[p->pos - 2];
            line = colon->line;
            col = colon->col + 1;
            if (t->kind == PY_T_DEDENT) { line = t->line; col = t->col; }
        }
        parser_fail_at(p, CNNC_ERR_PARSE, line, col, "IndentationError", "expected an indented block after %s on line %d", what,
                (int)head_line);
        return 0;
    }
    advance(p);
    while (peek(p)->kind != PY_T_DEDENT && peek(p)->kind != PY_T_EOF) {
        if (!statement(p, out)) return 0;
    }
    if (peek(p)->kind == PY_T_DEDENT) advance(p);
    return 1;
}

static int set_body(parser *p, py_node *s, nlist *body) {
    (void)p;
    s->list = body->v;
    s->n = body->n;
    return 1;
}

static py_node *if_statement(parser *p, const py_token *t, const char *what) {
    py_node *s = parser_node(p, PY_S_IF, t);
    if (!s || !(s->a = parser_named_expression(p))) return NULL;
    nlist body = {0};
    if (!block(p, what, t->line, &body)) return NULL;
    set_body(p, s, &body);
    const py_token *e = peek(p);
    if (is_kw(e, PY_KW_ELIF)) {
        advance(p);
        py_node *elif = if_statement(p, e, "'elif' statement");
        if (!elif) return NULL;
        nlist orelse = {0};
        if (!parser_nl_push(p, &orelse, elif)) return NULL;
        s->list2 = orelse.v;
        s->n2 = 1;
    } else if (is_kw(e, PY_KW_ELSE)) {
        advance(p);
        nlist orelse = {0};
        if (!block(p, "'else' statement", e->line, &orelse)) return NULL;
        s->list2 = orelse.v;
        s->n2 = orelse.n;
    }
    s->end = prev_end(p);
    return s;
}

static py_node *loop_else(parser *p, py_node *s) {
    const py_token *e = peek(p);
    if (is_kw(e, PY_KW_ELSE)) {
        advance(p);
        nlist orelse = {0};
        if (!block(p, "'else' statement", e->line, &orelse)) return NULL;
        s->list2 = orelse.v;
        s->n2 = orelse.n;
    }
    s->end = prev_end(p);
    return s;
}

static py_node *for_statement(parser *p, const py_token *t) {
    py_node *s = parser_node(p, PY_S_FOR, t);
    if (!s || !(s->a = parser_star_targets_list(p))) return NULL;
    if (!parser_check_target(p, s->a, 0, 0)) return NULL;
    if (!accept_kw(p, PY_KW_IN)) return parser_syntax_error(p, peek(p));
    if (!(s->b = parser_star_expressions(p))) return NULL;
    nlist body = {0};
    p->loop_depth++;
    int ok = block(p, "'for' statement", t->line, &body);
    p->loop_depth--;
    if (!ok) return NULL;
    set_body(p, s, &body);
    return loop_else(p, s);
}

static py_node *while_statement(parser *p, const py_token *t) {
    py_node *s = parser_node(p, PY_S_WHILE, t);
    if (!s || !(s->a = parser_named_expression(p))) return NULL;
    nlist body = {0};
    p->loop_depth++;
    int ok = block(p, "'while' statement", t->line, &body);
    p->loop_depth--;
    if (!ok) return NULL;
    set_body(p, s, &body);
    return loop_else(p, s);
}

static py_node *try_statement(parser *p, const py_token *t) {
    py_node *s = parser_node(p, PY_S_TRY, t);
    if (!s) return NULL;
    nlist body = {0};
    if (!block(p, "'try' statement", t->line, &body)) return NULL;
    set_body(p, s, &body);
    py_handler *hs = NULL;
    int32_t n = 0, cap = 0;
    while (is_kw(peek(p), PY_KW_EXCEPT)) {
        const py_token *e = advance(p);
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 2;
            py_handler *v = (py_handler *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) return parser_nomem(p);
            if (n) memcpy(v, hs, (size_t)n * sizeof *v);
            hs = v;
            cap = nc;
        }
        py_handler *h = &hs[n++];
        h->name = -1;
        h->line = e->line;
        h->col = e->col;
        accept_op(p, PY_OP_STAR);  /* except* */
        if (!is_op(peek(p), PY_OP_COLON)) {
            if (!(h->type = parser_expression(p))) return NULL;
            if (is_op(peek(p), PY_OP_COMMA)) {
                /* except A, B: (Python 2) */
                return parser_fail_at(p, CNNC_ERR_PARSE, h->type->line, h->type->col, "SyntaxError",
                               "multiple exception types must be parenthesized");
            }
            if (accept_kw(p, PY_KW_AS)) {
                const py_token *nm = peek(p);
                if (nm->kind != PY_T_NAME || nm->kw) return parser_syntax_error(p, nm);
                advance(p);
                h->name = parser_sym_of(p, nm);
            }
        }
        nlist hb = {0};
        if (!block(p, "'except' statement", e->line, &hb)) return NULL;
        h->body = hb.v;
        h->n_body = hb.n;
    }
    s->x.tr.handlers = hs;
    s->x.tr.n_handlers = n;
    if (n && is_kw(peek(p), PY_KW_ELSE)) {
        const py_token *e = advance(p);
        nlist orelse = {0};
        if (!block(p, "'else' statement", e->line, &orelse)) return NULL;
        s->list2 = orelse.v;
        s->n2 = orelse.n;
    }
    if (is_kw(peek(p), PY_KW_FINALLY)) {
        const py_token *f = advance(p);
        nlist fin = {0};
        if (!block(p, "'finally' statement", f->line, &fin)) return NULL;
        s->x.tr.final = fin.v;
        s->x.tr.n_final = fin.n;
    } else if (!n) {
        return parser_fail_at(p, CNNC_ERR_PARSE, peek(p)->line, peek(p)->col, "SyntaxError", "expected 'except' or 'finally' block");
    }
    s->end = prev_end(p);
    return s;
}

static py_node *with_statement(parser *p, const py_token *t) {
    py_node *s = parser_node(p, PY_S_WITH, t);
    if (!s) return NULL;
    nlist items = {0}, targets = {0};
    int paren = is_op(peek(p), PY_OP_LPAR);
    /* `with (a as b, c as d):` (3.10) versus a parenthesised expression: try the simple form */
    (void)paren;
    do {
        py_node *ctx = parser_expression(p);
        if (!ctx) return NULL;
        py_node *target = NULL;
        if (accept_kw(p, PY_KW_AS) && !(target = parser_star_targets_list(p))) return NULL;
        if (!parser_nl_push(p, &items, ctx) || !parser_nl_push(p, &targets, target)) return NULL;
    } while (accept_op(p, PY_OP_COMMA));
    nlist body = {0};
    if (!block(p, "'with' statement", t->line, &body)) return NULL;
    set_body(p, s, &body);
    s->list2 = items.v;
    s->n2 = items.n;
    s->x.with.targets = targets.v;
    s->end = prev_end(p);
    return s;
}

static py_node *def_statement(parser *p, const py_token *t, nlist *decorators) {
    const py_token *name = peek(p);
    if (name->kind != PY_T_NAME || name->kw) return parser_syntax_error(p, name);
    advance(p);
    py_node *fn = parser_node(p, PY_S_DEF, t);
    if (!fn) return NULL;
    fn->v.sym = parser_sym_of(p, name);
    if (!expect_op(p, PY_OP_LPAR)) return NULL;
    if (!parser_params(p, 0, fn)) return NULL;
    if (accept_op(p, PY_OP_ARROW) && !(fn->c = parser_expression(p))) return NULL;
    nlist body = {0};
    int saved_loop = p->loop_depth;
    p->fn_depth++;
    p->loop_depth = 0;
    int ok = block(p, "function definition", t->line, &body);
    p->fn_depth--;
    p->loop_depth = saved_loop;
    if (!ok) return NULL;
    set_body(p, fn, &body);
    fn->x.fn.decorators = decorators ? decorators->v : NULL;
    fn->x.fn.n_decorators = decorators ? decorators->n : 0;
    fn->end = prev_end(p);
    parser_find_scope(p, fn);
    return fn;
}

static py_node *class_statement(parser *p, const py_token *t, nlist *decorators) {
    const py_token *name = peek(p);
    if (name->kind != PY_T_NAME || name->kw) return parser_syntax_error(p, name);
    advance(p);
    py_node *cls = parser_node(p, PY_S_CLASS, t);
    if (!cls) return NULL;
    cls->v.sym = parser_sym_of(p, name);
    if (is_op(peek(p), PY_OP_LPAR)) {
        const py_token *lpar = advance(p);
        py_node *call = parser_call_args(p, cls, lpar);  /* bases and keywords, parsed as call arguments */
        if (!call) return NULL;
        cls->b = call;
    }
    nlist body = {0};
    int saved_fn = p->fn_depth, saved_loop = p->loop_depth;
    p->fn_depth = 0;
    p->loop_depth = 0;
    int ok = block(p, "class definition", t->line, &body);
    p->fn_depth = saved_fn;
    p->loop_depth = saved_loop;
    if (!ok) return NULL;
    set_body(p, cls, &body);
    cls->x.cls.decorators = decorators ? decorators->v : NULL;
    cls->x.cls.n_decorators = decorators ? decorators->n : 0;
    cls->end = prev_end(p);
    return cls;
}

/* ---------------------------------------------------------------- match */

/* `match` is a soft keyword: a statement when its logical line ends in ':' (outside brackets)
 * and `match` is not itself the target of an assignment or an attribute read. */
static int is_match_statement(parser *p, const py_token *t) {
    if (t->kind != PY_T_NAME || t->kw || t->end - t->begin != 5 || memcmp(p->src + t->begin, "match", 5)) return 0;
    const py_token *n = peek_at(p, 1);
    if (n->kind == PY_T_NEWLINE || n->kind == PY_T_EOF || is_op(n, PY_OP_ASSIGN) || is_op(n, PY_OP_DOT) || is_op(n, PY_OP_COLON))
        return 0;
    int depth = 0;
    const py_token *last = NULL;
    /* one pass over the line's tokens (peek_at is linear in k); a lexer error ends the stream */
    for (const py_token *q = n;; q++) {
        if (q->kind == PY_T_EOF || q->kind == PY_T_ERROR || (q->kind == PY_T_NEWLINE && depth == 0)) break;
        if (is_op(q, PY_OP_LPAR) || is_op(q, PY_OP_LSQB) || is_op(q, PY_OP_LBRACE)) depth++;
        if ((is_op(q, PY_OP_RPAR) || is_op(q, PY_OP_RSQB) || is_op(q, PY_OP_RBRACE)) && depth > 0) depth--;
        last = q;
    }
    return last && is_op(last, PY_OP_COLON);
}

/* A case pattern cnnc follows, written with expression nodes: a literal (number, -number,
 * string, None, True, False), a capture NAME (`_`: the wildcard), a dotted value name
 * (PY_E_ATTR), alternatives (PY_E_BINOP |) and `pattern as NAME` (PY_E_KEYWORD: a is the
 * pattern, v.sym the name). Sequence, mapping and class patterns are refused. *irrefutable:
 * it matches anything (a capture or the wildcard). */
static int check_pattern(parser *p, const py_node *e, int in_or, int *irrefutable) {
    *irrefutable = 0;
    switch (e->kind) {
    case PY_E_INT: case PY_E_FLOAT: case PY_E_STR: case PY_E_NONE: case PY_E_TRUE: case PY_E_FALSE: return 1;
    case PY_E_UNARY: if (e->op == PY_OP_MINUS && (e->a->kind == PY_E_INT || e->a->kind == PY_E_FLOAT)) return 1; break;
    case PY_E_NAME:
        *irrefutable = 1;
        if (in_or && strcmp(py_sym_name(p->m->syms, e->v.sym), "_")) break;   /* a capture among alternatives */
        return 1;
    case PY_E_ATTR: {
        const py_node *b = e;
        while (b->kind == PY_E_ATTR) b = b->a;
        if (b->kind == PY_E_NAME) return 1;
        break;
    }
    case PY_E_BINOP: {
        int ia, ib;
        if (e->op != PY_OP_PIPE || !check_pattern(p, e->a, 1, &ia) || !check_pattern(p, e->b, 1, &ib)) break;
        if (ia) break;   /* Python: an irrefutable alternative makes the rest unreachable */
        *irrefutable = ib;
        return 1;
    }
    case PY_E_KEYWORD: return !in_or && check_pattern(p, e->a, 0, irrefutable);
    default: break;
    }
    parser_fail_at(p, CNNC_ERR_UNSUPPORTED, e->line, e->col, "NotImplementedError",
                   "cnnc cannot follow this case pattern (line %d): it follows literals, names, dotted names, | and as",
                   (int)e->line);
    return 0;
}

/* match SUBJECT: then `case PATTERN [if GUARD]:` blocks. Each case is a PY_S_IF node: a the
 * pattern, b the guard (or NULL), list the body. */
static py_node *match_statement(parser *p, const py_token *t) {
    py_node *s = parser_node(p, PY_S_MATCH, t);
    if (!s || !(s->a = parser_star_expressions(p))) return NULL;
    if (!is_op(peek(p), PY_OP_COLON)) return parser_syntax_error(p, peek(p));
    advance(p);
    if (peek(p)->kind != PY_T_NEWLINE) return parser_syntax_error(p, peek(p));
    advance(p);
    if (peek(p)->kind != PY_T_INDENT) {
        const py_token *q = peek(p);
        parser_fail_at(p, CNNC_ERR_PARSE, q->line, q->col, "IndentationError", "expected an indented block after 'match' statement on line %d",
                       (int)t->line);
        return NULL;
    }
    advance(p);
    nlist cases = {0};
    int unreachable = 0;   /* an irrefutable case came before */
    while (peek(p)->kind != PY_T_DEDENT && peek(p)->kind != PY_T_EOF) {
        const py_token *c = peek(p);
        if (c->kind != PY_T_NAME || c->end - c->begin != 4 || memcmp(p->src + c->begin, "case", 4)) return parser_syntax_error(p, c);
        advance(p);
        py_node *cs = parser_node(p, PY_S_IF, c);
        if (!cs || !(cs->a = parser_bitwise_or(p))) return NULL;
        if (is_op(peek(p), PY_OP_COMMA)) {
            parser_fail_at(p, CNNC_ERR_UNSUPPORTED, c->line, c->col, "NotImplementedError",
                           "cnnc cannot follow this case pattern (line %d): it follows literals, names, dotted names, | and as",
                           (int)c->line);
            return NULL;
        }
        const py_token *as = peek(p);
        if (accept_kw(p, PY_KW_AS)) {
            const py_token *nm = peek(p);
            if (nm->kind != PY_T_NAME || nm->kw) return parser_syntax_error(p, nm);
            advance(p);
            py_node *k = parser_node(p, PY_E_KEYWORD, as);
            if (!k) return NULL;
            k->a = cs->a;
            k->v.sym = parser_sym_of(p, nm);
            cs->a = k;
        }
        int irrefutable;
        if (!check_pattern(p, cs->a, 0, &irrefutable)) return NULL;
        if (accept_kw(p, PY_KW_IF) && !(cs->b = parser_named_expression(p))) return NULL;
        if (unreachable) {   /* Python's SyntaxError for the whole file; cnnc does not word it */
            parser_fail_at(p, CNNC_ERR_UNSUPPORTED, c->line, c->col, "NotImplementedError",
                           "cnnc cannot follow a case after an irrefutable one (line %d)", (int)c->line);
            return NULL;
        }
        unreachable = irrefutable && !cs->b;
        nlist body = {0};
        if (!block(p, "'case' statement", c->line, &body)) return NULL;
        set_body(p, cs, &body);
        cs->end = prev_end(p);
        if (!parser_nl_push(p, &cases, cs)) return NULL;
    }
    if (peek(p)->kind == PY_T_DEDENT) advance(p);
    if (!cases.n) return parser_syntax_error(p, peek(p));
    s->list = cases.v;
    s->n = cases.n;
    s->end = prev_end(p);
    return s;
}

static int statement(parser *p, nlist *out) {
    if (!parser_enter(p)) return 0;
    const py_token *t = peek(p);
    py_node *s = NULL;
    int ok = 1;
    if (t->kind == PY_T_INDENT || t->kind == PY_T_ERROR) {
        parser_syntax_error(p, t);
        ok = 0;
    } else if (is_op(t, PY_OP_AT)) {
        nlist decorators = {0};
        while (is_op(peek(p), PY_OP_AT)) {
            advance(p);
            py_node *d = parser_named_expression(p);
            if (!d || !parser_nl_push(p, &decorators, d)) { parser_leave(p); return 0; }
            if (peek(p)->kind != PY_T_NEWLINE) { parser_syntax_error(p, peek(p)); parser_leave(p); return 0; }
            advance(p);
        }
        const py_token *k = peek(p);
        accept_kw(p, PY_KW_ASYNC);
        k = peek(p);
        if (accept_kw(p, PY_KW_DEF)) s = def_statement(p, k, &decorators);
        else if (accept_kw(p, PY_KW_CLASS)) s = class_statement(p, k, &decorators);
        else s = parser_syntax_error(p, k);
        ok = s && parser_nl_push(p, out, s);
    } else if (t->kind == PY_T_NAME && t->kw) {
        switch (t->kw) {
        case PY_KW_IF: advance(p); s = if_statement(p, t, "'if' statement"); break;
        case PY_KW_FOR: advance(p); s = for_statement(p, t); break;
        case PY_KW_WHILE: advance(p); s = while_statement(p, t); break;
        case PY_KW_TRY: advance(p); s = try_statement(p, t); break;
        case PY_KW_WITH: advance(p); s = with_statement(p, t); break;
        case PY_KW_DEF: advance(p); s = def_statement(p, t, NULL); break;
        case PY_KW_CLASS: advance(p); s = class_statement(p, t, NULL); break;
        case PY_KW_ASYNC: {
            advance(p);
            const py_token *k = peek(p);
            if (accept_kw(p, PY_KW_DEF)) s = def_statement(p, k, NULL);
            else if (accept_kw(p, PY_KW_FOR)) s = for_statement(p, k);
            else if (accept_kw(p, PY_KW_WITH)) s = with_statement(p, k);
            else s = parser_syntax_error(p, k);
            if (s) s->flags |= PY_F_ASYNC;
            break;
        }
        default:
            ok = simple_statements(p, out);
            parser_leave(p);
            return ok;
        }
        ok = s && parser_nl_push(p, out, s);
    } else if (is_match_statement(p, t)) {
        advance(p);
        s = match_statement(p, t);
        ok = s && parser_nl_push(p, out, s);
    } else {
        ok = simple_statements(p, out);
    }
    parser_leave(p);
    return ok;
}

cnnc_status py_parse(py_module *m, const char *text, size_t len, const char *path, cnnc_error *err) {
    return py_parse_shared(m, text, len, path, NULL, err);
}

cnnc_status py_parse_shared(py_module *m, const char *text, size_t len, const char *path, py_symtab *shared,
                            cnnc_error *err) {
    memset(m, 0, sizeof *m);
    m->path = path ? path : "<string>";
    py_arena_init(&m->arena, 0);
    py_symtab_init(&m->own_syms, &m->arena);
    m->syms = shared ? shared : &m->own_syms;
    cnnc_status st = py_lex(&m->lex, text, len, m->path, err);
    if (st != CNNC_OK) {
        if (err && st == CNNC_ERR_PARSE) snprintf(err->file, sizeof err->file, "%s", m->path);
        return st;
    }
    parser p;
    memset(&p, 0, sizeof p);
    p.m = m;
    p.t = m->lex.t;
    p.n = m->lex.n;
    p.src = text;
    p.err = err;
    nlist body = {0};
    while (!p.failed && peek(&p)->kind != PY_T_EOF) {
        if (peek(&p)->kind == PY_T_NEWLINE) { advance(&p); continue; }
        if (!statement(&p, &body)) break;
    }
    if (p.failed) return err ? err->status : CNNC_ERR_PARSE;
    m->body = body.v;
    m->n_body = body.n;
    return CNNC_OK;
}

void py_module_free(py_module *m) {
    py_lex_free(&m->lex);
    py_symtab_free(&m->own_syms);
    py_arena_free(&m->arena);
}

py_node *py_parse_fragment(py_module *m, const char *text, int32_t len, int32_t line, int32_t col) {
    py_lexed lx;
    cnnc_error e;
    cnnc_error_clear(&e);
    if (len < 0 || py_lex(&lx, text, (size_t)len, m->path, &e) != CNNC_OK) return NULL;
    for (int32_t k = 0; k < lx.n; k++) {  /* every node reports the literal's position */
        lx.t[k].line = line;
        lx.t[k].col = col;
    }
    parser p;
    memset(&p, 0, sizeof p);
    p.m = m;
    p.t = lx.t;
    p.n = lx.n;
    p.src = text;
    p.err = NULL;
    p.in_brackets = 1;
    py_node *e2 = parser_star_expressions(&p);
    if (e2 && peek(&p)->kind != PY_T_NEWLINE && peek(&p)->kind != PY_T_EOF) e2 = NULL;
    py_lex_free(&lx);
    return p.failed ? NULL : e2;
}
