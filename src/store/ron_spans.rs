//! Where each value of a RON document starts, by field path (`blocks[1].items[0].exercise`).
//!
//! RON's parser reports positions only for syntax errors; checks that run after parsing
//! (an unknown exercise id, a dose out of range) use this index to point at the exact line and
//! column. It reads the same text the parser accepted, so it only needs to be lenient, not strict:
//! on anything unexpected it stops and simply knows fewer paths.
//!
//! Paths: struct fields by name (`a.b`), list items by index (`a[2]`), map entries by key
//! (`a.plank`). `Some(x)` and enum variants (`Hold(hold_secs: 20)`) are transparent: their
//! fields sit directly under the field that holds them (`dose.hold_secs`).

use std::collections::HashMap;

/// Values nested deeper than this are skipped, not walked: real plans and days files nest
/// about 8 deep, and unbounded nesting would use memory (and stack) in proportion to its square.
const MAX_DEPTH: usize = 64;

/// 1-based line and column of each value, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    positions: HashMap<String, (usize, usize)>,
}

impl SpanIndex {
    pub fn build(text: &str) -> SpanIndex {
        let tokens = tokenize(text);
        let mut walker = Walker {
            tokens: &tokens,
            at: 0,
            depth: 0,
            index: SpanIndex::default(),
        };
        walker.value(String::new());
        walker.index
    }

    /// The path of the value that starts nearest before (or at) a position: the field an
    /// error at that position is about.
    pub fn path_at(&self, line: usize, col: usize) -> Option<&str> {
        self.positions
            .iter()
            .filter(|(path, pos)| !path.is_empty() && **pos <= (line, col))
            .max_by(|(pa, a), (pb, b)| a.cmp(b).then_with(|| pa.len().cmp(&pb.len())))
            .map(|(path, _)| path.as_str())
    }

    /// Position of the value at `path`, or of the nearest enclosing value that is known.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(pos) = self.positions.get(path) {
                return Some(*pos);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok<'a> {
    Open(char),
    Close(char),
    Comma,
    Colon,
    Ident(&'a str),
    Str(String),
    Other,
}

struct Token<'a> {
    tok: Tok<'a>,
    line: usize,
    col: usize,
}

struct Cursor<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
    i: usize,
    line: usize,
    col: usize,
}

impl Cursor<'_> {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).map(|&(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn byte(&self) -> usize {
        self.chars.get(self.i).map_or(self.text.len(), |&(b, _)| b)
    }
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut cur = Cursor {
        text,
        chars: text.char_indices().collect(),
        i: 0,
        line: 1,
        col: 1,
    };
    while let Some(c) = cur.peek(0) {
        let (line, col) = (cur.line, cur.col);
        let mut push = |tok| tokens.push(Token { tok, line, col });
        match c {
            c if c.is_whitespace() => {
                cur.bump();
            }
            '/' if cur.peek(1) == Some('/') => {
                while cur.peek(0).is_some_and(|c| c != '\n') {
                    cur.bump();
                }
            }
            '/' if cur.peek(1) == Some('*') => {
                cur.bump();
                cur.bump();
                while cur.peek(0).is_some()
                    && !(cur.peek(0) == Some('*') && cur.peek(1) == Some('/'))
                {
                    cur.bump();
                }
                cur.bump();
                cur.bump();
            }
            '"' => {
                cur.bump();
                let mut value = String::new();
                while let Some(ch) = cur.peek(0) {
                    if ch == '"' {
                        break;
                    }
                    if ch == '\\' {
                        cur.bump();
                    }
                    if let Some(ch) = cur.bump() {
                        value.push(ch);
                    }
                }
                cur.bump();
                push(Tok::Str(value));
            }
            '(' | '[' | '{' => {
                cur.bump();
                push(Tok::Open(c));
            }
            ')' | ']' | '}' => {
                cur.bump();
                push(Tok::Close(c));
            }
            ',' => {
                cur.bump();
                push(Tok::Comma);
            }
            ':' => {
                cur.bump();
                push(Tok::Colon);
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = cur.byte();
                while cur.peek(0).is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    cur.bump();
                }
                push(Tok::Ident(&text[start..cur.byte()]));
            }
            _ => {
                // numbers, signs, chars and anything else: one opaque token per run
                while cur
                    .peek(0)
                    .is_some_and(|c| !c.is_whitespace() && !"()[]{},:\"".contains(c))
                {
                    cur.bump();
                }
                push(Tok::Other);
            }
        }
    }
    tokens
}

struct Walker<'t, 'a> {
    tokens: &'t [Token<'a>],
    at: usize,
    /// How many values enclose the one being read.
    depth: usize,
    index: SpanIndex,
}

impl Walker<'_, '_> {
    fn peek(&self, ahead: usize) -> Option<&Tok<'_>> {
        self.tokens.get(self.at + ahead).map(|t| &t.tok)
    }

    /// Read one value starting at the current token, recording it under `path`. Past
    /// [`MAX_DEPTH`] it steps over one token and records nothing.
    fn value(&mut self, path: String) {
        if self.depth >= MAX_DEPTH {
            self.at += 1;
            return;
        }
        self.depth += 1;
        self.value_within_depth(path);
        self.depth -= 1;
    }

    fn value_within_depth(&mut self, path: String) {
        let Some(token) = self.tokens.get(self.at) else {
            return;
        };
        self.index
            .positions
            .entry(path.clone())
            .or_insert((token.line, token.col));
        match &token.tok {
            Tok::Ident(_) => {
                self.at += 1;
                if self.peek(0) == Some(&Tok::Open('(')) {
                    // `Some(x)`, `Variant(...)`, `Name(...)`: transparent
                    self.parens(path);
                }
            }
            Tok::Open('(') => self.parens(path),
            Tok::Open('[') => {
                self.at += 1;
                let mut n = 0;
                while let Some(tok) = self.peek(0) {
                    match tok {
                        Tok::Close(_) => {
                            self.at += 1;
                            return;
                        }
                        Tok::Comma => self.at += 1,
                        _ => {
                            self.value_making_progress(format!("{path}[{n}]"));
                            n += 1;
                        }
                    }
                }
            }
            Tok::Open('{') => {
                self.at += 1;
                while let Some(tok) = self.peek(0).cloned() {
                    match tok {
                        Tok::Close(_) => {
                            self.at += 1;
                            return;
                        }
                        Tok::Comma => self.at += 1,
                        Tok::Str(key) => {
                            self.entry(&path, &key);
                        }
                        Tok::Ident(key) => {
                            let key = key.to_owned();
                            self.entry(&path, &key);
                        }
                        _ => self.at += 1,
                    }
                }
            }
            _ => self.at += 1,
        }
    }

    /// Read a value; on text it cannot read, step over one token so the walk always ends.
    fn value_making_progress(&mut self, path: String) {
        let before = self.at;
        self.value(path);
        if self.at == before {
            self.at += 1;
        }
    }

    /// `key: value` inside a map or struct.
    fn entry(&mut self, path: &str, key: &str) {
        let child = if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        };
        self.at += 1;
        if self.peek(0) == Some(&Tok::Colon) {
            self.at += 1;
            self.value_making_progress(child);
        }
    }

    /// `( ... )`: a struct if it starts with `name:`, otherwise a tuple or a wrapper.
    fn parens(&mut self, path: String) {
        self.at += 1;
        let is_struct =
            matches!(self.peek(0), Some(Tok::Ident(_))) && self.peek(1) == Some(&Tok::Colon);
        let mut n = 0;
        while let Some(tok) = self.peek(0).cloned() {
            match tok {
                Tok::Close(_) => {
                    self.at += 1;
                    return;
                }
                Tok::Comma => self.at += 1,
                Tok::Ident(name) if is_struct => {
                    let name = name.to_owned();
                    self.entry(&path, &name);
                }
                _ => {
                    // a single element in parens (Some(x), Variant(x)) stays at `path`
                    let child = if n == 0 {
                        path.clone()
                    } else {
                        format!("{path}[{n}]")
                    };
                    self.value_making_progress(child);
                    n += 1;
                }
            }
        }
    }
}
