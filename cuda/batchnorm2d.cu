/* batchnorm2d.cu — BatchNorm2d, as batchnorm2d_*_cpu. Training runs one block
 * per channel: two-pass mean / biased variance with double accumulators and
 * a fixed reduction tree (deterministic, no atomics), then normalises the
 * channel in the same block. Backward follows PyTorch's formula
 *   din = (dy - mean(dy) - (x - mean) * invstd^2 * mean(dy * (x - mean))) * invstd * gamma. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "block_sum.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

/* Walks channel c's N*HW values, element j = threadIdx.x, +kBlock, ...:
 * (n, hw) advance by a precomputed step, so the loops need no 64-bit division. */
struct ChanWalk {
    int64_t n, hw, step_n, step_hw, HW, CHW, base;
    /* From the channel's element `start` + threadIdx.x, in steps of `step` (kBlock). */
    __device__ ChanWalk(int64_t c, int64_t C, int64_t HW_, int64_t start = 0, int64_t step = kBlock)
        : HW(HW_), CHW(C * HW_), base(c * HW_) {
        const int64_t first = start + threadIdx.x;
        n = first / HW;
        hw = first - n * HW;
        step_n = step / HW;
        step_hw = step - step_n * HW;
    }
    __device__ int64_t index() const { return n * CHW + base + hw; }
    __device__ void next() {
        n += step_n;
        hw += step_hw;
        if (hw >= HW) {
            hw -= HW;
            ++n;
        }
    }
};

/* 1/sqrt(var + eps) from a channel's sum of squared deviations over m values. */
__device__ __forceinline__ float bn_invstd(double var_sum, int64_t m, float eps) {
    return (float)(1.0 / sqrt(var_sum / (double)m + (double)eps));
}

/* Channel c's saved statistics and running averages (PyTorch's unbiased
 * variance), where asked: one writer per channel, on either path. */
__device__ __forceinline__ void bn_store_stats(int64_t c, double mean, double var_sum, int64_t m, float invstd,
                                               float factor, float *save_mean, float *save_invstd,
                                               float *running_mean, float *running_var) {
    const float meanf = (float)mean;
    if (save_mean) save_mean[c] = meanf;
    if (save_invstd) save_invstd[c] = invstd;
    if (running_mean) running_mean[c] = (1.0f - factor) * running_mean[c] + factor * meanf;
    if (running_var) {
        const float unbiased = (float)(m > 1 ? var_sum / (double)(m - 1) : var_sum / (double)m);
        running_var[c] = (1.0f - factor) * running_var[c] + factor * unbiased;
    }
}

/* din = (dy - mean_dy - (x - mean) * k) * scale: PyTorch's formula with the
 * channel's terms computed once from its two sums. */
struct BnGradTerms {
    float mean_dy, k, scale;
};

__device__ __forceinline__ BnGradTerms bn_grad_terms(double sum_dy, double dot, int64_t m, float invstd,
                                                     float gamma_c) {
    BnGradTerms t;
    t.mean_dy = (float)(sum_dy / (double)m);
    t.k = (float)(dot * (double)invstd * (double)invstd / (double)m);
    t.scale = invstd * gamma_c;
    return t;
}

__device__ __forceinline__ float bn_din(float dy, float x, float mean, BnGradTerms t) {
    const float xmu_k = (x - mean) * t.k;
    return (dy - t.mean_dy - xmu_k) * t.scale;
}

__device__ __forceinline__ void bn_store_param_grads(int64_t c, double sum_dy, double dot, float invstd,
                                                     float *dgamma, float *dbeta) {
    if (dbeta) dbeta[c] = (float)sum_dy;
    if (dgamma) dgamma[c] = (float)(dot * (double)invstd);
}

__global__ void __launch_bounds__(kBlock)
bn_train_kernel(float *__restrict__ out, float *__restrict__ save_mean, float *__restrict__ save_invstd,
                float *__restrict__ running_mean, float *__restrict__ running_var, const float *__restrict__ in,
                const float *__restrict__ gamma, const float *__restrict__ beta, int64_t N, int64_t C,
                int64_t HW, float eps, float factor_arg, const float *__restrict__ factor_dev) {
    __shared__ double smem[kBlock / 32];
    const float factor = factor_dev ? *factor_dev : factor_arg;
    const int64_t m = N * HW;
    for (int64_t c = blockIdx.x; c < C; c += gridDim.x) {
        double s = 0.0;
        {
            ChanWalk it(c, C, HW);
            for (int64_t j = threadIdx.x; j < m; j += kBlock, it.next()) s += (double)in[it.index()];
        }
        const double mean = block_sum(s, smem) / (double)m;
        double q = 0.0;
        {
            ChanWalk it(c, C, HW);
            for (int64_t j = threadIdx.x; j < m; j += kBlock, it.next()) {
                const double x = (double)in[it.index()] - mean;
                q += x * x;
            }
        }
        const double var_sum = block_sum(q, smem);
        const float invstd = bn_invstd(var_sum, m, eps);
        const float meanf = (float)mean;
        if (threadIdx.x == 0)
            bn_store_stats(c, mean, var_sum, m, invstd, factor, save_mean, save_invstd, running_mean, running_var);
        /* out = (x - mean) * invstd * gamma + beta, the CPU twin's order. */
        const float scale = invstd * (gamma ? gamma[c] : 1.0f);
        const float shift = beta ? beta[c] : 0.0f;
        ChanWalk it(c, C, HW);
        for (int64_t j = threadIdx.x; j < m; j += kBlock, it.next()) {
            const int64_t idx = it.index();
            out[idx] = (in[idx] - meanf) * scale + shift;
        }
    }
}

template <typename I>
__global__ void __launch_bounds__(kBlock)
bn_eval_kernel(float *__restrict__ out, const float *__restrict__ in, const float *__restrict__ gamma,
               const float *__restrict__ beta, const float *__restrict__ running_mean,
               const float *__restrict__ running_var, I total, I C, I HW, float eps) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I c = (j / HW) % C;
        const float alpha = (gamma ? gamma[c] : 1.0f) / sqrtf(running_var[c] + eps);
        const float shift = (beta ? beta[c] : 0.0f) - running_mean[c] * alpha;
        out[j] = in[j] * alpha + shift;
    }
}

__global__ void __launch_bounds__(kBlock)
bn_backward_kernel(float *__restrict__ din, float *__restrict__ dgamma, float *__restrict__ dbeta,
                   const float *__restrict__ dout, const float *__restrict__ in,
                   const float *__restrict__ save_mean, const float *__restrict__ save_invstd,
                   const float *__restrict__ gamma, int64_t N, int64_t C, int64_t HW) {
    __shared__ double smem[kBlock / 32];
    const int64_t m = N * HW;
    for (int64_t c = blockIdx.x; c < C; c += gridDim.x) {
        const float mean = save_mean[c];
        const float invstd = save_invstd[c];
        double sdy = 0.0, sdyx = 0.0;
        ChanWalk it(c, C, HW);
        for (int64_t j = threadIdx.x; j < m; j += kBlock, it.next()) {
            const int64_t idx = it.index();
            const double dy = (double)dout[idx];
            sdy += dy;
            sdyx += dy * ((double)in[idx] - (double)mean);
        }
        const double sum_dy = block_sum(sdy, smem);
        const double dot = block_sum(sdyx, smem);
        if (threadIdx.x == 0) bn_store_param_grads(c, sum_dy, dot, invstd, dgamma, dbeta);
        if (din) {
            const BnGradTerms t = bn_grad_terms(sum_dy, dot, m, invstd, gamma ? gamma[c] : 1.0f);
            ChanWalk it2(c, C, HW);
            for (int64_t j = threadIdx.x; j < m; j += kBlock, it2.next()) {
                const int64_t idx = it2.index();
                din[idx] = bn_din(dout[idx], in[idx], mean, t);
            }
        }
    }
}

/* ---- Few channels, many values each: the single block per channel above would
 * leave most of the GPU idle (8 channels at batch 1024: 8 blocks). Each channel
 * is cut into `slices` runs, one block each, whose double sums go to
 * partials[c][slice][2]; one thread per channel then adds a channel's slices in
 * order (deterministic), and the elementwise passes use every thread. ---- */

/* The sliced path's per-channel results live in stats[c][0..3): forward
 * {mean, invstd}, backward BnGradTerms {mean_dy, k, scale}. */
constexpr int kStats = 3;

/* Elements [*j0, *j1) of a channel's m that slice s of S covers. */
__device__ __forceinline__ void slice_of(int64_t m, int S, int s, int64_t *j0, int64_t *j1) {
    *j0 = m * s / S;
    *j1 = m * (s + 1) / S;
}

/* kMode 0: sum x. 1: sum (x - mean)^2 with mean = stats[c][0] (double).
 * 2 (backward): sum dy and sum dy * (x - save_mean[c]). */
template <int kMode>
__global__ void __launch_bounds__(kBlock)
bn_slice_sums_kernel(double *__restrict__ partials, const float *__restrict__ in, const float *__restrict__ dout,
                     const double *__restrict__ stats, const float *__restrict__ save_mean, int64_t N, int64_t C,
                     int64_t HW, int S) {
    __shared__ double smem[kBlock / 32];
    const int s = blockIdx.x;
    const int64_t c = blockIdx.y, m = N * HW;
    int64_t j0, j1;
    slice_of(m, S, s, &j0, &j1);
    const double mean = kMode == 1 ? stats[c * kStats] : kMode == 2 ? (double)save_mean[c] : 0.0;
    double a = 0.0, b = 0.0;
    ChanWalk it(c, C, HW, j0);
    for (int64_t j = j0 + threadIdx.x; j < j1; j += kBlock, it.next()) {
        const int64_t idx = it.index();
        if (kMode == 0) {
            a += (double)in[idx];
        } else if (kMode == 1) {
            const double x = (double)in[idx] - mean;
            a += x * x;
        } else {
            const double dy = (double)dout[idx];
            a += dy;
            b += dy * ((double)in[idx] - mean);
        }
    }
    a = block_sum(a, smem);
    if (kMode == 2) b = block_sum(b, smem);
    if (threadIdx.x == 0) {
        partials[(c * S + s) * 2] = a;
        partials[(c * S + s) * 2 + 1] = b;
    }
}

/* stats[c][0] = the mean, once the slices' sums are in. */
__global__ void __launch_bounds__(kBlock)
bn_finish_mean_kernel(double *__restrict__ stats, const double *__restrict__ partials, int64_t C, int64_t m, int S) {
    for (int64_t c = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; c < C; c += (int64_t)blockDim.x * gridDim.x) {
        double sum = 0.0;
        for (int s = 0; s < S; s++) sum += partials[(c * S + s) * 2];
        stats[c * kStats] = sum / (double)m;
    }
}

/* stats[c][1] = invstd, and the statistics bn_train_kernel's thread 0 writes. */
__global__ void __launch_bounds__(kBlock)
bn_finish_var_kernel(double *__restrict__ stats, float *__restrict__ save_mean, float *__restrict__ save_invstd,
                     float *__restrict__ running_mean, float *__restrict__ running_var,
                     const double *__restrict__ partials, int64_t C, int64_t m, int S, float eps, float factor_arg,
                     const float *__restrict__ factor_dev) {
    const float factor = factor_dev ? *factor_dev : factor_arg;
    for (int64_t c = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; c < C; c += (int64_t)blockDim.x * gridDim.x) {
        double var_sum = 0.0;
        for (int s = 0; s < S; s++) var_sum += partials[(c * S + s) * 2];
        const float invstd = bn_invstd(var_sum, m, eps);
        stats[c * kStats + 1] = (double)invstd;
        bn_store_stats(c, stats[c * kStats], var_sum, m, invstd, factor, save_mean, save_invstd, running_mean,
                       running_var);
    }
}

/* out = (x - mean) * invstd * gamma + beta, bn_train_kernel's order, every element. */
template <typename I>
__global__ void __launch_bounds__(kBlock)
bn_normalize_kernel(float *__restrict__ out, const float *__restrict__ in, const double *__restrict__ stats,
                    const float *__restrict__ gamma, const float *__restrict__ beta, I total, I C, I HW) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I c = (j / HW) % C;
        const float meanf = (float)stats[c * kStats];
        const float scale = (float)stats[c * kStats + 1] * (gamma ? gamma[c] : 1.0f);
        const float shift = beta ? beta[c] : 0.0f;
        out[j] = (in[j] - meanf) * scale + shift;
    }
}

/* dbeta, dgamma, and din's per-channel terms into stats[c], as bn_backward_kernel. */
__global__ void __launch_bounds__(kBlock)
bn_finish_backward_kernel(double *__restrict__ stats, float *__restrict__ dgamma, float *__restrict__ dbeta,
                          const double *__restrict__ partials, const float *__restrict__ save_invstd,
                          const float *__restrict__ gamma, int64_t C, int64_t m, int S) {
    for (int64_t c = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; c < C; c += (int64_t)blockDim.x * gridDim.x) {
        double sum_dy = 0.0, dot = 0.0;
        for (int s = 0; s < S; s++) {
            sum_dy += partials[(c * S + s) * 2];
            dot += partials[(c * S + s) * 2 + 1];
        }
        const float invstd = save_invstd[c];
        bn_store_param_grads(c, sum_dy, dot, invstd, dgamma, dbeta);
        const BnGradTerms t = bn_grad_terms(sum_dy, dot, m, invstd, gamma ? gamma[c] : 1.0f);
        stats[c * kStats] = t.mean_dy;
        stats[c * kStats + 1] = t.k;
        stats[c * kStats + 2] = t.scale;
    }
}

template <typename I>
__global__ void __launch_bounds__(kBlock)
bn_backward_elementwise_kernel(float *__restrict__ din, const float *__restrict__ dout, const float *__restrict__ in,
                               const float *__restrict__ save_mean, const double *__restrict__ stats, I total, I C,
                               I HW) {
    const I stride = (I)blockDim.x * (I)gridDim.x;
    for (I j = (I)blockIdx.x * (I)blockDim.x + (I)threadIdx.x; j < total; j += stride) {
        const I c = (j / HW) % C;
        BnGradTerms t;
        t.mean_dy = (float)stats[c * kStats];
        t.k = (float)stats[c * kStats + 1];
        t.scale = (float)stats[c * kStats + 2];
        din[j] = bn_din(dout[j], in[j], save_mean[c], t);
    }
}

/* Slices per channel for the sliced path, 0 for the single-block kernels: only
 * when few channels (< 128) each hold many values (>= 16384), about 1024 blocks
 * in all, at least 4096 values per block. */
int bn_slices(int64_t N, int64_t C, int64_t HW) {
    const int64_t m = N * HW;
    if (C >= 128 || m < 16384 || C * m >= kSmallIndex) return 0;
    int64_t s = (m + 4095) / 4096;
    const int64_t cap = 1024 / C > 1 ? 1024 / C : 1;
    if (s > cap) s = cap;
    return s < 2 ? 0 : (int)s;
}

size_t bn_sliced_bytes(int64_t C, int S) { return (size_t)(C * S * 2 + C * kStats) * sizeof(double); }

} /* namespace */

extern "C" size_t cnnc_bn_workspace_bytes(int64_t N, int64_t C, int64_t HW) {
    const int S = bn_slices(N, C, HW);
    return S ? bn_sliced_bytes(C, S) : 0;
}

/* Slices for the sliced path when the workspace holds them, else 0 (one block per channel). */
static int bn_slices_in(int64_t N, int64_t C, int64_t HW, const void *workspace, size_t ws_bytes) {
    const int S = bn_slices(N, C, HW);
    return S && workspace && ws_bytes >= bn_sliced_bytes(C, S) ? S : 0;
}

/* Training statistics and normalisation, the factor from the host or (factor_dev) the device. */
static cnnc_status bn_forward_train(float *out, float *save_mean, float *save_invstd, float *running_mean,
                                    float *running_var, const float *in, const float *gamma, const float *beta,
                                    int64_t N, int64_t C, int64_t HW, float eps, float factor_arg,
                                    const float *factor_dev, void *workspace, size_t ws_bytes, cudaStream_t stream,
                                    cnnc_error *err) {
    if (C <= 0 || N * HW <= 0) return CNNC_OK;
    const int S = bn_slices_in(N, C, HW, workspace, ws_bytes);
    if (!S) {
        bn_train_kernel<<<grid_units(C), kBlock, 0, stream>>>(out, save_mean, save_invstd, running_mean, running_var,
                                                                 in, gamma, beta, N, C, HW, eps, factor_arg,
                                                                 factor_dev);
        CNNC_LAUNCH_CHECK(bn_train_kernel);
        return CNNC_OK;
    }
    double *partials = (double *)workspace, *stats = partials + C * S * 2;
    const int64_t m = N * HW, total = N * C * HW;
    const dim3 grid((unsigned)S, (unsigned)C);
    bn_slice_sums_kernel<0><<<grid, kBlock, 0, stream>>>(partials, in, nullptr, nullptr, nullptr, N, C, HW, S);
    bn_finish_mean_kernel<<<grid_for(C), kBlock, 0, stream>>>(stats, partials, C, m, S);
    bn_slice_sums_kernel<1><<<grid, kBlock, 0, stream>>>(partials, in, nullptr, stats, nullptr, N, C, HW, S);
    bn_finish_var_kernel<<<grid_for(C), kBlock, 0, stream>>>(stats, save_mean, save_invstd, running_mean,
                                                             running_var, partials, C, m, S, eps, factor_arg,
                                                             factor_dev);
    bn_normalize_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(out, in, stats, gamma, beta,
                                                                        (int32_t)total, (int32_t)C, (int32_t)HW);
    CNNC_LAUNCH_CHECK(bn_normalize_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status batchnorm2d_forward_train_cuda(float *out, float *save_mean, float *save_invstd,
                                                      float *running_mean, float *running_var, const float *in,
                                                      const float *gamma, const float *beta, int64_t N, int64_t C,
                                                      int64_t HW, float eps, float exp_avg_factor, void *workspace,
                                                      size_t ws_bytes, cudaStream_t stream, cnnc_error *err) {
    return bn_forward_train(out, save_mean, save_invstd, running_mean, running_var, in, gamma, beta, N, C, HW, eps,
                            exp_avg_factor, nullptr, workspace, ws_bytes, stream, err);
}

extern "C" cnnc_status batchnorm2d_forward_train_devfactor_cuda(float *out, float *save_mean, float *save_invstd,
                                                                float *running_mean, float *running_var,
                                                                const float *in, const float *gamma,
                                                                const float *beta, int64_t N, int64_t C, int64_t HW,
                                                                float eps, const float *factor_dev, void *workspace,
                                                                size_t ws_bytes, cudaStream_t stream,
                                                                cnnc_error *err) {
    return bn_forward_train(out, save_mean, save_invstd, running_mean, running_var, in, gamma, beta, N, C, HW, eps,
                            0.0f, factor_dev, workspace, ws_bytes, stream, err);
}

extern "C" cnnc_status batchnorm2d_forward_eval_cuda(float *out, const float *in, const float *gamma,
                                                     const float *beta, const float *running_mean,
                                                     const float *running_var, int64_t N, int64_t C, int64_t HW,
                                                     float eps, cudaStream_t stream, cnnc_error *err) {
    const int64_t total = N * C * HW;
    if (total <= 0) return CNNC_OK;
    if (total < kSmallIndex)
        bn_eval_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(out, in, gamma, beta, running_mean,
                                                                       running_var, (int32_t)total, (int32_t)C,
                                                                       (int32_t)HW, eps);
    else
        bn_eval_kernel<int64_t><<<grid_for(total), kBlock, 0, stream>>>(out, in, gamma, beta, running_mean,
                                                                       running_var, total, C, HW, eps);
    CNNC_LAUNCH_CHECK(bn_eval_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status batchnorm2d_backward_cuda(float *din, float *dgamma, float *dbeta, const float *dout,
                                                 const float *in, const float *save_mean, const float *save_invstd,
                                                 const float *gamma, int64_t N, int64_t C, int64_t HW,
                                                 void *workspace, size_t ws_bytes, cudaStream_t stream,
                                                 cnnc_error *err) {
    if (C <= 0 || N * HW <= 0 || (!din && !dgamma && !dbeta)) return CNNC_OK;
    const int S = bn_slices_in(N, C, HW, workspace, ws_bytes);
    if (S) {
        double *partials = (double *)workspace, *stats = partials + C * S * 2;
        const int64_t m = N * HW, total = N * C * HW;
        bn_slice_sums_kernel<2><<<dim3((unsigned)S, (unsigned)C), kBlock, 0, stream>>>(
            partials, in, dout, nullptr, save_mean, N, C, HW, S);
        bn_finish_backward_kernel<<<grid_for(C), kBlock, 0, stream>>>(stats, dgamma, dbeta, partials, save_invstd,
                                                                      gamma, C, m, S);
        if (din)
            bn_backward_elementwise_kernel<int32_t><<<grid_for(total), kBlock, 0, stream>>>(
                din, dout, in, save_mean, stats, (int32_t)total, (int32_t)C, (int32_t)HW);
        CNNC_LAUNCH_CHECK(bn_backward_elementwise_kernel);
        return CNNC_OK;
    }
    bn_backward_kernel<<<grid_units(C), kBlock, 0, stream>>>(din, dgamma, dbeta, dout, in, save_mean,
                                                                save_invstd, gamma, N, C, HW);
    CNNC_LAUNCH_CHECK(bn_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry (BatchNorm1d's too: [N, C, L] is N x C x HW) ----
 * cnnc_engine_bn_factor(e, i) is called once per training forward of a
 * BatchNorm2d with track_running_stats=True (as PyTorch bumps
 * num_batches_tracked only then); with track_running_stats=False batch
 * statistics are used in eval too and no running stats are touched. With
 * momentum=None the factor 1/num_batches_tracked is counted on the device so
 * a replayed graph advances it. */
#include "backend_cuda.h"

/* Layers that update running stats in training. */
static int bn_tracks(const cnnc_engine *e, const cnnc_node_run *r) {
    (void)e;
    return r->layer->p.bn.track_running_stats && r->running_mean && r->running_var;
}

extern "C" cnnc_status cnnc_cuda_batchnorm_forward(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const int32_t i = r->index;
    const cnnc_bn_geom *g = &r->shape->g.bn;
    const cnnc_batchnorm2d_params *p = &r->layer->p.bn;
    float *save_mean = (float *)r->aux, *save_invstd = save_mean + g->C;
    const int tracking = bn_tracks(e, r);
    if (!train && tracking)
        return batchnorm2d_forward_eval_cuda(r->out, r->in[0], r->weight, r->bias, r->running_mean, r->running_var, g->N,
                                             g->C, g->HW, (float)p->eps, st->stream, err);
    if (train && tracking && p->momentum_none) {
        /* factor = 1/num_batches_tracked, counted on the device so a graph replays it. */
        cnnc_status s = cnnc_cuda_ensure_counter(st, st->ctr_nbt + i, st->mirror_nbt + i, e->num_batches_tracked[i], err);
        if (s) return s;
        (void)cnnc_engine_bn_factor(e, i);
        if ((s = cnnc_cuda_bn_cumulative_factor(st->ctr_nbt + i, st->ctr_bn_factor + i, st->stream, err))) return s;
        st->mirror_nbt[i] = e->num_batches_tracked[i];
        return batchnorm2d_forward_train_devfactor_cuda(r->out, save_mean, save_invstd, r->running_mean, r->running_var,
                                                        r->in[0], r->weight, r->bias, g->N, g->C, g->HW, (float)p->eps,
                                                        st->ctr_bn_factor + i, cnnc_cuda_workspace(e),
                                                        e->plan.workspace_bytes, st->stream, err);
    }
    /* Training, or eval without running stats: normalise by batch statistics. */
    const float factor = (train && tracking) ? cnnc_engine_bn_factor(e, i) : 0.0f;
    return batchnorm2d_forward_train_cuda(r->out, save_mean, save_invstd, train && tracking ? r->running_mean : NULL,
                                          train && tracking ? r->running_var : NULL, r->in[0], r->weight, r->bias, g->N,
                                          g->C, g->HW, (float)p->eps, factor, cnnc_cuda_workspace(e),
                                          e->plan.workspace_bytes, st->stream, err);
}

extern "C" cnnc_status cnnc_cuda_batchnorm_backward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_bn_geom *g = &r->shape->g.bn;
    if (!r->din[0] && !r->dweight && !r->dbias) return CNNC_OK;
    const float *save_mean = (const float *)r->aux;
    return batchnorm2d_backward_cuda(r->din[0], r->dweight, r->dbias, r->dout, r->in[0], save_mean, save_mean + g->C,
                                     r->weight, g->N, g->C, g->HW, cnnc_cuda_workspace(e), e->plan.workspace_bytes,
                                     st->stream, err);
}

extern "C" size_t cnnc_cuda_batchnorm_ws(const cnnc_engine *e, int32_t node, const cnnc_layer_shape *s) {
    (void)e; (void)node;
    return cnnc_bn_workspace_bytes(s->g.bn.N, s->g.bn.C, s->g.bn.HW);  /* per-channel partial sums */
}

static int bn_cumulative(const cnnc_engine *e, int32_t node) {
    const cnnc_node_run *r = &e->runs[node];
    return bn_tracks(e, r) && r->layer->p.bn.momentum_none;
}

extern "C" cnnc_status cnnc_cuda_batchnorm_sync(cnnc_engine *e, cnnc_cuda_state *st, int32_t node, cnnc_error *err) {
    if (!bn_cumulative(e, node)) return CNNC_OK;
    return cnnc_cuda_ensure_counter(st, st->ctr_nbt + node, st->mirror_nbt + node, e->num_batches_tracked[node], err);
}

/* A replayed training forward bumped num_batches_tracked (on the device too for momentum=None). */
extern "C" void cnnc_cuda_batchnorm_replayed(cnnc_engine *e, cnnc_cuda_state *st, int32_t node) {
    if (!bn_tracks(e, &e->runs[node])) return;
    (void)cnnc_engine_bn_factor(e, node);
    if (bn_cumulative(e, node)) st->mirror_nbt[node] = e->num_batches_tracked[node];
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_batchnorm2d = {
    {NULL, cnnc_cuda_batchnorm_ws, cnnc_cuda_batchnorm_forward, cnnc_cuda_batchnorm_backward},
    cnnc_cuda_batchnorm_sync, cnnc_cuda_batchnorm_replayed};
/* BatchNorm3d: the same kernels over [N, C, D*H*W] (its geometry's HW) */
extern "C" const cnnc_cuda_kernel cnnc_cuda_batchnorm3d = {
    {NULL, cnnc_cuda_batchnorm_ws, cnnc_cuda_batchnorm_forward, cnnc_cuda_batchnorm_backward},
    cnnc_cuda_batchnorm_sync, cnnc_cuda_batchnorm_replayed};
