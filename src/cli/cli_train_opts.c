/* cli_train_opts.c — the options of `train` and `step` beyond the engine's: the
 * learning-rate schedule (torch.optim.lr_scheduler's arguments, as flags), label
 * smoothing, gradient clipping and the weights' EMA; and which optimizer takes
 * which argument. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const cli_option cli_train_options[] = {
    {"--sched", "step|multistep|cosine|onecycle|none",
     "learning-rate schedule (default none): StepLR, MultiStepLR and CosineAnnealingLR step once per epoch in "
     "train (T_max = --epochs), OneCycleLR once per optimizer step (total_steps = all of them); in `cnnc step` "
     "every schedule steps once per step (T_max, total_steps = --steps)"},
    {"--step-size", "N", "StepLR: decay every N epochs (required)"},
    {"--gamma", "X", "StepLR, MultiStepLR: decay factor (default 0.1)"},
    {"--milestones", "A,B,...", "MultiStepLR: epochs at which to decay (required)"},
    {"--eta-min", "X", "CosineAnnealingLR: eta_min (default 0)"},
    {"--max-lr", "X", "OneCycleLR: max_lr (required; the cycle starts at max_lr / div_factor)"},
    {"--pct-start", "X", "OneCycleLR: pct_start (default 0.3)"},
    {"--anneal-strategy", "cos|linear", "OneCycleLR: anneal_strategy (default cos)"},
    {"--div-factor", "X", "OneCycleLR: div_factor (default 25)"},
    {"--final-div-factor", "X", "OneCycleLR: final_div_factor (default 1e4)"},
    {"--base-momentum", "X", "OneCycleLR: base_momentum (default 0.85)"},
    {"--max-momentum", "X", "OneCycleLR: max_momentum (default 0.95)"},
    {"--no-cycle-momentum", NULL,
     "OneCycleLR: cycle_momentum=False (by default it cycles SGD's and RMSprop's momentum, Adam's beta1)"},
    {"--warmup-steps", "N", "linear warmup: LinearLR(total_iters=N) stepped every optimizer step, before --sched"},
    {"--warmup-start-factor", "X", "LinearLR: start_factor (default 1/3)"},
    {"--label-smoothing", "X", "CrossEntropyLoss(label_smoothing=X) (default 0)"},
    {"--clip-grad-norm", "X", "clip_grad_norm_(max_norm=X) before every optimizer step (default off)"},
    {"--ema", "DECAY",
     "keep an exponential moving average of the weights and BatchNorm statistics, updated after every optimizer "
     "step as AveragedModel(model, avg_fn=DECAY * avg + (1 - DECAY) * param, use_buffers=True) (the first update "
     "copies); train evaluates and saves the average (the sidecar keeps the trained weights), step writes it as "
     "ema.<name>; DECAY in (0, 1), e.g. 0.999 (default off)"},
    {NULL, NULL, NULL},
};

void cli_train_opts_init(cli_train_opts *t) {
    memset(t, 0, sizeof *t);
    t->sched = cnnc_sched_default(CNNC_SCHED_NONE);
}

static int parse_f64(const char *text, double *out) {
    if (!text || !*text) return 0;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (*end || errno == ERANGE || isnan(v)) return 0;
    *out = v;
    return 1;
}

/* Which schedule each flag belongs to (CNNC_SCHED_KIND_COUNT: several). */
typedef struct sched_flag {
    const char *name;
    int kind;          /* the one schedule that takes it, or -1: step and multistep, -2: any */
} sched_flag;

static const sched_flag SCHED_FLAGS[] = {
    {"--step-size", CNNC_SCHED_STEP},        {"--gamma", -1},
    {"--milestones", CNNC_SCHED_MULTISTEP},  {"--eta-min", CNNC_SCHED_COSINE},
    {"--max-lr", CNNC_SCHED_ONECYCLE},       {"--pct-start", CNNC_SCHED_ONECYCLE},
    {"--anneal-strategy", CNNC_SCHED_ONECYCLE}, {"--div-factor", CNNC_SCHED_ONECYCLE},
    {"--final-div-factor", CNNC_SCHED_ONECYCLE}, {"--base-momentum", CNNC_SCHED_ONECYCLE},
    {"--max-momentum", CNNC_SCHED_ONECYCLE}, {"--no-cycle-momentum", CNNC_SCHED_ONECYCLE},
};
#define N_SCHED_FLAGS (sizeof SCHED_FLAGS / sizeof SCHED_FLAGS[0])

static void mark(cli_train_opts *t, const char *name) {
    for (size_t k = 0; k < N_SCHED_FLAGS; k++)
        if (!strcmp(SCHED_FLAGS[k].name, name)) t->given |= 1u << k;
}

int cli_train_opt(const char *cmd, int argc, char **argv, int *i, cli_train_opts *t, cli_engine_opts *eo) {
    const char *v = NULL;
    int r;
    cnnc_sched_config *s = &t->sched;
#define FLAG(name) ((r = cli_flag(argc, argv, i, name, &v)) != 0)
#define BAD(name, what) (cli_usage(cmd, "%s wants %s, got '%s'", name, what, r < 0 || !v ? "" : v), -1)
    if (FLAG("--sched")) {
        int k = r < 0 ? -1 : cnnc_sched_parse(v);
        if (k < 0) return BAD("--sched", "step, multistep, cosine, onecycle or none");
        /* every default but per_step is the same for each kind, so flags given before --sched keep their values */
        s->kind = (cnnc_sched_kind)k;
        s->per_step = cnnc_sched_default(s->kind).per_step;
        t->sched_given = 1;
        return 1;
    }
    if (FLAG("--step-size")) {
        int64_t n;
        if (cli_int_arg(cmd, "--step-size", r < 0 ? NULL : v, 1, INT32_MAX, &n)) return -1;
        s->step_size = n;
        mark(t, "--step-size");
        return 1;
    }
    if (FLAG("--milestones")) {
        if (r < 0) return BAD("--milestones", "epochs like 30,80");
        int n = 0;
        const char *p = v;
        while (*p) {
            char *end;
            errno = 0;
            long long m = strtoll(p, &end, 10);
            if (end == p || errno || m < 0 || (*end && *end != ',') || n == CNNC_SCHED_MAX_MILESTONES)
                return BAD("--milestones", "up to 64 whole numbers >= 0 like 30,80");
            s->milestones[n++] = m;
            p = *end ? end + 1 : end;
        }
        if (n == 0) return BAD("--milestones", "epochs like 30,80");
        s->n_milestones = n;
        mark(t, "--milestones");
        return 1;
    }
    if (FLAG("--warmup-steps")) {
        int64_t n;
        if (cli_int_arg(cmd, "--warmup-steps", r < 0 ? NULL : v, 0, INT32_MAX, &n)) return -1;
        s->warmup_steps = n;
        return 1;
    }
    if (FLAG("--anneal-strategy")) {
        if (r < 0 || (strcmp(v, "cos") && strcmp(v, "linear"))) return BAD("--anneal-strategy", "cos or linear");
        s->anneal_linear = !strcmp(v, "linear");
        mark(t, "--anneal-strategy");
        return 1;
    }
    if (!strcmp(argv[*i], "--no-cycle-momentum")) {
        s->cycle_momentum = 0;
        mark(t, "--no-cycle-momentum");
        return 1;
    }
    struct { const char *name; double *dst; } doubles[] = {
        {"--gamma", &s->gamma},           {"--eta-min", &s->eta_min},
        {"--max-lr", &s->max_lr},         {"--pct-start", &s->pct_start},
        {"--div-factor", &s->div_factor}, {"--final-div-factor", &s->final_div_factor},
        {"--base-momentum", &s->base_momentum}, {"--max-momentum", &s->max_momentum},
        {"--warmup-start-factor", &s->warmup_start_factor},
    };
    for (size_t k = 0; k < sizeof doubles / sizeof doubles[0]; k++)
        if (FLAG(doubles[k].name)) {
            if (r < 0 || !parse_f64(v, doubles[k].dst) || !isfinite(*doubles[k].dst))
                return BAD(doubles[k].name, "a finite number");
            mark(t, doubles[k].name);
            return 1;
        }
    if (FLAG("--label-smoothing")) {
        /* the range is ATen's to check, with its message (cnnc_engine_create) */
        if (r < 0 || !cli_parse_f32(v, &eo->cfg.label_smoothing)) return BAD("--label-smoothing", "a number in [0, 1]");
        return 1;
    }
    if (FLAG("--clip-grad-norm")) {
        float x;
        if (r < 0 || !cli_parse_f32(v, &x) || !(x > 0.0f) || isinf(x))
            return BAD("--clip-grad-norm", "a positive, finite max_norm");
        eo->cfg.clip_grad_norm = x;
        return 1;
    }
    if (FLAG("--ema")) {
        double x;
        if (r < 0 || !parse_f64(v, &x) || !(x > 0.0 && x < 1.0)) return BAD("--ema", "a decay between 0 and 1, e.g. 0.999");
        eo->cfg.ema_decay = x;
        return 1;
    }
#undef FLAG
#undef BAD
    return 0;
}

int cli_train_opts_finish(const char *cmd, cli_train_opts *t) {
    const cnnc_sched_kind kind = t->sched.kind;
    for (size_t k = 0; k < N_SCHED_FLAGS; k++) {
        if (!(t->given & (1u << k))) continue;
        const int want = SCHED_FLAGS[k].kind;
        const int fits = want == -1 ? (kind == CNNC_SCHED_STEP || kind == CNNC_SCHED_MULTISTEP) : want == (int)kind;
        if (fits) continue;
        const char *owner = want == -1 ? "StepLR and MultiStepLR" : cnnc_sched_class((cnnc_sched_kind)want);
        return cli_usage(cmd, "%s is an argument of %s, but --sched is %s (TypeError: __init__() got an unexpected "
                              "keyword argument)",
                         SCHED_FLAGS[k].name, owner, cnnc_sched_name(kind));
    }
    if (kind == CNNC_SCHED_STEP && t->sched.step_size == 0)
        return cli_usage(cmd, "--sched step needs --step-size N (StepLR's step_size has no default)");
    if (kind == CNNC_SCHED_MULTISTEP && t->sched.n_milestones == 0)
        return cli_usage(cmd, "--sched multistep needs --milestones A,B,... (MultiStepLR's milestones have no default)");
    if (kind == CNNC_SCHED_ONECYCLE && t->sched.max_lr == 0.0)
        return cli_usage(cmd, "--sched onecycle needs --max-lr X (OneCycleLR's max_lr has no default)");
    return 0;
}

/* ---- which optimizer takes which argument ---- */

int cli_optim_flags_check(const char *cmd, const cli_engine_opts *o) {
    /* bits of cli_engine_opts.optim_given (cli_common.c): lr 1, momentum 2, weight_decay 4,
     * nesterov 8, eps 16, betas 32, dampening 64, rho 128, alpha 256, centered 512, lr_decay 1024 */
    static const struct { const char *flag, *kwarg; unsigned bit; } ARGS[] = {
        {"--momentum", "momentum", 2}, {"--nesterov", "nesterov", 8}, {"--eps", "eps", 16},
        {"--betas", "betas", 32},      {"--dampening", "dampening", 64}, {"--rho", "rho", 128},
        {"--alpha", "alpha", 256},     {"--centered", "centered", 512},  {"--lr-decay", "lr_decay", 1024},
    };
    static const unsigned TAKES[CNNC_OPTIM_KIND_COUNT] = {
        2 | 8 | 64,            /* SGD(momentum, dampening, nesterov) */
        16 | 32,               /* Adam(betas, eps) */
        16 | 32,               /* AdamW(betas, eps) */
        16 | 128,              /* Adadelta(rho, eps) */
        2 | 16 | 256 | 512,    /* RMSprop(alpha, eps, momentum, centered) */
        16 | 1024,             /* Adagrad(lr_decay, eps) */
    };
    static const char *const CLASS[CNNC_OPTIM_KIND_COUNT] = {"SGD", "Adam", "AdamW", "Adadelta", "RMSprop", "Adagrad"};
    const unsigned kind = (unsigned)o->cfg.optim.kind;
    if (kind >= CNNC_OPTIM_KIND_COUNT) return 0;
    for (size_t k = 0; k < sizeof ARGS / sizeof ARGS[0]; k++)
        if ((o->optim_given & ARGS[k].bit) && !(TAKES[kind] & ARGS[k].bit))
            return cli_usage(cmd, "%s: %s takes no %s (TypeError: __init__() got an unexpected keyword argument '%s')",
                             ARGS[k].flag, CLASS[kind], ARGS[k].kwarg, ARGS[k].kwarg);
    return 0;
}
