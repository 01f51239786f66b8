/* cnnc/shape.h — THE shape pass. It mirrors PyTorch's checks and messages, and
 * computes per-layer shapes and the geometry the kernels run with. It does not
 * allocate: the caller gives an array of n_layers cnnc_layer_shape. Cheap
 * enough to run before every batch. */
#ifndef CNNC_SHAPE_H
#define CNNC_SHAPE_H

#include "cnnc/model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cnnc_shape {
    int32_t ndim;
    int64_t d[CNNC_MAX_DIMS];
} cnnc_shape;

typedef struct cnnc_layer_shape {
    cnnc_shape in, out;
    int64_t out_numel;         /* numel of `out` */
    int unbatched;             /* conv/pool saw 3-D input and treats it as N = 1 */
    cnnc_layer_geom g;        /* the kind's kernel geometry (cnnc/layers.h) */
} cnnc_layer_shape;

/* Run the shape pass from `input` (e.g. [2, 1, 28, 28], or [1, 28, 28] for
 * unbatched). On success fills shapes[0..n_layers-1] and *output. On a shape
 * error returns CNNC_ERR_SHAPE with err holding PyTorch's exception type and
 * message, the layer, its model-file line, the shape trail and a hint/fix.
 * `shapes` and `output` may be NULL when only validity is wanted. */
cnnc_status cnnc_shape_pass(const cnnc_model *model, const cnnc_shape *input,
                            cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err);

/* The same with the module mode made explicit: PyTorch modules start in
 * training mode (cnnc_shape_pass == train=1), where BatchNorm2d also refuses
 * a single value per channel ("Expected more than 1 value per channel when
 * training, ..."); eval (train=0) skips that check. */
cnnc_status cnnc_shape_pass_mode(const cnnc_model *model, const cnnc_shape *input, int train,
                                 cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err);

/* The pass for a model with several inputs (forward(self, x1, x2)): inputs[k]
 * is the k-th tensor argument; `output` is the model's output. */
cnnc_status cnnc_shape_pass_inputs(const cnnc_model *model, const cnnc_shape *inputs, int32_t n_inputs, int train,
                                   cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err);

/* For sweeps over millions of input sizes: the pass with no message, no
 * shape table and no allocation. Returns -1 when `input` validates (and
 * fills *output if non-NULL), else the index of the failing layer. */
int32_t cnnc_shape_failing_layer(const cnnc_model *model, const cnnc_shape *input, int train, cnnc_shape *output);
/* The pass with PyTorch's message and location but no trail/hint search
 * (cheap enough to call for each distinct error a sweep meets). */
cnnc_status cnnc_shape_pass_nohint(const cnnc_model *model, const cnnc_shape *input, int train, cnnc_error *err);

/* "[2, 10]" — how torch.Size prints as a list. Returns chars written. */
size_t cnnc_shape_format(const cnnc_shape *shape, char *buf, size_t cap);
/* Parse "2x1x28x28" (or "1x28x28"). Returns CNNC_ERR_USAGE on bad text. */
cnnc_status cnnc_shape_parse(const char *text, cnnc_shape *out, cnnc_error *err);
/* Product of dims, or -1 on overflow. */
int64_t cnnc_shape_numel(const cnnc_shape *shape);

/* Apply err->fix to the model in place (edits a layer's parameter). Returns
 * 1 if the model changed, 0 if the fix is not a model edit or is empty. */
int cnnc_fix_apply(cnnc_model *model, const cnnc_fix *fix);

#ifdef __cplusplus
}
#endif
#endif
