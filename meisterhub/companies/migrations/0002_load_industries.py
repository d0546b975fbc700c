from django.db import migrations

from meisterhub.companies.industries import load_industries


def forwards(apps, schema_editor):
    load_industries(apps.get_model("companies", "Industry"))


class Migration(migrations.Migration):
    dependencies = [("companies", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
