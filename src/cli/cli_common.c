/* cli_common.c — option parsing, error printing and engine setup shared by commands. */
#include "cli/cli.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

volatile int cli_interrupted_signal = 0;

static void on_signal(int sig) { cli_interrupted_signal = sig; }

void cli_install_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

#if defined(__GNUC__)
__attribute__((weak))
#endif
int64_t cli_hook_interrupt_at_step(void) { return 0; }

double cli_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double cli_peak_rss_mib(void) {
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0) return 0.0;
    return (double)ru.ru_maxrss / 1024.0;
}

void cli_print_error(const cnnc_error *err) {
    char line[CNNC_ERR_TEXT + 64];
    cnnc_error_line(err, line, sizeof line);
    /* Python's exception line first, then where */
    fprintf(stderr, "%s\n", line);
    if (err->file[0] && err->line > 0 && err->layer_index < 0) {
        if (err->col > 0) fprintf(stderr, "  at %s:%d:%d\n", err->file, err->line, err->col);
        else fprintf(stderr, "  at %s:%d\n", err->file, err->line);
    }
    if (err->layer_index >= 0) {
        if (err->file[0] && err->line > 0)
            fprintf(stderr, "  at %s:%d: %s\n", err->file, err->line, err->layer);
        else
            fprintf(stderr, "  at %s\n", err->layer);
    }
    if (err->trail[0]) fprintf(stderr, "  shape: %s\n", err->trail);
    if (err->hint[0]) fprintf(stderr, "  hint: %s\n", err->hint);
}

int cli_fail(const cnnc_error *err) {
    cli_print_error(err);
    return cnnc_status_exit_code(err->status);
}

int cli_out_of_memory(const char *cmd, const char *what) {
    fprintf(stderr, "MemoryError: cnnc %s: cannot allocate %s\n", cmd, what);
    return cnnc_status_exit_code(CNNC_ERR_NOMEM);
}

int cli_usage(const char *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "cnnc %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 2;
}

int cli_flag(int argc, char **argv, int *i, const char *name, const char **value) {
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0) return 0;
    if (a[n] == '=') { *value = a + n + 1; return 1; }
    if (a[n] != '\0') return 0;
    if (*i + 1 >= argc) return -1;
    *value = argv[++*i];
    return 1;
}

int cli_int_arg(const char *cmd, const char *flag, const char *v, int64_t lo, int64_t hi, int64_t *out) {
    int64_t n;
    if (v && cli_parse_i64(v, &n) && n >= lo && n <= hi) {
        *out = n;
        return 0;
    }
    if (hi == INT64_MAX)
        return cli_usage(cmd, "%s wants a whole number of at least %lld, got '%s'", flag, (long long)lo, v ? v : "");
    return cli_usage(cmd, "%s wants a whole number from %lld to %lld, got '%s'", flag, (long long)lo, (long long)hi,
                     v ? v : "");
}

int cli_parse_i64(const char *text, int64_t *out) {
    char *end;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    if (errno || end == text || *end) return 0;
    *out = v;
    return 1;
}

int cli_parse_f32(const char *text, float *out) {
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || *end || !isfinite(v)) return 0;
    *out = (float)v;
    return 1;
}

/* A plan of a gigabyte or more is said before it is allocated and zeroed. */
static void plan_note(void *user, const cnnc_plan_summary *p) {
    (void)user;
    if (p->total_bytes < CLI_LARGE_PLAN_BYTES) return;
    const double gib = 1024.0 * 1024.0 * 1024.0;
    fprintf(stderr,
            "note: planned memory %.2f GiB at batch %lld on %s (%d layers): %.2f GiB activations and their gradients, "
            "%.2f GiB parameters with gradients and optimizer state, %.2f GiB workspace; setting it up takes a while\n",
            (double)p->total_bytes / gib, (long long)p->max_batch, p->device, (int)p->layers,
            (double)p->activation_bytes / gib, (double)p->param_bytes / gib, (double)p->workspace_bytes / gib);
    fflush(stderr);
}

void cli_engine_opts_init(cli_engine_opts *o) {
    memset(o, 0, sizeof *o);
    o->cfg = cnnc_engine_config_default(NULL);
    o->cfg.device = CNNC_DEVICE_AUTO;
    o->cfg.on_plan = plan_note;
}

/* What cli_engine_opt below accepts, in its order; keep the two together. */
const cli_option cli_engine_options[] = {
    {"--device", "cpu|cuda|cuda:N|auto", "where to run (auto: CUDA when a usable GPU is there)"},
    {"--threads", "N", "CPU threads (default: all cores)"},
    {"--seed", "S", "seed of initialisation, shuffling and dropout (default 0)"},
    {"--optim", "sgd|adam|adamw|adadelta|rmsprop|adagrad", "optimizer with PyTorch's defaults (default adam)"},
    {"--lr", "X", "learning rate (sgd, rmsprop, adagrad 0.01; adam, adamw 1e-3; adadelta 1.0)"},
    {"--momentum", "X", "SGD and RMSprop momentum (default 0)"},
    {"--weight-decay", "X", "weight decay (adamw: decoupled, default 1e-2; others 0)"},
    {"--dampening", "X", "SGD dampening"},
    {"--nesterov", NULL, "SGD with Nesterov momentum"},
    {"--betas", "B1,B2", "Adam betas (default 0.9,0.999)"},
    {"--eps", "X", "epsilon (adam, adamw, rmsprop 1e-8; adadelta 1e-6; adagrad 1e-10)"},
    {"--rho", "X", "Adadelta rho (default 0.9)"},
    {"--alpha", "X", "RMSprop alpha (default 0.99)"},
    {"--centered", NULL, "RMSprop centered=True"},
    {"--lr-decay", "X", "Adagrad lr_decay (default 0)"},
    {"--conv", "gemm|cudnn|direct|auto", "convolution engine (default auto)"},
    {"--tf32", NULL, "CUDA: allow TF32 tensor-core GEMMs (--precision tf32)"},
    {"--no-graph", NULL, "CUDA: run steps op by op, not as a captured CUDA graph"},
    {"--no-fuse", NULL, "CUDA: no fused conv bias+ReLU+max-pool pass"},
    {"--conv-algo", "exact|fast", "cuDNN: deterministic direct-sum algorithms, or any (default exact)"},
    {"--precision", "fp32|tf32|bf16", "GEMM operand precision (default fp32)"},
    {"--normalize", "MEAN,STD", "inputs become (x/255 - MEAN)/STD (default 0,1)"},
    {"--input", "CxHxW", "per-sample input shape (default: the model's `input = ...`)"},
    {"--class", "NAME", "the nn.Module class of a .py model"},
    {"--args", "'A, B'", "its constructor's arguments, as Python text"},
    {NULL, NULL, NULL},
};

int cli_engine_opt(const char *cmd, int argc, char **argv, int *i, cli_engine_opts *o) {
    const char *v = NULL;
    int r;
    cnnc_engine_config *c = &o->cfg;
#define FLAG(name) ((r = cli_flag(argc, argv, i, name, &v)) != 0)
#define BAD_VALUE(name) (cli_usage(cmd, "bad or missing value for %s%s%s", name, v ? ": " : "", v ? v : ""), -1)
    if (FLAG("--device")) {
        if (r < 0) return BAD_VALUE("--device");
        if (!strcmp(v, "cpu")) c->device = CNNC_DEVICE_CPU;
        else if (!strcmp(v, "cuda")) c->device = CNNC_DEVICE_CUDA;
        else if (!strncmp(v, "cuda:", 5)) {
            int64_t index;
            if (!cli_parse_i64(v + 5, &index) || index < 0 || index > 1023) return BAD_VALUE("--device (cuda:N, N a GPU ordinal)");
            c->device = CNNC_DEVICE_CUDA;
            c->device_index = (int)index;
            o->device_index_given = 1;
        }
        else if (!strcmp(v, "auto")) c->device = CNNC_DEVICE_AUTO;
        else return BAD_VALUE("--device (cpu|cuda|auto)");
        return 1;
    }
    if (FLAG("--threads")) {
        int64_t t;
        if (r < 0 || !cli_parse_i64(v, &t) || t < 1 || t > 1024) return BAD_VALUE("--threads");
        c->threads = (int)t;
        return 1;
    }
    if (FLAG("--seed")) {
        int64_t s;
        if (r < 0 || !cli_parse_i64(v, &s) || s < 0) return BAD_VALUE("--seed");
        c->seed = (uint64_t)s;
        return 1;
    }
    if (FLAG("--optim")) {
        static const char *const NAMES[CNNC_OPTIM_KIND_COUNT] = {"sgd", "adam", "adamw", "adadelta", "rmsprop", "adagrad"};
        if (r < 0) return BAD_VALUE("--optim");
        int kind = -1;
        for (int k = 0; k < CNNC_OPTIM_KIND_COUNT; k++)
            if (!strcmp(v, NAMES[k])) kind = k;
        if (kind < 0) return BAD_VALUE("--optim (sgd|adam|adamw|adadelta|rmsprop|adagrad)");
        /* Flags given before --optim keep their values; the rest are the optimizer's defaults. */
        cnnc_optim_config keep = c->optim, *d = &c->optim;
        *d = cnnc_optim_default((cnnc_optim_kind)kind);
        if (o->optim_given & 1) d->lr = keep.lr;
        if (o->optim_given & 2) d->momentum = keep.momentum;
        if (o->optim_given & 4) d->weight_decay = keep.weight_decay;
        if (o->optim_given & 8) d->nesterov = keep.nesterov;
        if (o->optim_given & 16) d->eps = keep.eps;
        if (o->optim_given & 32) { d->beta1 = keep.beta1; d->beta2 = keep.beta2; }
        if (o->optim_given & 64) d->dampening = keep.dampening;
        if (o->optim_given & 128) d->rho = keep.rho;
        if (o->optim_given & 256) d->alpha = keep.alpha;
        if (o->optim_given & 512) d->centered = keep.centered;
        if (o->optim_given & 1024) d->lr_decay = keep.lr_decay;
        return 1;
    }
    /* Ranges are torch.optim's to check, with its messages (cnnc_engine_create). */
#define OPTIM_F32(name, field, bit)                                              \
    if (FLAG(name)) {                                                           \
        if (r < 0 || !cli_parse_f32(v, &c->optim.field)) return BAD_VALUE(name); \
        o->optim_given |= (bit);                                                \
        return 1;                                                               \
    }
    OPTIM_F32("--lr", lr, 1)
    OPTIM_F32("--momentum", momentum, 2)
    OPTIM_F32("--weight-decay", weight_decay, 4)
    OPTIM_F32("--eps", eps, 16)
    OPTIM_F32("--dampening", dampening, 64)
    OPTIM_F32("--rho", rho, 128)
    OPTIM_F32("--alpha", alpha, 256)
    OPTIM_F32("--lr-decay", lr_decay, 1024)
#undef OPTIM_F32
    if (!strcmp(argv[*i], "--nesterov")) { c->optim.nesterov = 1; o->optim_given |= 8; return 1; }
    if (!strcmp(argv[*i], "--centered")) { c->optim.centered = 1; o->optim_given |= 512; return 1; }
    if (FLAG("--betas")) {
        const char *comma = r < 0 ? NULL : strchr(v, ',');
        char b1[64];
        if (!comma || (size_t)(comma - v) >= sizeof b1) return BAD_VALUE("--betas B1,B2");
        snprintf(b1, sizeof b1, "%.*s", (int)(comma - v), v);
        if (!cli_parse_f32(b1, &c->optim.beta1) || !cli_parse_f32(comma + 1, &c->optim.beta2)) return BAD_VALUE("--betas B1,B2");
        o->optim_given |= 32;
        return 1;
    }
    if (FLAG("--conv")) {
        if (r < 0) return BAD_VALUE("--conv");
        if (!strcmp(v, "gemm")) c->conv = CNNC_CONV_GEMM;
        else if (!strcmp(v, "cudnn")) c->conv = CNNC_CONV_CUDNN;
        else if (!strcmp(v, "direct")) c->conv = CNNC_CONV_DIRECT;
        else if (!strcmp(v, "auto")) c->conv = CNNC_CONV_AUTO;
        else return BAD_VALUE("--conv (gemm|cudnn|direct|auto)");
        return 1;
    }
    if (!strcmp(argv[*i], "--tf32")) { c->tf32 = 1; c->bf16 = 0; return 1; }
    if (!strcmp(argv[*i], "--no-graph")) { c->no_graph = 1; return 1; }
    if (!strcmp(argv[*i], "--no-fuse")) { c->no_fuse = 1; return 1; }
    if (FLAG("--conv-algo")) {
        if (r < 0) return BAD_VALUE("--conv-algo");
        if (!strcmp(v, "exact")) c->conv_algo_fast = 0;
        else if (!strcmp(v, "fast")) c->conv_algo_fast = 1;
        else return BAD_VALUE("--conv-algo (exact|fast)");
        return 1;
    }
    if (FLAG("--precision")) {
        if (r < 0) return BAD_VALUE("--precision");
        if (!strcmp(v, "fp32")) c->tf32 = c->bf16 = 0;
        else if (!strcmp(v, "tf32")) c->tf32 = 1, c->bf16 = 0;
        else if (!strcmp(v, "bf16")) c->bf16 = 1, c->tf32 = 0;
        else return BAD_VALUE("--precision (fp32|tf32|bf16)");
        return 1;
    }
    if (FLAG("--normalize")) {
        if (r < 0 || sscanf(v, "%f,%f", &c->data_mean, &c->data_std) != 2 || !(c->data_std > 0))
            return BAD_VALUE("--normalize MEAN,STD");
        return 1;
    }
    if (FLAG("--input")) {
        if (r < 0) return BAD_VALUE("--input");
        o->input = v;
        return 1;
    }
    if (FLAG("--class")) {
        if (r < 0) return BAD_VALUE("--class");
        o->class_name = v;
        return 1;
    }
    if (FLAG("--args")) {
        if (r < 0) return BAD_VALUE("--args");
        o->args = v;
        return 1;
    }
#undef FLAG
#undef BAD_VALUE
    return 0;
}

int cli_engine_finish(const char *cmd, cli_engine_opts *o, const cnnc_model *model) {
    if (cli_optim_flags_check(cmd, o)) return 2;
    if (o->input) {
        cnnc_error err;
        cnnc_error_clear(&err);
        if (cnnc_shape_parse(o->input, &o->cfg.sample, &err) != CNNC_OK || o->cfg.sample.ndim < 1 ||
            o->cfg.sample.ndim > 3)
            return cli_usage(cmd, "--input wants a per-sample shape like 1x28x28, got '%s'", o->input);
        /* an engine runs samples of data: an empty one (0x0x0) is not a size to train or run at */
        for (int32_t k = 0; k < o->cfg.sample.ndim; k++)
            if (o->cfg.sample.d[k] < 1)
                return cli_usage(cmd, "--input wants sizes of at least 1, like 1x28x28, got '%s'", o->input);
    } else if (model->has_input) {
        o->cfg.sample.ndim = model->input_ndim;
        for (int k = 0; k < model->input_ndim; k++) o->cfg.sample.d[k] = model->input[k];
    } else {
        return cli_usage(cmd, "%s has no `input = (C, H, W)` line: pass --input CxHxW", model->path);
    }
    return 0;
}

void cli_sample_of_data(cli_engine_opts *o, int32_t channels, int32_t height, int32_t width) {
    o->cfg.sample.ndim = 3;
    o->cfg.sample.d[0] = channels;
    o->cfg.sample.d[1] = height;
    o->cfg.sample.d[2] = width;
}

cnnc_status cli_check_classes(const char *weights, const cnnc_data_set *set, const char *data, cnnc_error *err) {
    char **names = NULL;
    int32_t n = 0;
    cnnc_status st = cnnc_ckpt_read_classes(weights, &names, &n, err);
    if (st != CNNC_OK || !names || !set->classes) {
        cnnc_classes_free(names, n);
        return st;
    }
    for (int32_t c = 0; c < n || c < set->n_classes; c++) {
        const char *a = c < n ? names[c] : "(none)", *b = c < set->n_classes ? set->classes[c] : "(none)";
        if (strcmp(a, b) != 0) {
            st = cnnc_error_set(err, CNNC_ERR_SHAPE, "ValueError",
                                "%s was trained on other classes than %s has: class %d is '%s' there and '%s' here",
                                weights, data, (int)c, a, b);
            break;
        }
    }
    cnnc_classes_free(names, n);
    return st;
}

int cli_parse_augment(const char *text, cnnc_augment *out) {
    memset(out, 0, sizeof *out);
    const char *p = text;
    int any = 0;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        long long pad = -1;
        char *num_end = NULL;
        if (len > 5 && !strncmp(p, "crop=", 5) && p[5] >= '0' && p[5] <= '9') pad = strtoll(p + 5, &num_end, 10);
        if (len == 5 && !strncmp(p, "hflip", 5) && !out->hflip) {
            out->hflip = 1;
        } else if (num_end == p + len && !out->crop_pad) {
            if (pad < 1 || pad > CNNC_AUGMENT_MAX_PAD)
                return cli_usage("train", "--augment crop=P wants a padding of 1 to %d pixels, got %lld",
                                 CNNC_AUGMENT_MAX_PAD, pad);
            out->crop_pad = (int32_t)pad;
        } else {
            return cli_usage("train", "--augment wants crop=P and/or hflip, comma-separated (as crop=4,hflip), got '%s'",
                             text);
        }
        any = 1;
        p += len + (end ? 1 : 0);
        if (end && !*p) any = 0;   /* a trailing comma */
    }
    if (!any)
        return cli_usage("train", "--augment wants crop=P and/or hflip, comma-separated (as crop=4,hflip), got '%s'",
                         text);
    return 0;
}

int cli_is_py(const char *path) {
    size_t n = strlen(path);
    return n > 3 && !strcmp(path + n - 3, ".py");
}

int cli_open_model(const char *cmd, const char *path, const cli_engine_opts *o, const cnnc_shape *sample, int train,
                   cnnc_model **model) {
    cnnc_error err;
    cnnc_error_clear(&err);
    *model = NULL;
    if (!cli_is_py(path)) {
        if (o && (o->class_name || o->args))
            return cli_usage(cmd, "--class and --args choose a class in a .py source; %s is a model file", path);
        if (cnnc_model_load(path, model, &err) != CNNC_OK) return cli_fail(&err);
        return 0;
    }
    cnnc_shape given;
    if (!sample && o && o->input) {
        if (cnnc_shape_parse(o->input, &given, &err) != CNNC_OK || given.ndim < 1 || given.ndim > 3)
            return cli_usage(cmd, "--input wants a per-sample shape like 1x28x28, got '%s'", o->input);
        sample = &given;
    }
    if (cnnc_py_model_load(path, o ? o->class_name : NULL, o ? o->args : NULL, sample, train, model, &err) != CNNC_OK)
        return cli_fail(&err);
    return 0;
}

void cli_json_str(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c == '\n') fputs("\\n", f);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

void cli_json_shape(FILE *f, const cnnc_shape *shape) {
    fputc('[', f);
    for (int32_t i = 0; i < shape->ndim; i++) fprintf(f, i ? ", %lld" : "%lld", (long long)shape->d[i]);
    fputc(']', f);
}

const char *cli_conv_engine_name(cnnc_conv_engine conv) {
    switch (conv) {
    case CNNC_CONV_GEMM: return "gemm";
    case CNNC_CONV_CUDNN: return "cudnn";
    case CNNC_CONV_DIRECT: return "direct";
    case CNNC_CONV_AUTO: break;
    }
    return "auto";
}

const char *cli_precision_name(const cnnc_engine_config *cfg) { return cfg->bf16 ? "bf16" : cfg->tf32 ? "tf32" : "fp32"; }

void cli_print_conv_engines(const cnnc_engine *e, const cnnc_model *model, char *names, size_t cap) {
    if (names && cap) names[0] = '\0';
    for (int32_t i = 0; i < model->n_layers; i++) {
        char how[192];
        if (cnnc_engine_describe_layer(e, i, how, sizeof how) != CNNC_HOW_ENGINE) continue;
        printf("conv engine of %s: %s\n", model->layers[i].name, how);
        const size_t used = names ? strlen(names) : cap;
        if (used + 8 < cap)  /* the engine's name is the first word of `how` */
            snprintf(names + used, cap - used, "%s%.*s", used ? "," : "", (int)strcspn(how, " "), how);
    }
}
