//! The adaptive flow on the walk households (`tests/e2e/fixtures/households/`, shared with the
//! browser walk): the screens shown, the verdict after each, and that answering every screen
//! truthfully ends at the engine's verdict for the true record.

use super::*;
use mucsong_engine::result::Class;
use mucsong_formats::household::parse_household;

fn household(name: &str) -> HouseholdRecord {
    let path = format!(
        "{}/../../tests/e2e/fixtures/households/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_household(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

const HOUSEHOLDS: [&str; 6] = [
    "lang-son-four",
    "urban-single",
    "large-family",
    "phieu-a-excluded",
    "child-under-5",
    "needs-income-2027",
];

/// The keys of the screens shown, up to and including the first whose answers settle the class.
fn screens_to_certain(visits: &[Visit]) -> Vec<String> {
    let mut out = Vec::new();
    for v in visits {
        out.push(v.step.key());
        if v.after.as_ref().and_then(Interim::certain).is_some() {
            return out;
        }
    }
    panic!("never certain: {out:?}");
}

#[test]
fn every_walk_ends_at_the_engine_s_verdict_for_the_true_answers() {
    for name in HOUSEHOLDS {
        let truth = household(name);
        let expected = assess(&truth, &AssessOptions::default()).unwrap().result;
        let visits = walk(&truth);
        let last = visits.last().and_then(|v| v.after.clone()).expect(name);
        assert_eq!(last.possible, expected.possible_classes, "{name}");
        assert!(last.certain().is_some(), "{name}: {last:?}");
    }
}

/// Answers only ever narrow what is possible: no screen brings back a class ruled out.
#[test]
fn the_verdict_narrows_screen_by_screen() {
    for name in HOUSEHOLDS {
        let mut before: Option<Vec<Class>> = None;
        for visit in walk(&household(name)) {
            // The members are added on the list: each blank member may bring classes back.
            if visit.step == Step::Members {
                before = None;
                continue;
            }
            let Some(now) = visit.after.map(|i| i.possible) else {
                continue;
            };
            if let Some(before) = &before {
                assert!(
                    now.iter().all(|c| before.contains(c)),
                    "{name}, {}: {now:?} after {before:?}",
                    visit.step.key()
                );
            }
            before = Some(now);
        }
    }
}

/// The household of issue 11 (rural Lạng Sơn, four people) is settled as poor on the living
/// area question's screen, in at most 15 screens (it took 43 before screens were grouped).
#[test]
fn the_lang_son_household_is_settled_in_few_screens() {
    let visits = walk(&household("lang-son-four"));
    let to_certain = screens_to_certain(&visits);
    assert!(to_certain.len() <= 15, "{to_certain:?}");
    let certain = visits[to_certain.len() - 1].after.as_ref().unwrap();
    assert_eq!(certain.certain(), Some(Class::Poor));
    // Before the members are in, nothing is said; with members, every class is still open.
    assert_eq!(visits[0].after, None);
    let members = visits.iter().position(|v| v.step == Step::Members).unwrap();
    assert!(visits[..members].iter().all(|v| v.after.is_none()));
}

/// Phiếu A's exclusion settles the class at once: not poor, on the exclusions screen.
#[test]
fn an_exclusion_settles_the_class_on_the_exclusions_screen() {
    let visits = walk(&household("phieu-a-excluded"));
    let to_certain = screens_to_certain(&visits);
    // Nothing is said before a member is entered: the first verdict is on the member list.
    assert!(to_certain.len() <= 6, "{to_certain:?}");
    let last = visits[to_certain.len() - 1].after.as_ref().unwrap();
    assert_eq!(last.certain(), Some(Class::NotPoor));
}

/// A walk's figures, printed (`cargo test -p mucsong-questionnaire walk_figures -- --nocapture`):
/// screens and answers to a settled class and to the check page.
#[test]
fn walk_figures() {
    for name in HOUSEHOLDS {
        let visits = walk(&household(name));
        let to_certain = screens_to_certain(&visits).len();
        let answers_to_certain: usize = visits[..to_certain].iter().map(|v| v.answered).sum();
        let answers: usize = visits.iter().map(|v| v.answered).sum();
        println!(
            "walk {name}: settled after {to_certain} screens ({answers_to_certain} answers); \
             {} screens ({answers} answers) to the check page",
            visits.len()
        );
    }
}

/// "Answer these" leads to the first screen asking an answer the class depends on, then the
/// next, and every answer the engine names is on some screen.
#[test]
fn answer_these_leads_to_each_deciding_question_in_turn() {
    let truth = household("lang-son-four");
    let mut draft = Draft::new("", mucsong_engine::date::Date::new(2026, 11, 16).unwrap());
    // Everything answered but the housing screen and the first member's first page (where his
    // schooling and work are asked).
    for visit in walk(&truth) {
        if visit.step == Step::Members {
            super::answer_members(&mut draft, &truth);
        }
        if matches!(
            visit.step,
            Step::Housing | Step::Member(0, crate::steps::MemberPage::Person)
        ) {
            continue;
        }
        answer_screen(&mut draft, visit.step, &truth);
    }
    let interim = interim(&draft).unwrap();
    assert!(interim.certain().is_none(), "{interim:?}");
    let all = screens(&draft);
    for path in &interim.depends_on {
        assert!(
            all.iter().any(|s| steps::fields(*s, &draft).contains(path)),
            "{path} is asked on no screen"
        );
    }
    // Each deciding answer leads to the screen that asks it.
    for path in &interim.depends_on {
        let step =
            screen_of(&draft, path).unwrap_or_else(|| panic!("{path}: {:?}", screens(&draft)));
        let here = if step == Step::Members {
            draft.answered_for_everyone(path)
        } else {
            steps::asked(step, &draft).contains(path)
        };
        assert!(here, "{path} on {step:?}");
    }
    assert_eq!(screen_of(&draft, "no.such.answer"), None);
    let (first, path) = next_deciding(&draft, None).unwrap();
    assert_eq!(
        first,
        Step::Member(0, crate::steps::MemberPage::Person),
        "{path}"
    );
    // With the work preset left unanswered, the work questions are asked one by one next.
    let (second, path) = next_deciding(&draft, Some(first)).unwrap();
    assert_eq!(
        second,
        Step::Member(0, crate::steps::MemberPage::Work),
        "{path}"
    );
    let (third, path) = next_deciding(&draft, Some(second)).unwrap();
    assert_eq!(third, Step::Housing, "{path}");
    assert!(path.starts_with("housing."), "{path}");
    // Answering them settles the class: nothing is left to lead to (the preset answers the
    // work questions, so the work page has nothing left to ask).
    answer_screen(&mut draft, first, &truth);
    assert_eq!(
        next_deciding(&draft, Some(first)).map(|(s, _)| s),
        Some(Step::Housing)
    );
    answer_screen(&mut draft, third, &truth);
    assert_eq!(next_deciding(&draft, None), None);
}
