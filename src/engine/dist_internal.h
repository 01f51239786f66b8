/* dist_internal.h — what the training loops (train.c) ask of a data-parallel
 * engine (dist.c): this rank's slice of a global batch, and the reductions
 * over ranks. Every function here is called by every rank at the same point,
 * with e->comm set (cnnc_engine_set_comm). */
#ifndef CNNC_DIST_INTERNAL_H
#define CNNC_DIST_INTERNAL_H

#include <stdint.h>
#include "cnnc/dist.h"
#include "engine/engine_internal.h"
#include "engine/mpi_plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

struct cnnc_comm {
    const cnnc_mpi_plugin *mpi;
    int rank, size;
    char library[128];
    /* The gradient sum's layout for n_floats (set up once per engine): rank r
     * owns chunk r, [displs[r], displs[r] + counts[r]); it receives every
     * rank's copy of it into scratch, rank after rank. */
    int64_t n_floats;
    int *counts, *displs;          /* size each: the chunks */
    int *recv_counts, *recv_displs;/* size each: this rank's chunk from each rank */
    float *scratch;                /* size * counts[rank] floats */
    double *gather;                /* the small gathers: size * 4 doubles from cnnc_comm_open, size *
                                    * (2 * BatchNorm channels + 4) once an engine is set up */
    double *bn_sums;               /* 2 * BatchNorm channels + 2: one rank's SyncBatchNorm sums */
    int64_t *gather_i64;           /* allgather space for the confusion matrix (evaluation) */
    size_t gather_i64_cap;
    /* A device engine's reductions: through NCCL on the device (nccl), else
     * staged through `stage` in host memory (max of the gradients' and the
     * buffers' bytes) around the same MPI reductions as the cpu's. */
    int nccl;
    float *stage;
    struct cnnc_engine *stage_owner;   /* whose host_alloc made stage (page-locked), or NULL: malloc */
    /* NCCL's gradient buckets, as DistributedDataParallel forms them: spans of
     * the gradients region in the order backward completes them (the last
     * layers' first), each about bucket_cap_mb (the first 1 MiB). Bucket k is
     * summed once backward has passed node bucket_after's k (its lowest), on
     * NCCL's stream while backward goes on. n_buckets 0: one nccl_sum after
     * backward. */
    int32_t n_buckets, buckets_begun;
    size_t *bucket_offset;
    int64_t *bucket_floats;
    int32_t *bucket_after;         /* per node: the bucket its backward completes, or -1 */
};

/* This rank's part [*lo, *lo + *count) of the global samples [start, start + n):
 * contiguous, rank order, the first n % size ranks one more (*count may be 0). */
void cnnc_dist_slice(const struct cnnc_engine *e, int64_t start, int64_t n, int64_t *lo, int64_t *count);
/* Sum the gradients region over ranks in rank order ((g0 + g1) + g2 ...), the
 * same bits on every rank: each rank sums one chunk, then all gather. On NCCL:
 * the buckets backward has not begun, then the wait for all of them (on the
 * device: the host goes on). */
cnnc_status cnnc_dist_sum_grads(struct cnnc_engine *e, cnnc_error *err);
/* Backward of a step starts: no bucket of it is begun yet. */
void cnnc_dist_backward_start(struct cnnc_engine *e);
/* Backward has just passed node i (in the reverse loop, run or skipped): begin
 * the NCCL bucket that completes there, if any. */
cnnc_status cnnc_dist_backward_passed(struct cnnc_engine *e, int32_t i, cnnc_error *err);
/* The metrics block (loss sum, correct, count, last loss) summed over ranks in
 * rank order; a non-finite loss anywhere makes m[3] non-finite everywhere. */
cnnc_status cnnc_dist_sum_metrics(struct cnnc_engine *e, float m[4], cnnc_error *err);
/* A confusion matrix (n counts) summed over ranks. */
cnnc_status cnnc_dist_sum_counts(struct cnnc_engine *e, int64_t *counts, int64_t n, cnnc_error *err);
/* Whether any rank asks to stop (an interrupt seen by one rank stops all at the same step). */
cnnc_status cnnc_dist_any(struct cnnc_engine *e, int mine, int *any, cnnc_error *err);
/* Rank 0's BatchNorm running statistics to every rank (before an evaluation). */
cnnc_status cnnc_dist_bcast_buffers(struct cnnc_engine *e, cnnc_error *err);

/* The engine goes (cnnc_engine_free): what its backend made for the communicator
 * goes first (the page-locked staging). */
void cnnc_dist_detach(struct cnnc_engine *e);
/* A communicator over a table of MPI's calls: the module's (cnnc_comm_open) or
 * a world of threads' (thread_comm.c). */
cnnc_status cnnc_comm_start(const cnnc_mpi_plugin *mpi, struct cnnc_comm **out, cnnc_error *err);

/* The loader's side (mpi_loader.c): the module's table, loaded on first use. */
cnnc_status cnnc_mpi_plugin_load(const cnnc_mpi_plugin **out, cnnc_error *err);

#ifdef __cplusplus
}
#endif
#endif
