/* mpi_plugin.h — the boundary between the core and the MPI module
 * (libcnnc-mpi.so, built from mpi/ with libmpi as its own dependency). The core
 * links no MPI library: src/engine/mpi_loader.c dlopens the module only when the
 * process was started as one rank of a job (mpirun, srun), so `cnnc check` and a
 * single-process `cnnc train` never map libmpi. The module exports one function,
 * cnnc_mpi_plugin_entry, returning this table. It uses nothing of the core (it
 * depends on libc and libmpi only): every call returns 0, or nonzero with a
 * message in msg[cap], which the core turns into a cnnc_status. It never prints
 * and never exits (MPI_ERRORS_RETURN on the world communicator). */
#ifndef CNNC_MPI_PLUGIN_H
#define CNNC_MPI_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bump when the table changes shape. */
#define CNNC_MPI_PLUGIN_ABI 1
#define CNNC_MPI_PLUGIN_ENTRY "cnnc_mpi_plugin_entry"
#define CNNC_MPI_PLUGIN_FILE "libcnnc-mpi.so"

typedef struct cnnc_mpi_plugin {
    int abi;                        /* CNNC_MPI_PLUGIN_ABI of the module's build */
    /* MPI_Init_thread (FUNNELED: only the main thread calls MPI; OpenMP threads
     * never do) on MPI_COMM_WORLD; this process's rank and the world size. */
    int (*init)(int *rank, int *size, char *msg, size_t cap);
    int (*finalize)(char *msg, size_t cap);
    /* MPI_Bcast of `bytes` bytes from `root` (any size: sent in pieces). */
    int (*bcast)(void *buf, size_t bytes, int root, char *msg, size_t cap);
    /* MPI_Allgather: each rank's `bytes` bytes, into recv[size * bytes] in rank order. */
    int (*allgather)(const void *send, void *recv, size_t bytes, char *msg, size_t cap);
    /* MPI_Alltoallv of floats (counts and displacements in floats, per rank). */
    int (*alltoallv_floats)(const float *send, const int *send_counts, const int *send_displs, float *recv,
                            const int *recv_counts, const int *recv_displs, char *msg, size_t cap);
    /* MPI_Allgatherv of floats in place: this rank's part already sits at
     * buf + displs[rank]; every rank ends with every part. */
    int (*allgatherv_floats_inplace)(float *buf, const int *counts, const int *displs, char *msg, size_t cap);
    /* MPI_Abort on the world: the launcher stops every rank (a rank that cannot go on). */
    void (*abort)(int code);
    /* The MPI library's version string (MPI_Get_library_version), first line. */
    void (*library_version)(char *buf, size_t cap);
} cnnc_mpi_plugin;

typedef const cnnc_mpi_plugin *(*cnnc_mpi_plugin_entry_fn)(void);

/* Defined by the module (mpi/comm_mpi.c). */
const cnnc_mpi_plugin *cnnc_mpi_plugin_entry(void);

#ifdef __cplusplus
}
#endif
#endif
