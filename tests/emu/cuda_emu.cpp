// cuda_emu.cpp — the fiber scheduler and runtime calls behind cuda_emu.h.
// A block's threads are ucontext fibers run in thread order; each runs until
// it finishes, reaches __syncthreads() or a warp shuffle. When every live
// thread of a warp waits at a shuffle, that warp's exchange completes; when
// every live thread of the block waits at __syncthreads(), the barrier opens.
// Anything else (a warp split between a shuffle and a barrier, or a shuffle
// with lanes that have exited) is a kernel bug: it aborts with a message.
#include "cuda_emu.h"

#include <time.h>
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

/* Switching stacks: on x86-64 a few instructions that save the callee-saved
 * registers and swap stack pointers (glibc's swapcontext also saves the signal
 * mask with a system call, which made the emulator ten times slower); ucontext
 * elsewhere. */
#if defined(__x86_64__)
extern "C" void cnnc_emu_switch(void **save_sp, void *load_sp);
asm(R"(
    .text
    .globl cnnc_emu_switch
    .type cnnc_emu_switch, @function
cnnc_emu_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size cnnc_emu_switch, .-cnnc_emu_switch
    .section .note.GNU-stack,"",@progbits
)");
struct Context {
    void *sp = nullptr;
};
#else
struct Context {
    ucontext_t uc;
};
#endif

struct Fiber {
    Context ctx;
    std::vector<char> stack;
    dim3 tid;
    State state = kDone;
    int gen = 0;  // the warp generation whose buffer this lane's pending shuffle used
};

struct Warp {
    unsigned char slot[2][32][kMaxExchange];
    int gen = 0;
};

std::vector<Fiber> fibers;  // grows to the largest block seen; the first `active` run
int active = 0;
std::vector<Warp> warps;
Context scheduler;
int current = -1;
const std::function<void()> *kernel_body = nullptr;

[[noreturn]] void fail(const char *what) {
    std::fprintf(stderr, "cuda_emu: %s (block %u,%u,%u thread %d)\n", what, block_idx.x, block_idx.y, block_idx.z,
                 current);
    std::abort();
}

void switch_to(Context &save, Context &load) {
#if defined(__x86_64__)
    cnnc_emu_switch(&save.sp, load.sp);
#else
    if (swapcontext(&save.uc, &load.uc) != 0) fail("swapcontext failed");
#endif
}

[[noreturn]] void fiber_main() {
    (*kernel_body)();
    fibers[(size_t)current].state = kDone;
    switch_to(fibers[(size_t)current].ctx, scheduler);
    fail("a finished thread was resumed");
}

void start_fiber(Fiber &f) {
#if defined(__x86_64__)
    // The first switch pops six zero registers and "returns" into fiber_main,
    // with the stack aligned as if fiber_main had been called.
    uintptr_t top = ((uintptr_t)(f.stack.data() + f.stack.size())) & ~(uintptr_t)15;
    void **sp = (void **)top;
    *--sp = nullptr;                                   // fiber_main's own return address: never used
    *--sp = reinterpret_cast<void *>(&fiber_main);     // popped by ret
    for (int r = 0; r < 6; r++) *--sp = nullptr;       // rbp rbx r12 r13 r14 r15
    f.ctx.sp = sp;
#else
    if (getcontext(&f.ctx.uc) != 0) fail("getcontext failed");
    f.ctx.uc.uc_stack.ss_sp = f.stack.data();
    f.ctx.uc.uc_stack.ss_size = f.stack.size();
    f.ctx.uc.uc_link = nullptr;
    makecontext(&f.ctx.uc, (void (*)())fiber_main, 0);
#endif
}

void yield_to_scheduler() { switch_to(fibers[(size_t)current].ctx, scheduler); }

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
    const int n = active;
    const int base = current & ~31;
    const bool inside = src >= 0 && src < 32 && base + src < n;
    std::memcpy(out, inside ? w.slot[f.gen & 1][src] : w.slot[f.gen & 1][current & 31], bytes);
}

/* CNNC_EMU_ORDER=reverse runs a block's threads last to first between
 * barriers: a kernel whose result depends on the order threads run in (a
 * missing __syncthreads, a read of another thread's unsynchronised write)
 * then gives another answer than in the default first-to-last order. */
static const bool reverse_order = [] {
    const char *v = std::getenv("CNNC_EMU_ORDER");
    return v && std::strcmp(v, "reverse") == 0;
}();

void run_grid(dim3 grid, dim3 block, const std::function<void()> &body) {
    const int n = (int)(block.x * block.y * block.z);
    if (n <= 0 || n > 1024) fail("block size outside 1..1024");
    if (fibers.size() < (size_t)n) fibers.resize((size_t)n);
    active = n;
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
                    start_fiber(f);
                }
                for (Warp &w : warps) w.gen = 0;
                for (;;) {
                    for (int i = 0; i < n; i++) {
                        const int t = reverse_order ? n - 1 - i : i;
                        if (fibers[(size_t)t].state != kRunnable) continue;
                        current = t;
                        thread_idx = fibers[(size_t)t].tid;
                        switch_to(scheduler, fibers[(size_t)t].ctx);
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
                    for (int t = 0; t < n; t++)
                        if (fibers[(size_t)t].state == kAtBarrier) fibers[(size_t)t].state = kRunnable;
                }
            }
    kernel_body = nullptr;
}

namespace {
/* The graph being captured (nullptr: none), recorded instead of run. */
std::vector<std::function<void()>> *capture_list = nullptr;
}  // namespace

void enqueue(std::function<void()> work) {
    if (capture_list)
        capture_list->push_back(std::move(work));
    else
        work();
}

}  // namespace cnnc_emu

// A graph (and its executable form) is the list of work recorded while capturing.
struct CUgraph_st {
    std::vector<std::function<void()>> work;
};
struct CUgraphExec_st {
    std::vector<std::function<void()>> work;
};
struct CUstream_st {
    int unused;
};
struct CUevent_st {
    double seconds;
};

static double now_seconds() {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

cudaError_t cudaStreamCreateWithFlags(cudaStream_t *stream, unsigned) {
    *stream = new CUstream_st();
    return cudaSuccess;
}
cudaError_t cudaStreamDestroy(cudaStream_t stream) {
    delete stream;
    return cudaSuccess;
}
cudaError_t cudaStreamBeginCapture(cudaStream_t, cudaStreamCaptureMode) {
    if (cnnc_emu::capture_list) return cudaErrorStreamCaptureUnsupported;
    cnnc_emu::capture_list = new std::vector<std::function<void()>>();
    return cudaSuccess;
}
cudaError_t cudaStreamEndCapture(cudaStream_t, cudaGraph_t *graph) {
    if (!cnnc_emu::capture_list) return cudaErrorInvalidValue;
    *graph = new CUgraph_st{std::move(*cnnc_emu::capture_list)};
    delete cnnc_emu::capture_list;
    cnnc_emu::capture_list = nullptr;
    return cudaSuccess;
}
cudaError_t cudaGraphInstantiate(cudaGraphExec_t *exec, cudaGraph_t graph, unsigned long long) {
    *exec = new CUgraphExec_st{graph->work};
    return cudaSuccess;
}
cudaError_t cudaGraphLaunch(cudaGraphExec_t exec, cudaStream_t) {
    if (cnnc_emu::capture_list) return cudaErrorStreamCaptureUnsupported;
    for (const auto &w : exec->work) w();
    return cudaSuccess;
}
cudaError_t cudaGraphDestroy(cudaGraph_t graph) {
    delete graph;
    return cudaSuccess;
}
cudaError_t cudaGraphExecDestroy(cudaGraphExec_t exec) {
    delete exec;
    return cudaSuccess;
}
cudaError_t cudaEventCreate(cudaEvent_t *event) {
    *event = new CUevent_st{0.0};
    return cudaSuccess;
}
cudaError_t cudaEventCreateWithFlags(cudaEvent_t *event, unsigned) { return cudaEventCreate(event); }
cudaError_t cudaEventDestroy(cudaEvent_t event) {
    delete event;
    return cudaSuccess;
}
// Work runs as it is issued, so an event's time is the host clock when it is
// recorded (captured into a graph: when the replay reaches it).
cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t) {
    cnnc_emu::enqueue([event]() { event->seconds = now_seconds(); });
    return cudaSuccess;
}
cudaError_t cudaEventSynchronize(cudaEvent_t) { return cudaSuccess; }
// One queue in issue order stands for every stream, so a wait is already kept.
cudaError_t cudaStreamWaitEvent(cudaStream_t, cudaEvent_t event, unsigned) {
    return event ? cudaSuccess : cudaErrorInvalidValue;
}
cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end) {
    *ms = (float)((end->seconds - start->seconds) * 1e3);
    return cudaSuccess;
}
cudaError_t cudaProfilerStart(void) { return cudaSuccess; }
cudaError_t cudaProfilerStop(void) { return cudaSuccess; }
const char *cudaGetErrorName(cudaError_t error) {
    switch (error) {
    case cudaSuccess: return "cudaSuccess";
    case cudaErrorMemoryAllocation: return "cudaErrorMemoryAllocation";
    case cudaErrorInsufficientDriver: return "cudaErrorInsufficientDriver";
    case cudaErrorNoDevice: return "cudaErrorNoDevice";
    case cudaErrorStreamCaptureUnsupported: return "cudaErrorStreamCaptureUnsupported";
    default: return "cudaErrorInvalidValue";
    }
}
cudaError_t cudaGetDevice(int *device) {
    *device = 0;
    return cudaSuccess;
}
cudaError_t cudaSetDevice(int device) { return device == 0 ? cudaSuccess : cudaErrorInvalidValue; }
cudaError_t cudaGetDeviceProperties(cudaDeviceProp *prop, int device) {
    if (device != 0) return cudaErrorInvalidValue;
    std::memset(prop, 0, sizeof *prop);
    std::snprintf(prop->name, sizeof prop->name, "cnnc CUDA emulator (CPU)");
    prop->major = 9;
    prop->minor = 0;
    prop->multiProcessorCount = 132;
    prop->totalGlobalMem = (size_t)16 << 30;
    return cudaSuccess;
}
cudaError_t cudaMemGetInfo(size_t *free_bytes, size_t *total_bytes) {
    *total_bytes = (size_t)16 << 30;
    *free_bytes = (size_t)15 << 30;
    return cudaSuccess;
}
// No driver is loaded: the emulator stands in for the whole device.
cudaError_t cudaDriverGetVersion(int *version) {
    *version = 0;
    return cudaErrorInsufficientDriver;
}
cudaError_t cudaRuntimeGetVersion(int *version) {
    *version = CUDART_VERSION;
    return cudaSuccess;
}
cudaError_t cudaMallocHost(void **ptr, size_t bytes) { return cudaMalloc(ptr, bytes); }
cudaError_t cudaFreeHost(void *ptr) { return cudaFree(ptr); }

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
    // The emulated card has 15 GiB free: larger requests fail as on a GPU, instead
    // of succeeding on an overcommitting host and being touched later.
    *ptr = bytes > ((size_t)15 << 30) ? nullptr : std::aligned_alloc(256, (bytes + 255) / 256 * 256);
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
cudaError_t cudaMemcpyAsync(void *dst, const void *src, size_t bytes, cudaMemcpyKind, cudaStream_t) {
    cnnc_emu::enqueue([dst, src, bytes]() { std::memmove(dst, src, bytes); });
    return cudaSuccess;
}
cudaError_t cudaMemset(void *ptr, int value, size_t bytes) {
    std::memset(ptr, value, bytes);
    return cudaSuccess;
}
cudaError_t cudaMemsetAsync(void *ptr, int value, size_t bytes, cudaStream_t) {
    cnnc_emu::enqueue([ptr, value, bytes]() { std::memset(ptr, value, bytes); });
    return cudaSuccess;
}

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
