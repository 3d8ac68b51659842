"""Places: toponyms found in an article and resolved to GeoNames (cities, countries, subdivisions, our own table).

- `locate_places(article, doc)`: the pipeline stage; fills `article.places`.
- `resolve_span(article, start, end)`: the place one span names, in the article's context.
- `place_of_sentence(article, start, end)`: the index of the place a sentence sets, for the events stage.
- `gazetteer()`: the merged gazetteer, loaded once per process.
"""

from dateline.geo.gazetteer import Gazetteer, Place, distance_km, fold, gazetteer
from dateline.geo.places import locate_places, resolve_span
from dateline.geo.sentences import dateline_place, place_of_sentence

__all__ = ["Gazetteer", "Place", "dateline_place", "distance_km", "fold", "gazetteer", "locate_places",
           "place_of_sentence", "resolve_span"]
