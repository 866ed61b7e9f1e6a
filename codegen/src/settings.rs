//! Generator settings that live beside a model (`models/<service>/codegen.json`): what the crate is
//! called and the few things a Smithy model cannot say.

use std::path::Path;

use serde::Deserialize;

/// Settings for one generated crate.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CrateSettings {
    /// The package name (`bedrockagentcore`).
    pub crate_name: String,
    pub version: String,
    /// One line for `Cargo.toml`.
    pub description: String,
    /// Markdown prepended to the crate documentation.
    #[serde(default)]
    pub docs: Option<String>,
    /// The endpoint used when the model has no endpoint rules and the user sets no `endpoint_url`.
    #[serde(default)]
    pub default_endpoint: Option<String>,
    /// Operations paged by offset and record count rather than by token.
    #[serde(default)]
    pub offset_pagination: Option<OffsetPagination>,
}

/// Offset/limit paging: `offset` advances by the page length until a short page.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OffsetPagination {
    pub operations: Vec<String>,
    /// Input member holding the offset.
    pub offset: String,
    /// Input member holding the page size.
    pub limit: String,
    /// Output member holding the page's items.
    pub items: String,
}

impl CrateSettings {
    /// Reads `codegen.json`; errors name the file and the JSON path.
    pub fn read(path: &Path) -> Result<CrateSettings, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: $: cannot read: {e}", path.display()))?;
        Self::parse(&path.display().to_string(), &text)
    }

    pub fn parse(file: &str, text: &str) -> Result<CrateSettings, String> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let settings: CrateSettings = serde_path_to_error::deserialize(de)
            .map_err(|e| format!("{file}: $.{}: {}", e.path(), e.inner()))?;
        let valid_name = !settings.crate_name.is_empty()
            && settings
                .crate_name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !valid_name {
            return Err(format!(
                "{file}: $.crate_name: {:?} is not a valid package name (lowercase letters, digits, '-', '_')",
                settings.crate_name
            ));
        }
        Ok(settings)
    }

    /// Settings for a model without a `codegen.json` (e.g. a whole reference model): the crate is
    /// named after the service's SDK id.
    pub fn derived(sdk_id: &str, title: &str) -> CrateSettings {
        let crate_name: String = sdk_id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        CrateSettings {
            crate_name: if crate_name.is_empty() {
                "service".to_string()
            } else {
                crate_name
            },
            version: "0.1.0".to_string(),
            description: format!("Client for {title}"),
            docs: None,
            default_endpoint: None,
            offset_pagination: None,
        }
    }
}
