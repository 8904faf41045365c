//! The session: the household being answered, saved to the device on every change, and the
//! state of saving (a full quota or missing storage is shown, never silent).

use crate::local_store::LocalStore;
use leptos::prelude::*;
use mucsong_engine::date::Date;
use mucsong_questionnaire::draft::Draft;
use mucsong_questionnaire::envelope::DecodeError;
use mucsong_questionnaire::fields::ParseContext;
use mucsong_questionnaire::provinces;
use mucsong_questionnaire::steps::Step;
use mucsong_questionnaire::store::{Households, StoreError};

/// The household open in the questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub id: String,
    pub draft: Draft,
}

/// Whether the last save worked.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    Failed(StoreError),
}

/// A message about stored data (a record set aside, a migration), shown until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: String,
    pub error: DecodeError,
}

/// The session context.
#[derive(Clone, Copy)]
pub struct Session {
    current: RwSignal<Option<Current>>,
    save_state: RwSignal<SaveState>,
    /// Bumped whenever the saved list changes, so lists re-read it.
    revision: RwSignal<u32>,
    notices: RwSignal<Vec<Notice>>,
    /// "Answer these" was pressed: Continue leads to the next question the class still depends
    /// on, then back to the result.
    fixing: RwSignal<bool>,
    /// Typing changed the household since it was last saved (`update_typed`).
    unsaved: RwSignal<bool>,
}

/// How long after the last keystroke typed answers are saved.
const SAVE_AFTER_TYPING_MS: u64 = 400;

/// The saved households on this device.
pub fn households() -> Households<LocalStore> {
    Households::new(LocalStore::new())
}

/// Today on the device's clock (the UI may read the clock; the engine never does). A clock
/// that gives no date at all counts as the last day the rule data's editions cover: no birth
/// date the household can give is then refused as being in the future.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or_else(|| *mucsong_engine::rules::assessment_dates().end())
}

/// The save time stamp, ISO 8601 UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

impl Session {
    /// Creates the session: lists what is stored (setting aside anything unreadable, with a
    /// notice) and resumes the household that was open.
    pub fn start() -> Session {
        let session = Session {
            current: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::Saved),
            revision: RwSignal::new(0),
            notices: RwSignal::new(Vec::new()),
            fixing: RwSignal::new(false),
            unsaved: RwSignal::new(false),
        };
        let store = households();
        match store.list() {
            Ok(listing) => {
                session.notices.set(
                    listing
                        .set_aside
                        .into_iter()
                        .map(|s| Notice {
                            id: s.id,
                            error: s.error,
                        })
                        .collect(),
                );
            }
            Err(e) => session.save_state.set(SaveState::Failed(e)),
        }
        if let Ok(Some(id)) = store.current() {
            session.open(&id);
        }
        // Typing not saved yet is saved when the page is hidden (another app, the screen off)
        // or left (closed, reloaded).
        let on_hide = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || session.flush());
        if let Some(window) = web_sys::window() {
            for event in ["pagehide", "visibilitychange"] {
                let _ = window.add_event_listener_with_callback(
                    event,
                    wasm_bindgen::JsCast::unchecked_ref(on_hide.as_ref()),
                );
            }
        }
        on_hide.forget();
        session
    }

    /// Reads the open household (reactively).
    pub fn with_draft<R>(&self, f: impl FnOnce(&Draft) -> R) -> Option<R> {
        let mut f = Some(f);
        let mut out = None;
        self.read(true, &mut |d| out = f.take().map(|f| f(d)));
        out
    }

    /// Reads the open household, subscribing only when `track` is set.
    pub fn with_draft_if<R>(&self, track: bool, f: impl FnOnce(&Draft) -> R) -> Option<R> {
        let mut f = Some(f);
        let mut out = None;
        self.read(track, &mut |d| out = f.take().map(|f| f(d)));
        out
    }

    /// Reads the open household without subscribing (event handlers, initial values).
    pub fn peek<R>(&self, f: impl FnOnce(&Draft) -> R) -> Option<R> {
        let mut f = Some(f);
        let mut out = None;
        self.read(false, &mut |d| out = f.take().map(|f| f(d)));
        out
    }

    /// The one place the open household's signal is read. It takes a `dyn` callback so that the
    /// signal access is compiled once: a generic closure would compile it again for each of the
    /// dozens of places that read the household (a measured saving in the app's download).
    fn read(&self, track: bool, f: &mut dyn FnMut(&Draft)) {
        let read = |c: &Option<Current>| {
            if let Some(c) = c {
                f(&c.draft);
            }
        };
        if track {
            self.current.with(read);
        } else {
            self.current.with_untracked(read);
        }
    }

    /// Whether a household is open.
    pub fn is_open(&self) -> bool {
        self.current.with(Option::is_some)
    }

    /// The open household's id.
    pub fn current_id(&self) -> Option<String> {
        self.current
            .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
    }

    /// Changes the open household and saves it at once.
    pub fn update(&self, f: impl FnOnce(&mut Draft)) {
        let mut f = Some(f);
        self.update_with(&mut |d| {
            if let Some(f) = f.take() {
                f(d);
            }
        });
    }

    /// Changes the open household as typing does: the change shows at once, and is saved a
    /// moment after the typing pauses (`SAVE_AFTER_TYPING_MS`), on the next screen change, or
    /// when the page is hidden or left — whichever comes first. Writing the whole household
    /// to storage on every keystroke made typing lag on slow phones.
    pub fn update_typed(&self, f: impl FnOnce(&mut Draft)) {
        let mut f = Some(f);
        self.change(&mut |d| {
            if let Some(f) = f.take() {
                f(d);
            }
        });
        if !self.unsaved.get_untracked() {
            self.unsaved.set(true);
            let session = *self;
            set_timeout(
                move || session.flush(),
                std::time::Duration::from_millis(SAVE_AFTER_TYPING_MS),
            );
        }
    }

    /// Saves what typing changed and has not been saved yet.
    pub fn flush(&self) {
        // `try_`: a timer may fire after the session is gone (a page or test torn down).
        if self.unsaved.try_get_untracked() == Some(true) {
            self.update_with(&mut |_| {});
        }
    }

    /// `update`'s body, compiled once for every caller (see `read`).
    fn update_with(&self, f: &mut dyn FnMut(&mut Draft)) {
        self.unsaved.set(false);
        self.change(f);
        let saved = self.current.with_untracked(|c| {
            c.as_ref()
                .map(|c| households().save(&c.id, &c.draft, &now_iso()))
        });
        match saved {
            Some(Ok(())) => self.save_state.set(SaveState::Saved),
            Some(Err(e)) => self.save_state.set(SaveState::Failed(e)),
            None => {}
        }
        self.revision.update(|r| *r += 1);
    }

    /// Applies a change and what follows from it (the region from the province, the answers
    /// implied by ages), without saving.
    fn change(&self, f: &mut dyn FnMut(&mut Draft)) {
        self.current.update(|c| {
            if let Some(c) = c {
                f(&mut c.draft);
                provinces::sync_region(&mut c.draft);
                mucsong_questionnaire::steps::apply_implied(&mut c.draft);
            }
        });
    }

    /// The validation context: the household's assessment date and today.
    pub fn parse_context(&self) -> ParseContext {
        let today = today();
        let assessed_on = self
            .current
            .with_untracked(|c| c.as_ref().and_then(|c| c.draft.assessed_on()));
        ParseContext {
            assessed_on: assessed_on.unwrap_or(today),
            today,
        }
    }

    /// Whether Continue leads from one deciding question to the next ("answer these").
    pub fn is_fixing(&self) -> bool {
        self.fixing.get_untracked()
    }

    /// Starts or ends "answer these".
    pub fn set_fixing(&self, on: bool) {
        self.fixing.set(on);
    }

    /// "Answer these": opens the screen of the first (`after` = `None`) or next question the
    /// class still depends on, with focus on it; the result once none is left.
    pub fn go_to_deciding(&self, after: Option<Step>) {
        match self
            .peek(|d| mucsong_questionnaire::flow::next_deciding(d, after))
            .flatten()
        {
            Some((step, path)) => {
                self.fixing.set(true);
                // Queued before the screen changes: a button that leads here may belong to the
                // view the change removes, and nothing after that is sure to run.
                focus_field_later(path);
                self.go(step);
            }
            None => {
                self.fixing.set(false);
                self.go(Step::Result);
            }
        }
    }

    /// Opens the screen that asks `path`, with focus on it (a deciding answer named on the
    /// result page); Continue then leads to the next deciding question, as "answer these" does.
    pub fn go_to_answer(&self, path: &str) {
        if let Some(step) = self
            .peek(|d| mucsong_questionnaire::flow::screen_of(d, path))
            .flatten()
        {
            self.fixing.set(true);
            focus_field_later(path.to_string());
            self.go(step);
        }
    }

    /// Shows another screen of the open household, as a new entry of the browser's history.
    pub fn go(&self, step: Step) {
        self.flush();
        if matches!(step, Step::Check | Step::Result) {
            self.fixing.set(false);
        }
        self.show(step);
        crate::history::push(step);
    }

    /// Shows another screen without adding a history entry (the browser's back and forward).
    pub fn show(&self, step: Step) {
        self.update(|d| d.step = step.key());
        scroll_to_heading();
    }

    /// The screen the open household is on.
    pub fn step(&self) -> Step {
        self.with_draft(|d| Step::from_key(&d.step, d).unwrap_or(Step::Intro))
            .unwrap_or(Step::Intro)
    }

    /// Starts a new household and opens it.
    pub fn start_new(&self, name: &str, assessed_on: Date, first_step: Step) {
        self.flush();
        self.forget_if_untouched();
        let store = households();
        let seed = js_sys::Date::now() as u64;
        let id = match store.new_id(seed) {
            Ok(id) => id,
            Err(e) => {
                self.save_state.set(SaveState::Failed(e));
                format!("h{seed}")
            }
        };
        let mut draft = Draft::new(name, assessed_on);
        draft.step = first_step.key();
        let result = store
            .save(&id, &draft, &now_iso())
            .and_then(|_| store.set_current(Some(&id)));
        self.save_state.set(match result {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        });
        self.current.set(Some(Current { id, draft }));
        self.revision.update(|r| *r += 1);
        crate::history::push(first_step);
        scroll_to_heading();
    }

    /// Opens a saved household where it was left; an unreadable one becomes a notice.
    pub fn open(&self, id: &str) {
        self.flush();
        if self.current_id().as_deref() != Some(id) {
            self.forget_if_untouched();
        }
        let store = households();
        match store.load(id) {
            Ok(Some(Ok(saved))) => {
                let _ = store.set_current(Some(id));
                self.current.set(Some(Current {
                    id: id.to_string(),
                    draft: saved.draft,
                }));
                crate::history::push(self.step());
            }
            Ok(Some(Err(error))) => {
                self.notices.update(|n| {
                    n.push(Notice {
                        id: id.to_string(),
                        error,
                    })
                });
                self.current.set(None);
            }
            Ok(None) => self.current.set(None),
            Err(e) => self.save_state.set(SaveState::Failed(e)),
        }
        self.revision.update(|r| *r += 1);
    }

    /// Closes the open household (it stays saved).
    pub fn close(&self) {
        self.flush();
        self.forget_if_untouched();
        let _ = households().set_current(None);
        self.current.set(None);
    }

    /// Deletes the open household if nothing was answered, typed or named in it: "Đánh giá một
    /// hộ mới" left at once leaves no "0 người, Hộ chưa đặt tên" in the saved list.
    fn forget_if_untouched(&self) {
        let untouched = self.current.with_untracked(|c| {
            c.as_ref()
                .filter(|c| c.draft.is_untouched())
                .map(|c| c.id.clone())
        });
        if let Some(id) = untouched {
            let _ = households().delete(&id);
            let _ = households().set_current(None);
            self.current.set(None);
        }
    }

    /// Called after the saved list changed elsewhere (delete, import…): re-reads the open
    /// household or closes it if it is gone.
    pub fn refresh(&self) {
        if let Some(id) = self.current_id() {
            match households().load(&id) {
                Ok(Some(Ok(saved))) => self.current.set(Some(Current {
                    id,
                    draft: saved.draft,
                })),
                _ => self.current.set(None),
            }
        }
        self.revision.update(|r| *r += 1);
    }

    /// Reports a storage result from elsewhere (saved list actions).
    pub fn report(&self, result: Result<(), StoreError>) {
        self.save_state.set(match result {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        });
        self.revision.update(|r| *r += 1);
    }

    /// The last save's state (reactive).
    pub fn save_state(&self) -> SaveState {
        self.save_state.get()
    }

    /// Subscribes to changes of the saved list.
    pub fn revision(&self) -> u32 {
        self.revision.get()
    }

    /// Messages about stored records that were set aside.
    pub fn notices(&self) -> Vec<Notice> {
        self.notices.get()
    }

    pub fn dismiss_notice(&self, id: &str) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }
}

/// Moves focus to the screen's heading so screen readers announce the new screen.
pub fn scroll_to_heading() {
    request_animation_frame(|| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(el) = window
                .document()
                .and_then(|d| d.get_element_by_id("step-heading"))
            {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        }
    });
}

/// Moves focus to a field's input (and so scrolls it into view) once the screen is drawn.
pub fn focus_field_later(path: String) {
    // Two frames: after the new screen is drawn and after `scroll_to_heading` has focused its
    // heading.
    request_animation_frame(move || request_animation_frame(move || focus_field(&path)));
}

/// Moves focus to a field's input (and so scrolls it into view): a text box, the chosen option
/// of a choice (else its first), a checklist line's ticked "don't know" (else its tick), or the
/// "don't know" box of an input greyed out by it.
pub fn focus_field(path: &str) {
    let id = crate::fields::dom_id(path);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let find = |selector: String| document.query_selector(&selector).ok().flatten();
    let element = document
        .get_element_by_id(&id)
        .filter(|e| !e.has_attribute("disabled"))
        .or_else(|| {
            find(format!(
                "[name=\"{id}\"]:checked, #{id}-tick-dont-know:checked"
            ))
        })
        .or_else(|| find(format!("[name=\"{id}\"], #{id}-tick, #{id}-dont-know")));
    if let Some(element) = element {
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
        }
    }
}

/// The session context provided by `App`.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
