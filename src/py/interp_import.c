/* interp_import.c — the evaluator's import and from-import: the modules it
 * knows (torch, torch.nn, ...), sources beside the file, and what a model
 * file may import, with Python's errors. */
#include "py/interp_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- imports */

static int bind_module(interp *I, py_frame *f, py_sym name, py_module_ns *m) {
    return interp_store_name(I, f, name, pv_ptr(PV_MODULE, m));
}

/* The module object of a dotted path we know, or NULL. */
static py_module_ns *known_module(interp *I, const char *path) {
    if (!strcmp(path, "torch.distributions") || !strcmp(path, "torch.distributions.normal") ||
        !strcmp(path, "torch.distributions.uniform"))
        return py_torch_distributions(I);
    if (!strcmp(path, "argparse")) return py_stdlib_argparse(I);
    if (!strcmp(path, "dataclasses")) return py_stdlib_dataclasses(I);
    if (!strcmp(path, "itertools")) return py_stdlib_itertools(I);
    if (!strcmp(path, "types")) return py_stdlib_types(I);
    if (!strcmp(path, "abc")) return py_stdlib_abc(I);
    if (!strcmp(path, "enum")) return py_stdlib_enum(I);
    if (!strcmp(path, "operator")) return py_stdlib_operator(I);
    if (!strcmp(path, "re")) return py_stdlib_re(I);
    if (!strcmp(path, "os") || !strcmp(path, "os.path")) return py_stdlib_os(I, path[2] == '.');
    if (!strcmp(path, "torch.quantization") || !strcmp(path, "torch.ao.quantization")) return py_torch_quantization(I);
    static const struct { const char *path; size_t off; } table[] = {
        {"torch", offsetof(interp, m_torch)},
        {"torch.nn", offsetof(interp, m_nn)},
        {"torch.nn.modules", offsetof(interp, m_nn)},
        {"torch.nn.functional", offsetof(interp, m_f)},
        {"torch.nn.init", offsetof(interp, m_init)},
        {"math", offsetof(interp, m_math)},
        {"typing", offsetof(interp, m_typing)},
        {"collections", offsetof(interp, m_collections)},
        {"collections.abc", offsetof(interp, m_collections_abc)},
        {"torch.functional", offsetof(interp, m_torch_functional)},
        {"functools", offsetof(interp, m_functools)},
        {"numpy", offsetof(interp, m_numpy)},
        {"torch.utils", offsetof(interp, m_torch_utils)},
        {"torch.utils.checkpoint", offsetof(interp, m_torch_utils)},
        {"torch.utils.model_zoo", offsetof(interp, m_torch_utils)},
        {"torch.hub", offsetof(interp, m_torch_utils)},
        {"torch.optim", offsetof(interp, m_optim)},
        {"torch.utils.data", offsetof(interp, m_torch_utils)},
        {"__future__", offsetof(interp, m_typing)},
        {"sys", offsetof(interp, m_sys)},
        {"torch.nn.modules.utils", offsetof(interp, m_nn_utils)},
        {"warnings", offsetof(interp, m_typing)},
        {"copy", offsetof(interp, m_functools)},
        {"torch.autograd", offsetof(interp, m_torch_utils)},
        {"torch.autograd.function", offsetof(interp, m_torch_utils)},
        {"torch.autograd.variable", offsetof(interp, m_torch_utils)},
        {"torch.nn.parameter", offsetof(interp, m_nn)},
        {"torch.nn.parallel", offsetof(interp, m_nn)},
        {"logging", offsetof(interp, m_logging)},
        {"torch.nn.utils", offsetof(interp, m_nn_utilities)},
        {"torch.nn.utils.parametrizations", offsetof(interp, m_nn_utilities)},
        {"torch.fft", offsetof(interp, m_fft)},
    };
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (!strcmp(table[k].path, path)) return *(py_module_ns **)((char *)I + table[k].off);
    /* torch.nn.modules.conv, .upsampling, .module ...: their classes are torch.nn's */
    static const char *const nn_parts[] = {"activation", "batchnorm", "container", "conv", "dropout", "flatten",
                                           "instancenorm", "linear", "loss", "module", "normalization", "padding",
                                           "pixelshuffle", "pooling", "upsampling", "channelshuffle", "fold"};
    if (!strncmp(path, "torch.nn.modules.", 17))
        for (size_t k = 0; k < sizeof nn_parts / sizeof nn_parts[0]; k++)
            if (!strcmp(path + 17, nn_parts[k])) return I->m_nn;
    return NULL;
}

/* torch.jit and kin: a submodule that a known module holds as an attribute (torch's `jit`) */
static py_module_ns *module_by_attrs(interp *I, const char *path) {
    const char *dot = strrchr(path, '.');
    if (!dot || dot - path >= 200) return NULL;
    char parent_path[256];
    snprintf(parent_path, sizeof parent_path, "%.*s", (int)(dot - path), path);
    py_module_ns *parent = known_module(I, parent_path);
    if (!parent) parent = module_by_attrs(I, parent_path);
    if (!parent || !parent->attrs) return NULL;
    const py_val *v = py_attrs_find(parent->attrs, py_s(I, dot + 1));
    return v && v->t == PV_MODULE ? (py_module_ns *)v->u.p : NULL;
}

/* A model file stands alone: it imports torch and a few standard modules, never another file. */
static int model_file_may_import(const char *path) {
    static const char *const ok[] = {"torch", "torch.nn", "torch.nn.functional", "math", "collections", "typing"};
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++)
        if (!strcmp(ok[k], path)) return 1;
    return 0;
}

static int model_file_import_error(interp *I, const char *path) {
    return py_unsupported(I, "a cnnc model file imports only torch, torch.nn, torch.nn.functional, math, collections "
                             "and typing, not %s", path);
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0): what `import name`
 * finds (a module cnnc knows, a sibling source, or an installed package it does not
 * model, whose uses are refused); the top package unless fromlist names something. */
int py_builtin_import(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                      py_val *out) {
    (void)self;
    const char *names[5];
    py_val b[5];
    int32_t np = 0;
    if (py_bind_signature(I, "name, globals=None, locals=None, fromlist=(), level=0", "__import__", 0, a, n, kw, kwv, n_kw, b, &np,
                          names, 5))
        return -1;
    if (b[0].t != PV_STR) return py_raise(I, "TypeError", "__import__() argument 1 must be str, not %s", py_type_name(&b[0]));
    if (b[4].t != PV_UNBOUND && !(b[4].t == PV_INT && b[4].u.i == 0))
        return py_unsupported(I, "cnnc cannot follow a relative __import__()");
    int from = 0;
    if (b[3].t != PV_UNBOUND && py_truthy(I, b[3], &from)) return -1;
    const char *path = pv_as_str(b[0])->s;
    const size_t head_len = strcspn(path, ".");
    char head[256];
    snprintf(head, sizeof head, "%.*s", (int)head_len, path);
    py_module_ns *m = known_module(I, from ? path : head);
    if (!m) {
        int missing;
        py_source *sib = py_load_sibling(I, from ? path : head, 0, &missing);
        if (!sib && !missing) return -1;
        if (missing) {
            *out = pv_opaque(I, from ? path : head);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
        if (!(m = py_module_new(I, from ? path : head))) return py_nomem(I);
        m->attrs = &sib->globals;
        m->is_source = 1;
    }
    *out = pv_ptr(PV_MODULE, m);
    return 0;
}

int interp_import_stmt(interp *I, py_frame *f, const py_node *s) {
    for (int32_t k = 0; k < s->x.imp.n_names; k++) {
        const py_alias *a = &s->x.imp.names[k];
        I->line = a->line;
        I->col = a->col;
        I->at = NULL;
        if (I->model_file && !model_file_may_import(a->path)) return model_file_import_error(I, a->path);
        py_module_ns *m = known_module(I, a->path);
        if (!m) m = module_by_attrs(I, a->path);
        if (!m && a->asname < 0 && strchr(a->path, '.')) {
            /* `import torch.onnx` binds torch, which it leaves as it is: a submodule cnnc does not
             * model is refused where it is used (torch.onnx.export), not by hiding all of torch */
            char head[64];
            snprintf(head, sizeof head, "%.*s", (int)strcspn(a->path, "."), a->path);
            py_module_ns *top = known_module(I, head);
            if (top) {
                if (bind_module(I, f, py_intern(I->syms, head, strlen(head)), top)) return -1;
                continue;
            }
        }
        if (!m) {
            int missing;
            py_source *sib = py_load_sibling(I, a->path, 0, &missing);
            if (!sib && !missing) return -1;
            if (missing) {
                /* an installed package cnnc does not model: `import torchvision` binds it, any use is refused */
                size_t len = a->asname >= 0 ? strlen(a->path) : strcspn(a->path, ".");
                char name[256];
                snprintf(name, sizeof name, "%.*s", (int)len, a->path);
                py_val ov = pv_opaque(I, name);
                if (ov.t == PV_UNBOUND) return py_nomem(I);
                if (interp_store_name(I, f, a->asname >= 0 ? a->asname : py_intern(I->syms, name, strlen(name)), ov)) return -1;
                continue;
            }
            py_module_ns *ns = py_module_new(I, a->path);
            if (!ns) return py_nomem(I);
            ns->attrs = &sib->globals;
            ns->is_source = 1;
            m = ns;
        }
        if (a->asname >= 0) {
            if (bind_module(I, f, a->asname, m)) return -1;
        } else {
            /* `import torch.nn` binds `torch` */
            size_t len = strcspn(a->path, ".");
            char head[64];
            snprintf(head, sizeof head, "%.*s", (int)len, a->path);
            py_module_ns *top = known_module(I, head);
            if (!top) top = m;
            if (bind_module(I, f, py_intern(I->syms, a->path, len), top)) return -1;
        }
    }
    return 0;
}

int interp_from_stmt(interp *I, py_frame *f, const py_node *s) {
    I->line = s->line;
    I->col = s->col;
    I->at = NULL;
    const char *path = s->x.imp.module;
    if (I->model_file && (s->x.imp.level || !model_file_may_import(path))) return model_file_import_error(I, path);
    py_module_ns *m = s->x.imp.level ? NULL : known_module(I, path);
    if (!m && !s->x.imp.level) m = module_by_attrs(I, path);
    py_attrs *attrs = NULL;
    py_attrs no_names;   /* `from . import Utility`: each name a module beside the file (the package's
                          * __init__.py is not run, as the corpus oracle imports its files) */
    memset(&no_names, 0, sizeof no_names);
    if (!m && s->x.imp.level && !path[0] && !(s->flags & PY_F_IMPORT_STAR)) attrs = &no_names;
    if (!m && !attrs) {
        int missing;
        py_source *sib = py_load_sibling(I, path, s->x.imp.level, &missing);
        if (!sib && !missing) return -1;
        if (missing) {
            /* an installed package cnnc does not model: its names are opaque, any use is refused */
            if (s->flags & PY_F_IMPORT_STAR) return py_unsupported(I, "cnnc cannot follow `from %s import *`", path);
            for (int32_t k = 0; k < s->x.imp.n_names; k++) {
                const py_alias *a = &s->x.imp.names[k];
                char name[256];
                snprintf(name, sizeof name, "%s.%s", path, a->path);
                py_val ov = pv_opaque(I, name);
                if (ov.t == PV_UNBOUND) return py_nomem(I);
                if (interp_store_name(I, f, a->asname >= 0 ? a->asname : py_intern(I->syms, a->path, strlen(a->path)), ov)) return -1;
            }
            return 0;
        }
        attrs = &sib->globals;
    }
    if (s->flags & PY_F_IMPORT_STAR) {
        if (m == I->m_nn && f->src) f->src->star_nn = 1;
        if (m == I->m_nn && py_nn_layer_classes(I)) return -1;
        if (m && m->attrs) attrs = m->attrs;
        if (!attrs) return py_unsupported(I, "cnnc cannot follow `from %s import *`", path);
        for (int32_t k = 0; k < attrs->n; k++) {
            const char *nm = py_sym_name(I->syms, attrs->k[k]);
            if (nm[0] == '_') continue;
            if (interp_store_name(I, f, attrs->k[k], attrs->v[k])) return -1;
        }
        return 0;
    }
    for (int32_t k = 0; k < s->x.imp.n_names; k++) {
        const py_alias *a = &s->x.imp.names[k];
        I->line = a->line;
        I->col = a->col;
        py_sym name = py_intern(I->syms, a->path, strlen(a->path));
        py_val v;
        int found = 0;
        if (m) {
            /* a submodule (from torch import nn) or a member */
            char sub[256];
            snprintf(sub, sizeof sub, "%s.%s", path, a->path);
            py_module_ns *sm = known_module(I, sub);
            if (sm) { v = pv_ptr(PV_MODULE, sm); found = 1; }
            else {
                py_val mv = pv_ptr(PV_MODULE, m);
                if (py_getattr(I, mv, name, &v) == 0) found = 1;
                else {
                    /* a name of a real module that cnnc does not model: opaque, any use is refused */
                    I->ex.raised = 0;
                    memset(&I->ex, 0, sizeof I->ex);
                    char full[256];
                    snprintf(full, sizeof full, "%s.%s", path, a->path);
                    v = pv_opaque(I, full);
                    if (v.t == PV_UNBOUND) return py_nomem(I);
                    found = 1;
                }
            }
        } else {
            py_val *p = py_attrs_find(attrs, name);
            if (p) { v = *p; found = 1; }
            else {
                /* a submodule of a sibling package */
                char sub[256];
                snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", a->path);
                py_source *sib = py_load_sibling(I, sub, s->x.imp.level, NULL);
                if (!sib) return -1;
                py_module_ns *ns = py_module_new(I, sub);
                if (!ns) return py_nomem(I);
                ns->attrs = &sib->globals;
                ns->is_source = 1;
                v = pv_ptr(PV_MODULE, ns);
                found = 1;
            }
        }
        if (!found) return py_raise(I, "ImportError", "cannot import name '%s'", a->path);
        if (interp_store_name(I, f, a->asname >= 0 ? a->asname : name, v)) return -1;
    }
    return 0;
}

