/* train.c — the epoch and evaluation loops over resident data sets. Inside
 * the step loop there is no allocation and no host<->device copy: the order
 * is uploaded once per epoch, and metrics are read back once per interval. */
#include "engine/engine_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/dist_internal.h"
#include "engine/augment.h"
#include "engine/prefetch.h"
#include "engine/rng.h"

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A data set's shape, size and labels against the model (resident or streamed),
 * and the host order sized for it. */
cnnc_status cnnc_engine_check_data(cnnc_engine *e, int32_t channels, int32_t height, int32_t width, int64_t n,
                                   const uint8_t *labels, cnnc_error *err) {
    int64_t pixels = (int64_t)channels * height * width;
    const cnnc_shape *s = &e->plan.sample;
    int match = pixels == e->plan.sample_numel;
    if (match && s->ndim == 3) match = s->d[0] == channels && s->d[1] == height && s->d[2] == width;
    if (!match) {
        char want[96];
        cnnc_shape_format(s, want, sizeof want);
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                              "data set samples are %dx%dx%d but the model takes input %s per sample",
                              channels, height, width, want);
    }
    if (n <= 0 || n > INT32_MAX)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "data set size %lld out of range", (long long)n);
    for (int64_t i = 0; i < n; i++)
        if ((int64_t)labels[i] >= e->plan.n_classes)
            return cnnc_error_set(err, CNNC_ERR_SHAPE, "IndexError", "Target %d is out of bounds.", labels[i]);
    if (n > e->order_cap) {
        int32_t *o = realloc(e->order, (size_t)n * sizeof(int32_t));
        if (!o) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the sample order");
        e->order = o;
        e->order_cap = n;
    }
    return CNNC_OK;
}

cnnc_status cnnc_engine_set_dataset(cnnc_engine *e, int slot, const cnnc_dataset *ds, cnnc_error *err) {
    if (!e || !ds || slot < 0 || slot > 1)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_engine_set_dataset: bad argument");
    cnnc_status st = cnnc_engine_check_data(e, ds->channels, ds->height, ds->width, ds->n, ds->labels, err);
    if (st != CNNC_OK) return st;
    int64_t pixels = (int64_t)ds->channels * ds->height * ds->width;
    st = e->ops->set_dataset(e, slot, ds->images, ds->labels, ds->n, pixels, err);
    if (st != CNNC_OK) return st;
    if (slot == 0) cnnc_engine_drop_stream(e);   /* resident now */
    e->dataset_n[slot] = ds->n;
    e->dataset_labels[slot] = ds->labels;
    return CNNC_OK;
}

/* Seeded Fisher-Yates: the same (seed, epoch) gives the same order everywhere. */
static void shuffle_order(int32_t *order, int64_t n, uint64_t seed, int64_t epoch) {
    for (int64_t i = 0; i < n; i++) order[i] = (int32_t)i;
    uint64_t stream = cnnc_mix64(seed ^ cnnc_mix64((uint64_t)epoch + 0x5EED));
    for (int64_t i = n - 1; i > 0; i--) {
        uint64_t r = cnnc_mix64(stream + (uint64_t)i);
        int64_t j = (int64_t)(r % (uint64_t)(i + 1));
        int32_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}

static cnnc_shape sample_batch(const cnnc_engine *e, int64_t n) {
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = e->plan.sample.ndim + 1;
    s.d[0] = n;
    for (int i = 0; i < e->plan.sample.ndim; i++) s.d[i + 1] = e->plan.sample.d[i];
    return s;
}

/* Epoch statistics from the metrics block (loss sum, correct, count). */
static void fill_stats(cnnc_epoch_stats *stats, const float m[4], int64_t samples, double seconds) {
    if (!stats) return;
    stats->loss = m[2] > 0 ? m[0] / m[2] : NAN;
    stats->accuracy = m[2] > 0 ? m[1] / m[2] : 0.0;
    stats->samples = samples;
    stats->seconds = seconds;
    stats->images_per_s = seconds > 0 ? (double)samples / seconds : 0.0;
}

/* The metrics block; in a data-parallel run, summed over ranks. */
static cnnc_status read_metrics(cnnc_engine *e, float m[4], cnnc_error *err) {
    cnnc_status st = e->ops->download(e, m, e->plan.metrics, 4 * sizeof(float), err);
    if (st == CNNC_OK && e->comm) st = cnnc_dist_sum_metrics(e, m, err);
    return st;
}

/* One op-by-op training step on samples [start, start + n) of the order. In a
 * data-parallel run this rank runs its slice with the loss's mean over all n,
 * and the gradients are summed over ranks before the optimizer step (a rank
 * with an empty slice adds zeros). */
/* This rank's part [*lo, *lo + *count) of samples [start, start + n), the loss's
 * mean over the global n, and the shapes set for the part (data-parallel; one
 * process: all of it, shapes set by the caller). */
static cnnc_status rank_part(cnnc_engine *e, int64_t start, int64_t n, int64_t *lo, int64_t *count, cnnc_error *err) {
    *lo = start;
    *count = n;
    if (e->comm) cnnc_dist_slice(e, start, n, lo, count);
    e->loss_mean_over = e->comm ? n : 0;
    if (!e->comm || *count == 0) return CNNC_OK;
    cnnc_shape xs = sample_batch(e, *count);
    return cnnc_engine_prepare_batch(e, &xs, 1, err);
}

static cnnc_status step_by_ops(cnnc_engine *e, int64_t start, int64_t n, int gathered, cnnc_error *err) {
    int64_t lo, count;
    cnnc_status st = rank_part(e, start, n, &lo, &count, err);
    if (st != CNNC_OK) return st;
    if (count > 0) {
        if (!gathered && (st = e->ops->gather(e, 0, lo, count, err)) != CNNC_OK) return st;
        if ((st = cnnc_engine_run_forward(e, count, 1, err)) != CNNC_OK) return st;
        if ((st = e->ops->loss(e, count, 1, err)) != CNNC_OK) return st;
        if ((st = cnnc_engine_run_backward(e, count, err)) != CNNC_OK) return st;
    } else if ((st = e->ops->memset0(e, e->plan.grads, (size_t)e->plan.n_params * sizeof(float), err)) != CNNC_OK) {
        return st;
    }
    if (e->comm && (st = cnnc_dist_sum_grads(e, err)) != CNNC_OK) return st;
    e->step++;
    return e->ops->optim_step(e, err);
}

/* A data-parallel step over NCCL in one call: this rank's slice, gathered on
 * the device, as a replayed graph whose bucketed sums are part of it (their
 * collectives run at each replay, in the same order on every rank). A rank with
 * an empty slice runs the step op by op: the same sums, of zeros. */
static cnnc_status dist_whole_step(cnnc_engine *e, int64_t start, int64_t n, cnnc_error *err) {
    int64_t lo, count;
    cnnc_status st = rank_part(e, start, n, &lo, &count, err);
    if (st != CNNC_OK) return st;
    if (count == 0) return step_by_ops(e, start, n, 0, err);
    e->step++;
    return e->ops->train_step(e, 0, lo, count, err);
}

static cnnc_status train_steps(cnnc_engine *e, int64_t batch, uint64_t shuffle_seed, int64_t epoch,
                               int64_t first_step, int64_t steps, float *scratch, cnnc_progress_fn progress,
                               void *user, int64_t every, cnnc_epoch_stats *stats, cnnc_error *err);

/* A streamed step's batch from the pool into input/labels; its buffer goes back
 * to the pool once the backend no longer reads it. A backend that copies
 * asynchronously (host_done) keeps it one step longer: step s waits for the copy
 * of step s-1 only, which ran before s-1's compute, so the host stays a step
 * ahead of the device. (The epoch's last buffer: cnnc_engine_train_epoch_from.) */
static cnnc_status stream_gather(cnnc_engine *e, int64_t step, int64_t first_step, int64_t n, cnnc_error *err) {
    const int deferred = e->ops->host_done != NULL;
    cnnc_status st = CNNC_OK;
    if (deferred && step > first_step) {
        if ((st = e->ops->host_done(e, err)) != CNNC_OK) return st;
        cnnc_prefetch_release(e->stream, step - 1);
    }
    cnnc_prefetch_batch b;
    if ((st = cnnc_prefetch_next(e->stream, step, &b, err)) != CNNC_OK) return st;
    if (b.n != n) st = cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "stream: step %lld has %lld samples, not %lld",
                                      (long long)step + 1, (long long)b.n, (long long)n);
    if (st == CNNC_OK) st = e->ops->gather_host(e, b.images, b.labels, b.codes, n, err);
    if (!deferred || st != CNNC_OK) cnnc_prefetch_release(e->stream, step);
    return st;
}

/* Host scratch big enough for any one region the anomaly checks read. */
static float *anomaly_scratch(const cnnc_engine *e) {
    int64_t biggest = e->plan.max_batch * e->plan.n_classes;
    for (int32_t l = 0; l < e->model->n_layers; l++)
        if (e->shapes_max[l].out_numel > biggest) biggest = e->shapes_max[l].out_numel;
    for (int32_t i = 0; i < e->n_param_info; i++)
        if (e->params[i].numel > biggest) biggest = e->params[i].numel;
    return malloc((size_t)biggest * sizeof(float));
}

cnnc_status cnnc_engine_train_epoch(cnnc_engine *e, int64_t batch, uint64_t shuffle_seed, int64_t epoch,
                                    cnnc_progress_fn progress, void *user, int64_t every,
                                    cnnc_epoch_stats *stats, cnnc_error *err) {
    return cnnc_engine_train_epoch_from(e, batch, shuffle_seed, epoch, 0, progress, user, every, stats, err);
}

cnnc_status cnnc_engine_train_epoch_from(cnnc_engine *e, int64_t batch, uint64_t shuffle_seed, int64_t epoch,
                                         int64_t first_step, cnnc_progress_fn progress, void *user, int64_t every,
                                         cnnc_epoch_stats *stats, cnnc_error *err) {
    const int64_t N = e->dataset_n[0];
    if (N <= 0) return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "no training set has been set");
    if (batch <= 0 || batch > e->plan.max_batch)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "batch %lld out of range (1 to %lld)",
                              (long long)batch, (long long)e->plan.max_batch);
    if (every <= 0) every = 50;
    const int64_t steps = (N + batch - 1) / batch;
    if (e->comm && e->sync_bn && (batch < e->comm->size || (N % batch != 0 && N % batch < e->comm->size)))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "--sync-bn needs a sample on every rank in every batch: %d ranks, batch %lld, and %lld "
                              "training samples leave a %s of %lld",
                              e->comm->size, (long long)batch, (long long)N,
                              batch < e->comm->size ? "batch" : "last batch",
                              (long long)(batch < e->comm->size ? batch : N % batch));
    if (e->stream && e->comm)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "ValueError",
                              "a streamed training set cannot be trained data-parallel yet (mpirun/srun): load it "
                              "whole, or train in one process");
    if (first_step < 0 || first_step > steps)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cannot resume at step %lld of an epoch of %lld steps",
                              (long long)first_step, (long long)steps);
    float *scratch = NULL;
    if (e->cfg.detect_anomaly && !(scratch = anomaly_scratch(e)))
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the --detect-anomaly buffer");
    e->anomaly_host = scratch;   /* the layer loop checks every output and gradient (run.c) */
    e->anomaly_epoch = epoch;
    cnnc_status st = train_steps(e, batch, shuffle_seed, epoch, first_step, steps, scratch, progress, user, every,
                                 stats, err);
    if (e->stream) {
        /* every way out of the epoch: no copy still reads a pool buffer, and the workers are joined */
        cnnc_error later;   /* its failure is the epoch's only when the epoch itself went well */
        cnnc_status done = e->ops->host_done ? e->ops->host_done(e, st == CNNC_OK ? err : &later) : CNNC_OK;
        if (st == CNNC_OK) st = done;
        cnnc_prefetch_stop(e->stream);
    }
    e->anomaly_host = NULL;
    free(scratch);
    return st;
}

static cnnc_status train_steps(cnnc_engine *e, int64_t batch, uint64_t shuffle_seed, int64_t epoch,
                               int64_t first_step, int64_t steps, float *scratch, cnnc_progress_fn progress,
                               void *user, int64_t every, cnnc_epoch_stats *stats, cnnc_error *err) {
    const int64_t N = e->dataset_n[0];
    shuffle_order(e->order, N, shuffle_seed, epoch);
    cnnc_status st;
    if (e->stream) {
        /* the same order and codes a resident epoch hands its gather, read ahead by the pool */
        const int32_t *codes = NULL;
        st = cnnc_engine_augment_codes_epoch(e, shuffle_seed, epoch, &codes, err);
        if (st == CNNC_OK) st = cnnc_prefetch_start(e->stream, e->order, codes, N, batch, first_step, err);
    } else {
        st = e->ops->set_order(e, 0, e->order, N, err);
        if (st == CNNC_OK) st = cnnc_engine_augment_epoch(e, shuffle_seed, epoch, err);
    }
    if (st == CNNC_OK) st = e->ops->memset0(e, e->plan.metrics, 4 * sizeof(float), err);
    if (st != CNNC_OK) return st;

    const double t0 = now_seconds();
    float m[4] = {0, 0, 0, 0};
    double last_loss = NAN;
    int posted = -1;  /* slot of the metrics snapshot in flight (the next one takes the other) */
    int64_t posted_step = 0;
    for (int64_t s = first_step; s < steps; s++) {
        int64_t start = s * batch, n = N - start < batch ? N - start : batch;
        cnnc_shape xs = sample_batch(e, n);
        if (!e->comm && (st = cnnc_engine_prepare_batch(e, &xs, 1, err)) != CNNC_OK) return st;
        if (e->ops->profiler && e->cfg.profile_first > 0 && e->step + 1 == e->cfg.profile_first &&
            (st = e->ops->profiler(e, 1, err)) != CNNC_OK)
            return st;
        const int gathered = e->stream != NULL;
        if (gathered && (st = stream_gather(e, s, first_step, n, err)) != CNNC_OK) return st;
        const int whole = e->ops->train_step && !e->cfg.no_graph && !scratch;
        if (whole && !e->comm) {
            /* The whole step in one call (CUDA: a replayed graph). --detect-anomaly
             * inspects each pass, so it takes the op-by-op path. */
            e->step++;
            if ((st = e->ops->train_step(e, gathered ? -1 : 0, start, n, err)) != CNNC_OK) return st;
        } else if (whole && e->comm->nccl && !gathered) {
            if ((st = dist_whole_step(e, start, n, err)) != CNNC_OK) return st;
        } else {
            e->anomaly_step = s + 1;
            if ((st = step_by_ops(e, start, n, gathered, err)) != CNNC_OK) return st;
        }
        if (e->ops->profiler && e->cfg.profile_first > 0 && e->step == e->cfg.profile_last &&
            (st = e->ops->profiler(e, 0, err)) != CNNC_OK)
            return st;
        int last = s == steps - 1;
        if ((s + 1) % every == 0 || last) {
            /* Where the backend can, each interval posts an async snapshot and reads
             * the previous one (the device stays an interval ahead; the loss shown
             * is an interval old); the epoch's last step reads synchronously. */
            int64_t seen_step = s + 1;
            int have = 1;
            if (last || !e->ops->metrics_post) {
                if ((st = read_metrics(e, m, err)) != CNNC_OK) return st;
            } else {
                const int slot = posted == 0 ? 1 : 0;
                if ((st = e->ops->metrics_post(e, slot, err)) != CNNC_OK) return st;
                have = posted >= 0;
                if (have && (st = e->ops->metrics_collect(e, posted, m, err)) != CNNC_OK) return st;
                seen_step = posted_step;
                posted = slot;
                posted_step = s + 1;
            }
            if (have) {
                last_loss = m[2] > 0 ? m[0] / m[2] : NAN;
                if (!isfinite(m[3]))
                    return cnnc_error_set(err, CNNC_ERR_NUMERIC, "RuntimeError",
                                          "loss is %s at epoch %lld step %lld: training diverged (try a lower --lr)",
                                          isnan(m[3]) ? "nan" : "inf", (long long)epoch + 1, (long long)seen_step);
            }
        }
        int stop = 0;
        if (progress) {
            double dt = now_seconds() - t0;
            double ips = dt > 0 ? (double)(start + n - first_step * batch) / dt : 0.0;
            stop = progress(user, s + 1, steps, last_loss, ips);
        }
        /* Every rank stops at the same step, or the others would wait for it. */
        if (e->comm && (st = cnnc_dist_any(e, stop, &stop, err)) != CNNC_OK) return st;
        if (stop)
            return cnnc_error_set(err, CNNC_ERR_INTERRUPTED, "KeyboardInterrupt",
                                  "training interrupted at epoch %lld step %lld", (long long)epoch, (long long)(s + 1));
    }
    fill_stats(stats, m, N - first_step * batch, now_seconds() - t0);
    return CNNC_OK;
}

cnnc_status cnnc_engine_evaluate(cnnc_engine *e, int slot, int64_t batch, cnnc_epoch_stats *stats,
                                 int64_t *confusion, cnnc_error *err) {
    if (slot < 0 || slot > 1 || e->dataset_n[slot] <= 0)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "no data set in slot %d", slot);
    if (slot == 0 && e->stream)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "slot 0 is streamed: evaluation reads a resident set (slot 1)");
    if (batch <= 0 || batch > e->plan.max_batch) batch = e->plan.max_batch;
    const int64_t N = e->dataset_n[slot], C = e->plan.n_classes;
    for (int64_t i = 0; i < N; i++) e->order[i] = (int32_t)i;
    cnnc_status st = e->ops->set_order(e, slot, e->order, N, err);
    if (st == CNNC_OK) st = cnnc_engine_augment_off(e, slot, err);   /* evaluation never augments */
    if (st == CNNC_OK) st = e->ops->memset0(e, e->plan.metrics, 4 * sizeof(float), err);
    /* Data-parallel: each rank evaluates its shard of the set with rank 0's
     * BatchNorm running statistics (per-rank ones drift apart), counts summed. */
    int64_t lo = 0, hi = N;
    if (e->comm) {
        int64_t count;
        cnnc_dist_slice(e, 0, N, &lo, &count);
        hi = lo + count;
        if (st == CNNC_OK && !e->sync_bn) st = cnnc_dist_bcast_buffers(e, err);
    }
    e->loss_mean_over = 0;
    if (st != CNNC_OK) return st;
    float *logits = NULL;
    if (confusion) {
        memset(confusion, 0, (size_t)(C * C) * sizeof(int64_t));
        logits = malloc((size_t)(batch * C) * sizeof(float));
        if (!logits) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate logits");
    }
    const double t0 = now_seconds();
    for (int64_t start = lo; start < hi && st == CNNC_OK; start += batch) {
        int64_t n = hi - start < batch ? hi - start : batch;
        cnnc_shape xs = sample_batch(e, n);
        st = cnnc_engine_prepare_batch(e, &xs, 0, err);
        if (st == CNNC_OK) st = e->ops->gather(e, slot, start, n, err);
        if (st == CNNC_OK) st = cnnc_engine_run_forward(e, n, 0, err);
        if (st == CNNC_OK) st = e->ops->loss(e, n, 0, err);
        if (st == CNNC_OK && confusion) {
            st = cnnc_engine_read_output(e, logits, err);
            for (int64_t i = 0; st == CNNC_OK && i < n; i++) {
                const float *row = logits + i * C;
                int64_t best = 0;
                for (int64_t c = 1; c < C; c++)
                    if (row[c] > row[best]) best = c;
                confusion[(int64_t)e->dataset_labels[slot][start + i] * C + best]++;
            }
        }
    }
    free(logits);
    float m[4];
    if (st == CNNC_OK) st = read_metrics(e, m, err);
    if (st == CNNC_OK && e->comm && confusion) st = cnnc_dist_sum_counts(e, confusion, C * C, err);
    if (st != CNNC_OK) return st;
    fill_stats(stats, m, N, now_seconds() - t0);
    return CNNC_OK;
}
