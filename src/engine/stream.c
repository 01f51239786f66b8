/* stream.c — a training set streamed from disk (cnnc_engine_set_stream): the
 * engine's side of it, a prefetch pool (prefetch.c) whose batches the backend
 * gathers from host memory. */
#include "cnnc/engine.h"

#include "engine/engine_internal.h"
#include "engine/prefetch.h"

static void *pool_alloc(void *user, size_t bytes) {
    cnnc_engine *e = user;
    return e->ops->host_alloc(e, bytes);
}

static void pool_free(void *user, void *p) {
    cnnc_engine *e = user;
    e->ops->host_free(e, p);
}

void cnnc_engine_drop_stream(cnnc_engine *e) {
    cnnc_prefetch_free(e->stream);
    e->stream = NULL;
}

cnnc_status cnnc_engine_set_stream(cnnc_engine *e, const cnnc_sample_source *src, int workers, int prefetch_factor,
                                   cnnc_error *err) {
    if (!e || !src || !src->read || !src->labels)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_engine_set_stream: bad argument");
    if (!e->ops->gather_host)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "ValueError",
                              "the %s backend cannot stream a training set (it gathers resident sets only): load it "
                              "whole",
                              e->ops->name);
    cnnc_status st = cnnc_engine_check_data(e, src->channels, src->height, src->width, src->n, src->labels, err);
    if (st != CNNC_OK) return st;
    cnnc_engine_drop_stream(e);
    const int pinned = e->ops->host_alloc && e->ops->host_free;
    st = cnnc_prefetch_new(src, workers, prefetch_factor, e->plan.max_batch, pinned ? pool_alloc : NULL,
                           pinned ? pool_free : NULL, e, &e->stream, err);
    if (st != CNNC_OK) return st;
    if (e->ops->stream_ready && (st = e->ops->stream_ready(e, err)) != CNNC_OK) {
        cnnc_engine_drop_stream(e);
        return st;
    }
    /* the backend's resident slot 0 (if any) is no longer what the epoch reads */
    e->dataset_n[0] = src->n;
    e->dataset_labels[0] = src->labels;
    return CNNC_OK;
}

size_t cnnc_engine_stream_bytes(const cnnc_engine *e) { return e ? cnnc_prefetch_bytes(e->stream) : 0; }
