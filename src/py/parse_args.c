/* parse_args.c — the parser's argument lists: a call's arguments, the for/if
 * clauses of comprehensions, and the parameters of a def or a lambda, with
 * Python's errors for their misorderings. */
#include "py/parse_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Arguments of a call; p is just past '('. */
py_node *parser_call_args(parser *p, py_node *fn, const py_token *lpar) {
    py_node *call = parser_node(p, PY_E_CALL, lpar);
    if (!call) return NULL;
    call->a = fn;
    nlist args = {0}, kws = {0};
    int seen_kw = 0, seen_dstar = 0;
    p->in_brackets++;
    while (!is_op(peek(p), PY_OP_RPAR)) {
        const py_token *t = peek(p);
        py_node *arg = NULL;
        if (is_op(t, PY_OP_STAR)) {
            advance(p);
            py_node *v = parser_expression(p);
            if (!v) return NULL;
            if (!(arg = parser_node(p, PY_E_STARRED, t))) return NULL;
            arg->a = v;
            arg->end = prev_end(p);
            if (seen_dstar)
                return parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError",
                               "iterable argument unpacking follows keyword argument unpacking");
            if (!parser_nl_push(p, &args, arg)) return NULL;
        } else if (is_op(t, PY_OP_DSTAR)) {
            advance(p);
            py_node *v = parser_expression(p);
            if (!v) return NULL;
            if (!(arg = parser_node(p, PY_E_DSTAR, t))) return NULL;
            arg->a = v;
            arg->end = prev_end(p);
            seen_dstar = 1;
            if (!parser_nl_push(p, &kws, arg)) return NULL;
        } else if (t->kind == PY_T_NAME && t->kw == PY_KW_NONE_ && is_op(peek_at(p, 1), PY_OP_ASSIGN)) {
            advance(p);
            advance(p);
            py_sym name = parser_sym_of(p, t);
            for (int32_t k = 0; k < kws.n; k++)
                if (kws.v[k]->kind == PY_E_KEYWORD && kws.v[k]->v.sym == name)
                    return parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "keyword argument repeated: %s",
                                   py_sym_name(p->m->syms, name));
            py_node *v = parser_expression(p);
            if (!v) return NULL;
            if (!(arg = parser_node(p, PY_E_KEYWORD, t))) return NULL;
            arg->v.sym = name;
            arg->a = v;
            arg->end = prev_end(p);
            seen_kw = 1;
            if (!parser_nl_push(p, &kws, arg)) return NULL;
        } else {
            py_node *v = parser_named_expression(p);
            if (!v) return NULL;
            if (is_kw(peek(p), PY_KW_FOR)) {
                /* a generator argument */
                py_node *g = parser_node(p, PY_E_GENEXP, t);
                if (!g) return NULL;
                g->a = v;
                if (!(g->x.comp.comps = parser_comprehension_clauses(p, &g->x.comp.n_comps))) return NULL;
                parser_span_from(g, v, p);
                if (args.n || kws.n || !is_op(peek(p), PY_OP_RPAR))
                    return parser_fail_at(p, CNNC_ERR_PARSE, v->line, v->col, "SyntaxError",
                                   "Generator expression must be parenthesized");
                v = g;
            }
            if (seen_kw || seen_dstar) {
                if (seen_dstar && !seen_kw)
                    return parser_fail_at(p, CNNC_ERR_PARSE, v->line, v->col, "SyntaxError",
                                   "positional argument follows keyword argument unpacking");
                return parser_fail_at(p, CNNC_ERR_PARSE, v->line, v->col, "SyntaxError", "positional argument follows keyword argument");
            }
            if (!parser_nl_push(p, &args, v)) return NULL;
            arg = v;
        }
        if (accept_op(p, PY_OP_COMMA)) continue;
        if (is_op(peek(p), PY_OP_RPAR)) break;
        if (parser_missing_comma(p, arg)) return NULL;
        if (is_op(peek(p), PY_OP_ASSIGN) && arg->kind != PY_E_KEYWORD)
            return parser_fail_at(p, CNNC_ERR_PARSE, arg->line, arg->col, "SyntaxError",
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
        return parser_syntax_error(p, peek(p));
    }
    p->in_brackets--;
    advance(p);  /* ')' */
    call->list = args.v;
    call->n = args.n;
    call->list2 = kws.v;
    call->n2 = kws.n;
    call->line = fn->line;
    call->col = fn->col;
    call->begin = fn->begin;
    call->end = prev_end(p);
    return call;
}
py_comp *parser_comprehension_clauses(parser *p, int32_t *n_out) {
    py_comp *comps = NULL;
    int32_t n = 0, cap = 0;
    while (is_kw(peek(p), PY_KW_FOR) || (is_kw(peek(p), PY_KW_ASYNC) && is_kw(peek_at(p, 1), PY_KW_FOR))) {
        accept_kw(p, PY_KW_ASYNC);
        advance(p);  /* for */
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 2;
            py_comp *c = (py_comp *)py_alloc(&p->m->arena, (size_t)nc * sizeof *c);
            if (!c) return parser_nomem(p);
            if (n) memcpy(c, comps, (size_t)n * sizeof *c);
            comps = c;
            cap = nc;
        }
        py_comp *c = &comps[n++];
        if (!(c->target = parser_star_targets_list(p))) return NULL;
        if (!accept_kw(p, PY_KW_IN)) return parser_syntax_error(p, peek(p));
        if (!(c->iter = parser_disjunction(p))) return NULL;
        nlist ifs = {0};
        while (accept_kw(p, PY_KW_IF)) {
            py_node *cond = parser_disjunction(p);
            if (!cond || !parser_nl_push(p, &ifs, cond)) return NULL;
        }
        c->ifs = ifs.v;
        c->n_ifs = ifs.n;
    }
    *n_out = n;
    return comps;
}

/* Parameters of a def (up to ')') or a lambda (up to ':'). */
int parser_params(parser *p, int is_lambda, py_node *fn) {
    py_param *ps = NULL;
    int32_t n = 0, cap = 0;
    int seen_star = 0, seen_default = 0, seen_slash = 0, star_bare_at = -1;
    const py_op close = is_lambda ? PY_OP_COLON : PY_OP_RPAR;
    while (!is_op(peek(p), close)) {
        const py_token *t = peek(p);
        py_param_kind kind = seen_star ? PY_P_KWONLY : PY_P_POS;
        if (is_op(t, PY_OP_SLASH)) {
            if (seen_slash || seen_star || n == 0) { parser_syntax_error(p, t); return 0; }
            advance(p);
            seen_slash = 1;
            for (int32_t k = 0; k < n; k++) ps[k].kind = PY_P_POSONLY;
            if (!accept_op(p, PY_OP_COMMA) && !is_op(peek(p), close)) { parser_syntax_error(p, peek(p)); return 0; }
            continue;
        }
        if (is_op(t, PY_OP_STAR)) {
            advance(p);
            if (seen_star) { parser_syntax_error(p, t); return 0; }
            seen_star = 1;
            if (is_op(peek(p), PY_OP_COMMA) || is_op(peek(p), close)) {
                star_bare_at = n;
                fn->flags |= PY_F_KWONLY_STAR;
                if (!accept_op(p, PY_OP_COMMA)) break;
                if (is_op(peek(p), close) || is_op(peek(p), PY_OP_DSTAR)) {
                    parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "named arguments must follow bare *");
                    return 0;
                }
                continue;
            }
            kind = PY_P_VARARG;
            t = peek(p);
        } else if (is_op(t, PY_OP_DSTAR)) {
            advance(p);
            kind = PY_P_VARKW;
            t = peek(p);
        }
        if (t->kind != PY_T_NAME || t->kw) { parser_syntax_error(p, t); return 0; }
        advance(p);
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            py_param *v = (py_param *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) { parser_nomem(p); return 0; }
            if (n) memcpy(v, ps, (size_t)n * sizeof *v);
            ps = v;
            cap = nc;
        }
        py_param *pp = &ps[n++];
        pp->name = parser_sym_of(p, t);
        pp->kind = (uint8_t)kind;
        pp->line = t->line;
        pp->col = t->col;
        for (int32_t k = 0; k < n - 1; k++)
            if (ps[k].name == pp->name) {
                parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "duplicate argument '%s' in function definition",
                        py_sym_name(p->m->syms, pp->name));
                return 0;
            }
        if (!is_lambda && accept_op(p, PY_OP_COLON)) {
            if (!(pp->annotation = parser_expression(p))) return 0;
        }
        if (accept_op(p, PY_OP_ASSIGN)) {
            if (kind == PY_P_VARARG || kind == PY_P_VARKW) { parser_syntax_error(p, peek(p)); return 0; }
            if (!(pp->dflt = parser_expression(p))) return 0;
            if (kind == PY_P_POS) seen_default = 1;
        } else if (kind == PY_P_POS && seen_default) {
            parser_fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "non-default argument follows default argument");
            return 0;
        }
        if (kind == PY_P_VARKW) {
            accept_op(p, PY_OP_COMMA);
            if (!is_op(peek(p), close)) { parser_syntax_error(p, peek(p)); return 0; }
            break;
        }
        if (!accept_op(p, PY_OP_COMMA)) break;
    }
    (void)star_bare_at;
    if (!is_op(peek(p), close)) { parser_syntax_error(p, peek(p)); return 0; }
    if (!is_lambda) advance(p);
    fn->x.fn.params = ps;
    fn->x.fn.n_params = n;
    return 1;
}

