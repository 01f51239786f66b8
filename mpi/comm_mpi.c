/* comm_mpi.c — the MPI module, libcnnc-mpi.so (src/engine/mpi_plugin.h): the
 * few MPI calls data-parallel training makes, each checked. Errors come back as
 * a message, never as a print or an exit: the world communicator returns its
 * errors (MPI_ERRORS_RETURN) instead of aborting the job. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <mpi.h>

#include "engine/mpi_plugin.h"

/* "MPI_Xxx failed: <MPI's own words>" into msg; returns 1. */
static int failed(int rc, const char *call, char *msg, size_t cap) {
    char why[MPI_MAX_ERROR_STRING];
    int len = 0;
    if (MPI_Error_string(rc, why, &len) != MPI_SUCCESS) snprintf(why, sizeof why, "MPI error code %d", rc);
    snprintf(msg, cap, "%s failed: %s", call, why);
    return 1;
}

#define CHECK(call, name)                                             \
    do {                                                              \
        int rc_ = (call);                                             \
        if (rc_ != MPI_SUCCESS) return failed(rc_, name, msg, cap);   \
    } while (0)

static int mpi_init(int *rank, int *size, char *msg, size_t cap) {
    int inited = 0, provided = 0;
    CHECK(MPI_Initialized(&inited), "MPI_Initialized");
    if (!inited) {
        /* Errors in MPI_Init itself abort (MPI_ERRORS_ARE_FATAL is the default
         * then); the launcher reports those. */
        CHECK(MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
        if (provided < MPI_THREAD_FUNNELED) {
            snprintf(msg, cap, "the MPI library offers thread level %d, below MPI_THREAD_FUNNELED", provided);
            return 1;
        }
    }
    CHECK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN), "MPI_Comm_set_errhandler");
    CHECK(MPI_Comm_rank(MPI_COMM_WORLD, rank), "MPI_Comm_rank");
    CHECK(MPI_Comm_size(MPI_COMM_WORLD, size), "MPI_Comm_size");
    return 0;
}

static int mpi_finalize(char *msg, size_t cap) {
    int done = 0;
    CHECK(MPI_Finalized(&done), "MPI_Finalized");
    if (!done) CHECK(MPI_Finalize(), "MPI_Finalize");
    return 0;
}

static int mpi_bcast(void *buf, size_t bytes, int root, char *msg, size_t cap) {
    unsigned char *p = buf;
    while (bytes > 0) {   /* MPI counts are int: large buffers go in pieces */
        int n = bytes > (size_t)(INT_MAX / 2) ? INT_MAX / 2 : (int)bytes;
        CHECK(MPI_Bcast(p, n, MPI_BYTE, root, MPI_COMM_WORLD), "MPI_Bcast");
        p += n;
        bytes -= (size_t)n;
    }
    return 0;
}

static int mpi_allgather(const void *send, void *recv, size_t bytes, char *msg, size_t cap) {
    if (bytes > (size_t)INT_MAX) {
        snprintf(msg, cap, "MPI_Allgather of %zu bytes per rank is over MPI's int count", bytes);
        return 1;
    }
    CHECK(MPI_Allgather(send, (int)bytes, MPI_BYTE, recv, (int)bytes, MPI_BYTE, MPI_COMM_WORLD), "MPI_Allgather");
    return 0;
}

static int mpi_alltoallv_floats(const float *send, const int *send_counts, const int *send_displs, float *recv,
                                const int *recv_counts, const int *recv_displs, char *msg, size_t cap) {
    CHECK(MPI_Alltoallv(send, send_counts, send_displs, MPI_FLOAT, recv, recv_counts, recv_displs, MPI_FLOAT,
                        MPI_COMM_WORLD),
          "MPI_Alltoallv");
    return 0;
}

static int mpi_allgatherv_floats_inplace(float *buf, const int *counts, const int *displs, char *msg, size_t cap) {
    CHECK(MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, buf, counts, displs, MPI_FLOAT, MPI_COMM_WORLD),
          "MPI_Allgatherv");
    return 0;
}

static void mpi_abort(int code) { MPI_Abort(MPI_COMM_WORLD, code); }

static void mpi_library_version(char *buf, size_t cap) {
    char v[MPI_MAX_LIBRARY_VERSION_STRING];
    int len = 0;
    if (cap == 0) return;
    if (MPI_Get_library_version(v, &len) != MPI_SUCCESS) v[0] = '\0';
    v[strcspn(v, ",\n")] = '\0';
    snprintf(buf, cap, "%s", v);
}

static const cnnc_mpi_plugin PLUGIN = {
    .abi = CNNC_MPI_PLUGIN_ABI,
    .init = mpi_init,
    .finalize = mpi_finalize,
    .bcast = mpi_bcast,
    .allgather = mpi_allgather,
    .alltoallv_floats = mpi_alltoallv_floats,
    .allgatherv_floats_inplace = mpi_allgatherv_floats_inplace,
    .abort = mpi_abort,
    .library_version = mpi_library_version,
};

__attribute__((visibility("default"))) const cnnc_mpi_plugin *cnnc_mpi_plugin_entry(void) { return &PLUGIN; }
