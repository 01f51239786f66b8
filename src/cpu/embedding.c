/* embedding.c — Embedding (src/layers/embedding.c) gathers rows by integer indices,
 * which cnnc's float tensors do not carry: check only, and the engine refuses it. */
#include "cpu/cpu_backend.h"

static const char *embedding_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "cnnc has no Embedding kernels yet (check and summary follow it)";
}
const cnnc_kernel cnnc_cpu_embedding = {embedding_unsupported, NULL, NULL, NULL};
