/* engine_internal.h — what the engine shares with its backends: the arena plan
 * (offsets computed once from the shape pass at the largest batch) and the
 * backend vtable. Backends (src/cpu/backend_cpu.c, cuda/backend_cuda.cu) loop
 * over e->model->layers and call their own kernels with e->shapes[i]. */
#ifndef CNNC_ENGINE_INTERNAL_H
#define CNNC_ENGINE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "cnnc/engine.h"
#include "cnnc/shape.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CNNC_NO_OFFSET ((size_t)-1)

/* Byte offsets into the arena for one layer (CNNC_NO_OFFSET = absent). Parameter
 * and gradient slots lie inside the flat params/grads regions, in state_dict
 * order, so the optimizer can run over the whole region in one call. */
typedef struct cnnc_layer_slots {
    size_t out;          /* float activation output, max_batch sized */
    size_t dout;         /* float gradient w.r.t. `out` (what the next layer's backward writes) */
    size_t weight, bias, dweight, dbias;
    size_t running_mean, running_var;  /* BatchNorm buffers (float [C]) */
    size_t aux;          /* maxpool: int32 argmax [out numel]; dropout: uint8 mask [numel];
                          * batchnorm: float save_mean [C] then save_invstd [C] */
} cnnc_layer_slots;

typedef struct cnnc_plan {
    int64_t max_batch;
    cnnc_shape sample;           /* per-sample input shape, e.g. [1, 28, 28] */
    int64_t sample_numel;
    int64_t n_classes;           /* numel of one sample's output */
    size_t params, grads;        /* float regions of n_params each */
    int64_t n_params;            /* trainable floats */
    size_t opt_m, opt_v;         /* optimizer state (SGD momentum uses opt_m), n_params each */
    size_t input;                /* float [max_batch * sample_numel] */
    size_t labels;               /* int32 [max_batch] */
    size_t dlogits;              /* float [max_batch * n_classes] */
    size_t metrics;              /* float [4]: loss_sum, correct, count, last_loss */
    size_t workspace;            /* backend scratch (im2col, cuDNN) */
    size_t workspace_bytes;
    size_t total_bytes;
    cnnc_layer_slots *layers;    /* n_layers */
} cnnc_plan;

struct cnnc_engine;

typedef struct cnnc_backend_ops {
    const char *name;            /* "cpu", "cuda" */
    /* Scratch bytes the backend needs for this layer at this geometry (the plan
     * takes the max over layers). Called before init. */
    size_t (*workspace_bytes)(const struct cnnc_engine *e, int32_t layer, const cnnc_layer_shape *s);
    /* Allocate e->plan.total_bytes as the arena (e->arena), plus handles.
     * release must cope with a failed or never-called init. */
    cnnc_status (*init)(struct cnnc_engine *e, cnnc_error *err);
    void (*release)(struct cnnc_engine *e);
    /* Host <-> arena copies (setup and read-back only; never in the loop). */
    cnnc_status (*upload)(struct cnnc_engine *e, size_t offset, const void *src, size_t bytes, cnnc_error *err);
    cnnc_status (*download)(struct cnnc_engine *e, void *dst, size_t offset, size_t bytes, cnnc_error *err);
    cnnc_status (*memset0)(struct cnnc_engine *e, size_t offset, size_t bytes, cnnc_error *err);
    /* Keep a uint8 data set resident (slot 0 train, 1 test); CUDA uploads once. */
    cnnc_status (*set_dataset)(struct cnnc_engine *e, int slot, const uint8_t *images,
                               const uint8_t *labels, int64_t n, int64_t pixels, cnnc_error *err);
    /* The sample order for a slot (a permutation, or identity); CUDA uploads it once per epoch. */
    cnnc_status (*set_order)(struct cnnc_engine *e, int slot, const int32_t *order, int64_t n, cnnc_error *err);
    /* Gather samples order[start .. start+n) of a slot into input/labels, normalised. */
    cnnc_status (*gather)(struct cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err);
    /* Forward through all layers for batch n (e->shapes already set for n). */
    cnnc_status (*forward)(struct cnnc_engine *e, int64_t n, int train, cnnc_error *err);
    /* Cross-entropy on the last layer's output vs labels; adds loss*n, correct and n
     * to metrics[0..2], sets metrics[3] = loss; writes dlogits when want_grad. */
    cnnc_status (*loss)(struct cnnc_engine *e, int64_t n, int want_grad, cnnc_error *err);
    /* Backward from dlogits through all layers; fills the grads region. */
    cnnc_status (*backward)(struct cnnc_engine *e, int64_t n, cnnc_error *err);
    /* One optimizer update over the flat params region (e->optim, e->step already incremented). */
    cnnc_status (*optim_step)(struct cnnc_engine *e, cnnc_error *err);
    /* Wait for queued work (CUDA: stream sync; CPU: no-op). */
    cnnc_status (*sync)(struct cnnc_engine *e, cnnc_error *err);
    /* --profile-steps: on=1 before the first profiled step (cudaProfilerStart),
     * on=0 after the last. May be NULL (CPU). */
    cnnc_status (*profiler)(struct cnnc_engine *e, int on, cnnc_error *err);
    /* Optional (NULL: the engine calls the ops above one by one). One whole
     * training step, exactly gather (slot >= 0: samples [start, start+n) of the
     * order; slot < 0: the batch already in input/labels) + forward(train) +
     * loss(want_grad) + backward + optim_step, with e->step already incremented
     * and e->shapes set for n. The CUDA backend captures it once per batch size
     * as a CUDA graph and replays it; the engine skips it when cfg.no_graph. */
    cnnc_status (*train_step)(struct cnnc_engine *e, int slot, int64_t start, int64_t n, cnnc_error *err);
    /* Optional (`cnnc profile`; CUDA only). `reps` training steps op by op on the
     * batch already set (e->shapes for it), timed with device events between
     * layers: mean milliseconds per layer forward/backward (arrays of n_layers),
     * loss and optimizer. Takes real optimizer steps (increments e->step). */
    cnnc_status (*profile_step)(struct cnnc_engine *e, int reps, double *fwd_ms, double *bwd_ms, double *loss_ms,
                                double *optim_ms, cnnc_error *err);
    /* Optional: the card's measured FP32 GEMM GFLOP/s (a big SGEMM, no TF32) and
     * device-to-device copy GB/s (bytes read + written). */
    cnnc_status (*measure_peaks)(struct cnnc_engine *e, double *fp32_gflops, double *copy_gbps, cnnc_error *err);
    /* Optional: how layer `layer` runs when that is worth saying: a conv's engine, e.g.
     * "cudnn (auto at batch 1024: cudnn 1.407 ms, gemm 1.524 ms fwd+bwd)", or a fused layer
     * ("fused into ..." when it has no pass of its own); 0 for anything else. */
    int (*describe_layer)(const struct cnnc_engine *e, int32_t layer, char *buf, size_t cap);
    /* Optional (NULL: the engine reads the metrics block with download). Copy the
     * metrics block into host slot k (0 or 1) without waiting, then collect it
     * later: collect waits only for that copy. Keeps training's read-back of the
     * loss and accuracy off the critical path. */
    cnnc_status (*metrics_post)(struct cnnc_engine *e, int k, cnnc_error *err);
    cnnc_status (*metrics_collect)(struct cnnc_engine *e, int k, float m[4], cnnc_error *err);
} cnnc_backend_ops;

struct cnnc_engine {
    const cnnc_model *model;     /* borrowed; must outlive the engine */
    cnnc_engine_config cfg;
    const cnnc_backend_ops *ops;
    void *backend;               /* backend private state */
    unsigned char *arena;        /* host pointer (cpu) or device pointer (cuda) */
    cnnc_plan plan;
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
    /* Resident data sets (slot 0 train, 1 test): sizes and borrowed host labels. */
    int64_t dataset_n[2];
    const uint8_t *dataset_labels[2];
    int32_t *order;              /* host sample order, sized for the larger set */
    int64_t order_cap;
};

/* RNG offset for the next Dropout layer's forward: both backends call this
 * once per Dropout layer per training forward, in layer order, so CPU and CUDA
 * draw identical masks (2^40 elements of room per call). */
static inline uint64_t cnnc_engine_dropout_offset(struct cnnc_engine *e) {
    return (e->dropout_calls++) << 40;
}

/* The BatchNorm factor the engine passes to kernels this step (momentum, or
 * 1/num_batches_tracked when momentum=None). Increments num_batches_tracked. */
float cnnc_engine_bn_factor(struct cnnc_engine *e, int32_t layer);

/* Shape pass for a batch (train or eval mode) into e->shapes, then check it
 * fits the plan (same per-sample shape, 1 <= n <= max_batch). */
cnnc_status cnnc_engine_prepare_batch(struct cnnc_engine *e, const cnnc_shape *x_shape, int train, cnnc_error *err);

extern const cnnc_backend_ops cnnc_cpu_backend;
#if defined(CNNC_HAVE_CUDA)
extern const cnnc_backend_ops cnnc_cuda_backend;
#endif

#ifdef __cplusplus
}
#endif
#endif
