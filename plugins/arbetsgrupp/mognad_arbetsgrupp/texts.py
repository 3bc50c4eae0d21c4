"""Every text the work-group plugin shows, in Swedish and English: ``arbetsgrupp.<key> ->
(sv, en)``. Added to mognad's catalogue when the plugin is imported; the names of areas and
statements come from the model file."""

from __future__ import annotations

from mognad_core import texts

TEXTS: dict[str, tuple[str, str]] = {
    # ---- words and columns ------------------------------------------------------------------
    "arbetsgrupp.all": ("Alla svarande", "All respondents"),
    "arbetsgrupp.col.group": ("Arbetsgrupp", "Work group"),
    "arbetsgrupp.col.nr": ("Nr", "No."),
    "arbetsgrupp.col.question": ("Fråga", "Question"),
    "arbetsgrupp.col.score": ("Värde", "Score"),
    "arbetsgrupp.col.dont_know": ("Vet ej", "Don't know"),
    "arbetsgrupp.col.area": ("Område", "Area"),
    "arbetsgrupp.col.need": ("Behov", "Need"),
    "arbetsgrupp.col.action": ("Åtgärd", "Action"),
    "arbetsgrupp.col.owner": ("Ansvarig", "Responsible"),
    "arbetsgrupp.col.done": ("Klart när", "Done when"),
    "arbetsgrupp.owner.forvaltning": (
        "förvaltningens förutsättning",
        "the administration's condition",
    ),
    "arbetsgrupp.area_of": ("{area}: {category}", "{area}: {category}"),
    "arbetsgrupp.need": (
        "{short} ({score}; vet ej {dont_know})",
        "{short} ({score}; don't know {dont_know})",
    ),
    "arbetsgrupp.need_no_dk": ("{short} ({score})", "{short} ({score})"),
    # ---- the needs (model_insights) ---------------------------------------------------------
    "arbetsgrupp.needs.title": (
        "Gruppens behov, viktigast först",
        "The group's needs, most important first",
    ),
    "arbetsgrupp.needs.text": (
        "De {count} påståenden gruppen mest behöver utveckla, enligt mognads regel för var man "
        "ska börja: lågt värde och många vet ej först.",
        "The {count} statements the group most needs to develop, by mognad's rule for where to "
        "start: low score and much don't know first.",
    ),
    # ---- the report's sections --------------------------------------------------------------
    "arbetsgrupp.sheet.dialogue1": ("Dialog 1 – digitalt först", "Dialogue 1 – digital first"),
    "arbetsgrupp.sheet.dialogue2": ("Dialog 2 – kan och lära", "Dialogue 2 – skills"),
    "arbetsgrupp.sheet.plan": ("Verksamhetsplan", "Business plan"),
    "arbetsgrupp.dialogue1.title": (
        "Dialog 1: vad skulle digitalt först betyda för oss?",
        "Dialogue 1: what would digital first mean for us?",
    ),
    "arbetsgrupp.dialogue1.intro": (
        "Frågor till den första dialogen, gjorda av gruppens egna svar. Samtalet förbereder "
        "gruppen för att tänka och arbeta digitalt först i vardagen.",
        "Questions for the first dialogue, made from the group's own answers. The conversation "
        "prepares the group to think and work digital first day to day.",
    ),
    "arbetsgrupp.dialogue2.title": (
        "Dialog 2: vad kan vi, och vad behöver vi lära oss?",
        "Dialogue 2: what can we do, and what do we need to learn?",
    ),
    "arbetsgrupp.dialogue2.intro": (
        "Frågor till den andra dialogen, gjorda av gruppens egna svar: vad gruppen kan, vad "
        "den behöver lära sig och vad den behöver från förvaltningen.",
        "Questions for the second dialogue, made from the group's own answers: what the group "
        "can do, what it needs to learn and what it needs from the administration.",
    ),
    "arbetsgrupp.plan.title": (
        "Verksamhetsplan: gruppens behov att arbeta vidare med",
        "Business plan: the group's needs to work on",
    ),
    "arbetsgrupp.plan.intro": (
        "Behoven är gruppens viktigaste utvecklingsområden, viktigast först (lågt värde och "
        "många vet ej först). Fyll i åtgärd, ansvarig och klart när på arbetsplatsträffen; "
        "behov märkta förvaltningens förutsättning tas upp med förvaltningen.",
        "The needs are the group's most important areas to develop, most important first (low "
        "score and much don't know first). Fill in action, responsible and done when at the "
        "team meeting; needs marked the administration's condition are raised with the "
        "administration.",
    ),
    "arbetsgrupp.hidden_statements": (
        "Visas inte för gruppen (för få svar med ett värde): {names}. Ta upp dem i dialogen "
        "ändå: vad vet ni om dem, och vad behöver ni veta?",
        "Not shown for the group (too few answers with a value): {names}. Take them up in the "
        "dialogue all the same: what do you know about them, and what do you need to know?",
    ),
    "arbetsgrupp.hidden": (
        "Visas inte: gruppen har för få svarande (färre än {k}) eller skulle kunna räknas fram "
        "ur de andra. Håll dialogen utan enkätresultat, eller svara tillsammans med en annan "
        "grupp.",
        "Not shown: the group has too few respondents (fewer than {k}) or could be derived from "
        "the others. Hold the dialogue without survey results, or answer together with another "
        "group.",
    ),
    "arbetsgrupp.off": (
        "Anonymitetsskyddet är avstängt (--min-size 1): även små grupper visas.",
        "The anonymity protection is off (--min-size 1): small groups are shown too.",
    ),
    # ---- dialogue 1 questions ---------------------------------------------------------------
    "arbetsgrupp.q1.digital_first": (
        'Ert värde för "{short}" är {score}. Vilka av era uppgifter görs i dag på papper, i '
        "telefon eller i möten och skulle kunna göras digitalt?",
        'Your score for "{short}" is {score}. Which of your tasks are done on paper, by phone '
        "or in meetings today and could be done digitally?",
    ),
    "arbetsgrupp.q1.strength": (
        'Ni gav "{short}" högst betyg ({score}). Vad gör ni redan digitalt som ni vill göra '
        "mer av?",
        'You gave "{short}" the highest rating ({score}). What do you already do digitally '
        "that you want to do more of?",
    ),
    "arbetsgrupp.q1.weak_way": (
        'Bland arbetssätten gav ni "{short}" lägst betyg ({score}). Hur skulle det se ut om ni '
        "arbetade digitalt först just där?",
        'Among the ways of working, you gave "{short}" the lowest rating ({score}). What would '
        "it look like if you worked digital first there?",
    ),
    "arbetsgrupp.q1.unknown": (
        'Många svarade vet ej om "{short}" ({dont_know}). Vad behöver ni veta om det för att '
        "kunna arbeta digitalt först?",
        'Many answered don\'t know about "{short}" ({dont_know}). What do you need to know '
        "about it to work digital first?",
    ),
    # ---- dialogue 2 questions ---------------------------------------------------------------
    "arbetsgrupp.q2.low_unknown": (
        '"{short}" fick {score} hos er och många svarade vet ej ({dont_know}): vad behöver ni '
        "veta?",
        '"{short}" scored {score} with you and many answered don\'t know ({dont_know}): what do '
        "you need to know?",
    ),
    "arbetsgrupp.q2.low_learn": (
        '"{short}" fick {score} hos er: vad behöver ni lära er, och kan någon i gruppen lära ut '
        "det?",
        '"{short}" scored {score} with you: what do you need to learn, and can someone in the '
        "group teach it?",
    ),
    "arbetsgrupp.q2.low_condition": (
        '"{short}" fick {score} hos er, och det är en förutsättning från förvaltningen: vad '
        "behöver ni av förvaltningen?",
        '"{short}" scored {score} with you, and it is a condition from the administration: what '
        "do you need from the administration?",
    ),
    "arbetsgrupp.q2.teach": (
        'Inom digital kompetens fick "{short}" högst betyg ({score}). Vem i gruppen kan lära '
        "de andra, och hur?",
        'Within digital competence, "{short}" got the highest rating ({score}). Who in the '
        "group can teach the others, and how?",
    ),
    "arbetsgrupp.q2.conditions": (
        "Av förvaltningens förutsättningar fick {category} lägst betyg ({score}). Har ni det "
        "som behövs för att driva digital utveckling på er arbetsplats?",
        "Of the administration's conditions, {category} got the lowest rating ({score}). Do you "
        "have what it takes to drive digital development at your workplace?",
    ),
}

texts.add(TEXTS, owner="arbetsgrupp")
