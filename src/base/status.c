/* status.c — the error record: Python-style exception lines, exit codes. */
#include "cnnc/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void cnnc_error_clear(cnnc_error *err) {
    if (!err) return;
    /* every text empty and every number zero; the texts' tails need no zeroing
     * (4 KB per call, and the .py reader clears one per traced call) */
    err->status = CNNC_OK;
    err->type[0] = err->message[0] = err->file[0] = err->layer[0] = err->trail[0] = err->hint[0] = '\0';
    err->line = err->col = 0;
    err->layer_index = -1;
    memset(&err->fix, 0, sizeof err->fix);
    err->fix.layer_index = -1;
}

cnnc_status cnnc_error_setv(cnnc_error *err, cnnc_status status, const char *type, const char *fmt, va_list ap) {
    if (!err) return status;
    err->status = status;
    snprintf(err->type, sizeof err->type, "%s", type ? type : "");
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    return status;
}

cnnc_status cnnc_error_set(cnnc_error *err, cnnc_status status, const char *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    cnnc_error_setv(err, status, type, fmt, ap);
    va_end(ap);
    return status;
}

void cnnc_error_line(const cnnc_error *err, char *buf, size_t cap) {
    if (!buf || cap == 0) return;
    if (!err) { buf[0] = '\0'; return; }
    if (err->type[0] && err->message[0])
        snprintf(buf, cap, "%s: %s", err->type, err->message);
    else if (err->type[0])   /* Python prints a bare `AssertionError` */
        snprintf(buf, cap, "%s", err->type);
    else
        snprintf(buf, cap, "%s", err->message);
}

const char *cnnc_status_name(cnnc_status status) {
    switch (status) {
    case CNNC_OK: return "ok";
    case CNNC_ERR_SHAPE: return "shape error";
    case CNNC_ERR_PARSE: return "parse error";
    case CNNC_ERR_USAGE: return "usage error";
    case CNNC_ERR_IO: return "I/O error";
    case CNNC_ERR_NOMEM: return "out of memory";
    case CNNC_ERR_DEVICE: return "device error";
    case CNNC_ERR_DEVICE_OOM: return "device out of memory";
    case CNNC_ERR_UNSUPPORTED: return "unsupported";
    case CNNC_ERR_NUMERIC: return "numeric error";
    case CNNC_ERR_INTERRUPTED: return "interrupted";
    }
    return "unknown status";
}

int cnnc_status_exit_code(cnnc_status status) {
    switch (status) {
    case CNNC_OK: return 0;
    case CNNC_ERR_SHAPE: return 1;
    case CNNC_ERR_PARSE: case CNNC_ERR_USAGE: return 2;
    case CNNC_ERR_UNSUPPORTED: return 6;   /* cnnc cannot follow it: nothing is claimed */
    case CNNC_ERR_IO: case CNNC_ERR_NOMEM: return 3;
    case CNNC_ERR_DEVICE: case CNNC_ERR_DEVICE_OOM: return 4;
    case CNNC_ERR_NUMERIC: return 5;
    case CNNC_ERR_INTERRUPTED: return 130;
    }
    return 1;
}
