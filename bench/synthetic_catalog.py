"""Write a synthetic but valid catalog of N tools, for scale benchmarks and the 1,000-row table test.

Usage: python bench/synthetic_catalog.py N DEST [--one-category ID]
The taxonomy, glossary, learning path, comparisons, stacks and stores are copied from the real catalog;
tools are generated deterministically (seeded) with varied licences, offerings, statuses, reach and answers.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LICENSES = ["Apache-2.0", "MIT", "BSD-3-Clause", "Proprietary", "BUSL-1.1", "AGPL-3.0-only", "Elastic-2.0"]
OFFERINGS = [["library"], ["self-hosted"], ["managed"], ["library", "self-hosted"], ["self-hosted", "managed"]]
WORDS = ["data", "model", "pipeline", "feature", "drift", "metric", "vector", "prompt", "trace", "serve", "train", "label", "version", "schedule", "monitor", "registry", "notebook", "cluster", "batch", "stream", "query", "index"]


def generate(n: int, dest: Path, one_category: str | None = None, seed: int = 42) -> Path:
    rng = random.Random(seed)
    real = ROOT / "catalog"
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "tools").mkdir(parents=True)
    for name in ("categories.yaml", "glossary.yaml", "learning-path.yaml", "comparisons.yaml", "stacks.yaml", "stores.yaml"):
        shutil.copyfile(real / name, dest / name)
    # Referenced tools (learning path, comparisons, stacks) must exist: keep the real entries, then add synthetic ones.
    for path in sorted((real / "tools").glob("*.yaml")):
        shutil.copyfile(path, dest / "tools" / path.name)
    taxonomy = yaml.safe_load((real / "categories.yaml").read_text(encoding="utf-8"))
    criteria = {c["id"]: [k["id"] for k in c["criteria"]] for c in taxonomy["categories"]}
    categories = list(criteria)
    existing = len(list((dest / "tools").glob("*.yaml")))
    ids = [f"synthetic-{i:05d}" for i in range(max(n - existing, 0))]
    for i, tool_id in enumerate(ids):
        home = one_category or rng.choice(categories)
        reach = rng.sample([c for c in categories if c != home], k=rng.choice([0, 0, 1, 1, 2, 3]))
        licence = rng.choice(LICENSES)
        status = rng.choices(["active", "maintenance", "archived", "acquired"], weights=[80, 8, 6, 6])[0]
        words = " ".join(rng.choice(WORDS) for _ in range(6))
        entry = {
            "id": tool_id, "name": f"Synthetic {i:05d}",
            "summary": f"Generated tool {i} for benchmarks: {words}.",
            "description": f"A generated entry used to measure the build at scale. It talks about {words}.",
            "homepage": f"https://synthetic-{i:05d}.example.org/",
            "repository": f"https://github.com/synthetic/tool-{i:05d}",
            "license_source": f"https://github.com/synthetic/tool-{i:05d}/blob/v1.0.0/LICENSE",
            "license": licence, "offering": rng.choice(OFFERINGS),
            "pricing": "paid" if licence == "Proprietary" else rng.choice(["free", "open-core", "free-tier"]),
            "maintainer": f"Synthetic maintainer {i % 97}", "status": status,
            "categories": [home, *reach],
            "criteria": {home: {k: {"value": v, "source": f"https://synthetic-{i:05d}.example.org/docs/{k}",
                                    **({"note": "Only part of it."} if v == "partial" else {})}
                                for k in criteria[home]
                                for v in [rng.choice(["yes", "no", "partial"])]}},
            "differs_from": [{"tool": ids[(i + 1) % len(ids)], "how": "A neighbour in the generated list."}] if len(ids) > 1 else [],
            "fit": rng.sample(["solo", "reasonable-scale", "enterprise"], k=rng.choice([1, 2, 3])),
            "requires": rng.sample(["python", "docker", "kubernetes", "gpu"], k=rng.choice([0, 1, 2])),
            "sources": [f"https://synthetic-{i:05d}.example.org/"],
            "reviewed": "2026-11-01",
        }
        if status != "active":
            entry["status_note"] = "Generated status."
            entry["status_evidence"] = {"source": f"https://synthetic-{i:05d}.example.org/news", "date": "2026-01-01"}
        if status == "acquired":
            entry["acquired_by"] = "Synthetic Corp"
        (dest / "tools" / f"{tool_id}.yaml").write_text(yaml.safe_dump(entry, sort_keys=False), encoding="utf-8")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--one-category", help="put every synthetic tool in this home category (a 1,000-row table)")
    args = parser.parse_args()
    generate(args.n, args.dest, args.one_category)


if __name__ == "__main__":
    main()
