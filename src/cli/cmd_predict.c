/* cmd_predict.c — `cnnc predict`: top classes, with probabilities, for
 * grayscale PGM or PNG images (or, for a 3-channel model or a .jpg, PNG and JPEG
 * as the ImageFolder reader decodes them) of the model's input size; class names
 * when the checkpoint records them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"

static const cli_option OPTIONS[] = {
    {"--weights", "CKPT", "the checkpoint to predict with (required)"},
    {"--top", "K", "classes to print per image (default 3)"},
    {"--invert", NULL, "invert the images' gray levels first (dark on light)"},
    {NULL, NULL, NULL},
};
static const cli_command_help HELP = {
    "predict", "MODEL --weights CKPT [options] IMAGE...",
    "Top classes, with probabilities, of grayscale PGM, PNG or JPEG images (RGB for a 3-channel model) of the "
    "model's input size, by name when the checkpoint records its classes (--device defaults to cpu).",
    OPTIONS, 1, NULL,
};

int cmd_predict(int argc, char **argv) {
    const char *model_path = NULL, *weights = NULL;
    int64_t top = 3;
    int invert = 0;
    cli_engine_opts eo;
    cli_engine_opts_init(&eo);
    eo.cfg.device = CNNC_DEVICE_CPU;
    if (cli_help_wanted(&HELP, argc, argv)) return cli_help(&HELP);
    char **images = calloc((size_t)argc, sizeof *images);
    int n_images = 0;
    if (!images) return cli_out_of_memory("predict", "the images");
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r = cli_engine_opt("predict", argc, argv, &i, &eo);
        if (r < 0) { free(images); return 2; }
        if (r > 0) continue;
        if ((r = cli_flag(argc, argv, &i, "--weights", &v)) != 0) {
            if (r < 0) { free(images); return cli_usage("predict", "--weights needs a value"); }
            weights = v;
        } else if ((r = cli_flag(argc, argv, &i, "--top", &v)) != 0) {
            if (r < 0 || !cli_parse_i64(v, &top) || top < 1) { free(images); return cli_usage("predict", "bad --top"); }
        } else if (!strcmp(argv[i], "--invert")) invert = 1;
        else if (argv[i][0] == '-') { free(images); return cli_unknown_option(&HELP, argv[i]); }
        else if (!model_path) model_path = argv[i];
        else images[n_images++] = argv[i];
    }
    if (!model_path || !weights || n_images == 0) {
        free(images);
        return cli_usage_of(&HELP, "%s", !model_path ? "no model file" : !weights ? "no --weights" : "no image");
    }
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *model = NULL;
    cnnc_engine *e = NULL;
    float *x = NULL, *logits = NULL;
    uint8_t *pixels = NULL;
    char **names = NULL;        /* the checkpoint's class names (ImageFolder), printed instead of indices */
    int32_t n_names = 0;
    cnnc_status st;
    if ((rc = cli_open_model("predict", model_path, &eo, NULL, 0, &model)) != 0) { free(images); return rc; }
    if ((rc = cli_engine_finish("predict", &eo, model)) != 0) goto done;
    eo.cfg.max_batch = 1;
    char note[256];
    if ((st = cnnc_engine_create(model, &eo.cfg, &e, note, sizeof note, &err)) != CNNC_OK) goto fail;
    if (note[0]) fprintf(stderr, "%s\n", note);
    if ((st = cnnc_ckpt_load(e, weights, 0, NULL, &err)) != CNNC_OK) goto fail;
    if ((st = cnnc_ckpt_read_classes(weights, &names, &n_names, &err)) != CNNC_OK) goto fail;
    const cnnc_shape *s = &eo.cfg.sample;
    int64_t numel = cnnc_shape_numel(s), C = cnnc_engine_classes(e);
    const int64_t planes = s->ndim == 3 ? s->d[0] : 1;
    x = malloc((size_t)numel * sizeof(float));
    logits = malloc((size_t)C * sizeof(float));
    if (!x || !logits) { st = cnnc_error_set(&err, CNNC_ERR_NOMEM, "MemoryError", "cannot allocate"); goto fail; }
    if (top > C) top = C;
    for (int k = 0; k < n_images; k++) {
        int32_t w = 0, h = 0;
        free(pixels);
        pixels = NULL;
        int64_t want_h = s->ndim >= 2 ? s->d[s->ndim - 2] : 1, want_w = s->d[s->ndim - 1];
        /* the size is checked from the image's header, before its pixels are decoded */
        const char *dot = strrchr(images[k], '.');
        if (planes == 3 || (dot && (!strcasecmp(dot, ".jpg") || !strcasecmp(dot, ".jpeg")))) {
            if ((st = cnnc_image_load_planes(images[k], (int32_t)(want_w > 0 && want_w <= INT32_MAX ? want_w : 1),
                                             (int32_t)(want_h > 0 && want_h <= INT32_MAX ? want_h : 1),
                                             (int32_t)(planes == 3 ? 3 : 1), &pixels, &err)) != CNNC_OK)
                goto fail;
            w = (int32_t)want_w;
            h = (int32_t)want_h;
        } else if ((st = cnnc_image_load_gray_sized(images[k], (int32_t)(want_w > 0 && want_w <= INT32_MAX ? want_w : 1),
                                             (int32_t)(want_h > 0 && want_h <= INT32_MAX ? want_h : 1), &pixels, &w, &h,
                                             &err)) != CNNC_OK)
            goto fail;
        if (numel != (int64_t)w * h * (planes == 3 ? 3 : 1) || w != want_w || h != want_h) {
            st = cnnc_error_set(&err, CNNC_ERR_SHAPE, "ValueError", "%s: image is %dx%d but the model takes %lldx%lld",
                                images[k], w, h, (long long)want_w, (long long)want_h);
            goto fail;
        }
        for (int64_t p = 0; p < numel; p++) {
            float v = (float)(invert ? 255 - pixels[p] : pixels[p]) / 255.0f;
            x[p] = (v - eo.cfg.data_mean) / eo.cfg.data_std;
        }
        cnnc_shape xs = {s->ndim + 1, {1}};
        for (int d = 0; d < s->ndim; d++) xs.d[d + 1] = s->d[d];
        if ((st = cnnc_engine_set_batch(e, x, &xs, NULL, &err)) != CNNC_OK) goto fail;
        if ((st = cnnc_engine_forward(e, 0, &err)) != CNNC_OK) goto fail;
        if ((st = cnnc_engine_read_output(e, logits, &err)) != CNNC_OK) goto fail;
        /* softmax, stable */
        float mx = logits[0];
        for (int64_t c = 1; c < C; c++) mx = logits[c] > mx ? logits[c] : mx;
        double sum = 0;
        for (int64_t c = 0; c < C; c++) sum += exp((double)(logits[c] - mx));
        printf("%s:", images[k]);
        for (int64_t t = 0; t < top; t++) {
            int64_t best = -1;
            for (int64_t c = 0; c < C; c++)
                if (logits[c] > -INFINITY && (best < 0 || logits[c] > logits[best])) best = c;
            if (best < 0) break;
            if (best < n_names) printf(" %s (%.4f)", names[best], exp((double)(logits[best] - mx)) / sum);
            else printf(" %lld (%.4f)", (long long)best, exp((double)(logits[best] - mx)) / sum);
            logits[best] = -INFINITY;
        }
        printf("\n");
    }
    rc = 0;
    goto done;
fail:
    rc = cli_fail(&err);
done:
    cnnc_classes_free(names, n_names);
    free(pixels);
    free(x);
    free(logits);
    free(images);
    cnnc_engine_free(e);
    cnnc_model_free(model);
    return rc;
}
