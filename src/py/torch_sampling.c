/* torch_sampling.c — F.grid_sample and F.affine_grid (a spatial transformer's pair), bound
 * and checked as torch/nn/functional.py (1.13) does before its C++ ops: grid_sample's mode
 * and padding_mode names, affine_grid's theta and size. grid_sample is the check-only
 * grid_sample kind; affine_grid is what affine_grid_generator computes, a constant base
 * grid [N, H*W, 3] (or [N, D*H*W, 4]) bmm theta transposed, viewed as the grid, so its
 * shapes and bmm's words for a batch that does not match are PyTorch's. */
#include "py/torch_internal.h"

#include <stdio.h>
#include <string.h>

/* F.grid_sample(input, grid, mode='bilinear', padding_mode='zeros', align_corners=None) */
int torch_grid_sample(ARGS) {
    UNUSED;
    py_val b[5];
    const py_sig *sig = py_sig_cached(I, "input, grid, mode='bilinear', padding_mode='zeros', align_corners=None", -1);
    if (!sig || py_bind_sig_as(I, sig, "grid_sample", 0, PY_BINDER_PYTHON, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR || b[1].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow grid_sample of a non-tensor");
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    static const char *const modes[] = {"bilinear", "nearest", "bicubic"};
    static const char *const paddings[] = {"zeros", "border", "reflection"};
    const char *mode = b[2].t == PV_UNBOUND ? "bilinear" : b[2].t == PV_STR ? pv_as_str(b[2])->s : NULL;
    const char *pad = b[3].t == PV_UNBOUND ? "zeros" : b[3].t == PV_STR ? pv_as_str(b[3])->s : NULL;
    if (!mode || !pad) return py_unsupported(I, "cnnc follows grid_sample's mode and padding_mode as strings");
    p.grid_sample.mode = -1;
    for (int k = 0; k < 3; k++)
        if (!strcmp(mode, modes[k])) p.grid_sample.mode = k;
    if (p.grid_sample.mode < 0)
        return py_raise(I, "ValueError", "nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '%s'", mode);
    p.grid_sample.padding_mode = -1;
    for (int k = 0; k < 3; k++)
        if (!strcmp(pad, paddings[k])) p.grid_sample.padding_mode = k;
    if (p.grid_sample.padding_mode < 0)
        return py_raise(I, "ValueError", "nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', but got: '%s'", pad);
    int align = 0;
    if (b[4].t != PV_UNBOUND && b[4].t != PV_NONE && py_truthy(I, b[4], &align)) return -1;
    p.grid_sample.align_corners = align;
    return py_trace_op(I, CNNC_GRID_SAMPLE, &p, b, 2, NULL, "grid_sample", out);
}

/* F.affine_grid(theta, size, align_corners=None) */
int torch_affine_grid(ARGS) {
    UNUSED;
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, "theta, size, align_corners=None", -1);
    if (!sig || py_bind_sig_as(I, sig, "affine_grid", 0, PY_BINDER_PYTHON, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR) return py_raise(I, "AttributeError", "'%s' object has no attribute 'is_floating_point'", py_type_name(&b[0]));
    const py_tensor *theta = pv_as_tensor(b[0]);
    if (theta->is_indices || theta->is_mask) return py_unsupported(I, "cnnc cannot follow affine_grid of an integer theta");
    py_val *items;
    int32_t ns;
    if (b[1].t != PV_TUPLE && b[1].t != PV_LIST && b[1].t != PV_SIZE)
        return py_unsupported(I, "cnnc cannot follow affine_grid with a %s size", py_type_name(&b[1]));
    if (py_iterate(I, b[1], &items, &ns)) return -1;
    int64_t size[5];
    for (int32_t k = 0; k < ns && k < 5; k++) {
        if (!pv_is_int(items[k]) || items[k].big) return py_unsupported(I, "cnnc follows affine_grid with an int size");
        size[k] = items[k].u.i;
    }
    cnnc_strbuf sb = {0};
    py_repr(I, b[1], &sb);
    char sizes[256];
    snprintf(sizes, sizeof sizes, "%s", sb.p ? sb.p : "");
    cnnc_sb_free(&sb);
    if (ns != 4 && ns != 5)
        return py_raise(I, "NotImplementedError",
                        "affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, respectively. Got size %s.", sizes);
    const int64_t rows = ns == 4 ? 2 : 3, cols = ns == 4 ? 3 : 4;
    const cnnc_shape *ts = &theta->shape;
    if (ts->ndim != 3 || ts->d[1] != rows || ts->d[2] != cols) {
        char t[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(ts, t, sizeof t);
        return py_raise(I, "ValueError", "Expected a batch of %s affine matrices of shape Nx%lldx%lld for size %s. Got torch.Size(%s).",
                        ns == 4 ? "2D" : "3D", (long long)rows, (long long)cols, sizes, t);
    }
    int align = 0;
    if (b[2].t != PV_UNBOUND && b[2].t != PV_NONE && py_truthy(I, b[2], &align)) return -1;
    int64_t spatial_min = size[2];
    for (int32_t k = 2; k < ns; k++) if (size[k] < spatial_min) spatial_min = size[k];
    int64_t all_min = size[0];
    for (int32_t k = 0; k < ns; k++) if (size[k] < all_min) all_min = size[k];
    if (!(align && spatial_min == 1) && all_min <= 0)
        return py_raise(I, "ValueError", "Expected non-zero, positive output size. Got %s", sizes);
    /* affine_grid_generator: base [N, prod(spatial), cols] bmm theta^T [N', cols, rows] */
    int64_t pts = 1;
    for (int32_t k = 2; k < ns; k++) pts *= size[k];
    cnnc_shape base;
    memset(&base, 0, sizeof base);
    base.ndim = 3;
    base.d[0] = size[0];
    base.d[1] = pts;
    base.d[2] = cols;
    py_val bv = pv_tensor(I, &base, TENSOR_CONST), tt, prod;
    if (bv.t == PV_UNBOUND) return py_nomem(I);
    const py_val tr[2] = {pv_int(1), pv_int(2)};
    if (py_call_method(I, b[0], "transpose", tr, 2, &tt)) return -1;
    const cnnc_layer_def *bmm = torch_functional_def("bmm", CNNC_FN_TORCH);
    if (!bmm) return py_unsupported(I, "cnnc cannot follow affine_grid here");
    const py_val ops[2] = {bv, tt};
    if (torch_call_functional(I, bmm, "", ops, 2, NULL, NULL, 0, &prod)) return -1;
    py_val dims = pv_seq(I, PV_TUPLE, ns);
    if (dims.t == PV_UNBOUND) return py_nomem(I);
    pv_as_seq(dims)->v[0] = pv_int(size[0]);
    for (int32_t k = 2; k < ns; k++) pv_as_seq(dims)->v[k - 1] = pv_int(size[k]);
    pv_as_seq(dims)->v[ns - 1] = pv_int(rows);
    return py_call_method(I, prod, "view", &dims, 1, out);
}
