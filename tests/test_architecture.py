"""The layout stays as ARCHITECTURE.md describes it: dependencies only downward, small modules."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("config", "plans", "projects", "budget", "reports", "office", "demo")
MAX_LINES = 400
# A module may be longer only with a reason written here.
LONGER_ALLOWED: dict[str, str] = {}


def test_the_import_contracts_hold():
    """`.importlinter`: plans imports no app above it, budget none of the workflows or reports, nothing
    imports the demo. The same check runs in CI as `lint-imports`."""
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_longer_than_the_limit():
    too_long = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative in LONGER_ALLOWED:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                too_long[relative] = lines
    assert not too_long, f"split these modules by what they hold (or say why in LONGER_ALLOWED): {too_long}"
