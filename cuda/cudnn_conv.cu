/* cudnn_conv.cu — ALL cuDNN code: the convolution engine on cuDNN 9's legacy
 * API (cudnnConvolutionForward / BackwardData / BackwardFilter). Descriptors
 * are made once per layer; algorithms are timed ONCE at setup with
 * cudnnFind*Ex on the real arena buffers and kept. Scratch comes from the
 * arena's workspace. Built only with CNNC_HAVE_CUDNN (CMake drops this file
 * otherwise). */
#include <stdlib.h>
#include <cudnn.h>
#include "backend_cuda.h"
#include "cuda_check.h"

struct cnnc_cudnn_conv {
    cudnnTensorDescriptor_t x, y;          /* at batch `batch` */
    cudnnFilterDescriptor_t w;
    cudnnConvolutionDescriptor_t conv;
    int64_t batch;                         /* N the x/y descriptors describe */
    int64_t max_batch;
    /* Algorithms found at max batch, and the ones in use at `batch` (the same,
     * unless a smaller batch makes them unsupported or needier than ws). */
    cudnnConvolutionFwdAlgo_t fwd_found, fwd;
    cudnnConvolutionBwdDataAlgo_t bwd_data_found, bwd_data;
    cudnnConvolutionBwdFilterAlgo_t bwd_filter_found, bwd_filter;
    size_t fwd_ws, bwd_data_ws, bwd_filter_ws;
    int has_dx;
};

int cnnc_cudnn_version(void) { return (int)cudnnGetVersion(); }

/* FFT and Winograd convolutions round differently from a direct sum: on the
 * H200 they put the seed net's weight gradients 2-3e-4 (relative L2) away from
 * PyTorch's, where fp32 parity asks for 1e-5..1e-4. They are only allowed
 * when TF32 is, since TF32 gives up that accuracy anyway. */
static bool approximate(cudnnConvolutionFwdAlgo_t a) {
    return a == CUDNN_CONVOLUTION_FWD_ALGO_FFT || a == CUDNN_CONVOLUTION_FWD_ALGO_FFT_TILING ||
           a == CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD || a == CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED;
}
static bool approximate(cudnnConvolutionBwdDataAlgo_t a) {
    return a == CUDNN_CONVOLUTION_BWD_DATA_ALGO_FFT || a == CUDNN_CONVOLUTION_BWD_DATA_ALGO_FFT_TILING ||
           a == CUDNN_CONVOLUTION_BWD_DATA_ALGO_WINOGRAD || a == CUDNN_CONVOLUTION_BWD_DATA_ALGO_WINOGRAD_NONFUSED;
}
static bool approximate(cudnnConvolutionBwdFilterAlgo_t a) {
    return a == CUDNN_CONVOLUTION_BWD_FILTER_ALGO_FFT || a == CUDNN_CONVOLUTION_BWD_FILTER_ALGO_FFT_TILING ||
           a == CUDNN_CONVOLUTION_BWD_FILTER_ALGO_WINOGRAD_NONFUSED;
}

/* The fastest algorithm cudnnFind* timed that succeeded, fits the workspace, is
 * accurate (see approximate(), unless tf32) and deterministic (some
 * backward-filter ones accumulate with atomics, so two runs of the same step
 * would differ); failing that, relax determinism, then accuracy; n if none fits.
 * `fast` (--conv-algo fast) takes the fastest that fits, as PyTorch's
 * cudnn.benchmark=True does. */
template <typename Perf> static int pick_algo(const Perf *perf, int n, size_t ws_bytes, int tf32, int fast) {
    for (int pass = fast ? 2 : 0; pass < 3; pass++)
        for (int i = 0; i < n; i++) {
            if (perf[i].status != CUDNN_STATUS_SUCCESS || perf[i].memory > ws_bytes) continue;
            if (pass < 2 && !tf32 && approximate(perf[i].algo)) continue;
            if (pass < 1 && perf[i].determinism != CUDNN_DETERMINISTIC) continue;
            return i;
        }
    return n;
}

void cnnc_cudnn_conv_copy_algos(cnnc_cudnn_conv *dst, const cnnc_cudnn_conv *src) {
    dst->fwd = dst->fwd_found = src->fwd_found;
    dst->bwd_data = dst->bwd_data_found = src->bwd_data_found;
    dst->bwd_filter = dst->bwd_filter_found = src->bwd_filter_found;
    dst->fwd_ws = src->fwd_ws;
    dst->bwd_data_ws = src->bwd_data_ws;
    dst->bwd_filter_ws = src->bwd_filter_ws;
}

const char *cnnc_cudnn_status_string(int code) { return cudnnGetErrorString((cudnnStatus_t)code); }

cnnc_status cnnc_cudnn_handle_create(void **handle, cudaStream_t stream, cnnc_error *err) {
    cudnnHandle_t h = NULL;
    CNNC_CUDNN_CHECK(cudnnCreate(&h));
    *handle = h;
    CNNC_CUDNN_CHECK(cudnnSetStream(h, stream));
    return CNNC_OK;
}

void cnnc_cudnn_handle_destroy(void *handle) {
    if (handle) (void)cudnnDestroy((cudnnHandle_t)handle);
}

static int fits_int(const cnnc_conv_geom *g) {
    const int64_t v[] = {g->N, g->C, g->H, g->W, g->OC, g->KH, g->KW, g->PH, g->PW, g->SH, g->SW, g->DH, g->DW};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i] < 0 || v[i] > INT32_MAX) return 0;
    return 1;
}

/* Describe x, y, w and the convolution at batch g->N. */
static cnnc_status describe(cnnc_cudnn_conv *c, const cnnc_conv_geom *g, int tf32, cnnc_error *err) {
    CNNC_CUDNN_CHECK(cudnnSetTensor4dDescriptor(c->x, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, (int)g->N, (int)g->C,
                                                (int)g->H, (int)g->W));
    CNNC_CUDNN_CHECK(cudnnSetTensor4dDescriptor(c->y, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, (int)g->N, (int)g->OC,
                                                (int)g->OH, (int)g->OW));
    CNNC_CUDNN_CHECK(cudnnSetFilter4dDescriptor(c->w, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, (int)g->OC,
                                                (int)(g->C / g->groups), (int)g->KH, (int)g->KW));
    /* PyTorch's Conv2d is a cross-correlation. */
    CNNC_CUDNN_CHECK(cudnnSetConvolution2dDescriptor(c->conv, (int)g->PH, (int)g->PW, (int)g->SH, (int)g->SW,
                                                     (int)g->DH, (int)g->DW, CUDNN_CROSS_CORRELATION,
                                                     CUDNN_DATA_FLOAT));
    CNNC_CUDNN_CHECK(cudnnSetConvolutionGroupCount(c->conv, (int)g->groups));
    /* FMA math keeps fp32 exact to fp32 rounding; DEFAULT lets Ampere+ use TF32. */
    CNNC_CUDNN_CHECK(cudnnSetConvolutionMathType(c->conv, tf32 ? CUDNN_DEFAULT_MATH : CUDNN_FMA_MATH));
    c->batch = g->N;
    return CNNC_OK;
}

static cnnc_status create_descriptors(cnnc_cudnn_conv *c, cnnc_error *err) {
    CNNC_CUDNN_CHECK(cudnnCreateTensorDescriptor(&c->x));
    CNNC_CUDNN_CHECK(cudnnCreateTensorDescriptor(&c->y));
    CNNC_CUDNN_CHECK(cudnnCreateFilterDescriptor(&c->w));
    CNNC_CUDNN_CHECK(cudnnCreateConvolutionDescriptor(&c->conv));
    return CNNC_OK;
}

void cnnc_cudnn_conv_free(cnnc_cudnn_conv *c) {
    if (!c) return;
    if (c->x) (void)cudnnDestroyTensorDescriptor(c->x);
    if (c->y) (void)cudnnDestroyTensorDescriptor(c->y);
    if (c->w) (void)cudnnDestroyFilterDescriptor(c->w);
    if (c->conv) (void)cudnnDestroyConvolutionDescriptor(c->conv);
    free(c);
}

int cnnc_cudnn_conv_supported(const cnnc_conv_geom *g) {
    if (!fits_int(g) || g->groups < 1) return 0;
    /* cuDNN pads symmetrically, so its output size is the textbook one. */
    int64_t oh = (g->H + 2 * g->PH - g->DH * (g->KH - 1) - 1) / g->SH + 1;
    int64_t ow = (g->W + 2 * g->PW - g->DW * (g->KW - 1) - 1) / g->SW + 1;
    return oh == g->OH && ow == g->OW;
}

/* The most scratch among the first few algorithms cuDNN's heuristics rank
 * (within the cap), so cudnnFind*Ex at setup has the good ones to choose from. */
#define CNNC_CUDNN_CANDIDATES 3

size_t cnnc_cudnn_conv_workspace_bytes(const cnnc_conv_geom *g_max, int device, int tf32, int fast) {
    /* --conv-algo fast may pick any algorithm, so room for all of them (within the cap). */
    const int candidates = fast ? 1 << 20 : CNNC_CUDNN_CANDIDATES;
    if (!cnnc_cudnn_conv_supported(g_max)) return 0;
    cnnc_error scratch_err, *err = &scratch_err;  /* errors here only mean "no answer" */
    size_t best = 0;
    cudnnHandle_t h = NULL;
    cnnc_cudnn_conv c = {};
    if (cudaSetDevice(device) != cudaSuccess || cudnnCreate(&h) != CUDNN_STATUS_SUCCESS) {
        (void)cudaGetLastError();
        return 0;
    }
    if (create_descriptors(&c, err) == CNNC_OK && describe(&c, g_max, tf32, err) == CNNC_OK) {
        int n = 0;
        cudnnConvolutionFwdAlgoPerf_t fwd[CUDNN_CONVOLUTION_FWD_ALGO_COUNT];
        if (cudnnGetConvolutionForwardAlgorithm_v7(h, c.x, c.w, c.conv, c.y, CUDNN_CONVOLUTION_FWD_ALGO_COUNT, &n,
                                                   fwd) == CUDNN_STATUS_SUCCESS)
            for (int i = 0, used = 0; i < n && used < candidates; i++)
                if (fwd[i].status == CUDNN_STATUS_SUCCESS && fwd[i].memory <= CNNC_CUDNN_WS_CAP_BYTES) {
                    used++;
                    if (fwd[i].memory > best) best = fwd[i].memory;
                }
        cudnnConvolutionBwdDataAlgoPerf_t bd[CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT];
        if (cudnnGetConvolutionBackwardDataAlgorithm_v7(h, c.w, c.y, c.conv, c.x,
                                                        CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT, &n,
                                                        bd) == CUDNN_STATUS_SUCCESS)
            for (int i = 0, used = 0; i < n && used < candidates; i++)
                if (bd[i].status == CUDNN_STATUS_SUCCESS && bd[i].memory <= CNNC_CUDNN_WS_CAP_BYTES) {
                    used++;
                    if (bd[i].memory > best) best = bd[i].memory;
                }
        cudnnConvolutionBwdFilterAlgoPerf_t bf[CUDNN_CONVOLUTION_BWD_FILTER_ALGO_COUNT];
        if (cudnnGetConvolutionBackwardFilterAlgorithm_v7(h, c.x, c.y, c.conv, c.w,
                                                          CUDNN_CONVOLUTION_BWD_FILTER_ALGO_COUNT, &n,
                                                          bf) == CUDNN_STATUS_SUCCESS)
            for (int i = 0, used = 0; i < n && used < candidates; i++)
                if (bf[i].status == CUDNN_STATUS_SUCCESS && bf[i].memory <= CNNC_CUDNN_WS_CAP_BYTES) {
                    used++;
                    if (bf[i].memory > best) best = bf[i].memory;
                }
    }
    if (c.x) (void)cudnnDestroyTensorDescriptor(c.x);
    if (c.y) (void)cudnnDestroyTensorDescriptor(c.y);
    if (c.w) (void)cudnnDestroyFilterDescriptor(c.w);
    if (c.conv) (void)cudnnDestroyConvolutionDescriptor(c.conv);
    (void)cudnnDestroy(h);
    return best;
}

cnnc_status cnnc_cudnn_conv_setup(cnnc_cudnn_conv **out, void *handle, const cnnc_conv_geom *g_max, int tf32, int fast,
                                  const float *x, const float *w, float *y, float *dx, float *dw,
                                  const float *dy, void *ws, size_t ws_bytes, cnnc_error *err) {
    cudnnHandle_t h = (cudnnHandle_t)handle;
    *out = NULL;
    cnnc_cudnn_conv *c = (cnnc_cudnn_conv *)calloc(1, sizeof *c);
    if (!c) return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError", "out of host memory (cuDNN conv state)");
    *out = c;  /* the caller frees it on any failure below */
    cnnc_status st;
    if ((st = create_descriptors(c, err)) || (st = describe(c, g_max, tf32, err))) return st;
    c->max_batch = g_max->N;
    c->has_dx = dx != NULL;

    int n = 0;
    cudnnConvolutionFwdAlgoPerf_t fwd[CUDNN_CONVOLUTION_FWD_ALGO_COUNT];
    CNNC_CUDNN_CHECK(cudnnFindConvolutionForwardAlgorithmEx(h, c->x, x, c->w, w, c->conv, c->y, y,
                                                            CUDNN_CONVOLUTION_FWD_ALGO_COUNT, &n, fwd, ws,
                                                            ws_bytes));
    int i = pick_algo(fwd, n, ws_bytes, tf32, fast);
    if (i == n)
        return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                              "cuDNN found no forward convolution algorithm within %zu bytes of workspace",
                              ws_bytes);
    c->fwd = c->fwd_found = fwd[i].algo;
    c->fwd_ws = fwd[i].memory;

    cudnnConvolutionBwdFilterAlgoPerf_t bf[CUDNN_CONVOLUTION_BWD_FILTER_ALGO_COUNT];
    CNNC_CUDNN_CHECK(cudnnFindConvolutionBackwardFilterAlgorithmEx(h, c->x, x, c->y, dy, c->conv, c->w, dw,
                                                                   CUDNN_CONVOLUTION_BWD_FILTER_ALGO_COUNT, &n, bf,
                                                                   ws, ws_bytes));
    i = pick_algo(bf, n, ws_bytes, tf32, fast);
    if (i == n)
        return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                              "cuDNN found no backward-filter convolution algorithm within %zu bytes of workspace",
                              ws_bytes);
    c->bwd_filter = c->bwd_filter_found = bf[i].algo;
    c->bwd_filter_ws = bf[i].memory;

    c->bwd_data = c->bwd_data_found = CUDNN_CONVOLUTION_BWD_DATA_ALGO_0;
    if (dx) {
        cudnnConvolutionBwdDataAlgoPerf_t bd[CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT];
        CNNC_CUDNN_CHECK(cudnnFindConvolutionBackwardDataAlgorithmEx(h, c->w, w, c->y, dy, c->conv, c->x, dx,
                                                                     CUDNN_CONVOLUTION_BWD_DATA_ALGO_COUNT, &n, bd,
                                                                     ws, ws_bytes));
        i = pick_algo(bd, n, ws_bytes, tf32, fast);
        if (i == n)
            return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                                  "cuDNN found no backward-data convolution algorithm within %zu bytes of workspace",
                                  ws_bytes);
        c->bwd_data = c->bwd_data_found = bd[i].algo;
        c->bwd_data_ws = bd[i].memory;
    }
    return CNNC_OK;
}

/* Re-describe x/y for a batch other than the current one (the last partial
 * batch of an epoch, an eval batch): host-only calls, no sync, no allocation.
 * Keeps the found algorithms when they still fit, else falls back to the
 * zero-scratch implicit-GEMM / ALGO_0 ones. */
static cnnc_status rebatch(cnnc_cudnn_conv *c, cudnnHandle_t h, const cnnc_conv_geom *g, size_t ws_bytes,
                           cnnc_error *err) {
    if (g->N == c->batch) return CNNC_OK;
    if (g->N > c->max_batch || g->N > INT32_MAX)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError",
                              "cuDNN conv: batch %lld exceeds the planned max batch %lld", (long long)g->N,
                              (long long)c->max_batch);
    CNNC_CUDNN_CHECK(cudnnSetTensor4dDescriptor(c->x, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, (int)g->N, (int)g->C,
                                                (int)g->H, (int)g->W));
    CNNC_CUDNN_CHECK(cudnnSetTensor4dDescriptor(c->y, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, (int)g->N, (int)g->OC,
                                                (int)g->OH, (int)g->OW));
    c->batch = g->N;
    size_t need = 0;
    c->fwd = c->fwd_found;
    if (cudnnGetConvolutionForwardWorkspaceSize(h, c->x, c->w, c->conv, c->y, c->fwd, &need) !=
            CUDNN_STATUS_SUCCESS || need > ws_bytes) {
        c->fwd = CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM;
        CNNC_CUDNN_CHECK(cudnnGetConvolutionForwardWorkspaceSize(h, c->x, c->w, c->conv, c->y, c->fwd, &need));
    }
    c->fwd_ws = need;
    c->bwd_filter = c->bwd_filter_found;
    if (cudnnGetConvolutionBackwardFilterWorkspaceSize(h, c->x, c->y, c->conv, c->w, c->bwd_filter, &need) !=
            CUDNN_STATUS_SUCCESS || need > ws_bytes) {
        c->bwd_filter = CUDNN_CONVOLUTION_BWD_FILTER_ALGO_0;
        CNNC_CUDNN_CHECK(
            cudnnGetConvolutionBackwardFilterWorkspaceSize(h, c->x, c->y, c->conv, c->w, c->bwd_filter, &need));
    }
    c->bwd_filter_ws = need;
    if (c->has_dx) {
        c->bwd_data = c->bwd_data_found;
        if (cudnnGetConvolutionBackwardDataWorkspaceSize(h, c->w, c->y, c->conv, c->x, c->bwd_data, &need) !=
                CUDNN_STATUS_SUCCESS || need > ws_bytes) {
            c->bwd_data = CUDNN_CONVOLUTION_BWD_DATA_ALGO_0;
            CNNC_CUDNN_CHECK(
                cudnnGetConvolutionBackwardDataWorkspaceSize(h, c->w, c->y, c->conv, c->x, c->bwd_data, &need));
        }
        c->bwd_data_ws = need;
    }
    if (c->fwd_ws > ws_bytes || c->bwd_filter_ws > ws_bytes || (c->has_dx && c->bwd_data_ws > ws_bytes))
        return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                              "cuDNN conv at batch %lld needs more than the %zu bytes of workspace planned",
                              (long long)g->N, ws_bytes);
    return CNNC_OK;
}

cnnc_status cnnc_cudnn_conv_forward(cnnc_cudnn_conv *c, void *handle, const cnnc_conv_geom *g, const float *x,
                                    const float *w, float *y, void *ws, size_t ws_bytes, cnnc_error *err) {
    cudnnHandle_t h = (cudnnHandle_t)handle;
    cnnc_status st = rebatch(c, h, g, ws_bytes, err);
    if (st) return st;
    const float one = 1.0f, zero = 0.0f;
    CNNC_CUDNN_CHECK(cudnnConvolutionForward(h, &one, c->x, x, c->w, w, c->conv, c->fwd, ws, ws_bytes, &zero,
                                             c->y, y));
    return CNNC_OK;
}

cnnc_status cnnc_cudnn_conv_backward(cnnc_cudnn_conv *c, void *handle, const cnnc_conv_geom *g, const float *x,
                                     const float *w, const float *dy, float *dx, float *dw, void *ws,
                                     size_t ws_bytes, cnnc_error *err) {
    cudnnHandle_t h = (cudnnHandle_t)handle;
    cnnc_status st = rebatch(c, h, g, ws_bytes, err);
    if (st) return st;
    const float one = 1.0f, zero = 0.0f;
    if (dw)
        CNNC_CUDNN_CHECK(cudnnConvolutionBackwardFilter(h, &one, c->x, x, c->y, dy, c->conv, c->bwd_filter, ws,
                                                        ws_bytes, &zero, c->w, dw));
    if (dx) {
        if (!c->has_dx)
            return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                                  "cuDNN conv: a data gradient was asked of a layer set up without one");
        CNNC_CUDNN_CHECK(cudnnConvolutionBackwardData(h, &one, c->w, w, c->y, dy, c->conv, c->bwd_data, ws,
                                                      ws_bytes, &zero, c->x, dx));
    }
    return CNNC_OK;
}
