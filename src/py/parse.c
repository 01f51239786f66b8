/* parse.c — Python 3.11's grammar into ast.h's tree, by recursive descent over
 * lex.c's tokens, with Python's SyntaxError and IndentationError texts and
 * positions for the mistakes people make; any other failure is Python's plain
 * "invalid syntax" at the token. Like Python, the whole file is parsed before
 * anything runs, so a syntax error anywhere wins. */
#include "py/ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 400   /* recursion guard: nested expressions and blocks */

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

/* ------------------------------------------------------------------ errors */

static void *fail_at(parser *p, cnnc_status st, int32_t line, int32_t col, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* CPython tokenizes the rest of the file after a parser's SyntaxError: a
 * tokenizer error there wins, and an unclosed bracket wins when it opened on
 * an earlier line than the parser's error. 1 if the lexer's error replaced it. */
static int tokenizer_wins(parser *p, int32_t line) {
    const py_lexed *lx = &p->m->lex;
    if (lx->n <= 0 || lx->t[lx->n - 1].kind != PY_T_ERROR) return 0;
    size_t ml = strlen(lx->err_message);
    static const char unclosed[] = "was never closed";
    if (ml >= sizeof unclosed - 1 && !strcmp(lx->err_message + ml - (sizeof unclosed - 1), unclosed) && line <= lx->err_line)
        return 0;
    p->failed = 1;
    cnnc_error_set(p->err, CNNC_ERR_PARSE, lx->err_type, "%s", lx->err_message);
    snprintf(p->err->file, sizeof p->err->file, "%s", p->m->path ? p->m->path : "<string>");
    p->err->line = lx->err_line;
    p->err->col = lx->err_col;
    return 1;
}

static void *fail_at(parser *p, cnnc_status st, int32_t line, int32_t col, const char *type, const char *fmt, ...) {
    if (p->failed) return NULL;
    if (p->err && st == CNNC_ERR_PARSE && !p->lexer_error && (!strcmp(type, "SyntaxError") || !strcmp(type, "IndentationError")) &&
        tokenizer_wins(p, line))
        return NULL;
    p->failed = 1;
    if (!p->err) return NULL;
    char msg[CNNC_ERR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cnnc_error_set(p->err, st, type, "%s", msg);
    snprintf(p->err->file, sizeof p->err->file, "%s", p->m->path ? p->m->path : "<string>");
    p->err->line = line;
    p->err->col = col;
    return NULL;
}

static void *nomem(parser *p) {
    if (p->failed) return NULL;
    p->failed = 1;
    cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory parsing %s", p->m->path ? p->m->path : "<string>");
    return NULL;
}

/* The error for an unexpected token: the tokenizer's, when that is what we hit. */
static void *syntax_error(parser *p, const py_token *t) {
    if (t->kind == PY_T_ERROR) {
        p->lexer_error = 1;
        return fail_at(p, CNNC_ERR_PARSE, p->m->lex.err_line, p->m->lex.err_col, p->m->lex.err_type, "%s", p->m->lex.err_message);
    }
    if (t->kind == PY_T_INDENT) {
        p->lexer_error = 1;   /* CPython reports it without tokenizing further */
        return fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "IndentationError", "unexpected indent");
    }
    return fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "invalid syntax");
}

/* ------------------------------------------------------------------ tokens */

static const py_token *peek(const parser *p) { return &p->t[p->pos]; }
static const py_token *peek_at(const parser *p, int k) {
    int32_t i = p->pos;
    for (int j = 0; j < k; j++)
        if (p->t[i].kind != PY_T_EOF && p->t[i].kind != PY_T_ERROR) i++;
    return &p->t[i];
}
static const py_token *advance(parser *p) {
    const py_token *t = &p->t[p->pos];
    if (t->kind != PY_T_EOF && t->kind != PY_T_ERROR) p->pos++;
    return t;
}
static int is_op(const py_token *t, py_op op) { return t->kind == PY_T_OP && t->op == op; }
static int is_kw(const py_token *t, py_kw kw) { return t->kind == PY_T_NAME && t->kw == kw; }
static int accept_op(parser *p, py_op op) {
    if (!is_op(peek(p), op)) return 0;
    advance(p);
    return 1;
}
static int accept_kw(parser *p, py_kw kw) {
    if (!is_kw(peek(p), kw)) return 0;
    advance(p);
    return 1;
}
static const py_token *expect_op(parser *p, py_op op) {
    const py_token *t = peek(p);
    if (!is_op(t, op)) return syntax_error(p, t);
    return advance(p);
}
static int32_t prev_end(const parser *p) { return p->pos > 0 ? p->t[p->pos - 1].end : 0; }

/* ------------------------------------------------------------------- nodes */

static py_node *node(parser *p, py_node_kind kind, const py_token *at) {
    py_node *n = (py_node *)py_alloc(&p->m->arena, sizeof *n);
    if (!n) return nomem(p);
    n->kind = (uint8_t)kind;
    n->line = at->line;
    n->col = at->col;
    n->begin = at->begin;
    n->end = at->end;
    return n;
}

static void span_from(py_node *n, const py_node *first, const parser *p) {
    n->line = first->line;
    n->col = first->col;
    n->begin = first->begin;
    n->end = prev_end(p);
}

/* A growable node list in the arena. */
typedef struct nlist { py_node **v; int32_t n, cap; } nlist;

static int nl_push(parser *p, nlist *l, py_node *x) {
    if (l->n == l->cap) {
        int32_t cap = l->cap ? l->cap * 2 : 4;
        py_node **v = (py_node **)py_alloc(&p->m->arena, (size_t)cap * sizeof *v);
        if (!v) { nomem(p); return 0; }
        if (l->n) memcpy(v, l->v, (size_t)l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = x;
    return 1;
}

static py_sym sym_of(parser *p, const py_token *t) {
    py_sym s = py_intern(p->m->syms, p->src + t->begin, (size_t)(t->end - t->begin));
    if (s < 0) nomem(p);
    return s;
}

static int enter(parser *p) {
    if (++p->depth > MAX_DEPTH) {
        const py_token *t = peek(p);
        fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "RecursionError", "maximum recursion depth exceeded during compilation");
        return 0;
    }
    return 1;
}
static void leave(parser *p) { p->depth--; }

/* ------------------------------------------------------------- expressions */

static py_node *expression(parser *p);
static py_node *named_expression(parser *p);
static py_node *star_expressions(parser *p);
static py_node *disjunction(parser *p);
static py_node *bitwise_or(parser *p);
static py_node *star_targets_list(parser *p);
static py_node *lambda_def(parser *p);
static int params(parser *p, int is_lambda, py_node *fn);

/* Tokens that can start an expression (for "Perhaps you forgot a comma?"). */
static int starts_atom(const py_token *t) {
    if (t->kind == PY_T_NUMBER || t->kind == PY_T_STRING) return 1;
    if (t->kind == PY_T_NAME) return t->kw == PY_KW_NONE_ || t->kw == PY_KW_TRUE || t->kw == PY_KW_FALSE || t->kw == PY_KW_NONE;
    return is_op(t, PY_OP_LPAR) || is_op(t, PY_OP_LSQB) || is_op(t, PY_OP_LBRACE);
}

/* After an element inside brackets: another expression right after it is a missing comma. */
static int missing_comma(parser *p, const py_node *elem) {
    const py_token *t = peek(p);
    if (p->in_brackets > 0 && elem && starts_atom(t) && !(elem->kind == PY_E_NAME && t->kind == PY_T_STRING)) {
        fail_at(p, CNNC_ERR_PARSE, elem->line, elem->col, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?");
        return 1;
    }
    return 0;
}

/* Decode a string literal's body (escapes unless raw) into the arena. */
static const char *decode_string(parser *p, const py_token *t, int32_t *out_len) {
    const char *s = p->src + t->begin + t->quote;
    int32_t n = (t->end - t->begin) - t->quote - (t->flags & PY_STR_TRIPLE ? 3 : 1);
    char *o = (char *)py_alloc(&p->m->arena, (size_t)n + 1);
    if (!o) return nomem(p);
    int32_t k = 0;
    for (int32_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\\' && !(t->flags & PY_STR_RAW) && !(t->flags & PY_STR_F) && i + 1 < n) {
            char d = s[++i];
            switch (d) {
            case 'n': o[k++] = '\n'; break;
            case 't': o[k++] = '\t'; break;
            case 'r': o[k++] = '\r'; break;
            case '0': o[k++] = '\0'; break;
            case '\\': o[k++] = '\\'; break;
            case '\'': o[k++] = '\''; break;
            case '"': o[k++] = '"'; break;
            case '\n': break;  /* line continuation inside the literal */
            default: o[k++] = '\\'; o[k++] = d; break;
            }
            continue;
        }
        o[k++] = c;
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

/* Adjacent string literals concatenate; an f-string anywhere makes the whole an f-string. */
static py_node *strings(parser *p) {
    const py_token *first = peek(p);
    int is_f = 0, is_bytes = (first->flags & PY_STR_BYTES) != 0;
    int32_t total = 0, count = 0;
    for (int32_t i = p->pos; p->t[i].kind == PY_T_STRING; i++) {
        if (p->t[i].flags & PY_STR_F) is_f = 1;
        if (((p->t[i].flags & PY_STR_BYTES) != 0) != is_bytes)
            return fail_at(p, CNNC_ERR_PARSE, first->line, first->col, "SyntaxError", "cannot mix bytes and nonbytes literals");
        total += p->t[i].end - p->t[i].begin;
        count++;
    }
    py_node *n = node(p, is_f ? PY_E_FSTR : is_bytes ? PY_E_BYTES : PY_E_STR, first);
    if (!n) return NULL;
    /* f-strings keep their raw bodies (the interpreter parses the fields); a
     * plain part of one gets its braces doubled so they stay literal */
    char *buf = (char *)py_alloc(&p->m->arena, 2 * (size_t)total + 1);
    if (!buf) return nomem(p);
    int32_t k = 0;
    for (int32_t j = 0; j < count; j++) {
        const py_token *t = advance(p);
        if (is_f && (t->flags & PY_STR_F)) {
            int32_t len = (t->end - t->begin) - t->quote - (t->flags & PY_STR_TRIPLE ? 3 : 1);
            memcpy(buf + k, p->src + t->begin + t->quote, (size_t)len);
            k += len;
            continue;
        }
        int32_t len;
        const char *d = decode_string(p, t, &len);
        if (!d) return NULL;
        for (int32_t q = 0; q < len; q++) {
            buf[k++] = d[q];
            if (is_f && (d[q] == '{' || d[q] == '}')) buf[k++] = d[q];
        }
    }
    buf[k] = '\0';
    n->v.str.s = buf;
    n->v.str.len = k;
    n->end = prev_end(p);
    n->x.fstr.line = first->line;
    n->x.fstr.col = first->col;
    return n;
}

static py_comp *comprehension_clauses(parser *p, int32_t *n_out);

/* Arguments of a call; p is just past '('. */
static py_node *call_args(parser *p, py_node *fn, const py_token *lpar) {
    py_node *call = node(p, PY_E_CALL, lpar);
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
            py_node *v = expression(p);
            if (!v) return NULL;
            if (!(arg = node(p, PY_E_STARRED, t))) return NULL;
            arg->a = v;
            arg->end = prev_end(p);
            if (seen_dstar)
                return fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError",
                               "iterable argument unpacking follows keyword argument unpacking");
            if (!nl_push(p, &args, arg)) return NULL;
        } else if (is_op(t, PY_OP_DSTAR)) {
            advance(p);
            py_node *v = expression(p);
            if (!v) return NULL;
            if (!(arg = node(p, PY_E_DSTAR, t))) return NULL;
            arg->a = v;
            arg->end = prev_end(p);
            seen_dstar = 1;
            if (!nl_push(p, &kws, arg)) return NULL;
        } else if (t->kind == PY_T_NAME && t->kw == PY_KW_NONE_ && is_op(peek_at(p, 1), PY_OP_ASSIGN)) {
            advance(p);
            advance(p);
            py_sym name = sym_of(p, t);
            for (int32_t k = 0; k < kws.n; k++)
                if (kws.v[k]->kind == PY_E_KEYWORD && kws.v[k]->v.sym == name)
                    return fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "keyword argument repeated: %s",
                                   py_sym_name(p->m->syms, name));
            py_node *v = expression(p);
            if (!v) return NULL;
            if (!(arg = node(p, PY_E_KEYWORD, t))) return NULL;
            arg->v.sym = name;
            arg->a = v;
            arg->end = prev_end(p);
            seen_kw = 1;
            if (!nl_push(p, &kws, arg)) return NULL;
        } else {
            py_node *v = named_expression(p);
            if (!v) return NULL;
            if (is_kw(peek(p), PY_KW_FOR)) {
                /* a generator argument */
                py_node *g = node(p, PY_E_GENEXP, t);
                if (!g) return NULL;
                g->a = v;
                if (!(g->x.comp.comps = comprehension_clauses(p, &g->x.comp.n_comps))) return NULL;
                span_from(g, v, p);
                if (args.n || kws.n || !is_op(peek(p), PY_OP_RPAR))
                    return fail_at(p, CNNC_ERR_PARSE, v->line, v->col, "SyntaxError",
                                   "Generator expression must be parenthesized");
                v = g;
            }
            if (seen_kw || seen_dstar) {
                if (seen_dstar && !seen_kw)
                    return fail_at(p, CNNC_ERR_PARSE, v->line, v->col, "SyntaxError",
                                   "positional argument follows keyword argument unpacking");
                return fail_at(p, CNNC_ERR_PARSE, v->line, v->col, "SyntaxError", "positional argument follows keyword argument");
            }
            if (!nl_push(p, &args, v)) return NULL;
            arg = v;
        }
        if (accept_op(p, PY_OP_COMMA)) continue;
        if (is_op(peek(p), PY_OP_RPAR)) break;
        if (missing_comma(p, arg)) return NULL;
        if (is_op(peek(p), PY_OP_ASSIGN) && arg->kind != PY_E_KEYWORD)
            return fail_at(p, CNNC_ERR_PARSE, arg->line, arg->col, "SyntaxError",
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
        return syntax_error(p, peek(p));
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

/* One subscript element: a slice a:b:c or an expression. */
static py_node *slice_item(parser *p) {
    const py_token *t = peek(p);
    py_node *lo = NULL, *hi = NULL, *step = NULL;
    if (is_op(t, PY_OP_STAR)) {
        advance(p);
        py_node *v = bitwise_or(p);
        if (!v) return NULL;
        py_node *s = node(p, PY_E_STARRED, t);
        if (!s) return NULL;
        s->a = v;
        s->end = prev_end(p);
        return s;
    }
    if (!is_op(t, PY_OP_COLON)) {
        lo = named_expression(p);
        if (!lo) return NULL;
        if (!is_op(peek(p), PY_OP_COLON)) return lo;
    }
    py_node *s = node(p, PY_E_SLICE, t);
    if (!s) return NULL;
    advance(p);  /* ':' */
    const py_token *q = peek(p);
    if (!is_op(q, PY_OP_COLON) && !is_op(q, PY_OP_COMMA) && !is_op(q, PY_OP_RSQB)) {
        if (!(hi = expression(p))) return NULL;
    }
    if (accept_op(p, PY_OP_COLON)) {
        q = peek(p);
        if (!is_op(q, PY_OP_COMMA) && !is_op(q, PY_OP_RSQB) && !(step = expression(p))) return NULL;
    }
    s->a = lo;
    s->b = hi;
    s->c = step;
    if (lo) { s->line = lo->line; s->col = lo->col; s->begin = lo->begin; }
    s->end = prev_end(p);
    return s;
}

static py_node *subscript(parser *p, py_node *value, const py_token *lsqb) {
    py_node *sub = node(p, PY_E_SUBSCRIPT, lsqb);
    if (!sub) return NULL;
    sub->a = value;
    p->in_brackets++;
    nlist items = {0};
    int trailing_comma = 0;
    do {
        if (is_op(peek(p), PY_OP_RSQB) && items.n) { trailing_comma = 1; break; }
        py_node *it = slice_item(p);
        if (!it) return NULL;
        if (!nl_push(p, &items, it)) return NULL;
        if (!is_op(peek(p), PY_OP_COMMA) && !is_op(peek(p), PY_OP_RSQB) && missing_comma(p, it)) return NULL;
    } while (accept_op(p, PY_OP_COMMA));
    if (!expect_op(p, PY_OP_RSQB)) return NULL;
    p->in_brackets--;
    if (items.n == 1 && !trailing_comma) {
        sub->b = items.v[0];
    } else {
        py_node *tup = node(p, PY_E_TUPLE, lsqb);
        if (!tup) return NULL;
        tup->list = items.v;
        tup->n = items.n;
        sub->b = tup;
    }
    sub->line = value->line;
    sub->col = value->col;
    sub->begin = value->begin;
    sub->end = prev_end(p);
    return sub;
}

static py_node *atom(parser *p);

static py_node *primary(parser *p) {
    py_node *a = atom(p);
    while (a) {
        const py_token *t = peek(p);
        if (is_op(t, PY_OP_DOT)) {
            advance(p);
            const py_token *name = peek(p);
            if (name->kind != PY_T_NAME || name->kw) return syntax_error(p, name);
            advance(p);
            py_node *at = node(p, PY_E_ATTR, name);
            if (!at) return NULL;
            at->a = a;
            at->v.sym = sym_of(p, name);
            at->x.pos.line = name->line;
            at->x.pos.col = name->col;
            at->line = a->line;
            at->col = a->col;
            at->begin = a->begin;
            at->end = name->end;
            a = at;
        } else if (is_op(t, PY_OP_LPAR)) {
            advance(p);
            a = call_args(p, a, t);
        } else if (is_op(t, PY_OP_LSQB)) {
            advance(p);
            a = subscript(p, a, t);
        } else {
            break;
        }
    }
    return a;
}

static py_comp *comprehension_clauses(parser *p, int32_t *n_out) {
    py_comp *comps = NULL;
    int32_t n = 0, cap = 0;
    while (is_kw(peek(p), PY_KW_FOR) || (is_kw(peek(p), PY_KW_ASYNC) && is_kw(peek_at(p, 1), PY_KW_FOR))) {
        accept_kw(p, PY_KW_ASYNC);
        advance(p);  /* for */
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 2;
            py_comp *c = (py_comp *)py_alloc(&p->m->arena, (size_t)nc * sizeof *c);
            if (!c) return nomem(p);
            if (n) memcpy(c, comps, (size_t)n * sizeof *c);
            comps = c;
            cap = nc;
        }
        py_comp *c = &comps[n++];
        if (!(c->target = star_targets_list(p))) return NULL;
        if (!accept_kw(p, PY_KW_IN)) return syntax_error(p, peek(p));
        if (!(c->iter = disjunction(p))) return NULL;
        nlist ifs = {0};
        while (accept_kw(p, PY_KW_IF)) {
            py_node *cond = disjunction(p);
            if (!cond || !nl_push(p, &ifs, cond)) return NULL;
        }
        c->ifs = ifs.v;
        c->n_ifs = ifs.n;
    }
    *n_out = n;
    return comps;
}

/* ( ... ): a group, a tuple, or a generator expression. */
static py_node *paren(parser *p, const py_token *lpar) {
    p->in_brackets++;
    if (is_op(peek(p), PY_OP_RPAR)) {
        advance(p);
        p->in_brackets--;
        py_node *t = node(p, PY_E_TUPLE, lpar);
        if (t) { t->end = prev_end(p); t->flags |= PY_F_PAREN; }
        return t;
    }
    if (is_kw(peek(p), PY_KW_YIELD)) {
        py_node *y = star_expressions(p);  /* handles yield below */
        if (!y || !expect_op(p, PY_OP_RPAR)) return NULL;
        p->in_brackets--;
        return y;
    }
    nlist items = {0};
    int comma = 0;
    for (;;) {
        const py_token *t = peek(p);
        py_node *e;
        if (is_op(t, PY_OP_STAR)) {
            advance(p);
            py_node *v = bitwise_or(p);
            if (!v || !(e = node(p, PY_E_STARRED, t))) return NULL;
            e->a = v;
            e->end = prev_end(p);
        } else if (!(e = named_expression(p))) {
            return NULL;
        }
        if (items.n == 0 && is_kw(peek(p), PY_KW_FOR)) {
            py_node *g = node(p, PY_E_GENEXP, lpar);
            if (!g) return NULL;
            g->a = e;
            if (!(g->x.comp.comps = comprehension_clauses(p, &g->x.comp.n_comps))) return NULL;
            if (!expect_op(p, PY_OP_RPAR)) return NULL;
            p->in_brackets--;
            g->end = prev_end(p);
            return g;
        }
        if (!nl_push(p, &items, e)) return NULL;
        if (accept_op(p, PY_OP_COMMA)) {
            comma = 1;
            if (is_op(peek(p), PY_OP_RPAR)) break;
            continue;
        }
        if (is_op(peek(p), PY_OP_RPAR)) break;
        if (missing_comma(p, e)) return NULL;
        return syntax_error(p, peek(p));
    }
    advance(p);
    p->in_brackets--;
    if (!comma && items.n == 1) {
        py_node *g = items.v[0];
        g->flags |= PY_F_PAREN;
        return g;
    }
    py_node *t = node(p, PY_E_TUPLE, lpar);
    if (!t) return NULL;
    t->list = items.v;
    t->n = items.n;
    t->flags |= PY_F_PAREN;
    t->end = prev_end(p);
    return t;
}

static py_node *list_display(parser *p, const py_token *lsqb) {
    p->in_brackets++;
    nlist items = {0};
    while (!is_op(peek(p), PY_OP_RSQB)) {
        const py_token *t = peek(p);
        py_node *e;
        if (is_op(t, PY_OP_STAR)) {
            advance(p);
            py_node *v = bitwise_or(p);
            if (!v || !(e = node(p, PY_E_STARRED, t))) return NULL;
            e->a = v;
            e->end = prev_end(p);
        } else if (!(e = named_expression(p))) {
            return NULL;
        }
        if (items.n == 0 && is_kw(peek(p), PY_KW_FOR)) {
            py_node *c = node(p, PY_E_LISTCOMP, lsqb);
            if (!c) return NULL;
            c->a = e;
            if (!(c->x.comp.comps = comprehension_clauses(p, &c->x.comp.n_comps))) return NULL;
            if (!expect_op(p, PY_OP_RSQB)) return NULL;
            p->in_brackets--;
            c->end = prev_end(p);
            return c;
        }
        if (!nl_push(p, &items, e)) return NULL;
        if (accept_op(p, PY_OP_COMMA)) continue;
        if (is_op(peek(p), PY_OP_RSQB)) break;
        if (missing_comma(p, e)) return NULL;
        return syntax_error(p, peek(p));
    }
    advance(p);
    p->in_brackets--;
    py_node *l = node(p, PY_E_LIST, lsqb);
    if (!l) return NULL;
    l->list = items.v;
    l->n = items.n;
    l->end = prev_end(p);
    return l;
}

/* { ... }: dict, set, or their comprehensions. */
static py_node *brace_display(parser *p, const py_token *lb) {
    p->in_brackets++;
    nlist keys = {0}, vals = {0};
    int is_dict = -1;
    while (!is_op(peek(p), PY_OP_RBRACE)) {
        const py_token *t = peek(p);
        py_node *k = NULL, *v = NULL;
        if (is_op(t, PY_OP_DSTAR)) {
            if (is_dict == 0) return syntax_error(p, t);
            is_dict = 1;
            advance(p);
            if (!(v = bitwise_or(p))) return NULL;
            k = NULL;
        } else if (is_op(t, PY_OP_STAR)) {
            if (is_dict == 1) return syntax_error(p, t);
            is_dict = 0;
            advance(p);
            py_node *e = bitwise_or(p);
            if (!e || !(k = node(p, PY_E_STARRED, t))) return NULL;
            k->a = e;
        } else {
            if (!(k = named_expression(p))) return NULL;
            if (is_op(peek(p), PY_OP_COLON)) {
                if (is_dict == 0) return syntax_error(p, peek(p));
                is_dict = 1;
                advance(p);
                if (!(v = expression(p))) return NULL;
            } else {
                if (is_dict == 1)
                    return fail_at(p, CNNC_ERR_PARSE, peek(p)->line, peek(p)->col, "SyntaxError",
                                   "':' expected after dictionary key");
                is_dict = 0;
            }
        }
        if (keys.n == 0 && is_kw(peek(p), PY_KW_FOR) && k) {
            py_node *c = node(p, is_dict == 1 ? PY_E_DICTCOMP : PY_E_SETCOMP, lb);
            if (!c) return NULL;
            c->a = k;
            c->b = v;
            if (!(c->x.comp.comps = comprehension_clauses(p, &c->x.comp.n_comps))) return NULL;
            if (!expect_op(p, PY_OP_RBRACE)) return NULL;
            p->in_brackets--;
            c->end = prev_end(p);
            return c;
        }
        if (!nl_push(p, &keys, k) || !nl_push(p, &vals, v)) return NULL;
        if (accept_op(p, PY_OP_COMMA)) continue;
        if (is_op(peek(p), PY_OP_RBRACE)) break;
        if (missing_comma(p, v ? v : k)) return NULL;
        return syntax_error(p, peek(p));
    }
    advance(p);
    p->in_brackets--;
    py_node *d = node(p, is_dict == 0 ? PY_E_SET : PY_E_DICT, lb);
    if (!d) return NULL;
    d->list = keys.v;
    d->n = keys.n;
    d->list2 = vals.v;
    d->n2 = vals.n;
    d->end = prev_end(p);
    return d;
}

static py_node *atom(parser *p) {
    const py_token *t = peek(p);
    py_node *n;
    switch (t->kind) {
    case PY_T_NAME:
        switch (t->kw) {
        case PY_KW_NONE_:
            advance(p);
            if (!(n = node(p, PY_E_NAME, t))) return NULL;
            n->v.sym = sym_of(p, t);
            return n;
        case PY_KW_NONE: advance(p); return node(p, PY_E_NONE, t);
        case PY_KW_TRUE: advance(p); return node(p, PY_E_TRUE, t);
        case PY_KW_FALSE: advance(p); return node(p, PY_E_FALSE, t);
        default: return syntax_error(p, t);
        }
    case PY_T_NUMBER:
        advance(p);
        if (t->flags & PY_NUM_IMAG) { if ((n = node(p, PY_E_IMAG, t))) n->v.f = t->v.f; return n; }
        if (t->flags & PY_NUM_FLOAT) { if ((n = node(p, PY_E_FLOAT, t))) n->v.f = t->v.f; return n; }
        if ((n = node(p, PY_E_INT, t))) {
            n->v.i = t->v.i;
            if (t->flags & PY_NUM_BIG) n->flags |= PY_F_BIG_INT;
        }
        return n;
    case PY_T_STRING: return strings(p);
    case PY_T_OP:
        if (is_op(t, PY_OP_LPAR)) { advance(p); return paren(p, t); }
        if (is_op(t, PY_OP_LSQB)) { advance(p); return list_display(p, t); }
        if (is_op(t, PY_OP_LBRACE)) { advance(p); return brace_display(p, t); }
        if (is_op(t, PY_OP_ELLIPSIS)) { advance(p); return node(p, PY_E_ELLIPSIS, t); }
        return syntax_error(p, t);
    default:
        return syntax_error(p, t);
    }
}

static py_node *await_primary(parser *p) {
    const py_token *t = peek(p);
    if (is_kw(t, PY_KW_AWAIT)) {
        advance(p);
        py_node *v = primary(p);
        if (!v) return NULL;
        py_node *n = node(p, PY_E_AWAIT, t);
        if (n) { n->a = v; n->end = prev_end(p); }
        return n;
    }
    return primary(p);
}

static py_node *factor(parser *p);

static py_node *power(parser *p) {
    py_node *a = await_primary(p);
    if (!a) return NULL;
    if (is_op(peek(p), PY_OP_DSTAR)) {
        const py_token *op = advance(p);
        py_node *b = factor(p);
        if (!b) return NULL;
        py_node *n = node(p, PY_E_BINOP, op);
        if (!n) return NULL;
        n->op = PY_OP_DSTAR;
        n->x.pos.line = op->line;
        n->x.pos.col = op->col;
        n->a = a;
        n->b = b;
        span_from(n, a, p);
        return n;
    }
    return a;
}

static py_node *factor(parser *p) {
    const py_token *t = peek(p);
    if (is_op(t, PY_OP_PLUS) || is_op(t, PY_OP_MINUS) || is_op(t, PY_OP_TILDE)) {
        if (!enter(p)) return NULL;
        advance(p);
        py_node *v = factor(p);
        leave(p);
        if (!v) return NULL;
        py_node *n = node(p, PY_E_UNARY, t);
        if (!n) return NULL;
        n->op = t->op;
        n->a = v;
        n->end = prev_end(p);
        return n;
    }
    return power(p);
}

typedef py_node *(*subparser)(parser *);

/* A left-associative chain of binary operators. */
static py_node *binary(parser *p, subparser sub, const py_op *ops, int n_ops) {
    py_node *a = sub(p);
    while (a) {
        const py_token *t = peek(p);
        int hit = 0;
        for (int k = 0; k < n_ops && !hit; k++) hit = is_op(t, ops[k]);
        if (!hit) break;
        advance(p);
        py_node *b = sub(p);
        if (!b) return NULL;
        py_node *n = node(p, PY_E_BINOP, t);
        if (!n) return NULL;
        n->op = t->op;
        n->a = a;
        n->b = b;
        n->x.pos.line = t->line;
        n->x.pos.col = t->col;
        span_from(n, a, p);
        a = n;
    }
    return a;
}

static py_node *term(parser *p) {
    static const py_op ops[] = {PY_OP_STAR, PY_OP_SLASH, PY_OP_DSLASH, PY_OP_PERCENT, PY_OP_AT};
    return binary(p, factor, ops, 5);
}
static py_node *sum(parser *p) {
    static const py_op ops[] = {PY_OP_PLUS, PY_OP_MINUS};
    return binary(p, term, ops, 2);
}
static py_node *shift_expr(parser *p) {
    static const py_op ops[] = {PY_OP_LSHIFT, PY_OP_RSHIFT};
    return binary(p, sum, ops, 2);
}
static py_node *bitwise_and(parser *p) {
    static const py_op ops[] = {PY_OP_AMP};
    return binary(p, shift_expr, ops, 1);
}
static py_node *bitwise_xor(parser *p) {
    static const py_op ops[] = {PY_OP_CARET};
    return binary(p, bitwise_and, ops, 1);
}
static py_node *bitwise_or(parser *p) {
    static const py_op ops[] = {PY_OP_PIPE};
    return binary(p, bitwise_xor, ops, 1);
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
    py_node *a = bitwise_or(p);
    if (!a) return NULL;
    uint8_t op;
    if (!compare_op(p, &op)) return a;
    nlist rest = {0};
    uint8_t ops[64];
    int n = 0;
    do {
        if (n == 64) return fail_at(p, CNNC_ERR_UNSUPPORTED, a->line, a->col, "NotImplementedError",
                                    "cnnc cannot follow a chain of more than 64 comparisons");
        ops[n++] = op;
        py_node *b = bitwise_or(p);
        if (!b || !nl_push(p, &rest, b)) return NULL;
    } while (compare_op(p, &op));
    py_node *c = node(p, PY_E_COMPARE, peek(p));
    if (!c) return NULL;
    c->a = a;
    c->list = rest.v;
    c->n = rest.n;
    c->x.cmp.ops = (uint8_t *)py_alloc(&p->m->arena, (size_t)n);
    if (!c->x.cmp.ops) return nomem(p);
    memcpy(c->x.cmp.ops, ops, (size_t)n);
    span_from(c, a, p);
    return c;
}

static py_node *inversion(parser *p) {
    const py_token *t = peek(p);
    if (is_kw(t, PY_KW_NOT)) {
        if (!enter(p)) return NULL;
        advance(p);
        py_node *v = inversion(p);
        leave(p);
        if (!v) return NULL;
        py_node *n = node(p, PY_E_NOT, t);
        if (n) { n->a = v; n->end = prev_end(p); }
        return n;
    }
    return comparison(p);
}

static py_node *bool_chain(parser *p, subparser sub, py_kw kw, py_node_kind kind) {
    py_node *a = sub(p);
    if (!a || !is_kw(peek(p), kw)) return a;
    nlist items = {0};
    if (!nl_push(p, &items, a)) return NULL;
    while (accept_kw(p, kw)) {
        py_node *b = sub(p);
        if (!b || !nl_push(p, &items, b)) return NULL;
    }
    py_node *n = node(p, kind, peek(p));
    if (!n) return NULL;
    n->list = items.v;
    n->n = items.n;
    span_from(n, a, p);
    return n;
}

static py_node *conjunction(parser *p) { return bool_chain(p, inversion, PY_KW_AND, PY_E_AND); }
static py_node *disjunction(parser *p) { return bool_chain(p, conjunction, PY_KW_OR, PY_E_OR); }

static py_node *expression(parser *p) {
    if (!enter(p)) return NULL;
    const py_token *t = peek(p);
    py_node *r;
    if (is_kw(t, PY_KW_LAMBDA)) {
        r = lambda_def(p);
    } else {
        r = disjunction(p);
        if (r && is_kw(peek(p), PY_KW_IF)) {
            const py_token *ift = advance(p);
            py_node *cond = disjunction(p);
            if (!cond) { leave(p); return NULL; }
            if (!accept_kw(p, PY_KW_ELSE)) {
                leave(p);
                return fail_at(p, CNNC_ERR_PARSE, r->line, r->col, "SyntaxError", "expected 'else' after 'if' expression");
            }
            py_node *orelse = expression(p);
            if (!orelse) { leave(p); return NULL; }
            py_node *n = node(p, PY_E_IFEXP, ift);
            if (!n) { leave(p); return NULL; }
            n->a = cond;
            n->b = r;
            n->c = orelse;
            span_from(n, r, p);
            r = n;
        }
    }
    leave(p);
    return r;
}

static py_node *named_expression(parser *p) {
    const py_token *t = peek(p);
    if (t->kind == PY_T_NAME && !t->kw && is_op(peek_at(p, 1), PY_OP_WALRUS)) {
        advance(p);
        advance(p);
        py_node *v = expression(p);
        if (!v) return NULL;
        py_node *target = node(p, PY_E_NAME, t);
        py_node *n = node(p, PY_E_WALRUS, t);
        if (!target || !n) return NULL;
        target->v.sym = sym_of(p, t);
        n->a = target;
        n->b = v;
        n->end = prev_end(p);
        return n;
    }
    return expression(p);
}

static py_node *lambda_def(parser *p) {
    const py_token *t = advance(p);  /* lambda */
    py_node *fn = node(p, PY_E_LAMBDA, t);
    if (!fn) return NULL;
    if (!params(p, 1, fn)) return NULL;
    if (!expect_op(p, PY_OP_COLON)) return NULL;
    int saved = p->fn_depth, saved_loop = p->loop_depth;
    p->fn_depth++;
    p->loop_depth = 0;
    fn->a = expression(p);
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
        py_node *v = bitwise_or(p);
        if (!v) return NULL;
        py_node *n = node(p, PY_E_STARRED, t);
        if (n) { n->a = v; n->end = prev_end(p); }
        return n;
    }
    return expression(p);
}

/* Tokens that end an expression list. */
static int ends_list(const py_token *t) {
    if (t->kind == PY_T_NEWLINE || t->kind == PY_T_EOF || t->kind == PY_T_ERROR) return 1;
    if (t->kind == PY_T_OP)
        return t->op == PY_OP_ASSIGN || t->op == PY_OP_RPAR || t->op == PY_OP_RSQB || t->op == PY_OP_RBRACE ||
               t->op == PY_OP_SEMI || t->op == PY_OP_COLON || (t->op >= PY_OP_PLUS_EQ && t->op <= PY_OP_DSTAR_EQ);
    return is_kw(t, PY_KW_IN) || is_kw(t, PY_KW_FOR) || is_kw(t, PY_KW_IF);
}

/* star_expressions: a tuple when there is a comma; yield expressions too. */
static py_node *star_expressions(parser *p) {
    const py_token *t = peek(p);
    if (is_kw(t, PY_KW_YIELD)) {
        advance(p);
        py_node *y = node(p, PY_E_YIELD, t);
        if (!y) return NULL;
        if (accept_kw(p, PY_KW_FROM)) {
            if (!(y->a = expression(p))) return NULL;
            y->flags |= 1;
        } else if (!ends_list(peek(p))) {
            if (!(y->a = star_expressions(p))) return NULL;
        }
        y->end = prev_end(p);
        return y;
    }
    py_node *a = star_expression(p);
    if (!a || !is_op(peek(p), PY_OP_COMMA)) return a;
    nlist items = {0};
    if (!nl_push(p, &items, a)) return NULL;
    while (accept_op(p, PY_OP_COMMA)) {
        if (ends_list(peek(p))) break;
        py_node *b = star_expression(p);
        if (!b || !nl_push(p, &items, b)) return NULL;
    }
    py_node *tup = node(p, PY_E_TUPLE, t);
    if (!tup) return NULL;
    tup->list = items.v;
    tup->n = items.n;
    span_from(tup, a, p);
    return tup;
}

/* Targets of `for ... in` and comprehensions: star_targets without `in`. */
static py_node *star_targets_list(parser *p) {
    const py_token *t = peek(p);
    nlist items = {0};
    int comma = 0;
    for (;;) {
        const py_token *s = peek(p);
        py_node *e;
        if (is_op(s, PY_OP_STAR)) {
            advance(p);
            py_node *v = bitwise_or(p);
            if (!v || !(e = node(p, PY_E_STARRED, s))) return NULL;
            e->a = v;
        } else if (!(e = bitwise_or(p))) {
            return NULL;
        }
        if (!nl_push(p, &items, e)) return NULL;
        if (!accept_op(p, PY_OP_COMMA)) break;
        comma = 1;
        if (is_kw(peek(p), PY_KW_IN) || is_op(peek(p), PY_OP_ASSIGN)) break;
    }
    if (!comma) return items.v[0];
    py_node *tup = node(p, PY_E_TUPLE, t);
    if (!tup) return NULL;
    tup->list = items.v;
    tup->n = items.n;
    span_from(tup, items.v[0], p);
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
static int check_target(parser *p, const py_node *e, int aug, int del) {
    switch (e->kind) {
    case PY_E_NAME: case PY_E_ATTR: case PY_E_SUBSCRIPT: return 1;
    case PY_E_TUPLE: case PY_E_LIST:
        if (aug) {
            fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "'%s' is an illegal expression for augmented assignment",
                    e->kind == PY_E_TUPLE ? "tuple" : "list");
            return 0;
        }
        for (int32_t k = 0; k < e->n; k++)
            if (!check_target(p, e->list[k], 0, del)) return 0;
        return 1;
    case PY_E_STARRED:
        if (aug || del) break;
        return check_target(p, e->a, 0, del);
    default: break;
    }
    if (aug) {
        fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "'%s' is an illegal expression for augmented assignment",
                target_kind_name(e));
    } else if (del) {
        fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "cannot delete %s", target_kind_name(e));
    } else {
        fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError",
                "cannot assign to %s here. Maybe you meant '==' instead of '='?", target_kind_name(e));
    }
    return 0;
}

/* ------------------------------------------------------------- statements */

static int block(parser *p, const char *what, int32_t head_line, nlist *out);
static int statement(parser *p, nlist *out);

static int end_simple(parser *p) {
    const py_token *t = peek(p);
    if (t->kind == PY_T_NEWLINE || is_op(t, PY_OP_SEMI) || t->kind == PY_T_EOF) return 1;
    syntax_error(p, t);
    return 0;
}

static py_node *dotted_name(parser *p, const char **path) {
    const py_token *first = peek(p);
    if (first->kind != PY_T_NAME || first->kw) return syntax_error(p, first);
    int32_t begin = first->begin;
    advance(p);
    while (is_op(peek(p), PY_OP_DOT)) {
        advance(p);
        const py_token *t = peek(p);
        if (t->kind != PY_T_NAME || t->kw) return syntax_error(p, t);
        advance(p);
    }
    /* the text without spaces around dots */
    int32_t end = prev_end(p);
    char *buf = (char *)py_alloc(&p->m->arena, (size_t)(end - begin) + 1);
    if (!buf) return nomem(p);
    int32_t k = 0;
    for (int32_t i = begin; i < end; i++)
        if (p->src[i] != ' ' && p->src[i] != '\t' && p->src[i] != '\\' && p->src[i] != '\n' && p->src[i] != '\r') buf[k++] = p->src[i];
    buf[k] = '\0';
    *path = buf;
    return (py_node *)buf;  /* non-NULL marker */
}

static py_node *import_stmt(parser *p, const py_token *t) {
    py_node *s = node(p, PY_S_IMPORT, t);
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
            if (a->kind != PY_T_NAME || a->kw) return syntax_error(p, a);
            advance(p);
            as = sym_of(p, a);
        }
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            py_alias *v = (py_alias *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) return nomem(p);
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
    py_node *s = node(p, PY_S_FROM, t);
    if (!s) return NULL;
    int32_t level = 0;
    for (;;) {
        if (accept_op(p, PY_OP_DOT)) level++;
        else if (accept_op(p, PY_OP_ELLIPSIS)) level += 3;
        else break;
    }
    const char *module = "";
    if (!is_kw(peek(p), PY_KW_IMPORT) && !dotted_name(p, &module)) return NULL;
    if (!accept_kw(p, PY_KW_IMPORT)) return syntax_error(p, peek(p));
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
        if (a->kind != PY_T_NAME || a->kw) return syntax_error(p, a);
        advance(p);
        py_sym as = -1;
        if (accept_kw(p, PY_KW_AS)) {
            const py_token *b = peek(p);
            if (b->kind != PY_T_NAME || b->kw) return syntax_error(p, b);
            advance(p);
            as = sym_of(p, b);
        }
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            py_alias *v = (py_alias *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) return nomem(p);
            if (n) memcpy(v, names, (size_t)n * sizeof *v);
            names = v;
            cap = nc;
        }
        names[n++] = (py_alias){py_strndup(&p->m->arena, p->src + a->begin, (size_t)(a->end - a->begin)), as, a->line, a->col};
        if (!accept_op(p, PY_OP_COMMA)) break;
        if (!paren && !(peek(p)->kind == PY_T_NAME)) return syntax_error(p, peek(p));
    }
    if (paren && !expect_op(p, PY_OP_RPAR)) return NULL;
    s->x.imp.names = names;
    s->x.imp.n_names = n;
    s->end = prev_end(p);
    return s;
}

static py_node *name_list_stmt(parser *p, const py_token *t, py_node_kind kind) {
    py_node *s = node(p, kind, t);
    if (!s) return NULL;
    py_sym *names = NULL;
    int32_t n = 0, cap = 0;
    do {
        const py_token *a = peek(p);
        if (a->kind != PY_T_NAME || a->kw) return syntax_error(p, a);
        advance(p);
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            py_sym *v = (py_sym *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) return nomem(p);
            if (n) memcpy(v, names, (size_t)n * sizeof *v);
            names = v;
            cap = nc;
        }
        names[n++] = sym_of(p, a);
    } while (accept_op(p, PY_OP_COMMA));
    s->x.glob.names = names;
    s->x.glob.n_names = n;
    return s;
}

static py_node *expr_statement(parser *p) {
    const py_token *t = peek(p);
    py_node *e = star_expressions(p);
    if (!e) return NULL;
    const py_token *nt = peek(p);
    /* annotated assignment: target: annotation [= value] */
    if (is_op(nt, PY_OP_COLON)) {
        if (e->kind != PY_E_NAME && e->kind != PY_E_ATTR && e->kind != PY_E_SUBSCRIPT) {
            if (e->kind == PY_E_TUPLE)
                return fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "only single target (not tuple) can be annotated");
            return fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError", "illegal target for annotation");
        }
        advance(p);
        py_node *ann = expression(p);
        if (!ann) return NULL;
        py_node *s = node(p, PY_S_ANNASSIGN, t);
        if (!s) return NULL;
        s->a = e;
        s->c = ann;
        if (accept_op(p, PY_OP_ASSIGN)) {
            if (!(s->b = star_expressions(p))) return NULL;
        }
        s->end = prev_end(p);
        return s;
    }
    if (nt->kind == PY_T_OP && nt->op >= PY_OP_PLUS_EQ && nt->op <= PY_OP_DSTAR_EQ) {
        if (!check_target(p, e, 1, 0)) return NULL;
        advance(p);
        py_node *v = star_expressions(p);
        if (!v) return NULL;
        py_node *s = node(p, PY_S_AUGASSIGN, t);
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
            if (!check_target(p, value, 0, 0)) return NULL;
            if (!nl_push(p, &targets, value)) return NULL;
            if (!(value = star_expressions(p))) return NULL;
        }
        py_node *s = node(p, PY_S_ASSIGN, t);
        if (!s) return NULL;
        s->list = targets.v;
        s->n = targets.n;
        s->b = value;
        s->end = prev_end(p);
        return s;
    }
    /* Python 2's print statement */
    if (e->kind == PY_E_NAME && !strcmp(py_sym_name(p->m->syms, e->v.sym), "print") && starts_atom(nt))
        return fail_at(p, CNNC_ERR_PARSE, e->line, e->col, "SyntaxError",
                       "Missing parentheses in call to 'print'. Did you mean print(...)?");
    py_node *s = node(p, PY_S_EXPR, t);
    if (!s) return NULL;
    s->a = e;
    s->end = prev_end(p);
    return s;
}

static py_node *simple_statement(parser *p) {
    const py_token *t = peek(p);
    if (t->kind == PY_T_NAME) {
        switch (t->kw) {
        case PY_KW_PASS: advance(p); return node(p, PY_S_PASS, t);
        case PY_KW_BREAK:
            advance(p);
            if (!p->loop_depth) return fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "'break' outside loop");
            return node(p, PY_S_BREAK, t);
        case PY_KW_CONTINUE:
            advance(p);
            if (!p->loop_depth)
                return fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "'continue' not properly in loop");
            return node(p, PY_S_CONTINUE, t);
        case PY_KW_RETURN: {
            advance(p);
            if (!p->fn_depth) return fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "'return' outside function");
            py_node *s = node(p, PY_S_RETURN, t);
            if (!s) return NULL;
            if (!ends_list(peek(p)) && !(s->a = star_expressions(p))) return NULL;
            s->end = prev_end(p);
            return s;
        }
        case PY_KW_RAISE: {
            advance(p);
            py_node *s = node(p, PY_S_RAISE, t);
            if (!s) return NULL;
            if (!ends_list(peek(p))) {
                if (!(s->a = expression(p))) return NULL;
                if (accept_kw(p, PY_KW_FROM) && !(s->b = expression(p))) return NULL;
            }
            s->end = prev_end(p);
            return s;
        }
        case PY_KW_GLOBAL: advance(p); return name_list_stmt(p, t, PY_S_GLOBAL);
        case PY_KW_NONLOCAL: advance(p); return name_list_stmt(p, t, PY_S_NONLOCAL);
        case PY_KW_DEL: {
            advance(p);
            py_node *s = node(p, PY_S_DEL, t);
            if (!s) return NULL;
            py_node *targets = star_expressions(p);
            if (!targets || !check_target(p, targets, 0, 1)) return NULL;
            s->a = targets;
            return s;
        }
        case PY_KW_ASSERT: {
            advance(p);
            py_node *s = node(p, PY_S_ASSERT, t);
            if (!s || !(s->a = expression(p))) return NULL;
            if (accept_op(p, PY_OP_COMMA) && !(s->b = expression(p))) return NULL;
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
        if (!s || !end_simple(p) || !nl_push(p, out, s)) return 0;
        if (!accept_op(p, PY_OP_SEMI)) break;
        if (peek(p)->kind == PY_T_NEWLINE || peek(p)->kind == PY_T_EOF) break;
    }
    const py_token *t = peek(p);
    if (t->kind == PY_T_NEWLINE) advance(p);
    else if (t->kind != PY_T_EOF) { syntax_error(p, t); return 0; }
    return 1;
}

/* ':' then a body, Python's IndentationError when the body is missing. */
static int block(parser *p, const char *what, int32_t head_line, nlist *out) {
    if (!is_op(peek(p), PY_OP_COLON)) {
        const py_token *t = peek(p);
        if (t->kind == PY_T_NEWLINE || t->kind == PY_T_EOF) {
            const py_token *prev = &p->t[p->pos - 1];
            fail_at(p, CNNC_ERR_PARSE, prev->line, prev->col + (int32_t)(prev->end - prev->begin), "SyntaxError",
                    "expected ':'");
            return 0;
        }
        syntax_error(p, t);
        return 0;
    }
    advance(p);
    if (peek(p)->kind != PY_T_NEWLINE) return simple_statements(p, out);
    advance(p);
    const py_token *t = peek(p);
    if (t->kind != PY_T_INDENT) {
        if (t->kind == PY_T_ERROR) { syntax_error(p, t); return 0; }
        int32_t line = t->line, col = t->col;
        if (t->kind == PY_T_EOF || t->kind == PY_T_DEDENT) {
            /* Python points at the end of the header line when the file ends */
            const py_token *colon = &p->t[p->pos - 2];
            line = colon->line;
            col = colon->col + 1;
            if (t->kind == PY_T_DEDENT) { line = t->line; col = t->col; }
        }
        fail_at(p, CNNC_ERR_PARSE, line, col, "IndentationError", "expected an indented block after %s on line %d", what,
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
    py_node *s = node(p, PY_S_IF, t);
    if (!s || !(s->a = named_expression(p))) return NULL;
    nlist body = {0};
    if (!block(p, what, t->line, &body)) return NULL;
    set_body(p, s, &body);
    const py_token *e = peek(p);
    if (is_kw(e, PY_KW_ELIF)) {
        advance(p);
        py_node *elif = if_statement(p, e, "'elif' statement");
        if (!elif) return NULL;
        nlist orelse = {0};
        if (!nl_push(p, &orelse, elif)) return NULL;
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
    py_node *s = node(p, PY_S_FOR, t);
    if (!s || !(s->a = star_targets_list(p))) return NULL;
    if (!check_target(p, s->a, 0, 0)) return NULL;
    if (!accept_kw(p, PY_KW_IN)) return syntax_error(p, peek(p));
    if (!(s->b = star_expressions(p))) return NULL;
    nlist body = {0};
    p->loop_depth++;
    int ok = block(p, "'for' statement", t->line, &body);
    p->loop_depth--;
    if (!ok) return NULL;
    set_body(p, s, &body);
    return loop_else(p, s);
}

static py_node *while_statement(parser *p, const py_token *t) {
    py_node *s = node(p, PY_S_WHILE, t);
    if (!s || !(s->a = named_expression(p))) return NULL;
    nlist body = {0};
    p->loop_depth++;
    int ok = block(p, "'while' statement", t->line, &body);
    p->loop_depth--;
    if (!ok) return NULL;
    set_body(p, s, &body);
    return loop_else(p, s);
}

static py_node *try_statement(parser *p, const py_token *t) {
    py_node *s = node(p, PY_S_TRY, t);
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
            if (!v) return nomem(p);
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
            if (!(h->type = expression(p))) return NULL;
            if (is_op(peek(p), PY_OP_COMMA)) {
                /* except A, B: (Python 2) */
                return fail_at(p, CNNC_ERR_PARSE, h->type->line, h->type->col, "SyntaxError",
                               "multiple exception types must be parenthesized");
            }
            if (accept_kw(p, PY_KW_AS)) {
                const py_token *nm = peek(p);
                if (nm->kind != PY_T_NAME || nm->kw) return syntax_error(p, nm);
                advance(p);
                h->name = sym_of(p, nm);
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
        return fail_at(p, CNNC_ERR_PARSE, peek(p)->line, peek(p)->col, "SyntaxError", "expected 'except' or 'finally' block");
    }
    s->end = prev_end(p);
    return s;
}

static py_node *with_statement(parser *p, const py_token *t) {
    py_node *s = node(p, PY_S_WITH, t);
    if (!s) return NULL;
    nlist items = {0}, targets = {0};
    int paren = is_op(peek(p), PY_OP_LPAR);
    /* `with (a as b, c as d):` (3.10) versus a parenthesised expression: try the simple form */
    (void)paren;
    do {
        py_node *ctx = expression(p);
        if (!ctx) return NULL;
        py_node *target = NULL;
        if (accept_kw(p, PY_KW_AS) && !(target = star_targets_list(p))) return NULL;
        if (!nl_push(p, &items, ctx) || !nl_push(p, &targets, target)) return NULL;
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

/* Parameters of a def (up to ')') or a lambda (up to ':'). */
static int params(parser *p, int is_lambda, py_node *fn) {
    py_param *ps = NULL;
    int32_t n = 0, cap = 0;
    int seen_star = 0, seen_default = 0, seen_slash = 0, star_bare_at = -1;
    const py_op close = is_lambda ? PY_OP_COLON : PY_OP_RPAR;
    while (!is_op(peek(p), close)) {
        const py_token *t = peek(p);
        py_param_kind kind = seen_star ? PY_P_KWONLY : PY_P_POS;
        if (is_op(t, PY_OP_SLASH)) {
            if (seen_slash || seen_star || n == 0) { syntax_error(p, t); return 0; }
            advance(p);
            seen_slash = 1;
            for (int32_t k = 0; k < n; k++) ps[k].kind = PY_P_POSONLY;
            if (!accept_op(p, PY_OP_COMMA) && !is_op(peek(p), close)) { syntax_error(p, peek(p)); return 0; }
            continue;
        }
        if (is_op(t, PY_OP_STAR)) {
            advance(p);
            if (seen_star) { syntax_error(p, t); return 0; }
            seen_star = 1;
            if (is_op(peek(p), PY_OP_COMMA) || is_op(peek(p), close)) {
                star_bare_at = n;
                fn->flags |= PY_F_KWONLY_STAR;
                if (!accept_op(p, PY_OP_COMMA)) break;
                if (is_op(peek(p), close) || is_op(peek(p), PY_OP_DSTAR)) {
                    fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "named arguments must follow bare *");
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
        if (t->kind != PY_T_NAME || t->kw) { syntax_error(p, t); return 0; }
        advance(p);
        if (n == cap) {
            int32_t nc = cap ? cap * 2 : 4;
            py_param *v = (py_param *)py_alloc(&p->m->arena, (size_t)nc * sizeof *v);
            if (!v) { nomem(p); return 0; }
            if (n) memcpy(v, ps, (size_t)n * sizeof *v);
            ps = v;
            cap = nc;
        }
        py_param *pp = &ps[n++];
        pp->name = sym_of(p, t);
        pp->kind = (uint8_t)kind;
        pp->line = t->line;
        pp->col = t->col;
        for (int32_t k = 0; k < n - 1; k++)
            if (ps[k].name == pp->name) {
                fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "duplicate argument '%s' in function definition",
                        py_sym_name(p->m->syms, pp->name));
                return 0;
            }
        if (!is_lambda && accept_op(p, PY_OP_COLON)) {
            if (!(pp->annotation = expression(p))) return 0;
        }
        if (accept_op(p, PY_OP_ASSIGN)) {
            if (kind == PY_P_VARARG || kind == PY_P_VARKW) { syntax_error(p, peek(p)); return 0; }
            if (!(pp->dflt = expression(p))) return 0;
            if (kind == PY_P_POS) seen_default = 1;
        } else if (kind == PY_P_POS && seen_default) {
            fail_at(p, CNNC_ERR_PARSE, t->line, t->col, "SyntaxError", "non-default argument follows default argument");
            return 0;
        }
        if (kind == PY_P_VARKW) {
            accept_op(p, PY_OP_COMMA);
            if (!is_op(peek(p), close)) { syntax_error(p, peek(p)); return 0; }
            break;
        }
        if (!accept_op(p, PY_OP_COMMA)) break;
    }
    (void)star_bare_at;
    if (!is_op(peek(p), close)) { syntax_error(p, peek(p)); return 0; }
    if (!is_lambda) advance(p);
    fn->x.fn.params = ps;
    fn->x.fn.n_params = n;
    return 1;
}

/* Names a function body assigns (its locals), for UnboundLocalError. */
typedef struct symset { py_sym *v; int32_t n, cap; } symset;

static int symset_add(parser *p, symset *s, py_sym x) {
    for (int32_t k = 0; k < s->n; k++)
        if (s->v[k] == x) return 1;
    if (s->n == s->cap) {
        int32_t cap = s->cap ? s->cap * 2 : 8;
        py_sym *v = (py_sym *)py_alloc(&p->m->arena, (size_t)cap * sizeof *v);
        if (!v) { nomem(p); return 0; }
        if (s->n) memcpy(v, s->v, (size_t)s->n * sizeof *v);
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = x;
    return 1;
}

static void target_names(parser *p, const py_node *e, symset *out) {
    if (!e) return;
    if (e->kind == PY_E_NAME) symset_add(p, out, e->v.sym);
    else if (e->kind == PY_E_TUPLE || e->kind == PY_E_LIST)
        for (int32_t k = 0; k < e->n; k++) target_names(p, e->list[k], out);
    else if (e->kind == PY_E_STARRED) target_names(p, e->a, out);
}

static void walk_expr_walrus(parser *p, const py_node *e, symset *out);

static void scope_walk(parser *p, py_node **body, int32_t n, symset *locals, symset *globals, int *has_yield) {
    for (int32_t i = 0; i < n; i++) {
        const py_node *s = body[i];
        switch (s->kind) {
        case PY_S_ASSIGN:
            for (int32_t k = 0; k < s->n; k++) target_names(p, s->list[k], locals);
            walk_expr_walrus(p, s->b, locals);
            break;
        case PY_S_AUGASSIGN: case PY_S_ANNASSIGN: target_names(p, s->a, locals); break;
        case PY_S_FOR: target_names(p, s->a, locals); break;
        case PY_S_WITH: {
            for (int32_t k = 0; k < s->n2; k++) target_names(p, s->x.with.targets[k], locals);
            break;
        }
        case PY_S_DEF: case PY_S_CLASS: symset_add(p, locals, s->v.sym); break;
        case PY_S_IMPORT:
            for (int32_t k = 0; k < s->x.imp.n_names; k++) {
                const py_alias *a = &s->x.imp.names[k];
                if (a->asname >= 0) symset_add(p, locals, a->asname);
                else {
                    size_t len = strcspn(a->path, ".");
                    py_sym sy = py_intern(p->m->syms, a->path, len);
                    if (sy >= 0) symset_add(p, locals, sy);
                }
            }
            break;
        case PY_S_FROM:
            for (int32_t k = 0; k < s->x.imp.n_names; k++) {
                const py_alias *a = &s->x.imp.names[k];
                py_sym sy = a->asname >= 0 ? a->asname : py_intern(p->m->syms, a->path, strlen(a->path));
                if (sy >= 0) symset_add(p, locals, sy);
            }
            break;
        case PY_S_GLOBAL: case PY_S_NONLOCAL:
            for (int32_t k = 0; k < s->x.glob.n_names; k++) symset_add(p, globals, s->x.glob.names[k]);
            break;
        case PY_S_DEL: target_names(p, s->a, locals); break;
        case PY_S_TRY:
            for (int32_t k = 0; k < s->x.tr.n_handlers; k++) {
                const py_handler *h = &s->x.tr.handlers[k];
                if (h->name >= 0) symset_add(p, locals, h->name);
                scope_walk(p, h->body, h->n_body, locals, globals, has_yield);
            }
            scope_walk(p, s->x.tr.final, s->x.tr.n_final, locals, globals, has_yield);
            break;
        case PY_S_EXPR:
            if (s->a && s->a->kind == PY_E_YIELD) *has_yield = 1;
            walk_expr_walrus(p, s->a, locals);
            break;
        default: break;
        }
        if (s->kind == PY_S_IF || s->kind == PY_S_FOR || s->kind == PY_S_WHILE || s->kind == PY_S_TRY ||
            s->kind == PY_S_WITH) {
            scope_walk(p, s->list, s->n, locals, globals, has_yield);
            scope_walk(p, s->list2, s->kind == PY_S_WITH ? 0 : s->n2, locals, globals, has_yield);
        }
    }
}

static void walk_expr_walrus(parser *p, const py_node *e, symset *out) {
    if (!e) return;
    if (e->kind == PY_E_WALRUS) target_names(p, e->a, out);
}

static void find_scope(parser *p, py_node *fn) {
    symset locals = {0}, globals = {0};
    int has_yield = 0;
    for (int32_t k = 0; k < fn->x.fn.n_params; k++) symset_add(p, &locals, fn->x.fn.params[k].name);
    scope_walk(p, fn->list, fn->n, &locals, &globals, &has_yield);
    /* global/nonlocal names are not locals */
    int32_t keep = 0;
    for (int32_t k = 0; k < locals.n; k++) {
        int g = 0;
        for (int32_t j = 0; j < globals.n && !g; j++) g = globals.v[j] == locals.v[k];
        if (!g) locals.v[keep++] = locals.v[k];
    }
    fn->x.fn.scope.locals = locals.v;
    fn->x.fn.scope.n_locals = keep;
    fn->x.fn.scope.globals = globals.v;
    fn->x.fn.scope.n_globals = globals.n;
    fn->x.fn.scope.has_yield = has_yield;
}

static py_node *def_statement(parser *p, const py_token *t, nlist *decorators) {
    const py_token *name = peek(p);
    if (name->kind != PY_T_NAME || name->kw) return syntax_error(p, name);
    advance(p);
    py_node *fn = node(p, PY_S_DEF, t);
    if (!fn) return NULL;
    fn->v.sym = sym_of(p, name);
    if (!expect_op(p, PY_OP_LPAR)) return NULL;
    if (!params(p, 0, fn)) return NULL;
    if (accept_op(p, PY_OP_ARROW) && !(fn->c = expression(p))) return NULL;
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
    find_scope(p, fn);
    return fn;
}

static py_node *class_statement(parser *p, const py_token *t, nlist *decorators) {
    const py_token *name = peek(p);
    if (name->kind != PY_T_NAME || name->kw) return syntax_error(p, name);
    advance(p);
    py_node *cls = node(p, PY_S_CLASS, t);
    if (!cls) return NULL;
    cls->v.sym = sym_of(p, name);
    if (is_op(peek(p), PY_OP_LPAR)) {
        const py_token *lpar = advance(p);
        py_node *call = call_args(p, cls, lpar);  /* bases and keywords, parsed as call arguments */
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

static int statement(parser *p, nlist *out) {
    if (!enter(p)) return 0;
    const py_token *t = peek(p);
    py_node *s = NULL;
    int ok = 1;
    if (t->kind == PY_T_INDENT || t->kind == PY_T_ERROR) {
        syntax_error(p, t);
        ok = 0;
    } else if (is_op(t, PY_OP_AT)) {
        nlist decorators = {0};
        while (is_op(peek(p), PY_OP_AT)) {
            advance(p);
            py_node *d = named_expression(p);
            if (!d || !nl_push(p, &decorators, d)) { leave(p); return 0; }
            if (peek(p)->kind != PY_T_NEWLINE) { syntax_error(p, peek(p)); leave(p); return 0; }
            advance(p);
        }
        const py_token *k = peek(p);
        accept_kw(p, PY_KW_ASYNC);
        k = peek(p);
        if (accept_kw(p, PY_KW_DEF)) s = def_statement(p, k, &decorators);
        else if (accept_kw(p, PY_KW_CLASS)) s = class_statement(p, k, &decorators);
        else s = syntax_error(p, k);
        ok = s && nl_push(p, out, s);
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
            else s = syntax_error(p, k);
            if (s) s->flags |= PY_F_ASYNC;
            break;
        }
        default:
            ok = simple_statements(p, out);
            leave(p);
            return ok;
        }
        ok = s && nl_push(p, out, s);
    } else if (t->kind == PY_T_NAME && t->end - t->begin == 5 && !memcmp(p->src + t->begin, "match", 5) &&
               !is_op(peek_at(p, 1), PY_OP_ASSIGN) && !is_op(peek_at(p, 1), PY_OP_DOT) &&
               !is_op(peek_at(p, 1), PY_OP_LPAR) && peek_at(p, 1)->kind != PY_T_NEWLINE) {
        /* a match statement (soft keyword) */
        fail_at(p, CNNC_ERR_UNSUPPORTED, t->line, t->col, "NotImplementedError",
                "cnnc cannot follow a match statement (line %d)", (int)t->line);
        ok = 0;
    } else {
        ok = simple_statements(p, out);
    }
    leave(p);
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
    py_node *e2 = star_expressions(&p);
    if (e2 && peek(&p)->kind != PY_T_NEWLINE && peek(&p)->kind != PY_T_EOF) e2 = NULL;
    py_lex_free(&lx);
    return p.failed ? NULL : e2;
}
