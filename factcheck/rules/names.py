"""Places and organisations named in English text, with character offsets.

Names are read from capitalisation (runs of capitalised words, "of"/"&" inside a run, titles and a leading
"The" dropped, a sentence's first word kept only when it is not a common word) and classified with a small
built-in gazetteer of countries, regions and major cities (with aliases and demonyms: "Chinese" names China).
A gazetteer hit is a place with its type and country, so "Beijing" is known to lie in China and to differ from
"Shanghai"; a name after "in"/"near" that the gazetteer lacks is a place of unknown type; anything else is an
organisation (or a person: capitalisation cannot tell those apart, and for consistency checks they behave the
same). spaCy NER was not used: its models are hundreds of MB and slow to import for a per-pair hot path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.errors import InputError
from factcheck.rules.lexicon import CURRENCY_CODES, MONTHS, ORDINAL_WORDS, STOPWORDS, WEEKDAY_NAMES, words
from factcheck.rules.tokens import Token, Tokens, adjacent, tokenize

__all__ = ["NameMention", "extract_names", "place_info", "place_within", "same_organisation", "name_key"]

# country: aliases; demonyms; continent
_COUNTRIES = """
china|prc|people's republic of china;chinese;asia
united states|us|u.s.|usa|u.s.a.|america|united states of america;american;north america
united kingdom|uk|u.k.|britain|great britain|england;british|english;europe
germany|federal republic of germany;german;europe
france;french;europe
italy;italian;europe
spain;spanish;europe
portugal;portuguese;europe
netherlands|the netherlands|holland;dutch;europe
belgium;belgian;europe
switzerland;swiss;europe
austria;austrian;europe
sweden;swedish;europe
norway;norwegian;europe
denmark;danish;europe
finland;finnish;europe
poland;polish;europe
czech republic|czechia;czech;europe
hungary;hungarian;europe
romania;romanian;europe
greece;greek;europe
ireland;irish;europe
russia|russian federation;russian;europe
ukraine;ukrainian;europe
turkey|türkiye;turkish;asia
japan;japanese;asia
south korea|korea|republic of korea;south korean|korean;asia
north korea;north korean;asia
taiwan;taiwanese;asia
india;indian;asia
pakistan;pakistani;asia
bangladesh;bangladeshi;asia
indonesia;indonesian;asia
vietnam|viet nam;vietnamese;asia
thailand;thai;asia
malaysia;malaysian;asia
singapore;singaporean;asia
philippines|the philippines;filipino|philippine;asia
saudi arabia;saudi;asia
united arab emirates|uae|u.a.e.;emirati;asia
israel;israeli;asia
iran;iranian;asia
iraq;iraqi;asia
egypt;egyptian;africa
nigeria;nigerian;africa
south africa;south african;africa
kenya;kenyan;africa
ethiopia;ethiopian;africa
morocco;moroccan;africa
canada;canadian;north america
mexico;mexican;north america
brazil;brazilian;south america
argentina;argentine|argentinian;south america
chile;chilean;south america
colombia;colombian;south america
peru;peruvian;south america
australia;australian;oceania
new zealand;new zealander;oceania
hong kong;hongkonger;asia
albania;albanian;europe
armenia;armenian;asia
azerbaijan;azerbaijani;asia
belarus;belarusian;europe
bulgaria;bulgarian;europe
croatia;croatian;europe
serbia;serbian;europe
slovakia;slovak;europe
slovenia;slovenian|slovene;europe
bosnia and herzegovina|bosnia;bosnian;europe
estonia;estonian;europe
latvia;latvian;europe
lithuania;lithuanian;europe
iceland;icelandic;europe
luxembourg;luxembourgish;europe
malta;maltese;europe
cyprus;cypriot;europe
moldova;moldovan;europe
north macedonia|macedonia;macedonian;europe
montenegro;montenegrin;europe
afghanistan;afghan;asia
sri lanka;sri lankan;asia
nepal;nepali|nepalese;asia
myanmar|burma;burmese;asia
cambodia;cambodian;asia
laos;laotian;asia
mongolia;mongolian;asia
kazakhstan;kazakh|kazakhstani;asia
uzbekistan;uzbek;asia
syria;syrian;asia
lebanon;lebanese;asia
qatar;qatari;asia
kuwait;kuwaiti;asia
oman;omani;asia
yemen;yemeni;asia
bahrain;bahraini;asia
algeria;algerian;africa
tunisia;tunisian;africa
libya;libyan;africa
sudan;sudanese;africa
ghana;ghanaian;africa
senegal;senegalese;africa
cameroon;cameroonian;africa
ivory coast|côte d'ivoire;ivorian;africa
uganda;ugandan;africa
tanzania;tanzanian;africa
rwanda;rwandan;africa
zimbabwe;zimbabwean;africa
zambia;zambian;africa
angola;angolan;africa
mozambique;mozambican;africa
somalia;somali;africa
venezuela;venezuelan;south america
ecuador;ecuadorian;south america
bolivia;bolivian;south america
paraguay;paraguayan;south america
uruguay;uruguayan;south america
cuba;cuban;north america
jamaica;jamaican;north america
haiti;haitian;north america
guatemala;guatemalan;north america
honduras;honduran;north america
el salvador;salvadoran;north america
nicaragua;nicaraguan;north america
costa rica;costa rican;north america
panama;panamanian;north america
fiji;fijian;oceania
"""

# city: aliases; country
_CITIES = """
beijing|peking;china
shanghai;china
shenzhen;china
guangzhou|canton;china
wuhan;china
chengdu;china
chongqing;china
hangzhou;china
nanjing;china
tianjin;china
hefei;china
xi'an|xian;china
suzhou;china
changsha;china
ningbo;china
zhengzhou;china
qingdao;china
dongguan;china
xiamen;china
changchun;china
shenyang;china
new york|new york city|nyc;united states
los angeles|la;united states
san francisco;united states
chicago;united states
houston;united states
seattle;united states
boston;united states
detroit;united states
austin;united states
washington|washington dc|washington d.c.;united states
miami;united states
atlanta;united states
dallas;united states
fremont;united states
palo alto;united states
cupertino;united states
san jose;united states
london;united kingdom
manchester;united kingdom
birmingham;united kingdom
edinburgh;united kingdom
sunderland;united kingdom
berlin;germany
munich|münchen;germany
frankfurt;germany
hamburg;germany
stuttgart;germany
cologne|köln;germany
wolfsburg;germany
zwickau;germany
grünheide|grunheide;germany
paris;france
lyon;france
toulouse;france
marseille;france
rome;italy
milan;italy
turin;italy
madrid;spain
barcelona;spain
valencia;spain
lisbon;portugal
amsterdam;netherlands
rotterdam;netherlands
eindhoven;netherlands
brussels;belgium
zurich|zürich;switzerland
geneva;switzerland
vienna;austria
stockholm;sweden
gothenburg|göteborg;sweden
oslo;norway
copenhagen;denmark
helsinki;finland
warsaw;poland
prague;czech republic
budapest;hungary
debrecen;hungary
athens;greece
dublin;ireland
moscow;russia
kyiv|kiev;ukraine
istanbul;turkey
ankara;turkey
tokyo;japan
osaka;japan
nagoya;japan
toyota city;japan
seoul;south korea
busan;south korea
ulsan;south korea
taipei;taiwan
mumbai|bombay;india
delhi|new delhi;india
bangalore|bengaluru;india
chennai;india
hyderabad;india
jakarta;indonesia
hanoi;vietnam
ho chi minh city|saigon;vietnam
bangkok;thailand
kuala lumpur;malaysia
manila;philippines
riyadh;saudi arabia
dubai;united arab emirates
abu dhabi;united arab emirates
tel aviv;israel
cairo;egypt
lagos;nigeria
johannesburg;south africa
cape town;south africa
nairobi;kenya
toronto;canada
montreal;canada
vancouver;canada
mexico city;mexico
monterrey;mexico
sao paulo|são paulo;brazil
rio de janeiro;brazil
buenos aires;argentina
santiago;chile
bogota|bogotá;colombia
lima;peru
sydney;australia
melbourne;australia
auckland;new zealand
"""

# region: aliases; country (or continent for supranational regions)
_REGIONS = """
europe;
asia;
africa;
north america;
south america;
oceania;
middle east;
european union|eu|e.u.;europe
california;united states
alabama;united states
alaska;united states
arizona;united states
arkansas;united states
colorado;united states
connecticut;united states
delaware;united states
hawaii;united states
idaho;united states
illinois;united states
indiana;united states
iowa;united states
kansas;united states
kentucky;united states
louisiana;united states
maine;united states
maryland;united states
massachusetts;united states
minnesota;united states
mississippi;united states
missouri;united states
montana;united states
nebraska;united states
new hampshire;united states
new jersey;united states
new mexico;united states
north carolina;united states
north dakota;united states
ohio;united states
oklahoma;united states
oregon;united states
pennsylvania;united states
rhode island;united states
south carolina;united states
south dakota;united states
tennessee;united states
utah;united states
vermont;united states
virginia;united states
west virginia;united states
wisconsin;united states
wyoming;united states
texas;united states
florida;united states
michigan;united states
nevada;united states
guangdong;china
jiangsu;china
zhejiang;china
anhui;china
hubei;china
sichuan;china
bavaria;germany
brandenburg;germany
lower saxony;germany
saxony;germany
ontario;canada
quebec;canada
queensland;australia
"""


@dataclass(frozen=True, slots=True)
class Place:
    key: str
    type: str  # country | city | region | continent
    parent: str | None  # country of a city/region, continent of a country


def _load_gazetteer() -> tuple[dict[str, Place], dict[str, str]]:
    places: dict[str, Place] = {}
    aliases: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        names, demonyms, continent = line.split(";")
        key = names.split("|")[0]
        places[key] = Place(key, "country", continent)
        for alias in names.split("|"):
            aliases[alias] = key
        for dem in demonyms.split("|"):
            aliases[dem] = key
    for line in _CITIES.strip().splitlines():
        names, country = line.split(";")
        key = names.split("|")[0]
        places.setdefault(key, Place(key, "city", country))
        for alias in names.split("|"):
            aliases.setdefault(alias, key)
    for line in _REGIONS.strip().splitlines():
        names, parent = line.split(";")
        key = names.split("|")[0]
        kind = "continent" if not parent else "region"
        places.setdefault(key, Place(key, kind, parent or None))
        for alias in names.split("|"):
            aliases.setdefault(alias, key)
    for demonym, continent in _CONTINENT_DEMONYMS.items():
        aliases.setdefault(demonym, continent)
    return places, aliases


# "an African country", "a European carmaker": a continent's adjective, read like a country's demonym.
_CONTINENT_DEMONYMS = {
    "african": "africa",
    "european": "europe",
    "asian": "asia",
    "north american": "north america",
    "south american": "south america",
}
PLACES, PLACE_ALIASES = _load_gazetteer()
_DEMONYMS = frozenset(
    [d for line in _COUNTRIES.strip().splitlines() for d in line.split(";")[1].split("|")]
    + list(_CONTINENT_DEMONYMS)
)
_MAX_ALIAS_WORDS = max(len(a.split()) for a in PLACE_ALIASES)

# Sentence-initial capitalised words that are ordinary words, not names.
_COMMON = frozenset(
    words(
        "after although among analysts another because before both but despite during each earlier early "
        "even every few first following for from given here however if in including instead its last "
        "later like many meanwhile more most much new next nor now officials once only other others our "
        "over overall people perhaps production sales shares since some still such than that the their "
        "then there these they this those though thus today together under unlike until what when where "
        "whereas which while who why with within without yet you your revenue profit prices analysts "
        "investors experts critics according based by it he she we i an a as at of on to is was are were "
        "be has have had not no yes all any one two three four five six seven eight nine ten workers "
        "employees customers drivers users buyers demand supply growth output exports imports "
        "construction investment funding electric several most last next this plans plan reports report "
        "data figures government police researchers scientists studies study officials authorities "
        "company firm group unit division factory plant brand car cars vehicles market markets earlier "
        "later yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday founder chief "
        "executive president chairman during according following including building looking speaking "
        "citing using having being adding asked speaking rising falling total net gross annual due prior "
        "thanks owing apart regardless contrary aside ahead amid amidst behind beyond throughout toward "
        "towards review reviews"
    )
)
_TITLES = frozenset(
    words(
        "mr mrs ms dr prof sir president ceo chairman chairwoman chief executive founder minister premier "
        "governor senator mayor king queen prince princess lord lady general director spokesman "
        "spokeswoman"
    )
)
_CONNECTORS = frozenset({"of", "&", "de", "du", "la", "van", "von", "der"})
_ORG_SUFFIXES = frozenset(
    words(
        "inc inc. corp corp. corporation co co. ltd ltd. limited llc plc group holdings holding ag se sa "
        "nv gmbh company motors motor automotive technologies technology electronics "
        "fc f.c. afc a.f.c. cf c.f. club football"
    )
)
_WEEKDAYS = frozenset(day.lower() for day in WEEKDAY_NAMES)
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})
_NOT_NAMES = frozenset(
    {
        "i",
        "q",
        "h",
        "no",
        "the",
        "a",
        "an",
        "ev",
        "evs",
        "ceo",
        "cfo",
        "ipo",
        "gdp",
        "ai",
        "suv",
        "suvs",
        "tv",
        "pc",
        "dj",
        # diseases, viruses and molecules (capitalised at a sentence start or written in capitals)
        "coronavirus",
        "covid",
        "sars",
        "cov",
        "mers",
        "hiv",
        "aids",
        "dna",
        "rna",
    }
)
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


@dataclass(frozen=True, slots=True)
class NameMention:
    """A named place or organisation: ``kind`` is ``place`` or ``organisation``.

    ``key`` is the comparison key (lower case, aliases resolved for places, corporate suffixes dropped);
    ``place_type`` is ``city``/``country``/``region``/``continent`` for gazetteer places, ``unknown`` for
    other places, None for organisations; ``demonym`` is true for adjectives such as "Chinese".
    """

    text: str
    start: int
    end: int
    kind: str
    key: str
    place_type: str | None = None
    demonym: bool = False


def name_key(text: str) -> str:
    """The comparison key of a name: lower case, possessive and corporate suffixes dropped, aliases
    resolved."""
    low = text.lower().replace("’", "'").strip()
    if low.endswith("'s"):
        low = low[:-2]
    if low in PLACE_ALIASES:
        return PLACE_ALIASES[low]
    words = [w for w in low.replace(",", " ").split() if w]
    while len(words) > 1 and words[-1] in _ORG_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def place_info(key: str) -> Place | None:
    """The gazetteer entry of a place key, or None."""
    return PLACES.get(key)


def place_within(inner: str, outer: str) -> bool:
    """True when place ``inner`` lies in (or is) place ``outer``: Beijing in China, China in Asia."""
    seen = 0
    current: str | None = inner
    while current is not None and seen < 5:
        if current == outer:
            return True
        info = PLACES.get(current)
        current = info.parent if info else None
        seen += 1
    return False


def same_organisation(a: str, b: str) -> bool:
    """True when two organisation keys name the same body: equal, or one's words contained in the other's
    ("xiaomi" and "xiaomi ev", "lei jun" and "jun"), a leading word allowed to be short for the other's
    ("chris kyle" and "christopher scott kyle"; the last word, a surname or a company's kind, must match)."""
    if a == b:
        return True
    small, big = sorted((a.split(), b.split()), key=len)
    if not small:
        return False
    if set(small) <= set(big):
        return True
    short_for = [w in big or (len(w) >= 3 and any(o.startswith(w) for o in big)) for w in small[:-1]]
    return small[-1] in big and all(short_for)


def _capitalised(tok: Token) -> bool:
    if tok.kind != "word":
        return False
    t = tok.text
    # "Xiaomi", and mixed case such as "iPhone", "eBay"
    return t[0].isupper() or (t != tok.low and len(t) > 1)


def _sentence_start(tokens: tuple[Token, ...], i: int, text: str) -> bool:
    if i == 0:
        return True
    prev = tokens[i - 1]
    if prev.text in (".", "!", "?", ":", ";", '"', "“", "(", "[", "-", "—", "–", "'", "‘"):
        return True
    return "\n" in text[prev.end : tokens[i].start]


def _initials(tokens: Tokens, j: int, run: list[int]) -> int:
    """After a one-letter capital at ``j - 1``: the dotted initials glued to it ("U.S.", "U.K."), added to
    ``run``; returns the index after them."""
    n = len(tokens)
    t = tokens[j - 1]
    while (
        j + 1 < n
        and t.text.isupper()
        and len(t.text) == 1
        and tokens[j].text == "."
        and adjacent(tokens[j - 1], tokens[j])
    ):
        run.append(j)
        j += 1
        if j < n and tokens[j].kind == "word" and len(tokens[j].text) == 1 and tokens[j].text.isupper():
            run.append(j)
            j += 1
            if j < n and tokens[j].text == "." and adjacent(tokens[j - 1], tokens[j]):
                run.append(j)
                j += 1
        t = tokens[j - 1]
    return j


def _joins(tokens: Tokens, j: int, run: list[int]) -> bool:
    """A hyphen or a lower-case connector ("of", "&", "de") between two capitalised words of one name."""
    t, n = tokens[j], len(tokens)
    if not (run and j + 1 < n and _capitalised(tokens[j + 1])):
        return False
    if t.text == "-":
        return tokens[j - 1].end == t.start == tokens[j + 1].start - 1
    return t.low in _CONNECTORS and t.text.islower()


def _name_run(tokens: Tokens, i: int) -> tuple[list[int], int]:
    """The run of capitalised words starting at token ``i``, joined by connectors, hyphens or dotted
    initials (U.S.); and the index after it."""
    j = i
    run: list[int] = []
    while j < len(tokens):
        t = tokens[j]
        if _capitalised(t):
            run.append(j)
            j += 1
            if t.low.endswith(("'s", "’s")):
                break  # a possessive ends the name: "Tesla's Shanghai factory"
            j = _initials(tokens, j, run)
        elif _joins(tokens, j, run):
            run.append(j)
            j += 1
        elif _designation(tokens, j, run):
            run += [j, j + 1]
            j += 2
        else:
            break
    return run, j


def _designation(tokens: Tokens, j: int, run: list[int]) -> bool:
    """A hyphen and a number glued to a short capitalised word: a model's designation ("F-35", "MiG-29",
    "B-52"), part of the name."""
    n = len(tokens)
    if not (run and run[-1] == j - 1 and j + 1 < n and tokens[j].text == "-" and tokens[j + 1].kind == "num"):
        return False
    before, after = tokens[j - 1], tokens[j + 1]
    return len(before.text) <= 3 and before.end == tokens[j].start == after.start - 1


def _trimmed(tokens: Tokens, run: list[int], text: str) -> list[int]:
    """The run without leading titles, determiners and sentence-initial common words, and without trailing
    connectors."""
    kept = list(run)
    while (
        kept
        and not _opens_a_place(tokens, kept)
        and (
            tokens[kept[0]].low in _TITLES
            or tokens[kept[0]].low in _NOT_NAMES
            or tokens[kept[0]].low in _WEEKDAYS
            or tokens[kept[0]].text in ("-", "–")  # what is left of "SARS-CoV-2" once "SARS" is trimmed
            or (tokens[kept[0]].low in _COMMON and _sentence_start(tokens, kept[0], text))
            or (_opening_adverb(tokens[kept[0]].low) and _sentence_start(tokens, kept[0], text))
            or (tokens[kept[0]].low in STOPWORDS and tokens[kept[0]].low not in PLACE_ALIASES)
        )
    ):
        kept.pop(0)
    while (
        kept
        and (tokens[kept[-1]].low in _CONNECTORS or tokens[kept[-1]].text in ("-", "."))
        and not (tokens[kept[-1]].text == "." and len(kept) > 1 and len(tokens[kept[-2]].text) == 1)
    ):
        kept.pop()
    return kept


def _opening_adverb(low: str) -> bool:
    """An adverb in "-ly" of seven letters or more opening a sentence ("Originally KENYA won ...",
    "Currently Tesla builds ..."): no part of the name after it (names such as "Sally" or "Beverly" have
    other endings)."""
    return (
        len(low) >= 7
        and low.endswith(("ally", "ently", "antly", "ously", "ively", "ately"))
        and (low not in PLACE_ALIASES)
    )


def _opens_a_place(tokens: Tokens, kept: list[int]) -> bool:
    """Whether the run opens with a place of two or more words whose first is a common word ("New York",
    "New South Wales")."""
    lows = [tokens[i].low for i in kept[:_MAX_ALIAS_WORDS]]
    return any(" ".join(lows[:width]) in PLACE_ALIASES for width in range(2, len(lows) + 1))


def _not_a_name(tokens: Tokens, kept: list[int], low: str, text: str) -> bool:
    """A single capitalised word that names nothing: a month, an ordinal, a weekday, a letter, a currency
    code, a contraction ("I'm") or a common word opening a sentence."""
    if len(kept) != 1:
        return False
    first = tokens[kept[0]]
    if (
        low in MONTHS
        or low in ORDINAL_WORDS
        or low in _WEEKDAYS
        or (len(low) <= 1)
        or (first.text.isupper() and low in _CURRENCY_CODES)
    ):
        return True
    if ("'" in low or "’" in low) and not low.endswith(("'s", "’s")):
        return True  # "I'm", "We're": contractions
    if not _sentence_start(tokens, kept[0], text):
        return False
    return _looks_common(low) or _opening_participle(tokens, kept[0])


def _opening_participle(tokens: Tokens, i: int) -> bool:
    """A sentence opening with a participle and its agent ("Curated by Josie Rourke") or a phrase that
    names nothing ("Founded in 2010", "Based in the city"), or an irregular participle before a
    preposition ("Born in McComb"): the word is a verb, not a name ("Ahmed in Cairo" stays one)."""
    if not (tokens[i].low.endswith("ed") or tokens[i].low in _IRREGULAR_PARTICIPLES) or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1].low
    if after == "by" or (after in _PARTICIPLE_PREPOSITIONS and tokens[i].low in _IRREGULAR_PARTICIPLES):
        return True
    then = tokens[i + 2].text if i + 2 < len(tokens) else ""
    return after in _PARTICIPLE_PREPOSITIONS and bool(then) and (then[0].isdigit() or then[0].islower())


_IRREGULAR_PARTICIPLES = frozenset(
    words("born known made built written given taken seen grown shown drawn held led sold won begun chosen")
)
_PARTICIPLE_PREPOSITIONS = frozenset(
    words("in on at from with for as into during after before under over through between since until")
)


@lru_cache(maxsize=16384)
def extract_names(text: str) -> tuple[NameMention, ...]:
    """Places and organisations named in ``text``, in order, with offsets (``text[start:end] == mention``)."""
    if not isinstance(text, str):
        raise InputError(f"expected text, got {type(text).__name__}")
    tokens = tokenize(text)
    out: list[NameMention] = []
    i = 0
    while i < len(tokens):
        if not _capitalised(tokens[i]):
            i += 1
            continue
        run, i = _name_run(tokens, i)
        kept = _trimmed(tokens, run, text)
        if not kept:
            continue
        first, last = tokens[kept[0]], tokens[kept[-1]]
        end = last.end - 2 if last.text.endswith(("'s", "’s")) and len(last.text) > 2 else last.end
        mention = text[first.start : end]
        if not _not_a_name(tokens, kept, mention.lower().replace("’", "'"), text):
            out.extend(_located(m, text) for m in _classify(tokens, kept, mention, first.start, end))
    return tuple(out)


# Nouns of places: a demonym before one names where, not whose ("six Irish cities" are cities in Ireland).
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:cit(?:y|ies)|towns?|villages?|regions?|provinces?|states?|coast|border|capital|ports?|waters|soil|"
    r"territory|islands?|countryside|mainland)\b",
    re.IGNORECASE,
)


def _located(mention: NameMention, text: str) -> NameMention:
    """``mention``, read as the place it names where a demonym stands before a noun of places."""
    if mention.demonym and _PLACE_NOUN_AFTER.match(text, mention.end):
        return replace(mention, demonym=False)
    return mention


_CURRENCY_CODES = frozenset(CURRENCY_CODES)


def _looks_common(low: str) -> bool:
    """A sentence-initial single word that is probably an ordinary word ("Production", "Analysts")."""
    base = low[:-2] if low.endswith("'s") else low
    if base in PLACE_ALIASES:
        return False
    return (
        base in _COMMON or base in STOPWORDS or base.endswith(("tion", "sion", "ment", "ness", "ity", "ly"))
    )


def _classify(
    tokens: tuple[Token, ...], words: list[int], mention: str, start: int, end: int
) -> list[NameMention]:
    low = mention.lower().replace("’", "'")
    possessive = low.endswith("'s")
    base = low[:-2] if possessive else low
    if base in PLACE_ALIASES:
        key = PLACE_ALIASES[base]
        info = PLACES[key]
        demonym = base in _DEMONYMS
        return [NameMention(mention, start, end, "place", key, info.type, demonym)]
    # "Beijing Xiaomi", "Chinese carmaker BYD": a leading place inside a longer run, then the rest
    parts = base.split()
    for width in range(min(_MAX_ALIAS_WORDS, len(words) - 1), 0, -1):
        head = " ".join(parts[:width])
        if head in PLACE_ALIASES and len(parts) > width and parts[width] not in _ORG_SUFFIXES:
            rest_tok = _word_index_after(tokens, words, width)
            if rest_tok is None:
                break
            key = PLACE_ALIASES[head]
            head_end = tokens[rest_tok - 1].end if rest_tok > 0 else end
            place = NameMention(
                mention[: head_end - start],
                start,
                head_end,
                "place",
                key,
                PLACES[key].type,
                head in _DEMONYMS,
            )
            rest_start = tokens[rest_tok].start
            rest = mention[rest_start - start :]
            return [place, NameMention(rest, rest_start, end, "organisation", name_key(rest))]
    prev = tokens[words[0] - 1] if words[0] > 0 else None
    if prev is not None and prev.low in _PLACE_PREPOSITIONS and not possessive:
        last = parts[-1] if parts else ""
        if last not in _ORG_SUFFIXES:
            return [NameMention(mention, start, end, "place", name_key(mention), "unknown")]
    return [NameMention(mention, start, end, "organisation", name_key(mention))]


def _word_index_after(tokens: tuple[Token, ...], words: list[int], width: int) -> int | None:
    count = 0
    for k in words:
        if tokens[k].kind == "word":
            count += 1
            if count == width + 1:
                return k
    return None
