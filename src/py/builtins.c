/* builtins.c — Python's builtins and the methods of its built-in types, and
 * the small standard-library modules model code imports, with Python's
 * messages. This file: argument checks, the builtins about objects and classes
 * (isinstance, getattr, super, type, namedtuple, staticmethod, ...) and the
 * setup that binds every builtin and module; the others are in
 * builtins_values.c, builtins_methods.c and builtins_modules.c. */
#include "py/builtins_internal.h"
#include "py/call_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#ifndef M_E
#define M_E 2.7182818284590452354
#endif
/* Reject keyword arguments a builtin does not take. */
int builtin_no_kwargs(interp *I, const char *fn, int32_t n_kw) {
    if (n_kw) return py_raise(I, "TypeError", "%s() takes no keyword arguments", fn);
    return 0;
}

int builtin_nargs(interp *I, const char *fn, int32_t n, int32_t lo, int32_t hi) {
    if (n >= lo && n <= hi) return 0;
    if (lo == hi) return py_raise(I, "TypeError", "%s() takes exactly %s (%d given)", fn, lo == 1 ? "one argument" : "2 arguments", (int)n);
    if (n < lo) return py_raise(I, "TypeError", "%s expected at least %d argument%s, got %d", fn, (int)lo, lo == 1 ? "" : "s", (int)n);
    return py_raise(I, "TypeError", "%s expected at most %d argument%s, got %d", fn, (int)hi, hi == 1 ? "" : "s", (int)n);
}

py_val *builtin_kwarg(const py_sym *kw, const py_val *kwv, int32_t n_kw, py_sym want) {
    for (int32_t k = 0; k < n_kw; k++)
        if (kw[k] == want) return (py_val *)&kwv[k];
    return NULL;
}

static int b_isinstance(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "isinstance", n, 2, 2)) return -1;
    int r;
    if (py_isinstance(I, a[0], a[1], &r)) return -1;
    *out = pv_bool(r);
    return 0;
}

static int b_issubclass(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "issubclass", n, 2, 2)) return -1;
    if (a[0].t != PV_CLASS) {
        if (a[0].t == PV_BUILTIN) { *out = pv_bool(a[1].t == PV_BUILTIN && a[0].u.p == a[1].u.p); return 0; }
        return py_raise(I, "TypeError", "issubclass() arg 1 must be a class");
    }
    int r = 0;
    py_val cls = a[1];
    py_val *items = &cls;
    int32_t cnt = 1;
    if (cls.t == PV_TUPLE) { items = pv_as_seq(cls)->v; cnt = pv_as_seq(cls)->n; }
    for (int32_t k = 0; k < cnt && !r; k++)
        if (items[k].t == PV_CLASS) r = py_class_is(pv_as_class(a[0]), pv_as_class(items[k]));
    *out = pv_bool(r);
    return 0;
}

static int name_of(interp *I, py_val v, const char *fn, py_sym *out) {
    if (v.t != PV_STR) return py_raise(I, "TypeError", "%s(): attribute name must be string, not '%s'", fn, py_type_name(&v));
    *out = py_intern(I->syms, pv_as_str(v)->s, (size_t)pv_as_str(v)->len);
    return 0;
}

static int b_getattr(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "getattr", n, 2, 3)) return -1;
    py_sym s = 0;
    if (name_of(I, a[1], "getattr", &s)) return -1;
    if (py_getattr(I, a[0], s, out) == 0) return 0;
    if (n == 3 && !strcmp(I->ex.type, "AttributeError") && I->ex.status != CNNC_ERR_UNSUPPORTED) {
        I->ex.raised = 0;
        *out = a[2];
        return 0;
    }
    return -1;
}

/* Whether a value of a plain built-in type has special method `nm`, as CPython 3.11's types
 * define them (hasattr(k, '__getitem__') tells a tuple from an int); -1: not a question cnnc answers. */
static int builtin_has_special(py_val v, const char *nm) {
    enum { S = 1, L = 2, T = 4, D = 8, ST = 16, I_ = 32, F = 64, B = 128, N = 256, R = 512 };
    int k = v.t == PV_STR ? S : v.t == PV_LIST ? L : (v.t == PV_TUPLE && !pv_as_seq(v)->nt) || v.t == PV_SIZE ? T
          : v.t == PV_DICT ? D : v.t == PV_SET ? ST : v.t == PV_BOOL ? B : v.t == PV_INT && !pv_is_np(&v) ? I_
          : v.t == PV_FLOAT && !pv_is_np(&v) ? F : v.t == PV_NONE ? N : v.t == PV_RANGE ? R : 0;
    if (!k) return -1;
    static const struct { const char *name; int types; } table[] = {
        {"__getitem__", S | L | T | D | R}, {"__len__", S | L | T | D | ST | R}, {"__iter__", S | L | T | D | ST | R},
        {"__contains__", S | L | T | D | ST | R}, {"__setitem__", L | D}, {"__delitem__", L | D},
        {"__add__", S | L | T | I_ | F | B}, {"__mul__", S | L | T | I_ | F | B}, {"__call__", 0}, {"__next__", 0},
        {"__enter__", 0}, {"__exit__", 0}, {"__int__", I_ | F | B}, {"__float__", I_ | F | B}, {"__index__", I_ | B},
        {"__bool__", I_ | F | B | N | R}, {"__neg__", I_ | F | B}, {"__round__", I_ | F | B}, {"__reversed__", L | D | R},
        {"__eq__", ~0}, {"__ne__", ~0}, {"__hash__", ~0}, {"__repr__", ~0}, {"__str__", ~0}, {"__class__", ~0},
        {"__doc__", ~0}, {"__init__", ~0}, {"__dict__", 0}, {"__name__", 0}, {"__module__", 0},
    };
    for (size_t j = 0; j < sizeof table / sizeof table[0]; j++)
        if (!strcmp(table[j].name, nm)) return (table[j].types & k) != 0;
    return -1;
}

static int b_hasattr(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "hasattr", n, 2, 2)) return -1;
    py_sym s = 0;
    if (name_of(I, a[1], "hasattr", &s)) return -1;
    const int special = builtin_has_special(a[0], py_sym_name(I->syms, s));
    if (special >= 0) { *out = pv_bool(special); return 0; }
    py_val tmp;
    if (py_getattr(I, a[0], s, &tmp) == 0) { *out = pv_bool(1); return 0; }
    if (!strcmp(I->ex.type, "AttributeError") && I->ex.status != CNNC_ERR_UNSUPPORTED) {
        I->ex.raised = 0;
        *out = pv_bool(0);
        return 0;
    }
    return -1;
}

static int b_setattr(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "setattr", n, 3, 3)) return -1;
    py_sym s = 0;
    if (name_of(I, a[1], "setattr", &s)) return -1;
    *out = pv_none();
    return py_setattr(I, a[0], s, a[2]);
}

static int b_delattr(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "delattr", n, 2, 2)) return -1;
    py_sym s = 0;
    if (name_of(I, a[1], "delattr", &s)) return -1;
    *out = pv_none();
    return py_delattr(I, a[0], s);
}

static int b_super(ARGS) {
    UNUSED_ARGS;
    py_super *s = (py_super *)py_alloc(I->arena, sizeof *s);
    if (!s) return py_nomem(I);
    if (n == 2) {
        if (a[0].t != PV_CLASS) return py_raise(I, "TypeError", "super() argument 1 must be a type, not %s", py_type_name(&a[0]));
        int ok = 0;
        if (a[1].t == PV_OBJ) ok = py_class_is(pv_as_obj(a[1])->cls, pv_as_class(a[0]));
        else if (a[1].t == PV_CLASS) ok = py_class_is(pv_as_class(a[1]), pv_as_class(a[0]));
        if (!ok) return py_raise(I, "TypeError", "super(type, obj): obj must be an instance or subtype of type");
        s->start = pv_as_class(a[0]);
        s->self = a[1];
    } else if (n == 0) {
        py_frame *f = I->frame;
        while (f && !f->cls && f->closure) f = f->closure;
        if (!f || !f->cls || f->first_arg.t == PV_UNBOUND) return py_raise(I, "RuntimeError", "super(): no arguments");
        s->start = f->cls;
        s->self = f->first_arg;
    } else if (n == 1) {
        /* super(T): an unbound super object (its __init__ takes (type, obj) again) */
        if (a[0].t != PV_CLASS) return py_raise(I, "TypeError", "super() argument 1 must be a type, not %s", py_type_name(&a[0]));
        s->start = pv_as_class(a[0]);
        s->self = pv_unbound();
    } else {
        return py_raise(I, "TypeError", "super() takes at most 2 arguments (%d given)", (int)n);
    }
    *out = pv_ptr(PV_SUPER, s);
    return 0;
}

/* unbound_super.__init__(type, obj): super's own __init__, with its checks */
static int b_super_init(ARGS) {
    py_val tmp;
    if (n != 2) return py_raise(I, "TypeError", "super() argument 1 must be a type, not %s", n ? py_type_name(&a[0]) : "NoneType");
    if (b_super(I, self, a, n, kw, kwv, n_kw, &tmp)) return -1;
    *out = pv_none();
    return 0;
}

int py_super_unbound_attr(interp *I, py_sym name, py_val *out) {
    if (strcmp(py_sym_name(I->syms, name), "__init__"))
        return py_unsupported(I, "cnnc cannot follow an unbound super object's %s", py_sym_name(I->syms, name));
    *out = pv_builtin(I, "__init__", b_super_init, pv_unbound(), NULL, 0);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* T.__init__ of a builtin type, as code calls object.__init__(self) or, by mistake,
 * super.__init__(Cls, self): the slot wrapper's checks (CPython 3.11's words). object's
 * is a no-op for any instance; the others are not followed. */
int py_builtin_type_init(ARGS) {
    UNUSED_ARGS;
    const char *type = (const char *)I->callee->data;
    if (n == 0) return py_raise(I, "TypeError", "descriptor '__init__' of '%s' object needs an argument", type);
    const int is_object = !strcmp(type, "object");
    /* an instance of a class cnnc read may derive the type (dict.__init__(self) in a dict subclass) */
    if (!is_object && (a[0].t == PV_OBJ || !strcmp(py_type_name(&a[0]), type)))
        return py_unsupported(I, "cnnc cannot follow %s.__init__", type);
    if (!is_object)
        return py_raise(I, "TypeError", "descriptor '__init__' requires a '%s' object but received a '%s'", type,
                        a[0].t == PV_CLASS ? "type" : py_type_name(&a[0]));
    if (n > 1 || n_kw) return py_raise(I, "TypeError", "object.__init__() takes exactly one argument (the instance to initialize)");
    *out = pv_none();
    return 0;
}

int py_builtin_type_attr(interp *I, py_val type, py_sym name, py_val *out) {
    const py_builtin *b = (const py_builtin *)type.u.p;
    if (type.t != PV_BUILTIN || b->self.t != PV_UNBOUND || strcmp(py_sym_name(I->syms, name), "__init__")) return 1;
    static const char *const types[] = {"object", "super", "list", "dict", "tuple", "set", "int", "float", "str", NULL};
    for (int k = 0; types[k]; k++)
        if (!strcmp(types[k], b->name)) {
            *out = pv_builtin(I, "__init__", py_builtin_type_init, pv_unbound(), types[k], 0);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
    return 1;
}

/* type(name, bases, dict): a new class with dict's names as its attributes, as configs
 * made on the spot write it (type('Args', (), {'n_in': 4})). */
static int new_type(interp *I, const py_val *a, py_val *out) {
    if (a[0].t != PV_STR) return py_raise(I, "TypeError", "type.__new__() argument 1 must be str, not %s", py_type_name(&a[0]));
    if (a[1].t != PV_TUPLE) return py_raise(I, "TypeError", "type.__new__() argument 2 must be tuple, not %s", py_type_name(&a[1]));
    if (a[2].t != PV_DICT) return py_raise(I, "TypeError", "type.__new__() argument 3 must be dict, not %s", py_type_name(&a[2]));
    const py_seq *bases = pv_as_seq(a[1]);
    py_class *parent = NULL;
    for (int32_t k = 0; k < bases->n; k++) {
        const py_val b = bases->v[k];
        if (b.t == PV_BUILTIN && !strcmp(((py_builtin *)b.u.p)->name, "object")) continue;
        if (b.t != PV_CLASS || parent) return py_unsupported(I, "cnnc follows type() with object or one class as its base");
        parent = pv_as_class(b);
    }
    const py_str *nm = pv_as_str(a[0]);
    const char *name = py_strndup(I->arena, nm->s, (size_t)nm->len);
    py_class *c = name ? py_class_new(I, name, parent ? parent->base : PB_OBJECT, parent) : NULL;
    if (!c) return py_nomem(I);
    c->user = 1;
    c->src = I->cur_src;
    c->line = I->line;
    c->opaque_base = parent ? parent->opaque_base : NULL;
    c->abc = parent ? parent->abc : 0;
    const py_dict *d = pv_as_dict(a[2]);
    for (int32_t k = 0; k < d->n; k++) {
        if (d->k[k].t != PV_STR) return py_unsupported(I, "cnnc follows type() with a dict of str keys");
        if (py_attrs_set(I, &c->dict, py_s(I, pv_as_str(d->k[k])->s), d->v[k])) return -1;
    }
    *out = pv_ptr(PV_CLASS, c);
    return 0;
}

/* warnings.catch_warnings(record=False): a `with` gives None, or the list of records */
static int b_catch_warnings(ARGS) {
    UNUSED_ARGS;
    int record = 0;
    if (n > 0 || n_kw > 1) return py_unsupported(I, "cnnc cannot follow this call of warnings.catch_warnings");
    if (n_kw == 1) {
        if (strcmp(py_sym_name(I->syms, kw[0]), "record")) return py_unsupported(I, "cnnc cannot follow warnings.catch_warnings(%s=)", py_sym_name(I->syms, kw[0]));
        if (py_truthy(I, kwv[0], &record)) return -1;
    }
    (void)a;
    *out = record ? pv_seq(I, PV_LIST, 0) : pv_none();
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* np.ogrid is indexed (access.c), not called */
int builtin_np_ogrid_call(ARGS) {
    UNUSED_ARGS;
    (void)a; (void)n; (void)out;
    return py_raise(I, "TypeError", "'nd_grid' object is not callable");
}

/* NoneType(): None, as Python 3.11's */
static int b_none_type(ARGS) {
    UNUSED_ARGS;
    (void)a;
    if (n || n_kw) return py_raise(I, "TypeError", "NoneType takes no arguments");
    *out = pv_none();
    return 0;
}

int py_none_type(interp *I, py_val *out) {
    if (I->none_type.t != PV_BUILTIN) {
        I->none_type = pv_builtin(I, "NoneType", b_none_type, pv_unbound(), NULL, 0);
        if (I->none_type.t == PV_UNBOUND) return py_nomem(I);
    }
    *out = I->none_type;
    return 0;
}

static int b_type(ARGS) {
    UNUSED_ARGS;
    if (n == 3 && !n_kw) return new_type(I, a, out);
    if (n != 1) return py_unsupported(I, "cnnc cannot follow type() with %d arguments", (int)n);
    if (a[0].t == PV_OBJ) { *out = pv_ptr(PV_CLASS, pv_as_obj(a[0])->cls); return 0; }
    if (a[0].t == PV_TENSOR) {   /* torch.Tensor, nn.Parameter or numpy.ndarray: the modules' own values */
        const py_tensor *t = pv_as_tensor(a[0]);
        if (t->is_param && I->c_parameter) { *out = pv_ptr(PV_CLASS, I->c_parameter); return 0; }
        return py_getattr(I, pv_ptr(PV_MODULE, t->is_numpy ? I->m_numpy : I->m_torch), py_s(I, t->is_numpy ? "ndarray" : "Tensor"),
                          out);
    }
    if (a[0].t == PV_NONE) return py_none_type(I, out);
    const int nt = py_namedtuple_type(I, a[0], out);
    if (nt <= 0) return nt;
    py_val *b = py_attrs_find(&I->builtins, py_s(I, py_type_name(&a[0])));
    if (b) { *out = *b; return 0; }
    return py_unsupported(I, "cnnc cannot follow type() of a %s", py_type_name(&a[0]));
}

static int b_callable(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "callable", n, 1, 1)) return -1;
    int t = a[0].t;
    *out = pv_bool(t == PV_FUNC || t == PV_BOUND || t == PV_BUILTIN || t == PV_CLASS || t == PV_PARTIAL ||
                   (t == PV_OBJ && (pv_as_obj(a[0])->nn || py_class_lookup(pv_as_obj(a[0])->cls, I->s_call, NULL))));
    return 0;
}

int py_names_dict(interp *I, const py_attrs *a, py_val *out) {
    *out = pv_dict(I);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; a && k < a->n; k++) {
        py_val key = pv_cstr(I, py_sym_name(I->syms, a->k[k]));
        if (key.t == PV_UNBOUND || py_dict_set(I, *out, key, a->v[k])) return py_nomem(I);
    }
    return 0;
}
/* collections' names made on first use: deque (its Python source) */
static int collections_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    if (strcmp(py_sym_name(I->syms, name), "deque")) return 1;
    if (py_collections_deque(I, out)) return -1;
    return py_attrs_set(I, m->attrs, name, *out) ? py_nomem(I) : 0;
}

static int b_globals(ARGS) { UNUSED_ARGS; (void)a; (void)n; return py_names_dict(I, I->frame ? I->frame->globals : NULL, out); }
static int b_locals(ARGS) {
    UNUSED_ARGS; (void)a; (void)n;
    return py_names_dict(I, I->frame ? (I->frame->module_level ? I->frame->globals : &I->frame->locals) : NULL, out);
}

/* vars(obj): obj.__dict__ (an instance's dict writes through to it); vars(): locals() */
static int b_vars(ARGS) {
    if (n_kw) return py_raise(I, "TypeError", "vars() takes no keyword arguments");
    if (n > 1) return py_raise(I, "TypeError", "vars expected at most 1 argument, got %d", (int)n);
    if (n == 0) return b_locals(I, self, a, n, kw, kwv, n_kw, out);
    if (a[0].t != PV_OBJ && a[0].t != PV_CLASS && a[0].t != PV_MODULE) {
        if (a[0].t == PV_OPAQUE || a[0].t == PV_FUNC || a[0].t == PV_BUILTIN)
            return py_unsupported(I, "cnnc cannot follow vars() of a %s", py_type_name(&a[0]));
        return py_raise(I, "TypeError", "vars() argument must have __dict__ attribute");
    }
    return py_getattr(I, a[0], py_s(I, "__dict__"), out);
}

/* collections.abc.Iterable() and kin: abstract, never built (isinstance: py_abc_isinstance) */
int builtin_abc_class(ARGS) {
    UNUSED_ARGS; (void)a; (void)n; (void)out;
    return py_unsupported(I, "cnnc cannot follow building collections.abc.%s", I->callee->name);
}

/* typing.cast(typ, val) is val */
static int b_cast(ARGS) {
    UNUSED_ARGS;
    if (n != 2) return py_raise(I, "TypeError", "cast() missing %d required positional argument%s", 2 - (int)n, n == 1 ? ": 'val'" : "s: 'typ' and 'val'");
    *out = a[1];
    return 0;
}

static int b_id(ARGS) { UNUSED_ARGS; *out = pv_int(n ? (int64_t)(intptr_t)a[0].u.p : 0); return 0; }
static int b_hash(ARGS) { UNUSED_ARGS; *out = pv_int(n ? a[0].u.i : 0); return 0; }

static int wrap(interp *I, py_type t, const py_val *a, int32_t n, py_val *out) {
    if (n != 1) return py_raise(I, "TypeError", "expected 1 argument, got %d", (int)n);
    py_val *p = (py_val *)py_alloc(I->arena, 2 * sizeof *p);
    if (!p) return py_nomem(I);
    p[0] = a[0];
    p[1] = pv_unbound();
    *out = pv_ptr(t, p);
    return 0;
}
static int b_staticmethod(ARGS) { UNUSED_ARGS; return wrap(I, PV_STATICMETHOD, a, n, out); }
static int b_classmethod(ARGS) { UNUSED_ARGS; return wrap(I, PV_CLASSMETHOD, a, n, out); }
/* property(fget, fset): slot 0 the getter, 1 the setter (PV_UNBOUND: read-only). */
static int b_property(ARGS) {
    UNUSED_ARGS;
    if (wrap(I, PV_PROPERTY, a, n ? 1 : 0, out)) return -1;
    if (n >= 2 && a[1].t != PV_NONE) ((py_val *)out->u.p)[1] = a[1];
    return 0;
}

/* prop.setter(f) / prop.getter(f): a new property with that slot replaced, as the
 * decorators `@x.setter` and `@x.getter` use it. */
static int property_with(interp *I, py_val prop, int slot, const py_val *a, int32_t n, py_val *out) {
    if (n != 1) return py_raise(I, "TypeError", "descriptor '%s' for 'property' objects takes exactly one argument", slot ? "setter" : "getter");
    py_val *p = (py_val *)py_alloc(I->arena, 2 * sizeof *p);
    if (!p) return py_nomem(I);
    p[0] = ((py_val *)prop.u.p)[0];
    p[1] = ((py_val *)prop.u.p)[1];
    p[slot] = a[0];
    *out = pv_ptr(PV_PROPERTY, p);
    return 0;
}
static int b_property_setter(ARGS) { UNUSED_ARGS; return property_with(I, self, 1, a, n, out); }
static int b_property_getter(ARGS) { UNUSED_ARGS; return property_with(I, self, 0, a, n, out); }

int py_property_attr(interp *I, py_val prop, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    const py_val *p = (const py_val *)prop.u.p;
    if (!strcmp(nm, "setter") || !strcmp(nm, "getter")) {
        *out = pv_builtin(I, nm[0] == 's' ? "setter" : "getter", nm[0] == 's' ? b_property_setter : b_property_getter, prop, NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (!strcmp(nm, "fget")) { *out = p[0]; return 0; }
    if (!strcmp(nm, "fset")) { *out = p[1].t == PV_UNBOUND ? pv_none() : p[1]; return 0; }
    if (!strcmp(nm, "deleter")) return py_unsupported(I, "cnnc cannot follow property.deleter");
    return py_raise(I, "AttributeError", "'property' object has no attribute '%s'", nm);
}

static int b_object(ARGS) {
    UNUSED_ARGS;
    (void)a;
    if (n) return py_raise(I, "TypeError", "object() takes no arguments");
    py_obj *o = (py_obj *)py_alloc(I->arena, sizeof *o);
    if (!o) return py_nomem(I);
    o->cls = I->c_object;
    *out = pv_ptr(PV_OBJ, o);
    return 0;
}

/* An exception class's native __init__: the message is str(args). */
static int b_exc_init(ARGS) {
    UNUSED_ARGS;
    if (n < 1 || a[0].t != PV_OBJ) return 0;
    py_obj *o = pv_as_obj(a[0]);
    cnnc_strbuf sb = {0};
    int key_error = !strcmp(o->cls->name, "KeyError") && !o->cls->user;
    for (int32_t k = 0; o->cls->mro && k < o->cls->n_mro && !key_error; k++)
        key_error = !o->cls->mro[k]->user && !strcmp(o->cls->mro[k]->name, "KeyError");
    if (n == 2 && key_error) py_repr(I, a[1], &sb);   /* str(KeyError(k)) is repr(k) */
    else if (n == 2) py_str_of(I, a[1], &sb);
    else if (n > 2) {
        py_val t = pv_seq(I, PV_TUPLE, n - 1);
        if (t.t == PV_UNBOUND) return py_nomem(I);
        memcpy(pv_as_seq(t)->v, a + 1, (size_t)(n - 1) * sizeof(py_val));
        py_repr(I, t, &sb);
    }
    o->exc_msg = py_strndup(I->arena, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    *out = pv_none();
    return 0;
}

/* ------------------------------------------------------------------ setup */

static int def(interp *I, py_attrs *where, const char *name, py_native fn, int data2) {
    py_val v = pv_builtin(I, name, fn, pv_unbound(), NULL, data2);
    if (v.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, where, py_s(I, name), v);
}

py_module_ns *py_module_new(interp *I, const char *name) {
    py_module_ns *m = (py_module_ns *)py_alloc(I->arena, sizeof *m);
    if (!m) return NULL;
    m->name = name;
    m->attrs = (py_attrs *)py_alloc(I->arena, sizeof *m->attrs);
    return m->attrs ? m : NULL;
}

int py_module_set(interp *I, py_module_ns *m, const char *name, py_val v) {
    return py_attrs_set(I, m->attrs, py_s(I, name), v);
}

static const char *const EXCEPTIONS[] = {
    "Exception", "BaseException", "ValueError", "TypeError", "RuntimeError", "NotImplementedError", "AssertionError",
    "KeyError", "IndexError", "AttributeError", "ImportError", "ModuleNotFoundError", "NameError", "ZeroDivisionError",
    "StopIteration", "ArithmeticError", "LookupError", "Warning", "UserWarning", "DeprecationWarning", "OSError",
    "OverflowError", "RecursionError", "KeyboardInterrupt", "SystemExit",
};

/* numpy 1.24 removed the aliases of builtins (np.int, np.float ...): an AttributeError
 * whose first line ends in a period (np.long and np.unicode were never there: no period). */
static int numpy_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)m; (void)out;
    const char *nm = py_sym_name(I->syms, name);
    static const char *const former[] = {"int", "float", "bool", "object", "str", "complex"};
    for (size_t k = 0; k < sizeof former / sizeof former[0]; k++)
        if (!strcmp(nm, former[k]))
            return py_raise(I, "AttributeError", "module 'numpy' has no attribute '%s'.\n`np.%s` was a deprecated alias for the "
                            "builtin `%s`.", nm, nm, nm);
    if (!strcmp(nm, "long") || !strcmp(nm, "unicode")) return py_raise(I, "AttributeError", "module 'numpy' has no attribute '%s'", nm);
    return 1;
}

int py_builtins_init(interp *I) {
    py_attrs *b = &I->builtins;
    static const struct { const char *name; py_native fn; } table[] = {
        {"print", builtin_print}, {"__import__", py_builtin_import}, {"len", builtin_len}, {"range", builtin_range}, {"int", builtin_int}, {"float", builtin_float}, {"str", builtin_str},
        {"repr", builtin_repr}, {"bool", builtin_bool}, {"list", builtin_list}, {"tuple", builtin_tuple}, {"set", builtin_set}, {"dict", builtin_dict},
        {"enumerate", builtin_enumerate}, {"zip", builtin_zip}, {"isinstance", b_isinstance}, {"issubclass", b_issubclass},
        {"getattr", b_getattr}, {"hasattr", b_hasattr}, {"setattr", b_setattr}, {"delattr", b_delattr}, {"super", b_super}, {"max", builtin_max},
        {"min", builtin_min}, {"sum", builtin_sum}, {"abs", builtin_abs}, {"chr", builtin_chr}, {"slice", builtin_slice}, {"ord", builtin_ord}, {"round", builtin_round}, {"sorted", builtin_sorted},
        {"reversed", builtin_reversed}, {"map", builtin_map}, {"filter", builtin_filter}, {"any", builtin_any}, {"all", builtin_all},
        {"type", b_type}, {"callable", b_callable}, {"divmod", builtin_divmod}, {"pow", builtin_pow}, {"iter", builtin_iter},
        {"next", builtin_next}, {"id", b_id}, {"hash", b_hash}, {"staticmethod", b_staticmethod}, {"globals", b_globals}, {"locals", b_locals}, {"vars", b_vars},
        {"classmethod", b_classmethod}, {"property", b_property}, {"object", b_object},
    };
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (def(I, b, table[k].name, table[k].fn, 0)) return -1;
    /* exception classes */
    I->c_object = py_class_new(I, "object", PB_OBJECT, NULL);
    I->c_exception = py_class_new(I, "Exception", PB_EXCEPTION, NULL);
    if (!I->c_object || !I->c_exception) return py_nomem(I);
    I->c_exception->exc_name = "Exception";
    py_val init = pv_builtin(I, "__init__", b_exc_init, pv_unbound(), NULL, 1);
    if (init.t == PV_UNBOUND || py_attrs_set(I, &I->c_exception->dict, I->s_init, init)) return py_nomem(I);
    for (size_t k = 0; k < sizeof EXCEPTIONS / sizeof EXCEPTIONS[0]; k++) {
        py_class *c = k == 0 ? I->c_exception : py_class_new(I, EXCEPTIONS[k], PB_EXCEPTION, I->c_exception);
        if (!c) return py_nomem(I);
        c->exc_name = EXCEPTIONS[k];
        c->module = "builtins";
        if (py_attrs_set(I, b, py_s(I, EXCEPTIONS[k]), pv_ptr(PV_CLASS, c))) return -1;
    }
    /* NotImplemented: the one instance of NotImplementedType (raise NotImplemented(...) is a bug Python names) */
    py_class *ni_type = py_class_new(I, "NotImplementedType", PB_OBJECT, NULL);
    py_obj *ni = ni_type ? (py_obj *)py_alloc(I->arena, sizeof *ni) : NULL;
    if (!ni) return py_nomem(I);
    ni_type->module = "builtins";
    ni->cls = ni_type;
    if (py_attrs_set(I, b, py_s(I, "NotImplemented"), pv_ptr(PV_OBJ, ni)) ||
        py_attrs_set(I, b, py_s(I, "Ellipsis"), pv_ptr(PV_ELLIPSIS, NULL)) ||
        py_attrs_set(I, b, py_s(I, "__name__"), pv_cstr(I, "__main__")))
        return -1;

    /* math */
    if (!(I->m_math = py_module_new(I, "math"))) return py_nomem(I);
    static const char *const math_fns[] = {"ceil", "floor", "trunc", "sqrt", "log", "log2", "log10", "exp", "pow",
                                           "cos", "sin", "fabs", "gcd", "isclose", "erf", "erfc", "tan", "tanh", "atan",
                                           "log1p", "expm1", "degrees", "radians", "atan2", "hypot"};
    for (size_t k = 0; k < sizeof math_fns / sizeof math_fns[0]; k++)
        if (def(I, I->m_math->attrs, math_fns[k], builtin_math_dispatch, 0)) return -1;
    if (def(I, I->m_math->attrs, "prod", builtin_prod, 0) || py_module_set(I, I->m_math, "pi", pv_float(M_PI)) ||
        py_module_set(I, I->m_math, "e", pv_float(M_E)) || py_module_set(I, I->m_math, "inf", pv_float(INFINITY)))
        return -1;
    /* numpy's few functions model code uses for sizes */
    if (!(I->m_numpy = py_module_new(I, "numpy"))) return py_nomem(I);
    I->m_numpy->getattr = numpy_getattr;
    if (def(I, I->m_numpy->attrs, "prod", builtin_np_prod, 0) || py_module_set(I, I->m_numpy, "pi", pv_float(M_PI)) ||
        py_module_set(I, I->m_numpy, "e", pv_float(M_E)) || py_module_set(I, I->m_numpy, "inf", pv_float(INFINITY)))
        return -1;
    if (def(I, I->m_numpy->attrs, "zeros", builtin_np_filled, 0) || def(I, I->m_numpy->attrs, "ones", builtin_np_filled, 0) ||
        def(I, I->m_numpy->attrs, "empty", builtin_np_filled, 0) || def(I, I->m_numpy->attrs, "arange", builtin_np_arange, 0) ||
        def(I, I->m_numpy->attrs, "ogrid", builtin_np_ogrid_call, 0) ||
        def(I, I->m_numpy->attrs, "eye", builtin_np_eye, 0) ||
        def(I, I->m_numpy->attrs, "array", builtin_np_array, 0) || def(I, I->m_numpy->attrs, "reshape", builtin_np_reshape, 0) ||
        def(I, I->m_numpy->attrs, "meshgrid", builtin_np_meshgrid, 0) || def(I, I->m_numpy->attrs, "stack", builtin_np_stack, 0))
        return -1;
    /* np.sqrt, np.log ... (numbers and arrays) and the array functions: numpy_functions.c */
    if (def(I, I->m_numpy->attrs, "spacing", builtin_np_math, 0) || py_numpy_functions(I, I->m_numpy) || def(I, I->m_numpy->attrs, "ndarray", builtin_np_filled, 0)) return -1;
    static const char *const np_types[] = {"int64", "int32", "float64", "float32", "int_", "float_", "intc", "longlong",
                                           "double", "single"};
    for (size_t k = 0; k < sizeof np_types / sizeof np_types[0]; k++)
        if (def(I, I->m_numpy->attrs, np_types[k], builtin_np_type, 0)) return -1;
    /* typing (and the other modules whose members only annotate or warn) */
    if (!(I->m_typing = py_module_new(I, "typing"))) return py_nomem(I);
    static const char *const typing_names[] = {"Any", "Callable", "Dict", "List", "Optional", "Sequence", "Tuple",
                                               "Type", "Union", "Iterable", "Mapping", "TypeVar", "Generic",
                                               "annotations", "Iterator", "overload", "Final", "ClassVar", "Literal"};
    for (size_t k = 0; k < sizeof typing_names / sizeof typing_names[0]; k++)
        if (py_module_set(I, I->m_typing, typing_names[k],   /* ClassVar is told apart (dataclass fields) */
                          pv_ptr(PV_TYPING, strcmp(typing_names[k], "ClassVar") ? NULL : (void *)"ClassVar")))
            return -1;
    if (def(I, I->m_typing->attrs, "cast", b_cast, 0) || def(I, I->m_typing->attrs, "warn", builtin_warn, 0) || def(I, I->m_typing->attrs, "filterwarnings", builtin_warn, 0) ||
        def(I, I->m_typing->attrs, "simplefilter", builtin_warn, 0) || def(I, I->m_typing->attrs, "catch_warnings", b_catch_warnings, 0))
        return -1;
    /* logging: messages change nothing a model computes; getLogger() gives a logger
     * with the same functions (the module itself stands for it) */
    if (!(I->m_logging = py_module_new(I, "logging"))) return py_nomem(I);
    static const char *const log_fns[] = {"debug", "info", "warning", "warn", "error", "critical", "exception", "log",
                                          "basicConfig", "disable", "setLevel", "addHandler", "captureWarnings"};
    for (size_t k = 0; k < sizeof log_fns / sizeof log_fns[0]; k++)
        if (def(I, I->m_logging->attrs, log_fns[k], builtin_warn, 0)) return -1;
    static const char *const log_levels[] = {"NOTSET", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};
    for (size_t k = 0; k < sizeof log_levels / sizeof log_levels[0]; k++)
        if (py_module_set(I, I->m_logging, log_levels[k], pv_int((int64_t)k * 10))) return -1;
    if (def(I, I->m_logging->attrs, "getLogger", builtin_get_logger, 0)) return -1;
    /* sys: sys.modules[__name__] is the running source (py_exec_source adds it) */
    if (!(I->m_sys = py_module_new(I, "sys"))) return py_nomem(I);
    py_val mods = pv_dict(I);
    if (mods.t == PV_UNBOUND || py_module_set(I, I->m_sys, "modules", mods)) return py_nomem(I);
    /* collections */
    if (!(I->m_collections = py_module_new(I, "collections"))) return py_nomem(I);
    I->m_collections->getattr = collections_getattr;
    if (def(I, I->m_collections->attrs, "OrderedDict", builtin_dict, 0) || def(I, I->m_collections->attrs, "defaultdict", builtin_defaultdict, 0) ||
        def(I, I->m_collections->attrs, "namedtuple", builtin_namedtuple, 0))
        return -1;
    /* typing's aliases of them (typing.OrderedDict(...) builds one, as collections' does) */
    if (def(I, I->m_typing->attrs, "OrderedDict", builtin_dict, 0) || def(I, I->m_typing->attrs, "DefaultDict", builtin_defaultdict, 0))
        return -1;
    /* collections.abc: the abstract classes isinstance() asks about (py_isinstance) */
    if (!(I->m_collections_abc = py_module_new(I, "collections.abc"))) return py_nomem(I);
    static const char *const abc_names[] = {"Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
                                            "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping",
                                            "Sequence", "MutableSequence"};
    for (size_t k = 0; k < sizeof abc_names / sizeof abc_names[0]; k++)
        if (def(I, I->m_collections_abc->attrs, abc_names[k], builtin_abc_class, 0)) return -1;
    if (py_module_set(I, I->m_collections, "abc", pv_ptr(PV_MODULE, I->m_collections_abc)))
        return -1;
    /* functools (and copy) */
    if (!(I->m_functools = py_module_new(I, "functools"))) return py_nomem(I);
    if (def(I, I->m_functools->attrs, "partial", builtin_partial, 0) || def(I, I->m_functools->attrs, "reduce", builtin_reduce, 0) ||
        def(I, I->m_functools->attrs, "wraps", builtin_wraps, 0) || def(I, I->m_functools->attrs, "copy", builtin_identity, 0) ||
        def(I, I->m_functools->attrs, "deepcopy", builtin_deepcopy, 0))
        return -1;
    return 0;
}
