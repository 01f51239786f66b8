/* groupnorm.cu — GroupNorm on CUDA, as groupnorm_*_cpu, and the kernels
 * InstanceNorm2d (G = C) and LayerNorm (one group per row) run. One block per
 * group (n, g), whose C/G*HW values are contiguous: two-pass statistics in
 * double with the fixed block_sum tree, then the normalisation in the same
 * block. Backward: one block per group for the input gradient, one per
 * channel for the affine gradients (samples in order). No atomics. */
#include <math.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "block_sum.h"
#include "backend_cuda.h"

namespace {

using namespace cnnc_launch;

__global__ void __launch_bounds__(kBlock)
gn_forward_kernel(float *__restrict__ out, float *__restrict__ save_mean, float *__restrict__ save_rstd,
                  float *__restrict__ save_var, const float *__restrict__ in, const float *__restrict__ gamma,
                  const float *__restrict__ beta, int64_t groups, int64_t G, int64_t Cg, int64_t HW, float eps) {
    __shared__ double smem[kBlock / 32];
    const int64_t m = Cg * HW;
    for (int64_t ng = blockIdx.x; ng < groups; ng += gridDim.x) {
        const float *x = in + ng * m;
        double s = 0.0;
        for (int64_t i = threadIdx.x; i < m; i += kBlock) s += (double)x[i];
        const double mean = block_sum(s, smem) / (double)m;
        double q = 0.0;
        for (int64_t i = threadIdx.x; i < m; i += kBlock) {
            const double d = (double)x[i] - mean;
            q += d * d;
        }
        const double sq = block_sum(q, smem);
        const float rstd = (float)(1.0 / sqrt(sq / (double)m + (double)eps));
        const float meanf = (float)mean;
        if (threadIdx.x == 0) {
            if (save_mean) save_mean[ng] = meanf;
            if (save_rstd) save_rstd[ng] = rstd;
            if (save_var) save_var[ng] = (float)(m > 1 ? sq / (double)(m - 1) : sq / (double)m);
        }
        /* out = (x - mean) * (rstd * gamma) + beta: the CPU twin's order */
        const int64_t c0 = (ng % G) * Cg;
        float *y = out + ng * m;
        for (int64_t i = threadIdx.x; i < m; i += kBlock) {
            const int64_t c = c0 + i / HW;
            const float scale = rstd * (gamma ? gamma[c] : 1.0f), shift = beta ? beta[c] : 0.0f;
            y[i] = (x[i] - meanf) * scale + shift;
        }
    }
}

/* din = rstd * (dy*w - mean(dy*w) - xhat * mean(dy*w*xhat)), per group. */
__global__ void __launch_bounds__(kBlock)
gn_backward_din_kernel(float *__restrict__ din, const float *__restrict__ dout, const float *__restrict__ in,
                       const float *__restrict__ save_mean, const float *__restrict__ save_rstd,
                       const float *__restrict__ gamma, int64_t groups, int64_t G, int64_t Cg, int64_t HW) {
    __shared__ double smem[kBlock / 32];
    const int64_t m = Cg * HW;
    for (int64_t ng = blockIdx.x; ng < groups; ng += gridDim.x) {
        const float mean = save_mean[ng], rstd = save_rstd[ng];
        const int64_t c0 = (ng % G) * Cg;
        const float *x = in + ng * m, *dy = dout + ng * m;
        double a = 0.0, b = 0.0;
        for (int64_t i = threadIdx.x; i < m; i += kBlock) {
            const double dyw = (double)dy[i] * (gamma ? gamma[c0 + i / HW] : 1.0f);
            a += dyw;
            b += dyw * ((double)(x[i] - mean) * rstd);
        }
        a = block_sum(a, smem);
        b = block_sum(b, smem);
        const float ma = (float)(a / (double)m), mb = (float)(b / (double)m);
        float *dx = din + ng * m;
        for (int64_t i = threadIdx.x; i < m; i += kBlock) {
            const float w = gamma ? gamma[c0 + i / HW] : 1.0f;
            const float xhat = (x[i] - mean) * rstd;
            dx[i] = rstd * (dy[i] * w - ma - xhat * mb);
        }
    }
}

/* dgamma[c] = sum over n of rstd(n, g) * sum dy * (x - mean(n, g)), dbeta[c] = sum dy: one block per channel. */
__global__ void __launch_bounds__(kBlock)
gn_param_grads_kernel(float *__restrict__ dgamma, float *__restrict__ dbeta, const float *__restrict__ dout,
                      const float *__restrict__ in, const float *__restrict__ save_mean,
                      const float *__restrict__ save_rstd, int64_t N, int64_t C, int64_t HW, int64_t G) {
    __shared__ double smem[kBlock / 32];
    const int64_t Cg = C / G;
    for (int64_t c = blockIdx.x; c < C; c += gridDim.x) {
        const int64_t g = c / Cg;
        double sdy = 0.0, sdyx = 0.0;
        /* over the channel's N*HW values (LayerNorm's HW is 1: the threads take rows) */
        for (int64_t j = threadIdx.x; j < N * HW; j += kBlock) {
            const int64_t n = j / HW, idx = (n * C + c) * HW + (j - n * HW);
            const double dy = (double)dout[idx];
            sdy += dy;
            sdyx += dy * (double)(in[idx] - save_mean[n * G + g]) * (double)save_rstd[n * G + g];
        }
        sdy = block_sum(sdy, smem);
        sdyx = block_sum(sdyx, smem);
        if (threadIdx.x == 0) {
            if (dgamma) dgamma[c] = (float)sdyx;
            if (dbeta) dbeta[c] = (float)sdy;
        }
    }
}

/* One thread per channel, the instances in order: the CPU twin's sums. */
__global__ void __launch_bounds__(kBlock)
in_update_running_kernel(float *__restrict__ running_mean, float *__restrict__ running_var,
                         const float *__restrict__ mean, const float *__restrict__ var, int64_t N, int64_t C,
                         float momentum) {
    for (int64_t c = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; c < C; c += (int64_t)blockDim.x * gridDim.x) {
        double sm = 0.0, sv = 0.0;
        for (int64_t n = 0; n < N; n++) {
            sm += (double)((1.0f - momentum) * running_mean[c] + momentum * mean[n * C + c]);
            sv += (double)((1.0f - momentum) * running_var[c] + momentum * var[n * C + c]);
        }
        running_mean[c] = (float)(sm / (double)N);
        running_var[c] = (float)(sv / (double)N);
    }
}

} /* namespace */

extern "C" cnnc_status groupnorm_forward_cuda(float *out, float *save_mean, float *save_rstd, float *save_var,
                                              const float *in, const float *gamma, const float *beta, int64_t N,
                                              int64_t C, int64_t HW, int64_t G, float eps, cudaStream_t stream,
                                              cnnc_error *err) {
    if (N * C * HW <= 0 || G <= 0) return CNNC_OK;
    gn_forward_kernel<<<grid_units(N * G), kBlock, 0, stream>>>(out, save_mean, save_rstd, save_var, in, gamma, beta,
                                                                  N * G, G, C / G, HW, eps);
    CNNC_LAUNCH_CHECK(gn_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status groupnorm_backward_cuda(float *din, float *dgamma, float *dbeta, const float *dout,
                                               const float *in, const float *save_mean, const float *save_rstd,
                                               const float *gamma, int64_t N, int64_t C, int64_t HW, int64_t G,
                                               cudaStream_t stream, cnnc_error *err) {
    if (C <= 0 || G <= 0) return CNNC_OK;
    if (N * HW <= 0) {   /* nothing to sum: the affine gradients are zero */
        if (dgamma) CNNC_CUDA_CHECK(cudaMemsetAsync(dgamma, 0, (size_t)C * sizeof(float), stream));
        if (dbeta) CNNC_CUDA_CHECK(cudaMemsetAsync(dbeta, 0, (size_t)C * sizeof(float), stream));
        return CNNC_OK;
    }
    if (din) {
        gn_backward_din_kernel<<<grid_units(N * G), kBlock, 0, stream>>>(din, dout, in, save_mean, save_rstd, gamma,
                                                                           N * G, G, C / G, HW);
        CNNC_LAUNCH_CHECK(gn_backward_din_kernel);
    }
    if (dgamma || dbeta) {
        gn_param_grads_kernel<<<grid_units(C), kBlock, 0, stream>>>(dgamma, dbeta, dout, in, save_mean, save_rstd, N, C,
                                                                      HW, G);
        CNNC_LAUNCH_CHECK(gn_param_grads_kernel);
    }
    return CNNC_OK;
}

extern "C" cnnc_status instancenorm2d_update_running_cuda(float *running_mean, float *running_var, const float *mean,
                                                          const float *var, int64_t N, int64_t C, float momentum,
                                                          cudaStream_t stream, cnnc_error *err) {
    if (N <= 0 || C <= 0) return CNNC_OK;
    in_update_running_kernel<<<grid_for(C), kBlock, 0, stream>>>(running_mean, running_var, mean, var, N, C, momentum);
    CNNC_LAUNCH_CHECK(in_update_running_kernel);
    return CNNC_OK;
}

/* ---- the engine's entry (LayerNorm's too) ---- */

extern "C" cnnc_status cnnc_cuda_groupnorm_forward(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const cnnc_norm_geom *g = &r->shape->g.norm;
    float *save = (float *)r->aux;
    const float eps = (float)(r->layer->kind == CNNC_LAYERNORM ? r->layer->p.ln.eps : r->layer->p.gn.eps);
    return groupnorm_forward_cuda(r->out, save, save + g->N * g->G, NULL, r->in[0], r->weight, r->bias, g->N, g->C, g->HW,
                                  g->G, eps, st->stream, err);
}

extern "C" cnnc_status cnnc_cuda_groupnorm_backward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const cnnc_norm_geom *g = &r->shape->g.norm;
    const float *save = (const float *)r->aux;
    return groupnorm_backward_cuda(r->din[0], r->dweight, r->dbias, r->dout, r->in[0], save, save + g->N * g->G, r->weight,
                                   g->N, g->C, g->HW, g->G, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_groupnorm = {
    {NULL, NULL, cnnc_cuda_groupnorm_forward, cnnc_cuda_groupnorm_backward}, NULL, NULL};
