/* backend_cpu.c — the CPU backend: a host arena and a loop over the layers
 * calling the kernels in cpu_kernels.h. It is the reference every other
 * backend is tested against. */
#include <stdlib.h>
#include <string.h>

#include "cpu/cpu_kernels.h"
#include "engine/engine_internal.h"

typedef struct cpu_state {
    const uint8_t *images[2];    /* borrowed resident data sets */
    const uint8_t *labels[2];
    const int32_t *order[2];
    int64_t pixels[2];
    int threads;
} cpu_state;

#define F(off) ((float *)(e->arena + (off)))
#define F_OR_NULL(off) ((off) == CNNC_NO_OFFSET ? NULL : (float *)(e->arena + (off)))

/* --precision bf16: each Conv2d/Linear rounds its GEMM operands (input,
 * weight, output gradient) into the front of the workspace, then runs the
 * fp32 kernels on them. Rounding commutes with im2col, transposes, padding
 * and flips, so these are exactly the operands cuBLAS rounds under
 * COMPUTE_32F_FAST_16BF. Bias gradients sum the unrounded fp32 gradient. */
typedef struct bf16_operands {
    int64_t in, weight, dout; /* floats of each operand tensor; all 0 when nothing is rounded */
} bf16_operands;

static size_t round16(int64_t n) { return ((size_t)n + 15) & ~(size_t)15; }

static bf16_operands bf16_operands_of(const cnnc_engine *e, int32_t layer, const cnnc_layer_shape *s) {
    bf16_operands b = {0, 0, 0};
    if (!e->cfg.bf16) return b;
    if (e->model->layers[layer].kind == CNNC_CONV2D) {
        const cnnc_conv_geom *g = &s->g.conv;
        b.in = g->N * g->C * g->H * g->W;
        b.weight = g->OC * (g->C / g->groups) * g->KH * g->KW;
    } else if (e->model->layers[layer].kind == CNNC_LINEAR) {
        b.in = s->g.linear.M * s->g.linear.K;
        b.weight = s->g.linear.N * s->g.linear.K;
    } else {
        return b;
    }
    b.dout = s->out_numel;
    return b;
}

static size_t cpu_workspace_bytes(const cnnc_engine *e, int32_t layer, const cnnc_layer_shape *s) {
    const bf16_operands b = bf16_operands_of(e, layer, s);
    size_t floats = round16(b.in) + round16(b.weight) + round16(b.dout);
    if (e->model->layers[layer].kind == CNNC_CONV2D) {
        int threads = e->cfg.threads > 0 ? e->cfg.threads : cpu_get_threads();
        floats += conv2d_workspace_floats_cpu(&s->g.conv, threads);
    }
    return floats * sizeof(float);
}

/* The GEMM operands of layer l at its current shape: the fp32 tensors, or
 * (bf16) rounded copies in the workspace; *ws moves past the copies. dout
 * may be NULL (forward). */
typedef struct gemm_operands {
    const float *in, *weight, *dout;
} gemm_operands;

static gemm_operands gemm_operands_of(const cnnc_engine *e, int32_t l, const float *in, const float *weight,
                                      const float *dout, float **ws) {
    gemm_operands o = {in, weight, dout};
    if (!e->cfg.bf16) return o;
    const bf16_operands b = bf16_operands_of(e, l, &e->shapes[l]);
    float *r_in = *ws, *r_w = r_in + round16(b.in), *r_dout = r_w + round16(b.weight);
    bf16_round_array_cpu(r_in, in, b.in);
    bf16_round_array_cpu(r_w, weight, b.weight);
    o.in = r_in;
    o.weight = r_w;
    if (dout) {
        bf16_round_array_cpu(r_dout, dout, b.dout);
        o.dout = r_dout;
    }
    *ws = r_dout + round16(b.dout);
    return o;
}

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
    gather_batch_cpu(F(e->plan.input), (int32_t *)(e->arena + e->plan.labels), st->images[slot], st->labels[slot],
                     st->order[slot] + start, n, st->pixels[slot], e->cfg.data_mean, e->cfg.data_std);
    return CNNC_OK;
}

/* The input of layer l: the batch for layer 0, else the previous output. */
static size_t input_of(const cnnc_engine *e, int32_t l) {
    return l == 0 ? e->plan.input : e->plan.layers[l - 1].out;
}

static cnnc_status cpu_forward(cnnc_engine *e, int64_t n, int train, cnnc_error *err) {
    (void)n; (void)err;
    float *ws = F(e->plan.workspace);
    for (int32_t l = 0; l < e->model->n_layers; l++) {
        const cnnc_layer *layer = &e->model->layers[l];
        const cnnc_layer_shape *s = &e->shapes[l];
        const cnnc_layer_slots *slot = &e->plan.layers[l];
        const float *in = F(input_of(e, l));
        float *out = F(slot->out);
        switch (layer->kind) {
        case CNNC_CONV2D: {
            float *rest = ws;
            const gemm_operands o = gemm_operands_of(e, l, in, F(slot->weight), NULL, &rest);
            conv2d_forward_cpu(out, o.in, o.weight, F_OR_NULL(slot->bias), &s->g.conv, rest);
            break;
        }
        case CNNC_MAXPOOL2D:
            maxpool2d_forward_cpu(out, (int32_t *)(e->arena + slot->aux), in, &s->g.pool);
            break;
        case CNNC_AVGPOOL2D:
            avgpool2d_forward_cpu(out, in, &s->g.pool);
            break;
        case CNNC_RELU:
            relu_forward_cpu(out, in, s->out_numel);
            break;
        case CNNC_FLATTEN:
            memcpy(out, in, (size_t)s->out_numel * sizeof(float));
            break;
        case CNNC_LINEAR: {
            float *rest = ws;
            const gemm_operands o = gemm_operands_of(e, l, in, F(slot->weight), NULL, &rest);
            linear_forward_cpu(out, o.in, o.weight, F_OR_NULL(slot->bias), s->g.linear.M, s->g.linear.K,
                               s->g.linear.N);
            break;
        }
        case CNNC_DROPOUT:
            if (train)
                dropout_forward_cpu(out, e->arena + slot->aux, in, s->out_numel, (float)layer->p.dropout.p,
                                    e->cfg.seed, cnnc_engine_dropout_offset(e));
            else
                memcpy(out, in, (size_t)s->out_numel * sizeof(float));
            break;
        case CNNC_BATCHNORM2D: {
            const cnnc_batchnorm2d_params *bn = &layer->p.bn;
            const cnnc_bn_geom *g = &s->g.bn;
            float *save = F(slot->aux);
            /* Batch statistics in training, and always without running stats. */
            if (train || !bn->track_running_stats) {
                float factor = train ? cnnc_engine_bn_factor(e, l) : 0.0f;
                batchnorm2d_forward_train_cpu(out, save, save + g->C,
                                              train ? F_OR_NULL(slot->running_mean) : NULL,
                                              train ? F_OR_NULL(slot->running_var) : NULL, in,
                                              F_OR_NULL(slot->weight), F_OR_NULL(slot->bias), g->N, g->C, g->HW,
                                              (float)bn->eps, factor);
            } else {
                batchnorm2d_forward_eval_cpu(out, in, F_OR_NULL(slot->weight), F_OR_NULL(slot->bias),
                                             F(slot->running_mean), F(slot->running_var), g->N, g->C, g->HW,
                                             (float)bn->eps);
            }
            break;
        }
        case CNNC_LAYER_KIND_COUNT:
            return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError", "unknown layer kind");
        }
    }
    return CNNC_OK;
}

static cnnc_status cpu_loss(cnnc_engine *e, int64_t n, int want_grad, cnnc_error *err) {
    (void)err;
    int32_t last = e->model->n_layers - 1;
    int64_t correct = 0;
    float *metrics = F(e->plan.metrics);
    float loss = cross_entropy_cpu(want_grad ? F(e->plan.dlogits) : NULL, &correct, F(e->plan.layers[last].out),
                                   (const int32_t *)(e->arena + e->plan.labels), n, e->plan.n_classes);
    metrics[0] += loss * (float)n;
    metrics[1] += (float)correct;
    metrics[2] += (float)n;
    metrics[3] = loss;
    return CNNC_OK;
}

static cnnc_status cpu_backward(cnnc_engine *e, int64_t n, cnnc_error *err) {
    (void)n; (void)err;
    float *ws = F(e->plan.workspace);
    for (int32_t l = e->model->n_layers - 1; l >= 0; l--) {
        const cnnc_layer *layer = &e->model->layers[l];
        const cnnc_layer_shape *s = &e->shapes[l];
        const cnnc_layer_slots *slot = &e->plan.layers[l];
        const float *in = F(input_of(e, l));
        const float *dout = F(slot->dout);
        /* Layer 0's input gradient is never needed. */
        float *din = l > 0 ? F(e->plan.layers[l - 1].dout) : NULL;
        switch (layer->kind) {
        case CNNC_CONV2D: {
            float *rest = ws;
            const gemm_operands o = gemm_operands_of(e, l, in, F(slot->weight), dout, &rest);
            float *dbias = F_OR_NULL(slot->dbias);
            conv2d_backward_cpu(din, F(slot->dweight), e->cfg.bf16 ? NULL : dbias, o.dout, o.in, o.weight,
                                &s->g.conv, rest);
            if (e->cfg.bf16 && dbias) /* the bias gradient from the fp32 gradient, as on CUDA */
                conv2d_backward_cpu(NULL, NULL, dbias, dout, in, F(slot->weight), &s->g.conv, rest);
            break;
        }
        case CNNC_MAXPOOL2D:
            if (din) maxpool2d_backward_cpu(din, dout, (const int32_t *)(e->arena + slot->aux), &s->g.pool);
            break;
        case CNNC_AVGPOOL2D:
            if (din) avgpool2d_backward_cpu(din, dout, &s->g.pool);
            break;
        case CNNC_RELU:
            if (din) relu_backward_cpu(din, dout, F(slot->out), s->out_numel);
            break;
        case CNNC_FLATTEN:
            if (din) memcpy(din, dout, (size_t)s->out_numel * sizeof(float));
            break;
        case CNNC_LINEAR: {
            float *rest = ws;
            const gemm_operands o = gemm_operands_of(e, l, in, F(slot->weight), dout, &rest);
            float *dbias = F_OR_NULL(slot->dbias);
            const cnnc_linear_geom *g = &s->g.linear;
            linear_backward_cpu(din, F(slot->dweight), e->cfg.bf16 ? NULL : dbias, o.dout, o.in, o.weight, g->M,
                                g->K, g->N);
            if (e->cfg.bf16 && dbias)
                linear_backward_cpu(NULL, NULL, dbias, dout, in, F(slot->weight), g->M, g->K, g->N);
            break;
        }
        case CNNC_DROPOUT:
            if (din) dropout_backward_cpu(din, dout, e->arena + slot->aux, s->out_numel, (float)layer->p.dropout.p);
            break;
        case CNNC_BATCHNORM2D: {
            const cnnc_bn_geom *g = &s->g.bn;
            const float *save = F(slot->aux);
            batchnorm2d_backward_cpu(din, F_OR_NULL(slot->dweight), F_OR_NULL(slot->dbias), dout, in, save,
                                     save + g->C, F_OR_NULL(slot->weight), g->N, g->C, g->HW);
            break;
        }
        case CNNC_LAYER_KIND_COUNT:
            return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError", "unknown layer kind");
        }
    }
    return CNNC_OK;
}

static cnnc_status cpu_optim_step(cnnc_engine *e, cnnc_error *err) {
    (void)err;
    const cnnc_optim_config *o = &e->cfg.optim;
    const cnnc_plan *p = &e->plan;
    if (p->n_params == 0) return CNNC_OK;
    if (o->kind == CNNC_OPTIM_SGD)
        sgd_step_cpu(F(p->params), F(p->grads), F(p->opt_m), p->n_params, o->lr, o->momentum, o->dampening,
                     o->weight_decay, o->nesterov, e->step);
    else
        adam_step_cpu(F(p->params), F(p->grads), F(p->opt_m), F(p->opt_v), p->n_params, o->lr, o->beta1, o->beta2,
                      o->eps, o->weight_decay, e->step, o->kind == CNNC_OPTIM_ADAMW);
    return CNNC_OK;
}

static cnnc_status cpu_sync(cnnc_engine *e, cnnc_error *err) {
    (void)e; (void)err;
    return CNNC_OK;
}

const cnnc_backend_ops cnnc_cpu_backend = {
    .name = "cpu",
    .workspace_bytes = cpu_workspace_bytes,
    .init = cpu_init,
    .release = cpu_release,
    .upload = cpu_upload,
    .download = cpu_download,
    .memset0 = cpu_memset0,
    .set_dataset = cpu_set_dataset,
    .set_order = cpu_set_order,
    .gather = cpu_gather,
    .forward = cpu_forward,
    .loss = cpu_loss,
    .backward = cpu_backward,
    .optim_step = cpu_optim_step,
    .sync = cpu_sync,
    .profiler = NULL,
};
