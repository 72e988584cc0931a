"""Synthetic content of realistic shape for the benchmark.

Products have 40 to 120 items in 4 to 8 categories, drawn from a shared catalog; about a fifth of the
items carry a condition, a third of the products state workloads, and a few comparisons are
configured. The generator is seeded, so every run measures the same content.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

CATEGORIES = [
    ("device-account", "Device and account information"),
    ("web-network", "Web page and network information"),
    ("product-usage", "Product and service usage data"),
    ("app-information", "App information"),
    ("threat-detection", "Threat detection information"),
    ("hardware-inventory", "Hardware inventory information"),
    ("admin-information", "Admin and account information"),
    ("support-information", "Support information"),
]
WORDS = [
    "device",
    "identifier",
    "tenant",
    "user",
    "account",
    "address",
    "version",
    "status",
    "name",
    "model",
    "network",
    "app",
    "package",
    "crash",
    "log",
    "memory",
    "usage",
    "feedback",
    "email",
    "session",
    "token",
    "policy",
    "compliance",
    "inventory",
    "serial",
    "hardware",
    "storage",
    "location",
    "region",
    "language",
    "timezone",
    "browser",
    "domain",
    "certificate",
]
CONDITIONS = [
    "only when a malicious connection is detected",
    "if the user chooses to provide it",
    "when the device is enrolled",
    "if the device is corporate-owned",
]
CLASSIFICATIONS = ["personal", "pseudonymized", "customer", "service-generated", "diagnostic"]
CATALOG_SIZE = 600
HEADER = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate(target: Path, products: int, seed: int = 2026) -> None:
    """Write a content tree with ``products`` products into ``target``."""
    rng = random.Random(seed)
    (target / "products").mkdir(parents=True, exist_ok=True)
    (target / "catalog").mkdir(parents=True, exist_ok=True)
    categories = {"categories": [{"id": cid, "name": name} for cid, name in CATEGORIES]}
    (target / "categories.yml").write_text(yaml.safe_dump(categories, sort_keys=False))
    catalog = []
    for index in range(CATALOG_SIZE):
        category = CATEGORIES[index % len(CATEGORIES)][0]
        catalog.append(
            {
                "id": f"item-{index:04d}",
                "name": f"{_sentence(rng, 3)[:-1]} {index}",
                "category": category,
                "classification": rng.choice(CLASSIFICATIONS),
                "description": _sentence(rng, 12),
            }
        )
    (target / "catalog" / "items.yml").write_text(
        HEADER.format(kind="catalog") + yaml.safe_dump({"items": catalog}, sort_keys=False)
    )
    by_category: dict[str, list[str]] = {}
    for item in catalog:
        by_category.setdefault(str(item["category"]), []).append(str(item["id"]))
    for number in range(products):
        record = _product(rng, number, by_category)
        (target / "products" / f"{record['id']}.yml").write_text(
            HEADER.format(kind="product") + yaml.safe_dump(record, sort_keys=False, width=100)
        )


def _product(
    rng: random.Random, number: int, by_category: dict[str, list[str]]
) -> dict[str, object]:
    product_id = f"product-{number:04d}"
    workloads = [{"id": "mam", "name": "MAM workload"}] if number % 3 == 0 else []
    chosen = rng.sample([c for c, _ in CATEGORIES], rng.randint(4, 8))
    total = rng.randint(40, 120)
    per_group = max(1, total // len(chosen))
    required_groups, optional_groups = [], []
    for position, category in enumerate(chosen):
        ids = rng.sample(by_category[category], min(per_group, len(by_category[category])))
        items = []
        for item_id in ids:
            item: dict[str, object] = {"ref": item_id}
            if rng.random() < 0.2:
                item["condition"] = rng.choice(CONDITIONS)
            if rng.random() < 0.3:
                item["description"] = _sentence(rng, 14)
            if workloads:
                item["workloads"] = {"mam": rng.choice(["yes", "no"])}
            items.append(item)
        optional = position == len(chosen) - 1
        if optional:
            for item in items:
                item["control"] = "The user turns this off in the app settings."
            optional_groups.append({"category": category, "kind": "diagnostic", "items": items})
        else:
            required_groups.append({"category": category, "items": items})
    record: dict[str, object] = {
        "id": product_id,
        "name": f"Product {number} for {rng.choice(['iOS', 'Android', 'Windows', 'macOS'])}",
        "family": f"Family {number % 25}",
        "platform": rng.choice(["iOS", "Android", "Windows", "macOS"]),
        "summary": _sentence(rng, 10),
        "metadata": {
            "title": f"Privacy information - Product {number}",
            "description": _sentence(rng, 10),
            "ms.date": "2026-11-01",
        },
        "intro": "\n\n".join(_sentence(rng, 25) for _ in range(3)),
        "required": {"intro": _sentence(rng, 20), "groups": required_groups},
        "optional": {"intro": _sentence(rng, 20), "groups": optional_groups},
        "storage": {
            "services": ["Azure SQL", "Azure storage"],
            "locations": ["United States"],
            "retention": [{"data": "Personal data", "period": "30 days"}],
        },
        "links": [{"title": "More on privacy", "url": "https://example.com/privacy"}],
    }
    if workloads:
        record["workloads"] = workloads
    return record
