"""A reader's typical mistakes in the features track, as the code they would write, and what the
check must say (tests/lib/test_exercises.py runs them)."""

MISTAKES: dict[str, list[tuple[str, str]]] = {
    "features-01": [
        ("def cyclical(month):\n    return np.sin(2 * np.pi * month / 12)", "you returned one column"),
        (
            "def cyclical(month):\n    angle = 2 * np.pi * month / 12\n"
            "    return np.array([np.sin(angle), np.cos(angle)])",
            "shape (2, 12)",
        ),
        (
            "def cyclical(month):\n    angle = 2 * np.pi * (month - 1) / 11\n"
            "    return np.column_stack([np.sin(angle), np.cos(angle)])",
            "January and December land on the same point",
        ),
        ("def cyclical(month):\n    return np.column_stack([np.sin(month), np.cos(month)])", "one radian"),
        (
            "def cyclical(month):\n    angle = 360 * month / 12\n"
            "    return np.column_stack([np.sin(angle), np.cos(angle)])",
            "degrees",
        ),
        (
            "def cyclical(month):\n    angle = 2 * np.pi * month / 24\n"
            "    return np.column_stack([np.sin(angle), np.cos(angle)])",
            "a full turn takes 24.0 months",
        ),
        (
            "def cyclical(month):\n    angle = 2 * np.pi * month / 12\n"
            "    np.column_stack([np.sin(angle), np.cos(angle)])",
            "forget the `return`",
        ),
        # Right on the whole year (its max and its length are 12), wrong on a part of it.
        (
            "def cyclical(month):\n    angle = 2 * np.pi * month / month.max()\n"
            "    return np.column_stack([np.sin(angle), np.cos(angle)])",
            "you divided by month.max() (7 here). The cycle is a fixed 12 months",
        ),
        (
            "def cyclical(month):\n    angle = 2 * np.pi * month / len(month)\n"
            "    return np.column_stack([np.sin(angle), np.cos(angle)])",
            "you divided by len(month) (2 here). The cycle is a fixed 12 months",
        ),
        (
            "def cyclical(month):\n    angle = 2 * np.pi * np.arange(1, 13) / 12\n"
            "    return np.column_stack([np.sin(angle), np.cos(angle)])",
            "ignores its argument",
        ),
        (
            "def cyclical(month):\n    angle = 2 * np.pi * month / 12\n"
            "    return np.column_stack([np.cos(angle), np.sin(angle)])",
            "the columns are swapped: the statement asks for the sine first",
        ),
        (
            "def cyclical(month):\n    angle = -2 * np.pi * month / 12\n"
            "    return np.column_stack([np.sin(angle), np.cos(angle)])",
            "the months go round the circle backwards",
        ),
    ],
    "features-02": [
        (
            "def out_of_fold_means(categories, y, fold):\n"
            "    return np.array([y[categories == c].mean() for c in categories])",
            "naive encoding",
        ),
        (
            "def out_of_fold_means(categories, y, fold):\n"
            "    return np.array([y[(categories == c) & (fold == f)].mean()\n"
            "                     for c, f in zip(categories, fold)])",
            "own* fold",
        ),
        (
            "def out_of_fold_means(categories, y, fold):\n"
            "    encoded = np.empty(len(y))\n"
            "    for i in range(len(y)):\n"
            "        same = (fold != fold[i]) & (categories == categories[i])\n"
            "        encoded[i] = y[same].mean() if same.any() else np.nan\n"
            "    return encoded",
            "got NaN",
        ),
        (
            "def out_of_fold_means(categories, y, fold):\n"
            "    encoded = np.empty(len(y))\n"
            "    for i in range(len(y)):\n"
            "        same = (fold != fold[i]) & (categories == categories[i])\n"
            "        encoded[i] = y[same].mean() if same.any() else y.mean()\n"
            "    return encoded",
            "mean of y over all rows",
        ),
        (
            "def out_of_fold_means(categories, y, fold):\n"
            "    encoded = np.empty(len(y))\n"
            "    for i in range(len(y)):\n"
            "        same = (np.arange(len(y)) != i) & (categories == categories[i])\n"
            "        encoded[i] = y[same].mean() if same.any() else y.mean()\n"
            "    return encoded",
            "rows are wrong",
        ),
    ],
    "features-03": [
        ("n_columns = 6 + 6 + 15", "forgot the bias"),
        ("n_columns = 1 + 6 + 15", "left out the squares"),
        ("n_columns = 1 + 6 + 6 + 6 * 5", "counted each product twice"),
        ("n_columns = '28'", "without quotes"),
    ],
    "features-04": [
        ("n_columns = 5 * 3", "more basis functions than knots"),
        ("n_columns = 5 + 3 - 1", "each of the 3 columns"),
        ("n_columns = (5 - 1) * 3", "periodic"),
    ],
    "features-05": [
        ("agent = 131.0 - 104.0", "other three features"),
        ("agent = 131.0 - (38.5 - 12.0 + 4.5)", "forgot the base value"),
        ("agent = 131.0 - 104.0 - (38.5 + 12.0 + 4.5)", "keep its sign"),
    ],
}
