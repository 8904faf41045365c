//! Laws of the forms on generated lists (proptest): Mẫu 7.2 and 7.3 always balance — end of year
//! = start − decreases + increases, households and (when nothing is left unplaced) persons —, and
//! Mẫu 7.1's classes, 6.1's lists and 7.4/7.6's totals agree with each other.

use mucsong_commune::forms::Forms;
use mucsong_commune::list::{
    Answers, CommuneList, ListHousehold, PreviousClass, PreviousEntry, PreviousList, Recorded,
};
use mucsong_engine::{Area, AssessOptions, Date, Indicator, SummaryRow};
use proptest::prelude::*;

/// A generated household: village 0–2, urban?, members, score A, deprivations, unknown last?,
/// last year: none (absent) or (class, members, earlier).
type Gen = (
    usize,
    bool,
    u32,
    i64,
    usize,
    bool,
    Option<(usize, u32, Option<usize>)>,
);

fn household() -> impl Strategy<Value = Gen> {
    (
        0usize..3,
        any::<bool>(),
        1u32..9,
        60i64..200,
        0usize..6,
        prop::bool::weighted(0.1),
        prop::option::weighted(0.85, (0usize..3, 1u32..9, prop::option::of(0usize..3))),
    )
}

fn build(households: &[Gen], departed: &[(usize, usize, u32)]) -> CommuneList {
    let mut list = Vec::new();
    let mut previous = Vec::new();
    for (i, (village, urban, members, score_a, n_deprived, unknown_last, before)) in
        households.iter().enumerate()
    {
        let id = format!("h{i}");
        let mut row = SummaryRow {
            id: Some(id.clone()),
            area: Some(if *urban { Area::Urban } else { Area::Rural }),
            members: Some(*members),
            score_a: Some(*score_a),
            ..SummaryRow::default()
        };
        for (k, indicator) in Indicator::TWELVE.iter().enumerate() {
            let value = if *unknown_last && k == 11 {
                None
            } else {
                Some(k < *n_deprived)
            };
            row.indicators.insert(*indicator, value);
        }
        list.push(ListHousehold {
            village: format!("V{village}"),
            head: Default::default(),
            answers: Answers::Summary(row),
            recorded: Recorded::default(),
        });
        if let Some((class, members, earlier)) = before {
            previous.push(PreviousEntry {
                id,
                village: format!("V{village}"),
                area: Some(if *urban { Area::Urban } else { Area::Rural }),
                class: PreviousClass::ALL[*class],
                members: Some(*members),
                earlier: earlier.map(|e| PreviousClass::ALL[e]),
            });
        }
    }
    for (i, (village, class, members)) in departed.iter().enumerate() {
        previous.push(PreviousEntry {
            id: format!("gone{i}"),
            village: format!("V{village}"),
            area: Some(Area::Rural),
            class: PreviousClass::ALL[*class],
            members: Some(*members),
            earlier: None,
        });
    }
    CommuneList {
        households: list,
        previous: Some(PreviousList { entries: previous }),
    }
}

proptest! {
    #[test]
    fn the_changes_always_balance_and_the_forms_agree(
        households in prop::collection::vec(household(), 0..40),
        departed in prop::collection::vec((0usize..3, 0usize..3, 1u32..9), 0..5),
    ) {
        let list = build(&households, &departed);
        let assessed = list.assess(&AssessOptions::default(), Date::new(2026, 11, 16).unwrap());
        let forms = Forms::new(&assessed);
        let results = forms.form_7_1();
        for (table, n_class) in [
            (forms.form_7_2().unwrap(), results.total.total.n_poor),
            (forms.form_7_3().unwrap(), results.total.total.n_near_poor),
        ] {
            for row in std::iter::once(&table.total.total)
                .chain(table.total.villages.iter().map(|(_, r)| r))
                .chain([&table.urban.total, &table.rural.total])
            {
                let h = row.households;
                prop_assert_eq!(
                    h[8] + h[1] + h[2] + h[3] + row.n_now_unclassified,
                    h[0] + h[4] + h[5] + h[6] + h[7] + row.n_previous_unknown
                );
                if row.n_now_unclassified == 0 && row.n_previous_unknown == 0 {
                    let p = row.persons.expect("every size is known");
                    prop_assert_eq!(p[8] + p[1] + p[2] + p[3], p[0] + p[4] + p[5] + p[6] + p[7]);
                }
            }
            prop_assert_eq!(table.total.total.households[8], n_class);
        }
        let lists = forms.form_6_1();
        let n_poor: usize = lists.iter().map(|l| l.poor.len()).sum();
        let n_near_poor: usize = lists.iter().map(|l| l.near_poor.len()).sum();
        prop_assert_eq!(n_poor as u64, results.total.total.n_poor);
        prop_assert_eq!(n_near_poor as u64, results.total.total.n_near_poor);
        prop_assert_eq!(forms.form_7_4().total.total.n_households, results.total.total.n_poor);
        prop_assert_eq!(forms.form_7_6().total.total.n_households, results.total.total.n_near_poor);
        // Every household is rural or urban here: the blocks add up to the total.
        prop_assert_eq!(
            results.urban.total.n_households + results.rural.total.n_households,
            results.total.total.n_households
        );
    }
}
