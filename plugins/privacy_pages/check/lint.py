"""Lint rules: named checks for content that is valid but probably not what the writer meant.

Each rule is a small function with a stable id (``stale-date``), a one-line summary, a default
severity, and the text the writer's guide shows for it (what it catches, how to fix it). A site
sets any rule's severity, or turns it off, with the ``lint`` option of the plugin in
``mkdocs.yml`` (or ``[tool.privacy-pages.lint]`` in ``pyproject.toml``)::

    lint:
      unused-catalog-item: info
      stale-date: {severity: warning, max_age_days: 730}
      insecure-link: off

Rules run after the content has loaded, on the :class:`~privacy_pages.model.Dataset` and the
located YAML data kept in ``Dataset.records``, so every finding names a file, line and column.
Rules whose problems are found while reading files (``mojibake``) have no check here; their
entry sets the severity of what the loader reports, for files that still loaded. A file the
loader refused keeps its error, so that a page cannot disappear behind a warning.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from ..diagnostics import Diagnostic, Diagnostics, Location, Severity
from ..load.links import markdown_links, url_problem
from ..load.schema import key_path
from ..load.yaml_source import LocatedMapping, LocatedSequence
from ..model import SECTIONS, DataItem, Dataset, Product
from ..model.sections import section_has_content

#: What a site may write as a rule's severity. ``off`` turns the rule off.
SEVERITY_NAMES = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Finding:
    """One problem a rule found: where, what, and the key path of the offending value."""

    location: Location
    message: str
    key_path: str = ""


@dataclass(frozen=True)
class LintContext:
    """What a rule's check sees: the content, the date to judge ages by, and its options."""

    dataset: Dataset
    today: date
    options: Mapping[str, Any]
    #: False when the content has errors, so that some records did not load: rules that
    #: reason about the whole content (is this item used anywhere?) stay quiet then.
    complete: bool = True
    #: Key paths and text values of the records, shared by the rules of one run.
    lookups: RecordLookups | None = None

    def __post_init__(self) -> None:
        if self.lookups is None:
            object.__setattr__(self, "lookups", RecordLookups(self.dataset))

    @property
    def _lookups(self) -> RecordLookups:
        assert self.lookups is not None  # set by __post_init__
        return self.lookups

    def record(self, location: Location) -> Any:
        """The located data of the file a location points into."""
        return self.dataset.records.get(location.path)

    def path_to(self, location: Location) -> str:
        """The key path of the mapping that starts at ``location`` (``items[2]``), or ``""``."""
        return self._lookups.paths.get(location, "")

    def texts(self) -> list[TextValue]:
        """Every text value in the records: (key path, text, where it starts)."""
        return self._lookups.texts


#: A text value of the records: its key path, the text, and where it starts.
TextValue = tuple[tuple[str | int, ...], str, Location]


class RecordLookups:
    """What rules look up in the located records, worked out on first use and shared by every
    rule of a run: a clean build never needs a key path, and the rules that read text walk the
    records once between them."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @cached_property
    def paths(self) -> dict[Location, str]:
        """The key path of every located mapping in the records, by where it starts."""
        return mapping_paths(self.dataset)

    @cached_property
    def texts(self) -> list[TextValue]:
        found: list[TextValue] = []
        for data in self.dataset.records.values():
            _collect_texts(data, (), found)
        return found


def _collect_texts(data: Any, path: tuple[str | int, ...], found: list[TextValue]) -> None:
    """The text values in located data, depth first, as :func:`_walk` visits them (a plain
    recursion: a chain of generators costs a step per level for every value)."""
    entries: Iterable[tuple[str | int, Any, Location]]
    if isinstance(data, LocatedMapping):
        entries = ((key, value, data.where(key)) for key, value in data.items())
    elif isinstance(data, LocatedSequence):
        entries = ((index, value, data.where(index)) for index, value in enumerate(data))
    else:
        return
    for step, value, location in entries:
        if isinstance(value, str):
            found.append(((*path, step), value, location))
        else:
            _collect_texts(value, (*path, step), found)


Check = Callable[[LintContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A named lint rule."""

    id: str
    #: One line: what the rule reports.
    summary: str
    default_severity: Severity | None
    #: The check, or ``None`` for a rule whose problems the loader reports (e.g. ``mojibake``).
    check: Check | None
    #: For the writer's guide: what the rule catches, and why it matters (Markdown).
    catches: str
    #: For the writer's guide: how to fix it (Markdown).
    fix: str
    #: The rule's options and their defaults; a site may override them in the ``lint`` option.
    options: Mapping[str, Any] = field(default_factory=dict)


# -- helpers ------------------------------------------------------------------------------------


def mapping_paths(dataset: Dataset) -> dict[Location, str]:
    """Every located mapping in every record, by where it starts, with its key path."""
    paths: dict[Location, str] = {}
    for data in dataset.records.values():
        for path, value, _ in _walk(data, ()):
            if isinstance(value, LocatedMapping):
                paths.setdefault(value.location, key_path(path))
    return paths


def _walk(
    data: Any, path: tuple[str | int, ...], location: Location | None = None
) -> Iterator[tuple[tuple[str | int, ...], Any, Location | None]]:
    """Every value in located data, depth first: (key path, value, where the value starts)."""
    yield path, data, location
    if isinstance(data, LocatedMapping):
        for key, value in data.items():
            yield from _walk(value, (*path, key), data.where(key))
    elif isinstance(data, LocatedSequence):
        for index, value in enumerate(data):
            yield from _walk(value, (*path, index), data.where(index))


def _product_key(context: LintContext, product: Product, key: str) -> Location:
    """Where a top-level key of a product's record starts, or the record itself."""
    record = context.record(product.source)
    if isinstance(record, LocatedMapping) and key in record:
        return record.where_key(key)
    return product.source


def _all_items(product: Product) -> tuple[DataItem, ...]:
    never = product.never_collected.items if product.never_collected else ()
    return product.items + never


# -- the rules ----------------------------------------------------------------------------------


def optional_item_without_control(context: LintContext) -> Iterator[Finding]:
    for product in context.dataset.products.values():
        for item in product.optional.items:
            if item.control is None:
                yield Finding(
                    item.source,
                    f"optional item {item.id!r} does not say how the user or admin controls it; "
                    "add a control: line (for example 'Users can turn this off in Settings')",
                    context.path_to(item.source),
                )


def product_without_retention(context: LintContext) -> Iterator[Finding]:
    for product in context.dataset.products.values():
        storage = product.storage
        if storage.retention or storage.retention_note:
            continue
        if "storage-and-retention" in product.empty_sections:
            continue
        yield Finding(
            _product_key(context, product, "storage"),
            f"product {product.id!r} does not say how long data is kept; add storage.retention "
            "(or storage.retention_note), or explain under empty_sections: storage-and-retention",
            "storage.retention",
        )


def unused_catalog_item(context: LintContext) -> Iterator[Finding]:
    if not context.complete:
        return
    used = {
        item.id
        for product in context.dataset.products.values()
        for item in _all_items(product)
        if item.catalog
    }
    for item in context.dataset.catalog.values():
        if item.id not in used:
            yield Finding(
                item.source,
                f"catalog item {item.id!r} is not used by any product; refer to it with "
                f"'ref: {item.id}' in a product, or remove it",
                context.path_to(item.source),
            )


_NOT_WORD = re.compile(r"[^\w]+")


def comparable_name(name: str) -> str:
    """A name reduced for comparison: case, accents, punctuation and spacing removed."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", plain.casefold()).replace("_", " ").strip()


def duplicate_catalog_item(context: LintContext) -> Iterator[Finding]:
    threshold = float(context.options["similarity"])
    names: list[tuple[str, str, str]] = []  # (comparable name, catalog id, name as written)
    for catalog_item in context.dataset.catalog.values():
        for name in (catalog_item.name, *catalog_item.aliases):
            names.append((comparable_name(name), catalog_item.id, name))
    for product in context.dataset.products.values():
        for item in _all_items(product):
            if item.catalog:
                continue
            mine = comparable_name(item.name)
            best: tuple[float, str, str] | None = None
            for theirs, catalog_id, written in names:
                ratio = difflib.SequenceMatcher(None, mine, theirs).ratio()
                if ratio >= threshold and (best is None or ratio > best[0]):
                    best = (ratio, catalog_id, written)
            if best is not None:
                _, catalog_id, written = best
                yield Finding(
                    item.source,
                    f"item {item.id!r} ({item.name!r}) looks like catalog item {catalog_id!r} "
                    f"({written!r}); write 'ref: {catalog_id}' instead of 'id: {item.id}' so that "
                    "comparisons line the two up",
                    context.path_to(item.source),
                )


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def stale_date(context: LintContext) -> Iterator[Finding]:
    key = str(context.options["key"])
    max_age = int(context.options["max_age_days"])
    for product in context.dataset.products.values():
        value = product.metadata.get(key)
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            continue  # missing or malformed dates are the metadata rules' business
        try:
            written = date.fromisoformat(value)
        except ValueError:
            continue
        age = (context.today - written).days
        if age <= max_age:
            continue
        record = context.record(product.source)
        metadata = record.get("metadata") if isinstance(record, LocatedMapping) else None
        location = metadata.where(key) if isinstance(metadata, LocatedMapping) else product.source
        yield Finding(
            location,
            f"{key} is {value}, {age} days ago (more than {max_age}); review the statement "
            f"and set {key} to the date you reviewed it",
            f"metadata.{key}",
        )


def insecure_link(context: LintContext) -> Iterator[Finding]:
    allowed = {str(s).lower() for s in context.options["allowed_schemes"]}
    for path, value, location in context.texts():
        if ":" not in value:  # a link with a scheme has one; relative links are allowed
            continue
        targets = [value] if path and path[-1] == "url" else markdown_links(value)
        for url in targets:
            if url_problem(url) is not None:
                continue  # refused outright by the loader (rule unsafe-link)
            scheme = urlsplit(url.strip()).scheme.lower()
            if scheme and scheme not in allowed:
                yield Finding(
                    location,
                    f"link {url!r} is neither https:// nor relative; use https:// "
                    "(or a path relative to this site)",
                    key_path(path),
                )


def placeholder_text(context: LintContext) -> Iterator[Finding]:
    words = [re.escape(str(word)) for word in context.options["words"]]
    if not words:
        return
    pattern = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(words) + r")(?![A-Za-z0-9])")
    for path, value, location in context.texts():
        match = pattern.search(value)
        if match:
            yield Finding(
                location,
                f"placeholder {match.group(1)!r} left in the text; write the real text "
                "(or remove the field)",
                key_path(path),
            )


def unmarked_empty_section(context: LintContext) -> Iterator[Finding]:
    for product in context.dataset.products.values():
        for section_id, heading in SECTIONS:
            if section_id == "overview" or section_id in product.empty_sections:
                continue
            if section_has_content(product, section_id):
                continue
            yield Finding(
                _product_key(context, product, "empty_sections"),
                f"section {section_id!r} ({heading}) of {product.id!r} is empty; fill it in, or "
                f"say why under empty_sections: {section_id}: 'This product ...'",
                f"empty_sections.{section_id}",
            )


RULES: tuple[Rule, ...] = (
    Rule(
        id="optional-item-without-control",
        summary="An optional data item does not say how the user or admin controls it.",
        default_severity=Severity.WARNING,
        check=optional_item_without_control,
        catches="Optional data is optional because someone can turn it off. An item under "
        "`optional:` without a `control:` leaves the reader guessing who decides and where.",
        fix="Add `control:` to the item, saying who controls collection and how, for example "
        "`control: Users choose whether to send feedback.`",
    ),
    Rule(
        id="product-without-retention",
        summary="A product does not say how long it keeps data.",
        default_severity=Severity.WARNING,
        check=product_without_retention,
        catches="A product with neither `storage.retention` nor `storage.retention_note`. How "
        "long data is kept is one of the first questions a privacy reviewer asks.",
        fix="Add `storage.retention` (one entry per kind of data, with `data` and `period`), or "
        "a `storage.retention_note`. If the statement really says nothing about storage, say so "
        "under `empty_sections: storage-and-retention:`.",
    ),
    Rule(
        id="unused-catalog-item",
        summary="A catalog item is not used by any product.",
        default_severity=Severity.WARNING,
        check=unused_catalog_item,
        catches="An item in `content/catalog/` that no product refers to with `ref:`. It is "
        "often a leftover, or a sign that a product defines the same item under another id. "
        "(This rule stays quiet while the content has errors.)",
        fix="Refer to the item from the products that collect it (`- ref: ITEM-ID`), or remove "
        "it from the catalog.",
    ),
    Rule(
        id="duplicate-catalog-item",
        summary="A product item has almost the same name as a catalog item under another id.",
        default_severity=Severity.WARNING,
        check=duplicate_catalog_item,
        catches="A product item defined with `id:` and `name:` whose name is nearly identical "
        "(case, punctuation and spacing aside) to the name or an alias of a catalog item. "
        "Comparisons then show the two as different data.",
        fix="Replace `id: ...` and `name: ...` with `ref: CATALOG-ID`; keep `name:` only if "
        "this product words the item differently. If they really are different, rename one "
        "of them, or lower the rule's `similarity` option.",
        options={"similarity": 0.9},
    ),
    Rule(
        id="mojibake",
        summary="Text shows encoding damage, such as 'itâ€™s' for 'it\u2019s'.",
        default_severity=Severity.ERROR,
        check=None,
        catches="Characters that were saved in one encoding and read in another: `â€™` "
        "instead of `\u2019`, `Ã©` instead of `é`, replacement characters (`�`). Pages copied "
        "from old documents often carry them.",
        fix="Retype the damaged characters (the message names the intended ones), and make "
        "sure your editor saves files as UTF-8. A file with damaged text is not loaded, so "
        "the finding stays an error whatever severity the site sets: a page never disappears "
        "quietly.",
    ),
    Rule(
        id="stale-date",
        summary="A product's review date is older than the configured age (365 days).",
        default_severity=Severity.WARNING,
        check=stale_date,
        catches="A product whose date in `metadata` (the `key` option, `ms.date` by default) "
        "is more than `max_age_days` (365 by default) before today. Statements need a regular "
        "review.",
        fix="Review the statement against the product, update what changed, and set the date "
        "to the day of the review, for example `ms.date: 2026-01-31`.",
        options={"key": "ms.date", "max_age_days": 365},
    ),
    Rule(
        id="insecure-link",
        summary="A link is neither https:// nor relative.",
        default_severity=Severity.WARNING,
        check=insecure_link,
        catches="A `url:` or a Markdown link `[text](target)` that uses `http://` or another "
        "scheme not in the `allowed_schemes` option (https and mailto by default). "
        "(`javascript:` and `data:` links are errors, rule `unsafe-link`.)",
        fix="Use the `https://` address, or a path relative to this site such as "
        "`../guides/setup.md`.",
        options={"allowed_schemes": ("https", "mailto")},
    ),
    Rule(
        id="placeholder-text",
        summary="Text still holds a placeholder such as TODO.",
        default_severity=Severity.WARNING,
        check=placeholder_text,
        catches="A value that contains one of the `words` option's placeholders (`TODO`, "
        "`TBD` and `FIXME` by default, in capitals). Records made with `privacy-pages new` "
        "have a TODO wherever the writer has to fill something in.",
        fix="Replace the placeholder with the real text, or delete the field if it does not "
        "apply to this product.",
        options={"words": ("TODO", "TBD", "FIXME")},
    ),
    Rule(
        id="unmarked-empty-section",
        summary="A page section is empty and not marked as intentionally empty.",
        default_severity=Severity.WARNING,
        check=unmarked_empty_section,
        catches="A section of the product page (for example Your rights) that the record "
        "says nothing about. The page then shows a generic 'This privacy statement does not "
        "...' sentence, which may not be what the product's statement means.",
        fix="Fill in the section's fields, or mark it empty on purpose under `empty_sections:`, "
        "with the sentence the page should show instead, for example `your-rights: Rights "
        "requests go through your administrator.`",
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


# -- configuration ------------------------------------------------------------------------------


class LintConfigError(ValueError):
    """A problem in the ``lint`` option."""


@dataclass(frozen=True)
class RuleSetting:
    severity: Severity | None
    options: Mapping[str, Any]


@dataclass(frozen=True)
class LintConfig:
    """Severities and options a site sets; rules it does not mention keep their defaults."""

    overrides: Mapping[str, RuleSetting] = field(default_factory=dict)

    def severity(self, rule: Rule) -> Severity | None:
        setting = self.overrides.get(rule.id)
        return setting.severity if setting is not None else rule.default_severity

    def options(self, rule: Rule) -> dict[str, Any]:
        setting = self.overrides.get(rule.id)
        return {**rule.options, **(setting.options if setting is not None else {})}


def _did_you_mean(found: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(found, list(known), n=1, cutoff=0.6)
    return f" (did you mean {guess[0]!r}?)" if guess else ""


def _severity(value: Any, where: str) -> Severity | None:
    if value is False:  # YAML 1.1 reads a bare `off` as false
        return None
    text = str(value).lower() if isinstance(value, str) else None
    if text == "off":
        return None
    if text in {"error", "warning", "info"}:
        return Severity(text)
    raise LintConfigError(
        f"{where}: expected one of {', '.join(SEVERITY_NAMES)}, found {value!r}"
        + (_did_you_mean(text, SEVERITY_NAMES) if text else "")
    )


def _option(rule: Rule, name: str, value: Any, where: str) -> Any:
    default = rule.options[name]
    if isinstance(default, bool):
        ok, wanted = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, wanted = isinstance(value, int) and not isinstance(value, bool), "a whole number"
        ok = ok and value >= 0
    elif isinstance(default, float):
        ok, wanted = isinstance(value, (int, float)) and not isinstance(value, bool), "a number"
    elif isinstance(default, tuple):
        ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
        wanted = "a list of text"
        value = tuple(value) if ok else value
    else:
        ok, wanted = isinstance(value, str) and bool(value), "text"
    if not ok:
        raise LintConfigError(f"{where}: expected {wanted}, found {value!r}")
    return value


def lint_config(options: Mapping[str, Any] | None) -> LintConfig:
    """Read the ``lint`` option: rule id → severity, or → {severity: ..., OPTION: value}."""
    if not options:
        return LintConfig()
    if not isinstance(options, Mapping):
        raise LintConfigError(f"lint: expected a mapping of rule ids, found {options!r}")
    overrides: dict[str, RuleSetting] = {}
    for rule_id, value in options.items():
        rule = RULES_BY_ID.get(str(rule_id))
        if rule is None:
            raise LintConfigError(
                f"lint: unknown rule {rule_id!r}{_did_you_mean(str(rule_id), RULES_BY_ID)}; "
                f"known rules: {', '.join(RULES_BY_ID)}"
            )
        where = f"lint.{rule_id}"
        if not isinstance(value, Mapping):
            overrides[rule.id] = RuleSetting(_severity(value, where), {})
            continue
        severity = rule.default_severity
        chosen: dict[str, Any] = {}
        for name, option in value.items():
            if name == "severity":
                severity = _severity(option, f"{where}.severity")
            elif name in rule.options:
                chosen[name] = _option(rule, name, option, f"{where}.{name}")
            else:
                known = ["severity", *rule.options]
                raise LintConfigError(
                    f"{where}: unknown option {name!r}{_did_you_mean(str(name), known)}; "
                    f"expected one of: {', '.join(known)}"
                )
        overrides[rule.id] = RuleSetting(severity, chosen)
    return LintConfig(overrides)


# -- running ------------------------------------------------------------------------------------


def run_rules(
    dataset: Dataset,
    config: LintConfig | None = None,
    *,
    today: date,
    complete: bool = True,
    rules: Iterable[Rule] = RULES,
) -> list[Diagnostic]:
    """Run every enabled rule on the dataset; one diagnostic per finding."""
    config = config or LintConfig()
    found: list[Diagnostic] = []
    lookups = RecordLookups(dataset)
    for rule in rules:
        severity = config.severity(rule)
        if severity is None or rule.check is None:
            continue
        context = LintContext(dataset, today, config.options(rule), complete, lookups)
        for finding in rule.check(context):
            found.append(
                Diagnostic(finding.location, finding.message, rule.id, severity, finding.key_path)
            )
    return found


def lint_content(
    dataset: Dataset, problems: Diagnostics, config: LintConfig | None, *, today: date
) -> Diagnostics:
    """The loader's problems, with lint severities applied, plus every lint finding."""
    config = config or LintConfig()
    result = configure_severities(dataset, problems, config)
    complete = not problems.errors
    result.extend(run_rules(dataset, config, today=today, complete=complete))
    return result


def configure_severities(
    dataset: Dataset, problems: Diagnostics, config: LintConfig | None
) -> Diagnostics:
    """The loader's problems with the configured severities of lint rules applied (a rule
    turned off drops its problems)."""
    config = config or LintConfig()
    result = Diagnostics()
    for problem in problems.items:
        rule = RULES_BY_ID.get(problem.rule)
        if rule is None or problem.location.path not in dataset.records:
            # Not a lint rule, or its file did not load: a page must not vanish quietly, so
            # the loader's severity stands.
            result.add(problem)
            continue
        severity = config.severity(rule)
        if severity is not None:
            result.add(dataclasses.replace(problem, severity=severity))
    return result
