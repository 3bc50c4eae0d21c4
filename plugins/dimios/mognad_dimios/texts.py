"""Every text the DiMiOS plugin shows, in Swedish and English: ``dimios.<key> -> (sv, en)``.

Added to mognad's catalogue (:mod:`mognad_core.texts`) when the plugin is imported, and put into
words with ``texts.text("dimios.<key>", lang, **data)``. The names of dimensions, quadrants,
benchmarks and topics come from the model file (see :func:`mognad_core.schema.in_language`).
"""

from __future__ import annotations

from mognad_core import texts

TEXTS: dict[str, tuple[str, str]] = {
    # ---- words and headings --------------------------------------------------------------------
    "dimios.responses": ("svar", "responses"),
    "dimios.respondents": ("svarande", "respondents"),
    "dimios.organisation": ("Organisationen", "Organisation"),
    "dimios.by": ("Per {by}", "By {by}"),
    "dimios.no_respondents": ("(inga svarande)", "(no respondents)"),
    "dimios.col.meaning": ("Innebörd", "Meaning"),
    "dimios.col.recommendation": ("Rekommendation", "Recommendation"),
    "dimios.col.distance": ("Avstånd till gränsen", "Distance to the border"),
    "dimios.col.note": ("Obs", "Note"),
    "dimios.col.group": ("Grupp", "Group"),
    "dimios.col.not_shown": ("Anonymitet", "Anonymity"),
    "dimios.col.category": ("Kategori", "Category"),
    "dimios.col.part": ("Del", "Part"),
    "dimios.col.balance": ("Balans", "Balance"),
    "dimios.col.against": ("Jämfört med", "Against"),
    "dimios.col.value": ("Värde", "Value"),
    "dimios.col.gap": ("Skillnad", "Gap"),
    "dimios.col.source": ("Källa", "Source"),
    "dimios.col.statement": ("Påstående", "Statement"),
    "dimios.col.score": ("Värde", "Score"),
    "dimios.col.dont_know": ("Vet ej", "Don't know"),
    "dimios.col.topic": ("Ämne", "Topic"),
    "dimios.col.problem": ("Problem", "Problem"),
    # ---- the 2×2 ---------------------------------------------------------------------------------
    "dimios.quadrant.title": ("DiMiOS-kategori (2×2)", "DiMiOS category (2×2)"),
    "dimios.quadrant.summary": (
        "{parts} (en dimension räknas som hög från {limit}).",
        "{parts} (a dimension counts as high from {limit}).",
    ),
    "dimios.quadrant.near": (
        " {near} ligger inom {margin} procentenheter från gränsen.",
        " {near} is within {margin} percentage points of the border.",
    ),
    "dimios.quadrant.near_note": (
        "nära gränsen – en liten förändring kan flytta organisationen till en annan kategori",
        "near the border – a small change can move the organisation to another category",
    ),
    "dimios.quadrant.near_short": (" (nära gränsen)", " (near the border)"),
    "dimios.quadrant.near_footnote": (
        "inom {margin} procentenheter från gränsen",
        "within {margin} percentage points of the border",
    ),
    "dimios.quadrant.no_answers": (
        "Ingen 2×2-kategori: {names} saknar svar att räkna på.",
        "No 2×2 category: {names} has no answers to score.",
    ),
    "dimios.quadrant.no_answers_shown": (
        "Ingen 2×2-kategori: {names} har inga svar som visas för gruppen (inga svar, eller "
        "dolda av anonymitetsskäl).",
        "No 2×2 category: {names} has no answers shown for the group (none, or hidden for "
        "anonymity).",
    ),
    "dimios.groups.all_shown": (
        "alla grupper visas: anonymitetsskyddet är avstängt (--min-size 1)",
        "every group is shown: the anonymity protection is off (--min-size 1)",
    ),
    "dimios.groups.hidden_rule": (
        "grupper med färre än {k} svarande, och grupper som annars skulle kunna räknas fram ur "
        "totalen, visas inte",
        "groups with fewer than {k} respondents, and groups that could otherwise be derived "
        "from the total, are not shown",
    ),
    "dimios.groups.title": ("2×2 per {by}", "2×2 by {by}"),
    "dimios.groups.text": (
        "{shown} av {count} grupper visas; {rule}.",
        "{shown} of {count} groups shown; {rule}.",
    ),
    # ---- efficiency–innovation balance -------------------------------------------------------
    "dimios.balance.title": ("Effektivitet–innovation", "Efficiency–innovation"),
    "dimios.balance.overall": ("Totalt", "Overall"),
    "dimios.balance.exploit": ("Effektivitet (exploatering)", "Efficiency (exploitation)"),
    "dimios.balance.explore": ("Innovation (exploration)", "Innovation (exploration)"),
    "dimios.balance.too_few": (
        "för få påståenden med svar på båda axlarna",
        "not enough scored statements on both axes",
    ),
    "dimios.balance.tilt_exploit": ("lutar mot effektivitet", "leans to efficiency"),
    "dimios.balance.tilt_explore": ("lutar mot innovation", "leans to innovation"),
    "dimios.balance.tilt_balanced": ("i balans", "balanced"),
    "dimios.balance.common": (
        " Det är vanligt i offentlig sektor enligt forskningen bakom DiMiOS.",
        " Research behind DiMiOS finds this is common in the public sector.",
    ),
    # ---- benchmarks ----------------------------------------------------------------------------
    "dimios.benchmark.caveat": (
        "Jämförelsen är vägledande: referensvärdena kommer från DiMiOS-verktyget, vars "
        "påståenden och beräkning inte är offentliga och skiljer sig från den här modellens.",
        "The comparison is indicative: the reference figures come from the DiMiOS tool, whose "
        "statements and formula are not public and differ from this model's.",
    ),
    "dimios.benchmark.custom": ("Eget jämförelsevärde", "Own reference value"),
    "dimios.benchmark.by_dimension": ("Mot {ref}: {parts}.", "Against {ref}: {parts}."),
    "dimios.benchmark.no_overall": (
        "Inget totalvärde att jämföra med {ref}.",
        "No overall score to compare with {ref}.",
    ),
    "dimios.benchmark.a_target": (" (ett mål)", " (a target)"),
    "dimios.benchmark.text": (
        "Totalt {score} är {gap} mot {ref}{kind} ({value}).",
        "{score} overall is {gap} against {ref}{kind} ({value}).",
    ),
    "dimios.benchmark.partial": (
        " Bara en del av modellen hade svar, så totalvärdet är ofullständigt.",
        " Only part of the model had answers, so the overall score is partial.",
    ),
    "dimios.benchmark.target": (" (mål)", " (target)"),
    "dimios.benchmark.national": (
        "Jämförelse med nationellt snitt",
        "Compared with the national average",
    ),
    "dimios.benchmark.with_target": ("Jämförelse med mål", "Compared with a target"),
    "dimios.benchmark.title": ("Jämförelse", "Comparison"),
    # ---- weakest categories and where to start -------------------------------------------------
    "dimios.weakest.title": ("Relativt svagaste kategorier", "Relatively weakest categories"),
    "dimios.weakest.text": (
        "{names}. DiMiOS lyfter de tre lägsta kategorierna som svagheter, även när helheten är "
        "god.",
        "{names}. DiMiOS presents the three lowest categories as weaknesses, even when the "
        "whole is good.",
    ),
    "dimios.start.title": ("Var börja? Lågt värde och mycket vet ej", "Where to start?"),
    "dimios.start.median": ("medianen, {limit}", "the median, {limit}"),
    "dimios.start.criteria": (
        "andel vet ej minst {share} och värde under gränsen ({limit})",
        "don't-know share at least {share} and score below the limit ({limit})",
    ),
    "dimios.start.none": (
        "Inget påstående har både {criteria}.",
        "No statement has both {criteria}.",
    ),
    "dimios.start.one": (
        "Enligt Vetlandas sållning har 1 påstående {criteria}.",
        "By Vetlanda's screen, 1 statement has {criteria}.",
    ),
    "dimios.start.many": (
        "Enligt Vetlandas sållning har {count} påståenden {criteria}.",
        "By Vetlanda's screen, {count} statements have {criteria}.",
    ),
    "dimios.start.areas": (
        "Var börja enligt mognads regel: {areas}. Välj ett eller två områden.",
        "Where to start by mognad's rule: {areas}. Pick one or two areas.",
    ),
    # ---- columns matched by number -------------------------------------------------------------
    "dimios.numbered.title": ("Kontrollera kolumnordningen", "Check the column order"),
    "dimios.numbered.one": (
        "1 kolumn matchades på nummer (t.ex. {example}). Numren följer den här "
        "modellens numrering; DiMiOS-verktygets ordning är inte offentlig. Stämmer inte "
        "ordningen, använd en mappningsfil (--mapping).",
        "1 column was matched by number (e.g. {example}). The numbers follow this model's "
        "numbering; the DiMiOS tool's order is not public. If the order differs, use a mapping "
        "file (--mapping).",
    ),
    "dimios.numbered.many": (
        "{count} kolumner matchades på nummer (t.ex. {example}). Numren följer den här "
        "modellens numrering; DiMiOS-verktygets ordning är inte offentlig. Stämmer inte "
        "ordningen, använd en mappningsfil (--mapping).",
        "{count} columns were matched by number (e.g. {example}). The numbers follow this "
        "model's numbering; the DiMiOS tool's order is not public. If the order differs, use a "
        "mapping file (--mapping).",
    ),
    # ---- settings ------------------------------------------------------------------------------
    "dimios.settings.title": ("Modellens inställningar", "Model settings"),
    "dimios.settings.text": (
        "En del av DiMiOS-resultatet kunde inte tas fram:",
        "Part of the DiMiOS output could not be produced:",
    ),
    "dimios.refused.own_threshold": (
        "Modellen {model!r} anger meta.group_min_size ({value!r}), som inte längre används: "
        "minsta gruppstorlek är mognads anonymitetsinställning för alla resultat (--min-size, "
        "MOGNAD_MIN_SIZE eller min_size i mognad.toml; 5 om inget anges). Ta bort raden ur "
        "modellfilen och skriv min_size = {value} i mognad.toml för att behålla värdet.",
        "Model {model!r} sets meta.group_min_size ({value!r}), which is no longer used: the "
        "smallest group shown is mognad's anonymity setting for every output (--min-size, "
        "MOGNAD_MIN_SIZE or min_size in mognad.toml; 5 when none is given). Remove the line "
        "from the model file, and write min_size = {value} in mognad.toml to keep the value.",
    ),
    # ---- errors in a model file's meta (a model author's) -------------------------------------
    "dimios.error.meta_number": (
        "modellen {model}: meta.{key} är {value}; förväntat ett tal från {low} till {high}",
        "model {model}: meta.{key} is {value}; expected a number from {low} to {high}",
    ),
    "dimios.error.axis": (
        "modellen {model}, påståendet {id}: meta.axis är {axis}; förväntat exploit eller explore",
        "model {model}, statement {id}: meta.axis is {axis}; expected exploit or explore",
    ),
    "dimios.error.no_axis": (
        "modellen {model} märker inget påstående med meta.axis (exploit eller explore), så det "
        "finns ingen balans mellan effektivitet och innovation att räkna ut",
        "model {model} tags no statement with meta.axis (exploit or explore), so there is no "
        "efficiency–innovation balance to compute",
    ),
    "dimios.error.no_benchmark": (
        "modellen {model} har inget riktmärke {name} (riktmärken: {known})",
        "model {model} has no benchmark {name} (benchmarks: {known})",
    ),
    "dimios.error.no_benchmarks": (
        "modellen {model} har inga riktmärken att jämföra med",
        "model {model} has no benchmarks to compare with",
    ),
    "dimios.error.two_dimensions": (
        "modellen {model} behöver två dimensioner för en 2×2",
        "model {model} needs two dimensions for a 2×2",
    ),
    "dimios.error.plot_part": (
        "modellen {model}: meta.plot namnger {part}, som inte är en dimension",
        "model {model}: meta.plot names {part}, not a dimension",
    ),
    "dimios.error.plot_same": (
        "modellen {model}: meta.plot använder {part} för båda axlarna",
        "model {model}: meta.plot uses {part} for both axes",
    ),
    "dimios.error.no_quadrants": (
        "modellen {model} anger inga meta.quadrants (fyra poster med id, name, description, "
        "recommendation, high_{x} och high_{y})",
        "model {model} declares no meta.quadrants (four entries with id, name, description, "
        "recommendation, high_{x} and high_{y})",
    ),
    "dimios.error.quadrant_id": (
        "modellen {model}: meta.quadrants[{i}] behöver ett id och ett namn",
        "model {model}: meta.quadrants[{i}] needs an id and a name",
    ),
    "dimios.error.quadrant_flags": (
        "modellen {model}: meta.quadrants[{i}] ({id}) behöver high_{x} och high_{y} satta till "
        "true eller false",
        "model {model}: meta.quadrants[{i}] ({id}) needs high_{x} and high_{y} set to true or "
        "false",
    ),
    "dimios.error.quadrant_twice": (
        "modellen {model}: meta.quadrants {first} och {second} täcker samma hörn av 2×2:an",
        "model {model}: meta.quadrants {first} and {second} cover the same corner of the 2×2",
    ),
    "dimios.error.quadrant_corners": (
        "modellen {model}: meta.quadrants täcker {n} av 2×2:ans 4 hörn",
        "model {model}: meta.quadrants covers {n} of the 4 corners of the 2×2",
    ),
    "dimios.error.insight_groups": (
        "modellen {model}: meta.insight_groups ska vara en lista med kolumner",
        "model {model}: meta.insight_groups must be a list of columns",
    ),
}

texts.add(TEXTS, owner="dimios")
