//! The naming policy (`codegen::ir::names`) on the `naming` and `recursion` fixtures under
//! `tests/fixtures/`: every name the IR decides is valid, unique and the one the policy promises.
//! (The generated crates are workspace members, so `cargo build` checks that they compile.)

use std::path::{Path, PathBuf};

use codegen::ir::{self, Service, Structure, TypeDef};
use codegen::model::{ShapeId, load_model};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

fn service(fixture_name: &str, id: &str) -> Service {
    let model = load_model(&[fixture(fixture_name)]).unwrap_or_else(|e| panic!("{e}"));
    let id = ShapeId::parse(id).unwrap_or_else(|| panic!("bad id {id}"));
    ir::build_service(&model, &id, None).unwrap_or_else(|e| panic!("{e}"))
}

fn naming() -> Service {
    service("naming", "com.example.naming#NamingService")
}

fn input<'s>(service: &'s Service, operation: &str) -> &'s Structure {
    &service
        .operations
        .iter()
        .find(|o| o.id.name == operation)
        .unwrap_or_else(|| panic!("no operation {operation}"))
        .input
}

/// `(member, rust_name)` of every field.
fn field_names(s: &Structure) -> Vec<(&str, &str)> {
    s.fields
        .iter()
        .map(|f| (f.member.as_str(), f.rust_name.as_str()))
        .collect()
}

#[test]
fn operations_named_after_keywords_and_client_methods() {
    let service = naming();
    let names: Vec<(&str, &str, &str)> = service
        .operations
        .iter()
        .map(|o| (o.id.name.as_str(), o.name.as_str(), o.snake_name.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Config", "Config", "config_value"),
            ("Crate", "Crate", "crate_value"),
            ("Describe", "Describe", "describe"),
            ("describe", "Describe2", "describe2"),
            ("Foo", "Foo", "foo"),
            ("ListFoos", "ListFoos", "list_foos"),
            ("Match", "Match", "r#match"),
            ("New", "New", "new_value"),
            ("Describe", "OtherDescribe", "other_describe"),
            ("Self", "SelfValue", "self_value"),
            ("Type", "Type", "r#type"),
        ]
    );
    // A raw module name is read from the file without `r#`.
    let files = codegen::render::render_crate(&service).unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&"src/operation/type.rs"), "{paths:?}");
    assert!(paths.contains(&"src/operation/match.rs"), "{paths:?}");
    let index = files
        .iter()
        .find(|f| f.path == "src/operation.rs")
        .map(|f| f.contents.as_str())
        .unwrap_or_default();
    assert!(index.contains("pub mod r#type;"), "{index}");
}

#[test]
fn colliding_and_reserved_members() {
    let service = naming();
    assert_eq!(
        field_names(input(&service, "Foo")),
        vec![
            ("fooBar", "foo_bar"),
            ("foo_bar", "foo_bar_2"),
            ("setFoo", "set_foo_2"),
            ("foo", "foo"),
            ("getFoo", "get_foo_2"),
            ("meta", "meta_value"),
            ("validate", "validate_value"),
            ("builder", "builder_value"),
            ("build", "build_value_2"),
            ("buildValue", "build_value"),
            ("send", "send_value"),
            ("asInput", "as_input_value"),
            ("customize", "customize_value"),
            ("config", "config"),
            ("new", "new_value"),
            ("inner", "inner"),
            ("type", "r#type"),
            ("super", "super_value"),
            ("crate", "crate_value"),
            ("_", "underscore"),
            ("__", "underscore_underscore"),
            ("input", "input"),
            ("output", "output"),
            ("builderShape", "builder_shape"),
            ("choice", "choice"),
        ]
    );
    let list = input(&service, "ListFoos");
    assert_eq!(
        field_names(list),
        vec![
            ("nextToken", "next_token"),
            ("maxResults", "max_results"),
            ("intoPaginator", "into_paginator_value"),
            ("setNextToken", "set_next_token_2"),
        ]
    );
    let output = &service
        .operations
        .iter()
        .find(|o| o.id.name == "Foo")
        .unwrap_or_else(|| panic!("no Foo"))
        .output;
    let names = field_names(output);
    assert!(names.contains(&("meta", "meta_value")), "{names:?}");
    assert!(
        names.contains(&("retryableErrorKind", "retryable_error_kind_value")),
        "{names:?}"
    );
}

#[test]
fn errors_named_like_the_fallback_variant_or_the_error_enum() {
    let service = naming();
    let foo = service
        .operations
        .iter()
        .find(|o| o.id.name == "Foo")
        .unwrap_or_else(|| panic!("no Foo"));
    let errors: Vec<(&str, &str)> = foo
        .errors
        .iter()
        .map(|e| (e.code.as_str(), e.rust_name.as_str()))
        .collect();
    // The wire code stays; the Rust name leaves `Unhandled` to the fallback.
    assert_eq!(
        errors,
        vec![("FooError", "FooError"), ("Unhandled", "UnhandledValue")]
    );
    let unhandled = service
        .errors
        .iter()
        .find(|e| e.rust_name == "UnhandledValue")
        .unwrap_or_else(|| panic!("no UnhandledValue"));
    assert_eq!(
        field_names(unhandled),
        vec![
            ("message", "message"),
            ("meta", "meta_value"),
            ("retryableErrorKind", "retryable_error_kind_value"),
        ]
    );
}

#[test]
fn type_names() {
    let service = naming();
    let names: Vec<&str> = service.types.iter().map(TypeDef::rust_name).collect();
    for expected in [
        // Renamed by the service: `a b`, `1abc`, `日本`.
        "AB",
        "V1abc",
        "U65e5U672c",
        // Keywords, std names and one-letter names: fine as they are (generated code uses full
        // paths and no generic parameters beside them), but `Self`.
        "A",
        "D",
        "S",
        "Visitor",
        "SelfValue",
        "Type",
        "Option",
        "Result",
        "String",
        "Box",
        "Some",
        "None",
        "Ok",
        "Err",
        "Default",
        "Clone",
        "Debug",
        "Send",
        "Sized",
        "Into",
        "From",
        "Error",
        "Blob",
        "DateTime",
        // Named like generated types; they live in `types`, apart from them.
        "Client",
        "Config",
        "Builder",
        "FooInput",
        "FooOutput",
        "FooBuilder",
        // A second `Option` from another namespace.
        "OtherOption",
    ] {
        assert!(names.contains(&expected), "no type {expected}: {names:?}");
    }
    let mut sorted = names.clone();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "duplicate type names: {names:?}");
}

fn variants(service: &Service, rust_name: &str) -> (Vec<String>, String) {
    match service.types.iter().find(|t| t.rust_name() == rust_name) {
        Some(TypeDef::Enum(e)) => (
            e.variants.iter().map(|v| v.rust_name.clone()).collect(),
            e.unknown_variant.clone(),
        ),
        Some(TypeDef::Union(u)) => (
            u.variants
                .iter()
                .map(|f| format!("{}/{}", f.variant, f.rust_name))
                .collect(),
            u.unknown_variant.clone(),
        ),
        _ => panic!("no enum or union {rust_name}"),
    }
}

#[test]
fn enum_and_union_variants() {
    let service = naming();
    let (symbols, unknown) = variants(&service, "Symbols");
    assert_eq!(
        symbols,
        vec![
            "Plus",
            "Minus1",
            "V1",
            "Star",
            "Empty",
            "AB",
            "AB2",
            "U65e5U672c",
            "SelfValue",
            "SelfValue2",
            "Crate",
            "Underscore",
            "V9lives",
            "Unknown",
            "Unknown2"
        ]
    );
    assert_eq!(unknown, "UnknownValue");
    let (named, unknown) = variants(&service, "Named");
    assert_eq!(named, vec!["SelfValue", "V1st", "AB", "AB2", "Unknown"]);
    assert_eq!(unknown, "UnknownValue");
    let (levels, unknown) = variants(&service, "Levels");
    assert_eq!(
        levels,
        vec!["Unknown", "UnknownValue", "SelfValue", "SelfValue2", "V1"]
    );
    assert_eq!(unknown, "UnknownValue2");
    let (numbers, unknown) = variants(&service, "Numbers");
    assert_eq!(numbers, vec!["Unknown", "Min", "Max"]);
    assert_eq!(unknown, "UnknownValue");
    // Union variants / their `is_*` names; the catch-all yields `Unknown` to the member.
    let (choice, unknown) = variants(&service, "Choice");
    assert_eq!(
        choice,
        vec![
            "Unknown/unknown",
            "UnknownValue/unknown_value",
            "FooBar/foo_bar",
            "FooBar2/foo_bar_2",
            "Type/r#type",
            "SelfValue/self_value",
        ]
    );
    assert_eq!(unknown, "UnknownValue2");
    let (result, unknown) = variants(&service, "Result");
    assert_eq!(result, vec!["Ok/ok", "Err/err"]);
    assert_eq!(unknown, "Unknown");
}

/// Schema statics are named by the IR so that none of a module collide: a member `tagsItem` meets
/// the list items of `tags`, and a member `xSchema` meets the shape `TaggedMemberX`.
#[test]
fn schema_static_names_never_collide() {
    let service = naming();
    let structure =
        |rust_name: &str| match service.types.iter().find(|t| t.rust_name() == rust_name) {
            Some(TypeDef::Structure(s)) => s.clone(),
            _ => panic!("no structure {rust_name}"),
        };
    let tagged = structure("Tagged");
    assert_eq!(tagged.schema_name, "TAGGED_SCHEMA");
    let members: Vec<&str> = tagged
        .fields
        .iter()
        .map(|f| f.schema_name.as_str())
        .collect();
    // `tags` also claims `TAGGED_MEMBER_TAGS_ITEM` for its items.
    assert_eq!(
        members,
        [
            "TAGGED_MEMBER_TAGS",
            "TAGGED_MEMBER_TAGS_ITEM2",
            "TAGGED_MEMBER_X_SCHEMA"
        ]
    );
    assert_eq!(
        structure("TaggedMemberX").schema_name,
        "TAGGED_MEMBER_X_SCHEMA2"
    );
    // The operation's module is a scope of its own: its `FooInput` keeps the plain name even
    // though a shared type is called `FooInput` too.
    let op = service
        .operations
        .iter()
        .find(|o| o.name == "Foo")
        .expect("Foo");
    assert_eq!(op.input.schema_name, "FOO_INPUT_SCHEMA");
    assert_eq!(structure("FooInput").schema_name, "FOO_INPUT_SCHEMA");
}

/// Boxed exactly where a member closes a cycle of structures and unions; lists and maps are
/// already indirect.
#[test]
fn recursive_members_are_boxed_only_on_direct_cycles() {
    let service = service("recursion", "com.example.recursion#RecursionService");
    let boxed = |rust_name: &str| -> Vec<(String, bool)> {
        let fields = match service.types.iter().find(|t| t.rust_name() == rust_name) {
            Some(TypeDef::Structure(s)) => &s.fields,
            Some(TypeDef::Union(u)) => &u.variants,
            _ => panic!("no structure or union {rust_name}"),
        };
        fields.iter().map(|f| (f.member.clone(), f.boxed)).collect()
    };
    let pairs = |p: &[(&str, bool)]| -> Vec<(String, bool)> {
        p.iter().map(|(m, b)| (m.to_string(), *b)).collect()
    };
    assert_eq!(
        boxed("Node"),
        pairs(&[
            ("name", false),
            ("children", false),
            ("byName", false),
            ("grid", false),
            ("groups", false)
        ])
    );
    assert_eq!(
        boxed("Expr"),
        pairs(&[
            ("literal", false),
            ("sum", false),
            ("named", false),
            ("negate", true),
            ("call", true)
        ])
    );
    assert_eq!(
        boxed("Call"),
        pairs(&[("function", false), ("argument", true)])
    );
    assert_eq!(boxed("A"), pairs(&[("bs", false), ("count", false)]));
    assert_eq!(boxed("B"), pairs(&[("a", false), ("label", false)]));
    assert_eq!(
        boxed("Chain"),
        pairs(&[("next", true), ("links", false), ("tag", false)])
    );
    assert_eq!(
        boxed("PairRight"),
        pairs(&[("left", true), ("either", true)])
    );
    // The input and output structure is itself recursive: it is also a named type.
    assert_eq!(
        boxed("EchoBody"),
        pairs(&[("text", false), ("reply", true), ("replies", false)])
    );
}
