"""tf.data: an input pipeline that shuffles and batches, feeding a custom training loop."""
# requires: tensorflow

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tensorflow as tf
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

tf.random.set_seed(0)
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    (X / 16).astype("float32"), y, test_size=0.25, random_state=0, stratify=y
)

# A Dataset is a stream of examples; each method returns a new, transformed stream.
train = (
    tf.data.Dataset.from_tensor_slices((X_train, y_train))
    .shuffle(buffer_size=len(X_train), seed=0)  # a new order every epoch
    .batch(64)  # 64 examples at a time
    .prefetch(tf.data.AUTOTUNE)  # prepare the next batch while training
)
images, labels = next(iter(train))
print("one batch:", images.shape, labels.shape)

# A softmax regression written with raw variables, trained by a loop over the Dataset.
W = tf.Variable(tf.zeros((64, 10)))
b = tf.Variable(tf.zeros(10))
learning_rate = 0.5


@tf.function  # traced into a graph on the first call and for each new input shape, then reused
def train_step(images, labels):
    with tf.GradientTape() as tape:
        logits = images @ W + b
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))
    grad_W, grad_b = tape.gradient(loss, [W, b])
    W.assign_sub(learning_rate * grad_W)  # plain gradient descent
    b.assign_sub(learning_rate * grad_b)
    return loss


for _ in range(10):  # 10 epochs
    for images, labels in train:
        loss = train_step(images, labels)
predictions = tf.argmax(X_test @ W + b, axis=1).numpy()
# One tracing for the batches of 64, one for the smaller last batch of each epoch.
print("train_step traced", train_step.experimental_get_tracing_count(), "times")
print(f"final batch loss {float(loss):.2f}, test accuracy {(predictions == y_test).mean():.3f}")
