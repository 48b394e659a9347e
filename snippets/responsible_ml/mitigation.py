"""Three attempts to reduce the model's disparity, measured against past decisions and the truth."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

# The same generated hiring history as in the previous snippet.
rng = np.random.default_rng(0)
n = 8000
group = rng.integers(0, 2, n)
lives_in_b_area = rng.random(n) < np.where(group == 1, 0.85, 0.10)
postcode = np.where(lives_in_b_area, rng.integers(0, 3, n), rng.integers(3, 10, n))
skill = rng.normal(0, 1, n)
experience = rng.normal(5 - 1.0 * group, 2, n)
merit = skill + 0.2 * (experience - 5) + rng.normal(0, 0.5, n)
qualified = merit > 0.5
hired = merit - 0.8 * group + rng.normal(0, 0.5, n) > 0.5
data = pd.DataFrame({"skill": skill, "experience": experience, "postcode": postcode,
                     "group": group, "qualified": qualified, "hired": hired})
train, test = train_test_split(data, test_size=0.5, random_state=0)
is_b = test["group"].to_numpy() == 1


def fit_scores(features, label="hired"):
    """Train on the given features and label; return P(selected) for the test applicants."""
    X_train = pd.get_dummies(train[features], columns=[c for c in features if c == "postcode"])
    X_test = pd.get_dummies(test[features], columns=[c for c in features if c == "postcode"])
    model = LogisticRegression(max_iter=1000).fit(X_train, train[label])
    return model.predict_proba(X_test)[:, 1]


with_proxy = fit_scores(["skill", "experience", "postcode"])
# Per-group thresholds: pick each group's cut-off so both select the same share of applicants.
target_rate = (with_proxy > 0.5).mean()
cut = {g: np.quantile(with_proxy[is_b == g], 1 - target_rate) for g in (False, True)}
variants = {
    "model with postcode": with_proxy > 0.5,
    "postcode removed": fit_scores(["skill", "experience"]) > 0.5,
    "per-group thresholds": with_proxy > np.where(is_b, cut[True], cut[False]),
    "trained on the truth*": fit_scores(["skill", "experience"], label="qualified") > 0.5,
}

print("variant                 rate A  rate B  |gap|  TPR A  TPR B  acc(past)  acc(truth)")
qualified_test = test["qualified"].to_numpy()
for name, selected in variants.items():
    rate_a, rate_b = selected[~is_b].mean(), selected[is_b].mean()
    tpr_a = selected[~is_b & qualified_test].mean()
    tpr_b = selected[is_b & qualified_test].mean()
    past = (selected == test["hired"]).mean()
    truth = (selected == qualified_test).mean()
    print(f"{name:22}  {rate_a:6.2f}  {rate_b:6.2f}  {abs(rate_a - rate_b):5.2f}  {tpr_a:5.2f}  {tpr_b:5.2f}"
          f"  {past:9.2f}  {truth:10.2f}")
print("* only possible in a simulation: in real life nobody knows who was truly qualified")

# Selection rate of each group: the past, the truth, and each variant.
bars = {"hired in the past": test["hired"].to_numpy(), "truly qualified": qualified_test, **variants}
fig, ax = plt.subplots(figsize=(9, 4))
x = np.arange(len(bars))
ax.bar(x - 0.2, [b[~is_b].mean() for b in bars.values()], width=0.4, label="group A")
ax.bar(x + 0.2, [b[is_b].mean() for b in bars.values()], width=0.4, label="group B")
ax.set_xticks(x, [name.replace(" ", "\n", 1) for name in bars], fontsize=9)
ax.set_ylabel("share of applicants selected")
ax.legend()
plt.show()
