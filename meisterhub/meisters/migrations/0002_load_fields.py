from django.db import migrations

from meisterhub.meisters.taxonomy import load_fields


def forwards(apps, schema_editor):
    load_fields(apps.get_model("meisters", "Field"))


class Migration(migrations.Migration):
    dependencies = [("meisters", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
