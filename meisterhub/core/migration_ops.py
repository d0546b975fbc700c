"""Migration operations shared by the apps' migrations."""

from django.db import migrations


class PostgresOnlySQL(migrations.RunSQL):
    """SQL that runs on PostgreSQL only (exclusion constraints); SQLite enforces the same rule
    with a check inside its IMMEDIATE transaction."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return "PostgreSQL only: " + super().describe()
