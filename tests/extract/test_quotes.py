"""One German (or English) reporting construction per row: text in, quotation and attribution out."""

from __future__ import annotations

import pytest

from app.extract import extract


def direct(text: str):
    return [q for q in extract(text).quotes if q.kind == "direct"]


# (text, quoted words, speaker, cue or None for "any", via)
ROWS = [
    # attribution after the quotation
    ("„Wir werden nicht nachgeben“, sagte Wolfgang Berger am Montag in Bonn.",
     "Wir werden nicht nachgeben", "Wolfgang Berger", "sagte", []),
    ("„Die Lage ist ernst“, so Innenministerin Petra Lange.",
     "Die Lage ist ernst", "Petra Lange", "so", []),
    ("„Das Abkommen bleibt gültig“, erklärte der Kremlchef nach dem Treffen.",
     "Das Abkommen bleibt gültig", "Vladimir Putin", "erklärte", []),
    # attribution before the quotation, with a colon
    ("Der Bürgermeister Klaus Wendt sagte: „Wir bauen die Brücke neu.“",
     "Wir bauen die Brücke neu.", "Klaus Wendt", "sagte", []),
    ("Am Abend erklärte Kim Jong-un: „Unsere Armee ist bereit.“",
     "Unsere Armee ist bereit.", "Kim Jong Un", "erklärte", []),
    # an apposition between name and verb
    ("Die Sprecherin des Vereins, Maria Schneider, sagte dazu: „Wir prüfen den Fall.“",
     "Wir prüfen den Fall.", "Maria Schneider", "sagte", []),
    # a role noun and a name the gazetteer does not know
    ("„Das ist eine Provokation“, sagte Außenamtssprecher Heorhij Tychyj.",
     "Das ist eine Provokation", "Heorhij Tychyj", "sagte", []),
    # a role noun with no name anywhere: the role noun speaks
    ("„Es gab keine Verletzten“, sagte ein Polizeisprecher.",
     "Es gab keine Verletzten", "ein Polizeisprecher", "sagte", []),
    # laut / zufolge / nach Angaben
    ("Laut Verteidigungsminister Andrej Beloussow ist die Zusammenarbeit „ein Vorbild für die Region“.",
     "ein Vorbild für die Region", "Andrei Belousov", "Laut", []),
    ("Dem Minister Sergej Lawrow zufolge bleibt Moskau „ein verlässlicher Partner“ Pjöngjangs.",
     "ein verlässlicher Partner", "Sergei Lavrov", "zufolge", []),
    # separable speech verbs
    ("„Wir haben noch keine Truppen gesehen“, fügte Antony Blinken hinzu.",
     "Wir haben noch keine Truppen gesehen", "Antony Blinken", "fügte", []),
    ("„Die Frist endet im Mai“, gab die Behörde am Dienstag bekannt.",
     "Die Frist endet im Mai", "die Behörde", "gab", []),
    # a pronoun resolved to the last fitting person
    ("Wladimir Putin empfing den Gast im Kreml. „Wir sind Freunde“, sagte er.",
     "Wir sind Freunde", "Vladimir Putin", "sagte", []),
    # a role noun resolved through the gazetteer's epithets
    ("Choe Son-hui traf Lawrow in Moskau. „Wir stehen an der Seite Russlands“, betonte die Ministerin.",
     "Wir stehen an der Seite Russlands", "Choe Son Hui", "betonte", []),
    ("Kim Jong-un besuchte eine Fabrik. „Die Produktion muss steigen“, sagte der Machthaber.",
     "Die Produktion muss steigen", "Kim Jong Un", "sagte", []),
    # a role noun for a person the gazetteer does not know: the role noun and the surname
    ("Bundespräsident Horst Köhler sprach in Berlin. „Reformen sind nötig“, sagte der Bundespräsident.",
     "Reformen sind nötig", "Bundespräsident Köhler", "sagte", []),
    # a sentence with a speech verb and no quotation names the speaker of what follows
    ("Die Politikerin Anja Weber kritisierte die Pläne. Die Mittel seien „völlig unrealistisch“.",
     "völlig unrealistisch", "Anja Weber", None, []),
    ("Auch Hessens Ministerpräsident Roland Koch kritisierte in der Zeitung den Schritt. Er forderte einen „offensiven Umgang mit dem Thema“.",
     "offensiven Umgang mit dem Thema", "Roland Koch", None, []),
    # a gazetteer epithet alone does not name a gazetteer person in an unrelated article
    ("Den Ärger brachte die Sprecherin der Partei zum Ausdruck: „Das geht nicht.“", "Das geht nicht.",
     "die Sprecherin der Partei", None, []),
    # a member of a group, a title and initials, a medium quoting a person by surname
    ("Einer der 13 beteiligten Bergleute sagte: „Wir hatten großes Glück.“", "Wir hatten großes Glück.",
     "Einer der 13 beteiligten Bergleute", "sagte", []),
    ("Heute kann man laut Chefarzt Prof. Dr. Anna K. Weber „vielen Paaren helfen“, suchen die Forscher nach Wegen.",
     "vielen Paaren helfen", "Anna K. Weber", "laut", []),
    ("„Das wird das größte Update“, zitiert die „Rundschau“ Meinhardt in einem Bericht.",
     "Das wird das größte Update", "Meinhardt", "zitiert", []),
    ("„Wir prüfen das rasch“, zitiert das Portal den Minister.", "Wir prüfen das rasch", "den Minister", "zitiert", []),
    # a sentence-initial surname right before a naming verb; plural role nouns
    ("Modder nannte die Absage Hartmanns einen „Vertrauensbruch“.", "Vertrauensbruch", "Modder", "nannte", []),
    ("Die Passagiere berichteten, das Flugzeug sei mit einem „großen Ruck“ gelandet.", "großen Ruck",
     "Die Passagiere", None, []),
    # "Stellung nehmen" makes the speaker of the reported speech that follows
    ("Am Abend nahm auch der Ministerpräsident des Landes, Christian Wolf, zu der Frage Stellung. Jeder Lehrer könne „das Konto später einlösen“.",
     "das Konto später einlösen", "Christian Wolf", None, []),
    # "wie X, der …, feststellt": past a relative clause
    ("Wie Norman Pach, der den Prozess beobachtet hat, dazu feststellt, verlangt „der Tatbestand mehr als Vermutungen“.",
     "der Tatbestand mehr als Vermutungen", "Norman Pach", None, []),
    # a verb the list lacks, then a bare surname
    ("„Ich trete als Konservativer an“, strich Hallmann in Arbutus heraus.", "Ich trete als Konservativer an",
     "Hallmann", "strich", []),
    # a crowd, an adjective used as a noun
    ("Die Menschenmenge skandierte vor dem Rathaus Parolen wie „Wir wollen Wahlen!“", "Wir wollen Wahlen!",
     "Die Menschenmenge", "skandierte", []),
    ("Ein Übertrittswilliger begründete seine Entscheidung wie folgt: „Hier leben die Menschen friedlich.“",
     "Hier leben die Menschen friedlich.", "Ein Übertrittswilliger", "begründete", []),
    # the speaker named in the sentence after: "Das musste X einräumen"
    ("„Ja, es gibt Zumutungen.“ Das musste Finanzminister Paul Brück zu Beginn der Debatte einräumen.",
     "Ja, es gibt Zumutungen.", "Paul Brück", None, []),
    # a stand-alone quotation after a sentence about another person than the last speaker
    ("„Das war meine Entscheidung“, sagte der Papst. Sein Bruder, Georg Ratinger, war seit langem eingeweiht. "
     "„Mein Bruder wünscht sich mehr Ruhe.“", "Mein Bruder wünscht sich mehr Ruhe.", "Georg Ratinger", None, []),
    # an infinitive clause is no statement: nobody is made a speaker by it
    ("Laut Geheimdiensten hat Pjöngjang etwa 11.000 Soldaten entsandt, um die Offensive zu unterstützen. "
     "„Die Lage ist ernst“, sagte Olaf Scholz.", "Die Lage ist ernst", "Olaf Scholz", "sagte", []),
    # a name as the attribution writes it: the surname where the text gives the surname
    ("Finanzvorstand Hans Dieter Pötsch kam nach Delhi. Pötsch sagte: „Der Markt wächst.“",
     "Der Markt wächst.", "Pötsch", "sagte", []),
    ("„Der Markt wächst“, so Pötsch.", "Der Markt wächst", "Pötsch", "so", []),
    ("Ein „großer Sieg“, so urteilte Meinhardt über die Wahl.", "großer Sieg", "Meinhardt", "urteilte", []),
    # the subject of the sentence before a colon, past a relative clause or an apposition
    ("Der Ermittler, der als Zeuge gilt, will seine Arbeit beenden: „Mehr kommt nicht nach!“",
     "Mehr kommt nicht nach!", "Der Ermittler", None, []),
    ("Den Ärger der Partei brachte die Sprecherin der Fraktion, Anna Weber, zum Ausdruck: „Das geht nicht.“",
     "Das geht nicht.", "Anna Weber", None, []),
    ("Als ein Gast half, biss der Randalierer den Gast und rief: „Lasst mich raus!“",
     "Lasst mich raus!", "der Randalierer", "rief", []),
    ("Nicolas Berger sprach in London. Er sagte, Europa brauche die Briten, und fügte hinzu: „Wer glaubt etwas anderes?“",
     "Wer glaubt etwas anderes?", "Nicolas Berger", "fügte", []),
    # the inverted subject after a fronted phrase: a bare word that is no common noun is a name
    ("Bei einem Empfang für Journalisten sagte Brandauer, er wolle „eine offene Kirche“.", "eine offene Kirche",
     "Brandauer", "sagte", []),
    # a speech verb in a "zumal" clause, with its auxiliary after it; "doch" after a quotation opens a clause
    ("Zwar werde sie dem Kläger entgegenkommen, zumal Anwalt Peter Hahn immer wieder betont hatte, der Kläger "
     "sei nicht „gewalttätig“, doch die Richterin blieb hart.", "gewalttätig", "Peter Hahn", None, []),
    # ", so X" in reported speech names the speaker of the quotation that continues it
    ("Der Bericht war umstritten. Doch sei es, so der Historiker Paul Kramm in einem Beitrag für die „Rundschau“, "
     "ein Fehler gewesen. Deshalb müsse „die Debatte neu beginnen“.", "die Debatte neu beginnen", "Paul Kramm", None, []),
    # a document that speaks: "war von … die Rede", "nach Darstellungen des Verlages"
    ("In dem Brief an die Belegschaft war von einem „fairen Neuanfang“ die Rede.", "fairen Neuanfang", "dem Brief", None, []),
    ("Nach Darstellungen des Verlages bietet das Buch eine „neue Sicht auf den Krieg“.", "neue Sicht auf den Krieg",
     "des Verlages", None, []),
    # channels
    ("„Die Zusammenarbeit wird ausgeweitet“, sagte Beloussow laut der Nachrichtenagentur Tass.",
     "Die Zusammenarbeit wird ausgeweitet", "Andrei Belousov", "sagte", ["TASS"]),
    ("Wie die staatliche Nachrichtenagentur KCNA berichtete, sagte Kim, man werde „die Souveränität Russlands“ verteidigen.",
     "die Souveränität Russlands", "Kim Jong Un", None, ["KCNA"]),
    ("Kim Jong-un empfing den Minister. Der Westen trage die Schuld an einer „direkten Intervention“, wurde der Diktator von nordkoreanischen Staatsmedien zitiert.",
     "direkten Intervention", "Kim Jong Un", "zitiert", ["North Korean state media"]),
    # a quotation attributed to a report
    ("Kim Jong-un empfing Beloussow. Der Besuch werde „die Beziehungen stärken“, hieß es in einem KCNA-Bericht.",
     "die Beziehungen stärken", "KCNA", "hieß", ["KCNA"]),
    # quoted by a medium: the person is the speaker, the medium the channel
    ("„Wir bleiben im Amt“, zitiert die Zeitung den Bürgermeister Jan Hofer.",
     "Wir bleiben im Amt", "Jan Hofer", "zitiert", []),
    ("Die Agentur zitierte Sergej Lawrow mit den Worten: „Die Sanktionen sind wirkungslos.“",
     "Die Sanktionen sind wirkungslos.", "Sergei Lavrov", None, []),
    # quoted words inside reported speech belong to the reported speaker
    ("Russland habe das „Recht auf Selbstverteidigung“, sagte Kim Jong-un.",
     "Recht auf Selbstverteidigung", "Kim Jong Un", "sagte", []),
    ("Kim bezeichnete die Angriffe als „zeitgemäße und effektive Maßnahmen“.",
     "zeitgemäße und effektive Maßnahmen", "Kim Jong Un", "bezeichnete", []),
    ("Er kritisierte die US-Politik und nannte sie „verantwortungslose Handlungen“, sagte Joe Biden.",
     "verantwortungslose Handlungen", "Joe Biden", None, []),
    # a quotation in a relative clause belongs to the antecedent
    ("Choe Son-hui traf Sergej Lawrow, der die „sehr engen Kontakte“ ausdrücklich begrüßte.",
     "sehr engen Kontakte", "Sergei Lavrov", None, []),
    # an epithet with an age
    ("Der Schauspieler Uwe Martens feierte Geburtstag. „Ich höre nicht auf“, sagte der 58-Jährige.",
     "Ich höre nicht auf", "Uwe Martens", "sagte", []),
    # quotation marks of every style
    ("»Wir verhandeln weiter«, sagte Ursula Brandt.", "Wir verhandeln weiter", "Ursula Brandt", "sagte", []),
    ("«Wir verhandeln weiter», sagte Ursula Brandt.", "Wir verhandeln weiter", "Ursula Brandt", "sagte", []),
    ('"Wir verhandeln weiter", sagte Ursula Brandt.', "Wir verhandeln weiter", "Ursula Brandt", "sagte", []),
    ("“Wir verhandeln weiter”, sagte Ursula Brandt.", "Wir verhandeln weiter", "Ursula Brandt", "sagte", []),
    # a quotation over several sentences
    ("Peter Kraus sagte: „Der Plan ist gut. Er kostet wenig. Wir fangen morgen an.“",
     "Der Plan ist gut. Er kostet wenig. Wir fangen morgen an.", "Peter Kraus", "sagte", []),
    # reported speech goes on without a new speaker: the quotation in it is the last speaker's
    ("Laut Polizei kam es am Abend zu Rangeleien. Dabei sei ein Mann festgenommen worden. Nun habe ein zweiter Mann "
     "versucht, ihn zu befreien. Dies hätten die Beamten „mit einfacher Gewalt“ verhindert.", "mit einfacher Gewalt",
     "Polizei", None, []),
    # a speech verb in the perfect ("hat sich … geäußert") names the speaker of the reported speech after it
    ("Nun hat sich gegenüber der Presse der Vorsitzende des Mieterbundes, Jan Kowalski, zu den Plänen von "
     "Bürgermeister Otto Brandt geäußert. Die Rechte der Mieter seien im Gesetz klar festgelegt: „Daraus folgt, dass "
     "niemand die Wohnung verlieren darf.“", "Daraus folgt, dass niemand die Wohnung verlieren darf.", "Jan Kowalski",
     None, []),
    # "Nach Ansicht von X ist …" without a quotation names the speaker of the stand-alone quotation after it
    ("„Wir warten ab“, sagte Finanzminister Karl Brenner. Nach Ansicht von Bürgermeister Peter Lindner ist damit noch "
     "nichts entschieden. „Das ist nur ein Gutachten. Der Rat hat das letzte Wort.“",
     "Das ist nur ein Gutachten. Der Rat hat das letzte Wort.", "Peter Lindner", None, []),
    # the subjunctive only in a clause the main clause governs: the main clause's subject speaks
    ("Nach Aussagen von Bürgermeister Jan Rehm bringe das Urteil Klarheit. Die Stadt werde das Gelände nun kaufen. "
     "Der Stadtrat hatte gehofft, dass die Mittel „in den Schulbau fließen“ würden.", "in den Schulbau fließen",
     "Der Stadtrat", None, []),
    # a verb form after "näher" or an article is an adjective ("nicht näher bezeichnete"): "zufolge" names the source
    ("Der Grund für den Stopp zwischen Ulm und Bad Kreuzen waren dem Bericht zufolge nicht näher bezeichnete "
     "„technische Probleme“.", "technische Probleme", "dem Bericht", "zufolge", []),
    # a relative clause that says what a text holds: the antecedent is the source
    ("Das Gericht bemängelte Absatz 2 des Gesetzes, in dem es unter anderem heißt: „Die Behörde darf das Internet "
     "beobachten.“", "Die Behörde darf das Internet beobachten.", "des Gesetzes", "heißt", []),
    ("Ab 1940 musste an jedem Radio ein Zettel kleben, auf dem geschrieben stand: „Denke daran: Das Hören ist "
     "verboten.“", "Denke daran: Das Hören ist verboten.", "ein Zettel", None, []),
    # "heißt es auf der Webseite", "Auf der x-Homepage heißt es …, warum …:"
    ("Geehrt werden Personen, „die sich um die Aufklärung verdient gemacht haben“, heißt es auf der Webseite des "
     "Preises.", "die sich um die Aufklärung verdient gemacht haben", "der Webseite des Preises", "heißt", []),
    ("Auf der documenta-Homepage heißt es zur Begründung, warum man sich für das Bild entschied: „Die Striche wurden "
     "wegen ihrer Klarheit gewählt.“", "Die Striche wurden wegen ihrer Klarheit gewählt.", "der documenta-Homepage",
     "heißt", []),
    # a quotation in parentheses right after a name
    ("Auch andere gratulierten, so der Premier Luigi Bianchi, der Leiter der Atombehörde, Samir Haddad („Niemand "
     "verdient es mehr.“), und der Kanzler Jens Olsen: „Der Preis kommt zur rechten Zeit.“", "Niemand verdient es mehr.",
     "Samir Haddad", None, []),
    # after „…“, a name and a speech verb with more of its clause is a new main clause, not the attribution
    ("Max Kurz, der wegen Fouls Gelb-Rot sah, nannte seinen Platzverweis „überzogen“, Trainer Jonas Lehn bezeichnete "
     "acht Gelbe Karten in einem Spiel als „übertrieben“.", "überzogen", "Max Kurz", "nannte", []),
    # a noun of saying with a genitive speaker: the quotations of the clause after it are the speaker's
    ("Auf den Vorwurf der Opposition, es handle sich um einen „sozialistischen Antrag“, mit dem man die Bauherren "
     "„zum Guten zwingen“ wolle, entgegneten die Befürworter, dass gebaut werden müsse.", "zum Guten zwingen",
     "der Opposition", "Vorwurf", []),
    # a bare institution noun refers back to the compound named before it
    ("In einer Presseerklärung äußerte sich die FDP-Kreistagsfraktion zum Rücktritt. Außerdem halte die Fraktion den "
     "Schritt für „überfällig und dringend geboten“.", "überfällig und dringend geboten", "FDP-Kreistagsfraktion", None, []),
    # the subject of a speech verb with a place after it: "Das Komitee im schwedischen Lund würdigte …"
    ("Der Preis geht an Anna Berg. Das Komitee im schwedischen Lund würdigte damit Bergs Einsatz zur „Stärkung der "
     "Forschung“.", "Stärkung der Forschung", "Das Komitee", "würdigte", []),
    # ", so NP laut X": a phrase that is no speaker, then the source
    ("Zwei Männer wurden heute als „Feinde des Volkes“, so die offizielle Sprachregelung laut der Nachrichtenagentur "
     "Nova, verurteilt.", "Feinde des Volkes", "Nova", "laut", []),
    # a passive without an agent, with the publication that used the words
    ("Die Stadtwerke gelten als parteinah und wurden gestern im „Stadtkurier“ als „eine mächtige Organisation "
     "innerhalb der Stadt“ bezeichnet.", "eine mächtige Organisation innerhalb der Stadt", "Stadtkurier", None, []),
    # "In einer Erklärung der X hatte es geheißen:": the document's owner is the source
    ("In einer Erklärung der EU-Außenminister vom Dienstagabend hatte es geheißen: „Es gibt keine militärische Lösung.“",
     "Es gibt keine militärische Lösung.", "der EU-Außenminister", "geheißen", []),
    # "steht in dem Gesetzentwurf … der Passus:": the text is the source (and "Derzeit" is no name)
    ("Derzeit steht deshalb in dem Gesetzentwurf für ein neues Meldegesetz noch der Passus: „Die Daten sind nach einem "
     "Jahr zu löschen.“", "Die Daten sind nach einem Jahr zu löschen.", "dem Gesetzentwurf", "steht", []),
    # the agent of a passive is a person noun ("von Musikkennern")
    ("Ligeti bekam viele Preise. Der Kanzler würdigte ihn als „großen Österreicher“. Seine Werke werden von "
     "Musikkennern als „Meilensteine der Musik“ bezeichnet.", "Meilensteine der Musik", "Musikkennern", None, []),
    # a regular Konjunktiv I ("zeige", derived from the stem) continues the report of the speaker before
    ("„Wir brauchen mehr Lehrer“, sagte die Ministerin Karla Hofer der Zeitung. Die Umfrage zeige vielmehr, „dass die "
     "Klassen zu groß sind“.", "dass die Klassen zu groß sind", "Karla Hofer", None, []),
    # a speech verb in the Konjunktiv I reports someone's position: the speaker before still speaks
    ("Der Abgeordnete Jonas Reiter schreibt: „Das Gesetz geht zu weit.“ Den Kern des Vorschlags unterstütze die "
     "Fraktion aber „ohne Einschränkung“.", "ohne Einschränkung", "Jonas Reiter", None, []),
    # a fronted subordinate clause with its own speech verb keeps the quotation that closes it
    ("Während die Trainerin Lena Vogt erklärte, sehr zufrieden zu sein, „mehr geht nicht“, räumte Kapitän Tim Ohm ein, "
     "müde zu sein.", "mehr geht nicht", "Lena Vogt", "erklärte", []),
    # "hieß es in der Ansprache": a definite document with no owner refers back to the one named before
    ("In ihrer Neujahrsansprache, die im Fernsehen übertragen wurde, mahnte Bundeskanzlerin Anna Berg zur Geduld. "
     "Weitere Themen waren die Renten. „Wir schaffen das gemeinsam“, hieß es in der Ansprache.",
     "Wir schaffen das gemeinsam", "Anna Berg", "hieß", []),
    ("Die Gewerkschaft Verdi veröffentlichte am Montag eine Erklärung. Darin kritisierte sie die Pläne. „Die "
     "Beschäftigten zahlen die Zeche“, hieß es in der Erklärung.", "Die Beschäftigten zahlen die Zeche",
     "Gewerkschaft Verdi", "hieß", []),
    ("„Die Beschäftigten zahlen die Zeche“, hieß es in der Erklärung.", "Die Beschäftigten zahlen die Zeche",
     "der Erklärung", "hieß", []),
    # a "wonach" clause: its subject speaks the quotation after it; the medium of the main clause is the channel
    ("Die Nachrichtenagentur Nova zitiert aus der Zeitung „Abendpost“, wonach Bürgermeister Karl Brenner die "
     "Verantwortung den Investoren zuschreibt, deren „rücksichtslose Planung“ die Altstadt zerstöre.",
     "rücksichtslose Planung", "Karl Brenner", None, []),
    # a role noun of ownership speaks ("der Eigentümer"), rather than the speaker of the sentence before
    ("Der Gewerkschafter Paul Senn sagte, die Lage sei „unerträglich“. In einer Mitteilung erklärte der Eigentümer "
     "des Hotels, dass das Haus in einer „schwierigen Lage“ stecke.", "schwierigen Lage", "der Eigentümer des Hotels",
     "erklärte", []),
    # a quoted word before the particle of a separable speech verb is its object: "warf … „Versagen“ vor"
    ("Die Grünen-Politikerin Lea Sommer warf dem Minister „Versagen“ vor.", "Versagen", "Lea Sommer", "warf", []),
    # a common English first name after a role noun's apposition makes a person; "der Rede" refers back
    ("Der Regierungschef von Tarland, Stephen Morrow, hielt eine Rede. Darin forderte Morrow mehr Geld für Schulen. "
     "„Bildung ist unsere Zukunft“, hieß es in der Rede.", "Bildung ist unsere Zukunft", "Stephen Morrow", "hieß", []),
    # slogans: words after "Parolen wie", "mit der Parole", "Sprüche wie" are statements of who chants or carries them
    ("Die Demonstranten skandierten vor dem Rathaus Parolen wie „Schluss mit dem Lärm“.", "Schluss mit dem Lärm",
     "Die Demonstranten", "skandierten", []),
    ("Im Vorfeld haben Anhänger der Gruppe „Ordnung“ mit der Parole „Wir kommen wieder“ den Gegnern gedroht.",
     "Wir kommen wieder", "Anhänger der Gruppe", None, []),
    ("Viele Menschen zogen durch die Stadt. Auf dem Fronttransparent war die Parole „Freiheit für alle Gefangenen“ zu "
     "lesen.", "Freiheit für alle Gefangenen", "dem Fronttransparent", None, []),
    # a name in the genitive after a role noun ("Anhänger Karl Brenners") is not the speaker
    ("Karl Brenner trat am Montag zurück. Einige Anhänger Karl Brenners protestierten mit Transparenten, auf denen "
     "Sprüche wie „Nieder mit dem Rat“ standen.", "Nieder mit dem Rat", "Anhänger Karl Brenners", None, []),
    # before a colon, with no one who can speak, a document in the nominative is the source
    ("Die Behörde prüft den Fall. So enthält das Strafgesetzbuch in Paragraf 12 folgende Regel: „Wer fremde Sachen "
     "beschädigt, wird bestraft.“", "Wer fremde Sachen beschädigt, wird bestraft.", "das Strafgesetzbuch", None, []),
    ("Die Polizei veröffentlichte das Video mit einem Aufruf: „Wir suchen Zeugen.“", "Wir suchen Zeugen.",
     "Die Polizei", None, []),
    # the umlaut plural of an institution noun can speak ("die Bundesländer")
    ("Die Bundesländer erwarten durch das Gesetz Mehrkosten, die durch einen „erheblichen Mehraufwand“ entstehen würden.",
     "erheblichen Mehraufwand", "Die Bundesländer", None, []),
    # "Nach Angaben X" is a cue like "laut": a quoted predicate in its sentence is a statement
    ("Nach Angaben der Feuerwehr war das Feuer „schnell unter Kontrolle“.", "schnell unter Kontrolle",
     "der Feuerwehr", "Nach", []),
    # a title before the apposed name: "Der Präsident der Kammer, Dr. Hans Meier, betonte"
    ("Der Präsident der Ärztekammer, Dr. Hans Meier, betonte, die Versorgung sei „auf Kante genäht“.",
     "auf Kante genäht", "Hans Meier", "betonte", []),
    # a one-word quotation that is a sentence of its own (its own full stop) after a cue and a colon
    ("Auf die Frage, ob er zurücktrete, antwortete der Minister Karl Ohm: „Nein.“", "Nein.", "Karl Ohm", "antwortete", []),
    # a court is an institution that can speak ("Gerichtshof")
    ("Der Bundesgerichtshof entschied, die Klausel sei „unwirksam“.", "unwirksam", "Der Bundesgerichtshof", None, []),
    # "Mit diesen Worten …" in the next sentence names who said the quotation before it
    ("„Das ist inakzeptabel.“ Mit diesen Worten reagierte Außenminister Tim Vogt auf den Angriff.",
     "Das ist inakzeptabel.", "Tim Vogt", "reagierte", []),
    ("„Wir bleiben hart.“ Mit diesen Worten zitiert die „Abendpost“ den Minister Karl Ohm.", "Wir bleiben hart.",
     "Karl Ohm", "zitiert", []),
    # a quoted phrase in a sentence whose verb is a regular Konjunktiv I ("brauche") is reported speech
    ("Innenminister Karl Berg verteidigte das Gesetz. Die Polizei brauche „klare Regeln“.", "klare Regeln",
     "Karl Berg", None, []),
    # "Die Forscher um X schreiben in der Fachzeitschrift „Y“": the group before the verb speaks, not the journal
    ("Die Forscher um Lena Beck schreiben in der Fachzeitschrift „Nature“, das Ergebnis sei „überraschend klar“.",
     "überraschend klar", "Die Forscher", "schreiben", []),
    # an outlet in a "wie … berichtete" clause after the quotation is the channel of the sentence's speaker
    ("Außenminister Jan Ek sagte am Montag, die Gespräche seien „sehr offen“ gewesen, wie die Agentur TASS berichtete.",
     "sehr offen", "Jan Ek", "sagte", ["TASS"]),
    ("„Wir bleiben standhaft“, erklärte Premierministerin Ida Holm, wie die Agentur Reuters meldete.",
     "Wir bleiben standhaft", "Ida Holm", "erklärte", ["Reuters"]),
    # the same in English: "X said … "Q", according to Y" (English puts the subject before its verb)
    ('Foreign Minister Jan Ek said the talks had been "very open", according to the TASS news agency.',
     "very open", "Jan Ek", "said", ["TASS"]),
    ('Ida Holm said her country would "stand firm", according to Reuters.', "stand firm", "Ida Holm", "said",
     ["Reuters"]),
    # with nobody else speaking, the outlet that reports is the source
    ("Die Lage sei „unter Kontrolle“, wie die Agentur TASS berichtete.", "unter Kontrolle", "TASS", "berichtete", []),
    ('The situation was "under control", according to Reuters.', "under control", "Reuters", "according", []),
    # a quotation inside a subordinate clause closed by its own speech verb is that clause's subject's
    ("Während die Regierung von einem „Erfolg“ sprach, kritisierte die Opposition das Ergebnis als „Desaster“.",
     "Erfolg", "die Regierung", "sprach", []),
    ("Während die Regierung von einem „Erfolg“ sprach, kritisierte die Opposition das Ergebnis als „Desaster“.",
     "Desaster", "die Opposition", "kritisierte", []),
    ("Ministerin Eva Lind sagte, sie sei „zuversichtlich“, während Oppositionsführer Rolf Brand von „leeren "
     "Versprechen“ sprach.", "leeren Versprechen", "Rolf Brand", "sprach", []),
    ("Ministerin Eva Lind sagte, sie sei „zuversichtlich“, während Oppositionsführer Rolf Brand von „leeren "
     "Versprechen“ sprach.", "zuversichtlich", "Eva Lind", "sagte", []),
    ("Nachdem der Trainer Jens Holz das Spiel als „unglücklich“ bezeichnet hatte, meldete sich Kapitän Tim Ohm zu "
     "Wort: „Wir müssen besser werden.“", "unglücklich", "Jens Holz", "bezeichnet", []),
    # "sagte sein Agent": a possessive role noun after the verb is the subject, someone else than the person
    ("Der Schauspieler Leo Kamp ist tot. „Er war ein großer Künstler“, sagte sein Agent.",
     "Er war ein großer Künstler", "sein Agent", "sagte", []),
    # "laut Angaben des X": the source is the genitive after the noun of saying
    ("Laut Angaben des Statistischen Bundesamtes stiegen die Preise „so stark wie seit Jahren nicht“.",
     "so stark wie seit Jahren nicht", "des Statistischen Bundesamtes", "Laut", []),
    # a chain of reported speech opened right after a sentence about a person, across an indicative sentence
    ("Gesundheitsminister Paul Rand stellte am Montag den Bericht vor. Die Zahl der Fälle sei gestiegen. Im Jahr 2020 "
     "gab es 300 Fälle. Besonders betroffen seien „junge Erwachsene in Großstädten“.",
     "junge Erwachsene in Großstädten", "Paul Rand", None, []),
    # feminine role nouns with an umlaut ("Staatsanwältin") are role nouns
    ("Der Prozess begann am Montag. „Der Fall ist eindeutig“, sagte die Staatsanwältin.", "Der Fall ist eindeutig",
     "die Staatsanwältin", "sagte", []),
    # a known body whose name starts with a role noun ("Ärzte ohne Grenzen") is that body
    ("„Wir helfen sofort“, teilte Ärzte ohne Grenzen am Montag mit.", "Wir helfen sofort", "Médecins Sans Frontières",
     "teilte", []),
    # English
    ('"We will not back down," said Jens Stoltenberg.', "We will not back down,", "Jens Stoltenberg", "said", []),
    ('"We will stand with Russia until victory," Choe Son Hui said in Moscow.',
     "We will stand with Russia until victory,", "Choe Son Hui", "said", []),
    ('According to Antony Blinken, the troops are "ready for combat".',
     "ready for combat", "Antony Blinken", None, []),
]


@pytest.mark.parametrize(("text", "words", "speaker", "cue", "via"), ROWS, ids=[r[1][:30] for r in ROWS])
def test_construction(text: str, words: str, speaker: str, cue: str | None, via: list[str]) -> None:
    quotes = direct(text)
    hit = [q for q in quotes if q.text.strip() == words.strip()]
    assert hit, f"no quotation {words!r} in {[q.text for q in quotes]}"
    q = hit[0]
    assert q.speaker == speaker
    if cue is not None:
        assert q.cue == cue
    for v in via:
        assert v in q.via
    assert text[q.start : q.end] == q.text


def test_split_quotation_both_parts_have_the_speaker() -> None:
    text = "„Der erste Teil ist wahr“, sagte Lena Vogt, „und der zweite auch.“"
    quotes = direct(text)
    assert [q.text for q in quotes] == ["Der erste Teil ist wahr", "und der zweite auch."]
    assert {q.speaker for q in quotes} == {"Lena Vogt"}


def test_nested_unbalanced_marks_make_one_quotation() -> None:
    text = "„Daran besteht kein Zweifel […] „Die Armee wird siegen“ in der Ukraine, erklärte Choe Son-hui."
    quotes = direct(text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Daran besteht kein Zweifel") and quotes[0].text.endswith("siegen")
    assert quotes[0].speaker == "Choe Son Hui"


def test_a_balanced_inner_quotation_with_the_same_marks_stays_inside() -> None:
    text = "„Wir haben viele Anträge für „kleine Firmen“ erhalten. Die Nachfrage ist groß“, sagte die Sprecherin Ina Roth."
    quotes = direct(text)
    assert len(quotes) == 1
    assert quotes[0].text == "Wir haben viele Anträge für „kleine Firmen“ erhalten. Die Nachfrage ist groß"
    assert quotes[0].speaker == "Ina Roth"


def test_single_quotes_inside_a_quotation_stay_inside() -> None:
    text = "„Er nannte das ‚absurd‘ und ging“, sagte Karl Weber."
    quotes = direct(text)
    assert [q.text for q in quotes] == ["Er nannte das ‚absurd‘ und ging"]


@pytest.mark.parametrize(
    "text",
    [
        "Selenskyj kritisierte die „Null“-Reaktion der Westler auf den Einsatz.",  # part of a compound
        "Der Film „Die letzte Grenze“ läuft ab Donnerstag in den Kinos.",  # a title
        "Das Schiff „Kliper“ lief am Morgen aus.",  # a name
        "Die Zeitung „Rodong Sinmun“ erschien mit einer Sonderausgabe.",  # an outlet's name
        "Die „Black Stars“ gewannen das Spiel deutlich.",  # a nickname, no speech anywhere
        "Die Autorin Lea Sommer stellte ihr Buch „Heimat“ vor.",  # a title before a particle of no speech verb
        "Unter dem Motto „Freiheit statt Angst“ zogen die Demonstranten durch die Stadt.",  # a motto is a title
        "Der Minister Karl Berg kritisierte die von „Umfragen direkt“ erstellten Zahlen.",  # a name used attributively
    ],
)
def test_names_titles_and_scare_quotes_are_not_quotations(text: str) -> None:
    assert direct(text) == []


def test_reported_speech_without_marks_is_indirect() -> None:
    text = "Kim Jong-un sagte, Russland habe das Recht, sich zu verteidigen."
    result = extract(text)
    ind = [q for q in result.quotes if q.kind == "indirect"]
    assert len(ind) == 1
    assert ind[0].speaker == "Kim Jong Un"
    assert ind[0].text == "Russland habe das Recht, sich zu verteidigen"
    assert text[ind[0].start : ind[0].end] == ind[0].text


def test_a_quotation_without_any_cue_after_a_quoted_person_continues_it() -> None:
    text = "„Wir sind bereit“, sagte Olaf Scholz. „Die Ukraine kann auf uns zählen.“"
    quotes = direct(text)
    assert [q.speaker for q in quotes] == ["Olaf Scholz", "Olaf Scholz"]


def test_a_headline_quotation_takes_the_speaker_the_article_gives_it() -> None:
    text = "Haushalt: „Ja, es gibt Zumutungen“\n\n„Ja, es gibt Zumutungen“, sagte Finanzminister Paul Brück am Dienstag."
    quotes = direct(text)
    assert [q.speaker for q in quotes] == ["Paul Brück", "Paul Brück"]


def test_an_infinitive_clause_registers_no_person() -> None:
    text = "Nach Informationen der Geheimdienste hat Pjöngjang etwa 11.000 Soldaten entsandt, um die Offensive zu unterstützen."
    assert [a.name for a in extract(text).actors if a.kind == "person"] == []
