# input: 2x8x12x16
# A correlation volume as optical-flow nets build it: a torch.cat of 81 shifted products,
# the shifts read from a meshgrid of aranges (values cnnc knows) as slice bounds.
import torch
import torch.nn as nn


class CorrTorch(nn.Module):
    def __init__(self, max_disp=4, stride=1):
        super().__init__()
        self.max_disp = max_disp
        self.stride = stride
        self.padding_layer = nn.ConstantPad2d(max_disp, 0)

    def forward(self, x):
        in1, in2 = x, x
        height, width = in1.shape[2], in1.shape[3]
        in2_padded = self.padding_layer(in2)
        offset_y, offset_x = torch.meshgrid([torch.arange(0, 2 * self.max_disp + 1, self.stride),
                                             torch.arange(0, 2 * self.max_disp + 1, self.stride)])
        corr_results = [torch.mean(in1 * in2_padded[:, :, dy:dy + height, dx:dx + width], dim=1, keepdim=True)
                        for dx, dy in zip(offset_x.reshape(-1), offset_y.reshape(-1))]
        return torch.cat(corr_results, dim=1)


class StridedCorr(CorrTorch):
    def __init__(self):
        super().__init__(6, 2)
