"""PyTorch eager reference for the FROSTER training-step benchmark.

The same model and loss as the engine's FrosterTrainer.step (froster-method.md): the student is CLIP
(bench/clip/reference.py's towers) whose image tower runs over the T frames of each clip with
FROSTER's neighbour-frame attention (the queries of frame t attend to the keys and values of frames
t-1, t, t+1, projected, zeros beyond the clip ends: exactly as the engine's MultiHeadSelfAttention);
the frozen teacher is a copy of the starting CLIP run frame-wise under no_grad, its text embeddings of
every (class, prompt) cached; residual heads Linear-GELU-Linear without bias, alpha 0.1; loss
CE + beta * [(1 - cos)_visual + (1 - cos)_text]; global-norm clipping at 1.0; AdamW without decay on
1-D parameters and embeddings. Random weights, random pixels, random token ids (the text tower's cost
does not depend on the ids); one random template plus the bare text per class per step.

Prints one JSON line: steps/s, clips/s, seconds per step, peak RSS, parameter count.
"""

import argparse
import copy
import json
import math
import os
import random
import resource
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clip"))
from reference import ResidualAttentionBlock, TextTower, VisionTower  # noqa: E402

TEMPLATES = 28  # CLIP's Kinetics prompt templates; prompt 28 is the bare class text
TEST_PROMPTS = TEMPLATES + 1

# name: (resolution, patch, vision width, layers, heads, embed dim, text width, layers, heads,
#        context, vocabulary, frames, batch, classes) -- FrosterStepBenchmark's presets
WORKLOADS = {
    "tiny": (32, 8, 128, 4, 2, 128, 128, 4, 2, 32, 1024, 8, 8, 12),
    "vitb16": (224, 16, 768, 12, 12, 512, 512, 12, 8, 77, 49408, 2, 1, 8),
}


class VideoBlock(ResidualAttentionBlock):
    """The CLIP block on batch-first tokens (N, S, D), N = videos x frames, optionally temporal."""

    def forward(self, x, frames=1, temporal=False):
        x = x + self.attention(self.ln_1(x), frames, temporal)
        return x + self.mlp(self.ln_2(x))

    def attention(self, y, frames, temporal):
        n, s, d = y.shape
        heads = self.attn.num_heads
        q, k, v = F.linear(y, self.attn.in_proj_weight, self.attn.in_proj_bias).chunk(3, dim=-1)
        if temporal:
            k = with_neighbour_frames(k, frames)
            v = with_neighbour_frames(v, frames)
        # (N, S, D) -> (N, heads, S, D / heads); the query scaled first, as PyTorch does
        q = q.reshape(n, s, heads, -1).transpose(1, 2) * (d // heads) ** -0.5
        k = k.reshape(n, k.shape[1], heads, -1).transpose(1, 2)
        v = v.reshape(n, v.shape[1], heads, -1).transpose(1, 2)
        mixed = (q @ k.transpose(-2, -1)).softmax(-1) @ v  # (N, heads, S, D / heads)
        return self.attn.out_proj(mixed.transpose(1, 2).reshape(n, s, d))


def with_neighbour_frames(per_frame, frames):
    """(B*T, S, D) -> (B*T, 3S, D): tokens of frames t-1, t, t+1 side by side, zeros at the ends."""
    rows, s, d = per_frame.shape
    clips = per_frame.reshape(rows // frames, frames, s, d)
    zeros = per_frame.new_zeros(rows // frames, 1, s, d)
    previous = torch.cat([zeros, clips[:, :-1]], dim=1)
    following = torch.cat([clips[:, 1:], zeros], dim=1)
    return torch.cat([previous, clips, following], dim=2).reshape(rows, 3 * s, d)


class VideoTower(VisionTower):
    """bench/clip's image tower with VideoBlocks; clips (B, T, 3, R, R) -> (B, T, embed)."""

    def __init__(self, resolution, patch, width, layers, heads, embed_dim):
        super().__init__(resolution, patch, width, layers, heads, embed_dim)
        self.blocks = nn.ModuleList(VideoBlock(width, heads) for _ in range(layers))

    def forward(self, clips, temporal):
        b, t = clips.shape[:2]
        x = self.conv1(clips.flatten(0, 1)).flatten(2).transpose(1, 2)  # (B*T, grid², D)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = self.ln_pre(torch.cat([cls, x], dim=1) + self.positional_embedding)
        for block in self.blocks:
            x = block(x, t, temporal)
        return (self.ln_post(x[:, 0, :]) @ self.proj).reshape(b, t, -1)


class Clip(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.visual = VideoTower(c[0], c[1], c[2], c[3], c[4], c[5])
        self.text = TextTower(c[10], c[9], c[6], c[7], c[8], c[5])
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))


class ResidualHead(nn.Module):
    """f + alpha * Linear(GELU(Linear(f))), no bias; Kaiming-normal first, zero last: the identity."""

    def __init__(self, width, alpha=0.1):
        super().__init__()
        self.fc1 = nn.Linear(width, width, bias=False)
        self.fc2 = nn.Linear(width, width, bias=False)
        nn.init.kaiming_normal_(self.fc1.weight)
        nn.init.zeros_(self.fc2.weight)
        self.alpha = alpha

    def forward(self, f):
        return f + self.alpha * self.fc2(F.gelu(self.fc1(f)))


def unit(x):
    return x / x.norm(dim=-1, keepdim=True)


def cosine_distance(student, teacher):
    return 1 - (unit(student) * unit(teacher)).sum(-1).mean()


def decays(name, p):
    """The engine's WeightDecayMask: matrices only, never 1-D parameters, embeddings, logit scale."""
    return p.dim() > 1 and "embedding" not in name and name != "logit_scale"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workload", choices=sorted(WORKLOADS))
    parser.add_argument("--frames", type=int)
    parser.add_argument("--batch", type=int)
    parser.add_argument("--classes", type=int)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--alpha", type=float, default=0.1)
    parser.add_argument("--beta", type=float, default=2.0)
    parser.add_argument("--lr", type=float, default=1e-3)
    # One torch thread on top of OpenBLAS's two: more oversubscribes two cores (benchmark-notes.md).
    parser.add_argument("--torch-threads", type=int, default=1)
    args = parser.parse_args()
    c = WORKLOADS[args.workload]
    frames = args.frames or c[11]
    batch = args.batch or c[12]
    classes = args.classes or c[13]
    resolution, embed, context, vocabulary = c[0], c[5], c[9], c[10]
    torch.set_num_threads(args.torch_threads)
    torch.manual_seed(0)
    rng = random.Random(0)

    setup_start = time.perf_counter()
    student = Clip(c)
    teacher = copy.deepcopy(student).requires_grad_(False)
    visual_head, text_head = ResidualHead(embed, args.alpha), ResidualHead(embed, args.alpha)
    named = [("student." + n, p) for n, p in student.named_parameters()]
    named += [("head.visual." + n, p) for n, p in visual_head.named_parameters()]
    named += [("head.text." + n, p) for n, p in text_head.named_parameters()]
    params = [p for _, p in named]
    optimiser = torch.optim.AdamW(
        [
            {"params": [p for n, p in named if decays(n.split(".", 1)[1], p)], "weight_decay": 0.01},
            {"params": [p for n, p in named if not decays(n.split(".", 1)[1], p)], "weight_decay": 0.0},
        ],
        lr=args.lr,
    )
    # token ids of every (class, prompt): random words, the end token (the largest id) at 20
    tokens = torch.randint(1, vocabulary - 2, (classes, TEST_PROMPTS, context))
    tokens[:, :, min(20, context - 1)] = vocabulary - 1
    with torch.no_grad():  # the teacher's unit text embeddings, computed once: (C, 29, D)
        teacher_texts = torch.cat(
            [unit(teacher.text(chunk)) for chunk in tokens.reshape(-1, context).split(64)]
        ).reshape(classes, TEST_PROMPTS, embed)
    setup_s = time.perf_counter() - setup_start

    clips = torch.randn(batch, frames, 3, resolution, resolution)
    labels = torch.arange(batch) % classes

    def step():
        template = torch.tensor([rng.randrange(TEMPLATES) for _ in range(classes)])
        rows = torch.arange(classes)
        with torch.no_grad():
            teacher_frames = teacher.visual(clips, temporal=False)  # (B, T, D) frame-wise
            picked = torch.stack([teacher_texts[rows, template], teacher_texts[:, TEMPLATES]], 1)
            teacher_classes = unit(unit(picked).mean(1))  # (C, D)
        step_tokens = torch.stack([tokens[rows, template], tokens[:, TEMPLATES]], 1).reshape(-1, context)
        frame_features = student.visual(clips, temporal=True)  # (B, T, D)
        class_embeddings = unit(unit(student.text(step_tokens)).reshape(classes, 2, embed).mean(1))
        logits = (unit(frame_features) @ class_embeddings.t()).mean(1) * student.logit_scale.exp()
        cross_entropy = F.cross_entropy(logits, labels)  # on the unprojected student
        projected = visual_head(unit(frame_features).reshape(-1, embed))
        visual = cosine_distance(projected, teacher_frames.reshape(-1, embed))
        text = cosine_distance(text_head(class_embeddings), teacher_classes)
        loss = cross_entropy + args.beta * (visual + text)
        optimiser.zero_grad(set_to_none=False)
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimiser.step()
        (logits.argmax(1) == labels).sum().item()
        return loss.item(), norm.item()

    last = None
    for _ in range(args.warmup):
        last = step()
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds or steps < 2:
        last = step()
        steps += 1
    elapsed = time.perf_counter() - start
    if not all(math.isfinite(v) for v in last):
        raise SystemExit(f"the step diverged: loss, norm = {last}")
    print(json.dumps({
        "side": "reference",
        "engine": "pytorch-eager " + torch.__version__,
        "threads": torch.get_num_threads(),
        "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "blas": blas_loaded(),
        "workload": args.workload,
        "frames": frames,
        "batch": batch,
        "classes": classes,
        "trainable_parameters": sum(p.numel() for p in params),
        "setup_s": round(setup_s, 1),
        "steps": steps,
        "steps_per_s": round(steps / elapsed, 4),
        "s_per_step": round(elapsed / steps, 4),
        "clips_per_s": round(steps * batch / elapsed, 4),
        "last_loss": round(last[0], 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


def blas_loaded():
    """The BLAS library this process mapped (the reference is only fair on OpenBLAS)."""
    with open("/proc/self/maps") as maps:
        names = {line.split()[-1] for line in maps if "blas" in line.lower()}
    return sorted(os.path.basename(n) for n in names)


if __name__ == "__main__":
    main()
