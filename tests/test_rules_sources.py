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


def test_pronoun_takes_the_nearest_person_named_as_a_subject(backend: RulesBackend) -> None:
    text = (
        "Greta Lund, a spokeswoman for the port, said the ferry had been delayed by fog. "
        "The town's harbourmaster, Ingrid Solberg, closed the outer channel. "
        "“We could not see the buoys,” she said."
    )
    assert attributed(backend, text)[-1].source_name == "Ingrid Solberg"


def test_pronoun_can_point_to_an_unnamed_person(backend: RulesBackend) -> None:
    text = (
        "A porter at the station, who asked not to be named, said the lifts had failed twice. "
        "“Nobody came to fix them,” she said."
    )
    claims = attributed(backend, text)
    assert claims[1].source_name == claims[0].source_name == "porter at the station"


def test_role_with_a_name_in_apposition(backend: RulesBackend) -> None:
    people = attributed(backend, "The defendant's solicitor, Amira Castell, said her client would appeal.")
    assert people[0].source_name == "Amira Castell"
    company = attributed(backend, "The mill's owner, Harrowgate Textiles, said the looms would restart.")
    assert company[0].source_name == "Harrowgate Textiles"


def test_spokesperson_speaks_for_their_body(backend: RulesBackend) -> None:
    text = (
        "The Coastal Rescue Service said the search had ended. "
        "A spokeswoman for the service said two boats had returned to port. "
        "The crews were exhausted, the spokeswoman said."
    )
    assert [c.source_name for c in attributed(backend, text)] == ["Coastal Rescue Service"] * 3


def test_unnamed_spokesman_speaks_for_the_body_quoted_before(backend: RulesBackend) -> None:
    text = "Orwell Freight said its lorries were running late. A spokesman said the depot had flooded."
    assert attributed(backend, text)[1].source_name == "Orwell Freight"


def test_document_named_with_its_owner(backend: RulesBackend) -> None:
    text = (
        "Rents rose by a tenth last year, a survey by the Tenants Federation has found. "
        "The survey said most renters had cut back on heating."
    )
    names = [c.source_name for c in attributed(backend, text)]
    assert names == ["Tenants Federation survey", "Tenants Federation survey"]


def test_document_owned_by_the_clause_subject(backend: RulesBackend) -> None:
    text = "The academy spent more than it earned last year, according to its own accounts."
    assert attributed(backend, text)[0].source_name == "academy own accounts"


def test_definite_description_resolves_to_a_fuller_earlier_phrase(backend: RulesBackend) -> None:
    text = (
        "The plan was approved by the county's transport board on Monday. "
        "The board said the new timetable would start in May."
    )
    assert attributed(backend, text)[0].source_name == "county transport board"


def test_statement_belongs_to_whoever_issued_it(backend: RulesBackend) -> None:
    text = (
        "The Nurses Guild said in a statement that wards were understaffed. "
        "“Our members are at breaking point,” the statement said."
    )
    assert attributed(backend, text)[1].source_name == "Nurses Guild statement"


def test_company_short_form_is_not_a_police_force(backend: RulesBackend) -> None:
    text = (
        "Nobody was hurt, Kelby Police said. "
        "Brightrail, which runs the line, said repairs had begun. "
        "Trains will be replaced by buses, the company said."
    )
    assert attributed(backend, text)[2].source_name == "Brightrail"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Bills will rise in April, the utility said.", "organization"),
        ("The regulator said the merger would be reviewed.", "government"),
        ("The insurer said most claims would be paid by June.", "organization"),
        ("The county said the road would reopen on Friday.", "government"),
        ("A county resident said the road had been shut for weeks.", "anonymous"),
    ],
)
def test_institutional_description_is_typed_by_its_head(backend: RulesBackend, sentence: str, kind: str) -> None:
    claims = attributed(backend, sentence)
    assert len(claims) == 1
    assert claims[0].source_type == kind


def source_of(backend: RulesBackend, text: str, mention: str) -> Claim:
    """The attributed claim whose source mention is ``mention`` (the first one)."""
    return next(c for c in attributed(backend, text) if c.source == mention)


def test_role_resolves_to_the_person_introduced_with_its_title(backend: RulesBackend) -> None:
    # "Sens." before two names gives both the title; the one named last is the senator meant.
    text = (
        "Sens. Ada Quist (Ore.) and Bram Tolle (Nev.) argued about water rights on Tuesday. "
        "Tolle was asked whether the dams should be sold.\n\n"
        "The Nevada senator said the dams were a public trust."
    )
    assert source_of(backend, text, "The Nevada senator").source_name == "Bram Tolle"


def test_role_noun_resolves_to_the_person_at_the_centre(backend: RulesBackend) -> None:
    text = (
        "Mara Quill opened her campaign office in Eastfield on Friday.\n\n"
        "The Green nominee said rents in the town had doubled in five years. "
        "She said the council had ignored the problem."
    )
    claims = attributed(backend, text)
    assert [c.source_name for c in claims] == ["Mara Quill", "Mara Quill"]


def test_role_shared_by_two_people_is_the_one_named_last(backend: RulesBackend) -> None:
    text = (
        "In an interview with radio hosts Paul Grady and Sarah Klein, the governor defended the budget. "
        "Klein asked her about the schools.\n\n"
        "“Nobody here believes the school money is real,” the host said."
    )
    assert source_of(backend, text, "the host").source_name == "Sarah Klein"


def test_office_role_skips_a_person_with_another_office(backend: RulesBackend) -> None:
    text = (
        "Governor Lena Marsh toured the flooded valley on Monday.\n\n"
        "The senator said the federal money would arrive in June."
    )
    assert source_of(backend, text, "The senator").source_name != "Lena Marsh"


def test_surname_resolves_to_the_full_name_whatever_its_entity_label(backend: RulesBackend) -> None:
    text = (
        "Governor Lena Marsh toured the flooded valley on Monday. "
        "Marsh said the state would cover half the cost of the repairs."
    )
    claim = source_of(backend, text, "Marsh")
    assert (claim.source_name, claim.source_type) == ("Lena Marsh", "person")


def test_a_share_speaks_for_its_group(backend: RulesBackend) -> None:
    # The source of "81 percent said" is the group the share is of: its own, the sentence's, or the poll's.
    text = (
        "Ana Lind leads among likely voters in the county, according to a new Harbor College poll.\n\n"
        "While only 9 percent said they are undecided, 22 percent of those who picked a candidate "
        "said they could still change their minds.\n\n"
        "Among Lind voters, 81 percent said they are certain, while 15 percent said they might switch.\n\n"
        "Forty-one percent of people in the survey said the new tax was unfair."
    )
    names = {c.source: c.source_name for c in attributed(backend, text)}
    assert names["only 9 percent"] == "likely voters"
    assert names["22 percent of those who picked a candidate"] == "those who picked a candidate"
    assert names["81 percent"] == names["15 percent"] == "Lind voters"
    assert names["Forty-one percent of people in the survey"] == "people in the survey"


def test_a_group_is_named_without_its_number(backend: RulesBackend) -> None:
    text = "Nearly seven in 10 registered nurses said the night shifts were too long."
    claim = attributed(backend, text)[0]
    assert (claim.source_name, claim.source_type) == ("registered nurses", "anonymous")


def test_a_fraction_is_a_share_not_a_group(backend: RulesBackend) -> None:
    text = (
        "Among season-ticket holders, nearly two-thirds, 63 percent, say the club should build a new stadium. "
        "Almost a quarter, 24 percent, say it should stay put."
    )
    assert {c.source_name for c in attributed(backend, text)} == {"season-ticket holders"}


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Two-thirds of the teachers said the new timetable was worse.", "teachers"),
        ("Roughly three-quarters of drivers say the tolls are too high.", "drivers"),
        (
            "Among registered nurses at the clinic, roughly three-fifths, 61 percent, say the rota is unfair.",
            "registered nurses",
        ),
    ],
)
def test_a_plural_fraction_speaks_for_its_group(backend: RulesBackend, sentence: str, group: str) -> None:
    # "thirds" is the parse's head of "two-thirds": a share like "a third", never the name of who speaks.
    [claim] = attributed(backend, sentence)
    assert claim.source_name == group


def test_document_made_by_an_agent_is_theirs(backend: RulesBackend) -> None:
    # "conducted by" names who made the survey; "the poll" is that survey, the nearest document before it.
    text = (
        "Lind and Bower are tied in the county, according to a new poll.\n\n"
        "The survey, conducted by the Harbor Institute, found that Lind leads among women.\n\n"
        "The poll also shows that most voters want a new bridge."
    )
    names = {c.source: c.source_name for c in attributed(backend, text)}
    assert names["The survey"] == names["The poll"] == "Harbor Institute survey"


def test_a_reader_of_a_document_is_not_its_owner(backend: RulesBackend) -> None:
    text = "Beds ran out on six nights, according to an internal audit seen by this newspaper."
    assert attributed(backend, text)[0].source_name == "internal audit"


def test_a_name_the_tagger_does_not_know_that_reported_is_an_outlet(backend: RulesBackend) -> None:
    text = (
        "Pastor Dale Amsel slammed the library board on his radio show on Monday, Open Hand Watch first "
        "reported.\n\nHe said the board had betrayed the town."
    )
    claims = attributed(backend, text)
    assert (claims[0].source_name, claims[0].source_type) == ("Open Hand Watch", "media")
    assert claims[1].source_name == "Dale Amsel"


def test_a_subject_s_own_pronoun_gives_their_gender(backend: RulesBackend) -> None:
    # "Jordan Ellis said she …" makes Ellis a woman, so the later "he" is Sam Porter, not the nearer Ellis.
    text = (
        "Sam Porter said the ballots were ready. Jordan Ellis said she would run for a second term.\n\n"
        "“The count will be quick,” he said."
    )
    assert source_of(backend, text, "he").source_name == "Sam Porter"


def test_a_punctuation_mark_the_parser_tags_as_a_name_is_not_a_conjunct() -> None:
    """ "Lopez and Sen. Dana Whitfield (Ky.)" with the "." of "Ky." parsed as an apposition of the name."""
    from spacy.tokens import Doc

    from claimcheck.backends.rules.attribution import conjuncts
    from claimcheck.backends.rules.model import load_pipeline

    words = "Lopez and Sen. Dana Whitfield ( Ky . ) said".split()
    heads = [9, 0, 4, 4, 0, 4, 4, 4, 4, 9]
    deps = "nsubj cc compound compound conj punct appos appos punct ROOT".split()
    pos = "PROPN CCONJ PROPN PROPN PROPN PUNCT PROPN PROPN PUNCT VERB".split()
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in conjuncts(doc[0])] == ["Lopez", "Whitfield", "Ky"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The nearest person is a man by his given name: "she" passes over him.
        ("Erin Maddox met Paul Brandt at the depot. Later she said the depot needed new roofs.", "Erin Maddox"),
        ("Paul Brandt met Erin Maddox at the depot. Later she said the depot needed new roofs.", "Erin Maddox"),
        ("Erin Maddox met Paul Brandt at the depot. Later he said the depot needed new roofs.", "Paul Brandt"),
    ],
)
def test_given_name_tells_a_pronouns_person(backend: RulesBackend, text: str, name: str) -> None:
    (claim,) = attributed(backend, text)
    assert claim.source in ("she", "he")
    assert claim.source_name == name


def test_a_surname_alone_tells_no_gender(backend: RulesBackend) -> None:
    """ "Kelly" is a surname here, not the given name: she stays the nearest person."""
    text = "Dr. Ruth Kelly met Kelly at the depot. Later she said the depot needed new roofs."
    (claim,) = attributed(backend, text)
    assert claim.source_name is not None and "Kelly" in claim.source_name


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("LAKEVILLE, May 3 (UPI) — Former Governor Tom Reyes told voters that the levy would pass.", "Tom Reyes"),
        (
            "Lakeville (AFP) – Mayor Ann Holt has praised the crews, saying that the repairs were done early.",
            "Ann Holt",
        ),
    ],
)
def test_a_dateline_is_no_source(backend: RulesBackend, text: str, source: str) -> None:
    """The parser takes the dateline's place for the subject; the speaker is the name after the dash."""
    (claim,) = attributed(backend, text)
    assert claim.source_name == source
    assert claim.source is not None and claim.source.endswith(source)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Tom Reyes criticized the lawmakers who said the plan was too costly.", "who", "lawmakers"),
        ("The grant went to Ana Ruiz, a nurse, who said the ward had been full for weeks.", "who", "Ana Ruiz"),
    ],
)
def test_relative_pronoun_is_the_mention(backend: RulesBackend, text: str, mention: str, name: str) -> None:
    """In a relative clause frame the mention is the pronoun, resolved to the noun it hangs on."""
    claim = next(c for c in attributed(backend, text) if c.cue == "said")
    assert (claim.source, claim.source_name) == (mention, name)
    assert claim.source_start is not None and text[claim.source_start : claim.source_end] == mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A person named inside the role before the name is not part of it.
        ("Former Quist Senior Adviser Ruth Whitcombe said that she had not seen the memo.", "Ruth Whitcombe"),
        # A surname the tagger reads as a common noun still ends the name.
        ("Former Nevada Gov. Colm O’Brannigan said he had cut the sales tax.", "Colm O’Brannigan"),
        # Each conjunct without the relative clause that hangs on the last one.
        (
            "The city faced a backlash from church groups, teachers and shop owners who say the law is unfair.",
            "church groups, teachers and shop owners",
        ),
    ],
)
def test_source_name_is_the_name_alone(backend: RulesBackend, text: str, name: str) -> None:
    (claim,) = attributed(backend, text)
    assert claim.source_name == name


def test_a_phrase_that_dates_the_saying_is_no_part_of_the_mention(backend: RulesBackend) -> None:
    (claim,) = attributed(backend, "Tom Reyes at the time said he would look into paying the fees.")
    assert (claim.source, claim.source_name) == ("Tom Reyes", "Tom Reyes")
    (claim,) = attributed(backend, "Officials at the ministry said the bridge would reopen.")
    assert claim.source == "Officials at the ministry"


def test_possessive_pronoun_resolves(backend: RulesBackend) -> None:
    text = "Ben Okafor spoke on Friday. Reporters questioned his claim that the depot had been sold."
    claim = next(c for c in attributed(backend, text) if c.source == "his")
    assert claim.source_name == "Ben Okafor"
    assert claim.claim == "the depot had been sold"


# -- who speaks for a verb with no subject of its own (issue 9) --------------------------------------


def test_the_object_of_a_causative_verb_speaks(backend: RulesBackend) -> None:
    (c,) = attributed(backend, "The late vote led several councillors to say that the budget had been rushed.")
    assert (c.claim, c.source) == ("the budget had been rushed", "several councillors")


def test_a_participle_after_a_nouns_clause_speaks_for_the_main_subject(backend: RulesBackend) -> None:
    text = "Ms Lund denied the report that the mill was closing, explaining that she had seen its order book."
    (c,) = attributed(backend, text)
    assert (c.claim, c.source, c.cue) == ("she had seen its order book", "Ms Lund", "explaining")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor's office said the pool would reopen in June.",
        "The county sheriff's office said two people were hurt on the bridge.",
        "A spokesman for the governor's office said the roads were clear.",
    ],
)
def test_an_officials_office_is_government(backend: RulesBackend, text: str) -> None:
    (c,) = attributed(backend, text)
    assert c.source_type == "government"


def test_an_inverted_speaker_read_as_object(backend: RulesBackend) -> None:
    text = "“Look, the ferry needed a new engine,” added a harbour official. “It has one now.”"
    claims = attributed(backend, text)
    assert [(c.claim, c.source, c.cue) for c in claims] == [
        ("Look, the ferry needed a new engine", "a harbour official", "added"),
        ("It has one now", "a harbour official", None),
    ]


def test_a_share_set_off_by_commas_before_the_verb_speaks(backend: RulesBackend) -> None:
    (c,) = attributed(backend, "Among registered voters, about half, 52 percent, say the bridge should be rebuilt.")
    assert (c.claim, c.source_name) == ("the bridge should be rebuilt", "registered voters")


def test_speakers_of_an_interposed_frame_hung_on_the_noun_before_them(backend: RulesBackend) -> None:
    text = "The contrast with Lund, Park and others said, would be clear since Lund has no allies by his side."
    (c,) = attributed(backend, text)
    assert c.source == "Park and others"


def test_a_name_set_beside_a_name_in_the_subjects_modifier_names_the_subject(backend: RulesBackend) -> None:
    text = "One pastor backing Mr. Lund, Dan Whitby of the chapel in Marion, said he had called 150 other pastors."
    (c,) = attributed(backend, text)
    assert (c.source, c.source_name) == ("One pastor", "Dan Whitby")


def test_a_short_given_name_tells_a_pronouns_person(backend: RulesBackend) -> None:
    text = (
        "Sarah Lund said the plan was fine. Pete Moran wrote that the vote was rigged. "
        "She said the count would be close."
    )
    assert attributed(backend, text)[-1].source_name == "Sarah Lund"


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        # The subject of the clause the pronoun sits in is its antecedent, however near another person is.
        (
            "Tom Fenn, who said Mark Lund had lied, included the tax on a list of measures he said had failed.",
            "he",
            "Tom Fenn",
        ),
        # A possessor of a saying noun is the one saying it ("Fenn's claim").
        (
            "Tom Fenn spoke on Monday. Fenn's claim that Mark Lund had lied, which he said was backed by records, "
            "was denied.",
            "he",
            "Tom Fenn",
        ),
        # "they" takes a plural subject, past a pronoun of another number ("for him to be audited").
        (
            "The county council said on Friday that it would vote next month. Governor Tom Hale's critics have asked "
            "for him to be audited over what they say were his lavish travel claims.",
            "they",
            "Governor Tom Hale critics",
        ),
    ],
)
def test_a_pronoun_in_a_clause_takes_that_clauses_subject(
    backend: RulesBackend, text: str, pronoun: str, name: str
) -> None:
    assert source_of(backend, text, pronoun).source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ada Quist spoke on Monday. Ann Berry, the host, said the show would run long. "
            "In an interview with Berry, she said taxes would fall.",
            "Ada Quist",
        ),
        (
            "Tom Fenn spoke on Monday. Mark Lund, the host, said the show would run long. "
            "Speaking to Lund, he said taxes would fall.",
            "Tom Fenn",
        ),
    ],
)
def test_the_one_spoken_with_is_not_the_speaker(backend: RulesBackend, text: str, name: str) -> None:
    assert attributed(backend, text)[-1].source_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The subject met is nearest; the given name says the pronoun is the other one.
        ("Gwen Ortiz met Nigel Brandt at the depot. Later he said the depot needed new roofs.", "Nigel Brandt"),
        ("Nigel Brandt met Gwen Ortiz at the depot. Later she said the depot needed new roofs.", "Gwen Ortiz"),
    ],
)
def test_common_given_names_tell_a_pronouns_person(backend: RulesBackend, text: str, name: str) -> None:
    (claim,) = attributed(backend, text)
    assert claim.source_name == name


def test_a_persons_possessor_with_an_honorific_is_not_the_speaker(backend: RulesBackend) -> None:
    """ "Mr. Blake's campaign manager" is the manager, not Mr. Blake (spec: "Jane Doe's aide" is not Jane Doe)."""
    text = "Owen Blake spoke in Ohio. Mr. Blake's campaign manager argued that the race was close."
    (c,) = attributed(backend, text)
    assert c.source == "Mr. Blake's campaign manager"
    assert c.source_name is not None and "manager" in c.source_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The cue is a verb coordinated into the relative clause: "who" still stands for the name.
        (
            "Tom Marsh spoke in Oregon. Marsh, who backed Pruitt in April and said he would tour with him, "
            "stayed home.",
            "Tom Marsh",
        ),
        # A naming frame in a relative clause: the mention is "who", as it is for "who said".
        ("Ruth Adler, who called the young lifeguard “a local hero,” spoke on Monday.", "Ruth Adler"),
    ],
)
def test_a_relative_pronoun_speaks_for_its_noun(backend: RulesBackend, text: str, name: str) -> None:
    (c,) = attributed(backend, text)
    assert (c.source, c.source_name) == ("who", name)


def test_a_name_with_a_which_clause_is_a_body_its_spokesman_speaks_for(backend: RulesBackend) -> None:
    text = (
        "Harlow Foods, which owns the bakery, said prices would rise. "
        "A spokesman said the company had warned suppliers."
    )
    claims = attributed(backend, text)
    assert claims[0].source_type == "organization"
    assert (claims[1].source, claims[1].source_name) == ("A spokesman", "Harlow Foods")


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # The participle is the speaker's next act, though the parser hangs it inside what she said.
        (
            "The mayor insisted it was premature to decide, while adding that the ferry plan had merit.",
            [("it was premature to decide", "The mayor"), ("the ferry plan had merit", "The mayor")],
        ),
        (
            "Okafor said her brother had run the mill well and would do the same at the port, saying that he "
            "backs a higher wage.",
            [
                ("her brother had run the mill well and would do the same at the port", "Okafor"),
                ("he backs a higher wage", "Okafor"),
            ],
        ),
        # "said A but added B": both reports are the speaker's, not the subject of A's ("it").
        (
            "The coach said it was too early to name a cause but added, “I think we all know how it ended.”",
            [
                ("it was too early to name a cause", "The coach"),
                ("I think we all know how it ended", "The coach"),
            ],
        ),
        (
            "The minister said the ferry was safe and added that inspections would go on.",
            [("the ferry was safe", "The minister"), ("inspections would go on", "The minister")],
        ),
        (
            "The mayor conceded Okafor had touched the reporter but implied that it was the reporter's fault.",
            [("Okafor had touched the reporter", "The mayor"), ("it was the reporter's fault", "The mayor")],
        ),
        # A person named in the content may be the one who does it: the participle stays in the content.
        (
            "The secretary said Okafor had praised the islands at the launch, calling them a special place.",
            [("Okafor had praised the islands at the launch, calling them a special place", "The secretary")],
        ),
    ],
)
def test_a_second_report_hung_inside_the_first_is_the_speakers(
    backend: RulesBackend, text: str, claims: list[tuple[str, str]]
) -> None:
    assert [(c.claim, c.source) for c in attributed(backend, text)] == claims


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The relative pronoun is the subject of what was said; the pronoun before the verb speaks.
        ("Brandt thanked the donors for their gifts to the museum, which she argued needs a new wing.", "she"),
        ("The panel looked at the drawdown of the ferry crews, which they say left a gap in the service.", "they"),
    ],
)
def test_a_speaker_inside_a_relative_clause_is_not_the_relative_pronoun(
    backend: RulesBackend, text: str, source: str
) -> None:
    (c,) = attributed(backend, text)
    assert c.source == source
