"""A page is refused only when it states no privacy facts: a short policy written as
paragraphs that says data is collected is a privacy statement (issue 35, point 2), and the data
its sentences name ("collects X, Y and Z", point 3) is listed in the report for review, kept as
text: running prose names data less surely than a list does (issue 53), unless a sentence lists
it plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from privacy_pages.importer import ImportOptions, PageImportError, import_pages
from privacy_pages.importer.prose_facts import data_named
from test_import_claims import prose_named
from test_importer import FRONT, RULES, import_page


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "For a better experience, certain usage data and errors are collected for debugging.",
            ["Usage data", "Errors"],
        ),
        (
            "An analytics service is used in this app to collect basic usage data.",
            ["Basic usage data"],
        ),
        ("We collect crash reports when the app stops.", ["Crash reports"]),
        ("Crash logs are also gathered by the store.", ["Crash logs"]),
        (
            "We collect various telemetry events such as the command line used, the time of "
            "invocation, and how long execution took.",
            ["Command line used", "Time of invocation", "How long execution took"],
        ),
        (
            "WebView2-related data is collected, including API usage, SDK usage, and creation "
            "failure.",
            ["API usage", "SDK usage", "Creation failure"],
        ),
        (
            "Specifically, the server collects information about the installation experience, "
            "usage, and performance.",
            ["Information about the installation experience, usage, and performance"],
        ),
        (
            "The tool collects the version of the app, the OS and the locale to fix bugs.",
            ["Version of the app", "OS", "Locale"],
        ),
        (
            "We collect the following: your email address, name, and phone number.",
            ["Email address", "Name", "Phone number"],
        ),
        (
            "The service always collects and sends the file path from the build machine.",
            ["File path"],
        ),
        # A list whose parts hold commas goes on after its semicolons.
        (
            "This information includes your PC's name, manufacturer, and model; your IP "
            "address; and the edition of Windows.",
            ["PC's name", "Manufacturer", "Model", "IP address", "Edition of Windows"],
        ),
        # The list stops where its parts stop being names.
        (
            "We collect sensitive data or the data is being handled, file an issue.",
            ["Sensitive data"],
        ),
    ],
)
def test_a_sentence_names_the_data_it_says_is_collected(sentence: str, names: list[str]) -> None:
    assert data_named(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "No personal data is collected.",
        "We do not collect any data.",
        "The app doesn't collect information about you.",
        "We never gather your location.",
        "The app collects nothing.",
        "Data collection is turned off by default.",
        "Install the app and sign in.",
        "The app does NOT use third party services that may collect information used to identify you.",
        "If you suspect that telemetry is collecting sensitive data, file an issue.",
        "You can collect logs with the diagnostics tool.",
        "We collect the following data:",
        "The data we collect is completely anonymous, not traceable to the source.",
    ],
)
def test_a_sentence_that_names_no_data_collected(sentence: str) -> None:
    assert data_named(sentence) == []


POLICY = FRONT + (
    "Privacy Policy\n--------------\n\n"
    "### Information Collection and Use\n\n"
    "For a better experience while using this app, certain usage data and errors are "
    "collected for identifying issues. An analytics service is used in this app to collect "
    "basic usage data.\n\n"
    "### Contact Us\n\nWrite to us with any question.\n"
)


def test_a_policy_written_as_paragraphs_is_imported_with_its_text_and_its_data_for_review(
    tmp_path: Path,
) -> None:
    result = import_page(tmp_path, POLICY, require_data=True)
    assert "certain usage data and errors are collected" in result.text
    assert "collect basic usage data" in result.text
    # The data its sentences name is in the report, at the sentence's paragraph, and no
    # item: "usage data" only sums data up, so it gets no line.
    assert result.data_names() == []
    assert prose_named(result) == ["Errors"]
    reviews = [r for r in result.report.reviews if r.topic == "prose"]
    assert len(reviews) == 1
    assert reviews[0].line == POLICY.splitlines().index("### Information Collection and Use") + 3


@pytest.mark.parametrize(
    "sentence",
    [
        # a condition: when the reader chooses, not a plain claim
        "If you connect your calendar, we receive the title, the date and the attendees.",
        # a modal: what may be there
        "The log may contain your current location and the cell tower you use.",
        # a name of something said before
        "We record the commands you run and their duration.",
        # a denial in the sentence
        "We collect your name and email address, but not your phone number.",
        # another taker, named or by kind, or in an aside
        "Google Play collects your device ID, IP address and purchase history.",
        "Many apps collect your contacts, location and photos.",
        "Stripe, our payment processor, collects your card number and billing address.",
        "Sentry collects crash reports, breadcrumbs and device info on our behalf.",
        "Your mobile carrier collects your phone number and cell tower location.",
        "Developers using our SDK collect device IDs, location and usage events.",
        # kept on the reader's side, or no data of the reader's
        "The CLI stores your API keys and tokens in the system keychain.",
        "The app saves your notes and drafts to your iCloud account.",
        "We store backups, logs and databases in Frankfurt.",
        # a question, a plan, a refusal, a tool
        "Does the app collect my location, contacts or photos?",
        "We plan to collect your location and purchase history in a future release.",
        "Unlike other apps, we refuse to collect your contacts and photos.",
        "We collect data using tools such as Firebase, Sentry and Mixpanel.",
        # one word shared by the last part of a longer list: "Email" may be a name of its own
        "We record your name, the email and age of your account.",
    ],
)
def test_a_list_in_a_sentence_that_is_no_plain_claim_stays_text(
    tmp_path: Path, sentence: str
) -> None:
    page = FRONT + f"# App\n\n## Accounts\n\nAccounts are free. {sentence}\n"
    result = import_page(tmp_path, page)
    assert len(prose_named(result)) >= 2  # named, listed for the writer to check
    assert result.data_names() == []  # and no item


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "We record the date and time of your visit and the pages you open.",
            ["Date and time of your visit", "Pages you open"],
        ),
        (
            "The CLI collects the CLI version, the success or failure of the command and the OS.",
            ["CLI version", "Success or failure of the command", "OS"],
        ),
    ],
)
def test_a_word_that_shares_the_of_after_the_next_is_one_name_with_it(
    tmp_path: Path, sentence: str, names: list[str]
) -> None:
    page = FRONT + f"# App\n\n## Accounts\n\nAccounts are free. {sentence}\n"
    assert import_page(tmp_path, page).data_names() == names


def test_a_list_after_a_semicolon_goes_on_only_while_it_has_no_verb(tmp_path: Path) -> None:
    page = FRONT + (
        "# App\n\n## Crash reports\n\nCrash reports contain the stack trace and the app "
        "version; the device model; they help us find and fix bugs.\n"
    )
    result = import_page(tmp_path, page)
    assert result.data_names() == ["Stack trace", "App version", "Device model"]


def test_a_list_of_the_product_s_own_data_in_a_section_s_opening_stays_in_it(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# App\n\n## Optional data\n\nWe collect your location and contacts.\n\n"
        "## Required data\n\nWe collect your email address and password.\n"
    )
    result = import_page(tmp_path, page)
    assert result.names("required") == ["Email address", "Password"]
    assert result.names("optional") == ["Location", "Contacts"]


def test_data_named_in_a_sentence_that_is_already_an_item_is_not_repeated(
    tmp_path: Path,
) -> None:
    page = FRONT + (
        "# Widget\n\n## Data we collect\n\n"
        "- **Crash reports**: stack traces when the app stops.\n- **Device model**\n\n"
        "## Errors\n\nWe collect crash reports and the app version when the app fails.\n"
    )
    result = import_page(tmp_path, page)
    # "crash reports" is an item already: only the app version is listed for review.
    assert result.names("collected") == ["Crash reports", "Device model", "App version"]
    assert prose_named(result) == ["App version"]


def test_a_page_of_no_privacy_facts_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        FRONT.replace("Widget privacy", "Widget setup").replace("collects", "does")
        + "# Widget\n\n### Setup\n\nInstall the app, then sign in with your account.\n",
        "utf-8",
    )
    options = ImportOptions(tmp_path / "content", RULES, today="2024-01-02", require_data=True)
    with pytest.raises(PageImportError, match="no privacy facts"):
        import_pages([page], options)
    assert not (tmp_path / "content").exists()


def test_a_page_that_says_what_it_does_not_collect_states_a_fact(tmp_path: Path) -> None:
    # "We do not collect any usage data" is a promise: never collected, a privacy fact.
    page = FRONT + (
        "# Widget\n\n### Data\n\nNo personal data is collected. We do not collect any usage data.\n"
    )
    result = import_page(tmp_path, page, require_data=True)
    never = [
        item.get("name") or result.catalog_name(item["ref"])
        for item in result.product["never_collected"]["items"]
    ]
    assert never == ["Personal data", "Usage data"]
    assert result.data_items() == []


def test_a_privacy_page_whose_facts_cannot_be_read_is_kept_as_text(tmp_path: Path) -> None:
    # Refusing a real privacy page loses it; its text is kept, free form, and the report says
    # that no fact was read from it.
    page = FRONT + (
        "# Widget privacy\n\nThe avatar service keeps anonymous statistics, as explained on "
        "the website.\n"
    )
    result = import_page(tmp_path, page, require_data=True)
    assert "anonymous statistics" in result.text
    assert any("no privacy fact read" in r.message for r in result.report.reviews)


def test_a_page_on_whether_advertisers_may_target_people_speaks_of_privacy(
    tmp_path: Path,
) -> None:
    """Not refused as a deployment guide would be: who may target the reader with ads is a
    privacy matter, whatever words the page lacks ("privacy", "collect")."""
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitle: How Widget keeps your info secure\n---\n# How Widget keeps your info "
        "secure\n\n- Results come from your organization's cloud.\n"
        "- Widget doesn't let advertisers target you.\n",
        "utf-8",
    )
    options = ImportOptions(tmp_path / "content", RULES, today="2024-01-02", require_data=True)
    [report] = import_pages([page], options)
    assert any("no privacy fact read" in r.message for r in report.reviews)
    assert (tmp_path / "content" / "products").is_dir()
