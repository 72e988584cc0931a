"""Synthetic content of realistic shape for the benchmark.

Products come in families of four platform variants (iOS, Android, Windows, macOS) of one
product, the way real privacy statements do: the variants of a family state mostly the same data
items. Each product has 40 to 120 items in 4 to 8 categories, drawn from a shared catalog of up
to 600 items; about a fifth of the items carry a condition, every third family states workloads,
and optional items say how the user controls them. ``content/comparisons.yml`` has one comparison
per family (its variants side by side), with a workload column for families that state
workloads. The catalog holds only items that some product uses, and every product fills or marks
each section, so the content is lint-clean: a build logs no warnings.

The generator is seeded, and each family and product draws from its own seeded generator, so
every run measures the same content and a product's record does not depend on how many products
are generated.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

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
PLATFORMS = ["iOS", "Android", "Windows", "macOS"]
#: Every product's id starts with it.
PRODUCT_PREFIX = "product-"
#: Products per family: the platform variants of one product.
FAMILY_SIZE = len(PLATFORMS)
CATALOG_SIZE = 600
#: The share of a family's items each variant states (the rest are platform-specific gaps).
VARIANT_SHARE = 0.9
HEADER = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"
CONTROL = "The user turns this off in the app settings."


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, width=100, allow_unicode=True)


def family_of(number: int) -> int:
    """The family of product ``number``: four consecutive products are one product's variants."""
    return number // FAMILY_SIZE


def generate(target: Path, products: int, seed: int = 2026) -> None:
    """Write a content tree with ``products`` products into ``target``."""
    (target / "products").mkdir(parents=True, exist_ok=True)
    (target / "catalog").mkdir(parents=True, exist_ok=True)
    categories = {"categories": [{"id": cid, "name": name} for cid, name in CATEGORIES]}
    (target / "categories.yml").write_text(_dump(categories))
    catalog = _catalog(random.Random(seed))
    by_category: dict[str, list[str]] = {}
    for item in catalog:
        by_category.setdefault(str(item["category"]), []).append(str(item["id"]))
    used: set[str] = set()
    records = []
    for number in range(products):
        family = _family(random.Random(f"{seed}-family-{family_of(number)}"), by_category)
        record = _product(random.Random(f"{seed}-product-{number}"), number, family, by_category)
        used.update(_refs(record))
        records.append(record)
        (target / "products" / f"{record['id']}.yml").write_text(
            HEADER.format(kind="product") + _dump(record)
        )
    # The catalog holds what products use: an unused item would be an unused-catalog-item warning.
    (target / "catalog" / "items.yml").write_text(
        HEADER.format(kind="catalog") + _dump({"items": [i for i in catalog if i["id"] in used]})
    )
    (target / "comparisons.yml").write_text(
        "# yaml-language-server: $schema=../schemas/comparisons.schema.json\n"
        + _dump({"comparisons": _comparisons(records)})
    )


def _catalog(rng: random.Random) -> list[dict[str, object]]:
    catalog: list[dict[str, object]] = []
    for index in range(CATALOG_SIZE):
        catalog.append(
            {
                "id": f"item-{index:04d}",
                "name": f"{_sentence(rng, 3)[:-1]} {index}",
                "category": CATEGORIES[index % len(CATEGORIES)][0],
                "classification": rng.choice(CLASSIFICATIONS),
                "description": _sentence(rng, 12),
            }
        )
    return catalog


def _family(rng: random.Random, by_category: dict[str, list[str]]) -> dict[str, Any]:
    """What the variants of one family share: categories, items, workloads and wording."""
    chosen = rng.sample([c for c, _ in CATEGORIES], rng.randint(4, 8))
    per_group = max(1, rng.randint(40, 120) // len(chosen))
    groups = [(c, rng.sample(by_category[c], min(per_group, len(by_category[c])))) for c in chosen]
    in_family = {item for _, ids in groups for item in ids}
    candidates = sorted(set().union(*by_category.values()) - in_family)
    return {
        "name": f"Product {_sentence(rng, 2)[:-1]}",
        "groups": groups,
        "never": rng.sample(candidates, 2),
        "workloads": rng.random() < 1 / 3,
        "summary": _sentence(rng, 10),
        "intro": "\n\n".join(_sentence(rng, 25) for _ in range(3)),
    }


def _refs(record: dict[str, Any]) -> set[str]:
    refs = {item["ref"] for item in record["never_collected"]["items"]}
    for section in ("required", "optional"):
        for group in record[section]["groups"]:
            refs.update(item["ref"] for item in group["items"])
    return refs


def _product(
    rng: random.Random, number: int, family: dict[str, Any], by_category: dict[str, list[str]]
) -> dict[str, Any]:
    platform = PLATFORMS[number % FAMILY_SIZE]
    name = f"{family['name']} {family_of(number)} for {platform}"
    has_workloads = bool(family["workloads"])
    required_groups, optional_groups = [], []
    groups = family["groups"]
    for position, (category, family_ids) in enumerate(groups):
        ids = [i for i in family_ids if rng.random() < VARIANT_SHARE] or family_ids[:1]
        items = []
        for item_id in ids:
            item: dict[str, object] = {"ref": item_id}
            if rng.random() < 0.2:
                item["condition"] = rng.choice(CONDITIONS)
            if rng.random() < 0.3:
                item["description"] = _sentence(rng, 14)
            if has_workloads:
                item["workloads"] = {"mam": rng.choice(["yes", "no"])}
            items.append(item)
        if position == len(groups) - 1:  # the last category is optional diagnostic data
            for item in items:
                item["control"] = CONTROL
            optional_groups.append({"category": category, "kind": "diagnostic", "items": items})
        else:
            required_groups.append({"category": category, "items": items})
    record: dict[str, Any] = {
        "id": f"{PRODUCT_PREFIX}{number:04d}",
        "name": name,
        "family": f"Family {family_of(number)}",
        "platform": platform,
        "summary": family["summary"],
        "metadata": {
            "title": f"Privacy information - {name}",
            "description": _sentence(rng, 10),
            "ms.date": "2026-11-01",
        },
        "intro": family["intro"],
        "required": {"intro": _sentence(rng, 20), "groups": required_groups},
        "optional": {"intro": _sentence(rng, 20), "groups": optional_groups},
        "never_collected": {
            "intro": f"{name} never collects:",
            "items": [{"ref": item_id} for item_id in family["never"]],
        },
        "storage": {
            "services": ["Azure SQL", "Azure storage"],
            "locations": ["United States"],
            "retention": [{"data": "Personal data", "period": "30 days"}],
        },
        "access": {
            "protections": [_sentence(rng, 12), _sentence(rng, 10)],
            "compliance": ["ISO/IEC 27001", "SOC 2 Type 2"],
        },
        "rights": {"intro": _sentence(rng, 20)},
        "links": [{"title": "More on privacy", "url": "https://example.com/privacy"}],
        "empty_sections": {"data-use": "This product uses data only for the purposes above."},
    }
    if number % 2:  # half the products describe how data is used instead
        del record["empty_sections"]
        record["data_use"] = {
            "uses": [
                {"source": "The app", "use": _sentence(rng, 12)},
                {"source": "The service", "use": _sentence(rng, 12)},
            ]
        }
    if has_workloads:
        record["workloads"] = [{"id": "mam", "name": "MAM workload"}]
    return record


def _comparisons(records: list[dict[str, Any]]) -> list[dict[str, object]]:
    """One comparison per family: its variants side by side (and a workload column)."""
    families: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        families.setdefault(str(record["family"]), []).append(record)
    comparisons: list[dict[str, object]] = []
    for family, members in families.items():
        number = family.removeprefix("Family ")
        comparison: dict[str, object] = {
            "id": f"family-{number}",
            "title": f"{family}: every platform compared",
            "description": f"What each platform variant of {family} collects.",
            "products": [str(m["id"]) for m in members],
        }
        first = members[0]
        if first.get("workloads"):
            comparison["workloads"] = [{"product": first["id"], "workload": "mam"}]
        comparisons.append(comparison)
    return comparisons
