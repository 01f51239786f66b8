// linear_chunks_test.cpp — Linear's parameter gradients summed per sample chunk
// (src/cpu/linear.c): with C chunks they are the bits of C separate one-chunk
// computations on the chunks' samples added in chunk order, which is what C
// data-parallel ranks of one thread compute and sum (docs/scaling.md), and they
// stay the true gradient.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "cpu/cpu_internal.h"
#include "cpu/cpu_kernels.h"

namespace {

std::vector<float> random_vec(size_t n, unsigned seed) {
    std::mt19937 g(seed);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    std::vector<float> v(n);
    for (auto &x : v) x = u(g);
    return v;
}

}  // namespace

TEST(LinearChunks, ChunkedGradientsAreTheChunksOwnGradientsAddedInOrder) {
    // K not a multiple of 32 and N over one 64-row tile: edge tiles both ways.
    const int64_t M = 37, K = 70, N = 130;
    const std::vector<float> x = random_vec((size_t)(M * K), 1), w = random_vec((size_t)(N * K), 2),
                             dy = random_vec((size_t)(M * N), 3);
    for (int chunks : {2, 3, 5}) {
        SCOPED_TRACE(chunks);
        std::vector<float> dw((size_t)(N * K)), db((size_t)N), dx((size_t)(M * K));
        std::vector<float> scratch((size_t)cpu_get_threads() * 64 * 32);   // one tile per thread
        linear_backward_chunked_cpu(dx.data(), dw.data(), db.data(), dy.data(), x.data(), w.data(), M, K, N, chunks,
                                    scratch.data());
        // The same, one chunk at a time (OpenMP's static split), added in order.
        std::vector<float> want_w((size_t)(N * K)), want_b((size_t)N), pw((size_t)(N * K)), pb((size_t)N);
        const int64_t q = M / chunks, extra = M % chunks;
        for (int c = 0; c < chunks; c++) {
            const int64_t m0 = c * q + (c < extra ? c : extra), m = q + (c < extra ? 1 : 0);
            linear_backward_chunked_cpu(nullptr, pw.data(), pb.data(), dy.data() + m0 * N, x.data() + m0 * K, w.data(),
                                        m, K, N, 1, nullptr);
            for (size_t i = 0; i < pw.size(); i++) want_w[i] = c == 0 ? pw[i] : want_w[i] + pw[i];
            for (size_t i = 0; i < pb.size(); i++) want_b[i] = c == 0 ? pb[i] : want_b[i] + pb[i];
        }
        EXPECT_EQ(std::memcmp(dw.data(), want_w.data(), dw.size() * sizeof(float)), 0);
        EXPECT_EQ(std::memcmp(db.data(), want_b.data(), db.size() * sizeof(float)), 0);
        // And it is the gradient: against a double reference.
        double worst = 0;
        for (int64_t n = 0; n < N; n++)
            for (int64_t k = 0; k < K; k++) {
                double s = 0;
                for (int64_t m = 0; m < M; m++) s += (double)dy[(size_t)(m * N + n)] * x[(size_t)(m * K + k)];
                worst = std::fmax(worst, std::fabs(s - dw[(size_t)(n * K + k)]));
            }
        EXPECT_LT(worst, 1e-4);
        // The input gradient does not depend on the chunks.
        std::vector<float> dx1((size_t)(M * K));
        linear_backward_cpu(dx1.data(), nullptr, nullptr, dy.data(), x.data(), w.data(), M, K, N);
        EXPECT_EQ(std::memcmp(dx.data(), dx1.data(), dx.size() * sizeof(float)), 0);
    }
}
