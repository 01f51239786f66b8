/* clamp.c — clamp on the CPU: NaN passes, else max(x, min) then min(., max)
 * (min > max gives max everywhere); backward g where min <= x <= max. */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void clamp_forward_cpu(float *out, const float *in, int64_t n, const cnnc_clamp_params *p) {
    const float lo = (float)p->min, hi = (float)p->max;
    const int has_lo = p->has_min, has_hi = p->has_max;
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        float y = in[i];
        if (!isnan(y)) {
            if (has_lo && y < lo) y = lo;
            if (has_hi && y > hi) y = hi;
        }
        out[i] = y;
    }
}

void clamp_backward_cpu(float *din, const float *dout, const float *in, int64_t n, const cnnc_clamp_params *p) {
    const float lo = (float)p->min, hi = (float)p->max;
    const int has_lo = p->has_min, has_hi = p->has_max;
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        const int pass = (!has_lo || x >= lo) && (!has_hi || x <= hi) && !isnan(x);
        din[i] = pass ? dout[i] : 0.0f;
    }
}

static cnnc_status clamp_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    clamp_forward_cpu(r->out, r->in[0], r->shape->out_numel, &r->layer->p.clamp);
    return CNNC_OK;
}

static cnnc_status clamp_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) clamp_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel, &r->layer->p.clamp);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_clamp = {NULL, NULL, clamp_fwd, clamp_bwd};
