/* cli.h — shared pieces of the command-line front end: option parsing,
 * error printing, model loading and engine configuration from flags. */
#ifndef CNNC_CLI_H
#define CNNC_CLI_H

#include <stdio.h>
#include "cnnc/cnnc.h"
#include "cnnc/pyread.h"
#include "cnnc/sched.h"

int cmd_check(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_predict(int argc, char **argv);
int cmd_step(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_devices(int argc, char **argv);
int cmd_profile(int argc, char **argv);

/* Print an error as Python would ("Type: message") on stderr, followed by the
 * location, trail and hint lines when present. */
void cli_print_error(const cnnc_error *err);
/* Print err and return the exit code for its status. */
int cli_fail(const cnnc_error *err);
/* Out of memory in the CLI itself: print "MemoryError: cnnc CMD: cannot allocate WHAT"
 * and return the exit code for CNNC_ERR_NOMEM (3). */
int cli_out_of_memory(const char *cmd, const char *what);
/* Usage error: print "cnnc CMD: message" and return 2. */
int cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Flag value access: if argv[*i] is `name`, store argv[*i+1] in *value, advance
 * *i and return 1; also accepts `name=value`. Returns -1 if the value is missing. */
int cli_flag(int argc, char **argv, int *i, const char *name, const char **value);
int cli_parse_i64(const char *text, int64_t *out);
/* FLAG's value as a whole number in LO..HI, or a usage error naming the flag,
 * the range and the value ("--epochs wants a whole number from 0 to 1000000,
 * got '1e12'"); 0 when *out is set, else the exit code 2. */
int cli_int_arg(const char *cmd, const char *flag, const char *v, int64_t lo, int64_t hi, int64_t *out);
int cli_parse_f32(const char *text, float *out);

/* One option a command accepts: what its --help lists, and what tells a help
 * request apart from an option's value. */
typedef struct cli_option {
    const char *name;    /* "--epochs"; spellings of one option joined by ", ": "-o, --out" */
    const char *value;   /* placeholder of its value, "N"; NULL for a switch */
    const char *help;    /* one line */
} cli_option;

/* A command's help: usage line, what it does, its options ({NULL}-terminated),
 * and whether it also takes the engine options (cli_engine_options). */
typedef struct cli_command_help {
    const char *name;              /* "train" */
    const char *synopsis;          /* after "usage: cnnc NAME " */
    const char *about;             /* one or two sentences */
    const cli_option *options;
    int engine;
    const cli_option *training;    /* train and step: cli_train_options (NULL: none) */
} cli_command_help;

/* The options cli_engine_opt parses, {NULL}-terminated. */
extern const cli_option cli_engine_options[];

/* argv asks for help: "--help" or "-h" where an option is expected (not as the
 * value of an option that takes one), so it needs no other argument. */
int cli_help_wanted(const cli_command_help *h, int argc, char **argv);
/* Print the usage line, the command's options and its engine options on
 * stdout; returns 0, the exit code of a help request. */
int cli_help(const cli_command_help *h);
/* Usage error: "cnnc CMD: message", then the usage line and where the options
 * are listed, on stderr; returns 2. */
int cli_usage_of(const cli_command_help *h, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* cli_usage_of(h, "unknown option '%s'", arg). */
int cli_unknown_option(const cli_command_help *h, const char *arg);

/* Options shared by commands that build an engine. */
typedef struct cli_engine_opts {
    cnnc_engine_config cfg;
    const char *input;         /* --input CxHxW */
    int optim_given;
    const char *class_name;    /* --class: the nn.Module class of a .py model */
    const char *args;          /* --args: its constructor's arguments, as Python text */
    int device_index_given;    /* --device cuda:N (else a launcher's rank picks its GPU) */
} cli_engine_opts;

/* Plans at least this large get a note before they are allocated (cfg.on_plan). */
#define CLI_LARGE_PLAN_BYTES ((size_t)1 << 30)
void cli_engine_opts_init(cli_engine_opts *o);
/* Try to consume one engine option at argv[*i]: 1 consumed, 0 not an engine
 * option, -1 bad value (message printed). */
int cli_engine_opt(const char *cmd, int argc, char **argv, int *i, cli_engine_opts *o);
/* Optimizer flags the chosen --optim has no argument for (--rho with sgd) are a
 * usage error, as the keyword would be a TypeError in torch.optim: 0 or 2. */
int cli_optim_flags_check(const char *cmd, const cli_engine_opts *o);

/* What `train` and `step` take besides the engine options: the learning-rate
 * schedule, label smoothing and gradient clipping (cli_train_opts.c). */
typedef struct cli_train_opts {
    cnnc_sched_config sched;
    int sched_given;           /* --sched was given */
    unsigned given;            /* which schedule arguments were given (cli_train_opts.c's table) */
} cli_train_opts;
extern const cli_option cli_train_options[];
void cli_train_opts_init(cli_train_opts *t);
/* Try to consume one option at argv[*i]: 1 consumed, 0 not one, -1 bad value
 * (message printed). Label smoothing and clipping go into eo->cfg. */
int cli_train_opt(const char *cmd, int argc, char **argv, int *i, cli_train_opts *t, cli_engine_opts *eo);
/* After parsing: the schedule's flags agree with --sched (0), else a usage error (2). */
int cli_train_opts_finish(const char *cmd, cli_train_opts *t);

/* Finish the config against the model (sample shape from --input or the model). */
int cli_engine_finish(const char *cmd, cli_engine_opts *o, const cnnc_model *model);
/* The per-sample input shape from the data (CxHxW), for a model without `input =` and no --input. */
void cli_sample_of_data(cli_engine_opts *o, int32_t channels, int32_t height, int32_t width);
/* Whether train streams DIR's training set: --stream (force), else when its
 * decoded size exceeds max_mb MiB (0: half of physical memory). Why, in `mode`
 * (empty when it loads whole and no limit was given). A size that cannot be
 * read leaves it to the loader to say why (loads whole). */
int cli_train_streams(const char *dir, int force, int64_t max_mb, char *mode, size_t cap);
/* --augment crop=P,hflip (either or both): 0, or 2 after a usage message. */
int cli_parse_augment(const char *text, cnnc_augment *out);
/* The class names the checkpoint at WEIGHTS records against the data's (ImageFolder):
 * other names or another order is an error naming both; either side without names passes. */
cnnc_status cli_check_classes(const char *weights, const cnnc_data_set *set, const char *data, cnnc_error *err);

/* Open the model a command names: a model file, or a class in a .py source
 * (--class, --args) traced in train or eval mode at a batch of `sample`
 * (NULL: --input, else the source's default input). On failure prints the
 * error and returns the exit code. */
int cli_open_model(const char *cmd, const char *path, const cli_engine_opts *o, const cnnc_shape *sample, int train,
                   cnnc_model **model);
/* The path ends in ".py". */
int cli_is_py(const char *path);

/* Data-parallel `train` (train_dist.c). Open the communicator when a launcher
 * (mpirun, srun) started this process, and give each rank the GPU of its place
 * on the node unless --device cuda:N named one; 0, or an exit code after
 * printing why. */
int cli_dist_open(const char *cmd, int sync_bn, cli_engine_opts *eo, cnnc_comm **out);
/* --dist-backend's value: 0, or 2 after a usage message. */
int cli_parse_dist_backend(const char *cmd, const char *v, cnnc_dist_backend *out);
/* --gpus 0,1,...: the CUDA device of each rank, in rank order. */
typedef struct cli_gpus {
    int n;
    int ids[CNNC_MAX_THREAD_RANKS];
} cli_gpus;
/* --gpus's value: 0, or 2 after a usage message. */
int cli_parse_gpus(const char *cmd, const char *v, cli_gpus *out);
/* Run main_fn(argc, argv) once per GPU of gpus, each in its own thread as one
 * rank of a world of threads (cli_dist_open gives it its GPU and communicator);
 * the first failing rank's exit code, else 0. Refuses a launcher, --device cpu
 * and --device cuda:N, and GPUs the machine lacks. */
int cli_run_gpus(const char *cmd, int argc, char **argv, const cli_gpus *gpus, const cli_engine_opts *eo,
                 int (*main_fn)(int, char **));
/* Whether this thread is one rank of --gpus. */
int cli_in_gpu_rank(void);
/* End a rank with exit code rc: finalize after a clean end or a stop all ranks
 * agreed on (agreed), else abort the job. c NULL: rc. */
int cli_dist_end(cnnc_comm *c, int rc, int agreed);

/* Interrupt flag set by SIGINT/SIGTERM (cli_install_signals). */
extern volatile int cli_interrupted_signal;
void cli_install_signals(void);
/* Fault-injection seam (as src/base/test_hooks.h, on the CLI's side): raise
 * SIGTERM once this many optimizer steps are done in all; 0: never. The
 * release build's definition is weak and returns 0; the test programs link
 * tests/hooks/test_hooks_env.c, which reads CNNC_FAULT_INTERRUPT_AT_STEP. */
int64_t cli_hook_interrupt_at_step(void);

/* JSON output: a string with escapes, and a shape as a list [2, 10]. */
void cli_json_str(FILE *f, const char *s);
void cli_json_shape(FILE *f, const cnnc_shape *shape);

double cli_now(void);
/* Peak resident set size of this process in MiB. */
double cli_peak_rss_mib(void);

/* Prints "conv engine of NAME: HOW" for each conv layer whose backend says how it
 * runs (CUDA), and puts the engines' names, e.g. "gemm,cudnn", into names
 * (may be NULL; "" when none). */
void cli_print_conv_engines(const cnnc_engine *e, const cnnc_model *model, char *names, size_t cap);
/* "gemm", "cudnn", "direct" or "auto", as --conv spells it. */
const char *cli_conv_engine_name(cnnc_conv_engine conv);
/* "fp32", "tf32" or "bf16", as --precision spells the config's. */
const char *cli_precision_name(const cnnc_engine_config *cfg);

#endif
