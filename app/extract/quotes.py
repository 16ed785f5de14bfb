"""Direct quotations: which quoted spans are statements, and who made them.

For each sentence the quotation marks (text.find_quotes) give candidate spans; a span is kept as a
quotation when a cue stands beside it, when it is a whole sentence of its own, or when it is a
phrase inside reported speech; names, titles and scare quotes are dropped.
"""

from __future__ import annotations

import re

from .actors import Cast
from .lexicon import Lexicon
from .model import Quote
from .speakers import AUXILIARIES, FOCUS, NP, QUOTE, TITLES, Attribution, Attributor
from .text import QSpan, Sentence
from .tokens import TextTokens, Token

SUBJUNCTIVE = re.compile(
    r"\b(habe|hätte|hätten|sei|seien|wäre|wären|werde|würde|würden|könne|könnten|müsse|müssten|"
    r"solle|sollten|dürfe|wolle|gebe|stehe|liege|gehe|komme|bleibe)\b"
)



def _clause_around(seq: list[Token], k: int) -> tuple[int, int]:
    """[lo, hi): the tokens of the clause around position k, between clause marks."""
    lo = k
    while lo > 0 and seq[lo - 1].text not in CLAUSE_MARKS:
        lo -= 1
    hi = k + 1
    while hi < len(seq) and seq[hi].text not in CLAUSE_MARKS:
        hi += 1
    return lo, hi

class QuoteFinder:
    def __init__(self, text: str, sentences: list[Sentence], spans: list[QSpan], cast: Cast, lex: Lexicon,
                 media_names: set[str]) -> None:
        self.text = text
        self.sentences = sentences
        self.spans = spans
        self.cast = cast
        self.lex = lex
        self.att = Attributor(text, cast, lex)
        self.media_names = media_names
        self.rules: list[str] = []  # which step attributed each direct quotation (for diagnostics)
        self.channels: dict[str, tuple[list[str], int]] = {}  # speaker -> (channel, sentence index)
        words = sorted(lex.laut | lex.postpositions | {"Nach", "nach"})
        self._plain: dict[tuple[int, int], list[Token]] = {}  # sentence -> its tokens, when it quotes nothing
        self._tokens = TextTokens(text, cast.tokens)
        self._reported_cache: dict[tuple[int, int], bool] = {}
        self.according_hint = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")  # a cheap test first

    def sequence(self, sent: Sentence, spans: list[QSpan]) -> list[Token]:
        """The sentence's tokens with each quotation collapsed into one QUOTE item (read-only: the
        sequence of a sentence without quotations is shared by the steps that read it)."""
        if not spans:
            key = (sent.start, sent.end)
            hit = self._plain.get(key)
            if hit is None:
                hit = self._plain[key] = self._tokens.between(sent.start, sent.end)
            return hit
        seq: list[Token] = []
        pos = sent.start
        for q in spans:
            seq += self._tokens.between(pos, q.open_at)
            seq.append(Token(q.open_at, q.outer_end, QUOTE))
            pos = q.outer_end
        seq += self._tokens.between(pos, sent.end)
        return seq

    def run(self) -> list[Quote]:
        out: list[Quote] = []
        by_sent: list[list[QSpan]] = [[] for _ in self.sentences]
        si = 0
        for q in self.spans:
            while si < len(self.sentences) and self.sentences[si].end <= q.open_at:
                si += 1
            if si < len(self.sentences):
                by_sent[si].append(q)
        ctx: Attribution | None = None  # the last statement's attribution, quoted or reported
        ctx_sent = -5
        for si, sent in enumerate(self.sentences):
            spans = by_sent[si]
            if not spans:
                ind = self.reported_speech(sent)
                if ind is not None:
                    quote, a = ind
                    self._link(a)
                    self._carry_channel(quote, a, si, sent)
                    out.append(quote)
                    self.rules.append("indirect")
                    ctx, ctx_sent = a, si
                    if a.person is not None:
                        self.att.last_person = a.person
                else:
                    a = self.speech_statement(sent) or self.so_statement(sent) or self.according_statement(sent)
                    if a is not None:  # "X kritisierte die Pläne." — what follows may quote X
                        self._note_channel(a.speaker, a.via, si)
                        ctx, ctx_sent = a, si
                        if a.person is not None:
                            self.att.last_person = a.person
                    else:
                        self.report_sentence(si, out)
                        if ctx is not None and si - ctx_sent == 1 and self._continues_report(sent):
                            ctx_sent = si  # reported speech without a new speaker: the last one still speaks
                        elif (ctx is None or si - ctx_sent > 3) and self._continues_report(sent):
                            # "X stellte den Bericht vor. Die Zahl sei gestiegen.": reported speech right
                            # after a sentence about a person, with no speaker of its own, reports that person
                            b = self._previous_subject(si)
                            if b is not None and b.person is not None:
                                ctx, ctx_sent = b, si
                continue
            seq = self.sequence(sent, spans)
            qidx = [k for k, t in enumerate(seq) if t.text == QUOTE]
            atts: list[Attribution | None] = [self.adjacent_cue(seq, k, qidx) for k in qidx]
            rules = ["adjacent" if a is not None else "" for a in atts]
            # split quotations share the cue: „A“, sagte X, „B“; a relative clause has its own speaker
            for n in range(len(qidx)):
                if atts[n] is not None:
                    continue
                rel = self.relative_speaker(seq, qidx[n])
                if rel is not None:
                    atts[n] = rel
                    rules[n] = "relative"
                    continue
                for m in (n + 1, n - 1):
                    if 0 <= m < len(qidx) and atts[m] is not None and atts[m].strength >= 3 and self._adjacent(seq, qidx[min(m, n)], qidx[max(m, n)]):
                        atts[n] = atts[m]
                        rules[n] = "shared"
                        break
            reported = self._reported(sent, seq)
            stated = False
            for n, k in enumerate(qidx):
                q = spans[n]
                a = atts[n]
                if not self.is_statement(q, seq, k, a, sent):
                    if n == len(qidx) - 1 and not stated:
                        # only names and titles in quotation marks: the sentence may still say who speaks next
                        b = self.speech_statement(sent) or self.so_statement(sent)
                        if b is not None:
                            self._note_channel(b.speaker, b.via, si)
                            ctx, ctx_sent = b, si
                            if b.person is not None:
                                self.att.last_person = b.person
                    continue
                stated = True
                rule = rules[n]
                if a is None:
                    a = self.wonach_subject(seq, k) or self.noun_cue(seq, k) or self.sentence_cue(seq, k)
                    rule = "sentence"
                    if (a is None or not a.speaker) and self._after_slogan_noun(seq, k):
                        a = self.chanting_group(seq, k) or a
                        rule = "slogan"
                    if a is not None and ctx is not None and ctx.speaker and si - ctx_sent <= 1 and self._reported_cue(seq, a):
                        a = None  # "Die Partei unterstütze das „…“": reported by the speaker before, not a new statement
                    if a is None:
                        a = self.pronoun_subject(seq, reported)
                        if a is None and not (self._main_clause_reported(seq) and ctx is not None and si - ctx_sent == 1):
                            a = self.main_subject(seq)  # reported speech right after a statement continues it
                        rule = "subject"
                        if a is None:
                            a = Attribution()
                if a.speaker is None and ctx is not None and si - ctx_sent >= 2 and self._standalone(q, sent):
                    # „…“ standing alone after a sentence about someone else than the last speaker
                    b = self._previous_subject(si)
                    if b is not None and b.person is not None and b.person is not ctx.person:
                        a, rule = b, "preceding"
                if a.speaker is None and ctx is not None and ctx.speaker and (
                    si - ctx_sent <= 1 or (si - ctx_sent <= 3 and (reported or self._standalone(q, sent)))
                ):
                    a = Attribution(ctx.speaker, ctx.speaker_start, ctx.speaker_end, ctx.cue,
                                    ctx.cue_start, ctx.cue_end, list(ctx.via), ctx.person, 1)
                    rule = "context"
                if a.speaker is None:
                    b = self.following_cue(si)
                    rule = "following" if b else "preceding"
                    a = b or self.preceding_subject(si) or a
                self.rules.append(rule)
                self._link(a)
                if a.person is not None:
                    self.att.last_person = a.person
                s0, e0 = q.start, q.end
                while s0 < e0 and self.text[s0].isspace():
                    s0 += 1
                while e0 > s0 and self.text[e0 - 1].isspace():
                    e0 -= 1
                text = self.text[s0:e0]
                quote = Quote(text=text, start=s0, end=e0, kind="direct", speaker=a.speaker,
                              speaker_start=a.speaker_start, speaker_end=a.speaker_end, cue=a.cue,
                              cue_start=a.cue_start, cue_end=a.cue_end, via=self._canonical_via(a.via))
                self._carry_channel(quote, a, si, sent, rule == "context")
                out.append(quote)
                if a.speaker:
                    ctx, ctx_sent = a, si
        self._repeated(out)
        return out

    def _link(self, a: Attribution) -> None:
        """The speaker's name as given ("Köhler", "Bundespräsident Köhler") is an alias of the person
        it names, so that the store links the quotation to the actor."""
        if a.person is not None and a.speaker and a.speaker != a.person.name:
            a.person.aliases.add(a.speaker)

    def _repeated(self, out: list[Quote]) -> None:
        """A headline quoting words the article attributes later: the same speaker (and channel)."""
        named = [q for q in out if q.kind == "direct" and q.speaker]
        for q in out:
            if q.kind != "direct" or q.speaker or len(q.text) < 12:
                continue
            key = " ".join(q.text.split()).strip(" .,!?")
            other = next((o for o in named if key in " ".join(o.text.split())), None)
            if other is not None:
                q.speaker, q.speaker_start, q.speaker_end = other.speaker, other.speaker_start, other.speaker_end
                q.via = q.via or list(other.via)

    def _main_clause_reported(self, seq: list[Token]) -> bool:
        """The subjunctive stands in the main clause ("Dies hätten die Beamten „…“ verhindert",
        "Regierung, Armee und Volk würden „…“"), not only in a clause it governs ("X hatte gehofft,
        dass … würden")."""
        for m, t in enumerate(seq):
            if t.text.lower() in SUBORDINATE_OPENERS or t.text in (":", ";"):
                return False
            if t.text == "," and m + 1 < len(seq) and seq[m + 1].text in RELATIVE:
                return False
            if SUBJUNCTIVE.fullmatch(t.text) or self._konjunktiv_at(seq, m):
                return True
        return False

    def _continues_report(self, sent: Sentence) -> bool:
        """A sentence in the subjunctive of reported speech ("Die Lage sei ernst.") continues the
        statement before it."""
        return self._reported(sent)

    def _reported(self, sent: Sentence, seq: list[Token] | None = None) -> bool:
        """The sentence is in the subjunctive of reported speech: an irregular form anywhere ("sei",
        "habe", "würden"), or outside its quotations a regular Konjunktiv I derived from the stem
        ("Die Studie zeige …", "…, die sie verfolge")."""
        if SUBJUNCTIVE.search(self.text, sent.start, sent.end):
            return True
        key = (sent.start, sent.end)
        hit = self._reported_cache.get(key)
        if hit is None:
            if seq is None:
                seq = self.sequence(sent, [q for q in self.spans if sent.start <= q.open_at < sent.end])
            hit = self._konjunktiv_in(seq)
            self._reported_cache[key] = hit
        return hit

    def _reported_cue(self, seq: list[Token], a: Attribution) -> bool:
        """The cue is a speech verb in the Konjunktiv I ("unterstütze", "kritisiere"): its subject is
        what someone else reports, not the one who speaks."""
        if a.cue_start is None or a.cue is None:
            return False
        m = next((x for x, t in enumerate(seq) if t.start == a.cue_start), None)
        return m is not None and m > 0 and self._konjunktiv_at(seq, m)

    def _konjunktiv_in(self, seq: list[Token]) -> bool:
        konj = self.lex.konjunktiv_i
        for m, t in enumerate(seq):
            w = t.text
            if w[-1:] == "e" and w[:1].islower() and konj(w) and self._konjunktiv_at(seq, m):
                return True
        return False

    def _konjunktiv_at(self, seq: list[Token], m: int) -> bool:
        """seq[m] is a regular Konjunktiv I in verb position: not after an article, a preposition or
        "zu", not between a lower-case word and a noun (an adjective: "die lange Nacht", ", weitere
        Angriffe"), not beside "ich" (the indicative: "ich zeige")."""
        w = seq[m].text
        if not self.lex.konjunktiv_i(w):
            return False
        prev = seq[m - 1].text if m > 0 else ""
        nxt = seq[m + 1].text if m + 1 < len(seq) else ""
        if prev.lower() in self.lex.determiners or prev.lower() in PREPS or prev in NOT_BEFORE_VERB or prev[:1].isdigit():
            return False  # "die lange Nacht", "335 Meter lange"
        if nxt[:1].isupper() and nxt not in ("Ich",) and not (prev[:1].isupper() or prev in PRONOUNS_ALL):
            return False
        return nxt not in ("ich", "Ich") and prev not in ("ich", "Ich")

    # -- channels ---------------------------------------------------------------------------------
    def _canonical_via(self, via: list[str]) -> list[str]:
        """Channel names through the gazetteer ("Tass" and "TASS" are one), without repeats."""
        out: list[str] = []
        for v in via:
            ent = self.cast.gaz.by_name.get(v)
            if ent is None:
                hits = self.cast.gaz.find(v)
                media = [h.entity.name for h in hits if h.entity.kind == "media"]
                v = media[0] if media else v
            if v not in out:
                out.append(v)
        return out

    def _generic(self, name: str) -> bool:
        ent = self.cast.gaz.by_name.get(name)
        return bool(ent and ent.generic)

    def _note_channel(self, speaker: str | None, via: list[str], si: int) -> None:
        """The channel a speaker's words came through, for the statements that continue them; a
        description ("Staatsmedien") does not replace the agency named before it."""
        if not speaker or not via:
            return
        old = self.channels.get(speaker)
        if old and all(self._generic(v) for v in via) and not all(self._generic(v) for v in old[0]):
            self.channels[speaker] = (old[0], si)
            return
        self.channels[speaker] = (self._canonical_via(via), si)

    def _carry_channel(self, quote: Quote, a: Attribution, si: int, sent: Sentence, carried: bool = False) -> None:
        """"…, sagte Kim demnach", Konjunktiv continuing a report, a statement carried from the one
        before: the words came through the channel named for the same speaker before."""
        if quote.via:
            self._note_channel(quote.speaker, quote.via, si)
            return
        if not quote.speaker or quote.speaker not in self.channels:
            return
        via, at = self.channels[quote.speaker]
        sent_text = self.text[sent.start : sent.end]
        if CONTINUED.search(sent_text) or ((carried or self._reported(sent)) and si - at <= 2):
            quote.via = list(via)
            self.channels[quote.speaker] = (via, si)

    def report_sentence(self, si: int, out: list[Quote]) -> None:
        """"Das berichtet die Nachrichtenagentur KCNA.": the medium is the channel of what the
        sentence before said about its persons, and of their earlier statements that name none."""
        sent = self.sentences[si]
        seq = self.sequence(sent, [])
        if len(seq) < 3 or seq[0].text not in ("Das", "Dies", "So", "Dieses", "Diese"):
            return
        v = self.att.verb_at(seq, 1, len(seq))
        if v is None or v.use != "report":
            return
        np, _ = self.att.subject_after(seq, 1, len(seq), v)
        if np is None:
            return
        ent = self.cast.entity_in(np.start, np.end, ("media",))
        if ent is None:
            return
        channel = ent.entity.name
        prev = self.sentences[si - 1] if si > 0 else None
        if prev is None:
            return
        names = {p.name for s0, e0, p in self.cast.person_mentions if prev.start <= s0 and e0 <= prev.end}
        for name in names:
            if name not in self.channels:
                self.channels[name] = ([channel], si)
                for q in out:
                    if q.kind == "direct" and q.speaker == name and not q.via:
                        q.via = [channel]

    def pronoun_subject(self, seq: list[Token], reported: bool) -> Attribution | None:
        """„Er werde „…“ aushandeln“: reported speech whose subject is a pronoun for a person."""
        if not reported or not seq or seq[0].text not in ("Er", "Sie"):
            return None
        np = self.att.parse_np(seq, 0)
        if np is None:
            return None
        a = self.att.resolve(np, np.start)
        return a if a.speaker else None

    def main_subject(self, seq: list[Token]) -> Attribution | None:
        """No speech verb: the subject of the sentence speaks when it can (a person, a body, a
        document): "Das Auswärtige Amt empfiehlt einen „…“", "Paolo hatte … abgelehnt: „…“"."""
        att = self.att
        np = att.parse_np(seq, 0) if not (seq and seq[0].text in FOCUS) else att.parse_np(seq, 1)
        if np is None and seq and (seq[0].text.lower() in PREPS or seq[0].text in self.lex.not_names):
            j = 1
            sub = att.parse_np(seq, j) if j < len(seq) else None
            j = sub.j if sub is not None else j
            if j + 1 < len(seq) and seq[j].text != QUOTE:
                np = att.parse_np(seq, j + 1)
        if np is None or np.pronoun and np.pronoun not in ("er", "Er", "sie", "Sie"):
            return None
        if np.det and np.det.lower() in ("den", "dem", "des", "einen", "einem"):
            return None
        if not att.personish(np):
            return None
        a = self._make(np, None, [], seq, len(seq))
        return a if a.speaker else None

    def reported_speech(self, sent: Sentence) -> tuple[Quote, Attribution] | None:
        """Indirect speech without quotation marks: "X sagte, Russland habe …" (kind indirect)."""
        seq = self.sequence(sent, [])
        n = len(seq)
        for m in range(min(n, 12)):
            v = self.att.verb_at(seq, m, n)
            if v is None or v.use not in ("say",):
                continue
            np, via = self.att.subject_for_verb(seq, m, 0, n, v)
            if np is None:
                return None
            c = max(np.j, m + 1)
            while c < n and seq[c].text != "," and c - m < 6:
                c += 1
            if c >= n - 3 or seq[c].text != ",":
                return None
            rest = self.text[seq[c + 1].start : sent.end]
            if not (seq[c + 1].text in ("dass", "daß") or SUBJUNCTIVE.search(rest)):
                return None
            a = self._make(np, seq[m], via, seq, n)
            if not a.speaker or np.pronoun and a.person is None:
                return None
            a.strength = 2
            start = seq[c + 1].start
            end = sent.end
            while end > start and self.text[end - 1] in ".!? ":
                end -= 1
            quote = Quote(text=self.text[start:end], start=start, end=end, kind="indirect", speaker=a.speaker,
                          speaker_start=a.speaker_start, speaker_end=a.speaker_end, cue=a.cue,
                          cue_start=a.cue_start, cue_end=a.cue_end, via=list(a.via))
            return quote, a
        return None

    def speech_statement(self, sent: Sentence) -> Attribution | None:
        """A sentence whose main verb is a speech verb with a subject that can speak ("Die Politikerin
        kritisierte die Pläne", "In seiner Rede erklärte Johnson, …"): the speaker of what follows."""
        seq = self.sequence(sent, [])
        n = len(seq)
        for m in range(min(n, 40)):
            v = self.att.verb_at(seq, m, n)
            if v is None or v.use != "say":
                continue
            c = self.att.clause_start(seq, m, 0)
            if not v.finite:
                np = self._perfect_subject(seq, c, m)
                if np is None:
                    continue
                a = self._make(np, seq[m], [], seq, n)
                if not a.speaker or np.pronoun and a.person is None:
                    return None
                a.strength = 2
                return a
            if m >= 24:
                return None
            if seq[m - 1].text == "zu" or seq[c].text.lower() in ("um", "ohne", "statt", "anstatt"):
                continue  # "…, um die Offensive zu unterstützen": an infinitive, no statement
            if any(t.text in PASSIVE_AUX_SET for t in seq[c:m]):
                return None  # "wurde … kritisiert": no speaker named
            np, via = self.att.subject_for_verb(seq, m, 0, n, v)
            if np is None or np.pronoun and np.pronoun not in PRONOUNS_3:
                return None
            if not np.pronoun and not self.att._can_speak(np):
                return None
            a = self._make(np, seq[m], via, seq, n)
            if not a.speaker or np.pronoun and a.person is None:
                return None
            a.strength = 2
            return a
        return None

    def according_statement(self, sent: Sentence) -> Attribution | None:
        """"Nach Ansicht von X ist …", "Laut X ist …", "X zufolge …": a sentence that gives someone's
        view names the speaker of what follows; a medium there is a channel, no speaker."""
        if not self.according_hint.search(self.text, sent.start, sent.end):
            return None
        seq = self.sequence(sent, [])
        n = len(seq)
        att = self.att
        for m in range(n - 1):
            t = seq[m].text
            np = None
            if t in self.lex.laut:
                np = att.parse_np(seq, self._after_laut(seq, m), n)
            elif t in ("Nach", "nach") and self._after_nach_noun(seq, m) is not None:
                np = att.parse_np(seq, self._after_nach_noun(seq, m), n)
            elif t in self.lex.postpositions and m > 0:
                np = self._np_ending_at(seq, m)
            if np is None or np.pronoun and np.pronoun not in PRONOUNS_3:
                continue
            if not np.pronoun and not att._can_speak(np):
                continue
            a = self._make(np, seq[m], [], seq, n)
            if not a.speaker or np.pronoun and a.person is None or self._is_medium(np, a):
                continue
            a.strength = 2
            return a
        return None

    def _perfect_subject(self, seq: list[Token], c: int, m: int) -> NP | None:
        """"Nun hat sich der Kommissar, X, zu den Plänen geäußert": a speech verb's participle at the
        end of a clause in the perfect; the clause's subject speaks."""
        if seq[m].text not in self.lex.participles or m + 1 < len(seq) and seq[m + 1].text not in (",", ".", ":", ";"):
            return None
        while c > 0 and seq[c - 1].text == ",":  # past appositions back to the clause's start
            c = self.att.clause_start(seq, c - 1, 0)
        if not any(t.text in PERFECT_AUX for t in seq[c:m]) or any(t.text in PASSIVE_AUX_SET for t in seq[c:m]):
            return None
        np = self.att.main_clause_subject(seq, c, m)
        if np is None or np.pronoun and np.pronoun not in PRONOUNS_3 or not np.pronoun and not self.att._can_speak(np):
            return None
        return np

    def so_statement(self, sent: Sentence) -> Attribution | None:
        """"Doch sei es, so der Schriftsteller X in einem Blog, ein Haufen …": reported speech with
        ", so X" names the speaker of what follows."""
        sent_text = self.text[sent.start : sent.end]
        if ", so " not in sent_text or not SUBJUNCTIVE.search(sent_text):
            return None
        seq = self.sequence(sent, [])
        n = len(seq)
        for m in range(1, n - 1):
            if seq[m].text == "so" and seq[m - 1].text == ",":
                np = self.att.parse_np(seq, m + 1, n)
                if np is None or np.pronoun or not self.att.personish(np):
                    continue
                if np.j < n and seq[np.j].text not in (",", ".", ";") and seq[np.j].text.lower() not in PREPS:
                    continue
                a = self._make(np, seq[m], [], seq, n)
                if a.speaker:
                    a.strength = 2
                    return a
        return None

    # -- is it a statement? -----------------------------------------------------------------------
    def is_statement(self, q: QSpan, seq: list[Token], k: int, a: Attribution | None, sent: Sentence) -> bool:
        """A statement rather than a name, a title or a scare-quoted word."""
        inner = self.text[q.start : q.end].strip()
        words = re.findall(r"\w+", inner)
        if not words:
            return False
        nxt = self.text[q.outer_end : q.outer_end + 1]
        if nxt == "-" or nxt.isalpha():
            return False  # „Null“-Reaktion: part of a compound
        name_like = _name_like(inner.split()) and not self._common_phrase(inner)
        lower = inner[:1].islower() or inner[:1] in "([…."
        sent_text = self.text[sent.start : sent.end]
        if len(words) >= 2 and self._after_slogan_noun(seq, k):
            return True  # skandierten Parolen wie „Stoppt den Überwachungswahn“
        if self._title_context(seq, k) or self._titled_after(seq, k):
            # „kaputt“ after "das System" in reported speech is no title: a judgement
            if not (lower and inner[:1].isalpha() and (SUBJUNCTIVE.search(sent_text) or self._sentence_has_cue(seq))):
                return False
        prev = seq[k - 1].text.lower() if k > 0 else ""
        if self._named_institution(inner, seq, k):
            return False  # die „Aktion Deutschland hilft“, des „Gesetzes über den Verfassungsschutz“
        if prev in ("laut", "gemäß", "wie", "von", "vom") and len(words) <= 4 and not FIRST_PERSON.search(inner) and not (
                prev in ("von", "vom") and self._speech_slot(seq, k)) and (
                name_like or "." in inner or k + 1 < len(seq) and self.att.verb_at(seq, k + 1, len(seq))
                or inner[:1].isupper() and k + 1 < len(seq) and seq[k + 1].text[:1].islower() and seq[k + 1].text.endswith(("ten", "enen"))):
            return False  # laut „tagesschau.de“, wie „heise online“ berichtet, von „Infra dimap“ erstellten: a name
        if a is not None and a.strength >= 3:
            if len(words) <= 2 and prev in ("als", "eine", "einen", "ein", "einer", "einem") and self._plain_phrase(inner):
                return True  # "der die Maßnahme als „Kapitulation“ sieht": a common noun, no name
            return not name_like or len(words) >= 4 or _sentence_like(inner)
        if k > 0 and seq[k - 1].text == ":":
            return not name_like or len(words) >= 4 or _sentence_like(inner)
        if self._standalone(q, sent) and len(words) >= 2:
            return True
        if len(words) >= 3 and FIRST_PERSON.search(inner) and not name_like:
            return True  # "ich", "wir", "uns": someone speaking
        ctx = self._sentence_has_cue(seq) or self._reported(sent)
        if len(words) <= 2 and ctx and prev in ("als", "eine", "einen", "ein", "einer", "einem") and (
                self._speaker_in_clause(seq, k) or prev != "als" and self._sentence_speaker(seq, k)):
            return True  # bezeichnete ihn als „Wortbruch“, nannte es eine „Zeitungsente“ (not "nennt man", "gilt als")
        if len(words) <= 4 and self._particle_object(seq, k) and (lower or self._plain_phrase(inner)) and self._speaker_in_clause(seq, k):
            return True  # warfen der Regierung „Wortbruch“ vor: the object of a separable speech verb
        if len(words) <= 6 and (lower or self._noun_word(words[0])) and self._speech_slot(seq, k):
            return True  # warnte vor den „Lohnverzichtstheorien“, bezeichnete sie als „Knaller aus Karlsruhe“
        if len(words) <= 4 and self._predicative(inner, words, seq, k):
            return True  # die Lage sei „alarmierend“; das „schwach radioaktiv“ sein soll
        if len(words) == 1:
            return ctx and lower
        if name_like:
            return False
        if ctx:
            return True
        if lower and len(words) >= 4:
            return True
        return len(words) >= 4 and inner[-1:] in ".!?"

    def _after_slogan_noun(self, seq: list[Token], k: int) -> bool:
        """Right after a noun for chanted or written words, possibly through "wie (zum Beispiel|etwa)":
        "Parolen wie „…“", "mit der Parole „…“", "Transparente mit der Aufschrift „…“"."""
        m = k - 1
        while m >= 0 and k - m <= 4 and seq[m].text in ("wie", "zum", "Beispiel", "etwa", "z.", "B.", "unter", "anderem"):
            m -= 1
        return m >= 0 and seq[m].text in self.lex.slogans

    def _named_institution(self, inner: str, seq: list[Token], k: int) -> bool:
        """A quotation after a definite article whose head noun names an institution, a law, a prize
        or a work ("der neue „Oberste Rat zur …“", "Träger des „Sacharow-Preises für …“"): a name."""
        j = k - 1
        if j > 0 and seq[j].text[:1].islower() and seq[j].text.endswith(("e", "en")) and seq[j].text not in DEFINITE:
            j -= 1  # "der neue „…“"
        if j < 0 or seq[j].text.lower() not in DEFINITE:
            return False
        for w in re.findall(r"[\w-]+", inner)[:2]:
            if not w[:1].isupper():
                return False
            if self.cast.entity_in(seq[k].start, seq[k].end, ("state",)) and any(
                    m.text == w for m in self.cast.gaz_mentions if seq[k].start <= m.start < seq[k].end):
                continue  # "Deutschland" is a state, not a compound of "Land"
            if self._institution_head(w):
                return True
        return False

    def _institution_head(self, word: str) -> bool:
        lex = self.lex
        w = word.lower()
        for ending in ("", "es", "s", "en", "n", "e"):
            if ending and not w.endswith(ending):
                continue
            base = w[: len(w) - len(ending)] if ending else w
            if lex.org_head(base) or any(base.endswith(t) for t in lex.title_heads if len(t) > 3):
                return True
        return False

    def _speaker_in_clause(self, seq: list[Token], k: int, verbs: set[str] | None = None) -> bool:
        """A speech verb in the quotation's clause whose subject (or passive agent) can speak: not
        "man" ("Dies nennt man einen „Aktiensplit“"), not an agentless passive ("als „Sonnenwind“
        bezeichnet wird")."""
        lo, hi = _clause_around(seq, k)
        att = self.att
        for m in range(lo, hi):
            if seq[m].text == QUOTE:
                continue
            v = att.verb_at(seq, m, hi)
            if v is None or (verbs and v.lemma not in verbs):
                continue
            np, _ = att.subject_for_verb(seq, m, 0, len(seq), v)
            if np is not None and np.pronoun not in ("man", "Man", "es", "Es") and (np.pronoun or att.personish(np)):
                return True
        return False

    def _sentence_speaker(self, seq: list[Token], k: int) -> bool:
        """Someone speaks in the sentence (reported speech: "…, habe ihr einen „Ruck“ verpasst, sagte X")."""
        a = self.sentence_cue(seq, k)
        return a is not None and bool(a.speaker)

    def _particle_object(self, seq: list[Token], k: int) -> bool:
        """The quotation stands right before the particle of a separable speech verb whose finite
        form is earlier in the clause: "warf ihm „Versagen“ vor", "hob die „gute Stimmung“ hervor"."""
        if k + 1 >= len(seq):
            return False
        particle = seq[k + 1].text
        if k + 2 < len(seq) and seq[k + 2].text not in CLAUSE_MARKS:
            return False
        for m in range(k - 1, -1, -1):
            if seq[m].text in CLAUSE_MARKS:
                return False
            if any(c.particle == particle for c in self.lex.separable.get(seq[m].text, ())):
                return True
        return False

    def _speech_slot(self, seq: list[Token], k: int) -> bool:
        """The quotation fills the prepositional slot of a speech verb whose subject can speak:
        "bezeichnete X als Q", "warnte vor (den) Q", "sprach von (einem) Q", "riet zu Q"; a passive
        counts when it names its agent ("wird vom Wetterdienst als Q eingestuft")."""
        j = k - 1
        if j >= 0 and seq[j].text.lower() in self.lex.determiners:
            j -= 1
        if j < 0 or seq[j].text.lower() not in SLOT_VERBS:
            return False
        return self._speaker_in_clause(seq, k, SLOT_VERBS[seq[j].text.lower()])

    def _predicative(self, inner: str, words: list[str], seq: list[Token], k: int) -> bool:
        """A quoted adjective or adverb phrase as the predicate of a copula: "ist die Lage
        „alarmierend“", "das „schwach radioaktiv“ sein soll" — someone's judgement; not before a
        noun („fremden“ Männern), not after a preposition (auf „stabil“ gesetzt)."""
        if any(w[:1].isupper() for w in words) or not inner[:1].isalpha():
            return False
        prev = seq[k - 1].text if k > 0 else ""
        nxt = seq[k + 1].text if k + 1 < len(seq) else "."
        if prev.lower() in PREPS or prev.lower() in self.lex.determiners and nxt not in COPULA:
            return False
        if nxt in COPULA and not prev[:1].isupper():
            return True
        if nxt not in CLAUSE_MARKS and nxt not in COORDINATORS_END:
            return False
        m = k - 1
        while m >= 0 and seq[m].text not in CLAUSE_MARKS and seq[m].text not in COORDINATORS_END:
            if seq[m].text in COPULA:
                return True
            m -= 1
        return False

    def _plain_phrase(self, inner: str) -> bool:
        """Every capitalised word a German common noun or a compound of one ("Wortbruch",
        "Lohnverzichtstheorien", "Feinde Gottes"): words anyone may say, not a name."""
        caps = [w for w in re.findall(r"[\w-]+", inner) if w[:1].isupper()]
        return bool(caps) and all(self._noun_word(w) for w in caps)

    def _noun_word(self, word: str) -> bool:
        w = word.rsplit("-", 1)[-1] if "-" in word else word
        if not w[:1].isupper() and "-" in word:
            w = w[:1].upper() + w[1:]  # "Anti-Terror-Gesetz" -> "Gesetz"
        if self.lex.common_noun(w):
            return True
        return len(w) >= 8 and any(self.lex.common_noun(w[i:].capitalize()) for i in range(3, len(w) - 4))

    def _common_phrase(self, inner: str) -> bool:
        """Capitalised words that are all German common nouns ("Recht auf Selbstverteidigung"): a
        phrase, not a name or title ("BILD am Sonntag", "Polizei von DeLand", "Le Grand Macabre")."""
        ws = re.findall(r"[\w-]+", inner)
        caps = [w for w in ws if w[:1].isupper()]
        if len(caps) < 2 or len(caps) == len(ws) or not all(self.lex.common_noun(w) for w in caps):
            return False  # "Berliner Zeitung": no function word, a name
        lex = self.lex
        return not any(lex.org_head(w) or lex.media_head(w) or w.lower() in lex.title_heads for w in (caps[0], caps[-1]))

    def _title_context(self, seq: list[Token], k: int) -> bool:
        """Right after a noun that introduces a name or title: der Film „…“, unter dem Motto „…“."""
        if k > 0:
            prev = seq[k - 1].text
            if self.lex.title_heads and prev.lower() in self.lex.title_heads:
                return True
            if prev[:1].isupper() and self.lex.media_head(prev) and prev.lower() not in ("medien", "staatsmedien"):
                return True  # im Fachblatt „La Gazzetta dello Sport“
            if prev[:1].isupper() and prev.lower() not in self.lex.determiners and prev not in self.lex.not_names and prev[-1:].isalpha():
                low = prev.lower()
                if any(low.endswith(h) for h in self.lex.title_heads if len(h) > 3):
                    return True
        return False

    def _titled_after(self, seq: list[Token], k: int) -> bool:
        """„Gewalt gegen Kinder“, so lautet der Titel / „…“ heißt das Buch: a title named after it."""
        j = k + 1
        while j < len(seq) and seq[j].text in (",", "so", "So"):
            j += 1
        if j + 1 >= len(seq) or not (seq[j].text.startswith(("laut", "heiß", "hieß")) and seq[j].text[:1].islower()):
            return False
        np = self.att.parse_np(seq, j + 1)
        return np is not None and (np.head or "").lower() in self.lex.title_heads

    def _standalone(self, q: QSpan, sent: Sentence) -> bool:
        before = self.text[sent.start : q.open_at].strip()
        after = self.text[q.outer_end : sent.end].strip()
        return not before and after in ("", ".", "!", "?")

    def _sentence_has_cue(self, seq: list[Token]) -> bool:
        for k, t in enumerate(seq):
            if t.text == QUOTE:
                continue
            if self.att.verb_at(seq, k, len(seq)) or t.text in self.lex.laut or t.text in self.lex.postpositions:
                return True
            if t.text in ("Nach", "nach") and self._after_nach_noun(seq, k) is not None:
                return True  # "Nach Angaben der Feuerwehr war das Feuer „…“": a cue like "laut"
            if t.text in ("According", "according") and k + 1 < len(seq) and seq[k + 1].text == "to":
                return True
            if t.text == "Rede" and k > 0 and seq[k - 1].text == "die":
                return True  # "war von einem „…“ die Rede"
        return False

    def _adjacent(self, seq: list[Token], a: int, b: int) -> bool:
        return b - a <= 12

    # -- cues -------------------------------------------------------------------------------------
    def adjacent_cue(self, seq: list[Token], k: int, qidx: list[int]) -> Attribution | None:
        """A cue right after (Q , sagte X) or right before (X sagte : Q) the quotation at k."""
        c = self._subordinate_clause_speaker(seq, k)
        if c is not None:
            return c
        a = self._cue_after(seq, k, qidx)
        if a is not None and a.speaker:
            return self._fronted_clause_speaker(seq, k, qidx) or self._reported_through(seq, k, a) or a
        b = self._cue_before(seq, k, qidx)
        if b is not None and b.speaker:
            return b
        c = self._unlisted_verb_after(seq, k, qidx)
        if c is not None and c.speaker:
            return c
        d = self._parenthesised(seq, k)
        if d is not None:
            return d
        return a or b

    def _reported_through(self, seq: list[Token], k: int, a: Attribution) -> Attribution | None:
        """"X sagte, die Lage sei „ernst“, wie die Agentur Y berichtete" / "X said it was "grave",
        according to Y": an outlet named after the quotation in a "wie"/"according to" clause is the
        channel when the sentence has a speaker of its own; that speaker says it, through the outlet."""
        j = k + 1 + (k + 1 < len(seq) and seq[k + 1].text == ",")
        if j >= len(seq) or seq[j].text.lower() not in ("wie", "according") or a.speaker_start is None:
            return None
        if self.cast.entity_in(a.speaker_start, a.speaker_end, ("media",)) is None:
            return None
        b = self.sentence_cue(seq, k)
        if b is None or not b.speaker or b.speaker == a.speaker or self.cast.entity_in(
                b.speaker_start or 0, b.speaker_end or 0, ("media",)) is not None:
            return None
        if a.speaker not in b.via:
            b.via.append(a.speaker)
        b.strength = 3
        return b

    def _subordinate_clause_speaker(self, seq: list[Token], k: int) -> Attribution | None:
        """"Während die Regierung von einem „Erfolg“ sprach, kritisierte …", "…, nachdem X das Spiel als
        „unglücklich“ bezeichnet hatte": the quotation stands inside a subordinate clause whose own
        speech verb closes it; the clause's subject speaks, not the main clause's."""
        lo, hi = _clause_around(seq, k)
        if hi - lo < 4 or seq[lo].text.lower() not in CLAUSE_SUBORDINATORS:
            return None
        end = hi - 1
        if seq[end].text in AUXILIARIES and end - 1 > k:
            end -= 1  # "bezeichnet hatte"
        if end <= k:
            return None
        v = self.att.verb_at(seq, end, hi)
        if v is None or v.use in ("report", "cite", "heissen"):
            return None
        np = self.att.parse_np(seq, lo + 1, k)
        if np is None or np.pronoun and np.pronoun not in PRONOUNS_3 or not np.pronoun and not self.att._can_speak(np):
            return None
        a = self._make(np, seq[end], [], seq, hi)
        if not a.speaker:
            return None
        a.strength = 2  # not shared with the quotations of the main clause
        return a

    def _fronted_clause_speaker(self, seq: list[Token], k: int, qidx: list[int]) -> Attribution | None:
        """"Während X erklärte, …, „Q“, räumte Y ein": the quotation closes a subordinate clause put
        before the main clause, and that clause has its own speech verb and speaker; the verb after
        the quotation opens the main clause, which says something else."""
        if not seq or seq[0].text not in FRONTED_OPENERS or k != qidx[0] or k + 2 >= len(seq) or seq[k + 1].text != ",":
            return None
        for m in range(1, k):
            v = self.att.verb_at(seq, m, k)
            if v is None or v.use not in ("say", "name"):
                continue
            np, via = self.att.subject_for_verb(seq, m, 0, k, v)
            if np is None or np.pronoun and np.pronoun not in PRONOUNS_3:
                return None
            return self._spoken(np, seq[m], via, seq, k, strength=3)
        return None

    def _parenthesised(self, seq: list[Token], k: int) -> Attribution | None:
        """"…, der Leiter der Behörde, Max Muster („Q“), und …": a quotation in parentheses right
        after a person's name is that person's."""
        if not (k >= 2 and seq[k - 1].text == "(" and k + 1 < len(seq) and seq[k + 1].text == ")"):
            return None
        inner = self.text[seq[k].start + 1 : seq[k].end - 1].strip()
        if not (inner[-1:] in ".!?…" or FIRST_PERSON.search(inner)):
            return None  # "Jobbik („Bewegung für ein besseres Ungarn“)": a name's translation, no statement
        hit = self.cast.person_in(seq[max(0, k - 5)].start, seq[k - 2].end)
        if hit is not None and hit[2] == seq[k - 2].end:
            p, s0, e0 = hit
            return Attribution(self.att.written(p, s0, e0), s0, e0, person=p, strength=3)
        np = self._np_ending_at(seq, k - 1)
        if np is None or np.pronoun or not self.att.personish(np):
            return None
        a = self._make(np, None, [], seq, k)
        a.strength = 3
        return a if a.speaker else None

    def _cue_after(self, seq: list[Token], k: int, qidx: list[int]) -> Attribution | None:
        att = self.att
        n = len(seq)
        j = k + 1
        if j < n and seq[j].text == ",":
            j += 1
        if j < n:
            w = seq[j].text
            hi = _next_quote(qidx, k, n)
            v = att.verb_at(seq, j, hi)
            if v is not None and v.use == "heissen":
                return self._heissen(seq, j, hi)
            if v is not None:
                if j + 1 < hi and seq[j + 1].text in ("es",) and v.use != "cite":
                    return self._heissen(seq, j, hi)
                np, via = att.subject_after(seq, j, hi, v)
                if np is not None:
                    a = self._make(np, seq[j], via, seq, hi)
                    a.strength = 3
                    return a
            if w in ("so", "So") and j + 1 < hi:
                v = att.verb_at(seq, j + 1, hi)
                if v is not None:  # „…“, so urteilte X
                    np, via = att.subject_after(seq, j + 1, hi, v)
                    if np is not None:
                        np.trusted = np.i == j + 2
                        a = self._make(np, seq[j + 1], via, seq, hi)
                        a.strength = 3
                        return a
                np = att.parse_np(seq, j + 1, hi)
                if np is not None:
                    np.trusted = True  # „…“, so Barth: a bare word after "so" is a name
                    a = self._make(np, seq[j], [], seq, hi)
                    if a.speaker is None and np.j + 1 < hi and seq[np.j].text in self.lex.laut:
                        # „…“, so die offizielle Sprachregelung laut der Agentur X: the source named after
                        src = att.parse_np(seq, np.j + 1, hi)
                        if src is not None and not src.pronoun:
                            a = self._make(src, seq[np.j], [], seq, hi)
                    a.strength = 3
                    return a
            if w in self.lex.laut and j + 1 < hi:
                np = att.parse_np(seq, self._after_laut(seq, j), hi)
                if np is not None:
                    a = self._make(np, seq[j], [], seq, hi)
                    a.strength = 3
                    return a
            if w.lower() in ("wie",):
                for m in range(j + 1, min(hi, j + 10)):
                    v = att.verb_at(seq, m, hi)
                    if v is not None:
                        np = att.parse_np(seq, j + 1, m)
                        if np is not None:
                            a = self._make(np, seq[m], [], seq, hi)
                            a.strength = 3
                            return a
                        break
            if w in PASSIVE_AUX_SET:
                return self._passive(seq, j, hi)
            # "Q , X zufolge" / "Q , sagte" in verb-final subordinate order is rare; X sagte (English)
            np = att.parse_np(seq, j, hi)
            if np is not None and np.j < hi:
                w2 = seq[np.j].text
                if w2 in self.lex.postpositions:
                    a = self._make(np, seq[np.j], [], seq, hi)
                    a.strength = 3
                    return a
                v = att.verb_at(seq, np.j, hi)
                if v is not None and w2 not in self.lex.english_verbs and self._opens_clause(seq, np.j, hi):
                    v = None  # „…“, Trainer X bezeichnete Y als …: a new main clause with its own statement
                if w2 in self.lex.english_verbs or v is not None and (np.pronoun or seq[j - 1].text == ","):
                    a = self._make(np, seq[np.j], [], seq, hi)
                    a.strength = 3
                    return a
            if w in self.lex.english_verbs:
                np = att.parse_np(seq, j + 1, hi)
                if np is not None:
                    a = self._make(np, seq[j], [], seq, hi)
                    a.strength = 3
                    return a
        return None

    def _opens_clause(self, seq: list[Token], m: int, hi: int) -> bool:
        """After "„…“, X": a speech verb with more of its clause after it is the second place of a new
        main clause that says something else ("„…“, Trainer X bezeichnete die Karten als „…“"); only
        a verb at the clause's end ("„…“, wie X sagte", "„…“, X sagte.") attributes the quotation."""
        return m + 1 < hi and seq[m + 1].text not in (",", ".", ";", ":", QUOTE, ")") and seq[m + 1].text not in AUXILIARIES

    def _unlisted_verb_after(self, seq: list[Token], k: int, qidx: list[int]) -> Attribution | None:
        """„…“, zeigte sich X zufrieden / strich X heraus: a verb the list lacks, then its subject."""
        att = self.att
        n = len(seq)
        j = k + 1
        if j >= n or seq[j].text != ",":
            return None
        j += 1
        hi = _next_quote(qidx, k, n)
        if j >= hi:
            return None
        w = seq[j].text
        if not (w[:1].islower() and w.isalpha() and w not in self.lex.np_stop and w not in RELATIVE) or w in CONJUNCTIONS:
            return None  # "„…“, doch die Richterin ließ sich …": a new clause, not a verb after the quotation
        np, via = att.subject_after(seq, j, hi, None)
        if np is None or np.pronoun:
            return None
        bare_name = np.trusted and self.text[np.start].isupper() and att._name_like_head(np)  # „…“, strich Romney heraus
        if not (att.personish(np) or bare_name):
            return None
        if np.names or att.cast.person_in(np.start, np.end) or np.det or bare_name:
            a = self._make(np, seq[j], via, seq, hi)
            a.strength = 3
            return a
        return None

    def _cue_before(self, seq: list[Token], k: int, qidx: list[int]) -> Attribution | None:
        """"X sagte: Q", "Teamchef Todt: Q", "Der Ermittler, der …, will …: Q", "laut X Q"."""
        att = self.att
        lo = _prev_quote(qidx, k)
        for m in range(k - 2, max(lo, k - 10) - 1, -1):
            if seq[m].text in self.lex.laut:  # "… kann man laut Klinikdirektor X „…“"
                np = att.parse_np(seq, self._after_laut(seq, m), k)
                if np is not None and np.j == k:
                    np.trusted = np.det is None
                    a = self._make(np, seq[m], [], seq, k)
                    a.strength = 3
                    return a
                break
            if seq[m].text == "." and (seq[m - 1].text in TITLES or len(seq[m - 1].text) == 1):
                continue  # "Prof. Dr. Matthias W. Beckmann"
            if seq[m].text in (",", ".", ":", ";", QUOTE):
                break
        if k >= 2 and seq[k - 1].text == ":":
            lo = _prev_quote(qidx, k)
            c = att.clause_start(seq, k - 1, lo)
            a = self._relative_source(seq, c, k - 1) or self._written_in(seq, c, k - 1)
            if a is not None:
                return a
            unnamed: Attribution | None = None
            for m in range(k - 2, c - 1, -1):
                v = att.verb_at(seq, m, k)
                if v is not None:
                    if v.use == "heissen":
                        a = self._heissen_before(seq, m)
                        if a is not None:
                            a.strength = 3
                            return a
                        continue
                    np, via = att.subject_for_verb(seq, m, lo, k - 1, v)
                    if np is not None:
                        a = self._make(np, seq[m], via, seq, k)
                        a.strength = 3
                        if a.speaker:
                            return a
                        unnamed = unnamed or a
            for m in range(c - 1, lo, -1):
                # "Auf der Homepage heißt es zur Begründung, warum …:": "heißt es" in the clause before
                v = att.verb_at(seq, m, k)
                if v is not None and v.use == "heissen":
                    a = self._heissen_before(seq, m)
                    if a is not None and a.speaker:
                        a.strength = 3
                        return a
                    break
            # no verb: "Zitat von Schröder:", "Laut Polizeisprecher X:", "Teamchef Todt: …"
            for m in range(c, k - 1):
                w = seq[m].text
                if w in self.lex.laut or w in ("von", "Von"):
                    np = att.parse_np(seq, m + 1, k - 1)
                    if np is not None:
                        a = self._make(np, seq[m], [], seq, k)
                        a.strength = 3
                        return a
            np = att.parse_np(seq, c, k - 1)
            if np is not None and np.j < k - 1 and (seq[np.j].text in AUXILIARIES or seq[np.j].text[:1].islower()):
                np.trusted = True  # "Paolo hatte … abgelehnt:"
            if np is None or not (np.pronoun or self.lex.person_head(np.head or "") or self.cast.person_in(np.start, np.end)
                                  or self.lex.org_head(np.head or "") or np.trusted):
                np = att.main_clause_subject(seq, lo, k - 1) or att.first_agent(seq, c, k - 1)
            if np is not None:
                a = self._make(np, None, [], seq, k)
                a.strength = 3
                if a.speaker:
                    return a
                unnamed = unnamed or a
            # the subject of the whole sentence before the colon, past appositions and clauses
            np = att.main_clause_subject(seq, lo, k - 1)
            if np is not None:
                a = self._make(np, None, [], seq, k)
                a.strength = 3
                if a.speaker:
                    return a
            return unnamed or self._document_subject(seq, c, k - 1)
        return None

    def _document_subject(self, seq: list[Token], c: int, end: int) -> Attribution | None:
        """"So enthält das Strafgesetzbuch folgende Regel:", "Der Vertrag sieht vor:": no one who can
        speak before the colon, but a document in the nominative; the text is the source."""
        for m in range(c, end):
            if seq[m].text.lower() not in ("der", "die", "das") or m > c and seq[m - 1].text.lower() in PREPS:
                continue
            np = self.att.parse_np(seq, m, end, apposition=False)
            if np is None or np.quoted or not self.lex.doc_head(np.head or "") or self.lex.media_head(np.head or ""):
                continue
            a = self._make(np, None, [], seq, end + 1)
            a.speaker = a.speaker or self.att._np_text(np)
            a.strength = 3
            return a
        return None

    def _relative_source(self, seq: list[Token], c: int, end: int) -> Attribution | None:
        """"…, § 5 des Gesetzes, in dem es heißt: „…“", "ein Zettel, auf dem geschrieben stand: „…“":
        a relative clause that says what a text holds; the antecedent is the source."""
        if not (0 < c < end - 2 and seq[c - 1].text == "," and seq[c].text.lower() in PREPS and seq[c + 1].text in RELATIVE):
            return None
        verb = next((m for m in range(c + 2, end) if seq[m].text in self.lex.written
                     or (v := self.att.verb_at(seq, m, end)) is not None and v.use == "heissen"), None)
        if verb is None:
            return None
        np = None
        for e in range(c - 1, max(0, c - 4), -1):  # "ein Zettel kleben, auf dem …": past the verbs at the clause's end
            np = self._np_ending_at(seq, e)
            if np is not None or not (seq[e - 1].text.isalpha() and seq[e - 1].text.islower()):
                break
        if np is None or np.pronoun:
            return None
        a = self._make(np, seq[verb], [], seq, end)
        a.speaker = a.speaker or self.att._np_text(np)
        a.strength = 3
        return a

    def _written_in(self, seq: list[Token], c: int, end: int) -> Attribution | None:
        """"Derzeit steht in dem Gesetzentwurf noch der Passus:", "Im Brief stand:": the text that
        holds the words is the source."""
        verb = next((m for m in range(c, end) if seq[m].text in self.lex.written), None)
        if verb is None:
            return None
        for m in range(c, end - 1):
            if seq[m].text.lower() in ("in", "im", "auf"):
                np = self.att.parse_np(seq, m + 1, end, apposition=False)
                if np is not None and not np.pronoun and (self.lex.doc_head(np.head or "") or np.quoted
                                                          or self.lex.media_head(np.head or "")):
                    a = self._make(np, seq[verb], [], seq, end)
                    a.speaker = a.speaker or self.att._np_text(np)
                    a.strength = 3
                    return a
        return None

    def _heissen(self, seq: list[Token], j: int, hi: int) -> Attribution:
        """„…“, hieß es in einem KCNA-Bericht / heißt es aus dem Ministerium."""
        a = Attribution(cue=seq[j].text, cue_start=seq[j].start, cue_end=seq[j].end, strength=3)
        for m in range(j + 1, min(hi, j + 6)):
            if seq[m].text in ("in", "im", "aus", "von", "vom", "bei", "beim", "auf"):
                np = self.att.parse_np(seq, m + 1, hi)
                if np is not None:
                    ent = self.cast.entity_in(np.start, np.end, ("media", "organization", "person"))
                    if ent is not None:
                        a.speaker = ent.entity.name
                        a.via = [ent.entity.name] if ent.entity.kind == "media" else []
                    else:
                        a.speaker = self.att._np_text(np)
                        owner = self._document_antecedent(np)
                        if owner is not None:
                            owner.cue, owner.cue_start, owner.cue_end, owner.strength = a.cue, a.cue_start, a.cue_end, 3
                            return owner
                    a.speaker_start, a.speaker_end = np.start, np.end
                break
        return a

    def _document_antecedent(self, np: NP) -> Attribution | None:
        """"…“, hieß es in der Rede": a definite document with no owner named refers back to the
        document named in a sentence before ("In seiner „Thronrede“ mahnte X …"); whoever speaks
        in that sentence owns it."""
        head = self.lex.doc_head(np.head or "")
        if (not head or np.quoted or np.names or np.inner_names or (np.det or "").lower() not in DEFINITE
                or self.lex.media_head(np.head or "") or self.lex.org_head(np.head or "")):
            return None
        if self.text[np.start : np.end].split()[-1:] != [np.head]:
            return None  # a genitive or another word after the head: "der Rede des Ministers"
        here = next((x for x, sent in enumerate(self.sentences) if sent.start <= np.start < sent.end), None)
        if here is None:
            return None
        for si in range(here - 1, max(-1, here - 6), -1):
            sent = self.sentences[si]
            words = re.findall(r"\w+", self.text[sent.start : sent.end])
            if not any(w[:1].isupper() and self.lex.doc_head(w) == head for w in words):
                continue
            a = self.speech_statement(sent)
            if a is None:
                seq = self.sequence(sent, [q for q in self.spans if sent.start <= q.open_at < sent.end])
                np2 = self.att.main_clause_subject(seq, 0, len(seq))
                if np2 is None or np2.pronoun or not self.att.personish(np2):
                    return None
                a = self._make(np2, None, [], seq, len(seq))
            return a if a.speaker else None
        return None

    def _passive(self, seq: list[Token], j: int, hi: int) -> Attribution | None:
        """„…“, wird der Franzose im Fachblatt X zitiert / wurde der Diktator von Staatsmedien zitiert."""
        np = self.att.parse_np(seq, j + 1, hi)
        if np is None:
            return None
        for m in range(np.j, min(hi, np.j + 12)):
            v = self.lex.verb(seq[m].text)
            if v is not None:
                a = self._make(np, seq[m], [], seq, hi)
                a.strength = 3
                return a
            if seq[m].text in (".", ":"):
                break
        return None

    def sentence_cue(self, seq: list[Token], k: int) -> Attribution | None:
        """A cue elsewhere in the sentence: X bezeichnete Y als Q; X sagte, man habe Q; laut X …

        A medium that reports (wie KCNA berichtete, laut Tass) is the channel, not the speaker,
        when someone else in the sentence speaks.
        """
        att = self.att
        n = len(seq)
        says: list[tuple[int, Attribution]] = []
        frame: Attribution | None = None
        weak: list[Attribution] = []
        weak_at: list[int] = []
        channels: list[Attribution] = []
        for m in range(n):
            t = seq[m].text
            if t == QUOTE:
                continue
            np = None
            if t in self.lex.laut and m + 1 < n:
                np = att.parse_np(seq, self._after_laut(seq, m), n)
            elif t in ("According", "according") and m + 2 < n and seq[m + 1].text == "to":
                np = att.parse_np(seq, m + 2, n)
            elif t in self.lex.postpositions and m > 0:
                c = att.clause_start(seq, m, 0)
                np = att.parse_np(seq, c, m)
                if np is None or np.j != m:
                    np = self._np_ending_at(seq, m)
            elif t in ("Nach", "nach") and self._after_nach_noun(seq, m) is not None:
                np = att.parse_np(seq, self._after_nach_noun(seq, m), n)
            elif t == "so" and m > 0 and seq[m - 1].text == "," and m + 1 < n:
                cand = att.parse_np(seq, m + 1, n)
                if cand is not None and (cand.j >= n - 1 or seq[cand.j].text in (".", ",", ";")):
                    np = cand
            elif t in ("Für", "für") and m + 1 < n:
                cand = att.parse_np(seq, m + 1, n)
                if cand is not None and (self.cast.person_in(cand.start, cand.end) or self.lex.person_head(cand.head or "")):
                    np = cand
            if np is not None:
                a = self._make(np, seq[m], [], seq, n)
                if a.speaker is None:
                    continue
                if self._is_medium(np, a):
                    channels.append(a)
                else:
                    weak.append(a)
                    weak_at.append(m)
                continue
            if t == "Rede" and m > 1 and seq[m - 1].text == "die" and any(x.text in ("ist", "war", "sei", "wäre") for x in seq[:m]):
                a = self._heissen_before(seq, m - 1)  # "In dem Schreiben war von einem „…“ die Rede"
                if a is not None and a.speaker:
                    says.append((m, a))
                continue
            if t in self.lex.english_verbs and m > 0:
                # "Kim Jong Un said the situation was “grave”, according to KCNA": English puts the
                # subject right before its verb; a medium so named only reports
                np = self._np_ending_at(seq, m)
                a = self._make(np, seq[m], [], seq, n) if np is not None and not np.pronoun else None
                if a is not None and a.speaker:
                    if self._is_medium(np, a):
                        channels.append(a)
                    else:
                        says.append((m, a))
                    continue
            v = att.verb_at(seq, m, n)
            if v is None:
                continue
            if v.use == "heissen":
                a = self._heissen(seq, m, n)
                if a.speaker is None:
                    a = self._heissen_before(seq, m) or a
                if a.speaker is not None:
                    says.append((m, a))
                continue
            np, via = att.subject_for_verb(seq, m, 0, n, v)
            if np is None:
                continue
            a = self._make(np, seq[m], via, seq, n)
            if a.speaker is None and not np.pronoun:
                continue
            if v.use == "report" and self._is_medium(np, a):
                channels.append(a)
                continue
            says.append((m, a))
            c = att.clause_start(seq, m, 0)
            if c == 0 and seq[0].text in ("Wie", "wie") and m + 1 < n and seq[m + 1].text == "," and a.speaker and frame is None:
                frame = a  # "Wie X erklärte, sieht die Regierung in dem Gesetz „…“": X speaks for the sentence
        before = [x for x in says if x[0] < k]
        after = [x for x in says if x[0] > k]
        near = ([(0, frame)] if frame is not None else []) or before[-1:] or after[:1]
        if len(weak) > 1:
            # "Nach Angaben X …, die nach Bewertung von Y „…“ hergibt": the cue nearest before the quotation
            order = [i for i in range(len(weak)) if weak_at[i] < k][::-1] + [i for i in range(len(weak)) if weak_at[i] > k]
            weak = [weak[i] for i in order]
        best = ([x[1] for x in near] or weak or channels or [None])[0]
        if best is None:
            return None
        best.strength = 2
        for ch in channels:
            if ch is not best and ch.speaker and ch.speaker not in best.via and ch.speaker != best.speaker:
                best.via.append(ch.speaker)
        return best

    def chanting_group(self, seq: list[Token], k: int) -> Attribution | None:
        """"Anhänger der Partei protestierten mit Transparenten, auf denen Sprüche wie „…“ standen":
        the subject of the main clause, when it can speak, chants or carries the slogan; "Auf dem
        Transparent war die Parole „…“ zu lesen": the thing it is written on."""
        if any(t.text in self.lex.written for t in seq):
            for m in range(0, k - 1):
                if seq[m].text.lower() in ("auf", "in", "im"):
                    np = self.att.parse_np(seq, m + 1, k, apposition=False)
                    if np is not None and not np.pronoun and self.lex.doc_head(np.head or ""):
                        a = self._make(np, None, [], seq, k)
                        a.speaker = a.speaker or self.att._np_text(np)
                        a.strength = 2
                        return a
        np = self.att.main_clause_subject(seq, 0, k)
        if np is None or np.pronoun or not self.att._can_speak(np):
            return None
        return self._spoken(np, None, [], seq, k, strength=2)

    def wonach_subject(self, seq: list[Token], k: int) -> Attribution | None:
        """"X zitiert die Zeitung, wonach Minister Y die Schuld … zuweist, deren „…“": a "wonach" clause
        reports what its subject holds; a person there speaks the quotations after it, not the
        source that the main clause names."""
        for m in range(k - 1, 0, -1):
            t = seq[m].text
            if t in (".", ";", ":") or t == QUOTE:
                return None
            if t.lower() not in REPORTING_OPENERS or seq[m - 1].text != ",":
                continue
            np = self.att.parse_np(seq, m + 1, k)
            if np is None or np.pronoun or not (np.names or self.cast.person_in(np.start, np.end)):
                return None
            return self._spoken(np, seq[m], [], seq, k, strength=2)
        return None

    def noun_cue(self, seq: list[Token], k: int) -> Attribution | None:
        """"Auf den Vorwurf der CDU, es handle sich um einen „…“, …": a noun of saying with a
        genitive (or "von") speaker, and the quotation in the clause that gives what was said."""
        lo = max(0, k - 25)
        for m in range(k - 3, lo - 1, -1):
            t = seq[m].text
            if t == QUOTE:
                continue
            if self.att.verb_at(seq, m, k) is not None or t in (".", ";", ":"):
                return None  # a cue nearer the quotation
            if t not in self.lex.speech_nouns:
                continue
            j = m + 1
            if j < k and seq[j].text in ("von", "vom"):
                j += 1
            elif not (j < k and seq[j].text in ("der", "des")):
                return None
            np = self.att.parse_np(seq, j, k, apposition=False)
            if np is None or np.pronoun or np.j >= k or seq[np.j].text != ",":
                return None
            if not self.att.personish(np):
                return None
            a = self._make(np, seq[m], [], seq, k)
            a.strength = 2
            return a if a.speaker else None
        return None

    def _after_laut(self, seq: list[Token], m: int) -> int:
        """Where the source starts after "laut" at m: "laut X", or past a noun of saying with its
        genitive or "von" ("laut Angaben des Bundesamtes", "laut Informationen von X")."""
        j = m + 1
        if j + 2 < len(seq) and seq[j].text in self.lex.nach_nouns and seq[j + 1].text in ("des", "der", "von", "vom"):
            return j + 2 if seq[j + 1].text in ("von", "vom") else j + 1
        return j

    def _after_nach_noun(self, seq: list[Token], m: int) -> int | None:
        """Where the speaker starts after "nach" at m: "nach Angaben (von) X", "nach den Worten X";
        None when no noun of saying follows the "nach"."""
        n = len(seq)
        if m + 2 >= n:
            return None
        if seq[m + 1].text in self.lex.nach_nouns:
            j = m + 2
        elif seq[m + 1].text in ("den", "der", "dem") and seq[m + 2].text in self.lex.nach_nouns:
            j = m + 3
        else:
            return None
        return j + 1 if j < n and seq[j].text in ("von", "vom") else j

    def _np_ending_at(self, seq: list[Token], m: int) -> NP | None:
        for s in range(max(0, m - 6), m):
            np = self.att.parse_np(seq, s, m)
            if np is not None and np.j == m:
                return np
        return None

    def _spoken(self, np: NP, cue: Token | None, via: list[str], seq: list[Token], hi: int, strength: int) -> Attribution | None:
        """The attribution of `np` as speaker at `cue`, with its strength; None when it names no one."""
        a = self._make(np, cue, via, seq, hi)
        if not a.speaker:
            return None
        a.strength = strength
        return a

    def _is_medium(self, np: NP, a: Attribution) -> bool:
        ent = self.cast.entity_in(np.start, np.end, ("media",))
        return ent is not None or bool(self.lex.media_head(np.head or "")) or "." in (np.head or "")

    def _heissen_before(self, seq: list[Token], m: int) -> Attribution | None:
        """"In der Erklärung heißt es", "Aus Paris hieß es": the source stands before the verb."""
        if m >= 2 and seq[0].text in ("In", "Im", "Aus", "Vom", "Von", "Bei", "Beim", "Auf"):
            np = self.att.parse_np(seq, 1, m)
            if np is not None:
                np = self._document_owner(seq, np) or np
                a = self._make(np, seq[m], [], seq, len(seq))
                a.speaker = a.speaker or self.att._np_text(np)
                return a
        return None

    def _document_owner(self, seq: list[Token], np: NP) -> NP | None:
        """"einer Erklärung der EU-Außenminister", "der Mitteilung des Ministeriums": a document with
        a genitive that can speak — the owner is the source."""
        if np.quoted or np.names or not self.lex.doc_head(np.head or ""):
            return None
        h = next((x for x in range(np.i, np.j) if seq[x].text == np.head), None)
        if h is None or h + 1 >= np.j or seq[h + 1].text not in ("der", "des"):
            return None
        sub = self.att.parse_np(seq, h + 1, np.j, apposition=False)
        if sub is None or sub.pronoun or not self.att._can_speak(sub):
            return None
        return sub

    def relative_speaker(self, seq: list[Token], k: int) -> Attribution | None:
        """Q in a relative clause ("Lawrow, der die „engen Kontakte“ begrüßte"): the antecedent speaks."""
        m = k - 1
        while m > 0 and seq[m].text not in (",", QUOTE, ":", ";"):
            m -= 1
        if m <= 0 or seq[m].text != "," or m + 1 >= k or seq[m + 1].text not in RELATIVE:
            return None
        end = k + 1
        while end < len(seq) and seq[end].text not in (",", ".", ";"):
            end += 1
        if not any(self.att.verb_at(seq, x, end) for x in range(m + 2, end) if seq[x].text != QUOTE):
            return None
        hit = self.cast.person_in(seq[max(0, m - 6)].start, seq[m - 1].end)
        if hit is None or hit[2] != seq[m - 1].end:
            # "vom Fahrgastverband IGEB, der die Maßnahme als „Kapitulation“ sieht": a body
            np = self._np_ending_at(seq, m)
            if np is None or np.pronoun or not (self.att.personish(np) and (np.names or self.lex.org_head(np.head or "")
                                                                             or self.cast.entity_in(np.start, np.end, ("organization", "media")))):
                return None
            a = self._make(np, None, [], seq, m)
            a.strength = 3
            return a if a.speaker else None
        p, s0, e0 = hit
        return Attribution(p.name, s0, e0, person=p, strength=3)

    def following_cue(self, si: int) -> Attribution | None:
        """„…“ Das sagte X am Montag. — the next sentence names the speaker."""
        if si + 1 >= len(self.sentences):
            return None
        nxt = self.sentences[si + 1]
        seq = self.sequence(nxt, [])
        if len(seq) >= 4 and seq[0].text in ("Das", "Dies", "So", "Dieses") and seq[1].text in AUXILIARIES | {"musste", "mussten", "wollte", "konnte", "durfte"}:
            # "Das musste Bundesfinanzminister X … einräumen": the subject after the auxiliary
            if any(self.att.verb_at(seq, m, len(seq)) for m in range(2, len(seq))):
                np, via = self.att.subject_after(seq, 1, len(seq), None)
                if np is not None:
                    a = self._make(np, seq[1], via, seq, len(seq))
                    a.strength = 2
                    return a
        if len(seq) >= 5 and seq[0].text == "Mit" and seq[1].text in ("diesen", "den") and seq[2].text in WORDS_NOUNS:
            # „…“ Mit diesen Worten reagierte X auf …: the words just quoted, and who said them
            seq = self.sequence(nxt, [q for q in self.spans if nxt.start <= q.open_at < nxt.end])
            np, via = self.att.subject_after(seq, 3, len(seq), self.att.verb_at(seq, 3, len(seq)))
            if np is not None and not np.pronoun:
                a = self._make(np, seq[3], via, seq, len(seq))
                if a.speaker:
                    a.strength = 2
                    return a
        if len(seq) >= 3 and seq[0].text in ("Das", "Dies", "So", "Dieses"):
            v = self.att.verb_at(seq, 1, len(seq))
            if v is not None:
                np, via = self.att.subject_after(seq, 1, len(seq), v)
                if np is not None:
                    a = self._make(np, seq[1], via, seq, len(seq))
                    a.strength = 2
                    return a
        return None

    def preceding_subject(self, si: int) -> Attribution | None:
        """A stand-alone quotation after a sentence about a person: that person speaks."""
        if si == 0:
            return None
        prev = self.sentences[si - 1]
        seq = self.sequence(prev, [])
        if not seq:
            return None
        np = self.att.parse_np(seq, 0)
        if np is None or np.pronoun and np.pronoun not in ("er", "Er", "sie", "Sie"):
            return self._last_person_in(prev)
        if not self.att._subject_ok(np, seq, 0, 0):
            return self._last_person_in(prev)
        a = self._make(np, None, [], seq, len(seq))
        if a.person is None and not (np.pronoun or self.lex.person_head(np.head or "") or self.lex.org_head(np.head or "")):
            return self._last_person_in(prev)
        a.strength = 1
        return a

    def _previous_subject(self, si: int) -> Attribution | None:
        """The person the sentence before begins with ("Der ältere Bruder des Papstes, Georg R., war …")."""
        if si == 0:
            return None
        seq = self.sequence(self.sentences[si - 1], [])
        np = self.att.parse_np(seq, 0)
        if np is None or np.pronoun or np.det and np.det.lower() in ("den", "dem", "des", "einen", "einem"):
            return None
        hit = self.cast.person_in(np.start, np.end)
        if not (hit and hit[1] == np.start or np.names and self.lex.person_head(np.head or "")):
            return None  # "Die Äußerungen Hassemers bezeichnete …": not a person as the subject
        a = self._make(np, None, [], seq, len(seq))
        a.strength = 1
        return a if a.speaker else None

    def _last_person_in(self, sent: Sentence) -> Attribution | None:
        """The person a sentence names last: who the next, unattributed quotation most likely quotes."""
        hit = self.cast.person_in(sent.start, sent.end)
        if hit is None:
            return None
        p, s0, e0 = hit
        return Attribution(p.name, s0, e0, person=p, strength=1)

    def _make(self, np: NP, cue: Token | None, via: list[str], seq: list[Token], hi: int) -> Attribution:
        a = self.att.resolve(np, np.start)
        if a.speaker is not None and not any(c.isalpha() for c in a.speaker):
            a.speaker, a.person = None, None  # a stray initial's period ("C.Y. Leung") is nobody
        if cue is not None:
            a.cue, a.cue_start, a.cue_end = cue.text, cue.start, cue.end
        a.via = via + [v for v in self._via(seq, hi) if v not in via and v != a.speaker]
        return a

    def _via(self, seq: list[Token], hi: int) -> list[str]:
        """Media named in the attribution clause as the channel (laut KCNA, berichtete Tass)."""
        if not seq:
            return []
        start, end = seq[0].start, seq[min(hi, len(seq)) - 1].end
        out: list[str] = []
        for m in self.cast.gaz_mentions:
            if m.entity.kind == "media" and start <= m.start and m.end <= end and m.entity.name not in out:
                out.append(m.entity.name)
        return out


CONTINUED = re.compile(r"\b(demnach|demzufolge|dem Bericht zufolge|laut dem Bericht|hieß es weiter|heißt es weiter|"
                       r"berichtete[n]? weiter|meldete[n]? weiter|so die Agentur)\b")
PRONOUNS_3 = {"er", "Er", "sie", "Sie"}
FRONTED_OPENERS = {"Während", "Nachdem", "Obwohl", "Als", "Weil", "Wenn", "Da", "Wie"}
REPORTING_OPENERS = {"wonach", "demzufolge", "demnach"}
WORDS_NOUNS = {"Worten", "Sätzen", "Aussagen", "Äußerungen", "Bemerkungen"}
CLAUSE_SUBORDINATORS = {"während", "nachdem", "obwohl", "weil", "als", "wenn", "da", "indem", "bevor"}
PRONOUNS_ALL = {"er", "sie", "es", "man", "wir", "ihr"}
NOT_BEFORE_VERB = {"zu", "so", "wie", "sehr", "ganz", "allzu", "recht", "am", "ich", "zum", "zur"}
DEFINITE = {"der", "die", "das", "des", "dem", "den"}
CONJUNCTIONS = {"und", "oder", "aber", "doch", "jedoch", "sondern", "denn", "sowie", "während", "weil", "obwohl", "dass",
                "daß", "wenn", "ob", "als", "nachdem", "zumal"}
# the preposition a speech verb governs, and the verbs (lemmas) that take it; None: any speech verb
SLOT_VERBS: dict[str, set[str] | None] = {
    "als": None,
    "vor": {"warnen", "mahnen"},
    "von": {"sprechen"},
    "zu": {"raten", "mahnen", "aufrufen", "auffordern"},
}
COPULA = {"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären", "bleibt", "blieb", "bleibe", "scheint",
          "schien", "wirkt", "wirkte", "sein", "bleiben"}
CLAUSE_MARKS = {",", ";", ":", ".", "!", "?", "(", ")", "–", "—"}
COORDINATORS_END = {"und", "oder", "aber", "sondern", "denn"}
PASSIVE_AUX_SET = {"wird", "wurde", "werden", "wurden"}
SUBORDINATE_OPENERS = {"dass", "daß", "ob", "weil", "wenn", "obwohl", "nachdem", "damit", "falls", "sofern", "als", "bevor"}
PERFECT_AUX = {"hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten"}
FIRST_PERSON = re.compile(r"\b(ich|Ich|wir|Wir|mich|mir|uns|unser|unsere|unseren|unserer|meine|meinen|meiner|I|we|We|us|our)\b")
PREPS = {"in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "vor", "zu", "zum", "zur",
         "über", "unter", "für", "gegen", "gegenüber", "um", "durch", "ohne", "seit", "während", "wegen", "trotz"}
RELATIVE = {"der", "die", "das", "dem", "den", "deren", "dessen", "welcher", "welche", "welches", "who", "which"}


def _next_quote(qidx: list[int], k: int, n: int) -> int:
    later = [x for x in qidx if x > k]
    return later[0] if later else n


def _prev_quote(qidx: list[int], k: int) -> int:
    earlier = [x for x in qidx if x < k]
    return earlier[-1] + 1 if earlier else 0


def _sentence_like(inner: str) -> bool:
    """A short quotation that is a sentence of its own: it ends with its own full stop, "!" or "?"
    ("Nein.", "WOW."), as a name or a title does not."""
    return inner[-1:] in ".!?" and not inner.endswith(("..", "…")) and len(inner) > 2


def _name_like(words: list[str]) -> bool:
    """Every word capitalised: a name or a title ("La Gazzetta dello Sport"), not a statement."""
    particles = {
        "of", "the", "and", "for", "de", "la", "le", "del", "della", "dello", "di", "da", "do", "dos", "du",
        "et", "y", "e", "von", "vom", "van", "und", "der", "die", "das", "des", "dem", "den", "ein", "eine",
        "einer", "eines", "für", "zur", "zum", "zu", "ohne", "mit", "am", "im", "in", "an", "auf", "aus",
        "bei", "gegen", "über", "unter", "um",
    }
    content = [w for w in words if w.lower() not in particles]
    if not words or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False  # "ein Vorbild für die Region": a phrase, not a title
    return bool(content) and len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in content)
