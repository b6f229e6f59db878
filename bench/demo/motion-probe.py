#!/usr/bin/env python3
"""Can the actions of a synthetic world be learned from its videos, and by which kind of model?

Trains a small classifier from scratch on the train videos of a `froster synth` world (every
class, 8 frames of stride 4 as the student sees them, no augmentation) and prints train and
held-out top-1 after every epoch. Two models:

  c3d  a three-layer 3D CNN (local space-time filters: it sees displacements directly);
  vit  the demo student's shape (32 px, 8 px patches, width 128, 4 layers, 2 heads) with FROSTER's
       neighbour-frame attention and per-frame logits averaged, from scratch, as a linear head.

It answers whether a student that fails on held-out videos fails for lack of signal in the pixels
(both fail), for its architecture (c3d learns, vit memorises) or for its training (both learn).
Scratch measurement tool, see demo/README.md; needs Debian's python3-torch:

    LD_LIBRARY_PATH=$(bench/clip/setup-reference.sh) OPENBLAS_NUM_THREADS=1 \\
        /usr/bin/python3 bench/demo/motion-probe.py WORLD c3d 15
"""
import csv
import subprocess
import sys
import time

import numpy as np
import torch
from torch import nn

FRAMES, STRIDE, SIZE, BATCH = 8, 4, 32, 32


def load(world):
    """(N, T, 3, S, S) normalised frames, class ids, train mask of the world's videos."""
    with open(f"{world}/videos.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    clips = np.zeros((len(rows), FRAMES, SIZE, SIZE, 3), np.uint8)
    for i, row in enumerate(rows):
        raw = subprocess.run(
            ["ffmpeg", "-v", "error", "-i", f"{world}/{row['path']}", "-f", "rawvideo",
             "-pix_fmt", "rgb24", "-"],
            capture_output=True, check=True).stdout
        frames = np.frombuffer(raw, np.uint8).reshape(-1, SIZE, SIZE, 3)[0:FRAMES * STRIDE:STRIDE]
        clips[i, :len(frames)] = frames
    x = torch.tensor(clips).permute(0, 1, 4, 2, 3).float() / 255
    labels = torch.tensor([int(r["class_id"]) for r in rows])
    train = torch.tensor([r["subset"] == "train" for r in rows])
    return (x - 0.45) / 0.27, labels, train


class Conv3d(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv3d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool3d((1, 2, 2)),
            nn.Conv3d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool3d((2, 2, 2)),
            nn.Conv3d(64, 128, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool3d(1), nn.Flatten(),
            nn.Linear(128, classes))

    def forward(self, clips):  # (B, T, 3, S, S)
        return self.net(clips.transpose(1, 2))


class NeighbourBlock(nn.Module):
    """Pre-norm transformer block whose frame-t queries see the tokens of frames t-1, t, t+1."""

    def __init__(self, width, heads):
        super().__init__()
        self.width, self.heads = width, heads
        self.ln_1, self.ln_2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.qkv, self.out = nn.Linear(width, 3 * width), nn.Linear(width, width)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width))

    def neighbours(self, t, frames):  # (B·T, n, W) -> (B·T, 3n, W), zeros beyond the clip
        bt, n, w = t.shape
        t = t.view(-1, frames, n, w)
        zero = torch.zeros_like(t[:, :1])
        before, after = torch.cat([zero, t[:, :-1]], 1), torch.cat([t[:, 1:], zero], 1)
        return torch.cat([before, t, after], 2).view(bt, 3 * n, w)

    def forward(self, x, frames):
        bt, n, w = x.shape
        q, k, v = self.qkv(self.ln_1(x)).chunk(3, -1)
        k, v = self.neighbours(k, frames), self.neighbours(v, frames)
        split = lambda t: t.view(bt, -1, self.heads, w // self.heads).transpose(1, 2)
        weights = torch.softmax(split(q) @ split(k).transpose(-1, -2) / (w // self.heads) ** 0.5, -1)
        x = x + self.out((weights @ split(v)).transpose(1, 2).reshape(bt, n, w))
        return x + self.mlp(self.ln_2(x))


class StudentShapedVit(nn.Module):
    def __init__(self, classes, patch=8, width=128, layers=4, heads=2):
        super().__init__()
        tokens = (SIZE // patch) ** 2 + 1
        self.patches = nn.Conv2d(3, width, patch, patch, bias=False)
        self.cls = nn.Parameter(torch.randn(width) * 0.02)
        self.position = nn.Parameter(torch.randn(tokens, width) * 0.02)
        self.ln_pre, self.ln_post = nn.LayerNorm(width), nn.LayerNorm(width)
        self.blocks = nn.ModuleList(NeighbourBlock(width, heads) for _ in range(layers))
        self.head = nn.Linear(width, classes)

    def forward(self, clips):  # (B, T, 3, S, S) -> (B, C): per-frame logits averaged over T
        b, t = clips.shape[:2]
        x = self.patches(clips.flatten(0, 1)).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(b * t, 1, -1), x], 1) + self.position
        x = self.ln_pre(x)
        for block in self.blocks:
            x = block(x, t)
        return self.head(self.ln_post(x[:, 0])).view(b, t, -1).mean(1)


# Each model with the usual optimiser settings of its kind: a CNN at a constant rate and light
# weight decay, a ViT with warm-up, one-cycle decay and strong weight decay.
MODELS = {"c3d": (Conv3d, 1e-4, False), "vit": (StudentShapedVit, 0.05, True)}


def main(world, kind, epochs):
    torch.manual_seed(0)
    x, y, train = load(world)
    architecture, weight_decay, one_cycle = MODELS[kind]
    model = architecture(int(y.max()) + 1)
    optimiser = torch.optim.AdamW(model.parameters(), 1e-3, weight_decay=weight_decay)
    x_train, y_train, x_test, y_test = x[train], y[train], x[~train], y[~train]
    steps = epochs * ((len(x_train) + BATCH - 1) // BATCH)
    # built only when used: OneCycleLR lowers the rate to its starting value when constructed
    schedule = (
        torch.optim.lr_scheduler.OneCycleLR(optimiser, 1e-3, total_steps=steps, pct_start=0.1)
        if one_cycle else None)
    started = time.time()
    for epoch in range(1, epochs + 1):
        model.train()
        right = 0
        for batch in torch.randperm(len(x_train)).split(BATCH):
            logits = model(x_train[batch])
            loss = nn.functional.cross_entropy(logits, y_train[batch])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            if schedule:
                schedule.step()
            right += (logits.argmax(1) == y_train[batch]).sum().item()
        model.eval()
        with torch.no_grad():
            held_out = sum((model(x_test[i:i + 64]).argmax(1) == y_test[i:i + 64]).sum().item()
                           for i in range(0, len(x_test), 64))
        print(f"{kind} epoch {epoch} train {right / len(x_train):.3f}"
              f" held-out {held_out / len(x_test):.3f} ({time.time() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[2] not in MODELS:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
