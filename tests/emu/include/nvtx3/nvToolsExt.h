/* Emulation: NVTX as no-ops, with the names cnnc uses. */
#ifndef CNNC_EMU_NVTOOLSEXT_H
#define CNNC_EMU_NVTOOLSEXT_H
typedef struct nvtxDomainRegistration_st *nvtxDomainHandle_t;
typedef struct nvtxStringRegistration_st *nvtxStringHandle_t;
#define NVTX_VERSION 3
#define NVTX_EVENT_ATTRIB_STRUCT_SIZE ((unsigned short)sizeof(nvtxEventAttributes_t))
#define NVTX_MESSAGE_TYPE_REGISTERED 3
typedef struct nvtxEventAttributes_t {
    unsigned short version, size;
    int messageType;
    union {
        nvtxStringHandle_t registered;
    } message;
} nvtxEventAttributes_t;
static inline int nvtxDomainRangePushEx(nvtxDomainHandle_t d, const nvtxEventAttributes_t *a) {
    (void)d;
    (void)a;
    return 0;
}
static inline int nvtxDomainRangePop(nvtxDomainHandle_t d) {
    (void)d;
    return 0;
}
/* Non-null handles, so code that checks for a domain behaves as with NVTX present. */
static inline nvtxDomainHandle_t nvtxDomainCreateA(const char *name) {
    (void)name;
    return (nvtxDomainHandle_t)1;
}
static inline void nvtxDomainDestroy(nvtxDomainHandle_t d) { (void)d; }
static inline nvtxStringHandle_t nvtxDomainRegisterStringA(nvtxDomainHandle_t d, const char *s) {
    (void)d;
    (void)s;
    return (nvtxStringHandle_t)1;
}
#endif
