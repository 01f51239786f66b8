/* dist.h — data-parallel training across processes on MPI (docs/scaling.md).
 *
 * Started as `mpirun -np N cnnc train ...` (or srun), each process is one rank.
 * The batch given to training stays the global batch: each rank takes its
 * contiguous slice of every shuffled global batch (the first n % N ranks one
 * sample more, as OpenMP's static schedule splits a batch over threads), the
 * loss is a mean over the global batch, and after each backward the gradients
 * are summed over ranks in rank order (so a run is reproducible, and equal on
 * every rank) before the optimizer step every rank takes alike. Evaluation is
 * sharded and its counts summed. MPI lives in a module loaded only here
 * (libcnnc-mpi.so): a program that never opens a communicator never maps libmpi. */
#ifndef CNNC_DIST_H
#define CNNC_DIST_H

#include <stdint.h>
#include "cnnc/status.h"
#include "cnnc/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cnnc_comm cnnc_comm;

/* Which launcher started this process as one rank of a job, from the
 * environment it sets: "mpirun" (Open MPI: OMPI_COMM_WORLD_SIZE), "srun"
 * (Slurm: SLURM_STEP_NUM_TASKS), "pmi" (PMI_SIZE, PMIX_RANK: MPICH's Hydra,
 * PMIx launchers); NULL when none did. CNNC_DIST=0 in the environment: NULL. */
const char *cnnc_dist_launcher(void);
/* The world size the launcher announced (0 when it says none). */
int cnnc_dist_launcher_size(void);

/* Load the MPI module and initialise MPI on the world communicator. */
cnnc_status cnnc_comm_open(cnnc_comm **out, cnnc_error *err);
int cnnc_comm_rank(const cnnc_comm *c);
int cnnc_comm_size(const cnnc_comm *c);
/* The MPI library in use, e.g. "Open MPI v4.1.4". */
const char *cnnc_comm_library(const cnnc_comm *c);
/* Whether any rank passes a nonzero `mine` (every rank must call). */
cnnc_status cnnc_comm_any(cnnc_comm *c, int mine, int *any, cnnc_error *err);
/* MPI_Finalize (every rank, after agreeing to stop) and free. NULL: no-op. */
cnnc_status cnnc_comm_close(cnnc_comm *c, cnnc_error *err);
/* A rank that cannot go on: the launcher stops every rank with this code. */
void cnnc_comm_abort(cnnc_comm *c, int code);

/* One process, several threads, each one rank (cnnc train --gpus 0,1,...: one
 * thread per GPU): the world the threads share, made before they start and
 * freed after every rank has closed its communicator. The same reductions as
 * MPI's, in the same rank order, through shared memory. */
#define CNNC_MAX_THREAD_RANKS 64
typedef struct cnnc_thread_world cnnc_thread_world;
cnnc_status cnnc_thread_world_create(int size, cnnc_thread_world **out, cnnc_error *err);
void cnnc_thread_world_free(cnnc_thread_world *w);
/* Rank `rank`'s communicator, opened on that rank's own thread: every later call
 * with it (and with an engine set on it) must come from that thread. Closing it
 * waits for every rank's close; cnnc_comm_abort on it makes the other ranks'
 * next reduction fail (rather than wait) with a message naming this rank. */
cnnc_status cnnc_comm_open_thread(cnnc_thread_world *w, int rank, cnnc_comm **out, cnnc_error *err);
/* A rank's abort code once one has aborted (the launcher thread's cue to stop
 * waiting for the others), else 0. */
int cnnc_thread_world_aborted(cnnc_thread_world *w);
/* Stop the world from outside any rank (a rank's thread that could not start):
 * every rank's next reduction fails rather than waits. */
void cnnc_thread_world_abort(cnnc_thread_world *w, int code);
/* Make `e` one replica of a data-parallel job on `c` (borrowed; it must outlive
 * the engine's training): rank 0's parameters, buffers, optimizer state, step
 * and RNG position go to every rank (call after any --resume load), then
 * training and evaluation run on this rank's slices. Any backend (a device
 * engine as cnnc_engine_set_comm_backend's AUTO picks). sync_bn (cpu only):
 * BatchNorm's batch statistics over the global batch (as SyncBatchNorm); 0:
 * per-rank statistics, as DistributedDataParallel (rank 0's running statistics
 * are broadcast before each evaluation). */
cnnc_status cnnc_engine_set_comm(cnnc_engine *e, cnnc_comm *c, int sync_bn, cnnc_error *err);

/* Which library moves a device engine's gradients, as torch.distributed names its
 * backends: NCCL on the GPU (the unique id bootstrapped through MPI), or MPI with
 * the gradients staged through host memory (a copy each way per step). AUTO:
 * NCCL when the engine's backend has it (cuda built with NCCL), else MPI. A cpu
 * engine always uses MPI, in place. */
typedef enum cnnc_dist_backend { CNNC_DIST_AUTO = 0, CNNC_DIST_MPI, CNNC_DIST_NCCL } cnnc_dist_backend;
const char *cnnc_dist_backend_name(cnnc_dist_backend b);
/* cnnc_engine_set_comm with the backend chosen; sync_bn is the cpu backend's only. */
cnnc_status cnnc_engine_set_comm_backend(cnnc_engine *e, cnnc_comm *c, int sync_bn, cnnc_dist_backend backend,
                                         cnnc_error *err);
/* DistributedDataParallel's bucket_cap_mb, for an engine whose gradients NCCL
 * sums: backward's gradients are summed in buckets of about this many MiB (the
 * first 1 MiB, as DDP's first bucket), each on NCCL's own stream as soon as
 * backward has written it, so the sums overlap the rest of backward. 0 before
 * any call: 25 (DDP's default). Call before cnnc_engine_set_comm*; a value
 * outside [4 bytes, 1 TiB] is a ValueError. */
#define CNNC_BUCKET_CAP_MB_MIN (4.0 / 1048576.0)   /* one float */
#define CNNC_BUCKET_CAP_MB_MAX 1048576.0             /* 1 TiB */
cnnc_status cnnc_engine_set_bucket_cap_mb(cnnc_engine *e, double mb, cnnc_error *err);
/* What sums the engine's gradients: NCCL or MPI once set, AUTO before. */
cnnc_dist_backend cnnc_engine_dist_backend(const cnnc_engine *e);

#ifdef __cplusplus
}
#endif
#endif
