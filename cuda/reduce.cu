/* reduce.cu — mean and sum (and amax/amin, vector_norm, var and std, as reduce.c's) over dims on CUDA, as reduce_*_cpu: each output
 * sums in double, one thread per output in the CPU's order, or one block per
 * output (block_sum's fixed tree) when it sums CNNC_CUDA_BLOCK_REDUCE_MIN
 * values or more. Backward is a gather. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "block_sum.h"

namespace {

using namespace cnnc_launch;

__device__ __forceinline__ bool is_reduced(const cnnc_reduce_geom &g, int k) { return (g.reduced >> k) & 1u; }

__device__ __forceinline__ void in_strides(const cnnc_reduce_geom &g, int64_t *istride) {
    int64_t s = 1;
    for (int k = g.ndim - 1; k >= 0; k--) {
        istride[k] = s;
        s *= g.size[k];
    }
}

/* Input offset of output o's first element, and of its r-th summand from there. */
__device__ __forceinline__ int64_t out_base(int64_t o, const cnnc_reduce_geom &g, const int64_t *istride) {
    int64_t base = 0;
    for (int k = g.ndim - 1; k >= 0; k--) {
        if (is_reduced(g, k)) continue;
        base += o % g.size[k] * istride[k];
        o /= g.size[k];
    }
    return base;
}

__device__ __forceinline__ int64_t red_offset(int64_t r, const cnnc_reduce_geom &g, const int64_t *istride) {
    int64_t off = 0;
    for (int k = g.ndim - 1; k >= 0; k--) {
        if (!is_reduced(g, k)) continue;
        off += r % g.size[k] * istride[k];
        r /= g.size[k];
    }
    return off;
}

__global__ void __launch_bounds__(kBlock)
reduce_kernel(float *out, const float *__restrict__ in, cnnc_reduce_geom g, int64_t n_out, int64_t R, int mean) {
    int64_t istride[CNNC_MAX_DIMS];
    in_strides(g, istride);
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n_out; o += stride) {
        const int64_t base = out_base(o, g, istride);
        double acc = 0.0;
        for (int64_t r = 0; r < R; r++) acc += (double)in[base + red_offset(r, g, istride)];
        out[o] = (float)(mean ? acc / (double)g.count : acc);
    }
}

__global__ void __launch_bounds__(kBlock)
reduce_block_kernel(float *out, const float *__restrict__ in, cnnc_reduce_geom g, int64_t n_out, int64_t R, int mean) {
    __shared__ double smem[kBlock / 32];
    int64_t istride[CNNC_MAX_DIMS];
    in_strides(g, istride);
    for (int64_t o = blockIdx.x; o < n_out; o += gridDim.x) {   /* uniform across the block */
        const int64_t base = out_base(o, g, istride);
        double acc = 0.0;
        for (int64_t r = threadIdx.x; r < R; r += blockDim.x) acc += (double)in[base + red_offset(r, g, istride)];
        acc = block_sum(acc, smem);
        if (threadIdx.x == 0) out[o] = (float)(mean ? acc / (double)g.count : acc);
    }
}

__global__ void __launch_bounds__(kBlock)
reduce_backward_kernel(float *din, const float *__restrict__ dout, cnnc_reduce_geom g, int64_t n_in, int mean) {
    int64_t ostride[CNNC_MAX_DIMS], s = 1;
    for (int k = g.ndim - 1; k >= 0; k--) {
        ostride[k] = is_reduced(g, k) ? 0 : s;
        if (!is_reduced(g, k)) s *= g.size[k];
    }
    const float count = (float)g.count;
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < n_in; j += stride) {
        int64_t rem = j, o = 0;
        for (int k = g.ndim - 1; k >= 0; k--) {
            o += rem % g.size[k] * ostride[k];
            rem /= g.size[k];
        }
        din[j] = mean ? dout[o] / count : dout[o];
    }
}

/* amax/amin as extremum_forward_cpu: one thread per output, in index order. */
__global__ void __launch_bounds__(kBlock)
extremum_kernel(float *out, const float *__restrict__ in, cnnc_reduce_geom g, int64_t n_out, int64_t R, int is_max) {
    int64_t istride[CNNC_MAX_DIMS];
    in_strides(g, istride);
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n_out; o += stride) {
        const int64_t base = out_base(o, g, istride);
        float m = in[base];
        for (int64_t r = 1; r < R && !isnan(m); r++) {
            const float v = in[base + red_offset(r, g, istride)];
            if (isnan(v) || (is_max ? v > m : v < m)) m = v;
        }
        out[o] = m;
    }
}

/* As extremum_backward_cpu: each output's thread writes all of its inputs' gradients. */
__global__ void __launch_bounds__(kBlock)
extremum_backward_kernel(float *din, const float *__restrict__ dout, const float *__restrict__ in,
                         const float *__restrict__ out, cnnc_reduce_geom g, int64_t n_out, int64_t R, int form) {
    int64_t istride[CNNC_MAX_DIMS];
    in_strides(g, istride);
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n_out; o += stride) {
        const int64_t base = out_base(o, g, istride);
        const float m = out[o], d = dout[o];
        const bool nan_m = isnan(m);
        int64_t count = 0;
        for (int64_t r = 0; r < R; r++) {
            const float v = in[base + red_offset(r, g, istride)];
            count += form == CNNC_EXTREMUM_AMAX ? v == m : (nan_m ? isnan(v) : v == m);
        }
        const float share = d / (float)count;
        bool first = true;
        for (int64_t r = 0; r < R; r++) {
            const int64_t at = base + red_offset(r, g, istride);
            const float v = in[at];
            if (form == CNNC_EXTREMUM_AMAX) {
                din[at] = share * (float)(v == m);
            } else {
                const bool hit = nan_m ? isnan(v) : v == m;
                if (form == CNNC_EXTREMUM_DIM) {
                    din[at] = hit && first ? d : 0.0f;
                    if (hit) first = false;
                } else {
                    din[at] = hit ? share : 0.0f;
                }
            }
        }
    }
}

/* vector_norm as vector_norm_forward_cpu: one thread per output, in index order, in double. */
__global__ void __launch_bounds__(kBlock)
vector_norm_kernel(float *out, const float *__restrict__ in, cnnc_reduce_geom g, int64_t n_out, int64_t R, double ord) {
    int64_t istride[CNNC_MAX_DIMS];
    in_strides(g, istride);
    const bool inf = isinf(ord);
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n_out; o += stride) {
        const int64_t base = out_base(o, g, istride);
        double acc = 0.0;
        for (int64_t r = 0; r < R; r++) {
            const double a = fabs((double)in[base + red_offset(r, g, istride)]);
            if (inf) acc = (isnan(a) || a > acc) ? a : acc;
            else acc += ord == 1.0 ? a : ord == 2.0 ? a * a : pow(a, ord);
        }
        out[o] = (float)(inf || ord == 1.0 ? acc : ord == 2.0 ? sqrt(acc) : pow(acc, 1.0 / ord));
    }
}

/* As vector_norm_backward_cpu: each output's thread writes all of its inputs' gradients. */
__global__ void __launch_bounds__(kBlock)
vector_norm_backward_kernel(float *din, const float *__restrict__ dout, const float *__restrict__ in,
                            const float *__restrict__ out, cnnc_reduce_geom g, int64_t n_out, int64_t R, double ord) {
    int64_t istride[CNNC_MAX_DIMS];
    in_strides(g, istride);
    const bool inf = isinf(ord);
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n_out; o += stride) {
        const int64_t base = out_base(o, g, istride);
        const float n = out[o], d = dout[o];
        float scale;
        if (inf) {
            int64_t count = 0;
            for (int64_t r = 0; r < R; r++) {
                const float a = fabsf(in[base + red_offset(r, g, istride)]);
                count += a == n || isnan(a);
            }
            scale = d / (float)count;
        } else {
            scale = ord == 1.0 ? d : ord == 2.0 ? d / n : (float)((double)d / pow((double)n, ord - 1.0));
            if (n == 0.0f && ord != 1.0) scale = 0.0f;
        }
        for (int64_t r = 0; r < R; r++) {
            const int64_t at = base + red_offset(r, g, istride);
            const float x = in[at], a = fabsf(x), sgn = (float)((x > 0.0f) - (x < 0.0f));
            float v;
            if (inf) v = (a == n || isnan(a)) ? sgn * scale : 0.0f;
            else if (ord == 1.0) v = sgn * scale;
            else if (ord == 2.0) v = x * scale;
            else if (ord < 2.0) v = sgn * (float)pow((double)a, ord - 1.0) * scale;
            else v = x * (float)pow((double)a, ord - 2.0) * scale;
            din[at] = v;
        }
    }
}

/* var/std as moment_forward_cpu: one thread per output, in index order, in double. */
__global__ void __launch_bounds__(kBlock)
moment_kernel(float *out, const float *__restrict__ in, cnnc_reduce_geom g, int64_t n_out, int64_t R, double correction,
              int is_std) {
    int64_t istride[CNNC_MAX_DIMS];
    in_strides(g, istride);
    const double div = (double)R - correction > 0.0 ? (double)R - correction : 0.0;   /* max(0, N - correction) */
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n_out; o += stride) {
        const int64_t base = out_base(o, g, istride);
        double mean = 0.0, ss = 0.0;
        for (int64_t r = 0; r < R; r++) mean += (double)in[base + red_offset(r, g, istride)];
        mean /= (double)R;
        for (int64_t r = 0; r < R; r++) {
            const double d = (double)in[base + red_offset(r, g, istride)] - mean;
            ss += d * d;
        }
        const double v = ss / div;
        out[o] = (float)(is_std ? sqrt(v) : v);
    }
}

/* As moment_backward_cpu (products and quotients only: nothing nvcc could fuse). */
__global__ void __launch_bounds__(kBlock)
moment_backward_kernel(float *din, const float *__restrict__ dout, const float *__restrict__ in, const float *__restrict__ out,
                       cnnc_reduce_geom g, int64_t n_out, int64_t R, double correction, int is_std) {
    int64_t istride[CNNC_MAX_DIMS];
    in_strides(g, istride);
    const float div = (float)((double)R - correction);
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t o = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; o < n_out; o += stride) {
        const int64_t base = out_base(o, g, istride);
        double mean = 0.0;
        for (int64_t r = 0; r < R; r++) mean += (double)in[base + red_offset(r, g, istride)];
        const float m = (float)(mean / (double)R);
        const float gv = is_std ? dout[o] / (out[o] * 2.0f) : dout[o];
        for (int64_t r = 0; r < R; r++) {
            const int64_t at = base + red_offset(r, g, istride);
            din[at] = gv * 2.0f * (in[at] - m) / div;
        }
    }
}

/* How many outputs g has, and how many inputs each reduces. */
void out_and_reduced(const cnnc_reduce_geom *g, int64_t *n_out, int64_t *R) {
    *n_out = *R = 1;
    for (int32_t k = 0; k < g->ndim; k++) {
        if ((g->reduced >> k) & 1u) *R *= g->size[k];
        else *n_out *= g->size[k];
    }
}

} /* namespace */

extern "C" cnnc_status extremum_forward_cuda(float *out, const float *in, const cnnc_reduce_geom *g, int is_max,
                                             cudaStream_t stream, cnnc_error *err) {
    int64_t n_out, R;
    out_and_reduced(g, &n_out, &R);
    if (n_out <= 0) return CNNC_OK;
    extremum_kernel<<<grid_for(n_out), kBlock, 0, stream>>>(out, in, *g, n_out, R, is_max);
    CNNC_LAUNCH_CHECK(extremum_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status extremum_backward_cuda(float *din, const float *dout, const float *in, const float *out,
                                              const cnnc_reduce_geom *g, int form, cudaStream_t stream, cnnc_error *err) {
    int64_t n_out, R;
    out_and_reduced(g, &n_out, &R);
    if (n_out <= 0 || !din) return CNNC_OK;
    extremum_backward_kernel<<<grid_for(n_out), kBlock, 0, stream>>>(din, dout, in, out, *g, n_out, R, form);
    CNNC_LAUNCH_CHECK(extremum_backward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status vector_norm_forward_cuda(float *out, const float *in, const cnnc_reduce_geom *g, double ord,
                                                cudaStream_t stream, cnnc_error *err) {
    int64_t n_out, R;
    out_and_reduced(g, &n_out, &R);
    if (n_out <= 0) return CNNC_OK;
    vector_norm_kernel<<<grid_for(n_out), kBlock, 0, stream>>>(out, in, *g, n_out, R, ord);
    CNNC_LAUNCH_CHECK(vector_norm_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status vector_norm_backward_cuda(float *din, const float *dout, const float *in, const float *out,
                                                 const cnnc_reduce_geom *g, double ord, cudaStream_t stream, cnnc_error *err) {
    int64_t n_out, R;
    out_and_reduced(g, &n_out, &R);
    if (n_out <= 0 || !din) return CNNC_OK;
    vector_norm_backward_kernel<<<grid_for(n_out), kBlock, 0, stream>>>(din, dout, in, out, *g, n_out, R, ord);
    CNNC_LAUNCH_CHECK(vector_norm_backward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status moment_forward_cuda(float *out, const float *in, const cnnc_reduce_geom *g, double correction, int is_std,
                                           cudaStream_t stream, cnnc_error *err) {
    int64_t n_out, R;
    out_and_reduced(g, &n_out, &R);
    if (n_out <= 0) return CNNC_OK;
    moment_kernel<<<grid_for(n_out), kBlock, 0, stream>>>(out, in, *g, n_out, R, correction, is_std);
    CNNC_LAUNCH_CHECK(moment_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status moment_backward_cuda(float *din, const float *dout, const float *in, const float *out,
                                            const cnnc_reduce_geom *g, double correction, int is_std, cudaStream_t stream,
                                            cnnc_error *err) {
    int64_t n_out, R;
    out_and_reduced(g, &n_out, &R);
    if (n_out <= 0 || !din) return CNNC_OK;
    moment_backward_kernel<<<grid_for(n_out), kBlock, 0, stream>>>(din, dout, in, out, *g, n_out, R, correction, is_std);
    CNNC_LAUNCH_CHECK(moment_backward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status reduce_forward_cuda(float *out, const float *in, const cnnc_reduce_geom *g, int mean,
                                           cudaStream_t stream, cnnc_error *err) {
    int64_t n_out, R;
    out_and_reduced(g, &n_out, &R);
    if (n_out <= 0) return CNNC_OK;
    if (R >= CNNC_CUDA_BLOCK_REDUCE_MIN) {
        reduce_block_kernel<<<grid_units(n_out), kBlock, 0, stream>>>(out, in, *g, n_out, R, mean);
        CNNC_LAUNCH_CHECK(reduce_block_kernel);
    } else {
        reduce_kernel<<<grid_for(n_out), kBlock, 0, stream>>>(out, in, *g, n_out, R, mean);
        CNNC_LAUNCH_CHECK(reduce_kernel);
    }
    return CNNC_OK;
}

extern "C" cnnc_status reduce_backward_cuda(float *din, const float *dout, const cnnc_reduce_geom *g, int mean,
                                            cudaStream_t stream, cnnc_error *err) {
    int64_t n_in = 1;
    for (int32_t k = 0; k < g->ndim; k++) n_in *= g->size[k];
    if (n_in <= 0 || !din) return CNNC_OK;
    reduce_backward_kernel<<<grid_for(n_in), kBlock, 0, stream>>>(din, dout, *g, n_in, mean);
    CNNC_LAUNCH_CHECK(reduce_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entries ---- */
#include "backend_cuda.h"

static cnnc_status reduce_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return reduce_forward_cuda(r->out, r->in[0], &r->shape->g.reduce, r->layer->kind == CNNC_MEAN, st->stream, err);
}

static cnnc_status reduce_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return reduce_backward_cuda(r->din[0], r->dout, &r->shape->g.reduce, r->layer->kind == CNNC_MEAN, st->stream, err);
}

static cnnc_status extremum_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return extremum_forward_cuda(r->out, r->in[0], &r->shape->g.reduce, r->layer->kind == CNNC_AMAX, st->stream, err);
}

static cnnc_status extremum_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return extremum_backward_cuda(r->din[0], r->dout, r->in[0], r->out, &r->shape->g.reduce, r->layer->p.reduce.form,
                                  st->stream, err);
}

static cnnc_status vector_norm_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return vector_norm_forward_cuda(r->out, r->in[0], &r->shape->g.reduce, r->layer->p.reduce.ord, st->stream, err);
}

static cnnc_status vector_norm_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return vector_norm_backward_cuda(r->din[0], r->dout, r->in[0], r->out, &r->shape->g.reduce, r->layer->p.reduce.ord,
                                     st->stream, err);
}

static cnnc_status moment_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return moment_forward_cuda(r->out, r->in[0], &r->shape->g.reduce, r->layer->p.reduce.correction,
                               r->layer->kind == CNNC_STD, st->stream, err);
}

static cnnc_status moment_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return moment_backward_cuda(r->din[0], r->dout, r->in[0], r->out, &r->shape->g.reduce, r->layer->p.reduce.correction,
                                r->layer->kind == CNNC_STD, st->stream, err);
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_var = {{NULL, NULL, moment_fwd, moment_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_std = {{NULL, NULL, moment_fwd, moment_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_vector_norm = {{NULL, NULL, vector_norm_fwd, vector_norm_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_amax = {{NULL, NULL, extremum_fwd, extremum_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_amin = {{NULL, NULL, extremum_fwd, extremum_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_mean = {{NULL, NULL, reduce_fwd, reduce_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_sum = {{NULL, NULL, reduce_fwd, reduce_bwd}, NULL, NULL};
