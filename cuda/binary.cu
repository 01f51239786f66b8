/* binary.cu — add, sub, mul and div on CUDA with PyTorch's broadcasting, as
 * binary_*_cpu: forward walks the output; backward sums each operand's
 * gradient over the dims it was broadcast along, in double, one thread per
 * element in the CPU's order, or one block per element (block_sum's fixed
 * tree) where each sums CNNC_CUDA_BLOCK_REDUCE_MIN values or more. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "block_sum.h"
#include "mul_rn.h"

namespace {

using namespace cnnc_launch;

template <int OP>
__device__ __forceinline__ float apply_op(float x, float y, float alpha) {
    if (OP == (int)CNNC_ADD) return x + mul_rn(alpha, y);
    if (OP == (int)CNNC_SUB) return x - mul_rn(alpha, y);
    if (OP == (int)CNNC_MUL) return x * y;
    if (OP == (int)CNNC_MAXIMUM) return x != x || y != y ? x + y : x > y ? x : y;   /* a NaN wins */
    if (OP == (int)CNNC_MINIMUM) return x != x || y != y ? x + y : x < y ? x : y;
    return x / y;
}

/* As the CPU's grad_term: the operand's (SIDE 0: a, 1: b) share at one output. */
template <int OP, int SIDE>
__device__ __forceinline__ float grad_term(float d, float x, float y, float alpha) {
    if (OP == (int)CNNC_ADD) return SIDE ? alpha * d : d;
    if (OP == (int)CNNC_SUB) return SIDE ? -d * alpha : d;
    if (OP == (int)CNNC_MUL) return SIDE ? d * x : d * y;
    if (OP == (int)CNNC_MAXIMUM) return x == y ? d / 2.0f : (SIDE ? x > y : x < y) ? 0.0f : d;
    if (OP == (int)CNNC_MINIMUM) return x == y ? d / 2.0f : (SIDE ? x < y : x > y) ? 0.0f : d;
    return SIDE ? -d * ((x / y) / y) : d / y;
}

/* No __restrict__ on out/a/b: callers may pass the same tensor twice (x * x). */
template <int OP>
__global__ void __launch_bounds__(kBlock)
binary_forward_kernel(float *out, const float *a, const float *b, float a_s, float b_s, float alpha, cnnc_bcast_geom g,
                      int64_t n) {
    const float *A = a ? a : &a_s, *B = b ? b : &b_s;   /* a scalar's strides are all 0 */
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        int64_t rem = i, ia = 0, ib = 0;
        for (int k = g.ndim - 1; k >= 0; k--) {
            const int64_t c = rem % g.size[k];
            rem /= g.size[k];
            ia += c * g.sa[k];
            ib += c * g.sb[k];
        }
        out[i] = apply_op<OP>(A[ia], B[ib], alpha);
    }
}

/* Where operand element j (SIDE's own dims) starts in the output and in both operands. */
template <int SIDE>
__device__ __forceinline__ void grad_bases(int64_t j, const cnnc_bcast_geom &g, const int64_t *ostride, int64_t *o,
                                           int64_t *ia, int64_t *ib) {
    const int64_t *sx = SIDE ? g.sb : g.sa;
    *o = *ia = *ib = 0;
    for (int k = g.ndim - 1; k >= 0; k--) {
        if (sx[k] == 0) continue;
        const int64_t c = j % g.size[k];
        j /= g.size[k];
        *o += c * ostride[k];
        *ia += c * g.sa[k];
        *ib += c * g.sb[k];
    }
}

/* The r-th output position (in index order) over the dims SIDE was broadcast along. */
template <int OP, int SIDE>
__device__ __forceinline__ float grad_at(int64_t r, const cnnc_bcast_geom &g, const int64_t *ostride, int64_t o,
                                         int64_t ia, int64_t ib, const float *dout, const float *A, const float *B,
                                         float alpha) {
    const int64_t *sx = SIDE ? g.sb : g.sa;
    for (int k = g.ndim - 1; k >= 0; k--) {
        if (sx[k] != 0) continue;
        const int64_t c = r % g.size[k];
        r /= g.size[k];
        o += c * ostride[k];
        ia += c * g.sa[k];
        ib += c * g.sb[k];
    }
    return grad_term<OP, SIDE>(dout[o], A[ia], B[ib], alpha);
}

__device__ __forceinline__ void out_strides(const cnnc_bcast_geom &g, int64_t *ostride) {
    int64_t s = 1;
    for (int k = g.ndim - 1; k >= 0; k--) {
        ostride[k] = s;
        s *= g.size[k];
    }
}

template <int OP, int SIDE>
__global__ void __launch_bounds__(kBlock)
binary_grad_kernel(float *dx, int64_t nx, int64_t R, const float *dout, const float *a, const float *b, float a_s,
                   float b_s, float alpha, cnnc_bcast_geom g) {
    const float *A = a ? a : &a_s, *B = b ? b : &b_s;
    int64_t ostride[CNNC_MAX_DIMS];
    out_strides(g, ostride);
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < nx; j += stride) {
        int64_t o, ia, ib;
        grad_bases<SIDE>(j, g, ostride, &o, &ia, &ib);
        double acc = 0.0;
        for (int64_t r = 0; r < R; r++) acc += (double)grad_at<OP, SIDE>(r, g, ostride, o, ia, ib, dout, A, B, alpha);
        dx[j] = (float)acc;
    }
}

template <int OP, int SIDE>
__global__ void __launch_bounds__(kBlock)
binary_grad_block_kernel(float *dx, int64_t nx, int64_t R, const float *dout, const float *a, const float *b,
                         float a_s, float b_s, float alpha, cnnc_bcast_geom g) {
    __shared__ double smem[kBlock / 32];
    const float *A = a ? a : &a_s, *B = b ? b : &b_s;
    int64_t ostride[CNNC_MAX_DIMS];
    out_strides(g, ostride);
    for (int64_t j = blockIdx.x; j < nx; j += gridDim.x) {   /* uniform across the block: block_sum is safe */
        int64_t o, ia, ib;
        grad_bases<SIDE>(j, g, ostride, &o, &ia, &ib);
        double acc = 0.0;
        for (int64_t r = threadIdx.x; r < R; r += blockDim.x)
            acc += (double)grad_at<OP, SIDE>(r, g, ostride, o, ia, ib, dout, A, B, alpha);
        acc = block_sum(acc, smem);
        if (threadIdx.x == 0) dx[j] = (float)acc;
    }
}

int64_t numel_of(const cnnc_bcast_geom *g) {
    int64_t n = 1;
    for (int32_t k = 0; k < g->ndim; k++) n *= g->size[k];
    return n;
}

template <int OP>
cnnc_status forward_op(float *out, const float *a, const float *b, float a_s, float b_s, float alpha,
                       const cnnc_bcast_geom *g, int64_t n, cudaStream_t stream, cnnc_error *err) {
    binary_forward_kernel<OP><<<grid_for(n), kBlock, 0, stream>>>(out, a, b, a_s, b_s, alpha, *g, n);
    CNNC_LAUNCH_CHECK(binary_forward_kernel);
    return CNNC_OK;
}

template <int OP, int SIDE>
cnnc_status grad_op(float *dx, int64_t nx, const float *dout, const float *a, const float *b, float a_s, float b_s,
                    float alpha, const cnnc_bcast_geom *g, cudaStream_t stream, cnnc_error *err) {
    const int64_t *sx = SIDE ? g->sb : g->sa;
    int64_t R = 1;
    for (int32_t k = 0; k < g->ndim; k++)
        if (sx[k] == 0) R *= g->size[k];
    if (R >= CNNC_CUDA_BLOCK_REDUCE_MIN) {
        binary_grad_block_kernel<OP, SIDE><<<grid_units(nx), kBlock, 0, stream>>>(dx, nx, R, dout, a, b, a_s, b_s, alpha, *g);
        CNNC_LAUNCH_CHECK(binary_grad_block_kernel);
    } else {
        binary_grad_kernel<OP, SIDE><<<grid_for(nx), kBlock, 0, stream>>>(dx, nx, R, dout, a, b, a_s, b_s, alpha, *g);
        CNNC_LAUNCH_CHECK(binary_grad_kernel);
    }
    return CNNC_OK;
}

template <int OP>
cnnc_status backward_op(float *da, int64_t na, float *db, int64_t nb, const float *dout, const float *a, const float *b,
                        float a_s, float b_s, float alpha, const cnnc_bcast_geom *g, cudaStream_t stream, cnnc_error *err) {
    cnnc_status s = CNNC_OK;
    if (da && na > 0) s = grad_op<OP, 0>(da, na, dout, a, b, a_s, b_s, alpha, g, stream, err);
    if (s == CNNC_OK && db && nb > 0) s = grad_op<OP, 1>(db, nb, dout, a, b, a_s, b_s, alpha, g, stream, err);
    return s;
}

} /* namespace */

extern "C" cnnc_status binary_forward_cuda(float *out, const float *a, const float *b, float a_s, float b_s, float alpha,
                                           cnnc_layer_kind op, const cnnc_bcast_geom *g, cudaStream_t stream,
                                           cnnc_error *err) {
    const int64_t n = numel_of(g);
    if (n <= 0) return CNNC_OK;
    switch (op) {
    case CNNC_ADD: return forward_op<(int)CNNC_ADD>(out, a, b, a_s, b_s, alpha, g, n, stream, err);
    case CNNC_SUB: return forward_op<(int)CNNC_SUB>(out, a, b, a_s, b_s, alpha, g, n, stream, err);
    case CNNC_MUL: return forward_op<(int)CNNC_MUL>(out, a, b, a_s, b_s, alpha, g, n, stream, err);
    case CNNC_MAXIMUM: return forward_op<(int)CNNC_MAXIMUM>(out, a, b, a_s, b_s, alpha, g, n, stream, err);
    case CNNC_MINIMUM: return forward_op<(int)CNNC_MINIMUM>(out, a, b, a_s, b_s, alpha, g, n, stream, err);
    default: return forward_op<(int)CNNC_DIV>(out, a, b, a_s, b_s, alpha, g, n, stream, err);
    }
}

extern "C" cnnc_status binary_backward_cuda(float *da, int64_t na, float *db, int64_t nb, const float *dout,
                                            const float *a, const float *b, float a_s, float b_s, float alpha,
                                            cnnc_layer_kind op, const cnnc_bcast_geom *g, cudaStream_t stream,
                                            cnnc_error *err) {
    if (numel_of(g) == 0) {   /* nothing flowed back: zero gradients */
        if (da && na > 0) CNNC_CUDA_CHECK(cudaMemsetAsync(da, 0, (size_t)na * sizeof(float), stream));
        if (db && nb > 0) CNNC_CUDA_CHECK(cudaMemsetAsync(db, 0, (size_t)nb * sizeof(float), stream));
        return CNNC_OK;
    }
    switch (op) {
    case CNNC_ADD: return backward_op<(int)CNNC_ADD>(da, na, db, nb, dout, a, b, a_s, b_s, alpha, g, stream, err);
    case CNNC_SUB: return backward_op<(int)CNNC_SUB>(da, na, db, nb, dout, a, b, a_s, b_s, alpha, g, stream, err);
    case CNNC_MUL: return backward_op<(int)CNNC_MUL>(da, na, db, nb, dout, a, b, a_s, b_s, alpha, g, stream, err);
    case CNNC_MAXIMUM: return backward_op<(int)CNNC_MAXIMUM>(da, na, db, nb, dout, a, b, a_s, b_s, alpha, g, stream, err);
    case CNNC_MINIMUM: return backward_op<(int)CNNC_MINIMUM>(da, na, db, nb, dout, a, b, a_s, b_s, alpha, g, stream, err);
    default: return backward_op<(int)CNNC_DIV>(da, na, db, nb, dout, a, b, a_s, b_s, alpha, g, stream, err);
    }
}

/* ---- the engine's entries (add, sub, mul, div share them) ---- */
#include "backend_cuda.h"

namespace {

struct Operands {
    const float *a = nullptr, *b = nullptr;
    float a_s = 0.0f, b_s = 0.0f;
    float *da = nullptr, *db = nullptr;
    int64_t na = 0, nb = 0;
};

Operands operands_of(const cnnc_engine *e, const cnnc_node_run *r) {
    const cnnc_binary_params *p = &r->layer->p.binary;
    Operands o;
    if (p->scalar == CNNC_SCALAR_NONE) {
        o.a = r->in[0];
        o.b = r->in[1];
        o.da = r->din[0];
        o.db = r->din[1];
        o.na = cnnc_engine_input_numel(e, r->index, 0);
        o.nb = cnnc_engine_input_numel(e, r->index, 1);
    } else if (p->scalar == CNNC_SCALAR_RIGHT) {
        o.a = r->in[0];
        o.b_s = (float)p->value;
        o.da = r->din[0];
        o.na = r->shape->out_numel;
    } else {
        o.b = r->in[0];
        o.a_s = (float)p->value;
        o.db = r->din[0];
        o.nb = r->shape->out_numel;
    }
    return o;
}

cnnc_status binary_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    const Operands o = operands_of(e, r);
    return binary_forward_cuda(r->out, o.a, o.b, o.a_s, o.b_s, (float)r->layer->p.binary.alpha, r->layer->kind,
                               &r->shape->g.bcast, st->stream, err);
}

cnnc_status binary_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const Operands o = operands_of(e, r);
    if (!o.da && !o.db) return CNNC_OK;
    return binary_backward_cuda(o.da, o.na, o.db, o.nb, r->dout, o.a, o.b, o.a_s, o.b_s, (float)r->layer->p.binary.alpha,
                                r->layer->kind, &r->shape->g.bcast, st->stream, err);
}

} /* namespace */

extern "C" const cnnc_cuda_kernel cnnc_cuda_add = {{NULL, NULL, binary_fwd, binary_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_sub = {{NULL, NULL, binary_fwd, binary_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_mul = {{NULL, NULL, binary_fwd, binary_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_maximum = {{NULL, NULL, binary_fwd, binary_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_minimum = {{NULL, NULL, binary_fwd, binary_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_div = {{NULL, NULL, binary_fwd, binary_bwd}, NULL, NULL};
