//! The lists a webmaster reads agree: the custom properties of pkg.json, of the README's styling hooks and
//! of the stylesheet and script; the URL parameters of the iframe page in pkg.json and in the README.

use std::collections::BTreeSet;

fn file(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

/// Every `--bl-name` in `text` (not the bare prefix, not the private `--_` ones).
fn custom_properties(text: &str) -> BTreeSet<String> {
    text.match_indices("--bl-")
        .map(|(at, _)| {
            let name: String = text[at + 5..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                .collect();
            format!("--bl-{name}")
        })
        .filter(|name| !name.ends_with('-'))
        .collect()
}

/// The paragraph of `text` that starts with `start`.
fn paragraph<'t>(text: &'t str, start: &str) -> &'t str {
    let at = text.find(start).expect(start);
    text[at..].split("\n\n").next().unwrap_or("")
}

#[test]
fn pkg_json_and_the_readme_list_every_custom_property() {
    let pkg: serde_json::Value = serde_json::from_str(&file("pkg.json")).expect("pkg.json");
    let listed = custom_properties(
        pkg["custom_properties"]
            .as_str()
            .expect("custom_properties"),
    );
    let mut used = custom_properties(&file("www/budget-lens.css"));
    used.extend(custom_properties(&file("www/budget-lens.js")));
    assert_eq!(
        listed, used,
        "pkg.json's custom_properties against the stylesheet and script"
    );
    let readme = file("README.md");
    let hooks = custom_properties(paragraph(&readme, "Styling hooks:"));
    assert_eq!(hooks, used, "the README's styling hooks");
}

#[test]
fn pkg_json_and_the_readme_list_the_same_embed_parameters() {
    let pkg: serde_json::Value = serde_json::from_str(&file("pkg.json")).expect("pkg.json");
    let embed = pkg["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"] == "embed.html")
        .expect("embed.html");
    let role = embed["role"].as_str().expect("role");
    let query = role.split_once("embed.html?").expect("a query").1;
    let in_pkg: BTreeSet<&str> = query
        .split('&')
        .map(|p| p.split('=').next().unwrap_or(p))
        .collect();
    let readme = file("README.md");
    let sentence = paragraph(&readme, "**Without `<script>`.**");
    let list = sentence
        .split_once("URL parameters (")
        .and_then(|(_, rest)| rest.split_once(')'))
        .expect("the README's parameter list")
        .0;
    let in_readme: BTreeSet<&str> = list.split('`').skip(1).step_by(2).collect();
    assert_eq!(in_pkg, in_readme);
}
