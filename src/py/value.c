/* value.c — the evaluator's values: construction, attribute maps, dicts,
 * Python's type names, str() and repr(), truthiness and equality, and the
 * exceptions it raises. */
#include "py/interp.h"
#include "py/call_internal.h"
#include "layers/layer_util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* --------------------------------------------------------------- making */

py_val pv_str(interp *I, const char *s, size_t n) {
    py_str *p = (py_str *)py_alloc(I->arena, sizeof(py_str) + n + 1);
    if (!p) return pv_unbound();
    p->len = (int32_t)n;
    memcpy(p->s, s, n);
    p->s[n] = '\0';
    return pv_ptr(PV_STR, p);
}

py_val pv_cstr(interp *I, const char *s) { return pv_str(I, s, strlen(s)); }

py_val pv_seq(interp *I, py_type t, int32_t n) {
    py_seq *q = (py_seq *)py_alloc(I->arena, sizeof *q);
    if (!q) return pv_unbound();
    int32_t cap = n > 4 ? n : 4;
    q->v = (py_val *)py_alloc(I->arena, (size_t)cap * sizeof(py_val));
    if (!q->v) return pv_unbound();
    for (int32_t k = 0; k < n; k++) q->v[k] = pv_none();
    q->n = n;
    q->cap = cap;
    return pv_ptr(t, q);
}

py_val pv_dict(interp *I) {
    py_dict *d = (py_dict *)py_alloc(I->arena, sizeof *d);
    return d ? pv_ptr(PV_DICT, d) : pv_unbound();
}

py_val pv_builtin(interp *I, const char *name, py_native fn, py_val self, const void *data, int data2) {
    py_builtin *b = (py_builtin *)py_alloc(I->arena, sizeof *b);
    if (!b) return pv_unbound();
    b->name = name;
    b->fn = fn;
    b->self = self;
    b->data = data;
    b->data2 = data2;
    return pv_ptr(PV_BUILTIN, b);
}

py_val pv_tensor_copy(interp *I, const py_tensor *x) {
    py_val v = pv_tensor(I, &x->shape, x->node);
    if (v.t == PV_UNBOUND) return v;
    py_tensor *c = pv_as_tensor(v);
    const int32_t id = c->id;   /* its own id: provenance and by_id name this tensor */
    *c = *x;
    c->id = id;
    c->known = NULL;   /* a copy is another storage: callers that alias it share x->known themselves */
    c->param_view = 0;
    return v;
}

const py_known *py_tensor_known(const py_tensor *x) { return x->known && x->known->kind ? x->known : NULL; }

int py_tensor_set_known(interp *I, py_tensor *x, int kind, double fill) {
    py_known *k = (py_known *)py_alloc(I->arena, sizeof *k);
    if (!k) return py_nomem(I);
    k->kind = kind;
    k->fill = fill;
    x->known = k;
    return 0;
}

double py_known_at(const py_known *k, int64_t i) {
    switch (k->kind) {
    case KNOWN_FILL: return k->fill;
    case KNOWN_ARANGE: return k->fill + (double)i * k->step;
    case KNOWN_VALUES: return i >= 0 && i < k->count ? k->vals[i] : 0.0;
    case KNOWN_LINSPACE: {   /* ATen's CPU kernel, in float32: from the start below halfway, from the end after */
        const float start = (float)k->fill, end = (float)k->step;
        if (k->count <= 1) return start;
        const float step = (end - start) / (float)(k->count - 1);
        const int64_t halfway = k->count / 2;
        return i < halfway ? (double)(start + step * (float)i) : (double)(end - step * (float)(k->count - i - 1));
    }
    default: return 0.0;
    }
}

int py_known_bounds(const py_tensor *x, double *lo, double *hi) {
    const py_known *k = py_tensor_known(x);
    const int64_t numel = cnnc_shape_numel(&x->shape);
    if (!k || numel <= 0) return 0;
    switch (k->kind) {
    case KNOWN_FILL: *lo = *hi = k->fill; return 1;
    case KNOWN_VALUES:
        *lo = *hi = k->vals[0];
        for (int64_t i = 1; i < k->count; i++) {
            *lo = k->vals[i] < *lo ? k->vals[i] : *lo;
            *hi = k->vals[i] > *hi ? k->vals[i] : *hi;
        }
        return 1;
    default: {   /* ARANGE and LINSPACE are monotonic: their ends bound them */
        const double first = py_known_at(k, 0), last = py_known_at(k, numel - 1);
        *lo = first < last ? first : last;
        *hi = first < last ? last : first;
        return 1;
    }
    }
}

const double *py_known_values(interp *I, const py_tensor *x) {
    const py_known *k = py_tensor_known(x);
    const int64_t n = cnnc_shape_numel(&x->shape);
    if (!k || n > PY_KNOWN_VALUES_MAX) return NULL;
    if (k->kind == KNOWN_VALUES) return k->count == n ? k->vals : NULL;
    double *v = (double *)py_alloc(I->arena, (size_t)(n > 0 ? n : 1) * sizeof *v);
    if (!v) return NULL;
    for (int64_t i = 0; i < n; i++) v[i] = py_known_at(k, i);
    return v;
}

int py_tensor_set_values(interp *I, py_tensor *x, const double *v, int64_t n, int is_int) {
    double *copy = (double *)py_alloc(I->arena, (size_t)(n > 0 ? n : 1) * sizeof *copy);
    if (!copy || py_tensor_set_known(I, x, KNOWN_VALUES, 0.0)) return py_nomem(I);
    if (n) memcpy(copy, v, (size_t)n * sizeof *copy);
    x->known->vals = copy;
    x->known->count = n;
    x->known->is_int = is_int;
    return 0;
}

int py_tensor_copy_known(interp *I, py_tensor *x, const py_known *k) {
    if (py_tensor_set_known(I, x, k->kind, k->fill)) return -1;
    *x->known = *k;
    if (k->kind == KNOWN_VALUES && k->count > 0) {   /* its own values: a write into x leaves k's */
        double *v = (double *)py_alloc(I->arena, (size_t)k->count * sizeof *v);
        if (!v) return py_nomem(I);
        memcpy(v, k->vals, (size_t)k->count * sizeof *v);
        x->known->vals = v;
    }
    return 0;
}

void py_tensor_same_elements(py_tensor *dst, const py_tensor *src) {
    dst->is_indices = src->is_indices;
    dst->index_bound = src->index_bound;
    dst->is_mask = src->is_mask;
    dst->known_float = src->known_float;
    dst->is_complex = src->is_complex;
}

void py_tensor_forget_values(py_tensor *x) {
    if (x->known) x->known->kind = KNOWN_NONE;
    x->value_kind = 0;
    x->mask_known = 0;
}

py_val pv_tensor(interp *I, const cnnc_shape *shape, int32_t node) {
    py_tensor *t = (py_tensor *)py_alloc(I->arena, sizeof *t);
    if (!t) return pv_unbound();
    t->shape = *shape;
    t->node = node;
    t->is_param = t->is_indices = 0;
    t->owner = NULL;
    t->index_plane = 0;
    t->index_bound = 0;
    t->known_float = 0;
    t->strided = 0;
    t->extra = NULL;
    t->value_kind = 0;
    t->value = 0.0;
    t->id = I->g.next_tensor_id;
    if (py_grow(I, (void **)&I->g.by_id, &I->g.cap_by_id, t->id + 1, sizeof *I->g.by_id)) return pv_unbound();
    I->g.by_id[I->g.next_tensor_id++] = t;
    return pv_ptr(PV_TENSOR, t);
}

int py_seq_push(interp *I, py_val seq, py_val item) {
    py_seq *q = pv_as_seq(seq);
    if (q->n == q->cap) {
        int32_t cap = q->cap ? q->cap * 2 : 4;
        if (cap > (1 << 26)) return py_raise(I, "MemoryError", "list too long for cnnc (%d items)", (int)q->n);
        py_val *v = (py_val *)py_alloc(I->arena, (size_t)cap * sizeof *v);
        if (!v) return py_nomem(I);
        if (q->n) memcpy(v, q->v, (size_t)q->n * sizeof *v);
        q->v = v;
        q->cap = cap;
    }
    q->v[q->n++] = item;
    return 0;
}

/* ---------------------------------------------------------------- attrs */

#define ATTRS_INDEXED 16

static uint32_t attr_slot(py_sym k, int32_t cap) {
    uint32_t h = (uint32_t)k * 0x9E3779B1u;
    return (h ^ (h >> 15)) & (uint32_t)(cap - 1);
}

py_val *py_attrs_find(py_attrs *a, py_sym k) {
    if (a->ix && a->ix_n == a->n) {
        for (uint32_t h = attr_slot(k, a->ix_cap); a->ix[h]; h = (h + 1) & (uint32_t)(a->ix_cap - 1))
            if (a->k[a->ix[h] - 1] == k) return &a->v[a->ix[h] - 1];
        return NULL;
    }
    for (int32_t i = 0; i < a->n; i++)
        if (a->k[i] == k) return &a->v[i];
    return NULL;
}

static void index_one(py_attrs *a, int32_t i) {
    uint32_t h = attr_slot(a->k[i], a->ix_cap);
    while (a->ix[h]) h = (h + 1) & (uint32_t)(a->ix_cap - 1);
    a->ix[h] = i + 1;
}

/* Index the name just appended at n - 1: in place while the index is valid
 * and at most half full, else rebuilt at four slots per name. */
static int index_appended(interp *I, py_attrs *a) {
    if (a->n < ATTRS_INDEXED) return 0;
    if (a->ix && a->ix_n == a->n - 1 && a->n * 2 <= a->ix_cap) {
        index_one(a, a->n - 1);
        a->ix_n = a->n;
        return 0;
    }
    int32_t cap = 64;
    while (cap < a->n * 4) cap *= 2;
    int32_t *ix = (int32_t *)py_alloc(I->arena, (size_t)cap * sizeof *ix);
    if (!ix) return py_nomem(I);
    a->ix = ix;
    a->ix_cap = cap;
    for (int32_t i = 0; i < a->n; i++) index_one(a, i);
    a->ix_n = a->n;
    return 0;
}

int py_attrs_set(interp *I, py_attrs *a, py_sym k, py_val v) {
    py_val *slot = py_attrs_find(a, k);
    if (slot) { *slot = v; return 0; }
    if (a->n == a->cap) {
        int32_t cap = a->cap ? a->cap * 2 : 8;
        py_sym *nk = (py_sym *)py_alloc(I->arena, (size_t)cap * sizeof *nk);
        py_val *nv = (py_val *)py_alloc(I->arena, (size_t)cap * sizeof *nv);
        if (!nk || !nv) return py_nomem(I);
        if (a->n) {
            memcpy(nk, a->k, (size_t)a->n * sizeof *nk);
            memcpy(nv, a->v, (size_t)a->n * sizeof *nv);
        }
        a->k = nk;
        a->v = nv;
        a->cap = cap;
    }
    a->k[a->n] = k;
    a->v[a->n] = v;
    a->n++;
    return index_appended(I, a);
}

int py_attrs_del(py_attrs *a, py_sym k) {
    for (int32_t i = 0; i < a->n; i++)
        if (a->k[i] == k) {
            memmove(a->k + i, a->k + i + 1, (size_t)(a->n - i - 1) * sizeof *a->k);
            memmove(a->v + i, a->v + i + 1, (size_t)(a->n - i - 1) * sizeof *a->v);
            a->n--;
            py_attrs_unindex(a);
            return 1;
        }
    return 0;
}

/* ----------------------------------------------------------------- dict */

static int hashable(interp *I, py_val k) {
    if (k.t == PV_LIST || k.t == PV_DICT || k.t == PV_SET)
        return py_raise(I, "TypeError", "unhashable type: '%s'", py_type_name(&k));
    return 0;
}

int32_t py_items_find(interp *I, const py_val *items, int32_t n, py_val item) {
    for (int32_t i = 0; i < n; i++)
        if (py_equal(I, items[i], item)) return i;
    return py_charge(I, 0) ? -2 : -1;
}

int32_t py_dict_find(interp *I, const py_dict *d, py_val key) { return py_items_find(I, d->k, d->n, key); }

int py_dict_remove_at(interp *I, py_dict *d, int32_t i) {
    if (py_charge(I, (d->n - i) >> 3)) return -1;
    memmove(d->k + i, d->k + i + 1, (size_t)(d->n - i - 1) * sizeof *d->k);
    memmove(d->v + i, d->v + i + 1, (size_t)(d->n - i - 1) * sizeof *d->v);
    d->n--;
    return 0;
}

int py_set_add(interp *I, py_val set, py_val v) {
    const int32_t at = py_items_find(I, pv_as_seq(set)->v, pv_as_seq(set)->n, v);
    return at < -1 ? -1 : at >= 0 ? 0 : py_seq_push(I, set, v);
}

int py_dict_get(interp *I, py_val dict, py_val key, py_val *out) {
    if (hashable(I, key)) return -1;
    const int32_t i = py_dict_find(I, pv_as_dict(dict), key);
    if (i < -1) return -1;
    if (i >= 0) *out = pv_as_dict(dict)->v[i];
    return i >= 0;
}

int py_dict_delete_through(interp *I, const py_dict *d, py_val key) {
    if (d->of) return py_unsupported(I, "cnnc cannot follow deleting from an object's __dict__");
    if (d->mirror && key.t == PV_STR) py_attrs_del(d->mirror, py_s(I, pv_as_str(key)->s));
    return 0;
}

int py_dict_set(interp *I, py_val dict, py_val key, py_val v) {
    if (hashable(I, key)) return -1;
    py_dict *d = pv_as_dict(dict);
    if (d->mirror)
        return py_unsupported(I, "cnnc cannot follow assigning into a module's _modules, _parameters or _buffers dict (it "
                                 "follows setattr, register_parameter and register_buffer)");
    if (d->of) {   /* obj.__dict__[name] = v: the attribute itself, past any __setattr__ (as Python) */
        if (key.t != PV_STR) return py_unsupported(I, "cnnc cannot follow a __dict__ key of type %s", py_type_name(&key));
        if (py_attrs_set(I, &d->of->attrs, py_s(I, pv_as_str(key)->s), v)) return -1;
    }
    const int32_t i = py_dict_find(I, d, key);
    if (i < -1) return -1;
    if (i >= 0) { d->v[i] = v; return 0; }
    if (d->n == d->cap) {
        int32_t cap = d->cap ? d->cap * 2 : 8;
        py_val *nk = (py_val *)py_alloc(I->arena, (size_t)cap * sizeof *nk);
        py_val *nv = (py_val *)py_alloc(I->arena, (size_t)cap * sizeof *nv);
        if (!nk || !nv) return py_nomem(I);
        if (d->n) {
            memcpy(nk, d->k, (size_t)d->n * sizeof *nk);
            memcpy(nv, d->v, (size_t)d->n * sizeof *nv);
        }
        d->k = nk;
        d->v = nv;
        d->cap = cap;
    }
    d->k[d->n] = key;
    d->v[d->n] = v;
    d->n++;
    return 0;
}

/* ---------------------------------------------------------------- names */

py_val pv_opaque(interp *I, const char *name) {
    py_opaque *o = (py_opaque *)py_alloc(I->arena, sizeof *o);
    if (!o) return pv_unbound();
    o->name = py_strndup(I->arena, name, strlen(name));
    if (!o->name) return pv_unbound();
    return pv_ptr(PV_OPAQUE, o);
}

int py_opaque_use(interp *I, py_val v) {
    return py_unsupported(I, "cnnc cannot follow %s (cnnc does not model it)", ((py_opaque *)v.u.p)->name);
}

const char *py_type_name(const py_val *v) {
    switch ((py_type)v->t) {
    case PV_UNBOUND: return "NoneType";
    case PV_NONE: return "NoneType";
    case PV_BOOL: return "bool";
    case PV_INT: return v->pad == PV_NP_INT64 ? "numpy.int64" : v->pad == PV_NP_INT32 ? "numpy.int32" : "int";
    case PV_FLOAT: return v->pad == PV_NP_FLOAT64 ? "numpy.float64" : v->pad == PV_NP_FLOAT32 ? "numpy.float32" : "float";
    case PV_STR: return "str";
    case PV_TUPLE: return "tuple";
    case PV_LIST: return v->pad == PV_VIEW_KEYS ? "dict_keys" : v->pad == PV_VIEW_VALUES ? "dict_values"
                       : v->pad == PV_VIEW_ITEMS ? "dict_items" : "list";
    case PV_DICT: return "dict";
    case PV_SET: return "set";
    case PV_RANGE: return "range";
    case PV_SLICE: return "slice";
    case PV_ELLIPSIS: return "ellipsis";
    case PV_FUNC: return "function";
    case PV_BOUND: return "method";
    case PV_BUILTIN: return "builtin_function_or_method";
    case PV_CLASS: return "type";
    case PV_OBJ: return pv_as_obj(*v)->cls->name;
    case PV_MODULE: return "module";
    case PV_TENSOR: return pv_as_tensor(*v)->is_param ? "Parameter" : "Tensor";
    case PV_DTYPE: return "torch.dtype";   /* the C types' tp_name, as messages print it */
    case PV_TYPING: return "_GenericAlias";
    case PV_PARTIAL: return "functools.partial";
    case PV_SIZE: return "torch.Size";
    case PV_EXC: return "Exception";
    case PV_ITER: return "generator";   /* a module's parameters(), iter(x) */
    case PV_PROPERTY: return "property";
    case PV_STATICMETHOD: return "staticmethod";
    case PV_CLASSMETHOD: return "classmethod";
    case PV_SUPER: return "super";
    case PV_DEVICE: return "torch.device";
    case PV_OPAQUE: return ((const py_opaque *)v->u.p)->name;
    }
    return "object";
}

/* ------------------------------------------------------------ str, repr */

static void repr_str(const py_str *s, cnnc_strbuf *sb) {
    /* Python picks single quotes unless the text has one and no double quote */
    int has_single = memchr(s->s, '\'', (size_t)s->len) != NULL, has_double = memchr(s->s, '"', (size_t)s->len) != NULL;
    char q = has_single && !has_double ? '"' : '\'';
    cnnc_sb_putn(sb, &q, 1);
    for (int32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->s[i];
        if (c == (unsigned char)q || c == '\\') cnnc_sb_printf(sb, "\\%c", c);
        else if (c == '\n') cnnc_sb_puts(sb, "\\n");
        else if (c == '\t') cnnc_sb_puts(sb, "\\t");
        else if (c == '\r') cnnc_sb_puts(sb, "\\r");
        else if (c < 0x20 || c == 0x7f) cnnc_sb_printf(sb, "\\x%02x", c);
        else cnnc_sb_putn(sb, (const char *)&c, 1);
    }
    cnnc_sb_putn(sb, &q, 1);
}

static void repr_seq(interp *I, const py_seq *q, const char *open, const char *close, int tuple, cnnc_strbuf *sb) {
    cnnc_sb_puts(sb, open);
    for (int32_t i = 0; i < q->n; i++) {
        if (i) cnnc_sb_puts(sb, ", ");
        if (sb->len > 4096) { cnnc_sb_puts(sb, "..."); break; }
        py_repr(I, q->v[i], sb);
    }
    if (tuple && q->n == 1) cnnc_sb_puts(sb, ",");
    cnnc_sb_puts(sb, close);
}

void py_repr(interp *I, py_val v, cnnc_strbuf *sb) {
    char f[64];
    switch ((py_type)v.t) {
    case PV_NONE: case PV_UNBOUND: cnnc_sb_puts(sb, "None"); return;
    case PV_OPAQUE: cnnc_sb_printf(sb, "<%s>", ((const py_opaque *)v.u.p)->name); return;
    case PV_BOOL: cnnc_sb_puts(sb, v.u.i ? "True" : "False"); return;
    case PV_INT: cnnc_sb_printf(sb, "%lld", (long long)v.u.i); return;
    case PV_FLOAT: cnnc_py_float_repr(v.u.f, f, sizeof f); cnnc_sb_puts(sb, f); return;
    case PV_STR: repr_str(pv_as_str(v), sb); return;
    case PV_TUPLE: if (py_namedtuple_repr(I, v, sb)) repr_seq(I, pv_as_seq(v), "(", ")", 1, sb); return;
    case PV_LIST:
        if (v.pad) {   /* dict_keys(['a', 'b']) */
            cnnc_sb_printf(sb, "%s(", py_type_name(&v));
            repr_seq(I, pv_as_seq(v), "[", "])", 0, sb);
            return;
        }
        repr_seq(I, pv_as_seq(v), "[", "]", 0, sb);
        return;
    case PV_SIZE: repr_seq(I, pv_as_seq(v), "torch.Size([", "])", 0, sb); return;
    case PV_SET: {
        const py_seq *q = pv_as_seq(v);
        if (!q->n) cnnc_sb_puts(sb, "set()");
        else repr_seq(I, q, "{", "}", 0, sb);
        return;
    }
    case PV_DICT: {
        const py_dict *d = pv_as_dict(v);
        cnnc_sb_puts(sb, "{");
        for (int32_t i = 0; i < d->n; i++) {
            if (i) cnnc_sb_puts(sb, ", ");
            if (sb->len > 4096) { cnnc_sb_puts(sb, "..."); break; }   /* as repr_seq: a bound, and no deep recursion */
            py_repr(I, d->k[i], sb);
            cnnc_sb_puts(sb, ": ");
            py_repr(I, d->v[i], sb);
        }
        cnnc_sb_puts(sb, "}");
        return;
    }
    case PV_RANGE: {
        const py_range *r = (const py_range *)v.u.p;
        if (r->step == 1) cnnc_sb_printf(sb, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        else cnnc_sb_printf(sb, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
        return;
    }
    case PV_ELLIPSIS: cnnc_sb_puts(sb, "Ellipsis"); return;
    case PV_DTYPE: cnnc_sb_printf(sb, "torch.%s", (const char *)v.u.p); return;
    case PV_CLASS: {
        const py_class *c = pv_as_class(v);
        if (c->is_enum) cnnc_sb_printf(sb, "<enum '%s'>", c->name);
        else if (c->user) cnnc_sb_printf(sb, "<class '__main__.%s'>", c->qualname);
        else if (c->module && strcmp(c->module, "builtins")) cnnc_sb_printf(sb, "<class '%s.%s'>", c->module, c->name);
        else cnnc_sb_printf(sb, "<class '%s'>", c->name);   /* a builtin exception: <class 'KeyError'> */
        return;
    }
    case PV_TENSOR: {
        const py_tensor *t = pv_as_tensor(v);
        char s[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(&t->shape, s, sizeof s);
        cnnc_sb_printf(sb, "tensor(<shape %s>)", s);
        return;
    }
    case PV_OBJ: {
        const py_obj *o = pv_as_obj(v);
        if (!py_enum_member_text(I, v, 1, sb)) return;   /* <Color.RED: 1> */
        if (o->exc_msg) {
            cnnc_sb_printf(sb, "%s(", o->cls->name);
            py_val m = pv_cstr(I, o->exc_msg);
            if (o->exc_msg[0]) py_repr(I, m, sb);
            cnnc_sb_puts(sb, ")");
            return;
        }
        cnnc_sb_printf(sb, "<%s object>", o->cls->name);
        return;
    }
    case PV_BUILTIN: {
        /* Python's builtin types print as classes, its functions as built-ins */
        static const char *const types[] = {"int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset",
                                            "bytes", "bytearray", "object", "type", "range", "slice", "complex",
                                            "property", "staticmethod", "classmethod", "super", "enumerate", "zip", "map",
                                            "filter", "reversed", NULL};
        const py_builtin *b = (const py_builtin *)v.u.p;
        if (b->self.t == PV_UNBOUND)
            for (int k = 0; types[k]; k++)
                if (!strcmp(types[k], b->name)) { cnnc_sb_printf(sb, "<class '%s'>", b->name); return; }
        cnnc_sb_printf(sb, "<%s>", py_type_name(&v));
        return;
    }
    default: cnnc_sb_printf(sb, "<%s>", py_type_name(&v)); return;
    }
}

int py_format_value(interp *I, py_val v, char conv, const char *spec, int32_t spec_len, cnnc_strbuf *sb) {
    if (v.t == PV_OPAQUE) return py_opaque_use(I, v);   /* its text is not cnnc's to give */
    if (conv && conv != 'r' && conv != 's' && conv != 'a') return py_raise(I, "ValueError", "Unknown conversion specifier %c", conv);
    if (spec_len <= 0) {
        if (conv == 'r' || conv == 'a') py_repr(I, v, sb);   /* ascii() is repr() for the ASCII text models print */
        else py_str_of(I, v, sb);
        return 0;
    }
    const char type = spec[spec_len - 1];
    int ok = !conv && pv_is_num(v) && !v.big && spec_len < 24 && strchr("dfeEgGF%", type) != NULL;
    for (int32_t k = 0, digits = 0; ok && k + 1 < spec_len; k++) {   /* widths of at most 4 digits: no gigabyte padding */
        ok = strchr("+- #0123456789.", spec[k]) != NULL;
        digits = spec[k] >= '0' && spec[k] <= '9' ? digits + 1 : 0;
        ok = ok && digits <= 4;
    }
    if (!ok) return py_unsupported(I, "cnnc cannot follow the format spec '%.*s'", (int)(spec_len < 24 ? spec_len : 24), spec);
    if (type == 'd' && v.t == PV_FLOAT)
        return py_raise(I, "ValueError", "Unknown format code 'd' for object of type 'float'");
    char fmt[40];
    snprintf(fmt, sizeof fmt, "%%%.*s", (int)(spec_len - 1), spec);
    const double x = v.t == PV_FLOAT ? v.u.f : (double)v.u.i;
    if (type == 'd') cnnc_sb_printf(sb, strcat(fmt, "lld"), (long long)v.u.i);
    else if (type == '%') cnnc_sb_printf(sb, strcat(fmt, "f%%"), x * 100.0);
    else {
        const size_t L = strlen(fmt);
        fmt[L] = type;
        fmt[L + 1] = '\0';
        cnnc_sb_printf(sb, fmt, x);
    }
    return 0;
}

void py_str_of(interp *I, py_val v, cnnc_strbuf *sb) {
    if (v.t == PV_STR) { cnnc_sb_putn(sb, pv_as_str(v)->s, (size_t)pv_as_str(v)->len); return; }
    if (v.t == PV_OBJ && pv_as_obj(v)->exc_msg) { cnnc_sb_puts(sb, pv_as_obj(v)->exc_msg); return; }
    if (!py_enum_member_text(I, v, 0, sb)) return;   /* Color.RED */
    if (v.t == PV_CLASS || v.t == PV_FUNC) {
        if (v.t == PV_FUNC) { cnnc_sb_printf(sb, "<function %s>", ((py_func *)v.u.p)->qualname); return; }
    }
    py_repr(I, v, sb);
}

int py_truthy(interp *I, py_val v, int *out) {
    if (v.t == PV_OPAQUE) return py_opaque_use(I, v);
    switch ((py_type)v.t) {
    case PV_NONE: case PV_UNBOUND: *out = 0; return 0;
    case PV_BOOL: case PV_INT: *out = v.u.i != 0; return 0;
    case PV_FLOAT: *out = v.u.f != 0.0; return 0;
    case PV_STR: *out = pv_as_str(v)->len > 0; return 0;
    case PV_TUPLE: case PV_LIST: case PV_SET: case PV_SIZE: *out = pv_as_seq(v)->n > 0; return 0;
    case PV_DICT: *out = pv_as_dict(v)->n > 0; return 0;
    case PV_RANGE: {
        const py_range *r = (const py_range *)v.u.p;
        *out = r->step > 0 ? r->start < r->stop : r->start > r->stop;
        return 0;
    }
    case PV_TENSOR: {
        const py_tensor *t = pv_as_tensor(v);
        int64_t n = cnnc_shape_numel(&t->shape);
        if (n != 1)
            return py_raise(I, "RuntimeError", "Boolean value of Tensor with more than one value is ambiguous");
        if (t->value_kind) { *out = t->value != 0.0; return 0; }   /* a value cnnc knows (torch.any of a known mask) */
        return py_unsupported(I, "cnnc cannot follow a branch on a tensor's value (it reads shapes, not data)");
    }
    case PV_OBJ: {
        /* the class's own __bool__, else its own __len__ (a deque, a config container) */
        const py_val *own = py_class_lookup(pv_as_obj(v)->cls, py_s(I, "__bool__"), NULL);
        const int is_bool = own && own->t == PV_FUNC;
        if (!is_bool) own = py_class_lookup(pv_as_obj(v)->cls, py_s(I, "__len__"), NULL);
        if (own && own->t == PV_FUNC) {
            py_val r;
            if (py_call_function(I, (py_func *)own->u.p, v, 1, NULL, 0, NULL, NULL, 0, &r)) return -1;
            if (is_bool) {
                if (r.t != PV_BOOL) return py_raise(I, "TypeError", "__bool__ should return bool, returned %s", py_type_name(&r));
                *out = r.u.i != 0;
                return 0;
            }
            if (!pv_is_int(r)) return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&r));
            if (r.u.i < 0) return py_raise(I, "ValueError", "__len__() should return >= 0");
            *out = r.u.i != 0;
            return 0;
        }
        py_nn *nn = pv_as_obj(v)->nn;
        if (nn) {  /* containers are falsy when empty (__len__) */
            py_class *c = pv_as_obj(v)->cls;
            while (c && c->user && c->n_bases) c = c->bases[0];
            if (c && (c->base == PB_SEQUENTIAL || c->base == PB_MODULELIST || c->base == PB_MODULEDICT)) {
                *out = nn->children.n > 0;
                return 0;
            }
        }
        *out = 1;
        return 0;
    }
    default: *out = 1; return 0;
    }
}

int py_str_name_chars(const py_str *s) {
    for (int32_t k = 0; k < s->len; k++) {
        const unsigned char c = (unsigned char)s->s[k];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return 0;
    }
    return 1;
}

/* Python raises RecursionError comparing values nested this deep; cnnc refuses them. */
#define EQUAL_DEPTH 900

static int equal_at(interp *I, py_val a, py_val b, int depth) {
    if (++I->steps > I->max_steps) return 0;   /* the caller's py_charge(I, 0) refuses */
    if (pv_is_num(a) && pv_is_num(b)) {
        if (a.t == PV_FLOAT || b.t == PV_FLOAT) {
            double x = a.t == PV_FLOAT ? a.u.f : (double)a.u.i, y = b.t == PV_FLOAT ? b.u.f : (double)b.u.i;
            return x == y;
        }
        return a.u.i == b.u.i && a.big == b.big;
    }
    if (a.t == PV_STR && b.t == PV_STR) {
        I->steps += pv_as_str(a)->len >> 6;
        return pv_as_str(a)->len == pv_as_str(b)->len && !memcmp(pv_as_str(a)->s, pv_as_str(b)->s, (size_t)pv_as_str(a)->len);
    }
    if (pv_is_seq(a) && pv_is_seq(b)) {
        if ((a.t == PV_LIST) != (b.t == PV_LIST)) return 0;
        const py_seq *x = pv_as_seq(a), *y = pv_as_seq(b);
        if (x->n != y->n) return 0;
        if (depth >= EQUAL_DEPTH) {
            py_unsupported(I, "cnnc cannot compare values nested more than %d deep", EQUAL_DEPTH);
            I->steps = I->max_steps + 1;   /* so that the caller's py_charge(I, 0) stops */
            return 0;
        }
        for (int32_t i = 0; i < x->n; i++)
            if (!equal_at(I, x->v[i], y->v[i], depth + 1)) return 0;
        return 1;
    }
    if (a.t == PV_NONE || b.t == PV_NONE) return a.t == b.t;
    if (a.t != b.t) return 0;
    if (a.t == PV_DTYPE) return !strcmp((const char *)a.u.p, (const char *)b.u.p);   /* one name per dtype */
    return a.u.p == b.u.p;
}

int py_equal(interp *I, py_val a, py_val b) { return equal_at(I, a, b, 0); }

/* --------------------------------------------------------------- errors */

static void place(interp *I, py_error *e) {
    e->src = I->cur_src;
    if (I->model_site.src && e->src && !strncmp(e->src->path, "<cnnc>/", 7)) {   /* inside cnnc's own Python */
        e->src = I->model_site.src;
        e->line = I->model_site.line;
        e->col = I->model_site.col;
        return;
    }
    if (I->at) {
        e->line = I->at->line;
        e->col = I->at->col;
    } else {
        e->line = I->line;
        e->col = I->col;
    }
}

int py_raise(interp *I, const char *type, const char *fmt, ...) {
    if (I->ex.raised) return -1;
    memset(&I->ex, 0, sizeof I->ex);
    I->ex.raised = 1;
    I->ex.status = CNNC_ERR_PARSE;
    snprintf(I->ex.type, sizeof I->ex.type, "%s", type);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(I->ex.message, sizeof I->ex.message, fmt, ap);
    va_end(ap);
    place(I, &I->ex);
    return -1;
}

int py_unsupported(interp *I, const char *fmt, ...) {
    if (I->ex.raised) return -1;
    memset(&I->ex, 0, sizeof I->ex);
    I->ex.raised = 1;
    I->ex.status = CNNC_ERR_UNSUPPORTED;
    snprintf(I->ex.type, sizeof I->ex.type, "NotImplementedError");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(I->ex.message, sizeof I->ex.message, fmt, ap);
    va_end(ap);
    place(I, &I->ex);
    return -1;
}

int py_nomem(interp *I) {
    if (I->ex.raised) return -1;
    if (I->arena->over_limit)   /* Python would go on: this is cnnc's bound, so a refusal, not a MemoryError */
        return py_unsupported(I, "cnnc stopped following this code: its values passed the %zu MiB cnnc gives one source",
                              I->arena->limit >> 20);
    memset(&I->ex, 0, sizeof I->ex);
    I->ex.raised = 1;
    I->ex.status = CNNC_ERR_NOMEM;
    snprintf(I->ex.type, sizeof I->ex.type, "MemoryError");
    snprintf(I->ex.message, sizeof I->ex.message, "cnnc ran out of memory following this code");
    place(I, &I->ex);
    return -1;
}

int py_raise_shape(interp *I, const cnnc_error *e) {
    if (I->ex.raised) return -1;
    memset(&I->ex, 0, sizeof I->ex);
    I->ex.raised = 1;
    I->ex.status = e->status == CNNC_OK ? CNNC_ERR_SHAPE : e->status;
    snprintf(I->ex.type, sizeof I->ex.type, "%s", e->type);
    snprintf(I->ex.message, sizeof I->ex.message, "%s", e->message);
    I->ex.shape = *e;
    I->ex.has_shape = 1;
    place(I, &I->ex);
    return -1;
}

int py_grow(interp *I, void **p, int32_t *cap, int32_t need, size_t elem) {
    const int32_t old = *cap;
    if (py_grow_uninit(I, p, cap, need, elem)) return -1;
    if (*cap > old) memset((char *)*p + (size_t)old * elem, 0, (size_t)(*cap - old) * elem);
    return 0;
}

int py_grow_uninit(interp *I, void **p, int32_t *cap, int32_t need, size_t elem) {
    if (need <= *cap) return 0;
    /* large elements (graph nodes) start small: a trace zeroes what it may use */
    int32_t nc = *cap ? *cap * 2 : elem >= 256 ? 8 : 64;
    while (nc < need) nc *= 2;
    /* the old part is copied over; py_grow zeroes the new part */
    void *np = py_alloc_uninit(I->arena, (size_t)nc * elem);
    if (!np) return py_nomem(I);
    if (*cap) memcpy(np, *p, (size_t)*cap * elem);
    *p = np;
    *cap = nc;
    return 0;
}
