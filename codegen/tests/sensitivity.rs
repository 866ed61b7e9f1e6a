//! Redaction decided in the IR on the `sensitive` fixture under `tests/fixtures/`: which members
//! are redacted (lists, maps and lists of maps of sensitive values, sensitive unions), which
//! shapes contain sensitive data (through nesting and cycles), sensitive error messages and
//! operations with sensitive output.

use std::path::Path;

use codegen::ir::{self, Service, Structure, TypeDef};
use codegen::model::{ShapeId, load_model};

fn vault() -> Service {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/sensitive");
    let model = load_model(&[dir]).unwrap_or_else(|e| panic!("{e}"));
    let id = ShapeId::parse("com.example.vault#Vault").expect("id");
    ir::build_service(&model, &id, None).unwrap_or_else(|e| panic!("{e}"))
}

fn redacted(s: &Structure) -> Vec<&str> {
    s.fields
        .iter()
        .filter(|f| f.sensitive)
        .map(|f| f.member.as_str())
        .collect()
}

#[test]
fn members_holding_sensitive_values_are_redacted() {
    let service = vault();
    let op = &service.operations[0];
    assert_eq!(op.name, "GetSecret");
    assert_eq!(
        redacted(&op.output),
        [
            "value",
            "history",
            "labels",
            "layers",
            "sealed",
            "sealedChoice"
        ]
    );
    // Structures and unions that merely contain sensitive data redact their own members.
    let holder = service.structure("Holder").expect("Holder");
    assert_eq!(redacted(holder), ["pin"]);
    assert!(holder.sensitivity.contains && !holder.sensitivity.whole);
    let sealed = service.structure("Sealed").expect("Sealed");
    assert!(sealed.sensitivity.whole && sealed.sensitivity.contains);
    let union = |name: &str| {
        service
            .types
            .iter()
            .find_map(|t| match t {
                TypeDef::Union(u) if u.rust_name == name => Some(u),
                _ => None,
            })
            .expect("union")
    };
    let choice = union("Choice");
    let variants: Vec<_> = choice
        .variants
        .iter()
        .map(|v| (v.member.as_str(), v.sensitive))
        .collect();
    assert_eq!(
        variants,
        [("plain", false), ("secret", true), ("secrets", true)]
    );
    assert!(union("SealedChoice").sensitivity.whole);
}

#[test]
fn containment_follows_nesting_and_cycles() {
    let service = vault();
    // `Link` reaches a sensitive member only through `Deep`, which points back at `Link`.
    let link = service.structure("Link").expect("Link");
    assert!(link.sensitivity.contains);
    assert!(redacted(link).is_empty());
    let ops: Vec<_> = service
        .operations
        .iter()
        .map(|o| {
            (
                o.name.as_str(),
                o.sensitive_output,
                o.input.sensitivity.contains,
            )
        })
        .collect();
    assert_eq!(
        ops,
        [
            ("GetSecret", true, false),
            ("GetToken", true, false),
            ("PutSecret", false, true)
        ]
    );
}

#[test]
fn sensitive_error_messages_are_decided_per_error() {
    let service = vault();
    let flags: Vec<_> = service
        .errors
        .iter()
        .map(|e| {
            (
                e.rust_name.as_str(),
                e.sensitivity.message,
                e.sensitivity.whole,
            )
        })
        .collect();
    assert_eq!(
        flags,
        [
            ("SealedError", true, true),
            ("SecretMessageError", true, false)
        ]
    );
}
