/* relu6.cu — ReLU6 on CUDA: Hardtanh(0, 6)'s kernels (hardtanh.cu), as in PyTorch. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "backend_cuda.h"

static cnnc_status relu6_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return hardtanh_forward_cuda(r->out, r->in[0], r->shape->out_numel, 0.0f, 6.0f, st->stream, err);
}

static cnnc_status relu6_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return hardtanh_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel, 0.0f, 6.0f, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_relu6 = {{NULL, NULL, relu6_fwd, relu6_bwd}, NULL, NULL};
