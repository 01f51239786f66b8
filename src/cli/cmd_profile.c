/* cmd_profile.c — `cnnc profile MODEL --device cuda --batch B`: where a
 * training step's time goes. Per layer: forward and backward milliseconds
 * (device events between layers, mean over --steps), share of the step,
 * achieved GFLOP/s and GB/s from the geometry (FLOPs of the arithmetic,
 * minimum bytes = every tensor read or written once), and their percentages
 * of the card's FP32 GEMM peak and copy bandwidth, both measured at startup. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/engine_internal.h"
#include "engine/rng.h"

typedef struct layer_cost {
    double fwd_flops, bwd_flops, fwd_bytes, bwd_bytes;
} layer_cost;

/* FLOPs and minimum bytes of one layer at its batch geometry. Conv/Linear:
 * 2 FLOPs per multiply-add; the backward computes the weight gradient and,
 * except for layer 0, the input gradient (each as many FLOPs as the forward).
 * Elementwise and pooling layers: one FLOP per output (per input backward). */
static layer_cost cost_of(const cnnc_engine *e, int32_t i) {
    const cnnc_layer *L = &e->model->layers[i];
    const cnnc_layer_shape *s = &e->shapes[i];
    const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
    const int has_din = i > 0;
    layer_cost c = {0, 0, 0, 0};
    double w = 0.0;
    switch (L->kind) {
    case CNNC_CONV2D: {
        const cnnc_conv_geom *g = &s->g.conv;
        const double macs = (double)g->N * g->OC * g->OH * g->OW * (double)(g->C / g->groups) * g->KH * g->KW;
        w = (double)g->OC * (g->C / g->groups) * g->KH * g->KW + (L->p.conv.bias ? g->OC : 0);
        c.fwd_flops = 2.0 * macs;
        c.bwd_flops = 2.0 * macs * (has_din ? 2.0 : 1.0);
        break;
    }
    case CNNC_LINEAR: {
        const cnnc_linear_geom *g = &s->g.linear;
        const double macs = (double)g->M * g->N * g->K;
        w = (double)g->N * g->K + (L->p.linear.bias ? g->N : 0);
        c.fwd_flops = 2.0 * macs;
        c.bwd_flops = 2.0 * macs * (has_din ? 2.0 : 1.0);
        break;
    }
    case CNNC_FLATTEN:
        break;
    default:
        c.fwd_flops = out;
        c.bwd_flops = has_din ? in : 0.0;
        break;
    }
    /* forward: read input and weights, write output (+ the maxpool argmax / dropout mask). */
    double aux = L->kind == CNNC_MAXPOOL2D ? 4.0 * out : L->kind == CNNC_DROPOUT ? out : 0.0;
    c.fwd_bytes = 4.0 * (in + w + out) + aux;
    /* backward: read dout, input (or output) and weights, write dweight and din. */
    c.bwd_bytes = 4.0 * (out + in + 2.0 * w + (has_din ? in : 0.0)) + aux;
    return c;
}

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
        } else if (argv[i][0] == '-') return cli_usage("profile", "unknown option %s", argv[i]);
        else if (!model_path) model_path = argv[i];
        else return cli_usage("profile", "unexpected argument %s", argv[i]);
    }
    if (!model_path)
        return cli_usage("profile", "usage: cnnc profile MODEL --device cuda [--batch B] [--steps N] [--warmup W] "
                                    "[--conv gemm|cudnn|direct|auto] [--precision fp32|tf32|bf16]");
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
    float *x = NULL;
    int64_t *y = NULL;
    double *fwd = NULL, *bwd = NULL;
    int rc;
    cnnc_status st;
    if ((rc = cli_load_model(model_path, &model)) != 0) return rc;
    if ((rc = cli_engine_finish("profile", &eo, model)) != 0) goto done;
    eo.cfg.max_batch = batch;
    if ((st = cnnc_engine_create(model, &eo.cfg, &e, NULL, 0, &err)) != CNNC_OK) goto fail;
    if (!e->ops->profile_step || !e->ops->measure_peaks) {
        st = cnnc_error_set(&err, CNNC_ERR_UNSUPPORTED, "RuntimeError",
                            "cnnc profile needs a CUDA device: the %s backend has no per-layer device timers",
                            cnnc_engine_backend_name(e));
        goto fail;
    }
    const int32_t L = model->n_layers;
    int64_t numel = batch * cnnc_shape_numel(&eo.cfg.sample), C = cnnc_engine_classes(e);
    x = malloc((size_t)numel * sizeof(float));
    y = malloc((size_t)batch * sizeof(int64_t));
    fwd = calloc((size_t)L, sizeof(double));
    bwd = calloc((size_t)L, sizeof(double));
    if (!x || !y || !fwd || !bwd) { st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate the batch"); goto fail; }
    for (int64_t i = 0; i < numel; i++) x[i] = cnnc_uniform01(eo.cfg.seed + 17, (uint64_t)i);
    for (int64_t i = 0; i < batch; i++) y[i] = (int64_t)(cnnc_mix64(eo.cfg.seed + (uint64_t)i) % (uint64_t)C);
    cnnc_shape xs = {eo.cfg.sample.ndim + 1, {batch}};
    for (int d = 0; d < eo.cfg.sample.ndim; d++) xs.d[d + 1] = eo.cfg.sample.d[d];
    double peak_gflops = 0, peak_gbps = 0;
    if ((st = e->ops->measure_peaks(e, &peak_gflops, &peak_gbps, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_engine_set_batch(e, x, &xs, y, &err)) != CNNC_OK) goto fail;
    for (int64_t k = 0; k < warmup; k++)
        if ((st = cnnc_engine_train_step(e, NULL, &err)) != CNNC_OK) goto fail;
    /* Whole steps as training runs them (graph unless --no-graph), for the share column's reference. */
    if ((st = cnnc_engine_sync(e, &err)) != CNNC_OK) goto fail;
    double t0 = cli_now();
    for (int64_t k = 0; k < steps; k++)
        if ((st = cnnc_engine_train_step(e, NULL, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_engine_sync(e, &err)) != CNNC_OK) goto fail;
    const double whole_ms = (cli_now() - t0) * 1e3 / (double)steps;
    /* Shapes in training mode for the per-layer pass and the cost model. */
    if ((st = cnnc_shape_pass_mode(model, &xs, 1, e->shapes, NULL, &err)) != CNNC_OK) goto fail;
    double loss_ms = 0, optim_ms = 0;
    if ((st = e->ops->profile_step(e, (int)steps, fwd, bwd, &loss_ms, &optim_ms, &err)) != CNNC_OK) goto fail;
    double sum_ms = loss_ms + optim_ms, flops = 0, bytes = 0;
    for (int32_t i = 0; i < L; i++) sum_ms += fwd[i] + bwd[i];

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
    for (int32_t i = 0; i < L; i++) {
        layer_cost c = cost_of(e, i);
        char name[CNNC_NAME_MAX + 24], how[160];
        /* A layer fused into another has no pass of its own: no cost, marked "-"; the fused
         * pass (the max-pool row) is marked "*". */
        const int fused = e->ops->describe_layer && model->layers[i].kind != CNNC_CONV2D &&
                          e->ops->describe_layer(e, i, how, sizeof how);
        const int fused_away = fused && !strncmp(how, "fused into", 10);
        any_fused |= fused;
        if (fused_away) memset(&c, 0, sizeof c);
        snprintf(name, sizeof name, "%s %s%s", model->layers[i].name, cnnc_layer_kind_name(model->layers[i].kind),
                 fused_away ? " -" : fused ? " *" : "");
        print_row(name, fwd[i], bwd[i], sum_ms, c.fwd_flops + c.bwd_flops, c.fwd_bytes + c.bwd_bytes, peak_gflops,
                  peak_gbps);
        flops += c.fwd_flops + c.bwd_flops;
        bytes += c.fwd_bytes + c.bwd_bytes;
    }
    const double logits = (double)(batch * C), np = (double)cnnc_engine_trainable_floats(e);
    print_row("loss (cross entropy)", loss_ms, 0.0, sum_ms, 5.0 * logits, 4.0 * (2.0 * logits + (double)batch), peak_gflops, peak_gbps);
    print_row("optimizer", optim_ms, 0.0, sum_ms, 10.0 * np, 4.0 * 7.0 * np, peak_gflops, peak_gbps);
    print_row("sum of the above", sum_ms, 0.0, sum_ms, flops, bytes, peak_gflops, peak_gbps);
    if (any_fused)
        printf("* one fused bias+ReLU+max-pool pass for the conv before it (its ReLU, marked -, has no pass of its "
               "own; --no-fuse to time them apart)\n");
    printf("whole step as trained: %.4f ms (%.0f images/s); per-layer timing adds event gaps, so the sum is larger\n",
           whole_ms, (double)batch * 1e3 / whole_ms);
    printf("{\"model\": \"%s\", \"batch\": %lld, \"step_ms\": %.4f, \"profiled_sum_ms\": %.4f, \"gflop_per_step\": %.4f, "
           "\"peak_fp32_gflops\": %.1f, \"peak_copy_gbps\": %.1f}\n",
           model_path, (long long)batch, whole_ms, sum_ms, flops / 1e9, peak_gflops, peak_gbps);
    rc = 0;
    goto done;
fail:
    rc = cli_fail(&err);
done:
    free(x);
    free(y);
    free(fwd);
    free(bwd);
    cnnc_engine_free(e);
    cnnc_model_free(model);
    return rc;
}
