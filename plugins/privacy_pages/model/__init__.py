"""The privacy domain: products, the data items they collect, categories and the catalog.

Plain frozen dataclasses, independent of YAML, MkDocs and templates. Every record keeps the
:class:`~privacy_pages.diagnostics.Location` it came from, so later checks can point at it.
"""

from . import gdpr
from .catalog import CatalogItem, Category
from .comparison_spec import ComparisonSpec, WorkloadColumn
from .controller import Controller, DataProtectionOfficer, controller_from
from .counts import ItemCounts, RequirementCount, item_counts
from .dataset import Dataset
from .items import (
    CONTROL_NOT_STATED,
    Alternatives,
    DataItem,
    DataSection,
    Detail,
    ItemGroup,
    NeverCollected,
    Requirement,
    Workload,
    WorkloadValue,
)
from .link import Link
from .product import (
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
    Scope,
    ScopeList,
    SettingValue,
    Sharing,
)
from .sections import SECTION_IDS, SECTIONS
from .storage import (
    Access,
    Retention,
    Rights,
    RightsRequest,
    ServiceLocation,
    StaffLocations,
    Storage,
    Transfer,
    Transfers,
)
from .store_labels import NO_FLAGS, ItemLabel, StoreLabels

__all__ = [
    "CONTROL_NOT_STATED",
    "NO_FLAGS",
    "SECTIONS",
    "SECTION_IDS",
    "Access",
    "Alternatives",
    "AutomatedDecisions",
    "CatalogItem",
    "Category",
    "ComparisonSpec",
    "ControlSetting",
    "Controller",
    "Controls",
    "DataItem",
    "DataProtectionOfficer",
    "DataSection",
    "DataSource",
    "DataSources",
    "DataUse",
    "Dataset",
    "Detail",
    "FreeSection",
    "ItemCounts",
    "ItemGroup",
    "ItemLabel",
    "Link",
    "NeverCollected",
    "Note",
    "Product",
    "Purposes",
    "Recipient",
    "Requirement",
    "RequirementCount",
    "Retention",
    "Rights",
    "RightsRequest",
    "Scope",
    "ScopeList",
    "ServiceLocation",
    "SettingValue",
    "Sharing",
    "StaffLocations",
    "Storage",
    "StoreLabels",
    "Transfer",
    "Transfers",
    "Workload",
    "WorkloadColumn",
    "WorkloadValue",
    "controller_from",
    "gdpr",
    "item_counts",
]
