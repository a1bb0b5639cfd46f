#!/usr/bin/env python3
"""Trains the fashion-cnn feature extractor and exports it to ONNX.

Run from the repository root after `apt-get install -y dataset-fashion-mnist python3-torch`
(Debian's torch 1.13, CPU):

    python3 demo/recipes/train_extractor.py

The classifier is trained on all 60000 Fashion-MNIST training images for EPOCHS epochs and scored
on all 10000 test images. The exported graph maps an RGB batch [N, 3, 28, 28] with values in [0, 1]
to the 128-d output of the first fully connected layer, before its ReLU. The graph itself turns
RGB into gray with the ITU-R 601 luma weights (as Pillow's convert('L'), without its rounding to
integers) and standardizes with the training set's pixel mean and standard deviation, so the Java
side only scales the decoded 8-bit RGB samples by 1/255.
"""
import hashlib
import os
import sys

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_data import read_images, find_idx  # noqa: E402

SEED = 7
EPOCHS = 2
BATCH = 128
LEARNING_RATE = 1e-3
THREADS = 2
LUMA = (0.299, 0.587, 0.114)
OUTPUT = "fld-extractor-fashion-cnn/src/main/resources/io/fld/extractor/fashioncnn/fashion-cnn.onnx"


def read_labels(stem):
    """Returns the idx1 label file `stem` as an int64 array."""
    import gzip
    path = find_idx(stem)
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        handle.read(8)
        return np.frombuffer(handle.read(), dtype=np.uint8).astype(np.int64)


class FashionCnn(nn.Module):
    """Two 3x3 conv + max-pool blocks (32, 64 channels), fc 128, fc 10."""

    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("luma", torch.tensor(LUMA).view(1, 3, 1, 1))
        self.mean = float(mean)
        self.std = float(std)
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten())
        self.embed = nn.Linear(64 * 7 * 7, 128)
        self.classify = nn.Linear(128, 10)

    def embedding(self, rgb):
        gray = (rgb * self.luma).sum(dim=1, keepdim=True)
        return self.embed(self.features((gray - self.mean) / self.std))

    def forward(self, rgb):
        return self.classify(torch.relu(self.embedding(rgb)))


class EmbeddingOnly(nn.Module):
    """The exported graph: the embedding of FashionCnn."""

    def __init__(self, network):
        super().__init__()
        self.network = network

    def forward(self, rgb):
        return self.network.embedding(rgb)


def to_rgb(images):
    """Returns uint8 [N, 28, 28] images as a float RGB tensor [N, 3, 28, 28] in [0, 1]."""
    gray = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    return gray.expand(-1, 3, -1, -1).contiguous()


def accuracy(network, images, labels):
    network.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(images), 1000):
            logits = network(to_rgb(images[start:start + 1000]))
            correct += (logits.argmax(1).numpy() == labels[start:start + 1000]).sum()
    return correct / len(images)


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(THREADS)
    train_images = read_images("train-images-idx3-ubyte")
    train_labels = read_labels("train-labels-idx1-ubyte")
    test_images = read_images("t10k-images-idx3-ubyte")
    test_labels = read_labels("t10k-labels-idx1-ubyte")
    pixels = train_images.astype(np.float64) / 255.0
    network = FashionCnn(pixels.mean(), pixels.std())
    optimizer = torch.optim.Adam(network.parameters(), lr=LEARNING_RATE)
    loss_function = nn.CrossEntropyLoss()
    rng = np.random.default_rng(SEED)

    for epoch in range(EPOCHS):
        network.train()
        order = rng.permutation(len(train_images))
        for start in range(0, len(order), BATCH):
            batch = order[start:start + BATCH]
            optimizer.zero_grad()
            loss = loss_function(network(to_rgb(train_images[batch])),
                                 torch.from_numpy(train_labels[batch]))
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch + 1}: last batch loss {loss.item():.4f}", flush=True)

    print(f"test accuracy (10000 images): {accuracy(network, test_images, test_labels):.4f}")
    network.eval()
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    torch.onnx.export(EmbeddingOnly(network), torch.zeros(2, 3, 28, 28), OUTPUT,
                      input_names=["input"], output_names=["embedding"],
                      dynamic_axes={"input": {0: "batch"}, "embedding": {0: "batch"}},
                      opset_version=13)
    with open(OUTPUT, "rb") as handle:
        print(f"sha256 {hashlib.sha256(handle.read()).hexdigest()}  {OUTPUT}")


if __name__ == "__main__":
    main()
