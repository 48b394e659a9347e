"""JAX quick start: fit a line with grad and jit, using explicit random keys."""

import jax
import jax.numpy as jnp

# Random numbers come from explicit keys: split a key to get new, independent ones.
key = jax.random.key(0)
key, x_key, noise_key = jax.random.split(key, 3)
x = jax.random.uniform(x_key, shape=(100,), minval=-1.0, maxval=1.0)
y = 3.0 * x + 0.5 + 0.1 * jax.random.normal(noise_key, shape=(100,))  # true line: 3x + 0.5


def loss(params, x, y):
    """Mean squared error of the line params = (slope, intercept): a pure function."""
    slope, intercept = params
    return jnp.mean((slope * x + intercept - y) ** 2)


@jax.jit  # compiled with XLA on the first call
def update(params, x, y, learning_rate=0.5):
    gradients = jax.grad(loss)(params, x, y)  # d loss / d params, same structure as params
    # Functional style: return new parameters instead of changing the old ones.
    return tuple(p - learning_rate * g for p, g in zip(params, gradients, strict=True))


params = (jnp.array(0.0), jnp.array(0.0))
for _ in range(100):
    params = update(params, x, y)
slope, intercept = params
print(f"learned line: y = {float(slope):.2f} x + {float(intercept):.2f}")
print(f"final loss: {float(loss(params, x, y)):.4f}")

# vmap: write the function for one example, run it on a whole batch.
per_example_error = jax.vmap(lambda xi, yi: (slope * xi + intercept - yi) ** 2)(x, y)
print("per-example errors:", per_example_error.shape, f"mean {float(per_example_error.mean()):.4f}")
