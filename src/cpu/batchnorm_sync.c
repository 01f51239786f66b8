/* batchnorm_sync.c — BatchNorm's training pass with statistics over the global
 * batch of a data-parallel run (--sync-bn, as torch.nn.SyncBatchNorm): each
 * rank sums its samples per channel (in double), the sums are added over ranks
 * in rank order (cnnc_engine_bn_allsum), and every rank normalises with the
 * global mean and variance. The backward's two reductions (sum of dy, sum of
 * (x - mean) * dy) are summed the same way. */
#include <math.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"
#include "cpu/lane_sum.h"

/* The rank's per-channel sums; v[C] += count. */
static void channel_sums(double *v, const float *in, int64_t N, int64_t C, int64_t HW) {
    const int T = cpu_threads_for(C);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t c = 0; c < C; c++) v[c] = cpu_channel_sum(in, N, C, HW, c);
}

cnnc_status cpu_batchnorm_sync_forward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    const cnnc_batchnorm2d_params *bn = &r->layer->p.bn;
    const cnnc_bn_geom *g = &r->shape->g.bn;
    const int64_t N = g->N, C = g->C, HW = g->HW;
    float *save_mean = (float *)r->aux, *save_invstd = save_mean + C;
    const float *in = r->in[0];
    double *v = cnnc_engine_bn_sums(e);   /* 2C + 2 doubles, the communicator's */
    channel_sums(v, in, N, C, HW);
    v[C] = (double)(N * HW);
    cnnc_status st = cnnc_engine_bn_allsum(e, v, C + 1, err);
    if (st != CNNC_OK) return st;
    const double count = v[C];
    for (int64_t c = 0; c < C; c++) v[c] /= count;   /* the global means */
    double *sq = v + C + 1;
    const int T = cpu_threads_for(C);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t c = 0; c < C; c++) sq[c] = cpu_channel_sqdev(in, N, C, HW, c, v[c]);
    if ((st = cnnc_engine_bn_allsum(e, sq, C, err)) != CNNC_OK) return st;
    const float factor = cnnc_engine_bn_factor(e, r->index);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t c = 0; c < C; c++) {
        const double mean = v[c], var = sq[c] / count;
        const float invstd = (float)(1.0 / sqrt(var + (double)(float)bn->eps));
        const float w = r->weight ? r->weight[c] : 1.0f, b = r->bias ? r->bias[c] : 0.0f;
        const float scale = invstd * w, fmean = (float)mean;
        for (int64_t n = 0; n < N; n++) {
            const float *x = in + (n * C + c) * HW;
            float *y = r->out + (n * C + c) * HW;
            for (int64_t i = 0; i < HW; i++) y[i] = (x[i] - fmean) * scale + b;
        }
        save_mean[c] = fmean;
        save_invstd[c] = invstd;
        if (r->running_mean) r->running_mean[c] = (1.0f - factor) * r->running_mean[c] + factor * fmean;
        if (r->running_var) {
            const double unbiased = count > 1 ? sq[c] / (count - 1) : var;
            r->running_var[c] = (1.0f - factor) * r->running_var[c] + factor * (float)unbiased;
        }
    }
    return CNNC_OK;
}

cnnc_status cpu_batchnorm_sync_backward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    const cnnc_bn_geom *g = &r->shape->g.bn;
    const int64_t N = g->N, C = g->C, HW = g->HW;
    const float *save_mean = (const float *)r->aux, *save_invstd = save_mean + C;
    double *v = cnnc_engine_bn_sums(e);   /* [sum_dy C | dotp C | count] */
    const int T = cpu_threads_for(C);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t c = 0; c < C; c++) {
        cpu_channel_dy_dotp(r->in[0], r->dout, N, C, HW, c, save_mean[c], &v[c], &v[C + c]);
    }
    v[2 * C] = (double)(N * HW);
    cnnc_status st = cnnc_engine_bn_allsum(e, v, 2 * C + 1, err);
    if (st != CNNC_OK) return st;
    /* The weight and bias gradients from the global sums, on rank 0 (zeros
     * elsewhere): the gradient sum over ranks then rounds to float once, as
     * one process does, instead of adding every rank's rounded share. */
    const int owner = cnnc_engine_rank(e) == 0;
    for (int64_t c = 0; c < C; c++) {
        if (r->dweight) r->dweight[c] = owner ? (float)(v[C + c] * save_invstd[c]) : 0.0f;
        if (r->dbias) r->dbias[c] = owner ? (float)v[c] : 0.0f;
    }
    if (!r->din[0]) return CNNC_OK;
    const double count = v[2 * C];
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t c = 0; c < C; c++) {
        const float mean = save_mean[c], invstd = save_invstd[c];
        const float w = r->weight ? r->weight[c] : 1.0f;
        const float k = (float)(v[C + c] * invstd * invstd / count);
        const float grad_mean = (float)(v[c] / count);
        const float s = invstd * w;
        for (int64_t n = 0; n < N; n++) {
            const float *x = r->in[0] + (n * C + c) * HW;
            const float *dy = r->dout + (n * C + c) * HW;
            float *dx = r->din[0] + (n * C + c) * HW;
            for (int64_t i = 0; i < HW; i++) dx[i] = (dy[i] - grad_mean - (x[i] - mean) * k) * s;
        }
    }
    return CNNC_OK;
}
