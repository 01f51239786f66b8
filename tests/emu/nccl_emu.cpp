// nccl_emu.cpp — a one-rank NCCL for the CUDA emulator (cuda/nccl_api.h's
// table): a communicator of one rank, whose all-reduce and broadcast leave the
// data as it is (copied when the buffers differ). It runs the backend's NCCL
// path through a data-parallel job of one rank, as the issue asks of a
// one-GPU machine; more ranks are refused with NCCL's own error. With
// CNNC_EMU_NCCL_LOG=FILE, destroying a communicator appends what it carried to
// FILE, for the tests to check the wiring (each step's sums, the set-up's broadcasts).
// Its collectives are the device's work (cnnc_emu::enqueue): captured into a
// graph, they run at each replay.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <nccl.h>
#include "nccl_api.h"

struct ncclComm {
    int rank;
    long long sums, sum_floats_min, sum_floats_max, bcasts, bcast_bytes;
};

namespace {

thread_local char last_error[256];

size_t type_bytes(ncclDataType_t t) {
    switch (t) {
    case ncclInt8: case ncclUint8: return 1;
    case ncclFloat16: return 2;
    case ncclInt32: case ncclUint32: case ncclFloat32: return 4;
    default: return 8;
    }
}

ncclResult_t get_unique_id(ncclUniqueId *id) {
    if (!id) return ncclInvalidArgument;
    std::memset(id, 0, sizeof *id);
    std::snprintf(id->internal, sizeof id->internal, "cnnc-emu-nccl");
    return ncclSuccess;
}

ncclResult_t comm_init_rank(ncclComm_t *comm, int nranks, ncclUniqueId id, int rank) {
    if (!comm || std::strcmp(id.internal, "cnnc-emu-nccl") != 0) return ncclInvalidArgument;
    if (nranks != 1 || rank != 0) {
        std::snprintf(last_error, sizeof last_error, "the CUDA emulator's NCCL has one rank (asked for rank %d of %d)",
                      rank, nranks);
        return ncclInvalidUsage;
    }
    *comm = new ncclComm{rank, 0, 0, 0, 0, 0};
    return ncclSuccess;
}

ncclResult_t comm_destroy(ncclComm_t comm) {
    const char *log = std::getenv("CNNC_EMU_NCCL_LOG");
    if (comm && log && *log) {
        if (FILE *f = std::fopen(log, "a")) {
            std::fprintf(f, "all_reduce calls=%lld floats=%lld..%lld; broadcast calls=%lld bytes=%lld\n", comm->sums,
                         comm->sum_floats_min, comm->sum_floats_max, comm->bcasts, comm->bcast_bytes);
            std::fclose(f);
        }
    }
    delete comm;
    return ncclSuccess;
}

ncclResult_t comm_get_async_error(ncclComm_t comm, ncclResult_t *async) {
    if (!comm || !async) return ncclInvalidArgument;
    *async = ncclSuccess;
    return ncclSuccess;
}

ncclResult_t copy(const void *send, void *recv, size_t bytes) {
    if (!send || !recv) return ncclInvalidArgument;
    if (send != recv) std::memmove(recv, send, bytes);
    return ncclSuccess;
}

// CNNC_EMU_NCCL_COPIES=K: the one rank's float sums come out K times their input, as K
// ranks with identical gradients would give. A sum that misses a gradient, covers one
// twice, or runs before backward wrote it then shows in the trained weights (the
// bucketed sums' test holds them to a run at K times the learning rate).
float sum_copies() {
    const char *k = std::getenv("CNNC_EMU_NCCL_COPIES");
    return k && *k ? (float)std::atoi(k) : 1.0f;
}

ncclResult_t all_reduce(const void *send, void *recv, size_t count, ncclDataType_t type, ncclRedOp_t op,
                        ncclComm_t comm, cudaStream_t) {
    if (!comm || op != ncclSum || !send || !recv) return ncclInvalidArgument;
    const float copies = sum_copies();
    if (copies != 1.0f && type != ncclFloat32) return ncclInvalidUsage;
    // Queued as the device's work: run now, or at each replay of a captured step.
    cnnc_emu::enqueue([=]() {
        comm->sums++;
        const long long n = (long long)count * (long long)type_bytes(type) / 4;   /* in floats */
        comm->sum_floats_min = comm->sums == 1 || n < comm->sum_floats_min ? n : comm->sum_floats_min;
        comm->sum_floats_max = n > comm->sum_floats_max ? n : comm->sum_floats_max;
        (void)copy(send, recv, count * type_bytes(type));
        if (copies != 1.0f)
            for (size_t i = 0; i < count; i++) ((float *)recv)[i] *= copies;
    });
    return ncclSuccess;
}

ncclResult_t broadcast(const void *send, void *recv, size_t count, ncclDataType_t type, int root, ncclComm_t comm,
                       cudaStream_t) {
    if (!comm || root != 0) return ncclInvalidArgument;
    if (!send || !recv) return ncclInvalidArgument;
    cnnc_emu::enqueue([=]() {
        comm->bcasts++;
        comm->bcast_bytes += (long long)(count * type_bytes(type));
        (void)copy(send, recv, count * type_bytes(type));
    });
    return ncclSuccess;
}

const char *get_error_string(ncclResult_t r) {
    switch (r) {
    case ncclSuccess: return "no error";
    case ncclInvalidArgument: return "invalid argument";
    case ncclInvalidUsage: return "invalid usage";
    default: return "unhandled error";
    }
}

const char *get_last_error(ncclComm_t) { return last_error; }

const cnnc_nccl_api emu_api = {"the CUDA emulator's NCCL", get_unique_id, comm_init_rank, comm_destroy,
                               comm_get_async_error, all_reduce, broadcast, get_error_string, get_last_error};

}  // namespace

extern "C" const cnnc_nccl_api *cnnc_nccl_api_load(cnnc_error *) { return &emu_api; }
