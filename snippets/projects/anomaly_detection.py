"""Anomaly detection: find the odd sensor readings in generated data with an isolation forest."""

import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.metrics import precision_score, recall_score

rng = np.random.default_rng(0)
# 980 normal readings of temperature and vibration, and 20 faults far from them.
normal = rng.normal(loc=[60.0, 0.5], scale=[3.0, 0.1], size=(980, 2))
faults = rng.uniform(low=[40.0, 0.0], high=[90.0, 1.5], size=(200, 2))
faults = faults[np.abs(faults[:, 0] - 60) > 12][:20]
X = np.vstack([normal, faults])
is_fault = np.r_[np.zeros(len(normal), dtype=int), np.ones(len(faults), dtype=int)]
print(f"{len(X)} readings, {is_fault.sum()} of them faults")

# The detector never sees is_fault: it learns what "usual" looks like.
detector = IsolationForest(contamination=0.02, random_state=0).fit(X)
flagged = (detector.predict(X) == -1).astype(int)
print(f"flagged {flagged.sum()} readings")
print(f"precision {precision_score(is_fault, flagged):.2f}, recall {recall_score(is_fault, flagged):.2f}")
