/* cnnc/rng.h — counter-based RNG shared by the CPU and CUDA backends, so that
 * dropout masks and random inits are identical on both (a pure function of
 * seed and element index: no state, no ordering, thread-count independent). */
#ifndef CNNC_RNG_H
#define CNNC_RNG_H
#include <math.h>
#include <stdint.h>

#if defined(__CUDACC__)
#define CNNC_HD __host__ __device__ __forceinline__
#else
#define CNNC_HD static inline
#endif

/* splitmix64 finaliser: a bijective 64-bit mix with good avalanche. */
CNNC_HD uint64_t cnnc_mix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/* Uniform float in [0, 1) from (seed, counter): 24 random bits. */
CNNC_HD float cnnc_uniform01(uint64_t seed, uint64_t counter) {
    uint64_t r = cnnc_mix64(seed ^ cnnc_mix64(counter));
    return (float)(r >> 40) * (1.0f / 16777216.0f);
}

/* Dropout keep decision for element `i` of a call identified by (seed, offset). */
CNNC_HD int cnnc_dropout_keep(uint64_t seed, uint64_t offset, uint64_t i, float p) {
    return cnnc_uniform01(seed, offset + i) >= p;
}

/* Standard normal for element i of a randn_like call at `offset`: Box-Muller of
 * the uniforms at counters offset + 2i and offset + 2i + 1, worked in double so
 * CPU and CUDA libm differences stay below float rounding. u1 is taken as
 * 1 - U in (0, 1], so the log is finite; 24-bit uniforms bound |z| by ~5.8. */
CNNC_HD float cnnc_randn(uint64_t seed, uint64_t offset, uint64_t i) {
    const double u1 = 1.0 - (double)cnnc_uniform01(seed, offset + 2u * i);
    const double u2 = (double)cnnc_uniform01(seed, offset + 2u * i + 1u);
    return (float)(sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2));
}

#endif
