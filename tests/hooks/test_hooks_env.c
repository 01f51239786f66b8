/* test_hooks_env.c — the test build's hooks (src/base/test_hooks.h), driven by
 * the environment:
 *   CNNC_FAULT_MEM_AVAILABLE=N       pretend N bytes of host memory are free
 *   CNNC_FAULT_INTERRUPT_AT_STEP=N   raise SIGTERM at training step N
 *   CNNC_FAULT_SAVE_PAUSE_MS=N       stall N ms with a checkpoint half-written */
#include <stdlib.h>
#include <time.h>

#include "base/test_hooks.h"

uint64_t cnnc_hook_host_available(uint64_t measured) {
    const char *v = getenv("CNNC_FAULT_MEM_AVAILABLE");
    return v ? strtoull(v, NULL, 10) : measured;
}

int64_t cli_hook_interrupt_at_step(void);   /* src/cli/cli.h */
int64_t cli_hook_interrupt_at_step(void) {
    const char *v = getenv("CNNC_FAULT_INTERRUPT_AT_STEP");
    return v ? strtoll(v, NULL, 10) : 0;
}

void cnnc_hook_save_pause(void) {
    const char *v = getenv("CNNC_FAULT_SAVE_PAUSE_MS");
    if (!v) return;
    long ms = strtol(v, NULL, 10);
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}
