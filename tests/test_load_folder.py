"""A folder of articles: a file in it that holds no article is skipped with a warning naming it,
not a stop for the whole folder (review: one empty .md stopped the run, while a README or an
image beside it was skipped); named on its own, such a file is still an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediadiff import InputError, load
from mediadiff.errors import InputWarning

BODY = "The council approved the river budget on Monday.\n\nIt passed 5 to 2 after a long debate."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.md", "", "the file is empty"),
        ("blank.txt", " \n\t\n", "the file holds only white space"),
        ("bare.html", "<html><nav>Home</nav><script>x()</script></html>", "the HTML page has no visible text"),
        ("none.json", "[]", "holds no article records"),
        ("header_only.csv", "outlet,text\n", "holds no article records"),
    ],
)
def test_file_without_article_in_a_folder_is_skipped_with_a_warning(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    (tmp_path / "ledger.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "herald.txt").write_text(BODY.replace("Monday", "Tuesday"), encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.warns(InputWarning) as record:
        articles = load(tmp_path)
    assert [a.outlet for a in articles] == ["herald", "ledger"]
    assert [str(w.message) for w in record] == [f"{tmp_path / name}: {reason}; skipped"]


def test_file_without_article_named_on_its_own_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "ledger.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty.md: the file is empty"):
        load([tmp_path / "ledger.txt", tmp_path / "empty.md"])


def test_folder_of_empty_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n", encoding="utf-8")
    with pytest.warns(InputWarning), pytest.raises(InputError, match=r"holds no article \(2 empty files skipped\)"):
        load(tmp_path)


def test_other_errors_in_a_folder_still_stop(tmp_path: Path) -> None:
    (tmp_path / "ledger.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="broken.json: invalid JSON"):
        load(tmp_path)
