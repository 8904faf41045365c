//! The verdict so far: after each screen the questionnaire runs the engine on the answers given
//! (every unanswered question counts as unknown, as the engine already allows) and says which
//! classes are still possible; once only one is, the class is settled and the remaining
//! questions are optional. `walk` answers a household's true record screen by screen the way the
//! questionnaire asks it, for the tests and the walk figures.

use crate::draft::{Draft, INCOME_MODE};
use crate::fields;
use crate::steps::{self, Step};
use mucsong_engine::household::HouseholdRecord;
use mucsong_engine::result::Class;
use mucsong_engine::{assess, AssessOptions};

/// What the answers so far allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interim {
    /// The classes still possible by the official review method (Phiếu A, B1, B2), in order.
    pub possible: Vec<Class>,
    /// Answers the class still depends on (paths), as the engine names them.
    pub depends_on: Vec<String>,
}

impl Interim {
    /// Whether the class is settled: one class only is still possible.
    pub fn certain(&self) -> Option<Class> {
        match self.possible.as_slice() {
            [one] if *one != Class::Undetermined => Some(*one),
            _ => None,
        }
    }
}

/// The verdict the answers so far allow; `None` before any member is entered (nothing can be
/// said yet) and when the answers cannot be assessed (a problem the result page lists).
pub fn interim(draft: &Draft) -> Option<Interim> {
    if draft.n_members() == 0 {
        return None;
    }
    let assessment = assess(&draft.record, &AssessOptions::default()).ok()?;
    let result = assessment.result;
    let possible = if result.possible_classes.is_empty() {
        vec![result.class]
    } else {
        result.possible_classes.to_vec()
    };
    Some(Interim {
        possible,
        depends_on: result.depends_on,
    })
}

/// Every screen in the order Continue shows them, members' pages included, up to the check
/// page (not included).
pub fn screens(draft: &Draft) -> Vec<Step> {
    let mut out = Vec::new();
    let mut step = Step::Intro;
    while step != Step::Check && step != Step::Result && out.len() < 400 {
        out.push(step);
        step = steps::next(step, draft);
    }
    out
}

/// The screen that asks `path` (each deciding answer on the result page leads there), or the
/// member list for an answer given there for everyone.
pub fn screen_of(draft: &Draft, path: &str) -> Option<Step> {
    // An answer given for everyone leads to the member list, where it was given.
    if draft.answered_for_everyone(path) {
        return Some(Step::Members);
    }
    screens(draft)
        .into_iter()
        .find(|s| steps::asked(*s, draft).iter().any(|p| p == path))
}

/// "Answer these": the first screen after `after` (from the start when `None`) that asks a
/// question the class still depends on and has no answer yet (unanswered, "don't know", or
/// typed but not readable), and that question's path. (The engine names every answer of an
/// indicator still open, known ones included: a birth date beside an unknown work status.) `None` when no screen after
/// it does (or the class is settled).
pub fn next_deciding(draft: &Draft, after: Option<Step>) -> Option<(Step, String)> {
    let interim = interim(draft)?;
    if interim.depends_on.is_empty() {
        return None;
    }
    let all = screens(draft);
    let from = match after {
        Some(step) => all.iter().position(|s| *s == step).map_or(0, |i| i + 1),
        None => 0,
    };
    all[from.min(all.len())..].iter().find_map(|step| {
        steps::asked(*step, draft)
            .into_iter()
            .find(|path| interim.depends_on.contains(path) && draft.answer(path).is_none())
            .map(|path| (*step, path))
    })
}

/// One screen shown in a walk, and the verdict after answering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub step: Step,
    /// Questions answered on the screen (each a tap or a typed answer).
    pub answered: usize,
    pub after: Option<Interim>,
}

/// Answers `truth` (a household's true answers) the way the questionnaire asks: each screen in
/// order, its questions filled from the record (a screen's list may grow as it is answered, as a
/// birth date brings in school questions), the members added on the member list (size picker, same-for-all). Stops
/// at the check page. An answer the record leaves unknown is left unanswered.
pub fn walk(truth: &HouseholdRecord) -> Vec<Visit> {
    let mut draft = Draft::new(
        "",
        mucsong_engine::date::Date::new(2000, 1, 1).expect("a date"),
    );
    draft.record.assessed_on = None;
    let mut visits = Vec::new();
    let mut step = Step::Intro;
    // Guards against a loop in the screen order (a test failure, not a hang).
    for _ in 0..400 {
        if step == Step::Check || step == Step::Result {
            break;
        }
        let mut answered = answer_screen(&mut draft, step, truth);
        // The member list: one "add a person" tap per member.
        if step == Step::Members {
            answered += answer_members(&mut draft, truth);
            steps::apply_implied(&mut draft);
        }
        visits.push(Visit {
            step,
            answered,
            after: interim(&draft),
        });
        step = steps::next(step, &draft);
    }
    visits
}

/// The member list, answered from `truth`: the household's size in one tap, then what is the
/// same for everyone who has an answer (a child is not asked about a serious illness), once.
/// Returns the taps.
pub(crate) fn answer_members(draft: &mut Draft, truth: &HouseholdRecord) -> usize {
    let n_members = truth.members.as_ref().map_or(0, Vec::len);
    let mut answered = 0;
    if draft.n_members() == 0 && n_members > 0 {
        draft.add_members(n_members); // the household's size, one tap
        answered += 1;
    }
    // What is the same for everyone who has an answer (a child is not asked about a
    // serious illness), answered once on the list.
    for (field, keys) in crate::draft::SAME_FOR_EVERYONE {
        let mut values = truth
            .members
            .iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, _)| {
                truth
                    .get_at(&format!("members[{i}].{field}"))
                    .and_then(fields::read)
            });
        let Some(first) = values.next() else { continue };
        let key = match &first {
            fields::Answer::Key(k) => k.to_string(),
            fields::Answer::Bool(b) => b.to_string(),
            _ => continue,
        };
        if keys.contains(&key.as_str()) && values.all(|v| v == first) {
            draft.set_for_everyone(field, &key);
            answered += 1;
        }
    }
    answered
}

/// Fills the questions `step` shows from `truth`; returns how many were answered.
fn answer_screen(draft: &mut Draft, step: Step, truth: &HouseholdRecord) -> usize {
    if step == Step::Income {
        let income = truth.income.as_ref();
        let mode = match income {
            Some(i) if i.monthly_vnd.is_some() => Some("monthly"),
            Some(i) if i.sources_12m.is_some() => Some("sources"),
            _ => None,
        };
        draft.set_extra(INCOME_MODE, mode);
    }
    let mut answered = 0;
    let mut seen: Vec<String> = Vec::new();
    loop {
        let new: Vec<String> = steps::asked(step, draft)
            .into_iter()
            .filter(|p| !seen.contains(p))
            .collect();
        if new.is_empty() {
            break;
        }
        for path in new {
            // The work preset that gives the member's four true work answers, if one does.
            if let Some(i) = fields::work_preset_member(&path) {
                let member = format!("members[{i}]");
                let truth_of = |f: &str| {
                    truth
                        .get_at(&format!("{member}.{f}"))
                        .and_then(fields::read)
                };
                let preset = fields::WORK_PRESETS.iter().find(|(_, values)| {
                    fields::WORK_FIELDS
                        .iter()
                        .zip(values)
                        .all(|(f, v)| truth_of(f) == Some(fields::Answer::Key(v)))
                });
                if let Some((key, _)) = preset {
                    draft.set_work_preset(i, Some(key));
                    answered += 1;
                }
                seen.push(path);
                continue;
            }
            let answer = truth.get_at(&path).and_then(fields::read);
            if let (Some(answer), Some(place)) = (answer, draft.record.slot_at(&path)) {
                if fields::store(place, Some(&answer)) {
                    answered += 1;
                }
            }
            seen.push(path);
        }
        steps::apply_implied(draft);
    }
    answered
}

#[cfg(test)]
mod tests;
