/* narrow.c — narrow on the CPU, and the slice copy cat shares: rows of
 * part * inner contiguous floats between [outer, whole, inner] views. */
#include <string.h>
#include "cpu/cpu_backend.h"

void slice_copy_cpu(float *dst, int64_t dst_whole, int64_t dst_start, const float *src, int64_t src_whole,
                    int64_t src_start, int64_t outer, int64_t part, int64_t inner) {
    const size_t row = (size_t)(part * inner) * sizeof(float);
    if (row == 0) return;
#pragma omp parallel for schedule(static) if (outer * part * inner >= 65536)
    for (int64_t o = 0; o < outer; o++)
        memcpy(dst + (o * dst_whole + dst_start) * inner, src + (o * src_whole + src_start) * inner, row);
}

void narrow_backward_cpu(float *din, const float *dout, const cnnc_slice_geom *g) {
    const int64_t in_row = g->whole * g->inner, before = g->start * g->inner, part = g->part * g->inner;
    const int64_t after = in_row - before - part;
#pragma omp parallel for schedule(static) if (g->outer * in_row >= 65536)
    for (int64_t o = 0; o < g->outer; o++) {
        float *d = din + o * in_row;
        memset(d, 0, (size_t)before * sizeof(float));
        if (part > 0) memcpy(d + before, dout + o * part, (size_t)part * sizeof(float));   /* an empty dout may be NULL */
        memset(d + before + part, 0, (size_t)after * sizeof(float));
    }
}

/* ---- the engine's entry ---- */

static cnnc_status narrow_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    const cnnc_slice_geom *g = &r->shape->g.slice;
    slice_copy_cpu(r->out, g->part, 0, r->in[0], g->whole, g->start, g->outer, g->part, g->inner);
    return CNNC_OK;
}

static cnnc_status narrow_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) narrow_backward_cpu(r->din[0], r->dout, &r->shape->g.slice);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_narrow = {NULL, NULL, narrow_fwd, narrow_bwd};
