"""Regenerates the Pillow reference for ClipPreprocessingPillowTest.

CLIP's transform as OpenAI's clip.load builds it (torchvision on PIL images): Resize(short side to R,
bicubic), CenterCrop(R), ToTensor, Normalize(CLIP mean/std). Written out by hand with Pillow so that
it runs from Debian's python3-pil without torchvision:
    /usr/bin/python3 make_fixture.py      (in this folder)
"""

import json
import random

from PIL import Image

MEAN = (0.48145466, 0.4578275, 0.40821073)
STD = (0.26862954, 0.26130258, 0.27577711)
RESOLUTION = 16


def clip_transform(image, n_px):
    w, h = image.size
    # torchvision Resize(int): the short side becomes n_px, the long side int(n_px * long / short)
    if w <= h:
        size = (n_px, int(n_px * h / w))
    else:
        size = (int(n_px * w / h), n_px)
    image = image.resize(size, Image.BICUBIC)
    w, h = image.size
    # torchvision CenterCrop: top/left rounded as int(round((size - n_px) / 2))
    top = int(round((h - n_px) / 2.0))
    left = int(round((w - n_px) / 2.0))
    image = image.crop((left, top, left + n_px, top + n_px))
    pixels = list(image.getdata())
    return [
        [[(pixels[y * n_px + x][c] / 255.0 - MEAN[c]) / STD[c] for x in range(n_px)] for y in range(n_px)]
        for c in range(3)
    ]


def random_image(width, height, seed):
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height))
    # smooth gradients plus noise, so that the resampling filter's shape matters
    image.putdata([
        (
            min(255, int(255 * x / width) + rng.randint(0, 40)),
            min(255, int(255 * y / height) + rng.randint(0, 40)),
            rng.randint(0, 255),
        )
        for y in range(height)
        for x in range(width)
    ])
    return image


cases = {"landscape.png": (50, 37, 1), "portrait.png": (9, 13, 2), "square.png": (16, 16, 3)}
expected = {"resolution": RESOLUTION, "cases": {}}
for name, (width, height, seed) in cases.items():
    image = random_image(width, height, seed)
    image.save(name)
    expected["cases"][name] = clip_transform(image, RESOLUTION)
with open("expected.json", "w") as out:
    json.dump(expected, out)
