/* pad2d.cu — constant, reflect, replicate and circular padding of the last three dims
 * (D = 1 unless 6 numbers pad dim -3) on CUDA with the CPU's index rules (layers/plane_index.h). The backward
 * gathers, per input element, over the outputs that read it (a range per dim
 * for constant and replicate, up to three single outputs for reflect and circular), in the
 * order the CPU scatter adds them: the results equal the CPU's bit for bit. */
#include <stdint.h>
#include <cuda_runtime.h>
#include "cuda_kernels.h"
#include "cuda_check.h"
#include "launch.h"
#include "layers/plane_index.h"

namespace {

using namespace cnnc_launch;

/* The outputs along one dim that read input index i, as up to three
 * ascending, disjoint ranges [a[k], b[k]); returns how many. */
__device__ __forceinline__ int pad_preimage(int64_t i, int64_t in, int64_t out, int64_t lo, cnnc_pad2d_mode mode,
                                            int64_t a[3], int64_t b[3]) {
    int n = 0;
    if (mode == CNNC_PAD2D_CIRCULAR) {   /* the output of i in the period, and its wraps one period away */
        const int64_t hi = out - in - lo, cl = lo < 0 ? -lo : 0, cr = hi < 0 ? -hi : 0, pl = lo > 0 ? lo : 0;
        const int64_t period = in - cl - cr;
        if (period <= 0 || i < cl || i >= in - cr) return 0;
        for (int k = -1; k <= 1; k++) {
            const int64_t o = pl + (i - cl) + k * period;
            if (o < 0 || o >= out) continue;
            a[n] = o;
            b[n] = o + 1;
            n++;
        }
        return n;
    }
    if (mode == CNNC_PAD2D_REPLICATE) {
        int64_t first = i == 0 ? 0 : i + lo, last = i == in - 1 ? out - 1 : i + lo;
        if (first < 0) first = 0;
        if (last > out - 1) last = out - 1;
        if (first <= last) { a[0] = first; b[0] = last + 1; n = 1; }
        return n;
    }
    /* constant: o = i + lo; reflect adds the mirror images before and after */
    const int64_t cand[3] = {lo - i, i + lo, 2 * in + lo - 2 - i};
    for (int k = 0; k < 3; k++) {
        if (mode == CNNC_PAD2D_CONSTANT && k != 1) continue;
        const int64_t o = cand[k];
        if (o < 0 || o >= out || cnnc_pad_src(o, in, out, lo, mode) != i) continue;
        if (n > 0 && o < b[n - 1]) continue;  /* keep them ascending and distinct */
        a[n] = o;
        b[n] = o + 1;
        n++;
    }
    return n;
}

__global__ void __launch_bounds__(kBlock)
pad_forward_kernel(float *__restrict__ out, const float *__restrict__ in, cnnc_pad2d_geom g, int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t ow = j % g.OW, oh = (j / g.OW) % g.OH, od = (j / (g.OW * g.OH)) % g.OD,
                      p = j / (g.OW * g.OH * g.OD);
        const int64_t id = cnnc_pad_src(od, g.D, g.OD, g.front, g.mode), ih = cnnc_pad_src(oh, g.H, g.OH, g.top, g.mode),
                      iw = cnnc_pad_src(ow, g.W, g.OW, g.left, g.mode);
        out[j] = id < 0 || ih < 0 || iw < 0 ? g.value : in[((p * g.D + id) * g.H + ih) * g.W + iw];
    }
}

__global__ void __launch_bounds__(kBlock)
pad_backward_kernel(float *__restrict__ din, const float *__restrict__ dout, cnnc_pad2d_geom g, int64_t total) {
    const int64_t stride = (int64_t)blockDim.x * gridDim.x;
    for (int64_t j = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; j < total; j += stride) {
        const int64_t w = j % g.W, h = (j / g.W) % g.H, d = (j / (g.W * g.H)) % g.D, p = j / (g.W * g.H * g.D);
        int64_t da[3], db[3], ha[3], hb[3], wa[3], wb[3];
        const int n_d = pad_preimage(d, g.D, g.OD, g.front, g.mode, da, db);
        const int nh = pad_preimage(h, g.H, g.OH, g.top, g.mode, ha, hb);
        const int nw = pad_preimage(w, g.W, g.OW, g.left, g.mode, wa, wb);
        const float *go = dout + p * g.OD * g.OH * g.OW;
        float acc = 0.0f;
        /* (od, oh, ow) ascending: the order the CPU scatter adds them */
        for (int s = 0; s < n_d; s++)
            for (int64_t od = da[s]; od < db[s]; od++)
                for (int r = 0; r < nh; r++)
                    for (int64_t oh = ha[r]; oh < hb[r]; oh++)
                        for (int c = 0; c < nw; c++)
                            for (int64_t ow = wa[c]; ow < wb[c]; ow++) acc += go[(od * g.OH + oh) * g.OW + ow];
        din[j] = acc;
    }
}

} /* namespace */

extern "C" cnnc_status pad2d_forward_cuda(float *out, const float *in, const cnnc_pad2d_geom *g, cudaStream_t stream,
                                          cnnc_error *err) {
    const int64_t total = g->planes * g->OD * g->OH * g->OW;
    if (total <= 0) return CNNC_OK;
    pad_forward_kernel<<<grid_for(total), kBlock, 0, stream>>>(out, in, *g, total);
    CNNC_LAUNCH_CHECK(pad_forward_kernel);
    return CNNC_OK;
}

extern "C" cnnc_status pad2d_backward_cuda(float *din, const float *dout, const cnnc_pad2d_geom *g, cudaStream_t stream,
                                           cnnc_error *err) {
    const int64_t total = g->planes * g->D * g->H * g->W;
    if (total <= 0 || !din) return CNNC_OK;
    pad_backward_kernel<<<grid_for(total), kBlock, 0, stream>>>(din, dout, *g, total);
    CNNC_LAUNCH_CHECK(pad_backward_kernel);
    return CNNC_OK;
}

/* ---- the engine's entries (one per kind, the same kernels) ---- */
#include "backend_cuda.h"

static cnnc_status pad_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train;
    CUDA_ENTER(e, st);
    return pad2d_forward_cuda(r->out, r->in[0], &r->shape->g.pad2d, st->stream, err);
}

static cnnc_status pad_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    CUDA_ENTER(e, st);
    return r->din[0] ? pad2d_backward_cuda(r->din[0], r->dout, &r->shape->g.pad2d, st->stream, err) : CNNC_OK;
}

extern "C" const cnnc_cuda_kernel cnnc_cuda_zeropad2d = {{NULL, NULL, pad_fwd, pad_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_constantpad2d = {{NULL, NULL, pad_fwd, pad_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_reflectionpad2d = {{NULL, NULL, pad_fwd, pad_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_replicationpad2d = {{NULL, NULL, pad_fwd, pad_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_pad = {{NULL, NULL, pad_fwd, pad_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_reflectionpad1d = {{NULL, NULL, pad_fwd, pad_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_replicationpad1d = {{NULL, NULL, pad_fwd, pad_bwd}, NULL, NULL};
extern "C" const cnnc_cuda_kernel cnnc_cuda_constantpad1d = {{NULL, NULL, pad_fwd, pad_bwd}, NULL, NULL};
