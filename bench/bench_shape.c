/* bench_shape.c — cost of the shape pass (run before every batch) and of
 * parse + validate over many generated model files. Prints figures; no asserts.
 * Usage: bench_shape [iterations] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cnnc/cnnc.h"

static const char *seed_text =
    "input = (1, 28, 28)\n"
    "conv1 = nn.Sequential(nn.Conv2d(1, 16, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))\n"
    "conv2 = nn.Sequential(nn.Conv2d(16, 32, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2))\n"
    "flatten = nn.Flatten()\n"
    "out = nn.Linear(32 * 7 * 7, 10)\n";

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A random valid stack: convs and pools on a 1x32x32 input, then a head. */
static size_t gen_model(unsigned *rng, char *buf, size_t cap) {
    size_t n = 0;
    int64_t c = 1, h = 32;
    n += (size_t)snprintf(buf + n, cap - n, "input = (1, 32, 32)\nbody = nn.Sequential(\n");
    int layers = 2 + (int)(rand_r(rng) % 6);
    for (int i = 0; i < layers; i++) {
        int kind = (int)(rand_r(rng) % 3);
        if (kind == 0) {
            int64_t oc = 4 + rand_r(rng) % 29;
            n += (size_t)snprintf(buf + n, cap - n, "    nn.Conv2d(%lld, %lld, 3, padding=1),\n    nn.BatchNorm2d(%lld),\n",
                                  (long long)c, (long long)oc, (long long)oc);
            c = oc;
        } else if (kind == 1 && h >= 4) {
            n += (size_t)snprintf(buf + n, cap - n, "    nn.MaxPool2d(2),\n");
            h /= 2;
        } else {
            n += (size_t)snprintf(buf + n, cap - n, "    nn.ReLU(),\n");
        }
    }
    n += (size_t)snprintf(buf + n, cap - n, ")\nflat = nn.Flatten()\nhead = nn.Linear(%lld * %lld * %lld, 10)\n",
                          (long long)c, (long long)h, (long long)h);
    return n;
}

int main(int argc, char **argv) {
    long iters = argc > 1 ? atol(argv[1]) : 2000000;
    cnnc_model *m = NULL;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_model_parse(seed_text, strlen(seed_text), "<seed>", &m, &err) != CNNC_OK) {
        fprintf(stderr, "parse failed: %s\n", err.message);
        return 1;
    }
    cnnc_layer_shape shapes[16];
    const int64_t batches[] = {1, 64, 65536};
    printf("shape pass, seed net (%d layers), %ld iterations each:\n", m->n_layers, iters);
    for (size_t b = 0; b < sizeof batches / sizeof batches[0]; b++) {
        cnnc_shape in = {4, {batches[b], 1, 28, 28}};
        cnnc_shape out;
        volatile int64_t sink = 0;
        double t0 = now();
        for (long i = 0; i < iters; i++) {
            in.d[0] = batches[b] + (i & 1) * 0;  /* keep the input live */
            if (cnnc_shape_pass(m, &in, shapes, &out, &err) != CNNC_OK) { fprintf(stderr, "unexpected error\n"); return 1; }
            sink += out.d[1];
        }
        double dt = now() - t0;
        printf("  batch %6lld: %8.1f ns per pass (classes %lld)\n", (long long)batches[b], dt / (double)iters * 1e9,
               (long long)(sink / iters));
    }
    /* the error path (message, trail, hint) for the broken Linear */
    m->layers[m->n_layers - 1].p.linear.in_features = 1050;
    {
        cnnc_shape in = {4, {2, 1, 28, 28}};
        long n = iters / 20 + 1;
        double t0 = now();
        for (long i = 0; i < n; i++) cnnc_shape_pass(m, &in, NULL, NULL, &err);
        printf("  error path (Linear mismatch with trail + hint): %8.1f ns per pass\n", (now() - t0) / (double)n * 1e9);
    }
    cnnc_model_free(m);

    /* parse + validate throughput over generated model files */
    enum { N_MODELS = 2000 };
    char **texts = calloc(N_MODELS, sizeof *texts);
    size_t total_bytes = 0;
    unsigned rng = 12345;
    for (int i = 0; i < N_MODELS; i++) {
        texts[i] = malloc(4096);
        if (!texts[i]) return 1;
        total_bytes += gen_model(&rng, texts[i], 4096);
    }
    int rounds = 10, ok = 0;
    double t0 = now();
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < N_MODELS; i++) {
            cnnc_model *g = NULL;
            if (cnnc_model_parse(texts[i], strlen(texts[i]), "<gen>", &g, &err) != CNNC_OK) continue;
            cnnc_shape in = {4, {64, 1, 32, 32}};
            if (cnnc_shape_pass(g, &in, NULL, NULL, &err) == CNNC_OK) ok++;
            cnnc_model_free(g);
        }
    double dt = now() - t0;
    printf("parse + validate: %d generated models x %d rounds (%.0f bytes avg): %.1f us per model, %.0f models/s, %.1f MB/s; %d/%d valid\n",
           N_MODELS, rounds, (double)total_bytes / N_MODELS, dt / (N_MODELS * rounds) * 1e6, N_MODELS * rounds / dt,
           (double)total_bytes * rounds / dt / 1e6, ok, N_MODELS * rounds);
    for (int i = 0; i < N_MODELS; i++) free(texts[i]);
    free(texts);
    return 0;
}
