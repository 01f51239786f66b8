/* cat.cu — torch.cat on CUDA: each input copied into its slice of the output
 * along dim (slice_copy_cuda, narrow.cu); backward copies each slice out. */
#include "cuda_kernels.h"
#include "backend_cuda.h"

/* Input k's length along the cat dim (a skipped [0] input has none). */
static int64_t part_of(const cnnc_engine *e, const cnnc_node_run *r, int32_t k) {
    const cnnc_slice_geom *g = &r->shape->g.slice;
    const int64_t rows = g->outer * g->inner;
    return rows > 0 ? cnnc_engine_input_numel(e, r->index, k) / rows : 0;
}

static cnnc_status cat_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const cnnc_slice_geom *g = &r->shape->g.slice;
    int64_t at = 0;
    for (int32_t k = 0; k < r->n_in; k++) {
        const int64_t part = part_of(e, r, k);
        cnnc_status s = slice_copy_cuda(r->out, g->whole, at, r->in[k], part, 0, g->outer, part, g->inner, st->stream, err);
        if (s) return s;
        at += part;
    }
    return CNNC_OK;
}

static cnnc_status cat_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_slice_geom *g = &r->shape->g.slice;
    int64_t at = 0;
    for (int32_t k = 0; k < r->n_in; k++) {
        const int64_t part = part_of(e, r, k);
        if (r->din[k]) {
            cnnc_status s = slice_copy_cuda(r->din[k], part, 0, r->dout, g->whole, at, g->outer, part, g->inner, st->stream, err);
            if (s) return s;
        }
        at += part;
    }
    return CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_cat = {{NULL, NULL, cat_fwd, cat_bwd}, NULL, NULL};
