/* upsample2d.cu — nearest, bilinear and bicubic upsampling on CUDA with the CPU
 * kernels' indices, weights and order of operations (layers/plane_index.h;
 * products and sums rounded one by one, never fused). The backwards gather,
 * per input element, over the outputs that read it — a contiguous range per
 * dim, since the source index never decreases — in the order the CPU scatter
 * adds them: the results equal the CPU's bit for bit. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "layers/plane_index.h"

namespace {

using namespace cnnc_launch;

/* First dst in [0, out) whose nearest source is >= i (out if none). */
__device__ __forceinline__ int64_t nearest_lower_bound(int64_t i, int64_t in, int64_t out, float scale) {
    int64_t lo = 0, hi = out;
    while (lo < hi) {
        const int64_t mid = lo + (hi - lo) / 2;
        if (cnnc_nearest_src(mid, in, out, scale, 1) < i) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* First dst in [0, out) whose first bilinear tap is >= i (out if none). */
__device__ __forceinline__ int64_t linear_lower_bound(int64_t i, int64_t in, int64_t out, float scale, int ac) {
    int64_t lo = 0, hi = out;
    while (lo < hi) {
        const int64_t mid = lo + (hi - lo) / 2;
        if (cnnc_linear_src(mid, in, out, scale, ac).i0 < i) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

__global__ void __launch_bounds__(kBlock)
nearest_forward_kernel(float *__restrict__ out, const float *__restrict__ in, cnnc_upsample_geom g, float sh, float sw,
                       int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t ow = j % g.OW, oh = (j / g.OW) % g.OH, p = j / (g.OW * g.OH);
        const int64_t ih = cnnc_nearest_src(oh, g.H, g.OH, sh, g.fwd_shortcuts);
        const int64_t iw = cnnc_nearest_src(ow, g.W, g.OW, sw, g.fwd_shortcuts);
        out[j] = in[(p * g.H + ih) * g.W + iw];
    }
}

__global__ void __launch_bounds__(kBlock)
nearest_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, cnnc_upsample_geom g, float sh, float sw,
                        int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t w = j % g.W, h = (j / g.W) % g.H, p = j / (g.W * g.H);
        const int64_t oh0 = nearest_lower_bound(h, g.H, g.OH, sh), oh1 = nearest_lower_bound(h + 1, g.H, g.OH, sh);
        const int64_t ow0 = nearest_lower_bound(w, g.W, g.OW, sw), ow1 = nearest_lower_bound(w + 1, g.W, g.OW, sw);
        const float *go = dout + p * g.OH * g.OW;
        float acc = 0.0f;
        for (int64_t oh = oh0; oh < oh1; oh++)
            for (int64_t ow = ow0; ow < ow1; ow++) acc += go[oh * g.OW + ow];
        din[j] = acc;
    }
}

__global__ void __launch_bounds__(kBlock)
bilinear_forward_kernel(float *__restrict__ out, const float *__restrict__ in, cnnc_upsample_geom g, float sh, float sw,
                        int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t ow = j % g.OW, oh = (j / g.OW) % g.OH, p = j / (g.OW * g.OH);
        const cnnc_linear_tap th = cnnc_linear_src(oh, g.H, g.OH, sh, g.align_corners);
        const cnnc_linear_tap tw = cnnc_linear_src(ow, g.W, g.OW, sw, g.align_corners);
        const float *r0 = in + (p * g.H + th.i0) * g.W, *r1 = in + (p * g.H + th.i1) * g.W;
        const float top = CNNC_FADD(CNNC_FMUL(r0[tw.i0], tw.l0), CNNC_FMUL(r0[tw.i1], tw.l1));
        const float bot = CNNC_FADD(CNNC_FMUL(r1[tw.i0], tw.l0), CNNC_FMUL(r1[tw.i1], tw.l1));
        out[j] = CNNC_FADD(CNNC_FMUL(top, th.l0), CNNC_FMUL(bot, th.l1));
    }
}

__global__ void __launch_bounds__(kBlock)
bilinear_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, cnnc_upsample_geom g, float sh, float sw,
                         int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t w = j % g.W, h = (j / g.W) % g.H, p = j / (g.W * g.H);
        /* outputs whose first tap is h-1 or h: their taps are the only ones that can be h */
        const int64_t oh0 = linear_lower_bound(h - 1, g.H, g.OH, sh, g.align_corners);
        const int64_t oh1 = linear_lower_bound(h + 1, g.H, g.OH, sh, g.align_corners);
        const int64_t ow0 = linear_lower_bound(w - 1, g.W, g.OW, sw, g.align_corners);
        const int64_t ow1 = linear_lower_bound(w + 1, g.W, g.OW, sw, g.align_corners);
        const float *go = dout + p * g.OH * g.OW;
        float acc = 0.0f;
        for (int64_t oh = oh0; oh < oh1; oh++) {
            const cnnc_linear_tap th = cnnc_linear_src(oh, g.H, g.OH, sh, g.align_corners);
            for (int64_t ow = ow0; ow < ow1; ow++) {
                const cnnc_linear_tap tw = cnnc_linear_src(ow, g.W, g.OW, sw, g.align_corners);
                const float v = go[oh * g.OW + ow];
                /* the CPU's four scatters, in its order */
                if (th.i0 == h && tw.i0 == w) acc = CNNC_FADD(acc, CNNC_FMUL(CNNC_FMUL(th.l0, tw.l0), v));
                if (th.i0 == h && tw.i1 == w) acc = CNNC_FADD(acc, CNNC_FMUL(CNNC_FMUL(th.l0, tw.l1), v));
                if (th.i1 == h && tw.i0 == w) acc = CNNC_FADD(acc, CNNC_FMUL(CNNC_FMUL(th.l1, tw.l0), v));
                if (th.i1 == h && tw.i1 == w) acc = CNNC_FADD(acc, CNNC_FMUL(CNNC_FMUL(th.l1, tw.l1), v));
            }
        }
        din[j] = acc;
    }
}

/* bicubic: one thread per output, the CPU's 16 products and sums in its order. */
__global__ void __launch_bounds__(kBlock)
bicubic_forward_kernel(float *out, const float *__restrict__ in, cnnc_upsample_geom g, float sh, float sw, int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t ow = j % g.OW, oh = j / g.OW % g.OH, p = j / (g.OW * g.OH);
        const float *src = in + p * g.H * g.W;
        const cnnc_cubic_tap th = cnnc_cubic_src(oh, sh, g.align_corners), tw = cnnc_cubic_src(ow, sw, g.align_corners);
        float v = 0.0f;
        for (int a = 0; a < 4; a++) {
            const float *row = src + cnnc_cubic_index(th.i0 - 1 + a, g.H) * g.W;
            for (int b = 0; b < 4; b++)
                v = CNNC_FADD(v, CNNC_FMUL(CNNC_FMUL(row[cnnc_cubic_index(tw.i0 - 1 + b, g.W)], th.w[a]), tw.w[b]));
        }
        out[j] = v;
    }
}

/* First dst in [0, out) whose bicubic i0 is >= i (out if none): i0 never decreases. */
__device__ __forceinline__ int64_t cubic_lower_bound(int64_t i, int64_t out, float scale, int ac) {
    int64_t lo = 0, hi = out;
    while (lo < hi) {
        const int64_t mid = lo + (hi - lo) / 2;
        if (cnnc_cubic_src(mid, scale, ac).i0 < i) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* bicubic backward, gathered per input element over the outputs whose taps reach it
 * (i0 within 2 below and 1 above; the border elements take the clamped taps of every
 * output beyond them), adding in the CPU scatter's order: equal to it bit for bit. */
__global__ void __launch_bounds__(kBlock)
bicubic_backward_kernel(float *din, const float *__restrict__ dout, cnnc_upsample_geom g, float sh, float sw, int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t w = j % g.W, h = j / g.W % g.H, p = j / (g.W * g.H);
        const float *go = dout + p * g.OH * g.OW;
        const int64_t oh0 = h == 0 ? 0 : cubic_lower_bound(h - 2, g.OH, sh, g.align_corners);
        const int64_t oh1 = h == g.H - 1 ? g.OH : cubic_lower_bound(h + 2, g.OH, sh, g.align_corners);
        const int64_t ow0 = w == 0 ? 0 : cubic_lower_bound(w - 2, g.OW, sw, g.align_corners);
        const int64_t ow1 = w == g.W - 1 ? g.OW : cubic_lower_bound(w + 2, g.OW, sw, g.align_corners);
        float acc = 0.0f;
        for (int64_t oh = oh0; oh < oh1; oh++) {
            const cnnc_cubic_tap th = cnnc_cubic_src(oh, sh, g.align_corners);
            for (int64_t ow = ow0; ow < ow1; ow++) {
                const cnnc_cubic_tap tw = cnnc_cubic_src(ow, sw, g.align_corners);
                const float v = go[oh * g.OW + ow];
                for (int a = 0; a < 4; a++) {
                    if (cnnc_cubic_index(th.i0 - 1 + a, g.H) != h) continue;
                    for (int b = 0; b < 4; b++)
                        if (cnnc_cubic_index(tw.i0 - 1 + b, g.W) == w)
                            acc = CNNC_FADD(acc, CNNC_FMUL(CNNC_FMUL(v, th.w[a]), tw.w[b]));
                }
            }
        }
        din[j] = acc;
    }
}

} /* namespace */

extern "C" cnnc_status upsample2d_forward_cuda(float *out, const float *in, const cnnc_upsample_geom *g, cudaStream_t stream,
                                               cnnc_error *err) {
    const int64_t total = g->planes * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    if (g->bicubic) {
        const float sh = cnnc_linear_scale(g->H, g->OH, g->align_corners, g->scale_h);
        const float sw = cnnc_linear_scale(g->W, g->OW, g->align_corners, g->scale_w);
        bicubic_forward_kernel<<<grid_for(total), kBlock, 0, stream>>>(out, in, *g, sh, sw, total);
        CNNC_LAUNCH_CHECK(bicubic_forward_kernel);
    } else if (!g->bilinear) {
        const float sh = cnnc_upsample_scale(g->scale_h, g->H, g->OH), sw = cnnc_upsample_scale(g->scale_w, g->W, g->OW);
        nearest_forward_kernel<<<grid_for(total), kBlock, 0, stream>>>(out, in, *g, sh, sw, total);
        CNNC_LAUNCH_CHECK(nearest_forward_kernel);
    } else {
        const float sh = cnnc_linear_scale(g->H, g->OH, g->align_corners, g->scale_h);
        const float sw = cnnc_linear_scale(g->W, g->OW, g->align_corners, g->scale_w);
        bilinear_forward_kernel<<<grid_for(total), kBlock, 0, stream>>>(out, in, *g, sh, sw, total);
        CNNC_LAUNCH_CHECK(bilinear_forward_kernel);
    }
    return CNNC_OK;
}

extern "C" cnnc_status upsample2d_backward_cuda(float *din, const float *dout, const cnnc_upsample_geom *g,
                                                cudaStream_t stream, cnnc_error *err) {
    const int64_t total = g->planes * g->H * g->W;
    if (total <= 0 || !din) return CNNC_OK;
    if (g->bicubic) {
        const float sh = cnnc_linear_scale(g->H, g->OH, g->align_corners, g->scale_h);
        const float sw = cnnc_linear_scale(g->W, g->OW, g->align_corners, g->scale_w);
        bicubic_backward_kernel<<<grid_for(total), kBlock, 0, stream>>>(din, dout, *g, sh, sw, total);
        CNNC_LAUNCH_CHECK(bicubic_backward_kernel);
    } else if (!g->bilinear) {
        const float sh = cnnc_upsample_scale(g->scale_h, g->H, g->OH), sw = cnnc_upsample_scale(g->scale_w, g->W, g->OW);
        nearest_backward_kernel<<<grid_for(total), kBlock, 0, stream>>>(din, dout, *g, sh, sw, total);
        CNNC_LAUNCH_CHECK(nearest_backward_kernel);
    } else {
        const float sh = cnnc_linear_scale(g->H, g->OH, g->align_corners, g->scale_h);
        const float sw = cnnc_linear_scale(g->W, g->OW, g->align_corners, g->scale_w);
        bilinear_backward_kernel<<<grid_for(total), kBlock, 0, stream>>>(din, dout, *g, sh, sw, total);
        CNNC_LAUNCH_CHECK(bilinear_backward_kernel);
    }
    return CNNC_OK;
}

/* ---- the engine's entries (one per kind, the same kernels) ---- */
#include "backend_cuda.h"

static cnnc_status up_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return upsample2d_forward_cuda(r->out, r->in[0], &r->shape->g.upsample, st->stream, err);
}

static cnnc_status up_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return r->din[0] ? upsample2d_backward_cuda(r->din[0], r->dout, &r->shape->g.upsample, st->stream, err) : CNNC_OK;
}

/* 5-D input (nearest or trilinear over D, H, W): followed by check, no kernels yet, as on the CPU. */
static const char *up_unsupported(const struct cnnc_engine *e, int32_t node) {
    if (e->model->layers[node].p.upsample.mode == CNNC_UPSAMPLE_LINEAR)
        return "cnnc has no linear (1-d) upsampling kernels yet (check and summary follow it)";
    return e->shapes_max[node].out.ndim == 5 ? "cnnc has no 3-d upsampling kernels yet (check and summary follow it)" : NULL;
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_upsample = {{up_unsupported, NULL, up_fwd, up_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_upsamplingnearest2d = {{up_unsupported, NULL, up_fwd, up_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_upsamplingbilinear2d = {{up_unsupported, NULL, up_fwd, up_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_interpolate = {{up_unsupported, NULL, up_fwd, up_bwd}, NULL, NULL};
