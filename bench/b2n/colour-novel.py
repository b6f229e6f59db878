#!/usr/bin/env python3
"""A base-to-novel dataset whose novel classes differ only in colour, built from a synthetic world.

Base classes and their videos are the world's own (shape x motion, colours random). Every novel
test video of the world is relabelled by its object's colour ("red shape moving": "a red shape
moves across the frame or changes."), 7 novel classes. Base training never needs colour; the
teacher knows it from its stills. That is the paper's open-vocabulary setting (novel classes
separated by what frozen CLIP sees and base training does not exercise): does fine-tuning forget
it, does FROSTER keep it? A feasibility check for the fairer benchmark (docs/benchmarks.md).

    python3 bench/b2n/colour-novel.py WORLD_DIR OUTPUT_DIR
    ./froster benchmark b2n --work OUTPUT_PARENT --teacher demo/teacher   # OUTPUT_DIR = OUTPUT_PARENT/world

Video paths are written absolute, so the world folder must stay where it is.
"""
import csv
import os
import sys


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f, delimiter="\t"))
    return table[0], table[1:]


def main(world, output):
    world = os.path.abspath(world)
    class_header, classes = rows(os.path.join(world, "classes.tsv"))
    video_header, videos = rows(os.path.join(world, "videos.tsv"))
    column = {name: i for i, name in enumerate(video_header)}
    if "colour" not in column:
        sys.exit(f"{world}/videos.tsv has no colour column: not a froster synth world")
    base = [c for c in classes if c[3] == "base"]
    base_ids = {c[0] for c in base}
    colours = sorted({v[column["colour"]] for v in videos})
    colour_id = {colour: str(len(base) + i) for i, colour in enumerate(colours)}
    os.makedirs(output, exist_ok=False)
    with open(os.path.join(output, "classes.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(class_header) + "\n")
        for c in base:
            f.write("\t".join(c[:3] + ["base"]) + "\n")
        for colour in colours:
            f.write(f"{colour_id[colour]}\t{colour} shape moving\t"
                    f"a {colour} shape moves across the frame or changes.\tnovel\n")
    with open(os.path.join(output, "videos.tsv"), "w", encoding="utf-8") as f:
        f.write("path\tclass_id\tdomain\tsubset\n")
        for v in videos:
            path = os.path.join(world, v[column["path"]])
            domain, subset = v[column["domain"]], v[column["subset"]]
            if v[column["class_id"]] in base_ids:
                f.write(f"{path}\t{v[column['class_id']]}\t{domain}\t{subset}\n")
            elif subset == "test":
                f.write(f"{path}\t{colour_id[v[column['colour']]]}\t{domain}\ttest\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
