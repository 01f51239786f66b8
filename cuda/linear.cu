/* linear.cu — Linear on CUDA: cuBLAS GEMMs (gemm.cu) with the bias epilogue. */
#include "backend_cuda.h"

static cnnc_status linear_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return cnnc_gemm_linear_forward(st->cublas, st->stream, e->cfg.bf16, r->out, r->in[0], r->weight, r->bias,
                                    &r->shape->g.linear, err);
}

static cnnc_status linear_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return cnnc_gemm_linear_backward(st->cublas, st->stream, e->cfg.bf16, r->din[0], r->dweight, r->dbias, r->dout,
                                     r->in[0], r->weight, &r->shape->g.linear, err);
}

static const char *linear_unsupported(const struct cnnc_engine *e, int32_t node) {
    return cnnc_tensor_weight_unsupported(&e->model->layers[node]);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_linear = {{linear_unsupported, NULL, linear_fwd, linear_bwd}, NULL, NULL};
