/* unflatten.cu — Unflatten on CUDA: the same floats in a new shape. */
#include "backend_cuda.h"

static cnnc_status copy_d2d(float *dst, const float *src, int64_t numel, cudaStream_t stream, cnnc_error *err) {
    if (dst == src || numel == 0) return CNNC_OK;
    CNNC_CUDA_CHECK(cudaMemcpyAsync(dst, src, (size_t)numel * sizeof(float), cudaMemcpyDeviceToDevice, stream));
    return CNNC_OK;
}

static cnnc_status unflatten_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return copy_d2d(r->out, r->in[0], r->shape->out_numel, st->stream, err);
}

static cnnc_status unflatten_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return r->din[0] ? copy_d2d(r->din[0], r->dout, r->shape->out_numel, st->stream, err) : CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_unflatten = {{NULL, NULL, unflatten_fwd, unflatten_bwd}, NULL, NULL};
