"""The weekly check of external links, against a small HTTP server of the test's own (127.0.0.1, a free port): an
address that answers 200 is fine, 404 is broken, one that answers after the timeout is broken; the portal's own
addresses are not asked; the daily run checks once a week."""

import datetime
import http.server
import io
import threading
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from conftest import closed_port_url
from editorial import links
from editorial.models import LinkCheck

pytestmark = pytest.mark.django_db


class Answers(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(1.5)
        self.send_response(404 if self.path == "/gone" else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def card_with_links(atlas_cards, server):
    card = atlas_cards["welder"]
    card.data_source = f"{server}/ok\n{server}/gone, и ещё {server}/slow.\nhttp://localhost/atlas/"
    card.save_revision().publish()
    return card


def test_a_check_keeps_the_404_and_the_timeout_as_broken(card_with_links, server, settings):
    settings.LINK_CHECK_TIMEOUT_SECONDS = 0.5
    assert links.check_all() == (3, 2)
    rows = {row.url: row for row in LinkCheck.objects.all()}
    assert set(rows) == {f"{server}/ok", f"{server}/gone", f"{server}/slow"}  # the portal's own address not asked
    assert (rows[f"{server}/ok"].status, rows[f"{server}/ok"].broken) == (200, False)
    assert (rows[f"{server}/gone"].status, rows[f"{server}/gone"].broken) == (404, True)
    assert rows[f"{server}/slow"].broken and rows[f"{server}/slow"].error == "no answer in 0.5 s"
    assert {row.page_id for row in rows.values()} == {card_with_links.pk}


def test_an_unreachable_address_is_broken():
    status, error = links.check(closed_port_url() + "/", timeout=1)
    assert status is None and error and links.is_broken(status, error)


def test_the_daily_run_checks_once_a_week(card_with_links, settings):
    settings.LINK_CHECK_TIMEOUT_SECONDS = 0.5
    assert "check_external_links" in settings.DAILY_COMMANDS
    out = io.StringIO()
    call_command("check_external_links", stdout=out)
    assert "3 external addresses checked, 2 broken" in out.getvalue()
    call_command("check_external_links", stdout=(out := io.StringIO()))
    assert "nothing to do" in out.getvalue()
    LinkCheck.objects.update(checked_at=timezone.now() - datetime.timedelta(days=7))
    assert links.due()
    call_command("check_external_links", "--now", stdout=(out := io.StringIO()))
    assert "3 external addresses checked" in out.getvalue()
    assert settings.LINK_CHECK_EVERY_DAYS == 7
