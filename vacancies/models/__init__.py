from .pages import VacancyIndexPage
from .vacancies import Kind, Source, Vacancy

__all__ = ["Kind", "Source", "Vacancy", "VacancyIndexPage"]
