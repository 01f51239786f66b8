/* nccl.cu — the CUDA backend's data-parallel reductions over NCCL (src/engine/
 * dist.c): the communicator (rank 0's unique id reaches the others over MPI),
 * the gradients summed in place (on the engine's stream, or bucket by bucket
 * on NCCL's own stream while backward goes on), and rank 0's state broadcast
 * to every rank. Each NCCL call is checked; a failure names the call
 * with ncclGetErrorString and ncclGetLastError, and an asynchronous error (a
 * peer gone) is read with ncclCommGetAsyncError after each collective. */
#include <stdio.h>
#include <string.h>

#include "backend_cuda.h"
#include "nccl_api.h"

static cnnc_status nccl_fail(const cnnc_nccl_api *api, ncclComm_t comm, ncclResult_t rc, const char *stmt,
                             cnnc_error *err) {
    const char *last = api->get_last_error(comm);
    cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "NCCL error in %s: %s%s%s", stmt, api->get_error_string(rc),
                   last && *last ? ": " : "", last && *last ? last : "");
    if (err)
        snprintf(err->hint, sizeof err->hint,
                 "NCCL_DEBUG=INFO in the environment prints NCCL's own log; a rank that stopped is named by the "
                 "launcher");
    return CNNC_ERR_DEVICE;
}

#define CNNC_NCCL_CHECK(api, comm, stmt)                                                   \
    do {                                                                                   \
        ncclResult_t cnnc_nr_ = (stmt);                                                    \
        if (cnnc_nr_ != ncclSuccess) return nccl_fail((api), (comm), cnnc_nr_, #stmt, err); \
    } while (0)

static_assert(sizeof(ncclUniqueId) == 128, "NCCL's unique id is 128 bytes (NCCL_UNIQUE_ID_BYTES)");

extern "C" cnnc_status cnnc_cuda_nccl_id(cnnc_engine *e, unsigned char id[128], cnnc_error *err) {
    CUDA_ENTER(e, st);
    (void)st;
    const cnnc_nccl_api *api = cnnc_nccl_api_load(err);
    if (!api) return err ? err->status : CNNC_ERR_DEVICE;
    ncclUniqueId u;
    CNNC_NCCL_CHECK(api, NULL, api->get_unique_id(&u));
    memcpy(id, &u, sizeof u);
    return CNNC_OK;
}

extern "C" cnnc_status cnnc_cuda_nccl_open(cnnc_engine *e, const unsigned char id[128], int rank, int size,
                                           cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_nccl_api *api = cnnc_nccl_api_load(err);
    if (!api) return err ? err->status : CNNC_ERR_DEVICE;
    if (st->nccl)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "this engine already has an NCCL communicator");
    ncclUniqueId u;
    memcpy(&u, id, sizeof u);
    /* The bucketed sums' stream and events first, so that a failure leaves no
     * communicator that the other ranks would wait on. */
    if (!st->nccl_stream) CNNC_CUDA_CHECK(cudaStreamCreateWithFlags(&st->nccl_stream, cudaStreamNonBlocking));
    if (!st->nccl_fork) CNNC_CUDA_CHECK(cudaEventCreateWithFlags(&st->nccl_fork, cudaEventDisableTiming));
    if (!st->nccl_joined) CNNC_CUDA_CHECK(cudaEventCreateWithFlags(&st->nccl_joined, cudaEventDisableTiming));
    ncclComm_t comm = NULL;
    /* blocks until every rank of the job has joined */
    CNNC_NCCL_CHECK(api, NULL, api->comm_init_rank(&comm, size, u, rank));
    st->nccl = comm;
    st->nccl_pending = 0;
    return CNNC_OK;
}

/* A collective's asynchronous failure (a peer gone, a network error). */
static cnnc_status async_check(const cnnc_nccl_api *api, ncclComm_t comm, cnnc_error *err) {
    ncclResult_t async = ncclSuccess;
    CNNC_NCCL_CHECK(api, comm, api->comm_get_async_error(comm, &async));
    if (async != ncclSuccess) return nccl_fail(api, comm, async, "a collective (asynchronous error)", err);
    return CNNC_OK;
}

/* What a collective needs: the library and the engine's communicator. */
static cnnc_status joined(const cnnc_cuda_state *st, const cnnc_nccl_api **api, ncclComm_t *comm, cnnc_error *err) {
    if (!(*api = cnnc_nccl_api_load(err))) return err ? err->status : CNNC_ERR_DEVICE;
    if (!(*comm = (ncclComm_t)st->nccl))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "no NCCL communicator (nccl_open first)");
    return CNNC_OK;
}

extern "C" cnnc_status cnnc_cuda_nccl_sum(cnnc_engine *e, size_t offset, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_nccl_api *api = NULL;
    ncclComm_t comm = NULL;
    const cnnc_status s = joined(st, &api, &comm, err);
    if (s != CNNC_OK || n <= 0) return s;
    float *g = (float *)(e->arena + offset);
    CNNC_NCCL_CHECK(api, comm, api->all_reduce(g, g, (size_t)n, ncclFloat32, ncclSum, comm, st->stream));
    return async_check(api, comm, err);
}

/* One bucket: NCCL's stream waits for what the engine's stream has queued so
 * far (backward's writes of these gradients), then sums them; the engine's
 * stream goes on with the rest of backward meanwhile. In a captured step the
 * fork and the sum become graph nodes on a branch that sum_join closes. */
extern "C" cnnc_status cnnc_cuda_nccl_sum_begin(cnnc_engine *e, size_t offset, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_nccl_api *api = NULL;
    ncclComm_t comm = NULL;
    const cnnc_status s = joined(st, &api, &comm, err);
    if (s != CNNC_OK || n <= 0) return s;
    CNNC_CUDA_CHECK(cudaEventRecord(st->nccl_fork, st->stream));
    CNNC_CUDA_CHECK(cudaStreamWaitEvent(st->nccl_stream, st->nccl_fork, 0));
    float *g = (float *)(e->arena + offset);
    st->nccl_pending = 1;
    CNNC_NCCL_CHECK(api, comm, api->all_reduce(g, g, (size_t)n, ncclFloat32, ncclSum, comm, st->nccl_stream));
    return async_check(api, comm, err);
}

/* The engine's stream waits for every sum begun since the last join (nothing
 * waits on the host). */
extern "C" cnnc_status cnnc_cuda_nccl_sum_join(cnnc_engine *e, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (!st->nccl_pending) return CNNC_OK;
    st->nccl_pending = 0;
    CNNC_CUDA_CHECK(cudaEventRecord(st->nccl_joined, st->nccl_stream));
    CNNC_CUDA_CHECK(cudaStreamWaitEvent(st->stream, st->nccl_joined, 0));
    return CNNC_OK;
}

extern "C" cnnc_status cnnc_cuda_nccl_bcast(cnnc_engine *e, size_t offset, size_t bytes, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_nccl_api *api = NULL;
    ncclComm_t comm = NULL;
    const cnnc_status s = joined(st, &api, &comm, err);
    if (s != CNNC_OK || bytes == 0) return s;
    void *p = e->arena + offset;
    CNNC_NCCL_CHECK(api, comm, api->broadcast(p, p, bytes, ncclChar, 0, comm, st->stream));
    return async_check(api, comm, err);
}

extern "C" void cnnc_cuda_nccl_release(cnnc_cuda_state *st) {
    /* at release: nothing to report to */
    if (st->nccl_stream) (void)cudaStreamSynchronize(st->nccl_stream);
    if (st->nccl) {
        cnnc_error ignored;
        const cnnc_nccl_api *api = cnnc_nccl_api_load(&ignored);
        if (api) (void)api->comm_destroy((ncclComm_t)st->nccl);
        st->nccl = NULL;
    }
    if (st->nccl_fork) (void)cudaEventDestroy(st->nccl_fork);
    if (st->nccl_joined) (void)cudaEventDestroy(st->nccl_joined);
    if (st->nccl_stream) (void)cudaStreamDestroy(st->nccl_stream);
    st->nccl_fork = st->nccl_joined = NULL;
    st->nccl_stream = NULL;
}
