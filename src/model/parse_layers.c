/* parse_layers.c — the layer classes a model file may call (every registered
 * layer kind with a constructor, then Sequential) and a call's construction:
 * binding its arguments by the registry's signature, with PyTorch's
 * TypeErrors, and building the layer. */
#include "model/parse_internal.h"

#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static class_spec CLASSES[N_CLASSES];
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static void build_classes(void) {
    for (int k = 0; k < SEQ_CLASS; k++) {
        const cnnc_layer_def *d = cnnc_layer_def_of((cnnc_layer_kind)k);
        class_spec *c = &CLASSES[k];
        c->kind = -2;   /* no constructor: not callable from a model file */
        if (!d || !d->signature) continue;
        c->name = d->name; c->qualname = d->qualname; c->module = d->module; c->kind = k;
        int seen_default = 0;
        for (const char *q = d->signature; *q && c->n_params < MAX_PARAMS;) {
            while (*q == ' ' || *q == ',') q++;
            size_t n = strcspn(q, "=,");
            if (!n) break;
            if (q[0] == '*') {   /* *args, **kwargs (nn.Identity): not a named parameter */
                if (n > 1 && q[1] == '*') c->var_kw = 1; else c->var_pos = 1;
                q += n;
                continue;
            }
            snprintf(c->params[c->n_params], sizeof c->params[0], "%.*s", (int)n, q);
            q += n;
            if (*q == '=') seen_default = 1;
            if (!seen_default) c->n_required++;
            c->n_params++;
            /* skip the default (no commas inside the defaults the registry uses) */
            q += strcspn(q, ",");
        }
    }
    class_spec *seq = &CLASSES[SEQ_CLASS];
    seq->name = "Sequential"; seq->qualname = "Sequential"; seq->module = "container"; seq->kind = -1;
}

const class_spec *chain_classes(void) {
    pthread_once(&classes_once, build_classes);
    return CLASSES;
}

/* ------------------------------------------------------- layer construction */

typedef struct bound { const value *v[MAX_PARAMS]; } bound;

static cnnc_layer *new_layer(parser *p, cnnc_layer_kind kind, const char *name) {
    cnnc_model *m = p->m;
    if (m->n_layers == p->layer_cap) {
        int32_t cap = p->layer_cap ? p->layer_cap * 2 : 16;
        cnnc_layer *nl = (cnnc_layer *)realloc(m->layers, (size_t)cap * sizeof *nl);
        if (!nl) return NULL;
        m->layers = nl;
        p->layer_cap = cap;
    }
    cnnc_layer *l = &m->layers[m->n_layers++];
    memset(l, 0, sizeof *l);
    l->kind = kind;
    snprintf(l->name, sizeof l->name, "%s", name);
    l->stmt_index = m->n_stmts;
    return l;
}

/* A bound argument as the layer definitions take it. */
static void to_arg(const parser *p, const value *v, cnnc_arg *a, cnnc_arg *items) {
    memset(a, 0, sizeof *a);
    a->line = v->line;
    a->col = v->col;
    a->i = v->i;
    a->f = v->f;
    switch (v->kind) {
    case V_INT: a->kind = CNNC_ARG_INT; break;
    case V_BOOL: a->kind = CNNC_ARG_BOOL; break;
    case V_FLOAT: a->kind = CNNC_ARG_FLOAT; break;
    case V_NONE: a->kind = CNNC_ARG_NONE; break;
    case V_STR: a->kind = CNNC_ARG_STR; a->s = p->src + v->sbeg; a->slen = v->send - v->sbeg; break;
    case V_DTYPE: a->kind = CNNC_ARG_DTYPE; a->s = "float32"; a->slen = 7; break;
    case V_TUPLE:
        a->kind = CNNC_ARG_TUPLE;
        a->n = v->n < MAX_TUPLE ? v->n : MAX_TUPLE;
        a->items = items;
        for (int32_t k = 0; k < a->n; k++) {
            const item *it = &v->items[k];
            value tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.kind = it->kind; tmp.i = it->i; tmp.f = it->f; tmp.sbeg = it->sbeg; tmp.send = it->send; tmp.cls = it->cls;
            tmp.line = v->line; tmp.col = v->col;
            to_arg(p, &tmp, &items[k], NULL);
            if (it->kind == V_TUPLE) { items[k].kind = CNNC_ARG_TUPLE; items[k].n = 0; }
        }
        break;
    default: a->kind = CNNC_ARG_OTHER; a->s = chain_vname(v); break;
    }
}

/* Build a layer through its registry definition. */
static cnnc_status build_layer(parser *p, cnnc_layer *l, const bound *b, const value *call) {
    const cnnc_layer_def *def = cnnc_layer_def_of(l->kind);
    cnnc_arg args[MAX_PARAMS], items[MAX_PARAMS][MAX_TUPLE], at;
    const cnnc_arg *bound_args[MAX_PARAMS];
    for (int k = 0; k < MAX_PARAMS; k++) {
        bound_args[k] = NULL;
        if (b->v[k]) { to_arg(p, b->v[k], &args[k], items[k]); bound_args[k] = &args[k]; }
    }
    to_arg(p, call, &at, NULL);
    cnnc_status st = def->build(l, bound_args, &at, p->err);
    /* a chain passes one tensor on: the (values, indices) pair has nowhere to go (a
     * model file's forward() takes it, through the .py reader) */
    if (!st && (l->kind == CNNC_MAXPOOL2D || l->kind == CNNC_MAXPOOL1D) && l->p.pool.return_indices && bound_args[4])
        st = cnnc_arg_fail(p->err, CNNC_ERR_UNSUPPORTED, bound_args[4], "NotImplementedError",
                           "cnnc does not support %s(return_indices=True): its output is a tuple, which the next "
                           "layer cannot take", def->name);
    if (!st && (l->kind == CNNC_RNN || l->kind == CNNC_LSTM || l->kind == CNNC_GRU || l->kind == CNNC_LSTMCELL))
        st = cnnc_arg_fail(p->err, CNNC_ERR_UNSUPPORTED, &at, "NotImplementedError",
                           "cnnc does not support %s in a chain: its output is a tuple (output, h_n), which the next layer "
                           "cannot take (a .py forward() can unpack it)", def->name);
    if (st && p->err) snprintf(p->err->file, sizeof p->err->file, "%s", p->path);
    return st;
}

static const char *missing_list(const class_spec *c, const bound *b, char *buf, size_t cap, int *count) {
    int idx[MAX_PARAMS], n = 0;
    for (int k = 0; k < c->n_required; k++)
        if (!b->v[k]) idx[n++] = k;
    size_t o = 0;
    buf[0] = '\0';
    for (int k = 0; k < n && o < cap; k++) {
        const char *sep = k == 0 ? "" : (n == 2 ? " and " : (k == n - 1 ? ", and " : ", "));
        o += (size_t)snprintf(buf + o, cap - o, "%s'%s'", sep, c->params[idx[k]]);
    }
    *count = n;
    return buf;
}

/* One call argument as written. */
typedef struct arg { int is_kw; const token *kw; value v; } arg;

/* Class(args...): check the syntax (pass 1) or bind and build the layer(s) (pass 2). */
cnnc_status chain_parse_call(parser *p, int cls, const token *name_tok, int32_t span_begin, value *out) {
    const class_spec *c = &chain_classes()[cls];
    char my_name[CNNC_NAME_MAX] = "?";
    if (p->has_pending_name) { memcpy(my_name, p->pending_name, sizeof my_name); p->has_pending_name = 0; }
    memset(out, 0, sizeof *out);
    out->line = name_tok->line;
    out->col = name_tok->col;
    out->kind = V_MODULE;
    out->cls = cls;
    cnnc_status st = chain_expect(p, "(");
    if (st) return st;

    int is_seq = c->kind < 0;
    int32_t first_layer = p->eval ? p->m->n_layers : 0;
    int32_t layer_slot = -1;
    if (p->eval && !is_seq) {
        /* reserve the slot now: children of a layer's arguments (always an error) come after */
        if (!new_layer(p, (cnnc_layer_kind)c->kind, my_name))
            return cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory");
        layer_slot = p->m->n_layers - 1;
    }

    arg *args = NULL;
    name_set kw_names = {NULL, 0, 0};
    int32_t nargs = 0, cap = 0, npos = 0;
    int seen_kw = 0;
    while (!tok_is(p, peek(p), ")")) {
        if (nargs == cap) {
            int32_t nc = cap ? cap * 2 : 8;
            arg *na = (arg *)realloc(args, (size_t)nc * sizeof *na);
            if (!na) { st = cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); break; }
            args = na;
            cap = nc;
        }
        arg *a = &args[nargs];
        memset(a, 0, sizeof *a);
        const token *t = peek(p), *t2 = peek2(p);
        if (tok_is(p, t, "*") || tok_is(p, t, "**")) { st = chain_syntax_error(p, t); break; }
        if (t->kind == T_NAME && tok_is(p, t2, "=")) {
            a->is_kw = 1;
            a->kw = t;
            int32_t dup = chain_name_set_add(p, &kw_names, (int32_t)(t - p->toks));
            if (dup == -2) { st = cnnc_error_set(p->err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); break; }
            if (dup >= 0) {
                st = FAIL_TOK(p, t, "SyntaxError", "keyword argument repeated: %.*s", tok_len(t), p->src + t->begin);
                break;
            }
            advance(p);
            advance(p);
            seen_kw = 1;
            if ((st = chain_parse_expr(p, &a->v))) break;
        } else {
            if (is_seq && p->eval) {
                char child[CNNC_NAME_MAX + 16];
                int n = snprintf(child, sizeof child, "%s.%d", my_name, (int)npos);
                if (n < 0 || n >= CNNC_NAME_MAX) {
                    st = FAIL_TOK(p, t, "ValueError", "layer name '%s' is longer than %d characters", child, CNNC_NAME_MAX - 1);
                    break;
                }
                memcpy(p->pending_name, child, (size_t)n + 1);
                p->has_pending_name = 1;
            }
            if ((st = chain_parse_expr(p, &a->v))) break;
            p->has_pending_name = 0;
            if (seen_kw) {
                /* Python points at the end of the offending argument; its start is clearer */
                st = FAIL_VAL(p, &a->v, "SyntaxError", "positional argument follows keyword argument");
                break;
            }
            npos++;
            if (is_seq && p->eval && a->v.kind != V_MODULE) {
                if (a->v.kind == V_CLASS)
                    st = FAIL_VAL(p, &a->v, "TypeError", "torch.nn.modules.%s.%s is not a Module subclass",
                                  chain_classes()[a->v.cls].module, chain_classes()[a->v.cls].name);
                else
                    st = FAIL_VAL(p, &a->v, "TypeError", "%s is not a Module subclass", chain_vname(&a->v));
                nargs++;
                break;
            }
        }
        nargs++;
        const token *sep = peek(p);
        if (tok_is(p, sep, ",")) { advance(p); continue; }
        if (tok_is(p, sep, ")")) break;
        if (chain_starts_expr(p, sep))
            st = chain_fail_at(p, CNNC_ERR_PARSE, a->v.line, a->v.col, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?");
        else
            st = chain_syntax_error(p, sep);
        break;
    }
    p->has_pending_name = 0;
    free(kw_names.slots);
    if (st) { free(args); return st; }
    const token *close = advance(p); /* ')' */
    if (!p->eval) { free(args); return CNNC_OK; }

    value call = *out;
    if (is_seq) {
        for (int32_t k = 0; k < nargs; k++)
            if (args[k].is_kw) {
                st = FAIL_TOK(p, args[k].kw, "TypeError", "Sequential.__init__() got an unexpected keyword argument '%.*s'",
                              tok_len(args[k].kw), p->src + args[k].kw->begin);
                free(args);
                return st;
            }
        free(args);
        out->i = first_layer;                      /* first layer of the block */
        out->n = p->m->n_layers - first_layer;     /* how many */
        return CNNC_OK;
    }

    /* Bind like CPython: keywords first (unknown / duplicate), then too many positionals, then missing. */
    bound b;
    memset(&b, 0, sizeof b);
    for (int32_t k = 0, pi = 0; k < nargs; k++)
        if (!args[k].is_kw) { if (pi < c->n_params) b.v[pi] = &args[k].v; pi++; }
    for (int32_t k = 0; k < nargs && !st; k++) {
        if (!args[k].is_kw) continue;
        const token *kw = args[k].kw;
        int idx = -1;
        for (int j = 0; j < c->n_params; j++)
            if ((size_t)tok_len(kw) == strlen(c->params[j]) && memcmp(p->src + kw->begin, c->params[j], (size_t)tok_len(kw)) == 0)
                idx = j;
        if (idx < 0 && c->var_kw)
            continue;
        if (idx < 0)
            st = FAIL_TOK(p, kw, "TypeError", "%s.__init__() got an unexpected keyword argument '%.*s'", c->qualname,
                          tok_len(kw), p->src + kw->begin);
        else if (b.v[idx])
            st = FAIL_TOK(p, kw, "TypeError", "%s.__init__() got multiple values for argument '%s'", c->qualname, c->params[idx]);
        else
            b.v[idx] = &args[k].v;
    }
    if (!st && npos > c->n_params && !c->var_pos) {
        const value *extra = NULL;
        for (int32_t k = 0, pi = 0; k < nargs; k++)
            if (!args[k].is_kw && pi++ == c->n_params) { extra = &args[k].v; break; }
        if (c->n_required == c->n_params)
            st = FAIL_VAL(p, extra, "TypeError", "%s.__init__() takes %d positional argument%s but %d were given", c->qualname,
                          c->n_params + 1, c->n_params == 0 ? "" : "s", (int)npos + 1);
        else
            st = FAIL_VAL(p, extra, "TypeError", "%s.__init__() takes from %d to %d positional arguments but %d were given",
                          c->qualname, c->n_required + 1, c->n_params + 1, (int)npos + 1);
    }
    if (!st) {
        char miss[256];
        int nmiss;
        missing_list(c, &b, miss, sizeof miss, &nmiss);
        if (nmiss)
            st = FAIL_TOK(p, name_tok, "TypeError", "%s.__init__() missing %d required positional argument%s: %s", c->qualname,
                          nmiss, nmiss == 1 ? "" : "s", miss);
    }
    if (!st) {
        cnnc_layer *l = &p->m->layers[layer_slot];
        l->span.line = name_tok->line;
        l->span.col = name_tok->col;
        l->span.begin = span_begin;
        l->span.end = close->end;
        st = build_layer(p, l, &b, &call);
        /* a module nested in a layer's arguments is a type error above; drop any stray children */
        if (!st && p->m->n_layers != layer_slot + 1) {
            const cnnc_layer *child = &p->m->layers[layer_slot + 1];
            st = chain_fail_at(p, CNNC_ERR_PARSE, child->span.line, child->span.col, "TypeError",
                         "a %s layer cannot be an argument of %s()", cnnc_layer_kind_name(child->kind), c->name);
        }
    }
    free(args);
    out->i = layer_slot;
    out->n = 1;
    return st;
}

