"""The strict loader: what it accepts, what it refuses, and where it says the problem is."""

import time

import pytest

from atlas.core.load import MAX_DEPTH, MAX_FILE_BYTES, LoadError, load_bytes, load_file, load_text


def refused(text: str) -> tuple[str, int, int]:
    with pytest.raises(LoadError) as info:
        load_text(text, "t.yaml")
    p = info.value.problem
    return p.code, p.line, p.col


def test_positions_of_values_and_keys():
    doc = load_text("name: A\nlist:\n  - x\n  - {k: v}\n", "t.yaml")
    assert doc.data == {"name": "A", "list": ["x", {"k": "v"}]}
    assert doc.positions[("name",)] == (1, 7)
    assert doc.key_positions[("list",)] == (2, 1)
    assert doc.positions[("list", 1, "k")] == (4, 9)
    assert doc.key_positions[("list", 1, "k")] == (4, 6)


def test_where_falls_back_to_nearest_ancestor():
    doc = load_text("a:\n  b: 1\n", "t.yaml")
    assert doc.where(("a", "b", "missing")) == (2, 6)


def test_yaml_1_1_lookalikes_stay_text():
    doc = load_text("a: yes\nb: No\nc: on\nd: 2026-11-01\ne: 0o17\nf: ~\ng: true\nh: 12\ni: 1.5\n", "t.yaml")
    assert doc.data == {"a": "yes", "b": "No", "c": "on", "d": "2026-11-01", "e": "0o17", "f": None, "g": True, "h": 12, "i": 1.5}


def test_quoted_scalars_are_always_text():
    assert load_text("a: 'true'\nb: \"12\"\n", "t.yaml").data == {"a": "true", "b": "12"}


@pytest.mark.parametrize("text,code,line,col", [
    ("a: 1\nb: 2\na: 3\n", "ATL003", 3, 1),
    ("a: &x 1\n", "ATL004", 1, 4),
    ("a: [1]\nb: *x\n", "ATL004", 2, 4),  # refused as an alias before anything resolves it
    ("a: &x [1]\nb: *x\n", "ATL004", 1, 4),
    ("<<: {a: 1}\n", "ATL004", 1, 1),
    ("a: !!python/object/apply:os.system [id]\n", "ATL005", 1, 4),
    ("a: !custom x\n", "ATL005", 1, 4),
    ("---\na: 1\n---\nb: 2\n", "ATL008", 3, 1),
    ("", "ATL008", 1, 1),
    ("# only a comment\n", "ATL008", 1, 1),
    ("a: [1, 2\n", "ATL002", 2, 1),
    ("a:\tb\n\tc: 1\n", "ATL002", 2, 1),
    ("? [a, b]\n: 1\n", "ATL002", 1, 3),
])
def test_refused_with_code_and_position(text, code, line, col):
    assert refused(text) == (code, line, col)


def test_deep_nesting_is_refused_without_recursion():
    text = "a: " + "[" * 5000 + "]" * 5000
    code, line, _ = refused(text)
    assert (code, line) == ("ATL007", 1)
    assert MAX_DEPTH < 100


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 10)]
    start = time.process_time()
    assert refused("\n".join(lines) + "\n")[0] == "ATL004"
    assert time.process_time() - start < 1.0  # bounded work, not a timing benchmark: expansion would take minutes


def test_invalid_utf8_is_located():
    with pytest.raises(LoadError) as info:
        load_bytes(b"a: ok\nb: caf\xe9\n", "t.yaml")
    p = info.value.problem
    assert (p.code, p.line, p.col) == ("ATL001", 2, 7)


def test_byte_order_mark_and_crlf_are_accepted():
    assert load_bytes(b"\xef\xbb\xbfa: 1\r\nb: x\r\n", "t.yaml").data == {"a": 1, "b": "x"}


def test_control_characters_are_refused():
    assert refused("a: bell\x07\n")[0] == "ATL002"


def test_file_size_limit(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("a: '" + "x" * MAX_FILE_BYTES + "'\n")
    with pytest.raises(LoadError) as info:
        load_file(big)
    assert info.value.problem.code == "ATL006"


def test_symlinks_are_refused(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_text("a: 1\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    with pytest.raises(LoadError) as info:
        load_file(link)
    assert info.value.problem.code == "ATL001"
