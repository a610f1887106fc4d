"""Demo content of the knowledge hub: published summaries (Dutch and English pairs), two debunk
cards, the glossary and one summary in review. The studies cited are real; the pilot in review
is made up, like every person in the demo."""

from __future__ import annotations

from typing import Any

from coachbridge.agenda.models import Question
from coachbridge.common.models import Theme
from coachbridge.knowledge import services
from coachbridge.knowledge.enums import Evidence, ItemKind
from coachbridge.knowledge.models import GlossaryTerm, Item
from coachbridge.knowledge.reference import ensure_glossary

THEEBOOM = (
    "Theeboom, T.; Beersma, B.; van Vianen, A. E. M. (2014). Does coaching work? A meta-analysis "
    "on the effects of coaching on individual level outcomes in an organizational context. "
    "The Journal of Positive Psychology, 9(1), 1\u201318."
)
GRASSMANN = (
    "Graßmann, C.; Schölmerich, F.; Schermuly, C. C. (2020). The relationship between working "
    "alliance and client outcomes in coaching: A meta-analysis. Human Relations, 73(1), 35\u201358."
)
PASHLER = (
    "Pashler, H.; McDaniel, M.; Rohrer, D.; Bjork, R. (2008). Learning styles: Concepts and "
    "evidence. Psychological Science in the Public Interest, 9(3), 105\u2013119."
)
PITTENGER = (
    "Pittenger, D. J. (2005). Cautionary comments regarding the Myers-Briggs Type Indicator. "
    "Consulting Psychology Journal: Practice and Research, 57(3), 210\u2013221.\n" + GRASSMANN
)

ITEMS: list[dict[str, Any]] = [
    {
        "key": "works-nl",
        "kind": ItemKind.SUMMARY,
        "language": "nl",
        "title": "Werkt coaching in organisaties?",
        "lead": "Ja. Een meta-analyse van achttien studies laat zien dat coaching mensen op het "
        "werk helpt. De effecten zijn gemiddeld middelgroot.",
        "question": "Helpt coaching mensen in organisaties echt? En waarop heeft het effect?",
        "method": "De onderzoekers zochten studies naar coaching in organisaties. Ze vonden er "
        "achttien. Ze namen de cijfers samen in één meta-analyse.",
        "findings": "Coaching had een positief effect op vijf dingen: hoe goed mensen werken, "
        "welzijn, omgaan met stress, houding tegenover werk en werken aan doelen. De "
        "effectgrootte was gemiddeld middelgroot.",
        "practice": "Je kunt opdrachtgevers vertellen dat coaching gemiddeld helpt. Maar de "
        "studie zegt niet welke aanpak het beste werkt. Let dus op wat je coachee nodig heeft.",
        "limitations": "Het ging om weinig studies, vaak met kleine groepen. De studies waren "
        "ook heel verschillend opgezet.",
        "evidence": Evidence.REVIEW,
        "doi": "10.1080/17439760.2013.837499",
        "citation": THEEBOOM,
        "themes": ["process-outcome"],
    },
    {
        "key": "works-en",
        "translation_of": "works-nl",
        "kind": ItemKind.SUMMARY,
        "language": "en",
        "title": "Does coaching work in organisations?",
        "lead": "Yes. A meta-analysis of eighteen studies shows that coaching helps people at "
        "work. On average, the effects are medium-sized.",
        "question": "Does coaching really help people in organisations? And what does it change?",
        "method": "The researchers looked for studies of coaching in organisations. They found "
        "eighteen. They took the numbers together in one meta-analysis.",
        "findings": "Coaching had a positive effect on five things: how well people work, "
        "well-being, coping with stress, attitudes towards work, and working on goals. The "
        "effect size was medium on average.",
        "practice": "You can tell clients that coaching helps on average. But the study does "
        "not say which approach works best. So pay attention to what your coachee needs.",
        "limitations": "There were few studies, often with small groups. The studies were also "
        "set up in very different ways.",
        "evidence": Evidence.REVIEW,
        "doi": "10.1080/17439760.2013.837499",
        "citation": THEEBOOM,
        "themes": ["process-outcome"],
    },
    {
        "key": "alliance-nl",
        "kind": ItemKind.SUMMARY,
        "language": "nl",
        "title": "De werkrelatie tussen coach en coachee telt",
        "lead": "Hoe beter coach en coachee samenwerken, hoe beter de uitkomst. Dat blijkt uit "
        "een meta-analyse van 27 studies.",
        "question": "Hangt een goede werkrelatie samen met betere uitkomsten van coaching?",
        "method": "De onderzoekers verzamelden 27 studies met samen meer dan 3500 coachees. "
        "Ze keken naar de samenhang tussen de werkrelatie en de uitkomsten.",
        "findings": "Een betere werkrelatie ging samen met betere uitkomsten, zoals het halen "
        "van doelen en meer welzijn. Het verband was middelgroot.",
        "practice": "Besteed tijd aan de samenwerking. Maak samen duidelijke afspraken over "
        "doelen en taken. Vraag je coachee af en toe hoe de samenwerking gaat.",
        "limitations": "Het gaat om een correlatie. De studie bewijst niet dat de werkrelatie "
        "de uitkomst veroorzaakt. Misschien werken succesvolle trajecten ook prettiger.",
        "evidence": Evidence.REVIEW,
        "doi": "10.1177/0018726718819725",
        "citation": GRASSMANN,
        "themes": ["process-outcome", "coach-competences"],
    },
    {
        "key": "alliance-en",
        "translation_of": "alliance-nl",
        "kind": ItemKind.SUMMARY,
        "language": "en",
        "title": "The working alliance between coach and coachee matters",
        "lead": "The better coach and coachee work together, the better the outcome. A "
        "meta-analysis of 27 studies shows this.",
        "question": "Is a good working alliance linked to better coaching outcomes?",
        "method": "The researchers collected 27 studies with together more than 3,500 "
        "coachees. They looked at how the working alliance and the outcomes go together.",
        "findings": "A better working alliance went together with better outcomes, such as "
        "reaching goals and more well-being. The link was medium-sized.",
        "practice": "Spend time on working together. Agree clearly on goals and tasks. Ask your "
        "coachee now and then how the work together is going.",
        "limitations": "This is a correlation. The study does not prove that the alliance "
        "causes the outcome. Successful coaching may simply feel better too.",
        "evidence": Evidence.REVIEW,
        "doi": "10.1177/0018726718819725",
        "citation": GRASSMANN,
        "themes": ["process-outcome", "coach-competences"],
    },
    {
        "key": "learning-styles",
        "kind": ItemKind.DEBUNK,
        "language": "nl",
        "title": "Leerstijlen: lesgeven in iemands 'stijl' helpt niet",
        "lead": "Mensen leren niet beter als je aansluit bij hun zogenaamde leerstijl. Goed "
        "onderzoek vindt dat effect niet.",
        "fact": "Mensen leren beter als de vorm past bij de **inhoud**, niet bij een vaste "
        "stijl van de persoon. Een kaart leer je met een plaatje, een gesprek door te oefenen.",
        "myth": "Een bekende mythe: ieder mens heeft een eigen leerstijl, bijvoorbeeld visueel "
        "of auditief, en leert beter als je in die stijl lesgeeft.",
        "fallacy": "Mensen hebben wel voorkeuren. Dat voelt als bewijs. Maar een voorkeur is "
        "iets anders dan beter leren. In goede proeven kregen mensen les in hun eigen stijl of "
        "in een andere stijl. De groepen leerden even goed.",
        "fact_again": "Stem je aanpak af op wat iemand moet leren en op wat hij al weet, niet "
        "op een label.",
        "instead": "Gebruik afwisseling: laat zien, vertel en laat oefenen. Vraag wat iemand al "
        "weet en bouw daarop voort. Check samen of het doel gehaald is.",
        "evidence": Evidence.REVIEW,
        "doi": "10.1111/j.1539-6053.2009.01038.x",
        "citation": PASHLER,
        "themes": ["debunking", "education"],
    },
    {
        "key": "mbti",
        "kind": ItemKind.DEBUNK,
        "language": "en",
        "title": "MBTI types do not predict coaching success",
        "lead": "A personality type from the MBTI does not tell you whether coaching will "
        "work, or which coach fits best.",
        "fact": "What predicts coaching outcomes best is the **working alliance**: trust, and "
        "agreement on goals and tasks between coach and coachee.",
        "myth": "A popular myth: a coachee's MBTI type, or a match between the types of "
        "coach and coachee, predicts whether coaching will succeed.",
        "fallacy": "Type descriptions feel accurate because they are broad and positive. But "
        "the MBTI puts people in two boxes per scale, while most people score near the middle. "
        "Many people get a different type when they take the test again a few weeks later. A "
        "measure that is not reliable cannot predict much.",
        "fact_again": "The quality of the collaboration matters more than any type label.",
        "instead": "Talk about goals and working together in the first sessions. Ask for "
        "feedback on the collaboration. If you use a personality test, choose a well-researched "
        "one and use it to start a conversation, not to decide.",
        "evidence": Evidence.SEVERAL,
        "doi": "10.1037/1065-9293.57.3.210",
        "citation": PITTENGER,
        "themes": ["debunking", "coach-competences"],
    },
]

IN_REVIEW = {
    "kind": ItemKind.SUMMARY,
    "language": "nl",
    "title": "Merken collega's iets van coaching? Een pilot in het leernetwerk",
    "lead": "In een kleine pilot vroegen coaches collega's van hun coachees wat zij merkten. "
    "Die zagen vaak kleine veranderingen.",
    "question": "Merkt de omgeving van een coachee iets van de coaching?",
    "method": "Zes coaches uit het netwerk vroegen hun coachees om drie collega's te noemen. "
    "Die collega's vulden voor en na de coaching een korte vragenlijst in. Er was geen "
    "controlegroep.",
    "findings": "De meeste collega's zagen na de coaching iets meer rust en betere "
    "afstemming in het werk. De verschillen waren klein.\n\n"
    "Collega's die vaak met de coachee samenwerkten, merkten meer dan collega's die de "
    "coachee weinig zagen.",
    "practice": "Vraag je coachee wie in de omgeving iets kan merken. Dat geeft extra zicht op "
    "het effect van je werk.",
    "limitations": "Het was een kleine pilot zonder controlegroep. De gegevens zijn verzonnen "
    "voor deze demo.",
    "evidence": Evidence.SINGLE,
    "themes": ["ripple-effect", "practice-research"],
}


def _create(data: dict[str, Any], *, author: Any, items: dict[str, Item]) -> Item:
    fields = {k: v for k, v in data.items() if k not in ("key", "themes", "translation_of")}
    item = Item(**fields, translation_of=items.get(data.get("translation_of", "")))
    services.save_item(item, by=author)
    item.themes.set(Theme.objects.filter(slug__in=data["themes"]))
    return item


def create_demo_knowledge(*, members: list[Any]) -> list[Item]:
    """Summaries, debunks and the glossary; the researcher writes, the organiser publishes."""
    ensure_glossary(GlossaryTerm)
    by_email = {member.email: member for member in members}
    author = by_email.get("researcher@example.org", members[0])
    editor = next(member for member in members if member.is_organiser)
    items: dict[str, Item] = {}
    for data in ITEMS:
        item = _create(data, author=author, items=items)
        services.submit_for_review(item, by=author)
        services.publish_item(item, by=editor)
        items[data["key"]] = item
    pending = _create(IN_REVIEW, author=author, items=items)
    services.submit_for_review(pending, by=author)
    return [*items.values(), pending]


# The agenda question each demo summary speaks to (the agenda demo runs after this one).
ANSWERS = {
    "De werkrelatie tussen coach en coachee telt": (
        "Wat gebeurt er tijdens een coachtraject: hoe verloopt het proces, naast de uitkomst?"
    ),
    "The working alliance between coach and coachee matters": (
        "Wat gebeurt er tijdens een coachtraject: hoe verloopt het proces, naast de uitkomst?"
    ),
}


def link_demo_summaries_to_agenda() -> int:
    """Link the demo's summaries to the agenda questions they speak to; returns how many."""
    linked = 0
    for title, question_title in ANSWERS.items():
        question = Question.objects.filter(title=question_title).first()
        linked += Item.objects.filter(title=title).update(agenda_question=question)
    return linked
