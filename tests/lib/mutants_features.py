# ruff: noqa: E501  (each mutant is one line of code, as the reader would type it)
"""Code mutants of the features track: small changes to a model solution that its check must
reject (tests/lib/test_exercise_mutants.py runs them)."""

CODE_MUTANTS: dict[str, list[str]] = {
    "features-01": [
        "def cyclical(month):\n    angle = 2 * np.pi * np.asarray(month) / 11\n    return np.column_stack([np.sin(angle), np.cos(angle)])",
        "def cyclical(month):\n    angle = 2 * np.pi * np.asarray(month) / 13\n    return np.column_stack([np.sin(angle), np.cos(angle)])",
        "def cyclical(month):\n    angle = np.pi * np.asarray(month) / 12\n    return np.column_stack([np.sin(angle), np.cos(angle)])",
        "def cyclical(month):\n    angle = 2 * np.pi * np.asarray(month) / 12\n    return np.column_stack([np.sin(angle), np.sin(angle)])",
        "def cyclical(month):\n    angle = 2 * np.pi * np.asarray(month) / 12\n    return np.column_stack([np.sin(angle), np.cos(angle)])[:-1]",
        "def cyclical(month):\n    angle = 2 * np.pi * np.asarray(month) / 12\n    return np.column_stack([np.sin(angle), np.cos(2 * angle)])",
    ],
    "features-02": [
        "def out_of_fold_means(categories, y, fold):\n    encoded = np.empty(len(y))\n    for k in np.unique(fold):\n        outside = fold != k\n        for i in np.flatnonzero(fold == k):\n            same = outside & (categories == categories[i])\n            encoded[i] = y[same].mean() if same.any() else y.mean()\n    return encoded",
        "def out_of_fold_means(categories, y, fold):\n    encoded = np.empty(len(y))\n    for k in np.unique(fold):\n        outside = fold == k\n        for i in np.flatnonzero(fold == k):\n            same = outside & (categories == categories[i])\n            encoded[i] = y[same].mean() if same.any() else y[outside].mean()\n    return encoded",
        "def out_of_fold_means(categories, y, fold):\n    encoded = np.empty(len(y))\n    for k in np.unique(fold):\n        outside = fold != k\n        for i in np.flatnonzero(fold == k):\n            same = categories == categories[i]\n            encoded[i] = y[same].mean() if same.any() else y[outside].mean()\n    return encoded",
        "def out_of_fold_means(categories, y, fold):\n    encoded = np.empty(len(y))\n    for k in np.unique(fold):\n        outside = fold != k\n        for i in np.flatnonzero(fold == k):\n            same = (np.arange(len(y)) != i) & (categories == categories[i])\n            encoded[i] = y[same].mean() if same.any() else y[outside].mean()\n    return encoded",
        "def out_of_fold_means(categories, y, fold):\n    encoded = np.empty(len(y))\n    for k in np.unique(fold):\n        outside = fold != k\n        for i in np.flatnonzero(fold == k):\n            same = outside & (categories == categories[i])\n            encoded[i] = y[same].mean() if same.any() else 0.0\n    return encoded",
        "def out_of_fold_means(categories, y, fold):\n    encoded = np.empty(len(y))\n    for k in np.unique(fold):\n        outside = fold != k\n        for i in np.flatnonzero(fold == k):\n            same = outside & (categories == categories[i])\n            encoded[i] = y[same].sum() / outside.sum() if same.any() else y[outside].mean()\n    return encoded",
    ],
    "features-03": [
        "n_columns = 6 + 6 + 6 * 5 // 2",
        "n_columns = 1 + 6 + 6 * 5 // 2",
        "n_columns = 1 + 6 + 6 + 6 * 5",
        "n_columns = 1 + 6 + 6 + 6 * 6 // 2",
        "n_columns = 1 + 6 + 6",
    ],
    "features-04": [
        "n_columns = (5 + 3) * 3",
        "n_columns = (5 + 3 - 1)",
        "n_columns = 5 * 3",
        "n_columns = (5 - 1) * 3",
        "n_columns = (5 + 3 - 1) * 3 + 1",
    ],
    "features-05": [
        "agent = 131.0 - 104.0",
        "agent = 131.0 - 104.0 - (38.5 + 12.0 + 4.5)",
        "agent = 104.0 - 131.0 + (38.5 - 12.0 + 4.5)",
        "agent = 131.0 - (38.5 - 12.0 + 4.5)",
        "agent = 131.0 - 104.0 - (38.5 - 12.0)",
    ],
}
