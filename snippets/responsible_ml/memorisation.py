"""A model remembers its training rows: confidence betrays who was in the training data."""

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_in, X_out, y_in, y_out = train_test_split(X, y, test_size=0.5, random_state=0, stratify=y)
model = RandomForestClassifier(random_state=0).fit(X_in, y_in)  # X_in: the "patients" it trained on


def confidence_in_true_label(model, X, y):
    return model.predict_proba(X)[np.arange(len(y)), y]


members = confidence_in_true_label(model, X_in, y_in)
outsiders = confidence_in_true_label(model, X_out, y_out)
print(f"mean confidence on training patients: {members.mean():.3f}")
print(f"mean confidence on other patients:    {outsiders.mean():.3f}")


def membership_guess_accuracy(members, outsiders):
    """A "membership inference" guess: someone the model is very sure about was in the training data."""
    guess_member = np.concatenate([members, outsiders]) >= 0.99
    was_member = np.concatenate([np.ones(len(members)), np.zeros(len(outsiders))])
    return (guess_member == was_member).mean()


print(
    f"guessing who was in the training data: right {membership_guess_accuracy(members, outsiders):.0%} "
    "of the time (a coin toss: 50%)"
)

# Is that luck? The same attack on five other splits of the patients.
accuracies = []
for seed in range(1, 6):
    X_in, X_out, y_in, y_out = train_test_split(X, y, test_size=0.5, random_state=seed, stratify=y)
    model = RandomForestClassifier(random_state=seed).fit(X_in, y_in)
    accuracies.append(
        membership_guess_accuracy(
            confidence_in_true_label(model, X_in, y_in), confidence_in_true_label(model, X_out, y_out)
        )
    )
print(f"on 5 other splits: right {np.mean(accuracies):.0%} ± {np.std(accuracies):.0%} of the time")
