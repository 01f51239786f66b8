import torch as t

from .quantizer import Quantizer


def grad_scale(x, scale):
    y = x
    y_grad = x * scale
    return (y - y_grad).detach() + y_grad


def round_pass(x):
    y = x.round()
    y_grad = x
    return (y - y_grad).detach() + y_grad


class LsqQuan(Quantizer):
    def __init__(
        self, bit, grad_scale, all_positive=False, symmetric=False, per_channel=True
    ):
        super().__init__(bit)

        if all_positive:
            assert not symmetric, "Positive quantization cannot be symmetric"
            # unsigned activation is quantized to [0, 2^b-1]
            self.thd_neg = 0
            self.thd_pos = 2**bit - 1
        else:
            if symmetric:
                # signed weight/activation is quantized to [-2^(b-1)+1, 2^(b-1)-1]
                self.thd_neg = -(2 ** (bit - 1)) + 1
                self.thd_pos = 2 ** (bit - 1) - 1
            else:
                # signed weight/activation is quantized to [-2^(b-1), 2^(b-1)-1]
                self.thd_neg = -(2 ** (bit - 1))
                self.thd_pos = 2 ** (bit - 1) - 1

        self.per_channel = per_channel
        self.grad_scale = grad_scale
        self.s = t.nn.Parameter(t.ones(1))

    def init_from(self, x, *args, **kwargs):
        if self.per_channel:
            self.s = t.nn.Parameter(
                x.detach().abs().mean(dim=list(range(1, x.dim())), keepdim=True)
                * 2
                / (self.thd_pos**0.5)
            )
        else:
            self.s = t.nn.Parameter(x.detach().abs().mean() * 2 / (self.thd_pos**0.5))

    def forward(self, x):
        if self.per_channel:
            assert self.grad_scale == "full", (
                "only full grad scale supported with per_channel=True"
            )
            s_grad_scale = 1.0 / ((self.thd_pos * x.numel()) ** 0.5)
        elif self.grad_scale == "full":
            s_grad_scale = 1.0 / ((self.thd_pos * x.numel()) ** 0.5)
        elif self.grad_scale == "weights":
            s_grad_scale = 1.0 / ((x.numel()) ** 0.5)
        elif self.grad_scale == "none":
            s_grad_scale = 1
        else:
            raise ValueError("grad_scale must be in ['full', 'weights', 'none']")
        s_scale = grad_scale(self.s, s_grad_scale)

        x = x / s_scale
        x = t.clamp(x, self.thd_neg, self.thd_pos)
        x = round_pass(x)
        x = x * s_scale
        return x
