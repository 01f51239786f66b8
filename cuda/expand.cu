/* expand.cu — expand, expand_as and repeat on CUDA, as src/cpu/expand.c: the
 * reduce kernels (reduce.cu, sum) backward forward and forward backward over
 * the kind's broadcast geometry. Inputs after the first get a zero gradient. */
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "backend_cuda.h"

static cnnc_status expand_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return reduce_backward_cuda(r->out, r->in[0], &r->shape->g.expand, 0, st->stream, err);
}

static cnnc_status expand_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (r->din[0]) {
        cnnc_status s = reduce_forward_cuda(r->din[0], r->dout, &r->shape->g.expand, 0, st->stream, err);
        if (s != CNNC_OK) return s;
    }
    for (int32_t k = 1; k < r->n_in; k++) {
        const int32_t src = cnnc_layer_input(e->model, r->index, k);
        if (r->din[k] && src >= 0)
            CNNC_CUDA_CHECK(cudaMemsetAsync(r->din[k], 0, (size_t)e->shapes[src].out_numel * sizeof(float), st->stream));
    }
    return CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_expand = {{NULL, NULL, expand_fwd, expand_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_expand_as = {{NULL, NULL, expand_fwd, expand_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_repeat = {{NULL, NULL, expand_fwd, expand_bwd}, NULL, NULL};
