//! Component tests in a real browser (wasm-bindgen-test): field validation, the member editor and
//! what the saved section says when an export fails, each mounted into its own `<div>` (the
//! page's `<body>` is never cleared).
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --lib`.

use crate::fields::text_field::TextField;
use crate::questionnaire::members_list::MembersList;
use crate::questionnaire::step_body::StepBody;
use crate::saved::SavedSection;
use crate::session::{households, Session};
use leptos::prelude::*;
use mucsong_engine::date::Date;
use mucsong_i18n::{Locale, HOUSEHOLD};
use mucsong_questionnaire::steps::{MemberPage, Step};
use mucsong_widgets::download::Offer;
use mucsong_widgets::i18n::{provide_i18n, use_i18n, I18n};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

use mucsong_widgets::tick;

/// Adds the app's stylesheet to the test page once (reserved error lines are a CSS rule).
fn load_styles() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("app-styles").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("app-styles");
        style.set_text_content(Some(include_str!("../style/main.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

/// A fresh `<div>` in the page to mount into.
fn container(id: &str) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    div.set_id(id);
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Mounts `view` with the app's contexts and a new household open; returns the session.
fn mount<V: IntoView + 'static>(
    id: &str,
    view: impl FnOnce() -> V + 'static,
) -> (
    Session,
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<V::State>,
) {
    households().delete_all().unwrap();
    load_styles();
    let out = Rc::new(RefCell::new(None));
    let slot = out.clone();
    let parent = container(id);
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_i18n();
        let session = Session::start();
        provide_context(session);
        session.start_new("Test", Date::parse("2026-06-01").unwrap(), Step::Place);
        *slot.borrow_mut() = Some(session);
        view()
    });
    let session = out.borrow().expect("mounted");
    (session, parent, handle)
}

fn query(parent: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    parent
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

async fn type_into(parent: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = query(parent, selector).unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    tick().await;
}

async fn click(parent: &web_sys::HtmlElement, selector: &str) {
    let element: web_sys::HtmlElement = query(parent, selector).unchecked_into();
    element.click();
    tick().await;
}

#[wasm_bindgen_test]
async fn a_number_field_names_the_field_keeps_bad_text_and_reserves_its_error_line() {
    let (session, parent, _handle) = mount(
        "t-number",
        || view! { <TextField path="housing.living_area_m2".to_string() /> },
    );
    tick().await;
    let error_line = query(&parent, ".error-line");
    assert_eq!(
        error_line.text_content().unwrap(),
        "",
        "no message before typing"
    );
    let height = |e: web_sys::Element| e.unchecked_into::<web_sys::HtmlElement>().offset_height();
    let reserved = height(error_line.clone());
    assert!(
        reserved > 10,
        "the error line takes its space even when empty ({reserved}px)"
    );

    type_into(&parent, "input[data-testid='housing.living_area_m2']", "-3").await;
    let message = query(&parent, ".error-line").text_content().unwrap();
    assert!(
        message.contains("Diện tích ở"),
        "names the field: {message}"
    );
    assert!(
        message.contains("từ 0"),
        "says what was expected: {message}"
    );
    assert!(message.contains("\"-3\""), "says what was found: {message}");
    assert_eq!(
        height(query(&parent, ".error-line")),
        reserved,
        "no layout shift"
    );
    assert_eq!(
        query(&parent, "input.text-input")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    // The typed text is kept; the answer counts as unknown.
    session.peek(|d| {
        assert_eq!(d.text("housing.living_area_m2"), "-3");
        assert_eq!(
            d.record.housing.as_ref().and_then(|h| h.living_area_m2),
            None
        );
    });

    type_into(
        &parent,
        "input[data-testid='housing.living_area_m2']",
        "36,5",
    )
    .await;
    assert_eq!(query(&parent, ".error-line").text_content().unwrap(), "");
    session.peek(|d| {
        assert_eq!(
            d.record.housing.as_ref().and_then(|h| h.living_area_m2),
            Some(36.5)
        )
    });

    click(
        &parent,
        "input[data-testid='housing.living_area_m2=dont_know']",
    )
    .await;
    session.peek(|d| {
        assert!(d.is_dont_know("housing.living_area_m2"));
        assert_eq!(
            d.record.housing.as_ref().and_then(|h| h.living_area_m2),
            None
        );
    });
    let input: web_sys::HtmlInputElement = query(&parent, "input.text-input").unchecked_into();
    assert!(
        input.disabled(),
        "the input is off while 'don't know' is ticked"
    );
    parent.remove();
}

#[wasm_bindgen_test]
async fn a_birth_date_in_the_future_is_refused_with_the_limit() {
    let (session, parent, _handle) = mount("t-birth", || {
        view! { <TextField path="members[0].birth_date".to_string() /> }
    });
    session.update(|d| {
        d.add_member();
    });
    tick().await;
    type_into(&parent, "input.text-input", "2027").await;
    let message = query(&parent, ".error-line").text_content().unwrap();
    assert!(
        message.contains("Ngày sinh") && message.contains("01/06/2026"),
        "{message}"
    );
    type_into(&parent, "input.text-input", "02/05/1984").await;
    session.peek(|d| {
        let member = &d.record.members.as_ref().unwrap()[0];
        assert_eq!(member.birth_date.as_deref(), Some("1984-05-02"));
    });
    parent.remove();
}

#[wasm_bindgen_test]
async fn the_member_editor_adds_summarises_and_removes_members() {
    let (session, parent, _handle) = mount("t-members", || view! { <MembersList /> });
    tick().await;
    click(&parent, "[data-testid='add-member']").await;
    assert_eq!(session.peek(|d| d.n_members()), Some(1));
    assert_eq!(
        session.step(),
        Step::Place,
        "adding stays on the list (Continue then asks about each person)"
    );
    click(&parent, "[data-testid='add-member']").await;
    let ctx = session.parse_context();
    session.update(|d| {
        d.input("members[0].name", "Lan", &ctx).unwrap();
        d.input("members[1].name", "Minh", &ctx).unwrap();
        d.input("members[1].birth_date", "2016", &ctx).unwrap();
        d.choose("members[1].sex", Some("male"));
    });
    tick().await;
    let list = query(&parent, "[data-testid='member-list']")
        .text_content()
        .unwrap();
    assert!(
        list.contains("Lan") && list.contains("Minh") && list.contains("Nam"),
        "{list}"
    );
    assert!(
        list.contains("9–10 tuổi"),
        "a year of birth gives an age range: {list}"
    );

    // Removing asks first, then removes only that member.
    click(&parent, "[data-testid='remove-member-0']").await;
    assert_eq!(
        session.peek(|d| d.n_members()),
        Some(2),
        "not removed before confirming"
    );
    click(&parent, "[data-testid='confirm-remove-member-0']").await;
    assert_eq!(session.peek(|d| d.n_members()), Some(1));
    let list = query(&parent, "[data-testid='member-list']")
        .text_content()
        .unwrap();
    assert!(!list.contains("Lan") && list.contains("Minh"), "{list}");
    // Saved at once: the stored household has one member too.
    let id = session.current_id().unwrap();
    let stored = households().load(&id).unwrap().unwrap().unwrap();
    assert_eq!(stored.draft.n_members(), 1);
    parent.remove();
}

// A screen's questions follow earlier answers, but the questions already shown stay the same
// DOM nodes (keyed), so what is typed and the focus are never lost while the list changes.
#[wasm_bindgen_test]
async fn questions_already_shown_stay_in_place_when_the_screen_s_list_changes() {
    let (session, parent, _handle) = mount("t-keyed", || {
        let session = crate::session::use_session();
        session.update(|d| {
            d.add_member();
        });
        view! { <StepBody step=Step::Member(0, MemberPage::Person) /> }
    });
    tick().await;
    let testids = |parent: &web_sys::HtmlElement| {
        let nodes = parent
            .query_selector_all("[data-testid^='field-']")
            .unwrap();
        (0..nodes.length())
            .map(|i| {
                let el: web_sys::Element = nodes.item(i).unwrap().unchecked_into();
                el.get_attribute("data-testid").unwrap()
            })
            .collect::<Vec<_>>()
    };
    // The person page asks everything while the birth date is unknown; only the insurance part
    // is checked here.
    let insurance_part = |parent: &web_sys::HtmlElement| {
        testids(parent)
            .into_iter()
            .filter(|t| t.contains("insurance") || t.contains("internet"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        insurance_part(&parent),
        [
            "field-members[0].health_insurance",
            "field-members[0].state_funded_insurance",
            "field-members[0].uses_internet"
        ]
    );
    let insurance = query(&parent, "[data-testid='field-members[0].health_insurance']");
    let internet = query(&parent, "[data-testid='field-members[0].uses_internet']");
    // Insured: the state-funded question goes; the other two are the very same nodes.
    click(&parent, "[data-testid='members[0].health_insurance=true']").await;
    assert_eq!(
        insurance_part(&parent),
        [
            "field-members[0].health_insurance",
            "field-members[0].uses_internet"
        ]
    );
    assert!(insurance.is_same_node(Some(&query(
        &parent,
        "[data-testid='field-members[0].health_insurance']"
    ))));
    assert!(internet.is_same_node(Some(&query(
        &parent,
        "[data-testid='field-members[0].uses_internet']"
    ))));
    // Not insured: it comes back, in its place.
    click(&parent, "[data-testid='members[0].health_insurance=false']").await;
    assert_eq!(
        insurance_part(&parent),
        [
            "field-members[0].health_insurance",
            "field-members[0].state_funded_insurance",
            "field-members[0].uses_internet"
        ]
    );
    assert!(internet.is_same_node(Some(&query(
        &parent,
        "[data-testid='field-members[0].uses_internet']"
    ))));
    assert_eq!(
        session.peek(|d| d.choice("members[0].health_insurance")),
        Some(Some("false".to_string()))
    );
    parent.remove();
}

#[wasm_bindgen_test]
fn every_section_has_its_tab_label() {
    for section in crate::Section::ALL {
        let key = format!("nav_{}", section.key());
        assert!(HOUSEHOLD.has(Locale::Vi, &key), "{key}");
    }
}

thread_local! {
    /// The files given to `stand_in_download`: name, type and text.
    static OFFERED: RefCell<Vec<(String, String, String)>> = const { RefCell::new(Vec::new()) };
    /// Whether `stand_in_download` refuses, as a browser that blocks downloads does.
    static REFUSES: Cell<bool> = const { Cell::new(false) };
}

/// What the browser says when it refuses (a stand-in's own wording).
const REFUSAL: &str = "NotAllowedError: downloads are blocked";

/// A download that keeps what it was given and refuses while `REFUSES` is set.
fn stand_in_download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    OFFERED.with(|o| o.borrow_mut().push((file_name.into(), mime.into(), text)));
    if REFUSES.get() {
        Err(REFUSAL.to_string())
    } else {
        Ok(())
    }
}

/// An export is the only backup of what the browser keeps: a refused one says so, in the chosen
/// language, until an export works again.
#[wasm_bindgen_test]
async fn a_failed_export_says_the_households_are_not_backed_up() {
    let i18n_slot = Rc::new(Cell::new(None::<I18n>));
    let slot = i18n_slot.clone();
    let (_session, parent, _handle) = mount("t-export", move || {
        provide_context(crate::Navigation {
            section: RwSignal::new(crate::Section::Saved),
        });
        slot.set(Some(use_i18n()));
        let offer: Offer = stand_in_download;
        view! { <SavedSection offer=offer /> }
    });
    let i18n = i18n_slot.get().expect("mounted");
    i18n.set_locale(Locale::Vi);
    tick().await;
    let message = || {
        query(&parent, "[data-testid=export-message]")
            .text_content()
            .unwrap()
    };
    let last_offered = || OFFERED.with(|o| o.borrow().last().cloned().expect("a file was offered"));
    assert_eq!(message(), "", "nothing to say before an export");

    REFUSES.set(true);
    click(&parent, "[data-testid=export-all]").await;
    let (name, mime, text) = last_offered();
    assert_eq!(
        (name.as_str(), mime.as_str()),
        ("mucsong-households.jsonl", "application/x-ndjson")
    );
    assert!(text.contains("mucsong/household@1"), "{text}");
    assert_eq!(
        message(),
        HOUSEHOLD.format(Locale::Vi, "export_failed", &[("detail", REFUSAL)])
    );
    assert!(message().contains("CHƯA được sao lưu"), "{}", message());
    assert_eq!(
        query(&parent, "[data-testid=export-message]")
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );

    // The language follows the switch. (The page downloads its English texts; here they are
    // installed from the build's file, as the download would.)
    HOUSEHOLD
        .install_english(include_str!("../target/locales/household.en.txt"))
        .unwrap();
    i18n.set_locale(Locale::En);
    tick().await;
    assert_eq!(
        message(),
        HOUSEHOLD.format(Locale::En, "export_failed", &[("detail", REFUSAL)])
    );
    assert_ne!(
        message(),
        HOUSEHOLD.format(Locale::Vi, "export_failed", &[("detail", REFUSAL)])
    );

    // An export that works clears the message.
    REFUSES.set(false);
    click(&parent, "[data-testid=export-all]").await;
    assert_eq!(message(), "");

    // One household's own export, refused, says so too.
    REFUSES.set(true);
    click(&parent, "[data-testid=saved-card] [data-testid=export]").await;
    let (name, mime, _) = last_offered();
    assert_eq!(
        (name.as_str(), mime.as_str()),
        ("Test.json", "application/json")
    );
    assert_eq!(
        message(),
        HOUSEHOLD.format(Locale::En, "export_failed", &[("detail", REFUSAL)])
    );

    REFUSES.set(false);
    i18n.set_locale(Locale::Vi);
    parent.remove();
}
