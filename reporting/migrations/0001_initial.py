"""``ArticleTarget`` was ``editorial.ArticleTarget`` (table ``editorial_articletarget``) until the
``editorial`` app was split into ``notifications`` and ``reporting`` (issue #17): see ``sites.schema.adopt_table``.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from sites.schema import adopt_table

forwards, backwards = adopt_table("reporting", "ArticleTarget", old_app="editorial")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal_sites", "0003_takedown"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ArticleTarget",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("monthly_articles", models.PositiveIntegerField(verbose_name="articles per month")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                        (
                            "unit",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="article_target",
                                to="portal_sites.unit",
                                verbose_name="unit",
                            ),
                        ),
                        (
                            "updated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "monthly article target",
                        "verbose_name_plural": "monthly article targets",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
