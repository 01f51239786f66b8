/* thread_comm.c — a data-parallel world of threads in one process (`cnnc train
 * --gpus 0,1,...`, cnnc_comm_open_thread): the MPI module's table
 * (mpi_plugin.h) served by shared memory, so that dist.c runs unchanged over
 * threads as over processes. Each collective is a rendezvous: every rank posts
 * its pointers, waits at a barrier, copies what it needs from the others, and
 * waits again before its buffers may change. The table's calls carry no
 * communicator, so each rank's thread holds its place in a thread-local. A
 * rank that stops alone (abort) wakes the others' barriers with an error
 * instead of leaving them waiting. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/dist_internal.h"

typedef struct thread_post {
    const void *a;                 /* the rank's send (or in-place) buffer */
    const int *counts, *displs;    /* alltoallv's send layout */
} thread_post;

struct cnnc_thread_world {
    int size;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int arrived;
    unsigned long generation;
    int aborted;                   /* a rank's abort code, or 0 */
    int aborted_rank;
    thread_post *posts;            /* [size] */
};

static _Thread_local cnnc_thread_world *my_world;
static _Thread_local int my_rank;

cnnc_status cnnc_thread_world_create(int size, cnnc_thread_world **out, cnnc_error *err) {
    *out = NULL;
    if (size < 1 || size > CNNC_MAX_THREAD_RANKS)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "a world of %d threads: 1 to %d", size,
                              CNNC_MAX_THREAD_RANKS);
    cnnc_thread_world *w = calloc(1, sizeof *w);
    if (w) w->posts = calloc((size_t)size, sizeof *w->posts);
    if (!w || !w->posts) {
        if (w) free(w);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate a world of %d threads", size);
    }
    w->size = size;
    w->aborted_rank = -1;
    if (pthread_mutex_init(&w->mu, NULL) != 0 || pthread_cond_init(&w->cv, NULL) != 0) {
        free(w->posts);
        free(w);
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError", "cannot make the threads' barrier");
    }
    *out = w;
    return CNNC_OK;
}

void cnnc_thread_world_free(cnnc_thread_world *w) {
    if (!w) return;
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->mu);
    free(w->posts);
    free(w);
}

int cnnc_thread_world_aborted(cnnc_thread_world *w) {
    pthread_mutex_lock(&w->mu);
    const int a = w->aborted;
    pthread_mutex_unlock(&w->mu);
    return a;
}

/* Every rank here, or an error once any rank has aborted. */
static int barrier(char *msg, size_t cap) {
    cnnc_thread_world *w = my_world;
    pthread_mutex_lock(&w->mu);
    const unsigned long gen = w->generation;
    if (!w->aborted && ++w->arrived == w->size) {
        w->arrived = 0;
        w->generation++;
        pthread_cond_broadcast(&w->cv);
    } else {
        while (gen == w->generation && !w->aborted) pthread_cond_wait(&w->cv, &w->mu);
    }
    const int failed = w->aborted != 0 && gen == w->generation;
    const int who = w->aborted_rank;
    pthread_mutex_unlock(&w->mu);
    if (failed) {
        if (who >= 0) snprintf(msg, cap, "rank %d (a thread of this process) stopped, so rank %d cannot go on", who, my_rank);
        else snprintf(msg, cap, "a rank could not start, so rank %d cannot go on", my_rank);
    }
    return failed;
}

static int t_init(int *rank, int *size, char *msg, size_t cap) {
    if (!my_world) {
        snprintf(msg, cap, "this thread has not joined a world of threads (cnnc_comm_open_thread)");
        return 1;
    }
    *rank = my_rank;
    *size = my_world->size;
    return 0;
}

/* Collective, as MPI_Finalize: a rank's close waits for the others'. */
static int t_finalize(char *msg, size_t cap) { return barrier(msg, cap); }

static int t_bcast(void *buf, size_t bytes, int root, char *msg, size_t cap) {
    cnnc_thread_world *w = my_world;
    w->posts[my_rank].a = buf;
    if (barrier(msg, cap)) return 1;
    if (my_rank != root) memcpy(buf, w->posts[root].a, bytes);
    return barrier(msg, cap);
}

static int t_allgather(const void *send, void *recv, size_t bytes, char *msg, size_t cap) {
    cnnc_thread_world *w = my_world;
    w->posts[my_rank].a = send;
    if (barrier(msg, cap)) return 1;
    for (int r = 0; r < w->size; r++) memcpy((char *)recv + (size_t)r * bytes, w->posts[r].a, bytes);
    return barrier(msg, cap);
}

static int t_alltoallv_floats(const float *send, const int *send_counts, const int *send_displs, float *recv,
                              const int *recv_counts, const int *recv_displs, char *msg, size_t cap) {
    cnnc_thread_world *w = my_world;
    w->posts[my_rank] = (thread_post){send, send_counts, send_displs};
    if (barrier(msg, cap)) return 1;
    for (int q = 0; q < w->size; q++) {
        const thread_post *p = &w->posts[q];
        const int n = p->counts[my_rank] < recv_counts[q] ? p->counts[my_rank] : recv_counts[q];
        memcpy(recv + recv_displs[q], (const float *)p->a + p->displs[my_rank], (size_t)n * sizeof(float));
    }
    return barrier(msg, cap);
}

/* Each rank writes only its own buffer, and reads only each owner's own part
 * of the others' (which nobody writes here). */
static int t_allgatherv_floats_inplace(float *buf, const int *counts, const int *displs, char *msg, size_t cap) {
    cnnc_thread_world *w = my_world;
    w->posts[my_rank].a = buf;
    if (barrier(msg, cap)) return 1;
    for (int q = 0; q < w->size; q++)
        if (q != my_rank)
            memcpy(buf + displs[q], (const float *)w->posts[q].a + displs[q], (size_t)counts[q] * sizeof(float));
    return barrier(msg, cap);
}

static void world_abort(cnnc_thread_world *w, int rank, int code) {
    pthread_mutex_lock(&w->mu);
    if (!w->aborted) {
        w->aborted = code ? code : 1;
        w->aborted_rank = rank;
    }
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

void cnnc_thread_world_abort(cnnc_thread_world *w, int code) {
    if (w) world_abort(w, -1, code);
}

static void t_abort(int code) {
    if (my_world) world_abort(my_world, my_rank, code);
}

static void t_library_version(char *buf, size_t cap) {
    snprintf(buf, cap, "%d threads of one process", my_world ? my_world->size : 0);
}

static const cnnc_mpi_plugin thread_table = {
    CNNC_MPI_PLUGIN_ABI, t_init, t_finalize, t_bcast, t_allgather, t_alltoallv_floats, t_allgatherv_floats_inplace,
    t_abort, t_library_version,
};

cnnc_status cnnc_comm_open_thread(cnnc_thread_world *w, int rank, cnnc_comm **out, cnnc_error *err) {
    *out = NULL;
    if (!w || rank < 0 || rank >= w->size)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "rank %d of a world of %d threads", rank,
                              w ? w->size : 0);
    my_world = w;
    my_rank = rank;
    return cnnc_comm_start(&thread_table, out, err);
}
