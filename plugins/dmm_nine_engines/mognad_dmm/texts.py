"""Every text the DMM plugin shows, in Swedish and English: ``dmm.<key> -> (sv, en)``.

Added to mognad's catalogue (:mod:`mognad_core.texts`) when the plugin is imported, and put into
words with ``texts.text("dmm.<key>", lang, **data)``. The names of engines, levels, relations and
target profiles come from the model file (see :func:`mognad_core.schema.in_language`).
"""

from __future__ import annotations

from mognad_core import texts

TEXTS: dict[str, tuple[str, str]] = {
    # ---- column headings of the insights' rows ------------------------------------------------
    "dmm.col.engine": ("motor", "engine"),
    "dmm.col.score": ("poäng", "score"),
    "dmm.col.level": ("nivå", "level"),
    "dmm.col.position": ("läge", "position"),
    "dmm.col.description": ("beskrivning", "description"),
    "dmm.col.profile": ("profil", "profile"),
    "dmm.col.against_mean": ("mot snittet", "against the mean"),
    "dmm.col.focus": ("fokus", "focus"),
    "dmm.col.next_step": ("nästa steg", "next step"),
    "dmm.col.finding": ("iakttagelse", "finding"),
    "dmm.col.agreement": ("samsyn", "agreement"),
    "dmm.col.range": ("spann", "range"),
    "dmm.col.levels": ("nivåer", "levels"),
    "dmm.col.target": ("mål", "target"),
    "dmm.col.level_target": ("nivå → mål", "level → target"),
    # ---- units ----------------------------------------------------------------------------------
    # a size in percentage points without a sign (a gap below the target, a spread between
    # respondents), its number written by texts.num; a signed difference is texts.pp
    "dmm.points": ("{value} p.e.", "{value} pp"),
    # ---- level per engine (dmm_levels) ----------------------------------------------------------
    "dmm.levels.title": ("Nivå per motor", "Level per engine"),
    "dmm.levels.bound": ("{level} från {value}", "{level} from {value}"),
    "dmm.levels.text": (
        "Organisationens fas: {phase} ({overall}). Nivåer: {bounds}. Läge = motorns poäng mot "
        "snittet av motorerna ({mean}), ± {margin} p.e.",
        "The organisation's current phase: {phase} ({overall}). Levels: {bounds}. Position = "
        "engine score against the mean of the engines ({mean}), ± {margin} pp.",
    ),
    "dmm.levels.too_few": (
        "för få svar ({answered} av {statements} påståenden besvarade, {need} krävs)",
        "not enough answers ({answered} of {statements} statements answered, {need} needed)",
    ),
    # ---- profile (dmm_profile) -----------------------------------------------------------------
    "dmm.profile.title": ("Profil över de {count} motorerna", "Profile across the {count} engines"),
    "dmm.profile.text": (
        "I modellens ordning på en fast axel 0-100 %; nivåringar vid {rings}.",
        "In model order on a fixed 0-100 % axis; level rings at {rings}.",
    ),
    # ---- weakest engines (dmm_weakest) ---------------------------------------------------------
    "dmm.weakest.title": (
        "Svagaste motorer jämfört med organisationens eget snitt",
        "Weakest engines relative to the organisation's own mean",
    ),
    "dmm.weakest.none": ("Ingen motor har någon poäng.", "No engine has a score."),
    "dmm.weakest.relative_only": (
        "Ingen motor ligger {margin} procentenheter eller mer under snittet av motorerna "
        "({mean}); relativt svagast är {engine}.",
        "No engine is {margin} pp or more below the mean of the engines ({mean}); the "
        "relatively weakest is {engine}.",
    ),
    "dmm.weakest.text": (
        "Svag = minst {margin} procentenheter under organisationens eget snitt av motorerna "
        "({mean}): {weak}.",
        "Weak = {margin} pp or more below the organisation's own mean of the engines ({mean}): "
        "{weak}.",
    ),
    # ---- recommended practice (dmm_practice) ---------------------------------------------------
    "dmm.weakest.start": (
        "Var börja enligt mognads regel: {areas}.",
        "Where to start by mognad's rule: {areas}.",
    ),
    "dmm.practice.title": ("Rekommenderad ordning", "Recommended practice"),
    "dmm.practice.lead": (
        "Rekommenderad ordning i {phase}: {lead} går före.",
        "Recommended practice in {phase}: {lead} lead.",
    ),
    "dmm.practice.even_out": (
        "Rekommenderad ordning i {phase}: motorerna jämnas ut.",
        "Recommended practice in {phase}: even out the engines.",
    ),
    "dmm.practice.spread": (
        " Spridning mellan motorerna: {spread} p.e.",
        " Spread between the engines: {spread} pp.",
    ),
    "dmm.practice.lead_behind": (
        "efter fas fast den bör gå före enligt rekommenderad ordning",
        "behind phase although it should lead",
    ),
    "dmm.practice.lead_in_phase": ("bara i fas; den bör gå före", "only in phase; it should lead"),
    "dmm.practice.behind_in_acceleration": (
        "efter de andra; i Acceleration bör motorerna jämnas ut",
        "behind the others; in Acceleration the engines should even out",
    ),
    # ---- phase markers (dmm_markers) -----------------------------------------------------------
    "dmm.markers.title": ("Kontroll av fasmarkörer", "Phase marker check"),
    "dmm.markers.text": (
        "Varje motor har ett påstående per fas. Nivån kommer från ett medelvärde, så en markör "
        "under 50 % på eller under motorns nivå är värd att diskutera.",
        "Each engine has one statement per phase. A level comes from a mean, so a marker below "
        "50 % on or below the engine's level is worth discussing.",
    ),
    "dmm.markers.finding": (
        "placerad i {level} i snitt, men {marker}-markören {statement} har {score}",
        "placed in {level} on average, but its {marker} marker {statement} scores {score}",
    ),
    # ---- spread between respondents (dmm_spread and the workshop) ------------------------------
    "dmm.spread.title": ("Spridning mellan svarande", "Spread between respondents"),
    "dmm.spread.flag": (
        "{agreement} (spann över {limit} p.e.)",
        "{agreement} (range above {limit} pp)",
    ),
    "dmm.spread.rule": (
        "låg samsyn = SD över {sd} p.e., eller minst {share} av de svarande i vardera av två "
        "nivåer med minst {distance} steg emellan",
        "low agreement = SD above {sd} pp, or at least {share} of the respondents in each of two "
        "levels {distance} or more steps apart",
    ),
    "dmm.spread.rule_flag": (
        "spridningsmått kräver minst {need} svarande med poäng; här bara om högsta och "
        "lägsta poäng skiljer sig mer än {limit} p.e. (spridd)",
        "spread figures need at least {need} respondents with a score; here only whether the "
        "highest and lowest scores are more than {limit} pp apart (divided)",
    ),
    "dmm.spread.text": (
        "Respondenternas poäng per motor, {rule}. Låg samsyn: {engines}.",
        "Respondent-level engine scores, {rule}. Low agreement: {engines}.",
    ),
    "dmm.spread.text_none": (
        "Respondenternas poäng per motor, {rule}. Ingen motor flaggas.",
        "Respondent-level engine scores, {rule}. No engine is flagged.",
    ),
    "dmm.agreed": ("samstämmig", "in agreement"),
    "dmm.divided": ("spridd", "divided"),
    "dmm.note.flag_only": (
        "spridningsmått visas bara för minst {need} svarande med poäng; här bara om "
        "spannet mellan högsta och lägsta poäng är över {limit} procentenheter (spridd) eller "
        "inte (samstämmig)",
        "spread figures are shown only for at least {need} respondents with a score; here only "
        "whether the highest and lowest scores are more than {limit} percentage points apart "
        "(divided) or not (in agreement)",
    ),
    "dmm.note.too_few": (
        "färre än {need} svarande med poäng: ingen spridning visas",
        "fewer than {need} respondents with a score: no spread shown",
    ),
    "dmm.note.sd": ("SD {sd} > {limit}", "SD {sd} > {limit}"),  # on the 0-1 scale (texts.num)
    "dmm.note.split": (
        "≥ {share:.0f} % i vardera av två nivåer med minst {distance} steg emellan",
        "≥ {share:.0f} % in each of two levels {distance} or more steps apart",
    ),
    "dmm.note.spread_rule": (
        "Spridningsmått (SD, min, kvartiler, max) visas för grupper med minst {need} "
        "svarande med poäng; mindre grupper får bara en grov flagga: spridd (spannet över "
        "{limit} procentenheter) eller samstämmig.",
        "Spread figures (SD, min, quartiles, max) are shown for groups with at least {need} "
        "respondents with a score; smaller groups get only a coarse flag: divided (a range "
        "above {limit} percentage points) or in agreement.",
    ),
    # ---- gap to a target profile (dmm_target_gap) ----------------------------------------------
    "dmm.gap.title": ("Gap till målprofilen: {label}", "Gap to the target profile: {label}"),
    # the name of the target "next" when meta.target_profiles has no next_level profile
    "dmm.target.next": ("Nästa fas för varje motor", "Next phase for every engine"),
    "dmm.gap.error_title": (
        "Målprofilen kunde inte användas",
        "The target profile could not be used",
    ),
    "dmm.gap.below": (
        "{below} av {count} motorer med mål ligger under målet",
        "{below} of {count} engines with a target are below it",
    ),
    "dmm.gap.largest": ("; störst gap: {engine} ({gap})", "; largest gap: {engine} ({gap})"),
    "dmm.gap.without": (
        "Inget mål eller ingen poäng: {engines}.",
        "No target or no score: {engines}.",
    ),
    "dmm.gap.met": ("målet nått", "target met"),
    "dmm.own_profile": ("egen profil", "own profile"),
    # ---- the workshop (mognad dmm workshop) ----------------------------------------------------
    "dmm.workshop.responses": ("svar", "responses"),
    "dmm.workshop.head": (
        "Workshop: {source}, {n} svarande i {groups} grupper ({by})",
        "Workshop: {source}, {n} respondents in {groups} groups ({by})",
    ),
    "dmm.workshop.smallest": (
        "Minsta grupp som visas: {min_size} svarande; spridningsmått från {spread_min} "
        "svarande med poäng.",
        "Smallest group shown: {min_size} respondents; spread figures from {spread_min} "
        "respondents with a score.",
    ),
    "dmm.workshop.all_short": ("Alla", "All"),
    "dmm.workshop.all": ("alla svarande", "all respondents"),
    "dmm.workshop.scores": (
        "Poäng och nivå per motor ({legend})",
        "Score and level per engine ({legend})",
    ),
    "dmm.workshop.engine": ("Motor", "Engine"),
    "dmm.workshop.spread": (
        "Spridning mellan svarande: SD | spann i procentenheter (! = låg samsyn)",
        "Spread between respondents: SD | range in percentage points (! = low agreement)",
    ),
    "dmm.workshop.spread_small": (
        "; grupper under {spread_min}: spridd (spann över {limit}) eller samstämmig",
        "; groups under {spread_min}: divided (range above {limit}) or in agreement",
    ),
    "dmm.workshop.discussion": (
        "Diskussionspunkter (låg samsyn)",
        "Discussion points (low agreement)",
    ),
    "dmm.workshop.no_discussion": (
        "Inga: de svarande är samstämmiga om alla motorer.",
        "None: respondents agree on every engine.",
    ),
    "dmm.workshop.divided": (
        "spridd (poängen skiljer sig mer än {limit} procentenheter)",
        "divided (the scores are more than {limit} percentage points apart)",
    ),
    "dmm.workshop.figures": (
        "SD {sd}, spann {low}–{high} %; {shares}",
        "SD {sd}, range {low}–{high} %; {shares}",
    ),
    # ---- settings ------------------------------------------------------------------------------
    "dmm.refused.own_threshold": (
        "Modellen {model!r} anger meta.analysis.min_group_size ({value!r}), som inte längre "
        "används: minsta gruppstorlek är mognads anonymitetsinställning för alla resultat "
        "(--min-size, MOGNAD_MIN_SIZE eller min_size i mognad.toml; 5 om inget anges). Ta bort "
        "raden ur modellfilen och skriv min_size = {value} i mognad.toml för att behålla värdet.",
        "Model {model!r} sets meta.analysis.min_group_size ({value!r}), which is no longer used: "
        "the smallest group shown is mognad's anonymity setting for every output (--min-size, "
        "MOGNAD_MIN_SIZE or min_size in mognad.toml; 5 when none is given). Remove the line from "
        "the model file, and write min_size = {value} in mognad.toml to keep the value.",
    ),
    # ---- errors ---------------------------------------------------------------------------------
    "dmm.error.header_only": (
        "tabellen har en rubrikrad men inga rader med svarande",
        "the table has a header but no respondent rows",
    ),
    "dmm.error.expected.rows": ("en rad per svarande", "one row per respondent"),
    "dmm.error.target_needs_scores": (
        "målet {name} beror på värdena; ge ett resultat",
        "the target {name} depends on the scores; give a score result",
    ),
    "dmm.error.target_pair": (
        "målet {value}: {part} saknar '='; skriv par motor=värde åtskilda med kommatecken, till "
        "exempel data_analys=Koordination,organisation=0.6",
        "target {value}: {part} has no '='; write engine=value pairs separated by commas, e.g. "
        "data_analys=Koordination,organisation=0.6",
    ),
    "dmm.error.or_preset": (
        "{error}; eller en av modellens målprofiler ({presets})",
        "{error}; or a target profile of the model ({presets})",
    ),
    "dmm.error.setting": (
        "modellen {model}: {key} = {value} är inte giltigt för analysen med Digital Maturity "
        'Matrix (valideringens besked: "{detail}")',
        "model {model}: {key} = {value} is not valid for the Digital Maturity Matrix analysis "
        "({detail})",
    ),
    "dmm.error.lead": (
        "modellen {model}: meta.recommended_practice.{phase}.lead namnger {unknown}, som inte "
        "är en motor i modellen ({engines})",
        "model {model}: meta.recommended_practice.{phase}.lead names {unknown}, which is not an "
        "engine of the model ({engines})",
    ),
    "dmm.error.profile_rule": (
        "modellen {model}: meta.target_profiles.{name}.rule är {rule}; den enda regeln är "
        "next_level",
        "model {model}: meta.target_profiles.{name}.rule is {rule}; the only rule is next_level",
    ),
    "dmm.error.profile_targets": (
        "modellen {model}: meta.target_profiles.{name} behöver 'rule: next_level' eller en "
        "mappning 'targets' från motorns id till mål",
        "model {model}: meta.target_profiles.{name} needs 'rule: next_level' or a 'targets' "
        "mapping of engine id to target",
    ),
}

texts.add(TEXTS, owner="dmm")
