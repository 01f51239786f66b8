/* layer_def.h — the layer registry: one cnnc_layer_def per kind, in
 * src/layers/<kind>.c, holding everything the kind means independent of a
 * backend: its constructor (signature, PyTorch's validation), its state_dict
 * entries and init, its shape rule with PyTorch's messages, its aux storage,
 * its cost, its rendering back to constructor text, and its hints. The shape
 * pass, the readers, the engine's plan, summary and profile all ask here;
 * backends register kernels per kind (src/engine/kernel.h). */
#ifndef CNNC_LAYER_DEF_H
#define CNNC_LAYER_DEF_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "cnnc/shape.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A constructor argument as a reader evaluated it (Python value + position). */
typedef enum cnnc_arg_kind {
    CNNC_ARG_NONE = 0, CNNC_ARG_BOOL, CNNC_ARG_INT, CNNC_ARG_FLOAT, CNNC_ARG_STR, CNNC_ARG_TUPLE,
    CNNC_ARG_LIST, CNNC_ARG_DTYPE, CNNC_ARG_OTHER
} cnnc_arg_kind;

typedef struct cnnc_arg {
    cnnc_arg_kind kind;
    int32_t line, col;           /* where the argument's expression starts */
    int64_t i;                   /* BOOL, INT */
    double f;                    /* FLOAT */
    const char *s;               /* STR: the characters (not NUL-terminated); DTYPE: "float64";
                                  * OTHER: the Python type name ("Linear", "type", "list");
                                  * FLOAT: NULL, or a numpy scalar's type ("numpy.float64");
                                  * TUPLE: NULL, or "torch.Size" for a tensor's size */
    int32_t slen;
    int32_t n;                   /* TUPLE, LIST: items */
    const struct cnnc_arg *items;
} cnnc_arg;

/* Python's type name of an argument: "int", "float", "NoneType", ... */
const char *cnnc_arg_type_name(const cnnc_arg *a);
/* Python's repr() of an argument, for messages. */
void cnnc_arg_repr(const cnnc_arg *a, cnnc_strbuf *sb);
int cnnc_arg_is_int(const cnnc_arg *a);     /* int or bool */
int cnnc_arg_is_num(const cnnc_arg *a);     /* int, bool or float */
double cnnc_arg_num(const cnnc_arg *a);
int cnnc_arg_truthy(const cnnc_arg *a);
int cnnc_arg_str_is(const cnnc_arg *a, const char *s);

/* ---- state_dict entries ---- */
typedef enum cnnc_init { CNNC_INIT_FILL = 0, CNNC_INIT_UNIFORM } cnnc_init;

typedef struct cnnc_param_desc {
    const char *suffix;          /* "weight", "running_mean", ... */
    cnnc_param_role role;
    cnnc_dtype dtype;
    int32_t ndim;
    int64_t shape[5];   /* Conv3d's weight has 5 */
    cnnc_init init;              /* PyTorch's reset_parameters(): U(-v, v) or fill with v */
    float init_value;
} cnnc_param_desc;

#define CNNC_LAYER_MAX_PARAMS 40   /* an LSTM of 8 layer-directions with projections */

/* FLOPs and minimum bytes of one node at its batch geometry (profile), and
 * multiply-accumulates per sample (summary --details). */
typedef struct cnnc_layer_cost {
    double fwd_flops, bwd_flops, fwd_bytes, bwd_bytes;
    int64_t macs_per_sample;
} cnnc_layer_cost;

/* What a hint needs beyond the failing node: the model, the model's input,
 * and a way to write an edited layer as the line the user would change. */
typedef struct cnnc_hint_env {
    const cnnc_model *model;
    int32_t index;                     /* the failing node */
    const cnnc_shape *model_input;
    void (*edit_text)(const struct cnnc_hint_env *env, const cnnc_layer *edited, char *buf, size_t cap);
} cnnc_hint_env;

/* Flags */
#define CNNC_LAYER_KEEPS_SHAPE   0x1u  /* output shape == input shape: the trail looks past it */
#define CNNC_LAYER_BWD_NEEDS_IN  0x2u  /* backward reads its input */
#define CNNC_LAYER_BWD_NEEDS_OUT 0x4u  /* backward reads its output */
/* params are cnnc_expand_params whose sizes may name another input's dim: a front end
 * turns a size read from a tensor (x.size(0)) into that input (expand, repeat) */
#define CNNC_LAYER_SIZES_FROM_INPUTS 0x8u
/* PyTorch's module keeps its constructor's arguments as given and its functional form checks
 * them when the layer runs (the pools): a .py source's error in them is raised at the call */
#define CNNC_LAYER_ARGS_CHECKED_AT_CALL 0x10u

/* Where a functional form lives (layer_def.functional_in). */
#define CNNC_FN_NN_F   0x1u  /* torch.nn.functional.<name> (F.<name>) */
#define CNNC_FN_TORCH  0x2u  /* torch.<name> */
#define CNNC_FN_TENSOR 0x4u  /* Tensor.<name> (x.<name>(...), the tensor bound to the first parameter) */

typedef struct cnnc_layer_def {
    cnnc_layer_kind kind;
    const char *name;            /* PyTorch's class: "Conv2d"; for a kind that is only a
                                  * function (torch.cat, +), its name in messages: "cat" */
    const char *qualname;        /* the __init__ named in TypeErrors: "_MaxPoolNd" */
    const char *module;          /* torch.nn.modules.<module>.<name> */
    /* The constructor's parameters after self, as Python declares them, e.g.
     * "in_features, out_features, bias=True, device=None, dtype=None". */
    const char *signature;
    /* The functional form as Python declares it, e.g. "relu(input, inplace=False)"
     * (NULL: none), and where it lives (CNNC_FN_*). Tensor parameters come first;
     * the others bind by name to the constructor's parameters, so build() serves
     * both forms. A kind with no module class (torch.cat) has signature NULL. */
    const char *functional;
    unsigned functional_in;
    unsigned flags;
    /* Bound arguments (args[k] NULL: not given, the default applies; call is
     * the constructor name's position) into L->p, with PyTorch's checks. */
    cnnc_status (*build)(cnnc_layer *L, const cnnc_arg *const *args, const cnnc_arg *call, cnnc_error *err);
    /* state_dict entries in PyTorch's order; returns the count (<= CNNC_LAYER_MAX_PARAMS). NULL: none. */
    int32_t (*params)(const cnnc_layer *L, cnnc_param_desc *out);
    /* The shape rule: out shape and geometry from the inputs, PyTorch's checks. */
    cnnc_status (*shape)(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train,
                         cnnc_layer_shape *ls, cnnc_error *err);
    /* Bytes of per-node aux storage at this shape (argmax, mask, saved stats). NULL: none. */
    size_t (*aux_bytes)(const cnnc_layer *L, const cnnc_layer_shape *s);
    /* Cost; NULL: one FLOP per output element forward, per input element backward. */
    void (*cost)(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c);
    /* The constructor's arguments as canonical text (between the parentheses). */
    void (*render)(const cnnc_layer *L, cnnc_strbuf *sb);
    /* summary --details' "Kernel Shape" cell; NULL: "-". */
    void (*kernel_shape)(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb);
    /* The trail sentence for this node as the producer of a bad shape: how `who`
     * made `out` from `in` ("conv2 (Conv2d) made [..] from [..]; H = ..."). NULL:
     * "<who> made <out> from <in>". */
    void (*trail)(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb);
    /* A failed shape check on this node: fill err->hint (and err->fix); 1 if it did. */
    int (*hint)(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err);
    /* Apply a cnnc_fix that names this node; 1 if the layer changed. */
    int (*apply_fix)(cnnc_layer *L, const cnnc_fix *fix);
    /* The node as a Python expression over its inputs' names, for a model
     * file's forward() (cnnc convert). NULL: the module form "nn.<render>(in[0])";
     * a kind without a constructor must set it. */
    void (*expr)(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb);
    /* Constructor parameters PyTorch keeps as pairs (_pair): an int k is stored as
     * (k, k), as m.kernel_size reads. Space-separated names; NULL: none. */
    const char *pair_attrs;
    /* The same for _single (Conv1d): an int k is stored as (k,). */
    const char *single_attrs;
    /* The same for _triple (Conv3d): an int k is stored as (k, k, k). */
    const char *triple_attrs;
} cnnc_layer_def;

/* The definition of a kind (NULL for an out-of-range kind). */
const cnnc_layer_def *cnnc_layer_def_of(cnnc_layer_kind kind);
/* By PyTorch class name (len bytes of name); NULL if cnnc has no such kind. */
const cnnc_layer_def *cnnc_layer_def_find(const char *name, size_t len);

#define CNNC_DECLARE_LAYER_DEF_(E, stem) extern const cnnc_layer_def cnnc_layer_##stem;
CNNC_LAYER_KINDS(CNNC_DECLARE_LAYER_DEF_)
#undef CNNC_DECLARE_LAYER_DEF_

#ifdef __cplusplus
}
#endif
#endif
