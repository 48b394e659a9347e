import os

os.environ["KERAS_BACKEND"] = "jax"

import jax
import keras
import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
X_fit, y_fit, X_val, y_val = X_train[:1000], y_train[:1000], X_train[1000:], y_train[1000:]
COPIES, EPOCHS, BATCH, RATE = 3, 5, 100, 0.1
STEPS = EPOCHS * len(X_fit) // BATCH
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def network(pixels):
    """A deep plain network: 12 ReLU layers of 32 units, He initial weights, no normalisation."""
    x = pixels
    for _ in range(12):
        x = keras.layers.Dense(32, activation="relu", kernel_initializer="he_normal")(x)
    return keras.layers.Dense(10)(x)


# Every copy has the same layers, so one template model computes, for any copy's weights, the
# gradient norm and the accuracy: compiled once with JAX, instead of once per copy.
template_input = keras.Input(shape=(64,))
template = keras.Model(template_input, network(template_input))


@jax.jit
def gradient_norm(trainable, non_trainable):
    """The norm of the gradient on all 1,000 training images, all the weights as one vector."""

    def loss(trainable):
        output, _ = template.stateless_call(trainable, non_trainable, X_fit)
        return loss_fn(y_fit, output)

    return jax.numpy.sqrt(sum((g**2).sum() for g in jax.grad(loss)(trainable)))


@jax.jit
def val_accuracy(trainable, non_trainable):
    output, _ = template.stateless_call(trainable, non_trainable, X_val)
    return (output.argmax(axis=1) == y_val).mean()


def weights(model):
    return [v.value for v in model.trainable_variables], [v.value for v in model.non_trainable_variables]


class GradientNorms(keras.callbacks.Callback):
    """Before every step, the norm of the gradient on the training set."""

    def on_train_begin(self, logs=None):
        self.norms = []

    def on_train_batch_begin(self, batch, logs=None):
        self.norms.append(float(gradient_norm(*weights(self.model))))


clipping = {"no clipping": {}, "clipnorm=1": {"clipnorm": 1.0}, "global_clipnorm=1": {"global_clipnorm": 1.0}}
fig, ax = plt.subplots(figsize=(6.5, 3.8))
print(
    f"SGD + momentum 0.9 at {RATE}, {STEPS} steps of {BATCH} images; "
    f"{COPIES} numbers = {COPIES} copies (the same {COPIES} starts in every row)"
)
print(f"{'':18} largest gradient norm  last gradient norm  training loss at the end  validation accuracy")
for label, settings in clipping.items():
    norms, loss, accuracy = [], [], []
    for c in range(COPIES):
        # Each copy is a model of its own with its own optimiser: global_clipnorm clips all the
        # weights of a model together, so copies in one model would share one clip.
        keras.utils.set_random_seed(c)  # copy c starts from the same weights in every row
        pixels = keras.Input(shape=(64,))
        model = keras.Model(pixels, network(pixels))
        model.compile(
            optimizer=keras.optimizers.SGD(learning_rate=RATE, momentum=0.9, **settings),
            loss=loss_fn,
        )
        recorder = GradientNorms()
        history = model.fit(X_fit, y_fit, epochs=EPOCHS, batch_size=BATCH, callbacks=[recorder], verbose=0)
        norms.append(recorder.norms)
        loss.append(history.history["loss"][-1])
        accuracy.append(float(val_accuracy(*weights(model))))
    norms = np.array(norms).T  # (steps, copies)
    print(
        f"{label:18} "
        + " ".join(f"{n:5.2g}" for n in norms.max(axis=0))
        + "    "
        + " ".join(f"{n:5.2g}" for n in norms[-1])
        + "    "
        + " ".join(f"{v:5.2f}" for v in loss)
        + "   "
        + " ".join(f"{a:5.2f}" for a in accuracy)
    )
    line = ax.plot(np.arange(STEPS), norms[:, 0], label=label)[0]
    ax.plot(np.arange(STEPS), norms[:, 1:], color=line.get_color(), alpha=0.4)
ax.set(yscale="log", xlabel="training step", ylabel="gradient norm (before clipping)")
ax.set_title(f"12-layer plain network: gradient norm per step ({COPIES} copies)")
ax.legend()
fig.tight_layout()
plt.show()
