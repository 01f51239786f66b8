/* nn_celu.c — torch.nn.CELU(alpha=1., inplace=False) and F.celu, written (below) in the Python
 * that cnnc reads: max(0, x) + min(0, alpha * (exp(x / alpha) - 1)) as a torch.where of the two
 * sides, with 1.13's checks and words (celu()'s binding, "alpha cannot be 0"). The where makes
 * the trace check only: `check` and `summary` follow a model with CELU, the engines refuse it. */
#include "py/nn_internal.h"

const char nn_celu_py[] =
    "import torch\n"
    "import torch.nn as nn\n"
    "\n"
    "\n"
    "def celu(input, alpha=1.0, inplace=False):\n"
    "    if not isinstance(input, torch.Tensor):\n"
    "        raise TypeError(\"celu(): argument 'input' (position 1) must be Tensor, not \" + type(input).__name__)\n"
    "    if not isinstance(alpha, (int, float)):\n"
    "        raise TypeError(\"celu(): argument 'alpha' (position 2) must be Number, not \" + type(alpha).__name__)\n"
    "    if alpha == 0:\n"
    "        raise RuntimeError('ZeroDivisionError: alpha cannot be 0 for CELU')\n"
    "    return torch.where(input > 0, input, alpha * (torch.exp(input / alpha) - 1))\n"
    "\n"
    "\n"
    "class CELU(nn.Module):\n"
    "    def __init__(self, alpha=1., inplace=False):\n"
    "        super().__init__()\n"
    "        self.alpha = alpha\n"
    "        self.inplace = inplace\n"
    "\n"
    "    def forward(self, input):\n"
    "        return celu(input, self.alpha, self.inplace)\n";
