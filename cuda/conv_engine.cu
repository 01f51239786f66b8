/* conv_engine.cu — which engine each Conv2d node runs on (im2col + cuBLAS
 * GEMM, cuDNN, or the direct engine), chosen once at setup and never in the
 * loop: --conv auto times the engines a node can use on its max-batch shape;
 * cuDNN's own algorithms are found by cudnnFind*Ex within the arena's
 * workspace. Also the Conv2d -> ReLU -> MaxPool2d fusion plan, and how a node
 * runs, in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cuda_runtime_api.h>
#include "backend_cuda.h"
#include "cuda_kernels.h"

#if defined(CNNC_HAVE_CUDNN)
static float *f32_at(const cnnc_engine *e, size_t off) { return off == CNNC_NO_OFFSET ? NULL : (float *)(e->arena + off); }
#endif

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

size_t cnnc_cuda_conv_workspace_bytes(const cnnc_engine *e, int32_t node, const cnnc_layer_shape *s) {
    const cnnc_conv_geom *g = &s->g.conv;
    (void)node;
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

/* Milliseconds of one forward + backward of conv node i on its current
 * engine at max batch: best of a few after a warm-up (setup only). */
static cnnc_status time_conv(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, cudaEvent_t a, cudaEvent_t b,
                             double *best_ms, cnnc_error *err) {
    const cnnc_conv_geom *g = &e->shapes_max[i].g.conv;
    cnnc_status s;
    *best_ms = 1e30;
    for (int r = 0; r < 4; r++) {
        CNNC_CUDA_CHECK(cudaEventRecord(a, st->stream));
        if ((s = cnnc_cuda_conv_forward(e, st, i, g, err)) || (s = cnnc_cuda_conv_backward(e, st, i, g, err))) return s;
        CNNC_CUDA_CHECK(cudaEventRecord(b, st->stream));
        CNNC_CUDA_CHECK(cudaEventSynchronize(b));
        float ms = 0.0f;
        CNNC_CUDA_CHECK(cudaEventElapsedTime(&ms, a, b));
        if (r > 0 && ms < *best_ms) *best_ms = ms;  /* the first run warms up */
    }
    return CNNC_OK;
}

/* --conv auto: time every engine this node can use (cuDNN when it was set up
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

cnnc_status cnnc_cuda_setup_convs(cnnc_engine *e, cnnc_cuda_state *st, cnnc_error *err) {
    if (e->cfg.conv == CNNC_CONV_CUDNN && e->cfg.bf16)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                              "--precision bf16 runs convolutions on the GEMM engine (cuBLAS rounds its operands to "
                              "bf16); cuDNN has no bf16 compute for float32 tensors: use --conv gemm or auto");
    if (e->cfg.conv == CNNC_CONV_CUDNN && !wants_cudnn(e))
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "the cuDNN convolution engine was requested but cnnc was built without cuDNN "
                              "(configure with cuDNN installed, or use the GEMM engine)");
    const cnnc_model *m = e->model;
    int timed_or_found = 0;
    /* --conv direct: every node the direct engine takes (the others stay on GEMM). */
    for (int32_t i = 0; i < m->n_layers; i++)
        if (m->layers[i].kind == CNNC_CONV2D && e->cfg.conv == CNNC_CONV_DIRECT && wants_direct(e, &e->shapes_max[i].g.conv))
            st->layers[i].conv_kind = CNNC_CUDA_CONV_DIRECT;
#if defined(CNNC_HAVE_CUDNN)
    int any = 0;
    for (int32_t i = 0; i < m->n_layers && wants_cudnn(e); i++)
        if (m->layers[i].kind == CNNC_CONV2D && cnnc_cudnn_conv_supported(&e->shapes_max[i].g.conv)) any = 1;
    if (any) {
        cnnc_status s = cnnc_cudnn_handle_create(&st->cudnn, st->stream, err);
        if (s) return s;
        for (int32_t i = 0; i < m->n_layers; i++) {
            if (m->layers[i].kind != CNNC_CONV2D) continue;
            const cnnc_conv_geom *g = &e->shapes_max[i].g.conv;
            if (!cnnc_cudnn_conv_supported(g)) continue;  /* stays on GEMM (asymmetric 'same' padding) */
            const cnnc_layer_slots *L = &e->plan.layers[i];
            const int32_t src = cnnc_layer_input(m, i, 0);
            const int32_t edge = m->edges ? m->layers[i].in_first : i;
            s = cnnc_cudnn_conv_setup(&st->layers[i].cudnn, st->cudnn, g, e->cfg.tf32, e->cfg.conv_algo_fast,
                                      f32_at(e, src >= 0 ? e->plan.layers[src].out : e->plan.input),
                                      f32_at(e, L->weight), f32_at(e, L->out), f32_at(e, e->plan.grad_edges[edge].din),
                                      f32_at(e, L->dweight), f32_at(e, L->dout), cnnc_cuda_workspace(e),
                                      e->plan.workspace_bytes, err);
            if (s) return cnnc_engine_in_layer(e, i, s, err);
            st->layers[i].conv_kind = CNNC_CUDA_CONV_CUDNN;
        }
        timed_or_found = 1;
    }
#endif
    for (int32_t i = 0; i < m->n_layers && e->cfg.conv == CNNC_CONV_AUTO; i++) {
        if (m->layers[i].kind != CNNC_CONV2D) continue;
        cnnc_status s = choose_conv(e, st, i, err);
        if (s) return cnnc_engine_in_layer(e, i, s, err);
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

/* ---- fusion ---- */

/* The node `node` reads first, when it is a `kind` node that only `node` reads. */
static int32_t sole_producer(const cnnc_engine *e, int32_t node, cnnc_layer_kind kind) {
    const cnnc_model *m = e->model;
    if (cnnc_layer_n_inputs(m, node) != 1) return -1;
    const int32_t p = cnnc_layer_input(m, node, 0);
    if (p < 0 || m->layers[p].kind != kind || e->n_consumers[p] != 1 || p == cnnc_model_output(m)) return -1;
    return p;
}

int32_t cnnc_cuda_fused_conv_of(const cnnc_engine *e, int32_t pool) {
    if (e->cfg.no_fuse || e->cfg.detect_anomaly) return -1;
    if (pool < 0 || pool >= e->model->n_layers || e->model->layers[pool].kind != CNNC_MAXPOOL2D) return -1;
    if (!bias_relu_maxpool_fusable(&e->shapes_max[pool].g.pool)) return -1;
    const int32_t relu = sole_producer(e, pool, CNNC_RELU);
    return relu < 0 ? -1 : sole_producer(e, relu, CNNC_CONV2D);
}

void cnnc_cuda_plan_fusion(cnnc_engine *e, cnnc_cuda_state *st) {
    for (int32_t i = 0; i < e->model->n_layers; i++) {
        const int32_t conv = cnnc_cuda_fused_conv_of(e, i);
        if (conv < 0 || e->plan.layers[i].aux == CNNC_NO_OFFSET) continue;  /* the argmax buffer */
        st->layers[conv].fuse = CNNC_FUSE_CONV;
        st->layers[cnnc_layer_input(e->model, i, 0)].fuse = CNNC_FUSE_RELU;
        st->layers[i].fuse = CNNC_FUSE_POOL;
    }
}

/* The fused pool's backward writes the conv's dout directly, before the ReLU's turn. */
int32_t cnnc_cuda_grad_writer(const cnnc_engine *e, int32_t node) {
    if (e->model->layers[node].kind != CNNC_CONV2D) return -1;
    for (int32_t i = node + 2; i < e->model->n_layers; i++)
        if (cnnc_cuda_fused_conv_of(e, i) == node) return i;
    return -1;
}

int cnnc_cuda_describe_layer(const cnnc_engine *e, int32_t layer, char *buf, size_t cap) {
    const cnnc_cuda_state *st = cnnc_cuda_state_of(e);
    if (!st || layer < 0 || layer >= e->model->n_layers) return 0;
    const cnnc_cuda_layer *L = &st->layers[layer];
    if (L->fuse == CNNC_FUSE_RELU) {
        for (int32_t i = layer + 1; i < e->model->n_layers; i++)
            if (st->layers[i].fuse == CNNC_FUSE_POOL && cnnc_layer_input(e->model, i, 0) == layer) {
                snprintf(buf, cap, "fused into %s's bias+ReLU+max-pool pass", e->model->layers[i].name);
                return CNNC_HOW_FUSED_AWAY;
            }
    }
    if (L->fuse == CNNC_FUSE_POOL) {
        const int32_t relu = cnnc_layer_input(e->model, layer, 0);
        snprintf(buf, cap, "one fused pass: %s's bias, %s, this max-pool",
                 e->model->layers[cnnc_layer_input(e->model, relu, 0)].name, e->model->layers[relu].name);
        return CNNC_HOW_FUSED;
    }
    if (e->model->layers[layer].kind != CNNC_CONV2D) return 0;
    const char *name = L->conv_kind == CNNC_CUDA_CONV_CUDNN ? "cudnn" : L->conv_kind == CNNC_CUDA_CONV_DIRECT ? "direct" : "gemm";
    if (L->gemm_ms > 0) {  /* auto timed the engines this node can use */
        char cudnn[32] = "", direct[32] = "";
        if (L->cudnn_ms > 0) snprintf(cudnn, sizeof cudnn, "cudnn %.3f ms, ", L->cudnn_ms);
        if (L->direct_ms > 0) snprintf(direct, sizeof direct, ", direct %.3f ms", L->direct_ms);
        snprintf(buf, cap, "%s (auto at batch %lld: %sgemm %.3f ms%s fwd+bwd)", name, (long long)e->plan.max_batch, cudnn,
                 L->gemm_ms, direct);
    } else {
        snprintf(buf, cap, "%s%s", name, e->cfg.bf16 ? " (bf16 operands: cuDNN has no bf16 compute for fp32)" : "");
    }
    return CNNC_HOW_ENGINE;
}
