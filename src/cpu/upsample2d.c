/* upsample2d.c — nearest, bilinear and bicubic upsampling on the CPU, with PyTorch
 * 1.13's source indices and weights (layers/plane_index.h) and its CPU
 * kernels' order of operations; the backward scatters in output order as
 * PyTorch's does. The engine entries of Upsample, UpsamplingNearest2d,
 * UpsamplingBilinear2d and F.interpolate. Parallel over planes. */
#include <string.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"
#include "layers/plane_index.h"

/* bicubic: 16 taps per output, each weighed (an output of the input's size is
 * not a copy: NaN and inf spread through the zero weights, as in PyTorch). */
static void bicubic_forward(float *out, const float *in, const cnnc_upsample_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
    const float sh = cnnc_linear_scale(H, OH, g->align_corners, g->scale_h);
    const float sw = cnnc_linear_scale(W, OW, g->align_corners, g->scale_w);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        const float *src = in + p * H * W;
        float *dst = out + p * OH * OW;
        for (int64_t oh = 0; oh < OH; oh++) {
            const cnnc_cubic_tap th = cnnc_cubic_src(oh, sh, g->align_corners);
            for (int64_t ow = 0; ow < OW; ow++) {
                const cnnc_cubic_tap tw = cnnc_cubic_src(ow, sw, g->align_corners);
                float v = 0.0f;
                for (int i = 0; i < 4; i++) {
                    const float *row = src + cnnc_cubic_index(th.i0 - 1 + i, H) * W;
                    for (int j = 0; j < 4; j++) v += row[cnnc_cubic_index(tw.i0 - 1 + j, W)] * th.w[i] * tw.w[j];
                }
                dst[oh * OW + ow] = v;
            }
        }
    }
}

/* bicubic backward: each output's gradient scattered to its 16 taps, in output order. */
static void bicubic_backward(float *din, const float *dout, const cnnc_upsample_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
    const float sh = cnnc_linear_scale(H, OH, g->align_corners, g->scale_h);
    const float sw = cnnc_linear_scale(W, OW, g->align_corners, g->scale_w);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        float *d = din + p * H * W;
        const float *go = dout + p * OH * OW;
        memset(d, 0, (size_t)(H * W) * sizeof(float));
        for (int64_t oh = 0; oh < OH; oh++) {
            const cnnc_cubic_tap th = cnnc_cubic_src(oh, sh, g->align_corners);
            for (int64_t ow = 0; ow < OW; ow++) {
                const cnnc_cubic_tap tw = cnnc_cubic_src(ow, sw, g->align_corners);
                const float v = go[oh * OW + ow];
                for (int i = 0; i < 4; i++) {
                    float *row = d + cnnc_cubic_index(th.i0 - 1 + i, H) * W;
                    for (int j = 0; j < 4; j++) row[cnnc_cubic_index(tw.i0 - 1 + j, W)] += v * th.w[i] * tw.w[j];
                }
            }
        }
    }
}

void upsample2d_forward_cpu(float *out, const float *in, const cnnc_upsample_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
    if (g->bicubic) {
        bicubic_forward(out, in, g);
        return;
    }
    if (!g->bilinear) {
        const float sh = cnnc_upsample_scale(g->scale_h, H, OH), sw = cnnc_upsample_scale(g->scale_w, W, OW);
#pragma omp parallel for num_threads(T) schedule(static)
        for (int64_t p = 0; p < g->planes; p++) {
            const float *src = in + p * H * W;
            float *dst = out + p * OH * OW;
            for (int64_t oh = 0; oh < OH; oh++) {
                const int64_t ih = cnnc_nearest_src(oh, H, OH, sh, g->fwd_shortcuts);
                for (int64_t ow = 0; ow < OW; ow++) dst[oh * OW + ow] = src[ih * W + cnnc_nearest_src(ow, W, OW, sw, g->fwd_shortcuts)];
            }
        }
        return;
    }
    const float sh = cnnc_linear_scale(H, OH, g->align_corners, g->scale_h);
    const float sw = cnnc_linear_scale(W, OW, g->align_corners, g->scale_w);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        const float *src = in + p * H * W;
        float *dst = out + p * OH * OW;
        for (int64_t oh = 0; oh < OH; oh++) {
            const cnnc_linear_tap th = cnnc_linear_src(oh, H, OH, sh, g->align_corners);
            const float *r0 = src + th.i0 * W, *r1 = src + th.i1 * W;
            for (int64_t ow = 0; ow < OW; ow++) {
                const cnnc_linear_tap tw = cnnc_linear_src(ow, W, OW, sw, g->align_corners);
                /* every tap is weighed, even at weight 0: NaN and inf spread as in PyTorch */
                const float top = r0[tw.i0] * tw.l0 + r0[tw.i1] * tw.l1;
                const float bot = r1[tw.i0] * tw.l0 + r1[tw.i1] * tw.l1;
                dst[oh * OW + ow] = top * th.l0 + bot * th.l1;
            }
        }
    }
}

void upsample2d_backward_cpu(float *din, const float *dout, const cnnc_upsample_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(g->planes);
    if (g->bicubic) {
        bicubic_backward(din, dout, g);
        return;
    }
    if (!g->bilinear) {
        const float sh = cnnc_upsample_scale(g->scale_h, H, OH), sw = cnnc_upsample_scale(g->scale_w, W, OW);
#pragma omp parallel for num_threads(T) schedule(static)
        for (int64_t p = 0; p < g->planes; p++) {
            float *d = din + p * H * W;
            const float *go = dout + p * OH * OW;
            memset(d, 0, (size_t)(H * W) * sizeof(float));
            for (int64_t oh = 0; oh < OH; oh++) {
                const int64_t ih = cnnc_nearest_src(oh, H, OH, sh, 1);  /* PyTorch's backward always takes the shortcuts */
                for (int64_t ow = 0; ow < OW; ow++) d[ih * W + cnnc_nearest_src(ow, W, OW, sw, 1)] += go[oh * OW + ow];
            }
        }
        return;
    }
    const float sh = cnnc_linear_scale(H, OH, g->align_corners, g->scale_h);
    const float sw = cnnc_linear_scale(W, OW, g->align_corners, g->scale_w);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < g->planes; p++) {
        float *d = din + p * H * W;
        const float *go = dout + p * OH * OW;
        memset(d, 0, (size_t)(H * W) * sizeof(float));
        for (int64_t oh = 0; oh < OH; oh++) {
            const cnnc_linear_tap th = cnnc_linear_src(oh, H, OH, sh, g->align_corners);
            for (int64_t ow = 0; ow < OW; ow++) {
                const cnnc_linear_tap tw = cnnc_linear_src(ow, W, OW, sw, g->align_corners);
                const float v = go[oh * OW + ow];
                d[th.i0 * W + tw.i0] += th.l0 * tw.l0 * v;
                d[th.i0 * W + tw.i1] += th.l0 * tw.l1 * v;
                d[th.i1 * W + tw.i0] += th.l1 * tw.l0 * v;
                d[th.i1 * W + tw.i1] += th.l1 * tw.l1 * v;
            }
        }
    }
}

/* ---- the engine's entries (one per kind, the same kernels) ---- */

static cnnc_status up_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    upsample2d_forward_cpu(r->out, r->in[0], &r->shape->g.upsample);
    return CNNC_OK;
}

static cnnc_status up_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) upsample2d_backward_cpu(r->din[0], r->dout, &r->shape->g.upsample);
    return CNNC_OK;
}

/* 5-D input (nearest or trilinear over D, H, W): followed by check, no kernels yet. */
static const char *up_unsupported(const cnnc_engine *e, int32_t node) {
    if (e->model->layers[node].p.upsample.mode == CNNC_UPSAMPLE_LINEAR)
        return "cnnc has no linear (1-d) upsampling kernels yet (check and summary follow it)";
    return e->shapes_max[node].out.ndim == 5 ? "cnnc has no 3-d upsampling kernels yet (check and summary follow it)" : NULL;
}
const cnnc_kernel cnnc_cpu_upsample = {up_unsupported, NULL, up_fwd, up_bwd};
const cnnc_kernel cnnc_cpu_upsamplingnearest2d = {up_unsupported, NULL, up_fwd, up_bwd};
const cnnc_kernel cnnc_cpu_upsamplingbilinear2d = {up_unsupported, NULL, up_fwd, up_bwd};
const cnnc_kernel cnnc_cpu_interpolate = {up_unsupported, NULL, up_fwd, up_bwd};
