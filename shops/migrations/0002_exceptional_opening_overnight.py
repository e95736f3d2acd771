"""Special openings may end after midnight, ticked like the usual week's (“closes after midnight”).

Rows already closing before they open were read as ending the next morning: they keep that reading.
"""

from django.db import migrations, models
from django.db.models import F


def tick_rows_that_end_the_next_morning(apps, schema_editor):
    ExceptionalOpening = apps.get_model("shops", "ExceptionalOpening")
    ExceptionalOpening.objects.filter(kind="open", closes__lt=F("opens")).update(overnight=True)


class Migration(migrations.Migration):
    dependencies = [("shops", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="exceptionalopening",
            name="overnight",
            field=models.BooleanField(
                default=False,
                help_text="Tick if this special opening ends the next morning, e.g. until 1:00 on music day.",
                verbose_name="closes after midnight",
            ),
        ),
        migrations.RunPython(tick_rows_that_end_the_next_morning, migrations.RunPython.noop),
    ]
