"""For the migration scenarios (run by ``run_scenario`` in a process of their own, after ``django.setup()``)."""


def migrate_to(targets):
    """Migrate the scenario's database to ``targets`` ([(app label, migration name)], forwards or back: only what
    they need) and return the apps of that state, for making and reading rows with the models of that moment."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # re-read after migrating, as the next call would
    return executor.loader.project_state(targets).apps
