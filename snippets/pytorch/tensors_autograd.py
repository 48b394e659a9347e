"""PyTorch basics: tensors, devices, and gradients computed by autograd."""
# requires: torch

import numpy as np
import torch

# Tensors: n-dimensional arrays with a shape, a dtype and a device (CPU or GPU).
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print("shape:", tuple(x.shape), "dtype:", x.dtype, "device:", x.device)
print("x @ x =", (x @ x).tolist())
print("from NumPy and back:", torch.from_numpy(np.arange(3)).numpy())
device = "cuda" if torch.cuda.is_available() else "cpu"  # move work to a GPU when there is one
x = x.to(device)

# Autograd: operations on tensors with requires_grad=True are recorded...
w = torch.tensor(3.0, requires_grad=True)
y = w**2 + 2 * w  # dy/dw = 2w + 2 = 8 at w = 3
# ...and backward() computes the gradient of y with respect to every such tensor.
y.backward()
print("dy/dw at w = 3:", w.grad.item())

# Gradients accumulate: reset them before each new backward pass.
w.grad = None
(w * 10).backward()
print("d(10w)/dw:", w.grad.item())
