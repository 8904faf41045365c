//! The browser's `Store`: localStorage, with a full quota reported as `StoreError::Full`.

use mucsong_questionnaire::store::{Store, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// localStorage of this origin (absent in some private modes: every call then fails clearly).
pub struct LocalStore {
    storage: Option<web_sys::Storage>,
}

impl LocalStore {
    pub fn new() -> LocalStore {
        LocalStore {
            storage: web_sys::window().and_then(|w| w.local_storage().ok().flatten()),
        }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StoreError> {
        self.storage
            .as_ref()
            .ok_or_else(|| StoreError::Unavailable("localStorage".to_string()))
    }
}

impl Default for LocalStore {
    fn default() -> Self {
        LocalStore::new()
    }
}

fn error(e: JsValue) -> StoreError {
    if let Some(dom) = e.dyn_ref::<web_sys::DomException>() {
        // Browsers name it differently; code 22 / 1014 are the legacy codes for the same thing.
        if dom.name() == "QuotaExceededError"
            || dom.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || dom.code() == 22
        {
            return StoreError::Full;
        }
        return StoreError::Unavailable(dom.message());
    }
    StoreError::Unavailable(mucsong_widgets::download::js_error_text(&e))
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?.get_item(key).map_err(error)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(error)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage()?.remove_item(key).map_err(error)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.storage()?;
        let n = storage.length().map_err(error)?;
        Ok((0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
