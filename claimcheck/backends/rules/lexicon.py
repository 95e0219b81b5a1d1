"""Word lists the rules rest on, kept in one place so a change here re-keys the cache.

Every list is lower-case. :data:`LEXICON_VERSION` hashes all of them together
with :data:`RULES_VERSION`, so cached extractions go stale exactly when the
rules that made them change. The lists the editorial checks read too live in
:mod:`claimcheck.text.lexicon` and are re-exported here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from claimcheck.text.boilerplate import BOILERPLATE_PATTERNS
from claimcheck.text.lexicon import AGENTLESS_PARTICIPLES, ANONYMOUS_HEADS, NUMBER_WORDS
from claimcheck.text.names import FEMALE_TITLES, MALE_TITLES, TITLES

__all__ = [
    "ACCUSING_VERBS",
    "ACRONYM_SKIPPED_WORDS",
    "ADDRESSEE_VERBS",
    "ADVERBIAL_MARKS",
    "ADVERB_APPROXIMATIONS",
    "AGENTLESS_AS_PARTICIPLES",
    "AGENTLESS_PARTICIPLES",
    "ANONYMOUS_HEADS",
    "APPROXIMATION_CUES",
    "ARTICLES",
    "ASKING_WORDS",
    "AS_NAMING_VERBS",
    "AT_VERBS",
    "AUDIENCE_NOUNS",
    "AUTHOR_ROLES",
    "BACK_VERBS",
    "BELIEF_ADJECTIVES",
    "BE_FORMS",
    "BOILERPLATE_PATTERNS",
    "CAUSATIVE_VERBS",
    "CITING_VERBS",
    "CLAIM_NOUNS",
    "CLAUSE_MARKERS",
    "CLAUSE_ONLY_VERBS",
    "COLON_LEAD_NOUNS",
    "COMPARATIVES",
    "CONDITIONAL_MARKS",
    "CONTRAST_CONJUNCTIONS",
    "CONTRAST_MARKS",
    "CORE_SPEECH_VERBS",
    "DEED_VERBS",
    "DEFINITE_DETERMINERS",
    "DETERMINERS",
    "DOCUMENT_MAKING_VERBS",
    "DOCUMENT_NOUNS",
    "DOCUMENT_VERB_FORMS",
    "FEMALE_TITLES",
    "FINDING_VERBS",
    "FINITE_TAGS",
    "GOVERNMENT_HEADS",
    "GOVERNMENT_PHRASES",
    "GOVERNMENT_WORDS",
    "GROUP_QUANTIFIERS",
    "HEDGING_MODALS",
    "INTERLOCUTOR_PREPOSITIONS",
    "ISSUING_VERBS",
    "LEADING_SUBORDINATORS",
    "LEMMA_FIXES",
    "LEXICON_VERSION",
    "LIFE_STAGES",
    "MALE_TITLES",
    "MEANS_PREPOSITIONS",
    "MEDIA_NAMES",
    "MEDIA_NOUNS",
    "NAMING_VERBS",
    "NEGATIONS",
    "NEGATIVE_SUBJECTS",
    "NOMINAL_SUBJECT_DEPS",
    "NON_SPEAKER_LABELS",
    "NON_SPEECH_PARTICLES",
    "NUMBER_WORDS",
    "OCCASION_PARTICIPLES",
    "ORGANIZATION_HEADS",
    "ORGANIZATION_WORDS",
    "OWNER_PREPOSITIONS",
    "PARTICIPLE_PREPOSITIONS",
    "POLL_NOUNS",
    "POLL_SAMPLES",
    "PREPOSITION_APPROXIMATIONS",
    "PRESCRIPTIVE_MODALS",
    "QUESTION_VERBS",
    "QUESTION_WORDS",
    "QUOTE_VERBS",
    "REFLEXIVE_PRONOUNS",
    "REPORTING_VERBS",
    "REPORT_CONTINUATIONS",
    "RULES_VERSION",
    "SAID_THING_OBJECTS",
    "SHARE_HEADS",
    "SPEAKER_PRONOUNS",
    "SPEECH_ACTS",
    "SPOKESPERSON_NOUNS",
    "STANCE_ADJECTIVES",
    "STANCE_NOUNS",
    "STANCE_VERBS",
    "STATEMENT_NOUNS",
    "SUBJECT_DEPS",
    "SUBJECT_PRONOUNS",
    "SUPPOSING_MODALS",
    "THAT_CLAUSE_NOUNS",
    "TIME_PREPOSITIONS",
    "TITLES",
    "UNCERTAINTY_CUES",
    "UNIT_NOUNS",
    "VIEW_NOUNS",
    "WRITERS_LINKS",
]

#: Bump when the code of a rule changes in a way the word lists do not show.
RULES_VERSION = "rules-3"

#: Reporting verbs only with a clause after them: assuring or reminding someone that … tells them it, feeling
#: that … believes it, a court that rules that … holds it; "reminded us of", "felt slighted", "ruled the city",
#: "ruled out a tax" report nothing.
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset("""assure remind feel rule""".split())

#: Verbs whose subject is a source and whose clausal complement is what the source said.
REPORTING_VERBS: frozenset[str] = frozenset(
    [
        "say",
        "tell",
        "add",
        "claim",
        "stress",
        "warn",
        "insist",
        "deny",
        "confirm",
        "announce",
        "write",
        "report",
        "argue",
        "acknowledge",
        "admit",
        "allege",
        "assert",
        "caution",
        "charge",
        "comment",
        "complain",
        "concede",
        "conclude",
        "contend",
        "declare",
        "describe",
        "disclose",
        "emphasize",
        "emphasise",
        "estimate",
        "explain",
        "find",
        "hint",
        "indicate",
        "inform",
        "maintain",
        "mention",
        "note",
        "observe",
        "point",
        "predict",
        "promise",
        "propose",
        "recall",
        "remark",
        "repeat",
        "reply",
        "respond",
        "reveal",
        "signal",
        "state",
        "suggest",
        "testify",
        "tweet",
        "post",
        "underscore",
        "urge",
        "vow",
        "affirm",
        "agree",
        "believe",
        "boast",
        "counter",
        "demand",
        "disagree",
        "dismiss",
        "divulge",
        "expect",
        "fear",
        "forecast",
        "guarantee",
        "hope",
        "instruct",
        "joke",
        "lament",
        "pledge",
        "proclaim",
        "protest",
        "reiterate",
        "reassure",
        "recount",
        "show",
        "speculate",
        "think",
        "threaten",
        "question",
        "theorize",
        "posit",
        "opine",
        *"""email e-mail text imply quip clarify retort reason muse""".split(),
        # Suspecting and assuming are beliefs the spec counts. Knowing verbs ("she learned that …", "knows
        # that …") are left out: the writer vouches for what follows.
        *"""suspect worry assume doubt calculate anticipate confess""".split(),
        *CLAUSE_ONLY_VERBS,
    ]
)

#: Forms the small model lemmatises wrongly ("hoped" → "hop"), mapped to the reporting verb they are.
LEMMA_FIXES: dict[str, str] = {
    **dict.fromkeys("""hopes hoped hoping""".split(), "hope"),
    **dict.fromkeys("""texted texting""".split(), "text"),
}

#: Show-type verbs a document or poll is the subject of ("county records show", "the survey finds"); the
#: small tagger often reads their present tense as a noun, so they are also matched by form after a document noun.
DOCUMENT_VERB_FORMS: frozenset[str] = frozenset(
    """show shows showed find finds found indicate indicates indicated suggest suggests suggested
    reveal reveals revealed""".split()
)

#: Verbs whose noun-phrase object is what a document or poll found ("the poll shows Ruiz with a 5-point lead",
#: "the survey found 71 percent support"): a finding, where a speaker's "said the plan" would name no proposition.
FINDING_VERBS: frozenset[str] = frozenset("""show find reveal""".split())

#: Adjectives of belief or confidence whose subject holds the clause after them ("officials are confident that").
BELIEF_ADJECTIVES: frozenset[str] = frozenset(
    """confident sure certain convinced hopeful optimistic positive adamant worried concerned afraid fearful""".split()
)

#: Adjectives of how or how soon a subject says something, whose infinitive of saying it did say ("is right to
#: note that", "was quick to point out that"): the copula's subject speaks.
SPEAKING_MANNER_ADJECTIVES: frozenset[str] = frozenset(
    """right correct wrong quick fast careful eager keen happy glad proud first""".split()
)

#: Adjectives of how readily a group says something, which a poll compares ("voters were more likely to say
#: that …", "less apt to report …"): with "more" or "less" the group did say it, so its infinitive of saying is a
#: frame like a manner adjective's; alone ("they are likely to say …") it is a forecast, not a report.
COMPARED_READINESS_ADJECTIVES: frozenset[str] = frozenset("""likely apt inclined""".split())

#: Nouns that report what someone said or believes when a "that" clause follows them ("his claim that …",
#: "complaints from the ministry that …", "her answer was that …").
CLAIM_NOUNS: frozenset[str] = frozenset(
    """claim assertion allegation argument contention insistence warning belief view suggestion complaint
    answer response reply accusation charge prediction conclusion statement position promise assurance
    admission acknowledgment acknowledgement finding estimate""".split()
)

#: Verbs that name something as something ("called the plan “a giveaway”", "dubbed him a liar"): the object
#: and what it is called are the content, the subject the source.
NAMING_VERBS: frozenset[str] = frozenset("""call dub label brand term""".split())

#: Verbs whose object and "of" phrase are what the source charges it with ("accused the mayor of lying"): the
#: object, "of" and its complement are the content, the subject the source (the passive "is accused of" names none).
ACCUSING_VERBS: frozenset[str] = frozenset("""accuse""".split())

#: Verbs that cast something as something through "as" ("described the plan as a giveaway"), in speech or
#: belief ("dismissed the report as “absurd”", "voters see the race as a referendum").
AS_NAMING_VERBS: frozenset[str] = frozenset(
    """describe characterize characterise portray depict dismiss cast see view regard cite""".split()
)

#: Quantifiers that name a group of people when they are a reporting verb's whole subject ("most said …").
GROUP_QUANTIFIERS: frozenset[str] = frozenset("""most many few several""".split())

#: Subject words that say no one did what the verb reports ("nobody said …", "no one would accuse …").
NEGATIVE_SUBJECTS: frozenset[str] = frozenset("""nobody none noone no""".split())

#: Marks of a clause that only supposes its verb ("if you say …", "unless critics accuse …").
CONDITIONAL_MARKS: frozenset[str] = frozenset("""if unless""".split())

#: Modals that make a verb a supposition when its subject is "few" or "no one" ("few would accuse …").
SUPPOSING_MODALS: frozenset[str] = frozenset("""would could might""".split())

#: Verbs that put a figure on something through "at" ("the poll puts her approval at 49 percent").
AT_VERBS: frozenset[str] = frozenset("""put estimate peg""".split())

#: Participles of the occasion a frame names after its verb ("said, speaking to reporters", "told CNN, appearing on
#: its morning show"): how or where the speaker spoke, frame like "in an interview", never what was said.
OCCASION_PARTICIPLES: frozenset[str] = frozenset("""speak talk appear""".split())

#: Verbs that report speech only beside the quotation they frame ("“…,” she continued", "shouted, “Cruz!”").
QUOTE_VERBS: frozenset[str] = frozenset("""continue shout yell exclaim interject scream""".split())

#: Verbs that report a retort with the particle "back" ("shot back that …", "“…,” she fired back").
BACK_VERBS: frozenset[str] = frozenset("""shoot fire""".split())

#: Nouns of "in X's view, …": the holder's view is the rest of the sentence.
VIEW_NOUNS: frozenset[str] = frozenset("""view opinion estimation mind eyes words judgment telling account""".split())

#: Nouns of something said that a colon lead hands a quotation to its speaker with ("Lopez gave a blunt answer:
#: “…”", "she kept to her usual message: “…”"): :data:`CLAIM_NOUNS` and these; not a sign, a headline or a slogan.
COLON_LEAD_NOUNS: frozenset[str] = CLAIM_NOUNS | frozenset(
    """lines line message words verdict explanation advice retort pitch plea appeal summary reaction""".split()
)

#: Third-person subject pronouns that name a speaker (not "it", nor the writer's "I" and "we").
SPEAKER_PRONOUNS: frozenset[str] = frozenset("""he she they""".split())

#: Nouns of "in a poll, …": what the poll found is the rest of the sentence.
POLL_NOUNS: frozenset[str] = frozenset("""poll survey study""".split())

#: Stages of life: "saw the film as a child" says when, not how the object is seen.
LIFE_STAGES: frozenset[str] = frozenset(
    """child kid boy girl baby toddler teen teenager youngster youth student schoolboy schoolgirl adult""".split()
)

#: Light verbs whose object makes a stance of their subject, the "that" clause its content ("expressed
#: concern that"); "make" has its own frame ("made it clear that", "made the case that").
STANCE_VERBS: frozenset[str] = frozenset("""express voice raise reiterate repeat share offer""".split())

#: Objects of a stance verb that report what the subject holds ("expressed concern that …").
STANCE_NOUNS: frozenset[str] = frozenset(
    """concern concerns hope fear fears doubt doubts worry case point optimism confidence skepticism scepticism
    frustration outrage regret disappointment surprise alarm""".split()
)

#: Predicates of "make (it) … that" that state ("made it clear that", "made clear they …").
STANCE_ADJECTIVES: frozenset[str] = frozenset("""clear plain known""".split())

#: Verbs that put out a statement, so a colon after their object introduces its words
#: ("Park released this statement: …").
ISSUING_VERBS: frozenset[str] = frozenset("""release issue post publish send give read""".split())

#: Particles that give a reporting verb a non-speech sense ("may show up", "wrote off the costs").
NON_SPEECH_PARTICLES: frozenset[str] = frozenset("""up off down away""".split())

#: Objects that stand for what was said, so the verb reports no clause ("an hour after she said them", "their
#: faces said a lot", "she said nothing").
SAID_THING_OBJECTS: frozenset[str] = frozenset("""it them lot lots nothing little plenty""".split())

#: Words that open a line with a colon without naming a speaker (metadata headers, not transcript labels).
NON_SPEAKER_LABELS: frozenset[str] = frozenset(
    """headline subtitle title date dateline publisher source sources photo photos caption credit update
    updated editor note related read watch listen correction clarification q a""".split()
)

#: Verbs so nearly always reporting that a noun-phrase object with a clause inside still counts
#: ("said the strikes “intended to …”" is a misparse of a complement clause).
CORE_SPEECH_VERBS: frozenset[str] = frozenset({"say", "tell", "add", "write", "report", "claim", "insist", "stress"})

#: Nouns in "said in a statement / in an interview" that belong to the cue (spec examples).
STATEMENT_NOUNS: frozenset[str] = frozenset(
    [
        "statement",
        "interview",
        "release",
        "tweet",
        "post",
        "briefing",
        "email",
        "e-mail",
        "conference",
        "speech",
        "letter",
        "message",
        "video",
        "broadcast",
        "address",
        "announcement",
        "testimony",
        "hearing",
        "podcast",
        "call",
        "remarks",
    ]
)

#: Objects of "told" that belong to the cue ("told reporters"), not to the content.
AUDIENCE_NOUNS: frozenset[str] = frozenset(
    ["reporters", "journalists", "press", "lawmakers", "parliament", "congress", "audience", "crowd", "supporters"]
)

#: Reporting verbs whose direct object is the one spoken to ("told state television", "warned lawmakers").
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    """tell inform assure reassure remind warn urge advise caution instruct promise email e-mail text brief
    ask notify""".split()
)

#: Unnamed speakers for a body: their ``source_name`` is the body ("a spokeswoman for the inspectorate").
SPOKESPERSON_NOUNS: frozenset[str] = frozenset(
    ["spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "spokesmen", "spokeswomen"]
)

#: Heads of source phrases that are documents cited without a speaker.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    [
        "report",
        "study",
        "statement",
        "filing",
        "document",
        "survey",
        "poll",
        "memo",
        "letter",
        "analysis",
        "data",
        "figures",
        "record",
        "records",
        "paper",
        "review",
        "audit",
        "complaint",
        "lawsuit",
        "indictment",
        "affidavit",
        "ruling",
        "transcript",
        "assessment",
        "research",
        "census",
        "release",
        "notice",
        "tally",
        "count",
        "findings",
        "note",
        "documents",
        "reports",
        "polls",
        "surveys",
        "accounts",
        "papers",
        *"""suit petition filings files exit-poll""".split(),
        # What a count or a poll returns ("election results show", "official estimates suggest")
        *"""results statistics estimates projections""".split(),
    ]
)

#: Words that make a source phrase an arm of government.
GOVERNMENT_WORDS: frozenset[str] = frozenset(
    [
        "ministry",
        "ministries",
        "department",
        "agency",
        "agencies",
        "police",
        "army",
        "military",
        "government",
        "pentagon",
        "kremlin",
        "congress",
        "senate",
        "parliament",
        "administration",
        "authorities",
        "authority",
        "commission",
        "navy",
        "forces",
        "embassy",
        "cabinet",
        "fbi",
        "cia",
        "nsa",
        "dhs",
        "idf",
        "court",
        "prosecutors",
        "prosecutor",
        "regime",
        "council",
        "treasury",
        "state-run",
        "whitehall",
        "downing",
        "interior",
        "coastguard",
        "guard",
        "marines",
        "ministers",
    ]
)

#: Head nouns that make a definite description an arm of government ("the regulator said"). Matched on the
#: head only: as modifiers they name a person's affiliation ("a city resident", "the state's governor").
GOVERNMENT_HEADS: frozenset[str] = frozenset(
    [
        "regulator",
        "regulators",
        "watchdog",
        "city",
        "county",
        "state",
        "municipality",
        "borough",
        "district",
        "province",
        "legislature",
        "assembly",
        "tribunal",
        "inspectorate",
        "ombudsman",
        "prosecution",
        "presidency",
        "junta",
    ]
)

#: Multi-word government names looked for in the lower-cased source phrase.
GOVERNMENT_PHRASES: tuple[str, ...] = ("white house", "state department", "air force", "home office", "downing street")

#: Words that make a source phrase a non-government organisation.
ORGANIZATION_WORDS: frozenset[str] = frozenset(
    [
        "company",
        "firm",
        "party",
        "group",
        "organization",
        "organisation",
        "union",
        "campaign",
        "charity",
        "bank",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "plc",
        "foundation",
        "institute",
        "university",
        "association",
        "committee",
        "coalition",
        "alliance",
        "militia",
        "movement",
        "network",
        "ngo",
        "federation",
        "club",
        "league",
        "hospital",
        "airline",
        "manufacturer",
        "startup",
    ]
)

#: Head nouns that make a definite description a non-government body ("the utility said"), on the head only
#: for the reason given at :data:`GOVERNMENT_HEADS`.
ORGANIZATION_HEADS: frozenset[str] = frozenset(
    [
        "utility",
        "utilities",
        "operator",
        "carrier",
        "insurer",
        "retailer",
        "lender",
        "supplier",
        "provider",
        "contractor",
        "maker",
        "producer",
        "publisher",
        "distributor",
        "consortium",
        "conglomerate",
        "nonprofit",
        "non-profit",
        "school",
        "college",
        "academy",
        "museum",
        "chain",
        "supermarket",
        "brand",
        "team",
        "trust",
        "board",
        "church",
        "studio",
        "airport",
    ]
)

#: News organisations named as sources (lower-cased full names and their usual short forms).
MEDIA_NAMES: frozenset[str] = frozenset(
    {
        "reuters", "ap", "afp", "bloomberg", "bbc", "cnn", "nbc", "abc", "cbs", "msnbc", "npr", "pbs", "politico",
        "associated press", "agence france-presse", "new york times", "times", "washington post", "post",
        "wall street journal", "journal", "guardian", "telegraph", "independent", "financial times", "ft",
        "economist", "fox news", "al jazeera", "sky news", "daily mail", "mail", "new york post",
        "los angeles times", "usa today", "the hill", "haaretz", "times of israel", "xinhua", "tass",
        "interfax", "yonhap", "kyodo", "dpa", "ansa", "efe", "le monde", "der spiegel", "breitbart",
        "huffington post", "buzzfeed news", "vox", "the atlantic", "newsweek", "time", "abc news",
        "cbs news", "nbc news", "bloomberg news", "the new york post", "the daily beast", "axios",
    }
)  # fmt: skip

#: Common nouns that make a source phrase a news outlet.
MEDIA_NOUNS: frozenset[str] = frozenset(
    [
        "newspaper",
        "magazine",
        "outlet",
        "broadcaster",
        "tabloid",
        "daily",
        "network",
        "channel",
        "website",
        "wire",
        "agency",
        "television",
        "radio",
    ]
)

#: Uncertainty cues (spec section 2), matched as lower-case token sequences.
UNCERTAINTY_CUES: tuple[str, ...] = (
    "reportedly", "allegedly", "alleged", "purportedly", "supposedly", "apparently", "possibly",
    "probably", "perhaps", "likely", "unlikely", "unconfirmed", "unverified", "may", "might", "could",
    "appears to", "appeared to", "appear to", "seems to", "seemed to", "seem to",
    "suspected", "rumoured", "rumored",
)  # fmt: skip

#: Approximation cues; they hedge only before a number ("about 30", not "talked about").
APPROXIMATION_CUES: tuple[str, ...] = (
    "at least", "more than", "less than", "fewer than", "nearly", "almost", "about", "around",
    "roughly", "approximately", "some", "an estimated", "up to", "over", "as many as", "as much as",
    "close to", "upwards of", "at most", "just over", "just under", "estimated", "virtually",
)  # fmt: skip

#: Approximation cues that hedge a verb or an adjective as well as a number ("nearly doubled", "almost
#: unchanged", "virtually deadlocked"); the others hedge only a number ("talked about", "won over").
ADVERB_APPROXIMATIONS: frozenset[str] = frozenset("""almost nearly roughly virtually""".split())

#: Participles that, passive and agentless before "as", hedge the way "believed to be" does ("is seen as the
#: favourite", "widely regarded as"): the writer reports a view and names no one who holds it.
AGENTLESS_AS_PARTICIPLES: frozenset[str] = frozenset("""seen viewed regarded""".split())

#: The people a poll samples: "likely" before them names the sample ("likely voters"), it hedges nothing.
POLL_SAMPLES: frozenset[str] = frozenset("""voter voters caucusgoers caucus-goers electorate""".split())

#: Words that open a clause and are not part of what a source said.
CLAUSE_MARKERS: frozenset[str] = frozenset(
    ["that", "and", "but", "while", "whereas", "as", "because", "so", "where", "which", "who", ","]
)

#: Tags of a finite verb, and the dependency labels of a clause's subject: the parse's marks of a clause of
#: its own, read by the frames, the content boundaries and the claims' own checks.
FINITE_TAGS: frozenset[str] = frozenset("""VBD VBP VBZ MD""".split())
SUBJECT_DEPS: frozenset[str] = frozenset("""nsubj nsubjpass csubj expl""".split())
#: The labels of a noun (or pronoun) subject, active or passive: the subjects that can name someone.
NOMINAL_SUBJECT_DEPS: frozenset[str] = frozenset("""nsubj nsubjpass""".split())

#: Verbs that report a question ("asked whether …"): what they report is no claim.
QUESTION_VERBS: frozenset[str] = frozenset("""ask wonder inquire enquire""".split())
#: The question words that open what a question asks about ("Asked if she believed A, …", "pressed him on why he
#: had said A"): not "when" or "what", which open a time clause or a relative one as often ("When asked, …").
ASKING_WORDS: frozenset[str] = frozenset("""whether if why how""".split())
#: Words that open an indirect question ("asked whether …", "questioned how …"): it states nothing.
QUESTION_WORDS: frozenset[str] = ASKING_WORDS | frozenset("""what when where who whom which""".split())

#: Modals that make a writer's sentence a prescription, not a checkable claim ("They should listen to it").
PRESCRIPTIVE_MODALS: frozenset[str] = frozenset(["should", "ought", "must"])

#: Roles that make "X is a columnist …" an author bio (spec section 1), even without a byline naming X.
AUTHOR_ROLES: frozenset[str] = frozenset(
    ["columnist", "contributor", "commentator", "correspondent", "writer", "author", "editor", "novelist", "fellow"]
)


# --- words the frames and the content boundaries read ----------------------------------------

#: Verbs that bring their object to speak ("led critics to say", "prompted her to call"): the object speaks.
CAUSATIVE_VERBS: frozenset[str] = frozenset(
    """lead prompt cause force push spur drive compel inspire persuade convince""".split()
)

#: Prepositions of time a participle of saying can follow ("after saying", "before telling", "since arguing").
TIME_PREPOSITIONS: frozenset[str] = frozenset("""after before since upon on while""".split())

#: Prepositions of means a participle of saying can follow ("closed the session by announcing …", "in saying so").
MEANS_PREPOSITIONS: frozenset[str] = frozenset("""by in""".split())

#: Every preposition whose participle of saying speaks for the main verb's subject.
PARTICIPLE_PREPOSITIONS: frozenset[str] = TIME_PREPOSITIONS | MEANS_PREPOSITIONS

#: Reporting verbs that, as the means of a deed, are the deed ("by ensuring …", "by showing …"), not speech.
DEED_VERBS: frozenset[str] = FINDING_VERBS | frozenset("""ensure guarantee indicate signal""".split())

#: Subordinators of a clause that sets a second report beside the first rather than inside it ("A said B, while
#: C said D"); a part of both lists of subordinators below.
CONTRAST_MARKS: frozenset[str] = frozenset("""while whereas although though""".split())
#: Subordinators of a clause of time, manner or cause after a frame ("said as she left", "told them when asked"):
#: the circumstance of the report, not what was said.
ADVERBIAL_MARKS: frozenset[str] = CONTRAST_MARKS | frozenset(
    """as when after before since until once because""".split()
)
#: Subordinators of a clause that leads into the sentence's main clause ("If she said …, …"): what was said in it
#: ends with it.
LEADING_SUBORDINATORS: frozenset[str] = CONTRAST_MARKS | frozenset(
    """if when whenever because since once unless until after before""".split()
)

#: Conjunctions by which a speaker's second report answers the first ("said A but added B").
CONTRAST_CONJUNCTIONS: frozenset[str] = frozenset("""but yet""".split())
#: Verbs that only go on with a report ("…, adding", "…, saying", "…, noting"): the reporting speaker's acts.
REPORT_CONTINUATIONS: frozenset[str] = frozenset("""add say note""".split())

#: Reflexive pronouns: a verb's object of its own ("calls itself Harbour Watch"), never an addressee.
REFLEXIVE_PRONOUNS: frozenset[str] = frozenset(
    """itself himself herself themselves myself ourselves yourself""".split()
)

#: Pronouns in the subject's case: a speaker before a misread reporting verb ("He claims …"), or the subject of
#: its complement after it.
SUBJECT_PRONOUNS: frozenset[str] = frozenset("""i you he she it we they""".split())

#: Nouns that take a "that" clause of their own ("the fact that …", "the news that …"), which is no complement
#: of the verb the noun hangs on.
THAT_CLAUSE_NOUNS: frozenset[str] = frozenset(
    """fact news idea notion revelation report evidence sense hope possibility""".split()
)

#: Participles of the speaker's own act after what was said ("…, citing figures", "…, pointing to polls").
CITING_VERBS: frozenset[str] = frozenset("""cite point refer quote invoke echo blame credit""".split())
#: Acts of speech a speaker's series of participles goes on with ("…, telling X that A and accusing Y of B").
SPEECH_ACTS: frozenset[str] = (
    REPORTING_VERBS
    | NAMING_VERBS
    | CITING_VERBS
    | ACCUSING_VERBS
    | frozenset("""criticize praise defend reject""".split())
)

#: Words after an interposed frame that open the writer's own clause, not more of what was said ("…, she
#: said, as crews worked").
WRITERS_LINKS: frozenset[str] = frozenset("""as while whereas and but""".split())

# --- words the source resolution reads ---------------------------------------------------------

#: Determiners a name drops at its start ("the ministry" → ministry), which a share keeps ("those who voted").
DETERMINERS: frozenset[str] = frozenset("""the a an this that these those""".split())
#: The determiners that pick out one thing the text means, not a kind ("the owner of the mill", not "a mill").
DEFINITE_DETERMINERS: frozenset[str] = DETERMINERS - {"a", "an"}
#: Prepositions that name a document's or spokesperson's owner ("a report by the Trust", "a spokesman for X").
OWNER_PREPOSITIONS: frozenset[str] = frozenset("""by from of for at""".split())
#: Verbs whose agent made a document ("a poll conducted by", "an audit carried out by"), unlike "seen by".
DOCUMENT_MAKING_VERBS: frozenset[str] = frozenset(
    """conduct carry commission release publish prepare compile write produce issue""".split()
)
#: Prepositions whose object a clause speaks with or to ("an interview with", "a letter to").
INTERLOCUTOR_PREPOSITIONS: frozenset[str] = frozenset("""with to""".split())
#: Words an acronym skips when it is read off a name ("IOA" = Indian Olympic Association).
ACRONYM_SKIPPED_WORDS: frozenset[str] = frozenset("""of the and for on in at to &""".split())
#: Heads that name a share of a group ("64 percent", "a majority", "half", "two-thirds"): the group is who speaks.
SHARE_HEADS: frozenset[str] = frozenset(
    """percent % majority minority plurality half third thirds quarter quarters fifth fifths most""".split()
)

# --- words the hedges read ---------------------------------------------------------------------

#: Modals that hedge only as modals ("may" the month, "Might" a name do not): matched on the tag too.
HEDGING_MODALS: frozenset[str] = frozenset("""may might could""".split())
#: Forms of "be" before an agentless participle ("is said to", "’s believed to"): part of the hedge.
BE_FORMS: frozenset[str] = frozenset("""is are was were be been being 's ’s""".split())
#: Comparatives that make "likely" a comparison of odds, not a hedge ("voters are less likely to back it").
COMPARATIVES: frozenset[str] = frozenset("""less more most least""".split())
#: Negations after "could" that make it a past inability, stated as fact ("could not prove").
NEGATIONS: frozenset[str] = frozenset("""not n't never""".split())
#: The articles, a number only in some places after an approximation cue ("about a fifth", not "about a plan").
ARTICLES: frozenset[str] = frozenset("""a an""".split())
#: Approximation cues that are prepositions too ("talked about a plan", "charged over an incident"): after them
#: "a"/"an" is a number only before a fraction or a unit; after "more than" it always is.
PREPOSITION_APPROXIMATIONS: frozenset[str] = frozenset("""about over around some""".split())
#: Fractions and units that make "a"/"an" a number after a preposition cue ("about a fifth", "over a year").
UNIT_NOUNS: frozenset[str] = frozenset(
    """fifth sixth seventh eighth ninth tenth second minute hour day week fortnight month year decade century
    mile kilometre kilometer metre meter foot yard inch acre hectare pound ounce ton tonne litre liter gallon
    dollar euro""".split()
)


def _digest() -> str:
    """Hash the version, every list and the rules' own source, so no edit can serve a stale cache entry."""
    parts = [RULES_VERSION]
    text_dir = Path(__file__).parents[2] / "text"
    sources = [*sorted(Path(__file__).parent.glob("*.py")), *sorted(text_dir.glob("*.py"))]
    parts += [f.read_text(encoding="utf-8") for f in sources]
    for name in sorted(__all__):
        if name in ("LEXICON_VERSION", "RULES_VERSION"):
            continue
        value = globals()[name]
        parts.append(f"{name}={sorted(value) if isinstance(value, frozenset) else list(value)}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


#: Short hash of the rules' version and every word list: the backend's ``prompt_version``.
LEXICON_VERSION: str = _digest()
