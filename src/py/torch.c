/* torch.c — tensors as forward() uses them: each operation on a tensor that
 * came from the model's input becomes a node of the layer graph, its shape
 * from the registry's rule at once (PyTorch's error at the line that makes
 * it). torch.X, F.X and Tensor.X map onto registry kinds by their functional
 * forms; sizes (x.size(0), x.shape[2]) remember which tensor dim they came
 * from, so a view written with them works at any batch size. */
#include "py/interp.h"
#include "py/real_names.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARGS interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out
#define UNUSED (void)self; (void)kw; (void)kwv; (void)n_kw

/* ------------------------------------------------------------- the graph */

static int grow(interp *I, void **p, int32_t *cap, int32_t need, size_t elem) {
    if (need <= *cap) return 0;
    int32_t nc = *cap ? *cap * 2 : 64;
    while (nc < need) nc *= 2;
    void *np = py_alloc(I->arena, (size_t)nc * elem);
    if (!np) return py_nomem(I);
    if (*cap) memcpy(np, *p, (size_t)*cap * elem);
    *p = np;
    *cap = nc;
    return 0;
}

static const cnnc_shape *shape_of(const py_val *t) { return &pv_as_tensor(*t)->shape; }

/* Inputs that are not the graph's (constants, parameters) make a node the
 * engine cannot run: the check still gets the shapes. */
static int is_graph_tensor(const py_val *t) { return pv_as_tensor(*t)->node != TENSOR_CONST; }

int py_trace_op(interp *I, cnnc_layer_kind kind, const cnnc_layer_params *params, const py_val *inputs, int32_t n_in,
                py_nn *module, const char *fn_name, py_val *out) {
    const cnnc_layer_def *def = cnnc_layer_def_of(kind);
    if (!def) return py_unsupported(I, "cnnc: unknown layer kind %d", (int)kind);
    for (int32_t k = 0; k < n_in; k++)
        if (inputs[k].t != PV_TENSOR) {
            if (def->signature) /* a module called on something else */
                return py_raise(I, "TypeError", "conv2d() received an invalid combination of arguments - got (%s)", py_type_name(&inputs[k]));
            return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", def->name, py_type_name(&inputs[k]));
        }
    const cnnc_shape *small[16];
    const cnnc_shape **ins = small;
    if (n_in > 16 && !(ins = (const cnnc_shape **)py_alloc(I->arena, (size_t)n_in * sizeof *ins))) return py_nomem(I);
    int all_graph = 1, any_graph = 0;
    for (int32_t k = 0; k < n_in; k++) {
        ins[k] = shape_of(&inputs[k]);
        if (is_graph_tensor(&inputs[k])) any_graph = 1; else all_graph = 0;
    }
    cnnc_layer L;
    memset(&L, 0, sizeof L);
    L.kind = kind;
    if (params) L.p = *params;
    cnnc_layer_shape ls;
    memset(&ls, 0, sizeof ls);
    if (n_in) ls.in = *ins[0];
    cnnc_error e;
    cnnc_error_clear(&e);
    cnnc_status st = def->shape(&L, ins, n_in, module ? module->training : 1, &ls, &e);
    int64_t numel = st == CNNC_OK ? cnnc_shape_numel(&ls.out) : 0;
    if (st == CNNC_OK && (numel < 0 || numel > ((int64_t)1 << 56))) {
        char s[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(&ls.out, s, sizeof s);
        cnnc_error_set(&e, CNNC_ERR_SHAPE, "RuntimeError", "tensor of shape %s is too large: cnnc supports at most 2^56 elements per tensor", s);
        st = CNNC_ERR_SHAPE;
    }
    ls.out_numel = numel;
    int32_t node = TENSOR_CONST;
    if (I->tracing && any_graph) {
        if (!all_graph) MARK_SHAPE_DEPENDENT(I);   /* a constant operand: not a graph the engine can replay */
        py_graph *g = &I->g;
        if (grow(I, (void **)&g->nodes, &g->cap, g->n + 1, sizeof *g->nodes) ||
            grow(I, (void **)&g->info, &g->cap_info, g->n + 1, sizeof *g->info) ||
            grow(I, (void **)&g->shapes, &g->cap_shapes, g->n + 1, sizeof *g->shapes) ||
            grow(I, (void **)&g->edges, &g->cap_edges, g->n_edges + n_in, sizeof *g->edges))
            return -1;
        node = g->n++;
        cnnc_layer *N = &g->nodes[node];
        *N = L;
        N->n_in = n_in;
        N->in_first = g->n_edges;
        for (int32_t k = 0; k < n_in; k++) {
            const py_tensor *t = pv_as_tensor(inputs[k]);
            g->edges[g->n_edges++] = t->node == TENSOR_CONST ? CNNC_INPUT_REF(0) : t->node;
        }
        N->owner = node;
        N->stmt_index = node;
        py_node_info *info = &g->info[node];
        info->module_id = -1;
        info->call_line = I->at ? I->at->line : I->line;
        info->call_col = I->at ? I->at->col : I->col;
        info->src = I->cur_src;
        N->call.line = info->call_line;
        N->call.col = info->call_col;
        if (module && module->path) {
            snprintf(N->name, sizeof N->name, "%s", module->path);
            if (module->owner_node >= 0) N->owner = module->owner_node;
            else module->owner_node = node;
            info->module_id = module->module_id;
            N->span.line = module->ctor_line;
            N->span.col = module->ctor_col;
            N->span.begin = module->ctor_begin;
            N->span.end = module->ctor_end;
        } else {
            snprintf(N->name, sizeof N->name, "%s (line %d)", fn_name ? fn_name : def->name, (int)info->call_line);
            N->node_flags |= CNNC_NODE_FUNCTIONAL;
            N->span.line = info->call_line;
            N->span.col = info->call_col;
            if (I->at) { N->span.begin = I->at->begin; N->span.end = I->at->end; }
        }
        ls.unbatched = ls.unbatched;
        g->shapes[node] = ls;
    }
    if (st != CNNC_OK) {
        /* the failing node is in the graph: the front end describes the error over it */
        py_raise_shape(I, &e);
        if (node != TENSOR_CONST) I->ex.shape.layer_index = node;
        return -1;
    }
    *out = pv_tensor(I, &ls.out, node);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* ------------------------------------------------------------ arguments */

int py_to_arg(interp *I, py_val v, int32_t line, int32_t col, cnnc_arg *out) {
    memset(out, 0, sizeof *out);
    out->line = line;
    out->col = col;
    switch ((py_type)v.t) {
    case PV_NONE: case PV_UNBOUND: out->kind = CNNC_ARG_NONE; return 0;
    case PV_BOOL: out->kind = CNNC_ARG_BOOL; out->i = v.u.i; return 0;
    case PV_INT:
        /* what PyTorch says depends on where the int goes (torch.empty's size, a probability
         * check, nothing for a pool's kernel): not a guess to make */
        if (v.big) return py_unsupported(I, "cnnc cannot follow an int argument that does not fit in 64 bits");
        out->kind = CNNC_ARG_INT;
        out->i = v.u.i;
        return 0;
    case PV_FLOAT: out->kind = CNNC_ARG_FLOAT; out->f = v.u.f; return 0;
    case PV_STR: out->kind = CNNC_ARG_STR; out->s = pv_as_str(v)->s; out->slen = pv_as_str(v)->len; return 0;
    case PV_DTYPE: out->kind = CNNC_ARG_DTYPE; out->s = (const char *)v.u.p; out->slen = (int32_t)strlen(out->s); return 0;
    case PV_TUPLE: case PV_LIST: case PV_SIZE: {
        const py_seq *q = pv_as_seq(v);
        out->kind = v.t == PV_LIST ? CNNC_ARG_LIST : CNNC_ARG_TUPLE;
        out->n = q->n;
        cnnc_arg *items = (cnnc_arg *)py_alloc(I->arena, (size_t)(q->n + 1) * sizeof *items);
        if (!items) return py_nomem(I);
        for (int32_t k = 0; k < q->n; k++)
            if (py_to_arg(I, q->v[k], line, col, &items[k])) return -1;
        out->items = items;
        return 0;
    }
    default:
        out->kind = CNNC_ARG_OTHER;
        out->s = py_type_name(&v);
        if (v.t == PV_CLASS) out->s = "type";
        return 0;
    }
}

/* ---------------------------------------------------- functional forms */

/* The parameter list of a "name(params)" functional text. */
static const char *params_of(const char *functional, char *name, size_t cap) {
    size_t n = strcspn(functional, "(");
    snprintf(name, cap, "%.*s", (int)n, functional);
    return functional + n + (functional[n] ? 1 : 0);
}

/* How a binary operator's node differs from its function call: the scalar on the left (2 - x), in place (x += y). */
typedef struct binop_form { int scalar_left, inplace; } binop_form;

/* expand/repeat sizes that are a tensor's size (x.size(0), h from `b, c, h, w = x.shape`)
 * name that tensor's dim, which becomes an input of the node, so the node follows
 * the batch when the engine replays it. */
static int follow_sizes(interp *I, cnnc_expand_params *p, py_val sizes, py_val *inputs, int32_t *n_in) {
    if (sizes.t != PV_TUPLE && sizes.t != PV_LIST) return 0;
    const py_seq *q = pv_as_seq(sizes);
    if (q->n == 1 && (q->v[0].t == PV_TUPLE || q->v[0].t == PV_LIST || q->v[0].t == PV_SIZE)) q = pv_as_seq(q->v[0]);
    for (int32_t k = 0; k < q->n && k < p->n; k++) {
        const py_val v = q->v[k];
        if (v.t != PV_INT || v.prov == PROV_NONE) continue;
        const int32_t id = (int32_t)(((uint32_t)v.prov >> 4) - 2u), dim = v.prov & 15;
        const py_tensor *t = id >= 0 && id < I->g.next_tensor_id ? I->g.by_id[id] : NULL;
        if (!t || dim >= t->shape.ndim || t->shape.d[dim] != v.u.i) { MARK_SHAPE_DEPENDENT(I); continue; }
        int32_t j = 0;
        while (j < *n_in && pv_as_tensor(inputs[j]) != t) j++;
        if (j == *n_in) {
            if (*n_in >= 64 || *n_in >= 255) { MARK_SHAPE_DEPENDENT(I); continue; }
            inputs[(*n_in)++] = pv_ptr(PV_TENSOR, (void *)t);
        }
        p->of_input[k] = (uint8_t)(j + 1);
        p->size[k] = dim;
    }
    return 0;
}

/* A registry kind called through its functional form (F.relu(x), torch.cat([a, b], 1), x.view ...). */
static int call_functional_as(interp *I, const cnnc_layer_def *def, const char *where, const py_val *a, int32_t n,
                              const py_sym *kw, const py_val *kwv, int32_t n_kw, const binop_form *form, py_val *out);
static int call_functional(interp *I, const cnnc_layer_def *def, const char *where, const py_val *a, int32_t n,
                           const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out) {
    return call_functional_as(I, def, where, a, n, kw, kwv, n_kw, NULL, out);
}

static int call_functional_as(interp *I, const cnnc_layer_def *def, const char *where, const py_val *a, int32_t n,
                              const py_sym *kw, const py_val *kwv, int32_t n_kw, const binop_form *form, py_val *out) {
    char fname[64];
    const char *plist = params_of(def->functional, fname, sizeof fname);
    char sig[512];
    snprintf(sig, sizeof sig, "%.*s", (int)(strlen(plist) > 0 ? strlen(plist) - 1 : 0), plist);
    char qual[96];
    snprintf(qual, sizeof qual, "%s", fname);
    (void)where;
    py_val bound[32];
    const char *names[32];
    int32_t np;
    /* PyTorch's argument parser takes NumPy's names too: axis for dim, keepdims for keepdim */
    py_sym *kw2 = NULL;
    if (n_kw) {
        kw2 = (py_sym *)py_alloc(I->arena, (size_t)n_kw * sizeof *kw2);
        if (!kw2) return py_nomem(I);
        for (int32_t k = 0; k < n_kw; k++) {
            const char *nm = py_sym_name(I->syms, kw[k]);
            kw2[k] = !strcmp(nm, "axis") && strstr(sig, "dim") ? py_s(I, "dim")
                   : !strcmp(nm, "keepdims") && strstr(sig, "keepdim") ? py_s(I, "keepdim") : kw[k];
        }
        kw = kw2;
    }
    if (py_bind_signature(I, sig, qual, 0, a, n, kw, kwv, n_kw, bound, &np, names, 32)) return -1;
    /* tensor inputs: parameters bound to tensors, or to lists of them (cat) */
    py_val inputs[64];
    int32_t n_in = 0;
    int training_off = 0;
    for (int32_t k = 0; k < np; k++) {
        py_val v = bound[k];
        if (!strcmp(names[k], "training") && v.t != PV_UNBOUND) {
            int t;
            if (py_truthy(I, v, &t)) return -1;
            training_off = !t;
        }
        if (v.t == PV_TENSOR && n_in < 64) inputs[n_in++] = v;
        else if ((v.t == PV_LIST || v.t == PV_TUPLE) && !strcmp(names[k], "tensors")) {
            py_seq *q = pv_as_seq(v);
            if (q->n == 0) return py_raise(I, "RuntimeError", "torch.%s(): expected a non-empty list of Tensors", fname);
            for (int32_t j = 0; j < q->n; j++) {
                if (q->v[j].t != PV_TENSOR)
                    return py_raise(I, "TypeError", "expected Tensor as element %d in argument 0, but got %s", (int)j, py_type_name(&q->v[j]));
                if (n_in < 64) inputs[n_in++] = q->v[j];
            }
        }
    }
    if (n_in == 0) {
        for (int32_t k = 0; k < np; k++)
            if (bound[k].t != PV_UNBOUND) {
                return py_raise(I, "TypeError", "%s(): argument '%s' (position 1) must be Tensor, not %s", fname, names[0],
                                py_type_name(&bound[0]));
            }
        return py_raise(I, "TypeError", "%s() missing 1 required positional argument", fname);
    }
    /* F.dropout(x, training=False) and friends: the input itself */
    if (training_off && (def->flags & CNNC_LAYER_KEEPS_SHAPE)) { *out = inputs[0]; return 0; }
    /* arguments for build(): by name onto the constructor's parameters, else the functional's own */
    cnnc_arg args[32];
    const cnnc_arg *argp[32];
    int32_t line = I->at ? I->at->line : I->line, col = I->at ? I->at->col : I->col;
    if (def->signature) {
        char cnames[32][32];
        int32_t nc = 0;
        for (const char *q = def->signature; *q && nc < 32;) {
            while (*q == ' ' || *q == ',') q++;
            size_t len = strcspn(q, "=,");
            if (!len) break;
            snprintf(cnames[nc++], sizeof cnames[0], "%.*s", (int)len, q);
            q += len;
            q += strcspn(q, ",");
        }
        for (int32_t c = 0; c < nc; c++) {
            argp[c] = NULL;
            for (int32_t k = 0; k < np; k++)
                if (!strcmp(cnames[c], names[k]) && bound[k].t != PV_UNBOUND && bound[k].t != PV_TENSOR) {
                    if (py_to_arg(I, bound[k], line, col, &args[c])) return -1;
                    argp[c] = &args[c];
                }
        }
        /* the functional's defaults where they differ from the constructor's (flatten's start_dim) */
        for (int32_t k = 0; k < np; k++) {
            if (bound[k].t != PV_UNBOUND) continue;
            const char *dflt = strstr(sig, names[k]);
            if (!dflt) continue;
            dflt += strlen(names[k]);
            if (*dflt != '=') continue;
            dflt++;
            for (int32_t c = 0; c < nc; c++)
                if (!strcmp(cnames[c], names[k]) && !argp[c]) {
                    char *end;
                    long long iv = strtoll(dflt, &end, 10);
                    if (end != dflt && (*end == ',' || *end == '\0' || *end == ')')) {
                        memset(&args[c], 0, sizeof args[c]);
                        args[c].kind = CNNC_ARG_INT;
                        args[c].i = iv;
                        args[c].line = line;
                        args[c].col = col;
                        argp[c] = &args[c];
                    }
                }
        }
    } else {
        /* a function-only kind: build() takes the parameters after the first (input / tensors),
         * a tensor among them being a node input, not an argument */
        for (int32_t k = 1; k < np; k++) {
            argp[k - 1] = NULL;
            if (bound[k].t == PV_UNBOUND || bound[k].t == PV_TENSOR) continue;
            if (py_to_arg(I, bound[k], line, col, &args[k - 1])) return -1;
            argp[k - 1] = &args[k - 1];
        }
        for (int32_t k = np > 0 ? np - 1 : 0; k < 32; k++) argp[k] = NULL;
    }
    cnnc_layer L;
    memset(&L, 0, sizeof L);
    L.kind = def->kind;
    cnnc_arg call;
    memset(&call, 0, sizeof call);
    call.line = line;
    call.col = col;
    cnnc_error e;
    cnnc_error_clear(&e);
    if (def->build && def->build(&L, argp, &call, &e) != CNNC_OK) {
        py_raise(I, e.type[0] ? e.type : "TypeError", "%s", e.message);
        I->ex.status = e.status == CNNC_ERR_UNSUPPORTED ? CNNC_ERR_UNSUPPORTED : CNNC_ERR_PARSE;
        return -1;
    }
    if (form && (def->kind == CNNC_ADD || def->kind == CNNC_SUB || def->kind == CNNC_MUL || def->kind == CNNC_DIV)) {
        if (form->scalar_left && L.p.binary.scalar == CNNC_SCALAR_RIGHT) L.p.binary.scalar = CNNC_SCALAR_LEFT;
        L.p.binary.inplace = form->inplace;
    }
    if ((def->kind == CNNC_EXPAND || def->kind == CNNC_REPEAT) && np > 1 && follow_sizes(I, &L.p.expand, bound[1], inputs, &n_in))
        return -1;
    return py_trace_op(I, def->kind, &L.p, inputs, n_in, NULL, fname, out);
}

/* The registry kind whose functional form is `name` and lives in `where`. */
static const cnnc_layer_def *functional_def(const char *name, unsigned where) {
    for (int k = 0; k < CNNC_LAYER_KIND_COUNT; k++) {
        const cnnc_layer_def *d = cnnc_layer_def_of((cnnc_layer_kind)k);
        if (!d || !d->functional || !(d->functional_in & where)) continue;
        size_t len = strcspn(d->functional, "(");
        if (strlen(name) == len && !memcmp(d->functional, name, len)) return d;
    }
    return NULL;
}

static int fn_native(ARGS) {
    UNUSED;
    const cnnc_layer_def *def = (const cnnc_layer_def *)I->callee->data;
    if (self.t == PV_TENSOR) {  /* a method: the tensor is the first argument */
        py_val *b = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *b);
        if (!b) return py_nomem(I);
        b[0] = self;
        if (def->kind == CNNC_PERMUTE && n >= 1 && pv_is_int(a[0])) {
            /* x.permute(0, 2, 1): the method also takes the dims as separate arguments */
            py_val dims = pv_seq(I, PV_TUPLE, n);
            if (dims.t == PV_UNBOUND) return py_nomem(I);
            memcpy(pv_as_seq(dims)->v, a, (size_t)n * sizeof *a);
            b[1] = dims;
            return call_functional(I, def, "Tensor", b, 2, kw, kwv, n_kw, out);
        }
        if (n) memcpy(b + 1, a, (size_t)n * sizeof *b);
        return call_functional(I, def, "Tensor", b, n + 1, kw, kwv, n_kw, out);
    }
    return call_functional(I, def, "", a, n, kw, kwv, n_kw, out);
}

/* ------------------------------------------------------------- sizes */

static py_val size_int(const py_tensor *t, int32_t d) {
    py_val v = pv_int(t->shape.d[d]);
    v.prov = PROV_OF(t->id, d);
    return v;
}

static int wrap_dim(interp *I, int64_t dim, int32_t ndim, int32_t *out) {
    int32_t n = ndim > 0 ? ndim : 1;
    if (dim < -n || dim >= n)
        return py_raise(I, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %lld)", -n, n - 1,
                        (long long)dim);
    *out = (int32_t)(dim < 0 ? dim + n : dim);
    return 0;
}

static int t_size(ARGS) {
    UNUSED;
    const py_tensor *t = pv_as_tensor(self);
    if (n == 0 && !n_kw) {
        py_val s = pv_seq(I, PV_SIZE, t->shape.ndim);
        if (s.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < t->shape.ndim; k++) pv_as_seq(s)->v[k] = size_int(t, k);
        *out = s;
        return 0;
    }
    py_val dv = n ? a[0] : kwv[0];
    if (!pv_is_int(dv)) return py_raise(I, "TypeError", "size() received an invalid combination of arguments - got (%s)", py_type_name(&dv));
    if (dv.big) return py_raise(I, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %s)", -t->shape.ndim, t->shape.ndim - 1, "a huge number");
    int32_t d = 0;
    if (t->shape.ndim == 0)
        return py_raise(I, "IndexError", "dimension specified as %lld but tensor has no dimensions", (long long)dv.u.i);
    if (wrap_dim(I, dv.u.i, t->shape.ndim, &d)) return -1;
    *out = size_int(t, d);
    return 0;
}

static int t_dim(ARGS) { UNUSED; (void)a; (void)n; (void)I; *out = pv_int(pv_as_tensor(self)->shape.ndim); return 0; }
static int t_numel(ARGS) {
    UNUSED; (void)a; (void)n; (void)I;
    *out = pv_int(cnnc_shape_numel(&pv_as_tensor(self)->shape));
    return 0;
}
/* x.normal_(), w.data.fill_(0.01) ...: the tensor itself. On a graph tensor the
 * values change, which the graph cannot replay: the trace holds for its shapes only. */
static int t_fill(ARGS) {
    UNUSED; (void)a; (void)n;
    if (I->tracing && pv_as_tensor(self)->node != TENSOR_CONST) MARK_SHAPE_DEPENDENT(I);
    *out = self;
    return 0;
}
static int t_none_method(ARGS) { UNUSED; (void)a; (void)n; (void)I; *out = pv_none(); return 0; }   /* backward(): no shapes */

static int t_self(ARGS) { UNUSED; (void)a; (void)n; (void)I; *out = self; return 0; }   /* contiguous(), to(), detach() ... */

/* ------------------------------------------------------------- views */

static const cnnc_layer_def *kind_named(const char *name) { return cnnc_layer_def_find(name, strlen(name)); }

/* A view/reshape node: sizes that came from this tensor's dims follow the batch. */
static int make_view(interp *I, py_val t, const py_val *sizes, int32_t n, const char *fn, py_val *out) {
    const py_tensor *x = pv_as_tensor(t);
    if (n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc cannot follow a %d-dimensional view", (int)n);
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.flatten.view_ndim = n;
    for (int32_t k = 0; k < n; k++) {
        py_val v = sizes[k];
        if (!pv_is_int(v))
            return py_raise(I, "TypeError", "%s(): argument 'size' (position %d) must be tuple of ints, but found element of type %s at pos %d",
                            fn, 1, py_type_name(&v), (int)k + 1);
        if (v.big) return py_raise(I, "RuntimeError", "Overflow when unpacking long");
        int64_t dim_of_x = -1;
        if (v.prov != PROV_NONE && (((uint32_t)v.prov >> 4) - 2u) == (uint32_t)x->id) dim_of_x = v.prov & 15;
        else if (v.prov != PROV_NONE) MARK_SHAPE_DEPENDENT(I);
        p.flatten.view[k] = dim_of_x >= 0 ? CNNC_VIEW_DIM(dim_of_x) : v.u.i;
        if (dim_of_x < 0 && v.u.i > 1 && k == 0 && x->shape.ndim > 0 && v.u.i == x->shape.d[0]) MARK_SHAPE_DEPENDENT(I);
    }
    return py_trace_op(I, CNNC_FLATTEN, &p, &t, 1, NULL, fn, out);
}

/* view(*shape) / view(shape) / reshape(...) */
static int t_view(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    if (n == 1 && (a[0].t == PV_TUPLE || a[0].t == PV_LIST || a[0].t == PV_SIZE))
        return make_view(I, self, pv_as_seq(a[0])->v, pv_as_seq(a[0])->n, fn, out);
    if (n == 1 && a[0].t == PV_DTYPE) return py_unsupported(I, "cnnc cannot follow view(dtype)");
    if (n == 0 && !n_kw) return py_raise(I, "TypeError", "%s() received an invalid combination of arguments - got (), but expected one of:", fn);
    return make_view(I, self, a, n, fn, out);
}

static int t_squeeze(ARGS) {
    UNUSED;
    const py_tensor *x = pv_as_tensor(self);
    py_val sizes[CNNC_MAX_DIMS];
    int32_t m = 0;
    if (n == 0 && !n_kw) {
        for (int32_t k = 0; k < x->shape.ndim; k++)
            if (x->shape.d[k] != 1) sizes[m++] = size_int(x, k);
        MARK_SHAPE_DEPENDENT(I);
    } else {
        py_val dv = n ? a[0] : kwv[0];
        int32_t d = 0;
        if (!pv_is_int(dv)) return py_unsupported(I, "cnnc cannot follow squeeze() of several dims");
        if (wrap_dim(I, dv.u.i, x->shape.ndim, &d)) return -1;
        for (int32_t k = 0; k < x->shape.ndim; k++)
            if (k != d || x->shape.d[k] != 1) sizes[m++] = size_int(x, k);
    }
    return make_view(I, self, sizes, m, "squeeze", out);
}

static int t_unsqueeze(ARGS) {
    UNUSED;
    const py_tensor *x = pv_as_tensor(self);
    if (n + n_kw != 1) return py_raise(I, "TypeError", "unsqueeze() missing 1 required positional arguments: \"dim\"");
    py_val dv = n ? a[0] : kwv[0];
    if (!pv_is_int(dv)) return py_raise(I, "TypeError", "unsqueeze(): argument 'dim' (position 1) must be int, not %s", py_type_name(&dv));
    int32_t nd = x->shape.ndim + 1, d = 0;
    if (wrap_dim(I, dv.u.i, nd, &d)) return -1;
    py_val sizes[CNNC_MAX_DIMS + 1];
    int32_t m = 0;
    for (int32_t k = 0; k < nd; k++) {
        if (k == d) sizes[m++] = pv_int(1);
        else sizes[m++] = size_int(x, k < d ? k : k - 1);
    }
    return make_view(I, self, sizes, m, "unsqueeze", out);
}

static int t_flatten(ARGS) {
    UNUSED;
    const cnnc_layer_def *def = functional_def("flatten", CNNC_FN_TENSOR);
    py_val *b = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *b);
    if (!b) return py_nomem(I);
    b[0] = self;
    if (n) memcpy(b + 1, a, (size_t)n * sizeof *b);
    return call_functional(I, def, "Tensor", b, n + 1, kw, kwv, n_kw, out);
}

/* ---------------------------------------------------------- arithmetic */

static int scalar_ok(py_val v) { return pv_is_num(v); }

int py_tensor_binop(interp *I, int op, py_val a, py_val b, int reflected, py_val *out) {
    const char *name = op == PY_OP_PLUS ? "add" : op == PY_OP_MINUS ? "sub" : op == PY_OP_STAR ? "mul"
                     : op == PY_OP_SLASH ? "div" : op == PY_OP_AT ? "matmul" : op == PY_OP_DSTAR ? "pow" : NULL;
    if (!name) return py_unsupported(I, "cnnc cannot follow the %s operator on tensors", py_op_text((py_op)op));
    if (b.t != PV_TENSOR && !scalar_ok(b)) {
        if (b.t == PV_NONE || b.t == PV_STR || b.t == PV_TUPLE || b.t == PV_LIST)
            return py_raise(I, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", py_op_text((py_op)op),
                            reflected ? py_type_name(&b) : "Tensor", reflected ? "Tensor" : py_type_name(&b));
        return py_unsupported(I, "cnnc cannot follow %s between a tensor and a %s", name, py_type_name(&b));
    }
    const cnnc_layer_def *def = functional_def(name, CNNC_FN_TORCH | CNNC_FN_TENSOR);
    if (!def) return py_unsupported(I, "cnnc cannot follow %s on tensors (no such operation in cnnc's registry)", name);
    /* 2 - x, 2 / x: the scalar on the left; x += y: in place */
    binop_form form = {reflected && b.t != PV_TENSOR, I->inplace && !reflected};
    I->inplace = 0;
    py_val args[2] = {a, b};
    if (reflected && b.t == PV_TENSOR) { args[0] = b; args[1] = a; }
    return call_functional_as(I, def, "", args, 2, NULL, NULL, 0, &form, out);
}

/* --------------------------------------------------------- indexing */

int py_tensor_getitem(interp *I, py_val t, py_val key, py_val *out) {
    const py_tensor *x = pv_as_tensor(t);
    py_val *items = &key;
    int32_t n = 1;
    if (key.t == PV_TUPLE) { items = pv_as_seq(key)->v; n = pv_as_seq(key)->n; }
    const cnnc_layer_def *narrow = kind_named("narrow");
    py_val cur = t;
    int32_t dim = 0;
    for (int32_t k = 0; k < n; k++, dim++) {
        py_val it = items[k];
        if (it.t == PV_ELLIPSIS) {
            dim = x->shape.ndim - (n - k - 1) - 1;
            continue;
        }
        if (dim >= x->shape.ndim)
            return py_raise(I, "IndexError", "too many indices for tensor of dimension %d", x->shape.ndim);
        if (it.t == PV_SLICE) {
            const py_slice *s = (const py_slice *)it.u.p;
            if (s->lo.t == PV_NONE && s->hi.t == PV_NONE && s->step.t == PV_NONE) continue;
            if (s->step.t != PV_NONE && !(pv_is_int(s->step) && s->step.u.i == 1)) {
                /* x[:, ::2]: torch.slice_copy with the step */
                if (!pv_is_int(s->step) || (s->lo.t != PV_NONE && !pv_is_int(s->lo)) || (s->hi.t != PV_NONE && !pv_is_int(s->hi)))
                    return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method");
                if (s->step.u.i == 0) return py_raise(I, "ValueError", "slice step cannot be zero");
                if (s->step.u.i < 0) return py_raise(I, "ValueError", "step must be greater than zero");
                const cnnc_layer_def *sl = kind_named("slice");
                if (!sl || !sl->functional) return py_unsupported(I, "cnnc cannot follow a strided slice of a tensor");
                py_val args[5] = {cur, pv_int(dim), s->lo, s->hi, s->step};
                args[2].prov = args[3].prov = args[4].prov = PROV_NONE;
                if (call_functional(I, sl, "", args, 5, NULL, NULL, 0, &cur)) return -1;
                continue;
            }
            if (!narrow || !narrow->functional) return py_unsupported(I, "cnnc cannot follow slicing a tensor");
            int64_t len = pv_as_tensor(cur)->shape.d[dim], lo = 0, hi = len;
            if (s->lo.t != PV_NONE) { if (!pv_is_int(s->lo)) return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method"); lo = s->lo.u.i < 0 ? s->lo.u.i + len : s->lo.u.i; }
            if (s->hi.t != PV_NONE) { if (!pv_is_int(s->hi)) return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method"); hi = s->hi.u.i < 0 ? s->hi.u.i + len : s->hi.u.i; }
            if (lo < 0) lo = 0;
            if (hi > len) hi = len;
            if (hi < lo) hi = lo;
            py_val args[4] = {cur, pv_int(dim), pv_int(lo), pv_int(hi - lo)};
            if (call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &cur)) return -1;
            continue;
        }
        if (it.t == PV_NONE) return py_unsupported(I, "cnnc cannot follow indexing a tensor with None");
        if (!pv_is_int(it)) return py_unsupported(I, "cnnc cannot follow indexing a tensor with a %s", py_type_name(&it));
        int64_t len = pv_as_tensor(cur)->shape.d[dim], i = it.u.i;
        if (it.big || i < -len || i >= len)
            return py_raise(I, "IndexError", "index %lld is out of bounds for dimension %d with size %lld", (long long)i, (int)dim, (long long)len);
        if (i < 0) i += len;
        if (!narrow || !narrow->functional) return py_unsupported(I, "cnnc cannot follow indexing a tensor");
        py_val args[4] = {cur, pv_int(dim), pv_int(i), pv_int(1)};
        if (call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &cur)) return -1;
        /* drop the indexed dim */
        const py_tensor *c = pv_as_tensor(cur);
        py_val sizes[CNNC_MAX_DIMS];
        int32_t m = 0;
        for (int32_t j = 0; j < c->shape.ndim; j++)
            if (j != dim) sizes[m++] = size_int(c, j);
        if (make_view(I, cur, sizes, m, "select", &cur)) return -1;
        dim--;
    }
    *out = cur;
    return 0;
}

/* ------------------------------------------------------ chunk, split */

static int t_chunk(ARGS) {
    UNUSED;
    const py_tensor *x = pv_as_tensor(self);
    const cnnc_layer_def *narrow = kind_named("narrow");
    int is_split = !strcmp(I->callee->name, "split");
    if (n < 1) return py_raise(I, "TypeError", "%s() missing 1 required positional arguments: \"%s\"", I->callee->name, is_split ? "split_size" : "chunks");
    int64_t dim_v = n > 1 ? a[1].u.i : 0;
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "dim")) dim_v = kwv[k].u.i;
    int32_t d = 0;
    if (wrap_dim(I, dim_v, x->shape.ndim, &d)) return -1;
    int64_t len = x->shape.d[d], piece;
    if (!pv_is_int(a[0])) return py_unsupported(I, "cnnc cannot follow %s with a list of sizes", I->callee->name);
    if (is_split) piece = a[0].u.i;
    else {
        if (a[0].u.i <= 0) return py_raise(I, "RuntimeError", "chunk expects `chunks` to be greater than 0, got: %lld", (long long)a[0].u.i);
        piece = (len + a[0].u.i - 1) / a[0].u.i;
    }
    if (piece <= 0) return py_raise(I, "RuntimeError", "split expects split_size be non-negative, but got split_size=%lld", (long long)piece);
    if (!narrow || !narrow->functional) return py_unsupported(I, "cnnc cannot follow %s of a tensor", I->callee->name);
    py_val r = pv_seq(I, PV_TUPLE, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int64_t lo = 0; lo < len || (len == 0 && lo == 0); lo += piece) {
        int64_t l = len - lo < piece ? len - lo : piece;
        py_val args[4] = {self, pv_int(d), pv_int(lo), pv_int(l)}, part;
        if (call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &part) || py_seq_push(I, r, part)) return -1;
        if (len == 0) break;
    }
    *out = r;
    return 0;
}

/* ------------------------------------------------------- tensor attributes */

int py_tensor_getattr(interp *I, py_val t, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    const py_tensor *x = pv_as_tensor(t);
    if (!strcmp(nm, "shape")) return t_size(I, t, NULL, 0, NULL, NULL, 0, out);
    if (!strcmp(nm, "ndim")) { *out = pv_int(x->shape.ndim); return 0; }
    if (!strcmp(nm, "data")) { *out = t; return 0; }
    if (!strcmp(nm, "T")) return py_unsupported(I, "cnnc cannot follow Tensor.T");
    if (!strcmp(nm, "requires_grad")) { *out = pv_bool(x->is_param); return 0; }
    if (!strcmp(nm, "is_cuda")) { *out = pv_bool(0); return 0; }
    if (!strcmp(nm, "dtype")) { *out = pv_ptr(PV_DTYPE, (void *)"float32"); return 0; }
    if (!strcmp(nm, "device")) { *out = pv_cstr(I, "cpu"); return 0; }
    if (!strcmp(nm, "grad")) { *out = pv_none(); return 0; }
    static const struct { const char *name; py_native fn; } methods[] = {
        {"size", t_size}, {"dim", t_dim}, {"numel", t_numel}, {"view", t_view}, {"reshape", t_view},
        {"contiguous", t_self}, {"clone", t_self}, {"detach", t_self}, {"to", t_self}, {"cuda", t_self}, {"cpu", t_self},
        {"float", t_self}, {"type_as", t_self}, {"requires_grad_", t_self}, {"squeeze", t_squeeze},
        {"unsqueeze", t_unsqueeze}, {"chunk", t_chunk}, {"split", t_chunk}, {"flatten", t_flatten},
        {"view_as", NULL}, {"reshape_as", NULL},
        /* in-place initialisers: values, not shapes */
        {"normal_", t_fill}, {"uniform_", t_fill}, {"fill_", t_fill}, {"zero_", t_fill}, {"copy_", t_fill},
        {"random_", t_fill}, {"bernoulli_", t_fill}, {"exponential_", t_fill}, {"cauchy_", t_fill},
        {"log_normal_", t_fill}, {"geometric_", t_fill}, {"backward", t_none_method}, {"retain_grad", t_none_method},
    };
    for (size_t k = 0; k < sizeof methods / sizeof methods[0]; k++) {
        if (strcmp(methods[k].name, nm)) continue;
        if (!methods[k].fn) break;
        *out = pv_builtin(I, methods[k].name, methods[k].fn, t, NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    /* in-place variants x.relu_() act like x.relu() here */
    char base[64];
    snprintf(base, sizeof base, "%s", nm);
    size_t len = strlen(base);
    if (len > 1 && base[len - 1] == '_' && base[len - 2] != '_') base[len - 1] = '\0';
    const cnnc_layer_def *def = functional_def(base, CNNC_FN_TENSOR);
    if (def) {
        *out = pv_builtin(I, nm, fn_native, t, def, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    /* x.mul(y), x.add(y) ... as the operators */
    static const struct { const char *name; int op; } ops[] = {
        {"add", PY_OP_PLUS}, {"sub", PY_OP_MINUS}, {"mul", PY_OP_STAR}, {"div", PY_OP_SLASH}, {"matmul", PY_OP_AT},
    };
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        if (!strcmp(ops[k].name, base)) return py_unsupported(I, "cnnc cannot follow Tensor.%s (no such operation in cnnc's registry)", nm);
    if (py_real_name("Tensor", nm)) return py_unsupported(I, "cnnc cannot follow Tensor.%s", nm);
    return py_raise(I, "AttributeError", "'Tensor' object has no attribute '%s'", nm);
}

/* ------------------------------------------------------ torch functions */

/* torch.zeros(2, 3) / torch.ones((2, 3)) / torch.randn(...): a tensor of constants. */
static int t_factory(ARGS) {
    UNUSED;
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    const py_val *dims = a;
    int32_t nd = n;
    if (n == 1 && (a[0].t == PV_TUPLE || a[0].t == PV_LIST || a[0].t == PV_SIZE)) { dims = pv_as_seq(a[0])->v; nd = pv_as_seq(a[0])->n; }
    if (nd > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc cannot follow a %d-dimensional tensor", (int)nd);
    for (int32_t k = 0; k < nd; k++) {
        if (!pv_is_int(dims[k]))
            return py_raise(I, "TypeError", "%s(): argument 'size' (position 1) must be tuple of ints, but found element of type %s at pos %d",
                            I->callee->name, py_type_name(&dims[k]), (int)k + 1);
        if (dims[k].u.i < 0) {
            char buf[128];
            cnnc_shape tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.ndim = nd;
            for (int32_t j = 0; j < nd; j++) tmp.d[j] = pv_is_int(dims[j]) ? dims[j].u.i : 0;
            cnnc_shape_format(&tmp, buf, sizeof buf);
            return py_raise(I, "RuntimeError", "Trying to create tensor with negative dimension %lld: %s", (long long)dims[k].u.i, buf);
        }
        s.d[k] = dims[k].u.i;
    }
    s.ndim = nd;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

static int t_like(ARGS) {
    UNUSED;
    if (n < 1 || a[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", I->callee->name,
                        n ? py_type_name(&a[0]) : "nothing");
    /* randn_like of the graph's tensor is a node (fresh noise each step); zeros_like a constant */
    const cnnc_layer_def *d = functional_def(I->callee->name, CNNC_FN_TORCH);
    if (d) return call_functional(I, d, "", a, n, kw, kwv, n_kw, out);
    *out = pv_tensor(I, &pv_as_tensor(a[0])->shape, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

static int t_param(ARGS) {
    UNUSED;
    if (n < 1 || a[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow nn.Parameter of a %s", n ? py_type_name(&a[0]) : "nothing");
    *out = pv_tensor(I, &pv_as_tensor(a[0])->shape, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_param = 1;
    return 0;
}

static int t_is_tensor(ARGS) { UNUSED; (void)I; *out = pv_bool(n && a[0].t == PV_TENSOR); return 0; }
/* torch.nn.modules.utils._pair(x): an int repeated, an iterable as a tuple */
static int t_ntuple(ARGS) {
    (void)self; (void)kw; (void)kwv; (void)n_kw;
    const char *nm = I->callee->name;
    int32_t k = !strcmp(nm, "_single") ? 1 : !strcmp(nm, "_pair") ? 2 : !strcmp(nm, "_triple") ? 3 : 4;
    if (n != 1) return py_raise(I, "TypeError", "parse() takes 1 positional argument but %d were given", (int)n);
    if (a[0].t == PV_TUPLE || a[0].t == PV_LIST || a[0].t == PV_SIZE) {
        py_val t = pv_seq(I, PV_TUPLE, pv_as_seq(a[0])->n);
        if (t.t == PV_UNBOUND) return py_nomem(I);
        memcpy(pv_as_seq(t)->v, pv_as_seq(a[0])->v, (size_t)pv_as_seq(a[0])->n * sizeof(py_val));
        *out = t;
        return 0;
    }
    py_val t = pv_seq(I, PV_TUPLE, k);
    if (t.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t j = 0; j < k; j++) pv_as_seq(t)->v[j] = a[0];
    *out = t;
    return 0;
}

/* torch.split(x, n, dim) / torch.chunk(x, k, dim): the methods with the tensor first */
static int t_split_fn(ARGS) {
    (void)self;
    if (n < 1 || a[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", I->callee->name,
                        n ? py_type_name(&a[0]) : "NoneType");
    return t_chunk(I, a[0], a + 1, n - 1, kw, kwv, n_kw, out);
}

static int t_false(ARGS) { UNUSED; (void)I; (void)a; (void)n; *out = pv_bool(0); return 0; }
static int t_none(ARGS) { UNUSED; (void)I; (void)a; (void)n; *out = pv_none(); return 0; }
static int t_first(ARGS) { UNUSED; (void)I; *out = n ? a[0] : pv_none(); return 0; }
static int t_device(ARGS) { UNUSED; (void)a; (void)n; *out = pv_cstr(I, "cpu"); return 0; }
static int t_calc_gain(ARGS) {
    UNUSED;
    const char *nl = n && a[0].t == PV_STR ? pv_as_str(a[0])->s : "linear";
    double g = 1.0;
    if (!strcmp(nl, "relu")) g = sqrt(2.0);
    else if (!strcmp(nl, "tanh")) g = 5.0 / 3.0;
    else if (!strcmp(nl, "leaky_relu")) {
        double s = n > 1 && pv_is_num(a[1]) ? (a[1].t == PV_FLOAT ? a[1].u.f : (double)a[1].u.i) : 0.01;
        g = sqrt(2.0 / (1 + s * s));
    } else if (!strcmp(nl, "selu")) g = 0.75;
    *out = pv_float(g);
    (void)I;
    return 0;
}

/* torch.no_grad() and other context managers: an object `with` accepts */
static int t_context(ARGS) { UNUSED; (void)a; (void)n; *out = pv_none(); (void)I; return 0; }

static int torch_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    unsigned where = !strcmp(m->name, "torch.nn.functional") ? CNNC_FN_NN_F : CNNC_FN_TORCH;
    const cnnc_layer_def *def = functional_def(nm, where);
    if (def) {
        *out = pv_builtin(I, nm, fn_native, pv_unbound(), def, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    return 1;
}

static int def_fn(interp *I, py_module_ns *m, const char *name, py_native fn) {
    py_val v = pv_builtin(I, name, fn, pv_unbound(), NULL, 0);
    if (v.t == PV_UNBOUND) return py_nomem(I);
    return py_module_set(I, m, name, v);
}

int py_torch_init(interp *I) {
    if (!(I->m_torch = py_module_new(I, "torch")) || !(I->m_f = py_module_new(I, "torch.nn.functional")) ||
        !(I->m_init = py_module_new(I, "torch.nn.init")) || !(I->m_torch_utils = py_module_new(I, "torch.utils")))
        return py_nomem(I);
    I->m_torch->getattr = torch_getattr;
    I->m_f->getattr = torch_getattr;
    py_module_ns *T = I->m_torch;
    static const char *const dtypes[] = {"float32", "float", "float64", "double", "float16", "half", "bfloat16", "int64",
                                         "long", "int32", "int", "uint8", "bool"};
    for (size_t k = 0; k < sizeof dtypes / sizeof dtypes[0]; k++)
        if (py_module_set(I, T, dtypes[k], pv_ptr(PV_DTYPE, (void *)dtypes[k]))) return -1;
    static const char *const factories[] = {"zeros", "ones", "randn", "rand", "empty", "full", "Tensor", "FloatTensor"};
    for (size_t k = 0; k < sizeof factories / sizeof factories[0]; k++)
        if (def_fn(I, T, factories[k], t_factory)) return -1;
    static const char *const likes[] = {"zeros_like", "ones_like", "randn_like", "rand_like", "empty_like", "full_like"};
    for (size_t k = 0; k < sizeof likes / sizeof likes[0]; k++)
        if (def_fn(I, T, likes[k], t_like)) return -1;
    if (def_fn(I, T, "split", t_split_fn) || def_fn(I, T, "chunk", t_split_fn)) return -1;
    /* torch.jit: a ScriptModule is an nn.Module; its decorators leave the function as it is */
    py_module_ns *jit = py_module_new(I, "torch.jit");
    if (!jit || py_module_set(I, T, "jit", pv_ptr(PV_MODULE, jit)) ||
        py_module_set(I, jit, "ScriptModule", pv_ptr(PV_CLASS, I->c_module)) || def_fn(I, jit, "script_method", t_first) ||
        def_fn(I, jit, "script", t_first) || def_fn(I, jit, "ignore", t_first) || def_fn(I, jit, "unused", t_first) ||
        def_fn(I, jit, "export", t_first) || def_fn(I, jit, "is_scripting", t_false) || def_fn(I, jit, "is_tracing", t_false))
        return -1;
    /* torch.nn.modules.utils: _pair and friends */
    py_module_ns *nnutils = py_module_new(I, "torch.nn.modules.utils");
    if (!nnutils || def_fn(I, nnutils, "_single", t_ntuple) || def_fn(I, nnutils, "_pair", t_ntuple) ||
        def_fn(I, nnutils, "_triple", t_ntuple) || def_fn(I, nnutils, "_quadruple", t_ntuple))
        return -1;
    I->m_nn_utils = nnutils;
    if (def_fn(I, T, "is_tensor", t_is_tensor) || def_fn(I, T, "manual_seed", t_none) || def_fn(I, T, "no_grad", t_context) ||
        def_fn(I, T, "enable_grad", t_context) || def_fn(I, T, "device", t_device) ||
        py_module_set(I, T, "nn", pv_ptr(PV_MODULE, I->m_nn)) || py_module_set(I, T, "utils", pv_ptr(PV_MODULE, I->m_torch_utils)) ||
        py_module_set(I, I->m_nn, "functional", pv_ptr(PV_MODULE, I->m_f)) ||
        py_module_set(I, I->m_nn, "init", pv_ptr(PV_MODULE, I->m_init)))
        return -1;
    py_module_ns *cuda = py_module_new(I, "torch.cuda");
    if (!cuda || def_fn(I, cuda, "is_available", t_false) || py_module_set(I, T, "cuda", pv_ptr(PV_MODULE, cuda))) return -1;
    py_val param = pv_builtin(I, "Parameter", t_param, pv_unbound(), NULL, 0);
    if (param.t == PV_UNBOUND) return py_nomem(I);
    /* nn.Parameter(tensor) makes a parameter; isinstance(x, nn.Parameter) works through the class */
    py_val pinit = pv_builtin(I, "__init__", t_param, pv_unbound(), NULL, 1);
    (void)pinit;
    if (py_module_set(I, I->m_nn, "Parameter", param)) return -1;
    /* nn.init: the shapes do not change; cnnc initialises as PyTorch's reset_parameters */
    static const char *const inits[] = {"kaiming_normal_", "kaiming_uniform_", "xavier_normal_", "xavier_uniform_",
                                        "normal_", "uniform_", "constant_", "zeros_", "ones_", "orthogonal_",
                                        "trunc_normal_", "eye_", "dirac_", "sparse_", "kaiming_normal", "xavier_uniform",
                                        "xavier_normal", "kaiming_uniform", "normal", "constant", "uniform"};
    for (size_t k = 0; k < sizeof inits / sizeof inits[0]; k++)
        if (def_fn(I, I->m_init, inits[k], t_first)) return -1;
    if (def_fn(I, I->m_init, "calculate_gain", t_calc_gain)) return -1;
    /* torch.utils.* that model code touches without effect on shapes */
    if (def_fn(I, I->m_torch_utils, "load_state_dict_from_url", t_none) || def_fn(I, I->m_torch_utils, "checkpoint", t_none) ||
        def_fn(I, I->m_torch_utils, "Variable", t_first))   /* torch.autograd.Variable(t) is t since PyTorch 0.4 */
        return -1;
    return 0;
}
