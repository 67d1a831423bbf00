"""Migration helpers shared by the apps (kept import-light: migrations load them with historical models)."""


def adopt_table(app_label, model_name, *, old_app):
    """``RunPython`` functions for a model that moved from ``old_app`` to ``app_label``.

    Forward: on a database that has the old app's table, rename it (rows, ids, constraints and indexes
    stay) and move its content type, so permissions granted on the model stay granted; on a new database,
    create the table. Backward: hand the table and the content type back to ``old_app``.
    Pair it with a ``SeparateDatabaseAndState`` whose state operations create the model.
    """

    def old_table(model):
        return f"{old_app}_{model._meta.model_name}"

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        if old_table(model) in schema_editor.connection.introspection.table_names():
            schema_editor.alter_db_table(model, old_table(model), model._meta.db_table)
            _move_content_type(apps, old_app, app_label, model._meta.model_name)
        else:
            schema_editor.create_model(model)

    def backwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        schema_editor.alter_db_table(model, model._meta.db_table, old_table(model))
        _move_content_type(apps, app_label, old_app, model._meta.model_name)

    return forwards, backwards


def _move_content_type(apps, old_label, new_label, model_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=new_label, model=model_name).exists():
        ContentType.objects.filter(app_label=old_label, model=model_name).update(app_label=new_label)
