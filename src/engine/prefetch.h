/* prefetch.h — the bounded pool of batch buffers a streamed training set is read
 * into by worker threads, ahead of the step that needs it (internal).
 *
 * As PyTorch's DataLoader: W workers, each keeping up to K batches in flight, so
 * the pool is W x K buffers of one batch each (W = 0: one buffer, filled by the
 * caller in cnnc_prefetch_next). Batch b of an epoch lives in buffer b % (W x K)
 * and is claimed by the next free worker once batch b - W x K has been released,
 * so memory never exceeds the pool however large the set is. Every buffer is
 * allocated when the pool is made; an epoch allocates nothing but its threads. */
#ifndef CNNC_ENGINE_PREFETCH_H
#define CNNC_ENGINE_PREFETCH_H

#include <stddef.h>
#include <stdint.h>

#include "cnnc/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cnnc_prefetch cnnc_prefetch;

/* One batch ready for the gather: n samples in batch order. */
typedef struct cnnc_prefetch_batch {
    const uint8_t *images;       /* n x pixels */
    const uint8_t *labels;       /* n */
    const int32_t *codes;        /* n augmentation codes, or NULL */
    int64_t n;
} cnnc_prefetch_batch;

/* host_alloc/host_free (may be NULL: malloc/free) allocate the buffers, e.g.
 * page-locked for a device's asynchronous copies; `user` goes to both. */
typedef void *(*cnnc_prefetch_alloc_fn)(void *user, size_t bytes);
typedef void (*cnnc_prefetch_free_fn)(void *user, void *p);

cnnc_status cnnc_prefetch_new(const cnnc_sample_source *src, int workers, int prefetch_factor, int64_t max_batch,
                              cnnc_prefetch_alloc_fn host_alloc, cnnc_prefetch_free_fn host_free, void *user,
                              cnnc_prefetch **out, cnnc_error *err);
/* Stops any epoch (joins its workers) and frees every buffer. */
void cnnc_prefetch_free(cnnc_prefetch *p);
/* The pool's buffer bytes. */
size_t cnnc_prefetch_bytes(const cnnc_prefetch *p);
/* Begin reading an epoch: batches first_step.. of `order` (n samples, `batch` a
 * step, the last one partial), with codes[k] the augmentation code of position k
 * (NULL: none). order and codes are borrowed until cnnc_prefetch_stop. Starts the
 * workers; on failure none is left running. */
cnnc_status cnnc_prefetch_start(cnnc_prefetch *p, const int32_t *order, const int32_t *codes, int64_t n,
                                int64_t batch, int64_t first_step, cnnc_error *err);
/* Step `step`'s batch (steps are taken in order), waiting until it is read. A
 * read error is returned as the source gave it (naming the file and the sample),
 * with the step and sample position added as the hint. */
cnnc_status cnnc_prefetch_next(cnnc_prefetch *p, int64_t step, cnnc_prefetch_batch *out, cnnc_error *err);
/* Hand step `step`'s buffer back for a later batch. */
void cnnc_prefetch_release(cnnc_prefetch *p, int64_t step);
/* End the epoch: workers stop after the sample they are reading and are joined.
 * Safe to call when no epoch runs. */
void cnnc_prefetch_stop(cnnc_prefetch *p);

#ifdef __cplusplus
}
#endif
#endif
