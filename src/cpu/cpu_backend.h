/* cpu_backend.h — what the CPU kernel files' engine adapters share: the
 * backend's kernel entries, its workspace, and the bf16 operand rounding of
 * the GEMM layers. */
#ifndef CNNC_CPU_BACKEND_H
#define CNNC_CPU_BACKEND_H

#include "cpu/cpu_kernels.h"
#include "engine/engine_internal.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CNNC_DECLARE_CPU_KERNEL_(E, stem) extern const cnnc_kernel cnnc_cpu_##stem;
CNNC_LAYER_KINDS(CNNC_DECLARE_CPU_KERNEL_)
#undef CNNC_DECLARE_CPU_KERNEL_

/* The engine's entries of an elementwise kind (CNNC_ELEMENTWISE_KINDS in
 * cnnc/layers.h), written once: its kernels over the node's elements, the
 * backward from the input. A kind's file says CNNC_CPU_ELEMENTWISE_ENTRY(stem). */
#define CNNC_CPU_ELEMENTWISE_ENTRY(stem)                                                                    \
    static cnnc_status stem##_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {      \
        (void)e; (void)train; (void)err;                                                                    \
        stem##_forward_cpu(r->out, r->in[0], r->shape->out_numel);                                          \
        return CNNC_OK;                                                                                     \
    }                                                                                                       \
    static cnnc_status stem##_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {                 \
        (void)e; (void)err;                                                                                 \
        if (r->din[0]) stem##_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel);              \
        return CNNC_OK;                                                                                     \
    }                                                                                                       \
    const cnnc_kernel cnnc_cpu_##stem = {NULL, NULL, stem##_fwd, stem##_bwd};

/* BatchNorm2d's engine entries (batchnorm2d.c), which BatchNorm1d runs too. */
cnnc_status cnnc_cpu_batchnorm_forward(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err);
cnnc_status cnnc_cpu_batchnorm_backward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err);
/* The same with statistics over every rank's samples (--sync-bn, batchnorm_sync.c). */
cnnc_status cpu_batchnorm_sync_forward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err);
cnnc_status cpu_batchnorm_sync_backward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err);

/* GroupNorm's (groupnorm.c), which LayerNorm runs too. */
cnnc_status cnnc_cpu_groupnorm_forward(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err);
cnnc_status cnnc_cpu_groupnorm_backward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err);

static inline float *cpu_workspace(const cnnc_engine *e) { return (float *)(e->arena + e->plan.workspace); }

/* --precision bf16: each Conv2d/Linear rounds its GEMM operands (input,
 * weight, output gradient) into the front of the workspace, then runs the
 * fp32 kernels on them. Rounding commutes with im2col, transposes, padding
 * and flips, so these are exactly the operands cuBLAS rounds under
 * COMPUTE_32F_FAST_16BF. Bias gradients sum the unrounded fp32 gradient. */
typedef struct cpu_gemm_operands {
    const float *in, *weight, *dout;
    float *rest;              /* the workspace after the rounded copies */
} cpu_gemm_operands;

/* Floats of workspace the rounded copies take (0 without bf16). */
size_t cpu_bf16_operand_floats(const cnnc_engine *e, int64_t n_in, int64_t n_weight, int64_t n_dout);
/* The operands as the GEMMs take them: the fp32 tensors, or (bf16) rounded
 * copies at the front of `ws`. dout may be NULL (forward). */
cpu_gemm_operands cpu_gemm_operands_of(const cnnc_engine *e, const float *in, int64_t n_in, const float *weight,
                                       int64_t n_weight, const float *dout, int64_t n_dout, float *ws);

#ifdef __cplusplus
}
#endif
#endif
