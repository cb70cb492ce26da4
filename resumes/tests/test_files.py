"""The résumé's photo and certificates: checked against their content, images written anew without their metadata,
kept outside the public media, shown to the owner and to verified employers who may see the résumé (a guessed id is
a 404), and gone from the disk when removed and when the account is deleted."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from resumes import accounts
from resumes.models import ResumeFile

pytestmark = pytest.mark.django_db
FILES = "/studentam/kabinet/reziume/faily/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def photo_bytes(with_place=True):
    """A JPEG from a phone: with the GPS place in its EXIF."""
    image = Image.new("RGB", (1600, 1200), (30, 90, 160))
    exif = Image.Exif()
    if with_place:
        exif[0x8825] = {1: "N", 2: (48.0, 28.0, 0.0), 3: "E", 4: (135.0, 4.0, 0.0)}  # GPS: Khabarovsk
        exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(client, name, content, kind="certificate", title=""):
    return client.post(
        FILES, {"action": "upload", "kind": kind, "title": title, "file": SimpleUploadedFile(name, content)}
    )


@pytest.fixture
def owner(client, make_shown_resume):
    resume = make_shown_resume("anna@student.example.ru")
    client.force_login(resume.student.account)
    return resume


def test_a_photo_is_kept_privately_without_its_metadata(client, owner):
    assert upload(client, "IMG_2041.jpg", photo_bytes(), kind="photo").status_code == 302
    stored = ResumeFile.objects.get()
    path = Path(stored.file.path)
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT) and not path.is_relative_to(settings.MEDIA_ROOT)
    assert "IMG_2041" not in path.name and stored.original_name == "IMG_2041.jpg"
    with Image.open(path) as image:
        assert max(image.size) == 800 and not image.getexif()  # smaller, and nothing of the phone or the place
    response = client.get(f"{FILES}{stored.pk}/")
    assert response["Content-Type"] == "image/jpeg" and response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    # A second photo replaces the first, on the disk too.
    upload(client, "new.png", _png(), kind="photo")
    assert ResumeFile.objects.filter(kind="photo").count() == 1 and not path.exists()


def _png():
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 10, 10)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind", "message"),
    [
        ("diplom.pdf", b"MZ\x90\x00 a program renamed", "certificate", "не является файлом «.pdf»"),
        ("photo.jpg", PDF, "photo", "не является файлом «.jpg»"),
        ("diplom.docx", b"PK\x03\x04", "certificate", "«.docx» здесь не принимается: jpeg, jpg, pdf, png."),
        ("photo.pdf", PDF, "photo", "«.pdf» здесь не принимается: jpeg, jpg, png."),
        ("big.pdf", PDF + b"0" * (5 * 1024 * 1024), "certificate", "не больше 5,0"),
        ("broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "photo", "Изображение не читается"),
        ("empty.pdf", b"", "certificate", "Файл пуст."),
    ],
)
def test_bad_files_are_refused_with_a_message_and_nothing_is_kept(client, owner, name, content, kind, message):
    on_disk = set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.*"))  # what earlier tests left (their rows rolled back)
    response = upload(client, name, content, kind=kind)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ResumeFile.objects.exists() and set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.*")) == on_disk


def test_employers_see_the_files_of_a_resume_they_may_see_and_nothing_else(client, owner, make_organisation):
    upload(client, "diplom.pdf", PDF, title="Диплом Абилимпикс, 2 место")
    certificate = ResumeFile.objects.get()
    employer = make_organisation("ООО «Верфь»")
    client.force_login(employer.account)
    page = client.get(f"/admin/reziume/{owner.pk}/").content.decode()
    address = f"/admin/reziume/{owner.pk}/fail/{certificate.pk}/"
    assert "Диплом Абилимпикс, 2 место" in page and address in page
    assert client.get(address)["Content-Type"] == "application/pdf"
    assert client.get(f"/admin/reziume/{owner.pk + 1}/fail/{certificate.pk}/").status_code == 404  # guessed
    assert client.get(f"{FILES}{certificate.pk}/").status_code == 403  # the student's own address: not theirs
    owner.visible = False
    owner.save()
    assert client.get(address).status_code == 404  # hidden now
    anonymous = client.__class__()
    assert anonymous.get(f"{FILES}{certificate.pk}/").status_code == 302  # to the sign-in page


def test_files_go_from_the_disk_when_removed_and_with_the_account(client, owner):
    upload(client, "diplom.pdf", PDF)
    upload(client, "me.jpg", photo_bytes(), kind="photo")
    certificate, photo = ResumeFile.objects.get(kind="certificate"), ResumeFile.objects.get(kind="photo")
    paths = [Path(certificate.file.path), Path(photo.file.path)]
    assert all(path.exists() for path in paths)
    response = client.post(FILES, {"action": "remove", "file": certificate.pk})
    assert response.status_code == 302 and not paths[0].exists()
    assert client.post(FILES, {"action": "remove", "file": "abc"}).status_code == 302  # garbage: a message
    data = client.post("/studentam/kabinet/", {"action": "export"}).json()
    assert [item["name"] for item in data["resume"]["files"]] == ["me.jpg"]
    accounts.delete(owner.student)
    assert not ResumeFile.objects.exists() and not paths[1].exists()
