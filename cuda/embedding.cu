/* embedding.cu — Embedding (src/layers/embedding.c) gathers rows by integer indices,
 * which cnnc's float tensors do not carry: check only, and the engine refuses it. */
#include "backend_cuda.h"

static const char *embedding_unsupported(const struct cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no Embedding kernels yet (check and summary follow it)";
}
extern "C" const cnnc_cuda_kernel cnnc_cuda_embedding = {{embedding_unsupported, NULL, NULL, NULL}, NULL, NULL};
