// cuda_emu.cpp — the fiber scheduler and runtime calls behind cuda_emu.h.
// A block's threads are ucontext fibers run in thread order; each runs until
// it finishes, reaches __syncthreads() or a warp shuffle. When every live
// thread of a warp waits at a shuffle, that warp's exchange completes; when
// every live thread of the block waits at __syncthreads(), the barrier opens.
// Anything else (a warp split between a shuffle and a barrier, or a shuffle
// with lanes that have exited) is a kernel bug: it aborts with a message.
#include "cuda_emu.h"

#include <ucontext.h>

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" {
#include "cnnc/status.h"
}

namespace cnnc_emu {

dim3 thread_idx, block_idx, block_dim, grid_dim;

namespace {

constexpr size_t kStackBytes = 128 * 1024;
constexpr size_t kMaxExchange = 16;  // bytes a shuffle may move (a double, a float4)

enum State { kRunnable, kAtBarrier, kAtShuffle, kDone };

struct Fiber {
    ucontext_t ctx;
    std::vector<char> stack;
    dim3 tid;
    State state = kDone;
    int gen = 0;  // the warp generation whose buffer this lane's pending shuffle used
    int src = 0;
};

struct Warp {
    unsigned char slot[2][32][kMaxExchange];
    int gen = 0;
};

std::vector<Fiber> fibers;
std::vector<Warp> warps;
ucontext_t scheduler;
int current = -1;
const std::function<void()> *kernel_body = nullptr;

[[noreturn]] void fail(const char *what) {
    std::fprintf(stderr, "cuda_emu: %s (block %u,%u,%u thread %d)\n", what, block_idx.x, block_idx.y, block_idx.z,
                 current);
    std::abort();
}

void fiber_entry() {
    (*kernel_body)();
    fibers[(size_t)current].state = kDone;
    // returning switches to uc_link (the scheduler)
}

void yield_to_scheduler() {
    Fiber &f = fibers[(size_t)current];
    if (swapcontext(&f.ctx, &scheduler) != 0) fail("swapcontext failed");
}

}  // namespace

int lane() { return current & 31; }

void sync_block() {
    fibers[(size_t)current].state = kAtBarrier;
    yield_to_scheduler();
}

void warp_exchange(const void *value, void *out, size_t bytes, int src) {
    if (bytes > kMaxExchange) fail("shuffle of more than 16 bytes");
    Fiber &f = fibers[(size_t)current];
    Warp &w = warps[(size_t)(current / 32)];
    f.gen = w.gen;
    std::memcpy(w.slot[f.gen & 1][current & 31], value, bytes);
    f.state = kAtShuffle;
    yield_to_scheduler();
    // Released: every live lane has written this generation's slot.
    const int n = (int)fibers.size();
    const int base = current & ~31;
    const bool inside = src >= 0 && src < 32 && base + src < n;
    std::memcpy(out, inside ? w.slot[f.gen & 1][src] : w.slot[f.gen & 1][current & 31], bytes);
}

void launch(dim3 grid, dim3 block, const std::function<void()> &body, size_t, const void *) {
    const int n = (int)(block.x * block.y * block.z);
    if (n <= 0 || n > 1024) fail("block size outside 1..1024");
    if (fibers.size() < (size_t)n) fibers.resize((size_t)n);
    fibers.resize((size_t)n);
    warps.assign((size_t)((n + 31) / 32), Warp());
    for (Fiber &f : fibers)
        if (f.stack.size() < kStackBytes) f.stack.resize(kStackBytes);
    kernel_body = &body;
    grid_dim = grid;
    block_dim = block;
    for (unsigned bz = 0; bz < grid.z; bz++)
        for (unsigned by = 0; by < grid.y; by++)
            for (unsigned bx = 0; bx < grid.x; bx++) {
                block_idx = dim3(bx, by, bz);
                for (int t = 0; t < n; t++) {
                    Fiber &f = fibers[(size_t)t];
                    f.tid = dim3((unsigned)t % block.x, (unsigned)t / block.x % block.y,
                                 (unsigned)t / (block.x * block.y));
                    f.state = kRunnable;
                    if (getcontext(&f.ctx) != 0) fail("getcontext failed");
                    f.ctx.uc_stack.ss_sp = f.stack.data();
                    f.ctx.uc_stack.ss_size = f.stack.size();
                    f.ctx.uc_link = &scheduler;
                    makecontext(&f.ctx, fiber_entry, 0);
                }
                for (Warp &w : warps) w.gen = 0;
                for (;;) {
                    for (int t = 0; t < n; t++) {
                        if (fibers[(size_t)t].state != kRunnable) continue;
                        current = t;
                        thread_idx = fibers[(size_t)t].tid;
                        if (swapcontext(&scheduler, &fibers[(size_t)t].ctx) != 0) fail("swapcontext failed");
                    }
                    current = -1;
                    // Complete every warp whose live lanes all wait at a shuffle.
                    bool released = false, all_done = true, all_at_barrier = true;
                    for (int w = 0; w * 32 < n; w++) {
                        int waiting = 0, live = 0;
                        for (int t = w * 32; t < n && t < w * 32 + 32; t++) {
                            const State s = fibers[(size_t)t].state;
                            if (s != kDone) live++;
                            if (s == kAtShuffle) waiting++;
                        }
                        if (waiting == 0) continue;
                        if (waiting != live || live != std::min(32, n - w * 32)) {
                            current = w * 32;
                            fail("a warp shuffle that not every lane of the warp reaches");
                        }
                        for (int t = w * 32; t < n && t < w * 32 + 32; t++) fibers[(size_t)t].state = kRunnable;
                        warps[(size_t)w].gen++;
                        released = true;
                    }
                    if (released) continue;
                    for (int t = 0; t < n; t++) {
                        const State s = fibers[(size_t)t].state;
                        if (s != kDone) all_done = false;
                        if (s != kDone && s != kAtBarrier) all_at_barrier = false;
                    }
                    if (all_done) break;
                    if (!all_at_barrier) fail("scheduler stuck");
                    for (Fiber &f : fibers)
                        if (f.state == kAtBarrier) f.state = kRunnable;
                }
            }
    kernel_body = nullptr;
}

}  // namespace cnnc_emu

cudaError_t cudaGetLastError(void) { return cudaSuccess; }
cudaError_t cudaPeekAtLastError(void) { return cudaSuccess; }
cudaError_t cudaDeviceSynchronize(void) { return cudaSuccess; }
cudaError_t cudaStreamSynchronize(cudaStream_t) { return cudaSuccess; }
const char *cudaGetErrorString(cudaError_t error) {
    return error == cudaSuccess ? "no error" : error == cudaErrorMemoryAllocation ? "out of memory" : "invalid argument";
}
cudaError_t cudaGetDeviceCount(int *count) {
    *count = 1;
    return cudaSuccess;
}
cudaError_t cudaMalloc(void **ptr, size_t bytes) {
    *ptr = std::aligned_alloc(256, (bytes + 255) / 256 * 256);
    return *ptr ? cudaSuccess : cudaErrorMemoryAllocation;
}
cudaError_t cudaFree(void *ptr) {
    std::free(ptr);
    return cudaSuccess;
}
cudaError_t cudaMemcpy(void *dst, const void *src, size_t bytes, cudaMemcpyKind) {
    std::memmove(dst, src, bytes);
    return cudaSuccess;
}
cudaError_t cudaMemcpyAsync(void *dst, const void *src, size_t bytes, cudaMemcpyKind kind, cudaStream_t) {
    return cudaMemcpy(dst, src, bytes, kind);
}
cudaError_t cudaMemset(void *ptr, int value, size_t bytes) {
    std::memset(ptr, value, bytes);
    return cudaSuccess;
}
cudaError_t cudaMemsetAsync(void *ptr, int value, size_t bytes, cudaStream_t) { return cudaMemset(ptr, value, bytes); }

// cuda/cuda_check.h's error reporters (cuda_check.c needs the real runtime).
extern "C" cnnc_status cnnc_cuda_fail(cnnc_error *err, cudaError_t rc, const char *stmt, const char *file, int line) {
    return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "CUDA error: %s (%s at %s:%d)", cudaGetErrorString(rc),
                          stmt, file, line);
}
extern "C" cnnc_status cnnc_cublas_fail(cnnc_error *err, int code, const char *stmt, const char *file, int line) {
    return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cuBLAS status %d (%s at %s:%d)", code, stmt, file,
                          line);
}
extern "C" cnnc_status cnnc_cudnn_fail(cnnc_error *err, int code, const char *stmt, const char *file, int line) {
    return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cuDNN status %d (%s at %s:%d)", code, stmt, file,
                          line);
}
