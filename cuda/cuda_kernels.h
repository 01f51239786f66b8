/* cuda_kernels.h — C-callable launchers for the CUDA layer kernels, one .cu
 * file per layer family. They mirror src/cpu/cpu_kernels.h: same layouts
 * (NCHW float32), same geometry structs, same semantics (backward OVERWRITES
 * gradients; NULL gradient pointers are skipped), so tests compare each one
 * against its CPU twin. Every launcher enqueues on `stream`, checks the launch
 * (CNNC_LAUNCH_CHECK) and returns a status; none synchronises. GEMMs are not
 * here: they run through cuBLAS/cuDNN in the backend. All reductions are
 * deterministic (no float atomics). */
#ifndef CNNC_CUDA_KERNELS_H
#define CNNC_CUDA_KERNELS_H

#include <stdint.h>
#include <cuda_runtime_api.h>
#include "cnnc/shape.h"

#ifdef __cplusplus
extern "C" {
#endif

/* conv_im2col.cu: col for n samples, laid out [n][C*KH*KW][OH*OW] (rows of
 * group k are contiguous: channels k*C/groups ...). col2im WRITES img (each
 * pixel gathers its contributions: no atomics). */
cnnc_status im2col_cuda(float *col, const float *img, int64_t n, const cnnc_conv_geom *g,
                        cudaStream_t stream, cnnc_error *err);
cnnc_status col2im_cuda(float *img, const float *col, int64_t n, const cnnc_conv_geom *g,
                        cudaStream_t stream, cnnc_error *err);
/* The same columns laid out [C*KH*KW][n][OH*OW]: every sample's columns of
 * one tap side by side (the weight gradient's single GEMM reads them). */
cnnc_status im2col_kmajor_cuda(float *col, const float *img, int64_t n, const cnnc_conv_geom *g,
                               cudaStream_t stream, cnnc_error *err);
/* dst[c][s][p] = src[s][c][p]: channels outermost, for s < n, c < C, p < P. */
cnnc_status channels_outer_cuda(float *dst, const float *src, int64_t n, int64_t C, int64_t P,
                                cudaStream_t stream, cnnc_error *err);

/* conv_direct.cu: the direct conv engine for few taps per output (conv_direct.h). */
int cnnc_direct_conv_supported(const cnnc_conv_geom *g);
/* Scratch for the weight-gradient partials at the largest batch (0: not supported). */
size_t cnnc_direct_conv_workspace_bytes(const cnnc_conv_geom *g_max);
cnnc_status cnnc_direct_conv_forward(float *out, const float *in, const float *weight, const float *bias,
                                     const cnnc_conv_geom *g, cudaStream_t stream, cnnc_error *err);
/* din/dweight/dbias may be NULL; overwrites the others. */
cnnc_status cnnc_direct_conv_backward(float *din, float *dweight, float *dbias, const float *dout, const float *in,
                                      const float *weight, const cnnc_conv_geom *g, float *workspace,
                                      size_t ws_bytes, cudaStream_t stream, cnnc_error *err);

/* bias_act.cu: out[n,c,hw] += bias[c] (bias may be NULL), then ReLU if relu.
 * Linear uses it with C = out_features, HW = 1. */
cnnc_status bias_act_forward_cuda(float *out, const float *bias, int64_t N, int64_t C, int64_t HW,
                                  int relu, cudaStream_t stream, cnnc_error *err);
/* out[c] = (accumulate ? out[c] : 0) + sum over r < R, k < K of in[(r*C + c)*K + k]
 * (a deterministic reduction). */
cnnc_status column_sums_cuda(float *out, const float *in, int64_t R, int64_t C, int64_t K, int accumulate,
                             cudaStream_t stream, cnnc_error *err);
/* dbias[c] = sum over n, hw of dout (a deterministic reduction). */
cnnc_status bias_backward_cuda(float *dbias, const float *dout, int64_t N, int64_t C, int64_t HW,
                               cudaStream_t stream, cnnc_error *err);
/* dst[i] += src[i] (bias_act.cu). */
cnnc_status add_inplace_cuda(float *dst, const float *src, int64_t n, cudaStream_t stream, cnnc_error *err);
/* adaptive_pool2d.cu, upsample2d.cu, pad2d.cu: the plane kernels of
 * src/cpu/cpu_kernels.h, equal to them bit for bit (backwards gather). */
cnnc_status adaptive_avgpool2d_forward_cuda(float *out, const float *in, const cnnc_plane_geom *g, cudaStream_t stream,
                                            cnnc_error *err);
cnnc_status adaptive_avgpool2d_backward_cuda(float *din, const float *dout, const cnnc_plane_geom *g, cudaStream_t stream,
                                             cnnc_error *err);
cnnc_status adaptive_maxpool2d_forward_cuda(float *out, int32_t *argmax, const float *in, const cnnc_plane_geom *g,
                                            cudaStream_t stream, cnnc_error *err);
cnnc_status adaptive_maxpool2d_backward_cuda(float *din, const float *dout, const int32_t *argmax, const cnnc_plane_geom *g,
                                             cudaStream_t stream, cnnc_error *err);
cnnc_status upsample2d_forward_cuda(float *out, const float *in, const cnnc_upsample_geom *g, cudaStream_t stream,
                                    cnnc_error *err);
cnnc_status upsample2d_backward_cuda(float *din, const float *dout, const cnnc_upsample_geom *g, cudaStream_t stream,
                                     cnnc_error *err);
cnnc_status pad2d_forward_cuda(float *out, const float *in, const cnnc_pad2d_geom *g, cudaStream_t stream, cnnc_error *err);
cnnc_status pad2d_backward_cuda(float *din, const float *dout, const cnnc_pad2d_geom *g, cudaStream_t stream,
                                cnnc_error *err);

/* relu.cu */
cnnc_status relu_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err);
/* out = x < 0 ? 0 : x (NaN passes); din = out <= 0 ? 0 : dout (NaN passes); din may alias dout. */
cnnc_status relu_backward_cuda(float *din, const float *dout, const float *out, int64_t n,
                               cudaStream_t stream, cnnc_error *err);

/* Activations, one .cu per kind, as their src/cpu twins (cpu_kernels.h): same
 * formulas, NaN propagating as in PyTorch; din may alias dout. */
cnnc_status sigmoid_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err);
cnnc_status sigmoid_backward_cuda(float *din, const float *dout, const float *out, int64_t n, cudaStream_t stream,
                                  cnnc_error *err);
cnnc_status tanh_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err);
cnnc_status tanh_backward_cuda(float *din, const float *dout, const float *out, int64_t n, cudaStream_t stream,
                               cnnc_error *err);
/* hardtanh.cu (ReLU6 too: min 0, max 6) */
cnnc_status hardtanh_forward_cuda(float *out, const float *in, int64_t n, float min_val, float max_val,
                                  cudaStream_t stream, cnnc_error *err);
cnnc_status hardtanh_backward_cuda(float *din, const float *dout, const float *in, int64_t n, float min_val,
                                   float max_val, cudaStream_t stream, cnnc_error *err);
/* from_output: the in-place ELU's backward, from out; else from in */
cnnc_status elu_forward_cuda(float *out, const float *in, int64_t n, float alpha, cudaStream_t stream, cnnc_error *err);
cnnc_status elu_backward_cuda(float *din, const float *dout, const float *in, const float *out, int64_t n, float alpha,
                              int from_output, cudaStream_t stream, cnnc_error *err);
cnnc_status leaky_relu_forward_cuda(float *out, const float *in, int64_t n, float slope, cudaStream_t stream,
                                    cnnc_error *err);
cnnc_status leaky_relu_backward_cuda(float *din, const float *dout, const float *src, int64_t n, float slope,
                                     cudaStream_t stream, cnnc_error *err);
cnnc_status gelu_forward_cuda(float *out, const float *in, int64_t n, int tanh_approx, cudaStream_t stream,
                              cnnc_error *err);
cnnc_status gelu_backward_cuda(float *din, const float *dout, const float *in, int64_t n, int tanh_approx,
                               cudaStream_t stream, cnnc_error *err);
cnnc_status silu_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err);
cnnc_status silu_backward_cuda(float *din, const float *dout, const float *in, int64_t n, cudaStream_t stream,
                               cnnc_error *err);
/* softmax.cu / logsoftmax.cu: over the [outer, size, inner] view of the dim,
 * one thread per row, the CPU's order of operations. */
cnnc_status softmax_forward_cuda(float *out, const float *in, const cnnc_axis_geom *g, cudaStream_t stream,
                                 cnnc_error *err);
cnnc_status softmax_backward_cuda(float *din, const float *dout, const float *out, const cnnc_axis_geom *g,
                                  cudaStream_t stream, cnnc_error *err);
cnnc_status log_softmax_forward_cuda(float *out, const float *in, const cnnc_axis_geom *g, cudaStream_t stream,
                                     cnnc_error *err);
cnnc_status log_softmax_backward_cuda(float *din, const float *dout, const float *out, const cnnc_axis_geom *g,
                                      cudaStream_t stream, cnnc_error *err);
/* cumsum.cu: one thread per row, the double running sum of src/cpu/cumsum.c. */
cnnc_status cumsum_forward_cuda(float *out, const float *in, const cnnc_axis_geom *g, cudaStream_t stream, cnnc_error *err);
cnnc_status cumsum_backward_cuda(float *din, const float *dout, const cnnc_axis_geom *g, cudaStream_t stream,
                                 cnnc_error *err);

/* maxpool2d.cu: argmax holds h*W+w inside each (n,c) plane; backward gathers. */
cnnc_status maxpool2d_forward_cuda(float *out, int32_t *argmax, const float *in, const cnnc_pool_geom *g,
                                   cudaStream_t stream, cnnc_error *err);
cnnc_status maxpool2d_backward_cuda(float *din, const float *dout, const int32_t *argmax,
                                    const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err);
cnnc_status avgpool2d_forward_cuda(float *out, const float *in, const cnnc_pool_geom *g,
                                   cudaStream_t stream, cnnc_error *err);
cnnc_status avgpool2d_backward_cuda(float *din, const float *dout, const cnnc_pool_geom *g,
                                    cudaStream_t stream, cnnc_error *err);

/* maxpool2d.cu, fused: Conv2d -> ReLU -> MaxPool2d after a bias-less conv,
 * bit for bit what bias_act + relu + maxpool2d compute, for pools with kernel ==
 * stride, no padding and no dilation (bias_relu_maxpool_fusable). conv is the
 * [N, C, H, W] conv output without its bias (bias may be NULL); out/argmax as
 * maxpool2d_forward_cuda's. Backward writes every element of dconv. */
int bias_relu_maxpool_fusable(const cnnc_pool_geom *g);
cnnc_status bias_relu_maxpool_forward_cuda(float *out, int32_t *argmax, const float *conv, const float *bias,
                                           const cnnc_pool_geom *g, cudaStream_t stream, cnnc_error *err);
cnnc_status bias_relu_maxpool_backward_cuda(float *dconv, const float *dout, const float *out,
                                            const int32_t *argmax, const cnnc_pool_geom *g, cudaStream_t stream,
                                            cnnc_error *err);

/* batchnorm2d.cu: as batchnorm2d_*_cpu. Training statistics and the backward run
 * one block per channel, or, with few channels of many values each and
 * cnnc_bn_workspace_bytes of workspace (0: not needed), each channel over many
 * blocks with partial sums added in a fixed order; a NULL or smaller workspace
 * takes the first way. */
size_t cnnc_bn_workspace_bytes(int64_t N, int64_t C, int64_t HW);
cnnc_status batchnorm2d_forward_train_cuda(float *out, float *save_mean, float *save_invstd,
                                           float *running_mean, float *running_var, const float *in,
                                           const float *gamma, const float *beta, int64_t N, int64_t C,
                                           int64_t HW, float eps, float exp_avg_factor, void *workspace,
                                           size_t ws_bytes, cudaStream_t stream, cnnc_error *err);
cnnc_status batchnorm2d_forward_eval_cuda(float *out, const float *in, const float *gamma, const float *beta,
                                          const float *running_mean, const float *running_var,
                                          int64_t N, int64_t C, int64_t HW, float eps,
                                          cudaStream_t stream, cnnc_error *err);
cnnc_status batchnorm2d_backward_cuda(float *din, float *dgamma, float *dbeta, const float *dout,
                                      const float *in, const float *save_mean, const float *save_invstd,
                                      const float *gamma, int64_t N, int64_t C, int64_t HW, void *workspace,
                                      size_t ws_bytes, cudaStream_t stream, cnnc_error *err);

/* groupnorm.cu: as groupnorm_*_cpu and instancenorm2d_update_running_cpu (the
 * same arithmetic; the sums' order differs, in double). InstanceNorm2d runs
 * them with G = C, LayerNorm with one group per row. */
cnnc_status groupnorm_forward_cuda(float *out, float *save_mean, float *save_rstd, float *save_var, const float *in,
                                   const float *gamma, const float *beta, int64_t N, int64_t C, int64_t HW, int64_t G,
                                   float eps, cudaStream_t stream, cnnc_error *err);
cnnc_status groupnorm_backward_cuda(float *din, float *dgamma, float *dbeta, const float *dout, const float *in,
                                    const float *save_mean, const float *save_rstd, const float *gamma, int64_t N,
                                    int64_t C, int64_t HW, int64_t G, cudaStream_t stream, cnnc_error *err);
cnnc_status instancenorm2d_update_running_cuda(float *running_mean, float *running_var, const float *mean,
                                               const float *var, int64_t N, int64_t C, float momentum,
                                               cudaStream_t stream, cnnc_error *err);

/* dropout.cu: same counter-based RNG as the CPU (src/engine/rng.h), so masks match. */
cnnc_status dropout_forward_cuda(float *out, uint8_t *mask, const float *in, int64_t n, float p,
                                 uint64_t seed, uint64_t offset, cudaStream_t stream, cnnc_error *err);
cnnc_status dropout_backward_cuda(float *din, const float *dout, const uint8_t *mask, int64_t n, float p,
                                  cudaStream_t stream, cnnc_error *err);
/* dropout2d.cu: one draw per plane of `inner` values, as dropout2d_forward_cpu (mask: a byte per plane). */
cnnc_status dropout2d_forward_cuda(float *out, uint8_t *mask, const float *in, int64_t planes, int64_t inner, float p,
                                   uint64_t seed, uint64_t offset, cudaStream_t stream, cnnc_error *err);
cnnc_status dropout2d_backward_cuda(float *din, const float *dout, const uint8_t *mask, int64_t planes, int64_t inner,
                                    float p, cudaStream_t stream, cnnc_error *err);

/* The graph's tensor operations, as their CPU twins in cpu_kernels.h. Sums
 * (broadcast gradients, mean, sum) accumulate in double: one thread per output
 * in index order (the CPU's order) when each output sums fewer than
 * CNNC_CUDA_BLOCK_REDUCE_MIN values, else one block per output with a fixed
 * split and block_sum's fixed tree (deterministic, a different order). */
#define CNNC_CUDA_BLOCK_REDUCE_MIN 1024
/* binary.cu: add/sub/mul/div (op: CNNC_ADD ... CNNC_DIV); a NULL operand is the scalar. */
cnnc_status binary_forward_cuda(float *out, const float *a, const float *b, float a_s, float b_s, float alpha,
                                cnnc_layer_kind op, const cnnc_bcast_geom *g, cudaStream_t stream, cnnc_error *err);
cnnc_status binary_backward_cuda(float *da, int64_t na, float *db, int64_t nb, const float *dout, const float *a,
                                 const float *b, float a_s, float b_s, float alpha, cnnc_layer_kind op,
                                 const cnnc_bcast_geom *g, cudaStream_t stream, cnnc_error *err);
/* exp.cu */
cnnc_status exp_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err);
cnnc_status exp_backward_cuda(float *din, const float *dout, const float *out, int64_t n, cudaStream_t stream,
                              cnnc_error *err);
/* randn_like.cu: cnnc_randn(seed, offset, i), the offset given or read from the device. */
cnnc_status randn_forward_cuda(float *out, int64_t n, uint64_t seed, uint64_t offset, cudaStream_t stream,
                               cnnc_error *err);
cnnc_status randn_forward_devoffset_cuda(float *out, int64_t n, uint64_t seed, const uint64_t *offset_dev,
                                         cudaStream_t stream, cnnc_error *err);
/* reduce.cu: mean (mean = 1) or sum */
cnnc_status reduce_forward_cuda(float *out, const float *in, const cnnc_reduce_geom *g, int mean, cudaStream_t stream,
                                cnnc_error *err);
cnnc_status reduce_backward_cuda(float *din, const float *dout, const cnnc_reduce_geom *g, int mean,
                                 cudaStream_t stream, cnnc_error *err);
/* var/std and their gradients, as moment_*_cpu. */
cnnc_status moment_forward_cuda(float *out, const float *in, const cnnc_reduce_geom *g, double correction, int is_std,
                                cudaStream_t stream, cnnc_error *err);
cnnc_status moment_backward_cuda(float *din, const float *dout, const float *in, const float *out, const cnnc_reduce_geom *g,
                                 double correction, int is_std, cudaStream_t stream, cnnc_error *err);
/* The p-norm and its gradient, as vector_norm_*_cpu. */
cnnc_status vector_norm_forward_cuda(float *out, const float *in, const cnnc_reduce_geom *g, double ord,
                                     cudaStream_t stream, cnnc_error *err);
cnnc_status vector_norm_backward_cuda(float *din, const float *dout, const float *in, const float *out,
                                      const cnnc_reduce_geom *g, double ord, cudaStream_t stream, cnnc_error *err);
/* amax/amin and their gradients (form: cnnc_extremum_form), as extremum_*_cpu. */
cnnc_status extremum_forward_cuda(float *out, const float *in, const cnnc_reduce_geom *g, int is_max,
                                  cudaStream_t stream, cnnc_error *err);
cnnc_status extremum_backward_cuda(float *din, const float *dout, const float *in, const float *out,
                                   const cnnc_reduce_geom *g, int form, cudaStream_t stream, cnnc_error *err);
/* permute.cu: permute and transpose */
cnnc_status permute_forward_cuda(float *out, const float *in, const cnnc_permute_geom *g, cudaStream_t stream,
                                 cnnc_error *err);
cnnc_status permute_backward_cuda(float *din, const float *dout, const cnnc_permute_geom *g, cudaStream_t stream,
                                  cnnc_error *err);
/* narrow.cu: as slice_copy_cpu and narrow_backward_cpu (cat uses the slice copy) */
cnnc_status slice_copy_cuda(float *dst, int64_t dst_whole, int64_t dst_start, const float *src, int64_t src_whole,
                            int64_t src_start, int64_t outer, int64_t part, int64_t inner, cudaStream_t stream,
                            cnnc_error *err);
cnnc_status narrow_backward_cuda(float *din, const float *dout, const cnnc_slice_geom *g, cudaStream_t stream,
                                 cnnc_error *err);

/* The elementwise kinds (CNNC_ELEMENTWISE_KINDS in cnnc/layers.h), softplus.cu
 * and hardshrink.cu: as their CPU twins (cpu_kernels.h), backward from the input. */
#define CNNC_CUDA_ELEMENTWISE_DECL_(stem)                                                                       \
    cnnc_status stem##_forward_cuda(float *out, const float *in, int64_t n, cudaStream_t stream, cnnc_error *err); \
    cnnc_status stem##_backward_cuda(float *din, const float *dout, const float *in, int64_t n, cudaStream_t stream, \
                                     cnnc_error *err);
CNNC_ELEMENTWISE_KINDS(CNNC_CUDA_ELEMENTWISE_DECL_)
#undef CNNC_CUDA_ELEMENTWISE_DECL_
cnnc_status softplus_forward_cuda(float *out, const float *in, int64_t n, float beta, float threshold, cudaStream_t stream,
                                  cnnc_error *err);
cnnc_status softplus_backward_cuda(float *din, const float *dout, const float *in, int64_t n, float beta, float threshold,
                                   cudaStream_t stream, cnnc_error *err);
/* clamp.cu: as clamp_*_cpu */
/* round.cu: as round_forward_cpu (mode: cnnc_round_mode). */
cnnc_status round_forward_cuda(float *out, const float *in, int64_t n, int mode, cudaStream_t stream, cnnc_error *err);
cnnc_status clamp_forward_cuda(float *out, const float *in, int64_t n, const cnnc_clamp_params *p, cudaStream_t stream,
                               cnnc_error *err);
cnnc_status clamp_backward_cuda(float *din, const float *dout, const float *in, int64_t n, const cnnc_clamp_params *p,
                                cudaStream_t stream, cnnc_error *err);
/* pow.cu: x ** e, as pow_*_cpu */
cnnc_status pow_forward_cuda(float *out, const float *in, int64_t n, float e, cudaStream_t stream, cnnc_error *err);
cnnc_status pow_backward_cuda(float *din, const float *dout, const float *in, int64_t n, float e, cudaStream_t stream,
                              cnnc_error *err);
cnnc_status hardshrink_forward_cuda(float *out, const float *in, int64_t n, float lambd, cudaStream_t stream, cnnc_error *err);
cnnc_status hardshrink_backward_cuda(float *din, const float *dout, const float *in, int64_t n, float lambd,
                                     cudaStream_t stream, cnnc_error *err);
/* prelu.cu: as prelu_*_cpu; the weight gradient is one block per channel
 * summing in double (fixed split, block_sum's tree: deterministic, an order of
 * its own). din or dweight may be NULL. */
cnnc_status prelu_forward_cuda(float *out, const float *in, const float *weight, const cnnc_bn_geom *g, cudaStream_t stream,
                               cnnc_error *err);
cnnc_status prelu_backward_cuda(float *din, float *dweight, const float *dout, const float *in, const float *weight,
                                const cnnc_bn_geom *g, cudaStream_t stream, cnnc_error *err);
/* slice.cu: as step_slice_*_cpu (backward writes every din element: a gather) */
cnnc_status step_slice_forward_cuda(float *out, const float *in, const cnnc_step_slice_geom *g, cudaStream_t stream,
                                    cnnc_error *err);
cnnc_status step_slice_backward_cuda(float *din, const float *dout, const cnnc_step_slice_geom *g, cudaStream_t stream,
                                     cnnc_error *err);
/* expand.cu (expand, expand_as, repeat) runs reduce_backward_cuda / reduce_forward_cuda
 * (sum); pixelshuffle.cu (PixelShuffle, PixelUnshuffle) the permute kernels. */

/* loss.cu: fused log-softmax + NLL (mean) + backward + correct count.
 * metrics[0] += loss*N, metrics[1] += correct, metrics[2] += N, metrics[3] = loss.
 * dlogits (may be NULL) = (softmax - onehot)/N. */
cnnc_status cross_entropy_cuda(float *dlogits, float *metrics, const float *logits, const int32_t *targets,
                               int64_t N, int64_t C, cudaStream_t stream, cnnc_error *err);
/* loss.cu: NLLLoss (mean) on log-probabilities in one launch, as nll_loss_cpu:
 * loss = mean of -logp[i, target], dlogp (may be NULL) = -1/N at the target and
 * 0 elsewhere, correct = argmax hits; metrics as cross_entropy_cuda's. */
cnnc_status nll_loss_cuda(float *dlogp, float *metrics, const float *logp, const int32_t *targets, int64_t N, int64_t C,
                          cudaStream_t stream, cnnc_error *err);
/* CrossEntropyLoss(label_smoothing=eps) and NLLLoss as the engine runs them, as
 * the cpu's *_over_cpu: the N samples' gradient divided by `over`, the global batch
 * of a data-parallel rank (the loss and metrics stay its own N's); over == N and
 * eps == 0: the functions above. */
cnnc_status cross_entropy_over_cuda(float *dlogits, float *metrics, const float *logits, const int32_t *targets,
                                    int64_t N, int64_t C, float eps, int64_t over, cudaStream_t stream, cnnc_error *err);
cnnc_status nll_loss_over_cuda(float *dlogp, float *metrics, const float *logp, const int32_t *targets, int64_t N,
                               int64_t C, int64_t over, cudaStream_t stream, cnnc_error *err);

/* ema.cu: --ema's update after the optimizer, as ema_update_cpu (the step whose
 * device counter equals *first_dev copies), and the swap that puts the average
 * in the weights' place for evaluation. */
cnnc_status ema_update_cuda(float *avg, const float *src, int64_t n, double decay, const int64_t *step_dev,
                            const int64_t *first_dev, cudaStream_t stream, cnnc_error *err);
cnnc_status swap_cuda(float *a, float *b, int64_t n, cudaStream_t stream, cnnc_error *err);

/* optim.cu: one fused kernel over the flat parameter arena; PyTorch's formulas
 * exactly as sgd_step_cpu / adam_step_cpu (step is 1-based). */
cnnc_status sgd_step_cuda(float *param, const float *grad, float *momentum_buf, int64_t n, float lr,
                          float momentum, float dampening, float weight_decay, int nesterov, int64_t step,
                          cudaStream_t stream, cnnc_error *err);
cnnc_status adam_step_cuda(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                           float beta1, float beta2, float eps, float weight_decay, int64_t step, int adamw,
                           cudaStream_t stream, cnnc_error *err);

/* data.cu: x = (images[order[start+i]] / 255 - mean) / std, y = labels[...]. */
cnnc_status gather_batch_cuda(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                              const int32_t *order, int64_t start, int64_t n, int64_t pixels,
                              float mean, float std, cudaStream_t stream, cnnc_error *err);
/* data.cu, --augment: the same with sample order[k] cropped and flipped by codes[k]
 * (engine/augment.h) over CxHxW images zero-padded by `pad`, as gather_batch_aug_cpu;
 * samples from position `start`, or from *start_dev when start_dev is non-NULL
 * (a captured step). */
cnnc_status gather_batch_aug_cuda(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                                  const int32_t *order, const int32_t *codes, int64_t start, const int64_t *start_dev,
                                  int64_t n, int64_t channels, int64_t height, int64_t width, int32_t pad, float mean,
                                  float std, cudaStream_t stream, cnnc_error *err);

#ifdef __cplusplus
}
#endif
#endif
