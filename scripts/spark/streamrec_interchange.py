"""Writer of StreamRec's model interchange layout ("streamrec-mf" version 1, docs/scale.md).

Standard library only (no numpy, no pyspark), so it is unit-tested with plain
``python3 -m unittest`` and can be shipped to a Spark driver with ``--py-files``.
Rows are streamed: ids and factors are written as they arrive, so a driver that feeds it
``DataFrame.toLocalIterator()`` holds one partition at a time, not the whole model.
"""

import json
import math
import os
import struct

FORMAT = "streamrec-mf"
VERSION = 1
INT32_MIN, INT32_MAX = -(2 ** 31), 2 ** 31 - 1
FILES = {
    "manifest": "manifest.json",
    "user_ids": "user_ids.csv",
    "item_ids": "item_ids.csv",
    "user_factors": "user_factors.f32",
    "item_factors": "item_factors.f32",
    "user_bias": "user_bias.f32",
    "item_bias": "item_bias.f32",
}


class InterchangeError(ValueError):
    """A row that cannot be written (wrong length, non-finite value, duplicate id)."""


def _write_side(out_dir, side, rows, rank, biased):
    """Writes <side>_ids.csv, <side>_factors.f32 (+ <side>_bias.f32); returns the row count."""
    seen = set()
    count = 0
    factor_format = struct.Struct("<%df" % rank)
    bias_format = struct.Struct("<f")
    with open(os.path.join(out_dir, FILES[side + "_ids"]), "w", encoding="ascii", newline="\n") as ids, \
            open(os.path.join(out_dir, FILES[side + "_factors"]), "wb") as factors, \
            (open(os.path.join(out_dir, FILES[side + "_bias"]), "wb") if biased else _NullFile()) as biases:
        for row in rows:
            if len(row) == 3:
                raw_id, vector, bias = row
            elif len(row) == 2:
                (raw_id, vector), bias = row, None
            else:
                raise InterchangeError("%s row %d: expected (id, factors) or (id, factors, bias)" % (side, count))
            if isinstance(raw_id, float) and raw_id.is_integer():
                raw_id = int(raw_id)
            if not isinstance(raw_id, int) or isinstance(raw_id, bool) or not INT32_MIN <= raw_id <= INT32_MAX:
                raise InterchangeError("%s row %d: id %r is not a 32-bit integer" % (side, count, raw_id))
            if raw_id in seen:
                raise InterchangeError("%s row %d: id %d appears twice" % (side, count, raw_id))
            seen.add(raw_id)
            vector = list(vector)
            if len(vector) != rank:
                raise InterchangeError("%s id %d: %d factors, rank is %d" % (side, raw_id, len(vector), rank))
            if not all(math.isfinite(v) for v in vector):
                raise InterchangeError("%s id %d: non-finite factor" % (side, raw_id))
            try:
                factors.write(factor_format.pack(*vector))
            except OverflowError:
                raise InterchangeError("%s id %d: factor outside the float32 range" % (side, raw_id))
            if biased:
                if bias is None or not math.isfinite(bias):
                    raise InterchangeError("%s id %d: biased model needs a finite bias, got %r" % (side, raw_id, bias))
                biases.write(bias_format.pack(bias))
            ids.write("%d\n" % raw_id)
            count += 1
    return count


class _NullFile:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def write_interchange(out_dir, user_rows, item_rows, rank, global_mean, rating_scale, biased=False,
                      algorithm="spark-als", hyperparameters=None, item_id_space="movielens",
                      ratings=None, rating_mean=None, metrics=None, created_by="scripts/spark/train_als.py"):
    """Writes the layout into out_dir and returns the manifest (written last, with the real counts).

    user_rows, item_rows: iterables of (id, factors) or (id, factors, bias); factors a sequence of
    `rank` floats. biased=False is Spark ALS's plain MF: no bias files, and global_mean is what is
    added to every prediction (0 when the factors predict the rating itself).
    """
    if not (isinstance(rank, int) and rank >= 0):
        raise InterchangeError("rank must be a non-negative integer, got %r" % (rank,))
    lo, hi = float(rating_scale[0]), float(rating_scale[1])
    if not lo < hi:
        raise InterchangeError("rating_scale must be (min, max) with min < max, got %r" % (rating_scale,))
    if not math.isfinite(global_mean):
        raise InterchangeError("global_mean must be finite")
    if item_id_space not in ("movielens", "tmdb", "dataset"):
        raise InterchangeError("item_id_space must be movielens, tmdb or dataset")
    os.makedirs(out_dir, exist_ok=True)
    # A manifest left from an earlier run would describe files about to be overwritten.
    manifest_path = os.path.join(out_dir, FILES["manifest"])
    if os.path.exists(manifest_path):
        os.remove(manifest_path)
    if not biased:
        for name in (FILES["user_bias"], FILES["item_bias"]):
            if os.path.exists(os.path.join(out_dir, name)):
                os.remove(os.path.join(out_dir, name))
    users = _write_side(out_dir, "user", user_rows, rank, biased)
    items = _write_side(out_dir, "item", item_rows, rank, biased)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "algorithm": algorithm,
        "rank": rank,
        "users": users,
        "items": items,
        "biased": bool(biased),
        "globalMean": float(global_mean),
        "ratingScale": [lo, hi],
        "dtype": "float32-le",
        "itemIdSpace": item_id_space,
        "hyperparameters": dict(hyperparameters or {}),
        "createdBy": created_by,
    }
    if ratings is not None:
        manifest["ratings"] = int(ratings)
    if rating_mean is not None:
        manifest["ratingMean"] = float(rating_mean)
    if metrics:
        manifest["metrics"] = {k: float(v) for k, v in metrics.items()}
    tmp = manifest_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, allow_nan=False)
        f.write("\n")
    os.replace(tmp, manifest_path)
    return manifest
