/* hd.h — code shared between CUDA kernels and host tests: CNNC_HD marks a
 * function for both sides (plain inline in a host compiler), CNNC_UNROLL asks
 * the device compiler to unroll (host compilers reject the pragma). */
#ifndef CNNC_CUDA_HD_H
#define CNNC_CUDA_HD_H

#if defined(__CUDACC__)
#define CNNC_HD __host__ __device__ __forceinline__
#else
#define CNNC_HD inline
#endif

#if defined(__CUDA_ARCH__)
#define CNNC_UNROLL _Pragma("unroll")
#else
#define CNNC_UNROLL
#endif

#endif
