/* alloc_shim.h — a link-time allocator shim for fault injection
 * (-Wl,--wrap=malloc,...): the Nth allocation made by cnnc's code can be made
 * to fail, and every allocation still live is tracked so a test can prove
 * that each failure path frees what it took. Only objects in the final link
 * (libcnnc.a, the CLI, the test) are wrapped; shared libraries (libc,
 * OpenBLAS, libstdc++) allocate as usual. */
#ifndef CNNC_ALLOC_SHIM_H
#define CNNC_ALLOC_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Start counting afresh: allocation number `fail_at` (1-based) fails, 0 = none. */
void shim_arm(long fail_at);
/* Stop injecting (counting continues). */
void shim_disarm(void);
/* Allocations attempted since shim_arm, and whether the failure was injected. */
long shim_count(void);
int shim_injected(void);
/* Blocks allocated through the shim and not yet freed. */
long shim_live(void);

#ifdef __cplusplus
}
#endif
#endif
