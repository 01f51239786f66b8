/* cat.c — torch.cat on the CPU: each input is copied into its slice of the
 * output along dim; backward copies each input's slice of the gradient out. */
#include "cpu/cpu_backend.h"

/* Input k's length along the cat dim (a skipped [0] input has none). */
static int64_t part_of(const cnnc_engine *e, const cnnc_node_run *r, int32_t k) {
    const cnnc_slice_geom *g = &r->shape->g.slice;
    const int64_t rows = g->outer * g->inner;
    return rows > 0 ? cnnc_engine_input_numel(e, r->index, k) / rows : 0;
}

static cnnc_status cat_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train; (void)err;
    const cnnc_slice_geom *g = &r->shape->g.slice;
    int64_t at = 0;
    for (int32_t k = 0; k < r->n_in; k++) {
        const int64_t part = part_of(e, r, k);
        slice_copy_cpu(r->out, g->whole, at, r->in[k], part, 0, g->outer, part, g->inner);
        at += part;
    }
    return CNNC_OK;
}

static cnnc_status cat_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)err;
    const cnnc_slice_geom *g = &r->shape->g.slice;
    int64_t at = 0;
    for (int32_t k = 0; k < r->n_in; k++) {
        const int64_t part = part_of(e, r, k);
        if (r->din[k]) slice_copy_cpu(r->din[k], part, 0, r->dout, g->whole, at, g->outer, part, g->inner);
        at += part;
    }
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_cat = {NULL, NULL, cat_fwd, cat_bwd};
