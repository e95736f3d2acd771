"""Words as a French visitor types them, read the same way by every search of the portal.

Someone looking for a bakery types “boulangeries” as often as “boulangerie”, and “bijou” for a
shop called “Bijoux”. The search index stems words on PostgreSQL (French configuration) but
not on SQLite, the database of a town on one machine, and even the French stemmer keeps
“bijoux” and “bijou” apart; the directory's filter compares text. So each word typed is read
with its regular singular and plural forms: the search index looks for any of them, and a text
filter looks for the part they share.
"""

import os.path
import re

from modelsearch.query import And, Or, PlainText

# Characters that are never part of a word a visitor looks for. SQLite's full-text syntax would
# read a double quote as the end of a term (and fail on the query); the others already split words.
SEPARATORS = re.compile(r'["\s]+')


def word_forms(word):
    """The word, lower case, then its regular French singular or plural forms (never more than three).

    “boulangeries” → boulangerie; “bijoux” → bijou; “animaux” → animau, animal; “cadeau” →
    cadeaux, cadeaus; “animal” → animaux, animals. A form that does not exist (“cadeaus”)
    costs nothing: nothing is indexed under it. Words of one or two letters are left alone.
    """
    word = word.casefold()
    if len(word) < 3:
        return (word,)
    if word.endswith(("eaux", "eux", "oux")):
        forms = [word[:-1]]
    elif word.endswith("aux"):
        forms = [word[:-1], word[:-3] + "al"]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms = [word[:-1]]
    elif word.endswith(("s", "x", "z")):
        forms = []
    elif word.endswith(("au", "eu", "ou")):
        forms = [word + "x", word + "s"]
    elif word.endswith("al"):
        forms = [word[:-2] + "aux", word + "s"]
    else:
        forms = [word + "s"]
    return (word, *forms)


def word_stem(word):
    """What every form of the word starts with: the text to look for in a “contains” filter."""
    return os.path.commonprefix(word_forms(word))


def words(text):
    """The words of what the visitor typed."""
    return [word for word in SEPARATORS.split(text) if word]


def search_query(text, operator="or"):
    """The query for Wagtail's search (`.search()`, `autocomplete()`): each word in any of its forms.

    With operator "and", every word must be found; with "or", any of them. An empty string when
    nothing is left to look for, which Wagtail answers with no results.
    """
    terms = [Or([PlainText(form) for form in word_forms(word)]) for word in words(text)]
    if not terms:
        return ""
    return And(terms) if operator == "and" else Or(terms)
