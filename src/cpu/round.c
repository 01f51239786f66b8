/* round.c — floor, ceil, round (half to even, as std::nearbyint) and trunc on the
 * CPU; the backward writes zeros. */
#include <math.h>
#include <string.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void round_forward_cpu(float *out, const float *in, int64_t n, cnnc_round_mode mode) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = mode == CNNC_ROUND_FLOOR ? floorf(x) : mode == CNNC_ROUND_CEIL ? ceilf(x)
               : mode == CNNC_ROUND_NEAREST ? nearbyintf(x) : truncf(x);
    }
}

static cnnc_status round_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    round_forward_cpu(r->out, r->in[0], r->shape->out_numel, r->layer->p.round.mode);
    return CNNC_OK;
}

static cnnc_status round_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) memset(r->din[0], 0, (size_t)cnnc_shape_numel(&r->shape->in) * sizeof(float));
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_round = {NULL, NULL, round_fwd, round_bwd};
