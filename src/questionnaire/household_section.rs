//! The household section: the start page, or the open household's questionnaire.

use crate::fields::dynamic;
use crate::questionnaire::questionnaire::Questionnaire;
use crate::questionnaire::start_page::StartPage;
use crate::session::use_session;
use leptos::prelude::*;

/// Shows the questionnaire of the open household, or the start page when none is open.
#[component]
pub fn HouseholdSection() -> impl IntoView {
    let session = use_session();
    let is_open = Memo::new(move |_| session.is_open());
    view! {
        {dynamic(move || if is_open.get() { view! { <Questionnaire /> }.into_any() } else { view! { <StartPage /> }.into_any() })}
    }
}
