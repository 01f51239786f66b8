# input: 4x10
# Losses computed inside forward, as knowledge-distillation, GAN and style-transfer code
# writes them: nn.CrossEntropyLoss with class-probability targets, F.kl_div of a softened
# student and teacher with 'batchmean', nn.MSELoss over feature means, BCE of a sigmoid,
# BCEWithLogits with pos_weight, class indices from an argmax into F.nll_loss, legacy
# size_average/reduce; and PyTorch's errors: float class indices, a teacher of another
# width, a reduction that does not exist, a BCE target of another shape, a class weight of
# the wrong size, a state_dict that is a module, and type() of a tensor.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Distill(nn.Module):
    def __init__(self, classes=10, teacher_classes=10, temperature=4.0, reduction='batchmean'):
        super().__init__()
        self.student = nn.Linear(10, classes)
        self.teacher = nn.Linear(10, teacher_classes)
        self.ce = nn.CrossEntropyLoss(label_smoothing=0.1)
        self.t = temperature
        self.reduction = reduction

    def forward(self, x):
        s, t = self.student(x), self.teacher(x)
        hard = self.ce(s, F.softmax(t, dim=1))
        soft = F.kl_div(F.log_softmax(s / self.t, dim=1), F.softmax(t / self.t, dim=1), reduction=self.reduction)
        return hard + soft * self.t ** 2, soft


class TeacherOfAnotherWidth(Distill):
    def __init__(self):
        super().__init__(teacher_classes=12)


class NoSuchReduction(Distill):
    def __init__(self):
        super().__init__(reduction='average')


class Criteria(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)
        self.mse = nn.MSELoss(reduction='sum')
        self.l1 = nn.L1Loss(reduce=False)
        self.bce = nn.BCELoss()
        self.logits = nn.BCEWithLogitsLoss(pos_weight=torch.ones(3))
        self.smooth = nn.SmoothL1Loss(beta=0.5)
        self.huber = nn.HuberLoss(delta=2.0)

    def forward(self, x):
        y = self.fc(x)
        target = torch.sigmoid(y.detach())
        return (self.mse(y.mean(0), target.mean(0)), self.l1(y, target), self.bce(torch.sigmoid(y), target),
                self.logits(y, target), self.smooth(y, target), self.huber(y, target),
                F.nll_loss(F.log_softmax(y, 1), target.argmax(1), reduction='none'), type(y) is torch.Tensor)


class FloatClassIndices(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)
        self.ce = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.ce(self.fc(x), x[:, 0])


class TargetOfAnotherShape(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 1)

    def forward(self, x):
        return F.binary_cross_entropy(torch.sigmoid(self.fc(x)), x[:, 0])


class WeightOfTheWrongSize(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)
        self.ce = nn.CrossEntropyLoss(weight=torch.ones(4))

    def forward(self, x):
        y = self.fc(x)
        return self.ce(y, torch.softmax(y, 1))


class StateDictOfAModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 3)
        self.fc.load_state_dict(nn.Linear(10, 3))

    def forward(self, x):
        return self.fc(x)
