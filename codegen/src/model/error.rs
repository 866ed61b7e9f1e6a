//! Model load errors: every problem names the file, the JSON path inside it and what is wrong.

use std::fmt;

/// One problem found while loading a model.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ModelError {
    /// The file the problem is in, as it was given to the loader (`<prelude>` for built-in shapes).
    pub file: String,
    /// Where in that file, e.g. `$.shapes["ns#Foo"].members.bar.target` (`$` for the whole file).
    pub json_path: String,
    /// What is wrong.
    pub message: String,
}

impl ModelError {
    /// Builds an error from its three parts.
    pub fn new(
        file: impl Into<String>,
        json_path: impl Into<String>,
        message: impl Into<String>,
    ) -> ModelError {
        ModelError {
            file: file.into(),
            json_path: json_path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every part can quote the model (file names, keys, values): no raw control characters.
        let escape = crate::escape::untrusted;
        write!(
            f,
            "{}: {}: {}",
            escape(&self.file),
            escape(&self.json_path),
            escape(&self.message)
        )
    }
}

impl std::error::Error for ModelError {}

/// Every problem found while loading a model (never empty when returned as an error).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ModelErrors(pub Vec<ModelError>);

impl ModelErrors {
    /// True when no error was collected.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of errors.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The collected errors, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, ModelError> {
        self.0.iter()
    }
}

impl fmt::Display for ModelErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ModelErrors {}

impl IntoIterator for ModelErrors {
    type Item = ModelError;
    type IntoIter = std::vec::IntoIter<ModelError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a ModelErrors {
    type Item = &'a ModelError;
    type IntoIter = std::slice::Iter<'a, ModelError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_formats() {
        let a = ModelError::new("a.json", "$.shapes", "bad");
        let b = ModelError::new("b.json", "$", "worse");
        assert_eq!(a.to_string(), "a.json: $.shapes: bad");
        assert_eq!(
            ModelErrors(vec![a, b]).to_string(),
            "a.json: $.shapes: bad\nb.json: $: worse"
        );
    }

    #[test]
    fn model_text_in_an_error_cannot_reach_the_terminal_raw() {
        let e = ModelError::new(
            "evil\u{1b}[31m.json",
            "$.shapes[\"a#B\nerror: forged\"]",
            "unknown shape type \"\u{1b}]0;title\u{7}\u{202e}\"",
        );
        let shown = ModelErrors(vec![e.clone(), e]).to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        assert_eq!(shown.lines().count(), 2, "{shown}");
        assert!(shown.contains("evil\\u{1b}[31m.json"), "{shown}");
        assert!(shown.contains("a#B\\nerror: forged"), "{shown}");
        assert!(shown.contains("\\u{202e}"), "{shown}");
    }
}
