/* nn_internal.h — what torch.nn's files share (not public API): nn.c
 * (nn.Module's state, calls, methods and the setup), nn_containers.c
 * (Sequential, ModuleList, ModuleDict) and nn_layers.c (the registry's layers
 * as module classes). */
#ifndef CNNC_PY_NN_INTERNAL_H
#define CNNC_PY_NN_INTERNAL_H

#include "py/interp.h"
#include "py/real_names.h"

#define ARGS interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out
#define UNUSED (void)self; (void)kw; (void)kwv; (void)n_kw

/* nn.c */
py_base nn_base_of(const py_class *c);
const char *nn_class_name(py_val v);

/* nn_containers.c */
int nn_seq_init(ARGS);
int nn_seq_forward(ARGS);
int nn_seq_getitem(ARGS);
int nn_seq_setitem(ARGS);
int nn_seq_len(ARGS);
int nn_list_append(ARGS);
int nn_list_extend(ARGS);
int nn_list_add(ARGS);
int nn_type_text(interp *I, py_val v, py_val *text);   /* nn.c: str(type(v)) */
int nn_seq_add(ARGS);
int nn_seq_iadd(ARGS);
int nn_list_insert(ARGS);
int nn_mlist_init(ARGS);
int nn_mdict_init(ARGS);
int nn_mdict_getitem(ARGS);
int nn_mdict_setitem(ARGS);
int nn_mdict_items(ARGS);
int nn_container_forward(ARGS);

/* nn_layers.c */
int nn_layer_forward(ARGS);
int nn_layer_init(ARGS);
/* The super().__init__() a torch.nn class's __init__ begins with: in a class that also
 * derives a user class (class Conv2d(nn.Conv2d, MetaModule)), the next user __init__ in
 * the instance's MRO runs with no arguments, as in PyTorch (nn.c). */
int nn_init_next(interp *I, py_val self);
/* torch.nn's losses (nn_layers.c): built as PyTorch binds them, refused when called */
int nn_loss_init(ARGS);
int nn_loss_forward(ARGS);

/* nn.MultiheadAttention, nn.TransformerEncoderLayer, nn.TransformerEncoder (nn_transformer.c):
 * the class, loaded on first use; 1: not one of them; -1 raised. */
int py_nn_python_class(interp *I, const char *name, py_val *out);
extern const char nn_param_containers_py[];   /* nn_param_containers.c */
extern const char nn_conv_base_py[];          /* nn_conv_base.c */
extern const char nn_padding3d_py[];          /* nn_padding3d.c */
extern const char nn_crossmap_py[];           /* nn_crossmap.c */
extern const char nn_celu_py[];               /* nn_celu.c */
extern const char nn_glu_py[];                /* nn_glu.c */

#endif
