"""Groups more than one app relies on, named in one place.

«Педагоги» — teachers with an account: the methodics' private collection «Материалы для педагогов» is open to it
(methodics.seed), and the teachers app adds every approved teacher to it (teachers.accounts). Both import the name
from here, so neither app depends on the other.
"""

from django.contrib.auth.models import Group

TEACHERS_GROUP = "Педагоги"


def teachers_group():
    """The «Педагоги» group (made when first needed: it holds no permissions, only membership)."""
    return Group.objects.get_or_create(name=TEACHERS_GROUP)[0]
