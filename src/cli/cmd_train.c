/* cmd_train.c — `cnnc train`: train a model on an IDX data set, evaluate on
 * its test split after each epoch, log metrics, checkpoint, and save on
 * Ctrl-C / SIGTERM (exit 130 / 143). */
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static const cli_option OPTIONS[] = {
    {"--data", "DIR", "IDX files, or an ImageFolder (DIR/train/<class>/*.png|jpg, DIR/test/<class>/...) "
                      "(default: data/fashion-mnist, else /usr/share/datasets/fashion-mnist)"},
    {"--epochs", "N", "epochs to train (default 1)"},
    {"--batch", "B", "batch size (default 64)"},
    {"--save", "CKPT", "checkpoint after each epoch and on Ctrl-C / SIGTERM"},
    {"--val-split", "N", "hold out N training images as a validation set, evaluated after each epoch instead of "
                         "the test split (which is evaluated once, at the end); which images: the first N of a "
                         "shuffle seeded by --seed alone, the same every epoch and every run with that seed"},
    {"--save-best", "CKPT", "keep the checkpoint of the epoch with the best validation accuracy (needs --val-split)"},
    {"--resume", "CKPT", "continue from a checkpoint's weights, optimizer state and step"},
    {"--log", "CSV", "per-epoch metrics as CSV"},
    {"--plot", "SVG", "loss and accuracy curves as SVG"},
    {"--every", "N", "progress every N steps (default 50)"},
    {"--augment", "LIST", "crop=P and/or hflip, comma-separated: torchvision's RandomCrop(size, padding=P) then "
                          "RandomHorizontalFlip(), inside the training gather, drawn from (--seed, epoch, sample); "
                          "evaluation never augments"},
    {"--stream", NULL, "stream the training set from disk through a bounded prefetch pool instead of loading it "
                       "whole (default: only when it would not fit in --max-resident-mb); same batches, same weights"},
    {"--max-resident-mb", "N", "load the training set whole when it takes at most N MiB decoded, else stream it "
                               "(default: half of physical memory)"},
    {"--workers", "N", "streaming: DataLoader's num_workers, threads reading batches ahead (default 0: the training "
                       "thread reads each batch itself)"},
    {"--prefetch-factor", "K", "streaming: batches each worker keeps read ahead (default 2; needs --workers > 0); the "
                               "pool holds N x K batches"},
    {"--profile-steps", "A:B", "wrap optimizer steps A..B (1-based) in the backend profiler's range"},
    {"--quiet", NULL, "no progress, start or done lines"},
    {"--detect-anomaly", NULL, "stop at the first nan/inf output or gradient (slow: debugging)"},
    {"--sync-bn", NULL, "under mpirun/srun: BatchNorm statistics over the global batch (SyncBatchNorm)"},
    {"--dist-backend", "nccl|mpi|auto", "under mpirun/srun with --device cuda: NCCL on the GPUs, or MPI through host "
                                        "memory (auto: NCCL when built with it; the cpu always uses MPI)"},
    {"--bucket-cap-mb", "MB", "with NCCL: sum the gradients in buckets of about MB MiB (the first 1 MiB), each while "
                              "backward goes on, as DistributedDataParallel's bucket_cap_mb (default 25)"},
    {"--gpus", "0,1,...", "data-parallel in one process: one thread per listed GPU, a rank each, gradients summed by "
                          "NCCL (as --dist-backend says); --batch stays the global batch"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "train", "MODEL [options]",
    "Train MODEL (a model file or a .py source) on an IDX or ImageFolder data set, evaluating on its test split "
    "after each epoch. Without --input or an `input =` line the input shape is the data's (CxHxW).",
    OPTIONS, 1, cli_train_options,
};

/* The default data: Fashion-MNIST as set up by scripts/get-data.sh, else Debian's copy. */
const char *cli_default_data(void) {
    struct stat sb;
    if (stat("data/fashion-mnist", &sb) == 0 && S_ISDIR(sb.st_mode)) return "data/fashion-mnist";
    return "/usr/share/datasets/fashion-mnist";
}

typedef struct progress_state {
    int tty, quiet;
    int64_t epoch, epochs;
    double t_epoch, t_last;
    int64_t step_done;          /* steps of this epoch completed (what an interrupt checkpoint records) */
    int64_t interrupt_at;       /* test hook (cli_hook_interrupt_at_step): raise SIGTERM after this many optimizer steps in all (0 = off) */
    int64_t total_done;
} progress_state;

static int on_progress(void *user, int64_t step, int64_t steps, double loss, double ips) {
    progress_state *p = user;
    p->step_done = step;
    p->total_done++;
    if (p->interrupt_at > 0 && p->total_done == p->interrupt_at) raise(SIGTERM);
    if (cli_interrupted_signal) return 1;
    if (p->quiet) return 0;
    double now = cli_now();
    int last = step == steps;
    /* The loss is read back every --every steps; until the first read it is not known yet (not nan). */
    char loss_text[32] = "-";
    if (!isnan(loss)) snprintf(loss_text, sizeof loss_text, "%.4f", loss);
    if (p->tty) {
        if (now - p->t_last < 0.1 && !last) return 0;
        p->t_last = now;
        int width = 24, done = (int)(width * step / steps);
        char bar[32];
        for (int k = 0; k < width; k++) bar[k] = k < done ? '=' : (k == done ? '>' : ' ');
        bar[width] = '\0';
        double eta = (double)(steps - step) * (now - p->t_epoch) / (double)step;
        fprintf(stderr, "\repoch %lld/%lld [%s] %lld/%lld loss %s %.0f img/s ETA %.0fs   ", (long long)p->epoch,
                (long long)p->epochs, bar, (long long)step, (long long)steps, loss_text, ips, eta);
        if (last) fputs("\r\033[K", stderr);
        fflush(stderr);
    } else if (now - p->t_last >= 10.0 && !last) {
        p->t_last = now;
        fprintf(stderr, "epoch %lld/%lld step %lld/%lld loss %s %.0f img/s\n", (long long)p->epoch,
                (long long)p->epochs, (long long)step, (long long)steps, loss_text, ips);
    }
    return 0;
}

/* A resume with other hyperparameters than the checkpoint's optimizer had is
 * allowed (the state is the same kind), but said: PyTorch's
 * optimizer.load_state_dict would have restored the saved ones. */
static void note_optim_changes(const char *resume, const cnnc_optim_config *was, const cnnc_optim_config *now) {
    struct { const char *flag; double a, b; } v[] = {
        {"--lr", was->lr, now->lr},
        {"--weight-decay", was->weight_decay, now->weight_decay},
        {"--momentum", was->momentum, now->momentum},
        {"--dampening", was->dampening, now->dampening},
        {"--nesterov", was->nesterov, now->nesterov},
        {"--betas (beta1)", was->beta1, now->beta1},
        {"--betas (beta2)", was->beta2, now->beta2},
        {"--eps", was->eps, now->eps},
    };
    int sgd = now->kind == CNNC_OPTIM_SGD;
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
        int sgd_only = k >= 2 && k <= 4, adam_only = k >= 5;
        if ((sgd_only && !sgd) || (adam_only && sgd) || (float)v[k].a == (float)v[k].b) continue;
        fprintf(stderr, "note: %s was saved with %s %g; this run uses %g\n", resume, v[k].flag, v[k].a, v[k].b);
    }
}

/* Evaluate slot 1 with what training produced: the weights, or with --ema their
 * average (swapped in for the evaluation and back, also when it fails). */
static cnnc_status evaluate_trained(cnnc_engine *e, int64_t batch, cnnc_epoch_stats *stats, cnnc_error *err) {
    if (!cnnc_engine_has_ema(e)) return cnnc_engine_evaluate(e, 1, batch, stats, NULL, err);
    cnnc_status st = cnnc_engine_swap_ema(e, err);
    if (st != CNNC_OK) return st;
    st = cnnc_engine_evaluate(e, 1, batch, stats, NULL, err);
    cnnc_error back;
    cnnc_error_clear(&back);
    cnnc_status sb = cnnc_engine_swap_ema(e, st == CNNC_OK ? err : &back);
    return st != CNNC_OK ? st : sb;
}

int cmd_train(int argc, char **argv) {
    const char *model_path = NULL, *data = NULL, *save = NULL, *resume = NULL, *log_path = NULL, *plot = NULL;
    const char *save_best = NULL;
    int64_t epochs = 1, batch = 64, every = 50, val_split = 0;
    int quiet = 0, sync_bn = 0, force_stream = 0, dist_backend_given = 0;
    float bucket_cap_mb = 0.0f;   /* 0: not given */
    cli_gpus gpus;                /* --gpus: one rank per GPU, a thread each */
    gpus.n = 0;
    cnnc_dist_backend dist_backend = CNNC_DIST_AUTO;
    int64_t max_resident_mb = 0, workers = 0, prefetch = 2;
    int prefetch_given = 0;
    cli_engine_opts eo;
    cli_engine_opts_init(&eo);
    cli_train_opts to;
    cli_train_opts_init(&to);
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r = cli_engine_opt("train", argc, argv, &i, &eo);
        if (r == 0) r = cli_train_opt("train", argc, argv, &i, &to, &eo);
        if (r < 0) return 2;
        if (r > 0) continue;
#define STR_FLAG(name, var)                                                                  \
    if ((r = cli_flag(argc, argv, &i, name, &v)) != 0) {                                     \
        if (r < 0) return cli_usage("train", "%s needs a value", name);                      \
        var = v;                                                                             \
        continue;                                                                            \
    }
#define INT_FLAG(name, var, lo, hi)                                                          \
    if ((r = cli_flag(argc, argv, &i, name, &v)) != 0) {                                     \
        if (cli_int_arg("train", name, r < 0 ? NULL : v, lo, hi, &var)) return 2;            \
        continue;                                                                            \
    }
        STR_FLAG("--data", data)
        STR_FLAG("--save", save)
        STR_FLAG("--save-best", save_best)
        INT_FLAG("--val-split", val_split, 1, INT32_MAX)
        STR_FLAG("--resume", resume)
        STR_FLAG("--log", log_path)
        STR_FLAG("--plot", plot)
        INT_FLAG("--epochs", epochs, 0, CNNC_CKPT_MAX_EPOCHS)
        INT_FLAG("--batch", batch, 1, INT64_MAX)
        INT_FLAG("--every", every, 1, INT64_MAX)
        INT_FLAG("--max-resident-mb", max_resident_mb, 1, INT32_MAX)
        INT_FLAG("--workers", workers, 0, CNNC_STREAM_MAX_WORKERS)
        if ((r = cli_flag(argc, argv, &i, "--prefetch-factor", &v)) != 0) {
            if (cli_int_arg("train", "--prefetch-factor", r < 0 ? NULL : v, 1, CNNC_STREAM_MAX_PREFETCH, &prefetch))
                return 2;
            prefetch_given = 1;
            continue;
        }
        if (!strcmp(argv[i], "--stream")) { force_stream = 1; continue; }
        if ((r = cli_flag(argc, argv, &i, "--profile-steps", &v)) != 0) {
            long long a, b;
            if (r < 0 || sscanf(v, "%lld:%lld", &a, &b) != 2 || a < 1 || b < a)
                return cli_usage("train", "--profile-steps wants A:B with 1 <= A <= B");
            eo.cfg.profile_first = a;
            eo.cfg.profile_last = b;
            continue;
        }
        if ((r = cli_flag(argc, argv, &i, "--augment", &v)) != 0) {
            if (r < 0) return cli_usage("train", "--augment needs a value: crop=P and/or hflip");
            if (cli_parse_augment(v, &eo.cfg.augment)) return 2;
            continue;
        }
        if (!strcmp(argv[i], "--quiet")) { quiet = 1; continue; }
        if (!strcmp(argv[i], "--detect-anomaly")) { eo.cfg.detect_anomaly = 1; continue; }
        if (!strcmp(argv[i], "--sync-bn")) { sync_bn = 1; continue; }
        if ((r = cli_flag(argc, argv, &i, "--dist-backend", &v)) != 0) {
            if (cli_parse_dist_backend("train", r < 0 ? NULL : v, &dist_backend)) return 2;
            dist_backend_given = 1;
            continue;
        }
        if ((r = cli_flag(argc, argv, &i, "--bucket-cap-mb", &v)) != 0) {
            /* checked here, before any data is read; the engine checks the same range */
            if (r < 0 || !cli_parse_f32(v, &bucket_cap_mb) || !(bucket_cap_mb >= (float)CNNC_BUCKET_CAP_MB_MIN) ||
                !(bucket_cap_mb <= (float)CNNC_BUCKET_CAP_MB_MAX))
                return cli_usage("train", "bad or missing value for --bucket-cap-mb%s%s: a size in MiB from 4 bytes "
                                          "(3.8e-06) to 1048576, e.g. 25 (DistributedDataParallel's default)",
                                 r < 0 ? "" : ": ", r < 0 ? "" : v);
            continue;
        }
        if ((r = cli_flag(argc, argv, &i, "--gpus", &v)) != 0) {
            if (cli_parse_gpus("train", r < 0 ? NULL : v, &gpus)) return 2;
            continue;
        }
        if (argv[i][0] == '-') return cli_unknown_option(&HELP, argv[i]);
        if (model_path) return cli_usage_of(&HELP, "unexpected argument %s", argv[i]);
        model_path = argv[i];
#undef STR_FLAG
#undef INT_FLAG
    }
    if (!model_path) return cli_usage_of(&HELP, "no model file");
    if (!data) data = cli_default_data();
    if (cli_train_opts_finish("train", &to)) return 2;
    if (prefetch_given && workers == 0)   /* DataLoader's ValueError, in cnnc's flags */
        return cli_usage("train", "--prefetch-factor needs --workers > 0 (with --workers 0 the training thread reads "
                                  "each batch itself, nothing is read ahead)");
    if (save_best && !val_split)
        return cli_usage("train", "--save-best keeps the best validation accuracy: pass --val-split N too "
                                  "(selecting on the test split would report a biased test accuracy)");

    /* --gpus: this command again, once per GPU, each in its own thread as a rank */
    if (gpus.n > 0 && !cli_in_gpu_rank()) return cli_run_gpus("train", argc, argv, &gpus, &eo, cmd_train);

    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *model = NULL;
    cnnc_engine *e = NULL;
    cnnc_data_set train, test;
    cnnc_stream_set *stream = NULL;   /* the training set, when it streams */
    memset(&train, 0, sizeof train);
    memset(&test, 0, sizeof test);
    cnnc_metrics_row *rows = NULL;
    double *sched_lr = NULL, *sched_mom = NULL;
    char *classes = NULL;       /* the data's class names as JSON (ImageFolder), for the checkpoints */
    int rc, agreed = 0;   /* agreed: every rank stopped here together (dist) */
    cnnc_status st = CNNC_OK;
    /* One rank of an mpirun/srun job: rank 0 alone prints, logs and saves. */
    cnnc_comm *comm = NULL;
    if ((rc = cli_dist_open("train", sync_bn, &eo, &comm)) != 0) return rc;
    if (!comm && dist_backend_given)
        return cli_usage("train", "--dist-backend chooses how the ranks of a data-parallel run (mpirun -np N cnnc "
                                  "train ..., or srun) sum their gradients; this process was not started by a launcher");
    if (!comm && bucket_cap_mb > 0.0f)
        return cli_usage("train", "--bucket-cap-mb sizes the gradient buckets NCCL sums in a data-parallel run (mpirun "
                                  "-np N cnnc train ... --device cuda); this process was not started by a launcher");
    const int rank = cnnc_comm_rank(comm);
    if (rank != 0) quiet = 1, log_path = plot = NULL;
    if (comm && save_best)   /* every rank would reload what rank 0 alone writes */
        return cli_dist_end(comm, cli_usage("train", "--save-best is not supported under mpirun/srun yet: use --save, "
                                                     "and --val-split to see each epoch's validation accuracy"), 0);
    /* A checkpoint that cannot be written is found now, not after the first epoch's work. */
    if (rank == 0 && save && (st = cnnc_ckpt_check_save_path(save, 1, &err)) != CNNC_OK) {
        snprintf(err.hint, sizeof err.hint, "--save is checked before training starts: nothing was trained");
        return cli_dist_end(comm, cli_fail(&err), 0);
    }
    if (rank == 0 && save_best && (st = cnnc_ckpt_check_save_path(save_best, 1, &err)) != CNNC_OK) {
        snprintf(err.hint, sizeof err.hint, "--save-best is checked before training starts: nothing was trained");
        return cli_dist_end(comm, cli_fail(&err), 0);
    }
    if ((rc = cli_open_model("train", model_path, &eo, NULL, 1, &model)) != 0) return cli_dist_end(comm, rc, 0);
    /* Without --input or an `input =` line, the data's image shape is the input's. */
    const int shape_from_data = !eo.input && !model->has_input;
    if (!shape_from_data && (rc = cli_engine_finish("train", &eo, model)) != 0) goto done;
    eo.cfg.max_batch = batch;
    const uint64_t run_id = cnnc_ckpt_new_run_id();   /* both files of every checkpoint this run saves */

    char mode[256] = "";
    const int streamed = cli_train_streams(data, force_stream, max_resident_mb, mode, sizeof mode);
    if (streamed && val_split) {
        rc = cli_usage("train", "--val-split holds images out of a training set loaded whole; it cannot be combined "
                                "with streaming (%s)", mode);
        goto done;
    }
    if (streamed && comm) {
        rc = cli_usage("train", "a streamed training set cannot be trained under mpirun/srun yet (%s)", mode);
        goto done;
    }
    if (streamed) {
        if ((st = cnnc_data_open_stream(data, &stream, &test, &err)) != CNNC_OK) goto fail;
        const cnnc_sample_source *src = cnnc_stream_source(stream);
        train.n = src->n;   /* the sizes alone: the pixels stay on disk */
        train.channels = src->channels, train.height = src->height, train.width = src->width;
        train.classes = (char **)cnnc_stream_classes(stream, &train.n_classes);
    } else if ((st = cnnc_data_load(data, &train, &test, &err)) != CNNC_OK) {
        goto fail;
    }
    cnnc_dataset dval;          /* --val-split: the held-out tail of the training set */
    memset(&dval, 0, sizeof dval);
    if (val_split && (st = cnnc_data_hold_out(&train, val_split, eo.cfg.seed, &dval, &err)) != CNNC_OK) goto fail;
    if (shape_from_data) cli_sample_of_data(&eo, train.channels, train.height, train.width);
    if (train.classes && !(classes = cnnc_classes_to_json(train.classes, train.n_classes))) {
        st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the class names");
        goto fail;
    }
    char note[256];
    if ((st = cnnc_engine_create(model, &eo.cfg, &e, note, sizeof note, &err)) != CNNC_OK) goto fail;
    if (note[0] && rank == 0) fprintf(stderr, "%s\n", note);

    int64_t start_epoch = 0, start_step = 0;
    /* The schedule spans the whole run: --epochs of ceil(N / --batch) optimizer steps. */
    const int64_t steps_per_epoch = (train.n + batch - 1) / batch;
    cnnc_sched_resolve(&to.sched, steps_per_epoch, epochs);
    if (resume) {
        cnnc_ckpt_meta meta;
        memset(&meta, 0, sizeof meta);
        if ((st = cnnc_ckpt_load_at(e, resume, 1, &meta, &start_step, &err)) != CNNC_OK) goto fail;
        start_epoch = meta.epoch;
        if (meta.has_optim_config) note_optim_changes(resume, &meta.optim, &eo.cfg.optim);
        if (meta.has_sched) {
            /* The saved schedule goes on, as scheduler.load_state_dict restores its arguments. */
            if (to.sched_given && memcmp(&to.sched, &meta.sched, sizeof to.sched) != 0)
                fprintf(stderr, "note: %s was saved with its own --sched %s schedule; it continues (the schedule flags "
                                "of this run are not used)\n",
                        resume, cnnc_sched_name(meta.sched.kind));
            to.sched = meta.sched;
        }
        if (start_epoch >= epochs) {
            /* say so: a resume past the end trains nothing and writes nothing */
            fprintf(stderr, "cnnc train: %s has %lld epoch(s) done, --epochs is %lld: nothing to train, nothing written\n",
                    resume, (long long)start_epoch, (long long)epochs);
            goto done;
        }
        if (rank == 0)
            fprintf(stderr, "resumed from %s at epoch %lld step %lld (optimizer step %lld%s)\n", resume,
                    (long long)start_epoch + 1, (long long)start_step, (long long)cnnc_engine_steps(e),
                    !cnnc_engine_has_ema(e)                ? ""
                    : cnnc_engine_ema_count(e) > 0 ? ", its EMA continued"
                                                   : ", a new EMA: the checkpoint has none");
    }
    if (comm && bucket_cap_mb > 0.0f && (st = cnnc_engine_set_bucket_cap_mb(e, bucket_cap_mb, &err)) != CNNC_OK)
        goto fail;
    if (comm && (st = cnnc_engine_set_comm_backend(e, comm, sync_bn, dist_backend, &err)) != CNNC_OK) goto fail;
    if (comm && bucket_cap_mb > 0.0f && cnnc_engine_dist_backend(e) != CNNC_DIST_NCCL) {
        /* NCCL's alone: the cpu and the staged MPI path sum every gradient at once */
        rc = cli_usage("train", "--bucket-cap-mb sizes the gradient buckets NCCL sums; this run sums its gradients "
                                "with MPI (%s)",
                       strcmp(cnnc_engine_backend_name(e), "cpu") ? "--dist-backend mpi" : "the cpu backend");
        goto done;
    }
    cnnc_dataset dtrain = cnnc_data_as_dataset(&train), dtest = cnnc_data_as_dataset(&test);
    if (streamed) {
        if ((st = cnnc_engine_set_stream(e, cnnc_stream_source(stream), (int)workers, (int)prefetch, &err)) != CNNC_OK)
            goto fail;
    } else if ((st = cnnc_engine_set_dataset(e, 0, &dtrain, &err)) != CNNC_OK) {
        goto fail;
    }
    /* slot 1: what each epoch evaluates (the validation set, else the test split) */
    if ((st = cnnc_engine_set_dataset(e, 1, val_split ? &dval : &dtest, &err)) != CNNC_OK) goto fail;
    const char *eval_name = val_split ? "val" : "test";
    double best_acc = -1.0;
    int64_t best_epoch = 0;
    const int scheduled = to.sched.kind != CNNC_SCHED_NONE || to.sched.warmup_steps > 0;
    if (scheduled && epochs > 0) {
        const int64_t total = steps_per_epoch * epochs;
        sched_lr = malloc((size_t)total * sizeof *sched_lr);
        sched_mom = malloc((size_t)total * sizeof *sched_mom);
        if (!sched_lr || !sched_mom) {
            st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate a schedule of %lld steps",
                                (long long)total);
            goto fail;
        }
        if ((st = cnnc_sched_table(&to.sched, &eo.cfg.optim, steps_per_epoch, epochs, sched_lr, sched_mom, &err)) !=
                CNNC_OK ||
            (st = cnnc_engine_set_schedule(e, sched_lr, sched_mom, total, &err)) != CNNC_OK)
            goto fail;
        free(sched_lr);   /* the engine keeps its own copy */
        free(sched_mom);
        sched_lr = sched_mom = NULL;
    }

    rows = calloc((size_t)(epochs > 0 ? epochs : 1), sizeof *rows);
    if (!rows) { st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate metrics"); goto fail; }
    if (!quiet) {
        static const char *const OPTIM[CNNC_OPTIM_KIND_COUNT] = {"sgd", "adam", "adamw", "adadelta", "rmsprop", "adagrad"};
        char sched[96] = "";
        if (scheduled)
            snprintf(sched, sizeof sched, ", %s%s%s schedule", to.sched.warmup_steps > 0 ? "warmup + " : "",
                     cnnc_sched_name(to.sched.kind), to.sched.per_step ? " per step" : " per epoch");
        char ema[80] = "";
        if (eo.cfg.ema_decay != 0.0)
            snprintf(ema, sizeof ema, "; EMA of the weights (decay %g) evaluated and saved", eo.cfg.ema_decay);
        printf("training %s on %s (%lld train%s / %lld test images) on %s, batch %lld, %s lr %g%s%s\n", model_path,
               data, (long long)train.n, val_split ? " + held-out val" : "", (long long)test.n,
               cnnc_engine_backend_name(e), (long long)batch,
               (unsigned)eo.cfg.optim.kind < CNNC_OPTIM_KIND_COUNT ? OPTIM[eo.cfg.optim.kind] : "?",
               (double)cnnc_engine_lr_at(e, cnnc_engine_steps(e) + 1), sched, ema);
    }
    if (!quiet && streamed)
        printf("data: %s; --workers %lld, --prefetch-factor %lld: a pool of %.1f MiB\n", mode, (long long)workers,
               workers > 0 ? (long long)prefetch : 0LL, (double)cnnc_engine_stream_bytes(e) / (1024.0 * 1024.0));
    else if (!quiet && mode[0])
        printf("data: %s\n", mode);
    if (!quiet && comm)
        printf("data-parallel over %d ranks (%s; gradients summed by %s), batch %lld per step in all%s\n",
               cnnc_comm_size(comm), cnnc_comm_library(comm),
               cnnc_dist_backend_name(cnnc_engine_dist_backend(e)), (long long)batch,
               sync_bn ? ", BatchNorm synchronised" : "");
    fflush(stdout);
    cli_install_signals();
    progress_state ps;
    memset(&ps, 0, sizeof ps);
    ps.tty = isatty(2);
    ps.quiet = quiet;
    ps.epochs = epochs;
    ps.interrupt_at = cli_hook_interrupt_at_step();
    int64_t n_rows = 0;
    double t_start = cli_now();
    for (int64_t ep = start_epoch; ep < epochs; ep++) {
        cnnc_epoch_stats tr, te;
        ps.epoch = ep + 1;
        ps.t_epoch = ps.t_last = cli_now();
        int64_t first = ep == start_epoch ? start_step : 0;
        ps.step_done = first;
        /* A signal that came during evaluation or a save stops before the next epoch. */
        st = cli_interrupted_signal ? CNNC_ERR_INTERRUPTED
                                    : cnnc_engine_train_epoch_from(e, batch, eo.cfg.seed, ep, first, on_progress, &ps,
                                                                   every, &tr, &err);
        if (st == CNNC_ERR_INTERRUPTED) {
            int sig = cli_interrupted_signal ? cli_interrupted_signal : SIGINT;
            const char *path = save ? save : "cnnc-interrupted.safetensors";
            /* The checkpoint records the steps done inside this epoch, so --resume
             * continues with the next batch of the same shuffle. */
            cnnc_ckpt_meta meta = {ep, eo.cfg.seed, 1, run_id, 0, eo.cfg.optim, scheduled, to.sched, classes};
            cnnc_error serr;
            cnnc_error_clear(&serr);
            agreed = 1;   /* every rank stopped at this step (cnnc_engine_train_epoch_from) */
            if (rank != 0) {
                /* rank 0 saves: the weights are the same on every rank */
            } else if (cnnc_ckpt_save_at(e, model, path, &meta, ps.step_done, &serr) != CNNC_OK) {
                cli_print_error(&serr);
            } else {
                fprintf(stderr, "\ninterrupted (%s) in epoch %lld after step %lld: saved %s (weights and optimizer "
                                "state); continue with --resume %s\n",
                        sig == SIGTERM ? "SIGTERM" : "SIGINT", (long long)(ep + 1), (long long)ps.step_done, path,
                        path);
            }
            rc = 128 + sig;
            goto done;
        }
        if (st != CNNC_OK) goto fail;
        if ((st = evaluate_trained(e, batch, &te, &err)) != CNNC_OK) goto fail;
        cnnc_metrics_row *row = &rows[n_rows++];
        row->epoch = ep + 1;
        row->step = cnnc_engine_steps(e);
        row->train_loss = tr.loss;
        row->test_loss = te.loss;
        row->test_acc = te.accuracy;
        row->images_per_s = tr.images_per_s;
        row->seconds = tr.seconds;
        if (rank == 0)
            printf("epoch %lld/%lld: train loss %.4f, %s loss %.4f, %s acc %.4f, %.3f s, %.0f img/s\n",
                   (long long)(ep + 1), (long long)epochs, tr.loss, eval_name, te.loss, eval_name, te.accuracy,
                   tr.seconds, tr.images_per_s);
        fflush(stdout);
        if (save && rank == 0) {
            cnnc_ckpt_meta meta = {ep + 1, eo.cfg.seed, 1, run_id, 0, eo.cfg.optim, scheduled, to.sched, classes};
            if ((st = cnnc_ckpt_save(e, model, save, &meta, &err)) != CNNC_OK) goto fail;
        }
        if (save_best && te.accuracy > best_acc) {
            /* a first epoch always saves; later ones only when strictly better */
            cnnc_ckpt_meta meta = {ep + 1, eo.cfg.seed, 1, run_id, 0, eo.cfg.optim, scheduled, to.sched, classes};
            if ((st = cnnc_ckpt_save(e, model, save_best, &meta, &err)) != CNNC_OK) goto fail;
        }
        if (te.accuracy > best_acc) best_acc = te.accuracy, best_epoch = ep + 1;
        if (log_path && (st = cnnc_metrics_write_csv(log_path, rows, n_rows, &err)) != CNNC_OK) goto fail;
        if (plot && (st = cnnc_metrics_write_svg(plot, rows, n_rows, model_path, &err)) != CNNC_OK) goto fail;
    }
    if (val_split && n_rows > 0) {
        /* the test split, once: the last weights, and the best epoch's when they were kept */
        cnnc_epoch_stats tt;
        if ((st = cnnc_engine_set_dataset(e, 1, &dtest, &err)) != CNNC_OK) goto fail;
        if ((st = evaluate_trained(e, batch, &tt, &err)) != CNNC_OK) goto fail;
        if (rank == 0) printf("test (last epoch's weights): loss %.4f, acc %.4f\n", tt.loss, tt.accuracy);
        if (save_best) {
            if ((st = cnnc_ckpt_load(e, save_best, 0, NULL, &err)) != CNNC_OK) goto fail;
            if ((st = cnnc_engine_evaluate(e, 1, batch, &tt, NULL, &err)) != CNNC_OK) goto fail;
            printf("test (best epoch %lld, val acc %.4f, %s): loss %.4f, acc %.4f\n", (long long)best_epoch, best_acc,
                   save_best, tt.loss, tt.accuracy);
        }
        fflush(stdout);
    }
    if (!quiet && n_rows > 0)
        printf("done: %lld epoch(s) in %.1f s, final %s accuracy %.4f%s%s\n", (long long)n_rows,
               cli_now() - t_start, eval_name, rows[n_rows - 1].test_acc, save ? ", saved " : "", save ? save : "");
    rc = 0;
    goto done;
fail:
    rc = cli_fail(&err);
done:
    free(rows);
    free(sched_lr);
    free(sched_mom);
    cnnc_engine_free(e);
    free(classes);
    if (stream) memset(&train, 0, sizeof train);   /* its fields were views of the stream's */
    cnnc_stream_set_free(stream);
    cnnc_data_set_free(&train);
    cnnc_data_set_free(&test);
    cnnc_model_free(model);
    return cli_dist_end(comm, rc, rc == 0 || agreed);
}
