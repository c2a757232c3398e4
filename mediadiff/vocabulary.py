"""The word classes mediadiff's rules read, each in one place (language knowledge).

Every rule that asks "is this a speech verb?", "a pronoun?", "a day or a month?" reads these
sets, so that two analysers never disagree on the answer. All entries are lower case and are
compared with :attr:`mediadiff.document.Token.norm`. The lists are our own, written from the
word classes of English grammar and news style, not from any one story.

Classes
-------
ATTRIBUTION_CUES     verbs that attribute content to a source: speech (said, told, wrote,
                     argued, warned...) and cognition (believes, thinks, fears, hopes...), in
                     all their forms. A cue inside a quotation is the quoted speaker's.
STANCE_CUES          verbs of a source's judgement (criticized, praised, accused): cues of the
                     attribution layer, not speech verbs for the clause cutter.
ATTRIBUTION_PHRASES  multi-word cues ("according to").
QUOTING_VERBS        verbs by which a text quotes a document ("the statement read").
NOUN_LIKE_CUES       cue words that are often nouns ("states", "report", "claims"): cues only
                     right after a pronoun or a name.
FINDING_CUES         verbs by which a document reports (found, shows): cues after a SOURCE_NOUN.
SOURCE_NOUNS         documents and records cited as the origin of a claim (audit, poll, records).
LISTENER_CUES        verbs whose first object is the listener ("told reporters that ...").
LISTENERS            who is spoken to right after such a cue ("him", "reporters").
RELATIVE_PRONOUNS    who/that/which: before a cue, the source is their antecedent.
SUBJECT_BREAKS       words that end a source read backwards from its cue ("that", "what").
FRONTED_OPENERS      words that open a fronted adverbial ("At the rally, Ruiz said ..."): not
                     content before the source's comma.
TIME_OPENERS         words that open an adverbial after a cue ("said on Tuesday", "in a
                     statement", "during a speech"): the content, if any, comes after it.
SOURCE_STOP          words between a source and its cue that belong to neither: auxiliaries
                     and adverbs ("has said", "also said", "later told").
NOUN_MARKERS         determiners, possessives and prepositions: a cue word after one is a noun
                     ("the report", "his claim", "in a statement"), not a cue.
PASSIVE_MARKERS      forms of "be" that make a cue passive ("were told"): no source before it.
PRONOUNS             personal pronouns that can be a source ("she said").
CALENDAR_WORDS       days and months: capitalised, but dates rather than names.
TITLE_WORDS          words of job titles and roles (senator, spokeswoman, deputy director).
LABELS               words that label a line before a colon ("Update:", "Photo:", "Read more:"):
                     page furniture, not a speaker.
"""

from __future__ import annotations

__all__ = [
    "ATTRIBUTION_CUES",
    "ATTRIBUTION_PHRASES",
    "CALENDAR_WORDS",
    "FINDING_CUES",
    "FRONTED_OPENERS",
    "LABELS",
    "LISTENER_CUES",
    "LISTENERS",
    "NOUN_LIKE_CUES",
    "NOUN_MARKERS",
    "PASSIVE_MARKERS",
    "PRONOUNS",
    "QUOTING_VERBS",
    "RELATIVE_PRONOUNS",
    "SOURCE_NOUNS",
    "SOURCE_STOP",
    "STANCE_CUES",
    "SUBJECT_BREAKS",
    "TIME_OPENERS",
    "TITLE_WORDS",
    "verb_forms",
]


def _forms(stems: str) -> frozenset[str]:
    """The words of a whitespace-separated list (each form written out: no rule guesses them)."""
    return frozenset(stems.split())


def verb_forms(base: str) -> frozenset[str]:
    """A regular verb's forms by rule: base, third person, past and present participle
    ("criticize" -> criticizes, criticized, criticizing; "deny" -> denies, denied; "slam" ->
    slams, slammed, slamming when written "slam+", the ``+`` asking for a doubled consonant).

    >>> sorted(verb_forms("deny"))
    ['denied', 'denies', 'deny', 'denying']
    >>> sorted(verb_forms("slam+"))
    ['slam', 'slammed', 'slamming', 'slams']
    """
    double = base.endswith("+")
    w = base.rstrip("+")
    if double:
        return frozenset({w, w + "s", w + w[-1] + "ed", w + w[-1] + "ing"})
    if w.endswith("e"):
        return frozenset({w, w + "s", w + "d", w[:-1] + "ing"})
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return frozenset({w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"})
    third = w + "es" if w.endswith(("s", "sh", "ch", "x", "z")) else w + "s"
    return frozenset({w, third, w + "ed", w + "ing"})


def _verbs(bases: str) -> frozenset[str]:
    """Every form (:func:`verb_forms`) of the regular verbs of a whitespace-separated list."""
    return frozenset(form for base in bases.split() for form in verb_forms(base))


#: Speech and cognition verbs that attribute what follows (or precedes) them to a source.
ATTRIBUTION_CUES: frozenset[str] = _forms(
    """say says said saying tell tells told telling add adds added adding write writes wrote writing
    state states stated argue argues argued arguing claim claims claimed claiming insist insists
    insisted insisting note notes noted noting explain explains explained explaining ask asks asked
    warn warns warned warning announce announces announced acknowledge acknowledges acknowledged
    admit admits admitted declare declares declared report reports reported tweet tweets tweeted
    suggest suggests suggested suggesting respond responds responded reply replies replied recall
    recalls recalled predict predicts predicted testify testifies testified concede concedes conceded
    maintain maintains maintained counter counters countered promise promises promised vow vows vowed
    pledge pledges pledged urge urges urged confirm confirms confirmed deny denies denied dispute
    disputes disputed estimate estimates estimated emphasize emphasizes emphasized emphasise
    emphasises emphasised stress stresses stressed complain complains complained charge charges
    charged allege alleges alleged contend contends contended believe believes believed think thinks
    thought hope hopes hoped fear fears feared conclude concludes concluded continue continues call calls
    called calling
    continued"""
)

#: Verbs of stance: a source's judgement of something, which news reports as the source's view
#: ("Smith criticized the plan as reckless", "praised her record"). Cues of the attribution layer
#: (its content is the source's, not the outlet's), but not speech verbs for the clause cutter:
#: "Smith criticized the plan" is a fact of the story, not only an attribution.
STANCE_CUES: frozenset[str] = _verbs(
    """criticize praise accuse defend endorse describe dismiss reject denounce condemn decry
    blast slam+ attack mock welcome hail applaud tout lament bemoan blame thank congratulate
    characterize label dub+ brand question echo"""
)

#: Cue words that are nouns at least as often ("30 states", "the report", "a claim", "our hopes"):
#: they are cues only right after a pronoun or a name ("they claim", "Smith states").
NOUN_LIKE_CUES: frozenset[str] = _forms(
    """state states note notes report reports charge charges estimate estimates promise promises
    pledge pledges counter counters stress stresses fear fears hope hopes dispute disputes vow vows
    tweet tweets claim claims reply replies continue continues add adds attack attacks blast blasts
    slam slams welcome welcomes label labels brand brands question questions echo echoes blame
    blames praise"""
)

#: Verbs by which a document (not a person) reports a finding: cues only after a source noun
#: ("a poll found", "records show", "the study concluded").
FINDING_CUES: frozenset[str] = _forms("found finds find show shows showed shown suggest suggests suggested")

#: Documents and records that news cites as the origin of a claim ("the audit found").
SOURCE_NOUNS: frozenset[str] = _forms(
    """audit audits report reports study studies survey surveys review reviews inspection inspections
    records statement statements analysis investigation memo letter filing filings lawsuit complaint
    poll polls data documents research"""
)

#: Verbs whose first object is the listener, not the content ("told reporters that ...").
LISTENER_CUES: frozenset[str] = _forms(
    """tell tells told telling warn warns warned warning urge urges urged ask asks asked promise
    promises promised remind reminds reminded assure assures assured inform informs informed"""
)

#: Verbs by which a text quotes a document ("the statement read"): attribution pieces for the
#: clause cutter, not cues of the attribution layer ("she read the report").
QUOTING_VERBS: frozenset[str] = _forms("read reads")

#: Multi-word cues, as tuples of words.
ATTRIBUTION_PHRASES: tuple[tuple[str, ...], ...] = (
    ("according", "to"),
    ("pointed", "to"),
    ("points", "to"),
    ("point", "to"),
    ("pointing", "to"),
    ("pointed", "out"),
    ("points", "out"),
    ("pointing", "out"),
)

#: Words that may stand between a source and its cue ("has said", "also told", "later wrote").
SOURCE_STOP: frozenset[str] = _forms(
    """has have had would will could may might also later then again once repeatedly recently
    publicly privately previously first initially further simply just still even often reportedly
    has've already now never not did does do can should must always"""
)

#: Words after which a cue word reads as a noun ("the report", "a claim", "in response").
NOUN_MARKERS: frozenset[str] = _forms(
    """the a an this that these those his her their its our my your whose which what each every no
    any some of in on for to with by from at as into about after before without under over"""
)

#: Who is spoken to, right after a listener cue ("told him", "told reporters that ..."): the
#: content starts after them.
LISTENERS: frozenset[str] = _forms("him her them us me you reporters")

#: Relative pronouns: before a cue, the source is their antecedent ("X, who said"; "an audit
#: ... that found").
RELATIVE_PRONOUNS: frozenset[str] = _forms("who that which")

#: Words that end a source read backwards from its cue: the subject starts after them ("...
#: that critics said", "what critics call", "along with officials who").
SUBJECT_BREAKS: frozenset[str] = _forms(
    "that who whom which what where and but when while as because if since with along though although unless whether whereas"
)

#: Words that open an adverbial right after a cue: the content comes after it, if at all.
TIME_OPENERS: frozenset[str] = _forms(
    """on in at during after before while last this earlier later yesterday today tonight monday
    tuesday wednesday thursday friday saturday sunday from via through"""
)

#: Prepositions and conjunctions that open a fronted adverbial ("At the rally, Ruiz said ...",
#: "After the vote, ..."): what they open before a source's comma is not the source's words.
FRONTED_OPENERS: frozenset[str] = _forms(
    "at in on during after before while from via through amid despite following since when as with"
)

#: Forms of "be" before a cue that make it passive ("households were told"): no source before it.
PASSIVE_MARKERS: frozenset[str] = _forms("be been being was were is are")

#: Personal pronouns that can stand for a source.
PRONOUNS: frozenset[str] = _forms("he she they it we i")

#: Days and months.
CALENDAR_WORDS: frozenset[str] = _forms(
    """monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december"""
)

#: Words that label a line before a colon: page furniture or an editor's rubric, not a speaker
#: ("Update: ...", "Editor's note: ...", "Photo: ...", "Read more: ...", "Q: ...").
LABELS: frozenset[str] = _forms(
    """update updated note editor editors photo photos video videos watch read more related
    correction corrections listen breaking exclusive opinion analysis source sources credit
    caption advertisement sponsored topics tags share see also q a question answer file image
    live latest summary background transcript explainer"""
)

#: Words that make up job titles and roles ("deputy director", "the senator"): part of a
#: person's title, not of their name; a source "the senator" stands for a named person.
TITLE_WORDS: frozenset[str] = frozenset(
    """president vice deputy assistant associate acting interim former chief senior junior executive
    director manager secretary attorney general solicitor counsel spokesperson spokesman spokeswoman
    mayor governor senator representative congressman congresswoman councilman councilwoman
    councillor commissioner superintendent sheriff chairman chairwoman chair minister ambassador
    inspector marshal officer official judge justice prosecutor administrator supervisor coordinator
    head leader founder owner ceo cfo coo chancellor provost dean principal captain lieutenant
    sergeant detective agent analyst adviser advisor aide editor reporter professor doctor""".split()
)
