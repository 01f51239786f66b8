/* test_hooks.h — the seams the fault-injection tests use to reach states that
 * are hard to cause from outside: little free memory, a signal at an exact
 * step, a save that stalls half-written (the signal is the CLI's own seam,
 * cli_hook_interrupt_at_step in src/cli/cli.h). The library and the installed
 * `cnnc` carry test_hooks_none.c, whose weak hooks change nothing and read no
 * environment; the test programs (cnnc_hooked, cnnc_fault_tests) also link
 * tests/hooks/test_hooks_env.c, whose definitions win at link time and read
 * CNNC_FAULT_* variables. */
#ifndef CNNC_BASE_TEST_HOOKS_H
#define CNNC_BASE_TEST_HOOKS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The free host memory to plan against, given what was measured. */
uint64_t cnnc_hook_host_available(uint64_t measured);
/* Called after the first part of an atomic write, before the rest. */
void cnnc_hook_save_pause(void);

#ifdef __cplusplus
}
#endif

#endif
