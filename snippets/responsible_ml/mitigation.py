"""Three attempts to reduce the model's disparity, measured against past decisions and the truth."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split


def hiring_history(seed, n=8000):
    """The same generated hiring history as in the previous snippet (seed 0 there)."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, 2, n)
    lives_in_b_area = rng.random(n) < np.where(group == 1, 0.85, 0.10)
    postcode = np.where(lives_in_b_area, rng.integers(0, 3, n), rng.integers(3, 10, n))
    skill = rng.normal(0, 1, n)
    experience = rng.normal(5 - 1.0 * group, 2, n)
    merit = skill + 0.2 * (experience - 5) + rng.normal(0, 0.5, n)
    qualified = merit > 0.5
    hired = merit - 0.8 * group + rng.normal(0, 0.5, n) > 0.5
    data = pd.DataFrame(
        {
            "skill": skill,
            "experience": experience,
            "postcode": postcode,
            "group": group,
            "qualified": qualified,
            "hired": hired,
        }
    )
    return train_test_split(data, test_size=0.5, random_state=seed)


def fit_scores(train, test, features, label="hired"):
    """Train on the given features and label; return P(selected) for the test applicants."""
    X_train = pd.get_dummies(train[features], columns=[c for c in features if c == "postcode"])
    X_test = pd.get_dummies(test[features], columns=[c for c in features if c == "postcode"])
    model = LogisticRegression(max_iter=1000).fit(X_train, train[label])
    return model.predict_proba(X_test)[:, 1]


def selections(train, test):
    """Who each variant selects among the test applicants."""
    is_b = test["group"].to_numpy() == 1
    with_proxy = fit_scores(train, test, ["skill", "experience", "postcode"])
    # Per-group thresholds: pick each group's cut-off so both select the same share of applicants.
    target_rate = (with_proxy > 0.5).mean()
    cut = {g: np.quantile(with_proxy[is_b == g], 1 - target_rate) for g in (False, True)}
    return {
        "model with postcode": with_proxy > 0.5,
        "postcode removed": fit_scores(train, test, ["skill", "experience"]) > 0.5,
        "per-group thresholds": with_proxy > np.where(is_b, cut[True], cut[False]),
        "trained on the truth*": fit_scores(train, test, ["skill", "experience"], label="qualified") > 0.5,
    }


def measures(test, selected):
    is_b, qualified = test["group"].to_numpy() == 1, test["qualified"].to_numpy()
    return {
        "rate A": selected[~is_b].mean(),
        "rate B": selected[is_b].mean(),
        "TPR A": selected[~is_b & qualified].mean(),
        "TPR B": selected[is_b & qualified].mean(),
        "acc(past)": (selected == test["hired"]).mean(),
        "acc(truth)": (selected == qualified).mean(),
    }


train, test = hiring_history(seed=0)
variants = selections(train, test)
print("variant                 rate A  rate B  |gap|  TPR A  TPR B  acc(past)  acc(truth)")
for name, selected in variants.items():
    m = measures(test, selected)
    print(
        f"{name:22}  {m['rate A']:6.2f}  {m['rate B']:6.2f}  {abs(m['rate A'] - m['rate B']):5.2f}"
        f"  {m['TPR A']:5.2f}  {m['TPR B']:5.2f}  {m['acc(past)']:9.2f}  {m['acc(truth)']:10.2f}"
    )
print("* only possible in a simulation: in real life nobody knows who was truly qualified")

# One simulated world could be a lucky draw: five more worlds, with the gaps' mean ± std.
gaps = {name: [] for name in variants}
for seed in range(1, 6):
    world_train, world_test = hiring_history(seed)
    for name, selected in selections(world_train, world_test).items():
        m = measures(world_test, selected)
        gaps[name].append((m["rate A"] - m["rate B"], m["TPR A"] - m["TPR B"]))
print("\nover 5 other simulated worlds   selection gap A - B   TPR gap A - B")
for name, values in gaps.items():
    mean, std = np.round(np.mean(values, axis=0), 2) + 0.0, np.std(values, axis=0)  # + 0.0: no "-0.00"
    print(f"{name:30} {mean[0]:6.2f} ± {std[0]:.2f}         {mean[1]:6.2f} ± {std[1]:.2f}")
# Two variants measured in the same worlds are compared world by world: the spread of the differences.
diff = np.array(gaps["postcode removed"]) - np.array(gaps["trained on the truth*"])
mean, std = np.round(diff.mean(axis=0), 2) + 0.0, diff.std(axis=0)
print(f"{'postcode removed - truth*':30} {mean[0]:6.2f} ± {std[0]:.2f}         {mean[1]:6.2f} ± {std[1]:.2f}")

# Selection rate of each group: the past, the truth, and each variant.
is_b, qualified_test = test["group"].to_numpy() == 1, test["qualified"].to_numpy()
bars = {"hired in the past": test["hired"].to_numpy(), "truly qualified": qualified_test, **variants}
fig, ax = plt.subplots(figsize=(9, 4))
x = np.arange(len(bars))
ax.bar(x - 0.2, [b[~is_b].mean() for b in bars.values()], width=0.4, label="group A")
ax.bar(x + 0.2, [b[is_b].mean() for b in bars.values()], width=0.4, label="group B")
ax.set_xticks(x, [name.replace(" ", "\n", 1) for name in bars], fontsize=9)
ax.set_ylabel("share of applicants selected")
ax.legend()
plt.show()
