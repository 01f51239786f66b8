/* profile.c — cnnc_engine_profile: per-layer device time of training steps,
 * with each layer's cost from the registry (cnnc/profile.h). */
#include "cnnc/profile.h"
#include "engine/engine_internal.h"
#include "engine/rng.h"
#include "layers/layer_def.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

cnnc_layer_how cnnc_engine_describe_layer(const cnnc_engine *e, int32_t layer, char *buf, size_t cap) {
    if (buf && cap) buf[0] = '\0';
    if (!e || !e->ops->describe_layer || layer < 0 || layer >= e->model->n_layers) return CNNC_HOW_PLAIN;
    return (cnnc_layer_how)e->ops->describe_layer(e, layer, buf, cap);
}

void cnnc_profile_free(cnnc_profile *p) {
    if (!p) return;
    free(p->layers);
    memset(p, 0, sizeof *p);
}

/* FLOPs and bytes of node i at the current batch (the default cost: one FLOP
 * per output forward and per input backward, every tensor read or written once). */
static cnnc_layer_cost cost_of(const cnnc_engine *e, int32_t i) {
    const cnnc_layer *L = &e->model->layers[i];
    const cnnc_layer_def *def = cnnc_layer_def_of(L->kind);
    const cnnc_layer_shape *s = &e->shapes[i];
    const int has_din = cnnc_layer_input(e->model, i, 0) >= 0;
    cnnc_layer_cost c;
    memset(&c, 0, sizeof c);
    if (def->cost) {
        def->cost(L, s, has_din, &c);
    } else {
        const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
        c.fwd_flops = out;
        c.bwd_flops = has_din ? in : 0.0;
        c.fwd_bytes = 4.0 * (in + out);
        c.bwd_bytes = 4.0 * (out + in + (has_din ? in : 0.0));
    }
    return c;
}

cnnc_status cnnc_engine_profile(cnnc_engine *e, int64_t batch, int64_t warmup, int64_t steps, cnnc_profile *out,
                                cnnc_error *err) {
    memset(out, 0, sizeof *out);
    if (!e->ops->timer_open || !e->ops->measure_peaks)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "cnnc profile needs a CUDA device: the %s backend has no per-layer device timers",
                              e->ops->name);
    if (batch < 1 || batch > e->plan.max_batch || steps < 1 || warmup < 0)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "profile: batch %lld (1 to %lld), steps %lld",
                              (long long)batch, (long long)e->plan.max_batch, (long long)steps);
    const int32_t L = e->model->n_layers;
    const int64_t numel = batch * e->plan.sample_numel, C = e->plan.n_classes;
    float *x = malloc((size_t)numel * sizeof(float));
    int64_t *y = malloc((size_t)batch * sizeof(int64_t));
    double *fwd = calloc((size_t)L, sizeof(double)), *bwd = calloc((size_t)L, sizeof(double));
    out->layers = calloc((size_t)(L > 0 ? L : 1), sizeof *out->layers);
    cnnc_status st = CNNC_OK;
    if (!x || !y || !fwd || !bwd || !out->layers) st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the batch");
    for (int64_t i = 0; st == CNNC_OK && i < numel; i++) x[i] = cnnc_uniform01(e->cfg.seed + 17, (uint64_t)i);
    for (int64_t i = 0; st == CNNC_OK && i < batch; i++) y[i] = (int64_t)(cnnc_mix64(e->cfg.seed + (uint64_t)i) % (uint64_t)C);
    cnnc_shape xs;
    memset(&xs, 0, sizeof xs);
    xs.ndim = e->plan.sample.ndim + 1;
    xs.d[0] = batch;
    for (int d = 0; d < e->plan.sample.ndim; d++) xs.d[d + 1] = e->plan.sample.d[d];
    if (st == CNNC_OK) st = e->ops->measure_peaks(e, &out->peak_gflops, &out->peak_gbps, err);
    if (st == CNNC_OK) st = cnnc_engine_set_batch(e, x, &xs, y, err);
    for (int64_t k = 0; st == CNNC_OK && k < warmup; k++) st = cnnc_engine_train_step(e, NULL, err);
    /* Whole steps as training runs them (graph unless no_graph), for the share's reference. */
    if (st == CNNC_OK) st = cnnc_engine_sync(e, err);
    double t0 = now_s();
    for (int64_t k = 0; st == CNNC_OK && k < steps; k++) st = cnnc_engine_train_step(e, NULL, err);
    if (st == CNNC_OK) st = cnnc_engine_sync(e, err);
    out->step_ms = (now_s() - t0) * 1e3 / (double)steps;
    /* Shapes in training mode for the per-layer pass and the cost model. */
    if (st == CNNC_OK) st = cnnc_shape_pass_mode(e->model, &xs, 1, e->shapes, NULL, err);
    if (st == CNNC_OK) st = cnnc_engine_profile_steps(e, (int)steps, fwd, bwd, &out->loss_ms, &out->optim_ms, err);
    if (st == CNNC_OK) {
        out->batch = batch;
        out->steps = steps;
        out->n_layers = L;
        out->sum_ms = out->loss_ms + out->optim_ms;
        for (int32_t i = 0; i < L; i++) {
            cnnc_layer_profile *lp = &out->layers[i];
            lp->fwd_ms = fwd[i];
            lp->bwd_ms = bwd[i];
            out->sum_ms += fwd[i] + bwd[i];
            /* A layer fused into another has no pass of its own: no cost. */
            const cnnc_layer_how how = cnnc_engine_describe_layer(e, i, lp->how, sizeof lp->how);
            lp->fused = how == CNNC_HOW_FUSED || how == CNNC_HOW_FUSED_AWAY;
            lp->fused_away = how == CNNC_HOW_FUSED_AWAY;
            if (!lp->fused_away) {
                cnnc_layer_cost c = cost_of(e, i);
                lp->flops = c.fwd_flops + c.bwd_flops;
                lp->bytes = c.fwd_bytes + c.bwd_bytes;
            }
        }
        const double logits = (double)(batch * C), np = (double)e->plan.n_params;
        out->loss_flops = 5.0 * logits;
        out->loss_bytes = 4.0 * (2.0 * logits + (double)batch);
        out->optim_flops = 10.0 * np;
        out->optim_bytes = 4.0 * 7.0 * np;
    }
    free(x);
    free(y);
    free(fwd);
    free(bwd);
    if (st != CNNC_OK) cnnc_profile_free(out);
    return st;
}
