# input: 8x49x32
# Swin's window attention: the relative position index is built from arange, meshgrid,
# stack, a broadcast difference, permute and in-place adds on slices, then indexes the bias
# table; cnnc knows those int values, so the index is known to stay in the table.
import torch
import torch.nn as nn


class WindowAttention(nn.Module):
    def __init__(self, dim=32, window_size=(7, 7), num_heads=4):
        super().__init__()
        self.dim = dim
        self.window_size = window_size
        self.num_heads = num_heads
        self.scale = (dim // num_heads) ** -0.5
        self.relative_position_bias_table = nn.Parameter(
            torch.zeros((2 * window_size[0] - 1) * (2 * window_size[1] - 1), num_heads))
        coords_h = torch.arange(self.window_size[0])
        coords_w = torch.arange(self.window_size[1])
        coords = torch.stack(torch.meshgrid([coords_h, coords_w]))
        coords_flatten = torch.flatten(coords, 1)
        relative_coords = coords_flatten[:, :, None] - coords_flatten[:, None, :]
        relative_coords = relative_coords.permute(1, 2, 0).contiguous()
        relative_coords[:, :, 0] += self.window_size[0] - 1
        relative_coords[:, :, 1] += self.window_size[1] - 1
        relative_coords[:, :, 0] *= 2 * self.window_size[1] - 1
        relative_position_index = relative_coords.sum(-1)
        self.register_buffer("relative_position_index", relative_position_index)
        self.qkv = nn.Linear(dim, dim * 3)
        self.proj = nn.Linear(dim, dim)
        self.softmax = nn.Softmax(dim=-1)

    def forward(self, x):
        B_, N, C = x.shape
        qkv = self.qkv(x).reshape(B_, N, 3, self.num_heads, C // self.num_heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        attn = (q * self.scale) @ k.transpose(-2, -1)
        relative_position_bias = self.relative_position_bias_table[self.relative_position_index.view(-1)].view(
            self.window_size[0] * self.window_size[1], self.window_size[0] * self.window_size[1], -1)
        relative_position_bias = relative_position_bias.permute(2, 0, 1).contiguous()
        attn = self.softmax(attn + relative_position_bias.unsqueeze(0))
        x = (attn @ v).transpose(1, 2).reshape(B_, N, C)
        return self.proj(x)


class SmallWindows(WindowAttention):
    def __init__(self):
        super().__init__(32, (4, 4), 2)


class WindowTooSmallForInput(WindowAttention):
    def __init__(self):
        super().__init__(32, (5, 5), 4)


class IndexValues(nn.Module):
    """The index itself, checked value by value against PyTorch's through an error message."""

    def __init__(self):
        super().__init__()
        self.attn = WindowAttention(32, (2, 3), 2)

    def forward(self, x):
        raise ValueError(repr(self.attn.relative_position_index.view(-1).tolist()))
