#!/usr/bin/env python3
"""imagefolder_order.py ROOT — print torchvision's ImageFolder sample list for ROOT
(one "label<TAB>path" line per sample, then "classes<TAB>a,b,..."), with the logic of
torchvision.datasets.folder.find_classes and make_dataset (torchvision 0.14), written
out with the standard library so the test needs no torchvision: classes are
sorted(entry.name for entry in os.scandir(root) if entry.is_dir()); for each class,
for root, _, fnames in sorted(os.walk(class_dir, followlinks=True)): for fname in
sorted(fnames): kept when its lower-cased name ends in an IMG_EXTENSIONS entry."""
import os
import sys

IMG_EXTENSIONS = (".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp")


def find_classes(directory):
    classes = sorted(entry.name for entry in os.scandir(directory) if entry.is_dir())
    if not classes:
        raise FileNotFoundError(f"Couldn't find any class folder in {directory}.")
    return classes, {name: i for i, name in enumerate(classes)}


def make_dataset(directory, class_to_idx):
    instances = []
    for target_class in sorted(class_to_idx.keys()):
        class_index = class_to_idx[target_class]
        target_dir = os.path.join(directory, target_class)
        if not os.path.isdir(target_dir):
            continue
        for root, _, fnames in sorted(os.walk(target_dir, followlinks=True)):
            for fname in sorted(fnames):
                path = os.path.join(root, fname)
                if path.lower().endswith(IMG_EXTENSIONS):
                    instances.append((path, class_index))
    return instances


def main():
    root = sys.argv[1]
    classes, idx = find_classes(root)
    for path, label in make_dataset(root, idx):
        print(f"{label}\t{path}")
    print("classes\t" + ",".join(classes))


if __name__ == "__main__":
    main()
