"""Trains Spark MLlib ALS on a MovieLens/Kaggle ratings CSV and writes StreamRec's interchange layout.

    spark-submit scripts/spark/train_als.py --ratings ratings.csv --out model/ --rank 64

Input: CSV with header userId,movieId,rating[,timestamp] (MovieLens 20M/25M/32M, Kaggle's
The Movies Dataset ratings.csv). Output: manifest.json, user_ids.csv, item_ids.csv,
user_factors.f32, item_factors.f32 (+ user_bias.f32, item_bias.f32 with --biases), readable by
StreamRec's importInterchange (src/model/interchange.ts). See docs/scale.md.

MLlib's ALS is unbiased MF: r_ui ~ p_u . q_i. With --biases, mu, b_u, b_i are fitted first by
a few alternating ridge passes (DataFrame aggregations, as Surprise's BaselineOnly), ALS is
trained on the residual r - mu - b_u - b_i, and the model is r_ui ~ mu + b_u + b_i + p_u . q_i.

Not run in StreamRec's dev container (PySpark is not installed there); the writer it uses,
streamrec_interchange.py, is unit-tested (test_streamrec_interchange.py) and its output is
imported by the TypeScript importer in test/unit/model/interchange.test.ts.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from streamrec_interchange import write_interchange  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ratings", required=True, help="ratings CSV (local path, hdfs://, s3a://, dbfs:/ ...)")
    p.add_argument("--out", required=True, help="output folder on the DRIVER's local file system")
    p.add_argument("--rank", type=int, default=64, help="latent factors k (default 64)")
    p.add_argument("--max-iter", type=int, default=10, help="ALS sweeps (Spark default 10)")
    p.add_argument("--reg-param", type=float, default=0.1,
                   help="lambda; Spark scales it by each row's rating count, like StreamRec's regAll (default 0.1)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--test-fraction", type=float, default=0.0,
                   help="hold out this fraction (random split) and report test RMSE; the written model is "
                        "trained on the rest (default 0: train on everything, no evaluation)")
    p.add_argument("--biases", action="store_true", help="fit mu, b_u, b_i first and train ALS on the residual")
    p.add_argument("--bias-iters", type=int, default=3, help="alternating ridge passes for the biases (default 3)")
    p.add_argument("--reg-user-bias", type=float, default=15.0, help="ridge of b_u (Surprise BaselineOnly: 15)")
    p.add_argument("--reg-item-bias", type=float, default=10.0, help="ridge of b_i (Surprise BaselineOnly: 10)")
    p.add_argument("--num-blocks", type=int, default=None, help="ALS user/item blocks (Spark default 10)")
    p.add_argument("--checkpoint-dir", default=None,
                   help="enables ALS checkpointing every 10 iterations (needed for max-iter > ~30: lineage)")
    p.add_argument("--item-id-space", default="movielens", choices=["movielens", "tmdb", "dataset"],
                   help="what movieId means: MovieLens ids (default, ratings.csv), TMDB ids, or a StreamRec export's ids")
    return p.parse_args(argv)


def fit_biases(ratings, mu, iters, reg_user, reg_item):
    """Alternating ridge for b_i, b_u (r - mu = b_u + b_i); returns (user_bias_df, item_bias_df).

    Each pass is two group-bys: b_i = sum(r - mu - b_u) / (reg_i + n_i), then
    b_u = sum(r - mu - b_i) / (reg_u + n_u). localCheckpoint cuts the lineage between passes.
    """
    from pyspark.sql import functions as F

    user_bias = ratings.select("userId").distinct().withColumn("bu", F.lit(0.0))
    item_bias = None
    for _ in range(iters):
        item_bias = (ratings.join(user_bias, "userId")
                     .groupBy("movieId")
                     .agg((F.sum(F.col("rating") - F.lit(mu) - F.col("bu")) / (F.count("*") + F.lit(reg_item))).alias("bi"))
                     .localCheckpoint())
        user_bias = (ratings.join(item_bias, "movieId")
                     .groupBy("userId")
                     .agg((F.sum(F.col("rating") - F.lit(mu) - F.col("bi")) / (F.count("*") + F.lit(reg_user))).alias("bu"))
                     .localCheckpoint())
    return user_bias, item_bias


def rows_of(factors_df, bias_df, bias_col, id_col):
    """(id, features[, bias]) rows in id order, streamed to the driver one partition at a time."""
    from pyspark.sql import functions as F

    df = factors_df
    if bias_df is not None:
        df = df.join(bias_df.withColumnRenamed(id_col, "id"), "id", "left").fillna(0.0, [bias_col])
        for row in df.orderBy("id").select("id", "features", bias_col).toLocalIterator():
            yield int(row["id"]), row["features"], float(row[bias_col])
    else:
        for row in df.orderBy("id").select("id", F.col("features")).toLocalIterator():
            yield int(row["id"]), row["features"]


def main(argv=None):
    args = parse_args(argv)
    from pyspark.ml.evaluation import RegressionEvaluator
    from pyspark.ml.recommendation import ALS
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    spark = SparkSession.builder.appName("streamrec-train-als").getOrCreate()
    if args.checkpoint_dir:
        spark.sparkContext.setCheckpointDir(args.checkpoint_dir)
    started = time.time()

    # An explicit schema: no inference pass over a 700 MB file. Ids as int (ALS needs int range).
    schema = T.StructType([
        T.StructField("userId", T.IntegerType()),
        T.StructField("movieId", T.IntegerType()),
        T.StructField("rating", T.FloatType()),
        T.StructField("timestamp", T.LongType()),
    ])
    ratings = (spark.read.csv(args.ratings, header=True, schema=schema, mode="DROPMALFORMED")
               .select("userId", "movieId", "rating")
               .dropna())
    if args.test_fraction > 0:
        train, test = ratings.randomSplit([1 - args.test_fraction, args.test_fraction], seed=args.seed)
    else:
        train, test = ratings, None
    train = train.cache()

    stats = train.agg(F.count("*").alias("n"), F.avg("rating").alias("mean"),
                      F.min("rating").alias("lo"), F.max("rating").alias("hi")).first()
    n, mean = int(stats["n"]), float(stats["mean"])
    scale = (float(stats["lo"]), float(stats["hi"]))
    print("ratings: %d train, mean %.4f, scale %s" % (n, mean, scale), flush=True)

    user_bias = item_bias = None
    target = "rating"
    if args.biases:
        user_bias, item_bias = fit_biases(train, mean, args.bias_iters, args.reg_user_bias, args.reg_item_bias)
        train = (train.join(user_bias, "userId").join(item_bias, "movieId")
                 .withColumn("residual", F.col("rating") - F.lit(mean) - F.col("bu") - F.col("bi"))
                 .cache())
        target = "residual"

    als = ALS(rank=args.rank, maxIter=args.max_iter, regParam=args.reg_param, implicitPrefs=False,
              userCol="userId", itemCol="movieId", ratingCol=target, coldStartStrategy="drop",
              nonnegative=False, seed=args.seed, checkpointInterval=10 if args.checkpoint_dir else -1)
    if args.num_blocks:
        als = als.setNumBlocks(args.num_blocks)
    model = als.fit(train)
    fit_s = time.time() - started
    print("ALS fitted in %.1f s" % fit_s, flush=True)

    metrics = {"fitSeconds": fit_s}
    if test is not None:
        pred = model.transform(test)  # coldStartStrategy drop: unseen users/items leave the test set
        if args.biases:
            pred = (pred.join(user_bias, "userId", "left").join(item_bias, "movieId", "left").fillna(0.0, ["bu", "bi"])
                    .withColumn("prediction", F.col("prediction") + F.lit(mean) + F.col("bu") + F.col("bi")))
        pred = pred.withColumn("prediction", F.least(F.greatest(F.col("prediction"), F.lit(scale[0])), F.lit(scale[1])))
        rmse = RegressionEvaluator(metricName="rmse", labelCol="rating", predictionCol="prediction").evaluate(pred)
        metrics["testRmse"] = rmse
        print("test RMSE %.4f (clipped to %s)" % (rmse, scale), flush=True)

    hyperparameters = {"rank": args.rank, "maxIter": args.max_iter, "regParam": args.reg_param,
                       "implicitPrefs": False, "coldStartStrategy": "drop", "seed": args.seed}
    if args.biases:
        hyperparameters.update({"biasIters": args.bias_iters, "regUserBias": args.reg_user_bias,
                                "regItemBias": args.reg_item_bias})
    manifest = write_interchange(
        args.out,
        rows_of(model.userFactors, user_bias, "bu", "userId"),
        rows_of(model.itemFactors, item_bias, "bi", "movieId"),
        rank=args.rank,
        global_mean=mean if args.biases else 0.0,
        rating_scale=scale,
        biased=args.biases,
        algorithm="spark-als" + ("+biases" if args.biases else ""),
        hyperparameters=hyperparameters,
        item_id_space=args.item_id_space,
        ratings=n,
        rating_mean=mean,
        metrics=metrics,
    )
    print("wrote %s: %d users, %d items, rank %d, biased %s, in %.1f s total" % (
        args.out, manifest["users"], manifest["items"], manifest["rank"], manifest["biased"], time.time() - started))
    spark.stop()


if __name__ == "__main__":
    main()
