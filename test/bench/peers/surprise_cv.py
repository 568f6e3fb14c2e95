"""Runs Surprise algorithms on folds written by StreamRec's benchmarks (the same folds the
engine cross-validates on) and prints one JSON object: per algorithm, per fold, test RMSE/MAE
and fit seconds. Usage: surprise_cv.py FOLD_DIR N_FOLDS LOW HIGH SPECS_JSON
SPECS_JSON: [{"name": "svd", "algo": "SVD", "params": {...}}, ...]"""
import contextlib
import json
import os
import sys
import time

from surprise import SVD, SVDpp, BaselineOnly, KNNBaseline, Dataset, Reader, accuracy
from surprise.model_selection import PredefinedKFold

ALGORITHMS = {"SVD": SVD, "SVDpp": SVDpp, "BaselineOnly": BaselineOnly, "KNNBaseline": KNNBaseline}


def main():
    fold_dir, n_folds, low, high, specs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), json.loads(sys.argv[5])
    reader = Reader(line_format="user item rating", sep="\t", rating_scale=(low, high))
    files = [(os.path.join(fold_dir, f"fold{k}.train"), os.path.join(fold_dir, f"fold{k}.test")) for k in range(n_folds)]
    data = Dataset.load_from_folds(files, reader=reader)
    out = {}
    # Some algorithms print progress ("Estimating biases using als..."): keep stdout for the JSON.
    with contextlib.redirect_stdout(sys.stderr):
        for spec in specs:
            out[spec["name"]] = run_spec(spec, data)
    json.dump(out, sys.stdout)


def run_spec(spec, data):
    folds = []
    for trainset, testset in PredefinedKFold().split(data):
        algo = ALGORITHMS[spec["algo"]](**spec.get("params", {}))
        t0 = time.perf_counter()
        algo.fit(trainset)
        fit_s = time.perf_counter() - t0
        predictions = algo.test(testset)
        folds.append({"rmse": accuracy.rmse(predictions, verbose=False), "mae": accuracy.mae(predictions, verbose=False), "fit_s": fit_s})
    return folds


if __name__ == "__main__":
    main()
