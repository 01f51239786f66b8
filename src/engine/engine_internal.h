/* engine_internal.h — what the engine shares with its backends: the arena plan
 * (offsets computed once from the shape pass at the largest batch), the
 * backend vtable, and the per-kind kernel tables. The engine owns the layer
 * loop (src/engine/run.c): it calls each node's kernel from the backend's
 * table, with the node's pointers resolved once after init. */
#ifndef CNNC_ENGINE_INTERNAL_H
#define CNNC_ENGINE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "cnnc/engine.h"
#include "cnnc/shape.h"
#include "cnnc/profile.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CNNC_NO_OFFSET ((size_t)-1)

/* Byte offsets into the arena for one node (CNNC_NO_OFFSET = absent). Parameter
 * and gradient slots lie inside the flat params/grads regions, in state_dict
 * order, so the optimizer can run over the whole region in one call. */
typedef struct cnnc_layer_slots {
    size_t out;          /* float activation output, max_batch sized */
    size_t dout;         /* float gradient w.r.t. `out` (what the consumers' backward writes);
                          * shared with other gradients whose lifetimes do not overlap */
    size_t weight, bias, dweight, dbias;
    size_t running_mean, running_var;  /* BatchNorm buffers (float [C]) */
    size_t aux;          /* the kind's aux storage (layer_def aux_bytes): maxpool argmax,
                          * dropout mask, batchnorm saved statistics */
} cnnc_layer_slots;

/* Where each input's gradient goes in a node's backward. */
typedef struct cnnc_grad_edge {
    size_t din;          /* where the kernel writes it (CNNC_NO_OFFSET: not needed) */
    size_t add_to;       /* != CNNC_NO_OFFSET: din is scratch, added into this dout after the kernel */
} cnnc_grad_edge;

typedef struct cnnc_plan {
    int64_t max_batch;
    cnnc_shape sample;           /* per-sample input shape, e.g. [1, 28, 28] */
    int64_t sample_numel;
    int64_t n_classes;           /* numel of one sample's output */
    size_t params, grads;        /* float regions of n_params each */
    int64_t n_params;            /* trainable floats */
    size_t opt_m, opt_v;         /* optimizer state, n_params each (what each holds: cnnc/engine.h) */
    size_t opt_u;                /* RMSprop(centered=True)'s grad_avg, else CNNC_NO_OFFSET */
    size_t buffers, buffers_bytes;  /* the float buffers (running statistics): one span, in
                                     * state_dict order with alignment gaps (zeroed) */
    size_t ema, ema_buffers;     /* --ema: the averages of params (n_params floats) and of the
                                  * buffers' span (same layout), else CNNC_NO_OFFSET */
    size_t input;                /* float [max_batch * sample_numel] */
    size_t labels;               /* int32 [max_batch] */
    size_t dlogits;              /* float [max_batch * n_classes] */
    size_t metrics;              /* float [4]: loss_sum, correct, count, last_loss */
    size_t workspace;            /* backend scratch (im2col, cuDNN) */
    size_t workspace_bytes;
    size_t grad_bytes;           /* bytes the gradient buffers take after sharing by lifetime */
    size_t grad_bytes_unshared;  /* ... and would take one buffer per node */
    size_t total_bytes;
    cnnc_layer_slots *layers;    /* n_layers */
    cnnc_grad_edge *grad_edges;  /* per node input, laid out as model->edges */
} cnnc_plan;

struct cnnc_engine;

/* The training loss, chosen once at creation from the output node's kind: a
 * model that ends in LogSoftmax outputs log-probabilities and trains with
 * NLLLoss (as pytorch/examples' MNIST net does with F.nll_loss); any other
 * output is logits for CrossEntropyLoss. */
typedef enum cnnc_loss_kind { CNNC_LOSS_CROSS_ENTROPY = 0, CNNC_LOSS_NLL } cnnc_loss_kind;

/* One node as its kernels see it: the pointers are resolved once after the
 * backend's init (arena addresses: host or device), the shape is the current
 * batch's. Gradient pointers are NULL where nothing needs them. */
typedef struct cnnc_node_run {
    int32_t index;
    const cnnc_layer *layer;
    const cnnc_layer_shape *shape;
    int32_t n_in;
    float **in;                  /* n_in input tensors */
    float **din;                 /* n_in input gradients (NULL entries: not needed) */
    float *out, *dout;
    float *weight, *bias, *dweight, *dbias, *running_mean, *running_var;
    void *aux;
} cnnc_node_run;

/* A backend's kernels for one layer kind. forward NULL: the backend cannot run
 * the kind, and the engine refuses the model when it is created. */
typedef struct cnnc_kernel {
    /* Optional: why this backend cannot run node `node` as configured (NULL: it can). */
    const char *(*unsupported)(const struct cnnc_engine *e, int32_t node);
    /* Optional: scratch bytes at this geometry (the plan takes the max over nodes). */
    size_t (*workspace_bytes)(const struct cnnc_engine *e, int32_t node, const cnnc_layer_shape *s);
    cnnc_status (*forward)(struct cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err);
    /* Overwrites din, dweight and dbias (the engine accumulates where a tensor feeds several nodes). */
    cnnc_status (*backward)(struct cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err);
} cnnc_kernel;

/* A Conv2d, ConvTranspose2d or Linear node with more than one input is F.conv2d /
 * F.conv_transpose2d / F.linear with a weight that is a tensor, not the node's own
 * parameter (src/py/torch_conv.c): the shape pass follows it; the kernels read
 * weights from the parameters, so both backends refuse it with this reason. NULL:
 * the node holds its own weight. */
static inline const char *cnnc_tensor_weight_unsupported(const cnnc_layer *L) {
    if (L->n_in <= 1) return NULL;
    switch (L->kind) {
    case CNNC_LINEAR:
        return "F.linear with a weight that is a tensor, not a Linear's parameter, is checked, not run (the engines "
               "hold weights as parameters)";
    case CNNC_CONVTRANSPOSE2D:
        return "F.conv_transpose2d with a weight that is a tensor, not a ConvTranspose2d's parameter, is checked, not run "
               "(the engines hold weights as parameters)";
    default:
        return "F.conv2d with a weight that is a tensor, not a Conv2d's parameter, is checked, not run (the engines "
               "hold weights as parameters)";
    }
}

typedef struct cnnc_backend_ops {
    const char *name;            /* "cpu", "cuda" */
    const cnnc_kernel *const *kernels;  /* [CNNC_LAYER_KIND_COUNT]: built from CNNC_LAYER_KINDS */
    /* Allocate e->plan.total_bytes as the arena (e->arena), plus handles.
     * release must cope with a failed or never-called init. */
    cnnc_status (*init)(struct cnnc_engine *e, cnnc_error *err);
    void (*release)(struct cnnc_engine *e);
    /* Host <-> arena copies (setup and read-back only; never in the loop). */
    cnnc_status (*upload)(struct cnnc_engine *e, size_t offset, const void *src, size_t bytes, cnnc_error *err);
    cnnc_status (*download)(struct cnnc_engine *e, void *dst, size_t offset, size_t bytes, cnnc_error *err);
    cnnc_status (*memset0)(struct cnnc_engine *e, size_t offset, size_t bytes, cnnc_error *err);
    /* dst[i] += src[i] over n floats of the arena (gradients of a tensor read by several nodes). */
    cnnc_status (*accumulate)(struct cnnc_engine *e, float *dst, const float *src, int64_t n, cnnc_error *err);
    /* Keep a uint8 data set resident (slot 0 train, 1 test); CUDA uploads once. */
    cnnc_status (*set_dataset)(struct cnnc_engine *e, int slot, const uint8_t *images,
                               const uint8_t *labels, int64_t n, int64_t pixels, cnnc_error *err);
    /* The sample order for a slot (a permutation, or identity); CUDA uploads it once per epoch. */
    cnnc_status (*set_order)(struct cnnc_engine *e, int slot, const int32_t *order, int64_t n, cnnc_error *err);
    /* Gather samples order[start .. start+n) of a slot into input/labels, normalised. */
    cnnc_status (*gather)(struct cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err);
    /* The loss (e->loss_kind: cross-entropy on logits, or NLL on log-probabilities)
     * of the output node vs labels; adds loss*n, correct and n to metrics[0..2],
     * sets metrics[3] = loss; writes dlogits (the output's gradient) when want_grad. */
    cnnc_status (*loss)(struct cnnc_engine *e, int64_t n, int want_grad, cnnc_error *err);
    /* One optimizer update over the flat params region (e->optim, e->step already incremented). */
    cnnc_status (*optim_step)(struct cnnc_engine *e, cnnc_error *err);
    /* Wait for queued work (CUDA: stream sync; CPU: no-op). */
    cnnc_status (*sync)(struct cnnc_engine *e, cnnc_error *err);
    /* Optional: a named range around each node's kernel (push=1 before, 0 after;
     * phase 0 forward, 1 backward): NVTX on CUDA. */
    void (*range)(struct cnnc_engine *e, int32_t node, int phase, int push);
    /* --profile-steps: on=1 before the first profiled step (cudaProfilerStart),
     * on=0 after the last. May be NULL (CPU). */
    cnnc_status (*profiler)(struct cnnc_engine *e, int on, cnnc_error *err);
    /* Optional (NULL: the engine calls the ops one by one). One whole training
     * step, exactly gather (slot >= 0: samples [start, start+n) of the order;
     * slot < 0: the batch already in input/labels) + cnnc_engine_run_forward(train)
     * + loss(want_grad) + cnnc_engine_run_backward + optim_step, with e->step
     * already incremented and e->shapes set for n. The CUDA backend captures it
     * once per batch size as a CUDA graph and replays it; the engine skips it when
     * cfg.no_graph. */
    cnnc_status (*train_step)(struct cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err);
    /* Optional device timers (`cnnc profile`): record mark k (0 <= k < marks) on the
     * queue; read the milliseconds between marks a and b once all are done. */
    cnnc_status (*timer_open)(struct cnnc_engine *e, int marks, cnnc_error *err);
    cnnc_status (*timer_mark)(struct cnnc_engine *e, int k, cnnc_error *err);
    cnnc_status (*timer_ms)(struct cnnc_engine *e, int a, int b, double *ms, cnnc_error *err);
    void (*timer_close)(struct cnnc_engine *e);
    /* Optional: the card's measured FP32 GEMM GFLOP/s (a big SGEMM, no TF32) and
     * device-to-device copy GB/s (bytes read + written). */
    cnnc_status (*measure_peaks)(struct cnnc_engine *e, double *fp32_gflops, double *copy_gbps, cnnc_error *err);
    /* Optional: how node `layer` runs when that is worth saying, as a cnnc_layer_how
     * (cnnc/profile.h): a conv's engine, e.g. "cudnn (auto at batch 1024: cudnn 1.407 ms,
     * gemm 1.524 ms fwd+bwd)", or a fused node; 0 for anything else. */
    int (*describe_layer)(const struct cnnc_engine *e, int32_t layer, char *buf, size_t cap);
    /* Optional: the node whose backward first writes node `node`'s dout, when a
     * fused kernel writes it earlier than its consumers would; -1: the consumers. */
    int32_t (*grad_writer)(const struct cnnc_engine *e, int32_t node);
    /* Optional (NULL: the engine reads the metrics block with download). Copy the
     * metrics block into host slot k (0 or 1) without waiting, then collect it
     * later: collect waits only for that copy. Keeps training's read-back of the
     * loss and accuracy off the critical path. */
    cnnc_status (*metrics_post)(struct cnnc_engine *e, int k, cnnc_error *err);
    cnnc_status (*metrics_collect)(struct cnnc_engine *e, int k, float m[4], cnnc_error *err);
    /* Optional: take the learning-rate schedule's tables (e->sched_*, already set on
     * the host; n == 0: none), e.g. copy them to the device once. optim_step reads
     * step e->step's entry (cnnc_engine_hyper) wherever its step count lives. */
    cnnc_status (*set_schedule)(struct cnnc_engine *e, cnnc_error *err);
    /* Augmentation codes for the following gathers of a slot, one per position of
     * its order (engine/augment.h; NULL: none), given once per epoch after
     * set_order (CUDA uploads them with it); the crop and flip happen inside the
     * gather (augment.h). */
    cnnc_status (*set_augment)(struct cnnc_engine *e, int slot, const int32_t *codes, int64_t n, cnnc_error *err);
    /* Optional (NULL: the backend cannot stream). Gather n samples that sit
     * contiguously on the host in batch order (images n x pixels, labels n, codes
     * n augmentation codes or NULL) into input/labels, normalised, as gather does.
     * The host buffers may be reused once host_done returns. */
    cnnc_status (*gather_host)(struct cnnc_engine *e, const uint8_t *images, const uint8_t *labels,
                               const int32_t *codes, int64_t n, cnnc_error *err);
    /* Optional: wait until the last gather_host no longer reads its host buffers
     * (CUDA: the asynchronous copies are done). NULL: gather_host copies synchronously. */
    cnnc_status (*host_done)(struct cnnc_engine *e, cnnc_error *err);
    /* Optional: page-locked host memory for the stream's buffers (CUDA: cudaHostAlloc),
     * freed with host_free. NULL: malloc/free. */
    void *(*host_alloc)(struct cnnc_engine *e, size_t bytes);
    void (*host_free)(struct cnnc_engine *e, void *p);
    /* Exchange n floats at two arena offsets (the EMA and the weights, cnnc_engine_swap_ema). */
    cnnc_status (*swap)(struct cnnc_engine *e, size_t a, size_t b, int64_t n, cnnc_error *err);
    /* Optional: make what gather_host needs (CUDA: the device staging set), once a
     * stream is set and before any step, so the training loop allocates nothing. */
    cnnc_status (*stream_ready)(struct cnnc_engine *e, cnnc_error *err);
    /* Optional, NULL without NCCL (dist.c): rank 0 makes the unique id; every rank
     * joins the communicator of `size` ranks as `rank` on its device; n floats at an
     * arena offset are summed over ranks in place; bytes at an offset go from rank 0
     * to all. On the engine's stream; the communicator goes with `release`. */
    cnnc_status (*nccl_id)(struct cnnc_engine *e, unsigned char id[128], cnnc_error *err);
    cnnc_status (*nccl_open)(struct cnnc_engine *e, const unsigned char id[128], int rank, int size, cnnc_error *err);
    cnnc_status (*nccl_sum)(struct cnnc_engine *e, size_t offset, int64_t n, cnnc_error *err);
    cnnc_status (*nccl_bcast)(struct cnnc_engine *e, size_t offset, size_t bytes, cnnc_error *err);
    /* Optional, with nccl_open: nccl_sum bucket by bucket, overlapped with
     * backward (DistributedDataParallel's buckets). sum_begin queues the sum of n
     * floats at an offset on NCCL's own stream, after all work queued so far (the
     * bucket's gradients); sum_join makes later work wait for every sum begun
     * since the last join. Neither waits on the host; a captured step holds both. */
    cnnc_status (*nccl_sum_begin)(struct cnnc_engine *e, size_t offset, int64_t n, cnnc_error *err);
    cnnc_status (*nccl_sum_join)(struct cnnc_engine *e, cnnc_error *err);
} cnnc_backend_ops;

struct cnnc_engine {
    const cnnc_model *model;     /* borrowed; must outlive the engine */
    cnnc_engine_config cfg;
    const cnnc_backend_ops *ops;
    void *backend;               /* backend private state */
    unsigned char *arena;        /* host pointer (cpu) or device pointer (cuda) */
    cnnc_plan plan;
    cnnc_loss_kind loss_kind;    /* from the output node's kind, at creation */
    cnnc_param_info *params;     /* n_params_info entries, state_dict order */
    int32_t n_param_info;
    size_t *param_offset;        /* arena offset of each entry (I64 num_batches_tracked: CNNC_NO_OFFSET) */
    size_t *grad_offset;         /* trainable ones: their gradient; else CNNC_NO_OFFSET */
    int64_t *num_batches_tracked;/* per layer (BatchNorm), host side */
    cnnc_layer_shape *shapes;    /* per layer, for the current batch size */
    cnnc_layer_shape *shapes_max;/* per layer, at max_batch (sizes the plan) */
    int64_t shapes_batch;        /* batch the `shapes` are valid for (0 = none) */
    int64_t step;                /* optimizer steps taken (1-based inside optim_step) */
    uint64_t dropout_calls;      /* advances the dropout RNG offset each forward */
    int last_forward_train;      /* mode of the last forward (a backward after an eval forward) */
    /* The graph as the loop runs it. */
    int32_t *n_consumers;        /* per node: inputs of other nodes that read it */
    uint8_t *live;               /* per node: on a path to the output (its backward runs) */
    cnnc_node_run *runs;         /* per node, pointers resolved after init */
    float **run_ptrs;            /* the runs' in/din arrays */
    /* --detect-anomaly: host scratch and where the loop is, for the message. */
    float *anomaly_host;
    int64_t anomaly_epoch, anomaly_step;
    /* Resident data sets (slot 0 train, 1 test): sizes and borrowed host labels. */
    int64_t dataset_n[2];
    const uint8_t *dataset_labels[2];
    int32_t *order;              /* host sample order, sized for the larger set */
    int32_t *aug_codes;          /* host augmentation codes of the training order (augment.c) */
    int64_t order_cap;
    struct cnnc_prefetch *stream;/* slot 0 streamed from disk (prefetch.c; NULL: resident) */
    /* The learning-rate schedule (cnnc_engine_set_schedule): per-step lr and momentum
     * (SGD/RMSprop momentum, Adam beta1), sched_n entries; NULL: the optimizer's own. */
    double *sched_lr, *sched_momentum;
    int64_t sched_n;
    /* --ema: the optimizer step whose update copies the weights (AveragedModel's n_averaged
     * is 0 before it); optim_step averages at every later step (ema.c). */
    int64_t ema_first_step;
    /* Data-parallel training (dist.c, cnnc_engine_set_comm): the communicator
     * (NULL: one process), SyncBatchNorm, and the global batch the loss's mean
     * divides by (0: the batch this rank runs). */
    struct cnnc_comm *comm;
    int sync_bn;
    int64_t loss_mean_over;
    double bucket_cap_mb;        /* NCCL's gradient buckets (cnnc_engine_set_bucket_cap_mb); 0: 25 */
};

/* --ema, after an optimizer update: whether step e->step's update is the first,
 * a copy. Backends with a host step ask this; CUDA compares its device counter. */
static inline int cnnc_engine_ema_copies(const struct cnnc_engine *e) { return e->step == e->ema_first_step; }

/* RNG offset for the next Dropout or randn_like node's forward: both backends
 * call this once per Dropout node per training forward and once per randn_like
 * node per forward (train or eval), in node order, so CPU and CUDA draw
 * identical values (2^40 counters of room per call). */
static inline uint64_t cnnc_engine_dropout_offset(struct cnnc_engine *e) {
    return (e->dropout_calls++) << 40;
}

/* The BatchNorm factor the engine passes to kernels this step (momentum, or
 * 1/num_batches_tracked when momentum=None). Increments num_batches_tracked. */
float cnnc_engine_bn_factor(struct cnnc_engine *e, int32_t layer);

/* SyncBatchNorm (--sync-bn): sum n doubles over ranks in rank order, in place
 * (dist.c). Every rank calls it at the same BatchNorm node. */
cnnc_status cnnc_engine_bn_allsum(struct cnnc_engine *e, double *v, int64_t n, cnnc_error *err);
/* Room for 2 * C + 2 doubles for the largest BatchNorm's C (set up with the communicator). */
double *cnnc_engine_bn_sums(struct cnnc_engine *e);
/* This process's rank in a data-parallel run (0 without one). */
int cnnc_engine_rank(const struct cnnc_engine *e);

/* A data set's shape, size and labels checked against the model; the host order
 * grown to n (train.c). */
cnnc_status cnnc_engine_check_data(struct cnnc_engine *e, int32_t channels, int32_t height, int32_t width, int64_t n,
                                   const uint8_t *labels, cnnc_error *err);
/* Slot 0 back to resident: the stream's pool is freed (stream.c). */
void cnnc_engine_drop_stream(struct cnnc_engine *e);
/* Shape pass for a batch (train or eval mode) into e->shapes, then check it
 * fits the plan (same per-sample shape, 1 <= n <= max_batch). */
cnnc_status cnnc_engine_prepare_batch(struct cnnc_engine *e, const cnnc_shape *x_shape, int train, cnnc_error *err);

/* ---- run.c: the layer loop ---- */
/* Every node's forward for the batch e->shapes are set for, in order. */
cnnc_status cnnc_engine_run_forward(struct cnnc_engine *e, int64_t n, int train, cnnc_error *err);
/* Every live node's backward, last first, from dlogits; fills the grads region. */
cnnc_status cnnc_engine_run_backward(struct cnnc_engine *e, int64_t n, cnnc_error *err);
/* Resolve every node's pointers into the arena (after the backend's init). */
cnnc_status cnnc_engine_resolve_runs(struct cnnc_engine *e, cnnc_error *err);
/* Tag an error with the node it happened in. */
cnnc_status cnnc_engine_in_layer(const struct cnnc_engine *e, int32_t node, cnnc_status status, cnnc_error *err);
/* Per-node device time of `reps` training steps on the batch already set
 * (cnnc profile): mean ms per node forward/backward, loss and optimizer. */
cnnc_status cnnc_engine_profile_steps(struct cnnc_engine *e, int reps, double *fwd_ms, double *bwd_ms, double *loss_ms,
                                      double *optim_ms, cnnc_error *err);

/* Elements of node `node`'s k-th input at the current batch (e->shapes). */
static inline int64_t cnnc_engine_input_numel(const struct cnnc_engine *e, int32_t node, int32_t k) {
    const int32_t src = cnnc_layer_input(e->model, node, k);
    return src >= 0 ? e->shapes[src].out_numel : e->shapes_batch * e->plan.sample_numel;
}

/* The output node's arena slot. */
static inline size_t cnnc_engine_output_offset(const struct cnnc_engine *e) {
    return e->plan.layers[cnnc_model_output(e->model)].out;
}

extern const cnnc_backend_ops cnnc_cpu_backend;
/* The CUDA backend is the plugin's (cuda_plugin.h: cnnc_cuda_backend_probe). */
extern const cnnc_backend_ops cnnc_cuda_backend;

/* Tell cfg.on_plan what the arena will hold (plan_report.c). */
void cnnc_engine_report_plan(const struct cnnc_engine *e);

/* torch.optim's constructor checks with its messages (optim_check.c). */
cnnc_status cnnc_optim_check(const cnnc_optim_config *c, cnnc_error *err);

/* The lr and momentum (SGD/RMSprop momentum, Adam beta1) of optimizer step `step`
 * (1-based): the schedule's entry, else the optimizer's constants. */
static inline void cnnc_engine_hyper(const struct cnnc_engine *e, int64_t step, double *lr, double *momentum) {
    const cnnc_optim_config *o = &e->cfg.optim;
    const int beta = o->kind == CNNC_OPTIM_ADAM || o->kind == CNNC_OPTIM_ADAMW;
    *lr = (double)o->lr;
    *momentum = beta ? (double)o->beta1 : (double)o->momentum;
    if (e->sched_n > 0) {
        int64_t k = step - 1 < 0 ? 0 : step - 1 >= e->sched_n ? e->sched_n - 1 : step - 1;
        *lr = e->sched_lr[k];
        if (e->sched_momentum) *momentum = e->sched_momentum[k];
    }
}

#ifdef __cplusplus
}
#endif
#endif
