/* nvtx.h — NVTX3 ranges for the CUDA backend: one "cnnc" domain, registered
 * strings made once at init (so a range costs no formatting in the loop).
 * NVTX3 is header-only; with no tool attached a push/pop is a cheap no-op. */
#ifndef CNNC_NVTX_H
#define CNNC_NVTX_H

#include <string.h>
#include <nvtx3/nvToolsExt.h>
#include <nvtx3/nvToolsExtCudaRt.h>

/* Push a range named by a registered string (NULL domain or string: a no-op). */
static inline void cnnc_nvtx_push(nvtxDomainHandle_t domain, nvtxStringHandle_t name) {
    if (!domain || !name) return;
    nvtxEventAttributes_t a;
    memset(&a, 0, sizeof a);
    a.version = NVTX_VERSION;
    a.size = NVTX_EVENT_ATTRIB_STRUCT_SIZE;
    a.messageType = NVTX_MESSAGE_TYPE_REGISTERED;
    a.message.registered = name;
    nvtxDomainRangePushEx(domain, &a);
}

static inline void cnnc_nvtx_pop(nvtxDomainHandle_t domain) {
    if (domain) nvtxDomainRangePop(domain);
}

#endif
