/* backend_cuda.cu — the CUDA backend behind cnnc_backend_ops: one device arena
 * laid out by the engine's plan, one stream, cuBLAS (and cuDNN) handles, the
 * data sets resident on the device, and the layer loop over e->model->layers
 * calling the launchers of cuda_kernels.h, gemm.cu and cudnn_conv.cu.
 *
 * Rules kept here: forward/backward/loss/optim_step/gather only enqueue work
 * on the stream — no cudaMalloc, no host<->device copies, no synchronisation.
 * Every CUDA/cuBLAS/cuDNN call goes through the cuda_check.h macros.
 *
 * Dropout RNG offsets (the CPU backend does exactly the same, so masks match):
 * each Dropout layer's forward in TRAINING mode, whatever its p, takes
 * offset = e->dropout_calls++ << 40 before launching (element i of that call
 * draws counter offset + i, so calls never share counters below 2^40
 * elements); eval-mode forwards do not advance e->dropout_calls.
 *
 * BatchNorm: cnnc_engine_bn_factor(e, i) is called once per training forward
 * of a BatchNorm2d with track_running_stats=True (as PyTorch bumps
 * num_batches_tracked only then); with track_running_stats=False batch
 * statistics are used in eval too and no running stats are touched. */
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

static cnnc_cuda_state *state_of(const cnnc_engine *e) { return (cnnc_cuda_state *)e->backend; }
static void drop_graphs(cnnc_cuda_state *st);

static float *f32_at(const cnnc_engine *e, size_t offset) {
    return offset == CNNC_NO_OFFSET ? NULL : (float *)(e->arena + offset);
}

/* Input of layer i: the batch for layer 0, else the previous layer's output. */
static float *layer_input(const cnnc_engine *e, int32_t i) {
    return f32_at(e, i == 0 ? e->plan.input : e->plan.layers[i - 1].out);
}

/* Gradient w.r.t. layer i's output: the loss writes dlogits for the last layer. */
static float *layer_dout(const cnnc_engine *e, int32_t i) {
    return f32_at(e, i == e->model->n_layers - 1 ? e->plan.dlogits : e->plan.layers[i].dout);
}

/* Gradient w.r.t. layer i's input (NULL for layer 0: nothing upstream wants it). */
static float *layer_din(const cnnc_engine *e, int32_t i) {
    return i == 0 ? NULL : f32_at(e, e->plan.layers[i - 1].dout);
}

static void *workspace_ptr(const cnnc_engine *e) {
    if (e->plan.workspace_bytes == 0 || e->plan.workspace == CNNC_NO_OFFSET) return NULL;
    return e->arena + e->plan.workspace;
}

static int wants_cudnn(const cnnc_engine *e) {
#if defined(CNNC_HAVE_CUDNN)
    /* bf16 compute is cuBLAS's (FAST_16BF): cuDNN has no such mode for fp32 tensors. */
    return !e->cfg.bf16 && (e->cfg.conv == CNNC_CONV_CUDNN || e->cfg.conv == CNNC_CONV_AUTO);
#else
    (void)e;
    return 0;
#endif
}

/* The direct engine, for --conv direct or auto, on layers it takes. Not with
 * bf16: its sums are plain fp32, and bf16 rounding is cuBLAS's. */
static int wants_direct(const cnnc_engine *e, const cnnc_conv_geom *g) {
    return !e->cfg.bf16 && (e->cfg.conv == CNNC_CONV_DIRECT || e->cfg.conv == CNNC_CONV_AUTO) &&
           cnnc_direct_conv_supported(g);
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

/* Tag an error with the layer it happened in. */
static cnnc_status in_layer(const cnnc_engine *e, int32_t i, cnnc_status status, cnnc_error *err) {
    if (status != CNNC_OK && err && err->layer_index < 0) {
        err->layer_index = i;
        snprintf(err->layer, sizeof err->layer, "%s (%s)", e->model->layers[i].name,
                 cnnc_layer_kind_name(e->model->layers[i].kind));
    }
    return status;
}

/* ---- workspace ---- */

static size_t cuda_workspace_bytes(const cnnc_engine *e, int32_t layer, const cnnc_layer_shape *s) {
    if (e->model->layers[layer].kind == CNNC_BATCHNORM2D)  /* per-channel partial sums */
        return cnnc_bn_workspace_bytes(s->g.bn.N, s->g.bn.C, s->g.bn.HW);
    if (e->model->layers[layer].kind != CNNC_CONV2D) return 0;
    const cnnc_conv_geom *g = &s->g.conv;
    const size_t direct = wants_direct(e, g) ? cnnc_direct_conv_workspace_bytes(g) : 0;
    if (e->cfg.conv == CNNC_CONV_DIRECT && direct) return direct;
    size_t ws = cnnc_gemm_conv_workspace_bytes(g);
#if defined(CNNC_HAVE_CUDNN)
    if (wants_cudnn(e) && cnnc_cudnn_conv_supported(g)) {
        const size_t cudnn =
            cnnc_cudnn_conv_workspace_bytes(g, e->cfg.device_index, e->cfg.tf32, e->cfg.conv_algo_fast);
        if (e->cfg.conv == CNNC_CONV_CUDNN) return cudnn;
        if (cudnn > ws) ws = cudnn;
    }
#endif
    /* auto: room for every engine the layer can use, since setup times them all. */
    return direct > ws ? direct : ws;
}

/* ---- init / release ---- */

static void cuda_release(cnnc_engine *e) {
    cnnc_cuda_state *st = state_of(e);
    if (!st) return;
    (void)cudaSetDevice(st->device);
    if (st->stream) (void)cudaStreamSynchronize(st->stream);
    for (int g = 0; g < CNNC_CUDA_GRAPHS; g++)
        if (st->graphs[g].exec) (void)cudaGraphExecDestroy(st->graphs[g].exec);
    if (st->ctr) (void)cudaFree(st->ctr);
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

/* ---- convolution: one layer on its engine, at geometry g ---- */

/* Samples per im2col chunk of the GEMM engine within the plan's workspace. */
static cnnc_status gemm_chunk(const cnnc_engine *e, const cnnc_conv_geom *g, int64_t *chunk, cnnc_error *err) {
    *chunk = cnnc_gemm_conv_chunk_in(g, e->plan.workspace_bytes);
    if (*chunk >= 1) return CNNC_OK;
    return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                          "GEMM conv needs %zu bytes of workspace per sample; the plan has %zu",
                          cnnc_gemm_conv_workspace_bytes(g) / (size_t)cnnc_gemm_conv_chunk(g), e->plan.workspace_bytes);
}

static cnnc_status conv_forward(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, const cnnc_conv_geom *g,
                                cnnc_error *err) {
    const cnnc_layer_slots *slot = &e->plan.layers[i];
    const float *in = layer_input(e, i);
    float *out = f32_at(e, slot->out);
    const float *w = f32_at(e, slot->weight);
    /* A fused conv leaves its bias to the fused bias+ReLU+max-pool pass. */
    const float *b = st->layers[i].fuse == CNNC_FUSE_CONV ? NULL : f32_at(e, slot->bias);
    if (st->layers[i].conv_kind == CNNC_CUDA_CONV_DIRECT)
        return cnnc_direct_conv_forward(out, in, w, b, g, st->stream, err);
#if defined(CNNC_HAVE_CUDNN)
    if (st->layers[i].conv_kind == CNNC_CUDA_CONV_CUDNN) {
        cnnc_status r = cnnc_cudnn_conv_forward(st->layers[i].cudnn, st->cudnn, g, in, w, out, workspace_ptr(e),
                                                e->plan.workspace_bytes, err);
        if (r || !b) return r;
        return bias_act_forward_cuda(out, b, g->N, g->OC, g->OH * g->OW, 0, st->stream, err);
    }
#endif
    int64_t chunk;
    cnnc_status r = gemm_chunk(e, g, &chunk, err);
    if (r) return r;
    return cnnc_gemm_conv_forward(st->cublas, st->stream, e->cfg.bf16, out, in, w, b, g, chunk,
                                  (float *)workspace_ptr(e), err);
}

static cnnc_status conv_backward(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, const cnnc_conv_geom *g,
                                 cnnc_error *err) {
    const cnnc_layer_slots *slot = &e->plan.layers[i];
    const float *in = layer_input(e, i);
    const float *dout = layer_dout(e, i);
    float *din = layer_din(e, i);
    const float *w = f32_at(e, slot->weight);
    float *dw = f32_at(e, slot->dweight), *db = f32_at(e, slot->dbias);
    if (st->layers[i].conv_kind == CNNC_CUDA_CONV_DIRECT)
        return cnnc_direct_conv_backward(din, dw, db, dout, in, w, g, (float *)workspace_ptr(e),
                                         e->plan.workspace_bytes, st->stream, err);
#if defined(CNNC_HAVE_CUDNN)
    if (st->layers[i].conv_kind == CNNC_CUDA_CONV_CUDNN) {
        cnnc_status r = db ? bias_backward_cuda(db, dout, g->N, g->OC, g->OH * g->OW, st->stream, err) : CNNC_OK;
        if (r) return r;
        return cnnc_cudnn_conv_backward(st->layers[i].cudnn, st->cudnn, g, in, w, dout, din, dw, workspace_ptr(e),
                                        e->plan.workspace_bytes, err);
    }
#endif
    int64_t chunk;
    cnnc_status r = gemm_chunk(e, g, &chunk, err);
    if (r) return r;
    return cnnc_gemm_conv_backward(st->cublas, st->stream, e->cfg.bf16, din, dw, db, dout, in, w, g, chunk,
                                   (float *)workspace_ptr(e), err);
}

/* Milliseconds of one forward + backward of conv layer i on its current
 * engine at max batch: best of a few after a warm-up (setup only). */
static cnnc_status time_conv(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, cudaEvent_t a, cudaEvent_t b,
                             double *best_ms, cnnc_error *err) {
    const cnnc_conv_geom *g = &e->shapes_max[i].g.conv;
    cnnc_status s;
    *best_ms = 1e30;
    for (int r = 0; r < 4; r++) {
        CNNC_CUDA_CHECK(cudaEventRecord(a, st->stream));
        if ((s = conv_forward(e, st, i, g, err)) || (s = conv_backward(e, st, i, g, err))) return s;
        CNNC_CUDA_CHECK(cudaEventRecord(b, st->stream));
        CNNC_CUDA_CHECK(cudaEventSynchronize(b));
        float ms = 0.0f;
        CNNC_CUDA_CHECK(cudaEventElapsedTime(&ms, a, b));
        if (r > 0 && ms < *best_ms) *best_ms = ms;  /* the first run warms up */
    }
    return CNNC_OK;
}

/* --conv auto: time every engine this layer can use (cuDNN when it was set up
 * for it, GEMM always, direct when it takes the shape) and keep the fastest;
 * a tie keeps the earlier in that order. */
static cnnc_status choose_conv(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, cnnc_error *err) {
    cnnc_cuda_layer *L = &st->layers[i];
    const cnnc_cuda_conv_kind kinds[3] = {CNNC_CUDA_CONV_CUDNN, CNNC_CUDA_CONV_GEMM, CNNC_CUDA_CONV_DIRECT};
    double *times[3] = {&L->cudnn_ms, &L->gemm_ms, &L->direct_ms};
    const int usable[3] = {L->cudnn != NULL, 1, wants_direct(e, &e->shapes_max[i].g.conv)};
    if (usable[0] + usable[1] + usable[2] < 2) return CNNC_OK;
    cudaEvent_t a = NULL, b = NULL;
    CNNC_CUDA_CHECK(cudaEventCreate(&a));
    cnnc_status s = CNNC_OK;
    cudaError_t rc = cudaEventCreate(&b);
    if (rc != cudaSuccess) s = cnnc_cuda_fail(err, rc, "cudaEventCreate(&b)", __FILE__, __LINE__);
    int best = -1;
    for (int k = 0; k < 3 && s == CNNC_OK; k++) {
        if (!usable[k]) continue;
        L->conv_kind = kinds[k];
        s = time_conv(e, st, i, a, b, times[k], err);
        if (s == CNNC_OK && (best < 0 || *times[k] < *times[best])) best = k;
    }
    if (best >= 0) L->conv_kind = kinds[best];
    (void)cudaEventDestroy(a);
    if (b) (void)cudaEventDestroy(b);
    return s;
}

/* Pick each conv layer's engine; cuDNN layers get descriptors and algorithms now. */
static cnnc_status setup_convs(cnnc_engine *e, cnnc_cuda_state *st, cnnc_error *err) {
    if (e->cfg.conv == CNNC_CONV_CUDNN && e->cfg.bf16)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "--precision bf16 runs convolutions on the GEMM engine (cuBLAS rounds its operands to "
                              "bf16); cuDNN has no bf16 compute for float32 tensors: use --conv gemm or auto");
    if (e->cfg.conv == CNNC_CONV_CUDNN && !wants_cudnn(e))
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "the cuDNN convolution engine was requested but cnnc was built without cuDNN "
                              "(configure with cuDNN installed, or use the GEMM engine)");
    int timed_or_found = 0;
    /* --conv direct: every layer the direct engine takes (the others stay on GEMM). */
    for (int32_t i = 0; i < e->model->n_layers; i++)
        if (e->model->layers[i].kind == CNNC_CONV2D && e->cfg.conv == CNNC_CONV_DIRECT &&
            wants_direct(e, &e->shapes_max[i].g.conv))
            st->layers[i].conv_kind = CNNC_CUDA_CONV_DIRECT;
#if defined(CNNC_HAVE_CUDNN)
    int any = 0;
    for (int32_t i = 0; i < e->model->n_layers && wants_cudnn(e); i++)
        if (e->model->layers[i].kind == CNNC_CONV2D && cnnc_cudnn_conv_supported(&e->shapes_max[i].g.conv)) any = 1;
    if (any) {
        cnnc_status s = cnnc_cudnn_handle_create(&st->cudnn, st->stream, err);
        if (s) return s;
        for (int32_t i = 0; i < e->model->n_layers; i++) {
            if (e->model->layers[i].kind != CNNC_CONV2D) continue;
            const cnnc_conv_geom *g = &e->shapes_max[i].g.conv;
            if (!cnnc_cudnn_conv_supported(g)) continue;  /* stays on GEMM (asymmetric 'same' padding) */
            const cnnc_layer_slots *L = &e->plan.layers[i];
            s = cnnc_cudnn_conv_setup(&st->layers[i].cudnn, st->cudnn, g, e->cfg.tf32, e->cfg.conv_algo_fast,
                                      layer_input(e, i), f32_at(e, L->weight), f32_at(e, L->out), layer_din(e, i),
                                      f32_at(e, L->dweight), layer_dout(e, i), workspace_ptr(e),
                                      e->plan.workspace_bytes, err);
            if (s) return in_layer(e, i, s, err);
            st->layers[i].conv_kind = CNNC_CUDA_CONV_CUDNN;
        }
        timed_or_found = 1;
    }
#endif
    for (int32_t i = 0; i < e->model->n_layers && e->cfg.conv == CNNC_CONV_AUTO; i++) {
        if (e->model->layers[i].kind != CNNC_CONV2D) continue;
        cnnc_status s = choose_conv(e, st, i, err);
        if (s) return in_layer(e, i, s, err);
        const cnnc_cuda_layer *L = &st->layers[i];
        if (L->gemm_ms > 0 || L->cudnn_ms > 0 || L->direct_ms > 0) timed_or_found = 1;
    }
    if (timed_or_found) {
        /* cudnnFind*Ex and the timing ran convolutions on arena garbage: leave it zeroed again. */
        CNNC_CUDA_CHECK(cudaMemsetAsync(e->arena, 0, e->plan.total_bytes, st->stream));
        CNNC_CUDA_CHECK(cudaStreamSynchronize(st->stream));
    }
    return CNNC_OK;
}

/* Mark each Conv2d -> ReLU -> MaxPool2d whose pool is non-overlapping (kernel ==
 * stride, no padding, no dilation) for the fused pass. Not with --no-fuse, nor
 * with --detect-anomaly, which inspects the ReLU's own output. */
static void plan_fusion(cnnc_engine *e, cnnc_cuda_state *st) {
    if (e->cfg.no_fuse || e->cfg.detect_anomaly) return;
    const cnnc_layer *layers = e->model->layers;
    for (int32_t i = 0; i + 2 < e->model->n_layers; i++) {
        if (layers[i].kind != CNNC_CONV2D || layers[i + 1].kind != CNNC_RELU || layers[i + 2].kind != CNNC_MAXPOOL2D)
            continue;
        if (!bias_relu_maxpool_fusable(&e->shapes_max[i + 2].g.pool)) continue;
        if (e->plan.layers[i + 2].aux == CNNC_NO_OFFSET) continue;  /* the argmax buffer */
        st->layers[i].fuse = CNNC_FUSE_CONV;
        st->layers[i + 1].fuse = CNNC_FUSE_RELU;
        st->layers[i + 2].fuse = CNNC_FUSE_POOL;
    }
}

static cnnc_status init_steps(cnnc_engine *e, cnnc_cuda_state *st, cnnc_error *err) {
    int n = cnnc_cuda_device_count(err);
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
    plan_fusion(e, st);
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
    return setup_convs(e, st, err);
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

/* Every entry point makes the engine's device current (cheap, no sync), so
 * engines on different GPUs can share a thread. */
#define CUDA_ENTER(e, st)                                                                      \
    cnnc_cuda_state *st = state_of(e);                                                         \
    if (!st) return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "CUDA backend not initialised"); \
    CNNC_CUDA_CHECK(cudaSetDevice(st->device))

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

static cnnc_status cuda_set_dataset(cnnc_engine *e, int slot, const uint8_t *images, const uint8_t *labels,
                                    int64_t n, int64_t pixels, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (slot < 0 || slot > 1 || n <= 0 || pixels <= 0 || !images || !labels)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "set_dataset: bad arguments (slot %d, n %lld, pixels %lld)", slot, (long long)n,
                              (long long)pixels);
    cnnc_cuda_dataset *d = &st->data[slot];
    drop_graphs(st);  /* captured gathers point into the old set */
    const size_t image_bytes = (size_t)n * (size_t)pixels;
    const size_t labels_at = align_up(image_bytes, 256);
    const size_t order_at = align_up(labels_at + (size_t)n, 256);
    const size_t bytes = order_at + (size_t)n * sizeof(int32_t);
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
    d->images = d->base;
    d->labels = d->base + labels_at;
    d->order = (int32_t *)(d->base + order_at);
    d->n = n;
    d->pixels = pixels;
    /* The one upload of this set; the order stays zero until set_order. */
    CNNC_CUDA_CHECK(cudaMemcpyAsync(d->images, images, image_bytes, cudaMemcpyHostToDevice, st->stream));
    CNNC_CUDA_CHECK(cudaMemcpyAsync(d->labels, labels, (size_t)n, cudaMemcpyHostToDevice, st->stream));
    CNNC_CUDA_CHECK(cudaMemsetAsync(d->order, 0, (size_t)n * sizeof(int32_t), st->stream));
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

/* Range checks of a resident-set step (the gather's, done before any capture). */
static cnnc_status check_gather(const cnnc_engine *e, const cnnc_cuda_state *st, int slot, int64_t start, int64_t n,
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
    cnnc_status cs = check_gather(e, st, slot, start, n, err);
    if (cs != CNNC_OK) return cs;
    const cnnc_cuda_dataset *d = &st->data[slot];
    cnnc_nvtx_push(st->nvtx, st->nvtx_gather);
    cnnc_status s = gather_batch_cuda(f32_at(e, e->plan.input), (int32_t *)(e->arena + e->plan.labels), d->images,
                                      d->labels, d->order, start, n, d->pixels, e->cfg.data_mean, e->cfg.data_std,
                                      st->stream, err);
    cnnc_nvtx_pop(st->nvtx);
    return s;
}

/* ---- device step counters (see counters.cu) ---- */

/* Make a device counter hold `want` before the kernels that read it. Outside
 * capture a mismatch (a resumed checkpoint, re-initialised parameters) is fixed
 * by a set kernel; inside capture it would bake the value into the graph, so
 * cuda_train_step syncs every counter before capturing and this refuses. */
static cnnc_status ensure_counter(cnnc_cuda_state *st, int64_t *dev, int64_t *mirror, int64_t want, cnnc_error *err) {
    if (*mirror == want) return CNNC_OK;
    if (st->capturing)
        return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                              "a device step counter was out of step during CUDA graph capture");
    cnnc_status s = cnnc_cuda_counter_set(dev, want, st->stream, err);
    if (s == CNNC_OK) *mirror = want;
    return s;
}

/* BatchNorm layers that update running stats in training (as forward_layer decides). */
static int bn_tracks(const cnnc_engine *e, int32_t i) {
    const cnnc_layer *L = &e->model->layers[i];
    const cnnc_layer_slots *slot = &e->plan.layers[i];
    return L->kind == CNNC_BATCHNORM2D && L->p.bn.track_running_stats && slot->running_mean != CNNC_NO_OFFSET &&
           slot->running_var != CNNC_NO_OFFSET;
}

static int bn_cumulative(const cnnc_engine *e, int32_t i) { return bn_tracks(e, i) && e->model->layers[i].p.bn.momentum_none; }

/* ---- layers ---- */

static cnnc_status copy_d2d(float *dst, const float *src, int64_t numel, cudaStream_t stream, cnnc_error *err) {
    if (dst == src || numel == 0) return CNNC_OK;
    CNNC_CUDA_CHECK(cudaMemcpyAsync(dst, src, (size_t)numel * sizeof(float), cudaMemcpyDeviceToDevice, stream));
    return CNNC_OK;
}

static cnnc_status forward_layer(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, int train, cnnc_error *err) {
    const cnnc_layer *L = &e->model->layers[i];
    const cnnc_layer_shape *s = &e->shapes[i];
    const cnnc_layer_slots *slot = &e->plan.layers[i];
    const float *in = layer_input(e, i);
    float *out = f32_at(e, slot->out);
    switch (L->kind) {
    case CNNC_CONV2D:
        return conv_forward(e, st, i, &s->g.conv, err);
    case CNNC_LINEAR:
        return cnnc_gemm_linear_forward(st->cublas, st->stream, e->cfg.bf16, out, in, f32_at(e, slot->weight),
                                        f32_at(e, slot->bias), &s->g.linear, err);
    case CNNC_RELU:
        if (st->layers[i].fuse == CNNC_FUSE_RELU) return CNNC_OK;  /* the pool after it does the work */
        return relu_forward_cuda(out, in, s->out_numel, st->stream, err);
    case CNNC_MAXPOOL2D:
        if (st->layers[i].fuse == CNNC_FUSE_POOL)  /* reads the conv two layers back, adds its bias */
            return bias_relu_maxpool_forward_cuda(out, (int32_t *)(e->arena + slot->aux),
                                                  f32_at(e, e->plan.layers[i - 2].out),
                                                  f32_at(e, e->plan.layers[i - 2].bias), &s->g.pool, st->stream, err);
        return maxpool2d_forward_cuda(out, (int32_t *)(e->arena + slot->aux), in, &s->g.pool, st->stream, err);
    case CNNC_AVGPOOL2D:
        return avgpool2d_forward_cuda(out, in, &s->g.pool, st->stream, err);
    case CNNC_FLATTEN:
        return copy_d2d(out, in, s->out_numel, st->stream, err);
    case CNNC_DROPOUT:
        if (!train) return copy_d2d(out, in, s->out_numel, st->stream, err);
        {
            /* offset = dropout_calls++ << 40, taken on the device so a graph replays it. */
            cnnc_status r = ensure_counter(st, (int64_t *)&st->ctr->dropout_calls, (int64_t *)&st->mirror.dropout_calls,
                                           (int64_t)e->dropout_calls, err);
            if (r) return r;
            (void)cnnc_engine_dropout_offset(e);
            if ((r = cnnc_cuda_dropout_take_offset(&st->ctr->dropout_calls, st->ctr_dropout_offset + i, st->stream, err)))
                return r;
            st->mirror.dropout_calls = e->dropout_calls;
            return dropout_forward_devoffset_cuda(out, e->arena + slot->aux, in, s->out_numel, (float)L->p.dropout.p,
                                                  e->cfg.seed, st->ctr_dropout_offset + i, st->stream, err);
        }
    case CNNC_BATCHNORM2D: {
        const cnnc_bn_geom *g = &s->g.bn;
        const cnnc_batchnorm2d_params *p = &L->p.bn;
        const float *gamma = f32_at(e, slot->weight), *beta = f32_at(e, slot->bias);
        float *rmean = f32_at(e, slot->running_mean), *rvar = f32_at(e, slot->running_var);
        float *save_mean = f32_at(e, slot->aux);
        float *save_invstd = save_mean + g->C;
        const int tracking = p->track_running_stats && rmean && rvar;
        if (!train && tracking)
            return batchnorm2d_forward_eval_cuda(out, in, gamma, beta, rmean, rvar, g->N, g->C, g->HW,
                                                 (float)p->eps, st->stream, err);
        if (train && tracking && p->momentum_none) {
            /* factor = 1/num_batches_tracked, counted on the device so a graph replays it. */
            cnnc_status r = ensure_counter(st, st->ctr_nbt + i, st->mirror_nbt + i, e->num_batches_tracked[i], err);
            if (r) return r;
            (void)cnnc_engine_bn_factor(e, i);
            if ((r = cnnc_cuda_bn_cumulative_factor(st->ctr_nbt + i, st->ctr_bn_factor + i, st->stream, err))) return r;
            st->mirror_nbt[i] = e->num_batches_tracked[i];
            return batchnorm2d_forward_train_devfactor_cuda(out, save_mean, save_invstd, rmean, rvar, in, gamma, beta,
                                                            g->N, g->C, g->HW, (float)p->eps, st->ctr_bn_factor + i,
                                                            workspace_ptr(e), e->plan.workspace_bytes, st->stream,
                                                            err);
        }
        /* Training, or eval without running stats: normalise by batch statistics. */
        const float factor = (train && tracking) ? cnnc_engine_bn_factor(e, i) : 0.0f;
        return batchnorm2d_forward_train_cuda(out, save_mean, save_invstd, train && tracking ? rmean : NULL,
                                              train && tracking ? rvar : NULL, in, gamma, beta, g->N, g->C, g->HW,
                                              (float)p->eps, factor, workspace_ptr(e), e->plan.workspace_bytes,
                                              st->stream, err);
    }
    default:
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError", "the CUDA backend cannot run %s",
                              cnnc_layer_kind_name(L->kind));
    }
}

static cnnc_status backward_layer(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, cnnc_error *err) {
    const cnnc_layer *L = &e->model->layers[i];
    const cnnc_layer_shape *s = &e->shapes[i];
    const cnnc_layer_slots *slot = &e->plan.layers[i];
    const float *in = layer_input(e, i);
    const float *out = f32_at(e, slot->out);
    const float *dout = layer_dout(e, i);
    float *din = layer_din(e, i);
    switch (L->kind) {
    case CNNC_CONV2D:
        return conv_backward(e, st, i, &s->g.conv, err);
    case CNNC_LINEAR:
        return cnnc_gemm_linear_backward(st->cublas, st->stream, e->cfg.bf16, din, f32_at(e, slot->dweight),
                                         f32_at(e, slot->dbias), dout, in, f32_at(e, slot->weight), &s->g.linear,
                                         err);
    case CNNC_RELU:
        if (st->layers[i].fuse == CNNC_FUSE_RELU) return CNNC_OK;  /* the pool's backward wrote the conv's */
        return din ? relu_backward_cuda(din, dout, out, s->out_numel, st->stream, err) : CNNC_OK;
    case CNNC_MAXPOOL2D:
        if (st->layers[i].fuse == CNNC_FUSE_POOL)  /* straight to the conv's output gradient */
            return bias_relu_maxpool_backward_cuda(layer_dout(e, i - 2), dout, out,
                                                   (const int32_t *)(e->arena + slot->aux), &s->g.pool, st->stream,
                                                   err);
        return din ? maxpool2d_backward_cuda(din, dout, (const int32_t *)(e->arena + slot->aux), &s->g.pool,
                                             st->stream, err)
                   : CNNC_OK;
    case CNNC_AVGPOOL2D:
        return din ? avgpool2d_backward_cuda(din, dout, &s->g.pool, st->stream, err) : CNNC_OK;
    case CNNC_FLATTEN:
        return din ? copy_d2d(din, dout, s->out_numel, st->stream, err) : CNNC_OK;
    case CNNC_DROPOUT:
        if (!din) return CNNC_OK;
        if (!st->last_forward_train) return copy_d2d(din, dout, s->out_numel, st->stream, err);
        return dropout_backward_cuda(din, dout, e->arena + slot->aux, s->out_numel, (float)L->p.dropout.p,
                                     st->stream, err);
    case CNNC_BATCHNORM2D: {
        const cnnc_bn_geom *g = &s->g.bn;
        float *dgamma = f32_at(e, slot->dweight), *dbeta = f32_at(e, slot->dbias);
        if (!din && !dgamma && !dbeta) return CNNC_OK;
        const float *save_mean = f32_at(e, slot->aux);
        return batchnorm2d_backward_cuda(din, dgamma, dbeta, dout, in, save_mean, save_mean + g->C,
                                         f32_at(e, slot->weight), g->N, g->C, g->HW, workspace_ptr(e),
                                         e->plan.workspace_bytes, st->stream, err);
    }
    default:
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError", "the CUDA backend cannot run %s",
                              cnnc_layer_kind_name(L->kind));
    }
}

static cnnc_status cuda_forward(cnnc_engine *e, int64_t n, int train, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (n != e->shapes_batch)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "forward of batch %lld with shapes for batch %lld", (long long)n,
                              (long long)e->shapes_batch);
    st->last_forward_train = train;
    for (int32_t i = 0; i < e->model->n_layers; i++) {
        cnnc_nvtx_push(st->nvtx, st->layers[i].fwd_name);
        cnnc_status s = forward_layer(e, st, i, train, err);
        cnnc_nvtx_pop(st->nvtx);
        if (s) return in_layer(e, i, s, err);
    }
    return CNNC_OK;
}

static cnnc_status cuda_backward(cnnc_engine *e, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (n != e->shapes_batch)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "backward of batch %lld with shapes for batch %lld", (long long)n,
                              (long long)e->shapes_batch);
    for (int32_t i = e->model->n_layers - 1; i >= 0; i--) {
        cnnc_nvtx_push(st->nvtx, st->layers[i].bwd_name);
        cnnc_status s = backward_layer(e, st, i, err);
        cnnc_nvtx_pop(st->nvtx);
        if (s) return in_layer(e, i, s, err);
    }
    return CNNC_OK;
}

static cnnc_status cuda_loss(cnnc_engine *e, int64_t n, int want_grad, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const int32_t last = e->model->n_layers - 1;
    if (last < 0 || e->shapes[last].out_numel != n * e->plan.n_classes)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "loss: the model output does not hold %lld x %lld logits", (long long)n,
                              (long long)e->plan.n_classes);
    cnnc_nvtx_push(st->nvtx, st->nvtx_loss);
    cnnc_status s = cross_entropy_cuda(want_grad ? f32_at(e, e->plan.dlogits) : NULL, f32_at(e, e->plan.metrics),
                                       f32_at(e, e->plan.layers[last].out), (const int32_t *)(e->arena + e->plan.labels),
                                       n, e->plan.n_classes, st->stream, err);
    cnnc_nvtx_pop(st->nvtx);
    return s;
}

static cnnc_status cuda_optim_step(cnnc_engine *e, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_optim_config *o = &e->cfg.optim;
    float *param = f32_at(e, e->plan.params);
    const float *grad = f32_at(e, e->plan.grads);
    cnnc_nvtx_push(st->nvtx, st->nvtx_optim);
    /* The step number comes from the device counter (a graph replays this). */
    cnnc_status s = ensure_counter(st, &st->ctr->step, &st->mirror.step, e->step - 1, err);
    if (s == CNNC_OK && o->kind == CNNC_OPTIM_SGD)
        s = sgd_step_devstep_cuda(param, grad, f32_at(e, e->plan.opt_m), e->plan.n_params, o->lr, o->momentum,
                                  o->dampening, o->weight_decay, o->nesterov, &st->ctr->step, st->ctr->optim_scalars,
                                  st->stream, err);
    else if (s == CNNC_OK)
        s = adam_step_devstep_cuda(param, grad, f32_at(e, e->plan.opt_m), f32_at(e, e->plan.opt_v), e->plan.n_params,
                                   o->lr, o->beta1, o->beta2, o->eps, o->weight_decay, o->kind == CNNC_OPTIM_ADAMW,
                                   &st->ctr->step, st->ctr->optim_scalars, st->stream, err);
    if (s == CNNC_OK) st->mirror.step = e->step;
    cnnc_nvtx_pop(st->nvtx);
    return s;
}

/* ---- whole training steps as CUDA graphs ---- */

static void drop_graphs(cnnc_cuda_state *st) {
    for (int g = 0; g < CNNC_CUDA_GRAPHS; g++) {
        if (st->graphs[g].exec) (void)cudaGraphExecDestroy(st->graphs[g].exec);
        memset(&st->graphs[g], 0, sizeof st->graphs[g]);
    }
}

/* The gather of a step: the start comes from the device counter, which then
 * advances by n (the next step of the epoch starts there). */
static cnnc_status gather_step(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, int64_t n,
                               cnnc_error *err) {
    const cnnc_cuda_dataset *d = &st->data[slot];
    cnnc_status s = ensure_counter(st, &st->ctr->gather_start, &st->mirror.gather_start, start, err);
    if (s) return s;
    cnnc_nvtx_push(st->nvtx, st->nvtx_gather);
    s = gather_batch_devstart_cuda(f32_at(e, e->plan.input), (int32_t *)(e->arena + e->plan.labels), d->images,
                                   d->labels, d->order, &st->ctr->gather_start, n, d->pixels, e->cfg.data_mean,
                                   e->cfg.data_std, st->stream, err);
    cnnc_nvtx_pop(st->nvtx);
    if (s == CNNC_OK) s = cnnc_cuda_counter_add(&st->ctr->gather_start, n, st->stream, err);
    if (s == CNNC_OK) st->mirror.gather_start = start + n;
    return s;
}

/* The step, op by op: what a graph captures, and what runs without one. */
static cnnc_status step_ops(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, int64_t n, cnnc_error *err) {
    cnnc_status s = slot >= 0 ? gather_step(e, st, slot, start, n, err) : CNNC_OK;
    if (s == CNNC_OK) s = cuda_forward(e, n, 1, err);
    if (s == CNNC_OK) s = cuda_loss(e, n, 1, err);
    if (s == CNNC_OK) s = cuda_backward(e, n, err);
    if (s == CNNC_OK) s = cuda_optim_step(e, err);
    return s;
}

/* Bring every counter the step reads to the engine's values, outside capture. */
static cnnc_status sync_counters(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, cnnc_error *err) {
    cnnc_status s = ensure_counter(st, &st->ctr->step, &st->mirror.step, e->step - 1, err);
    if (s == CNNC_OK && slot >= 0)
        s = ensure_counter(st, &st->ctr->gather_start, &st->mirror.gather_start, start, err);
    if (s == CNNC_OK)
        s = ensure_counter(st, (int64_t *)&st->ctr->dropout_calls, (int64_t *)&st->mirror.dropout_calls,
                           (int64_t)e->dropout_calls, err);
    for (int32_t i = 0; s == CNNC_OK && i < e->model->n_layers; i++)
        if (bn_cumulative(e, i)) s = ensure_counter(st, st->ctr_nbt + i, st->mirror_nbt + i, e->num_batches_tracked[i], err);
    return s;
}

/* A replay ran the step on the device: advance the engine's host counters as
 * the captured forward did (BatchNorm num_batches_tracked, dropout calls) and
 * the mirrors with them. */
static void replayed_step_effects(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, int64_t n) {
    for (int32_t i = 0; i < e->model->n_layers; i++) {
        if (bn_tracks(e, i)) {
            (void)cnnc_engine_bn_factor(e, i);
            if (bn_cumulative(e, i)) st->mirror_nbt[i] = e->num_batches_tracked[i];
        } else if (e->model->layers[i].kind == CNNC_DROPOUT) {
            (void)cnnc_engine_dropout_offset(e);
        }
    }
    st->mirror.dropout_calls = e->dropout_calls;
    st->mirror.step = e->step;
    if (slot >= 0) st->mirror.gather_start = start + n;
    st->last_forward_train = 1;
}

static cnnc_cuda_graph *find_graph(cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t n) {
    for (int g = 0; g < CNNC_CUDA_GRAPHS; g++) {
        cnnc_cuda_graph *G = &st->graphs[g];
        if (G->exec && G->n == n && G->slot == slot && !memcmp(&G->optim, &e->cfg.optim, sizeof G->optim)) return G;
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

static cnnc_status cuda_train_step(cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (n != e->shapes_batch)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "training step of batch %lld with shapes for batch %lld",
                              (long long)n, (long long)e->shapes_batch);
    cnnc_status s = slot >= 0 ? check_gather(e, st, slot, start, n, err) : CNNC_OK;
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
    cnnc_error cap_err;
    cnnc_error_clear(&cap_err);
    cudaGraphExec_t exec = NULL;
    s = capture_step(e, st, slot, start, n, &exec, &cap_err);
    if (s) {
        memcpy(e->num_batches_tracked, st->saved_nbt, (size_t)L * sizeof(int64_t));
        e->dropout_calls = saved_dropout;
        st->mirror = saved_mirror;
        for (int32_t i = 0; i < L; i++)
            if (bn_cumulative(e, i)) st->mirror_nbt[i] = e->num_batches_tracked[i];  /* synced before capture */
        st->graphs_off = 1;
        snprintf(st->graphs_off_why, sizeof st->graphs_off_why, "%.150s", cap_err.message);
        return step_ops(e, st, slot, start, n, err);
    }
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
    G->optim = e->cfg.optim;
    G->use = ++st->graph_uses;
    CNNC_CUDA_CHECK(cudaGraphLaunch(G->exec, st->stream));
    return CNNC_OK;
}

/* ---- cnnc profile ---- */

static cnnc_status elapsed_ms(cudaEvent_t a, cudaEvent_t b, double *acc, cnnc_error *err) {
    float ms = 0.0f;
    CNNC_CUDA_CHECK(cudaEventElapsedTime(&ms, a, b));
    *acc += (double)ms;
    return CNNC_OK;
}

/* Events: [0] start, [1+i] after layer i forward, [L+1] after loss,
 * [L+2+k] after the k-th backward layer (from the last), [2L+2] after the optimizer. */
static cnnc_status profile_once(cnnc_engine *e, cnnc_cuda_state *st, cudaEvent_t *ev, double *fwd, double *bwd,
                                double *loss_ms, double *optim_ms, cnnc_error *err) {
    const int32_t L = e->model->n_layers;
    const int64_t n = e->shapes_batch;
    cnnc_status s;
    CNNC_CUDA_CHECK(cudaMemsetAsync(e->arena + e->plan.metrics, 0, 4 * sizeof(float), st->stream));
    CNNC_CUDA_CHECK(cudaEventRecord(ev[0], st->stream));
    st->last_forward_train = 1;
    for (int32_t i = 0; i < L; i++) {
        if ((s = forward_layer(e, st, i, 1, err))) return in_layer(e, i, s, err);
        CNNC_CUDA_CHECK(cudaEventRecord(ev[1 + i], st->stream));
    }
    if ((s = cuda_loss(e, n, 1, err))) return s;
    CNNC_CUDA_CHECK(cudaEventRecord(ev[L + 1], st->stream));
    for (int32_t k = 0; k < L; k++) {
        const int32_t i = L - 1 - k;
        if ((s = backward_layer(e, st, i, err))) return in_layer(e, i, s, err);
        CNNC_CUDA_CHECK(cudaEventRecord(ev[L + 2 + k], st->stream));
    }
    e->step++;
    if ((s = cuda_optim_step(e, err))) return s;
    CNNC_CUDA_CHECK(cudaEventRecord(ev[2 * L + 2], st->stream));
    CNNC_CUDA_CHECK(cudaEventSynchronize(ev[2 * L + 2]));
    for (int32_t i = 0; i < L; i++)
        if ((s = elapsed_ms(ev[i], ev[i + 1], &fwd[i], err))) return s;
    if ((s = elapsed_ms(ev[L], ev[L + 1], loss_ms, err))) return s;
    for (int32_t k = 0; k < L; k++)
        if ((s = elapsed_ms(ev[L + 1 + k], ev[L + 2 + k], &bwd[L - 1 - k], err))) return s;
    return elapsed_ms(ev[2 * L + 1], ev[2 * L + 2], optim_ms, err);
}

static cnnc_status cuda_profile_step(cnnc_engine *e, int reps, double *fwd_ms, double *bwd_ms, double *loss_ms,
                                     double *optim_ms, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const int32_t L = e->model->n_layers;
    if (e->shapes_batch <= 0 || reps < 1)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "profile: no batch set (or no repetitions)");
    for (int32_t i = 0; i < L; i++) fwd_ms[i] = bwd_ms[i] = 0.0;
    *loss_ms = *optim_ms = 0.0;
    const int n_ev = 2 * L + 3;
    cudaEvent_t *ev = (cudaEvent_t *)calloc((size_t)n_ev, sizeof *ev);
    if (!ev) return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError", "out of host memory (profile events)");
    cnnc_status s = CNNC_OK;
    int made = 0;
    for (; made < n_ev && s == CNNC_OK; made++) {
        cudaError_t rc = cudaEventCreate(&ev[made]);
        if (rc != cudaSuccess) s = cnnc_cuda_fail(err, rc, "cudaEventCreate(&ev[made])", __FILE__, __LINE__);
    }
    if (s != CNNC_OK) made--;
    for (int r = 0; r < reps && s == CNNC_OK; r++) s = profile_once(e, st, ev, fwd_ms, bwd_ms, loss_ms, optim_ms, err);
    for (int k = 0; k < made; k++) (void)cudaEventDestroy(ev[k]);
    free(ev);
    if (s) return s;
    for (int32_t i = 0; i < L; i++) fwd_ms[i] /= reps, bwd_ms[i] /= reps;
    *loss_ms /= reps;
    *optim_ms /= reps;
    return CNNC_OK;
}

/* Peaks as this card delivers them: an 8192^3 SGEMM (FP32, TF32 off) and a
 * 1 GiB device-to-device copy, best of a few runs. Temporary buffers. */
static cnnc_status cuda_measure_peaks(cnnc_engine *e, double *fp32_gflops, double *copy_gbps, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const int M = 8192;
    const size_t mat = (size_t)M * M * sizeof(float), copy_bytes = (size_t)1 << 30;
    const size_t bytes = 3 * mat > 2 * copy_bytes ? 3 * mat : 2 * copy_bytes;
    void *buf = NULL;
    cnnc_status s = cnnc_cuda_alloc(st, &buf, bytes, "peak-measurement buffers", err);
    if (s) return s;
    cudaEvent_t a = NULL, b = NULL;
    cublasMath_t mode = CUBLAS_DEFAULT_MATH;
    float *A = (float *)buf, *B = A + (size_t)M * M, *C = B + (size_t)M * M;
    const float one = 1.0f, zero = 0.0f;
    double best_gemm = 1e30, best_copy = 1e30;
#define PEAK_CHECK(stmt) do { cudaError_t rc_ = (stmt); if (rc_ != cudaSuccess) { s = cnnc_cuda_fail(err, rc_, #stmt, __FILE__, __LINE__); goto done; } } while (0)
    PEAK_CHECK(cudaMemsetAsync(buf, 0, bytes, st->stream));
    PEAK_CHECK(cudaEventCreate(&a));
    PEAK_CHECK(cudaEventCreate(&b));
    if (cublasGetMathMode(st->cublas, &mode) != CUBLAS_STATUS_SUCCESS ||
        cublasSetMathMode(st->cublas, CUBLAS_DEFAULT_MATH) != CUBLAS_STATUS_SUCCESS) {
        s = cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cuBLAS math mode could not be set");
        goto done;
    }
    for (int r = 0; r < 4; r++) {
        PEAK_CHECK(cudaEventRecord(a, st->stream));
        if (cublasSgemm(st->cublas, CUBLAS_OP_N, CUBLAS_OP_N, M, M, M, &one, A, M, B, M, &zero, C, M) !=
            CUBLAS_STATUS_SUCCESS) {
            s = cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cublasSgemm failed while measuring the peak");
            break;
        }
        PEAK_CHECK(cudaEventRecord(b, st->stream));
        PEAK_CHECK(cudaEventSynchronize(b));
        float ms = 0.0f;
        PEAK_CHECK(cudaEventElapsedTime(&ms, a, b));
        if (r > 0 && ms < best_gemm) best_gemm = ms;  /* the first run warms up */
    }
    (void)cublasSetMathMode(st->cublas, mode);
    for (int r = 0; s == CNNC_OK && r < 4; r++) {
        PEAK_CHECK(cudaEventRecord(a, st->stream));
        PEAK_CHECK(cudaMemcpyAsync((char *)buf + copy_bytes, buf, copy_bytes, cudaMemcpyDeviceToDevice, st->stream));
        PEAK_CHECK(cudaEventRecord(b, st->stream));
        PEAK_CHECK(cudaEventSynchronize(b));
        float ms = 0.0f;
        PEAK_CHECK(cudaEventElapsedTime(&ms, a, b));
        if (r > 0 && ms < best_copy) best_copy = ms;
    }
#undef PEAK_CHECK
    if (s == CNNC_OK) {
        *fp32_gflops = 2.0 * (double)M * M * M / (best_gemm * 1e-3) / 1e9;
        *copy_gbps = 2.0 * (double)copy_bytes / (best_copy * 1e-3) / 1e9;
    }
done:
    if (a) (void)cudaEventDestroy(a);
    if (b) (void)cudaEventDestroy(b);
    (void)cudaStreamSynchronize(st->stream);
    (void)cudaFree(buf);
    st->held_bytes -= bytes;
    st->held_allocs--;
    return s;
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

static int cuda_describe_layer(const cnnc_engine *e, int32_t layer, char *buf, size_t cap) {
    const cnnc_cuda_state *st = state_of(e);
    if (!st || layer < 0 || layer >= e->model->n_layers) return 0;
    const cnnc_cuda_layer *L = &st->layers[layer];
    if (L->fuse == CNNC_FUSE_RELU) {
        snprintf(buf, cap, "fused into %s's bias+ReLU+max-pool pass", e->model->layers[layer + 1].name);
        return 1;
    }
    if (L->fuse == CNNC_FUSE_POOL) {
        snprintf(buf, cap, "one fused pass: %s's bias, %s, this max-pool", e->model->layers[layer - 2].name,
                 e->model->layers[layer - 1].name);
        return 1;
    }
    if (e->model->layers[layer].kind != CNNC_CONV2D) return 0;
    const char *name = L->conv_kind == CNNC_CUDA_CONV_CUDNN ? "cudnn"
                       : L->conv_kind == CNNC_CUDA_CONV_DIRECT ? "direct" : "gemm";
    if (L->gemm_ms > 0) {  /* auto timed the engines this layer can use */
        char cudnn[32] = "", direct[32] = "";
        if (L->cudnn_ms > 0) snprintf(cudnn, sizeof cudnn, "cudnn %.3f ms, ", L->cudnn_ms);
        if (L->direct_ms > 0) snprintf(direct, sizeof direct, ", direct %.3f ms", L->direct_ms);
        snprintf(buf, cap, "%s (auto at batch %lld: %sgemm %.3f ms%s fwd+bwd)", name, (long long)e->plan.max_batch,
                 cudnn, L->gemm_ms, direct);
    } else {
        snprintf(buf, cap, "%s%s", name, e->cfg.bf16 ? " (bf16 operands: cuDNN has no bf16 compute for fp32)" : "");
    }
    return 1;
}

extern "C" const cnnc_backend_ops cnnc_cuda_backend = {
    "cuda",
    cuda_workspace_bytes,
    cuda_init,
    cuda_release,
    cuda_upload,
    cuda_download,
    cuda_memset0,
    cuda_set_dataset,
    cuda_set_order,
    cuda_gather,
    cuda_forward,
    cuda_loss,
    cuda_backward,
    cuda_optim_step,
    cuda_sync,
    cuda_profiler,
    cuda_train_step,
    cuda_profile_step,
    cuda_measure_peaks,
    cuda_describe_layer,
    cuda_metrics_post,
    cuda_metrics_collect,
};
