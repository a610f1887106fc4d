"""The demo's marketplace: what people looked for and offered at the Impact Meeting Coaching
(the report mentions knowledge and networks; the rest follows its three themes), plus a few
network posts in Dutch and English, and some introductions. Every person is fictional."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from coachbridge.accounts.models import User
from coachbridge.common.models import Theme
from coachbridge.marketplace.enums import IntroductionStatus
from coachbridge.marketplace.models import Introduction, Post
from coachbridge.marketplace.services.index import build_index
from coachbridge.marketplace.services.posts import create_post

# (handle, kind, category, themes, at the meeting?, public?, title, text)
POSTS: list[tuple[str, str, str, list[str], bool, bool, str, str]] = [
    (
        "researcher",
        "need",
        "participants",
        ["process-outcome"],
        True,
        True,
        "Coaches gezocht voor een dagboekstudie naar het coachproces",
        "Ik onderzoek wat er tijdens een coachtraject gebeurt, niet alleen de uitkomst. Ik zoek "
        "tien coaches die hun coachees na elke sessie een korte vragenlijst laten invullen.",
    ),
    (
        "coach",
        "offer",
        "participants",
        ["process-outcome", "practice-research"],
        True,
        True,
        "Mijn coachees willen meedoen aan onderzoek",
        "Ik ben loopbaancoach en heb veel coachees met burn-outklachten. Ik wil met hen meedoen "
        "aan onderzoek naar het proces van coaching en de werkrelatie.",
    ),
    (
        "coach",
        "need",
        "knowledge",
        ["practice-research"],
        True,
        False,
        "Hulp bij het meten van effect in mijn eigen praktijk",
        "Ik wil in mijn eigen praktijk meten wat coaching oplevert. Welke onderzoeker helpt me "
        "een goede vragenlijst te kiezen en de resultaten te lezen?",
    ),
    (
        "researcher",
        "offer",
        "knowledge",
        ["practice-research", "theory"],
        True,
        True,
        "Ik help coaches onderzoek te doen in hun eigen praktijk",
        "Als onderzoeker help ik coaches een vragenlijst te kiezen, effecten te meten en "
        "resultaten te begrijpen. Gratis, in ruil voor geanonimiseerde data.",
    ),
    (
        "eva",
        "need",
        "collaboration",
        ["ripple-effect", "group-coaching"],
        True,
        True,
        "Co-auteur gezocht: het rimpeleffect van coaching",
        "Ik schrijf een artikel over het effect van coaching op het sociale netwerk van de "
        "coachee: gezin, werk en gemeenschap. Ik zoek een coach als co-auteur.",
    ),
    (
        "joris",
        "offer",
        "knowledge",
        ["group-coaching", "context-organisation"],
        True,
        False,
        "Ervaring met teamcoaching in organisaties",
        "Ik coach al vijftien jaar teams. Ik deel graag wat ik zie aan groepsdynamiek en "
        "verbondenheid, bijvoorbeeld in een interview of als casus.",
    ),
    (
        "fatima",
        "need",
        "supervision",
        ["health-care"],
        True,
        False,
        "Intervisie over de grens tussen coaching en zorg",
        "Wanneer verwijs je een coachee door naar de GGZ? Ik zoek een psycholoog of onderzoeker "
        "die met mij en andere coaches wil sparren over die grijze zone.",
    ),
    (
        "daan",
        "offer",
        "supervision",
        ["health-care", "coach-competences"],
        True,
        True,
        "Ik begeleid intervisie over coaching en mentale zorg",
        "Als psycholoog begeleid ik intervisie voor coaches over doorverwijzen, grenzen en "
        "samenwerking met de zorg.",
    ),
    (
        "anouk",
        "offer",
        "speaker",
        ["plain-language", "debunking"],
        True,
        True,
        "Spreker over onderzoek in begrijpelijke taal",
        "Ik geef een korte lezing over hoe je onderzoek naar coaching begrijpelijk uitlegt, en "
        "over methoden die niet meer kloppen maar nog wel gebruikt worden.",
    ),
    (
        "ingrid",
        "need",
        "speaker",
        ["debunking"],
        True,
        False,
        "Spreker gezocht voor ons coachcafé",
        "Voor ons maandelijkse coachcafé in Maastricht zoeken we een spreker die uitlegt welke "
        "coachmethoden wetenschappelijk achterhaald zijn.",
    ),
    (
        "pieter",
        "need",
        "data",
        ["ai-technology"],
        True,
        False,
        "Opnames van coachgesprekken voor AI-onderzoek",
        "Ik onderzoek hoe AI het coachproces kan ondersteunen. Ik zoek geanonimiseerde opnames "
        "of transcripten van coachgesprekken, met toestemming van de coachee.",
    ),
    (
        "esther",
        "offer",
        "venue",
        ["learning-network"],
        True,
        True,
        "Zaal voor bijeenkomsten van het leernetwerk",
        "Ons kantoor in Utrecht heeft een zaal voor dertig mensen met beamer. Gratis voor "
        "bijeenkomsten van het leernetwerk, op vrijdagmiddag.",
    ),
    (
        "willem",
        "offer",
        "funding",
        ["access"],
        True,
        False,
        "Financieringspartner voor coaching voor wie het niet kan betalen",
        "Ons fonds zoekt projecten die coaching toegankelijk maken voor mensen met weinig geld. "
        "Samen schrijven we een aanvraag.",
    ),
    (
        "noor",
        "need",
        "funding",
        ["access", "education"],
        True,
        False,
        "Geld gezocht voor coaching van jongeren op school",
        "Ik wil gratis coaching geven aan jongeren op een mbo-school. Wie denkt mee over "
        "financiering of een subsidie?",
    ),
    # Network posts after the meeting, in English and Dutch.
    (
        "chloe",
        "need",
        "collaboration",
        ["qualitative-research"],
        False,
        True,
        "Looking for a researcher for an interview study",
        "I am a coach in Flanders and want to understand what clients experience between "
        "sessions. I am looking for a researcher to design a small qualitative interview study.",
    ),
    (
        "koen",
        "offer",
        "knowledge",
        ["qualitative-research", "theory"],
        False,
        True,
        "I offer help with qualitative research and interviews",
        "As a researcher I help coaches set up interviews, code the answers and write up what "
        "they found. English or Dutch.",
    ),
    (
        "marco",
        "need",
        "knowledge",
        ["ai-technology"],
        False,
        False,
        "Which AI tools are safe to use in coaching?",
        "I want to use AI for notes and reflection between sessions. I am looking for someone "
        "who knows the research and the privacy rules.",
    ),
    (
        "yara",
        "need",
        "supervision",
        ["coach-competences"],
        False,
        False,
        "Begeleider gezocht voor mijn scriptie over coachcompetenties",
        "Ik ben student en schrijf mijn masterscriptie over competenties van coaches. Ik zoek "
        "een ervaren coach die me wil begeleiden vanuit de praktijk.",
    ),
    (
        "leila",
        "offer",
        "supervision",
        ["coach-competences"],
        False,
        True,
        "Ik begeleid studenten die over coaching schrijven",
        "Als coach en psycholoog begeleid ik graag een student bij een scriptie over coaching, "
        "competenties of de werkrelatie.",
    ),
]

# (requester handle, requester post title, recipient post title, status)
INTRODUCTIONS = [
    ("researcher", 0, 1, IntroductionStatus.ACCEPTED),
    ("fatima", 6, 7, IntroductionStatus.ACCEPTED),
    ("eva", 4, 5, IntroductionStatus.REQUESTED),
    ("researcher", 3, 2, IntroductionStatus.REQUESTED),  # waits for the demo coach
    ("ingrid", 9, 8, IntroductionStatus.DECLINED),
]


def create_demo_marketplace(impact: Any, *, members: list[User]) -> list[Post]:
    """Posts (most of them on the Impact Meeting's marketplace) and a few introductions."""
    by_handle = {member.email.split("@")[0]: member for member in members}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    posts = []
    for handle, kind, category, slugs, at_meeting, public, title, text in POSTS:
        posts.append(
            create_post(
                by_handle[handle],
                kind=kind,
                category=category,
                title=title,
                text=text,
                themes=[themes[slug] for slug in slugs if slug in themes],
                meeting=impact if at_meeting else None,
                is_public=public,
            )
        )
    for handle, mine, theirs, status in INTRODUCTIONS:
        Introduction.objects.create(
            requester=by_handle[handle],
            recipient=posts[theirs].author,
            requester_post=posts[mine],
            recipient_post=posts[theirs],
            status=status,
            message="Leuk om je op de Impact Meeting te spreken!" if posts[mine].meeting else "",
            answered_at=None if status == IntroductionStatus.REQUESTED else timezone.now(),
        )
    # The demo is a fresh start: an index left from earlier data would hide its matches.
    build_index()
    return posts
