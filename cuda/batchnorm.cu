/* batchnorm.cu — BatchNorm2d, as batchnorm2d_*_cpu. Training runs one block
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
    __device__ ChanWalk(int64_t c, int64_t C, int64_t HW_) : HW(HW_), CHW(C * HW_), base(c * HW_) {
        n = threadIdx.x / HW;
        hw = threadIdx.x - n * HW;
        step_n = kBlock / HW;
        step_hw = kBlock - step_n * HW;
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
        const double var = var_sum / (double)m;
        const float invstd = (float)(1.0 / sqrt(var + (double)eps));
        const float meanf = (float)mean;
        if (threadIdx.x == 0) {
            if (save_mean) save_mean[c] = meanf;
            if (save_invstd) save_invstd[c] = invstd;
            if (running_mean) running_mean[c] = (1.0f - factor) * running_mean[c] + factor * meanf;
            if (running_var) {
                const float unbiased = (float)(m > 1 ? var_sum / (double)(m - 1) : var);
                running_var[c] = (1.0f - factor) * running_var[c] + factor * unbiased;
            }
        }
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
        if (threadIdx.x == 0) {
            if (dbeta) dbeta[c] = (float)sum_dy;
            if (dgamma) dgamma[c] = (float)(dot * (double)invstd);
        }
        if (din) {
            const float mean_dy = (float)(sum_dy / (double)m);
            const float k = (float)(dot * (double)invstd * (double)invstd / (double)m);
            const float scale = invstd * (gamma ? gamma[c] : 1.0f);
            ChanWalk it2(c, C, HW);
            for (int64_t j = threadIdx.x; j < m; j += kBlock, it2.next()) {
                const int64_t idx = it2.index();
                const float xmu_k = (in[idx] - mean) * k;
                din[idx] = (dout[idx] - mean_dy - xmu_k) * scale;
            }
        }
    }
}

} /* namespace */

extern "C" cnnc_status batchnorm2d_forward_train_cuda(float *out, float *save_mean, float *save_invstd,
                                                      float *running_mean, float *running_var, const float *in,
                                                      const float *gamma, const float *beta, int64_t N, int64_t C,
                                                      int64_t HW, float eps, float exp_avg_factor,
                                                      cudaStream_t stream, cnnc_error *err) {
    if (C <= 0 || N * HW <= 0) return CNNC_OK;
    bn_train_kernel<<<grid_units(C), kBlock, 0, stream>>>(out, save_mean, save_invstd, running_mean,
                                                             running_var, in, gamma, beta, N, C, HW, eps,
                                                             exp_avg_factor, nullptr);
    CNNC_LAUNCH_CHECK(bn_train_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status batchnorm2d_forward_train_devfactor_cuda(float *out, float *save_mean, float *save_invstd,
                                                                float *running_mean, float *running_var,
                                                                const float *in, const float *gamma,
                                                                const float *beta, int64_t N, int64_t C, int64_t HW,
                                                                float eps, const float *factor_dev,
                                                                cudaStream_t stream, cnnc_error *err) {
    if (C <= 0 || N * HW <= 0) return CNNC_OK;
    bn_train_kernel<<<grid_units(C), kBlock, 0, stream>>>(out, save_mean, save_invstd, running_mean,
                                                             running_var, in, gamma, beta, N, C, HW, eps, 0.0f,
                                                             factor_dev);
    CNNC_LAUNCH_CHECK(bn_train_kernel);
    return CNNC_OK;
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
                                                 cudaStream_t stream, cnnc_error *err) {
    if (C <= 0 || N * HW <= 0 || (!din && !dgamma && !dbeta)) return CNNC_OK;
    bn_backward_kernel<<<grid_units(C), kBlock, 0, stream>>>(din, dgamma, dbeta, dout, in, save_mean,
                                                                save_invstd, gamma, N, C, HW);
    CNNC_LAUNCH_CHECK(bn_backward_kernel);
    return CNNC_OK;
}
