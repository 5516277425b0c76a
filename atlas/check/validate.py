"""Load a whole catalog, validate every file, run the cross-file rules, collect every problem."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from atlas.check import rules
from atlas.core import repository as github
from atlas.core.layout import EXPECTED, OPTIONAL_FILES, SHARED_FILES, TOOL_KIND, TOOL_SUFFIX, TOOLS_DIR, display
from atlas.core.load import Document, LoadError, load_file
from atlas.core.problems import Problem
from atlas.core.repository import RepoFacts
from atlas.core.schema import schema_problems


@dataclass
class LoadedCatalog:
    """Every file of a catalog that could be loaded, and the problems found so far."""

    root: Path
    shared: dict[str, Document] = field(default_factory=dict)  # kind -> document
    tools: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    github: dict[str, RepoFacts] = field(default_factory=dict)  # from the generated github.json, when present

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def check_catalog(root: str | Path, extra_tools: Sequence[str | Path] = (), today: dt.date | None = None,
                  formatting: bool = True) -> LoadedCatalog:
    """Validate the catalog at `root` (plus extra tool files, which replace same-named ones).

    `formatting` adds the ATL220 warnings of `atlas fmt`; the site build leaves them out (they never
    stop a build, and the ruamel round trip costs about 30 ms a file).
    """
    root = Path(root)
    catalog = LoadedCatalog(root=root)
    loaded: list[Path] = []
    for name, kind in {**SHARED_FILES, **OPTIONAL_FILES}.items():
        path = root / name
        if not path.exists():
            if name in SHARED_FILES:
                catalog.problems.append(Problem(display(path), 1, 1, "ATL213", f"missing catalog file {name}",
                                                f"The catalog needs {EXPECTED}."))
            continue
        doc = _load(path, catalog)
        if doc is not None:
            catalog.problems.extend(schema_problems(doc, kind))
            catalog.shared[kind] = doc
            loaded.append(path)
    tool_paths = _tool_paths(root, catalog)
    for extra in extra_tools:
        extra = Path(extra)
        tool_paths = [p for p in tool_paths if p.name != extra.name] + [extra]
    for path in sorted(tool_paths, key=lambda p: p.name):
        doc = _load(path, catalog)
        if doc is not None:
            catalog.problems.extend(schema_problems(doc, TOOL_KIND))
            catalog.tools.append(doc)
            loaded.append(path)
    catalog.github = _github_facts(root, catalog)
    catalog.problems.extend(rules.run_all(catalog.shared, catalog.tools, today or reference_date(), catalog.github))
    if formatting:
        catalog.problems.extend(_formatting_problems(catalog, loaded))
    return catalog


def _formatting_problems(catalog: LoadedCatalog, paths: list[Path]) -> list[Problem]:
    """ATL220 for files that pass every other check but are not in `atlas fmt`'s layout (a warning)."""
    from atlas.fmt import layout as fmt  # ruamel.yaml is only needed here; `check --no-format` and the site build skip it

    flagged = {p.path for p in catalog.problems}
    taxonomy = catalog.shared.get("categories")
    order = fmt.criteria_order_of(taxonomy.data if taxonomy else None)
    found = (fmt.formatting_problem(path, display(path), order) for path in paths if display(path) not in flagged)
    return [problem for problem in found if problem is not None]


def reference_date() -> dt.date:
    """Today, unless ATLAS_TODAY (YYYY-MM-DD) pins the date review ages are measured from.

    The tests pin it for their fixture catalogs, whose `reviewed` dates would otherwise grow stale.
    """
    pinned = os.environ.get("ATLAS_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def _github_facts(root: Path, catalog: LoadedCatalog) -> dict[str, RepoFacts]:
    path = root / github.FILE_NAME
    try:
        return github.load_facts(path)
    except github.GitHubFileInvalid as exc:
        catalog.problems.append(Problem(display(path), 1, 1, "ATL001", f"{github.FILE_NAME} is not as `atlas enrich` writes it: {exc}",
                                        "Run `python -m atlas enrich` again, or delete the file: it is optional."))
        return {}


def _load(path: Path, catalog: LoadedCatalog) -> Document | None:
    try:
        return load_file(path, display(path))
    except LoadError as exc:
        catalog.problems.append(exc.problem)
        return None


def _tool_paths(root: Path, catalog: LoadedCatalog) -> list[Path]:
    folder = root / TOOLS_DIR
    if folder.is_symlink():
        # Following it would read entries from outside the catalog (SECURITY.md): refuse it, read nothing.
        catalog.problems.append(Problem(display(folder), 1, 1, "ATL001", f"{TOOLS_DIR}/ is a symbolic link",
                                        f"Make catalog/{TOOLS_DIR}/ a real folder; entries are read only from inside the catalog."))
        return []
    if not folder.is_dir():
        catalog.problems.append(Problem(display(folder), 1, 1, "ATL213", f"missing folder {TOOLS_DIR}/",
                                        f"Tool entries live in catalog/{TOOLS_DIR}/<id>{TOOL_SUFFIX}."))
        return []
    paths = []
    for path in sorted(folder.iterdir()):
        if path.suffix == TOOL_SUFFIX and (path.is_file() or path.is_symlink()):
            paths.append(path)
        elif path.name.startswith(".") and not path.name.endswith(TOOL_SUFFIX):
            continue  # editor and OS files such as .DS_Store are not entries
        else:
            catalog.problems.append(Problem(display(path), 1, 1, "ATL213", f"unexpected file '{path.name}' in {TOOLS_DIR}/",
                                            f"Each tool is one file named <id>{TOOL_SUFFIX} (not .yml); nothing else belongs here."))
    return paths
