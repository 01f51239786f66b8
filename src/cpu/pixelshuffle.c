/* pixelshuffle.c — PixelShuffle and PixelUnshuffle on the CPU: permutations,
 * run by the permute kernels over the geometry their shape rules build. */
#include "cpu/cpu_backend.h"

static cnnc_status shuffle_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    permute_forward_cpu(r->out, r->in[0], &r->shape->g.permute);
    return CNNC_OK;
}

static cnnc_status shuffle_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) permute_backward_cpu(r->din[0], r->dout, &r->shape->g.permute);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_pixelshuffle = {NULL, NULL, shuffle_fwd, shuffle_bwd};
const cnnc_kernel cnnc_cpu_pixelunshuffle = {NULL, NULL, shuffle_fwd, shuffle_bwd};
