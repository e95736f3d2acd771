"""TownIdentity moves here from `home`: the table and its rows stay (renamed), and so do the
rights given on it, because its content type is renamed rather than made anew."""

import django.db.models.deletion
from django.db import migrations, models


def rename_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="home", model="townidentity").update(app_label="towns")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('wagtailimages', '0027_image_description'),
        ('home', '0002_search_without_accents'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='TownIdentity',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('town_name', models.CharField(help_text='For example: Béthune.', max_length=80, verbose_name='town name')),
                        ('tagline', models.CharField(blank=True, help_text='A short sentence shown under the name, e.g. “Les commerces du centre-ville”.', max_length=140, verbose_name='tagline')),
                        ('palette', models.CharField(choices=[('ardoise', 'Slate blue'), ('bocage', 'Hedgerow green'), ('brique', 'Brick red'), ('prune', 'Plum')], default='ardoise', help_text='Every choice is readable by people with low vision.', max_length=20, verbose_name='colours')),
                        ('contact_name', models.CharField(blank=True, help_text='Who answers questions, e.g. “Service commerce, mairie de Béthune”.', max_length=120, verbose_name='contact service')),
                        ('contact_address', models.TextField(blank=True, max_length=300, verbose_name='postal address')),
                        ('contact_phone', models.CharField(blank=True, max_length=30, verbose_name='phone')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('facebook_url', models.URLField(blank=True, verbose_name='Facebook page')),
                        ('instagram_url', models.URLField(blank=True, verbose_name='Instagram account')),
                        ('linkedin_url', models.URLField(blank=True, verbose_name='LinkedIn page')),
                        ('footer_text', models.TextField(blank=True, help_text="A sentence shown at the bottom of every page, e.g. the programme's partners.", max_length=400, verbose_name='footer text')),
                        ('about_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='“About” page')),
                        ('accessibility_page', models.ForeignKey(blank=True, help_text='Every French public website must publish its accessibility statement (RGAA).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='accessibility statement page')),
                        ('legal_notice_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='legal notice page')),
                        ('logo', models.ForeignKey(blank=True, help_text="The town's logo, shown at the top of every page.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                        ('privacy_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='personal data page')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                    'db_table': 'home_townidentity',
                        'verbose_name': 'town identity',
                        'verbose_name_plural': 'town identities',
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_type, migrations.RunPython.noop),
        migrations.AlterModelTable(name='townidentity', table=None),
    ]
