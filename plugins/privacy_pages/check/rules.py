"""The lint rules: named checks for content that is valid but probably not what the writer
meant. Each is a small function with a stable id (``stale-date``), a one-line summary, a default
severity, and the text the writer's guide shows for it (what it catches, how to fix it).

Rules whose problems are found while reading files (``mojibake``) have no check here; their
entry sets the severity of what the loader reports, for files that still loaded."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

from ..diagnostics import Location, Severity
from ..load.links import markdown_links, url_problem
from ..load.schema import key_path
from ..load.yaml_source import LocatedMapping
from ..model import SECTIONS, DataItem, Product
from ..model.sections import SECTIONS_SHOWN_WITH_CONTENT, section_has_content, undecided
from .gdpr import GDPR_RULES
from .rule import Finding, LintContext, Rule, text_location, text_path


def _product_key(context: LintContext, product: Product, key: str) -> Location:
    """Where a top-level key of a product's record starts, or the record itself."""
    record = context.record(product.source)
    if isinstance(record, LocatedMapping) and key in record:
        return record.where_key(key)
    return product.source


def _all_items(product: Product) -> tuple[DataItem, ...]:
    never = product.never_collected.items if product.never_collected else ()
    return product.items + never


def optional_item_without_control(context: LintContext) -> Iterator[Finding]:
    for product in context.products():
        for item in product.optional.items:
            if item.control is None and not item.control_not_stated:
                yield Finding(
                    item.source,
                    f"optional item {item.id!r} does not say how the user or admin controls it; "
                    "add a control: line (for example 'Users can turn this off in Settings'), or "
                    "'control: not-stated' if the statement does not say",
                    context.path_to(item.source),
                )


def product_without_retention(context: LintContext) -> Iterator[Finding]:
    for product in context.products():
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
    names = context.shared.get("catalog names")
    if names is None:  # once per run: a build checks each product on its own
        names = context.shared["catalog names"] = [
            (comparable_name(name), catalog_item.id, name)  # comparable, id, as written
            for catalog_item in context.dataset.catalog.values()
            for name in (catalog_item.name, *catalog_item.aliases)
        ]
    for product in context.products():
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
    for product in context.products():
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
    for text in context.texts():
        _, step, value, _, _ = text
        if ":" not in value:  # a link with a scheme has one; relative links are allowed
            continue
        targets = [value] if step == "url" else markdown_links(value)
        for url in targets:
            if url_problem(url) is not None:
                continue  # refused outright by the loader (rule unsafe-link)
            scheme = urlsplit(url.strip()).scheme.lower()
            if scheme and scheme not in allowed:
                yield Finding(
                    text_location(text),
                    f"link {url!r} is neither https:// nor relative; use https:// "
                    "(or a path relative to this site)",
                    key_path(text_path(text)),
                )


def placeholder_text(context: LintContext) -> Iterator[Finding]:
    words = [re.escape(str(word)) for word in context.options["words"]]
    if not words:
        return
    pattern = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(words) + r")(?![A-Za-z0-9])")
    for text in context.texts():
        match = pattern.search(text[2])
        if match:
            yield Finding(
                text_location(text),
                f"placeholder {match.group(1)!r} left in the text; write the real text "
                "(or remove the field)",
                key_path(text_path(text)),
            )


def unmarked_empty_section(context: LintContext) -> Iterator[Finding]:
    for product in context.products():
        for section_id, heading in SECTIONS:
            if section_id == "overview" or section_id in product.empty_sections:
                continue
            if section_id in SECTIONS_SHOWN_WITH_CONTENT or section_has_content(
                product, section_id
            ):
                continue
            if undecided(product, section_id):  # requirement-not-stated asks for the decision
                continue
            yield Finding(
                _product_key(context, product, "empty_sections"),
                f"section {section_id!r} ({heading}) of {product.id!r} is empty; fill it in, or "
                f"say why under empty_sections: {section_id}: 'This product ...'",
                f"empty_sections.{section_id}",
            )


def requirement_not_stated(context: LintContext) -> Iterator[Finding]:
    for product in context.products():
        for item in product.collected.items:
            store_types = _store_types(context, product, item)
            asked = (
                " (Google Play's Data safety form asks which, so the site offers no Data "
                "safety file until then)"
                if store_types.get("google_play")
                else ""
            )
            yield Finding(
                item.source,
                f"item {item.id!r} is collected without saying whether it is required or "
                f"optional{asked}; when the product says, move it under required (it cannot "
                "work without it) or optional (someone can turn it off)",
                context.path_to(item.source),
            )


def _store_types(context: LintContext, product: Product, item: DataItem) -> dict[str, str | None]:
    """By store the product ships to: the store data type the item is (None: not mapped)."""
    labels = product.store_labels
    catalog_item = context.dataset.catalog.get(item.id) if item.catalog else None
    return {
        store: catalog_item.store_type(store) if catalog_item else None
        for store in (labels.ships_to if labels else ())
    }


def store_item_without_type(context: LintContext) -> Iterator[Finding]:
    for product in context.products():
        for item in product.items:
            missing = [s for s, found in _store_types(context, product, item).items() if not found]
            if missing:
                where = "catalog item" if item.catalog else "item (not in the catalog)"
                yield Finding(
                    item.source,
                    f"{where} {item.id!r} has no store data type for {', '.join(missing)}, so "
                    f"{product.id}'s store labels leave it out; add stores: to the catalog item",
                    context.path_to(item.source),
                )


def store_item_without_purposes(context: LintContext) -> Iterator[Finding]:
    for product in context.products():
        labels = product.store_labels
        for item in product.items:
            mapped = any(_store_types(context, product, item).values())
            if labels and mapped and not labels.for_item(item.id).purposes:
                yield Finding(
                    item.source,
                    f"item {item.id!r} is on {product.id}'s store labels but its purposes are "
                    "not stated, so the labels leave it out; add purposes: under store_labels "
                    f"(for every item) or under store_labels.items.{item.id}",
                    context.path_to(item.source),
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
        "`control: Users choose whether to send feedback.` If the product's own statement does "
        "not say, write `control: not-stated`: the page then shows nothing in its place, rather "
        "than a sentence that says nothing.",
        per_record=True,
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
        per_record=True,
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
        per_record=True,
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
        per_record=True,
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
        per_record=True,
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
        per_record=True,
    ),
    Rule(
        id="unmarked-empty-section",
        summary="A page section is empty and not marked as intentionally empty.",
        default_severity=Severity.WARNING,
        check=unmarked_empty_section,
        catches="A section of the product page (for example Your rights) that the record "
        "says nothing about. The page then shows the site's sentence for it (by default, in "
        "the product's voice: 'Contoso Notes collects no optional data.'), which may not be "
        "what the product means.",
        fix="Fill in the section's fields, or mark it empty on purpose under `empty_sections:`, "
        "with the sentence the page should show instead, for example `your-rights: Rights "
        "requests go through your administrator.`",
        per_record=True,
    ),
    Rule(
        id="requirement-not-stated",
        summary="A data item is collected without saying whether it is required or optional.",
        default_severity=Severity.INFO,
        check=requirement_not_stated,
        catches="An item under `collected:`: the product collects it, and its statement does "
        "not say whether it is required or optional (records made by `privacy-pages import` "
        "keep such items there rather than guess). The page lists it under Data collected, "
        "the comparisons show it as Collected, and a store form that asks whether data is "
        "required (Google Play's Data safety) is not written for the product. Information "
        "only, so that such records still build with `--strict`.",
        fix="Find out from the product team whether the product can work without the item. "
        "Move it under `required:`, or under `optional:` in a group with a `kind:` (and a "
        "`control:` saying who turns it off). Raise the rule to `warning` once every "
        "statement should say.",
        per_record=True,
    ),
    Rule(
        id="store-type-missing",
        summary="An item of an app that ships to a store has no store data type.",
        default_severity=Severity.WARNING,
        check=store_item_without_type,
        catches="An item collected by a product with `store_labels` (an iOS or Android app "
        "that ships to Google Play or the App Store) whose catalog item does not say which "
        "store data type it is for one of the stores in `ships_to`. The exported labels "
        "(`privacy-pages export`) then leave the item out, and the store shows less than the "
        "statement says.",
        fix="Add `stores:` to the catalog item, for example `stores: {google_play: "
        "PSL_DEVICE_ID, apple: NSPrivacyCollectedDataTypeDeviceID}`; an item that is not in "
        "the catalog must become a catalog item (`ref:`) first.",
        per_record=True,
    ),
    Rule(
        id="store-purposes-missing",
        summary="A store-mapped item's purposes are not stated.",
        default_severity=Severity.WARNING,
        check=store_item_without_purposes,
        catches="An item that a product's store labels would show (its catalog item has a "
        "store data type for a store in `ships_to`) while neither `store_labels.purposes` nor "
        "`store_labels.items.ITEM.purposes` says why it is collected. Every store asks for "
        "the purposes, so the exported labels leave the item out.",
        fix="State the purposes the statement gives, for every item under `store_labels: "
        "purposes: [...]`, or for this item under `store_labels: items: ITEM: purposes: "
        "[...]` (for example `[app-functionality, analytics]`).",
        per_record=True,
    ),
    Rule(
        id="translation-stale",
        summary="A translation was made from a source text that has changed since.",
        default_severity=Severity.WARNING,
        check=None,
        catches="An entry of `content/translations/LANGUAGE/...` whose `source:` fingerprint is "
        "not the fingerprint of the record's text at that field path any more: the English "
        "changed after the translation was made. The page in that language shows the English "
        "text (or, with `stale_translations: previous`, the earlier translation) with a notice "
        "saying so, never the old translation as if it were current.",
        fix="Translate the new text, and set `source:` to the fingerprint the message gives "
        "(`privacy-pages translations export` and `import` do both through a PO file).",
    ),
    Rule(
        id="translation-unused",
        summary="A translation translates a text the record no longer has.",
        default_severity=Severity.WARNING,
        check=None,
        catches="An entry of a translation file whose field path names no text of the record "
        "(the English text was removed, or its list entry renamed), or a translation file "
        "whose record is gone. Its translation is shown nowhere.",
        fix="Remove the entry (or the file), or move it to the text's new field path; the "
        "message names the closest path the record has.",
    ),
    Rule(
        id="translation-missing",
        summary="A text of a record has no translation in a language the site builds.",
        default_severity=Severity.INFO,
        check=None,
        catches="A record with no translation file in a language, or a text field its "
        "translation file does not translate. The page in that language shows the English "
        "text there, marked as not yet translated.",
        fix="Add the field path to the record's translation file with `source:` and `text:`, "
        "or raise this rule to `warning` once a language should be complete.",
    ),
    *GDPR_RULES,
)


RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
