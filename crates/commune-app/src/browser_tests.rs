//! Browser test (wasm-bindgen-test) of commune mode's page shell: it shows commune mode with its
//! own catalogue (commune and shared texts, no raw keys), links back to the household app, and
//! switches language. Mounted into its own `<div>` (the page's `<body>` is never cleared).

use super::CommuneApp;
use mucsong_i18n::{Locale, COMMUNE, MISSING_TEXT};
use mucsong_widgets::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn query(parent: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    parent
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn text(parent: &web_sys::HtmlElement, selector: &str) -> String {
    query(parent, selector).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_commune_page_shows_its_own_texts_links_back_and_switches_language() {
    let document = web_sys::window().unwrap().document().unwrap();
    let parent: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    parent.set_id("t-commune-page");
    document.body().unwrap().append_child(&parent).unwrap();
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item("mucsong.locale");
    let _handle = leptos::mount::mount_to(parent.clone(), CommuneApp);
    tick().await;

    // Commune mode's own text and the shared top bar, both in Vietnamese.
    assert_eq!(
        text(&parent, "h1"),
        COMMUNE.text(Locale::Vi, "commune_title")
    );
    let back = query(&parent, "[data-testid=nav-household]");
    assert_eq!(back.get_attribute("href").as_deref(), Some("../"));
    assert_eq!(
        back.text_content().unwrap(),
        COMMUNE.text(Locale::Vi, "nav_household")
    );
    assert_eq!(
        query(&parent, "[data-testid=nav-commune]")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    // No key is shown raw: every text came from the catalogue.
    let all = parent.text_content().unwrap();
    assert!(
        !all.contains("commune_") && !all.contains("nav_") && !all.contains(MISSING_TEXT),
        "raw keys: {all}"
    );

    query(&parent, "[data-testid=lang-en]").click();
    tick().await;
    assert_eq!(
        text(&parent, "h1"),
        COMMUNE.text(Locale::En, "commune_title")
    );
    assert_eq!(text(&parent, "[data-testid=nav-household]"), "Household");
    query(&parent, "[data-testid=lang-vi]").click();
    tick().await;
    assert_eq!(text(&parent, "h1"), "Tổng hợp cấp xã");
}
