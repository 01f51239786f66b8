/* train_dist.c — `cnnc train` as one rank of a data-parallel job started by
 * mpirun or srun (cnnc/dist.h), or as one of the threads of `--gpus 0,1,...`:
 * opening the communicator, the device each rank may use, and how the job
 * ends (every rank finalizes after a clean end or an agreed interrupt; a rank
 * that fails alone aborts the job, so that the others do not wait for it). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

int cli_parse_dist_backend(const char *cmd, const char *v, cnnc_dist_backend *out) {
    if (v && !strcmp(v, "nccl")) *out = CNNC_DIST_NCCL;
    else if (v && !strcmp(v, "mpi")) *out = CNNC_DIST_MPI;
    else if (v && !strcmp(v, "auto")) *out = CNNC_DIST_AUTO;
    else return cli_usage(cmd, "bad or missing value for --dist-backend%s%s: nccl, mpi or auto", v ? ": " : "", v ? v : "");
    return 0;
}

/* The rank's place on its node, as the launchers say it (Open MPI, Slurm, MPICH's
 * Hydra); -1 when none does. */
static int local_rank(void) {
    static const char *const vars[] = {"OMPI_COMM_WORLD_LOCAL_RANK", "SLURM_LOCALID", "MPI_LOCALRANKID"};
    for (size_t k = 0; k < sizeof vars / sizeof vars[0]; k++) {
        const char *v = getenv(vars[k]);
        int64_t r;
        if (v && cli_parse_i64(v, &r) && r >= 0 && r <= 1023) return (int)r;
    }
    return -1;
}

/* ---- --gpus: one thread per GPU in this process ---- */

typedef struct gpu_job gpu_job;
typedef struct gpu_rank {
    gpu_job *job;
    int rank, gpu, rc;
    pthread_t thread;
} gpu_rank;
struct gpu_job {
    cnnc_thread_world *world;
    int argc;
    char **argv;
    int (*main_fn)(int, char **);
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int finished;
    gpu_rank ranks[CNNC_MAX_THREAD_RANKS];
};

/* The rank this thread runs (NULL: the process's own thread). */
static _Thread_local gpu_rank *my_gpu_rank;

int cli_parse_gpus(const char *cmd, const char *v, cli_gpus *out) {
    out->n = 0;
    const char *p = v ? v : "";
    while (*p) {
        char *end;
        errno = 0;
        const long g = strtol(p, &end, 10);
        if (end == p || errno || g < 0 || g > 1023 || (*end && *end != ','))
            return cli_usage(cmd, "bad value for --gpus: %s: CUDA device ordinals separated by commas, e.g. 0,1", v);
        for (int k = 0; k < out->n; k++)
            if (out->ids[k] == (int)g)
                return cli_usage(cmd, "--gpus %s names GPU %ld twice: NCCL takes one rank per GPU", v, g);
        if (out->n == CNNC_MAX_THREAD_RANKS)
            return cli_usage(cmd, "--gpus %s: more than %d GPUs", v, CNNC_MAX_THREAD_RANKS);
        out->ids[out->n++] = (int)g;
        p = *end ? end + 1 : end;
        if (*end && !*p) return cli_usage(cmd, "bad value for --gpus: %s: a trailing comma", v);
    }
    if (out->n == 0) return cli_usage(cmd, "--gpus needs CUDA device ordinals, e.g. --gpus 0,1");
    return 0;
}

int cli_in_gpu_rank(void) { return my_gpu_rank != NULL; }

static void *gpu_rank_main(void *arg) {
    gpu_rank *r = arg;
    my_gpu_rank = r;
    r->rc = r->job->main_fn(r->job->argc, r->job->argv);
    /* a rank that failed before it joined (a usage error, an engine its GPU could
     * not make) must not leave the others waiting for it */
    if (r->rc != 0) cnnc_thread_world_abort(r->job->world, r->rc);
    pthread_mutex_lock(&r->job->mu);
    r->job->finished++;
    pthread_cond_broadcast(&r->job->cv);
    pthread_mutex_unlock(&r->job->mu);
    return NULL;
}

/* How long the others get to stop once one rank has aborted: a rank waiting in
 * a device collective for the one that stopped would otherwise wait forever. */
#define CLI_GPU_ABORT_GRACE_S 10

int cli_run_gpus(const char *cmd, int argc, char **argv, const cli_gpus *gpus, const cli_engine_opts *eo,
                 int (*main_fn)(int, char **)) {
    if (cnnc_dist_launcher())
        return cli_usage(cmd, "--gpus runs one process with a thread per GPU; under %s each rank is a process and "
                              "takes the GPU of its place on the node: drop --gpus",
                         cnnc_dist_launcher());
    if (eo->cfg.device == CNNC_DEVICE_CPU || eo->device_index_given)
        return cli_usage(cmd, "--gpus puts rank k on the k-th GPU it lists: drop --device (or give --device cuda)");
    cnnc_error err;
    cnnc_error_clear(&err);
    const int count = cnnc_cuda_device_count(&err);
    for (int k = 0; k < gpus->n; k++)
        if (gpus->ids[k] >= count) {
            if (count <= 0) {
                fprintf(stderr, "cnnc %s: --gpus needs CUDA devices, and this machine has none usable:\n", cmd);
                return cli_fail(&err);
            }
            return cli_usage(cmd, "--gpus: GPU %d does not exist: this machine has %d CUDA device%s (0 to %d)",
                             gpus->ids[k], count, count == 1 ? "" : "s", count - 1);
        }
    gpu_job *job = calloc(1, sizeof *job);
    if (!job || cnnc_thread_world_create(gpus->n, &job->world, &err) != CNNC_OK) {
        free(job);
        return cli_fail(&err);
    }
    job->argc = argc;
    job->argv = argv;
    job->main_fn = main_fn;
    pthread_mutex_init(&job->mu, NULL);
    pthread_cond_init(&job->cv, NULL);
    int started = 0, rc = 0;
    for (; started < gpus->n; started++) {
        gpu_rank *r = &job->ranks[started];
        *r = (gpu_rank){job, started, gpus->ids[started], 0, 0};
        if (pthread_create(&r->thread, NULL, gpu_rank_main, r) != 0) break;
    }
    if (started < gpus->n) {
        /* the ranks that started wait for the missing one: stop them */
        fprintf(stderr, "cnnc %s: cannot start a thread for GPU %d\n", cmd, gpus->ids[started]);
        cnnc_thread_world_abort(job->world, 1);
        rc = 1;
    }
    /* Wait for every rank; once one has aborted, give the others a grace. */
    pthread_mutex_lock(&job->mu);
    time_t aborted_at = 0;
    while (job->finished < started) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        pthread_cond_timedwait(&job->cv, &job->mu, &until);
        if (!aborted_at && cnnc_thread_world_aborted(job->world)) aborted_at = time(NULL);
        if (aborted_at && time(NULL) - aborted_at >= CLI_GPU_ABORT_GRACE_S && job->finished < started) {
            pthread_mutex_unlock(&job->mu);
            fprintf(stderr, "cnnc %s: a rank stopped and %d of the %d others did not stop within %d s (waiting on "
                            "the GPUs): ending the process\n",
                    cmd, started - job->finished, started - 1, CLI_GPU_ABORT_GRACE_S);
            fflush(stdout);
            fflush(stderr);
            _exit(cnnc_thread_world_aborted(job->world));
        }
    }
    pthread_mutex_unlock(&job->mu);
    for (int k = 0; k < started; k++) {
        pthread_join(job->ranks[k].thread, NULL);
        if (!rc) rc = job->ranks[k].rc;
    }
    pthread_cond_destroy(&job->cv);
    pthread_mutex_destroy(&job->mu);
    cnnc_thread_world_free(job->world);
    free(job);
    return rc;
}

int cli_dist_open(const char *cmd, int sync_bn, cli_engine_opts *eo, cnnc_comm **out) {
    *out = NULL;
    if (my_gpu_rank) {
        /* one thread of --gpus: its GPU, and the communicator over the threads */
        eo->cfg.device = CNNC_DEVICE_CUDA;
        eo->cfg.device_index = my_gpu_rank->gpu;
        cnnc_error err;
        cnnc_error_clear(&err);
        if (cnnc_comm_open_thread(my_gpu_rank->job->world, my_gpu_rank->rank, out, &err) != CNNC_OK) {
            cnnc_thread_world_abort(my_gpu_rank->job->world, 1);
            return cli_fail(&err);
        }
        return 0;
    }
    const char *launcher = cnnc_dist_launcher();
    if (!launcher) {
        if (sync_bn)
            return cli_usage(cmd, "--sync-bn synchronises BatchNorm across the ranks of a data-parallel run: start "
                                  "it with mpirun -np N cnnc %s ... (or srun)", cmd);
        return 0;
    }
    /* each rank its own GPU, by its place on the node (torch.cuda.set_device(local_rank));
     * --device cuda:N puts every rank on GPU N */
    const int lr = local_rank();
    if (!eo->device_index_given && lr >= 0) eo->cfg.device_index = lr;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_comm_open(out, &err) != CNNC_OK) {
        fprintf(stderr, "cnnc %s: started by %s as one rank of a job, but MPI cannot start:\n", cmd, launcher);
        return cli_fail(&err);
    }
    return 0;
}

int cli_dist_end(cnnc_comm *c, int rc, int agreed) {
    if (!c) return rc;
    if (rc != 0 && !agreed) {
        /* This rank fails on its own: the others would wait for it in the next
         * reduction. MPI_Abort has the launcher stop them all. */
        fflush(stdout);
        fflush(stderr);
        cnnc_comm_abort(c, rc);
        /* MPI's abort ends the process; a thread rank's returns, and goes */
        cnnc_error ignored;
        (void)cnnc_comm_close(c, &ignored);
        return rc;
    }
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_comm_close(c, &err) != CNNC_OK && rc == 0) rc = cli_fail(&err);
    return rc;
}
