import os

os.environ["KERAS_BACKEND"] = "jax"

import keras

keras.utils.set_random_seed(0)

# The Functional API: call each layer on a tensor, like a function, and wire them freely.
pixels = keras.Input(shape=(64,), name="pixels")
hidden = keras.layers.Dense(64, activation="relu", name="hidden")(pixels)
# A branch that a Sequential model cannot express: the output sees the raw pixels too.
both = keras.layers.Concatenate(name="hidden_and_pixels")([hidden, pixels])
digit = keras.layers.Dense(10, activation="softmax", name="digit")(both)
model = keras.Model(inputs=pixels, outputs=digit, name="mlp_with_shortcut")

for layer in model.layers:
    print(f"{layer.name:18} output shape {layer.output.shape}  parameters {layer.count_params()}")
print("total parameters:", model.count_params())
