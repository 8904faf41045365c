//! Small hand-made lists of summary rows, for what the village does not show: urban and rural
//! blocks and several villages, households without a previous class, last year's sizes unknown,
//! cross-checks of recorded summary rows, duplicate ids, and a reduction target met or open.

use mucsong_commune::crosscheck::{cross_check, FlagKind, FlagValue};
use mucsong_commune::data::reduction_target;
use mucsong_commune::forms::Forms;
use mucsong_commune::list::{
    Answers, CommuneList, ListHousehold, PreviousClass, PreviousEntry, PreviousList, Recorded,
};
use mucsong_commune::reduction::{measure, ReductionStatus};
use mucsong_engine::{Area, AssessOptions, Class, Date, Indicator, SummaryRow};

fn on() -> Date {
    Date::new(2026, 11, 16).unwrap()
}

/// A summary row: `area`, `members`, score A, the first `n_deprived` indicators deprived and the
/// others not.
fn row(id: &str, area: Area, members: u32, score_a: i64, n_deprived: usize) -> SummaryRow {
    let mut r = SummaryRow {
        id: Some(id.to_string()),
        area: Some(area),
        members: Some(members),
        score_a: Some(score_a),
        ..SummaryRow::default()
    };
    for (i, indicator) in Indicator::TWELVE.iter().enumerate() {
        r.indicators.insert(*indicator, Some(i < n_deprived));
    }
    r
}

fn household(village: &str, row: SummaryRow, recorded: Recorded) -> ListHousehold {
    ListHousehold {
        village: village.to_string(),
        head: Default::default(),
        answers: Answers::Summary(row),
        recorded,
    }
}

fn entry(id: &str, village: &str, class: PreviousClass, members: Option<u32>) -> PreviousEntry {
    PreviousEntry {
        id: id.to_string(),
        village: village.to_string(),
        area: Some(Area::Rural),
        class,
        members,
        earlier: None,
    }
}

#[test]
fn blocks_by_area_and_village_add_up_and_unknown_areas_count_in_the_total_only() {
    let mut no_area = row("c1", Area::Rural, 2, 100, 3);
    no_area.area = None;
    let list = CommuneList {
        households: vec![
            household(
                "Bản A",
                row("a1", Area::Rural, 4, 100, 3),
                Recorded::default(),
            ),
            household(
                "Bản B",
                row("b1", Area::Urban, 3, 170, 1),
                Recorded::default(),
            ),
            household(
                "Bản A",
                row("a2", Area::Rural, 5, 150, 4),
                Recorded::default(),
            ),
            household("Bản B", no_area, Recorded::default()),
        ],
        previous: None,
    };
    let assessed = list.assess(&AssessOptions::default(), on());
    assert_eq!(assessed.villages, ["Bản A", "Bản B"]);
    let forms = Forms::new(&assessed);
    let t = forms.form_7_1();
    // a1 rural poor (100 ≤ 140, B 30); b1 urban near-poor (170 ≤ 175, B 10); a2 neither (150 >
    // 140); c1 area unknown: 100 is under both lines and B 30, so poor whatever the area.
    assert_eq!((t.rural.total.n_households, t.rural.total.n_poor), (2, 1));
    assert_eq!(
        (t.urban.total.n_households, t.urban.total.n_near_poor),
        (1, 1)
    );
    assert_eq!(t.total.total.n_households, 4);
    assert_eq!(t.total.total.n_poor, 2);
    assert_eq!(t.total.total.n_persons, 14);
    let villages: Vec<_> = t
        .total
        .villages
        .iter()
        .map(|(v, r)| (v.as_str(), r.n_households))
        .collect();
    assert_eq!(villages, [("Bản A", 2), ("Bản B", 2)]);
    let urban: Vec<_> = t.urban.villages.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(urban, ["Bản B"]);
    assert_eq!(t.rural.total.poor_rate().percent(), Some(50.0));
    // Without last year's list there are no changes to report, and no households leaving.
    assert!(forms.form_7_2().is_none() && forms.form_7_3().is_none() && forms.form_6_2().is_none());
    assert!(measure(&assessed, reduction_target("province").unwrap()).is_none());
    // Summary rows have no members: Mẫu 7.11 counts them apart.
    assert_eq!(forms.form_7_11().total.n_households_without_members, 3);
}

#[test]
fn previous_unknown_and_last_year_s_size_unknown_are_counted_apart() {
    let mut no_id = row("", Area::Rural, 4, 100, 3);
    no_id.id = None;
    let list = CommuneList {
        households: vec![
            household("A", row("p1", Area::Rural, 4, 100, 3), Recorded::default()),
            household("A", no_id, Recorded::default()),
        ],
        previous: Some(PreviousList {
            entries: vec![entry("p1", "A", PreviousClass::Poor, None)],
        }),
    };
    let assessed = list.assess(&AssessOptions::default(), on());
    let t = Forms::new(&assessed).form_7_2().unwrap();
    assert_eq!(t.total.total.households, [1, 0, 0, 0, 0, 0, 0, 0, 2]);
    assert_eq!(t.total.total.n_previous_unknown, 1);
    assert_eq!(
        t.total.total.persons, None,
        "p1's size last year is unknown"
    );
}

#[test]
fn recorded_summary_rows_are_checked_against_their_own_scores_and_ids_are_unique() {
    let list = CommuneList {
        households: vec![
            // Recorded near-poor, but A 120 with 3 deprivations is poor; B recorded 20 for 3.
            household(
                "A",
                row("r1", Area::Rural, 4, 120, 3),
                Recorded {
                    score_a: None,
                    score_b: Some(20),
                    class: Some(Class::NearPoor),
                },
            ),
            // Urban 172: within 5 of 175; recorded class right.
            household(
                "A",
                row("r2", Area::Urban, 2, 172, 0),
                Recorded {
                    class: Some(Class::NearPoor),
                    ..Recorded::default()
                },
            ),
            household("A", row("r1", Area::Rural, 3, 200, 0), Recorded::default()),
        ],
        previous: None,
    };
    let assessed = list.assess(&AssessOptions::default(), on());
    let flags = cross_check(&list, &assessed);
    let kinds: Vec<_> = flags.iter().map(|f| (f.household, f.kind)).collect();
    assert_eq!(
        kinds,
        [
            (0, FlagKind::ClassNotFromScores),
            (0, FlagKind::ScoreBNotFromIndicators),
            (1, FlagKind::ScoreANearLine),
            (2, FlagKind::DuplicateId),
        ]
    );
    assert_eq!(
        flags[2].values,
        [
            ("score_a", FlagValue::Int(172)),
            ("line", FlagValue::Int(175)),
            ("distance", FlagValue::Int(-3)),
            ("margin", FlagValue::Int(5)),
        ]
    );
    assert_eq!(flags[3].values, [("first_household", FlagValue::Int(0))]);
}

/// `n` households of which `poor` are poor (A 100, B 30) and the others near-poor (A 100, B 0).
fn village_of(n: usize, poor: usize, undetermined: usize) -> Vec<ListHousehold> {
    (0..n)
        .map(|i| {
            let mut r = row(
                &format!("h{i}"),
                Area::Rural,
                3,
                100,
                if i < poor { 3 } else { 0 },
            );
            if i >= poor && i < poor + undetermined {
                // Two deprived, one unknown: poor or near-poor.
                r = row(&format!("h{i}"), Area::Rural, 3, 100, 2);
                r.indicators.insert(Indicator::TWELVE[11], None);
            }
            household("A", r, Recorded::default())
        })
        .collect()
}

fn previous_of(n: usize, poor: usize) -> PreviousList {
    PreviousList {
        entries: (0..n)
            .map(|i| {
                let class = if i < poor {
                    PreviousClass::Poor
                } else {
                    PreviousClass::NearPoor
                };
                entry(&format!("h{i}"), "A", class, Some(3))
            })
            .collect(),
    }
}

#[test]
fn the_reduction_target_is_met_missed_or_open_on_exact_counts() {
    let status = |poor_before, poor_now, undetermined, key| {
        let list = CommuneList {
            households: village_of(100, poor_now, undetermined),
            previous: Some(previous_of(100, poor_before)),
        };
        let assessed = list.assess(&AssessOptions::default(), on());
        measure(&assessed, reduction_target(key).unwrap())
            .unwrap()
            .status
    };
    // 20 % → 17 %: exactly 3 points, enough for "at least 3", not for "more than 5".
    assert_eq!(status(20, 17, 0, "province"), ReductionStatus::Met);
    assert_eq!(status(20, 18, 0, "province"), ReductionStatus::NotMet);
    assert_eq!(status(20, 15, 0, "poor_district"), ReductionStatus::NotMet);
    assert_eq!(status(20, 14, 0, "poor_district"), ReductionStatus::Met);
    // 16 known poor and 2 that may be: 4 points, or only 2.
    assert_eq!(status(20, 16, 2, "province"), ReductionStatus::Unknown);
    assert_eq!(status(20, 16, 1, "province"), ReductionStatus::Met);
}

#[test]
fn a_sheet_with_recorded_results_is_cross_checked_row_by_row() {
    use mucsong_commune::list::HouseholdDetails;
    use mucsong_commune::sheet::read_summary_sheet;
    // h1: A 120 and 3 deprivations is poor, recorded near-poor with B 20. h2: recorded as its
    // answers give (A 150: neither). h3: a class nobody can read.
    let text = "id,area,members,score_a,employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality,housing_area,water,sanitation,internet,information_devices,score_b,class\n\
        h1,rural,4,120,1,1,1,0,0,0,0,0,0,0,0,0,20,near_poor\n\
        h2,rural,3,150,0,0,0,0,0,0,0,0,0,0,0,0,0,not_poor\n\
        h3,rural,3,100,0,0,0,0,0,0,0,0,0,0,0,0,0,rich\n";
    let rows = read_summary_sheet(text.as_bytes()).unwrap();
    let unreadable: Vec<_> = rows
        .iter()
        .filter(|r| r.answers.is_err())
        .map(|r| r.line)
        .collect();
    assert_eq!(unreadable, [4]);
    let details = HouseholdDetails::from_csv(
        "id,village,head_name,head_sex,head_birth_date,address,recorded_score_a,recorded_score_b,recorded_class\nh1,Bản A,Lò Văn Páo,male,1970,,,,\n",
    )
    .unwrap();
    let list = CommuneList::from_parts(
        rows.iter().filter_map(|r| r.household()).collect(),
        &details,
        None,
    );
    assert_eq!(list.households[0].village, "Bản A");
    assert_eq!(list.households[1].village, "");
    let assessed = list.assess(&AssessOptions::default(), on());
    let flags = cross_check(&list, &assessed);
    let kinds: Vec<_> = flags.iter().map(|f| (f.household, f.kind)).collect();
    assert_eq!(
        kinds,
        [
            (0, FlagKind::ClassNotFromScores),
            (0, FlagKind::ScoreBNotFromIndicators)
        ]
    );
    assert_eq!(
        flags[0].values,
        [
            ("recorded", FlagValue::Key("near_poor")),
            ("computed", FlagValue::Key("poor"))
        ]
    );
}
