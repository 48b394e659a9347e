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
# # Generative models: from a compressed code to diffusion
#
# In this tutorial you build three models that learn what handwritten digits look like, and you
# measure whether the new digits they draw can be read. You will:
#
# 1. squeeze each 8 by 8 image into 8 numbers with an **autoencoder**, and compare it with PCA;
# 2. turn it into a **variational autoencoder** (VAE), which can draw new digits from random
#    numbers;
# 3. train a small **diffusion model** (DDPM), which learns to remove noise step by step and
#    draws digits starting from pure noise;
# 4. label the drawn digits with a classifier trained on real ones, over three seeds, next to
#    real digits and random noise as references.
#
# Everything runs offline on a CPU with the home page's packages
# (`pip install numpy pandas matplotlib scikit-learn "keras>=3" "jax[cpu]"`); nothing else is
# needed. The models are tiny, so the digits they draw are rough; the ideas are the ones behind
# today's image generators, and a section at the end says what those add at scale.

# %% [markdown]
# ## Set up
#
# Keras reads its backend from an environment variable before it is imported; this guide uses
# JAX. Seeds make every run print the same numbers on one machine; trained networks still differ
# in their last digits between machines, so results are printed to two decimals.

# %%
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)
SEEDS = [0, 1, 2]


def show(images, titles=None, ncols=10, size=0.9):
    """Draw rows of 64 pixel values in [0, 1] as 8 by 8 images, dark ink on white."""
    nrows = -(-len(images) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows * 1.2), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i < len(images):
            ax.imshow(np.reshape(images[i], (8, 8)), cmap="gray_r", vmin=0, vmax=1)
            if titles is not None:
                ax.set_title(str(titles[i]), fontsize=8)
    fig.tight_layout()
    return fig


# %% [markdown]
# ## The data
#
# scikit-learn bundles 1,797 handwritten digits of 8 by 8 pixels (scikit-learn is BSD-licensed;
# the images are a copy of part of the
# [UCI optical recognition of handwritten digits](https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits)
# data, licence CC BY 4.0), so nothing is downloaded. They are small enough for a generative
# model to train in seconds on a CPU, yet varied enough that a bad model is easy to spot. Each
# pixel counts ink from 0 to 16; dividing by 16 puts it in [0, 1]. A quarter of the images is
# held out as a test set, which the models never train on.
# <!-- not results: 4.0 is the version of the CC BY licence -->

# %%
digits = load_digits()
X = (digits.data / 16.0).astype("float32")
X_train, X_test, y_train, y_test = train_test_split(
    X, digits.target, test_size=0.25, random_state=0, stratify=digits.target
)
print("training:", X_train.shape, " test:", X_test.shape)

# %%
# alt: Twenty training digits, two rows of 8 by 8 grey images of the digits 0 to 9, blocky but
#      readable.
show(X_train[:20], titles=y_train[:20])
plt.show()

# %% [markdown]
# ## Noise first: the forward process of diffusion
#
# The diffusion model comes last, but one half of it needs no training at all, so it is built
# and checked here, while a mistake costs nothing. A **denoising diffusion probabilistic model**
# ([DDPM, Ho et al. 2020](https://arxiv.org/abs/2006.11239)) destroys an image in `T` small
# steps. At step `t` it keeps a fraction of the image and adds Gaussian noise:
#
# $$
# x_t = \sqrt{1 - \beta_t}\, x_{t-1} + \sqrt{\beta_t}\, \varepsilon,
# \qquad \varepsilon \sim \mathcal{N}(0, I).
# $$
#
# The **noise schedule** $\beta_1, \dots, \beta_T$ sets how much noise each step adds; here it
# grows linearly, as in the paper, over `T = 100` steps instead of the paper's 1,000 (so each
# step adds ten times as much). Pixels are rescaled to [-1, 1] for diffusion, so that the image
# and the noise have a similar size.
#
# Running the `t` steps one by one is slow, but it is not needed: a sum of Gaussian steps is
# Gaussian, and with $\alpha_t = 1 - \beta_t$ and $\bar\alpha_t = \alpha_1 \alpha_2 \cdots \alpha_t$
# (the running product) the noisy image at step `t` can be drawn in one go:
#
# $$x_t = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 - \bar\alpha_t}\, \varepsilon.$$
#
# $\bar\alpha_t$ is the share of the original image's variance left at step `t`; it must fall
# to nearly 0, so that the last step is pure noise, which is where generation will start. In the
# code, arrays count from 0, so `alpha_bar[t]` is $\bar\alpha_{t+1}$.

# %%
T = 100
betas = np.linspace(1e-3, 0.2, T)  # the paper's 1e-4 to 0.02 over 1,000 steps, times 10
alphas = 1 - betas
alpha_bar = np.cumprod(alphas)
for t in [0, 9, 49, 99]:
    print(f"after {t + 1:3d} steps: alpha_bar = {alpha_bar[t]:.2g}")


def add_noise(x0, t, noise):
    """Noisy images at steps t (one per row of x0), in one go: the closed form."""
    return np.sqrt(alpha_bar[t])[:, None] * x0 + np.sqrt(1 - alpha_bar[t])[:, None] * noise


# %% [markdown]
# The closed form is the kind of formula where a slip (a missing square root, `betas` where
# `alphas` belongs) produces images that look noisy enough and a model that quietly learns
# nothing. So the next cell checks it against what it claims to replace. It takes one training
# image, 10,000 times, and noises it two ways: with `add_noise`, and by running the steps one by
# one. If both are right, the two sets of noisy images have the same distribution: the same mean
# per pixel, $\sqrt{\bar\alpha_t}\, x_0$, and the same variance, $1 - \bar\alpha_t$. The cell
# compares, at several `t`, the slope of the mean against the original pixel and the average
# variance, and stops with an error if they disagree by more than sampling noise allows.

# %%
# check: forward process
rng = np.random.default_rng(0)
x0 = X_train[:1] * 2 - 1  # one image, in [-1, 1]
n = 10_000
assert np.all(np.diff(alpha_bar) < 0) and alpha_bar[-1] < 1e-3, "alpha_bar must fall to near 0"
stepwise = np.repeat(x0, n, axis=0)
for t in range(T):
    stepwise = np.sqrt(alphas[t]) * stepwise + np.sqrt(betas[t]) * rng.normal(size=stepwise.shape)
    if t in (0, 9, 49, 99):
        closed = add_noise(np.repeat(x0, n, axis=0), np.full(n, t), rng.normal(size=stepwise.shape))
        slopes = [(s.mean(axis=0) @ x0[0]) / (x0[0] @ x0[0]) for s in (closed, stepwise)]
        variances = [s.var(axis=0).mean() for s in (closed, stepwise)]
        print(
            f"t={t + 1:3d}  slope of the mean: closed {slopes[0]:.2f}, step by step {slopes[1]:.2f}"
            f" (theory {np.sqrt(alpha_bar[t]):.2f}) | variance: closed {variances[0]:.2f},"
            f" step by step {variances[1]:.2f} (theory {1 - alpha_bar[t]:.2f})"
        )
        assert abs(slopes[0] - slopes[1]) < 0.01, f"means differ at t={t + 1}"
        assert abs(variances[0] - variances[1]) < 0.01, f"variances differ at t={t + 1}"
print("the closed form matches the step-by-step process")

# %% [markdown]
# Both ways agree with each other and with the theory, within 0.01, at every `t` checked.
# After 100 steps almost nothing of the image is left: that is the point.

# %%
# alt: One digit and five noisy versions of it after 1, 10, 25, 50 and 100 steps of the forward
#      process: still clear after 10 steps, hard to make out after 25, and lost in black-and-white
#      speckle after 50 and 100.
steps = np.array([0, 9, 24, 49, 99])
noisy = add_noise(np.repeat(x0, len(steps), axis=0), steps, rng.normal(size=(len(steps), 64)))
show(np.clip((np.vstack([x0, noisy]) + 1) / 2, 0, 1), titles=["x0"] + [f"t={t + 1}" for t in steps], ncols=6)
plt.show()

# %% [markdown]
# ## A judge for generated images
#
# How do you score a drawing of a digit? A person would ask two things: can I tell which digit
# it is, and does the model draw all ten, or only a few? A classifier trained on *real* training
# images can ask the same. A logistic regression is enough: it is quick and it rarely gives a
# confident answer for random pixels, as the output below shows (which matters here, because bad
# samples look like noise). For a set of images, `judge` reports:
#
# - **confident**: the share of images to which the classifier gives one digit a probability of
#   at least 0.9;
# - **entropy**: how evenly the predicted labels spread over the 10 digits, in bits. All ten
#   equally often gives $\log_2 10 = 3.32$ bits, a single digit gives 0;
# - **digits seen**: how many of the ten digits are predicted at least once.
#
# The last two count every image, including those the judge is unsure about, whose label is
# little more than a guess. So `judge` also reports them over the **confident** images only.

# %%
judge_model = LogisticRegression(max_iter=2000).fit(X_train, y_train)
print(f"the judge's accuracy on real test images: {judge_model.score(X_test, y_test):.2f}")


def spread(labels):
    """Entropy of the labels (bits) and how many of the ten digits occur."""
    counts = np.bincount(labels, minlength=10)
    share = counts[counts > 0] / max(len(labels), 1)
    return float(-(share * np.log2(share)).sum()), int((counts > 0).sum())


def judge(images):
    """Confident share; entropy (bits) and digits seen over all images, then over the confident."""
    probabilities = judge_model.predict_proba(np.clip(images, 0, 1))
    labels, sure = probabilities.argmax(axis=1), probabilities.max(axis=1) >= 0.9
    (entropy, seen), (sure_entropy, sure_seen) = spread(labels), spread(labels[sure])
    return {
        "confident": float(np.mean(sure)),
        "entropy": entropy,
        "digits seen": seen,
        "entropy, confident": sure_entropy,
        "digits seen, confident": sure_seen,
    }


results = {"real test images": [judge(X_test)]}
results["random noise"] = [judge(np.random.default_rng(s).uniform(size=(500, 64))) for s in SEEDS]
for name, runs in results.items():
    print(f"{name:17s}", {key: round(value, 2) for key, value in list(runs[0].items())[:3]})

# %% [markdown]
# These are the two references. The judge reads real test digits correctly almost every time,
# but is confident, at 0.9, about fewer of them: a logistic regression is cautious. Pixels drawn
# at random get a confident label rarely. A generator is useful if its samples land near the
# first line, and no use if they land near the second.

# %% [markdown]
# ## An autoencoder: a compressed code
#
# An **autoencoder** is two networks trained together. The **encoder** maps an image (64 pixels)
# to a **code** of a few numbers, here 8; the **decoder** maps the code back to 64 pixels. It is
# trained to make the output equal to the input, with a mean squared error (MSE) loss and no
# labels. Because 8 numbers cannot hold 64, the narrow middle, the **bottleneck**, forces the
# code to keep what matters most about a digit and drop the rest. (Without a bottleneck, a code
# as wide as the image, the network could just copy the pixels.)
#
# The honest baseline for "compress to 8 numbers" is **PCA** with 8 components: the best
# *linear* code of that size, fitted in milliseconds. The autoencoder is only worth its training
# if it reconstructs held-out images better. A third line, the average training image for every
# input, shows the error of knowing nothing about the input.

# %%
CODE = 8
encoder = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(CODE)]
)
decoder = keras.Sequential(
    [
        keras.Input(shape=(CODE,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="sigmoid"),
    ]
)
autoencoder = keras.Sequential([encoder, decoder])
autoencoder.compile(optimizer=keras.optimizers.Adam(3e-3), loss="mse")
autoencoder.fit(X_train, X_train, epochs=40, batch_size=64, verbose=0)


def predict(model, inputs):
    return keras.ops.convert_to_numpy(model(inputs))


pca = PCA(n_components=CODE).fit(X_train)
errors = {
    "average image": ((X_test - X_train.mean(axis=0)) ** 2).mean(axis=1),
    "PCA, 8 components": ((pca.inverse_transform(pca.transform(X_test)) - X_test) ** 2).mean(axis=1),
    "autoencoder, 8 numbers": ((predict(autoencoder, X_test) - X_test) ** 2).mean(axis=1),
}
for name, per_image in errors.items():
    print(f"test MSE, {name:22s} {per_image.mean():.3f}")
gap = errors["PCA, 8 components"] - errors["autoencoder, 8 numbers"]
boot = np.random.default_rng(0).choice(gap, size=(1000, len(gap))).mean(axis=1)
print(
    f"PCA minus autoencoder, per test image: {gap.mean():.3f} (95% bootstrap interval "
    f"{np.percentile(boot, 2.5):.3f} to {np.percentile(boot, 97.5):.3f})"
)

# %% [markdown]
# On these held-out digits the autoencoder's error is lower than PCA's, and the bootstrap
# interval of the paired gap (the same test images, resampled) stays above 0. That interval
# covers the choice of test images, not the randomness of training: this is one trained
# autoencoder. Both compress far better than the average image.
#
# The reconstructions show what the 8 numbers keep: the shape of the digit, not every pixel.

# %%
# alt: Two rows of ten test digits: the originals on top, and below them the autoencoder's
#      reconstructions from 8 numbers, slightly blurred but the same digits.
show(np.vstack([X_test[:10], predict(autoencoder, X_test[:10])]))
plt.show()

# %% [markdown]
# ### The code space
#
# Each test image is now a point in 8 dimensions. PCA of those codes flattens them to two
# dimensions that can be drawn; each point is coloured by its digit, a label the autoencoder
# never saw.

# %%
# alt: Scatter plot of the test images' 8-number codes flattened to two dimensions by PCA,
#      coloured by digit: loose groups, with the 3s and 9s at the top left, the 7s on the right
#      and the 0s, 6s and 4s together at the bottom; 1s, 2s, 5s and 8s overlap in the middle.
codes = predict(encoder, X_test)
flat = PCA(n_components=2).fit_transform(codes)
fig, ax = plt.subplots(figsize=(6, 5))
for digit in range(10):
    points = flat[y_test == digit]
    ax.scatter(points[:, 0], points[:, 1], s=8, color=plt.cm.tab10(digit), label=str(digit))
    ax.annotate(str(digit), points.mean(axis=0), fontsize=14, weight="bold")
ax.set_xlabel("first principal component of the code")
ax.set_ylabel("second")
ax.legend(title="digit", markerscale=2, fontsize=8, loc="center left", bbox_to_anchor=(1, 0.5))
fig.tight_layout()
plt.show()

# %% [markdown]
# Images of the same digit tend to get nearby codes: the autoencoder found some of the digits'
# classes without being told about them, just because similar images need similar codes. Two
# dimensions show only part of an 8-number code, so groups that overlap here may be apart in
# the others.
#
# Can the decoder draw new digits from random codes? Nothing in its training says which codes
# are valid: the codes it has seen are scattered clusters, with gaps between them that the
# decoder has never been trained on. So a plain autoencoder is not by itself a **generator**, a
# model with a distribution you can sample from. It becomes one in two stages: first fit a
# distribution to the training codes (below, a normal distribution per code number, with the
# mean and spread it has over the training images), then decode samples from it. That works
# only as well as the fitted distribution matches the codes. The measurement at the end
# includes these decoded random codes next to the VAE, which builds its distribution in.

# %%
train_codes = predict(encoder, X_train)
ae_random = [
    predict(
        decoder,
        np.random.default_rng(s).normal(train_codes.mean(axis=0), train_codes.std(axis=0), (500, CODE)),
    )
    for s in SEEDS
]
results["AE, random codes"] = [judge(images) for images in ae_random]

# %% [markdown]
# ## A variational autoencoder: a code you can sample
#
# A **variational autoencoder** ([Kingma & Welling 2013](https://arxiv.org/abs/1312.6114)) fixes
# this by deciding in advance what the codes should look like: a standard normal distribution,
# the **prior**. The encoder no longer outputs a point but a small cloud: a mean $\mu$ and a
# log-variance $\log\sigma^2$ for each of the code's numbers. Training then balances two terms,
# printed below:
#
# - the **reconstruction** term: how badly the decoder rebuilds the image from a code drawn from
#   the cloud. The pixels are read as probabilities of ink, so this is the binary cross-entropy
#   summed over the 64 pixels;
# - the **KL** term: the Kullback-Leibler divergence between the cloud and the prior,
#   $\tfrac12 \sum (\mu^2 + \sigma^2 - \log\sigma^2 - 1)$, which pulls every cloud towards the
#   standard normal, so that the codes fill it without gaps.
#
# Both terms are in nats (natural logarithms). Their sum is the negative of the **evidence lower
# bound** (ELBO), and minimising it trains both networks. Strictly, the binary cross-entropy is a
# likelihood only for pixels that are 0 or 1; these pixels are fractions of ink (k/16), and
# reading them as probabilities is a common convention rather than an exact ELBO (see
# [the continuous Bernoulli](https://arxiv.org/abs/1907.06845), Loaiza-Ganem & Cunningham 2019).
# One consequence: the reconstruction term cannot reach 0. Even a perfect copy of the image
# scores the pixels' own entropy, printed first below; only what lies above it is the decoder's
# error. Drawing the code is random, and gradients cannot flow through a random draw; the
# **reparameterisation trick** moves the randomness aside: draw $\varepsilon \sim \mathcal{N}(0, I)$,
# then $z = \mu + \sigma\,\varepsilon$, a smooth function of $\mu$ and $\sigma$. That is the
# `Sampling` layer. The model outputs the decoded pixels (as logits: the sigmoid is applied in
# the loss, which is more stable), $\mu$ and $\log\sigma^2$ side by side, so that one loss
# function can read all three. JAX compiles a model's training step the first time it trains,
# which takes seconds; each seed therefore reuses the one compiled model, with the starting
# weights of a new one (`restart`). The code has 4 numbers, and the VAE trains on the same 1,347
# images.

# %%
LATENT = 4


class Sampling(keras.layers.Layer):
    """The reparameterisation trick: z = mean + sigma * epsilon, epsilon ~ N(0, I)."""

    def __init__(self, seed, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, mean, log_var):
        epsilon = keras.random.normal(keras.ops.shape(mean), seed=self.seed_generator)
        return mean + keras.ops.exp(0.5 * log_var) * epsilon


def vae_terms(images, output):
    """The two terms of the loss, per image: reconstruction (in nats) and KL."""
    logits, mean, log_var = output[:, :64], output[:, 64 : 64 + LATENT], output[:, 64 + LATENT :]
    bce = keras.ops.binary_crossentropy(images, logits, from_logits=True)
    reconstruction = keras.ops.sum(bce, axis=1)
    kl = 0.5 * keras.ops.sum(mean**2 + keras.ops.exp(log_var) - log_var - 1, axis=1)
    return reconstruction, kl


def vae_loss(images, output):
    reconstruction, kl = vae_terms(images, output)
    return reconstruction + kl


def new_vae(seed):
    image = keras.Input(shape=(64,))
    hidden = keras.layers.Dense(64, activation="relu")(image)
    mean, log_var = keras.layers.Dense(LATENT)(hidden), keras.layers.Dense(LATENT)(hidden)
    vae_encoder = keras.Model(image, [mean, log_var])
    vae_decoder = keras.Sequential(
        [keras.Input(shape=(LATENT,)), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(64)]
    )
    z = Sampling(seed)(mean, log_var)
    vae = keras.Model(image, keras.layers.Concatenate()([vae_decoder(z), mean, log_var]))
    return vae, vae_encoder, vae_decoder


def restart(model, build, seed):
    """Give a compiled model the starting weights of a new one built with `seed`, and a fresh
    optimiser, so that its compiled training step is reused."""
    keras.utils.set_random_seed(seed)
    model.set_weights(build().get_weights())
    for variable in model.optimizer.variables:
        if "learning_rate" not in variable.path:  # Adam's step count and moments start at 0
            variable.assign(np.zeros(variable.shape, variable.dtype))


vae, vae_encoder, vae_decoder = new_vae(0)
vae.compile(optimizer=keras.optimizers.Adam(3e-3), loss=vae_loss)
# %% [markdown]
# Now the decoder *is* a generator: draw codes from the prior, a standard normal, and decode
# them. Each pixel of the output is a probability of ink; the images show those probabilities,
# as is usual for a VAE, rather than drawing black-or-white pixels from them. The VAE is trained
# once per seed, and each time 500 samples go to the judge; the loss terms are printed on the
# test images.


# %%
def vae_samples(seed, n=500):
    z = np.random.default_rng(seed).normal(size=(n, LATENT)).astype("float32")
    return keras.ops.convert_to_numpy(keras.ops.sigmoid(vae_decoder(z)))


pixels = np.clip(X_test, 1e-7, 1 - 1e-7)
floor = -(pixels * np.log(pixels) + (1 - pixels) * np.log(1 - pixels)).sum(axis=1).mean()
print(f"reconstruction term of a perfect copy of each test image: {floor:.1f} nats per image")
results["VAE, prior samples"] = []
for seed in SEEDS:
    restart(vae, lambda seed=seed: new_vae(seed)[0], seed)
    vae.fit(X_train, X_train, epochs=40, batch_size=64, verbose=0)
    reconstruction, kl = (keras.ops.convert_to_numpy(term).mean() for term in vae_terms(X_test, vae(X_test)))
    print(
        f"seed {seed}, test images: reconstruction {reconstruction:.1f} + KL {kl:.1f}"
        f" = {reconstruction + kl:.1f} nats per image"
    )
    results["VAE, prior samples"].append(judge(vae_samples(seed)))
    if seed == SEEDS[0]:
        vae_weights = vae.get_weights()
vae.set_weights(vae_weights)  # back to seed 0 for the figures

# %%
# alt: Thirty digits drawn by the VAE from random codes of the standard normal: smooth and
#      blurry; some are clear (a 0, two 4s, a 5, several 9s and 6s), many are halfway between
#      two digits.
show(vae_samples(seed=0, n=30))
plt.show()

# %% [markdown]
# Because the prior has no gaps, walking in a straight line between the codes of two digits
# passes through codes the decoder knows. Here the walk goes from a test image of a 0 to one
# of a 6 (the encoder's mean for each, $\mu$), in ten steps.

# %%
# alt: Ten decoded images along a straight line in the VAE's code space, from a 0 on the left to
#      a 6 on the right; the loop of the 0 opens at the top and shrinks into the 6.
start, end = X_test[y_test == 0][:1], X_test[y_test == 6][:1]
mean_start, mean_end = (keras.ops.convert_to_numpy(vae_encoder(image)[0]) for image in (start, end))
weights = np.linspace(0, 1, 10)[:, None]
path = (1 - weights) * mean_start + weights * mean_end
show(
    keras.ops.convert_to_numpy(keras.ops.sigmoid(vae_decoder(path))),
    titles=[f"{w:.1f}" for w in weights[:, 0]],
)
plt.show()

# %% [markdown]
# ## A small diffusion model
#
# The VAE's samples above are blurry, and its decoder turns a code into an image in one step.
# A diffusion model takes a hundred small steps instead. Its network, the **denoiser**, is
# shown a noisy image $x_t$ and the step `t`, and trained to predict the noise $\varepsilon$ that
# was added (the simple loss of Ho et al.: the mean squared error between the true and the
# predicted noise). Training images are noised with `add_noise`, checked above, at a random
# step each.
#
# At 8 by 8 pixels a multilayer perceptron (MLP) can serve as the denoiser (large models use a
# U-Net, a convolutional network); the one below is deliberately small, to fit this page's time
# budget. The step `t` goes in as a **time embedding**: sines and cosines of `t` at 8
# frequencies, a smooth code that lets the network tell nearby steps apart. A dense layer turns
# it into a time code, which is joined (concatenated) to the hidden values going into each of
# the two residual layers; each of those layers adds the hidden values it received to its
# output (a residual connection). The first hidden layer sees only the noisy image. (Ho et al.
# instead *add* the time embedding inside each block of their network.) The learning rate
# decays along a cosine curve to 5% of its start, so that the last of the training steps make
# only small changes. Each training example is a random training image, noised at a random step
# with fresh noise; 1,300 batches of 128 is a very short training by the standards of diffusion
# models, chosen to fit this page's time budget.

# %%
STEPS, BATCH = 1300, 128


def embed_time(t):
    frequencies = np.exp(np.linspace(0, np.log(100), 8))
    angles = (t[:, None] / T) * frequencies
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1).astype("float32")


def new_denoiser(width=128):
    noisy, step = keras.Input(shape=(64,)), keras.Input(shape=(16,))
    t_code = keras.layers.Dense(width, activation="silu")(step)
    h = keras.layers.Dense(width, activation="silu")(noisy)
    for _ in range(2):
        h = h + keras.layers.Dense(width, activation="silu")(keras.layers.Concatenate()([h, t_code]))
    return keras.Model([noisy, step], keras.layers.Dense(64)(h))


def training_batches(seed):
    """STEPS * BATCH noisy training images at random steps, and the noise to predict."""
    rng = np.random.default_rng(seed)
    x0 = X_train * 2 - 1
    rows, t = rng.integers(0, len(x0), STEPS * BATCH), rng.integers(0, T, STEPS * BATCH)
    noise = rng.normal(size=(STEPS * BATCH, 64)).astype("float32")
    return [add_noise(x0[rows], t, noise).astype("float32"), embed_time(t)], noise


denoiser = new_denoiser()
schedule = keras.optimizers.schedules.CosineDecay(2e-3, decay_steps=STEPS, alpha=0.05)
denoiser.compile(optimizer=keras.optimizers.Adam(schedule), loss="mse")
print(f"the denoiser has {denoiser.count_params():,} weights")

# %% [markdown]
# Generation runs the process backwards (Algorithm 2 of the paper). Start from pure noise,
# $x_T \sim \mathcal{N}(0, I)$. At each step, from `t = T` down to 1, the denoiser predicts the
# noise in $x_t$, and the sampler removes the part of it that step `t` added, then adds back a
# little fresh noise (except at the last step):
#
# $$
# x_{t-1} = \frac{1}{\sqrt{\alpha_t}}\Big(x_t - \frac{\beta_t}{\sqrt{1 - \bar\alpha_t}}\,
# \hat\varepsilon(x_t, t)\Big) + \sqrt{\beta_t}\, z, \qquad z \sim \mathcal{N}(0, I).
# $$
#
# The sampler keeps a few intermediate images for the figure below.


# %%
def ddpm_samples(denoiser, seed, n=500, keep=()):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 64)).astype("float32")
    kept = {}
    for t in range(T - 1, -1, -1):
        predicted = keras.ops.convert_to_numpy(denoiser([x, embed_time(np.full(n, t))]))
        x = (x - betas[t] / np.sqrt(1 - alpha_bar[t]) * predicted) / np.sqrt(alphas[t])
        if t > 0:
            x = (x + np.sqrt(betas[t]) * rng.normal(size=x.shape)).astype("float32")
        if t in keep:
            kept[t] = np.clip((x + 1) / 2, 0, 1)
    return np.clip((x + 1) / 2, 0, 1), kept


results["DDPM samples"] = []
for seed in SEEDS:
    restart(denoiser, new_denoiser, seed)
    history = denoiser.fit(*training_batches(seed), batch_size=BATCH, epochs=1, verbose=0)
    samples = ddpm_samples(denoiser, seed)[0]
    results["DDPM samples"].append(judge(samples))
    print(
        f"seed {seed}: mean squared error of the predicted noise {history.history['loss'][-1]:.2f}"
        " (predicting 0 scores 1)"
    )
    if seed == SEEDS[0]:
        ddpm_weights, first_samples = denoiser.get_weights(), samples
denoiser.set_weights(ddpm_weights)  # back to seed 0 for the figures

# How well does the trained denoiser (seed 0) predict the noise on test images, step by step?
# At the last step almost nothing of the image is left, so copying the noisy input is already a
# near-perfect prediction of the noise.
check_rng = np.random.default_rng(100)
for t in [0, 9, 49, 99]:
    steps_t = np.full(len(X_test), t)
    noise = check_rng.normal(size=X_test.shape).astype("float32")
    noisy = add_noise(X_test * 2 - 1, steps_t, noise).astype("float32")
    predicted = keras.ops.convert_to_numpy(denoiser([noisy, embed_time(steps_t)]))
    print(
        f"t={t + 1:3d}: test error of the predicted noise {((predicted - noise) ** 2).mean():.3f},"
        f" of copying the noisy image {((noisy - noise) ** 2).mean():.5f}"
    )

# %% [markdown]
# The last four lines test the seed-0 denoiser on test images, at four steps. At `t = 1` the
# noise is a tiny part of the image and hard to tell apart from it, so a large error is
# expected. At `t = 100` the opposite holds: almost nothing of the image is left, and copying
# the noisy image would predict the noise with an error of 0.00001. The denoiser's error there
# is 0.039: it has not learnt even this easy case (nothing in the network passes its input
# straight to its output, so even copying has to be learnt). This network is small and briefly
# trained, and the samples below should be read as what *it* draws, not as what diffusion
# models can do.

# %%
# alt: Six rows, one per sample, each showing the same image at steps 100, 80, 60, 40, 20, 10
#      and 1 of the reverse process: black-and-white speckle on the left, which condenses step by
#      step into a digit-like shape on the right; the first row ends as a clear 0, the others as
#      rougher strokes.
keep = [99, 79, 59, 39, 19, 9, 0]
_, strip = ddpm_samples(denoiser, seed=10, n=6, keep=keep)
show(
    np.stack([strip[t] for t in keep], axis=1).reshape(-1, 64),
    titles=[f"t={t + 1}" for t in keep] * 6,
    ncols=len(keep),
)
plt.show()

# %%
# alt: Thirty digits drawn by the diffusion model from pure noise: darker, sharper strokes than
#      the VAE's samples, with stray grey pixels in the background; some are clear (a 0, a 5,
#      several 6s), many are scribbles.
show(first_samples[:30])
plt.show()

# %% [markdown]
# ## Measuring the generated images
#
# Now every set of images goes to the judge: 500 samples from each model, for each of the
# three seeds (the VAE and the diffusion model are retrained with each seed; the autoencoder's
# random codes and the noise are redrawn), reported as mean ± standard deviation over the seeds.


# %%
def table(keys, headers):
    print(f"{'':20s}" + "".join(f" {header:>15s}" for header in headers))
    for name, runs in results.items():
        cells = []
        for key in keys:
            values = np.array([run[key] for run in runs])
            cells.append(f"{values.mean():.2f} ± {values.std():.2f}" if len(runs) > 1 else f"{values[0]:.2f}")
        print(f"{name:20s}" + "".join(f" {cell:>15s}" for cell in cells))


print("all images:")
table(["confident", "entropy", "digits seen"], ["confident", "entropy (bits)", "digits seen"])
print("confident images only:")
table(["entropy, confident", "digits seen, confident"], ["entropy (bits)", "digits seen"])
print(f"(entropy of ten equally common digits: {np.log2(10):.2f} bits)")
for name in ["VAE, prior samples", "DDPM samples"]:
    print(f"{name}, confident share per seed:", [round(run["confident"], 2) for run in results[name]])

# %% [markdown]
# What the numbers say, on this dataset and with models this small:
#
# - **Both generators draw something the judge recognises far more often than noise, and far
#   less often than real digits.** The VAE's samples are confident 0.14 ± 0.02 of the time and
#   the diffusion model's 0.15 ± 0.02; every seed's share (0.12 to 0.18) is at least twice the
#   0.06 of random noise, and far from the 0.72 of real test digits.
# - **At this size and training budget, the VAE and the diffusion model tie.** Their difference
#   is within one standard deviation over three seeds. The figures show that they fail
#   differently: the VAE's digits are smooth and blurred, the diffusion model's are sharper but
#   many are scribbles with stray pixels. This denoiser has 84,544 weights and saw 1,300
#   batches, and the step-by-step test above shows it is far from fitted; Ho et al.'s model for
#   32 by 32 colour images has 35.7 million, hundreds of times more, and trained for 800,000
#   steps. The tie is a result about these two small models, not about VAEs and diffusion.
#   <!-- not results: 35.7 is the parameter count, in millions, reported by Ho et al. -->
# - **No model draws only a few digits.** Over all images, the three sets of generated images
#   get all ten labels, with an entropy of 3.24 to 3.28 bits, close to the 3.32 of ten equally
#   common digits. But those labels include the images the judge is unsure about: random noise,
#   with no digits in it at all, also gets all ten, only far less evenly (2.41 bits). Counting
#   only the confident images separates the two: noise then gets 4.67 ± 0.47 digits and
#   1.02 ± 0.31 bits, while the generated sets keep 8.67 to 10 digits and 2.84 to 3.15 bits,
#   against 3.29 for real test digits. Among the images it can read, the judge finds most of the
#   ten digits from every model, most evenly from the autoencoder's random codes (3.15 ± 0.05
#   bits) and least evenly from the VAE (2.84 ± 0.04).
# - **The autoencoder's random codes score as well (0.17 ± 0.01).** A normal distribution
#   fitted to its codes afterwards works here as well as the VAE's built-in prior, by this
#   measure; generators built this way, in two stages, are studied by
#   [Ghosh et al. 2020](https://arxiv.org/abs/1903.12436). Its ± covers only the redrawn codes,
#   not retraining, and its code has 8 numbers against the VAE's 4, so this is no reason to
#   call it better either. The VAE's advantage is that its prior is fixed before training, so
#   nothing has to be fitted afterwards, and the KL term keeps the codes close to it.
#
# ### What this measure misses
#
# The judge is a crude, home-made cousin of the scores used in research, the
# [Inception Score](https://arxiv.org/abs/1606.03498) (Salimans et al. 2016), which asks the same
# two questions of an ImageNet classifier, and the
# [Fréchet Inception Distance](https://arxiv.org/abs/1706.08500) (FID, Heusel et al. 2017), which
# compares the statistics of a network's features on real and generated images. It cannot see
# everything:
#
# - **Variety within a digit.** A model that drew one perfect 3, one perfect 7 and so on would
#   score perfectly; the judge, like the Inception Score, does not see that every 3 is the same.
#   FID would, because it also compares how spread out the features are (their covariance).
# - **Memorisation.** A model that copied its training images would score as well as the real
#   test images. Checking that needs the distance from each sample to its nearest training
#   image.
# - **What people see.** A logistic regression reacts to pixels it has learnt to weigh; an image
#   can fool it, or be refused by it, for reasons a person would not share.

# %% [markdown]
# ## What the large models add
#
# - **GANs.** A **generative adversarial network**
#   ([Goodfellow et al. 2014](https://arxiv.org/abs/1406.2661)) trains a generator against a
#   second network, a discriminator, that tries to tell its images from real ones. GANs draw
#   sharp images in one step, but their training is a two-player game that is notoriously
#   unstable and can collapse onto a few kinds of image. Diffusion models, whose loss is a plain
#   regression, overtook them in image quality
#   ([Dhariwal & Nichol 2021](https://arxiv.org/abs/2105.05233)) and have largely replaced them
#   for image generation.
# - **Latent diffusion.** Diffusion on pixels is expensive for large images: the denoiser runs
#   on every pixel at every step.
#   [Latent diffusion](https://arxiv.org/abs/2112.10752) (Rombach et al. 2022), the method behind
#   Stable Diffusion, first trains an autoencoder that compresses images into a smaller grid of
#   codes, then runs the diffusion process on those codes and decodes only the final one: the
#   autoencoder and the diffusion model of this page, stacked.
# - **Text conditioning and guidance.** Image generators take a prompt: the denoiser also
#   receives an embedding of the text (in Stable Diffusion, through cross-attention to a text
#   encoder's output). **Classifier-free guidance**
#   ([Ho & Salimans 2022](https://arxiv.org/abs/2207.12598)) trains one denoiser both with and
#   without the prompt (dropping it at random), and at sampling time pushes each step further in
#   the direction the prompt makes, trading variety for fidelity to the prompt.
#
# Keras has a [VAE example](https://keras.io/examples/generative/vae/) and a
# [DDPM example](https://keras.io/examples/generative/ddpm/) on larger images.

# %% [markdown]
# ## Where to go next
#
# - Practise the pieces of this page, with checks that explain your mistakes:
#   [generative model exercises](../../practice/generative-models/).
# - Change `CODE` to 2 and draw the autoencoder's code directly, without PCA; or give the VAE a
#   code of 2 numbers and draw the decoded images on a grid of codes.
# - Train the denoiser for more steps, or with `T = 200`, and watch the judge's numbers.
# - The page [Transfer and self-supervised learning](../../deep-learning/transfer-learning/)
#   uses an autoencoder as pretraining for a classifier.
