/* Emulation: cuBLAS is not emulated; these are the types backend_cuda.h names. */
#ifndef CNNC_EMU_CUBLAS_V2_H
#define CNNC_EMU_CUBLAS_V2_H
#include "../cuda_emu.h"
typedef struct cublasContext *cublasHandle_t;
typedef enum { CUBLAS_STATUS_SUCCESS = 0 } cublasStatus_t;
#endif
