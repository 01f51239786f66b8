/* test_hooks_none.c — the release build's hooks: they change nothing. Keep
 * this file to these three definitions, so that a test binary's own
 * definitions replace it at link time (see test_hooks.h). */
#include "base/test_hooks.h"

uint64_t cnnc_hook_host_available(uint64_t measured) { return measured; }
int64_t cnnc_hook_interrupt_at_step(void) { return 0; }
void cnnc_hook_save_pause(void) {}
