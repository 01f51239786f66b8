/* nn.c — torch.nn's modules as the evaluator runs them: nn.Module's state
 * (submodules, parameters and buffers in registration order, PyTorch's
 * __setattr__ rules and messages), its methods, the containers (Sequential,
 * ModuleList, ModuleDict), and every registered layer kind as a module class
 * whose constructor is the registry's (signature, checks, state_dict). A call
 * runs forward and records torchsummary's row. */
#include "py/interp.h"
#include "py/real_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARGS interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out
#define UNUSED (void)self; (void)kw; (void)kwv; (void)n_kw


py_nn *py_nn_of(py_val v) { return v.t == PV_OBJ ? pv_as_obj(v)->nn : NULL; }

/* The built-in base behaviour of a (possibly user) module class. */
static py_base base_of(const py_class *c) {
    while (c && c->user && c->n_bases) c = c->bases[0];
    return c ? c->base : PB_OBJECT;
}

static const char *class_name(py_val v) { return v.t == PV_OBJ ? pv_as_obj(v)->cls->name : "?"; }

/* --------------------------------------------------------- registration */

static int not_initialized(interp *I, const char *what) {
    return py_raise(I, "AttributeError", "cannot assign %s before Module.__init__() call", what);
}

int py_nn_setattr(interp *I, py_obj *o, py_sym name, py_val v) {
    py_nn *nn = o->nn;
    py_nn *child = py_nn_of(v);
    if (name == I->s_training) {
        int t = 1;
        if (py_truthy(I, v, &t)) return -1;
        nn->training = t;
        return 0;   /* also a plain attribute */
    }
    if (child) {
        if (!nn->initialized) return not_initialized(I, "module");
        py_attrs_del(&o->attrs, name);
        py_attrs_del(&nn->params, name);
        py_attrs_del(&nn->buffers, name);
        return py_attrs_set(I, &nn->children, name, v) ? -1 : 1;
    }
    if (v.t == PV_TENSOR && pv_as_tensor(v)->is_param) {
        if (!nn->initialized) return not_initialized(I, "parameters");
        py_attrs_del(&o->attrs, name);
        py_attrs_del(&nn->children, name);
        py_attrs_del(&nn->buffers, name);
        return py_attrs_set(I, &nn->params, name, v) ? -1 : 1;
    }
    if (py_attrs_find(&nn->children, name)) {
        if (v.t == PV_NONE) return py_attrs_set(I, &nn->children, name, v) ? -1 : 1;
        return py_raise(I, "TypeError", "cannot assign '%s' as child module '%s' (torch.nn.Module or None expected)",
                        py_type_name(&v), py_sym_name(I->syms, name));
    }
    if (py_attrs_find(&nn->params, name)) {
        if (v.t == PV_NONE) return py_attrs_set(I, &nn->params, name, v) ? -1 : 1;
        const char *tn = v.t == PV_TENSOR ? "torch.FloatTensor" : py_type_name(&v);
        return py_raise(I, "TypeError", "cannot assign '%s' as parameter '%s' (torch.nn.Parameter or None expected)", tn,
                        py_sym_name(I->syms, name));
    }
    if (py_attrs_find(&nn->buffers, name)) return py_attrs_set(I, &nn->buffers, name, v) ? -1 : 1;
    return 0;
}

int py_nn_getattr(interp *I, py_obj *o, py_sym name, py_val *out) {
    py_nn *nn = o->nn;
    py_val *v;
    if ((v = py_attrs_find(&nn->children, name))) { *out = *v; return 1; }
    if ((v = py_attrs_find(&nn->params, name))) { *out = *v; return 1; }
    if ((v = py_attrs_find(&nn->buffers, name))) { *out = *v; return 1; }
    if (name == I->s_training) { *out = pv_bool(nn->training); return 1; }
    /* _modules, _parameters, _buffers: read as dicts (a snapshot: code iterates and indexes them) */
    const char *nm = py_sym_name(I->syms, name);
    const py_attrs *src = !strcmp(nm, "_modules") ? &nn->children : !strcmp(nm, "_parameters") ? &nn->params
                        : !strcmp(nm, "_buffers") ? &nn->buffers : NULL;
    if (src) {
        *out = pv_dict(I);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < src->n; k++) {
            py_val key = pv_cstr(I, py_sym_name(I->syms, src->k[k]));
            if (key.t == PV_UNBOUND || py_dict_set(I, *out, key, src->v[k])) return py_nomem(I);
        }
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ traversal */

typedef struct mod_list { py_val *v; const char **names; int32_t n, cap; } mod_list;

static int ml_push(interp *I, mod_list *l, py_val v, const char *name) {
    for (int32_t k = 0; k < l->n; k++)
        if (l->v[k].u.p == v.u.p) return 0;   /* named_modules skips a module seen before */
    if (l->n == l->cap) {
        int32_t cap = l->cap ? l->cap * 2 : 16;
        py_val *nv = (py_val *)py_alloc(I->arena, (size_t)cap * sizeof *nv);
        const char **nn_ = (const char **)py_alloc(I->arena, (size_t)cap * sizeof *nn_);
        if (!nv || !nn_) return py_nomem(I);
        if (l->n) { memcpy(nv, l->v, (size_t)l->n * sizeof *nv); memcpy(nn_, l->names, (size_t)l->n * sizeof *nn_); }
        l->v = nv;
        l->names = nn_;
        l->cap = cap;
    }
    l->v[l->n] = v;
    l->names[l->n] = name;
    l->n++;
    return 1;
}

static int walk(interp *I, mod_list *l, py_val m, const char *prefix) {
    int r = ml_push(I, l, m, prefix);
    if (r <= 0) return r;
    py_nn *nn = py_nn_of(m);
    for (int32_t k = 0; k < nn->children.n; k++) {
        py_val c = nn->children.v[k];
        if (!py_nn_of(c)) continue;
        const char *nm = py_sym_name(I->syms, nn->children.k[k]);
        size_t len = strlen(prefix) + strlen(nm) + 2;
        char *path = (char *)py_alloc(I->arena, len);
        if (!path) return py_nomem(I);
        snprintf(path, len, "%s%s%s", prefix, prefix[0] ? "." : "", nm);
        if (walk(I, l, c, path) < 0) return -1;
    }
    return 0;
}

int py_nn_assign_paths(interp *I, py_val root) {
    mod_list l = {0};
    if (walk(I, &l, root, "") < 0) return -1;
    for (int32_t k = 0; k < l.n; k++) {
        py_nn *nn = py_nn_of(l.v[k]);
        nn->path = l.names[k];
        nn->module_id = k;
        nn->owner_node = -1;
    }
    I->n_modules = l.n;
    return 0;
}

/* ---------------------------------------------------------------- calls */

static int sum_params(py_val v, int64_t *count) {
    if (v.t != PV_TENSOR) return 0;
    int64_t n = cnnc_shape_numel(&pv_as_tensor(v)->shape);
    *count += n > 0 ? n : 0;
    return 1;
}

/* torchsummary's row for a module call that returned `result`. */
static int record_row(interp *I, py_val mod, py_val result) {
    py_graph *g = &I->g;
    if (g->n_rows == g->cap_rows) {
        int32_t cap = g->cap_rows ? g->cap_rows * 2 : 32;
        py_call_row *r = (py_call_row *)py_alloc(I->arena, (size_t)cap * sizeof *r);
        if (!r) return py_nomem(I);
        if (g->n_rows) memcpy(r, g->rows, (size_t)g->n_rows * sizeof *r);
        g->rows = r;
        g->cap_rows = cap;
    }
    py_call_row *row = &g->rows[g->n_rows++];
    memset(row, 0, sizeof *row);
    row->class_name = class_name(mod);
    if (result.t == PV_TENSOR) {
        row->n_out = 1;
        row->out[0] = pv_as_tensor(result)->shape;
    } else if (result.t == PV_TUPLE || result.t == PV_LIST) {
        py_seq *q = pv_as_seq(result);
        for (int32_t k = 0; k < q->n && row->n_out < 4; k++)
            if (q->v[k].t == PV_TENSOR) row->out[row->n_out++] = pv_as_tensor(q->v[k])->shape;
    }
    py_obj *o = pv_as_obj(mod);
    py_val w;
    if (py_nn_getattr(I, o, I->s_weight, &w) > 0 || (py_attrs_find(&o->attrs, I->s_weight) && (w = *py_attrs_find(&o->attrs, I->s_weight), 1))) {
        if (sum_params(w, &row->params)) {
            row->trainable = 1;
            py_val b;
            if (py_nn_getattr(I, o, I->s_bias, &b) > 0) sum_params(b, &row->params);
        }
    }
    return 0;
}

int py_nn_call(interp *I, py_val mod, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
               py_val *out) {
    py_obj *o = pv_as_obj(mod);
    py_val fwd;
    if (py_getattr(I, mod, I->s_forward, &fwd)) return -1;
    if (py_call(I, fwd, args, n, kw, kwv, n_kw, out)) return -1;
    py_base b = base_of(o->cls);
    /* torchsummary hooks the model's submodules before forward runs: a module made
     * inside forward (nn.ReLU()(x)) gets no row */
    if (I->tracing && b != PB_SEQUENTIAL && b != PB_MODULELIST && mod.u.p != I->root.u.p && o->nn->module_id >= 0)
        return record_row(I, mod, *out);
    return 0;
}

/* ------------------------------------------------------- Module's methods */

static py_obj *module_self(interp *I, py_val v, const char *fn) {
    if (v.t != PV_OBJ || !pv_as_obj(v)->nn) {
        py_raise(I, "TypeError", "descriptor '%s' requires a 'Module' object but received a '%s'", fn, py_type_name(&v));
        return NULL;
    }
    return pv_as_obj(v);
}

static int m_init(ARGS) {
    UNUSED;
    if (n < 1) return py_raise(I, "TypeError", "Module.__init__() missing 1 required positional argument: 'self'");
    py_obj *o = module_self(I, a[0], "__init__");
    if (!o) return -1;
    if (n > 1 || n_kw) {
        return py_raise(I, "TypeError", "Module.__init__() takes 1 positional argument but %d were given", (int)n);
    }
    o->nn->initialized = 1;
    o->nn->training = 1;
    *out = pv_none();
    return 0;
}

/* Module.__getattr__(self, name): the submodule, parameter or buffer of that name */
static int m_getattr(ARGS) {
    UNUSED;
    if (n != 2) return py_raise(I, "TypeError", "__getattr__ expected 1 argument, got %d", (int)n - 1);
    if (a[1].t != PV_STR) return py_raise(I, "TypeError", "attribute name must be string, not '%s'", py_type_name(&a[1]));
    py_obj *o = module_self(I, a[0], "__getattr__");
    if (!o) return -1;
    py_sym nm = py_intern(I->syms, pv_as_str(a[1])->s, (size_t)pv_as_str(a[1])->len);
    int r = py_nn_getattr(I, o, nm, out);
    if (r) return r > 0 ? 0 : -1;
    return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", o->cls->name, pv_as_str(a[1])->s);
}

/* Module.__setattr__(self, name, value): registers submodules as `self.name = value` does */
static int m_setattr(ARGS) {
    UNUSED;
    if (n != 3) return py_raise(I, "TypeError", "__setattr__ expected 2 arguments, got %d", (int)n - 1);
    if (a[1].t != PV_STR) return py_raise(I, "TypeError", "attribute name must be string, not '%s'", py_type_name(&a[1]));
    *out = pv_none();
    return py_setattr(I, a[0], py_intern(I->syms, pv_as_str(a[1])->s, (size_t)pv_as_str(a[1])->len), a[2]);
}

static int m_forward(ARGS) {
    UNUSED;
    (void)n;
    (void)out;
    return py_raise(I, "NotImplementedError", "Module [%s] is missing the required \"forward\" function", class_name(a[0]));
}

static int list_of(interp *I, mod_list *l, int names, int skip_self, py_val *out) {
    py_val r = pv_seq(I, PV_LIST, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = skip_self; k < l->n; k++) {
        py_val item = l->v[k];
        if (names) {
            item = pv_seq(I, PV_TUPLE, 2);
            if (item.t == PV_UNBOUND) return py_nomem(I);
            pv_as_seq(item)->v[0] = pv_cstr(I, l->names[k]);
            pv_as_seq(item)->v[1] = l->v[k];
        }
        if (py_seq_push(I, r, item)) return -1;
    }
    *out = r;
    return 0;
}

static int m_modules(ARGS) {
    UNUSED;
    (void)n;
    if (!module_self(I, a[0], "modules")) return -1;
    mod_list l = {0};
    if (walk(I, &l, a[0], "") < 0) return -1;
    return list_of(I, &l, !strcmp(I->callee->name, "named_modules"), 0, out);
}

static int m_children(ARGS) {
    UNUSED;
    (void)n;
    py_obj *o = module_self(I, a[0], "children");
    if (!o) return -1;
    mod_list l = {0};
    for (int32_t k = 0; k < o->nn->children.n; k++)
        if (py_nn_of(o->nn->children.v[k]) && ml_push(I, &l, o->nn->children.v[k], py_sym_name(I->syms, o->nn->children.k[k])) < 0)
            return -1;
    return list_of(I, &l, !strcmp(I->callee->name, "named_children"), 0, out);
}

static int m_parameters(ARGS) {
    UNUSED;
    (void)n;
    if (!module_self(I, a[0], "parameters")) return -1;
    mod_list l = {0};
    if (walk(I, &l, a[0], "") < 0) return -1;
    int named = !strcmp(I->callee->name, "named_parameters");
    int buffers = !strcmp(I->callee->name, "buffers");
    py_val r = pv_seq(I, PV_LIST, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < l.n; k++) {
        py_nn *nn = py_nn_of(l.v[k]);
        py_attrs *src = buffers ? &nn->buffers : &nn->params;
        for (int32_t j = 0; j < src->n; j++) {
            if (src->v[j].t != PV_TENSOR) continue;
            py_val item = src->v[j];
            if (named) {
                item = pv_seq(I, PV_TUPLE, 2);
                if (item.t == PV_UNBOUND) return py_nomem(I);
                cnnc_strbuf sb = {0};
                cnnc_sb_printf(&sb, "%s%s%s", l.names[k], l.names[k][0] ? "." : "", py_sym_name(I->syms, src->k[j]));
                pv_as_seq(item)->v[0] = pv_str(I, sb.p ? sb.p : "", sb.len);
                cnnc_sb_free(&sb);
                pv_as_seq(item)->v[1] = src->v[j];
            }
            if (py_seq_push(I, r, item)) return -1;
        }
    }
    *out = r;
    return 0;
}

static int m_add_module(ARGS) {
    UNUSED;
    if (n != 3) return py_raise(I, "TypeError", "add_module() takes 3 positional arguments but %d were given", (int)n);
    py_obj *o = module_self(I, a[0], "add_module");
    if (!o) return -1;
    if (a[1].t != PV_STR) return py_raise(I, "TypeError", "module name should be a string. Got %s", py_type_name(&a[1]));
    if (!py_nn_of(a[2]) && a[2].t != PV_NONE) {
        cnnc_strbuf sb = {0};
        cnnc_sb_printf(&sb, "%s is not a Module subclass", py_type_name(&a[2]));
        py_raise(I, "TypeError", "%s", sb.p);
        cnnc_sb_free(&sb);
        return -1;
    }
    const py_str *s = pv_as_str(a[1]);
    if (memchr(s->s, '.', (size_t)s->len)) return py_raise(I, "KeyError", "'module name can\\'t contain \".\", got: %s'", s->s);
    if (s->len == 0) return py_raise(I, "KeyError", "'module name can\\'t be empty string \"\"'");
    if (!o->nn->initialized) return not_initialized(I, "module");
    py_sym name = py_intern(I->syms, s->s, (size_t)s->len);
    if (py_attrs_find(&o->attrs, name)) return py_raise(I, "KeyError", "\"attribute '%s' already exists\"", s->s);
    *out = pv_none();
    return py_attrs_set(I, &o->nn->children, name, a[2]);
}

static int m_register_buffer(ARGS) {
    UNUSED;
    if (n < 3) return py_raise(I, "TypeError", "register_buffer() missing 1 required positional argument: 'tensor'");
    py_obj *o = module_self(I, a[0], "register_buffer");
    if (!o) return -1;
    if (!o->nn->initialized) return py_raise(I, "AttributeError", "cannot assign buffer before Module.__init__() call");
    if (a[1].t != PV_STR) return py_raise(I, "TypeError", "buffer name should be a string. Got %s", py_type_name(&a[1]));
    *out = pv_none();
    return py_attrs_set(I, &o->nn->buffers, py_intern(I->syms, pv_as_str(a[1])->s, (size_t)pv_as_str(a[1])->len), a[2]);
}

static int m_register_parameter(ARGS) {
    UNUSED;
    if (n < 3) return py_raise(I, "TypeError", "register_parameter() missing 1 required positional argument: 'param'");
    py_obj *o = module_self(I, a[0], "register_parameter");
    if (!o) return -1;
    if (!o->nn->initialized) return not_initialized(I, "parameters");
    if (a[1].t != PV_STR) return py_raise(I, "TypeError", "parameter name should be a string. Got %s", py_type_name(&a[1]));
    *out = pv_none();
    return py_attrs_set(I, &o->nn->params, py_intern(I->syms, pv_as_str(a[1])->s, (size_t)pv_as_str(a[1])->len), a[2]);
}

static int apply_rec(interp *I, py_val m, py_val fn) {
    py_nn *nn = py_nn_of(m);
    for (int32_t k = 0; k < nn->children.n; k++)
        if (py_nn_of(nn->children.v[k]) && apply_rec(I, nn->children.v[k], fn)) return -1;
    py_val r;
    return py_call(I, fn, &m, 1, NULL, NULL, 0, &r);
}

static int m_apply(ARGS) {
    UNUSED;
    if (n != 2) return py_raise(I, "TypeError", "apply() takes 2 positional arguments but %d were given", (int)n);
    if (!module_self(I, a[0], "apply")) return -1;
    *out = a[0];
    return apply_rec(I, a[0], a[1]);
}

static int set_training(interp *I, py_val m, int mode) {
    py_nn *nn = py_nn_of(m);
    nn->training = mode;
    for (int32_t k = 0; k < nn->children.n; k++)
        if (py_nn_of(nn->children.v[k]) && set_training(I, nn->children.v[k], mode)) return -1;
    return 0;
}

static int m_train(ARGS) {
    UNUSED;
    if (!module_self(I, a[0], "train")) return -1;
    int mode = 1;
    if (n > 1 && py_truthy(I, a[1], &mode)) return -1;
    if (!strcmp(I->callee->name, "eval")) mode = 0;
    *out = a[0];
    return set_training(I, a[0], mode);
}

static int m_self(ARGS) { UNUSED; (void)I; *out = n ? a[0] : pv_none(); return 0; }  /* to(), cuda(), float() ... */
static int m_none(ARGS) { UNUSED; (void)I; (void)a; (void)n; *out = pv_none(); return 0; }

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

static int seq_init(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__init__");
    if (!o) return -1;
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
        snprintf(idx, sizeof idx, "%d", (int)(k - 1));
        if (add_child(I, o, idx, a[k])) return -1;
    }
    return 0;
}

static int seq_forward(ARGS) {
    UNUSED;
    if (n != 2) return py_raise(I, "TypeError", "forward() takes 2 positional arguments but %d were given", (int)n);
    py_obj *o = container_self(I, a[0], "forward");
    if (!o) return -1;
    py_val x = a[1];
    for (int32_t k = 0; k < o->nn->children.n; k++) {
        py_val m = o->nn->children.v[k];
        if (m.t == PV_NONE) continue;
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

static int seq_getitem(ARGS) {
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
        if (base_of(o->cls) == PB_MODULELIST) {
            /* ModuleList slices renumber from 0 */
            for (int32_t k = 0; k < ro->nn->children.n; k++) {
                char idx[16];
                snprintf(idx, sizeof idx, "%d", (int)k);
                ro->nn->children.k[k] = py_s(I, idx);
            }
        }
        *out = r;
        return 0;
    }
    int32_t i = 0;
    if (child_index(I, o, a[1], &i, base_of(o->cls) == PB_MODULELIST ? "ModuleList" : "Sequential")) return -1;
    *out = o->nn->children.v[i];
    return 0;
}

static int seq_setitem(ARGS) {
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

static int seq_len(ARGS) {
    UNUSED;
    (void)n;
    py_obj *o = container_self(I, a[0], "__len__");
    if (!o) return -1;
    *out = pv_int(o->nn->children.n);
    return 0;
}

static int list_append(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "append");
    if (!o) return -1;
    if (n != 2) return py_raise(I, "TypeError", "append() takes 2 positional arguments but %d were given", (int)n);
    char idx[16];
    snprintf(idx, sizeof idx, "%d", (int)o->nn->children.n);
    *out = a[0];
    return add_child(I, o, idx, a[1]);
}

static int list_extend(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "extend");
    if (!o || n != 2) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[1], &items, &cnt)) return -1;
    for (int32_t k = 0; k < cnt; k++) {
        char idx[16];
        snprintf(idx, sizeof idx, "%d", (int)o->nn->children.n);
        if (add_child(I, o, idx, items[k])) return -1;
    }
    *out = a[0];
    return 0;
}

static int list_insert(ARGS) {
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
        snprintf(idx, sizeof idx, "%d", (int)k);
        c->k[k] = py_s(I, idx);
    }
    *out = pv_none();
    return 0;
}

static int mlist_init(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__init__");
    if (!o) return -1;
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
        snprintf(idx, sizeof idx, "%d", (int)k);
        if (add_child(I, o, idx, items[k])) return -1;
    }
    return 0;
}

static int mdict_init(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__init__");
    if (!o) return -1;
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

static int mdict_getitem(ARGS) {
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

static int mdict_setitem(ARGS) {
    UNUSED;
    py_obj *o = container_self(I, a[0], "__setitem__");
    if (!o || n != 3 || a[1].t != PV_STR) return py_raise(I, "TypeError", "module name should be a string");
    *out = pv_none();
    return add_child(I, o, pv_as_str(a[1])->s, a[2]);
}

static int mdict_items(ARGS) {
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

static int container_forward(ARGS) {
    UNUSED;
    (void)n;
    (void)out;
    return py_raise(I, "NotImplementedError", "Module [%s] is missing the required \"forward\" function", class_name(a[0]));
}

/* ------------------------------------------------------------- layers */

/* A layer module's forward: one tensor through the layer's node. */
static int layer_forward(ARGS) {
    UNUSED;
    py_obj *o = pv_as_obj(a[0]);
    const cnnc_layer_def *def = o->cls->layer;
    for (py_class *c = o->cls; c && !def; c = c->n_bases ? c->bases[0] : NULL) def = c->layer;
    if (n != 2) {
        if (n < 2) return py_raise(I, "TypeError", "forward() missing 1 required positional argument: 'input'");
        return py_raise(I, "TypeError", "forward() takes 2 positional arguments but %d were given", (int)n);
    }
    return py_trace_op(I, o->nn->layer.kind, &o->nn->layer.p, &a[1], 1, o->nn, NULL, out);
}

/* Constructor of a registered layer kind: bind against its signature, build
 * through the registry, and set the attributes PyTorch's module has. */
/* `name` is listed in the definition's pair_attrs. */
static int is_pair_attr(const cnnc_layer_def *def, const char *name) {
    if (!def->pair_attrs) return 0;
    size_t n = strlen(name);
    for (const char *p = def->pair_attrs; *p;) {
        size_t len = strcspn(p, " ");
        if (len == n && !memcmp(p, name, n)) return 1;
        p += len;
        while (*p == ' ') p++;
    }
    return 0;
}

/* The default of parameter `name` in a signature text ("kernel_size, stride=None, padding=0"):
 * None, True, False, an int, a float or a quoted string. PV_UNBOUND when it has none. */
static int default_of(interp *I, const char *sig, const char *name, py_val *out) {
    *out = pv_unbound();
    size_t n = strlen(name);
    for (const char *p = sig; *p;) {
        while (*p == ' ' || *p == ',' || *p == '*') p++;
        const char *start = p;
        while (*p && *p != ',' && *p != '=') p++;
        size_t len = (size_t)(p - start);
        while (len && start[len - 1] == ' ') len--;
        if (*p != '=') continue;
        p++;
        while (*p == ' ') p++;
        const char *v = p;
        while (*p && *p != ',') p++;
        size_t vl = (size_t)(p - v);
        while (vl && v[vl - 1] == ' ') vl--;
        if (len != n || memcmp(start, name, n)) continue;
        char text[64];
        snprintf(text, sizeof text, "%.*s", (int)vl, v);
        if (!strcmp(text, "None")) *out = pv_none();
        else if (!strcmp(text, "True")) *out = pv_bool(1);
        else if (!strcmp(text, "False")) *out = pv_bool(0);
        else if (text[0] == '\'' || text[0] == '"') {
            *out = pv_str(I, text + 1, vl >= 2 ? vl - 2 : 0);
            if (out->t == PV_UNBOUND) return py_nomem(I);
        } else if (strpbrk(text, ".e")) *out = pv_float(strtod(text, NULL));
        else *out = pv_int(strtoll(text, NULL, 10));
        return 0;
    }
    return 0;
}

static int layer_init(ARGS) {
    (void)self;
    if (n < 1 || a[0].t != PV_OBJ) return py_raise(I, "TypeError", "__init__ needs a module");
    py_obj *o = pv_as_obj(a[0]);
    const cnnc_layer_def *def = NULL;
    for (py_class *c = o->cls; c && !def; c = c->n_bases ? c->bases[0] : NULL) def = c->layer;
    if (!def) return py_unsupported(I, "cnnc does not support nn.%s", o->cls->name);
    char qual[96];
    snprintf(qual, sizeof qual, "%s.__init__", def->qualname);
    py_val bound[32];
    const char *names[32];
    int32_t np;
    if (py_bind_signature(I, def->signature, qual, 1, a + 1, n - 1, kw, kwv, n_kw, bound, &np, names, 32)) return -1;
    /* positions of the arguments as written, for the registry's messages */
    const py_node *site = I->at && I->at->kind == PY_E_CALL ? I->at : NULL;
    cnnc_arg args[32];
    const cnnc_arg *argp[32];
    for (int32_t k = 0; k < np; k++) {
        argp[k] = NULL;
        if (bound[k].t == PV_UNBOUND) continue;
        int32_t line = site ? site->line : I->line, col = site ? site->col : I->col;
        if (site) {
            if (k < site->n && !(site->list[k]->kind == PY_E_STARRED)) { line = site->list[k]->line; col = site->list[k]->col; }
            for (int32_t j = 0; j < site->n2; j++)
                if (site->list2[j]->kind == PY_E_KEYWORD && !strcmp(py_sym_name(I->syms, site->list2[j]->v.sym), names[k])) {
                    line = site->list2[j]->a->line;
                    col = site->list2[j]->a->col;
                }
        }
        if (py_to_arg(I, bound[k], line, col, &args[k])) return -1;
        argp[k] = &args[k];
    }
    cnnc_arg call;
    memset(&call, 0, sizeof call);
    call.line = site ? site->a->line : I->line;
    call.col = site ? site->a->col : I->col;
    if (site && site->a->kind == PY_E_ATTR) {
        /* nn.Linear: the model file's messages point at the class name */
        call.col = site->a->col;
    }
    cnnc_error e;
    cnnc_error_clear(&e);
    memset(&o->nn->layer, 0, sizeof o->nn->layer);
    o->nn->layer.kind = def->kind;
    if (def->build(&o->nn->layer, argp, &call, &e) != CNNC_OK) {
        py_raise(I, e.type[0] ? e.type : "ValueError", "%s", e.message);
        I->ex.status = e.status;
        if (e.line > 0) { I->ex.line = e.line; I->ex.col = e.col; }
        return -1;
    }
    o->nn->initialized = 1;
    o->nn->training = 1;
    if (site) {
        o->nn->ctor_line = site->line;
        o->nn->ctor_col = site->col;
        o->nn->ctor_begin = site->begin;
        o->nn->ctor_end = site->end;
    } else {
        o->nn->ctor_line = I->line;
        o->nn->ctor_col = I->col;
    }
    o->nn->ctor_src = I->cur_src;
    /* the constructor's arguments as attributes (in_features, kernel_size ...), as PyTorch keeps them */
    for (int32_t k = 0; k < np; k++) {
        py_val v = bound[k];
        /* bias=True is the parameter `bias`; device and dtype are not kept */
        if (!strcmp(names[k], "bias") || !strcmp(names[k], "device") || !strcmp(names[k], "dtype")) continue;
        if (v.t == PV_UNBOUND && default_of(I, def->signature, names[k], &v)) return -1;
        if (v.t == PV_UNBOUND) continue;
        if (is_pair_attr(def, names[k]) && pv_is_int(v)) {
            py_val t = pv_seq(I, PV_TUPLE, 2);
            if (t.t == PV_UNBOUND) return py_nomem(I);
            pv_as_seq(t)->v[0] = pv_as_seq(t)->v[1] = v;
            v = t;
        } else if (is_pair_attr(def, names[k]) && v.t == PV_LIST) {
            py_val t = pv_seq(I, PV_TUPLE, pv_as_seq(v)->n);
            if (t.t == PV_UNBOUND) return py_nomem(I);
            memcpy(pv_as_seq(t)->v, pv_as_seq(v)->v, (size_t)pv_as_seq(v)->n * sizeof(py_val));
            v = t;
        }
        if (py_attrs_set(I, &o->attrs, py_s(I, names[k]), v)) return -1;
    }
    /* parameters and buffers, as tensors of their shapes */
    if (def->params) {
        cnnc_param_desc d[CNNC_LAYER_MAX_PARAMS];
        int32_t cnt = def->params(&o->nn->layer, d);
        for (int32_t k = 0; k < cnt; k++) {
            cnnc_shape s;
            memset(&s, 0, sizeof s);
            s.ndim = d[k].ndim;
            for (int32_t j = 0; j < d[k].ndim; j++) s.d[j] = d[k].shape[j];
            py_val t = pv_tensor(I, &s, TENSOR_CONST);
            if (t.t == PV_UNBOUND) return py_nomem(I);
            int trainable = d[k].role == CNNC_P_WEIGHT || d[k].role == CNNC_P_BIAS;
            pv_as_tensor(t)->is_param = trainable;
            if (py_attrs_set(I, trainable ? &o->nn->params : &o->nn->buffers, py_s(I, d[k].suffix), t)) return -1;
        }
    }
    /* PyTorch keeps `bias` as None when there is none */
    if (!py_attrs_find(&o->nn->params, I->s_bias) && (def->kind == CNNC_CONV2D || def->kind == CNNC_LINEAR))
        if (py_attrs_set(I, &o->nn->params, I->s_bias, pv_none())) return -1;
    *out = pv_none();
    return 0;
}

/* --------------------------------------------------------------- setup */

static int method(interp *I, py_class *c, const char *name, py_native fn) {
    py_val v = pv_builtin(I, name, fn, pv_unbound(), NULL, 1);
    if (v.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, &c->dict, py_s(I, name), v);
}

/* torch.nn.<name> resolved lazily: a registered kind, or a placeholder for a real class cnnc does not run. */
static int nn_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)m;
    const char *nm = py_sym_name(I->syms, name);
    /* a real torch.nn class cnnc does not run: it exists (isinstance, references),
     * constructing one is refused naming it */
    if (nm[0] < 'A' || nm[0] > 'Z' || !py_real_name("torch.nn", nm)) return 1;
    py_class *c = py_class_new(I, nm, PB_LAYER, I->c_module);
    if (!c) return py_nomem(I);
    c->module = "torch.nn";
    py_val init = pv_builtin(I, "__init__", layer_init, pv_unbound(), NULL, 1);
    if (init.t == PV_UNBOUND || py_attrs_set(I, &c->dict, I->s_init, init)) return py_nomem(I);
    *out = pv_ptr(PV_CLASS, c);
    return py_attrs_set(I, I->m_nn->attrs, name, *out);
}

int py_nn_init(interp *I) {
    if (!(I->m_nn = py_module_new(I, "torch.nn"))) return py_nomem(I);
    I->m_nn->getattr = nn_getattr;
    I->c_module = py_class_new(I, "Module", PB_MODULE, NULL);
    if (!I->c_module) return py_nomem(I);
    I->c_module->module = "torch.nn.modules.module";
    py_class *M = I->c_module;
    if (method(I, M, "__init__", m_init) || method(I, M, "forward", m_forward) || method(I, M, "modules", m_modules) ||
        method(I, M, "named_modules", m_modules) || method(I, M, "children", m_children) ||
        method(I, M, "named_children", m_children) || method(I, M, "parameters", m_parameters) ||
        method(I, M, "named_parameters", m_parameters) || method(I, M, "buffers", m_parameters) ||
        method(I, M, "add_module", m_add_module) || method(I, M, "register_module", m_add_module) ||
        method(I, M, "register_buffer", m_register_buffer) || method(I, M, "register_parameter", m_register_parameter) ||
        method(I, M, "apply", m_apply) || method(I, M, "__setattr__", m_setattr) || method(I, M, "__getattr__", m_getattr) || method(I, M, "train", m_train) || method(I, M, "eval", m_train) ||
        method(I, M, "to", m_self) || method(I, M, "cuda", m_self) || method(I, M, "cpu", m_self) ||
        method(I, M, "float", m_self) || method(I, M, "double", m_self) || method(I, M, "requires_grad_", m_self) ||
        method(I, M, "zero_grad", m_none) || method(I, M, "load_state_dict", m_none) ||
        method(I, M, "extra_repr", m_none) || method(I, M, "_initialize_weights", m_none))
        return -1;
    I->c_sequential = py_class_new(I, "Sequential", PB_SEQUENTIAL, M);
    I->c_modulelist = py_class_new(I, "ModuleList", PB_MODULELIST, M);
    I->c_moduledict = py_class_new(I, "ModuleDict", PB_MODULEDICT, M);
    I->c_parameter = py_class_new(I, "Parameter", PB_OBJECT, NULL);
    if (!I->c_sequential || !I->c_modulelist || !I->c_moduledict || !I->c_parameter) return py_nomem(I);
    I->c_sequential->module = I->c_modulelist->module = I->c_moduledict->module = "torch.nn.modules.container";
    py_class *S = I->c_sequential, *L = I->c_modulelist, *D = I->c_moduledict;
    if (method(I, S, "__init__", seq_init) || method(I, S, "forward", seq_forward) || method(I, S, "__getitem__", seq_getitem) ||
        method(I, S, "__setitem__", seq_setitem) || method(I, S, "__len__", seq_len) || method(I, S, "append", list_append) ||
        method(I, S, "extend", list_extend) || method(I, S, "insert", list_insert) ||
        method(I, L, "__init__", mlist_init) || method(I, L, "forward", container_forward) ||
        method(I, L, "__getitem__", seq_getitem) || method(I, L, "__setitem__", seq_setitem) ||
        method(I, L, "__len__", seq_len) || method(I, L, "append", list_append) || method(I, L, "extend", list_extend) ||
        method(I, L, "insert", list_insert) || method(I, D, "__init__", mdict_init) ||
        method(I, D, "forward", container_forward) || method(I, D, "__getitem__", mdict_getitem) ||
        method(I, D, "__setitem__", mdict_setitem) || method(I, D, "__len__", seq_len) || method(I, D, "keys", mdict_items) ||
        method(I, D, "values", mdict_items) || method(I, D, "items", mdict_items))
        return -1;
    py_module_ns *nn = I->m_nn;
    if (py_module_set(I, nn, "Module", pv_ptr(PV_CLASS, M)) || py_module_set(I, nn, "Sequential", pv_ptr(PV_CLASS, S)) ||
        py_module_set(I, nn, "ModuleList", pv_ptr(PV_CLASS, L)) || py_module_set(I, nn, "ModuleDict", pv_ptr(PV_CLASS, D)) ||
        py_module_set(I, nn, "Parameter", pv_ptr(PV_CLASS, I->c_parameter)))
        return -1;
    /* every registered kind with a constructor is a module class */
    for (int k = 0; k < CNNC_LAYER_KIND_COUNT; k++) {
        const cnnc_layer_def *def = cnnc_layer_def_of((cnnc_layer_kind)k);
        if (!def || !def->signature) continue;
        py_class *c = py_class_new(I, def->name, PB_LAYER, M);
        if (!c) return py_nomem(I);
        c->layer = def;
        char *modname = (char *)py_alloc(I->arena, strlen(def->module) + 24);
        if (!modname) return py_nomem(I);
        sprintf(modname, "torch.nn.modules.%s", def->module);
        c->module = modname;
        if (method(I, c, "__init__", layer_init) || method(I, c, "forward", layer_forward)) return -1;
        I->c_layer[k] = c;
        if (py_module_set(I, nn, def->name, pv_ptr(PV_CLASS, c))) return -1;
    }
    return 0;
}
