"""scripts/backup.sh then scripts/restore.sh into a fresh database: the same records come back,
read through the app's ORM, and the uploads with them."""

import subprocess
from pathlib import Path

from bench.ops.server import app_env, run_seed
from bench.pgcluster import pg_bindir

from .conftest import needs_postgresql

pytestmark = needs_postgresql
SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def sh(script: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(SCRIPTS / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_backup_and_restore_bring_back_the_same_records(pg, fresh_database, tmp_path):
    source_url = fresh_database("ops_backup_src")
    env = {**app_env(source_url, tmp_path / "media"), "PG_BIN": str(pg_bindir())}
    before = run_seed(env, "backup")  # companies, meisters with a photo, a booking

    backup = sh("backup.sh", str(tmp_path / "backups"), env=env)
    assert backup.returncode == 0, backup.stderr
    dump, media_tar = backup.stdout.split()
    assert dump.endswith(".dump") and media_tar.endswith(".tar.gz")

    target_url = pg.url("ops_restored")
    restored_media = tmp_path / "restored-media"
    restore = sh("restore.sh", dump, target_url, media_tar, str(restored_media), env=env)
    assert restore.returncode == 0, restore.stderr
    after = run_seed({**app_env(target_url, restored_media)}, "snapshot")

    assert after == before
    assert after["counts"] == {
        "companies": 3,
        "memberships": 3,
        "meisters": 4,
        "bookings": 1,
        "history": before["counts"]["history"],
    }
    assert after["companies"][before_brn(before, 0)] == "창원정밀bk0"
    assert after["meisters"]["B00001"][:2] == ["마이스터B1", ["MOLD", "AUTO"]]
    assert after["bookings"][0][:2] == ["B00000", before_brn(before, 0)]
    assert after["bookings"][0][3] == "requested"
    actions = [row[0] for row in after["history"]]
    assert actions.count("companies.company.created") == 3
    assert actions.count("meisters.meister.created") == 4
    assert actions.count("consultations.booking.requested") == 1
    photo = after["meisters"]["B00000"][2]
    assert photo and photo in after["media_files"]
    assert (restored_media / photo).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_restore_refuses_an_existing_database_and_changes_nothing(pg, fresh_database, tmp_path):
    source_url = fresh_database("ops_backup_src2")
    env = {**app_env(source_url, tmp_path / "media"), "PG_BIN": str(pg_bindir())}
    before = run_seed(env, "backup")
    dump = sh("backup.sh", str(tmp_path / "b"), env=env).stdout.split()[0]

    refused = sh("restore.sh", dump, source_url, env=env)

    assert refused.returncode == 1
    assert "already exists" in refused.stderr
    assert run_seed(env, "snapshot") == before


def before_brn(snapshot: dict, n: int) -> str:
    return next(brn for brn, name in snapshot["companies"].items() if name == f"창원정밀bk{n}")
