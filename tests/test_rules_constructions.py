"""Constructions real news uses that the rules read (issue 9, item 5), each on a sentence written for the test."""

from __future__ import annotations

import pytest

from claimcheck.backends.rules import RulesBackend
from claimcheck.schema import Claim


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


def claims_of(backend: RulesBackend, text: str) -> list[Claim]:
    return backend.extract(text, doc_id="t").claims


def attributed(backend: RulesBackend, text: str) -> list[Claim]:
    return [c for c in claims_of(backend, text) if c.attributed]


def only_attributed(backend: RulesBackend, text: str) -> Claim:
    found = attributed(backend, text)
    assert len(found) == 1, found
    return found[0]


# -- documents and polls that show, find, indicate ------------------------------------------------


def test_document_source_after_content(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Turnout in the valley rose 4 percent, county records show.")
    assert c.claim == "Turnout in the valley rose 4 percent"
    assert (c.source, c.source_type, c.cue) == ("county records", "document", "show")


def test_document_source_in_as_clause(backend: RulesBackend) -> None:
    c = only_attributed(backend, "As the filings show, the mill lost money in each of the last three years.")
    assert c.claim == "the mill lost money in each of the last three years"
    assert (c.source, c.source_type) == ("the filings", "document")


def test_survey_finds_that(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Audit files from the clinic show that four staff accounts opened the records.")
    assert c.claim == "four staff accounts opened the records"
    assert c.source_type == "document"


# -- beliefs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("frame", ["think", "believe", "are confident"])
def test_beliefs_are_attributions(backend: RulesBackend, frame: str) -> None:
    c = only_attributed(backend, f"Harbour officials {frame} that the new pier will open by June.")
    assert c.claim == "the new pier will open by June"
    assert c.source == "Harbour officials"


# -- frames the parser breaks ---------------------------------------------------------------------


def test_infinitive_under_another_verb(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Ms Okafor tried to argue that the permit had expired before the hearing.")
    assert c.claim == "the permit had expired before the hearing"
    assert c.source == "Ms Okafor"
    rest = claims_of(backend, "Ms Okafor tried to argue that the permit had expired.")
    assert [x.attributed for x in rest] == [True]


def test_statement_saying(backend: RulesBackend) -> None:
    c = only_attributed(backend, "The ferry operator issued a statement saying the crossings would resume on Friday.")
    assert c.claim == "the crossings would resume on Friday"
    assert c.source == "The ferry operator"


def test_relative_clause_on_apposition(backend: RulesBackend) -> None:
    text = "The warning came from Ines Moreau, a nurse, who said the ward had run out of beds."
    c = only_attributed(backend, text)
    assert c.claim == "the ward had run out of beds"
    assert c.source_name == "Ines Moreau"


def test_subject_split_by_dashes(backend: RulesBackend) -> None:
    c = only_attributed(backend, "The suit — filed Monday — claims the council broke its own zoning rules.")
    assert c.claim == "the council broke its own zoning rules"
    assert (c.source, c.source_type) == ("The suit", "document")


def test_emailed_after_quote(backend: RulesBackend) -> None:
    c = only_attributed(backend, "“The clinic will stay open through the winter,” she emailed.")
    assert (c.claim, c.cue, c.quote) == ("The clinic will stay open through the winter", "emailed", "direct")


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("His claim that the levee had been inspected was false.", "His", "the levee had been inspected"),
        (
            "Rivera's answer was that the county had no money for the road.",
            "Rivera",
            "the county had no money for the road",
        ),
        (
            "The minister rejected complaints from the union that the mines were unsafe.",
            "the union",
            "the mines were unsafe",
        ),
    ],
)
def test_claim_nouns_with_that_clause(backend: RulesBackend, text: str, source: str, claim: str) -> None:
    c = only_attributed(backend, text)
    assert (c.source, c.claim) == (source, claim)


# -- verbless and colon frames --------------------------------------------------------------------


def test_name_and_outlet_label(backend: RulesBackend) -> None:
    text = "The pool reopened in May.\n\nJo Park, Daily Ledger: “The pool has never been this full.”"
    c = only_attributed(backend, text)
    assert (c.source, c.cue, c.claim) == ("Jo Park", None, "The pool has never been this full")


def test_transcript_speaker_label(backend: RulesBackend) -> None:
    text = "Jo Park runs the pool.\n\nMS. PARK: We have never had this many swimmers in one week."
    c = only_attributed(backend, text)
    assert c.claim == "We have never had this many swimmers in one week"
    assert (c.source, c.source_name, c.cue) == ("MS. PARK", "Jo Park", None)


def test_metadata_header_is_no_speaker(backend: RulesBackend) -> None:
    assert not attributed(backend, "The pool reopened in May.\n\nHeadline: Pool Reopens After Long Repairs")


def test_as_clause_with_colon(backend: RulesBackend) -> None:
    c = only_attributed(backend, "As Park admits: the repairs ran two months over schedule.")
    assert (c.source, c.cue, c.claim) == ("Park", "admits", "the repairs ran two months over schedule")


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_released_this_statement(backend: RulesBackend, gap: str) -> None:
    text = f"The pool closed on Monday.\n\nPark released this statement:{gap}“We will reopen once the pumps are fixed.”"
    c = only_attributed(backend, text)
    assert (c.source, c.claim, c.quote) == ("Park", "We will reopen once the pumps are fixed", "direct")


# -- the frame outside the quotation wins ---------------------------------------------------------


def test_frame_outside_quote_wins(backend: RulesBackend) -> None:
    c = only_attributed(backend, "“He thinks the bypass will fail,” she said.")
    assert (c.source, c.cue, c.claim) == ("she", "said", "He thinks the bypass will fail")


def test_frame_inside_quote_is_speakers(backend: RulesBackend) -> None:
    text = "Mayor Lina Ortiz spoke on Monday. “I think the bypass will fail,” Ortiz said."
    c = only_attributed(backend, text)
    assert (c.source_name, c.cue, c.claim) == ("Lina Ortiz", "said", "I think the bypass will fail")


# -- pronouns, roles, acronyms, lists -------------------------------------------------------------


def test_pronoun_takes_nearest_antecedent(backend: RulesBackend) -> None:
    text = "Tom Berg said the shelter had room. Rosa Diaz runs the shelter. “We're full,” she said."
    quote = next(c for c in claims_of(backend, text) if c.claim == "We're full")
    assert quote.source_name == "Rosa Diaz"


def test_pronoun_after_surname_subject(backend: RulesBackend) -> None:
    text = (
        "Mayor Tom Berg and Pastor Alan Whitlock met on Sunday. "
        "Whitlock, who leads a church in the valley, criticised the plan on Monday. "
        "He then said the plan would close the food bank."
    )
    c = next(c for c in claims_of(backend, text) if c.claim == "the plan would close the food bank")
    assert c.source_name == "Alan Whitlock"


def test_role_noun_links_to_name(backend: RulesBackend) -> None:
    text = "City Attorney Mara Quist filed the case in May. The city attorney said the ruling was unfair."
    assert only_attributed(backend, text).source_name == "Mara Quist"


def test_acronym_links_to_full_name(backend: RulesBackend) -> None:
    text = "The Indian Olympic Association met on Friday. The IOA said the ruling was unfair to its athletes."
    c = only_attributed(backend, text)
    assert (c.source, c.source_name) == ("The IOA", "Indian Olympic Association")


def test_coordinated_sources_stay_whole(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Sens. Ann Lee, Bob Cruz and Cal Ortiz said the bill would pass next week.")
    assert c.source == "Ann Lee, Bob Cruz and Cal Ortiz"
    assert c.source_name == "Ann Lee, Bob Cruz and Cal Ortiz"


def test_coordinated_sources_resolve_each_name(backend: RulesBackend) -> None:
    text = "Premier Wen Baolin opened the meeting. Mr. Wen and other leaders said output must fall this year."
    assert only_attributed(backend, text).source_name == "Wen Baolin and other leaders"


# -- non-speech senses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The storm may show up on radar by Monday evening.",
        "The new budget added $30 million for the county's schools.",
        "The shipping firm agreed to pay the fine in full.",
        "Ms Lee questioned how the county would pay for the road.",
        "The senator vowed to stay in the race until the convention.",
    ],
)
def test_non_speech_senses_are_no_frames(backend: RulesBackend, text: str) -> None:
    assert not attributed(backend, text)


# -- frames real articles use beyond those above -------------------------------------------------


def test_frame_inside_a_reported_clause_is_nested(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Police have said he told a guard that he was sorry for the fire.")
    assert (c.source, c.claim) == ("Police", "he told a guard that he was sorry for the fire")


def test_same_speaker_frame_in_a_because_clause_is_nested(backend: RulesBackend) -> None:
    c = only_attributed(backend, "She has said that she left early because she thought the hall would close.")
    assert (c.source, c.cue) == ("She", "said")
    assert c.claim == "she left early because she thought the hall would close"


def test_contrasted_reports_stay_side_by_side(backend: RulesBackend) -> None:
    text = "Most farmers said they back the new levy, while 20 percent said they oppose it."
    found = attributed(backend, text)
    assert [(c.source, c.claim) for c in found] == [
        ("Most farmers", "they back the new levy"),
        ("20 percent", "they oppose it"),
    ]


def test_archive_double_apostrophe_quotes(backend: RulesBackend) -> None:
    text = "''We will not close the plant,'' Mr. Reyes said. ''It is too important to the town.''"
    found = claims_of(backend, text)
    assert [(c.claim, c.source, c.quote) for c in found] == [
        ("We will not close the plant", "Mr. Reyes", "direct"),
        ("It is too important to the town", "Mr. Reyes", "direct"),
    ]


def test_closing_mark_typed_as_opening_quote(backend: RulesBackend) -> None:
    text = "The ward filled up on Sunday.\n\n\u202a”We have no beds left tonight,” said Ana Cruz."
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.quote) == ("We have no beds left tonight", "Ana Cruz", "direct")


@pytest.mark.parametrize(
    ("text", "claim", "cue"),
    [
        ("The mayor called the new budget a betrayal of voters.", "the new budget a betrayal of voters", "called"),
        ("She has called the levy “reckless” and “unfair.”", "the levy “reckless” and “unfair", "called"),
        (
            "Mr. Ode then interjected, calling the senator's plan “a gift to landlords.”",
            "the senator's plan “a gift to landlords",
            "calling",
        ),
        ("Critics describe the plan as a giveaway to developers.", "the plan as a giveaway to developers", "describe"),
        # "make clear / make the case": a light verb made a statement verb
        (
            "School officials made clear Tuesday they intend to keep the gym open.",
            "they intend to keep the gym open",
            "made clear",
        ),
        (
            "The coach made it clear that he wants a younger squad next season.",
            "he wants a younger squad next season",
            "made it clear",
        ),
        ("The mayor will make the case to voters that the levy is needed.", "the levy is needed", "make the case"),
    ],
)
def test_naming_frames(backend: RulesBackend, text: str, claim: str, cue: str) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.cue) == (claim, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The council called for an inquiry into the spending.",
        "Officials called the meeting for Tuesday.",
        "The firefighters were called heroes by the crowd.",
    ],
)
def test_calls_that_name_nothing(backend: RulesBackend, text: str) -> None:
    assert not attributed(backend, text)


def test_frame_after_a_long_quote_with_its_own_frames(backend: RulesBackend) -> None:
    text = "“The people who stood up and said, ‘I still back him,’ are with him on every policy,” Ms Ode told the show."
    c = only_attributed(backend, text)
    assert (c.source, c.cue) == ("Ms Ode", "told")


def test_subject_after_a_list_of_interviewers(backend: RulesBackend) -> None:
    text = "In an interview with the hosts Ann Lee and Bo Park, the former mayor stated that the remarks were unfair."
    c = only_attributed(backend, text)
    assert (c.source, c.cue, c.claim) == ("the former mayor", "stated", "the remarks were unfair")


def test_document_subject_with_a_name_after_it(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Audit files from Kestrel Data show that six outside users copied the ledger.")
    assert (c.source, c.claim) == ("Audit files from Kestrel Data", "six outside users copied the ledger")


def test_headings_in_capitals_and_quoted_related_lines_are_no_claims(backend: RulesBackend) -> None:
    text = (
        "The council met on Monday.\n\nDEFUNDING DEBATE.\n\n2. STORM RATTLES THE COAST AGAIN\n\n"
        '"Related:"\n\nThe mayor said the library would close in May.'
    )
    assert [c.claim for c in claims_of(backend, text)] == [
        "The council met on Monday",
        "the library would close in May",
    ]


def test_title_case_subheads_and_related_links_are_no_claims(backend: RulesBackend) -> None:
    text = (
        "The council met on Monday.\n"
        "Harbour Board Votes To Sell The Old Ferry Terminal.\n"
        "Why The Library Closed Its Doors For Good\n"
        "The mayor said the library would close in May.\n"
        "The Bank Of Dunhill lost money in May.\n"
        "Dana Ruiz: The Harbour Levy Is A Tax On Fishermen"
    )
    assert [(c.claim, c.source) for c in claims_of(backend, text)] == [
        ("The council met on Monday", None),
        ("the library would close in May", "The mayor"),
        ("The Bank Of Dunhill lost money in May", None),
        ("The Harbour Levy Is A Tax On Fishermen", "Dana Ruiz"),
    ]


@pytest.mark.parametrize(
    ("text", "claim", "cue"),
    [
        (
            "The librarian approved the longer hours, although he made it clear that the late shift worries him.",
            "the late shift worries him",
            "made it clear",
        ),
        (
            "He did express concern that donors would divert their money to other races.",
            "donors would divert their money to other races",
            "express concern",
        ),
        ("The lawyer made the case that the lease had lapsed.", "the lease had lapsed", "made the case"),
    ],
)
def test_stance_frames_with_light_verbs(backend: RulesBackend, text: str, claim: str, cue: str) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.cue) == (claim, cue)


# -- frames found missing on PolNeAR train (sentences written for the test) ---------------------------


def test_poll_share_is_a_speaker(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Six in 10 say the ferry should run at night.")
    assert (c.claim, c.source) == ("the ferry should run at night", "Six in 10")


def test_a_bare_number_is_no_speaker(backend: RulesBackend) -> None:
    assert attributed(backend, "In 2019, 40 said yes.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Late that night the clerks reopened the hall, counted the ballots again and said the tally would stand.",
        "The clerk shrugged, pointing to the ledger and saying that the tally would stand.",
    ],
)
def test_coordinated_verbs_share_the_speaker(backend: RulesBackend, text: str) -> None:
    c = only_attributed(backend, text)
    assert c.claim == "the tally would stand"
    assert c.source in ("the clerks", "The clerk")


def test_coordinated_verb_in_a_complement_is_nested(backend: RulesBackend) -> None:
    c = only_attributed(backend, "An aide said the governor misspoke and meant to say that the fund was closed.")
    assert c.source == "An aide"
    assert c.claim == "the governor misspoke and meant to say that the fund was closed"


def test_coordinated_clause_with_its_own_subject_is_its_own_relation(backend: RulesBackend) -> None:
    found = attributed(backend, "The mayor said the pier is safe and the council warned that costs will rise.")
    assert [(c.source, c.claim) for c in found] == [
        ("The mayor", "the pier is safe"),
        ("the council", "costs will rise"),
    ]


def test_quote_ending_in_a_pronoun_object_keeps_it(backend: RulesBackend) -> None:
    c = only_attributed(
        backend, "“Anyone who rides the night bus should be angry about that,” said Dr. Tomas Brek, a surgeon."
    )
    assert c.claim == "Anyone who rides the night bus should be angry about that"
    assert c.source == "Dr. Tomas Brek"


@pytest.mark.parametrize(
    "text",
    [
        "The judge rejected the claim that the contract had lapsed in May.",
        "She did not express concern that the fund would run dry.",
    ],
)
def test_no_stance_of_the_subject(backend: RulesBackend, text: str) -> None:
    assert not attributed(backend, text)


def test_according_to_between_subject_and_verb(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Other big gaps, according to the survey, include age, income and home ownership.")
    assert (c.source, c.claim) == (
        "the survey",
        "Other big gaps, according to the survey, include age, income and home ownership",
    )


# -- content boundaries (issue 9): a frame inside its content, a clause after it ------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The closures, the inspector said, have hit the smaller clubs hardest.", "the inspector"),
        ("If the levee holds, engineers say, the lower town will stay dry.", "engineers"),
        (
            "The repairs are hard to price, the surveyors say, because no one has opened the vault since 1900.",
            "the surveyors",
        ),
        ("It was, she said, the worst harvest in a decade.", "she"),
        ("While fares are low, he said, the buses run half empty.", "he"),
    ],
)
def test_a_frame_set_inside_its_content_keeps_both_sides(backend: RulesBackend, text: str, source: str) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (text.rstrip("."), source)


@pytest.mark.parametrize(
    ("text", "claim", "rest"),
    [
        # A phrase the writer sets beside the first side, or the writer's "as" after the frame.
        (
            "Ferry fares rose by a third, a council report finds, a rise few riders expected.",
            "Ferry fares rose by a third",
            "a rise few riders expected",
        ),
        ("The road is shut, she said, as crews work on the bridge.", "The road is shut", "crews work on the bridge"),
    ],
)
def test_the_writer_goes_on_after_an_interposed_frame(backend: RulesBackend, text: str, claim: str, rest: str) -> None:
    found = claims_of(backend, text)
    assert [(c.claim, c.attributed) for c in found] == [(claim, True), (rest, False)]


def test_a_clause_coordinated_with_the_frame_is_the_writers(backend: RulesBackend) -> None:
    found = claims_of(backend, "The harbour master said the pier was safe, and the council closed it on Monday.")
    assert [(c.claim, c.source) for c in found] == [
        ("the pier was safe", "The harbour master"),
        ("the council closed it on Monday", None),
    ]
    # In the speaker's tense (present under a past cue) the second clause is still what was concluded.
    c = only_attributed(backend, "The engineer concluded that the dam is sound, but the spillway needs work.")
    assert c.claim == "the dam is sound, but the spillway needs work"


def test_a_contrast_clause_is_no_content_of_a_light_verb(backend: RulesBackend) -> None:
    text = (
        "Some parents said the principal had made a strong case for the longer day, "
        "while other parents said the buses were too full."
    )
    assert [(c.claim, c.source) for c in attributed(backend, text)] == [
        ("the principal had made a strong case for the longer day", "Some parents"),
        ("the buses were too full", "other parents"),
    ]


def test_a_frame_in_a_relative_clause_reports_up_to_its_end(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Farmers who think the dam is unsafe have sued the county.")
    assert (c.claim, c.source, c.source_name) == ("the dam is unsafe", "who", "Farmers")


def test_a_relative_pronoun_before_the_frame_is_no_question(backend: RulesBackend) -> None:
    c = only_attributed(
        backend, "The plan, which the council says would cost 5 million dollars, was approved on Monday."
    )
    assert (c.claim, c.source) == ("would cost 5 million dollars", "the council")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the road would reopen in May, citing a report from the engineers.",
        "The mayor said the road would reopen in May, pointing to a report from the engineers.",
    ],
)
def test_the_speakers_own_participle_ends_the_content(backend: RulesBackend, text: str) -> None:
    assert only_attributed(backend, text).claim == "the road would reopen in May"


def test_a_contrast_in_the_frames_tense_is_the_writers(backend: RulesBackend) -> None:
    text = "Lund has said that the council is attacking her record, while her supporters have accused the mayor."
    assert attributed(backend, text)[0].claim == "the council is attacking her record"
    # A consequence in the content's own words stays.
    c = only_attributed(backend, "The mayor said the road would reopen in May, forcing drivers to take the ferry.")
    assert c.claim == "the road would reopen in May, forcing drivers to take the ferry"


def test_according_to_after_a_relative_clause_without_its_own_subject(backend: RulesBackend) -> None:
    text = "After two rounds, Ferro had 58 points, ahead of Dunne, who had 49, according to a count by three judges."
    c = only_attributed(backend, text)
    assert c.claim == "After two rounds, Ferro had 58 points, ahead of Dunne, who had 49"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("That plan failed badly, she said.", "That plan failed badly"),
        ("As of Monday, the road was closed, she said.", "As of Monday, the road was closed"),
        ("So far, twelve people have been rescued, the police said.", "So far, twelve people have been rescued"),
    ],
)
def test_a_clause_word_opening_a_phrase_stays(backend: RulesBackend, text: str, claim: str) -> None:
    assert only_attributed(backend, text).claim == claim


def test_the_writers_clause_after_a_closed_quote_ends_the_content(backend: RulesBackend) -> None:
    text = (
        'Later, Okafor said: "I have admitted often that leaving the hearing early was wrong," but in fact he stayed.'
    )
    c = only_attributed(backend, text)
    assert (c.claim, c.quote) == ("I have admitted often that leaving the hearing early was wrong", "direct")


def test_the_speakers_next_participle_ends_the_content(backend: RulesBackend) -> None:
    text = "Lund hit back on Sunday, telling reporters that the mayor had lied and calling the vote a sham."
    assert only_attributed(backend, text).claim == "the mayor had lied"
    # Not a participle of what was said.
    c = only_attributed(backend, "She left early, saying the crews were tired and needing rest.")
    assert c.claim == "the crews were tired and needing rest"


def test_a_spaced_ellipsis_does_not_end_the_quote(backend: RulesBackend) -> None:
    c = only_attributed(backend, '"We will fix the road . . . and we will do it this year," the mayor said.')
    assert (c.claim, c.source, c.cue) == ("We will fix the road . . . and we will do it this year", "the mayor", "said")


def test_a_participles_content_follows_it(backend: RulesBackend) -> None:
    c = only_attributed(backend, "The mayor was blunt, claiming without evidence that the depot had flooded twice.")
    assert (c.claim, c.source, c.cue) == ("the depot had flooded twice", "The mayor", "claiming")


@pytest.mark.parametrize(
    "text",
    [
        "The bakery reported revenue of $640,000 in the spring, just short of the $700,000 that its owners expected.",
        "The chain reported sales of $4 billion, far more than the figure that analysts had forecast.",
        "Mr. Ortiz stressed these fears on Friday at a fair in Leeds, and he voiced them again at the meeting.",
    ],
)
def test_reporting_verbs_with_a_noun_object_report_no_clause(backend: RulesBackend, text: str) -> None:
    assert not attributed(backend, text)


@pytest.mark.parametrize(
    "text",
    ["The firm made a profit that surprised the board.", "The warden did not make clear whether she would stay."],
)
def test_make_without_a_statement_is_no_frame(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


def test_worry_and_hope_are_beliefs(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Growers are worried that the frost will ruin the crop.")
    assert (c.source, c.claim) == ("Growers", "the frost will ruin the crop")
    c = only_attributed(backend, "The coach was hoping that the rain would stop.")  # "hoping" is not "hop"
    assert (c.source, c.cue, c.claim) == ("The coach", "hoping", "the rain would stop")


def test_so_worried_that_is_a_result_clause(backend: RulesBackend) -> None:
    assert attributed(backend, "The growers are so worried that the frost will hit that they picked early.") == []


def test_knowing_verbs_are_the_writers_own(backend: RulesBackend) -> None:
    assert attributed(backend, "The crew left after they learned that the storm had turned north.") == []


@pytest.mark.parametrize(
    "text",
    [
        "MS. PARK: We are ready.\nMR. LEE: So are we.",
        "Intro line.\r\n\t  JO PARK, Daily Ledger: \u201cWe are ready.\u201d\r\nNext.",
        "A\u00a0line.\n\u00a0\u00a0PARK: Ready.\n\nLEE:  Set.",
    ],
)
def test_line_starts_are_read_off_the_tokens_as_off_the_text(text: str) -> None:
    """Where a line starts, read from the tokens, agrees with the characters of the text itself."""
    from claimcheck.backends.rules.attribution import _line_start
    from claimcheck.backends.rules.model import load_pipeline

    doc = load_pipeline()(text)
    for tok in doc:
        k = tok.idx - 1
        while k >= 0 and text[k] in " \t\u00a0":
            k -= 1
        assert _line_start(doc, tok.i) == (k < 0 or text[k] in "\n\r"), tok.text


@pytest.mark.parametrize(
    ("text", "cue", "claim"),
    [
        ("The warden made it plain that the wing would close.", "made it plain", "the wing would close"),
        ("The mayor made the claim that the levy had lapsed.", "made the claim", "the levy had lapsed"),
    ],
)
def test_make_with_any_stating_word_is_one_frame(backend: RulesBackend, text: str, cue: str, claim: str) -> None:
    rels = attributed(backend, text)
    assert [(c.cue, c.claim) for c in rels] == [(cue, claim)]


# -- shares of a group as speakers (poll answers) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Nearly two-thirds of the delegates said that the ferry levy was too high.",
            "Nearly two-thirds of the delegates",
        ),
        ("About 4 in 10 say the ferry levy is too high.", "About 4 in 10"),
        ("One in five residents said the ferry levy was too high.", "One in five residents"),
        ("Among renters, 42% say the ferry levy is too high.", "42%"),
        ("Most said the ferry levy was too high.", "Most"),
        ("Many said on Monday that the ferry levy was too high.", "Many"),
    ],
)
def test_share_of_a_group_speaks(backend: RulesBackend, text: str, source: str) -> None:
    c = only_attributed(backend, text)
    assert c.source == source
    assert c.claim.startswith("the ferry levy") and c.claim.endswith("too high")


def test_number_that_counts_no_people_is_no_speaker(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Fares rose by one in five, the ferry board said.")
    assert (c.source, c.claim) == ("the ferry board", "Fares rose by one in five")


def test_as_much_as_is_a_comparison(backend: RulesBackend) -> None:
    """ "as much … as many had hoped" measures; it reports nothing, whoever the subject of "hoped" is."""
    assert attributed(backend, "The board did not cut fares as much as many had hoped.") == []
    assert attributed(backend, "The board did not cut fares as much as the riders had hoped.") == []


# -- a frame sentence after the quote it reports ---------------------------------------------------


def test_frame_after_a_closed_quote_takes_it(backend: RulesBackend) -> None:
    """ "“…!” X said.": the parser ends the sentence at the quote's "!", leaving the frame alone."""
    text = (
        "The ferry was late again.\n\n“We will have a new boat by spring!” Okafor said to reporters. The pier was busy."
    )
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue, c.quote) == ("We will have a new boat by spring", "Okafor", "said", "direct")
    assert "Okafor said to reporters" not in [x.claim for x in claims_of(backend, text)]


def test_frame_after_a_quote_of_two_sentences(backend: RulesBackend) -> None:
    found = attributed(backend, "“The boat is ready. It sails on Friday.” Okafor said on Monday.")
    assert [(c.claim, c.source, c.cue) for c in found] == [
        ("The boat is ready", "Okafor", None),
        ("It sails on Friday", "Okafor", "said"),
    ]


def test_frame_after_a_quoted_question_takes_nothing(backend: RulesBackend) -> None:
    assert attributed(backend, "“Will the boat sail on Friday?” Okafor asked. Nobody knew.") == []


def test_frame_inside_an_archive_style_quote_is_the_speakers(backend: RulesBackend) -> None:
    """Archive copy writes ''…'' for a double quote: a frame inside it is the quoted speaker's."""
    c = only_attributed(backend, "''I say the boat is ready,'' Okafor said.")
    assert (c.source, c.claim) == ("Okafor", "I say the boat is ready")


# -- what someone calls something "as" ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue", "claim"),
    [
        (
            "The harbour master dismissed the audit as “absurd.”",
            "The harbour master",
            "dismissed",
            "the audit as “absurd",
        ),
        ("Most renters see the levy as a tax on the poor.", "Most renters", "see", "the levy as a tax on the poor"),
        (
            "The union cited the closure as a breach of the contract.",
            "The union",
            "cited",
            "the closure as a breach of the contract",
        ),
        (
            "Okafor described the crossing as largely “very calm.”",
            "Okafor",
            "described",
            "the crossing as largely “very calm",
        ),
    ],
)
def test_as_frames(backend: RulesBackend, text: str, source: str, cue: str, claim: str) -> None:
    c = only_attributed(backend, text)
    assert (c.source, c.cue, c.claim) == (source, cue, claim)


@pytest.mark.parametrize("text", ["She saw the ferry as a child.", "The board dismissed him as captain in May."])
def test_as_a_capacity_names_nothing(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


def test_as_someone_put_it(backend: RulesBackend) -> None:
    c = only_attributed(backend, "As the harbour master put it, the new boat is a floating bus shelter.")
    assert (c.source, c.cue, c.claim) == ("the harbour master", "put it", "the new boat is a floating bus shelter")


# -- "In X's view, …", "In a poll, …" -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("In Okafor's view, the levy was a mistake from the start.", "Okafor", "the levy was a mistake from the start"),
        (
            "In a county survey last month, 61 percent of riders backed the new boat.",
            "a county survey",
            "61 percent of riders backed the new boat",
        ),
    ],
)
def test_in_someones_view_or_a_poll(backend: RulesBackend, text: str, source: str, claim: str) -> None:
    c = only_attributed(backend, text)
    assert (c.source, c.cue, c.claim) == (source, "In", claim)


def test_in_my_view_is_the_writers_opinion(backend: RulesBackend) -> None:
    assert attributed(backend, "In my view, the levy was a mistake from the start.") == []


def test_in_a_statement_leaves_the_speaker_to_the_verb(backend: RulesBackend) -> None:
    c = only_attributed(backend, "In a statement, the ferry board said the levy would lapse in May.")
    assert (c.source, c.cue, c.claim) == ("the ferry board", "said", "the levy would lapse in May")


# -- verbs that frame only beside a quotation, figures put "at", stances, misread verbs -------------


def test_continued_after_a_quote(backend: RulesBackend) -> None:
    c = only_attributed(backend, "“The ferry will run all winter,” Okafor continued.")
    assert (c.source, c.cue, c.claim) == ("Okafor", "continued", "The ferry will run all winter")


def test_continued_without_a_quote_reports_nothing(backend: RulesBackend) -> None:
    assert attributed(backend, "The ferry continued to run all winter. Fares continued, rising by a tenth.") == []


def test_a_figure_put_at(backend: RulesBackend) -> None:
    c = only_attributed(backend, "The county's own survey puts turnout at 61 percent.")
    assert (c.source, c.cue, c.claim) == ("The county's own survey", "puts", "turnout at 61 percent")
    assert attributed(backend, "The crew put the boxes at the door.") == []


@pytest.mark.parametrize(
    ("text", "cue", "claim"),
    [
        (
            "The mayor voiced frustration that the ferry was late again.",
            "voiced frustration",
            "the ferry was late again",
        ),
        (
            "The mayor expressed optimism that the pier will open by June.",
            "expressed optimism",
            "the pier will open by June",
        ),
    ],
)
def test_stance_noun_with_that_clause(backend: RulesBackend, text: str, cue: str, claim: str) -> None:
    c = only_attributed(backend, text)
    assert (c.source, c.cue, c.claim) == ("The mayor", cue, claim)


@pytest.mark.parametrize(
    ("text", "cue", "claim"),
    [
        ("Okafor spoke on Monday.\n\nOkafor predicts that the levy will lapse.", "predicts", "the levy will lapse"),
        ("Okafor spoke on Monday.\n\nOkafor claims he is owed a refund.", "claims", "he is owed a refund"),
    ],
)
def test_reporting_verb_read_as_a_noun(backend: RulesBackend, text: str, cue: str, claim: str) -> None:
    """The small tagger reads "Okafor predicts" at a sentence start as two nouns; the form still frames."""
    c = only_attributed(backend, text)
    assert (c.source, c.cue, c.claim) == ("Okafor", cue, claim)


def test_quote_glued_to_the_speaker(backend: RulesBackend) -> None:
    """ "…,”Okafor said": a closing quote typed with no space after it still ends the quotation."""
    c = only_attributed(backend, "“The ferry will run all winter,”Okafor said.")
    assert (c.source, c.cue, c.claim, c.quote) == ("Okafor", "said", "The ferry will run all winter", "direct")


def test_a_reported_question_is_no_claim(backend: RulesBackend) -> None:
    text = (
        "The senator was asked by the host whether the tax plan would cost more than the budget allowed.\n"
        "Park also asked how the council could spend the reserve on a new stadium.\n"
        "Asked whether she would retire, the mayor said she had no plans to.\n"
        "The inspector asked the driver to open the boot of the van."
    )
    assert [(c.claim, c.source) for c in claims_of(backend, text)] == [
        ("she had no plans to", "the mayor"),
        ("The inspector asked the driver to open the boot of the van", None),
    ]


def test_frame_in_a_trailing_subordinate_clause_keeps_its_quote(backend: RulesBackend) -> None:
    text = "She had a fine line when she said, “Unlike my rival, I know that a loan is a debt, not a gift.”"
    claim = only_attributed(backend, text)
    assert claim.claim == "Unlike my rival, I know that a loan is a debt, not a gift"


@pytest.mark.parametrize(
    ("text", "content", "rest"),
    [
        ("If Dana Cole said the road was safe, she did not repeat it on Monday.", "the road was safe", "she did not"),
        (
            "Although the mayor said that taxes, fees and fines would rise, the council approved the plan.",
            "taxes, fees and fines would rise",
            "the council approved the plan",
        ),
        (
            "When a coach tells a player that she is “slacking,” like Ross did to Lee, he is discrediting her effort.",
            "she is “slacking",
            "like Ross did to Lee",
        ),
    ],
)
def test_frame_in_a_leading_subordinate_clause(backend: RulesBackend, text: str, content: str, rest: str) -> None:
    """The report ends with its clause: the main clause after the comma is the writer's own."""
    claims = claims_of(backend, text)
    assert [c.claim for c in claims if c.attributed] == [content]
    assert any(c.claim.startswith(rest) for c in claims if not c.attributed)


@pytest.mark.parametrize(
    ("text", "content", "rest"),
    [
        # The parse hangs the speaker's second verb on the content; its tense is the frame's, not the content's.
        (
            "The mayor said he would offer a prayer for the winner but did not suggest who it would be.",
            "he would offer a prayer for the winner",
            "did not suggest who it would be",
        ),
        (
            "The company denies that the product was faulty and says it will fight the case.",
            "the product was faulty",
            "says it will fight the case",
        ),
        # Parsed as the frame verb's own conjunct.
        (
            "Diaz insists the club belongs to its members, and has opposed every rise in fees.",
            "the club belongs to its members",
            "has opposed every rise in fees",
        ),
    ],
)
def test_speakers_own_coordinated_verb_ends_the_content(
    backend: RulesBackend, text: str, content: str, rest: str
) -> None:
    claims = claims_of(backend, text)
    assert [c.claim for c in claims if c.attributed] == [content]
    assert [c.claim for c in claims if not c.attributed] == [rest]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # One subject, one tense: the coordinated verbs are both what was said.
        (
            "Officials say the storm killed five people and injured 20 more.",
            "the storm killed five people and injured 20 more",
        ),
        ("He says the storm is over and has moved east.", "the storm is over and has moved east"),
        # A past perfect, or "be", is what reported speech shifts into.
        (
            "The board said it was “working on a recovery plan” and was confident the list could reopen.",
            "it was “working on a recovery plan” and was confident the list could reopen",
        ),
        (
            "The director said in a statement that the trust “does not accept delays” and had opened 24 beds.",
            "the trust “does not accept delays” and had opened 24 beds",
        ),
    ],
)
def test_coordinated_verbs_inside_the_content_stay(backend: RulesBackend, text: str, content: str) -> None:
    assert only_attributed(backend, text).claim == content


@pytest.mark.parametrize(
    "text",
    [
        "After saying the ferry was safe, the harbour master boarded it with her crew.",
        "The harbour master boarded the ferry after saying the ferry was safe.",
    ],
)
def test_a_saying_participle_after_a_preposition_of_time_speaks_for_the_subject(
    backend: RulesBackend, text: str
) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.cue) == ("the ferry was safe", "saying")
    assert c.source is not None and c.source.lower() == "the harbour master"


# -- speech frames the rules used to miss (issue 9, frames round) ---------------------------------


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("“To a point,” he said.", "To a point", "he"),
        ('"Not a chance," she said.', "Not a chance", "she"),
        ("“Absolutely not,” the mayor said of the plan to close the library.", "Absolutely not", "the mayor"),
        ("“That’s fine,” Ruiz said.", "That’s fine", "Ruiz"),
    ],
)
def test_a_short_quoted_answer_is_what_was_said(backend: RulesBackend, text: str, content: str, source: str) -> None:
    """The parser hangs a verbless answer on the verb (a negation, a phrase, a noun): it is the content."""
    claims = claims_of(backend, text)
    assert [(c.claim, c.source, c.cue) for c in claims] == [(content, source, "said")]


@pytest.mark.parametrize(
    "text",
    [
        "“Thanks, Lena!!!” wrote Pete Ruiz.",
        "“Too soon?” he asked.",
        "“My dear Lena Ruiz,” the speaker says into the camera.",
        "As for the chef’s spelling of “croissant,” Malik found a small joy in it.",
    ],
)
def test_a_quoted_greeting_question_or_address_is_no_attributed_claim(backend: RulesBackend, text: str) -> None:
    """Only a quotation opened right before the phrase and closed by a comma runs into its frame as content."""
    assert attributed(backend, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mr. Ochoa said if he were mayor, parking fees would fall.", "if he were mayor, parking fees would fall"),
        ("Ochoa said if elected he could work with the council.", "if elected he could work with the council"),
        (
            "The governor said if the dam fails, the valley will flood within hours.",
            "if the dam fails, the valley will flood within hours",
        ),
    ],
)
def test_a_conditional_complement_without_that(backend: RulesBackend, text: str, content: str) -> None:
    """ "said if …, …" states a condition; only "asked if …" asks."""
    assert only_attributed(backend, text).claim == content


def test_asked_if_is_still_a_question(backend: RulesBackend) -> None:
    assert attributed(backend, "Ochoa asked if the dam would hold.") == []


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # The subject before the frame belongs to the claim, which keeps the frame set into it (one stretch).
        (
            "The main obstacle, say officials in the county, is the cost of land.",
            "The main obstacle, say officials in the county, is the cost of land",
            "officials in the county",
        ),
        (
            "Part of the problem, say experts like Jo Park, a geologist, is the ground itself.",
            "Part of the problem, say experts like Jo Park, a geologist, is the ground itself",
            "experts like Jo Park",
        ),
        ("The plant, said Lena Ruiz, will close in May.", "The plant, said Lena Ruiz, will close in May", "Lena Ruiz"),
        (
            "“The risk,” said Tom Leamer, an economist, “is that the town attracts workers and repels jobs.”",
            "is that the town attracts workers and repels jobs",
            "Tom Leamer",
        ),
    ],
)
def test_a_frame_set_into_its_content_speaks_after_the_verb(
    backend: RulesBackend, text: str, content: str, source: str
) -> None:
    """ "X, said Y, is Z": the speaker follows the verb; the parser took the content's subject for the verb's."""
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (content, source)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Park, a lawyer, told reporters, “We will appeal.”", "We will appeal"),
        ("Park, a lawyer, said Monday, “We will appeal.”", "We will appeal"),
        ("The mayor, who spoke first, said Ruiz, the clerk, had lied.", "Ruiz, the clerk, had lied"),
    ],
)
def test_a_noun_after_the_verb_that_is_no_speaker(backend: RulesBackend, text: str, content: str) -> None:
    """An audience, a date, or the subject of what a speaker with a comma-set phrase said stays out of the source."""
    c = only_attributed(backend, text)
    assert c.claim == content
    assert c.source in ("Park", "The mayor")


@pytest.mark.parametrize(
    ("text", "reported", "main"),
    [
        (
            "Dunmore, who said the contract was checked by auditors, said he knew of no complaints.",
            "the contract was checked by auditors",
            "he knew of no complaints",
        ),
        (
            "“It is not normal,” said Weaver, who said executives often fail to grasp politics.",
            "executives often fail to grasp politics",
            "It is not normal",
        ),
        (
            "Graham, who says the allies should send troops, wrote that the strategy will fail.",
            "the allies should send troops",
            "the strategy will fail",
        ),
    ],
)
def test_a_speakers_relative_clause_reports_its_own_claim(
    backend: RulesBackend, text: str, reported: str, main: str
) -> None:
    """ "X, who said A, said B": the relative clause is a frame of its own, not part of the main one's subject."""
    claims = {c.claim: c for c in attributed(backend, text)}
    assert set(claims) == {reported, main}
    assert claims[reported].source == "who"
    assert claims[reported].source_name == claims[main].source_name


@pytest.mark.parametrize(
    ("text", "content", "source", "rest"),
    [
        (
            "Ochoa attacked the parking fees, which he said had driven shoppers away.",
            "had driven shoppers away",
            "he",
            "Ochoa attacked the parking fees",
        ),
        (
            "The parking changes, which officials said will start in June, will not apply to residents.",
            "will start in June",
            "officials",
            "will not apply to residents",
        ),
    ],
)
def test_a_relative_clause_frame_reports_its_clause(
    backend: RulesBackend, text: str, content: str, source: str, rest: str
) -> None:
    """ "…, which he said had harmed …": the relative pronoun is no question word; the report ends with its clause."""
    claims = claims_of(backend, text)
    assert [(c.claim, c.source) for c in claims if c.attributed] == [(content, source)]
    assert [c.claim for c in claims if not c.attributed] == [rest]


def test_a_demonstrative_that_opens_the_content(backend: RulesBackend) -> None:
    """ "That" as a pronoun is a word of the claim; only the conjunction "that" is trimmed."""
    assert only_attributed(backend, "“That is a fair concern,” Ruiz told the Ledger.").claim == "That is a fair concern"
    assert only_attributed(backend, "Ruiz said that the plan would fail.").claim == "the plan would fail"


def test_the_new_frames_hold_in_every_layout(backend: RulesBackend) -> None:
    from claimcheck.text.relayout import LAYOUTS, relay

    text = (
        "The council met on Monday to discuss the budget for the coming year.\n\n"
        "“To a point,” the mayor said. Mr. Ochoa said if he were mayor, parking fees would fall. "
        "The plant, said Lena Ruiz, will close in May.\n\n"
        "Dunmore, who said the contract was checked by auditors, said she knew of no complaints.\n"
    )

    def found(t: str) -> list[tuple[str, str]]:
        return [(" ".join(c.claim.split()), " ".join((c.source or "").split())) for c in attributed(backend, t)]

    expected = found(text)
    assert len(expected) == 5, expected
    for layout in LAYOUTS:
        assert found(relay(text, layout).text) == expected, layout


def test_a_relative_clause_inside_a_reported_clause_is_nested(backend: RulesBackend) -> None:
    """ "Candidates who think A are wrong, she said": only the outer relation (spec section 2)."""
    text = "Candidates who think “the city has no interest in the port are badly wrong,” she said."
    c = only_attributed(backend, text)
    assert (c.source, c.cue) == ("she", "said")
    assert c.claim.startswith("Candidates who think")


# -- stretches before a verb frame that are not what it reports ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # The frame's verb hangs on the clause before it: a time clause, a coordinated clause.
        "The town voted for the levy in 2019, after the mayor posted a video of the flood.",
        "The levy fell sharply in 2012, when the mayor first testified before the council.",
        "The ferry was late again, but the harbour master stressed the importance of the timetable.",
        # The stretch only modifies the verb: a question put to the speaker, a subordinate clause.
        "Asked if she was worried about the road, the mayor said no.",
        "Though the council is gaining support, the mayor maintains a firm lead in the polls.",
        # … also when the verb is coordinated with, or an infinitive of, the one the stretch modifies.
        "In a long speech, the mayor praised the crew and specifically mentioned the new ferry.",
        "Since its founding in 1987, the choir has been trying to find a bigger hall.",
    ],
)
def test_a_clause_the_frame_hangs_on_or_is_modified_by_is_no_content(backend: RulesBackend, text: str) -> None:
    assert not attributed(backend, text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The bridge will close next year, the council told local radio.", "The bridge will close next year"),
        ("The levy will rise, and the fees will fall, the council said.", "The levy will rise, and the fees will fall"),
        ("Asked about the ferry, the harbour master said it would run on Sundays.", "it would run on Sundays"),
    ],
)
def test_content_before_or_after_a_modified_frame_stays(backend: RulesBackend, text: str, claim: str) -> None:
    assert only_attributed(backend, text).claim == claim


@pytest.mark.parametrize(
    "text",
    [
        "“The school will stay open,” the minister said answering a parent during an assembly in Derby.",
        "“We will reopen the ferry,” the mayor said after a brief “I am sorry” to the crew.",
        "“Fixing the roof is my priority,” Ibsen said in June on the radio show “It’s Your Call.”",
    ],
)
def test_a_quote_before_the_frame_is_its_content_not_what_follows_the_verb(backend: RulesBackend, text: str) -> None:
    quote = text[1 : text.index(",”")]
    assert [c.claim for c in attributed(backend, text)] == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "Asked if he believed the ferry was safe, the captain said he would rather not speculate.",
        "The mayor was pressed on why she had said the ferry was safe.",
        "The mayor asked the crew to confirm the ferry was safe.",
    ],
)
def test_a_frame_a_question_or_request_asks_about_attributes_nothing(backend: RulesBackend, text: str) -> None:
    assert all(c.claim != "the ferry was safe" for c in attributed(backend, text))


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # The question ends at the comma: the answer after the colon is what was said.
        ("When asked why, the mayor responded in a text message: “The ferry will run.”", "The ferry will run"),
        # A quotation inside the clause before the frame is not the frame's quotation.
        (
            "Although the mayor admitted that she and the captain had “been friends for years,” she claimed they"
            " had never sailed together.",
            "they had never sailed together",
        ),
    ],
)
def test_a_clause_after_the_verb_stays_its_content(backend: RulesBackend, text: str, claim: str) -> None:
    assert claim in [c.claim for c in attributed(backend, text)]


@pytest.mark.parametrize(
    "text",
    [
        # An "as" of time: the verb has an object of its own, so the clause before is not what it reports.
        "The crowd cheered, as the mayor described the new ferry.",
        "The town grew quickly, just as the council announced a new harbour.",
        # The name a group or person goes by.
        "The post came from a group that calls itself Harbour Watch.",
        # A clause of time after the verb is not what was said.
        "His neighbours have laughed at the scheme, calling it “a folly,” the baker said as he turned off the oven.",
    ],
)
def test_frames_of_time_and_names_report_nothing_more(backend: RulesBackend, text: str) -> None:
    claims = [c.claim for c in attributed(backend, text)]
    assert not any(w in c for c in claims for w in ("cheered", "grew", "Harbour Watch", "turned"))


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The ferry ran late, as the harbour master has noted before.", "The ferry ran late"),
        (
            "As the governor told the Morning Post, the grants go only to firms that hire locally.",
            "the grants go only to firms that hire locally",
        ),
        ("Most voters say they're liberal, but 32% call themselves conservative.", "themselves conservative"),
    ],
)
def test_as_frames_to_an_addressee_and_self_descriptions_stay(backend: RulesBackend, text: str, claim: str) -> None:
    assert claim in [c.claim for c in attributed(backend, text)]


def test_a_motto_under_a_name_is_no_claim(backend: RulesBackend) -> None:
    text = (
        "What each candidate needs.\n\nAnn Lee: Win in a walk.\n\nBo Park: Just hang on.\n\nCy Dunn: A closing surge."
    )
    assert not attributed(backend, text)


def test_a_command_carried_over_from_a_quote_is_no_claim(backend: RulesBackend) -> None:
    text = "“We will rebuild the pier,” the mayor said. “Look at the harbour. It is already busier.”"
    assert [(c.claim, c.source) for c in attributed(backend, text)] == [
        ("We will rebuild the pier", "the mayor"),
        ("It is already busier", "the mayor"),
    ]


def test_a_command_with_a_clause_that_asserts_is_carried_over(backend: RulesBackend) -> None:
    text = "“Taxes will rise,” Lee said. “Add the new levy to the old one and you get a record bill.”"
    assert [c.claim for c in attributed(backend, text)][
        -1
    ] == "Add the new levy to the old one and you get a record bill"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "A county poll out Monday showed Ruiz with a healthy lead over Park in the city.",
            "Ruiz with a healthy lead over Park in the city",
            "poll",
        ),
        (
            "The latest survey shows Park leading Ruiz 44 percent to 37 percent.",
            "Park leading Ruiz 44 percent to 37 percent",
            "survey",
        ),
        (
            "A new county survey found 71 percent support for longer library hours.",
            "71 percent support for longer library hours",
            "survey",
        ),
    ],
)
def test_a_documents_finding_may_be_a_noun_phrase(backend: RulesBackend, text: str, content: str, source: str) -> None:
    """ "The poll shows Ruiz with a lead": what a document or poll shows or finds, object and all, is its content."""
    c = only_attributed(backend, text)
    assert c.claim == content
    assert c.source is not None and source in c.source.split() and c.source_type == "document"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor found the keys to the old town hall on Monday.",
        "But the study shows only a modest regional difference.",
        "Public records show no gifts from Park to the foundation since 2008.",
    ],
)
def test_a_summary_or_a_speakers_object_is_no_finding(backend: RulesBackend, text: str) -> None:
    """Only a document's object with a name or a figure is a finding: a summary noun is the writer's reading."""
    assert attributed(backend, text) == []


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "“We were wrong to wait so long,” Castillo, 47, told the Ledger in an interview.",
            "We were wrong to wait so long",
            "Castillo",
        ),
        (
            "“That is a real risk, because the pier is very old,” Lena Ruiz, 71, told the radio station.",
            "That is a real risk, because the pier is very old",
            "Lena Ruiz",
        ),
    ],
)
def test_a_speaker_with_an_age_after_the_quote(backend: RulesBackend, text: str, content: str, source: str) -> None:
    """ "“…,” Castillo, 47, told …": the parser hangs the name on the quote or the quote's comma on the name."""
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (content, source)


# -- frames that report nothing (issue 9, precision round) ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ticket sales at the ground fell sharply, as mentioned above, and the club cut its prices.",
        "The strike would be a blow to the port, should the union reject the offer as predicted.",
        "Late trains are still common, as was made clear on Monday when three services were cancelled.",
    ],
)
def test_an_as_clause_with_no_subject_of_its_own_reports_nothing(backend: RulesBackend, text: str) -> None:
    """ "as expected", "as mentioned above", "as was made clear": the only subject is the main clause's."""
    assert attributed(backend, text) == []


def test_an_as_clause_with_its_own_subject_still_reports(backend: RulesBackend) -> None:
    c = only_attributed(backend, "The bridge opened in May, as the engineers predicted.")
    assert (c.claim, c.source, c.cue) == ("The bridge opened in May", "the engineers", "predicted")


def test_that_said_concedes(backend: RulesBackend) -> None:
    """ "That said, …" opens the writer's own sentence: no source, and the concession is no part of the claim."""
    claims = claims_of(backend, "The ferry will be late again. That said, the crossing itself has never been safer.")
    assert [(c.claim, c.source) for c in claims] == [
        ("The ferry will be late again", None),
        ("the crossing itself has never been safer", None),
    ]


def test_a_bracketed_think_bids_the_reader(backend: RulesBackend) -> None:
    """ "(think …)" is an example the reader is asked to think of, not a speaker's report."""
    text = "A small party can win a seat early (think the Greens in Brighton in 2010) and fade."
    assert attributed(backend, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The actor, who plays the ferryman in a play by the writer who wrote “Salt Harbour,” has been with the "
        "company since May.",
        "Jo Park, who has read the report but would say nothing about its findings, agreed with the minister.",
    ],
)
def test_a_relative_clause_reports_only_inside_itself(backend: RulesBackend, text: str) -> None:
    """A reporting verb in a relative clause with no clause of its own ("who wrote “Salt Harbour”", "who would
    say nothing about it") takes nothing from the sentence around the clause."""
    assert attributed(backend, text) == []


def test_a_relative_clause_coordinated_report_ends_with_the_clause(backend: RulesBackend) -> None:
    c = only_attributed(
        backend, "The mayor, who has long opposed the scheme and said it would fail, resigned on Monday."
    )
    assert (c.claim, c.cue) == ("it would fail", "said")


def test_a_clause_before_a_colon_is_no_content_of_the_frame_after_it(backend: RulesBackend) -> None:
    """ "A: the mayor struggled to respond to the criticism": the colon opens what follows; A is the writer's."""
    text = "The row over the pier has become the main issue in the race: the mayor has struggled to respond to it."
    assert attributed(backend, text) == []


def test_a_clause_after_a_quote_frame_and_a_conjunction_is_the_writers(backend: RulesBackend) -> None:
    """ "“Follow me,” the guide said, and the children trailed behind": the quotation is what was said."""
    claims = claims_of(
        backend, "“Follow me,” the guide said, and the children, curious, trailed behind her to the wall."
    )
    assert [(c.claim, c.source) for c in claims] == [
        ("Follow me", "the guide"),
        ("the children, curious, trailed behind her to the wall", None),
    ]


@pytest.mark.parametrize("marks", ["“”", ["''", "''"]])
def test_a_colon_inside_the_quotation_before_the_frame_is_the_speakers(backend: RulesBackend, marks: str) -> None:
    c = only_attributed(backend, f"{marks[0]}A word to the council: we will not sell,{marks[1]} Ruiz wrote on Monday.")
    assert (c.claim, c.source) == ("A word to the council: we will not sell", "Ruiz")


def relations_of_parse(rows: str) -> list[tuple[str, str, str]]:
    """(content, source, cue) of each relation the rules read off a parse we give, one token a row: word, head
    index, dependency, tag, part of speech, lemma. It pins a misparse the small parser makes of real text, on
    words we write."""
    from spacy.tokens import Doc

    from claimcheck.backends.rules.attribution import find_relations
    from claimcheck.backends.rules.model import load_pipeline
    from claimcheck.text import text_model

    table = [line.split() for line in rows.strip().splitlines()]
    words = [r[0] for r in table]
    glued = {",", ".", "”", "’s"}
    spaces = [k + 1 < len(words) and words[k + 1] not in glued and r[0] != "“" for k, r in enumerate(table)]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        spaces=spaces,
        heads=[int(r[1]) for r in table],
        deps=[r[2] for r in table],
        tags=[r[3] for r in table],
        pos=[r[4] for r in table],
        lemmas=[r[5] for r in table],
        sent_starts=[k == 0 for k in range(len(table))],
    )
    mask = text_model(doc.text).mask
    rels = find_relations(doc, doc[:], mask)
    spans = [(r.content, r.source, r.cue) for r in rels if r.content]
    return [(doc[slice(*c)].text, doc[slice(*s)].text, doc[slice(*q)].text) for c, s, q in spans]


def test_a_speaker_with_an_office_after_the_quote() -> None:
    """ "“…,” Lena Ruiz, founder of the Harbour Trust, tells …": a long mention between the closing quote and the
    verb, which the parser hung on the quotation's last noun, is still the one speaker."""
    rows = """
        “ 4 punct `` PUNCT “
        Yes 4 intj UH INTJ yes
        , 4 punct , PUNCT ,
        I 4 nsubj PRP PRON I
        back 18 ccomp VBP VERB back
        Jo 6 compound NNP PROPN Jo
        Park 4 dobj NNP PROPN Park
        , 6 punct , PUNCT ,
        ” 6 punct '' PUNCT ”
        Lena 10 compound NNP PROPN Lena
        Ruiz 6 appos NNP PROPN Ruiz
        , 10 punct , PUNCT ,
        founder 10 appos NN NOUN founder
        of 12 prep IN ADP of
        the 16 det DT DET the
        Harbour 16 compound NNP PROPN Harbour
        Trust 13 pobj NNP PROPN Trust
        , 10 punct , PUNCT ,
        tells 18 ROOT VBZ VERB tell
        the 20 det DT DET the
        Ledger 18 dobj NNP PROPN Ledger
        . 18 punct . PUNCT .
    """
    assert relations_of_parse(rows) == [("Yes, I back Jo Park", "Lena Ruiz", "tells")]


def test_a_subject_the_parser_finds_inside_the_quote_gives_way_to_the_name_after_it() -> None:
    """ "“It works, this one,” Park, the mayor, said": the parser's subject is in the quotation, the speaker hung
    on it; the words of the quote stay content."""
    rows = """
        “ 2 punct `` PUNCT “
        It 2 nsubj PRP PRON it
        works 13 ccomp VBZ VERB work
        , 2 punct , PUNCT ,
        this 5 det DT DET this
        one 13 nsubj NN NOUN one
        , 5 punct , PUNCT ,
        ” 5 punct '' PUNCT ”
        Park 5 appos NNP PROPN Park
        , 8 punct , PUNCT ,
        the 11 det DT DET the
        mayor 8 appos NN NOUN mayor
        , 8 punct , PUNCT ,
        said 13 ROOT VBD VERB say
        . 13 punct . PUNCT .
    """
    assert relations_of_parse(rows) == [("It works, this one", "Park", "said")]


def test_a_quotation_before_the_speaker_stays_content_wherever_the_parser_hangs_it() -> None:
    """ "“…, it’s just that Park explains it better,” Lee notes": words of the quote the parser hung on the frame's
    verb (a second subject read off a verb taken for a noun, an adverb) are what was said, not frame."""
    rows = """
        “ 3 punct `` PUNCT “
        Her 2 poss PRP$ PRON her
        plan 3 nsubj NN NOUN plan
        is 8 ccomp VBZ AUX be
        the 5 det DT DET the
        same 3 attr JJ ADJ same
        , 8 punct , PUNCT ,
        it 8 nsubj PRP PRON it
        ’s 8 ROOT VBZ AUX be
        just 18 advmod RB ADV just
        that 18 mark IN SCONJ that
        Park 12 compound NNP PROPN Park
        explains 18 nsubj NNS NOUN explain
        it 12 appos PRP PRON it
        better 12 advmod RBR ADV well
        , 18 punct , PUNCT ,
        ” 18 punct '' PUNCT ”
        Lee 18 nsubj NNP PROPN Lee
        notes 8 advcl VBZ VERB note
        . 8 punct . PUNCT .
    """
    content = "Her plan is the same, it’s just that Park explains it better"
    assert relations_of_parse(rows) == [(content, "Lee", "notes")]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "“The county was right to close the bridge,” Ms. Lee said, “and the state must pay for the repairs.”",
            "the state must pay for the repairs",
        ),
        (
            "“The county was right to close the bridge,” she said, “because the state had warned it twice.”",
            "the state had warned it twice",
        ),
        (
            "''The county was right to close the bridge,'' Ms. Lee said, ''and the state will pay for the repairs.''",
            "the state will pay for the repairs",
        ),
    ],
)
def test_both_sides_of_a_quotation_split_by_its_frame_are_said(backend: RulesBackend, text: str, second: str) -> None:
    """ "“A,” she said, “and B.”": each side is a clause of the speaker's, so each is a claim with the source."""
    claims = claims_of(backend, text)
    assert [c.claim for c in claims] == ["The county was right to close the bridge", second]
    assert all(c.source in ("Ms. Lee", "she") and c.cue == "said" and c.quote == "direct" for c in claims)


def test_a_quotation_split_inside_its_clause_stays_one_span(backend: RulesBackend) -> None:
    """ "“The county,” she said, “was right …”": the first side is no clause alone, so both are one claim."""
    c = only_attributed(backend, "“The county,” she said, “was right to close the bridge.”")
    assert c.claim == "The county,” she said, “was right to close the bridge"


@pytest.mark.parametrize("layout", [" ", "\n\n"])
def test_a_frame_sentence_of_its_own_opens_the_quotation_after_it(backend: RulesBackend, layout: str) -> None:
    """ "Ruiz agreed. “…”": a speaker and a verb of speech with nothing said, then a quotation: it is what was
    said, and the quote's next sentence carries over."""
    text = f"Lee spoke first. Ruiz agreed.{layout}“The bridge is unsafe and will have to close. It is a disgrace.”"
    claims = attributed(backend, text)
    assert [(c.claim, c.source) for c in claims] == [
        ("The bridge is unsafe and will have to close", "Ruiz"),
        ("It is a disgrace", "Ruiz"),
    ]
    assert claims[0].cue == "agreed"


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz agreed. The bridge is unsafe and will have to close.",
        "Ruiz agreed. “The bridge is unsafe and will have to close,” Lee said.",
        "Ruiz agreed. “The bridge is unsafe and will have to close!” Lee shouted.",
    ],
)
def test_a_frame_sentence_of_its_own_takes_no_unquoted_or_framed_sentence(backend: RulesBackend, text: str) -> None:
    """The writer's sentence after it, or a quotation with a frame of its own, is not the bare frame's."""
    assert all(c.source != "Ruiz" for c in claims_of(backend, text))


def test_a_frame_sentence_that_takes_nothing_stays_the_writers(backend: RulesBackend) -> None:
    text = "The county’s chief engineer agreed. “The bridge is unsafe and will have to close,” Lee said."
    first = claims_of(backend, text)[0]
    assert (first.claim, first.source) == ("The county’s chief engineer agreed", None)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ruiz said following a meeting in 2001 that she had “very serious doubts about the county’s plans.”",
            "she had “very serious doubts about the county’s plans",
        ),
        (
            "Ruiz told reporters after the meeting that she had serious doubts about the plan.",
            "she had serious doubts about the plan",
        ),
        (
            "Lee recalled in 2008 that before the vote, Park was not treated as seriously by voters.",
            "before the vote, Park was not treated as seriously by voters",
        ),
    ],
)
def test_a_that_clause_after_a_phrase_of_time_is_the_content(backend: RulesBackend, text: str, content: str) -> None:
    """ "said after the meeting that …": the parser hangs the "that" clause on the phrase's noun as a relative
    clause, but a subordinating "that" opens what was said."""
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (content, text.split()[0])


@pytest.mark.parametrize(
    "text",
    [
        "A strong majority of local residents say they are paying close attention to the vote; 26 percent of them say "
        "they have not been following it.",
        "Park said the bridge was unsafe; the mayor said it was fine.",
        "But Park told the Ledger that she was upset there had been no repairs — the mayor also said money was short.",
    ],
)
def test_two_reports_a_semicolon_sets_side_by_side(backend: RulesBackend, text: str) -> None:
    """ "A say X; B say Y": the parser may hang the first report on the second, but a semicolon or dash ends it."""
    claims = attributed(backend, text)
    assert len(claims) == 2 and claims[0].source in ("A strong majority of local residents", "Park")


def test_a_frame_sentence_after_a_quote_may_end_in_a_clause_of_time(backend: RulesBackend) -> None:
    """ "“…!” Ruiz said as she cut the ribbon.": the parser ends the quote's sentence at "!"; the frame after it
    with its clause of time still takes the quoted sentence."""
    c = only_attributed(backend, "“The town of Alder is proud to open its library!” Mayor Jo Ruiz said as she cut it.")
    assert (c.claim, c.source, c.cue) == ("The town of Alder is proud to open its library", "Mayor Jo Ruiz", "said")


def test_a_clause_subject_before_a_frame_set_into_it_is_content(backend: RulesBackend) -> None:
    """ "Parents, Ortiz suggested, need not fret …": the parser gives the frame's verb both subjects; the one before
    the comma is the clause's, so the frame keeps only the speaker and both sides are one claim."""
    c = only_attributed(backend, "Parents, Ortiz suggested, don’t have to fret that the school will close.")
    assert (c.claim, c.source, c.cue) == (
        "Parents, Ortiz suggested, don’t have to fret that the school will close",
        "Ortiz",
        "suggested",
    )


def test_a_participle_after_the_closing_quote_ends_the_content(backend: RulesBackend) -> None:
    """ "said the work “should be finished by Easter,” referring to …": the quotation closes what was said; the
    participle after it is the speaker's next act."""
    claims = attributed(backend, "Lee said the work “should be finished by Easter,” referring to the spring vote.")
    assert [(c.claim, c.source) for c in claims] == [("the work “should be finished by Easter", "Lee")]


def test_a_participle_of_speech_after_the_closing_quote_is_a_report_of_its_own(backend: RulesBackend) -> None:
    """ "insisted that she has “saved the harbour,” claiming that …": two reports of one speaker, two claims."""
    text = "Lee insisted that she has “saved the harbour,” claiming that she is responsible for the new jobs."
    claims = attributed(backend, text)
    assert [(c.claim, c.cue) for c in claims] == [
        ("she has “saved the harbour", "insisted"),
        ("she is responsible for the new jobs", "claiming"),
    ]
    assert claims[1].source_name == "Lee"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The trend is plain: According to new surveys, Ortiz wins just 22 percent of the youth vote.", "Ortiz"),
        ("Ortiz wins just 22 percent of the youth vote; according to new surveys, Park wins 51 percent.", "Park"),
    ],
)
def test_according_to_after_a_colon_scopes_over_the_clause_it_opens(
    backend: RulesBackend, text: str, content: str
) -> None:
    """ "A: according to X, B": the frame opens the clause after the colon or semicolon; A is the writer's."""
    c = only_attributed(backend, text)
    assert c.claim.startswith(content) and c.source == "new surveys"


def test_a_second_verb_the_parser_leaves_unlabelled_speaks_for_the_first_subject(backend: RulesBackend) -> None:
    """ "Ortiz offered him a job, then says she will …": no "and", so the parser hangs "says" on the first verb with
    no label; its speaker is that verb's subject."""
    text = "Ms. Ortiz once offered the driver a job as harbour master, then says she will take ideas from anyone."
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue) == ("she will take ideas from anyone", "Ms. Ortiz", "says")


def test_adding_after_the_closing_quote_is_the_first_speakers_second_report(backend: RulesBackend) -> None:
    """ "said the count might be “slow,” adding, “…”": the participle's speaker is the frame's, not the subject the
    parser finds in the first content, and its content is only what follows it."""
    claims = attributed(backend, "Okafor said the count of the ballots might be “slow,” adding, “Good work is slow.”")
    assert [(c.claim, c.source, c.cue) for c in claims] == [
        ("the count of the ballots might be “slow", "Okafor", "said"),
        ("Good work is slow", "Okafor", "adding"),
    ]


def test_a_that_clause_of_a_noun_in_the_verbs_phrase_is_no_content(backend: RulesBackend) -> None:
    """ "questioned the mayor about the revelation that …": the clause is the noun's, not what was said."""
    text = "Reporters questioned the mayor about the revelation that one of them had lied."
    assert attributed(backend, text) == []


# -- participles of means and absolutes, retorts, assurances (issue 9, round 10) -------------------


@pytest.mark.parametrize(
    ("text", "said", "source", "done"),
    [
        (
            "The county surprised its staff on Monday by announcing that the depot would close in May.",
            "the depot would close in May",
            "The county",
            "The county surprised its staff on Monday",
        ),
        (
            "Ms. Ortiz answered a question on rents by insisting that the new towers are too tall.",
            "the new towers are too tall",
            "Ms. Ortiz",
            "Ms. Ortiz answered a question on rents",
        ),
    ],
)
def test_a_participle_of_means_reports_what_the_subject_said(
    backend: RulesBackend, text: str, said: str, source: str, done: str
) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (said, source)
    assert done in [x.claim for x in claims_of(backend, text) if not x.attributed]  # what the subject did


def test_a_means_participle_of_a_deed_reports_nothing(backend: RulesBackend) -> None:
    text = "The new law won over rural voters by ensuring that every fee would be paid back."
    assert attributed(backend, text) == []


def test_in_saying_before_the_main_clause_leaves_the_main_clause_the_writers(backend: RulesBackend) -> None:
    text = "In saying that the levy would fail, the treasurer broke with her own party."
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue) == ("the levy would fail", "the treasurer", "saying")
    assert "the treasurer broke with her own party" in [x.claim for x in claims_of(backend, text)]


def test_a_means_participle_that_is_no_speech_reports_nothing(backend: RulesBackend) -> None:
    assert attributed(backend, "The rowers won the final by pulling ahead in the last hundred metres.") == []


@pytest.mark.parametrize(
    ("text", "claim", "source", "cue"),
    [
        (
            "Mr. Okafor shot back that the audit had never been finished.",
            "the audit had never been finished",
            "Mr. Okafor",
            "shot back",
        ),
        (
            "“The council wants a fight over this,” Ms. Reyes fired back.",
            "The council wants a fight over this",
            "Ms. Reyes",
            "fired back",
        ),
    ],
)
def test_a_retort_with_back_is_speech(backend: RulesBackend, text: str, claim: str, source: str, cue: str) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue) == (claim, source, cue)


def test_firing_back_without_words_is_no_speech(backend: RulesBackend) -> None:
    assert attributed(backend, "The guards fired back at the men who had attacked the gate.") == []


@pytest.mark.parametrize(
    ("text", "claim", "cue"),
    [
        ("The coach assured fans that the club would not be sold.", "the club would not be sold", "assured"),
        (
            "The coach reminded the board that the stadium lease runs out in 2030.",
            "the stadium lease runs out in 2030",
            "reminded",
        ),
        (
            "The coach still feels the squad is strong enough to win the league.",
            "the squad is strong enough to win the league",
            "feels",
        ),
    ],
)
def test_assuring_reminding_and_feeling_report_a_clause(backend: RulesBackend, text: str, claim: str, cue: str) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue) == (claim, "The coach", cue)


@pytest.mark.parametrize(
    "text",
    ["The coach felt unwell after the match and went home.", "The old photos remind the coach of his first season."],
)
def test_feeling_and_reminding_without_a_clause_report_nothing(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


def test_a_means_participle_keeps_the_clause_the_parser_hung_on_the_main_verb(backend: RulesBackend) -> None:
    # The small parser reads "it" as the participle's object and hangs "would close" on "surprised".
    text = "The airline surprised its crews by announcing it would close two bases."
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue) == ("it would close two bases", "The airline", "announcing")
    assert "The airline surprised its crews" in [x.claim for x in claims_of(backend, text)]


# -- a frame with nothing of its own to report ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # The object is what was said: the clause before or after the frame is the writer's.
        "The ferry crew has worked here for a decade, and though they speak little Dutch, their faces said a lot.",
        "The singer regretted her jokes an hour after she said them, when the crowd began to boo.",
        "Asked about the ferry fares, the harbour master said nothing.",
        # A clause coordinated with the frame by "but" goes on in the writer's voice.
        "Okafor wrote under a pen name for years, but it did not save her column from the editors.",
    ],
)
def test_a_frame_with_nothing_of_its_own_to_report(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


def test_an_object_that_opens_a_colon_still_reports() -> None:
    c = only_attributed(RulesBackend(), "The harbour master said it plainly: the ferry will not run in winter.")
    assert c.claim == "the ferry will not run in winter"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A quotation opens right after the frame: the phrase before the frame only leads in to it.
        ("Of the row over the ferry budget, Okafor said, “It is a little much.”", "It is a little much"),
        (
            "Stressing the cost of delay, the harbour master said, “If we wait, the pier will fall.”",
            "If we wait, the pier will fall",
        ),
        (
            "In an interview with the Ledger, Okafor said, “Many people cancelled their visits.”",
            "Many people cancelled their visits",
        ),
        # A subject before the frame is the quotation's: the claim keeps it.
        ("The ferry plan, she said, “will never work.”", "The ferry plan, she said, “will never work"),
    ],
)
def test_a_lead_in_before_a_frame_and_its_quotation(backend: RulesBackend, text: str, claim: str) -> None:
    assert only_attributed(backend, text).claim == claim


@pytest.mark.parametrize(
    "text",
    [
        # "find oneself": a state the subject is in, not something it finds to be true.
        "With a month to go, the two ferry operators found themselves targeted by the council.",
        # "ensure": a purpose or an act, never a statement.
        "The council will work with the harbour police to ensure the march takes place peacefully.",
    ],
)
def test_non_speech_senses_report_nothing(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A quoted paragraph of two sentences closes before the frame: the title after it is no content.
        (
            "“We will both publish our budgets. I will publish mine next week,” Okafor told the host during an "
            "interview taped for Sunday’s Meet the Press.",
            "Okafor",
        ),
        # The speaker's apposition ends in a name the parser reads as a clause with the speaker for subject.
        (
            "“What is shaping up is a fight for the harbour,” said Dana Brock, a Lee ally who runs the group "
            "Protect the Coast.",
            "Dana Brock",
        ),
    ],
)
def test_a_title_after_a_quotation_and_its_frame_is_no_content(backend: RulesBackend, text: str, source: str) -> None:
    found = attributed(backend, text)
    assert found and all(c.source == source and c.quote == "direct" for c in found), found
    assert not any("Meet the Press" in c.claim or "Protect the Coast" in c.claim for c in found)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A clause set before the content's main clause keeps its subordinator: it is part of what was said.
        (
            "The mayor said that, because the auditor found the books in order, the council was right.",
            "because the auditor found the books in order, the council was right",
        ),
        (
            "The mayor said that while the ferry was costly, it would pay off.",
            "while the ferry was costly, it would pay off",
        ),
        # A colon after a frame opens what was said, even where the parser hung the quotation elsewhere.
        (
            "The delay was so long that a spokeswoman for the governor could only quip: “I guess the train got lost.”",
            "I guess the train got lost",
        ),
    ],
)
def test_what_follows_the_frame_is_said_whole(backend: RulesBackend, text: str, claim: str) -> None:
    assert only_attributed(backend, text).claim == claim


# -- the outermost relation (issue 9, constructions round) -----------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        # The parser hangs "according" on the reported clause's verb: the closing frame still reports it all.
        (
            "The mayor said she would have closed the bridge if the survey had come sooner, according to "
            "local press reports.",
            "The mayor said she would have closed the bridge if the survey had come sooner",
            "local press reports",
        ),
        (
            "The director told staff that the depot would close in June, according to two people at the meeting.",
            "The director told staff that the depot would close in June",
            "two people at the meeting",
        ),
    ],
)
def test_a_closing_according_to_reports_the_frame_before_it(
    backend: RulesBackend, text: str, claim: str, source: str
) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue) == (claim, source, "according to")


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # An "as" frame is a second source beside the first: it keeps its claim.
        ("As the Ledger reported, the mill lost money last year, according to its accounts.", ["the Ledger"]),
        # An "according to" inside brackets vouches for the aside only.
        (
            "The mayor said the bridge was unsafe (an inspection found it sound, according to the council).",
            ["The mayor", "an inspection"],
        ),
        # Not the end of the sentence: the frame after it is no part of its scope.
        ("According to the council, the bridge is sound, the mayor said.", ["the council"]),
    ],
)
def test_an_according_to_that_reports_no_other_frame(backend: RulesBackend, text: str, sources: list[str]) -> None:
    assert [c.source for c in attributed(backend, text)] == sources


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        # A contrast weighs two findings of one source: the closing frame reports both.
        (
            "The bakery sold 400 loaves in March, while the cafe sold 250, according to the town's trade survey.",
            "The bakery sold 400 loaves in March, while the cafe sold 250",
            "the town's trade survey",
        ),
        (
            "Ticket sales rose by a tenth last year, although attendance at matinees fell, according to the "
            "theatre's annual report.",
            "Ticket sales rose by a tenth last year, although attendance at matinees fell",
            "the theatre's annual report",
        ),
        # A "where" clause set after a place is what the frame vouches for (low attachment), not the place.
        (
            "The ferry runs twice a day in Lisbon, where 300 people commute by boat, according to the port authority.",
            "300 people commute by boat",
            "the port authority",
        ),
    ],
)
def test_a_closing_according_to_over_a_contrast_or_a_relative(
    backend: RulesBackend, text: str, claim: str, source: str
) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue) == (claim, source, "according to")


# -- "as reported by X" ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        (
            "As reported by the Harbour Gazette, the council will vote on the ferry budget next week.",
            "the council will vote on the ferry budget next week",
            "the Harbour Gazette",
        ),
        (
            "The ferry operator has started hiring crews again, as first reported by the Harbour Gazette on Monday.",
            "The ferry operator has started hiring crews again",
            "the Harbour Gazette",
        ),
        (
            "As noted by several analysts, turnout fell sharply in the northern wards.",
            "turnout fell sharply in the northern wards",
            "several analysts",
        ),
    ],
)
def test_as_reported_by_names_its_source(backend: RulesBackend, text: str, claim: str, source: str) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (claim, source)


@pytest.mark.parametrize(
    "text",
    [
        # No agent: nobody is named as reporting it.
        "The mill was built in 1890, as reported.",
        "As reported in March, the council will vote on the ferry budget.",
        # Not set off: the clause describes the noun before it.
        "The rebels are carrying out a mission as declared by the minister, to clear the border.",
    ],
)
def test_as_reported_without_a_named_reporter_is_the_writers(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


# -- "is right to note that", "was quick to point out that" ----------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        (
            "Ms Lund is right to note that the toll would hit weekend anglers hardest.",
            "the toll would hit weekend anglers hardest",
            "Ms Lund",
        ),
        (
            "Friends of the goalkeeper are quick to point out that his knee has fully healed.",
            "his knee has fully healed",
            "Friends of the goalkeeper",
        ),
        (
            "Okafor was quick to add that the lease covers only the east pier.",
            "the lease covers only the east pier",
            "Okafor",
        ),
    ],
)
def test_a_manner_adjective_before_an_infinitive_of_saying(
    backend: RulesBackend, text: str, claim: str, source: str
) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (claim, source)


@pytest.mark.parametrize(
    "text",
    [
        # Not said: reluctance, a deed, a negated manner.
        "Okafor was reluctant to say that the lease covers only the east pier.",
        "Okafor was right to close the harbour road.",
        "Okafor was not quick to point out that the lease covers only the east pier.",
    ],
)
def test_an_adjective_that_does_not_say_it_was_said(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Among the parents surveyed, a third said the bus was late most days.",
        "In the wards inspected last year, nurses said the rota was unfair.",
    ],
)
def test_a_phrase_set_before_the_frame_is_no_claim_of_its_own(backend: RulesBackend, text: str) -> None:
    # What is left of the sentence is a prepositional phrase (its participle only modifies its noun): it states
    # nothing, so it is no unattributed claim beside the attributed one.
    assert [c.attributed for c in claims_of(backend, text)] == [True]


# -- "It is important to note that …": the writer's remark ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It is important to note that lighthouse repairs ended in 1921.",
        "It's fair to say that the orchard never turned a profit.",
        "It is safe to say the regatta will go ahead.",
    ],
)
def test_an_extraposed_infinitive_of_saying_is_the_writers(backend: RulesBackend, text: str) -> None:
    found = claims_of(backend, text)
    assert [(c.attributed, c.claim) for c in found] == [(False, text.rstrip("."))]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "it" is the ferry company: a manner adjective says it did point it out.
        ("The ferry company replied within the hour. It was quick to stress that its ferries remain safe.", "It"),
        # Inside what someone said, the remark is theirs.
        (
            "The harbour master said it is important to note that lighthouse repairs ended in 1921.",
            "The harbour master",
        ),
    ],
)
def test_an_it_that_speaks_or_a_remark_someone_made(backend: RulesBackend, text: str, source: str) -> None:
    assert [c.source for c in attributed(backend, text)] == [source]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The coach said he was confident that the team would reach the final.",
            "he was confident that the team would reach the final",
        ),
        (
            "Organisers said they are worried that the storm could close the pier.",
            "they are worried that the storm could close the pier",
        ),
    ],
)
def test_a_belief_adjective_inside_what_was_said_is_reported_whole(
    backend: RulesBackend, text: str, claim: str
) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.cue) == (claim, "said")


def test_a_belief_adjective_beside_what_was_said_is_a_report_of_its_own(backend: RulesBackend) -> None:
    text = "The coach said the pitch was ready, and the groundsman was confident that the roof would hold."
    assert [(c.source, c.claim) for c in attributed(backend, text)] == [
        ("The coach", "the pitch was ready"),
        ("the groundsman", "the roof would hold"),
    ]


# -- a court rules that … ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        ("The judge ruled that the ferry contract was void.", "the ferry contract was void", "The judge"),
        # A second reporting verb of the same speaker is a second claim (evals/README decision 4).
        (
            "The appeals court reversed the fine, as well as ruling that the harbour board had acted unlawfully.",
            "the harbour board had acted unlawfully",
            "The appeals court",
        ),
    ],
)
def test_ruled_that_reports_what_the_court_held(backend: RulesBackend, text: str, claim: str, source: str) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (claim, source)
    assert c.cue in ("ruled", "ruling")


@pytest.mark.parametrize(
    "text",
    [
        "The family ruled the island for a century.",
        "The mayor ruled out a new tax on moorings.",
        "The court will rule on the ferry case next week.",
    ],
)
def test_rule_without_a_clause_reports_nothing(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


# -- a comma and an opening quotation mark after the frame ----------------------------------------


def test_comma_then_quotation_is_what_the_verb_reports(backend: RulesBackend) -> None:
    # The parser hangs "Brandt tweeted" on the quoted clause's verb; the comma and the quote still open what she
    # said, and the quotation's next sentence is hers too, not the previous paragraph's speaker's.
    text = (
        'Ortiz said the new ferries were safe.\n\nBrandt tweeted, "Ferries did this last year too. Three of them sank."'
    )
    found = [(c.claim, c.source) for c in attributed(backend, text)]
    assert ("Ferries did this last year too", "Brandt") in found
    assert ("Three of them sank", "Brandt") in found


def test_carried_over_quote_continues_the_quotation_not_a_report_in_its_clause(backend: RulesBackend) -> None:
    # The report ending last before the quote ("a tone which implied that …") quotes nothing and speaks through a
    # relative pronoun: the quoted sentence after it goes on with Okafor's quotation in the same sentence.
    text = (
        '"Both pumps failed at midnight," Okafor said, in a tone which implied that nobody had listened to him. '
        '"We asked the council for new ones in April."'
    )
    found = {c.claim: c.source for c in attributed(backend, text)}
    assert found["We asked the council for new ones in April"] == "Okafor"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The bridge is safe," the engineer said, but the mayor said it should close. '
            '"We cannot take the risk with children on it."',
            "the mayor",
        ),
        (
            '"The plan works," Lee said, while Park argued that the costs were hidden. '
            '"Nobody has seen the real figures yet."',
            "Park",
        ),
    ],
)
def test_carried_over_quote_after_a_second_speaker_is_the_second_speakers(
    backend: RulesBackend, text: str, speaker: str
) -> None:
    # A second person's report after the quotation is the speaker the next quoted sentence goes on with.
    claims = attributed(backend, text)
    assert claims[-1].source == speaker, [(c.claim, c.source) for c in claims]


# -- a person's clause ended by a colon that opens a quotation ------------------------------------


def test_colon_lead_hands_the_quotation_to_its_subject(backend: RulesBackend) -> None:
    text = 'Ortiz said the vote was rigged.\n\nLopez gave a blunt answer: "The count is fair. Nobody lost a ballot."'
    found = [(c.claim, c.source) for c in attributed(backend, text)]
    assert ("The count is fair", "Lopez") in found
    assert ("Nobody lost a ballot", "Lopez") in found  # carried over from Lopez, not from Ortiz


@pytest.mark.parametrize(
    "text",
    [
        'The list of repairs is long: "new pumps, new gates and a new roof."',
        'The night ended with a chant: "We count again!"',
        # A sign read, a headline seen, a slogan painted: quoted, not said.
        'He read the sign aloud: "No entry after dark."',
        'Martinez wore a shirt with two words on it: "Count everything."',
        'They painted the slogan on the wall: "This town is not for sale."',
    ],
)
def test_colon_lead_of_a_thing_hands_nothing(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


# -- "That shows …": the writer reasoning from a fact, not a source -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ferry lost money for a third year. That shows the winter crossings cannot pay for themselves.",
        "The board kept the fee. That worried the divers, by hinting that the harbour would close.",
    ],
)
def test_sentence_opening_that_is_no_source(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


def test_relative_that_still_names_the_document(backend: RulesBackend) -> None:
    c = only_attributed(backend, "The harbour board cited figures that show the crossings lose money.")
    assert c.claim == "the crossings lose money"


# -- a poll's "more likely to say" ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Older residents were more likely to say the bridge should wait until spring.",
        "Older residents were a little more likely to say that the bridge should wait until spring.",
        "Older residents were less likely to say the bridge should wait until spring.",
    ],
)
def test_more_likely_to_say_reports_what_the_group_said(backend: RulesBackend, text: str) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == ("the bridge should wait until spring", "Older residents")


@pytest.mark.parametrize(
    "text",
    [
        "Residents are likely to say the bridge should wait until spring.",  # a forecast, not a report
        "Older residents were more likely to rate the council as fair.",  # a view of someone, no clause
    ],
)
def test_likely_to_say_alone_or_without_a_clause_reports_nothing(backend: RulesBackend, text: str) -> None:
    assert attributed(backend, text) == []


# -- a quotation a comma or colon opens after the verb ---------------------------------------------


def test_quotation_after_said_comma_is_content_whatever_the_parser_hung_on_the_verb(backend: RulesBackend) -> None:
    # The small parser reads "The port's a wreck" as the object of "said" and the rest as a second verb of it.
    text = "Park said, \"The port's a wreck, and we won't find the money for the repairs.\""
    c = only_attributed(backend, text)
    assert (c.claim, c.source, c.cue) == (
        "The port's a wreck, and we won't find the money for the repairs",
        "Park",
        "said",
    )
    assert [u.claim for u in claims_of(backend, text) if not u.attributed] == []


def test_quotation_after_colon_stays_content_under_a_second_frame(backend: RulesBackend) -> None:
    text = (
        'Pressed on what the ban would mean for Ortiz, 61, Lane said: "Some cases will need a waiver," the Herald '
        "wrote."
    )
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == ("Some cases will need a waiver", "Lane")


def test_quotation_closed_by_a_comma_ends_what_was_said(backend: RulesBackend) -> None:
    text = 'Ortiz said, "The vote was fair," before she left the hall.'
    c = only_attributed(backend, text)
    assert c.claim == "The vote was fair"
    # The clause of time left over asserts nothing on its own.
    assert [u.claim for u in claims_of(backend, text) if not u.attributed] == []


def test_words_straight_after_the_quotation_go_on_with_what_was_said(backend: RulesBackend) -> None:
    c = only_attributed(backend, 'Ortiz said, "I have not seen that report" from the auditors.')
    assert c.claim == 'I have not seen that report" from the auditors'


def test_quoted_words_the_parser_hung_on_the_speaker_are_what_was_said() -> None:
    """ "“…,” Jo Park said": the parser hung the quotation's last words on the name and the name inside the quoted
    clause; the speaker's mention and frame start after the closing mark."""
    rows = """
        “ 16 punct `` PUNCT “
        This 2 nsubj DT PRON this
        was 16 ccomp VBD AUX be
        never 2 neg RB ADV never
        a 5 det DT DET a
        claim 2 attr NN NOUN claim
        that 8 mark IN SCONJ that
        all 8 nsubj DT PRON all
        was 5 acl VBD AUX be
        rock 11 amod JJ ADJ rock
        - 11 punct HYPH PUNCT -
        solid 15 amod JJ ADJ solid
        , 15 punct , PUNCT ,
        ” 15 punct '' PUNCT ”
        Jo 15 compound NNP PROPN Jo
        Park 8 attr NNP PROPN Park
        said 16 ROOT VBD VERB say
        at 16 prep IN ADP at
        a 19 det DT DET a
        forum 17 pobj NN NOUN forum
        . 16 punct . PUNCT .
    """
    assert relations_of_parse(rows) == [("This was never a claim that all was rock - solid", "Jo Park", "said")]


def test_a_manner_phrase_the_parser_hung_the_speaker_on_is_frame(backend: RulesBackend) -> None:
    c = only_attributed(backend, "''Numbers come easier to me than words do,'' said Rob Lane, half joking.")
    assert (c.claim, c.source, c.cue) == ("Numbers come easier to me than words do", "Rob Lane", "said")


# -- frames the parser breaks: occasions, long subjects, quoted questions ---------------------------


def test_a_participle_phrase_on_a_long_subject_still_speaks(backend: RulesBackend) -> None:
    # The small parser reads "walking off the job …" as the clausal subject of "said".
    text = (
        "Hundreds of nurses at the county hospital walking off the job on Monday said they had not been paid in weeks."
    )
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (
        "they had not been paid in weeks",
        "Hundreds of nurses at the county hospital",
    )


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The deal is close, an official said, speaking to the press outside the hall.", "The deal is close"),
        (
            "Talks will resume in May, a diplomat said, on condition of anonymity to describe the private meeting.",
            "Talks will resume in May",
        ),
    ],
)
def test_the_occasion_after_the_frame_is_frame(backend: RulesBackend, text: str, claim: str) -> None:
    assert only_attributed(backend, text).claim == claim


def test_a_speaking_verb_inside_the_content_stays_content(backend: RulesBackend) -> None:
    c = only_attributed(backend, "Park noted that the governor was speaking in the gym where she had once coached.")
    assert c.claim == "the governor was speaking in the gym where she had once coached"


def test_a_statement_ending_on_a_quoted_question_is_no_question(backend: RulesBackend) -> None:
    text = 'The police chief made the decision, Diaz said, adding: "Who else would you trust on safety?"'
    assert [(c.claim, c.source) for c in claims_of(backend, text)] == [("The police chief made the decision", "Diaz")]
    # A question of the writer's own stays out, quoted words or not.
    assert claims_of(backend, 'Did the chief really say "no comment" to the council?') == []


def test_the_first_word_inside_a_quotation_is_kept(backend: RulesBackend) -> None:
    c = only_attributed(backend, '"As far as the budget goes, we are fine," Oduya said.')
    assert c.claim == "As far as the budget goes, we are fine"


# -- accusations: what the source charges its object with -----------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "source", "cue"),
    [
        (
            "The senator accused the governor of hiding the budget numbers from voters.",
            "the governor of hiding the budget numbers from voters",
            "The senator",
            "accused",
        ),
        (
            "Harbour residents have repeatedly accused the ferry board of ignoring their noise complaints.",
            "the ferry board of ignoring their noise complaints",
            "Harbour residents",
            "accused",
        ),
        ("Ms Okafor accuses her rival of cowardice.", "her rival of cowardice", "Ms Okafor", "accuses"),
        (
            "He and his deputy accuse the council of wasting the flood money.",
            "the council of wasting the flood money",
            "He and his deputy",
            "accuse",
        ),
        # "of lying" hung on a noun inside the object, or on its last conjunct: still the charge.
        (
            "The coach accused the landlord of the arcade of selling the naming rights twice.",
            "the landlord of the arcade of selling the naming rights twice",
            "The coach",
            "accused",
        ),
        (
            "Lund accused the mayor and his aides of shredding the tender files.",
            "the mayor and his aides of shredding the tender files",
            "Lund",
            "accused",
        ),
    ],
)
def test_an_accusation_reports_its_charge(backend: RulesBackend, text: str, claim: str, source: str, cue: str) -> None:
    found = claims_of(backend, text)
    assert len(found) == 1, found  # no unattributed remainder: the frame is all that is left
    c = found[0]
    assert (c.claim, c.source, c.cue) == (claim, source, cue)


def test_an_accusation_after_a_report_is_the_speakers(backend: RulesBackend) -> None:
    # A participle continuing the speaker, and "and accused" the parser hung inside what was said.
    for text in (
        "The mayor said the audit was flawed, accusing the board of burying its findings.",
        "The mayor said the audit was flawed and accused the board of burying its findings.",
    ):
        found = claims_of(backend, text)
        assert [(c.claim, c.source) for c in found] == [
            ("the audit was flawed", "The mayor"),
            ("the board of burying its findings", "The mayor"),
        ], text


def test_an_accusation_in_a_relative_clause_of_a_speaker(backend: RulesBackend) -> None:
    text = "Tenants, who accused the landlord of neglect, said the boiler had failed in March."
    found = attributed(backend, text)
    assert [(c.claim, c.source, c.source_name) for c in found] == [
        ("the landlord of neglect", "who", "Tenants"),
        ("the boiler had failed in March", "Tenants", "Tenants"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "She is accused of fraud.",
        "Ortiz was accused by prosecutors of taking bribes from a builder.",
        "The accused man denied the charges.",
        "A driver accused of speeding through the school zone was fined.",
        "The union did not accuse the mill of cutting corners.",
        "The coach accused the landlord of the arcade.",
        "The clerk, whom Ruiz accuses of losing ballots, has resigned.",
        "The tricks that Ruiz accused the clerk of using were never proven.",
        # Supposed, not made: a condition, "it is wrong to", a subject that says no one did.
        "If anyone accuses the ferry firm of cutting corners, the inspectors will hear of it.",
        "It would be unfair to accuse the ferry firm of cutting corners.",
        "Few sailors would accuse the harbour master of favouritism.",
        "Nobody accused the treasurer of taking the money.",
    ],
)
def test_accusations_that_report_nothing(backend: RulesBackend, text: str) -> None:
    assert not attributed(backend, text)


@pytest.mark.parametrize(
    "text",
    [
        "If the council says the pier is safe, it should publish the survey.",
        "Unless the operator claims the tram was full, the fine stands.",
        "If the operator claimed the tram was full, the fine would be waived.",
        "Nobody said the tram would be late.",
        "It would be too early to say the tram is late.",
        "No engineer claimed the pier could hold the crowd.",
        "Few drivers would say the new junction is safer.",
    ],
)
def test_a_report_the_text_only_supposes_has_no_source(backend: RulesBackend, text: str) -> None:
    assert not attributed(backend, text)


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        # "few" without a modal reports what the few did say; "would only say" is the past of "only says".
        ("Few drivers said the new junction was safer.", "the new junction was safer", "Few drivers"),
        ("The engineers would only say that the pier was closed.", "the pier was closed", "The engineers"),
        (
            "The council said that if the pier is safe it will reopen.",
            "if the pier is safe it will reopen",
            "The council",
        ),
    ],
)
def test_a_report_beside_a_supposition_keeps_its_source(
    backend: RulesBackend, text: str, claim: str, source: str
) -> None:
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (claim, source)


def test_a_finite_verb_the_parser_read_as_a_participle_still_reports(backend: RulesBackend) -> None:
    # "papers reported on Friday" is read as a reduced relative ("papers that were reported …").
    c = only_attributed(backend, "Two local papers reported on Friday the council had spent its reserve fund twice.")
    assert (c.claim, c.source, c.cue) == (
        "the council had spent its reserve fund twice",
        "Two local papers",
        "reported",
    )
    # A participle with its agent is a passive on the noun, no report of it.
    assert not attributed(backend, "Cases reported by the clinic last week rose to 40.")


def test_the_day_after_the_verb_is_when_they_spoke(backend: RulesBackend) -> None:
    assert only_attributed(backend, "Officials said Monday the road would reopen next week.").claim == (
        "the road would reopen next week"
    )
    # A date the claim is about stays in it.
    assert only_attributed(backend, "Officials said Monday was the last day of the closure.").claim == (
        "Monday was the last day of the closure"
    )


def test_results_and_estimates_are_documents_that_show(backend: RulesBackend) -> None:
    c = only_attributed(
        backend,
        "Preliminary results from exit surveys run by a county firm show two-thirds of voters in the valley back the "
        "levy.",
    )
    assert (c.claim, c.source_type) == ("two-thirds of voters in the valley back the levy", "document")


def test_as_results_show_with_the_verb_read_as_a_noun(backend: RulesBackend) -> None:
    # The parser hangs "results show" on "As" as a prepositional object.
    c = only_attributed(backend, "As last week's results show, the east side is still in play.")
    assert (c.claim, c.source, c.cue) == ("the east side is still in play", "last week's results", "show")


def test_a_document_compiled_by_an_owner_with_a_possessive_shows(backend: RulesBackend) -> None:
    text = "Lane gave nothing to any campaign this year but Ortiz's, county filings kept by the clerk's office show."
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == (
        "Lane gave nothing to any campaign this year but Ortiz's",
        "county filings kept by the clerk's office",
    )


def test_told_them_set_into_the_content_is_a_frame_with_an_audience(backend: RulesBackend) -> None:
    c = only_attributed(backend, "The fix, an engineer told them, would take a week.")
    assert (c.source, c.cue) == ("an engineer", "told")
    # With no content, "told them" reports nothing.
    assert not attributed(backend, "She told them in March.")


@pytest.mark.parametrize("tag", ["right", "no", "okay"])
def test_a_statement_with_a_tag_question_is_still_said(backend: RulesBackend, tag: str) -> None:
    c = only_attributed(backend, f'"The fee is all for show, {tag}?" Ana Ortiz said.')
    assert (c.claim, c.source) == (f"The fee is all for show, {tag}", "Ana Ortiz")
    assert claims_of(backend, f'"Is the fee all for show, {tag} or wrong?" Ana Ortiz asked.') == []


def test_a_name_with_an_age_after_a_fronted_phrase_speaks() -> None:
    """ "As part of his apology, Tomas Berg, 44, said …": the parser hangs the name on the phrase before it as an
    apposition and the age on the name; the name speaks."""
    rows = """
        As 11 prep IN ADP as
        part 0 pobj NN NOUN part
        of 1 prep IN ADP of
        his 4 poss PRP$ PRON his
        apology 2 pobj NN NOUN apology
        , 4 punct , PUNCT ,
        Tomas 7 compound NNP PROPN Tomas
        Berg 4 appos NNP PROPN Berg
        , 7 punct , PUNCT ,
        44 7 appos CD NUM 44
        , 7 punct , PUNCT ,
        said 11 ROOT VBD VERB say
        that 14 mark IN SCONJ that
        he 14 nsubj PRP PRON he
        misled 11 ccomp VBD VERB mislead
        the 16 det DT DET the
        board 14 dobj NN NOUN board
        . 11 punct . PUNCT .
    """
    assert relations_of_parse(rows) == [("he misled the board", "Tomas Berg", "said")]


def test_a_subject_inside_a_dashed_relative_clause_is_not_the_speaker(backend: RulesBackend) -> None:
    text = (
        "Ada Cole, who chairs the tenants' league Fair Rent - which a retired judge set up and which has backed Ruiz - "
        "said Ruiz should win easily."
    )
    c = only_attributed(backend, text)
    assert (c.claim, c.source) == ("Ruiz should win easily", "Ada Cole")
