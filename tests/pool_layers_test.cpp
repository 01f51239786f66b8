// pool_layers_test.cpp — the shape rules and constructor checks of the
// adaptive pools, upsampling, padding and Unflatten against PyTorch 1.13: one
// row per call and input, with what PyTorch printed (the output shape, or the
// first line of the exception) and where it raised it (in the constructor or
// at the call). The PyTorch column was produced by tests/python/pool_oracle.py
// (`pool_oracle.py --cpp < rows.tsv` prints these rows) and is checked against
// live PyTorch by PoolLayersOracle below, which fails without torch.
//
// Module rows go through the model-file reader (cnnc_model_parse) and the
// shape pass; function rows (F.pad, F.interpolate, F.adaptive_*) bind their
// arguments by name through the kind's `functional` signature, as a front end
// does, then build and shape. A row's `cnnc` column says where cnnc differs:
// "@parse" = the same message, raised by the constructor (PyTorch raises it at
// the first call: the type errors that do not depend on the input);
// "parse:..." / "shape:..." = cnnc's own refusal (NotImplementedError) of what
// PyTorch runs or words otherwise.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <deque>
#include <sstream>
#include <string>
#include <vector>

#include "test_run.h"

extern "C" {
#include "cnnc/model.h"
#include "cnnc/shape.h"
#include "layers/layer_def.h"
}

namespace {

struct Row {
    const char *call;    // constructor, or F.fn(x, ...)
    const char *input;   // "2x3x5x5"; "-" is a 0-d tensor
    const char *torch;   // PyTorch 1.13: "[2, 3, 1, 1]" or "Type: message" (first line)
    char stage;          // 'o' ok, 'i' raised in __init__, 'c' raised at the call
    const char *cnnc;    // nullptr: as PyTorch; "@parse"; "parse:Type: msg"; "shape:Type: msg"
};

// gtest prints parameters in test listings and failures: show the row, not its bytes.
void PrintTo(const Row &r, std::ostream *os) { *os << r.call << " on " << r.input; }

const Row kRows[] = {
    {"AdaptiveAvgPool2d(1)", "2x3x5x5", "[2, 3, 1, 1]", 'o', nullptr},
    {"AdaptiveAvgPool2d((1, 1))", "2x3x0x5", "[2, 3, 1, 1]", 'o', nullptr},
    {"AdaptiveAvgPool2d(1)", "3x5", "[1, 1]", 'o', nullptr},
    {"AdaptiveAvgPool2d(1)", "1x2x3x5x5", "[1, 2, 3, 1, 1]", 'o', nullptr},
    {"AdaptiveAvgPool2d(1)", "7", "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got -2)", 'c', nullptr},
    {"AdaptiveAvgPool2d(1)", "-", "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got -2)", 'c', nullptr},
    {"AdaptiveAvgPool2d(7)", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"AdaptiveAvgPool2d((3, 4))", "2x3x10x9", "[2, 3, 3, 4]", 'o', nullptr},
    {"AdaptiveAvgPool2d((None, 2))", "2x3x5x7", "[2, 3, 5, 2]", 'o', nullptr},
    {"AdaptiveAvgPool2d((3, None))", "3x5x7", "[3, 3, 7]", 'o', nullptr},
    {"AdaptiveAvgPool2d((None, None))", "2x3x5x5", "[2, 3, 5, 5]", 'o', nullptr},
    {"AdaptiveAvgPool2d((1, None))", "2x3x4x1", "[2, 3, 1, 1]", 'o', nullptr},
    {"AdaptiveAvgPool2d(2)", "3x5", "RuntimeError: adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [3, 5]", 'c', nullptr},
    {"AdaptiveAvgPool2d(2)", "1x2x3x5x5", "RuntimeError: adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [1, 2, 3, 5, 5]", 'c', nullptr},
    {"AdaptiveAvgPool2d((None, 2))", "3x5", "ValueError: Input dimension should be at least 3", 'c', nullptr},
    {"AdaptiveAvgPool2d((None, 2))", "2x2x3x5x5", "RuntimeError: adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [2, 2, 3, 5, 5]", 'c', nullptr},
    {"AdaptiveAvgPool2d(0)", "2x3x5x5", "[2, 3, 0, 0]", 'o', nullptr},
    {"AdaptiveAvgPool2d(-1)", "2x3x5x5", "RuntimeError: adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {-1, -1}", 'c', nullptr},
    {"AdaptiveAvgPool2d(-1)", "3", "RuntimeError: adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {-1, -1}", 'c', nullptr},
    {"AdaptiveAvgPool2d((2, -3))", "2x3x5x5", "RuntimeError: adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {2, -3}", 'c', nullptr},
    {"AdaptiveAvgPool2d(2)", "2x0x5x5", "[2, 0, 2, 2]", 'o', nullptr},
    {"AdaptiveAvgPool2d(2)", "0x3x5x5", "[0, 3, 2, 2]", 'o', nullptr},
    {"AdaptiveAvgPool2d(2)", "2x3x0x5", "RuntimeError: adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [2, 3, 0, 5] with dimension 2 being empty", 'c', nullptr},
    {"AdaptiveAvgPool2d((2, None))", "2x3x5x0", "RuntimeError: adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [2, 3, 5, 0] with dimension 3 being empty", 'c', nullptr},
    {"AdaptiveAvgPool2d(2)", "3x0x5", "RuntimeError: adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [3, 0, 5] with dimension 1 being empty", 'c', nullptr},
    {"AdaptiveAvgPool2d((1, 2, 3))", "2x3x5x5", "RuntimeError: adaptive_avg_pool2d: output_size must be 2", 'c', nullptr},
    {"AdaptiveAvgPool2d((1, 2, 3))", "3x5x5", "ValueError: Input dimension should be at least 4", 'c', nullptr},
    {"AdaptiveAvgPool2d((2,))", "2x3x5x5", "RuntimeError: adaptive_avg_pool2d: output_size must be 2", 'c', nullptr},
    {"AdaptiveAvgPool2d(())", "2x3x5x5", "RuntimeError: adaptive_avg_pool2d: output_size must be 2", 'c', nullptr},
    {"AdaptiveAvgPool2d(2.5)", "2x3x5x5", "TypeError: object of type 'float' has no len()", 'c', "@parse"},
    {"AdaptiveAvgPool2d(None)", "2x3x5x5", "TypeError: object of type 'NoneType' has no len()", 'c', "@parse"},
    {"AdaptiveAvgPool2d(True)", "2x3x5x5", "TypeError: adaptive_avg_pool2d(): argument 'output_size' (position 2) must be tuple of SymInts, not bool", 'c', "@parse"},
    {"AdaptiveAvgPool2d((2, 2.0))", "2x3x5x5", "TypeError: adaptive_avg_pool2d(): argument 'output_size' must be tuple of SymInts, but found element of type float at pos 2", 'c', "@parse"},
    {"AdaptiveAvgPool2d((2.0, 2))", "2x3x5x5", "TypeError: adaptive_avg_pool2d(): argument 'output_size' (position 2) must be tuple of SymInts, not list", 'c', "@parse"},
    {"AdaptiveAvgPool2d((2, True))", "2x3x5x5", "[2, 3, 2, 1]", 'o', nullptr},
    {"AdaptiveAvgPool2d('ab')", "2x3x5x5", "TypeError: adaptive_avg_pool2d(): argument 'output_size' (position 2) must be tuple of SymInts, not list", 'c', "@parse"},
    {"AdaptiveAvgPool2d()", "2x3x5x5", "TypeError: _AdaptiveAvgPoolNd.__init__() missing 1 required positional argument: 'output_size'", 'i', nullptr},
    {"AdaptiveAvgPool2d(1, 2)", "2x3x5x5", "TypeError: _AdaptiveAvgPoolNd.__init__() takes 2 positional arguments but 3 were given", 'i', nullptr},
    {"AdaptiveAvgPool2d(output_size=3)", "2x3x5x5", "[2, 3, 3, 3]", 'o', nullptr},
    {"AdaptiveMaxPool2d(1)", "2x3x5x5", "[2, 3, 1, 1]", 'o', nullptr},
    {"AdaptiveMaxPool2d((5, 3))", "2x3x7x7", "[2, 3, 5, 3]", 'o', nullptr},
    {"AdaptiveMaxPool2d((None, 2))", "3x5x7", "[3, 5, 2]", 'o', nullptr},
    {"AdaptiveMaxPool2d(7)", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"AdaptiveMaxPool2d(2)", "3x5", "RuntimeError: adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [3, 5]", 'c', nullptr},
    {"AdaptiveMaxPool2d(1)", "3x5", "RuntimeError: adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [3, 5]", 'c', nullptr},
    {"AdaptiveMaxPool2d(2)", "1x2x3x5x5", "RuntimeError: adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [1, 2, 3, 5, 5]", 'c', nullptr},
    {"AdaptiveMaxPool2d(0)", "2x3x5x5", "[2, 3, 0, 0]", 'o', nullptr},
    {"AdaptiveMaxPool2d(-1)", "2x3x5x5", "RuntimeError: Trying to create tensor with negative dimension -1: [2, 3, -1, -1]", 'c', nullptr},
    {"AdaptiveMaxPool2d((2, -3))", "2x3x5x5", "RuntimeError: Trying to create tensor with negative dimension -3: [2, 3, 2, -3]", 'c', nullptr},
    {"AdaptiveMaxPool2d(-1)", "3x5", "RuntimeError: adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [3, 5]", 'c', nullptr},
    {"AdaptiveMaxPool2d(2)", "2x0x5x5", "RuntimeError: adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [2, 0, 5, 5] with dimension 1 being empty", 'c', nullptr},
    {"AdaptiveMaxPool2d(2)", "0x3x5x5", "[0, 3, 2, 2]", 'o', nullptr},
    {"AdaptiveMaxPool2d(2)", "0x5x5", "[0, 2, 2]", 'o', nullptr},
    {"AdaptiveMaxPool2d(2)", "3x0x5", "RuntimeError: adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [3, 0, 5] with dimension 1 being empty", 'c', nullptr},
    {"AdaptiveMaxPool2d(2)", "2x3x5x0", "RuntimeError: adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [2, 3, 5, 0] with dimension 3 being empty", 'c', nullptr},
    {"AdaptiveMaxPool2d((1, 2, 3))", "2x3x5x5", "RuntimeError: adaptive_max_pool2d(): internal error: output_size.size() must be 2", 'c', nullptr},
    {"AdaptiveMaxPool2d((1, 2, 3))", "3x5x5", "ValueError: Input dimension should be at least 4", 'c', nullptr},
    {"AdaptiveMaxPool2d(())", "2x3x5x5", "RuntimeError: adaptive_max_pool2d(): internal error: output_size.size() must be 2", 'c', nullptr},
    {"AdaptiveMaxPool2d((2, 2.0))", "2x3x5x5", "TypeError: adaptive_max_pool2d(): argument 'output_size' must be tuple of ints, but found element of type float at pos 2", 'c', "@parse"},
    {"AdaptiveMaxPool2d((2.0, 2))", "2x3x5x5", "TypeError: adaptive_max_pool2d(): argument 'output_size' (position 2) must be tuple of ints, not list", 'c', "@parse"},
    {"AdaptiveMaxPool2d(2.5)", "2x3x5x5", "TypeError: object of type 'float' has no len()", 'c', "@parse"},
    {"AdaptiveMaxPool2d(2, return_indices=True)", "2x3x5x5", "AttributeError: 'tuple' object has no attribute 'shape'", 'c', "parse:NotImplementedError: cnnc does not support AdaptiveMaxPool2d(return_indices=True): its output is a tuple, which the next layer cannot take"},
    {"AdaptiveMaxPool2d(2, False)", "2x3x5x5", "[2, 3, 2, 2]", 'o', nullptr},
    {"AdaptiveMaxPool2d(1, 2, 3)", "2x3x5x5", "TypeError: _AdaptiveMaxPoolNd.__init__() takes from 2 to 3 positional arguments but 4 were given", 'i', nullptr},
    {"F.adaptive_avg_pool2d(x, (3, None))", "2x3x5x7", "[2, 3, 3, 7]", 'o', nullptr},
    {"F.adaptive_max_pool2d(x, 2)", "3x5", "RuntimeError: adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [3, 5]", 'c', nullptr},
    {"Upsample(scale_factor=2)", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2)", "3x5x5", "[3, 5, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2)", "5x5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got nearest)", 'c', nullptr},
    {"Upsample(scale_factor=2)", "5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 1D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got nearest)", 'c', nullptr},
    {"Upsample(scale_factor=2)", "1x2x3x5x5", "[1, 2, 6, 10, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2)", "1x1x2x3x5x5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 6D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got nearest)", 'c', nullptr},
    {"Upsample(size=7)", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"Upsample(size=(7, 3))", "2x3x5x5", "[2, 3, 7, 3]", 'o', nullptr},
    {"Upsample(size=(7, 3))", "3x5x5", "ValueError: Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [5] and output size of (7, 3). Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.", 'c', nullptr},
    {"Upsample(size=(7, 3))", "5x5", "ValueError: Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [] and output size of (7, 3). Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.", 'c', nullptr},
    {"Upsample(size=(7,))", "3x5x5", "[3, 5, 7]", 'o', nullptr},
    {"Upsample(size=7)", "5x5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got nearest)", 'c', nullptr},
    {"Upsample(size=())", "2x3x5x5", "ValueError: Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [5, 5] and output size of (). Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.", 'c', nullptr},
    {"Upsample()", "2x3x5x5", "ValueError: either size or scale_factor should be defined", 'c', nullptr},
    {"Upsample(size=3, scale_factor=2)", "2x3x5x5", "ValueError: only one of size or scale_factor should be defined", 'c', nullptr},
    {"Upsample(scale_factor=0)", "2x3x5x5", "ValueError: either size or scale_factor should be defined", 'c', nullptr},
    {"Upsample(scale_factor=0.1)", "2x3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 5, W: 5) output (H: 0, W: 0)", 'c', nullptr},
    {"Upsample(scale_factor=-1)", "2x3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 5, W: 5) output (H: -5, W: -5)", 'c', nullptr},
    {"Upsample(scale_factor=(2, 3))", "2x3x5x5", "[2, 3, 10, 15]", 'o', nullptr},
    {"Upsample(scale_factor=(2, 3))", "3x5x5", "ValueError: Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [5] and scale_factor of shape (2.0, 3.0). Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.", 'c', nullptr},
    {"Upsample(scale_factor=(2, 3, 4))", "2x3x5x5", "ValueError: Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [5, 5] and scale_factor of shape (2.0, 3.0, 4.0). Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.", 'c', nullptr},
    {"Upsample(scale_factor=())", "2x3x5x5", "ValueError: Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [5, 5] and scale_factor of shape (). Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.", 'c', nullptr},
    {"Upsample(scale_factor=1.5)", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"Upsample(scale_factor=1.7)", "2x3x5x7", "[2, 3, 8, 11]", 'o', nullptr},
    {"Upsample(scale_factor=2.5)", "3x7", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got nearest)", 'c', nullptr},
    {"Upsample(scale_factor='a')", "2x3x5x5", "ValueError: could not convert string to float: 'a'", 'i', nullptr},
    {"Upsample(scale_factor='2')", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"Upsample(scale_factor=(2, None))", "2x3x5x5", "TypeError: float() argument must be a string or a real number, not 'NoneType'", 'i', nullptr},
    {"Upsample(size=2.5)", "2x3x5x5", "TypeError: upsample_nearest2d() received an invalid combination of arguments - got (Tensor, list, NoneType), but expected one of:", 'c', nullptr},
    {"Upsample(size=(2, 2.5))", "2x3x5x5", "TypeError: upsample_nearest2d(): argument 'output_size' must be tuple of SymInts, but found element of type float at pos 2", 'c', nullptr},
    {"Upsample(size=(2, None))", "2x3x5x5", "TypeError: upsample_nearest2d(): argument 'output_size' must be tuple of SymInts, but found element of type NoneType at pos 2", 'c', nullptr},
    {"Upsample(size=0)", "2x3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 5, W: 5) output (H: 0, W: 0)", 'c', nullptr},
    {"Upsample(size=-1)", "2x3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 5, W: 5) output (H: -1, W: -1)", 'c', nullptr},
    {"Upsample(size=(2, 0))", "2x3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 5, W: 5) output (H: 2, W: 0)", 'c', nullptr},
    {"Upsample(size=0)", "3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (W: 5) and output (W: 0)", 'c', nullptr},
    {"Upsample(scale_factor=2)", "2x3x0x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 0, W: 5) output (H: 0, W: 10)", 'c', nullptr},
    {"Upsample(scale_factor=2)", "0x3x5x5", "[0, 3, 10, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2)", "2x0x5x5", "RuntimeError: Non-empty 4D data tensor expected but got a tensor with sizes [2, 0, 5, 5]", 'c', nullptr},
    {"Upsample(scale_factor=2)", "3x0x5", "RuntimeError: Non-empty 3D data tensor expected but got a tensor with sizes [3, 0, 5]", 'c', nullptr},
    {"Upsample(scale_factor=2)", "0x3x5", "[0, 3, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear')", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear')", "3x5x5", "NotImplementedError: Got 3D input, but bilinear mode needs 4D input", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear')", "5x5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got bilinear)", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear')", "1x2x3x5x5", "NotImplementedError: Got 5D input, but bilinear mode needs 4D input", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear')", "0x3x5x5", "[0, 3, 10, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear')", "2x3x0x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 0, W: 5) output (H: 0, W: 10)", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear')", "2x0x5x5", "RuntimeError: Non-empty 4D data tensor expected but got a tensor with sizes [2, 0, 5, 5]", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear', align_corners=True)", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"Upsample(size=(3, 4), mode='bilinear', align_corners=False)", "2x3x5x5", "[2, 3, 3, 4]", 'o', nullptr},
    {"Upsample(scale_factor=2, mode='bilinear', align_corners=1)", "2x3x5x5", "TypeError: upsample_bilinear2d() received an invalid combination of arguments - got (Tensor, NoneType, int, list), but expected one of:", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='nearest', align_corners=True)", "2x3x5x5", "ValueError: align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear", 'c', nullptr},
    {"Upsample(scale_factor=2, align_corners=False)", "2x3x5x5", "ValueError: align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='foo')", "2x3x5x5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 4D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got foo)", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='foo')", "3x5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got foo)", 'c', nullptr},
    {"Upsample(scale_factor=2, mode=3)", "2x3x5x5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 4D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got 3)", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='bicubic')", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2, mode='bicubic')", "3x5x5", "NotImplementedError: Input Error: Only 3D, 4D and 5D input Tensors supported (got 3D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got bicubic)", 'c', nullptr},
    {"Upsample(scale_factor=2, mode='area')", "2x3x5x5", "[2, 3, 10, 10]", 'o', "parse:NotImplementedError: cnnc does not support Upsample(mode='area'): it runs the modes 'nearest', 'bilinear' and 'bicubic' (and checks 'linear' and 'trilinear')"},
    {"Upsample(scale_factor=2, mode='nearest-exact')", "2x3x5x5", "[2, 3, 10, 10]", 'o', "parse:NotImplementedError: cnnc does not support Upsample(mode='nearest-exact'): it runs the modes 'nearest', 'bilinear' and 'bicubic' (and checks 'linear' and 'trilinear')"},
    {"Upsample(scale_factor=2, mode='linear')", "3x5x5", "[3, 5, 10]", 'o', nullptr},
    {"Upsample(scale_factor=2, mode='trilinear')", "1x2x3x5x5", "[1, 2, 6, 10, 10]", 'o', nullptr},
    {"Upsample(size=3, recompute_scale_factor=True)", "2x3x5x5", "ValueError: recompute_scale_factor is not meaningful with an explicit size.", 'c', nullptr},
    {"Upsample(size=3, recompute_scale_factor=False)", "2x3x5x5", "[2, 3, 3, 3]", 'o', nullptr},
    {"Upsample(scale_factor=1.7, recompute_scale_factor=True)", "2x3x5x5", "[2, 3, 8, 8]", 'o', nullptr},
    {"Upsample(scale_factor=-0.5, recompute_scale_factor=True)", "2x3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 5, W: 5) output (H: -3, W: -3)", 'c', nullptr},
    {"Upsample(scale_factor=-0.5)", "2x3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 5, W: 5) output (H: -2, W: -2)", 'c', nullptr},
    {"Upsample(None, 2, 'bilinear', True, None)", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"Upsample(1, 2, 3, 4, 5, 6)", "2x3x5x5", "TypeError: Upsample.__init__() takes from 1 to 6 positional arguments but 7 were given", 'i', nullptr},
    {"Upsample(scale=2)", "2x3x5x5", "TypeError: Upsample.__init__() got an unexpected keyword argument 'scale'", 'i', nullptr},
    {"UpsamplingNearest2d(scale_factor=2)", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"UpsamplingNearest2d(scale_factor=2)", "3x5x5", "[3, 5, 10]", 'o', nullptr},
    {"UpsamplingNearest2d(size=(4, 9))", "2x3x5x5", "[2, 3, 4, 9]", 'o', nullptr},
    {"UpsamplingNearest2d()", "2x3x5x5", "ValueError: either size or scale_factor should be defined", 'c', nullptr},
    {"UpsamplingNearest2d(scale_factor=2, mode='bilinear')", "2x3x5x5", "TypeError: UpsamplingNearest2d.__init__() got an unexpected keyword argument 'mode'", 'i', nullptr},
    {"UpsamplingBilinear2d(scale_factor=2)", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"UpsamplingBilinear2d(scale_factor=2)", "3x5x5", "NotImplementedError: Got 3D input, but bilinear mode needs 4D input", 'c', nullptr},
    {"UpsamplingBilinear2d(size=(3, 4))", "2x3x5x5", "[2, 3, 3, 4]", 'o', nullptr},
    {"UpsamplingBilinear2d((3, 4), 2)", "2x3x5x5", "ValueError: only one of size or scale_factor should be defined", 'c', nullptr},
    {"F.interpolate(x, scale_factor=2)", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"F.interpolate(x, scale_factor=0)", "2x3x5x5", "RuntimeError: Input and output sizes should be greater than 0, but got input (H: 5, W: 5) output (H: 0, W: 0)", 'c', nullptr},
    {"F.interpolate(x, scale_factor=(2, 3))", "3x5x5", "ValueError: Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [5] and scale_factor of shape (2, 3). Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.", 'c', nullptr},
    {"F.interpolate(x, size=[7, 3])", "3x5x5", "ValueError: Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [5] and output size of [7, 3]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.", 'c', nullptr},
    {"F.interpolate(x, size=(7, 3), mode='bilinear', align_corners=True)", "2x3x5x5", "[2, 3, 7, 3]", 'o', nullptr},
    {"F.interpolate(x, scale_factor=2, antialias=True)", "2x3x5x5", "ValueError: Anti-alias option is only supported for bilinear and bicubic modes", 'c', nullptr},
    {"F.interpolate(x, size=(2, 3), mode='bilinear', antialias=True)", "2x3x5x5", "[2, 3, 2, 3]", 'o', "shape:NotImplementedError: cnnc does not support interpolate(antialias=True)"},
    {"F.interpolate(x, scale_factor=2, mode='bicubic')", "2x3x5x5", "[2, 3, 10, 10]", 'o', nullptr},
    {"F.interpolate(x, scale_factor=2, mode='bicubic', antialias=True)", "2x3x5x5", "[2, 3, 10, 10]", 'o', "shape:NotImplementedError: cnnc does not support interpolate(antialias=True)"},
    {"ZeroPad2d(1)", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"ZeroPad2d(1)", "5x5", "[7, 7]", 'o', nullptr},
    {"ZeroPad2d(1)", "5", "RuntimeError: Padding length too large", 'c', nullptr},
    {"ZeroPad2d(1)", "-", "RuntimeError: Padding length too large", 'c', nullptr},
    {"ZeroPad2d(1)", "1x2x3x5x5", "[1, 2, 3, 7, 7]", 'o', nullptr},
    {"ZeroPad2d((1, 2, 3, 4))", "3x5x5", "[3, 12, 8]", 'o', nullptr},
    {"ZeroPad2d((1, 2))", "3x5x5", "[3, 5, 8]", 'o', nullptr},
    {"ZeroPad2d((1, 2, 3))", "3x5x5", "RuntimeError: Padding length must be divisible by 2", 'c', nullptr},
    {"ZeroPad2d((1, 2, 3, 4, 5, 6))", "2x3x5x5", "[2, 14, 12, 8]", 'o', nullptr},
    {"ZeroPad2d(-1)", "3x5x5", "[3, 3, 3]", 'o', nullptr},
    {"ZeroPad2d(-3)", "3x5x5", "RuntimeError: start (0) + length (-1) exceeds dimension size (2).", 'c', nullptr},
    {"ZeroPad2d((-3, -2, 0, 0))", "3x5x5", "[3, 5, 0]", 'o', nullptr},
    {"ZeroPad2d((-3, -3, 0, 0))", "3x5x5", "RuntimeError: start (0) + length (-1) exceeds dimension size (2).", 'c', nullptr},
    {"ZeroPad2d((-7, 0, 0, 0))", "2x3x5x5", "IndexError: Dimension out of range (expected to be in range of [-5, 4], but got 7)", 'c', nullptr},
    {"ZeroPad2d((-5, 0, 0, 0))", "2x3x5x5", "[2, 3, 5, 0]", 'o', nullptr},
    {"ZeroPad2d((1, 0, -5, 0))", "2x3x5x5", "RuntimeError: The input size 5, plus negative padding -5 and 0 resulted in a negative output size, which is invalid. Check dimension 2 of your input.", 'c', nullptr},
    {"ZeroPad2d((0, 0, -5, 0))", "2x3x5x5", "[2, 3, 0, 5]", 'o', nullptr},
    {"ZeroPad2d((1, 0, 0, -6))", "2x3x5x5", "RuntimeError: start (0) + length (-1) exceeds dimension size (5).", 'c', nullptr},
    {"ZeroPad2d((-2, -2, 1, 0))", "2x3x5x3", "RuntimeError: start (0) + length (-1) exceeds dimension size (1).", 'c', nullptr},
    {"ZeroPad2d((-2, 3, 1, -1))", "2x3x5x5", "[2, 3, 5, 6]", 'o', nullptr},
    {"ZeroPad2d((1, 0, 0, 0))", "2x3x0x0", "RuntimeError: The input size 0, plus negative padding 0 and 0 resulted in a negative output size, which is invalid. Check dimension 2 of your input.", 'c', nullptr},
    {"ZeroPad2d(1)", "2x3x0x5", "[2, 3, 2, 7]", 'o', nullptr},
    {"ZeroPad2d(2.5)", "3x5x5", "TypeError: pad(): argument 'pad' (position 2) must be tuple of ints, not tuple", 'c', "@parse"},
    {"ZeroPad2d('a')", "3x5x5", "TypeError: pad(): argument 'pad' (position 2) must be tuple of ints, not tuple", 'c', "@parse"},
    {"ZeroPad2d(None)", "3x5x5", "TypeError: pad(): argument 'pad' (position 2) must be tuple of ints, not tuple", 'c', "@parse"},
    {"ZeroPad2d(True)", "2x3x5x5", "TypeError: pad(): argument 'pad' (position 2) must be tuple of ints, not tuple", 'c', "@parse"},
    {"ZeroPad2d((1, 2.0, 3, 4))", "3x5x5", "TypeError: pad(): argument 'pad' must be tuple of ints, but found element of type float at pos 2", 'c', "@parse"},
    {"ZeroPad2d((1, True, 1, 1))", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"ZeroPad2d()", "3x5x5", "TypeError: ZeroPad2d.__init__() missing 1 required positional argument: 'padding'", 'i', nullptr},
    {"ConstantPad2d(1, 2.5)", "3x5x5", "[3, 7, 7]", 'o', nullptr},
    {"ConstantPad2d((1, 0, 2, 0), -1)", "2x3x5x5", "[2, 3, 7, 6]", 'o', nullptr},
    {"ConstantPad2d(1, None)", "3x5x5", "[3, 7, 7]", 'o', nullptr},
    {"ConstantPad2d(1, True)", "3x5x5", "[3, 7, 7]", 'o', nullptr},
    {"ConstantPad2d(1, 'a')", "3x5x5", "TypeError: pad(): argument 'value' (position 4) must be float, not str", 'c', "@parse"},
    {"ConstantPad2d(1)", "3x5x5", "TypeError: ConstantPad2d.__init__() missing 1 required positional argument: 'value'", 'i', nullptr},
    {"ConstantPad2d((1, 1, 1, 1), 2)", "1x1x5", "[1, 3, 7]", 'o', nullptr},
    {"ConstantPad2d((-1, -1, -1, -1), 2)", "2x3x5x5", "[2, 3, 3, 3]", 'o', nullptr},
    {"ReflectionPad2d(1)", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"ReflectionPad2d(4)", "2x3x5x5", "[2, 3, 13, 13]", 'o', nullptr},
    {"ReflectionPad2d(5)", "2x3x5x5", "RuntimeError: Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (5, 5) at dimension 3 of input 4", 'c', nullptr},
    {"ReflectionPad2d((4, 4, 0, 0))", "2x3x5x5", "[2, 3, 5, 13]", 'o', nullptr},
    {"ReflectionPad2d((0, 0, 5, 0))", "2x3x5x5", "RuntimeError: Argument #6: Padding size should be less than the corresponding input dimension, but got: padding (5, 0) at dimension 2 of input 4", 'c', nullptr},
    {"ReflectionPad2d((5, 0, 0, 0))", "3x5x5", "RuntimeError: Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (5, 0) at dimension 2 of input 3", 'c', nullptr},
    {"ReflectionPad2d(1)", "5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"ReflectionPad2d(1)", "1x2x3x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"ReflectionPad2d(-1)", "2x3x5x5", "[2, 3, 3, 3]", 'o', nullptr},
    {"ReflectionPad2d(-3)", "2x3x5x5", "RuntimeError: input (H: 5, W: 5)is too small. Calculated output H: -1 W: -1", 'c', nullptr},
    {"ReflectionPad2d((-3, -3, 1, 1))", "2x3x5x5", "RuntimeError: numel: integer multiplication overflow", 'c', nullptr},
    {"ReflectionPad2d((-3, -2, 1, 1))", "2x3x5x5", "[2, 3, 7, 0]", 'o', nullptr},
    {"ReflectionPad2d((-5, 1, 1, 1))", "2x3x5x5", "[2, 3, 7, 1]", 'o', nullptr},
    {"ReflectionPad2d((1, 2))", "2x3x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"ReflectionPad2d((1, 2))", "3x5x5", "[3, 5, 8]", 'o', nullptr},
    {"ReflectionPad2d((1, 2))", "5x5", "[5, 8]", 'o', nullptr},
    {"ReflectionPad2d((1, 2, 3))", "2x3x5x5", "RuntimeError: Padding length must be divisible by 2", 'c', nullptr},
    {"ReflectionPad2d(1)", "2x0x5x5", "RuntimeError: 3D or 4D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{2,0,5,5} ]", 'c', nullptr},
    {"ReflectionPad2d(1)", "0x3x5x5", "[0, 3, 7, 7]", 'o', nullptr},
    {"ReflectionPad2d(1)", "2x3x0x5", "RuntimeError: 3D or 4D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{2,3,0,5} ]", 'c', nullptr},
    {"ReflectionPad2d(1)", "0x5x5", "[0, 7, 7]", 'o', nullptr},
    {"ReflectionPad2d(1)", "3x0x5", "RuntimeError: 3D or 4D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{3,0,5} ]", 'c', nullptr},
    {"ReplicationPad2d(1)", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"ReplicationPad2d(7)", "2x3x5x5", "[2, 3, 19, 19]", 'o', nullptr},
    {"ReplicationPad2d((2, 0, 1, 3))", "3x4x6", "[3, 8, 8]", 'o', nullptr},
    {"ReplicationPad2d(1)", "5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"ReplicationPad2d(1)", "1x2x3x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"ReplicationPad2d(-1)", "2x3x5x5", "[2, 3, 3, 3]", 'o', nullptr},
    {"ReplicationPad2d(-3)", "2x3x5x5", "RuntimeError: input (H: 5, W: 5 ) is too small. Calculated output H: -1 W: -1", 'c', nullptr},
    {"ReplicationPad2d((-3, -3, 1, 1))", "2x3x5x5", "RuntimeError: Trying to create tensor with negative dimension -1: [2, 3, 7, -1]", 'c', nullptr},
    {"ReplicationPad2d((-9, 1, 1, 1))", "2x3x5x5", "RuntimeError: Trying to create tensor with negative dimension -3: [2, 3, 7, -3]", 'c', nullptr},
    {"ReplicationPad2d((1, 1))", "3x5x5", "[3, 5, 7]", 'o', nullptr},
    {"ReplicationPad2d(1)", "2x3x0x5", "RuntimeError: Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [2, 3, 0, 5]", 'c', nullptr},
    {"ReplicationPad2d(1)", "2x0x5x5", "RuntimeError: Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [2, 0, 5, 5]", 'c', nullptr},
    {"ReplicationPad2d(1)", "0x3x5x5", "[0, 3, 7, 7]", 'o', nullptr},
    {"ReplicationPad2d(1)", "0x5x5", "RuntimeError: Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [0, 5, 5]", 'c', nullptr},
    {"F.pad(x, (1, 2))", "2x3x5x5", "[2, 3, 5, 8]", 'o', nullptr},
    {"F.pad(x, [1, 1, 2, 0])", "2x3x5x5", "[2, 3, 7, 7]", 'o', nullptr},
    {"F.pad(x, (1, 2, 3))", "2x3x5x5", "RuntimeError: Padding length must be divisible by 2", 'c', nullptr},
    {"F.pad(x, ())", "3x5x5", "[3, 5, 5]", 'o', nullptr},
    {"F.pad(x, (1, 2, 3, 4, 5, 6))", "2x3x5x5", "[2, 14, 12, 8]", 'o', nullptr},
    {"F.pad(x, (1, 2), mode='reflect')", "3x5", "[3, 8]", 'o', nullptr},
    {"F.pad(x, (1, 2), mode='reflect')", "2x3x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"F.pad(x, (1, 2), mode='reflect')", "5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"F.pad(x, (5, 1), mode='reflect')", "3x5", "RuntimeError: Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (5, 1) at dimension 1 of input [3, 5]", 'c', nullptr},
    {"F.pad(x, (5, 1), mode='reflect')", "2x3x5", "RuntimeError: Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (5, 1) at dimension 2 of input [2, 3, 5]", 'c', nullptr},
    {"F.pad(x, (-6, 1), mode='reflect')", "2x3x5", "RuntimeError: 2input (W: 5)is too small. Calculated output W: 0", 'c', nullptr},
    {"F.pad(x, (-3, -3), mode='reflect')", "2x3x5", "RuntimeError: 2input (W: 5)is too small. Calculated output W: -1", 'c', nullptr},
    {"F.pad(x, (1, 1), mode='reflect')", "2x0x5", "RuntimeError: 2D or 3D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{2,0,5} ]", 'c', nullptr},
    {"F.pad(x, (1, 1), mode='reflect')", "0x3x5", "[0, 3, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1), mode='reflect')", "3x0", "RuntimeError: 2D or 3D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{3,0} ]", 'c', nullptr},
    {"F.pad(x, (1, 1), mode='reflect')", "0x3", "[0, 5]", 'o', nullptr},
    {"F.pad(x, (1, 2, 1, 1), mode='reflect')", "3x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"F.pad(x, (1, 2, 1, 1), mode='reflect')", "3x5x5", "[3, 7, 8]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect')", "3x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"F.pad(x, (), mode='reflect')", "3x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"F.pad(x, (1, 1), mode='replicate')", "2x3x5", "[2, 3, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1), mode='replicate')", "2x0x5", "RuntimeError: Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [2, 0, 5]", 'c', nullptr},
    {"F.pad(x, (1, 1), mode='replicate')", "0x3x5", "[0, 3, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1), mode='replicate')", "3x0", "RuntimeError: Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [3, 0]", 'c', nullptr},
    {"F.pad(x, (1, 1), mode='replicate')", "0x3", "RuntimeError: Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [0, 3]", 'c', nullptr},
    {"F.pad(x, (-3, -3), mode='replicate')", "2x3x5", "RuntimeError: input (W: 5) is too small. Calculated output W: -1", 'c', nullptr},
    {"F.pad(x, (1, 2, 1, 1), mode='replicate')", "5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"F.pad(x, (1, 2, 1, 1), mode='replicate')", "1x2x3x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"F.pad(x, (1, 2, 1, 1), value=3)", "2x3x5x5", "[2, 3, 7, 8]", 'o', nullptr},
    {"F.pad(x, (1, 2, 1, 1), mode='reflect', value=3)", "2x3x5x5", "RuntimeError: Padding mode \"reflect\" doesn't take in value argument", 'c', nullptr},
    {"F.pad(x, (1, 2, 1, 1), mode='reflect', value=0)", "2x3x5x5", "[2, 3, 7, 8]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1), mode='replicate', value=1.5)", "3x5x5", "RuntimeError: Padding mode \"replicate\" doesn't take in value argument", 'c', nullptr},
    {"F.pad(x, (1, 2, 1, 1), mode='circular')", "2x3x5x5", "[2, 3, 7, 8]", 'o', nullptr},
    {"F.pad(x, (1, 2, 1, 1), mode='foo')", "2x3x5x5", "NotImplementedError: Unrecognised padding mode foo", 'c', "@parse"},
    {"F.pad(x, (1, 1, 1), mode='foo')", "3x5x5", "NotImplementedError: Unrecognised padding mode foo", 'c', "@parse"},
    {"F.pad(x, (1, 1), mode=3)", "3x5x5", "TypeError: pad(): argument 'mode' must be str, not int", 'c', "@parse"},
    {"F.pad(x, (1, 1), value='a')", "3x5x5", "TypeError: pad(): argument 'value' must be float, not str", 'c', "@parse"},
    {"F.pad(x, 1)", "2x3x5x5", "TypeError: pad(): argument 'pad' (position 2) must be tuple of ints, not int", 'c', "@parse"},
    {"F.pad(x, (1, 1.5))", "2x3x5x5", "TypeError: pad(): argument 'pad' must be tuple of ints, but found element of type float at pos 2", 'c', "@parse"},
    // six numbers: dim -3 too (constant_pad_nd; reflection/replication_pad3d on 4D or 5D input)
    {"F.pad(x, (0, 0, 0, 0, 4, 4))", "2x8x16x16", "[2, 16, 16, 16]", 'o', nullptr},
    {"F.pad(x, (0, 0, 0, 0, 2, 2), 'constant', 0)", "2x3x5x5", "[2, 7, 5, 5]", 'o', nullptr},
    {"F.pad(x, (0, 0, 0, 0, -1, -1))", "2x3x5x5", "[2, 1, 5, 5]", 'o', nullptr},
    {"F.pad(x, (0, 0, 0, 0, -3, 0))", "2x3x5x5", "[2, 0, 5, 5]", 'o', nullptr},
    {"F.pad(x, (0, 0, 0, 0, -2, -2))", "2x3x5x5", "RuntimeError: start (0) + length (-1) exceeds dimension size (1).", 'c', nullptr},
    {"F.pad(x, (0, 0, 0, 0, -4, 0))", "2x3x5x5", "IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 4)", 'c', nullptr},
    {"F.pad(x, (0, 0, 0, 0, 0, -4))", "2x3x5x5", "RuntimeError: start (0) + length (-1) exceeds dimension size (3).", 'c', nullptr},
    {"F.pad(x, (1, 0, 0, 0, -3, 0))", "2x3x5x5", "RuntimeError: The input size 3, plus negative padding -3 and 0 resulted in a negative output size, which is invalid. Check dimension 1 of your input.", 'c', nullptr},
    {"F.pad(x, (-1, 2, 1, -2, 2, -1))", "2x3x5x5", "[2, 4, 4, 6]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1))", "5x5", "RuntimeError: Padding length too large", 'c', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1))", "3x5x5", "[5, 7, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1))", "1x2x3x5x5", "[1, 2, 5, 7, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1))", "0x3x5x5", "[0, 5, 7, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1))", "2x0x5x5", "[2, 2, 7, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), value=2.5)", "2x3x4x4", "[2, 5, 6, 6]", 'o', nullptr},
    {"F.pad(x, (0, 0, 0, 0, 1, 1, 1, 1))", "2x3x5x5", "[4, 5, 5, 5]", 'o', "parse:NotImplementedError: cnnc pads the last three dimensions at most (a padding of 2, 4 or 6 numbers), not 8"},
    {"F.pad(x, (1, 1, 1, 1, 1, 1, 1))", "2x3x5x5", "RuntimeError: Padding length must be divisible by 2", 'c', nullptr},
    {"ConstantPad2d((0, 0, 0, 0, 2, 2), 1.5)", "2x3x5x5", "[2, 7, 5, 5]", 'o', nullptr},
    {"ZeroPad2d((0, 0, 0, 0, -1, 2))", "3x5x5", "[4, 5, 5]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect')", "2x3x5x5", "[2, 5, 7, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect')", "1x2x3x5x5", "[1, 2, 5, 7, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect')", "2x2x3x5x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"F.pad(x, (0, 0, 0, 0, 3, 0), mode='reflect')", "2x3x5x5", "RuntimeError: Argument #8: Padding size should be less than the corresponding input dimension, but got: padding (3, 0) at dimension 1 of input [2, 3, 5, 5]", 'c', nullptr},
    {"F.pad(x, (6, 0, 0, 0, 0, 0), mode='reflect')", "2x3x5x5", "RuntimeError: Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (6, 0) at dimension 3 of input [2, 3, 5, 5]", 'c', nullptr},
    {"F.pad(x, (0, 0, 6, 0, 0, 0), mode='reflect')", "1x2x3x5x5", "RuntimeError: Argument #6: Padding size should be less than the corresponding input dimension, but got: padding (6, 0) at dimension 3 of input [1, 2, 3, 5, 5]", 'c', nullptr},
    {"F.pad(x, (-3, -3, -3, -3, -2, -2), mode='reflect')", "2x3x5x5", "RuntimeError: input (D: 3 H: 5, W: 5) is too small. Calculated output D: -1 H: -1 W: -1", 'c', nullptr},
    {"F.pad(x, (0, 0, 0, 0, -3, -3), mode='reflect')", "2x3x5x5", "RuntimeError: Trying to create tensor with negative dimension -3: [2, -3, 5, 5]", 'c', nullptr},
    {"F.pad(x, (-5, 1, 1, 1, 1, 1), mode='reflect')", "2x3x5x5", "[2, 5, 7, 1]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect')", "2x0x5x5", "RuntimeError: Expected 4D or 5D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [2, 0, 5, 5]", 'c', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect')", "0x3x5x5", "RuntimeError: Expected 4D or 5D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [0, 3, 5, 5]", 'c', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect')", "0x2x3x5x5", "[0, 2, 5, 7, 7]", 'o', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='reflect', value=2)", "2x3x5x5", "RuntimeError: Padding mode \"reflect\" doesn't take in value argument", 'c', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='replicate')", "2x3x5x5", "[2, 5, 7, 7]", 'o', nullptr},
    {"F.pad(x, (0, 0, 0, 0, 3, 0), mode='replicate')", "2x3x5x5", "[2, 6, 5, 5]", 'o', nullptr},
    {"F.pad(x, (-3, -3, -3, -3, -3, -3), mode='replicate')", "2x3x5x5", "RuntimeError: input (D: 3 H: 5, W: 5) is too small. Calculated output D: -3 H: -1 W: -1", 'c', nullptr},
    {"F.pad(x, (0, 0, -3, -3, 0, 0), mode='replicate')", "2x3x5x5", "RuntimeError: Trying to create tensor with negative dimension -1: [2, 3, -1, 5]", 'c', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='replicate')", "1x2x0x5x5", "RuntimeError: Expected 4D or 5D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [1, 2, 0, 5, 5]", 'c', nullptr},
    {"F.pad(x, (1, 1, 1, 1, 1, 1), mode='replicate')", "3x5x5", "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now", 'c', nullptr},
    {"ReflectionPad2d((1, 1, 1, 1, 1, 1))", "2x3x5x5", "[2, 5, 7, 7]", 'o', nullptr},
    {"ReplicationPad2d((2, 0, 1, 0, 1, 2))", "1x2x3x4x5", "[1, 2, 6, 5, 7]", 'o', nullptr},
    {"Unflatten(1, (2, 3))", "4x6", "[4, 2, 3]", 'o', nullptr},
    {"Unflatten(1, (2, -1))", "4x6", "[4, 2, 3]", 'o', nullptr},
    {"Unflatten(-1, (2, 3))", "4x6", "[4, 2, 3]", 'o', nullptr},
    {"Unflatten(1, (2, 3, 1))", "4x6x5", "[4, 2, 3, 1, 5]", 'o', nullptr},
    {"Unflatten(0, (2, 3))", "6", "[2, 3]", 'o', nullptr},
    {"Unflatten(1, (6,))", "4x6", "[4, 6]", 'o', nullptr},
    {"Unflatten(1, (-1, -1))", "4x6", "RuntimeError: unflatten got an unexpected error:", 'c', nullptr},
    {"Unflatten(1, (2, 4))", "4x6", "RuntimeError: unflatten: Provided sizes [2, 4] don't multiply up to the size of dim 1 (6) in the input tensor", 'c', nullptr},
    {"Unflatten(1, (4, -1))", "4x6", "RuntimeError: unflatten: Provided sizes [4, -1] don't multiply up to the size of dim 1 (6) in the input tensor", 'c', nullptr},
    {"Unflatten(1, (0, -1))", "4x6", "RuntimeError: unflatten: Provided sizes [0, -1] don't multiply up to the size of dim 1 (6) in the input tensor", 'c', nullptr},
    {"Unflatten(1, (0, -1))", "4x0", "RuntimeError: cannot reshape tensor of 0 elements into shape [0, -1] because the unspecified dimension size -1 can be any value and is ambiguous", 'c', nullptr},
    {"Unflatten(1, (0, 3))", "4x0", "[4, 0, 3]", 'o', nullptr},
    {"Unflatten(1, (2, -2))", "4x6", "RuntimeError: invalid shape dimension -2", 'c', nullptr},
    {"Unflatten(2, (2, 3))", "4x6", "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)", 'c', nullptr},
    {"Unflatten(-3, (2, 3))", "4x6", "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got -3)", 'c', nullptr},
    {"Unflatten(1, (2, 3))", "6", "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)", 'c', nullptr},
    {"Unflatten(0, (2, 3))", "-", "IndexError: Dimension specified as 0 but tensor has no dimensions", 'c', nullptr},
    {"Unflatten(1, ())", "4x6", "RuntimeError: unflatten: sizes must be non-empty", 'c', nullptr},
    {"Unflatten(1, 6)", "4x6", "TypeError: unflattened_size must be a tuple of ints, but found type int", 'i', nullptr},
    {"Unflatten(1, 'ab')", "4x6", "TypeError: unflattened_size must be a tuple of ints, but found type str", 'i', nullptr},
    {"Unflatten(1, (2.0, 3))", "4x6", "TypeError: unflattened_size must be tuple of ints, but found element of type float at pos 0", 'i', nullptr},
    {"Unflatten(1, (2, 3.0))", "4x6", "TypeError: unflattened_size must be tuple of ints, but found element of type float at pos 1", 'i', nullptr},
    {"Unflatten(1, (None, 3))", "4x6", "TypeError: unflattened_size must be tuple of ints, but found element of type NoneType at pos 0", 'i', nullptr},
    {"Unflatten(1, ((2, 3),))", "4x6", "TypeError: unflattened_size must be tuple of ints, but found element of type tuple at pos 0", 'i', nullptr},
    {"Unflatten(1.0, (2, 3))", "4x6", "TypeError: invalid argument type for dim parameter", 'i', nullptr},
    {"Unflatten(True, (2, 3))", "4x6", "TypeError: unflatten(): argument 'dim' (position 1) must be int, not bool", 'c', nullptr},
    {"Unflatten(1, (True, 6))", "4x6", "TypeError: unflatten(): argument 'sizes' (position 2) must be tuple of ints, not tuple", 'c', nullptr},
    {"Unflatten('a', (2, 3))", "4x6", "TypeError: unflattened_size must be tuple of tuples, but found element of type int at pos 0", 'i', nullptr},
    {"Unflatten(1)", "4x6", "TypeError: Unflatten.__init__() missing 1 required positional argument: 'unflattened_size'", 'i', nullptr},
    {"Unflatten(1, (2, 3), 1)", "4x6", "TypeError: Unflatten.__init__() takes 3 positional arguments but 4 were given", 'i', nullptr},
    {"Unflatten(dim=1, unflattened_size=(3, 2))", "4x6", "[4, 3, 2]", 'o', nullptr},
};

std::string first_line(const std::string &s) { return s.substr(0, s.find('\n')); }

std::string err_line(const cnnc_error &e) {
    char buf[2048];
    cnnc_error_line(&e, buf, sizeof buf);
    return first_line(buf);
}

cnnc_shape parse_input(const std::string &text) {
    cnnc_shape s;
    std::memset(&s, 0, sizeof s);
    if (text == "-") return s;
    std::stringstream ss(text);
    for (std::string part; std::getline(ss, part, 'x');) s.d[s.ndim++] = std::stoll(part);
    return s;
}

std::string fmt(const cnnc_shape &s) {
    char b[256];
    cnnc_shape_format(&s, b, sizeof b);
    return b;
}

// ---- a call's arguments as Python literals, bound like Python binds them ----

struct Args {
    std::deque<cnnc_arg> store;              // stable addresses for items
    std::deque<std::vector<cnnc_arg>> items;
    std::deque<std::string> strings;
    std::vector<const cnnc_arg *> positional;
    std::vector<std::pair<std::string, const cnnc_arg *>> keyword;
};

struct Lit {
    const std::string &t;
    size_t i = 0;
    Args &out;
    void ws() { while (i < t.size() && t[i] == ' ') i++; }
    cnnc_arg value() {
        ws();
        cnnc_arg a;
        std::memset(&a, 0, sizeof a);
        char c = t[i];
        if (c == '(' || c == '[') {
            const char close = c == '(' ? ')' : ']';
            a.kind = c == '(' ? CNNC_ARG_TUPLE : CNNC_ARG_LIST;
            i++;
            std::vector<cnnc_arg> v;
            ws();
            while (t[i] != close) {
                v.push_back(value());
                ws();
                if (t[i] == ',') i++;
                ws();
            }
            i++;
            items.push_back(v);
            a.n = (int32_t)items.back().size();
            a.items = items.back().data();
            return a;
        }
        if (c == '\'' || c == '"') {
            size_t e = t.find(c, i + 1);
            strings.push_back(t.substr(i + 1, e - i - 1));
            a.kind = CNNC_ARG_STR;
            a.s = strings.back().c_str();
            a.slen = (int32_t)strings.back().size();
            i = e + 1;
            return a;
        }
        size_t e = i;
        while (e < t.size() && std::strchr(",)] ", t[e]) == nullptr) e++;
        std::string w = t.substr(i, e - i);
        i = e;
        if (w == "None") a.kind = CNNC_ARG_NONE;
        else if (w == "True" || w == "False") { a.kind = CNNC_ARG_BOOL; a.i = w == "True"; }
        else if (w.find_first_of(".e") != std::string::npos) { a.kind = CNNC_ARG_FLOAT; a.f = std::stod(w); }
        else { a.kind = CNNC_ARG_INT; a.i = std::stoll(w); }
        return a;
    }
    std::deque<std::vector<cnnc_arg>> &items = out.items;
    std::deque<std::string> &strings = out.strings;
};

// "F.pad(x, (1, 2), mode='reflect')" -> "pad" and the arguments after x.
std::string parse_call(const std::string &call, Args *args) {
    size_t open = call.find('(');
    std::string fn = call.substr(2, open - 2);
    std::string body = call.substr(open + 1, call.size() - open - 2);
    Lit lit{body, 0, *args};
    lit.ws();
    if (body.compare(0, 1, "x") == 0) lit.i = 1;
    for (;;) {
        lit.ws();
        if (lit.i < body.size() && body[lit.i] == ',') lit.i++;
        lit.ws();
        if (lit.i >= body.size()) break;
        size_t eq = body.find('=', lit.i);
        size_t comma = body.find_first_of(",([", lit.i);
        std::string kw;
        if (eq != std::string::npos && (comma == std::string::npos || eq < comma)) {
            kw = body.substr(lit.i, eq - lit.i);
            lit.i = eq + 1;
        }
        args->store.push_back(lit.value());
        if (kw.empty()) args->positional.push_back(&args->store.back());
        else args->keyword.emplace_back(kw, &args->store.back());
    }
    return fn;
}

// Parameter names of "name(a, b=1, c='x')" after the first `skip`.
std::vector<std::string> param_names(const char *sig, int skip) {
    std::vector<std::string> names;
    if (!sig) return names;
    std::string s = sig;
    size_t open = s.find('(');
    if (open != std::string::npos) s = s.substr(open + 1, s.rfind(')') - open - 1);
    std::stringstream ss(s);
    for (std::string p; std::getline(ss, p, ',');) {
        p = p.substr(p.find_first_not_of(' '));
        names.push_back(p.substr(0, p.find('=')));
    }
    names.erase(names.begin(), names.begin() + std::min<size_t>(skip, names.size()));
    return names;
}

// The kind whose functional form is F.<fn>, with its arguments bound by name to
// build()'s slots: the constructor's parameters, or (no constructor) the
// function's own after the tensor.
const cnnc_layer_def *bind_functional(const std::string &fn, const Args &args, std::vector<const cnnc_arg *> *slots,
                                      std::string *why) {
    const cnnc_layer_def *def = nullptr;
    for (int k = 0; k < CNNC_LAYER_KIND_COUNT; k++) {
        const cnnc_layer_def *d = cnnc_layer_def_of((cnnc_layer_kind)k);
        if (d->functional && (d->functional_in & CNNC_FN_NN_F) &&
            std::string(d->functional).rfind(fn + "(", 0) == 0)
            def = d;
    }
    if (!def) { *why = "no kind has the functional F." + fn; return nullptr; }
    std::vector<std::string> fparams = param_names(def->functional, 1);
    std::vector<std::string> slots_names = def->signature ? param_names(def->signature, 0) : fparams;
    slots->assign(slots_names.size(), nullptr);
    auto put = [&](const std::string &name, const cnnc_arg *a) {
        for (size_t k = 0; k < slots_names.size(); k++)
            if (slots_names[k] == name) { (*slots)[k] = a; return true; }
        return false;
    };
    for (size_t k = 0; k < args.positional.size(); k++)
        if (k >= fparams.size() || !put(fparams[k], args.positional[k])) { *why = "positional argument without a slot"; return nullptr; }
    for (auto &[kw, a] : args.keyword)
        if (!put(kw, a)) { *why = "keyword " + kw + " binds to no parameter of " + def->name; return nullptr; }
    return def;
}

// What cnnc says for a row: "parse:<line>", "shape:<line>" or the output shape.
std::string cnnc_answer(const Row &r) {
    cnnc_error err;
    cnnc_error_clear(&err);
    cnnc_shape in = parse_input(r.input), out;
    std::string call = r.call;
    if (call.rfind("F.", 0) == 0) {
        Args args;
        std::string fn = parse_call(call, &args), why;
        std::vector<const cnnc_arg *> slots;
        const cnnc_layer_def *def = bind_functional(fn, args, &slots, &why);
        if (!def) return "binding failed: " + why;
        cnnc_layer L;
        std::memset(&L, 0, sizeof L);
        L.kind = def->kind;
        std::snprintf(L.name, sizeof L.name, "f");
        cnnc_arg at;
        std::memset(&at, 0, sizeof at);
        cnnc_status st = def->build(&L, slots.data(), &at, &err);
        if (st) return "parse:" + err_line(err);
        cnnc_model m;
        std::memset(&m, 0, sizeof m);
        m.layers = &L;
        m.n_layers = 1;
        st = cnnc_shape_pass(&m, &in, nullptr, &out, &err);
        return st ? "shape:" + err_line(err) : fmt(out);
    }
    std::string text = "m = " + call + "\n";
    cnnc_model *m = nullptr;
    cnnc_status st = cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err);
    if (st) return "parse:" + err_line(err);
    st = cnnc_shape_pass(m, &in, nullptr, &out, &err);
    std::string res = st ? "shape:" + err_line(err) : fmt(out);
    cnnc_model_free(m);
    return res;
}

std::string expected(const Row &r) {
    if (r.cnnc && std::strcmp(r.cnnc, "@parse") == 0) return std::string("parse:") + r.torch;
    if (r.cnnc) return r.cnnc;
    if (r.stage == 'o') return r.torch;
    return std::string(r.stage == 'i' ? "parse:" : "shape:") + r.torch;
}

class PoolLayerRow : public ::testing::TestWithParam<Row> {};

TEST_P(PoolLayerRow, GivesPyTorchsShapeOrMessageAtTheSameStage) {
    const Row &r = GetParam();
    EXPECT_EQ(cnnc_answer(r), expected(r)) << r.call << " on " << r.input;
}

INSTANTIATE_TEST_SUITE_P(PyTorchTable, PoolLayerRow, ::testing::ValuesIn(kRows),
                         [](const ::testing::TestParamInfo<Row> &i) { return "row" + std::to_string(i.index); });

// The PyTorch column is what PyTorch says now: all rows through one interpreter.
TEST(PoolLayersOracle, TheTableIsWhatPyTorchSays) {
    std::string why;
    ASSERT_TRUE(torch_available(&why)) << why;  // the oracle must run: CI installs torch
    WorkDir dir("pool_oracle");
    {
        std::ofstream rows(dir / "rows.tsv");
        for (const Row &r : kRows) rows << r.call << "\t" << r.input << "\n";
    }
    RunResult o = run(python_exe() + " " + script("pool_oracle.py") + " < " + quote((dir / "rows.tsv").string()), dir);
    ASSERT_EQ(o.rc, 0) << o.err;
    std::istringstream lines(o.out);
    size_t k = 0;
    for (std::string l; std::getline(lines, l); k++) {
        ASSERT_LT(k, sizeof kRows / sizeof kRows[0]) << "extra oracle line " << l;
        const Row &r = kRows[k];
        const std::string stage = l.substr(0, l.find('\t')), result = l.substr(l.find('\t') + 1);
        EXPECT_EQ(stage.substr(0, 1), std::string(1, r.stage)) << r.call << " on " << r.input << ": " << result;
        EXPECT_EQ(result, r.torch) << r.call << " on " << r.input;
        // a refusal must be of something PyTorch runs, or raises only at the call
        if (r.cnnc && std::strncmp(r.cnnc, "@", 1) != 0 && std::strstr(r.cnnc, "cnnc")) {
            EXPECT_NE(r.stage, 'i') << r.call;
        }
    }
    EXPECT_EQ(k, sizeof kRows / sizeof kRows[0]);
}

// ---- what the rows do not show ----

std::string render_of(const std::string &call) {
    std::string text = "m = " + call + "\n";
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    if (cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err)) return "parse:" + err_line(err);
    char buf[512];
    cnnc_layer_render(&m->layers[0], buf, sizeof buf);
    cnnc_model_free(m);
    return buf;
}

TEST(PoolLayers, RenderGivesCanonicalConstructorText) {
    const char *cases[][2] = {
        {"AdaptiveAvgPool2d(output_size=(None, 7))", "AdaptiveAvgPool2d((None, 7))"},
        {"nn.AdaptiveMaxPool2d(3, False)", "AdaptiveMaxPool2d(3)"},
        {"Upsample(None, 2, 'bilinear', True)", "Upsample(scale_factor=2.0, mode='bilinear', align_corners=True)"},
        {"Upsample(size=(4, 5), recompute_scale_factor=False)", "Upsample(size=(4, 5), recompute_scale_factor=False)"},
        {"UpsamplingNearest2d(scale_factor=(2, 3))", "UpsamplingNearest2d(scale_factor=(2.0, 3.0))"},
        {"UpsamplingBilinear2d(7)", "UpsamplingBilinear2d(size=7)"},
        {"ZeroPad2d((1, 1, 1, 1))", "ZeroPad2d(padding=1)"},
        {"ConstantPad2d((1, 2), 3)", "ConstantPad2d(padding=(1, 2), value=3.0)"},
        {"ReflectionPad2d((0, 1, 2, 3))", "ReflectionPad2d(padding=(0, 1, 2, 3))"},
        {"ReplicationPad2d(2)", "ReplicationPad2d(padding=2)"},
        {"ZeroPad2d((0, 0, 0, 0, 4, 4))", "ZeroPad2d(padding=(0, 0, 0, 0, 4, 4))"},
        {"ReflectionPad2d((1, 2, 1, 1, -1, 0))", "ReflectionPad2d(padding=(1, 2, 1, 1, -1, 0))"},
        {"Unflatten(-1, (2, -1))", "Unflatten(-1, (2, -1))"},
    };
    for (auto &c : cases) EXPECT_EQ(render_of(c[0]), c[1]) << c[0];
    // and what is rendered reads back to the same layer
    for (auto &c : cases) EXPECT_EQ(render_of(c[1]), c[1]) << c[1];
}

TEST(PoolLayers, RefusalsAreUnsupportedNotParseErrors) {
    for (const char *call : {"Upsample(scale_factor=2, mode='area')", "AdaptiveMaxPool2d(2, return_indices=True)",
                             "ZeroPad2d((1, 1, 1, 1, 1, 1, 1, 1))"}) {
        std::string text = std::string("m = ") + call + "\n";
        cnnc_model *m = nullptr;
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err), CNNC_ERR_UNSUPPORTED) << call;
        EXPECT_EQ(err.line, 1) << call;
        cnnc_model_free(m);
    }
    // 5-D nearest upsampling is followed by the shape pass (PyTorch's upsample_nearest3d sizes);
    // the engines refuse it when they are made (no 3-d kernels)
    std::string text = "m = Upsample(scale_factor=2)\n";
    cnnc_model *m = nullptr;
    cnnc_error err;
    cnnc_error_clear(&err);
    ASSERT_EQ(cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err), CNNC_OK);
    cnnc_shape in = parse_input("1x2x3x4x5"), out;
    ASSERT_EQ(cnnc_shape_pass(m, &in, nullptr, &out, &err), CNNC_OK) << err.message;
    EXPECT_EQ(out.ndim, 5);
    EXPECT_EQ(out.d[2], 6);
    EXPECT_EQ(out.d[4], 10);
    cnnc_model_free(m);
}

// The most used CIFAR ResNet pads its "option A" shortcut's channels with
// F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, planes//4, planes//4), "constant", 0):
// checked from its source, PyTorch gives [2, 10]; converted, the model file
// writes that F.pad back and checks the same.
TEST(PoolLayers, AkamasterResNetShortcutPadsChannelsEndToEnd) {
    WorkDir dir("akamaster");
    const std::string src = quote(source_path("tests/corpus/real/akamaster__pytorch_resnet_cifar10/resnet.py"));
    const std::string how = " --class ResNet --args 'BasicBlock, [3, 3, 3]'";
    RunResult r = run(quote(cnnc_exe()) + " check " + src + how + " --input 2x3x32x32", dir);
    EXPECT_EQ(r.rc, 0) << r.out << r.err;
    EXPECT_EQ(r.out, "ResNet: [2, 10]\n") << r.err;
    const std::string cnn = (dir / "resnet.cnn").string();
    r = run(quote(cnnc_exe()) + " convert " + src + how + " --input 2x3x32x32 -o " + quote(cnn), dir);
    ASSERT_EQ(r.rc, 0) << r.out << r.err;
    const std::string text = read_text(cnn);
    // planes // 4 of the second and third stages (32 and 64 planes)
    EXPECT_NE(text.find("F.pad(h54, pad=(0, 0, 0, 0, 16, 16), value=0.0)"), std::string::npos) << text;
    EXPECT_NE(text.find("pad=(0, 0, 0, 0, 8, 8), value=0.0)"), std::string::npos) << text;
    r = run(quote(cnnc_exe()) + " check " + quote(cnn) + " --input 5x3x32x32", dir);
    EXPECT_EQ(r.rc, 0) << r.out << r.err;
    EXPECT_EQ(r.out, "[5, 10]\n") << r.err;
}

// The geometry the kernels get, where PyTorch's kernels differ by case.
TEST(PoolLayers, UpsampleGeometryKeepsTheGivenScaleAndPyTorchsShortcutRule) {
    auto geom = [](const char *call, const char *input) {
        std::string text = std::string("m = ") + call + "\n";
        cnnc_model *m = nullptr;
        cnnc_error err;
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(text.data(), text.size(), "m.cnn", &m, &err), CNNC_OK) << err_line(err);
        cnnc_shape in = parse_input(input);
        cnnc_layer_shape ls;
        EXPECT_EQ(cnnc_shape_pass(m, &in, &ls, nullptr, &err), CNNC_OK) << err_line(err);
        cnnc_model_free(m);
        return ls.g.upsample;
    };
    cnnc_upsample_geom g = geom("Upsample(scale_factor=1.1)", "2x3x5x5");
    EXPECT_EQ(g.OH, 5);
    EXPECT_DOUBLE_EQ(g.scale_h, 1.1);  // the source index uses 1/1.1, not 5/5
    EXPECT_EQ(g.fwd_shortcuts, 0);
    EXPECT_EQ(geom("Upsample(scale_factor=1.1)", "2x1x5x5").fwd_shortcuts, 1);  // C == 1: PyTorch's channels-last path
    EXPECT_EQ(geom("Upsample(scale_factor=1.1)", "3x1x5").fwd_shortcuts, 0);    // 1-D: never
    g = geom("Upsample(scale_factor=1.7, recompute_scale_factor=True)", "2x3x5x5");
    EXPECT_EQ(g.OH, 8);
    EXPECT_EQ(g.scale_h, 0.0);  // recomputed: in/out
    g = geom("Upsample(scale_factor=3, mode='bilinear', align_corners=True)", "1x1x4x4");
    EXPECT_EQ(g.bilinear, 1);
    EXPECT_EQ(g.align_corners, 1);
    EXPECT_EQ(geom("UpsamplingBilinear2d(scale_factor=2)", "1x1x4x4").align_corners, 1);
}

}  // namespace
