/* prefetch.c — the streamed training set's pool of batch buffers and the worker
 * threads that fill them (prefetch.h). One mutex guards every slot's state; the
 * reads themselves run outside it. */
#include "engine/prefetch.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SLOT_FREE, SLOT_FILLING, SLOT_READY };

typedef struct slot {
    uint8_t *images, *labels;
    int32_t *codes;
    int64_t batch;               /* the step it holds or is being filled with (-1: none) */
    int64_t turn;                /* the only step it may take next (so a later step never jumps ahead of an
                                  * earlier one waiting for the same buffer) */
    int64_t n;
    int state;
    cnnc_status status;          /* of the fill (READY with an error: the read failed) */
    cnnc_error err;
} slot;

struct cnnc_prefetch {
    cnnc_sample_source src;
    int workers, n_slots;
    int64_t max_batch, pixels;
    slot *slots;
    cnnc_prefetch_free_fn host_free;
    void *user;
    size_t bytes;
    /* the epoch in progress */
    const int32_t *order, *codes;
    int64_t n, batch, steps, next_fill;
    pthread_t *threads;
    int n_threads;               /* started and not yet joined */
    atomic_int stop;
    pthread_mutex_t mu;
    pthread_cond_t ready, freed; /* a slot became READY; a slot became FREE (or stop) */
};

static void *alloc_default(void *user, size_t bytes) {
    (void)user;
    return malloc(bytes);
}

static void free_default(void *user, void *p) {
    (void)user;
    free(p);
}

cnnc_status cnnc_prefetch_new(const cnnc_sample_source *src, int workers, int prefetch_factor, int64_t max_batch,
                              cnnc_prefetch_alloc_fn host_alloc, cnnc_prefetch_free_fn host_free, void *user,
                              cnnc_prefetch **out, cnnc_error *err) {
    *out = NULL;
    if (workers < 0 || workers > CNNC_STREAM_MAX_WORKERS || (workers > 0 && (prefetch_factor < 1 ||
                                                                             prefetch_factor > CNNC_STREAM_MAX_PREFETCH)))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "streaming needs 0..%d workers and a prefetch factor of 1..%d, got %d and %d",
                              CNNC_STREAM_MAX_WORKERS, CNNC_STREAM_MAX_PREFETCH, workers, prefetch_factor);
    if (!host_alloc || !host_free) host_alloc = alloc_default, host_free = free_default;
    cnnc_prefetch *p = calloc(1, sizeof *p);
    if (!p) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the prefetch pool");
    p->src = *src;
    p->workers = workers;
    p->n_slots = workers > 0 ? workers * prefetch_factor : 1;
    p->max_batch = max_batch;
    p->pixels = (int64_t)src->channels * src->height * src->width;
    p->host_free = host_free;
    p->user = user;
    atomic_init(&p->stop, 0);
    int mu_ok = pthread_mutex_init(&p->mu, NULL) == 0;
    int ready_ok = mu_ok && pthread_cond_init(&p->ready, NULL) == 0;
    int freed_ok = ready_ok && pthread_cond_init(&p->freed, NULL) == 0;
    if (!freed_ok) {
        if (ready_ok) pthread_cond_destroy(&p->ready);
        if (mu_ok) pthread_mutex_destroy(&p->mu);
        free(p);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot make the prefetch pool's locks");
    }
    p->slots = calloc((size_t)p->n_slots, sizeof *p->slots);
    p->threads = workers > 0 ? calloc((size_t)workers, sizeof *p->threads) : NULL;
    cnnc_status st = p->slots && (workers == 0 || p->threads)
                         ? CNNC_OK
                         : cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the prefetch pool");
    const size_t img = (size_t)max_batch * (size_t)p->pixels, lab = (size_t)max_batch,
                 cod = (size_t)max_batch * sizeof(int32_t);
    for (int k = 0; st == CNNC_OK && k < p->n_slots; k++) {
        slot *s = &p->slots[k];
        s->batch = -1;
        s->images = host_alloc(user, img);
        s->labels = host_alloc(user, lab);
        s->codes = host_alloc(user, cod);
        if (!s->images || !s->labels || !s->codes)
            st = cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError",
                                "cannot allocate %d prefetch buffers of %zu bytes (a batch of %lld samples; lower "
                                "--workers, --prefetch-factor or --batch)",
                                p->n_slots, img + lab + cod, (long long)max_batch);
    }
    p->bytes = (size_t)p->n_slots * (img + lab + cod);
    if (st != CNNC_OK) {
        cnnc_prefetch_free(p);
        return st;
    }
    *out = p;
    return CNNC_OK;
}

size_t cnnc_prefetch_bytes(const cnnc_prefetch *p) { return p ? p->bytes : 0; }

/* Read step b's samples into s (outside the lock); stops early when asked to. */
static void fill(cnnc_prefetch *p, slot *s, int64_t b) {
    const int64_t start = b * p->batch, n = p->n - start < p->batch ? p->n - start : p->batch;
    s->n = n;
    s->status = CNNC_OK;
    for (int64_t k = 0; k < n; k++) {
        if (atomic_load(&p->stop)) break;   /* the batch is abandoned: nobody reads it */
        const int32_t idx = p->order[start + k];
        cnnc_error_clear(&s->err);
        s->status = p->src.read(p->src.ctx, idx, s->images + k * p->pixels, &s->err);
        if (s->status != CNNC_OK) {
            snprintf(s->err.hint, sizeof s->err.hint,
                     "streamed training sample %d (position %lld of the epoch's order, step %lld); training stopped "
                     "there, the last checkpoint saved is unchanged",
                     (int)idx, (long long)(start + k), (long long)b + 1);
            return;
        }
        s->labels[k] = p->src.labels[idx];
        if (p->codes) s->codes[k] = p->codes[start + k];
    }
}

static void *worker(void *arg) {
    cnnc_prefetch *p = arg;
    pthread_mutex_lock(&p->mu);
    while (!atomic_load(&p->stop) && p->next_fill < p->steps) {
        const int64_t b = p->next_fill++;
        slot *s = &p->slots[b % p->n_slots];
        /* its previous batch (b - n_slots) must have been released */
        while (!atomic_load(&p->stop) && !(s->state == SLOT_FREE && s->turn == b))
            pthread_cond_wait(&p->freed, &p->mu);
        if (atomic_load(&p->stop)) break;
        s->state = SLOT_FILLING;
        s->batch = b;
        pthread_mutex_unlock(&p->mu);
        fill(p, s, b);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_READY;
        pthread_cond_broadcast(&p->ready);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

cnnc_status cnnc_prefetch_start(cnnc_prefetch *p, const int32_t *order, const int32_t *codes, int64_t n,
                                int64_t batch, int64_t first_step, cnnc_error *err) {
    cnnc_prefetch_stop(p);
    if (batch <= 0 || batch > p->max_batch)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "stream: batch %lld out of range (1 to %lld)",
                              (long long)batch, (long long)p->max_batch);
    p->order = order;
    p->codes = codes;
    p->n = n;
    p->batch = batch;
    p->steps = (n + batch - 1) / batch;
    p->next_fill = first_step;
    atomic_store(&p->stop, 0);
    for (int k = 0; k < p->n_slots; k++) p->slots[k].state = SLOT_FREE, p->slots[k].batch = -1;
    for (int64_t b = first_step; b < first_step + p->n_slots; b++) p->slots[b % p->n_slots].turn = b;
    for (int w = 0; w < p->workers; w++) {
        int rc = pthread_create(&p->threads[w], NULL, worker, p);
        if (rc != 0) {
            cnnc_prefetch_stop(p);
            return cnnc_error_set(err, CNNC_ERR_NOMEM, "OSError", "cannot start data-loading worker %d of %d: %s", w + 1,
                                  p->workers, strerror(rc));
        }
        p->n_threads++;
    }
    return CNNC_OK;
}

cnnc_status cnnc_prefetch_next(cnnc_prefetch *p, int64_t step, cnnc_prefetch_batch *out, cnnc_error *err) {
    slot *s = &p->slots[step % p->n_slots];
    if (p->workers == 0) {
        /* num_workers=0: the training thread reads the batch itself */
        s->batch = step;
        fill(p, s, step);
        s->state = SLOT_READY;
    } else {
        pthread_mutex_lock(&p->mu);
        while (!(s->batch == step && s->state == SLOT_READY)) pthread_cond_wait(&p->ready, &p->mu);
        pthread_mutex_unlock(&p->mu);
    }
    if (s->status != CNNC_OK) {
        if (err) *err = s->err;
        return s->status;
    }
    out->images = s->images;
    out->labels = s->labels;
    out->codes = p->codes ? s->codes : NULL;
    out->n = s->n;
    return CNNC_OK;
}

void cnnc_prefetch_release(cnnc_prefetch *p, int64_t step) {
    slot *s = &p->slots[step % p->n_slots];
    pthread_mutex_lock(&p->mu);
    s->state = SLOT_FREE;
    s->turn = step + p->n_slots;
    pthread_cond_broadcast(&p->freed);
    pthread_mutex_unlock(&p->mu);
}

void cnnc_prefetch_stop(cnnc_prefetch *p) {
    if (!p || p->n_threads == 0) return;
    pthread_mutex_lock(&p->mu);
    atomic_store(&p->stop, 1);
    pthread_cond_broadcast(&p->freed);
    pthread_mutex_unlock(&p->mu);
    for (int w = 0; w < p->n_threads; w++) pthread_join(p->threads[w], NULL);
    p->n_threads = 0;
}

void cnnc_prefetch_free(cnnc_prefetch *p) {
    if (!p) return;
    cnnc_prefetch_stop(p);
    for (int k = 0; p->slots && k < p->n_slots; k++) {
        slot *s = &p->slots[k];
        if (s->images) p->host_free(p->user, s->images);
        if (s->labels) p->host_free(p->user, s->labels);
        if (s->codes) p->host_free(p->user, s->codes);
    }
    free(p->slots);
    free(p->threads);
    pthread_cond_destroy(&p->ready);
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->mu);
    free(p);
}
