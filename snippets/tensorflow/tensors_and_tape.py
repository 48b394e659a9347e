"""TensorFlow basics: tensors, variables, and gradients recorded by a GradientTape."""
# requires: tensorflow

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up messages
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")  # oneDNN optimisations off: no notice, stable digits

import tensorflow as tf

# Tensors: immutable n-dimensional arrays with a shape and a dtype, much like NumPy arrays.
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
print("shape:", x.shape, "dtype:", x.dtype.name)
print("x @ x =", (x @ x).numpy().tolist())
print("column sums:", tf.reduce_sum(x, axis=0).numpy().tolist())

# Variables hold values that training changes, such as weights.
w = tf.Variable(3.0)

# A GradientTape records operations so TensorFlow can differentiate them afterwards.
with tf.GradientTape() as tape:
    y = w**2 + 2 * w  # dy/dw = 2w + 2 = 8 at w = 3
print("dy/dw at w = 3:", tape.gradient(y, w).numpy())

# One step of gradient descent on a tiny linear model y = a * x.
a = tf.Variable(0.0)
inputs, targets = tf.constant([1.0, 2.0, 3.0]), tf.constant([2.0, 4.0, 6.0])  # the true a is 2
for _ in range(50):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((a * inputs - targets) ** 2)
    a.assign_sub(0.1 * tape.gradient(loss, a))
print(f"learned a = {a.numpy():.3f}, loss = {loss.numpy():.6f}")
