/* ema.c — the weights' exponential moving average (--ema DECAY), as
 * torch.optim.swa_utils.AveragedModel with avg_fn = decay * avg + (1 - decay) *
 * param and use_buffers=True: after every optimizer step each float parameter
 * and buffer is averaged, the first update copying. The averages live in the
 * arena beside what they average (plan.ema mirrors the params region, and
 * plan.ema_buffers the buffers' span), so the update is two flat passes inside
 * the backend's optim_step, and a swap puts the average where evaluation reads. */
#include "engine/engine_internal.h"
#include "cnnc/engine.h"

int cnnc_engine_has_ema(const cnnc_engine *e) { return e && e->plan.ema != CNNC_NO_OFFSET && e->cfg.ema_decay != 0.0; }

double cnnc_engine_ema_decay(const cnnc_engine *e) { return cnnc_engine_has_ema(e) ? e->cfg.ema_decay : 0.0; }

int64_t cnnc_engine_ema_count(const cnnc_engine *e) {
    if (!cnnc_engine_has_ema(e)) return 0;
    return e->step >= e->ema_first_step ? e->step - e->ema_first_step + 1 : 0;
}

void cnnc_engine_set_ema_count(cnnc_engine *e, int64_t n) {
    if (e) e->ema_first_step = e->step + 1 - (n > 0 ? n : 0);
}

/* Arena offset of entry `index`'s average (CNNC_NO_OFFSET: an I64 buffer). */
static size_t ema_offset(const cnnc_engine *e, int32_t index) {
    const size_t off = e->param_offset[index];
    if (off == CNNC_NO_OFFSET) return CNNC_NO_OFFSET;
    if (e->params[index].trainable) return e->plan.ema + (off - e->plan.params);
    return e->plan.ema_buffers + (off - e->plan.buffers);
}

static cnnc_status ema_entry(cnnc_engine *e, int32_t index, const void *p, size_t *off, size_t *bytes,
                             cnnc_error *err) {
    if (!cnnc_engine_has_ema(e))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "the engine keeps no EMA (cfg.ema_decay is 0)");
    if (index < 0 || index >= e->n_param_info || !p)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "IndexError", "parameter index %d out of range", (int)index);
    *off = ema_offset(e, index);
    *bytes = (size_t)e->params[index].numel * sizeof(float);
    return CNNC_OK;
}

cnnc_status cnnc_engine_read_ema(cnnc_engine *e, int32_t index, void *dst, cnnc_error *err) {
    size_t off = CNNC_NO_OFFSET, bytes = 0;
    cnnc_status st = ema_entry(e, index, dst, &off, &bytes, err);
    if (st != CNNC_OK) return st;
    if (off == CNNC_NO_OFFSET) return cnnc_engine_read_param(e, index, dst, err);   /* num_batches_tracked */
    return e->ops->download(e, dst, off, bytes, err);
}

cnnc_status cnnc_engine_write_ema(cnnc_engine *e, int32_t index, const void *src, cnnc_error *err) {
    size_t off = CNNC_NO_OFFSET, bytes = 0;
    cnnc_status st = ema_entry(e, index, src, &off, &bytes, err);
    if (st != CNNC_OK) return st;
    if (off == CNNC_NO_OFFSET) return CNNC_OK;   /* the model's own count stands */
    return e->ops->upload(e, off, src, bytes, err);
}

cnnc_status cnnc_engine_swap_ema(cnnc_engine *e, cnnc_error *err) {
    if (!cnnc_engine_has_ema(e))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "the engine keeps no EMA (cfg.ema_decay is 0)");
    cnnc_status st = e->ops->swap(e, e->plan.ema, e->plan.params, e->plan.n_params, err);
    if (st == CNNC_OK && e->plan.buffers_bytes)
        st = e->ops->swap(e, e->plan.ema_buffers, e->plan.buffers, (int64_t)(e->plan.buffers_bytes / sizeof(float)), err);
    return st;
}
