/* expand.c — expand, expand_as and repeat on the CPU: a broadcast gather
 * forward and a sum over the broadcast dims backward, which are the reduce
 * kernels' backward and forward (sum) over the kind's broadcast geometry.
 * Inputs after the first (expand_as's other, sizes read from other tensors)
 * get a zero gradient. */
#include <string.h>
#include "cpu/cpu_backend.h"

static cnnc_status expand_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    reduce_backward_cpu(r->out, r->in[0], &r->shape->g.expand, 0);
    return CNNC_OK;
}

static cnnc_status expand_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)err;
    if (r->din[0]) reduce_forward_cpu(r->din[0], r->dout, &r->shape->g.expand, 0);
    for (int32_t k = 1; k < r->n_in; k++) {
        const int32_t src = cnnc_layer_input(e->model, r->index, k);
        if (r->din[k] && src >= 0) memset(r->din[k], 0, (size_t)e->shapes[src].out_numel * sizeof(float));
    }
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_expand = {NULL, NULL, expand_fwd, expand_bwd};
const cnnc_kernel cnnc_cpu_expand_as = {NULL, NULL, expand_fwd, expand_bwd};
const cnnc_kernel cnnc_cpu_repeat = {NULL, NULL, expand_fwd, expand_bwd};
