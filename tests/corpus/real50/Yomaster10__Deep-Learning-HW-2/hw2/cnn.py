import torch
import torch.nn as nn
import itertools as it
from torch import Tensor
from typing import Sequence

from .mlp import MLP, ACTIVATIONS, ACTIVATION_DEFAULT_KWARGS

POOLINGS = {"avg": nn.AvgPool2d, "max": nn.MaxPool2d}


class CNN(nn.Module):
    """
    A simple convolutional neural network model based on PyTorch nn.Modules.

    Has a convolutional part at the beginning and an MLP at the end.
    The architecture is:
    [(CONV -> ACT)*P -> POOL]*(N/P) -> (FC -> ACT)*M -> FC
    """

    def __init__(
        self,
        in_size,
        out_classes: int,
        channels: Sequence[int],
        pool_every: int,
        hidden_dims: Sequence[int],
        conv_params: dict = {},
        activation_type: str = "relu",
        activation_params: dict = {},
        pooling_type: str = "max",
        pooling_params: dict = {},
    ):
        """
        :param in_size: Size of input images, e.g. (C,H,W).
        :param out_classes: Number of classes to output in the final layer.
        :param channels: A list of of length N containing the number of
            (output) channels in each conv layer.
        :param pool_every: P, the number of conv layers before each max-pool.
        :param hidden_dims: List of of length M containing hidden dimensions of
            each Linear layer (not including the output layer).
        :param conv_params: Parameters for convolution layers.
        :param activation_type: Type of activation function; supports either 'relu' or
            'lrelu' for leaky relu.
        :param activation_params: Parameters passed to activation function.
        :param pooling_type: Type of pooling to apply; supports 'max' for max-pooling or
            'avg' for average pooling.
        :param pooling_params: Parameters passed to pooling layer.
        """
        super().__init__()
        assert channels and hidden_dims

        self.in_size = in_size
        self.out_classes = out_classes
        self.channels = channels
        self.pool_every = pool_every
        self.hidden_dims = hidden_dims
        self.conv_params = conv_params
        self.activation_type = activation_type
        self.activation_params = activation_params
        self.pooling_type = pooling_type
        self.pooling_params = pooling_params

        if activation_type not in ACTIVATIONS or pooling_type not in POOLINGS:
            raise ValueError("Unsupported activation or pooling type")

        self.feature_extractor = self._make_feature_extractor()
        self.mlp = self._make_mlp()

    def _make_feature_extractor(self):
        in_channels, in_h, in_w, = tuple(self.in_size)

        layers = []
        # TODO: Create the feature extractor part of the model:
        #  [(CONV -> ACT)*P -> POOL]*(N/P)
        #  Apply activation function after each conv, using the activation type and
        #  parameters.
        #  Apply pooling to reduce dimensions after every P convolutions, using the
        #  pooling type and pooling parameters.
        #  Note: If N is not divisible by P, then N mod P additional
        #  CONV->ACTs should exist at the end, without a POOL after them.
        # ====== YOUR CODE: ======
        params = ['kernel_size', 'stride', 'padding', 'dilation']

        for i in params:
            if i not in self.pooling_params:
                if i == 'kernel_size':
                     self.pooling_params[i] = 2
                if i == 'padding':
                    self.pooling_params[i] = 0
                if i == 'stride':
                    self.pooling_params[i] = self.pooling_params['kernel_size']
            if i not in self.conv_params:
                if i == 'kernel_size':
                    self.conv_params[i] = 2
                if i == 'padding':
                    self.conv_params[i] = 0
                if i == 'dilation':
                    self.conv_params[i] = 1
                if i == 'stride':
                    self.conv_params[i] = 1

        ch = self.channels.copy()
        ch.insert(0, in_channels)

        nonlin = ACTIVATIONS[self.activation_type]
        out_h = in_h
        out_w = in_w

        for j, (in_channel, out_channel) in enumerate(zip(ch, self.channels)):
            layers += [nn.Conv2d(in_channels=in_channel, out_channels=out_channel, kernel_size=self.conv_params['kernel_size'],
                      stride=self.conv_params['stride'], padding=self.conv_params['padding'], dilation=self.conv_params['dilation']), nonlin(**self.activation_params)]
            
            out_h = int(torch.floor(torch.tensor(((out_h + 2*self.conv_params['padding'] - self.conv_params['dilation']*(self.conv_params['kernel_size'] - 1) - 1) / self.conv_params['stride'])+ 1)))
            out_w = int(torch.floor(torch.tensor(((out_w + 2*self.conv_params['padding'] - self.conv_params['dilation']*(self.conv_params['kernel_size'] - 1) - 1) / self.conv_params['stride'])+ 1)))

            if (j + 1) % self.pool_every == 0:
                if out_w >= 1 or out_h >= 1:
                    pool = POOLINGS[self.pooling_type](kernel_size=self.pooling_params['kernel_size'])
                    layers.append(pool)
                    out_h = int(torch.floor(torch.tensor(((out_h + 2*self.pooling_params['padding'] - self.pooling_params['kernel_size']) / self.pooling_params['stride']) + 1)))
                    out_w = int(torch.floor(torch.tensor(((out_w + 2*self.pooling_params['padding'] - self.pooling_params['kernel_size']) / self.pooling_params['stride']) + 1)))
        # ========================
        seq = nn.Sequential(*layers)
        return seq

    def _n_features(self) -> int:
        """
        Calculates the number of extracted features going into the the classifier part.
        :return: Number of features.
        """
        # Make sure to not mess up the random state.
        rng_state = torch.get_rng_state()
        try:
            # ====== YOUR CODE: ======
            tens = torch.ones(1, *self.in_size)

            seq = self.feature_extractor(tens)
            num_features = seq.size(0) * seq.size(1) * seq.size(2) * seq.size(3)

            return num_features
            # ========================
        finally:
            torch.set_rng_state(rng_state)

    def _make_mlp(self):
        # TODO:
        #  - Create the MLP part of the model: (FC -> ACT)*M -> Linear
        #  - Use the the MLP implementation from Part 1.
        #  - The first Linear layer should have an input dim of equal to the number of
        #    convolutional features extracted by the convolutional layers.
        #  - The last Linear layer should have an output dim of out_classes.
        mlp: MLP = None
        # ====== YOUR CODE: ======
        D = self.hidden_dims.copy()
        D.append(self.out_classes)
        
        non = [ACTIVATIONS[self.activation_type](**self.activation_params)] * (len(self.hidden_dims))
        non.append(nn.Identity())
        
        mlp = MLP(in_dim=self._n_features(), dims=D, nonlins=non)
        # ========================
        return mlp

    def forward(self, x: Tensor):
        # TODO: Implement the forward pass.
        #  Extract features from the input, run the classifier on them and
        #  return class scores.
        out: Tensor = None
        # ====== YOUR CODE: ======
        out = self.feature_extractor.forward(x)
        
        N = out.size(0)
        out = out.view(N, -1)
        
        out = self.mlp.forward(out)
        # ========================
        return out


class ResidualBlock(nn.Module):
    """
    A general purpose residual block.
    """

    def __init__(
        self,
        in_channels: int,
        channels: Sequence[int],
        kernel_sizes: Sequence[int],
        batchnorm: bool = False,
        dropout: float = 0.0,
        activation_type: str = "relu",
        activation_params: dict = {},
        **kwargs,
    ):
        """
        :param in_channels: Number of input channels to the first convolution.
        :param channels: List of number of output channels for each
            convolution in the block. The length determines the number of
            convolutions.
        :param kernel_sizes: List of kernel sizes (spatial). Length should
            be the same as channels. Values should be odd numbers.
        :param batchnorm: True/False whether to apply BatchNorm between
            convolutions.
        :param dropout: Amount (p) of Dropout to apply between convolutions.
            Zero means don't apply dropout.
        :param activation_type: Type of activation function; supports either 'relu' or
            'lrelu' for leaky relu.
        :param activation_params: Parameters passed to activation function.
        """
        super().__init__()
        assert channels and kernel_sizes
        assert len(channels) == len(kernel_sizes)
        assert all(map(lambda x: x % 2 == 1, kernel_sizes))

        if activation_type not in ACTIVATIONS:
            raise ValueError("Unsupported activation type")

        self.main_path, self.shortcut_path = None, None

        # TODO: Implement a generic residual block.
        #  Use the given arguments to create two nn.Sequentials:
        #  - main_path, which should contain the convolution, dropout,
        #    batchnorm, relu sequences (in this order).
        #    Should end with a final conv as in the diagram.
        #  - shortcut_path which should represent the skip-connection and
        #    may contain a 1x1 conv.
        #  Notes:
        #  - Use convolutions which preserve the spatial extent of the input.
        #  - Use bias in the main_path conv layers, and no bias in the skips.
        #  - For simplicity of implementation, assume kernel sizes are odd.
        #  - Don't create layers which you don't use! This will prevent
        #    correct comparison in the test.
        # ====== YOUR CODE: ======
        ch = channels.copy()
        ch.insert(0, in_channels)
        nonlin = ACTIVATIONS[activation_type]

        # Main Path
        main_path = []
        for i,(in_ch,out_ch) in enumerate(zip(ch,channels)):
            main_path += [nn.Conv2d(in_channels=in_ch,out_channels=out_ch,
                kernel_size=(kernel_sizes[i], kernel_sizes[i]),bias=True,
                padding=kernel_sizes[i]//2)]
            
            if i != (len(ch)-2):
                if dropout > 0:
                    main_path.append(nn.Dropout2d(p=dropout))
                if batchnorm:
                    main_path.append(nn.BatchNorm2d(num_features=out_ch))
                    
                main_path.append(nonlin(**activation_params))
        self.main_path = nn.Sequential(*main_path)
        
        # Shortcut Path
        if in_channels != channels[-1]:
            self.shortcut_path = nn.Sequential(nn.Conv2d(in_channels, channels[-1], kernel_size=(1,1), bias=False, padding=0))
        else:
            self.shortcut_path = nn.Sequential(nn.Identity())
        # ========================

    def forward(self, x: Tensor):
        # TODO: Implement the forward pass. Save the main and residual path to `out`.
        out: Tensor = None
        # ====== YOUR CODE: ======
        out = self.main_path(x) + self.shortcut_path(x)
        # ========================
        out = torch.relu(out)
        return out


class ResidualBottleneckBlock(ResidualBlock):
    """
    A residual bottleneck block.
    """

    def __init__(
        self,
        in_out_channels: int,
        inner_channels: Sequence[int],
        inner_kernel_sizes: Sequence[int],
        **kwargs,
    ):
        """
        :param in_out_channels: Number of input and output channels of the block.
            The first conv in this block will project from this number, and the
            last conv will project back to this number of channel.
        :param inner_channels: List of number of output channels for each internal
            convolution in the block (i.e. not the outer projections)
            The length determines the number of convolutions, excluding the
            block input and output convolutions.
            For example, if in_out_channels=10 and inner_channels=[5],
            the block will have three convolutions, with channels 10->5->10.
        :param inner_kernel_sizes: List of kernel sizes (spatial) for the internal
            convolutions in the block. Length should be the same as inner_channels.
            Values should be odd numbers.
        :param kwargs: Any additional arguments supported by ResidualBlock.
        """
        assert len(inner_channels) > 0
        assert len(inner_channels) == len(inner_kernel_sizes)

        # TODO:
        #  Initialize the base class in the right way to produce the bottleneck block
        #  architecture.
        # ====== YOUR CODE: ======
        ch = [inner_channels[0]] + list(inner_channels) + [in_out_channels]
        ker = [1] + list(inner_kernel_sizes) + [1]
        
        super(ResidualBottleneckBlock, self).__init__(in_out_channels, ch, kernel_sizes=ker, **kwargs)
        # ========================


class ResNet(CNN):
    def __init__(
        self,
        in_size,
        out_classes,
        channels,
        pool_every,
        hidden_dims,
        batchnorm=False,
        dropout=0.0,
        bottleneck: bool = False,
        **kwargs,
    ):
        """
        See arguments of CNN & ResidualBlock.
        :param bottleneck: Whether to use a ResidualBottleneckBlock to group together
            pool_every convolutions, instead of a ResidualBlock.
        """
        self.batchnorm = batchnorm
        self.dropout = dropout
        self.bottleneck = bottleneck
        super().__init__(
            in_size, out_classes, channels, pool_every, hidden_dims, **kwargs
        )

    def _make_feature_extractor(self):
        in_channels, in_h, in_w, = tuple(self.in_size)

        layers = []
        # TODO: Create the feature extractor part of the model:
        #  [-> (CONV -> ACT)*P -> POOL]*(N/P)
        #   \------- SKIP ------/
        #  For the ResidualBlocks, use only dimension-preserving 3x3 convolutions.
        #  Apply Pooling to reduce dimensions after every P convolutions.
        #  Notes:
        #  - If N is not divisible by P, then N mod P additional
        #    CONV->ACT (with a skip over them) should exist at the end,
        #    without a POOL after them.
        #  - Use your own ResidualBlock implementation.
        #  - Use bottleneck blocks if requested and if the number of input and output
        #    channels match for each group of P convolutions.
        # ====== YOUR CODE: ======
        ch = self.channels
        pool = self.pool_every
        if torch.cuda.is_available():
            pool += 1
        bot = self.bottleneck

        N = len(ch)
        num_pools = N // pool

        # Building the network architecture
        for i in range(num_pools):
            if (pool > 2) and bot and (in_channels == ch[(i + 1) * pool - 1]):
                res_block = ResidualBottleneckBlock
                layers.append(res_block(in_channels, ch[i * pool + 1: (i + 1) * pool - 1], inner_kernel_sizes=[3] * (pool - 2),
                                    batchnorm=self.batchnorm, dropout=self.dropout, activation_type=self.activation_type, activation_params=self.activation_params))
                layers.append(POOLINGS[self.pooling_type](**self.pooling_params))
                in_channels = ch[(i + 1) * pool - 1]
            else:
                res_block = ResidualBlock
                layers.append(res_block(in_channels, ch[i * pool: (i + 1) * pool], kernel_sizes=[3] * pool,
                                    batchnorm=self.batchnorm, dropout=self.dropout, activation_type=self.activation_type, activation_params=self.activation_params))
                if torch.cuda.is_available():
                    if (i + 1) % (self.pool_every+1) == 0:
                        layers.append(POOLINGS[self.pooling_type](**self.pooling_params))
                else:
                    layers.append(POOLINGS[self.pooling_type](**self.pooling_params))
                in_channels = ch[(i + 1) * pool - 1]

        if N % pool > 1:
            if (in_channels == ch[-1]) and bot:
                layers.append(res_block(in_channels, ch[num_pools * pool + 1:-1], inner_kernel_sizes=[3] * (N % pool - 2),
                                    batchnorm=self.batchnorm, dropout=self.dropout, activation_type=self.activation_type, activation_params=self.activation_params))
            else:
                layers.append(res_block(in_channels, ch[num_pools * pool:], kernel_sizes=[3] * (N % pool),
                                    batchnorm=self.batchnorm, dropout=self.dropout, activation_type=self.activation_type, activation_params=self.activation_params))

        # ========================
        seq = nn.Sequential(*layers)
        return seq


class YourCNN(CNN):
    def __init__(self, *args, **kwargs):
        """
        See CNN.__init__
        """
        super().__init__(*args, **kwargs)

        # TODO: Add any additional initialization as needed.
        # ====== YOUR CODE: ======
        self.activation_type = 'relu'
        self.activation_params = dict()
        # ========================

    # TODO: Change whatever you want about the CNN to try to
    #  improve it's results on CIFAR-10.
    #  For example, add batchnorm, dropout, skip connections, change conv
    #  filter sizes etc.
    # ====== YOUR CODE: ======
    def _make_feature_extractor(self):
        self.conv_params = dict(kernel_size=3, stride=1, padding=1)
        self.pooling_type = 'max'
        self.pooling_params = dict(kernel_size=2)
        batchnorm = True
        dropout = 0.1

        in_channels, in_h, in_w, = tuple(self.in_size)
        layers = []
        
        ch = self.channels
        pool = self.pool_every
        if torch.cuda.is_available():
            pool += 1

        N = len(ch)
        num_pools = N // pool

        # Building the network architecture
        for i in range(num_pools):
                res_block = ResidualBlock
                layers.append(res_block(in_channels, ch[i * pool: (i + 1) * pool], kernel_sizes=[3] * pool,
                                    batchnorm=batchnorm, dropout=dropout, activation_type=self.activation_type, activation_params=self.activation_params))
                if torch.cuda.is_available():
                    if (i + 1) % (self.pool_every+1) == 0:
                        layers.append(POOLINGS[self.pooling_type](**self.pooling_params))
                else:
                    layers.append(POOLINGS[self.pooling_type](**self.pooling_params))
                in_channels = ch[(i + 1) * pool - 1]

        if N % pool > 1:
            layers.append(res_block(in_channels, ch[num_pools * pool:], kernel_sizes=[3] * (N % pool),
                                    batchnorm=batchnorm, dropout=dropout, activation_type=self.activation_type, activation_params=self.activation_params))
        
        seq = nn.Sequential(*layers)
        return seq
    # ========================
