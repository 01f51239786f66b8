/* modelfile.c — model files (cnnc/model.h) in both forms, and writing one.
 *
 * The chain form (layers at top level, run in order) is read by
 * src/model/parse.c. A file that defines `def forward(x):` is the graph form:
 * plain Python after `import torch.nn as nn; from torch.nn import *`, run by
 * the evaluator. Its top-level modules are the model's children (their names
 * are the state_dict prefixes) and forward() is traced at `input` into the
 * layer graph, so residual adds, concatenation and any module nesting can be
 * written down. cnnc convert writes this form from a traced .py class. */
#include "cnnc/model.h"
#include "cnnc/pyread.h"
#include "base/strbuf.h"
#include "model/model_internal.h"
#include "py/source_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- reading */

/* A line that starts with "def forward(" at column 0. */
static int defines_forward(const char *text, size_t len) {
    static const char key[] = "def forward(";
    const size_t kn = sizeof key - 1;
    for (size_t i = 0; i + kn <= len;) {
        if (!memcmp(text + i, key, kn)) return 1;
        const char *nl = (const char *)memchr(text + i, '\n', len - i);
        if (!nl) break;
        i = (size_t)(nl - text) + 1;
    }
    return 0;
}

int py_model_file_prelude(interp *I, py_source *src) {
    /* import torch.nn as nn; from torch.nn import * */
    src->star_nn = 1;
    if (py_attrs_set(I, &src->globals, py_s(I, "nn"), pv_ptr(PV_MODULE, I->m_nn))) return -1;
    if (py_nn_layer_classes(I)) return -1;
    py_attrs *a = I->m_nn->attrs;
    for (int32_t k = 0; k < a->n; k++) {
        const char *nm = py_sym_name(I->syms, a->k[k]);
        if (nm[0] == '_' || a->v[k].t != PV_CLASS) continue;
        if (py_attrs_set(I, &src->globals, a->k[k], a->v[k])) return -1;
    }
    return 0;
}

static cnnc_status fail_at(cnnc_error *err, cnnc_status st, const char *path, int32_t line, const char *type,
                           const char *fmt, const char *a1, const char *a2) {
    cnnc_error_clear(err);
    cnnc_error_set(err, st, type, fmt, a1, a2);
    if (err) {
        snprintf(err->file, sizeof err->file, "%s", path);
        err->line = line > 0 ? line : 1;
        err->col = 1;
    }
    return st;
}

/* `input = (C, H, W)`: 1 to 3 positive ints. */
static int read_input(const py_val *v, cnnc_model *m) {
    if (!v || v->t != PV_TUPLE) return 0;
    const py_seq *q = pv_as_seq(*v);
    if (q->n < 1 || q->n > 3) return 0;
    for (int32_t k = 0; k < q->n; k++)
        if (q->v[k].t != PV_INT || q->v[k].big || q->v[k].u.i < 1) return 0;
    m->has_input = 1;
    m->input_ndim = q->n;
    for (int32_t k = 0; k < q->n; k++) m->input[k] = q->v[k].u.i;
    return 1;
}

/* The line of a top-level `def NAME` or `NAME = ...` statement (for messages). */
static int32_t stmt_line(const py_source *src, interp *I, const char *name) {
    py_sym s = py_s(I, name);
    for (int32_t k = 0; k < src->mod.n_body; k++) {
        const py_node *st = src->mod.body[k];
        if (st->kind == PY_S_DEF && st->v.sym == s) return st->line;
        if (st->kind == PY_S_ASSIGN && st->n >= 1 && st->list[0]->kind == PY_E_NAME && st->list[0]->v.sym == s)
            return st->line;
    }
    return 1;
}

static cnnc_status parse_graph_file(const char *text, size_t len, const char *path, cnnc_model **out, cnnc_error *err) {
    cnnc_source *s = NULL;
    cnnc_status st = py_source_create(text, len, path, 1, &s, err);
    if (st != CNNC_OK) return st;
    interp *I = &s->I;
    py_source *src = s->main;
    cnnc_model shape_only;
    memset(&shape_only, 0, sizeof shape_only);
    py_val *fwd = py_attrs_find(&src->globals, py_s(I, "forward"));
    if (!fwd || fwd->t != PV_FUNC) {
        st = fail_at(err, CNNC_ERR_PARSE, path, stmt_line(src, I, "forward"), "TypeError",
                     "forward in a model file must be a function `def forward(x):`%s%s", "", "");
        goto done;
    }
    if (!read_input(py_attrs_find(&src->globals, py_s(I, "input")), &shape_only)) {
        st = fail_at(err, CNNC_ERR_PARSE, path, stmt_line(src, I, "input"), "ValueError",
                     "a model file with forward() needs `input = (C, H, W)`: 1 to 3 positive ints, the sample "
                     "forward() is traced at%s%s", "", "");
        goto done;
    }
    /* the root module: the top-level modules, in the order they were first bound */
    py_class *rc = py_class_new(I, "Model", PB_MODULE, I->c_module);
    py_obj *root = (py_obj *)py_alloc(I->arena, sizeof *root);
    py_nn *rn = (py_nn *)py_alloc(I->arena, sizeof *rn);
    if (!rc || !root || !rn) { st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading %s", path); goto done; }
    root->cls = rc;
    root->nn = rn;
    rn->initialized = rn->training = 1;
    rn->owner_node = rn->module_id = -1;
    for (int32_t k = 0; k < src->globals.n; k++) {
        py_val v = src->globals.v[k];
        const char *nm = py_sym_name(I->syms, src->globals.k[k]);
        if (v.t != PV_OBJ || !py_nn_of(v) || nm[0] == '_') continue;
        for (int32_t j = 0; j < rn->children.n; j++)
            if (rn->children.v[j].u.p == v.u.p) {
                st = fail_at(err, CNNC_ERR_UNSUPPORTED, path, stmt_line(src, I, nm), "NotImplementedError",
                             "%s and %s name the same module; a model file gives each module one name", 
                             py_sym_name(I->syms, rn->children.k[j]), nm);
                goto done;
            }
        if (py_attrs_set(I, &rn->children, src->globals.k[k], v)) { st = py_source_error(I, err); goto done; }
    }
    if (rn->children.n == 0) {
        st = fail_at(err, CNNC_ERR_PARSE, path, src->mod.n_body ? src->mod.body[src->mod.n_body - 1]->line : 1,
                     "ValueError", "model file defines no layers (expected lines such as `fc = Linear(784, 10)`)%s%s", "", "");
        goto done;
    }
    cnnc_shape in;
    in.ndim = shape_only.input_ndim + 1;
    in.d[0] = 2;
    for (int32_t k = 0; k < shape_only.input_ndim; k++) in.d[k + 1] = shape_only.input[k];
    cnnc_trace *t = NULL;
    st = py_source_trace_root(s, pv_ptr(PV_OBJ, root), *fwd, "forward", &in, 1, 1, &t, err);
    if (st == CNNC_OK && t->frozen_line > 0) {
        char line[16];
        snprintf(line, sizeof line, "%d", (int)t->frozen_line);
        st = fail_at(err, CNNC_ERR_UNSUPPORTED, path, t->frozen_line, "NotImplementedError",
                     "the model sets requires_grad=False on a parameter at line %s; a model file trains every "
                     "parameter%s", line, "");
    }
    if (st == CNNC_OK && t->shape_dependent > 0) {
        char line[16];
        snprintf(line, sizeof line, "%d", (int)t->shape_dependent);
        st = fail_at(err, CNNC_ERR_UNSUPPORTED, path, t->shape_dependent, "NotImplementedError",
                     t->shape_dependent_const ? "forward() at line %s computes with a tensor not made from `input`; a "
                                                "model file's graph is made of layers on their own parameters%s"
                                              : "forward() reads a size at line %s in a way that holds at `input` only; a "
                                                "model file's graph must hold at every batch size%s", line, "");
    }
    if (st == CNNC_OK && (t->n_outputs < 1 || t->output_nodes[0] < 0)) {
        st = fail_at(err, CNNC_ERR_UNSUPPORTED, path, stmt_line(src, I, "forward"), "NotImplementedError",
                     "forward() in a model file returns a tensor (or a tuple of them, the first being what cnnc "
                     "trains) made from its input by a layer%s%s", "", "");
    }
    if (st == CNNC_OK) {
        /* every module with parameters runs: a state_dict entry the graph never uses could not be trained */
        for (int32_t k = 0; k < rn->children.n && st == CNNC_OK; k++) {
            const char *nm = py_sym_name(I->syms, rn->children.k[k]);
            size_t nl = strlen(nm);
            int used = 0;
            for (int32_t j = 0; j < t->model->n_layers && !used; j++) {
                const char *ln = t->model->layers[j].name;
                used = !strncmp(ln, nm, nl) && (ln[nl] == '\0' || ln[nl] == '.');
            }
            if (!used)
                st = fail_at(err, CNNC_ERR_PARSE, path, stmt_line(src, I, nm), "ValueError",
                             "%s is defined but forward() never calls it%s", nm, "");
        }
    }
    if (st == CNNC_OK) {
        cnnc_model *m = t->model;
        t->model = NULL;
        m->has_input = 1;
        m->input_ndim = shape_only.input_ndim;
        memcpy(m->input, shape_only.input, sizeof m->input);
        m->python_source = 2;
        *out = m;
    }
    cnnc_trace_free(t);
done:
    cnnc_source_free(s);
    return st;
}

cnnc_status cnnc_model_parse(const char *text, size_t len, const char *path, cnnc_model **out, cnnc_error *err) {
    if (out) *out = NULL;
    if (!out || (!text && len)) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_model_parse: NULL argument");
    if (!path) path = "<string>";
    if (len <= CNNC_PY_MAX_BYTES && defines_forward(text, len)) return parse_graph_file(text, len, path, out, err);
    return cnnc_model_parse_chain(text, len, path, out, err);
}

cnnc_status cnnc_model_load(const char *path, cnnc_model **out, cnnc_error *err) {
    if (out) *out = NULL;
    if (!path || !out) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_model_load: NULL argument");
    char *buf;
    size_t len;
    cnnc_status st = cnnc_read_file(path, (size_t)1 << 30, &buf, &len, err);
    if (st == CNNC_ERR_PARSE)
        return cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "model file is too large (over 1 GiB)");
    if (st != CNNC_OK) return st;
    st = cnnc_model_parse(buf, len, path, out, err);
    free(buf);
    return st;
}

/* ------------------------------------------------------------- writing */

/* The module tree named by the graph's module nodes ("layer1.0.conv1"). */
typedef struct tnode {
    char name[CNNC_NAME_MAX];
    int32_t layer;            /* a leaf: the node that owns it; -1: a container */
    int32_t first, next;      /* first child, next sibling (-1: none) */
} tnode;

typedef struct tree { tnode *v; int32_t n, cap; } tree;

static int32_t tree_child(tree *t, int32_t parent, const char *name, size_t len, int create) {
    int32_t *link = parent < 0 ? NULL : &t->v[parent].first;
    int32_t k = parent < 0 ? (t->n ? 0 : -1) : *link, last = -1;
    /* top level: nodes whose parent is -1 are chained from index 0 through next */
    for (; k >= 0; last = k, k = t->v[k].next)
        if (strlen(t->v[k].name) == len && !memcmp(t->v[k].name, name, len)) return k;
    if (!create) return -1;
    if (t->n == t->cap) {
        int32_t cap = t->cap ? t->cap * 2 : 64;
        tnode *nv = (tnode *)realloc(t->v, (size_t)cap * sizeof *nv);
        if (!nv) return -2;
        t->v = nv;
        t->cap = cap;
        if (parent >= 0) link = &t->v[parent].first;
    }
    int32_t id = t->n++;
    tnode *nd = &t->v[id];
    snprintf(nd->name, sizeof nd->name, "%.*s", (int)len, name);
    nd->layer = -1;
    nd->first = nd->next = -1;
    if (last >= 0) t->v[last].next = id;
    else if (parent >= 0) *link = id;
    return id;
}

static int is_index(const char *s) { return s[0] && strspn(s, "0123456789") == strlen(s) && (s[0] != '0' || !s[1]); }

/* Children named 0, 1, ... n-1 in order: a Sequential (indexed, never called whole); anything else a ModuleDict. */
static int list_like(const tree *t, int32_t node) {
    int64_t i = 0;
    for (int32_t k = t->v[node].first; k >= 0; k = t->v[k].next, i++) {
        if (!is_index(t->v[k].name) || strtoll(t->v[k].name, NULL, 10) != i) return 0;
    }
    return 1;
}

static void indent(cnnc_strbuf *sb, int depth) { for (int k = 0; k < depth; k++) cnnc_sb_puts(sb, "    "); }

static void render_module(const cnnc_model *m, const tree *t, int32_t node, int depth, cnnc_strbuf *sb) {
    const tnode *nd = &t->v[node];
    if (nd->layer >= 0) {
        char r[512];
        cnnc_layer_render(&m->layers[nd->layer], r, sizeof r);
        cnnc_sb_printf(sb, "nn.%s", r);
        return;
    }
    int list = list_like(t, node);
    cnnc_sb_puts(sb, list ? "nn.Sequential(\n" : "nn.ModuleDict({\n");
    for (int32_t k = nd->first; k >= 0; k = t->v[k].next) {
        indent(sb, depth + 1);
        if (!list) cnnc_sb_printf(sb, "'%s': ", t->v[k].name);
        render_module(m, t, k, depth + 1, sb);
        cnnc_sb_puts(sb, ",\n");
    }
    indent(sb, depth);
    cnnc_sb_puts(sb, list ? ")" : "})");
}

/* The Python expression that reaches module `path` from the top level: layer1[0]['conv1']. */
static void access_path(const tree *t, const char *path, cnnc_strbuf *sb) {
    int32_t parent = -1;
    const char *p = path;
    int first = 1;
    while (*p) {
        size_t len = strcspn(p, ".");
        int32_t k = tree_child((tree *)t, parent, p, len, 0);
        if (first) cnnc_sb_putn(sb, p, len);
        else if (list_like(t, parent)) cnnc_sb_printf(sb, "[%.*s]", (int)len, p);
        else cnnc_sb_printf(sb, "['%.*s']", (int)len, p);
        first = 0;
        parent = k;
        p += len;
        if (*p == '.') p++;
        if (k < 0) break;
    }
}

static int reserved_name(const char *s) {
    static const char *const names[] = {"nn", "torch", "F", "input", "forward", "math", "collections", "typing", "h",
                                        "x", "print", "len", "range", "list", "dict", "tuple", "int", "float"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (!strcmp(names[k], s)) return 1;
    if (s[0] == 'h' && is_index(s + 1)) return 1;   /* the forward's tensor names */
    if (s[0] == 'x' && is_index(s + 1)) return 1;
    return 0;
}

static cnnc_status unsupported(cnnc_error *err, const char *fmt, const char *a) {
    return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError", fmt, a);
}

static cnnc_status write_model(const cnnc_model *m, const char *header, const int32_t *outs, int32_t n_outs, char **text,
                               cnnc_error *err) {
    *text = NULL;
    if (!m || m->n_layers <= 0) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_model_to_text: empty model");
    if (!m->has_input) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_model_to_text: the model has no input shape");
    int32_t n_in = cnnc_model_n_inputs(m), outn = cnnc_model_output(m);
    if (n_in != 1) return unsupported(err, "cnnc cannot write a model with %s inputs as a model file (it takes one)", n_in > 1 ? "several" : "no");
    if (outn < 0 || outn >= m->n_layers) return unsupported(err, "cnnc cannot write a model whose output is its input%s", "");
    for (int32_t i = 0; i < m->n_layers; i++) {
        if (m->layers[i].node_flags & CNNC_NODE_CUSTOM_BACKWARD)
            return unsupported(err, "cnnc cannot write %s as a model file: it is computed inside a torch.autograd.Function, "
                                    "whose backward a model file cannot carry", m->layers[i].name);
        if (m->layers[i].kind == CNNC_SETITEM)
            return unsupported(err, "cnnc cannot write %s as a model file: it is an item assignment, whose index a "
                                    "model file cannot say", m->layers[i].name);
        if (m->layers[i].kind == CNNC_MAXUNPOOL2D)
            return unsupported(err, "cnnc cannot write %s as a model file: it reads its pool's indices, which a model file "
                                    "cannot carry", m->layers[i].name);
        if (m->layers[i].node_flags & CNNC_NODE_WEIGHT_NORM)
            return unsupported(err, "cnnc cannot write %s as a model file: its weight is weight-normalised, which a model "
                                    "file cannot say", m->layers[i].name);
        if (m->layers[i].node_flags & CNNC_NODE_SPECTRAL_NORM)
            return unsupported(err, "cnnc cannot write %s as a model file: its weight is spectral-normalised, which a model "
                                    "file cannot say", m->layers[i].name);
    }
    tree t = {0};
    cnnc_status st = CNNC_OK;
    /* module tree from the nodes that own their module */
    for (int32_t i = 0; i < m->n_layers && st == CNNC_OK; i++) {
        const cnnc_layer *L = &m->layers[i];
        if ((L->node_flags & CNNC_NODE_FUNCTIONAL) || cnnc_layer_owner(m, i) != i) continue;
        int32_t parent = -1;
        const char *p = L->name;
        while (*p) {
            size_t len = strcspn(p, ".");
            if (len == 0) { st = unsupported(err, "cnnc cannot write a module named '%s'", L->name); break; }
            int32_t k = tree_child(&t, parent, p, len, 1);
            if (k == -2) { st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory writing the model"); break; }
            if (t.v[k].layer >= 0) { st = unsupported(err, "cnnc cannot write module %s: a layer with submodules", L->name); break; }
            parent = k;
            p += len;
            if (*p == '.') p++;
        }
        if (st == CNNC_OK && parent >= 0) {
            if (t.v[parent].first >= 0) st = unsupported(err, "cnnc cannot write module %s: a layer with submodules", L->name);
            else t.v[parent].layer = i;
        }
    }
    if (st == CNNC_OK && t.n == 0) st = unsupported(err, "cnnc cannot write a model without modules%s", "");
    for (int32_t k = 0; st == CNNC_OK && k >= 0 && k < t.n; k = t.v[k].next) {
        const char *nm = t.v[k].name;
        if (reserved_name(nm) || is_index(nm) || !(nm[0] == '_' || (nm[0] | 32) >= 'a'))
            st = unsupported(err, "cnnc cannot write a top-level module named '%s' in a model file", nm);
    }
    cnnc_strbuf sb;
    cnnc_sb_init(&sb);
    if (st == CNNC_OK) {
        if (header) cnnc_sb_puts(&sb, header);
        cnnc_sb_puts(&sb, "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\ninput = (");
        for (int32_t k = 0; k < m->input_ndim; k++) cnnc_sb_printf(&sb, k ? ", %lld" : "%lld", (long long)m->input[k]);
        cnnc_sb_puts(&sb, m->input_ndim == 1 ? ",)\n" : ")\n");
        for (int32_t k = 0; k >= 0 && k < t.n; k = t.v[k].next) {
            cnnc_sb_printf(&sb, "%s = ", t.v[k].name);
            render_module(m, &t, k, 0, &sb);
            cnnc_sb_puts(&sb, "\n");
        }
        cnnc_sb_puts(&sb, "\n\ndef forward(x):\n");
        char names[3][32];
        for (int32_t i = 0; i < m->n_layers && st == CNNC_OK; i++) {
            const cnnc_layer *L = &m->layers[i];
            const cnnc_layer_def *def = cnnc_layer_def_of(L->kind);
            int32_t ni = cnnc_layer_n_inputs(m, i);
            const char *small[3];
            const char **ins = small;
            char (*buf)[32] = names;
            char (*heap)[32] = NULL;
            if (ni > 3) {
                heap = (char (*)[32])malloc((size_t)ni * sizeof *heap);
                ins = (const char **)malloc((size_t)ni * sizeof *ins);
                if (!heap || !ins) {
                    free(heap);
                    if (ins != small) free(ins);
                    st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory writing the model");
                    break;
                }
                buf = heap;
            }
            for (int32_t k = 0; k < ni; k++) {
                int32_t src = cnnc_layer_input(m, i, k);
                if (src < 0) snprintf(buf[k], sizeof buf[k], "x");
                else snprintf(buf[k], sizeof buf[k], "h%d", (int)src);
                ins[k] = buf[k];
            }
            cnnc_sb_printf(&sb, "    h%d = ", (int)i);
            if (!(L->node_flags & CNNC_NODE_FUNCTIONAL)) {
                const cnnc_layer *owner = &m->layers[cnnc_layer_owner(m, i)];
                access_path(&t, owner->name, &sb);
                cnnc_sb_puts(&sb, "(");
                for (int32_t k = 0; k < ni; k++) cnnc_sb_printf(&sb, k ? ", %s" : "%s", ins[k]);
                cnnc_sb_puts(&sb, ")\n");
            } else if (def && def->expr) {
                def->expr(L, ins, ni, &sb);
                cnnc_sb_puts(&sb, "\n");
            } else if (def && def->signature && ni == 1) {
                char r[512];
                cnnc_layer_render(L, r, sizeof r);
                cnnc_sb_printf(&sb, "nn.%s(%s)\n", r, ins[0]);
            } else if (def && def->functional && def->render) {
                /* a function: torch.cat([a, b], dim=1), torch.mean(x, dim=[2, 3]), F.pad(x, pad=(1, 1)) */
                char r[512];
                cnnc_strbuf rs;
                cnnc_sb_fixed(&rs, r, sizeof r);
                def->render(L, &rs);
                int list = !strncmp(def->functional + strcspn(def->functional, "(") + 1, "tensors", 7);
                cnnc_sb_printf(&sb, "%s.%s(%s", (def->functional_in & CNNC_FN_TORCH) ? "torch" : "F", def->name, list ? "[" : "");
                for (int32_t k = 0; k < ni; k++) cnnc_sb_printf(&sb, k ? ", %s" : "%s", ins[k]);
                cnnc_sb_printf(&sb, "%s%s%s)\n", list ? "]" : "", r[0] ? ", " : "", r);
            } else {
                st = unsupported(err, "cnnc cannot write %s in a model file's forward()", def ? def->name : "this node");
            }
            free(heap);
            if (ins != small) free(ins);
        }
        cnnc_sb_puts(&sb, "    return ");
        for (int32_t k = 0; k < n_outs; k++) {
            if (outs[k] >= 0) cnnc_sb_printf(&sb, k ? ", h%d" : "h%d", (int)outs[k]);
            else cnnc_sb_puts(&sb, k ? ", x" : "x");
        }
        cnnc_sb_puts(&sb, "\n");
    }
    free(t.v);
    if (st == CNNC_OK && sb.failed) st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory writing the model");
    if (st != CNNC_OK) {
        cnnc_sb_free(&sb);
        return st;
    }
    *text = cnnc_sb_take(&sb);
    return *text ? CNNC_OK : cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory writing the model");
}

cnnc_status cnnc_model_to_text(const cnnc_model *m, const char *header, char **text, cnnc_error *err) {
    int32_t out = m ? cnnc_model_output(m) : -1;
    return write_model(m, header, &out, 1, text, err);
}

cnnc_status cnnc_trace_to_model_text(const cnnc_trace *t, char **text, cnnc_error *err) {
    *text = NULL;
    if (!t || !t->model) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_trace_to_model_text: no trace");
    if (t->shape_dependent > 0) {
        char line[16];
        snprintf(line, sizeof line, "%d", (int)t->shape_dependent);
        if (t->shape_dependent_const)
            return unsupported(err, "forward() at line %s computes with a tensor not made from its input (a parameter or "
                                    "constant used directly); a model file's graph is made of layers on their own parameters",
                               line);
        return unsupported(err, "forward() reads a size at line %s in a way that holds at the traced input only; a model "
                                "file's graph must hold at every batch size", line);
    }
    if (t->frozen_line > 0) {
        char line[16];
        snprintf(line, sizeof line, "%d", (int)t->frozen_line);
        return unsupported(err, "the model sets requires_grad=False on a parameter at line %s, and a model file trains "
                                "every parameter", line);
    }
    if (t->n_outputs < 1) return unsupported(err, "forward() returns no tensor%s", "");
    if (t->n_inputs != 1 || t->inputs[0].ndim < 2) return unsupported(err, "cnnc writes model files with one batched input%s", "");
    cnnc_model copy = *t->model;
    copy.has_input = 1;
    copy.input_ndim = t->inputs[0].ndim - 1;
    for (int32_t k = 1; k < t->inputs[0].ndim; k++) copy.input[k - 1] = t->inputs[0].d[k];
    char header[512];
    snprintf(header, sizeof header, "# %s: class %s, converted by `cnnc convert` (runs in PyTorch as it is; the "
                                    "state_dict names are the class's)\n", t->model->path, t->class_name);
    return write_model(&copy, header, t->output_nodes, t->n_outputs, text, err);
}
