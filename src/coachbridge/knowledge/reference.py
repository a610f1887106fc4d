"""The glossary every installation has: research terms in plain words, Dutch and English.

Used by the data migration and by the demo, so an emptied database (a browser test) gets
them back. (slug, Dutch term, English term, Dutch explanation, English explanation)
"""

from typing import Any

GLOSSARY = [
    (
        "effect-size",
        "effectgrootte",
        "effect size",
        "Hoe groot het verschil is dat iets maakt. Niet alleen óf het werkt, maar hoeveel.",
        "How big the difference is that something makes. Not only whether it works, but how much.",
    ),
    (
        "control-group",
        "controlegroep",
        "control group",
        "De groep die de aanpak niet krijgt. Zo kun je zien wat de aanpak zelf doet.",
        "The group that does not get the approach. This shows what the approach itself does.",
    ),
    (
        "meta-analysis",
        "meta-analyse",
        "meta-analysis",
        "Een studie die de cijfers van veel studies samen neemt en opnieuw berekent.",
        "A study that takes the numbers of many studies together and works them out again.",
    ),
    (
        "systematic-review",
        "systematische review",
        "systematic review",
        "Een overzicht van alle studies over één vraag, gezocht en gekozen volgens vaste regels.",
        "An overview of all studies on one question, found and chosen by fixed rules.",
    ),
    (
        "randomised-trial",
        "gerandomiseerde studie",
        "randomised trial",
        "Een studie waarin toeval bepaalt wie de aanpak krijgt. Dan zijn de groepen eerlijk te "
        "vergelijken.",
        "A study in which chance decides who gets the approach. Then the groups can be compared "
        "fairly.",
    ),
    (
        "sample",
        "steekproef",
        "sample",
        "De mensen die meedoen aan een studie, gekozen uit een grotere groep.",
        "The people who take part in a study, chosen from a larger group.",
    ),
    (
        "significant",
        "significant",
        "significant",
        "Het verschil is waarschijnlijk geen toeval. Het zegt niet dat het verschil groot is.",
        "The difference is probably not chance. It does not say that the difference is large.",
    ),
    (
        "correlation",
        "correlatie",
        "correlation",
        "Twee dingen gaan samen op en neer. Dat betekent niet dat het ene het andere veroorzaakt.",
        "Two things go up and down together. That does not mean one causes the other.",
    ),
    (
        "causality",
        "causaliteit",
        "causality",
        "Het ene veroorzaakt echt het andere.",
        "One thing really causes the other.",
    ),
    (
        "placebo",
        "placebo-effect",
        "placebo effect",
        "Mensen gaan zich beter voelen omdat ze iets krijgen en dat verwachten, "
        "niet door de aanpak zelf.",
        "People feel better because they get something and expect it to help, not because of the "
        "approach itself.",
    ),
    (
        "bias",
        "vertekening",
        "bias",
        "Een fout in de manier van onderzoeken waardoor de uitkomst scheef wordt.",
        "A flaw in the way of doing research that skews the result.",
    ),
    (
        "confidence-interval",
        "betrouwbaarheidsinterval",
        "confidence interval",
        "De marge rond een uitkomst: tussen deze waarden ligt de echte waarde waarschijnlijk.",
        "The margin around a result: the true value probably lies between these numbers.",
    ),
    (
        "validity",
        "validiteit",
        "validity",
        "Meet je echt wat je wilt meten?",
        "Do you really measure what you want to measure?",
    ),
    (
        "reliability",
        "betrouwbaarheid",
        "reliability",
        "Krijg je dezelfde uitkomst als je opnieuw meet?",
        "Do you get the same result when you measure again?",
    ),
    (
        "qualitative-research",
        "kwalitatief onderzoek",
        "qualitative research",
        "Onderzoek met woorden: interviews en observaties, om te begrijpen hoe en waarom.",
        "Research with words: interviews and observations, to understand how and why.",
    ),
    (
        "quantitative-research",
        "kwantitatief onderzoek",
        "quantitative research",
        "Onderzoek met cijfers: vragenlijsten en metingen, om te tellen en te vergelijken.",
        "Research with numbers: questionnaires and measurements, to count and compare.",
    ),
    (
        "follow-up",
        "follow-upmeting",
        "follow-up",
        "Een meting een tijd na het einde van de coaching, om te zien of het effect blijft.",
        "A measurement some time after the coaching ended, to see if the effect lasts.",
    ),
    (
        "pre-post",
        "voor- en nameting",
        "pre-post measurement",
        "Je meet voor en na de coaching en vergelijkt de twee.",
        "You measure before and after the coaching and compare the two.",
    ),
    (
        "working-alliance",
        "werkrelatie",
        "working alliance",
        "De samenwerking tussen coach en coachee: vertrouwen en het eens zijn over doelen "
        "en taken.",
        "The bond between coach and coachee: trust and agreement on goals and tasks.",
    ),
    (
        "self-report",
        "zelfrapportage",
        "self-report",
        "Mensen vullen zelf in hoe het met hen gaat. Handig, maar ze kunnen zich vergissen.",
        "People report themselves how they are doing. Useful, but they can be wrong.",
    ),
    (
        "replication",
        "replicatie",
        "replication",
        "Een studie opnieuw doen om te zien of dezelfde uitkomst terugkomt.",
        "Doing a study again to see if the same result comes back.",
    ),
    (
        "peer-review",
        "peerreview",
        "peer review",
        "Andere onderzoekers lezen een artikel kritisch voordat een tijdschrift het plaatst.",
        "Other researchers read a paper critically before a journal publishes it.",
    ),
    (
        "mediator",
        "mediator",
        "mediator",
        "De weg waarlangs een aanpak werkt: coaching helpt bijvoorbeeld via meer zelfvertrouwen.",
        "The path through which an approach works: coaching may help through more self-confidence.",
    ),
]


def ensure_glossary(term_model: Any) -> None:
    """Create the terms that are missing; `term_model` may be a migration's historical model."""
    existing = set(term_model.objects.values_list("slug", flat=True))
    term_model.objects.bulk_create(
        term_model(
            slug=slug, term_nl=nl, term_en=en, explanation_nl=explain_nl, explanation_en=explain_en
        )
        for slug, nl, en, explain_nl, explain_en in GLOSSARY
        if slug not in existing
    )
