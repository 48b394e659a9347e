"""Matplotlib exercises: the check inspects the Figure (or Axes) you drew."""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from tutorials_lib.exercises._checks import Mistake, describe
from tutorials_lib.exercises._core import Exercise


def _axes_of(answer, what="`fig`"):
    """The Axes of a Figure, or the Axes itself; a Mistake for anything else."""
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(answer, Axes):
        return [answer]
    if isinstance(answer, Figure):
        if not answer.axes:
            raise Mistake(
                "the figure is empty: draw on an Axes, e.g. fig, ax = plt.subplots(), then ax.hist(...)."
            )
        return list(answer.axes)
    if isinstance(answer, np.ndarray) and answer.size and all(isinstance(a, Axes) for a in answer.flat):
        return list(answer.flat)
    if isinstance(answer, tuple) and len(answer) == 3 and isinstance(answer[0], np.ndarray):
        raise Mistake(
            f"you passed what plt.hist or ax.hist returns (counts, bin edges, bars); {what} should be "
            "the Figure: fig, ax = plt.subplots() at the start, then pass fig."
        )
    if isinstance(answer, tuple) and answer and isinstance(answer[0], Figure):
        raise Mistake("you passed the (fig, ax) pair; pass the figure alone: ex.check(fig).")
    if answer is None:
        raise Mistake(
            f"{what} is None. plt.show() and plt.hist(...) do not return the figure: create it with "
            "fig, ax = plt.subplots() and draw on ax."
        )
    raise Mistake(f"{what} should be a Matplotlib Figure (or Axes); you gave {describe(answer)}.")


def _labels(ax, what):
    if not ax.get_xlabel().strip() or not ax.get_ylabel().strip():
        missing = [
            name for name, text in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())) if not text.strip()
        ]
        raise Mistake(
            f"{what} has no {' and no '.join(missing)} label: a reader cannot tell what the axes "
            "measure. Use ax.set_xlabel(...) and ax.set_ylabel(...)."
        )


def _heights():
    return np.random.default_rng(0).normal(170, 10, 500)


def _check_histogram(answer):
    from matplotlib.patches import Rectangle

    axes = [ax for ax in _axes_of(answer) if ax.patches]
    if not axes:
        raise Mistake("no bars found: draw the histogram with ax.hist(heights, bins=...).")
    ax = axes[0]
    bars = [patch for patch in ax.patches if isinstance(patch, Rectangle)]
    if not bars:
        raise Mistake(
            "the histogram is drawn as an outline (histtype='step' or 'stepfilled', or ax.stairs), not "
            "as bars: draw it with ax.hist's default, histtype='bar', so that the check can read each bar."
        )
    if any(getattr(container, "orientation", None) == "horizontal" for container in ax.containers):
        raise Mistake(
            "the bars are horizontal (orientation='horizontal'): draw them upright, ax.hist's default, "
            "with the heights along the x axis."
        )
    if len(bars) == 10:
        raise Mistake("the histogram has 10 bars, Matplotlib's default; ask for 20 with bins=20.")
    if len(bars) != 20:
        raise Mistake(f"the histogram should have 20 bars (bins); it has {len(bars)}.")
    counts = np.array([bar.get_height() for bar in bars])
    total = len(_heights())
    if _counts_heights(bars, counts) and not np.isclose(counts.sum(), total):
        raise Mistake(
            f"your 20 bins count {counts.sum():g} of the {total} heights: with range=... or edges that "
            "stop short, the heights outside are left out. Let the bins span all the heights, as "
            "bins=20 does."
        )
    if not _counts_heights(bars, counts):
        widths = np.array([bar.get_width() for bar in bars])
        if np.isclose((counts * widths).sum(), 1):
            raise Mistake(
                "the bars show densities (their areas add up to 1); the histogram should count the "
                "heights in each bin: leave out density=True."
            )
        raise Mistake(
            "the bars should count how many of the 500 `heights` fall in each bin; yours hold other "
            f"counts (they add up to {counts.sum():g}). Draw ax.hist(heights, bins=20)."
        )
    _labels(ax, "the histogram")


def _counts_heights(bars, counts: np.ndarray) -> bool:
    """Whether the bars' heights are the counts of ``_heights()`` in 20 bins: the ones bins=20
    makes, or the edges of the bars themselves when they touch (bins given as 21 edges)."""
    heights = _heights()
    if np.allclose(counts, np.histogram(heights, bins=20)[0]):
        return True
    lefts = np.array([bar.get_x() for bar in bars])
    rights = lefts + np.array([bar.get_width() for bar in bars])
    if not np.allclose(rights[:-1], lefts[1:]):
        return False
    return np.allclose(counts, np.histogram(heights, bins=np.append(lefts, rights[-1]))[0])


def _check_scatter(answer):
    from matplotlib.collections import PathCollection

    axes = _axes_of(answer)
    ax = next((a for a in axes if any(isinstance(c, PathCollection) for c in a.collections)), None)
    if ax is None:
        if any(a.lines for a in axes):
            raise Mistake(
                "you drew lines (ax.plot); a scatter plot draws one dot per flower: ax.scatter(x, y, c=...)."
            )
        raise Mistake("no scatter plot found: draw it with ax.scatter(x, y, c=...).")
    collections = [c for c in ax.collections if isinstance(c, PathCollection)]
    points = sum(len(c.get_offsets()) for c in collections)
    if points != 150:
        raise Mistake(f"the plot should have one dot per flower, 150 in all; it has {points}.")
    offsets = np.concatenate([np.asarray(c.get_offsets(), dtype=float) for c in collections])
    _petal_length_across_and_width_up(offsets)
    colours = np.concatenate([_dot_colours(c) for c in collections])
    _coloured_by_class(offsets, np.unique(np.round(colours, 6), axis=0, return_inverse=True)[1].ravel())
    if not ax.get_title().strip():
        raise Mistake("the plot has no title: add one with ax.set_title(...).")
    _labels(ax, "the scatter plot")


def _dot_colours(collection) -> np.ndarray:
    """The RGBA colour of each dot of a scatter plot, one row per dot (the colormap applied)."""
    collection.update_scalarmappable()  # turns the values of c=... into colours, as drawing does
    colours = np.asarray(collection.get_facecolors())
    if not len(colours):  # hollow markers: the edge carries the colour
        colours = np.asarray(collection.get_edgecolors())
    count = len(collection.get_offsets())
    if len(colours) != count:
        colours = np.repeat(colours[:1], count, axis=0) if len(colours) else np.zeros((count, 4))
    return colours


def _coloured_by_class(offsets: np.ndarray, colour: np.ndarray) -> None:
    """Raise Mistake unless the flowers of each class share one colour and the classes differ.

    The dots are matched to the flowers by position, so any drawing order will do; where
    flowers of different classes share a position, the counts of each colour there must fit."""
    flowers = _iris()
    if len(np.unique(colour)) == 1:
        raise Mistake(
            "all dots have the same colour: colour them by class, with c=flowers['target'] "
            "(or one ax.scatter per class)."
        )
    wrong = Mistake(
        "the dots are coloured, but not by class: the flowers of each class (`target`) should share "
        "one colour, and each class have its own. Use c=flowers['target'] (or one ax.scatter per class)."
    )
    if len(np.unique(colour)) != 3:
        raise wrong
    classes = flowers["target"].to_numpy()
    wanted = flowers[["petal length (cm)", "petal width (cm)"]].to_numpy()
    at: dict = {}  # position -> (classes of the flowers there, colours of the dots there)
    for point, label in zip(map(tuple, np.round(wanted, 3)), classes, strict=True):
        at.setdefault(point, ([], []))[0].append(int(label))
    for point, shade in zip(map(tuple, np.round(offsets, 3)), colour, strict=True):
        at[point][1].append(int(shade))
    class_of: dict = {}
    for labels, shades in at.values():
        if len(set(labels)) == 1:
            for shade in shades:
                if class_of.setdefault(shade, labels[0]) != labels[0]:
                    raise wrong
    if len(class_of) != 3 or len(set(class_of.values())) != 3:
        raise wrong
    for labels, shades in at.values():
        if sorted(labels) != sorted(class_of[shade] for shade in shades):
            raise wrong


@cache
def _iris():
    from sklearn.datasets import load_iris

    return load_iris(as_frame=True).frame


def _petal_length_across_and_width_up(offsets: np.ndarray) -> None:
    """Raise Mistake unless the dots' x are the petal lengths and their y the petal widths."""
    flowers = _iris()
    wanted = flowers[["petal length (cm)", "petal width (cm)"]].to_numpy()
    if _same_points(offsets, wanted):
        return
    if _same_points(offsets, wanted[:, ::-1]):
        raise Mistake(
            "the axes are swapped: put the petal length on the x axis (first argument of ax.scatter) "
            "and the petal width on the y axis."
        )
    if np.allclose(np.sort(offsets[:, 0]), np.sort(wanted[:, 0])) and np.allclose(
        np.sort(offsets[:, 1]), np.sort(wanted[:, 1])
    ):
        raise Mistake(
            "the x values are the petal lengths and the y values the petal widths, but they are not "
            "paired flower by flower (did you sort one of them?): take both from the same rows, "
            "ax.scatter(flowers['petal length (cm)'], flowers['petal width (cm)'], ...)."
        )
    raise Mistake(
        "the dots should be at (petal length, petal width) of each flower: "
        "ax.scatter(flowers['petal length (cm)'], flowers['petal width (cm)'], ...)."
    )


def _same_points(points: np.ndarray, wanted: np.ndarray) -> bool:
    """Whether two sets of (x, y) points are the same, whatever their order."""

    def ordered(xy):
        return xy[np.lexsort((xy[:, 1], xy[:, 0]))]

    return points.shape == wanted.shape and np.allclose(ordered(points), ordered(wanted))


def _check_curves(answer):
    axes = _axes_of(answer)
    ax = max(axes, key=lambda a: len(a.lines))
    if len(ax.lines) < 2:
        raise Mistake(
            f"there should be two lines, the training loss and the validation loss; there is {len(ax.lines)}."
        )
    legends = [legend for legend in (ax.get_legend(), *ax.figure.legends) if legend is not None]
    if not legends:
        raise Mistake(
            "there is no legend, so a reader cannot tell the two lines apart: give each line a "
            "label=... and call ax.legend()."
        )
    texts = [text.get_text() for legend in legends for text in legend.get_texts()]
    if len(texts) < 2:
        raise Mistake(f"the legend names {len(texts)} line; give both lines a label=....")
    if "epoch" not in ax.get_xlabel().lower():
        raise Mistake(
            f"the x axis should be labelled with the epoch (it counts passes over the data); its label "
            f"is {ax.get_xlabel()!r}."
        )
    wanted = {"loss": [1.2, 0.7, 0.5, 0.4, 0.35, 0.32], "val_loss": [1.25, 0.8, 0.62, 0.58, 0.6, 0.64]}
    drawn = [list(np.round(line.get_ydata(), 6)) for line in ax.lines]
    for name, values in wanted.items():
        if values not in drawn:
            raise Mistake(f"no line shows history['{name}'].")


@cache
def _digits():
    from sklearn.datasets import load_digits

    return load_digits()


def _check_grid(answer):
    digits = _digits()
    axes = [ax for ax in _axes_of(answer) if ax.images]
    if len(axes) != 10:
        raise Mistake(
            f"there should be 10 images, one per Axes; {len(axes)} Axes show an image. Use "
            "fig, axes = plt.subplots(2, 5) and ax.imshow(...) in a loop over axes.flat."
        )
    for ax in axes:
        spec = ax.get_subplotspec()
        if spec is None:
            raise Mistake(
                "the images should be in a grid of 2 rows and 5 columns: make it with "
                "fig, axes = plt.subplots(2, 5)."
            )
        rows, columns = spec.get_geometry()[:2]
        if (rows, columns) != (2, 5):
            raise Mistake(
                f"the grid has {rows} row{'s' if rows != 1 else ''} and {columns} column"
                f"{'s' if columns != 1 else ''}; it should have 2 rows and 5 columns: "
                "plt.subplots(2, 5), rows first."
            )
    # In reading order: the first row left to right, then the second.
    axes.sort(key=lambda a: (a.get_subplotspec().rowspan.start, a.get_subplotspec().colspan.start))
    for index, ax in enumerate(axes):
        shown = np.asarray(ax.images[0].get_array())
        if shown.shape != (8, 8):
            raise Mistake(
                f"image {index} has shape {shown.shape}; show the 8 by 8 images (digits.images), not "
                "rows of 64 pixels."
            )
        if not np.array_equal(shown, digits.images[index]):
            raise Mistake(f"image {index} is not digits.images[{index}]: show the first 10 images, in order.")
        label = str(digits.target[index])
        numbers = re.findall(r"\d+(?:\.\d+)?", ax.get_title())
        if numbers != [label]:
            other = ", and no other number" if label in numbers else ""
            raise Mistake(
                f"image {index} should be titled with its label, {label}{other}; its title is "
                f"{ax.get_title()!r}."
            )


EXERCISES = [
    Exercise(
        id="matplotlib-01",
        title="A histogram with 20 bins",
        statement="Draw a histogram of `heights` (500 heights in cm) with 20 bins, as upright bars (the "
        "way `ax.hist` draws by default), and label both axes "
        '(for example "height (cm)" and "number of people"). Keep the figure in `fig`.',
        hint_text="fig, ax = plt.subplots() gives a figure and its Axes; ax.hist has a bins parameter.",
        given="import matplotlib.pyplot as plt\nimport numpy as np\n\n"
        "heights = np.random.default_rng(0).normal(170, 10, 500)",
        starter="fig, ax = plt.subplots()\n...",
        solution_body='fig, ax = plt.subplots()\nax.hist(heights, bins=20)\nax.set_xlabel("height (cm)")\n'
        'ax.set_ylabel("number of people")',
        answer_name="fig",
        checker=_check_histogram,
    ),
    Exercise(
        id="matplotlib-02",
        title="A scatter plot coloured by class",
        statement="Draw a scatter plot of the iris flowers with `petal length (cm)` on the x axis and "
        "`petal width (cm)` on the y axis, one dot per flower, coloured by class (`target`). Give "
        "it a title and label both axes. Keep the figure in `fig`.",
        hint_text="ax.scatter(x, y, c=labels) colours each dot by its label.",
        given="import matplotlib.pyplot as plt\nfrom sklearn.datasets import load_iris\n\n"
        "flowers = load_iris(as_frame=True).frame",
        starter="fig, ax = plt.subplots()\n...",
        solution_body="fig, ax = plt.subplots()\n"
        'ax.scatter(flowers["petal length (cm)"], flowers["petal width (cm)"], c=flowers["target"])\n'
        'ax.set_xlabel("petal length (cm)")\nax.set_ylabel("petal width (cm)")\n'
        'ax.set_title("Iris petals by species")',
        answer_name="fig",
        checker=_check_scatter,
    ),
    Exercise(
        id="matplotlib-03",
        title="Training curves with a legend",
        statement="`history` holds the loss of a network after each epoch, on the training data (`loss`) and "
        "on validation data (`val_loss`). Plot both as lines on one Axes, with a legend that names "
        'them and the x axis labelled "epoch". Keep the figure in `fig`. (Where the validation '
        "loss turns up while the training loss keeps falling, the network starts to overfit.)",
        hint_text="ax.plot(values, label='...') for each line, then ax.legend().",
        given="import matplotlib.pyplot as plt\n\n"
        'history = {"loss": [1.2, 0.7, 0.5, 0.4, 0.35, 0.32],\n'
        '           "val_loss": [1.25, 0.8, 0.62, 0.58, 0.6, 0.64]}',
        starter="fig, ax = plt.subplots()\n...",
        solution_body='fig, ax = plt.subplots()\nax.plot(history["loss"], label="training")\n'
        'ax.plot(history["val_loss"], label="validation")\nax.set_xlabel("epoch")\n'
        'ax.set_ylabel("loss")\nax.legend()',
        answer_name="fig",
        checker=_check_curves,
    ),
    Exercise(
        id="matplotlib-04",
        title="A grid of digits",
        statement="Show the first 10 images of scikit-learn's digits (`digits.images`, each 8 by 8) in "
        "a grid of "
        "2 rows and 5 columns, each titled with its label (`digits.target`): the title may add words, "
        'as in "label 0", but no other number. Keep the figure in `fig`.',
        hint_text="fig, axes = plt.subplots(2, 5); loop with enumerate(axes.flat) and call ax.imshow and "
        "ax.set_title.",
        given="import matplotlib.pyplot as plt\nfrom sklearn.datasets import load_digits\n\n"
        "digits = load_digits()",
        starter="fig, axes = plt.subplots(2, 5)\n...",
        solution_body="fig, axes = plt.subplots(2, 5)\nfor index, ax in enumerate(axes.flat):\n"
        '    ax.imshow(digits.images[index], cmap="gray_r")\n'
        "    ax.set_title(str(digits.target[index]))\n    ax.set_axis_off()",
        answer_name="fig",
        checker=_check_grid,
    ),
]
