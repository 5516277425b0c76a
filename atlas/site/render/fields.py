"""The field reference on the Contributing page, generated from schema/tool.schema.json.

The schema is what the checker and the editors enforce, so the reference is written from it and
cannot drift: every property (nested ones too) with its title, description, whether it is
required, and its allowed values or form.
"""

from __future__ import annotations

from atlas.site.render.html import generated, text
from atlas.core.schema import load_schema

_KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$"


def fields(schema: dict, prefix: str = "") -> list[tuple[str, dict, str]]:
    """(dotted name, property schema, required / optional / required when ...) for every property, depth first."""
    rows = []
    required = set(schema.get("required", []))
    conditions = _conditions(schema)
    for name, prop in schema.get("properties", {}).items():
        need = "required" if name in required else conditions.get(name, "optional")
        rows.append((prefix + name, prop, need))
        rows += _nested(prop, prefix + name)
    return rows


def _nested(prop: dict, name: str) -> list[tuple[str, dict, str]]:
    if prop.get("type") == "array" and isinstance(prop.get("items"), dict) and "properties" in prop["items"]:
        return fields(prop["items"], f"{name}[].")
    extra = prop.get("additionalProperties")
    if isinstance(extra, dict):
        inner = extra.get("additionalProperties")
        if isinstance(inner, dict) and "properties" in inner:  # criteria: category -> criterion -> answer
            return fields(inner, f"{name}.<category>.<criterion>.")
        if "properties" in extra:
            return fields(extra, f"{name}.<key>.")
    return []


def _conditions(schema: dict) -> dict[str, str]:
    """'required when status is archived or acquired' from the schema's if/then rules."""
    found: dict[str, list[str]] = {}
    for rule in schema.get("allOf", []):
        condition = rule.get("if", {}).get("properties", {})
        for then_required in rule.get("then", {}).get("required", []):
            for field, test in condition.items():
                values = test.get("enum") or ([test["const"]] if "const" in test else [])
                found.setdefault(then_required, []).append(f"{field} is {' or '.join(values)}")
    return {field: "required when " + "; ".join(whens) for field, whens in found.items()}


def form(prop: dict) -> str:
    """Allowed values, or the form a value must take, in words."""
    items = prop["items"] if isinstance(prop.get("items"), dict) else {}
    allowed = prop.get("enum") or items.get("enum")
    parts = []
    if prop.get("type") == "array":
        parts.append("a list" + (" of " + ", ".join(allowed) if allowed else ""))
        low, high = prop.get("minItems"), prop.get("maxItems")
        if low and high:
            parts.append(f"{low} to {high} items")
        elif low or high:
            parts.append(f"at least {low} item{'s' if low > 1 else ''}" if low else f"at most {high} items")
        if prop.get("uniqueItems"):
            parts.append("no repeats")
        if not allowed and items:
            parts.append("each " + (_scalar_form(items) or "a mapping (its fields are listed below)"))
    else:
        if allowed:
            parts.append("one of " + ", ".join(allowed))
        scalar = _scalar_form(prop)
        if scalar:
            parts.append(scalar)
    if prop.get("type") == "object" and not parts:
        parts.append("a mapping (its fields are listed below)")
    return "; ".join(parts)


def _scalar_form(prop: dict) -> str:
    pattern, parts = prop.get("pattern", ""), []
    if pattern.startswith("^https://"):
        return "a public https:// address"
    if pattern == _KEBAB:
        parts.append("a lowercase kebab-case id")
    elif pattern.startswith("^(Proprietary|"):
        parts.append("an SPDX licence identifier or expression (A OR B, A AND B, A WITH exception), or Proprietary")
    elif pattern.startswith("^[^\\s<>{}"):
        parts.append("plain text without <, >, {, }, backticks, backslashes or control characters")
    if prop.get("format") == "date":
        parts.append("a date, YYYY-MM-DD")
    if "maxLength" in prop:
        low = prop.get("minLength", 0)
        parts.append(f"{low} to {prop['maxLength']} characters" if low > 1 else f"at most {prop['maxLength']} characters")
    return ", ".join(parts)


def field_reference() -> str:
    rows = []
    for name, prop, need in fields(load_schema("tool")):
        anchor = "field-" + "".join(c if c.isalnum() else "-" for c in name).strip("-")
        example = prop.get("examples", [None])[0]
        example_html = (f'<br><span class="atlas-note">Example: <code>{text(example)}</code></span>'
                        if isinstance(example, str) else "")
        rows.append(f'<tr id="{text(anchor)}"><th scope="row"><code>{text(name)}</code></th>'
                    f'<td>{text(need)}</td><td><strong>{text(prop.get("title", ""))}.</strong> '
                    f'{text(prop.get("description", ""))}{example_html}</td><td>{text(form(prop))}</td></tr>')
    return generated("fields.field_reference", '<div class="atlas-scroll"><table class="atlas-rules atlas-fields"><thead><tr><th scope="col">Field</th>'
                     '<th scope="col">Required</th><th scope="col">What it holds</th><th scope="col">Allowed values or form</th>'
                     f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
