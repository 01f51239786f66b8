/* permute.c — permute and transpose on the CPU: a gather through the input's
 * strides forward, the matching scatter (a bijection) backward. */
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define PERM_PARALLEL_MIN 32768

static int64_t numel_of(const cnnc_permute_geom *g) {
    int64_t n = 1;
    for (int32_t k = 0; k < g->ndim; k++) n *= g->size[k];
    return n;
}

/* backward = 0: out[o] = in[off(o)]; 1: in[off(o)] = out[o]. */
static void walk(float *out, float *in, const cnnc_permute_geom *g, int backward) {
    const int64_t n = numel_of(g);
    if (n == 0) return;
    const int32_t nd = g->ndim;
    const int64_t inner = nd ? g->size[nd - 1] : 1, st = nd ? g->stride[nd - 1] : 0, rows = n / inner;
#pragma omp parallel for schedule(static) if (n >= PERM_PARALLEL_MIN)
    for (int64_t r = 0; r < rows; r++) {
        int64_t rem = r, base = 0;
        for (int32_t k = nd - 2; k >= 0; k--) {
            base += rem % g->size[k] * g->stride[k];
            rem /= g->size[k];
        }
        float *o = out + r * inner;
        if (backward)
            for (int64_t j = 0; j < inner; j++) in[base + j * st] = o[j];
        else
            for (int64_t j = 0; j < inner; j++) o[j] = in[base + j * st];
    }
}

void permute_forward_cpu(float *out, const float *in, const cnnc_permute_geom *g) { walk(out, (float *)in, g, 0); }
void permute_backward_cpu(float *din, const float *dout, const cnnc_permute_geom *g) { walk((float *)dout, din, g, 1); }

/* ---- the engine's entries (transpose is a permute of two dims) ---- */

static cnnc_status permute_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    permute_forward_cpu(r->out, r->in[0], &r->shape->g.permute);
    return CNNC_OK;
}

static cnnc_status permute_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) permute_backward_cpu(r->din[0], r->dout, &r->shape->g.permute);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_permute = {NULL, NULL, permute_fwd, permute_bwd};
const cnnc_kernel cnnc_cpu_transpose = {NULL, NULL, permute_fwd, permute_bwd};
