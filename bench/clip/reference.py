"""PyTorch eager reference for the CLIP tower benchmark.

The same architecture as OpenAI's CLIP (pre-LN residual attention blocks, QuickGELU, class token,
EOT pooling), random weights, fp32, inference mode. Prints one JSON line with throughputs and the
peak RSS, so that bench/clip/run.sh can put it beside the engine's figures.
"""

import argparse
import json
import resource
import time

import torch
from torch import nn


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, width, heads, causal_length=None):
        super().__init__()
        self.attn = nn.MultiheadAttention(width, heads)
        self.ln_1 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, width * 4), QuickGELU(), nn.Linear(width * 4, width))
        self.ln_2 = nn.LayerNorm(width)
        self.mask = None
        if causal_length:
            self.mask = torch.full((causal_length, causal_length), float("-inf")).triu_(1)

    def forward(self, x):  # x: (S, B, D)
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False, attn_mask=self.mask)[0]
        return x + self.mlp(self.ln_2(x))


class VisionTower(nn.Module):
    def __init__(self, resolution, patch, width, layers, heads, embed_dim):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, patch, patch, bias=False)
        self.class_embedding = nn.Parameter(torch.randn(width) * width**-0.5)
        self.positional_embedding = nn.Parameter(torch.randn((resolution // patch) ** 2 + 1, width) * width**-0.5)
        self.ln_pre = nn.LayerNorm(width)
        self.blocks = nn.Sequential(*[ResidualAttentionBlock(width, heads) for _ in range(layers)])
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(torch.randn(width, embed_dim) * width**-0.5)

    def forward(self, x):  # x: (B, 3, R, R)
        x = self.conv1(x).flatten(2).permute(0, 2, 1)  # (B, grid², D)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = self.ln_pre(torch.cat([cls, x], dim=1) + self.positional_embedding)
        x = self.blocks(x.permute(1, 0, 2)).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.proj


class TextTower(nn.Module):
    def __init__(self, vocab, context, width, layers, heads, embed_dim):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab, width)
        self.positional_embedding = nn.Parameter(torch.randn(context, width) * 0.01)
        self.blocks = nn.Sequential(*[ResidualAttentionBlock(width, heads, context) for _ in range(layers)])
        self.ln_final = nn.LayerNorm(width)
        self.text_projection = nn.Parameter(torch.randn(width, embed_dim) * width**-0.5)

    def forward(self, ids):  # ids: (B, context)
        x = self.token_embedding(ids) + self.positional_embedding
        x = self.blocks(x.permute(1, 0, 2)).permute(1, 0, 2)
        x = self.ln_final(x)
        return x[torch.arange(x.shape[0]), ids.argmax(dim=-1)] @ self.text_projection


def throughput(fn, batch, seconds):
    fn()  # warm-up
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or count < 2:
        fn()
        count += 1
    return batch * count / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--image-batch", type=int, default=8)
    parser.add_argument("--text-batch", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    # One torch thread on top of OpenBLAS's two: more oversubscribes two cores (benchmark-notes.md).
    parser.add_argument("--torch-threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.torch_threads)
    torch.manual_seed(0)
    vision = VisionTower(224, 16, 768, 12, 12, 512).eval()
    text = TextTower(49408, 77, 512, 12, 8, 512).eval()
    images = torch.randn(args.image_batch, 3, 224, 224)
    ids = torch.randint(1, 49406, (args.text_batch, 77))
    ids[:, 20] = 49407
    with torch.inference_mode():
        image_fps = throughput(lambda: vision(images), args.image_batch, args.seconds)
        text_tps = throughput(lambda: text(ids), args.text_batch, args.seconds)
    print(json.dumps({
        "engine": "pytorch-eager " + torch.__version__,
        "threads": torch.get_num_threads(),
        "image_frames_per_s": round(image_fps, 3),
        "text_texts_per_s": round(text_tps, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


if __name__ == "__main__":
    main()
