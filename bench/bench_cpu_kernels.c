/* bench_cpu_kernels.c — times each layer of the seed net on the CPU kernels,
 * forward and backward, and the implied images/s of a whole training step.
 *   Conv2d(1,16,5,1,2) ReLU MaxPool2d(2) Conv2d(16,32,5,1,2) ReLU MaxPool2d(2)
 *   Flatten Linear(1568,10) CrossEntropyLoss, Adam
 * Usage: bench_cpu_kernels [iters [batch [threads]]]
 * (default: 20 iterations, batches 64 and 256, threads 1 and 2). The machine
 * may be shared, so besides the mean it prints each layer's best time over
 * the iterations and the step rate those best times add up to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cpu/cpu_kernels.h"

enum { L_CONV1, L_RELU1, L_POOL1, L_CONV2, L_RELU2, L_POOL2, L_LINEAR, L_LOSS, L_ADAM, L_COUNT };
static const char *layer_names[L_COUNT] = {"conv1 5x5 1->16", "relu1", "maxpool1", "conv2 5x5 16->32",
                                           "relu2", "maxpool2", "linear 1568->10", "cross_entropy", "adam"};

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static float *alloc_floats(size_t n) {
    float *p = aligned_alloc(64, ((n * sizeof(float)) + 63) & ~(size_t)63);
    if (!p) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    for (size_t i = 0; i < n; i++) p[i] = (float)((i * 2654435761u) % 1000) / 1000.0f - 0.5f;
    return p;
}

static cnnc_conv_geom conv_geom(int64_t N, int64_t C, int64_t HW, int64_t OC) {
    cnnc_conv_geom g = {N, C, HW, HW, OC, HW, HW, 5, 5, 1, 1, 2, 2, 1, 1, 1};
    return g;
}
static cnnc_pool_geom pool_geom(int64_t N, int64_t C, int64_t HW) {
    cnnc_pool_geom g = {N, C, HW, HW, HW / 2, HW / 2, 2, 2, 2, 2, 0, 0, 1, 1, 1, 0};
    return g;
}

static void bench(int64_t N, int threads, int iters) {
    cpu_set_threads(threads);
    const cnnc_conv_geom c1 = conv_geom(N, 1, 28, 16), c2 = conv_geom(N, 16, 14, 32);
    const cnnc_pool_geom p1 = pool_geom(N, 16, 28), p2 = pool_geom(N, 32, 14);
    const int64_t n_x = N * 784, n_a1 = N * 16 * 784, n_p1 = N * 16 * 196, n_a2 = N * 32 * 196,
                  n_p2 = N * 1568, n_lo = N * 10;
    const int64_t n_w1 = 16 * 25, n_w2 = 32 * 400, n_w3 = 10 * 1568;
    const int64_t n_params = n_w1 + 16 + n_w2 + 32 + n_w3 + 10;
    size_t ws_floats = conv2d_workspace_floats_cpu(&c1, threads);
    if (conv2d_workspace_floats_cpu(&c2, threads) > ws_floats) ws_floats = conv2d_workspace_floats_cpu(&c2, threads);

    float *x = alloc_floats(n_x), *a1 = alloc_floats(n_a1), *r1 = alloc_floats(n_a1), *p1o = alloc_floats(n_p1);
    float *a2 = alloc_floats(n_a2), *r2 = alloc_floats(n_a2), *p2o = alloc_floats(n_p2), *lo = alloc_floats(n_lo);
    float *d_a1 = alloc_floats(n_a1), *d_p1 = alloc_floats(n_p1), *d_a2 = alloc_floats(n_a2);
    float *d_p2 = alloc_floats(n_p2), *d_lo = alloc_floats(n_lo);
    float *params = alloc_floats((size_t)n_params), *grads = alloc_floats((size_t)n_params);
    float *adam_m = alloc_floats((size_t)n_params), *adam_v = alloc_floats((size_t)n_params);
    float *ws = alloc_floats(ws_floats);
    int32_t *am1 = malloc((size_t)n_p1 * sizeof(int32_t)), *am2 = malloc((size_t)n_p2 * sizeof(int32_t));
    int32_t *y = malloc((size_t)N * sizeof(int32_t));
    if (!am1 || !am2 || !y) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    memset(adam_v, 0, (size_t)n_params * sizeof(float));
    for (int64_t i = 0; i < N; i++) y[i] = (int32_t)(i % 10);
    float *w1 = params, *b1 = w1 + n_w1, *w2 = b1 + 16, *b2 = w2 + n_w2, *w3 = b2 + 32, *b3 = w3 + n_w3;
    float *gw1 = grads, *gb1 = gw1 + n_w1, *gw2 = gb1 + 16, *gb2 = gw2 + n_w2, *gw3 = gb2 + 32, *gb3 = gw3 + n_w3;
    for (int64_t i = 0; i < n_params; i++) params[i] *= 0.1f;

    double fwd[L_COUNT] = {0}, bwd[L_COUNT] = {0}, fwd_min[L_COUNT], bwd_min[L_COUNT];
    for (int l = 0; l < L_COUNT; l++) fwd_min[l] = bwd_min[l] = 1e30;
    const int warmup = 3;
    double t_total = 0, step_best = 1e30, cpu_total = 0;
    for (int it = 0; it < warmup + iters; it++) {
        double t[2 * L_COUNT + 1];
        int k = 0;
        const double cpu0 = cpu_ms();
        t[k++] = now_ms();
        conv2d_forward_cpu(a1, x, w1, b1, &c1, ws);                     t[k++] = now_ms();
        relu_forward_cpu(r1, a1, n_a1);                                 t[k++] = now_ms();
        maxpool2d_forward_cpu(p1o, am1, r1, &p1);                       t[k++] = now_ms();
        conv2d_forward_cpu(a2, p1o, w2, b2, &c2, ws);                   t[k++] = now_ms();
        relu_forward_cpu(r2, a2, n_a2);                                 t[k++] = now_ms();
        maxpool2d_forward_cpu(p2o, am2, r2, &p2);                       t[k++] = now_ms();
        linear_forward_cpu(lo, p2o, w3, b3, N, 1568, 10);               t[k++] = now_ms();
        (void)cross_entropy_cpu(d_lo, NULL, lo, y, N, 10);              t[k++] = now_ms();
        /* backward, output to input; conv1 needs no input gradient */
        linear_backward_cpu(d_p2, gw3, gb3, d_lo, p2o, w3, N, 1568, 10); t[k++] = now_ms();
        maxpool2d_backward_cpu(r2, d_p2, am2, &p2);                     t[k++] = now_ms();
        relu_backward_cpu(d_a2, r2, a2, n_a2);                          t[k++] = now_ms();
        conv2d_backward_cpu(d_p1, gw2, gb2, d_a2, p1o, w2, &c2, ws);     t[k++] = now_ms();
        maxpool2d_backward_cpu(r1, d_p1, am1, &p1);                     t[k++] = now_ms();
        relu_backward_cpu(d_a1, r1, a1, n_a1);                          t[k++] = now_ms();
        conv2d_backward_cpu(NULL, gw1, gb1, d_a1, x, w1, &c1, ws);       t[k++] = now_ms();
        adam_step_cpu(params, grads, adam_m, adam_v, n_params, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.0f, it + 1, 0);
        t[k++] = now_ms();
        const double cpu1 = cpu_ms();
        if (it < warmup) continue;
        cpu_total += cpu1 - cpu0;
        for (int l = 0; l < L_LOSS + 1; l++) {
            const double dt = t[l + 1] - t[l];
            fwd[l] += dt;
            if (dt < fwd_min[l]) fwd_min[l] = dt;
        }
        static const int bwd_layer[] = {L_LINEAR, L_POOL2, L_RELU2, L_CONV2, L_POOL1, L_RELU1, L_CONV1, L_ADAM};
        for (int j = 0; j < 8; j++) {
            const double dt = t[L_LOSS + 2 + j] - t[L_LOSS + 1 + j];
            bwd[bwd_layer[j]] += dt;
            if (dt < bwd_min[bwd_layer[j]]) bwd_min[bwd_layer[j]] = dt;
        }
        t_total += t[k - 1] - t[0];
        if (t[k - 1] - t[0] < step_best) step_best = t[k - 1] - t[0];
    }
    printf("\nbatch %lld, %d thread%s, %d iterations (ms per step)\n", (long long)N, threads,
           threads > 1 ? "s" : "", iters);
    printf("  %-18s %9s %9s %9s %9s\n", "layer", "fwd mean", "bwd mean", "fwd best", "bwd best");
    double best_sum = 0;
    for (int l = 0; l < L_COUNT; l++) {
        if (l == L_ADAM) fwd_min[l] = 0;
        if (l == L_LOSS) bwd_min[l] = 0;
        printf("  %-18s %9.3f %9.3f %9.3f %9.3f\n", layer_names[l], fwd[l] / iters, bwd[l] / iters, fwd_min[l], bwd_min[l]);
        best_sum += fwd_min[l] + bwd_min[l];
    }
    const double step_ms = t_total / iters;
    printf("  step: mean %.3f ms -> %.0f images/s | best %.3f ms -> %.0f images/s | sum of layer bests %.3f ms -> %.0f images/s\n",
           step_ms, N * 1e3 / step_ms, step_best, N * 1e3 / step_best, best_sum, N * 1e3 / best_sum);
    /* CPU time is what the machine's other tenants cannot steal: with the
     * cores to ourselves a step takes at least cpu/threads of wall time. */
    const double cpu_step = cpu_total / iters;
    printf("  step CPU time %.3f ms (all threads) -> uncontended estimate %.0f images/s\n", cpu_step,
           N * 1e3 * threads / cpu_step);

    free(x); free(a1); free(r1); free(p1o); free(a2); free(r2); free(p2o); free(lo);
    free(d_a1); free(d_p1); free(d_a2); free(d_p2); free(d_lo);
    free(params); free(grads); free(adam_m); free(adam_v); free(ws); free(am1); free(am2); free(y);
}

int main(int argc, char **argv) {
    const int iters = argc > 1 ? atoi(argv[1]) : 20;
    int64_t batches[] = {64, 256};
    int thread_counts[] = {1, 2};
    int nb = 2, nt = 2;
    if (argc > 2) { batches[0] = atoll(argv[2]); nb = 1; }
    if (argc > 3) { thread_counts[0] = atoi(argv[3]); nt = 1; }
    for (int b = 0; b < nb; b++)
        for (int t = 0; t < nt; t++) bench(batches[b] < 1 ? 1 : batches[b], thread_counts[t] < 1 ? 1 : thread_counts[t], iters < 1 ? 1 : iters);
    return 0;
}
