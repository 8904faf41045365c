//! Views that are plain text once made (the assessment, the problems that prevent one, the
//! answers): an escaping HTML builder and a view that mounts the built nodes.
//!
//! Leptos compiles the build, mount and unmount code of every distinct `view!` shape separately,
//! so the result page's dozens of fixed blocks cost many kilobytes of wasm. None of them changes
//! after it is shown (a new answer or language re-renders the whole block), so they are written
//! once as HTML text here and parsed by the browser: one small builder and one view type for all.
//! Every text and every attribute value known only at run time goes through `escape`, so a
//! household or member name can never become markup; fixed attributes are `&'static str` source
//! text, so a run-time string cannot be passed there by mistake.

use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, Node};

/// HTML text in which every text and attribute value is escaped.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// An empty piece of HTML.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens `<tag attrs>`. `attrs` is attribute text written in the source
    /// (`r#"class="hint" data-testid="edition-line""#`); values known only at run time go
    /// through `open_with`, which escapes them.
    pub fn open(&mut self, tag: &str, attrs: &'static str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        if !attrs.is_empty() {
            self.0.push(' ');
            self.0.push_str(attrs);
        }
        self.0.push('>');
        self
    }

    /// Opens `<tag name="value" …>` with the values escaped.
    pub fn open_with(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// Closes `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape(&mut self.0, text);
        self
    }

    /// `<tag attrs>text</tag>`, `attrs` as for `open`.
    pub fn leaf(&mut self, tag: &str, attrs: &'static str, text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// `<ul class="plain-list"><li>…</li>…</ul>`, the result page's plain lists.
    pub fn plain_list<S: AsRef<str>>(&mut self, items: &[S]) -> &mut Self {
        self.open("ul", r#"class="plain-list""#);
        for item in items {
            self.leaf("li", "", item.as_ref());
        }
        self.close("ul")
    }

    /// The HTML text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Appends `text` with the characters that HTML gives a meaning (`& < > "`) escaped.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// What pressing a button in a `Static` block does, given the button's `data-action` (empty
/// when it has none).
pub type Action = Arc<dyn Fn(&str) + Send + Sync>;

/// A view of fixed HTML (any number of sibling nodes). Its buttons, if any, all run one action,
/// which tells them apart by their `data-action`.
pub struct Static {
    html: String,
    on_button: Option<Action>,
}

impl Static {
    /// The nodes of `markup`, with no behaviour.
    pub fn new(markup: Markup) -> Self {
        Self {
            html: markup.0,
            on_button: None,
        }
    }

    /// Pressing any button in the block runs `action`.
    pub fn on_button(self, action: impl Fn() + Send + Sync + 'static) -> Self {
        self.on_action(move |_| action())
    }

    /// Pressing a button in the block runs `action` with the button's `data-action`.
    pub fn on_action(mut self, action: impl Fn(&str) + Send + Sync + 'static) -> Self {
        self.on_button = Some(Arc::new(action));
        self
    }
}

/// The mounted nodes of a `Static` view and the click listener they share.
pub struct StaticState {
    html: String,
    /// Never empty: an empty block is one empty text node, so that there is always a place to
    /// insert the next rendering.
    nodes: Vec<Node>,
    _listener: Option<Closure<dyn FnMut(Event)>>,
}

impl StaticState {
    fn new(html: String, on_button: Option<Action>) -> Self {
        let document = leptos::tachys::dom::document();
        let template: web_sys::HtmlTemplateElement = document
            .create_element("template")
            .expect("a template element")
            .unchecked_into();
        template.set_inner_html(&html);
        let children = template.content().child_nodes();
        let mut nodes: Vec<Node> = (0..children.length())
            .filter_map(|i| children.item(i))
            .collect();
        if nodes.is_empty() {
            nodes.push(document.create_text_node("").into());
        }
        let listener = on_button.map(|action| {
            let listener = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                let button = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("button").ok().flatten());
                if let Some(button) = button {
                    // A submit button (pressed, or Enter in its form's field) must not send the
                    // form anywhere: the action is all it does.
                    event.prevent_default();
                    action(&button.get_attribute("data-action").unwrap_or_default());
                }
            });
            for node in &nodes {
                let _ = node
                    .add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
            }
            listener
        });
        Self {
            html,
            nodes,
            _listener: listener,
        }
    }
}

impl Mountable for StaticState {
    fn unmount(&mut self) {
        for node in &self.nodes {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        for node in &self.nodes {
            let _ = parent.insert_before(node, marker);
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        let first = &self.nodes[0];
        match first.parent_element() {
            Some(parent) => {
                child.mount(&parent, Some(first));
                true
            }
            None => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        self.nodes
            .iter()
            .filter_map(|n| n.clone().dyn_into::<Element>().ok())
            .collect()
    }
}

impl Render for Static {
    type State = StaticState;

    fn build(self) -> StaticState {
        StaticState::new(self.html, self.on_button)
    }

    fn rebuild(self, state: &mut StaticState) {
        if self.html == state.html {
            return;
        }
        let mut next = StaticState::new(self.html, self.on_button);
        state.insert_before_this(&mut next);
        state.unmount();
        *state = next;
    }
}

impl AddAnyAttr for Static {
    type Output<SomeNewAttr: leptos::attr::Attribute> = Self;

    /// Attributes belong in the markup itself; a `Static` block is only ever used as a child
    /// (as tachys' own `InertElement`), so nothing is added here.
    fn add_any_attr<NewAttr: leptos::attr::Attribute>(self, _attr: NewAttr) -> Self {
        self
    }
}

impl RenderHtml for Static {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn html_len(&self) -> usize {
        self.html.len()
    }

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        buf.push_str(&self.html);
        *position = Position::NextChild;
    }

    /// The app renders in the browser only (no server-side HTML to hydrate), so hydration
    /// builds the nodes afresh.
    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> StaticState {
        self.build()
    }

    fn into_owned(self) -> Self {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::*;
    use mucsong_widgets::tick;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    /// A block that changes with a counter, between two fixed siblings: its button counts, every
    /// rendering takes the place of the last one, and an empty rendering keeps the place.
    #[wasm_bindgen_test]
    async fn a_static_block_is_replaced_in_place_and_its_button_runs_the_action() {
        let document = leptos::tachys::dom::document();
        let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let count = RwSignal::new(0u32);
        let _handle = leptos::mount::mount_to(host.clone(), move || {
            view! {
                <p>"before"</p>
                {move || {
                    let n = count.get();
                    let mut m = Markup::new();
                    if n != 2 {
                        m.leaf("span", "", &n.to_string())
                            .leaf("button", r#"type="button""#, "+1");
                    }
                    Static::new(m).on_button(move || count.update(|c| *c += 1))
                }}
                <p>"after"</p>
            }
        });
        let text = |host: &web_sys::HtmlElement| host.text_content().unwrap_or_default();
        let press = |host: &web_sys::HtmlElement| {
            let button: web_sys::HtmlElement = host
                .query_selector("button")
                .unwrap()
                .expect("a button")
                .unchecked_into();
            button.click();
        };
        assert_eq!(text(&host), "before0+1after");
        press(&host);
        tick().await;
        assert_eq!(text(&host), "before1+1after");
        press(&host);
        tick().await;
        assert_eq!(text(&host), "beforeafter");
        assert!(host.query_selector("button").unwrap().is_none());
        count.set(3);
        tick().await;
        assert_eq!(text(&host), "before3+1after");
        // A click elsewhere in the block is not a button press.
        let span: web_sys::HtmlElement = host
            .query_selector("span")
            .unwrap()
            .unwrap()
            .unchecked_into();
        span.click();
        tick().await;
        assert_eq!(count.get_untracked(), 3);
    }

    #[wasm_bindgen_test]
    fn text_and_attribute_values_are_escaped() {
        let mut m = Markup::new();
        m.open_with("p", &[("data-name", "a\"b<c>")])
            .text("Nhà <b>anh</b> Hùng & \"co\"")
            .close("p");
        assert_eq!(
            m.as_str(),
            "<p data-name=\"a&quot;b&lt;c&gt;\">Nhà &lt;b&gt;anh&lt;/b&gt; Hùng &amp; &quot;co&quot;</p>"
        );
    }

    #[wasm_bindgen_test]
    fn a_built_block_is_its_nodes_and_an_empty_one_is_a_place_holder() {
        let mut m = Markup::new();
        m.leaf("p", "", "one").text(" two ").plain_list(&["a", "b"]);
        let state = StaticState::new(m.as_str().to_string(), None);
        assert_eq!(state.nodes.len(), 3);
        assert_eq!(state.elements().len(), 2);
        assert_eq!(
            state.elements()[1].outer_html(),
            "<ul class=\"plain-list\"><li>a</li><li>b</li></ul>"
        );
        let empty = StaticState::new(String::new(), None);
        assert_eq!(empty.nodes.len(), 1);
        assert!(empty.elements().is_empty());
    }
}
