/* matmul.cu — matmul, bmm, mm, mv and dot on CUDA: cuBLAS GEMMs per product (gemm.cu). */
#include "backend_cuda.h"

static cnnc_status matmul_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return cnnc_gemm_matmul_forward(st->cublas, st->stream, e->cfg.bf16, r->out, r->in[0], r->in[1], &r->shape->g.matmul, err);
}

static cnnc_status matmul_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return cnnc_gemm_matmul_backward(st->cublas, st->stream, e->cfg.bf16, r->din[0], r->din[1], r->dout, r->in[0], r->in[1],
                                     &r->shape->g.matmul, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_matmul = {{NULL, NULL, matmul_fwd, matmul_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_bmm = {{NULL, NULL, matmul_fwd, matmul_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_mm = {{NULL, NULL, matmul_fwd, matmul_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_mv = {{NULL, NULL, matmul_fwd, matmul_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_dot = {{NULL, NULL, matmul_fwd, matmul_bwd}, NULL, NULL};
