/* cuda_graph.cu — a whole training step (gather, forward, loss, backward,
 * optimizer) captured once per batch size as a CUDA graph and replayed. What
 * changes from step to step (the optimizer step, the gather start, dropout's
 * RNG offsets, BatchNorm's cumulative factor) is read from device counters,
 * so a replay computes exactly what the op-by-op step would. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cuda_runtime_api.h>
#include "backend_cuda.h"
#include "cuda_kernels.h"
#include "engine/dist_internal.h"

void cnnc_cuda_drop_graphs(cnnc_cuda_state *st) {
    for (int g = 0; g < CNNC_CUDA_GRAPHS; g++) {
        if (st->graphs[g].exec) (void)cudaGraphExecDestroy(st->graphs[g].exec);
        memset(&st->graphs[g], 0, sizeof st->graphs[g]);
    }
}

/* The step, op by op: what a graph captures, and what runs without one. */
static cnnc_status step_ops(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, int64_t n, cnnc_error *err) {
    cnnc_status s = slot >= 0 ? cnnc_cuda_gather_step(e, st, slot, start, n, err) : CNNC_OK;
    if (s == CNNC_OK) s = cnnc_engine_run_forward(e, n, 1, err);
    if (s == CNNC_OK) s = e->ops->loss(e, n, 1, err);
    if (s == CNNC_OK) s = cnnc_engine_run_backward(e, n, err);
    /* data-parallel over NCCL: the buckets backward began, joined before the update */
    if (s == CNNC_OK && e->comm) s = cnnc_dist_sum_grads(e, err);
    if (s == CNNC_OK) s = e->ops->optim_step(e, err);
    return s;
}

/* Bring every counter the step reads to the engine's values, outside capture. */
static cnnc_status sync_counters(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, cnnc_error *err) {
    cnnc_status s = cnnc_cuda_ensure_counter(st, &st->ctr->step, &st->mirror.step, e->step - 1, err);
    if (s == CNNC_OK && slot >= 0)
        s = cnnc_cuda_ensure_counter(st, &st->ctr->gather_start, &st->mirror.gather_start, start, err);
    if (s == CNNC_OK)
        s = cnnc_cuda_ensure_counter(st, (int64_t *)&st->ctr->dropout_calls, (int64_t *)&st->mirror.dropout_calls,
                                     (int64_t)e->dropout_calls, err);
    if (s == CNNC_OK && e->plan.ema != CNNC_NO_OFFSET)
        s = cnnc_cuda_ensure_counter(st, &st->ctr->ema_first_step, &st->mirror.ema_first_step, e->ema_first_step, err);
    for (int32_t i = 0; s == CNNC_OK && i < e->model->n_layers; i++) {
        const cnnc_cuda_kernel *k = cnnc_cuda_kernel_of(e, i);
        if (k->sync_counters) s = k->sync_counters(e, st, i, err);
    }
    return s;
}

/* A replay ran the step on the device: advance the engine's host counters as
 * the captured forward did, and the mirrors with them. */
static void replayed_step_effects(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, int64_t n) {
    for (int32_t i = 0; i < e->model->n_layers; i++) {
        const cnnc_cuda_kernel *k = cnnc_cuda_kernel_of(e, i);
        if (k->replayed) k->replayed(e, st, i);
    }
    st->mirror.dropout_calls = e->dropout_calls;
    st->mirror.step = e->step;
    if (slot >= 0) st->mirror.gather_start = start + n;
    e->last_forward_train = 1;
}

static cnnc_cuda_graph *find_graph(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t n) {
    for (int g = 0; g < CNNC_CUDA_GRAPHS; g++) {
        cnnc_cuda_graph *G = &st->graphs[g];
        if (G->exec && G->n == n && G->slot == slot && G->mean_over == e->loss_mean_over &&
            !memcmp(&G->optim, &e->cfg.optim, sizeof G->optim))
            return G;
    }
    return NULL;
}

/* Capture step_ops into a graph (nothing runs while capturing). */
static cnnc_status capture_step(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, int64_t n,
                                cudaGraphExec_t *exec, cnnc_error *err) {
    *exec = NULL;
    CNNC_CUDA_CHECK(cudaStreamBeginCapture(st->stream, cudaStreamCaptureModeThreadLocal));
    st->capturing = 1;
    cnnc_status s = step_ops(e, st, slot, start, n, err);
    st->capturing = 0;
    cudaGraph_t graph = NULL;
    cudaError_t rc = cudaStreamEndCapture(st->stream, &graph);
    if (s == CNNC_OK && rc != cudaSuccess) s = cnnc_cuda_fail(err, rc, "cudaStreamEndCapture(stream, &graph)", __FILE__, __LINE__);
    if (s == CNNC_OK) {
        rc = cudaGraphInstantiate(exec, graph, 0);
        if (rc != cudaSuccess) {
            *exec = NULL;
            s = cnnc_cuda_fail(err, rc, "cudaGraphInstantiate(exec, graph, 0)", __FILE__, __LINE__);
        }
    }
    if (graph) (void)cudaGraphDestroy(graph);
    if (s) (void)cudaGetLastError();
    return s;
}

cnnc_status cnnc_cuda_train_step(cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (n != e->shapes_batch)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "training step of batch %lld with shapes for batch %lld",
                              (long long)n, (long long)e->shapes_batch);
    cnnc_status s = slot >= 0 ? cnnc_cuda_check_gather(e, st, slot, start, n, err) : CNNC_OK;
    if (s) return s;
    if (st->graphs_off) return step_ops(e, st, slot, start, n, err);
    if ((s = sync_counters(e, st, slot, start, err))) return s;

    cnnc_cuda_graph *G = find_graph(e, st, slot, n);
    if (G) {
        CNNC_CUDA_CHECK(cudaGraphLaunch(G->exec, st->stream));
        G->use = ++st->graph_uses;
        replayed_step_effects(e, st, slot, start, n);
        return CNNC_OK;
    }

    /* First step of this shape: capture it. Capturing advances the engine's
     * host counters as a real step would; the launch right after makes that
     * true. If capture fails, undo them and stay op by op from now on. */
    const int32_t L = e->model->n_layers;
    memcpy(st->saved_nbt, e->num_batches_tracked, (size_t)L * sizeof(int64_t));
    const uint64_t saved_dropout = e->dropout_calls;
    const cnnc_cuda_mirror saved_mirror = st->mirror;
    int64_t *saved_mirror_nbt = (int64_t *)malloc((size_t)(L > 0 ? L : 1) * sizeof(int64_t));
    if (!saved_mirror_nbt) return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError", "out of host memory (graph capture)");
    memcpy(saved_mirror_nbt, st->mirror_nbt, (size_t)L * sizeof(int64_t));
    cnnc_error cap_err;
    cnnc_error_clear(&cap_err);
    cudaGraphExec_t exec = NULL;
    s = capture_step(e, st, slot, start, n, &exec, &cap_err);
    if (s) {
        memcpy(e->num_batches_tracked, st->saved_nbt, (size_t)L * sizeof(int64_t));
        e->dropout_calls = saved_dropout;
        st->mirror = saved_mirror;
        memcpy(st->mirror_nbt, saved_mirror_nbt, (size_t)L * sizeof(int64_t));  /* synced before capture */
        free(saved_mirror_nbt);
        st->graphs_off = 1;
        snprintf(st->graphs_off_why, sizeof st->graphs_off_why, "%.150s", cap_err.message);
        return step_ops(e, st, slot, start, n, err);
    }
    free(saved_mirror_nbt);
    /* A free entry, else the least recently used one. */
    int pick = 0;
    for (int g = 0; g < CNNC_CUDA_GRAPHS; g++) {
        if (!st->graphs[g].exec) { pick = g; break; }
        if (st->graphs[g].use < st->graphs[pick].use) pick = g;
    }
    G = &st->graphs[pick];
    if (G->exec) (void)cudaGraphExecDestroy(G->exec);
    G->exec = exec;
    G->n = n;
    G->slot = slot;
    G->mean_over = e->loss_mean_over;
    G->optim = e->cfg.optim;
    G->use = ++st->graph_uses;
    CNNC_CUDA_CHECK(cudaGraphLaunch(G->exec, st->stream));
    return CNNC_OK;
}
