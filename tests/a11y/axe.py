"""axe-core in a Playwright page: the vendored script (npm `axe-core`, copied by
scripts/vendor_static.py) is evaluated in the page, then run with the WCAG 2.x A/AA rules.

Evaluated through the DevTools protocol rather than added as a <script>: the site's
Content-Security-Policy forbids inline scripts, and axe is never served to users."""

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (
    ROOT / "meisterhub" / "static" / "vendor" / "axe-core" / "axe.min.js",
    ROOT / "node_modules" / "axe-core" / "axe.min.js",
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Best-practice rules the issue names besides the WCAG ones: they fail like serious ones.
EXTRA_RULES = ["heading-order"]
FAILING_IMPACTS = frozenset({"serious", "critical"})

RUN = """async ([tags, extra]) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
    rules: Object.fromEntries(extra.map((id) => [id, {enabled: true}])),
  });
  return result.violations.map((v) => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(" "), summary: (n.failureSummary || "").split("\\n").slice(1, 2).join(""),
    })),
  }));
}"""


@cache
def source() -> str:
    for path in SOURCES:
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError("axe-core is missing: run `make vendor`")


@dataclass(frozen=True)
class Violation:
    role: str
    url: str
    rule: str
    impact: str
    target: str
    summary: str

    @property
    def failing(self) -> bool:
        return self.impact in FAILING_IMPACTS or self.rule in EXTRA_RULES

    def describe(self) -> str:
        return f"  [{self.impact}] {self.rule} {self.role} {self.url} {self.target} {self.summary}"


def violations(page, *, role: str, url: str) -> list[Violation]:
    """Every WCAG A/AA violation axe finds on the page as it is now, one per element."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(source())
    found = page.evaluate(RUN, [WCAG_TAGS, EXTRA_RULES])
    return [
        Violation(role, url, v["rule"], v["impact"] or "", node["target"], node["summary"])
        for v in found
        for node in v["nodes"]
    ]


def per_rule(found: list[Violation]) -> dict[str, int]:
    """Elements per rule and impact, most frequent first: the figure the report states."""
    counts = Counter(f"{v.rule} ({v.impact})" for v in found)
    return dict(counts.most_common())
