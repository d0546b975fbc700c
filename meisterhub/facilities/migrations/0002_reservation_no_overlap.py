# Two active reservations of one room never hold it at the same time (buffer included).
from django.db import migrations

from meisterhub.core.migration_ops import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [("facilities", "0001_initial")]

    operations = [
        PostgresOnlySQL(
            sql=[
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                """
                ALTER TABLE facilities_reservation
                ADD CONSTRAINT reservation_no_overlap
                EXCLUDE USING gist (
                    facility_id WITH =,
                    tstzrange(blocked_from, blocked_until, '[)') WITH &&
                ) WHERE (status IN ('pending', 'confirmed'))
                """,
            ],
            reverse_sql=[
                "ALTER TABLE facilities_reservation DROP CONSTRAINT reservation_no_overlap",
            ],
        )
    ]
