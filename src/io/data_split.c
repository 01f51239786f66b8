/* data_split.c — holding out a validation set (train --val-split N). */
#include "cnnc/io.h"

#include <stdlib.h>
#include <string.h>

#include "cnnc/rng.h"

cnnc_status cnnc_data_hold_out(cnnc_data_set *train, int64_t count, uint64_t seed, cnnc_dataset *val,
                               cnnc_error *err) {
    memset(val, 0, sizeof *val);
    if (!train || count < 1 || count >= train->n)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "--val-split %lld: hold out 1 to %lld of the %lld training images", (long long)count,
                              (long long)(train ? train->n - 1 : 0), (long long)(train ? train->n : 0));
    const int64_t n = train->n, pixels = (int64_t)train->channels * train->height * train->width;
    /* which: the first `count` positions of a seeded Fisher-Yates shuffle of 0..n-1 */
    int32_t *perm = malloc((size_t)n * sizeof *perm);
    uint8_t *held = malloc((size_t)n);
    uint8_t *tail = malloc((size_t)(count * pixels));
    uint8_t *tail_labels = malloc((size_t)count);
    if (!perm || !held || !tail || !tail_labels) {
        free(perm), free(held), free(tail), free(tail_labels);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the validation split of %lld images",
                              (long long)count);
    }
    for (int64_t i = 0; i < n; i++) perm[i] = (int32_t)i;
    const uint64_t stream = cnnc_mix64(seed ^ 0x7A11DA7Eull);
    for (int64_t i = n - 1; i > 0; i--) {
        const int64_t j = (int64_t)(cnnc_mix64(stream + (uint64_t)i) % (uint64_t)(i + 1));
        const int32_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    memset(held, 0, (size_t)n);
    for (int64_t k = 0; k < count; k++) held[perm[k]] = 1;
    /* kept images first, held-out ones after, each in their original order */
    int64_t kept = 0, out = 0;
    for (int64_t i = 0; i < n; i++) {
        const uint8_t *src = train->images + i * pixels;
        if (held[i]) {
            memcpy(tail + out * pixels, src, (size_t)pixels);
            tail_labels[out++] = train->labels[i];
        } else {
            if (kept != i) memmove(train->images + kept * pixels, src, (size_t)pixels);
            train->labels[kept++] = train->labels[i];
        }
    }
    memcpy(train->images + kept * pixels, tail, (size_t)(count * pixels));
    memcpy(train->labels + kept, tail_labels, (size_t)count);
    free(perm), free(held), free(tail), free(tail_labels);
    train->n = kept;
    val->images = train->images + kept * pixels;
    val->labels = train->labels + kept;
    val->n = count;
    val->channels = train->channels;
    val->height = train->height;
    val->width = train->width;
    return CNNC_OK;
}
