//! Multi-word names: a trie over space-separated words, for keywords, built-in command and
//! constant names (one global trie, built lazily) and project method names (one per project).
//!
//! Words are compared case-insensitively; the lexer walks the tries word by word and keeps the
//! longest complete match.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::project_constants::ProjectConstant;

use crate::commands::catalog;

/// A language keyword that the trie can recognise (`#DECLARE` is lexed separately).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keyword {
    If,
    Else,
    EndIf,
    CaseOf,
    EndCase,
    While,
    EndWhile,
    Repeat,
    Until,
    For,
    EndFor,
    ForEach,
    EndForEach,
    Use,
    EndUse,
    Try,
    Catch,
    EndTry,
    Return,
    Var,
    Function,
    ClassConstructor,
    ClassExtends,
    Property,
    This,
    Super,
    Shared,
    Singleton,
    Session,
    Exposed,
    Local,
}

const KEYWORDS: &[(&str, Keyword)] = &[
    ("If", Keyword::If),
    ("Else", Keyword::Else),
    ("End if", Keyword::EndIf),
    ("Case of", Keyword::CaseOf),
    ("End case", Keyword::EndCase),
    ("While", Keyword::While),
    ("End while", Keyword::EndWhile),
    ("Repeat", Keyword::Repeat),
    ("Until", Keyword::Until),
    ("For", Keyword::For),
    ("End for", Keyword::EndFor),
    ("For each", Keyword::ForEach),
    ("End for each", Keyword::EndForEach),
    ("Use", Keyword::Use),
    ("End use", Keyword::EndUse),
    ("Try", Keyword::Try),
    ("Catch", Keyword::Catch),
    ("End try", Keyword::EndTry),
    ("return", Keyword::Return),
    ("var", Keyword::Var),
    ("Function", Keyword::Function),
    ("Class constructor", Keyword::ClassConstructor),
    ("Class extends", Keyword::ClassExtends),
    ("property", Keyword::Property),
    ("This", Keyword::This),
    ("Super", Keyword::Super),
    ("shared", Keyword::Shared),
    ("singleton", Keyword::Singleton),
    ("session", Keyword::Session),
    ("exposed", Keyword::Exposed),
    ("local", Keyword::Local),
];

/// System variables whose names have several words (`Error`, `OK`… are single words: plain
/// names). In source they are written without a token suffix: `ERROR METHOD`.
const SYSTEM_VARIABLES: &[&str] = &["Error method", "Error line", "Error formula"];

/// Lower-cases `word` into `buf` (reused to avoid an allocation per word) and returns it.
pub(crate) fn fold<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}

/// A trie over words; `V` is what a complete name carries.
#[derive(Clone, Debug)]
pub(crate) struct Trie<V> {
    nodes: Vec<Node<V>>,
}

#[derive(Clone, Debug)]
struct Node<V> {
    children: HashMap<Box<str>, u32>,
    value: V,
}

impl<V: Default> Default for Trie<V> {
    fn default() -> Self {
        Trie { nodes: vec![Node { children: HashMap::new(), value: V::default() }] }
    }
}

/// A position in a trie (a node index).
pub(crate) type NodeId = u32;
pub(crate) const ROOT: NodeId = 0;

impl<V: Default> Trie<V> {
    /// The node for `name`, created if needed. Returns `None` when a word of the name is empty
    /// (two spaces in a row, leading or trailing space): such a name can never be matched.
    fn insert(&mut self, name: &str) -> Option<&mut V> {
        let mut node = ROOT;
        let mut buf = String::new();
        for word in name.split(' ') {
            if word.is_empty() {
                return None;
            }
            let key = fold(word, &mut buf);
            node = match self.nodes[node as usize].children.get(key) {
                Some(&n) => n,
                None => {
                    let n = self.nodes.len() as u32;
                    self.nodes.push(Node { children: HashMap::new(), value: V::default() });
                    self.nodes[node as usize].children.insert(key.into(), n);
                    n
                }
            };
        }
        Some(&mut self.nodes[node as usize].value)
    }

    /// The child of `node` for the already lower-cased `word`.
    pub(crate) fn step(&self, node: NodeId, folded_word: &str) -> Option<NodeId> {
        let n = &self.nodes[node as usize];
        if n.children.is_empty() {
            return None;
        }
        n.children.get(folded_word).copied()
    }

    pub(crate) fn value(&self, node: NodeId) -> &V {
        &self.nodes[node as usize].value
    }

    fn has_children(&self, node: NodeId) -> bool {
        !self.nodes[node as usize].children.is_empty()
    }
}

/// What a keyword-trie name is: a keyword, or a several-word system variable.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct KeywordEntry {
    pub keyword: Option<Keyword>,
    pub system_var: bool,
}

/// The trie of keywords and several-word system variables (a few dozen names; command and
/// constant names are a sorted static array from `build.rs`, see [`catalog::folded_names`]).
pub(crate) fn keywords() -> &'static Trie<KeywordEntry> {
    static TRIE: OnceLock<Trie<KeywordEntry>> = OnceLock::new();
    TRIE.get_or_init(|| {
        let mut trie: Trie<KeywordEntry> = Trie::default();
        for &(name, kw) in KEYWORDS {
            if let Some(e) = trie.insert(name) {
                e.keyword = Some(kw);
            }
        }
        for name in SYSTEM_VARIABLES {
            if let Some(e) = trie.insert(name) {
                e.system_var = true;
            }
        }
        trie
    })
}

/// The trie of the built-in components' shared methods ([`super::builtin_components`]): they
/// lex as method calls like the project's own methods.
pub(crate) fn builtin_methods() -> &'static Trie<bool> {
    static TRIE: OnceLock<Trie<bool>> = OnceLock::new();
    TRIE.get_or_init(|| {
        let mut trie: Trie<bool> = Trie::default();
        for c in super::builtin_components::COMPONENTS {
            for m in c.methods {
                if let Some(v) = trie.insert(m) {
                    *v = true;
                }
            }
        }
        trie
    })
}

/// The set of project method names known when parsing (case-insensitive; names may contain
/// spaces, `Genealogy of`). Calls to these names become `ExprKind::MethodCall`.
#[derive(Clone, Debug, Default)]
pub struct MethodNames {
    trie: Trie<bool>,
    count: usize,
    /// The project's own constants (from its `Resources` XLIFF files): index + 1 in
    /// `constant_list` at the node of each name, 0 elsewhere.
    constants: Trie<u32>,
    constant_list: Vec<Arc<ProjectConstant>>,
}

impl MethodNames {
    pub fn new() -> MethodNames {
        MethodNames::default()
    }

    /// Adds a method name (as written, e.g. the file name without `.4dm`).
    pub fn insert(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        if let Some(v) = self.trie.insert(name) {
            if !*v {
                *v = true;
                self.count += 1;
            }
        }
    }

    /// Whether `name` is a known method (case-insensitive).
    pub fn contains(&self, name: &str) -> bool {
        let mut node = ROOT;
        let mut buf = String::new();
        for word in name.split(' ') {
            match self.trie.step(node, fold(word, &mut buf)) {
                Some(n) => node = n,
                None => return false,
            }
        }
        *self.trie.value(node)
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub(crate) fn trie(&self) -> &Trie<bool> {
        &self.trie
    }

    /// Adds constants the project defines (a name already known keeps its first definition).
    pub fn add_constants(&mut self, constants: impl IntoIterator<Item = Arc<ProjectConstant>>) {
        for c in constants {
            let index = self.constant_list.len() as u32 + 1;
            if let Some(v) = self.constants.insert(&c.name) {
                if *v == 0 {
                    *v = index;
                    self.constant_list.push(c);
                }
            }
        }
    }

    /// Replaces the constants (a component's code sees its own constants, not the host's).
    pub fn set_constants(&mut self, constants: impl IntoIterator<Item = Arc<ProjectConstant>>) {
        self.constants = Trie::default();
        self.constant_list.clear();
        self.add_constants(constants);
    }

    /// The project's constants, in definition order.
    pub fn constants(&self) -> &[Arc<ProjectConstant>] {
        &self.constant_list
    }

    /// The project constant called `name` (case-insensitive), if any.
    pub fn constant(&self, name: &str) -> Option<&Arc<ProjectConstant>> {
        let mut node = ROOT;
        let mut buf = String::new();
        for word in name.split(' ') {
            node = self.constants.step(node, fold(word, &mut buf))?;
        }
        self.constant_at(*self.constants.value(node))
    }

    fn constant_at(&self, index: u32) -> Option<&Arc<ProjectConstant>> {
        index.checked_sub(1).and_then(|i| self.constant_list.get(i as usize))
    }
}

impl<S: AsRef<str>> FromIterator<S> for MethodNames {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut m = MethodNames::new();
        for s in iter {
            m.insert(s.as_ref());
        }
        m
    }
}

/// What the longest match over a word sequence found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Matched {
    Keyword(Keyword),
    Command(u16),
    Method,
    Constant(u16),
    /// A constant the project defines (index in [`MethodNames::constants`]).
    ProjectConstant(u32),
    /// A several-word system variable (`Error method`): a process variable name.
    SystemVar,
}

/// Walks the keyword trie, the sorted command/constant names and the method trie in step over
/// successive words.
pub(crate) struct Walker<'t> {
    methods: &'t Trie<bool>,
    constants: &'t Trie<u32>,
    keyword: Option<NodeId>,
    method: Option<NodeId>,
    /// Position in the project's constants.
    constant: Option<NodeId>,
    /// Position in [`builtin_methods`].
    builtin: Option<NodeId>,
    /// The words so far, folded and joined by spaces.
    prefix: String,
    /// The range of [`catalog::folded_names`] that are `prefix` or continue it with a word.
    lo: usize,
    hi: usize,
}

impl<'t> Walker<'t> {
    pub(crate) fn new(methods: &'t MethodNames) -> Walker<'t> {
        Walker {
            methods: methods.trie(),
            constants: &methods.constants,
            keyword: Some(ROOT),
            method: Some(ROOT),
            constant: (!methods.constant_list.is_empty()).then_some(ROOT),
            builtin: Some(ROOT),
            prefix: String::new(),
            lo: 0,
            hi: catalog::folded_names().len(),
        }
    }

    /// Advances by one (lower-cased) word; returns `false` when nothing can continue.
    pub(crate) fn step(&mut self, folded: &str) -> bool {
        self.keyword = self.keyword.and_then(|n| keywords().step(n, folded));
        self.method = self.method.and_then(|n| self.methods.step(n, folded));
        self.builtin = self.builtin.and_then(|n| builtin_methods().step(n, folded));
        self.constant = self.constant.and_then(|n| self.constants.step(n, folded));
        if self.lo < self.hi {
            if !self.prefix.is_empty() {
                self.prefix.push(' ');
            }
            self.prefix.push_str(folded);
            let p = self.prefix.as_str();
            let names = &catalog::folded_names()[self.lo..self.hi];
            // Sorted by bytes, the names equal to `p` or going on with " word" come right
            // after those below `p` (no name has a character below the space).
            let start = names.partition_point(|(n, ..)| *n < p);
            let end = names.partition_point(|(n, ..)| {
                *n <= p || (n.starts_with(p) && n.as_bytes().get(p.len()) == Some(&b' '))
            });
            self.hi = self.lo + end;
            self.lo += start;
        }
        self.keyword.is_some()
            || self.method.is_some()
            || self.builtin.is_some()
            || self.constant.is_some()
            || self.lo < self.hi
    }

    /// The command/constant name equal to the words so far.
    fn exact(&self) -> Option<&'static (&'static str, Option<u16>, Option<u16>)> {
        if self.lo >= self.hi || self.prefix.is_empty() {
            return None;
        }
        catalog::folded_names().get(self.lo).filter(|e| e.0 == self.prefix)
    }

    /// Whether a further word could extend the current prefix.
    pub(crate) fn can_continue(&self) -> bool {
        self.keyword.is_some_and(|n| keywords().has_children(n))
            || self.method.is_some_and(|n| self.methods.has_children(n))
            || self.builtin.is_some_and(|n| builtin_methods().has_children(n))
            || self.constant.is_some_and(|n| self.constants.has_children(n))
            || self.hi - self.lo > usize::from(self.exact().is_some())
    }

    /// The best complete name at the current prefix, by priority
    /// keyword > command > method > constant > project constant (> several-word system
    /// variable).
    pub(crate) fn complete(&self) -> Option<Matched> {
        let kw = self.keyword.map(|n| *keywords().value(n)).unwrap_or_default();
        if let Some(k) = kw.keyword {
            return Some(Matched::Keyword(k));
        }
        let exact = self.exact();
        if let Some(&(_, Some(c), _)) = exact {
            return Some(Matched::Command(c));
        }
        if self.method.is_some_and(|n| *self.methods.value(n))
            || self.builtin.is_some_and(|n| *builtin_methods().value(n))
        {
            return Some(Matched::Method);
        }
        if let Some(&(_, _, Some(k))) = exact {
            return Some(Matched::Constant(k));
        }
        if let Some(k) = self.constant.map(|n| *self.constants.value(n)).filter(|&k| k > 0) {
            return Some(Matched::ProjectConstant(k - 1));
        }
        kw.system_var.then_some(Matched::SystemVar)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_case_insensitive() {
        let mut m = MethodNames::new();
        m.insert("Genealogy of");
        m.insert("genealogy OF");
        m.insert("DO_IT");
        assert_eq!(m.len(), 2);
        assert!(m.contains("GENEALOGY of"));
        assert!(!m.contains("Genealogy"));
    }
}
