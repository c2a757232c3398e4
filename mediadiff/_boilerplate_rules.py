"""The line rules of :mod:`mediadiff.boilerplate` (private): the regular-expression vocabulary
they are built from (dates and times, names, list labels, the reader-address and reporting-verb
guards, each rule's words) and the table of rules, each matched against a whole line. The rules
are documented in :mod:`mediadiff.boilerplate`'s docstring.

Public names (private module)
-----------------------------
RULES         rule name -> pattern that must match the whole stripped line.
rule_for      the name of the first rule that matches a line, or None.
LIST_LABEL    headers of lists of links to other stories ("Most Popular", "Related Coverage").
PROMO_LABEL   headers of sponsored and recommended link lists ("Sponsored Stories").
"""

from __future__ import annotations

import re

__all__ = ["LIST_LABEL", "PROMO_LABEL", "RULES", "rule_for"]

_I = re.IGNORECASE

# Share buttons: "Share on Facebook", "Tweet", "Email", "Print", "Copy link", network names.
_SHARE_ITEM = (
    r"(?:share(?: this)?(?: (?:article|story|page|post|link))?(?: (?:on|via|to|with) [\w+-]+)?"
    r"|tweet(?: this)?|e-?mail(?: this)?(?: (?:article|story|link))?|print(?: this)?(?: (?:article|story|page))?"
    r"|copy(?: the)?(?: article)? link|link copied|comments?|facebook|twitter|x|linkedin|reddit|pinterest|whatsapp"
    r"|flipboard|messenger|telegram|threads|bluesky|mastodon)"
)
# Bylines and time stamps: "By Jane Doe - 10/06/20 11:32 AM EDT", "Updated: Oct. 6, 2020, 11:32 a.m."
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|del|la|le|di|du|bin|al)){0,3}"
_NAMES = rf"(?-i:(?!(?:The|A|An|This|That|These|Those)\b){_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_DATE = (
    rf"(?:{_DAY}\s+)?(?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
)
_TIME = (
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)(?:\s+[a-z]{2,4})?"
    r"|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:[a-z]{2,4}|utc[+-]\d+))?"
)
_STAMP = (
    rf"(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_DATE}(?:(?:,?\s+|\s*(?:at|[,|·•–—-])\s*)(?:{_TIME}))?"
    rf"|(?:{_TIME})(?:(?:,?\s+|\s*(?:on|[,|·•–—-])\s*){_DATE})?)"
)
_STAMPS = rf"{_STAMP}(?:\s*[,|·•–—-]?\s*{_STAMP})?"
# Headers of lists of links to other stories: "Most Popular", "Related Coverage", "Trending Now".
LIST_LABEL = (
    r"(?:related(?: news| coverage| stories| articles| content| reading| topics)?"
    r"|most (?:popular|read|viewed|shared|emailed|watched)(?: (?:stories|news|articles|now|today|this week))?"
    r"|popular (?:now|today|stories)|trending(?: now| stories| news| topics)?"
    r"|recommended(?: for you| stories| reading)?|(?:more|top|latest) (?:news|stories|headlines)"
    r"|you (?:may|might) also like|editor'?’?s'?’? picks|what to read next)"
)


# Chrome that speaks to the reader (appeals, cookie notices, sign-up walls, upsells) is told from
# news prose that mentions donations, cookies or sign-ups by who is addressed: chrome commands
# ("Donate now", "Create a free account") or says "you", "our", "this site"; news reports in the
# third person and attributes ("..., the pastor urged"). These word lists would belong in
# mediadiff.vocabulary; they live here, documented, while that module is being reworked.

#: A reporting verb or "the sign read": a line that attributes is news, never a notice (prose guard).
_REPORTED = (
    r"(?!.*\b(?:said|says|say|saying|told|tells|according to|stated|added|wrote|writes|announced|urged|urges"
    r"|asked|asks|asking|warned|warns|promised|argued|argues|noted|explained|explains|concluded|testified"
    r"|advised|insisted|claimed|replied|urging|calling on)\b)(?!.*,\s+(?:the|a|an|its|his|her|their)\s+[\w'’ -]{1,40}\s+read\.?$)"
)
#: The reader or the page itself addressed: "you", "our", "this site", "by continuing", "please".
_READER = (
    r"(?=.*(?:\b(?:you|your|yourself|we|our|ours|(?-i:us|Us))\b"
    r"|\bthis (?:site|website|page|article|story|newsletter)\b"
    r"|\bby (?:continuing|clicking|using|signing|subscribing|registering|tapping)\b|\bplease\b))"
)


def _imperative(verbs: str) -> str:
    """A lookahead: a sentence of the line (its start, or after . ! ? : ; or a dash) opens with ``verbs``."""
    return rf"(?=(?:|.*?[.!?:;–—|]\s+|for more(?: [\w'’]+){{0,4}},\s*)[(\[“\"]?(?:please\s+)?(?:{verbs})\b)"


def _anywhere(words: str) -> str:
    """A lookahead: ``words`` (a self-contained pattern) occur somewhere in the line, from a word start."""
    return rf"(?=.*\b{words})"


#: Donation and membership appeals: the verbs that open one, the words of one, and what they fund.
_APPEAL_VERBS = (
    r"donate|give (?:now|today|monthly|what you can)|chip in|contribute (?:now|today)"
    r"|support (?:us|our \w+|(?:independent|local|nonprofit|quality|public[- ]service|fact-based) (?:journalism|news|reporting))"
    r"|become (?:a|an) (?:member|supporter|donor|patron|sustaining \w+|friend)"
    r"|join (?:us|them|today|now|our (?:community|members|supporters))|make (?:a|your) (?:\w+ )?(?:gift|donation|contribution|pledge)"
    r"|help (?:fund|support|sustain|keep) \w+|consider (?:becoming|supporting|donating|giving|making a)"
)
_APPEAL_ASK = (
    r"(?:(?:your|a) (?:support|donation|gift|contribution|membership)|becom\w* a (?:member|supporter|donor|patron|sustaining)"
    r"|readers like you|support\w* (?:us|our \w+)|donat(?:e|ing|ion)|tax[- ]deductible|chip in|one-time or monthly"
    r"|monthly (?:gift|donation)|nonprofit newsroom|reader[- ](?:funded|supported)|member[- ]supported)\b"
)
_APPEAL_CONTEXT = (
    r"(?:(?:journalism|journalists?|reporting|reporters|newsroom|news|nonprofit|non-profit|independent|mission|free"
    r"|today|now|monthly|a month|per month|a year|matched|thank you|readers?|work|stories|coverage)\b|\$\s?\d)"
)
#: Cookie and privacy notices: the short buttons and headings, and the words of a notice.
_COOKIE_LABEL = (
    r"(?:accept|reject|allow|decline|refuse|deny)(?: all| essential| non-essential| optional| necessary| selected)?"
    r"(?: cookies| tracking)?(?: and (?:continue|close))?"
    r"|manage (?:my |your |cookie |privacy |consent )?(?:preferences|settings|cookies|consent|choices|options)"
    r"|(?:cookie|privacy|consent|tracking) (?:policy|settings|preferences|notice|statement|choices|center|centre|options)"
    r"|(?:your |my )?privacy (?:choices|rights|options|settings)|we (?:value|respect|care about) your privacy"
    r"|do not sell(?: or share)? my (?:personal )?(?:information|info|data)|got it|i agree|i accept"
    r"|continue without (?:accepting|agreeing)"
    r"|(?:privacy policy|cookie policy|terms (?:of (?:use|service)|and conditions))"
    r"(?:\s*(?:[|·•,/&]|and)\s*(?:privacy policy|cookie policy|terms (?:of (?:use|service)|and conditions)))*"
)
_COOKIE_WORDS = (
    r"(?:cookies? (?:policy|settings|preferences|notice|help|are used|to)\b"
    r"|(?:use|uses|using|store|stores|set|sets|place|places|accept\w*|reject\w*|allow\w*|manag\w*|enabl\w*|disabl\w*"
    r"|declin\w*|consent to|storing of)\b[^.]{0,40}?\bcookies?\b|tracking technolog\w+|similar technologies"
    r"|personali[sz]e[ds]? (?:ads|advertising|content|your experience)|ip address(?:es)?|device identifiers?"
    r"|(?:advertising|third[- ]party) (?:partners|vendors)|privacy (?:policy|notice|statement|settings|choices|preferences)\b)"
)
#: Newsletter sign-up and registration walls: the outlet's own product named with the request.
_SIGNUP_LABEL = (
    r"sign up|sign in|log ?in|register|subscribe|create (?:a |an |your )?(?:free )?account"
    r"|(?:enter )?your e-?mail(?: address)?|e-?mail address|(?:free )?newsletters?(?: sign[- ]?up)?"
    r"|thanks? (?:you )?for (?:signing up|subscribing|registering|joining)"
    r"|you(?:'re|’re| are) (?:all set|signed up|subscribed|in)"
    r"|already (?:have an account|registered|a subscriber|a member)\??(?:\s+(?:sign|log) ?in)?"
)
_SIGNUP_VERBS = (
    r"subscribe|sign up|sign in|log ?in|register|create (?:a |an |your )?(?:free )?account|enter your e-?mail"
    r"|join our|get (?:our|the) (?:[\w'’-]+ ){0,3}(?:newsletter|briefing|digest|alerts)"
)
_SIGNUP_WORDS = (
    r"(?:sign(?:ing|ed)?[- ]?up|sign(?:ed)? in|log(?:ged)? ?in|(?:create|have|open|with) (?:a |an |your )?(?:free )?account"
    r"|register(?:ed)? (?:readers|users|for free|now)|subscri\w+|newsletters?|inbox|free (?:articles?|stories)"
    r"|articles? (?:left|remaining)|(?:keep|continue) reading|unlimited access|paywall)\b"
)
_SIGNUP_PRODUCT = (
    r"(?:newsletters?|inbox|e-?mail|posts|updates|free (?:account|articles?|stories|newsletter|trial|access)"
    r"|articles?|stories|story|(?:keep|continue) reading|unlimited access|accounts?"
    r"|our (?:journalism|reporting|coverage|site|website|app)|this (?:site|article|story)"
    r"|journalism|coverage|alerts|briefing|digest|registered (?:readers|users|members)|paywall|podcasts?|itunes|here)\b"
)
#: Upsells: subscription offers, prices, paid tiers.
_UPSELL_LABEL = (
    r"(?:subscribers?|members?|premium|plus|insiders?)[- ](?:only|exclusive)(?: (?:content|article|story))?"
    r"|(?:exclusive|only) for (?:subscribers|members)|(?:for )?subscribers only|premium(?: content| article| story)?"
    r"|subscribe now|(?:see|view) (?:all )?(?:subscription )?(?:offers|plans|options)"
    r"|(?:special|limited[- ]time|exclusive|introductory) offer|cancel any ?time|(?:start|begin) (?:your|a) free trial"
)
_UPSELL_VERBS = r"subscribe|try|get|unlock|upgrade|go|give|save|start|claim|continue|enjoy|switch|read|join|become"
_UPSELL_PRODUCT = (
    r"(?:subscri\w+|(?:digital|full|unlimited|premium|all[- ]access) (?:access|subscription|membership|plan|pass|\w+ plus)"
    r"|ad[- ]free|premium|free trial)\b"
)
_UPSELL_PRICE = (
    r"(?:(?:\d+ ?% off|cents|per (?:week|month|year)|a (?:week|month|year)|offer|trial|cancel any ?time)\b|[$£€]\s?\d)"
)
#: Headers of lists of sponsored or recommended links ("Sponsored Stories", "Readers also viewed").
PROMO_LABEL = (
    r"(?:sponsored|promoted)(?: (?:stories|links|content|posts|articles|listings|headlines|offers|partner content))?"
    r"|paid (?:content|posts?|partner content|promotion|for by [\w .&'’-]{1,60})"
    r"|(?:partner|advertiser|brand)(?:'s|’s)? (?:content|stories|links|posts)"
    r"|(?:sponsored|promoted|paid|partner|recommended) (?:content|links|stories|posts) (?:by|from|powered by) [\w .&'’-]{1,40}"
    r"|(?:stories|links|content) (?:from )?around the web|(?:from )?around the web|from the web|elsewhere on the web"
    r"|from (?:our|the) (?:partners|sponsors|advertisers)"
    r"|(?:readers|people|users|others|visitors|subscribers|viewers)(?: who read this)? also (?:viewed|read|liked|watched|enjoyed)(?: this)?"
    r"|(?:you|readers) (?:may|might|would|will|'ll|’ll) (?:also )?(?:like|enjoy|be interested in|want to read)(?: these| this)?"
    r"|(?:more )?stories (?:we think )?you(?:'ll|’ll| will| might| may)? (?:like|love|enjoy)"
    r"|(?:recommended|suggested|featured) (?:for you|stories|reading|articles|videos|links)"
    r"|don'?’?t miss|in case you missed it|more to explore|what others are reading|we recommend"
)
#: Audio and video player labels: durations, time read-outs, playback speed, machine narration.
_DURATION = r"\d{1,3}(?::\d{2})?\s*(?:min(?:ute)?s?|m|sec(?:ond)?s?|s)\b\.?(?: (?:listen|read|watch))?"
_PLAYER = (
    rf"listen(?: now| here| live)?(?: to (?:this|the) (?:story|article|episode|podcast|report|interview|audio|show))?"
    rf"(?:\s*[(·|•:–—-]?\s*(?:{_DURATION}|\d{{1,2}}:\d{{2}})\)?)?"
    rf"|{_DURATION}|hear (?:this|the) (?:article|story)(?: read aloud| narrated)?"
    r"|now playing|up next|playing|pause|resume|replay|mute|unmute|skip ad|play(?: now)?"
    r"|play (?:video|audio|episode|podcast|story|article)|watch(?: now| live| video| the video| again)?"
    r"|closed captions?|captions? (?:on|off)|full ?screen|exit full ?screen|(?:audio|video) (?:player|settings)"
    r"|loading (?:video|player|audio)\W*"
    r"|\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?:video|audio|clip)(?: duration| length)?\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?:playback )?(?:speed\s*)?\d(?:\.\d{1,2})?\s*x(?: speed)?"
    r"|watch\s*:\s*[^.!?]{1,120}"
    r"|listen (?:on|with) (?:apple podcasts|spotify|google podcasts|amazon music|the [\w ]{1,30} app|our app)"
)
_MACHINE_VOICE = (
    r"(?:an? )?(?:ai|artificial intelligence|automated|synthetic|computer[- ]generated|text[- ]to[- ]speech|digital)\b"
)
#: Market-data disclaimers: what may be delayed, who supplies the data.
_MARKET_SUBJECT = (
    r"(?:(?:stock|market|index|price|fund|crypto(?:currency)?|exchange|trading|financial)\s+)?(?:quotes?|data|prices?|charts?)"
    r"(?:\s+(?:shown|displayed|listed|on this (?:page|site)))?"
)
_PROVIDER = r"(?:(?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z&][\w&.'’-]*|of|and|for)){0,5}|(?:an? )?third[- ]part(?:y|ies))"
_MARKET = (  # lookaheads: the rule adds the ".*" that takes the line
    rf"(?=.*\b{_MARKET_SUBJECT}\s+(?:are |is |may be |can be )?delayed"
    r"(?:\s+(?:by\s+)?(?:at least |up to |by up to |a minimum of )?\d+\s*min\w*|\s+and\b|\s+unless\b|\s+for (?:at least )?\d+"
    r"|\s*[.;*]?\s*$))"
    r"|(?=.*\b(?:(?:market|stock|index|price|quote|fund|crypto|financial|company|fundamental|trading)\s+)"
    rf"(?:[\w ]{{0,40}}\s)?(?:data|quotes?|estimates|prices?|information)\b[^.;]{{0,40}}?\b(?:provided|supplied|powered|sourced|licensed)\s+by\s+{_PROVIDER}[.,]?(?:\s+(?:and\b|[A-Z*]).*)?$)"
    r"|(?=.*\b(?:not intended (?:for trading(?: purposes)?|as (?:investment|financial|trading) advice)"
    r"|for informational purposes only|not (?:investment|financial) advice)\b)"
)
#: Short market-data labels, matched as whole lines: "Delayed quote", "Market data as of 4:00 p.m. ET".
_MARKET_LABEL = (
    r"(?:delayed|real[- ]time) (?:quotes?|data|prices?)"
    rf"|(?:(?:market|stock|index|price|quote)\s+)?(?:data|quotes?|prices?)\s+(?:as of|updated(?: at)?|at)\s+"
    rf"(?:{_TIME}|{_DATE})(?:[ ,]+(?:{_TIME}|{_DATE}))?"
    r"|powered by (?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z][\w&.'’-]*)){0,4}"
)
#: Wire credit lines: "(Reporting by ...; Editing by ...)", "... contributed to this report".
_PERSON = rf"(?-i:(?!(?:The|A|An|This|That|These|Those)\b){_NAME})"
_PLACE = r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
_PEOPLE = rf"{_PERSON}(?:\s+in\s+{_PLACE})?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_PERSON}(?:\s+in\s+{_PLACE})?)*"
_ORG = r"(?-i:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
_CREDIT_PART = (
    r"(?:additional |further |extra )?(?:reporting|writing|editing|research|fact[- ]checking|graphics|production"
    rf"|translation|compiled|produced|edited|written|reported)\s+by\s+{_PEOPLE}(?:\s*,?\s*(?:for|of|at)\s+(?:the\s+)?{_ORG})?"
)
_CREDIT = (
    rf"[—–-]*\s*\(?\s*{_CREDIT_PART}(?:\s*[;,|]\s*(?:and\s+)?{_CREDIT_PART})*\s*\)?\.?"
    rf"|[—–-]*\s*\(?(?:(?:the\s+)?{_ORG}\s+)?(?:(?:staff|special|contributing|freelance|senior|chief)\s+)?"
    rf"(?:writers?|reporters?|correspondents?|journalists?|editors?)?\s*{_PEOPLE}\s+(?:also\s+)?contributed"
    r"(?:\s+(?:reporting|research|to\s+(?:this|the)\s+(?:report|story|article|coverage)))*\s*\)?\.?"
    rf"|[—–-]*\s*\(?with (?:additional )?(?:assistance|reporting|research|contributions?) (?:from|by) {_PEOPLE}"
    rf"(?:\s*,\s*(?:the\s+)?{_ORG})?\s*\)?\.?"
    rf"|(?:contributing|contributors?)(?: (?:writers?|reporters?|reporting))?\s*:\s*{_PEOPLE}(?:\s*[,;]\s*(?:the\s+)?{_ORG})*\.?"
)
#: Comment counters and comment-section labels.
_COUNT = r"\d[\d,.]*\s*k?"
_COMMENTS = (
    rf"(?:comments?|conversation|responses?|replies|discussion)\s*[(\[]?\s*{_COUNT}\s*[)\]]?|{_COUNT}\s+(?:comments?|responses|replies)"
    rf"|(?:view|show|read|see|load|hide|jump to|go to|skip to|open)(?: all| the| more)?(?: {_COUNT})? (?:comments?|responses|replies|conversation)"
    r"|(?:leave|post|add|write) a (?:comment|reply|response)|join the (?:conversation|discussion|debate)"
    r"|be the first to (?:comment|reply|respond)|sign in to (?:comment|reply)|comments? (?:policy|guidelines|section)"
    r"|comments? (?:are|is|have been) (?:closed|disabled|turned off|moderated|open)"
    r"(?:\s+(?:for|on) this (?:story|article|post)|\s+and\s+.{1,80})?"
    rf"|(?:there (?:are|is) )?(?:no|{_COUNT}) comments?(?: (?:on|for) this (?:story|article|post))?(?: yet)?"
)
#: Corrections and update stamps that are page chrome, not part of the story.
_STAMP_TIME = rf"(?:{_TIME}|\d{{1,2}}[:.]\d{{2}}\s*(?:gmt|bst|utc|cet|cest|[ecmp][sd]t|et|ct|pt)\b)"
_UPDATE_STAMP = (
    r"(?:(?:first|originally|last)\s+)?(?:updated|published|posted|modified|edited|corrected)\s*(?:on|at)?\s*:?\s*"
    rf"(?:{_DATE}(?:(?:,?\s+|\s*(?:at|[,|·•–—-])\s*){_STAMP_TIME})?"
    rf"|{_STAMP_TIME}(?:(?:,?\s+|\s*(?:on|[,|·•–—-])\s*){_DATE})?"
    r"|(?:\d+|an?|one|a few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago)"
)
_THIS_STORY = r"this (?:story|article|post|report|piece|page|item|headline|version|review|essay)"
_STORY_CHANGED = (
    rf"(?:a version of )?{_THIS_STORY}(?: has| had| was| is)?(?: been)? (?:updated|corrected|amended|refiled|revised"
    r"|edited|changed|republished|reissued|first published|originally published|published|appears in print"
    r"|appeared in print|ran in print|appeared in the print)\b"
)
_UPDATE = (
    rf"{_UPDATE_STAMP}(?:\s*[|,·•–—-]\s*{_UPDATE_STAMP})?\.?"
    r"|(?:\d+|an?|one|a few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago"
    rf"|\(?\s*(?:(?:editor[’']?s|ed\.?)\s+note\s*:\s*)?{_STORY_CHANGED}.*"
    rf"|(?:corrections?|clarifications?|editor[’']?s note|ed\.? note|updated?|note)(?:\s*[,(–—-]\s*{_STAMP}\)?)?\s*:\s*"
    rf"(?=.*\b(?:{_THIS_STORY}|(?:an?|the) (?:earlier|previous|prior|original) version|(?:has|have) been (?:updated|corrected|amended|revised|changed))\b).*"
    rf"|(?:an?|the) (?:earlier|previous|prior|original) version of {_THIS_STORY}\b.*"
)

#: Rule name -> pattern that must match the whole stripped line (``re.fullmatch``).
RULES: dict[str, re.Pattern[str]] = {
    "browser": re.compile(
        r".*\b(?:(?:IE|Internet Explorer) ?\d*\s+is not supported|your browser is (?:out of date|not supported|outdated)"
        r"|for an optimal experience|update your browser|enable javascript)\b.*",
        _I,
    ),
    "subscribe": re.compile(
        rf"(?:discover more from\b.*|(?:{_SIGNUP_LABEL})[.!]?"
        rf"|{_REPORTED}(?:{_imperative(_SIGNUP_VERBS)}|{_READER}{_anywhere(_SIGNUP_WORDS)}){_anywhere(_SIGNUP_PRODUCT)}.*"
        r"|.*\b(?:newsletter sign[- ]?up|get the latest (?:posts|news|updates))\b.*)",
        _I,
    ),
    "navigation": re.compile(
        # "Related ...", "More news", "Top stories", "Trending news" and the like: LIST_LABEL
        r"(?:more from [\w .&'’-]+"
        r"|read (?:more|next|the full (?:report|story|article|statement)|the report)|continue reading"
        r"|share (?:this|on)(?: article| story)?[\w ]*|click here[\w ]*|(?:see|view) (?:also|comments|gallery)"
        r"|back to top|skip to (?:main )?content"
        rf"|{LIST_LABEL})[.:!]?|(?:tags|topics|filed under|categories)\s*:[^.!?\"“”]*",
        _I,
    ),
    "advert": re.compile(
        r"(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|ad)[.:]?", _I
    ),
    "cookies": re.compile(rf"(?:{_COOKIE_LABEL})[.!]?|{_REPORTED}{_READER}{_anywhere(_COOKIE_WORDS)}.*", _I),
    "photo": re.compile(
        r"(?:(?:image|photo|photograph|picture|caption|credit|video)\s*:.*"
        r"|.*(?:/\s*|\()(?:getty images|ap photo|associated press|reuters|afp|epa|shutterstock|bloomberg)"
        r"(?:\s*(?:file|via getty images|/[\w .'’-]+))?\)?\.?"
        r"|.*\bphoto(?:graph)?s? by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*(?:\s*/\s*[\w .'’-]+)?\.?)",
        _I,
    ),
    "share": re.compile(rf"{_SHARE_ITEM}(?:(?:\s*[.,:;|•·/]\s*|\s+){_SHARE_ITEM})*[.!:]?", _I),
    "copyright": re.compile(
        r"(?:(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|by\b).*|.*\ball rights reserved\b.*"
        r"|this (?:material|article|story|content) may not be (?:published|reproduced|republished|copied)\b.*)",
        _I,
    ),
    "byline": re.compile(
        rf"(?:by\s+{_NAMES}(?:\s*[,|·•–—-]\s*(?-i:(?:The\s+)?{_NAME}))?(?:(?:\s*[,|·•–—-]\s*|\s+){_STAMPS})?"
        rf"|{_STAMPS})\.?",
        _I,
    ),
    "related": re.compile(rf"(?:{LIST_LABEL}|{PROMO_LABEL}|read (?:more|next|also)|see also|also read)\s*:\s*\S.*", _I),
    "promoted": re.compile(rf"(?:{PROMO_LABEL})[.:]?", _I),
    "appeal": re.compile(
        rf"{_REPORTED}(?:{_imperative(_APPEAL_VERBS)}|{_READER}{_anywhere(_APPEAL_ASK)}{_anywhere(_APPEAL_CONTEXT)}).*",
        _I,
    ),
    "upsell": re.compile(
        rf"(?:{_UPSELL_LABEL})[.!]?|(?:special|limited[- ]time|exclusive|introductory) offer\s*:.*"
        rf"|{_REPORTED}(?:{_imperative(_UPSELL_VERBS)}|{_READER}{_anywhere(_UPSELL_PRICE)}){_anywhere(_UPSELL_PRODUCT)}.*"
        r"|(?:this|the full) (?:content|story|article|feature|report|page) is (?:only )?(?:for|available (?:only )?to)"
        r" (?:paying |digital )?(?:subscribers|members)(?: only)?\b.*",
        _I,
    ),
    "player": re.compile(
        rf"(?:{_PLAYER})|(?:this )?(?:audio|narration|voice(?:over)?)(?: version)? (?:is|was|has been)"
        rf" (?:generated|produced|created|read|narrated)(?: \w+)? (?:by|with|using) {_MACHINE_VOICE}.*"
        rf"|(?:narrated|read|voiced) by {_MACHINE_VOICE}.*"
        r"|(?:sorry, )?your browser does not support (?:the )?(?:html5 )?(?:audio|video)\b.*",
        _I,
    ),
    "market": re.compile(rf"{_REPORTED}(?:{_MARKET}).*|(?:{_MARKET_LABEL})\.?", _I),
    "credit": re.compile(_CREDIT, _I),
    "comments": re.compile(rf"(?:{_COMMENTS})[.!]?", _I),
    "update": re.compile(rf"{_REPORTED}(?:{_UPDATE})", _I),
}

#: Rules that match a line only up to this many words (a longer line is prose).
_MAX_WORDS = {
    "copyright": 40,
    "byline": 30,
    "related": 30,
    "subscribe": 60,
    "cookies": 80,
    "promoted": 15,
    "appeal": 60,
    "upsell": 50,
    "player": 40,
    "market": 50,
    "credit": 60,
    "comments": 20,
    "update": 60,
}


_WORD = re.compile(r"\w+")


def rule_for(line: str) -> str | None:
    """The name of the first rule that matches the whole line (within its word limit), or None."""
    for name, pattern in RULES.items():
        if (name not in _MAX_WORDS or len(_WORD.findall(line)) <= _MAX_WORDS[name]) and pattern.fullmatch(line):
            return name
    return None
