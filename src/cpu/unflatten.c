/* unflatten.c — Unflatten on the CPU: the same floats in a new shape. */
#include <string.h>
#include "cpu/cpu_backend.h"

static cnnc_status unflatten_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    if (r->out != r->in[0]) memcpy(r->out, r->in[0], (size_t)r->shape->out_numel * sizeof(float));
    return CNNC_OK;
}

static cnnc_status unflatten_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0] && r->din[0] != r->dout) memcpy(r->din[0], r->dout, (size_t)r->shape->out_numel * sizeof(float));
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_unflatten = {NULL, NULL, unflatten_fwd, unflatten_bwd};
