/* interp.c — the evaluator's core: scopes and names, iteration, assignment and
 * unpacking, its setup, and running a source's module level with Python's
 * semantics and messages. Expressions are interp_expr.c's, statements
 * interp_stmt.c's, imports interp_import.c's. */
#include "py/interp_internal.h"
#include "py/call_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STEPS_DEFAULT 20000000

py_sym py_s(interp *I, const char *name) { return py_intern(I->syms, name, strlen(name)); }

int py_charge(interp *I, int64_t units) {
    I->steps += units;
    if (I->steps > I->max_steps)
        return py_unsupported(I, "cnnc stopped following this code after %lld steps (an endless loop?)",
                              (long long)I->max_steps);
    return 0;
}

int interp_step(interp *I, const py_node *at) {
    I->at = at;
    if (py_charge(I, 1)) return -1;
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

int interp_lookup(interp *I, py_frame *f, py_sym s, py_val *out) {
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
    if (!strcmp(py_sym_name(I->syms, s), "__class__"))   /* the implicit cell of a method defined in a class body */
        for (py_frame *c = f; c; c = c->closure)
            if (c->cls) { *out = pv_ptr(PV_CLASS, c->cls); return 0; }
    /* a builtin of Python's that cnnc does not model is no NameError */
    static const char *const python_builtins[] = {
        "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
        "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "EOFError",
        "EncodingWarning", "EnvironmentError", "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError",
        "GeneratorExit", "IOError", "ImportWarning", "IndentationError", "InterruptedError", "IsADirectoryError",
        "KeyboardInterrupt", "MemoryError", "NotADirectoryError", "NotImplemented", "OSError", "OverflowError",
        "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError",
        "ResourceWarning", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning",
        "SystemError", "SystemExit", "TabError", "TimeoutError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError",
        "UnicodeTranslateError", "UnicodeWarning", "__build_class__", "aiter", "anext", "ascii", "bin", "breakpoint",
        "bytearray", "bytes", "callable", "chr", "compile", "complex", "copyright", "credits", "dir", "eval", "exec",
        "exit", "format", "frozenset", "globals", "hash", "help", "hex", "id", "input", "iter", "license", "locals",
        "memoryview", "next", "oct", "open", "ord", "quit", "slice", "vars"};
    const char *nm = py_sym_name(I->syms, s);
    for (size_t k = 0; k < sizeof python_builtins / sizeof python_builtins[0]; k++)
        if (!strcmp(python_builtins[k], nm)) return py_unsupported(I, "cnnc cannot follow the builtin %s", nm);
    /* the module's star import that cnnc could not follow may have bound it */
    const py_source *src = f->src ? f->src : I->cur_src;
    if (src && src->star_refused) return py_unsupported(I, "cnnc cannot follow %s (maybe bound by %s)", nm, src->star_refused);
    return py_raise(I, "NameError", "name '%s' is not defined", nm);
}

int interp_store_name(interp *I, py_frame *f, py_sym s, py_val v) {
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
        return py_charge(I, *n);
    case PV_DICT:
        *items = pv_as_dict(v)->k;
        *n = pv_as_dict(v)->n;
        return py_charge(I, *n);
    case PV_RANGE: {
        const py_range *r = (const py_range *)v.u.p;
        int64_t count = 0;
        if (r->step > 0 && r->stop > r->start) count = (r->stop - r->start + r->step - 1) / r->step;
        if (r->step < 0 && r->stop < r->start) count = (r->start - r->stop - r->step - 1) / (-r->step);
        if (count > (1 << 24)) return py_unsupported(I, "cnnc cannot follow a loop over %lld values", (long long)count);
        if (py_charge(I, count)) return -1;
        py_val s = pv_seq(I, PV_LIST, (int32_t)count);
        if (s.t == PV_UNBOUND) return py_nomem(I);
        for (int64_t k = 0; k < count; k++) pv_as_seq(s)->v[k] = pv_int(r->start + k * r->step);
        *items = pv_as_seq(s)->v;
        *n = (int32_t)count;
        return 0;
    }
    case PV_STR: {
        const py_str *s = pv_as_str(v);
        if (py_charge(I, s->len)) return -1;
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
    case PV_TENSOR: {   /* Tensor.__iter__ is unbind(0): item k is t[k] */
        const py_tensor *t = pv_as_tensor(v);
        if (t->shape.ndim == 0) return py_raise(I, "TypeError", "iteration over a 0-d tensor");
        const int64_t len = t->shape.d[0];
        if (len > 4096) return py_unsupported(I, "cnnc cannot follow a loop over a tensor's %lld rows", (long long)len);
        if (t->node != TENSOR_CONST) MARK_SHAPE_DEPENDENT(I);   /* unrolled to this size: not replayable at another */
        py_val *rows = (py_val *)py_alloc(I->arena, (size_t)(len > 0 ? len : 1) * sizeof *rows);
        if (!rows) return py_nomem(I);
        for (int64_t k = 0; k < len; k++)
            if (py_getitem(I, v, pv_int(k), &rows[k])) return -1;
        *items = rows;
        *n = (int32_t)len;
        return 0;
    }
    case PV_CLASS: {   /* for c in Color: its members */
        const int r = py_enum_members(I, pv_as_class(v), items, n);
        if (r <= 0) return r;
        return py_raise(I, "TypeError", "'type' object is not iterable");
    }
    default:
        return py_raise(I, "TypeError", "'%s' object is not iterable", py_type_name(&v));
    }
}

/* ------------------------------------------------------------ assignment */

int interp_setitem(interp *I, py_val obj, py_val key, py_val v) {
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
    if (obj.t == PV_OPAQUE) return py_opaque_use(I, obj);   /* os.environ['X'] = ...: a value cnnc does not model */
    if (obj.t == PV_OBJ && (pv_as_obj(obj)->nn || py_class_lookup(pv_as_obj(obj)->cls, py_s(I, "__setitem__"), NULL))) {
        py_val fn;   /* a container module's, or the class's own */
        if (py_getattr(I, obj, py_s(I, "__setitem__"), &fn)) return -1;
        py_val args[2] = {key, v}, r;
        return py_call(I, fn, args, 2, NULL, NULL, 0, &r);
    }
    if (obj.t == PV_TENSOR) return py_tensor_setitem(I, obj, key, v);
    return py_raise(I, "TypeError", "'%s' object does not support item assignment", py_type_name(&obj));
}

static int unpack(interp *I, py_frame *f, const py_node *target, py_val v) {
    py_val *items;
    int32_t n;
    if (v.t == PV_TENSOR && pv_as_tensor(v)->shape.ndim > 0) {
        /* too many rows: Python stops at the first extra one, without making them all */
        int has_star = 0;
        for (int32_t k = 0; k < target->n; k++) has_star |= target->list[k]->kind == PY_E_STARRED;
        if (!has_star && pv_as_tensor(v)->shape.d[0] > target->n)
            return py_raise(I, "ValueError", "too many values to unpack (expected %d)", (int)target->n);
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
            if (interp_assign(I, f, target->list[k], items[k])) return -1;
        return 0;
    }
    int32_t after = target->n - star - 1;
    if (n < target->n - 1)
        return py_raise(I, "ValueError", "not enough values to unpack (expected at least %d, got %d)", (int)(target->n - 1),
                        (int)n);
    for (int32_t k = 0; k < star; k++)
        if (interp_assign(I, f, target->list[k], items[k])) return -1;
    py_val rest = pv_seq(I, PV_LIST, 0);
    if (rest.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = star; k < n - after; k++)
        if (py_seq_push(I, rest, items[k])) return -1;
    if (interp_assign(I, f, target->list[star]->a, rest)) return -1;
    for (int32_t k = 0; k < after; k++)
        if (interp_assign(I, f, target->list[star + 1 + k], items[n - after + k])) return -1;
    return 0;
}

int interp_assign(interp *I, py_frame *f, const py_node *target, py_val v) {
    switch (target->kind) {
    case PY_E_NAME: return interp_store_name(I, f, target->v.sym, v);
    case PY_E_ATTR: {
        py_val obj;
        if (interp_eval(I, f, target->a, &obj)) return -1;
        I->at = target;
        return py_setattr(I, obj, target->v.sym, v);
    }
    case PY_E_SUBSCRIPT: {
        py_val obj, key;
        if (interp_eval(I, f, target->a, &obj) || interp_eval(I, f, target->b, &key)) return -1;
        I->at = target;
        return interp_setitem(I, obj, key, v);
    }
    case PY_E_TUPLE: case PY_E_LIST: I->at = target; return unpack(I, f, target, v);
    case PY_E_STARRED: return py_raise(I, "SyntaxError", "starred assignment target must be in a list or tuple");
    default: return py_unsupported(I, "cnnc cannot follow this assignment target");
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
    if (py_builtins_init(I) || py_nn_init(I) || py_torch_init(I) || py_nn_utils_init(I)) return -1;
    return 0;
}

static int bind_opaque_name(interp *I, py_frame *f, py_sym name, const char *why) {
    char buf[512];
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
    case PY_S_IF: case PY_S_WHILE: case PY_S_WITH: case PY_S_MATCH:   /* a match's cases are PY_S_IF nodes */
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
    py_attrs_set(I, &src->globals, py_s(I, "__file__"), pv_cstr(I, src->path));   /* sys.path.append(dirname(__file__)) */
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
        char why[400];   /* the reason whole, or cut at a word with an ellipsis */
        const char *msg = I->ex.message;
        int cut = (int)strlen(msg);
        if (cut > 160) {
            cut = 160;
            while (cut > 100 && msg[cut] != ' ') cut--;
        }
        snprintf(why, sizeof why, "line %d of %.120s, which cnnc cannot follow: %.*s%s", (int)I->ex.line,
                 strrchr(src->path, '/') ? strrchr(src->path, '/') + 1 : src->path, cut, msg, msg[cut] ? "..." : "");
        memset(&I->ex, 0, sizeof I->ex);
        if (st->kind == PY_S_FROM && (st->flags & PY_F_IMPORT_STAR) && !src->star_refused &&
            !(src->star_refused = py_strndup(I->arena, why, strlen(why))))
            return py_nomem(I);
        if (bind_opaque_targets(I, &f, st, why)) return -1;
        r = 0;
    }
    src->executed = 1;
    I->cur_src = saved;
    return r < 0 ? -1 : 0;
}
