/* engine.c — backend choice, the arena plan, parameters and the batch API.
 * The plan is computed once from the shape pass at max_batch; every batch
 * then re-runs the shape pass at its real size (cheap, allocation-free) so a
 * wrong batch is refused with PyTorch's message before any kernel runs. */
#include "engine/engine_internal.h"
#include "engine/dist_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/test_hooks.h"
#include "engine/augment.h"
#include "engine/cuda_plugin.h"
#include "layers/layer_def.h"
#include "engine/prefetch.h"

#define CNNC_ALIGN 256

cnnc_optim_config cnnc_optim_default(cnnc_optim_kind kind) {
    cnnc_optim_config o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    o.lr = kind == CNNC_OPTIM_SGD || kind == CNNC_OPTIM_RMSPROP || kind == CNNC_OPTIM_ADAGRAD ? 0.01f
           : kind == CNNC_OPTIM_ADADELTA                                                      ? 1.0f
                                                                                              : 1e-3f;
    o.beta1 = 0.9f;
    o.beta2 = 0.999f;
    o.eps = kind == CNNC_OPTIM_ADADELTA ? 1e-6f : kind == CNNC_OPTIM_ADAGRAD ? 1e-10f : 1e-8f;
    o.weight_decay = kind == CNNC_OPTIM_ADAMW ? 1e-2f : 0.0f;
    o.rho = 0.9f;
    o.alpha = 0.99f;
    return o;
}

cnnc_engine_config cnnc_engine_config_default(const cnnc_model *model) {
    cnnc_engine_config c;
    memset(&c, 0, sizeof c);
    c.device = CNNC_DEVICE_CPU;
    c.threads = 0;
    c.max_batch = 64;
    if (model && model->has_input) {
        c.sample.ndim = model->input_ndim;
        for (int i = 0; i < model->input_ndim; i++) c.sample.d[i] = model->input[i];
    }
    c.seed = 0;
    c.optim = cnnc_optim_default(CNNC_OPTIM_ADAM);
    c.conv = CNNC_CONV_AUTO;
    c.data_mean = 0.0f;
    c.data_std = 1.0f;
    return c;
}

static size_t align_up(size_t x) { return (x + CNNC_ALIGN - 1) / CNNC_ALIGN * CNNC_ALIGN; }

/* Reserve `bytes` in the arena being planned; returns the slot's offset. */
static size_t reserve(size_t *cursor, size_t bytes) {
    size_t off = *cursor;
    *cursor = align_up(off + (bytes ? bytes : 1));
    return off;
}

static cnnc_shape batch_shape(const cnnc_shape *sample, int64_t n) {
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = sample->ndim + 1;
    s.d[0] = n;
    for (int i = 0; i < sample->ndim; i++) s.d[i + 1] = sample->d[i];
    return s;
}

/* ---- gradients: one buffer per node's dout, shared by lifetime ----
 * Backward runs nodes last to first; step k is node n-1-k. A node's dout is
 * live from the backward of its first writer (its last consumer in forward
 * order, or a fused kernel's node) to its own backward. Scratch for a tensor
 * read by several nodes lives for the one step that writes and adds it. */
typedef struct grad_buf {
    size_t bytes;
    int32_t from, to;       /* backward steps, inclusive */
    size_t *where;          /* the offset to fill (relative to the gradient pool) */
} grad_buf;

static int by_start(const void *a, const void *b) {
    const grad_buf *x = a, *y = b;
    if (x->from != y->from) return x->from < y->from ? -1 : 1;
    return x->bytes > y->bytes ? -1 : x->bytes < y->bytes;
}

/* First-fit placement over time: each buffer takes the lowest offset that no
 * buffer alive at the same time uses. Returns the pool size. */
static size_t place_by_lifetime(grad_buf *b, int32_t n, cnnc_error *err, int *failed) {
    qsort(b, (size_t)n, sizeof *b, by_start);
    int32_t *live = malloc((size_t)(n > 0 ? n : 1) * sizeof *live);
    size_t *off = malloc((size_t)(n > 0 ? n : 1) * sizeof *off);
    size_t pool = 0;
    int32_t n_live = 0;
    *failed = !live || !off;
    for (int32_t i = 0; i < n && !*failed; i++) {
        int32_t keep = 0;  /* drop buffers that ended before this one starts */
        for (int32_t k = 0; k < n_live; k++)
            if (b[live[k]].to >= b[i].from) live[keep++] = live[k];
        n_live = keep;
        /* live buffers sorted by offset: scan the gaps */
        for (int32_t x = 1; x < n_live; x++)
            for (int32_t y = x; y > 0 && off[live[y]] < off[live[y - 1]]; y--) {
                int32_t t = live[y]; live[y] = live[y - 1]; live[y - 1] = t;
            }
        size_t at = 0;
        for (int32_t k = 0; k < n_live; k++) {
            if (off[live[k]] >= at + b[i].bytes) break;   /* the gap before it fits */
            size_t end = off[live[k]] + b[live[k]].bytes;
            if (end > at) at = end;
        }
        off[i] = at;
        live[n_live++] = i;
        if (at + b[i].bytes > pool) pool = at + b[i].bytes;
    }
    for (int32_t i = 0; i < n && !*failed; i++) *b[i].where = off[i];
    free(live);
    free(off);
    if (*failed) cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory planning the gradient buffers");
    return pool;
}

static cnnc_status plan_grads(cnnc_engine *e, size_t *cur, cnnc_error *err) {
    const cnnc_model *m = e->model;
    cnnc_plan *p = &e->plan;
    const int32_t n = m->n_layers, out_node = cnnc_model_output(m);
    int32_t n_edges = 0;
    for (int32_t i = 0; i < n; i++) n_edges += cnnc_layer_n_inputs(m, i);
    p->grad_edges = malloc((size_t)(n_edges > 0 ? n_edges : 1) * sizeof *p->grad_edges);
    grad_buf *bufs = malloc((size_t)(n + n_edges + 1) * sizeof *bufs);
    int32_t *first_writer = malloc((size_t)(n > 0 ? 2 * n : 1) * sizeof *first_writer);
    int32_t *writer_node = first_writer + n;
    if (!p->grad_edges || !bufs || !first_writer) {
        free(bufs);
        free(first_writer);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "out of memory planning the gradient buffers");
    }
    /* The first edge (in backward order) that writes each node's dout. */
    for (int32_t i = 0; i < n; i++) first_writer[i] = -1;
    for (int32_t c = n - 1, e0 = n_edges; c >= 0; c--) {
        int32_t k_n = cnnc_layer_n_inputs(m, c);
        e0 -= k_n;
        for (int32_t k = 0; k < k_n; k++) {
            int32_t src = cnnc_layer_input(m, c, k);
            if (src >= 0 && e->live[c] && first_writer[src] < 0) { first_writer[src] = e0 + k; writer_node[src] = c; }
        }
    }
    int32_t nb = 0, edge = 0;
    for (int32_t c = 0; c < n; c++) {
        for (int32_t k = 0; k < cnnc_layer_n_inputs(m, c); k++, edge++) {
            cnnc_grad_edge *g = &p->grad_edges[edge];
            int32_t src = cnnc_layer_input(m, c, k);
            g->din = g->add_to = CNNC_NO_OFFSET;
            if (src < 0 || !e->live[c] || first_writer[src] == edge) continue;
            /* another edge writes src's dout first: this one writes scratch and adds */
            bufs[nb++] = (grad_buf){(size_t)e->shapes_max[src].out_numel * sizeof(float), n - 1 - c, n - 1 - c, &g->din};
        }
    }
    for (int32_t i = 0; i < n; i++) {
        cnnc_layer_slots *s = &p->layers[i];
        s->dout = CNNC_NO_OFFSET;
        if (i == out_node) { s->dout = p->dlogits; continue; }
        if (first_writer[i] < 0) continue;   /* nothing live reads it: no gradient */
        int32_t writer = writer_node[i];   /* the last live consumer: its backward runs first */
        int32_t from = n - 1 - writer;
        if (e->ops->grad_writer) {
            int32_t w = e->ops->grad_writer(e, i);
            if (w > i && n - 1 - w < from) from = n - 1 - w;
        }
        bufs[nb++] = (grad_buf){(size_t)e->shapes_max[i].out_numel * sizeof(float), from, n - 1 - i, &s->dout};
    }
    size_t unshared = 0;
    for (int32_t b = 0; b < nb; b++) {
        bufs[b].bytes = align_up(bufs[b].bytes ? bufs[b].bytes : 1);
        unshared += bufs[b].bytes;
    }
    int failed = 0;
    size_t pool_bytes = place_by_lifetime(bufs, nb, err, &failed);
    free(bufs);
    free(first_writer);
    if (failed) return CNNC_ERR_NOMEM;
    size_t pool = reserve(cur, pool_bytes);
    p->grad_bytes = pool_bytes;
    p->grad_bytes_unshared = unshared;
    for (int32_t i = 0; i < n; i++)
        if (p->layers[i].dout != CNNC_NO_OFFSET && i != out_node) p->layers[i].dout += pool;
    /* Edges: the first writer writes the dout itself; the others their scratch, then add. */
    edge = 0;
    for (int32_t c = 0; c < n; c++)
        for (int32_t k = 0; k < cnnc_layer_n_inputs(m, c); k++, edge++) {
            cnnc_grad_edge *g = &p->grad_edges[edge];
            int32_t src = cnnc_layer_input(m, c, k);
            if (src < 0 || !e->live[c]) continue;
            if (g->din == CNNC_NO_OFFSET) {
                g->din = p->layers[src].dout;
            } else {
                g->din += pool;
                g->add_to = p->layers[src].dout;
            }
        }
    return CNNC_OK;
}

static cnnc_status plan_arena(cnnc_engine *e, cnnc_error *err) {
    const cnnc_model *m = e->model;
    cnnc_plan *p = &e->plan;
    size_t cur = 0;

    /* Parameters: trainable floats contiguous in state_dict order, so one
     * optimizer call covers them all; gradients and optimizer state mirror it. */
    int64_t n_params = 0;
    for (int32_t i = 0; i < e->n_param_info; i++)
        if (e->params[i].trainable) n_params += e->params[i].numel;
    p->n_params = n_params;
    size_t pbytes = (size_t)n_params * sizeof(float);
    p->params = reserve(&cur, pbytes);
    p->grads = reserve(&cur, pbytes);
    p->opt_m = reserve(&cur, pbytes);
    p->opt_v = reserve(&cur, pbytes);
    /* RMSprop(centered=True)'s grad_avg: the one optimizer with a third buffer */
    p->opt_u = e->cfg.optim.kind == CNNC_OPTIM_RMSPROP && e->cfg.optim.centered ? reserve(&cur, pbytes) : CNNC_NO_OFFSET;

    for (int32_t l = 0; l < m->n_layers; l++) {
        cnnc_layer_slots *s = &p->layers[l];
        s->out = s->dout = s->weight = s->bias = s->dweight = s->dbias = CNNC_NO_OFFSET;
        s->running_mean = s->running_var = s->aux = CNNC_NO_OFFSET;
    }
    size_t pcur = p->params;
    p->buffers = CNNC_NO_OFFSET;
    p->buffers_bytes = 0;
    for (int32_t i = 0; i < e->n_param_info; i++) {
        const cnnc_param_info *pi = &e->params[i];
        cnnc_layer_slots *s = &p->layers[pi->layer_index];
        e->param_offset[i] = CNNC_NO_OFFSET;
        e->grad_offset[i] = CNNC_NO_OFFSET;
        if (pi->trainable) {
            e->param_offset[i] = pcur;
            e->grad_offset[i] = p->grads + (pcur - p->params);
            pcur += (size_t)pi->numel * sizeof(float);
            if (pi->role == CNNC_P_WEIGHT) { s->weight = e->param_offset[i]; s->dweight = e->grad_offset[i]; }
            if (pi->role == CNNC_P_BIAS) { s->bias = e->param_offset[i]; s->dbias = e->grad_offset[i]; }
        } else if (pi->role == CNNC_P_RUNNING_MEAN) {
            e->param_offset[i] = s->running_mean = reserve(&cur, (size_t)pi->numel * sizeof(float));
        } else if (pi->role == CNNC_P_RUNNING_VAR) {
            e->param_offset[i] = s->running_var = reserve(&cur, (size_t)pi->numel * sizeof(float));
        }
        /* the buffers are the only reservations in this loop: one span */
        if (!pi->trainable && e->param_offset[i] != CNNC_NO_OFFSET && p->buffers == CNNC_NO_OFFSET)
            p->buffers = e->param_offset[i];
    }
    if (p->buffers != CNNC_NO_OFFSET) p->buffers_bytes = cur - p->buffers;
    p->ema = p->ema_buffers = CNNC_NO_OFFSET;
    if (e->cfg.ema_decay != 0.0) {
        p->ema = reserve(&cur, pbytes);
        if (p->buffers_bytes) p->ema_buffers = reserve(&cur, p->buffers_bytes);
    }

    const int64_t B = p->max_batch;
    p->input = reserve(&cur, (size_t)(B * p->sample_numel) * sizeof(float));
    p->labels = reserve(&cur, (size_t)B * sizeof(int32_t));
    p->dlogits = reserve(&cur, (size_t)(B * p->n_classes) * sizeof(float));
    p->metrics = reserve(&cur, 4 * sizeof(float));

    size_t ws = 0;
    for (int32_t l = 0; l < m->n_layers; l++) {
        const cnnc_layer *layer = &m->layers[l];
        const cnnc_layer_def *def = cnnc_layer_def_of(layer->kind);
        const cnnc_kernel *k = e->ops->kernels[layer->kind];
        const cnnc_layer_shape *sh = &e->shapes_max[l];
        cnnc_layer_slots *s = &p->layers[l];
        s->out = reserve(&cur, (size_t)sh->out_numel * sizeof(float));
        size_t aux = def->aux_bytes ? def->aux_bytes(layer, sh) : 0;
        if (aux) s->aux = reserve(&cur, aux);
        size_t w = k->workspace_bytes ? k->workspace_bytes(e, l, sh) : 0;
        if (w == (size_t)-1)
            return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError",
                                  "layer %s needs more workspace than can be addressed", layer->name);
        if (w > ws) ws = w;
    }
    cnnc_status st = plan_grads(e, &cur, err);
    if (st != CNNC_OK) return st;
    p->workspace_bytes = ws;
    p->workspace = reserve(&cur, ws);
    p->total_bytes = cur;
    return CNNC_OK;
}

/* Bytes of memory the host can still give (MemAvailable), or 0 if unknown. */
static uint64_t host_available_bytes(void) {
    FILE *f = fopen("/proc/meminfo", "r");
    if (!f) return 0;
    char line[256];
    unsigned long long kib = 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "MemAvailable: %llu kB", &kib) == 1) break;
    fclose(f);
    return (uint64_t)kib * 1024u;
}

/* Refuse a host arena that cannot fit before touching it: with overcommit, a
 * too-large aligned_alloc succeeds and the process is killed later while the
 * arena is zeroed. The CUDA backend checks cudaMemGetInfo itself. */
static cnnc_status check_host_memory(const cnnc_engine *e, cnnc_error *err) {
    if (e->ops != &cnnc_cpu_backend) return CNNC_OK;
    uint64_t avail = cnnc_hook_host_available(host_available_bytes());
    if (avail == 0 || (uint64_t)e->plan.total_bytes <= avail) return CNNC_OK;
    const double gib = 1024.0 * 1024.0 * 1024.0;
    cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError",
                   "DefaultCPUAllocator: not enough memory: %s needs %.2f GiB at batch %lld (parameters, "
                   "gradients, optimizer state and activations), %.2f GiB available",
                   e->model->path, (double)e->plan.total_bytes / gib, (long long)e->plan.max_batch,
                   (double)avail / gib);
    if (err) snprintf(err->hint, sizeof err->hint, "lower --batch, or use a smaller model");
    return CNNC_ERR_NOMEM;
}

/* Pick the backend for cfg->device; for AUTO, explain a fallback in `note`. */
static cnnc_status choose_backend(cnnc_engine *e, char *note, size_t note_cap, cnnc_error *err) {
    cnnc_device_kind want = e->cfg.device;
    if (note && note_cap) note[0] = '\0';
    if (want == CNNC_DEVICE_CPU) { e->ops = &cnnc_cpu_backend; return CNNC_OK; }
    cnnc_error why;
    cnnc_error_clear(&why);
    const cnnc_backend_ops *cuda = NULL;
    int count = cnnc_cuda_backend_probe(want == CNNC_DEVICE_AUTO, &cuda, &why);
    if (count > 0 && e->cfg.device_index >= count) {
        snprintf(why.message, sizeof why.message, "CUDA device %d requested but only %d device(s) found",
                 e->cfg.device_index, count);
        count = 0;
    }
    if (count > 0) { e->ops = cuda; return CNNC_OK; }
    if (want == CNNC_DEVICE_CUDA) {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "--device cuda: no usable GPU: %s", why.message);
        if (err) memcpy(err->hint, why.hint, sizeof err->hint);
        return CNNC_ERR_DEVICE;
    }
    if (note && note_cap) snprintf(note, note_cap, "note: using the CPU: %s", why.message);
    e->ops = &cnnc_cpu_backend;
    return CNNC_OK;
}

/* Before anything is allocated on the device: the graph's bookkeeping, and
 * every node the chosen backend cannot run, refused with the reason. */
static cnnc_status check_graph(cnnc_engine *e, cnnc_error *err) {
    const cnnc_model *m = e->model;
    const int32_t n = m->n_layers, out = cnnc_model_output(m);
    e->n_consumers = calloc((size_t)n, sizeof *e->n_consumers);
    e->live = calloc((size_t)n, sizeof *e->live);
    if (!e->n_consumers || !e->live) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the engine's tables");
    if (cnnc_model_n_inputs(m) != 1)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                              "%s: the model takes %d input tensors; cnnc trains models with one input", m->path,
                              (int)cnnc_model_n_inputs(m));
    for (int32_t i = 0; i < n; i++)
        for (int32_t k = 0; k < cnnc_layer_n_inputs(m, i); k++) {
            int32_t src = cnnc_layer_input(m, i, k);
            if (src >= 0) e->n_consumers[src]++;
        }
    /* live: the output, and every node a live node reads */
    if (out >= 0 && out < n) e->live[out] = 1;
    for (int32_t i = n - 1; i >= 0; i--)
        for (int32_t k = 0; e->live[i] && k < cnnc_layer_n_inputs(m, i); k++) {
            int32_t src = cnnc_layer_input(m, i, k);
            if (src >= 0) e->live[src] = 1;
        }
    for (int32_t i = 0; i < n; i++) {
        const cnnc_layer *L = &m->layers[i];
        const cnnc_kernel *k = e->ops->kernels[L->kind];
        const char *why = k->unsupported ? k->unsupported(e, i) : NULL;
        if (!why && !k->forward) why = "it has no kernel for this layer kind";
        if (L->node_flags & CNNC_NODE_SPECTRAL_NORM)
            why = "its weight is spectral-normalised (nn.utils.spectral_norm), which cnnc checks but does not train";
        if (L->node_flags & CNNC_NODE_WEIGHT_NORM)
            why = "its weight is weight-normalised (nn.utils.weight_norm), which cnnc checks but does not train";
        if (L->node_flags & CNNC_NODE_CUSTOM_BACKWARD)
            why = "it is computed inside a torch.autograd.Function, whose backward cnnc does not run (check follows its "
                  "shapes; training would need that backward)";
        if (why) {
            cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError", "the %s backend cannot run %s (%s): %s",
                           e->ops->name, L->name, cnnc_layer_kind_name(L->kind), why);
            return cnnc_engine_in_layer(e, i, CNNC_ERR_UNSUPPORTED, err);
        }
        int32_t owner = cnnc_layer_owner(m, i);
        const cnnc_layer_def *def = cnnc_layer_def_of(L->kind);
        if (owner != i && def->params) {
            cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                           "%s is called more than once: cnnc does not train parameters shared between calls",
                           m->layers[owner].name);
            return cnnc_engine_in_layer(e, i, CNNC_ERR_UNSUPPORTED, err);
        }
    }
    return CNNC_OK;
}

void cnnc_engine_free(cnnc_engine *e) {
    if (!e) return;
    cnnc_prefetch_free(e->stream);   /* joins its workers and frees its buffers (before the backend goes) */
    e->stream = NULL;
    cnnc_dist_detach(e);              /* the communicator's page-locked staging is the backend's */
    if (e->ops && e->ops->release) e->ops->release(e);
    free(e->plan.layers);
    free(e->plan.grad_edges);
    free(e->n_consumers);
    free(e->live);
    free(e->runs);
    free(e->run_ptrs);
    free(e->anomaly_host);
    free(e->params);
    free(e->param_offset);
    free(e->grad_offset);
    free(e->num_batches_tracked);
    free(e->shapes);
    free(e->shapes_max);
    free(e->order);
    free(e->sched_lr);
    free(e->sched_momentum);
    free(e->aug_codes);
    free(e);
}

cnnc_status cnnc_engine_create(const cnnc_model *model, const cnnc_engine_config *cfg, cnnc_engine **out,
                               char *note, size_t note_cap, cnnc_error *err) {
    if (out) *out = NULL;
    if (!model || !cfg || !out) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_engine_create: NULL argument");
    if (model->n_layers <= 0) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "%s: the model has no layers", model->path);
    if (cfg->max_batch <= 0)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "batch size must be positive, got %lld", (long long)cfg->max_batch);
    if (cfg->sample.ndim < 1 || cfg->sample.ndim > 3)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "%s: no input shape: add `input = (C, H, W)` to the model file or pass --input CxHxW",
                              model->path);
    if (cfg->tf32 && cfg->bf16)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "choose one precision: tf32 and bf16 are both set (--precision fp32|tf32|bf16)");
    cnnc_status ost = cnnc_optim_check(&cfg->optim, err);   /* what torch.optim's constructor refuses */
    if (ost != CNNC_OK) return ost;
    if (!(cfg->label_smoothing >= 0.0f && cfg->label_smoothing <= 1.0f))   /* ATen's check, in its words */
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "label_smoothing must be between 0.0 and 1.0. Got: %g",
                              (double)cfg->label_smoothing);
    if (!(cfg->clip_grad_norm >= 0.0f) || isinf(cfg->clip_grad_norm))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "clip_grad_norm's max_norm must be a positive, finite number (0: off), got %g",
                              (double)cfg->clip_grad_norm);

    if (cfg->ema_decay != 0.0 && !(cfg->ema_decay > 0.0 && cfg->ema_decay < 1.0))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "the EMA decay must be between 0 and 1 (exclusive), got %g", cfg->ema_decay);

    cnnc_engine *e = calloc(1, sizeof *e);
    if (!e) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the engine");
    e->ema_first_step = 1;
    e->model = model;
    e->cfg = *cfg;
    e->plan.max_batch = cfg->max_batch;
    e->plan.sample = cfg->sample;
    e->plan.sample_numel = cnnc_shape_numel(&cfg->sample);

    int32_t n = model->n_layers;
    e->n_param_info = cnnc_model_params(model, NULL, 0);
    e->plan.layers = calloc((size_t)n, sizeof *e->plan.layers);
    e->shapes = calloc((size_t)n, sizeof *e->shapes);
    e->shapes_max = calloc((size_t)n, sizeof *e->shapes_max);
    e->num_batches_tracked = calloc((size_t)n, sizeof *e->num_batches_tracked);
    size_t np = e->n_param_info > 0 ? (size_t)e->n_param_info : 1;
    e->params = calloc(np, sizeof *e->params);
    e->param_offset = calloc(np, sizeof *e->param_offset);
    e->grad_offset = calloc(np, sizeof *e->grad_offset);
    if (!e->plan.layers || !e->shapes || !e->shapes_max || !e->num_batches_tracked || !e->params ||
        !e->param_offset || !e->grad_offset) {
        cnnc_engine_free(e);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the engine's tables");
    }
    cnnc_model_params(model, e->params, e->n_param_info);

    /* Validate at the largest batch (eval mode: a max batch of 1 must still
     * plan; training's one-value-per-channel check runs per batch). */
    cnnc_shape in = batch_shape(&cfg->sample, cfg->max_batch), outs;
    cnnc_status st = cnnc_shape_pass_mode(model, &in, 0, e->shapes_max, &outs, err);
    if (st != CNNC_OK) { cnnc_engine_free(e); return st; }
    const int32_t out_node = cnnc_model_output(model);
    e->loss_kind = out_node >= 0 && model->layers[out_node].kind == CNNC_LOGSOFTMAX ? CNNC_LOSS_NLL
                                                                                     : CNNC_LOSS_CROSS_ENTROPY;
    if (cfg->label_smoothing != 0.0f && e->loss_kind == CNNC_LOSS_NLL) {
        cnnc_error_set(err, CNNC_ERR_USAGE, "TypeError", "__init__() got an unexpected keyword argument 'label_smoothing'");
        if (err)
            snprintf(err->hint, sizeof err->hint,
                     "the model ends in LogSoftmax, so it trains with NLLLoss, which has no label_smoothing; end it in "
                     "logits to train with CrossEntropyLoss(label_smoothing=...)");
        cnnc_engine_free(e);
        return CNNC_ERR_USAGE;
    }
    if (outs.ndim != 2) {
        char buf[128];
        const char *loss = cnnc_engine_loss_name(e);
        cnnc_shape_format(&outs, buf, sizeof buf);
        cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "ValueError",
                       "%s: the model's output must be [batch, classes] for %s, but it is %s "
                       "(add Flatten() before the last Linear)", model->path, loss, buf);
        cnnc_engine_free(e);
        return CNNC_ERR_UNSUPPORTED;
    }
    e->plan.n_classes = outs.d[1];

    st = choose_backend(e, note, note_cap, err);
    if (st == CNNC_OK) st = cnnc_augment_check(e, err);
    if (st == CNNC_OK) st = check_graph(e, err);
    if (st == CNNC_OK) st = plan_arena(e, err);
    if (st == CNNC_OK) st = check_host_memory(e, err);
    if (st == CNNC_OK && cfg->on_plan) cnnc_engine_report_plan(e);
    if (st == CNNC_OK) st = e->ops->init(e, err);
    if (st == CNNC_OK) st = cnnc_engine_resolve_runs(e, err);
    if (st != CNNC_OK) { cnnc_engine_free(e); return st; } /* release copes with a partial init */
    st = cnnc_engine_init_params(e, cfg->seed, err);
    if (st != CNNC_OK) { cnnc_engine_free(e); return st; }
    *out = e;
    return CNNC_OK;
}

const char *cnnc_engine_backend_name(const cnnc_engine *e) { return e && e->ops ? e->ops->name : "none"; }
size_t cnnc_engine_arena_bytes(const cnnc_engine *e) { return e ? e->plan.total_bytes : 0; }
int64_t cnnc_engine_steps(const cnnc_engine *e) { return e ? e->step : 0; }
int64_t cnnc_engine_classes(const cnnc_engine *e) { return e ? e->plan.n_classes : 0; }
const char *cnnc_engine_loss_name(const cnnc_engine *e) {
    return e && e->loss_kind == CNNC_LOSS_NLL ? "NLLLoss" : "CrossEntropyLoss";
}
uint64_t cnnc_engine_rng_counter(const cnnc_engine *e) { return e ? e->dropout_calls : 0; }
const cnnc_optim_config *cnnc_engine_optim_config(const cnnc_engine *e) { return e ? &e->cfg.optim : NULL; }
void cnnc_engine_set_rng_counter(cnnc_engine *e, uint64_t counter) {
    if (e) e->dropout_calls = counter;
}

/* ---- batches ---- */

/* Run the shape pass for a batch of n (train or eval mode) and make sure the
 * result fits the plan: same per-sample shape, n <= max_batch. */
cnnc_status cnnc_engine_prepare_batch(cnnc_engine *e, const cnnc_shape *x_shape, int train, cnnc_error *err) {
    cnnc_status st = cnnc_shape_pass_mode(e->model, x_shape, train, e->shapes, NULL, err);
    if (st != CNNC_OK) {
        e->shapes_batch = 0; /* nothing may run on a refused batch */
        return st;
    }
    char want[96], got[96];
    int same = x_shape->ndim == e->plan.sample.ndim + 1;
    for (int i = 0; same && i < e->plan.sample.ndim; i++) same = x_shape->d[i + 1] == e->plan.sample.d[i];
    if (!same) {
        cnnc_shape b = batch_shape(&e->plan.sample, x_shape->ndim ? x_shape->d[0] : 0);
        cnnc_shape_format(&b, want, sizeof want);
        cnnc_shape_format(x_shape, got, sizeof got);
        e->shapes_batch = 0;
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                              "the engine was set up for input %s, got a batch of shape %s", want, got);
    }
    if (x_shape->d[0] > e->plan.max_batch || x_shape->d[0] <= 0) {
        e->shapes_batch = 0;
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                              "batch of %lld samples does not fit the engine (1 to %lld)",
                              (long long)x_shape->d[0], (long long)e->plan.max_batch);
    }
    e->shapes_batch = x_shape->d[0];
    return CNNC_OK;
}

cnnc_status cnnc_engine_set_batch(cnnc_engine *e, const float *x, const cnnc_shape *x_shape,
                                  const int64_t *labels, cnnc_error *err) {
    if (!e || !x || !x_shape) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_engine_set_batch: NULL argument");
    cnnc_status st = cnnc_engine_prepare_batch(e, x_shape, 0, err);
    if (st != CNNC_OK) return st;
    int64_t n = x_shape->d[0];
    if ((st = e->ops->upload(e, e->plan.input, x, (size_t)(n * e->plan.sample_numel) * sizeof(float), err)) != CNNC_OK)
        return st;
    if (!labels) return CNNC_OK;
    int32_t small[256];
    int32_t *y = n <= 256 ? small : malloc((size_t)n * sizeof(int32_t));
    if (!y) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %lld labels", (long long)n);
    for (int64_t i = 0; i < n && st == CNNC_OK; i++) {
        if (labels[i] < 0 || labels[i] >= e->plan.n_classes)
            st = cnnc_error_set(err, CNNC_ERR_SHAPE, "IndexError", "Target %lld is out of bounds.", (long long)labels[i]);
        else
            y[i] = (int32_t)labels[i];
    }
    if (st == CNNC_OK) st = e->ops->upload(e, e->plan.labels, y, (size_t)n * sizeof(int32_t), err);
    if (y != small) free(y);
    if (st != CNNC_OK) e->shapes_batch = 0;
    return st;
}

static cnnc_status need_batch(cnnc_engine *e, cnnc_error *err) {
    if (e->shapes_batch > 0) return CNNC_OK;
    return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "no valid batch has been set");
}

cnnc_status cnnc_engine_forward(cnnc_engine *e, int train, cnnc_error *err) {
    cnnc_status st = need_batch(e, err);
    if (st != CNNC_OK) return st;
    if (train) {
        /* Training mode adds BatchNorm's one-value-per-channel check. */
        cnnc_shape x = batch_shape(&e->plan.sample, e->shapes_batch);
        if ((st = cnnc_shape_pass_mode(e->model, &x, 1, e->shapes, NULL, err)) != CNNC_OK) return st;
    }
    return cnnc_engine_run_forward(e, e->shapes_batch, train, err);
}

cnnc_status cnnc_engine_read_output(cnnc_engine *e, float *dst, cnnc_error *err) {
    cnnc_status st = need_batch(e, err);
    if (st != CNNC_OK) return st;
    return e->ops->download(e, dst, cnnc_engine_output_offset(e),
                            (size_t)(e->shapes_batch * e->plan.n_classes) * sizeof(float), err);
}

cnnc_status cnnc_engine_loss(cnnc_engine *e, int backward, float *loss, cnnc_error *err) {
    cnnc_status st = need_batch(e, err);
    if (st != CNNC_OK) return st;
    if ((st = e->ops->memset0(e, e->plan.metrics, 4 * sizeof(float), err)) != CNNC_OK) return st;
    if ((st = e->ops->loss(e, e->shapes_batch, backward, err)) != CNNC_OK) return st;
    if (backward && (st = cnnc_engine_run_backward(e, e->shapes_batch, err)) != CNNC_OK) return st;
    if (loss) {
        float metrics[4];
        if ((st = e->ops->download(e, metrics, e->plan.metrics, sizeof metrics, err)) != CNNC_OK) return st;
        *loss = metrics[3];
    }
    return CNNC_OK;
}

cnnc_status cnnc_engine_optim_step(cnnc_engine *e, cnnc_error *err) {
    /* a replica sums its gradients over the ranks first (NCCL: joins the buckets backward began) */
    cnnc_status st = e->comm ? cnnc_dist_sum_grads(e, err) : CNNC_OK;
    if (st != CNNC_OK) return st;
    e->step++;
    return e->ops->optim_step(e, err);
}

cnnc_status cnnc_engine_sync(cnnc_engine *e, cnnc_error *err) { return e->ops->sync(e, err); }

cnnc_status cnnc_engine_train_step(cnnc_engine *e, float *loss, cnnc_error *err) {
    if (e->ops->train_step && !e->cfg.no_graph && e->shapes_batch > 0) {
        /* The same work as below in one backend call (CUDA: a replayed graph). */
        cnnc_shape x = batch_shape(&e->plan.sample, e->shapes_batch);
        cnnc_status st = cnnc_shape_pass_mode(e->model, &x, 1, e->shapes, NULL, err);
        if (st == CNNC_OK) st = e->ops->memset0(e, e->plan.metrics, 4 * sizeof(float), err);
        if (st != CNNC_OK) return st;
        e->step++;
        if ((st = e->ops->train_step(e, -1, 0, e->shapes_batch, err)) != CNNC_OK) return st;
        if (loss) {
            float metrics[4];
            if ((st = e->ops->download(e, metrics, e->plan.metrics, sizeof metrics, err)) != CNNC_OK) return st;
            *loss = metrics[3];
        }
        return CNNC_OK;
    }
    cnnc_status st = cnnc_engine_forward(e, 1, err);
    if (st == CNNC_OK) st = cnnc_engine_loss(e, 1, loss, err);
    if (st == CNNC_OK) st = cnnc_engine_optim_step(e, err);
    return st;
}
