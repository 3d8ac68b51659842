"""dateline: news articles in; who did what to whom, where, when, and who said what, with evidence spans, out."""

from dateline.article import SCHEMA, Article
from dateline.pipeline import analyze, analyze_texts

__all__ = ["SCHEMA", "Article", "analyze", "analyze_texts"]
__version__ = "0.1.0"
