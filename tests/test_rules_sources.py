"""Source resolution and typing in the rules backend, on texts written for these tests."""

from __future__ import annotations

import pytest

from claimcheck.backends.rules import RulesBackend
from claimcheck.schema import Claim


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


def attributed(backend: RulesBackend, text: str) -> list[Claim]:
    return [c for c in backend.extract(text, doc_id="t").claims if c.attributed]


def test_pronoun_resolves_to_nearest_compatible_person(backend: RulesBackend) -> None:
    text = (
        "Mr Halvorsen said the tunnel would be finished by spring. "
        "Ms Okonjo, the site engineer, said the concrete had cured well. "
        "The drilling crews were paid a bonus, he said."
    )
    claims = attributed(backend, text)
    assert [c.source for c in claims] == ["Mr Halvorsen", "Ms Okonjo", "he"]
    assert claims[2].source_name == "Halvorsen"
    assert claims[2].source_type == "person"


def test_it_resolves_to_an_institution(backend: RulesBackend) -> None:
    text = "The Ministry of Transport said road deaths fell last year. It said the fall was due to lower speed limits."
    claims = attributed(backend, text)
    assert claims[1].source == "It"
    assert claims[1].source_name == claims[0].source_name == "Ministry of Transport"
    assert claims[1].source_type == "government"


def test_short_form_resolves_to_full_name(backend: RulesBackend) -> None:
    text = (
        "Health Secretary Miriam Castellanos said hospital waiting lists had shrunk. "
        "Ms Castellanos added that two new clinics would open."
    )
    claims = attributed(backend, text)
    assert [c.source_name for c in claims] == ["Miriam Castellanos", "Miriam Castellanos"]
    assert claims[1].source == "Ms Castellanos"


def test_definite_short_form_of_an_institution(backend: RulesBackend) -> None:
    text = (
        "Lowland's water ministry said the drought had ended. The ministry said reservoirs were back above 80 percent."
    )
    claims = attributed(backend, text)
    assert claims[0].source_name == "Lowland water ministry"
    assert claims[1].source == "The ministry"
    assert claims[1].source_name == "Lowland water ministry"


def test_near_miss_spelling_resolves_and_keeps_the_mention(backend: RulesBackend) -> None:
    text = (
        "The depot was evacuated at noon, according to fire chief Benedikt Strohmeier. "
        "No one was hurt, Mr Strohmeir said."
    )
    claims = attributed(backend, text)
    assert claims[1].source == "Mr Strohmeir"
    assert claims[1].source_name == "Benedikt Strohmeier"
    # A near-miss resolution is less certain than a named or short-form one.
    assert claims[1].confidence is not None and claims[0].confidence is not None
    assert claims[1].confidence < claims[0].confidence


def test_titles_and_leading_the_dropped_from_names(backend: RulesBackend) -> None:
    text = "Prices will rise again in May, according to Finance Minister Ola Brekke."
    assert attributed(backend, text)[0].source_name == "Ola Brekke"


def test_role_in_apposition_resolves_to_the_person(backend: RulesBackend) -> None:
    text = "“Every bed is full,” said the clinic's director, Agnes Moyo."
    c = attributed(backend, text)[0]
    assert c.source_name == "Agnes Moyo"
    assert c.source_type == "person"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Two officials said the talks had stalled.", "anonymous"),
        ("A person familiar with the matter said the deal was close.", "anonymous"),
        ("The Pentagon said the drill was routine.", "government"),
        ("The city police said the road would reopen.", "government"),
        ("Reuters reported that the plant had closed.", "media"),
        ("A report published on Monday found that rents had doubled.", "document"),
        ("The opposition party said the budget was unfair.", "organization"),
        ("Nina Sorensen said the project was late.", "person"),
    ],
)
def test_source_types(backend: RulesBackend, sentence: str, kind: str) -> None:
    claims = attributed(backend, sentence)
    assert len(claims) == 1
    assert claims[0].source_type == kind
