"""The partners' part of the demo site: the home page's box for employers leads to the organisations' registration
(a form, not a page, so it is linked by its address in each language)."""

from portal.seeding import PageSeeder, link_from_home


class Seeder(PageSeeder):
    def run(self):
        link_from_home(
            "employers", "partners:register", {"ru": "Зарегистрировать организацию", "en": "Register your organisation"}
        )
        return self.created
