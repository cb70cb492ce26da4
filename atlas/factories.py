"""Test factories for the atlas."""

import datetime

import factory
import wagtail_factories
from slugify import slugify
from wagtail.models import Locale

from atlas import models


def ru():
    return Locale.objects.get(language_code="ru")


class SnippetFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(ru)
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    confidence = "high"


class SectorFactory(SnippetFactory):
    name = factory.Sequence(lambda n: f"Отрасль {n}")

    class Meta:
        model = models.Sector


class DistrictFactory(SnippetFactory):
    name = factory.Sequence(lambda n: f"Район {n}")

    class Meta:
        model = models.MunicipalDistrict


class EmployerFactory(SnippetFactory):
    name = factory.Sequence(lambda n: f"Завод {n}")

    class Meta:
        model = models.Employer


class OrganisationFactory(SnippetFactory):
    name = factory.Sequence(lambda n: f"Колледж {n}")
    kind = "spo"

    class Meta:
        model = models.EducationalOrganization


class AtlasIndexPageFactory(wagtail_factories.PageFactory):
    title = "Атлас профессий"
    slug = "atlas"

    class Meta:
        model = models.AtlasIndexPage


class ProfessionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Профессия {n}")
    summary = "Коротко о профессии."
    education_level = "spo"
    klimov_type = "technique"
    demand_level = "high"
    salary_min = 50_000
    salary_max = 80_000
    salary_date = datetime.date(2025, 1, 1)  # the optional fields filled: exports broke on one once
    duties = [("item", "Собирает узлы"), ("item", "Читает чертежи")]
    hard_skills = [("item", "Чтение чертежей"), ("item", "Работа с инструментом")]
    soft_skills = [("item", "Внимательность")]

    class Meta:
        model = models.ProfessionPage
