/* cnnc/status.h — status codes and the error record every API call fills.
 * The library never exits or aborts: each failure comes back as a status
 * plus a cnnc_error that holds the Python-style exception line and context. */
#ifndef CNNC_STATUS_H
#define CNNC_STATUS_H

#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cnnc_status {
    CNNC_OK = 0,
    CNNC_ERR_SHAPE,      /* a PyTorch shape error (RuntimeError & co.), exit code 1 */
    CNNC_ERR_PARSE,      /* model-file syntax or construction error, exit code 2 */
    CNNC_ERR_USAGE,      /* bad command-line or API argument, exit code 2 */
    CNNC_ERR_IO,         /* file missing, unreadable, truncated or corrupt */
    CNNC_ERR_NOMEM,      /* host allocation failed */
    CNNC_ERR_DEVICE,     /* no usable GPU, driver too old, CUDA/cuBLAS/cuDNN failure */
    CNNC_ERR_DEVICE_OOM, /* device allocation failed */
    CNNC_ERR_UNSUPPORTED,/* valid PyTorch that cnnc does not follow or run, exit code 6 */
    CNNC_ERR_NUMERIC,    /* non-finite loss or activation */
    CNNC_ERR_INTERRUPTED /* SIGINT / SIGTERM seen by a long-running loop */
} cnnc_status;

/* The fix a shape error suggests, in machine-readable form: set field `field`
 * of layer `layer_index` to `value` (or, for CNNC_FIX_INPUT_HW, make the input
 * at least value x value2). cnnc check --fix applies these. */
typedef enum cnnc_fix_field {
    CNNC_FIX_NONE = 0,
    CNNC_FIX_IN_FEATURES,   /* Linear.in_features */
    CNNC_FIX_IN_CHANNELS,   /* Conv2d.in_channels */
    CNNC_FIX_NUM_FEATURES,  /* BatchNorm2d.num_features */
    CNNC_FIX_INPUT_HW       /* no model edit: the smallest input H, W that validates */
} cnnc_fix_field;

typedef struct cnnc_fix {
    cnnc_fix_field field;
    int32_t layer_index;
    int64_t value;
    int64_t value2;
} cnnc_fix;

#define CNNC_ERR_TEXT 1024   /* "cnnc does not support nn.X (it runs <every module>)" must fit */

typedef struct cnnc_error {
    cnnc_status status;
    char type[32];              /* Python exception type: "RuntimeError", "ValueError", ... */
    char message[CNNC_ERR_TEXT];/* PyTorch's message, exactly */
    char file[256];             /* model/data file the error is about ("" if none) */
    int32_t line, col;          /* 1-based position in `file` (0 if none) */
    int32_t layer_index;        /* -1 if none */
    char layer[96];             /* layer display, e.g. "out (Linear)" */
    char trail[CNNC_ERR_TEXT];  /* how the offending shape was made */
    char hint[CNNC_ERR_TEXT];   /* a concrete fix, in words */
    cnnc_fix fix;
} cnnc_error;

/* Reset an error record to "no error". */
void cnnc_error_clear(cnnc_error *err);

/* Fill status, type and a printf-formatted message; returns `status`. Safe with err == NULL. */
cnnc_status cnnc_error_set(cnnc_error *err, cnnc_status status, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* The same with a va_list, for the library's own printf-style error helpers. */
cnnc_status cnnc_error_setv(cnnc_error *err, cnnc_status status, const char *type, const char *fmt, va_list ap);

/* The one line Python would print: "RuntimeError: mat1 and mat2 ..." (or just the
 * message when type is empty). Writes at most `cap` bytes, NUL-terminated. */
void cnnc_error_line(const cnnc_error *err, char *buf, size_t cap);

const char *cnnc_status_name(cnnc_status status);

/* Process exit code a command should use for a status: 0 ok, 1 shape error,
 * 2 usage/parse, 3 I/O or data, 4 device, 5 numeric, 130 interrupted. */
int cnnc_status_exit_code(cnnc_status status);

#ifdef __cplusplus
}
#endif
#endif
