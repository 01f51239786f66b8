/* lane_sum.h — per-channel sums in double over a channel's N planes of HW floats, in 8 lanes:
 * element i of a plane goes to lane i % 8, and the lanes are added 0..7 at the end. Each lane's
 * adds stay in index order, so the bits are the same whether or not the compiler vectorises
 * (an optimised and a sanitised build agree), and 8 independent chains replace the single one
 * whose add latency bounded BatchNorm's reductions at large batches. */
#ifndef CNNC_CPU_LANE_SUM_H
#define CNNC_CPU_LANE_SUM_H

#include <stdint.h>

#define CPU_LANES 8

static inline double cpu_lanes_total(const double *l) {
    double s = 0.0;
    for (int k = 0; k < CPU_LANES; k++) s += l[k];
    return s;
}

/* sum of x over channel c of [N, C, HW] */
static inline double cpu_channel_sum(const float *in, int64_t N, int64_t C, int64_t HW, int64_t c) {
    double l[CPU_LANES] = {0};
    for (int64_t n = 0; n < N; n++) {
        const float *x = in + (n * C + c) * HW;
        int64_t i = 0;
        for (; i + CPU_LANES <= HW; i += CPU_LANES)
            for (int k = 0; k < CPU_LANES; k++) l[k] += x[i + k];
        for (int k = 0; i < HW; i++, k++) l[k] += x[i];
    }
    return cpu_lanes_total(l);
}

/* sum of (x - mean)^2 over channel c, the difference in double */
static inline double cpu_channel_sqdev(const float *in, int64_t N, int64_t C, int64_t HW, int64_t c, double mean) {
    double l[CPU_LANES] = {0};
    for (int64_t n = 0; n < N; n++) {
        const float *x = in + (n * C + c) * HW;
        int64_t i = 0;
        for (; i + CPU_LANES <= HW; i += CPU_LANES)
            for (int k = 0; k < CPU_LANES; k++) {
                const double d = x[i + k] - mean;
                l[k] += d * d;
            }
        for (int k = 0; i < HW; i++, k++) {
            const double d = x[i] - mean;
            l[k] += d * d;
        }
    }
    return cpu_lanes_total(l);
}

/* sum of dy and of (x - mean) * dy over channel c, the difference in float as PyTorch's */
static inline void cpu_channel_dy_dotp(const float *in, const float *dout, int64_t N, int64_t C, int64_t HW, int64_t c,
                                       float mean, double *sum_dy, double *dotp) {
    double a[CPU_LANES] = {0}, b[CPU_LANES] = {0};
    for (int64_t n = 0; n < N; n++) {
        const float *x = in + (n * C + c) * HW, *dy = dout + (n * C + c) * HW;
        int64_t i = 0;
        for (; i + CPU_LANES <= HW; i += CPU_LANES)
            for (int k = 0; k < CPU_LANES; k++) {
                a[k] += dy[i + k];
                b[k] += (double)(x[i + k] - mean) * dy[i + k];
            }
        for (int k = 0; i < HW; i++, k++) {
            a[k] += dy[i];
            b[k] += (double)(x[i] - mean) * dy[i];
        }
    }
    *sum_dy = cpu_lanes_total(a);
    *dotp = cpu_lanes_total(b);
}

#endif
