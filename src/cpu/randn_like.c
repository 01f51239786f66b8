/* randn_like.c — torch.randn_like on the CPU: standard normal values from the
 * counter-based RNG (engine/rng.h cnnc_randn), so they are the same on every
 * backend and thread count. Every forward takes a fresh RNG offset. */
#include <string.h>
#include "cpu/cpu_backend.h"
#include "engine/rng.h"

/* Below this many elements a parallel region costs more than it saves. */
#define RANDN_PARALLEL_MIN 8192

void randn_forward_cpu(float *out, int64_t n, uint64_t seed, uint64_t offset) {
#pragma omp parallel for schedule(static) if (n >= RANDN_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) out[i] = cnnc_randn(seed, offset, (uint64_t)i);
}

/* ---- the engine's entry ---- */

static cnnc_status randn_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train; (void)err;
    randn_forward_cpu(r->out, r->shape->out_numel, e->cfg.seed, cnnc_engine_dropout_offset(e));
    return CNNC_OK;
}

/* No gradient flows through the noise: the input's share is zero. */
static cnnc_status randn_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) memset(r->din[0], 0, (size_t)r->shape->out_numel * sizeof(float));
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_randn_like = {NULL, NULL, randn_fwd, randn_bwd};
