//! JSON pointers and `$ref` resolution: local (`#/components/schemas/Pet`) and other files
//! (`common.yaml#/Error`, `pet.json`), relative to the file holding the reference.

use std::path::Path;

use serde_json::Value;

use super::load::Documents;

/// A place in a spec: a file (index into [`Documents`]) and a JSON pointer inside it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub doc: usize,
    /// `""` for the whole file, otherwise `/a/b` with `~0` / `~1` escapes.
    pub ptr: String,
}

impl Loc {
    pub fn root(doc: usize) -> Loc {
        Loc {
            doc,
            ptr: String::new(),
        }
    }

    pub fn key(&self, key: &str) -> Loc {
        Loc {
            doc: self.doc,
            ptr: format!("{}/{}", self.ptr, escape(key)),
        }
    }

    pub fn index(&self, i: usize) -> Loc {
        Loc {
            doc: self.doc,
            ptr: format!("{}/{i}", self.ptr),
        }
    }

    /// The last pointer segment, unescaped (`Pet` for `/components/schemas/Pet`).
    pub fn last_segment(&self) -> Option<String> {
        let (_, last) = self.ptr.rsplit_once('/')?;
        Some(unescape(last))
    }
}

/// Escapes one pointer segment (`/` as `~1`, `~` as `~0`).
pub fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// `file: #/pointer` as errors and warnings name a place.
pub fn describe(docs: &Documents, loc: &Loc) -> String {
    format!("{}: #{}", docs.get(loc.doc).name, loc.ptr)
}

/// The value at `loc`, if there is one.
pub fn lookup<'a>(docs: &'a Documents, loc: &Loc) -> Option<&'a Value> {
    docs.get(loc.doc).root.pointer(&loc.ptr)
}

/// Decodes `%XX` escapes of a URI fragment.
fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| format!("bad percent escape in `{text}`"))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| format!("`{text}` does not decode to UTF-8"))
}

/// Where the `$ref` string `reference`, found at `from`, points; other files are loaded on first
/// use. Errors name the file and pointer of the reference.
pub fn resolve(docs: &mut Documents, from: &Loc, reference: &str) -> Result<Loc, String> {
    let here = describe(docs, from);
    let (file, fragment) = match reference.split_once('#') {
        Some((file, fragment)) => (file, fragment),
        None => (reference, ""),
    };
    if file.contains("://") {
        return Err(format!(
            "{here}: $ref `{reference}`: references to remote URLs are not supported (download the file and refer to it by a relative path)"
        ));
    }
    let doc = if file.is_empty() {
        from.doc
    } else {
        let base = docs.get(from.doc);
        let dir = base.path.parent().unwrap_or(Path::new("."));
        let name_dir = Path::new(&base.name).parent().unwrap_or(Path::new(""));
        let file = percent_decode(file).map_err(|e| format!("{here}: $ref `{reference}`: {e}"))?;
        let path = super::super::normalize(&dir.join(&file));
        let name = super::super::normalize(&name_dir.join(&file))
            .to_string_lossy()
            .replace('\\', "/");
        docs.load(&path, &name)
            .map_err(|e| format!("{here}: $ref `{reference}`: {e}"))?
    };
    let ptr = percent_decode(fragment).map_err(|e| format!("{here}: $ref `{reference}`: {e}"))?;
    if !ptr.is_empty() && !ptr.starts_with('/') {
        return Err(format!(
            "{here}: $ref `{reference}`: only JSON pointer fragments (`#/...`) are supported, not anchors"
        ));
    }
    let target = Loc { doc, ptr };
    if lookup(docs, &target).is_none() {
        return Err(format!(
            "{here}: dangling $ref `{reference}`: {} does not exist",
            describe(docs, &target)
        ));
    }
    Ok(target)
}
