/* access.c — attribute access (bound methods, class attributes, properties)
 * and item access (indexes, slices), with CPython's errors. */
#include "py/call_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A private name (__x, not __x__) written in a class's method, as Python mangles it there
 * (_Class__x), for the messages that name it; else the name. */
static const char *private_name(interp *I, py_sym name) {
    const char *nm = py_sym_name(I->syms, name);
    const size_t len = strlen(nm);
    const py_class *c = I->frame ? I->frame->cls : NULL;
    if (!c || len < 3 || strncmp(nm, "__", 2) || (len >= 4 && !strcmp(nm + len - 2, "__")) || strchr(nm, '.')) return nm;
    const char *cn = c->name;
    while (*cn == '_') cn++;
    if (!*cn) return nm;
    char *m = (char *)py_alloc(I->arena, strlen(cn) + len + 2);
    if (!m) return nm;
    m[0] = '_';
    strcpy(m + 1, cn);
    strcat(m, nm);
    return m;
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

/* A class attribute seen through a value that is no PV_OBJ (a namedtuple subclass's tuple) */
int py_class_attr_of(interp *I, py_val self, py_val v, py_val *out) {
    if (v.t == PV_CLASSMETHOD) return py_unsupported(I, "cnnc cannot follow a classmethod through a namedtuple instance");
    return class_attr(I, self, 1, v, out);
}

/* obj.__dict__: its own attributes (a module's plain ones: PyTorch keeps parameters,
 * buffers and submodules in dicts of their own there, and `training`). */
static int object_dict(interp *I, py_obj *o, py_val *out) {
    py_val d = pv_dict(I);
    if (d.t == PV_UNBOUND) return py_nomem(I);
    if (o->nn && py_dict_set(I, d, pv_cstr(I, "training"), pv_bool(o->nn->training))) return -1;
    for (int32_t k = 0; k < o->attrs.n; k++)
        if (py_dict_set(I, d, pv_cstr(I, py_sym_name(I->syms, o->attrs.k[k])), o->attrs.v[k])) return -1;
    pv_as_dict(d)->of = o;
    *out = d;
    return 0;
}

/* C.__module__: a built-in class's module, a user class's source's __name__ */
static int class_module(interp *I, const py_class *c, py_val *out) {
    const py_val *nm = c->module ? NULL : c->src ? py_attrs_find(&c->src->globals, I->s_name) : NULL;
    if (nm) { *out = *nm; return 0; }
    *out = pv_cstr(I, c->module ? c->module : "__main__");
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* A user class's own __bases__, __mro__ (single inheritance) and __annotations__; the
 * other attributes every class has are refused. 0 answered, -1 raised, 1 not one. */
static int class_dunder(interp *I, py_class *c, const char *nm, py_val *out) {
    if (!strcmp(nm, "__bases__") || !strcmp(nm, "__mro__")) {
        const int mro = nm[2] == 'm';
        int32_t n = 0;
        for (py_class *k = c; k; k = k->n_bases ? k->bases[0] : NULL) {
            /* built-in classes other than nn.Module do not hold their own bases here */
            if (k->n_bases > 1 || (mro && !k->user && strcmp(k->name, "Module")))
                return py_unsupported(I, "cnnc cannot follow %s.%s (a class with several bases or a built-in one)", c->name, nm);
            n++;
            if (!mro) break;
        }
        const py_val *object = py_attrs_find(&I->builtins, py_s(I, "object"));
        if (!object) return py_unsupported(I, "cnnc cannot follow %s.%s", c->name, nm);
        const int32_t len = mro ? n + 1 : c->n_bases ? c->n_bases : 1;
        *out = pv_seq(I, PV_TUPLE, len);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        py_val *v = pv_as_seq(*out)->v;
        if (!mro) {
            for (int32_t k = 0; k < c->n_bases; k++) v[k] = pv_ptr(PV_CLASS, c->bases[k]);
            if (!c->n_bases) v[0] = *object;
            return 0;
        }
        int32_t i = 0;
        for (py_class *k = c; k; k = k->n_bases ? k->bases[0] : NULL) v[i++] = pv_ptr(PV_CLASS, k);
        v[i] = *object;
        return 0;
    }
    if (!strcmp(nm, "__annotations__")) {   /* the body's own (3.10+: {} where it has none) */
        *out = pv_dict(I);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < c->annotations.n; k++)
            if (py_dict_set(I, *out, pv_cstr(I, py_sym_name(I->syms, c->annotations.k[k])), c->annotations.v[k])) return -1;
        return 0;
    }
    static const char *const type_attrs[] = {"__dict__", "__doc__", "__base__", "__basicsize__", "__dictoffset__",
                                             "__flags__", "__itemsize__", "__subclasses__", "__text_signature__",
                                             "__weakrefoffset__", "__weakref__", "__abstractmethods__", "mro",
                                             "__init_subclass__", "__subclasshook__", "__instancecheck__",
                                             "__subclasscheck__", "__prepare__", "__sizeof__", "__reduce__",
                                             "__reduce_ex__", "__getstate__", "__format__", "__dir__",
                                             "__getattribute__", "__setattr__", "__delattr__", "__hash__", NULL};
    for (int k = 0; type_attrs[k]; k++)
        if (!strcmp(type_attrs[k], nm)) return py_unsupported(I, "cnnc cannot follow %s.%s (an attribute of every class)", c->name, nm);
    return 1;
}

/* Whether a torch.nn layer class may have attribute nm: any name but a __dunder__ outside those
 * that object, type and nn.Module define and the layers' own __constants__ and __annotations__. */
static int layer_class_may_have(const char *nm) {
    const size_t len = strlen(nm);
    if (len < 5 || strncmp(nm, "__", 2) || strcmp(nm + len - 2, "__")) return 1;
    static const char *const dunders[] = {
        "__abstractmethods__", "__annotations__", "__base__", "__bases__", "__basicsize__", "__call__", "__class__",
        "__constants__", "__delattr__", "__dict__", "__dictoffset__", "__dir__", "__doc__", "__eq__", "__flags__",
        "__format__", "__ge__", "__getattr__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__",
        "__init_subclass__", "__instancecheck__", "__itemsize__", "__le__", "__lt__", "__module__", "__mro__", "__name__",
        "__ne__", "__new__", "__prepare__", "__qualname__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__",
        "__setstate__", "__sizeof__", "__slots__", "__str__", "__subclasscheck__", "__subclasses__", "__subclasshook__",
        "__text_signature__", "__weakref__", "__weakrefoffset__", "__jit_unused_properties__", "__getitem__", "__len__",
        "__iter__", "__setitem__", "__delitem__", "__contains__", "__add__", "__iadd__", "__mul__", "__imul__", "__rmul__"};
    for (size_t k = 0; k < sizeof dunders / sizeof dunders[0]; k++)
        if (!strcmp(nm, dunders[k])) return 1;
    return 0;
}

int py_getattr(interp *I, py_val obj, py_sym name, py_val *out) {
    /* f.__call__ of a function, class, builtin or module instance calls it as f does
     * (hasattr(activation, "__call__")); an object's own __call__ is found below */
    if (name == I->s_call &&
        (obj.t == PV_FUNC || obj.t == PV_BOUND || obj.t == PV_BUILTIN || obj.t == PV_PARTIAL ||
         (obj.t == PV_CLASS && !py_class_lookup(pv_as_class(obj), name, NULL)) ||
         (obj.t == PV_OBJ && pv_as_obj(obj)->nn && !py_class_lookup(pv_as_obj(obj)->cls, name, NULL)))) {
        *out = obj;
        return 0;
    }
    switch ((py_type)obj.t) {
    case PV_OBJ: {
        py_obj *o = pv_as_obj(obj);
        py_val *v = py_attrs_find(&o->attrs, name);
        if (v) { *out = *v; return 0; }
        py_class *in;
        if ((v = py_class_lookup(o->cls, name, &in))) return class_attr(I, obj, 1, *v, out);
        if (name == I->s_class) { *out = pv_ptr(PV_CLASS, o->cls); return 0; }
        if (!strcmp(py_sym_name(I->syms, name), "__dict__")) return object_dict(I, o, out);
        if (!strcmp(py_sym_name(I->syms, name), "__module__")) return class_module(I, o->cls, out);
        if (o->nn) {
            int r = py_nn_getattr(I, o, name, out);
            if (r) return r > 0 ? 0 : -1;
        }
        if (o->exc_msg && !strcmp(py_sym_name(I->syms, name), "args")) {
            *out = pv_seq(I, PV_TUPLE, 1);
            pv_as_seq(*out)->v[0] = pv_cstr(I, o->exc_msg);
            return 0;
        }
        py_val *ga = py_class_lookup(o->cls, py_s(I, "__getattr__"), NULL);
        if (ga && ga->t == PV_FUNC) {
            py_val nm = pv_cstr(I, py_sym_name(I->syms, name));
            return py_call_function(I, (py_func *)ga->u.p, obj, 1, &nm, 1, NULL, NULL, 0, out);
        }
        if (o->nn && py_real_name("Module", py_sym_name(I->syms, name)))
            return py_unsupported(I, "cnnc cannot follow nn.Module.%s", py_sym_name(I->syms, name));
        return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", o->cls->name, private_name(I, name));
    }
    case PV_CLASS: {
        py_class *c = pv_as_class(obj);
        py_val *v = py_class_lookup(c, name, NULL);
        if (v) return class_attr(I, obj, 0, *v, out);
        const char *nm = py_sym_name(I->syms, name);
        if (!strcmp(nm, "__name__")) { *out = pv_cstr(I, c->name); return 0; }
        if (!strcmp(nm, "__qualname__")) { *out = pv_cstr(I, c->qualname); return 0; }
        if (!strcmp(nm, "__module__")) return class_module(I, c, out);
        if (c->user) {
            int r = class_dunder(I, c, nm, out);
            if (r <= 0) return r;
        }
        if (!c->user && c->base != PB_OBJECT && c->base != PB_EXCEPTION && py_real_name("Module", nm))
            return py_unsupported(I, "cnnc cannot follow nn.%s.%s", c->name, nm);
        /* a layer class's own class attributes (nn.Embedding.from_pretrained) are not all modelled */
        if (c->layer && !layer_class_may_have(nm))   /* a dunder no torch.nn class has (ReLU.__default_init__) */
            return py_raise(I, "AttributeError", "type object '%s' has no attribute '%s'", c->name, nm);
        if (c->layer) {
            const int r = py_layer_class_attr(I, c, nm, out);
            if (r <= 0) return r;
            return py_unsupported(I, "cnnc cannot follow %s.%s (an attribute of nn.%s)", c->name, nm, c->layer->name);
        }
        return py_raise(I, "AttributeError", "type object '%s' has no attribute '%s'", c->name, nm);
    }
    case PV_MODULE: {
        py_module_ns *m = (py_module_ns *)obj.u.p;
        py_val *v = m->attrs ? py_attrs_find(m->attrs, name) : NULL;
        if (v) { *out = *v; return 0; }
        if (m->getattr && m->getattr(I, m, name, out) == 0) return 0;
        if (I->ex.raised) return -1;
        if (!strcmp(py_sym_name(I->syms, name), "__dict__")) {   /* sys.modules[__name__].__dict__[name]: a copy, as globals() */
            if (m->is_source) return py_names_dict(I, m->attrs, out);
            return py_unsupported(I, "cnnc cannot follow %s.__dict__", m->name);
        }
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
    case PV_PROPERTY: return py_property_attr(I, obj, name, out);
    case PV_SUPER: {
        py_super *s = (py_super *)obj.u.p;
        if (s->self.t == PV_UNBOUND) return py_super_unbound_attr(I, name, out);
        /* the classes after `start` in the MRO of the instance's class */
        py_class *c = s->start;
        py_class *ic = s->self.t == PV_OBJ ? pv_as_obj(s->self)->cls : s->self.t == PV_CLASS ? pv_as_class(s->self) : NULL;
        int32_t at = 0;
        while (ic && ic->mro && at < ic->n_mro && ic->mro[at] != c) at++;
        if (ic && ic->mro && at < ic->n_mro) {
            for (int32_t k = at + 1; k < ic->n_mro; k++) {
                py_val *v = py_attrs_find(&ic->mro[k]->dict, name);
                if (v) return class_attr(I, s->self, s->self.t == PV_OBJ, *v, out);
            }
        } else {
            for (int32_t k = 0; k < c->n_bases; k++) {
                py_class *in;
                py_val *v = py_class_lookup(c->bases[k], name, &in);
                if (v) return class_attr(I, s->self, s->self.t == PV_OBJ, *v, out);
            }
        }
        if (name == I->s_init && s->self.t == PV_OBJ) {   /* object.__init__, bound */
            *out = pv_builtin(I, "__init__", py_builtin_type_init, s->self, "object", 1);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
        return py_raise(I, "AttributeError", "'super' object has no attribute '%s'", private_name(I, name));
    }
    default: {
        /* torch.return_types.max/min: the (values, indices) pair torch_extremum makes */
        if (obj.t == PV_TUPLE && pv_as_seq(obj)->n == 2 && pv_as_seq(obj)->v[1].t == PV_TENSOR &&
            pv_as_tensor(pv_as_seq(obj)->v[1])->is_indices) {
            const char *nm = py_sym_name(I->syms, name);
            if (!strcmp(nm, "values") || !strcmp(nm, "indices")) {
                *out = pv_as_seq(obj)->v[nm[0] == 'i'];
                return 0;
            }
        }
        if (obj.t == PV_BUILTIN && !strcmp(py_sym_name(I->syms, name), "__name__")) {   /* len.__name__, int.__name__ */
            *out = pv_cstr(I, ((const py_builtin *)obj.u.p)->name);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
        if (obj.t == PV_BUILTIN) {
            int tr = py_builtin_type_attr(I, obj, name, out);
            if (tr <= 0) return tr;
        }
        if (name == I->s_class) {   /* x.__class__ is type(x) */
            if (obj.t == PV_NONE) return py_none_type(I, out);
            py_val *b = py_attrs_find(&I->builtins, py_s(I, py_type_name(&obj)));
            if (b) { *out = *b; return 0; }
            return py_unsupported(I, "cnnc cannot follow the __class__ of a %s", py_type_name(&obj));
        }
        if ((obj.t == PV_TUPLE && pv_as_seq(obj)->nt) || obj.t == PV_BUILTIN) {
            int nr = py_namedtuple_attr(I, obj, name, out);
            if (nr <= 0) return nr;
        }
        if (pv_is_np(&obj)) {
            int nr = py_numpy_scalar_attr(I, obj, name, out);
            if (nr <= 0) return nr;
        }
        int r = py_builtin_method(I, obj, name, out);
        if (r > 0) return 0;
        if (r < 0) return -1;
        const char *tn = py_type_name(&obj), *nm = py_sym_name(I->syms, name);
        if (obj.t == PV_STR && !strcmp(nm, "type")) {
            /* cnnc holds a torch.device as its name: x.device.type is the part before ':' */
            const py_str *d = pv_as_str(obj);
            const size_t len = strcspn(d->s, ":");
            if ((len == 3 && !memcmp(d->s, "cpu", 3)) || (len == 4 && !memcmp(d->s, "cuda", 4))) {
                *out = pv_str(I, d->s, (int32_t)len);
                return out->t == PV_UNBOUND ? py_nomem(I) : 0;
            }
        }
        /* a real method cnnc does not model; a tuple may be a namedtuple, whose fields cnnc does not keep
         * (but none is named as list's methods, which a tuple lacks but index and count: `channels.copy()`) */
        for (int k = 0; obj.t == PV_TUPLE && !pv_as_seq(obj)->nt && py_list_methods[k]; k++)
            if (!strcmp(nm, py_list_methods[k]) && strcmp(nm, "index") && strcmp(nm, "count"))
                return py_raise(I, "AttributeError", "'tuple' object has no attribute '%s'", nm);
        /* the data types' special methods (d.__setitem__, x.__len__), which cnnc does not list */
        static const char *const special[] = {"__setitem__", "__getitem__", "__delitem__", "__len__", "__contains__",
                                              "__iter__", "__add__", "__mul__", "__eq__", "__ne__", "__lt__", "__hash__",
                                              "__str__", "__repr__", "__format__", "__bool__", "__int__", "__float__", NULL};
        int dunder = 0;
        for (int k = 0; special[k] && (obj.t == PV_DICT || obj.t == PV_LIST || obj.t == PV_SET || obj.t == PV_STR ||
                                       pv_is_num(obj)); k++)
            dunder |= !strcmp(nm, special[k]);
        if (py_real_name(obj.t == PV_SIZE ? "tuple" : tn, nm) || obj.t == PV_TUPLE || dunder)
            return py_unsupported(I, "cnnc cannot follow %s.%s", tn, nm);
        return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", tn, nm);
    }
    }
}

/* `del obj.name` and delattr(obj, name): an instance attribute, or a module's parameter, buffer or
 * child (Module.__delattr__). What else it would delete is refused. */
int py_delattr(interp *I, py_val obj, py_sym name) {
    if (obj.t == PV_OBJ) {
        py_obj *o = pv_as_obj(obj);
        if (py_attrs_del(&o->attrs, name)) return 0;
        if (o->nn && (py_attrs_del(&o->nn->params, name) || py_attrs_del(&o->nn->buffers, name) ||
                      py_attrs_del(&o->nn->children, name)))
            return 0;
    }
    return py_unsupported(I, "cnnc cannot follow deleting %s of a %s", py_sym_name(I->syms, name), py_type_name(&obj));
}

int py_setattr(interp *I, py_val obj, py_sym name, py_val v) {
    if (obj.t == PV_OBJ) {
        py_obj *o = pv_as_obj(obj);
        py_class *in;
        py_val *cv = py_class_lookup(o->cls, name, &in);
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
    if (obj.t == PV_BUILTIN) {
        int r = py_namedtuple_setattr(I, obj, name, v);
        if (r <= 0) return r;
    }
    if (obj.t == PV_MODULE) {
        py_module_ns *m = (py_module_ns *)obj.u.p;
        if (m->attrs) return py_attrs_set(I, m->attrs, name, v);
    }
    if (obj.t == PV_TENSOR && !strcmp(py_sym_name(I->syms, name), "data") && pv_as_tensor(obj)->node == TENSOR_CONST) {
        /* p.data = t, p.data *= mask: p keeps what it is and takes t's shape */
        if (v.t != PV_TENSOR) return py_raise(I, "TypeError", "Variable data has to be a tensor, but got %s", py_type_name(&v));
        py_tensor *t = pv_as_tensor(obj);
        const cnnc_shape *ns = &pv_as_tensor(v)->shape;
        if (t->owner && (t->shape.ndim != ns->ndim || memcmp(t->shape.d, ns->d, (size_t)ns->ndim * sizeof ns->d[0])))   /* the layer's own weight changes shape */
            return py_unsupported(I, "cnnc cannot follow giving a layer's parameter data of another shape");
        t->shape = *ns;
        return 0;
    }
    if (obj.t == PV_TENSOR && !strcmp(py_sym_name(I->syms, name), "data")) {
        /* x.data = f(x.data) on a tensor forward computed (a binarized net's `input.data = Binarize(input.data)`):
         * the tensor object holds the new tensor's values from here on, for every name bound to it */
        if (v.t != PV_TENSOR) return py_raise(I, "TypeError", "Variable data has to be a tensor, but got %s", py_type_name(&v));
        py_tensor *t = pv_as_tensor(obj);
        const py_tensor *src = pv_as_tensor(v);
        if (t == src) return 0;
        const int32_t id = t->id;
        py_attrs *extra = t->extra;
        *t = *src;
        t->id = id;
        t->extra = extra;
        return 0;
    }
    if (obj.t == PV_TENSOR) {
        /* a name of the model's own (w.lr_equalization_coef = c): kept on the tensor; Tensor's own
         * attributes (shape, grad, requires_grad ...) are not followed */
        const char *nm = py_sym_name(I->syms, name);
        if (!strcmp(nm, "requires_grad")) return py_tensor_set_requires_grad(I, obj, v);
        if (py_real_name("Tensor", nm)) return py_unsupported(I, "cnnc cannot follow setting Tensor.%s", nm);
        py_tensor *t = pv_as_tensor(obj);
        if (!t->extra && !(t->extra = (py_attrs *)py_alloc(I->arena, sizeof *t->extra))) return py_nomem(I);
        return py_attrs_set(I, t->extra, name, v);
    }
    if (obj.t == PV_OPAQUE) return py_opaque_use(I, obj);
    if (obj.t == PV_FUNC) return 0;
    return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", py_type_name(&obj), py_sym_name(I->syms, name));
}

/* -------------------------------------------------------------------- ints */

/* Tensor.__index__: an integer (or bool) tensor of one element gives its value; any other
 * tensor PyTorch's TypeError, where cnnc knows the dtype or the size decides. -1 raised. */
int py_tensor_index(interp *I, py_val v, int64_t *out) {
    const py_tensor *t = pv_as_tensor(v);
    const py_known *k = py_tensor_known(t);
    const int is_int = t->is_indices || t->is_mask || t->value_kind == PV_INT || t->value_kind == PV_BOOL || (k && k->is_int);
    const int is_float = !is_int && (t->node != TENSOR_CONST || t->known_float || t->value_kind == PV_FLOAT);
    if (cnnc_shape_numel(&t->shape) != 1 || is_float)
        return py_raise(I, "TypeError", "only integer tensors of a single element can be converted to an index");
    if (is_int && (t->value_kind == PV_INT || t->value_kind == PV_BOOL)) { *out = (int64_t)t->value; return 0; }
    if (is_int && k) { *out = (int64_t)py_known_at(k, 0); return 0; }
    return py_unsupported(I, "cnnc cannot follow an index read from a tensor's value (cnnc follows shapes, not values)");
}

int py_int_of(interp *I, py_val v, int64_t *out) {
    if (v.t == PV_OPAQUE) return py_opaque_use(I, v);
    if (pv_is_int(v)) {
        if (v.big) return py_raise(I, "OverflowError", "Python int too large to convert to C ssize_t");
        *out = v.u.i;
        return 0;
    }
    if (v.t == PV_TENSOR) return py_tensor_index(I, v, out);
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
        if (obj.t == PV_LIST && obj.pad) return py_raise(I, "TypeError", "'%s' object is not subscriptable", py_type_name(&obj));
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
        const py_val factory = pv_as_dict(obj)->default_factory;
        if (factory.t != PV_UNBOUND && factory.t != PV_NONE) {   /* defaultdict.__missing__ */
            if (py_call(I, factory, NULL, 0, NULL, NULL, 0, out)) return -1;
            return py_dict_set(I, obj, key, *out);
        }
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
        py_seq tmp = {n, n, items, NULL};
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
    case PV_BUILTIN:   /* np.ogrid[...]; list[int], tuple[int, int] */
        if (((const py_builtin *)obj.u.p)->fn == builtin_np_ogrid_call) return py_numpy_ogrid(I, key, out);
        *out = pv_ptr(PV_TYPING, NULL);
        return 0;
    case PV_TYPING: case PV_CLASS:   /* List[int], Type[X]; ClassVar[int] stays ClassVar */
        if (obj.t == PV_CLASS) {   /* Color['RED'] */
            const int r = py_enum_getitem(I, pv_as_class(obj), key, out);
            if (r <= 0) return r;
        }
        *out = pv_ptr(PV_TYPING, obj.t == PV_TYPING ? obj.u.p : NULL);
        return 0;
    default:
        return py_raise(I, "TypeError", "'%s' object is not subscriptable", py_type_name(&obj));
    }
}

