"""PostgreSQL restarts in the middle of booking traffic; the app recovers by itself and every
booking a client was told about is stored exactly once (the bench runs it longer)."""

from bench.ops.faults import fault_run

from .conftest import needs_postgresql

pytestmark = needs_postgresql


def test_bookings_survive_a_database_restart_without_restarting_the_app(
    pg, fresh_database, tmp_path
):
    url = fresh_database("ops_faults")

    result = fault_run(
        pg,
        database_url=url,
        workdir=tmp_path,
        # The slots are those of the booking window, about 100 per meister; an outage of two
        # seconds spends about a thousand attempts (each a slot) on quick 500s, so twelve
        # meisters' slots outlast it and the recovery is always seen.
        meisters=12,
        clients=4,
        seconds=5.0,
        restart_after=2.0,
        slots=1200,
        workers=2,
        settle_answers=10,
    )

    assert result["told_succeeded"] > 0
    assert result["missing"] == 0
    assert result["duplicates"] == 0
    assert result["found"] == result["told_succeeded"]
    assert result["errors_before_restart"] == 0
    # the app answered properly again after the outage, in the same gunicorn processes
    assert result["seconds_to_recovery"] is not None
    assert result["answered_after_recovery"] > 0
    assert result["app_restarted"] is False
    assert result["workers_replaced"] == 0
    # each slot was raced by two clients: one booked it, the other was told it is taken
    assert result["refused_taken"] > 0
