//! Values by id: a `Vec` kept sorted by id.
//!
//! Stands in for `BTreeMap<String, V>` in stored state (the self-check's answers and drafts, the
//! values step's answers): the same order and the same JSON, for much less wasm code (the maps
//! hold a few dozen entries at most). Shared by the engines, so it lives with the JSON reader.

use std::fmt;

use crate::content::decode::{in_field, members, Decode, Json};
use crate::content::encode::{Encode, Obj};

/// Values by id, in id order; each id at most once.
#[derive(Clone, PartialEq, Eq)]
pub struct IdMap<V>(Vec<(String, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<V> IdMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    /// The value for `id`, if any.
    pub fn get(&self, id: &str) -> Option<&V> {
        let i = self.find(id).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    /// Sets the value for `id`, returning the one it replaces.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(i) => self.0.get_mut(i).map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.0.insert(i, (id, value));
                None
            }
        }
    }

    /// Removes the value for `id`, returning it.
    pub fn remove(&mut self, id: &str) -> Option<V> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    /// Keeps only the entries `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &V) -> bool) {
        self.0.retain(|(k, v)| keep(k, v));
    }

    /// The entries in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many ids have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no id has a value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A repeated id keeps its last value, as with `BTreeMap`.
impl<V> FromIterator<(String, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = IdMap::new();
        for (id, value) in entries {
            map.insert(id, value);
        }
        map
    }
}

/// Printed as a map, like `BTreeMap`.
impl<V: fmt::Debug> fmt::Debug for IdMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A JSON object, in id order.
impl<V: Encode> Encode for IdMap<V> {
    fn encode(&self, out: &mut String) {
        let mut obj = Obj::start(out);
        for (id, value) in self.iter() {
            obj = obj.field(id, value);
        }
        obj.end();
    }
}

/// From a JSON object; a repeated id keeps its last value.
impl<V: Decode> Decode for IdMap<V> {
    fn decode(v: &Json) -> Result<Self, String> {
        let mut map = IdMap::new();
        for (id, value) in members(v)? {
            let value = V::decode(value).map_err(|e| in_field(id, e))?;
            map.insert(id.clone(), value);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_like_a_btree_map() {
        let ops: [(&str, Option<u32>); 9] = [
            ("b", Some(1)),
            ("a", Some(2)),
            ("c", Some(3)),
            ("b", Some(4)),
            ("a", None),
            ("z", None),
            ("", Some(5)),
            ("é", Some(6)),
            ("c", None),
        ];
        let (mut ours, mut btree) = (IdMap::new(), BTreeMap::new());
        for (id, value) in ops {
            match value {
                Some(v) => assert_eq!(
                    ours.insert(id.to_owned(), v),
                    btree.insert(id.to_owned(), v)
                ),
                None => assert_eq!(ours.remove(id), btree.remove(id)),
            }
            let theirs: Vec<(&str, &u32)> = btree.iter().map(|(k, v)| (k.as_str(), v)).collect();
            assert_eq!(ours.iter().collect::<Vec<_>>(), theirs);
            assert_eq!(ours.len(), btree.len());
            assert_eq!(ours.get(id), btree.get(id));
        }
        ours.retain(|id, _| id != "b");
        btree.retain(|id, _| id != "b");
        assert_eq!(format!("{ours:?}"), format!("{btree:?}"));
    }
}
