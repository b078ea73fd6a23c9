//! Per-thread memos of pure functions of a string: an archive repeats its
//! field names, people and vote counts from record to record, and reading
//! one again costs more than looking it up.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

/// Entries a memo holds at most: a hostile archive of ever-new strings
/// costs a computation each, never unbounded memory.
const MAX_ENTRIES: usize = 4096;

/// A memo: declare one per function with
/// `thread_local! { static SEEN: Memo<V> = Memo::default(); }`.
pub type Memo<V> = RefCell<HashMap<String, V>>;

/// `f(s)`, remembered in `memo` (while it has room) for the next time `s` comes.
pub fn remembered<V: Clone>(memo: &'static LocalKey<Memo<V>>, s: &str, f: impl FnOnce(&str) -> V) -> V {
    if let Some(v) = memo.with(|m| m.borrow().get(s).cloned()) {
        return v;
    }
    let v = f(s);
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() < MAX_ENTRIES {
            m.insert(s.to_string(), v.clone());
        }
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_within_its_bound() {
        thread_local! { static SEEN: Memo<usize> = Memo::default(); }
        let calls = std::cell::Cell::new(0);
        let len = |s: &str| {
            calls.set(calls.get() + 1);
            s.len()
        };
        assert_eq!(remembered(&SEEN, "abc", len), 3);
        assert_eq!(remembered(&SEEN, "abc", len), 3);
        assert_eq!(calls.get(), 1);
        for i in 0..MAX_ENTRIES + 10 {
            remembered(&SEEN, &i.to_string(), len);
        }
        assert_eq!(SEEN.with(|m| m.borrow().len()), MAX_ENTRIES);
    }
}
