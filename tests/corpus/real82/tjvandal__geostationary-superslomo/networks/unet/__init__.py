from .unet_model import UNetSmall, UNetMedium, UNetMultiscale, UNetMultiscaleV2
