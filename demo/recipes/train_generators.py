#!/usr/bin/env python3
"""Trains the demo's two generators on demo/fashion-mnist/train and writes 1000 samples of each.

Run from the repository root after make_data.py, with Debian's python3-torch (torch 1.13, CPU):

    python3 demo/recipes/train_generators.py

  demo/generators/vae     a fully connected VAE (784-400-20 latent), Bernoulli likelihood;
                          the samples are the decoder means of latent draws, rounded to 8 bits
  demo/generators/dcgan   a small DCGAN (transposed convolutions 7x7 -> 14x14 -> 28x28)
The training images are the ones in demo/fashion-mnist/train, read back from the idx file by the
index in their file names.
"""
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_data import read_images, write_folder  # noqa: E402

SEED = 11
THREADS = 2
SAMPLES = 1000
BATCH = 128
VAE_EPOCHS = 40
VAE_LATENT = 20
GAN_EPOCHS = 40
GAN_LATENT = 64
GAN_SECONDS_MAX = 180
TRAIN_FOLDER = "demo/fashion-mnist/train"


def training_images():
    """Returns the train-folder images as float32 [5000, 1, 28, 28] in [0, 1]."""
    names = sorted(n for n in os.listdir(TRAIN_FOLDER) if n.endswith(".png"))
    index = [int(n[len("train-"):-len(".png")]) for n in names]
    images = read_images("train-images-idx3-ubyte")[index]
    return torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)


class Vae(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 400), nn.ReLU())
        self.mean = nn.Linear(400, VAE_LATENT)
        self.log_variance = nn.Linear(400, VAE_LATENT)
        self.decoder = nn.Sequential(nn.Linear(VAE_LATENT, 400), nn.ReLU(),
                                     nn.Linear(400, 784), nn.Sigmoid())

    def forward(self, x):
        hidden = self.encoder(x)
        mean, log_variance = self.mean(hidden), self.log_variance(hidden)
        z = mean + torch.randn_like(mean) * torch.exp(0.5 * log_variance)
        return self.decoder(z), mean, log_variance


def train_vae(images):
    vae = Vae()
    optimizer = torch.optim.Adam(vae.parameters(), lr=1e-3)
    for epoch in range(VAE_EPOCHS):
        order = torch.randperm(len(images))
        for start in range(0, len(order), BATCH):
            x = images[order[start:start + BATCH]]
            reconstruction, mean, log_variance = vae(x)
            bce = nn.functional.binary_cross_entropy(
                reconstruction, x.flatten(1), reduction="sum")
            kl = -0.5 * torch.sum(1 + log_variance - mean.pow(2) - log_variance.exp())
            loss = (bce + kl) / len(x)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    print(f"vae: {VAE_EPOCHS} epochs, last batch loss {loss.item():.1f}", flush=True)
    with torch.no_grad():
        return vae.decoder(torch.randn(SAMPLES, VAE_LATENT)).view(SAMPLES, 28, 28)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.network = nn.Sequential(
            nn.Linear(GAN_LATENT, 128 * 7 * 7), nn.BatchNorm1d(128 * 7 * 7), nn.ReLU(),
            nn.Unflatten(1, (128, 7, 7)),
            nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Sigmoid())

    def forward(self, z):
        return self.network(z)


def discriminator():
    return nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1))


def train_dcgan(images):
    generator, critic = Generator(), discriminator()
    g_optimizer = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_optimizer = torch.optim.Adam(critic.parameters(), lr=2e-4, betas=(0.5, 0.999))
    loss_function = nn.BCEWithLogitsLoss()
    started = time.time()
    for epoch in range(GAN_EPOCHS):
        order = torch.randperm(len(images))
        for start in range(0, len(order), BATCH):
            real = images[order[start:start + BATCH]]
            fake = generator(torch.randn(len(real), GAN_LATENT))
            d_loss = (loss_function(critic(real), torch.ones(len(real), 1))
                      + loss_function(critic(fake.detach()), torch.zeros(len(real), 1)))
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()
            g_loss = loss_function(critic(fake), torch.ones(len(real), 1))
            g_optimizer.zero_grad()
            g_loss.backward()
            g_optimizer.step()
        if time.time() - started > GAN_SECONDS_MAX:
            break
    print(f"dcgan: {epoch + 1} epochs in {time.time() - started:.0f} s, "
          f"losses D {d_loss.item():.3f} G {g_loss.item():.3f}", flush=True)
    generator.eval()
    with torch.no_grad():
        return generator(torch.randn(SAMPLES, GAN_LATENT)).view(SAMPLES, 28, 28)


def to_uint8(samples):
    return np.clip(np.rint(samples.numpy() * 255.0), 0, 255).astype(np.uint8)


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(THREADS)
    images = training_images()
    names = [f"sample-{i:04d}" for i in range(SAMPLES)]
    write_folder("demo/generators/vae", to_uint8(train_vae(images)), names)
    write_folder("demo/generators/dcgan", to_uint8(train_dcgan(images)), names)


if __name__ == "__main__":
    main()
