/* launch.h — the launch shape every elementwise/gather kernel in cuda/ uses:
 * 256-thread blocks and grid-stride loops over at most 65536 blocks. */
#ifndef CNNC_CUDA_LAUNCH_H
#define CNNC_CUDA_LAUNCH_H

#include <stdint.h>

namespace cnnc_launch {

constexpr int kBlock = 256;
/* Below this every index fits int32, including idx + grid stride. */
constexpr int64_t kSmallIndex = (int64_t)1 << 30;

inline unsigned grid_for(int64_t work) {
    int64_t blocks = (work + kBlock - 1) / kBlock;
    if (blocks > 65536) blocks = 65536; /* grid-stride loops cover the rest */
    if (blocks < 1) blocks = 1;
    return (unsigned)blocks;
}

/* Blocks for a grid-stride loop over `units` (channels, column groups): at most 65535. */
inline unsigned grid_units(int64_t units) { return (unsigned)(units < 1 ? 1 : units < 65535 ? units : 65535); }

}  // namespace cnnc_launch

#endif
