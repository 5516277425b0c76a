"""Logos from simple-icons: only known slugs, and only drawing commands reach the site."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from atlas.core import logos


def test_a_known_icon_becomes_a_clean_svg_in_its_colour():
    svg = logos.logo_svg("mlflow")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox") == "0 0 24 24"
    assert root.get("fill") == "#0194E2"
    children = list(root)
    assert children and all(c.tag == "{http://www.w3.org/2000/svg}path" and set(c.attrib) == {"d"} for c in children)
    assert "<title" not in svg and "script" not in svg


@pytest.mark.parametrize("slug", ["nosuchiconanywhere", "../mlflow", "MLflow", "mlflow.svg", "", "get_mlflow"])
def test_an_unknown_or_malformed_slug_has_no_logo(slug):
    assert logos.known(slug) is False
    assert logos.logo_svg(slug) is None


class _Icon:
    primary_color = "#123456"

    def __init__(self, svg):
        self.raw_svg = svg


@pytest.mark.parametrize("raw", [
    '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L1 1" onload="alert(1)"/><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0 url(javascript:alert(1))"/></svg>',
])
def test_only_path_data_survives_whatever_the_package_holds(monkeypatch, raw):
    class Icons:
        def get_evil_icon(self):
            return _Icon(raw)
    logos._icons.cache_clear(), logos.known.cache_clear(), logos.logo_svg.cache_clear()
    monkeypatch.setattr(logos, "_icons", lambda: Icons())
    try:
        svg = logos.logo_svg("evil")
        assert svg is None or ("script" not in svg and "onload" not in svg and "url(" not in svg)
        if "url(" in raw:
            assert svg is None, "path data with anything but drawing commands is dropped"
        else:
            assert svg == '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="#123456"><path d="M0 0L1 1"/></svg>\n'
    finally:
        logos.known.cache_clear(), logos.logo_svg.cache_clear()
