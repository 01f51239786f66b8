/* dropout.c — Dropout on the CPU. The mask comes from the counter-based RNG in
 * rng.h, so it is the same on every backend and thread count. */
#include <string.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"
#include "engine/rng.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void dropout_forward_cpu(float *out, uint8_t *mask, const float *in, int64_t n, float p,
                         uint64_t seed, uint64_t offset) {
    if (p >= 1.0f) { /* PyTorch returns zeros rather than scaling by 1/0 */
        for (int64_t i = 0; i < n; i++) {
            out[i] = 0.0f;
            mask[i] = 0;
        }
        return;
    }
    const float scale = 1.0f / (1.0f - p);
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const int keep = cnnc_dropout_keep(seed, offset, (uint64_t)i, p);
        mask[i] = (uint8_t)keep;
        out[i] = keep ? in[i] * scale : 0.0f;
    }
}

void dropout_backward_cpu(float *din, const float *dout, const uint8_t *mask, int64_t n, float p) {
    const float scale = p >= 1.0f ? 0.0f : 1.0f / (1.0f - p);
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float d = dout[i] * scale;
        din[i] = mask[i] ? d : 0.0f;
    }
}

/* ---- the engine's entry ---- */

static cnnc_status dropout_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)err;
    if (train)
        dropout_forward_cpu(r->out, (uint8_t *)r->aux, r->in[0], r->shape->out_numel, (float)r->layer->p.dropout.p,
                            e->cfg.seed, cnnc_engine_dropout_offset(e));
    else
        memcpy(r->out, r->in[0], (size_t)r->shape->out_numel * sizeof(float));
    return CNNC_OK;
}

static cnnc_status dropout_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)err;
    if (!r->din[0]) return CNNC_OK;
    if (e->last_forward_train)
        dropout_backward_cpu(r->din[0], r->dout, (const uint8_t *)r->aux, r->shape->out_numel, (float)r->layer->p.dropout.p);
    else
        memcpy(r->din[0], r->dout, (size_t)r->shape->out_numel * sizeof(float));
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_dropout = {NULL, NULL, dropout_fwd, dropout_bwd};
