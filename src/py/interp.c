/* interp.c — statements and expressions: scopes and names, assignment and
 * unpacking, operators, comprehensions, control flow, exceptions, classes,
 * functions and imports, with Python's semantics and messages. */
#include "py/interp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Statement results */
enum { X_NORMAL = 0, X_RETURN = 1, X_BREAK = 2, X_CONTINUE = 3, X_RAISE = -1 };

#define MAX_STEPS_DEFAULT 20000000

py_sym py_s(interp *I, const char *name) { return py_intern(I->syms, name, strlen(name)); }

static int step(interp *I, const py_node *at) {
    I->at = at;
    if (++I->steps > I->max_steps)
        return py_unsupported(I, "cnnc stopped following this code after %lld steps (an endless loop?)",
                              (long long)I->max_steps);
    if (I->arena->failed) return py_nomem(I);
    return 0;
}

/* ------------------------------------------------------------------ names */

static int is_static_local(const py_frame *f, py_sym s) {
    if (!f->scope) return 0;
    for (int32_t k = 0; k < f->scope->n_locals; k++)
        if (f->scope->locals[k] == s) return 1;
    return 0;
}

static int is_declared_global(const py_frame *f, py_sym s) {
    if (!f->scope) return 0;
    for (int32_t k = 0; k < f->scope->n_globals; k++)
        if (f->scope->globals[k] == s) return 1;
    return 0;
}

static int lookup(interp *I, py_frame *f, py_sym s, py_val *out) {
    if (!is_declared_global(f, s)) {
        py_val *v = py_attrs_find(&f->locals, s);
        if (v) { *out = *v; return 0; }
        if (f->scope && is_static_local(f, s))
            return py_raise(I, "UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value",
                            py_sym_name(I->syms, s));
        for (py_frame *c = f->closure; c; c = c->closure) {
            if ((v = py_attrs_find(&c->locals, s))) { *out = *v; return 0; }
        }
    }
    py_val *g = f->globals ? py_attrs_find(f->globals, s) : NULL;
    if (g) { *out = *g; return 0; }
    if ((g = py_attrs_find(&I->builtins, s))) { *out = *g; return 0; }
    /* `from torch.nn import *` brought every torch.nn class, also those cnnc does not run */
    if (f->src && f->src->star_nn && I->m_nn->getattr && I->m_nn->getattr(I, I->m_nn, s, out) == 0) return 0;
    if (I->ex.raised) return -1;
    return py_raise(I, "NameError", "name '%s' is not defined", py_sym_name(I->syms, s));
}

static int store_name(interp *I, py_frame *f, py_sym s, py_val v) {
    if ((f->module_level || is_declared_global(f, s)) && f->globals) return py_attrs_set(I, f->globals, s, v);
    /* nonlocal: assign in the frame that has it */
    if (f->scope && f->closure && !is_static_local(f, s))
        for (py_frame *c = f->closure; c; c = c->closure)
            if (py_attrs_find(&c->locals, s)) return py_attrs_set(I, &c->locals, s, v);
    return py_attrs_set(I, &f->locals, s, v);
}

/* ------------------------------------------------------------- iteration */

int py_iterate(interp *I, py_val v, py_val **items, int32_t *n) {
    if (v.t == PV_OPAQUE) return py_opaque_use(I, v);
    switch ((py_type)v.t) {
    case PV_TUPLE: case PV_LIST: case PV_SET: case PV_SIZE:
        *items = pv_as_seq(v)->v;
        *n = pv_as_seq(v)->n;
        return 0;
    case PV_DICT:
        *items = pv_as_dict(v)->k;
        *n = pv_as_dict(v)->n;
        return 0;
    case PV_RANGE: {
        const py_range *r = (const py_range *)v.u.p;
        int64_t count = 0;
        if (r->step > 0 && r->stop > r->start) count = (r->stop - r->start + r->step - 1) / r->step;
        if (r->step < 0 && r->stop < r->start) count = (r->start - r->stop - r->step - 1) / (-r->step);
        if (count > (1 << 24)) return py_unsupported(I, "cnnc cannot follow a loop over %lld values", (long long)count);
        py_val s = pv_seq(I, PV_LIST, (int32_t)count);
        if (s.t == PV_UNBOUND) return py_nomem(I);
        for (int64_t k = 0; k < count; k++) pv_as_seq(s)->v[k] = pv_int(r->start + k * r->step);
        *items = pv_as_seq(s)->v;
        *n = (int32_t)count;
        return 0;
    }
    case PV_STR: {
        const py_str *s = pv_as_str(v);
        py_val l = pv_seq(I, PV_LIST, 0);
        if (l.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < s->len;) {
            int len = 1;
            unsigned char c = (unsigned char)s->s[k];
            if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
            if (py_seq_push(I, l, pv_str(I, s->s + k, (size_t)len))) return -1;
            k += len;
        }
        *items = pv_as_seq(l)->v;
        *n = pv_as_seq(l)->n;
        return 0;
    }
    case PV_ITER: {
        py_iter *it = (py_iter *)v.u.p;
        py_val *all;
        int32_t cnt;
        if (py_iterate(I, it->seq, &all, &cnt)) return -1;
        int64_t start = it->i < cnt ? it->i : cnt;
        *items = all + start;
        *n = cnt - (int32_t)start;
        it->i = cnt;
        return 0;
    }
    case PV_OBJ: {
        py_obj *o = pv_as_obj(v);
        if (o->nn) {  /* Sequential, ModuleList: the modules; ModuleDict: the keys */
            py_class *c = o->cls;
            while (c && c->user && c->n_bases) c = c->bases[0];
            if (c && (c->base == PB_SEQUENTIAL || c->base == PB_MODULELIST || c->base == PB_MODULEDICT ||
                      c->base == PB_PARAMETERLIST)) {
                py_val l = pv_seq(I, PV_LIST, 0);
                if (l.t == PV_UNBOUND) return py_nomem(I);
                for (int32_t k = 0; k < o->nn->children.n; k++) {
                    py_val item = c->base == PB_MODULEDICT ? pv_cstr(I, py_sym_name(I->syms, o->nn->children.k[k]))
                                                          : o->nn->children.v[k];
                    if (py_seq_push(I, l, item)) return -1;
                }
                *items = pv_as_seq(l)->v;
                *n = pv_as_seq(l)->n;
                return 0;
            }
        }
        py_val fn;
        py_sym s_iter = py_s(I, "__iter__");
        if (py_getattr(I, v, s_iter, &fn) == 0) {
            py_val r;
            if (py_call(I, fn, NULL, 0, NULL, NULL, 0, &r)) return -1;
            return py_iterate(I, r, items, n);
        }
        I->ex.raised = 0;
        return py_raise(I, "TypeError", "'%s' object is not iterable", o->cls->name);
    }
    case PV_TENSOR: {
        const py_tensor *t = pv_as_tensor(v);
        if (t->shape.ndim == 0) return py_raise(I, "TypeError", "iteration over a 0-d tensor");
        return py_unsupported(I, "cnnc cannot follow a loop over a tensor's first dimension");
    }
    default:
        return py_raise(I, "TypeError", "'%s' object is not iterable", py_type_name(&v));
    }
}

/* ------------------------------------------------------------ assignment */

static int eval(interp *I, py_frame *f, const py_node *e, py_val *out);
static int assign(interp *I, py_frame *f, const py_node *target, py_val v);

static int setitem(interp *I, py_val obj, py_val key, py_val v) {
    if (obj.t == PV_LIST) {
        int64_t i;
        if (key.t == PV_SLICE) return py_unsupported(I, "cnnc cannot follow slice assignment");
        if (py_int_of(I, key, &i)) return -1;
        py_seq *q = pv_as_seq(obj);
        if (i < 0) i += q->n;
        if (i < 0 || i >= q->n) return py_raise(I, "IndexError", "list assignment index out of range");
        q->v[i] = v;
        return 0;
    }
    if (obj.t == PV_DICT) return py_dict_set(I, obj, key, v);
    if (obj.t == PV_OBJ && pv_as_obj(obj)->nn) {
        py_val fn;
        if (py_getattr(I, obj, py_s(I, "__setitem__"), &fn)) return -1;
        py_val args[2] = {key, v}, r;
        return py_call(I, fn, args, 2, NULL, NULL, 0, &r);
    }
    if (obj.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow item assignment into a tensor");
    return py_raise(I, "TypeError", "'%s' object does not support item assignment", py_type_name(&obj));
}

static int unpack(interp *I, py_frame *f, const py_node *target, py_val v) {
    py_val *items;
    int32_t n;
    if (v.t == PV_TENSOR) {
        const py_tensor *t = pv_as_tensor(v);
        if (t->shape.ndim == 0) return py_raise(I, "TypeError", "iteration over a 0-d tensor");
        return py_unsupported(I, "cnnc cannot follow unpacking a tensor");
    }
    if (py_iterate(I, v, &items, &n)) return -1;
    int32_t star = -1;
    for (int32_t k = 0; k < target->n; k++)
        if (target->list[k]->kind == PY_E_STARRED) star = k;
    if (star < 0) {
        if (n > target->n) return py_raise(I, "ValueError", "too many values to unpack (expected %d)", (int)target->n);
        if (n < target->n)
            return py_raise(I, "ValueError", "not enough values to unpack (expected %d, got %d)", (int)target->n, (int)n);
        for (int32_t k = 0; k < n; k++)
            if (assign(I, f, target->list[k], items[k])) return -1;
        return 0;
    }
    int32_t after = target->n - star - 1;
    if (n < target->n - 1)
        return py_raise(I, "ValueError", "not enough values to unpack (expected at least %d, got %d)", (int)(target->n - 1),
                        (int)n);
    for (int32_t k = 0; k < star; k++)
        if (assign(I, f, target->list[k], items[k])) return -1;
    py_val rest = pv_seq(I, PV_LIST, 0);
    if (rest.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = star; k < n - after; k++)
        if (py_seq_push(I, rest, items[k])) return -1;
    if (assign(I, f, target->list[star]->a, rest)) return -1;
    for (int32_t k = 0; k < after; k++)
        if (assign(I, f, target->list[star + 1 + k], items[n - after + k])) return -1;
    return 0;
}

static int assign(interp *I, py_frame *f, const py_node *target, py_val v) {
    switch (target->kind) {
    case PY_E_NAME: return store_name(I, f, target->v.sym, v);
    case PY_E_ATTR: {
        py_val obj;
        if (eval(I, f, target->a, &obj)) return -1;
        I->at = target;
        return py_setattr(I, obj, target->v.sym, v);
    }
    case PY_E_SUBSCRIPT: {
        py_val obj, key;
        if (eval(I, f, target->a, &obj) || eval(I, f, target->b, &key)) return -1;
        I->at = target;
        return setitem(I, obj, key, v);
    }
    case PY_E_TUPLE: case PY_E_LIST: I->at = target; return unpack(I, f, target, v);
    case PY_E_STARRED: return py_raise(I, "SyntaxError", "starred assignment target must be in a list or tuple");
    default: return py_unsupported(I, "cnnc cannot follow this assignment target");
    }
}

/* --------------------------------------------------------------- f-strings */

static int fstring(interp *I, py_frame *f, const py_node *e, py_val *out) {
    const char *s = e->v.str.s;
    int32_t n = e->v.str.len;
    cnnc_strbuf sb = {0};
    for (int32_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '{' && i + 1 < n && s[i + 1] == '{') { cnnc_sb_putn(&sb, "{", 1); i++; continue; }
        if (c == '}' && i + 1 < n && s[i + 1] == '}') { cnnc_sb_putn(&sb, "}", 1); i++; continue; }
        if (c != '{') { cnnc_sb_putn(&sb, &c, 1); continue; }
        /* a field: expression [!conv] [:spec] up to the matching '}' */
        int32_t j = i + 1, depth = 0, expr_end = -1, spec_begin = -1;
        char conv = 0;
        for (; j < n; j++) {
            char d = s[j];
            if (d == '\'' || d == '"') {
                char q = d;
                for (j++; j < n && s[j] != q; j++) {}
                continue;
            }
            if (d == '(' || d == '[' || d == '{') depth++;
            else if ((d == ')' || d == ']' || d == '}') && depth > 0) depth--;
            else if (d == '}' && depth == 0) break;
            else if (d == '!' && depth == 0 && j + 1 < n && s[j + 1] != '=' && expr_end < 0) {
                expr_end = j;
                conv = s[j + 1];
                j++;
            } else if (d == ':' && depth == 0 && spec_begin < 0) {
                if (expr_end < 0) expr_end = j;
                spec_begin = j + 1;
            }
        }
        if (j >= n) { cnnc_sb_free(&sb); return py_raise(I, "SyntaxError", "f-string: expecting '}'"); }
        if (expr_end < 0) expr_end = j;
        int32_t eb = i + 1, ee = expr_end;
        int self_doc = ee > eb && s[ee - 1] == '=';
        if (self_doc) ee--;
        py_node *fe = py_parse_fragment(&I->cur_src->mod, s + eb, ee - eb, e->x.fstr.line, e->x.fstr.col);
        if (!fe) { cnnc_sb_free(&sb); return py_unsupported(I, "cnnc cannot follow this f-string field"); }
        py_val v;
        if (eval(I, f, fe, &v)) { cnnc_sb_free(&sb); return -1; }
        if (self_doc) cnnc_sb_putn(&sb, s + eb, (size_t)(expr_end - eb));
        char spec[32] = "";
        if (spec_begin >= 0) snprintf(spec, sizeof spec, "%.*s", (int)(j - spec_begin), s + spec_begin);
        if (spec[0] && pv_is_num(v)) {
            char fmt[40];
            snprintf(fmt, sizeof fmt, "%%%s", spec);
            size_t L = strlen(fmt);
            if (L > 1 && (fmt[L - 1] == 'd')) cnnc_sb_printf(&sb, fmt, (int)(v.t == PV_FLOAT ? (int64_t)v.u.f : v.u.i));
            else if (L > 1 && strchr("fgeFGE%", fmt[L - 1]))
                cnnc_sb_printf(&sb, fmt, v.t == PV_FLOAT ? v.u.f : (double)v.u.i);
            else py_str_of(I, v, &sb);
        } else if (conv == 'r' || self_doc) {
            py_repr(I, v, &sb);
        } else {
            py_str_of(I, v, &sb);
        }
        i = j;
    }
    char *text = cnnc_sb_take(&sb);
    if (!text) return py_nomem(I);
    *out = pv_cstr(I, text);
    free(text);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* ---------------------------------------------------------- comprehensions */

typedef struct comp_ctx {
    const py_node *e;
    py_val result;      /* list, set or dict */
} comp_ctx;

static int comp_level(interp *I, py_frame *f, comp_ctx *c, int32_t level) {
    const py_node *e = c->e;
    if (level == e->x.comp.n_comps) {
        if (step(I, e)) return -1;
        if (e->kind == PY_E_DICTCOMP) {
            py_val k, v;
            if (eval(I, f, e->a, &k) || eval(I, f, e->b, &v)) return -1;
            return py_dict_set(I, c->result, k, v);
        }
        py_val v;
        if (eval(I, f, e->a, &v)) return -1;
        if (e->kind == PY_E_SETCOMP) {
            py_seq *q = pv_as_seq(c->result);
            for (int32_t k = 0; k < q->n; k++)
                if (py_equal(I, q->v[k], v)) return 0;
        }
        return py_seq_push(I, c->result, v);
    }
    const py_comp *cl = &e->x.comp.comps[level];
    py_val iter;
    if (eval(I, f, cl->iter, &iter)) return -1;
    py_val *items;
    int32_t n;
    I->at = cl->iter;
    if (py_iterate(I, iter, &items, &n)) return -1;
    for (int32_t k = 0; k < n; k++) {
        if (assign(I, f, cl->target, items[k])) return -1;
        int keep = 1;
        for (int32_t j = 0; j < cl->n_ifs && keep; j++) {
            py_val cond;
            if (eval(I, f, cl->ifs[j], &cond) || py_truthy(I, cond, &keep)) return -1;
        }
        if (keep && comp_level(I, f, c, level + 1)) return -1;
    }
    return 0;
}

static int comprehension(interp *I, py_frame *f, const py_node *e, py_val *out) {
    /* a comprehension has its own scope: its variables do not leak */
    py_frame inner;
    memset(&inner, 0, sizeof inner);
    inner.closure = f;
    inner.globals = f->globals;
    inner.cls = f->cls;
    inner.first_arg = f->first_arg;
    inner.src = f->src;
    comp_ctx c = {e, pv_unbound()};
    c.result = e->kind == PY_E_DICTCOMP ? pv_dict(I) : pv_seq(I, e->kind == PY_E_SETCOMP ? PV_SET : PV_LIST, 0);
    if (c.result.t == PV_UNBOUND) return py_nomem(I);
    /* the first iterable is evaluated in the enclosing scope */
    if (comp_level(I, &inner, &c, 0)) return -1;
    if (e->kind == PY_E_GENEXP) c.result.t = PV_LIST;
    *out = c.result;
    return 0;
}

/* ------------------------------------------------------------ expressions */

static int eval_args(interp *I, py_frame *f, const py_node *call, py_val **args, int32_t *n, py_sym **kw, py_val **kwv,
                     int32_t *n_kw) {
    int32_t cap = call->n + 4, kcap = call->n2 + 4;
    py_val *a = (py_val *)py_alloc(I->arena, (size_t)cap * sizeof *a);
    py_sym *k = (py_sym *)py_alloc(I->arena, (size_t)kcap * sizeof *k);
    py_val *kv = (py_val *)py_alloc(I->arena, (size_t)kcap * sizeof *kv);
    if (!a || !k || !kv) return py_nomem(I);
    int32_t na = 0, nk = 0;
    for (int32_t i = 0; i < call->n; i++) {
        const py_node *arg = call->list[i];
        if (arg->kind == PY_E_STARRED) {
            py_val v;
            if (eval(I, f, arg->a, &v)) return -1;
            py_val *items;
            int32_t cnt;
            I->at = arg;
            if (v.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow *-unpacking a tensor into arguments");
            if (py_iterate(I, v, &items, &cnt)) {
                if (I->ex.raised && !strcmp(I->ex.type, "TypeError") && v.t != PV_OBJ) {
                    I->ex.raised = 0;
                    return py_raise(I, "TypeError", "Value after * must be an iterable, not %s", py_type_name(&v));
                }
                return -1;
            }
            if (na + cnt > cap) {
                int32_t nc = na + cnt + call->n;
                py_val *b = (py_val *)py_alloc(I->arena, (size_t)nc * sizeof *b);
                if (!b) return py_nomem(I);
                memcpy(b, a, (size_t)na * sizeof *b);
                a = b;
                cap = nc;
            }
            memcpy(a + na, items, (size_t)cnt * sizeof *a);
            na += cnt;
            continue;
        }
        if (na == cap) {
            int32_t nc = cap * 2 + 8;
            py_val *b = (py_val *)py_alloc(I->arena, (size_t)nc * sizeof *b);
            if (!b) return py_nomem(I);
            memcpy(b, a, (size_t)na * sizeof *b);
            a = b;
            cap = nc;
        }
        if (eval(I, f, arg, &a[na])) return -1;
        na++;
    }
    for (int32_t i = 0; i < call->n2; i++) {
        const py_node *arg = call->list2[i];
        if (arg->kind == PY_E_DSTAR) {
            py_val d;
            if (eval(I, f, arg->a, &d)) return -1;
            if (d.t != PV_DICT) {
                I->at = arg;
                return py_raise(I, "TypeError", "argument after ** must be a mapping, not %s", py_type_name(&d));
            }
            py_dict *dd = pv_as_dict(d);
            if (nk + dd->n > kcap) {
                int32_t nc = nk + dd->n + call->n2;
                py_sym *k2 = (py_sym *)py_alloc(I->arena, (size_t)nc * sizeof *k2);
                py_val *v2 = (py_val *)py_alloc(I->arena, (size_t)nc * sizeof *v2);
                if (!k2 || !v2) return py_nomem(I);
                memcpy(k2, k, (size_t)nk * sizeof *k2);
                memcpy(v2, kv, (size_t)nk * sizeof *v2);
                k = k2;
                kv = v2;
                kcap = nc;
            }
            for (int32_t j = 0; j < dd->n; j++) {
                if (dd->k[j].t != PV_STR) return py_raise(I, "TypeError", "keywords must be strings");
                py_sym s = py_intern(I->syms, pv_as_str(dd->k[j])->s, (size_t)pv_as_str(dd->k[j])->len);
                for (int32_t q = 0; q < nk; q++)
                    if (k[q] == s) {
                        I->at = arg;
                        return py_raise(I, "TypeError", "got multiple values for keyword argument '%s'", py_sym_name(I->syms, s));
                    }
                k[nk] = s;
                kv[nk++] = dd->v[j];
            }
            continue;
        }
        if (eval(I, f, arg->a, &kv[nk])) return -1;
        for (int32_t q = 0; q < nk; q++)
            if (k[q] == arg->v.sym) {
                I->at = arg;
                return py_raise(I, "TypeError", "got multiple values for keyword argument '%s'",
                                py_sym_name(I->syms, arg->v.sym));
            }
        k[nk++] = arg->v.sym;
    }
    *args = a;
    *n = na;
    *kw = k;
    *kwv = kv;
    *n_kw = nk;
    return 0;
}

static int make_function(interp *I, py_frame *f, const py_node *def, py_val *out);

static int eval_slice(interp *I, py_frame *f, const py_node *e, py_val *out) {
    py_slice *s = (py_slice *)py_alloc(I->arena, sizeof *s);
    if (!s) return py_nomem(I);
    s->lo = s->hi = s->step = pv_none();
    if ((e->a && eval(I, f, e->a, &s->lo)) || (e->b && eval(I, f, e->b, &s->hi)) || (e->c && eval(I, f, e->c, &s->step)))
        return -1;
    *out = pv_ptr(PV_SLICE, s);
    return 0;
}

static int eval_seq(interp *I, py_frame *f, const py_node *e, py_type t, py_val *out) {
    py_val s = pv_seq(I, t, 0);
    if (s.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < e->n; k++) {
        const py_node *item = e->list[k];
        if (item->kind == PY_E_STARRED) {
            py_val v;
            if (eval(I, f, item->a, &v)) return -1;
            py_val *items;
            int32_t n;
            I->at = item;
            if (py_iterate(I, v, &items, &n)) return -1;
            for (int32_t j = 0; j < n; j++)
                if (py_seq_push(I, s, items[j])) return -1;
            continue;
        }
        py_val v;
        if (eval(I, f, item, &v)) return -1;
        if (t == PV_SET) {
            int dup = 0;
            for (int32_t j = 0; j < pv_as_seq(s)->n && !dup; j++) dup = py_equal(I, pv_as_seq(s)->v[j], v);
            if (dup) continue;
        }
        if (py_seq_push(I, s, v)) return -1;
    }
    *out = s;
    return 0;
}

static int eval(interp *I, py_frame *f, const py_node *e, py_val *out) {
    if (step(I, e)) return -1;
    switch ((py_node_kind)e->kind) {
    case PY_E_NAME: I->at = e; return lookup(I, f, e->v.sym, out);
    case PY_E_INT:
        *out = pv_int(e->v.i);
        if (e->flags & PY_F_BIG_INT) out->big = 1;
        return 0;
    case PY_E_FLOAT: *out = pv_float(e->v.f); return 0;
    case PY_E_IMAG: return py_unsupported(I, "cnnc cannot follow complex numbers");
    case PY_E_STR: *out = pv_str(I, e->v.str.s, (size_t)e->v.str.len); return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    case PY_E_BYTES: return py_unsupported(I, "cnnc cannot follow bytes values");
    case PY_E_FSTR: return fstring(I, f, e, out);
    case PY_E_NONE: *out = pv_none(); return 0;
    case PY_E_TRUE: *out = pv_bool(1); return 0;
    case PY_E_FALSE: *out = pv_bool(0); return 0;
    case PY_E_ELLIPSIS: *out = pv_ptr(PV_ELLIPSIS, NULL); return 0;
    case PY_E_TUPLE: return eval_seq(I, f, e, PV_TUPLE, out);
    case PY_E_LIST: return eval_seq(I, f, e, PV_LIST, out);
    case PY_E_SET: return eval_seq(I, f, e, PV_SET, out);
    case PY_E_DICT: {
        py_val d = pv_dict(I);
        if (d.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < e->n; k++) {
            if (!e->list[k]) {  /* **other */
                py_val o;
                if (eval(I, f, e->list2[k], &o)) return -1;
                if (o.t != PV_DICT) return py_raise(I, "TypeError", "'%s' object is not a mapping", py_type_name(&o));
                for (int32_t j = 0; j < pv_as_dict(o)->n; j++)
                    if (py_dict_set(I, d, pv_as_dict(o)->k[j], pv_as_dict(o)->v[j])) return -1;
                continue;
            }
            py_val key, v;
            if (eval(I, f, e->list[k], &key) || eval(I, f, e->list2[k], &v)) return -1;
            I->at = e->list[k];
            if (py_dict_set(I, d, key, v)) return -1;
        }
        *out = d;
        return 0;
    }
    case PY_E_LISTCOMP: case PY_E_SETCOMP: case PY_E_DICTCOMP: case PY_E_GENEXP: return comprehension(I, f, e, out);
    case PY_E_ATTR: {
        py_val obj;
        if (eval(I, f, e->a, &obj)) return -1;
        I->at = e;
        if (py_getattr(I, obj, e->v.sym, out)) {
            if (I->ex.line == e->line && I->ex.col == e->col) { I->ex.line = e->x.pos.line; I->ex.col = e->x.pos.col; }
            return -1;
        }
        return 0;
    }
    case PY_E_SUBSCRIPT: {
        py_val obj, key;
        if (eval(I, f, e->a, &obj) || eval(I, f, e->b, &key)) return -1;
        I->at = e;
        return py_getitem(I, obj, key, out);
    }
    case PY_E_SLICE: return eval_slice(I, f, e, out);
    case PY_E_CALL: {
        py_val fn;
        if (eval(I, f, e->a, &fn)) return -1;
        py_val *args = NULL;
        int32_t n = 0, n_kw = 0;
        py_sym *kw = NULL;
        py_val *kwv = NULL;
        if (eval_args(I, f, e, &args, &n, &kw, &kwv, &n_kw)) return -1;
        I->at = e;
        I->frame = f;
        return py_call(I, fn, args, n, kw, kwv, n_kw, out);
    }
    case PY_E_STARRED: return py_raise(I, "SyntaxError", "can't use starred expression here");
    case PY_E_BINOP: {
        py_val a, b;
        if (eval(I, f, e->a, &a) || eval(I, f, e->b, &b)) return -1;
        I->at = e;
        if (py_binop(I, e->op, a, b, out)) {
            /* Python's error points at the operator */
            if (I->ex.status != CNNC_ERR_SHAPE && I->ex.line == e->line && I->ex.col == e->col) {
                I->ex.line = e->x.pos.line;
                I->ex.col = e->x.pos.col;
            }
            return -1;
        }
        return 0;
    }
    case PY_E_UNARY: {
        py_val v;
        if (eval(I, f, e->a, &v)) return -1;
        I->at = e;
        if (v.t == PV_TENSOR) {
            if (e->op == PY_OP_PLUS) { *out = v; return 0; }
            if (e->op == PY_OP_MINUS) return py_tensor_binop(I, PY_OP_STAR, v, pv_int(-1), 0, out);
            return py_unsupported(I, "cnnc cannot follow ~ on a tensor");
        }
        if (e->op == PY_OP_MINUS) {
            if (v.t == PV_FLOAT) { *out = pv_float(-v.u.f); return 0; }
            if (pv_is_int(v)) {
                if (v.u.i == INT64_MIN) { *out = pv_int(0); out->big = 1; return 0; }
                *out = pv_int(-v.u.i);
                out->big = v.big;
                return 0;
            }
            return py_raise(I, "TypeError", "bad operand type for unary -: '%s'", py_type_name(&v));
        }
        if (e->op == PY_OP_PLUS) {
            if (v.t == PV_BOOL) { *out = pv_int(v.u.i); return 0; }
            if (pv_is_num(v)) { *out = v; out->prov = v.prov; return 0; }
            return py_raise(I, "TypeError", "bad operand type for unary +: '%s'", py_type_name(&v));
        }
        if (pv_is_int(v)) { *out = pv_int(~v.u.i); return 0; }
        return py_raise(I, "TypeError", "bad operand type for unary ~: '%s'", py_type_name(&v));
    }
    case PY_E_AND: case PY_E_OR: {
        for (int32_t k = 0; k < e->n; k++) {
            if (eval(I, f, e->list[k], out)) return -1;
            int t;
            I->at = e->list[k];
            if (py_truthy(I, *out, &t)) return -1;
            if ((e->kind == PY_E_AND) != (t != 0)) return 0;
        }
        return 0;
    }
    case PY_E_NOT: {
        py_val v;
        int t;
        if (eval(I, f, e->a, &v) || py_truthy(I, v, &t)) return -1;
        *out = pv_bool(!t);
        return 0;
    }
    case PY_E_COMPARE: {
        py_val a;
        if (eval(I, f, e->a, &a)) return -1;
        for (int32_t k = 0; k < e->n; k++) {
            py_val b;
            if (eval(I, f, e->list[k], &b)) return -1;
            int r;
            I->at = e;
            if (py_compare(I, e->x.cmp.ops[k], a, b, &r)) return -1;
            if (!r) { *out = pv_bool(0); return 0; }
            a = b;
        }
        *out = pv_bool(1);
        return 0;
    }
    case PY_E_IFEXP: {
        py_val c;
        int t;
        if (eval(I, f, e->a, &c) || py_truthy(I, c, &t)) return -1;
        return eval(I, f, t ? e->b : e->c, out);
    }
    case PY_E_LAMBDA: return make_function(I, f, e, out);
    case PY_E_WALRUS:
        if (eval(I, f, e->b, out)) return -1;
        return store_name(I, f, e->a->v.sym, *out);
    case PY_E_YIELD: return py_unsupported(I, "cnnc cannot follow generators (yield)");
    case PY_E_AWAIT: return py_unsupported(I, "cnnc cannot follow await");
    default: return py_unsupported(I, "cnnc cannot follow this expression");
    }
}

int py_eval(interp *I, py_frame *f, const py_node *e, py_val *out) { return eval(I, f, e, out); }

/* -------------------------------------------------------------- functions */

static int make_function(interp *I, py_frame *f, const py_node *def, py_val *out) {
    py_func *fn = (py_func *)py_alloc(I->arena, sizeof *fn);
    if (!fn) return py_nomem(I);
    fn->def = def;
    fn->closure = f->scope || f->closure ? f : NULL;  /* module-level code has no closure */
    if (f->cls && !f->scope) fn->closure = f->closure; /* class bodies are not enclosing scopes */
    fn->globals = f->globals;
    fn->src = I->cur_src;
    fn->owner = f->scope ? NULL : f->cls;
    int32_t np = def->x.fn.n_params;
    fn->defaults = (py_val *)py_alloc(I->arena, (size_t)(np > 0 ? np : 1) * sizeof(py_val));
    if (!fn->defaults) return py_nomem(I);
    for (int32_t k = 0; k < np; k++) {
        fn->defaults[k] = pv_unbound();
        const py_param *p = &def->x.fn.params[k];
        if (p->annotation && def->kind == PY_S_DEF) {
            py_val ann;   /* annotations are evaluated when the def runs (NameError if undefined) */
            if (eval(I, f, p->annotation, &ann)) return -1;
        }
        if (p->dflt && eval(I, f, p->dflt, &fn->defaults[k])) return -1;
    }
    const char *name = def->kind == PY_S_DEF ? py_sym_name(I->syms, def->v.sym) : "<lambda>";
    cnnc_strbuf sb = {0};
    if (f->cls && !f->scope) cnnc_sb_printf(&sb, "%s.%s", f->cls->qualname, name);
    else if (f->fn_name) cnnc_sb_printf(&sb, "%s.<locals>.%s", f->fn_name, name);
    else cnnc_sb_puts(&sb, name);
    char *q = cnnc_sb_take(&sb);
    fn->qualname = q ? py_strndup(I->arena, q, strlen(q)) : name;
    free(q);
    *out = pv_ptr(PV_FUNC, fn);
    return 0;
}

/* Run a user function's body in a new frame (args already bound into it). */
int py_run_function(interp *I, const py_func *fn, py_frame *frame, py_val *out);
int py_run_function(interp *I, const py_func *fn, py_frame *frame, py_val *out) {
    if (fn->def->x.fn.scope.has_yield) return py_unsupported(I, "cnnc cannot follow generator functions (yield)");
    py_source *saved_src = I->cur_src;
    I->cur_src = fn->src;
    *out = pv_none();
    int r;
    if (fn->def->kind == PY_E_LAMBDA) {
        r = eval(I, frame, fn->def->a, out);
    } else {
        r = py_exec_body(I, frame, fn->def->list, fn->def->n);
        if (r == X_RETURN) { *out = I->ret; r = 0; }
        else if (r > 0) r = 0;
    }
    I->cur_src = saved_src;
    return r < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------- classes */

static int define_class(interp *I, py_frame *f, const py_node *s) {
    const char *name = py_sym_name(I->syms, s->v.sym);
    py_class *parent = NULL;
    py_class **bases = NULL;
    int32_t n_bases = 0;
    const char *opaque_base = NULL;
    if (s->b) {
        const py_node *call = s->b;
        bases = (py_class **)py_alloc(I->arena, (size_t)(call->n + 1) * sizeof *bases);
        if (!bases) return py_nomem(I);
        for (int32_t k = 0; k < call->n; k++) {
            py_val b;
            if (eval(I, f, call->list[k], &b)) return -1;
            I->at = call->list[k];
            if (b.t == PV_TYPING) continue;  /* Generic[T] and friends */
            if (b.t == PV_OPAQUE) { opaque_base = ((py_opaque *)b.u.p)->name; continue; }
            if (b.t == PV_BUILTIN && !strcmp(((py_builtin *)b.u.p)->name, "object")) continue;
            if (b.t != PV_CLASS) {
                if (b.t == PV_FUNC || b.t == PV_BUILTIN)
                    return py_raise(I, "TypeError", "function() argument 'code' must be code, not str");
                return py_raise(I, "TypeError", "bases must be types");
            }
            bases[n_bases++] = pv_as_class(b);
        }
        for (int32_t k = 0; k < call->n2; k++) {
            py_val kv;  /* metaclass=..., evaluated for their errors */
            if (eval(I, f, call->list2[k]->a, &kv)) return -1;
        }
    }
    parent = n_bases ? bases[0] : NULL;
    py_class *c = py_class_new(I, name, parent ? parent->base : PB_OBJECT, parent);
    if (!c) return py_nomem(I);
    c->bases = bases;
    c->n_bases = n_bases;
    c->user = 1;
    c->module = NULL;
    c->src = I->cur_src;
    c->line = s->line;
    c->layer = parent ? parent->layer : NULL;
    c->exc_name = parent ? parent->exc_name : NULL;
    c->opaque_base = opaque_base ? opaque_base : parent ? parent->opaque_base : NULL;
    cnnc_strbuf sb = {0};
    if (f->cls && !f->scope) cnnc_sb_printf(&sb, "%s.%s", f->cls->qualname, name);
    else if (f->fn_name) cnnc_sb_printf(&sb, "%s.<locals>.%s", f->fn_name, name);
    else cnnc_sb_puts(&sb, name);
    char *q = cnnc_sb_take(&sb);
    c->qualname = q ? py_strndup(I->arena, q, strlen(q)) : name;
    free(q);
    /* the body runs in its own namespace, which becomes the class's dict */
    py_frame body;
    memset(&body, 0, sizeof body);
    body.closure = f->scope ? f : f->closure;
    body.globals = f->globals;
    body.cls = c;
    body.src = f->src;
    body.fn_name = NULL;
    int r = py_exec_body(I, &body, s->list, s->n);
    if (r < 0) return -1;
    c->dict = body.locals;
    /* functions defined in the body know their class (zero-argument super()) */
    for (int32_t k = 0; k < c->dict.n; k++) {
        py_val v = c->dict.v[k];
        if (v.t == PV_STATICMETHOD || v.t == PV_CLASSMETHOD || v.t == PV_PROPERTY) v = *(py_val *)v.u.p;
        if (v.t == PV_FUNC) ((py_func *)v.u.p)->owner = c;
    }
    py_val cv = pv_ptr(PV_CLASS, c);
    for (int32_t k = s->x.cls.n_decorators - 1; k >= 0; k--) {
        py_val dec;
        if (eval(I, f, s->x.cls.decorators[k], &dec)) return -1;
        if (dec.t == PV_OPAQUE) { cv = dec; continue; }   /* refused where the decorated class is used */
        py_val arg = cv;   /* out must not alias the argument */
        if (py_call(I, dec, &arg, 1, NULL, NULL, 0, &cv)) return -1;
    }
    return store_name(I, f, s->v.sym, cv);
}

/* ---------------------------------------------------------------- imports */

static int bind_module(interp *I, py_frame *f, py_sym name, py_module_ns *m) {
    return store_name(I, f, name, pv_ptr(PV_MODULE, m));
}

/* The module object of a dotted path we know, or NULL. */
static py_module_ns *known_module(interp *I, const char *path) {
    static const struct { const char *path; size_t off; } table[] = {
        {"torch", offsetof(interp, m_torch)},
        {"torch.nn", offsetof(interp, m_nn)},
        {"torch.nn.modules", offsetof(interp, m_nn)},
        {"torch.nn.functional", offsetof(interp, m_f)},
        {"torch.nn.init", offsetof(interp, m_init)},
        {"math", offsetof(interp, m_math)},
        {"typing", offsetof(interp, m_typing)},
        {"collections", offsetof(interp, m_collections)},
        {"functools", offsetof(interp, m_functools)},
        {"numpy", offsetof(interp, m_numpy)},
        {"torch.utils", offsetof(interp, m_torch_utils)},
        {"torch.utils.checkpoint", offsetof(interp, m_torch_utils)},
        {"torch.utils.model_zoo", offsetof(interp, m_torch_utils)},
        {"torch.hub", offsetof(interp, m_torch_utils)},
        {"torch.optim", offsetof(interp, m_torch_utils)},
        {"torch.utils.data", offsetof(interp, m_torch_utils)},
        {"__future__", offsetof(interp, m_typing)},
        {"sys", offsetof(interp, m_sys)},
        {"torch.nn.modules.utils", offsetof(interp, m_nn_utils)},
        {"warnings", offsetof(interp, m_typing)},
        {"copy", offsetof(interp, m_functools)},
        {"torch.autograd", offsetof(interp, m_torch_utils)},
        {"torch.nn.parameter", offsetof(interp, m_nn)},
    };
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (!strcmp(table[k].path, path)) return *(py_module_ns **)((char *)I + table[k].off);
    return NULL;
}

/* A model file stands alone: it imports torch and a few standard modules, never another file. */
static int model_file_may_import(const char *path) {
    static const char *const ok[] = {"torch", "torch.nn", "torch.nn.functional", "math", "collections", "typing"};
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++)
        if (!strcmp(ok[k], path)) return 1;
    return 0;
}

static int model_file_import_error(interp *I, const char *path) {
    return py_unsupported(I, "a cnnc model file imports only torch, torch.nn, torch.nn.functional, math, collections "
                             "and typing, not %s", path);
}

static int import_stmt(interp *I, py_frame *f, const py_node *s) {
    for (int32_t k = 0; k < s->x.imp.n_names; k++) {
        const py_alias *a = &s->x.imp.names[k];
        I->line = a->line;
        I->col = a->col;
        I->at = NULL;
        if (I->model_file && !model_file_may_import(a->path)) return model_file_import_error(I, a->path);
        py_module_ns *m = known_module(I, a->path);
        if (!m) {
            int missing;
            py_source *sib = py_load_sibling(I, a->path, 0, &missing);
            if (!sib && !missing) return -1;
            if (missing) {
                /* an installed package cnnc does not model: `import torchvision` binds it, any use is refused */
                size_t len = a->asname >= 0 ? strlen(a->path) : strcspn(a->path, ".");
                char name[256];
                snprintf(name, sizeof name, "%.*s", (int)len, a->path);
                py_val ov = pv_opaque(I, name);
                if (ov.t == PV_UNBOUND) return py_nomem(I);
                if (store_name(I, f, a->asname >= 0 ? a->asname : py_intern(I->syms, name, strlen(name)), ov)) return -1;
                continue;
            }
            py_module_ns *ns = py_module_new(I, a->path);
            if (!ns) return py_nomem(I);
            ns->attrs = &sib->globals;
            ns->is_source = 1;
            m = ns;
        }
        if (a->asname >= 0) {
            if (bind_module(I, f, a->asname, m)) return -1;
        } else {
            /* `import torch.nn` binds `torch` */
            size_t len = strcspn(a->path, ".");
            char head[64];
            snprintf(head, sizeof head, "%.*s", (int)len, a->path);
            py_module_ns *top = known_module(I, head);
            if (!top) top = m;
            if (bind_module(I, f, py_intern(I->syms, a->path, len), top)) return -1;
        }
    }
    return 0;
}

static int from_stmt(interp *I, py_frame *f, const py_node *s) {
    I->line = s->line;
    I->col = s->col;
    I->at = NULL;
    const char *path = s->x.imp.module;
    if (I->model_file && (s->x.imp.level || !model_file_may_import(path))) return model_file_import_error(I, path);
    py_module_ns *m = s->x.imp.level ? NULL : known_module(I, path);
    py_attrs *attrs = NULL;
    if (!m) {
        int missing;
        py_source *sib = py_load_sibling(I, path, s->x.imp.level, &missing);
        if (!sib && !missing) return -1;
        if (missing) {
            /* an installed package cnnc does not model: its names are opaque, any use is refused */
            if (s->flags & PY_F_IMPORT_STAR) return py_unsupported(I, "cnnc cannot follow `from %s import *`", path);
            for (int32_t k = 0; k < s->x.imp.n_names; k++) {
                const py_alias *a = &s->x.imp.names[k];
                char name[256];
                snprintf(name, sizeof name, "%s.%s", path, a->path);
                py_val ov = pv_opaque(I, name);
                if (ov.t == PV_UNBOUND) return py_nomem(I);
                if (store_name(I, f, a->asname >= 0 ? a->asname : py_intern(I->syms, a->path, strlen(a->path)), ov)) return -1;
            }
            return 0;
        }
        attrs = &sib->globals;
    }
    if (s->flags & PY_F_IMPORT_STAR) {
        if (m == I->m_nn && f->src) f->src->star_nn = 1;
        if (m && m->attrs) attrs = m->attrs;
        if (!attrs) return py_unsupported(I, "cnnc cannot follow `from %s import *`", path);
        for (int32_t k = 0; k < attrs->n; k++) {
            const char *nm = py_sym_name(I->syms, attrs->k[k]);
            if (nm[0] == '_') continue;
            if (store_name(I, f, attrs->k[k], attrs->v[k])) return -1;
        }
        return 0;
    }
    for (int32_t k = 0; k < s->x.imp.n_names; k++) {
        const py_alias *a = &s->x.imp.names[k];
        I->line = a->line;
        I->col = a->col;
        py_sym name = py_intern(I->syms, a->path, strlen(a->path));
        py_val v;
        int found = 0;
        if (m) {
            /* a submodule (from torch import nn) or a member */
            char sub[256];
            snprintf(sub, sizeof sub, "%s.%s", path, a->path);
            py_module_ns *sm = known_module(I, sub);
            if (sm) { v = pv_ptr(PV_MODULE, sm); found = 1; }
            else {
                py_val mv = pv_ptr(PV_MODULE, m);
                if (py_getattr(I, mv, name, &v) == 0) found = 1;
                else {
                    /* a name of a real module that cnnc does not model: opaque, any use is refused */
                    I->ex.raised = 0;
                    memset(&I->ex, 0, sizeof I->ex);
                    char full[256];
                    snprintf(full, sizeof full, "%s.%s", path, a->path);
                    v = pv_opaque(I, full);
                    if (v.t == PV_UNBOUND) return py_nomem(I);
                    found = 1;
                }
            }
        } else {
            py_val *p = py_attrs_find(attrs, name);
            if (p) { v = *p; found = 1; }
            else {
                /* a submodule of a sibling package */
                char sub[256];
                snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", a->path);
                py_source *sib = py_load_sibling(I, sub, s->x.imp.level, NULL);
                if (!sib) return -1;
                py_module_ns *ns = py_module_new(I, sub);
                if (!ns) return py_nomem(I);
                ns->attrs = &sib->globals;
                ns->is_source = 1;
                v = pv_ptr(PV_MODULE, ns);
                found = 1;
            }
        }
        if (!found) return py_raise(I, "ImportError", "cannot import name '%s'", a->path);
        if (store_name(I, f, a->asname >= 0 ? a->asname : name, v)) return -1;
    }
    return 0;
}

/* ------------------------------------------------------------- exceptions */

/* Does the pending exception match an except clause's type? */
static int exception_matches(interp *I, py_frame *f, const py_node *type_expr, int *match) {
    *match = 0;
    if (!type_expr) { *match = 1; return 0; }
    py_error saved = I->ex;
    I->ex.raised = 0;
    py_val t;
    if (eval(I, f, type_expr, &t)) return -1;
    I->ex = saved;
    py_val *items = &t;
    int32_t n = 1;
    if (t.t == PV_TUPLE) { items = pv_as_seq(t)->v; n = pv_as_seq(t)->n; }
    for (int32_t k = 0; k < n && !*match; k++) {
        if (items[k].t != PV_CLASS) continue;
        const py_class *c = pv_as_class(items[k]);
        const char *want = c->exc_name ? c->exc_name : c->name;
        /* cnnc's own refusals are not Python exceptions */
        if (saved.status == CNNC_ERR_UNSUPPORTED || saved.status == CNNC_ERR_NOMEM) continue;
        if (!strcmp(want, "Exception") || !strcmp(want, "BaseException")) { *match = 1; break; }
        if (!strcmp(want, saved.type)) { *match = 1; break; }
        /* a few of Python's hierarchy */
        if (!strcmp(want, "LookupError") && (!strcmp(saved.type, "IndexError") || !strcmp(saved.type, "KeyError"))) *match = 1;
        if (!strcmp(want, "ArithmeticError") && !strcmp(saved.type, "ZeroDivisionError")) *match = 1;
        if (!strcmp(want, "ImportError") && !strcmp(saved.type, "ModuleNotFoundError")) *match = 1;
        if (!strcmp(want, "NameError") && !strcmp(saved.type, "UnboundLocalError")) *match = 1;
        if (!strcmp(want, "RuntimeError") && !strcmp(saved.type, "NotImplementedError")) *match = 1;
    }
    return 0;
}

static int try_stmt(interp *I, py_frame *f, const py_node *s) {
    int r = py_exec_body(I, f, s->list, s->n);
    if (r == X_RAISE && I->ex.raised) {
        for (int32_t k = 0; k < s->x.tr.n_handlers; k++) {
            const py_handler *h = &s->x.tr.handlers[k];
            int match;
            if (exception_matches(I, f, h->type, &match)) return X_RAISE;
            if (!match) continue;
            py_error caught = I->ex;
            I->ex.raised = 0;
            if (h->name >= 0) {
                py_class *c = py_class_new(I, caught.type, PB_EXCEPTION, I->c_exception);
                py_obj *o = c ? (py_obj *)py_alloc(I->arena, sizeof *o) : NULL;
                if (!o) return py_nomem(I);
                c->exc_name = py_strndup(I->arena, caught.type, strlen(caught.type));
                o->cls = c;
                o->exc_msg = py_strndup(I->arena, caught.message, strlen(caught.message));
                if (store_name(I, f, h->name, pv_ptr(PV_OBJ, o))) return X_RAISE;
            }
            r = py_exec_body(I, f, h->body, h->n_body);
            break;
        }
    } else if (r == X_NORMAL && s->n2) {
        r = py_exec_body(I, f, s->list2, s->n2);
    }
    if (s->x.tr.n_final) {
        py_error pending = I->ex;
        py_val ret = I->ret;
        I->ex.raised = 0;
        int fr = py_exec_body(I, f, s->x.tr.final, s->x.tr.n_final);
        if (fr != X_NORMAL) return fr;
        I->ex = pending;
        I->ret = ret;
    }
    return r;
}

/* ---------------------------------------------------------------- statements */

static int exec_stmt(interp *I, py_frame *f, const py_node *s);

int py_exec_body(interp *I, py_frame *f, py_node *const *body, int32_t n) {
    for (int32_t k = 0; k < n; k++) {
        int r = exec_stmt(I, f, body[k]);
        if (r != X_NORMAL) return r;
    }
    return X_NORMAL;
}

static int aug_assign(interp *I, py_frame *f, const py_node *s) {
    const py_node *t = s->a;
    py_val cur, rhs, obj, key;
    if (t->kind == PY_E_NAME) {
        if (lookup(I, f, t->v.sym, &cur)) return -1;
    } else if (t->kind == PY_E_ATTR) {
        if (eval(I, f, t->a, &obj)) return -1;
        I->at = t;
        if (py_getattr(I, obj, t->v.sym, &cur)) return -1;
    } else {
        if (eval(I, f, t->a, &obj) || eval(I, f, t->b, &key)) return -1;
        I->at = t;
        if (py_getitem(I, obj, key, &cur)) return -1;
    }
    if (eval(I, f, s->b, &rhs)) return -1;
    I->at = s;
    py_val res;
    if (cur.t == PV_LIST && s->op == PY_OP_PLUS) {   /* list += iterable extends in place */
        py_val *items;
        int32_t n;
        if (py_iterate(I, rhs, &items, &n)) return -1;
        for (int32_t k = 0; k < n; k++)
            if (py_seq_push(I, cur, items[k])) return -1;
        res = cur;
    } else {
        I->inplace = cur.t == PV_TENSOR;   /* x += y: PyTorch's in-place shape check */
        int r = py_binop(I, s->op, cur, rhs, &res);
        I->inplace = 0;
        if (r) return -1;
    }
    if (t->kind == PY_E_NAME) return store_name(I, f, t->v.sym, res);
    if (t->kind == PY_E_ATTR) return py_setattr(I, obj, t->v.sym, res);
    return setitem(I, obj, key, res);
}

static int exec_stmt(interp *I, py_frame *f, const py_node *s) {
    if (step(I, s)) return X_RAISE;
    I->line = s->line;
    I->col = s->col;
    switch ((py_node_kind)s->kind) {
    case PY_S_EXPR: {
        py_val v;
        if (s->a->kind == PY_E_STR) return X_NORMAL;  /* docstrings */
        return eval(I, f, s->a, &v) ? X_RAISE : X_NORMAL;
    }
    case PY_S_ASSIGN: {
        py_val v;
        if (eval(I, f, s->b, &v)) return X_RAISE;
        for (int32_t k = 0; k < s->n; k++)
            if (assign(I, f, s->list[k], v)) return X_RAISE;
        return X_NORMAL;
    }
    case PY_S_AUGASSIGN: return aug_assign(I, f, s) ? X_RAISE : X_NORMAL;
    case PY_S_ANNASSIGN: {
        if (!s->b) {
            /* class-level `x: int` declares; annotations of simple names are evaluated */
            py_val ann;
            if (s->a->kind == PY_E_NAME && !f->scope && eval(I, f, s->c, &ann)) return X_RAISE;
            return X_NORMAL;
        }
        py_val v, ann;
        if (!f->scope && eval(I, f, s->c, &ann)) return X_RAISE;
        if (eval(I, f, s->b, &v)) return X_RAISE;
        return assign(I, f, s->a, v) ? X_RAISE : X_NORMAL;
    }
    case PY_S_PASS: return X_NORMAL;
    case PY_S_BREAK: return X_BREAK;
    case PY_S_CONTINUE: return X_CONTINUE;
    case PY_S_RETURN:
        I->ret = pv_none();
        if (s->a && eval(I, f, s->a, &I->ret)) return X_RAISE;
        return X_RETURN;
    case PY_S_RAISE: {
        if (!s->a) {
            if (I->ex.type[0]) { I->ex.raised = 1; return X_RAISE; }
            py_raise(I, "RuntimeError", "No active exception to reraise");
            return X_RAISE;
        }
        py_val v;
        if (eval(I, f, s->a, &v)) return X_RAISE;
        I->at = s;
        if (v.t == PV_CLASS) {  /* raise ValueError -> an instance with no message */
            if (py_call(I, v, NULL, 0, NULL, NULL, 0, &v)) return X_RAISE;
        }
        if (v.t == PV_OBJ && pv_as_obj(v)->exc_msg) {
            const py_obj *o = pv_as_obj(v);
            py_raise(I, o->cls->exc_name ? o->cls->exc_name : o->cls->name, "%s", o->exc_msg);
            I->ex.value = v;
            return X_RAISE;
        }
        py_raise(I, "TypeError", "exceptions must derive from BaseException");
        return X_RAISE;
    }
    case PY_S_GLOBAL: case PY_S_NONLOCAL: return X_NORMAL;
    case PY_S_DEL: {
        const py_node *t = s->a;
        if (t->kind == PY_E_NAME) {
            if (!py_attrs_del(&f->locals, t->v.sym) && !(f->globals && py_attrs_del(f->globals, t->v.sym))) {
                py_raise(I, "NameError", "name '%s' is not defined", py_sym_name(I->syms, t->v.sym));
                return X_RAISE;
            }
            return X_NORMAL;
        }
        if (t->kind == PY_E_SUBSCRIPT) {
            py_val obj, key;
            if (eval(I, f, t->a, &obj) || eval(I, f, t->b, &key)) return X_RAISE;
            if (obj.t == PV_DICT) {
                py_dict *d = pv_as_dict(obj);
                for (int32_t k = 0; k < d->n; k++)
                    if (py_equal(I, d->k[k], key)) {
                        memmove(d->k + k, d->k + k + 1, (size_t)(d->n - k - 1) * sizeof *d->k);
                        memmove(d->v + k, d->v + k + 1, (size_t)(d->n - k - 1) * sizeof *d->v);
                        d->n--;
                        return X_NORMAL;
                    }
                cnnc_strbuf sb = {0};
                py_repr(I, key, &sb);
                py_raise(I, "KeyError", "%s", sb.p ? sb.p : "");
                cnnc_sb_free(&sb);
                return X_RAISE;
            }
            if (obj.t == PV_LIST) {
                int64_t i;
                if (py_int_of(I, key, &i)) return X_RAISE;
                py_seq *q = pv_as_seq(obj);
                if (i < 0) i += q->n;
                if (i < 0 || i >= q->n) { py_raise(I, "IndexError", "list assignment index out of range"); return X_RAISE; }
                memmove(q->v + i, q->v + i + 1, (size_t)(q->n - i - 1) * sizeof *q->v);
                q->n--;
                return X_NORMAL;
            }
        }
        if (t->kind == PY_E_ATTR) {
            py_val obj;
            if (eval(I, f, t->a, &obj)) return X_RAISE;
            if (obj.t == PV_OBJ) {
                py_obj *o = pv_as_obj(obj);
                if (py_attrs_del(&o->attrs, t->v.sym)) return X_NORMAL;
                if (o->nn && (py_attrs_del(&o->nn->children, t->v.sym) || py_attrs_del(&o->nn->params, t->v.sym)))
                    return X_NORMAL;
            }
        }
        py_unsupported(I, "cnnc cannot follow this del statement");
        return X_RAISE;
    }
    case PY_S_ASSERT: {
        py_val c;
        int t;
        if (eval(I, f, s->a, &c) || py_truthy(I, c, &t)) return X_RAISE;
        if (t) return X_NORMAL;
        cnnc_strbuf sb = {0};
        if (s->b) {
            py_val m;
            if (eval(I, f, s->b, &m)) { cnnc_sb_free(&sb); return X_RAISE; }
            py_str_of(I, m, &sb);
        }
        I->at = s;
        py_raise(I, "AssertionError", "%s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return X_RAISE;
    }
    case PY_S_IMPORT: return import_stmt(I, f, s) ? X_RAISE : X_NORMAL;
    case PY_S_FROM: return from_stmt(I, f, s) ? X_RAISE : X_NORMAL;
    case PY_S_IF: {
        py_val c;
        int t;
        if (eval(I, f, s->a, &c)) return X_RAISE;
        I->at = s->a;
        if (py_truthy(I, c, &t)) return X_RAISE;
        return t ? py_exec_body(I, f, s->list, s->n) : py_exec_body(I, f, s->list2, s->n2);
    }
    case PY_S_FOR: {
        py_val it;
        if (eval(I, f, s->b, &it)) return X_RAISE;
        py_val *items;
        int32_t n;
        I->at = s->b;
        if (py_iterate(I, it, &items, &n)) return X_RAISE;
        /* a snapshot: appending to the list being iterated does not loop forever here */
        py_val *copy = (py_val *)py_alloc(I->arena, (size_t)(n > 0 ? n : 1) * sizeof *copy);
        if (!copy) { py_nomem(I); return X_RAISE; }
        memcpy(copy, items, (size_t)n * sizeof *copy);
        for (int32_t k = 0; k < n; k++) {
            if (assign(I, f, s->a, copy[k])) return X_RAISE;
            int r = py_exec_body(I, f, s->list, s->n);
            if (r == X_BREAK) return X_NORMAL;
            if (r == X_RETURN || r == X_RAISE) return r;
        }
        return py_exec_body(I, f, s->list2, s->n2);
    }
    case PY_S_WHILE:
        for (;;) {
            py_val c;
            int t;
            if (eval(I, f, s->a, &c) || py_truthy(I, c, &t)) return X_RAISE;
            if (!t) return py_exec_body(I, f, s->list2, s->n2);
            int r = py_exec_body(I, f, s->list, s->n);
            if (r == X_BREAK) return X_NORMAL;
            if (r == X_RETURN || r == X_RAISE) return r;
        }
    case PY_S_TRY: return try_stmt(I, f, s);
    case PY_S_WITH: {
        for (int32_t k = 0; k < s->n2; k++) {
            py_val ctx;
            if (eval(I, f, s->list2[k], &ctx)) return X_RAISE;
            /* torch.no_grad() and friends: the context value itself */
            if (s->x.with.targets[k] && assign(I, f, s->x.with.targets[k], ctx)) return X_RAISE;
        }
        return py_exec_body(I, f, s->list, s->n);
    }
    case PY_S_DEF: {
        py_val fn;
        if (make_function(I, f, s, &fn)) return X_RAISE;
        for (int32_t k = s->x.fn.n_decorators - 1; k >= 0; k--) {
            py_val dec;
            if (eval(I, f, s->x.fn.decorators[k], &dec)) return X_RAISE;
            if (dec.t == PV_OPAQUE) { fn = dec; continue; }   /* refused where the decorated function is used */
            py_val arg = fn;   /* out must not alias the argument */
            if (py_call(I, dec, &arg, 1, NULL, NULL, 0, &fn)) return X_RAISE;
        }
        return store_name(I, f, s->v.sym, fn) ? X_RAISE : X_NORMAL;
    }
    case PY_S_CLASS: return define_class(I, f, s) ? X_RAISE : X_NORMAL;
    default: py_unsupported(I, "cnnc cannot follow this statement"); return X_RAISE;
    }
}

/* ------------------------------------------------------------------ setup */

int py_interp_init(interp *I, py_arena *arena, py_symtab *syms, cnnc_error *err) {
    memset(I, 0, sizeof *I);
    I->arena = arena;
    I->syms = syms;
    I->err = err;
    I->max_steps = MAX_STEPS_DEFAULT;
    I->s_init = py_s(I, "__init__");
    I->s_forward = py_s(I, "forward");
    I->s_self = py_s(I, "self");
    I->s_training = py_s(I, "training");
    I->s_call = py_s(I, "__call__");
    I->s_name = py_s(I, "__name__");
    I->s_class = py_s(I, "__class__");
    I->s_dict = py_s(I, "__dict__");
    I->s_weight = py_s(I, "weight");
    I->s_bias = py_s(I, "bias");
    if (py_builtins_init(I) || py_nn_init(I) || py_torch_init(I)) return -1;
    return 0;
}

static int bind_opaque_name(interp *I, py_frame *f, py_sym name, const char *why) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s (bound by %s)", py_sym_name(I->syms, name), why);
    py_val v = pv_opaque(I, buf);
    if (v.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, f->globals, name, v);
}

static int bind_opaque_expr(interp *I, py_frame *f, const py_node *t, const char *why) {
    if (!t) return 0;
    switch (t->kind) {
    case PY_E_NAME: return bind_opaque_name(I, f, t->v.sym, why);
    case PY_E_TUPLE: case PY_E_LIST:
        for (int32_t k = 0; k < t->n; k++)
            if (bind_opaque_expr(I, f, t->list[k], why)) return -1;
        return 0;
    case PY_E_STARRED: return bind_opaque_expr(I, f, t->a, why);
    default: return 0;   /* x.attr = ..., x[k] = ...: no name of the module's */
    }
}

static int bind_opaque_body(interp *I, py_frame *f, py_node *const *body, int32_t n, const char *why);

/* The names a module-level statement binds, bound to opaque values. */
static int bind_opaque_targets(interp *I, py_frame *f, const py_node *s, const char *why) {
    switch (s->kind) {
    case PY_S_ASSIGN:
        for (int32_t k = 0; k < s->n; k++)
            if (bind_opaque_expr(I, f, s->list[k], why)) return -1;
        return 0;
    case PY_S_AUGASSIGN: case PY_S_ANNASSIGN: return bind_opaque_expr(I, f, s->a, why);
    case PY_S_FOR:
        if (bind_opaque_expr(I, f, s->a, why)) return -1;
        __attribute__((fallthrough));   /* and the bodies */
    case PY_S_IF: case PY_S_WHILE: case PY_S_WITH:
        if (s->kind == PY_S_WITH)
            for (int32_t k = 0; k < s->n2; k++)
                if (bind_opaque_expr(I, f, s->x.with.targets[k], why)) return -1;
        if (bind_opaque_body(I, f, s->list, s->n, why)) return -1;
        return s->kind == PY_S_WITH ? 0 : bind_opaque_body(I, f, s->list2, s->n2, why);
    case PY_S_TRY:
        if (bind_opaque_body(I, f, s->list, s->n, why) || bind_opaque_body(I, f, s->list2, s->n2, why) ||
            bind_opaque_body(I, f, s->x.tr.final, s->x.tr.n_final, why))
            return -1;
        for (int32_t k = 0; k < s->x.tr.n_handlers; k++) {
            const py_handler *h = &s->x.tr.handlers[k];
            if (h->name >= 0 && bind_opaque_name(I, f, h->name, why)) return -1;
            if (bind_opaque_body(I, f, h->body, h->n_body, why)) return -1;
        }
        return 0;
    case PY_S_DEF: case PY_S_CLASS: return bind_opaque_name(I, f, s->v.sym, why);
    case PY_S_IMPORT:
        for (int32_t k = 0; k < s->x.imp.n_names; k++) {
            const py_alias *a = &s->x.imp.names[k];
            py_sym nm = a->asname >= 0 ? a->asname : py_intern(I->syms, a->path, strcspn(a->path, "."));
            if (bind_opaque_name(I, f, nm, why)) return -1;
        }
        return 0;
    case PY_S_FROM:
        for (int32_t k = 0; k < s->x.imp.n_names; k++) {
            const py_alias *a = &s->x.imp.names[k];
            py_sym nm = a->asname >= 0 ? a->asname : py_intern(I->syms, a->path, strlen(a->path));
            if (bind_opaque_name(I, f, nm, why)) return -1;
        }
        return 0;
    default: return 0;
    }
}

static int bind_opaque_body(interp *I, py_frame *f, py_node *const *body, int32_t n, const char *why) {
    for (int32_t k = 0; k < n; k++)
        if (bind_opaque_targets(I, f, body[k], why)) return -1;
    return 0;
}

int py_exec_source(interp *I, py_source *src) {
    py_frame f;
    memset(&f, 0, sizeof f);
    f.globals = &src->globals;
    f.src = src;
    f.module_level = 1;
    py_source *saved = I->cur_src;
    I->cur_src = src;
    /* imported, not run as a script: __name__ is the module's name (the `if __name__ ==
     * "__main__":` block does not run), and sys.modules[__name__] is the module */
    char modname[256];
    {
        const char *base = strrchr(src->path, '/');
        base = base ? base + 1 : src->path;
        size_t len = strlen(base);
        if (len > 3 && !strcmp(base + len - 3, ".py")) len -= 3;
        if (len == 8 && !memcmp(base, "__init__", 8) && base != src->path) {
            /* a package: its directory's name */
            const char *end = base - 1, *start = end;
            while (start > src->path && start[-1] != '/') start--;
            base = start;
            len = (size_t)(end - start);
        }
        snprintf(modname, sizeof modname, "%.*s", (int)len, base);
    }
    py_attrs_set(I, &src->globals, I->s_name, pv_cstr(I, modname));
    {
        py_module_ns *self = py_module_new(I, py_strndup(I->arena, modname, strlen(modname)));
        py_val *mods = py_attrs_find(I->m_sys->attrs, py_s(I, "modules"));
        if (!self || !self->name) return py_nomem(I);
        self->attrs = &src->globals;
        self->is_source = 1;
        if (mods && py_dict_set(I, *mods, pv_cstr(I, modname), pv_ptr(PV_MODULE, self))) return py_nomem(I);
    }
    /* module level: the frame's locals are the globals. A statement cnnc cannot
     * follow (a training loop, an optimizer, a plot) does not stop the module:
     * the names it would bind become opaque, so only what uses them is refused */
    int r = 0;
    for (int32_t k = 0; k < src->mod.n_body && r >= 0; k++) {
        const py_node *st = src->mod.body[k];
        r = py_exec_body(I, &f, &src->mod.body[k], 1);
        if (r >= 0 || !I->ex.raised || I->ex.status != CNNC_ERR_UNSUPPORTED || I->model_file) continue;
        char why[400];
        snprintf(why, sizeof why, "line %d of %.200s, which cnnc cannot follow: %.60s", (int)I->ex.line,
                 strrchr(src->path, '/') ? strrchr(src->path, '/') + 1 : src->path, I->ex.message);
        memset(&I->ex, 0, sizeof I->ex);
        if (bind_opaque_targets(I, &f, st, why)) return -1;
        r = 0;
    }
    src->executed = 1;
    I->cur_src = saved;
    return r < 0 ? -1 : 0;
}
