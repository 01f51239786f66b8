/* cpu_kernels.h — the CPU layer kernels. Plain functions with explicit sizes
 * (geometry structs come from the shape pass). All tensors are NCHW float32,
 * contiguous. Backward functions OVERWRITE their gradient outputs (the engine
 * never accumulates across calls). Any gradient pointer may be NULL when that
 * gradient is not needed (e.g. din of the first layer, dbias without bias).
 * Threading: OpenMP inside kernels plus OpenBLAS's own threads; results are
 * deterministic for a fixed thread count. */
#ifndef CNNC_CPU_KERNELS_H
#define CNNC_CPU_KERNELS_H

#include <stddef.h>
#include <stdint.h>
#include "cnnc/shape.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Set the number of threads for OpenMP and OpenBLAS (<= 0: leave as is). */
void cpu_set_threads(int threads);
int cpu_get_threads(void);

/* ---- conv (im2col/col2im + cblas_sgemm), weight [OC, C/groups, KH, KW] ---- */
/* Floats of scratch the conv kernels need for this geometry and thread count. */
size_t conv2d_workspace_floats_cpu(const cnnc_conv_geom *g, int threads);
void conv2d_forward_cpu(float *out, const float *in, const float *weight, const float *bias,
                        const cnnc_conv_geom *g, float *workspace);
/* `in` may be NULL when dweight is. */
void conv2d_backward_cpu(float *din, float *dweight, float *dbias, const float *dout,
                         const float *in, const float *weight, const cnnc_conv_geom *g,
                         float *workspace);
/* Exposed for tests: one sample's im2col / col2im for one group.
 * col is [(C/groups)*KH*KW, OH*OW]; col2im accumulates into (zeroed) img. */
void im2col_cpu(float *col, const float *img, int64_t C, const cnnc_conv_geom *g);
void col2im_cpu(float *img, const float *col, int64_t C, const cnnc_conv_geom *g);
/* F.unfold / F.fold over N samples of the geometry (C channels, blocks OH x OW): im2col
 * and col2im per sample; the col2im sides zero their output first. */
void unfold_forward_cpu(float *out, const float *in, const cnnc_conv_geom *g);
void unfold_backward_cpu(float *din, const float *dout, const cnnc_conv_geom *g);
void fold_forward_cpu(float *out, const float *in, const cnnc_conv_geom *g);
void fold_backward_cpu(float *din, const float *dout, const cnnc_conv_geom *g);

/* ---- ConvTranspose2d as the transpose of the convolution g (cnnc_layer_geom.convt):
 * in [N, OC, OH, OW] (g's output side), out [N, C, H, W] (g's input side), weight
 * [OC, C/groups, KH, KW] (the transposed conv's [in_channels, out_channels/groups, kH, kW]),
 * bias [C]. Forward is g's input gradient, the input gradient g's forward, the
 * weight gradient g's with the roles of input and output gradient swapped.
 * Workspace: conv2d_workspace_floats_cpu(g, threads). ---- */
void convtranspose2d_forward_cpu(float *out, const float *in, const float *weight, const float *bias,
                                 const cnnc_conv_geom *g, float *workspace);
void convtranspose2d_backward_cpu(float *din, float *dweight, float *dbias, const float *dout,
                                  const float *in, const float *weight, const cnnc_conv_geom *g,
                                  float *workspace);

/* ---- pooling; argmax holds the flat index h*W+w inside each (n,c) plane ---- */
void maxpool2d_forward_cpu(float *out, int32_t *argmax, const float *in, const cnnc_pool_geom *g);
void maxpool2d_backward_cpu(float *din, const float *dout, const int32_t *argmax, const cnnc_pool_geom *g);
void avgpool2d_forward_cpu(float *out, const float *in, const cnnc_pool_geom *g);
void avgpool2d_backward_cpu(float *din, const float *dout, const cnnc_pool_geom *g);

/* ---- adaptive pooling, upsampling, padding: `planes` contiguous H x W planes
 * in, OH x OW out (cnnc/layers.h's plane geometries; PyTorch's index rules in
 * layers/plane_index.h). Backwards overwrite din. ---- */
void adaptive_avgpool2d_forward_cpu(float *out, const float *in, const cnnc_plane_geom *g);
void adaptive_avgpool2d_backward_cpu(float *din, const float *dout, const cnnc_plane_geom *g);
/* argmax: the flat index h*W+w inside each plane */
void adaptive_maxpool2d_forward_cpu(float *out, int32_t *argmax, const float *in, const cnnc_plane_geom *g);
void adaptive_maxpool2d_backward_cpu(float *din, const float *dout, const int32_t *argmax, const cnnc_plane_geom *g);
void upsample2d_forward_cpu(float *out, const float *in, const cnnc_upsample_geom *g);
void upsample2d_backward_cpu(float *din, const float *dout, const cnnc_upsample_geom *g);
void pad2d_forward_cpu(float *out, const float *in, const cnnc_pad2d_geom *g);
void pad2d_backward_cpu(float *din, const float *dout, const cnnc_pad2d_geom *g);

/* ---- bf16 (--precision bf16): round to bfloat16, nearest even, kept in fp32 ---- */
float bf16_round_cpu(float x);
/* dst[i] = bf16_round(src[i]); dst may be src. */
void bf16_round_array_cpu(float *dst, const float *src, int64_t n);

/* ---- elementwise ---- */
/* dst[i] += src[i]: a gradient summed where a tensor feeds several nodes. */
void add_inplace_cpu(float *dst, const float *src, int64_t n);
/* out = x < 0 ? 0 : x: NaN and -0.0 pass through, as torch.relu (clamp_min). */
void relu_forward_cpu(float *out, const float *in, int64_t n);
/* din = out <= 0 ? 0 : dout (PyTorch's threshold_backward: a NaN output passes the gradient) */
void relu_backward_cpu(float *din, const float *dout, const float *out, int64_t n);
/* Train mode: keep with prob 1-p (rng.h cnnc_dropout_keep), scale kept by 1/(1-p);
 * mask[i] = 1 if kept. p == 1 zeroes everything. */
void dropout_forward_cpu(float *out, uint8_t *mask, const float *in, int64_t n, float p,
                         uint64_t seed, uint64_t offset);
void dropout_backward_cpu(float *din, const float *dout, const uint8_t *mask, int64_t n, float p);

/* ---- activations: PyTorch's float formulas, NaN propagating as there. Each
 * backward names what it reads: the output (y) or the input (x). ---- */
void sigmoid_forward_cpu(float *out, const float *in, int64_t n);
void sigmoid_backward_cpu(float *din, const float *dout, const float *out, int64_t n);  /* g*(1-y)*y */
void tanh_forward_cpu(float *out, const float *in, int64_t n);
void tanh_backward_cpu(float *din, const float *dout, const float *out, int64_t n);     /* g*(1-y*y) */
/* clamp to [min_val, max_val] (ReLU6: [0, 6]); backward passes g where min_val < x < max_val (not at NaN) */
void hardtanh_forward_cpu(float *out, const float *in, int64_t n, float min_val, float max_val);
void hardtanh_backward_cpu(float *din, const float *dout, const float *in, int64_t n, float min_val, float max_val);
/* from_output: the in-place form's backward, from y (g*(y+alpha) unless y > 0); else from x */
void elu_forward_cpu(float *out, const float *in, int64_t n, float alpha);
void elu_backward_cpu(float *din, const float *dout, const float *in, const float *out, int64_t n, float alpha,
                      int from_output);
/* tanh_approx: approximate='tanh', else the exact erf form */
/* x > 0 ? x : x * slope; backward from src (the input, or the output after an in-place one) */
void leaky_relu_forward_cpu(float *out, const float *in, int64_t n, float slope);
void leaky_relu_backward_cpu(float *din, const float *dout, const float *src, int64_t n, float slope);
void gelu_forward_cpu(float *out, const float *in, int64_t n, int tanh_approx);
void gelu_backward_cpu(float *din, const float *dout, const float *in, int64_t n, int tanh_approx);
void silu_forward_cpu(float *out, const float *in, int64_t n);
void silu_backward_cpu(float *din, const float *dout, const float *in, int64_t n);
/* Over the [outer, size, inner] view of the dim (rows of `size` values, stride inner). */
void softmax_forward_cpu(float *out, const float *in, const cnnc_axis_geom *g);
void softmax_backward_cpu(float *din, const float *dout, const float *out, const cnnc_axis_geom *g);  /* y*(g-sum(g*y)) */
void log_softmax_forward_cpu(float *out, const float *in, const cnnc_axis_geom *g);
void log_softmax_backward_cpu(float *din, const float *dout, const float *out, const cnnc_axis_geom *g); /* g-exp(y)*sum(g) */
/* Running sums along the dim (double accumulator, as ATen's CPU kernel); backward from the end. */
void cumsum_forward_cpu(float *out, const float *in, const cnnc_axis_geom *g);
void cumsum_backward_cpu(float *din, const float *dout, const cnnc_axis_geom *g);
/* Train mode: one keep draw per plane (rng.h cnnc_dropout_keep over plane
 * indices), mask[plane] = 1 if kept; out = in * (kept ? 1/(1-p) : 0). */
void dropout2d_forward_cpu(float *out, uint8_t *mask, const float *in, int64_t planes, int64_t inner, float p,
                           uint64_t seed, uint64_t offset);
void dropout2d_backward_cpu(float *din, const float *dout, const uint8_t *mask, int64_t planes, int64_t inner, float p);
/* ---- the graph's tensor operations. Sums (broadcast gradients, mean, sum)
 * accumulate in double in index order: deterministic, and what the CUDA
 * kernels' one-thread-per-output path does too. ---- */
/* add/sub/mul/div (op: CNNC_ADD ... CNNC_DIV) over a broadcast geometry: out =
 * a + alpha*b, a - alpha*b, a*b, a/b. A NULL operand is the scalar a_s / b_s
 * everywhere (its strides in g are 0). */
void binary_forward_cpu(float *out, const float *a, const float *b, float a_s, float b_s, float alpha,
                        cnnc_layer_kind op, const cnnc_bcast_geom *g);
/* The operands' gradients (either may be NULL), each summed over the dims it
 * was broadcast along; na/nb: their element counts. PyTorch's formulas: add
 * (dout, alpha*dout), sub (dout, -dout*alpha), mul (dout*b, dout*a), div
 * (dout/b, -dout*((a/b)/b)). */
void binary_backward_cpu(float *da, int64_t na, float *db, int64_t nb, const float *dout, const float *a, const float *b,
                         float a_s, float b_s, float alpha, cnnc_layer_kind op, const cnnc_bcast_geom *g);
void exp_forward_cpu(float *out, const float *in, int64_t n);
/* din = dout * out */
void exp_backward_cpu(float *din, const float *dout, const float *out, int64_t n);
/* out[i] = cnnc_randn(seed, offset, i) (engine/rng.h): standard normal, the same on CUDA. */
void randn_forward_cpu(float *out, int64_t n, uint64_t seed, uint64_t offset);
/* mean (mean = 1) or sum over g's reduced dims; an empty mean is NaN as in PyTorch. */
void reduce_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, int mean);
/* din[j] = dout[its output] (mean: / count) */
void reduce_backward_cpu(float *din, const float *dout, const cnnc_reduce_geom *g, int mean);
/* matmul/bmm/mm: out = a x b per product of g's batch; backward writes every
 * element of da and db (either may be NULL), summing over the products that
 * broadcast an operand. */
void matmul_forward_cpu(float *out, const float *a, const float *b, const cnnc_matmul_geom *g);
void matmul_backward_cpu(float *da, float *db, const float *dout, const float *a, const float *b, const cnnc_matmul_geom *g);
/* amax (is_max) or amin over g's reduced dims; the first NaN met is the result. */
void extremum_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, int is_max);
/* Every din element written: CNNC_EXTREMUM_DIM gives dout to the first input equal
 * to the result (NaN to the first NaN), the others share it evenly among the
 * equal ones (amax: none equal to a NaN result, so NaN). */
void extremum_backward_cpu(float *din, const float *dout, const float *in, const float *out, const cnnc_reduce_geom *g,
                           cnnc_extremum_form form);
/* The p-norm (ord 1, 2, > 1, or inf) over g's reduced dims, and ATen's
 * norm_backward (every din element written; 0 where the norm is 0). */
void vector_norm_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, double ord);
void vector_norm_backward_cpu(float *din, const float *dout, const float *in, const float *out, const cnnc_reduce_geom *g,
                              double ord);
/* var (is_std 0) or std over g's reduced dims with N - correction as the divisor, and
 * their gradients (every din element written). */
void moment_forward_cpu(float *out, const float *in, const cnnc_reduce_geom *g, double correction, int is_std);
void moment_backward_cpu(float *din, const float *dout, const float *in, const float *out, const cnnc_reduce_geom *g,
                         double correction, int is_std);
/* out[o] = in[the offset g's strides give o] (permute, transpose) */
void permute_forward_cpu(float *out, const float *in, const cnnc_permute_geom *g);
/* din[that offset] = dout[o]: a bijection, every element written once */
void permute_backward_cpu(float *din, const float *dout, const cnnc_permute_geom *g);
/* dst[o][dst_start + d][i] = src[o][src_start + d][i] for o < outer, d < part,
 * i < inner, the middle dims being dst_whole / src_whole long: narrow's
 * forward, cat's forward (into its slice) and backward (out of it). */
void slice_copy_cpu(float *dst, int64_t dst_whole, int64_t dst_start, const float *src, int64_t src_whole,
                    int64_t src_start, int64_t outer, int64_t part, int64_t inner);
/* narrow's backward: din = dout inside [start, start + part) along the dim, 0 elsewhere. */
void narrow_backward_cpu(float *din, const float *dout, const cnnc_slice_geom *g);

/* ---- linear: out[M,N] = in[M,K] * weight[N,K]^T + bias[N] ---- */
void linear_forward_cpu(float *out, const float *in, const float *weight, const float *bias,
                        int64_t M, int64_t K, int64_t N);
void linear_backward_cpu(float *din, float *dweight, float *dbias, const float *dout,
                         const float *in, const float *weight, int64_t M, int64_t K, int64_t N);
/* The same with the weight and bias gradients summed over `chunks` contiguous
 * sample chunks (OpenMP's static split), each from zero, then added in chunk
 * order; scratch: (chunks > 1) threads * 64 * 32 floats. */
void linear_backward_chunked_cpu(float *din, float *dweight, float *dbias, const float *dout, const float *in,
                                 const float *weight, int64_t M, int64_t K, int64_t N, int chunks, float *scratch);

/* ---- BatchNorm2d. gamma/beta NULL when affine=False. Training: batch stats,
 * biased variance for normalising; running stats (if non-NULL) updated as
 * running = (1-f)*running + f*stat with unbiased variance (f = exp_avg_factor).
 * save_mean/save_invstd [C] are kept for backward. ---- */
void batchnorm2d_forward_train_cpu(float *out, float *save_mean, float *save_invstd,
                                   float *running_mean, float *running_var, const float *in,
                                   const float *gamma, const float *beta, int64_t N, int64_t C,
                                   int64_t HW, float eps, float exp_avg_factor);
void batchnorm2d_forward_eval_cpu(float *out, const float *in, const float *gamma, const float *beta,
                                  const float *running_mean, const float *running_var,
                                  int64_t N, int64_t C, int64_t HW, float eps);
void batchnorm2d_backward_cpu(float *din, float *dgamma, float *dbeta, const float *dout,
                              const float *in, const float *save_mean, const float *save_invstd,
                              const float *gamma, int64_t N, int64_t C, int64_t HW);

/* ---- GroupNorm: x [N, C, HW], statistics per (n, g) over its C/G channels x HW
 * (biased variance), the affine per channel (gamma/beta NULL: none). Also
 * InstanceNorm2d (G = C) and LayerNorm (N = rows, C = normalized numel, HW = 1,
 * G = 1). save_mean/save_rstd [N*G] are kept for backward; save_var (may be
 * NULL) gets each group's unbiased variance (InstanceNorm2d's running
 * statistics). Sums run in double. ---- */
void groupnorm_forward_cpu(float *out, float *save_mean, float *save_rstd, float *save_var, const float *in,
                           const float *gamma, const float *beta, int64_t N, int64_t C, int64_t HW, int64_t G,
                           float eps);
/* din = rstd * (dy*w - mean(dy*w) - xhat * mean(dy*w*xhat)) per group;
 * dgamma[c] = sum dy * xhat, dbeta[c] = sum dy (summed over n in order). */
void groupnorm_backward_cpu(float *din, float *dgamma, float *dbeta, const float *dout, const float *in,
                            const float *save_mean, const float *save_rstd, const float *gamma, int64_t N, int64_t C,
                            int64_t HW, int64_t G);
/* InstanceNorm2d's running statistics, as torch.instance_norm: each instance
 * updates its own copy, running = (1-m)*running + m*stat (unbiased variance),
 * and the copies are averaged over the batch. mean/var [N*C]. */
void instancenorm2d_update_running_cpu(float *running_mean, float *running_var, const float *mean, const float *var,
                                       int64_t N, int64_t C, float momentum);

/* ---- CrossEntropyLoss (mean), stable log-softmax, fused backward.
 * Returns the mean loss; dlogits (may be NULL) = (softmax - onehot) / N;
 * *correct (may be NULL) += count of argmax == target. Targets are assumed
 * valid (the engine checks range first). ---- */
float cross_entropy_cpu(float *dlogits, int64_t *correct, const float *logits,
                        const int32_t *targets, int64_t N, int64_t C);
/* ---- NLLLoss (mean) on log-probabilities (a LogSoftmax output): the mean of
 * -logp[i, target]; dlogp (may be NULL) = -1/N at each target, 0 elsewhere;
 * *correct (may be NULL) += count of argmax == target. ---- */
float nll_loss_cpu(float *dlogp, int64_t *correct, const float *logp, const int32_t *targets, int64_t N, int64_t C);
/* CrossEntropyLoss(label_smoothing=eps) (mean): (1 - eps) * nll + eps / C * the sum
 * over classes of -logp; dlogits = (softmax - (1 - eps) * onehot - eps / C) / N.
 * eps 0 is cross_entropy_cpu. */
float cross_entropy_smooth_cpu(float *dlogits, int64_t *correct, const float *logits, const int32_t *targets,
                               int64_t N, int64_t C, float eps);
/* The same, with the gradient of the mean over mean_over samples (a data-parallel
 * rank's N of a global batch of mean_over); the loss returned is the mean over N. */
float cross_entropy_over_cpu(float *dlogits, int64_t *correct, const float *logits, const int32_t *targets,
                             int64_t N, int64_t C, float eps, int64_t mean_over);
float nll_loss_over_cpu(float *dlogp, int64_t *correct, const float *logp, const int32_t *targets, int64_t N,
                        int64_t C, int64_t mean_over);

/* ---- elementwise kinds, each backward from the input, with PyTorch's
 * (vectorised CPU kernel's) answer at NaN and at the kinks; the formulas are
 * in each kind's file. CNNC_ELEMENTWISE_KINDS (cnnc/layers.h): Hardswish,
 * Hardsigmoid, Mish ... ---- */
#define CNNC_CPU_ELEMENTWISE_DECL_(stem)                              \
    void stem##_forward_cpu(float *out, const float *in, int64_t n); \
    void stem##_backward_cpu(float *din, const float *dout, const float *in, int64_t n);
CNNC_ELEMENTWISE_KINDS(CNNC_CPU_ELEMENTWISE_DECL_)
#undef CNNC_CPU_ELEMENTWISE_DECL_
/* Softplus: x where x * beta > threshold, else log1p(exp(x * beta)) / beta */
void softplus_forward_cpu(float *out, const float *in, int64_t n, float beta, float threshold);
void softplus_backward_cpu(float *din, const float *dout, const float *in, int64_t n, float beta, float threshold);
/* clamp: NaN passes, else max(x, min) then min(., max); backward g where min <= x <= max (0 at NaN) */
void clamp_forward_cpu(float *out, const float *in, int64_t n, const cnnc_clamp_params *p);
/* floor, ceil, round (half to even) or trunc of every element (the gradient is zero). */
void round_forward_cpu(float *out, const float *in, int64_t n, cnnc_round_mode mode);
void clamp_backward_cpu(float *din, const float *dout, const float *in, int64_t n, const cnnc_clamp_params *p);
/* x ** e for a number e, PyTorch's special exponents (0.5 sqrt, -0.5 rsqrt, 2, 3, -1, -2);
 * backward g * e * x ** (e - 1), 0 for e = 0 */
void pow_forward_cpu(float *out, const float *in, int64_t n, float e);
void pow_backward_cpu(float *din, const float *dout, const float *in, int64_t n, float e);
/* Hardshrink: 0 inside [-lambd, lambd], else x (NaN passes); backward g outside, else 0 (0 at NaN) */
void hardshrink_forward_cpu(float *out, const float *in, int64_t n, float lambd);
void hardshrink_backward_cpu(float *din, const float *dout, const float *in, int64_t n, float lambd);
/* PReLU on [N, C, HW] with weight[C] (C = 1: one weight): x > 0 ? x : w * x.
 * Backward: din = x > 0 ? g : w * g (din may be NULL); dweight[c] = the sum
 * over n and hw of (x > 0 ? 0 : x * g), in double in index order. */
void prelu_forward_cpu(float *out, const float *in, const float *weight, const cnnc_bn_geom *g);
void prelu_backward_cpu(float *din, float *dweight, const float *dout, const float *in, const float *weight,
                        const cnnc_bn_geom *g);
/* expand, expand_as and repeat run reduce_backward_cpu (sum) forward, a gather
 * from the input into the broadcast output, and reduce_forward_cpu (sum)
 * backward, over their cnnc_layer_geom.expand. PixelShuffle and PixelUnshuffle
 * run permute_forward_cpu / permute_backward_cpu. */
/* slice with a step: out = every step-th of `whole` from start (part of them);
 * backward writes all of din: dout there, 0 elsewhere. */
void step_slice_forward_cpu(float *out, const float *in, const cnnc_step_slice_geom *g);
void step_slice_backward_cpu(float *din, const float *dout, const cnnc_step_slice_geom *g);

/* ---- optimizers over a flat parameter array, PyTorch's formulas ---- */
/* step is 1-based; on step 1 the momentum buffer is initialised to the grad (PyTorch). */
void sgd_step_cpu(float *param, const float *grad, float *momentum_buf, int64_t n, float lr,
                  float momentum, float dampening, float weight_decay, int nesterov, int64_t step);
/* adamw != 0: decoupled weight decay (AdamW); else L2 added to the grad (Adam). */
void adam_step_cpu(float *param, const float *grad, float *m, float *v, int64_t n, double lr,
                   double beta1, float beta2, float eps, float weight_decay, int64_t step, int adamw);
/* Adadelta: square_avg and acc_delta (both start at 0). */
void adadelta_step_cpu(float *param, const float *grad, float *square_avg, float *acc_delta, int64_t n, float lr,
                       float rho, float eps, float weight_decay);
/* RMSprop: square_avg; momentum_buf used when momentum > 0; grad_avg when centered (non-NULL). */
void rmsprop_step_cpu(float *param, const float *grad, float *square_avg, float *momentum_buf, float *grad_avg,
                      int64_t n, float lr, float alpha, float eps, float weight_decay, float momentum);
/* Adagrad: sum (starts at initial_accumulator_value, 0); lr / (1 + (step - 1) * lr_decay) in double. */
void adagrad_step_cpu(float *param, const float *grad, float *sum, int64_t n, double lr, float lr_decay, float eps,
                      float weight_decay, int64_t step);
/* clip_grad_norm_(max_norm): the L2 norm of all n gradients (summed in double, in index
 * order), and grad *= min(max_norm / (norm + 1e-6), 1) in float. Returns the norm. */
float clip_grad_norm_cpu(float *grad, int64_t n, float max_norm);
/* --ema: avg = decay * avg + (1 - decay) * src in float, as PyTorch's tensor-times-
 * Python-float ops round; copy: the first update, avg = src. */
void ema_update_cpu(float *avg, const float *src, int64_t n, double decay, int copy);
/* Exchange a[0..n) and b[0..n). */
void swap_cpu(float *a, float *b, int64_t n);

/* ---- data: x = (u8 / 255 - mean) / std, y = label, through an index array ---- */
void gather_batch_cpu(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                      const int32_t *indices, int64_t n, int64_t pixels, float mean, float std);  /* indices NULL: sample i */
/* gather_batch_cpu with --augment: sample indices[i] cropped and flipped by codes[i]
 * (engine/augment.h), for CxHxW images zero-padded by `pad`. */
void gather_batch_aug_cpu(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels, const int32_t *indices,
                          const int32_t *codes, int64_t n, int64_t channels, int64_t height, int64_t width, int32_t pad,
                          float mean, float std);

#ifdef __cplusplus
}
#endif
#endif
