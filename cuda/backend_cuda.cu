/* backend_cuda.cu — the CUDA backend behind cnnc_backend_ops: one device arena
 * laid out by the engine's plan, one stream, cuBLAS (and cuDNN) handles, the
 * data sets resident on the device, the gather, loss and optimizer, and the
 * table of per-kind kernels (one .cu per kind: conv2d.cu, linear.cu, ...).
 * The engine runs the layer loop (src/engine/run.c).
 *
 * Rules kept here: gather/loss/optim_step and the kernels only enqueue work
 * on the stream — no cudaMalloc, no host<->device copies, no synchronisation.
 * Every CUDA/cuBLAS/cuDNN call goes through the cuda_check.h macros. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cuda_runtime_api.h>
#include <cuda_profiler_api.h>
#include <cublas_v2.h>
#include "engine/engine_internal.h"
#include "cuda_check.h"
#include "cuda_kernels.h"
#include "backend_cuda.h"

static float *f32_at(const cnnc_engine *e, size_t offset) {
    return offset == CNNC_NO_OFFSET ? NULL : (float *)(e->arena + offset);
}

/* "1.50 GiB" */
static void human_bytes(size_t bytes, char *buf, size_t cap) {
    static const char *unit[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = (double)bytes;
    int u = 0;
    while (v >= 1024.0 && u < 6) { v /= 1024.0; u++; }
    if (u == 0) snprintf(buf, cap, "%zu bytes", bytes);
    else snprintf(buf, cap, "%.2f %s", v, unit[u]);
}

cnnc_status cnnc_cuda_alloc(cnnc_cuda_state *st, void **ptr, size_t bytes, const char *what, cnnc_error *err) {
    *ptr = NULL;
    if (bytes == 0) bytes = 256;  /* a valid, aligned pointer even for empty regions */
    cudaError_t rc = cudaMalloc(ptr, bytes);
    if (rc == cudaErrorMemoryAllocation) {
        *ptr = NULL;
        (void)cudaGetLastError();
        size_t free_bytes = 0, total_bytes = 0;
        if (cudaMemGetInfo(&free_bytes, &total_bytes) != cudaSuccess) (void)cudaGetLastError();
        char need_h[32], free_h[32], total_h[32], held_h[32];
        human_bytes(bytes, need_h, sizeof need_h);
        human_bytes(free_bytes, free_h, sizeof free_h);
        human_bytes(total_bytes, total_h, sizeof total_h);
        human_bytes(st->held_bytes, held_h, sizeof held_h);
        cnnc_error_set(err, CNNC_ERR_DEVICE_OOM, "OutOfMemoryError",
                       "CUDA out of memory. Tried to allocate %s for the %s (GPU %d; %s total capacity; %s free; "
                       "%s already allocated by cnnc in %d allocations): %zu bytes needed, %zu bytes free",
                       need_h, what, st->device, total_h, free_h, held_h, st->held_allocs, bytes, free_bytes);
        if (err)
            snprintf(err->hint, sizeof err->hint,
                     "the %s is sized for the largest batch: lower --batch (max_batch), or free memory held by "
                     "other processes on GPU %d (see nvidia-smi)",
                     what, st->device);
        return CNNC_ERR_DEVICE_OOM;
    }
    if (rc != cudaSuccess) return cnnc_cuda_fail(err, rc, "cudaMalloc(ptr, bytes)", __FILE__, __LINE__);
    st->held_bytes += bytes;
    st->held_allocs++;
    return CNNC_OK;
}

/* ---- init / release ---- */

static void cuda_release(cnnc_engine *e) {
    cnnc_cuda_state *st = cnnc_cuda_state_of(e);
    cnnc_cuda_timer_close(e);
    if (!st) return;
    (void)cudaSetDevice(st->device);
    if (st->stream) (void)cudaStreamSynchronize(st->stream);
#if defined(CNNC_HAVE_NCCL)
    cnnc_cuda_nccl_release(st);
#endif
    for (int g = 0; g < CNNC_CUDA_GRAPHS; g++)
        if (st->graphs[g].exec) (void)cudaGraphExecDestroy(st->graphs[g].exec);
    if (st->ctr) (void)cudaFree(st->ctr);
    if (st->sched_dev) (void)cudaFree(st->sched_dev);
    if (st->clip_partial) (void)cudaFree(st->clip_partial);
    free(st->mirror_nbt);
    free(st->saved_nbt);
    if (st->layers) {
        for (int32_t i = 0; i < e->model->n_layers; i++) {
#if defined(CNNC_HAVE_CUDNN)
            cnnc_cudnn_conv_free(st->layers[i].cudnn);
#endif
        }
        free(st->layers);
    }
#if defined(CNNC_HAVE_CUDNN)
    cnnc_cudnn_handle_destroy(st->cudnn);
#endif
    if (st->cublas) (void)cublasDestroy(st->cublas);
    if (st->cublas_ws) (void)cudaFree(st->cublas_ws);
    for (int s = 0; s < 2; s++)
        if (st->data[s].base) (void)cudaFree(st->data[s].base);
    if (st->streamed.base) (void)cudaFree(st->streamed.base);
    if (st->streamed_copied) (void)cudaEventDestroy(st->streamed_copied);
    if (e->arena) (void)cudaFree(e->arena);
    if (st->pinned) (void)cudaFreeHost(st->pinned);
    for (int k = 0; k < 2; k++)
        if (st->metrics_ev[k]) (void)cudaEventDestroy(st->metrics_ev[k]);
    if (st->stream) (void)cudaStreamDestroy(st->stream);
    if (st->nvtx) nvtxDomainDestroy(st->nvtx);
    (void)cudaGetLastError();
    free(st);
    e->backend = NULL;
    e->arena = NULL;
}

static cnnc_status register_names(cnnc_engine *e, cnnc_cuda_state *st) {
    st->nvtx = nvtxDomainCreateA("cnnc");
    st->nvtx_loss = nvtxDomainRegisterStringA(st->nvtx, "loss");
    st->nvtx_optim = nvtxDomainRegisterStringA(st->nvtx, "optimizer step");
    st->nvtx_gather = nvtxDomainRegisterStringA(st->nvtx, "gather batch");
    char name[CNNC_NAME_MAX + 16];
    for (int32_t i = 0; i < e->model->n_layers; i++) {
        snprintf(name, sizeof name, "%s forward", e->model->layers[i].name);
        st->layers[i].fwd_name = nvtxDomainRegisterStringA(st->nvtx, name);
        snprintf(name, sizeof name, "%s backward", e->model->layers[i].name);
        st->layers[i].bwd_name = nvtxDomainRegisterStringA(st->nvtx, name);
    }
    return CNNC_OK;
}

static cnnc_status init_steps(cnnc_engine *e, cnnc_cuda_state *st, cnnc_error *err) {
    int n = cnnc_cuda_dev_count(err);
    if (n == 0) return CNNC_ERR_DEVICE;
    if (st->device < 0 || st->device >= n)
        return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                              "CUDA error: invalid device ordinal (cuda:%d requested; %d device%s visible)",
                              st->device, n, n == 1 ? "" : "s");
    CNNC_CUDA_CHECK(cudaSetDevice(st->device));
    CNNC_CUDA_CHECK(cudaStreamCreateWithFlags(&st->stream, cudaStreamNonBlocking));
    st->layers = (cnnc_cuda_layer *)calloc((size_t)(e->model->n_layers > 0 ? e->model->n_layers : 1),
                                           sizeof *st->layers);
    if (!st->layers) return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError", "out of host memory (CUDA backend)");
    register_names(e, st);
    cnnc_cuda_plan_fusion(e, st);
    nvtxNameCudaStreamA(st->stream, "cnnc compute");

    CNNC_CUBLAS_CHECK(cublasCreate(&st->cublas));
    CNNC_CUBLAS_CHECK(cublasSetStream(st->cublas, st->stream));
    cnnc_status s0 = cnnc_cuda_alloc(st, &st->cublas_ws, CNNC_CUBLAS_WS_BYTES, "cuBLAS workspace", err);
    if (s0) return s0;
    CNNC_CUBLAS_CHECK(cublasSetWorkspace(st->cublas, st->cublas_ws, CNNC_CUBLAS_WS_BYTES));
    CNNC_CUBLAS_CHECK(cublasSetMathMode(st->cublas, e->cfg.tf32 ? CUBLAS_TF32_TENSOR_OP_MATH : CUBLAS_DEFAULT_MATH));
    CNNC_CUDA_CHECK(cudaMallocHost((void **)&st->pinned, CNNC_PINNED_BYTES + 8 * sizeof(float)));
    st->metrics_host = st->pinned + CNNC_PINNED_BYTES / sizeof(float);
    for (int k = 0; k < 2; k++) CNNC_CUDA_CHECK(cudaEventCreateWithFlags(&st->metrics_ev[k], cudaEventDisableTiming));

    /* Step counters: the struct, then int64 nbt, uint64 offsets, float factors per layer. */
    const size_t L = (size_t)(e->model->n_layers > 0 ? e->model->n_layers : 1);
    const size_t ctr_bytes = sizeof(cnnc_cuda_counters) + L * (sizeof(int64_t) + sizeof(uint64_t) + sizeof(float));
    void *ctr = NULL;
    cnnc_status s = cnnc_cuda_alloc(st, &ctr, ctr_bytes, "step counters", err);
    if (s) return s;
    st->ctr = (cnnc_cuda_counters *)ctr;
    st->ctr_nbt = (int64_t *)(st->ctr + 1);
    st->ctr_dropout_offset = (uint64_t *)(st->ctr_nbt + L);
    st->ctr_bn_factor = (float *)(st->ctr_dropout_offset + L);
    CNNC_CUDA_CHECK(cudaMemsetAsync(ctr, 0, ctr_bytes, st->stream));
    if (e->cfg.clip_grad_norm > 0.0f) {   /* clip_grad_norm_'s partial sums: allocated here, never while capturing */
        void *cp = NULL;
        if ((s = cnnc_cuda_alloc(st, &cp, CNNC_CUDA_CLIP_BLOCKS * sizeof(double), "clip_grad_norm_ scratch", err)))
            return s;
        st->clip_partial = (double *)cp;
    }
    memset(&st->mirror, 0, sizeof st->mirror);
    st->mirror_nbt = (int64_t *)calloc(L, sizeof(int64_t));
    st->saved_nbt = (int64_t *)calloc(L, sizeof(int64_t));
    if (!st->mirror_nbt || !st->saved_nbt)
        return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError", "out of host memory (CUDA backend)");
#if defined(CNNC_CUDA_DEBUG)
    /* Debug launch checks synchronise, which stream capture forbids. */
    st->graphs_off = 1;
    snprintf(st->graphs_off_why, sizeof st->graphs_off_why, "built with CNNC_CUDA_DEBUG");
#endif

    void *arena = NULL;
    if ((s = cnnc_cuda_alloc(st, &arena, e->plan.total_bytes, "arena", err))) return s;
    e->arena = (unsigned char *)arena;
    CNNC_CUDA_CHECK(cudaMemsetAsync(e->arena, 0, e->plan.total_bytes, st->stream));
    CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));
    /* The conv setup runs nodes (timing, cudnnFind): it needs their pointers. */
    if ((s = cnnc_engine_resolve_runs(e, err))) return s;
    return cnnc_cuda_setup_convs(e, st, err);
}

static cnnc_status cuda_init(cnnc_engine *e, cnnc_error *err) {
    cnnc_cuda_state *st = (cnnc_cuda_state *)calloc(1, sizeof *st);
    if (!st) return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError", "out of host memory (CUDA backend)");
    st->device = e->cfg.device_index;
    e->backend = st;
    e->arena = NULL;
    cnnc_status s = init_steps(e, st, err);
    if (s) cuda_release(e);
    return s;
}

static cnnc_status check_range(const cnnc_engine *e, size_t offset, size_t bytes, cnnc_error *err) {
    if (offset > e->plan.total_bytes || bytes > e->plan.total_bytes - offset)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "arena access [%zu, +%zu) outside the %zu-byte arena", offset, bytes,
                              e->plan.total_bytes);
    return CNNC_OK;
}

/* ---- host <-> arena (setup and read-back only) ---- */

static cnnc_status cuda_upload(cnnc_engine *e, size_t offset, const void *src, size_t bytes, cnnc_error *err) {
    CUDA_ENTER(e, st);
    cnnc_status s = check_range(e, offset, bytes, err);
    if (s || bytes == 0) return s;
    CNNC_CUDA_CHECK(cudaMemcpyAsync(e->arena + offset, src, bytes, cudaMemcpyHostToDevice, st->stream));
    CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));
    return CNNC_OK;
}

static cnnc_status cuda_download(cnnc_engine *e, void *dst, size_t offset, size_t bytes, cnnc_error *err) {
    CUDA_ENTER(e, st);
    cnnc_status s = check_range(e, offset, bytes, err);
    if (s || bytes == 0) return s;
    if (bytes <= CNNC_PINNED_BYTES) {  /* small read-backs (metrics) go through pinned memory */
        CNNC_CUDA_CHECK(cudaMemcpyAsync(st->pinned, e->arena + offset, bytes, cudaMemcpyDeviceToHost, st->stream));
        CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));
        memcpy(dst, st->pinned, bytes);
    } else {
        CNNC_CUDA_CHECK(cudaMemcpyAsync(dst, e->arena + offset, bytes, cudaMemcpyDeviceToHost, st->stream));
        CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));
    }
    return CNNC_OK;
}

/* Training's metrics read-back: an async copy into pinned slot k and an event;
 * collect waits for that event only, normally long past by then. */
static cnnc_status cuda_metrics_post(cnnc_engine *e, int k, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (k < 0 || k > 1) return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "metrics slot %d", k);
    CNNC_CUDA_CHECK(cudaMemcpyAsync(st->metrics_host + 4 * k, e->arena + e->plan.metrics, 4 * sizeof(float),
                                    cudaMemcpyDeviceToHost, st->stream));
    CNNC_CUDA_CHECK(cudaEventRecord(st->metrics_ev[k], st->stream));
    return CNNC_OK;
}

static cnnc_status cuda_metrics_collect(cnnc_engine *e, int k, float m[4], cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (k < 0 || k > 1) return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "metrics slot %d", k);
    CNNC_CUDA_CHECK(cudaEventSynchronize(st->metrics_ev[k]));
    memcpy(m, st->metrics_host + 4 * k, 4 * sizeof(float));
    return CNNC_OK;
}

static cnnc_status cuda_memset0(cnnc_engine *e, size_t offset, size_t bytes, cnnc_error *err) {
    CUDA_ENTER(e, st);
    cnnc_status s = check_range(e, offset, bytes, err);
    if (s || bytes == 0) return s;
    CNNC_CUDA_CHECK(cudaMemsetAsync(e->arena + offset, 0, bytes, st->stream));
    return CNNC_OK;
}

/* ---- resident data sets ---- */

static size_t align_up(size_t v, size_t a) { return (v + a - 1) / a * a; }

/* One data set's allocation for n samples of `pixels` bytes (the layout
 * cnnc_cuda_dataset.base describes): its size, and with d (its base set) the
 * arrays pointed into it. */
static size_t dataset_layout(cnnc_cuda_dataset *d, int64_t n, int64_t pixels) {
    const size_t labels_at = align_up((size_t)n * (size_t)pixels, 256);
    const size_t order_at = align_up(labels_at + (size_t)n, 256);
    const size_t codes_at = align_up(order_at + (size_t)n * sizeof(int32_t), 256);
    if (d) {
        d->images = d->base;
        d->labels = d->base + labels_at;
        d->order = (int32_t *)(d->base + order_at);
        d->codes = (int32_t *)(d->base + codes_at);
        d->augment = 0;
        d->n = n;
        d->pixels = pixels;
    }
    return codes_at + (size_t)n * sizeof(int32_t);
}

static cnnc_status cuda_set_dataset(cnnc_engine *e, int slot, const uint8_t *images, const uint8_t *labels,
                                    int64_t n, int64_t pixels, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (slot < 0 || slot > 1 || n <= 0 || pixels <= 0 || !images || !labels)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "set_dataset: bad arguments (slot %d, n %lld, pixels %lld)", slot, (long long)n,
                              (long long)pixels);
    cnnc_cuda_dataset *d = &st->data[slot];
    cnnc_cuda_drop_graphs(st);  /* captured gathers point into the old set */
    const size_t image_bytes = (size_t)n * (size_t)pixels;
    const size_t bytes = dataset_layout(NULL, n, pixels);
    if (d->base && d->bytes != bytes) {
        (void)cudaStreamSynchronize(st->stream);  /* gathers may still read it */
        CNNC_CUDA_CHECK(cudaFree(d->base));
        st->held_bytes -= d->bytes;
        st->held_allocs--;
        memset(d, 0, sizeof *d);
    }
    if (!d->base) {
        void *p = NULL;
        cnnc_status s = cnnc_cuda_alloc(st, &p, bytes, slot == 0 ? "train set" : "test set", err);
        if (s) return s;
        d->base = (uint8_t *)p;
        d->bytes = bytes;
    }
    (void)dataset_layout(d, n, pixels);
    /* The one upload of this set; the order stays zero until set_order. */
    CNNC_CUDA_CHECK(cudaMemcpyAsync(d->images, images, image_bytes, cudaMemcpyHostToDevice, st->stream));
    CNNC_CUDA_CHECK(cudaMemcpyAsync(d->labels, labels, (size_t)n, cudaMemcpyHostToDevice, st->stream));
    CNNC_CUDA_CHECK(cudaMemsetAsync(d->order, 0, (size_t)n * sizeof(int32_t), st->stream));
    CNNC_CUDA_CHECK(cudaMemsetAsync(d->codes, 0, (size_t)n * sizeof(int32_t), st->stream));
    CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));
    return CNNC_OK;
}

static cnnc_status cuda_set_order(cnnc_engine *e, int slot, const int32_t *order, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (slot < 0 || slot > 1 || !st->data[slot].base)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "set_order: data set slot %d is not resident",
                              slot);
    if (n <= 0 || n > st->data[slot].n || !order)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "set_order: %lld indices for a data set of %lld samples", (long long)n,
                              (long long)st->data[slot].n);
    /* Once per epoch. From pageable memory the call returns once `order` is
     * staged, so the caller may reuse it; stream order keeps earlier gathers
     * reading the previous order. */
    CNNC_CUDA_CHECK(cudaMemcpyAsync(st->data[slot].order, order, (size_t)n * sizeof(int32_t),
                                    cudaMemcpyHostToDevice, st->stream));
    return CNNC_OK;
}

/* --augment: the codes go up once per epoch beside the order (same stream, so
 * earlier gathers still read the previous ones). Turning them on or off changes
 * what a step's gather is, so captured steps are dropped then (not per epoch). */
static cnnc_status cuda_set_augment(cnnc_engine *e, int slot, const int32_t *codes, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (slot < 0 || slot > 1 || !st->data[slot].base)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "set_augment: data set slot %d is not resident",
                              slot);
    cnnc_cuda_dataset *d = &st->data[slot];
    if (codes && (n <= 0 || n > d->n))
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "set_augment: %lld codes for a data set of %lld samples", (long long)n, (long long)d->n);
    const int on = codes != NULL;
    if (on != d->augment) cnnc_cuda_drop_graphs(st);
    d->augment = on;
    if (on)
        CNNC_CUDA_CHECK(cudaMemcpyAsync(d->codes, codes, (size_t)n * sizeof(int32_t), cudaMemcpyHostToDevice,
                                        st->stream));
    return CNNC_OK;
}

/* The gather of samples [start, start+n) of a slot's order (start from *start_dev when non-NULL). */
static cnnc_status gather_any(cnnc_engine *e, cnnc_cuda_state *st, const cnnc_cuda_dataset *d, int64_t start,
                              const int64_t *start_dev, int64_t n, cnnc_error *err) {
    float *x = f32_at(e, e->plan.input);
    int32_t *y = (int32_t *)(e->arena + e->plan.labels);
    if (d->augment) {
        const cnnc_shape *s = &e->plan.sample;
        return gather_batch_aug_cuda(x, y, d->images, d->labels, d->order, d->codes, start, start_dev, n, s->d[0],
                                     s->d[1], s->d[2], e->cfg.augment.crop_pad, e->cfg.data_mean, e->cfg.data_std,
                                     st->stream, err);
    }
    if (start_dev)
        return gather_batch_devstart_cuda(x, y, d->images, d->labels, d->order, start_dev, n, d->pixels,
                                          e->cfg.data_mean, e->cfg.data_std, st->stream, err);
    return gather_batch_cuda(x, y, d->images, d->labels, d->order, start, n, d->pixels, e->cfg.data_mean,
                             e->cfg.data_std, st->stream, err);
}

/* Range checks of a resident-set step (the gather's, done before any capture). */
cnnc_status cnnc_cuda_check_gather(const cnnc_engine *e, const cnnc_cuda_state *st, int slot, int64_t start, int64_t n,
                                cnnc_error *err) {
    if (slot < 0 || slot > 1 || !st->data[slot].base)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "gather: data set slot %d is not resident", slot);
    const cnnc_cuda_dataset *d = &st->data[slot];
    if (start < 0 || n <= 0 || n > e->plan.max_batch || start > d->n - n)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "gather: samples [%lld, %lld) of %lld with max batch %lld", (long long)start,
                              (long long)(start + n), (long long)d->n, (long long)e->plan.max_batch);
    if (d->pixels != e->plan.sample_numel)
        return cnnc_error_set(err, CNNC_ERR_SHAPE, "RuntimeError",
                              "gather: data set samples have %lld values but the model input needs %lld",
                              (long long)d->pixels, (long long)e->plan.sample_numel);
    return CNNC_OK;
}

static cnnc_status cuda_gather(cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    cnnc_status cs = cnnc_cuda_check_gather(e, st, slot, start, n, err);
    if (cs != CNNC_OK) return cs;
    const cnnc_cuda_dataset *d = &st->data[slot];
    cnnc_nvtx_push(st->nvtx, st->nvtx_gather);
    cnnc_status s = gather_any(e, st, d, start, NULL, n, err);
    cnnc_nvtx_pop(st->nvtx);
    return s;
}

/* ---- streamed training sets: batches from page-locked host buffers ---- */

/* The staging set a streamed batch is copied into: max_batch samples whose order
 * is the identity, made when the stream is set (stream_ready) and kept. */
static cnnc_status streamed_staging(cnnc_engine *e, cnnc_cuda_state *st, cnnc_error *err) {
    cnnc_cuda_dataset *d = &st->streamed;
    if (d->base) return CNNC_OK;
    const int64_t n = e->plan.max_batch, pixels = e->plan.sample_numel;
    const size_t bytes = dataset_layout(NULL, n, pixels);
    int32_t *identity = (int32_t *)malloc((size_t)n * sizeof(int32_t));
    if (!identity) return cnnc_error_set(err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the streamed order");
    for (int64_t i = 0; i < n; i++) identity[i] = (int32_t)i;
    void *p = NULL;
    cnnc_status s = cnnc_cuda_alloc(st, &p, bytes, "streamed batch", err);
    if (s == CNNC_OK && !st->streamed_copied &&
        cudaEventCreateWithFlags(&st->streamed_copied, cudaEventDisableTiming) != cudaSuccess)
        s = cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cudaEventCreateWithFlags failed for the stream");
    if (s == CNNC_OK) {
        d->base = (uint8_t *)p;
        d->bytes = bytes;
        (void)dataset_layout(d, n, pixels);
        cudaError_t ce = cudaMemcpyAsync(d->order, identity, (size_t)n * sizeof(int32_t), cudaMemcpyHostToDevice,
                                         st->stream);
        if (ce == cudaSuccess) ce = cudaStreamSynchronize(st->stream);
        if (ce != cudaSuccess)
            s = cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "uploading the streamed order: %s",
                               cudaGetErrorString(ce));
    } else if (p) {
        (void)cudaFree(p);
    }
    free(identity);
    return s;
}

/* The batch's bytes go up asynchronously on the stream (from the pool's
 * page-locked buffers), then the resident gather kernel runs on the staging set
 * with the identity order: the same values as a resident gather. */
static cnnc_status cuda_gather_host(cnnc_engine *e, const uint8_t *images, const uint8_t *labels, const int32_t *codes,
                                    int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (n <= 0 || n > e->plan.max_batch || !images || !labels)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "gather_host: %lld samples with max batch %lld",
                              (long long)n, (long long)e->plan.max_batch);
    cnnc_cuda_dataset *d = &st->streamed;
    if (!d->base)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "gather_host before the stream was set");
    CNNC_CUDA_CHECK(cudaMemcpyAsync(d->images, images, (size_t)(n * d->pixels), cudaMemcpyHostToDevice, st->stream));
    CNNC_CUDA_CHECK(cudaMemcpyAsync(d->labels, labels, (size_t)n, cudaMemcpyHostToDevice, st->stream));
    if (codes)
        CNNC_CUDA_CHECK(cudaMemcpyAsync(d->codes, codes, (size_t)n * sizeof(int32_t), cudaMemcpyHostToDevice,
                                        st->stream));
    CNNC_CUDA_CHECK(cudaEventRecord(st->streamed_copied, st->stream));
    d->augment = codes != NULL;
    cnnc_nvtx_push(st->nvtx, st->nvtx_gather);
    const cnnc_status s = gather_any(e, st, d, 0, NULL, n, err);
    cnnc_nvtx_pop(st->nvtx);
    return s;
}

static cnnc_status cuda_stream_ready(cnnc_engine *e, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return streamed_staging(e, st, err);
}

/* The host buffers may be refilled once their copies are done (not the step). */
static cnnc_status cuda_host_done(cnnc_engine *e, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (st->streamed_copied) CNNC_CUDA_CHECK(cudaEventSynchronize(st->streamed_copied));
    return CNNC_OK;
}

static void *cuda_host_alloc(cnnc_engine *e, size_t bytes) {
    cnnc_cuda_state *st = cnnc_cuda_state_of(e);
    void *p = NULL;
    if (!st || cudaSetDevice(st->device) != cudaSuccess || cudaMallocHost(&p, bytes) != cudaSuccess) {
        (void)cudaGetLastError();
        return NULL;
    }
    return p;
}

static void cuda_host_free(cnnc_engine *e, void *p) {
    (void)e;
    if (p) (void)cudaFreeHost(p);
}

/* ---- device step counters (see counters.cu) ---- */

/* Make a device counter hold `want` before the kernels that read it. Outside
 * capture a mismatch (a resumed checkpoint, re-initialised parameters) is fixed
 * by a set kernel; inside capture it would bake the value into the graph, so
 * cuda_train_step syncs every counter before capturing and this refuses. */
cnnc_status cnnc_cuda_ensure_counter(cnnc_cuda_state *st, int64_t *dev, int64_t *mirror, int64_t want, cnnc_error *err) {
    if (*mirror == want) return CNNC_OK;
    if (st->capturing)
        return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                              "a device step counter was out of step during CUDA graph capture");
    cnnc_status s = cnnc_cuda_counter_set(dev, want, st->stream, err);
    if (s == CNNC_OK) *mirror = want;
    return s;
}

/* The gather of a step: the start comes from the device counter, which then
 * advances by n (the next step of the epoch starts there). */
cnnc_status cnnc_cuda_gather_step(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, int64_t n,
                               cnnc_error *err) {
    const cnnc_cuda_dataset *d = &st->data[slot];
    cnnc_status s = cnnc_cuda_ensure_counter(st, &st->ctr->gather_start, &st->mirror.gather_start, start, err);
    if (s) return s;
    cnnc_nvtx_push(st->nvtx, st->nvtx_gather);
    s = gather_any(e, st, d, start, &st->ctr->gather_start, n, err);
    cnnc_nvtx_pop(st->nvtx);
    if (s == CNNC_OK) s = cnnc_cuda_counter_add(&st->ctr->gather_start, n, st->stream, err);
    if (s == CNNC_OK) st->mirror.gather_start = start + n;
    return s;
}

static cnnc_status cuda_loss(cnnc_engine *e, int64_t n, int want_grad, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const int32_t last = cnnc_model_output(e->model);
    if (last < 0 || e->shapes[last].out_numel != n * e->plan.n_classes)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "loss: the model output does not hold %lld x %lld logits", (long long)n,
                              (long long)e->plan.n_classes);
    cnnc_nvtx_push(st->nvtx, st->nvtx_loss);
    float *dlogits = want_grad ? f32_at(e, e->plan.dlogits) : NULL;
    const float *out = f32_at(e, e->plan.layers[last].out);
    const int32_t *labels = (const int32_t *)(e->arena + e->plan.labels);
    const int64_t over = e->loss_mean_over > 0 ? e->loss_mean_over : n;   /* data-parallel: the global batch */
    cnnc_status s = e->loss_kind == CNNC_LOSS_NLL
                        ? nll_loss_over_cuda(dlogits, f32_at(e, e->plan.metrics), out, labels, n, e->plan.n_classes,
                                             over, st->stream, err)
                        : cross_entropy_over_cuda(dlogits, f32_at(e, e->plan.metrics), out, labels, n,
                                                  e->plan.n_classes, e->cfg.label_smoothing, over, st->stream, err);
    cnnc_nvtx_pop(st->nvtx);
    return s;
}

/* --ema: average what the optimizer just updated and the buffers this step's
 * forward moved; the device step counter says whether this is the first update. */
static cnnc_status cuda_ema_update(cnnc_engine *e, cnnc_cuda_state *st, cnnc_error *err) {
    cnnc_status s = cnnc_cuda_ensure_counter(st, &st->ctr->ema_first_step, &st->mirror.ema_first_step,
                                             e->ema_first_step, err);
    if (s == CNNC_OK)
        s = ema_update_cuda(f32_at(e, e->plan.ema), f32_at(e, e->plan.params), e->plan.n_params, e->cfg.ema_decay,
                            &st->ctr->step, &st->ctr->ema_first_step, st->stream, err);
    if (s == CNNC_OK && e->plan.buffers_bytes)
        s = ema_update_cuda(f32_at(e, e->plan.ema_buffers), f32_at(e, e->plan.buffers),
                            (int64_t)(e->plan.buffers_bytes / sizeof(float)), e->cfg.ema_decay, &st->ctr->step,
                            &st->ctr->ema_first_step, st->stream, err);
    return s;
}

static cnnc_status cuda_swap(cnnc_engine *e, size_t a, size_t b, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return swap_cuda(f32_at(e, a), f32_at(e, b), n, st->stream, err);
}

static cnnc_status cuda_optim_step(cnnc_engine *e, cnnc_error *err) {
    CUDA_ENTER(e, st);
    cnnc_nvtx_push(st->nvtx, st->nvtx_optim);
    /* The step number comes from the device counter (a graph replays this). */
    cnnc_status s = cnnc_cuda_ensure_counter(st, &st->ctr->step, &st->mirror.step, e->step - 1, err);
    if (s == CNNC_OK) {
        cnnc_cuda_optim_launch L;
        memset(&L, 0, sizeof L);
        L.cfg = &e->cfg.optim;
        L.param = f32_at(e, e->plan.params);
        L.grad = f32_at(e, e->plan.grads);
        L.m = f32_at(e, e->plan.opt_m);
        L.v = f32_at(e, e->plan.opt_v);
        L.u = e->plan.opt_u != CNNC_NO_OFFSET ? f32_at(e, e->plan.opt_u) : NULL;
        L.n = e->plan.n_params;
        L.step_dev = &st->ctr->step;
        L.scal_dev = &st->ctr->optim;
        if (st->sched_dev && e->sched_n > 0) {
            L.sched_lr = st->sched_dev;
            L.sched_momentum = e->sched_momentum ? st->sched_dev + e->sched_n : NULL;
            L.sched_n = e->sched_n;
        }
        L.clip_max_norm = e->cfg.clip_grad_norm;
        L.clip_partial = st->clip_partial;
        s = cnnc_cuda_optim_devstep(&L, st->stream, err);
    }
    if (s == CNNC_OK && e->plan.ema != CNNC_NO_OFFSET) s = cuda_ema_update(e, st, err);
    if (s == CNNC_OK) st->mirror.step = e->step;
    cnnc_nvtx_pop(st->nvtx);
    return s;
}

/* The schedule's tables, once, to the device; graphs captured with the old ones go. */
static cnnc_status cuda_set_schedule(cnnc_engine *e, cnnc_error *err) {
    CUDA_ENTER(e, st);
    CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));
    cnnc_cuda_drop_graphs(st);
    if (st->sched_dev) {
        CNNC_CUDA_CHECK(cudaFree(st->sched_dev));
        st->sched_dev = NULL;
    }
    if (e->sched_n <= 0) return CNNC_OK;
    const size_t n = (size_t)e->sched_n, bytes = (e->sched_momentum ? 2 : 1) * n * sizeof(double);
    void *p = NULL;
    cnnc_status s = cnnc_cuda_alloc(st, &p, bytes, "the learning-rate schedule", err);
    if (s != CNNC_OK) return s;
    st->sched_dev = (double *)p;
    CNNC_CUDA_CHECK(cudaMemcpy(st->sched_dev, e->sched_lr, n * sizeof(double), cudaMemcpyHostToDevice));
    if (e->sched_momentum)
        CNNC_CUDA_CHECK(cudaMemcpy(st->sched_dev + n, e->sched_momentum, n * sizeof(double), cudaMemcpyHostToDevice));
    return CNNC_OK;
}

static cnnc_status cuda_accumulate(cnnc_engine *e, float *dst, const float *src, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return add_inplace_cuda(dst, src, n, st->stream, err);
}

/* NVTX ranges around each node: "conv1.0 forward", "conv1.0 backward". */
static void cuda_range(cnnc_engine *e, int32_t node, int phase, int push) {
    cnnc_cuda_state *st = cnnc_cuda_state_of(e);
    if (!st) return;
    if (push) cnnc_nvtx_push(st->nvtx, phase ? st->layers[node].bwd_name : st->layers[node].fwd_name);
    else cnnc_nvtx_pop(st->nvtx);
}

static cnnc_status cuda_sync(cnnc_engine *e, cnnc_error *err) {
    CUDA_ENTER(e, st);
    CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));
    return CNNC_OK;
}

static cnnc_status cuda_profiler(cnnc_engine *e, int on, cnnc_error *err) {
    CUDA_ENTER(e, st);
    CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));  /* profile whole steps, not a tail of the last */
    if (on)
        CNNC_CUDA_CHECK(cudaProfilerStart());
    else
        CNNC_CUDA_CHECK(cudaProfilerStop());
    return CNNC_OK;
}

static const cnnc_kernel *const CUDA_KERNELS[CNNC_LAYER_KIND_COUNT] = {
#define CNNC_CUDA_KERNEL_ENTRY_(E, stem) &cnnc_cuda_##stem.k,
    CNNC_LAYER_KINDS(CNNC_CUDA_KERNEL_ENTRY_)
#undef CNNC_CUDA_KERNEL_ENTRY_
};

/* In the order of cnnc_backend_ops' fields. */
extern "C" const cnnc_backend_ops cnnc_cuda_backend = {
    "cuda",
    CUDA_KERNELS,
    cuda_init,
    cuda_release,
    cuda_upload,
    cuda_download,
    cuda_memset0,
    cuda_accumulate,
    cuda_set_dataset,
    cuda_set_order,
    cuda_gather,
    cuda_loss,
    cuda_optim_step,
    cuda_sync,
    cuda_range,
    cuda_profiler,
    cnnc_cuda_train_step,
    cnnc_cuda_timer_open,
    cnnc_cuda_timer_mark,
    cnnc_cuda_timer_ms,
    cnnc_cuda_timer_close,
    cnnc_cuda_measure_peaks,
    cnnc_cuda_describe_layer,
    cnnc_cuda_grad_writer,
    cuda_metrics_post,
    cuda_metrics_collect,
    cuda_set_schedule,
    cuda_set_augment,
    cuda_gather_host,
    cuda_host_done,
    cuda_host_alloc,
    cuda_host_free,
    cuda_swap,
    cuda_stream_ready,
#if defined(CNNC_HAVE_NCCL)
    cnnc_cuda_nccl_id,
    cnnc_cuda_nccl_open,
    cnnc_cuda_nccl_sum,
    cnnc_cuda_nccl_bcast,
    cnnc_cuda_nccl_sum_begin,
    cnnc_cuda_nccl_sum_join,
#else
    NULL, NULL, NULL, NULL, NULL, NULL,
#endif
};
