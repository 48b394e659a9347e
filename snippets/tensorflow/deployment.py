"""Deployment: export a model as a SavedModel (for TF Serving) and convert it for LiteRT."""
# requires: tensorflow

import os
import tempfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import tensorflow as tf


class Celsius(tf.Module):
    """A tiny 'model': converts Fahrenheit to Celsius."""

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)])
    def __call__(self, fahrenheit):
        return (fahrenheit - 32.0) * 5.0 / 9.0


folder = tempfile.mkdtemp()
export_dir = os.path.join(folder, "celsius", "1")  # TF Serving expects <name>/<version>/
tf.saved_model.save(Celsius(), export_dir)
print("SavedModel files:", sorted(os.listdir(export_dir)))

# Anything that reads SavedModels (TF Serving, Python, the LiteRT converter) can load it.
reloaded = tf.saved_model.load(export_dir)
print("reloaded model, 212 F ->", reloaded(tf.constant([212.0])).numpy().round(2).tolist(), "C")

# Convert for LiteRT (formerly TensorFlow Lite): a compact flatbuffer for phones and devices.
converter = tf.lite.TFLiteConverter.from_saved_model(export_dir)
flatbuffer = converter.convert()
print("LiteRT model size:", "under 10 kB" if len(flatbuffer) < 10_000 else "10 kB or more")
