import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
rng = np.random.default_rng(0)
x = X_train[:32] @ rng.normal(size=(64, 5)).astype("float32")  # a batch of 32 rows of 5 features
gamma = rng.normal(1.0, 0.5, size=5).astype("float32")  # a learned scale, and a learned shift
beta = rng.normal(0.0, 0.5, size=5).astype("float32")
EPS = 1e-3  # the default epsilon of both Keras layers


def batch_norm(x, gamma, beta, eps):
    """Training mode: each feature (column) normalised with the mean and variance of this batch."""
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


def batch_norm_inference(x, gamma, beta, moving_mean, moving_var, eps):
    """Inference mode: the same formula with the averages kept during training, so rows are independent."""
    return gamma * (x - moving_mean) / np.sqrt(moving_var + eps) + beta


def layer_norm(x, gamma, beta, eps):
    """Each example (row) normalised over its own features, the same in training and inference."""
    mean = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


bn = keras.layers.BatchNormalization(epsilon=EPS)  # momentum=0.99 by default
bn.build(x.shape)
bn.gamma.assign(gamma)
bn.beta.assign(beta)
for _ in range(3):  # three training steps on the same batch: the moving averages move towards it
    keras_train = np.asarray(bn(x, training=True))
np.testing.assert_allclose(keras_train, batch_norm(x, gamma, beta, EPS), rtol=1e-5, atol=1e-5)
print("training mode: NumPy batch_norm = keras BatchNormalization(training=True)")

moving_mean, moving_var = np.zeros(5), np.ones(5)  # where Keras starts them
for _ in range(3):
    moving_mean = 0.99 * moving_mean + 0.01 * x.mean(axis=0)
    moving_var = 0.99 * moving_var + 0.01 * x.var(axis=0)
np.testing.assert_allclose(np.asarray(bn.moving_mean), moving_mean, rtol=1e-5, atol=1e-5)
np.testing.assert_allclose(np.asarray(bn.moving_variance), moving_var, rtol=1e-5, atol=1e-5)
keras_infer = np.asarray(bn(x, training=False))
expected = batch_norm_inference(x, gamma, beta, moving_mean, moving_var, EPS)
np.testing.assert_allclose(keras_infer, expected, rtol=1e-5, atol=1e-5)
print("inference mode: NumPy batch_norm_inference = keras BatchNormalization(training=False)")
print(
    f"  after 3 steps the moving averages are only {1 - 0.99**3:.1%} of the way to this batch's statistics,"
)
print(
    f"  so the two modes still disagree by up to {np.abs(keras_infer - keras_train).max():.1f} on this batch"
)

ln = keras.layers.LayerNormalization(epsilon=EPS)
ln.build(x.shape)
ln.gamma.assign(gamma)
ln.beta.assign(beta)
for training in (True, False):  # no moving averages: both modes compute the same thing
    keras_ln = np.asarray(ln(x, training=training))
    np.testing.assert_allclose(keras_ln, layer_norm(x, gamma, beta, EPS), rtol=1e-5, atol=1e-5)
print("layer norm: NumPy layer_norm = keras LayerNormalization(training=True) and (training=False)")
normalised = (batch_norm(x, gamma, beta, EPS) - beta) / gamma  # undo the scale and shift
print("batch norm before gamma and beta: mean of each feature", np.abs(normalised.mean(axis=0)).round(3))
print("                                  std of each feature ", normalised.std(axis=0).round(3))
