"""What a page or an atlas record is counted under in the site search's facets (kind, sector, audience,
district, disability category, year). Each model says it in ``search_facets``; the search indexes the answer as
«name:value» tags — an OpenSearch keyword field counted with one terms aggregation, and rows of a table on the database
backend — so that both backends count the same values."""

FACETS = ("kind", "sector", "audience", "district", "category", "year")


class Faceted:
    """Mixed into page and snippet models. ``search_kind`` names the kind of result; page types override
    ``search_facets`` to add their sector, audiences, districts or year."""

    search_kind = "page"

    def search_facets(self):
        return {"kind": [self.search_kind]}

    @classmethod
    def prepare_search_facets(cls, objects):
        """Called by the search backends before indexing many ``objects`` at once: a model whose facets cost
        queries computes them here for all of them together and keeps them on each object."""

    def tags_for_facets(self):
        return sorted(
            f"{name}:{value}" for name, values in self.search_facets().items() for value in set(values) if value
        )


def slugs(manager):
    return [item.slug for item in manager.all()]
