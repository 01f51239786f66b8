/* backend_cpu.c — the CPU backend: a host arena, the data gather, the loss,
 * the optimizers, and the table of per-kind kernels (one file per kind:
 * conv2d.c, linear.c, ...). It is the reference every other backend is
 * tested against. */
#include <stdlib.h>
#include <string.h>

#include "cpu/cpu_backend.h"

typedef struct cpu_state {
    const uint8_t *images[2];    /* borrowed resident data sets */
    const uint8_t *labels[2];
    const int32_t *order[2];
    const int32_t *codes[2];     /* --augment: per position of the order (NULL: none) */
    int64_t pixels[2];
    int threads;
} cpu_state;

#define F(off) ((float *)(e->arena + (off)))

static cnnc_status cpu_init(cnnc_engine *e, cnnc_error *err) {
    cpu_state *st = calloc(1, sizeof *st);
    if (!st) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the CPU backend");
    e->backend = st;
    if (e->cfg.threads > 0) cpu_set_threads(e->cfg.threads);
    st->threads = cpu_get_threads();
    size_t bytes = (e->plan.total_bytes + 63) / 64 * 64;
    e->arena = aligned_alloc(64, bytes);
    if (!e->arena)
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError",
                              "cannot allocate the %zu-byte arena (parameters, gradients, activations)", bytes);
    memset(e->arena, 0, bytes);
    return CNNC_OK;
}

static void cpu_release(cnnc_engine *e) {
    free(e->arena);
    e->arena = NULL;
    free(e->backend);
    e->backend = NULL;
}

static cnnc_status cpu_upload(cnnc_engine *e, size_t off, const void *src, size_t bytes, cnnc_error *err) {
    (void)err;
    memcpy(e->arena + off, src, bytes);
    return CNNC_OK;
}

static cnnc_status cpu_download(cnnc_engine *e, void *dst, size_t off, size_t bytes, cnnc_error *err) {
    (void)err;
    memcpy(dst, e->arena + off, bytes);
    return CNNC_OK;
}

static cnnc_status cpu_memset0(cnnc_engine *e, size_t off, size_t bytes, cnnc_error *err) {
    (void)err;
    memset(e->arena + off, 0, bytes);
    return CNNC_OK;
}

static cnnc_status cpu_set_dataset(cnnc_engine *e, int slot, const uint8_t *images, const uint8_t *labels,
                                   int64_t n, int64_t pixels, cnnc_error *err) {
    (void)n; (void)err;
    cpu_state *st = e->backend;
    st->images[slot] = images;
    st->labels[slot] = labels;
    st->pixels[slot] = pixels;
    return CNNC_OK;
}

static cnnc_status cpu_set_order(cnnc_engine *e, int slot, const int32_t *order, int64_t n, cnnc_error *err) {
    (void)n; (void)err;
    ((cpu_state *)e->backend)->order[slot] = order;
    return CNNC_OK;
}

static cnnc_status cpu_gather(cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err) {
    (void)err;
    cpu_state *st = e->backend;
    if (st->codes[slot]) {
        const cnnc_shape *s = &e->plan.sample;
        gather_batch_aug_cpu(F(e->plan.input), (int32_t *)(e->arena + e->plan.labels), st->images[slot],
                             st->labels[slot], st->order[slot] + start, st->codes[slot] + start, n, s->d[0], s->d[1],
                             s->d[2], e->cfg.augment.crop_pad, e->cfg.data_mean, e->cfg.data_std);
        return CNNC_OK;
    }
    gather_batch_cpu(F(e->plan.input), (int32_t *)(e->arena + e->plan.labels), st->images[slot], st->labels[slot],
                     st->order[slot] + start, n, st->pixels[slot], e->cfg.data_mean, e->cfg.data_std);
    return CNNC_OK;
}

/* A streamed batch, already in batch order on the host: the same gathers with no
 * index array, so its values are the resident gather's bit for bit. */
static cnnc_status cpu_gather_host(cnnc_engine *e, const uint8_t *images, const uint8_t *labels, const int32_t *codes,
                                   int64_t n, cnnc_error *err) {
    (void)err;
    const cnnc_shape *s = &e->plan.sample;
    if (codes)
        gather_batch_aug_cpu(F(e->plan.input), (int32_t *)(e->arena + e->plan.labels), images, labels, NULL, codes, n,
                             s->d[0], s->d[1], s->d[2], e->cfg.augment.crop_pad, e->cfg.data_mean, e->cfg.data_std);
    else
        gather_batch_cpu(F(e->plan.input), (int32_t *)(e->arena + e->plan.labels), images, labels, NULL, n,
                         e->plan.sample_numel, e->cfg.data_mean, e->cfg.data_std);
    return CNNC_OK;
}

/* The codes are borrowed (the engine's, alive until the next epoch's). */
static cnnc_status cpu_set_augment(cnnc_engine *e, int slot, const int32_t *codes, int64_t n, cnnc_error *err) {
    (void)n; (void)err;
    ((cpu_state *)e->backend)->codes[slot] = codes;
    return CNNC_OK;
}

static cnnc_status cpu_loss(cnnc_engine *e, int64_t n, int want_grad, cnnc_error *err) {
    (void)err;
    int64_t correct = 0;
    float *metrics = F(e->plan.metrics);
    float *dlogits = want_grad ? F(e->plan.dlogits) : NULL;
    const float *out = F(cnnc_engine_output_offset(e));
    const int32_t *labels = (const int32_t *)(e->arena + e->plan.labels);
    const int64_t over = e->loss_mean_over > 0 ? e->loss_mean_over : n;   /* data-parallel: the global batch */
    float loss = e->loss_kind == CNNC_LOSS_NLL
                     ? nll_loss_over_cpu(dlogits, &correct, out, labels, n, e->plan.n_classes, over)
                     : cross_entropy_over_cpu(dlogits, &correct, out, labels, n, e->plan.n_classes,
                                              e->cfg.label_smoothing, over);
    metrics[0] += loss * (float)n;
    metrics[1] += (float)correct;
    metrics[2] += (float)n;
    metrics[3] = loss;
    return CNNC_OK;
}

static cnnc_status cpu_accumulate(cnnc_engine *e, float *dst, const float *src, int64_t n, cnnc_error *err) {
    (void)e; (void)err;
    add_inplace_cpu(dst, src, n);
    return CNNC_OK;
}

/* --ema: average the weights just updated and the buffers this step's forward
 * moved (cnnc/engine.h, cfg.ema_decay). */
static cnnc_status cpu_ema_update(cnnc_engine *e) {
    const cnnc_plan *p = &e->plan;
    if (p->ema == CNNC_NO_OFFSET) return CNNC_OK;
    const int copy = cnnc_engine_ema_copies(e);
    ema_update_cpu(F(p->ema), F(p->params), p->n_params, e->cfg.ema_decay, copy);
    if (p->buffers_bytes)
        ema_update_cpu(F(p->ema_buffers), F(p->buffers), (int64_t)(p->buffers_bytes / sizeof(float)), e->cfg.ema_decay,
                       copy);
    return CNNC_OK;
}

static cnnc_status cpu_optim_step(cnnc_engine *e, cnnc_error *err) {
    (void)err;
    const cnnc_optim_config *o = &e->cfg.optim;
    const cnnc_plan *p = &e->plan;
    if (p->n_params == 0) return cpu_ema_update(e);
    double lr, momentum;   /* this step's, from the schedule when there is one */
    cnnc_engine_hyper(e, e->step, &lr, &momentum);
    float *param = F(p->params), *grad = F(p->grads), *m = F(p->opt_m), *v = F(p->opt_v);
    if (e->cfg.clip_grad_norm > 0.0f) clip_grad_norm_cpu(grad, p->n_params, e->cfg.clip_grad_norm);
    switch (o->kind) {
    case CNNC_OPTIM_SGD:
        sgd_step_cpu(param, grad, m, p->n_params, (float)lr, (float)momentum, o->dampening, o->weight_decay,
                     o->nesterov, e->step);
        break;
    case CNNC_OPTIM_ADAM:
    case CNNC_OPTIM_ADAMW:
        adam_step_cpu(param, grad, m, v, p->n_params, lr, momentum, o->beta2, o->eps, o->weight_decay, e->step,
                      o->kind == CNNC_OPTIM_ADAMW);
        break;
    case CNNC_OPTIM_ADADELTA:
        adadelta_step_cpu(param, grad, v, m, p->n_params, (float)lr, o->rho, o->eps, o->weight_decay);
        break;
    case CNNC_OPTIM_RMSPROP:
        rmsprop_step_cpu(param, grad, v, m, p->opt_u != CNNC_NO_OFFSET ? F(p->opt_u) : NULL, p->n_params, (float)lr,
                         o->alpha, o->eps, o->weight_decay, (float)momentum);
        break;
    case CNNC_OPTIM_ADAGRAD:
        adagrad_step_cpu(param, grad, v, p->n_params, lr, o->lr_decay, o->eps, o->weight_decay, e->step);
        break;
    default:
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "unknown optimizer kind %d", (int)o->kind);
    }
    return cpu_ema_update(e);
}

static cnnc_status cpu_swap(cnnc_engine *e, size_t a, size_t b, int64_t n, cnnc_error *err) {
    (void)err;
    swap_cpu((float *)(e->arena + a), (float *)(e->arena + b), n);
    return CNNC_OK;
}

static cnnc_status cpu_sync(cnnc_engine *e, cnnc_error *err) {
    (void)e; (void)err;
    return CNNC_OK;
}

static const cnnc_kernel *const CPU_KERNELS[CNNC_LAYER_KIND_COUNT] = {
#define CNNC_CPU_KERNEL_ENTRY_(E, stem) [CNNC_##E] = &cnnc_cpu_##stem,
    CNNC_LAYER_KINDS(CNNC_CPU_KERNEL_ENTRY_)
#undef CNNC_CPU_KERNEL_ENTRY_
};

const cnnc_backend_ops cnnc_cpu_backend = {
    .name = "cpu",
    .kernels = CPU_KERNELS,
    .init = cpu_init,
    .release = cpu_release,
    .upload = cpu_upload,
    .download = cpu_download,
    .memset0 = cpu_memset0,
    .accumulate = cpu_accumulate,
    .set_dataset = cpu_set_dataset,
    .set_order = cpu_set_order,
    .gather = cpu_gather,
    .set_augment = cpu_set_augment,
    .gather_host = cpu_gather_host,
    .loss = cpu_loss,
    .optim_step = cpu_optim_step,
    .sync = cpu_sync,
    .swap = cpu_swap,
};
