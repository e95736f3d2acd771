"""TownIdentity now belongs to `towns` (towns 0001 keeps its table and rows)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0002_search_without_accents'),
        ('towns', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='TownIdentity')],
        ),
    ]
