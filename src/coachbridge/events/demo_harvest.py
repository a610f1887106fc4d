"""Demo data of the harvest part of the Impact Meeting re-enacted.

Sixty short Dutch insights over the three themes, written for the project in the spirit of the
appendix of the seed report (no sentence of a real participant), grouped by the themes engine,
and a published public report whose texts an organiser would have written.
"""

from __future__ import annotations

from coachbridge.events.enums import ReportVisibility
from coachbridge.events.models import Cafe, CafeTheme, Insight, Meeting
from coachbridge.events.services.harvest import synthesise
from coachbridge.events.services.report import (
    generate_report,
    set_visibility,
    theme_key,
    theme_parts,
)

DEMO_THEMES = [
    (
        "Onderzoeksvragen voor de toekomst",
        "Welke vragen over coaching moet onderzoek de komende jaren beantwoorden?",
    ),
    (
        "Bruggen bouwen tussen wetenschap en praktijk",
        "Hoe werken onderzoekers en coaches beter samen?",
    ),
    (
        "Coaching in breder maatschappelijk belang",
        "Wat kan coaching betekenen voorbij de individuele coachee?",
    ),
]

DEMO_INSIGHTS = [
    [
        "Niet alleen óf coaching werkt, maar hoe het werkt",
        "Welke technieken maken echt het verschil in een traject?",
        "Meer onderzoek naar wat er in de sessie zelf gebeurt",
        "Procesmetingen na elke sessie, niet alleen een voor- en nameting",
        "Kan een AI-chatbot een deel van de coaching overnemen?",
        "Wat doet videobellen met de werkrelatie?",
        "Apps tussen de sessies door: helpen ze of leiden ze af?",
        "Kansen én risico's van AI voor coaches onderzoeken",
        "Hoe bepaalt de organisatiecultuur of coaching werkt?",
        "De rol van de leidinggevende rond een traject meenemen",
        "Interne coach of externe coach: verschil in effect?",
        "Is de manager als coach te vergelijken met een echte coach?",
        "Meer theorie nodig: waarom werkt coaching eigenlijk?",
        "Modellen uit de psychologie toetsen in de coachpraktijk",
        "Welke competenties heeft een goede coach?",
        "Onderzoek dat het vak professioneler maakt",
        "Groepscoaching is nog bijna niet onderzocht",
        "Wat doet teamcoaching met de verbondenheid in een team?",
        "Sociale dynamiek in groepen beter begrijpen",
        "Coaching is nu erg op het individu gericht",
    ],
    [
        "Coaches meteen laten meedenken over de onderzoeksvraag",
        "Samen met coaches de opzet van een studie bedenken",
        "Coaches zelf laten meten in hun eigen praktijk",
        "Praktijkgericht onderzoek met een paar coaches samen",
        "Meer kwalitatief onderzoek: interviews en casussen",
        "Cijfers zeggen niet alles over een traject",
        "Actieonderzoek past goed bij hoe coaches werken",
        "Wetenschappelijke artikelen zijn voor coaches slecht te lezen",
        "Schrijf samenvattingen in gewone taal",
        "Onderzoek staat vaak achter een betaalmuur",
        "Onderzoekers zouden les moeten krijgen in wetenschapscommunicatie",
        "Een korte video werkt beter dan een paper",
        "Ook vertellen welke methodes niet meer kloppen",
        "Populaire modellen debunken die niet valide blijken",
        "Veel coaches gebruiken nog verouderde persoonlijkheidstests",
        "Een vast leernetwerk van onderzoekers en coaches",
        "Regelmatig samenkomen, niet één keer per jaar",
        "Een community waar je je vragen kwijt kunt",
        "Praktijkmensen betrekken bij het delen van resultaten",
        "Onderzoekers koppelen aan coaches die mee willen doen",
    ],
    [
        "Coaching verdient een plek naast de GGZ",
        "Er is een grijs gebied tussen coaching en hulpverlening",
        "Wanneer verwijs je als coach door naar een psycholoog?",
        "Duidelijk beleid nodig over wat coaching wel en niet is",
        "Sneller de juiste hulp vinden, via één loket",
        "Coachingsvaardigheden al op de basisschool leren",
        "Jongeren vroeg kennis laten maken met persoonlijke ontwikkeling",
        "Mentale gezondheid als vak in het onderwijs",
        "Coaching is te duur voor veel mensen",
        "Wie er het meest aan heeft, krijgt vaak geen coaching",
        "Informatie over coaching bereikt niet iedereen",
        "Vergoeding via werkgever of gemeente voor wie het nodig heeft",
        "Rimpeleffect: de partner merkt ook verschil",
        "Collega's van de coachee meenemen in de effectmeting",
        "Het netwerk van de coachee betrekken tijdens het traject",
        "Effect op gezin en buurt, niet alleen op de persoon",
        "Beroepsverenigingen moeten een standpunt innemen",
        "Risico dat coaching bijdraagt aan individualisering",
        "Coaching zien als een investering in de samenleving",
        "Meten wat coaching oplevert voor de maatschappij",
    ],
]

DEMO_INTRODUCTION = (
    "Op 7 november 2025 kwamen in Utrecht ruim twintig coaches, psychologen en onderzoekers "
    "samen voor de Impact Meeting Coaching. Centraal stonden netwerken, kennis en ervaring "
    "delen, en samenwerken tussen onderzoek en praktijk. In een World Café spraken we in "
    "meerdere rondes over drie thema's: 1) onderzoeksvragen voor de toekomst; 2) bruggen "
    "bouwen tussen wetenschap en praktijk; 3) coaching in breder maatschappelijk belang. "
    "Aan elke tafel zat een gastvrouw of gastheer die het gesprek begeleidde."
)

DEMO_THEME_TEXTS = [
    "Bij dit thema ging het vooral over het proces van coaching: niet alleen of coaching "
    "werkt, maar ook hoe. Deelnemers vroegen zich af wat AI en andere technologie betekenen "
    "voor coaching, en wat de organisatie en de leidinggevende doen met het effect. Ook "
    "groepscoaching en de sociale dynamiek in groepen verdienen meer onderzoek.",
    "Coaches willen meer meedenken over onderzoek, van de vraag tot de opzet, en zelf "
    "onderzoek doen in hun eigen praktijk. Kennis moet toegankelijker: in gewone taal, zonder "
    "betaalmuur, en met aandacht voor methodes die inmiddels achterhaald zijn. Een vast "
    "leernetwerk kan onderzoek en praktijk structureel verbinden.",
    "Deelnemers zien een grijs gebied tussen coaching en de (mentale) gezondheidszorg, en "
    "vragen om duidelijker beleid. Coaching is niet voor iedereen even bereikbaar. En het "
    "effect van coaching reikt verder dan de coachee zelf: partner, collega's en gezin merken "
    "het ook (het rimpeleffect).",
]

DEMO_MARKETPLACE = (
    "Op de marktplaats lieten deelnemers zien wat ze zochten en wat ze te bieden hadden: "
    "kennis van een methode, een netwerk van coaches die mee willen doen aan onderzoek, of "
    "juist een onderzoeker die een praktijkvraag wil uitzoeken. Zo ontstonden nieuwe "
    "contacten voor na de dag. Tijdens de lunch en de borrel was er volop tijd om verder "
    "te praten."
)

DEMO_CLOSING = (
    "Door meer dialoog tussen wetenschap en praktijk kan onderzoek naar coaching beter "
    "aansluiten bij de vragen uit de praktijk, en komt nieuwe kennis sneller bij coaches "
    "terecht. Na deze dag is het Leernetwerk Coaching gestart om de samenwerking voort te "
    "zetten."
)


def _themes(cafe: Cafe) -> list[CafeTheme]:
    """The café's themes if the cafe part made them; else the three of the Impact Meeting."""
    themes = list(cafe.themes.all())
    for position, (title, question) in enumerate(DEMO_THEMES[len(themes) :], len(themes)):
        themes.append(
            CafeTheme.objects.create(cafe=cafe, title=title, question=question, position=position)
        )
    return themes


def create_demo_harvest(meeting: Meeting) -> None:
    """Fill in the harvest part of the demo's Impact Meeting: insights, synthesis, report."""
    cafe, _created = Cafe.objects.get_or_create(meeting=meeting)
    cafe.harvest_started = True  # the insights below came in during the meeting
    cafe.save(update_fields=["harvest_started"])
    themes = _themes(cafe)
    rounds = cafe.rounds.count()
    people = list(meeting.registrations.order_by("pk"))
    for theme, texts in zip(themes, DEMO_INSIGHTS, strict=False):
        tables = list(theme.tables.order_by("label", "pk"))
        Insight.objects.bulk_create(
            Insight(
                cafe=cafe,
                theme=theme,
                table=tables[number % len(tables)] if tables else None,
                round_number=number % rounds + 1 if rounds else None,
                text=text,
                author=people[number % len(people)] if people else None,
            )
            for number, text in enumerate(texts)
        )
    organiser = meeting.organiser
    synthesise(cafe, by=organiser)
    report = generate_report(meeting, by=organiser)
    report.introduction = DEMO_INTRODUCTION
    report.theme_texts = {
        theme_key(part.theme): text
        for part, text in zip(theme_parts(report), DEMO_THEME_TEXTS, strict=False)
    }
    report.marketplace_text = DEMO_MARKETPLACE
    report.closing = DEMO_CLOSING
    report.save()
    set_visibility(report, visibility=ReportVisibility.PUBLIC, by=organiser)
