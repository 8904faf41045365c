//! The sheet readers (last year's list, the household details, a summary sheet with recorded
//! results) on arbitrary text:
//! they never panic, and a sheet written from known rows reads back as those rows.

use mucsong_commune::list::{HouseholdDetails, PreviousClass, PreviousList};
use mucsong_commune::sheet::read_summary_sheet;
use proptest::prelude::*;

const PREVIOUS_HEADER: &str = "id,village,area,class,members,earlier\n";
const DETAILS_HEADER: &str =
    "id,village,head_name,head_sex,head_birth_date,address,recorded_score_a,recorded_score_b,recorded_class\n";

const SHEET_HEADER: &str = "ma_ho;khu_vuc;so_nhan_khau;diem_a;viec_lam;phu_thuoc;dinh_duong;bhyt;giao_duc_nguoi_lon;di_hoc_tre_em;chat_luong_nha;dien_tich_nha;nuoc_sach;nha_tieu;internet;thiet_bi_thong_tin;diem_b;phan_loai\n";

proptest! {
    #[test]
    fn no_text_makes_a_reader_panic(body in any::<String>()) {
        let _ = PreviousList::from_csv(&body);
        let _ = PreviousList::from_csv(&format!("{PREVIOUS_HEADER}{body}"));
        let _ = HouseholdDetails::from_csv(&body);
        let _ = HouseholdDetails::from_csv(&format!("{DETAILS_HEADER}{body}"));
        let _ = read_summary_sheet(body.as_bytes());
        let _ = read_summary_sheet(format!("{SHEET_HEADER}{body}").as_bytes());
    }

    #[test]
    fn a_previous_list_reads_back_as_written(
        rows in prop::collection::vec(
            ("[a-z][a-z0-9-]{0,8}", "[A-Za-zÀ-ỹ ]{1,12}", 0usize..3, prop::option::of(1u32..30), prop::option::of(0usize..3)),
            0..20,
        )
    ) {
        let mut text = PREVIOUS_HEADER.to_string();
        for (id, village, class, members, earlier) in &rows {
            text.push_str(&format!(
                "{id},{village},rural,{},{},{}\n",
                PreviousClass::ALL[*class].key(),
                members.map_or(String::new(), |m| m.to_string()),
                earlier.map_or("", |e| PreviousClass::ALL[e].key()),
            ));
        }
        let list = PreviousList::from_csv(&text).expect("a well-formed list reads");
        prop_assert_eq!(list.entries.len(), rows.len());
        for (entry, (id, village, class, members, earlier)) in list.entries.iter().zip(&rows) {
            prop_assert_eq!(&entry.id, id);
            prop_assert_eq!(&entry.village, village.trim());
            prop_assert_eq!(entry.class, PreviousClass::ALL[*class]);
            prop_assert_eq!(entry.members, *members);
            prop_assert_eq!(entry.earlier, earlier.map(|e| PreviousClass::ALL[e]));
        }
    }
}
