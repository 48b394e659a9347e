import os

os.environ["KERAS_BACKEND"] = "jax"

import keras

keras.utils.set_random_seed(0)

# The Functional API: call each layer on a tensor, like a function, and wire them freely.
pixels = keras.Input(shape=(64,), name="pixels")
hidden = keras.layers.Dense(64, activation="relu", name="hidden")(pixels)
# A shortcut that a Sequential model cannot express: add the layer's input to its output.
residual = keras.layers.Add(name="hidden_plus_pixels")([hidden, pixels])  # shapes must match
digit = keras.layers.Dense(10, activation="softmax", name="digit")(residual)
model = keras.Model(inputs=pixels, outputs=digit, name="mlp_with_shortcut")

for layer in model.layers:
    print(f"{layer.name:18} output shape {layer.output.shape}  parameters {layer.count_params()}")
print("total parameters:", model.count_params())
