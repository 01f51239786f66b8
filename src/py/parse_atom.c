/* parse_atom.c — the parser's atoms and primaries: names, numbers, strings
 * (f-strings included), ( ) [ ] { } displays, attribute, call and subscript
 * trailers, slices and await. */
#include "py/parse_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------- atoms */

/* Tokens that can start an expression (for "Perhaps you forgot a comma?"). */
int parser_starts_atom(const py_token *t) {
    if (t->kind == PY_T_NUMBER || t->kind == PY_T_STRING) return 1;
    if (t->kind == PY_T_NAME) return t->kw == PY_KW_NONE_ || t->kw == PY_KW_TRUE || t->kw == PY_KW_FALSE || t->kw == PY_KW_NONE;
    return is_op(t, PY_OP_LPAR) || is_op(t, PY_OP_LSQB) || is_op(t, PY_OP_LBRACE);
}

/* After an element inside brackets: another expression right after it is a missing comma. */
int parser_missing_comma(parser *p, const py_node *elem) {
    const py_token *t = peek(p);
    if (p->in_brackets > 0 && elem && parser_starts_atom(t) && !(elem->kind == PY_E_NAME && t->kind == PY_T_STRING)) {
        parser_fail_at(p, CNNC_ERR_PARSE, elem->line, elem->col, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?");
        return 1;
    }
    return 0;
}

/* The escape at s[*i] (a backslash, with s[*i + 1] there) decoded into o at *k; *i is left
 * on the escape's last character. */
static void decode_escape(const char *s, int32_t n, int32_t *i, char *o, int32_t *k) {
    char d = s[++*i];
    switch (d) {
    case 'n': o[(*k)++] = '\n'; break;
    case 't': o[(*k)++] = '\t'; break;
    case 'r': o[(*k)++] = '\r'; break;
    case 'a': o[(*k)++] = '\a'; break;
    case 'b': o[(*k)++] = '\b'; break;
    case 'f': o[(*k)++] = '\f'; break;
    case 'v': o[(*k)++] = '\v'; break;
    case '0': o[(*k)++] = '\0'; break;
    case '\\': o[(*k)++] = '\\'; break;
    case '\'': o[(*k)++] = '\''; break;
    case '"': o[(*k)++] = '"'; break;
    case '\n': break;  /* line continuation inside the literal */
    case 'x': {         /* \xHH */
        int v = 0, ok = *i + 2 < n;
        for (int j = 1; ok && j <= 2; j++) {
            const char h = s[*i + j];
            ok = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
            v = v * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        if (ok) { o[(*k)++] = (char)v; *i += 2; break; }
        o[(*k)++] = '\\';   /* not two hex digits: kept as written */
        o[(*k)++] = d;
        break;
    }
    default: o[(*k)++] = '\\'; o[(*k)++] = d; break;
    }
}

/* Decode a string literal's body (escapes unless raw) into the arena. An f-string's
 * escapes are decoded in its literal parts only: its {fields} stay as written, for the
 * interpreter to parse. */
static const char *decode_string(parser *p, const py_token *t, int32_t *out_len) {
    const char *s = p->src + t->begin + t->quote;
    int32_t n = (t->end - t->begin) - t->quote - (t->flags & PY_STR_TRIPLE ? 3 : 1);
    char *o = (char *)py_alloc(&p->m->arena, (size_t)n + 1);
    if (!o) return parser_nomem(p);
    const int is_f = (t->flags & PY_STR_F) != 0;
    int32_t k = 0, depth = 0;
    for (int32_t i = 0; i < n; i++) {
        char c = s[i];
        if (is_f && (c == '{' || c == '}')) {
            if (depth == 0 && i + 1 < n && s[i + 1] == c) {   /* {{ and }}: literal, kept doubled */
                o[k++] = c;
                o[k++] = s[++i];
                continue;
            }
            depth += c == '{' ? 1 : depth > 0 ? -1 : 0;
        }
        if (c == '\\' && depth == 0 && !(t->flags & PY_STR_RAW) && i + 1 < n) {
            decode_escape(s, n, &i, o, &k);
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
            return parser_fail_at(p, CNNC_ERR_PARSE, first->line, first->col, "SyntaxError", "cannot mix bytes and nonbytes literals");
        total += p->t[i].end - p->t[i].begin;
        count++;
    }
    py_node *n = parser_node(p, is_f ? PY_E_FSTR : is_bytes ? PY_E_BYTES : PY_E_STR, first);
    if (!n) return NULL;
    /* f-strings keep their fields as written (the interpreter parses them); a plain
     * part of one gets its braces doubled so they stay literal */
    char *buf = (char *)py_alloc(&p->m->arena, 2 * (size_t)total + 1);
    if (!buf) return parser_nomem(p);
    int32_t k = 0;
    for (int32_t j = 0; j < count; j++) {
        const py_token *t = advance(p);
        if (is_f && (t->flags & PY_STR_F)) {
            int32_t len = 0;
            const char *d = decode_string(p, t, &len);
            if (!d) return NULL;
            memcpy(buf + k, d, (size_t)len);
            k += len;
            continue;
        }
        int32_t len = 0;  /* decode_string sets it; gcc cannot see that parser_nomem returns NULL */
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

/* One subscript element: a slice a:b:c or an expression. */
static py_node *slice_item(parser *p) {
    const py_token *t = peek(p);
    py_node *lo = NULL, *hi = NULL, *step = NULL;
    if (is_op(t, PY_OP_STAR)) {
        advance(p);
        py_node *v = parser_bitwise_or(p);
        if (!v) return NULL;
        py_node *s = parser_node(p, PY_E_STARRED, t);
        if (!s) return NULL;
        s->a = v;
        s->end = prev_end(p);
        return s;
    }
    if (!is_op(t, PY_OP_COLON)) {
        lo = parser_named_expression(p);
        if (!lo) return NULL;
        if (!is_op(peek(p), PY_OP_COLON)) return lo;
    }
    py_node *s = parser_node(p, PY_E_SLICE, t);
    if (!s) return NULL;
    advance(p);  /* ':' */
    const py_token *q = peek(p);
    if (!is_op(q, PY_OP_COLON) && !is_op(q, PY_OP_COMMA) && !is_op(q, PY_OP_RSQB)) {
        if (!(hi = parser_expression(p))) return NULL;
    }
    if (accept_op(p, PY_OP_COLON)) {
        q = peek(p);
        if (!is_op(q, PY_OP_COMMA) && !is_op(q, PY_OP_RSQB) && !(step = parser_expression(p))) return NULL;
    }
    s->a = lo;
    s->b = hi;
    s->c = step;
    if (lo) { s->line = lo->line; s->col = lo->col; s->begin = lo->begin; }
    s->end = prev_end(p);
    return s;
}

static py_node *subscript(parser *p, py_node *value, const py_token *lsqb) {
    py_node *sub = parser_node(p, PY_E_SUBSCRIPT, lsqb);
    if (!sub) return NULL;
    sub->a = value;
    p->in_brackets++;
    nlist items = {0};
    int trailing_comma = 0;
    do {
        if (is_op(peek(p), PY_OP_RSQB) && items.n) { trailing_comma = 1; break; }
        py_node *it = slice_item(p);
        if (!it) return NULL;
        if (!parser_nl_push(p, &items, it)) return NULL;
        if (!is_op(peek(p), PY_OP_COMMA) && !is_op(peek(p), PY_OP_RSQB) && parser_missing_comma(p, it)) return NULL;
    } while (accept_op(p, PY_OP_COMMA));
    if (!expect_op(p, PY_OP_RSQB)) return NULL;
    p->in_brackets--;
    if (items.n == 1 && !trailing_comma) {
        sub->b = items.v[0];
    } else {
        py_node *tup = parser_node(p, PY_E_TUPLE, lsqb);
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
            if (name->kind != PY_T_NAME || name->kw) return parser_syntax_error(p, name);
            advance(p);
            py_node *at = parser_node(p, PY_E_ATTR, name);
            if (!at) return NULL;
            at->a = a;
            at->v.sym = parser_sym_of(p, name);
            at->x.pos.line = name->line;
            at->x.pos.col = name->col;
            at->line = a->line;
            at->col = a->col;
            at->begin = a->begin;
            at->end = name->end;
            a = at;
        } else if (is_op(t, PY_OP_LPAR)) {
            advance(p);
            a = parser_call_args(p, a, t);
        } else if (is_op(t, PY_OP_LSQB)) {
            advance(p);
            a = subscript(p, a, t);
        } else {
            break;
        }
    }
    return a;
}

/* ( ... ): a group, a tuple, or a generator expression. */
py_node *parser_paren(parser *p, const py_token *lpar) {
    p->in_brackets++;
    if (is_op(peek(p), PY_OP_RPAR)) {
        advance(p);
        p->in_brackets--;
        py_node *t = parser_node(p, PY_E_TUPLE, lpar);
        if (t) { t->end = prev_end(p); t->flags |= PY_F_PAREN; }
        return t;
    }
    if (is_kw(peek(p), PY_KW_YIELD)) {
        py_node *y = parser_star_expressions(p);  /* handles yield below */
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
            py_node *v = parser_bitwise_or(p);
            if (!v || !(e = parser_node(p, PY_E_STARRED, t))) return NULL;
            e->a = v;
            e->end = prev_end(p);
        } else if (!(e = parser_named_expression(p))) {
            return NULL;
        }
        if (items.n == 0 && is_kw(peek(p), PY_KW_FOR)) {
            py_node *g = parser_node(p, PY_E_GENEXP, lpar);
            if (!g) return NULL;
            g->a = e;
            if (!(g->x.comp.comps = parser_comprehension_clauses(p, &g->x.comp.n_comps))) return NULL;
            if (!expect_op(p, PY_OP_RPAR)) return NULL;
            p->in_brackets--;
            g->end = prev_end(p);
            return g;
        }
        if (!parser_nl_push(p, &items, e)) return NULL;
        if (accept_op(p, PY_OP_COMMA)) {
            comma = 1;
            if (is_op(peek(p), PY_OP_RPAR)) break;
            continue;
        }
        if (is_op(peek(p), PY_OP_RPAR)) break;
        if (parser_missing_comma(p, e)) return NULL;
        return parser_syntax_error(p, peek(p));
    }
    advance(p);
    p->in_brackets--;
    if (!comma && items.n == 1) {
        py_node *g = items.v[0];
        g->flags |= PY_F_PAREN;
        return g;
    }
    py_node *t = parser_node(p, PY_E_TUPLE, lpar);
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
            py_node *v = parser_bitwise_or(p);
            if (!v || !(e = parser_node(p, PY_E_STARRED, t))) return NULL;
            e->a = v;
            e->end = prev_end(p);
        } else if (!(e = parser_named_expression(p))) {
            return NULL;
        }
        if (items.n == 0 && is_kw(peek(p), PY_KW_FOR)) {
            py_node *c = parser_node(p, PY_E_LISTCOMP, lsqb);
            if (!c) return NULL;
            c->a = e;
            if (!(c->x.comp.comps = parser_comprehension_clauses(p, &c->x.comp.n_comps))) return NULL;
            if (!expect_op(p, PY_OP_RSQB)) return NULL;
            p->in_brackets--;
            c->end = prev_end(p);
            return c;
        }
        if (!parser_nl_push(p, &items, e)) return NULL;
        if (accept_op(p, PY_OP_COMMA)) continue;
        if (is_op(peek(p), PY_OP_RSQB)) break;
        if (parser_missing_comma(p, e)) return NULL;
        return parser_syntax_error(p, peek(p));
    }
    advance(p);
    p->in_brackets--;
    py_node *l = parser_node(p, PY_E_LIST, lsqb);
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
            if (is_dict == 0) return parser_syntax_error(p, t);
            is_dict = 1;
            advance(p);
            if (!(v = parser_bitwise_or(p))) return NULL;
            k = NULL;
        } else if (is_op(t, PY_OP_STAR)) {
            if (is_dict == 1) return parser_syntax_error(p, t);
            is_dict = 0;
            advance(p);
            py_node *e = parser_bitwise_or(p);
            if (!e || !(k = parser_node(p, PY_E_STARRED, t))) return NULL;
            k->a = e;
        } else {
            if (!(k = parser_named_expression(p))) return NULL;
            if (is_op(peek(p), PY_OP_COLON)) {
                if (is_dict == 0) return parser_syntax_error(p, peek(p));
                is_dict = 1;
                advance(p);
                if (!(v = parser_expression(p))) return NULL;
            } else {
                if (is_dict == 1)
                    return parser_fail_at(p, CNNC_ERR_PARSE, peek(p)->line, peek(p)->col, "SyntaxError",
                                   "':' expected after dictionary key");
                is_dict = 0;
            }
        }
        if (keys.n == 0 && is_kw(peek(p), PY_KW_FOR) && k) {
            py_node *c = parser_node(p, is_dict == 1 ? PY_E_DICTCOMP : PY_E_SETCOMP, lb);
            if (!c) return NULL;
            c->a = k;
            c->b = v;
            if (!(c->x.comp.comps = parser_comprehension_clauses(p, &c->x.comp.n_comps))) return NULL;
            if (!expect_op(p, PY_OP_RBRACE)) return NULL;
            p->in_brackets--;
            c->end = prev_end(p);
            return c;
        }
        if (!parser_nl_push(p, &keys, k) || !parser_nl_push(p, &vals, v)) return NULL;
        if (accept_op(p, PY_OP_COMMA)) continue;
        if (is_op(peek(p), PY_OP_RBRACE)) break;
        if (parser_missing_comma(p, v ? v : k)) return NULL;
        return parser_syntax_error(p, peek(p));
    }
    advance(p);
    p->in_brackets--;
    py_node *d = parser_node(p, is_dict == 0 ? PY_E_SET : PY_E_DICT, lb);
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
            if (!(n = parser_node(p, PY_E_NAME, t))) return NULL;
            n->v.sym = parser_sym_of(p, t);
            return n;
        case PY_KW_NONE: advance(p); return parser_node(p, PY_E_NONE, t);
        case PY_KW_TRUE: advance(p); return parser_node(p, PY_E_TRUE, t);
        case PY_KW_FALSE: advance(p); return parser_node(p, PY_E_FALSE, t);
        default: return parser_syntax_error(p, t);
        }
    case PY_T_NUMBER:
        advance(p);
        if (t->flags & PY_NUM_IMAG) { if ((n = parser_node(p, PY_E_IMAG, t))) n->v.f = t->v.f; return n; }
        if (t->flags & PY_NUM_FLOAT) { if ((n = parser_node(p, PY_E_FLOAT, t))) n->v.f = t->v.f; return n; }
        if ((n = parser_node(p, PY_E_INT, t))) {
            n->v.i = t->v.i;
            if (t->flags & PY_NUM_BIG) n->flags |= PY_F_BIG_INT;
        }
        return n;
    case PY_T_STRING: return strings(p);
    case PY_T_OP:
        if (is_op(t, PY_OP_LPAR)) { advance(p); return parser_paren(p, t); }
        if (is_op(t, PY_OP_LSQB)) { advance(p); return list_display(p, t); }
        if (is_op(t, PY_OP_LBRACE)) { advance(p); return brace_display(p, t); }
        if (is_op(t, PY_OP_ELLIPSIS)) { advance(p); return parser_node(p, PY_E_ELLIPSIS, t); }
        return parser_syntax_error(p, t);
    default:
        return parser_syntax_error(p, t);
    }
}

py_node *parser_await_primary(parser *p) {
    const py_token *t = peek(p);
    if (is_kw(t, PY_KW_AWAIT)) {
        advance(p);
        py_node *v = primary(p);
        if (!v) return NULL;
        py_node *n = parser_node(p, PY_E_AWAIT, t);
        if (n) { n->a = v; n->end = prev_end(p); }
        return n;
    }
    return primary(p);
}

