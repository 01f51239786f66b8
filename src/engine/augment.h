/* augment.h — augmentation in the training gather (--augment crop=P,hflip): what
 * the engine gives the backends' gathers, and how it makes it (internal).
 *
 * Each position k of an epoch's order gets one int32 code, drawn on the host when
 * the order is made and handed over with it (set_augment), so the CPU gather and
 * the CUDA gather kernel read identical codes and a captured CUDA graph needs
 * nothing new per step. A code holds the crop's offset in the padded image, ox
 * and oy in 0..2P (bits 0-11 and 12-23), and the flip (bit 24). Output pixel
 * (c, y, x) of sample k is, as RandomCrop(padding=P) then RandomHorizontalFlip():
 *     xs = flip ? W-1-x : x;  sy = y + oy - P;  sx = xs + ox - P;
 *     value = (0 <= sy < H && 0 <= sx < W) ? image[c][sy][sx] : 0   (zero padding)
 * then normalised as every gather does: (value/255 - mean)/std. */
#ifndef CNNC_ENGINE_AUGMENT_H
#define CNNC_ENGINE_AUGMENT_H

#include <stdint.h>

#include "cnnc/status.h"

#define CNNC_AUG_OX(code) ((int32_t)((code) & 0xFFF))
#define CNNC_AUG_OY(code) ((int32_t)(((code) >> 12) & 0xFFF))
#define CNNC_AUG_FLIP(code) ((int32_t)(((code) >> 24) & 1))
#define CNNC_AUG_CODE(ox, oy, flip) ((int32_t)((ox) | ((oy) << 12) | ((flip) << 24)))

#ifdef __cplusplus
extern "C" {
#endif

struct cnnc_engine;

/* The codes of sample order[k] for k < n: offsets uniform in 0..2*pad, flip with
 * probability 1/2 when hflip, from (seed, epoch, order[k]) alone (the sample's
 * index in the data set), so they do not depend on the batch size or on where a
 * resumed epoch starts. */
void cnnc_augment_codes(int32_t *codes, const int32_t *order, int64_t n, uint64_t seed, int64_t epoch, int32_t pad,
                        int32_t hflip);
/* Before a training epoch's gathers on slot 0: the epoch's codes to the backend
 * (nothing when the engine does not augment). */
cnnc_status cnnc_engine_augment_epoch(struct cnnc_engine *e, uint64_t seed, int64_t epoch, cnnc_error *err);
/* The codes of the epoch's training order in *codes (NULL when the engine does
 * not augment), for a streamed set whose batches carry their own codes. */
cnnc_status cnnc_engine_augment_codes_epoch(struct cnnc_engine *e, uint64_t seed, int64_t epoch,
                                            const int32_t **codes, cnnc_error *err);
/* Before evaluation gathers on `slot`: no augmentation. */
cnnc_status cnnc_engine_augment_off(struct cnnc_engine *e, int slot, cnnc_error *err);
/* The engine's configuration checked against its input (at creation). */
cnnc_status cnnc_augment_check(const struct cnnc_engine *e, cnnc_error *err);

#ifdef __cplusplus
}
#endif
#endif
