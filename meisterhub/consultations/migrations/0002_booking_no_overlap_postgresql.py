"""On PostgreSQL, no two active reservations of one meister may overlap in time.

The constraint lives only in the database (not in model state), so SQLite, which
lacks exclusion constraints, skips it and relies on the partial unique constraint
plus the overlap check in the IMMEDIATE transaction.
"""

from django.db import migrations

from meisterhub.core.migration_ops import PostgresOnlySQL

CONSTRAINT = "booking_no_overlap_active"
CREATE = f"""
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE consultations_booking ADD CONSTRAINT {CONSTRAINT}
EXCLUDE USING gist (meister_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
WHERE (status IN ('requested', 'confirmed', 'completed') AND channel = 'reservation');
"""
DROP = f"ALTER TABLE consultations_booking DROP CONSTRAINT IF EXISTS {CONSTRAINT};"


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]

    operations = [PostgresOnlySQL(CREATE, DROP)]
