/* elementwise_entry.h — the engine entries of an elementwise kind
 * (CNNC_ELEMENTWISE_KINDS in cnnc/layers.h), written once: a kind's .cu file
 * defines its kernels and the launchers <stem>_forward_cuda and
 * <stem>_backward_cuda (cuda_kernels.h declares them; the launches stay in
 * the .cu file, where the emulator's cu2cpp rewrites them), then says
 * CNNC_CUDA_ELEMENTWISE_ENTRY(<stem>). */
#ifndef CNNC_CUDA_ELEMENTWISE_ENTRY_H
#define CNNC_CUDA_ELEMENTWISE_ENTRY_H

#include "backend_cuda.h"
#include "cuda_check.h"
#include "cuda_kernels.h"
#include "launch.h"

#define CNNC_CUDA_ELEMENTWISE_ENTRY(stem)                                                                \
    static cnnc_status stem##_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {   \
        (void)train;                                                                                     \
        CUDA_ENTER(e, st);                                                                               \
        return stem##_forward_cuda(r->out, r->in[0], r->shape->out_numel, st->stream, err);              \
    }                                                                                                    \
    static cnnc_status stem##_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {              \
        CUDA_ENTER(e, st);                                                                               \
        return stem##_backward_cuda(r->din[0], r->dout, r->in[0], r->shape->out_numel, st->stream, err); \
    }                                                                                                    \
    extern "C" const cnnc_cuda_kernel cnnc_cuda_##stem = {{NULL, NULL, stem##_fwd, stem##_bwd}, NULL, NULL};

#endif
