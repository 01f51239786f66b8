from torch import nn


# original implementation from https://github.com/watasabi
class Encoder(nn.Module):
    def __init__(
        self,
        num_input_channels: int,
        base_channel_size: int,
        latent_dim: int,
        act_fn: object = nn.GELU,
    ):
        """
        Inputs:
            - num_input_channels : Number of input channels of the image. For CIFAR, this parameter is 3
            - base_channel_size : Number of channels we use in the first convolutional layers. Deeper layers might use a duplicate of it.
            - latent_dim : Dimensionality of latent representation z
            - act_fn : Activation function used throughout the encoder network
        """
        super().__init__()
        self.latent_dim = latent_dim
        c_hid = base_channel_size
        self.net = nn.Sequential(
            nn.Conv2d(num_input_channels, c_hid, kernel_size=3, padding=1, stride=2), # 32x32 => 16x16
            act_fn(),  # ty:ignore[call-non-callable]
            nn.Conv2d(c_hid, c_hid, kernel_size=3, padding=1),
            act_fn(), # ty:ignore[call-non-callable]
            nn.Conv2d(c_hid, 2 * c_hid, kernel_size=3, padding=1, stride=2), # 16x16 => 8x8
            act_fn(), # ty:ignore[call-non-callable]
            nn.Conv2d(2 * c_hid, 2 * c_hid, kernel_size=3, padding=1),
            act_fn(), # ty:ignore[call-non-callable]
            nn.Conv2d(2 * c_hid, 2 * c_hid, kernel_size=3, padding=1, stride=2), # 8x8 => 4x4
            act_fn(), # ty:ignore[call-non-callable]
            nn.Flatten(),
            nn.Linear(2 * 16 * c_hid, self.latent_dim),
        )

    def forward(self, x):
        return self.net(x)