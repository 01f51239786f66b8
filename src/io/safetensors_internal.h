/* safetensors_internal.h — what the safetensors reader (safetensors.c) and
 * writer (safetensors_write.c) share. */
#ifndef CNNC_IO_SAFETENSORS_INTERNAL_H
#define CNNC_IO_SAFETENSORS_INTERNAL_H

#include <stddef.h>

#include "cnnc/io.h"

#define ST_NAME_CAP ((size_t)sizeof(((cnnc_st_tensor *)0)->name))

typedef struct st_meta { char *key, *value; } st_meta;

/* Bytes per element (0: not a dtype cnnc knows) and the header's name ("F32" ...). */
size_t cnnc_st_dtype_size(cnnc_dtype d);
const char *cnnc_st_dtype_name(cnnc_dtype d);

#endif
