//! The household being answered: the record (`mucsong/household@1`) plus what the record cannot
//! hold — the text exactly as typed (kept even when it does not parse, so nothing typed is ever
//! lost), which answers were "don't know", and UI-only answers such as the chosen province.

use crate::fields::{self, Answer, FieldError, FieldKind, ParseContext};
use crate::number::{self, SaoSize};
use mucsong_engine::date::Date;
use mucsong_engine::household::{HouseholdRecord, Member, HOUSEHOLD_SCHEMA};
use mucsong_engine::rules::{edition_for, rules};

/// UI-only answer: the old province chosen (the record keeps only the region).
pub const PROVINCE: &str = "province";
/// UI-only answer: how income is given — `monthly`, `sources` or `unknown`.
pub const INCOME_MODE: &str = "income_mode";
/// UI-only answer: the sào the household counts land in (`SaoSize::key`), when they chose one;
/// without it, the sào usual in their region (`Draft::sao_size`).
pub const SAO: &str = "sao";

/// The member questions that often have one answer for the whole household, offered once on the
/// member list: the field and the answers offered for everyone ("everyone has it", "no one has
/// it"). Asked of each person otherwise.
pub const SAME_FOR_EVERYONE: [(&str, &[&str]); 6] = [
    ("health_insurance", &["true", "false"]),
    ("uses_internet", &["true", "false"]),
    ("vocational_training", &["none"]),
    ("monthly_social_allowance", &["none"]),
    ("pension", &["none"]),
    ("critical_illness", &["false"]),
];

/// One household's answers in progress.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// The name the volunteer gave this household on the device (never exported as personal data
    /// unless they choose it as the id).
    pub name: String,
    /// Where the person stopped (`Step::key`).
    pub step: String,
    pub record: HouseholdRecord,
    /// Text as typed, by field path, and UI-only answers.
    pub raw: TextMap,
    /// Paths answered "don't know".
    pub dont_know: PathSet,
}

/// A set of answer paths, sorted (saved as a JSON array of strings: mucsong_formats::envelope).
///
/// `PathSet` and `TextMap` are sorted `Vec`s rather than B-trees because each B-tree type is a
/// whole copy of the B-tree code in the app's download, for collections that hold a few dozen
/// entries at most.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PathSet(Vec<String>);

impl PathSet {
    /// Where `path` is, or where it would go.
    fn find(&self, path: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|p| p.as_str().cmp(path))
    }

    /// Whether `path` is in the set.
    pub fn contains(&self, path: &str) -> bool {
        self.find(path).is_ok()
    }

    /// Adds `path`; false if it was already there.
    pub fn insert(&mut self, path: String) -> bool {
        match self.find(&path) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, path);
                true
            }
        }
    }

    /// Removes `path`; false if it was not there.
    pub fn remove(&mut self, path: &str) -> bool {
        match self.find(path) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The paths in order.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.iter()
    }
}

/// Texts by answer path, sorted by path (saved as a JSON object of strings); see `PathSet` for why
/// it is not a B-tree.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextMap(Vec<(String, String)>);

impl TextMap {
    /// Where `path` is, or where it would go.
    fn find(&self, path: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(p, _)| p.as_str().cmp(path))
    }

    /// The text stored for `path`.
    pub fn get(&self, path: &str) -> Option<&String> {
        self.find(path).ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.find(path).is_ok()
    }

    /// Stores `text` for `path`, returning the text it replaces.
    pub fn insert(&mut self, path: String, text: String) -> Option<String> {
        match self.find(&path) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, text)),
            Err(at) => {
                self.0.insert(at, (path, text));
                None
            }
        }
    }

    /// Removes `path`, returning its text.
    pub fn remove(&mut self, path: &str) -> Option<String> {
        self.find(path).ok().map(|at| self.0.remove(at).1)
    }

    /// The paths in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(path, _)| path)
    }
}

impl IntoIterator for TextMap {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl TextMap {
    /// The entries in path order.
    pub fn as_slice(&self) -> &[(String, String)] {
        &self.0
    }
}

/// Entries in any order; a repeated path keeps its last text, as a map would.
impl FromIterator<(String, String)> for TextMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(entries: I) -> Self {
        let mut map = TextMap::default();
        for (path, text) in entries {
            map.insert(path, text);
        }
        map
    }
}

impl IntoIterator for PathSet {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl PathSet {
    /// The paths in order.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

/// Paths in any order, repeats ignored.
impl FromIterator<String> for PathSet {
    fn from_iter<I: IntoIterator<Item = String>>(paths: I) -> Self {
        let mut set = PathSet::default();
        for path in paths {
            set.insert(path);
        }
        set
    }
}

/// Where an item of "which of these does the household have?" stands (`fields::is_tick_count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holding {
    /// Not seen yet: the list was not confirmed (unknown in the record).
    Unseen,
    /// Ticked: the household has it; the count is asked (1 unless changed).
    Have,
    /// Not ticked on a list the person confirmed: none (0 in the record).
    HaveNone,
    /// "Không biết", chosen for this item (unknown in the record).
    DontKnow,
}

/// The marker (in `Draft::raw`) of a ticked item, so that a ticked item whose count box was
/// emptied stays ticked.
fn tick_marker(path: &str) -> String {
    format!("have:{path}")
}

/// The marker (in `Draft::raw`) of the choice a person made where several choices stand for one
/// key of the record (the materials: "Tấm fibrô xi măng" is the roof's `other`).
fn option_marker(path: &str) -> String {
    format!("option:{path}")
}

/// The edition of the standard that applies on a date (standard.md §1), from the rule data's
/// edition dates. A date outside every edition (a validation problem the result page reports)
/// gets the nearest edition: the first before it, the last after it.
pub fn edition_on(date: Date) -> &'static str {
    if let Some(edition) = edition_for(date) {
        return edition.key;
    }
    let editions = &rules().editions.0;
    match editions.first() {
        Some(first) if date < first.since => first.key,
        _ => editions.last().map_or("", |last| last.key),
    }
}

impl Draft {
    /// A new, empty household assessed on `assessed_on`.
    pub fn new(name: &str, assessed_on: Date) -> Draft {
        Draft {
            name: name.to_string(),
            step: "intro".to_string(),
            record: HouseholdRecord {
                schema: Some(HOUSEHOLD_SCHEMA.to_string()),
                assessed_on: Some(assessed_on.to_string()),
                ..Default::default()
            },
            raw: TextMap::default(),
            dont_know: PathSet::default(),
        }
    }

    /// Nothing answered, typed or named yet: a household started and left at once, which is not
    /// worth keeping in the saved list.
    pub fn is_untouched(&self) -> bool {
        self.name.trim().is_empty()
            && self.raw.as_slice().is_empty()
            && self.dont_know.is_empty()
            && self.record.members.as_ref().is_none_or(Vec::is_empty)
            && fields::SPECS
                .iter()
                // The assessment date is set when a household is started.
                .filter(|spec| !spec.pattern.contains("[]") && spec.pattern != "assessed_on")
                .all(|spec| self.answer(spec.pattern).is_none())
    }

    /// The assessment date, if set and valid.
    pub fn assessed_on(&self) -> Option<Date> {
        self.record
            .assessed_on
            .as_deref()
            .and_then(|s| Date::parse(s).ok())
    }

    /// The edition for the assessment date (the first edition in the rule data when no date is
    /// set).
    pub fn edition(&self) -> &'static str {
        match self.assessed_on() {
            Some(date) => edition_on(date),
            None => rules().editions.0.first().map_or("", |e| e.key),
        }
    }

    /// Number of members entered.
    pub fn n_members(&self) -> usize {
        self.record.members.as_ref().map_or(0, Vec::len)
    }

    /// The answer stored at `path` (`members[2].height_cm`), read in place through the record's
    /// field API; `None` when unanswered, unknown, or not a place in the record.
    pub fn answer(&self, path: &str) -> Option<Answer> {
        if let Some(i) = fields::work_preset_member(path) {
            return self.work_preset(i).map(Answer::Key);
        }
        self.record.get_at(path).and_then(fields::read)
    }

    /// The text to show in the field's input: as typed if typed, else the stored answer.
    pub fn text(&self, path: &str) -> String {
        if let Some(raw) = self.raw.get(path) {
            return raw.clone();
        }
        match (fields::spec(path), self.answer(path)) {
            (Some(spec), Some(answer)) => fields::display_value(spec.kind, &answer),
            _ => String::new(),
        }
    }

    /// Whether `path` was answered "don't know".
    pub fn is_dont_know(&self, path: &str) -> bool {
        self.dont_know.contains(path)
    }

    /// Whether `path` has an answer (a value, "don't know", or typed text still to be fixed).
    pub fn is_answered(&self, path: &str) -> bool {
        self.answer(path).is_some()
            || self.is_dont_know(path)
            || self.raw.get(path).is_some_and(|t| !t.trim().is_empty())
    }

    /// Puts an answer (`None`: unknown) in its place in the record; false when the record has no
    /// such place or the place cannot hold it (it is then unknown). Callers keep the text of a
    /// refused answer in `raw`, where `error` reports it.
    fn store(&mut self, path: &str, answer: Option<&Answer>) -> bool {
        match self.record.slot_at(path) {
            Some(place) => fields::store(place, answer),
            None => false,
        }
    }

    /// The sào land is counted in: the one the household chose, else the one usual in its
    /// region (none in the south, where land is counted in công, nor without a region).
    pub fn sao_size(&self) -> Option<SaoSize> {
        match self.extra(SAO) {
            Some(key) => SaoSize::from_key(key),
            None => self
                .choice("region")
                .and_then(|region| SaoSize::usual_in_region(&region)),
        }
    }

    /// Sets the household's sào (`None`: the one usual in its region) and reads land typed in
    /// sào or mẫu again with it.
    pub fn set_sao(&mut self, sao: Option<SaoSize>) {
        self.set_extra(SAO, sao.map(SaoSize::key));
        self.reread_numbers();
    }

    /// Reads typed text for a field of `kind`: numbers through `number::read` (land with the
    /// household's sào), the rest through `fields::parse_text`.
    fn parse(
        &self,
        kind: FieldKind,
        text: &str,
        ctx: &ParseContext,
    ) -> Result<Option<Answer>, FieldError> {
        match fields::number_kind(kind, self.sao_size()) {
            Some(kind) => Ok(fields::parse_number(&kind, text)?.map(|(answer, _)| answer)),
            None => fields::parse_text(kind, text, ctx),
        }
    }

    /// What a numeric field's text was read as, to show beside it (`= 1 000 m²`); `None` when
    /// it is empty, does not read, is "don't know" or the field is not a number.
    pub fn echo(&self, path: &str) -> Option<String> {
        if self.is_dont_know(path) {
            return None;
        }
        let kind = fields::number_kind(fields::spec(path)?.kind, self.sao_size())?;
        fields::parse_number(&kind, &self.text(path))
            .ok()
            .flatten()
            .map(|(_, echo)| echo)
    }

    /// Whether the land typed for `path` is counted in sào or mẫu (the page then offers the
    /// choice of sào beside it).
    pub fn mentions_sao(&self, path: &str) -> bool {
        matches!(fields::spec(path), Some(spec) if spec.kind == FieldKind::Land)
            && self
                .raw
                .get(path)
                .is_some_and(|text| number::mentions_sao(text))
    }

    /// Reads every numeric field's typed text again, so that the record holds what the number
    /// reader reads in it now: after the household's sào or region changed, and for drafts
    /// saved before the reader (which kept `1.000` m² as 1). "Don't know" answers stay unknown;
    /// text that no longer reads makes its value unknown and is reported (`error`).
    pub fn reread_numbers(&mut self) {
        let sao = self.sao_size();
        let typed: Vec<(String, String)> = self
            .raw
            .as_slice()
            .iter()
            .filter(|(path, _)| !self.dont_know.contains(path))
            .cloned()
            .collect();
        for (path, text) in typed {
            let Some(kind) =
                fields::spec(&path).and_then(|spec| fields::number_kind(spec.kind, sao))
            else {
                continue;
            };
            let answer = fields::parse_number(&kind, &text).ok().flatten();
            self.store(&path, answer.as_ref().map(|(answer, _)| answer));
        }
    }

    /// Takes typed text for a field: the text is always kept; the record gets the value when it
    /// is valid, or unknown when it is empty, invalid or cannot be stored. Returns the error the
    /// field then shows (`error`).
    pub fn input(&mut self, path: &str, text: &str, ctx: &ParseContext) -> Result<(), FieldError> {
        let Some(spec) = fields::spec(path) else {
            return Ok(());
        };
        self.raw.insert(path.to_string(), text.to_string());
        self.dont_know.remove(path);
        let parsed = self.parse(spec.kind, text, ctx);
        let is_stored = self.store(path, parsed.as_ref().ok().and_then(Option::as_ref));
        match parsed {
            Err(error) => Err(error),
            Ok(Some(_)) if !is_stored => Err(fields::refusal(spec.kind, text.trim())),
            Ok(_) => Ok(()),
        }
    }

    /// The error of the text typed for `path`, if any: text that does not parse, or an answer the
    /// record does not hold (it could not be stored there), so that nothing typed disappears
    /// without a word. A "don't know" answer hides the typed text on purpose and is not an error
    /// for that.
    pub fn error(&self, path: &str, ctx: &ParseContext) -> Option<FieldError> {
        let spec = fields::spec(path)?;
        let raw = self.raw.get(path);
        // Land ticked as used, with no area typed: the area is asked, not assumed.
        if spec.kind == FieldKind::Land
            && self.raw.contains_key(&tick_marker(path))
            && raw.is_none_or(|t| t.trim().is_empty())
            && self.answer(path).is_none()
            && !self.is_dont_know(path)
        {
            return Some(FieldError::new("land_area_needed", ""));
        }
        let raw = raw?;
        match self.parse(spec.kind, raw, ctx) {
            Err(error) => Some(error),
            Ok(None) => None,
            Ok(Some(_)) if self.is_dont_know(path) => None,
            Ok(Some(answer)) => (self.answer(path).as_ref() != Some(&answer))
                .then(|| fields::refusal(spec.kind, raw.trim())),
        }
    }

    /// Sets a choice or yes/no answer (`Some("brick_stone")`, `Some("true")`), or clears it. A key
    /// the field does not have is kept as typed text, and the field reports it (`error`).
    pub fn choose(&mut self, path: &str, key: Option<&str>) {
        if let Some(i) = fields::work_preset_member(path) {
            return self.set_work_preset(i, key);
        }
        let Some(spec) = fields::spec(path) else {
            return;
        };
        self.dont_know.remove(path);
        let Some(key) = key else {
            self.raw.remove(path);
            self.store(path, None);
            self.region_changed(path);
            return;
        };
        let answer = fields::parse_choice(spec.kind, key);
        if self.store(path, answer.as_ref()) && answer.is_some() {
            self.raw.remove(path);
        } else {
            self.raw.insert(path.to_string(), key.to_string());
        }
        self.region_changed(path);
    }

    /// After the region's answer changed: land in sào follows the sào usual there.
    fn region_changed(&mut self, path: &str) {
        if path == "region" && self.extra(SAO).is_none() {
            self.reread_numbers();
        }
    }

    /// Marks `path` as "don't know" (its value becomes unknown; typed text is kept so that
    /// unticking gives it back) or unmarks it.
    pub fn set_dont_know(&mut self, path: &str, dont_know: bool, ctx: &ParseContext) {
        if dont_know {
            self.dont_know.insert(path.to_string());
            self.store(path, None);
        } else {
            self.dont_know.remove(path);
            if let Some(text) = self.raw.get(path).cloned() {
                let _ = self.input(path, &text, ctx);
            }
        }
        self.region_changed(path);
    }

    /// The current choice at `path` as a key (`"brick_stone"`, `"true"`), if any.
    pub fn choice(&self, path: &str) -> Option<String> {
        match self.answer(path)? {
            Answer::Key(key) => Some(key.to_string()),
            Answer::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The choice shown as made at `path` (`fields::options`' keys): the person's own choice
    /// when it stands for the record's answer, else the record's key itself.
    pub fn option(&self, path: &str) -> Option<String> {
        let key = self.choice(path)?;
        match self.raw.get(&option_marker(path)) {
            Some(own) if fields::record_key(path, own) == Some(key.as_str()) => Some(own.clone()),
            _ => Some(key),
        }
    }

    /// Makes a choice shown for `path` (`fields::options`): the record gets the key it stands
    /// for, and the choice itself is kept when it is not that key.
    pub fn choose_option(&mut self, path: &str, option: &str) {
        let record = fields::record_key(path, option).unwrap_or(option);
        self.choose(path, Some(record));
        if record == option {
            self.raw.remove(&option_marker(path));
        } else {
            self.raw.insert(option_marker(path), option.to_string());
        }
    }

    /// The work preset shown as chosen for member `i` (`fields::WORK_PRESETS`): the one chosen,
    /// while the four work answers are still its own; `WORK_DETAIL` when the person chose to
    /// answer each question, or changed one of them, or answered them without a preset; `None`
    /// before any of this.
    pub fn work_preset(&self, i: usize) -> Option<&'static str> {
        let now = fields::WORK_FIELDS.map(|f| self.choice(&format!("members[{i}].{f}")));
        let chosen = self.raw.get(&format!("members[{i}].work_preset"));
        let matches = |values: &[&str; 4]| {
            values
                .iter()
                .zip(&now)
                .all(|(v, n)| n.as_deref() == Some(*v))
        };
        match fields::WORK_PRESETS
            .iter()
            .find(|(key, _)| Some(*key) == chosen.map(String::as_str))
        {
            Some((key, values)) if matches(values) => Some(key),
            _ if chosen.is_some() || now.iter().any(Option::is_some) => Some(fields::WORK_DETAIL),
            _ => None,
        }
    }

    /// Chooses member `i`'s work preset: a preset answers the four work questions at once (each
    /// still changeable, which makes it `WORK_DETAIL`); `WORK_DETAIL` keeps the answers and asks
    /// each question; `None` takes the choice back (the answers stay).
    pub fn set_work_preset(&mut self, i: usize, key: Option<&str>) {
        let marker = format!("members[{i}].work_preset");
        match key {
            Some(key) => {
                if let Some((_, values)) = fields::WORK_PRESETS.iter().find(|(k, _)| *k == key) {
                    for (field, value) in fields::WORK_FIELDS.iter().zip(values) {
                        self.choose(&format!("members[{i}].{field}"), Some(value));
                    }
                }
                self.raw.insert(marker, key.to_string());
            }
            None => {
                self.raw.remove(&marker);
            }
        }
    }

    /// "The same for everyone" on the member list: `field` of every member set to `key` in one
    /// tap (`SAME_FOR_EVERYONE`); each person's pages then leave it out while it stands
    /// (`answered_for_everyone`), and the check page shows it, to change there.
    pub fn set_for_everyone(&mut self, field: &str, key: &str) {
        for i in 0..self.n_members() {
            self.choose(&format!("members[{i}].{field}"), Some(key));
        }
        self.raw.insert(format!("all:{field}"), key.to_string());
    }

    /// Whether a member's answer at `path` is the one given for everyone on the member list (the
    /// person's own pages then do not ask it again; the check page shows it, to change there).
    pub fn answered_for_everyone(&self, path: &str) -> bool {
        let Some((_, field)) = path.split_once("].") else {
            return false;
        };
        let all = self.raw.get(&format!("all:{field}"));
        all.is_some() && self.choice(path).as_ref() == all
    }

    /// "No one has any of these" on the member list: every question of `SAME_FOR_EVERYONE` that
    /// offers only a "no one" answer (a qualification, an allowance, a pension, a serious
    /// illness) answered so for everyone in one tap; each can still be changed, here or per person.
    pub fn set_none_for_everyone(&mut self) {
        for (field, keys) in SAME_FOR_EVERYONE {
            if let [key] = keys {
                self.set_for_everyone(field, key);
            }
        }
    }

    /// The answer every member has for `field`, when they all have the same one.
    pub fn same_for_everyone(&self, field: &str) -> Option<String> {
        let mut keys = (0..self.n_members()).map(|i| self.choice(&format!("members[{i}].{field}")));
        let first = keys.next()??;
        keys.all(|k| k.as_deref() == Some(first.as_str()))
            .then_some(first)
    }

    /// "None of these" on a screen of yes/no questions (Phiếu A's exclusions): every question
    /// `step` asks is answered "Không" in one tap; each can still be changed on its own.
    pub fn answer_none(&mut self, step: crate::steps::Step) {
        for path in crate::steps::fields(step, self) {
            if matches!(fields::spec(&path).map(|s| s.kind), Some(FieldKind::YesNo)) {
                self.choose(&path, Some("false"));
            }
        }
    }

    /// Where a checklist item stands: see `Holding`.
    pub fn holding(&self, path: &str) -> Holding {
        if self.is_dont_know(path) {
            return Holding::DontKnow;
        }
        let typed = self.raw.get(path).is_some_and(|t| !t.trim().is_empty());
        match self.answer(path) {
            _ if self.raw.contains_key(&tick_marker(path)) => Holding::Have,
            Some(Answer::Count(0) | Answer::Bool(false)) => Holding::HaveNone,
            Some(Answer::Number(0.0)) => Holding::HaveNone,
            Some(_) => Holding::Have,
            // Text that does not read as a count (an older number box's) is shown, ticked.
            None if typed => Holding::Have,
            None => Holding::Unseen,
        }
    }

    /// Ticks, unticks or marks "Không biết" a checklist item. Ticking an item without a count
    /// gives it 1; unticking makes it 0; "Không biết" makes it unknown (a count typed earlier
    /// is kept, so ticking again gives it back).
    pub fn set_holding(&mut self, path: &str, holding: Holding, ctx: &ParseContext) {
        let marker = tick_marker(path);
        match holding {
            Holding::Have => {
                self.set_dont_know(path, false, ctx);
                self.raw.insert(marker, "1".to_string());
                let typed = self.raw.get(path).is_some_and(|t| !t.trim().is_empty());
                if !typed && self.holding_none(path) {
                    // One of it, or yes; land waits for its area.
                    self.raw.remove(path);
                    self.store(path, fields::ticked(path).as_ref());
                }
            }
            Holding::DontKnow => {
                self.raw.remove(&marker);
                self.set_dont_know(path, true, ctx);
            }
            Holding::HaveNone | Holding::Unseen => {
                self.raw.remove(&marker);
                self.raw.remove(path);
                self.dont_know.remove(path);
                let none = (holding == Holding::HaveNone).then(|| fields::unticked(path));
                self.store(path, none.flatten().as_ref());
            }
        }
    }

    /// Whether a checklist item's answer is none of it (0, 0 m², no) or missing.
    fn holding_none(&self, path: &str) -> bool {
        match self.answer(path) {
            None | Some(Answer::Count(0) | Answer::Bool(false)) => true,
            Some(Answer::Number(n)) => n == 0.0,
            Some(_) => false,
        }
    }

    /// The person has seen the checklist items among `paths` (Continue, or Done on the check
    /// page): what is not ticked is 0, what is ticked without a count is 1, and a ticked 0 is
    /// unticked. "Không biết" stays unknown.
    pub fn confirm_checklist(&mut self, paths: &[String], ctx: &ParseContext) {
        for path in paths.iter().filter(|p| fields::is_tick_count(p)) {
            match self.holding(path) {
                Holding::Unseen => self.set_holding(path, Holding::HaveNone, ctx),
                Holding::Have if self.answer(path).is_some() && self.holding_none(path) => {
                    self.set_holding(path, Holding::HaveNone, ctx)
                }
                Holding::Have
                    if self.answer(path).is_none()
                        && self.raw.get(path).is_none_or(|t| t.trim().is_empty()) =>
                {
                    // Ticked without a count: one (land has no such default; `error` asks its area).
                    self.raw.remove(path);
                    self.store(path, fields::ticked(path).as_ref());
                }
                _ => {}
            }
        }
    }

    /// A UI-only answer (province, income mode).
    pub fn extra(&self, key: &str) -> Option<&str> {
        self.raw.get(key).map(String::as_str)
    }

    /// Sets or clears a UI-only answer.
    pub fn set_extra(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.raw.insert(key.to_string(), v.to_string()),
            None => self.raw.remove(key),
        };
    }

    /// Appends `n` empty members (the household's size, picked in one tap on an empty list).
    pub fn add_members(&mut self, n: usize) {
        for _ in 0..n {
            self.add_member();
        }
    }

    /// Appends an empty member and returns its index.
    pub fn add_member(&mut self) -> usize {
        let members = self.record.members.get_or_insert_with(Vec::new);
        members.push(Member::default());
        members.len() - 1
    }

    /// Removes member `index`, renumbering the typed text and "don't know" marks of those after it.
    pub fn remove_member(&mut self, index: usize) {
        let Some(members) = self.record.members.as_mut() else {
            return;
        };
        if index >= members.len() {
            return;
        }
        members.remove(index);
        let renumber = |key: &str| -> Option<String> {
            let rest = key.strip_prefix("members[")?;
            let (number, tail) = rest.split_once(']')?;
            let n: usize = number.parse().ok()?;
            match n.cmp(&index) {
                std::cmp::Ordering::Less => Some(key.to_string()),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(format!("members[{}]{}", n - 1, tail)),
            }
        };
        let is_member = |k: &str| k.starts_with("members[");
        let mut raw = TextMap::default();
        for (k, v) in std::mem::take(&mut self.raw) {
            let k = if is_member(&k) { renumber(&k) } else { Some(k) };
            if let Some(k) = k {
                raw.insert(k, v);
            }
        }
        self.raw = raw;
        let mut dont_know = PathSet::default();
        for k in std::mem::take(&mut self.dont_know) {
            let k = if is_member(&k) { renumber(&k) } else { Some(k) };
            if let Some(k) = k {
                dont_know.insert(k);
            }
        }
        self.dont_know = dont_know;
    }

    /// Fields with typed text that does not parse (path and error), for the check page.
    pub fn invalid_fields(&self, ctx: &ParseContext) -> Vec<(String, FieldError)> {
        self.raw
            .keys()
            .filter_map(|path| self.error(path, ctx).map(|e| (path.clone(), e)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> ParseContext {
        ParseContext {
            assessed_on: Date::parse("2026-06-01").unwrap(),
            today: Date::parse("2026-11-27").unwrap(),
        }
    }

    fn draft() -> Draft {
        Draft::new("Nhà bà Lan", Date::parse("2026-06-01").unwrap())
    }

    /// One tap gives everyone the same answer; the state shows only when all agree.
    #[test]
    fn the_same_answer_for_everyone_in_one_tap() {
        let mut d = draft();
        for _ in 0..3 {
            d.add_member();
        }
        assert_eq!(d.same_for_everyone("health_insurance"), None);
        for (field, keys) in SAME_FOR_EVERYONE {
            for key in keys {
                d.set_for_everyone(field, key);
                assert_eq!(d.same_for_everyone(field).as_deref(), Some(*key), "{field}");
                for i in 0..3 {
                    assert_eq!(
                        d.choice(&format!("members[{i}].{field}")).as_deref(),
                        Some(*key)
                    );
                }
            }
        }
        // "No one has any of these": the questions whose only offer is "no one", in one tap.
        let mut e = draft();
        e.add_members(3);
        assert_eq!(e.n_members(), 3);
        e.set_none_for_everyone();
        for (field, want) in [
            ("vocational_training", Some("none")),
            ("monthly_social_allowance", Some("none")),
            ("pension", Some("none")),
            ("critical_illness", Some("false")),
            ("health_insurance", None),
            ("uses_internet", None),
        ] {
            assert_eq!(e.same_for_everyone(field).as_deref(), want, "{field}");
        }
        d.choose("members[1].health_insurance", Some("true"));
        d.choose("members[0].health_insurance", Some("false"));
        assert_eq!(d.same_for_everyone("health_insurance"), None);
        assert_eq!(
            d.record.members.as_ref().unwrap()[1].health_insurance,
            Some(true)
        );
        assert!(d.record.members.as_ref().unwrap()[2].pension.is_some());
    }

    /// One tap answers every exclusion and criterion "no", a "yes" given before included, and
    /// a "don't know" is replaced too (the person said none of these holds).
    #[test]
    fn none_of_these_answers_every_exclusion_no() {
        use crate::steps::{fields as step_fields, Step};
        let mut d = draft();
        let paths = step_fields(Step::Exclusions, &d);
        assert_eq!(paths.len(), 7);
        d.choose(&paths[0], Some("true"));
        d.set_dont_know(&paths[1], true, &ctx());
        d.answer_none(Step::Exclusions);
        for path in &paths {
            assert_eq!(d.answer(path), Some(Answer::Bool(false)), "{path}");
        }
        assert_eq!(crate::steps::next(Step::Exclusions, &d), Step::Members);
    }

    #[test]
    fn invalid_text_is_kept_and_the_value_becomes_unknown() {
        let mut d = draft();
        d.input("housing.living_area_m2", "36", &ctx()).unwrap();
        assert_eq!(
            d.record.housing.as_ref().unwrap().living_area_m2,
            Some(36.0)
        );
        assert!(d.input("housing.living_area_m2", "36m", &ctx()).is_err());
        assert_eq!(d.text("housing.living_area_m2"), "36m");
        assert_eq!(d.record.housing.as_ref().unwrap().living_area_m2, None);
        assert!(d.error("housing.living_area_m2", &ctx()).is_some());
        // Another field still takes its value.
        d.input("electricity_kwh_per_month", "60", &ctx()).unwrap();
        assert_eq!(d.record.electricity_kwh_per_month, Some(60.0));
        assert_eq!(d.invalid_fields(&ctx()).len(), 1);
    }

    #[test]
    fn dont_know_clears_the_value_and_unticking_restores_the_typed_text() {
        let mut d = draft();
        d.input("income.monthly_vnd", "3.000.000", &ctx()).unwrap();
        assert_eq!(
            d.record.income.as_ref().unwrap().monthly_vnd,
            Some(3_000_000)
        );
        d.set_dont_know("income.monthly_vnd", true, &ctx());
        assert!(d.is_dont_know("income.monthly_vnd") && d.is_answered("income.monthly_vnd"));
        assert_eq!(d.record.income.as_ref().unwrap().monthly_vnd, None);
        d.set_dont_know("income.monthly_vnd", false, &ctx());
        assert_eq!(
            d.record.income.as_ref().unwrap().monthly_vnd,
            Some(3_000_000)
        );
    }

    #[test]
    fn choices_set_enum_and_boolean_values() {
        let mut d = draft();
        d.choose("housing.wall", Some("brick_stone"));
        d.choose("screening.motor_vehicle_20m", Some("false"));
        assert_eq!(d.choice("housing.wall").as_deref(), Some("brick_stone"));
        assert_eq!(
            d.record.screening.as_ref().unwrap().motor_vehicle_20m,
            Some(false)
        );
        d.choose("housing.wall", None);
        assert!(!d.is_answered("housing.wall"));
    }

    #[test]
    fn a_path_set_stays_sorted_and_reads_any_array() {
        let mut set = PathSet::default();
        for p in ["water", "area", "members[0].sex", "area"] {
            set.insert(p.to_string());
        }
        assert_eq!(
            set.iter().map(String::as_str).collect::<Vec<_>>(),
            ["area", "members[0].sex", "water"]
        );
        assert!(set.contains("water") && !set.contains("land"));
        assert!(set.remove("water") && !set.remove("water"));
        let read: PathSet = ["water", "area", "water"]
            .map(String::from)
            .into_iter()
            .collect();
        assert_eq!(read.as_slice(), ["area", "water"]);
    }

    #[test]
    fn a_text_map_stays_sorted_and_reads_any_object() {
        let mut map = TextMap::default();
        assert_eq!(map.insert("water".into(), "1".into()), None);
        assert_eq!(map.insert("area".into(), "2".into()), None);
        assert_eq!(map.insert("water".into(), "3".into()).as_deref(), Some("1"));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["area", "water"]);
        assert_eq!(map.get("water").map(String::as_str), Some("3"));
        assert_eq!(map.remove("area").as_deref(), Some("2"));
        assert!(!map.contains_key("area"));
        let read: TextMap = [("b", "x"), ("a", "y"), ("b", "z")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into_iter()
            .collect();
        assert_eq!(
            read.as_slice(),
            [("a".into(), "y".into()), ("b".into(), "z".into())]
        );
    }

    /// A value the record cannot hold is kept as typed and reported, never dropped (it used to
    /// vanish: the refused choice left the older answer in the record, a yes/no field took any
    /// other key as "no", and text for a member not in the record was kept but not reported).
    #[test]
    fn a_value_the_record_cannot_hold_is_kept_and_reported() {
        let mut d = draft();
        d.choose("housing.wall", Some("brick_stone"));
        d.choose("housing.wall", Some("mud"));
        assert_eq!(
            d.choice("housing.wall"),
            None,
            "the older answer is not kept"
        );
        assert_eq!(d.record.housing.as_ref().unwrap().wall, None);
        assert_eq!(d.text("housing.wall"), "mud");
        assert!(d.is_answered("housing.wall"));
        assert_eq!(
            d.error("housing.wall", &ctx()).map(|e| e.key),
            Some("err_choice")
        );
        d.choose("screening.motor_vehicle_20m", Some("yes"));
        assert_eq!(d.record.screening.as_ref().unwrap().motor_vehicle_20m, None);
        assert_eq!(d.text("screening.motor_vehicle_20m"), "yes");
        // Valid text for a place the record does not have (no member 3) is reported too.
        assert_eq!(
            d.input("members[3].height_cm", "150", &ctx())
                .unwrap_err()
                .key,
            "err_decimal"
        );
        assert_eq!(d.text("members[3].height_cm"), "150");
        let invalid: Vec<String> = d
            .invalid_fields(&ctx())
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            invalid,
            [
                "housing.wall",
                "members[3].height_cm",
                "screening.motor_vehicle_20m"
            ]
        );
        // Choosing a valid answer again takes the typed text away.
        d.choose("housing.wall", Some("other"));
        assert_eq!(d.choice("housing.wall").as_deref(), Some("other"));
        assert!(d.raw.get("housing.wall").is_none() && d.error("housing.wall", &ctx()).is_none());
    }

    /// Answers are read in place, typed, and shown as they are typed back.
    #[test]
    fn answers_are_read_typed_from_the_record() {
        let mut d = draft();
        d.add_member();
        d.input("income.monthly_vnd", "3000000", &ctx()).unwrap();
        d.input("members[0].birth_date", "2/5/1984", &ctx())
            .unwrap();
        d.choose("members[0].sex", Some("female"));
        d.choose("members[0].uses_internet", Some("true"));
        assert_eq!(
            d.answer("income.monthly_vnd"),
            Some(Answer::Money(3_000_000))
        );
        assert_eq!(
            d.answer("members[0].birth_date"),
            Some(Answer::Text("1984-05-02".into()))
        );
        assert_eq!(d.answer("members[0].sex"), Some(Answer::Key("female")));
        assert_eq!(
            d.choice("members[0].uses_internet").as_deref(),
            Some("true")
        );
        assert_eq!(d.answer("members[1].sex"), None);
        assert_eq!(d.answer("housing.wall"), None);
        d.raw.remove("income.monthly_vnd");
        assert_eq!(d.text("income.monthly_vnd"), "3.000.000");
        assert!(d.invalid_fields(&ctx()).is_empty());
    }

    #[test]
    fn removing_a_member_renumbers_what_follows() {
        let mut d = draft();
        for year in ["1980", "1985", "2015"] {
            let i = d.add_member();
            d.input(&format!("members[{i}].birth_date"), year, &ctx())
                .unwrap();
        }
        d.input("members[2].height_cm", "12x", &ctx()).unwrap_err();
        d.set_dont_know("members[1].sex", true, &ctx());
        d.remove_member(1);
        assert_eq!(d.n_members(), 2);
        assert_eq!(d.text("members[1].birth_date"), "2015");
        assert_eq!(d.text("members[1].height_cm"), "12x");
        assert!(d.dont_know.is_empty());
    }

    fn vehicles() -> Vec<String> {
        [
            "assets.motorbike",
            "assets.car",
            "assets.motor_boat",
            "assets.generator",
        ]
        .map(String::from)
        .to_vec()
    }

    /// "1 motorbike, nothing else": once the list is confirmed, the unticked items are 0, not
    /// unknown; before, they are not answered yet.
    #[test]
    fn unticked_items_are_none_once_the_list_is_confirmed() {
        let mut d = draft();
        d.set_holding("assets.motorbike", Holding::Have, &ctx());
        assert_eq!(d.answer("assets.motorbike"), Some(Answer::Count(1)));
        assert_eq!(d.holding("assets.car"), Holding::Unseen);
        assert_eq!(d.answer("assets.car"), None);
        d.confirm_checklist(&vehicles(), &ctx());
        for path in ["assets.car", "assets.motor_boat", "assets.generator"] {
            assert_eq!(d.holding(path), Holding::HaveNone, "{path}");
            assert_eq!(d.answer(path), Some(Answer::Count(0)), "{path}");
        }
        assert_eq!(d.record.assets.as_ref().unwrap().motorbike, Some(1));
        // Other fields of the screen are not checklist items: they are left alone.
        let mut d = draft();
        d.confirm_checklist(&["electricity_kwh_per_month".to_string()], &ctx());
        assert_eq!(d.answer("electricity_kwh_per_month"), None);
    }

    /// Land is ticked too: a ticked kind asks its area (never assumed), the others are 0 m²;
    /// aquaculture is a tick alone (yes, or no when not ticked).
    #[test]
    fn land_and_aquaculture_are_ticked_and_an_area_is_asked() {
        let land = [
            "land_m2.annual_crops",
            "land_m2.forest",
            "livestock.aquaculture",
            "livestock.poultry",
        ]
        .map(String::from)
        .to_vec();
        let mut d = draft();
        d.set_holding("land_m2.annual_crops", Holding::Have, &ctx());
        assert_eq!(d.holding("land_m2.annual_crops"), Holding::Have);
        assert_eq!(d.answer("land_m2.annual_crops"), None);
        // Continue is stopped at the ticked land without an area.
        d.confirm_checklist(&land, &ctx());
        let error = d.error("land_m2.annual_crops", &ctx()).map(|e| e.key);
        assert_eq!(error, Some("land_area_needed"));
        assert_eq!(d.answer("land_m2.annual_crops"), None);
        assert_eq!(d.answer("land_m2.forest"), Some(Answer::Number(0.0)));
        assert_eq!(d.answer("livestock.aquaculture"), Some(Answer::Bool(false)));
        assert_eq!(d.holding("livestock.aquaculture"), Holding::HaveNone);
        assert_eq!(d.answer("livestock.poultry"), Some(Answer::Count(0)));
        d.input("land_m2.annual_crops", "1.000", &ctx()).unwrap();
        assert_eq!(d.error("land_m2.annual_crops", &ctx()), None);
        assert_eq!(
            d.answer("land_m2.annual_crops"),
            Some(Answer::Number(1000.0))
        );
        d.set_holding("livestock.aquaculture", Holding::Have, &ctx());
        assert_eq!(d.answer("livestock.aquaculture"), Some(Answer::Bool(true)));
        d.confirm_checklist(&land, &ctx());
        assert_eq!(d.answer("livestock.aquaculture"), Some(Answer::Bool(true)));
        assert_eq!(
            d.answer("land_m2.annual_crops"),
            Some(Answer::Number(1000.0))
        );
        // Unticked, the area typed is taken back: none.
        d.set_holding("land_m2.annual_crops", Holding::HaveNone, &ctx());
        assert_eq!(d.answer("land_m2.annual_crops"), Some(Answer::Number(0.0)));
        assert_eq!(d.error("land_m2.annual_crops", &ctx()), None);
        // "Không biết" on the line: unknown, no error.
        d.set_holding("land_m2.forest", Holding::DontKnow, &ctx());
        assert_eq!(d.answer("land_m2.forest"), None);
        assert_eq!(d.error("land_m2.forest", &ctx()), None);
    }

    /// A ticked item asks its count: 1 unless changed; an emptied count is 1 when the list is
    /// confirmed; a count of 0 unticks it.
    #[test]
    fn a_ticked_item_counts_one_unless_changed() {
        let mut d = draft();
        d.set_holding("assets.phone", Holding::Have, &ctx());
        d.input("assets.phone", "3", &ctx()).unwrap();
        assert_eq!(d.answer("assets.phone"), Some(Answer::Count(3)));
        d.input("assets.phone", "", &ctx()).unwrap();
        assert_eq!(d.holding("assets.phone"), Holding::Have);
        assert_eq!(d.answer("assets.phone"), None);
        d.confirm_checklist(&["assets.phone".to_string()], &ctx());
        assert_eq!(d.answer("assets.phone"), Some(Answer::Count(1)));
        assert_eq!(d.text("assets.phone"), "1");
        d.input("assets.phone", "0", &ctx()).unwrap();
        d.confirm_checklist(&["assets.phone".to_string()], &ctx());
        assert_eq!(d.holding("assets.phone"), Holding::HaveNone);
        // Ticking again after unticking gives 1, not the 0.
        d.set_holding("assets.phone", Holding::Have, &ctx());
        assert_eq!(d.answer("assets.phone"), Some(Answer::Count(1)));
        // A count that does not read stays as typed, ticked, and stops nothing silently.
        d.input("assets.phone", "hai", &ctx()).unwrap_err();
        d.confirm_checklist(&["assets.phone".to_string()], &ctx());
        assert_eq!(d.holding("assets.phone"), Holding::Have);
        assert_eq!(d.text("assets.phone"), "hai");
        assert!(d.error("assets.phone", &ctx()).is_some());
    }

    /// "Không biết" is never implied: only choosing it makes an item unknown, and confirming the
    /// list keeps it unknown.
    #[test]
    fn dont_know_is_only_what_was_chosen() {
        let mut d = draft();
        d.set_holding("assets.car", Holding::DontKnow, &ctx());
        d.confirm_checklist(&vehicles(), &ctx());
        assert_eq!(d.holding("assets.car"), Holding::DontKnow);
        assert_eq!(d.answer("assets.car"), None);
        assert!(d.is_dont_know("assets.car"));
        assert_eq!(d.holding("assets.generator"), Holding::HaveNone);
        assert_eq!(d.dont_know.as_slice(), ["assets.car"]);
        // A count typed before "Không biết" comes back when the item is ticked again.
        d.set_holding("assets.motorbike", Holding::Have, &ctx());
        d.input("assets.motorbike", "2", &ctx()).unwrap();
        d.set_holding("assets.motorbike", Holding::DontKnow, &ctx());
        assert_eq!(d.answer("assets.motorbike"), None);
        d.set_holding("assets.motorbike", Holding::Have, &ctx());
        assert_eq!(d.answer("assets.motorbike"), Some(Answer::Count(2)));
        // Unticking clears "Không biết" and the count.
        d.set_holding("assets.car", Holding::HaveNone, &ctx());
        assert!(!d.is_dont_know("assets.car"));
        assert_eq!(d.answer("assets.car"), Some(Answer::Count(0)));
    }

    /// Reopening a saved household shows the same ticks.
    #[test]
    fn ticks_survive_saving_and_reopening() {
        let mut d = draft();
        d.set_holding("assets.motorbike", Holding::Have, &ctx());
        d.set_holding("assets.car", Holding::DontKnow, &ctx());
        d.set_holding("livestock.poultry", Holding::Have, &ctx());
        d.input("livestock.poultry", "", &ctx()).unwrap();
        d.confirm_checklist(&vehicles(), &ctx());
        let reopened = crate::envelope::decode(&crate::envelope::encode(&d, ""))
            .unwrap()
            .draft;
        assert_eq!(reopened, d);
        for path in vehicles()
            .iter()
            .map(String::as_str)
            .chain(["livestock.poultry"])
        {
            assert_eq!(reopened.holding(path), d.holding(path), "{path}");
        }
        assert_eq!(reopened.holding("livestock.poultry"), Holding::Have);
        assert_eq!(
            reopened.holding("livestock.pig_goat_sheep"),
            Holding::Unseen
        );
    }

    /// A material as people name it is kept beside the record's key, and shown again.
    #[test]
    fn a_material_choice_keeps_what_was_chosen() {
        let mut d = draft();
        d.choose_option("housing.roof", "fibro_cement");
        assert_eq!(d.choice("housing.roof").as_deref(), Some("other"));
        assert_eq!(d.option("housing.roof").as_deref(), Some("fibro_cement"));
        let reopened = crate::envelope::decode(&crate::envelope::encode(&d, ""))
            .unwrap()
            .draft;
        assert_eq!(
            reopened.option("housing.roof").as_deref(),
            Some("fibro_cement")
        );
        d.choose_option("housing.roof", "tile");
        assert_eq!(d.option("housing.roof").as_deref(), Some("tile"));
        assert_eq!(d.raw.get("option:housing.roof"), None);
        // A record changed elsewhere (an import, the check page) shows the record's key.
        d.choose_option("housing.wall", "earth");
        d.choose("housing.wall", Some("brick_stone"));
        assert_eq!(d.option("housing.wall").as_deref(), Some("brick_stone"));
        assert!(d.invalid_fields(&ctx()).is_empty());
    }

    /// Every numeric field reads through the number reader, keeps the text as typed and echoes
    /// what it understood; what does not read is refused with the reader's message.
    #[test]
    fn numbers_are_read_the_vietnamese_way_and_echoed() {
        let mut d = draft();
        d.add_member();
        let nbsp = |s: &str| s.replace('_', "\u{a0}");
        for (path, text, echo) in [
            ("land_m2.annual_crops", "1.000", "= 1_000_m²"),
            ("housing.living_area_m2", "0,5", "= 0,5_m²"),
            ("income.monthly_vnd", "3 triệu", "= 3_000_000_đ"),
            ("livestock.poultry", "1.000", "= 1_000"),
            ("members[0].weight_kg", "12,5", "= 12,5_kg"),
        ] {
            d.input(path, text, &ctx()).unwrap();
            assert_eq!(d.text(path), text);
            assert_eq!(d.echo(path), Some(nbsp(echo)), "{path}");
        }
        assert_eq!(
            d.record.land_m2.as_ref().unwrap().annual_crops,
            Some(1_000.0)
        );
        assert_eq!(d.record.housing.as_ref().unwrap().living_area_m2, Some(0.5));
        assert_eq!(
            d.record.income.as_ref().unwrap().monthly_vnd,
            Some(3_000_000)
        );
        assert_eq!(d.record.livestock.as_ref().unwrap().poultry, Some(1_000));
        // Invalid or ambiguous: kept as typed, the value unknown, the reader's message, no echo.
        for (path, text, key) in [
            ("land_m2.forest", "abc", "num_err_not_a_number"),
            (
                "land_m2.annual_crops",
                "5,000",
                "num_err_ambiguous_separator",
            ),
            ("income.monthly_vnd", "1tr50", "num_err_ambiguous_shorthand"),
        ] {
            assert_eq!(d.input(path, text, &ctx()).unwrap_err().key, key);
            assert_eq!(d.error(path, &ctx()).map(|e| e.key), Some(key));
            assert_eq!(d.text(path), text);
            assert_eq!(d.echo(path), None);
        }
        assert_eq!(d.record.land_m2.as_ref().unwrap().annual_crops, None);
        assert_eq!(d.record.income.as_ref().unwrap().monthly_vnd, None);
        // "Don't know" hides the echo.
        d.input("income.monthly_vnd", "3tr", &ctx()).unwrap();
        d.set_dont_know("income.monthly_vnd", true, &ctx());
        assert_eq!(d.echo("income.monthly_vnd"), None);
    }

    /// The sào follows the province's region unless the household says which; changing either
    /// reads land typed in sào again.
    #[test]
    fn land_in_sao_follows_the_region_and_the_households_choice() {
        let mut d = draft();
        let crops = |d: &Draft| d.record.land_m2.as_ref().and_then(|l| l.annual_crops);
        let nbsp = |s: &str| s.replace('_', "\u{a0}");
        // No region yet: the sào is unknown and the text is refused with both sizes.
        assert_eq!(d.sao_size(), None);
        let error = d
            .input("land_m2.annual_crops", "3 sào", &ctx())
            .unwrap_err();
        assert_eq!(error.key, "num_err_sao_region");
        assert!(d.mentions_sao("land_m2.annual_crops"));
        assert_eq!(crops(&d), None);
        // Lạng Sơn: Bắc Bộ, 360 m².
        d.choose("region", Some("northern_midlands_mountains"));
        assert_eq!(d.sao_size(), Some(SaoSize::BacBo));
        assert_eq!(crops(&d), Some(1_080.0));
        assert_eq!(d.error("land_m2.annual_crops", &ctx()), None);
        assert_eq!(
            d.echo("land_m2.annual_crops"),
            Some(nbsp("= 1_080_m² (1 sào = 360_m²)"))
        );
        // The household counts in Trung Bộ sào.
        d.set_sao(Some(SaoSize::TrungBo));
        assert_eq!(d.extra(SAO), Some("sao_trung_bo"));
        assert_eq!(crops(&d), Some(1_500.0));
        // Its choice stays when the region changes; cleared, the region's sào is back.
        d.choose("region", Some("red_river_delta"));
        assert_eq!(crops(&d), Some(1_500.0));
        d.set_sao(None);
        assert_eq!(crops(&d), Some(1_080.0));
        // In the south there is no usual sào (land is counted in công).
        d.choose("region", Some("mekong_delta"));
        assert_eq!(d.sao_size(), None);
        assert_eq!(crops(&d), None);
        assert_eq!(
            d.error("land_m2.annual_crops", &ctx()).map(|e| e.key),
            Some("num_err_sao_region")
        );
        d.input("land_m2.forest", "2 công", &ctx()).unwrap();
        assert_eq!(d.record.land_m2.as_ref().unwrap().forest, Some(2_000.0));
        assert!(!d.mentions_sao("land_m2.forest"));
        assert!(!d.mentions_sao("income.monthly_vnd"));
    }

    #[test]
    fn the_edition_follows_the_rule_data_dates() {
        let on = |s: &str| edition_on(Date::parse(s).unwrap());
        assert_eq!(on("2026-12-31"), "2022-2025");
        assert_eq!(on("2027-01-01"), "2027-2030");
        for edition in rules().editions.0 {
            assert_eq!(edition_on(edition.since), edition.key);
            assert_eq!(edition_on(edition.until), edition.key);
        }
        assert_eq!(on("2020-01-01"), "2022-2025");
        assert_eq!(on("2040-01-01"), "2027-2030");
        let mut d = draft();
        d.record.assessed_on = None;
        assert_eq!(d.edition(), "2022-2025");
    }

    #[cfg(test)]
    mod untouched_tests {
        use super::*;

        /// A household only started is untouched; any answer, typed text or name makes it kept.
        #[test]
        fn a_draft_is_untouched_until_something_is_given() {
            let date = Date::new(2026, 10, 1).unwrap();
            assert!(Draft::new("", date).is_untouched());
            assert!(!Draft::new("Nhà An", date).is_untouched());
            let mut typed = Draft::new("", date);
            typed
                .raw
                .insert("housing.living_area_m2".to_string(), "2".to_string());
            assert!(!typed.is_untouched());
            let mut answered = Draft::new("", date);
            answered.choose("area", Some("rural"));
            assert!(!answered.is_untouched());
        }
    }
}
