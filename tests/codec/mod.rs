//! Shared by the native test files: checks that a stored type's hand-written JSON codec
//! (`content::encode` / `content::decode`) writes serde_json's text and accepts and refuses
//! exactly what serde accepts and refuses, on a value and on every single-edit mutant of its
//! JSON (a member replaced, removed, added or repeated).
#![allow(dead_code)] // each test file uses its own subset

use ketamine_guide::content::decode::{self, Decode};
use ketamine_guide::content::encode::{self, Encode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Debug;

/// Values that break some rule of some field: wrong types, signs, fractions, out of range.
fn replacements() -> Vec<Value> {
    let texts = [
        "null",
        "true",
        "-1",
        "1.5",
        "1.0",
        "0",
        "2",
        "3",
        "4",
        "10000",
        "10001",
        "255",
        "256",
        "4294967295",
        "4294967296",
        "18446744073709551615",
        r#""x""#,
        r#""none""#,
        r#""percent""#,
        r#""review""#,
        r#""myth""#,
        r#""medicare""#,
        r#""oral""#,
        "[]",
        r#"["a"]"#,
        "{}",
        r#"{"question":"q"}"#,
        r#"{"review":null}"#,
        r#"{"iv":null}"#,
        "[true,1,2]",
        "[1,2,3]",
        r#"["question","q"]"#,
    ];
    texts
        .iter()
        .filter_map(|t| serde_json::from_str(t).ok())
        .collect()
}

enum Edit {
    Replace(Value),
    Remove(String),
    Add(String),
    Repeat(String),
}

/// JSON text of `v` with `edit` applied at `path` (object keys and array indices).
fn render(v: &Value, path: &[String], edit: &Edit, out: &mut String) {
    let write = |v: &Value, out: &mut String| out.push_str(&v.to_string());
    match (path.split_first(), v) {
        (None, _) => match (edit, v) {
            (Edit::Replace(r), _) => write(r, out),
            (Edit::Remove(k), Value::Object(m)) => {
                let mut m = m.clone();
                m.remove(k);
                write(&Value::Object(m), out)
            }
            (Edit::Add(k), Value::Object(m)) => {
                let mut m = m.clone();
                m.insert(k.clone(), Value::from(1));
                write(&Value::Object(m), out)
            }
            (Edit::Repeat(k), Value::Object(m)) => {
                // Text-level: a `Map` cannot hold a key twice.
                let inner = v.to_string();
                out.push('{');
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(':');
                write(&m[k], out);
                if inner.len() > 2 {
                    out.push(',');
                }
                out.push_str(&inner[1..]);
            }
            _ => write(v, out),
        },
        (Some((head, rest)), Value::Object(m)) => {
            out.push('{');
            for (i, (k, child)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(':');
                if k == head {
                    render(child, rest, edit, out);
                } else {
                    write(child, out);
                }
            }
            out.push('}');
        }
        (Some((head, rest)), Value::Array(items)) => {
            out.push('[');
            for (i, child) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if *head == i.to_string() {
                    render(child, rest, edit, out);
                } else {
                    write(child, out);
                }
            }
            out.push(']');
        }
        _ => write(v, out),
    }
}

/// Every single-edit mutant of `v`'s text.
pub fn mutants(v: &Value) -> Vec<String> {
    let mut paths = vec![];
    fn walk(v: &Value, path: &mut Vec<String>, paths: &mut Vec<Vec<String>>) {
        paths.push(path.clone());
        match v {
            Value::Object(m) => m.iter().for_each(|(k, c)| {
                path.push(k.clone());
                walk(c, path, paths);
                path.pop();
            }),
            Value::Array(items) => items.iter().enumerate().for_each(|(i, c)| {
                path.push(i.to_string());
                walk(c, path, paths);
                path.pop();
            }),
            _ => {}
        }
    }
    walk(v, &mut vec![], &mut paths);
    let mut texts = vec![];
    for path in paths {
        let node = path.iter().try_fold(v, |n, k| match n {
            Value::Object(m) => m.get(k),
            Value::Array(a) => k.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        });
        let mut edits: Vec<Edit> = replacements().into_iter().map(Edit::Replace).collect();
        edits.push(Edit::Add("zz".into()));
        if let Some(Value::Object(m)) = node {
            for k in m.keys() {
                edits.push(Edit::Remove(k.clone()));
                edits.push(Edit::Repeat(k.clone()));
                edits.push(Edit::Add(format!("{k}_")));
            }
        }
        for edit in &edits {
            let mut out = String::new();
            render(v, &path, edit, &mut out);
            texts.push(out);
        }
    }
    texts
}

/// Both readers give the same value, or both refuse.
pub fn same_reading<T>(text: &str) -> Result<(), String>
where
    T: Decode + DeserializeOwned + PartialEq + Debug,
{
    let ours = decode::from_str::<T>(text).ok();
    let theirs = serde_json::from_str::<T>(text).ok();
    if ours == theirs {
        Ok(())
    } else {
        Err(format!("{text}\n ours:   {ours:?}\n serde: {theirs:?}"))
    }
}

/// `x` encodes to serde_json's text, reads back from it, and every mutant of that text is
/// read as serde reads it.
pub fn agree<T>(x: &T) -> Result<(), String>
where
    T: Encode + Decode + Serialize + DeserializeOwned + PartialEq + Debug,
{
    let theirs = serde_json::to_string(x).map_err(|e| e.to_string())?;
    let ours = encode::to_string(x);
    if ours != theirs {
        return Err(format!(
            "encode differs:\n ours:   {ours}\n serde: {theirs}"
        ));
    }
    if decode::from_str::<T>(&theirs).as_ref() != Ok(x) {
        return Err(format!("does not read back: {theirs}"));
    }
    let value: Value = serde_json::from_str(&theirs).map_err(|e| e.to_string())?;
    mutants(&value)
        .iter()
        .try_for_each(|text| same_reading::<T>(text))
}
