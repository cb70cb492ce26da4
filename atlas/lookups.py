"""Atlas records found by name as people write them in spreadsheets, for every import that links to them.

A name is compared whatever its case, «ё», quotes and dashes. Districts are also found by their distinctive
words, as offices write them: «г. Хабаровск» and «Хабаровск» are «Городской округ «Город Хабаровск»», «район
им. Лазо» is «Муниципальный район имени Лазо»; «все районы края» is every district. A name that fits several
records is never guessed: the caller reports all of them."""

import re

from portal.importing import normal_name

from .models.snippets import MunicipalDistrict


class Lookup:
    """Records of ``queryset`` by the normalised value of any of ``fields``; loaded once per import."""

    def __init__(self, queryset, fields=("name",)):
        self.queryset, self.fields = queryset, fields
        self._index = None

    @property
    def index(self):
        if self._index is None:
            self._index = {}
            for record in self.queryset:
                for name in {normal_name(getattr(record, field)) for field in self.fields}:
                    if name:
                        self._index.setdefault(name, []).append(record)
        return self._index

    def find(self, text):
        """Every record the name fits: none, one, or several (then the name is ambiguous)."""
        return list(self.index.get(normal_name(text), []))


# Words that say what kind of place a district is, not which one.
GENERIC_WORDS = {
    "г",
    "гор",
    "город",
    "городской",
    "городского",
    "округ",
    "округа",
    "го",
    "мо",
    "мр",
    "р-н",
    "рн",
    "район",
    "района",
    "муниципальный",
    "муниципального",
    "муниципальное",
    "образование",
    "им",
    "имени",
    "хабаровского",
    "края",
    "край",
}
# A cell meaning every district of the krai.
EVERY_DISTRICT = {
    "все",
    "все районы",
    "все районы края",
    "все районы хабаровского края",
    "все муниципальные образования",
    "все муниципальные образования края",
    "все муниципальные районы и округа",
    "весь край",
    "хабаровский край",
    "по всему краю",
    "по всем районам",
}


def distinctive_words(name):
    words = re.split(r"[\s.,]+", normal_name(name))
    return frozenset(word for word in words if word and word not in GENERIC_WORDS)


class DistrictLookup(Lookup):
    def __init__(self, queryset=None):
        super().__init__(queryset if queryset is not None else MunicipalDistrict.objects.in_default_locale())
        self._words = None

    @staticmethod
    def means_every_district(text):
        return normal_name(text).rstrip(".") in EVERY_DISTRICT

    def every_district(self):
        return sorted({record.pk: record for records in self.index.values() for record in records}.values(), key=str)

    def find(self, text):
        """The district the name means (a list of one), several when it is ambiguous, none when unknown.
        «Все районы края» is not a district: ask ``means_every_district`` first."""
        exact = super().find(text)
        if exact:
            return exact
        words = distinctive_words(text)
        if not words:
            return []
        if self._words is None:
            self._words = [(distinctive_words(record.name), record) for record in self.every_district()]
        same = [record for record_words, record in self._words if record_words == words]
        return same or [record for record_words, record in self._words if words <= record_words]
