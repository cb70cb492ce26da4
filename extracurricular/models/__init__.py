from .pages import ExtracurricularCatalogPage
from .programmes import AGE_BUCKETS, Cost, Direction, ExtracurricularProgramme

__all__ = ["AGE_BUCKETS", "Cost", "Direction", "ExtracurricularCatalogPage", "ExtracurricularProgramme"]
