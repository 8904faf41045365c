//! Writing JSON text, compact or indented, through one serializer type.
//!
//! serde_json compiles a type's serialisation once for every kind of output it is written to:
//! `to_value`, `to_string` and `to_string_pretty` would each carry their own copy of the whole
//! household record's code in the app's download. Everything the app writes as JSON goes through
//! `to_text`, so the record's serialisation is compiled once. The text is byte for byte what
//! `serde_json::to_string` / `to_string_pretty` write.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io;

/// How the text is laid out: on one line, or indented by two spaces (serde_json's pretty form).
struct Layout(Option<PrettyFormatter<'static>>);

/// Forwards the formatter calls where the two layouts differ; the rest (numbers, strings) are the
/// same in both and keep the trait's defaults.
macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $name<W: ?Sized + io::Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
                match &mut self.0 {
                    Some(pretty) => pretty.$name(writer $(, $arg)*),
                    None => CompactFormatter.$name(writer $(, $arg)*),
                }
            }
        )*
    };
}

impl Formatter for Layout {
    forward! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }
}

/// `value` as JSON text, indented when `pretty`.
pub fn to_text<T: Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let layout = Layout(pretty.then(PrettyFormatter::new));
    let mut out = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, layout);
    value
        .serialize(&mut serializer)
        .expect("the app's records and envelopes always serialise");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_text_is_what_serde_json_writes() {
        let value = json!({"b": [1, 2.5, {"c": null}], "a": "x\"y", "e": [], "f": {}});
        assert_eq!(
            to_text(&value, false),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(
            to_text(&value, true),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
