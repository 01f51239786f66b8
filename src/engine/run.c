/* run.c — the layer loop, written once for every backend: each node's kernel
 * from the backend's table, a named range around it, gradients summed where a
 * tensor feeds several nodes, --detect-anomaly's checks, errors tagged with
 * the node, and per-node device timing for `cnnc profile`. */
#include "engine/engine_internal.h"
#include "engine/dist_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static float *f32_at(const cnnc_engine *e, size_t off) {
    return off == CNNC_NO_OFFSET ? NULL : (float *)(e->arena + off);
}

cnnc_status cnnc_engine_in_layer(const cnnc_engine *e, int32_t node, cnnc_status status, cnnc_error *err) {
    if (status != CNNC_OK && err && err->layer_index < 0) {
        err->layer_index = node;
        cnnc_layer_display(&e->model->layers[node], err->layer, sizeof err->layer);
    }
    return status;
}

cnnc_status cnnc_engine_resolve_runs(cnnc_engine *e, cnnc_error *err) {
    const cnnc_model *m = e->model;
    const int32_t n = m->n_layers;
    int32_t n_edges = 0;
    for (int32_t i = 0; i < n; i++) n_edges += cnnc_layer_n_inputs(m, i);
    /* Idempotent: a backend may resolve them during its init (CUDA's conv setup runs nodes). */
    if (!e->runs) e->runs = calloc((size_t)(n > 0 ? n : 1), sizeof *e->runs);
    if (!e->run_ptrs) e->run_ptrs = calloc((size_t)(2 * n_edges + 1), sizeof *e->run_ptrs);
    if (!e->runs || !e->run_ptrs) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the engine's tables");
    float **ptrs = e->run_ptrs;
    int32_t edge = 0;
    for (int32_t i = 0; i < n; i++) {
        cnnc_node_run *r = &e->runs[i];
        const cnnc_layer_slots *s = &e->plan.layers[i];
        r->index = i;
        r->layer = &m->layers[i];
        r->shape = &e->shapes[i];
        r->n_in = cnnc_layer_n_inputs(m, i);
        r->in = ptrs;
        r->din = ptrs + r->n_in;
        ptrs += 2 * r->n_in;
        for (int32_t k = 0; k < r->n_in; k++, edge++) {
            int32_t src = cnnc_layer_input(m, i, k);
            r->in[k] = f32_at(e, src >= 0 ? e->plan.layers[src].out : e->plan.input);
            r->din[k] = f32_at(e, e->plan.grad_edges[edge].din);
        }
        r->out = f32_at(e, s->out);
        r->dout = f32_at(e, s->dout);
        r->weight = f32_at(e, s->weight);
        r->bias = f32_at(e, s->bias);
        r->dweight = f32_at(e, s->dweight);
        r->dbias = f32_at(e, s->dbias);
        r->running_mean = f32_at(e, s->running_mean);
        r->running_var = f32_at(e, s->running_var);
        r->aux = s->aux == CNNC_NO_OFFSET ? NULL : e->arena + s->aux;
    }
    return CNNC_OK;
}

/* ---- --detect-anomaly: the first non-finite value, named as PyTorch's anomaly mode does ---- */

static cnnc_status first_nonfinite(cnnc_engine *e, size_t offset, int64_t count, int64_t *at, cnnc_error *err) {
    *at = -1;
    if (offset == CNNC_NO_OFFSET || count <= 0 || !e->anomaly_host) return CNNC_OK;
    cnnc_status st = e->ops->download(e, e->anomaly_host, offset, (size_t)count * sizeof(float), err);
    for (int64_t k = 0; st == CNNC_OK && k < count; k++)
        if (!isfinite(e->anomaly_host[k])) { *at = k; break; }
    return st;
}

static cnnc_status anomaly_error(cnnc_engine *e, int32_t layer, const char *pass, const char *what, float value,
                                 cnnc_error *err) {
    const cnnc_layer *L = layer < 0 ? NULL : &e->model->layers[layer];
    const char *kind = L ? cnnc_layer_kind_name(L->kind) : cnnc_engine_loss_name(e);
    cnnc_error_set(err, CNNC_ERR_NUMERIC, "RuntimeError",
                   "Function '%s%s' returned %s values in its %s (layer %s, %s pass, epoch %lld step %lld)", kind,
                   strcmp(pass, "backward") ? "" : "Backward", isnan(value) ? "nan" : "inf", what,
                   L ? L->name : "loss", pass, (long long)e->anomaly_epoch + 1, (long long)e->anomaly_step);
    if (err) snprintf(err->hint, sizeof err->hint, "--detect-anomaly stopped at the first non-finite value; "
                                                   "a lower --lr or a BatchNorm before this layer often helps");
    return CNNC_ERR_NUMERIC;
}

static size_t offset_of(const cnnc_engine *e, const float *p) {
    return p ? (size_t)((const unsigned char *)p - e->arena) : CNNC_NO_OFFSET;
}

static cnnc_status check_output(cnnc_engine *e, int32_t i, cnnc_error *err) {
    int64_t at;
    cnnc_status st = first_nonfinite(e, e->plan.layers[i].out, e->shapes[i].out_numel, &at, err);
    if (st == CNNC_OK && at >= 0) st = anomaly_error(e, i, "forward", "output", e->anomaly_host[at], err);
    return st;
}

/* After node i's backward: its input gradients, then its parameters' gradients. */
static cnnc_status check_gradients(cnnc_engine *e, int32_t i, cnnc_error *err) {
    const cnnc_node_run *r = &e->runs[i];
    int64_t at;
    for (int32_t k = 0; k < r->n_in; k++) {
        int32_t src = cnnc_layer_input(e->model, i, k);
        if (src < 0 || !r->din[k]) continue;
        cnnc_status st = first_nonfinite(e, offset_of(e, r->din[k]), e->shapes[src].out_numel, &at, err);
        if (st != CNNC_OK) return st;
        if (at >= 0) return anomaly_error(e, i, "backward", "0th output (the input's gradient)", e->anomaly_host[at], err);
    }
    for (int32_t p = 0; p < e->n_param_info; p++) {
        const cnnc_param_info *pi = &e->params[p];
        if (pi->layer_index != i || !pi->trainable) continue;
        cnnc_status st = first_nonfinite(e, e->grad_offset[p], pi->numel, &at, err);
        if (st != CNNC_OK) return st;
        if (at >= 0) {
            char what[160];
            snprintf(what, sizeof what, "gradient of %s", pi->name);
            return anomaly_error(e, i, "backward", what, e->anomaly_host[at], err);
        }
    }
    return CNNC_OK;
}

/* ---- the loop ---- */

static cnnc_status node_forward(cnnc_engine *e, int32_t i, int train, cnnc_error *err) {
    const cnnc_kernel *k = e->ops->kernels[e->model->layers[i].kind];
    if (e->ops->range) e->ops->range(e, i, 0, 1);
    cnnc_status st = k->forward(e, &e->runs[i], train, err);
    if (e->ops->range) e->ops->range(e, i, 0, 0);
    return cnnc_engine_in_layer(e, i, st, err);
}

static cnnc_status node_backward(cnnc_engine *e, int32_t i, cnnc_error *err) {
    const cnnc_kernel *k = e->ops->kernels[e->model->layers[i].kind];
    const cnnc_node_run *r = &e->runs[i];
    if (e->ops->range) e->ops->range(e, i, 1, 1);
    cnnc_status st = k->backward(e, r, err);
    /* Where this node is not its input's first reader in backward, its share
     * went to scratch: add it in. */
    int32_t edge = e->model->edges ? e->model->layers[i].in_first : i;
    for (int32_t j = 0; st == CNNC_OK && j < r->n_in; j++) {
        const cnnc_grad_edge *g = &e->plan.grad_edges[edge + j];
        if (g->add_to == CNNC_NO_OFFSET) continue;
        int32_t src = cnnc_layer_input(e->model, i, j);
        st = e->ops->accumulate(e, f32_at(e, g->add_to), f32_at(e, g->din), e->shapes[src].out_numel, err);
    }
    if (e->ops->range) e->ops->range(e, i, 1, 0);
    return cnnc_engine_in_layer(e, i, st, err);
}

cnnc_status cnnc_engine_run_forward(cnnc_engine *e, int64_t n, int train, cnnc_error *err) {
    if (n != e->shapes_batch)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "forward of batch %lld with shapes for batch %lld",
                              (long long)n, (long long)e->shapes_batch);
    e->last_forward_train = train;
    for (int32_t i = 0; i < e->model->n_layers; i++) {
        cnnc_status st = node_forward(e, i, train, err);
        if (st == CNNC_OK && e->anomaly_host) st = check_output(e, i, err);
        if (st != CNNC_OK) return st;
    }
    return CNNC_OK;
}

cnnc_status cnnc_engine_run_backward(cnnc_engine *e, int64_t n, cnnc_error *err) {
    if (n != e->shapes_batch)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "backward of batch %lld with shapes for batch %lld",
                              (long long)n, (long long)e->shapes_batch);
    if (e->anomaly_host) {
        int64_t at;
        cnnc_status st = first_nonfinite(e, e->plan.dlogits, n * e->plan.n_classes, &at, err);
        if (st != CNNC_OK) return st;
        if (at >= 0) return anomaly_error(e, -1, "backward", "0th output (the logits' gradient)", e->anomaly_host[at], err);
    }
    /* every bucket of this step is begun afresh (a capture that failed part-way began some) */
    if (e->comm) cnnc_dist_backward_start(e);
    for (int32_t i = e->model->n_layers - 1; i >= 0; i--) {
        cnnc_status st = CNNC_OK;
        if (e->live[i]) {
            st = node_backward(e, i, err);
            if (st == CNNC_OK && e->anomaly_host) st = check_gradients(e, i, err);
        }
        /* a data-parallel job sums the gradients finished so far while backward goes on */
        if (st == CNNC_OK && e->comm) st = cnnc_dist_backward_passed(e, i, err);
        if (st != CNNC_OK) return st;
    }
    return CNNC_OK;
}

/* ---- cnnc profile: device marks between nodes ----
 * Marks: [0] start, [1+i] after node i forward, [L+1] after the loss,
 * [L+2+k] after the k-th backward node (from the last), [2L+2] after the optimizer. */
static cnnc_status profile_once(cnnc_engine *e, double *fwd, double *bwd, double *loss_ms, double *optim_ms,
                                cnnc_error *err) {
    const cnnc_backend_ops *o = e->ops;
    const int32_t L = e->model->n_layers;
    const int64_t n = e->shapes_batch;
    cnnc_status st = o->memset0(e, e->plan.metrics, 4 * sizeof(float), err);
    if (st == CNNC_OK) st = o->timer_mark(e, 0, err);
    e->last_forward_train = 1;
    for (int32_t i = 0; i < L && st == CNNC_OK; i++)
        if ((st = node_forward(e, i, 1, err)) == CNNC_OK) st = o->timer_mark(e, 1 + i, err);
    if (st == CNNC_OK) st = o->loss(e, n, 1, err);
    if (st == CNNC_OK) st = o->timer_mark(e, L + 1, err);
    for (int32_t k = 0; k < L && st == CNNC_OK; k++) {
        const int32_t i = L - 1 - k;
        if (e->live[i]) st = node_backward(e, i, err);
        if (st == CNNC_OK) st = o->timer_mark(e, L + 2 + k, err);
    }
    if (st == CNNC_OK) {
        e->step++;
        st = o->optim_step(e, err);
    }
    if (st == CNNC_OK) st = o->timer_mark(e, 2 * L + 2, err);
    double ms = 0.0;
    for (int32_t i = 0; i < L && st == CNNC_OK; i++)
        if ((st = o->timer_ms(e, i, i + 1, &ms, err)) == CNNC_OK) fwd[i] += ms;
    if (st == CNNC_OK && (st = o->timer_ms(e, L, L + 1, &ms, err)) == CNNC_OK) *loss_ms += ms;
    for (int32_t k = 0; k < L && st == CNNC_OK; k++)
        if ((st = o->timer_ms(e, L + 1 + k, L + 2 + k, &ms, err)) == CNNC_OK) bwd[L - 1 - k] += ms;
    if (st == CNNC_OK && (st = o->timer_ms(e, 2 * L + 1, 2 * L + 2, &ms, err)) == CNNC_OK) *optim_ms += ms;
    return st;
}

cnnc_status cnnc_engine_profile_steps(cnnc_engine *e, int reps, double *fwd_ms, double *bwd_ms, double *loss_ms,
                                      double *optim_ms, cnnc_error *err) {
    const cnnc_backend_ops *o = e->ops;
    const int32_t L = e->model->n_layers;
    if (!o->timer_open || !o->timer_mark || !o->timer_ms || !o->timer_close)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "cnnc profile needs a CUDA device: the %s backend has no per-layer device timers", o->name);
    if (e->shapes_batch <= 0 || reps < 1)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "profile: no batch set (or no repetitions)");
    for (int32_t i = 0; i < L; i++) fwd_ms[i] = bwd_ms[i] = 0.0;
    *loss_ms = *optim_ms = 0.0;
    cnnc_status st = o->timer_open(e, 2 * L + 3, err);
    for (int r = 0; r < reps && st == CNNC_OK; r++) st = profile_once(e, fwd_ms, bwd_ms, loss_ms, optim_ms, err);
    o->timer_close(e);
    if (st != CNNC_OK) return st;
    for (int32_t i = 0; i < L; i++) fwd_ms[i] /= reps, bwd_ms[i] /= reps;
    *loss_ms /= reps;
    *optim_ms /= reps;
    return CNNC_OK;
}
