/* mul_rn.h — a float product that is never fused into the add after it, so a
 * kernel rounds as the CPU and PyTorch's separate tensor ops do (nvcc contracts
 * a*b + c into one fma by default). The emulator compiles without contraction. */
#ifndef CNNC_CUDA_MUL_RN_H
#define CNNC_CUDA_MUL_RN_H

#if defined(CNNC_EMU)
__device__ inline float mul_rn(float x, float y) { return x * y; }
#else
__device__ __forceinline__ float mul_rn(float x, float y) { return __fmul_rn(x, y); }
#endif

#endif
