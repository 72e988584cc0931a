"""What the plugin adds to a page's ``<head>`` (``mkdocs_plugin/head.py``): the feed link on
every page and the metadata of a product page, before the first ``</head>`` only."""

from __future__ import annotations

from privacy_pages.mkdocs_plugin.head import add_feed_link, add_meta_tags


def test_the_feed_link_goes_before_the_first_head_end_only() -> None:
    page = "<html><head><title>T</title></HEAD><body><code>&lt;/head&gt;</code> </head></body>"
    added = add_feed_link(page, "../feed.xml")
    link = (
        '<link rel="alternate" type="application/atom+xml" title="What changed" href="../feed.xml">'
    )
    assert added == page.replace("</HEAD>", link + "\n</head>", 1)
    assert added.count(link) == 1 and added.endswith(" </head></body>")


def test_meta_tags_are_added_once_and_not_repeated() -> None:
    page = '<html><head><meta name="author" content="a"></head><body>x</body></html>'
    added = add_meta_tags(page, {"author": "b", "title": "T", "ms.topic": "conceptual"})
    assert added == page.replace(
        "</head>", '<meta name="ms.topic" content="conceptual">\n</head>', 1
    )
    assert add_meta_tags("<p>no head</p>", {"ms.topic": "x"}) == "<p>no head</p>"
