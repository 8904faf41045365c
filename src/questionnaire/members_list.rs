//! The household's members: a short summary of each, to edit or remove, and "Add a member".

use crate::fields::{dynamic, on_click, text};
use crate::questionnaire::member_name;
use crate::result::markup::{Markup, Static};
use crate::session::use_session;
use leptos::prelude::*;
use mucsong_questionnaire::draft::SAME_FOR_EVERYONE;
use mucsong_questionnaire::fields::option_key;
use mucsong_questionnaire::steps::{age_range, MemberPage, Step};
use mucsong_widgets::i18n::use_i18n;

/// The member list with edit/remove buttons and "Add a member".
#[component]
pub fn MembersList() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let n = Memo::new(move |_| session.with_draft(|d| d.n_members()).unwrap_or(0));
    let confirming = RwSignal::new(None::<usize>);
    // With two people or more: the questions that are often the same for the whole household,
    // answered once here (each person's page then shows the answer, to change there).
    let same_for_everyone = move || {
        (n.get() >= 2).then(|| {
            let mut m = Markup::new();
            m.open(
                "section",
                r#"class="same-for-all" data-testid="same-for-all""#,
            )
            .leaf("h2", "", i18n.t("all_title"))
            .leaf("p", r#"class="hint""#, i18n.t("all_hint"));
            for (field, keys) in SAME_FOR_EVERYONE {
                // Before the first question that offers only "no one": all of them in one tap.
                if keys.len() == 1 && !m.as_str().contains("all-none") {
                    m.leaf(
                        "button",
                        r#"type="button" class="button secondary" data-action="none" data-testid="all-none""#,
                        i18n.t("all_none"),
                    );
                }
                let now = session.with_draft(|d| d.same_for_everyone(field)).flatten();
                m.open("div", r#"class="same-row" role="group""#).leaf(
                    "p",
                    "",
                    i18n.t(&format!("q_members_{field}")),
                );
                for key in keys {
                    let label = if *key == "true" {
                        "all_everyone"
                    } else {
                        "all_no_one"
                    };
                    let pressed = now.as_deref() == Some(*key);
                    let (action, id) = (format!("{field}={key}"), format!("all-{field}={key}"));
                    let pressed = if pressed { "true" } else { "false" };
                    m.open_with(
                        "button",
                        &[
                            ("type", "button"),
                            ("class", "button secondary small"),
                            ("data-action", &action),
                            ("data-testid", &id),
                            ("aria-pressed", pressed),
                        ],
                    )
                    .text(i18n.t(label))
                    .close("button");
                }
                m.close("div");
            }
            m.close("section");
            Static::new(m).on_action(move |action| match action.split_once('=') {
                Some((field, key)) => session.update(|d| d.set_for_everyone(field, key)),
                None => session.update(|d| d.set_none_for_everyone()),
            })
        })
    };
    // On an empty list, the household's size in one tap (1 to 8; more are added one by one).
    let size_picker = move || {
        (n.get() == 0).then(|| {
            let mut m = Markup::new();
            m.open(
                "div",
                r#"class="size-picker" role="group" aria-labelledby="size-q""#,
            )
            .leaf(
                "p",
                r#"id="size-q" class="field-label""#,
                i18n.t("members_size"),
            );
            for k in 1..=8 {
                let k = k.to_string();
                m.open_with(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "button secondary"),
                        ("data-action", &k),
                        ("data-testid", &format!("household-size-{k}")),
                    ],
                )
                .text(&k)
                .close("button");
            }
            m.close("div");
            Static::new(m).on_action(move |k| {
                let k = k.parse().unwrap_or(0);
                session.update(|d| d.add_members(k));
            })
        })
    };
    // Adding stays on the list: everyone is entered here first, then Continue asks about each
    // person in turn.
    let add = on_click(move || {
        session.update(|d| {
            d.add_member();
        });
    });
    let summary = move |i: usize| {
        session
            .with_draft(|d| {
                let mut parts = vec![];
                let (young, old) = age_range(d, i);
                if d.record
                    .members
                    .as_ref()
                    .and_then(|m| m[i].birth_date.as_ref())
                    .is_some()
                {
                    parts.push(if young == old {
                        i18n.tf("age_years", &[("n", &young.to_string())])
                    } else {
                        i18n.tf(
                            "age_years_range",
                            &[("min", &young.to_string()), ("max", &old.to_string())],
                        )
                    });
                }
                if let Some(sex) = d.choice(&format!("members[{i}].sex")) {
                    parts.push(i18n.t(&option_key("sex", &sex)).to_string());
                }
                if parts.is_empty() {
                    parts.push(i18n.t("member_no_details").to_string());
                }
                parts.join(", ")
            })
            .unwrap_or_default()
    };
    view! {
        <p class="hint">{i18n.tr("members_hint")}</p>
        {size_picker}
        <ul class="member-list" data-testid="member-list">
            {dynamic(move || {
                (0..n.get())
                    .map(|i| {
                        let name = move || session.with_draft(|d| member_name(&i18n, d, i)).unwrap_or_default();
                        view! {
                            <li class="member-card" data-testid=format!("member-{i}")>
                                <div class="member-summary">
                                    <strong>{text(name)}</strong>
                                    <span>{text(move || summary(i))}</span>
                                </div>
                                <div class="member-actions">
                                    <button
                                        type="button"
                                        class="button secondary small"
                                        data-testid=format!("edit-member-{i}")
                                        aria-label=text(move || format!("{} — {}", i18n.t("edit"), name()))
                                        on:click=on_click(move || session.go(Step::Member(i, MemberPage::Person)))
                                    >
                                        {i18n.tr("edit")}
                                    </button>
                                    {dynamic(move || if confirming.get() == Some(i) {
                                        view! {
                                            <button
                                                type="button"
                                                class="button danger small"
                                                data-testid=format!("confirm-remove-member-{i}")
                                                on:click=on_click(move || {
                                                    confirming.set(None);
                                                    session.update(|d| d.remove_member(i));
                                                })
                                            >
                                                {i18n.t("remove_confirm")}
                                            </button>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <button
                                                type="button"
                                                class="button secondary small"
                                                data-testid=format!("remove-member-{i}")
                                                aria-label=format!("{} — {}", i18n.t("remove"), name())
                                                on:click=on_click(move || confirming.set(Some(i)))
                                            >
                                                {i18n.t("remove")}
                                            </button>
                                        }.into_any()
                                    })}
                                </div>
                            </li>
                        }
                        .into_any()
                    })
                    .collect_view()
                    .into_any()
            })}
        </ul>
        <button type="button" class="button secondary big add-member" data-testid="add-member" on:click=add>
            {i18n.tr("add_member")}
        </button>
        <p class="members-count" role="status">{text(move || i18n.tf("members_count", &[("n", &n.get().to_string())]))}</p>
        {same_for_everyone}
    }
}
