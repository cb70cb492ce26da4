"""The import of «Работа России» (trudvsem.ru) open data: the krai's vacancies for young people.

The federal service publishes its vacancies as JSON (``opendata.trudvsem.ru/api/v1/vacancies/region/27``)::

    {"status": "200", "meta": {"total": 2, "limit": 100},
     "results": {"vacancies": [{"vacancy": {"id": "…", "job-name": "…", "region": {"region_code": "2700000000000"},
        "company": {"inn": "…", "name": "…"}, "salary_min": 40000, "salary_max": 60000,
        "requirement": {"experience": 0, "education": "…", "qualification": "…"}, "duty": "…",
        "employment": "…", "schedule": "…", "creation-date": "2026-11-20", "vac_url": "https://trudvsem.ru/…",
        "addresses": {"address": [{"location": "Хабаровский край, г Хабаровск, …"}]}}}, …]}}

What is kept: vacancies of the krai (a region code beginning with 27) that need no work experience, or that are
practice or an internship by their name. Each is linked to an atlas card by its ОКПДТР code when the record has one
(``code_profession``), else by its name (``profession_for``), to an atlas employer by the company's name, and to a
district by the town in its address.

One import is all or nothing: the whole file is checked first, and a file in a wrong shape (not JSON, another
structure, a field of a wrong type) gives a report of every problem and writes nothing; a good one is written in one
transaction. Vacancies are found again by their id in the source, so the same file twice changes nothing, and those of
an earlier import that the file no longer has are closed (they leave the lists, their link says so).
"""

import datetime
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from atlas.models import Employer, MunicipalDistrict, ProfessionPage
from portal import locales
from portal.importing import ImportReport, normal_name

from .models.vacancies import Kind, Source, Vacancy

KRAI_REGION_PREFIX = "27"  # the region code of Хабаровский край in the service's codes (2700000000000)
# How long an imported vacancy stays listed after the service published it, unless the service drops it earlier (then
# the next import closes it). The open data has no closing date of its own.
VALID_DAYS = 90
PRACTICE_WORDS = re.compile(r"практик|стаж[её]р|стажировк|интерн", re.IGNORECASE)
TARGET_WORDS = re.compile(r"целев\w* обучени", re.IGNORECASE)
SEASONAL_WORDS = re.compile(r"сезонн|временн|летн", re.IGNORECASE)
# Legal forms left out when company names are compared with the atlas's employers.
LEGAL_FORMS = re.compile(r"\b(ооо|оао|зао|пао|ао|ип|фгуп|муп|гуп|кгбу|кгку|кгау|кгб поу|нао)\b")


@dataclass
class Record:
    """One vacancy of the file, checked: what the import writes."""

    source_id: str
    title: str
    kind: str
    company: str
    inn: str
    salary_from: int | None
    salary_to: int | None
    schedule: str
    duties: str
    requirements: str
    location: str
    created: datetime.date
    url: str
    code: str
    region: str = ""
    experience: float = 0
    employment: str = ""


def run_import(content, filename="", options=None, *, dry_run=False, progress=None, user=None):
    """Checks the file ``content`` (bytes) and, unless ``dry_run``, writes its vacancies in one transaction.
    Returns an ``ImportReport``; never raises for what the file holds."""
    report = ImportReport(kind="vacancy", label=_("Vacancies of «Работа России»"))
    records = read(content, report)
    if not report.ok:
        return report
    if dry_run:
        report.count("created", n=len(records))
        return report
    with transaction.atomic():
        write(records, report)
    report.written = True
    return report


# -- reading and checking ------------------------------------------------------------------------------------
def read(content, report):
    """The kept records of the file; every problem goes into ``report`` (then the list means nothing)."""
    try:
        data = json.loads(content.decode("utf-8-sig") if isinstance(content, bytes) else content)
    except UnicodeDecodeError:
        report.add(None, "", "", _("The file is not text in UTF-8: save the open data as it was downloaded."))
        return []
    except json.JSONDecodeError as error:
        report.add(
            None,
            "",
            "",
            _("The file is not valid JSON (line %(line)s, column %(column)s): %(reason)s.")
            % {"line": error.lineno, "column": error.colno, "reason": error.msg},
        )
        return []
    items = data.get("results", {}).get("vacancies") if isinstance(data, dict) else None
    if isinstance(items, dict) and not items:
        items = []
    if not isinstance(items, list) or not isinstance(data.get("results"), dict):
        report.add(
            None,
            "results.vacancies",
            "",
            _(
                "This is not the vacancy open data of «Работа России»: a list «results» → «vacancies» of records "
                "«vacancy» was expected."
            ),
        )
        return []
    records, seen, left_out = [], set(), 0
    for number, item in enumerate(items, start=1):
        vacancy = item.get("vacancy") if isinstance(item, dict) else None
        if not isinstance(vacancy, dict):
            report.add(number, "vacancy", str(item)[:80], _("The record has no «vacancy» object."))
            continue
        report.rows += 1
        record = check(number, vacancy, report)
        if record is None:
            continue
        if record.source_id in seen:
            report.add(number, "id", record.source_id, _("The same vacancy id appears twice in the file."))
            continue
        seen.add(record.source_id)
        if kept(vacancy, record):
            records.append(record)
        else:
            left_out += 1
    if left_out:
        report.notes.append(_("Left out as outside the krai or requiring work experience: %(n)s.") % {"n": left_out})
    return records


def check(number, vacancy, report):
    """The record of one vacancy, or None after reporting what is wrong with it."""
    problems = len(report.problems)

    def text(key, *, required=False, within=None):
        value = (within if within is not None else vacancy).get(key)
        if value is None or value == "":
            if required:
                report.add(number, key, "", _("The record has no value here; it is required."))
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool) and key == "id":
            return str(value)
        if not isinstance(value, str):
            report.add(number, key, value, _("Text was expected."))
            return ""
        return value.strip()

    def amount(key):
        value = vacancy.get(key)
        if value in (None, "", 0):
            return None
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            report.add(number, key, value, _("A sum in roubles (a whole number) was expected."))
            return None
        return int(value)

    def part(key):
        value = vacancy.get(key) or {}
        if not isinstance(value, dict):
            report.add(number, key, value, _("An object was expected."))
            return {}
        return value

    company, requirement, region = part("company"), part("requirement"), part("region")
    experience = requirement.get("experience", 0)
    if experience in (None, ""):
        experience = 0
    if not isinstance(experience, int | float) or isinstance(experience, bool):
        report.add(number, "requirement.experience", experience, _("A number of years was expected."))
    created_text = text("creation-date", required=True)
    created = None
    if created_text:
        try:
            created = datetime.date.fromisoformat(created_text[:10])
        except ValueError:
            report.add(number, "creation-date", created_text, _("A date like 2026-11-20 was expected."))
    addresses = part("addresses").get("address") or []
    if isinstance(addresses, dict):
        addresses = [addresses]
    location = (
        next((a.get("location", "") for a in addresses if isinstance(a, dict)), "")
        if isinstance(addresses, list)
        else ""
    )
    record = Record(
        source_id=text("id", required=True),
        title=text("job-name", required=True),
        kind="",
        company=text("name", within=company),
        inn=text("inn", within=company),
        salary_from=amount("salary_min"),
        salary_to=amount("salary_max"),
        schedule=text("schedule"),
        duties=strip_tags(text("duty")),
        requirements=", ".join(
            part for part in (text("education", within=requirement), text("qualification", within=requirement)) if part
        ),
        location=str(location or ""),
        created=created,
        url=text("vac_url"),
        code=text("code_profession"),
    )
    region_code = str(region.get("region_code") or "")
    if len(report.problems) > problems:
        return None
    record.region = region_code
    record.experience = experience
    record.employment = text("employment")
    record.kind = kind_of(record)
    if record.salary_from and record.salary_to and record.salary_from > record.salary_to:
        record.salary_from, record.salary_to = record.salary_to, record.salary_from
    return record


def kept(vacancy, record):
    """The krai's, and for young people: no experience required, or practice or an internship."""
    if not record.region.startswith(KRAI_REGION_PREFIX):
        return False
    return not record.experience or bool(PRACTICE_WORDS.search(record.title))


def kind_of(record):
    words = f"{record.title} {record.duties}"
    if PRACTICE_WORDS.search(record.title):
        return Kind.PRACTICE
    if TARGET_WORDS.search(words):
        return Kind.TARGET_TRAINING
    if SEASONAL_WORDS.search(f"{record.employment} {record.title}"):
        return Kind.SUMMER
    return Kind.FIRST_JOB


def strip_tags(text):
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


# -- matching to the atlas -----------------------------------------------------------------------------------
class Atlas:
    """The atlas's cards, employers and districts in the default language, read once per import."""

    def __init__(self):
        default = locales.default_language()
        cards = list(
            ProfessionPage.objects.filter(locale__language_code=default).only("id", "title", "okpdtr_code", "okz_code")
        )
        self.by_code = {card.okpdtr_code.strip(): card.pk for card in cards if card.okpdtr_code.strip()}
        self.by_name = {}
        for card in cards:  # «Слесарь (мастер слесарных работ)» is found as «Слесарь» too
            self.by_name.setdefault(normal_name(card.title), card.pk)
            self.by_name.setdefault(normal_name(card.title.split("(")[0]), card.pk)
        employers = Employer.objects.filter(locale__language_code=default).only("id", "name")
        self.employers = {company_key(employer.name): employer.pk for employer in employers}
        districts = MunicipalDistrict.objects.filter(locale__language_code=default).only("id", "name", "centre")
        # Longest place names first: «Комсомольск-на-Амуре» before «Амурск».
        # A district whose centre lies outside it («г. Хабаровск (центр вне района)») is not found by its centre.
        places = [(place_name(d.centre), d.pk) for d in districts if d.centre.strip() and "вне района" not in d.centre]
        self.places = sorted(places, key=lambda pair: -len(pair[0]))

    def profession_for(self, record):
        """By the ОКПДТР code when the record has one; else the card whose title is the vacancy's name, or the
        longest card title the name begins with as whole words («Сварщик» for «Сварщик ручной дуговой сварки»)."""
        if record.code and record.code in self.by_code:
            return self.by_code[record.code]
        name = normal_name(re.split(r"[(,]", record.title)[0])
        if name in self.by_name:
            return self.by_name[name]
        starts = [title for title in self.by_name if name.startswith(title + " ")]
        return self.by_name[max(starts, key=len)] if starts else None

    def employer_for(self, record):
        return self.employers.get(company_key(record.company))

    def district_for(self, record):
        location = normal_name(record.location)
        return next((pk for place, pk in self.places if re.search(rf"\b{re.escape(place)}\b", location)), None)


def company_key(name):
    """A company's name without its legal form, quotes and what is in brackets: «ПАО «Амурский судостроительный завод»
    (ОСК)» and «ПАО "Амурский судостроительный завод"» are one."""
    return " ".join(LEGAL_FORMS.sub(" ", normal_name(re.sub(r"\(.*?\)", " ", name))).split())


def place_name(centre):
    """«г. Амурск» → «амурск», «рп Ванино» → «ванино»: as addresses write the town after its kind."""
    place = normal_name(re.sub(r"\(.*?\)", " ", centre))
    return re.sub(r"^(г|рп|пгт|с|п|пос|село|город)\.?\s+", "", place)


# -- writing -------------------------------------------------------------------------------------------------
def values_of(record, atlas):
    return {
        "kind": record.kind,
        "title": record.title[:255],
        "profession_id": atlas.profession_for(record),
        "employer_id": atlas.employer_for(record),
        "employer_name": record.company[:255],
        "employer_inn": record.inn[:12],
        "district_id": atlas.district_for(record),
        "address": record.location[:500],
        "salary_from": record.salary_from,
        "salary_to": record.salary_to,
        "schedule": record.schedule[:255],
        "duties": record.duties,
        "requirements": record.requirements,
        "valid_until": record.created + datetime.timedelta(days=VALID_DAYS),
        "source_url": record.url[:500],
        "closed_at": None,
        "published": True,
    }


def write(records, report):
    atlas = Atlas()
    now = timezone.now()
    existing = {v.source_id: v for v in Vacancy.objects.filter(source=Source.TRUDVSEM)}
    for record in records:
        values = values_of(record, atlas)
        vacancy = existing.get(record.source_id)
        if vacancy is None:
            Vacancy(source=Source.TRUDVSEM, source_id=record.source_id, imported_at=now, **values).save()
            report.count("created")
        elif any(getattr(vacancy, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(vacancy, field, value)
            vacancy.imported_at = now
            vacancy.save()
            report.count("updated")
        else:
            report.count("unchanged")
    kept_ids = {record.source_id for record in records}
    gone = [v for source_id, v in existing.items() if source_id not in kept_ids and v.closed_at is None]
    for vacancy in gone:
        vacancy.closed_at = now
        vacancy.save()
    if gone:
        report.notes.append(_("Closed as no longer in the source: %(n)s.") % {"n": len(gone)})


def import_file(path, **kwargs):
    with open(path, "rb") as file:
        return run_import(file.read(), str(path), **kwargs)


def source_url():
    return getattr(settings, "TRUDVSEM_URL", "")
