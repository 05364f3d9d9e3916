"""Closed-class English vocabulary that newslens's rules key on: titles, organisation heads, speech verbs.

These are properties of English news writing, not of any article: no names live here.
"""
from __future__ import annotations

import calendar
from functools import lru_cache
from pathlib import Path

NAME_WORDS = Path(__file__).parents[1] / "models" / "name_words.txt"

# Nouns that say what kind of body a name is, written after it in lower case ("ISIL terrorist group", "the Wagner
# military group"): a description of the name, not part of it.
COLLECTIVE_HEADS = frozenset("group organization organisation coalition movement militia network outfit".split())

# Nouns for a country's state or nation: written after its demonym they stand for the country ('the Australian
# government said', 'Russian forces', 'Chinese state media', 'the Syrian people').
NATIONAL_BODY_HEADS = frozenset("""
government administration authorities regime leadership cabinet parliament ministry military army navy forces
troops media press people
""".split())
# Lower-case words a demonym's body noun may carry between them ('Chinese state media', 'the Russian defence
# ministry'): at most this many.
NATIONAL_BODY_REACH = 2
# The armed ones among them: 'the Indonesian navy', 'Iraqi security forces' are a body of their own that belongs to
# its country (what they do or suffer is not the country's as a whole: 'the command controls Iraqi forces').
NATIONAL_FORCE_HEADS = frozenset("military army navy forces troops".split())
# Plural nouns for the people a country's state acts through: after its demonym they act for the country ('Israeli
# soldiers arrested X', 'Chinese officials criticised Y'), unlike its citizens, workers or businessmen.
STATE_AGENT_NOUNS = frozenset("officials leaders soldiers police diplomats envoys negotiators authorities ministers "
                              "commanders officers prosecutors inspectors investigators agents counterparts".split())

# Labels of a credit line or caption ('Photo: Reuters Tom Lee', 'Picture by ...'): what follows credits a source.
CREDIT_LABELS = frozenset("photo photos photograph photographs picture pictures image images credit credits video "
                          "graphic graphics illustration illustrations courtesy".split())

# Prepositions after which a place's name is where something is, not who acts ('in Lima', 'from Moscow').
LOCATIVE_PREPOSITIONS = frozenset("in at near from to into outside inside across around".split())

# Head nouns of a person's title or function ("Defense Minister", "spokesman").
ROLE_HEADS = frozenset("""
president minister secretary spokesman spokeswoman spokesperson leader chancellor ambassador general
adviser advisor director chief chairman chairwoman chair head commander governor senator mayor king queen
prince princess emperor pope judge justice professor coach founder curator envoy diplomat official officer
premier representative congressman congresswoman lawmaker prosecutor attorney lawyer analyst expert researcher
scientist author editor reporter correspondent journalist ceo executive manager captain colonel lieutenant
major sergeant admiral marshal commissioner ruler monarch dictator deputy vice-president negotiator
economist activist investigator inspector superintendent principal dean rector bishop archbishop cardinal imam
cleric rabbi priest sheikh striker goalkeeper midfielder defender captain administrator treasurer publisher
instructor co-founder cofounder member speaker whip mp mep counterpart
nominee candidate frontrunner runner contender challenger incumbent
""".split())

# Words that may precede a role head inside a title ("National Security", "Foreign", "Deputy").
ROLE_MODIFIERS = frozenset("""
prime deputy vice acting former foreign defense defence interior home state national security chief supreme
senior top interim assistant associate special general executive finance economy trade health justice
education energy environment military armed forces press communications intelligence public affairs first
emeritus regional federal local provincial district army navy air force joint staff team head majority minority
presumptive presidential vice-presidential gubernatorial congressional leading
""".split())

# Abbreviated titles written before a name.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. "
                       "brig brig. spc spc. cpl cpl. pvt pvt. cmdr cmdr. adm. "
                       "adm adm. sen sen. rep rep. gov gov. prof prof. sir dame lord lady rev rev. st st. "
                       "det det. insp insp. supt supt.".split())
# Abbreviated titles by the role they stand for ('Sen. Ana Ruiz' is the senator of 'the senator said').
TITLE_ABBREVIATIONS = {"sen.": "senator", "sen": "senator", "gov.": "governor", "gov": "governor",
                       "rep.": "representative", "rep": "representative", "pres.": "president", "gen.": "general",
                       "lt.": "lieutenant", "col.": "colonel", "adm.": "admiral", "sgt.": "sergeant", "capt.": "captain",
                       "prof.": "professor", "supt.": "superintendent", "insp.": "inspector", "cmdr.": "commander",
                       "maj.": "major", "amb.": "ambassador", "sec.": "secretary", "atty.": "attorney"}
# Honorifics that tell a person's gender ('Mr. King' is a he): what a speaker's pronoun may stand for.
GENDERED_HONORIFICS = {"mr": "male", "mr.": "male", "sir": "male", "lord": "male", "mrs": "female", "mrs.": "female",
                       "ms": "female", "ms.": "female", "miss": "female", "dame": "female", "lady": "female"}
# A person's title, in full ('Deputy Foreign Minister', 'Dr.') and by its head word only ('Minister', 'Dr.')
TITLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS | HONORIFICS
# Words that make a role another one: 'the president' is not the vice president, nor the former one.
RANK_CHANGING = frozenset("vice deputy former acting assistant associate interim lieutenant attorney prime shadow "
                          "ex junior under".split())
TITLE_HEADS = ROLE_HEADS | HONORIFICS
# Prepositions that only ever locate: what follows them is a place; with 'in' and 'at', a site.
SURROUNDING_PREPOSITIONS = frozenset("near outside around inside across throughout".split())
SITE_PREPOSITIONS = SURROUNDING_PREPOSITIONS | {"in", "at"}

# Last words of organisation names ("Syrian Democratic Forces", "unification ministry").
ORG_HEADS = frozenset("""
ministry department office agency council committee commission forces force army navy military command
group party union organization organisation association coalition alliance front movement brigade brigades
battalion regiment division corps militia government administration parliament congress senate assembly
court tribunal bank fund company corporation corp corp. inc inc. ltd ltd. llc plc university college institute
school academy hospital church foundation federation league club team network times post herald news
journal magazine press service services authority bureau board cabinet guard guards police
house wing squadron fleet battery marines gallery galleries museum library
""".split())

# The party letters of US political style ("Sen. Ana Ruiz (D-Ore.)", "Rep. Tom Reyes, R-Texas"): the party each
# stands for, as the word its names share ('Democratic Party', 'Democrats'); and the party nicknames that stand
# for such a word ('GOP' for the Republican Party).
PARTY_LETTERS = {"D": "democrat", "R": "republican", "I": "independent"}
PARTY_NICKNAMES = {"gop": "republican"}
# Those of the party words that name a party on their own in a person's title ('Republican nominee Ana Ruiz',
# 'the Democratic senator'): the party is an actor of the article even where it is named nowhere else ('an
# Independent candidate' names no party).
TITLE_PARTIES = frozenset({"democrat", "republican"})

# Words that place a name in its region or describe what kind of place it is ("northern Iraq", "the city of Mosul").
DIRECTIONS = frozenset("""north south east west northern southern eastern western northeast northwest southeast
southwest northeastern northwestern southeastern southwestern central""".split())
PLACE_NOUNS = frozenset("city town village province district governorate region county state capital "
                        "municipality prefecture oblast".split())

# Last words of named events ("Eastern Economic Forum", "World Cup").
EVENT_HEADS = frozenset("forum summit conference festival games olympics expo fair championship championships cup "
                        "war election elections congress-session".split())

# Words naming a natural feature ("Tigris River", "Lake Tharthar", "the Gulf"): places, not organisations.
GEOGRAPHIC_HEADS = frozenset("river sea gulf lake lakes ocean mountains mountain mount desert valley island islands "
                             "bay strait canal peninsula dam barrage reservoir".split())

# Last words of buildings and installations ("Press Briefing Room", "Tiyas Military Airfield"): places.
FACILITY_HEADS = frozenset("airfield airport base room building hall palace prison camp port harbor harbour "
                           "bridge stadium arena embassy consulate barracks".split())

# Last words of the names of laws and agreements ("Clean Air Act", "Paris Agreement"): documents, not actors.
DOCUMENT_HEADS = frozenset("act acts bill treaty accord accords agreement charter resolution resolutions".split())

# Last words of names of times, not of actors ("Greenwich Mean Time", "Thanksgiving Day").
TIME_HEADS = frozenset("time day eve year week month".split())

# Nouns for a vessel or an aircraft: a name the text calls 'the ship' or 'a cruise liner' is a thing, not an actor.
VESSEL_NOUNS = frozenset("ship vessel boat liner tanker ferry yacht freighter frigate destroyer submarine warship "
                         "cruiser carrier aircraft airliner plane jet helicopter drone satellite".split())
# Nouns for a publication or a broadcaster ('the magazine Rolling Stone', 'X, a weekly newspaper,'): organisations.
MEDIA_NOUNS = frozenset("newspaper tabloid daily weekly broadcaster channel website outlet publication "
                        "firm".split())

# Prefixes of ships' names ("USS Mahan", "HMS Daring"): vessels are things, not actors.
VESSEL_PREFIXES = frozenset("USS USNS HMS HMAS HMCS HMNZS FS INS ROKS JS TCG HNLMS RFS CNS".split())

# Verbs that report speech or a stated position, by lemma, with how each is used (models/speech_verbs.tsv: the
# Gender Gap Tracker's quote-verb list, each verb decided, and newslens's additions).
SPEECH_VERB_TABLE = Path(__file__).parents[1] / "models" / "speech_verbs.tsv"
SPEECH_VERB_USES = {row[0]: row[1] for row in (line.split("\t") for line in
                    SPEECH_VERB_TABLE.read_text(encoding="utf8").splitlines() if line and not line.startswith("#"))}
SPEECH_VERBS = frozenset(verb for verb, use in SPEECH_VERB_USES.items() if use in ("speech", "clause"))
# Verbs whose present or past form right after a capitalised run marks the run as a speaker's name ("Kowalczyk
# warns", "the Observer said"); their forms come from lemminflect (pipeline/entities.SPEECH_FORMS).
NAME_CUE_VERBS = frozenset("say tell add state warn note explain announce claim".split())
# Verbs that attribute a quotation next to them and report no clause ('"...," he continued').
QUOTATION_VERBS = frozenset(verb for verb, use in SPEECH_VERB_USES.items() if use == "quotation")

# Verbs that report what an authority or a finding holds, not speech: cues of reported statements in quotes
# only ("the court ruled that", "results show that"), never a sign that their subject is a speaker's name.
FINDING_VERBS = frozenset("rule show".split())

# Speech verbs that introduce a quotation only when followed by a complement clause (avoid "found a body").
CLAUSE_ONLY_VERBS = frozenset(verb for verb, use in SPEECH_VERB_USES.items() if use == "clause") | FINDING_VERBS

# What introduces another name of the same actor after its name ("Daesh (also known as ISIL)", "X, aka Y"),
# after an optional adverb ("also", "better", "formerly"). Naming verbs that are also verbs of doing ("called
# Tom", "dubbed") do so only in parentheses or before a name in quotation marks ('also called “Camp Nine”').
ALIAS_CUES = frozenset({("known", "as"), ("aka",), ("a.k.a.",), ("a.k.a",)})
NAMING_VERBS = frozenset({("called",), ("nicknamed",), ("dubbed",), ("named",)})
ALIAS_ADVERBS = frozenset("also better formerly commonly widely sometimes locally popularly officially".split())

PRONOUNS_PERSON = frozenset("he she him her his hers himself herself".split())
FEMININE_PRONOUNS = frozenset("she her hers herself".split())
# The possessive clitic as the tokenizer splits it off, straight or curly: "Russia's", "Seoul’s".
POSSESSIVE_MARKS = frozenset({"'s", "’s"})
PRONOUNS_GROUP = frozenset("it its they them their itself themselves".split())
PRONOUNS_FIRST = frozenset("i we me us my our".split())

# Coarse event classes in the spirit of CAMEO, keyed by verb or event-noun lemma.
EVENT_CLASSES = {
    "threaten": "threaten warn caution threat warning ultimatum intimidate menace",
    "accuse": "accuse blame condemn criticize criticise denounce allege accusation criticism charge deny",
    "demand": "demand urge call press insist request ask seek appeal pressure require",
    "cooperate": "cooperate ally partner join negotiate agree sign collaborate unite coordinate "
                 "negotiation negotiations agreement deal cooperation exercise exercises alliance partnership",
    "meet": "meet visit host welcome receive summit meeting talks discuss turn",
    "provide": "supply provide give send deliver sell arm fund finance equip ship transfer donate "
               "procure acquire buy purchase supplies aid",
    "fight": "fight attack strike bomb kill defeat capture target clash invade shell raid battle seize "
             "destroy retake besiege ambush shoot liberate assault attacks strikes war offensive defenses "
             "operations",
    "communicate": "tell inform message respond reply write call thank thanks order orders contact brief "
                   "request",
    "support": "support back assist help advise train endorse protect defend rescue reinforce enable "
               "encourage praise welcome advisor adviser",
    "oppose": "oppose reject sanction resist refuse boycott block veto ban expel impose",
}
EVENT_CLASS_OF = {word: event for event, words in EVENT_CLASSES.items() for word in words.split()}

# Verbs whose object is an amount ("raised VAT", "cut the rate"): what they take is a quantity, never an actor.
AMOUNT_VERBS = frozenset("raise cut lower increase reduce hike levy abolish scrap double halve freeze slash".split())

# Verbs whose object noun carries the event ("issued a warning", "delivered a message").
LIGHT_VERBS = frozenset("issue make give deliver have take express send launch hold conduct pose".split())


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Lower-cased words the training corpora write capitalised mid-sentence at least as often as not
    ('smith', 'gordon'), counted by training/build_casing.py: words used as names."""
    return frozenset(NAME_WORDS.read_text(encoding="utf8").split())


# --- Events (events.py): English words that decide whether a clause states who did what to whom. ---

# Nouns that name people or an organisation acting for an owner ("Russia's troops", "Scientology officials").
ACTING_NOUNS = ORG_HEADS | ROLE_HEADS | frozenset(
    "troops soldiers forces fighters officials people citizens men women members leaders diplomats militants "
    "rebels police staff workers authorities spokesman spokeswoman representatives delegation officers "
    "government governments regime administration detective detectives investigator investigators agents "
    "employees personnel negotiators envoys staffers crew ministers commanders lawyers attorneys "
    "prosecutors inspectors counterparts".split())

# CAMEO roots of an evaluation (05 praise, endorse, support; 11 criticise, accuse, question): an evaluation of what an
# actor owns, says or does evaluates the actor ('criticised Y's leadership', 'praised the offer by Y'), as the
# annotation guide reads it; any other act on a thing is not an act on its owner ('rejected Y's choice').
EVALUATIVE_ROOTS = frozenset({"05", "11"})

# Nouns for people close to someone, who are other people than their owner: "condoled with Y's family" does not
# address Y, "met Y's wife" meets another person.
KIN_NOUNS = frozenset("family families wife husband widow widower son sons daughter daughters mother father parents "
                      "brother brothers sister sisters child children relatives friend friends".split())

# Nouns that state an event, and what the noun's agent does to the one after 'on', 'against', 'with', 'to'.
EVENT_NOUNS = frozenset("""
attack attacks strike strikes raid raids assault offensive invasion bombing bombings airstrike airstrikes war
visit visits meeting meetings talks summit negotiations negotiation agreement agreements deal deals treaty
support aid assistance help donation donations gift loan sanctions sanction embargo ban
warning warnings threat threats ultimatum accusation accusations criticism complaint lawsuit suit appeal call calls
request requests demand demands invitation invitations offer offers message messages letter letters apology
statement interview phone-call tweet praise thanks congratulations exercises exercise cooperation partnership
alliance contract contracts campaign pressure supplies defenses defences operations fight fighting battle
battles mission missions feud feuds clash clashes
defeat capture arrest killing murder assassination kidnapping abduction execution siege blockade occupation liberation
shelling
probe probes investigation investigations inquiry allegation allegations
""".split())

# Nouns a statement is made in: 'said in a statement to X', 'in an interview with X'.
COMMUNICATION_NOUNS = frozenset("statement interview letter message email e-mail speech call remarks "
                                "conversation briefing tweet post".split())

# Verbs that state no event with an actor by themselves ('had a team', 'took the country'); an event noun they
# carry does ('held talks with', 'issued a warning to', 'made donations to').
EMPTY_VERBS = frozenset("have make take hold conduct pose launch express issue do get put keep stage carry "
                        "undertake engage".split())

# Verbs whose actor object is a topic or a category, not one acted upon.
NOT_EVENT_VERBS = frozenset("""
be become remain seem appear include involve concern regard feature name list rank say report describe discuss
mention know see consider compare think believe hear read watch find show represent resemble need want like
cite quote identify note add explain reveal announce confirm deny claim suggest estimate expect hope wish
feel observe sense rate comprise consist constitute contain form
""".split())

# Speech verbs whose object is the one addressed ('told X', 'urged X'), not what is said.
ADDRESSEE_VERBS = frozenset("tell warn caution threaten urge ask accuse inform assure thank praise criticize "
                            "criticise condemn blame call contact brief invite remind congratulate denounce decry "
                            "advise answer notify reassure".split())

# Verbs whose subjunctive clause's subject is the one told what to do ('demanded that Y resign', 'urged Y be freed' is
# read as urging Y): a 'that' clause after other verbs is what was said.
DEMANDING_VERBS = frozenset("demand urge ask request insist propose recommend".split())

# Verbs whose object does what their complement says ('asked X to help Y': X helps Y).
OBJECT_CONTROL_VERBS = frozenset("ask urge tell allow let order force persuade invite encourage help enable "
                                 "permit require instruct convince call pressure push lead".split())

# Verbs that act on the one something comes from ('sought shells from X', 'bought missiles from X').
SEEKING_VERBS = frozenset("seek buy purchase acquire request demand order import procure".split())

# Verbs whose 'from' names the one who acts ('received support from X': X supported the subject).
RECEIVING_VERBS = frozenset("receive accept get obtain".split())
# Verbs whose 'from' names the one acted on: the one its people or forces are removed from ('expelled diplomats
# from X', 'withdrew troops from X', 'recalled its ambassador from X').
REMOVING_VERBS = frozenset("expel deport evict oust withdraw recall banish".split())

# Modal auxiliaries that make an event hypothetical ('might attack').
HYPOTHETICAL_MODALS = frozenset("might could may would should".split())

# Words before where someone comes from: the name after them is a place ('a native of X', 'born in X').
ORIGIN_PHRASES = frozenset({("native", "of"), ("natives", "of"), ("resident", "of"), ("residents", "of"),
                            ("born", "in"), ("hometown", "of")})

# Prepositions whose noun is never the one an event is done to or with (events.py reads every other one as a
# target: 'fired rockets at X', 'signed a pact with X', 'voted for X'), by what they name instead:
NON_TARGET_PREPOSITIONS = frozenset(
    # a time
    "after before during since until till amid amidst"
    # a place that is only where something happens ('met at the base'; a thing sent at someone is read apart)
    " at in inside within near outside across around along beyond beneath under below above beside between among"
    " amongst via through throughout"
    # a topic ('talked about X', 'a row over X'; 'on' is a topic but after VERB_ONLY_ON)
    " about over regarding concerning on upon"
    # a beneficiary or a purpose ('worked for X', 'housing for X'), an owner or a part, a comparison, a manner,
    # a reason, an exception, a source of report
    " for of as like unlike than despite including except besides per without according because instead"
    # the agent ('by') and the source ('from'), which events.py reads on their own
    " by from".split())

# Verbs whose 'on' names the one acted on ('called on X', 'imposed sanctions on X'); for others 'on' is a topic.
VERB_ONLY_ON = frozenset("call spy impose prey declare fire turn pressure default crack".split())
# Verbs whose 'for' names the one the act is for ('voted for X', 'campaigned for X'); for others 'for' is a purpose.
VERB_ONLY_FOR = frozenset("vote campaign stump canvass".split())
# Event nouns whose 'that' clause says what the agent accuses its subject of ("X's accusation that Y lied").
ACCUSATION_NOUNS = frozenset("accusation accusations allegation allegations".split())

# --- Status of an event (status.py): whether the text asserts, reports, plans, supposes or denies it. ---

# Verbs and words whose complement is intended or scheduled, not yet done ('plans to meet', 'is set to visit').
PLAN_VERBS = frozenset("plan intend aim prepare schedule expect propose mean seek hope want wish".split())
PLAN_WORDS = frozenset("set due poised scheduled expected going slated planned proposed upcoming "
                       "forthcoming".split())
# Auxiliaries of the future ('will travel').
FUTURE_AUXILIARIES = frozenset("will shall 'll wo".split())
# Verbs whose complement did not happen ('refused to meet', 'avoided criticising').
NEGATING_VERBS = frozenset("refuse decline fail avoid deny reject cease stop halt abandon".split())
# The negating verbs that are also verbs of saying: the one who denies is the negated event's source.
DENIAL_VERBS = frozenset({"deny"})
# Adverbs that make a statement one the writer reports from others ('reportedly met').
REPORTING_ADVERBS = frozenset("reportedly allegedly purportedly supposedly apparently ostensibly".split())
# Words before a noun that make its event possible rather than stated ('a possible attack').
HYPOTHETICAL_WORDS = frozenset("possible potential hypothetical prospective would-be".split())

# --- Definite descriptions (coreference.py): 'the country' is the country the article was just talking about. ---

# Nouns that, after 'the', stand for the last country mentioned ('the country had supplied rockets').
COUNTRY_NOUNS = frozenset("country nation".split())
# Possessive determiners whose owner coreference resolves first ('his party', 'its ministry').
POSSESSIVE_DETERMINERS = frozenset("his her its their".split())

# Adjectives that state an act toward someone after a copula, with the verb whose event they state ('X was
# critical of Y': X criticised Y; 'supportive of', 'hostile to').
EVENT_ADJECTIVES = {"critical": "criticize", "supportive": "support", "hostile": "oppose", "dismissive": "dismiss",
                    "contemptuous": "disparage", "favorable": "support", "favourable": "support",
                    "sympathetic": "support", "loyal": "support", "opposed": "oppose"}
# Nouns for the one who does an act to someone ('X, a Y supporter', 'X, an ally of Y', 'X is a critic of Y'): the
# verb that names the act, with the preposition it takes.
AGENT_NOUNS = {"supporter": "support", "backer": "back", "critic": "criticize", "opponent": "oppose",
               "ally": "ally with"}


def calendar_words() -> frozenset[str]:
    """Month and day names and their dotted short forms ('January', 'Jan.', 'Sept.', 'Thurs.'), from the
    calendar module (its English names: newslens never sets a locale). 'May' has no short form."""
    names = [*calendar.month_name[1:], *calendar.day_name]
    shorts = [f"{short}." for short in [*calendar.month_abbr[1:], *calendar.day_abbr] if f"{short}." not in
              {f"{name}." for name in names}]
    return frozenset([*names, *shorts, "Sept.", "Tues.", "Thurs."])


CALENDAR_WORDS = calendar_words()  # never a name ("On Monday Kim said"), though capitalised
# Nouns that name a stretch of time: the head of an adverbial phrase ('X, who backed Y, last week said'), never a
# statement's source, whatever the parser made of it.
TIME_NOUNS = frozenset("""second minute hour day night morning afternoon evening week weekend month year decade
century today yesterday tonight tomorrow""".split())
TIME_MODIFIERS = frozenset("last this next earlier later early late that".split())  # 'earlier this month'

# Prepositions that link an act's target to its verb ('turn to', 'negotiate with', 'fight against').
LINKING_PREPOSITIONS = {"to", "with", "against", "from", "on", "at", "for", "by", "toward", "towards", "into"}


# --- Function words the syntax helpers read (english/syntax.py, extract/*). ---

# Relative pronouns that open a relative clause ('the squadron, which will fly'); with 'whose', the words that
# may follow a name inside one ('the man whose son ...').
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
RELATIVE_WORDS = RELATIVE_PRONOUNS | {"whose"}
# Words that negate the verb they stand before or on ('did not attack', 'never met', 'without consulting').
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither", "without"})
# Words after which a lower-case word is a verb when no tagger says so ('did attack', 'to meet', 'will visit').
VERB_PRECEDERS = frozenset({"did", "does", "do", "not", "n't", "will", "would", "can", "could", "may", "might",
                            "must", "should", "to", "never"})
# Lemmas of auxiliary verbs: never the content verb of a clause.
AUXILIARIES = frozenset({"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might",
                         "must"})


# --- Read by extract.actors ---

# Roles a body can hold as well as a person ('the leader in cloud software', 'the author of the report').
SHARED_ROLES = frozenset("leader chief head chair founder author editor publisher expert official representative "
                         "executive manager principal adviser advisor negotiator partner".split())
NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "del", "da", "van", "von", "bin", "ibn", "&", "-"})

# --- Read by extract.affiliations ---

# A clause that says what role a person has or had, after the name: a copula, or 'serve as' ('X, who served as
# the mayor of Y', 'X was the chairman of Y', 'X has become a senior adviser to Y').
ROLE_COPULAS = frozenset("is was been become becomes became remains remained".split())
ROLE_SERVING = frozenset("serves served serving".split())  # with 'as' after them
# Words between the name (or 'who') and that verb: auxiliaries and adverbs of time.
ROLE_CLAUSE_FILLERS = frozenset("has had have also now once later then still since previously formerly "
                                "currently already briefly long".split())

# --- Read by extract.events ---

RANGE_VERBS = frozenset({"range", "vary", "stretch", "span", "run"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# A word between a verb and its coordinated objects ('backed both X and Y')
PRECONJUNCTIONS = frozenset({"both", "either", "neither"})
INCLUDING = frozenset({"including", "like", "as"})
# Words before an actor that make it no subject ('by X replaced', 'was X').
ADJACENT_BLOCKERS = frozenset({"by", "of", "to", "with", "from", "for", "in", "at", "on", "was", "were", "is", "are"})
# Words a parser reads as prepositions that open clauses as often ('as X replaced Y').
CLAUSAL_PREPOSITIONS = frozenset({"as", "after", "before", "since", "until"})
# A gerund after these is not done by the clause's subject ('warned against providing support').
GERUND_BLOCKERS = frozenset({"against", "from", "without", "of", "instead"})
# Prepositions that link an event noun to the one it is done to or with ('an attack on X', 'talks with X').
NOUN_TARGET_LINKS = frozenset({"with", "to", "against", "toward", "towards", "into", "on", "upon"})

# --- Read by extract.quotes ---

# '..., because dignitaries wanted to meet him', '..., which he then used': the report goes on after the comma.
CLAUSE_LINKS = {"because", "which", "and", "but", "so", "while", "although", "though"}
ADJUNCT_MARKERS = {"such", "which", "who", "whom", "whose", "while", "because", "although", "though", "whereas",
                   "despite", "after", "before", "when", "if", "unless", "until", "thereby", "including", "since"}
# Prepositions that open a fronted phrase ('on October 6, ...', 'according to X, ...').
FRONTED_PREPOSITIONS = {"on", "in", "at", "by", "as", "according", "during", "following", "amid", "under"}
PURPOSE_PHRASES = {"with the aim", "in order to", "so as to", "in a bid", "in an effort", "with a view"}
# Verbs that take a bare clause ("said the flag had...") as readily as a that-clause.
BARE_CLAUSE_VERBS = {"say", "believe", "think", "feel", "estimate", "add", "claim", "argue", "insist", "warn",
                     "note", "find", "expect", "hope", "fear", "predict", "tell", "write", "suggest", "announce",
                     "state", "explain", "admit", "observe", "reveal", "report", "conclude", "acknowledge", "confirm"}
CLAUSE_START_WORDS = {"the", "a", "an", "this", "that", "these", "those", "there", "it", "he", "she", "they", "we", "i",
                  "you", "his", "her", "their", "its", "our", "some", "many", "most", "all", "no", "only", "any",
                  "every", "each", "both", "one", "more", "less", "nobody", "everyone", "people", "although",
                  "though", "because", "if"}
# Words after which ", according to X," is an insertion: what X reports follows it.
INSERTION_OPENERS = {"which", "that", "who", "and", "but", "while"}
TOPIC_ONLY_PREPOSITIONS = {"about", "regarding", "concerning"}  # 'as X told reporters about the plan, ...': a time
# Between an unnamed source and the actor it speaks for: 'a spokeswoman for X', 'officials of X', 'aides to X'.
SOURCE_PREPOSITIONS = {"for", "of", "at", "with", "from", "to", "in"}
UNNAMED_DETERMINERS = {"a", "an", "the", "one", "some", "several", "many", "two", "three", "other", "another", "both",
                       "this", "that", "these", "those", "his", "her", "its", "their", "our"}
# Words skipped between a source and its cue ('officials have also said').
SOURCE_SKIPPED = {"also", "has", "have", "had", "will", "would", "then", "now", "later", "again", "once", "still",
                  "previously", "recently", "further", "often", "never", "not", "did", "does", "do", "had"}
NOUN_MARKERS = {"a", "an", "the", "with", "of", "for", "his", "her", "its", "their", "this", "that", "our", "my",
                "no", "any", "without", "in", "by"}
POST_MODIFIER_PREPOSITIONS = {"of", "for", "from", "at", "with", "in", "on", "to"}
COORDINATORS = {"and", "but"}
# 'so bad, Mr. Obama noted, that ...', 'a juggernaut, he said, until it went bankrupt': one statement goes on.
CONTINUING_WORDS = {"that", "until", "unless", "because", "although", "though", "since"}
SPEAKER_PRONOUNS = frozenset({"he", "she"})

# --- Read by extract.relations ---

GIVING_VERBS = frozenset("give grant hand award offer send lend".split())
# What one makes to someone rather than gives ('received offers from X': X made offers to the subject).
MADE_NOUNS = frozenset("offer offers visit visits apology apologies threat threats promise promises request requests "
                       "call calls proposal proposals appeal appeals demand demands bid bids complaint complaints "
                       "payment payments statement statements".split())

# --- Read by extract.word_order ---

NOT_A_TARGET = {"in", "at", "near", "across", "within", "inside", "throughout", "around", "outside", "into", "toward",
                "towards", "of", "between", "among"}
CLAUSE_MARKERS = {"that", "which", "who", "whom", "whose", "while", "because", "although", "when", "where", "if"}
NOUN_LINKS = {"against", "with", "to", "toward", "towards", "on", "for", "the"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "our", "my"}
TOPIC_PREPOSITIONS = {"on", "about", "over", "regarding", "concerning"}
LIST_WORDS = {",", "and", "or", "the"}
PASSIVE_AUX = {"was", "were", "been", "being", "is", "are", "be", "got"}

# --- Read by pipeline.entities ---

ADJECTIVE_SUFFIXES = frozenset("like based led held style related backed born made owned funded linked controlled "
                               "affiliated friendly speaking inspired themed era".split())
ARABIC_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az"}
SPACED_ARTICLES = {"al", "el", "ad", "ar", "ash", "az"}  # not "as", "at": English words too
NAME_PARTICLES = {"bin", "ibn", "de", "da", "van", "von", "der", "al", "el"}
CONNECTORS = {"of", "for", "and", "the", "de", "del", "al", "la", "bin", "von", "van", "&"}
PLACE_PREPOSITIONS = frozenset("in at near from to into outside inside across around toward towards through "
                               "of".split())
GOVERNMENT_NOUNS = frozenset("government people parliament army".split())
OPERATION_WORDS = frozenset({"Operation", "Exercise"})

# --- Read by pipeline.names ---

LIST_MARKS = frozenset({",", "and", "&"})
STANCE_PREFIXES = frozenset({"pro", "anti", "counter", "non", "post", "ex"})
GENERATIONS = frozenset({"Jr", "Jr.", "Sr", "Sr."})
ADJECTIVE_ENDINGS = ("ish", "ese", "ian", "an", "ic", "i", "ist")

# --- Read by pipeline.sentences ---

# Last characters of a token after which a new sentence may begin ('.', '?', a closing quote or bracket after
# them, a dateline's dash, a colon before a list); after any other token the sentence goes on.
SENTENCE_BREAK_CHARS = frozenset(".!?…:\"'”’»)]—–-*•")

# --- Read by pipeline.tagmap ---

AUXILIARY_FORMS = frozenset("be is am are was were been being 's 're 'm ’s ’re ’m have has had having 've 'd ’ve ’d "
                            "do does did".split())

# --- Read by pipeline.titles ---

TITLE_CONNECTORS = frozenset({"of", "for", "at", "the"})
AFFILIATING_PREPOSITIONS = frozenset({"of", "for", "at", "with"})  # not "to": an ambassador to X serves the host
ARTICLES = frozenset({"the", "a", "an"})

# --- Read by render.prose ---

# Closed-class English: the words a predicate ends with when it links its target ('meet with', 'advisor to').
PREPOSITIONS = frozenset("to with from for of on at by against toward towards into about over in among between "
                         "upon onto across through under".split())
# Reporting verbs that need an object or addressee ("told her that", "described it as"): without one,
# prose says "said".
OBJECT_NEEDING_REPORT_VERBS = frozenset("tell inform assure remind notify brief urge advise describe call quote cite".split())
# Words that open a reported clause in lower case once "that" precedes them ("that the talks failed").
FUNCTION_OPENERS = frozenset("the a an it its this that these those there they he she we his her their our "
                             "some many most all no".split())
FINITE_AUXILIARIES = frozenset("is are was were am has have had will would can could may might must shall should does "
                               "did do isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't "
                               "doesn't didn't don't".split())
RANKS = frozenset("general colonel captain lieutenant sergeant major admiral marshal corporal private brigadier staff "
                  "rear vice petty warrant chief first second officer".split())
