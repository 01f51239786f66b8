/* bench_augment.c — what --augment crop=4,hflip costs on the CPU: the batch gather
 * with and without the crop and flip (process CPU time per batch of 64 28x28
 * images, best of the repetitions: the machine may be shared), and a whole
 * training epoch of the seed net with and without it, so the extra gather time
 * can be read as a share of a training step.
 * Usage: bench_augment [reps [threads]] (default 200 gathers, 1 thread). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cnnc/cnnc.h"
#include "cpu/cpu_kernels.h"
#include "engine/augment.h"

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static const char *kSeedNet = "input = (1, 28, 28)\nconv1 = Sequential(Conv2d(1, 16, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
                              "conv2 = Sequential(Conv2d(16, 32, 5, 1, 2), ReLU(), MaxPool2d(2))\n"
                              "flat = Flatten()\nfc = Linear(1568, 10)\n";

/* CPU ms per step of one epoch over ds (batch 64), best of `tries` epochs. */
static double epoch_ms_per_step(cnnc_model *m, const cnnc_dataset *ds, int threads, cnnc_augment aug, int tries) {
    cnnc_engine_config cfg = cnnc_engine_config_default(m);
    cfg.device = CNNC_DEVICE_CPU;
    cfg.threads = threads;
    cfg.max_batch = 64;
    cfg.optim = cnnc_optim_default(CNNC_OPTIM_ADAM);
    cfg.augment = aug;
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_engine *e = NULL;
    if (cnnc_engine_create(m, &cfg, &e, NULL, 0, &err) != CNNC_OK || cnnc_engine_set_dataset(e, 0, ds, &err) != CNNC_OK) {
        fprintf(stderr, "bench_augment: %s: %s\n", err.type, err.message);
        exit(1);
    }
    double best = 1e30;
    const int64_t steps = (ds->n + 63) / 64;
    for (int t = 0; t < tries; t++) {
        cnnc_epoch_stats s;
        double t0 = cpu_ms();
        if (cnnc_engine_train_epoch(e, 64, 1, t, NULL, NULL, 1000, &s, &err) != CNNC_OK) {
            fprintf(stderr, "bench_augment: %s: %s\n", err.type, err.message);
            exit(1);
        }
        double ms = (cpu_ms() - t0) / (double)steps;
        if (ms < best) best = ms;
    }
    cnnc_engine_free(e);
    return best;
}

int main(int argc, char **argv) {
    const int reps = argc > 1 ? atoi(argv[1]) : 200, threads = argc > 2 ? atoi(argv[2]) : 1;
    const int64_t N = 1280, B = 64, C = 1, H = 28, W = 28, pixels = C * H * W;
    uint8_t *images = malloc((size_t)(N * pixels)), *labels = malloc((size_t)N);
    int32_t *order = malloc((size_t)N * sizeof(int32_t)), *codes = malloc((size_t)N * sizeof(int32_t)),
            *y = malloc((size_t)B * sizeof(int32_t));
    float *x = malloc((size_t)(B * pixels) * sizeof(float));
    if (!images || !labels || !order || !codes || !y || !x) return 1;
    uint64_t r = 88172645463325252ull;
    for (int64_t i = 0; i < N * pixels; i++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        images[i] = (uint8_t)r;
    }
    for (int64_t i = 0; i < N; i++) labels[i] = (uint8_t)(i % 10), order[i] = (int32_t)((i * 7919) % N);
    cnnc_augment_codes(codes, order, N, 1, 0, 4, 1);

    double best_plain = 1e30, best_aug = 1e30;
    for (int k = 0; k < reps; k++) {
        const int64_t start = (k * B) % (N - B);
        double t0 = cpu_ms();
        gather_batch_cpu(x, y, images, labels, order + start, B, pixels, 0.286f, 0.353f);
        double t1 = cpu_ms();
        gather_batch_aug_cpu(x, y, images, labels, order + start, codes + start, B, C, H, W, 4, 0.286f, 0.353f);
        double t2 = cpu_ms();
        if (t1 - t0 < best_plain) best_plain = t1 - t0;
        if (t2 - t1 < best_aug) best_aug = t2 - t1;
    }
    printf("gather, batch 64 of 1x28x28 (best of %d, CPU ms): plain %.4f, crop=4,hflip %.4f, extra %.4f\n", reps,
           best_plain, best_aug, best_aug - best_plain);

    cnnc_model *m = NULL;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_model_parse(kSeedNet, strlen(kSeedNet), "<seed net>", &m, &err) != CNNC_OK) return 1;
    cnnc_dataset ds = {images, labels, N, 1, 28, 28};
    cnnc_augment none = {0, 0}, aug = {4, 1};
    const double step_plain = epoch_ms_per_step(m, &ds, threads, none, 3);
    const double step_aug = epoch_ms_per_step(m, &ds, threads, aug, 3);
    printf("seed net training step, batch 64, %d thread(s) (best epoch of 3, CPU ms per step): plain %.3f, "
           "crop=4,hflip %.3f (%+.1f%%)\n",
           threads, step_plain, step_aug, 100.0 * (step_aug - step_plain) / step_plain);
    printf("the gather's extra time is %.2f%% of a plain step\n", 100.0 * (best_aug - best_plain) / step_plain);
    cnnc_model_free(m);
    free(images), free(labels), free(order), free(codes), free(y), free(x);
    return 0;
}
