#!/usr/bin/env python3
"""Writes the demo's Fashion-MNIST PNG folders from Debian's dataset-fashion-mnist idx files.

Run from the repository root after `apt-get install -y dataset-fashion-mnist`:

    python3 demo/recipes/make_data.py

It writes 28 x 28 8-bit grayscale PNGs:
  demo/fashion-mnist/train          5000 training images (a seeded random draw from the 60000)
  demo/fashion-mnist/test           1000 test images (a seeded random draw from the 10000)
  demo/generators/held-out          1000 other test images, disjoint from the test folder
  demo/generators/copycat           1000 exact copies of images in the train folder
  demo/generators/noisy-copies      1000 train-folder images plus Gaussian noise (sigma NOISE_SIGMA)
The VAE and DCGAN folders come from train_generators.py.
"""
import gzip
import os
import struct
import sys
import zlib

import numpy as np

SEED = 20260
TRAIN_COUNT = 5000
TEST_COUNT = 1000
GENERATED_COUNT = 1000
NOISE_SIGMA = 0.05 * 255
IDX_FOLDERS = ["/usr/share/datasets/fashion-mnist", "/usr/share/fashion-mnist",
               "/usr/share/dataset-fashion-mnist"]


def find_idx(stem):
    """Returns the path of the idx file `stem`, plain or gzipped, under the package's folders."""
    for folder in IDX_FOLDERS:
        for name in (stem, stem + ".gz"):
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                return path
    sys.exit(f"{stem} not found under {IDX_FOLDERS}; run apt-get install -y dataset-fashion-mnist")


def read_images(stem):
    """Returns the idx3 image file `stem` as a uint8 array [count, 28, 28]."""
    path = find_idx(stem)
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        magic, count, rows, cols = struct.unpack(">IIII", handle.read(16))
        if magic != 2051:
            sys.exit(f"{path}: not an idx3 image file (magic {magic})")
        data = np.frombuffer(handle.read(count * rows * cols), dtype=np.uint8)
    return data.reshape(count, rows, cols)


def png_bytes(image):
    """Encodes a 2-D uint8 array as an 8-bit grayscale PNG (filter type 0 on every row)."""
    height, width = image.shape
    raw = b"".join(b"\x00" + image[row].tobytes() for row in range(height))

    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def write_folder(folder, images, names):
    """Writes `images` as PNGs named `names` into `folder`, replacing what was there."""
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        if old.endswith(".png"):
            os.remove(os.path.join(folder, old))
    for image, name in zip(images, names):
        with open(os.path.join(folder, name + ".png"), "wb") as handle:
            handle.write(png_bytes(image))


def main():
    rng = np.random.default_rng(SEED)
    train_all = read_images("train-images-idx3-ubyte")
    test_all = read_images("t10k-images-idx3-ubyte")

    train_index = np.sort(rng.choice(len(train_all), TRAIN_COUNT, replace=False))
    test_perm = rng.permutation(len(test_all))
    test_index = np.sort(test_perm[:TEST_COUNT])
    held_out_index = np.sort(test_perm[TEST_COUNT:TEST_COUNT + GENERATED_COUNT])
    write_folder("demo/fashion-mnist/train", train_all[train_index],
                 [f"train-{i:05d}" for i in train_index])
    write_folder("demo/fashion-mnist/test", test_all[test_index],
                 [f"test-{i:05d}" for i in test_index])
    write_folder("demo/generators/held-out", test_all[held_out_index],
                 [f"held-out-{i:05d}" for i in held_out_index])

    copy_index = np.sort(rng.choice(train_index, GENERATED_COUNT, replace=False))
    write_folder("demo/generators/copycat", train_all[copy_index],
                 [f"copy-of-train-{i:05d}" for i in copy_index])

    noisy_index = np.sort(rng.choice(train_index, GENERATED_COUNT, replace=False))
    noise = rng.normal(0.0, NOISE_SIGMA, size=(GENERATED_COUNT, 28, 28))
    noisy = np.clip(np.rint(train_all[noisy_index] + noise), 0, 255).astype(np.uint8)
    write_folder("demo/generators/noisy-copies", noisy,
                 [f"noisy-train-{i:05d}" for i in noisy_index])


if __name__ == "__main__":
    main()
