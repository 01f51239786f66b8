/* interp_expr.c — the evaluator's expressions: f-strings, comprehensions,
 * call arguments, slices, displays, operators and the rest of eval(), with
 * Python's semantics and messages. */
#include "py/interp_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        if (interp_eval(I, f, fe, &v)) { cnnc_sb_free(&sb); return -1; }
        if (self_doc) cnnc_sb_putn(&sb, s + eb, (size_t)(expr_end - eb));
        const int32_t spec_len = spec_begin >= 0 ? j - spec_begin : 0;
        /* f"{x=}" is repr(x) unless a conversion or spec says otherwise */
        if (py_format_value(I, v, conv ? conv : self_doc && !spec_len ? 'r' : 0, spec_begin >= 0 ? s + spec_begin : "", spec_len, &sb)) {
            cnnc_sb_free(&sb);
            return -1;
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
        if (interp_step(I, e)) return -1;
        if (e->kind == PY_E_DICTCOMP) {
            py_val k, v;
            if (interp_eval(I, f, e->a, &k) || interp_eval(I, f, e->b, &v)) return -1;
            return py_dict_set(I, c->result, k, v);
        }
        py_val v;
        if (interp_eval(I, f, e->a, &v)) return -1;
        return e->kind == PY_E_SETCOMP ? py_set_add(I, c->result, v) : py_seq_push(I, c->result, v);
    }
    const py_comp *cl = &e->x.comp.comps[level];
    py_val iter;
    if (interp_eval(I, f, cl->iter, &iter)) return -1;
    py_val *items;
    int32_t n;
    I->at = cl->iter;
    if (py_iterate(I, iter, &items, &n)) return -1;
    for (int32_t k = 0; k < n; k++) {
        if (interp_assign(I, f, cl->target, items[k])) return -1;
        int keep = 1;
        for (int32_t j = 0; j < cl->n_ifs && keep; j++) {
            py_val cond;
            if (interp_eval(I, f, cl->ifs[j], &cond) || py_truthy(I, cond, &keep)) return -1;
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

/* "got multiple values for keyword argument" as CPython words it: prefixed by the callee as
 * _PyObject_FunctionStr names it (a function's qualname, a torch.nn class's module path); a
 * callee whose name depends on how it was imported, or on builtins' spelling, is refused. */
static int duplicate_keyword(interp *I, py_val fn, py_sym name) {
    const char *nm = py_sym_name(I->syms, name);
    if (fn.t == PV_BOUND) fn = ((const py_bound *)fn.u.p)->fn;
    if (fn.t == PV_FUNC && ((const py_func *)fn.u.p)->qualname)
        return py_raise(I, "TypeError", "%s() got multiple values for keyword argument '%s'", ((const py_func *)fn.u.p)->qualname, nm);
    if (fn.t == PV_CLASS && !pv_as_class(fn)->user && pv_as_class(fn)->module)
        return py_raise(I, "TypeError", "%s.%s() got multiple values for keyword argument '%s'", pv_as_class(fn)->module,
                        pv_as_class(fn)->name, nm);
    return py_unsupported(I, "cnnc cannot follow how Python names this callee in its error: got multiple values for "
                             "keyword argument '%s'", nm);
}

int py_eval_call_args(interp *I, py_frame *f, const py_node *call, py_val fn, py_val **args, int32_t *n, py_sym **kw, py_val **kwv,
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
            if (interp_eval(I, f, arg->a, &v)) return -1;
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
        if (interp_eval(I, f, arg, &a[na])) return -1;
        na++;
    }
    for (int32_t i = 0; i < call->n2; i++) {
        const py_node *arg = call->list2[i];
        if (arg->kind == PY_E_DSTAR) {
            py_val d;
            if (interp_eval(I, f, arg->a, &d)) return -1;
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
                        return duplicate_keyword(I, fn, s);
                    }
                k[nk] = s;
                kv[nk++] = dd->v[j];
            }
            continue;
        }
        if (interp_eval(I, f, arg->a, &kv[nk])) return -1;
        for (int32_t q = 0; q < nk; q++)
            if (k[q] == arg->v.sym) {
                I->at = arg;
                return duplicate_keyword(I, fn, arg->v.sym);
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

static int eval_slice(interp *I, py_frame *f, const py_node *e, py_val *out) {
    py_slice *s = (py_slice *)py_alloc(I->arena, sizeof *s);
    if (!s) return py_nomem(I);
    s->lo = s->hi = s->step = pv_none();
    if ((e->a && interp_eval(I, f, e->a, &s->lo)) || (e->b && interp_eval(I, f, e->b, &s->hi)) || (e->c && interp_eval(I, f, e->c, &s->step)))
        return -1;
    /* a one-element int tensor is a bound through __index__: its value where cnnc knows it */
    py_val *bounds[3] = {&s->lo, &s->hi, &s->step};
    for (int k = 0; k < 3; k++) {
        if (bounds[k]->t != PV_TENSOR) continue;
        const py_tensor *t = pv_as_tensor(*bounds[k]);
        if (t->value_kind != PV_INT) return py_unsupported(I, "cnnc cannot follow a slice bound that is a tensor's value");
        *bounds[k] = pv_int((int64_t)t->value);
    }
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
            if (interp_eval(I, f, item->a, &v)) return -1;
            py_val *items;
            int32_t n;
            I->at = item;
            if (t != PV_SET && (pv_is_num(v) || v.t == PV_NONE))   /* (1, *x) and [*x]: CPython's display words */
                return py_raise(I, "TypeError", "Value after * must be an iterable, not %s", py_type_name(&v));
            if (py_iterate(I, v, &items, &n)) return -1;
            for (int32_t j = 0; j < n; j++)
                if (py_seq_push(I, s, items[j])) return -1;
            continue;
        }
        py_val v;
        if (interp_eval(I, f, item, &v)) return -1;
        if (t == PV_SET ? py_set_add(I, s, v) : py_seq_push(I, s, v)) return -1;
    }
    *out = s;
    return 0;
}

/* A number, or a one-element constant whose value cnnc knows. */
static int known_value(py_val v, double *out) {
    if (v.t == PV_INT || v.t == PV_BOOL) { *out = (double)v.u.i; return !v.big; }
    if (v.t == PV_FLOAT) { *out = v.u.f; return 1; }
    if (v.t != PV_TENSOR) return 0;
    const py_tensor *t = pv_as_tensor(v);
    if (t->node != TENSOR_CONST || !t->value_kind || cnnc_shape_numel(&t->shape) != 1) return 0;
    *out = t->value;
    return 1;
}

int py_tensor_compare(interp *I, int op, py_val a, py_val b, py_val *out) {
    if (py_tensor_broadcast_const(I, a, b, out)) return -1;   /* x < 0.5: a mask */
    pv_as_tensor(*out)->is_mask = 1;
    double x, y;   /* of known one-element values (a step counter buffer == 0): known too */
    if (known_value(a, &x) && known_value(b, &y)) {
        const int v = op == PY_CMP_LT ? x < y : op == PY_CMP_LE ? x <= y : op == PY_CMP_GT ? x > y
                    : op == PY_CMP_GE ? x >= y : op == PY_CMP_EQ ? x == y : x != y;
        pv_as_tensor(*out)->value_kind = PV_BOOL;
        pv_as_tensor(*out)->value = v;
        pv_as_tensor(*out)->mask_known = v ? 1 : -1;
    }
    return 0;
}

int interp_eval(interp *I, py_frame *f, const py_node *e, py_val *out) {
    if (interp_step(I, e)) return -1;
    switch ((py_node_kind)e->kind) {
    case PY_E_NAME: I->at = e; return interp_lookup(I, f, e->v.sym, out);
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
                if (interp_eval(I, f, e->list2[k], &o)) return -1;
                if (o.t != PV_DICT) return py_raise(I, "TypeError", "'%s' object is not a mapping", py_type_name(&o));
                for (int32_t j = 0; j < pv_as_dict(o)->n; j++)
                    if (py_dict_set(I, d, pv_as_dict(o)->k[j], pv_as_dict(o)->v[j])) return -1;
                continue;
            }
            py_val key, v;
            if (interp_eval(I, f, e->list[k], &key) || interp_eval(I, f, e->list2[k], &v)) return -1;
            I->at = e->list[k];
            if (py_dict_set(I, d, key, v)) return -1;
        }
        *out = d;
        return 0;
    }
    case PY_E_LISTCOMP: case PY_E_SETCOMP: case PY_E_DICTCOMP: case PY_E_GENEXP: return comprehension(I, f, e, out);
    case PY_E_ATTR: {
        py_val obj;
        if (interp_eval(I, f, e->a, &obj)) return -1;
        I->at = e;
        I->frame = f;   /* the class a private name is mangled with (access.c) */
        if (py_getattr(I, obj, e->v.sym, out)) {
            if (I->ex.line == e->line && I->ex.col == e->col) { I->ex.line = e->x.pos.line; I->ex.col = e->x.pos.col; }
            return -1;
        }
        return 0;
    }
    case PY_E_SUBSCRIPT: {
        py_val obj, key;
        if (interp_eval(I, f, e->a, &obj) || interp_eval(I, f, e->b, &key)) return -1;
        I->at = e;
        return py_getitem(I, obj, key, out);
    }
    case PY_E_SLICE: return eval_slice(I, f, e, out);
    case PY_E_CALL: {
        py_val fn;
        if (interp_eval(I, f, e->a, &fn)) return -1;
        py_val *args = NULL;
        int32_t n = 0, n_kw = 0;
        py_sym *kw = NULL;
        py_val *kwv = NULL;
        if (py_eval_call_args(I, f, e, fn, &args, &n, &kw, &kwv, &n_kw)) return -1;
        I->at = e;
        I->frame = f;
        return py_call(I, fn, args, n, kw, kwv, n_kw, out);
    }
    case PY_E_STARRED: return py_raise(I, "SyntaxError", "can't use starred expression here");
    case PY_E_BINOP: {
        py_val a, b;
        if (interp_eval(I, f, e->a, &a) || interp_eval(I, f, e->b, &b)) return -1;
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
        if (interp_eval(I, f, e->a, &v)) return -1;
        I->at = e;
        if (v.t == PV_TENSOR) {
            if (e->op == PY_OP_PLUS) { *out = v; return 0; }
            if (e->op == PY_OP_MINUS) return py_tensor_binop(I, PY_OP_STAR, v, pv_int(-1), 0, out);
            return py_tensor_invert(I, v, out);
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
            if (interp_eval(I, f, e->list[k], out)) return -1;
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
        if (interp_eval(I, f, e->a, &v) || py_truthy(I, v, &t)) return -1;
        *out = pv_bool(!t);
        return 0;
    }
    case PY_E_COMPARE: {
        py_val a;
        if (interp_eval(I, f, e->a, &a)) return -1;
        for (int32_t k = 0; k < e->n; k++) {
            py_val b;
            if (interp_eval(I, f, e->list[k], &b)) return -1;
            int r;
            I->at = e;
            const int op = e->x.cmp.ops[k];
            if (e->n == 1 && (a.t == PV_TENSOR || b.t == PV_TENSOR) && op <= PY_CMP_NE &&
                (a.t == PV_TENSOR || pv_is_num(a)) && (b.t == PV_TENSOR || pv_is_num(b)))
                return py_tensor_compare(I, op, a, b, out);
            if (py_compare(I, op, a, b, &r)) return -1;
            if (!r) { *out = pv_bool(0); return 0; }
            a = b;
        }
        *out = pv_bool(1);
        return 0;
    }
    case PY_E_IFEXP: {
        py_val c;
        int t;
        if (interp_eval(I, f, e->a, &c) || py_truthy(I, c, &t)) return -1;
        return interp_eval(I, f, t ? e->b : e->c, out);
    }
    case PY_E_LAMBDA: return interp_make_function(I, f, e, out);
    case PY_E_WALRUS:
        if (interp_eval(I, f, e->b, out)) return -1;
        return interp_store_name(I, f, e->a->v.sym, *out);
    case PY_E_YIELD: {   /* into the running generator's items (run_generator); its value is None */
        if (I->gen_items.t != PV_LIST) return py_unsupported(I, "cnnc cannot follow yield here");
        py_val v = pv_none();
        if (e->a && interp_eval(I, f, e->a, &v)) return -1;
        if (e->flags & 1) {   /* yield from iterable */
            py_val *items;
            int32_t cnt;
            if (py_iterate(I, v, &items, &cnt)) return -1;
            for (int32_t k = 0; k < cnt; k++)
                if (py_seq_push(I, I->gen_items, items[k])) return -1;
        } else if (py_seq_push(I, I->gen_items, v)) {
            return -1;
        }
        *out = pv_none();
        return 0;
    }
    case PY_E_AWAIT: return py_unsupported(I, "cnnc cannot follow await");
    default: return py_unsupported(I, "cnnc cannot follow this expression");
    }
}

int py_eval(interp *I, py_frame *f, const py_node *e, py_val *out) { return interp_eval(I, f, e, out); }

