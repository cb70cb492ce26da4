"""How the site is served in each configuration it ships with: `make run` (portal.settings.local), `make dev`
(dev) and production. The settings modules are read in a subprocess, exactly as each command loads them, and
their serving settings applied here."""

import importlib
import json
import os
import stat
import subprocess
import sys
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from portal.local_secret import local_secret_key, new_secret_key
from portal.models import PortalImage

SERVING = ["DEBUG", "SERVE_MEDIA", "STORAGES", "PUBLIC_BASE_URL", "WAGTAILDOCS_SERVE_METHOD", "ALLOWED_HOSTS"]


def settings_of(module, **environ):
    """The serving settings of ``portal.settings.<module>`` as a fresh process loads them."""
    script = (
        "import json, sys; sys.path.insert(1, 'site'); import importlib; "
        f"s = importlib.import_module('portal.settings.{module}'); "
        f"print(json.dumps({{name: getattr(s, name) for name in {SERVING!r}}}))"
    )
    env = {"PATH": os.environ["PATH"], "SECRET_KEY": new_secret_key(), **environ}
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def applied(client, configuration):
    """``configuration`` for override_settings, the client sending a Host it allows. Not its static storage:
    that needs collectstatic first (see the static files test)."""
    client.defaults["HTTP_HOST"] = configuration["ALLOWED_HOSTS"][0]
    return {name: value for name, value in configuration.items() if name != "STORAGES"}


@contextmanager
def serving(client, configuration):
    """Requests served with ``configuration``: its settings, its URLconf (media routes depend on SERVE_MEDIA)."""
    import portal.urls

    try:
        with override_settings(**applied(client, configuration)):
            clear_url_caches()
            importlib.reload(portal.urls)
            yield
    finally:
        clear_url_caches()
        importlib.reload(portal.urls)


@pytest.fixture(scope="module")
def configurations():
    return {
        "run": settings_of("local", PORT="8123", DEBUG="true"),  # DEBUG=true in .env must not leak into make run
        "dev": settings_of("dev", PORT="8123"),
        "production": settings_of("production", ALLOWED_HOSTS="portal.example"),
    }


def test_make_run_is_the_visitors_view_and_make_dev_the_developers(configurations):
    run, dev, production = configurations["run"], configurations["dev"], configurations["production"]
    assert run["DEBUG"] is False and dev["DEBUG"] is True and production["DEBUG"] is False
    assert run["PUBLIC_BASE_URL"] == dev["PUBLIC_BASE_URL"] == "http://127.0.0.1:8123"  # PORT chooses both
    assert run["SERVE_MEDIA"] is True and dev["SERVE_MEDIA"] is True and production["SERVE_MEDIA"] is False
    assert "Manifest" in run["STORAGES"]["staticfiles"]["BACKEND"]  # hashed names, as in production
    assert {c["WAGTAILDOCS_SERVE_METHOD"] for c in configurations.values()} == {"serve_view"}


def test_an_unknown_address_gets_the_designed_404_with_the_run_settings(client, site_tree, configurations):
    with serving(client, configurations["run"]):
        response = client.get("/net-takoi-stranicy/")
    html = response.content.decode()
    assert response.status_code == 404 and "Страница не найдена" in html
    assert "URLconf" not in html and "Traceback" not in html  # not Django's debug page


def test_static_files_are_served_with_far_future_caching_with_the_run_settings(
    client, site_tree, tmp_path, configurations
):
    storages = {**settings.STORAGES, "staticfiles": configurations["run"]["STORAGES"]["staticfiles"]}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages, DEBUG=False):
        call_command("collectstatic", interactive=False, verbosity=0)
        html = client.get("/").content.decode()
        css = html.split('rel="stylesheet" href="')[1].split('"')[0]
        response = client.get(css)
    assert css.startswith("/static/portal/css/site.") and css != "/static/portal/css/site.css"
    assert response.status_code == 200 and "immutable" in response["Cache-Control"]


@pytest.fixture
def media(db):
    """A public image with a rendition, and a document in a private collection, both on disk under MEDIA_ROOT."""
    image = PortalImage.objects.create(title="Сопки", file=get_test_image_file(), description="Зелёные сопки")
    rendition = image.get_rendition("max-100x100")
    private = Collection.get_first_root_node().add_child(name="Для педагогов")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="секрет"
    )
    document = get_document_model()(title="Ключи к тесту", collection=private)
    document.file.save("klyuchi.pdf", ContentFile(b"%PDF-1.4 secret answers\n%%EOF\n"), save=False)
    document.save()
    return rendition.url, document


@pytest.mark.parametrize("configuration", ["run", "dev", "production"])
def test_private_documents_are_never_served_from_the_media_folder(client, media, configurations, configuration):
    rendition_url, document = media
    name = document.file.name  # documents/klyuchi.pdf
    assert name.startswith("documents/") and document.file.storage.exists(name)
    addresses = [
        f"/media/{name}",
        f"/media/images/../{name}",
        f"/media/./{name}",
        f"/media//{name}",
        f"/media/{name.replace('documents', 'Documents')}",
        f"/media/images/%2e%2e/{name}",
    ]
    with serving(client, configurations[configuration]):
        for address in addresses:
            response = client.get(address)
            assert response.status_code == 404, address
            assert b"secret answers" not in b"".join(getattr(response, "streaming_content", [response.content]))
        image = client.get(rendition_url)
        # The document's own address asks for the password of its collection.
        assert b"secret answers" not in client.get(document.url).content
    if configuration == "production":
        assert image.status_code == 404  # production leaves media to the proxy or the storage
    else:
        assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_the_local_secret_key_is_made_once_and_kept_private(tmp_path):
    path = tmp_path / "var" / "secret-key.txt"
    key = local_secret_key(path)
    assert len(key) >= 50 and local_secret_key(path) == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secret-key.txt"]  # no draft left behind


def test_every_page_names_its_icon_and_the_icon_is_served(client, site_tree):
    import re
    from pathlib import Path

    from django.contrib.staticfiles import finders

    html = client.get("/").content.decode()
    (href,) = re.findall(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html)
    assert href.endswith("portal/favicon.svg")
    icon = finders.find("portal/favicon.svg")
    assert icon and Path(icon).read_text().startswith("<svg")
