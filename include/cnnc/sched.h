/* cnnc/sched.h — learning-rate schedules as PyTorch 1.13's torch.optim.lr_scheduler
 * computes them: StepLR, MultiStepLR, CosineAnnealingLR and OneCycleLR (with its
 * momentum cycling), optionally after a LinearLR warmup, turned into per-step
 * tables for cnnc_engine_set_schedule. The recursive (chainable) formulas are
 * evaluated in double, in the order PyTorch's step() applies them, so the
 * learning rates are PyTorch's to the last bits. */
#ifndef CNNC_SCHED_H
#define CNNC_SCHED_H

#include <stdint.h>
#include "cnnc/engine.h"
#include "cnnc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cnnc_sched_kind {
    CNNC_SCHED_NONE = 0, CNNC_SCHED_STEP, CNNC_SCHED_MULTISTEP, CNNC_SCHED_COSINE, CNNC_SCHED_ONECYCLE,
    CNNC_SCHED_KIND_COUNT
} cnnc_sched_kind;

#define CNNC_SCHED_MAX_MILESTONES 64

typedef struct cnnc_sched_config {
    cnnc_sched_kind kind;
    int per_step;               /* the main schedule is stepped after every optimizer step (1) or after
                                 * every epoch (0); OneCycleLR is always per step */
    int64_t step_size;          /* StepLR (required) */
    double gamma;               /* StepLR, MultiStepLR (0.1) */
    int64_t milestones[CNNC_SCHED_MAX_MILESTONES];  /* MultiStepLR (required, increasing) */
    int n_milestones;
    int64_t t_max;              /* CosineAnnealingLR; 0: the run's length in scheduler steps */
    double eta_min;             /* CosineAnnealingLR (0) */
    double max_lr;              /* OneCycleLR (required) */
    int64_t total_steps;        /* OneCycleLR; 0: the run's optimizer steps */
    double pct_start;           /* OneCycleLR (0.3) */
    int anneal_linear;          /* OneCycleLR anneal_strategy 'linear' (default 'cos') */
    int cycle_momentum;         /* OneCycleLR (1) */
    double base_momentum, max_momentum;  /* OneCycleLR (0.85, 0.95) */
    double div_factor, final_div_factor; /* OneCycleLR (25, 1e4) */
    int64_t warmup_steps;       /* LinearLR(start_factor, total_iters=warmup_steps) stepped per optimizer
                                 * step before the main schedule's step; 0: none */
    double warmup_start_factor; /* LinearLR's start_factor (1/3) */
} cnnc_sched_config;

/* PyTorch's defaults for `kind` (per_step 1 for OneCycleLR, 0 otherwise). */
cnnc_sched_config cnnc_sched_default(cnnc_sched_kind kind);
/* "none", "step", "multistep", "cosine", "onecycle" and back (-1: unknown). */
const char *cnnc_sched_name(cnnc_sched_kind kind);
int cnnc_sched_parse(const char *name);
/* PyTorch's class name, e.g. "OneCycleLR" ("" for none). */
const char *cnnc_sched_class(cnnc_sched_kind kind);

/* The checks the schedulers' constructors make, in their words ("ValueError:
 * Expected float between 0 and 1 pct_start, but got 1.5"), plus what cnnc needs:
 * StepLR's step_size and OneCycleLR's max_lr given, milestones increasing,
 * cycle_momentum only with an optimizer that has a momentum or betas. */
cnnc_status cnnc_sched_check(const cnnc_sched_config *s, const cnnc_optim_config *o, cnnc_error *err);

/* Resolve t_max and total_steps for a run of `epochs` epochs of `steps_per_epoch`
 * optimizer steps (t_max: epochs, or all steps when per_step; total_steps: all steps). */
void cnnc_sched_resolve(cnnc_sched_config *s, int64_t steps_per_epoch, int64_t epochs);

/* Fill lr[k] and momentum[k] (momentum may be NULL) for optimizer steps k+1,
 * k < steps_per_epoch * epochs, from a resolved, checked config and the optimizer's
 * base lr and momentum (SGD/RMSprop momentum, Adam beta1). */
cnnc_status cnnc_sched_table(const cnnc_sched_config *s, const cnnc_optim_config *o, int64_t steps_per_epoch,
                             int64_t epochs, double *lr, double *momentum, cnnc_error *err);

#ifdef __cplusplus
}
#endif
#endif
