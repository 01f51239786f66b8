/* conv_direct.cu — the direct convolution engine for layers with few taps per
 * output (conv_direct.h says which, and holds the per-point arithmetic).
 *   forward: one thread per output pixel of one group, all its output
 *            channels in registers, the group's weights and taps in shared
 *            memory;
 *   weight gradient: one block per (slice of samples, output channel), Kc
 *            register accumulators per thread, a fixed-order block sum into
 *            per-slice partials, then column_sums_cuda over the slices;
 *   input gradient: one thread per input pixel, a gather over the output
 *            pixels whose windows cover it (no atomics);
 *   bias gradient: bias_backward_cuda, as the other engines.
 * Every sum has a fixed order, so results are bitwise reproducible. */
#include <cuda_runtime.h>
#include "backend_cuda.h"
#include "conv_direct.h"
#include "cuda_check.h"
#include "cuda_kernels.h"
#include "launch.h"

namespace {

using namespace cnnc_launch;
using cnnc_direct::Dims;
using cnnc_direct::Tap;
using cnnc_direct::kMaxOut;
using cnnc_direct::kMaxTaps;

/* The block's group's weights [OCg][Kc] into shared memory (caller syncs). */
__device__ __forceinline__ void load_group_weights(float *w_s, const float *weight, const Dims &d, int grp) {
    for (int i = threadIdx.x; i < d.OCg * d.Kc; i += blockDim.x) w_s[i] = weight[grp * d.OCg * d.Kc + i];
}

/* blockIdx.y = group; grid-stride over the N*OH*OW output pixels. */
template <int OCMAX>
__global__ void __launch_bounds__(kBlock)
direct_forward_kernel(float *__restrict__ out, const float *__restrict__ in, const float *__restrict__ weight,
                      const float *__restrict__ bias, Dims d) {
    __shared__ float w_s[kMaxOut * kMaxTaps];
    __shared__ Tap taps_s[kMaxTaps];
    const int grp = blockIdx.y;
    load_group_weights(w_s, weight, d, grp);
    for (int k = threadIdx.x; k < d.Kc; k += blockDim.x) taps_s[k] = cnnc_direct::tap_of(d, k);
    __syncthreads();
    const int plane = d.OH * d.OW, total = d.N * plane;
    const float *bias_g = bias ? bias + grp * d.OCg : nullptr;
    for (int j = blockIdx.x * blockDim.x + threadIdx.x; j < total; j += blockDim.x * gridDim.x) {
        const int n = j / plane, p = j - n * plane, oh = p / d.OW, ow = p - oh * d.OW;
        cnnc_direct::forward_point<OCMAX>(out + (n * d.OC + grp * d.OCg) * plane,
                                          in + (n * d.C + grp * d.Cg) * d.H * d.W, w_s, bias_g, taps_s, d, oh, ow);
    }
}

/* Threads per weight-gradient block. ptxas keeps the 32 accumulators and the
 * taps in registers (168, no spills; capping it at 128 spills), so smaller
 * blocks let three share an SM. */
constexpr int kWgradBlock = 128;

/* blockIdx.x = slice of samples, blockIdx.y = output channel. Writes
 * partials[slice][oc][k] for k < Kc. */
__global__ void __launch_bounds__(kWgradBlock)
direct_wgrad_kernel(float *__restrict__ partials, const float *__restrict__ dout, const float *__restrict__ in,
                    Dims d, int slices) {
    __shared__ Tap taps_s[kMaxTaps];
    __shared__ float warp_sums[kWgradBlock / 32][kMaxTaps];
    const int slice = blockIdx.x, oc = blockIdx.y, grp = oc / d.OCg;
    for (int k = threadIdx.x; k < d.Kc; k += blockDim.x) taps_s[k] = cnnc_direct::tap_of(d, k);
    __syncthreads();
    int n0, n1;
    cnnc_direct::slice_range(d.N, slices, slice, &n0, &n1);
    const int plane = d.OH * d.OW, count = (n1 - n0) * plane;
    float acc[kMaxTaps];
#pragma unroll
    for (int k = 0; k < kMaxTaps; ++k) acc[k] = 0.0f;
    for (int j = threadIdx.x; j < count; j += blockDim.x) {
        const int n = n0 + j / plane, p = j % plane, oh = p / d.OW, ow = p - oh * d.OW;
        const float g = dout[(n * d.OC + oc) * plane + p];
        cnnc_direct::wgrad_point(acc, g, in + (n * d.C + grp * d.Cg) * d.H * d.W, taps_s, d, oh, ow);
    }
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
#pragma unroll
    for (int k = 0; k < kMaxTaps; ++k) {
        if (k < d.Kc) {  /* uniform across the block: every lane shuffles */
            float v = acc[k];
            for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
            if (lane == 0) warp_sums[warp][k] = v;
        }
    }
    __syncthreads();
    if (threadIdx.x < d.Kc) {
        float s = 0.0f;
        for (int w = 0; w < kWgradBlock / 32; ++w) s += warp_sums[w][threadIdx.x];
        partials[(slice * d.OC + oc) * d.Kc + threadIdx.x] = s;
    }
}

/* blockIdx.y = group; grid-stride over the N*Cg*H*W input pixels of the group. */
__global__ void __launch_bounds__(kBlock)
direct_dgrad_kernel(float *__restrict__ din, const float *__restrict__ dout, const float *__restrict__ weight,
                    Dims d) {
    __shared__ float w_s[kMaxOut * kMaxTaps];
    const int grp = blockIdx.y;
    load_group_weights(w_s, weight, d, grp);
    __syncthreads();
    const int hw = d.H * d.W, per_sample = d.Cg * hw, total = d.N * per_sample;
    for (int j = blockIdx.x * blockDim.x + threadIdx.x; j < total; j += blockDim.x * gridDim.x) {
        const int n = j / per_sample, r = j - n * per_sample, cl = r / hw, q = r - cl * hw;
        const int ih = q / d.W, iw = q - ih * d.W;
        din[(n * d.C + grp * d.Cg + cl) * hw + q] = cnnc_direct::dgrad_point(
            dout + (n * d.OC + grp * d.OCg) * d.OH * d.OW, w_s, d, cl, ih, iw);
    }
}

}  // namespace

extern "C" int cnnc_direct_conv_supported(const cnnc_conv_geom *g) { return cnnc_direct::supported(g) ? 1 : 0; }

extern "C" size_t cnnc_direct_conv_workspace_bytes(const cnnc_conv_geom *g_max) {
    if (!cnnc_direct::supported(g_max)) return 0;
    const int64_t Kc = g_max->C / g_max->groups * g_max->KH * g_max->KW;
    return (size_t)cnnc_direct::wgrad_slices(g_max->N, g_max->OC) * (size_t)(g_max->OC * Kc) * sizeof(float);
}

extern "C" cnnc_status cnnc_direct_conv_forward(float *out, const float *in, const float *weight, const float *bias,
                                                const cnnc_conv_geom *g, cudaStream_t stream, cnnc_error *err) {
    if (!cnnc_direct::supported(g) || g->groups > 65535)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "the direct conv engine does not take this geometry (C/groups*KH*KW = %lld taps, "
                              "%lld output channels per group)",
                              (long long)(g->C / (g->groups > 0 ? g->groups : 1) * g->KH * g->KW),
                              (long long)(g->OC / (g->groups > 0 ? g->groups : 1)));
    const Dims d = cnnc_direct::dims_of(g);
    if (d.N == 0) return CNNC_OK;
    const dim3 grid(grid_for((int64_t)d.N * d.OH * d.OW), (unsigned)d.G);
    if (d.OCg <= 8)
        direct_forward_kernel<8><<<grid, kBlock, 0, stream>>>(out, in, weight, bias, d);
    else if (d.OCg <= 16)
        direct_forward_kernel<16><<<grid, kBlock, 0, stream>>>(out, in, weight, bias, d);
    else
        direct_forward_kernel<32><<<grid, kBlock, 0, stream>>>(out, in, weight, bias, d);
    CNNC_LAUNCH_CHECK(direct_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status cnnc_direct_conv_backward(float *din, float *dweight, float *dbias, const float *dout,
                                                 const float *in, const float *weight, const cnnc_conv_geom *g,
                                                 float *workspace, size_t ws_bytes, cudaStream_t stream,
                                                 cnnc_error *err) {
    if (!cnnc_direct::supported(g) || g->groups > 65535 || g->OC > 65535)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                              "the direct conv engine does not take this geometry");
    const Dims d = cnnc_direct::dims_of(g);
    if (d.N == 0) return CNNC_OK;
    cnnc_status st;
    if (dbias && (st = bias_backward_cuda(dbias, dout, g->N, g->OC, g->OH * g->OW, stream, err))) return st;
    if (dweight) {
        const int slices = cnnc_direct::wgrad_slices(d.N, d.OC);
        const size_t need = (size_t)slices * (size_t)(d.OC * d.Kc) * sizeof(float);
        if (!workspace || ws_bytes < need)
            return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                                  "direct conv needs %zu bytes of workspace for its weight-gradient partials; the "
                                  "plan has %zu", need, ws_bytes);
        direct_wgrad_kernel<<<dim3((unsigned)slices, (unsigned)d.OC), kWgradBlock, 0, stream>>>(workspace, dout, in, d,
                                                                                           slices);
        CNNC_LAUNCH_CHECK(direct_wgrad_kernel);
        if ((st = column_sums_cuda(dweight, workspace, slices, (int64_t)d.OC * d.Kc, 1, 0, stream, err))) return st;
    }
    if (din) {
        const dim3 grid(grid_for((int64_t)d.N * d.Cg * d.H * d.W), (unsigned)d.G);
        direct_dgrad_kernel<<<grid, kBlock, 0, stream>>>(din, dout, weight, d);
        CNNC_LAUNCH_CHECK(direct_dgrad_kernel);
    }
    return CNNC_OK;
}
