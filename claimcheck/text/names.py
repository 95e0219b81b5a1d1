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
    "MALE_GIVEN_NAMES",
    "MALE_TITLES",
    "OFFICE_WORDS",
    "ROLE_NOUNS",
    "TITLES",
    "TITLE_EXPANSIONS",
    "TITLE_PHRASES",
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

# Given names that nearly always name one sex (US usage); names given to both ("Jordan", "Leslie") are left out.
_MALE_GIVEN = """
    aaron adam alan albert alex alexander andrew andy anthony arthur barack ben benjamin benny bernard bernie bill
    billy bob bobby brad bradley brandon brent brian bruce bryan carl carlos charles charlie chris christopher
    chuck clarence craig dan daniel danny darrell dave david dennis dick don donald doug douglas dwight ed eddie
    edward eric ernest eugene frank frankie fred gary george gerald glenn gordon greg gregory harold harry henry
    howard jack jacob jake james jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel joey john johnny jon
    jonathan joseph josh joshua juan justin keith ken kenneth kenny kevin kurt larry lawrence louis luis marco
    mark martin matt matthew max michael mickey mike mitch mitt nate nathan newt nicholas nick noah patrick paul
    pete peter phil philip ralph rand randy ray raymond reince richard rick ricky rob robert roger ron ronald roy
    rudy russell ryan sam sammy samuel scott sean sebastian stephen steve steven ted terry thomas tim timmy
    timothy todd tom tommy tony travis victor vincent walter wayne william willie zach
"""
_FEMALE_GIVEN = """
    abigail alice alicia alison amanda amber amy andrea angela ann anna anne barbara becky beth betsy betty
    beverly brenda carly carol caroline carolyn catherine cecile cheryl christina christine cindy claire cynthia
    debbie deborah debra denise diana diane donna doris dorothy elaine elizabeth ellen emily emma erin evelyn
    frances gloria grace hannah heather heidi helen hillary huma ivanka jane janet janice jean jennifer jenny
    jessica jill joan joanne joyce judith judy julia julie karen kate katherine kathleen kathryn kathy katie
    kayleigh kelli kellyanne kimberly kristen laura lauren linda lisa liz loretta lori louise madeleine maggie
    margaret maria marie marilyn marsha martha mary meg megan megyn melania melissa michelle mika molly monica
    nancy nicole nikki nina olivia pamela patricia paula peggy rachel rebecca rose ruth sally sandra sara sarah
    sharon shirley stephanie sue susan tammy teresa theresa tiffany tina valerie victoria virginia wendy
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
