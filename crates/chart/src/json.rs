//! A small JSON writer for what crosses into the element (the state, a change, tooltip lines): a few
//! fixed shapes written member by member. serde's derived serializers with serde_json's writer cost
//! ~12 KB of wasm for them (one instantiation per struct, field type and list type); this is one
//! routine per kind of value (bench/RESULTS.md, session 6).

/// JSON text being written: members and list elements in order, commas where they belong.
pub struct Json {
    out: String,
    /// Whether the open object or list has no member yet (no comma before the next).
    fresh: bool,
}

impl Default for Json {
    fn default() -> Self {
        Json {
            out: String::new(),
            fresh: true,
        }
    }
}

impl Json {
    pub fn finish(self) -> String {
        self.out
    }

    /// Starts an object (`{`) or a list (`[`) as member `name` (empty: a list element or the root).
    pub fn open(&mut self, name: &str, bracket: char) {
        self.key(name);
        self.out.push(bracket);
        self.fresh = true;
    }

    /// Ends what [`Json::open`] started (`}` or `]`).
    pub fn close(&mut self, bracket: char) {
        self.out.push(bracket);
        self.fresh = false;
    }

    pub fn str(&mut self, name: &str, value: &str) {
        self.key(name);
        self.quoted(value);
    }

    /// A text or `null`.
    pub fn opt(&mut self, name: &str, value: Option<&str>) {
        match value {
            Some(value) => self.str(name, value),
            None => self.raw(name, "null"),
        }
    }

    pub fn bool(&mut self, name: &str, value: bool) {
        self.raw(name, if value { "true" } else { "false" });
    }

    /// A whole number, or `null`.
    pub fn num(&mut self, name: &str, value: Option<i64>) {
        match value {
            Some(value) => {
                let mut text = String::new();
                if value < 0 {
                    text.push('-');
                }
                crate::svg::push_digits(&mut text, value.unsigned_abs());
                self.raw(name, &text)
            }
            None => self.raw(name, "null"),
        }
    }

    /// A list of texts.
    pub fn strs<'a>(&mut self, name: &str, values: impl IntoIterator<Item = &'a str>) {
        self.open(name, '[');
        for value in values {
            self.str("", value);
        }
        self.close(']');
    }

    fn raw(&mut self, name: &str, text: &str) {
        self.key(name);
        self.out.push_str(text);
    }

    /// The comma before every member but the first, and the member's name (none in a list).
    fn key(&mut self, name: &str) {
        if !self.fresh {
            self.out.push(',');
        }
        self.fresh = false;
        if !name.is_empty() {
            self.quoted(name);
            self.out.push(':');
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped (report text is
    /// untrusted, and a line break must not end the string).
    fn quoted(&mut self, text: &str) {
        budget_lens_core::report::write_json_string(&mut self.out, text);
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn members_lists_and_escapes() {
        let mut j = Json::default();
        j.open("", '{');
        j.str("a", "say \"hi\"\\\n\t\u{1}</b>");
        j.opt("b", None);
        j.num("c", Some(-3));
        j.bool("d", true);
        j.strs("e", ["x", "y"]);
        j.open("f", '[');
        j.open("", '{');
        j.close('}');
        j.num("", Some(7));
        j.close(']');
        j.close('}');
        let text = j.finish();
        assert_eq!(
            text,
            r#"{"a":"say \"hi\"\\\n\t\u0001</b>","b":null,"c":-3,"d":true,"e":["x","y"],"f":[{},7]}"#
        );
    }
}
