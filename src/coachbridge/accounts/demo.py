"""Fictional members for the demo: a network like the one at the Impact Meeting Coaching.

Every person, organisation and address here is made up. E-mail addresses use example.org.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress

from coachbridge.accounts.enums import Visibility
from coachbridge.accounts.models import Profile, Role, User
from coachbridge.common.models import Theme

DEMO_PASSWORD = "demo-coachbridge"

# (e-mail name, display name, roles, organisation, themes, expertise, languages, region, public)
MEMBERS = [
    (
        "organiser",
        "Mirjam de Ridder",
        ["researcher", "psychologist"],
        "Hogeschool Veldhoven (fictief)",
        ["learning-network", "practice-research"],
        "World Café, actieonderzoek",
        ["nl", "en"],
        "utrecht",
        True,
    ),
    (
        "coach",
        "Sanne Verbeek",
        ["coach"],
        "Verbeek Coaching",
        ["process-outcome", "ripple-effect"],
        "loopbaancoaching, burn-out",
        ["nl"],
        "gelderland",
        True,
    ),
    (
        "researcher",
        "Thomas Ambagt",
        ["researcher"],
        "Universiteit van de Lage Landen (fictief)",
        ["process-outcome", "theory"],
        "werkzame factoren, dagboekstudies",
        ["nl", "en"],
        "noord-holland",
        True,
    ),
    ("admin", "Beheer Leernetwerk", ["other"], "Leernetwerk Coaching", [], "", ["nl"], "", False),
    (
        "eva",
        "Eva Lindqvist",
        ["researcher", "psychologist"],
        "Open Leerhuis (fictief)",
        ["ripple-effect", "group-coaching"],
        "sociale netwerken, multilevel-analyse",
        ["en", "nl"],
        "utrecht",
        True,
    ),
    (
        "joris",
        "Joris Hagelaar",
        ["coach", "hr"],
        "Hagelaar Teamontwikkeling",
        ["group-coaching", "context-organisation"],
        "teamcoaching, leiderschap",
        ["nl"],
        "noord-brabant",
        True,
    ),
    (
        "fatima",
        "Fatima El Idrissi",
        ["coach", "psychologist"],
        "Praktijk Kompas (fictief)",
        ["health-care", "access"],
        "jongeren, stress",
        ["nl", "fr"],
        "zuid-holland",
        True,
    ),
    (
        "pieter",
        "Pieter Wouterse",
        ["researcher"],
        "Kenniscentrum Coaching (fictief)",
        ["ai-technology", "process-outcome"],
        "AI-ondersteunde coaching, chatbots",
        ["nl", "en"],
        "zuid-holland",
        False,
    ),
    (
        "lotte",
        "Lotte van Dijkhuis",
        ["student", "coach"],
        "Masteropleiding Coaching (fictief)",
        ["qualitative-research", "practice-research"],
        "interviews, casusonderzoek",
        ["nl"],
        "utrecht",
        False,
    ),
    (
        "ahmed",
        "Ahmed Benali",
        ["hr"],
        "Gemeente Rivierstad (fictief)",
        ["context-organisation", "access"],
        "interne coachpool, HR-beleid",
        ["nl", "en"],
        "gelderland",
        True,
    ),
    (
        "ingrid",
        "Ingrid Schoemaker",
        ["coach"],
        "Schoemaker & Partners",
        ["coach-competences", "debunking"],
        "supervisie, intervisie",
        ["nl", "de"],
        "limburg",
        True,
    ),
    (
        "daan",
        "Daan Kroeze",
        ["psychologist", "researcher"],
        "GGZ Middenland (fictief)",
        ["health-care", "process-outcome"],
        "psychotherapie en coaching, zorgpaden",
        ["nl"],
        "utrecht",
        False,
    ),
    (
        "noor",
        "Noor Hamstra",
        ["coach"],
        "Hamstra Coaching",
        ["education", "access"],
        "studentcoaching, mbo",
        ["nl", "en"],
        "friesland",
        True,
    ),
    (
        "willem",
        "Willem Oosterbaan",
        ["policy"],
        "Ministerie van Werk en Welzijn (fictief)",
        ["access", "health-care"],
        "beleid, financiering",
        ["nl"],
        "zuid-holland",
        False,
    ),
    (
        "anouk",
        "Anouk Terlouw",
        ["researcher"],
        "Universiteit van de Lage Landen (fictief)",
        ["plain-language", "debunking"],
        "wetenschapscommunicatie",
        ["nl", "en"],
        "noord-holland",
        True,
    ),
    (
        "bram",
        "Bram Veenstra",
        ["coach", "student"],
        "Veenstra Loopbaan",
        ["practice-research", "process-outcome"],
        "loopbaan, vragenlijsten in de praktijk",
        ["nl"],
        "overijssel",
        False,
    ),
    (
        "chloe",
        "Chloé Martens",
        ["coach"],
        "Coaching Gent (fictief)",
        ["coach-competences", "theory"],
        "oplossingsgericht coachen",
        ["nl", "fr", "en"],
        "flanders",
        True,
    ),
    (
        "hanna",
        "Hanna Kuipers",
        ["psychologist"],
        "Praktijk Kuipers",
        ["ripple-effect", "health-care"],
        "gezinssystemen, partnerrelaties",
        ["nl"],
        "drenthe",
        False,
    ),
    (
        "rik",
        "Rik de Boer",
        ["researcher", "coach"],
        "Hogeschool Veldhoven (fictief)",
        ["ai-technology", "qualitative-research"],
        "gespreksanalyse, opnames van sessies",
        ["nl", "en"],
        "noord-brabant",
        True,
    ),
    (
        "yara",
        "Yara Dekker",
        ["student"],
        "Universiteit van de Lage Landen (fictief)",
        ["group-coaching", "ripple-effect"],
        "scriptie over groepscoaching",
        ["nl", "en"],
        "noord-holland",
        False,
    ),
    (
        "marco",
        "Marco Rinaldi",
        ["coach"],
        "Rinaldi Executive Coaching",
        ["context-organisation", "coach-competences"],
        "executive coaching",
        ["en", "nl"],
        "online",
        True,
    ),
    (
        "esther",
        "Esther Brouwer",
        ["hr", "coach"],
        "Zorggroep Waterland (fictief)",
        ["health-care", "context-organisation"],
        "coaching voor zorgprofessionals",
        ["nl"],
        "noord-holland",
        False,
    ),
    (
        "koen",
        "Koen Smeets",
        ["researcher"],
        "Open Leerhuis (fictief)",
        ["theory", "debunking"],
        "meta-analyse, meetinstrumenten",
        ["nl", "en"],
        "limburg",
        True,
    ),
    (
        "leila",
        "Leila Amrani",
        ["coach", "psychologist"],
        "Amrani Coaching",
        ["access", "education"],
        "coaching voor mensen met weinig geld",
        ["nl", "en"],
        "flevoland",
        True,
    ),
    (
        "gerrit",
        "Gerrit Jansma",
        ["other"],
        "Stichting Buurtkracht (fictief)",
        ["access", "learning-network"],
        "vrijwilligers, buurtcoaching",
        ["nl"],
        "groningen",
        False,
    ),
]

BIO_NL = (
    "Ik doe mee aan het leernetwerk omdat ik wil leren van collega's uit onderzoek en praktijk."
)
# Public coaches write for the people who look for a coach (the directory and help-finder show
# them), with a (fictional, example.org) website to make contact.
COACH_PROFILES = {
    "coach": "Loopt je werk vast, of merk je dat je opraakt? Ik help je rust te vinden en te "
    "kiezen wat je wilt in je loopbaan. Veel van mijn cliënten komen na een burn-out.",
    "joris": "Ik werk met teams die beter willen samenwerken, en met leidinggevenden die hun "
    "rol beter willen invullen. Ik kom bij jullie op locatie.",
    "fatima": "Ik coach jongeren van 12 tot 25 die veel stress hebben, bijvoorbeeld op school. "
    "Je mag Frans met mij spreken.",
    "ingrid": "Ik geef supervisie en intervisie aan coaches, ook aan coaches die net beginnen. "
    "We kijken samen naar je eigen werk.",
    "noor": "Ik help studenten in het mbo en hbo die twijfelen over hun opleiding of die "
    "moeite hebben met plannen.",
    "chloe": "Ik coach oplossingsgericht: we kijken naar wat al werkt en bouwen daarop "
    "verder. Gesprekken in het Nederlands, Frans of Engels.",
    "rik": "Ik coach en ik onderzoek hoe coachgesprekken verlopen. Met jouw toestemming neem "
    "ik gesprekken op, zodat we ze samen kunnen terugkijken.",
    "marco": "Executive coaching for leaders and managers, online, in English or Dutch. I help "
    "you with the big decisions in your work.",
    "leila": "Coaching hoeft niet duur te zijn. Ik werk met mensen die weinig geld of schulden "
    "hebben, vaak samen met de gemeente of het wijkteam.",
}


# Coaches who also work for a lower rate: the report asks for coaching within reach of everyone.
LOWER_RATE = {"leila", "fatima"}


def create_demo_members() -> list[User]:
    roles = {role.code: role for role in Role.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    users = []
    for (
        handle,
        name,
        role_codes,
        organisation,
        theme_slugs,
        expertise,
        languages,
        region,
        public,
    ) in MEMBERS:
        email = f"{handle}@example.org"
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            is_organiser=handle == "organiser",
            is_staff=handle == "admin",
            is_superuser=handle == "admin",
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile = Profile.objects.create(
            user=user,
            display_name=name,
            organisation=organisation,
            expertise=expertise,
            languages=languages,
            region=region,
            lower_rate=handle in LOWER_RATE,
            bio=COACH_PROFILES.get(handle, BIO_NL) if handle != "admin" else "",
            website=f"https://{handle}.example.org" if handle in COACH_PROFILES and public else "",
            visibility=Visibility.PUBLIC if public else Visibility.MEMBERS,
        )
        profile.roles.set([roles[code] for code in role_codes])
        profile.themes.set([themes[slug] for slug in theme_slugs])
        users.append(user)
    return users
