"""How artificial intelligence, machine learning, deep learning and generative AI nest."""

import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse

fig, ax = plt.subplots(figsize=(9, 7.5))
# Each field: (bottom, top, width, colour, name, examples that belong to it but not to the next one)
fields = [
    (
        0.0,
        8.0,
        10.0,
        "#c7d7f0",
        "Artificial intelligence",
        "rule-based expert systems\nchess engines that search moves, route planners",
    ),
    (
        0.3,
        6.3,
        8.4,
        "#a8d5ba",
        "Machine learning",
        "spam filters (naive Bayes), search ranking\ncredit scoring with tree ensembles",
    ),
    (0.6, 4.6, 6.8, "#f6d58e", "Deep learning", "photo tagging, speech recognition\nmachine translation"),
    (0.9, 2.9, 4.4, "#f2a7a0", "Generative AI", "chatbots built on LLMs\nimage generators"),
]
for bottom, top, width, colour, name, examples in fields:
    centre = (5.0, (bottom + top) / 2)
    ax.add_patch(Ellipse(centre, width, top - bottom, facecolor=colour, edgecolor="black"))
    ax.text(5.0, top - 0.3, name, ha="center", va="top", fontsize=13, fontweight="bold")
    ax.text(5.0, top - 0.75, examples, ha="center", va="top", fontsize=9.5, linespacing=1.4)

ax.set_xlim(-0.1, 10.1)
ax.set_ylim(-0.1, 8.1)
ax.set_aspect("equal")
ax.set_axis_off()
ax.set_title("Each field is a part of the one around it")
plt.show()
