/* source.c — a Python source as cnnc reads it (cnnc/pyread.h): parsed, its
 * module body run, its nn.Module classes constructed and traced through
 * forward into the layer graph. */
#include "base/str.h"
#include "cnnc/pyread.h"
#include "py/interp.h"
#include "base/strbuf.h"
#include "py/source_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_internal.h"

#define ARENA_LIMIT ((size_t)1 << 30)   /* the evaluator's memory per source: a bound, not a target */


const char *cnnc_source_text(const cnnc_source *src, size_t *len) {
    if (len) *len = src->main->len;
    return src->main->text;
}
const char *cnnc_source_path(const cnnc_source *src) { return src->main->path; }

/* The evaluator's exception as the library's error record. */
cnnc_status py_source_error(const interp *I, cnnc_error *err) {
    const py_error *e = &I->ex;
    cnnc_status st = e->status == CNNC_OK ? CNNC_ERR_PARSE : e->status;
    if (!err) return st;
    if (e->has_shape) {
        *err = e->shape;
    } else {
        cnnc_error_clear(err);
        cnnc_error_set(err, st, e->type, "%s", e->message);
    }
    err->status = st;
    if (e->src) snprintf(err->file, sizeof err->file, "%s", e->src->path);
    if (e->line > 0 && (!e->has_shape || err->line <= 0)) {
        err->line = e->line;
        err->col = e->col;
    }
    return st;
}

void cnnc_source_free(cnnc_source *s) {
    if (!s) return;
    for (py_source *p = s->main; p;) {
        py_source *next = p->next;
        py_module_free(&p->mod);
        free(p->text);
        free(p);
        p = next;
    }
    py_symtab_free(&s->syms);
    py_arena_free(&s->arena);
    free(s);
}

cnnc_status py_source_create(const char *text, size_t len, const char *path, int model_file, cnnc_source **out,
                             cnnc_error *err) {
    *out = NULL;
    if (!path) path = "<string>";
    if (len > CNNC_PY_MAX_BYTES) {
        cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "source is too large (%zu bytes; cnnc reads up to %u)", len,
                       CNNC_PY_MAX_BYTES);
        if (err) snprintf(err->file, sizeof err->file, "%s", path);
        return CNNC_ERR_PARSE;
    }
    cnnc_source *s = (cnnc_source *)calloc(1, sizeof *s);
    py_source *m = (py_source *)calloc(1, sizeof *m);
    char *copy = (char *)malloc(len + 1);
    if (!s || !m || !copy) {
        free(s); free(m); free(copy);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory reading %s", path);
    }
    if (len) memcpy(copy, text, len);
    copy[len] = '\0';
    py_universal_newlines(copy, len);
    m->text = copy;
    m->len = len;
    snprintf(m->path, sizeof m->path, "%s", path);
    s->main = m;
    py_arena_init(&s->arena, ARENA_LIMIT);
    py_symtab_init(&s->syms, &s->arena);
    const char *slash = strrchr(path, '/');
    if (slash) snprintf(s->dir, sizeof s->dir, "%.*s", (int)(slash - path), path);
    else snprintf(s->dir, sizeof s->dir, ".");
    cnnc_status st = py_parse_shared(&m->mod, copy, len, m->path, &s->syms, err);
    if (st != CNNC_OK) { cnnc_source_free(s); return st; }
    interp *I = &s->I;
    if (py_interp_init(I, &s->arena, &s->syms, err)) {
        st = py_source_error(I, err);
        cnnc_source_free(s);
        return st;
    }
    I->sources = m;
    I->cur_src = m;
    I->dir = s->dir;
    I->model_file = model_file;
    if (model_file && py_model_file_prelude(I, m)) {
        st = py_source_error(I, err);
        cnnc_source_free(s);
        return st;
    }
    if (py_exec_source(I, m)) {
        st = py_source_error(I, err);
        cnnc_source_free(s);
        return st;
    }
    *out = s;
    return CNNC_OK;
}

cnnc_status cnnc_source_parse(const char *text, size_t len, const char *path, cnnc_source **out, cnnc_error *err) {
    return py_source_create(text, len, path, 0, out, err);
}

cnnc_status cnnc_source_load(const char *path, cnnc_source **out, cnnc_error *err) {
    *out = NULL;
    char *text;
    size_t len;
    cnnc_status st = cnnc_read_file(path, CNNC_PY_MAX_BYTES, &text, &len, err);
    if (st == CNNC_ERR_PARSE) {
        cnnc_error_set(err, CNNC_ERR_PARSE, "SyntaxError", "source is too large (over %u bytes)", CNNC_PY_MAX_BYTES);
        if (err) snprintf(err->file, sizeof err->file, "%s", path);
        return st;
    }
    if (st != CNNC_OK) return st;
    st = cnnc_source_parse(text, len, path, out, err);
    free(text);
    return st;
}

/* ------------------------------------------------------------- classes */

static int is_module_class(const interp *I, const py_class *c) { return c->user && py_class_is(c, I->c_module); }

/* The parameters a user function requires beyond self (no default, not *args). */
static int32_t required_params(const py_func *f, int skip_self) {
    int32_t n = 0;
    for (int32_t k = skip_self; k < f->def->x.fn.n_params; k++) {
        const py_param *p = &f->def->x.fn.params[k];
        if ((p->kind == PY_P_POS || p->kind == PY_P_POSONLY || p->kind == PY_P_KWONLY) && f->defaults[k].t == PV_UNBOUND) n++;
    }
    return n;
}

/* How many positional arguments a function takes after self (-1: *args, any number). */
static int32_t positional_params(const py_func *f, int skip_self) {
    int32_t n = 0;
    for (int32_t k = skip_self; k < f->def->x.fn.n_params; k++) {
        const py_param *p = &f->def->x.fn.params[k];
        if (p->kind == PY_P_VARARG) return -1;
        if (p->kind == PY_P_POS || p->kind == PY_P_POSONLY) n++;
    }
    return n;
}

static py_val *find_method(py_class *c, py_sym name) {
    for (; c; c = c->n_bases ? c->bases[0] : NULL) {
        py_val *v = py_attrs_find(&c->dict, name);
        if (v) return v;
        for (int32_t k = 1; k < c->n_bases; k++) {
            py_val *w = find_method(c->bases[k], name);
            if (w) return w;
        }
    }
    return NULL;
}

/* What the checks need to know of class c, under the name `name`. */
static void class_info(const interp *I, py_class *c, const char *name, cnnc_py_class *o) {
    memset(o, 0, sizeof *o);
    cnnc_str_copy(o->name, sizeof o->name, name);
    o->line = c->line;
    py_val *init = find_method(c, ((interp *)I)->s_init);
    o->needs_args = init && init->t == PV_FUNC && required_params((const py_func *)init->u.p, 1) > 0;
    py_val *fwd = find_method(c, ((interp *)I)->s_forward);
    o->n_inputs = fwd && fwd->t == PV_FUNC ? required_params((const py_func *)fwd->u.p, 1) : 1;
    o->max_inputs = fwd && fwd->t == PV_FUNC ? positional_params((const py_func *)fwd->u.p, 1) : 1;
    const cnnc_layer_def *def = NULL;
    for (const py_class *b = c; b && !def; b = b->n_bases ? b->bases[0] : NULL) def = b->layer;
    o->no_forward = !(fwd && fwd->t == PV_FUNC) && !def;
    cnnc_strbuf sb = {0};
    if (py_abc_abstract_methods((interp *)I, c, &sb) > 0) cnnc_str_copy(o->abstract, sizeof o->abstract, sb.p);
    o->abstract_base = py_abc_declares_abstract(c);
    cnnc_sb_free(&sb);
}

int cnnc_source_class_named(const cnnc_source *src, const char *name, cnnc_py_class *out) {
    const interp *I = &src->I;
    const py_val *v = py_attrs_find(&src->main->globals, py_s((interp *)I, name));
    if (!v || v->t != PV_CLASS || !is_module_class(I, pv_as_class(*v))) return 0;
    class_info(I, pv_as_class(*v), name, out);
    return 1;
}

int32_t cnnc_source_classes(const cnnc_source *src, cnnc_py_class *out, int32_t cap) {
    const interp *I = &src->I;
    const py_attrs *g = &src->main->globals;
    int32_t n = 0;
    for (int32_t k = 0; k < g->n; k++) {
        py_val v = g->v[k];
        if (v.t != PV_CLASS) continue;
        py_class *c = pv_as_class(v);
        if (!is_module_class(I, c) || c->src != src->main) continue;
        /* a class bound under two names counts once */
        int dup = 0;
        for (int32_t j = 0; j < k && !dup; j++) dup = g->v[j].t == PV_CLASS && g->v[j].u.p == c;
        if (dup) continue;
        if (n < cap) class_info(I, c, c->name, &out[n]);
        n++;
    }
    /* file order: by the `class` line */
    int32_t m = n < cap ? n : cap;
    for (int32_t i = 1; i < m; i++)
        for (int32_t j = i; j > 0 && out[j].line < out[j - 1].line; j--) {
            cnnc_py_class t = out[j]; out[j] = out[j - 1]; out[j - 1] = t;
        }
    return n;
}

/* ---------------------------------------------------------- construction */

static cnnc_status find_class(cnnc_source *s, const char *cls, py_class **out, cnnc_error *err) {
    interp *I = &s->I;
    cnnc_py_class infos[256];
    int32_t n = cnnc_source_classes(s, infos, 256);
    const char *want = cls;
    if (!want) {
        if (n == 0) {
            cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                           "%s defines no nn.Module subclass (a class deriving from nn.Module)", s->main->path);
            if (err) snprintf(err->file, sizeof err->file, "%s", s->main->path);
            return CNNC_ERR_UNSUPPORTED;
        }
        want = infos[(n < 256 ? n : 256) - 1].name;
    }
    py_val *v = py_attrs_find(&s->main->globals, py_s(I, want));
    if (!v || v->t != PV_CLASS || !py_class_is(pv_as_class(*v), I->c_module)) {
        cnnc_error_set(err, CNNC_ERR_USAGE, "NameError", "%s has no nn.Module class named '%s'", s->main->path, want);
        if (err) snprintf(err->file, sizeof err->file, "%s", s->main->path);
        return CNNC_ERR_USAGE;
    }
    *out = pv_as_class(*v);
    return CNNC_OK;
}

/* Evaluate an argument text "64, 128, stride=2" in the source's module scope and construct. */
static int construct(cnnc_source *s, py_class *c, const char *args, py_val *out) {
    interp *I = &s->I;
    I->tracing = 0;
    I->steps = 0;
    I->frozen_line = 0;
    memset(&I->ex, 0, sizeof I->ex);
    I->line = c->line;
    I->col = 1;
    I->at = NULL;
    I->cur_src = s->main;
    py_val *vals = NULL, *kwv = NULL;
    py_sym *kw = NULL;
    int32_t n = 0, n_kw = 0;
    if (args && args[0]) {
        size_t len = strlen(args);
        char *text = (char *)py_alloc(I->arena, len + 8);
        if (!text) return py_nomem(I);
        snprintf(text, len + 8, "f(%s)", args);
        py_node *call = py_parse_fragment(&s->main->mod, text, (int32_t)strlen(text), c->line, 1);
        if (!call || call->kind != PY_E_CALL)
            return py_raise(I, "SyntaxError", "invalid constructor arguments: %s", args);
        py_frame f;
        memset(&f, 0, sizeof f);
        f.globals = &s->main->globals;
        f.src = s->main;
        f.module_level = 1;
        /* as Python passes them: `*extra_layer('resnet', ...)` and `**cfg` too */
        if (py_eval_call_args(I, &f, call, pv_ptr(PV_CLASS, c), &vals, &n, &kw, &kwv, &n_kw)) return -1;
    }
    I->at = NULL;
    return py_call(I, pv_ptr(PV_CLASS, c), vals, n, kw, kwv, n_kw, out);
}

/* -------------------------------------------------------------- traces */

void cnnc_trace_free(cnnc_trace *t) {
    if (!t) return;
    cnnc_model_free(t->model);
    free(t->result);
    free(t->rows);
    free(t);
}

/* The traced graph as a cnnc_model (the .py's text and path, nodes, edges). */
static cnnc_status build_model(cnnc_source *s, int32_t n_inputs, int32_t output, cnnc_model **out, cnnc_error *err) {
    interp *I = &s->I;
    py_graph *g = &I->g;
    cnnc_model *m = (cnnc_model *)calloc(1, sizeof *m);
    if (!m) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory building the graph");
    m->layers = (cnnc_layer *)malloc((size_t)(g->n > 0 ? g->n : 1) * sizeof *m->layers);
    m->edges = (int32_t *)malloc((size_t)(g->n_edges > 0 ? g->n_edges : 1) * sizeof *m->edges);
    m->text = (char *)malloc(s->main->len + 1);
    if (!m->layers || !m->edges || !m->text) {
        cnnc_model_free(m);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory building the graph");
    }
    memcpy(m->text, s->main->text, s->main->len + 1);
    m->text_len = s->main->len;
    snprintf(m->path, sizeof m->path, "%s", s->main->path);
    if (g->n) memcpy(m->layers, g->nodes, (size_t)g->n * sizeof *m->layers);
    if (g->n_edges) memcpy(m->edges, g->edges, (size_t)g->n_edges * sizeof *m->edges);
    m->n_layers = g->n;
    m->n_edges = g->n_edges;
    m->n_inputs = n_inputs;
    m->output = output;
    m->python_source = 1;
    /* spans into another file cannot be edited in this one */
    for (int32_t k = 0; k < g->n; k++)
        if (g->info[k].src != s->main) m->layers[k].span.begin = m->layers[k].span.end = -1;
    *out = m;
    return CNNC_OK;
}

static void result_text(interp *I, py_val r, cnnc_strbuf *sb, int depth) {
    if (r.t == PV_TENSOR) {
        char buf[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(&pv_as_tensor(r)->shape, buf, sizeof buf);
        cnnc_sb_puts(sb, buf);
    } else if ((r.t == PV_TUPLE || r.t == PV_LIST || r.t == PV_SIZE) && depth < 8) {   /* as the oracles print them */
        py_seq *q = pv_as_seq(r);
        cnnc_sb_puts(sb, "(");
        for (int32_t k = 0; k < q->n; k++) {
            if (k) cnnc_sb_puts(sb, ", ");
            result_text(I, q->v[k], sb, depth + 1);
        }
        cnnc_sb_puts(sb, ")");
    } else {
        py_repr(I, r, sb);
    }
}

static void fill_outputs(py_val r, cnnc_trace *t, int32_t *output_node) {
    *output_node = -1;
    t->n_outputs = 0;
    if (r.t == PV_TENSOR) {
        t->output_nodes[0] = pv_as_tensor(r)->node;
        t->outputs[t->n_outputs++] = pv_as_tensor(r)->shape;
        *output_node = pv_as_tensor(r)->node;
        return;
    }
    if (r.t == PV_TUPLE || r.t == PV_LIST) {
        py_seq *q = pv_as_seq(r);
        for (int32_t k = 0; k < q->n && t->n_outputs < CNNC_PY_MAX_OUTPUTS; k++)
            if (q->v[k].t == PV_TENSOR) {
                if (t->n_outputs == 0) *output_node = pv_as_tensor(q->v[k])->node;
                t->output_nodes[t->n_outputs] = pv_as_tensor(q->v[k])->node;
                t->outputs[t->n_outputs++] = pv_as_tensor(q->v[k])->shape;
            }
    }
}

/* An empty graph that keeps the last trace's arrays: a source's classes are
 * traced one after another, and every entry is written when it is added. */
static void graph_reset(py_graph *g) {
    py_graph kept = *g;
    memset(g, 0, sizeof *g);
    g->nodes = kept.nodes, g->cap = kept.cap;
    g->edges = kept.edges, g->cap_edges = kept.cap_edges;
    g->info = kept.info, g->cap_info = kept.cap_info;
    g->shapes = kept.shapes, g->cap_shapes = kept.cap_shapes;
    g->rows = kept.rows, g->cap_rows = kept.cap_rows;
    g->by_id = kept.by_id, g->cap_by_id = kept.cap_by_id;
}

/* Trace `root` (an nn.Module) at `inputs`: through its forward, or, when `fn`
 * is bound, by calling fn (a model file's forward function). */
cnnc_status py_source_trace_root(cnnc_source *s, py_val root, py_val fn, const char *name, const cnnc_shape *inputs,
                                 int32_t n_inputs, int train, cnnc_trace **out, cnnc_error *err) {
    *out = NULL;
    interp *I = &s->I;
    cnnc_status st;
    cnnc_trace *t = (cnnc_trace *)calloc(1, sizeof *t);
    if (!t) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory tracing %s", name);
    cnnc_str_copy(t->class_name, sizeof t->class_name, name);
    t->n_inputs = n_inputs < CNNC_PY_MAX_OUTPUTS ? n_inputs : CNNC_PY_MAX_OUTPUTS;
    for (int32_t k = 0; k < t->n_inputs; k++) t->inputs[k] = inputs[k];
    graph_reset(&I->g);
    if (py_nn_set_training(I, root, train) || py_nn_assign_paths(I, root)) {
        st = py_source_error(I, err);
        cnnc_trace_free(t);
        return st;
    }
    py_val *xs = (py_val *)py_alloc(I->arena, (size_t)(n_inputs + 1) * sizeof *xs);
    if (!xs) { cnnc_trace_free(t); return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory tracing"); }
    for (int32_t k = 0; k < n_inputs; k++) {
        xs[k] = pv_tensor(I, &inputs[k], CNNC_INPUT_REF(k));
        if (xs[k].t == PV_UNBOUND) { cnnc_trace_free(t); return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory tracing"); }
        /* the shape pass's own checks on the input (negative, too large) */
        cnnc_error e;
        cnnc_shape o;
        cnnc_model empty;
        memset(&empty, 0, sizeof empty);
        snprintf(empty.path, sizeof empty.path, "%s", s->main->path);
        if (cnnc_shape_pass_inputs(&empty, &inputs[k], 1, train, NULL, &o, &e) != CNNC_OK) {
            if (err) *err = e;
            cnnc_trace_free(t);
            return e.status;
        }
    }
    I->tracing = 1;
    I->root = root;
    I->steps = 0;
    memset(&I->ex, 0, sizeof I->ex);
    py_val r;
    const int no_grad = I->no_grad;
    I->no_grad = 1;   /* forward runs under torch.no_grad(), as the oracles run it */
    int failed = fn.t == PV_UNBOUND ? py_call(I, root, xs, n_inputs, NULL, NULL, 0, &r)
                                    : py_call(I, fn, xs, n_inputs, NULL, NULL, 0, &r);
    I->no_grad = no_grad;
    I->tracing = 0;
    int32_t output = -1;
    if (!failed) {
        fill_outputs(r, t, &output);
        cnnc_strbuf sb = {0};   /* a flow's 80 log-determinants print longer than any fixed buffer */
        result_text(I, r, &sb, 0);
        if (!sb.failed && sb.len > CNNC_PY_RESULT_MAX) {
            cnnc_sb_free(&sb);
            cnnc_trace_free(t);
            return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                                  "cnnc cannot follow %s's forward: its value is over %d characters as text", name,
                                  CNNC_PY_RESULT_MAX);
        }
        if (!(t->result = cnnc_sb_take(&sb))) {
            cnnc_trace_free(t);
            return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory tracing %s", name);
        }
    }
    t->shape_dependent = I->g.shape_dependent;
    t->shape_dependent_const = I->g.shape_dependent_const;
    t->frozen_line = I->frozen_line;
    st = build_model(s, n_inputs, output, &t->model, err);
    if (st != CNNC_OK) { cnnc_trace_free(t); return st; }
    /* summary rows */
    if (I->g.n_rows) {
        t->rows = (cnnc_summary_row *)calloc((size_t)I->g.n_rows, sizeof *t->rows);
        if (!t->rows) { cnnc_trace_free(t); return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory"); }
        for (int32_t k = 0; k < I->g.n_rows; k++) {
            const py_call_row *pr = &I->g.rows[k];
            cnnc_summary_row *row = &t->rows[k];
            cnnc_str_copy(row->class_name, sizeof row->class_name, pr->class_name);
            row->n_out = pr->n_out;
            memcpy(row->out, pr->out, sizeof row->out);
            row->params = pr->params;
            row->trainable = (int)pr->trainable;
            if (pr->hook_fail_type)
                snprintf(row->hook_error, sizeof row->hook_error, "'%s' object has no attribute 'size'", pr->hook_fail_type);
        }
        t->n_rows = I->g.n_rows;
    }
    *out = t;
    if (failed) {
        /* a graph that baked in sizes or constants does not replay: keep the trace's own error */
        if (I->ex.has_shape && !I->g.shape_dependent && I->ex.shape.layer_index >= 0 &&
            I->ex.shape.layer_index < t->model->n_layers) {
            /* describe the error over the graph: trail, hint and fix as for a model file */
            cnnc_model *m = t->model;
            int32_t saved = m->output;
            m->output = m->n_layers - 1;
            cnnc_status ps = cnnc_shape_pass_inputs(m, inputs, n_inputs, train, NULL, NULL, err);
            m->output = saved;
            if (ps == CNNC_ERR_SHAPE && err && err->layer_index == I->ex.shape.layer_index) {
                /* where forward called it */
                const cnnc_layer *L = &m->layers[err->layer_index >= 0 ? err->layer_index : m->n_layers - 1];
                snprintf(err->file, sizeof err->file, "%s", s->main->path);
                err->line = L->call.line;
                err->col = L->call.col;
                if (I->ex.src && I->ex.src != s->main) snprintf(err->file, sizeof err->file, "%s", I->ex.src->path);
                /* the words are the trace's (a ScriptModule's forward rewrites them) */
                memcpy(err->type, I->ex.shape.type, sizeof err->type);
                memcpy(err->message, I->ex.shape.message, sizeof err->message);
                return CNNC_ERR_SHAPE;
            }
        }
        cnnc_status st = py_source_error(I, err);
        if (err && err->layer_index >= 0 && !err->layer[0]) {
            if (err->layer_index < t->model->n_layers)   /* the node the trace was making */
                cnnc_layer_display(&t->model->layers[err->layer_index], err->layer, sizeof err->layer);
            else
                err->layer_index = -1;
        }
        return st;
    }
    return CNNC_OK;
}

cnnc_status cnnc_source_trace(cnnc_source *s, const char *cls, const char *args, const cnnc_shape *inputs,
                              int32_t n_inputs, int train, cnnc_trace **out, cnnc_error *err) {
    *out = NULL;
    interp *I = &s->I;
    py_class *c;
    cnnc_status st = find_class(s, cls, &c, err);
    if (st != CNNC_OK) return st;
    py_val model;
    if (construct(s, c, args, &model)) return py_source_error(I, err);
    return py_source_trace_root(s, model, pv_unbound(), c->name, inputs, n_inputs, train, out, err);
}

/* -------------------------------------------------------- default input */

static int first_conv_channels(interp *I, py_val m, int64_t *c) {
    py_nn *nn = py_nn_of(m);
    if (!nn) return 0;
    py_obj *o = pv_as_obj(m);
    const cnnc_layer_def *def = NULL;
    for (py_class *k = o->cls; k && !def; k = k->n_bases ? k->bases[0] : NULL) def = k->layer;
    if (def && def->kind == CNNC_CONV2D && nn->initialized) { *c = nn->layer.p.conv.in_channels; return 1; }
    for (int32_t k = 0; k < nn->children.n; k++)
        if (first_conv_channels(I, nn->children.v[k], c)) return 1;
    return 0;
}

/* Construct cls and make its default input ([batch or 2, C, 28, 28]). */
static cnnc_status construct_default(cnnc_source *s, const char *cls, const char *args, int64_t batch, py_class **c,
                                     py_val *model, cnnc_shape *input, cnnc_error *err) {
    interp *I = &s->I;
    cnnc_status st = find_class(s, cls, c, err);
    if (st != CNNC_OK) return st;
    if (construct(s, *c, args, model)) return py_source_error(I, err);
    int64_t ch = 1;
    first_conv_channels(I, *model, &ch);
    memset(input, 0, sizeof *input);
    input->ndim = 4;
    input->d[0] = batch > 0 ? batch : 2;
    input->d[1] = ch > 0 ? ch : 1;
    input->d[2] = input->d[3] = 28;
    return CNNC_OK;
}

cnnc_status cnnc_source_default_input(cnnc_source *s, const char *cls, const char *args, cnnc_shape *input,
                                      cnnc_error *err) {
    py_class *c;
    py_val model;
    return construct_default(s, cls, args, 0, &c, &model, input, err);
}

cnnc_status cnnc_source_trace_default(cnnc_source *s, const char *cls, const char *args, int64_t batch,
                                      int32_t n_inputs, int train, cnnc_shape *inputs, cnnc_trace **out,
                                      cnnc_error *err) {
    *out = NULL;
    py_class *c;
    py_val model;
    cnnc_status st = construct_default(s, cls, args, batch, &c, &model, &inputs[0], err);
    if (st != CNNC_OK) return st;
    if (n_inputs < 1) n_inputs = 1;
    if (n_inputs > CNNC_PY_MAX_OUTPUTS) n_inputs = CNNC_PY_MAX_OUTPUTS;
    for (int32_t k = 1; k < n_inputs; k++) inputs[k] = inputs[0];
    return py_source_trace_root(s, model, pv_unbound(), c->name, inputs, n_inputs, train, out, err);
}

/* ------------------------------------------------------ engine models */

cnnc_status cnnc_py_model_load(const char *path, const char *cls, const char *args, const cnnc_shape *sample,
                               int train, cnnc_model **model, cnnc_error *err) {
    *model = NULL;
    cnnc_source *s = NULL;
    cnnc_status st = cnnc_source_load(path, &s, err);
    if (st != CNNC_OK) return st;
    cnnc_shape in;
    if (sample) {
        if (sample->ndim + 1 > CNNC_MAX_DIMS) {
            cnnc_source_free(s);
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "input shape has too many dims (%d)", (int)sample->ndim);
        }
        in.ndim = sample->ndim + 1;
        in.d[0] = 2;
        for (int32_t k = 0; k < sample->ndim; k++) in.d[k + 1] = sample->d[k];
    } else if ((st = cnnc_source_default_input(s, cls, args, &in, err)) != CNNC_OK) {
        cnnc_source_free(s);
        return st;
    }
    cnnc_trace *t = NULL;
    st = cnnc_source_trace(s, cls, args, &in, 1, train, &t, err);
    if (st == CNNC_OK && t->frozen_line > 0 && t->shape_dependent <= 0) {
        cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                       "%s sets requires_grad=False on a parameter at line %d, and cnnc's engines train every parameter "
                       "(cnnc check still checks it)", t->class_name, (int)t->frozen_line);
        if (err) {
            snprintf(err->file, sizeof err->file, "%s", path);
            err->line = t->frozen_line;
            err->col = 1;
        }
        st = CNNC_ERR_UNSUPPORTED;
    }
    if (st == CNNC_OK && t->shape_dependent > 0) {
        if (t->shape_dependent_const)
            cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                           "forward() at line %d computes with a tensor not made from its input (a parameter or constant "
                           "used directly); the engines run layers on their own parameters only, so they cannot run %s "
                           "(cnnc check still checks it)", (int)t->shape_dependent, t->class_name);
        else
            cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                           "forward() reads a size at line %d in a way that holds for this input only; the engine runs "
                           "other batch sizes, so it cannot run %s (cnnc check still checks it at each input)",
                           (int)t->shape_dependent, t->class_name);
        if (err) {
            snprintf(err->file, sizeof err->file, "%s", path);
            err->line = t->shape_dependent;
            err->col = 1;
        }
        st = CNNC_ERR_UNSUPPORTED;
    }
    if (st == CNNC_OK) {
        cnnc_model *m = t->model;
        t->model = NULL;
        m->has_input = 1;
        m->input_ndim = in.ndim - 1;
        for (int32_t k = 1; k < in.ndim; k++) m->input[k - 1] = in.d[k];
        *model = m;
    }
    cnnc_trace_free(t);
    cnnc_source_free(s);
    return st;
}
