"""``Notification`` was ``editorial.Notification`` (table ``editorial_notification``) until the
``editorial`` app was split into ``notifications`` and ``reporting`` (issue #17).

On a database that had the old app the table is renamed, with its rows, ids, constraints and the content type
(so the permissions granted on it stay); on a new database it is created. Reversing hands the table back.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from sites.schema import adopt_table

forwards, backwards = adopt_table("notifications", "Notification", old_app="editorial")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(max_length=120, verbose_name="event key")),
                        ("event", models.CharField(db_index=True, max_length=40, verbose_name="event")),
                        ("email", models.EmailField(max_length=254, verbose_name="e-mail address")),
                        ("subject", models.CharField(max_length=255, verbose_name="subject")),
                        ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="sent at")),
                        (
                            "page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "recipient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="portal_notifications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "notification",
                        "verbose_name_plural": "notifications",
                        "ordering": ["-sent_at"],
                        "constraints": [models.UniqueConstraint(fields=("key", "recipient"), name="uniq_notification")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
