/* cmd_step.c — `cnnc step`: reproduce K training steps from a PyTorch state
 * (weights + batch in safetensors) and write logits, loss, gradients, the
 * per-step losses and the final parameters, for parity checks and debugging. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const cli_option OPTIONS[] = {
    {"--weights", "W.safetensors", "PyTorch's state_dict to start from (required)"},
    {"--batch", "B.safetensors", "tensors `input` (F32, [N, ...]) and `target` (I64, [N]) (required)"},
    {"--out", "O.safetensors", "where logits, loss, gradients, losses and parameters go (required)"},
    {"--steps", "K", "optimizer steps on the batch (default 1); every --sched steps once per step over K steps"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "step", "MODEL --weights W --batch B --out O [options]",
    "Reproduce K training steps from a PyTorch state, for parity checks (--device defaults to cpu). The output "
    "also holds `lrs` (F64 [K]), the learning rate of every step, and with --ema the average as `ema.<name>`.",
    OPTIONS, 1, cli_train_options,
};

int cmd_step(int argc, char **argv) {
    const char *model_path = NULL, *weights = NULL, *batch_path = NULL, *out_path = NULL;
    int64_t steps = 1;
    cli_engine_opts eo;
    cli_engine_opts_init(&eo);
    eo.cfg.device = CNNC_DEVICE_CPU;
    cli_train_opts to;
    cli_train_opts_init(&to);
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r = cli_engine_opt("step", argc, argv, &i, &eo);
        if (r == 0) r = cli_train_opt("step", argc, argv, &i, &to, &eo);
        if (r < 0) return 2;
        if (r > 0) continue;
        if ((r = cli_flag(argc, argv, &i, "--weights", &v)) != 0) { if (r < 0) return cli_usage_of(&HELP, "--weights needs a value"); weights = v; }
        else if ((r = cli_flag(argc, argv, &i, "--batch", &v)) != 0) { if (r < 0) return cli_usage_of(&HELP, "--batch needs a value"); batch_path = v; }
        else if ((r = cli_flag(argc, argv, &i, "--out", &v)) != 0) { if (r < 0) return cli_usage_of(&HELP, "--out needs a value"); out_path = v; }
        else if ((r = cli_flag(argc, argv, &i, "--steps", &v)) != 0) {
            if (r < 0 || !cli_parse_i64(v, &steps) || steps < 0 || steps > 1000000) return cli_usage("step", "bad --steps");
        } else if (argv[i][0] == '-') return cli_unknown_option(&HELP, argv[i]);
        else if (!model_path) model_path = argv[i];
        else return cli_usage_of(&HELP, "unexpected argument %s", argv[i]);
    }
    if (!model_path || !weights || !batch_path || !out_path)
        return cli_usage_of(&HELP, "%s", !model_path ? "no model file" : !weights ? "no --weights"
                                         : !batch_path ? "no --batch" : "no --out");
    if (cli_train_opts_finish("step", &to) || cli_optim_flags_check("step", &eo)) return 2;
    /* In `step` every schedule steps once per optimizer step: T_max and total_steps are K. */
    to.sched.per_step = 1;
    cnnc_sched_resolve(&to.sched, steps, 1);

    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *model = NULL;
    cnnc_st_file *batch = NULL;
    cnnc_engine *e = NULL;
    cnnc_st_writer *w = NULL;
    float *x_logits = NULL, *buf = NULL, *losses = NULL;
    double *lrs = NULL, *moms = NULL;
    int rc = 0;
    cnnc_status st;

    if ((st = cnnc_st_read(batch_path, &batch, &err)) != CNNC_OK) goto fail;
    const cnnc_st_tensor *x = cnnc_st_find(batch, "input"), *y = cnnc_st_find(batch, "target");
    if (!x || !y || x->dtype != CNNC_F32 || y->dtype != CNNC_I64 || x->ndim < 2 || y->ndim != 1 ||
        y->shape[0] != x->shape[0]) {
        st = cnnc_error_set(&err, CNNC_ERR_IO, "ValueError",
                            "%s: expected tensors `input` (F32, [N, ...]) and `target` (I64, [N])", batch_path);
        goto fail;
    }
    cnnc_shape xs;
    memset(&xs, 0, sizeof xs);
    xs.ndim = x->ndim;
    for (int k = 0; k < x->ndim; k++) xs.d[k] = x->shape[k];
    eo.cfg.max_batch = x->shape[0];
    eo.cfg.sample.ndim = x->ndim - 1;
    for (int k = 1; k < x->ndim; k++) eo.cfg.sample.d[k - 1] = x->shape[k];
    if ((rc = cli_open_model("step", model_path, &eo, &eo.cfg.sample, 1, &model)) != 0) {
        cnnc_st_free(batch);
        return rc;
    }

    char note[256];
    if ((st = cnnc_engine_create(model, &eo.cfg, &e, note, sizeof note, &err)) != CNNC_OK) goto fail;
    if (note[0]) fprintf(stderr, "%s\n", note);
    if ((st = cnnc_ckpt_load(e, weights, 0, NULL, &err)) != CNNC_OK) goto fail;
    lrs = malloc((size_t)(steps > 0 ? steps : 1) * sizeof *lrs);
    moms = malloc((size_t)(steps > 0 ? steps : 1) * sizeof *moms);
    if (!lrs || !moms) {
        st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the schedule");
        goto fail;
    }
    if ((st = cnnc_sched_table(&to.sched, &eo.cfg.optim, steps, 1, lrs, moms, &err)) != CNNC_OK) goto fail;
    if (to.sched.kind != CNNC_SCHED_NONE || to.sched.warmup_steps > 0)
        if ((st = cnnc_engine_set_schedule(e, lrs, moms, steps, &err)) != CNNC_OK) goto fail;

    /* Labels as int64 in an aligned copy (safetensors data may be unaligned). */
    int64_t n = x->shape[0];
    int64_t *labels = malloc((size_t)n * sizeof(int64_t));
    float *input = malloc((size_t)x->numel * sizeof(float));
    if (!labels || !input) {
        free(labels);
        free(input);
        st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot copy the batch");
        goto fail;
    }
    memcpy(labels, y->data, (size_t)n * sizeof(int64_t));
    memcpy(input, x->data, (size_t)x->numel * sizeof(float));
    st = cnnc_engine_set_batch(e, input, &xs, labels, &err);
    free(labels);
    free(input);
    if (st != CNNC_OK) goto fail;

    w = cnnc_st_writer_new();
    const int64_t classes = cnnc_engine_classes(e);
    x_logits = malloc((size_t)(n * classes) * sizeof(float));
    losses = malloc((size_t)(steps > 0 ? steps : 1) * sizeof(float));
    int64_t biggest = 1;
    for (int32_t i = 0; i < cnnc_engine_param_count(e); i++)
        if (cnnc_engine_param(e, i)->numel > biggest) biggest = cnnc_engine_param(e, i)->numel;
    buf = malloc((size_t)biggest * sizeof(double));
    if (!w || !x_logits || !losses || !buf) {
        st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate outputs");
        goto fail;
    }

    /* The first forward/backward gives logits, loss and gradients. */
    float loss = 0.0f, first_loss;
    if ((st = cnnc_engine_forward(e, 1, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_engine_read_output(e, x_logits, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_engine_loss(e, 1, &loss, &err)) != CNNC_OK) goto fail;
    first_loss = loss;
    int64_t shape2[2] = {n, classes};
    if ((st = cnnc_st_writer_add(w, "logits", CNNC_F32, 2, shape2, x_logits, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_st_writer_add(w, "loss", CNNC_F32, 0, NULL, &loss, &err)) != CNNC_OK) goto fail;
    for (int32_t i = 0; i < cnnc_engine_param_count(e); i++) {
        const cnnc_param_info *pi = cnnc_engine_param(e, i);
        if (!pi->trainable) continue;
        if ((st = cnnc_engine_read_grad(e, i, buf, &err)) != CNNC_OK) goto fail;
        char name[sizeof pi->name + 8];
        snprintf(name, sizeof name, "%s.grad", pi->name);
        if ((st = cnnc_st_writer_add(w, name, CNNC_F32, pi->ndim, pi->shape, buf, &err)) != CNNC_OK) goto fail;
    }
    /* K updates; losses[k] is the loss the k-th update starts from. */
    for (int64_t k = 0; k < steps; k++) {
        if (k > 0) {
            if ((st = cnnc_engine_forward(e, 1, &err)) != CNNC_OK) goto fail;
            if ((st = cnnc_engine_loss(e, 1, &loss, &err)) != CNNC_OK) goto fail;
        }
        losses[k] = loss;
        if ((st = cnnc_engine_optim_step(e, &err)) != CNNC_OK) goto fail;
    }
    int64_t kshape[1] = {steps};
    if ((st = cnnc_st_writer_add(w, "losses", CNNC_F32, 1, kshape, losses, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_st_writer_add(w, "lrs", CNNC_F64, 1, kshape, lrs, &err)) != CNNC_OK) goto fail;
    for (int32_t i = 0; i < cnnc_engine_param_count(e); i++) {
        const cnnc_param_info *pi = cnnc_engine_param(e, i);
        if ((st = cnnc_engine_read_param(e, i, buf, &err)) != CNNC_OK) goto fail;
        if ((st = cnnc_st_writer_add(w, pi->name, pi->dtype, pi->ndim, pi->shape, buf, &err)) != CNNC_OK) goto fail;
    }
    /* --ema: AveragedModel's float entries (its num_batches_tracked is no average: docs/training.md) */
    for (int32_t i = 0; cnnc_engine_has_ema(e) && i < cnnc_engine_param_count(e); i++) {
        const cnnc_param_info *pi = cnnc_engine_param(e, i);
        if (pi->dtype == CNNC_I64) continue;
        if ((st = cnnc_engine_read_ema(e, i, buf, &err)) != CNNC_OK) goto fail;
        char name[sizeof pi->name + 8];
        snprintf(name, sizeof name, "ema.%s", pi->name);
        if ((st = cnnc_st_writer_add(w, name, pi->dtype, pi->ndim, pi->shape, buf, &err)) != CNNC_OK) goto fail;
    }
    if ((st = cnnc_st_writer_save(w, out_path, &err)) != CNNC_OK) goto fail;
    printf("loss %.6f at the first forward; %lld step(s) on %s; wrote %s\n", (double)first_loss, (long long)steps, cnnc_engine_backend_name(e), out_path);
    goto done;
fail:
    rc = cli_fail(&err);
done:
    free(x_logits);
    free(buf);
    free(losses);
    free(lrs);
    free(moms);
    cnnc_st_writer_free(w);
    cnnc_engine_free(e);
    cnnc_st_free(batch);
    cnnc_model_free(model);
    return rc;
}
