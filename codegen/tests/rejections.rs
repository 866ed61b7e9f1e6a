//! Rejections of whole models name the file (or directory) and a JSON path, like every other
//! model error (found by `cargo xtask fuzz models`: a model directory without its service shape
//! was rejected as `dir: no service shape found`, and a `codegen.json` that is not UTF-8 as
//! `file: cannot read: ...`).

use std::fs;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("codegen-rejections-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn a_model_without_a_service_shape_names_the_path_and_shapes() {
    let dir = scratch("no-service");
    fs::write(
        dir.join("model.json"),
        r#"{"smithy": "2.0", "shapes": {"a.b#S": {"type": "string"}}}"#,
    )
    .expect("write");
    let err = codegen::generate(std::slice::from_ref(&dir)).unwrap_err();
    assert!(
        err.starts_with(&format!(
            "{}: $.shapes: no service shape found",
            dir.display()
        )),
        "{err}"
    );
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unreadable_codegen_json_names_the_file_and_the_whole_document() {
    let dir = scratch("settings");
    fs::write(
        dir.join("service.json"),
        r#"{"smithy": "2.0", "shapes": {"a.b#Svc": {"type": "service", "version": "1"}}}"#,
    )
    .expect("write");
    fs::write(dir.join("codegen.json"), b"{\"crate_name\": \"x\xff\"}").expect("write");
    let err = codegen::generate(std::slice::from_ref(&dir)).unwrap_err();
    let file = dir.join("codegen.json");
    assert!(
        err.starts_with(&format!("{}: $: cannot read", file.display())),
        "{err}"
    );
    fs::remove_dir_all(&dir).ok();
}

/// A hostile model's text is quoted in errors with its control characters escaped: an ANSI
/// sequence, a newline that would forge a second error line, a bidirectional override.
#[test]
fn rejections_quote_hostile_model_text_escaped() {
    let dir = scratch("hostile-text");
    let model = serde_json::json!({
        "smithy": "2.0",
        "shapes": {
            "a.b#Svc": {"type": "service", "version": "1", "operations": [{"target": "a.b#Op"}]},
            "a.b#Op": {"type": "operation", "input": {"target": "a.b#In\u{1b}[2J"}},
            "a.b#Bad": {"type": "strin\ng\u{202e}", "traits": {"x.y#t\u{1b}]0;t\u{7}": {}}},
            "a.b#Also": {"type": "structure", "members": {"m\nerror: forged": {"target": "a.b#Nope\u{9b}"}}}
        }
    });
    fs::write(dir.join("model.json"), model.to_string()).expect("write");
    let err = codegen::generate(std::slice::from_ref(&dir)).unwrap_err();
    assert!(
        !err.chars().any(|c| c.is_control() && c != '\n'),
        "raw control characters in {err:?}"
    );
    assert!(!err.contains('\u{202e}'), "{err:?}");
    // Every line is one error that names the file and a JSON path; none is forged.
    let file = dir.join("model.json").display().to_string();
    for line in err.lines() {
        assert!(
            line.starts_with(&format!("{file}: $")),
            "{line:?} in\n{err}"
        );
        assert!(!line.contains(": error: forged"), "{line:?}");
    }
    assert!(err.contains("\\u{1b}"), "{err}");
    fs::remove_dir_all(&dir).ok();
}
