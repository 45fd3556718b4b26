"""The word classes of the claims stage, in one place: the closed lists the splitter, the check-worthiness
rules and the discourse model read (verbs, determiners, prepositions, titles, places, company suffixes...).

They are small, hand-made and English only. Month and weekday names come from :mod:`factcheck.rules.lexicon`,
the project's one home for them, so that a date means the same thing to every stage.
"""

from __future__ import annotations

from factcheck.rules.lexicon import MONTH_NAMES as _RULES_MONTHS
from factcheck.rules.lexicon import WEEKDAY_NAMES

# ------------------------------------------------------------------------------------------- verbs
AUX = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "shall", "should", "must", "does", "do", "did", "'s", "won't", "isn't", "wasn't", "hasn't",
    "doesn't", "don't", "didn't", "aren't", "weren't", "haven't", "hadn't", "can't", "cannot", "couldn't",
    "wouldn't", "shouldn't",
}  # fmt: skip
MODALS = {"will", "would", "can", "could", "may", "might", "shall", "should", "must", "to"}
IRREGULAR = {
    "died", "dies", "lied", "tied", "owed", "sued",
    # irregular pasts that are no common noun or adjective
    "struck", "fought", "caught", "taught", "sought", "drew", "flew", "threw", "wore", "tore", "swore",
    "spoke", "froze", "rode", "shook", "forgot", "hid", "slid", "swung", "sang", "rang", "drank", "swam",
    "blew", "understood", "withdrew", "overcame", "fled", "dealt", "slept", "swept", "wept", "knelt", "lent",
    "dug", "spun", "arose", "awoke", "forgave", "foresaw", "undertook", "underwent", "withstood", "upheld",
    "overthrew", "mistook", "strove", "wove", "forbade", "forecast", "oversaw", "rebuilt", "reopened",
    "broke", "stole", "shrank", "sprang", "ate", "sent", "heard", "hung", "shone",
    "bought", "built", "made", "said", "says", "led", "leads", "began", "begins", "set", "took", "takes",
    "gave", "sold", "paid", "pays", "won", "grew", "grows", "rose", "rises", "fell", "falls", "became",
    "becomes", "held", "holds", "left", "ran", "runs", "got", "gets", "went", "goes", "came", "comes", "saw",
    "sees", "told", "tells", "spent", "spends", "brought", "kept", "keeps", "hit", "cut", "put", "shut",
    "employs", "plans", "aims", "expects", "intends", "wants", "owns", "makes", "builds", "sells",
    "produces", "operates", "includes", "controls", "develops", "designs", "targets", "invests", "opens",
    "starts", "hopes", "needs", "seeks", "remains", "ranks", "supplies", "ships", "offers", "provides",
    "uses", "reports", "announces", "has", "counts", "lists", "owes", "costs", "manufactures",
    "delivers", "hires", "raises", "lost", "found", "meant", "drove", "drives", "wrote", "writes", "thinks",
    "thought", "knew", "knows", "chose", "chooses", "stood", "stands", "met", "meets", "beat", "beats",
    "bet", "bets", "sank", "sinks", "overtook", "overtakes", "heads", "chairs", "joined", "joins",
    "ended", "ends", "launched", "launches", "acquires", "employed", "totals", "exceeds", "reached",
    "reaches", "accounts", "represents", "covers", "returns", "turned", "turns", "lies", "sits",
}  # fmt: skip
BASE_VERBS = {
    "invest", "hire", "build", "open", "start", "produce", "make", "sell", "launch", "begin", "create",
    "develop", "buy", "acquire", "expand", "employ", "spend", "raise", "deliver", "manufacture", "ship",
    "reach", "cut", "add", "set", "run", "lead", "become", "own", "operate", "offer", "provide", "double",
    "triple", "target", "enter", "compete", "challenge", "release", "unveil", "introduce", "complete",
    "finish", "move", "shift", "focus", "grow", "increase", "reduce", "close", "pay", "hold", "take",
    "keep", "give", "get", "have", "be", "fund", "finance", "recruit", "train", "export", "supply",
}  # fmt: skip
# Common verbs in their base form: a verb after a plural subject ("stores carry", "which help"); their
# third-person forms are verbs anywhere, except those that are as often plural nouns.
COMMON_VERBS = {
    "include", "contain", "require", "allow", "provide", "offer", "help", "carry", "rotate", "produce",
    "create", "cause", "consist", "depend", "refer", "describe", "represent", "remain", "become", "appear",
    "seem", "serve", "play", "live", "feature", "focus", "involve", "occur", "exist", "follow", "lead",
    "mean", "receive", "reach", "reduce", "regulate", "release", "replace", "share", "support", "tend",
    "vary", "affect", "enable", "contribute", "believe", "know", "think", "make", "take", "give", "get",
    "see", "find", "call", "keep", "hold", "bring", "show", "leave", "begin", "continue", "grow",
    "develop", "determine", "generate", "protect", "prevent", "maintain", "operate", "perform", "publish",
    "suggest", "indicate", "span", "stand", "sit", "lie", "flow", "emit", "absorb", "orbit", "spin",
    "convert", "connect", "belong", "differ", "compete", "attract", "host", "house", "cover", "reflect",
    "illustrate", "explain", "define", "express", "encode", "transmit", "control", "govern", "influence",
    "use", "have", "do", "say", "tell", "want", "like", "love", "own", "sell", "buy", "build", "employ",
    "spend", "pay", "win", "lose", "rise", "fall", "cost", "add", "hire", "target", "plan", "aim", "expect",
    "hope", "seek", "rank", "ship", "deliver", "raise", "total", "exceed", "account", "range",
    "consider", "enjoy", "face", "fight", "oppose", "back", "argue", "claim", "insist", "deny", "agree",
    "travel", "visit", "attend", "join", "meet", "speak", "write", "read", "teach", "study", "learn",
    "open", "close", "launch", "invest", "manufacture", "design", "sign", "testify", "vote", "result",
    "promote", "boost", "drive", "mark", "ensure", "improve", "increase",
    "decrease", "change", "highlight", "underline", "demonstrate", "prove", "confirm", "threaten", "force",
    "push", "pull", "turn", "put", "set", "let", "permit", "bear", "kill", "injure", "advertise", "encourage",
    "examine", "organize", "organise", "recognize", "recognise", "specialize", "specialise", "comprise",
    "encompass", "originate", "surround", "depict", "explore", "discuss", "resemble", "inhabit", "occupy",
    "possess", "utilize", "utilise", "rely", "derive", "portray", "narrate", "chronicle", "emphasize",
    "emphasise", "prioritize", "prioritise", "facilitate", "understand", "propose", "outline", "advocate",
    "introduce",
}  # fmt: skip
NOUN_LIKE_S_FORMS = {
    "advocates", "outlines", "surrounds",
    "forms", "works", "results", "returns", "links", "stores", "processes", "impacts", "changes", "measures",
    "shapes", "cuts", "houses", "lies", "plays", "features", "falls", "rises", "backs", "claims", "faces",
    "ranges", "totals", "accounts", "visits", "studies", "reads", "shows", "calls", "supports", "shares",
    "releases", "lives", "means", "offers", "holds", "leads", "designs", "signs", "votes", "fights", "hopes",
    "aims", "plans", "targets", "costs", "ships", "opens", "launches", "hires", "adds", "wins",
}  # fmt: skip
# Plural nouns in "-s" that are never a verb: after an imperative they are its object ("Get news about ...").
NEVER_VERB_S_FORMS = {"news", "details", "tips", "deals", "ideas", "insights", "photos", "videos", "recipes"}
SAY = {"said", "says", "told", "tells", "added", "adds", "stated", "states", "announced", "announces"}
_REPORT = {"reported", "reports", "noted", "notes", "warned", "warns", "argued", "argues", "wrote", "writes"}
_THINK = {"believes", "believed", "thinks", "thought", "expects", "expected", "claimed", "claims", "insisted"}
_CONFIRM = {"explained", "confirmed", "confirms", "estimated", "estimates", "predicted", "predicts", "denied"}
REPORTING = SAY | _REPORT | _THINK | _CONFIRM | {"insists", "denies"}


def third_person(verb: str) -> str:
    """The third-person singular present of a verb's base form ("carry" -> "carries")."""
    if verb in {"have", "do", "go"}:
        return {"have": "has", "do": "does", "go": "goes"}[verb]
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    return verb + "s"


THIRD_PERSON = {third_person(v): v for v in COMMON_VERBS if third_person(v) not in NOUN_LIKE_S_FORMS}

# ------------------------------------------------------------------------------- function words
DETERMINERS = {
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "some", "many",
    "several", "all", "both", "each", "every", "no", "another", "any", "most", "few",
}  # fmt: skip
SUBJECT_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you"}
PREPOSITIONS = {
    "in", "on", "at", "by", "for", "with", "from", "to", "of", "about", "over", "under", "after", "before",
    "since", "during", "into", "through", "between", "among", "against", "per", "via", "across", "near",
    "within", "without", "around", "like", "than", "as", "until", "toward", "towards", "including",
}  # fmt: skip
ADVERBS = {
    "also", "already", "still", "now", "then", "later", "recently", "reportedly", "currently", "previously",
    "initially", "eventually", "soon", "just", "only", "even", "further", "first", "once", "formally",
    "officially", "jointly", "quickly", "finally", "subsequently", "again", "not", "never", "last", "overall",
    # adverbs of frequency and degree that sit between a subject and its verb ("stores often carry")
    "often", "usually", "typically", "generally", "commonly", "always", "sometimes", "frequently", "mainly",
    "largely", "primarily", "mostly", "widely", "ultimately", "originally", "traditionally", "gradually",
    "rapidly", "significantly", "greatly", "slightly", "successfully", "actively", "regularly", "normally",
}  # fmt: skip
# Pronouns that open a claim and refer back ("It", "Its", "This"...).
REFERRING_PRONOUNS = {
    "it", "its", "he", "his", "she", "her", "they", "their", "this", "that", "these", "those", "we", "i",
}  # fmt: skip
SUBORDINATORS = {
    "that", "which", "who", "whom", "whose", "because", "if", "when", "whether", "where", "while", "although",
    "though", "since", "unless", "so",
}  # fmt: skip
APPROXIMATORS = {"about", "around", "over", "under", "nearly", "almost", "roughly", "some", "up"}
LIST_ANCHORS = {"including", "include", "includes", "included", ":", "as", "like"}

# ----------------------------------------------------------------------- appositives and participles
APPOSITIVE_OPENERS = {
    "the", "a", "an", "its", "his", "her", "their", "one", "founder", "co-founder", "chief", "former",
    "then", "now", "chairman", "chairwoman", "president", "ceo", "head", "owner", "maker", "operator",
    "parent", "rival", "led", "based", "founded", "owned", "run", "known", "headquartered", "backed",
    "controlled", "listed", "created", "established", "formerly", "also",
}  # fmt: skip
# "Deepmotion, founded in 2017," -> "Deepmotion was founded in 2017"; "led by X" -> "is led by X".
EVENT_PARTICIPLES = {
    "founded",
    "established",
    "created",
    "built",
    "set",
    "launched",
    "formed",
    "started",
    "born",
}
# Participles of a past act of making: "a language developed by Microsoft" -> "was developed by Microsoft"
# (but "a firm owned by X" -> "is owned by X").
MAKING_PARTICIPLES = EVENT_PARTICIPLES | {
    "developed", "written", "directed", "designed", "invented", "discovered", "published", "produced",
    "released", "composed", "painted", "introduced", "coined", "proposed", "named", "opened", "recorded",
}  # fmt: skip
PARTICIPLE_OPENERS = {
    "led", "based", "founded", "owned", "run", "known", "headquartered", "backed", "controlled", "listed",
    "created", "established", "built", "made", "located", "set", "chaired", "headed", "managed", "valued",
}  # fmt: skip
IRREGULAR_PARTICIPLES = {
    "written", "built", "made", "held", "known", "founded", "led", "run", "shown", "sung", "drawn", "given",
    "taken", "born", "set", "sold", "grown", "brought", "won", "found", "begun", "chosen", "driven", "seen",
    "spoken", "thrown", "hidden", "bought", "paid", "struck", "sent", "spent", "told", "fed", "kept", "left",
    "used", "heard", "taught", "caught", "fought", "understood", "forgotten", "stolen", "beaten", "eaten",
    "broken", "frozen", "woven", "shaken", "worn", "torn", "fallen", "risen", "ridden", "bitten",
}  # fmt: skip
AFTER_PARTICIPLE = {
    "by", "in", "on", "at", "for", "from", "as", "with", "to", "between", "during", "since", "under", "into",
    "near", "after", "before", "around", "across", "through",
}  # fmt: skip

# ------------------------------------------------------------------------ check-worthiness rules
IMPERATIVES = {
    "read", "click", "subscribe", "sign", "follow", "see", "note", "consider", "imagine", "contact", "share",
    "watch", "listen", "visit", "join", "register", "download", "find", "check", "learn", "remember", "keep",
    "try", "let", "let's", "don't", "do", "please", "email", "call", "tell", "send", "get", "discover",
    "explore", "compare", "take", "make", "think", "look", "buy", "support", "stay", "go", "ask", "write",
    "tap", "swipe", "scroll", "select", "choose", "determine", "research", "shortlist", "enjoy", "evaluate",
    "avoid", "gather", "refer", "search", "use", "ensure", "discuss", "review", "start", "add",
}  # fmt: skip
# Opinion without a factual core; the modal words among them mark advice.
EVALUATIVE = {
    "bold", "risky", "brave", "exciting", "impressive", "ambitious", "disappointing", "great", "terrible",
    "brilliant", "smart", "foolish", "crazy", "remarkable", "stunning", "worrying", "gamble", "audacious",
    "daring", "promising", "wise", "unwise", "good", "bad", "best", "worst", "interesting", "fascinating",
    "troubling", "welcome", "overdue", "surprising", "inevitable", "should", "ought", "must",
}  # fmt: skip
SPECULATIVE = {"could", "might", "may", "perhaps", "maybe", "possibly", "probably", "likely", "unlikely"}
HEDGES = SPECULATIVE | {
    "seem", "seems", "seemed", "appear", "appears", "appeared", "suggest", "suggests", "suggested",
    "potentially", "generally", "typically", "usually", "often", "sometimes",
}  # fmt: skip
OPINION_WORDS = (EVALUATIVE - {"should", "ought", "must"}) | {
    "amazing", "beautiful", "wonderful", "important", "significant", "essential", "crucial", "unique",
    "popular", "famous", "excellent", "perfect", "ideal", "huge", "sensational", "incredible", "fantastic",
    "awesome", "extreme", "unfair", "fair",
}  # fmt: skip
PREDICTION_WORDS = {
    "will", "would", "going", "expected", "expects", "expect", "plans", "plan", "aims", "aim", "intends",
    "hopes", "soon", "future",
}  # fmt: skip
ADVICE_WORDS = {
    "should", "must", "ought", "need", "needs", "recommend", "recommended", "advisable", "consider", "try",
    "make", "sure", "ensure", "note", "important", "tips", "steps",
}  # fmt: skip
FIRST_PERSON = {"i", "we", "our", "us", "my", "me", "ours", "myself"}
SECOND_PERSON = {"you", "your", "yours", "yourself"}
SENTENCE_START_WORDS = {
    "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This", "That", "These",
    "Those", "But", "And", "Or", "So", "Its", "His", "Her", "Their", "Our", "As", "If", "When", "While",
    "After", "Before", "Since", "For", "With", "By", "From", "To", "Of", "There", "Here", "What",
    "Why", "How",
}  # fmt: skip

# ------------------------------------------------------------------------------------------ dates
MONTH_NAMES = [name for name in _RULES_MONTHS if name]
WEEKDAYS = list(WEEKDAY_NAMES)

# ----------------------------------------------------------------------------- names and things
TITLES = {
    "founder", "co-founder", "cofounder", "chief", "executive", "ceo", "chairman", "chairwoman", "president",
    "mr", "ms", "mrs", "dr", "minister", "analyst", "spokesman", "spokeswoman", "spokesperson", "director",
    "boss", "manager", "professor", "prof", "senator", "governor", "mayor", "economist", "engineer",
    "officer", "cfo", "cto", "coo", "chair", "vice-president", "author", "researcher", "justice", "judge",
    "king", "queen", "prince", "princess", "actor", "actress", "singer", "writer", "player",
    "coach", "general", "pope", "saint", "sir", "lady", "lord", "premier", "secretary", "novelist",
}  # fmt: skip
# Honorifics written before a name: no title that a claim could state ("Dr. Jane Smith").
HONORIFICS = {"mr", "ms", "mrs", "dr", "prof", "sir", "saint", "lady", "lord", "st"}
# A US legislator's party and state after the name ("McCaul, R-Texas,"): AP style state abbreviations.
PARTIES = {"R": "a Republican", "D": "a Democrat", "I": "an independent"}
US_STATES = {
    "Ala.": "Alabama", "Alaska": "Alaska", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia",
    "Hawaii": "Hawaii", "Idaho": "Idaho", "Ill.": "Illinois", "Ind.": "Indiana", "Iowa": "Iowa",
    "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Maine": "Maine", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Ohio": "Ohio", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Texas": "Texas", "Utah": "Utah", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
LEGISLATOR_TITLES = {"rep", "reps", "sen", "sens", "gov", "del", "representative", "senator", "congressman"}
# Verbs of going somewhere: a "to"-infinitive after them says why ("traveled to Kyiv to see ..."), an intent.
TRAVEL_VERBS = {
    "traveled", "travelled", "flew", "went", "came", "arrived", "headed", "returned", "travels", "flies",
    "goes", "comes", "arrives", "heads", "returns", "visited", "visits", "sailed", "drove", "rode",
}  # fmt: skip
# Heads of a body's name that a title is "of": "Chairman of the House Foreign Affairs Committee".
BODY_HEADS = {
    "committee", "council", "department", "board", "party", "association", "university", "commission",
    "ministry", "agency", "court", "senate", "house", "foundation", "institute", "bank", "federation",
    "union", "assembly", "parliament", "congress", "office", "service", "corporation", "company", "authority",
}  # fmt: skip
PLACES = {
    "china", "beijing", "shanghai", "shenzhen", "guangzhou", "wuhan", "hong kong", "taiwan", "japan", "tokyo",
    "korea", "south korea", "seoul", "india", "germany", "berlin", "munich", "france", "paris", "italy",
    "spain", "britain", "uk", "united kingdom", "london", "europe", "asia", "africa", "america", "us", "u.s",
    "u.s.", "usa", "united states", "new york", "california", "texas", "detroit", "canada", "mexico",
    "brazil", "russia", "moscow", "singapore", "vietnam", "thailand", "indonesia", "australia", "sweden",
    "norway", "netherlands", "amsterdam", "belgium", "brussels", "poland", "hungary", "czech republic",
    "austria", "switzerland", "zurich", "geneva", "stuttgart", "wolfsburg", "hefei", "chongqing", "nanjing",
    "hangzhou", "tianjin", "chengdu", "xi'an", "suzhou", "ningbo", "silicon valley", "washington",
}  # fmt: skip
ORG_SUFFIXES = {
    "inc", "corp", "corporation", "ltd", "limited", "group", "motors", "motor", "ag", "se", "co", "company",
    "holdings", "technologies", "technology", "bank", "automotive", "auto", "ev", "university", "agency",
    "ministry", "association", "institute", "reuters", "plc", "llc", "gmbh", "sa", "nv", "electronics",
}  # fmt: skip
NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "it", "he", "she", "they", "we", "i", "this", "that", "these",
    "those", "but", "and", "or", "so", "its", "his", "her", "their", "our", "as", "if", "when", "while",
    "after", "before", "since", "for", "with", "by", "from", "to", "of", "there", "here", "what", "why",
    "how", "however", "meanwhile", "according", "last", "next", "earlier", "later", "both", "each", "all",
    "ev", "evs", "ceo", "cfo", "ai", "ipo", "gdp", "suv", "suvs", "q1", "q2", "q3", "q4", "one", "two",
    "chinese", "european", "american", "german", "japanese", "french", "british", "korean", "indian",
    "spanish", "italian", "dutch", "swedish", "russian", "mexican", "canadian", "australian", "brazilian",
    "turkish", "polish", "israeli", "iranian", "ukrainian", "portuguese", "greek", "irish", "swiss",
    "austrian", "belgian", "norwegian", "danish", "finnish", "african", "asian", "arab", "western",
    "also", "yet", "still", "then", "now", "such", "some", "many", "most", "no", "not", "only",
}  # fmt: skip
_ORGANISATIONS = {
    "company", "firm", "group", "carmaker", "automaker", "maker", "manufacturer", "startup", "start-up",
    "band", "club", "team", "label", "publisher", "broadcaster", "airline", "exchange", "retailer",
}  # fmt: skip
NOUN_GROUPS = [
    _ORGANISATIONS,
    {"unit", "division", "arm", "subsidiary", "business", "venture", "department", "spin-off"},
    {"factory", "plant", "facility", "site", "works"},
    {"deal", "acquisition", "purchase", "takeover"},
    {"project", "plan", "programme", "program", "initiative", "push", "bet"},
    {"investment", "funding"},
    {"car", "vehicle", "model", "sedan", "suv"},
    # a named service people use: "TikTok ... the app", "the platform"
    {"app", "platform", "website", "browser", "chatbot"},
]
# What an organisation has: "The aim?" after a story about Renova is Renova's aim.
OWNED_NOUNS = {"aim", "goal", "objective", "ambition", "strategy", "purpose", "mission", "target", "plan"}
# Capitalised words that are not names: the function words above, dates, acronyms and nationalities.
NOT_NAMES |= {name.lower() for name in MONTH_NAMES + WEEKDAYS}
COMPANY_NOUNS = NOUN_GROUPS[0]
PRODUCT_NOUNS = NOUN_GROUPS[-1]
HEADS = {noun: group for group in NOUN_GROUPS for noun in group}
# Heads of a definite description that refers back ("The committee used ...", "The new law has ..."): a
# claim still opening with one after resolution is flagged as needing its context.
REFERRING_HEADS = set(HEADS) | set(OWNED_NOUNS) | {
    "agency", "committee", "court", "law", "bill", "measure", "report", "study", "survey", "move", "trip",
    "visit", "proposal", "campaign", "event", "system", "product", "device", "app", "platform", "service",
    "delegation", "official", "minister", "president", "spokesperson", "suspect", "victim", "man", "woman",
    "girl", "boy", "city", "town", "country", "region", "film", "movie", "album", "song", "book", "show",
    "series", "game", "player", "party", "government", "regulator", "ministry", "board", "panel",
}  # fmt: skip
# Common nouns for a person: "The girl was from Prey Veng. She went to hospital": "she" is the girl.
FEMININE_NOUNS = {"girl", "woman", "mother", "daughter", "wife", "sister", "actress", "grandmother", "lady"}
MASCULINE_NOUNS = {"boy", "man", "father", "son", "husband", "brother", "actor", "grandfather", "gunman"}
PERSON_NOUNS = FEMININE_NOUNS | MASCULINE_NOUNS | {
    "teacher", "officer", "student", "doctor", "nurse", "worker", "teenager", "child", "victim", "suspect",
    "spokesperson", "official", "lawyer", "judge", "driver", "pilot", "soldier", "resident", "patient",
    "farmer", "singer", "author", "scientist", "researcher", "professor", "journalist", "reporter", "witness",
    "passenger", "employee", "owner", "politician", "mayor", "senator", "governor", "athlete", "player",
    "scholar", "expert", "individual", "member", "leader", "artist", "musician", "writer", "person",
}  # fmt: skip
