/* batchnorm2d.c — BatchNorm2d over NCHW on the CPU, one channel per work item. Sums run in
 * double so the batch statistics do not drift with large N*HW, in 8 lanes (lane_sum.h). */
#include <math.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"
#include "cpu/lane_sum.h"

void batchnorm2d_forward_train_cpu(float *out, float *save_mean, float *save_invstd,
                                   float *running_mean, float *running_var, const float *in,
                                   const float *gamma, const float *beta, int64_t N, int64_t C,
                                   int64_t HW, float eps, float exp_avg_factor) {
    const int64_t count = N * HW;
    const int T = cpu_threads_for(C);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t c = 0; c < C; c++) {
        const double mean = cpu_channel_sum(in, N, C, HW, c) / (double)count;
        const double sq = cpu_channel_sqdev(in, N, C, HW, c, mean);
        const double var = sq / (double)count; /* biased: used to normalise */
        const float invstd = (float)(1.0 / sqrt(var + (double)eps));
        const float w = gamma ? gamma[c] : 1.0f, b = beta ? beta[c] : 0.0f;
        const float scale = invstd * w, fmean = (float)mean;
        for (int64_t n = 0; n < N; n++) {
            const float *x = in + (n * C + c) * HW;
            float *y = out + (n * C + c) * HW;
            for (int64_t i = 0; i < HW; i++) y[i] = (x[i] - fmean) * scale + b;
        }
        if (save_mean) save_mean[c] = fmean;
        if (save_invstd) save_invstd[c] = invstd;
        if (running_mean)
            running_mean[c] = (1.0f - exp_avg_factor) * running_mean[c] + exp_avg_factor * fmean;
        if (running_var) {
            /* unbiased variance for the running estimate, as PyTorch */
            const double unbiased = count > 1 ? sq / (double)(count - 1) : var;
            running_var[c] = (1.0f - exp_avg_factor) * running_var[c] + exp_avg_factor * (float)unbiased;
        }
    }
}

void batchnorm2d_forward_eval_cpu(float *out, const float *in, const float *gamma, const float *beta,
                                  const float *running_mean, const float *running_var,
                                  int64_t N, int64_t C, int64_t HW, float eps) {
    const int T = cpu_threads_for(C);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t c = 0; c < C; c++) {
        const float invstd = 1.0f / sqrtf(running_var[c] + eps);
        const float w = gamma ? gamma[c] : 1.0f, b = beta ? beta[c] : 0.0f;
        const float scale = invstd * w, shift = b - running_mean[c] * scale;
        for (int64_t n = 0; n < N; n++) {
            const float *x = in + (n * C + c) * HW;
            float *y = out + (n * C + c) * HW;
            for (int64_t i = 0; i < HW; i++) y[i] = x[i] * scale + shift;
        }
    }
}

/* PyTorch's training-mode backward:
 *   dotp = sum((x-mean)*dy), k = dotp*invstd^2/count, grad_mean = sum(dy)/count,
 *   dx = (dy - grad_mean - (x-mean)*k) * invstd * gamma,
 *   dgamma = dotp*invstd, dbeta = sum(dy). */
void batchnorm2d_backward_cpu(float *din, float *dgamma, float *dbeta, const float *dout,
                              const float *in, const float *save_mean, const float *save_invstd,
                              const float *gamma, int64_t N, int64_t C, int64_t HW) {
    const int64_t count = N * HW;
    const int T = cpu_threads_for(C);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t c = 0; c < C; c++) {
        const float mean = save_mean[c], invstd = save_invstd[c];
        double sum_dy, dotp;
        cpu_channel_dy_dotp(in, dout, N, C, HW, c, mean, &sum_dy, &dotp);
        if (dgamma) dgamma[c] = (float)(dotp * invstd);
        if (dbeta) dbeta[c] = (float)sum_dy;
        if (din) {
            const float w = gamma ? gamma[c] : 1.0f;
            const float k = (float)(dotp * invstd * invstd / (double)count);
            const float grad_mean = (float)(sum_dy / (double)count);
            const float s = invstd * w;
            for (int64_t n = 0; n < N; n++) {
                const float *x = in + (n * C + c) * HW;
                const float *dy = dout + (n * C + c) * HW;
                float *dx = din + (n * C + c) * HW;
                for (int64_t i = 0; i < HW; i++) dx[i] = (dy[i] - grad_mean - (x[i] - mean) * k) * s;
            }
        }
    }
}

/* ---- the engine's entry (BatchNorm1d's too: [N, C, L] is N x C x HW) ---- */

cnnc_status cnnc_cpu_batchnorm_forward(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    const cnnc_batchnorm2d_params *bn = &r->layer->p.bn;
    const cnnc_bn_geom *g = &r->shape->g.bn;
    float *save = (float *)r->aux;
    (void)err;
    /* Batch statistics in training, and always without running stats;
     * over every rank's samples with --sync-bn (batchnorm_sync.c). */
    if (train && e->sync_bn) return cpu_batchnorm_sync_forward(e, r, err);
    if (train || !bn->track_running_stats) {
        float factor = train ? cnnc_engine_bn_factor(e, r->index) : 0.0f;
        batchnorm2d_forward_train_cpu(r->out, save, save + g->C, train ? r->running_mean : NULL,
                                      train ? r->running_var : NULL, r->in[0], r->weight, r->bias, g->N, g->C, g->HW,
                                      (float)bn->eps, factor);
    } else {
        batchnorm2d_forward_eval_cpu(r->out, r->in[0], r->weight, r->bias, r->running_mean, r->running_var, g->N, g->C,
                                     g->HW, (float)bn->eps);
    }
    return CNNC_OK;
}

cnnc_status cnnc_cpu_batchnorm_backward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    const cnnc_bn_geom *g = &r->shape->g.bn;
    const float *save = (const float *)r->aux;
    if (e->sync_bn) return cpu_batchnorm_sync_backward(e, r, err);
    batchnorm2d_backward_cpu(r->din[0], r->dweight, r->dbias, r->dout, r->in[0], save, save + g->C, r->weight, g->N,
                             g->C, g->HW);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_batchnorm2d = {NULL, NULL, cnnc_cpu_batchnorm_forward, cnnc_cpu_batchnorm_backward};
/* BatchNorm3d: the same kernels over [N, C, D*H*W] (its geometry's HW) */
const cnnc_kernel cnnc_cpu_batchnorm3d = {NULL, NULL, cnnc_cpu_batchnorm_forward, cnnc_cpu_batchnorm_backward};
