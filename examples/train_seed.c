/* train_seed.c — train a model file (the seed net: models/mnist_cnn.cnn) on an IDX data
 * set from C and save a checkpoint PyTorch's load_state_dict reads.
 * Usage: train_seed MODEL DATA_DIR OUT.safetensors [SAMPLES] [cpu|cuda|auto] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cnnc/cnnc.h>

static int fail(const cnnc_error *err) {
    char line[1200];
    cnnc_error_line(err, line, sizeof line);
    fprintf(stderr, "%s\n", line);
    if (err->hint[0]) fprintf(stderr, "  hint: %s\n", err->hint);
    return cnnc_status_exit_code(err->status);
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s MODEL DATA_DIR OUT.safetensors [SAMPLES] [cpu|cuda|auto]\n", argv[0]); return 2; }
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_model *model = NULL;
    cnnc_idx_set train, test;
    if (cnnc_model_load(argv[1], &model, &err) != CNNC_OK) return fail(&err);
    if (cnnc_data_load_dir(argv[2], &train, &test, &err) != CNNC_OK) return fail(&err);
    cnnc_engine_config cfg = cnnc_engine_config_default(model);
    const char *dev = argc > 5 ? argv[5] : "auto";
    cfg.device = !strcmp(dev, "cpu") ? CNNC_DEVICE_CPU : !strcmp(dev, "cuda") ? CNNC_DEVICE_CUDA : CNNC_DEVICE_AUTO;
    cfg.max_batch = 64;
    cfg.data_mean = 0.2860f;   /* Fashion-MNIST's training mean and std */
    cfg.data_std = 0.3530f;
    cnnc_engine *e = NULL;
    char note[512] = "";
    if (cnnc_engine_create(model, &cfg, &e, note, sizeof note, &err) != CNNC_OK) return fail(&err);
    if (note[0]) fprintf(stderr, "%s\n", note);
    cnnc_dataset ds = cnnc_idx_as_dataset(&train), ts = cnnc_idx_as_dataset(&test);
    if (argc > 4 && atoll(argv[4]) > 0 && atoll(argv[4]) < ds.n) ds.n = ts.n = atoll(argv[4]);
    if (ts.n > test.n) ts.n = test.n;
    cnnc_epoch_stats tr, ev;
    if (cnnc_engine_set_dataset(e, 0, &ds, &err) != CNNC_OK || cnnc_engine_set_dataset(e, 1, &ts, &err) != CNNC_OK ||
        cnnc_engine_train_epoch(e, 64, cfg.seed, 0, NULL, NULL, 0, &tr, &err) != CNNC_OK ||
        cnnc_engine_evaluate(e, 1, 256, &ev, NULL, &err) != CNNC_OK)
        return fail(&err);
    printf("%s on %s: train loss %.4f, test accuracy %.2f%% (%lld samples)\n", argv[1],
           cnnc_engine_backend_name(e), tr.loss, 100.0 * ev.accuracy, (long long)tr.samples);
    cnnc_ckpt_meta meta = {.epoch = 1, .seed = cfg.seed};   /* weights only; run_id 0: a fresh one */
    if (cnnc_ckpt_save(e, model, argv[3], &meta, &err) != CNNC_OK) return fail(&err);
    printf("saved %s\n", argv[3]);
    cnnc_engine_free(e);
    cnnc_idx_set_free(&train);
    cnnc_idx_set_free(&test);
    cnnc_model_free(model);
    return 0;
}
