/* backend_cuda.h — private to the CUDA backend: its state (hung on e->backend),
 * its kernel entries (one .cu per layer kind: conv2d.cu, linear.cu, ...), and
 * the entry points shared by backend_cuda.cu (arena, data, loss, optimizer),
 * conv_engine.cu (which conv engine a layer runs on), cuda_graph.cu (whole
 * steps as CUDA graphs), cuda_profile.cu (device timers), gemm.cu (cuBLAS conv
 * and linear) and cudnn_conv.cu (cuDNN conv, only built with CNNC_HAVE_CUDNN).
 * Not a contract: nothing outside cuda/ includes it. */
#ifndef CNNC_BACKEND_CUDA_H
#define CNNC_BACKEND_CUDA_H

#include <stddef.h>
#include <stdint.h>
#include <cuda_runtime_api.h>
#include <cublas_v2.h>
#include "cnnc/shape.h"
#include "cnnc/engine.h"
#include "engine/engine_internal.h"
#include "cuda_check.h"
#include "nvtx.h"

#ifdef __cplusplus
extern "C" {
#endif

struct cnnc_engine;

/* Column buffers of the GEMM conv engine are capped so a big max_batch does not
 * reserve gigabytes of im2col scratch; the batch is processed in chunks. */
#define CNNC_GEMM_COL_CAP_BYTES ((size_t)256 << 20)
/* cuDNN algorithms needing more scratch than this are not considered. */
#define CNNC_CUDNN_WS_CAP_BYTES ((size_t)512 << 20)
/* cuBLAS gets its own workspace (NVIDIA recommends 32 MiB on Hopper), so it
 * never allocates inside the training loop. */
#define CNNC_CUBLAS_WS_BYTES ((size_t)32 << 20)
/* Pinned staging for small read-backs (metrics, logits of a small batch). */
#define CNNC_PINNED_BYTES ((size_t)64 << 10)

typedef struct cnnc_cuda_dataset {
    uint8_t *base;          /* one cudaMalloc: images [n*pixels], labels [n], order int32 [n], codes int32 [n] */
    size_t bytes;
    uint8_t *images, *labels;
    int32_t *order;
    int32_t *codes;         /* --augment codes per position of the order (engine/augment.h) */
    int augment;            /* the gathers apply them (set_augment with codes) */
    int64_t n, pixels;
} cnnc_cuda_dataset;

/* How one layer runs its convolution. */
typedef enum cnnc_cuda_conv_kind { CNNC_CUDA_CONV_GEMM = 0, CNNC_CUDA_CONV_CUDNN, CNNC_CUDA_CONV_DIRECT } cnnc_cuda_conv_kind;

typedef struct cnnc_cudnn_conv cnnc_cudnn_conv;  /* cudnn_conv.cu: descriptors + chosen algorithms */

/* A layer's part in a fused Conv2d -> ReLU -> MaxPool2d (pool.cu):
 * the conv skips its bias, the ReLU does nothing, the pool runs the fused pass. */
typedef enum cnnc_cuda_fuse_role {
    CNNC_FUSE_NONE = 0, CNNC_FUSE_CONV, CNNC_FUSE_RELU, CNNC_FUSE_POOL
} cnnc_cuda_fuse_role;

typedef struct cnnc_cuda_layer {
    cnnc_cuda_conv_kind conv_kind;
    cnnc_cuda_fuse_role fuse;
    cnnc_cudnn_conv *cudnn;                 /* conv layers on the cuDNN engine */
    double gemm_ms, cudnn_ms, direct_ms;    /* --conv auto: each engine's fwd+bwd at max batch (0: not timed) */
    nvtxStringHandle_t fwd_name, bwd_name;  /* "conv1.0 forward", "conv1.0 backward" */
} cnnc_cuda_layer;

/* What the optimizer's prepare kernel derives from the step number (and the
 * schedule's tables) on the device, for the update kernels to read. */
typedef struct cnnc_cuda_optim_scalars {
    float neg_step_size;       /* Adam: -lr / (1 - beta1^t) */
    float bc2_sqrt;            /* Adam: sqrt(1 - beta2^t) */
    float lr;                  /* this step's lr; Adagrad: lr / (1 + (t - 1) * lr_decay) */
    float momentum;            /* SGD and RMSprop momentum, Adam beta1 */
    float one_minus_momentum;  /* Adam: 1 - beta1, rounded once from double */
    float decay;               /* AdamW: 1 - lr * weight_decay */
    float clip_coef;           /* clip_grad_norm_: min(max_norm / (norm + 1e-6), 1) */
    float grad_norm;           /* clip_grad_norm_: the total norm it saw */
} cnnc_cuda_optim_scalars;

/* Per-step counters in device memory (counters.cu): what a replayed CUDA graph
 * reads instead of values baked in at capture. Per-layer arrays follow it in
 * the same allocation. */
typedef struct cnnc_cuda_counters {
    int64_t step;            /* optimizer steps taken */
    int64_t gather_start;    /* first position in the order of the next step's gather */
    uint64_t dropout_calls;  /* as e->dropout_calls */
    cnnc_cuda_optim_scalars optim;  /* the step being taken's scalars (optim.cu) */
    int64_t ema_first_step;  /* as e->ema_first_step (ema.cu) */
} cnnc_cuda_counters;

/* The host's knowledge of what the device counters will hold once the queued
 * work has run; a mismatch with the engine's host counters (a resumed
 * checkpoint, init_params) is repaired by a set kernel before the next step. */
typedef struct cnnc_cuda_mirror {
    int64_t step, gather_start, ema_first_step;
    uint64_t dropout_calls;
} cnnc_cuda_mirror;

/* One captured training step: batch n on data slot `slot` (-1: the batch set
 * by the host) with the optimizer settings it baked in. */
#define CNNC_CUDA_GRAPHS 8
typedef struct cnnc_cuda_graph {
    int64_t n;
    int slot;
    int64_t mean_over;       /* the loss's divisor baked in (data-parallel: the global batch; else 0) */
    cnnc_optim_config optim;
    cudaGraphExec_t exec;
    uint64_t use;            /* last use, for eviction */
} cnnc_cuda_graph;

typedef struct cnnc_cuda_state {
    int device;
    cudaStream_t stream;
    cublasHandle_t cublas;
    void *cublas_ws;
    void *cudnn;                 /* cudnnHandle_t when built with cuDNN */
    float *pinned;               /* CNNC_PINNED_BYTES of page-locked host memory, then metrics_host */
    float *metrics_host;         /* [2][4] pinned: metrics_post's snapshots */
    cudaEvent_t metrics_ev[2];   /* recorded after each snapshot's copy */
    cnnc_cuda_dataset data[2];   /* slot 0 train, 1 test */
    cnnc_cuda_dataset streamed;  /* a streamed batch's staging (max_batch samples, identity order) */
    cudaEvent_t streamed_copied; /* recorded after a streamed batch's host-to-device copies */
    cnnc_cuda_layer *layers;     /* n_layers */
    nvtxDomainHandle_t nvtx;
    nvtxStringHandle_t nvtx_loss, nvtx_optim, nvtx_gather;
    size_t held_bytes;           /* device bytes this engine holds (for OOM messages) */
    int held_allocs;
    /* Device counters and their per-layer arrays (one allocation). */
    cnnc_cuda_counters *ctr;
    double *sched_dev;           /* the schedule's lr then momentum tables (2 x e->sched_n), or NULL */
    double *clip_partial;        /* clip_grad_norm_'s per-block sums, when the config clips */
    int64_t *ctr_nbt;            /* [n_layers] BatchNorm num_batches_tracked (momentum=None layers) */
    float *ctr_bn_factor;        /* [n_layers] the factor of this step */
    uint64_t *ctr_dropout_offset;/* [n_layers] the RNG offset of this step */
    cnnc_cuda_mirror mirror;
    int64_t *mirror_nbt;         /* host, [n_layers] */
    int64_t *saved_nbt;          /* host, [n_layers]: engine counters saved around a capture */
    /* CUDA graphs of whole training steps. */
    int capturing;               /* 1 while a step is being captured */
    int graphs_off;              /* capture failed once: stay on the op-by-op path */
    char graphs_off_why[160];
    cnnc_cuda_graph graphs[CNNC_CUDA_GRAPHS];
    uint64_t graph_uses;
    /* cnnc profile's device timers */
    cudaEvent_t *timer_ev;
    int timer_n;
    void *nccl;                  /* ncclComm_t of a data-parallel job (nccl.cu), or NULL */
    /* The bucketed gradient sums (nccl.cu): NCCL's own stream, an event that
     * orders it after the engine's stream (a bucket's gradients written) and one
     * that orders the engine's stream after it (before the optimizer). */
    cudaStream_t nccl_stream;
    cudaEvent_t nccl_fork, nccl_joined;
    int nccl_pending;            /* sums queued on nccl_stream since the last join */
} cnnc_cuda_state;

/* The backend's state, and the device current for it: every entry point makes
 * the engine's device current (cheap, no sync), so engines on different GPUs
 * can share a thread. */
static inline cnnc_cuda_state *cnnc_cuda_state_of(const struct cnnc_engine *e) { return (cnnc_cuda_state *)e->backend; }
#define CUDA_ENTER(e, st)                                                                      \
    cnnc_cuda_state *st = cnnc_cuda_state_of(e);                                               \
    if (!st) return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "CUDA backend not initialised"); \
    CNNC_CUDA_CHECK(cudaSetDevice(st->device))

/* nccl.cu (built where nccl.h is, CNNC_HAVE_NCCL): the backend's nccl_* entries
 * (engine_internal.h), and the communicator's end, from cuda_release. */
#if defined(CNNC_HAVE_NCCL)
cnnc_status cnnc_cuda_nccl_id(struct cnnc_engine *e, unsigned char id[128], cnnc_error *err);
cnnc_status cnnc_cuda_nccl_open(struct cnnc_engine *e, const unsigned char id[128], int rank, int size, cnnc_error *err);
cnnc_status cnnc_cuda_nccl_sum(struct cnnc_engine *e, size_t offset, int64_t n, cnnc_error *err);
cnnc_status cnnc_cuda_nccl_bcast(struct cnnc_engine *e, size_t offset, size_t bytes, cnnc_error *err);
cnnc_status cnnc_cuda_nccl_sum_begin(struct cnnc_engine *e, size_t offset, int64_t n, cnnc_error *err);
cnnc_status cnnc_cuda_nccl_sum_join(struct cnnc_engine *e, cnnc_error *err);
void cnnc_cuda_nccl_release(cnnc_cuda_state *st);
#endif

/* The plan's workspace on the device (NULL when there is none). */
static inline void *cnnc_cuda_workspace(const struct cnnc_engine *e) {
    if (e->plan.workspace_bytes == 0 || e->plan.workspace == CNNC_NO_OFFSET) return NULL;
    return e->arena + e->plan.workspace;
}

/* A CUDA kernel entry: the engine's, plus what graph capture needs of kinds
 * whose forward reads per-step values from device counters. */
typedef struct cnnc_cuda_kernel {
    cnnc_kernel k;           /* first: the engine's table points here */
    /* Before a capture: bring this node's device counters to the engine's values. */
    cnnc_status (*sync_counters)(struct cnnc_engine *e, cnnc_cuda_state *st, int32_t node, cnnc_error *err);
    /* After a replay: advance the host counters as the captured forward did. */
    void (*replayed)(struct cnnc_engine *e, cnnc_cuda_state *st, int32_t node);
} cnnc_cuda_kernel;

#define CNNC_DECLARE_CUDA_KERNEL_(E, stem) extern const cnnc_cuda_kernel cnnc_cuda_##stem;
CNNC_LAYER_KINDS(CNNC_DECLARE_CUDA_KERNEL_)
#undef CNNC_DECLARE_CUDA_KERNEL_

static inline const cnnc_cuda_kernel *cnnc_cuda_kernel_of(const struct cnnc_engine *e, int32_t node) {
    return (const cnnc_cuda_kernel *)e->ops->kernels[e->model->layers[node].kind];
}

/* Make a device counter hold `want` before the kernels that read it
 * (backend_cuda.cu). Outside capture a mismatch (a resumed checkpoint,
 * re-initialised parameters) is fixed by a set kernel; inside capture it would
 * bake the value into the graph, so cnnc_cuda_train_step syncs every counter
 * before capturing and this refuses. */
cnnc_status cnnc_cuda_ensure_counter(cnnc_cuda_state *st, int64_t *dev, int64_t *mirror, int64_t want, cnnc_error *err);

/* ---- conv_engine.cu: which engine each conv runs on ---- */
/* Scratch a conv node needs at this geometry for the engines it may use. */
size_t cnnc_cuda_conv_workspace_bytes(const struct cnnc_engine *e, int32_t node, const cnnc_layer_shape *s);
/* Pick each conv node's engine (timing them with --conv auto); cuDNN nodes get
 * descriptors and algorithms now. After the arena exists. */
cnnc_status cnnc_cuda_setup_convs(struct cnnc_engine *e, cnnc_cuda_state *st, cnnc_error *err);
/* The conv node of a Conv2d -> ReLU -> MaxPool2d ending at max-pool `pool`
 * that runs as one fused pass (-1: none): each feeds only the next, and the
 * pool does not overlap. Not with --no-fuse or --detect-anomaly. */
int32_t cnnc_cuda_fused_conv_of(const struct cnnc_engine *e, int32_t pool);
void cnnc_cuda_plan_fusion(struct cnnc_engine *e, cnnc_cuda_state *st);
int cnnc_cuda_describe_layer(const struct cnnc_engine *e, int32_t layer, char *buf, size_t cap);
int32_t cnnc_cuda_grad_writer(const struct cnnc_engine *e, int32_t node);
/* conv2d.cu: node i's conv on its engine (setup timing calls these too). */
cnnc_status cnnc_cuda_conv_forward(struct cnnc_engine *e, cnnc_cuda_state *st, int32_t i, const cnnc_conv_geom *g,
                                   cnnc_error *err);
cnnc_status cnnc_cuda_conv_backward(struct cnnc_engine *e, cnnc_cuda_state *st, int32_t i, const cnnc_conv_geom *g,
                                    cnnc_error *err);

/* ---- cuda_graph.cu: whole training steps captured and replayed ---- */
cnnc_status cnnc_cuda_train_step(struct cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err);
void cnnc_cuda_drop_graphs(cnnc_cuda_state *st);
/* The gather of a step with its start from the device counter (backend_cuda.cu). */
cnnc_status cnnc_cuda_gather_step(struct cnnc_engine *e, cnnc_cuda_state *st, int slot, int64_t start, int64_t n,
                                  cnnc_error *err);
cnnc_status cnnc_cuda_check_gather(const struct cnnc_engine *e, const cnnc_cuda_state *st, int slot, int64_t start,
                                   int64_t n, cnnc_error *err);

/* ---- cuda_profile.cu: device timers and the card's peaks ---- */
cnnc_status cnnc_cuda_timer_open(struct cnnc_engine *e, int marks, cnnc_error *err);
cnnc_status cnnc_cuda_timer_mark(struct cnnc_engine *e, int k, cnnc_error *err);
cnnc_status cnnc_cuda_timer_ms(struct cnnc_engine *e, int a, int b, double *ms, cnnc_error *err);
void cnnc_cuda_timer_close(struct cnnc_engine *e);
cnnc_status cnnc_cuda_measure_peaks(struct cnnc_engine *e, double *fp32_gflops, double *copy_gbps, cnnc_error *err);

/* ---- device.cu: the device API (cnnc/engine.h) as the plugin answers it ---- */
int cnnc_cuda_dev_count(cnnc_error *err);
cnnc_status cnnc_cuda_dev_info(int index, cnnc_device_info *info, cnnc_error *err);
void cnnc_cuda_dev_versions(char *buf, size_t cap);

/* cudaMalloc that reports running out as CNNC_ERR_DEVICE_OOM naming `what`,
 * the bytes asked for and the bytes free (backend_cuda.cu). */
cnnc_status cnnc_cuda_alloc(cnnc_cuda_state *st, void **ptr, size_t bytes, const char *what, cnnc_error *err);

/* ---- counters.cu and the device-counter variants of the step kernels ---- */
cnnc_status cnnc_cuda_counter_set(int64_t *p, int64_t v, cudaStream_t stream, cnnc_error *err);
cnnc_status cnnc_cuda_counter_add(int64_t *p, int64_t v, cudaStream_t stream, cnnc_error *err);
cnnc_status cnnc_cuda_bn_cumulative_factor(int64_t *nbt, float *factor, cudaStream_t stream, cnnc_error *err);
cnnc_status cnnc_cuda_dropout_take_offset(uint64_t *calls, uint64_t *offset, cudaStream_t stream, cnnc_error *err);
/* optim.cu: one optimizer step with the step number in device memory (a replayed
 * graph reads it): clip_grad_norm_ when asked, ++*step_dev and the step's scalars
 * (lr and momentum from the schedule's device tables when there are, bias
 * corrections in double), then the update over the flat parameter arena. */
#define CNNC_CUDA_CLIP_BLOCKS 128
typedef struct cnnc_cuda_optim_launch {
    const cnnc_optim_config *cfg;
    float *param, *grad, *m, *v, *u;    /* u: RMSprop(centered)'s grad_avg, else NULL */
    int64_t n;
    int64_t *step_dev;
    cnnc_cuda_optim_scalars *scal_dev;
    const double *sched_lr, *sched_momentum;  /* device tables of sched_n entries, or NULL */
    int64_t sched_n;
    float clip_max_norm;                /* 0: no clipping */
    double *clip_partial;               /* [CNNC_CUDA_CLIP_BLOCKS] scratch when clipping */
} cnnc_cuda_optim_launch;
cnnc_status cnnc_cuda_optim_devstep(const cnnc_cuda_optim_launch *L, cudaStream_t stream, cnnc_error *err);
/* batchnorm.cu / dropout.cu / dropout2d.cu / data.cu: the factor, offset or start read from device memory. */
cnnc_status batchnorm2d_forward_train_devfactor_cuda(float *out, float *save_mean, float *save_invstd,
                                                     float *running_mean, float *running_var, const float *in,
                                                     const float *gamma, const float *beta, int64_t N, int64_t C,
                                                     int64_t HW, float eps, const float *factor_dev,
                                                     void *workspace, size_t ws_bytes, cudaStream_t stream,
                                                     cnnc_error *err);
cnnc_status dropout_forward_devoffset_cuda(float *out, uint8_t *mask, const float *in, int64_t n, float p,
                                           uint64_t seed, const uint64_t *offset_dev, cudaStream_t stream,
                                           cnnc_error *err);
cnnc_status dropout2d_forward_devoffset_cuda(float *out, uint8_t *mask, const float *in, int64_t planes,
                                             int64_t inner, float p, uint64_t seed, const uint64_t *offset_dev,
                                             cudaStream_t stream, cnnc_error *err);
cnnc_status gather_batch_devstart_cuda(float *x, int32_t *y, const uint8_t *images, const uint8_t *labels,
                                       const int32_t *order, const int64_t *start_dev, int64_t n, int64_t pixels,
                                       float mean, float std, cudaStream_t stream, cnnc_error *err);

/* ---- gemm.cu (cuBLAS). bf16: round both GEMM operands to bf16, accumulate in
 * fp32 (CUBLAS_COMPUTE_32F_FAST_16BF); else plain SGEMM under the math mode. ---- */
/* Samples per im2col chunk and the scratch bytes it takes for this geometry. */
int64_t cnnc_gemm_conv_chunk(const cnnc_conv_geom *g_max);
size_t cnnc_gemm_conv_workspace_bytes(const cnnc_conv_geom *g_max);
/* Samples per chunk that fit ws_bytes of scratch (columns + the output
 * gradient, channels outermost); 0 when not even one sample fits. */
int64_t cnnc_gemm_conv_chunk_in(const cnnc_conv_geom *g, size_t ws_bytes);
cnnc_status cnnc_gemm_conv_forward(cublasHandle_t h, cudaStream_t stream, int bf16, float *out, const float *in,
                                   const float *weight, const float *bias, const cnnc_conv_geom *g,
                                   int64_t chunk, float *col, cnnc_error *err);
/* din/dbias may be NULL. Overwrites dweight. `col` holds chunk samples of
 * columns followed by chunk samples of output gradient (cnnc_gemm_conv_chunk_in). */
cnnc_status cnnc_gemm_conv_backward(cublasHandle_t h, cudaStream_t stream, int bf16, float *din, float *dweight,
                                    float *dbias, const float *dout, const float *in, const float *weight,
                                    const cnnc_conv_geom *g, int64_t chunk, float *col, cnnc_error *err);
/* ConvTranspose2d (convtranspose2d.cu) as the transpose of the convolution g
 * (cnnc_layer_geom.convt): in [N, OC, OH, OW], out [N, C, H, W]; the same
 * scratch and chunks as that convolution. din/dweight/dbias may be NULL. */
cnnc_status cnnc_gemm_convt_forward(cublasHandle_t h, cudaStream_t stream, int bf16, float *out, const float *in,
                                    const float *weight, const float *bias, const cnnc_conv_geom *g, int64_t chunk,
                                    float *col, cnnc_error *err);
cnnc_status cnnc_gemm_convt_backward(cublasHandle_t h, cudaStream_t stream, int bf16, float *din, float *dweight,
                                     float *dbias, const float *dout, const float *in, const float *weight,
                                     const cnnc_conv_geom *g, int64_t chunk, float *col, cnnc_error *err);
cnnc_status cnnc_gemm_linear_forward(cublasHandle_t h, cudaStream_t stream, int bf16, float *out, const float *in,
                                     const float *weight, const float *bias, const cnnc_linear_geom *g,
                                     cnnc_error *err);
cnnc_status cnnc_gemm_linear_backward(cublasHandle_t h, cudaStream_t stream, int bf16, float *din, float *dweight,
                                      float *dbias, const float *dout, const float *in, const float *weight,
                                      const cnnc_linear_geom *g, cnnc_error *err);
/* matmul/bmm/mm (gemm.cu): a GEMM per product of g's batch; backward writes all
 * of da and db (either may be NULL), summed over the products that broadcast them. */
cnnc_status cnnc_gemm_matmul_forward(cublasHandle_t h, cudaStream_t stream, int bf16, float *out, const float *a,
                                     const float *b, const cnnc_matmul_geom *g, cnnc_error *err);
cnnc_status cnnc_gemm_matmul_backward(cublasHandle_t h, cudaStream_t stream, int bf16, float *da, float *db, const float *dout,
                                      const float *a, const float *b, const cnnc_matmul_geom *g, cnnc_error *err);

/* ---- batchnorm2d.cu's engine entries, which BatchNorm1d runs too ---- */
cnnc_status cnnc_cuda_batchnorm_forward(struct cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err);
cnnc_status cnnc_cuda_batchnorm_backward(struct cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err);
size_t cnnc_cuda_batchnorm_ws(const struct cnnc_engine *e, int32_t node, const cnnc_layer_shape *s);
cnnc_status cnnc_cuda_batchnorm_sync(struct cnnc_engine *e, cnnc_cuda_state *st, int32_t node, cnnc_error *err);
void cnnc_cuda_batchnorm_replayed(struct cnnc_engine *e, cnnc_cuda_state *st, int32_t node);
/* ---- groupnorm.cu's, which LayerNorm runs too ---- */
cnnc_status cnnc_cuda_groupnorm_forward(struct cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err);
cnnc_status cnnc_cuda_groupnorm_backward(struct cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err);

/* ---- cudnn_conv.cu (only with CNNC_HAVE_CUDNN) ---- */
#if defined(CNNC_HAVE_CUDNN)
int cnnc_cudnn_version(void);
const char *cnnc_cudnn_status_string(int code);
cnnc_status cnnc_cudnn_handle_create(void **handle, cudaStream_t stream, cnnc_error *err);
void cnnc_cudnn_handle_destroy(void *handle);
/* 1 when cuDNN's output dims for this geometry equal the shape pass's (not so
 * for padding='same' with an even kernel: PyTorch pads one more on the right). */
int cnnc_cudnn_conv_supported(const cnnc_conv_geom *g);
/* Scratch the heuristically best algorithms need at this geometry (max batch),
 * asked of a temporary handle on `device`; 0 when cuDNN cannot answer. */
size_t cnnc_cudnn_conv_workspace_bytes(const cnnc_conv_geom *g_max, int device, int tf32, int fast);
/* Descriptors at max batch, algorithms timed ONCE by cudnnFind*Ex on the real
 * arena buffers within ws_bytes of scratch. dx NULL: no data gradient (layer 0).
 * fast: any algorithm (--conv-algo fast), else exact and deterministic ones first. */
cnnc_status cnnc_cudnn_conv_setup(cnnc_cudnn_conv **out, void *handle, const cnnc_conv_geom *g_max, int tf32, int fast,
                                  const float *x, const float *w, float *y, float *dx, float *dw,
                                  const float *dy, void *ws, size_t ws_bytes, cnnc_error *err);
void cnnc_cudnn_conv_free(cnnc_cudnn_conv *c);
/* Use src's algorithms in dst (same geometry): tests that compare two engines
 * bit for bit need the same algorithms, which timing may not pick twice. */
void cnnc_cudnn_conv_copy_algos(cnnc_cudnn_conv *dst, const cnnc_cudnn_conv *src);
cnnc_status cnnc_cudnn_conv_forward(cnnc_cudnn_conv *c, void *handle, const cnnc_conv_geom *g, const float *x,
                                    const float *w, float *y, void *ws, size_t ws_bytes, cnnc_error *err);
/* dx may be NULL. Overwrites dw and dx. */
cnnc_status cnnc_cudnn_conv_backward(cnnc_cudnn_conv *c, void *handle, const cnnc_conv_geom *g, const float *x,
                                     const float *w, const float *dy, float *dx, float *dw, void *ws,
                                     size_t ws_bytes, cnnc_error *err);
#endif

#ifdef __cplusplus
}
#endif
#endif
