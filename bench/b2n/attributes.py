#!/usr/bin/env python3
"""What the methods of a base-to-novel run get right, by attribute of the synthetic world.

Reads the report.json that `froster benchmark b2n` writes (its per-class `mistaken_for` counts)
and prints, per method and split over all seeds: top-1, how often the predicted class has the
video's shape, and how often a video was taken for its time-reversed class ("moving left" for
"moving right"), which no method of the paper can tell apart from single-frame content alone;
then novel top-1 split into the compositional classes (shape and motion both seen in base
videos: transfer from base) and the caption-only ones (bouncing, circling: the motion known from
the teacher's captioned stills only), the part of the novel split that measures what the paper
measures, keeping the teacher's knowledge.

    python3 bench/b2n/attributes.py var/benchmark/b2n/report.json
    python3 bench/b2n/attributes.py eval-report.json      # a `froster eval` report, e.g. the demo's

A `froster eval` report counts no videos per class; every class of a synthetic world has the same
number of test videos, so the report's total is split evenly.

In a world with colour-defined novel classes (`synth --novel-classes colour`) only the base split
has shapes and motions to break down; its novel split is left out.
"""
import collections
import json
import sys

SHAPES = ["circle", "square", "triangle", "star", "ring", "cross"]
REVERSED = {
    "moving left": "moving right",
    "moving up": "moving down",
    "rotating clockwise": "rotating counterclockwise",
    "growing": "shrinking",
}
REVERSED.update({b: a for a, b in REVERSED.items()})
CAPTION_ONLY = {"bouncing", "circling"}


def shape_and_motion(name):
    shape, _, motion = name.partition(" ")
    if shape not in SHAPES:
        raise ValueError(f"not a shape-motion class: {name!r}")
    return shape, motion


def is_shape_motion(accuracy):
    return all(name.partition(" ")[0] in SHAPES for name in accuracy["per_class"])


def runs_of(report):
    """The report's runs in the benchmark's layout; a `froster eval` report is one run."""
    if "runs" in report:
        return report["runs"]
    per_class_videos, rest = divmod(report["total"], len(report["per_class"]))
    if rest:
        raise ValueError("classes with different numbers of test videos: not a synthetic world")
    per_class = {
        name: {
            "total": per_class_videos,
            "correct": round(percent * per_class_videos / 100),
            "mistaken_for": report["mistaken_for"].get(name, {}),
        }
        for name, percent in report["per_class"].items()
    }
    return [{"method": report["model"], "splits": {report["split"]: {"per_class": per_class}}}]


def main(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    totals = collections.defaultdict(collections.Counter)
    for run in runs_of(report):
        for split, accuracy in run["splits"].items():
            if not is_shape_motion(accuracy):
                continue
            counts = totals[(run["method"], split)]
            for name, one in accuracy["per_class"].items():
                shape, motion = shape_and_motion(name)
                counts["videos"] += one["total"]
                counts["right"] += one["correct"]
                counts["shape"] += one["correct"]
                counts["motion"] += one["correct"]
                kind = "caption_only" if motion in CAPTION_ONLY else "compositional"
                if split == "novel":
                    counts[kind + "_videos"] += one["total"]
                    counts[kind + "_right"] += one["correct"]
                for predicted, n in one["mistaken_for"].items():
                    predicted_shape, predicted_motion = shape_and_motion(predicted)
                    counts["shape"] += n if predicted_shape == shape else 0
                    counts["motion"] += n if predicted_motion == motion else 0
                    counts["reversed"] += n if REVERSED.get(motion) == predicted_motion else 0
    print("| Method | Split | Top-1 % | Shape right % | Motion right % | Taken for its reverse % |")
    print("|---|---|---:|---:|---:|---:|")
    for (method, split), c in totals.items():
        n = c["videos"]
        print(
            f"| {method} | {split} | {100 * c['right'] / n:.1f} | {100 * c['shape'] / n:.1f}"
            f" | {100 * c['motion'] / n:.1f} | {100 * c['reversed'] / n:.1f} |"
        )
    if not any(split == "novel" for _, split in totals):
        return
    print()
    print("| Method | Novel, compositional: top-1 % (videos) | Novel, caption-only: top-1 % (videos) |")
    print("|---|---:|---:|")
    for (method, split), c in totals.items():
        if split == "novel":
            cells = []
            for kind in ("compositional", "caption_only"):
                n = c[kind + "_videos"]
                cells.append(f"{100 * c[kind + '_right'] / n:.1f} ({n})" if n else "-")
            print(f"| {method} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
