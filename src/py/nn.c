/* nn.c — torch.nn's modules as the evaluator runs them: nn.Module's state
 * (submodules, parameters and buffers in registration order, PyTorch's
 * __setattr__ rules and messages), its methods, and the setup that makes
 * torch.nn's classes. A call runs forward and records torchsummary's row.
 * The containers are nn_containers.c's, the layers nn_layers.c's. */
#include "base/str.h"
#include "py/nn_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

py_nn *py_nn_of(py_val v) { return v.t == PV_OBJ ? pv_as_obj(v)->nn : NULL; }

/* The built-in base behaviour of a (possibly user) module class. */
py_base nn_base_of(const py_class *c) {
    while (c && c->user && c->n_bases) c = c->bases[0];
    return c ? c->base : PB_OBJECT;
}

const char *nn_class_name(py_val v) { return v.t == PV_OBJ ? pv_as_obj(v)->cls->name : "?"; }

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
        pv_as_dict(*out)->mirror = (py_attrs *)src;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ traversal */

typedef struct mod_list { py_val *v; const char **names; int32_t n, cap; uint32_t mark; } mod_list;

/* An empty list with a walk mark of its own. */
static mod_list ml_begin(interp *I) {
    mod_list l = {0};
    l.mark = ++I->walk_epoch;
    return l;
}

static int ml_push(interp *I, mod_list *l, py_val v, const char *name) {
    py_nn *nn = py_nn_of(v);
    if (nn && nn->walk_mark == l->mark) return 0;   /* named_modules skips a module seen before */
    if (nn) nn->walk_mark = l->mark;
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
        size_t pl = strlen(prefix), nl = strlen(nm);
        char *path = (char *)py_alloc(I->arena, pl + nl + 2);
        if (!path) return py_nomem(I);
        memcpy(path, prefix, pl);
        if (pl) path[pl++] = '.';
        memcpy(path + pl, nm, nl + 1);
        if (walk(I, l, c, path) < 0) return -1;
    }
    return 0;
}

int py_nn_assign_paths(interp *I, py_val root) {
    mod_list l = ml_begin(I);
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
    if (py_grow_uninit(I, (void **)&g->rows, &g->cap_rows, g->n_rows + 1, sizeof *g->rows)) return -1;   /* zeroed below */
    py_call_row *row = &g->rows[g->n_rows++];
    memset(row, 0, sizeof *row);
    row->class_name = nn_class_name(mod);
    if (result.t == PV_TENSOR) {
        row->n_out = 1;
        row->out[0] = pv_as_tensor(result)->shape;
    } else if (result.t == PV_TUPLE || result.t == PV_LIST) {
        py_seq *q = pv_as_seq(result);
        for (int32_t k = 0; k < q->n; k++) {
            if (q->v[k].t == PV_TENSOR && row->n_out < 4) row->out[row->n_out++] = pv_as_tensor(q->v[k])->shape;
            else if (q->v[k].t != PV_TENSOR && !row->hook_fail_type) row->hook_fail_type = py_type_name(&q->v[k]);
        }
    } else {
        row->hook_fail_type = py_type_name(&result);   /* list(output.size()) */
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

/* An error inside a ScriptModule's forward is the TorchScript interpreter's: PyTorch's first
 * line is its own, RuntimeError for what an op raised (its IndexErrors too) and torch.jit.Error
 * for a Python raise the script compiled (F.batch_norm's ValueError); the
 * inner error stays as the message's last line, as PyTorch prints it. Refusals stay refusals. */
static void torchscript_error(interp *I) {
    static const char first[] = "The following operation failed in the TorchScript interpreter.";
    py_error *e = &I->ex;
    if (e->status == CNNC_ERR_UNSUPPORTED || e->status == CNNC_ERR_NOMEM || !strncmp(e->message, first, sizeof first - 1))
        return;
    char inner[CNNC_ERR_TEXT];
    snprintf(inner, sizeof inner, "%.31s: %.900s", e->type, e->message);
    const char *type = !strcmp(e->type, "RuntimeError") || !strcmp(e->type, "IndexError") ? "RuntimeError" : "torch.jit.Error";
    snprintf(e->type, sizeof e->type, "%s", type);
    snprintf(e->message, sizeof e->message, "%s\n%.900s", first, inner);
    e->value = pv_unbound();
    if (e->has_shape) {
        snprintf(e->shape.type, sizeof e->shape.type, "%s", type);
        memcpy(e->shape.message, e->message, sizeof e->shape.message);
    }
}

/* The hooks of a dict of them (nothing when unbound or empty), copied: a hook may remove itself. */
static int hooks_of(interp *I, py_val dict, py_val **hooks, int32_t *n) {
    *n = 0;
    if (dict.t != PV_DICT || !pv_as_dict(dict)->n) return 0;
    const py_dict *d = pv_as_dict(dict);
    if (!(*hooks = (py_val *)py_alloc(I->arena, (size_t)d->n * sizeof **hooks))) return py_nomem(I);
    memcpy(*hooks, d->v, (size_t)d->n * sizeof **hooks);
    *n = d->n;
    return 0;
}

/* Module._call_impl: the forward pre-hooks (hook(module, args): a result other than None
 * replaces the positional arguments, a non-tuple as a 1-tuple), forward, then the forward
 * hooks (hook(module, args, output): a result other than None replaces the output). */
int py_nn_call(interp *I, py_val mod, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
               py_val *out) {
    py_obj *o = pv_as_obj(mod);
    py_val fwd, *pre = NULL, *post = NULL, input = pv_unbound();
    int32_t n_pre = 0, n_post = 0;
    if (hooks_of(I, o->nn->forward_pre_hooks, &pre, &n_pre) || hooks_of(I, o->nn->forward_hooks, &post, &n_post)) return -1;
    if (n_pre || n_post) {
        if ((input = pv_seq(I, PV_TUPLE, n)).t == PV_UNBOUND) return py_nomem(I);
        if (n) memcpy(pv_as_seq(input)->v, args, (size_t)n * sizeof *args);
    }
    for (int32_t k = 0; k < n_pre; k++) {
        py_val hargs[2] = {mod, input}, r;
        if (py_call(I, pre[k], hargs, 2, NULL, NULL, 0, &r)) return -1;
        if (r.t == PV_NONE) continue;
        if (r.t != PV_TUPLE) {
            py_val one = pv_seq(I, PV_TUPLE, 1);
            if (one.t == PV_UNBOUND) return py_nomem(I);
            pv_as_seq(one)->v[0] = r;
            r = one;
        }
        input = r;
    }
    if (n_pre) { args = pv_as_seq(input)->v; n = pv_as_seq(input)->n; }
    if (py_getattr(I, mod, I->s_forward, &fwd)) return -1;
    if (py_call(I, fwd, args, n, kw, kwv, n_kw, out)) {
        if (I->c_script_module && py_class_is(o->cls, I->c_script_module)) torchscript_error(I);
        return -1;
    }
    for (int32_t k = 0; k < n_post; k++) {
        py_val hargs[3] = {mod, input, *out}, r;
        if (py_call(I, post[k], hargs, 3, NULL, NULL, 0, &r)) return -1;
        if (r.t != PV_NONE) *out = r;
    }
    py_base b = nn_base_of(o->cls);
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
    if (n_kw)   /* Python binds keywords first: super().__init__(**kwargs) with something in it */
        return py_raise(I, "TypeError", "Module.__init__() got an unexpected keyword argument '%s'", py_sym_name(I->syms, kw[0]));
    if (n > 1) return py_raise(I, "TypeError", "Module.__init__() takes 1 positional argument but %d were given", (int)n);
    o->nn->initialized = 1;
    o->nn->training = 1;
    *out = pv_none();
    return 0;
}

int nn_init_next(interp *I, py_val self) {
    if (self.t != PV_OBJ) return 0;
    const py_class *c = pv_as_obj(self)->cls;
    int32_t k = 0;
    while (c->mro && k < c->n_mro && c->mro[k]->user) k++;   /* the torch.nn class whose __init__ runs */
    for (k++; c->mro && k < c->n_mro; k++) {
        const py_val *v = py_attrs_find(&c->mro[k]->dict, I->s_init);
        if (!v) continue;
        if (!c->mro[k]->user || v->t != PV_FUNC) return 0;   /* torch.nn's own (Module.__init__ starts nothing) */
        py_val r;
        return py_call(I, *v, &self, 1, NULL, NULL, 0, &r);
    }
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

/* Module.__call__(self, *input): forward (a subclass's own __call__ can reach it through super()) */
static int m_call(ARGS) {
    UNUSED;
    if (n < 1 || !module_self(I, a[0], "__call__")) return -1;
    return py_nn_call(I, a[0], a + 1, n - 1, kw, kwv, n_kw, out);
}

static int m_forward(ARGS) {
    UNUSED;
    (void)n;
    (void)out;
    return py_raise(I, "NotImplementedError", "Module [%s] is missing the required \"forward\" function", nn_class_name(a[0]));
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
    mod_list l = ml_begin(I);
    if (walk(I, &l, a[0], "") < 0) return -1;
    return list_of(I, &l, !strcmp(I->callee->name, "named_modules"), 0, out);
}

static int m_children(ARGS) {
    UNUSED;
    (void)n;
    py_obj *o = module_self(I, a[0], "children");
    if (!o) return -1;
    mod_list l = ml_begin(I);
    for (int32_t k = 0; k < o->nn->children.n; k++)
        if (py_nn_of(o->nn->children.v[k]) && ml_push(I, &l, o->nn->children.v[k], py_sym_name(I->syms, o->nn->children.k[k])) < 0)
            return -1;
    return list_of(I, &l, !strcmp(I->callee->name, "named_children"), 0, out);
}

/* Module.state_dict(): "path.name" -> tensor for each module's parameters, then its
 * buffers, modules in named_modules order; each detached, as keep_vars=False gives
 * them (item assignment into one is allowed, as into .data). */
static int m_state_dict(ARGS) {
    UNUSED;
    if (n < 1 || !module_self(I, a[0], "state_dict")) return -1;
    if (n > 1 || n_kw) return py_unsupported(I, "cnnc follows state_dict() without arguments");
    mod_list l = ml_begin(I);
    if (walk(I, &l, a[0], "") < 0) return -1;
    py_val d = pv_dict(I);
    if (d.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < l.n; k++) {
        py_nn *nn = py_nn_of(l.v[k]);
        for (int part = 0; part < 2; part++) {
            const py_attrs *src = part ? &nn->buffers : &nn->params;
            for (int32_t j = 0; j < src->n; j++) {
                if (src->v[j].t != PV_TENSOR) continue;
                cnnc_strbuf sb = {0};
                cnnc_sb_printf(&sb, "%s%s%s", l.names[k], l.names[k][0] ? "." : "", py_sym_name(I->syms, src->k[j]));
                py_val key = pv_str(I, sb.p ? sb.p : "", sb.len);
                cnnc_sb_free(&sb);
                py_val t = pv_tensor_copy(I, pv_as_tensor(src->v[j]));
                if (key.t == PV_UNBOUND || t.t == PV_UNBOUND) return py_nomem(I);
                pv_as_tensor(t)->is_param = 0;
                if (py_dict_set(I, d, key, t)) return -1;
            }
        }
    }
    *out = d;
    return 0;
}

/* Module.requires_grad_(requires_grad=True): every parameter's flag, as p.requires_grad = flag. */
static int m_requires_grad_(ARGS) {
    UNUSED;
    if (n < 1 || !module_self(I, a[0], "requires_grad_")) return -1;
    if (n > 2 || n_kw > 1 || (n_kw == 1 && (n > 1 || strcmp(py_sym_name(I->syms, kw[0]), "requires_grad"))))
        return py_unsupported(I, "cnnc cannot follow this call of Module.requires_grad_");
    const py_val flag = n > 1 ? a[1] : n_kw ? kwv[0] : pv_bool(1);
    mod_list l = ml_begin(I);
    if (walk(I, &l, a[0], "") < 0) return -1;
    for (int32_t k = 0; k < l.n; k++) {
        const py_attrs *ps = &py_nn_of(l.v[k])->params;
        for (int32_t j = 0; j < ps->n; j++)
            if (ps->v[j].t == PV_TENSOR && py_tensor_set_requires_grad(I, ps->v[j], flag)) return -1;
    }
    *out = a[0];
    return 0;
}

static int m_parameters(ARGS) {
    UNUSED;
    if (!module_self(I, a[0], "parameters")) return -1;
    if (n > 1 || n_kw)   /* recurse=False, a prefix: not followed, rather than ignored */
        return py_unsupported(I, "cnnc cannot follow %s() with arguments", I->callee->name);
    mod_list l = ml_begin(I);
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
    /* a generator, as PyTorch's: next(self.parameters()) works, indexing it does not */
    py_iter *it = (py_iter *)py_alloc(I->arena, sizeof *it);
    if (!it) return py_nomem(I);
    it->seq = r;
    it->i = 0;
    *out = pv_ptr(PV_ITER, it);
    return 0;
}

static int m_add_module(ARGS) {
    UNUSED;
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, "self, name, module", -1);
    if (!sig || py_bind_sig(I, sig, "Module.add_module", 0, a, n, kw, kwv, n_kw, b)) return -1;
    a = b;   /* add_module(name="conv", module=m) */
    n = 3;
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
    for (int32_t k = 0; k < n_kw; k++) {   /* register_buffer(name, t, persistent=False): left out of state_dict */
        int keep = 1;
        if (!strcmp(py_sym_name(I->syms, kw[k]), "persistent") && py_truthy(I, kwv[k], &keep)) return -1;
        if (!keep) o->nn->nonpersistent = 1;
    }
    if (n > 3) {
        int keep = 1;
        if (py_truthy(I, a[3], &keep)) return -1;
        if (!keep) o->nn->nonpersistent = 1;
    }
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

int py_nn_set_training(interp *I, py_val m, int mode) {
    py_nn *nn = py_nn_of(m);
    if (!nn) return 0;
    nn->training = mode;
    /* PyTorch's train() assigns self.training = mode: an attribute the constructor set goes too */
    py_obj *o = pv_as_obj(m);
    if (py_attrs_find(&o->attrs, I->s_training) && py_attrs_set(I, &o->attrs, I->s_training, pv_bool(mode))) return -1;
    for (int32_t k = 0; k < nn->children.n; k++)
        if (py_nn_set_training(I, nn->children.v[k], mode)) return -1;
    return 0;
}

static int m_train(ARGS) {
    UNUSED;
    if (!module_self(I, a[0], "train")) return -1;
    int mode = 1;
    if (n > 1 && py_truthy(I, a[1], &mode)) return -1;
    if (n_kw && (n_kw > 1 || n > 1 || strcmp(py_sym_name(I->syms, kw[0]), "mode") || strcmp(I->callee->name, "train")))
        return py_unsupported(I, "cnnc cannot follow this call of %s() with keywords", I->callee->name);
    if (n_kw && py_truthy(I, kwv[0], &mode)) return -1;
    if (!strcmp(I->callee->name, "eval")) mode = 0;
    *out = a[0];
    return py_nn_set_training(I, a[0], mode);
}

/* torch.utils.hooks.RemovableHandle: ids from a counter; remove() takes its hook out of the
 * module's dict of them (backward hooks, which a shape check never runs, have none). */
static const char hooks_py[] =
    "class RemovableHandle(object):\n"
    "    next_id = 0\n"
    "\n"
    "    def __init__(self, hooks_dict=None):\n"
    "        self.hooks_dict_ref = hooks_dict\n"
    "        self.id = RemovableHandle.next_id\n"
    "        RemovableHandle.next_id += 1\n"
    "\n"
    "    def remove(self):\n"
    "        hooks_dict = self.hooks_dict_ref\n"
    "        if hooks_dict is not None and self.id in hooks_dict:\n"
    "            del hooks_dict[self.id]\n"
    "\n"
    "    def __enter__(self):\n"
    "        return self\n"
    "\n"
    "    def __exit__(self, *args):\n"
    "        self.remove()\n";

/* A new RemovableHandle over `dict` (unbound: none). */
static int removable_handle(interp *I, py_val dict, py_val *out) {
    if (!I->m_torch_hooks &&
        !(I->m_torch_hooks = py_prelude_module(I, "torch.utils.hooks", "<cnnc>/torch/utils/hooks.py", hooks_py, sizeof hooks_py - 1)))
        return -1;
    const py_val *cls = py_attrs_find(I->m_torch_hooks->attrs, py_s(I, "RemovableHandle"));
    if (!cls) return py_unsupported(I, "cnnc cannot follow %s()", I->callee->name);
    return py_call(I, *cls, &dict, dict.t == PV_UNBOUND ? 0 : 1, NULL, NULL, 0, out);
}

/* register_backward_hook(hook) and register_full_backward_hook(hook): hooks that run in
 * backward, which a shape check never reaches; the handle PyTorch returns. */
static int m_backward_hook(ARGS) {
    UNUSED;
    py_obj *o = n ? module_self(I, a[0], I->callee->name) : NULL;
    if (!o) return n ? -1 : py_raise(I, "TypeError", "%s() missing 1 required positional argument: 'self'", I->callee->name);
    if (n != 2 || n_kw) return py_unsupported(I, "cnnc cannot follow this call of %s()", I->callee->name);
    const int kind = strstr(I->callee->name, "full") ? 2 : 1;   /* a module takes one kind, kept once set */
    if (o->nn->backward_hook_kind && o->nn->backward_hook_kind != kind)
        return py_raise(I, "RuntimeError", "Cannot use both regular backward hooks and full backward hooks on a single Module. "
                                           "Please use only one of them.");
    o->nn->backward_hook_kind = kind;
    return removable_handle(I, pv_unbound(), out);
}

/* register_forward_hook(hook) and register_forward_pre_hook(hook) (1.13: the hook alone),
 * run by py_nn_call; the handle removes it. */
static int m_forward_hook(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    py_obj *o = n ? module_self(I, a[0], fn) : NULL;
    if (!o) return n ? -1 : py_raise(I, "TypeError", "%s() missing 1 required positional argument: 'self'", fn);
    if (n_kw) return py_raise(I, "TypeError", "Module.%s() got an unexpected keyword argument '%s'", fn, py_sym_name(I->syms, kw[0]));
    if (n != 2) {
        if (n < 2) return py_raise(I, "TypeError", "Module.%s() missing 1 required positional argument: 'hook'", fn);
        return py_raise(I, "TypeError", "Module.%s() takes 2 positional arguments but %d were given", fn, (int)n);
    }
    py_val *dict = strstr(fn, "pre") ? &o->nn->forward_pre_hooks : &o->nn->forward_hooks;
    if (dict->t == PV_UNBOUND && (*dict = pv_dict(I)).t == PV_UNBOUND) return py_nomem(I);
    py_val id;
    if (removable_handle(I, *dict, out) || py_getattr(I, *out, py_s(I, "id"), &id)) return -1;
    return py_dict_set(I, *dict, id, a[1]);
}

/* _get_name(): the class's name, as repr and summaries print it; extra_repr(): '' */
static int m_get_name(ARGS) {
    UNUSED;
    if (n != 1) return py_raise(I, "TypeError", "%s() takes 1 positional argument but %d were given", I->callee->name, (int)n);
    py_obj *o = module_self(I, a[0], I->callee->name);
    if (!o) return -1;
    *out = pv_cstr(I, I->callee->name[0] == 'e' ? "" : o->cls->name);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

static int m_self(ARGS) { UNUSED; (void)I; *out = n ? a[0] : pv_none(); return 0; }  /* to(), cuda(), float() ... */
static int m_none(ARGS) { UNUSED; (void)I; (void)a; (void)n; *out = pv_none(); return 0; }
/* str(type(v)), as torch.nn's messages format a wrong argument ("<class 'list'>") */
int nn_type_text(interp *I, py_val v, py_val *text) {
    py_val type;
    return py_call(I, *py_attrs_find(&I->builtins, py_s(I, "type")), &v, 1, NULL, NULL, 0, &type) ||
                   py_call(I, *py_attrs_find(&I->builtins, py_s(I, "str")), &type, 1, NULL, NULL, 0, text)
               ? -1
               : 0;
}

/* load_state_dict's walk of one module at prefix (every path, shared modules too, as
 * 1.13's load() recurses): size mismatches and missing keys into msgs, and a mark for
 * each key of sd that this module's prefix claims but that names neither a child nor one
 * of its parameters or buffers (unexpected). -1 raised. */
typedef struct sd_check { const py_dict *sd; char *unexpected; cnnc_strbuf missing, errors; int n_missing, depth; py_val missing_list; } sd_check;

static int same_shape(const cnnc_shape *a, const cnnc_shape *b) {
    if (a->ndim != b->ndim) return 0;
    for (int32_t d = 0; d < a->ndim; d++)
        if (a->d[d] != b->d[d]) return 0;
    return 1;
}

static int sd_walk(interp *I, sd_check *c, py_val m, const char *prefix) {
    py_nn *nn = py_nn_of(m);
    if (++c->depth > 256) return py_unsupported(I, "cnnc cannot follow load_state_dict through modules nested this deep");
    const size_t pl = strlen(prefix);
    for (int part = 0; part < 2; part++) {
        const py_attrs *src = part ? &nn->buffers : &nn->params;
        for (int32_t j = 0; j < src->n; j++) {
            if (src->v[j].t != PV_TENSOR) continue;   /* None: not in state_dict */
            const char *nm = py_sym_name(I->syms, src->k[j]);
            cnnc_strbuf key = {0};
            cnnc_sb_printf(&key, "%s%s", prefix, nm);
            const int32_t at = py_dict_find(I, c->sd, pv_str(I, key.p ? key.p : "", key.len));
            /* _BatchNorm's _load_from_state_dict puts a missing num_batches_tracked in (a dict
             * without a version in its _metadata: any dict code builds) */
            if (at < 0 && !strcmp(nm, "num_batches_tracked")) {
                cnnc_sb_free(&key);
                continue;
            }
            if (at < 0) {
                cnnc_sb_printf(&c->missing, "%s\"%s\"", c->n_missing++ ? ", " : "", key.p ? key.p : "");
                if (py_seq_push(I, c->missing_list, pv_str(I, key.p ? key.p : "", key.len))) { cnnc_sb_free(&key); return -1; }
            } else {
                const py_val v = c->sd->v[at];
                const cnnc_shape *own = &pv_as_tensor(src->v[j])->shape;
                if (v.t != PV_TENSOR) {
                    cnnc_sb_printf(&c->errors, "\n\tWhile copying the parameter named \"%s\", expected torch.Tensor or Tensor-like "
                                   "object from checkpoint but received %s", key.p, py_type_name(&v));
                } else if (!same_shape(own, &pv_as_tensor(v)->shape)) {
                    char a1[24 * CNNC_MAX_DIMS], a2[24 * CNNC_MAX_DIMS];
                    cnnc_shape_format(&pv_as_tensor(v)->shape, a1, sizeof a1);
                    cnnc_shape_format(own, a2, sizeof a2);
                    cnnc_sb_printf(&c->errors, "\n\tsize mismatch for %s: copying a param with shape torch.Size(%s) from checkpoint, "
                                   "the shape in current model is torch.Size(%s).", key.p, a1, a2);
                }
            }
            cnnc_sb_free(&key);
        }
    }
    for (int32_t k = 0; k < c->sd->n; k++) {   /* this module's unexpected keys */
        if (c->sd->k[k].t != PV_STR) continue;
        const py_str *ks = pv_as_str(c->sd->k[k]);
        if ((size_t)ks->len < pl || memcmp(ks->s, prefix, pl)) continue;
        const char *rest = ks->s + pl;
        const size_t cl = strcspn(rest, ".");
        const py_sym comp = py_intern(I->syms, rest, cl);
        const py_val *child = py_attrs_find(&nn->children, comp), *p = py_attrs_find(&nn->params, comp),
                     *b = py_attrs_find(&nn->buffers, comp);
        if (!(child && py_nn_of(*child)) && !(p && p->t == PV_TENSOR) && !(b && b->t == PV_TENSOR)) c->unexpected[k] = 1;
    }
    for (int32_t k = 0; k < nn->children.n; k++) {
        if (!py_nn_of(nn->children.v[k])) continue;
        cnnc_strbuf sub = {0};
        cnnc_sb_printf(&sub, "%s%s.", prefix, py_sym_name(I->syms, nn->children.k[k]));
        const int r = sd_walk(I, c, nn->children.v[k], sub.p ? sub.p : "");
        cnnc_sb_free(&sub);
        if (r) return -1;
    }
    c->depth--;
    return 0;
}

/* Module.load_state_dict(state_dict, strict=True): the mapping's keys and shapes against
 * the module's own, 1.13's RuntimeError when they disagree (missing or unexpected keys
 * only when strict), else (missing_keys, unexpected_keys). A mapping whose keys are not
 * all strings, or a module with non-persistent buffers, is refused. */
static int m_load_state_dict(ARGS) {
    UNUSED;
    py_val sd = n >= 2 ? a[1] : pv_unbound(), strict_v = n >= 3 ? a[2] : pv_bool(1);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "state_dict") && sd.t == PV_UNBOUND) sd = kwv[k];
        else if (!strcmp(nm, "strict") && n < 3) strict_v = kwv[k];
        else return py_raise(I, "TypeError", "Module.load_state_dict() got an unexpected keyword argument '%s'", nm);
    }
    py_obj *o = n >= 1 ? module_self(I, a[0], "load_state_dict") : NULL;
    if (!o) return -1;
    if (sd.t == PV_UNBOUND) return py_raise(I, "TypeError", "Module.load_state_dict() missing 1 required positional argument: 'state_dict'");
    if (sd.t != PV_DICT) {
        py_val text;
        if (nn_type_text(I, sd, &text)) return -1;
        return py_raise(I, "TypeError", "Expected state_dict to be dict-like, got %s.", pv_as_str(text)->s);
    }
    int strict = 1;
    if (py_truthy(I, strict_v, &strict)) return -1;
    const py_dict *d = pv_as_dict(sd);
    for (int32_t k = 0; k < d->n; k++)
        if (d->k[k].t != PV_STR) return py_unsupported(I, "cnnc cannot follow load_state_dict of a mapping with a %s key", py_type_name(&d->k[k]));
    mod_list l = ml_begin(I);
    if (walk(I, &l, a[0], "") < 0) return -1;
    for (int32_t k = 0; k < l.n; k++)
        if (py_nn_of(l.v[k])->nonpersistent)
            return py_unsupported(I, "cnnc cannot follow load_state_dict of a module with a non-persistent buffer");
    py_val missing = pv_seq(I, PV_LIST, 0), unexpected = pv_seq(I, PV_LIST, 0);
    if (missing.t == PV_UNBOUND || unexpected.t == PV_UNBOUND) return py_nomem(I);
    sd_check c = {d, (char *)py_alloc(I->arena, (size_t)d->n + 1), {0}, {0}, 0, 0, missing};
    if (!c.unexpected) return py_nomem(I);
    memset(c.unexpected, 0, (size_t)d->n + 1);
    int r = sd_walk(I, &c, a[0], "");
    cnnc_strbuf un = {0};
    int n_un = 0;
    for (int32_t k = 0; !r && k < d->n; k++)
        if (c.unexpected[k]) {
            cnnc_sb_printf(&un, "%s\"%s\"", n_un++ ? ", " : "", pv_as_str(d->k[k])->s);
            r = py_seq_push(I, unexpected, d->k[k]);
        }
    if (!r && (c.errors.len || (strict && (c.n_missing || n_un)))) {
        cnnc_strbuf msg = {0};
        cnnc_sb_printf(&msg, "Error(s) in loading state_dict for %s:", o->cls->name);
        if (strict && c.n_missing) cnnc_sb_printf(&msg, "\n\tMissing key(s) in state_dict: %s. ", c.missing.p);
        if (strict && n_un) cnnc_sb_printf(&msg, "\n\tUnexpected key(s) in state_dict: %s. ", un.p);
        if (c.errors.len) cnnc_sb_printf(&msg, "%s", c.errors.p);
        r = py_raise(I, "RuntimeError", "%s", msg.p ? msg.p : "");
        cnnc_sb_free(&msg);
    }
    cnnc_sb_free(&c.missing);
    cnnc_sb_free(&c.errors);
    cnnc_sb_free(&un);
    if (r) return -1;
    /* _IncompatibleKeys(missing_keys, unexpected_keys): a pair of lists (their names are not kept) */
    py_val pair = pv_seq(I, PV_TUPLE, 2);
    if (pair.t == PV_UNBOUND) return py_nomem(I);
    pv_as_seq(pair)->v[0] = missing;
    pv_as_seq(pair)->v[1] = unexpected;
    *out = pair;
    return 0;
}
/* Module.to(...) and .cuda(): the module itself, unless they name a CUDA device (cnnc's torch has none). */
static int m_to(ARGS) {
    if (n > 0 && py_refuse_cuda_args(I, a + 1, n - 1, kw, kwv, n_kw)) return -1;   /* a[0] is the module */
    (void)self;
    *out = n ? a[0] : pv_none();
    return 0;
}
static int m_cuda(ARGS) { UNUSED; (void)a; (void)n; (void)out; return py_raise_no_cuda(I); }

/* --------------------------------------------------------------- setup */

static int method(interp *I, py_class *c, const char *name, py_native fn) {
    py_val v = pv_builtin(I, name, fn, pv_unbound(), NULL, 1);
    if (v.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, &c->dict, py_s(I, name), v);
}

/* torch.nn.<name> resolved lazily: a registered kind, or a placeholder for a real class cnnc does not run. */
static int layer_class(interp *I, int k, py_val *out);

/* _BatchNorm._check_input_dim: abstract in 1.13 (NotImplementedError with no message). */
static int nn_bn_base_check(ARGS) {
    UNUSED;
    (void)a; (void)n; (void)out;
    return py_raise(I, "NotImplementedError", "%s", "");
}

/* _BatchNorm.forward: self._check_input_dim(input) (a subclass's), then F.batch_norm, whose
 * checks are the BatchNorm kinds' for the input's rank. */
static int nn_bn_base_forward(ARGS) {
    UNUSED;
    if (n != 2) {
        if (n < 2) return py_raise(I, "TypeError", "_BatchNorm.forward() missing 1 required positional argument: 'input'");
        return py_raise(I, "TypeError", "_BatchNorm.forward() takes 2 positional arguments but %d were given", (int)n);
    }
    py_val chk, r;
    if (py_getattr(I, a[0], py_s(I, "_check_input_dim"), &chk) || py_call(I, chk, &a[1], 1, NULL, NULL, 0, &r)) return -1;
    py_nn *nn = py_nn_of(a[0]);
    if (!nn || a[1].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow _BatchNorm.forward on a %s", py_type_name(&a[1]));
    const int32_t nd = pv_as_tensor(a[1])->shape.ndim;
    const cnnc_layer_kind kind = nd == 2 || nd == 3 ? CNNC_BATCHNORM1D : nd == 4 ? CNNC_BATCHNORM2D : nd == 5 ? CNNC_BATCHNORM3D
                                                                                                   : CNNC_LAYER_KIND_COUNT;
    if (kind == CNNC_LAYER_KIND_COUNT) return py_unsupported(I, "cnnc follows F.batch_norm on 2-d to 5-d input, not %d-d", (int)nd);
    return py_trace_op(I, kind, &nn->layer.p, &a[1], 1, nn, NULL, out);
}

/* torch.nn.modules.batchnorm._BatchNorm, the base that batch norms written by users
 * subclass (V-Net's ContBatchNorm3d): BatchNorm2d's constructor and entries. */
static int bn_base_class(interp *I, py_sym name, py_val *out) {
    py_val bn;
    if (layer_class(I, CNNC_BATCHNORM2D, &bn)) return -1;
    py_class *c = py_class_new(I, "_BatchNorm", PB_LAYER, I->c_module);
    if (!c) return py_nomem(I);
    c->layer = pv_as_class(bn)->layer;
    c->module = "torch.nn.modules.batchnorm";
    if (method(I, c, "__init__", nn_layer_init) || method(I, c, "forward", nn_bn_base_forward) ||
        method(I, c, "_check_input_dim", nn_bn_base_check))
        return -1;
    *out = pv_ptr(PV_CLASS, c);
    return py_attrs_set(I, I->m_nn->attrs, name, *out);
}

/* ---- lazy modules: nn.LazyConv2d(out_channels, ...) becomes nn.Conv2d(in_channels, out_channels,
 * ...) at its first forward, in_channels read from the input (LazyModuleMixin's
 * cls_to_become: from then on it is a Conv2d, in isinstance and torchsummary's rows). */
typedef struct lazy_kind { const char *name; cnnc_layer_kind becomes; int spatial; const char *signature; } lazy_kind;
static const lazy_kind lazy_kinds[] = {
    {"LazyConv1d", CNNC_CONV1D, 1, "out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros', device=None, dtype=None"},
    {"LazyConv2d", CNNC_CONV2D, 2, "out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros', device=None, dtype=None"},
    {"LazyConvTranspose2d", CNNC_CONVTRANSPOSE2D, 2, "out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros', device=None, dtype=None"},
    {"LazyLinear", CNNC_LINEAR, -1, "out_features, bias=True, device=None, dtype=None"},
    {"LazyBatchNorm1d", CNNC_BATCHNORM1D, 0, "eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None"},
    {"LazyBatchNorm2d", CNNC_BATCHNORM2D, 0, "eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None"},
    {"LazyBatchNorm3d", CNNC_BATCHNORM3D, 0, "eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None"},
};

static const lazy_kind *lazy_kind_of(const py_class *c) {
    for (size_t k = 0; k < sizeof lazy_kinds / sizeof lazy_kinds[0]; k++)
        if (!strcmp(c->name, lazy_kinds[k].name)) return &lazy_kinds[k];
    return NULL;
}

/* __init__: the arguments bound against the lazy class's own signature, kept for the first forward */
static int nn_lazy_init(ARGS) {
    UNUSED;
    py_obj *o = n > 0 ? module_self(I, a[0], "__init__") : NULL;
    const lazy_kind *lk = o ? lazy_kind_of(o->cls) : NULL;
    if (!lk) return py_unsupported(I, "cnnc cannot follow this lazy module");
    const py_sig *sig = py_sig_cached(I, lk->signature, -1);
    py_val b[16];
    char qual[64];
    snprintf(qual, sizeof qual, "%s.__init__", lk->name);
    if (!sig || sig->n > 16 || py_bind_sig(I, sig, qual, 0, a + 1, n - 1, kw, kwv, n_kw, b)) return -1;
    py_val given = pv_dict(I);
    if (given.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < sig->n; k++)
        if (b[k].t != PV_UNBOUND && py_dict_set(I, given, pv_cstr(I, sig->names[k]), b[k])) return -1;
    o->nn->initialized = 1;
    o->nn->training = 1;
    *out = pv_none();
    return py_attrs_set(I, &o->attrs, py_s(I, "_cnnc_lazy_args"), given);
}

/* forward: infer the missing size, become the layer, run it */
static int nn_lazy_forward(ARGS) {
    UNUSED;
    if (n != 2 || a[0].t != PV_OBJ) return py_unsupported(I, "cnnc cannot follow this call of a lazy module");
    py_obj *o = pv_as_obj(a[0]);
    const lazy_kind *lk = lazy_kind_of(o->cls);
    const py_val *given = py_attrs_find(&o->attrs, py_s(I, "_cnnc_lazy_args"));
    if (!lk || !given || a[1].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow this call of a lazy module");
    const cnnc_shape *s = &pv_as_tensor(a[1])->shape;
    int64_t size;
    if (lk->spatial > 0) {   /* _get_in_channels */
        const int nb = lk->spatial + 1;
        if (s->ndim != nb && s->ndim != nb + 1) {
            char t[24 * CNNC_MAX_DIMS];
            cnnc_shape_format(s, t, sizeof t);
            cnnc_error e;
            cnnc_error_clear(&e);
            cnnc_error_set(&e, CNNC_ERR_SHAPE, "RuntimeError",
                           "Expected %dD (unbatched) or %dD (batched) input to %s, but got input of size: torch.Size(%s)",
                           nb, nb + 1, lk->name, t);
            py_raise_shape(I, &e);
            return -1;
        }
        size = s->d[s->ndim == nb + 1 ? 1 : 0];
    } else if (lk->spatial < 0) {
        if (s->ndim == 0) return py_unsupported(I, "cnnc cannot follow a lazy Linear on a 0-d input");
        size = s->d[s->ndim - 1];
    } else {
        if (s->ndim < 2) return py_unsupported(I, "cnnc cannot follow a lazy BatchNorm on a %d-d input", (int)s->ndim);
        size = s->d[1];
    }
    py_val cls;
    if (layer_class(I, lk->becomes, &cls)) return -1;
    const py_dict *d = pv_as_dict(*given);
    py_sym kws[16];
    py_val kwvals[16];
    for (int32_t k = 0; k < d->n && k < 16; k++) {
        kws[k] = py_s(I, pv_as_str(d->k[k])->s);
        kwvals[k] = d->v[k];
    }
    py_attrs_del(&o->attrs, py_s(I, "_cnnc_lazy_args"));
    o->cls = pv_as_class(cls);
    py_val args[2] = {a[0], pv_int(size)}, r;
    if (nn_layer_init(I, pv_unbound(), args, 2, kws, kwvals, d->n < 16 ? d->n : 16, &r)) return -1;
    py_val xs[2] = {a[0], a[1]};
    return nn_layer_forward(I, pv_unbound(), xs, 2, NULL, NULL, 0, out);
}

static int lazy_class(interp *I, const lazy_kind *lk, py_sym name, py_val *out) {
    py_class *c = py_class_new(I, lk->name, PB_MODULE, I->c_module);
    if (!c) return py_nomem(I);
    c->module = "torch.nn.modules.lazy";
    if (method(I, c, "__init__", nn_lazy_init) || method(I, c, "forward", nn_lazy_forward)) return -1;
    *out = pv_ptr(PV_CLASS, c);
    return py_attrs_set(I, I->m_nn->attrs, name, *out);
}

static int nn_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)m;
    const char *nm = py_sym_name(I->syms, name);
    /* a registered kind with a constructor: its module class */
    if (nm[0] >= 'A' && nm[0] <= 'Z')
        for (int k = 0; k < CNNC_LAYER_KIND_COUNT; k++) {
            const cnnc_layer_def *def = cnnc_layer_def_of((cnnc_layer_kind)k);
            if (def && def->signature && !strcmp(def->name, nm)) return layer_class(I, k, out);
        }
    if (!strcmp(nm, "_BatchNorm")) return bn_base_class(I, name, out);
    for (size_t k = 0; k < sizeof lazy_kinds / sizeof lazy_kinds[0]; k++)
        if (!strcmp(nm, lazy_kinds[k].name)) return lazy_class(I, &lazy_kinds[k], name, out);
    if (!strcmp(nm, "_Loss") || !strcmp(nm, "_WeightedLoss") || !strcmp(nm, "CosineSimilarity") || !strcmp(nm, "PairwiseDistance"))
        return torch_loss_function(I, nm, out);
    const int pr = py_nn_python_class(I, nm, out);
    if (pr <= 0) return pr;
    /* torch.nn.modules: the same namespace (nn.modules.batchnorm._BatchNorm, nn.modules.conv.Conv2d) */
    if (!strcmp(nm, "modules")) { *out = pv_ptr(PV_MODULE, I->m_nn); return 0; }
    static const char *const nn_parts[] = {"activation", "batchnorm", "container", "conv", "dropout", "flatten", "instancenorm",
                                           "linear", "loss", "normalization", "padding", "pixelshuffle", "pooling", "upsampling",
                                           "transformer"};
    for (size_t k = 0; k < sizeof nn_parts / sizeof nn_parts[0]; k++)
        if (!strcmp(nm, nn_parts[k])) { *out = pv_ptr(PV_MODULE, I->m_nn); return 0; }
    /* a loss: built as PyTorch builds it (torch/nn/modules/loss.py, 1.13), refused when called */
    static const struct { const char *name, *signature; } losses[] = {
        {"L1Loss", "size_average=None, reduce=None, reduction='mean'"},
        {"MSELoss", "size_average=None, reduce=None, reduction='mean'"},
        {"NLLLoss", "weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean'"},
        {"CrossEntropyLoss", "weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0"},
        {"BCELoss", "weight=None, size_average=None, reduce=None, reduction='mean'"},
        {"BCEWithLogitsLoss", "weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None"},
        {"KLDivLoss", "size_average=None, reduce=None, reduction='mean', log_target=False"},
        {"SmoothL1Loss", "size_average=None, reduce=None, reduction='mean', beta=1.0"},
        {"HuberLoss", "reduction='mean', delta=1.0"},
    };
    for (size_t k = 0; k < sizeof losses / sizeof losses[0]; k++) {
        if (strcmp(losses[k].name, nm)) continue;
        py_class *c = py_class_new(I, nm, PB_LAYER, I->c_module);
        if (!c) return py_nomem(I);
        c->module = "torch.nn.modules.loss";
        py_val init = pv_builtin(I, "__init__", nn_loss_init, pv_unbound(), losses[k].signature, 1);
        if (init.t == PV_UNBOUND || py_attrs_set(I, &c->dict, I->s_init, init) || method(I, c, "forward", nn_loss_forward))
            return py_nomem(I);
        *out = pv_ptr(PV_CLASS, c);
        return py_attrs_set(I, I->m_nn->attrs, name, *out);
    }
    /* a real torch.nn class cnnc does not run: it exists (isinstance, references),
     * constructing one is refused naming it */
    if (nm[0] < 'A' || nm[0] > 'Z' || !py_real_name("torch.nn", nm)) return 1;
    py_class *c = py_class_new(I, nm, PB_LAYER, I->c_module);
    if (!c) return py_nomem(I);
    c->module = "torch.nn";
    py_val init = pv_builtin(I, "__init__", nn_layer_init, pv_unbound(), NULL, 1);
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
    if (method(I, M, "__init__", m_init) || method(I, M, "forward", m_forward) || method(I, M, "__call__", m_call) || method(I, M, "modules", m_modules) ||
        method(I, M, "named_modules", m_modules) || method(I, M, "children", m_children) ||
        method(I, M, "named_children", m_children) || method(I, M, "parameters", m_parameters) || method(I, M, "state_dict", m_state_dict) ||
        method(I, M, "named_parameters", m_parameters) || method(I, M, "buffers", m_parameters) ||
        method(I, M, "add_module", m_add_module) || method(I, M, "register_module", m_add_module) ||
        method(I, M, "register_buffer", m_register_buffer) || method(I, M, "register_parameter", m_register_parameter) ||
        method(I, M, "apply", m_apply) || method(I, M, "__setattr__", m_setattr) || method(I, M, "__getattr__", m_getattr) || method(I, M, "train", m_train) || method(I, M, "eval", m_train) ||
        method(I, M, "to", m_to) || method(I, M, "cuda", m_cuda) || method(I, M, "cpu", m_self) ||
        method(I, M, "float", m_self) || method(I, M, "double", m_self) || method(I, M, "requires_grad_", m_requires_grad_) ||
        method(I, M, "zero_grad", m_none) || method(I, M, "load_state_dict", m_load_state_dict) ||
        method(I, M, "extra_repr", m_get_name) || method(I, M, "_get_name", m_get_name) ||
        method(I, M, "register_backward_hook", m_backward_hook) || method(I, M, "register_full_backward_hook", m_backward_hook) ||
        method(I, M, "register_forward_hook", m_forward_hook) || method(I, M, "register_forward_pre_hook", m_forward_hook) || method(I, M, "_initialize_weights", m_none))
        return -1;
    I->c_sequential = py_class_new(I, "Sequential", PB_SEQUENTIAL, M);
    I->c_modulelist = py_class_new(I, "ModuleList", PB_MODULELIST, M);
    I->c_moduledict = py_class_new(I, "ModuleDict", PB_MODULEDICT, M);
    I->c_parameter = py_class_new(I, "Parameter", PB_OBJECT, NULL);
    if (!I->c_sequential || !I->c_modulelist || !I->c_moduledict || !I->c_parameter) return py_nomem(I);
    I->c_sequential->module = I->c_modulelist->module = I->c_moduledict->module = "torch.nn.modules.container";
    py_class *S = I->c_sequential, *L = I->c_modulelist, *D = I->c_moduledict;
    if (method(I, S, "__init__", nn_seq_init) || method(I, S, "forward", nn_seq_forward) || method(I, S, "__getitem__", nn_seq_getitem) ||
        method(I, S, "__setitem__", nn_seq_setitem) || method(I, S, "__len__", nn_seq_len) || method(I, S, "append", nn_list_append) ||
        method(I, S, "extend", nn_list_extend) || method(I, S, "insert", nn_list_insert) ||
        method(I, S, "__add__", nn_seq_add) || method(I, S, "__iadd__", nn_seq_iadd) ||
        method(I, L, "__add__", nn_list_add) || method(I, L, "__iadd__", nn_list_extend) ||
        method(I, L, "__init__", nn_mlist_init) || method(I, L, "forward", nn_container_forward) ||
        method(I, L, "__getitem__", nn_seq_getitem) || method(I, L, "__setitem__", nn_seq_setitem) ||
        method(I, L, "__len__", nn_seq_len) || method(I, L, "append", nn_list_append) || method(I, L, "extend", nn_list_extend) ||
        method(I, L, "insert", nn_list_insert) || method(I, D, "__init__", nn_mdict_init) ||
        method(I, D, "forward", nn_container_forward) || method(I, D, "__getitem__", nn_mdict_getitem) ||
        method(I, D, "__setitem__", nn_mdict_setitem) || method(I, D, "__len__", nn_seq_len) || method(I, D, "keys", nn_mdict_items) ||
        method(I, D, "values", nn_mdict_items) || method(I, D, "items", nn_mdict_items))
        return -1;
    py_module_ns *nn = I->m_nn;
    if (py_module_set(I, nn, "Module", pv_ptr(PV_CLASS, M)) || py_module_set(I, nn, "Sequential", pv_ptr(PV_CLASS, S)) ||
        py_module_set(I, nn, "ModuleList", pv_ptr(PV_CLASS, L)) || py_module_set(I, nn, "ModuleDict", pv_ptr(PV_CLASS, D)) ||
        py_module_set(I, nn, "Parameter", pv_ptr(PV_CLASS, I->c_parameter)))
        return -1;
    /* the registry's module classes are made on first use (nn_getattr) */
    return 0;
}

/* The module class of registry kind k, made once and kept in torch.nn. */
/* BatchNorm*d / InstanceNorm*d._check_input_dim(input): the ranks each accepts, in its words
 * (subclasses such as a conditional BatchNorm call it from their own forward). */
static int nn_norm_check_input_dim(ARGS) {
    UNUSED;
    if (n != 2) return py_raise(I, "TypeError", "_check_input_dim() takes 2 positional arguments but %d were given", (int)n);
    const py_obj *o = pv_as_obj(a[0]);
    const cnnc_layer_def *def = NULL;
    for (const py_class *c = o->cls; c && !def; c = c->n_bases ? c->bases[0] : NULL) def = c->layer;
    if (a[1].t != PV_TENSOR) return py_raise(I, "AttributeError", "'%s' object has no attribute 'dim'", py_type_name(&a[1]));
    const int d = (int)pv_as_tensor(a[1])->shape.ndim;
    *out = pv_none();
    switch (def ? def->kind : CNNC_LAYER_KIND_COUNT) {
    case CNNC_BATCHNORM1D: if (d != 2 && d != 3) return py_raise(I, "ValueError", "expected 2D or 3D input (got %dD input)", d); break;
    case CNNC_BATCHNORM2D: if (d != 4) return py_raise(I, "ValueError", "expected 4D input (got %dD input)", d); break;
    case CNNC_BATCHNORM3D: if (d != 5) return py_raise(I, "ValueError", "expected 5D input (got %dD input)", d); break;
    case CNNC_INSTANCENORM1D: if (d != 2 && d != 3) return py_raise(I, "ValueError", "expected 2D or 3D input (got %dD input)", d); break;
    case CNNC_INSTANCENORM2D: if (d != 3 && d != 4) return py_raise(I, "ValueError", "expected 3D or 4D input (got %dD input)", d); break;
    case CNNC_INSTANCENORM3D: if (d != 4 && d != 5) return py_raise(I, "ValueError", "expected 4D or 5D input (got %dD input)", d); break;
    default: return py_unsupported(I, "cnnc cannot follow _check_input_dim here");
    }
    return 0;
}

/* _conv_forward(self, input, weight, bias)'s binding words, as a def of that signature raises them */
static int conv_forward_arity(interp *I, const char *cls, int32_t n) {
    static const char *const missing[] = {"", "'bias'", "'weight' and 'bias'", "'input', 'weight', and 'bias'"};
    if (n > 4) return py_raise(I, "TypeError", "%s._conv_forward() takes 4 positional arguments but %d were given", cls, (int)n);
    if (n < 4)
        return py_raise(I, "TypeError", "%s._conv_forward() missing %d required positional argument%s: %s", cls, (int)(4 - n),
                        n == 3 ? "" : "s", missing[n >= 1 ? 4 - n : 3]);
    return 0;
}

/* Conv2d._conv_forward(input, weight, bias) and Conv3d's: F.conv2d / F.conv3d with the module's
 * stride, padding, dilation and groups (weight-standardised convolutions call it with their own
 * weight; a same-padding Conv3d subclass pads, then calls it) */
static int nn_conv_forward(ARGS) {
    UNUSED;
    const py_obj *o = n ? pv_as_obj(a[0]) : NULL;
    const int vol = o && o->nn->layer.kind == CNNC_CONV3D, nd = vol ? 3 : 2;
    if (conv_forward_arity(I, vol ? "Conv3d" : "Conv2d", n)) return -1;
    const cnnc_conv2d_params *c = &o->nn->layer.p.conv;
    const cnnc_vol3d_params *v = &o->nn->layer.p.vol;
    if (!vol && c->padding_mode) return py_unsupported(I, "cnnc follows Conv2d._conv_forward with padding_mode='zeros' only");
    py_val args[7] = {a[1], a[2], a[3], pv_seq(I, PV_TUPLE, nd), pv_seq(I, PV_TUPLE, nd), pv_seq(I, PV_TUPLE, nd),
                      pv_int(vol ? v->groups : c->groups)};
    const int64_t *sizes[3] = {vol ? v->stride : c->stride, vol ? v->padding : c->padding, vol ? v->dilation : c->dilation};
    for (int k = 0; k < 3; k++) {
        if (args[3 + k].t == PV_UNBOUND) return py_nomem(I);
        for (int j = 0; j < nd; j++) pv_as_seq(args[3 + k])->v[j] = pv_int(sizes[k][j]);
    }
    const cnnc_pad_mode pad_mode = vol ? v->pad_mode : c->pad_mode;
    if (pad_mode != CNNC_PAD_EXPLICIT) args[4] = pv_cstr(I, pad_mode == CNNC_PAD_SAME ? "same" : "valid");
    return (vol ? torch_f_conv3d : torch_f_conv2d)(I, pv_unbound(), args, 7, NULL, NULL, 0, out);
}

static int layer_class(interp *I, int k, py_val *out) {
    if (I->c_layer[k]) { *out = pv_ptr(PV_CLASS, I->c_layer[k]); return 0; }
    const cnnc_layer_def *def = cnnc_layer_def_of((cnnc_layer_kind)k);
    py_class *c = py_class_new(I, def->name, PB_LAYER, I->c_module);
    if (!c) return py_nomem(I);
    c->layer = def;
    size_t cap = strlen(def->module) + 24;
    char *modname = (char *)py_alloc(I->arena, cap);
    if (!modname) return py_nomem(I);
    cnnc_str_join(modname, cap, "torch.nn.modules.", def->module);
    c->module = modname;
    if (method(I, c, "__init__", nn_layer_init) || method(I, c, "forward", nn_layer_forward)) return -1;
    /* RNNBase.flatten_parameters(): cuDNN's weight layout, nothing for shapes */
    if ((k == CNNC_RNN || k == CNNC_LSTM || k == CNNC_GRU) && method(I, c, "flatten_parameters", m_none)) return -1;
    const int norm = k == CNNC_BATCHNORM1D || k == CNNC_BATCHNORM2D || k == CNNC_BATCHNORM3D || k == CNNC_INSTANCENORM1D ||
                     k == CNNC_INSTANCENORM2D || k == CNNC_INSTANCENORM3D;
    if (norm && method(I, c, "_check_input_dim", nn_norm_check_input_dim)) return -1;
    if (k == CNNC_CONV2D && method(I, c, "_conv_forward", nn_conv_forward)) return -1;
    if (k == CNNC_CONV3D && method(I, c, "_conv_forward", nn_conv_forward)) return -1;
    I->c_layer[k] = c;
    *out = pv_ptr(PV_CLASS, c);
    return py_module_set(I, I->m_nn, def->name, *out);
}

int py_nn_layer_classes(interp *I) {
    for (int k = 0; k < CNNC_LAYER_KIND_COUNT; k++) {
        const cnnc_layer_def *def = cnnc_layer_def_of((cnnc_layer_kind)k);
        py_val v;
        if (def && def->signature && layer_class(I, k, &v)) return -1;
    }
    return 0;
}
