"""A model that never sees the protected group still treats it differently, through a proxy."""

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

# A generated hiring history: 8,000 past applicants, half of them in group B.
rng = np.random.default_rng(0)
n = 8000
group = rng.integers(0, 2, n)  # 0 = group A, 1 = group B
# Segregated neighbourhoods: most of group B lives in postcodes 0-2, most of group A elsewhere.
lives_in_b_area = rng.random(n) < np.where(group == 1, 0.85, 0.10)
postcode = np.where(lives_in_b_area, rng.integers(0, 3, n), rng.integers(3, 10, n))
skill = rng.normal(0, 1, n)  # test score: same distribution in both groups
experience = rng.normal(5 - 1.0 * group, 2, n)  # past barriers left group B with less experience
merit = skill + 0.2 * (experience - 5) + rng.normal(0, 0.5, n)
qualified = merit > 0.5  # who would do the job well: the truth, unknown to anyone
hired = merit - 0.8 * group + rng.normal(0, 0.5, n) > 0.5  # past recruiters were biased against B

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
train, test = train_test_split(data, test_size=0.5, random_state=0)

# The protected column is dropped ("fairness through unawareness"); postcode stays in.
features = ["skill", "experience", "postcode"]
X_train = pd.get_dummies(train[features], columns=["postcode"])
X_test = pd.get_dummies(test[features], columns=["postcode"])
model = LogisticRegression(max_iter=1000).fit(X_train, train["hired"])
selected = model.predict(X_test)

proxy = (test["postcode"] <= 2) == (test["group"] == 1)
print(f"postcode alone guesses the group right for {proxy.mean():.0%} of applicants")
print(f"accuracy against past decisions: {(selected == test['hired']).mean():.2f}")
for name, g in [("A", 0), ("B", 1)]:
    in_group = (test["group"] == g).to_numpy()
    qualified_in_group = in_group & test["qualified"].to_numpy()
    print(
        f"group {name}: truly qualified {test['qualified'][in_group].mean():.2f}, "
        f"hired in the past {test['hired'][in_group].mean():.2f}, "
        f"selected by the model {selected[in_group].mean():.2f}, "
        f"qualified and selected {selected[qualified_in_group].mean():.2f}"
    )
rate = [selected[(test["group"] == g).to_numpy()].mean() for g in (0, 1)]
print(f"demographic parity difference (selection rate A - B): {rate[0] - rate[1]:.2f}")
tpr = [selected[((test["group"] == g) & test["qualified"]).to_numpy()].mean() for g in (0, 1)]
print(f"equal opportunity difference (true positive rate A - B): {tpr[0] - tpr[1]:.2f}")
