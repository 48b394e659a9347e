"""pandas quick start: read a CSV, clean it, select, group, merge and resample by week."""

import io

import pandas as pd

# A small CSV, as it might come out of a shop's till: a missing value, stray spaces, a duplicate.
csv_text = """date,store,product,units,price
2026-03-02,north,apple,12,0.50
2026-03-02,south, pear ,7,0.80
2026-03-03,north,pear,,0.80
2026-03-05,south,apple,20,0.50
2026-03-05,south,apple,20,0.50
2026-03-09,north,apple,15,0.55
2026-03-10,south,pear,9,0.85
2026-03-12,north,pear,4,0.85
"""
sales = pd.read_csv(io.StringIO(csv_text), parse_dates=["date"])
print(sales.dtypes, end="\n\n")

# Cleaning: strip text, drop exact duplicates, fill the missing count with 0 (an assumption:
# that nothing was sold; see the pitfalls).
sales["product"] = sales["product"].str.strip()
sales = sales.drop_duplicates()
sales["units"] = sales["units"].fillna(0).astype(int)
sales["revenue"] = sales["units"] * sales["price"]
print(sales, end="\n\n")

# Selection: rows by a condition, columns by name.
print(sales.loc[sales["store"] == "north", ["date", "product", "revenue"]], end="\n\n")

# Group by: one row per product, several summaries.
print(sales.groupby("product").agg(units=("units", "sum"), revenue=("revenue", "sum")), end="\n\n")

# Merge: add each store's region from a second table.
stores = pd.DataFrame({"store": ["north", "south"], "region": ["Highlands", "Lowlands"]})
merged = sales.merge(stores, on="store", how="left")
print(merged.groupby("region")["revenue"].sum().round(2), end="\n\n")

# Time series: weekly revenue (weeks ending on Sunday).
print(sales.set_index("date")["revenue"].resample("W").sum().round(2))
