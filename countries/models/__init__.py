from .country import CountryFact, CountryPage, TimelineEvent
from .index import CountryIndexPage

__all__ = ["CountryFact", "CountryIndexPage", "CountryPage", "TimelineEvent"]
