"""Reading a product record (``products/*.yml``) into a :class:`~privacy_pages.model.Product`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model import (
    Access,
    AutomatedDecisions,
    Controls,
    ControlSetting,
    DataSource,
    DataSources,
    DataUse,
    FreeSection,
    Note,
    Product,
    Purposes,
    Recipient,
    Requirement,
    Retention,
    Rights,
    RightsRequest,
    Scope,
    ScopeList,
    ServiceLocation,
    SettingValue,
    Sharing,
    StaffLocations,
    Storage,
    Transfer,
    Transfers,
    Workload,
    controller_from,
)
from ..model.periods import period_from
from ..model.sections import section_has_content
from .builder import DatasetBuilder, optional_text
from .discovery import DEVICE_NAMES, FOLDER_PAGE_NAMES
from .items import Anchors, read_data_section, read_never_collected
from .metadata import normalize_metadata
from .store_labels import read_store_labels
from .yaml_source import LocatedMapping

#: Names that cannot be a product id: not file names on some systems, or the paths of pages
#: the site generates beside the product pages (the comparison pages, the data-item index, the
#: "What changed" page; the pipeline also checks every planned page for a collision).
RESERVED_NAMES = DEVICE_NAMES | FOLDER_PAGE_NAMES | {"compare", "data-items", "changes"}


def read_product(builder: DatasetBuilder, data: LocatedMapping, file: Path) -> None:
    product_id: str = data["id"]
    if product_id in RESERVED_NAMES:
        builder.error(
            data.where("id"),
            "expected an id that can be a file name and names no page the site generates, "
            f"found reserved name {product_id!r}; choose another id",
            "id",
            "path",
        )
        return
    existing = builder.dataset.products.get(product_id)
    if existing:
        builder.error(
            data.where("id"),
            f"duplicate product id {product_id!r} (first defined at {existing.source})",
            "id",
            "duplicate-id",
        )
        return
    builder.check_text(data, "")
    metadata, problems = normalize_metadata(data["metadata"], builder.rules, data.where("metadata"))
    builder.problems.extend(problems)
    workloads = tuple(
        Workload(w["id"], w["name"], optional_text(w, "description"))
        for w in data.get("workloads") or []
    )
    anchors = Anchors()
    required = read_data_section(
        builder, data, "required", Requirement.REQUIRED, workloads, anchors
    )
    optional = read_data_section(
        builder, data, "optional", Requirement.OPTIONAL, workloads, anchors
    )
    collected = read_data_section(
        builder, data, "collected", Requirement.NOT_STATED, workloads, anchors
    )
    _check_data_keys(builder, data)
    never = read_never_collected(builder, data, anchors)
    data_use = data.get("data_use") or {}
    entities = data.get("processed_entities") or {}
    product = Product(
        id=product_id,
        name=data["name"],
        summary=data["summary"],
        family=optional_text(data, "family"),
        platform=optional_text(data, "platform"),
        metadata=metadata,
        applies_to=builder.links(data, "applies_to"),
        notes=tuple(Note(n["type"], n["text"]) for n in data.get("notes") or []),
        intro=optional_text(data, "intro"),
        links=builder.links(data, "links"),
        next_steps=optional_text(data, "next_steps"),
        workloads=workloads,
        required=required,
        optional=optional,
        data_use_intro=data_use.get("intro"),
        data_uses=tuple(_data_use(u) for u in data_use.get("uses") or []),
        processed_entities_intro=entities.get("intro"),
        processed_entities=tuple(entities.get("entities") or ()),
        never_collected=never,
        storage=_storage(data.get("storage") or {}),
        access=_access(data.get("access") or {}),
        rights=_rights(builder, data),
        sections=tuple(
            FreeSection(s["after"], s["body"], s.get("title")) for s in data.get("sections") or []
        ),
        empty_sections=dict(data.get("empty_sections") or {}),
        source=data.location,
        file=file,
        store_labels=read_store_labels(
            builder, data, required.items + optional.items + collected.items
        ),
        sharing=_sharing(data.get("sharing") or {}),
        controls=_controls(data.get("controls") or {}),
        scope=_scope(data.get("scope") or {}),
        purposes=Purposes(
            intro=(data.get("purposes") or {}).get("intro"),
            items=tuple((data.get("purposes") or {}).get("items") or ()),
        ),
        collected=collected,
        controller=controller_from(data["controller"]) if data.get("controller") else None,
        automated_decisions=_automated_decisions(data.get("automated_decisions")),
        data_sources=_data_sources(data.get("data_sources")),
        data_subjects=tuple(data.get("data_subjects") or ()),
    )
    _check_empty_markers(builder, data, product)
    builder.dataset.products[product_id] = product


def _check_data_keys(builder: DatasetBuilder, data: LocatedMapping) -> None:
    """A product says what it collects: under ``required``, or under ``collected`` when its
    statement does not say whether the data is required or optional (the schema lets either
    stand alone, so that a record all of whose data is ``collected`` is valid)."""
    if "required" in data or "collected" in data:
        return
    builder.error(
        data.location,
        "expected key 'required' (the data the product cannot work without), or 'collected' "
        "(data it collects without saying whether it is required or optional), found neither",
        "required",
        "schema",
    )


def _check_empty_markers(builder: DatasetBuilder, data: LocatedMapping, product: Product) -> None:
    """A section marked empty must be empty."""
    markers = data.get("empty_sections")
    if not isinstance(markers, LocatedMapping):
        return
    for section_id in markers:
        if section_has_content(product, section_id):
            builder.error(
                markers.where(section_id),
                f"section {section_id!r} is marked empty but has content; remove the marker",
                f"empty_sections.{section_id}",
                "empty-section",
            )


def _storage(data: Any) -> Storage:
    if not data:
        return Storage()
    staff = data.get("staff_locations")
    return Storage(
        intro=data.get("intro"),
        services=tuple(data.get("services") or ()),
        locations=tuple(data.get("locations") or ()),
        location_note=data.get("location_note"),
        retention=tuple(_retention(r) for r in data.get("retention") or ()),
        retention_note=data.get("retention_note"),
        staff_locations=StaffLocations(tuple(staff["locations"]), staff.get("teams"))
        if staff
        else None,
        service_locations=tuple(
            ServiceLocation(s["service"], s["body"]) for s in data.get("service_locations") or ()
        ),
        transfers=_transfers(data.get("transfers")),
    )


def _transfers(data: Any) -> Transfers | None:
    if not data:
        return None
    return Transfers(
        outside_eea=bool(data["outside_eea"]),
        intro=data.get("intro"),
        destinations=tuple(
            Transfer(d["to"], d["safeguard"], d.get("note")) for d in data.get("destinations") or ()
        ),
    )


def _data_use(data: Any) -> DataUse:
    return DataUse(
        data["source"],
        data["use"],
        legal_basis=data.get("legal_basis"),
        legitimate_interest=data.get("legitimate_interest"),
        special_category_condition=data.get("special_category_condition"),
    )


def _automated_decisions(data: Any) -> AutomatedDecisions | None:
    if not data:
        return None
    return AutomatedDecisions(bool(data["used"]), data.get("description"))


def _data_sources(data: Any) -> DataSources | None:
    if not data:
        return None
    return DataSources(
        bool(data["from_person_only"]),
        tuple(DataSource(s["data"], s["source"]) for s in data.get("sources") or ()),
    )


def _retention(data: Any) -> Retention:
    return Retention(
        data=data["data"],
        period=period_from(data["period"]),
        note=data.get("note"),
        exceptions=tuple(_retention(e) for e in data.get("exceptions") or ()),
    )


def _access(data: Any) -> Access:
    return Access(
        data.get("intro"),
        tuple(data.get("protections") or ()),
        tuple(data.get("compliance") or ()),
    )


def _sharing(data: Mapping[str, Any]) -> Sharing:
    return Sharing(
        intro=data.get("intro"),
        recipients=tuple(
            Recipient(r["name"], r.get("purpose")) for r in data.get("recipients") or ()
        ),
    )


def _controls(data: Mapping[str, Any]) -> Controls:
    return Controls(
        intro=data.get("intro"),
        options=tuple(data.get("options") or ()),
        settings=tuple(
            ControlSetting(
                s["name"],
                s.get("kind"),
                s.get("description"),
                tuple(SettingValue(v["value"], v.get("effect")) for v in s.get("values") or ()),
            )
            for s in data.get("settings") or ()
        ),
    )


def _scope(data: Mapping[str, Any]) -> Scope:
    return Scope(
        intro=data.get("intro"),
        lists=tuple(
            ScopeList(bool(s["sends_data"]), tuple(s["entries"]), s.get("intro"))
            for s in data.get("lists") or ()
        ),
    )


def _rights(builder: DatasetBuilder, data: LocatedMapping) -> Rights:
    rights = data.get("rights")
    if not rights:
        return Rights()
    return Rights(
        intro=rights.get("intro"),
        requests=tuple(RightsRequest(r["title"], r["body"]) for r in rights.get("requests") or ()),
        services=builder.links(rights, "services"),
        rights=tuple(rights.get("rights") or ()),
        complaint=rights.get("complaint"),
    )
