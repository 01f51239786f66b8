/* interp_stmt.c — the evaluator's statements: functions and their calls'
 * bodies, classes, try/except and raise, and every other statement kind,
 * with Python's semantics and messages. */
#include "py/call_internal.h"
#include "py/interp_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* -------------------------------------------------------------- functions */

int interp_make_function(interp *I, py_frame *f, const py_node *def, py_val *out) {
    py_func *fn = (py_func *)py_alloc(I->arena, sizeof *fn);
    if (!fn) return py_nomem(I);
    fn->def = def;
    fn->closure = f->scope || f->closure ? f : NULL;  /* module-level code has no closure */
    if (f->cls && !f->scope) fn->closure = f->closure; /* class bodies are not enclosing scopes */
    fn->globals = f->globals;
    fn->src = I->cur_src;
    fn->owner = f->scope ? NULL : f->cls;
    int32_t np = def->x.fn.n_params;
    fn->defaults = (py_val *)py_alloc(I->arena, (size_t)(np > 0 ? np : 1) * sizeof(py_val));
    if (!fn->defaults) return py_nomem(I);
    for (int32_t k = 0; k < np; k++) {
        fn->defaults[k] = pv_unbound();
        const py_param *p = &def->x.fn.params[k];
        if (p->annotation && def->kind == PY_S_DEF) {
            py_val ann;   /* annotations are evaluated when the def runs (NameError if undefined) */
            if (interp_eval(I, f, p->annotation, &ann)) return -1;
        }
        if (p->dflt && interp_eval(I, f, p->dflt, &fn->defaults[k])) return -1;
    }
    const char *name = def->kind == PY_S_DEF ? py_sym_name(I->syms, def->v.sym) : "<lambda>";
    cnnc_strbuf sb = {0};
    if (f->cls && !f->scope) cnnc_sb_printf(&sb, "%s.%s", f->cls->qualname, name);
    else if (f->fn_name) cnnc_sb_printf(&sb, "%s.<locals>.%s", f->fn_name, name);
    else cnnc_sb_puts(&sb, name);
    char *q = cnnc_sb_take(&sb);
    fn->qualname = q ? py_strndup(I->arena, q, strlen(q)) : name;
    free(q);
    *out = pv_ptr(PV_FUNC, fn);
    return 0;
}

/* Run a user function's body in a new frame (args already bound into it). */
int py_run_function(interp *I, const py_func *fn, py_frame *frame, py_val *out);
static int py_run_function_here(interp *I, const py_func *fn, py_frame *frame, py_val *out);
/* A generator function runs to its end when called: what it yields, in order, becomes the
 * iterator it returns. The model code that consumes it (`for name, m in self.layers()`) sees
 * the same items; an endless one stops at the step bound (refused). */
static int run_generator(interp *I, const py_func *fn, py_frame *frame, py_val *out) {
    const py_val saved = I->gen_items;
    I->gen_items = pv_seq(I, PV_LIST, 0);
    if (I->gen_items.t == PV_UNBOUND) { I->gen_items = saved; return py_nomem(I); }
    py_source *saved_src = I->cur_src;
    I->cur_src = fn->src;
    const int r = py_exec_body(I, frame, fn->def->list, fn->def->n);
    I->cur_src = saved_src;
    const py_val items = I->gen_items;
    I->gen_items = saved;
    if (r < 0) return -1;
    py_iter *it = (py_iter *)py_alloc(I->arena, sizeof *it);
    if (!it) return py_nomem(I);
    it->seq = items;
    *out = pv_ptr(PV_ITER, it);
    return 0;
}

static int is_prelude(const py_source *s) { return s && !strncmp(s->path, "<cnnc>/", 7); }

int py_run_function(interp *I, const py_func *fn, py_frame *frame, py_val *out) {
    const int enters_prelude = is_prelude(fn->src) && !is_prelude(I->cur_src) && !I->model_site.src && I->cur_src;
    if (enters_prelude) {   /* the model's call: errors inside are placed there */
        I->model_site.src = I->cur_src;
        I->model_site.line = I->at ? I->at->line : I->line;
        I->model_site.col = I->at ? I->at->col : I->col;
    }
    const int r = py_run_function_here(I, fn, frame, out);
    if (enters_prelude) I->model_site.src = NULL;
    return r;
}

static int py_run_function_here(interp *I, const py_func *fn, py_frame *frame, py_val *out) {
    if (fn->def->x.fn.scope.has_yield) return run_generator(I, fn, frame, out);
    py_source *saved_src = I->cur_src;
    I->cur_src = fn->src;
    *out = pv_none();
    int r;
    if (fn->def->kind == PY_E_LAMBDA) {
        r = interp_eval(I, frame, fn->def->a, out);
    } else {
        r = py_exec_body(I, frame, fn->def->list, fn->def->n);
        if (r == X_RETURN) { *out = I->ret; r = 0; }
        else if (r > 0) r = 0;
    }
    I->cur_src = saved_src;
    return r < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------- match */

/* Does `subject` match case pattern e (parse.c's check_pattern says which forms)? Captures
 * bind as they match, as CPython's do. Literals and dotted values compare with ==, None, True
 * and False with `is`. */
static int match_pattern(interp *I, py_frame *f, const py_node *e, py_val subject, int *hit) {
    *hit = 0;
    switch (e->kind) {
    case PY_E_NAME:
        *hit = 1;
        if (!strcmp(py_sym_name(I->syms, e->v.sym), "_")) return 0;
        return interp_store_name(I, f, e->v.sym, subject);
    case PY_E_KEYWORD:   /* pattern as NAME */
        if (match_pattern(I, f, e->a, subject, hit)) return -1;
        return *hit ? interp_store_name(I, f, e->v.sym, subject) : 0;
    case PY_E_BINOP:     /* alternatives, left to right */
        if (match_pattern(I, f, e->a, subject, hit)) return -1;
        return *hit ? 0 : match_pattern(I, f, e->b, subject, hit);
    default: {
        py_val v;
        if (interp_eval(I, f, e, &v)) return -1;
        I->at = e;
        const int singleton = e->kind == PY_E_NONE || e->kind == PY_E_TRUE || e->kind == PY_E_FALSE;
        return py_compare(I, singleton ? PY_CMP_IS : PY_CMP_EQ, subject, v, hit);
    }
    }
}

/* ---------------------------------------------------------------- classes */

/* a built-in type cnnc's classes cannot derive from (dict, list, type ...) */
static int builtin_type_base(const char *name) {
    static const char *const types[] = {"type", "dict", "list", "tuple", "set", "frozenset", "int", "float", "str", "bytes", "complex"};
    for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
        if (!strcmp(name, types[k])) return 1;
    return 0;
}

static int define_class(interp *I, py_frame *f, const py_node *s) {
    const char *name = py_sym_name(I->syms, s->v.sym);
    py_class *parent = NULL;
    py_class **bases = NULL;
    int32_t n_bases = 0;
    const char *opaque_base = NULL;
    const py_ntuple *nt_base = NULL;   /* class Sub(namedtuple(...)) */
    int abc_meta = 0;                  /* metaclass=ABCMeta */
    if (s->b) {
        const py_node *call = s->b;
        bases = (py_class **)py_alloc(I->arena, (size_t)(call->n + 1) * sizeof *bases);
        if (!bases) return py_nomem(I);
        for (int32_t k = 0; k < call->n; k++) {
            py_val b;
            if (interp_eval(I, f, call->list[k], &b)) return -1;
            I->at = call->list[k];
            if (b.t == PV_TYPING) continue;  /* Generic[T] and friends */
            if (b.t == PV_OPAQUE) { opaque_base = ((py_opaque *)b.u.p)->name; continue; }
            if (b.t == PV_BUILTIN && !strcmp(((py_builtin *)b.u.p)->name, "object")) continue;
            if (b.t == PV_BUILTIN && builtin_type_base(((py_builtin *)b.u.p)->name)) {
                /* class Config(dict), class Meta(type): their instances are refused where made */
                opaque_base = ((py_builtin *)b.u.p)->name;
                continue;
            }
            if (py_namedtuple_base(b) && call->n == 1) { nt_base = py_namedtuple_base(b); continue; }
            if (b.t != PV_CLASS) {
                if (b.t == PV_FUNC || b.t == PV_BUILTIN)
                    return py_raise(I, "TypeError", "function() argument 'code' must be code, not str");
                return py_raise(I, "TypeError", "bases must be types");
            }
            bases[n_bases++] = pv_as_class(b);
        }
        for (int32_t k = 0; k < call->n2; k++) {
            py_val kv;  /* metaclass=..., evaluated for their errors */
            if (interp_eval(I, f, call->list2[k]->a, &kv)) return -1;
            const int is_abc = py_abc_is_meta(I, kv);
            abc_meta |= is_abc;
            if (!is_abc && call->list2[k]->v.sym == py_s(I, "metaclass") &&
                !(kv.t == PV_BUILTIN && !strcmp(((py_builtin *)kv.u.p)->name, "type"))) {
                /* a metaclass of its own runs its code when the class is made and called: the
                 * class (and its subclasses) are refused where they are called */
                cnnc_strbuf mb = {0};
                cnnc_sb_printf(&mb, "a class made by metaclass %s", kv.t == PV_CLASS ? pv_as_class(kv)->name : py_type_name(&kv));
                char *text = cnnc_sb_take(&mb);
                if (!text) return py_nomem(I);
                opaque_base = py_strndup(I->arena, text, strlen(text));
                free(text);
                if (!opaque_base) return py_nomem(I);
            }
        }
    }
    parent = n_bases ? bases[0] : NULL;
    py_class *c = py_class_new(I, name, parent ? parent->base : PB_OBJECT, parent);
    if (!c) return py_nomem(I);
    c->bases = bases;
    c->n_bases = n_bases;
    c->user = 1;
    c->module = NULL;
    c->src = I->cur_src;
    c->line = s->line;
    c->opaque_base = opaque_base ? opaque_base : parent ? parent->opaque_base : NULL;
    for (int32_t k = 0; k < n_bases; k++)
        for (int32_t j = 0; j < k; j++)
            if (bases[j] == bases[k]) return py_raise(I, "TypeError", "duplicate base class %s", bases[k]->name);
    if (py_class_build_mro(I, c)) return -1;
    /* what its instances are, from the first class along the MRO that says (not only the first
     * base's): class Net(Describe, nn.Module) is a Module, class Conv(Init, nn.Conv2d) a Conv2d */
    for (int32_t k = 1; k < c->n_mro; k++) {
        const py_class *m = c->mro[k];
        if (m->base != PB_OBJECT && (c->base == PB_OBJECT || (c->base == PB_MODULE && m->base != PB_MODULE))) c->base = m->base;
        if (!c->layer && m->layer) c->layer = m->layer;
        if (!c->exc_name && m->exc_name) c->exc_name = m->exc_name;
        if (!c->opaque_base && m->opaque_base) c->opaque_base = m->opaque_base;   /* from any base, not the first only */
        if (m->is_enum && c->is_enum != 2) c->is_enum = m->is_enum;   /* an Enum; a mixin or Flag anywhere makes it 2 */
        c->abc |= m->abc;
    }
    c->abc |= abc_meta;
    if (c->is_enum && c->opaque_base) c->is_enum = 2;   /* class Mode(str, Enum) */
    cnnc_strbuf sb = {0};
    if (f->cls && !f->scope) cnnc_sb_printf(&sb, "%s.%s", f->cls->qualname, name);
    else if (f->fn_name) cnnc_sb_printf(&sb, "%s.<locals>.%s", f->fn_name, name);
    else cnnc_sb_puts(&sb, name);
    char *q = cnnc_sb_take(&sb);
    c->qualname = q ? py_strndup(I->arena, q, strlen(q)) : name;
    free(q);
    /* the body runs in its own namespace, which becomes the class's dict */
    py_frame body;
    memset(&body, 0, sizeof body);
    body.closure = f->scope ? f : f->closure;
    body.globals = f->globals;
    body.cls = c;
    body.src = f->src;
    body.fn_name = NULL;
    int r = py_exec_body(I, &body, s->list, s->n);
    if (r < 0) return -1;
    c->dict = body.locals;
    /* functions defined in the body know their class (zero-argument super()) */
    for (int32_t k = 0; k < c->dict.n; k++) {
        py_val v = c->dict.v[k];
        if (v.t == PV_PROPERTY && ((py_val *)v.u.p)[1].t == PV_FUNC) ((py_func *)((py_val *)v.u.p)[1].u.p)->owner = c;
        if (v.t == PV_STATICMETHOD || v.t == PV_CLASSMETHOD || v.t == PV_PROPERTY) v = *(py_val *)v.u.p;
        if (v.t == PV_FUNC) ((py_func *)v.u.p)->owner = c;
    }
    if (c->is_enum && py_enum_make_members(I, c)) return -1;   /* the body's names become members */
    py_val cv = pv_ptr(PV_CLASS, c);
    if (nt_base && py_namedtuple_subclass(I, nt_base, c, &cv)) return -1;
    for (int32_t k = s->x.cls.n_decorators - 1; k >= 0; k--) {
        py_val dec;
        if (interp_eval(I, f, s->x.cls.decorators[k], &dec)) return -1;
        if (dec.t == PV_OPAQUE) { cv = dec; continue; }   /* refused where the decorated class is used */
        py_val arg = cv;   /* out must not alias the argument */
        I->at = s->x.cls.decorators[k];   /* the decorator's call is placed at its line */
        if (py_call(I, dec, &arg, 1, NULL, NULL, 0, &cv)) return -1;
    }
    return interp_store_name(I, f, s->v.sym, cv);
}

/* `del t`: a name, an item, an attribute, or a tuple or list of them (left to right). */
static int del_target(interp *I, py_frame *f, const py_node *t) {
    if (t->kind == PY_E_TUPLE || t->kind == PY_E_LIST) {
        for (int32_t k = 0; k < t->n; k++)
            if (del_target(I, f, t->list[k])) return -1;
        return 0;
    }
    if (t->kind == PY_E_NAME) {
        if (!py_attrs_del(&f->locals, t->v.sym) && !(f->globals && py_attrs_del(f->globals, t->v.sym))) {
            py_raise(I, "NameError", "name '%s' is not defined", py_sym_name(I->syms, t->v.sym));
            return -1;
        }
        return 0;
    }
    if (t->kind == PY_E_SUBSCRIPT) {
        py_val obj, key;
        if (interp_eval(I, f, t->a, &obj) || interp_eval(I, f, t->b, &key)) return -1;
        const int r = py_nn_container_delitem(I, obj, key);   /* del self.layers[1] */
        if (r <= 0) return r;
        if (obj.t == PV_DICT) {
            py_dict *d = pv_as_dict(obj);
            if (py_dict_delete_through(I, d, key)) return -1;
            const int32_t k = py_dict_find(I, d, key);
            if (k < -1) return -1;
            if (k >= 0) return py_dict_remove_at(I, d, k) ? -1 : 0;
            cnnc_strbuf sb = {0};
            py_repr(I, key, &sb);
            py_raise(I, "KeyError", "%s", sb.p ? sb.p : "");
            cnnc_sb_free(&sb);
            return -1;
        }
        if (obj.t == PV_LIST) {
            int64_t i;
            if (py_int_of(I, key, &i)) return -1;
            py_seq *q = pv_as_seq(obj);
            if (i < 0) i += q->n;
            if (i < 0 || i >= q->n) { py_raise(I, "IndexError", "list assignment index out of range"); return -1; }
            if (py_charge(I, (q->n - i) >> 4)) return -1;
            memmove(q->v + i, q->v + i + 1, (size_t)(q->n - i - 1) * sizeof *q->v);
            q->n--;
            return 0;
        }
    }
    if (t->kind == PY_E_ATTR) {
        py_val obj;
        if (interp_eval(I, f, t->a, &obj)) return -1;
        return py_delattr(I, obj, t->v.sym);
    }
    py_unsupported(I, "cnnc cannot follow this del statement");
    return -1;
}

/* ------------------------------------------------------------- exceptions */

/* Does the pending exception match an except clause's type? */
static int exception_matches(interp *I, py_frame *f, const py_node *type_expr, int *match) {
    *match = 0;
    if (!type_expr) { *match = 1; return 0; }
    py_error saved = I->ex;
    I->ex.raised = 0;
    py_val t;
    if (interp_eval(I, f, type_expr, &t)) return -1;
    I->ex = saved;
    py_val *items = &t;
    int32_t n = 1;
    if (t.t == PV_TUPLE) { items = pv_as_seq(t)->v; n = pv_as_seq(t)->n; }
    for (int32_t k = 0; k < n && !*match; k++) {
        if (items[k].t != PV_CLASS) continue;
        const py_class *c = pv_as_class(items[k]);
        const char *want = c->exc_name ? c->exc_name : c->name;
        /* cnnc's own refusals are not Python exceptions */
        if (saved.status == CNNC_ERR_UNSUPPORTED || saved.status == CNNC_ERR_NOMEM) continue;
        if (!strcmp(want, "Exception") || !strcmp(want, "BaseException")) { *match = 1; break; }
        if (!strcmp(want, saved.type)) { *match = 1; break; }
        /* a few of Python's hierarchy */
        if (!strcmp(want, "LookupError") && (!strcmp(saved.type, "IndexError") || !strcmp(saved.type, "KeyError"))) *match = 1;
        if (!strcmp(want, "ArithmeticError") && !strcmp(saved.type, "ZeroDivisionError")) *match = 1;
        if (!strcmp(want, "ImportError") && !strcmp(saved.type, "ModuleNotFoundError")) *match = 1;
        if (!strcmp(want, "NameError") && !strcmp(saved.type, "UnboundLocalError")) *match = 1;
        if (!strcmp(want, "RuntimeError") && !strcmp(saved.type, "NotImplementedError")) *match = 1;
    }
    return 0;
}

static int try_stmt(interp *I, py_frame *f, const py_node *s) {
    int r = py_exec_body(I, f, s->list, s->n);
    if (r == X_RAISE && I->ex.raised) {
        for (int32_t k = 0; k < s->x.tr.n_handlers; k++) {
            const py_handler *h = &s->x.tr.handlers[k];
            int match;
            if (exception_matches(I, f, h->type, &match)) return X_RAISE;
            if (!match) continue;
            py_error caught = I->ex;
            I->ex.raised = 0;
            if (h->name >= 0) {
                py_class *c = py_class_new(I, caught.type, PB_EXCEPTION, I->c_exception);
                py_obj *o = c ? (py_obj *)py_alloc(I->arena, sizeof *o) : NULL;
                if (!o) return py_nomem(I);
                c->exc_name = py_strndup(I->arena, caught.type, strlen(caught.type));
                o->cls = c;
                o->exc_msg = py_strndup(I->arena, caught.message, strlen(caught.message));
                if (interp_store_name(I, f, h->name, pv_ptr(PV_OBJ, o))) return X_RAISE;
            }
            r = py_exec_body(I, f, h->body, h->n_body);
            break;
        }
    } else if (r == X_NORMAL && s->n2) {
        r = py_exec_body(I, f, s->list2, s->n2);
    }
    if (s->x.tr.n_final) {
        py_error pending = I->ex;
        py_val ret = I->ret;
        I->ex.raised = 0;
        int fr = py_exec_body(I, f, s->x.tr.final, s->x.tr.n_final);
        if (fr != X_NORMAL) return fr;
        I->ex = pending;
        I->ret = ret;
    }
    return r;
}

/* ---------------------------------------------------------------- statements */

static int exec_stmt(interp *I, py_frame *f, const py_node *s);

int py_exec_body(interp *I, py_frame *f, py_node *const *body, int32_t n) {
    for (int32_t k = 0; k < n; k++) {
        int r = exec_stmt(I, f, body[k]);
        if (r != X_NORMAL) return r;
    }
    return X_NORMAL;
}

static int aug_assign(interp *I, py_frame *f, const py_node *s) {
    const py_node *t = s->a;
    py_val cur, rhs, obj, key;
    if (t->kind == PY_E_NAME) {
        if (interp_lookup(I, f, t->v.sym, &cur)) return -1;
    } else if (t->kind == PY_E_ATTR) {
        if (interp_eval(I, f, t->a, &obj)) return -1;
        I->at = t;
        if (py_getattr(I, obj, t->v.sym, &cur)) return -1;
    } else {
        if (interp_eval(I, f, t->a, &obj) || interp_eval(I, f, t->b, &key)) return -1;
        I->at = t;
        if (py_getitem(I, obj, key, &cur)) return -1;
    }
    if (interp_eval(I, f, s->b, &rhs)) return -1;
    I->at = s;
    py_val res;
    const py_val *iadd;
    if (cur.t == PV_LIST && s->op == PY_OP_PLUS) {   /* list += iterable extends in place */
        py_val *items;
        int32_t n;
        if (py_iterate(I, rhs, &items, &n)) return -1;
        for (int32_t k = 0; k < n; k++)
            if (py_seq_push(I, cur, items[k])) return -1;
        res = cur;
    } else if (cur.t == PV_OBJ && s->op == PY_OP_PLUS &&
               (iadd = py_class_lookup(pv_as_obj(cur)->cls, py_s(I, "__iadd__"), NULL)) != NULL) {
        const py_val both[2] = {cur, rhs};   /* x += y calls x.__iadd__(y) where the class has one */
        if (iadd->t == PV_FUNC ? py_call_function(I, (py_func *)iadd->u.p, cur, 1, &rhs, 1, NULL, NULL, 0, &res)
                               : py_call(I, *iadd, both, 2, NULL, NULL, 0, &res))
            return -1;
    } else {
        I->inplace = cur.t == PV_TENSOR;   /* x += y: PyTorch's in-place shape check */
        I->augmented = 1;
        int r = py_binop(I, s->op, cur, rhs, &res);
        I->inplace = 0;
        I->augmented = 0;
        if (r) return -1;
        /* x's storage is written: what its other names (x.data, a Parameter of it) knew is gone */
        if (cur.t == PV_TENSOR) py_tensor_forget_values(pv_as_tensor(cur));
    }
    if (t->kind == PY_E_NAME) return interp_store_name(I, f, t->v.sym, res);
    if (t->kind == PY_E_ATTR) return py_setattr(I, obj, t->v.sym, res);
    return interp_setitem(I, obj, key, res);
}

/* A message that shows a tensor (f"got {levels}"): PyTorch prints its values, which cnnc does not
 * follow (str() of a tensor is its shape), so raising it would be a wrong message; refused. 1: refused. */
static int shows_tensor_values(interp *I, const char *msg) {
    if (!strstr(msg, "tensor(<shape ")) return 0;
    py_unsupported(I, "cnnc cannot follow an exception message that shows a tensor's values (cnnc follows shapes, not values)");
    return 1;
}

static int exec_stmt(interp *I, py_frame *f, const py_node *s) {
    if (interp_step(I, s)) return X_RAISE;
    I->line = s->line;
    I->col = s->col;
    switch ((py_node_kind)s->kind) {
    case PY_S_EXPR: {
        py_val v;
        if (s->a->kind == PY_E_STR) return X_NORMAL;  /* docstrings */
        return interp_eval(I, f, s->a, &v) ? X_RAISE : X_NORMAL;
    }
    case PY_S_ASSIGN: {
        py_val v;
        if (interp_eval(I, f, s->b, &v)) return X_RAISE;
        for (int32_t k = 0; k < s->n; k++)
            if (interp_assign(I, f, s->list[k], v)) return X_RAISE;
        return X_NORMAL;
    }
    case PY_S_AUGASSIGN: return aug_assign(I, f, s) ? X_RAISE : X_NORMAL;
    case PY_S_ANNASSIGN: {
        /* annotations of simple names are evaluated; a class body keeps them (dataclasses) */
        const int class_body = f->cls && !f->scope && s->a->kind == PY_E_NAME;
        py_val v, ann;
        if (!s->b) {   /* `x: int` declares */
            if (s->a->kind == PY_E_NAME && !f->scope && interp_eval(I, f, s->c, &ann)) return X_RAISE;
            if (class_body && py_attrs_set(I, &f->cls->annotations, s->a->v.sym, ann)) return X_RAISE;
            return X_NORMAL;
        }
        if (!f->scope && interp_eval(I, f, s->c, &ann)) return X_RAISE;
        if (class_body && py_attrs_set(I, &f->cls->annotations, s->a->v.sym, ann)) return X_RAISE;
        if (interp_eval(I, f, s->b, &v)) return X_RAISE;
        return interp_assign(I, f, s->a, v) ? X_RAISE : X_NORMAL;
    }
    case PY_S_PASS: return X_NORMAL;
    case PY_S_BREAK: return X_BREAK;
    case PY_S_CONTINUE: return X_CONTINUE;
    case PY_S_RETURN:
        I->ret = pv_none();
        if (s->a && interp_eval(I, f, s->a, &I->ret)) return X_RAISE;
        return X_RETURN;
    case PY_S_RAISE: {
        if (!s->a) {
            if (I->ex.type[0]) { I->ex.raised = 1; return X_RAISE; }
            py_raise(I, "RuntimeError", "No active exception to reraise");
            return X_RAISE;
        }
        py_val v;
        if (interp_eval(I, f, s->a, &v)) return X_RAISE;
        I->at = s;
        if (v.t == PV_CLASS) {  /* raise ValueError -> an instance with no message */
            if (py_call(I, v, NULL, 0, NULL, NULL, 0, &v)) return X_RAISE;
        }
        if (v.t == PV_OBJ && pv_as_obj(v)->exc_msg) {
            const py_obj *o = pv_as_obj(v);
            if (shows_tensor_values(I, o->exc_msg)) return X_RAISE;
            py_raise(I, o->cls->exc_name ? o->cls->exc_name : o->cls->name, "%s", o->exc_msg);
            I->ex.value = v;
            return X_RAISE;
        }
        py_raise(I, "TypeError", "exceptions must derive from BaseException");
        return X_RAISE;
    }
    case PY_S_GLOBAL: case PY_S_NONLOCAL: return X_NORMAL;
    case PY_S_DEL: return del_target(I, f, s->a) ? X_RAISE : X_NORMAL;
    case PY_S_ASSERT: {
        py_val c;
        int t;
        if (interp_eval(I, f, s->a, &c) || py_truthy(I, c, &t)) return X_RAISE;
        if (t) return X_NORMAL;
        cnnc_strbuf sb = {0};
        if (s->b) {
            py_val m;
            if (interp_eval(I, f, s->b, &m)) { cnnc_sb_free(&sb); return X_RAISE; }
            py_str_of(I, m, &sb);
        }
        I->at = s;
        if (!shows_tensor_values(I, sb.p ? sb.p : "")) py_raise(I, "AssertionError", "%s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return X_RAISE;
    }
    case PY_S_IMPORT: return interp_import_stmt(I, f, s) ? X_RAISE : X_NORMAL;
    case PY_S_FROM: return interp_from_stmt(I, f, s) ? X_RAISE : X_NORMAL;
    case PY_S_IF: {
        py_val c;
        int t;
        if (interp_eval(I, f, s->a, &c)) return X_RAISE;
        I->at = s->a;
        if (py_truthy(I, c, &t)) return X_RAISE;
        return t ? py_exec_body(I, f, s->list, s->n) : py_exec_body(I, f, s->list2, s->n2);
    }
    case PY_S_MATCH: {
        py_val subject;
        if (interp_eval(I, f, s->a, &subject)) return X_RAISE;
        for (int32_t k = 0; k < s->n; k++) {
            const py_node *c = s->list[k];
            int hit = 0;
            if (match_pattern(I, f, c->a, subject, &hit)) return X_RAISE;
            if (hit && c->b) {
                py_val g;
                if (interp_eval(I, f, c->b, &g)) return X_RAISE;
                I->at = c->b;
                if (py_truthy(I, g, &hit)) return X_RAISE;
            }
            if (hit) return py_exec_body(I, f, c->list, c->n);
        }
        return X_NORMAL;
    }
    case PY_S_FOR: {
        py_val it;
        if (interp_eval(I, f, s->b, &it)) return X_RAISE;
        py_val *items;
        int32_t n;
        I->at = s->b;
        if (py_iterate(I, it, &items, &n)) return X_RAISE;
        /* a snapshot: appending to the list being iterated does not loop forever here */
        py_val *copy = (py_val *)py_alloc(I->arena, (size_t)(n > 0 ? n : 1) * sizeof *copy);
        if (!copy) { py_nomem(I); return X_RAISE; }
        if (n) memcpy(copy, items, (size_t)n * sizeof *copy);   /* an empty iterable may have no items array */
        for (int32_t k = 0; k < n; k++) {
            if (interp_assign(I, f, s->a, copy[k])) return X_RAISE;
            int r = py_exec_body(I, f, s->list, s->n);
            if (r == X_BREAK) return X_NORMAL;
            if (r == X_RETURN || r == X_RAISE) return r;
        }
        return py_exec_body(I, f, s->list2, s->n2);
    }
    case PY_S_WHILE:
        for (;;) {
            py_val c;
            int t;
            if (interp_eval(I, f, s->a, &c) || py_truthy(I, c, &t)) return X_RAISE;
            if (!t) return py_exec_body(I, f, s->list2, s->n2);
            int r = py_exec_body(I, f, s->list, s->n);
            if (r == X_BREAK) return X_NORMAL;
            if (r == X_RETURN || r == X_RAISE) return r;
        }
    case PY_S_TRY: return try_stmt(I, f, s);
    case PY_S_WITH: {
        const int no_grad = I->no_grad;
        for (int32_t k = 0; k < s->n2; k++) {
            py_val ctx;
            if (interp_eval(I, f, s->list2[k], &ctx)) { I->no_grad = no_grad; return X_RAISE; }
            const int mode = py_grad_mode_of(ctx);   /* torch.no_grad(): the block runs without grad */
            if (mode) I->no_grad = mode == 1;
            /* torch.no_grad() and friends: the context value itself */
            if (s->x.with.targets[k] && interp_assign(I, f, s->x.with.targets[k], ctx)) { I->no_grad = no_grad; return X_RAISE; }
        }
        const int r = py_exec_body(I, f, s->list, s->n);
        I->no_grad = no_grad;
        return r;
    }
    case PY_S_DEF: {
        py_val fn;
        if (interp_make_function(I, f, s, &fn)) return X_RAISE;
        for (int32_t k = s->x.fn.n_decorators - 1; k >= 0; k--) {
            py_val dec;
            if (interp_eval(I, f, s->x.fn.decorators[k], &dec)) return X_RAISE;
            if (dec.t == PV_OPAQUE) { fn = dec; continue; }   /* refused where the decorated function is used */
            py_val arg = fn;   /* out must not alias the argument */
            I->at = s->x.fn.decorators[k];
            if (py_call(I, dec, &arg, 1, NULL, NULL, 0, &fn)) return X_RAISE;
        }
        return interp_store_name(I, f, s->v.sym, fn) ? X_RAISE : X_NORMAL;
    }
    case PY_S_CLASS: return define_class(I, f, s) ? X_RAISE : X_NORMAL;
    default: py_unsupported(I, "cnnc cannot follow this statement"); return X_RAISE;
    }
}

