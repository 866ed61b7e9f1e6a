//! Tests of the Smithy slicer and of the recorded imports under `models/`.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::slice::{Files, slice};
use super::*;

/// A small model: a service with a direct operation, a resource with a child resource, an unrelated
/// resource, a mixin, a custom trait, service errors and shapes shared between operations.
fn fixture() -> Value {
    json!({
        "smithy": "2.0",
        "metadata": {"suppressions": []},
        "shapes": {
            "ex#Svc": {
                "type": "service",
                "version": "2020-01-01",
                "operations": [{"target": "ex#Standalone"}],
                "resources": [{"target": "ex#Widget"}, {"target": "ex#Unused"}],
                "errors": [{"target": "ex#ServiceError"}],
                "rename": {"ex#WidgetSummary": "Summary", "ex#OtherOutput": "Other2"},
                "traits": {
                    "smithy.api#title": "Example",
                    "smithy.api#documentation": "<p>Docs</p>",
                    "aws.protocols#restJson1": {}
                }
            },
            "ex#Widget": {
                "type": "resource",
                "identifiers": {"widgetId": {"target": "ex#WidgetId"}},
                "create": {"target": "ex#CreateWidget"},
                "read": {"target": "ex#GetWidget"},
                "list": {"target": "ex#ListWidgets"},
                "operations": [{"target": "ex#Frob"}],
                "resources": [{"target": "ex#Part"}],
                "traits": {"smithy.api#documentation": "A widget."}
            },
            "ex#Part": {
                "type": "resource",
                "identifiers": {"widgetId": {"target": "ex#WidgetId"}, "partId": {"target": "smithy.api#String"}},
                "read": {"target": "ex#GetPart"}
            },
            "ex#Unused": {"type": "resource", "operations": [{"target": "ex#Other"}]},
            "ex#WidgetId": {"type": "string", "traits": {"smithy.api#pattern": "^w-[0-9]+$"}},
            "ex#ServiceError": {
                "type": "structure",
                "members": {"message": {"target": "smithy.api#String"}},
                "traits": {"smithy.api#error": "server"}
            },
            "ex#NotFound": {
                "type": "structure",
                "members": {"message": {"target": "smithy.api#String"}},
                "traits": {"smithy.api#error": "client", "smithy.api#httpError": 404}
            },
            "ex#marker": {
                "type": "structure",
                "members": {},
                "traits": {"smithy.api#trait": {"selector": "member"}}
            },
            "ex#Timestamps": {
                "type": "structure",
                "members": {"created": {"target": "smithy.api#Timestamp"}},
                "traits": {"smithy.api#mixin": {}}
            },
            "ex#WidgetSummary": {
                "type": "structure",
                "mixins": [{"target": "ex#Timestamps"}],
                "members": {
                    "zeta": {"target": "smithy.api#String"},
                    "alpha": {"target": "ex#WidgetId", "traits": {"smithy.api#required": {}}}
                }
            },
            "ex#WidgetList": {"type": "list", "member": {"target": "ex#WidgetSummary"}},
            "ex#Labels": {
                "type": "map",
                "key": {"target": "smithy.api#String"},
                "value": {"target": "ex#Label"}
            },
            "ex#Label": {"type": "string"},
            "ex#Color": {
                "type": "enum",
                "members": {"RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}}}
            },
            "ex#GetWidget": {
                "type": "operation",
                "input": {"target": "ex#GetWidgetInput"},
                "output": {"target": "ex#GetWidgetOutput"},
                "errors": [{"target": "ex#NotFound"}],
                "traits": {"smithy.api#readonly": {}, "smithy.api#http": {"method": "GET", "uri": "/w/{widgetId}", "code": 200}}
            },
            "ex#GetWidgetInput": {
                "type": "structure",
                "members": {"widgetId": {"target": "ex#WidgetId", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}, "ex#marker": {}}}},
                "traits": {"smithy.api#input": {}}
            },
            "ex#GetWidgetOutput": {
                "type": "structure",
                "members": {"summary": {"target": "ex#WidgetSummary"}, "labels": {"target": "ex#Labels"}},
                "traits": {"smithy.api#output": {}}
            },
            "ex#ListWidgets": {
                "type": "operation",
                "input": {"target": "smithy.api#Unit"},
                "output": {"target": "ex#ListWidgetsOutput"},
                "traits": {"smithy.api#readonly": {}}
            },
            "ex#ListWidgetsOutput": {
                "type": "structure",
                "members": {"items": {"target": "ex#WidgetList"}, "color": {"target": "ex#Color"}}
            },
            "ex#GetPart": {
                "type": "operation",
                "input": {"target": "ex#GetPartInput"},
                "output": {"target": "smithy.api#Unit"},
                "errors": [{"target": "ex#NotFound"}]
            },
            "ex#GetPartInput": {"type": "structure", "members": {"color": {"target": "ex#Color"}}},
            "ex#CreateWidget": {"type": "operation", "input": {"target": "ex#CreateWidgetInput"}},
            "ex#CreateWidgetInput": {"type": "structure", "members": {}},
            "ex#Frob": {"type": "operation"},
            "ex#Standalone": {"type": "operation", "output": {"target": "ex#StandaloneOutput"}},
            "ex#StandaloneOutput": {"type": "structure", "members": {"summary": {"target": "ex#WidgetSummary"}}},
            "ex#Other": {"type": "operation", "output": {"target": "ex#OtherOutput"}},
            "ex#OtherOutput": {"type": "structure", "members": {}}
        }
    })
}

fn ops(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_string()).collect()
}

fn run_fixture(names: &[&str]) -> Result<Files, String> {
    slice(
        &fixture().to_string(),
        "fixture.json",
        "ex#Svc",
        &ops(names),
    )
}

fn parse(files: &Files, rel: &str) -> Value {
    let text = files
        .get(rel)
        .unwrap_or_else(|| panic!("{rel} not produced: {:?}", files.keys()));
    serde_json::from_str(text).expect("produced JSON parses")
}

fn shape_ids(file: &Value) -> Vec<String> {
    file["shapes"]
        .as_object()
        .expect("shapes object")
        .keys()
        .cloned()
        .collect()
}

#[test]
fn slices_closure_and_places_shared_shapes_in_service_json() {
    let files = run_fixture(&["GetWidget", "ListWidgets", "GetPart"]).expect("slice succeeds");
    assert_eq!(
        files.keys().cloned().collect::<Vec<_>>(),
        vec![
            "operations/GetPart.json",
            "operations/GetWidget.json",
            "operations/ListWidgets.json",
            "service.json"
        ]
    );

    let service = parse(&files, "service.json");
    assert_eq!(
        shape_ids(&service),
        vec![
            // service-level: service, bound resources, identifier targets, service errors
            // shared: NotFound (GetWidget + GetPart), Color (ListWidgets + GetPart),
            // WidgetSummary + its mixin (GetWidget + ListWidgets)
            "ex#Color",
            "ex#NotFound",
            "ex#Part",
            "ex#ServiceError",
            "ex#Svc",
            "ex#Timestamps",
            "ex#Widget",
            "ex#WidgetId",
            "ex#WidgetSummary",
        ]
    );
    assert_eq!(
        shape_ids(&parse(&files, "operations/GetWidget.json")),
        vec![
            "ex#GetWidget",
            "ex#GetWidgetInput",
            "ex#GetWidgetOutput",
            "ex#Label",
            "ex#Labels",
            "ex#marker"
        ]
    );
    assert_eq!(
        shape_ids(&parse(&files, "operations/ListWidgets.json")),
        vec!["ex#ListWidgets", "ex#ListWidgetsOutput", "ex#WidgetList"]
    );
    assert_eq!(
        shape_ids(&parse(&files, "operations/GetPart.json")),
        vec!["ex#GetPart", "ex#GetPartInput"]
    );

    // The service keeps every trait, in source order; bindings and renames are pruned.
    let svc = &service["shapes"]["ex#Svc"];
    assert_eq!(
        svc["traits"]
            .as_object()
            .map(|t| t.keys().cloned().collect::<Vec<_>>()),
        Some(ops(&[
            "smithy.api#title",
            "smithy.api#documentation",
            "aws.protocols#restJson1"
        ]))
    );
    assert!(
        svc.get("operations").is_none(),
        "Standalone was not sliced: {svc}"
    );
    assert_eq!(svc["resources"], json!([{"target": "ex#Widget"}]));
    assert_eq!(svc["rename"], json!({"ex#WidgetSummary": "Summary"}));
    assert_eq!(svc["errors"], json!([{"target": "ex#ServiceError"}]));

    let widget = &service["shapes"]["ex#Widget"];
    assert_eq!(
        widget
            .as_object()
            .map(|w| w.keys().cloned().collect::<Vec<_>>()),
        Some(ops(&[
            "type",
            "identifiers",
            "read",
            "list",
            "resources",
            "traits"
        ]))
    );
    assert_eq!(widget["resources"], json!([{"target": "ex#Part"}]));

    // Member order is the source order, not alphabetical.
    let summary = &service["shapes"]["ex#WidgetSummary"]["members"];
    assert_eq!(
        summary
            .as_object()
            .map(|m| m.keys().cloned().collect::<Vec<_>>()),
        Some(ops(&["zeta", "alpha"]))
    );
}

#[test]
fn output_format_is_stable() {
    let files = run_fixture(&["GetPart"]).expect("slice succeeds");
    let text = &files["operations/GetPart.json"];
    assert!(
        text.starts_with(
            "{\n    \"smithy\": \"2.0\",\n    \"shapes\": {\n        \"ex#Color\": {\n"
        ),
        "{text}"
    );
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"), "{text}");
    let again = run_fixture(&["GetPart"]).expect("slice succeeds");
    assert_eq!(files, again);
}

#[test]
fn single_operation_keeps_its_shapes_and_service_level_shapes_apart() {
    let files = run_fixture(&["ex#GetPart"]).expect("full shape ids are accepted");
    let service = parse(&files, "service.json");
    assert_eq!(
        shape_ids(&service),
        vec![
            "ex#Part",
            "ex#ServiceError",
            "ex#Svc",
            "ex#Widget",
            "ex#WidgetId"
        ]
    );
    // Widget is kept only as the path to Part: no lifecycle operations of its own remain.
    let widget = service["shapes"]["ex#Widget"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    assert!(
        !widget.contains_key("read") && !widget.contains_key("list"),
        "{widget:?}"
    );
    assert!(service["shapes"]["ex#Svc"].get("rename").is_none());
    assert_eq!(
        shape_ids(&parse(&files, "operations/GetPart.json")),
        vec!["ex#Color", "ex#GetPart", "ex#GetPartInput", "ex#NotFound"]
    );
}

#[test]
fn direct_operations_are_found() {
    let files = run_fixture(&["Standalone"]).expect("slice succeeds");
    let service = parse(&files, "service.json");
    let svc = &service["shapes"]["ex#Svc"];
    assert_eq!(svc["operations"], json!([{"target": "ex#Standalone"}]));
    assert!(svc.get("resources").is_none());
    assert_eq!(shape_ids(&service), vec!["ex#ServiceError", "ex#Svc"]);
}

#[test]
fn unknown_operation_is_an_error_naming_it() {
    let err = run_fixture(&["GetWidget", "NoSuchThing"]).expect_err("must fail");
    assert!(
        err.contains("NoSuchThing") && err.contains("fixture.json"),
        "{err}"
    );
    assert!(
        err.contains("GetWidget"),
        "lists the bound operations: {err}"
    );
    // Operations bound to a different service are not found either.
    let err = slice(
        &fixture().to_string(),
        "fixture.json",
        "ex#Svc",
        &ops(&["Missing"]),
    )
    .expect_err("must fail");
    assert!(err.contains("Missing"), "{err}");
}

#[test]
fn bad_inputs_are_errors() {
    let err = slice("{not json", "bad.json", "ex#Svc", &ops(&["GetWidget"])).expect_err("bad JSON");
    assert!(
        err.contains("bad.json") && err.contains("invalid JSON"),
        "{err}"
    );

    let err = run_fixture_with_service("ex#Nope").expect_err("unknown service");
    assert!(err.contains("ex#Nope") && err.contains("ex#Svc"), "{err}");
    let err = run_fixture_with_service("ex#Widget").expect_err("not a service");
    assert!(err.contains("not a service"), "{err}");

    let err = run_fixture(&["GetWidget", "GetWidget"]).expect_err("duplicate");
    assert!(err.contains("more than once"), "{err}");
    let err = run_fixture(&[]).expect_err("no operations");
    assert!(err.contains("no operations"), "{err}");

    let mut broken = fixture();
    broken["shapes"]["ex#GetWidgetOutput"]["members"]["labels"]["target"] = json!("ex#Gone");
    let err = slice(
        &broken.to_string(),
        "broken.json",
        "ex#Svc",
        &ops(&["GetWidget"]),
    )
    .expect_err("missing shape");
    assert!(
        err.contains("ex#Gone")
            && err.contains("ex#GetWidgetOutput")
            && err.contains("broken.json"),
        "{err}"
    );

    let mut old = fixture();
    old["smithy"] = json!("1.0");
    let err = slice(&old.to_string(), "old.json", "ex#Svc", &ops(&["GetWidget"])).expect_err("1.0");
    assert!(err.contains("1.0"), "{err}");
}

fn run_fixture_with_service(service: &str) -> Result<Files, String> {
    slice(
        &fixture().to_string(),
        "fixture.json",
        service,
        &ops(&["GetWidget"]),
    )
}

#[test]
fn paths_are_recorded_relative_to_the_workspace_root() {
    let root = Path::new("/work/main");
    assert_eq!(
        relative_path(root, &normalize(&root.join("../shared/reference/a.json"))),
        "../shared/reference/a.json"
    );
    assert_eq!(
        relative_path(root, &normalize(&root.join("./models/x/../y"))),
        "models/y"
    );
    assert_eq!(relative_path(root, root), ".");
    let shared = PathBuf::from("/elsewhere/shared");
    assert_eq!(
        resolve_source(root, "../shared/reference/a.json", Some(&shared)),
        shared.join("reference/a.json")
    );
    assert_eq!(
        resolve_source(root, "../shared/reference/a.json", None),
        PathBuf::from("/work/shared/reference/a.json")
    );
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("xtask-import-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn import_writes_checks_and_removes_stale_files() {
    let tmp = TempDir::new("write");
    let source = tmp.0.join("full.json");
    fs::write(&source, fixture().to_string()).expect("write fixture");
    let out = tmp.0.join("models/ex");

    let record = ImportRecord {
        from: "full.json".to_string(),
        service: "ex#Svc".to_string(),
        operations: ops(&["GetWidget", "ListWidgets"]),
    };
    let files = build_import(&source, &Record::Smithy(record.clone()))
        .expect("import builds")
        .files;
    assert_eq!(
        files["import.json"],
        "{\n    \"from\": \"full.json\",\n    \"service\": \"ex#Svc\",\n    \"operations\": [\n        \"GetWidget\",\n        \"ListWidgets\"\n    ]\n}\n"
    );
    assert_eq!(
        changed_files(&out, &files).len(),
        files.len(),
        "all missing at first"
    );
    write_files(&out, &files).expect("write");
    assert!(changed_files(&out, &files).is_empty());

    // A narrower slice removes the stale operation file; a check reports it first.
    let narrower = ImportRecord {
        operations: ops(&["GetWidget"]),
        ..record.clone()
    };
    let files2 = build_import(&source, &Record::Smithy(narrower))
        .expect("import builds")
        .files;
    let changed = changed_files(&out, &files2);
    assert!(
        changed
            .iter()
            .any(|c| c.contains("ListWidgets.json") && c.contains("stale")),
        "{changed:?}"
    );
    assert!(
        changed
            .iter()
            .any(|c| c.contains("service.json") && c.contains("differs")),
        "{changed:?}"
    );
    write_files(&out, &files2).expect("write");
    assert!(!out.join("operations/ListWidgets.json").exists());
    assert!(changed_files(&out, &files2).is_empty());

    // A failing import touches nothing.
    let before = fs::read(out.join("service.json")).expect("read");
    let bad = ImportRecord {
        operations: ops(&["Nope"]),
        ..record
    };
    assert!(build_import(&source, &Record::Smithy(bad)).is_err());
    assert_eq!(fs::read(out.join("service.json")).expect("read"), before);
}

#[test]
fn recorded_imports_match_committed_models() {
    let Ok(root) = workspace_root() else {
        panic!("cannot find the workspace root");
    };
    let shared = shared_dir_override().unwrap_or_else(|| normalize(&root.join("../shared")));
    if !shared.is_dir() {
        eprintln!(
            "SKIPPED: recorded_imports_match_committed_models: shared reference dir {} is absent (set {SHARED_DIR_ENV})",
            shared.display()
        );
        return;
    }
    let plans = match plan_recorded_imports(&root, Some(&shared)) {
        Ok(plans) => plans,
        Err(e) => panic!("re-running recorded imports failed: {e}"),
    };
    assert!(
        plans.len() >= 3,
        "expected the bedrock-agentcore, billforward and partnercentral-account imports, found {}",
        plans.len()
    );
    let changed: Vec<String> = plans
        .iter()
        .flat_map(|(dir, plan)| changed_files(dir, &plan.files))
        .collect();
    assert!(
        changed.is_empty(),
        "models differ from their recorded imports (run `cargo xtask import refresh`):\n{}",
        changed.join("\n")
    );
}
