/* shape.c — THE shape pass: per-layer output shapes and kernel geometry,
 * with PyTorch's checks and exact messages (2.x texts where 1.13 differs).
 * Hot path (valid models): no allocation, no string formatting. All the
 * text (message, trail, hint, fix) is built only once a check has failed. */
#include "cnnc/shape.h"
#include "layers/layer_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Tensors larger than this are refused: keeps every product of dims and every
 * byte count (x 4, x 2 for grads) inside int64 with room to spare. */
#define CNNC_SHAPE_MAX_NUMEL ((int64_t)1 << 56)

/* ---------------------------------------------------------------- utils -- */

int64_t cnnc_shape_numel(const cnnc_shape *shape) {
    if (!shape || shape->ndim < 0 || shape->ndim > CNNC_MAX_DIMS) return -1;
    int64_t n = 1;
    for (int32_t i = 0; i < shape->ndim; i++) {
        if (shape->d[i] < 0) return -1;
        if (__builtin_mul_overflow(n, shape->d[i], &n)) return -1;
    }
    return n;
}

size_t cnnc_shape_format(const cnnc_shape *shape, char *buf, size_t cap) {
    size_t n = 0;
    if (!buf || cap == 0) return 0;
    buf[0] = '\0';
    if (!shape) return 0;
#define PUT(...) do { int w_ = snprintf(buf + n, n < cap ? cap - n : 0, __VA_ARGS__); \
                      if (w_ > 0) n += (size_t)w_; } while (0)
    PUT("[");
    for (int32_t i = 0; i < shape->ndim && i < CNNC_MAX_DIMS; i++) PUT(i ? ", %lld" : "%lld", (long long)shape->d[i]);
    PUT("]");
#undef PUT
    return n < cap ? n : cap - 1;
}

cnnc_status cnnc_shape_parse(const char *text, cnnc_shape *out, cnnc_error *err) {
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    const char *p = text;
    if (!text || !out) return cnnc_error_set(err, CNNC_ERR_USAGE, "", "shape: no text");
    for (;;) {
        if (*p < '0' || *p > '9')
            return cnnc_error_set(err, CNNC_ERR_USAGE, "",
                                  "bad shape '%s': expected dims like 2x1x28x28 or 1x28x28", text);
        int64_t v = 0;
        while (*p >= '0' && *p <= '9') {
            if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
                return cnnc_error_set(err, CNNC_ERR_USAGE, "", "bad shape '%s': dimension too large", text);
            p++;
        }
        if (s.ndim >= CNNC_MAX_DIMS)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "", "bad shape '%s': more than %d dims", text, CNNC_MAX_DIMS);
        s.d[s.ndim++] = v;
        if (*p == '\0') break;
        if (*p != 'x' && *p != 'X' && *p != ',')
            return cnnc_error_set(err, CNNC_ERR_USAGE, "",
                                  "bad shape '%s': expected dims like 2x1x28x28 or 1x28x28", text);
        p++;
    }
    *out = s;
    return CNNC_OK;
}

/* ------------------------------------------------------ error context -- */

/* What the pass knows when a check fails. */
typedef struct pass_ctx {
    const cnnc_model *model;
    const cnnc_shape *inputs;  /* the model's inputs */
    int32_t n_inputs;
    const cnnc_shape *outs;    /* every node's output so far */
    int train;
    int hints;                 /* 0 inside the hint search (no recursion) */
} pass_ctx;

/* Hot path: no formatting unless a check fails. */
static cnnc_status check_dims(const cnnc_shape *s, int64_t *numel, cnnc_error *err) {
    for (int32_t i = 0; i < s->ndim; i++)
        if (s->d[i] < 0) {
            CNNC_FMT_SHAPE(t, s);
            return cnnc_shape_fail(err, "RuntimeError", "Trying to create tensor with negative dimension %lld: %s",
                                   (long long)s->d[i], t);
        }
    int64_t n = cnnc_shape_numel(s);
    if (n < 0 || n > CNNC_SHAPE_MAX_NUMEL) {
        CNNC_FMT_SHAPE(t, s);
        return cnnc_shape_fail(err, "RuntimeError",
                               "tensor of shape %s is too large: cnnc supports at most 2^56 elements per tensor", t);
    }
    *numel = n;
    return CNNC_OK;
}

/* The shape a node input refers to. */
static const cnnc_shape *input_shape(const pass_ctx *cx, int32_t ref) {
    return ref >= 0 ? &cx->outs[ref] : &cx->inputs[CNNC_INPUT_REF(0) - ref];
}

/* One node's shape rule, through the registry. */
static cnnc_status node_shape(const pass_ctx *cx, int32_t i, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_model *m = cx->model;
    const cnnc_layer *L = &m->layers[i];
    const cnnc_layer_def *def = cnnc_layer_def_of(L->kind);
    if (!def) return cnnc_shape_fail(err, "NotImplementedError", "cnnc: unknown layer kind %d", (int)L->kind);
    int32_t n_in = cnnc_layer_n_inputs(m, i);
    const cnnc_shape *small[8];
    const cnnc_shape **ins = small;
    if (n_in > 8 && !(ins = malloc((size_t)n_in * sizeof *ins)))
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory in the shape pass");
    for (int32_t k = 0; k < n_in; k++) {
        int32_t ref = cnnc_layer_input(m, i, k);
        if (ref >= i || (ref < 0 && CNNC_INPUT_REF(0) - ref >= cx->n_inputs)) {
            if (ins != small) free(ins);
            return cnnc_shape_fail(err, "RuntimeError", "node %d reads an input that does not exist (%d)", (int)i, (int)ref);
        }
        ins[k] = input_shape(cx, ref);
    }
    ls->unbatched = 0;
    if (n_in > 0) ls->in = *ins[0];
    else memset(&ls->in, 0, sizeof ls->in);   /* torch.cat([]): the rule reports it */
    cnnc_status st = def->shape(L, ins, n_in, cx->train, ls, err);
    if (ins != small) free(ins);
    return st;
}

/* ---------------------------------------------------------- the pass -- */

static void describe_error(const pass_ctx *cx, int32_t li, cnnc_error *err);

/* outs: room for every node's output shape. */
static cnnc_status run_pass(const cnnc_model *model, const cnnc_shape *inputs, int32_t n_inputs, int train, int hints,
                            cnnc_layer_shape *shapes, cnnc_shape *outs, cnnc_shape *output, cnnc_error *err) {
    if (err) {  /* cheap reset; a failing check clears the whole record */
        err->status = CNNC_OK; err->type[0] = '\0'; err->message[0] = '\0';
        err->layer_index = -1; err->fix.field = CNNC_FIX_NONE; err->fix.layer_index = -1;
    }
    int64_t numel;
    for (int32_t k = 0; k < n_inputs; k++)
        if (check_dims(&inputs[k], &numel, err)) return CNNC_ERR_SHAPE;
    if (n_inputs < cnnc_model_n_inputs(model))
        return cnnc_error_clear(err), cnnc_error_set(err, CNNC_ERR_USAGE, "TypeError",
                                                     "forward() takes %d input tensors, but %d were given",
                                                     (int)cnnc_model_n_inputs(model), (int)n_inputs);
    pass_ctx cx = {model, inputs, n_inputs, outs, train, hints};
    cnnc_layer_shape scratch;
    for (int32_t i = 0; i < model->n_layers; i++) {
        cnnc_layer_shape *ls = shapes ? &shapes[i] : &scratch;
        cnnc_status st = node_shape(&cx, i, ls, err);
        if (st == CNNC_OK) st = check_dims(&ls->out, &numel, err);
        if (st != CNNC_OK) {
            if (err && (st == CNNC_ERR_SHAPE || st == CNNC_ERR_UNSUPPORTED)) describe_error(&cx, i, err);
            return st;
        }
        ls->out_numel = numel;
        outs[i] = ls->out;
    }
    if (output) *output = model->n_layers > 0 ? outs[cnnc_model_output(model)] : inputs[0];
    return CNNC_OK;
}

/* Node output shapes live on the stack for models up to this size. */
#define STACK_NODES 256

static cnnc_status pass_with(const cnnc_model *model, const cnnc_shape *inputs, int32_t n_inputs, int train, int hints,
                             cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err) {
    if (!model || !inputs || n_inputs < 1)
        return cnnc_error_clear(err), cnnc_error_set(err, CNNC_ERR_USAGE, "", "cnnc_shape_pass: bad arguments");
    for (int32_t k = 0; k < n_inputs; k++)
        if (inputs[k].ndim < 0 || inputs[k].ndim > CNNC_MAX_DIMS)
            return cnnc_error_clear(err), cnnc_error_set(err, CNNC_ERR_USAGE, "", "cnnc_shape_pass: bad arguments");
    cnnc_shape stack[STACK_NODES];
    cnnc_shape *outs = model->n_layers <= STACK_NODES ? stack : malloc((size_t)model->n_layers * sizeof *outs);
    if (!outs) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory in the shape pass");
    cnnc_status st = run_pass(model, inputs, n_inputs, train, hints, shapes, outs, output, err);
    if (outs != stack) free(outs);
    return st;
}

cnnc_status cnnc_shape_pass_inputs(const cnnc_model *model, const cnnc_shape *inputs, int32_t n_inputs, int train,
                                   cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err) {
    return pass_with(model, inputs, n_inputs, train, 1, shapes, output, err);
}

cnnc_status cnnc_shape_pass_mode(const cnnc_model *model, const cnnc_shape *input, int train,
                                 cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err) {
    return pass_with(model, input, 1, train, 1, shapes, output, err);
}

cnnc_status cnnc_shape_pass(const cnnc_model *model, const cnnc_shape *input,
                            cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err) {
    return pass_with(model, input, 1, 1, 1, shapes, output, err);
}

int32_t cnnc_shape_failing_layer(const cnnc_model *model, const cnnc_shape *input, int train, cnnc_shape *output) {
    if (!model || !input || input->ndim < 0 || input->ndim > CNNC_MAX_DIMS) return 0;
    cnnc_error e;
    cnnc_status st = pass_with(model, input, 1, train, 0, NULL, output, &e);
    if (st == CNNC_OK) return -1;
    return e.layer_index >= 0 ? e.layer_index : 0;
}

cnnc_status cnnc_shape_pass_nohint(const cnnc_model *model, const cnnc_shape *input, int train, cnnc_error *err) {
    return pass_with(model, input, 1, train, 0, NULL, NULL, err);
}

/* ------------------------------------------------- trail, hint, fix -- */

/* The node that made the shape node `li` reads first: look back past the
 * layers that keep their input's shape. -1: the model's input. */
static int32_t producer_of(const cnnc_model *m, int32_t li) {
    if (cnnc_layer_n_inputs(m, li) == 0) return -1;
    int32_t p = cnnc_layer_input(m, li, 0);
    while (p >= 0) {
        const cnnc_layer_def *d = cnnc_layer_def_of(m->layers[p].kind);
        if (!d || !(d->flags & CNNC_LAYER_KEEPS_SHAPE)) break;
        p = cnnc_layer_input(m, p, 0);
    }
    return p;
}

/* How the shape entering node `li` was made. */
static void build_trail(const pass_ctx *cx, int32_t li, const cnnc_shape *in, char *buf, size_t cap) {
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, buf, cap);
    int32_t pi = producer_of(cx->model, li);
    if (pi < 0) {
        CNNC_FMT_SHAPE(s, in);
        cnnc_sb_printf(&sb, "the input is %s", s);
        return;
    }
    const cnnc_layer *P = &cx->model->layers[pi];
    const cnnc_shape *pin = input_shape(cx, cnnc_layer_input(cx->model, pi, 0));
    char who[96];
    cnnc_layer_display(P, who, sizeof who);
    const cnnc_layer_def *d = cnnc_layer_def_of(P->kind);
    if (d && d->trail) {
        d->trail(P, who, pin, in, &sb);
        return;
    }
    CNNC_FMT_SHAPE(s, in);
    CNNC_FMT_SHAPE(ps, pin);
    cnnc_sb_printf(&sb, "%s made %s from %s", who, s, ps);
}

/* "out = nn.Linear(1568, 10)" for a top-level layer, "nn.Conv2d(...) in conv2" inside a Sequential;
 * in a .py, the attribute as its class assigns it: "self.fc = nn.Linear(...)", or
 * "nn.Conv2d(...) in self.features" for an item of a container. */
static void edit_text(const cnnc_hint_env *env, const cnnc_layer *edited, char *buf, size_t cap) {
    const cnnc_model *m = env->model;
    char r[256];
    cnnc_layer_render(edited, r, sizeof r);
    if (m->python_source == 2) {   /* a model file with forward(): its top-level names */
        const char *dot = strrchr(edited->name, '.');
        if (dot) snprintf(buf, cap, "nn.%s in %.*s", r, (int)(dot - edited->name), edited->name);
        else snprintf(buf, cap, "%s = nn.%s", edited->name, r);
        return;
    }
    if (m->python_source) {
        const char *name = edited->name;
        const char *dot = strrchr(name, '.');
        const char *last = dot ? dot + 1 : name;
        int numeric = last[0] != '\0' && strspn(last, "0123456789") == strlen(last);
        if (numeric && dot) {
            const char *pdot = NULL;
            for (const char *c = name; c < dot; c++) if (*c == '.') pdot = c;
            const char *parent = pdot ? pdot + 1 : name;
            snprintf(buf, cap, "nn.%s in self.%.*s", r, (int)(dot - parent), parent);
        } else if (numeric) {
            snprintf(buf, cap, "nn.%s", r);
        } else {
            snprintf(buf, cap, "self.%s = nn.%s", last, r);
        }
        return;
    }
    const cnnc_stmt *stmt = (m->stmts && edited->stmt_index >= 0 && edited->stmt_index < m->n_stmts)
                                ? &m->stmts[edited->stmt_index] : NULL;
    if (stmt && stmt->is_sequential)
        snprintf(buf, cap, "nn.%s in %s", r, stmt->name);
    else
        snprintf(buf, cap, "%s = nn.%s", edited->name, r);
}

/* Smallest square input H = W at which the pass gets past node `li`
 * (fails later or succeeds). Runs the pass without hints. */
static int64_t smallest_hw(const pass_ctx *cx, int32_t li) {
    const cnnc_shape *in = &cx->inputs[0];
    if (in->ndim < 3 || cx->n_inputs != 1) return -1;
    cnnc_shape t = *in;
    int64_t start = in->d[in->ndim - 1] > in->d[in->ndim - 2] ? in->d[in->ndim - 1] : in->d[in->ndim - 2];
    cnnc_error e;
    for (int64_t s = start > 0 ? start : 1; s <= 65536; s++) {
        t.d[t.ndim - 2] = s; t.d[t.ndim - 1] = s;
        cnnc_status st = pass_with(cx->model, &t, 1, cx->train, 0, NULL, NULL, &e);
        if (st == CNNC_OK || (st == CNNC_ERR_SHAPE && e.layer_index > li)) return s;
    }
    return -1;
}

static void describe_error(const pass_ctx *cx, int32_t li, cnnc_error *err) {
    const cnnc_model *m = cx->model;
    const cnnc_layer *L = &m->layers[li];
    static const cnnc_shape no_input;   /* a node with no inputs (torch.cat([])) */
    const cnnc_shape *in = cnnc_layer_n_inputs(m, li) > 0 ? input_shape(cx, cnnc_layer_input(m, li, 0)) : &no_input;
    err->layer_index = li;
    cnnc_layer_display(L, err->layer, sizeof err->layer);
    snprintf(err->file, sizeof err->file, "%s", m->path);
    err->line = L->span.line;
    err->col = L->span.col;
    err->fix.field = CNNC_FIX_NONE;
    err->fix.layer_index = -1;
    if (!cx->hints) return;
    build_trail(cx, li, in, err->trail, sizeof err->trail);
    const cnnc_layer_def *def = cnnc_layer_def_of(L->kind);
    cnnc_hint_env env = {m, li, &cx->inputs[0], edit_text};
    if (def && def->hint && def->hint(L, in, &env, err)) return;
    int nd = in->ndim;
    if (strstr(err->message, "Kernel size can't be greater") || strstr(err->message, "Output size is too small")) {
        int64_t s = smallest_hw(cx, li);
        if (s > 0) {
            snprintf(err->hint, sizeof err->hint, "input must be at least %lldx%lld", (long long)s, (long long)s);
            err->fix.field = CNNC_FIX_INPUT_HW; err->fix.layer_index = -1; err->fix.value = s; err->fix.value2 = s;
        } else {
            snprintf(err->hint, sizeof err->hint, "no square input up to 65536x65536 gets past %s", err->layer);
        }
        return;
    }
    if (strstr(err->message, "Expected 3D (unbatched) or 4D") || strstr(err->message, "3D or 4D (batch mode)") ||
        (strstr(err->message, "expected 4D input") && nd == 2)) {
        int32_t pi = producer_of(m, li);
        if (pi < 0)
            snprintf(err->hint, sizeof err->hint, "%s needs [N, C, H, W] or unbatched [C, H, W] input, e.g. 2x1x28x28",
                     L->name);
        else
            snprintf(err->hint, sizeof err->hint, "%s needs [N, C, H, W] input, but %s made a %d-D tensor before it",
                     L->name, m->layers[pi].name, nd);
        return;
    }
}

int cnnc_fix_apply(cnnc_model *model, const cnnc_fix *fix) {
    if (!model || !fix || fix->layer_index < 0 || fix->layer_index >= model->n_layers) return 0;
    cnnc_layer *L = &model->layers[fix->layer_index];
    const cnnc_layer_def *def = cnnc_layer_def_of(L->kind);
    return def && def->apply_fix ? def->apply_fix(L, fix) : 0;
}
