"""PyTorch: a model as an nn.Module, and the training loop written out step by step."""
# requires: torch

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
torch.set_num_threads(1)  # a model this small runs fastest on one CPU thread; drop this for big ones
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X / 16, y, test_size=0.25, random_state=0, stratify=y)
train = TensorDataset(torch.tensor(X_train, dtype=torch.float32), torch.tensor(y_train))
loader = DataLoader(train, batch_size=32, shuffle=True)


class DigitClassifier(nn.Module):
    """A small network: 64 pixels -> 64 hidden units -> 10 scores (one per digit)."""

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))

    def forward(self, x):
        return self.layers(x)  # raw scores ("logits"); the loss applies softmax


model = DigitClassifier()
print("parameters:", sum(p.numel() for p in model.parameters()))
loss_function = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(1, 21):
    model.train()  # training mode (matters for dropout, batch norm)
    total = 0.0
    for images, labels in loader:
        optimizer.zero_grad()  # 1. forget the previous batch's gradients
        loss = loss_function(model(images), labels)  # 2. forward pass and loss
        loss.backward()  # 3. backward pass: gradients of the loss
        optimizer.step()  # 4. update the weights
        total += loss.item() * len(labels)
    if epoch % 5 == 0:
        print(f"epoch {epoch:2d}: mean training loss {total / len(train):.3f}")

model.eval()  # evaluation mode
with torch.no_grad():  # no gradients needed: faster, less memory
    scores = model(torch.tensor(X_test, dtype=torch.float32))
accuracy = (scores.argmax(dim=1).numpy() == y_test).mean()
print(f"test accuracy: {accuracy:.3f}")
