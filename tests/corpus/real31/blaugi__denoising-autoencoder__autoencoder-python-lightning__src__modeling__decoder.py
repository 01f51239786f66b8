from torch import nn


# original implementation from https://github.com/watasabi
class Decoder(nn.Module):
    def __init__(
        self,
        num_input_channels: int,
        base_channel_size: int,
        latent_dim: int,
        act_fn: object = nn.GELU,
    ):
        super().__init__()
        c_hid = base_channel_size
        self.latent_dim = latent_dim
        self.linear = nn.Sequential(
            nn.Linear(self.latent_dim, 2*16*c_hid),
            act_fn()  # ty:ignore[call-non-callable]
        )
        self.net = nn.Sequential(
            nn.ConvTranspose2d(2*c_hid, 2*c_hid, kernel_size=3, output_padding=1, padding=1, stride=2), # 4x4 => 8x8
            act_fn(),  # ty:ignore[call-non-callable]
            nn.Conv2d(2*c_hid, 2*c_hid, kernel_size=3, padding=1),
            act_fn(),  # ty:ignore[call-non-callable]
            nn.ConvTranspose2d(2*c_hid, c_hid, kernel_size=3, output_padding=1, padding=1, stride=2), # 8x8 => 16x16
            act_fn(),  # ty:ignore[call-non-callable]
            nn.Conv2d(c_hid, c_hid, kernel_size=3, padding=1),
            act_fn(),  # ty:ignore[call-non-callable]
            nn.ConvTranspose2d(c_hid, num_input_channels, kernel_size=3, output_padding=1, padding=1, stride=2), # 16x16 => 32x32
            nn.Tanh(), # The input images is scaled between -1 and 1, hence the output has to be bounded as well
        )

    def forward(self, x):
        x = self.linear(x)
        x = x.reshape(x.shape[0], -1, 4, 4)
        return self.net(x)