/* cmd_profile.c — `cnnc profile MODEL --device cuda --batch B`: where a
 * training step's time goes. Per layer: forward and backward milliseconds
 * (device events between layers, mean over --steps), share of the step,
 * achieved GFLOP/s and GB/s from the geometry (FLOPs of the arithmetic,
 * minimum bytes = every tensor read or written once), and their percentages
 * of the card's FP32 GEMM peak and copy bandwidth, both measured at startup. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const cli_option OPTIONS[] = {
    {"--batch", "B", "batch size (default 256)"},
    {"--steps", "N", "profiled steps, averaged (default 20)"},
    {"--warmup", "W", "unprofiled steps first (default 5)"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "profile", "MODEL [--device cuda] [options]",
    "Where a training step's time goes on a GPU: per-layer forward and backward milliseconds, GFLOP/s and GB/s "
    "(--device defaults to cuda).",
    OPTIONS, 1, NULL,
};

static void print_row(const char *name, double fwd, double bwd, double step_ms, double flops, double bytes,
                      double peak_gflops, double peak_gbps) {
    const double ms = fwd + bwd;
    const double gflops = ms > 0 ? flops / (ms * 1e-3) / 1e9 : 0.0, gbps = ms > 0 ? bytes / (ms * 1e-3) / 1e9 : 0.0;
    printf("%-24s %9.4f %9.4f %6.1f%% %10.1f %6.1f%% %9.1f %6.1f%%\n", name, fwd, bwd, 100.0 * ms / step_ms, gflops,
           peak_gflops > 0 ? 100.0 * gflops / peak_gflops : 0.0, gbps, peak_gbps > 0 ? 100.0 * gbps / peak_gbps : 0.0);
}

int cmd_profile(int argc, char **argv) {
    const char *model_path = NULL;
    int64_t batch = 256, steps = 20, warmup = 5;
    cli_engine_opts eo;
    cli_engine_opts_init(&eo);
    eo.cfg.device = CNNC_DEVICE_CUDA;
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r = cli_engine_opt("profile", argc, argv, &i, &eo);
        if (r < 0) return 2;
        if (r > 0) continue;
        if ((r = cli_flag(argc, argv, &i, "--batch", &v)) != 0) {
            if (r < 0 || !cli_parse_i64(v, &batch) || batch < 1) return cli_usage("profile", "bad --batch");
        } else if ((r = cli_flag(argc, argv, &i, "--steps", &v)) != 0) {
            if (r < 0 || !cli_parse_i64(v, &steps) || steps < 1 || steps > 100000) return cli_usage("profile", "bad --steps");
        } else if ((r = cli_flag(argc, argv, &i, "--warmup", &v)) != 0) {
            if (r < 0 || !cli_parse_i64(v, &warmup) || warmup < 0) return cli_usage("profile", "bad --warmup");
        } else if (argv[i][0] == '-') return cli_unknown_option(&HELP, argv[i]);
        else if (!model_path) model_path = argv[i];
        else return cli_usage_of(&HELP, "unexpected argument %s", argv[i]);
    }
    if (!model_path) return cli_usage_of(&HELP, "no model file");
    cnnc_error err;
    cnnc_error_clear(&err);
    if (eo.cfg.device == CNNC_DEVICE_CPU) {
        cnnc_error_set(&err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                       "cnnc profile needs a CUDA device: it times layers with CUDA events (got --device cpu)");
        snprintf(err.hint, sizeof err.hint, "use --device cuda on a machine with an NVIDIA GPU; on the CPU, "
                                            "`cnnc bench` times whole steps");
        return cli_fail(&err);
    }
    cnnc_model *model = NULL;
    cnnc_engine *e = NULL;
    cnnc_profile prof;
    memset(&prof, 0, sizeof prof);
    int rc;
    cnnc_status st;
    if ((rc = cli_open_model("profile", model_path, &eo, NULL, 1, &model)) != 0) return rc;
    if ((rc = cli_engine_finish("profile", &eo, model)) != 0) goto done;
    eo.cfg.max_batch = batch;
    if ((st = cnnc_engine_create(model, &eo.cfg, &e, NULL, 0, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_engine_profile(e, batch, warmup, steps, &prof, &err)) != CNNC_OK) goto fail;
    const double sum_ms = prof.sum_ms, peak_gflops = prof.peak_gflops, peak_gbps = prof.peak_gbps;
    double flops = 0, bytes = 0;
    cnnc_device_info info;
    memset(&info, 0, sizeof info);
    (void)cnnc_cuda_device_info(eo.cfg.device_index, &info, NULL);
    printf("%s on %s, batch %lld, %lld steps timed per layer (mean), conv %s, %s%s\n", model_path, info.name,
           (long long)batch, (long long)steps,
           cli_conv_engine_name(eo.cfg.conv),
           cli_precision_name(&eo.cfg), eo.cfg.no_graph ? ", no graph" : "");
    printf("measured peaks: FP32 SGEMM %.1f GFLOP/s, device copy %.1f GB/s\n", peak_gflops, peak_gbps);
    cli_print_conv_engines(e, model, NULL, 0);
    int any_fused = 0;
    printf("%-24s %9s %9s %7s %10s %7s %9s %7s\n", "layer", "fwd ms", "bwd ms", "share", "GFLOP/s", "%peak",
           "GB/s", "%bw");
    for (int32_t i = 0; i < prof.n_layers; i++) {
        const cnnc_layer_profile *lp = &prof.layers[i];
        char name[CNNC_NAME_MAX + 24];
        /* A layer fused into another has no pass of its own: marked "-"; the fused
         * pass (the max-pool row) is marked "*". */
        any_fused |= lp->fused;
        snprintf(name, sizeof name, "%s %s%s", model->layers[i].name, cnnc_layer_kind_name(model->layers[i].kind),
                 lp->fused_away ? " -" : lp->fused ? " *" : "");
        print_row(name, lp->fwd_ms, lp->bwd_ms, sum_ms, lp->flops, lp->bytes, peak_gflops, peak_gbps);
        flops += lp->flops;
        bytes += lp->bytes;
    }
    char loss_row[64];
    snprintf(loss_row, sizeof loss_row, "loss (%s)", cnnc_engine_loss_name(e));
    print_row(loss_row, prof.loss_ms, 0.0, sum_ms, prof.loss_flops, prof.loss_bytes, peak_gflops, peak_gbps);
    print_row("optimizer", prof.optim_ms, 0.0, sum_ms, prof.optim_flops, prof.optim_bytes, peak_gflops, peak_gbps);
    print_row("sum of the above", sum_ms, 0.0, sum_ms, flops, bytes, peak_gflops, peak_gbps);
    if (any_fused)
        printf("* one fused bias+ReLU+max-pool pass for the conv before it (its ReLU, marked -, has no pass of its "
               "own; --no-fuse to time them apart)\n");
    printf("whole step as trained: %.4f ms (%.0f images/s); per-layer timing adds event gaps, so the sum is larger\n",
           prof.step_ms, (double)batch * 1e3 / prof.step_ms);
    printf("{\"model\": \"%s\", \"batch\": %lld, \"step_ms\": %.4f, \"profiled_sum_ms\": %.4f, \"gflop_per_step\": %.4f, "
           "\"peak_fp32_gflops\": %.1f, \"peak_copy_gbps\": %.1f}\n",
           model_path, (long long)batch, prof.step_ms, sum_ms, flops / 1e9, peak_gflops, peak_gbps);
    rc = 0;
    goto done;
fail:
    rc = cli_fail(&err);
done:
    cnnc_profile_free(&prof);
    cnnc_engine_free(e);
    cnnc_model_free(model);
    return rc;
}
