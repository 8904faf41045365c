//! The verdict so far, under the progress bar: which classes the answers of the screens before
//! still allow ("Đến giờ: có thể là hộ nghèo hoặc hộ cận nghèo"), and, once only one is left, that
//! the class is settled, with the result one tap away and the remaining questions optional.

use crate::fields::on_click;
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::flow;
use mucsong_questionnaire::steps::Step;
use mucsong_widgets::i18n::use_i18n;

/// The verdict the answers so far allow. It is worked out once, when the screen opens (the
/// engine runs on every Continue, not on every keystroke); nothing is shown before a member is
/// entered.
#[component]
pub fn InterimVerdict() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let Some(interim) = session.peek(flow::interim).flatten() else {
        return ().into_any();
    };
    // Worked out once; worded again when the language changes.
    (move || interim_view(&i18n, session, &interim)).into_any()
}

fn interim_view(
    i18n: &mucsong_widgets::i18n::I18n,
    session: crate::session::Session,
    interim: &flow::Interim,
) -> AnyView {
    let classes: Vec<&str> = interim
        .possible
        .iter()
        .map(|c| i18n.t(&format!("interim_class_{}", c.key())))
        .collect();
    match interim.certain() {
        Some(class) => view! {
            <div class="interim certain" role="status" data-testid="interim" data-class=class.key()>
                <p><strong>{i18n.tf("interim_certain", &[("class", classes[0])])}</strong></p>
                <p class="hint">{i18n.tr("interim_optional")}</p>
                <button type="button" class="button primary" data-testid="see-result-now"
                    on:click=on_click(move || session.go(Step::Result))>
                    {i18n.tr("interim_see_result")}
                </button>
            </div>
        }
        .into_any(),
        None => {
            // "hộ nghèo, hộ cận nghèo hoặc …"; all three open says so plainly.
            let line = match classes.split_last() {
                Some((last, rest)) if rest.len() == 1 => i18n.tf(
                    "interim_possible",
                    &[(
                        "classes",
                        &format!("{}{}{last}", rest[0], i18n.t("interim_or")),
                    )],
                ),
                _ => i18n.t("interim_open").to_string(),
            };
            view! {
                <p class="interim" role="status" data-testid="interim" data-class="undetermined">{line}</p>
            }
            .into_any()
        }
    }
}
