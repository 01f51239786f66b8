/* fold.cu — nn.Fold / F.fold on CUDA: col2im over the batch (conv_im2col.cu), each pixel gathering
 * the blocks that cover it; backward reads the blocks out again (im2col). */
#include "backend_cuda.h"
#include "cuda_kernels.h"

static cnnc_status fold_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const cnnc_conv_geom *g = &r->shape->g.conv;
    return col2im_cuda(r->out, r->in[0], g->N, g, st->stream, err);
}

static cnnc_status fold_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    if (!r->din[0]) return CNNC_OK;
    CUDA_ENTER(e, st);
    const cnnc_conv_geom *g = &r->shape->g.conv;
    return im2col_cuda(r->din[0], r->dout, g->N, g, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_fold = {{NULL, NULL, fold_fwd, fold_bwd}, NULL, NULL};
