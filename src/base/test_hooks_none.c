/* test_hooks_none.c — the release build's hooks: they change nothing. They
 * are weak, so that a test program's own definitions (tests/hooks/) replace
 * them at link time (see test_hooks.h). */
#include "base/test_hooks.h"

#if defined(__GNUC__)
#define CNNC_WEAK __attribute__((weak))
#else
#define CNNC_WEAK
#endif

CNNC_WEAK uint64_t cnnc_hook_host_available(uint64_t measured) { return measured; }
CNNC_WEAK void cnnc_hook_save_pause(void) {}
