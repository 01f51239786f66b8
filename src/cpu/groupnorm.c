/* groupnorm.c — GroupNorm on the CPU, and the kernels InstanceNorm2d (G = C)
 * and LayerNorm (one group per row) run: statistics per (n, g) over the
 * group's contiguous C/G*HW values, two passes in double; one work item per
 * group, then one per channel for the affine gradients (samples summed in
 * order: deterministic for any thread count). */
#include <math.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

void groupnorm_forward_cpu(float *out, float *save_mean, float *save_rstd, float *save_var, const float *in,
                           const float *gamma, const float *beta, int64_t N, int64_t C, int64_t HW, int64_t G,
                           float eps) {
    const int64_t Cg = C / G, m = Cg * HW, groups = N * G;
    const int T = cpu_threads_for(groups);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t ng = 0; ng < groups; ng++) {
        const int64_t c0 = (ng % G) * Cg;
        const float *x = in + ng * m;
        float *y = out + ng * m;
        double sum = 0.0;
        for (int64_t i = 0; i < m; i++) sum += x[i];
        const double mean = m > 0 ? sum / (double)m : 0.0;
        double sq = 0.0;
        for (int64_t i = 0; i < m; i++) {
            const double d = x[i] - mean;
            sq += d * d;
        }
        const double var = m > 0 ? sq / (double)m : 0.0;   /* biased: used to normalise */
        const float rstd = (float)(1.0 / sqrt(var + (double)eps)), fmean = (float)mean;
        for (int64_t j = 0; j < Cg; j++) {
            const int64_t c = c0 + j;
            const float scale = rstd * (gamma ? gamma[c] : 1.0f), shift = beta ? beta[c] : 0.0f;
            const float *xc = x + j * HW;
            float *yc = y + j * HW;
            for (int64_t i = 0; i < HW; i++) yc[i] = (xc[i] - fmean) * scale + shift;
        }
        if (save_mean) save_mean[ng] = fmean;
        if (save_rstd) save_rstd[ng] = rstd;
        if (save_var) save_var[ng] = (float)(m > 1 ? sq / (double)(m - 1) : var);
    }
}

void groupnorm_backward_cpu(float *din, float *dgamma, float *dbeta, const float *dout, const float *in,
                            const float *save_mean, const float *save_rstd, const float *gamma, int64_t N, int64_t C,
                            int64_t HW, int64_t G) {
    const int64_t Cg = C / G, m = Cg * HW;
    if (din) {
        const int64_t groups = N * G;
        const int T = cpu_threads_for(groups);
#pragma omp parallel for num_threads(T) schedule(static)
        for (int64_t ng = 0; ng < groups; ng++) {
            const int64_t c0 = (ng % G) * Cg;
            const float mean = save_mean[ng], rstd = save_rstd[ng];
            const float *x = in + ng * m, *dy = dout + ng * m;
            double a = 0.0, b = 0.0;   /* sum dy*w, sum dy*w*xhat */
            for (int64_t j = 0; j < Cg; j++) {
                const float w = gamma ? gamma[c0 + j] : 1.0f;
                for (int64_t i = 0; i < HW; i++) {
                    const double dyw = (double)dy[j * HW + i] * w;
                    a += dyw;
                    b += dyw * ((double)(x[j * HW + i] - mean) * rstd);
                }
            }
            const float ma = (float)(a / (double)m), mb = (float)(b / (double)m);
            float *dx = din + ng * m;
            for (int64_t j = 0; j < Cg; j++) {
                const float w = gamma ? gamma[c0 + j] : 1.0f;
                for (int64_t i = 0; i < HW; i++) {
                    const float xhat = (x[j * HW + i] - mean) * rstd;
                    dx[j * HW + i] = rstd * (dy[j * HW + i] * w - ma - xhat * mb);
                }
            }
        }
    }
    if (dgamma || dbeta) {
        const int T = cpu_threads_for(C);
#pragma omp parallel for num_threads(T) schedule(static)
        for (int64_t c = 0; c < C; c++) {
            const int64_t g = c / Cg;
            double sdy = 0.0, sdyx = 0.0;
            for (int64_t n = 0; n < N; n++) {
                const float mean = save_mean[n * G + g], rstd = save_rstd[n * G + g];
                const float *x = in + (n * C + c) * HW, *dy = dout + (n * C + c) * HW;
                double px = 0.0, pd = 0.0;
                for (int64_t i = 0; i < HW; i++) {
                    pd += dy[i];
                    px += (double)dy[i] * (double)(x[i] - mean);
                }
                sdy += pd;
                sdyx += px * rstd;
            }
            if (dgamma) dgamma[c] = (float)sdyx;
            if (dbeta) dbeta[c] = (float)sdy;
        }
    }
}

/* ---- the engine's entry (LayerNorm's and InstanceNorm2d's training pass too) ---- */

cnnc_status cnnc_cpu_groupnorm_forward(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    const cnnc_norm_geom *g = &r->shape->g.norm;
    float *save = (float *)r->aux;
    const float eps = (float)(r->layer->kind == CNNC_LAYERNORM ? r->layer->p.ln.eps : r->layer->p.gn.eps);
    (void)e; (void)train; (void)err;
    groupnorm_forward_cpu(r->out, save, save + g->N * g->G, NULL, r->in[0], r->weight, r->bias, g->N, g->C, g->HW, g->G, eps);
    return CNNC_OK;
}

cnnc_status cnnc_cpu_groupnorm_backward(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    const cnnc_norm_geom *g = &r->shape->g.norm;
    const float *save = (const float *)r->aux;
    (void)e; (void)err;
    groupnorm_backward_cpu(r->din[0], r->dweight, r->dbias, r->dout, r->in[0], save, save + g->N * g->G, r->weight, g->N,
                           g->C, g->HW, g->G);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_groupnorm = {NULL, NULL, cnnc_cpu_groupnorm_forward, cnnc_cpu_groupnorm_backward};
