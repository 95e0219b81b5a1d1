"""One test per attribution rule of the rules backend, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimcheck.backends.rules import RulesBackend
from claimcheck.schema import Claim
from claimcheck.text.boilerplate import dateline_end


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


def claims_of(backend: RulesBackend, text: str) -> list[Claim]:
    return backend.extract(text, doc_id="t").claims


def only_attributed(backend: RulesBackend, text: str) -> Claim:
    attributed = [c for c in claims_of(backend, text) if c.attributed]
    assert len(attributed) == 1, attributed
    return attributed[0]


def test_reporting_verb_before_clause(backend: RulesBackend) -> None:
    c = only_attributed(backend, "The mayor of Dunhill said the new bridge would open to traffic in early March.")
    assert c.claim == "the new bridge would open to traffic in early March"
    assert (c.source, c.cue) == ("The mayor of Dunhill", "said")


def test_reporting_verb_after_quote(backend: RulesBackend) -> None:
    text = "“We have never seen water levels this high in the valley,” Ms Ferrant said."
    c = only_attributed(backend, text)
    assert c.claim == "We have never seen water levels this high in the valley"
    assert (c.source, c.cue, c.quote) == ("Ms Ferrant", "said", "direct")
    assert text[c.start : c.end] == c.claim
    assert text[c.source_start : c.source_end] == "Ms Ferrant"
    assert text[c.cue_start : c.cue_end] == "said"


def test_inverted_verb_after_quote(backend: RulesBackend) -> None:
    c = only_attributed(backend, "“The harvest came in three weeks late,” said farmer Oskar Lindqvist.")
    assert c.claim == "The harvest came in three weeks late"
    assert c.source_name == "Oskar Lindqvist"


def test_according_to_sentence_final(backend: RulesBackend) -> None:
    c = only_attributed(
        backend, "The ferry service carried 12,000 passengers last month, according to the port authority."
    )
    assert c.claim == "The ferry service carried 12,000 passengers last month"
    assert (c.cue, c.source, c.source_name) == ("according to", "the port authority", "port authority")


def test_according_to_sentence_initial(backend: RulesBackend) -> None:
    c = only_attributed(backend, "According to the regional water board, the reservoir is only a third full.")
    assert c.claim == "the reservoir is only a third full"
    assert c.source_name == "regional water board"


def test_said_in_a_statement_is_the_cue(backend: RulesBackend) -> None:
    c = only_attributed(
        backend, "The museum will close for renovation in June, Director Hana Volkova said in a statement."
    )
    assert c.cue == "said in a statement"
    assert c.claim == "The museum will close for renovation in June"
    assert c.source_name == "Hana Volkova"


def test_told_reporters_is_the_cue(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Coach Ilse Marten told reporters that the team had trained twice a day all week.")
    assert c.cue == "told reporters"
    assert c.claim == "the team had trained twice a day all week"


def test_two_cues_keep_the_first(backend: RulesBackend) -> None:
    text = "Mr Pellew insisted that the mine was safe to reopen, he said in an interview."
    c = only_attributed(backend, text)
    assert c.cue == "insisted"
    assert c.claim == "the mine was safe to reopen"
    assert not [x for x in claims_of(backend, text) if not x.attributed]


def test_multi_sentence_quote_before_frame(backend: RulesBackend) -> None:
    text = "“The roof leaked for a decade. Nobody listened to us,” the caretaker said."
    claims = claims_of(backend, text)
    assert [c.claim for c in claims] == ["The roof leaked for a decade", "Nobody listened to us"]
    assert {c.source for c in claims} == {"the caretaker"}
    assert [c.cue for c in claims] == [None, "said"]


def test_carry_over_quote_paragraph(backend: RulesBackend) -> None:
    text = (
        "“Our orchard lost half its trees in the frost,” Mr Dabrowski said.\n\n"
        "“It will take ten years before we are back where we were.”"
    )
    claims = claims_of(backend, text)
    assert len(claims) == 2
    carry = claims[1]
    assert carry.claim == "It will take ten years before we are back where we were"
    assert (carry.source, carry.cue, carry.quote) == ("Mr Dabrowski", None, "direct")
    assert carry.source_start == claims[0].source_start


def test_multi_paragraph_quote(backend: RulesBackend) -> None:
    text = (
        "The committee chair, Rosa Imbert, said: “We looked at every option.\n\n"
        "“In the end there was only one that the town could afford.”\n\n"
        "The vote is due on Thursday."
    )
    claims = claims_of(backend, text)
    attributed = [c for c in claims if c.attributed]
    assert [c.source_name for c in attributed] == ["Rosa Imbert", "Rosa Imbert"]
    assert attributed[1].claim == "In the end there was only one that the town could afford"
    assert [c.claim for c in claims if not c.attributed] == ["The vote is due on Thursday"]


def test_agentless_frame_is_not_a_source(backend: RulesBackend) -> None:
    claims = claims_of(backend, "The warehouse, said to be owned by a shipping firm, burned for two days.")
    assert len(claims) == 1
    assert claims[0].source is None
    assert [h.cue for h in claims[0].hedges] == ["said to be"]


def test_unattributed_remainder_of_an_attributed_sentence(backend: RulesBackend) -> None:
    text = (
        "The storm flooded the old harbour district, where 300 homes have lost power, "
        "according to the electricity company."
    )
    claims = claims_of(backend, text)
    assert [(c.claim, c.source) for c in claims] == [
        ("The storm flooded the old harbour district", None),
        ("300 homes have lost power", "the electricity company"),
    ]


def test_boilerplate_headline_and_questions_skipped(backend: RulesBackend) -> None:
    text = (
        "Sign up to our free morning newsletter Please enter a valid email address\n\n"
        "By Petra Nilsson\n\n"
        "The council approved the new cycle lanes on Tuesday.\n\n"
        "Will drivers accept them?\n\n"
        "This is a developing story"
    )
    assert [c.claim for c in claims_of(backend, text)] == ["The council approved the new cycle lanes on Tuesday"]


@pytest.mark.parametrize(
    "prompt",
    [
        "Sign up for our weekly newsletter.",
        "For more, sign up for the Morning Ledger newsletter.",
        "By signing up, you agree to our terms of service and privacy policy.",
        "Thanks for subscribing!",
        'Sign up by entering your email address and clicking the "join" button.',
    ],
)
def test_a_sign_up_prompt_to_the_reader_is_boilerplate(backend: RulesBackend, prompt: str) -> None:
    text = f"The council approved the new cycle lanes on Tuesday.\n{prompt}\nWork starts in May."
    claims = [c.claim for c in claims_of(backend, text)]
    assert claims == ["The council approved the new cycle lanes on Tuesday", "Work starts in May"]


def test_news_about_sign_ups_and_site_terms_is_not_boilerplate(backend: RulesBackend) -> None:
    text = (
        "More than 8 million people signed up for coverage this year, the agency said.\n"
        "The posts broke the platform's terms of service, the company said.\n"
        "The leaked file listed a private e-mail address for the governor.\n"
        '"If you sign up now, you pay less," the minister said.'
    )
    attributed = [(c.claim, c.source) for c in claims_of(backend, text)]
    assert attributed == [
        ("More than 8 million people signed up for coverage this year", "the agency"),
        ("The posts broke the platform's terms of service", "the company"),
        ("The leaked file listed a private e-mail address for the governor", None),
        ("If you sign up now, you pay less", "the minister"),
    ]


def test_dateline_is_not_part_of_the_claim(backend: RulesBackend) -> None:
    claims = claims_of(backend, "OSLO (Reuters) - Norway's wealth fund lost value in the third quarter.")
    assert [c.claim for c in claims] == ["Norway's wealth fund lost value in the third quarter"]


def test_non_reporting_use_of_a_reporting_verb(backend: RulesBackend) -> None:
    claims = claims_of(backend, "The rebels claimed control of the airport on Sunday.")
    assert [(c.claim, c.source) for c in claims] == [("The rebels claimed control of the airport on Sunday", None)]


def test_nested_attribution_keeps_the_outer_speaker(backend: RulesBackend) -> None:
    text = "A council spokeswoman said an earlier survey found that the pier's timbers had rotted through."
    c = only_attributed(backend, text)
    assert (c.source, c.cue) == ("A council spokeswoman", "said")
    assert c.claim == "an earlier survey found that the pier's timbers had rotted through"


def test_nested_attribution_with_the_frame_after(backend: RulesBackend) -> None:
    text = "The lab's tests showed that the well water was safe to drink, the district engineer said."
    c = only_attributed(backend, text)
    assert c.source == "the district engineer"
    assert c.claim == "The lab's tests showed that the well water was safe to drink"


def test_side_by_side_relations_are_not_nested(backend: RulesBackend) -> None:
    text = "According to the coastguard, two boats sank, while local radio reported that a third was missing."
    claims = [c for c in claims_of(backend, text) if c.attributed]
    assert [(c.claim, c.source) for c in claims] == [
        ("two boats sank", "the coastguard"),
        ("a third was missing", "local radio"),
    ]


def test_negated_reporting_verb_attributes_nothing(backend: RulesBackend) -> None:
    claims = claims_of(backend, "The airline did not say how many flights had been cancelled.")
    assert [(c.claim, c.source) for c in claims] == [
        ("The airline did not say how many flights had been cancelled", None)
    ]


def test_clause_on_the_statement_noun_is_content(backend: RulesBackend) -> None:
    text = "Harbourline, which runs the ferries, said in a statement that four crossings had been cancelled."
    c = only_attributed(backend, text)
    assert c.cue == "said in a statement"
    assert c.claim == "four crossings had been cancelled"
    assert c.source == "Harbourline"


def test_frame_ending_in_a_colon_takes_the_next_sentence(backend: RulesBackend) -> None:
    text = (
        "Hillside School closed on Monday after its heating failed.\n\n"
        "The head teacher, Lorna Pike, told the Gazette:\n\n“The boiler broke on the first cold day of term.”"
    )
    c = only_attributed(backend, text)
    assert c.claim == "The boiler broke on the first cold day of term"
    assert (c.source_name, c.cue, c.quote) == ("Lorna Pike", "told", "direct")


def test_frame_inside_a_clause_keeps_both_sides(backend: RulesBackend) -> None:
    # A claim is one verbatim stretch: the subject before the frame belongs to it, and so does the frame.
    c = only_attributed(backend, "The repairs, the engineer said, would take at least another three weeks.")
    assert c.claim == "The repairs, the engineer said, would take at least another three weeks"
    assert c.source == "the engineer"


@pytest.mark.parametrize(
    "text",
    [
        "The tenants insisted on paying for the new boiler themselves.",
        "She told of a long night spent in the flooded sports hall.",
        "The union warned against closing the depot before the winter.",
        "The gale added to the damage caused last winter.",
    ],
)
def test_reporting_verb_with_a_prepositional_object_attributes_nothing(backend: RulesBackend, text: str) -> None:
    claims = claims_of(backend, text)
    assert [(c.claim, c.source, c.cue) for c in claims] == [(text.rstrip("."), None, None)]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The harbourmaster insisted that the old pier was safe to use.", "the old pier was safe to use"),
        ("“The old pier is safe to use,” the harbourmaster insisted.", "The old pier is safe to use"),
    ],
)
def test_insisted_with_a_clause_or_quote_still_attributes(backend: RulesBackend, text: str, claim: str) -> None:
    c = only_attributed(backend, text)
    assert c.source is not None
    assert (c.claim, c.source.lower(), c.cue) == (claim, "the harbourmaster", "insisted")


def test_markup_is_never_a_source(backend: RulesBackend) -> None:
    claims = claims_of(backend, "<script>alert(1)</script> said the parish website was defaced.")
    assert all(c.source is None for c in claims), claims
    c = only_attributed(backend, "Vandals posted <script>alert(1)</script> on its website, the parish council said.")
    assert c.source == "the parish council"


def test_markup_glued_to_a_name_is_cut_from_the_source(backend: RulesBackend) -> None:
    text = 'The page loaded.">Okafor said that the footbridge had been closed since June.'
    c = only_attributed(backend, text)
    assert (c.source, c.source_name) == ("Okafor", "Okafor")
    assert text[c.source_start : c.source_end] == "Okafor"


def test_opinion_in_the_writers_voice_is_not_a_claim(backend: RulesBackend) -> None:
    text = (
        "By Mara Quillon\n\n"
        "Mara Quillon is a former harbour pilot.\n\n"
        "The ferry company cut three island routes last year. Consider what that means for the islands. "
        "The minister should reverse the cuts. I remember when the boats ran every hour. "
        "Do not let the service die.\n\n"
        "The islands have 12 berths, and the queue stood at 40 boats when I last counted."
    )
    assert [c.claim for c in claims_of(backend, text)] == [
        "The ferry company cut three island routes last year",
        "The islands have 12 berths, and the queue stood at 40 boats when I last counted",
    ]


def test_a_columnist_bio_is_not_a_claim(backend: RulesBackend) -> None:
    text = "The bridge reopened to traffic on Monday.\n\nTomas Ardell is a columnist for the Harbour Gazette."
    assert [c.claim for c in claims_of(backend, text)] == ["The bridge reopened to traffic on Monday"]


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("LAKEVILLE — The levy passed.", "The levy passed."),
        ("LAKEVILLE, Ohio (AP) — The levy passed.", "The levy passed."),
        ("LAKEVILLE, May 3 (UPI) — The levy passed.", "The levy passed."),
        ("Lakeville (AFP) – The levy passed.", "The levy passed."),
        ("The Senate (the upper house) – voted.", "The Senate (the upper house) – voted."),
        ("Tom Reyes (R-Ohio) — voted.", "Tom Reyes (R-Ohio) — voted."),
    ],
)
def test_dateline_end(sentence: str, rest: str) -> None:
    """A place in capitals, or any place before a wire agency, with an optional date, then a dash."""
    assert sentence[dateline_end(sentence) :] == rest
