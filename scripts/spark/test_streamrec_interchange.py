"""Unit tests of the interchange writer (stdlib only): python3 -m unittest discover -s scripts/spark"""

import json
import math
import os
import struct
import tempfile
import unittest

from streamrec_interchange import InterchangeError, write_interchange


def read(folder, name):
    with open(os.path.join(folder, name), "rb") as f:
        return f.read()


class WriteInterchangeTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.out = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def test_unbiased_layout_as_spark_als_writes_it(self):
        users = [(1, [2.0, 1.0]), (2, [1.0, 1.5])]
        items = iter([(10, (1.5, 1.0)), (30, (2.0, 0.5)), (20, (1.0, 2.0))])  # any iterable, streamed
        m = write_interchange(self.out, users, items, rank=2, global_mean=0, rating_scale=(0.5, 5),
                              hyperparameters={"rank": 2, "regParam": 0.1}, ratings=5, rating_mean=3.6)
        self.assertEqual(sorted(os.listdir(self.out)),
                         ["item_factors.f32", "item_ids.csv", "manifest.json", "user_factors.f32", "user_ids.csv"])
        on_disk = json.loads(read(self.out, "manifest.json"))
        self.assertEqual(on_disk, m)
        self.assertEqual((m["format"], m["version"], m["rank"], m["users"], m["items"], m["biased"]),
                         ("streamrec-mf", 1, 2, 2, 3, False))
        self.assertEqual(m["dtype"], "float32-le")
        self.assertEqual(m["ratingScale"], [0.5, 5.0])
        self.assertEqual(read(self.out, "user_ids.csv"), b"1\n2\n")
        self.assertEqual(read(self.out, "item_ids.csv"), b"10\n30\n20\n")
        self.assertEqual(struct.unpack("<6f", read(self.out, "item_factors.f32")), (1.5, 1.0, 2.0, 0.5, 1.0, 2.0))
        self.assertEqual(read(self.out, "user_factors.f32")[:4], b"\x00\x00\x00\x40")  # 2.0f little-endian

    def test_biases_written_when_biased_and_rounded_to_float32(self):
        write_interchange(self.out, [(5, [0.1], 0.25)], [(7, [0.2], -0.5), (8, [0.3], 0.125)], rank=1,
                          global_mean=3.5, rating_scale=(1, 5), biased=True)
        self.assertEqual(struct.unpack("<f", read(self.out, "user_bias.f32")), (0.25,))
        self.assertEqual(struct.unpack("<2f", read(self.out, "item_bias.f32")), (-0.5, 0.125))
        (x,) = struct.unpack("<f", read(self.out, "user_factors.f32"))
        self.assertNotEqual(x, 0.1)
        self.assertTrue(math.isclose(x, 0.1, rel_tol=1e-7))

    def test_rejects_rows_that_break_the_spec(self):
        cases = [
            ([(1, [1.0])], "factors, rank is 2"),
            ([(1, [1.0, 2.0]), (1, [1.0, 2.0])], "appears twice"),
            ([(1, [float("nan"), 2.0])], "non-finite"),
            ([(2 ** 31, [1.0, 2.0])], "not a 32-bit integer"),
            ([(1, [1e39, 2.0])], "float32 range"),
        ]
        for users, message in cases:
            with self.subTest(message=message):
                with self.assertRaisesRegex(InterchangeError, message):
                    write_interchange(self.out, users, [], rank=2, global_mean=0, rating_scale=(0.5, 5))
        with self.assertRaisesRegex(InterchangeError, "needs a finite bias"):
            write_interchange(self.out, [(1, [1.0, 2.0])], [], rank=2, global_mean=3, rating_scale=(0.5, 5), biased=True)

    def test_float_ids_from_spark_doubles_become_integers(self):
        write_interchange(self.out, [(3.0, [1.0])], [], rank=1, global_mean=0, rating_scale=(0.5, 5))
        self.assertEqual(read(self.out, "user_ids.csv"), b"3\n")

    def test_rerun_without_biases_removes_stale_bias_files(self):
        write_interchange(self.out, [(1, [1.0], 0.5)], [(2, [1.0], 0.5)], rank=1, global_mean=3, rating_scale=(1, 5), biased=True)
        write_interchange(self.out, [(1, [1.0])], [(2, [1.0])], rank=1, global_mean=0, rating_scale=(1, 5))
        self.assertNotIn("user_bias.f32", os.listdir(self.out))


if __name__ == "__main__":
    unittest.main()
