"""`make bench`: run every bench/bench_*.py module's run() and print one JSON document.

Each module measures side by side within its own run (ratios, not absolute timings alone),
because these machines are shared and noisy. `make bench ONLY=meisters` runs one module.
"""

import importlib.util
import json
import os
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    only = os.environ.get("ONLY", "")
    results = {}
    failed = False
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if only and name not in only.split(","):
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        started = time.perf_counter()
        try:
            spec.loader.exec_module(module)
            results[name] = module.run()
        except Exception:  # one broken benchmark must not hide the others' figures
            failed = True
            results[name] = {"error": traceback.format_exc(limit=5)}
        results[name]["bench_seconds"] = round(time.perf_counter() - started, 2)
        print(f"bench {name}: done", file=sys.stderr)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
