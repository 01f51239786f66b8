/* cnnc/model.h — the layer graph read from a model file in PyTorch constructor
 * syntax. One cnnc_layer per leaf module, in forward order; names are the
 * PyTorch state_dict prefixes ("conv1.0", "out"). */
#ifndef CNNC_MODEL_H
#define CNNC_MODEL_H

#include "cnnc/status.h"
#include "cnnc/layers.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CNNC_NAME_MAX 64

/* PyTorch's class name: "Conv2d", "MaxPool2d", ... */
const char *cnnc_layer_kind_name(cnnc_layer_kind kind);

/* Where a piece of the model file sits: 1-based line/col plus byte offsets. */
typedef struct cnnc_span { int32_t line, col; int32_t begin, end; } cnnc_span;

/* A node input that is the model's k-th input rather than another node. */
#define CNNC_INPUT_REF(k) (-1 - (int32_t)(k))

/* One node of the layer graph: a module call (or a functional op) with its
 * constructor parameters and the nodes it reads. Nodes are stored in an order
 * in which every node comes after its inputs (forward order). */
typedef struct cnnc_layer {
    cnnc_layer_kind kind;
    char name[CNNC_NAME_MAX];  /* state_dict prefix: "conv1.0", "out" */
    int32_t stmt_index;        /* statement (top-level assignment) it belongs to */
    cnnc_span span;            /* the constructor call, e.g. "Linear(32 * 7 * 7, 10)" */
    int32_t n_in;              /* inputs, in argument order: model->edges[in_first .. in_first + n_in) */
    int32_t in_first;
    int32_t owner;             /* the node whose parameters it uses: itself, unless one
                                * module is called more than once */
    uint32_t node_flags;       /* CNNC_NODE_* */
    cnnc_span call;            /* Python source: where forward calls it (line 0: at `span`) */
    cnnc_layer_params p;
} cnnc_layer;

/* How messages name a node: "conv2.2 (MaxPool2d)"; a function in forward() by its
 * node name alone ("view (line 31)"), which already says what it is. */
void cnnc_layer_display(const cnnc_layer *L, char *buf, size_t cap);

#define CNNC_NODE_FUNCTIONAL 0x1u  /* a function or operator in forward (F.relu, +), not a module:
                                    * no state_dict entry, no torchsummary row */
/* Made inside a torch.autograd.Function's forward: the shape pass follows it, but its
 * gradient is the user's backward, which cnnc does not run, so the engines refuse it. */
#define CNNC_NODE_CUSTOM_BACKWARD 0x2u
/* A module whose weight nn.utils.spectral_norm reparametrises (weight_orig / sigma, with a
 * power iteration per training forward): the shape pass follows it, the engines refuse it. */
#define CNNC_NODE_SPECTRAL_NORM 0x4u
/* The same for nn.utils.weight_norm (weight = weight_g * weight_v / ||weight_v||). */
#define CNNC_NODE_WEIGHT_NORM 0x8u

/* One top-level statement: `name = Layer(...)` or `name = Sequential(...)`. */
typedef struct cnnc_stmt {
    char name[CNNC_NAME_MAX];
    int is_sequential;
    int32_t first_layer, n_layers;
    cnnc_span span;            /* whole statement */
} cnnc_stmt;

typedef struct cnnc_model {
    char path[256];            /* file it came from ("<string>" if parsed from memory) */
    char *text;                /* owned copy of the source */
    size_t text_len;
    cnnc_layer *layers;
    int32_t n_layers;
    cnnc_stmt *stmts;
    int32_t n_stmts;
    int32_t *edges;            /* node inputs, node by node in order: a node index or CNNC_INPUT_REF(k) */
    int32_t n_edges;
    int32_t n_inputs;          /* tensors the model takes (1 for a model file) */
    int32_t output;            /* the node whose output is the model's output */
    int has_input;             /* an `input = (C, H, W)` statement was given */
    int32_t input_ndim;
    int64_t input[CNNC_MAX_DIMS]; /* per-sample input shape, e.g. {1, 28, 28} */
    int python_source;         /* 1: traced from a .py (cnnc/pyread.h), hints read "self.fc = nn.X";
                                * 2: a model file with forward(), traced at its input. Names are
                                * module paths, spans are constructor calls in the source */
} cnnc_model;

/* The graph's wiring. A model without edges (built by hand, as tests do) is a
 * chain: node i reads node i-1, node 0 the model's input. */
/* How many tensors node `node` reads. */
static inline int32_t cnnc_layer_n_inputs(const cnnc_model *m, int32_t node) {
    return m->edges ? m->layers[node].n_in : 1;
}
/* Node `node`'s k-th input: a node index, or CNNC_INPUT_REF(j) for model input j. */
static inline int32_t cnnc_layer_input(const cnnc_model *m, int32_t node, int32_t k) {
    if (!m->edges) return node > 0 ? node - 1 : CNNC_INPUT_REF(0);
    return m->edges[m->layers[node].in_first + k];
}
/* The node whose parameters node `node` uses. */
static inline int32_t cnnc_layer_owner(const cnnc_model *m, int32_t node) {
    return m->edges ? m->layers[node].owner : node;
}
static inline int32_t cnnc_model_output(const cnnc_model *m) { return m->edges ? m->output : m->n_layers - 1; }
static inline int32_t cnnc_model_n_inputs(const cnnc_model *m) { return m->edges ? m->n_inputs : 1; }

/* Make the model a chain: node i reads node i-1 (node 0 the model's input),
 * the last node is the output, every node owns its parameters. */
cnnc_status cnnc_model_link_chain(cnnc_model *model, cnnc_error *err);

/* Parse model text. `path` is used in messages only. On error returns
 * CNNC_ERR_PARSE with err->file/line/col set, and *out stays NULL. */
cnnc_status cnnc_model_parse(const char *text, size_t len, const char *path,
                             cnnc_model **out, cnnc_error *err);
/* A file that defines `def forward(x):` is a graph: its top-level modules
 * are the model's children and forward() is traced at its `input` (the
 * Python evaluator of cnnc/pyread.h reads it). */
/* Read and parse a file (CNNC_ERR_IO if unreadable). */
cnnc_status cnnc_model_load(const char *path, cnnc_model **out, cnnc_error *err);
void cnnc_model_free(cnnc_model *model);

/* The model as a model file in the graph form (top-level modules named as
 * the state_dict prefixes, `def forward(x):` over the graph), after `header`
 * (may be NULL). Needs the model's input shape. malloc'd text in *text;
 * CNNC_ERR_UNSUPPORTED says what cannot be written. */
cnnc_status cnnc_model_to_text(const cnnc_model *model, const char *header, char **text, cnnc_error *err);

/* A layer as a constructor call in canonical form, e.g. "Linear(1568, 10)" or
 * "Conv2d(1, 16, kernel_size=5, stride=1, padding=2)". Returns chars written. */
size_t cnnc_layer_render(const cnnc_layer *layer, char *buf, size_t cap);

/* Rewrite the model text with layer `layer_index` replaced by its current
 * rendering (used by --fix after editing a layer's parameters). Returns a
 * malloc'd NUL-terminated string, or NULL on allocation failure. */
char *cnnc_model_text_with_layer(const cnnc_model *model, int32_t layer_index);

/* ---- parameters and buffers, in state_dict order ---- */
typedef enum cnnc_param_role {
    CNNC_P_WEIGHT, CNNC_P_BIAS, CNNC_P_RUNNING_MEAN, CNNC_P_RUNNING_VAR, CNNC_P_NUM_BATCHES
} cnnc_param_role;

typedef enum cnnc_dtype { CNNC_F32 = 0, CNNC_I64, CNNC_I32, CNNC_U8, CNNC_F64 } cnnc_dtype;

typedef struct cnnc_param_info {
    char name[CNNC_NAME_MAX + 24]; /* "conv1.0.weight", "bn.running_mean", "bn.num_batches_tracked" */
    int32_t layer_index;
    cnnc_param_role role;
    cnnc_dtype dtype;
    int trainable;             /* weight/bias: 1; buffers: 0 */
    int32_t ndim;
    int64_t shape[5];   /* Conv3d's weight has 5 */
    int64_t numel;
} cnnc_param_info;

/* Fill up to `cap` entries in PyTorch state_dict order; returns the total count
 * (call with cap = 0 to size the array). */
int32_t cnnc_model_params(const cnnc_model *model, cnnc_param_info *out, int32_t cap);

#ifdef __cplusplus
}
#endif
#endif
