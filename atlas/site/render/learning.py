"""The learning path: an overview with progress, one page per step, and the steps that use a tool or category."""

from __future__ import annotations

from atlas.core.model import Catalog, Step
from atlas.site.render.html import category_href, external_link, generated, heading, listing, prose, text, tool_href
from atlas.site.render.terms import glossed

TRACK_TITLES = {"core": "The core path", "llm": "Optional branch: LLM applications"}


def step_href(root: str, step_id: str) -> str:
    return f"{root}learning-path/{step_id}/"


def step_number(catalog: Catalog, step: Step) -> str:
    same_track = [s for s in catalog.steps if s.track == step.track]
    prefix = "" if step.track == "core" else "LLM "
    return f"{prefix}{same_track.index(step) + 1}"


def _done_box(step: Step, label: str) -> str:
    """A checkbox kept in the reader's browser (localStorage) by atlas.js; hidden until the script runs."""
    return (f'<label class="atlas-done" hidden><input type="checkbox" data-atlas-step="{text(step.id)}"> '
            f"{text(label)}</label>")


def learning_overview(catalog: Catalog, root: str) -> str:
    sections = []
    for track, title in TRACK_TITLES.items():
        steps = [s for s in catalog.steps if s.track == track]
        if not steps:
            continue
        items = [f'<li id="step-{text(s.id)}" data-step="{text(s.id)}"><a href="{step_href(root, s.id)}">'
                 f'Step {text(step_number(catalog, s))}: {text(s.title)}</a> <span class="atlas-note">({text(s.time)})</span>'
                 f'<p>{prose(s.goal)}</p><p class="atlas-note">Skip for now if: {prose(s.skip_for_now_if)}</p>'
                 f'{_done_box(s, "Done")}</li>' for s in steps]
        sections.append(f'<section class="atlas-track" data-track="{track}">{heading(2, "track-" + track, text(title))}'
                        f'<ol class="atlas-steps">{"".join(items)}</ol></section>')
    core = sum(s.track == "core" for s in catalog.steps)
    progress = (f'<div class="atlas-progress" data-atlas-progress data-total="{len(catalog.steps)}" hidden>'
                f'<progress max="{len(catalog.steps)}" value="0" aria-label="Steps done"></progress> '
                f'<span class="atlas-progress-text">0 of {len(catalog.steps)} steps done</span> '
                '<span class="atlas-note">(kept in this browser only; nothing is sent anywhere)</span></div>')
    intro = (f"<p>{core} core steps take you from reproducible code and data to a monitored model in production, "
             "fundamentals before tools. Each step names one or two open-source starter tools that run on a laptop, "
             "an exercise with a clear finished state, and when you can skip it for now.</p>")
    return generated("learning.learning_overview", intro + progress + "".join(sections))


def step_page(catalog: Catalog, step: Step, root: str) -> str:
    track_steps = [s for s in catalog.steps if s.track == step.track]
    i = track_steps.index(step)
    seen: set[str] = set()
    tools = listing([f'<a href="{tool_href(root, t)}">{text(catalog.tools[t].name)}</a>: {text(catalog.tools[t].summary)}'
                     for t in step.starter_tools])
    categories = ", ".join(f'<a href="{category_href(root, c)}">{text(catalog.categories[c].title)}</a>' for c in step.categories)
    concepts = ", ".join(f'<a href="{root}glossary/#term-{text(c)}">{text(catalog.terms[c].term)}</a>' for c in step.concepts)
    resources = listing([external_link(r.url, r.title) + f' <span class="atlas-note">({text(r.kind)}{", free" if r.free else ""})</span>'
                         for r in step.resources])
    nav = []
    if i > 0:
        prev = track_steps[i - 1]
        nav.append(f'<a class="atlas-prev" rel="prev" href="{step_href(root, prev.id)}">← Step {text(step_number(catalog, prev))}: {text(prev.title)}</a>')
    nav.append(f'<a href="{root}learning-path/">All steps</a>')
    if i + 1 < len(track_steps):
        nxt = track_steps[i + 1]
        nav.append(f'<a class="atlas-next" rel="next" href="{step_href(root, nxt.id)}">Step {text(step_number(catalog, nxt))}: {text(nxt.title)} →</a>')
    body = (f'<h1 id="step-title">{text(step.title)}</h1>'
            f'<p class="atlas-eyebrow">{text(TRACK_TITLES[step.track])} · step {text(step_number(catalog, step))} of {len(track_steps)}</p>'
            f'<p class="atlas-summary"><strong>Goal:</strong> {glossed(catalog, step.goal, seen)}</p>'
            f'<p><strong>Why it matters:</strong> {glossed(catalog, step.why, seen)}</p>'
            f'<div class="admonition tip"><p class="admonition-title">Skip for now if</p><p>{prose(step.skip_for_now_if)}</p></div>'
            f"{heading(2, 'starter-tools', 'Starter tools')}{tools}"
            f'{heading(2, "exercise", "Exercise")}<p>{prose(step.exercise)}</p><p><strong>Time:</strong> {text(step.time)}</p>'
            f'<div class="atlas-done-box">{_done_box(step, "I have done this step")}</div>'
            f'{heading(2, "resources", "Free resources")}{resources}'
            f'{heading(2, "concepts", "Concepts and categories")}<p><strong>Concepts:</strong> {concepts or "None"}</p>'
            f"<p><strong>Categories:</strong> {categories}</p>"
            f'<nav class="atlas-step-nav" aria-label="Learning path">{" ".join(nav)}</nav>')
    return generated("learning.step_page", body) + "\n"


def steps_using(catalog: Catalog, root: str, *, tool_id: str | None = None, category_id: str | None = None) -> str:
    """Links to the learning-path steps that start with a tool or teach a category; empty when none."""
    steps = [s for s in catalog.steps if (tool_id and tool_id in s.starter_tools) or (category_id and category_id in s.categories)]
    if not steps:
        return ""
    links = [f'<a href="{step_href(root, s.id)}">Step {text(step_number(catalog, s))}: {text(s.title)}</a>' for s in steps]
    return generated("learning.steps_using", '<p class="atlas-in-path" data-search-exclude><strong>On the learning path:</strong> '
                     + ", ".join(links) + "</p>")
