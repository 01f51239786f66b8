/* cuda_emu.h — enough of CUDA to run cnnc's kernels on the CPU, for tests on
 * machines without a GPU. cu2cpp.py turns a .cu file into C++ that includes
 * this header and launches kernels through cnnc_emu::launch; the fake
 * <cuda_runtime.h> and friends in include/ point here.
 *
 * The model: a grid's blocks run one after another; a block's threads are
 * fibers (ucontext) on one OS thread, switched only at __syncthreads() and
 * warp shuffles, so those keep CUDA's meaning (a barrier for the block; a
 * value exchange among the 32 lanes of a warp). __shared__ variables are
 * function statics, one per kernel: shared by the block's threads. "Device"
 * memory is host memory. What this cannot show: timing, races that only
 * true parallelism exposes, and anything about the hardware's rounding of
 * library calls (cuBLAS, cuDNN are not emulated). */
#ifndef CNNC_CUDA_EMU_H
#define CNNC_CUDA_EMU_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <functional>
#include <tuple>
#include <type_traits>
#include <utility>

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __launch_bounds__(...)
#define __shared__ static

struct dim3 {
    unsigned x, y, z;
    constexpr dim3(unsigned x_ = 1, unsigned y_ = 1, unsigned z_ = 1) : x(x_), y(y_), z(z_) {}
};

struct alignas(16) float4 {
    float x, y, z, w;
};
inline float4 make_float4(float x, float y, float z, float w) { return float4{x, y, z, w}; }

typedef struct CUstream_st *cudaStream_t;
typedef struct CUevent_st *cudaEvent_t;
typedef struct CUgraph_st *cudaGraph_t;
typedef struct CUgraphExec_st *cudaGraphExec_t;
enum cudaError_t {
    cudaSuccess = 0,
    cudaErrorInvalidValue = 1,
    cudaErrorMemoryAllocation = 2,
    cudaErrorInsufficientDriver = 35,
    cudaErrorNoDevice = 100,
    cudaErrorStreamCaptureUnsupported = 900
};
enum cudaMemcpyKind {
    cudaMemcpyHostToHost = 0,
    cudaMemcpyHostToDevice = 1,
    cudaMemcpyDeviceToHost = 2,
    cudaMemcpyDeviceToDevice = 3,
    cudaMemcpyDefault = 4
};
enum cudaStreamCaptureMode { cudaStreamCaptureModeGlobal = 0, cudaStreamCaptureModeThreadLocal = 1 };
#define cudaStreamNonBlocking 0x01
#define cudaEventDisableTiming 0x02
#define CUDART_VERSION 13000
struct cudaDeviceProp {
    char name[256];
    int major, minor, multiProcessorCount;
    size_t totalGlobalMem;
};

namespace cnnc_emu {
extern dim3 thread_idx, block_idx, block_dim, grid_dim;
/* Runs body once per thread of every block of the grid. */
void run_grid(dim3 grid, dim3 block, const std::function<void()> &body);
/* Work on "the device": runs now, or, while a stream capture is open, is
 * recorded into the graph being captured (replayed by cudaGraphLaunch).
 * Everything runs in issue order, so one queue stands for every stream. */
void enqueue(std::function<void()> work);

/* A kernel launch: the arguments are converted to the kernel's parameter
 * types now, as CUDA does at launch (a captured graph replays these values). */
template <typename... P, typename... A>
void launch_kernel(dim3 grid, dim3 block, size_t smem, const void *stream, void (*kernel)(P...), A &&...args) {
    (void)smem;
    (void)stream;
    std::tuple<typename std::decay<P>::type...> values(std::forward<A>(args)...);
    enqueue([grid, block, kernel, values]() { run_grid(grid, block, [&]() { std::apply(kernel, values); }); });
}
void sync_block();
/* The calling lane offers `bytes` of *value and gets lane src's offer into *out
 * (its own when src is outside the warp). Every lane of the warp must call it. */
void warp_exchange(const void *value, void *out, size_t bytes, int src);
/* Lane index within the warp of the calling thread. */
int lane();
}  // namespace cnnc_emu

#define threadIdx (::cnnc_emu::thread_idx)
#define blockIdx (::cnnc_emu::block_idx)
#define blockDim (::cnnc_emu::block_dim)
#define gridDim (::cnnc_emu::grid_dim)

inline void __syncthreads() { cnnc_emu::sync_block(); }

template <typename T>
T __shfl_down_sync(unsigned mask, T v, unsigned delta, int width = 32) {
    (void)mask;
    (void)width;
    T out;
    const int src = cnnc_emu::lane() + (int)delta;
    cnnc_emu::warp_exchange(&v, &out, sizeof v, src);
    return out;
}

template <typename T>
T __ldg(const T *p) {
    return *p;
}

/* CUDA's overloaded min/max for any pair of arithmetic types. */
template <typename A, typename B>
inline typename std::common_type<A, B>::type min(A a, B b) {
    typedef typename std::common_type<A, B>::type C;
    return (C)a < (C)b ? (C)a : (C)b;
}
template <typename A, typename B>
inline typename std::common_type<A, B>::type max(A a, B b) {
    typedef typename std::common_type<A, B>::type C;
    return (C)a > (C)b ? (C)a : (C)b;
}

cudaError_t cudaGetLastError(void);
const char *cudaGetErrorName(cudaError_t error);
cudaError_t cudaGetDevice(int *device);
cudaError_t cudaSetDevice(int device);
cudaError_t cudaGetDeviceProperties(cudaDeviceProp *prop, int device);
cudaError_t cudaMemGetInfo(size_t *free_bytes, size_t *total_bytes);
cudaError_t cudaDriverGetVersion(int *version);
cudaError_t cudaRuntimeGetVersion(int *version);
cudaError_t cudaMallocHost(void **ptr, size_t bytes);
cudaError_t cudaFreeHost(void *ptr);
cudaError_t cudaStreamCreateWithFlags(cudaStream_t *stream, unsigned flags);
cudaError_t cudaStreamDestroy(cudaStream_t stream);
cudaError_t cudaStreamBeginCapture(cudaStream_t stream, cudaStreamCaptureMode mode);
cudaError_t cudaStreamEndCapture(cudaStream_t stream, cudaGraph_t *graph);
cudaError_t cudaGraphInstantiate(cudaGraphExec_t *exec, cudaGraph_t graph, unsigned long long flags);
cudaError_t cudaGraphLaunch(cudaGraphExec_t exec, cudaStream_t stream);
cudaError_t cudaGraphDestroy(cudaGraph_t graph);
cudaError_t cudaGraphExecDestroy(cudaGraphExec_t exec);
cudaError_t cudaEventCreate(cudaEvent_t *event);
cudaError_t cudaEventCreateWithFlags(cudaEvent_t *event, unsigned flags);
cudaError_t cudaEventDestroy(cudaEvent_t event);
cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream = 0);
cudaError_t cudaEventSynchronize(cudaEvent_t event);
cudaError_t cudaStreamWaitEvent(cudaStream_t stream, cudaEvent_t event, unsigned flags = 0);
cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end);
cudaError_t cudaProfilerStart(void);
cudaError_t cudaProfilerStop(void);
cudaError_t cudaPeekAtLastError(void);
cudaError_t cudaDeviceSynchronize(void);
cudaError_t cudaStreamSynchronize(cudaStream_t stream);
const char *cudaGetErrorString(cudaError_t error);
cudaError_t cudaGetDeviceCount(int *count);
cudaError_t cudaMalloc(void **ptr, size_t bytes);
cudaError_t cudaFree(void *ptr);
cudaError_t cudaMemcpy(void *dst, const void *src, size_t bytes, cudaMemcpyKind kind);
cudaError_t cudaMemcpyAsync(void *dst, const void *src, size_t bytes, cudaMemcpyKind kind, cudaStream_t stream = 0);
cudaError_t cudaMemset(void *ptr, int value, size_t bytes);
cudaError_t cudaMemsetAsync(void *ptr, int value, size_t bytes, cudaStream_t stream = 0);

#endif
