"""The one shape every data error takes, and how a list of them is reported."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A located data error: `path:line:col: CODE message`, plus an optional fix hint."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" fails the check; "warning" is reported only

    def format(self) -> str:
        marker = "warning: " if self.severity == "warning" else ""
        text = f"{self.path}:{self.line}:{self.col}: {self.code} {marker}{_one_line(self.message)}"
        if self.hint:
            text += f"\n  hint: {_one_line(self.hint)}"
        return text


def _one_line(text: str) -> str:
    """Keep each report line on one line, whatever the contributed text contains."""
    return " ".join(text.split())


def format_report(problems: list[Problem]) -> str:
    """Every problem, sorted by place, then a count line."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.col, p.code, p.message))
    lines = [p.format() for p in ordered]
    errors = [p for p in problems if p.severity == "error"]
    warnings = len(problems) - len(errors)
    files = len({p.path for p in errors})
    count = f"{_plural(len(errors), 'error')} in {_plural(files, 'file')}" if errors else "No errors"
    lines.append(count + (f", {_plural(warnings, 'warning')}." if warnings else "."))
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class UsageError(Exception):
    """The command line asks for something that cannot be done (a missing file, a bad flag value).

    Every command raises it instead of printing; `python -m atlas` reports it the way argparse reports its own
    errors (usage and message on stderr) and exits with status 2."""
