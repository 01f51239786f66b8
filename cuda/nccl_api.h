/* nccl_api.h — the NCCL functions the CUDA backend calls (nccl.cu), reached
 * through a table: the plugin links no libnccl, so a machine without NCCL
 * still trains on one GPU; the library is opened the first time a
 * data-parallel job asks for it (nccl_loader.c; the CUDA emulator's tests
 * give a one-rank NCCL of their own, tests/emu/nccl_emu.cpp). */
#ifndef CNNC_NCCL_API_H
#define CNNC_NCCL_API_H

#include <stddef.h>
#include <cuda_runtime_api.h>
#include <nccl.h>
#include "cnnc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cnnc_nccl_api {
    const char *library;   /* the file it came from, for messages */
    ncclResult_t (*get_unique_id)(ncclUniqueId *id);
    ncclResult_t (*comm_init_rank)(ncclComm_t *comm, int nranks, ncclUniqueId id, int rank);
    ncclResult_t (*comm_destroy)(ncclComm_t comm);
    ncclResult_t (*comm_get_async_error)(ncclComm_t comm, ncclResult_t *async_error);
    ncclResult_t (*all_reduce)(const void *send, void *recv, size_t count, ncclDataType_t type, ncclRedOp_t op,
                               ncclComm_t comm, cudaStream_t stream);
    ncclResult_t (*broadcast)(const void *send, void *recv, size_t count, ncclDataType_t type, int root,
                              ncclComm_t comm, cudaStream_t stream);
    const char *(*get_error_string)(ncclResult_t result);
    const char *(*get_last_error)(ncclComm_t comm);
} cnnc_nccl_api;

/* The table, loaded once; NULL with err saying which library is missing and how
 * to install it. */
const cnnc_nccl_api *cnnc_nccl_api_load(cnnc_error *err);

#ifdef __cplusplus
}
#endif
#endif
