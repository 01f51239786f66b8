/* slice.c — slice with a step on the CPU over [outer, whole, inner] views:
 * forward gathers elements start, start + step, ... of each row; backward
 * writes every din element once (dout where it was taken, 0 elsewhere), so
 * it needs no memset and no scatter. */
#include "cpu/cpu_backend.h"

/* Below this much work a parallel region costs more than it saves. */
#define SLICE_PARALLEL_MIN 65536

void step_slice_forward_cpu(float *out, const float *in, const cnnc_step_slice_geom *g) {
    const int64_t inner = g->inner;
#pragma omp parallel for schedule(static) if (g->outer * g->part * inner >= SLICE_PARALLEL_MIN)
    for (int64_t o = 0; o < g->outer; o++)
        for (int64_t p = 0; p < g->part; p++) {
            const float *src = in + (o * g->whole + g->start + p * g->step) * inner;
            float *dst = out + (o * g->part + p) * inner;
            for (int64_t i = 0; i < inner; i++) dst[i] = src[i];
        }
}

void step_slice_backward_cpu(float *din, const float *dout, const cnnc_step_slice_geom *g) {
    const int64_t inner = g->inner;
#pragma omp parallel for schedule(static) if (g->outer * g->whole * inner >= SLICE_PARALLEL_MIN)
    for (int64_t o = 0; o < g->outer; o++)
        for (int64_t w = 0; w < g->whole; w++) {
            const int64_t q = w - g->start;
            float *dst = din + (o * g->whole + w) * inner;
            if (q >= 0 && q % g->step == 0 && q / g->step < g->part) {
                const float *src = dout + (o * g->part + q / g->step) * inner;
                for (int64_t i = 0; i < inner; i++) dst[i] = src[i];
            } else {
                for (int64_t i = 0; i < inner; i++) dst[i] = 0.0f;
            }
        }
}

/* ---- the engine's entry ---- */

static cnnc_status slice_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    step_slice_forward_cpu(r->out, r->in[0], &r->shape->g.step_slice);
    return CNNC_OK;
}

static cnnc_status slice_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) step_slice_backward_cpu(r->din[0], r->dout, &r->shape->g.step_slice);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_slice = {NULL, NULL, slice_fwd, slice_bwd};
