/* dist.c — data-parallel training on MPI (cnnc/dist.h): the communicator, a
 * replica's set-up (rank 0's state to every rank), this rank's slice of each
 * global batch, and the reductions the training loops make. Every reduction
 * sums in rank order, so a run gives the same bits for the same world size on
 * every rank and every time: MPI_Allreduce promises neither (its algorithm,
 * and so its order of additions, is the library's choice per message size). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/dist_internal.h"

static cnnc_status mpi_failed(const char *what, const char *msg, cnnc_error *err) {
    cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "%s: %s", what, msg);
    if (err)
        snprintf(err->hint, sizeof err->hint,
                 "another rank may have stopped (the launcher's own message names it); a checkpoint saved "
                 "earlier resumes with --resume");
    return CNNC_ERR_DEVICE;
}

cnnc_status cnnc_comm_start(const cnnc_mpi_plugin *mpi, cnnc_comm **out, cnnc_error *err) {
    *out = NULL;
    cnnc_comm *c = calloc(1, sizeof *c);
    if (!c) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the communicator");
    c->mpi = mpi;
    char msg[512] = "";
    if (mpi->init(&c->rank, &c->size, msg, sizeof msg) != 0) {
        free(c);
        return mpi_failed("cannot start MPI", msg, err);
    }
    mpi->library_version(c->library, sizeof c->library);
    /* The small gathers' space (stop flags, metrics) until an engine needs more. */
    c->gather = calloc(4 * (size_t)(c->size > 0 ? c->size : 1), sizeof(double));
    if (!c->gather) {
        mpi->finalize(msg, sizeof msg);
        free(c);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the communicator");
    }
    *out = c;
    return CNNC_OK;
}

cnnc_status cnnc_comm_open(cnnc_comm **out, cnnc_error *err) {
    *out = NULL;
    const cnnc_mpi_plugin *mpi = NULL;
    cnnc_status st = cnnc_mpi_plugin_load(&mpi, err);
    if (st != CNNC_OK) return st;
    cnnc_comm *c = NULL;
    if ((st = cnnc_comm_start(mpi, &c, err)) != CNNC_OK) return st;
    /* A launcher that says N ranks while MPI sees another world: the MPI library
     * does not speak this launcher's protocol, and each process would train alone. */
    const int announced = cnnc_dist_launcher_size();
    if (announced > 0 && announced != c->size) {
        cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                       "%s started %d processes but MPI (%s) sees a world of %d: the MPI library does not talk to "
                       "this launcher, so each process would train alone",
                       cnnc_dist_launcher(), announced, c->library, c->size);
        if (err)
            snprintf(err->hint, sizeof err->hint,
                     "launch with the mpirun of the MPI cnnc was built with, or srun --mpi=pmix");
        char msg[512] = "";
        mpi->finalize(msg, sizeof msg);
        free(c->gather);
        free(c);
        return CNNC_ERR_USAGE;
    }
    *out = c;
    return CNNC_OK;
}

int cnnc_comm_rank(const cnnc_comm *c) { return c ? c->rank : 0; }
int cnnc_comm_size(const cnnc_comm *c) { return c ? c->size : 1; }
const char *cnnc_comm_library(const cnnc_comm *c) { return c ? c->library : ""; }

cnnc_status cnnc_comm_any(cnnc_comm *c, int mine, int *any, cnnc_error *err) {
    *any = mine != 0;
    if (!c || c->size <= 1) return CNNC_OK;
    int32_t *all = (int32_t *)c->gather, me = mine != 0;
    char msg[512] = "";
    if (c->mpi->allgather(&me, all, sizeof me, msg, sizeof msg) != 0)
        return mpi_failed("cannot agree on stopping across ranks", msg, err);
    *any = 0;
    for (int r = 0; r < c->size; r++) *any |= all[r] != 0;
    return CNNC_OK;
}

static void free_layout(cnnc_comm *c) {
    free(c->counts);
    free(c->displs);
    free(c->recv_counts);
    free(c->recv_displs);
    free(c->scratch);
    free(c->gather_i64);
    free(c->bn_sums);
    if (c->stage_owner) c->stage_owner->ops->host_free(c->stage_owner, c->stage);
    else free(c->stage);
    c->stage_owner = NULL;
    free(c->bucket_offset);
    free(c->bucket_floats);
    free(c->bucket_after);
    c->bucket_offset = NULL;
    c->bucket_floats = NULL;
    c->bucket_after = NULL;
    c->n_buckets = c->buckets_begun = 0;
    c->bn_sums = NULL;
    c->stage = NULL;
    c->nccl = 0;
    c->counts = c->displs = c->recv_counts = c->recv_displs = NULL;
    c->scratch = NULL;
    c->gather_i64 = NULL;
    c->gather_i64_cap = 0;
    c->n_floats = 0;
}

cnnc_status cnnc_comm_close(cnnc_comm *c, cnnc_error *err) {
    if (!c) return CNNC_OK;
    char msg[512] = "";
    int rc = c->mpi->finalize(msg, sizeof msg);
    free_layout(c);
    free(c->gather);
    free(c);
    return rc ? mpi_failed("MPI_Finalize", msg, err) : CNNC_OK;
}

void cnnc_comm_abort(cnnc_comm *c, int code) {
    if (c) c->mpi->abort(code);
}

/* ---- a replica's set-up ---- */

/* Chunks of n floats, one per rank, and this rank's receive layout (the chunk
 * copies: none when NCCL sums); stage_bytes of host staging for a device engine
 * summed through MPI, page-locked where the backend can (0 for the cpu's). */
static cnnc_status plan_layout(cnnc_engine *e, cnnc_comm *c, int64_t n, size_t bn_channels, size_t stage_bytes,
                               int nccl, cnnc_error *err) {
    free_layout(c);
    const int R = c->size;
    if (n / R > 0x7fffffff)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "%lld gradient floats over %d ranks is over MPI's int count per rank", (long long)n, R);
    c->counts = calloc((size_t)R, sizeof(int));
    c->displs = calloc((size_t)R, sizeof(int));
    c->recv_counts = calloc((size_t)R, sizeof(int));
    c->recv_displs = calloc((size_t)R, sizeof(int));
    if (!c->counts || !c->displs || !c->recv_counts || !c->recv_displs) goto nomem;
    for (int r = 0; r < R; r++) {
        const int64_t lo = n * r / R, hi = n * (r + 1) / R;
        c->counts[r] = (int)(hi - lo);
        c->displs[r] = (int)lo;
    }
    const int mine = c->counts[c->rank];
    for (int r = 0; r < R; r++) {
        c->recv_counts[r] = mine;
        c->recv_displs[r] = r * mine;
    }
    /* The chunk copies; and the small gathers' space: 4 metrics, a stop flag,
     * or SyncBatchNorm's 2 doubles per channel, from every rank. */
    c->scratch = malloc(((nccl ? 0 : (size_t)R * (size_t)mine) + 1) * sizeof(float));
    double *gather = calloc((2 * bn_channels + 4) * (size_t)R, sizeof(double));
    c->bn_sums = calloc(2 * bn_channels + 2, sizeof(double));
    if (stage_bytes && e->ops->host_alloc && e->ops->host_free && (c->stage = e->ops->host_alloc(e, stage_bytes)))
        c->stage_owner = e;   /* pinned: the copies each way run at full speed */
    else if (stage_bytes)
        c->stage = malloc(stage_bytes);
    if (!c->scratch || !gather || !c->bn_sums || (stage_bytes && !c->stage)) {
        free(gather);
        goto nomem;
    }
    free(c->gather);   /* the one from cnnc_comm_open: this one is larger */
    c->gather = gather;
    c->n_floats = n;
    return CNNC_OK;
nomem:
    free_layout(c);
    return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the gradient reduction's buffers");
}

static cnnc_status bcast(cnnc_engine *e, void *p, size_t bytes, const char *what, cnnc_error *err) {
    char msg[512] = "";
    if (bytes == 0 || e->comm->mpi->bcast(p, bytes, 0, msg, sizeof msg) == 0) return CNNC_OK;
    char line[160];
    snprintf(line, sizeof line, "cannot broadcast the %s from rank 0", what);
    return mpi_failed(line, msg, err);
}

/* Whether the engine's arena is host memory (the cpu backend), which MPI reads in place. */
static int host_arena(const cnnc_engine *e) { return e->ops == &cnnc_cpu_backend; }

/* Rank 0's arena bytes [offset, offset + bytes) on every rank: in place on the
 * cpu; through NCCL on the device; else staged through host memory. */
static cnnc_status bcast_region(cnnc_engine *e, size_t offset, size_t bytes, const char *what, cnnc_error *err) {
    if (bytes == 0) return CNNC_OK;
    if (host_arena(e)) return bcast(e, e->arena + offset, bytes, what, err);
    if (e->comm->nccl) return e->ops->nccl_bcast(e, offset, bytes, err);
    cnnc_status st = e->ops->download(e, e->comm->stage, offset, bytes, err);
    if (st == CNNC_OK) st = bcast(e, e->comm->stage, bytes, what, err);
    if (st == CNNC_OK) st = e->ops->upload(e, offset, e->comm->stage, bytes, err);
    return st;
}

/* NCCL's communicator for a device engine: rank 0 makes the unique id and MPI
 * carries it to every rank, with a flag so that the others stop with an error
 * rather than wait when rank 0 could not make one. */
static cnnc_status open_nccl(cnnc_engine *e, cnnc_comm *c, cnnc_error *err) {
    struct { int32_t ok; unsigned char id[128]; } msg;
    memset(&msg, 0, sizeof msg);
    cnnc_error mine;
    cnnc_error_clear(&mine);
    if (c->rank == 0) msg.ok = e->ops->nccl_id(e, msg.id, &mine) == CNNC_OK;
    cnnc_status st = bcast(e, &msg, sizeof msg, "NCCL's unique id", err);
    if (st != CNNC_OK) return st;
    if (!msg.ok) {
        if (c->rank == 0) {
            if (err) *err = mine;
            return mine.status ? mine.status : CNNC_ERR_DEVICE;
        }
        return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                              "rank 0 could not make NCCL's unique id (its own message says why)");
    }
    return e->ops->nccl_open(e, msg.id, c->rank, c->size, err);
}

/* NCCL's gradient buckets (cnnc_comm's comment). DDP's default cap is 25 MiB and
 * its first bucket 1 MiB, so that the first sum starts early in backward. */
#define CNNC_DEFAULT_BUCKET_CAP_MB 25.0
#define CNNC_FIRST_BUCKET_BYTES ((size_t)1 << 20)

static cnnc_status plan_buckets(cnnc_engine *e, cnnc_comm *c, cnnc_error *err) {
    const int32_t L = e->model->n_layers;
    const double mb = e->bucket_cap_mb > 0 ? e->bucket_cap_mb : CNNC_DEFAULT_BUCKET_CAP_MB;
    const size_t cap = (size_t)(mb * 1048576.0) > 0 ? (size_t)(mb * 1048576.0) : 1;
    const size_t first_cap = cap < CNNC_FIRST_BUCKET_BYTES ? cap : CNNC_FIRST_BUCKET_BYTES;
    /* Each node's gradients start where the previous node's end (the plan lays
     * them out in node order); anything else, and one sum after backward it is. */
    size_t *lo = calloc((size_t)(L > 0 ? L : 1), sizeof *lo);
    c->bucket_after = malloc((size_t)(L > 0 ? L : 1) * sizeof *c->bucket_after);
    c->bucket_offset = calloc((size_t)(L > 0 ? L : 1), sizeof *c->bucket_offset);
    c->bucket_floats = calloc((size_t)(L > 0 ? L : 1), sizeof *c->bucket_floats);
    if (!lo || !c->bucket_after || !c->bucket_offset || !c->bucket_floats) {
        free(lo);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the gradient buckets");
    }
    for (int32_t l = 0; l < L; l++) {
        lo[l] = CNNC_NO_OFFSET;
        c->bucket_after[l] = -1;
    }
    size_t next = e->plan.grads;
    int32_t prev_layer = -1;
    int in_order = 1;
    for (int32_t i = 0; i < e->n_param_info; i++) {
        if (e->grad_offset[i] == CNNC_NO_OFFSET) continue;
        const int32_t l = e->params[i].layer_index;
        if (e->grad_offset[i] != next || l < prev_layer) in_order = 0;
        if (lo[l] == CNNC_NO_OFFSET) lo[l] = e->grad_offset[i];
        next = e->grad_offset[i] + (size_t)e->params[i].numel * sizeof(float);
        prev_layer = l;
    }
    if (in_order && next > e->plan.grads) {
        size_t hi = next;   /* the open bucket is [lo of its lowest node, hi) */
        for (int32_t l = L - 1; l >= 0; l--) {
            if (lo[l] == CNNC_NO_OFFSET) continue;
            const size_t limit = c->n_buckets == 0 ? first_cap : cap;
            const int lowest = lo[l] == e->plan.grads;
            if (hi - lo[l] >= limit || lowest) {
                c->bucket_offset[c->n_buckets] = lo[l];
                c->bucket_floats[c->n_buckets] = (int64_t)((hi - lo[l]) / sizeof(float));
                c->bucket_after[l] = c->n_buckets++;
                hi = lo[l];
            }
        }
    }
    free(lo);
    return CNNC_OK;
}

cnnc_status cnnc_engine_set_bucket_cap_mb(cnnc_engine *e, double mb, cnnc_error *err) {
    if (!e || !(mb >= CNNC_BUCKET_CAP_MB_MIN) || !(mb <= CNNC_BUCKET_CAP_MB_MAX)) {
        cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                       "bucket_cap_mb must be between 4 bytes (3.8e-06) and 1048576 MiB, got %g", mb);
        return CNNC_ERR_USAGE;
    }
    if (e->comm)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "bucket_cap_mb must be set before the engine joins a data-parallel job");
    e->bucket_cap_mb = mb;
    return CNNC_OK;
}

/* The doubles one SyncBatchNorm reduction gathers: 2 per channel, at most. */
static size_t max_bn_channels(const cnnc_engine *e) {
    size_t c = 0;
    for (int32_t l = 0; l < e->model->n_layers; l++) {
        const cnnc_layer *L = &e->model->layers[l];
        if ((L->kind == CNNC_BATCHNORM2D || L->kind == CNNC_BATCHNORM1D || L->kind == CNNC_BATCHNORM3D) &&
            (size_t)e->shapes_max[l].g.bn.C > c)
            c = (size_t)e->shapes_max[l].g.bn.C;
    }
    return c;
}

const char *cnnc_dist_backend_name(cnnc_dist_backend b) {
    return b == CNNC_DIST_MPI ? "mpi" : b == CNNC_DIST_NCCL ? "nccl" : "auto";
}

cnnc_status cnnc_engine_set_comm(cnnc_engine *e, cnnc_comm *c, int sync_bn, cnnc_error *err) {
    return cnnc_engine_set_comm_backend(e, c, sync_bn, CNNC_DIST_AUTO, err);
}

cnnc_status cnnc_engine_set_comm_backend(cnnc_engine *e, cnnc_comm *c, int sync_bn, cnnc_dist_backend backend,
                                         cnnc_error *err) {
    if (!e || !c || backend < CNNC_DIST_AUTO || backend > CNNC_DIST_NCCL)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_engine_set_comm: bad argument");
    if (sync_bn && !host_arena(e)) {
        cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                       "--sync-bn (SyncBatchNorm's statistics over the global batch) runs on the cpu backend only; "
                       "this engine is %s", e->ops->name);
        if (err)
            snprintf(err->hint, sizeof err->hint,
                     "drop --sync-bn (each rank keeps its own BatchNorm statistics, as DistributedDataParallel does by "
                     "default), or run with --device cpu");
        return CNNC_ERR_UNSUPPORTED;
    }
    if (backend == CNNC_DIST_NCCL && !e->ops->nccl_open) {
        cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                       "--dist-backend nccl needs the cuda backend built with NCCL; this engine is %s%s", e->ops->name,
                       host_arena(e) ? "" : " without NCCL");
        if (err)
            snprintf(err->hint, sizeof err->hint, "%s",
                     host_arena(e) ? "NCCL reduces GPU memory: use --device cuda, or --dist-backend mpi on the cpu"
                                   : "rebuild with NCCL found (cmake prints `cnnc: NCCL=ON`), or use --dist-backend mpi");
        return CNNC_ERR_UNSUPPORTED;
    }
    const size_t pbytes = (size_t)e->plan.n_params * sizeof(float);
    const int nccl = backend == CNNC_DIST_NCCL || (backend == CNNC_DIST_AUTO && e->ops->nccl_open);
    const size_t stage = host_arena(e) || nccl ? 0 : pbytes > e->plan.buffers_bytes ? pbytes : e->plan.buffers_bytes;
    e->comm = c;
    e->sync_bn = sync_bn != 0;
    cnnc_status st = plan_layout(e, c, e->plan.n_params, max_bn_channels(e), stage, nccl, err);
    if (st == CNNC_OK && nccl && (st = open_nccl(e, c, err)) == CNNC_OK) c->nccl = 1;
    if (st == CNNC_OK && c->nccl && e->ops->nccl_sum_begin && e->ops->nccl_sum_join) st = plan_buckets(e, c, err);
    /* Rank 0's state everywhere: parameters, buffers, optimizer state, step and
     * RNG position. */
    if (st == CNNC_OK) st = bcast_region(e, e->plan.params, pbytes, "parameters", err);
    if (st == CNNC_OK && e->plan.opt_m != CNNC_NO_OFFSET)
        st = bcast_region(e, e->plan.opt_m, pbytes, "optimizer state", err);
    if (st == CNNC_OK && e->plan.opt_v != CNNC_NO_OFFSET)
        st = bcast_region(e, e->plan.opt_v, pbytes, "optimizer state", err);
    if (st == CNNC_OK && e->plan.opt_u != CNNC_NO_OFFSET)
        st = bcast_region(e, e->plan.opt_u, pbytes, "optimizer state", err);
    if (st == CNNC_OK) st = cnnc_dist_bcast_buffers(e, err);
    if (st == CNNC_OK && e->plan.ema != CNNC_NO_OFFSET)   /* --ema: the average, and its buffers' */
        st = bcast_region(e, e->plan.ema, pbytes, "the weights' EMA", err);
    if (st == CNNC_OK && e->plan.ema_buffers != CNNC_NO_OFFSET)
        st = bcast_region(e, e->plan.ema_buffers, e->plan.buffers_bytes, "the weights' EMA", err);
    int64_t counters[3] = {e->step, (int64_t)e->dropout_calls, e->ema_first_step};
    if (st == CNNC_OK) st = bcast(e, counters, sizeof counters, "step count", err);
    if (st != CNNC_OK) {
        e->comm = NULL;
        e->sync_bn = 0;
        return st;
    }
    e->step = counters[0];
    e->dropout_calls = (uint64_t)counters[1];
    e->ema_first_step = counters[2];
    return CNNC_OK;
}

cnnc_status cnnc_dist_bcast_buffers(cnnc_engine *e, cnnc_error *err) {
    cnnc_status st = CNNC_OK;
    for (int32_t i = 0; st == CNNC_OK && i < e->n_param_info; i++)
        if (!e->params[i].trainable && e->param_offset[i] != CNNC_NO_OFFSET)
            st = bcast_region(e, e->param_offset[i], (size_t)e->params[i].numel * sizeof(float), e->params[i].name,
                              err);
    if (st == CNNC_OK)
        st = bcast(e, e->num_batches_tracked, (size_t)e->model->n_layers * sizeof(int64_t), "num_batches_tracked",
                   err);
    return st;
}

void cnnc_dist_detach(cnnc_engine *e) {
    cnnc_comm *c = e->comm;
    if (!c || c->stage_owner != e) return;
    e->ops->host_free(e, c->stage);
    c->stage = NULL;
    c->stage_owner = NULL;
}

/* ---- in the loops ---- */

void cnnc_dist_slice(const cnnc_engine *e, int64_t start, int64_t n, int64_t *lo, int64_t *count) {
    const int64_t R = e->comm->size, r = e->comm->rank, q = n / R, extra = n % R;
    *lo = start + r * q + (r < extra ? r : extra);
    *count = q + (r < extra ? 1 : 0);
}

static cnnc_status begin_bucket(cnnc_engine *e, cnnc_comm *c, cnnc_error *err) {
    const int32_t k = c->buckets_begun++;
    return e->ops->nccl_sum_begin(e, c->bucket_offset[k], c->bucket_floats[k], err);
}

void cnnc_dist_backward_start(cnnc_engine *e) { e->comm->buckets_begun = 0; }

cnnc_status cnnc_dist_backward_passed(cnnc_engine *e, int32_t i, cnnc_error *err) {
    cnnc_comm *c = e->comm;
    /* every rank begins the same buckets in the same order, as NCCL requires */
    if (!c->n_buckets || c->bucket_after[i] < 0 || c->bucket_after[i] != c->buckets_begun) return CNNC_OK;
    return begin_bucket(e, c, err);
}

cnnc_status cnnc_dist_sum_grads(cnnc_engine *e, cnnc_error *err) {
    cnnc_comm *c = e->comm;
    /* NCCL: in place on the device, in NCCL's order (the same bits on every rank;
     * one rank too, so that a one-GPU run exercises it). Bucketed: those that
     * backward did not begin (a rank with an empty slice ran none), then the
     * device waits for them all. */
    if (c->nccl && c->n_buckets) {
        cnnc_status st = CNNC_OK;
        while (st == CNNC_OK && c->buckets_begun < c->n_buckets) st = begin_bucket(e, c, err);
        c->buckets_begun = 0;
        return st == CNNC_OK ? e->ops->nccl_sum_join(e, err) : st;
    }
    if (c->nccl) return e->ops->nccl_sum(e, e->plan.grads, e->plan.n_params, err);
    if (c->size <= 1 || c->n_floats == 0) return CNNC_OK;
    /* a device engine's gradients come to host memory and go back summed */
    const size_t gbytes = (size_t)c->n_floats * sizeof(float);
    float *g = host_arena(e) ? (float *)(e->arena + e->plan.grads) : c->stage;
    cnnc_status st;
    if (!host_arena(e) && (st = e->ops->download(e, g, e->plan.grads, gbytes, err)) != CNNC_OK) return st;
    char msg[512] = "";
    /* Chunk r of every rank's gradients to rank r ... */
    if (c->mpi->alltoallv_floats(g, c->counts, c->displs, c->scratch, c->recv_counts, c->recv_displs, msg,
                                 sizeof msg) != 0)
        return mpi_failed("cannot sum the gradients across ranks", msg, err);
    /* ... which sums its chunk in rank order (((g0 + g1) + g2) ..., as the CPU
     * kernels sum their threads' partial gradients) ... */
    const int64_t mine = c->counts[c->rank];
    float *dst = g + c->displs[c->rank];
    memcpy(dst, c->scratch, (size_t)mine * sizeof(float));
    for (int q = 1; q < c->size; q++) {
        const float *src = c->scratch + (size_t)q * (size_t)mine;
        for (int64_t i = 0; i < mine; i++) dst[i] += src[i];
    }
    /* ... and every rank gathers every summed chunk. */
    if (c->mpi->allgatherv_floats_inplace(g, c->counts, c->displs, msg, sizeof msg) != 0)
        return mpi_failed("cannot gather the summed gradients", msg, err);
    return host_arena(e) ? CNNC_OK : e->ops->upload(e, e->plan.grads, g, gbytes, err);
}

cnnc_status cnnc_dist_sum_metrics(cnnc_engine *e, float m[4], cnnc_error *err) {
    cnnc_comm *c = e->comm;
    if (c->size <= 1) return CNNC_OK;
    float *all = (float *)c->gather;
    char msg[512] = "";
    if (c->mpi->allgather(m, all, 4 * sizeof(float), msg, sizeof msg) != 0)
        return mpi_failed("cannot sum the loss and accuracy across ranks", msg, err);
    for (int k = 0; k < 4; k++) {
        m[k] = all[k];
        for (int r = 1; r < c->size; r++) m[k] += all[4 * r + k];
    }
    return CNNC_OK;
}

cnnc_status cnnc_dist_sum_counts(cnnc_engine *e, int64_t *counts, int64_t n, cnnc_error *err) {
    cnnc_comm *c = e->comm;
    if (c->size <= 1 || n <= 0) return CNNC_OK;
    const size_t need = (size_t)n * (size_t)c->size;
    if (need > c->gather_i64_cap) {   /* evaluation only: never in the training loop */
        int64_t *p = realloc(c->gather_i64, need * sizeof(int64_t));
        if (!p) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the confusion matrices");
        c->gather_i64 = p;
        c->gather_i64_cap = need;
    }
    char msg[512] = "";
    if (c->mpi->allgather(counts, c->gather_i64, (size_t)n * sizeof(int64_t), msg, sizeof msg) != 0)
        return mpi_failed("cannot sum the confusion matrix across ranks", msg, err);
    for (int64_t i = 0; i < n; i++) {
        int64_t s = 0;
        for (int r = 0; r < c->size; r++) s += c->gather_i64[(size_t)r * (size_t)n + (size_t)i];
        counts[i] = s;
    }
    return CNNC_OK;
}

cnnc_status cnnc_dist_any(cnnc_engine *e, int mine, int *any, cnnc_error *err) {
    return cnnc_comm_any(e->comm, mine, any, err);
}

cnnc_status cnnc_engine_bn_allsum(cnnc_engine *e, double *v, int64_t n, cnnc_error *err) {
    cnnc_comm *c = e->comm;
    if (!c || c->size <= 1) return CNNC_OK;
    char msg[512] = "";
    if (c->mpi->allgather(v, c->gather, (size_t)n * sizeof(double), msg, sizeof msg) != 0)
        return mpi_failed("cannot sum BatchNorm's statistics across ranks (--sync-bn)", msg, err);
    for (int64_t i = 0; i < n; i++) {
        double s = c->gather[i];
        for (int r = 1; r < c->size; r++) s += c->gather[(size_t)r * (size_t)n + (size_t)i];
        v[i] = s;
    }
    return CNNC_OK;
}

double *cnnc_engine_bn_sums(cnnc_engine *e) { return e->comm->bn_sums; }

int cnnc_engine_rank(const cnnc_engine *e) { return e->comm ? e->comm->rank : 0; }

cnnc_dist_backend cnnc_engine_dist_backend(const cnnc_engine *e) {
    return !e || !e->comm ? CNNC_DIST_AUTO : e->comm->nccl ? CNNC_DIST_NCCL : CNNC_DIST_MPI;
}
