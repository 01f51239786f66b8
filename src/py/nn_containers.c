/* nn_containers.c — torch.nn's containers as the evaluator runs them:
 * Sequential, ModuleList and ModuleDict (construction, forward, indexing,
 * append/extend/insert, items), with PyTorch's messages. */
#include "base/str.h"
#include "py/nn_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* -------------------------------------------------------------- containers */

static py_obj *container_self(interp *I, py_val v, const char *what) {
    py_obj *o = v.t == PV_OBJ ? pv_as_obj(v) : NULL;
    if (!o || !o->nn) {
        py_raise(I, "TypeError", "descriptor '%s' requires a Module", what);
        return NULL;
    }
    return o;
}

static int add_child(interp *I, py_obj *o, const char *name, py_val m) {
    if (!py_nn_of(m) && m.t != PV_NONE) {
        if (m.t == PV_CLASS) {
            const py_class *c = pv_as_class(m);
            return py_raise(I, "TypeError", "%s%s%s is not a Module subclass", c->module ? c->module : "__main__", ".",
                            c->name);
        }
        return py_raise(I, "TypeError", "%s is not a Module subclass", py_type_name(&m));
    }
    return py_attrs_set(I, &o->nn->children, py_s(I, name), m);
}

int nn_seq_init(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__init__");
    if (!o || nn_init_next(I, a[0])) return -1;
    o->nn->initialized = 1;
    o->nn->training = 1;
    *out = pv_none();
    if (n_kw) return py_raise(I, "TypeError", "Sequential.__init__() got an unexpected keyword argument '%s'", py_sym_name(I->syms, kw[0]));
    if (n == 2 && a[1].t == PV_DICT) {
        py_dict *d = pv_as_dict(a[1]);
        for (int32_t k = 0; k < d->n; k++) {
            if (d->k[k].t != PV_STR) return py_raise(I, "TypeError", "module name should be a string. Got %s", py_type_name(&d->k[k]));
            if (add_child(I, o, pv_as_str(d->k[k])->s, d->v[k])) return -1;
        }
        return 0;
    }
    for (int32_t k = 1; k < n; k++) {
        char idx[16];
        cnnc_str_int(idx, sizeof idx, (k - 1));
        if (add_child(I, o, idx, a[k])) return -1;
    }
    return 0;
}

int nn_seq_forward(ARGS) {
    UNUSED;
    if (n != 2) return py_raise(I, "TypeError", "forward() takes 2 positional arguments but %d were given", (int)n);
    py_obj *o = container_self(I, a[0], "forward");
    if (!o) return -1;
    py_val x = a[1];
    for (int32_t k = 0; k < o->nn->children.n; k++) {
        py_val m = o->nn->children.v[k];   /* a None child is called too, as PyTorch's loop does */
        py_val y;
        if (py_call(I, m, &x, 1, NULL, NULL, 0, &y)) return -1;
        x = y;
    }
    *out = x;
    return 0;
}

/* Index into a container's children (negative from the end), PyTorch's messages. */
static int child_index(interp *I, py_obj *o, py_val key, int32_t *out, const char *what) {
    int64_t i;
    if (!pv_is_int(key)) return py_raise(I, "TypeError", "%s indices must be integers or slices, not %s", what, py_type_name(&key));
    i = key.u.i;
    int32_t size = o->nn->children.n;
    if (!(-size <= i && i < size)) return py_raise(I, "IndexError", "index %lld is out of range", (long long)i);
    *out = (int32_t)(i < 0 ? i + size : i);
    return 0;
}

static int new_container(interp *I, py_class *c, py_val *out) {
    py_obj *no = (py_obj *)py_alloc(I->arena, sizeof *no);
    if (!no) return py_nomem(I);
    no->cls = c;
    no->nn = (py_nn *)py_alloc(I->arena, sizeof *no->nn);
    if (!no->nn) return py_nomem(I);
    no->nn->initialized = 1;
    no->nn->training = 1;
    no->nn->owner_node = -1;
    no->nn->module_id = -1;
    *out = pv_ptr(PV_OBJ, no);
    return 0;
}

int py_nn_container_delitem(interp *I, py_val obj, py_val key) {
    if (obj.t != PV_OBJ || !pv_as_obj(obj)->nn) return 1;
    py_obj *o = pv_as_obj(obj);
    const py_base base = nn_base_of(o->cls);
    if (base != PB_SEQUENTIAL && base != PB_MODULELIST) return 1;
    if (key.t == PV_SLICE) return py_unsupported(I, "cnnc cannot follow del of a slice of a %s", o->cls->name);
    if (!pv_is_int(key)) return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&key));
    const int64_t size = o->nn->children.n, i = key.u.i;
    if (!(-size <= i && i < size)) return py_raise(I, "IndexError", "index %lld is out of range", (long long)i);
    py_attrs *ch = &o->nn->children;
    if (!py_attrs_del(ch, ch->k[i < 0 ? i + size : i])) return py_unsupported(I, "cnnc cannot follow this del");
    /* both renumber what is left '0', '1', ... (1.13's __delitem__) */
    py_attrs renumbered;
    memset(&renumbered, 0, sizeof renumbered);
    for (int32_t k = 0; k < ch->n; k++) {
        char name[24];
        snprintf(name, sizeof name, "%d", (int)k);
        if (py_attrs_set(I, &renumbered, py_s(I, name), ch->v[k])) return -1;
    }
    *ch = renumbered;
    return 0;
}

int nn_seq_getitem(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__getitem__");
    if (!o || n != 2) return -1;
    if (a[1].t == PV_SLICE) {
        /* a slice is a new container of the same kind, keeping the children's names */
        py_val r;
        if (new_container(I, o->cls, &r)) return -1;
        py_val all = pv_seq(I, PV_LIST, o->nn->children.n), part;
        if (all.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < o->nn->children.n; k++) pv_as_seq(all)->v[k] = pv_int(k);
        if (py_getitem(I, all, a[1], &part)) return -1;
        py_obj *ro = pv_as_obj(r);
        for (int32_t k = 0; k < pv_as_seq(part)->n; k++) {
            int32_t idx = (int32_t)pv_as_seq(part)->v[k].u.i;
            if (py_attrs_set(I, &ro->nn->children, o->nn->children.k[idx], o->nn->children.v[idx])) return -1;
        }
        if (nn_base_of(o->cls) == PB_MODULELIST) {
            /* ModuleList slices renumber from 0 */
            for (int32_t k = 0; k < ro->nn->children.n; k++) {
                char idx[16];
                cnnc_str_int(idx, sizeof idx, k);
                ro->nn->children.k[k] = py_s(I, idx);
            }
            py_attrs_unindex(&ro->nn->children);
        }
        *out = r;
        return 0;
    }
    int32_t i = 0;
    if (child_index(I, o, a[1], &i, nn_base_of(o->cls) == PB_MODULELIST ? "ModuleList" : "Sequential")) return -1;
    *out = o->nn->children.v[i];
    return 0;
}

int nn_seq_setitem(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__setitem__");
    if (!o || n != 3) return -1;
    int32_t i = 0;
    if (child_index(I, o, a[1], &i, "Sequential")) return -1;
    if (!py_nn_of(a[2])) return py_raise(I, "TypeError", "%s is not a Module subclass", py_type_name(&a[2]));
    o->nn->children.v[i] = a[2];
    *out = pv_none();
    return 0;
}

int nn_seq_len(ARGS) {
    UNUSED;
    (void)n;
    py_obj *o = container_self(I, a[0], "__len__");
    if (!o) return -1;
    *out = pv_int(o->nn->children.n);
    return 0;
}

int nn_list_append(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "append");
    if (!o) return -1;
    if (n != 2) return py_raise(I, "TypeError", "append() takes 2 positional arguments but %d were given", (int)n);
    char idx[16];
    cnnc_str_int(idx, sizeof idx, o->nn->children.n);
    *out = a[0];
    return add_child(I, o, idx, a[1]);
}

int nn_list_extend(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "extend");
    if (!o || n != 2) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[1], &items, &cnt)) return -1;
    for (int32_t k = 0; k < cnt; k++) {
        char idx[16];
        cnnc_str_int(idx, sizeof idx, o->nn->children.n);
        if (add_child(I, o, idx, items[k])) return -1;
    }
    *out = a[0];
    return 0;
}

/* ModuleList + iterable (1.13's __add__): a new ModuleList of both, renumbered from 0 */
int nn_list_add(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__add__");
    if (!o || n != 2) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[1], &items, &cnt)) return -1;
    py_val r;
    if (new_container(I, I->c_modulelist, &r)) return -1;
    py_obj *ro = pv_as_obj(r);
    for (int32_t k = 0; k < o->nn->children.n + cnt; k++) {
        char idx[16];
        cnnc_str_int(idx, sizeof idx, k);
        py_val m = k < o->nn->children.n ? o->nn->children.v[k] : items[k - o->nn->children.n];
        if (add_child(I, ro, idx, m)) return -1;
    }
    *out = r;
    return 0;
}

/* Sequential + Sequential and Sequential += Sequential (1.13): anything else is refused
 * with PyTorch's ValueError, naming str(type(other)) */
static int seq_join(interp *I, const py_val *a, int32_t n, int in_place, py_val *out) {
    py_obj *o = container_self(I, a[0], in_place ? "__iadd__" : "__add__");
    if (!o || n != 2) return -1;
    const py_obj *other = a[1].t == PV_OBJ ? pv_as_obj(a[1]) : NULL;
    if (!other || !other->nn || nn_base_of(other->cls) != PB_SEQUENTIAL) {
        py_val text;
        if (nn_type_text(I, a[1], &text)) return -1;
        return py_raise(I, "ValueError", "add operator supports only objects of Sequential class, but %s is given.",
                        pv_as_str(text)->s);
    }
    py_val r = a[0];
    if (!in_place && new_container(I, I->c_sequential, &r)) return -1;
    py_obj *ro = pv_as_obj(r);
    const int32_t first = in_place ? 0 : o->nn->children.n;
    for (int32_t k = 0; k < first; k++)
        if (add_child(I, ro, py_sym_name(I->syms, o->nn->children.k[k]), o->nn->children.v[k])) return -1;
    const int32_t offset = ro->nn->children.n;
    for (int32_t k = 0; k < other->nn->children.n; k++) {
        char idx[16];
        cnnc_str_int(idx, sizeof idx, offset + k);
        if (add_child(I, ro, idx, other->nn->children.v[k])) return -1;
    }
    *out = r;
    return 0;
}
int nn_seq_add(ARGS) { UNUSED; return seq_join(I, a, n, 0, out); }
int nn_seq_iadd(ARGS) { UNUSED; return seq_join(I, a, n, 1, out); }

int nn_list_insert(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "insert");
    if (!o || n != 3) return -1;
    int64_t at;
    if (py_int_of(I, a[1], &at)) return -1;
    py_attrs *c = &o->nn->children;
    if (add_child(I, o, "__insert__", a[2])) return -1;
    int32_t size = c->n - 1;
    if (at < 0) at += size;
    if (at < 0) at = 0;
    if (at > size) at = size;
    py_val v = c->v[size];
    memmove(c->v + at + 1, c->v + at, (size_t)(size - at) * sizeof *c->v);
    c->v[at] = v;
    for (int32_t k = 0; k < c->n; k++) {
        char idx[16];
        cnnc_str_int(idx, sizeof idx, k);
        c->k[k] = py_s(I, idx);
    }
    py_attrs_unindex(c);
    *out = pv_none();
    return 0;
}

int nn_mlist_init(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__init__");
    if (!o || nn_init_next(I, a[0])) return -1;
    o->nn->initialized = 1;
    o->nn->training = 1;
    *out = pv_none();
    py_val src = n > 1 ? a[1] : pv_none();
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "modules")) src = kwv[k];
        else return py_raise(I, "TypeError", "ModuleList.__init__() got an unexpected keyword argument '%s'", py_sym_name(I->syms, kw[k]));
    if (n > 2) return py_raise(I, "TypeError", "ModuleList.__init__() takes from 1 to 2 positional arguments but %d were given", (int)n);
    if (src.t == PV_NONE) return 0;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, src, &items, &cnt)) return -1;
    for (int32_t k = 0; k < cnt; k++) {
        char idx[16];
        cnnc_str_int(idx, sizeof idx, k);
        if (add_child(I, o, idx, items[k])) return -1;
    }
    return 0;
}

int nn_mdict_init(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__init__");
    if (!o || nn_init_next(I, a[0])) return -1;
    o->nn->initialized = 1;
    o->nn->training = 1;
    *out = pv_none();
    py_val src = n > 1 ? a[1] : pv_none();
    if (src.t == PV_NONE) return 0;
    if (src.t == PV_DICT) {
        py_dict *d = pv_as_dict(src);
        for (int32_t k = 0; k < d->n; k++) {
            if (d->k[k].t != PV_STR) return py_raise(I, "TypeError", "module name should be a string. Got %s", py_type_name(&d->k[k]));
            if (add_child(I, o, pv_as_str(d->k[k])->s, d->v[k])) return -1;
        }
        return 0;
    }
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, src, &items, &cnt)) return -1;
    for (int32_t k = 0; k < cnt; k++) {
        py_val *pair;
        int32_t pn;
        if (py_iterate(I, items[k], &pair, &pn)) return -1;
        if (pn != 2 || pair[0].t != PV_STR)
            return py_raise(I, "ValueError", "ModuleDict update sequence element #%d has length %d; 2 is required", (int)k, (int)pn);
        if (add_child(I, o, pv_as_str(pair[0])->s, pair[1])) return -1;
    }
    return 0;
}

int nn_mdict_getitem(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__getitem__");
    if (!o || n != 2) return -1;
    if (a[1].t != PV_STR) {
        cnnc_strbuf sb = {0};
        py_repr(I, a[1], &sb);
        py_raise(I, "KeyError", "%s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    py_val *v = py_attrs_find(&o->nn->children, py_intern(I->syms, pv_as_str(a[1])->s, (size_t)pv_as_str(a[1])->len));
    if (!v) return py_raise(I, "KeyError", "'%s'", pv_as_str(a[1])->s);
    *out = *v;
    return 0;
}

int nn_mdict_setitem(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__setitem__");
    if (!o || n != 3 || a[1].t != PV_STR) return py_raise(I, "TypeError", "module name should be a string");
    *out = pv_none();
    return add_child(I, o, pv_as_str(a[1])->s, a[2]);
}

int nn_mdict_items(ARGS) {
    UNUSED;
    (void)n;
    py_obj *o = container_self(I, a[0], "items");
    if (!o) return -1;
    const char *what = I->callee->name;
    py_val r = pv_seq(I, PV_LIST, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < o->nn->children.n; k++) {
        py_val key = pv_cstr(I, py_sym_name(I->syms, o->nn->children.k[k])), item;
        if (what[0] == 'k') item = key;
        else if (what[0] == 'v') item = o->nn->children.v[k];
        else {
            item = pv_seq(I, PV_TUPLE, 2);
            if (item.t == PV_UNBOUND) return py_nomem(I);
            pv_as_seq(item)->v[0] = key;
            pv_as_seq(item)->v[1] = o->nn->children.v[k];
        }
        if (py_seq_push(I, r, item)) return -1;
    }
    *out = r;
    return 0;
}

int nn_container_forward(ARGS) {
    UNUSED;
    (void)n;
    (void)out;
    return py_raise(I, "NotImplementedError", "Module [%s] is missing the required \"forward\" function", nn_class_name(a[0]));
}

