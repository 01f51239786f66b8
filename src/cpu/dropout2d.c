/* dropout2d.c — Dropout2d on the CPU: one keep draw per (sample, channel)
 * plane from the counter RNG of rng.h (the same on CUDA and any thread count),
 * applied as PyTorch's feature dropout does, out = in * noise with noise 0 or
 * 1/(1-p): a NaN in a dropped plane stays NaN. */
#include <string.h>
#include "cpu/cpu_backend.h"
#include "engine/rng.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

static float keep_scale(float p) { return p < 1.0f ? 1.0f / (1.0f - p) : 0.0f; }

void dropout2d_forward_cpu(float *out, uint8_t *mask, const float *in, int64_t planes, int64_t inner, float p,
                           uint64_t seed, uint64_t offset) {
    const float scale = keep_scale(p);
    for (int64_t c = 0; c < planes; c++) mask[c] = (uint8_t)cnnc_dropout_keep(seed, offset, (uint64_t)c, p);
#pragma omp parallel for schedule(static) if (planes * inner >= ACT_PARALLEL_MIN)
    for (int64_t c = 0; c < planes; c++) {
        const float noise = mask[c] ? scale : 0.0f;
        for (int64_t j = 0; j < inner; j++) out[c * inner + j] = in[c * inner + j] * noise;
    }
}

void dropout2d_backward_cpu(float *din, const float *dout, const uint8_t *mask, int64_t planes, int64_t inner, float p) {
    const float scale = keep_scale(p);
#pragma omp parallel for schedule(static) if (planes * inner >= ACT_PARALLEL_MIN)
    for (int64_t c = 0; c < planes; c++) {
        const float noise = mask[c] ? scale : 0.0f;
        for (int64_t j = 0; j < inner; j++) din[c * inner + j] = dout[c * inner + j] * noise;
    }
}

/* ---- the engine's entry: the RNG offset as Dropout takes it (one per training forward) ---- */

static cnnc_status dropout2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)err;
    const cnnc_axis_geom *g = &r->shape->g.axis;
    if (train)
        dropout2d_forward_cpu(r->out, (uint8_t *)r->aux, r->in[0], g->outer * g->size, g->inner,
                              (float)r->layer->p.dropout.p, e->cfg.seed, cnnc_engine_dropout_offset(e));
    else
        memcpy(r->out, r->in[0], (size_t)r->shape->out_numel * sizeof(float));
    return CNNC_OK;
}

static cnnc_status dropout2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)err;
    const cnnc_axis_geom *g = &r->shape->g.axis;
    if (!r->din[0]) return CNNC_OK;
    if (e->last_forward_train)
        dropout2d_backward_cpu(r->din[0], r->dout, (const uint8_t *)r->aux, g->outer * g->size, g->inner,
                               (float)r->layer->p.dropout.p);
    else
        memcpy(r->din[0], r->dout, (size_t)r->shape->out_numel * sizeof(float));
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_dropout2d = {NULL, NULL, dropout2d_fwd, dropout2d_bwd};
/* Dropout3d: the same draws per (sample, channel) over a D*H*W plane (src/layers/dropout3d.c). */
const cnnc_kernel cnnc_cpu_dropout3d = {NULL, NULL, dropout2d_fwd, dropout2d_bwd};
/* Dropout1d: the same draws per (sample, channel) over a plane of L (src/layers/dropout1d.c). */
const cnnc_kernel cnnc_cpu_dropout1d = {NULL, NULL, dropout2d_fwd, dropout2d_bwd};
