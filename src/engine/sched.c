/* sched.c — learning-rate schedules as PyTorch 1.13's lr_scheduler.py steps them.
 *
 * The run is simulated as PyTorch runs it: the schedulers are constructed on one
 * optimizer (the LinearLR warmup first, then the main one), the optimizer takes a
 * step with the group's current lr (and momentum or beta1), then warmup.step()
 * follows every optimizer step and main.step() every step or every epoch. Each
 * step() applies get_lr()'s recursive formula to the group's lr, in double, with
 * Python's operation order, so the tables hold the values PyTorch would pass. */
#include "cnnc/sched.h"

#include <math.h>
#include <string.h>

#include "layers/layer_util.h"

/* math.pi (M_PI is not C11) */
#define PY_PI 3.141592653589793

static const char *const SCHED_NAME[CNNC_SCHED_KIND_COUNT] = {"none", "step", "multistep", "cosine", "onecycle"};
static const char *const SCHED_CLASS[CNNC_SCHED_KIND_COUNT] = {"", "StepLR", "MultiStepLR", "CosineAnnealingLR",
                                                               "OneCycleLR"};

const char *cnnc_sched_name(cnnc_sched_kind kind) {
    return (unsigned)kind < CNNC_SCHED_KIND_COUNT ? SCHED_NAME[kind] : "?";
}

const char *cnnc_sched_class(cnnc_sched_kind kind) {
    return (unsigned)kind < CNNC_SCHED_KIND_COUNT ? SCHED_CLASS[kind] : "?";
}

int cnnc_sched_parse(const char *name) {
    for (int k = 0; name && k < CNNC_SCHED_KIND_COUNT; k++)
        if (!strcmp(name, SCHED_NAME[k])) return k;
    return -1;
}

cnnc_sched_config cnnc_sched_default(cnnc_sched_kind kind) {
    cnnc_sched_config s;
    memset(&s, 0, sizeof s);
    s.kind = kind;
    s.per_step = kind == CNNC_SCHED_ONECYCLE;
    s.gamma = 0.1;
    s.pct_start = 0.3;
    s.cycle_momentum = 1;
    s.base_momentum = 0.85;
    s.max_momentum = 0.95;
    s.div_factor = 25.0;
    s.final_div_factor = 1e4;
    s.warmup_start_factor = 1.0 / 3;
    return s;
}

static int has_momentum(cnnc_optim_kind k) {
    /* 'momentum' or 'betas' in optimizer.defaults */
    return k == CNNC_OPTIM_SGD || k == CNNC_OPTIM_ADAM || k == CNNC_OPTIM_ADAMW || k == CNNC_OPTIM_RMSPROP;
}

static int uses_beta1(cnnc_optim_kind k) { return k == CNNC_OPTIM_ADAM || k == CNNC_OPTIM_ADAMW; }

cnnc_status cnnc_sched_check(const cnnc_sched_config *s, const cnnc_optim_config *o, cnnc_error *err) {
    char num[48];
    if (s->warmup_steps < 0)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "warmup steps must be >= 0, got %lld",
                              (long long)s->warmup_steps);
    if (s->warmup_steps > 0) {
        if (s->kind == CNNC_SCHED_ONECYCLE)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                                  "OneCycleLR sets the learning rate of every step itself: a LinearLR warmup before it "
                                  "would be overwritten (OneCycleLR's own warmup is its first pct_start of the steps)");
        if (s->warmup_start_factor > 1.0 || s->warmup_start_factor < 0)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                                  "Starting multiplicative factor expected to be between 0 and 1.");
    }
    switch (s->kind) {
    case CNNC_SCHED_NONE:
    case CNNC_SCHED_COSINE:
        return CNNC_OK;
    case CNNC_SCHED_STEP:
        if (s->step_size < 1)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "StepLR needs a step_size of at least 1, got %lld",
                                  (long long)s->step_size);
        return CNNC_OK;
    case CNNC_SCHED_MULTISTEP:
        if (s->n_milestones < 1 || s->n_milestones > CNNC_SCHED_MAX_MILESTONES)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "MultiStepLR needs 1 to %d milestones, got %d",
                                  CNNC_SCHED_MAX_MILESTONES, s->n_milestones);
        return CNNC_OK;
    case CNNC_SCHED_ONECYCLE:
        if (!(s->max_lr > 0) || !isfinite(s->max_lr)) {
            cnnc_py_float_repr(s->max_lr, num, sizeof num);
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                                  "OneCycleLR needs a positive, finite max_lr, got %s", num);
        }
        if (s->pct_start < 0 || s->pct_start > 1 || isnan(s->pct_start)) {
            cnnc_py_float_repr(s->pct_start, num, sizeof num);
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                                  "Expected float between 0 and 1 pct_start, but got %s", num);
        }
        if (s->cycle_momentum && !has_momentum(o->kind))
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                                  "optimizer must support momentum with `cycle_momentum` option enabled");
        return CNNC_OK;
    default:
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "unknown schedule kind %d", (int)s->kind);
    }
}

void cnnc_sched_resolve(cnnc_sched_config *s, int64_t steps_per_epoch, int64_t epochs) {
    const int64_t steps = steps_per_epoch * epochs;
    if (s->kind == CNNC_SCHED_ONECYCLE) s->per_step = 1;
    if (s->t_max <= 0) s->t_max = s->per_step ? steps : epochs;
    if (s->total_steps <= 0) s->total_steps = steps;
}

/* Python's a % b for b > 0 (never negative). */
static int64_t py_mod(int64_t a, int64_t b) {
    int64_t r = a % b;
    return r < 0 ? r + b : r;
}

/* The scheduler state PyTorch keeps in the optimizer's param group. */
typedef struct group_state {
    double lr, momentum, initial_lr;
} group_state;

/* LinearLR.get_lr at last_epoch t. */
static double linear_lr(const cnnc_sched_config *s, double lr, int64_t t) {
    const double sf = s->warmup_start_factor, ef = 1.0;
    if (t == 0) return lr * sf;
    if (t > s->warmup_steps) return lr;
    return lr * (1. + (ef - sf) / ((double)s->warmup_steps * sf + (double)(t - 1) * (ef - sf)));
}

static double onecycle_anneal(const cnnc_sched_config *s, double start, double end, double pct) {
    if (s->anneal_linear) return (end - start) * pct + start;
    const double cos_out = cos(PY_PI * pct) + 1;
    return end + (start - end) / 2.0 * cos_out;
}

/* OneCycleLR.get_lr at step t: the lr, and the momentum when cycled. */
static void onecycle_at(const cnnc_sched_config *s, const group_state *g, int64_t t, double *lr, double *momentum) {
    const double initial = g->initial_lr, max_lr = s->max_lr, min_lr = initial / s->final_div_factor;
    const double end1 = (s->pct_start * (double)s->total_steps) - 1, end2 = (double)(s->total_steps - 1);
    const double step = (double)t;
    double pct;
    if (step <= end1) {
        pct = (step - 0) / (end1 - 0);
        *lr = onecycle_anneal(s, initial, max_lr, pct);
        if (s->cycle_momentum) *momentum = onecycle_anneal(s, s->max_momentum, s->base_momentum, pct);
    } else {
        pct = (step - end1) / (end2 - end1);
        *lr = onecycle_anneal(s, max_lr, min_lr, pct);
        if (s->cycle_momentum) *momentum = onecycle_anneal(s, s->base_momentum, s->max_momentum, pct);
    }
}

/* The main scheduler's get_lr at last_epoch t (t >= 1 here: construction is handled apart). */
static cnnc_status main_step(const cnnc_sched_config *s, group_state *g, int64_t t, cnnc_error *err) {
    switch (s->kind) {
    case CNNC_SCHED_STEP:
        if (t != 0 && py_mod(t, s->step_size) == 0) g->lr = g->lr * s->gamma;
        return CNNC_OK;
    case CNNC_SCHED_MULTISTEP: {
        int count = 0;
        for (int k = 0; k < s->n_milestones; k++) count += s->milestones[k] == t;
        if (count) g->lr = g->lr * pow(s->gamma, (double)count);
        return CNNC_OK;
    }
    case CNNC_SCHED_COSINE: {
        const double T = (double)s->t_max, base = g->initial_lr, eta = s->eta_min;
        if (s->t_max <= 0) return cnnc_error_set(err, CNNC_ERR_USAGE, "ZeroDivisionError", "float division by zero");
        if (py_mod(t - 1 - s->t_max, 2 * s->t_max) == 0)
            g->lr = g->lr + (base - eta) * (1 - cos(PY_PI / T)) / 2;
        else
            g->lr = (1 + cos(PY_PI * (double)t / T)) / (1 + cos(PY_PI * (double)(t - 1) / T)) * (g->lr - eta) + eta;
        return CNNC_OK;
    }
    case CNNC_SCHED_ONECYCLE:
        if (t > s->total_steps)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                                  "Tried to step %lld times. The specified number of total steps is %lld",
                                  (long long)t + 1, (long long)s->total_steps);
        onecycle_at(s, g, t, &g->lr, &g->momentum);
        return CNNC_OK;
    default:
        return CNNC_OK;
    }
}

cnnc_status cnnc_sched_table(const cnnc_sched_config *s, const cnnc_optim_config *o, int64_t steps_per_epoch,
                             int64_t epochs, double *lr, double *momentum, cnnc_error *err) {
    if (steps_per_epoch < 0 || epochs < 0 || !lr)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_sched_table: bad argument");
    cnnc_status st = cnnc_sched_check(s, o, err);
    if (st != CNNC_OK) return st;
    group_state g;
    g.lr = (double)o->lr;
    g.momentum = uses_beta1(o->kind) ? (double)o->beta1 : (double)o->momentum;
    g.initial_lr = g.lr;   /* group.setdefault('initial_lr', group['lr']) */
    /* Construction: each scheduler's __init__ takes its initial step (last_epoch 0). */
    if (s->warmup_steps > 0) g.lr = linear_lr(s, g.lr, 0);
    if (s->kind == CNNC_SCHED_ONECYCLE) {
        g.initial_lr = s->max_lr / s->div_factor;
        if (s->cycle_momentum) g.momentum = s->max_momentum;
        if (s->total_steps <= 0)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                                  "Expected positive integer total_steps, but got %lld", (long long)s->total_steps);
        onecycle_at(s, &g, 0, &g.lr, &g.momentum);
    } else if (s->kind == CNNC_SCHED_MULTISTEP) {
        int count = 0;
        for (int k = 0; k < s->n_milestones; k++) count += s->milestones[k] == 0;
        if (count) g.lr = g.lr * pow(s->gamma, (double)count);
    }
    if (s->warmup_steps > 0 && s->warmup_start_factor == 0.0 && steps_per_epoch * epochs > 1)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ZeroDivisionError", "float division by zero");
    int64_t warm_t = 0, main_t = 0;
    const int64_t steps = steps_per_epoch * epochs;
    for (int64_t k = 0; k < steps; k++) {
        lr[k] = g.lr;
        if (momentum) momentum[k] = g.momentum;
        if (k == steps - 1) break;   /* nothing is stepped after the last optimizer step that the table uses */
        if (s->warmup_steps > 0) g.lr = linear_lr(s, g.lr, ++warm_t);
        if (s->kind != CNNC_SCHED_NONE && (s->per_step || (k + 1) % steps_per_epoch == 0))
            if ((st = main_step(s, &g, ++main_t, err)) != CNNC_OK) return st;
    }
    return CNNC_OK;
}
