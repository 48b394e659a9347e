# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Transfer learning, measured
#
# In this tutorial you pretrain a small convolutional network on one task, reuse it for another
# task that has only a handful of labels, and measure, with the spread over several random
# draws of those labels, when that helps and when it does not. You will:
#
# 1. pretrain a CNN to read the digits 0 to 4;
# 2. use it for the digits 5 to 9, with 2 or 10 labelled images per digit, in two ways:
#    as a frozen **feature extractor** and by **fine-tuning** all of it, at two learning rates;
# 3. compare with a linear model on raw pixels and with the same CNN trained **from scratch**;
# 4. add **data augmentation** (images shifted by one pixel) and see what it changes;
# 5. repeat everything over several draws of the labelled images and report mean ± std.
#
# The idea behind it is on the page
# [Transfer and self-supervised learning](../../deep-learning/transfer-learning/). Everything
# runs offline on a CPU.

# %% [markdown]
# ## Set up
#
# Keras reads its backend from an environment variable before it is imported; this guide uses
# JAX. Seeds make every run print the same numbers on one machine; trained networks still differ
# in their last digits between machines, so accuracies are printed to two decimals.

# %%
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)

# %% [markdown]
# ## The data: two related tasks
#
# scikit-learn bundles 1,797 handwritten digits of 8 by 8 pixels, a copy of the test set of
# the [UCI optical recognition of handwritten digits](https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits)
# data (licence CC BY 4.0), so nothing is downloaded. Each pixel already counts the ink in a
# 4 by 4 block of a 32 by 32 scan, which smooths out small distortions (`load_digits().DESCR`
# describes it). The **source task** is to read the
# digits 0 to 4, for which all the labels of the training set are used. The **target task** is
# to read the digits 5 to 9 from very few labels. The two tasks share strokes, loops and
# corners, but not a single class.

# %%
digits = load_digits()
images = (digits.images / 16.0).astype("float32")[..., None]  # (1797, 8, 8, 1), ink in [0, 1]
X_train, X_test, y_train, y_test = train_test_split(
    images, digits.target, test_size=0.25, random_state=0, stratify=digits.target
)
source = y_train < 5
X_source, y_source = X_train[source], y_train[source]
X_pool, y_pool = X_train[~source], y_train[~source] - 5  # labels 0-4 stand for the digits 5-9
X_eval, y_eval = X_test[y_test >= 5], y_test[y_test >= 5] - 5
print(f"source task: {len(y_source)} labelled images of 0-4")
print(f"target task: draw a few labels from {len(y_pool)} images of 5-9, test on {len(y_eval)}")

# %% [markdown]
# ## One network, one compilation
#
# The network: two convolution layers with pooling and a dense layer of 64 units (the **base**),
# then an output layer with one unit per class (the **head**). For both tasks the head has five
# outputs, so a single model serves both; reusing a base for a task with a different number of
# classes means building a new head, as the Keras guide below shows.
#
# JAX compiles a model's training step the first time it trains, which takes seconds, while
# training on ten images takes a fraction of a second. This tutorial trains the network dozens
# of times, so it compiles once and, before each run, loads the starting weights it needs and
# resets the optimiser, including its learning rate (Adam, `learning_rate=3e-3` unless a run
# asks for another). All batches have 10 images, so the compiled step is always reused.


# %%
def new_network():
    base = keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            keras.layers.Conv2D(16, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(64, activation="relu"),
        ],
        name="base",
    )
    return keras.Sequential([base, keras.layers.Dense(5, activation="softmax", name="head")])


network = new_network()
network.compile(optimizer=keras.optimizers.Adam(3e-3), loss="sparse_categorical_crossentropy")
network.optimizer.build(network.trainable_variables)
optimizer_start = [v.numpy() for v in network.optimizer.variables]
network.summary()


def train(weights, X, y, epochs, learning_rate=3e-3):
    """Train `network` from `weights` with a fresh optimiser; return its weights."""
    network.set_weights(weights)
    for variable, value in zip(network.optimizer.variables, optimizer_start, strict=True):
        variable.assign(value)
    network.optimizer.learning_rate.assign(learning_rate)  # a variable: no new compilation
    network.fit(X, y, epochs=epochs, batch_size=10, verbose=0)
    return network.get_weights()


def accuracy(X, y):
    # Calling the model runs it eagerly: nothing to compile for each new number of images.
    return float(np.mean(keras.ops.convert_to_numpy(network(X)).argmax(axis=1) == y))


# %% [markdown]
# ## Pretrain on the digits 0 to 4
#
# All the labelled training images of 0 to 4 (less a few, so that every batch holds 10) are
# plenty for a network this size.

# %%
n = len(y_source) // 10 * 10
pretrained = train(network.get_weights(), X_source[:n], y_source[:n], epochs=15)
print(f"pretrained on {n} images")
print(
    f"pretrained network, accuracy on the test digits 0-4: "
    f"{accuracy(X_test[y_test < 5], y_test[y_test < 5]):.2f}"
)

# %% [markdown]
# ## Few labels, several draws
#
# A draw picks `k` labelled images of each target digit at random from the pool. With so few
# examples, *which* images are drawn changes the result a lot, so one draw proves little: every
# method below is run on the same six draws, and the tables show the mean and standard
# deviation over them.
#
# **Data augmentation** makes more training images from the few there are: each one is also
# shifted by one pixel up, down, left and right, which keeps its label. A digit written a
# little off-centre is still the same digit, and the network should learn that.


# %%
def shifted(X, y):
    """Each image plus its four one-pixel shifts (empty pixels filled with 0)."""
    padded = np.pad(X, ((0, 0), (1, 1), (1, 1), (0, 0)))
    moves = [(1, 1), (0, 1), (2, 1), (1, 0), (1, 2)]  # none, down, up, right, left
    return np.concatenate([padded[:, r : r + 8, c : c + 8] for r, c in moves]), np.tile(y, len(moves))


def draw(k, seed):
    rng = np.random.default_rng(seed)
    chosen = np.concatenate([rng.choice(np.flatnonzero(y_pool == d), k, replace=False) for d in range(5)])
    return X_pool[chosen], y_pool[chosen]


# alt: One training image of the digit 7 and its four shifted copies, side by side.
fig, axes = plt.subplots(1, 5, figsize=(6, 1.5))
X_demo, _ = shifted(X_pool[:1], y_pool[:1])
for ax, image, title in zip(axes, X_demo, ["original", "down", "up", "right", "left"], strict=True):
    ax.imshow(image[..., 0], cmap="gray_r")
    ax.set_title(title, fontsize=9)
    ax.set_axis_off()
plt.show()

# %% [markdown]
# ## Nine ways to learn from `k` labels per digit
#
# 1. **Pixels + logistic regression**: a linear model on the 64 raw pixels, the baseline.
# 2. **From scratch**: the CNN from random weights (a new random start for each draw).
# 3. **From scratch + augmentation**.
# 4. **Features from the convolutions**: the pretrained base is frozen, the images go through
#    its two convolution blocks, and a logistic regression learns on the 128 numbers that come
#    out. This is **feature extraction**.
# 5. **Features from the dense layer**: the same, one layer later, with the base's 64 outputs.
# 6. **Fine-tuning**: the whole pretrained base plus a new random head, all weights trained,
#    at the same learning rate as the networks trained from scratch (`3e-3`).
# 7. **Fine-tuning, lower rate**: the same at a tenth of the rate (`3e-4`). Fine-tuning usually
#    uses a lower learning rate than the one the network was first trained with, so that the
#    pretrained weights change only a little. How much lower depends on the model and the
#    optimiser: BERT was pretrained with Adam at `1e-4` and then fine-tuned, all its weights
#    at once with a new output layer, at `2e-5` to `5e-5`
#    ([Devlin et al., 2019](https://arxiv.org/abs/1810.04805), appendices A.2 and A.3); the
#    Keras guide below trains its new head with Adam at the default `1e-3` and fine-tunes at
#    `1e-5`.
# 8. **Head first, then lower rate**: the other common recipe (the Keras guide below shows
#    it) first trains the new head on the frozen base, then fine-tunes everything at a low
#    rate. Here the head starts as the logistic regression of method 5 (a multinomial
#    logistic regression has the form of a softmax output layer, so its weights can be copied
#    in), and then all weights are trained at `3e-4`.
# 9. **Fine-tuning + augmentation**, at `3e-3`.
#
# Every network gets the same 100 gradient steps (`STEPS`, in batches of 10 images) on every
# draw; augmented data has five times as many images, so it runs a fifth of the epochs. Equal
# steps are not equal training, though: at a tenth of the learning rate, the same steps move
# the weights much less (the results show how much). The logistic regressions are fitted until
# they converge. The settings (learning rates, steps) were chosen once and not tuned on the
# test digits.

# %%
base = network.get_layer("base")
conv_block = keras.Model(base.inputs[0], base.get_layer("flatten").output)


def features(X):
    """The frozen pretrained base's outputs: after the convolutions, and after the dense layer."""
    network.set_weights(pretrained)
    return keras.ops.convert_to_numpy(conv_block(X)), keras.ops.convert_to_numpy(base(X))


eval_conv, eval_dense = features(X_eval)
STEPS = 100  # gradient steps per network


def logistic(X, y, X_test):
    return LogisticRegression(max_iter=2000).fit(X, y).score(X_test, y_eval)


def distance(weights, start):
    """How far the base's weights are from `start`: the length of the difference."""
    return float(np.sqrt(sum(np.sum((w - s) ** 2) for w, s in zip(weights[:-2], start[:-2], strict=True))))


def run_all(k, seed):
    """Test accuracy of the nine methods; for the networks, also the accuracy on their own
    training images and, when they start from the pretrained base, how far the base moved."""
    X_few, y_few = draw(k, seed)
    X_aug, y_aug = shifted(X_few, y_few)
    epochs = STEPS * 10 // len(y_few)
    keras.utils.set_random_seed(seed)
    fresh = new_network().get_weights()  # random weights for this draw; this copy is never compiled
    head = fresh[-2:]  # the new, random output layer
    few_conv, few_dense = features(X_few)
    scores, fitted, moved = {}, {}, {}

    def network_method(name, start, augment=False, learning_rate=3e-3):
        X, y = (X_aug, y_aug) if augment else (X_few, y_few)
        weights = train(start, X, y, epochs // 5 if augment else epochs, learning_rate)
        scores[name] = accuracy(X_eval, y_eval)
        fitted[name] = accuracy(X, y)  # on the images it was trained on
        if start is not fresh:
            moved[name] = distance(weights, pretrained)

    scores["pixels + logistic regression"] = logistic(
        X_few.reshape(len(X_few), -1), y_few, X_eval.reshape(len(X_eval), -1)
    )
    network_method("from scratch", fresh)
    network_method("from scratch + augmentation", fresh, augment=True)
    scores["features from the convolutions"] = logistic(few_conv, y_few, eval_conv)
    dense_head = LogisticRegression(max_iter=2000).fit(few_dense, y_few)
    scores["features from the dense layer"] = dense_head.score(eval_dense, y_eval)
    network_method("fine-tuning", pretrained[:-2] + head)
    network_method("fine-tuning, lower rate", pretrained[:-2] + head, learning_rate=3e-4)
    trained_head = [dense_head.coef_.T.astype("float32"), dense_head.intercept_.astype("float32")]
    network_method("head first, then lower rate", pretrained[:-2] + trained_head, learning_rate=3e-4)
    network_method("fine-tuning + augmentation", pretrained[:-2] + head, augment=True)
    return scores, fitted, moved


SEEDS = range(6)
results, fitted, moved = {}, {}, {}
for k in (2, 10):
    results[k], fitted[k], moved[k] = zip(*(run_all(k, seed) for seed in SEEDS), strict=True)

# %% [markdown]
# ## Results

# %%
methods = list(results[2][0])
print(f"{'test accuracy on the digits 5-9':30}  {'2 labels per digit':>18}  {'10 labels per digit':>19}")
for method in methods:
    cells = []
    for k in (2, 10):
        scores = np.array([run[method] for run in results[k]])
        cells.append(f"{scores.mean():.2f} ± {scores.std():.2f}")
    print(f"{method:30}  {cells[0]:>18}  {cells[1]:>19}")

# %% [markdown]
# Means and spreads hide how methods compare on the same draw. The gain of each method over
# the pixel baseline, draw by draw:

# %%
for k in (2, 10):
    print(f"{k} labels per digit, gain over pixels + logistic regression, per draw:")
    for method in methods[1:]:
        gains = np.array([run[method] - run["pixels + logistic regression"] for run in results[k]])
        print(
            f"  {method:31}",
            " ".join(f"{g:+.2f}" for g in gains),
            f"  mean {gains.mean():+.2f} ± {gains.std():.2f}",
        )

# %%
# alt: Two groups of bars, for 2 and 10 labelled images per digit, with the mean test accuracy
#      of each of the nine methods and error bars for the spread over six draws; the pixel
#      baseline and the networks trained from scratch are highest, the methods that reuse the
#      pretrained network lower, and features from its dense layer and fine-tuning at the lower
#      rate from a random head lowest.
fig, ax = plt.subplots(figsize=(10, 3.5))
width = 0.09
for i, method in enumerate(methods):
    for j, k in enumerate((2, 10)):
        scores = np.array([run[method] for run in results[k]])
        ax.bar(
            j + (i - 4) * width,
            scores.mean(),
            width,
            yerr=scores.std(),
            capsize=2,
            color=f"C{i}",
            label=method if j == 0 else None,
        )
ax.set_xticks([0, 1], ["2 labels per digit", "10 labels per digit"])
ax.set_ylabel("test accuracy, digits 5-9")
ax.set_ylim(0.4, 1.0)
ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))  # outside the bars
plt.show()

# %% [markdown]
# Two things the test accuracy cannot tell: whether a network has learned its own few training
# images at all (for the augmented networks, the shifted copies count too), and how far
# fine-tuning has moved the pretrained base (the length of the change in all its weights, to
# compare with the length of the weights themselves). Accuracies are the mean over the six
# draws with the lowest in brackets; distances are the mean:

# %%
print(f"the pretrained base's weights: length {distance(pretrained, [0 * w for w in pretrained]):.1f}")
print(f"{'':29} {'accuracy on its training images':^31}  {'how far the base moved':^23}")
print(f"{'labels per digit':>29} {2:>15} {10:>15}  {2:>11} {10:>11}")
for method in fitted[2][0]:
    cells = []
    for k in (2, 10):
        on_train = np.array([run[method] for run in fitted[k]])
        cells.append(f"{on_train.mean():.2f} ({on_train.min():.2f})")
    for k in (2, 10):
        cells.append(f"{np.mean([run[method] for run in moved[k]]):.1f}" if method in moved[k][0] else "")
    print(f"{method:29} {cells[0]:>15} {cells[1]:>15}  {cells[2]:>11} {cells[3]:>11}")

# %% [markdown]
# The gains above compare each method with the baseline. Two methods are compared with each
# other the same way, by their difference on each draw. The four differences the conclusions
# below rely on:

# %%
pairs = {
    "from scratch: augmentation": ("from scratch + augmentation", "from scratch"),
    "fine-tuning: augmentation": ("fine-tuning + augmentation", "fine-tuning"),
    "fine-tuning: lower rate": ("fine-tuning, lower rate", "fine-tuning"),
    "fine-tuning: head first, lower rate": ("head first, then lower rate", "fine-tuning"),
}
for k in (2, 10):
    print(f"{k} labels per digit, test accuracy with the change minus without it, per draw:")
    for label, (changed, plain) in pairs.items():
        diffs = np.array([run[changed] - run[plain] for run in results[k]])
        print(
            f"  {label:36}",
            " ".join(f"{d:+.2f}" for d in diffs),
            f"  mean {diffs.mean():+.2f} ± {diffs.std():.2f}",
        )

# %% [markdown]
# ## When transfer helps, and when it does not
#
# Read the table and the per-draw differences above, not a single draw. Here, **transfer does
# not help**:
#
# - **The baseline is hard to beat.** A logistic regression on the raw pixels is as good as the
#   CNN trained from scratch, with 2 labels per digit and with 10: on the same draws the CNN's
#   gain is 0.00 ± 0.03 and −0.01 ± 0.01. An 8 by 8 digit here is 64 clean numbers, each the
#   ink of a block of the scan, already a good representation for a linear model.
# - **No method that reuses the pretrained network beats the baseline.** Five of the six are
#   behind it on every draw, with 2 labels per digit and with 10 (features from the
#   convolutions tie on one draw with 10). The sixth, fine-tuning with augmentation, is behind
#   on every draw with 10 labels per digit; with 2 it is within the spread, 0.05 ± 0.08 behind
#   and ahead on one draw. Fine-tuning all layers at the from-scratch rate (`3e-3`) reaches
#   0.72 with 2 labels per digit and 0.89 with 10, against 0.79 and 0.94 for the baseline.
# - **A lower fine-tuning rate does not help here, and with 10 labels per digit 100 steps are
#   too few for it.** At `3e-4`, fine-tuning from a random head falls to 0.58 and 0.61, behind
#   fine-tuning at `3e-3` by 0.14 ± 0.09 and 0.28 ± 0.10 on the same draws. With 10 labels per
#   digit that row measures unfinished training more than the effect of staying close to the
#   pretrained weights: the network reaches only 0.68 on its own training images (0.48 on the
#   worst draw), because a random head learns slowly at a low rate, and its base moves 0.9
#   against 4.2 at `3e-3` (for a base whose weights have length 13.9). With 2 labels per digit
#   it fits them (0.98) and scores about as the head-first run does (0.58 against 0.60).
#   This is why the usual recipe trains the head first. Training the head first fits the
#   training images (1.00) and brings the result back to 0.88 with 10 labels per digit, level
#   with fine-tuning at `3e-3` (−0.01 ± 0.03); with 2 labels per digit it stays at 0.60, behind
#   on every draw (−0.12 ± 0.04). On this task, keeping the weights close to what they learned
#   on 0 to 4 is no better, and with 2 labels per digit worse.
# - **Here, the later layer transfers worse.** Features taken after the convolutions are
#   0.03 ± 0.03 behind the baseline with 10 labels per digit; features from the dense layer,
#   which was trained to separate the digits 0 to 4 and nothing else, are 0.12 ± 0.03 behind.
#   This matches what [Yosinski et al. (2014)](https://arxiv.org/abs/1411.1792) measured on
#   ImageNet: features go from general in the first layers to specific to the source task in
#   the last. When you reuse a network, how many layers to keep is a choice to measure.
# - **Augmentation** makes no clear difference. On the same draws it changes the network
#   trained from scratch by +0.02 ± 0.05 with 2 labels per digit and −0.04 ± 0.04 with 10,
#   and fine-tuning by +0.03 ± 0.06 and −0.02 ± 0.02. With 10 labels per digit, from scratch,
#   it loses clearly on two draws of six (−0.08 and −0.10) and is within 0.02 on the rest,
#   perhaps because the same 100 steps cover each image only 4 times instead of 20: the
#   augmented networks fit only 0.90 and 0.89 of their training images. Check it on your data
#   rather than trusting a rule.
# - **Spread.** With 2 labels per digit the standard deviation over draws is 0.04 to 0.11 for
#   each method (for the networks it includes their random start, which changes with the
#   draw). That is as large as some of the gaps between the methods' means, such as the 0.07
#   between fine-tuning and the baseline. But much of it is shared, because a draw that is
#   hard for one method is hard for the others, so the per-draw differences vary less:
#   fine-tuning is behind the baseline on every draw, by 0.07 ± 0.02. Report the spread, compare
#   methods on the same draws, and judge a difference by the spread of the paired differences.
#
# When does transfer help, then? When the target labels are few **and** good features are hard
# to learn from them: large, raw inputs (photos, sound, text), and a source model trained on far
# more data, on a task close to yours. Here the input is tiny and clean and the source has under
# 700 images; published pretrained image models have seen millions. The habit that carries over
# is the one this page practises: measure the reused model against a from-scratch model and a
# simple baseline, over several draws, before believing that pretraining helps.
#
# Try: change `k` to 1 or 30 (the networks then no longer get exactly 100 steps, because
# `epochs = STEPS * 10 // len(y_few)` assumes full batches of 10 images: with `k=1` they get
# 200 steps, the augmented ones 120); give every network more `STEPS` and see which rows
# change; pretrain for more epochs; or freeze the base during fine-tuning and compare with
# feature extraction. To freeze it, set `base.trainable = False`, compile again, then rebuild
# the optimiser's starting state, or `train()` fails:
# `network.optimizer.build(network.trainable_variables)`, then
# `optimizer_start = [v.numpy() for v in network.optimizer.variables]`.
#
# ## Where to go next
#
# - The page [Transfer and self-supervised learning](../../deep-learning/transfer-learning/)
#   also tries an autoencoder as self-supervised pretraining.
# - The Keras guide [Transfer learning and fine-tuning](https://keras.io/guides/transfer_learning/)
#   with a real pretrained image model, and [KerasHub](https://keras.io/keras_hub/) for
#   pretrained models.
# - Jason Yosinski et al., [How transferable are features in deep neural networks?](https://arxiv.org/abs/1411.1792),
#   NeurIPS 2014.
