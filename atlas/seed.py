"""Builds the atlas from media_seed/atlas/: the reference data of media_seed/atlas/data/*.csv (regional facts
with their confidence and sources) and the profession cards of media_seed/atlas/professions.json.

Idempotent like the home seed: what exists is left alone unless ``refresh`` is asked for."""

import csv
import datetime
import json

from django.conf import settings
from wagtail.models import Locale, Site

from atlas.english import EnglishAtlas
from atlas.models import (
    AtlasIndexPage,
    EducationalOrganization,
    Employer,
    InvestmentProject,
    MunicipalDistrict,
    ProfessionPage,
    ProfessionSuitability,
    SchoolSubject,
    Sector,
    Specialty,
)
from atlas.subjects import ensure_subject_translations, ensure_subjects
from portal.illustrations import sector_illustrations
from portal.seeding import link_from_home
from portal.slugs import slug_for

ATLAS_DIR = settings.BASE_DIR / "media_seed" / "atlas"
DATA_DIR = ATLAS_DIR / "data"


def read_csv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split(value):
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def sources(value):
    return "\n".join(part.strip() for part in (value or "").split(" ; ") if part.strip())


class Seeder:
    def __init__(self, refresh=False, log=print):
        self.refresh = refresh
        self.log = log
        self.created = 0
        self.locale = None

    def upsert(self, model, name, **fields):
        """The snippet called ``name`` in the Russian locale, created (or refreshed) from ``fields``."""
        m2m = {key: fields.pop(key) for key in list(fields) if isinstance(fields[key], list)}
        obj = model.objects.filter(locale=self.locale, name=name).first()
        if obj is None:
            slug = slug_for(fields.pop("slug", "") or name, max_length=100)
            if model.objects.filter(locale=self.locale, slug=slug).exists():
                slug = f"{slug}-{model.objects.filter(locale=self.locale).count() + 1}"
            obj = model(locale=self.locale, name=name, slug=slug, **fields)
            self.created += 1
        elif self.refresh:
            fields.pop("slug", None)
            for key, value in fields.items():
                setattr(obj, key, value)
        else:
            return obj
        for key, values in m2m.items():
            getattr(obj, key).set(values)
        obj.save()
        return obj

    def run(self):
        self.locale = Locale.objects.get(language_code="ru")
        ensure_subjects(SchoolSubject, self.locale)
        english = Locale.objects.filter(language_code="en").first()
        if english is not None:
            self.created += ensure_subject_translations(SchoolSubject.objects.filter(locale=self.locale), english)
        sectors = {
            row["name_ru"]: self.upsert(
                Sector,
                row["name_ru"],
                description=row["note_ru"],
                confidence=row["confidence"] or "medium",
                source=sources(row["source"]),
            )
            for row in read_csv("sectors.csv")
        }
        self.illustrate(sectors)
        districts = {
            row["name_ru"]: self.upsert(
                MunicipalDistrict,
                row["name_ru"],
                kind=row["type"],
                centre=row["admin_centre_ru"],
                confidence=row["confidence"] or "medium",
                source=sources(row["source"]),
            )
            for row in read_csv("districts.csv")
        }
        employers = {
            row["name_ru"]: self.upsert(
                Employer,
                row["name_ru"],
                sector=sectors.get(row["sector_name_ru"]),
                city=row["city_ru"],
                districts=[districts[d] for d in split(row["district_ru"]) if d in districts],
                confidence=row["confidence"] or "medium",
                source=sources(row["source"]),
            )
            for row in read_csv("employers.csv")
        }
        organisations = {
            row["name_ru"]: self.upsert(
                EducationalOrganization,
                row["name_ru"],
                short_name=row["short_name_ru"],
                kind=row["kind"],
                city=row["city_ru"],
                district=districts.get(row["district_ru"]),
                confidence=row["confidence"] or "medium",
                source=sources(row["source"]),
            )
            for row in read_csv("education_orgs.csv")
        }
        projects = {
            row["name_ru"]: self.upsert(
                InvestmentProject,
                row["name_ru"],
                description=row["note_ru"],
                sectors=[sectors[s] for s in split(row["sector_name_ru"]) if s in sectors],
                districts=[districts[d] for d in split(row["district_ru"]) if d in districts],
                confidence=row["confidence"] or "medium",
                source=sources(row["source"]),
            )
            for row in read_csv("investment_projects.csv")
        }

        atlas = self.atlas_index()
        cards_file = ATLAS_DIR / "professions.json"
        cards = json.loads(cards_file.read_text(encoding="utf-8")) if cards_file.exists() else []
        pages, specialties = {}, {}
        for card in cards:
            specialty = None
            if card.get("specialty_name"):
                specialty = self.upsert(
                    Specialty,
                    card["specialty_name"],
                    code=card.get("specialty_code", ""),
                    level=card["education_level"] if card["education_level"] != "profobuchenie" else "profobuchenie",
                    confidence="medium",
                )
                specialty.organisations.add(*[organisations[o] for o in card["organisations"] if o in organisations])
                specialty.save()
            pages[card["name_ru"]] = self.profession(
                atlas, card, sectors, districts, employers, organisations, projects, specialty
            )
            specialties[card["name_ru"]] = specialty
        for card in cards:  # related professions need every card to exist first
            page = pages[card["name_ru"]]
            related = [pages[name] for name in card.get("related", []) if name in pages and pages[name] != page]
            if self.refresh or not page.related_professions.exists():
                page.related_professions.set(related)
                page.save_revision().publish()
        if english is not None:
            rows = {
                "sectors": read_csv("sectors.csv"),
                "districts": read_csv("districts.csv"),
                "employers": read_csv("employers.csv"),
                "projects": read_csv("investment_projects.csv"),
            }
            self.translate(
                english,
                atlas,
                cards,
                pages,
                specialties,
                (sectors, districts, employers, organisations, projects),
                rows,
            )
        link_from_home("students", atlas, {"ru": "Атлас профессий края", "en": "Atlas of the krai’s professions"})
        return self.created

    def illustrate(self, sectors):
        """Each sector gets the project's drawing for it, unless an editor has chosen another picture."""
        for name, image in sector_illustrations().items():
            sector = sectors.get(name)
            if sector is not None and sector.illustration_id is None:
                sector.illustration = image
                sector.save(update_fields=["illustration"])

    def translate(self, locale, atlas, cards, pages, specialties, reference, rows):
        """The English atlas, through wagtail-localize's translation records (atlas/english.py)."""
        english = EnglishAtlas(ATLAS_DIR, locale, refresh=self.refresh)
        english.reference(*reference, rows)
        english.index(atlas)
        translated = {}
        for card in cards:
            page = english.card(pages[card["name_ru"]], card, specialties[card["name_ru"]])
            if page is not None:
                translated[card["name_ru"]] = page
        for name, page in translated.items():  # related cards need every English card to exist first
            english.related(pages[name], page)
        self.created += english.created

    def atlas_index(self):
        home = Site.objects.get(is_default_site=True).root_page
        atlas = AtlasIndexPage.objects.child_of(home).first()
        if atlas is None:
            atlas = AtlasIndexPage(
                title="Атлас востребованных профессий Хабаровского края",
                slug="atlas",
                show_in_menus=True,
                intro=(
                    "Профессии, которые нужны экономике края: чем занимаются специалисты, где этому учат "
                    "в крае, кто работодатели и сколько платят."
                ),
                summary="Профессии, востребованные в Хабаровском крае, с отраслями, колледжами и работодателями.",
                easy_read_summary=(
                    "Здесь собраны профессии, которые нужны в Хабаровском крае.\n"
                    "Можно узнать, где учиться и где потом работать."
                ),
            )
            home.add_child(instance=atlas)
            atlas.save_revision().publish()
            self.created += 1
        return atlas

    def profession(self, atlas, card, sectors, districts, employers, organisations, projects, specialty):
        page = ProfessionPage.objects.child_of(atlas).filter(title=card["name_ru"]).first()
        if page is not None and not self.refresh:
            return page
        salary = card.get("salary") or {}
        fields = {
            "title": card["name_ru"],
            "summary": card["summary_ru"],
            "easy_read_summary": "\n".join(card["easy_read_ru"])
            if isinstance(card["easy_read_ru"], list)
            else card["easy_read_ru"],
            "sector": sectors.get(card["sector"]),
            "education_level": card["education_level"],
            "klimov_type": card["klimov_type"],
            "demand_level": card["demand_level"],
            "is_future_profession": card["future_profession"],
            "outlook": card["outlook_ru"],
            "also_called": [("item", name) for name in card.get("also_called_ru", [])],
            "duties": [("item", item) for item in card["duties_ru"]],
            "day_at_work": card["day_ru"],
            "working_conditions": card["conditions_ru"],
            "hard_skills": [("item", item) for item in card["hard_skills_ru"]],
            "soft_skills": [("item", item) for item in card["soft_skills_ru"]],
            "personal_qualities": [("item", item) for item in card["qualities_ru"]],
            "contraindications": [("item", item) for item in card["contraindications_ru"]],
            "salary_min": salary.get("min"),
            "salary_max": salary.get("max"),
            # A figure without a source is demonstration data: the card says so.
            "salary_source": "" if salary.get("is_demo", True) else salary.get("source", ""),
            "salary_date": datetime.date.fromisoformat(salary["date"]) if salary.get("date") else None,
            "okpdtr_code": card.get("okpdtr_code", ""),
            "okz_code": card.get("okz_code", ""),
            "data_source": sources(card.get("source", "")),
            "needs_verification": ", ".join(name.removesuffix("_ru") for name in card.get("needs_verification", [])),
        }
        if page is None:
            page = ProfessionPage(**fields)
            atlas.add_child(instance=page)
            self.created += 1
        else:
            for key, value in fields.items():
                setattr(page, key, value)
        page.school_subjects.set(SchoolSubject.objects.filter(locale=self.locale, code__in=card["school_subjects"]))
        page.specialties.set([specialty] if specialty else [])
        page.organisations.set([organisations[o] for o in card["organisations"] if o in organisations])
        page.employers.set([employers[e] for e in card["employers"] if e in employers])
        page.investment_projects.set([projects[p] for p in card["investment_projects"] if p in projects])
        page.districts.set([districts[d] for d in card["districts"] if d in districts])
        page.suitability = [
            ProfessionSuitability(category=row["category"], degree=row["degree"], note=row["note_ru"][:300])
            for row in card["disability_suitability"]
        ]
        page.save_revision().publish()
        return page
