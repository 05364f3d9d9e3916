"""English word forms from lemminflect (english/inflection.py), and what they fix in the extraction."""
from __future__ import annotations

import pytest

from extraction_helpers import BACKENDS, analyse
from newslens.english.inflection import plural_noun


@pytest.mark.parametrize("noun, plural", [("secretary", "secretaries"), ("spokesman", "spokesmen"),
                                          ("princess", "princesses"), ("senator", "senators"),
                                          ("prime minister", "prime ministers"), ("coach", "coaches")])
def test_plural_noun(noun, plural):
    assert plural_noun(noun) == plural


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_plural_title_before_two_names_gives_two_people(backend):
    analysis = analyse("Secretaries Ana Ruiz and Paul Kim signed the deal on Monday.\n", backend)
    people = {(actor.name, actor.type) for actor in analysis.actors}
    assert {("Ana Ruiz", "PERSON"), ("Paul Kim", "PERSON")} <= people
    assert not any(actor.name.startswith("Secretaries") for actor in analysis.actors)
