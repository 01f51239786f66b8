/* train_dist.c — `cnnc train` as one rank of a data-parallel job started by
 * mpirun or srun (cnnc/dist.h): opening the communicator when a launcher
 * started this process, the device it may use, and how the job ends (every
 * rank finalizes after a clean end or an agreed interrupt; a rank that fails
 * alone aborts the job, so that the others do not wait for it). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int cli_dist_open(const char *cmd, int sync_bn, cnnc_device_kind *device, cnnc_comm **out) {
    *out = NULL;
    const char *launcher = cnnc_dist_launcher();
    if (!launcher) {
        if (sync_bn)
            return cli_usage(cmd, "--sync-bn synchronises BatchNorm across the ranks of a data-parallel run: start "
                                  "it with mpirun -np N cnnc %s ... (or srun)", cmd);
        return 0;
    }
    if (*device == CNNC_DEVICE_CUDA)
        return cli_usage(cmd, "data-parallel training under %s runs on the cpu backend only (--device cuda: the NCCL "
                              "path is not implemented yet, docs/scaling.md); use --device cpu", launcher);
    *device = CNNC_DEVICE_CPU;   /* auto: the cpu, the one backend that trains across ranks */
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
