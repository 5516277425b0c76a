"""Every rule code the checker can report, with what it means and how to fix it.

This table is the single source for the rule list in CONTRIBUTING.md and on the site; a test
checks that every code here has an invalid fixture and that the checker emits no other code.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    code: str
    title: str
    fix: str


RULES: tuple[Rule, ...] = (
    # Loading: the file itself
    Rule("ATL001", "File cannot be read (not UTF-8, a symbolic link, unreadable)", "Save the file as UTF-8 text; no links."),
    Rule("ATL002", "YAML syntax error", "Fix indentation or quoting at the reported position."),
    Rule("ATL003", "Duplicate key in a mapping", "Keep one of the two keys; YAML would silently keep only the last."),
    Rule("ATL004", "YAML anchors, aliases or merge keys", "Write values out in full; entries must read on their own."),
    Rule("ATL005", "YAML tag other than the core ones", "Remove the `!tag`."),
    Rule("ATL006", "File larger than the size limit", "Shorten the text; entries are small."),
    Rule("ATL007", "Nesting deeper than the limit", "Flatten the structure; see the schema."),
    Rule("ATL008", "Empty file, or more than one YAML document", "One file holds exactly one entry."),
    # Schema: the shape of one file
    Rule("ATL100", "Value of the wrong type", "Use the type the schema asks for; quote text that looks like a number."),
    Rule("ATL101", "Required field missing", "Add the field; the hint names it and says what it holds."),
    Rule("ATL102", "Unknown field", "Remove or rename the field; the hint suggests the closest known name."),
    Rule("ATL103", "Value not in the allowed list", "Use one of the listed values."),
    Rule("ATL104", "Value of the wrong form (pattern, length, date, list size, repeats)", "Follow the form in the schema's description."),
    # Cross-file rules: the catalog as a whole
    Rule("ATL200", "File name differs from the tool id", "Rename the file to `<id>.yaml` or fix `id`."),
    Rule("ATL201", "Unknown category", "Use a category id from catalog/categories.yaml."),
    Rule("ATL202", "Unknown criterion, or criteria for a category the tool is not in", "Use criterion ids of that category; add the category to `categories`."),
    Rule("ATL203", "Unknown tool id", "Use the id of a file in catalog/tools/."),
    Rule("ATL204", "Two tools share a name (ignoring case)", "Merge the entries, or give each its official distinct name."),
    Rule("ATL205", "Two tools share a repository URL", "One repository is one tool: merge the entries."),
    Rule("ATL206", "Category without any tool", "Add a tool to it, or remove the category."),
    Rule("ATL207", "Unknown stage", "Use a stage id from the `stages` list."),
    Rule("ATL208", "Duplicate id", "Ids must be unique within their list."),
    Rule("ATL209", "Unknown glossary term", "Use a term id from catalog/glossary.yaml, or add the term."),
    Rule("ATL210", "URL not allowed", "Use a public https:// address with a host name and no user name or password."),
    Rule("ATL211", "Reviewed date in the future", "Use the date you checked the entry."),
    Rule("ATL212", "A tool compared with itself, or twice with the same tool", "List each alternative once, never the tool itself."),
    Rule("ATL213", "Missing or unexpected catalog file", "Keep the catalog layout: categories.yaml, glossary.yaml, learning-path.yaml, comparisons.yaml, stacks.yaml, stores.yaml, tools/<id>.yaml."),
    Rule("ATL230", "Invisible or control character in text", "Delete the character; the message names it and its position."),
    Rule("ATL235", "Weak source: an aggregator, mirror, fork, preview host or AI-assistant instruction file (catalog/weak-sources.yaml)", "Cite the project's own repository, documentation, release notes or announcement, or drop the claim."),
    Rule("ATL236", "Licence without its source: the entry has a repository but no `license_source`", "Read the LICENSE file at the newest tag and set `license_source: https://github.com/<owner>/<repo>/blob/<tag>/LICENSE`."),
    Rule("ATL237", "Licence source not pinned to a tag, a commit or a package version", "Point `license_source` at the LICENSE file at a tag or full commit, not at a branch such as main."),
    Rule("ATL238", "Active, but GitHub shows no release or push in the 18 months before the review, and no status evidence", "Add `status_evidence` saying what the silence means (last release, last commit), or change the status to maintenance or archived."),
    Rule("ATL240", "Logo not in simple-icons", "Use the icon's slug as simple-icons writes it (the name in its address at simpleicons.org, e.g. mlflow), or leave `logo` out: the page then shows the name alone."),
    Rule("ATL241", "Reserved id: it would replace a listing page of the site", "Choose another id (and file name): `index` names the page of a whole folder, such as the compare page or the list of stacks."),
    Rule("ATL239", "A status-evidence or event date that is not in the calendar or is in the future", "Use the date the source shows (YYYY-MM-DD, or YYYY-MM when it gives only the month)."),
    Rule("ATL231", "A starter-stack pick whose tool is not in the pick's category", "Pick a tool of that category, or add the category to the tool's entry if it really does that job."),
    Rule("ATL232", "Marketing word in a tool's summary, description or differences", "Say what the tool does in plain, neutral words; no 'leading', 'seamless', 'powerful' and the like."),
    Rule("ATL233", "Description shorter than two or longer than four sentences", "Write two to four sentences: what it does, what it is good at, its limits or running costs."),
    # Freshness: what GitHub says about the repository (catalog/github.json), and the age of the review
    Rule("ATL214", "Licence differs from the SPDX id GitHub detects (warning)", "Read the repository's LICENSE file again; fix `license`, or say in `license_note` why GitHub's detection is wrong, naming the id it detects."),
    Rule("ATL215", "Tool marked active or maintenance whose repository GitHub says is archived", "Set `status: archived` (or discontinued or acquired) and say what happened in `status_note`."),
    Rule("ATL216", "Reviewed more than 12 months ago (warning)", "Check every field against its sources again, then set `reviewed` to today's date."),
    Rule("ATL217", "Reviewed more than 24 months ago", "Check every field against its sources again, then set `reviewed` to today's date."),
    Rule("ATL218", "GitHub cannot find the repository, or it moved (warning)", "Find the project's current repository and set `repository` to it, or remove the field if the code is no longer public."),
    Rule("ATL220", "File not in the canonical layout (a warning)", "Run `python -m atlas fmt PATH`; `--check` shows the difference."),
)

BY_CODE = {rule.code: rule for rule in RULES}
