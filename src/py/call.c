/* call.c — calls and argument binding (CPython's TypeErrors, word for word),
 * attributes, items, operators and comparisons, classes and isinstance, and
 * the import of a model's sibling source files. */
#include "py/interp.h"
#include "py/real_names.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_internal.h"

#define MAX_CALL_DEPTH 400

int py_run_function(interp *I, const py_func *fn, py_frame *frame, py_val *out);
int py_builtin_method(interp *I, py_val obj, py_sym name, py_val *out);  /* builtins.c: 1 found, 0 not, -1 raised */

/* ------------------------------------------------------------------ classes */

py_class *py_class_new(interp *I, const char *name, py_base base, py_class *parent) {
    py_class *c = (py_class *)py_alloc(I->arena, sizeof *c);
    if (!c) return NULL;
    c->name = name;
    c->qualname = name;
    c->base = base;
    if (parent) {
        c->bases = (py_class **)py_alloc(I->arena, sizeof *c->bases);
        if (!c->bases) return NULL;
        c->bases[0] = parent;
        c->n_bases = 1;
        c->layer = parent->layer;
        c->exc_name = parent->exc_name;
    }
    return c;
}

int py_class_is(const py_class *c, const py_class *base) {
    if (!c) return 0;
    if (c == base) return 1;
    for (int32_t k = 0; k < c->n_bases; k++)
        if (py_class_is(c->bases[k], base)) return 1;
    return 0;
}

py_class *py_class_of(interp *I, py_val v) {
    (void)I;
    return v.t == PV_OBJ ? pv_as_obj(v)->cls : NULL;
}

/* A class attribute through the bases, depth first (the MRO of simple hierarchies). */
static py_val *class_lookup(py_class *c, py_sym name, py_class **found_in) {
    if (!c) return NULL;
    py_val *v = py_attrs_find(&c->dict, name);
    if (v) { if (found_in) *found_in = c; return v; }
    for (int32_t k = 0; k < c->n_bases; k++)
        if ((v = class_lookup(c->bases[k], name, found_in))) return v;
    return NULL;
}

/* ------------------------------------------------------------------ binding */

/* Where the call being bound wrote its arguments (the model file's errors point at them). */
static const py_node *call_site(interp *I, int32_t n, int32_t n_kw) {
    const py_node *c = I->at;
    if (!c || c->kind != PY_E_CALL || c->n != n || c->n2 != n_kw) return NULL;
    for (int32_t k = 0; k < c->n; k++)
        if (c->list[k]->kind == PY_E_STARRED) return NULL;
    for (int32_t k = 0; k < c->n2; k++)
        if (c->list2[k]->kind == PY_E_DSTAR) return NULL;
    return c;
}

static void at_node(interp *I, const py_node *n) {
    if (n) { I->ex.line = n->line; I->ex.col = n->col; }
}

static void names_list(const char **names, const int32_t *idx, int32_t n, cnnc_strbuf *sb) {
    for (int32_t k = 0; k < n; k++) {
        const char *sep = k == 0 ? "" : (n == 2 ? " and " : (k == n - 1 ? ", and " : ", "));
        cnnc_sb_printf(sb, "%s'%s'", sep, names[idx[k]]);
    }
}

/* CPython's binder over a parameter list. kinds[k] is a py_param_kind; has_default[k]. */
typedef struct bind_spec {
    const char *qual;              /* "Net.__init__" */
    int32_t n;
    const char **names;
    const uint8_t *kinds;
    const uint8_t *has_default;
    int method;                    /* the first parameter is self, given by the receiver */
} bind_spec;

/* bound[k] per parameter: PV_UNBOUND when not given; varargs/varkw slots get a tuple/dict. */
static int bind(interp *I, const bind_spec *sp, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv,
                int32_t n_kw, py_val *bound, const py_node *site) {
    int32_t n_pos = 0, i_vararg = -1, i_varkw = -1, n_defaults = 0;
    for (int32_t k = 0; k < sp->n; k++) {
        bound[k] = pv_unbound();
        if (sp->kinds[k] == PY_P_POS || sp->kinds[k] == PY_P_POSONLY) {
            n_pos++;
            if (sp->has_default[k]) n_defaults++;
        }
        if (sp->kinds[k] == PY_P_VARARG) i_vararg = k;
        if (sp->kinds[k] == PY_P_VARKW) i_varkw = k;
    }
    int32_t take = n < n_pos ? n : n_pos;
    for (int32_t k = 0; k < take; k++) bound[k] = args[k];
    if (i_vararg >= 0) {
        py_val rest = pv_seq(I, PV_TUPLE, 0);
        if (rest.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = take; k < n; k++)
            if (py_seq_push(I, rest, args[k])) return -1;
        bound[i_vararg] = rest;
    }
    py_val extra_kw = pv_unbound();
    if (i_varkw >= 0) {
        extra_kw = pv_dict(I);
        if (extra_kw.t == PV_UNBOUND) return py_nomem(I);
        bound[i_varkw] = extra_kw;
    }
    /* keywords: unknown names and values given twice, in argument order */
    int32_t posonly_as_kw[16], n_pokw = 0;
    for (int32_t j = 0; j < n_kw; j++) {
        const char *name = py_sym_name(I->syms, kw[j]);
        int32_t idx = -1;
        for (int32_t k = 0; k < sp->n; k++)
            if (sp->kinds[k] != PY_P_VARARG && sp->kinds[k] != PY_P_VARKW && !strcmp(sp->names[k], name)) idx = k;
        if (idx >= 0 && sp->kinds[idx] == PY_P_POSONLY) {
            if (i_varkw >= 0) { if (py_dict_set(I, extra_kw, pv_cstr(I, name), kwv[j])) return -1; continue; }
            if (n_pokw < 16) posonly_as_kw[n_pokw++] = idx;
            continue;
        }
        if (idx < 0) {
            if (i_varkw >= 0) {
                if (py_dict_set(I, extra_kw, pv_cstr(I, name), kwv[j])) return -1;
                continue;
            }
            py_raise(I, "TypeError", "%s() got an unexpected keyword argument '%s'", sp->qual, name);
            if (site) at_node(I, site->list2[j]);
            return -1;
        }
        if (bound[idx].t != PV_UNBOUND) {
            py_raise(I, "TypeError", "%s() got multiple values for argument '%s'", sp->qual, name);
            if (site) at_node(I, site->list2[j]);
            return -1;
        }
        bound[idx] = kwv[j];
    }
    if (n_pokw) {
        cnnc_strbuf sb = {0};
        for (int32_t k = 0; k < n_pokw; k++) cnnc_sb_printf(&sb, "%s'%s'", k ? ", " : "", sp->names[posonly_as_kw[k]]);
        py_raise(I, "TypeError", "%s() got some positional-only arguments passed as keyword arguments: %s", sp->qual,
                 sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    int self = sp->method ? 1 : 0;
    if (n > n_pos && i_vararg < 0) {
        int32_t given = n + self, lo = n_pos - n_defaults + self, hi = n_pos + self;
        if (n_defaults)
            py_raise(I, "TypeError", "%s() takes from %d to %d positional arguments but %d were given", sp->qual, (int)lo,
                     (int)hi, (int)given);
        else
            py_raise(I, "TypeError", "%s() takes %d positional argument%s but %d %s given", sp->qual, (int)hi,
                     hi == 1 ? "" : "s", (int)given, given == 1 ? "was" : "were");
        if (site) at_node(I, site->list[n_pos]);
        return -1;
    }
    int32_t miss[64], n_miss = 0;
    for (int32_t k = 0; k < sp->n; k++)
        if ((sp->kinds[k] == PY_P_POS || sp->kinds[k] == PY_P_POSONLY) && bound[k].t == PV_UNBOUND && !sp->has_default[k] &&
            n_miss < 64)
            miss[n_miss++] = k;
    if (n_miss) {
        cnnc_strbuf sb = {0};
        names_list(sp->names, miss, n_miss, &sb);
        py_raise(I, "TypeError", "%s() missing %d required positional argument%s: %s", sp->qual, (int)n_miss,
                 n_miss == 1 ? "" : "s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        if (site) at_node(I, site->a->kind == PY_E_ATTR ? site->a : site->a);
        if (site && site->a->kind == PY_E_ATTR) {  /* Python points at the call; the model file at the name */
            I->ex.line = site->a->line;
        }
        return -1;
    }
    for (int32_t k = 0; k < sp->n; k++)
        if (sp->kinds[k] == PY_P_KWONLY && bound[k].t == PV_UNBOUND && !sp->has_default[k] && n_miss < 64)
            miss[n_miss++] = k;
    if (n_miss) {
        cnnc_strbuf sb = {0};
        names_list(sp->names, miss, n_miss, &sb);
        py_raise(I, "TypeError", "%s() missing %d required keyword-only argument%s: %s", sp->qual, (int)n_miss,
                 n_miss == 1 ? "" : "s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    return 0;
}

int py_bind_args(interp *I, const py_func *f, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv,
                 int32_t n_kw, py_frame *frame) {
    const py_node *def = f->def;
    int32_t np = def->x.fn.n_params;
    const char *names_s[128];
    uint8_t kinds[128], has_def[128];
    py_val bound_s[128];
    if (np > 128) return py_unsupported(I, "cnnc cannot follow a function with %d parameters", (int)np);
    for (int32_t k = 0; k < np; k++) {
        names_s[k] = py_sym_name(I->syms, def->x.fn.params[k].name);
        kinds[k] = def->x.fn.params[k].kind;
        has_def[k] = f->defaults[k].t != PV_UNBOUND;
    }
    bind_spec sp = {f->qualname, np, names_s, kinds, has_def, 0};
    if (bind(I, &sp, args, n, kw, kwv, n_kw, bound_s, call_site(I, n, n_kw))) return -1;
    for (int32_t k = 0; k < np; k++) {
        py_val v = bound_s[k].t != PV_UNBOUND ? bound_s[k] : f->defaults[k];
        if (py_attrs_set(I, &frame->locals, def->x.fn.params[k].name, v)) return -1;
    }
    return 0;
}

int py_bind_signature(interp *I, const char *signature, const char *qual, int method, const py_val *args, int32_t n,
                      const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *bound, int32_t *n_params,
                      const char *names[], int32_t max) {
    uint8_t kinds[64], has_def[64];
    int32_t np = 0;
    int kwonly = 0;
    char *copy = py_strndup(I->arena, signature, strlen(signature));
    if (!copy) return py_nomem(I);
    for (char *q = copy; *q && np < max && np < 64;) {
        while (*q == ' ' || *q == ',') q++;
        if (!*q) break;
        char *end = q + strcspn(q, ",");
        char *eq = memchr(q, '=', (size_t)(end - q));
        char save = *end;
        *end = '\0';
        if (eq) *eq = '\0';
        uint8_t kind = kwonly ? PY_P_KWONLY : PY_P_POS;
        if (q[0] == '*' && q[1] == '*') { kind = PY_P_VARKW; q += 2; }
        else if (q[0] == '*' && q[1] == '\0') { kwonly = 1; *end = save; q = end; continue; }
        else if (q[0] == '*') { kind = PY_P_VARARG; q++; kwonly = 1; }
        names[np] = q;
        kinds[np] = kind;
        has_def[np] = eq != NULL;
        np++;
        q = save ? end + 1 : end;
    }
    *n_params = np;
    bind_spec sp = {qual, np, names, kinds, has_def, method};
    return bind(I, &sp, args, n, kw, kwv, n_kw, bound, call_site(I, n, n_kw));
}

/* ------------------------------------------------------------------- calls */

static int call_function(interp *I, py_func *fn, py_val self, int has_self, const py_val *args, int32_t n,
                         const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out) {
    if (++I->depth > MAX_CALL_DEPTH) {
        I->depth--;
        return py_raise(I, "RecursionError", "maximum recursion depth exceeded");
    }
    py_frame *frame = (py_frame *)py_alloc(I->arena, sizeof *frame);
    if (!frame) { I->depth--; return py_nomem(I); }
    frame->closure = fn->closure;
    frame->globals = fn->globals;
    frame->scope = fn->def->kind == PY_S_DEF ? &fn->def->x.fn.scope : NULL;
    if (fn->def->kind == PY_E_LAMBDA) frame->scope = &fn->def->x.fn.scope;
    frame->cls = fn->owner;
    frame->src = fn->src;
    frame->fn_name = fn->qualname;
    const py_val *a = args;
    int32_t na = n;
    py_val *tmp = NULL;
    if (has_self) {
        tmp = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *tmp);
        if (!tmp) { I->depth--; return py_nomem(I); }
        tmp[0] = self;
        if (n) memcpy(tmp + 1, args, (size_t)n * sizeof *tmp);
        a = tmp;
        na = n + 1;
    }
    frame->first_arg = na > 0 ? a[0] : pv_unbound();
    /* the binder's positions are the call's, which has no self */
    const py_node *saved_at = I->at;
    if (has_self && I->at && I->at->kind == PY_E_CALL) I->at = NULL;
    int r = py_bind_args(I, fn, a, na, kw, kwv, n_kw, frame);
    I->at = saved_at;
    if (!r) r = py_run_function(I, fn, frame, out);
    I->depth--;
    return r;
}

int py_call(interp *I, py_val fn, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
            py_val *out) {
    switch ((py_type)fn.t) {
    case PV_FUNC: return call_function(I, (py_func *)fn.u.p, pv_unbound(), 0, args, n, kw, kwv, n_kw, out);
    case PV_BOUND: {
        py_bound *b = (py_bound *)fn.u.p;
        if (b->fn.t == PV_FUNC) return call_function(I, (py_func *)b->fn.u.p, b->self, 1, args, n, kw, kwv, n_kw, out);
        py_val *tmp = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *tmp);
        if (!tmp) return py_nomem(I);
        tmp[0] = b->self;
        if (n) memcpy(tmp + 1, args, (size_t)n * sizeof *tmp);
        return py_call(I, b->fn, tmp, n + 1, kw, kwv, n_kw, out);
    }
    case PV_BUILTIN: {
        py_builtin *b = (py_builtin *)fn.u.p;
        *out = pv_none();
        I->callee = b;
        if (b->data2 == 1 && b->self.t != PV_UNBOUND) {
            /* a native method bound to an instance: self is its first argument, as for a def */
            py_val small[8];
            py_val *a = n + 1 <= 8 ? small : (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *a);
            if (!a) return py_nomem(I);
            a[0] = b->self;
            if (n) memcpy(a + 1, args, (size_t)n * sizeof *a);
            return b->fn(I, b->self, a, n + 1, kw, kwv, n_kw, out);
        }
        return b->fn(I, b->self, args, n, kw, kwv, n_kw, out);
    }
    case PV_PARTIAL: {
        py_partial *p = (py_partial *)fn.u.p;
        py_val *a = (py_val *)py_alloc(I->arena, (size_t)(p->n + n + 1) * sizeof *a);
        py_sym *k = (py_sym *)py_alloc(I->arena, (size_t)(p->n_kw + n_kw + 1) * sizeof *k);
        py_val *kv = (py_val *)py_alloc(I->arena, (size_t)(p->n_kw + n_kw + 1) * sizeof *kv);
        if (!a || !k || !kv) return py_nomem(I);
        memcpy(a, p->args, (size_t)p->n * sizeof *a);
        memcpy(a + p->n, args, (size_t)n * sizeof *a);
        int32_t nk = 0;
        for (int32_t j = 0; j < p->n_kw; j++) {
            int overridden = 0;
            for (int32_t q = 0; q < n_kw; q++) overridden |= kw[q] == p->kw[j];
            if (!overridden) { k[nk] = p->kw[j]; kv[nk++] = p->kwv[j]; }
        }
        for (int32_t j = 0; j < n_kw; j++) { k[nk] = kw[j]; kv[nk++] = kwv[j]; }
        const py_node *saved = I->at;
        if (I->at && I->at->kind == PY_E_CALL) I->at = NULL;  /* positions no longer line up */
        int r = py_call(I, p->fn, a, p->n + n, k, kv, nk, out);
        I->at = saved;
        return r;
    }
    case PV_CLASS: {
        py_class *c = pv_as_class(fn);
        py_val init;
        if (c->opaque_base)
            return py_unsupported(I, "cnnc cannot follow class %s: it derives from %s, which cnnc does not model", c->name,
                                  c->opaque_base);
        /* the class's own construction (built-in behaviour lives in a native __init__) */
        py_val *cinit = class_lookup(c, I->s_init, NULL);
        py_obj *o = (py_obj *)py_alloc(I->arena, sizeof *o);
        if (!o) return py_nomem(I);
        o->cls = c;
        py_class *b = c;
        while (b && b->user && b->n_bases) b = b->bases[0];
        if (b && b->base != PB_OBJECT && b->base != PB_EXCEPTION) {
            o->nn = (py_nn *)py_alloc(I->arena, sizeof *o->nn);
            if (!o->nn) return py_nomem(I);
            o->nn->training = 1;
            o->nn->owner_node = -1;
            o->nn->module_id = -1;
        }
        if (c->exc_name || (b && b->base == PB_EXCEPTION)) o->exc_msg = "";
        py_val self = pv_ptr(PV_OBJ, o);
        if (!cinit) {
            if (n || n_kw) return py_raise(I, "TypeError", "%s() takes no arguments", c->name);
            *out = self;
            return 0;
        }
        init = *cinit;
        py_val r;
        if (init.t == PV_FUNC) {
            if (call_function(I, (py_func *)init.u.p, self, 1, args, n, kw, kwv, n_kw, &r)) return -1;
        } else {
            py_val *tmp = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *tmp);
            if (!tmp) return py_nomem(I);
            tmp[0] = self;
            if (n) memcpy(tmp + 1, args, (size_t)n * sizeof *tmp);
            if (py_call(I, init, tmp, n + 1, kw, kwv, n_kw, &r)) return -1;
        }
        if (r.t != PV_NONE && r.t != PV_UNBOUND)
            return py_raise(I, "TypeError", "__init__() should return None, not '%s'", py_type_name(&r));
        *out = self;
        return 0;
    }
    case PV_OBJ: {
        py_obj *o = pv_as_obj(fn);
        if (o->nn) return py_nn_call(I, fn, args, n, kw, kwv, n_kw, out);
        py_val *call = class_lookup(o->cls, I->s_call, NULL);
        if (call && call->t == PV_FUNC)
            return call_function(I, (py_func *)call->u.p, fn, 1, args, n, kw, kwv, n_kw, out);
        return py_raise(I, "TypeError", "'%s' object is not callable", o->cls->name);
    }
    case PV_STATICMETHOD: return py_call(I, *(py_val *)fn.u.p, args, n, kw, kwv, n_kw, out);
    case PV_TYPING: *out = n ? args[0] : pv_none(); return 0;   /* typing.cast-like uses */
    case PV_OPAQUE: return py_opaque_use(I, fn);
    default: return py_raise(I, "TypeError", "'%s' object is not callable", py_type_name(&fn));
    }
}

/* ---------------------------------------------------------------- attributes */

static int bind_method(interp *I, py_val self, py_val fn, py_val *out) {
    py_bound *b = (py_bound *)py_alloc(I->arena, sizeof *b);
    if (!b) return py_nomem(I);
    b->self = self;
    b->fn = fn;
    *out = pv_ptr(PV_BOUND, b);
    return 0;
}

/* A class attribute seen through an instance (or a class): methods bind. */
static int class_attr(interp *I, py_val self, int via_instance, py_val v, py_val *out) {
    switch ((py_type)v.t) {
    case PV_FUNC: return via_instance ? bind_method(I, self, v, out) : (*out = v, 0);
    case PV_STATICMETHOD: *out = *(py_val *)v.u.p; return 0;
    case PV_CLASSMETHOD: {
        py_val cls = via_instance ? pv_ptr(PV_CLASS, pv_as_obj(self)->cls) : self;
        return bind_method(I, cls, *(py_val *)v.u.p, out);
    }
    case PV_PROPERTY:
        if (!via_instance) { *out = v; return 0; }
        return py_call(I, *(py_val *)v.u.p, &self, 1, NULL, NULL, 0, out);
    case PV_BUILTIN: {
        py_builtin *b = (py_builtin *)v.u.p;
        if (via_instance && b->data2 == 1) {  /* a native method of a built-in base class */
            *out = pv_builtin(I, b->name, b->fn, self, b->data, 1);
            return 0;
        }
        *out = v;
        return 0;
    }
    default: *out = v; return 0;
    }
}

int py_getattr(interp *I, py_val obj, py_sym name, py_val *out) {
    switch ((py_type)obj.t) {
    case PV_OBJ: {
        py_obj *o = pv_as_obj(obj);
        py_val *v = py_attrs_find(&o->attrs, name);
        if (v) { *out = *v; return 0; }
        py_class *in;
        if ((v = class_lookup(o->cls, name, &in))) return class_attr(I, obj, 1, *v, out);
        if (name == I->s_class) { *out = pv_ptr(PV_CLASS, o->cls); return 0; }
        if (o->nn) {
            int r = py_nn_getattr(I, o, name, out);
            if (r) return r > 0 ? 0 : -1;
        }
        if (o->exc_msg && !strcmp(py_sym_name(I->syms, name), "args")) {
            *out = pv_seq(I, PV_TUPLE, 1);
            pv_as_seq(*out)->v[0] = pv_cstr(I, o->exc_msg);
            return 0;
        }
        py_val *ga = class_lookup(o->cls, py_s(I, "__getattr__"), NULL);
        if (ga && ga->t == PV_FUNC) {
            py_val nm = pv_cstr(I, py_sym_name(I->syms, name));
            return call_function(I, (py_func *)ga->u.p, obj, 1, &nm, 1, NULL, NULL, 0, out);
        }
        if (o->nn && py_real_name("Module", py_sym_name(I->syms, name)))
            return py_unsupported(I, "cnnc cannot follow nn.Module.%s", py_sym_name(I->syms, name));
        return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", o->cls->name, py_sym_name(I->syms, name));
    }
    case PV_CLASS: {
        py_class *c = pv_as_class(obj);
        py_val *v = class_lookup(c, name, NULL);
        if (v) return class_attr(I, obj, 0, *v, out);
        const char *nm = py_sym_name(I->syms, name);
        if (!strcmp(nm, "__name__")) { *out = pv_cstr(I, c->name); return 0; }
        if (!strcmp(nm, "__qualname__")) { *out = pv_cstr(I, c->qualname); return 0; }
        if (!c->user && c->base != PB_OBJECT && c->base != PB_EXCEPTION && py_real_name("Module", nm))
            return py_unsupported(I, "cnnc cannot follow nn.%s.%s", c->name, nm);
        return py_raise(I, "AttributeError", "type object '%s' has no attribute '%s'", c->name, nm);
    }
    case PV_MODULE: {
        py_module_ns *m = (py_module_ns *)obj.u.p;
        py_val *v = m->attrs ? py_attrs_find(m->attrs, name) : NULL;
        if (v) { *out = *v; return 0; }
        if (m->getattr && m->getattr(I, m, name, out) == 0) return 0;
        if (I->ex.raised) return -1;
        if (py_real_name(m->name, py_sym_name(I->syms, name)))
            return py_unsupported(I, "cnnc cannot follow %s.%s", m->name, py_sym_name(I->syms, name));
        if (!py_real_names_known(m->name) && !m->is_source) {
            /* a module cnnc models in part (typing, collections, torch.utils ...): the name may well exist */
            char full[256];
            snprintf(full, sizeof full, "%s.%s", m->name, py_sym_name(I->syms, name));
            *out = pv_opaque(I, full);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
        return py_raise(I, "AttributeError", "module '%s' has no attribute '%s'", m->name, py_sym_name(I->syms, name));
    }
    case PV_TENSOR: return py_tensor_getattr(I, obj, name, out);
    case PV_OPAQUE: {
        const char *base = ((py_opaque *)obj.u.p)->name, *nm = py_sym_name(I->syms, name);
        char buf[256];
        snprintf(buf, sizeof buf, "%s.%s", base, nm);
        *out = pv_opaque(I, buf);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    case PV_FUNC: {
        const char *nm = py_sym_name(I->syms, name);
        py_func *f = (py_func *)obj.u.p;
        if (!strcmp(nm, "__name__"))
            { *out = pv_cstr(I, f->def->kind == PY_S_DEF ? py_sym_name(I->syms, f->def->v.sym) : "<lambda>"); return 0; }
        if (!strcmp(nm, "__qualname__")) { *out = pv_cstr(I, f->qualname); return 0; }
        return py_raise(I, "AttributeError", "'function' object has no attribute '%s'", nm);
    }
    case PV_SUPER: {
        py_super *s = (py_super *)obj.u.p;
        if (s->self.t == PV_UNBOUND) return py_super_unbound_attr(I, name, out);
        /* the next class after `start` in the instance's hierarchy */
        py_class *c = s->start;
        for (int32_t k = 0; k < c->n_bases; k++) {
            py_class *in;
            py_val *v = class_lookup(c->bases[k], name, &in);
            if (v) return class_attr(I, s->self, s->self.t == PV_OBJ, *v, out);
        }
        return py_raise(I, "AttributeError", "'super' object has no attribute '%s'", py_sym_name(I->syms, name));
    }
    default: {
        int r = py_builtin_method(I, obj, name, out);
        if (r > 0) return 0;
        if (r < 0) return -1;
        const char *tn = py_type_name(&obj), *nm = py_sym_name(I->syms, name);
        /* a real method cnnc does not model; a tuple may be a namedtuple, whose fields cnnc does not keep */
        if (py_real_name(obj.t == PV_SIZE ? "tuple" : tn, nm) || obj.t == PV_TUPLE)
            return py_unsupported(I, "cnnc cannot follow %s.%s", tn, nm);
        return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", tn, nm);
    }
    }
}

int py_setattr(interp *I, py_val obj, py_sym name, py_val v) {
    if (obj.t == PV_OBJ) {
        py_obj *o = pv_as_obj(obj);
        py_class *in;
        py_val *cv = class_lookup(o->cls, name, &in);
        if (cv && cv->t == PV_PROPERTY) {
            py_val *setter = (py_val *)cv->u.p + 1;
            if (setter->t == PV_UNBOUND) return py_raise(I, "AttributeError", "can't set attribute");
            py_val args[2] = {obj, v}, r;
            return py_call(I, *setter, args, 2, NULL, NULL, 0, &r);
        }
        if (o->nn) {
            int r = py_nn_setattr(I, o, name, v);
            if (r) return r > 0 ? 0 : -1;
        }
        return py_attrs_set(I, &o->attrs, name, v);
    }
    if (obj.t == PV_CLASS) return py_attrs_set(I, &pv_as_class(obj)->dict, name, v);
    if (obj.t == PV_MODULE) {
        py_module_ns *m = (py_module_ns *)obj.u.p;
        if (m->attrs) return py_attrs_set(I, m->attrs, name, v);
    }
    if (obj.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow setting a tensor's attribute");
    if (obj.t == PV_OPAQUE) return py_opaque_use(I, obj);
    if (obj.t == PV_FUNC) return 0;
    return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", py_type_name(&obj), py_sym_name(I->syms, name));
}

/* -------------------------------------------------------------------- ints */

int py_int_of(interp *I, py_val v, int64_t *out) {
    if (v.t == PV_OPAQUE) return py_opaque_use(I, v);
    if (pv_is_int(v)) {
        if (v.big) return py_raise(I, "OverflowError", "Python int too large to convert to C ssize_t");
        *out = v.u.i;
        return 0;
    }
    return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&v));
}

/* ----------------------------------------------------------------- getitem */

static int slice_bounds(interp *I, const py_slice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *stepv) {
    int64_t st = 1;
    if (s->step.t != PV_NONE) {
        if (!pv_is_int(s->step)) return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method");
        st = s->step.u.i;
        if (st == 0) return py_raise(I, "ValueError", "slice step cannot be zero");
    }
    int64_t lo, hi;
    if (s->lo.t == PV_NONE) lo = st > 0 ? 0 : len - 1;
    else {
        if (!pv_is_int(s->lo)) return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method");
        lo = s->lo.u.i;
        if (lo < 0) lo += len;
        if (lo < 0) lo = st > 0 ? 0 : -1;
        if (lo > len) lo = st > 0 ? len : len - 1;
        if (st < 0 && lo >= len) lo = len - 1;
    }
    if (s->hi.t == PV_NONE) hi = st > 0 ? len : -1;
    else {
        if (!pv_is_int(s->hi)) return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method");
        hi = s->hi.u.i;
        if (hi < 0) hi += len;
        if (hi < 0) hi = st > 0 ? 0 : -1;
        if (hi > len) hi = len;
    }
    *start = lo;
    *stop = hi;
    *stepv = st;
    return 0;
}

int py_getitem(interp *I, py_val obj, py_val key, py_val *out) {
    if (obj.t == PV_OPAQUE) return py_opaque_use(I, obj);
    switch ((py_type)obj.t) {
    case PV_TUPLE: case PV_LIST: case PV_SIZE: case PV_STR: {
        int64_t len = obj.t == PV_STR ? pv_as_str(obj)->len : pv_as_seq(obj)->n;
        if (key.t == PV_SLICE) {
            int64_t a = 0, b = 0, s = 1;
            if (slice_bounds(I, (const py_slice *)key.u.p, len, &a, &b, &s)) return -1;
            if (obj.t == PV_STR) {
                cnnc_strbuf sb = {0};
                for (int64_t k = a; s > 0 ? k < b : k > b; k += s) cnnc_sb_putn(&sb, pv_as_str(obj)->s + k, 1);
                *out = pv_str(I, sb.p ? sb.p : "", sb.len);
                cnnc_sb_free(&sb);
                return 0;
            }
            py_val r = pv_seq(I, (py_type)obj.t, 0);
            if (r.t == PV_UNBOUND) return py_nomem(I);
            for (int64_t k = a; s > 0 ? k < b : k > b; k += s)
                if (py_seq_push(I, r, pv_as_seq(obj)->v[k])) return -1;
            *out = r;
            return 0;
        }
        if (!pv_is_int(key)) {
            const char *what = obj.t == PV_STR ? "string" : obj.t == PV_LIST ? "list" : "tuple";
            if (obj.t == PV_SIZE) return py_raise(I, "TypeError", "tuple indices must be integers or slices, not %s", py_type_name(&key));
            return py_raise(I, "TypeError", "%s indices must be integers or slices, not %s", what, py_type_name(&key));
        }
        int64_t i = key.u.i;
        if (key.big || i < -len || i >= len) {
            const char *what = obj.t == PV_STR ? "string" : obj.t == PV_LIST ? "list" : "tuple";
            if (key.big) return py_raise(I, "IndexError", "cannot fit 'int' into an index-sized integer");
            return py_raise(I, "IndexError", "%s index out of range", what);
        }
        if (i < 0) i += len;
        if (obj.t == PV_STR) { *out = pv_str(I, pv_as_str(obj)->s + i, 1); return 0; }
        *out = pv_as_seq(obj)->v[i];
        return 0;
    }
    case PV_DICT: {
        int r = py_dict_get(I, obj, key, out);
        if (r > 0) return 0;
        if (r < 0) return -1;
        cnnc_strbuf sb = {0};
        py_repr(I, key, &sb);
        py_raise(I, "KeyError", "%s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    case PV_RANGE: {
        py_val *items;
        int32_t n;
        if (py_iterate(I, obj, &items, &n)) return -1;
        py_val l = pv_ptr(PV_LIST, NULL);
        py_seq tmp = {n, n, items};
        l.u.p = &tmp;
        if (key.t == PV_SLICE) return py_unsupported(I, "cnnc cannot follow slicing a range");
        if (py_getitem(I, l, key, out)) {
            if (!strcmp(I->ex.type, "IndexError")) snprintf(I->ex.message, sizeof I->ex.message, "range object index out of range");
            return -1;
        }
        return 0;
    }
    case PV_TENSOR: return py_tensor_getitem(I, obj, key, out);
    case PV_OBJ: {
        py_val fn;
        if (py_getattr(I, obj, py_s(I, "__getitem__"), &fn)) {
            I->ex.raised = 0;
            return py_raise(I, "TypeError", "'%s' object is not subscriptable", pv_as_obj(obj)->cls->name);
        }
        return py_call(I, fn, &key, 1, NULL, NULL, 0, out);
    }
    case PV_TYPING: case PV_CLASS: case PV_BUILTIN: *out = pv_ptr(PV_TYPING, NULL); return 0;   /* List[int], Type[X] */
    default:
        return py_raise(I, "TypeError", "'%s' object is not subscriptable", py_type_name(&obj));
    }
}

/* ------------------------------------------------------------------ binops */

static const char *op_symbol(int op) { return py_op_text((py_op)op); }

static int num_binop(interp *I, int op, py_val a, py_val b, py_val *out) {
    int fl = a.t == PV_FLOAT || b.t == PV_FLOAT;
    if (!fl) {
        int64_t x = a.u.i, y = b.u.i, r;
        if (a.big || b.big) {
            if (op == PY_OP_STAR && (x == 0 || y == 0) && !(a.big && b.big)) { *out = pv_int(0); return 0; }
            out->t = PV_INT;
            *out = pv_int(0);
            out->big = 1;
            return 0;
        }
        switch (op) {
        case PY_OP_PLUS: if (__builtin_add_overflow(x, y, &r)) goto big; *out = pv_int(r); return 0;
        case PY_OP_MINUS: if (__builtin_sub_overflow(x, y, &r)) goto big; *out = pv_int(r); return 0;
        case PY_OP_STAR: if (__builtin_mul_overflow(x, y, &r)) goto big; *out = pv_int(r); return 0;
        case PY_OP_DSLASH: case PY_OP_PERCENT: {
            if (y == 0) return py_raise(I, "ZeroDivisionError", "integer division or modulo by zero");
            if (x == INT64_MIN && y == -1) goto big;
            int64_t q = x / y, m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) { q--; m += y; }
            *out = pv_int(op == PY_OP_DSLASH ? q : m);
            return 0;
        }
        case PY_OP_SLASH:
            if (y == 0) return py_raise(I, "ZeroDivisionError", "division by zero");
            *out = pv_float((double)x / (double)y);
            return 0;
        case PY_OP_DSTAR: {
            if (y < 0) {
                if (x == 0) return py_raise(I, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
                *out = pv_float(pow((double)x, (double)y));
                return 0;
            }
            int64_t acc = 1;
            for (int64_t k = 0; k < y; k++) {
                if (__builtin_mul_overflow(acc, x, &acc)) goto big;
                if (acc == 0 || acc == 1) break;
            }
            *out = pv_int(acc);
            return 0;
        }
        case PY_OP_LSHIFT:
            if (y < 0) return py_raise(I, "ValueError", "negative shift count");
            if (y >= 63 || (x != 0 && (x > (INT64_MAX >> y) || x < (INT64_MIN >> y)))) goto big;
            *out = pv_int(x * ((int64_t)1 << y));
            return 0;
        case PY_OP_RSHIFT:
            if (y < 0) return py_raise(I, "ValueError", "negative shift count");
            *out = pv_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
            return 0;
        case PY_OP_AMP: *out = pv_int(x & y); if (a.t == PV_BOOL && b.t == PV_BOOL) *out = pv_bool(x & y); return 0;
        case PY_OP_PIPE: *out = pv_int(x | y); if (a.t == PV_BOOL && b.t == PV_BOOL) *out = pv_bool(x | y); return 0;
        case PY_OP_CARET: *out = pv_int(x ^ y); if (a.t == PV_BOOL && b.t == PV_BOOL) *out = pv_bool(x ^ y); return 0;
        default: break;
        }
        return py_raise(I, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol(op), py_type_name(&a),
                        py_type_name(&b));
    big:
        *out = pv_int(0);
        out->big = 1;
        return 0;
    }
    double x = a.t == PV_FLOAT ? a.u.f : (double)a.u.i, y = b.t == PV_FLOAT ? b.u.f : (double)b.u.i;
    switch (op) {
    case PY_OP_PLUS: *out = pv_float(x + y); return 0;
    case PY_OP_MINUS: *out = pv_float(x - y); return 0;
    case PY_OP_STAR: *out = pv_float(x * y); return 0;
    case PY_OP_SLASH:
        if (y == 0) return py_raise(I, "ZeroDivisionError", "float division by zero");
        *out = pv_float(x / y);
        return 0;
    case PY_OP_DSLASH:
        if (y == 0) return py_raise(I, "ZeroDivisionError", "float floor division by zero");
        *out = pv_float(floor(x / y));
        return 0;
    case PY_OP_PERCENT: {
        if (y == 0) return py_raise(I, "ZeroDivisionError", "float modulo");
        double m = fmod(x, y);
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        *out = pv_float(m);
        return 0;
    }
    case PY_OP_DSTAR:
        if (x == 0 && y < 0) return py_raise(I, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
        *out = pv_float(pow(x, y));
        return 0;
    default:
        return py_raise(I, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol(op), py_type_name(&a),
                        py_type_name(&b));
    }
}

int py_binop(interp *I, int op, py_val a, py_val b, py_val *out) {
    if (a.t == PV_OPAQUE) return py_opaque_use(I, a);
    if (b.t == PV_OPAQUE) return py_opaque_use(I, b);
    if (a.t == PV_TENSOR) return py_tensor_binop(I, op, a, b, 0, out);
    if (b.t == PV_TENSOR) return py_tensor_binop(I, op, b, a, 1, out);
    if (pv_is_num(a) && pv_is_num(b)) {
        if (num_binop(I, op, a, b, out)) return -1;
        /* a size times 1 or plus 0 keeps where it came from */
        if (out->t == PV_INT && a.prov != PROV_NONE && ((op == PY_OP_STAR && b.t == PV_INT && b.u.i == 1) ||
                                                         ((op == PY_OP_PLUS || op == PY_OP_MINUS) && b.t == PV_INT && b.u.i == 0)))
            out->prov = a.prov;
        return 0;
    }
    if (a.t == PV_STR && b.t == PV_STR && op == PY_OP_PLUS) {
        const py_str *x = pv_as_str(a), *y = pv_as_str(b);
        py_str *r = (py_str *)py_alloc(I->arena, sizeof(py_str) + (size_t)x->len + (size_t)y->len + 1);
        if (!r) return py_nomem(I);
        r->len = x->len + y->len;
        memcpy(r->s, x->s, (size_t)x->len);
        memcpy(r->s + x->len, y->s, (size_t)y->len);
        *out = pv_ptr(PV_STR, r);
        return 0;
    }
    if (a.t == PV_STR && op == PY_OP_PERCENT) {
        /* "%d" % x, enough for messages and names */
        cnnc_strbuf sb = {0};
        const py_str *fmt = pv_as_str(a);
        py_val *vals = &b;
        int32_t nv = 1, vi = 0;
        if (b.t == PV_TUPLE) { vals = pv_as_seq(b)->v; nv = pv_as_seq(b)->n; }
        for (int32_t k = 0; k < fmt->len; k++) {
            char c = fmt->s[k];
            if (c != '%' || k + 1 >= fmt->len) { cnnc_sb_putn(&sb, &c, 1); continue; }
            char d = fmt->s[++k];
            if (d == '%') { cnnc_sb_putn(&sb, "%", 1); continue; }
            while (k < fmt->len && strchr("0123456789.-+ ", fmt->s[k])) d = fmt->s[++k];
            if (vi >= nv) { cnnc_sb_free(&sb); return py_raise(I, "TypeError", "not enough arguments for format string"); }
            py_val v = vals[vi++];
            if (d == 'r') py_repr(I, v, &sb);
            else if ((d == 'd' || d == 'i') && pv_is_num(v)) cnnc_sb_printf(&sb, "%lld", (long long)(v.t == PV_FLOAT ? (int64_t)v.u.f : v.u.i));
            else if (d == 'f' && pv_is_num(v)) cnnc_sb_printf(&sb, "%f", v.t == PV_FLOAT ? v.u.f : (double)v.u.i);
            else py_str_of(I, v, &sb);
        }
        if (vi < nv) { cnnc_sb_free(&sb); return py_raise(I, "TypeError", "not all arguments converted during string formatting"); }
        *out = pv_str(I, sb.p ? sb.p : "", sb.len);
        cnnc_sb_free(&sb);
        return 0;
    }
    if ((pv_is_seq(a) || a.t == PV_STR) && pv_is_int(b) && op == PY_OP_STAR) { py_val t = a; a = b; b = t; }
    if (pv_is_int(a) && (pv_is_seq(b) || b.t == PV_STR) && op == PY_OP_STAR) {
        int64_t times = a.u.i < 0 ? 0 : a.u.i;
        if (a.big || times > (1 << 22)) return py_unsupported(I, "cnnc cannot follow a sequence repeated %lld times", (long long)a.u.i);
        if (b.t == PV_STR) {
            const py_str *s = pv_as_str(b);
            cnnc_strbuf sb = {0};
            for (int64_t k = 0; k < times; k++) cnnc_sb_putn(&sb, s->s, (size_t)s->len);
            *out = pv_str(I, sb.p ? sb.p : "", sb.len);
            cnnc_sb_free(&sb);
            return 0;
        }
        py_val r = pv_seq(I, b.t == PV_SIZE ? PV_TUPLE : (py_type)b.t, 0);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int64_t k = 0; k < times; k++)
            for (int32_t j = 0; j < pv_as_seq(b)->n; j++)
                if (py_seq_push(I, r, pv_as_seq(b)->v[j])) return -1;
        *out = r;
        return 0;
    }
    if (pv_is_seq(a) && pv_is_seq(b) && op == PY_OP_PLUS && ((a.t == PV_LIST) == (b.t == PV_LIST))) {
        py_val r = pv_seq(I, a.t == PV_SIZE ? (b.t == PV_SIZE ? PV_SIZE : PV_TUPLE) : (py_type)a.t, 0);
        if (a.t == PV_SIZE && b.t == PV_TUPLE) r.t = PV_SIZE;
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t j = 0; j < pv_as_seq(a)->n; j++)
            if (py_seq_push(I, r, pv_as_seq(a)->v[j])) return -1;
        for (int32_t j = 0; j < pv_as_seq(b)->n; j++)
            if (py_seq_push(I, r, pv_as_seq(b)->v[j])) return -1;
        *out = r;
        return 0;
    }
    if (pv_is_seq(a) && pv_is_seq(b) && op == PY_OP_PLUS)
        return py_raise(I, "TypeError", "can only concatenate %s (not \"%s\") to %s", a.t == PV_LIST ? "list" : "tuple",
                        py_type_name(&b), a.t == PV_LIST ? "list" : "tuple");
    if (a.t == PV_STR && op == PY_OP_PLUS)
        return py_raise(I, "TypeError", "can only concatenate str (not \"%s\") to str", py_type_name(&b));
    if (a.t == PV_OBJ) {
        static const char *const dunder[] = {[PY_OP_PLUS] = "__add__", [PY_OP_MINUS] = "__sub__", [PY_OP_STAR] = "__mul__",
                                             [PY_OP_SLASH] = "__truediv__", [PY_OP_AT] = "__matmul__"};
        if (op < (int)(sizeof dunder / sizeof dunder[0]) && dunder[op]) {
            py_val *fn = class_lookup(pv_as_obj(a)->cls, py_s(I, dunder[op]), NULL);
            if (fn && fn->t == PV_FUNC) return call_function(I, (py_func *)fn->u.p, a, 1, &b, 1, NULL, NULL, 0, out);
        }
    }
    if (a.t == PV_SET && b.t == PV_SET && (op == PY_OP_PIPE || op == PY_OP_AMP || op == PY_OP_MINUS))
        return py_unsupported(I, "cnnc cannot follow set operations");
    return py_raise(I, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol(op), py_type_name(&a),
                    py_type_name(&b));
}

/* -------------------------------------------------------------- comparisons */

static int contains(interp *I, py_val container, py_val item, int *out) {
    switch ((py_type)container.t) {
    case PV_TUPLE: case PV_LIST: case PV_SET: case PV_SIZE: {
        const py_seq *q = pv_as_seq(container);
        for (int32_t k = 0; k < q->n; k++)
            if (py_equal(I, q->v[k], item)) { *out = 1; return 0; }
        *out = 0;
        return 0;
    }
    case PV_DICT: {
        py_val tmp;
        int r = py_dict_get(I, container, item, &tmp);
        if (r < 0) return -1;
        *out = r;
        return 0;
    }
    case PV_STR:
        if (item.t != PV_STR) return py_raise(I, "TypeError", "'in <string>' requires string as left operand, not %s", py_type_name(&item));
        *out = pv_as_str(item)->len == 0 || strstr(pv_as_str(container)->s, pv_as_str(item)->s) != NULL;
        return 0;
    case PV_RANGE: {
        const py_range *r = (const py_range *)container.u.p;
        if (!pv_is_int(item)) { *out = 0; return 0; }
        int64_t x = item.u.i;
        *out = r->step > 0 ? (x >= r->start && x < r->stop && (x - r->start) % r->step == 0)
                           : (x <= r->start && x > r->stop && (r->start - x) % (-r->step) == 0);
        return 0;
    }
    case PV_OBJ: {
        py_obj *o = pv_as_obj(container);
        if (o->nn && item.t == PV_STR) {
            *out = py_attrs_find(&o->nn->children, py_intern(I->syms, pv_as_str(item)->s, (size_t)pv_as_str(item)->len)) != NULL;
            return 0;
        }
        py_val *items;
        int32_t n;
        if (py_iterate(I, container, &items, &n)) return -1;
        for (int32_t k = 0; k < n; k++)
            if (py_equal(I, items[k], item)) { *out = 1; return 0; }
        *out = 0;
        return 0;
    }
    default:
        return py_raise(I, "TypeError", "argument of type '%s' is not iterable", py_type_name(&container));
    }
}

static int order(interp *I, int cmp, py_val a, py_val b, int *out) {
    if (pv_is_num(a) && pv_is_num(b)) {
        if (a.big || b.big) {
            /* a huge int: only its sign is known here */
            double x = a.big ? (a.u.i < 0 ? -1e300 : 1e300) : (a.t == PV_FLOAT ? a.u.f : (double)a.u.i);
            double y = b.big ? (b.u.i < 0 ? -1e300 : 1e300) : (b.t == PV_FLOAT ? b.u.f : (double)b.u.i);
            a = pv_float(x);
            b = pv_float(y);
        }
        double x = a.t == PV_FLOAT ? a.u.f : (double)a.u.i, y = b.t == PV_FLOAT ? b.u.f : (double)b.u.i;
        if (a.t != PV_FLOAT && b.t != PV_FLOAT) {
            int64_t p = a.u.i, q = b.u.i;
            *out = cmp == PY_CMP_LT ? p < q : cmp == PY_CMP_GT ? p > q : cmp == PY_CMP_LE ? p <= q : p >= q;
            return 0;
        }
        *out = cmp == PY_CMP_LT ? x < y : cmp == PY_CMP_GT ? x > y : cmp == PY_CMP_LE ? x <= y : x >= y;
        return 0;
    }
    if (a.t == PV_STR && b.t == PV_STR) {
        int c = strcmp(pv_as_str(a)->s, pv_as_str(b)->s);
        *out = cmp == PY_CMP_LT ? c < 0 : cmp == PY_CMP_GT ? c > 0 : cmp == PY_CMP_LE ? c <= 0 : c >= 0;
        return 0;
    }
    if (pv_is_seq(a) && pv_is_seq(b) && (a.t == PV_LIST) == (b.t == PV_LIST)) {
        const py_seq *x = pv_as_seq(a), *y = pv_as_seq(b);
        for (int32_t k = 0; k < x->n && k < y->n; k++) {
            if (py_equal(I, x->v[k], y->v[k])) continue;
            return order(I, cmp, x->v[k], y->v[k], out);
        }
        int c = x->n < y->n ? -1 : x->n > y->n;
        *out = cmp == PY_CMP_LT ? c < 0 : cmp == PY_CMP_GT ? c > 0 : cmp == PY_CMP_LE ? c <= 0 : c >= 0;
        return 0;
    }
    if (a.t == PV_TENSOR || b.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow comparing tensor values");
    static const char *const sym[] = {"", "<", ">", "<=", ">="};
    return py_raise(I, "TypeError", "'%s' not supported between instances of '%s' and '%s'", sym[cmp], py_type_name(&a),
                    py_type_name(&b));
}

int py_compare(interp *I, int cmp, py_val a, py_val b, int *out) {
    if (a.t == PV_OPAQUE) return py_opaque_use(I, a);
    if (b.t == PV_OPAQUE) return py_opaque_use(I, b);
    switch (cmp) {
    case PY_CMP_EQ: case PY_CMP_NE: {
        if (a.t == PV_TENSOR || b.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow comparing tensor values");
        int e = py_equal(I, a, b);
        *out = cmp == PY_CMP_EQ ? e : !e;
        return 0;
    }
    case PY_CMP_IS: case PY_CMP_IS_NOT: {
        int same = a.t == b.t && (a.t == PV_NONE || a.t == PV_UNBOUND || a.t == PV_ELLIPSIS ||
                                  (a.t == PV_BOOL ? a.u.i == b.u.i : a.t == PV_INT ? a.u.i == b.u.i : a.u.p == b.u.p));
        if (a.t == PV_UNBOUND && b.t == PV_NONE) same = 1;
        *out = cmp == PY_CMP_IS ? same : !same;
        return 0;
    }
    case PY_CMP_IN: case PY_CMP_NOT_IN: {
        int c = 0;
        if (contains(I, b, a, &c)) return -1;
        *out = cmp == PY_CMP_IN ? c : !c;
        return 0;
    }
    default: return order(I, cmp, a, b, out);
    }
}

/* -------------------------------------------------------------- isinstance */

int py_isinstance(interp *I, py_val v, py_val cls, int *out) {
    if (cls.t == PV_OPAQUE) return py_opaque_use(I, cls);
    *out = 0;
    if (cls.t == PV_TUPLE) {
        for (int32_t k = 0; k < pv_as_seq(cls)->n && !*out; k++)
            if (py_isinstance(I, v, pv_as_seq(cls)->v[k], out)) return -1;
        return 0;
    }
    if (cls.t == PV_CLASS) {
        py_class *c = py_class_of(I, v);
        *out = c && py_class_is(c, pv_as_class(cls));
        if (!*out && v.t == PV_TENSOR && pv_as_class(cls) == I->c_parameter) *out = pv_as_tensor(v)->is_param;
        return 0;
    }
    if (cls.t == PV_BUILTIN) {
        const py_builtin *b = (const py_builtin *)cls.u.p;
        const char *n = b->name;
        if (!strcmp(n, "int")) *out = v.t == PV_INT || v.t == PV_BOOL;
        else if (!strcmp(n, "float")) *out = v.t == PV_FLOAT;
        else if (!strcmp(n, "bool")) *out = v.t == PV_BOOL;
        else if (!strcmp(n, "str")) *out = v.t == PV_STR;
        else if (!strcmp(n, "list")) *out = v.t == PV_LIST;
        else if (!strcmp(n, "tuple")) *out = v.t == PV_TUPLE || v.t == PV_SIZE;
        else if (!strcmp(n, "dict")) *out = v.t == PV_DICT;
        else if (!strcmp(n, "set")) *out = v.t == PV_SET;
        else if (!strcmp(n, "object")) *out = 1;
        else if (!strcmp(n, "Tensor")) *out = v.t == PV_TENSOR;
        else if (!strcmp(n, "range")) *out = v.t == PV_RANGE;
        else if (!strcmp(n, "type")) *out = v.t == PV_CLASS;
        return 0;
    }
    if (cls.t == PV_TYPING) { *out = 1; return 0; }
    return py_raise(I, "TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

/* ------------------------------------------------------------ sibling files */

py_source *py_load_sibling(interp *I, const char *module_path, int relative_level, int *missing) {
    if (missing) *missing = 0;
    /* a.b.c -> dir/a/b/c.py or dir/a/b/c/__init__.py, relative to the main source's directory */
    char rel[512];
    size_t o = 0;
    for (const char *p = module_path; *p && o + 1 < sizeof rel; p++) rel[o++] = *p == '.' ? '/' : *p;
    rel[o] = '\0';
    (void)relative_level;
    char path[1024];
    const char *dir = I->dir && I->dir[0] ? I->dir : ".";
    const char *tries[2] = {"%s/%s.py", "%s/%s/__init__.py"};
    char *text = NULL;
    size_t len = 0;
    int found = 0;
    for (int k = 0; k < 2 && !found && rel[0]; k++) {
        snprintf(path, sizeof path, tries[k], dir, rel);
        for (py_source *s = I->sources; s; s = s->next)
            if (!strcmp(s->path, path)) {
                if (!s->executed) {
                    py_raise(I, "ImportError", "cannot import name from partially initialized module '%s' (most likely due to a circular import)", module_path);
                    return NULL;
                }
                return s;
            }
        cnnc_error e;
        cnnc_error_clear(&e);
        if (cnnc_read_file(path, (size_t)8 << 20, &text, &len, &e) == CNNC_OK) found = 1;
    }
    if (!found) {
        if (missing && !relative_level) { *missing = 1; return NULL; }   /* the caller binds an opaque module */
        py_unsupported(I, "cnnc cannot follow `from %s import`: no %s.py next to the model", module_path, rel);
        return NULL;
    }
    py_source *src = (py_source *)calloc(1, sizeof *src);
    if (!src) { free(text); py_nomem(I); return NULL; }
    py_universal_newlines(text, len);
    src->text = text;
    src->len = len;
    snprintf(src->path, sizeof src->path, "%.255s", path);
    src->next = I->sources->next;
    I->sources->next = src;
    cnnc_error perr;
    cnnc_error_clear(&perr);
    cnnc_status st = py_parse_shared(&src->mod, text, len, src->path, I->syms, &perr);
    if (st != CNNC_OK) {
        py_raise(I, perr.type, "%s", perr.message);
        I->ex.status = st;
        I->ex.line = perr.line;
        I->ex.col = perr.col;
        I->ex.src = src;
        return NULL;
    }
    if (py_exec_source(I, src)) return NULL;
    return src;
}
