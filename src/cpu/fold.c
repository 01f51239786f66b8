/* fold.c — nn.Fold / F.fold on the CPU: each sample's col2im (conv2d.c's), summing
 * overlapping blocks into the [C, H, W] output; backward reads them out again (im2col). */
#include <string.h>
#include "cpu/cpu_backend.h"

void fold_forward_cpu(float *out, const float *in, const cnnc_conv_geom *g) {
    const int64_t img = g->C * g->H * g->W, col = g->C * g->KH * g->KW * g->OH * g->OW;
    memset(out, 0, (size_t)(g->N * img) * sizeof(float));
#pragma omp parallel for schedule(static) if (g->N > 1 && col >= 4096)
    for (int64_t n = 0; n < g->N; n++) col2im_cpu(out + n * img, in + n * col, g->C, g);
}

void fold_backward_cpu(float *din, const float *dout, const cnnc_conv_geom *g) {
    const int64_t img = g->C * g->H * g->W, col = g->C * g->KH * g->KW * g->OH * g->OW;
#pragma omp parallel for schedule(static) if (g->N > 1 && col >= 4096)
    for (int64_t n = 0; n < g->N; n++) im2col_cpu(din + n * col, dout + n * img, g->C, g);
}

/* ---- the engine's entry ---- */

static cnnc_status fold_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    fold_forward_cpu(r->out, r->in[0], &r->shape->g.conv);
    return CNNC_OK;
}

static cnnc_status fold_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) fold_backward_cpu(r->din[0], r->dout, &r->shape->g.conv);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_fold = {NULL, NULL, fold_fwd, fold_bwd};
