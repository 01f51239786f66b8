/* cnnc/profile.h — where a training step's time goes, per layer, measured
 * with device timers (CUDA), with each layer's FLOPs and minimum bytes from
 * its definition, and the card's measured peaks to compare against. */
#ifndef CNNC_PROFILE_H
#define CNNC_PROFILE_H

#include "cnnc/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cnnc_layer_profile {
    double fwd_ms, bwd_ms;       /* mean per step */
    double flops, bytes;         /* forward + backward at the profiled batch (0 when fused away) */
    int fused;                   /* part of a fused pass (how says which) */
    int fused_away;              /* has no pass of its own */
    char how[192];               /* how the backend runs it ("" when there is nothing to say) */
} cnnc_layer_profile;

typedef struct cnnc_profile {
    int64_t batch, steps;
    int32_t n_layers;
    cnnc_layer_profile *layers;  /* n_layers, in the model's order */
    double loss_ms, optim_ms;    /* mean per step */
    double loss_flops, loss_bytes, optim_flops, optim_bytes;
    double sum_ms;               /* layers + loss + optimizer, timed one by one */
    double step_ms;              /* a whole step as training runs it (graph unless no_graph) */
    double peak_gflops, peak_gbps; /* the card's FP32 SGEMM and device-copy rates, measured */
} cnnc_profile;

/* Profile `steps` training steps of a random batch of `batch` (<= the engine's
 * max batch) after `warmup` steps. Takes real optimizer steps. Needs a backend
 * with device timers (CUDA); others give CNNC_ERR_UNSUPPORTED saying so. */
cnnc_status cnnc_engine_profile(cnnc_engine *e, int64_t batch, int64_t warmup, int64_t steps, cnnc_profile *out,
                                cnnc_error *err);
void cnnc_profile_free(cnnc_profile *p);

/* How the backend runs layer `layer`, when that is worth saying. */
typedef enum cnnc_layer_how {
    CNNC_HOW_PLAIN = 0,      /* nothing to say */
    CNNC_HOW_ENGINE,         /* which engine runs it, e.g. "cudnn (auto at batch 1024: ...)" */
    CNNC_HOW_FUSED,          /* part of a fused pass: "one fused pass: ..." */
    CNNC_HOW_FUSED_AWAY      /* no pass of its own: "fused into ..." */
} cnnc_layer_how;
cnnc_layer_how cnnc_engine_describe_layer(const cnnc_engine *e, int32_t layer, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
