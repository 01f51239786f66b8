/* relu6.c — ReLU6 on the CPU: Hardtanh(0, 6)'s kernels (hardtanh.c), as in PyTorch. */
#include "cpu/cpu_backend.h"

static cnnc_status relu6_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    hardtanh_forward_cpu(r->out, r->in[0], r->shape->out_numel, 0.0f, 6.0f);
    return CNNC_OK;
}

static cnnc_status relu6_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) hardtanh_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel, 0.0f, 6.0f);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_relu6 = {NULL, NULL, relu6_fwd, relu6_bwd};
