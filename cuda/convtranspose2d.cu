/* convtranspose2d.cu — ConvTranspose2d on CUDA, as the transpose of the
 * convolution in its geometry (cnnc_layer_geom.convt) on the GEMM conv engine
 * (gemm.cu: im2col / col2im + cuBLAS, chunked over the batch): its forward is
 * that convolution's input gradient, its input gradient that convolution's
 * forward, its weight gradient that convolution's weight gradient with input
 * and output gradient swapped. No cuDNN. */
#include <cuda_runtime_api.h>
#include "backend_cuda.h"
#include "cuda_kernels.h"

extern "C" cnnc_status cnnc_gemm_convt_forward(cublasHandle_t h, cudaStream_t stream, int bf16, float *out,
                                               const float *in, const float *weight, const float *bias,
                                               const cnnc_conv_geom *g, int64_t chunk, float *col, cnnc_error *err) {
    /* in is the convolution's output gradient; no weight gradient, so its input is not read */
    cnnc_status s = cnnc_gemm_conv_backward(h, stream, bf16, out, nullptr, nullptr, in, nullptr, weight, g, chunk, col, err);
    if (s || !bias) return s;
    return bias_act_forward_cuda(out, bias, g->N, g->C, g->H * g->W, 0, stream, err);
}

extern "C" cnnc_status cnnc_gemm_convt_backward(cublasHandle_t h, cudaStream_t stream, int bf16, float *din,
                                                float *dweight, float *dbias, const float *dout, const float *in,
                                                const float *weight, const cnnc_conv_geom *g, int64_t chunk,
                                                float *col, cnnc_error *err) {
    cnnc_status s;
    /* bias first: the sum of the fp32 gradient, as Conv2d's */
    if (dbias && (s = bias_backward_cuda(dbias, dout, g->N, g->C, g->H * g->W, stream, err))) return s;
    if (din && (s = cnnc_gemm_conv_forward(h, stream, bf16, din, dout, weight, nullptr, g, chunk, col, err))) return s;
    if (dweight)
        return cnnc_gemm_conv_backward(h, stream, bf16, nullptr, dweight, nullptr, in, dout, weight, g, chunk, col, err);
    return CNNC_OK;
}

/* ---- the engine's entry ---- */

/* Samples per im2col chunk within the plan's workspace. */
static cnnc_status convt_chunk(const cnnc_engine *e, const cnnc_conv_geom *g, int64_t *chunk, cnnc_error *err) {
    *chunk = cnnc_gemm_conv_chunk_in(g, e->plan.workspace_bytes);
    if (*chunk >= 1 || g->N == 0) return CNNC_OK;
    return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                          "ConvTranspose2d needs %zu bytes of workspace per sample; the plan has %zu",
                          cnnc_gemm_conv_workspace_bytes(g) / (size_t)cnnc_gemm_conv_chunk(g), e->plan.workspace_bytes);
}

static size_t convtranspose2d_ws(const cnnc_engine *e, int32_t node, const cnnc_layer_shape *s) {
    (void)e; (void)node;
    return cnnc_gemm_conv_workspace_bytes(&s->g.convt);
}

static cnnc_status convtranspose2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const cnnc_conv_geom *g = &r->shape->g.convt;
    int64_t chunk;
    cnnc_status s = convt_chunk(e, g, &chunk, err);
    if (s) return s;
    return cnnc_gemm_convt_forward(st->cublas, st->stream, e->cfg.bf16, r->out, r->in[0], r->weight, r->bias, g, chunk,
                                   (float *)cnnc_cuda_workspace(e), err);
}

static cnnc_status convtranspose2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_conv_geom *g = &r->shape->g.convt;
    int64_t chunk;
    cnnc_status s = convt_chunk(e, g, &chunk, err);
    if (s) return s;
    return cnnc_gemm_convt_backward(st->cublas, st->stream, e->cfg.bf16, r->din[0], r->dweight, r->dbias, r->dout,
                                    r->in[0], r->weight, g, chunk, (float *)cnnc_cuda_workspace(e), err);
}

static const char *convtranspose2d_unsupported(const struct cnnc_engine *e, int32_t node) {
    return cnnc_tensor_weight_unsupported(&e->model->layers[node]);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_convtranspose2d = {
    {convtranspose2d_unsupported, convtranspose2d_ws, convtranspose2d_fwd, convtranspose2d_bwd}, NULL, NULL};
/* ConvTranspose1d is stored as a ConvTranspose2d of height 1 (src/layers/convtranspose1d.c). */
extern "C" const cnnc_cuda_kernel cnnc_cuda_convtranspose1d = {
    {NULL, convtranspose2d_ws, convtranspose2d_fwd, convtranspose2d_bwd}, NULL, NULL};
