"""The one list of titles and honorifics: what says what a person is, not who.

The rules strip these from a resolved ``source_name``, the scorer drops them
before comparing names (spec section 4), and the checks skip them when they
read a person's name out of a mention. One list keeps the three in step: a
title the rules strip but the scorer keeps would count against a correct name.
"""

from __future__ import annotations

__all__ = [
    "FEMALE_GIVEN_NAMES",
    "FEMALE_TITLES",
    "HONORIFICS",
    "MALE_GIVEN_NAMES",
    "MALE_TITLES",
    "OFFICE_WORDS",
    "PUBLIC_OFFICES",
    "ROLE_NOUNS",
    "TITLES",
    "TITLE_EXPANSIONS",
    "TITLE_PHRASES",
    "TITLE_QUALIFIERS",
    "TITLE_WORDS",
]

_TITLE_WORDS = """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam monsieur herr
    president vice secretary minister spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen
    senator sen rep representative congressman congresswoman gov governor mayor chancellor premier
    general gen col colonel major maj capt captain lt lieutenant sgt sergeant admiral adm commander cmdr brig
    chief chairman chairwoman chairperson chair ceo cfo coo founder director ambassador envoy commissioner
    judge justice attorney prosecutor sheriff inspector superintendent officer detective constable
    king queen prince princess pope rev reverend rabbi imam father sheikh ayatollah cardinal bishop
    deputy acting former interim undersecretary official aide adviser advisor counsel
    speaker leader head barrister lawyer solicitor councillor councilman councilwoman
"""
#: Title words, lower-case and without a final dot ("Mr." is looked up as "mr").
TITLE_WORDS: frozenset[str] = frozenset(_TITLE_WORDS.split())
#: The same with their abbreviated spellings ("mr.", "sen."), for looking up a token's lower-case text as it is.
TITLES: frozenset[str] = TITLE_WORDS | frozenset(f"{w}." for w in TITLE_WORDS) | frozenset({"vice-president"})

_EXPANSIONS = """
    sen:senator sens:senator rep:representative reps:representative gov:governor gen:general col:colonel
    maj:major capt:captain lt:lieutenant sgt:sergeant adm:admiral cmdr:commander brig:brigadier prof:professor
    rev:reverend supt:superintendent insp:inspector det:detective pres:president amb:ambassador
"""
#: Abbreviated titles and the title they stand for ("Sen." is a senator): how "the senator" finds "Sen. Ada Quist".
TITLE_EXPANSIONS: dict[str, str] = dict(pair.split(":") for pair in _EXPANSIONS.split())

_ROLE_NOUNS = """
    nominee candidate contender challenger incumbent frontrunner front-runner hopeful rival opponent
    host anchor moderator presenter interviewer columnist commentator pundit strategist pollster
    lawmaker legislator politician campaigner activist organizer organiser
    businessman businesswoman billionaire tycoon mogul magnate entrepreneur executive investor developer
    pastor preacher priest minister cleric actor actress singer comedian author novelist
    economist scientist researcher physician doctor surgeon nurse teacher professor coach player
    defendant plaintiff suspect victim survivor veteran widow mother father son daughter brother sister
    husband wife owner landlord farmer driver pilot captain
"""
#: Nouns for what one person is ("the nominee", "the host"): a definite one stands for a person the text names.
ROLE_NOUNS: frozenset[str] = frozenset(_ROLE_NOUNS.split())

_MALE = "mr sir lord king prince father spokesman congressman chairman"
_FEMALE = "mrs ms miss dame lady queen princess spokeswoman congresswoman chairwoman"
MALE_TITLES: frozenset[str] = frozenset(_MALE.split()) | frozenset({"mr."})
FEMALE_TITLES: frozenset[str] = frozenset(_FEMALE.split()) | frozenset({"mrs.", "ms."})
#: The gendered titles with "Dr" and "Prof": a mention with one names a person ("Mr Park", "Dr Lee"); the rules
#: read none of them as the role a source is found by.
HONORIFICS: frozenset[str] = MALE_TITLES | FEMALE_TITLES | frozenset("""dr dr. prof prof.""".split())
#: Title words that qualify a role rather than name one ("former", "acting", "vice").
TITLE_QUALIFIERS: frozenset[str] = frozenset("""former acting interim deputy vice""".split())
#: Public offices whose holder's office speaks for government ("the mayor's office", "the sheriff's office").
PUBLIC_OFFICES: frozenset[str] = frozenset(
    """president governor gov mayor senator sen representative rep congressman congresswoman sheriff attorney
    prosecutor minister secretary premier chancellor commissioner comptroller treasurer""".split()
)

# Common English given names (US and UK usage, with their usual short forms) that nearly always name one sex;
# names given to both ("Jordan", "Leslie", "Kelly", "Lee", "Terry", "Dana", "Robin") are left out.
_MALE_GIVEN = """
    aaron abe abraham adam adrian al alan albert alec alex alexander alfred allan allen alvin andre andrew andy
    angelo anthony antonio archie arnold arthur austin barry bart ben benjamin bennett benny bernard bernie bert
    bill billy bob bobby brad bradley brandon brendan brent brett brian bruce bryan bud byron calvin carl carlos
    cecil chad charles charlie chester chris christian christopher chuck clarence claude clay clayton cliff
    clifford clint clyde cody colin connor conrad craig curt curtis cyril dale dan daniel danny darrell
    darren dave david dean dennis derek derrick desmond dick dominic don donald doug douglas duane dustin dwayne
    dwight earl ed eddie edgar edmund eduardo edward edwin elijah elliott elmer emmanuel eric ernest ernie ethan
    eugene evan everett felix fernando floyd francis francisco frank frankie franklin fred freddie frederick
    gabriel gareth garrett gary gavin gene geoffrey george gerald gerard gilbert glen glenn gordon graham grant
    greg gregory gus guy hank harold harrison harry harvey hector henry herbert herman howard hugh hugo ian isaac
    ivan jack jacob jake james jared jason jay jeff jeffery jeffrey jeremiah jeremy jerome jerry jesse jim jimmy
    joe joel joey john johnny jon jonathan jorge jose joseph josh joshua juan julian julius justin karl keith ken
    kenneth kenny kevin kirk kurt kyle lance larry lawrence leo leon leonard leroy lester lewis lloyd logan lou
    louis lucas luis luke malcolm manuel marc marcus mario mark marshall martin marvin matt matthew maurice max
    melvin michael mickey miguel mike miles milton mitch mitchell morris nate nathan nathaniel neil nelson
    nicholas nick nigel noah norman oliver omar oscar otis owen patrick paul pedro percy pete peter phil philip
    phillip ralph ramon randall randolph randy raul ray raymond reggie reginald rex ricardo richard rick ricky rob
    robert roberto rod rodney roger roland ron ronald ross roy ruben rudy russ russell ryan salvador sam sammy
    samuel scott sean sebastian sergio seth shane shaun shawn sidney simon spencer stan stanley stephen steve
    steven stewart stuart ted teddy terrence theodore thomas tim timmy timothy toby todd tom tommy tony travis
    trevor troy tyler vernon victor vince vincent virgil wade wallace walt walter warren wayne wesley wilbur will
    william willie wilson zach zachary
"""
_FEMALE_GIVEN = """
    abby abigail ada adele adrienne agnes aileen alice alicia alison allison alma amanda amber amelia amy andrea
    angela angie anita ann anna anne annette annie april arlene audrey barbara beatrice becky belinda bernadette
    bernice beth bethany betsy betty beverly bonnie brenda bridget brittany candace carla carly carmen carol
    carole caroline carolyn carrie cassandra catherine cathy cecilia charlene charlotte cheryl chloe christina
    christine christy cindy claire clara claudia colleen connie constance cora courtney crystal cynthia daisy
    daphne dawn debbie deborah debra delores denise diana diane dianne dolores donna dora doreen doris dorothy
    edith edna eileen elaine eleanor elena elisabeth eliza elizabeth ella ellen eloise elsie emily emma erica erin
    esther ethel eva evelyn faith felicia fiona florence frances gail georgia geraldine gertrude gina gladys
    glenda gloria grace gwen gwendolyn hannah harriet hazel heather heidi helen helena hilda hillary holly ida
    irene iris isabel isabella jacqueline jane janet janice jasmine jean jeanette jeanne jennifer jenny jessica
    jill jo joan joann joanna joanne josephine joy joyce judith judy julia julie june karen kate katherine
    kathleen kathryn kathy katie katrina kayla kimberly kristen kristin kristina laura lauren laurie leah lillian
    lily linda lisa liz lois loretta lori lorraine louise lucia lucy lydia mabel madeleine madeline mae maggie
    marcia margaret margie maria marian marie marilyn marjorie marlene marsha martha mary maureen maxine meg megan
    melanie melinda melissa mia michelle mildred millie miranda miriam molly monica muriel myrtle nadia nancy
    naomi natalie natasha nellie nicole nikki nina nora norma olga olivia pamela patricia patsy patty paula
    pauline pearl peggy penelope penny phyllis priscilla rachel ramona rebecca regina renee rhonda rita roberta
    rosa rosalind rose rosemary ruby ruth sabrina sally samantha sandra sara sarah sharon sheila shelley shirley
    sofia sonia sophia sophie stella stephanie sue susan suzanne sylvia tamara tammy tanya teresa thelma theresa
    tiffany tina ursula valerie vanessa vera veronica vicki victoria viola violet virginia vivian wanda wendy
    yolanda yvonne zoe
"""
#: Given names that tell a person's sex when no title does: "she" can stand for "Erin Holt" but not "John Holt".
MALE_GIVEN_NAMES: frozenset[str] = frozenset(_MALE_GIVEN.split())
FEMALE_GIVEN_NAMES: frozenset[str] = frozenset(_FEMALE_GIVEN.split())

_TITLE_PHRASES = """
    secretary of state, secretary of defense, secretary of defence, secretary of the treasury,
    secretary general, secretary-general, defense secretary, defence secretary, foreign secretary,
    home secretary, press secretary, foreign minister, defence minister, defense minister, prime minister,
    health minister, finance minister, interior minister, attorney general, national security adviser,
    national security advisor, supreme leader, chief executive, chief of staff, house speaker, speaker of the house
"""
#: Multi-word titles whose parts are not all titles on their own ("Defense Secretary", "Prime Minister").
TITLE_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in (p.strip() for p in _TITLE_PHRASES.split(",")) if p
)

#: Office words that open a capitalised run before a person's name ("Defense Secretary Lloyd Austin"):
#: the titles plus the words of multi-word offices.
_OFFICE_EXTRA = "prime defense defence foreign home health state national security council white house"
OFFICE_WORDS: frozenset[str] = TITLE_WORDS | frozenset(_OFFICE_EXTRA.split())
