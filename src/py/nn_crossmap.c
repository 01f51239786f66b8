/* nn_crossmap.c — torch.nn.CrossMapLRN2d(size, alpha=1e-4, beta=0.75, k=1), the legacy
 * Lua-Torch normalisation gaze and face nets (iTracker) still build, written (below) in
 * the Python that cnnc reads: 1.13's _cross_map_lrn2d asserts a 4-d input, then scales
 * each channel by (k + alpha / size * the sum of squares over `size` channels) ** -beta,
 * which is F.local_response_norm's formula where the window is centred (odd sizes). An
 * even size puts the legacy window one channel later than local_response_norm's: refused. */
#include "py/nn_internal.h"

const char nn_crossmap_py[] =
    "import torch.nn as nn\n"
    "import torch.nn.functional as F\n"
    "\n"
    "\n"
    "class CrossMapLRN2d(nn.Module):\n"
    "    def __init__(self, size, alpha=1e-4, beta=0.75, k=1):\n"
    "        super().__init__()\n"
    "        self.size = size\n"
    "        self.alpha = alpha\n"
    "        self.beta = beta\n"
    "        self.k = k\n"
    "\n"
    "    def forward(self, input):\n"
    "        assert input.dim() == 4\n"
    "        if self.size % 2 == 0:\n"
    "            _cnnc_refuse('cnnc follows CrossMapLRN2d of an odd size (an even one centres its window differently)')\n"
    "        return F.local_response_norm(input, self.size, self.alpha, self.beta, self.k)\n";
