"""Run by ``test_database_locked`` in a process of its own, on a fresh SQLite file with the site's own database
settings: the test suite's database is in memory, where a second connection cannot hold the write lock.
Prints what happened as JSON; the test makes the assertions."""

import json
import logging
import os
import sqlite3
import sys
import threading
import time


def main(path):
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connections, transaction
    from django.test import Client
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.documents import get_document_model

    from home.factories import ContentPageFactory, make_site_tree
    from portal.models import DocumentDownload

    call_command("migrate", verbosity=0)
    home, _ = make_site_tree()
    page = ContentPageFactory(parent=home, title="Лесничий", summary="Охрана лесов края.")
    document = get_document_model().objects.create(title="Памятка лесничего")
    document.file.save("pamyatka.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    client = Client()
    client.get(home.url)  # a running site: its settings row exists already
    lost = []

    class Lost(logging.Handler):
        def emit(self, record):
            lost.append(record.getMessage().split(" not recorded")[0])

    logging.getLogger("portal.best_effort").addHandler(Lost())

    # Another connection (an import, a worker, a backup) holds the write lock.
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE wagtailcore_site SET site_name = site_name")
    started = time.monotonic()
    statuses = [
        client.get(address).status_code for address in (home.url, page.url, "/search/?q=лесничий", document.url)
    ]
    elapsed = time.monotonic() - started
    counted_while_locked = [DocumentDownload.objects.count(), Query.objects.count()]
    other.execute("ROLLBACK")
    other.close()
    after = [client.get("/search/?q=лесничий").status_code, client.get(document.url).status_code]

    # Two writers at once, each reading before it writes in one transaction, as an import does.
    errors, start = [], threading.Barrier(2)

    def write(title):
        try:
            start.wait()
            for n in range(20):
                with transaction.atomic():
                    known = home.get_children().count()
                    time.sleep(0.005)  # the other writer gets its turn between the read and the write
                    home.add_child(instance=ContentPageFactory.build(title=f"{title} {n} {known}"))
        except Exception as error:  # any failure is what the test reports
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(name,)) for name in ("Первый", "Второй")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    print(
        json.dumps(
            {
                "statuses": statuses,
                "elapsed": elapsed,
                "lost": sorted(set(lost)),
                "counted_while_locked": counted_while_locked,
                "after": after,
                "downloads_after": DocumentDownload.objects.get().count,
                "hits_after": Query.objects.get().daily_hits.get().hits,
                "writer_errors": errors,
                "pages_written": home.get_children().count() - 1,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
