/* params.c — an engine's parameters and optimizer state: PyTorch's init from
 * each layer's definition, state_dict-order access for checkpoints, the Adam
 * moments, and BatchNorm's running-average factor. */
#include "engine/engine_internal.h"

#include <stdlib.h>
#include <string.h>

#include "engine/rng.h"
#include "layers/layer_def.h"

cnnc_status cnnc_engine_init_params(cnnc_engine *e, uint64_t seed, cnnc_error *err) {
    int64_t biggest = 1;
    for (int32_t i = 0; i < e->n_param_info; i++)
        if (e->params[i].numel > biggest) biggest = e->params[i].numel;
    float *host = malloc((size_t)biggest * sizeof(float));
    if (!host) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate %lld floats for init", (long long)biggest);
    cnnc_status st = CNNC_OK;
    /* Each entry's init comes from its layer's definition, in state_dict order. */
    int32_t li = -1, k = 0, n_desc = 0;
    cnnc_param_desc desc[CNNC_LAYER_MAX_PARAMS];
    for (int32_t i = 0; i < e->n_param_info && st == CNNC_OK; i++) {
        const cnnc_param_info *pi = &e->params[i];
        if (pi->layer_index != li) {
            li = pi->layer_index;
            const cnnc_layer *layer = &e->model->layers[li];
            n_desc = cnnc_layer_def_of(layer->kind)->params(layer, desc);
            k = 0;
        }
        const cnnc_param_desc *d = k < n_desc ? &desc[k++] : NULL;
        if (pi->role == CNNC_P_NUM_BATCHES) { e->num_batches_tracked[li] = 0; continue; }
        const int uniform = d && d->init == CNNC_INIT_UNIFORM;
        const float v = d ? d->init_value : 0.0f;
        uint64_t stream = cnnc_mix64(seed * 0x100000001B3ull + (uint64_t)i);
        for (int64_t j = 0; j < pi->numel; j++)
            host[j] = uniform ? (2.0f * cnnc_uniform01(stream, (uint64_t)j) - 1.0f) * v : v;
        st = e->ops->upload(e, e->param_offset[i], host, (size_t)pi->numel * sizeof(float), err);
    }
    free(host);
    if (st != CNNC_OK) return st;
    size_t pbytes = (size_t)e->plan.n_params * sizeof(float);
    if (pbytes) {
        if ((st = e->ops->memset0(e, e->plan.grads, pbytes, err)) != CNNC_OK) return st;
        if ((st = e->ops->memset0(e, e->plan.opt_m, pbytes, err)) != CNNC_OK) return st;
        if ((st = e->ops->memset0(e, e->plan.opt_v, pbytes, err)) != CNNC_OK) return st;
        if (e->plan.opt_u != CNNC_NO_OFFSET && (st = e->ops->memset0(e, e->plan.opt_u, pbytes, err)) != CNNC_OK)
            return st;
    }
    e->step = 0;
    e->dropout_calls = 0;
    return CNNC_OK;
}

int32_t cnnc_engine_param_count(const cnnc_engine *e) { return e ? e->n_param_info : 0; }

const cnnc_param_info *cnnc_engine_param(const cnnc_engine *e, int32_t index) {
    if (!e || index < 0 || index >= e->n_param_info) return NULL;
    return &e->params[index];
}

int32_t cnnc_engine_param_find(const cnnc_engine *e, const char *name) {
    if (!e || !name) return -1;
    for (int32_t i = 0; i < e->n_param_info; i++)
        if (strcmp(e->params[i].name, name) == 0) return i;
    return -1;
}

static cnnc_status bad_index(cnnc_error *err, int32_t index) {
    return cnnc_error_set(err, CNNC_ERR_USAGE, "IndexError", "parameter index %d out of range", index);
}

cnnc_status cnnc_engine_read_param(cnnc_engine *e, int32_t index, void *dst, cnnc_error *err) {
    if (!e || index < 0 || index >= e->n_param_info || !dst) return bad_index(err, index);
    const cnnc_param_info *pi = &e->params[index];
    if (pi->role == CNNC_P_NUM_BATCHES) {
        memcpy(dst, &e->num_batches_tracked[pi->layer_index], sizeof(int64_t));
        return CNNC_OK;
    }
    return e->ops->download(e, dst, e->param_offset[index], (size_t)pi->numel * sizeof(float), err);
}

cnnc_status cnnc_engine_write_param(cnnc_engine *e, int32_t index, const void *src, cnnc_error *err) {
    if (!e || index < 0 || index >= e->n_param_info || !src) return bad_index(err, index);
    const cnnc_param_info *pi = &e->params[index];
    if (pi->role == CNNC_P_NUM_BATCHES) {
        memcpy(&e->num_batches_tracked[pi->layer_index], src, sizeof(int64_t));
        return CNNC_OK;
    }
    return e->ops->upload(e, e->param_offset[index], src, (size_t)pi->numel * sizeof(float), err);
}

cnnc_status cnnc_engine_read_grad(cnnc_engine *e, int32_t index, float *dst, cnnc_error *err) {
    if (!e || index < 0 || index >= e->n_param_info || !dst) return bad_index(err, index);
    if (e->grad_offset[index] == CNNC_NO_OFFSET)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "%s has no gradient (it is a buffer)", e->params[index].name);
    return e->ops->download(e, dst, e->grad_offset[index], (size_t)e->params[index].numel * sizeof(float), err);
}

int64_t cnnc_engine_trainable_floats(const cnnc_engine *e) { return e ? e->plan.n_params : 0; }

cnnc_status cnnc_engine_read_optim_state(cnnc_engine *e, float *m, float *v, int64_t *step, cnnc_error *err) {
    size_t bytes = (size_t)e->plan.n_params * sizeof(float);
    cnnc_status st = CNNC_OK;
    if (m && bytes) st = e->ops->download(e, m, e->plan.opt_m, bytes, err);
    if (st == CNNC_OK && v && bytes) st = e->ops->download(e, v, e->plan.opt_v, bytes, err);
    if (step) *step = e->step;
    return st;
}

cnnc_status cnnc_engine_write_optim_state(cnnc_engine *e, const float *m, const float *v, int64_t step, cnnc_error *err) {
    size_t bytes = (size_t)e->plan.n_params * sizeof(float);
    cnnc_status st = CNNC_OK;
    if (m && bytes) st = e->ops->upload(e, e->plan.opt_m, m, bytes, err);
    if (st == CNNC_OK && v && bytes) st = e->ops->upload(e, e->plan.opt_v, v, bytes, err);
    if (st == CNNC_OK) {
        e->step = step;
        e->ema_first_step = step + 1;   /* an average not restored with it starts over (cnnc_engine_set_ema_count) */
    }
    return st;
}

float cnnc_engine_bn_factor(struct cnnc_engine *e, int32_t layer) {
    const cnnc_batchnorm2d_params *bn = &e->model->layers[layer].p.bn;
    if (!bn->track_running_stats) return 0.0f;
    int64_t t = ++e->num_batches_tracked[layer];
    return bn->momentum_none ? 1.0f / (float)t : (float)bn->momentum;
}
