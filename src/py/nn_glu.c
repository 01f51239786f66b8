/* nn_glu.c — torch.nn.GLU(dim=-1) and F.glu (gated linear units: Demucs' and Conv-TasNet's
 * encoders), written (below) in the Python that cnnc reads: the first half of dim times the
 * sigmoid of the second, with 1.13's checks and words in its order (a 0-d input, dim's range,
 * an odd dim). chunk, sigmoid and mul are kinds the engines run. */
#include "py/nn_internal.h"

const char nn_glu_py[] =
    "import torch\n"
    "import torch.nn as nn\n"
    "\n"
    "\n"
    "def glu(input, dim=-1):\n"
    "    if not isinstance(input, torch.Tensor):\n"
    "        raise TypeError(\"glu(): argument 'input' (position 1) must be Tensor, not \" + type(input).__name__)\n"
    "    if input.dim() == 0:\n"
    "        raise RuntimeError('glu does not support scalars because halving size must be even')\n"
    "    if not isinstance(dim, int) or isinstance(dim, bool):\n"
    "        raise TypeError(\"glu(): argument 'dim' (position 2) must be int, not \" + type(dim).__name__)\n"
    "    n = input.dim()\n"
    "    if dim < -n or dim >= n:\n"
    "        raise IndexError('Dimension out of range (expected to be in range of [' + str(-n) + ', ' + str(n - 1) +\n"
    "                         '], but got ' + str(dim) + ')')\n"
    "    d = dim % n\n"
    "    if input.shape[d] % 2 != 0:\n"
    "        raise RuntimeError('Halving dimension must be even, but dimension ' + str(d) + ' is size ' + str(input.shape[d]))\n"
    "    a, b = input.chunk(2, d)\n"
    "    return a * torch.sigmoid(b)\n"
    "\n"
    "\n"
    "class GLU(nn.Module):\n"
    "    def __init__(self, dim=-1):\n"
    "        super().__init__()\n"
    "        self.dim = dim\n"
    "\n"
    "    def forward(self, input):\n"
    "        return glu(input, self.dim)\n";
