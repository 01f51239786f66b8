/* torch.c — tensors as forward() uses them: each operation on a tensor that
 * came from the model's input becomes a node of the layer graph, its shape
 * from the registry's rule at once (PyTorch's error at the line that makes
 * it). torch.X, F.X and Tensor.X map onto registry kinds by their functional
 * forms; sizes (x.size(0), x.shape[2]) remember which tensor dim they came
 * from, so a view written with them works at any batch size. This file: the
 * graph, arguments and the functional forms; a tensor's own methods are
 * torch_tensor.c's, torch.* functions torch_functions.c's. */
#include "base/str.h"
#include "py/torch_internal.h"
#include "layers/layer_util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- the graph */


static const cnnc_shape *shape_of(const py_val *t) { return &pv_as_tensor(*t)->shape; }

/* Inputs that are not the graph's (constants, parameters) make a node the
 * engine cannot run: the check still gets the shapes. */
static int is_graph_tensor(const py_val *t) { return pv_as_tensor(*t)->node != TENSOR_CONST; }

/* ---------------------------------------------------------------- strides */

static void contiguous_strides(const cnnc_shape *s, int64_t *st) {
    int64_t acc = 1;
    for (int32_t k = s->ndim - 1; k >= 0; k--) {
        st[k] = acc;
        acc *= s->d[k] > 1 ? s->d[k] : 1;
    }
}

/* ATen's computeStride: the strides of `to` as a view of a tensor of sizes `from` and
 * strides `fst`; 0 when no view can give it (view() then refuses, reshape() copies). */
static int view_strides(const cnnc_shape *from, const int64_t *fst, const cnnc_shape *to, int64_t *out) {
    if (from->ndim == 0) {
        for (int32_t k = 0; k < to->ndim; k++) out[k] = 1;
        return 1;
    }
    if (cnnc_shape_numel(from) == 0) {
        contiguous_strides(to, out);
        return 1;
    }
    int32_t view_d = to->ndim - 1;
    int64_t chunk_base = fst[from->ndim - 1], tensor_numel = 1, view_numel = 1;
    for (int32_t td = from->ndim - 1; td >= 0; td--) {
        tensor_numel *= from->d[td];
        if (td == 0 || (from->d[td - 1] != 1 && fst[td - 1] != tensor_numel * chunk_base)) {
            while (view_d >= 0 && (view_numel < tensor_numel || to->d[view_d] == 1)) {
                out[view_d] = view_numel * chunk_base;
                view_numel *= to->d[view_d];
                view_d--;
            }
            if (view_numel != tensor_numel) return 0;
            if (td > 0) {
                chunk_base = fst[td - 1];
                tensor_numel = 1;
                view_numel = 1;
            }
        }
    }
    return view_d == -1;
}

static int32_t wrap(int64_t d, int32_t n) { return (int32_t)(d < 0 ? d + n : d); }

/* A flatten node's output strides (view, reshape, unsqueeze, squeeze, flatten): a view of a
 * contiguous input is contiguous; of a strided one, ATen's computeStride decides. Returns -1
 * where view() itself refuses the input (reshape and flatten copy instead). */
static int flatten_strides(const py_tensor *x, const cnnc_shape *out, const char *fn, int *strided, int64_t *st) {
    *strided = 0;
    if (!x->strided) return 0;
    if (view_strides(&x->shape, x->stride, out, st)) { *strided = 1; return 0; }
    return fn && !strcmp(fn, "view") ? -1 : 0;
}

/* Kinds that move or repeat values without changing them (views, copies, slices). */
static int keeps_values(cnnc_layer_kind kind) {
    switch (kind) {
    case CNNC_FLATTEN: case CNNC_UNFLATTEN: case CNNC_PERMUTE: case CNNC_TRANSPOSE: case CNNC_NARROW:
    case CNNC_SLICE: case CNNC_EXPAND: case CNNC_EXPAND_AS: case CNNC_REPEAT: case CNNC_IDENTITY:
        return 1;
    default:
        return 0;
    }
}

/* Complex tensors (constants: torch.fft's results, cfloat parameters) go through views,
 * arithmetic, einsum and matrix products, and abs() makes them real; anything else on
 * them, or a product mixing them with real ones (a dtype error in PyTorch), is refused.
 * 1: the result is complex, 0 it is not, -1 refused. */
static int complex_rule(interp *I, cnnc_layer_kind kind, const cnnc_layer_def *def, const py_val *inputs, int32_t n_in) {
    int32_t n_complex = 0;
    for (int32_t k = 0; k < n_in; k++) n_complex += pv_as_tensor(inputs[k])->is_complex;
    if (!n_complex) return 0;
    if (keeps_values(kind)) return 1;   /* the views */
    switch (kind) {
    case CNNC_CAT: case CNNC_ADD: case CNNC_SUB: case CNNC_MUL: case CNNC_DIV:
        return 1;
    case CNNC_ABS:
        return 0;
    case CNNC_EINSUM: case CNNC_MATMUL: case CNNC_BMM: case CNNC_MM:
        if (n_complex == n_in) return 1;
        return py_unsupported(I, "cnnc cannot follow %s of complex and real tensors (PyTorch's dtype error is not modelled)", def->name);
    default:
        return py_unsupported(I, "cnnc follows complex tensors through views, arithmetic, einsum, matrix products and "
                                 "torch.fft, not %s", def->name);
    }
}

/* Transposes and permutes make a contiguous input strided; the other view ops keep what
 * the input's strides say. */
static void set_view_strides(cnnc_layer_kind kind, const cnnc_layer_params *p, const py_tensor *x, const cnnc_shape *out,
                             int *strided, int64_t *st) {
    int64_t in_st[CNNC_MAX_DIMS];
    const int32_t n = x->shape.ndim;
    if (x->strided) memcpy(in_st, x->stride, sizeof in_st);
    else contiguous_strides(&x->shape, in_st);
    *strided = 0;
    switch (kind) {
    case CNNC_TRANSPOSE: {
        const int32_t a = wrap(p->transpose.dim0, n), b = wrap(p->transpose.dim1, n);
        if (a < 0 || b < 0 || a >= n || b >= n || out->ndim != n) return;
        memcpy(st, in_st, sizeof in_st);
        st[a] = in_st[b];
        st[b] = in_st[a];
        *strided = a != b || x->strided;
        return;
    }
    case CNNC_PERMUTE: {
        if (p->permute.ndim != n || out->ndim != n) return;
        int moved = 0;
        for (int32_t k = 0; k < n; k++) {
            const int32_t d = wrap(p->permute.dims[k], n);
            if (d < 0 || d >= n) return;
            st[k] = in_st[d];
            moved |= d != k;
        }
        *strided = moved || x->strided;
        return;
    }
    case CNNC_NARROW: case CNNC_SLICE: {
        if (!x->strided && kind == CNNC_NARROW) {
            /* a narrow of a contiguous tensor is contiguous only along its first non-1 dim */
            const int32_t d = wrap(p->narrow.dim, n);
            int outer = 0;
            for (int32_t k = 0; k < d; k++) outer |= x->shape.d[k] > 1;
            if (!outer || out->d[d] == x->shape.d[d]) return;
        }
        if (out->ndim != n) return;
        memcpy(st, in_st, sizeof in_st);
        if (kind == CNNC_SLICE) {
            const int32_t d = wrap(p->slice.dim, n);
            if (d >= 0 && d < n) st[d] *= p->slice.step > 0 ? p->slice.step : 1;
        }
        *strided = 1;
        return;
    }
    case CNNC_EXPAND: {
        if (out->ndim < n) return;
        const int32_t lead = out->ndim - n;
        for (int32_t k = 0; k < out->ndim; k++) {
            const int32_t j = k - lead;
            st[k] = j < 0 || (x->shape.d[j] == 1 && out->d[k] != 1) ? 0 : in_st[j];
        }
        *strided = 1;
        return;
    }
    default: return;
    }
}

int py_layer_input_check(interp *I, const cnnc_layer *L, py_val input) {
    const py_tensor *x = pv_as_tensor(input);
    /* F.embedding's dtype check: cnnc's inputs are floats; only indices (argmax ...) index */
    if (L->kind == CNNC_EMBEDDING && !x->is_indices)
        return torch_raise_shape(I, "RuntimeError",
                                 "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, "
                                 "Int; but got torch.FloatTensor instead (while checking arguments for embedding)");
    /* index_select's bound check, where the indices' largest value is known (position ids) */
    if (L->kind == CNNC_EMBEDDING && x->index_bound > L->p.embedding.num) {
        if (x->index_bound_met) return torch_raise_shape(I, "IndexError", "index out of range in self");
        return py_unsupported(I, "cnnc cannot follow nn.Embedding(%lld, ...) of indices that may reach %lld",
                              (long long)L->p.embedding.num, (long long)(x->index_bound - 1));
    }
    /* ATen 1.13's linear on a 3-d input whose last two dims are transposed (x.transpose(1, 2) of a
     * contiguous [B, C, L]) does not fold it into one matrix: matmul goes through bmm, which words a
     * width mismatch its own way */
    const int64_t in_f = L->p.linear.in_features;
    if (L->kind == CNNC_LINEAR && x->strided && x->shape.ndim == 3 && x->stride[2] != 1 &&
        x->stride[0] == x->shape.d[1] * x->shape.d[2] && x->shape.d[2] != in_f)
        return torch_raise_shape(I, "RuntimeError",
                                 "Expected size for first two dimensions of batch2 tensor to be: [%lld, %lld] but got: [%lld, %lld].",
                                 (long long)x->shape.d[0], (long long)x->shape.d[2], (long long)x->shape.d[0], (long long)in_f);
    return 0;
}

/* A fill (torch.ones, zeros) through an op that only moves values: the same fill, floats
 * too (py_known_through_op follows small int constants one by one). -1 raised. */
static int fill_through(interp *I, cnnc_layer_kind kind, const py_val *inputs, int32_t n_in, py_val *out) {
    if (n_in < 1 || inputs[0].t != PV_TENSOR || !keeps_values(kind)) return 0;
    const py_known *k = py_tensor_known(pv_as_tensor(inputs[0]));
    return k && k->kind == KNOWN_FILL ? py_tensor_copy_known(I, pv_as_tensor(*out), k) : 0;
}

int py_trace_op(interp *I, cnnc_layer_kind kind, const cnnc_layer_params *params, const py_val *inputs, int32_t n_in,
                py_nn *module, const char *fn_name, py_val *out) {
    const cnnc_layer_def *def = cnnc_layer_def_of(kind);
    if (!def) return py_unsupported(I, "cnnc: unknown layer kind %d", (int)kind);
    if (kind == CNNC_IDENTITY && module && n_in == 1 && inputs[0].t != PV_TENSOR) {   /* nn.Identity returns what it gets */
        *out = inputs[0];
        return 0;
    }
    for (int32_t k = 0; k < n_in; k++)
        if (inputs[k].t != PV_TENSOR) {
            if (def->signature) /* a module called on something else */
                return k == 0 ? nn_nontensor_input(I, def, module, &inputs[k])
                              : py_unsupported(I, "cnnc cannot follow nn.%s called with a %s", def->name, py_type_name(&inputs[k]));
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
    const int complex_out = complex_rule(I, kind, def, inputs, n_in);
    if (complex_out < 0) return -1;
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
    int out_strided = 0;
    int64_t out_stride[CNNC_MAX_DIMS];
    if (st == CNNC_OK && n_in >= 1) {
        const py_tensor *x0 = pv_as_tensor(inputs[0]);
        if (kind == CNNC_FLATTEN) {
            if (flatten_strides(x0, &ls.out, fn_name, &out_strided, out_stride) < 0) {
                cnnc_error_set(&e, CNNC_ERR_SHAPE, "RuntimeError",
                               "view size is not compatible with input tensor's size and stride (at least one dimension spans "
                               "across two contiguous subspaces). Use .reshape(...) instead.");
                st = CNNC_ERR_SHAPE;
            }
        } else if (kind == CNNC_EINSUM) {
            if (torch_einsum_strides(L.p.einsum.equation, inputs, n_in, &ls.out, out_stride)) {
                int64_t cst[CNNC_MAX_DIMS];
                contiguous_strides(&ls.out, cst);
                for (int32_t k = 0; k < ls.out.ndim; k++) out_strided |= ls.out.d[k] > 1 && out_stride[k] != cst[k];
            }
        } else {
            set_view_strides(kind, &L.p, x0, &ls.out, &out_strided, out_stride);
        }
    }
    int32_t node = TENSOR_CONST;
    if (I->tracing && any_graph) {
        if (!all_graph) MARK_CONST_OPERAND(I);   /* a constant operand: not a graph the engine can replay */
        py_graph *g = &I->g;
        /* nodes and shapes are written whole below: no zeroing (they are the large ones) */
        if (py_grow_uninit(I, (void **)&g->nodes, &g->cap, g->n + 1, sizeof *g->nodes) ||
            py_grow(I, (void **)&g->info, &g->cap_info, g->n + 1, sizeof *g->info) ||
            py_grow_uninit(I, (void **)&g->shapes, &g->cap_shapes, g->n + 1, sizeof *g->shapes) ||
            py_grow(I, (void **)&g->edges, &g->cap_edges, g->n_edges + n_in, sizeof *g->edges))
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
            cnnc_str_copy(N->name, sizeof N->name, module->path);
            if (module->owner_node >= 0) N->owner = module->owner_node;
            else module->owner_node = node;
            if (module->spectral_norm) N->node_flags |= CNNC_NODE_SPECTRAL_NORM;
            if (module->weight_norm) N->node_flags |= CNNC_NODE_WEIGHT_NORM;
            info->module_id = module->module_id;
            N->span.line = module->ctor_line;
            N->span.col = module->ctor_col;
            N->span.begin = module->ctor_begin;
            N->span.end = module->ctor_end;
        } else {
            char line[40] = " (line ";
            cnnc_str_int(line + 7, sizeof line - 8, info->call_line);
            size_t ll = strlen(line);
            line[ll] = ')';
            line[ll + 1] = '\0';
            cnnc_str_join(N->name, sizeof N->name, fn_name ? fn_name : def->name, line);
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
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_complex = complex_out;
    if (node == TENSOR_CONST && n_in == 1 && pv_as_tensor(inputs[0])->is_numpy && keeps_values(kind))
        pv_as_tensor(*out)->is_numpy = 1;   /* np.eye(3).flatten(): still a numpy array */
    if (node == TENSOR_CONST) {   /* a constant's values, where they are known */
        const int v = py_known_through_op(I, &L, &ls, inputs, n_in, pv_as_tensor(*out));
        if (v < 0 || (v == 0 && fill_through(I, kind, inputs, n_in, out))) return -1;
    }
    /* argmin(d, 1).unsqueeze(1), arange(n).expand(B, -1) (whose other inputs only give sizes):
     * still indices, still below the bound, and their largest value still there unless cut */
    if ((node == TENSOR_CONST || kind == CNNC_EXPAND || kind == CNNC_EXPAND_AS || kind == CNNC_REPEAT ||
         pv_as_tensor(inputs[0])->node != TENSOR_CONST) &&   /* a view of such indices (sizes from the input) */
        pv_as_tensor(inputs[0])->is_indices && keeps_values(kind)) {
        pv_as_tensor(*out)->is_indices = 1;
        pv_as_tensor(*out)->index_bound = pv_as_tensor(inputs[0])->index_bound;
        pv_as_tensor(*out)->index_bound_met =
            pv_as_tensor(inputs[0])->index_bound_met && kind != CNNC_NARROW && kind != CNNC_SLICE;
    }
    /* a float constant's views stay float constants (torch.tensor([0.0, 2.0]).view(1, -1)) */
    if (node == TENSOR_CONST && n_in >= 1 && keeps_values(kind) && pv_as_tensor(inputs[0])->known_float)
        pv_as_tensor(*out)->known_float = 1;
    /* torch.cat of indices (two aranges interleaving an offset's x and y): indices, below the largest bound */
    if (node == TENSOR_CONST && kind == CNNC_CAT && n_in >= 1) {
        int all = 1, met = 0;
        int64_t bound = 0;
        for (int32_t k = 0; k < n_in && all; k++) {
            const py_tensor *t = pv_as_tensor(inputs[k]);
            all = t->is_indices;
            if (t->index_bound <= 0) bound = -1;
            else if (bound >= 0 && t->index_bound > bound) { bound = t->index_bound; met = t->index_bound_met; }
            else if (bound >= 0 && t->index_bound == bound) met |= t->index_bound_met;
        }
        if (all) {
            pv_as_tensor(*out)->is_indices = 1;
            pv_as_tensor(*out)->index_bound = bound > 0 ? bound : 0;
            pv_as_tensor(*out)->index_bound_met = bound > 0 && met;
        }
    }
    if (out_strided) {
        pv_as_tensor(*out)->strided = 1;
        memcpy(pv_as_tensor(*out)->stride, out_stride, sizeof out_stride);
    }
    return 0;
}

/* A RuntimeError or IndexError that the call itself raises (a dim out of range, stack's
 * sizes), reported as a shape rule's error: it is the forward's, not the Python's. */
int torch_raise_shape(interp *I, const char *type, const char *fmt, ...) {
    cnnc_error e;
    cnnc_error_clear(&e);
    va_list ap;
    va_start(ap, fmt);
    cnnc_error_setv(&e, CNNC_ERR_SHAPE, type, fmt, ap);
    va_end(ap);
    py_raise_shape(I, &e);
    return -1;
}

int torch_broadcast_shapes(interp *I, const cnnc_shape *a, const cnnc_shape *b, cnnc_shape *out) {
    cnnc_error e;
    cnnc_error_clear(&e);
    return cnnc_broadcast_shapes(a, b, out, &e) ? py_raise_shape(I, &e) : 0;
}

/* ------------------------------------------------------------ arguments */

int py_to_arg(interp *I, py_val v, int32_t line, int32_t col, cnnc_arg *out) {
    memset(out, 0, sizeof *out);
    out->line = line;
    out->col = col;
    switch ((py_type)v.t) {
    case PV_OPAQUE: return py_opaque_use(I, v);   /* a value cnnc does not model: refused, not a TypeError */
    case PV_NONE: case PV_UNBOUND: out->kind = CNNC_ARG_NONE; return 0;
    case PV_BOOL: out->kind = CNNC_ARG_BOOL; out->i = v.u.i; return 0;
    case PV_INT:
        /* what PyTorch says depends on where the int goes (torch.empty's size, a probability
         * check, nothing for a pool's kernel): not a guess to make */
        if (v.big) return py_unsupported(I, "cnnc cannot follow an int argument that does not fit in 64 bits");
        out->kind = CNNC_ARG_INT;
        out->i = v.u.i;
        return 0;
    case PV_FLOAT:
        out->kind = CNNC_ARG_FLOAT;
        out->f = v.u.f;
        if (pv_is_np(&v)) out->s = py_type_name(&v);   /* PyTorch's messages name numpy.float64 */
        return 0;
    case PV_STR: out->kind = CNNC_ARG_STR; out->s = pv_as_str(v)->s; out->slen = pv_as_str(v)->len; return 0;
    case PV_DTYPE: out->kind = CNNC_ARG_DTYPE; out->s = (const char *)v.u.p; out->slen = (int32_t)strlen(out->s); return 0;
    case PV_TUPLE: case PV_LIST: case PV_SIZE: {
        const py_seq *q = pv_as_seq(v);
        out->kind = v.t == PV_LIST ? CNNC_ARG_LIST : CNNC_ARG_TUPLE;
        out->s = v.t == PV_SIZE ? "torch.Size" : NULL;
        out->n = q->n;
        cnnc_arg *items = (cnnc_arg *)py_alloc(I->arena, (size_t)(q->n + 1) * sizeof *items);
        if (!items) return py_nomem(I);
        for (int32_t k = 0; k < q->n; k++) {
            py_val item = q->v[k];
            /* an int list takes a one-element int tensor through __index__ (F.pad(x, [diffX // 2, ...])) */
            if (item.t == PV_TENSOR && pv_as_tensor(item)->value_kind == PV_INT &&
                cnnc_shape_numel(&pv_as_tensor(item)->shape) == 1)
                item = pv_int((int64_t)pv_as_tensor(item)->value);
            if (py_to_arg(I, item, line, col, &items[k])) return -1;
        }
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
    cnnc_str_copyn(name, cap, functional, n);
    return functional + n + (functional[n] ? 1 : 0);
}

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

/* A 3-d x 2-d matmul folds the 3-d operand into a matrix (2-d x 3-d: its
 * transpose), unless its last two dims are transposed in memory (a permute or
 * transpose output), when it runs as a batched product: the mismatch message
 * then differs. cnnc keeps no strides,
 * so a mismatch there is refused rather than worded. */
static int permuted(interp *I, const py_tensor *t) {
    if (t->node < 0 || t->node >= I->g.n) return 0;
    const cnnc_layer_kind k = I->g.nodes[t->node].kind;
    return k == CNNC_PERMUTE || k == CNNC_TRANSPOSE;
}

static int matmul_words_depend_on_layout(interp *I, const py_val *inputs) {
    const py_tensor *a = pv_as_tensor(inputs[0]), *b = pv_as_tensor(inputs[1]);
    if (a->shape.ndim == 3 && b->shape.ndim == 2) return a->shape.d[2] != b->shape.d[0] && permuted(I, a);
    if (b->shape.ndim == 3 && a->shape.ndim == 2) return a->shape.d[1] != b->shape.d[1] && permuted(I, b);
    return 0;
}

/* A registry kind called through its functional form (F.relu(x), torch.cat([a, b], 1), x.view ...). */
int torch_call_functional(interp *I, const cnnc_layer_def *def, const char *where, const py_val *a, int32_t n,
                          const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out) {
    return torch_call_functional_as(I, def, where, a, n, kw, kwv, n_kw, NULL, out);
}

/* torch.cat(x, 1), torch.cat(a, b, dim=1): one tensor where the sequence of them goes, as the
 * argument parser words it (one argument alone: its type; more: the overloads it tried). */
static int cat_of_tensor_error(interp *I, const char *fname, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                               int32_t n_kw) {
    if (n + n_kw == 1)
        return py_raise(I, "TypeError", "%s(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor", fname);
    cnnc_strbuf sb = {0};
    for (int32_t j = 0; j < n; j++) cnnc_sb_printf(&sb, "%s%s", j ? ", " : "", a[j].t == PV_TENSOR ? "Tensor" : py_type_name(&a[j]));
    for (int32_t j = 0; j < n_kw; j++)
        cnnc_sb_printf(&sb, "%s%s=%s", n || j ? ", " : "", py_sym_name(I->syms, kw[j]),
                       kwv[j].t == PV_TENSOR ? "Tensor" : py_type_name(&kwv[j]));
    py_raise(I, "TypeError",
             "%s() received an invalid combination of arguments - got (%s), but expected one of:\n * (tuple of Tensors "
             "tensors, int dim, *, Tensor out)\n * (tuple of Tensors tensors, name dim, *, Tensor out)\n", fname,
             sb.p ? sb.p : "");
    cnnc_sb_free(&sb);
    return -1;
}

int torch_call_functional_as(interp *I, const cnnc_layer_def *def, const char *where, const py_val *a, int32_t n,
                             const py_sym *kw, const py_val *kwv, int32_t n_kw, const call_form *form, py_val *out) {
    char fname[64];
    const char *plist = params_of(def->functional, fname, sizeof fname);
    /* torch.concat is cat under its own name, which its messages use */
    if (def->kind == CNNC_CAT && I->callee && (!strcmp(I->callee->name, "concat") || !strcmp(I->callee->name, "concatenate")))
        cnnc_str_copy(fname, sizeof fname, I->callee->name);
    char sig[512];
    cnnc_str_copyn(sig, sizeof sig, plist, strlen(plist) > 0 ? strlen(plist) - 1 : 0);
    char qual[96];
    /* F.max_pool2d and its kin are boolean_dispatch wrappers: binding errors name the
     * function they call, _max_pool2d */
    cnnc_str_join(qual, sizeof qual, form && form->bool_dispatch ? "_" : "", fname);
    (void)where;
    py_val bound[32];
    const py_sig *psig = py_sig_cached(I, plist, (int32_t)(strlen(plist) > 0 ? strlen(plist) - 1 : 0));
    if (!psig) return -1;
    if (psig->n > 32) return py_unsupported(I, "cnnc cannot follow %s's %d parameters", fname, (int)psig->n);
    const char *const *names = psig->names;
    int32_t np = psig->n;
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
    /* torch.cat(a, b, dim=1): a tensor where the sequence goes fails PyTorch's overloads before binding does */
    if (np > 0 && !strcmp(names[0], "tensors") && n >= 1 && a[0].t == PV_TENSOR)
        return cat_of_tensor_error(I, fname, a, n, kw, kwv, n_kw);
    if (py_bind_sig_as(I, psig, qual, 0, form ? form->binder : PY_BINDER_PYTHON, a, n, kw, kwv, n_kw, bound)) return -1;
    /* torch.add(0, x), torch.sub(1, x), torch.mul(2, 3): a number where the input goes is
     * wrapped as a 0-d tensor, so the operator's own rules apply (two numbers: a 0-d tensor
     * whose value cnnc knows) */
    if ((def->kind == CNNC_ADD || def->kind == CNNC_SUB || def->kind == CNNC_MUL || def->kind == CNNC_DIV) && np >= 2 &&
        pv_is_num(bound[0]) && (bound[1].t == PV_TENSOR || pv_is_num(bound[1]))) {
        for (int32_t k = 2; k < np; k++)
            if (bound[k].t != PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow torch.%s() of a number with %s=", fname, names[k]);
        const int op = def->kind == CNNC_ADD ? PY_OP_PLUS : def->kind == CNNC_SUB ? PY_OP_MINUS
                     : def->kind == CNNC_MUL ? PY_OP_STAR : PY_OP_SLASH;
        py_val r;
        if (py_binop(I, op, bound[0], bound[1], &r)) return -1;
        if (r.t == PV_TENSOR) { *out = r; return 0; }
        const cnnc_shape scalar = {.ndim = 0};
        *out = pv_tensor(I, &scalar, TENSOR_CONST);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        pv_as_tensor(*out)->value_kind = r.t == PV_FLOAT ? PV_FLOAT : PV_INT;
        pv_as_tensor(*out)->value = r.t == PV_FLOAT ? r.u.f : (double)r.u.i;
        return 0;
    }
    /* tensor inputs: parameters bound to tensors, or to lists of them (cat of hundreds of
     * correlation slices); room for expand's size sources after them (follow_sizes) */
    int32_t cap = 64;
    for (int32_t k = 0; k < np; k++)
        if ((bound[k].t == PV_LIST || bound[k].t == PV_TUPLE) && !strcmp(names[k], "tensors")) cap += pv_as_seq(bound[k])->n;
    py_val small_inputs[64];
    py_val *inputs = cap <= 64 ? small_inputs : (py_val *)py_alloc(I->arena, (size_t)cap * sizeof *inputs);
    if (!inputs) return py_nomem(I);
    int32_t n_in = 0;
    int training_off = 0;
    for (int32_t k = 0; k < np; k++) {
        py_val v = bound[k];
        if (!strcmp(names[k], "training") && v.t != PV_UNBOUND) {
            int t;
            if (py_truthy(I, v, &t)) return -1;
            training_off = !t;
        }
        if (v.t == PV_TENSOR && !strcmp(names[k], "tensors")) return cat_of_tensor_error(I, fname, a, n, kw, kwv, n_kw);
        if (v.t == PV_TENSOR && n_in < cap) inputs[n_in++] = v;
        else if ((v.t == PV_LIST || v.t == PV_TUPLE) && !strcmp(names[k], "tensors")) {
            py_seq *q = pv_as_seq(v);
            if (q->n == 0) return py_raise(I, "RuntimeError", "torch.%s(): expected a non-empty list of Tensors", fname);
            for (int32_t j = 0; j < q->n; j++) {
                if (q->v[j].t != PV_TENSOR)
                    return py_raise(I, "TypeError", "expected Tensor as element %d in argument 0, but got %s", (int)j, py_type_name(&q->v[j]));
                if (n_in < cap) inputs[n_in++] = q->v[j];
            }
        }
    }
    /* a tensor parameter given something else beside a tensor (torch.bmm(w, None), x.matmul(None)):
     * the argument parser's TypeError, its position counted after self for a method */
    static const char *const tensor_params[] = {"input", "other", "mat2", "tensor", "vec", "x1", "x2"};
    const int number_other = def->kind == CNNC_ADD || def->kind == CNNC_SUB || def->kind == CNNC_MUL || def->kind == CNNC_DIV;
    for (int32_t k = 0; k < np && n_in > 0 && def->kind != CNNC_POW; k++) {
        if (bound[k].t == PV_UNBOUND || bound[k].t == PV_TENSOR || (number_other && pv_is_num(bound[k]))) continue;
        for (size_t j = 0; j < sizeof tensor_params / sizeof tensor_params[0]; j++)
            if (!strcmp(names[k], tensor_params[j]))
                return py_raise(I, "TypeError", "%s(): argument '%s' (position %d) must be Tensor, not %s", fname, names[k],
                                (int)k + (strcmp(where, "Tensor") ? 1 : 0), py_type_name(&bound[k]));
    }
    if (n_in == 0) {
        for (int32_t k = 0; k < np; k++)
            if (bound[k].t != PV_UNBOUND) {
                return py_raise(I, "TypeError", "%s(): argument '%s' (position 1) must be %s, not %s", fname, names[0],
                                strcmp(names[0], "tensors") ? "Tensor" : "tuple of Tensors", py_type_name(&bound[0]));
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
            cnnc_str_copyn(cnames[nc++], sizeof cnames[0], q, (size_t)len);
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
        /* a RuntimeError of the call (torch.clamp without bounds) is the forward's error, as a shape rule's */
        I->ex.status = e.status == CNNC_ERR_UNSUPPORTED || e.status == CNNC_ERR_SHAPE ? e.status : CNNC_ERR_PARSE;
        return -1;
    }
    if (form && (def->kind == CNNC_ADD || def->kind == CNNC_SUB || def->kind == CNNC_MUL || def->kind == CNNC_DIV)) {
        if (form->scalar_left && L.p.binary.scalar == CNNC_SCALAR_RIGHT) L.p.binary.scalar = CNNC_SCALAR_LEFT;
        L.p.binary.inplace = form->inplace;
    }
    if ((def->flags & CNNC_LAYER_SIZES_FROM_INPUTS) && np > 1 && follow_sizes(I, &L.p.expand, bound[1], inputs, &n_in))
        return -1;
    if (def->kind == CNNC_MATMUL && n_in == 2 && matmul_words_depend_on_layout(I, inputs))
        return py_unsupported(I, "cnnc cannot follow this matmul's error: PyTorch words it by the memory layout of a permuted operand");
    if (py_trace_op(I, def->kind, &L.p, inputs, n_in, NULL, fname, out)) return -1;
    return torch_pool_with_indices(I, def->kind, &L.p, inputs[0], out);
}

/* The registry kind whose functional form is `name` and lives in `where`. */
const cnnc_layer_def *torch_functional_def(const char *name, unsigned where) {
    /* torch's NumPy-style aliases (torch.multiply is torch.mul, torch.clip torch.clamp) */
    static const char *const aliases[][2] = {{"multiply", "mul"}, {"subtract", "sub"}, {"divide", "div"}, {"clip", "clamp"}};
    if (where & (CNNC_FN_TORCH | CNNC_FN_TENSOR))
        for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++)
            if (!strcmp(name, aliases[k][0])) { name = aliases[k][1]; break; }
    for (int k = 0; k < CNNC_LAYER_KIND_COUNT; k++) {
        const cnnc_layer_def *d = cnnc_layer_def_of((cnnc_layer_kind)k);
        if (!d || !d->functional || !(d->functional_in & where)) continue;
        size_t len = strcspn(d->functional, "(");
        if (strlen(name) == len && !memcmp(d->functional, name, len)) return d;
    }
    return NULL;
}

/* add(input, Number alpha, Tensor other) and sub's: the deprecated overload old code
 * calls (x.add_(1 - decay, y)), which 1.13 still runs, as (input, other, alpha=alpha). */
static int deprecated_alpha_form(interp *I, const cnnc_layer_def *def, const char *where, const py_val *b, int32_t m,
                                 int32_t n_kw, const call_form *form, py_val *out) {
    if (!((def->kind == CNNC_ADD || def->kind == CNNC_SUB) && m == 3 && n_kw == 0 && pv_is_num(b[1]) &&
          b[2].t == PV_TENSOR && b[0].t == PV_TENSOR))
        return 1;
    const py_val args[2] = {b[0], b[2]};
    const py_sym kw[1] = {py_s(I, "alpha")};
    return torch_call_functional_as(I, def, where, args, 2, kw, &b[1], 1, form, out);
}

/* clamp(input, min, max) with a tensor bound: ATen's clamp.Tensor, whose result has the
 * broadcast shape of the three, as maximum(input, min) then minimum(., max) (a number
 * bound is clamp's own); 1: not such a call. In place (clamp_) it is refused. */
static int clamp_by_tensors(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                            int32_t n_kw, py_val *out) {
    const int method = self.t == PV_TENSOR;
    py_val input = method ? self : n > 0 ? a[0] : pv_unbound();
    const py_val *pos = method ? a : a + 1;
    const int32_t npos = method ? n : n - 1;
    py_val lo = npos > 0 ? pos[0] : pv_unbound(), hi = npos > 1 ? pos[1] : pv_unbound();
    if (npos > 2 || input.t != PV_TENSOR) return 1;
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "min") && lo.t == PV_UNBOUND) lo = kwv[k];
        else if (!strcmp(nm, "max") && hi.t == PV_UNBOUND) hi = kwv[k];
        else return 1;
    }
    if (lo.t != PV_TENSOR && hi.t != PV_TENSOR) return 1;
    /* a number with a tensor matches neither overload unless the tensor is 0-d (a Scalar) */
    const int lo_num = pv_is_num(lo), hi_num = pv_is_num(hi);
    if (lo_num || hi_num) {
        const py_val t = lo_num ? hi : lo;
        if (t.t == PV_TENSOR && pv_as_tensor(t)->shape.ndim != 0)
            return py_unsupported(I, "cnnc cannot follow how PyTorch words clamp() with a number and a tensor bound");
    }
    const size_t len = strlen(I->callee->name);
    if (len && I->callee->name[len - 1] == '_')
        return py_unsupported(I, "cnnc cannot follow %s() with a tensor bound in place", I->callee->name);
    for (int b = 0; b < 2; b++) {
        const py_val bound = b ? hi : lo;
        if (bound.t == PV_UNBOUND || bound.t == PV_NONE) continue;
        if (bound.t == PV_TENSOR) {
            const cnnc_layer_def *d = torch_functional_def(b ? "minimum" : "maximum", CNNC_FN_TORCH);
            if (!d) return py_unsupported(I, "cnnc cannot follow clamp() with a tensor bound");
            const py_val args[2] = {input, bound};
            if (torch_call_functional(I, d, "", args, 2, NULL, NULL, 0, &input)) return -1;
        } else if (pv_is_num(bound)) {
            const cnnc_layer_def *d = torch_functional_def("clamp", CNNC_FN_TORCH);
            const py_sym k1[1] = {py_s(I, b ? "max" : "min")};
            if (!d || torch_call_functional(I, d, "", &input, 1, k1, &bound, 1, &input)) return -1;
        } else {
            return py_unsupported(I, "cnnc cannot follow clamp() with a %s bound", py_type_name(&bound));
        }
    }
    *out = input;
    return 0;
}

/* F.interpolate(x, size=t) with a tensor t: interpolate makes [t] * dims of it, which ATen's
 * binder takes only where t is one int (a 0-d or 1-element tensor whose value cnnc knows:
 * then the call goes on with that int); else its TypeError for the mode's function; 1: size
 * is no tensor. */
static int interpolate_tensor_size(interp *I, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                                   py_val *out) {
    int32_t size_at = n > 1 ? 1 : -1, size_kw = -1;
    py_val mode = n > 3 ? a[3] : pv_unbound(), corners = n > 4 ? a[4] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "size")) size_kw = k;
        else if (!strcmp(nm, "mode")) mode = kwv[k];
        else if (!strcmp(nm, "align_corners")) corners = kwv[k];
    }
    const py_val size = size_kw >= 0 ? kwv[size_kw] : size_at >= 0 ? a[size_at] : pv_unbound();
    if (size.t != PV_TENSOR) return 1;
    const py_tensor *t = pv_as_tensor(size);
    if (cnnc_shape_numel(&t->shape) == 1) {
        if (t->value_kind != PV_INT) return py_unsupported(I, "cnnc cannot follow interpolate() with a size tensor whose value it does not know");
        py_val *a2 = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *a2), *kw2 = (py_val *)py_alloc(I->arena, (size_t)(n_kw + 1) * sizeof *kw2);
        if (!a2 || !kw2) return py_nomem(I);
        memcpy(a2, a, (size_t)n * sizeof *a2);
        if (n_kw) memcpy(kw2, kwv, (size_t)n_kw * sizeof *kw2);
        if (size_kw >= 0) kw2[size_kw] = pv_int((int64_t)t->value);
        else a2[size_at] = pv_int((int64_t)t->value);
        const cnnc_layer_def *def = (const cnnc_layer_def *)I->callee->data;
        return torch_call_functional(I, def, "", a2, n, kw, kw2, n_kw, out);
    }
    if (mode.t != PV_UNBOUND && mode.t != PV_STR) return py_unsupported(I, "cnnc cannot follow interpolate() with this mode");
    const char *m = mode.t == PV_STR ? pv_as_str(mode)->s : "nearest";
    const int dims = n > 0 && a[0].t == PV_TENSOR ? pv_as_tensor(a[0])->shape.ndim - 2 : 0;
    const int interpolating = !strcmp(m, "linear") || !strcmp(m, "bilinear") || !strcmp(m, "trilinear") || !strcmp(m, "bicubic");
    const int mode_dims = !strcmp(m, "linear") ? 1 : !strcmp(m, "trilinear") ? 3 : interpolating ? 2 : dims;
    /* the checks interpolate makes before it calls ATen (ranks, align_corners) are not repeated here */
    if (dims < 1 || dims > 3 || mode_dims != dims || (!interpolating && corners.t != PV_UNBOUND && corners.t != PV_NONE))
        return py_unsupported(I, "cnnc cannot follow interpolate() of a %d-d input in mode '%s' with a size tensor", dims + 2, m);
    if (!strcmp(m, "area"))
        return py_raise(I, "TypeError", "adaptive_avg_pool%dd(): argument 'output_size' (position 2) must be tuple of SymInts, not list",
                        dims);
    if (interpolating)
        return py_raise(I, "TypeError", "upsample_%s%dd() received an invalid combination of arguments - got (Tensor, list, bool, "
                        "NoneType), but expected one of:", m, dims);
    if (!strcmp(m, "nearest") || !strcmp(m, "nearest-exact"))
        return py_raise(I, "TypeError", "%s%dd() received an invalid combination of arguments - got (Tensor, list, NoneType), but "
                        "expected one of:", m[7] ? "_upsample_nearest_exact" : "upsample_nearest", dims);
    return py_unsupported(I, "cnnc cannot follow interpolate() with mode '%s' and a size tensor", m);
}

/* torch.div(a, b, rounding_mode='floor' or 'trunc'): the true division, then floor() or trunc(),
 * kinds the engines run (DETR's sine positions: torch.div(dim_t, 2, rounding_mode='floor')); of
 * two ints, int64 again. 1: not this form. */
static int div_with_rounding(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                             int32_t n_kw, py_val *out) {
    int32_t at = -1;
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "rounding_mode")) at = k;
    if (at < 0 || kwv[at].t != PV_STR) return 1;
    const char *mode = pv_as_str(kwv[at])->s;
    if (strcmp(mode, "floor") && strcmp(mode, "trunc")) return 1;   /* the layer's own words for the others */
    py_sym k2[8];
    py_val v2[8];
    int32_t n2 = 0;
    if (n_kw > 8) return 1;
    for (int32_t k = 0; k < n_kw; k++)
        if (k != at) { k2[n2] = kw[k]; v2[n2++] = kwv[k]; }
    const py_val x = self.t == PV_TENSOR ? self : n > 0 ? a[0] : pv_unbound();
    const py_val y = self.t == PV_TENSOR ? (n > 0 ? a[0] : pv_unbound()) : n > 1 ? a[1] : pv_unbound();
    const int int_x = x.t == PV_TENSOR ? pv_as_tensor(x)->is_indices : pv_is_int(x);
    const int int_y = y.t == PV_TENSOR ? pv_as_tensor(y)->is_indices : pv_is_int(y);
    if (int_x && int_y && pv_is_int(y) && y.u.i == 0) return py_unsupported(I, "cnnc cannot follow an integer division by zero");
    py_val q, fn;
    if (torch_fn_native(I, self, a, n, k2, v2, n2, &q)) return -1;
    if (q.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow div(..., rounding_mode='%s') here", mode);
    if (py_getattr(I, q, py_s(I, mode), &fn) || py_call(I, fn, NULL, 0, NULL, NULL, 0, out)) return -1;
    if (int_x && int_y && out->t == PV_TENSOR) torch_indices_of_known(pv_as_tensor(*out));
    return 0;
}

int torch_fn_native(ARGS) {
    UNUSED;
    const cnnc_layer_def *def = (const cnnc_layer_def *)I->callee->data;
    if (def->kind == CNNC_DIV) {
        const int r = div_with_rounding(I, self, a, n, kw, kwv, n_kw, out);
        if (r <= 0) return r;
    }
    if (def->kind == CNNC_CLAMP) {
        const int r = clamp_by_tensors(I, self, a, n, kw, kwv, n_kw, out);
        if (r <= 0) return r;
    }
    if (def->kind == CNNC_INTERPOLATE) {
        const int r = interpolate_tensor_size(I, a, n, kw, kwv, n_kw, out);
        if (r <= 0) return r;
    }
    /* whose binder PyTorch calls it through: a Tensor method and torch.X are C++ functions
     * that may have several forms; an F.X says which (torch_getattr's flag) */
    call_form form = {0, 0, PY_BINDER_PYTHON, I->callee->data2 == TORCH_FN_BOOL_DISPATCH};
    if (self.t == PV_TENSOR || I->callee->data2 == TORCH_FN_CPP_OVERLOADED) form.binder = PY_BINDER_CPP_OVERLOADED;
    else if (I->callee->data2 == TORCH_FN_CPP) form.binder = PY_BINDER_CPP;
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
            return torch_call_functional_as(I, def, "Tensor", b, 2, kw, kwv, n_kw, &form, out);
        }
        if (n) memcpy(b + 1, a, (size_t)n * sizeof *b);
        const int r = deprecated_alpha_form(I, def, "Tensor", b, n + 1, n_kw, &form, out);
        if (r <= 0) return r;
        return torch_call_functional_as(I, def, "Tensor", b, n + 1, kw, kwv, n_kw, &form, out);
    }
    const int r = deprecated_alpha_form(I, def, "", a, n, n_kw, &form, out);
    if (r <= 0) return r;
    return torch_call_functional_as(I, def, "", a, n, kw, kwv, n_kw, &form, out);
}

