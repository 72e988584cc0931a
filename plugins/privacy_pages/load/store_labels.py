"""Reading what records tell the app stores: a catalog item's store data types (``stores``) and
a product's ``store_labels``, each name checked against the stores' tables (with a "did you
mean" for a typo)."""

from __future__ import annotations

import difflib
from typing import Any

from ..hints import did_you_mean
from ..model import DataItem, ItemLabel, StoreLabels
from ..model.store_tables import COLLECTS_DATA
from ..stores.tables import tables_of
from .builder import DatasetBuilder
from .yaml_source import LocatedMapping, LocatedSequence

#: What the error calls each store's data types.
_TYPE_NAMES = {"google_play": "Google Play data type", "apple": "Apple collected-data type"}


def read_catalog_stores(
    builder: DatasetBuilder, entry: LocatedMapping, path: str
) -> tuple[tuple[str, str], ...]:
    """A catalog item's ``stores``: the known data types it maps to, by store."""
    stores = entry.get("stores")
    if not isinstance(stores, LocatedMapping):
        return ()
    tables = tables_of(builder.dataset)
    found = []
    for store, data_type in stores.items():
        known = tables.data_types(store)
        if data_type in known:
            found.append((store, data_type))
        elif not builder.deferred(
            stores.where(store), "store data type", data_type, f"{path}.stores.{store}"
        ):
            builder.error(
                stores.where(store),
                f"expected a known {_TYPE_NAMES[store]}, found {data_type!r}"
                f"{_guess(data_type, known)}",
                f"{path}.stores.{store}",
            )
    return tuple(found)


#: What every name of a store's data types starts with: a guess compares what follows it.
_PREFIXES = ("NSPrivacyCollectedDataType", "PSL_")


def _bare(name: str) -> str:
    for prefix in _PREFIXES:
        name = name.removeprefix(prefix)
    return name.casefold()


def _guess(found: str, known: tuple[str, ...]) -> str:
    """`` (did you mean 'X'?)`` for the known name closest to ``found``, prefixes aside (so
    that ``EmailAddress`` finds ``NSPrivacyCollectedDataTypeEmailAddress``), or nothing."""
    bare = {_bare(name): name for name in known}
    match = difflib.get_close_matches(_bare(found), list(bare), n=1, cutoff=0.6)
    return f" (did you mean {bare[match[0]]!r}?)" if match else ""


def read_store_labels(
    builder: DatasetBuilder, data: LocatedMapping, items: tuple[DataItem, ...]
) -> StoreLabels | None:
    """A product's ``store_labels``, or None when it has none."""
    section = data.get("store_labels")
    if not isinstance(section, LocatedMapping):
        return None
    defaults = _item_label(builder, section, "store_labels")
    collected = {item.id for item in items}
    answers: dict[str, ItemLabel] = {}
    entries = section.get("items")
    if not isinstance(entries, LocatedMapping):
        entries = LocatedMapping()
    for item_id, entry in entries.items():
        path = f"store_labels.items.{item_id}"
        if item_id not in collected:
            hint = did_you_mean(item_id, sorted(collected))
            builder.error(
                entries.where_key(item_id),
                f"expected the id of an item this product collects, found {item_id!r}{hint}",
                path,
            )
            continue
        answers[item_id] = _item_label(builder, entry, path)
    apple = section.get("apple")
    apple = apple if isinstance(apple, LocatedMapping) else LocatedMapping()
    domains = apple.get("tracking_domains")
    return StoreLabels(
        tuple(section.get("ships_to") or ()),
        defaults,
        answers,
        section.location,
        _play_answers(builder, section.get("google_play")),
        None if domains is None else tuple(domains),
        _accessed_apis(builder, apple.get("accessed_apis")),
    )


def _play_answers(builder: DatasetBuilder, data: Any) -> dict[str, bool | str | tuple[str, ...]]:
    """The answers about the whole app, each checked against the form's questions: a known
    question, and for a question with choices, known response ids (one for a single choice)."""
    if not isinstance(data, LocatedMapping):
        return {}
    table = tables_of(builder.dataset).google_play
    questions = table.general_questions()
    single = {q for q, _, requirement, _ in table.general if requirement == "SINGLE_CHOICE"}
    answers: dict[str, bool | str | tuple[str, ...]] = {}
    for question, value in data.items():
        path = f"store_labels.google_play.{question}"
        if question not in questions:
            found = f"found {question!r}{did_you_mean(question, tuple(questions))}"
            if question == COLLECTS_DATA:
                found = f"found {question!r}, which the export answers from the items"
            builder.error(
                data.where_key(question),
                f"expected a question of the Data safety form about the whole app, {found}",
                path,
            )
            continue
        choices = questions[question]
        if not choices:
            if isinstance(value, list):
                builder.error(
                    data.where(question),
                    "expected true, false or a text (this question has no choices), found a list",
                    path,
                )
                continue
            answers[question] = value
            continue
        chosen = [value] if isinstance(value, (str, bool)) else list(value)
        where = data.where(question)
        wrong = [c for c in chosen if not isinstance(c, str) or c not in choices]
        if wrong:
            index = chosen.index(wrong[0])
            if isinstance(value, LocatedSequence):
                where = value.where(index)
            builder.error(
                where,
                f"expected one of the question's response ids ({', '.join(choices)}), found "
                f"{wrong[0]!r}{did_you_mean(str(wrong[0]), choices)}",
                f"{path}[{index}]" if isinstance(value, LocatedSequence) else path,
            )
            continue
        if question in single and len(chosen) > 1:
            builder.error(
                where, f"expected one response id (a single choice), found {len(chosen)}", path
            )
            continue
        answers[question] = tuple(sorted(str(c) for c in chosen))
    return answers


def _accessed_apis(builder: DatasetBuilder, data: Any) -> dict[str, tuple[str, ...]] | None:
    """The required-reason APIs, each a known category with reasons Apple approves for it;
    None when the product does not say."""
    if not isinstance(data, LocatedMapping):
        return None
    known = tables_of(builder.dataset).apple.accessed_api_types
    apis: dict[str, tuple[str, ...]] = {}
    for category, reasons in data.items():
        path = f"store_labels.apple.accessed_apis.{category}"
        if category not in known:
            builder.error(
                data.where_key(category),
                f"expected a category of required-reason API, found {category!r}"
                f"{did_you_mean(category, tuple(known))}",
                path,
            )
            continue
        allowed = known[category]
        for index, reason in enumerate(reasons):
            if reason not in allowed:
                builder.error(
                    reasons.where(index),
                    f"expected a reason Apple approves for {category} ({', '.join(allowed)}), "
                    f"found {reason!r}",
                    f"{path}[{index}]",
                )
        apis[category] = tuple(r for r in reasons if r in allowed)
    return apis


def _item_label(builder: DatasetBuilder, data: Any, path: str) -> ItemLabel:
    if not isinstance(data, LocatedMapping):
        return ItemLabel()
    shared_purposes = _purposes(builder, data, "shared_purposes", path)
    if shared_purposes and data.get("shared") is False:
        builder.error(
            data.where("shared"),
            "expected shared: true (or no shared) with shared_purposes, found shared: false; "
            "remove one of them",
            f"{path}.shared",
        )
    return ItemLabel(
        _purposes(builder, data, "purposes", path),
        data.get("linked"),
        data.get("tracking"),
        # Giving the purposes of sharing says that the data is shared.
        data.get("shared", True if shared_purposes else None),
        data.get("ephemeral"),
        shared_purposes,
    )


def _purposes(
    builder: DatasetBuilder, data: LocatedMapping, key: str, path: str
) -> tuple[str, ...] | None:
    """The known purpose ids under ``key``, each unknown one reported; None: not given."""
    purposes = data.get(key)
    if purposes is None:
        return None
    known = tables_of(builder.dataset).purposes
    for index, purpose in enumerate(purposes):
        if purpose not in known:
            builder.unknown(
                purposes.where(index), "purpose", purpose, known, f"{path}.{key}[{index}]"
            )
    return tuple(p for p in purposes if p in known)
