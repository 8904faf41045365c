//! Provinces (as they were before the 2025 merger, which is how Phiếu B1's region columns are
//! defined) and the region each belongs to, read from `crates/rules/data/b1-urban-region-points.csv`.
//! The household picks its old province; the region follows.

use mucsong_engine::household::{Area, Region};
use std::sync::OnceLock;

/// One province of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    /// The province's name as written in the rule table (Vietnamese).
    pub name: String,
    /// The region column of the rule table this province is listed under.
    pub listed_region: Region,
}

/// The five centrally-run cities are listed under `centrally_run_city`; a rural household there
/// is scored in its city's geographic region (formats.md §1), which is this.
const CITY_GEOGRAPHIC_REGION: [(&str, Region); 5] = [
    ("Hà Nội", Region::RedRiverDelta),
    ("Hải Phòng", Region::RedRiverDelta),
    ("Đà Nẵng", Region::NorthCentralCentralCoast),
    ("Hồ Chí Minh", Region::Southeast),
    ("Cần Thơ", Region::MekongDelta),
];

/// Every province in the rule table, in table order (regions in B1 column order).
pub fn provinces() -> &'static [Province] {
    static LIST: OnceLock<Vec<Province>> = OnceLock::new();
    LIST.get_or_init(|| parse(include_str!("../../rules/data/b1-urban-region-points.csv")))
}

fn parse(csv_text: &str) -> Vec<Province> {
    // The file has one fixed shape, `region,points,"name; name; …"` (a test below checks this
    // reading against a full CSV reader), so plain splitting reads it: a CSV library would add its
    // whole reader to the app's download for seven lines.
    let mut out = Vec::new();
    for line in csv_text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        // The file is embedded and covered by the tests; a bad row is a build defect.
        let mut columns = line.splitn(3, ',');
        let region = columns
            .next()
            .and_then(Region::from_key)
            .expect("known region key");
        let names = columns
            .nth(1)
            .expect("b1-urban-region-points.csv has three columns")
            .trim()
            .trim_matches('"');
        for name in names.split(';') {
            out.push(Province {
                name: name.trim().to_string(),
                listed_region: region,
            });
        }
    }
    out
}

/// Finds a province by its exact name.
pub fn find(name: &str) -> Option<&'static Province> {
    provinces().iter().find(|p| p.name == name)
}

/// The region a household in `province` is scored in, given its area. Without an area the
/// region is known only when it does not depend on it (not a centrally-run city).
pub fn region_for(province: &Province, area: Option<Area>) -> Option<Region> {
    if province.listed_region != Region::CentrallyRunCity {
        return Some(province.listed_region);
    }
    match area? {
        Area::Urban => Some(Region::CentrallyRunCity),
        Area::Rural => CITY_GEOGRAPHIC_REGION
            .iter()
            .find(|(n, _)| *n == province.name)
            .map(|(_, r)| *r),
    }
}

/// Keeps the record's region in step with the chosen province and the area (the area may be
/// changed after the province). Without a province, the region is left as answered.
pub fn sync_region(draft: &mut crate::draft::Draft) {
    let Some(name) = draft.extra(crate::draft::PROVINCE).map(str::to_string) else {
        return;
    };
    let Some(province) = find(&name) else { return };
    let region = region_for(province, draft.record.area);
    draft.choose("region", region.map(Region::key));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_the_63_old_provinces_once_each() {
        let all = provinces();
        assert_eq!(all.len(), 63);
        let mut names: Vec<_> = all.iter().map(|p| p.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 63);
    }

    #[test]
    fn the_plain_reading_matches_a_csv_reader() {
        let mut reader = csv::Reader::from_reader(
            include_str!("../../rules/data/b1-urban-region-points.csv").as_bytes(),
        );
        let mut expected = Vec::new();
        for row in reader.records() {
            let row = row.unwrap();
            let region = Region::from_key(&row[0]).unwrap();
            for name in row[2].split(';') {
                expected.push((name.trim().to_string(), region));
            }
        }
        let read: Vec<_> = provinces()
            .iter()
            .map(|p| (p.name.clone(), p.listed_region))
            .collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn the_region_follows_the_province_and_the_area_in_cities() {
        let lao_cai = find("Lào Cai").unwrap();
        assert_eq!(
            region_for(lao_cai, Some(Area::Rural)),
            Some(Region::NorthernMidlandsMountains)
        );
        assert_eq!(
            region_for(lao_cai, None),
            Some(Region::NorthernMidlandsMountains)
        );
        let hanoi = find("Hà Nội").unwrap();
        assert_eq!(
            region_for(hanoi, Some(Area::Urban)),
            Some(Region::CentrallyRunCity)
        );
        assert_eq!(
            region_for(hanoi, Some(Area::Rural)),
            Some(Region::RedRiverDelta)
        );
        assert_eq!(region_for(hanoi, None), None);
        for (city, _) in CITY_GEOGRAPHIC_REGION {
            assert_eq!(
                find(city).unwrap().listed_region,
                Region::CentrallyRunCity,
                "{city}"
            );
        }
    }
}
