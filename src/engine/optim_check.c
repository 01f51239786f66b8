/* optim_check.c — the checks torch.optim's constructors make (PyTorch 1.13,
 * torch/optim/sgd.py, adam.py, adamw.py, adadelta.py, rmsprop.py, adagrad.py), in
 * their order and words, before an
 * engine is made: `--eps -1` is "ValueError: Invalid epsilon value: -1.0". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_internal.h"
#include "layers/layer_util.h"

/* repr() of what the user wrote for the float32 x: the shortest decimal that
 * gives x back, then Python's layout (layers/layer_util.c). */
static void float32_repr(float x, char *out, size_t cap) {
    char e[40];
    double shortest = (double)x;
    for (int prec = 1; isfinite(x) && prec <= 9; prec++) {
        snprintf(e, sizeof e, "%.*e", prec - 1, (double)x);
        if ((float)strtod(e, NULL) == x) {
            shortest = strtod(e, NULL);
            break;
        }
    }
    cnnc_py_float_repr(shortest, out, cap);
}

static cnnc_status invalid(cnnc_error *err, const char *what, float v) {
    char num[48];
    float32_repr(v, num, sizeof num);
    return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "%s: %s", what, num);
}

cnnc_status cnnc_optim_check(const cnnc_optim_config *c, cnnc_error *err) {
    if (c->kind == CNNC_OPTIM_SGD) {
        if (c->lr < 0.0f) return invalid(err, "Invalid learning rate", c->lr);
        if (c->momentum < 0.0f) return invalid(err, "Invalid momentum value", c->momentum);
        if (c->weight_decay < 0.0f) return invalid(err, "Invalid weight_decay value", c->weight_decay);
        if (c->nesterov && (c->momentum <= 0.0f || c->dampening != 0.0f))
            return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError",
                                  "Nesterov momentum requires a momentum and zero dampening");
        return CNNC_OK;
    }
    /* `not 0.0 <= x` is true for NaN too */
    if (!(0.0f <= c->lr)) return invalid(err, "Invalid learning rate", c->lr);
    switch (c->kind) {
    case CNNC_OPTIM_ADADELTA:
        if (!(0.0f <= c->rho && c->rho <= 1.0f)) return invalid(err, "Invalid rho value", c->rho);
        if (!(0.0f <= c->eps)) return invalid(err, "Invalid epsilon value", c->eps);
        if (!(0.0f <= c->weight_decay)) return invalid(err, "Invalid weight_decay value", c->weight_decay);
        return CNNC_OK;
    case CNNC_OPTIM_RMSPROP:
        if (!(0.0f <= c->eps)) return invalid(err, "Invalid epsilon value", c->eps);
        if (!(0.0f <= c->momentum)) return invalid(err, "Invalid momentum value", c->momentum);
        if (!(0.0f <= c->weight_decay)) return invalid(err, "Invalid weight_decay value", c->weight_decay);
        if (!(0.0f <= c->alpha)) return invalid(err, "Invalid alpha value", c->alpha);
        return CNNC_OK;
    case CNNC_OPTIM_ADAGRAD:
        if (!(0.0f <= c->lr_decay)) return invalid(err, "Invalid lr_decay value", c->lr_decay);
        if (!(0.0f <= c->weight_decay)) return invalid(err, "Invalid weight_decay value", c->weight_decay);
        if (!(0.0f <= c->eps)) return invalid(err, "Invalid epsilon value", c->eps);
        return CNNC_OK;
    case CNNC_OPTIM_ADAM:
    case CNNC_OPTIM_ADAMW:
        break;
    default:
        return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "unknown optimizer kind %d", (int)c->kind);
    }
    /* Adam and AdamW */
    if (!(0.0f <= c->lr)) return invalid(err, "Invalid learning rate", c->lr);
    if (!(0.0f <= c->eps)) return invalid(err, "Invalid epsilon value", c->eps);
    if (!(0.0f <= c->beta1 && c->beta1 < 1.0f)) return invalid(err, "Invalid beta parameter at index 0", c->beta1);
    if (!(0.0f <= c->beta2 && c->beta2 < 1.0f)) return invalid(err, "Invalid beta parameter at index 1", c->beta2);
    if (!(0.0f <= c->weight_decay)) return invalid(err, "Invalid weight_decay value", c->weight_decay);
    return CNNC_OK;
}
