/* train_dist.c — `cnnc train` as one rank of a data-parallel job started by
 * mpirun or srun (cnnc/dist.h): opening the communicator when a launcher
 * started this process, the device it may use, and how the job ends (every
 * rank finalizes after a clean end or an agreed interrupt; a rank that fails
 * alone aborts the job, so that the others do not wait for it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int cli_dist_open(const char *cmd, int sync_bn, cli_engine_opts *eo, cnnc_comm **out) {
    *out = NULL;
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
        return rc;
    }
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_comm_close(c, &err) != CNNC_OK && rc == 0) rc = cli_fail(&err);
    return rc;
}
