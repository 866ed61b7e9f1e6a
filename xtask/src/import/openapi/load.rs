//! Reading spec files: JSON or YAML text into one `serde_json::Value` per file.

use std::path::{Path, PathBuf};

use serde_json::{Map, Number, Value};
use serde_yaml_ng::Value as Yaml;

/// One loaded file: where it is, the name errors use for it, and its contents.
pub struct Doc {
    pub path: PathBuf,
    /// The path as the record or a `$ref` spells it (relative to the workspace root).
    pub name: String,
    pub root: Value,
}

/// Every file of a spec, the root document first; files reached through `$ref` are added once.
#[derive(Default)]
pub struct Documents {
    docs: Vec<Doc>,
}

impl Documents {
    /// The index of the file at `path`, reading it the first time.
    pub fn load(&mut self, path: &Path, name: &str) -> Result<usize, String> {
        if let Some(i) = self.docs.iter().position(|d| d.path == path) {
            return Ok(i);
        }
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|e| format!("{name}: not UTF-8 text: {e}"))?;
        let root = parse(&text, name)?;
        self.docs.push(Doc {
            path: path.to_path_buf(),
            name: name.to_string(),
            root,
        });
        Ok(self.docs.len() - 1)
    }

    pub fn get(&self, index: usize) -> &Doc {
        &self.docs[index]
    }

    pub fn root_mut(&mut self, index: usize) -> &mut Value {
        &mut self.docs[index].root
    }
}

/// Parses JSON (text starting with `{` or `[`) or YAML; errors name the file and the position.
pub fn parse(text: &str, name: &str) -> Result<Value, String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return serde_json::from_str(trimmed).map_err(|e| format!("{name}: invalid JSON: {e}"));
    }
    let yaml: Yaml =
        serde_yaml_ng::from_str(trimmed).map_err(|e| format!("{name}: invalid YAML: {e}"))?;
    yaml_to_json(yaml, &mut String::new()).map_err(|e| format!("{name}: {e}"))
}

/// YAML values as JSON: mapping keys that are numbers or booleans become their text (`200:`).
fn yaml_to_json(yaml: Yaml, at: &mut String) -> Result<Value, String> {
    Ok(match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(b),
        Yaml::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                Value::Number(
                    Number::from_f64(f)
                        .ok_or_else(|| format!("#{at}: the number {n} has no JSON form"))?,
                )
            }
        }
        Yaml::String(s) => Value::String(s),
        Yaml::Sequence(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let len = at.len();
                at.push_str(&format!("/{i}"));
                out.push(yaml_to_json(item, at)?);
                at.truncate(len);
            }
            Value::Array(out)
        }
        Yaml::Mapping(mapping) => {
            let mut out = Map::new();
            for (key, value) in mapping {
                let key = match key {
                    Yaml::String(s) => s,
                    Yaml::Number(n) => n.to_string(),
                    Yaml::Bool(b) => b.to_string(),
                    other => {
                        return Err(format!(
                            "#{at}: a mapping key must be a string, number or boolean, not {other:?}"
                        ));
                    }
                };
                let len = at.len();
                at.push('/');
                at.push_str(&super::refs::escape(&key));
                let value = yaml_to_json(value, at)?;
                at.truncate(len);
                out.insert(key, value);
            }
            Value::Object(out)
        }
        Yaml::Tagged(tagged) => yaml_to_json(tagged.value, at)?,
    })
}
