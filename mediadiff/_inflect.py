"""Inflections undone by suffix rules, with no data downloaded: the one place that knows how a
word form relates to its base. The loaded-language lexicon matches inflected forms with it, and
the quotation finder tells a form of one word from another word (``_tokens.forms_of_one``).

Public names
------------
lemma_candidates   the base forms a word may be an inflection of, itself first (suffix rules).
IRREGULAR_FORMS    irregular verb forms and their base ("took" -> "take").
looks_past         whether a word reads as a past form or participle ("-ed" or irregular).
foreign_ending     whether a form has an ending its base's part of speech does not take.
plural_pair        whether one of two words is the other with a plural or possessive ending.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["IRREGULAR_FORMS", "foreign_ending", "lemma_candidates", "looks_past", "plural_pair"]

_IRREGULAR = {
    "took": "take",
    "taken": "take",
    "tore": "tear",
    "torn": "tear",
    "shook": "shake",
    "shaken": "shake",
    "stole": "steal",
    "stolen": "steal",
    "swept": "sweep",
    "struck": "strike",
    "stricken": "strike",
    "fought": "fight",
    "threw": "throw",
    "thrown": "throw",
    "drove": "drive",
    "driven": "drive",
    "broke": "break",
    "broken": "break",
    "spat": "spit",
    "slew": "slay",
    "slain": "slay",
    "sank": "sink",
    "sunk": "sink",
    "bit": "bite",
    "bitten": "bite",
    "hid": "hide",
    "hidden": "hide",
    "brought": "bring",
    "caught": "catch",
    "ran": "run",
    "rode": "ride",
    "ridden": "ride",
    "shot": "shoot",
    "fell": "fall",
    "fallen": "fall",
    "led": "lead",
    "dug": "dig",
    "stung": "sting",
    "flung": "fling",
    "crept": "creep",
    "blew": "blow",
    "blown": "blow",
    "spun": "spin",
    "hung": "hang",
    "sold": "sell",
    "bought": "buy",
    "gave": "give",
    "given": "give",
    "went": "go",
    "gone": "go",
    "made": "make",
    "laid": "lay",
    "came": "come",
    "wrung": "wring",
    "wove": "weave",
    "woven": "weave",
    "beat": "beat",
    "beaten": "beat",
    "bled": "bleed",
    "fled": "flee",
    "sought": "seek",
    "swore": "swear",
    "sworn": "swear",
    "worse": "bad",
    "worst": "bad",
    "rode roughshod": "ride roughshod",
    "sped": "speed",
    "dove": "dive",
    "rang": "ring",
    "rung": "ring",
    "sent": "send",
    "spent": "spend",
    "burnt": "burn",
    "pled": "plead",
    "mislead": "mislead",
    "misled": "mislead",
    "overran": "overrun",
    "overrode": "override",
    "undid": "undo",
    "upheld": "uphold",
    "withdrew": "withdraw",
    "withheld": "withhold",
    # common irregular pasts of news prose, which end no span of loaded words ("the lame-duck
    # session | became ...")
    "became": "become",
    "began": "begin",
    "begun": "begin",
    "grew": "grow",
    "grown": "grow",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "told": "tell",
    "said": "say",
    "thought": "think",
    "found": "find",
    "kept": "keep",
    "held": "hold",
    "won": "win",
    "lost": "lose",
    "paid": "pay",
    "stood": "stand",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "chose": "choose",
    "chosen": "choose",
    "felt": "feel",
    "heard": "hear",
    "met": "meet",
    "meant": "mean",
    "understood": "understand",
}
_VOWELS = set("aeiou")
#: Irregular verb forms and their base ("took" -> "take"), read by :func:`lemma_candidates`.
IRREGULAR_FORMS: Mapping[str, str] = MappingProxyType(_IRREGULAR)


def lemma_candidates(word: str) -> tuple[str, ...]:
    """The forms ``word`` may be an inflection of, itself first (suffix rules, no data needed).

    The rules undo plural and third-person ``-s``/``-es``/``-ies``, past ``-ed``/``-ied`` (with a
    doubled consonant or a dropped ``e``), ``-ing``, comparative ``-er``/``-est``, adverb ``-ly``
    (``-ily``, ``-ably``, ``-ically``) and a possessive ``'s``, plus a short table of irregular
    verbs. They over-generate on purpose: a candidate only matters if the lexicon holds it.

    >>> lemma_candidates("snatched")[:3]
    ('snatched', 'snatch', 'snatche')
    >>> "scathing" in lemma_candidates("scathingly")
    True
    >>> "take" in lemma_candidates("took")
    True
    """
    w = word.lower().replace("’", "'")
    out: list[str] = [w]
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
        out.append(w)

    def add(x: str) -> None:
        if len(x) >= 2 and x not in out:
            out.append(x)

    if w in _IRREGULAR:
        add(_IRREGULAR[w])
    n = len(w)
    if n > 3 and w.endswith("ies"):
        add(w[:-3] + "y")
    if n > 3 and w.endswith("es"):
        add(w[:-2])
    if n > 2 and w.endswith("s") and not w.endswith("ss"):
        add(w[:-1])
    if n > 3 and w.endswith("ied"):
        add(w[:-3] + "y")
    if n > 3 and w.endswith("ed"):
        stem = w[:-2]
        add(stem)
        add(w[:-1])  # e-final base: "raged" -> "rage"
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            add(stem[:-1])  # doubled consonant: "snubbed" -> "snub"
    if n > 4 and w.endswith("ing"):
        stem = w[:-3]
        add(stem)
        add(stem + "e")
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            add(stem[:-1])
        if stem.endswith("y"):
            add(stem[:-1] + "ie")  # "lying" -> "lie"
    for suffix in ("est", "er"):
        if n > len(suffix) + 2 and w.endswith(suffix):
            stem = w[: -len(suffix)]
            if stem.endswith("i"):
                add(stem[:-1] + "y")
            add(stem)
            add(stem + "e")
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                add(stem[:-1])
    if n > 4 and w.endswith("ly"):
        stem = w[:-2]
        if w.endswith("ically"):
            add(w[:-6] + "ic")
        if w.endswith("ily"):
            add(w[:-3] + "y")
        if w.endswith(("bly", "ply", "tly")):
            add(w[:-1] + "e")  # "horribly" -> "horrible", "simply" -> "simple"
        if w.endswith("lly"):
            add(w[:-2])  # "fully" -> "ful" is harmless; "totally" -> "total"
            add(w[:-1])  # "fully" -> "full"
        add(stem)
        add(stem + "e")  # "truly" -> "true"
    return tuple(out)


def looks_past(norm: str) -> bool:
    """Whether a word reads as a past form or participle: a regular "-ed" or an irregular form
    ("released", "became"). It over-generates on purpose ("sacred", "greed"): a reader that must
    not take those adds its own condition.

    >>> looks_past("released"), looks_past("became"), looks_past("release")
    (True, True, False)
    """
    return norm.endswith("ed") or norm in _IRREGULAR


#: Endings an inflection of each part of speech cannot have: an adjective has no verb forms
#: ("uttered" is not "utter", "smarting" not "smart"), a noun no comparative or agent form
#: ("hacker" is not "hack"). A noun's "-ly" adjective keeps its load ("beastly").
_FOREIGN_ENDINGS = {"adj": ("ed", "ing"), "noun": ("er", "est")}


def foreign_ending(norm: str, base: str, pos: str) -> bool:
    """Whether ``norm``, a form of ``base``, has an ending that ``base``'s part of speech
    (``"adj"``, ``"noun"``...) does not take, so that it is another word.

    >>> foreign_ending("uttered", "utter", "adj"), foreign_ending("hacker", "hack", "noun")
    (True, True)
    >>> foreign_ending("hacks", "hack", "noun"), foreign_ending("cowardly", "coward", "noun")
    (False, False)
    """
    return norm != base and any(norm.endswith(e) and not base.endswith(e) for e in _FOREIGN_ENDINGS.get(pos, ()))


def plural_pair(a: str, b: str) -> bool:
    """Whether one of two words is the other with a plural or possessive ending ("Democrats",
    "Lee's").

    >>> plural_pair("democrat", "democrats"), plural_pair("lee's", "lee"), plural_pair("ames", "amherst")
    (True, True, False)
    """
    short, long_ = sorted((a, b), key=len)
    return long_ in (short + "s", short + "es", short + "'s")
