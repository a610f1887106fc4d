"""The demo's research agenda: the questions of themes 1 and 2 of the Impact Meeting Coaching
report (7 November 2025), votes by the fictional demo members so opinion groups show, a
finished pilot round whose top five the public agenda shows, and a priority round whose long
list is open.

Questions are written in Dutch, as members of the network would write them.
"""

from __future__ import annotations

import random

from coachbridge.accounts.models import User
from coachbridge.agenda.models import (
    Ballot,
    Follow,
    Pick,
    PriorityRound,
    Question,
    Statement,
    Vote,
)
from coachbridge.agenda.services.rounds import (
    close_interim,
    open_round,
    record_final,
    role_codes,
    set_long_list,
)
from coachbridge.common.models import Theme
from coachbridge.events.models import Insight, Meeting

# (question, why it matters in practice, who it concerns, themes, leaning)
# leaning: +1 practice-minded members tend to agree, -1 they tend to disagree, 0 everyone agrees
QUESTIONS = [
    (
        "Welke methoden en technieken in coaching maken coaching effectief?",
        "We weten vaak dat coaching werkt, maar niet waardoor. Als coaches weten welke "
        "technieken bijdragen, kunnen ze gerichter werken en hun vak vernieuwen.",
        "alle coaches en hun coachees",
        ["process-outcome"],
        1,
    ),
    (
        "Wat gebeurt er tijdens een coachtraject: hoe verloopt het proces, naast de uitkomst?",
        "Onderzoek kijkt vooral naar uitkomsten. Coaches willen weten wat er onderweg gebeurt, "
        "zodat ze kunnen bijsturen tijdens het traject.",
        "coaches en onderzoekers",
        ["process-outcome"],
        1,
    ),
    (
        "In hoeverre kunnen AI en technologie de effectiviteit van coaching vergroten?",
        "Steeds meer coaches gebruiken apps en AI. Ze willen weten of dat hun coachees echt "
        "helpt, of dat het vooral tijd kost.",
        "coaches die met digitale hulpmiddelen werken",
        ["ai-technology"],
        -1,
    ),
    (
        "Welke kansen en hindernissen zien coaches en coachees bij AI in coaching?",
        "Voordat coaches AI inzetten, willen ze weten wat coachees ervan vinden en waar de "
        "risico's zitten, bijvoorbeeld voor privacy en vertrouwen.",
        "coaches, coachees en opleiders",
        ["ai-technology"],
        0,
    ),
    (
        "Hoe beïnvloeden de organisatie, haar cultuur en de leidinggevende het effect van "
        "coaching?",
        "Dezelfde coaching werkt in de ene organisatie beter dan in de andere. Met die kennis "
        "kunnen HR en coaches de omgeving beter voorbereiden.",
        "coaches in organisaties, HR en leidinggevenden",
        ["context-organisation"],
        1,
    ),
    (
        "Hoe verhoudt de manager als coach zich tot coaching door een externe coach?",
        "Organisaties kiezen tussen eigen leidinggevenden die coachen en externe coaches. Ze "
        "willen weten wanneer welke vorm het meeste oplevert.",
        "HR, leidinggevenden en externe coaches",
        ["context-organisation"],
        -1,
    ),
    (
        "Welke theoretische modellen verklaren waarom coaching werkt?",
        "Zonder theorie blijft het gissen waarom een aanpak werkt. Een goed model helpt coaches "
        "om keuzes uit te leggen en onderzoekers om gerichte vragen te stellen.",
        "onderzoekers en opleiders van coaches",
        ["theory"],
        -1,
    ),
    (
        "Welke competenties maken een coach effectief?",
        "Het vak professionaliseert. Opleidingen en beroepsverenigingen willen weten welke "
        "competenties er echt toe doen voor coachees.",
        "coaches, opleidingen en beroepsverenigingen",
        ["coach-competences"],
        0,
    ),
    (
        "Wat levert coaching in groepen op vergeleken met individuele coaching?",
        "Coaching is vooral gericht op het individu. Groepscoaching kan meer mensen bereiken, "
        "maar we weten weinig over wat het oplevert.",
        "teamcoaches en organisaties",
        ["group-coaching"],
        1,
    ),
    (
        "Hoe draagt coaching bij aan sociale dynamiek in groepen, zoals verbondenheid?",
        "Teamcoaches zien dat groepen hechter worden, maar kunnen het niet laten zien. Meer "
        "kennis helpt hen om de waarde van hun werk uit te leggen.",
        "teamcoaches en leidinggevenden",
        ["group-coaching"],
        1,
    ),
    (
        "Hoe betrek je coaches bij het hele onderzoeksproces, van doel tot opzet?",
        "Onderzoek past beter bij de praktijk als coaches meedenken over de vraag en de opzet. "
        "Dan gebruiken ze de uitkomsten ook eerder.",
        "onderzoekers en coaches",
        ["practice-research", "learning-network"],
        1,
    ),
    (
        "Hoe kunnen coaches betrouwbaar onderzoek doen in hun eigen praktijk?",
        "Veel coaches willen hun eigen werk meten, maar weten niet hoe dat zorgvuldig kan. "
        "Eenvoudige en betrouwbare methoden maken praktijkonderzoek mogelijk.",
        "coaches met een eigen praktijk",
        ["practice-research"],
        1,
    ),
    (
        "Wat voegt kwalitatief onderzoek, zoals casuïstiek en interviews, toe aan kennis over "
        "coaching?",
        "Cijfers laten niet alles zien. Verhalen van coach en coachee tonen wat er in een "
        "traject gebeurt en wat mensen ervaren.",
        "onderzoekers en coaches",
        ["qualitative-research"],
        1,
    ),
    (
        "Hoe maak je onderzoeksresultaten over coaching begrijpelijk voor coaches?",
        "Onderzoek is vaak moeilijk te lezen. Als resultaten in gewone taal verschijnen, kunnen "
        "coaches ze in hun werk gebruiken.",
        "onderzoekers, coaches en opleiders",
        ["plain-language"],
        0,
    ),
    (
        "Welke achterhaalde theorieën en methoden worden nog gebruikt in de coachingspraktijk?",
        "Sommige methoden zijn niet betrouwbaar of valide, maar worden nog veel gebruikt. "
        "Coaches en coachees hebben er recht op dat te weten.",
        "coaches, coachees en opleidingen",
        ["debunking"],
        -1,
    ),
    (
        "Hoe houd je kennisuitwisseling tussen wetenschap en praktijk structureel levend?",
        "Na een inspirerende dag zakt het contact vaak weer in. Een lerend netwerk met vaste "
        "bijeenkomsten kan dat voorkomen, maar wat werkt daarbij?",
        "leden van het lerend netwerk",
        ["learning-network"],
        0,
    ),
]

STATEMENTS = [
    ("Coaches moeten co-auteur kunnen zijn van onderzoek naar hun praktijk.", 1),
    ("Een korte vragenlijst na elke sessie is te veel gevraagd van coachees.", 1),
    ("Kwalitatief onderzoek is net zo waardevol als een experiment.", 1),
    ("Onderzoekers schrijven te moeilijk voor coaches.", 0),
    ("Effectonderzoek hoort voorop te staan; het proces komt daarna.", -1),
    ("Een coach zonder erkende opleiding hoort niet in een onderzoek.", -1),
]

DEMO_LOGINS = {"organiser@example.org", "coach@example.org", "researcher@example.org"}


def _vote_value(rng: random.Random, camp: int, leaning: int) -> int:
    """Practice-minded members (camp +1) and rigour-minded members (camp -1) vote apart on
    leaning statements and alike on shared ones; a little noise keeps it human."""
    roll = rng.random()
    if roll < 0.1:
        return 0
    if leaning == 0:
        return 1 if roll < 0.9 else -1
    agree = camp == leaning
    if roll < 0.85:
        return 1 if agree else -1
    return -1 if agree else 1


def create_demo_agenda(*, organiser: User, members: list[User]) -> PriorityRound:
    rng = random.Random(2025)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    voters = [m for m in members if not m.is_staff]
    authors = [m for m in voters if m.email not in DEMO_LOGINS] or voters
    insight = (
        Insight.objects.filter(cafe__meeting__title="Impact Meeting Coaching", hidden=False)
        .order_by("pk")
        .first()
    )
    questions: list[tuple[Question, int]] = []
    for number, (title, why, who, slugs, leaning) in enumerate(QUESTIONS):
        question = Question.objects.create(
            title=title,
            why=why,
            who=who,
            author=authors[number % len(authors)],
            insight=insight if number == 1 else None,
        )
        question.themes.set([themes[slug] for slug in slugs if slug in themes])
        Statement.objects.create(question=question, text=title, author=question.author)
        Follow.objects.create(question=question, user=question.author)
        questions.append((question, leaning))
    statements = [(question.statement, leaning) for question, leaning in questions]
    for text, leaning in STATEMENTS:
        statements.append((Statement.objects.create(text=text, author=organiser), leaning))

    # Coaches lean to practice, researchers to rigour; people with both roles pick a side.
    votes = []
    for index, member in enumerate(voters):
        if member.email in {"coach@example.org", "researcher@example.org"}:
            continue  # the demo logins vote themselves
        codes = set(role_codes(member))
        if "coach" in codes and "researcher" in codes:
            camp = 1 if index % 2 else -1
        elif "coach" in codes or "hr" in codes:
            camp = 1
        elif "researcher" in codes:
            camp = -1
        else:
            camp = 1 if index % 3 else -1
        for statement, leaning in statements:
            if rng.random() < 0.15:
                continue  # nobody votes on everything
            votes.append(
                Vote(statement=statement, voter=member, value=_vote_value(rng, camp, leaning))
            )
    Vote.objects.bulk_create(votes)

    coach = next((m for m in voters if m.email == "coach@example.org"), None)
    if coach is not None:
        for question, _leaning in questions[:3]:
            Follow.objects.get_or_create(question=question, user=coach)

    _finish_pilot_round(organiser, voters, [q for q, _ in questions[:10]], rng)
    priority_round = PriorityRound.objects.create(
        title="Onderzoeksagenda 2026: de tien belangrijkste vragen",
        description=(
            "Kies uit de lange lijst de vragen die jij het belangrijkst vindt. Daarna maken we "
            "een korte lijst, en in een slotbijeenkomst kiezen coaches en onderzoekers samen "
            "de top 10."
        ),
        pick_limit=10,
        shortlist_size=12,
        top_size=10,
        organiser=organiser,
    )
    set_long_list(priority_round, questions=[q for q, _ in questions], by=organiser)
    open_round(priority_round, by=organiser)
    _cast_ballots(priority_round, voters, rng, most=10)
    return priority_round


def _cast_ballots(
    priority_round: PriorityRound, voters: list[User], rng: random.Random, *, most: int
) -> None:
    """Ballots of most demo members (not the demo logins: they vote themselves)."""
    entries = list(priority_round.entries.order_by("position"))
    for member in voters:
        if member.email in DEMO_LOGINS or rng.random() < 0.3:
            continue
        ballot = Ballot.objects.create(round=priority_round, voter=member, roles=role_codes(member))
        chosen = rng.sample(entries, k=rng.randint(most // 2, most))
        Pick.objects.bulk_create(
            [Pick(ballot=ballot, entry=entry, rank=rank) for rank, entry in enumerate(chosen, 1)]
        )


def _finish_pilot_round(
    organiser: User, voters: list[User], questions: list[Question], rng: random.Random
) -> PriorityRound:
    """A small round run to its end, so the public agenda shows a settled top list."""
    pilot = PriorityRound.objects.create(
        title="Pilotronde 2025: vijf vragen om mee te beginnen",
        description="Een eerste, kleine ronde om de werkwijze uit te proberen.",
        pick_limit=5,
        shortlist_size=8,
        top_size=5,
        organiser=organiser,
    )
    set_long_list(pilot, questions=questions, by=organiser)
    open_round(pilot, by=organiser)
    _cast_ballots(pilot, voters, rng, most=5)
    close_interim(pilot, by=organiser)
    shortlist = pilot.interim_result["shortlist"]
    # the workshop kept the survey's order, except that it moved the process question up
    process = pilot.entries.filter(position=1).values_list("pk", flat=True).first()
    top = ([process] if process in shortlist else []) + [pk for pk in shortlist if pk != process]
    record_final(
        pilot,
        by=organiser,
        entry_ids=top[: pilot.top_size],
        reasoning=(
            "Coaches en onderzoekers bespraken de korte lijst in kleine groepen. De vraag over "
            "wat er tijdens een coachtraject gebeurt, kwam bovenaan: coaches vonden die het "
            "meest bruikbaar in hun werk. De andere vragen volgen de uitslag van de peiling."
        ),
        workshop=Meeting.objects.filter(title="Impact Meeting Coaching").first(),
    )
    return pilot
