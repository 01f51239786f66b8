/* bf16.c — bfloat16 rounding for --precision bf16 on the CPU. The CPU backend
 * keeps fp32 storage and GEMMs and rounds each GEMM operand (layer input,
 * weight, output gradient) to bf16 first: the same products cuBLAS computes
 * with CUBLAS_COMPUTE_32F_FAST_16BF, so the CPU stays the reference. */
#include <string.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define BF16_PARALLEL_MIN 32768

/* Round to nearest, ties to even, as PyTorch's float -> bfloat16 conversion
 * does. NaN stays a (quiet) NaN; values past bf16's largest round to inf. */
static inline float bf16_round(float x) {
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    if ((u & 0x7fffffffu) > 0x7f800000u) {
        u |= 0x00400000u; /* NaN: keep it NaN after the low half goes */
    } else {
        u += 0x7fffu + ((u >> 16) & 1u);
    }
    u &= 0xffff0000u;
    memcpy(&x, &u, sizeof x);
    return x;
}

float bf16_round_cpu(float x) { return bf16_round(x); }

void bf16_round_array_cpu(float *dst, const float *src, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= BF16_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) dst[i] = bf16_round(src[i]);
}

/* ---- the GEMM layers' operands under --precision bf16 (cpu_backend.h) ---- */

static size_t round16(int64_t n) { return ((size_t)n + 15) & ~(size_t)15; }

size_t cpu_bf16_operand_floats(const cnnc_engine *e, int64_t n_in, int64_t n_weight, int64_t n_dout) {
    return e->cfg.bf16 ? round16(n_in) + round16(n_weight) + round16(n_dout) : 0;
}

cpu_gemm_operands cpu_gemm_operands_of(const cnnc_engine *e, const float *in, int64_t n_in, const float *weight,
                                       int64_t n_weight, const float *dout, int64_t n_dout, float *ws) {
    cpu_gemm_operands o = {in, weight, dout, ws};
    if (!e->cfg.bf16) return o;
    float *r_in = ws, *r_w = r_in + round16(n_in), *r_dout = r_w + round16(n_weight);
    bf16_round_array_cpu(r_in, in, n_in);
    bf16_round_array_cpu(r_w, weight, n_weight);
    o.in = r_in;
    o.weight = r_w;
    if (dout) {
        bf16_round_array_cpu(r_dout, dout, n_dout);
        o.dout = r_dout;
    }
    o.rest = r_dout + round16(n_dout);
    return o;
}
