/* conv2d.cu — Conv2d on CUDA: each node runs on the engine conv_engine.cu
 * picked for it (im2col + cuBLAS GEMM, cuDNN, or the direct engine), and a
 * conv fused into the bias+ReLU+max-pool pass after it leaves its bias there. */
#include <stdio.h>
#include <cuda_runtime_api.h>
#include "backend_cuda.h"
#include "cuda_kernels.h"

static float *f32_at(const cnnc_engine *e, size_t off) { return off == CNNC_NO_OFFSET ? NULL : (float *)(e->arena + off); }

/* Samples per im2col chunk of the GEMM engine within the plan's workspace. */
static cnnc_status gemm_chunk(const cnnc_engine *e, const cnnc_conv_geom *g, int64_t *chunk, cnnc_error *err) {
    *chunk = cnnc_gemm_conv_chunk_in(g, e->plan.workspace_bytes);
    if (*chunk >= 1) return CNNC_OK;
    return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                          "GEMM conv needs %zu bytes of workspace per sample; the plan has %zu",
                          cnnc_gemm_conv_workspace_bytes(g) / (size_t)cnnc_gemm_conv_chunk(g), e->plan.workspace_bytes);
}

/* The node's tensors from the plan (usable before the engine resolves its runs). */
static const float *input_of(const cnnc_engine *e, int32_t i) {
    int32_t src = cnnc_layer_input(e->model, i, 0);
    return f32_at(e, src >= 0 ? e->plan.layers[src].out : e->plan.input);
}

static float *din_of(const cnnc_engine *e, int32_t i) {
    int32_t edge = e->model->edges ? e->model->layers[i].in_first : i;
    return f32_at(e, e->plan.grad_edges[edge].din);
}

cnnc_status cnnc_cuda_conv_forward(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, const cnnc_conv_geom *g,
                                   cnnc_error *err) {
    const cnnc_layer_slots *slot = &e->plan.layers[i];
    const float *in = input_of(e, i);
    float *out = f32_at(e, slot->out);
    const float *w = f32_at(e, slot->weight);
    /* A fused conv leaves its bias to the fused bias+ReLU+max-pool pass. */
    const float *b = st->layers[i].fuse == CNNC_FUSE_CONV ? NULL : f32_at(e, slot->bias);
    if (st->layers[i].conv_kind == CNNC_CUDA_CONV_DIRECT) return cnnc_direct_conv_forward(out, in, w, b, g, st->stream, err);
#if defined(CNNC_HAVE_CUDNN)
    if (st->layers[i].conv_kind == CNNC_CUDA_CONV_CUDNN) {
        cnnc_status r = cnnc_cudnn_conv_forward(st->layers[i].cudnn, st->cudnn, g, in, w, out, cnnc_cuda_workspace(e),
                                                e->plan.workspace_bytes, err);
        if (r || !b) return r;
        return bias_act_forward_cuda(out, b, g->N, g->OC, g->OH * g->OW, 0, st->stream, err);
    }
#endif
    int64_t chunk;
    cnnc_status r = gemm_chunk(e, g, &chunk, err);
    if (r) return r;
    return cnnc_gemm_conv_forward(st->cublas, st->stream, e->cfg.bf16, out, in, w, b, g, chunk,
                                  (float *)cnnc_cuda_workspace(e), err);
}

cnnc_status cnnc_cuda_conv_backward(cnnc_engine *e, cnnc_cuda_state *st, int32_t i, const cnnc_conv_geom *g,
                                    cnnc_error *err) {
    const cnnc_layer_slots *slot = &e->plan.layers[i];
    const float *in = input_of(e, i);
    const float *dout = f32_at(e, slot->dout);
    float *din = din_of(e, i);
    const float *w = f32_at(e, slot->weight);
    float *dw = f32_at(e, slot->dweight), *db = f32_at(e, slot->dbias);
    if (st->layers[i].conv_kind == CNNC_CUDA_CONV_DIRECT)
        return cnnc_direct_conv_backward(din, dw, db, dout, in, w, g, (float *)cnnc_cuda_workspace(e),
                                         e->plan.workspace_bytes, st->stream, err);
#if defined(CNNC_HAVE_CUDNN)
    if (st->layers[i].conv_kind == CNNC_CUDA_CONV_CUDNN) {
        cnnc_status r = db ? bias_backward_cuda(db, dout, g->N, g->OC, g->OH * g->OW, st->stream, err) : CNNC_OK;
        if (r) return r;
        return cnnc_cudnn_conv_backward(st->layers[i].cudnn, st->cudnn, g, in, w, dout, din, dw, cnnc_cuda_workspace(e),
                                        e->plan.workspace_bytes, err);
    }
#endif
    int64_t chunk;
    cnnc_status r = gemm_chunk(e, g, &chunk, err);
    if (r) return r;
    return cnnc_gemm_conv_backward(st->cublas, st->stream, e->cfg.bf16, din, dw, db, dout, in, w, g, chunk,
                                   (float *)cnnc_cuda_workspace(e), err);
}

/* ---- the engine's entry ---- */

static cnnc_status conv2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return cnnc_cuda_conv_forward(e, st, r->index, &r->shape->g.conv, err);
}

static cnnc_status conv2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return cnnc_cuda_conv_backward(e, st, r->index, &r->shape->g.conv, err);
}

/* The kernels pad with zeros; PyTorch's reflect/replicate padding is a pad then an unpadded conv. */
static const char *conv2d_unsupported(const struct cnnc_engine *e, int32_t node) {
    const char *why = cnnc_tensor_weight_unsupported(&e->model->layers[node]);
    if (why) return why;
    return e->model->layers[node].p.conv.padding_mode
               ? "it runs Conv2d with padding_mode='zeros' only (the shape pass and check take 'reflect' and 'replicate')"
               : NULL;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_conv2d = {{conv2d_unsupported, cnnc_cuda_conv_workspace_bytes, conv2d_fwd, conv2d_bwd}, NULL, NULL};

/* Conv1d (a convolution of height 1, src/layers/conv1d.c) runs on the cpu backend:
 * the conv engines here are chosen and set up per Conv2d node (conv_engine.cu). */
static const char *conv1d_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "Conv1d runs on the cpu backend only (--device cpu); the CUDA conv engines take Conv2d";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_conv1d = {{conv1d_unsupported, NULL, conv2d_fwd, conv2d_bwd}, NULL, NULL};
