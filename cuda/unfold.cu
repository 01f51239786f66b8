/* unfold.cu — nn.Unfold / F.unfold on CUDA: im2col over the batch (conv_im2col.cu), whose [N][C*kh*kw][L]
 * columns are unfold's output; backward gathers them back into the image (col2im). */
#include "backend_cuda.h"
#include "cuda_kernels.h"

static cnnc_status unfold_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const cnnc_conv_geom *g = &r->shape->g.conv;
    return im2col_cuda(r->out, r->in[0], g->N, g, st->stream, err);
}

static cnnc_status unfold_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    if (!r->din[0]) return CNNC_OK;
    CUDA_ENTER(e, st);
    const cnnc_conv_geom *g = &r->shape->g.conv;
    return col2im_cuda(r->din[0], r->dout, g->N, g, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_unfold = {{NULL, NULL, unfold_fwd, unfold_bwd}, NULL, NULL};
