"""``memo.MemoByIdentity``: what a rebuild worked out from an object it hands back unchanged is
not worked out again; an equal object that is another object is."""

from __future__ import annotations

from privacy_pages.memo import MemoByIdentity


def counted() -> tuple[MemoByIdentity[str, int], list[str]]:
    seen: list[str] = []

    def length(text: str) -> int:
        seen.append(text)
        return len(text)

    return MemoByIdentity(length), seen


def test_the_same_object_is_worked_out_once_across_builds() -> None:
    memo, seen = counted()
    text = "".join(["page ", "text"])  # made at run time: an object of its own
    assert memo(text) == 9 and memo(text) == 9
    memo.next_build()
    assert memo(text) == 9
    assert seen == [text] and memo.made == 0


def test_an_equal_text_that_is_another_object_is_worked_out_again() -> None:
    memo, seen = counted()
    first = "".join(["page ", "text"])
    memo(first)
    memo.next_build()
    second = "".join(["page ", "text"])
    assert second == first and second is not first
    assert memo(second) == 9
    assert len(seen) == 2 and memo.made == 1


def test_only_the_last_build_is_kept() -> None:
    memo, seen = counted()
    text = "".join(["page ", "text"])
    memo(text)
    memo.next_build()  # a build that did not use the text
    memo.next_build()
    memo(text)
    assert len(seen) == 2


def test_a_value_is_kept_with_its_result_so_its_id_is_not_reused() -> None:
    memo, _ = counted()
    for number in range(1000):  # were the texts let go, ids would repeat among them
        assert memo("".join(["x"] * number)) == number
