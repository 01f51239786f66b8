/* augment.c — the per-epoch augmentation codes of the training gather (augment.h). */
#include "engine/augment.h"

#include <stdlib.h>

#include "engine/engine_internal.h"
#include "engine/rng.h"

void cnnc_augment_codes(int32_t *codes, const int32_t *order, int64_t n, uint64_t seed, int64_t epoch, int32_t pad,
                        int32_t hflip) {
    const uint64_t stream = cnnc_mix64(seed ^ cnnc_mix64((uint64_t)epoch + 0xA06E17ull));
    const uint64_t span = (uint64_t)(2 * pad + 1);
    for (int64_t k = 0; k < n; k++) {
        const uint64_t r = cnnc_mix64(stream + (uint64_t)order[k]);
        const uint64_t ox = (r & 0xFFFFFu) % span, oy = ((r >> 20) & 0xFFFFFu) % span;
        const uint64_t flip = hflip ? r >> 63 : 0;
        codes[k] = CNNC_AUG_CODE((int32_t)ox, (int32_t)oy, (int32_t)flip);
    }
}

static int augments(const cnnc_engine *e) { return e->cfg.augment.crop_pad > 0 || e->cfg.augment.hflip; }

cnnc_status cnnc_augment_check(const cnnc_engine *e, cnnc_error *err) {
    const cnnc_augment *a = &e->cfg.augment;
    if (!augments(e)) return CNNC_OK;
    if (a->crop_pad < 0 || a->crop_pad > CNNC_AUGMENT_MAX_PAD)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "--augment crop=%d: the padding must be 0..%d",
                              (int)a->crop_pad, CNNC_AUGMENT_MAX_PAD);
    const cnnc_shape *s = &e->cfg.sample;
    if (s->ndim != 3)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "--augment crops and flips images: the input must be CxHxW, not %d-d", (int)s->ndim);
    if (a->crop_pad > s->d[1] || a->crop_pad > s->d[2])
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "--augment crop=%d pads more than the %lldx%lld image's side", (int)a->crop_pad,
                              (long long)s->d[1], (long long)s->d[2]);
    if (!e->ops->set_augment)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "the %s backend has no --augment", e->ops->name);
    return CNNC_OK;
}

cnnc_status cnnc_engine_augment_codes_epoch(cnnc_engine *e, uint64_t seed, int64_t epoch, const int32_t **codes,
                                            cnnc_error *err) {
    *codes = NULL;
    if (!augments(e)) return CNNC_OK;
    /* sized as the order, once per epoch, outside the step loop */
    int32_t *c = realloc(e->aug_codes, (size_t)e->order_cap * sizeof(int32_t));
    if (!c) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the augmentation codes");
    e->aug_codes = c;
    cnnc_augment_codes(e->aug_codes, e->order, e->dataset_n[0], seed, epoch, e->cfg.augment.crop_pad,
                       e->cfg.augment.hflip);
    *codes = e->aug_codes;
    return CNNC_OK;
}

cnnc_status cnnc_engine_augment_epoch(cnnc_engine *e, uint64_t seed, int64_t epoch, cnnc_error *err) {
    if (!augments(e)) return CNNC_OK;
    const int64_t n = e->dataset_n[0];
    /* sized as the order (which a larger data set may have grown); once per
     * epoch, outside the step loop */
    int32_t *codes = realloc(e->aug_codes, (size_t)e->order_cap * sizeof(int32_t));
    if (!codes) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the augmentation codes");
    e->aug_codes = codes;
    cnnc_augment_codes(e->aug_codes, e->order, n, seed, epoch, e->cfg.augment.crop_pad, e->cfg.augment.hflip);
    return e->ops->set_augment(e, 0, e->aug_codes, n, err);
}

cnnc_status cnnc_engine_augment_off(cnnc_engine *e, int slot, cnnc_error *err) {
    if (!augments(e)) return CNNC_OK;
    return e->ops->set_augment(e, slot, NULL, 0, err);
}
