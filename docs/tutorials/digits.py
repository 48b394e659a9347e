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
# # Recognise handwritten digits
#
# In this tutorial you build a program that reads handwritten digits, from raw pixels to a
# saved model that labels a digit it has never seen. You will:
#
# 1. load and look at the data with pandas and Matplotlib;
# 2. split it into a training and a test set;
# 3. measure a baseline that a useful model must beat;
# 4. train a classic scikit-learn model and a small Keras neural network;
# 5. evaluate them with accuracy, a confusion matrix and the digits they get wrong;
# 6. save the network, load it back, and predict a digit drawn by hand.
#
# Everything runs offline on a laptop CPU: the images ship with scikit-learn. Download this
# page as a notebook with the button at the top right, or copy the cells into your own.

# %% [markdown]
# ## Set up
#
# Keras 3 runs on JAX, TensorFlow or PyTorch. The backend is chosen by an environment variable
# that must be set **before** Keras is imported; this guide uses JAX, which installs quickly
# and runs well on a CPU. Seeding makes every run print the same numbers.

# %%
import os
import time

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.metrics import ConfusionMatrixDisplay, accuracy_score
from sklearn.svm import SVC

from tutorials_lib.data import load_digits_frame, load_digits_split
from tutorials_lib.plotting import plot_image_grid

keras.utils.set_random_seed(0)
print("Keras", keras.__version__, "on", keras.backend.backend())

# %% [markdown]
# ## Look at the data
#
# The dataset holds 1,797 images of 8 by 8 pixels, scanned from forms filled in by 13 people:
# scikit-learn ships the test part of a
# [larger UCI collection](https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits)
# written by 43 people (`load_digits().DESCR` tells the story). Each pixel is an ink intensity
# from 0 (white) to 16 (black). As a table, every image is one row of 64 pixel columns plus its
# label.

# %%
frame = load_digits_frame()
print(frame.shape)
frame.iloc[:5, [0, 1, 2, 3, 4, 5, -1]]

# %% [markdown]
# The ten digits are about equally common, which matters later: it means accuracy is a fair
# summary of performance here (on imbalanced data it is not).

# %%
frame["digit"].value_counts().sort_index().to_frame().T

# %% [markdown]
# A table of numbers is hard to read; the same rows drawn as images are not. `plot_image_grid`
# from this guide's small library reshapes each row of 64 values into 8 by 8 pixels.

# %%
# alt: The first 20 handwritten digits of the dataset, two rows of 8 by 8 grey pixel images
#      labelled 0 to 9 twice; blocky, but most are easy to read.
pixels = frame.drop(columns="digit").to_numpy()
plot_image_grid(pixels[:20], labels=frame["digit"][:20], ncols=10)
plt.show()

# %% [markdown]
# ## Split into training and test sets
#
# The model learns from the training set. The test set stays locked away until the end, so its
# score tells how the model will do on new digits from the same 13 writers: the split shuffles
# the images at random, so each writer's handwriting is almost certainly in both parts. (The
# dataset's authors tested on separate writers for their real quality measure.) A new person's
# handwriting may be read somewhat less well. `load_digits_split` scales the pixels to [0, 1]
# (neural networks train better on small inputs) and stratifies the split, so each digit is as
# common in both parts.

# %%
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
print("training:", X_train.shape, " test:", X_test.shape)

# %% [markdown]
# ## A baseline
#
# Before training anything clever, measure what a trivial strategy scores. A "model" that always
# answers the most common digit of the training set is right about one time in ten. Any real
# model must beat this by a wide margin.

# %%
baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
print(f"baseline accuracy: {baseline.score(X_test, y_test):.3f}")

# %% [markdown]
# ## A classic model: a support vector machine
#
# A support vector machine (SVM) with the default RBF kernel compares each new image with the
# training images that matter most, and is a strong choice for small, clean datasets like this.

# %%
start = time.perf_counter()
svm = SVC().fit(X_train, y_train)
svm_seconds = time.perf_counter() - start
svm_accuracy = svm.score(X_test, y_test)
print(f"SVM accuracy: {svm_accuracy:.3f}")

# %% [markdown]
# ## A neural network with Keras
#
# A multilayer perceptron (MLP) takes the 64 pixels as input, passes them through a hidden layer
# of 64 units, and outputs 10 probabilities, one per digit.
# [Dropout](https://keras.io/api/layers/regularization_layers/dropout/) switches off each hidden
# unit with probability `0.2` (a fifth of them on average) at each training step and scales up
# the others to make up for it, which makes it harder for the network to memorise the training
# set. `validation_split` holds back 10% of the training data to watch for overfitting while
# it trains.

# %%
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()

# %%
start = time.perf_counter()
history = model.fit(X_train, y_train, epochs=40, batch_size=32, validation_split=0.1, verbose=0)
mlp_seconds = time.perf_counter() - start
print(f"final training accuracy:   {history.history['accuracy'][-1]:.3f}")
print(f"final validation accuracy: {history.history['val_accuracy'][-1]:.3f}")

# %% [markdown]
# The learning curves show whether more epochs would help: when the validation curve flattens
# while the training curve still climbs, the network has started to memorise.

# %%
# alt: Learning curves over 40 epochs: training and validation accuracy rise steeply in the first
#      ten epochs, then level off together at about 0.97, with no sign of overfitting.
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(history.history["accuracy"], label="training")
ax.plot(history.history["val_accuracy"], label="validation")
ax.set_xlabel("epoch")
ax.set_ylabel("accuracy")
ax.set_ylim(0.5, 1.0)
ax.legend()
plt.show()

# %% [markdown]
# ## Evaluate on the test set
#
# Now the network meets the test set. The baseline and the SVM were scored on it above, and
# nothing on this page was chosen from those scores. The network outputs ten probabilities per
# image; the prediction is the digit with the highest one.

# %%
probabilities = model.predict(X_test, verbose=0)
predicted = probabilities.argmax(axis=1)
mlp_accuracy = accuracy_score(y_test, predicted)
print(
    f"baseline {baseline.score(X_test, y_test):.3f} | SVM {svm_accuracy:.3f} | Keras MLP {mlp_accuracy:.3f}"
)
# Times depend on the machine, so the cell prints how they compare rather than the seconds.
print("the SVM trained more than 10 times faster than the network:", 10 * svm_seconds < mlp_seconds)

# %% [markdown]
# Both models beat the baseline by far. On a dataset this small and clean, the classic SVM is
# as good as the neural network or better, and here it trained more than ten times faster (the
# last line above): deep learning earns its keep on large datasets of images, sound and text,
# not on every problem.
#
# Accuracy is one number; a **confusion matrix** shows which digits are mistaken for which.
# Rows are the true digits, columns the predictions, and everything off the diagonal is a mistake.

# %%
# alt: Confusion matrix of the Keras MLP on the test set: about 45 correct answers for each digit
#      on the diagonal and only a few mistakes off it, most of them digits misread as 8 or 1.
fig, ax = plt.subplots(figsize=(5.5, 5))
ConfusionMatrixDisplay.from_predictions(y_test, predicted, ax=ax, colorbar=False)
ax.set_title("Keras MLP on the test set")
plt.show()

# %% [markdown]
# The digits the network gets wrong are often ones a person would hesitate over too.

# %%
# alt: Ten test digits the network misread, each titled with its true label and the prediction,
#      such as a 4 read as an 8; several are smudged or unusually shaped.
wrong = np.flatnonzero(predicted != y_test)
print(f"{len(wrong)} of {len(y_test)} test digits misread")
plot_image_grid(
    X_test[wrong][:10],
    labels=[f"true {y_test[i]}, said {predicted[i]}" for i in wrong[:10]],
    ncols=5,
    size=1.6,
)
plt.show()

# %% [markdown]
# ## Save the model and load it back
#
# A trained model is a file you can ship. The `.keras` format stores the architecture, the
# weights and the optimiser state in one zip archive. Loading it back gives the same predictions.
# (This tutorial saves into a temporary folder so that it leaves no files behind; in your own
# project, save next to your code.)

# %%
import tempfile
from pathlib import Path

model_path = Path(tempfile.mkdtemp()) / "digits_mlp.keras"
model.save(model_path)
reloaded = keras.saving.load_model(model_path)
same = np.allclose(reloaded.predict(X_test, verbose=0), probabilities, atol=1e-6)
print("reloaded model gives the same predictions:", same)

# %% [markdown]
# ## Predict a digit drawn by hand
#
# Finally, a digit that is in neither set: a 7 drawn pixel by pixel, with ink from 0 to 16 like
# the scanned forms. It goes through the same preparation as the training data (divide by 16,
# flatten to 64 values) before the model sees it. Forgetting that step is one of the most
# common bugs in machine learning code.

# %%
# alt: The hand-drawn 7 as an 8 by 8 grey pixel image: a horizontal bar at the top and a
#      diagonal stroke down to the bottom left.
seven = np.array(
    [
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 4, 14, 16, 16, 16, 9, 0],
        [0, 2, 8, 8, 9, 16, 8, 0],
        [0, 0, 0, 0, 10, 14, 1, 0],
        [0, 0, 0, 3, 16, 5, 0, 0],
        [0, 0, 0, 11, 12, 0, 0, 0],
        [0, 0, 3, 16, 4, 0, 0, 0],
        [0, 0, 6, 12, 0, 0, 0, 0],
    ]
)
new_image = (seven / 16.0).reshape(1, 64)
new_probabilities = reloaded.predict(new_image, verbose=0)[0]
print("Keras MLP says:", new_probabilities.argmax(), f"(probability {new_probabilities.max():.2f})")
print("SVM says:", svm.predict(new_image)[0])
plot_image_grid(new_image, labels=["hand-drawn"], size=1.6)
plt.show()

# %% [markdown]
# ## What you built, and where to go next
#
# You loaded and inspected a dataset, set a baseline, trained two very different models,
# evaluated them honestly on held-out data, looked at their mistakes, and saved a model that
# reads a digit it has never seen.
#
# - Change the hidden layer to 16 or 256 units, or remove the dropout, and watch the learning
#   curves and the test accuracy.
# - Read the [Keras guide to the Sequential model](https://keras.io/guides/sequential_model/)
#   and scikit-learn's [guide to SVMs](https://scikit-learn.org/stable/modules/svm.html).
# - Back to the idea behind all of this: [What is machine learning?](../../concepts/what-is-machine-learning/)
