"""Private helpers shared by the analysers: token selection, positions, numbers and word lists.

Nothing here is public API. The analysers import this module and never each other, so that each
finding stays a plain function of the :class:`~mediadiff.align.Alignment`.

Names
-----
member_tokens       the tokens of a member, taken from segmentation (never re-tokenised).
span_tokens         the tokens of a document that lie inside ``[start, end)``.
passage_index       passage id -> its position in the alignment's canonical order.
relative_positions  sentence index -> relative position in the article (0 = lead, 1 = end).
member_position     relative position of a member.
read_number         parse a number written in digits or words at a token position.
match_key           the form used to compare words across outlets (typography folded).
cited_sources       the sources a sentence attributes its content to ("Raman said", "the audit found").
source_key          the form used to compare a source word across outlets ("Hendricks" ~ "Hendrick").
HEDGES, ATTRIBUTION_VERBS, RESPONSE_CUES, INTENSIFIERS, TITLE_WORDS, SOURCE_NOUNS  word lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._clauses import capitalised_words, headline_index
from ..align import Alignment, Member
from ..document import Document, Sentence, Token
from ..vocabulary import CALENDAR_WORDS, PRONOUNS, SOURCE_NOUNS

# ---------------------------------------------------------------------------------------------
# Word lists (lower case, compared with Token.norm)

#: Words that soften a claim: adding one turns a fact into a possibility, removing one does the reverse.
HEDGES: frozenset[str] = frozenset(
    """reportedly allegedly apparently appeared appear appears seemingly seemed seem seems possibly
    purportedly supposedly likely unlikely probably perhaps may might could suggest suggests suggested
    claimed claims claim alleged purported presumably""".split()
)

#: Verbs that attribute words to a speaker or a source.
ATTRIBUTION_VERBS: frozenset[str] = frozenset(
    """said says say told tells tell added adds wrote writes write stated states reported reports
    according announced announces explained explains noted notes argued argues insisted insists
    asserted asserts declared declares acknowledged acknowledges admitted admits conceded concedes
    claimed claims warned warns testified recalled promised promises continued asked asks replied
    replies responded responds maintained maintains countered counters confirmed confirms denied
    denies disputed disputes""".split()
)

#: Words that mark a passage as a party's reply: a denial, a statement, a refusal to comment.
RESPONSE_CUES: frozenset[str] = frozenset(
    """spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen statement denied denies
    deny disputed disputes dispute rejected rejects reject rebutted responded response respond
    defended defends maintained maintains maintain countered inaccurate inaccuracies misleading""".split()
)

#: Words that strengthen or weaken what they qualify: degree words, size words and verbs of
#: sharp change. Loaded words of other kinds (outrage, blame) are the lexicon's
#: (``data/lexicon/loaded.tsv``); words that entered this list only because a bundled story's
#: gold used them ("toxic", "stonewalled", "flunked", "scrambled", "bombshell", ...) were taken
#: out again (issue 16).
INTENSIFIERS: frozenset[str] = frozenset(
    """very extremely exactly just only even really truly totally completely entirely absolutely
    highly deeply utterly fully inevitably certainly definitely clearly obviously hugely massively
    severely seriously sharply dramatically drastically badly bitterly fiercely strongly slightly
    somewhat barely hardly merely simply mostly largely partly nearly almost quite rather too so
    slashed gutted plunged soared skyrocketed surged plummeted crippled devastated destroyed
    massive huge enormous tiny vast major minor""".split()
)

#: Words that make up job titles and roles.
TITLE_WORDS: frozenset[str] = frozenset(
    """president vice deputy assistant associate acting interim former chief senior junior executive
    director manager secretary attorney general solicitor counsel spokesperson spokesman spokeswoman
    mayor governor senator representative congressman congresswoman councilman councilwoman
    councillor commissioner superintendent sheriff chairman chairwoman chair minister ambassador
    inspector marshal officer official judge justice prosecutor administrator supervisor coordinator
    head leader founder owner ceo cfo coo chancellor provost dean principal captain lieutenant
    sergeant detective agent analyst adviser advisor aide editor reporter professor doctor""".split()
)

#: Rank words: changing or dropping one changes who someone is ("deputy director" -> "director").
RANK_WORDS: frozenset[str] = frozenset("vice deputy assistant associate acting interim former senior junior chief".split())

#: Words that cite a source: the attribution verbs and the verbs of findings ("the audit found").
CITING_WORDS: frozenset[str] = ATTRIBUTION_VERBS | frozenset(
    "found finds concluded concludes showed shows estimated estimates".split()
)
#: How many words a source may stand from the word that cites it ("Raman, the county
#: administrator, said": the name is four words before the verb).
SOURCE_WINDOW = 6

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25, "fifth": 0.2,
              "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
_ORDINAL_SUFFIX = ("st", "nd", "rd", "th")


def match_key(token: Token) -> str:
    """The form used to compare a word across outlets: ``norm`` without hyphens or dots.

    Case, curly quotes, dashes and initialism dots are already folded by segmentation; this
    also treats "well-being"/"wellbeing" and "DOJ."/"D.O.J." alike.
    """
    return token.norm.replace("-", "").replace(".", "")


def span_tokens(document: Document, start: int, end: int, *, words_only: bool = True) -> tuple[Token, ...]:
    """The tokens of ``document`` that lie wholly inside ``[start, end)``, in text order.

    Only content (non-boilerplate) sentences are read; punctuation is dropped when ``words_only``.
    """
    out: list[Token] = []
    for sentence in document.sentences:
        if sentence.end <= start or sentence.start >= end or sentence.boilerplate:
            continue
        for t in sentence.tokens:
            if start <= t.start and t.end <= end and (not words_only or t.kind != "punct"):
                out.append(t)
    return tuple(out)


def member_tokens(document: Document, member: Member, *, words_only: bool = True) -> tuple[Token, ...]:
    """The tokens of one member: those of its sentence that lie inside the member's span."""
    sentences = document.sentences
    if 0 <= member.sentence < len(sentences) and sentences[member.sentence].start <= member.start:
        sentence = sentences[member.sentence]
        if member.end <= sentence.end:
            return tuple(
                t
                for t in sentence.tokens
                if member.start <= t.start and t.end <= member.end and (not words_only or t.kind != "punct")
            )
    return span_tokens(document, member.start, member.end, words_only=words_only)


def passage_index(alignment: Alignment) -> dict[str, int]:
    """Passage id -> its position in ``alignment.passages`` (the canonical order)."""
    return {p.id: i for i, p in enumerate(alignment.passages)}


def relative_positions(document: Document) -> dict[int, float]:
    """Sentence index -> relative position (0 = lead, 1 = last sentence).

    The headline is at 0 and the body's sentences spread from 0 (its first) to 1, so that a
    lead sentence is at 0 whether or not the text came with its headline. A body of one
    sentence puts it at 0.
    """
    head = headline_index(document)
    body = [s for s in document.content_sentences if s.index != head]
    n = len(body)
    positions = {s.index: (i / (n - 1) if n > 1 else 0.0) for i, s in enumerate(body)}
    if head is not None:
        positions[head] = 0.0
    return positions


def member_position(document: Document, member: Member, positions: dict[int, float] | None = None) -> float:
    """Relative position (0 = lead, 1 = end) of the sentence a member lies in."""
    positions = positions if positions is not None else relative_positions(document)
    if member.sentence in positions:
        return positions[member.sentence]
    # a member whose sentence index is unknown: fall back to its character offset
    length = max(1, len(document.text))
    return min(1.0, member.start / length)


def _digits_value(norm: str) -> float | None:
    text = norm
    for suffix in _ORDINAL_SUFFIX:
        if text.endswith(suffix) and text[: -len(suffix)].replace(",", "").isdigit():
            text = text[: -len(suffix)]
            break
    if text.endswith("s") and text[:-1].isdigit():  # "1990s"
        text = text[:-1]
    parts = text.split(",")
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and parts[0].replace(".", "").isdigit():
        text = "".join(parts)
    try:
        return float(text)
    except ValueError:
        return None


def read_number(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """Read a number starting at ``tokens[i]``: ``(value, index after it)`` or ``None``.

    Handles digits with separators ("3,000", "4.2"), scale words ("4.2 million", "three
    thousand"), numbers in words ("fourteen", "twenty-five", "a dozen") and fractions ("a
    quarter" = 0.25, "a fifth"). Fractions are returned as a share, not a percentage.

    >>> from mediadiff.segment import tokenize
    >>> read_number(tokenize("nearly 3,000 children"), 1)
    (3000.0, 2)
    >>> read_number(tokenize("fourteen people"), 0)
    (14.0, 1)
    >>> read_number(tokenize("$4.2 million"), 1)
    (4200000.0, 3)
    """
    n = len(tokens)
    if i >= n:
        return None
    norm = tokens[i].norm
    value: float | None = None
    j = i
    if tokens[i].kind == "number":
        value = _digits_value(norm)
        if value is None:
            return None
        j = i + 1
    elif norm in ("a", "an", "one") and i + 1 < n and tokens[i + 1].norm in _FRACTIONS:
        return _FRACTIONS[tokens[i + 1].norm], i + 2
    elif norm in ("a", "one") and i + 1 < n and tokens[i + 1].norm == "dozen":
        return 12.0, i + 2
    elif norm == "dozen":
        return 12.0, i + 1
    else:
        total = 0.0
        current = 0.0
        seen = False
        while j < n:
            w = tokens[j].norm
            pieces = w.split("-")
            if all(p in _UNITS for p in pieces):
                current += sum(_UNITS[p] for p in pieces)
                seen = True
            elif w in _SCALES and seen:
                scale = _SCALES[w]
                if scale == 100:
                    current *= 100
                else:
                    total += current * scale
                    current = 0.0
            elif w == "and" and seen and j + 1 < n and tokens[j + 1].norm.split("-")[0] in _UNITS:
                pass
            else:
                break
            j += 1
        if not seen:
            return None
        value = total + current
        return value, j
    # digits followed by a scale word ("4.2 million")
    if j < n and tokens[j].norm in _SCALES:
        value *= _SCALES[tokens[j].norm]
        j += 1
    return value, j


# ---------------------------------------------------------------------------------------------
# Sources: who or what a sentence attributes its content to


def source_key(token: Token) -> str:
    """The form used to compare a source across outlets: ``match_key`` without a plural or
    possessive ``s`` ("Hendricks"/"Hendrick", "audits"/"audit")."""
    key = match_key(token).removesuffix("'s").removesuffix("’s")
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


def _proper(tokens: Sequence[Token], k: int, sentence_start: int, capitalised: frozenset[str]) -> bool:
    """Whether ``tokens[k]`` is a proper name: capitalised, and when it opens the sentence, a
    name elsewhere too (in ``capitalised``): "Kestrel said", not "Officials said"."""
    t = tokens[k]
    letters = t.text.translate(_NAME_MARKS)  # "O'Neill", "Ocasio-Cortez", "St."
    if not (t.kind == "word" and t.text[:1].isupper() and letters.isalpha() and len(t.text) > 1):
        return False
    if t.norm in TITLE_WORDS or t.norm in _NOT_SOURCES:
        return False
    return t.start != sentence_start or t.norm in capitalised


_PASSIVE = frozenset("be been being was were is are".split())
_NAME_MARKS = str.maketrans("", "", ".'’-")
# Function words and courtesy titles that open a sentence or a title-cased headline with a capital:
# never a name, whatever else a module takes a capitalised word for.
NOT_NAME_WORDS = frozenset(
    """the a an in on at of for to from by with and or but as after before when while if this that these those
    his her their its our mr mrs ms dr""".split()
)
# capitalised words that are not sources: the above, pronouns, abbreviated titles, days and months
_NOT_SOURCES = NOT_NAME_WORDS | CALENDAR_WORDS | frozenset("it he she they we i you sen rep gov gen lt col sgt prof st".split())


def cited_sources(document: Document, sentence: Sentence, capitalised: frozenset[str] | None = None) -> list[Token]:
    """The sources ``sentence`` attributes its content to, outside quotation marks.

    For every citing word (said, told, denied, according, found...) its subject: the name or
    source document (audit, report, statement...) just before it ("County Administrator Priya
    Raman said", "the audit found"), also across an apposition ("Fenn, 71, said"; "the
    director, Dr. Nadia Ferrante, said") or a relative pronoun ("an audit released last month
    that found"); else a name that ends the clause right after it ("..., said Board Chair Gail
    Hendrick."; not after told/asked, whose object is the listener); for "according to", the
    first name or document after it. Of a name, the last word (the surname). A pronoun subject
    ("she said") stands for the sources of the sentence before it in the same paragraph, and so
    does a sentence that quotes without citing anyone (a quotation that goes on from the sentence
    before); two such steps back at most. ``capitalised`` is :func:`capitalised_words` of the
    articles compared (of this one when not given).

    >>> from mediadiff.document import Article
    >>> from mediadiff.segment import segment
    >>> doc = segment(Article("a", "Dr. Nadia Ferrante disputed it. The county audit found high costs."))
    >>> [[t.text for t in cited_sources(doc, s)] for s in doc.content_sentences]
    [['Ferrante'], ['audit']]
    """
    names = capitalised if capitalised is not None else capitalised_words([document])

    def before(s: Sentence, steps: int) -> list[Token]:
        prev = document.sentence_before(s.start - 1)
        if steps <= 0 or prev is None or prev.paragraph != s.paragraph or prev.boilerplate:
            return []
        return cited(prev, steps - 1)

    def cited(s: Sentence, steps: int) -> list[Token]:
        tokens = [t for t in s.tokens if not document.in_quotation(t.start, t.end)]
        first = s.tokens[0].start if s.tokens else -1
        out: list[Token] = []
        for k, t in enumerate(tokens):
            if t.kind != "word" or t.norm not in CITING_WORDS or (k and tokens[k - 1].norm in _PASSIVE):
                continue  # "households were told": who told them comes after "by", if at all
            found = _source_of(tokens, k, first, names)
            for x in (before(s, steps) if found is not None and found.norm in PRONOUNS else [found]):
                if x is not None and x not in out:
                    out.append(x)
        quotes = len(tokens) < len(s.tokens)
        if not out and quotes and not any(t.kind == "word" and t.norm in CITING_WORDS for t in tokens):
            # a quotation that goes on from the sentence before without attribution of its own
            # ("...," she said. "Our costs are in line..."): the speaker is the one named there
            out = before(s, steps)
        return out

    return cited(sentence, 2)


#: Citing words whose object is the listener, not the source ("the mayor told Raman").
_TO_WHOM = frozenset("told tell tells asked ask asks".split())
_RELATIVES = frozenset("that which who".split())
_DETERMINERS = frozenset("the a an his her their its our".split())


def _source_of(tokens: Sequence[Token], k: int, first: int, names: frozenset[str]) -> Token | None:
    """The source (a pronoun included) that the citing word ``tokens[k]`` names, if any;
    ``tokens`` are a sentence's tokens outside quotation marks."""
    if tokens[k].norm == "according":
        for x in range(k + 1, min(len(tokens), k + 2 + SOURCE_WINDOW)):
            if tokens[x].kind == "word" and (found := _source_at(tokens, x, first, names, forward=True)):
                return found
        return None
    found = _subject(tokens, k, first, names)
    if found is None and tokens[k].norm not in _TO_WHOM:
        found = _inverted(tokens, k, first, names)
    return found


def _source_at(tokens: Sequence[Token], x: int, first: int, names: frozenset[str], *, forward: bool = False) -> Token | None:
    """``tokens[x]`` as a source: a document, a pronoun, or a name (its last word, the surname,
    looking ``forward`` along the run of capitalised words and titles)."""
    t = tokens[x]
    if t.norm in SOURCE_NOUNS or t.norm in PRONOUNS:
        return t
    if not _proper(tokens, x, first, names):
        return None
    end = y = x
    while forward and y + 1 < len(tokens) and tokens[y + 1].text[:1].isupper():
        y += 1
        if _proper(tokens, y, first, names):
            end = y
        elif tokens[y].norm not in TITLE_WORDS:
            break
    return tokens[end]


def _modifier(t: Token) -> bool:
    """A word that may stand in a subject before a name: a title, a determiner, a possessive or
    another capitalised word ("the group's director", "Board Chair")."""
    return t.kind == "word" and (t.norm in TITLE_WORDS or t.norm in _DETERMINERS or t.text[:1].isupper()
                                 or t.norm.endswith(("'s", "’s")))


def _subject(tokens: Sequence[Token], k: int, first: int, names: frozenset[str]) -> Token | None:
    """The source just before the citing word ``tokens[k]``, if its subject is one."""
    j = k - 1
    if j >= 0 and tokens[j].norm in _RELATIVES:
        # "an audit released last month that found": the antecedent stands a few words back
        for x in range(j - 1, max(-1, j - 1 - SOURCE_WINDOW), -1):
            if tokens[x].kind == "word" and (found := _source_at(tokens, x, first, names)):
                return found
        return None
    if j >= 0 and tokens[j].text == ",":
        # an apposition before the verb: "Fenn, 71, said", "the director, Dr. Nadia Ferrante, said"
        opening = next((x for x in range(j - 1, max(-1, j - 2 - SOURCE_WINDOW), -1) if tokens[x].text == ","), None)
        if opening is None:
            return None
        for x in range(j - 1, opening, -1):
            if tokens[x].kind == "word" and (found := _source_at(tokens, x, first, names)):
                return found
        j = opening - 1
    for x in range(j, max(-1, j - 1 - SOURCE_WINDOW), -1):
        found = _source_at(tokens, x, first, names) if tokens[x].kind == "word" else None
        if found is not None:
            return found
        if not _modifier(tokens[x]):
            return None  # "nurses said", "officials said": a subject that names no source
    return None


def _inverted(tokens: Sequence[Token], k: int, first: int, names: frozenset[str]) -> Token | None:
    """A name right after the citing word that ends its clause: "..., said Board Chair Gail
    Hendrick." (not "said Raman would resign": there Raman is what was said)."""
    x = k + 1
    while x < len(tokens) and x - k <= SOURCE_WINDOW + 2:
        if tokens[x].kind == "word" and _proper(tokens, x, first, names):
            break
        honorific_dot = tokens[x].text == "." and x > k + 1 and len(tokens[x - 1].text) <= 3  # "Dr.", "Sen."
        if not (_modifier(tokens[x]) or tokens[x].text == "," or honorific_dot):
            return None
        x += 1
    else:
        return None
    found = _source_at(tokens, x, first, names, forward=True)
    end = list(tokens).index(found) + 1
    if end + 1 < len(tokens) and tokens[end].norm == "of" and tokens[end + 1].text[:1].isupper():
        end += 2  # "said Sen. Ann Lee of Ohio."
        while end < len(tokens) and tokens[end].kind == "word" and tokens[end].text[:1].isupper():
            end += 1
    return found if end == len(tokens) or tokens[end].kind == "punct" else None
