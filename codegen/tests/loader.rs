//! Loader tests against fixture files, the shared reference models and the workspace's models.

use std::path::{Path, PathBuf};

use codegen::model::{
    EnumValue, Model, ModelError, ProtocolTrait, RangeTrait, ShapeId, ShapeKind, Source,
    TimestampFormat, load_model, load_model_from_sources,
};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/model")
}

/// The shared reference directory: `$SDK_SHARED_DIR`, else `../shared` beside the workspace root.
fn shared_dir() -> PathBuf {
    match std::env::var_os("SDK_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
    }
}

fn load_ok(paths: &[PathBuf]) -> Model {
    match load_model(paths) {
        Ok(m) => m,
        Err(e) => panic!("model failed to load:\n{e}"),
    }
}

fn id(s: &str) -> ShapeId {
    ShapeId::parse(s).unwrap_or_else(|| panic!("bad id {s}"))
}

#[test]
fn loads_reference_models() {
    let shared = shared_dir();
    let files = [
        "reference/aws/bedrock-agentcore-2024-02-28.json",
        "reference/aws/partnercentral-account-2025-04-04.json",
        "conformance/aws-protocol-tests-restjson1-awsjson10.json",
    ];
    for file in files {
        let path = shared.join(file);
        if !path.is_file() {
            eprintln!(
                "SKIPPED: {} is absent (set SDK_SHARED_DIR to the shared dir)",
                path.display()
            );
            continue;
        }
        let model = load_ok(std::slice::from_ref(&path));
        let services: Vec<_> = model.services().map(|s| s.id.clone()).collect();
        assert!(!services.is_empty(), "{file}: no service");
        for svc in &services {
            assert!(
                !model.service_operations(svc).is_empty(),
                "{file}: {svc} has no operations"
            );
        }
        if file.starts_with("reference/") {
            // Every operation in the AWS models is bound to the service, most through resources.
            let all_ops: Vec<ShapeId> = model
                .shapes
                .values()
                .filter(|s| matches!(s.kind, ShapeKind::Operation(_)))
                .map(|s| s.id.clone())
                .collect();
            assert_eq!(model.service_operations(&services[0]), all_ops, "{file}");
        }
        eprintln!(
            "{file}: {} shapes, services {services:?}",
            model.shapes.len()
        );
    }
}

/// The workspace's own models (written separately; skipped until they exist).
#[test]
fn loads_workspace_models() {
    let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models");
    let dirs: Vec<PathBuf> = match std::fs::read_dir(&models) {
        Ok(entries) => {
            let mut dirs: Vec<PathBuf> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            dirs.sort();
            dirs
        }
        Err(_) => Vec::new(),
    };
    if dirs.is_empty() {
        eprintln!(
            "SKIPPED: no service directories under {} yet",
            models.display()
        );
        return;
    }
    for dir in dirs {
        let model = load_ok(std::slice::from_ref(&dir));
        let services: Vec<_> = model.services().map(|s| s.id.clone()).collect();
        assert_eq!(
            services.len(),
            1,
            "{}: expected exactly one service, found {services:?}",
            dir.display()
        );
        // The operations DESIGN.md lists per service.
        let expected: &[&str] = match dir.file_name().and_then(|n| n.to_str()) {
            Some("bedrock-agentcore") => &[
                "CreatePaymentSession",
                "GetPaymentSession",
                "ListPaymentSessions",
            ],
            Some("partnercentral-account") => &["ListConnections"],
            Some("billforward") => &[
                "GetActiveSessionsForSubscription",
                "GetUsageListForUsageSession",
                "StartUsageSession",
                "StopUsageSession",
            ],
            _ => &[],
        };
        for svc in &services {
            let ops = model.service_operations(svc);
            assert!(
                !ops.is_empty(),
                "{}: {svc} has no operations",
                dir.display()
            );
            if !expected.is_empty() {
                let names: Vec<&str> = ops.iter().map(|o| o.name.as_str()).collect();
                assert_eq!(names, expected, "{}", dir.display());
            }
        }
    }
}

/// `(file, json_path, message)` of every error, files shown relative to the fixtures dir.
fn errors_of(paths: &[PathBuf]) -> Vec<(String, String, String)> {
    let base = format!("{}/", fixtures().display());
    match load_model(paths) {
        Ok(_) => panic!("expected {paths:?} to fail"),
        Err(errors) => errors
            .into_iter()
            .map(
                |ModelError {
                     file,
                     json_path,
                     message,
                 }| {
                    (
                        file.strip_prefix(&base).unwrap_or(&file).to_string(),
                        json_path,
                        message.replace(&base, ""),
                    )
                },
            )
            .collect(),
    }
}

fn err(file: &str, path: &str, message: &str) -> (String, String, String) {
    (file.to_string(), path.to_string(), message.to_string())
}

fn fixture(rel: &str) -> PathBuf {
    fixtures().join(rel)
}

#[test]
fn happy_path_two_files_with_identical_redefinition() {
    // The directory also holds codegen.json (no "smithy" key), which is skipped.
    let model = load_ok(&[fixture("happy")]);
    let svc = model
        .get(&id("example.things#ThingService"))
        .unwrap_or_else(|| panic!("no service"));
    assert_eq!(svc.traits.protocol, Some(ProtocolTrait::RestJson1));
    assert_eq!(svc.traits.sigv4.as_deref(), Some("things"));
    assert!(
        svc.origin.file.ends_with("happy/service.json"),
        "{}",
        svc.origin.file
    );
    assert_eq!(
        model.service_operations(&svc.id),
        vec![id("example.things#GetThing")]
    );

    let op = model
        .get(&id("example.things#GetThing"))
        .unwrap_or_else(|| panic!("no op"));
    assert!(op.origin.file.ends_with("operations/GetThing.json"));
    let http = op.traits.http.clone().unwrap_or_else(|| panic!("no @http"));
    assert_eq!(
        (http.method.as_str(), http.uri.as_str(), http.code),
        ("GET", "/things/{thingId}", 200)
    );
    match &op.kind {
        ShapeKind::Operation(o) => {
            assert_eq!(o.input, id("example.things#GetThingInput"));
            assert_eq!(o.errors, vec![id("example.things#NotFound")]);
        }
        other => panic!("expected an operation, got {other:?}"),
    }

    // Defined identically in both files: kept once, from the first file read.
    let thing_id = model
        .get(&id("example.things#ThingId"))
        .unwrap_or_else(|| panic!("no ThingId"));
    assert!(
        thing_id
            .origin
            .file
            .ends_with("happy/operations/GetThing.json"),
        "{}",
        thing_id.origin.file
    );
    assert_eq!(thing_id.traits.length.and_then(|l| l.max), Some(64));

    let input = model.members(&id("example.things#GetThingInput"));
    let names: Vec<_> = input
        .iter()
        .map(|m| {
            (
                m.name.as_str(),
                m.traits.http_label,
                m.traits.http_query.clone(),
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("thingId", true, None),
            ("verbose", false, Some("verbose".to_string()))
        ]
    );
    let output = model.members(&id("example.things#GetThingOutput"));
    assert_eq!(
        output.get(2).and_then(|m| m.traits.timestamp_format),
        Some(TimestampFormat::EpochSeconds)
    );
    let colors: Vec<_> = model
        .members(&id("example.things#Color"))
        .iter()
        .map(|m| m.traits.enum_value.clone())
        .collect();
    assert_eq!(
        colors,
        vec![
            Some(EnumValue::String("RED".into())),
            Some(EnumValue::String("dark-blue".into()))
        ]
    );
    // Metadata arrays from both files concatenate.
    let suppressions = model
        .metadata
        .get("suppressions")
        .and_then(|v| v.as_array())
        .map(Vec::len);
    assert_eq!(suppressions, Some(2));
    // The prelude is there.
    assert!(model.get(&id("smithy.api#PrimitiveLong")).is_some());
}

#[test]
fn conflicting_redefinition_names_both_files() {
    assert_eq!(
        errors_of(&[fixture("conflict")]),
        vec![err(
            "conflict/b.json",
            r#"$.shapes["example.c#Name"]"#,
            "conflicting definitions of shape example.c#Name: conflict/a.json and conflict/b.json define it differently",
        )]
    );
}

#[test]
fn mixins_are_flattened() {
    let model = load_ok(&[fixture("mixins/model.json")]);
    let thing = model
        .get(&id("example.m#Thing"))
        .unwrap_or_else(|| panic!("no Thing"));
    let members = model.members(&thing.id);
    let names: Vec<_> = members.iter().map(|m| m.name.as_str()).collect();
    // Mixin members first (mixins of mixins first), then the shape's own.
    assert_eq!(names, vec!["createdAt", "updatedAt", "owner", "name"]);
    // Member traits merge: docs from the mixin, @required from the redefinition.
    let created = &members[0];
    assert!(created.traits.required);
    assert_eq!(
        created.traits.documentation.as_deref(),
        Some("When created.")
    );
    assert!(members[2].traits.required);
    // Shape traits: inherited unless local; the shape's own documentation wins; @mixin is not inherited.
    assert!(thing.traits.sensitive);
    assert_eq!(thing.traits.documentation.as_deref(), Some("A thing."));
    assert!(!thing.traits.is_mixin());
    assert!(!thing.traits.other.contains_key("smithy.api#internal"));
    // Mixins stay in the model, marked.
    let owned = model
        .get(&id("example.m#Owned"))
        .unwrap_or_else(|| panic!("no Owned"));
    assert!(owned.traits.is_mixin());
    assert_eq!(model.members(&owned.id).len(), 3);
}

#[test]
fn apply_adds_traits_from_another_file() {
    let model = load_ok(&[fixture("apply")]);
    let widget = model
        .get(&id("example.a#Widget"))
        .unwrap_or_else(|| panic!("no Widget"));
    assert_eq!(
        widget.traits.documentation.as_deref(),
        Some("Applied docs.")
    );
    // List-valued traits concatenate.
    assert_eq!(
        widget.traits.other.get("smithy.api#tags"),
        Some(&serde_json::json!(["a", "b"]))
    );
    let members = model.members(&widget.id);
    // `id` comes from the mixin; apply reached it after flattening.
    assert_eq!(
        members
            .iter()
            .map(|m| (m.name.as_str(), m.traits.required))
            .collect::<Vec<_>>(),
        vec![("id", true), ("size", false)]
    );
    assert_eq!(
        members[1].traits.range,
        Some(RangeTrait {
            min: Some(1.0),
            max: Some(9.0)
        })
    );
}

#[test]
fn operations_bound_through_resources() {
    let model = load_ok(&[fixture("resources/model.json")]);
    let ops = model.service_operations(&id("example.r#Service"));
    let expected: Vec<ShapeId> = ["GetDetail", "GetForecast", "ListForecasts", "Ping"]
        .iter()
        .map(|n| ShapeId::new("example.r", n))
        .collect();
    assert_eq!(ops, expected);
    match model.get(&id("example.r#Ping")).map(|s| &s.kind) {
        Some(ShapeKind::Operation(o)) => {
            assert_eq!(o.input, id("smithy.api#Unit"));
            assert_eq!(o.output, id("smithy.api#Unit"));
        }
        other => panic!("expected an operation, got {other:?}"),
    }
    match model.get(&id("example.r#Forecast")).map(|s| &s.kind) {
        Some(ShapeKind::Resource(r)) => {
            assert_eq!(
                r.operations,
                vec![id("example.r#GetForecast"), id("example.r#ListForecasts")]
            );
            assert_eq!(
                r.identifiers.get("forecastId"),
                Some(&id("smithy.api#String"))
            );
        }
        other => panic!("expected a resource, got {other:?}"),
    }
    assert!(model.service_operations(&id("example.r#Ping")).is_empty());
}

#[test]
fn invalid_json() {
    assert_eq!(
        errors_of(&[fixture("errors/invalid_json.json")]),
        vec![err(
            "errors/invalid_json.json",
            "$",
            "invalid JSON: trailing comma at line 4 column 42"
        )]
    );
}

#[test]
fn unknown_target() {
    assert_eq!(
        errors_of(&[fixture("errors/unknown_target.json")]),
        vec![
            err(
                "errors/unknown_target.json",
                r#"$.shapes["example.e#Foo"].members.bar.target"#,
                "unknown shape example.e#Missing (not defined in any model file nor in the prelude)",
            ),
            err(
                "errors/unknown_target.json",
                r#"$.shapes["example.e#Op"].errors[0].target"#,
                "unknown shape example.e#NoSuchError (not defined in any model file nor in the prelude)",
            ),
        ]
    );
}

#[test]
fn wrong_trait_value_types() {
    assert_eq!(
        errors_of(&[fixture("errors/wrong_trait_type.json")]),
        vec![
            err(
                "errors/wrong_trait_type.json",
                r#"$.shapes["example.e#Oops"].traits["smithy.api#httpError"]"#,
                "expected an integer HTTP status code, found a string",
            ),
            err(
                "errors/wrong_trait_type.json",
                r#"$.shapes["example.e#Oops"].members.name.traits["smithy.api#length"].min"#,
                "expected a non-negative integer, found the number -1",
            ),
        ]
    );
}

#[test]
fn http_method_not_a_string() {
    assert_eq!(
        errors_of(&[fixture("errors/http_method_not_string.json")]),
        vec![err(
            "errors/http_method_not_string.json",
            r#"$.shapes["example.e#Op"].traits["smithy.api#http"].method"#,
            "expected a string, found a number",
        )]
    );
}

#[test]
fn http_label_without_uri_segment() {
    assert_eq!(
        errors_of(&[fixture("errors/label_without_segment.json")]),
        vec![
            err(
                "errors/label_without_segment.json",
                r#"$.shapes["example.e#GetX"].traits["smithy.api#http"].uri"#,
                "uri label {other} has no matching input member in example.e#GetXInput",
            ),
            err(
                "errors/label_without_segment.json",
                r#"$.shapes["example.e#GetXInput"].members.id.traits["smithy.api#httpLabel"]"#,
                r#"member "id" is marked @httpLabel but the uri "/x/{other}" has no {id} segment"#,
            ),
        ]
    );
}

#[test]
fn apply_errors() {
    let f = "errors/apply_conflict.json";
    assert_eq!(
        errors_of(&[fixture(f), fixture("errors/apply_conflict_2.json")]),
        vec![
            err(
                f,
                r#"$.shapes["example.e#Doc$nope"]"#,
                r#"apply targets unknown member example.e#Doc$nope (example.e#Doc has no member "nope")"#
            ),
            err(
                f,
                r#"$.shapes["example.e#Missing"]"#,
                "apply targets unknown shape example.e#Missing"
            ),
            err(
                "errors/apply_conflict_2.json",
                r#"$.shapes["example.e#Doc"].traits["smithy.api#documentation"]"#,
                "conflicting values for trait smithy.api#documentation on example.e#Doc: errors/apply_conflict.json and errors/apply_conflict_2.json give different values",
            ),
        ]
    );
}

#[test]
fn http_binding_and_kind_errors() {
    let f = "errors/http_bindings.json";
    let input = r#"$.shapes["example.e#PutInput"].members"#;
    assert_eq!(
        errors_of(&[fixture(f)]),
        vec![
            err(
                f,
                r#"$.shapes["example.e#Ops"].member.target"#,
                r#"member "member" targets example.e#Put, which is an operation; members must target data shapes"#
            ),
            err(
                f,
                r#"$.shapes["example.e#Put"].output.target"#,
                "operation output must target a structure, example.e#Name is a string"
            ),
            err(
                f,
                r#"$.shapes["example.e#Put"].traits["smithy.api#http"].uri"#,
                r#"invalid uri "items/{id}?mode=fast": it must start with "/""#
            ),
            err(
                f,
                &format!("{input}.id"),
                r#"member "id" is bound to a uri label, so it must be marked @required"#
            ),
            err(
                f,
                &format!(r#"{input}.mode.traits["smithy.api#httpQuery"]"#),
                r#"query key "mode" of member "mode" is already set by the uri "items/{id}?mode=fast""#
            ),
            err(
                f,
                &format!("{input}.extra"),
                r#"member "extra" has no http binding and would go in the body, but member "body" is the @httpPayload"#
            ),
            err(
                f,
                &format!("{input}.Extra"),
                r#"member "Extra" differs from member "extra" only in case"#
            ),
            err(
                f,
                &format!(r#"{input}.nested.traits["smithy.api#httpHeader"]"#),
                r#"member "nested" is bound with @httpHeader but targets example.e#Nested, a structure; expected a simple type or a list of them"#
            ),
            err(
                f,
                &format!(r#"{input}.b.traits["smithy.api#httpHeader"]"#),
                r#"members "a" and "b" are bound to the same header "x-thing""#
            ),
        ]
    );
}

#[test]
fn in_memory_sources_and_missing_files() {
    let model = load_model_from_sources(&[Source::InMemory {
        name: "mem.json".into(),
        text: r#"{"smithy": "2", "shapes": {"a.b#C": {"type": "set", "member": {"target": "smithy.api#String"}}}}"#.into(),
    }]);
    let model = model.unwrap_or_else(|e| panic!("{e}"));
    let set = model.get(&id("a.b#C")).unwrap_or_else(|| panic!("no set"));
    assert!(matches!(set.kind, ShapeKind::List(_)) && set.traits.unique_items);

    let missing = fixture("does-not-exist.json");
    let errors = errors_of(std::slice::from_ref(&missing));
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].0.as_str(), errors[0].1.as_str()),
        ("does-not-exist.json", "$")
    );
    assert!(errors[0].2.starts_with("cannot read file: "), "{errors:?}");
}

#[test]
fn directory_without_models_is_an_error() {
    // `errors/` holds models, but a directory of settings files only does not.
    let dir = std::env::temp_dir().join(format!("codegen-loader-empty-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("codegen.json"), r#"{"crate": "x"}"#);
    let result = load_model(std::slice::from_ref(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(_) => panic!("a directory without models loaded"),
        Err(e) => {
            assert_eq!(e.len(), 1, "{e}");
            assert_eq!(e.0[0].file, dir.display().to_string());
            assert!(
                e.0[0].message.starts_with("no Smithy JSON AST model file"),
                "{e}"
            );
        }
    }
}

/// Arbitrary junk must produce errors, never a panic.
#[test]
fn junk_never_panics() {
    let junk = [
        "",
        "null",
        "[]",
        r#"{"smithy": 2}"#,
        r#"{"smithy": "2.0", "shapes": []}"#,
        r#"{"smithy": "2.0", "shapes": {"a#B": 1, "a#C": {"type": 1}, "a#D": {"type": "map"}, "a#E": {"type": "list", "member": {}}}}"#,
        r#"{"smithy": "2.0", "shapes": {"a#B": {"type": "structure", "members": {"x": {"target": "a#B", "traits": {"smithy.api#http": [], "smithy.api#length": {"min": 1e99}, "smithy.api#enumValue": 1.5, "nothash": 1}}}}}}"#,
        r#"{"smithy": "2.0", "shapes": {"a#O": {"type": "operation", "traits": {"smithy.api#http": {"method": "GET", "uri": "/{a}/{a}/{b+}/{c+}/x{y}?{q}"}}}}}"#,
        r#"{"smithy": "2.0", "shapes": {"a#S": {"type": "service", "rename": {"x": 1}, "operations": [1, {"target": 2}, {}]}, "a#R": {"type": "resource", "identifiers": []}}}"#,
        r#"{"smithy": "2.0", "metadata": 1, "extra": true, "shapes": {"a#B$c": {"type": "string"}, "a#X": {"type": "apply", "traits": 3}}}"#,
        r#"{"smithy": "2.0", "shapes": {"a#M": {"type": "structure", "mixins": [{"target": "a#M"}], "traits": {"smithy.api#mixin": {"localTraits": 5}}}}}"#,
    ];
    for text in junk {
        let result = load_model_from_sources(&[Source::InMemory {
            name: "junk.json".into(),
            text: text.into(),
        }]);
        match result {
            Ok(_) => panic!("junk loaded: {text}"),
            Err(e) => {
                eprintln!("{e}");
                assert!(
                    !e.is_empty() && e.iter().all(|x| x.file == "junk.json"),
                    "{text}: {e}"
                );
            }
        }
    }
}

#[test]
fn defaults_must_fit_their_shape() {
    let f = "errors/bad_defaults.json";
    let member = |name: &str| {
        format!(r#"$.shapes["example.e#Defaults"].members.{name}.traits["smithy.api#default"]"#)
    };
    assert_eq!(
        errors_of(&[fixture(f)]),
        vec![
            err(
                f,
                r#"$.shapes["example.e#Choice"].members.a.traits["smithy.api#default"]"#,
                r#"member "a" of a union cannot have a default value"#
            ),
            err(
                f,
                &member("tiny"),
                r#"member "tiny" (targets smithy.api#Byte): 300 is out of range for a byte (-128..=127)"#
            ),
            err(
                f,
                &member("count"),
                r#"member "count" (targets smithy.api#Integer): an integer default must be an integer, found the number 1.5"#
            ),
            err(
                f,
                &member("size"),
                r#"member "size" (targets smithy.api#Integer): an integer default must be an integer, found the string "3""#
            ),
            err(
                f,
                &member("big"),
                r#"member "big" (targets smithy.api#Long): 18446744073709551615 is out of range for a long (-9223372036854775808..=9223372036854775807)"#
            ),
            err(
                f,
                &member("ratio"),
                r#"member "ratio" (targets smithy.api#Float): 1e+300 is out of range for a float"#
            ),
            err(
                f,
                &member("flag"),
                r#"member "flag" (targets smithy.api#Boolean): a boolean default must be true or false, found the string "yes""#
            ),
            err(
                f,
                &member("level"),
                r#"member "level" (targets example.e#Level): "medium" is not one of the enum's values (low, high)"#
            ),
            err(
                f,
                &member("priority"),
                r#"member "priority" (targets example.e#Priority): 3 is not one of the intEnum's values (1)"#
            ),
            err(
                f,
                &member("tags"),
                r#"member "tags" (targets example.e#Tags): a list default must be an empty list ([]), found a non-empty list"#
            ),
            err(
                f,
                &member("nested"),
                r#"member "nested" (targets example.e#Nested): a structure cannot have a default value (only simple types, lists and maps can)"#
            ),
            err(
                f,
                &member("at"),
                r#"member "at" (targets smithy.api#Timestamp): "yesterday" is not an RFC 3339 date-time (like 1985-04-12T23:20:50.52Z)"#
            ),
            err(
                f,
                &member("data"),
                r#"member "data" (targets smithy.api#Blob): a blob default must be base64 text, found the string "not base64!""#
            ),
            err(
                f,
                r#"$.shapes["example.e#Small"].traits["smithy.api#default"]"#,
                "40000 is out of range for a short (-32768..=32767)"
            ),
        ]
    );
}

#[test]
fn int_enum_values_are_i32() {
    let f = "errors/int_enum_out_of_range.json";
    let range = "intEnum values are 32-bit signed integers (-2147483648..=2147483647)";
    assert_eq!(
        errors_of(&[fixture(f)]),
        vec![
            err(
                f,
                r#"$.shapes["example.e#Huge"].members.TOO_BIG.traits["smithy.api#enumValue"]"#,
                &format!("intEnum value 2147483648 is out of range: {range}")
            ),
            err(
                f,
                r#"$.shapes["example.e#Huge"].members.TOO_SMALL.traits["smithy.api#enumValue"]"#,
                &format!("intEnum value -2147483649 is out of range: {range}")
            ),
        ]
    );
}

#[test]
fn lists_and_maps_cannot_contain_themselves_directly() {
    let f = "errors/collection_recursion.json";
    let msg = |id: &str| {
        format!(
            "{id} contains itself through lists and maps only; recursion must pass through a structure or union"
        )
    };
    // `Fine` contains itself through the structure `Holder`: allowed.
    assert_eq!(
        errors_of(&[fixture(f)]),
        vec![
            err(
                f,
                r#"$.shapes["example.e#Nest"].member.target"#,
                &msg("example.e#Nest")
            ),
            err(
                f,
                r#"$.shapes["example.e#Ping"].member.target"#,
                &msg("example.e#Ping")
            ),
            err(
                f,
                r#"$.shapes["example.e#Pong"].value.target"#,
                &msg("example.e#Pong")
            ),
            err(
                f,
                r#"$.shapes["example.e#Tree"].value.target"#,
                &msg("example.e#Tree")
            ),
        ]
    );
}

#[test]
fn enum_values_and_json_names_are_unique() {
    let f = "errors/enum_values.json";
    let legacy = r#"$.shapes["example.e#Legacy"].traits["smithy.api#enum"]"#;
    assert_eq!(
        errors_of(&[fixture(f)]),
        vec![
            err(
                f,
                r#"$.shapes["example.e#Color"].members.CRIMSON"#,
                r#"members "RED" and "CRIMSON" have the same value "red""#
            ),
            err(
                f,
                r#"$.shapes["example.e#Keys"].members.key"#,
                r#"members "first" and "key" are both written as the JSON key "key""#
            ),
            err(
                f,
                &format!("{legacy}[1]"),
                r#"missing required property "value""#
            ),
            err(
                f,
                &format!("{legacy}[2].name"),
                "expected a string, found a number"
            ),
            err(
                f,
                &format!("{legacy}[2].value"),
                r#"value "a" is already defined by entry 0"#
            ),
            err(
                f,
                &format!("{legacy}[3]"),
                r#"expected an object with a "value""#
            ),
            err(
                f,
                r#"$.shapes["example.e#Level"].members.UNO"#,
                r#"members "ONE" and "UNO" have the same value "1""#
            ),
        ]
    );
}

/// Trait properties the loader does not know are warnings (a newer Smithy may define them), not
/// errors: the model loads, and each warning names the file, JSON path and property.
#[test]
fn unknown_trait_properties_are_warnings() {
    let model = load_ok(&[fixture("warnings/unknown_properties.json")]);
    let base = format!("{}/", fixtures().display());
    let warnings: Vec<(String, String, String)> = model
        .warnings
        .iter()
        .map(|w| {
            (
                w.file.strip_prefix(&base).unwrap_or(&w.file).to_string(),
                w.json_path.clone(),
                w.message.clone(),
            )
        })
        .collect();
    let f = "warnings/unknown_properties.json";
    assert_eq!(
        warnings,
        vec![
            err(
                f,
                r#"$.shapes["example.w#List"].traits["smithy.api#paginated"].stopOnEmpty"#,
                r#"unknown property "stopOnEmpty" is ignored (the trait defines: inputToken, outputToken, items, pageSize)"#
            ),
            err(
                f,
                r#"$.shapes["example.w#ListInput"].members.next.traits["smithy.api#length"].unit"#,
                r#"unknown property "unit" is ignored (the trait defines: min, max)"#
            ),
            err(
                f,
                r#"$.shapes["example.w#Kind"].traits["smithy.api#enum"][0].since"#,
                r#"unknown property "since" is ignored (the trait defines: value, name, documentation, tags, deprecated)"#
            ),
        ]
    );
    // What the traits do define is still read.
    let op = model.get(&id("example.w#List"));
    let paginated = op.and_then(|s| s.traits.paginated.clone());
    assert_eq!(paginated.and_then(|p| p.items).as_deref(), Some("things"));
    let input = model.members(&id("example.w#ListInput"));
    assert_eq!(
        input
            .first()
            .and_then(|m| m.traits.length)
            .and_then(|l| l.min),
        Some(1)
    );
}
