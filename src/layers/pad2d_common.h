/* pad2d_common.h — what ZeroPad2d, ConstantPad1d/2d, ReflectionPad1d/2d,
 * ReplicationPad1d/2d and F.pad share: the padding argument as the modules keep
 * it (_quadruple) and F.pad takes it, F.pad's rules and PyTorch 1.13's
 * messages, and text. The modules call F.pad(input, self.padding, mode,
 * value) at forward, so one shape rule serves all five kinds. */
#ifndef CNNC_PAD2D_COMMON_H
#define CNNC_PAD2D_COMMON_H

#include "layers/layer_util.h"

/* padding as a module stores it: _quadruple(padding) (an int repeats, a
 * sequence is kept). F.pad's own `pad` is a sequence only (functional = 1). */
cnnc_status cnnc_pad2d_padding_arg(const cnnc_arg *v, int functional, cnnc_pad2d_params *q, cnnc_error *err);
/* padding as a 1-d module stores it: _pair(padding). */
cnnc_status cnnc_pad1d_padding_arg(const cnnc_arg *v, cnnc_pad2d_params *q, cnnc_error *err);
/* The fill value as F.pad's argument parser takes it (None: 0). */
cnnc_status cnnc_pad2d_value_arg(const cnnc_arg *v, int positional, cnnc_pad2d_params *q, cnnc_error *err);
cnnc_status cnnc_pad2d_shape(const cnnc_layer *L, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err);
/* "constant", "reflect", "replicate", "circular" */
const char *cnnc_pad2d_mode_name(cnnc_pad2d_mode mode);
/* A failed check: a hint for reflection padding that reaches past the input. */
int cnnc_pad2d_hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err);
/* "padding=(1, 2, 3, 4)" or "padding=1" (all four equal) */
void cnnc_pad2d_render_padding(const cnnc_pad2d_params *q, const char *name, cnnc_strbuf *sb);

#endif
