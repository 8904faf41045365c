//! Saved households on the device behind a small key-value `Store` trait (localStorage in the
//! browser, `MemoryStore` in tests). `Households` keeps several households, sets aside any stored
//! record it cannot read (with the reason, never deleting it silently) and reports a full quota.

use crate::draft::Draft;
use crate::envelope::{self, DecodeError, Saved};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Why storage failed.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The device's storage quota is used up: the newest answers are not saved.
    Full,
    /// Storage is missing or refused (private mode, disabled by the browser).
    Unavailable(String),
}

/// A string key-value store.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store, optionally with a quota in bytes (keys + values) to test a full device.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// A store that refuses writes beyond `bytes`.
    pub fn with_quota(bytes: usize) -> MemoryStore {
        MemoryStore {
            map: RefCell::default(),
            quota: Some(bytes),
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let used: usize = self
                .map
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

const HOUSEHOLD_PREFIX: &str = "mucsong.household.";
const ASIDE_PREFIX: &str = "mucsong.set_aside.";
const CURRENT_KEY: &str = "mucsong.current";

/// A household in the saved list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub saved: Saved,
}

/// A stored record that could not be read, kept under another key with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub id: String,
    pub error: DecodeError,
}

/// Everything on the device.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Listing {
    /// Newest first.
    pub households: Vec<Entry>,
    pub set_aside: Vec<SetAside>,
}

/// Inserts a household at its place in a list kept newest first (ties by id). Inserting in place
/// rather than sorting afterwards keeps a whole sort routine out of the app's download; a device
/// holds at most a few hundred households, so the cost is nothing.
fn insert_newest_first(households: &mut Vec<Entry>, entry: Entry) {
    let at = households.partition_point(|e| {
        e.saved
            .saved_at
            .cmp(&entry.saved.saved_at)
            .reverse()
            .then(e.id.cmp(&entry.id))
            .is_lt()
    });
    households.insert(at, entry);
}

/// The saved households.
pub struct Households<S: Store> {
    store: S,
}

impl<S: Store> Households<S> {
    pub fn new(store: S) -> Households<S> {
        Households { store }
    }

    /// The underlying store (tests use it to plant corrupt records).
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Reads every household. A record that cannot be read is moved aside (its text is kept
    /// under a set-aside key) and listed with the reason, so one bad record never hides the rest.
    pub fn list(&self) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        for key in self.store.keys()? {
            if let Some(id) = key.strip_prefix(HOUSEHOLD_PREFIX) {
                let text = self.store.get(&key)?.unwrap_or_default();
                match envelope::decode(&text) {
                    Ok(saved) => insert_newest_first(
                        &mut listing.households,
                        Entry {
                            id: id.to_string(),
                            saved,
                        },
                    ),
                    Err(error) => {
                        self.set_aside(id, &text)?;
                        listing.set_aside.push(SetAside {
                            id: id.to_string(),
                            error,
                        });
                    }
                }
            } else if let Some(id) = key.strip_prefix(ASIDE_PREFIX) {
                if !listing.set_aside.iter().any(|s| s.id == id) {
                    let text = self.store.get(&key)?.unwrap_or_default();
                    let error = envelope::decode(&text).err().unwrap_or(DecodeError {
                        key: "err_stored_unknown_shape",
                        detail: String::new(),
                    });
                    listing.set_aside.push(SetAside {
                        id: id.to_string(),
                        error,
                    });
                }
            }
        }
        Ok(listing)
    }

    fn set_aside(&self, id: &str, text: &str) -> Result<(), StoreError> {
        self.store.set(&format!("{ASIDE_PREFIX}{id}"), text)?;
        self.store.remove(&format!("{HOUSEHOLD_PREFIX}{id}"))?;
        if self.current()?.as_deref() == Some(id) {
            self.store.remove(CURRENT_KEY)?;
        }
        Ok(())
    }

    /// The text of a set-aside record, so it can be downloaded before it is discarded.
    pub fn set_aside_text(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.store.get(&format!("{ASIDE_PREFIX}{id}"))
    }

    /// Deletes a set-aside record.
    pub fn discard_set_aside(&self, id: &str) -> Result<(), StoreError> {
        self.store.remove(&format!("{ASIDE_PREFIX}{id}"))
    }

    /// Reads one household; an unreadable one is set aside and reported as the error.
    pub fn load(&self, id: &str) -> Result<Option<Result<Saved, DecodeError>>, StoreError> {
        let Some(text) = self.store.get(&format!("{HOUSEHOLD_PREFIX}{id}"))? else {
            return Ok(None);
        };
        let decoded = envelope::decode(&text);
        if decoded.is_err() {
            self.set_aside(id, &text)?;
        }
        Ok(Some(decoded))
    }

    /// Saves a household (every change calls this).
    pub fn save(&self, id: &str, draft: &Draft, saved_at: &str) -> Result<(), StoreError> {
        self.store.set(
            &format!("{HOUSEHOLD_PREFIX}{id}"),
            &envelope::encode(draft, saved_at),
        )
    }

    /// Deletes a household.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.store.remove(&format!("{HOUSEHOLD_PREFIX}{id}"))?;
        if self.current()?.as_deref() == Some(id) {
            self.store.remove(CURRENT_KEY)?;
        }
        Ok(())
    }

    /// Deletes every household and set-aside record (the language choice stays).
    pub fn delete_all(&self) -> Result<(), StoreError> {
        for key in self.store.keys()? {
            if key.starts_with(HOUSEHOLD_PREFIX)
                || key.starts_with(ASIDE_PREFIX)
                || key == CURRENT_KEY
            {
                self.store.remove(&key)?;
            }
        }
        Ok(())
    }

    /// Copies a household under a new id and name.
    pub fn duplicate(
        &self,
        id: &str,
        new_id: &str,
        new_name: &str,
        saved_at: &str,
    ) -> Result<bool, StoreError> {
        match self.load(id)? {
            Some(Ok(saved)) => {
                let mut draft = saved.draft;
                draft.name = new_name.to_string();
                self.save(new_id, &draft, saved_at)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Renames a household.
    pub fn rename(&self, id: &str, name: &str, saved_at: &str) -> Result<bool, StoreError> {
        match self.load(id)? {
            Some(Ok(saved)) => {
                let mut draft = saved.draft;
                draft.name = name.to_string();
                self.save(id, &draft, saved_at)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// The household being answered, to resume after a reload.
    pub fn current(&self) -> Result<Option<String>, StoreError> {
        self.store.get(CURRENT_KEY)
    }

    pub fn set_current(&self, id: Option<&str>) -> Result<(), StoreError> {
        match id {
            Some(id) => self.store.set(CURRENT_KEY, id),
            None => self.store.remove(CURRENT_KEY),
        }
    }

    /// An id not yet used, derived from `seed` (the clock in the browser).
    pub fn new_id(&self, seed: u64) -> Result<String, StoreError> {
        let keys = self.store.keys()?;
        let mut n = seed;
        loop {
            let id = format!("h{n}");
            let taken = |prefix: &str| {
                keys.iter()
                    .any(|k| k.strip_prefix(prefix) == Some(id.as_str()))
            };
            if !taken(HOUSEHOLD_PREFIX) && !taken(ASIDE_PREFIX) {
                return Ok(id);
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mucsong_engine::date::Date;

    fn draft(name: &str) -> Draft {
        Draft::new(name, Date::parse("2026-06-01").unwrap())
    }

    #[test]
    fn several_households_are_listed_newest_first() {
        let h = Households::new(MemoryStore::new());
        h.save("a", &draft("An"), "2026-06-01T08:00:00Z").unwrap();
        h.save("b", &draft("Bình"), "2026-06-02T08:00:00Z").unwrap();
        let listing = h.list().unwrap();
        let names: Vec<_> = listing
            .households
            .iter()
            .map(|e| e.saved.draft.name.as_str())
            .collect();
        assert_eq!(names, ["Bình", "An"]);
        assert!(listing.set_aside.is_empty());
    }

    #[test]
    fn rename_duplicate_delete_and_delete_all() {
        let h = Households::new(MemoryStore::new());
        h.save("a", &draft("An"), "t1").unwrap();
        h.set_current(Some("a")).unwrap();
        assert!(h.rename("a", "Nhà An", "t2").unwrap());
        assert!(h.duplicate("a", "b", "Nhà An (bản sao)", "t3").unwrap());
        assert_eq!(h.list().unwrap().households.len(), 2);
        h.delete("a").unwrap();
        assert_eq!(h.current().unwrap(), None);
        let left = h.list().unwrap().households;
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].saved.draft.name, "Nhà An (bản sao)");
        h.store().set("mucsong.locale", "en").unwrap();
        h.delete_all().unwrap();
        assert!(h.list().unwrap().households.is_empty());
        assert_eq!(
            h.store().get("mucsong.locale").unwrap().as_deref(),
            Some("en")
        );
    }

    #[test]
    fn a_corrupt_record_is_set_aside_and_the_rest_still_load() {
        let h = Households::new(MemoryStore::new());
        h.save("good", &draft("An"), "t1").unwrap();
        h.store()
            .set("mucsong.household.bad", "{\"envelope\":1,\"name\":")
            .unwrap();
        h.set_current(Some("bad")).unwrap();
        let listing = h.list().unwrap();
        assert_eq!(listing.households.len(), 1);
        assert_eq!(listing.set_aside.len(), 1);
        assert_eq!(listing.set_aside[0].error.key, "err_stored_not_json");
        // Kept, not deleted, and no longer the household to resume.
        assert!(h.set_aside_text("bad").unwrap().is_some());
        assert_eq!(h.current().unwrap(), None);
        // Listing again shows it once, from the set-aside key.
        assert_eq!(h.list().unwrap().set_aside.len(), 1);
        h.discard_set_aside("bad").unwrap();
        assert!(h.list().unwrap().set_aside.is_empty());
    }

    #[test]
    fn a_full_store_is_reported() {
        let h = Households::new(MemoryStore::with_quota(600));
        let mut big = draft("An");
        assert!(h.save("a", &big, "t").is_ok());
        big.raw.insert("members[0].name".into(), "x".repeat(1000));
        assert_eq!(h.save("a", &big, "t"), Err(StoreError::Full));
        // The previous version is still there.
        assert_eq!(h.load("a").unwrap().unwrap().unwrap().draft, draft("An"));
    }

    #[test]
    fn new_ids_never_collide() {
        let h = Households::new(MemoryStore::new());
        h.save("h5", &draft("An"), "t").unwrap();
        h.store().set("mucsong.set_aside.h6", "x").unwrap();
        assert_eq!(h.new_id(5).unwrap(), "h7");
    }
}
