"""Copy the front-end packages installed by npm into meisterhub/static/vendor/."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE = ROOT / "node_modules"
VENDOR = ROOT / "meisterhub" / "static" / "vendor"

COPIES = [
    (NODE / "krds-uiux" / "resources" / "css", VENDOR / "krds" / "css"),
    (NODE / "krds-uiux" / "resources" / "fonts", VENDOR / "krds" / "fonts"),
    (NODE / "krds-uiux" / "resources" / "img", VENDOR / "krds" / "img"),
    # component.css of krds-uiux 1.1.0 also refers to its icons as ../../img/img/…
    (NODE / "krds-uiux" / "resources" / "img", VENDOR / "krds" / "img" / "img"),
    (NODE / "krds-uiux" / "resources" / "js", VENDOR / "krds" / "js"),
    (NODE / "htmx.org" / "dist" / "htmx.min.js", VENDOR / "htmx" / "htmx.min.js"),
    (NODE / "chart.js" / "dist" / "chart.umd.min.js", VENDOR / "chartjs" / "chart.umd.min.js"),
    # Used by the accessibility tests only (tests/a11y/), which inject it into each page.
    (NODE / "axe-core" / "axe.min.js", VENDOR / "axe-core" / "axe.min.js"),
]


def main() -> None:
    for source, target in COPIES:
        if target.exists():
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.map", "*_bak.js"))
        else:
            shutil.copy2(source, target)
    print(f"vendored {len(COPIES)} front-end packages into {VENDOR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
