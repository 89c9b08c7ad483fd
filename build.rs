//! Turns the human-written content (`content/<locale>/<feature>.toml`) into compact JSON
//! at build time, so the wasm bundle carries no TOML parser. A TOML syntax error fails the
//! build; typed validation happens in native tests.
//!
//! Each file is also written as `kg-<locale>-<feature>-<hash>.json`: the release bundle ships
//! those beside the wasm (copied by `tools/post-build.mjs`) and the app fetches only the ones
//! it shows, so no language or tool costs bytes before it is needed.
//!
//! `quiz.toml` ships as three files: `quiz` (the questions, which the first view shows), `why`
//! (each question's "Why we ask" and the sources it cites, and the longer description of the
//! decision, fetched right after the first view)
//! and `results` (rules, outcomes, route notes and provider questions, fetched once the person
//! has started answering). The app joins them again (`content::load_quiz`).
//!
//! Each language has one bibliography, `content/<locale>/sources.toml`. It is not shipped as
//! it is: each tool's file gets the sources it cites (ids in `sources` lists and in evidence
//! entries), each with its kind's label and, for a web page, the date it was read, written out
//! in that language. A cited id that the bibliography lacks fails the build.
//!
//! The same goes for the styles of the tools that are not in the first view
//! (`styles/myths.css`, `styles/cost.css`): each is written as `kg-style-<tool>-<hash>.css`
//! and linked by the app when the tool is first shown.
//!
//! `content_manifest.json` lists every file written here, for `tools/post-build.mjs` to ship
//! (see [`write_manifest`]).
use std::{env, fs, path::Path};

fn main() {
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    let content = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    let mut arms = String::new();
    let mut names = String::new();
    let mut shipped = Manifest::default();
    // The results part's shape with every text empty and every list empty.
    let mut blank = String::new();
    // Hashed copies from earlier content versions would be shipped too: start clean.
    for entry in fs::read_dir(&out_dir).expect("OUT_DIR readable").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("kg-") && (name.ends_with(".json") || name.ends_with(".css")) {
            fs::remove_file(entry.path()).expect("remove stale content file");
        }
    }
    let mut locales: Vec<_> = fs::read_dir(content)
        .expect("content/ exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .collect();
    locales.sort_by_key(|e| e.file_name());
    for locale in locales {
        let locale_name = locale.file_name().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed=content/{locale_name}");
        let mut files: Vec<_> = fs::read_dir(locale.path())
            .expect("locale dir readable")
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort_by_key(|e| e.file_name());
        let bibliography = Bibliography::read(&locale.path().join("sources.toml"));
        for file in files {
            let path = file.path();
            println!("cargo:rerun-if-changed={}", path.display());
            let feature = path.file_stem().unwrap().to_string_lossy().into_owned();
            if feature == "sources" {
                continue;
            }
            let text = fs::read_to_string(&path).expect("content file readable");
            let value: toml::Value = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: invalid TOML: {e}", path.display()));
            let mut value = serde_json::to_value(&value).expect("TOML value as JSON");
            bibliography.attach(&mut value, &path);
            let mut parts = Vec::new();
            if feature == "quiz" {
                let results = results_part(&mut value);
                if blank.is_empty() {
                    blank = serde_json::to_string(&blanked(&results)).expect("JSON");
                }
                parts.push(("why".to_owned(), why_part(&mut value)));
                parts.push(("results".to_owned(), results));
            }
            parts.insert(0, (feature, value));
            for (feature, value) in parts {
                let json = serde_json::to_string(&value).expect("JSON serialises");
                let out = Path::new(&out_dir).join(format!("{locale_name}-{feature}.json"));
                let hashed = format!(
                    "kg-{locale_name}-{feature}-{:08x}.json",
                    name_hash(json.as_bytes())
                );
                fs::write(Path::new(&out_dir).join(&hashed), &json).expect("write hashed content");
                fs::write(&out, json).expect("write generated content");
                shipped
                    .content
                    .push([locale_name.clone(), feature.clone(), hashed.clone()]);
                names.push_str(&format!(
                    "        ({locale_name:?}, {feature:?}) => Some({hashed:?}),
"
                ));
                arms.push_str(&format!(
                    "        ({locale_name:?}, {feature:?}) => Some(include_str!({:?})),\n",
                    out.display().to_string()
                ));
            }
        }
    }
    let mut styles = String::new();
    for tool in LAZY_STYLES {
        let path = Path::new("styles").join(format!("{tool}.css"));
        println!("cargo:rerun-if-changed={}", path.display());
        let css = fs::read_to_string(&path).expect("tool stylesheet readable");
        let hashed = format!("kg-style-{tool}-{:08x}.css", name_hash(css.as_bytes()));
        fs::write(Path::new(&out_dir).join(&hashed), css).expect("write tool stylesheet");
        styles.push_str(&format!("        {tool:?} => Some({hashed:?}),\n"));
        shipped.styles.push([tool.to_owned(), hashed]);
    }
    write_manifest(Path::new(&out_dir), &shipped);
    let blank_ui = serde_json::from_str::<serde_json::Value>(&blank)
        .ok()
        .and_then(|v| v.get("ui").map(|ui| ui.to_string()))
        .expect("the blank results part has a ui");
    let index = format!(
        "/// Generated by build.rs: the JSON text of one content file.\n\
         #[allow(dead_code)]\n\
         pub fn raw(locale: &str, feature: &str) -> Option<&'static str> {{\n    \
         match (locale, feature) {{\n{arms}        _ => None,\n    }}\n}}\n\n\
         /// Generated by build.rs: the shipped file name of one content file.\n\
         #[allow(dead_code)]\n\
         pub fn file_name(locale: &str, feature: &str) -> Option<&'static str> {{\n    \
         match (locale, feature) {{\n{names}        _ => None,\n    }}\n}}\n\n\
         /// Generated by build.rs: the quiz's results part with nothing in it (its shape only).\n\
         #[allow(dead_code)]\n\
         pub const BLANK_RESULTS: &str = {blank:?};\n\n\
         /// Generated by build.rs: the `ui` texts of the results part, empty.\n\
         #[allow(dead_code)]\n\
         pub const BLANK_RESULTS_UI: &str = {blank_ui:?};\n\n\
         /// Generated by build.rs: the shipped file name of a tool's own stylesheet.\n\
         #[allow(dead_code)]\n\
         pub fn style_file(tool: &str) -> Option<&'static str> {{\n    \
         match tool {{\n{styles}        _ => None,\n    }}\n}}\n"
    );
    fs::write(Path::new(&out_dir).join("content_index.rs"), index).expect("write index");
}

/// The files this script writes for the bundle, in the order it writes them.
#[derive(Default)]
struct Manifest {
    /// `[locale, feature, file name]` of each content file.
    content: Vec<[String; 3]>,
    /// `[tool, file name]` of each tool's own stylesheet.
    styles: Vec<[String; 2]>,
}

/// Writes `content_manifest.json` beside the files: what `tools/post-build.mjs` copies into the
/// bundle, as data (`{"content": [{"locale", "feature", "file"}], "styles": [{"tool", "file"}]}`).
fn write_manifest(out_dir: &Path, manifest: &Manifest) {
    use serde_json::json;
    let content: Vec<_> = manifest
        .content
        .iter()
        .map(
            |[locale, feature, file]| json!({ "locale": locale, "feature": feature, "file": file }),
        )
        .collect();
    let styles: Vec<_> = manifest
        .styles
        .iter()
        .map(|[tool, file]| json!({ "tool": tool, "file": file }))
        .collect();
    let text = serde_json::to_string_pretty(&json!({ "content": content, "styles": styles }))
        .expect("manifest serialises");
    fs::write(out_dir.join("content_manifest.json"), text).expect("write content manifest");
}

/// The self-check's texts that only its review and result show.
const RESULTS_UI: [&str; 17] = [
    "outcomes",
    "see_result",
    "restart",
    "review_heading",
    "review_intro",
    "change",
    "change_label",
    "not_answered",
    "save_return",
    "number_answer",
    "deciding_heading",
    "also_heading",
    "reason_answer",
    "route_heading",
    "provider_questions_heading",
    "disclaimer",
    "summary",
];

/// Moves what only the self-check's review and result need out of the quiz file's JSON: the
/// top-level `rules`, `fallback`, `routes` and `provider_questions`, the sources no question
/// cites (the loader joins both `sources` lists), and the [`RESULTS_UI`] texts (under `ui`).
fn results_part(quiz: &mut serde_json::Value) -> serde_json::Value {
    let mut results = serde_json::Map::new();
    let top = quiz.as_object_mut().expect("quiz.toml is a table");
    for key in ["rules", "fallback", "routes", "provider_questions"] {
        let value = top
            .remove(key)
            .unwrap_or_else(|| panic!("quiz.toml has no `{key}`"));
        results.insert(key.to_owned(), value);
    }
    let cited: Vec<serde_json::Value> = top["questions"]
        .as_array()
        .expect("quiz.toml has [[questions]]")
        .iter()
        .flat_map(|q| q["sources"].as_array().cloned().unwrap_or_default())
        .collect();
    let sources = top
        .get_mut("sources")
        .and_then(|s| s.as_array_mut())
        .expect("quiz.toml has [[sources]]");
    let (kept, moved): (Vec<_>, Vec<_>) = sources.drain(..).partition(|s| cited.contains(&s["id"]));
    *sources = kept;
    results.insert("sources".to_owned(), serde_json::Value::Array(moved));
    let ui = top
        .get_mut("ui")
        .and_then(|u| u.as_object_mut())
        .expect("quiz.toml has [ui]");
    let mut end_ui = serde_json::Map::new();
    for key in RESULTS_UI {
        let value = ui
            .remove(key)
            .unwrap_or_else(|| panic!("quiz.toml has no `ui.{key}`"));
        end_ui.insert(key.to_owned(), value);
    }
    results.insert("ui".to_owned(), serde_json::Value::Object(end_ui));
    serde_json::Value::Object(results)
}

/// Moves each question's "Why we ask" text and source ids, and the sources they cite (all that
/// is left in the questions part once [`results_part`] has taken the others), into a part of
/// their own: `{"questions": [{"why", "sources"}, …], "sources": […], "ui": {"decision_more"}}`,
/// one entry per question in the same order. The longer description of the decision
/// (`ui.decision_more`, behind a disclosure on the first screen) travels here too: the first
/// screen shows only its button. The questions read alone without them (they default to empty).
fn why_part(quiz: &mut serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    let top = quiz.as_object_mut().expect("quiz.toml is a table");
    let questions = top
        .get_mut("questions")
        .and_then(|q| q.as_array_mut())
        .expect("quiz.toml has [[questions]]");
    let mut why = Vec::new();
    for q in questions {
        let q = q.as_object_mut().expect("a question is a table");
        let mut entry = serde_json::Map::new();
        for key in ["why", "sources"] {
            let value = q.remove(key);
            entry.insert(
                key.to_owned(),
                value.expect("every question has `why` and `sources`"),
            );
        }
        why.push(Value::Object(entry));
    }
    let sources = top.remove("sources").expect("quiz.toml has [[sources]]");
    let decision_more = top
        .get_mut("ui")
        .and_then(|u| u.as_object_mut())
        .and_then(|u| u.remove("decision_more"))
        .expect("quiz.toml has `ui.decision_more`");
    serde_json::json!({
        "questions": why,
        "sources": sources,
        "ui": { "decision_more": decision_more },
    })
}

/// The same shape with empty texts, lists and numbers.
fn blanked(v: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), blanked(v))).collect()),
        Value::Array(_) => Value::Array(Vec::new()),
        Value::String(_) => Value::String(String::new()),
        Value::Number(_) => Value::from(0),
        other => other.clone(),
    }
}

/// One language's bibliography, read from `sources.toml`.
struct Bibliography {
    /// Each source as shipped (kind label and read date written out), in file order.
    sources: Vec<serde_json::Value>,
}

impl Bibliography {
    fn read(path: &Path) -> Bibliography {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{}: every language needs one: {e}", path.display()));
        let file: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: invalid TOML: {e}", path.display()));
        let labels = &file["labels"];
        let text_of = |v: &toml::Value, what: &str| -> String {
            v.as_str()
                .unwrap_or_else(|| panic!("{}: `{what}` must be text", path.display()))
                .to_owned()
        };
        let months: Vec<String> = labels["months"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: `labels.months` is a list", path.display()))
            .iter()
            .map(|m| text_of(m, "labels.months"))
            .collect();
        assert_eq!(months.len(), 12, "{}: twelve months", path.display());
        let mut sources = Vec::new();
        for entry in file["sources"].as_array().into_iter().flatten() {
            let mut source = serde_json::to_value(entry).expect("TOML value as JSON");
            let obj = source.as_object_mut().expect("a source is a table");
            let id = obj
                .get("id")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            let kind = obj.get("kind").and_then(|v| v.as_str()).unwrap_or_default();
            let label = labels["kinds"].get(kind).unwrap_or_else(|| {
                panic!("{}: source `{id}`: unknown kind `{kind}`", path.display())
            });
            obj.insert("kind_label".into(), text_of(label, "labels.kinds").into());
            if let Some(date) = obj.get("read").and_then(|v| v.as_str()).map(str::to_owned) {
                let written =
                    written_date(&date, &text_of(&labels["date"], "labels.date"), &months)
                        .unwrap_or_else(|| {
                            panic!(
                                "{}: source `{id}`: `read` is YYYY-MM-DD, not {date:?}",
                                path.display()
                            )
                        });
                let read = text_of(&labels["read"], "labels.read").replace("{date}", &written);
                obj.insert("read".into(), read.into());
            }
            sources.push(source);
        }
        Bibliography { sources }
    }

    /// Gives a tool's content the sources it cites, in bibliography order.
    fn attach(&self, content: &mut serde_json::Value, path: &Path) {
        let mut cited = Vec::new();
        cited_ids(content, &mut cited);
        if cited.is_empty() {
            return;
        }
        for id in &cited {
            assert!(
                self.sources.iter().any(|s| s["id"] == id.as_str()),
                "{}: cites `{id}`, which sources.toml does not list",
                path.display()
            );
        }
        let top = content.as_object_mut().expect("a content file is a table");
        assert!(
            !top.contains_key("sources"),
            "{}: sources belong in sources.toml",
            path.display()
        );
        let shipped: Vec<serde_json::Value> = self
            .sources
            .iter()
            .filter(|s| cited.iter().any(|id| s["id"] == id.as_str()))
            .cloned()
            .collect();
        top.insert("sources".into(), serde_json::Value::Array(shipped));
    }
}

/// Every source id a content value names: items of `sources` lists and the `source` of
/// evidence entries.
fn cited_ids(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(members) => {
            for (key, value) in members {
                match (key.as_str(), value) {
                    ("sources", serde_json::Value::Array(ids)) => {
                        out.extend(ids.iter().filter_map(|i| i.as_str()).map(str::to_owned))
                    }
                    ("source", serde_json::Value::String(id)) => out.push(id.clone()),
                    _ => cited_ids(value, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| cited_ids(i, out)),
        _ => {}
    }
}

/// `2026-12-05` written with the language's pattern (`{day}`, `{month}`, `{year}`).
fn written_date(iso: &str, pattern: &str, months: &[String]) -> Option<String> {
    let mut parts = iso.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let (month, day): (usize, u32) = (m.parse().ok()?, d.parse().ok()?);
    if y.len() != 4 || !(1..=31).contains(&day) || parts.next().is_some() {
        return None;
    }
    Some(
        pattern
            .replace("{day}", &day.to_string())
            .replace("{month}", months.get(month.checked_sub(1)?)?)
            .replace("{year}", y),
    )
}

/// The parts whose styles are fetched when first shown: two tools, the self-check's last
/// screens (`results`), the options comparison, and what every tool shares at its foot
/// (`about`: the traced figures and "About this guide"). The first view's are in the page's
/// stylesheet, linked from index.html.
const LAZY_STYLES: [&str; 5] = ["myths", "cost", "results", "options", "about"];

/// A content file's or stylesheet's name hash: FNV-1a, 64 bit, folded to 32. It is stable
/// (std's hasher may change between Rust releases; this must not, or cached copies would be
/// named wrongly). Eight hex digits are enough to tell a release's copy of a file from another
/// (each file is also checked against its SHA-256), and every one of these names is compiled
/// into the main module: 16 digits cost its first view 266 bytes more (brotli, measured), since
/// random digits do not compress.
fn name_hash(bytes: &[u8]) -> u32 {
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (h ^ (h >> 32)) as u32
}
