/* interp.h — the one Python evaluator, shared by the model-file reader and
 * the .py reader: values, scopes, the interpreter's state, and the pieces its
 * files share (interp.c: statements and expressions; builtins.c: Python's
 * builtins; nn.c: nn.Module and its containers; torch.c: tensors and the
 * operations forward() calls, each recorded as a node of the layer graph).
 *
 * It runs the code people write model classes in, with Python's semantics
 * and Python's and PyTorch's exception texts. What it cannot follow it
 * refuses with CNNC_ERR_UNSUPPORTED naming the line: it never guesses. */
#ifndef CNNC_PY_INTERP_H
#define CNNC_PY_INTERP_H

#include <stdint.h>

#include "cnnc/model.h"
#include "cnnc/shape.h"
#include "layers/layer_def.h"
#include "py/ast.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ values */

typedef enum py_type {
    PV_UNBOUND = 0, PV_NONE, PV_BOOL, PV_INT, PV_FLOAT, PV_STR, PV_TUPLE, PV_LIST, PV_DICT, PV_SET, PV_RANGE,
    PV_SLICE, PV_ELLIPSIS, PV_FUNC, PV_BOUND, PV_BUILTIN, PV_CLASS, PV_OBJ, PV_MODULE, PV_TENSOR, PV_DTYPE,
    PV_TYPING, PV_PARTIAL, PV_SIZE, PV_EXC, PV_ITER, PV_PROPERTY, PV_STATICMETHOD, PV_CLASSMETHOD, PV_SUPER,
    PV_DEVICE,
    PV_OPAQUE         /* a real object cnnc does not model (torchvision.models, sys.modules ...): any use of
                       * it is refused naming the line; merely naming it is fine, as in Python */
} py_type;

typedef struct py_val {
    uint8_t t;        /* py_type */
    uint8_t big;      /* PV_INT: beyond int64 (OverflowError where PyTorch converts it) */
    uint16_t pad;     /* PV_LIST: PV_VIEW_* when it stands for a dict's keys(), values() or items() */
    int32_t prov;     /* PV_INT: where it came from, when that is a tensor's size: see PROV_* */
    union {
        int64_t i;    /* BOOL, INT */
        double f;     /* FLOAT */
        void *p;      /* everything on the heap */
    } u;
} py_val;

/* The dict views as lists that print and refuse indexing as Python's do. */
enum { PV_VIEW_NONE = 0, PV_VIEW_KEYS, PV_VIEW_VALUES, PV_VIEW_ITEMS };
/* PV_INT / PV_FLOAT: a numpy scalar (np.floor(x) is a numpy.float64, which has astype()
 * and is refused where PyTorch wants an int), by its numpy type. */
enum { PV_NP_NONE = 0, PV_NP_INT64 = 16, PV_NP_INT32, PV_NP_FLOAT64, PV_NP_FLOAT32 };
static inline int pv_is_np(const py_val *v) { return (v->t == PV_INT || v->t == PV_FLOAT) && v->pad >= PV_NP_INT64; }

/* An int's provenance: tensor id t's dim d, as CNNC_VIEW_DIM needs it. */
#define PROV_NONE (-1)
#define PROV_OF(tensor_node, dim) ((int32_t)((((uint32_t)(tensor_node) + 2u) << 4) | (uint32_t)(dim)))

typedef struct py_str { int32_t len; char s[]; } py_str;
typedef struct py_seq { int32_t n, cap; py_val *v; const struct py_ntuple *nt; } py_seq;   /* tuple, list, set, torch.Size */
/* A collections.namedtuple type; its instances are tuples whose py_seq.nt points here. */
typedef struct py_ntuple {
    const char *name;
    struct py_seq *fields;        /* str values */
    py_val defaults;              /* __new__.__defaults__: a tuple, or None */
    py_val field_defaults;        /* _field_defaults: from defaults= (a dict) */
    const char *new_qual;         /* "Block" of Block.__new__ in TypeErrors (a subclass keeps its base's) */
    struct py_class *cls;         /* class Sub(namedtuple(...)): the body's methods and attributes; NULL: none */
    const struct py_ntuple *parent;   /* the namedtuple a subclass derives from (isinstance) */
    py_val type;                  /* the type (a builtin calling nt_new); PV_UNBOUND until made (torch.return_types) */
} py_ntuple;
/* Insertion-ordered. `of`: an object's __dict__ (a copy of its attributes made at each
 * read), whose item assignments also set the object's attribute, as Python's does.
 * `mirror`: a module's _modules, _parameters or _buffers read as a copy, whose item
 * deletions reach the module too (del m._parameters['weight']); other changes are refused. */
typedef struct py_dict {
    int32_t n, cap;
    py_val *k, *v;
    struct py_obj *of;
    struct py_attrs *mirror;
    py_val default_factory;   /* collections.defaultdict's (PV_UNBOUND: a plain dict) */
} py_dict;
typedef struct py_range { int64_t start, stop, step; } py_range;
typedef struct py_slice { py_val lo, hi, step; } py_slice;

/* Attributes and scopes: symbol -> value, insertion-ordered. */
/* Names to values in order of first set. From ATTRS_INDEXED names on, a hash
 * index (ix: position + 1 by name, open addressing) is kept beside them, valid
 * while ix_n == n: namespaces like torch's hold hundreds of names. */
typedef struct py_attrs {
    int32_t n, cap;
    py_sym *k;
    py_val *v;
    int32_t *ix;
    int32_t ix_cap, ix_n;
} py_attrs;

typedef struct py_frame py_frame;
typedef struct py_class py_class;
typedef struct interp interp;

typedef struct py_func {
    const py_node *def;           /* PY_S_DEF or PY_E_LAMBDA */
    py_val *defaults;             /* per parameter (PV_UNBOUND: none) */
    py_frame *closure;            /* the frame it was defined in (NULL: module level) */
    py_attrs *globals;
    py_class *owner;              /* the class whose body defined it (for super()) */
    const char *qualname;         /* "Net.__init__" */
    struct py_source *src;        /* the source it came from */
    int abstract;                 /* @abc.abstractmethod: its class cannot be instantiated */
    int grad_mode;                /* @torch.no_grad() 1, @torch.enable_grad() 2: the mode it runs in; 0 the caller's */
} py_func;

typedef struct py_bound { py_val self; py_val fn; } py_bound;

/* A native function: f(I, self, args, n, kwnames, kwvals, n_kw, out) -> 0 ok, else a raised exception. */
typedef int (*py_native)(interp *I, py_val self, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv,
                         int32_t n_kw, py_val *out);
typedef struct py_builtin {
    const char *name;
    py_native fn;
    py_val self;                  /* bound receiver (PV_UNBOUND: none) */
    const void *data;             /* e.g. the layer definition of a torch function */
    int data2;                    /* e.g. PY_CUDA_TENSOR_TYPE */
} py_builtin;
/* data2 of torch.cuda.FloatTensor and kin: a type no CPU tensor is an instance of */
#define PY_CUDA_TENSOR_TYPE 7

/* Which built-in behaviour a class carries (its nearest built-in base). */
typedef enum py_base {
    PB_OBJECT = 0, PB_MODULE, PB_SEQUENTIAL, PB_MODULELIST, PB_MODULEDICT, PB_LAYER, PB_EXCEPTION,
    PB_PARAMETERLIST
} py_base;

struct py_class {
    const char *name;
    const char *qualname;
    const char *module;           /* "torch.nn.modules.conv" for built-in layers, else the source's */
    py_class **bases;             /* direct bases (C3 not needed for the code models use) */
    int32_t n_bases;
    py_attrs dict;
    py_base base;
    const cnnc_layer_def *layer;  /* PB_LAYER: the registry's definition */
    const char *exc_name;         /* PB_EXCEPTION: the exception's type name */
    int user;                     /* defined in Python source */
    struct py_source *src;        /* the source that defined it */
    int32_t line;                 /* its `class` line */
    const char *opaque_base;      /* a base cnnc does not model (constructing it is refused) */
    py_attrs annotations;         /* its body's `name: annotation` lines, in order (dataclasses) */
    py_class **mro;               /* user classes: the C3 linearisation, itself first (no object) */
    int32_t n_mro;
    int abc;                      /* ABCMeta is its metaclass (abc.ABC in its MRO, or metaclass=ABCMeta) */
    int is_enum;                  /* an enum.Enum: 1 its members are followed, 2 a mixin or a Flag (refused) */
};

/* Module state of an nn.Module instance. */
typedef struct py_nn {
    int initialized;              /* Module.__init__ ran */
    py_attrs children;            /* _modules, in registration order */
    py_attrs params;              /* _parameters of this module (user modules: nn.Parameter attributes) */
    py_attrs buffers;
    int nonpersistent;            /* a buffer registered with persistent=False (not in state_dict) */
    int training;
    /* PB_LAYER */
    cnnc_layer layer;             /* kind and parameters from the constructor */
    const char *call_error_type;  /* CNNC_LAYER_ARGS_CHECKED_AT_CALL: the constructor's arguments' */
    const char *call_error;       /* error, raised when the layer runs (NULL: none) */
    int call_error_status;        /* its cnnc_status (CNNC_ERR_UNSUPPORTED: refused there) */
    int backward_hook_kind;       /* register_backward_hook 1, register_full_backward_hook 2, none 0 */
    py_val forward_hooks;         /* register_forward_hook's: a dict handle id -> hook (PV_UNBOUND: none yet) */
    py_val forward_pre_hooks;     /* register_forward_pre_hook's, the same */
    int32_t ctor_line, ctor_col, ctor_begin, ctor_end; /* where it was constructed */
    struct py_source *ctor_src;
    /* graph bookkeeping during a trace */
    const char *path;             /* state_dict prefix ("layer1.0.conv1"), set when a trace starts */
    int32_t owner_node;           /* the node that owns its parameters (-1: not yet called) */
    int32_t module_id;            /* registration order among the root's modules */
    uint32_t walk_mark;           /* the last module walk that listed it (interp.walk_epoch) */
    int spectral_norm;            /* nn.utils.spectral_norm was applied (its nodes get CNNC_NODE_SPECTRAL_NORM) */
    int weight_norm;              /* nn.utils.weight_norm was applied (CNNC_NODE_WEIGHT_NORM) */
} py_nn;

typedef struct py_obj {
    py_class *cls;
    py_attrs attrs;
    py_nn *nn;                    /* nn.Module instances */
    const char *exc_msg;          /* exception instances: str(e) */
} py_obj;

/* A symbolic tensor: its shape, and the graph node that makes it. */
#define TENSOR_CONST (-1000000)   /* made from constants (torch.zeros, a parameter): no node */
/* What cnnc knows of a constant's values, in row-major order, shared by the views of one
 * storage (x.data, nn.Parameter(x), x.numpy()): every element equal (torch.ones, np.zeros),
 * start, start + step ... (torch.arange; np.argwhere of a vector of ones), or torch.linspace's float32 values. An in-place change through any of them
 * forgets it (kind 0), so a stale value is never read: network slimming's channel_selection
 * reads np.argwhere(self.indexes.data.cpu().numpy()) of a Parameter of torch.ones, vision
 * transformers [x.item() for x in torch.linspace(0, drop_path_rate, depth)]. */
enum { KNOWN_NONE = 0, KNOWN_FILL, KNOWN_ARANGE, KNOWN_LINSPACE,
       KNOWN_VALUES   /* every value, in `vals` (small int constants through views and arithmetic:
                       * Swin's relative_position_index, then an index whose bound is certain) */ };
typedef struct py_known {
    int kind;
    double fill;          /* FILL: the value; ARANGE and LINSPACE: the start */
    double step;          /* ARANGE: the step; LINSPACE: the end */
    int64_t count;        /* LINSPACE: steps; VALUES: how many */
    int is_int;           /* the values are ints (item() gives an int) */
    double *vals;         /* VALUES */
} py_known;
#define PY_KNOWN_VALUES_MAX 65536   /* the most elements whose values are kept one by one */
/* 0, 1, 2 ... (np.argwhere of a vector of ones) */
static inline int py_known_iota(const py_known *k) { return k->kind == KNOWN_ARANGE && k->fill == 0.0 && k->step == 1.0; }
/* The known value at flat index i. */
double py_known_at(const py_known *k, int64_t i);


typedef struct py_tensor {
    cnnc_shape shape;
    int32_t node;                 /* node index, CNNC_INPUT_REF(k), or TENSOR_CONST */
    int32_t id;                   /* unique per trace, for provenance */
    int is_param;                 /* a parameter or buffer of a module */
    int param_view;               /* an indexing view of a parameter that requires grad (w[:, 0]) */
    int is_indices;               /* the indices of torch.max(x, dim): int64, a shape only */
    int64_t index_bound;          /* indices: every value is below this (the reduced dim's size); 0 unknown */
    int index_bound_met;          /* ... and the largest value is index_bound - 1 (torch.arange's) */
    int known_float;              /* a constant known to hold floats (indices after .float()) */
    int is_mask;                  /* a bool tensor: a comparison's result, x.bool() */
    int mask_known;               /* a mask known all True (1) or all False (-1); 0: unknown */
    int is_complex;               /* complex64 (torch.cfloat, torch.fft's results): a constant */
    int is_numpy;                 /* a numpy array (np.zeros, np.ogrid): a constant indexed by numpy's rules */
    struct py_nn *owner;          /* a layer module's parameter: that module (F.conv2d(x, self.weight)) */
    int64_t index_plane;          /* MaxPool2d's indices: H*W of the plane they index (0: unknown) */
    /* A view's strides in elements (transpose, permute, narrow, expand ...), which decide
     * whether view() can reshape it; strided 0: contiguous (the strides are not kept). */
    int strided;
    int64_t stride[CNNC_MAX_DIMS];
    py_attrs *extra;              /* attributes model code sets on it (w.lr_coef = 0.5); NULL: none */
    /* A one-element constant whose value cnnc knows (torch.tensor(2.5), its ceil): item() and
     * int() read it. value_kind: 0 unknown, else the dtype's kind (PV_INT, PV_FLOAT, PV_BOOL). */
    int value_kind;
    double value;
    py_known *known;              /* NULL: values unknown */
} py_tensor;

typedef struct py_module_ns {     /* a Python module (torch, torch.nn, math, a sibling source) */
    const char *name;
    py_attrs *attrs;
    int (*getattr)(interp *I, struct py_module_ns *m, py_sym name, py_val *out); /* lazy members; 0 found */
    int is_source;                /* a sibling .py: all its names are known */
} py_module_ns;

typedef struct py_opaque { const char *name; } py_opaque;   /* its dotted name, for the refusal */

typedef struct py_partial { py_val fn; py_val *args; int32_t n; py_sym *kw; py_val *kwv; int32_t n_kw; } py_partial;
typedef struct py_super { py_class *start; py_val self; } py_super;
typedef struct py_iter { py_val seq; int64_t i; } py_iter;

/* ------------------------------------------------------------------ scopes */

struct py_frame {
    py_attrs locals;
    py_frame *closure;            /* the enclosing function's frame */
    py_attrs *globals;
    const py_scope_info *scope;   /* a function's static locals (UnboundLocalError) */
    py_class *cls;                /* the class whose method this is (zero-argument super()) */
    py_val first_arg;             /* the method's first argument (zero-argument super()) */
    struct py_source *src;
    const char *fn_name;          /* for messages */
    int module_level;             /* a module's body: names are its globals */
};

/* One parsed source file (the main one, or a sibling it imports). */
typedef struct py_source {
    py_module mod;
    char *text;
    size_t len;
    char path[256];
    py_attrs globals;
    int executed;                 /* its module body ran (imports of it are cached) */
    int star_nn;                  /* `from torch.nn import *` ran in it */
    char *star_refused;           /* a `from X import *` cnnc could not follow: why (its names are unknown) */
    struct py_source *next;
} py_source;

/* ------------------------------------------------------------ exceptions */

/* What stopped execution: a Python exception (type + message) at a place. */
typedef struct py_error {
    int raised;
    cnnc_status status;           /* CNNC_ERR_SHAPE for PyTorch's shape errors, PARSE for Python's,
                                   * UNSUPPORTED for code cnnc cannot follow */
    char type[32];
    char message[CNNC_ERR_TEXT];
    int32_t line, col;
    struct py_source *src;
    py_val value;                 /* the exception object, for `except ... as e` */
    cnnc_error shape;             /* a shape error's full record (trail, hint, fix) */
    int has_shape;
} py_error;

/* ------------------------------------------------------------- the graph */

typedef struct py_node_info {
    int32_t module_id;            /* the module called (-1: a function) */
    int32_t call_line, call_col;
    struct py_source *src;
} py_node_info;

/* A module call, for torchsummary's rows (recorded when the call returns). */
typedef struct py_call_row {
    const char *class_name;
    int32_t n_out;                /* outputs (tuples give several) */
    cnnc_shape out[4];
    int64_t params, trainable;
    const char *hook_fail_type;   /* torchsummary's hook calls .size() on this type (a None in a tuple) */
} py_call_row;

typedef struct py_graph {
    cnnc_layer *nodes;
    int32_t n, cap;
    int32_t *edges;
    int32_t n_edges, cap_edges;
    py_node_info *info;
    int32_t cap_info;
    cnnc_layer_shape *shapes;     /* each node's shape at the traced input */
    int32_t cap_shapes;
    py_call_row *rows;
    int32_t n_rows, cap_rows;
    int32_t next_tensor_id;
    struct py_tensor **by_id;     /* every tensor by its id: a size's provenance names its tensor */
    int32_t cap_by_id;
    int shape_dependent;          /* line where forward baked a size into the graph (0: none) */
    int shape_dependent_const;    /* ... by an operand not made from the input (a parameter used directly) */
} py_graph;

/* ------------------------------------------------------------ interpreter */

struct interp {
    py_arena *arena;
    py_symtab *syms;
    py_source *sources;           /* the main source first */
    py_source *cur_src;
    /* where model code called into cnnc's own Python (a prelude: "<cnnc>/..."), so that an error
     * raised inside is placed at the model's line; src NULL: not inside one */
    struct { py_source *src; int32_t line, col; } model_site;
    const char *dir;              /* the main source's directory (sibling imports) */
    cnnc_error *err;
    py_error ex;
    int64_t steps, max_steps;     /* statements run: a bound against endless loops */
    int depth;                    /* call depth: Python's RecursionError */
    int32_t line, col;            /* the statement running (for errors without a node) */
    const py_node *at;            /* the expression being evaluated */
    py_frame *frame;              /* the frame a native function was called from (super()) */
    const py_builtin *callee;     /* the native function being called (its name and data) */
    py_val ret;                   /* a return statement's value */
    py_val gen_items;             /* the running generator function's yields (PV_UNBOUND: none running) */
    /* frequently used symbols */
    py_sym s_init, s_forward, s_self, s_training, s_call, s_name, s_class, s_dict, s_weight, s_bias;
    /* the built-in namespace and modules */
    py_attrs builtins;
    py_module_ns *m_torch, *m_nn, *m_f, *m_init, *m_math, *m_typing, *m_collections, *m_functools, *m_numpy,
        *m_torch_utils, *m_sys, *m_nn_utils, *m_logging, *m_nn_utilities,
        *m_collections_abc, *m_torch_functional,
        *m_distributions,         /* torch.distributions (torch_distributions.c), loaded on first use */
        *m_argparse,              /* argparse.Namespace (stdlib_argparse.c), loaded on first use */
        *m_os, *m_os_path,        /* os.path's file tests and join (stdlib_os.c), loaded on first use */
        *m_torch_hooks,           /* torch.utils.hooks.RemovableHandle (nn.c), loaded on first use */
        *m_dataclasses,           /* dataclasses (stdlib_dataclasses.c), loaded on first use */
        *m_itertools,             /* itertools (stdlib_itertools.c), loaded on first use */
        *m_quantization,          /* torch.quantization (torch_quantization.c), loaded on first use */
        *m_types,                 /* types.SimpleNamespace (stdlib_types.c), loaded on first use */
        *m_deque,                 /* the source of collections.deque (stdlib_deque.c), loaded on first use */
        *m_abc,                   /* abc (stdlib_abc.c), loaded on first use */
        *m_enum,                  /* enum (stdlib_enum.c), loaded on first use */
        *m_operator,              /* operator (stdlib_operator.c), loaded on first use */
        *m_re,                    /* re (stdlib_re.c), loaded on first use */
        *m_fft;                   /* torch.fft (torch_fft.c) */
    py_module_ns *m_optim;        /* torch.optim: optimizers a constructor may build (torch_functions.c) */
    py_class *c_autograd_ctx;     /* the ctx of a torch.autograd.Function's forward */
    py_class *c_module, *c_sequential, *c_modulelist, *c_moduledict, *c_object, *c_exception, *c_parameter;
    py_class *c_script_module;    /* torch.jit.ScriptModule: its forward's errors are TorchScript's */
    py_val none_type;             /* type(None), made on first use (PV_UNBOUND before) */
    py_class *c_layer[CNNC_LAYER_KIND_COUNT];
    struct { const char *key; int32_t len; struct py_sig *sig; } sig_cache[256];   /* py_sig_cached, open addressing */
    /* tracing */
    py_graph g;
    struct py_source *nn_python[7];   /* the sources of torch.nn's classes written in Python (nn_transformer.c) */
    struct py_source *loss_python;    /* torch_loss.c's losses, once named */
    int32_t n_dataclass_inits;    /* the __init__ sources stdlib_dataclasses.c wrote (bounded) */
    int tracing;
    int backward_seen;            /* a module-level x.backward() ran: parameters' .grad are tensors cnnc does not follow */
    int no_grad;                  /* inside torch.no_grad() (a with block, a decorated function, forward as the
                                   * oracle runs it): in-place writes into parameters are allowed */
    int32_t frozen_line;          /* where the model set requires_grad False on a parameter (0: never):
                                   * the engines train every parameter, so they refuse it */
    int inplace;                  /* the binary operation being evaluated is an augmented assignment */
    int augmented;                /* ... of any values: its TypeError names the operator as `+=` */
    int class_call;               /* the function being called is a class's __init__, called through the class */
    int model_file;               /* reading a .cnn model file (its own rules) */
    py_val root;                  /* the model being traced */
    int32_t n_modules;
    uint32_t walk_epoch;          /* module walks so far: a module is listed once per walk */
};

/* ---- values ---- */
static inline py_val pv_none(void) { py_val v = {PV_NONE, 0, 0, PROV_NONE, {0}}; return v; }
static inline py_val pv_unbound(void) { py_val v = {PV_UNBOUND, 0, 0, PROV_NONE, {0}}; return v; }
static inline py_val pv_bool(int b) { py_val v = {PV_BOOL, 0, 0, PROV_NONE, {0}}; v.u.i = b ? 1 : 0; return v; }
static inline py_val pv_int(int64_t i) { py_val v = {PV_INT, 0, 0, PROV_NONE, {0}}; v.u.i = i; return v; }
static inline py_val pv_float(double f) { py_val v = {PV_FLOAT, 0, 0, PROV_NONE, {0}}; v.u.f = f; return v; }
static inline py_val pv_ptr(py_type t, void *p) { py_val v = {(uint8_t)t, 0, 0, PROV_NONE, {0}}; v.u.p = p; return v; }

py_val pv_str(interp *I, const char *s, size_t n);
py_val pv_cstr(interp *I, const char *s);
py_val pv_seq(interp *I, py_type t, int32_t n);   /* tuple/list/set/size of n PV_NONE items */
py_val pv_dict(interp *I);
py_val pv_builtin(interp *I, const char *name, py_native fn, py_val self, const void *data, int data2);
py_val pv_tensor(interp *I, const cnnc_shape *shape, int32_t node);
/* A new tensor object with x's fields (its own id): .data, .contiguous(), .float() change one. */
py_val pv_tensor_copy(interp *I, const py_tensor *x);
/* x's known values (NULL: none), and giving x a new record of them. */
const py_known *py_tensor_known(const py_tensor *x);
int py_tensor_set_known(interp *I, py_tensor *x, int kind, double fill);
/* x's own record, a copy of k (another storage with the same values) */
int py_tensor_copy_known(interp *I, py_tensor *x, const py_known *k);
/* x's values one by one (numel <= PY_KNOWN_VALUES_MAX): an arena array, or NULL. */
const double *py_known_values(interp *I, const py_tensor *x);
/* x's values are these (copied into a new record); -1 raised. */
int py_tensor_set_values(interp *I, py_tensor *x, const double *v, int64_t n, int is_int);
/* The values of a constant made by a view, copy, cat, sum or add/sub/mul of constants
 * whose values are known (torch_known_values.c): 1 set on out, 0 not, -1 raised. */
int py_known_through_op(interp *I, const cnnc_layer *L, const cnnc_layer_shape *ls, const py_val *inputs, int32_t n_in,
                        py_tensor *out);
/* The least and greatest of x's values where cnnc knows them: 1, else 0. */
int py_known_bounds(const py_tensor *x, double *lo, double *hi);
/* dst holds elements of src (a flip, a pick): src's dtype flags and its indices' bound (whether the
 * bound is met, and numpy-ness, are the caller's to say) */
void py_tensor_same_elements(py_tensor *dst, const py_tensor *src);
/* an in-place write through x (x.fill_, x[i] = v, x += y): its storage's values are forgotten */
void py_tensor_forget_values(py_tensor *x);
py_val pv_opaque(interp *I, const char *name);
/* Refuse a use of an opaque value ("cnnc cannot follow torchvision.models.resnet18"). Returns -1. */
int py_opaque_use(interp *I, py_val v);

static inline py_str *pv_as_str(py_val v) { return (py_str *)v.u.p; }
static inline py_seq *pv_as_seq(py_val v) { return (py_seq *)v.u.p; }
static inline py_dict *pv_as_dict(py_val v) { return (py_dict *)v.u.p; }
static inline py_obj *pv_as_obj(py_val v) { return (py_obj *)v.u.p; }
static inline py_tensor *pv_as_tensor(py_val v) { return (py_tensor *)v.u.p; }
static inline py_class *pv_as_class(py_val v) { return (py_class *)v.u.p; }
static inline int pv_is_int(py_val v) { return v.t == PV_INT || v.t == PV_BOOL; }
static inline int pv_is_num(py_val v) { return v.t == PV_INT || v.t == PV_BOOL || v.t == PV_FLOAT; }
static inline int pv_is_seq(py_val v) { return v.t == PV_TUPLE || v.t == PV_LIST || v.t == PV_SIZE; }

int py_seq_push(interp *I, py_val seq, py_val item);  /* 0 ok */
int py_dict_set(interp *I, py_val dict, py_val key, py_val v);
int py_dict_get(interp *I, py_val dict, py_val key, py_val *out); /* 1 found, 0 not, -1 raised */

/* attrs */
/* After editing a->k in place (renumbering a ModuleList): the index is rebuilt. */
static inline void py_attrs_unindex(py_attrs *a) { a->ix_n = -1; }
py_val *py_attrs_find(py_attrs *a, py_sym k);
int py_attrs_set(interp *I, py_attrs *a, py_sym k, py_val v);
int py_attrs_del(py_attrs *a, py_sym k);

/* Python's type name of a value ("int", "Linear", "Tensor", "NoneType") */
const char *py_type_name(const py_val *v);
/* Python's str() and repr() into a string builder */
void py_repr(interp *I, py_val v, cnnc_strbuf *sb);
void py_str_of(interp *I, py_val v, cnnc_strbuf *sb);
/* Before deleting `key` from d (del d[key], d.pop(key)): the same deletion from what d
 * mirrors (a module's _parameters), or a refusal where cnnc cannot follow it. -1 raised. */
int py_dict_delete_through(interp *I, const py_dict *d, py_val key);
/* The dicts and sets are lists scanned with py_equal, the scan charged as steps: the index
 * of an item equal to `item` (-1 absent, -2 raised), of a dict's key; removing entry i (-1
 * raised); adding v to a set where no equal item is (-1 raised). */
int32_t py_items_find(interp *I, const py_val *items, int32_t n, py_val item);
int32_t py_dict_find(interp *I, const py_dict *d, py_val key);
int py_dict_remove_at(interp *I, py_dict *d, int32_t i);
int py_set_add(interp *I, py_val set, py_val v);
extern const char *const py_list_methods[];   /* list's methods cnnc follows, NULL-ended (builtins_methods.c) */
/* a set's union, intersection, difference, symmetric_difference, issubset, issuperset or
 * isdisjoint with an iterable (builtins_methods.c) */
int py_set_binop(interp *I, const char *name, py_val a, py_val b, py_val *out);
/* A replacement field's value, as format() writes it: conversion conv ('r', 's' or 0)
 * and format spec (spec_len bytes). The specs printf has (sign, #, 0, width,
 * precision; types d f e g F E G %) are followed; others are refused. -1 raised. */
int py_format_value(interp *I, py_val v, char conv, const char *spec, int32_t spec_len, cnnc_strbuf *sb);
int py_truthy(interp *I, py_val v, int *out);     /* 0 ok, else raised */
int py_equal(interp *I, py_val a, py_val b);       /* ==, for keys and `in` (its work charged as steps) */
int py_str_name_chars(const py_str *s);            /* 1: only ASCII letters, digits and '_' */
/* Work inside one statement (elements compared, scanned or moved, bytes searched) counts
 * against the same bound as statements, so no input runs unboundedly long: 0, or -1 with
 * cnnc's refusal once past the bound. py_charge(I, 0) asks whether a comparison passed it. */
int py_charge(interp *I, int64_t units);

/* ---- errors ---- */
/* Raise a Python exception at the current place. Returns -1 (for `return py_raise(...)`). */
int py_raise(interp *I, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Code cnnc cannot follow, at the current place. Returns -1. */
int py_unsupported(interp *I, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int py_nomem(interp *I);
/* Grow an arena array to hold `need` elements (doubling); raises MemoryError and returns -1 when it cannot. */
int py_grow(interp *I, void **p, int32_t *cap, int32_t need, size_t elem);
/* The same without zeroing the new part: for arrays whose every element is written before it is read. */
int py_grow_uninit(interp *I, void **p, int32_t *cap, int32_t need, size_t elem);
/* A PyTorch shape error from the shape pass's record, at the current place. */
int py_raise_shape(interp *I, const cnnc_error *e);

/* ---- calls ---- */
int py_call(interp *I, py_val fn, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
            py_val *out);
/* obj.name(*args), as the model's code would call it */
int py_call_method(interp *I, py_val obj, const char *name, const py_val *args, int32_t n, py_val *out);
int py_getattr(interp *I, py_val obj, py_sym name, py_val *out);
int py_setattr(interp *I, py_val obj, py_sym name, py_val v);
int py_none_type(interp *I, py_val *out);            /* type(None): NoneType, which is no builtin name */
int py_delattr(interp *I, py_val obj, py_sym name);
/* builtins.c: a dict of those names and values (globals(), a module's __dict__): a copy */
int py_names_dict(interp *I, const py_attrs *a, py_val *out);
/* nn_layers.c: a layer class's own class attribute (nn.Embedding.from_pretrained); 1 when cnnc has none */
int py_layer_class_attr(interp *I, const py_class *c, const char *name, py_val *out);   /* del obj.name; refused where cnnc cannot */
/* Bind arguments to a user function's parameters into a fresh frame's locals (CPython's TypeErrors). */
int py_bind_args(interp *I, const py_func *f, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv,
                 int32_t n_kw, py_frame *frame);
/* Bind against a signature given as text ("in_features, out_features, bias=True, ...") into
 * one value per parameter (PV_UNBOUND: not given); `qual` names the function in TypeErrors. */
int py_bind_signature(interp *I, const char *signature, const char *qual, int method, const py_val *args, int32_t n,
                      const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *bound, int32_t *n_params,
                      const char *names[], int32_t max);
/* A signature text parsed once per interpreter (a registry kind's constructor or
 * functional): its parameter names, kinds, interned names and default texts. */
typedef struct py_sig {
    int32_t n;
    const char **names;
    uint8_t *kinds, *has_def;
    py_sym *syms;
    const char **def_text;        /* the default as written ("None", "1", "'zeros'"); NULL: none */
    int32_t *def_len;
} py_sig;
/* The parse of text[0..len) (len < 0: up to its NUL), cached under the text's
 * address and length, which must stay valid and unchanged (a registry string). NULL: a
 * Python error was raised (no memory). */
const py_sig *py_sig_cached(interp *I, const char *text, int32_t len);
/* py_bind_signature against a parsed signature. */
/* Whose words a binding error takes: CPython's, or PyTorch's C++ argument parser's for a
 * function of one form (`missing 1 required positional arguments: "kernel_size"`) or of
 * possibly several (it lists them: only an unknown keyword is worded, the rest refused). */
typedef enum py_binder { PY_BINDER_PYTHON = 0, PY_BINDER_CPP, PY_BINDER_CPP_OVERLOADED } py_binder;
int py_bind_sig_as(interp *I, const py_sig *sig, const char *qual, int method, py_binder binder, const py_val *args,
                   int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *bound);
int py_bind_sig(interp *I, const py_sig *sig, const char *qual, int method, const py_val *args, int32_t n,
                const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *bound);
int py_iterate(interp *I, py_val v, py_val **items, int32_t *n);   /* materialise an iterable */
int py_binop(interp *I, int op, py_val a, py_val b, py_val *out);
int py_compare(interp *I, int cmp, py_val a, py_val b, int *out);
int py_int_of(interp *I, py_val v, int64_t *out);                 /* __index__ */
int py_tensor_index(interp *I, py_val v, int64_t *out);           /* Tensor.__index__ (access.c) */
int py_tensor_invert(interp *I, py_val v, py_val *out);          /* ~x (torch_tensor.c) */
int py_getitem(interp *I, py_val obj, py_val key, py_val *out);
int py_isinstance(interp *I, py_val v, py_val cls, int *out);
py_class *py_class_of(interp *I, py_val v);                         /* NULL for non-object values */
int py_class_is(const py_class *c, const py_class *base);

/* ---- modules and builtins (builtins.c) ---- */
int py_builtins_init(interp *I);
/* An attribute of super(T) (one argument): its __init__(type, obj). */
int py_super_unbound_attr(interp *I, py_sym name, py_val *out);
int py_raise_if_no_file(interp *I, py_val path);   /* stdlib_os.c: a str's path: FileNotFoundError 0, -1 out of memory, else 1 */
/* T.__init__ of a builtin type T (callee data: "object", "list" ...): object's is a no-op */
int py_builtin_type_init(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                   py_val *out);
py_module_ns *py_module_new(interp *I, const char *name);
int py_module_set(interp *I, py_module_ns *m, const char *name, py_val v);

/* ---- nn (nn.c) ---- */
int py_nn_init(interp *I);
py_class *py_class_new(interp *I, const char *name, py_base base, py_class *parent);
/* The module state of an nn.Module value (NULL when it is not one). */
py_nn *py_nn_of(py_val v);
/* module.train(mode) over m and its children, as PyTorch's train(): the training flags, and a
 * `training` attribute the constructor assigned. 0, or -1 raised. */
int py_nn_set_training(interp *I, py_val m, int mode);
/* del seq[i] / del module_list[i] (nn_containers.c): 0 done, -1 raised, 1 obj is no such container */
int py_nn_container_delitem(interp *I, py_val obj, py_val key);
/* Call a module: forward through __call__, recording torchsummary's row. */
int py_nn_call(interp *I, py_val mod, const py_val *args, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
               py_val *out);
/* Give every module under the root its state_dict path, in named_modules order. */
int py_nn_assign_paths(interp *I, py_val root);
/* nn.Module's attribute lookup after the instance dict: _modules, _parameters, _buffers. */
/* Make every registry kind's module class now (they are otherwise made on first use): for
 * `from torch.nn import *` and model files. */
int py_nn_layer_classes(interp *I);
int py_nn_getattr(interp *I, py_obj *o, py_sym name, py_val *out);  /* 1 found, 0 not, -1 raised */
int py_nn_setattr(interp *I, py_obj *o, py_sym name, py_val v);    /* 1 handled, 0 plain, -1 raised */

/* ---- torch (torch.c) ---- */
int py_torch_init(interp *I);
/* torch.nn.utils (nn_utils.c), after torch.nn */
int py_nn_utils_init(interp *I);
/* Record a node of `kind` reading `inputs`, run its shape rule, and give the
 * result tensor (raises PyTorch's shape error at the current place). */
int py_trace_op(interp *I, cnnc_layer_kind kind, const cnnc_layer_params *params, const py_val *inputs, int32_t n_in,
                py_nn *module, const char *fn_name, py_val *out);
/* What PyTorch checks on a layer module's input that its shape does not show (the dtype of
 * Embedding's indices, the strides of Linear's input): -1 with the error raised, else 0. */
int py_layer_input_check(interp *I, const cnnc_layer *L, py_val input);
/* torch_pool.c: after a node of `kind` on `input`, a max pool with return_indices turns
 * *out into (values, indices), the indices a shape only (returns -1 on error, else 0);
 * nn.MaxUnpool2d's forward(input, indices, output_size=None). */
/* cnnc models a PyTorch built without CUDA (torch.cuda.is_available() is False): a CUDA
 * device ("cuda", "cuda:0", an int index) raises PyTorch's AssertionError when a tensor or
 * module is moved there or made on it (torch_functions.c). py_is_cuda_device says whether
 * a device argument names one; py_raise_no_cuda raises the error (returns -1). */
int py_is_cuda_device(py_val v);
int py_raise_no_cuda(interp *I);
/* .to(...) / a factory's arguments: PyTorch's AssertionError if a positional argument or
 * device= names a CUDA device (returns -1), else 0. */
int py_refuse_cuda_args(interp *I, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw);
int torch_pool_with_indices(interp *I, cnnc_layer_kind kind, const cnnc_layer_params *p, py_val input, py_val *out);
/* F.conv2d(input, weight, bias, stride, padding, dilation, groups) and F.linear(input, weight,
 * bias) as natives (self unused): a module's own weight, or a tensor (torch_conv.c). */
int torch_f_conv2d(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int torch_f_conv3d(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int torch_f_conv1d(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int torch_f_linear(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
/* numpy_arrays.c: np.ogrid[...] (the subscript of numpy.ogrid), a numpy array indexed with
 * ranges or int lists, np.zeros/ones/empty, np.arange, np.meshgrid, np.stack and
 * torch.from_numpy. -1 raised. */
int py_numpy_ogrid(interp *I, py_val key, py_val *out);
/* numpy.ogrid itself: a builtin whose call raises; subscripting it is py_numpy_ogrid */
int builtin_np_ogrid_call(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int py_numpy_index(interp *I, const py_tensor *x, py_val key, py_val *out);
/* ndarray.repeat(repeats, axis=None), numpy's meaning (numpy_arrays.c) */
int py_ndarray_repeat(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int builtin_np_filled(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int builtin_np_eye(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
/* A constant tensor of a (nested) list's or tuple's shape, as torch.tensor(data) reads it (torch_values.c). */
int torch_tensor_from_data(interp *I, py_val data, py_val *out);
int builtin_np_array(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int builtin_np_reshape(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int builtin_np_arange(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int builtin_from_numpy(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int builtin_np_meshgrid(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int builtin_np_stack(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out);
int torch_unpool_module(interp *I, py_nn *nn, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                        py_val *out);
/* torch_rnn.c: an nn.RNN / LSTM / GRU module's forward(input, hx=None) */
int torch_rnn_module(interp *I, py_nn *module, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                     py_val *out);
/* Tensor attributes and methods (x.shape, x.view ...). */
int py_tensor_getattr(interp *I, py_val t, py_sym name, py_val *out);
int py_tensor_binop(interp *I, int op, py_val a, py_val b, int reflected, py_val *out);
int py_tensor_getitem(interp *I, py_val t, py_val key, py_val *out);
int py_tensor_setitem(interp *I, py_val t, py_val key, py_val v);
/* A constant of a and b's broadcast shape (the binary ops' rule and words): x < y's mask,
 * 2 ** arange(...), torch.normal(mean, std) of two tensors. */
int py_tensor_broadcast_const(interp *I, py_val a, py_val b, py_val *out);
/* a < b (PY_CMP_*) with a tensor among them: a bool mask of the broadcast shape (interp_expr.c) */
int py_tensor_compare(interp *I, int op, py_val a, py_val b, py_val *out);
/* item(), int(x), float(x): a one-element tensor's value where cnnc knows it (torch_values.c). */
int py_tensor_scalar(interp *I, py_val t, const char *what, py_val *out);
/* a numpy scalar's astype() and item() (builtins_modules.c), its other attributes refused: 0 found, -1 error */
int py_numpy_scalar_attr(interp *I, py_val obj, py_sym name, py_val *out);
/* collections.abc's classes (builtins.c), and isinstance with one of them (call.c): 0
 * answered, 1 a value cnnc cannot place */
int builtin_abc_class(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                      py_val *out);
int py_abc_isinstance(interp *I, py_val v, const char *abc, int *out);
/* A namedtuple type's or instance's attributes (builtins_namedtuple.c): 0 found, 1 not a
 * namedtuple (or a tuple method), -1 raised; setattr: __new__.__defaults__; repr: P(a=1)
 * (1: not a namedtuple). */
int py_namedtuple_attr(interp *I, py_val obj, py_sym name, py_val *out);
int py_namedtuple_setattr(interp *I, py_val obj, py_sym name, py_val v);
int py_namedtuple_repr(interp *I, py_val v, cnnc_strbuf *sb);
/* class Sub(namedtuple(...)): the type Sub names, a namedtuple of the base's fields whose
 * instances find the body's methods; -1 raised. py_namedtuple_base: the namedtuple a base
 * value is, or NULL. py_namedtuple_isinstance: 1 if v is an instance of that type. */
const py_ntuple *py_namedtuple_base(py_val base);
int py_namedtuple_subclass(interp *I, const py_ntuple *base, struct py_class *body, py_val *out);
int py_namedtuple_isinstance(py_val v, py_val type);
/* type(v) of a namedtuple instance v: its type; 1 when v is none */
int py_namedtuple_type(interp *I, py_val v, py_val *out);
int py_class_attr_of(interp *I, py_val self, py_val v, py_val *out);   /* access.c: methods bind to self */
py_module_ns *py_stdlib_argparse(interp *I);   /* stdlib_argparse.c: NULL with an exception raised */
py_module_ns *py_stdlib_dataclasses(interp *I);   /* stdlib_dataclasses.c: NULL with an exception raised */
py_module_ns *py_stdlib_itertools(interp *I);     /* stdlib_itertools.c: NULL with an exception raised */
py_module_ns *py_torch_quantization(interp *I);   /* torch_quantization.c: NULL with an exception raised */
py_module_ns *py_stdlib_os(interp *I, int want_path);   /* stdlib_os.c: os, or os.path; NULL with an exception raised */
py_module_ns *py_stdlib_types(interp *I);         /* stdlib_types.c: NULL with an exception raised */
int py_collections_deque(interp *I, py_val *out);   /* stdlib_deque.c: the class collections.deque */
/* stdlib_enum.c: the enum module; a new Enum class's members made from its body (define_class);
 * calling, subscripting, iterating, len() and `in` of an Enum class; 1 from the last four when c
 * is no Enum. */
py_module_ns *py_stdlib_enum(interp *I);
int py_enum_make_members(interp *I, py_class *c);
int py_enum_call(interp *I, py_class *c, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                 py_val *out);
int py_enum_getitem(interp *I, py_class *c, py_val key, py_val *out);
int py_enum_members(interp *I, const py_class *c, py_val **items, int32_t *n);
int py_enum_contains(interp *I, const py_class *c, py_val item, int *out);
/* a member's repr (<Color.RED: 1>) or str (Color.RED); 1 when v is no Enum member */
int py_enum_member_text(interp *I, py_val v, int repr, cnnc_strbuf *sb);
py_module_ns *py_stdlib_abc(interp *I);           /* stdlib_abc.c: NULL with an exception raised */
py_module_ns *py_stdlib_operator(interp *I);      /* stdlib_operator.c: NULL with an exception raised */
py_module_ns *py_stdlib_re(interp *I);            /* stdlib_re.c: NULL with an exception raised */
int py_abc_is_meta(interp *I, py_val v);          /* v is abc.ABCMeta */
int py_abc_check_instantiable(interp *I, const py_class *c);   /* TypeError for abstract methods left */
int py_abc_abstract_methods(interp *I, const py_class *c, cnnc_strbuf *names);   /* count (-1: no memory) */
int py_abc_declares_abstract(const py_class *c);  /* its own body has an @abstractmethod */
/* torch_loss.c: F.cross_entropy, F.nll_loss, F.kl_div ... and nn's _Loss, _WeightedLoss, written in
 * Python: 0 found, 1 not one of those, -1 raised */
int torch_loss_function(interp *I, const char *name, py_val *out);
py_module_ns *py_torch_distributions(interp *I);   /* torch_distributions.c: NULL with an exception raised */
int py_builtin_import(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                      py_val *out);   /* interp_import.c: __import__ */
/* A property's attributes: setter/getter (for @x.setter), fget, fset. */
int py_property_attr(interp *I, py_val prop, py_sym name, py_val *out);
/* x.requires_grad = flag, x.requires_grad_(flag): PyTorch's checks; a parameter set to
 * False marks I->frozen_line. -1 raised. */
int py_tensor_set_requires_grad(interp *I, py_val x, py_val flag);
/* a parameter that requires grad: autograd refuses in-place writes into it outside no_grad */
int py_tensor_requires_grad_leaf(interp *I, const py_tensor *t);
/* autograd's check of an in-place write into t outside no_grad: a parameter that requires grad
 * (`whole`: the write is on it, else on a view of it) or a view of one; -1 raised */
int py_tensor_check_in_place(interp *I, const py_tensor *t, int whole);
/* torch_functions.c: the grad mode a `with` context sets (torch.no_grad() 1, enable_grad() 2), else 0 */
int py_grad_mode_of(py_val v);
/* Layer arguments as the registry's builders take them. */
int py_to_arg(interp *I, py_val v, int32_t line, int32_t col, cnnc_arg *out);

/* forward baked a size into the graph: it holds at the traced input only */
#define MARK_SHAPE_DEPENDENT(I) do { if (!(I)->g.shape_dependent) (I)->g.shape_dependent = (I)->line > 0 ? (I)->line : 1; } while (0)
/* The same for an op on a tensor not made from the input (F.linear(x, self.weight * 2)): its
 * graph holds no such node, so it does not replay either; the messages say why. */
#define MARK_CONST_OPERAND(I) \
    do { if (!(I)->g.shape_dependent) { MARK_SHAPE_DEPENDENT(I); (I)->g.shape_dependent_const = 1; } } while (0)

/* ---- the interpreter (interp.c) ---- */
int py_interp_init(interp *I, py_arena *arena, py_symtab *syms, cnnc_error *err);
int py_exec_source(interp *I, py_source *src);
int py_exec_body(interp *I, py_frame *f, py_node *const *body, int32_t n);
int py_eval(interp *I, py_frame *f, const py_node *e, py_val *out);
/* A call's arguments, *-unpacked and **-merged, as Python passes them to fn (interp_expr.c). */
int py_eval_call_args(interp *I, py_frame *f, const py_node *call, py_val fn, py_val **args, int32_t *n, py_sym **kw,
                      py_val **kwv, int32_t *n_kw);
/* Load (parse and run) a sibling source file. NULL with an exception raised, or, when
 * `missing` is given and no such file exists, NULL with *missing = 1 and nothing raised
 * (an installed package cnnc does not model: the caller binds an opaque module). */
py_source *py_load_sibling(interp *I, const char *module_path, int relative_level, int *missing);
/* A source of `text` (malloc'd; the source owns it) named `path`, parsed and run
 * (before_exec, if given, first sees its empty globals); NULL with an exception raised. */
py_source *py_load_text(interp *I, const char *path, char *text, size_t len, int (*before_exec)(interp *I, py_source *src));
/* prelude.c: a text of cnnc's own Python (copied; _cnnc_refuse(message) in its globals) loaded
 * as `path`, the model's line kept for errors; NULL raised. py_prelude_module: the same as
 * module `name`, whose names the text does not define are refused. */
py_source *py_load_prelude(interp *I, const char *path, const char *text, size_t len);
py_module_ns *py_prelude_module(interp *I, const char *name, const char *path, const char *text, size_t len);
/* a module's getattr for the names cnnc does not model: refused (dunders: 1, the generic lookup) */
int py_refuse_other_names(interp *I, py_module_ns *m, py_sym name, py_val *out);
py_sym py_s(interp *I, const char *name);

#ifdef __cplusplus
}
#endif
#endif
