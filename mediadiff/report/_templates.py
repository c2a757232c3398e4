"""HTML and CSS templates of ``report.html``, as Python strings.

The page is one self-contained file: inline CSS, no script, no external request. The
Content-Security-Policy forbids everything but inline styles and ``data:`` images, so even a
fragment that escaped escaping could not run or load anything. Templates use
:class:`string.Template` ``$names``; every value put into them is already HTML-escaped.

Public names (private module)
-----------------------------
CSP, PAGE, STYLE; CATEGORY_COLOURS, CATEGORY_ORDER, category_colour (from ``mediadiff._presentation``)
"""

from __future__ import annotations

from string import Template

from .._presentation import CATEGORY_COLOURS, CATEGORY_ORDER, category_colour

__all__ = ["CATEGORY_COLOURS", "CATEGORY_ORDER", "CSP", "PAGE", "STYLE", "category_colour"]

#: The Content-Security-Policy of the report: nothing runs, nothing loads from elsewhere.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d8d8dc; --bg: #ffffff; --panel: #f6f6f8;
        --shift: #fff1b8; --loaded: #f7d9a8; --gap: #f3f3f3; --alter: #d55e00; --conflict: #0072b2; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.45;
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 1400px; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.meta, .muted { color: var(--muted); }
p.meta { margin: 0 0 1rem; }
nav.toc { font-size: .9rem; margin: .5rem 0 1rem; display: flex; flex-wrap: wrap; row-gap: .25rem; }
nav.toc a { margin-right: 1rem; color: #0b57d0; }
section#summary ul { padding-left: 1.2rem; margin: .4rem 0; }
section#summary li { margin: .35rem 0; max-width: 70rem; overflow-wrap: anywhere; }
.panel { background: var(--panel); border-radius: 6px; padding: .8rem 1rem; }
table { border-collapse: collapse; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #eceef2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.bar { display: inline-block; height: .65rem; background: #0072b2; vertical-align: middle; margin-right: .35rem;
       border-radius: 2px; min-width: 1px; }
.bar.om { background: #d55e00; } .bar.ws { background: #e69f00; } .bar.ll { background: #cc79a7; }
.outlet-name { font-weight: 600; overflow-wrap: anywhere; }
.outlet-title { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
/* outlet scores: names and titles wrap between words, never letter by letter (anywhere would let a
   narrow window squeeze the column to one letter); the table scrolls in its box when too wide */
table.scores td.outlet { min-width: 10rem; max-width: 22rem; }
table.scores td.outlet .outlet-name, table.scores td.outlet .outlet-title { overflow-wrap: break-word; }
table.sim td { text-align: center; min-width: 3.2rem; font-variant-numeric: tabular-nums; }
/* outlet names wrap between words or after an underscore (<wbr>), inside a token only as a last resort */
table.sim th .name { display: inline-block; max-width: 11rem; overflow-wrap: break-word; }
.legend { font-size: .88rem; margin: .4rem 0 .8rem; display: flex; flex-wrap: wrap; gap: .4rem 1.1rem; }
.legend span.key { padding: 0 .3rem; }
table.collation { table-layout: fixed; }
table.collation th.pid { width: 6.5rem; position: sticky; left: 0; background: #fafafa; z-index: 1; }
table.collation thead th { position: sticky; top: 0; z-index: 2; overflow-wrap: anywhere; }
table.collation thead th.pid { white-space: nowrap; overflow-wrap: normal; left: 0; z-index: 3; }
table.collation td { min-width: 14rem; width: 18rem; }
table.collation td.cell { white-space: pre-wrap; overflow-wrap: anywhere; }
table.collation tr.single td.cell, table.collation tr.single th { opacity: .82; }
td.gap { background: repeating-linear-gradient(135deg, #fbe3d6 0 6px, #ffffff 6px 12px);
         color: #8a3300; font-size: .85rem; font-style: italic; white-space: normal; }
td.absent { background: var(--gap); }
td.para { background: #e6f0f8; color: var(--muted); font-size: .85rem; }
.pid .support { display: block; color: var(--muted); font-size: .8rem; font-weight: normal; }
.pid .badge { display: inline-block; font-size: .72rem; font-weight: 600; border-radius: 3px; padding: 0 .25rem;
              margin-top: .2rem; color: #fff; }
.badge.cf { background: var(--conflict); } .badge.qa { background: var(--alter); } .badge.om { background: #8a3300; }
.sep { color: var(--muted); }
mark { color: inherit; background: transparent; padding: 0; }
mark.ws { background: var(--shift); border-bottom: 2px solid #e69f00; }
mark.ll { border-bottom: 2px solid #9b4f00; }
mark.ll.quoted { border-bottom-style: dotted; }
mark.qa { outline: 2px solid var(--alter); outline-offset: -1px; }
mark.cf { box-shadow: inset 0 -3px 0 var(--conflict); font-weight: 600; }
mark.q { font-style: italic; }
.caret { color: #b00020; font-weight: 700; padding: 0 .05rem; }
/* a finding's mark takes the focus (keyboard or tap) and then shows its note, no hover needed */
mark[tabindex], .caret[tabindex] { position: relative; cursor: help; }
mark[tabindex]:focus, .caret[tabindex]:focus { outline: 2px solid #0b57d0; outline-offset: 1px; }
mark[tabindex]:focus::after, .caret[tabindex]:focus::after {
  content: attr(title); position: absolute; left: 0; top: 100%; z-index: 5; width: max-content; max-width: 22rem;
  margin-top: .25rem; padding: .35rem .5rem; border-radius: 4px; background: #1d1d1f; color: #fff;
  font: normal normal 400 .82rem/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  white-space: pre-line; overflow-wrap: anywhere; text-align: left; }
table.findings { width: 100%; }
table.findings th, table.findings td { white-space: nowrap; }
table.findings td.who { white-space: normal; min-width: 8rem; max-width: 16rem; overflow-wrap: break-word; }
table.findings td.text { white-space: normal; min-width: 14rem; overflow-wrap: anywhere; }
table.findings .off { display: block; color: var(--muted); font-size: .75rem; white-space: nowrap; }
table.findings .value + .value { margin-top: .2rem; }
table.findings .value .off { display: inline; margin-left: .4rem; }
p.more { margin-top: .3rem; }
section#findings nav.toc a { margin-right: .9rem; white-space: nowrap; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print { .scroll { overflow: visible; } table.collation thead th, table.collation th.pid { position: static; } }
"""

#: The page; ``$body`` holds the escaped sections.
PAGE = Template(
    """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="$csp">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="$generator">
<title>$title</title>
<style>$style</style>
</head>
<body>
<main>
$body
</main>
</body>
</html>
"""
)
