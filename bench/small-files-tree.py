#!/usr/bin/env python3
"""Writes the many-small-files trees of bench/small-files.sh, the same bytes on every run (fixed seed).

  small-files-tree.py flat DIR      20,000 random files of 2-8 KiB in 50 folders
  small-files-tree.py zarr DIR      an OME-Zarr-like folder: metadata plus 100,000 chunk files of 1-4 KiB
  small-files-tree.py many DIR N    N random files of 64-512 bytes, 1,000 per folder (memory at 10^4-10^6 files)
"""
import json
import os
import random
import sys


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def flat(root, rng):
    for i in range(20_000):
        size = rng.randint(2048, 8192)
        write(os.path.join(root, f"d{i % 50:02d}", f"f{i:05d}.bin"), rng.randbytes(size))


def zarr(root, rng):
    image = os.path.join(root, "image.ome.zarr")
    write(os.path.join(image, ".zgroup"), json.dumps({"zarr_format": 2}).encode())
    write(os.path.join(image, ".zattrs"), json.dumps({"multiscales": [{"version": "0.4", "datasets": [{"path": "0"}]}]}).encode())
    shape = (10, 100, 100)  # z, y, x chunks: 100,000 chunk files in 1,000 folders
    write(os.path.join(image, "0", ".zarray"), json.dumps({
        "zarr_format": 2, "shape": [s * 64 for s in shape], "chunks": [64, 64, 64], "dtype": "|u1",
        "compressor": {"id": "zstd", "level": 3}, "dimension_separator": "/", "fill_value": 0, "order": "C",
        "filters": None}).encode())
    for z in range(shape[0]):
        for y in range(shape[1]):
            for x in range(shape[2]):
                write(os.path.join(image, "0", str(z), str(y), str(x)), rng.randbytes(rng.randint(1024, 4096)))


def many(root, rng, count):
    for i in range(count):
        write(os.path.join(root, f"d{i // 1000:04d}", f"f{i:07d}.bin"), rng.randbytes(rng.randint(64, 512)))


if __name__ == "__main__":
    kind, root = sys.argv[1], sys.argv[2]
    rng = random.Random(20261206)
    if kind == "many":
        many(root, rng, int(sys.argv[3]))
    else:
        {"flat": flat, "zarr": zarr}[kind](root, rng)
