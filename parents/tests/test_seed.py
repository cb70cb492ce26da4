"""The demo site's parents' section (load_seed, shared with the other tests on the seeded site): five guides, the
club's six meetings with a memo each, the directory of demonstration centres; every link the section gives answers,
and the home page's box for parents leads into it."""

import io
import re

import pytest
from pypdf import PdfReader

from home.models import ContentPage, EventPage, HomePage, SectionPage
from parents.models import SupportCentre, SupportCentresPage
from parents.seed import CENTRES, Seeder


@pytest.fixture
def seeded(seeded_site, db):
    return seeded_site


def section():
    return SectionPage.objects.get(slug="roditeliam", locale__language_code="ru")


def test_the_section_has_the_guides_the_club_and_the_directory_of_centres(seeded, client):
    parents = section()
    guides = ContentPage.objects.child_of(parents).live()
    assert guides.count() == 5
    assert all(guide.audiences.filter(slug="parents").exists() for guide in guides)
    meetings = EventPage.objects.descendant_of(parents).live().order_by("start_date")
    assert meetings.count() == 6
    assert [m.start_date.month for m in meetings] == [9, 11, 1, 2, 3, 4]
    assert SupportCentre.objects.filter(is_demonstration=True).count() == len(CENTRES)
    assert all(centre.staff.exists() and centre.accepts_requests for centre in SupportCentre.objects.all())
    listing = client.get(parents.url).content.decode()
    for page in [*guides, SupportCentresPage.objects.get(locale__language_code="ru")]:
        assert f'href="{page.url}"' in listing
    home = HomePage.objects.get(locale__language_code="ru")
    box = next(entry for entry in home.audiences if entry.value["audience"] == "parents")
    assert box.value["links"][0]["page"].specific == parents.specific


def test_every_link_in_the_section_answers_and_every_memo_is_a_tagged_pdf(seeded, client):
    parents = section()
    pages = [parents, *parents.get_descendants().live().specific()]
    centres = SupportCentresPage.objects.get(locale__language_code="ru")
    urls = {page.url for page in pages} | {centres.url + "konsultatsiia/"}
    links = set()
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        links |= set(re.findall(r'href="(/[^"#]*)"', response.content.decode()))
    memos = {link for link in links if link.startswith("/documents/")}
    assert len(memos) == 6
    # Static files are the browser test's: the test client has no collected static files to serve.
    for link in sorted(link for link in links if not link.startswith("/static/")):
        response = client.get(link)
        assert response.status_code == 200, link
    for memo in memos:
        response = client.get(memo)
        pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
        assert "/StructTreeRoot" in pdf.trailer["/Root"] and pdf.metadata.title.startswith("Памятка")


def test_the_seed_is_idempotent(seeded):
    before = (SupportCentre.objects.count(), section().get_descendants().count())
    assert Seeder().run() == 0
    assert (SupportCentre.objects.count(), section().get_descendants().count()) == before
