# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name
import numpy as np
import torch

import torch.nn.functional as F


class SimpleNet(torch.nn.Module):
    def __init__(self, name=None, created_time=None):
        super(SimpleNet, self).__init__()
        self.created_time = created_time
        self.name = name

    def visualize(self, vis, epoch, acc, loss=None, eid='main', is_poisoned=False, name=None):
        if name is None:
            name = self.name + '_poisoned' if is_poisoned else self.name
        vis.line(X=np.array([epoch]), Y=np.array([acc]), name=name, win='vacc_{0}'.format(self.created_time), env=eid,
                 update='append' if vis.win_exists('vacc_{0}'.format(self.created_time), env=eid) else None,
                 opts=dict(showlegend=True, title='Accuracy_{0}'.format(self.created_time),
                           width=700, height=400))
        if loss is not None:
            vis.line(X=np.array([epoch]), Y=np.array([loss]), name=name, env=eid,
                     win='vloss_{0}'.format(self.created_time),
                     update='append' if vis.win_exists('vloss_{0}'.format(self.created_time), env=eid) else None,
                     opts=dict(showlegend=True, title='Loss_{0}'.format(self.created_time), width=700, height=400))

        return

    def train_vis(self, vis, epoch, data_len, batch, loss, eid='main', name=None, win='vtrain'):

        vis.line(X=np.array([(epoch - 1) * data_len + batch]), Y=np.array([loss]),
                 env=eid,
                 name=f'{name}' if name is not None else self.name, win=f'{win}_{self.created_time}',
                 update='append' if vis.win_exists(f'{win}_{self.created_time}', env=eid) else None,
                 opts=dict(showlegend=True, width=700, height=400, title='Train loss_{0}'.format(self.created_time)))

    def save_stats(self, epoch, loss, acc):
        self.stats['epoch'].append(epoch)
        self.stats['loss'].append(loss)
        self.stats['acc'].append(acc)

    def copy_params(self, state_dict, coefficient_transfer=100):

        own_state = self.state_dict()

        for name, param in state_dict.items():
            if name in own_state:
                shape = param.shape
                # no cuda
                # random_tensor = (torch.cuda.FloatTensor(shape).random_(0, 100) <= coefficient_transfer).type(
                #     torch.cuda.FloatTensor)
                random_tensor = (torch.FloatTensor(shape).random_(0, 100) <= coefficient_transfer).type( # pylint: disable=no-member
                    torch.FloatTensor) # pylint: disable=no-member
                negative_tensor = (random_tensor * -1) + 1
                # own_state[name].copy_(param)
                own_state[name].copy_(param.clone())


class SimpleMnist(SimpleNet):  # pylint: disable=missing-class-docstring
    def __init__(self, name=None, created_time=None):
        super(SimpleMnist, self).__init__(name, created_time)
        self.conv1 = torch.nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = torch.nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = torch.nn.Dropout2d()
        self.fc1 = torch.nn.Linear(320, 50)
        self.fc2 = torch.nn.Linear(50, 10)

    def forward(self, x): # pylint: disable=missing-function-docstring
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)
