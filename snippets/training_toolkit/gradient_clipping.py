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


def network(pixels, c):
    """A deep plain network: 12 ReLU layers of 32 units, He initial weights, no normalisation."""
    x = pixels
    for i in range(12):
        x = keras.layers.Dense(
            32, activation="relu", kernel_initializer="he_normal", name=f"copy{c}_hidden{i}"
        )(x)
    return keras.layers.Dense(10, name=f"copy{c}")(x)


class GradientNorms(keras.callbacks.Callback):
    """Before every step, the norm of each copy's gradient on the training set, all its weights as one."""

    def on_train_begin(self, logs=None):
        model = self.model
        # Which copy each weight belongs to, read from its layer's name ("copy2_hidden5" -> 2).
        copy_of = [
            int(v.path.split("/")[0].split("_")[0].removeprefix("copy")) for v in model.trainable_variables
        ]

        def total_loss(trainable, non_trainable):
            outputs, _ = model.stateless_call(trainable, non_trainable, X_fit)
            return sum(loss_fn(y_fit, out) for out in outputs)  # copy c's weights only affect its own loss

        def norms(trainable, non_trainable):
            grads = jax.grad(total_loss)(trainable, non_trainable)
            squares = [
                sum((g**2).sum() for g, k in zip(grads, copy_of, strict=True) if k == c)
                for c in range(COPIES)
            ]
            return jax.numpy.sqrt(jax.numpy.array(squares))

        self.norms_fn, self.norms = jax.jit(norms), []

    def on_train_batch_begin(self, batch, logs=None):  # measured on all 1,000 training images
        trainable = [v.value for v in self.model.trainable_variables]
        non_trainable = [v.value for v in self.model.non_trainable_variables]
        self.norms.append(np.asarray(self.norms_fn(trainable, non_trainable)))


clipping = {"no clipping": {}, "clipnorm=1": {"clipnorm": 1.0}, "global_clipnorm=1": {"global_clipnorm": 1.0}}
fig, ax = plt.subplots(figsize=(6.5, 3.8))
print(
    f"SGD + momentum 0.9 at {RATE}, {STEPS} steps of {BATCH} images; "
    f"{COPIES} numbers = {COPIES} copies (the same {COPIES} starts in every row)"
)
print(f"{'':18} largest gradient norm  last gradient norm  training loss at the end  validation accuracy")
for label, settings in clipping.items():
    keras.utils.set_random_seed(0)
    pixels = keras.Input(shape=(64,))
    model = keras.Model(pixels, [network(pixels, c) for c in range(COPIES)])
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=RATE, momentum=0.9, **settings),
        loss=[loss_fn] * COPIES,
        metrics=[["accuracy"]] * COPIES,
    )
    recorder = GradientNorms()
    history = model.fit(
        X_fit, [y_fit] * COPIES, epochs=EPOCHS, batch_size=BATCH, callbacks=[recorder], verbose=0
    ).history
    norms = np.array(recorder.norms)  # (steps, copies)
    result = model.evaluate(X_val, [y_val] * COPIES, batch_size=len(X_val), verbose=0, return_dict=True)
    loss = [history[f"copy{c}_loss"][-1] for c in range(COPIES)]
    accuracy = [result[f"copy{c}_accuracy"] for c in range(COPIES)]
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
