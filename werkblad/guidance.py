"""Dutch guidance for the owner and the leader: the aim of each step, questions to
ask, a tip, the agreements at the start, and help with the preparation.

The worksheet's own questions and headings live in content.py; this module holds
the explanation around them, in plain Dutch (B1).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StepGuidance:
    aim: str  # what the step is for
    questions: tuple[str, ...]  # 2-4 questions the leader can ask
    tip: str  # one practical tip for the leader


STEP_GUIDANCE: dict[str, StepGuidance] = {
    "kennismaken": StepGuidance(
        aim=(
            "De dilemma-eigenaar vertelt wat het dilemma is en waarom het gesprek nu nodig is. "
            "De anderen luisteren en vragen door. Zo weet iedereen waar het over gaat."
        ),
        questions=(
            "Wat speelt er? Kun je het in je eigen woorden vertellen?",
            "Waar zit voor jou de spanning? Wat geeft je buikpijn?",
            "Waarom wil je er juist nu over praten?",
            "Wat wil je na dit gesprek weten of kunnen?",
        ),
        tip=(
            "Laat de dilemma-eigenaar eerst uitpraten. Stel daarna vragen. "
            "Geef nog geen advies: dat komt later."
        ),
    ),
    "verkennen": StepGuidance(
        aim=(
            "Jullie brengen in beeld wie ertoe doen. Per speler kijken jullie naar standpunten "
            "en emoties, belangen en waarden, en rechten en voorkeuren. Daarna maken jullie "
            "samen één vraag die het dilemma goed beschrijft: de gedeelde vraag."
        ),
        questions=(
            "Wie hebben met deze informatie te maken? Wie missen we nog?",
            "Wat vindt deze speler? En wat voelt hij of zij erbij?",
            "Wat is voor deze speler echt belangrijk? Waar heeft deze speler recht op?",
            "Welke vraag willen we samen beantwoorden?",
        ),
        tip=(
            "Een goede gedeelde vraag is kort: hoogstens 15 woorden en geen komma. "
            "Begin niet met 'Hoe'. Gebruik kunnen, willen, moeten, durven of mogen. "
            "En eindig met een vraagteken."
        ),
    ),
    "afwegen": StepGuidance(
        aim=(
            "Jullie zoeken opties die een antwoord geven op de gedeelde vraag. Bij elke optie "
            "noemen jullie de voordelen en de nadelen. Daarna trekken jullie samen een conclusie."
        ),
        questions=(
            "Welke opties zijn er? Ook opties die eerst vreemd lijken?",
            "Wat levert deze optie op? En voor wie?",
            "Wat zijn de nadelen of risico's? Voor wie?",
            "Welke optie past het best bij wat de spelers belangrijk vinden?",
        ),
        tip=(
            "Verzamel eerst opties en oordeel pas daarna. Denk ook aan een tussenweg. "
            "Bijvoorbeeld een deel van de informatie delen, of later delen met uitleg erbij."
        ),
    ),
    "kiezen": StepGuidance(
        aim=(
            "De dilemma-eigenaar kiest wat hij of zij gaat doen. De anderen helpen om de keuze "
            "concreet te maken: wie heeft wat nodig, en wat is de volgende stap?"
        ),
        questions=(
            "Wat kies je? Voelt die keuze goed?",
            "Wat heb je nodig om dit te doen? En van wie?",
            "Wat is de eerste stap? Wanneer zet je die?",
        ),
        tip=(
            "De keuze is aan de dilemma-eigenaar, niet aan de groep. "
            "Schrijf de volgende stappen zo concreet mogelijk op."
        ),
    ),
    "afronden": StepGuidance(
        aim=(
            "Jullie kijken samen terug. Is de dilemma-eigenaar verder geholpen? "
            "Daarna schrijven jullie een korte samenvatting."
        ),
        questions=(
            "Ben je verder geholpen? Wat neem je mee?",
            "Is er nog iets dat gezegd moet worden?",
            "Wat zetten we in de samenvatting?",
        ),
        tip=(
            "Houd de samenvatting kort en feitelijk. Noem rollen, geen namen. "
            "Download daarna het verslag als pdf en stuur het alleen naar wie het mag krijgen."
        ),
    ),
}

OPENING_AGREEMENTS: tuple[str, ...] = (
    "Wat hier gezegd wordt, blijft binnen deze groep.",
    "De aantekeningen zijn wel documenten onder de Wet open overheid (Woo). Na een "
    "Woo-verzoek kunnen ze openbaar worden. Daarom schrijven we feitelijk en laten we "
    "namen en andere gegevens over personen weg.",
    "De dilemma-eigenaar bepaalt wie de samenvatting krijgt. Dat spreken we nu met elkaar af.",
    "We nemen het gesprek niet op. Opnemen, uitschrijven en gespreksassistenten "
    "(zoals AI-notulisten) staan uit.",
    "Iedereen praat vanuit eigen ervaring en kennis. We luisteren naar elkaar en bouwen "
    "op elkaar voort.",
    "De dilemma-eigenaar maakt de keuze. De anderen helpen met vragen en ideeën.",
)

START_INTRO = (
    "Met deze app voer je een dilemmagesprek over openbaarheid van overheidsinformatie. "
    "Het gesprek heeft vijf stappen: Kennismaken, Verkennen, Afwegen, Kiezen en Afronden. "
    "De dilemma-eigenaar bereidt het gesprek eerst alleen voor. "
    "Tijdens het gesprek deelt de gespreksleider het scherm en typt mee. "
    "Aan het eind maak je een verslag als pdf."
)

WOO_NOTICE = (
    "Wat je hier opschrijft, valt onder de Wet open overheid (Woo). "
    "Het kan openbaar worden na een Woo-verzoek. "
    "Laat gegevens over personen, zoals namen en telefoonnummers, weg waar dat kan."
)

NOT_FOR_CLASSIFIED = "Deze app is niet bedoeld voor gerubriceerde (geheime) informatie."

PREPARATION_INTRO = (
    "Je bereidt het gesprek voor als dilemma-eigenaar. Beschrijf kort wat het dilemma is "
    "en waarom je er nu over wilt praten. Denk ook na over wat je wilt, durft, kunt en mag. "
    "Die antwoorden zijn alleen voor jou en de gespreksleider. Ze komen niet op het "
    "gedeelde scherm. In het verslag staan ze alleen als jij dat aanvinkt."
)

FIT_FOR_CONVERSATION = (
    "Een dilemma past bij dit gesprek als het een echte vraag is uit je eigen werk, over "
    "openbaarheid. Je voelt spanning tussen waarden of belangen. Bijvoorbeeld tussen "
    "open zijn en het vertrouwen van een partner. En je hebt nog ruimte om zelf te kiezen. "
    "Zoek je alleen een juridisch antwoord? Vraag dan advies aan een Woo-specialist of "
    "jurist. Daarvoor is dit gesprek niet bedoeld."
)

WHOM_TO_INVITE = (
    "Nodig drie tot vijf mensen uit die op een andere manier naar het dilemma kijken. "
    "Denk aan een Woo-specialist of jurist, iemand van communicatie en iemand die niet bij "
    "het dossier betrokken is. Vraag als gespreksleider iemand die zelf niet bij het "
    "dilemma betrokken is."
)

# One line of help per preparation field, keyed by the field's path in the model.
PREPARATION_QUESTIONS_HELP: dict[str, str] = {
    "preparation.want": "Wat wil je bereiken? Wat zou voor jou een goede uitkomst zijn?",
    "preparation.dare": "Wat vind je spannend? Welke stap durf je te zetten, ook als het schuurt?",
    "preparation.can": "Wat lukt je met de tijd, de mensen en de middelen die je hebt?",
    "preparation.may": "Wat zeggen de regels, zoals de Woo, en je opdracht? Waar ligt de grens?",
}

HANDOVER_HELP = (
    "Klaar met voorbereiden? Geef het werkblad dan aan de gespreksleider. Dat kan op twee "
    "manieren. Kies 'Link maken voor de gespreksleider' en deel die link alleen met de "
    "gespreksleider. Of kies 'Werkbestand opslaan' en stuur het bestand via een veilige "
    "weg van je organisatie. Je antwoorden op wat je wilt, durft, kunt en mag blijven "
    "privé. Ze komen nooit op het gedeelde scherm."
)
