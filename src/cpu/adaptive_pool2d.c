/* adaptive_pool2d.c — AdaptiveAvgPool2d and AdaptiveMaxPool2d on the CPU,
 * following PyTorch's CPU kernels window by window (the same windows, sum
 * order, division and NaN rule), and the engine entries of both kinds.
 * Parallel over planes. */
#include <math.h>
#include <string.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"
#include "layers/plane_index.h"

void adaptive_avgpool2d_forward_cpu(float *out, const float *in, const cnnc_plane_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        const float *src = in + p * H * W;
        float *dst = out + p * OH * OW;
        for (int64_t oh = 0; oh < OH; oh++) {
            const int64_t h0 = cnnc_adaptive_start(oh, OH, H), h1 = cnnc_adaptive_end(oh, OH, H);
            for (int64_t ow = 0; ow < OW; ow++) {
                const int64_t w0 = cnnc_adaptive_start(ow, OW, W), w1 = cnnc_adaptive_end(ow, OW, W);
                float sum = 0.0f;
                for (int64_t h = h0; h < h1; h++)
                    for (int64_t w = w0; w < w1; w++) sum += src[h * W + w];
                /* an empty plane (output 1x1 of an empty input) gives 0/0 = NaN, as mean() does */
                dst[oh * OW + ow] = sum / (float)(h1 - h0) / (float)(w1 - w0);
            }
        }
    }
}

void adaptive_avgpool2d_backward_cpu(float *din, const float *dout, const cnnc_plane_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        float *d = din + p * H * W;
        const float *go = dout + p * OH * OW;
        memset(d, 0, (size_t)(H * W) * sizeof(float));
        for (int64_t oh = 0; oh < OH; oh++) {
            const int64_t h0 = cnnc_adaptive_start(oh, OH, H), h1 = cnnc_adaptive_end(oh, OH, H);
            for (int64_t ow = 0; ow < OW; ow++) {
                const int64_t w0 = cnnc_adaptive_start(ow, OW, W), w1 = cnnc_adaptive_end(ow, OW, W);
                const float delta = go[oh * OW + ow] / (float)(h1 - h0) / (float)(w1 - w0);
                for (int64_t h = h0; h < h1; h++)
                    for (int64_t w = w0; w < w1; w++) d[h * W + w] += delta;
            }
        }
    }
}

void adaptive_maxpool2d_forward_cpu(float *out, int32_t *argmax, const float *in, const cnnc_plane_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        const float *src = in + p * H * W;
        float *dst = out + p * OH * OW;
        int32_t *idx = argmax + p * OH * OW;
        for (int64_t oh = 0; oh < OH; oh++) {
            const int64_t h0 = cnnc_adaptive_start(oh, OH, H), h1 = cnnc_adaptive_end(oh, OH, H);
            for (int64_t ow = 0; ow < OW; ow++) {
                const int64_t w0 = cnnc_adaptive_start(ow, OW, W), w1 = cnnc_adaptive_end(ow, OW, W);
                /* PyTorch: start from -inf at the window's first element; a larger value or any NaN takes over */
                int64_t best_i = h0 * W + w0;
                float best = -INFINITY;
                for (int64_t h = h0; h < h1; h++)
                    for (int64_t w = w0; w < w1; w++) {
                        const float v = src[h * W + w];
                        if (v > best || isnan(v)) { best = v; best_i = h * W + w; }
                    }
                dst[oh * OW + ow] = best;
                idx[oh * OW + ow] = (int32_t)best_i;
            }
        }
    }
}

void adaptive_maxpool2d_backward_cpu(float *din, const float *dout, const int32_t *argmax, const cnnc_plane_geom *g) {
    const int64_t HW = g->H * g->W, OHW = g->OH * g->OW;
    const int T = cpu_threads_for(g->planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        float *d = din + p * HW;
        const float *go = dout + p * OHW;
        const int32_t *idx = argmax + p * OHW;
        memset(d, 0, (size_t)HW * sizeof(float));
        for (int64_t i = 0; i < OHW; i++) d[idx[i]] += go[i];
    }
}

/* ---- the engine's entries ---- */

static cnnc_status avg_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    adaptive_avgpool2d_forward_cpu(r->out, r->in[0], &r->shape->g.plane);
    return CNNC_OK;
}

static cnnc_status avg_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) adaptive_avgpool2d_backward_cpu(r->din[0], r->dout, &r->shape->g.plane);
    return CNNC_OK;
}

static cnnc_status max_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    adaptive_maxpool2d_forward_cpu(r->out, (int32_t *)r->aux, r->in[0], &r->shape->g.plane);
    return CNNC_OK;
}

static cnnc_status max_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) adaptive_maxpool2d_backward_cpu(r->din[0], r->dout, (const int32_t *)r->aux, &r->shape->g.plane);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_adaptiveavgpool2d = {NULL, NULL, avg_fwd, avg_bwd};
const cnnc_kernel cnnc_cpu_adaptivemaxpool2d = {NULL, NULL, max_fwd, max_bwd};
/* The 1-d forms are the 2-d ones at height 1 (src/layers/adaptiveavgpool1d.c): the same kernels. */
const cnnc_kernel cnnc_cpu_adaptiveavgpool1d = {NULL, NULL, avg_fwd, avg_bwd};
const cnnc_kernel cnnc_cpu_adaptivemaxpool1d = {NULL, NULL, max_fwd, max_bwd};
