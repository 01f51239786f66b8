/* cnnc/engine.h — the training engine: one arena sized by the shape pass,
 * a CPU or CUDA backend behind one interface, PyTorch's init and optimizers. */
#ifndef CNNC_ENGINE_H
#define CNNC_ENGINE_H

#include "cnnc/shape.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cnnc_device_kind { CNNC_DEVICE_CPU = 0, CNNC_DEVICE_CUDA, CNNC_DEVICE_AUTO } cnnc_device_kind;
typedef enum cnnc_optim_kind {
    CNNC_OPTIM_SGD = 0, CNNC_OPTIM_ADAM, CNNC_OPTIM_ADAMW, CNNC_OPTIM_ADADELTA, CNNC_OPTIM_RMSPROP, CNNC_OPTIM_ADAGRAD,
    CNNC_OPTIM_KIND_COUNT
} cnnc_optim_kind;
/* CUDA conv engines: im2col + cuBLAS GEMM, cuDNN, or a direct sum for layers with
 * few taps per output (C/groups*KH*KW <= 32, <= 32 output channels per group: e.g.
 * a first layer on 1-3 channels); auto times the ones a layer can use at setup. */
typedef enum cnnc_conv_engine { CNNC_CONV_AUTO = 0, CNNC_CONV_GEMM, CNNC_CONV_CUDNN, CNNC_CONV_DIRECT } cnnc_conv_engine;

typedef struct cnnc_optim_config {
    cnnc_optim_kind kind;
    float lr;
    float momentum, dampening;   /* SGD */
    int nesterov;                /* SGD */
    float weight_decay;
    float beta1, beta2, eps;     /* Adam/AdamW; eps also Adadelta, RMSprop, Adagrad */
    float rho;                   /* Adadelta (0.9) */
    float alpha;                 /* RMSprop (0.99); RMSprop's momentum is `momentum` */
    int centered;                /* RMSprop */
    float lr_decay;              /* Adagrad */
} cnnc_optim_config;

/* What the arena will hold, told before it is allocated (cnnc_engine_config.on_plan). */
typedef struct cnnc_plan_summary {
    size_t total_bytes;          /* the whole arena */
    size_t param_bytes;          /* parameters, their gradients and the optimizer state */
    size_t workspace_bytes;      /* the largest scratch any layer needs */
    size_t activation_bytes;     /* the rest: inputs, activations and their gradients, aux storage */
    int64_t max_batch;
    int32_t layers;
    const char *device;          /* "cpu" or "cuda" */
} cnnc_plan_summary;

/* Augmentation inside the training gather, as torchvision's RandomCrop(size,
 * padding=crop_pad) then RandomHorizontalFlip(): each sample is cropped at a random
 * offset of its image zero-padded by crop_pad pixels on every side, then mirrored
 * with probability 1/2. The draws come from (seed, epoch, sample index), so a
 * resumed run sees the same ones. Needs a CxHxW input with crop_pad <= H and W. */
#define CNNC_AUGMENT_MAX_PAD 2047
typedef struct cnnc_augment {
    int32_t crop_pad;            /* 0: no crop; 1..CNNC_AUGMENT_MAX_PAD */
    int32_t hflip;               /* nonzero: random horizontal flip */
} cnnc_augment;

typedef struct cnnc_engine_config {
    cnnc_device_kind device;
    int device_index;            /* CUDA device ordinal */
    int threads;                 /* CPU threads (<= 0: all cores) */
    int64_t max_batch;           /* arena sized for this batch */
    cnnc_shape sample;           /* per-sample input shape [C, H, W] */
    uint64_t seed;               /* init and dropout */
    cnnc_optim_config optim;
    cnnc_conv_engine conv;       /* CUDA conv engine */
    int tf32;                    /* CUDA: allow TF32 tensor-core GEMMs */
    int bf16;                    /* bf16 GEMM operands, rounded to nearest even, with fp32 storage,
                                  * accumulation, master weights and optimizer (--precision bf16):
                                  * cuBLAS's COMPUTE_32F_FAST_16BF on CUDA (conv on the GEMM engine,
                                  * cuDNN has no such mode for fp32 tensors), the same rounding
                                  * emulated on the CPU as the reference. Excludes tf32. */
    int no_graph;                /* CUDA: run training steps op by op instead of replaying
                                  * a captured CUDA graph per batch size (--no-graph) */
    int conv_algo_fast;          /* CUDA/cuDNN: let cudnnFind pick any algorithm, FFT and Winograd
                                  * and non-deterministic ones included, as PyTorch does with
                                  * cudnn.benchmark=True (--conv-algo fast); 0: exact, direct-sum
                                  * algorithms, deterministic where cuDNN has one (--conv-algo exact) */
    int no_fuse;                 /* CUDA: run Conv2d -> ReLU -> MaxPool2d as three layers instead of
                                  * one fused bias+ReLU+max-pool pass (--no-fuse) */
    float data_mean, data_std;   /* gather normalisation: (x/255 - mean)/std */
    int64_t profile_first, profile_last; /* optimizer steps (1-based, inclusive) wrapped in
                                          * the backend profiler range; 0 = off */
    /* Called once by cnnc_engine_create after the plan is made and checked
     * against the memory available, before the arena is allocated and zeroed
     * (a large one takes seconds): the CLI says how much when it is large. */
    void (*on_plan)(void *user, const cnnc_plan_summary *plan);
    void *on_plan_user;
    int detect_anomaly;          /* train loops check every layer's output (forward) and gradients
                                  * (backward) for nan/inf and stop at the first (slow: debugging) */
    float label_smoothing;       /* CrossEntropyLoss(label_smoothing=...): 0 off; in [0, 1] */
    float clip_grad_norm;        /* clip_grad_norm_(parameters, max_norm) before every optimizer
                                  * step (L2 norm over all gradients); 0: off */
    cnnc_augment augment;        /* training gathers only (--augment); zero: none */
    double ema_decay;            /* --ema: keep an exponential moving average of the weights and the
                                  * float buffers, updated after every optimizer step as
                                  * torch.optim.swa_utils.AveragedModel(model, avg_fn=decay * avg +
                                  * (1 - decay) * param, use_buffers=True): the first update copies.
                                  * 0: off; else in (0, 1) */
} cnnc_engine_config;

typedef struct cnnc_engine cnnc_engine;

/* PyTorch's defaults: SGD lr 0.01; Adam/AdamW lr 1e-3, betas (0.9, 0.999), eps 1e-8
 * (AdamW weight_decay 1e-2); Adadelta lr 1.0, rho 0.9, eps 1e-6; RMSprop lr 1e-2,
 * alpha 0.99, eps 1e-8; Adagrad lr 1e-2, lr_decay 0, eps 1e-10. */
cnnc_optim_config cnnc_optim_default(cnnc_optim_kind kind);
/* cpu, 1 thread... sample from the model's `input =` if any, mean 0, std 1. */
cnnc_engine_config cnnc_engine_config_default(const cnnc_model *model);

/* Validates the model at max_batch, plans and allocates the arena, and
 * initialises parameters as PyTorch does (seeded). With device AUTO and no
 * usable GPU, falls back to the CPU and writes why into `note` (if non-NULL). */
cnnc_status cnnc_engine_create(const cnnc_model *model, const cnnc_engine_config *cfg,
                               cnnc_engine **out, char *note, size_t note_cap, cnnc_error *err);
void cnnc_engine_free(cnnc_engine *e);
const char *cnnc_engine_backend_name(const cnnc_engine *e);
size_t cnnc_engine_arena_bytes(const cnnc_engine *e);
/* Optimizer steps taken so far, and the number of output classes. */
int64_t cnnc_engine_steps(const cnnc_engine *e);
int64_t cnnc_engine_classes(const cnnc_engine *e);
/* The training loss, PyTorch's class name: "NLLLoss" when the model's output
 * node is a LogSoftmax (its output is log-probabilities), else "CrossEntropyLoss". */
const char *cnnc_engine_loss_name(const cnnc_engine *e);
/* The optimizer the engine was created with (kind and hyperparameters). */
const cnnc_optim_config *cnnc_engine_optim_config(const cnnc_engine *e);

/* Re-initialise parameters (kaiming_uniform(a=sqrt(5)) weights, U(+-1/sqrt(fan_in))
 * biases, BatchNorm 1/0, running stats 0/1) and reset optimizer state. */
cnnc_status cnnc_engine_init_params(cnnc_engine *e, uint64_t seed, cnnc_error *err);

/* Parameters and buffers in state_dict order (same order as cnnc_model_params). */
int32_t cnnc_engine_param_count(const cnnc_engine *e);
const cnnc_param_info *cnnc_engine_param(const cnnc_engine *e, int32_t index);
int32_t cnnc_engine_param_find(const cnnc_engine *e, const char *name);
/* Copy a parameter/buffer in or out (F32 as float, I64 as int64_t). */
cnnc_status cnnc_engine_read_param(cnnc_engine *e, int32_t index, void *dst, cnnc_error *err);
cnnc_status cnnc_engine_write_param(cnnc_engine *e, int32_t index, const void *src, cnnc_error *err);
/* Gradient of a trainable parameter from the last backward. */
cnnc_status cnnc_engine_read_grad(cnnc_engine *e, int32_t index, float *dst, cnnc_error *err);
/* Optimizer state as flat arrays over trainable floats (for checkpoints). */
int64_t cnnc_engine_trainable_floats(const cnnc_engine *e);
cnnc_status cnnc_engine_read_optim_state(cnnc_engine *e, float *m, float *v, int64_t *step, cnnc_error *err);
cnnc_status cnnc_engine_write_optim_state(cnnc_engine *e, const float *m, const float *v, int64_t step, cnnc_error *err);
/* The buffers m and v hold, by optimizer: SGD momentum_buffer and (unused); Adam/AdamW
 * exp_avg and exp_avg_sq; Adadelta acc_delta and square_avg; RMSprop momentum_buffer
 * and square_avg; Adagrad (unused) and sum. RMSprop(centered=True) keeps a third,
 * grad_avg: these copy it (an error for any other optimizer). */
int cnnc_engine_optim_has_grad_avg(const cnnc_engine *e);
cnnc_status cnnc_engine_read_optim_grad_avg(cnnc_engine *e, float *dst, cnnc_error *err);
cnnc_status cnnc_engine_write_optim_grad_avg(cnnc_engine *e, const float *src, cnnc_error *err);
/* A learning-rate schedule as per-step tables (cnnc/sched.h makes them): optimizer
 * step k (1-based) uses lr[k-1] and momentum[k-1] (SGD and RMSprop momentum, Adam's
 * beta1; NULL: the optimizer's own), steps past the end the last entry. Copied (to the
 * device once, on CUDA); n == 0 or lr == NULL: back to the optimizer's constant lr. */
cnnc_status cnnc_engine_set_schedule(cnnc_engine *e, const double *lr, const double *momentum, int64_t n,
                                     cnnc_error *err);
/* The learning rate optimizer step `step` (1-based) takes. */
double cnnc_engine_lr_at(const cnnc_engine *e, int64_t step);
/* ---- the weights' exponential moving average (cfg.ema_decay) ----
 * The EMA holds every float parameter and buffer (BatchNorm's running statistics);
 * an I64 buffer (num_batches_tracked) reads as the model's own. */
int cnnc_engine_has_ema(const cnnc_engine *e);
double cnnc_engine_ema_decay(const cnnc_engine *e);   /* 0 without one */
/* AveragedModel.n_averaged: the updates the average has taken (0: the next one copies). */
int64_t cnnc_engine_ema_count(const cnnc_engine *e);
/* Resume an average that has taken n updates (0: the next optimizer step copies the weights). */
void cnnc_engine_set_ema_count(cnnc_engine *e, int64_t n);
/* Copy entry `index`'s average in or out (as cnnc_engine_read_param / write_param). */
cnnc_status cnnc_engine_read_ema(cnnc_engine *e, int32_t index, void *dst, cnnc_error *err);
cnnc_status cnnc_engine_write_ema(cnnc_engine *e, int32_t index, const void *src, cnnc_error *err);
/* Exchange the model's weights and float buffers with their averages: evaluate the
 * average between two swaps. Training between them would train the average. */
cnnc_status cnnc_engine_swap_ema(cnnc_engine *e, cnnc_error *err);

/* RNG position (one count per Dropout node per training forward, and per
 * randn_like node per forward): checkpoints save and restore it so a resumed
 * run draws the same masks and noise. */
uint64_t cnnc_engine_rng_counter(const cnnc_engine *e);
void cnnc_engine_set_rng_counter(cnnc_engine *e, uint64_t counter);

/* ---- batches from host memory (cnnc step, predict, tests) ---- */
/* Runs the shape pass for [n, sample...]: a wrong batch is refused with PyTorch's
 * message before anything runs. Labels may be NULL (no loss). Labels are
 * range-checked: IndexError: Target 12 is out of bounds. */
cnnc_status cnnc_engine_set_batch(cnnc_engine *e, const float *x, const cnnc_shape *x_shape,
                                  const int64_t *labels, cnnc_error *err);
cnnc_status cnnc_engine_forward(cnnc_engine *e, int train, cnnc_error *err);
/* Output of the last forward, [n, classes]. */
cnnc_status cnnc_engine_read_output(cnnc_engine *e, float *dst, cnnc_error *err);
/* Loss of the last forward against the labels; with `backward`, also runs the
 * backward pass. */
cnnc_status cnnc_engine_loss(cnnc_engine *e, int backward, float *loss, cnnc_error *err);
/* One optimizer step on the gradients of the last backward; on a data-parallel
 * replica (cnnc/dist.h) they are first summed over the ranks, as training does. */
cnnc_status cnnc_engine_optim_step(cnnc_engine *e, cnnc_error *err);
/* Wait for all queued device work (no-op on the CPU). */
cnnc_status cnnc_engine_sync(cnnc_engine *e, cnnc_error *err);
/* forward(train) + loss + backward + optimizer step on the current batch. */
cnnc_status cnnc_engine_train_step(cnnc_engine *e, float *loss, cnnc_error *err);

/* ---- resident data sets (train / eval loops) ---- */
typedef struct cnnc_dataset {
    const uint8_t *images;       /* n x pixels, uint8 */
    const uint8_t *labels;       /* n */
    int64_t n;
    int32_t channels, height, width;
} cnnc_dataset;

/* Make a data set resident on the engine's device (slot 0 train, 1 test). */
cnnc_status cnnc_engine_set_dataset(cnnc_engine *e, int slot, const cnnc_dataset *ds, cnnc_error *err);

/* ---- streamed training sets (data that does not fit in memory) ----
 * A sample source reads one sample's pixels on demand (from disk); its labels are
 * resident (one byte a sample). `read` is called from several worker threads at
 * once and must be thread-safe; its error names the file and the sample index. */
typedef struct cnnc_sample_source {
    void *ctx;
    int64_t n;
    int32_t channels, height, width;
    const uint8_t *labels;       /* n, borrowed */
    cnnc_status (*read)(void *ctx, int64_t index, uint8_t *pixels, cnnc_error *err);
} cnnc_sample_source;

/* The most --workers and --prefetch-factor a stream takes. */
#define CNNC_STREAM_MAX_WORKERS 64
#define CNNC_STREAM_MAX_PREFETCH 64

/* Stream slot 0 (training) from `src` instead of keeping it resident, as
 * PyTorch's DataLoader(num_workers=workers, prefetch_factor=prefetch_factor):
 * workers threads each keep up to prefetch_factor batches read ahead, in a pool
 * of workers * prefetch_factor batch buffers (workers 0: one buffer, filled by
 * the training thread itself; prefetch_factor is then ignored). The buffers are
 * allocated here, once; the epoch's batches are the ones a resident set would
 * give (same shuffle, augmentation and labels: bit-identical training). The
 * source (borrowed) must outlive the engine or the next set_stream/set_dataset.
 * A backend that cannot take host batches refuses (CNNC_ERR_UNSUPPORTED). */
cnnc_status cnnc_engine_set_stream(cnnc_engine *e, const cnnc_sample_source *src, int workers, int prefetch_factor,
                                   cnnc_error *err);
/* Bytes the stream's pool holds (0: not streaming): the training set's share of
 * host memory while it streams. */
size_t cnnc_engine_stream_bytes(const cnnc_engine *e);

typedef struct cnnc_epoch_stats {
    double loss;                 /* mean loss */
    double accuracy;
    int64_t samples;
    double seconds;
    double images_per_s;
} cnnc_epoch_stats;

/* Progress callback, called every `every` steps and at the end; return nonzero to stop. */
typedef int (*cnnc_progress_fn)(void *user, int64_t step, int64_t steps, double loss, double images_per_s);

/* One epoch over slot 0 with a seeded shuffle (seed, epoch), last partial batch kept. */
cnnc_status cnnc_engine_train_epoch(cnnc_engine *e, int64_t batch, uint64_t shuffle_seed, int64_t epoch,
                                    cnnc_progress_fn progress, void *user, int64_t every,
                                    cnnc_epoch_stats *stats, cnnc_error *err);
/* The same epoch resumed at step `first_step` (0-based; the shuffle is derived from
 * (seed, epoch), so steps first_step.. see exactly the samples they would have).
 * stats cover the steps run. Used by `cnnc train --resume` after an interrupt. */
cnnc_status cnnc_engine_train_epoch_from(cnnc_engine *e, int64_t batch, uint64_t shuffle_seed, int64_t epoch,
                                         int64_t first_step, cnnc_progress_fn progress, void *user, int64_t every,
                                         cnnc_epoch_stats *stats, cnnc_error *err);
/* Evaluate slot `slot` in eval mode; confusion (may be NULL) is classes x classes, row = truth. */
cnnc_status cnnc_engine_evaluate(cnnc_engine *e, int slot, int64_t batch, cnnc_epoch_stats *stats,
                                 int64_t *confusion, cnnc_error *err);

/* ---- devices ---- */
typedef struct cnnc_device_info {
    char name[128];
    int major, minor;
    size_t total_bytes, free_bytes;
    int multiprocessors;
} cnnc_device_info;

/* The CUDA backend is a plugin, libcnnc-cuda.so, with the CUDA runtime, cuBLAS
 * and cuDNN as its own dependencies. It is loaded (once, thread-safely) the first
 * time any function below is called or an engine asks for CNNC_DEVICE_CUDA, or
 * CNNC_DEVICE_AUTO finds an NVIDIA driver; nothing else maps a CUDA library.
 * It is looked for in $CNNC_CUDA_PLUGIN when set (a path; empty: none), next to
 * the program or libcnnc.so, in ../lib from there, then on the loader's path.
 * CNNC_OK when it is loaded; else CNNC_ERR_DEVICE with what is missing in
 * err->message and how to install it in err->hint. */
cnnc_status cnnc_cuda_plugin_load(cnnc_error *err);
/* Where the plugin was loaded from, or NULL when it is not loaded (loads it). */
const char *cnnc_cuda_plugin_path(void);

/* Number of usable CUDA devices. 0 with the reason in err->message when none:
 * the plugin did not load (built without CUDA, a library missing), no driver,
 * no device, or driver too old for the runtime. */
int cnnc_cuda_device_count(cnnc_error *err);
cnnc_status cnnc_cuda_device_info(int index, cnnc_device_info *info, cnnc_error *err);
/* "CUDA runtime 13.0, driver 13.0, cuBLAS 13.0.0, cuDNN 9.x.y" (or why not). */
void cnnc_cuda_versions(char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
