/* cmd_bench.c — `cnnc bench`: time full training steps (forward, loss,
 * backward, optimizer) on random inputs after a warm-up. The last line is
 * JSON with images_per_s and step_ms_median. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cnnc/rng.h"

#define BENCH_MAX_STEPS 1000000

static const cli_option OPTIONS[] = {
    {"--batch", "B", "batch size (default 64)"},
    {"--steps", "N", "timed steps (default 50)"},
    {"--warmup", "W", "untimed steps first (default 5)"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "bench", "MODEL [options]",
    "Time full training steps (forward, loss, backward, optimizer) on random inputs; the last line is JSON.",
    OPTIONS, 1, NULL,
};

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int cmd_bench(int argc, char **argv) {
    const char *model_path = NULL;
    int64_t batch = 64, steps = 50, warmup = 5;
    cli_engine_opts eo;
    cli_engine_opts_init(&eo);
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r = cli_engine_opt("bench", argc, argv, &i, &eo);
        if (r < 0) return 2;
        if (r > 0) continue;
        if ((r = cli_flag(argc, argv, &i, "--batch", &v)) != 0) {
            if (cli_int_arg("bench", "--batch", r < 0 ? NULL : v, 1, INT64_MAX, &batch)) return 2;
        } else if ((r = cli_flag(argc, argv, &i, "--steps", &v)) != 0) {
            /* one timing (8 bytes) is kept per step */
            if (cli_int_arg("bench", "--steps", r < 0 ? NULL : v, 1, BENCH_MAX_STEPS, &steps)) return 2;
        } else if ((r = cli_flag(argc, argv, &i, "--warmup", &v)) != 0) {
            if (cli_int_arg("bench", "--warmup", r < 0 ? NULL : v, 0, BENCH_MAX_STEPS, &warmup)) return 2;
        } else if (argv[i][0] == '-') return cli_unknown_option(&HELP, argv[i]);
        else if (!model_path) model_path = argv[i];
        else return cli_usage_of(&HELP, "unexpected argument %s", argv[i]);
    }
    if (!model_path) return cli_usage_of(&HELP, "no model file");
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *model = NULL;
    cnnc_engine *e = NULL;
    float *x = NULL;
    int64_t *y = NULL;
    double *ms = NULL;
    int rc;
    cnnc_status st;
    if ((rc = cli_open_model("bench", model_path, &eo, NULL, 1, &model)) != 0) return rc;
    if ((rc = cli_engine_finish("bench", &eo, model)) != 0) goto done;
    eo.cfg.max_batch = batch;
    char note[256];
    if ((st = cnnc_engine_create(model, &eo.cfg, &e, note, sizeof note, &err)) != CNNC_OK) goto fail;
    if (note[0]) fprintf(stderr, "%s\n", note);
    int64_t numel = batch * cnnc_shape_numel(&eo.cfg.sample), C = cnnc_engine_classes(e);
    x = malloc((size_t)numel * sizeof(float));
    y = malloc((size_t)batch * sizeof(int64_t));
    ms = malloc((size_t)steps * sizeof(double));
    if (!x || !y || !ms) { st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the batch"); goto fail; }
    for (int64_t i = 0; i < numel; i++) x[i] = cnnc_uniform01(eo.cfg.seed + 17, (uint64_t)i);
    for (int64_t i = 0; i < batch; i++) y[i] = (int64_t)(cnnc_mix64(eo.cfg.seed + (uint64_t)i) % (uint64_t)C);
    cnnc_shape xs = {eo.cfg.sample.ndim + 1, {batch}};
    for (int d = 0; d < eo.cfg.sample.ndim; d++) xs.d[d + 1] = eo.cfg.sample.d[d];
    if ((st = cnnc_engine_set_batch(e, x, &xs, y, &err)) != CNNC_OK) goto fail;
    for (int64_t k = 0; k < warmup; k++)
        if ((st = cnnc_engine_train_step(e, NULL, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_engine_sync(e, &err)) != CNNC_OK) goto fail;
    double total0 = cli_now();
    for (int64_t k = 0; k < steps; k++) {
        double t0 = cli_now();
        if ((st = cnnc_engine_train_step(e, NULL, &err)) != CNNC_OK) goto fail;
        if ((st = cnnc_engine_sync(e, &err)) != CNNC_OK) goto fail;
        ms[k] = (cli_now() - t0) * 1e3;
    }
    double total = cli_now() - total0;
    float loss = 0.0f;
    if ((st = cnnc_engine_loss(e, 0, &loss, &err)) != CNNC_OK) goto fail;
    qsort(ms, (size_t)steps, sizeof *ms, cmp_double);
    double median = ms[steps / 2], ips = (double)batch * 1e3 / median;
    printf("%s on %s: batch %lld, %lld steps: median %.3f ms/step, min %.3f ms, %.0f images/s (mean %.0f), loss %.4f\n",
           model_path, cnnc_engine_backend_name(e), (long long)batch, (long long)steps, median, ms[0], ips,
           (double)(batch * steps) / total, (double)loss);
    char convs[256];
    cli_print_conv_engines(e, model, convs, sizeof convs);
    printf("{\"model\": \"%s\", \"device\": \"%s\", \"batch\": %lld, \"steps\": %lld, \"threads\": %d, "
           "\"images_per_s\": %.1f, \"step_ms_median\": %.4f, \"step_ms_min\": %.4f, \"peak_rss_mib\": %.1f, "
           "\"conv\": \"%s\", \"precision\": \"%s\"}\n",
           model_path, cnnc_engine_backend_name(e), (long long)batch, (long long)steps, eo.cfg.threads, ips, median,
           ms[0], cli_peak_rss_mib(), convs, cli_precision_name(&eo.cfg));
    rc = 0;
    goto done;
fail:
    rc = cli_fail(&err);
done:
    free(x);
    free(y);
    free(ms);
    cnnc_engine_free(e);
    cnnc_model_free(model);
    return rc;
}
