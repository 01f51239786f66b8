/* stdlib_abc.c — the abc module as model code uses it: a base model class declared
 * `class BaseModel(nn.Module, ABC)` (or `metaclass=ABCMeta`) with `@abstractmethod`
 * methods its subclasses implement. Instantiating a class that still has abstract
 * methods raises CPython 3.11's TypeError from object.__new__, before __init__ runs:
 * "Can't instantiate abstract class Base with abstract methods forward, head" (the names
 * sorted, "method" for one). Calling ABCMeta itself, register() and the other names of
 * abc are refused. Loaded on first `import abc`. */
#include "py/interp.h"

#include <stdlib.h>
#include <string.h>

/* abc.abstractmethod(f): marks f (or the function inside a staticmethod, classmethod or
 * property) and returns it, as setting f.__isabstractmethod__ does */
static int b_abstractmethod(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                            int32_t n_kw, py_val *out) {
    (void)self; (void)kw; (void)kwv;
    if (n != 1 || n_kw) return py_raise(I, "TypeError", "abstractmethod() takes exactly one argument (%d given)", (int)(n + n_kw));
    py_val f = a[0];
    if (f.t == PV_STATICMETHOD || f.t == PV_CLASSMETHOD || f.t == PV_PROPERTY) f = *(py_val *)f.u.p;
    if (f.t != PV_FUNC) return py_unsupported(I, "cnnc follows abc.abstractmethod on a function, not on a %s", py_type_name(&f));
    ((py_func *)f.u.p)->abstract = 1;
    *out = a[0];
    return 0;
}

static int b_abcmeta(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                     py_val *out) {
    (void)self; (void)a; (void)n; (void)kw; (void)kwv; (void)n_kw; (void)out;
    return py_unsupported(I, "cnnc follows abc.ABCMeta as a metaclass only");
}

py_module_ns *py_stdlib_abc(interp *I) {
    if (I->m_abc) return I->m_abc;
    py_module_ns *m = py_module_new(I, "abc");
    py_class *abc = py_class_new(I, "ABC", PB_OBJECT, NULL);
    if (!m || !abc) { py_nomem(I); return NULL; }
    abc->module = "abc";
    abc->qualname = "ABC";
    abc->abc = 1;
    py_val meta = pv_builtin(I, "ABCMeta", b_abcmeta, pv_unbound(), NULL, 0);
    py_val am = pv_builtin(I, "abstractmethod", b_abstractmethod, pv_unbound(), NULL, 0);
    if (meta.t == PV_UNBOUND || am.t == PV_UNBOUND || py_attrs_set(I, m->attrs, py_s(I, "ABC"), pv_ptr(PV_CLASS, abc)) ||
        py_attrs_set(I, m->attrs, py_s(I, "ABCMeta"), meta) || py_attrs_set(I, m->attrs, py_s(I, "abstractmethod"), am)) {
        py_nomem(I);
        return NULL;
    }
    m->getattr = py_refuse_other_names;
    I->m_abc = m;
    return m;
}

int py_abc_is_meta(interp *I, py_val v) {
    if (!I->m_abc || v.t != PV_BUILTIN) return 0;
    const py_val *meta = py_attrs_find(I->m_abc->attrs, py_s(I, "ABCMeta"));
    return meta && meta->u.p == v.u.p;
}

static int is_abstract(py_val v) {
    if (v.t == PV_PROPERTY) {   /* a property is abstract when its getter or setter is */
        const py_val *p = (const py_val *)v.u.p;
        return (p[0].t == PV_FUNC && ((py_func *)p[0].u.p)->abstract) || (p[1].t == PV_FUNC && ((py_func *)p[1].u.p)->abstract);
    }
    if (v.t == PV_STATICMETHOD || v.t == PV_CLASSMETHOD) v = *(const py_val *)v.u.p;
    return v.t == PV_FUNC && ((py_func *)v.u.p)->abstract;
}

static int by_name(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

/* The abstract methods class c still has, sorted and joined by ", " into *names: every
 * name the MRO defines resolves to its first definition, as ABCMeta computes
 * __abstractmethods__. Their count, or -1 out of memory. */
int py_abc_abstract_methods(interp *I, const py_class *c, cnnc_strbuf *names) {
    if (!c->abc) return 0;
    int32_t total = 0;
    for (int32_t k = 0; k < c->n_mro; k++) total += c->mro[k]->dict.n;
    if (!total) return 0;
    const char **found = (const char **)py_alloc(I->arena, (size_t)total * sizeof *found);
    py_sym *seen = (py_sym *)py_alloc(I->arena, (size_t)total * sizeof *seen);
    if (!found || !seen) return -1;
    int32_t n_seen = 0, n_abstract = 0;
    for (int32_t k = 0; k < c->n_mro; k++) {
        const py_attrs *d = &c->mro[k]->dict;
        for (int32_t j = 0; j < d->n; j++) {
            int earlier = 0;
            for (int32_t q = 0; q < n_seen && !earlier; q++) earlier = seen[q] == d->k[j];
            if (earlier) continue;
            seen[n_seen++] = d->k[j];
            if (is_abstract(d->v[j])) found[n_abstract++] = py_sym_name(I->syms, d->k[j]);
        }
    }
    qsort(found, (size_t)n_abstract, sizeof *found, by_name);
    for (int32_t k = 0; k < n_abstract; k++) cnnc_sb_printf(names, "%s%s", k ? ", " : "", found[k]);
    return n_abstract;
}

/* c's own body declares an abstract method: a base class by intent */
int py_abc_declares_abstract(const py_class *c) {
    if (!c->abc) return 0;
    for (int32_t j = 0; j < c->dict.n; j++)
        if (is_abstract(c->dict.v[j])) return 1;
    return 0;
}

/* object.__new__'s check, before __init__ runs */
int py_abc_check_instantiable(interp *I, const py_class *c) {
    cnnc_strbuf sb = {0};
    const int n = py_abc_abstract_methods(I, c, &sb);
    if (n < 0) { cnnc_sb_free(&sb); return py_nomem(I); }
    if (n) py_raise(I, "TypeError", "Can't instantiate abstract class %s with abstract method%s %s", c->name, n > 1 ? "s" : "",
                    sb.p ? sb.p : "");
    cnnc_sb_free(&sb);
    return n ? -1 : 0;
}
