"""A realistic demo corpus of any size, for trying the dashboard (and measuring it) at scale.

Pure text generation, no database: `demo_articles(n)` yields n ArticleInputs, recombined and varied
from the seed articles in seeds/. Each article takes sentences from several seeds (furniture lines
left out), swaps the people, places, figures, months and outlets in them from lists, and adds
sentences of its own: quotations by speakers of a long-tailed distribution (a few heads of state
speak often, hundreds of invented experts and spokespeople rarely), a sourced estimate, a credit
line. A few articles (about 3 in 100) are light rewrites of an earlier one, as a wire story runs in
several outlets; the rest differ enough that the near-duplicate detection keeps them apart.

Deterministic: article i depends only on (seed, i), so the first 1,000 articles of a 100,000-article
corpus are the 1,000-article corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from app.formats import ArticleInput

SEED = 20250209
START, DAYS = date(2022, 3, 1), 1400  # articles dated from March 2022 over ~3.8 years
NEAR_DUPLICATE_SHARE = 0.03

FURNITURE = re.compile(
    r"^(Artikel anhören|Politik|Newsletter|Nicht mehr anzeigen|\d\d:\d\d|\(Foto:.*\)|Quelle:.*|Diese Audioversion.*"
    r"|Ich möchte gerne.*|Frontlinie|\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr)$"
)
SENTENCE_END = re.compile(r"(?<=[.!?“\"])\s+(?=[A-ZÄÖÜ„“\"])")

# people as the seeds name them → who they may become (same sex, so the German still agrees)
MEN = [
    ("Kim Jong Un", "Kim"), ("Wladimir Putin", "Putin"), ("Sergej Lawrow", "Lawrow"), ("Andrej Beloussow", "Beloussow"),
    ("Sergej Schoigu", "Schoigu"), ("Dmitri Peskow", "Peskow"), ("Dmitri Medwedew", "Medwedew"),
    ("Waleri Gerassimow", "Gerassimow"), ("Juri Uschakow", "Uschakow"), ("Wolodymyr Selenskyj", "Selenskyj"),
    ("Andrij Sybiha", "Sybiha"), ("Kyrylo Budanow", "Budanow"), ("Joe Biden", "Biden"), ("Donald Trump", "Trump"),
    ("Antony Blinken", "Blinken"), ("Marco Rubio", "Rubio"), ("Pete Hegseth", "Hegseth"), ("John Kirby", "Kirby"),
    ("Yoon Suk Yeol", "Yoon"), ("Xi Jinping", "Xi"), ("Olaf Scholz", "Scholz"), ("Friedrich Merz", "Merz"),
    ("Boris Pistorius", "Pistorius"), ("Mark Rutte", "Rutte"), ("Jens Stoltenberg", "Stoltenberg"),
    ("No Kwang Chol", "No Kwang Chol"), ("Pak Jong Chon", "Pak Jong Chon"), ("António Guterres", "Guterres"),
]
WOMEN = [("Choe Son Hui", "Choe"), ("Kim Yo Jong", "Kim Yo Jong"), ("Maria Sacharowa", "Sacharowa"),
         ("Annalena Baerbock", "Baerbock")]
SEED_PEOPLE = {  # spelling in the seeds → sex
    "Kim Jong Un": "m", "Kim Jong-un": "m", "Wladimir Putin": "m", "Sergej Lawrow": "m", "Andrej Beloussow": "m",
    "Andrei Belousov": "m", "Wolodymyr Selenskyj": "m", "Antony Blinken": "m", "Joe Biden": "m",
    "Choe Son Hui": "f", "Choe Son-hui": "f",
}
SEED_SURNAMES = ("Kim", "Putin", "Lawrow", "Beloussow", "Belousov", "Selenskyj", "Blinken", "Biden", "Choe", "Putins",
                 "Kims")

FIRST_M = ["Dmitri", "Jonas", "Sergej", "Alexej", "Jan", "Minho", "Thomas", "Oleh", "Pawel", "Felix", "Ivan",
           "Hyun-woo", "Lukas", "Andrij", "Michael", "Wladislaw", "Bernd", "Jae-sung", "Piotr", "Stefan", "Igor",
           "Taras", "Markus", "Sung-ho", "Konstantin", "Ralf", "Nikolai", "Matthias", "Young-jin", "Viktor"]
FIRST_F = ["Anna", "Olena", "Ji-yeon", "Katharina", "Natalja", "Sabine", "Irina", "Min-ji", "Julia", "Oksana",
           "Claudia", "Swetlana", "Hye-jin", "Marta", "Elena", "Sophie", "Tetjana", "Su-bin", "Ulrike", "Darja"]
LAST = ["Orlowski", "Brenner", "Kowalenko", "Park", "Lindqvist", "Sokolow", "Hartmann", "Choi", "Bondarenko",
        "Weber", "Iwanowa", "Nam", "Kessler", "Tkatschenko", "Yoon-Baek", "Moroz", "Falkenberg", "Han", "Petrenko",
        "Schubert", "Wolkow", "Jang", "Kravets", "Lorenz", "Baranow", "Seo", "Hoffmann", "Melnyk", "Ryu", "Krüger",
        "Saizew", "Koval", "Winter", "Gong", "Lebedew", "Shevchuk", "Berger", "Ahn", "Fedorow", "Rudenko",
        "Albrecht", "Oh", "Nowak", "Tarasenko", "Engel", "Kang", "Morosow", "Holz", "Lysenko", "Jung-Ramos"]
EXPERT_ROLES = [
    ("Militärexperte", "Militärexpertin", "vom Institut für Sicherheitspolitik"),
    ("Analyst", "Analystin", "des Korea-Programms am Asan-Institut"),
    ("Politologe", "Politologin", "von der Universität Seoul"),
    ("Sprecher", "Sprecherin", "des ukrainischen Generalstabs"),
    ("Sprecher", "Sprecherin", "des südkoreanischen Vereinigten Generalstabs"),
    ("Korea-Experte", "Korea-Expertin", "der Stiftung Wissenschaft und Politik"),
    ("Oberst", "Oberstin", "der ukrainischen Armee"),
    ("Abgeordnete", "Abgeordnete", "im Verteidigungsausschuss"),
    ("Diplomat", "Diplomatin", "in Seoul"),
    ("Forscher", "Forscherin", "am Royal United Services Institute"),
]
FAMOUS_ROLES = {
    "Kim Jong Un": "Machthaber", "Wladimir Putin": "Kremlchef", "Sergej Lawrow": "Außenminister",
    "Andrej Beloussow": "Verteidigungsminister", "Dmitri Peskow": "Kremlsprecher", "Maria Sacharowa":
    "Außenamtssprecherin", "Wolodymyr Selenskyj": "Präsident", "Choe Son Hui": "Außenministerin",
    "Kim Yo Jong": "Funktionärin", "Antony Blinken": "US-Außenminister", "John Kirby": "Sicherheitssprecher",
    "Yoon Suk Yeol": "Präsident", "Kyrylo Budanow": "Geheimdienstchef", "Mark Rutte": "Nato-Generalsekretär",
    "Boris Pistorius": "Verteidigungsminister", "Dmitri Medwedew": "Vizechef des Sicherheitsrats",
}
FAMOUS = ["Kim Jong Un", "Wladimir Putin", "Sergej Lawrow", "Wolodymyr Selenskyj", "Dmitri Peskow", "Choe Son Hui",
          "Maria Sacharowa", "Antony Blinken", "Andrej Beloussow", "Kim Yo Jong", "John Kirby", "Kyrylo Budanow",
          "Yoon Suk Yeol", "Dmitri Medwedew", "Mark Rutte", "Boris Pistorius"]

PLACES = ["Pjöngjang", "Moskau", "Seoul", "Kiew", "Wladiwostok", "Wonsan", "Kursk", "Chabarowsk", "Tokio", "Peking",
          "Washington", "Brüssel", "Berlin", "Charkiw", "Belgorod", "Rason", "Sinuiju", "Nampo", "Woronesch", "Brjansk"]
SEED_PLACES = ["Pjöngjang", "Moskau", "Wonsan", "Kursk", "Kiew"]
REGIONS = ["Kursk", "Belgorod", "Brjansk", "Donezk", "Saporischschja", "Charkiw", "Luhansk", "Cherson"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember"]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]

OUTLETS = [  # (publisher, domain, usual credit)
    ("ntv.de", "n-tv.de", "dpa/AFP"), ("Der Spiegel", "spiegel.de", "dpa"), ("FAZ", "faz.net", "Reuters"),
    ("Süddeutsche Zeitung", "sueddeutsche.de", "dpa"), ("Tagesschau", "tagesschau.de", "ARD"),
    ("Zeit Online", "zeit.de", "AFP"), ("WELT", "welt.de", "dpa/Reuters"), ("Focus Online", "focus.de", "dpa"),
    ("Frankfurter Rundschau", "fr.de", "AFP/dpa"), ("Münchner Merkur", "merkur.de", "dpa"),
    ("Handelsblatt", "handelsblatt.com", "Reuters"), ("Deutsche Welle", "dw.com", "AFP, Reuters"),
    ("t-online", "t-online.de", "dpa"), ("RND", "rnd.de", "dpa/AP"), ("BILD", "bild.de", None),
    ("ZDF", "zdf.de", "dpa"), ("Kyiv Independent", "kyivindependent.com", None), ("NK News", "nknews.org", None),
    ("Stuttgarter Zeitung", "stuttgarter-zeitung.de", "dpa"), ("Kölner Stadt-Anzeiger", "ksta.de", "AFP"),
]
AGENCIES = ["KCNA", "TASS", "Yonhap", "RIA Novosti", "Interfax", "Kyodo", "Reuters", "AFP", "dpa", "AP"]
SOURCES = [  # who gives a figure, in the genitive after "nach Angaben"
    "des südkoreanischen Geheimdienstes NIS", "des ukrainischen Militärgeheimdienstes HUR", "des Pentagons",
    "der Nato", "westlicher Geheimdienste", "des ukrainischen Generalstabs", "der japanischen Regierung",
    "des britischen Verteidigungsministeriums", "des US-Außenministeriums", "von Beobachtern",
]
UNITS = [("Soldaten", 1000, 40000), ("Granaten", 100_000, 9_000_000), ("Raketen", 20, 400),
         ("Artilleriegeschütze", 50, 600), ("Container", 1000, 20000), ("Tote und Verletzte", 500, 8000),
         ("Arbeiter", 1000, 15000), ("Tonnen Öl", 10_000, 1_000_000)]
QUALIFIERS = ["mehr als", "bis zu", "rund", "etwa", "mindestens", "fast", "über", ""]

Q_SUBJECTS = ["Unsere Freundschaft", "Die Partnerschaft mit {ally}", "Diese Zusammenarbeit", "Der Vertrag",
              "Jede weitere Lieferung", "Die Entsendung der Truppen", "Die Lage in {region}", "Der Westen",
              "Das Bündnis zwischen Moskau und Pjöngjang", "Die internationale Gemeinschaft", "Unser Volk",
              "Die Armee", "Diese Provokation", "Der Austausch von Technologie", "Die Front bei {region}"]
Q_VERBS = ["wird", "muss", "darf", "kann", "soll"]
Q_OBJECTS = ["niemals ins Wanken geraten", "eine neue Stufe erreichen", "nicht ohne Antwort bleiben",
             "die Sicherheit der ganzen Region gefährden", "auf allen Ebenen ausgebaut werden",
             "den Krieg um Jahre verlängern", "von niemandem aufgehalten werden", "sehr genau beobachtet werden",
             "gegen das Völkerrecht verstoßen", "ein Zeichen der Stärke sein", "Konsequenzen haben",
             "uns nicht einschüchtern", "weiter vertieft werden", "die Sanktionen ins Leere laufen lassen",
             "an der Front spürbar werden", "im Interesse beider Völker liegen"]
Q_TAILS = ["", " Das ist klar.", " Daran gibt es keinen Zweifel.", " Wir sind darauf vorbereitet.",
           " Das zeigt die Erfahrung der letzten {n} Monate.", " Die Welt sollte das wissen.",
           " Niemand sollte das unterschätzen."]
SPEECH = ["sagte", "erklärte", "betonte", "warnte", "versicherte", "bekräftigte", "sagte am {weekday}"]
HEADLINES = [
    "{name} sagt Moskau weitere Unterstützung zu", "Nordkorea schickt offenbar {n} weitere {unit} nach Russland",
    "{place}: {name} warnt vor Eskalation", "Geheimdienst: Nordkoreanische Truppen in {region} gesichtet",
    "Russland und Nordkorea vertiefen Zusammenarbeit", "{name} empfängt Delegation aus {place}",
    "Bericht: Pjöngjang liefert {n} {unit}", "Was hinter dem Pakt zwischen Kim und Putin steckt",
    "Nordkoreas Soldaten an der Front: Was bekannt ist", "{name}: „Wir stehen an der Seite Russlands“",
    "Neue Lieferungen über {place}?", "Seoul reagiert auf Truppenentsendung",
]


@dataclass(frozen=True)
class Speaker:
    name: str
    surname: str
    sex: str
    role: str  # the noun before the name: "Kremlsprecher", "Militärexperte"
    tail: str  # after the name: "vom Institut für …", or ""


@lru_cache
def seed_sentences(seeds_dir: str | None = None) -> tuple[str, ...]:
    """The seeds' sentences (headline lines and page furniture left out)."""
    from app.config import ROOT

    folder = Path(seeds_dir) if seeds_dir else ROOT / "seeds"
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n")]
        for line in lines[1:]:
            if len(line) < 60 or FURNITURE.match(line):
                continue
            out.extend(s.strip() for s in SENTENCE_END.split(line) if len(s.strip()) > 30)
    if not out:
        raise ValueError(f"no seed articles in {folder}")
    return tuple(out)


def zipf_index(rng: random.Random, n: int, s: float = 1.1) -> int:
    """An index in [0, n) drawn with weight 1/(i+1)^s: the first few often, the tail rarely."""
    weights = _zipf_weights(n, s)
    return rng.choices(range(n), cum_weights=weights)[0]


@lru_cache
def _zipf_weights(n: int, s: float) -> list[float]:
    total, out = 0.0, []
    for i in range(n):
        total += 1 / (i + 1) ** s
        out.append(total)
    return out


@lru_cache
def invented_speakers() -> tuple[Speaker, ...]:
    """Experts and spokespeople: 1,500 names, spread so that most speak in only a few articles."""
    people, rng = [], random.Random(SEED)
    for last_i, last in enumerate(LAST):
        for first_i in range(30):
            sex = "f" if (first_i + last_i) % 3 == 0 else "m"
            first = FIRST_F[first_i % len(FIRST_F)] if sex == "f" else FIRST_M[first_i % len(FIRST_M)]
            male, female, tail = EXPERT_ROLES[rng.randrange(len(EXPERT_ROLES))]
            people.append(Speaker(f"{first} {last}", last, sex, female if sex == "f" else male, tail))
    rng.shuffle(people)
    return tuple(dict.fromkeys(people))


def famous_speaker(name: str) -> Speaker:
    short = dict(MEN + WOMEN)[name]
    sex = "f" if name in dict(WOMEN) else "m"
    return Speaker(name, short, sex, FAMOUS_ROLES.get(name, "Politiker"), "")


def pick_speaker(rng: random.Random) -> Speaker:
    if rng.random() < 0.55:
        return famous_speaker(FAMOUS[zipf_index(rng, len(FAMOUS), 1.2)])
    pool = invented_speakers()
    return pool[zipf_index(rng, len(pool), 0.9)]


def german_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def vary_number(rng: random.Random, match: re.Match) -> str:
    digits = match.group(0).replace(".", "")
    if not digits.isdigit() or len(digits) == 4 and digits.startswith(("19", "20")):
        return match.group(0)  # a year stays a year (varied by `vary_years`)
    value = int(digits)
    new = max(1, int(value * rng.uniform(0.4, 2.5)))
    if value >= 1000:
        new = round(new, -2)
    return german_number(new)


class Variation:
    """One article's swaps: people, places, figures, months and years."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        men, women = rng.sample(MEN, len(MEN)), rng.sample(WOMEN, len(WOMEN))
        self.people: dict[str, str] = {}
        for i, (name, sex) in enumerate(SEED_PEOPLE.items()):
            self.people[name] = (men if sex == "m" else women)[i % (len(men) if sex == "m" else len(women))][0]
        self.surnames: dict[str, str] = {}
        for surname in SEED_SURNAMES:
            base = surname[:-1] if surname in ("Putins", "Kims") else surname
            full = next((v for k, v in self.people.items() if k.endswith(base) or k.startswith(base)), None)
            short = dict(MEN + WOMEN).get(full, base) if full else base
            self.surnames[surname] = short + ("s" if surname != base and not short.endswith("s") else "")
        self.places = dict(zip(SEED_PLACES, rng.sample(PLACES, len(SEED_PLACES)), strict=True))
        self.year_shift = rng.choice([-1, 0, 0, 1])
        self.names = re.compile("|".join(re.escape(k) for k in sorted(
            [*self.people, *self.surnames, *self.places], key=len, reverse=True)) + r"(?=\W)")

    def apply(self, sentence: str) -> str:
        rng = self.rng

        def swap(m: re.Match) -> str:
            word = m.group(0)
            return self.people.get(word) or self.surnames.get(word) or self.places.get(word) or word

        sentence = self.names.sub(swap, sentence)
        sentence = re.sub(r"\b\d{1,3}(?:\.\d{3})+\b|\b\d+\b", lambda m: vary_number(rng, m), sentence)
        sentence = re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group(0)) + self.year_shift), sentence)
        return re.sub(r"\b(" + "|".join(MONTHS) + r")\b", lambda m: rng.choice(MONTHS), sentence)


def quote_sentence(rng: random.Random, speaker: Speaker) -> str:
    fill = {"ally": rng.choice(["Russland", "Nordkorea", "Moskau", "Pjöngjang"]), "region": rng.choice(REGIONS),
            "n": rng.randint(2, 40), "weekday": rng.choice(WEEKDAYS)}
    words = (f"{rng.choice(Q_SUBJECTS)} {rng.choice(Q_VERBS)} {rng.choice(Q_OBJECTS)}.{rng.choice(Q_TAILS)}"
             .format(**fill))
    verb = rng.choice(SPEECH).format(**fill)
    if speaker.tail:  # "Michael Park, Sprecher des ukrainischen Generalstabs"
        who = f"{speaker.name}, {speaker.role} {speaker.tail}"
        subject = f"{who},"
    else:  # "der Kremlsprecher Dmitri Peskow"
        who = f"{'die' if speaker.sex == 'f' else 'der'} {speaker.role} {speaker.name}"
        subject = who[0].upper() + who[1:]
    channel = f" der Nachrichtenagentur {rng.choice(AGENCIES)}" if rng.random() < 0.3 else ""
    form = rng.randrange(4)
    if form == 0:
        return f"„{words[:-1] if words.endswith('.') else words}“, {verb} {who}{channel}."
    if form == 1:
        return f"{subject} {verb}{channel}: „{words}“"
    if form == 2:
        return f"„{words}“ So {verb.split()[0]} es {who}."
    return f"{subject} {verb}, {words[0].lower()}{words[1:].split('.')[0]}; das sei „{rng.choice(Q_OBJECTS)}“."


def estimate_sentence(rng: random.Random) -> str:
    unit, low, high = rng.choice(UNITS)
    value = german_number(round(rng.randint(low, high), -1 if high < 1000 else -2))
    qualifier = rng.choice(QUALIFIERS)
    figure = f"{qualifier} {value}".strip()
    source = rng.choice(SOURCES)
    if rng.random() < 0.5:
        return f"Nach Angaben {source} hat Nordkorea bislang {figure} {unit} an Russland geliefert."
    return f"Nach Schätzungen {source} sind inzwischen {figure} {unit} in der Region {rng.choice(REGIONS)} im Einsatz."


def headline(rng: random.Random, speaker: Speaker) -> str:
    unit, low, high = rng.choice(UNITS)
    return rng.choice(HEADLINES).format(name=speaker.name, n=german_number(rng.randint(low, high)), unit=unit,
                                        place=rng.choice(PLACES), region=rng.choice(REGIONS))


def article(index: int, seed: int = SEED, seeds_dir: str | None = None) -> ArticleInput:
    """Article number `index` of the corpus `seed`."""
    rng = random.Random(f"{seed}:{index}")
    if index > 20 and rng.random() < NEAR_DUPLICATE_SHARE:
        return rewrite(article(rng.randrange(max(1, index - 500), index), seed, seeds_dir), rng, index)
    pool = seed_sentences(seeds_dir)
    variation = Variation(rng)
    speakers = [pick_speaker(rng) for _ in range(rng.randint(2, 5))]
    body = [variation.apply(s) for s in rng.sample(pool, rng.randint(5, 10))]
    for speaker in speakers:
        body.insert(rng.randrange(1, len(body) + 1), quote_sentence(rng, speaker))
    for _ in range(rng.randint(0, 2)):
        body.insert(rng.randrange(len(body) + 1), estimate_sentence(rng))
    paragraphs, i = [], 0
    while i < len(body):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(body[i:i + size]))
        i += size
    published = START + timedelta(days=min(DAYS - 1, int(DAYS * rng.random() ** 0.7)))
    publisher, domain, credit = OUTLETS[zipf_index(rng, len(OUTLETS), 0.8)]
    if credit and rng.random() < 0.5:
        paragraphs.append(f"Quelle: {publisher}, {credit}")
    title = headline(rng, speakers[0])
    place = rng.choice(PLACES)
    text = "\n".join([title, f"{place} – {paragraphs[0]}", *paragraphs[1:]])
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    return ArticleInput(
        body=text, title=title, url=f"https://www.{domain}/politik/{slug}-{index}", publisher=publisher, credit=credit,
        published=published, date_basis="given", language="de", file_name=f"demo {seed}:{index}", origin="demo",
    )


def rewrite(original: ArticleInput, rng: random.Random, index: int) -> ArticleInput:
    """The same wire story in another outlet: another headline and date, a sentence more or less."""
    lines = original.body.split("\n")
    body = lines[1:]
    if len(body) > 2 and rng.random() < 0.5:
        body.pop(rng.randrange(1, len(body)))
    body.append(estimate_sentence(rng))
    publisher, domain, credit = OUTLETS[rng.randrange(len(OUTLETS))]
    title = f"{lines[0]} ({rng.choice(['Update', 'Bericht', 'Analyse', 'Überblick'])})"
    return ArticleInput(
        body="\n".join([title, *body]), title=title, url=f"https://www.{domain}/ausland/{index}", publisher=publisher,
        credit=credit, published=(original.published or START) + timedelta(days=rng.randint(0, 2)),
        date_basis="given", language="de", file_name=f"demo {index} (rewrite)", origin="demo",
    )


def demo_articles(n: int, seed: int = SEED, start: int = 0, seeds_dir: str | None = None) -> Iterator[ArticleInput]:
    """Articles start … start+n-1 of the corpus `seed`."""
    for index in range(start, start + n):
        yield article(index, seed, seeds_dir)
