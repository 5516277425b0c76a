"""Where facts come from: the weak-source policy (ATL235) and pinned licence evidence (ATL236, ATL237)."""

from __future__ import annotations

import pytest

from atlas.check.sources import is_pinned, weak_kinds, weak_sources
from atlas.check.validate import check_catalog
from atlas.core.load import load_file, load_text

from conftest import FIXTURE_DATE, REAL_CATALOG, catalog_with_overlay

POLICY = load_file(REAL_CATALOG / "weak-sources.yaml")


@pytest.mark.parametrize("url, pinned", [
    ("https://github.com/o/r/blob/v1.2.0/LICENSE", True),
    ("https://github.com/o/r/blob/2.6.0/LICENSE.txt", True),
    ("https://github.com/o/r/blob/0123abc/LICENSE", True),
    ("https://github.com/o/r/blob/e237475e9910a2d6299d7d2c3d6fc3b9a8f28f0b/LICENSE", True),
    ("https://raw.githubusercontent.com/o/r/refs/tags/v3/LICENSE", True),
    ("https://pypi.org/project/tecton/1.2.14b0/", True),
    ("https://github.com/apache/nifi/blob/rel/nifi-2.11.0/LICENSE", True),
    ("https://github.com/o/r/blob/main/v1/LICENSE", False),
    ("https://www.npmjs.com/package/@scope/pkg/v/2.0.1", True),
    ("https://github.com/o/r/blob/main/LICENSE", False),
    ("https://github.com/o/r/blob/master/LICENSE", False),
    ("https://github.com/o/r/blob/HEAD/LICENSE", False),
    ("https://raw.githubusercontent.com/o/r/refs/heads/main/LICENSE", False),
    ("https://github.com/o/r/blob/feature-branch/LICENSE", False),
    ("https://pypi.org/project/tecton/", False),
    ("https://github.com/o/r/pull/10536", False),
    ("https://example.org/licence", False),
])
def test_pinned_means_a_tag_a_commit_or_a_package_version(url, pinned):
    assert is_pinned(url) is pinned


@pytest.mark.parametrize("url", [
    # the kinds an outside audit found in the catalog (issue 16), one of each family
    "https://github.com/bentoml/BentoML/blob/main/.claude/skills/bentoml-k8s-deploy/SKILL.md",
    "https://www.skills.sh/langwatch/skills/prompts",
    "https://main.d2rtsootpfv0ml.amplifyapp.com/products/mldm/latest/learn/basic-concepts",
    "https://docs.staging.chalk.ai/docs/features",
    "https://litellm.vercel.app/docs/",
    "https://raw.githubusercontent.com/api-evangelist/tecton-databricks/refs/heads/main/llms/tecton-databricks-llms.txt",
    "https://deepwiki.com/mlflow/mlflow",
    "https://libraries.io/pypi/lunary/1.4.28",
    "https://gitcode.com/GitHub_Trending/pg/pgvector",
    "https://sourceforge.net/mirror/kueue/",
    "https://whatsshapenning.blogspot.com/2024/09/elastic-returns-to-open-source-with.html",
    "https://docs.azure.cn/en-us/machine-learning/",
])
def test_the_policy_names_every_weak_kind_the_audit_found(url):
    assert any(k.pattern.search(url) for k in weak_kinds(POLICY)), url


@pytest.mark.parametrize("url", [
    "https://github.com/mlflow/mlflow/blob/v3.6.0/LICENSE.txt", "https://mlflow.org/docs/latest/self-hosting",
    "https://docs.databricks.com/aws/en/machine-learning/", "https://pypi.org/project/ragas/0.2.0/",
    "https://www.elastic.co/blog/elasticsearch-is-open-source-again", "https://huggingface.co/blog/ggml-joins-hf",
])
def test_the_policy_leaves_primary_sources_alone(url):
    assert not any(k.pattern.search(url) for k in weak_kinds(POLICY)), url


def entry(repository: str, source: str):
    return load_text(f"id: faiss\nrepository: {repository}\nsources:\n  - {source}\n", "catalog/tools/faiss.yaml")


def test_a_fork_of_the_entrys_own_repository_is_weak():
    faiss = entry("https://github.com/facebookresearch/faiss", "https://github.com/nickhuang1996/faiss")
    assert [p.code for p in weak_sources({}, [faiss])] == ["ATL235"]
    own = entry("https://github.com/facebookresearch/faiss", "https://github.com/facebookresearch/faiss/wiki")
    org = entry("https://github.com/langfuse/langfuse", "https://github.com/orgs/langfuse/discussions/1")
    other = entry("https://github.com/facebookresearch/faiss", "https://github.com/milvus-io/milvus")
    assert list(weak_sources({}, [own, org, other])) == []


def test_a_pattern_that_does_not_compile_is_located(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    (catalog / "weak-sources.yaml").write_text("weak:\n  - pattern: '(unclosed'\n    kind: mirror\n    reason: A broken pattern for the test.\n")
    problems = check_catalog(catalog, today=FIXTURE_DATE).problems
    assert [(p.code, p.line) for p in problems] == [("ATL235", 2)]
    assert "does not compile" in problems[0].message


def test_the_real_catalog_has_licence_evidence_for_every_repository():
    checked = check_catalog(REAL_CATALOG, formatting=False)
    assert [p for p in checked.problems if p.code in ("ATL235", "ATL236", "ATL237")] == []
