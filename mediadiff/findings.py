"""What a finding kind is: the one declaration that every consumer of findings iterates.

Each kind of finding (omissions, wording shifts, loaded language, ...) is declared once, as a
:class:`FindingKind`: its name (the key in ``report.json``), its record type, how to find it and
score it, and how the reports show it (labels, a table of :class:`Column` s, summary sentences,
a column of the findings chart, a score line, and in the side-by-side view of ``report.html``
the :class:`Mark` s of its records in the outlets' texts, the :class:`Badge` s of the passages'
rows, the :class:`Gap` s where outlets leave passages out and its :class:`LegendEntry` s).
``compare``, ``report.json``, the HTML, Markdown
and PDF reports, the corpus batch and the command line loop over the registered kinds
(:func:`mediadiff.analysis.finding_kinds`) and name none of them, in the manner of
scikit-learn's estimator tags: behaviour declared once per estimator, iterated by every consumer.

A table is declared format-neutral: each column's getter returns a :class:`Cell` (an outlet, a
passage, a label, a number, words with their offsets, a passage's text, competing values), and
each renderer draws cells its own way (escaped HTML with offsets and links, escaped Markdown).
So is what the side-by-side view of ``report.html`` shows of a kind: a :class:`Mark`, a
:class:`Badge` and a :class:`LegendEntry` name a style key, and the HTML maps the key to its
classes; a :class:`Gap` says what an outlet's empty cell says.

This module holds the declaration types only; the registry is :mod:`mediadiff.analysis`.

Public names
------------
FindingKind   one finding kind, declared once.
Column        a column of a kind's table: header, getter (record, Context) -> Cell, numeric or not.
Cell          what a table cell shows, before any format draws it.
Score         a per-outlet score a kind gives (its key in ``outlets[].scores``, headers, format,
              how the text above the scores table explains it).
Mark          a record's mark in an outlet's text: offsets, a style key, a note.
Badge         a record's badge on a passage's row of the side-by-side view.
Gap           a passage an outlet leaves out: its empty cell's text and note.
LegendEntry   an entry of the side-by-side view's legend: a look and what it means.
Summary       a kind's key-finding sentences and how many the summary takes.
Context       what a column getter may read besides its record: outlet names, passages.
flat_fields   the fields of a record type that fit in a table cell.
reference_columns  the columns that set an outlet's words against a reference outlet's.
KEY_AGREEMENT the carriers' agreement below which a finding read off a passage is no key finding.
weakly_agreed whether a record's passage has carriers that agree less than KEY_AGREEMENT.
agreement_column  the "Carriers agree" column of a table whose records read off a passage.
agreement_note    the sentence under such a table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin, get_type_hints

from ._presentation import Snippets, outlet_names

if TYPE_CHECKING:
    from .align import Alignment

__all__ = [
    "Badge",
    "Cell",
    "Column",
    "Context",
    "FindingKind",
    "Gap",
    "KEY_AGREEMENT",
    "LegendEntry",
    "Mark",
    "Score",
    "Summary",
    "agreement_column",
    "agreement_note",
    "flat_fields",
    "reference_columns",
    "weakly_agreed",
]

Record = Mapping[str, Any]
Report = Mapping[str, Any]

#: A finding read off a passage whose carriers agree less than this (the record's
#: ``agreement``: :attr:`Alignment.agreement`) stays in its table but is no key finding: the
#: passage may join two different facts, so an outlet "omits" what it never had to carry, or
#: two figures of two different things "disagree". Measured for omissions on the nine real
#: stories with gold, 44 % of such omissions were right against 81 % at or above it; on five
#: other real stories read blind, 3-4 of 12 against 4 of 9 (docs/concepts.md).
KEY_AGREEMENT = 0.4


#: The column of a table whose records read off a passage: how alike its carriers are.
AGREEMENT_COLUMN_HEADER = "Carriers agree"


def agreement_note(what: str) -> str:
    """The sentence under a table with an agreement column, saying what to check (``what``)."""
    return (
        f"{AGREEMENT_COLUMN_HEADER}: how alike the carrying outlets' own pieces of the passage are (0-1); "
        f"below {KEY_AGREEMENT} the passage may join two different facts, so check {what} before citing it."
    )


def weakly_agreed(record: Record) -> bool:
    """Whether a record's passage has carriers that agree less than :data:`KEY_AGREEMENT`
    (False when the record has no ``agreement``)."""
    agreement = record.get("agreement")
    return isinstance(agreement, (int, float)) and not isinstance(agreement, bool) and agreement < KEY_AGREEMENT


T = TypeVar("T")


@dataclass(frozen=True)
class Cell:
    """What one table cell shows, before a format draws it (use the constructors below).

    ``kind`` is one of ``outlet``, ``passage``, ``label``, ``number``, ``words``, ``snippet``,
    ``values``; the other fields are read according to it.
    """

    kind: str
    value: Any = None
    start: Any = None
    end: Any = None
    outlet: Any = None
    limit: int = 120
    fmt: str = "{:.2f}"
    extra: tuple[Any, ...] = ()

    @classmethod
    def of_outlet(cls, outlet: Any, *, main: bool = True) -> Cell:
        """An outlet by id, shown by its name (``main``: the outlet the row is about, in bold)."""
        return cls("outlet", outlet, fmt="main" if main else "")

    @classmethod
    def of_passage(cls, passage: Any, *, also: Iterable[Any] = ()) -> Cell:
        """A passage id (a link to its row in the HTML side-by-side view), with related ones."""
        return cls("passage", passage, extra=tuple(also))

    @classmethod
    def label(cls, text: Any) -> Cell:
        """Plain text, shown as it is (escaped)."""
        return cls("label", "" if text is None else str(text))

    @classmethod
    def number(cls, value: Any, fmt: str = "{:.2f}") -> Cell:
        """A number in ``fmt`` ("—" when it is not a finite number)."""
        return cls("number", value, fmt=fmt)

    @classmethod
    def words(cls, text: Any, start: Any = None, end: Any = None, outlet: Any = None, *, limit: int = 120) -> Cell:
        """An outlet's words with their character offsets (shortened to ``limit``; "—" when empty)."""
        return cls("words", text, start, end, outlet, limit)

    @classmethod
    def snippet(cls, passage: Any, *, limit: int = 160, fallback: Any = None) -> Cell:
        """A short excerpt of a passage's text (``fallback``, then "—", when there is none)."""
        return cls("snippet", passage, limit=limit, extra=(fallback,))

    @classmethod
    def values(cls, values: Iterable[Record], *, limit: int = 120) -> Cell:
        """Competing values, each an outlet's words with offsets (``outlet``, ``text``, ``start``, ``end``)."""
        return cls("values", tuple(values), limit=limit)


@dataclass(frozen=True)
class Column:
    """A column of a kind's findings table: its header, its getter and whether it holds numbers."""

    header: str
    get: Callable[[Record, Context], Cell]
    numeric: bool = False


def agreement_column() -> Column:
    """The "Carriers agree" column: a record's ``agreement`` (how alike its passage's carriers
    are), for omissions and conflicts alike."""
    return Column(AGREEMENT_COLUMN_HEADER, lambda r, c: Cell.number(r.get("agreement")), numeric=True)


@dataclass(frozen=True)
class Score:
    """A per-outlet score a kind gives: its key in ``outlets[].scores`` and how tables show it.

    ``relative``: the HTML bar is scaled to the largest value (a rate), not to 1 (a share).

    The text above the scores table explains a share that declares ``zero`` (what 0 means,
    "carries everything": shares are said together, "Omission and wording-shift scores run from
    0 (...) to 1") and a rate that declares ``unit`` (what it counts per what; ``unit_short``
    in the Markdown report), each by its ``term`` (its name in a sentence; by default the
    header in lower case). A score with neither is not explained.
    """

    key: str
    header: str
    short: str
    bar: str
    fmt: str = "{:.2f}"
    relative: bool = False
    term: str = ""
    zero: str = ""
    unit: str = ""
    unit_short: str = ""

    @property
    def said(self) -> str:
        """Its name in a sentence (``term``, else the header in lower case)."""
        return self.term or self.header.lower()


@dataclass(frozen=True)
class Mark:
    """A record's mark in an outlet's text, before a format draws it (the side-by-side view).

    ``[start, end)`` are character offsets into ``outlet``'s article text; a zero-length mark is
    a point (words left out there). ``style`` says how it looks: one of ``shift``, ``loaded``,
    ``altered``, ``conflict``, ``quotation`` (a format draws an unknown one as a plain mark);
    ``category`` a colour index (:func:`mediadiff._presentation.category_colour`) and
    ``source_voice`` (a source's words, not the outlet's) refine it. ``note`` is said on hover
    or focus. ``finding``: a finding's mark takes the keyboard focus; a plain annotation (a
    quotation) does not, and where marks overlap, findings' notes come first. ``passage``:
    drawn only in that passage's row (offsets within its members, as a wording shift's);
    None: wherever the outlet's text holds it.
    """

    outlet: str
    start: int
    end: int
    style: str
    note: str
    finding: bool = True
    category: int | None = None
    source_voice: bool = False
    passage: str | None = None


@dataclass(frozen=True)
class Badge:
    """A record's badge on a passage's row of the side-by-side view, before a format draws it.

    ``passage`` is the row's passage id. ``style`` says how it looks: one of ``omitted``,
    ``conflict``, ``altered`` (a format draws an unknown one as a plain badge). ``label`` is
    what it says; ``{n}`` in it stands for how many outlets badge the row so (``outlet``; a
    badge that names no outlet counts once). A row shows each style and label once, and its
    badges in the order of ``rank`` (lower first), then the kinds' order. A badge naming an
    outlet that is not compared is not shown.
    """

    passage: str
    style: str
    label: str
    outlet: str | None = None
    rank: int = 100


@dataclass(frozen=True)
class Gap:
    """A passage an outlet leaves out, as the side-by-side view shows it: ``outlet``'s empty
    cell in ``passage``'s row says ``text``, and ``note`` on hover. Shown only where the outlet
    carries nothing of the passage (of two gaps for one cell, the later)."""

    outlet: str
    passage: str
    text: str
    note: str


@dataclass(frozen=True)
class LegendEntry:
    """An entry of the side-by-side view's legend: a sample of how something looks and ``label``.

    ``shape`` is what the sample is: ``mark`` (words marked in ``style``, a :class:`Mark`'s
    style key, with ``category``'s colour), ``point`` (a zero-length mark), ``gap`` (a
    :class:`Gap`'s cell) or ``badge`` (a :class:`Badge` in ``style``). The legend lists the
    registered kinds' entries in the order of ``rank`` (lower first), then the kinds' order;
    the view's own entry, "not carried", has rank 70.
    """

    label: str
    style: str = ""
    shape: str = "mark"
    category: int | None = None
    rank: int = 100


@dataclass(frozen=True)
class Summary:
    """A kind's key-finding sentences: ``sentences(report, context)``, most telling first.

    The summary takes ``first`` of them in a first round and up to ``most`` while there is room;
    kinds come in the order of ``priority`` (lower first).
    """

    sentences: Callable[[Report, Context], list[str]]
    first: int = 1
    most: int = 1
    priority: int = 100


def count_outlets(records: Sequence[Record]) -> Counter[str]:
    """Outlet -> number of records (the default count of a kind)."""
    return Counter(str(r["outlet"]) for r in records if isinstance(r, Mapping) and r.get("outlet") is not None)


@dataclass(frozen=True)
class FindingKind:
    """One kind of finding, declared once and iterated by every consumer.

    Finding
        ``name`` is the key of its list in ``report.json`` and the attribute of the
        :class:`~mediadiff.Comparison` that holds it; ``record_type`` the frozen dataclass of
        one finding. ``find(alignment, found, options)`` returns the findings in canonical
        order (``found``: the kinds found before it, by name; ``options``: ``min_support``,
        ``lexicon``). ``score(alignment, findings, options)`` returns, for every outlet, its
        score fields (``{"omission": 0.4}``), or is None.
    Words
        ``label`` and ``plural`` name one finding and many ("omission", "omissions");
        ``headline``: counted in the command line's summary line and the Comparison's repr.
    Reports
        ``title`` heads its section; ``columns`` is its table (None: no table); ``order`` puts
        the report's records in table order (and may drop some); ``note`` is said above the
        table; ``capped``: the table shows at most the renderers' ``max_shifts`` rows;
        ``breakdown``: the Markdown report adds counts by outlet and ``kind`` (labelled by
        ``kind_labels``); ``hide_when_empty``: no section when there is no finding.
        ``scores`` are the score columns of the outlet tables; ``count`` (outlet -> number of
        findings; default one per record) with ``count_header`` gives a count column; ``summary`` its key findings;
        ``chart`` (heading, colour) a column of the findings chart of ``charts.pdf``;
        ``marks(record, context)`` the :class:`Mark` s of a record in the outlets' texts (None:
        its records are not marked), ``badges(record, context)`` its :class:`Badge` s on the
        passages' rows and ``gaps(record, context)`` the :class:`Gap` s it leaves in the
        side-by-side view; ``legend(report, context)`` its :class:`LegendEntry` s there (None:
        none);
        ``score_line(records, outlets)`` its fields in a corpus score record (default: its
        count as ``n_<name>``, when it has a ``count_header``); ``frame`` its rows and columns
        in :meth:`~mediadiff.Comparison.to_frames` (default: the flat fields of its record type).
    """

    name: str
    record_type: type
    find: Callable[[Alignment, Mapping[str, tuple[Any, ...]], Mapping[str, Any]], Iterable[Any]]
    label: str
    plural: str
    title: str
    score: Callable[[Alignment, tuple[Any, ...], Mapping[str, Any]], Mapping[str, Mapping[str, Any]]] | None = None
    scores: tuple[Score, ...] = ()
    headline: bool = True
    columns: tuple[Column, ...] | None = None
    order: Callable[[Sequence[Record]], list[Record]] | None = None
    note: str = ""
    anchor: str = ""
    capped: bool = False
    breakdown: bool = False
    kind_labels: Mapping[str, str] = field(default_factory=dict)
    hide_when_empty: bool = False
    count: Callable[[Sequence[Record]], Counter[str]] | None = None
    count_header: str | None = None
    summary: Summary | None = None
    chart: tuple[str, str] | None = None
    score_line: Callable[[Sequence[Record], Sequence[str]], Mapping[str, Mapping[str, Any]]] | None = None
    frame: Callable[[Sequence[Record]], tuple[list[dict[str, Any]], list[str]]] | None = None
    marks: Callable[[Record, Context], Iterable[Mark]] | None = None
    badges: Callable[[Record, Context], Iterable[Badge]] | None = None
    gaps: Callable[[Record, Context], Iterable[Gap]] | None = None
    legend: Callable[[Report, Context], Iterable[LegendEntry]] | None = None

    @property
    def html_id(self) -> str:
        """The id of its section in ``report.html`` (``anchor``, else the name with hyphens)."""
        return self.anchor or self.name.replace("_", "-")

    def records(self, report: Report) -> list[Record]:
        """Its records in a report, in table order (``order``; the report's order by default)."""
        found = [r for r in report.get(self.name, []) if isinstance(r, Mapping)]
        return self.order(found) if self.order is not None else found

    def counts(self, records: Sequence[Record]) -> Counter[str]:
        """Outlet -> its number of findings among ``records`` (:attr:`count`; by default, one per record)."""
        return (self.count or count_outlets)(records)

    def marks_in(self, report: Report, context: Context) -> list[Mark]:
        """The marks of its records in a report, in the report's order (none without :attr:`marks`)."""
        return self._each(self.marks, report, context)

    def badges_in(self, report: Report, context: Context) -> list[Badge]:
        """The badges of its records in a report, in the report's order (none without :attr:`badges`)."""
        return self._each(self.badges, report, context)

    def gaps_in(self, report: Report, context: Context) -> list[Gap]:
        """The gaps of its records in a report, in the report's order (none without :attr:`gaps`)."""
        return self._each(self.gaps, report, context)

    def legend_in(self, report: Report, context: Context) -> list[LegendEntry]:
        """Its entries in the side-by-side view's legend (none without :attr:`legend`)."""
        return [] if self.legend is None else list(self.legend(report, context))

    def _each(self, get: Callable[[Record, Context], Iterable[T]] | None, report: Report, context: Context) -> list[T]:
        """What ``get`` makes of each of its records in a report, in the report's order."""
        if get is None:
            return []
        return [x for r in report.get(self.name, []) if isinstance(r, Mapping) for x in get(r, context)]

    def line(self, records: Sequence[Record], outlets: Sequence[str]) -> Mapping[str, Mapping[str, Any]]:
        """Its fields in each outlet's corpus score record (:attr:`score_line`, else its count)."""
        if self.score_line is not None:
            return self.score_line(records, outlets)
        if self.count_header is None:
            return {}
        counts = self.counts(records)
        return {o: {f"n_{self.name}": counts.get(o, 0)} for o in outlets}


class Context:
    """What a column getter or a summary may read besides its record: outlet names, the passages
    by id (``passages``), their number of outlets (``n_outlets``), short excerpts
    (:meth:`snippet`), the passage at an outlet's offsets (:meth:`passage_at`), every passage
    over them (:meth:`passages_over`) and a record's passage (:meth:`passage_of`)."""

    def __init__(self, report: Report) -> None:
        self.names = outlet_names(report)
        self.n_outlets = len(report.get("outlets", []))
        self.passages: dict[str, Record] = {str(p["id"]): p for p in report.get("passages", [])}
        self.snippets = Snippets(self.passages)
        self._spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for pid, p in self.passages.items():
            for m in p.get("members", []):
                if isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
                    self._spans[m["outlet"]].append((m["start"], m["end"], pid))

    def name(self, outlet: Any) -> str:
        """An outlet's display name (its id when it has none)."""
        return self.names.get(outlet, str(outlet))

    def snippet(self, pid: Any, limit: int = 90) -> str:
        """A short excerpt of a passage ("" when there is no such passage)."""
        return self.snippets(pid, limit)

    def passage_of(self, record: Record) -> str | None:
        """A record's ``passage``; when it names none, the passage at its outlet's offsets."""
        return record.get("passage") or self.passage_at(record["outlet"], record.get("start"), record.get("end"))

    def passages_over(self, outlet: str, start: Any, end: Any) -> list[str]:
        """Every passage with a piece of ``outlet``'s text that overlaps ``[start, end)``, in story order."""
        if not isinstance(start, int) or not isinstance(end, int):
            return []
        return list(dict.fromkeys(pid for a, b, pid in self._spans.get(outlet, ()) if a < end and start < b))

    def passage_at(self, outlet: str, start: Any, end: Any) -> str | None:
        """The passage holding ``[start, end)`` of ``outlet``'s text (the one it overlaps most)."""
        if not isinstance(start, int) or not isinstance(end, int):
            return None
        best, most = None, -1
        for a, b, pid in self._spans.get(outlet, ()):
            overlap = min(b, end) - max(a, start) if end > start else (0 if a <= start <= b else -1)
            if overlap > most and (overlap > 0 or end == start):
                best, most = pid, overlap
        return best


def flat_fields(kind: type) -> list[str]:
    """The fields of a finding dataclass that fit in a table cell: all but nested objects.

    A tuple of strings (``carried_by``) fits; a tuple of dataclasses (``Conflict.values``) does not.
    """

    def flat(hint: Any) -> bool:
        if is_dataclass(hint) or get_origin(hint) is dict:
            return False
        if get_origin(hint) in (tuple, list):
            return all(a is str or a is Ellipsis for a in get_args(hint))
        return True

    hints = get_type_hints(kind)
    return [f.name for f in fields(kind) if flat(hints[f.name])]


def reference_columns(text: str, reference: str, limit: int) -> tuple[Column, ...]:
    """Columns setting an outlet's words against a reference outlet's (wording shifts, altered
    quotes): the outlet's words under the header ``text``, the reference outlet, and its words
    under ``reference``, each cut to ``limit`` characters. The records name the reference outlet
    ``reference_outlet`` and its words ``reference_start``/``reference_end``/``reference_text``."""
    return (
        Column(text, lambda r, c: Cell.words(r.get("text"), r.get("start"), r.get("end"), r["outlet"], limit=limit)),
        Column("Reference", lambda r, c: Cell.of_outlet(r.get("reference_outlet"), main=False)),
        Column(
            reference,
            lambda r, c: Cell.words(
                r.get("reference_text"),
                r.get("reference_start"),
                r.get("reference_end"),
                r.get("reference_outlet"),
                limit=limit,
            ),
        ),
    )
