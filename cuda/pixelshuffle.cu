/* pixelshuffle.cu — PixelShuffle and PixelUnshuffle on CUDA: permutations,
 * run by the permute kernels (permute.cu) over the geometry their shape rules
 * build. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "backend_cuda.h"

static cnnc_status shuffle_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return permute_forward_cuda(r->out, r->in[0], &r->shape->g.permute, st->stream, err);
}

static cnnc_status shuffle_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return permute_backward_cuda(r->din[0], r->dout, &r->shape->g.permute, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_pixelshuffle = {{NULL, NULL, shuffle_fwd, shuffle_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_pixelunshuffle = {{NULL, NULL, shuffle_fwd, shuffle_bwd}, NULL, NULL};
