"""Search with embeddings: scaling rows to length 1, a matrix of cosines, the top k results of a
ranking, recall@k and the mean reciprocal rank."""

from __future__ import annotations

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call, call_for_result, close, function, number
from tutorials_lib.exercises._core import Exercise

SQUARE = np.array([[3.0, 4.0, 0.0], [1.0, 2.0, 2.0], [0.0, 5.0, 12.0]])
WIDE = np.array([[1.0, 0.0, 2.0, 2.0], [0.0, 3.0, 0.0, 4.0], [2.0, 1.0, 1.0, 1.0], [6.0, 0.0, 8.0, 0.0]])


def _result(fn, *args, name, shown, what):
    result = call_for_result(fn, *args, name=name, shown=shown)
    if hasattr(result, "toarray"):
        result = result.toarray()
    return array(np.asarray(result) if hasattr(result, "__array__") else result, what)


def _unit(X):
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def _check_unit_rows(answer):
    unit_rows = function(answer, "unit_rows")
    out = _result(
        unit_rows, SQUARE, name="unit_rows", shown="unit_rows(X) with X of shape (3, 3)", what="the result"
    )
    if out.shape != SQUARE.shape:
        raise Mistake(f"unit_rows should keep the shape of X, {SQUARE.shape}; yours returned {out.shape}.")
    if close(out, SQUARE / np.linalg.norm(SQUARE)):
        raise Mistake(
            "you divided by the length of the whole array (np.linalg.norm(X)); each *row* needs its own "
            "length: np.linalg.norm(X, axis=1, keepdims=True)."
        )
    if close(out, SQUARE / np.linalg.norm(SQUARE, axis=0)):
        raise Mistake(
            "the columns have length 1, not the rows: take the norm along axis=1 (one length per row)."
        )
    if close(out, SQUARE / np.linalg.norm(SQUARE, axis=1)):
        raise Mistake(
            "the lengths of the rows were divided along the wrong axis: np.linalg.norm(X, axis=1) has "
            "shape (3,), which broadcasts across the columns. Keep the axis: keepdims=True."
        )
    if close(out, SQUARE / (SQUARE**2).sum(axis=1, keepdims=True)):
        raise Mistake(
            "you divided by the squared length (the sum of squares); the length is its square root."
        )
    if not close(out, _unit(SQUARE)):
        raise Mistake("each row of the result should be that row of X divided by the row's length.")
    wide = _result(
        unit_rows, WIDE, name="unit_rows", shown="unit_rows(X) with X of shape (4, 4)", what="the result"
    )
    if wide.shape != WIDE.shape or not close(wide, _unit(WIDE)):
        raise Mistake("right on one matrix, wrong on another of shape (4, 4): each row should have length 1.")


Q = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0]])
D = np.array([[2.0, 4.0, 0.0], [0.0, 0.0, 3.0], [1.0, 0.0, 1.0], [5.0, 5.0, 5.0]])


def _check_cosine_matrix(answer):
    cosine_matrix = function(answer, "cosine_matrix")
    out = _result(
        cosine_matrix,
        Q,
        D,
        name="cosine_matrix",
        shown="cosine_matrix(Q, D) with Q of shape (2, 3) and D of shape (4, 3)",
        what="the result",
    )
    right = _unit(Q) @ _unit(D).T
    if out.shape == (4, 2):
        raise Mistake(
            "the result has shape (4, 2): one row per document. It should have one row per question and "
            "one column per document, (2, 4): compute Q @ D.T, not D @ Q.T."
        )
    if out.shape != (2, 4):
        raise Mistake(
            f"the result should have one row per question and one column per document, (2, 4); yours has "
            f"shape {out.shape}."
        )
    if close(out, Q @ D.T):
        raise Mistake(
            "these are dot products: divide by the lengths too, or scale the rows of Q and D to length 1 "
            "first."
        )
    if close(out, _unit(Q) @ D.T):
        raise Mistake("you scaled the questions to length 1 but not the documents; scale both.")
    if close(out, Q @ _unit(D).T):
        raise Mistake("you scaled the documents to length 1 but not the questions; scale both.")
    if not close(out, right):
        raise Mistake(
            "entry (i, j) should be the cosine of question i and document j: their dot product divided by "
            "the product of their lengths."
        )


SCORES = np.array([[0.1, 0.9, 0.3, 0.7, 0.5], [0.8, 0.2, 0.6, 0.4, 0.0], [0.3, 0.5, 0.9, 0.1, 0.7]])
# On many columns with a large k, np.argpartition's first k are not in order (NumPy's documentation
# leaves their order undefined); on SCORES they happen to be.
WIDE_SCORES = np.random.default_rng(0).random((3, 1000))


def _check_top_k(answer):
    top_k = function(answer, "top_k")
    out = _result(
        top_k,
        SCORES,
        3,
        name="top_k",
        shown="top_k(scores, 3) with scores of shape (3, 5)",
        what="the result of top_k",
    )
    right = np.argsort(-SCORES, axis=1)[:, :3]
    if out.shape != (3, 3):
        raise Mistake(
            f"top_k(scores, 3) should give 3 document numbers for each of the 3 questions, shape (3, 3); "
            f"yours has shape {out.shape}."
        )
    if out.dtype.kind == "f" and close(out, np.sort(SCORES, axis=1)[:, ::-1][:, :3]):
        raise Mistake(
            "these are the best scores themselves; return the document numbers (their column positions): "
            "np.argsort gives those."
        )
    if out.dtype.kind not in "iu":
        raise Mistake(f"the result should hold document numbers (integers); yours has dtype {out.dtype}.")
    if np.array_equal(out, right):
        _check_top_k_again(top_k)
        return
    if np.array_equal(out, np.argsort(SCORES, axis=1)[:, :3]):
        raise Mistake(
            "these are the 3 *lowest* scores: np.argsort sorts from smallest to largest. Sort -scores, or "
            "reverse each row."
        )
    if np.array_equal(out, np.argsort(SCORES, axis=1)[:, -3:]):
        raise Mistake("the right documents, but the best comes last; reverse each row: [:, ::-1].")
    if np.array_equal(np.sort(out, axis=1), np.sort(right, axis=1)):
        raise Mistake(
            "the right 3 documents, but not in order: the best score comes first (np.argpartition does "
            "not sort its first k)."
        )
    if not np.array_equal(out, right):
        raise Mistake(
            "each row should hold the column numbers of that row's 3 highest scores, best first; sort along "
            "axis=1."
        )


def _check_top_k_again(top_k):
    """A top_k right for k=3 on SCORES: check it uses k, and sorts on a wide matrix too."""
    for scores, k, shape in [(SCORES, 2, "(3, 5)"), (WIDE_SCORES, 400, "(3, 1000)")]:
        shown = f"top_k(scores, {k}) with scores of shape {shape}"
        out = np.asarray(_result(top_k, scores, k, name="top_k", shown=shown, what="the result of top_k"))
        right = np.argsort(-scores, axis=1)[:, :k]
        if out.shape != right.shape:
            raise Mistake(
                f"right for k=3, but {shown} should have shape {right.shape}; yours has {out.shape}: "
                "take the first k columns, [:, :k], not a fixed number."
            )
        if np.array_equal(np.sort(out, axis=1), np.sort(right, axis=1)) and not np.array_equal(out, right):
            raise Mistake(
                f"right for k=3, but for {shown} the right {k} documents are not in order: the best score "
                "comes first, and np.argpartition leaves its first k in no particular order."
            )
        if not np.array_equal(out, right):
            raise Mistake(f"right for k=3 but not for {shown}: each row's k highest scores, best first.")


RANKINGS = np.array(
    [[4, 2, 0, 1, 3], [1, 3, 4, 0, 2], [0, 1, 2, 3, 4], [2, 0, 4, 3, 1], [3, 4, 1, 2, 0], [4, 0, 3, 2, 1]]
)
# chosen so that the usual wrong answers of retrieval-04 and -05 all give different values
RELEVANT = [[4, 0, 2], [4], [4, 0, 1], [1, 3, 0], [0], [2]]


def _first_positions(rankings, relevant):
    return np.array(
        [
            np.flatnonzero(np.isin(row, answers))[0] + 1
            for row, answers in zip(rankings, relevant, strict=True)
        ]
    )


def _check_recall(answer):
    recall_at_k = function(answer, "recall_at_k")
    shown = "recall_at_k(rankings, relevant, 2) with 6 questions and 5 documents"
    value = number(call(recall_at_k, RANKINGS, RELEVANT, 2, name="recall_at_k", shown=shown), "recall@k")
    positions = _first_positions(RANKINGS, RELEVANT)
    right = np.mean(positions <= 2)
    share_of_answers = np.mean(
        [np.isin(answers, row[:2]).mean() for row, answers in zip(RANKINGS, RELEVANT, strict=True)]
    )
    if np.isclose(value, right):
        other = number(
            call(recall_at_k, RANKINGS, RELEVANT, 4, name="recall_at_k", shown=shown.replace(", 2)", ", 4)")),
            "recall@k",
        )
        if not np.isclose(other, np.mean(positions <= 4)):
            raise Mistake("right for k=2 but not for k=4: look at the first k results of each ranking.")
        return
    if np.isclose(value, right * len(RELEVANT)):
        raise Mistake(
            f"{value:g} is the number of questions with a right answer in the top 2; recall@k is their "
            "share: divide by the number of questions."
        )
    if np.isclose(value, 1.0):
        raise Mistake("you looked at the whole ranking; look only at the first k results: row[:k].")
    if np.isclose(value, np.mean(positions <= 3)):
        raise Mistake("off by one: the first k results are row[:k], positions 0 to k - 1.")
    if np.isclose(value, np.mean(positions <= 1)):
        raise Mistake("you looked at the first result only; look at the first k: row[:k].")
    if np.isclose(value, share_of_answers):
        raise Mistake(
            "you counted the share of each question's right answers found; here one right answer found "
            "is enough: a question counts 1 if any of its right answers is in the top k."
        )
    raise Mistake(
        f"recall@2 is {right:.3g} here; yours gave {value:.3g}. For each question, check whether any of "
        "its right answers is among the first k results, then take the share of questions where one is."
    )


def _check_mrr(answer):
    mrr = function(answer, "mrr")
    shown = "mrr(rankings, relevant) with 6 questions and 5 documents"
    try:
        with np.errstate(all="ignore"):
            raw = call(mrr, RANKINGS, RELEVANT, name="mrr", shown=shown)
    except Mistake as mistake:
        if "ZeroDivisionError" in str(mistake):
            raise Mistake(
                f"{mistake} Positions start at 1 for the first result: 1 / (index + 1), not 1 / index."
            ) from None
        raise
    value = number(raw, "the MRR")
    positions = _first_positions(RANKINGS, RELEVANT)
    right = np.mean(1 / positions)
    if np.isclose(value, right):
        return
    if not np.isfinite(value):
        raise Mistake(
            "the MRR is infinite: positions start at 1 for the first result, so use 1 / (index + 1)."
        )
    if np.isclose(value, np.mean(positions)):
        raise Mistake(
            "that is the mean position of the first right answers; the MRR averages their reciprocals, "
            "1 / position."
        )
    if np.isclose(value, 1 / np.mean(positions)):
        raise Mistake(
            "you took 1 / (the mean position); the MRR is the mean of 1 / position, one reciprocal per "
            "question."
        )
    listed_first = np.array(
        [np.flatnonzero(row == answers[0])[0] + 1 for row, answers in zip(RANKINGS, RELEVANT, strict=True)]
    )
    if np.isclose(value, np.mean(1 / listed_first)):
        raise Mistake(
            "you used the position of the first answer *listed* in relevant; use the first right answer "
            "*in the ranking*, whichever it is."
        )
    last = np.array(
        [
            np.flatnonzero(np.isin(row, answers))[-1] + 1
            for row, answers in zip(RANKINGS, RELEVANT, strict=True)
        ]
    )
    if np.isclose(value, np.mean(1 / last)):
        raise Mistake("you used the last right answer of each ranking; the MRR uses the first one.")
    raise Mistake(
        f"the MRR is {right:.3g} here; yours gave {value:.3g}. For each question, find the position (from 1) "
        "of the first right answer in its ranking, take 1 / position, and average over the questions."
    )


_RANKING_DATA = (
    "import numpy as np\n\n"
    "# 3 questions, 5 documents: each row lists document numbers, best first\n"
    "rankings = np.array([[4, 2, 0, 1, 3], [1, 3, 4, 0, 2], [0, 1, 2, 3, 4]])\n"
    "relevant = [[2], [4, 0], [3]]  # the right documents of each question"
)

EXERCISES = [
    Exercise(
        id="retrieval-01",
        title="Scale each row to length 1",
        statement="Write `unit_rows(X)` that divides each row of a 2-D array `X` by its length (its "
        "Euclidean norm), so that every row has length 1. After this, the dot product of two rows is their "
        "cosine.",
        hint_text="np.linalg.norm takes an axis, and keepdims=True keeps the result as a column.",
        given="import numpy as np",
        starter="def unit_rows(X):\n    ...",
        solution_body="def unit_rows(X):\n    return X / np.linalg.norm(X, axis=1, keepdims=True)",
        answer_name="unit_rows",
        checker=_check_unit_rows,
    ),
    Exercise(
        id="retrieval-02",
        title="A matrix of cosines",
        statement="Write `cosine_matrix(Q, D)` for questions `Q` (one row each) and documents `D` (one row "
        "each, same number of columns): it returns the array whose entry `(i, j)` is the cosine similarity "
        "of question `i` and document `j`, of shape `(number of questions, number of documents)`.",
        hint_text="Scale the rows of both arrays to length 1; then one matrix product gives every cosine.",
        given="import numpy as np",
        starter="def cosine_matrix(Q, D):\n    ...",
        solution_body="def cosine_matrix(Q, D):\n"
        "    Q = Q / np.linalg.norm(Q, axis=1, keepdims=True)\n"
        "    D = D / np.linalg.norm(D, axis=1, keepdims=True)\n"
        "    return Q @ D.T",
        answer_name="cosine_matrix",
        checker=_check_cosine_matrix,
    ),
    Exercise(
        id="retrieval-03",
        title="The top k documents",
        statement="Write `top_k(scores, k)`: `scores` has one row per question and one column per document. "
        "Return an integer array of shape `(number of questions, k)` whose row `i` holds the column numbers "
        "of the `k` highest scores of row `i`, the best first.",
        hint_text="np.argsort sorts from the smallest value; sorting -scores puts the largest first.",
        given="import numpy as np",
        starter="def top_k(scores, k):\n    ...",
        solution_body="def top_k(scores, k):\n    return np.argsort(-scores, axis=1)[:, :k]",
        answer_name="top_k",
        checker=_check_top_k,
    ),
    Exercise(
        id="retrieval-04",
        title="Recall@k",
        statement="Write `recall_at_k(rankings, relevant, k)`. `rankings` has one row per question, the "
        "document numbers from best to worst; `relevant[i]` is the list of the right documents of question "
        "`i`. Return the share of the questions for which at least one right document is among the first "
        "`k` of its ranking (a number between 0 and 1).",
        hint_text="np.isin(row[:k], answers).any() says whether question i has a right answer in its top k.",
        given=_RANKING_DATA,
        starter="def recall_at_k(rankings, relevant, k):\n    ...",
        solution_body="def recall_at_k(rankings, relevant, k):\n"
        "    found = [np.isin(row[:k], answers).any() for row, answers in zip(rankings, relevant)]\n"
        "    return np.mean(found)",
        answer_name="recall_at_k",
        checker=_check_recall,
    ),
    Exercise(
        id="retrieval-05",
        title="The mean reciprocal rank",
        statement="Write `mrr(rankings, relevant)`, with `rankings` and `relevant` as in the previous "
        "exercise: for each question, find the position of the first right document in its ranking, "
        "counting from 1 for the first result; take 1 / that position; return the mean over the questions. "
        "Every ranking contains all documents, so each question has a right one somewhere.",
        hint_text="np.flatnonzero(np.isin(row, answers))[0] is the index (from 0) of the first right "
        "document.",
        given=_RANKING_DATA,
        starter="def mrr(rankings, relevant):\n    ...",
        solution_body="def mrr(rankings, relevant):\n"
        "    reciprocal = []\n"
        "    for row, answers in zip(rankings, relevant):\n"
        "        position = np.flatnonzero(np.isin(row, answers))[0] + 1\n"
        "        reciprocal.append(1 / position)\n"
        "    return np.mean(reciprocal)",
        answer_name="mrr",
        checker=_check_mrr,
    ),
]
