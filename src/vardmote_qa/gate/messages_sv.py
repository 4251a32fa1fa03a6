"""Every Swedish sentence the gate says, by reason code. The one place that turns codes into words."""

from __future__ import annotations

from .model import Decision, Reason, Status, Verdict

# A partial run's headline: the report's header, the CLI's "Beslut:" line and the first reason all say it.
PARTIAL_HEADLINE = "Delkörning ({parts}): inget releasebeslut"


def parts_text(parts: tuple[str, ...]) -> str:
    return ", ".join(parts) or "inga delar"


MESSAGES = {
    "acceptance.all_passed": "Alla {count} scenarier ({tag}) gick igenom.",
    "acceptance.failed": "{count} av {total} scenarier ({tag}) misslyckades: {names}.",
    "acceptance.flaky": "{count} scenarier ({tag}) gick igenom först vid omkörning: {names}.",
    "acceptance.no_scenarios": "Inga scenarier ({tag}) kördes.",
    "requirements.all_verified": "Alla {count} krav i omfattningen '{scope}' är verifierade av godkända scenarier.",
    "requirements.unverified": "{count} krav i omfattningen saknar körda scenarier (ej verifierade): {ids}.",
    "requirements.failing": "{count} krav har underkända scenarier: {ids}.",
    "requirements.flaky": "Krav vars scenarier gick igenom först vid omkörning: {ids}.",
    "requirements.empty_scope": "Releaseomfattningen '{scope}' innehåller inga krav.",
    "media.pass": "Video på {profile}: {measure} {percentile} = {value} över {visits} besök, inom gränsen.",
    "media.warn": "Video på {profile}: {measure} {percentile} = {value} passerar varningsgränsen {warn}.",
    "media.fail": "Video på {profile}: {measure} {percentile} = {value} passerar underkänt-gränsen {fail}.",
    "media.no_data": "Inga videobesök med måttet {measure} på profilen {profile} finns i körningen.",
    "failure_share.nogo": "Video på {profile}: {failures} av {judged} bedömda besök underkända ({share}); {test} "
                          "avgör efter {after} besök att felandelen är för hög. Symptom: {symptoms}.",
    "failure_share.go": "Video på {profile}: {failures} av {judged} bedömda besök underkända ({share}); {test} "
                        "avgör efter {after} besök att felandelen är låg nog. Den här körningen utesluter "
                        "felandelar över {bound}.",
    "failure_share.undecided": "Video på {profile}: {failures} av {judged} bedömda besök underkända ({share}); "
                               "{test} hann inte avgöra på {judged} besök. Den här körningen utesluter "
                               "felandelar över {bound}. Symptom: {symptoms}.",
    "failure_share.not_judged": "Video på {profile}: videon kunde inte bedömas: testdatorn hann inte med "
                                "({not_judged} av {visits} besök ej bedömda, högst {limit} tillåts).",
    "failure_share.no_data": "Inga kampanjbesök på profilen {profile} finns i körningen.",
    "failure_share.baseline_rise": "Video på {profile}: felandelen {failures} av {judged} är högre än i "
                                   "senaste GO-körningen {run} ({baseline_failures} av {baseline_judged}); "
                                   "Fishers exakta test p = {p} (under {significance}).",
    "failure_share.baseline_same": "Video på {profile}: ingen säker ökning mot senaste GO-körningen {run} "
                                   "({baseline_failures} av {baseline_judged}; Fishers exakta test p = {p}).",
    "load_video.nogo": "Video under last: {failures} av {judged} bedömda besök underkända ({share}); {test} "
                       "avgör efter {after} besök att felandelen är för hög. Symptom: {symptoms}.",
    "load_video.go": "Video under last: {failures} av {judged} bedömda besök underkända ({share}); {test} "
                     "avgör efter {after} besök att felandelen är låg nog ({not_judged} ej bedömda).",
    "load_video.failed": "Video under last: {failures} av {judged} bedömda besök underkända ({share}), för få "
                         "besök för att {test} ska avgöra ({not_judged} ej bedömda). Symptom: {symptoms}.",
    "load_video.clean": "Video under last: inget av {judged} bedömda besök underkänt ({not_judged} ej bedömda); "
                        "den här körningen utesluter felandelar över {bound}.",
    "load_video.not_judged": "Video under last: videon kunde inte bedömas: testdatorn hann inte med "
                             "({not_judged} av {visits} besök ej bedömda, högst {limit} tillåts).",
    "load_video.no_data": "Lastdelen har inga bedömda videobesök (inga videodeltagare, eller en äldre körning).",
    "load_video.rise": "Video under last: felandelen {failures} av {judged} är högre än utan last i samma "
                       "körning ({profile}: {calm_failures} av {calm_judged}); Fishers exakta test p = {p} "
                       "(under {significance}).",
    "load_video.same": "Video under last: ingen säker ökning mot samma körning utan last ({profile}: "
                       "{calm_failures} av {calm_judged}; Fishers exakta test p = {p}).",
    "load.pass": "Last: {request} {measure} = {value} ({count} anrop), inom gränsen.",
    "load.warn": "Last: {request} {measure} = {value} passerar varningsgränsen {warn}.",
    "load.fail": "Last: {request} {measure} = {value} passerar underkänt-gränsen {fail}.",
    "load.no_requests": "Lastdelen har inga anrop med namnet {request}.",
    "chat.intact": "Chatt under last: {sent} skickade, alla levererade en gång och i ordning.",
    "chat.broken": "Chatt under last: {lost} förlorade, {duplicated} dubbletter, {reordered} i fel ordning och "
                   "{untimed} utan avsändarens tidsstämpel av {sent} skickade meddelanden.",
    "chat.unaccounted": "Chatt under last: {sent} skickade men {delivered} levererade och {lost} förlorade; "
                        "{unaccounted} meddelanden är inte redovisade (ett möte vars chatt aldrig stämdes av).",
    "load.task_errors": "Lastdelen hade {count} oväntade fel i användarnas uppgifter, som inget anrop räknade: "
                        "{examples}.",
    "load.no_task_errors": "Lastdelen hade inga oväntade fel i användarnas uppgifter.",
    "chat.nothing_sent": "Lastdelen skickade inga chattmeddelanden.",
    "group.intact": "Gruppmöten under last: {judged} bedömda möten ({participants} deltagare); {sent} skickade × "
                    "{receivers} mottagare = {expected} leveranser, alla levererade en gång och i ordning "
                    "({not_judged} möten ej bedömda: {why_not}).",
    "group.broken": "Gruppmöten under last: {lost} förlorade, {duplicated} dubbletter, {reordered} i fel ordning "
                    "och {untimed} utan avsändarens tidsstämpel av {expected} leveranser ({sent} skickade × "
                    "{receivers} mottagare) i {judged} bedömda möten ({not_judged} ej bedömda: {why_not}).",
    "group.unaccounted": "Gruppmöten under last: {sent} skickade × {receivers} mottagare = {expected} leveranser, "
                         "men {delivered} levererade och {lost} förlorade; {unaccounted} leveranser är inte "
                         "redovisade (en deltagare vars chatt aldrig stämdes av).",
    "group.not_judged": "Gruppmöten under last kunde inte bedömas: {not_judged} av {meetings} möten ej bedömda "
                        "(högst {limit} tillåts): {why_not}.",
    "group.nothing_sent": "Gruppmöten under last: {judged} bedömda möten men inga chattmeddelanden skickade.",
    "group.no_data": "Lastdelen har inga gruppmöten (andel_gruppmoten i lastmodellen är 0, eller en äldre körning).",
    "flakiness.pass": "Inga instabila scenarier.",
    "flakiness.warn": "{count} instabila scenarier (omkörda {retried}, växlande {flipping}): {names}.",
    "flakiness.fail": "{count} instabila scenarier (omkörda {retried}, växlande {flipping}): {names}.",
    "baseline.worse": "{criterion} är {change} % sämre än i senaste GO-körningen {run} ({previous} → {value}); "
                      "högst {limit} % tillåts.",
    "part.missing": "Delen '{part}' saknas i körningen: {detail}",
    "part.incomplete": "Ofullständig körning: delen '{part}' blev inte klar ({detail}).",
    "part.not_requested": "Ej bedömt i en delkörning: delen '{part}' ingick inte i körningen.",
    "requirements.not_judged": "Krav som bara verifieras av kriterier som inte bedömdes i delkörningen: {ids}.",
    "waiver.applied": "Undantag för {subject} gäller till {until} (beviljat av {who}: {why}).",
    "waiver.expired": "Undantaget för {subject} gick ut {until} ({who}) och gäller inte längre.",
    "quarantine.active": "{subject} är i karantän till {until} ({who}: {why}); det körs men räknas inte.",
    "decision.go": "Alla kriterier är uppfyllda.",
    "decision.go_judged": "Alla bedömda kriterier är uppfyllda.",
    "decision.partial": PARTIAL_HEADLINE + ". De bedömda kriterierna ger {verdict}; "
                        "{count} kriterier för delar som inte kördes är ej bedömda i en delkörning.",
    "decision.key_failed": "Nyckelkriteriet {criterion} är inte uppfyllt.",
    "decision.failed": "Kriteriet {criterion} är inte uppfyllt.",
    "decision.missing": "Underlag saknas för kriteriet {criterion}.",
    "decision.warning": "Kriteriet {criterion} gav en varning.",
}

VERDICT_TEXT = {Verdict.GO: "GO", Verdict.GO_MED_RISK: "GO MED RISK", Verdict.NO_GO: "NO-GO"}
STATUS_TEXT = {Status.PASS: "Godkänt", Status.WARN: "Varning", Status.FAIL: "Underkänt",
               Status.MISSING: "Underlag saknas", Status.NOT_JUDGED: "Ej bedömt i en delkörning"}


def partial_run_text(decision: Decision) -> str | None:
    """The headline of a partial run ("Delkörning (video): inget releasebeslut"), None for a whole run."""
    if not decision.partial:
        return None
    return PARTIAL_HEADLINE.format(parts=parts_text(decision.parts_judged))


def headline(decision: Decision) -> str:
    """The decision in one line, as the CLI prints it: the verdict, or for a partial run that it is none."""
    partial = partial_run_text(decision)
    verdict = VERDICT_TEXT[decision.verdict]
    return f"{partial} (de bedömda kriterierna: {verdict})" if partial else verdict


def sentence(reason: Reason) -> str:
    template = MESSAGES.get(reason.code)
    if template is None:
        return f"{reason.code} {reason.params}"
    return template.format(**reason.params)
